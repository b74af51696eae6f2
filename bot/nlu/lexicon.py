"""The one lexicon: words people use for the articles' terms, and the health words the articles do not cover.

Plain data, read by the matcher (synonyms and phrases fold into one vocabulary entry) and by the fallback
(a health question we cannot answer deserves a pointer to the care team, not "try other words").
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Spelled-out terms and the abbreviation they fold into. The disease name matters most: "multiple
# sclerosis" is then as common (and as weak a clue to the topic) as "ms".
PHRASES = {
    "multiple sclerosis": "ms",
    "sclerosis multiple": "ms",  # the word order of many languages ("esclerosis multiple" is another story)
    "central nervous system": "cns",
    "blood brain barrier": "bbb",
    "vagus nerve stimulation": "vns",
    "vagus nerve stimulator": "vns",
    "traumatic brain injury": "tbi",
    # the subject of the refractory-epilepsy article, however it is put
    "medicine resistant": "refractory",
    "treatment resistant": "refractory",
    "hard to treat": "refractory",
    "hard to control": "refractory",
    # "I was diagnosed with MS": the story's opening, not a question about how MS is diagnosed
    "diagnosed ms": "ms",  # filler words ("with") are gone before phrases fold
    "diagnosed multiple sclerosis": "ms",
}

# Words patients and leaflets use for the same thing; the first names the group. A keyword with one of them
# matches a message with another, and each keeps its own typo tolerance.
SYNONYM_GROUPS = (
    ("seizure", "fit", "fitting", "convulsion"),
    ("medicine", "medication", "meds", "drug", "tablet", "pill", "aed"),
    ("type", "kind", "sort"),
    ("symptom", "sign"),
    ("fatigue", "tired", "exhausted", "exhaustion"),
    ("pee", "peeing", "wee", "weeing", "urinate", "urination", "urine"),
    ("gut", "tummy", "stomach", "belly", "bowel", "intestine", "intestinal", "digestive", "digestion"),
    ("physio", "physiotherapy", "physiotherapist"),
    ("surgery", "operation"),
    ("worse", "worsen", "deteriorate"),
    ("cure", "curable"),
    ("treat", "treatable"),
    ("interaction", "interact", "interfere", "interference"),
    ("likely", "prone"),
    ("hard", "harder", "hardest", "difficult", "tough"),
    ("refractory", "intractable"),
    ("resistance", "resistant", "resist", "resists"),
    ("miss", "missed", "missing", "forget", "forgot", "forgetting", "skip", "skipped", "skipping"),
    ("anxiety", "anxious"),
    ("depression", "depressed"),
    # lay words for the articles' terms
    ("gene", "genetic", "genetics", "inherited", "inherit", "hereditary", "heredity", "dna"),
    ("bacteria", "bacterium", "microbe", "microbes", "microbiome", "microbiota", "flora"),
    ("relapse", "flare", "flareup"),
    ("tooth", "teeth"),
)

# Health words the articles do not cover: conditions, body parts, everyday care topics and medicines by name.
# A message with one that the best topic does not explain is about something else ("lupus rash on my face",
# "plaque on my teeth"); a message with one (or naming epilepsy or MS) that finds no topic is a health
# question, answered with who can help. Words the articles use ("bladder", "memory") are not listed. Everyday
# matters (driving, mortgages, breastfeeding, addiction relapses) are here too: the articles do not cover them.
OTHER_HEALTH_WORDS = _words("""
    asthma allergy allergies arthritis osteoarthritis alzheimers dementia parkinsons stroke migraine migraines
    headache headaches cancer tumour tumor diabetes diabetic covid coronavirus flu influenza fever infection
    fibromyalgia adhd autism ocd bipolar schizophrenia insomnia apnoea apnea narcolepsy concussion neuropathy
    shingles herpes hiv aids hepatitis eczema psoriasis acne rash rashes hives gout osteoporosis fracture sprain
    obesity anaemia anemia thyroid lyme meningitis glaucoma cataract tinnitus vertigo sciatica scoliosis hernia
    ulcer reflux heartburn ibs crohns colitis coeliac celiac uti cystitis pneumonia bronchitis copd sepsis measles
    chickenpox dandruff
    tooth teeth gum gums dental dentist eye eyes eyesight floaters ear ears nose throat skin hair nail nails knee
    knees hip hips shoulder joint joints bone bones foot feet chest heart lung lungs kidney kidneys liver breast
    prostate womb ovary
    pregnant pregnancy fertility ivf breastfeeding contraception contraceptive menopause hormone
    hormones vaccine vaccines vaccination vaccinated jab booster vitamin vitamins supplement supplements alcohol
    smoking cannabis cbd licence license insurance sudep expectancy infusion injection
    overdose sex pain ache aches itch itchy cough nausea vomiting dizzy dizziness bleeding lump
    blurry cramp cramps palpitations breathless drowsiness dreams nightmares
    keppra levetiracetam lamotrigine lamictal valproate epilim carbamazepine tegretol topiramate phenytoin
    clobazam diazepam midazolam ocrevus tysabri copaxone tecfidera gilenya kesimpta mavenclad lemtrada aubagio
    paracetamol ibuprofen aspirin antibiotic antibiotics statin statins antidepressant antidepressants insulin
    epidiolex vigabatrin zonisamide lacosamide brivaracetam perampanel cenobamate ethosuximide oxcarbazepine
    pregabalin oxybutynin sativex prednisolone
    myasthenia huntingtons palsy leukaemia leukemia lymphoma mrsa tongue mouth caesarean facelift
    breastfeed breastfed mortgage loan loans driving drive dvla gambling addiction sober dosage storage disposal
    nephritis sjogren sjogrens
    fibro arteries artery atherosclerosis toothpaste gluten bloated bloating meningioma otosclerosis deafness
    dementia cfs tia warfarin anticoagulant anticoagulants humira sertraline citalopram fluoxetine methotrexate
    hydroxychloroquine plaquenil
    heroin cocaine vaping vape marijuana weed beer wine tattoo tattoos claustrophobic
""")

# Words that make a message about health at all (with the words above and the diseases' names).
GENERAL_HEALTH_WORDS = _words("""
    symptom symptoms sign signs medicine medicines medication medications meds drug drugs tablet tablets pill
    pills treatment treatments therapy doctor doctors nurse neurologist gp hospital clinic diagnosis diagnosed
    condition disease illness ill sick health healthy medical brain nerve nerves immune seizure seizures fit fits
    epilepsy epileptic ms sclerosis side effects dose safe risk risks pharmacist surgery scan mri test tests
""")
