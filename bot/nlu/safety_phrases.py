"""The safety lexicon's tables: everyday words and phrases for each concept, text-speak, medicine names.

Data only; `bot.nlu.safety_lexicon` folds messages with them and `bot.nlu.safety` decides on the
concepts. Each phrase is written as people write it and folded like a message when loaded (filler
words such as "my", "the", "to" dropped), so "what do i tell my coworkers" and "what do i tell
coworkers" are one entry.
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    """The distinct words of a space-separated list."""
    return frozenset(text.split())


# Concepts matched on a pass of their own, after the others, so that their phrases hide none of the others' words.
OWN_PASS = ("HELP_HERE", "SHAKEN")
# Words dropped before phrases are matched, in messages and lexicon alike: "hit his head" = "hit her head".
DROP = frozenset(
    ["a", "an", "the", "his", "her", "their", "my", "your", "our", "that", "some", "any", "of", "to", "for", "about", "approximately", "nearly", "almost", "really", "very", "so", "totally", "completely", "literally", "actually", "like", "um", "uh", "erm", "omg"])
# Negated auxiliaries read as "not": one entry ("not breathe") covers can't, cannot, isn't, won't ...
NEGATED = frozenset(
    ["not", "dont", "dnt", "dosnt", "dosent", "cnt", "wudnt", "cudnt", "havnt", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "aint"])
# Text-speak and spellings that are not one edit away: folded before anything else.
SPELLINGS: dict[str, str] = {
    "rn": "right now", "atm": "at moment", "pls": "please", "plz": "please", "plse": "please", "u": "you",
    "ur": "your", "r": "are", "n": "and", "bc": "because", "cuz": "because", "coz": "because", "idk": "not know",
    "b4": "before", "2day": "today", "2nite": "tonight", "tonite": "tonight", "2morrow": "tomorrow",
    "min": "minutes", "mins": "minutes", "minute": "minutes", "mints": "minutes", "minuets": "minutes",
    "minits": "minutes", "sec": "seconds", "secs": "seconds", "second": "seconds", "hr": "hours", "hrs": "hours",
    "hour": "hours", "yr": "years", "yrs": "years", "year": "years", "wk": "weeks", "wks": "weeks",
    "week": "weeks", "month": "months", "day": "days", "kms": "kill myself", "unalive": "kill", "wanna": "want",
    "gonna": "going", "gotta": "have", "tryna": "trying", "ppl": "people", "smth": "something",
    "shd": "should", "cld": "could", "wld": "would", "abt": "about", "bout": "about",  # ("shud", "shld" are ADVICE phrases of their own)
    "siezure": "seizure", "siezures": "seizures", "seizre": "seizure", "seisure": "seizure", "sezure": "seizure",
    "seizer": "seizure", "seizers": "seizures", "seazure": "seizure", "seziure": "seizure", "siezing": "seizing",
    "seazing": "seizing", "seizin": "seizing", "fiting": "fitting", "fittin": "fitting", "shakin": "shaking",
    "jerkin": "jerking", "twitchin": "twitching", "breathin": "breathing", "breth": "breath",
    "breathe": "breathe", "brething": "breathing", "unconcious": "unconscious", "unconsious": "unconscious",
    "concious": "conscious", "unresponsve": "unresponsive", "responsive": "responsive", "sucidal": "suicidal",
    "suicidel": "suicidal", "sucide": "suicide", "suiside": "suicide", "suicde": "suicide", "selfharm": "self harm",
    "overdosed": "overdosed", "overdoze": "overdose", "overdozed": "overdosed", "od": "od", "odd": "odd",
    "oded": "overdosed", "meds": "meds", "medz": "meds", "tabs": "tablets", "pils": "pills",
    "ambulence": "ambulance", "ambulanse": "ambulance", "pregnent": "pregnant", "preggers": "pregnant",
    "preggo": "pregnant", "wat": "what", "wot": "what", "wen": "when", "sum1": "someone", "some1": "someone",
    "beter": "better", "bettr": "better", "disapear": "disappear", "dissapear": "disappear", "dissappear": "disappear", "dissapearing": "disappearing",
    "disapearing": "disappearing", "stoped": "stopped", "stopt": "stopped", "stopd": "stopped", "finshed": "finished", "finised": "finished",
    "any1": "anyone", "every1": "everyone", "im": "im", "ive": "ive", "theyre": "theyre", "cannot": "cant",
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "several": 5, "few": 3, "couple": 2,
}

# Concept -> phrases (one a line, or several on a line separated by "|"). Longest phrase wins at a position.
PHRASES: dict[str, str] = {
    # --- seizures -----------------------------------------------------------------------------------------
    "SEIZ": """one of her long ones | one of his long ones | one of her big ones | one of his big ones | one of her seizures
        one of his seizures | one of her fits | one of his fits | one of her bad ones | one of his bad ones | one seizures | one fits | one convulsions | one attacks | one episodes | one turns | one absences | one funny turns
        tonic clonic | grand mal | drop attack | epileptic attack
        making crisis | making a crisis | make crisis | makes crisis | made crisis | doing crisis | epileptic crisis
        epilepsy crisis | crisis of epilepsy | convulsive crisis | crisis convulsion | crisis convulsions
        seizure attack | epileptic episode | seizure episode | petit mal | absence seizure | focal seizure | drop attacks | absence attack | absence attacks""",
    "SEIZ_PL": "cluster | clusters | cluster seizures | seizure attacks",
    # "my wife now have attack, not stopping": an attack not named, a seizure when something alarming goes with it
    # (bot.nlu.safety_lexicon._in_context)
    "ATTACK_BARE": """have attack | having attack | has attack | had attack | attack now | attack right now
        in attack | in middle of attack | another attack""",
    # Seizures named by their kind ("the jerking ones and the staring ones", "staring spells", "myoclonic jerks"):
    # the illness's seizures, an event only with what says now for sure ("having one of his jerky ones right now"),
    # not a sign seen now. Masking, like SEIZ_TOPIC: "jerky" in "the jerky kind" is no sign
    "SEIZ_KIND": """staring ones | jerking ones | jerky ones | shaking ones | staring spells | staring spell | jerky kind
        jerking kind | shaking kind | staring kind | jerky type | jerking type | staring type | big shaking ones
        full shaking ones | staring into space ones | jerky morning ones | myoclonic jerks | myoclonic jerk
        jerks in morning | morning jerks""",
    "STATUS": """still going past | still going after | rescue med given | rescue meds given | given rescue med
        gave rescue med | gave midazolam | given midazolam | gave buccal | given buccal | status epilepticus
        status epilepticus now | in status | gone into status | went into status""",
    "CONV": """having seizure | having fit
        having convulsion | went into seizure | gone into seizure | going into seizure | started seizing
        started fitting | started convulsing | in middle seizure | mid seizure | midseizure | seizing up
        he seize | she seize | baby seize | son seize | daughter seize | seize and not stop | seize not stop""",
    "SIGN": """not stop shaking | not stopped shaking | not stopping shaking | jerk | twitch | jaw going | face going | head going | grunting | groaning
        kicking out | legs kicking | leg kicking | arm kicking | eyes flickering | eyes fluttering | lip smacking
        chewing motions | plucking clothes
        going crazy | arms going | legs going | arms and legs going | going everywhere | staring
        arms going everywhere | shaking | shake | shakes | shook | jerking | jerks | jerked | jerky | twitching | twitches | twitched
        stiff | stiffened | stiffening | went stiff | gone stiff | rigid | drooling | dribbling | foaming
        foaming at mouth | frothing | eyes rolling | eyes rolled | eyes rolled back | eyes rolling back
        rolling back | rolled back | rolled up | rolling up | eyes are rolling | eyes gone back | eyes went back
        rolling eyes | eyes back in head | thrashing | thrashing around | spasming | flailing | convulsing
        lip smacking | smacking lips | blank stare | staring blankly | staring into space | zoned out
        clenched jaw | jaw clenched | teeth clenched | biting tongue | bit tongue | bitten tongue
        wet himself | wet herself | wet themselves | lost control bladder | body jerking | arms jerking
        legs jerking | arms and legs jerking | shaking all over | violently shaking | shaking violently | floor shaking | in bed shaking | whole body shaking | foam in mouth | foam at mouth | foaming at mouth | frothing at mouth | woke up on floor | came round on floor | came to on floor | woke up on bathroom floor | woke up on kitchen floor""",
    # Shaky: a second sign with a real one ("stiff and shaky"), never one alone
    "SHAKY": "shaky | shakey | shuddering | trembling | trembly",
    "BODY_ALL": """whole body | all over | arms and legs | on floor | on ground | dropped floor | fell floor
        hit floor | floor shaking | in bed shaking | whole body shaking""",
    # A seizure's own warning: with one sign it is a seizure ("aura came and now my arm is jerking")
    "AURA": """aura | auras | aura came | aura started | got aura | had aura | having aura | warning feeling""",
    # A seizure about to start, felt by the writer ("aura starting. i think im about to have one. im alone")
    # Someone who has died ("my late husband was on steroids"): not a dose taken late
    "LATE_PERSON": """late husband | late wife | late mother | late father | late mum | late mom | late dad | late son
        late daughter | late partner | late brother | late sister | late grandmother | late grandfather | late nan
        late grandad | late granddad | late friend | late uncle | late aunt""",
    # Self-harm announced ("my grandson texted me that he's going to hurt himself tonight"); not the fear of a fall
    # in a seizure ("scared she's going to hurt herself when she has a fit": the crisis rule keeps those out)
    "WILL_HURT_SELF": """going to hurt himself | going to hurt herself | going to hurt myself | gonna hurt himself
        gonna hurt herself | gonna hurt myself | going to harm himself | going to harm herself | going to harm myself
        gonna harm myself | gonna harm himself | gonna harm herself""",
    # A seizure asked about as a future ("will i have a seizure now" after a missed dose): a worry, not one going on
    "FUTURE_Q": """will i have | will he have | will she have | will they have | will i get | will he get | will she get
        will i have another | will he have another | will she have another | will it cause | will that cause""",
    "ABOUT_TO": """seizure coming | seizure coming on | fit coming | fit coming on | one coming on | feel one coming
        aura starting | aura coming | aura coming on | aura starting now | feel a seizure coming | feel a fit coming
        feel one starting | seizure starting | fit starting | feel another coming | feel another one coming
        another one coming | another coming on | another one coming on
        starting to seize | started to seize | beginning to seize | begun to seize | starting to fit | started to fit""",
    # A fall: with a sign it is a seizure ("he fell and shook"); from stairs or a height, an injury
    "FALL": """fell | fall | fallen | fell down | fall down | falls down | went down | dropped | fell over | fell off""",
    # A bad injury told now, with or without a seizure: heavy bleeding, or a fall the person cannot get up from
    "BLEED_BAD": """bleeding badly | bleeding a lot | bleeding heavily | bleeding loads | bleeding so much | lots of blood
        loads of blood | so much blood | blood everywhere | wont stop bleeding | not stop bleeding | pouring blood
        pouring with blood | gushing blood | head is bleeding | head bleeding | bleeding from her head
        bleeding from his head | bleeding from head""",
    # A head hurt in a fall or a blow, and blood seen or a person dazed: with both, a head injury told now
    "HEAD_HURT": """hit head | hit her head | hit his head | hits head | banged head | bumped head | smacked head
        cracked head | split head | cut head | blood on head | blood from head | blood on her head
        blood on his head | blood coming from head | hit head on | hit her head on | hit his head on""",
    "BLOOD": """blood | bloody | blood on head | blood from head | blood on her head
        blood on his head | blood coming from head""",
    "DAZED": """dazed | groggy | concussed | knocked out | out cold | disorientated | disoriented
        not making sense | not knowing where she is | not knowing where he is | not know where she is
        not know where he is""",
    "CANT_GET_UP": """cannot get up | cant get up | not get up | unable to get up | couldnt get up | not able to get up
        stuck on floor | stuck on the floor | cant move her | cant move him | not moving her legs | cant stand up""",
    "STAIRS": "stairs | steps | staircase | ladder | bunk bed | top bunk",
    # Emergencies beyond the illness (NHS "when to call 999"): chest pain that may be the heart, a severe allergy
    "CHEST_PAIN": """chest pain | chest pains | pain in chest | pain in my chest | pain in his chest | pain in her chest
        chest hurts | chest hurting | chest is hurting | chest is tight | tight chest | tightness in chest
        chest tightness | crushing chest | crushing pain | pressure on chest | pressure in chest | squeezing chest
        chest is crushing | chest feels crushed | chest feels heavy | heavy chest""",
    "HEART_ATTACK": """heart attack | cardiac arrest | heart has stopped | heart stopped | heart stopping""",
    "HEART_SIGNS": """down his arm | down her arm | down my arm | into his arm | into her arm | into my arm
        into his jaw | into her jaw | into my jaw | to his jaw | to her jaw | to my jaw | sweating | sweaty | clammy
        cold sweat | grey | gray | crushing""",
    "ALLERGY_BAD": """throat swelling | throat is swelling | throat swollen | throat is swollen | swollen throat
        throat closing | throat is closing | throat closing up | throat tight | throat is tight | tongue swelling
        tongue is swelling | tongue swollen | tongue is swollen | swollen tongue | lips swelling | lips are swelling
        lips swollen | lips are swollen | swollen lips | mouth swelling | mouth is swelling
        face swelling | face is swelling | face swollen | face is swollen
        anaphylaxis | anaphylactic | anaphylactic shock | epipen | epi pen | adrenaline pen""",
    "ALLERGY": """allergic reaction | allergic reactions | severe reaction | bad reaction | severe allergic reaction
        bad allergic reaction | hives | rash all over | come out in hives | came out in hives""",
    # Not a seizure cluster
    "CLUSTER_HEADACHE": "cluster headache | cluster headaches",  # the longer phrase hides "cluster" (a seizure word)
    # Now, said after a history ("my wife died last spring ... i feel there is nothing left to live for"): the wish
    # that follows is present, whatever the history before it (no "i feel" or "i think": a longer phrase would
    # hide the "feel hopeless" or "think about dying" that starts inside it)
    "FEEL_NOW": "lately | these days | nowadays | at the moment | feel there is | feel theres | feel that there is",
    # A rhythm said of the events ("still fitting monthly"): the illness, not one happening now
    # A sign that has lasted, not one that has just come: "cant find words anymore", "for weeks"
    "ANYMORE": """anymore | no longer""",  # (not "any more": "any" is dropped, and "more" is no lasting)
    "RHYTHM": """monthly | weekly | daily | nightly | every month | every week | every day | every night | each month
        each week | per month | per week | a month | a week""",
    # Shaking that another illness explains: a tremor, not a seizure (unless a seizure word is said too)
    "TREMOR_CAUSE": "parkinson | parkinsons | essential tremor",
    # Longer phrases that hide an event word used in another sense: blood tests are not bleeding, going on a trip
    # is not going on living, seizures that cluster around a period are a pattern (blind1 and blind3, tuned sets)
    "OTHER_SENSE": """before shoot | photo shoot | drop lbs | drop pounds | drop kilos | drop weight
        just little | just small | just mild | just minor | just tiny | just brief | just short | just few | just bit
        just monitor | just watch | just observe | just keep eye
        going on about | goes on about | keeps going on about | keep going on about | banging on about | kept going on about
        double check | double checking | double checked
        pills forever | meds forever | tablets forever | medication forever | medicine forever | drugs forever
        treatment forever
        less likely | more likely | less effective | more effective | less well | drop to part time | go part time
        drop hours | too late for disease modifying
        too late for dmt | too late for dmts | too late for treatment | too late to start treatment
        not sleeping make | not sleeping cause | not sleeping enough | not sleeping well | lack of sleep
        hang washing | hang out washing | hang clothes | hang laundry | hang up washing | hang up
        hang on | hang out | hang around | hang pictures | hang curtains | hang picture | hang in there
        shifts in row | night shifts in row | nights in row | days in row | weeks in row | months in row
        not walk long distance | not walk long distances | not walk far | not walk very far | not walk as far
        not walk for long | not walk long way | more cheap | more cheaply | more expensive | more affordable
        do pe again | play again | drive again | driving again | swim again | work again | walk again | talk again
        do sport again | go school again | ride again | dance again | be normal again | be herself again
        be himself again | be same again | be ok again | be okay again | not understand what they do | not understand what it does | not understand what it is
        not understand what that is | not understand what that means | not understand what it means
        not understand what means | not understand why | not understand how | not understand the difference
        probiotic brand | supplement brand | vitamin brand | brand should i buy | brand to buy | best brand
        brand of probiotic | brand of probiotics | screws it up | screw it up | screwed it up | screws up | messes it up
        mess it up | messed it up | how to end things with | how to end it with | ways to end things with | message again | message you again | text again | text you again | ask again | ask you again
        write again | chat again | talk again | speak again | contact again | contact you again | check again
        check back again | come back again | try again later | message again later | text again later
        neuro not answering | neuros not answering | neurologist not answering | doctor not answering
        doctors not answering | gp not answering | nurse not answering | nurses not answering | clinic not answering
        surgery not answering | hospital not answering | helpline not answering | office not answering
        not answering phone | not answering phones | not answering calls | not answering my calls | not answering emails
        have to last | has to last | before its emergency | before it is emergency | when is it emergency
        counts as emergency | count as emergency | classed as emergency | considered emergency
        whats happening in her brain during | whats happening in his brain during | whats happening in the brain during
        whats happening in brain during | why her fits keep coming | why his fits keep coming | why fits keep coming
        why seizures keep coming | why her seizures keep coming | why his seizures keep coming
        seizures forever | forever thing | a forever thing | forever condition | forever illness | forever disease | have it forever | have them forever | had it forever | had them forever | had these forever | had those forever | had seizures forever | had fits forever | had epilepsy forever | had ms forever | epilepsy forever | ms forever | fits forever
        just cut them down | just cut down | just cut back | just cut it down | just cut out | just cut them
        reading for hours | been reading for hours | reading for ages | googling for hours
        snored for ages | snoring for ages | slept for ages | asleep for ages | sleepy for ages
        quick list | quick summary | quick guide | quick version | quick rundown | quick overview
        can help me | could help me | would help me | might help me | will help me | can it help me
        stop epilepsy medicine working | stop medicine working | stop meds working | stop it working | stop them working
        stops it working | stop my meds working | stop the medicine working | stop his meds working
        stop her meds working
        screening questions | questions about mood | standard question | routine question | pml fatal | is pml fatal
        status epilepticus deadly | epilepticus deadly | drowning risk | risk of drowning | quick answer | quick question
        quick steps | quick tips | quick guide | quick summary | quick version | quick rundown | quick overview
        quick list | quick checklist | quick info | quick explanation | quick refresh | quick refresher | quick recap
        quick reminder | stop pill from working | stop pill working | stop pills from working | stop it from working
        stop them from working | stop contraceptive working | stop contraception working | stop birth control working
        delayed again | late again | cancelled again | canceled again | raining again | broken again
        lying awake | laying awake | lie awake | lay awake | up all night | up at night | up every night
        up half night | up most of night | stays up | stay up | staying up | up late | up till late
        reduce effect | reduce effects | reduce effectiveness | lower effect | reduce levels | lower levels
        reducing effect | reducing effects | reduces effect | reduced effect | lowering effect | lowers effect | sees blood | sight of blood | sight blood | sees any blood | scared of blood | afraid of blood | fear of blood
        faints at blood | faint at blood | faints when sees blood | faint when see blood
        blood brain barrier | blood test | blood tests | blood pressure | blood sugar | blood sugars
        blood cells | blood cell | blood level | blood levels | blood work | blood vessels | blood vessel | blood flow
        blood thinner | blood thinners | blood donation | blood count | blood counts | bloods done
        respite care | respite care for | social care for | care package for | day care for | foster care for
        test blood | test his blood | test her blood | testing blood | tested blood | check blood | checked blood
        blood and spinal fluid | blood or spinal fluid | blood and csf | blood sample | blood samples | take blood
        clinic not answering | clinic is not answering | surgery not answering | gp not answering | doctor not answering
        doctors not answering | nurse not answering | nurses not answering | neuro not answering | hospital not answering
        office not answering | line not answering | phone not answering | team not answering | nobody answering phone
        not answering phone | not answering the phone | not answering their phone | not answering my calls
        not answering calls | clinic not picking up | nobody picking up | no one picking up
        blood for antibodies | not understand him well | not understand her well | not understand doctor | not understand the doctor
        not understand what doctor | not understand what the doctor | not understand neurologist
        not understand the neurologist | not understand what neurologist | not understand what the neurologist
        took blood | blood taken
        not be worse | not be any worse | not be much worse | not be bothered | not be arsed | not be sure
        not be able | not be helped | not be cured
        in his blood | in her blood | in my blood | in their blood | in the blood | in your blood | in blood
        antibody in blood | antibodies in blood | drug in blood | medicine in blood | meds in blood
        keep coming back | keeps coming back | seizures keep coming back | fits keep coming back
        fail one after another | failed one after another | failing one after another | fail one after other
        failed one after other | tried one after another | one drug after another | one medicine after another
        one med after another | one medication after another | one tablet after another
        go on trips | go on trip | go on holiday | go on holidays | go on school trips | go on school trip | go on pill
        go on medication | go on meds | go on treatment | go on diet | go on keto | go on keto diet | go on dates
        go on date | go on sleepovers | go on sleepover | go on rides | go on camp | go on residential
        cluster around | clusters around | cluster before | cluster during | cluster at night | tend to cluster
        seem to cluster | tends to cluster | seems to cluster""",
    # --- consciousness --------------------------------------------------------------------------------------
    # A rescue medicine, given by a care plan while a seizure goes on: "do i give her midazolam again?" is the
    # emergency's question (its guidance names the care plan), not a change of a daily medicine
    "RESCUE_MED": """midazolam | buccal | buccolam | epistatus | rescue med | rescue meds | rescue medicine
        rescue medication | rescue medicines | diazepam | rectal diazepam | stesolid | nayzilam | valtoco""",
    # No waking between seizures ("3 seizures without waking up"): the person, never a medicine (see
    # _said_of_medicine: "seizures not responding" is the treatment, "seizures without waking up" is not)
    "NO_WAKING": """no waking up | no waking | no wake up | without waking up | without waking | not waking between
        no waking up between | no wake up between | without coming round | without coming to
        without waking up in between | no waking up in between | not waking up in between""",
    "UNRESP": """no waking up | no waking | no wake up | without waking up | without waking | not waking between
        no waking up between | no wake up between | shes not moving | hes not moving | she is not moving | he is not moving | theyre not moving
        they are not moving | not moving at all | still not moving | lying there not moving | lying not moving
        hard wake | difficult wake | hard wake up | barely wake | barely wakes | not stay awake | not keep awake
        keeps drifting off | drifting off again | goes back off | keeps going off | not fully awake
        not properly awake | not make any sense | not making any sense
        not answering | not look at me | not looking at me | not focusing | not react | no reaction
        not recognise me | eyes fixed | eyes are fixed | fixed stare | glazed | eyes glazed | vacant | not all there | just not there | he is not there
        she is not there | hes not there | shes not there | theyre not there
        went floppy | gone floppy | is floppy | went limp | gone limp | not get him respond | not get her respond
        not get them respond | not get him wake | not get her wake | not get him wake up | not get her wake up
        not rouse him | not rouse her | not get him come round | not get her come round | unconscious | unresponsive | not responsive | not conscious | not responding | not respond
        not responding me | not answering me | not answer me | not reacting | no response | not get response
        not waking | not waking up | not wake | not wake up | not wake him | not wake her | not woken
        not woken up | not woke up | not woke | still asleep not waking | not come round | not coming round
        not came round | not come to yet | not coming to yet | not regained consciousness | out cold | lifeless
        limp and not | wont open eyes | not open eyes | not opening eyes | eyes open but not there
        eyes open not responding | staring not responding | not with it | knocked out
        not moving at all | lying there not moving | not moving or breathing | not breathing or moving | lost consciousness | losing consciousness
        cant rouse | not rouse | not rousable | not arousable""",
    "COLLAPSE": """collapsed | collapses | collapse | collapsing | keeled over | dropped floor | fell floor
        hit floor | went down | gone down | slumped | slumped over | passed out | blacked out""",
    "FAINT": "fainted | fainting | faint | passing out | blacking out",
    # --- breathing and colour -----------------------------------------------------------------------------------
    "BREATH_BAD": """not tell if she is breathing | not tell if he is breathing | not tell if shes breathing | not tell if hes breathing | not sure if she is breathing | not sure if he is breathing | not sure if shes breathing | not sure if hes breathing | not know if she is breathing | not know if he is breathing
        not breathing | not breathe | not breath | stopped breathing | stop breathing | stops breathing
        struggling breathe | struggling breath | struggling breathing | fighting breath | gasping | gasping air
        gasping breath | hard breathe | hard breath | trouble breathing | difficulty breathing | breathing difficulty
        breathing weird | breathing funny | breathing strange | breathing strangely | breathing oddly | breathing odd
        breathing shallow | shallow breathing | breathing irregular | irregular breathing | noisy breathing
        breathing noisy | gurgling | rattling breath | breathing rattly | not get breath | not getting air
        not get air | not catch breath | not getting breath | choking | choked | choke | airway blocked
        no breath | no breathing | barely breathing | hardly breathing | not breathing properly | not breathing right
        not think hes breathing | not think shes breathing | not think he is breathing | not think she is breathing
        not think theyre breathing | not think they are breathing | not sure hes breathing | not sure shes breathing
        breathing stopped | breaths slow | breathing slow | stopped breath | not see chest move | not see chest moving | chest not moving | chest not move | chest not rising | chest stopped moving | not get full breath | not get breath | not get enough air | not get air in""",
    "COLOUR": """gone funny colour | gone funny color | gone weird colour | gone weird color | gone strange colour
        gone odd colour | turned funny colour | turning funny colour | going funny colour | turned weird colour
        turning weird colour | going weird colour | gone wrong colour | going funny color | turning funny color
        looks grey | looking grey | hes grey | shes grey | he is grey | she is grey | theyre grey | face grey
        gone grey in face | grey in face | gone grey | gone gray | turned grey | turned gray
        lips look funny | lips dark | lips look dark | lips going dark | lips gone dark | lips are dark
        bluish | blueish | greyish | grayish | purplish | dusky | fingertips blue | fingers blue | nails blue
        fingertips look blue | fingers look blue | lips look blue | lips look bluish | lips look grey
        turned blue | turning blue | going blue | gone blue | went blue | is blue | looks blue | blue lips
        lips blue | lips are blue | lips going blue | lips turning blue | lips turned blue | face blue | face is blue
        turned grey | turning grey | going grey | gone grey | went grey | is grey | looks grey | grey lips
        lips grey | face grey | turned gray | turning gray | going gray | gone gray | gray lips | lips gray
        turned purple | turning purple | going purple | gone purple | purple lips | lips purple | face purple
        ashen | blue around mouth | blue round mouth | grey around mouth | skin blue | skin grey""",
    # --- stroke signs ---------------------------------------------------------------------------------------------
    "FACE": "face | mouth | smile | lip | cheek | eyelid",
    "FACE_SIDE": "one side face | side face | half face | left side face | right side face",
    "LIMB": """arm | arms | leg | legs | hand | hands | foot | feet | one side | left side | right side | side body
        one side body | half body | fingers""",
    "ONE_SIDE": "same side | on same side | down one side | one side | left side | right side | half body | half face | one arm | one leg | side body",
    "DEFICIT": """no strength | lost strength | no power | lost power
        went limp | gone limp | not moving | no move | no moving | weak | weakness | numb | numbness | paralysed | paralyzed | paralysis | not move | not lift
        not raise | not feel | not grip | not hold | gone dead | went dead | dead | limp | floppy | heavy
        gave way | give way | giving way | not use | useless | tingly | tingling | pins and needles""",
    "DROOP": """fell | fallen | fell on one side | falling one side | falling on one side | falling down one side | dropped on one side | gone down on one side | slipped | droop | drooping | droopy | drooped | droops | sagging | sagged | saggy | dropped | dropping
        fallen | lopsided | crooked | uneven | twisted | pulled down | drooping down | slack""",
    "SPEECH_BAD": """words are coming out wrong | words are coming out funny | words are coming out jumbled | words are coming out weird | words are coming out strange | words are coming out all wrong | words coming out all wrong | words coming out weird | words coming out strange | words are all wrong | words are all jumbled | words are jumbled | words are muddled
        words coming out wrong | words come out wrong | words coming out funny | words coming out jumbled | speech is wrong | speech wrong | speech not right | speech is not right | speech is strange
        speech is weird | speech is funny | speech gone wrong | speech went wrong | speech went strange | speech went weird | speech went funny | speech jumbled | words jumbled | jumbled speech | jumbled words | went jumbled | talking gibberish | sound drunk | sounds drunk | talking drunk | speech drunk | words drunk | words sound drunk
        talking like drunk | slurs | slur | slurring her words | slurring his words | words mixed up | mixed up words
        words muddled | muddled words | muddled speech | speech muddled | words are mixed up | slurred | slurring | slurry speech | speech slurred | slurring words | not speak | not talk
        not speak properly | not talk properly | not get words out | words not come out | words wont come out
        words jumbled | jumbled words | jumbled speech | speech jumbled | talking gibberish | gibberish
        speaking gibberish | garbled | speech garbled | not understand him | lost speech
        not understand what he | not understand what she | not understand what they | not understand word he
        not understand word she | not understand anything he | not understand anything she | not understand speech
        not understand what saying | not understand what hes saying | not understand what shes saying
        speech gone | speech weird | speech funny | speech strange | speech off | speaking funny | speaking weird
        talking funny | talking weird | talking strange | words wrong | wrong words | not find words
        not say words | mumbling | not form words | not making sense speaking""",
    "VISION_BAD": """see double | seeing double | double vision | sees double
        eye went black | eye just went black | eye went dark | eye just went dark | eye gone black | eye gone dark | vision just went | sight just went | vision went on one side | went blind on one side
        lost vision one side | vision gone one side | vision went funny | vision went weird | not see | lost vision | lost sight | losing vision | losing sight | vision gone | vision went
        sight gone | sight went | went blind | gone blind | blind | vision black | vision went black
        black in one eye | blacked out one eye | curtain over eye | not see out one eye | vision loss""",
    "BALANCE_BAD": """not stand | not walk | lost balance | losing balance | off balance | falling one side
        leaning one side | not stand up | legs gave way | dizzy and falling | not walk straight | staggering""",
    "HEADACHE_SEVERE": """crazy headache | terrible headache | horrendous headache | massive headache | blinding headache
        banging headache | severe headache | awful headache | killer headache | headache out nowhere
        horrible headache | excruciating headache""",
    "HEADACHE_BAD": """worst headache | worst headache ever | worst headache life | thunderclap headache
        thunderclap | head exploding | headache came on suddenly | sudden headache | sudden severe headache
        sudden bad headache | splitting headache suddenly""",
    "SUDDEN": """all at once | out of nowhere | out of the blue | came on all at once | happened all at once
        suddenly | sudden | all sudden | out nowhere | out blue | came on | came on suddenly | just started
        within minutes | just now | few minutes ago | minutes ago | started just | outta nowhere""",
    "STROKE_WORD": "stroke | mini stroke | tia | brain attack",
    "STROKE_NOW": """having stroke | is having stroke | think having stroke | stroke right now | stroke happening
        having mini stroke | stroke now | signs stroke now | its stroke | is it stroke | is this stroke""",
    # --- medicines, overdose and poisoning ----------------------------------------------------------------------
    "MED": """double dose | double doses | extra dose | extra doses | half dose | halve dose | skip dose | skip doses
        tabs | tabets | tablts | inject | dosette box | pump refill | starter pack
        i took more pills than | i took more tablets than | i took more meds than | he took more pills than | she took more pills than
        took more pills than | took more tablets than | took more meds than
        stay on dose | stay on same dose | stay on current dose | stay on this dose | stay on old dose | keep same dose
        keep dose same | keep on same dose | old tablets | old pills | old meds | old prescription
        missed dose | side effect | side effects | two doses | 2 doses | take two tonight | take two now
        take two together | take 2 tonight | take 2 now | take both tonight | take both now
        medication | medications | medicine | medicines | meds | med | tablets | tablet | pills | pill
        capsules | capsule | caps | dose | doses | dosage | drugs | drug | prescription | painkillers
        painkiller | sleeping pills | sleeping tablets | antidepressants | paracetamol | acetaminophen | tylenol
        ibuprofen | advil | aspirin | codeine | tramadol | oxycodone | morphine | insulin | sertraline
        citalopram | fluoxetine | amitriptyline | nurofen | calpol | iron tablets | vitamins | gummies
        infusion | infusions | injection | injections | jab | jabs | shot | rescue meds | rescue medication
        buccal | antiepileptic | antiepileptics | anticonvulsant | anticonvulsants | anti convulsant | aed | aeds | anti seizure meds | anti seizure medication
        seizure meds | seizure pills | seizure tablets | seizure medication | epilepsy meds | epilepsy pills
        epilepsy tablets | epilepsy medication | ms meds | ms medication | dmt | bottle | packet | box | blister
        strip | pack | whole packet | whole bottle | whole box | whole strip | whole pack | entire bottle
        entire packet | full bottle | full packet | morning dose | evening dose | night dose | usual dose
        dose be lowered | dose be reduced | dose be cut | dose be increased | dose be raised | dose be upped
        dose be changed | dose be adjusted | dose be halved | dose be doubled | dose be dropped""",
    # (the IF_TOOK phrases too: a phrase eats its words, so "is it bad if i took too much" still says a taking)
    # ... and "i took more pills than i should have" (also TOO_MUCH), before "i took more", a change, eats them
    "TOOK": """been taking | been giving | taking double | taking extra | giving double | gave | gave him | gave her | given him | given her
        took | taken | swallowed | ate | eaten | drank | downed | necked | popped | chewed | had too many
        had too much | had whole | had all | got into
        if i took | if i just took | if i swallowed | if i took them | if i took it
        gotten into | been into | given | double dosed | doubled up | took double
        took extra | has taken | have taken | just took | just taken | just swallowed | have swallowed | did double up | did double dose | done double up
        i took more pills than | i took more tablets than | i took more meds than | i took more than i should | he took more pills than | she took more pills than | took more pills than | took more tablets than | took more meds than | took more than i should | took more than he should | took more than she should""",
    # A child into the medicine cupboard (not "my son took his keppra", his usual dose)
    "GOT_INTO": "got into | gotten into | been into | got hold of",
    "TOO_MUCH": """three times | 3 times | four times | 4 times | extra time | one too many | too many | too much | whole | took double | took extra | double dosed | doubled up | entire | handful | handfuls | bunch | lot | lots | loads
        load | whole packet | whole bottle | whole box | whole strip | whole pack | all at once | at once
        double dose | doubled | double | two doses | 2 doses | three doses | extra dose | extra doses
        way too many | way too much | more than should | more than supposed | more than prescribed
        entire bottle | entire packet | full bottle | full packet | whole lot | all at once pills | double up | three doses | 3 doses
        i took more pills than | i took more tablets than | i took more meds than | i took more than i should | he took more pills than | she took more pills than | took more pills than | took more tablets than | took more meds than | took more than i should | took more than he should | took more than she should""",
    "ALL": "all | all them | them all | lot them | everything",
    "CONTAINER": "packet | bottle | box | pack | strip | blister | blister pack | tub | jar | sheet",
    "EMPTY_PACKS": """empty pill packets | empty packets | empty pill bottle | empty bottles | empty bottle | empty blister
        empty boxes | empty pill boxes | empty blister packs | empty packs | empty strips""",
    "ON_PURPOSE_P": "on purpose",
    "AGE": "years old | months old | weeks old | days old | year old | yr old",
    "MISTAKE": """misread | misunderstood | mixed up | muddled up | got mixed up | confused pills | wrong pills | wrong tablets
        by mistake | by accident | accidentally | accidently | mistakenly | mistake | accident
        without thinking | forgot already taken | forgot i already took | forgot had taken | already taken
        already taken it | already took | already had""",
    # Someone else's or the wrong medicine, or a second lot on top: with "by mistake", an overdose
    "WRONG_MED": """instead of hers | instead of his | instead of mine | instead of my own | instead
        someone elses | wrong pills | wrong tablets | wrong medicine | wrong meds | wrong medication | wrong dose
        wrong bottle | wrong box | wrong packet | as well | on top | both | own ones | own as well""",
    # Unsure whether a dose went in twice: with "twice", a double dose
    "MAYBE_TOOK": """think i took | think i have taken | think ive taken | might have taken | may have taken | possibly took
        probably took | think i already took | think i had | think he took | think she took | think hes taken
        think shes taken""",
    # Signs of too much medicine: an overdose question with them is no longer a general one
    "TOX": """wobbly | unsteady | very sleepy | really sleepy | so sleepy | drowsy | not stay awake | eyes flicking
        eyes flickering | double vision | seeing double | slurring | confused | vomiting | being sick | feel sick | feeling sick
        throwing up""",
    "TWICE": "twice | two times | 2 times | again",
    "OD": """taken every pill | took every pill | taken every tablet | took every tablet | every pill in | every tablet in
        whole weeks pills | whole week of pills | week of tablets | all seven days | every pill in her weekly organiser
        every pill in his weekly organiser | everything in her pill organiser | everything in his pill organiser | overdose | overdosing | od on | odd on | ods on | poisoning | poison""",
    "OD_PAST": """overdosed | od ed | i od | he od | she od | has od | had od | just od | taken overdose | taken od
        poisoned | poisoned himself | poisoned herself | poisoned myself | took overdose | taken an overdose""",
    "CHEMICAL": """bleach | detergent | washing tablet | dishwasher tablet | laundry pod | liquid tablet
        antifreeze | weed killer | rat poison | cleaning product | battery | button battery | e liquid""",
    "ROUTINE": """morning dose | evening dose | night dose | usual dose | this morning | once a day | twice a day | three times a day | times a day | as prescribed | on time | like normal | as usual | as normal | usual dose
        every day | each day | per day | daily | morning dose | evening dose | night dose""",
    # --- medication changes and missed doses --------------------------------------------------------------------
    "CHANGE": """put it off | put them off | putting it off | put off starting | delay starting | postpone it
        take myself off | taking myself off | take me off | took myself off | take himself off | take herself off
        take month off | take week off | take few weeks off | take time off
        only taking it | only take it | only taking them | only take them
        cancel | cancelling | canceling | going up on | go up on | went up on | gone up on | going down on | go down on
        come down on | coming down on | come off | coming off
        stay on dose | stay on same dose | stay on current dose | stay on this dose | stay on old dose | keep same dose
        keep dose same | keep on same dose | rather wait | wait before starting | wait years before starting
        wait months before starting | wait while before starting | wait bit before starting
        hold it | hold them | hold off | hold her meds | hold his meds | hold my meds | pause it
        pause them | not want take | not wanna take | not want take anymore | not want take them | not want take it
        cut one | drop one | stop one | refuse and cut | refuse new one | refuse new drug | start them | start it | start taking them | start taking it | restart them | restart it | want cut down | want cut back | wanting cut down | want cut out | swap back | switch back | change back | go back on | go back to
        put her back on | put him back on | put them back on | put me back on | put back on | back on old dose
        pack it in | packing it in | pack them in | packing them in | jack it in | jacking it in
        start taking them | start taking it | start taking | start back up | start back on | start them again
        start it again | start them back up | restart them | restart it | restarting them | restart
        back to old dose | back on her old dose | back on his old dose | back on my old dose | back to her old dose
        back to his old dose | back to my old dose | back on previous dose | back to previous dose
        half | split | stop | stopping | stopped | quit | quitting | come off | coming off | get off | getting off
        take him off | take her off | take them off | take me off | taking him off | taking her off | taking them off
        taking me off | take my son off | take my daughter off | take my child off | take my kid off | take my wife off
        take my husband off | take my mum off | take my dad off | taken off
        go off | going off | wean off | weaning off | wean | taper | tapering | taper off | reduce | reducing
        lower | lowering | cut down | cutting down | cut back | halve | halving | cut in half | increase
        increasing | up | upping | raise | double | doubling | change | changing | switch | switching | swap
        swapping | pause | pausing | skip | skipping | drop | dropping | take less | take extra | take more
        binning | ditch | ditching
        take two | take 2 | take double | stop taking | stopped taking | quit taking | miss
        leave off | go without | do without | not take | not taking | want off | take break | break from
        holiday from | delay | delaying | postpone | postponing | push back
        stoping | stpo | stopp | reduse | redcue | reducing | decrease | decreasing | swich | swiching | swop
        swopping | swap over | lowwer | paus | incrase | increse | replace | replacing | put off
        stretch out | space out | spread out | go back to half | restart | give one on top
        stretching out | spacing out | spreading out | stretch them out | space them out | stretch doses
        leave off | leave at home | skip it | take less | cut it down | cut them down | ditch | ditching
        leave out | leaving out | leave it out | leave them out
        chuck | chucking | throw away | not start | not starting | never start | not bother | still give it | still give them | still give him
        i still give | i still take | still take it | still take them | she still take | he still take
        give extra | giving extra | take an extra | cut one out | cut one of them out | cut one of out | drop one of them
        stop one of them | come off one of them | cut out one | drop one | packing in | pack in | jack in | jacking in
        start them myself | start it myself | start them on my own | start it on my own | start them early""",
    # When or how often a medicine is taken: with a medicine or a pronoun and a question, a change of dose
    "TIMING": """every other day | only when | only on days | only on bad days | at night instead
        when i need it | when she needs it | when he needs it | when needed | as needed | instead of every day
        in morning instead | in evening instead | local time | uk time | home time | time zone | time zones
        all in evening | all in morning | all at night | all at once instead | one instead of two
        smaller dose | bigger dose | bit more | bit less | lower dose | higher dose | extra one | on top of usual
        more than it says | less than it says | old make | different make | other make
        generic | generics | brand | brands | hours early | hour early | hours earlier | hour earlier
        earlier than usual | earlier than normal | bit early | bit earlier | skip 2 days | skip two days | skip a day
        skip 1 day | skip one day | skip few days | skip a few days | skip couple days | skip a couple of days
        skip 3 days | skip three days""",
    "CHANGE_AFTER": """up a bit | down a bit | up a little | down a little | up slightly | down slightly
        up a notch | down a notch | later | later than planned | later than usual | later than normal | earlier
        in half | twice | two now | 2 now | less often | every other day | extra | double | more
        less | early | earlier | smaller | bigger""",
    # A dose more, said before the medicine: "give my wife an extra baclofen", "a double keppra tonight?"
    # A change the clinician plans ("neuro wants to switch me to ocrevus"): asked about, not a decision asked for
    "PROPOSED": """neuro wants | neuro wants me | neurologist wants | neurologist wants me | doctor wants | doctor wants me
        doctors want | doctors want me | dr wants | dr wants me | consultant wants | consultant wants me | gp wants
        gp wants me | nurse wants | nurse wants me | team wants | team want | they want to switch me | they want to
        move me | neuro is switching me | neuro is moving me | neuro suggested | doctor suggested | neuro wants to
        doctor want | doctor want me | neuro want | neuro want me | neurologist want | neurologist want me | dr want
        dr want me | consultant want | gp want | doctor say change | doctor says change""",
    # Worn out, not an injection: "my memory is shot"
    "SHOT_FIG": """is shot | are shot | shot to pieces | shot to bits | completely shot | totally shot | nerves shot""",
    "EXTRA_PRE": """extra | double | additional | an extra | a double | an additional | give extra | giving extra
        take extra | taking extra""",
    # A change of time asked as a choice, no "?" needed: "give now or wait til evening" (after the medication reply)
    "CHANGE_OR": """now or wait | now or later | now or skip | now or leave | now or tomorrow | now or tonight
        it now or wait | them now or wait | take it now or wait | give it now or wait | take them now or wait
        give them now or wait | take it now or skip | give it now or skip | or wait till | or wait til | or wait until | or wait for next
        or just wait till | or just wait until | or just skip | or skip it | or skip today | or skip tonight | or skip
        take them or not | take it or not | give it or not | give them or not | take or not | start them or not
        start it or not | start or not | have them or not | have it or not | stop them or not | stop it or not
        keep them or | keep taking them or | or wait and see | or hold off | or wait a bit | so stop them or
        myself or wait | myself or ask | myself or should i wait | myself or leave it | it myself or | them myself or
        dose myself or | it ourselves or | them ourselves or | ourselves or wait""",
    "MISS": """is missing | shes missing | hes missing | are missing | miss week | miss day | miss few days | miss couple days | miss two days | miss whole week | missd | forgott | forgt | fogot | hrs late | hours lat | refuse | refuses | refusing | wont take
        will not take
        later than i should | later than prescribed | hours later than | late every day | late every night | late most days | sik after | was sik | vomitted | vomited after
        didnt take | did not take | did not do | wasnt given | not given | refused | isnt sure if | not sure if he took
        not sure if she took | did not inject | didnt inject | forgot inject | kept nothing down | nothing down
        not remember if | not remember whether | not sure if i took | not sure whether i took | not know if i took
        not remember taking | not sure if i had | forgot if i took | forgot whether i took | not keep down
        never took | never taken | never had | never gave | never given | havent had | not had
        not keeping down | not keep anything down
        keep forgetting | keeps forgetting | always forget | always forgetting | often forget | keep missing
        keeps missing | often forgets | always forgets | overdue | is overdue | was overdue | missed appointment | postponed | cancelled | canceled | pushed back | rescheduled | forgot | forget | forgotten | forgetting | missed | skipped | not take | not taken | not took
        not had | missed dose | missed out | late | too late | hours late | day late | days late | week late
        weeks late | delayed | threw up | throw up | thrown up | throwing up | vomited | vomit | vomiting
        puked | puke | sick after | was sick | been sick | spat out | spit out | ran out | run out | running out
        spat his | spat her | spat them out | spat it out | spits them out | spits it out
        lost | dropped | overslept | slept through | fell asleep before
        misses it | misses them | misses one | miss one | misses her | misses his | skips it | skip one""",
    # A dose changed in one phrase ("double my dose"): the medicine and the change at once
    "DOSE_CHANGE": """take only half | only take half | give only half | only give half | make dose higher | make it higher | make dose bigger | make it bigger | make higher myself
        give less | give him less | give her less | give them less | take less | make smaller
        make it smaller | make dose smaller | make it lower | make dose lower | make smaller myself | cut the steroids down | take it when i remember | take them when i remember | take it whenever i remember | take them whenever i remember | take when i remember | take whenever i remember | take it as soon as i remember | take them as soon as i remember | take it once i remember | take them once i remember | give it when i remember | give them when i remember | cut her steroids down | cut his steroids down | cut my steroids down
        cut the dose down | cut her dose down | cut his dose down | cut my dose down | cut the tablets down
        cut the meds down | cut my meds down | cut her meds down | cut his meds down | take half | take a half | give him half | give her half | give half | take one more | one more tablet
        one more pill | extra tablet | extra pill | take extra | take more of | cold turkey | go cold turkey
        going cold turkey | went cold turkey | skip a few | skip a couple | skip few | skip one or two
        dose up | dose down | dose higher | dose lower | dose bigger | dose smaller | give him more | give her more
        evening dose up | morning dose up | night dose up | evening dose down | morning dose down | night dose down
        give them more | give more | give my son more | give my daughter more | give my child more
        give my husband more | give my wife more | give my mum more | give my dad more
        i took more | i just took more | i took extra | i just took extra | i took less | i took double | he took more
        she took more | we gave more | i gave more | i gave him more | i gave her more | what if i took more
        what if i just took more | what if i took extra | what if i just took extra | what if i gave more | cut them to | cut it to | cut down to
        cut them down | cut it down | move it later | move it to | push it back | push mine back | postpone it
        every other week | every other day | on days i feel | put it back up | put them back up | knock them on head
        put dose up | put up dose | put dose down | put down dose | bump dose up | bump up dose | up dose | raise dose
        increase dose | lower dose myself | increase it myself | put it up myself | put up myself | up it myself
        dose up myself | dose down myself | dose up | dose down
        skip a dose | skip an injection | skip an infusion | skip next dose | skip the next dose | skip next injection
        skip next infusion
        ok to just cut it | ok to cut it | ok to just cut them | ok to cut them | okay to just cut it | okay to cut it
        just cut dose | just cut dose in half | just cut it in half | just cut them in half | just cut tablets
        just cut pills | just cut tablet | just cut pill | cut dose in half | cut it in half | cut them in half
        double dose | double doses | extra dose | extra doses | half dose | halve dose | skip dose | skip doses
        two doses | 2 doses | take two tonight | take two now | take two together | take 2 tonight | take 2 now
        take both tonight | take both now | take them all now | take all of them now | take them together | take all at once
        dose be lowered | dose be reduced | dose be cut | dose be increased | dose be raised | dose be upped
        dose be changed | dose be adjusted | dose be halved | dose be doubled | dose be dropped
        old amount | old dose | previous dose | old ones back | old one back | back to old dose | back to old amount
        second dose | 2nd dose | another dose | repeat dose | repeat the dose""",
    "MED_VERB": """give up on the drugs | give up on drugs | give up on the meds | give up on meds | give up on his meds
        give up on her meds | give up on my meds | give up on the medication | give up on medication
        giving up on the drugs | giving up on drugs | giving up on the meds | giving up on meds | stop the lot | stopping the lot | quit the lot | bin the lot | ditch the lot | pack them in | pack it in | packing them in | packing it in | jack them in | jack it in
        come off | coming off | wean off | weaning off | taper | tapering | taper off | halve
        halving | cut in half | double up | doubling up | take double | take extra | skip dose | skip doses
        lower dose | lower the dose | reduce dose | reduce the dose | drop dose | drop the dose
        cut dose | cut the dose | go down dose | go down a dose""",
    "MAKES_ME": """makes me | making me | made me | make me | side effect | side effects | makes u | make u | made u
        makes you | make you | made you | makes him | make him | made him | makes them | make them | make child
        makes child | make kids | makes kids | give you | give u | gives you | gives u""",
    "ADVICE": """what if i took more | what if i just took more | what if i took extra | what if i just took extra | what if i gave more
        is good to | is ok to | is okay to | is safe to
        can my husband | can my wife | can my son | can my daughter | can my child | can my partner | can my mum
        can my dad | can my mom | should my husband | should my wife | should my son | should my daughter
        can i | can he | can she | can we | may i | may he | may she | may we | could i | should i | should he | should she | shall i | do i
        does he | does she | is it ok | is it okay | is it safe | is that ok | is that okay | is it fine | ok to
        okay to | safe to | allowed | want | wants | thinking | going | planning | plan
        what if i | would it | will it | what should | what happens if i | shud | cud | how do i
        shld | shal i | shall we | should we | do we | do i give | what now | now what | what do i do | what do we do
        or wait | take it now | give it now | take them now | inject today | still take | too late
        thats alright | is that alright | that alright | alright innit | thats ok innit | would that be mad
        would it be mad | is that mad
        how should i | what now | help | must i | i must | must we | we must | must he | must she | do i have
        do i need""",
    "CAUSE_Q": """could that be why | is that why | could it be why | could this be why | be why | reason why
        it is from
        is it stroke thats done | is it stroke that did | is it stroke that caused | was it stroke that
        is it stroke thats caused | could it be stroke that | stroke thats done this | stroke that caused this
        reason for | cause | causes | caused | bring on | brings on | trigger | triggers | triggered | set off
        sets off | lead to | leads to | make seizures worse | increase risk | raise risk | risk
        risk having stroke | risk stroke | chance having stroke | chances having stroke | prevent stroke
        prevent having stroke | avoid having stroke | avoid stroke""",
    "BECAUSE": "because i | because she | because he | because im | because hes | because shes",
    # --- time -----------------------------------------------------------------------------------------------------
    "CHRONIC": """become slow | becoming slow | getting slow
        seizure never stop | seizures never stop | seizure never stops | fits never stop | never stop fitting
        never stops fitting | never stop seizing | never stops seizing |        has become slurred | become slurred | becoming slurred | getting slurred | not stop with | not stop w | never stop whatever | never stops whatever | not stop whatever | never stop despite | never stops despite | never stop with | never stops with | not stopping w | not stopped w | not stop despite | not stop even | not stop on | not stopping with
        not stopping despite | not stopping even | not stopped with | not stopped despite | not stop after
        not stop no matter | not stopping no matter | not controlled | uncontrolled | even with meds
        even on meds | despite meds | despite medication | despite treatment | drug resistant | refractory""",
    # How seizures answer treatment: a question about the illness ("seizures resistant to meds", "will that be harder
    # to treat"), not a seizure happening now
    "TREAT_RESP": """stop responding | stops responding | stopped responding | stop working | stops working
        stopped working | stop drugs getting | stop drug getting | stop medicine getting | stop meds getting
        stopping them getting | stopping it getting | stopping drugs getting | stopping medicine getting
        body not respond to | body not responding to | body doesnt respond to | body wont respond to | why would his body not respond
        why would her body not respond | why would my body not respond
        respond worse | respond better | respond less well | responds worse | responds better | harder to stop
        meds dont work on | meds not work on | drugs dont work on | tablets dont work on
        people not respond | people just not respond | people never respond | people who not respond
        patients not respond | patients who not respond | some just not respond | some people not respond
        stop responding to epilepsy meds | stop responding to meds | stop responding to medication
        stop responding to treatment | stopped responding to meds | stopped responding to medication
        stopped responding to treatment | stops responding to meds
        resistant | resistance | drug resistant | harder to treat | hard to treat | difficult to treat
        harder to control | hard to control | difficult to control | respond well | respond better | not respond well
        not respond to medication | not respond to meds | not respond to treatment | not respond to drugs
        not respond to tablets | not respond to pills | not responding to medication | not responding to meds
        not responding to treatment | not respond good | not respond satisfactorily | not respond properly
        never seem respond | never respond | not seem respond | not respond much | not respond any""",
    # Getting better after a stroke ("which exercise help him", "what physio works"): what the stroke left
    "REHAB": """exercise | exercises | physio | physiotherapy | rehab | rehabilitation | recovery | therapy | therapist
        speech therapy | occupational therapy | get better | improve | regain""",
    "NOT_STOP": """not stop | not stopping | not stopped | hasnt stopped | still not stopped | not stop shaking
        not seizure stop | not fit stop | not fitting stop | not shaking stop | not jerking stop
        still going | keeps going | still going on | going on and on | not letting up | wont let up | not let up""",
    # Asking whether something named is the reason ("is this why", "because of the gene"): with a seizure that "won't
    # stop" and nothing else saying now, a question about the illness in words that can also mean now
    "REASON_OF": """is this why | this is why | is that why | that is why | thats why | is it because | because of
        due to | caused by | could this be why | could that be why | reason why | reason for""",
    # Someone saying who they care for ("my wife has epilepsy and i look after her"): a story, not the first-aid
    # question "how do i look after someone in a seizure" (the longer phrase hides FIRST_AID's "look after")
    "CARER": """i look after | i care for | we look after | we care for | who looks after | who cares for
        i looked after | we looked after | i cared for | i have looked after | i have been looking after
        ive been looking after | ive looked after | i been looking after | i am carer | im carer | i am her carer
        i am his carer | im her carer | im his carer | main carer | full time carer | fulltime carer""",
    "SEIZ_TOPIC": """seizure types | seizure type | seizure control | seizure diary | seizure free | seizure activity
        seizure threshold | seizure risk | seizure frequency | seizure alarm | seizure dog | seizure plan
        seizure action plan | seizure disorder | types seizures | kinds seizures | kind seizure | type seizure
        seizure disorders | seizure triggers | seizure trigger | seizure medication | seizure meds""",
    "NOW_STRONG": """min so far | mins so far | minutes so far | minute so far
        right now | now right | at moment | currently | as we speak | as i type | as i write | as i text
        happening now | happening right now | its happening | is happening | ongoing | in progress
        not ending | not end | keeps going | still going | still going on
        going on and on | on and on | not letting up | wont let up | not let up | for ages | ages | forever
        long time | this long | long now | at this moment | this moment | this minute
        while typing | im typing | happening again now""",
    # "just" that is no time: the longer phrase hides it ("i twitch a lot just as i fall asleep")
    "JUST_NOT_TIME": """just as i fall | just as im falling | just as i drift | just as i go sleep | just before i fall
        just like | just because | just in case | just about | just got told | just been told | just found out
        just been diagnosed | just got diagnosed | just diagnosed | just told | just heard""",
    "JUST": """just | just now | seconds ago | moments ago | minute ago | minutes ago | few minutes ago
        an hour ago | hours ago | half hour ago | earlier | a bit ago | little while ago
        just took | just taken | just swallowed""",  # (TOOK's phrases too: the longer phrase hid "just")
    # Minutes or hours ago: a sudden sign this recent is acted on even inside a question
    "AGO": """seconds ago | moments ago | minute ago | minutes ago | few minutes ago | an hour ago | hours ago | half hour ago | just now""",
    "RECENT": """today | tonight | this morning | this evening | this afternoon | last night | earlier today
        this week | yesterday | overnight | in night | last hour | past hour | within hour | in hour | last half hours
        last few minutes | past few minutes | last few hours | since lunch | since lunchtime | since breakfast
        since dinner | since tea | since teatime | since i woke up | since he woke up | since she woke up""",
    # Recent within the hour (also RECENT): seizures this close together are not the day's usual
    "WITHIN_HOUR": """last hour | past hour | within hour | in hour | last half hours | last few minutes | past few minutes
        half an hour | last half hour | past half hour | few minutes ago | minutes ago""",
    # Before today: a story, not a scene ("he had a seizure at school yesterday")
    # Wellbeing now: with a history or a question, a present "-ing" does not make a scene ("hes fine, is choking
    # during a seizure a thing?")
    "WELL": """im ok | im okay | im alright | i am ok | i am okay | im ok really | im safe | i am safe
        hes fine | shes fine | im fine | theyre fine | is fine | fine now | ok now | okay now | doing great
        doing well | doing ok | doing okay | doing fine | doing good | all good now | back to normal""",
    # Longer or worse than this person's usual: cancels "normally", "usually" ("it normally only lasts 30 sec")
    "UNUSUAL": """but now | but today | but tonight | but this morning | but right now | but this one | this one has | this one is | usually last | normally last | usually takes | normally takes | usually wakes | normally wakes | much quicker | much faster | usually comes round | normally comes round | but today | not recovering | but suddenly | now suddenly | normally only | usually only | only lasts | only ever lasts | normally lasts | usually lasts
        longer than usual | longer than normal | longer than ever | longer than before | this is different
        different this time | feels different | not like usual | not like normal | not like before
        never this long | never lasted this long | never lasts this long | never been this long | not normal for
        worse than usual | worse than ever | worse than normal | not usual | unusual | much longer than
        not her usual | not his usual | not my usual | not usual ones | different from usual | but this time | this time""",
    "WHAT_DOES": "what does | what do | whats meant | what is meant | what exactly does",
    "BEFORE_TODAY": """yesterday | last night | this week | overnight | on monday | on tuesday | on wednesday
        on thursday | on friday | on saturday | on sunday | at weekend | last weekend | day before""",
    "DAYS_AGO": "days ago | day ago | couple days ago | few days ago | 2 days ago | two days ago",
    "HISTORY": """in ages | in years | in months | for years now | in a long time | in long time |
        in january | in february | in march | in april | in may | in june | in july | in august | in september | in october | in november | in december | in jan | in feb | in mar | in apr | in jun | in jul | in aug | in sept | in sep | in oct | in nov | in dec | in spring | in summer | in autumn | in winter | in xmas | in christmas | in easter | since january | since february | since march | since april | since may | since june | since july | since august | since september | since october | since november | since december | since jan | since feb | since mar | since apr | since jun | since jul | since aug | since sept | since sep | since oct | since nov | since dec | since spring | since summer | since autumn | since winter | since xmas | since christmas | since easter | last january | last february | last march | last april | last may | last june | last july | last august | last september | last october | last november | last december | last jan | last feb | last mar | last apr | last jun | last jul | last aug | last sept | last sep | last oct | last nov | last dec | last xmas | last easter | at xmas | last yr | last yr. | was in june | in the spring | in the summer | in the autumn | in the winter
        long behind me | behind me now | long over | thats long over | thats over now | self harm phase
        went through phase | in my teens | in my early teens | early teens | at uni | at university | old scars
        old self harm scars | old marks | last term | last semester
        ages ago | ages back | donkeys years ago
        last year | last years | last month | last months | last week | last time | years ago | months ago
        weeks ago | as child | as kid | as teenager | as teen | as baby | as toddler | used to | in past | history | back in | previously
        childhood | growing up | years back | long ago | long time ago | while ago | a while back | once had
        had one once | once before | had them as | back then | teenage years | in school years
        in 90s | in 80s | in 2000s | years old when | decade ago | decades ago | last summer | last winter
        last spring | last autumn | last christmas | at time | years clean | months clean
        recovering from stroke | since my stroke | since stroke | after my stroke | since his stroke
        since her stroke | after his stroke | after her stroke""",
    # A history unless an "-ing" follows: "when i was little" is long ago, "when i was convulsing" is the event
    "WHEN_WAS": "when i was | when he was | when she was | when they were | when we were | when you were",
    "DIAG": """just told i have | was just told | just been told | was told i have | been told i have
        first diagnosed | was diagnosed | got diagnosed | been diagnosed | diagnosed | diagnosis
        newly diagnosed | just diagnosed | recently diagnosed""",
    "SINCE": """ever since | since then | since childhood | since i was | since he was | since she was | since birth
        since baby | since teenager | since teen""",
    "HABITUAL": """half the time | half of the time | most of the time | a lot of the time
        other days | most days | on bad days | on good days
        snores | sleep apnoea | sleep apnea | apnoea | apnea
        all the time | two kind | two kinds | 2 kind | 2 kinds | three kinds | 3 kinds | two types | 2 types | three types
        3 types | two different kinds | two different types | many kind | many kinds | lots of kinds | lots of types | many different kinds | many seizure types
        many types of seizure | many types of seizures | monthly | weekly | daily | nightly | has done for | have done for | always followed by
        different types | several types | diff types | several diff seizure types | different seizure types
        several seizure types | many types | multiple types | more than one type | loads of different types
        has ones where | has the ones where | gets ones where | gets the ones where | has seizures where
        has focal seizures where | has fits where | gets seizures where | gets fits where | has the kind where
        has the type where | has ones when | gets ones when
        range from | ranges from | ranging from | vary from | varies from | varying from
        have done for ages | done for ages | had them for ages
        sometimes | sometime | many times | lots of times | lot of times | every seizure | each seizure | every fit | each fit | every single seizure | often | always | usually | normally | generally | typically | regularly | every time
        everytime | whenever | at times | on and off | off and on | most days | every day | every week
        every month | every night | per day | per week | per month
        times day | times week | times month | once a day | twice a day | times a day | once a week | twice a week | a few times | frequently | occasionally | now and then | now and again
        tend | tends | tend to | keep forgetting | keeps forgetting | always forget | always forgetting
        often forget | keep missing | keeps missing | keep getting | keeps getting | get | gets | getting | lately | recently
        these days | lasts | usually last | all my life | my whole life | all time | most time
        each time | when tired | when stressed | when hot | in heat | after exercise | at night | most nights
        in mornings | in evenings | on bad days | constantly | for weeks | for months | for years
        every few weeks | every few months""",
    # A course, not a habit: "its been getting worse all day"
    "WORSE": """getting worse | get worse | gets worse | got worse | gotten worse | worse and worse | getting weaker
        getting bluer | getting greyer | getting slower | getting harder | worse now""",
    # --- questions and frames ----------------------------------------------------------------------------------------
    "HYPO": """if seizures keep coming | if fits keep coming | if they keep coming | if seizures continue
        if seizure come | if seizure comes | if fit come | if seizure happen | if seizure happens | if he have seizure
        if she have seizure | if he has seizure | if she has seizure | if seizure start | if seizure starts
        if i were having | if i was having | if he were having | if she were having | if you were having
        if someone were having | if someone was having
        if she seizes again | if he seizes again | if he not | if she not | if they not | if he does not | if she does not | if they do not | if still seizure | if still seizures | if still fitting | if still fits | if still having seizures | if seizures still | if she fits again | if he fits again | if im still fitting | if i am still fitting | if im still having fits | if im still having seizures
        if i keep fitting | if hes still fitting | if shes still fitting | if he is still fitting | if she is still fitting
        if my mate has | if my friend has | if a friend has | if my partner has | if my child has | if my son has
        if my daughter has | if my husband has | if my wife has | if my mum has | if my dad has | if mum has | if dad has
        if my husband have | if my wife have | if my son have | if my daughter have | if he have | if she have
        if im having a fit | if im having a seizure | if i am having a fit | if i am having a seizure | if im having one
        will set off | might set off | could set off | would set off | will bring on | might bring on
        could bring on | will trigger | might trigger | could trigger
        if he fall | if she fall | if he falls | if she falls | if they fall | if he falls down | if she falls down
        if my friend have | if my mate have | if my partner have | if my child have | if my mum have | if my dad have
        if someone have | if somebody have | if person have | if they has | if my baby have | if my baby has
        if im ever | if i am ever | if i ever | if ever | if youre ever | if you are ever | if you ever | if anyone ever
        if someone ever | if somebody ever | if im with someone | if i am with someone | if im with somebody
        if i see someone | if i see somebody | if i saw someone | if my bro has | if my bro have | if my sis has
        if my sister has | if my brother has | if my sis have
        someone can have | somebody can have | someone could have | somebody could have | someone might have
        somebody might have | someone may have | somebody may have | people can have | person can have
        someone can get | somebody can get | someone might get | somebody might get
        after shaking stops | once shaking stops | after jerking stops | once jerking stops
        after seizure stops | once seizure stops | after fit stops | once fit stops | after it stops | once it stops
        while theyre | while they are | when theyre | when they are | while someone | while somebody
        while person | while youre | while you are | when youre | when you are | once one starts | if one starts
        what should i do during | what do i do during | what to do during | what do we do during
        what should we do during | what do i do when | what should i do when | what do we do when
        what should we do when | what do you do when | if they are | if he is | if she is | if someone is | if theyre | if hes | if shes | worried having
        worried getting | scared having | afraid having | worried seizures | scared seizures | afraid seizures
        worry seizures | worried might | worried will | scared might | nervous having | anxious having
        worried having seizure | scared getting | afraid getting | if someone | if somebody | if person | if you | if he ever | if she ever | if they ever | if it ever
        in case | in future | one day | someday | when someone | when somebody | when person | when people
        if it goes | if it lasts | if it gets | if it keeps going | if it carries on | if it doesnt stop
        if it does not stop | if it went | if it lasted | if it goes on | if it goes past | if it goes over
        when resident | when patient | when client | when pupil | when student | when service user | when child
        when kid | if resident | if patient | if client | if pupil | if student | if service user
        whenever | how should you | how do you | what should you | what would | what if | next time | in event
        should it happen | if happens | if it happens | when it happens | when he has | when she has
        when he have | when she have | when wife have | when husband have | when son have | when daughter have
        when my wife have | when my husband have | when my son have | when my daughter have | when child have
        when my child have | when mother have | when my mother have | when father have | when my father have
        when grandson have | when my grandson have | when uncle have | when brother have | when sister have
        when they have | when i have | if he has | if she has | if they have | if i have | when he gets
        when she gets | if he gets | if she gets | what to do if | what do i do if | what should i do if
        what do we do if | what do you do | what to do when | hypothetically | how do i help someone
        how to help someone | how help someone | how can you help | how should you help | how do you help""",
    "KNOWLEDGE": """        something you die from | you die from | people die from | anyone die from | can die from | die from it
        currently recommended | currently advised | currently recommend | currently advise | currently suggested
        happening in her brain during | happening in his brain during | happening in brain during
        happening in my brain during | happens in brain during | goes on in brain during
        happening in brain | happens in brain | going on in brain | goes on in brain | happening in head
        happens in head | going on in head | happening inside brain | going on inside brain | happening to brain
        happens to brain | happening in body | happens in body | going on in body | happening in nerves
        going on in nerves | whats happening in brain | whats happening in head | whats happening in body
        whats happening to brain | what is happening in brain | what is happening in head | what is happening in body
        what is happening to brain | whats going on in brain | whats going on in head | whats going on in body
        whats going on to brain | what is going on in brain | what is going on in head | what is going on in body
        what is going on to brain
        mistaken for | confused with | same as | similar to
        is epilepsy | is ms | basically | is it epilepsy | does epilepsy mean | how do i know | how can i tell | how to tell | how would i know | how do you know | difference
        what is | what are | whats | how is status | how are status | what causes | what cause | what makes | why do | why does | why did
        why are | why is | how do you | how does | how did | how common | how likely | how long do | how long does
        how long can | how long should | how long will | how long is too long | how many people | how often do
        can ms | can epilepsy | can seizures | can stress | can you | can someone | can person | can people
        can it | can they | could it | could this be | could that be | does it | does ms | does epilepsy
        does this mean | do seizures | do people | do most | are people | are seizures | is it normal
        is it common | is it possible | is it true | is it dangerous | is it bad
        risk | risks | chance | chances | statistics | rate | rates | research | study
        studies | what happens | what happens if | what happens when | what happens during | what if | if someone
        if somebody | if person | if you | if he ever | if she ever | if they ever | if it ever | ever has
        ever have | in case | in future | one day | someday | when someone | when somebody
        when person | when people | whenever | how should you | how would | what would | what should you
        difference between | meaning | define | definition | explain | hypothetically | in general
        generally | typically | normally | usually | should you | would you | can cause | linked
        link between | connection | related | relationship | associated
        what to expect | if happens | if it happens | when it happens | when he has
        when she has | when they have | when i have | if he has | if she has | if they have | if i have
        when he gets | when she gets | if he gets | if she gets | next time | in event | should it happen
        learn | learning | course | training | class | article | read about | information about | info about
        tell me about | teach""",
    "ASK": """what i do | what we do | what i should do | what i must do | what next | what do now | what i do now | what we do now
        what do i do | what should i do | what do we do | what should we do | what to do now | what now
        what do i do now | what should i do now | what can i do | what can we do | how do i help
        how can i help | how do i stop | how stop | how make it stop | help what do | do i call | should i call
        need to call | do we call | should we call | is this emergency | is it emergency | is this serious
        is this bad | what is happening | whats happening | whats going on | what is going on""",
    "URGENT": """please help | help please | help me | help us | someone help | somebody help | need help
        need help now | help now | urgent | urgently | emergency | asap | hurry | quick | quickly | sos | mayday
        help asap | help quick | help fast | panicking | im panicking | freaking out | scared help""",
    "KNOW_HELP": """quick first aid | quick first aid steps | quick first aid tips | quick first aid guide | quick q | quick qu | quick one
        help me if | help me when | help me during | help me in case | help him if | help her if | help them if
        help me understand | help me with | help me find | help me learn | help me know | help me choose
        help me decide | help me out with | quick question | emergency plan | emergency contact | emergency card
        help me tell | help me work out | help me figure out | help me revise | help me study | help me prepare
        help me explain | help me remember | help me compare | help me distinguish | help me differentiate
        emergency medication | emergency meds | in emergency | emergency care plan | emergency services
        rescue plan | care plan | seizure protocol | seizure policy | epilepsy protocol | epilepsy policy
        policy on | policy says | protocol says | guidance says | care plan says | hospital protocol
        treatment protocol | revising | revision | exam revision | osce revision""",
    "AMBULANCE": """called ambulance | ambulance coming | ambulance on way | waiting ambulance | ambulance here
        called 999 | called 911 | called 112 | calling ambulance | calling 999 | calling 911 | paramedics on way
        paramedics coming | paramedics here | in ambulance | rang ambulance | phoned ambulance""",
    # The writer shaken ("Thank you dear. I'm still shaking."): after an emergency reply once help has come, no sign
    "SHAKEN": """im still shaking | i am still shaking | im shaking | i am shaking | im still trembling | im trembling
        i am trembling | my hands are shaking | my hands are still shaking | im all shaky | im so shaky | im shaky""",
    # Help is with them now: after an emergency reply, "thanks, the paramedics are here" closes the scene (read on
    # its own pass, OWN_PASS: "ambulance is here" still holds the "ambulance" the first-aid rules read).
    # A time to come, for a first-aid question after an emergency: "for next time - anything i should NOT do?"
    "NEXT_TIME": """next time | for next time | in future | later i want
        later i would like | later we want | later i wanna | if it happens again | when it happens again
        if happens again | if it happen again | if happen again | if again happen | if again it happen | if again it happens
        if it again happen | if it again happens | when again happen | if he does it again | if she does it again
        if it comes again | if it come again | if again come | if he has another | if she has another""",
    "HELP_HERE": """taken him in | taken her in | took him in | took her in | have taken him | have taken her
        theyve taken over | they have taken over | paramedics have taken over | paramedics took over | crew took over
        crew have taken over | they took over | medics took over | medics have taken over
        driving me to ae | driving him to ae | driving her to ae | taking me to ae | taking him to ae
        taking her to ae | on way to ae | on our way to ae | heading to ae | driving me to hospital | driving him to hospital
        driving her to hospital | taking me to hospital | taking him to hospital | taking her to hospital
        on our way to hospital | ambulance here | ambulance is here | ambulance has arrived | ambulance arrived | ambulance came
        ambulance is come | ambulance has come | ambulance just arrived | ambulance just came | ambulance crew
        paramedics here | paramedics are here | paramedics have arrived | paramedics arrived | paramedics came
        paramedics just arrived | paramedics just came | paramedic is here | paramedic here | paramedic arrived
        crew is here | crew are here | crew arrived | crew walked in | crew just walked in | ems here | ems is here
        ems arrived | at hospital now | in hospital now | at a&e | in a&e | at er | in er now | on way hospital
        in ambulance | in ambulance now | theyre here | they are here | theyve arrived | they have arrived
        theyre here now | they arrived | theyve come | help is here | help has arrived | help arrived | paramedics checked
        paramedics checked him | paramedics checked her | paramedics have checked him | paramedics have checked her
        crew have taken over | crew took over | paramedics took over | paramedics have taken over
        back from a&e | back from hospital | home from hospital | back from er | home from a&e | back home from hospital
        paramedics have taken her | paramedics have taken him | paramedics took her | paramedics took him
        ambulance took her | ambulance took him | ambulance has taken her | ambulance has taken him
        in hospital | at hospital | at a&e now | discharged | been discharged
        hospital says | hospital said | hospital say | doctors say | doctors said | doctor says | doctor said
        paramedics said | paramedics say | paramedics reckon | crew said | a&e said | they said it was""",
    "RECOVERY": """seizure first aid | recovery position | recovery pose | epilepsy first aid | stay safe side
        loosen | loosen tight | tight around neck | loosen clothing | anything tight | cushion head | cushion
        hold arms | hold them still | hold him still | restrain | pin down | turn them on side | put them on side
        roll them on side | roll them onto side | turn him on side | put him on side""",
    "FIRST_AID": """is emergency | emergency or not | always ambulance | always call
        need to call anyone | need to call someone | need to ring anyone | need to ring someone | call anyone
        or just wait it out | vs just wait it out
        always 999 | need ambulance | is that ambulance | what 2 do | wat 2 do
        first aid | seizure first aid | recovery position | recovery pose | epilepsy first aid | how help | how help someone
        how do i help | how can i help | how should i help | how do you help | how help during | what to do
        what do you do | what should you do | keep safe | keep them safe | keep him safe | keep her safe
        protect head | hold down | hold them down | hold someone down | hold him down | hold person down
        before calling | before i call | before you call | call 999 | call 911 | call 112 | ring 999 | dial 999
        call an ambulance | restrain | put in mouth | put something in mouth
        put anything in mouth | swallow tongue | swallow their tongue | swallowing tongue | call ambulance
        when to call | when should i call | when call ambulance | when do i call | how respond | how should i respond
        respond to seizure | respond to seizures | respond to fit | respond to fits | respond to someone
        should i respond | do i respond
        what not to do | dos and donts | how handle | handle | deal with | look after | care for | how treat
        help during | help with seizure | support someone | what to do during | what to do when | what to do if
        do during | do when someone | what do i do if | what should i do if | what do we do if | what to do after
        after seizure what | what should i do during | what do i do during | what to do during
        what do we do during | what should we do during | what do i do when | what should i do when
        what do we do when | what should we do when | what do you do | what to do when | how can you help | how should you help
        how do you help | how to help someone | how help someone | how do i help someone | what should you do if
        what do you do if | what do you do when | roll onto side | on their side | turn on side | how long before calling
        how long to wait | should i call ambulance | when is seizure emergency | is seizure emergency
        what should one do | what does one do | what shouldve we done | what should we have done | what shouldve i done
        what should i have done | what were we supposed do | what was i supposed do | what are we supposed do""",
    # What to do, say or tell ("what should my friends actually do"; also read from "what ... do" in a question)
    "FA_DO": """what should i have done | what should we have done | what could i have done | what could we have done
        what should we watch for | what should i watch for | what do we watch for | what do i watch for
        what should we look out for | what should i look out for | watch out for after
        what was i supposed to do | what were we supposed to do | should i have done | should we have done | did i do right
        while one is happening | while its happening | while it is happening | do while one is happening | do while its happening | do while it is happening | do during one
        do while having one | do when one happens | what ought i do | what ought one do | what ought we do | what should one do | what must one do
        what does one do | what is one supposed do | what do i need know | what do i need do | do anything special | need do anything | what should people
        what do people do | what would you do | what am i supposed do | what are you supposed do | what am i meant do
        what are you meant do | what should i say | what do i say | what should i tell | what do i tell
        what ur supposed do | what youre supposed do | what your supposed do | what were supposed do
        what ur meant do | what youre meant do | right thing do | best thing do
        how should one help | how do i help | how can i help | how should i help | how do you help | how can you help
        how do friends help | how can friends help | how should friends help | how can people help
        how should people help | how do people help | how can we help | how should we help
        what one ought do | what one ought to do | what one should do | what one must do | right way help
        right way to help | best way help | best way to help""",
    "FA_MODAL": """should i | should we | should you | should u | can i | can we | can you | do i | do we | do you | do u
        is it ok | is it okay | is it safe | is it true | is it bad | is it right | are you meant | are you supposed
        are we meant | are we supposed | am i meant | am i supposed | must i | do i need | do we need | does someone need
        do they need | how do i | how can i | how should i | how do you | how can you | how should you""",
    "FA_OBJECT": """under head | pillow | something soft | on side | onto side | in mouth | into mouth
        onto floor | on floor | hospital | ae | a e | emergency room | ambulance | 999 | 911 | 112 | paramedics | rescue medicine
        rescue meds | rescue medication | buccal | midazolam | magnet | recovery | airway | tongue
        give water | give her water | give him water | give them water | glass of water | drink of water
        sip of water | something to drink | something to eat | food or drink | eat or drink | cup of tea""",
    "IT_HAPPENS": """if it happens | when it happens | if one happens | if one starts | once one starts | if it happens again
        happens again | if she has one | if he has one | if i have one | if they have one""",
    # "actually its happening NOW" after the first-aid answer: the seizure goes unsaid
    "HAPPENING": """its happening | it is happening | happening now | happening right now | happening again now""",
    "KNOW_HOW": """how can you tell | how do you know | how do i know | how can i tell | how would i know | how will i know""",
    "WHAT_IF": "what if | what happens if",
    # "and what about stopping her DMT and just doing yoga": a medicine's stop asked (not "what about switching to
    # natalizumab instead", which asks about the other medicine)
    # Not a medicine of theirs to decide on: supplements and everyday painkillers (the out-of-scope reply names the
    # pharmacist; writers label their doses out of scope)
    "SUPPLEMENT": """vitamin | vitamins | vit d | vitamin d | supplement | supplements | supplementation | turmeric
        curcumin | magnesium | melatonin | probiotic | probiotics | folic acid | folate | fish oil | omega 3 | zinc | iron
        cbd | cbd oil | glutamine | biotin | b12 | ibuprofen | paracetamol | acetaminophen | aspirin | multivitamin""",
    "STOP_ASKED": """what about stopping | how about stopping | what about coming off | how about coming off
        what about quitting | what about dropping | what about skipping | what about cutting out | what if i stop
        what if i stopped | what if she stopped | what if he stopped | what if we stopped""",
    # --- what happened next (emergency follow-ups) ----------------------------------------------------------------
    "STOPPED": """breathing stopped jerking | breathing stopped shaking | breathing stopped fitting
        breathing stopped seizing | stopped breathing fine | stopped breathing ok | stopped breathing okay | stopped breathing normally
        stopped breathing normal | stopped breathing again | stopped now breathing | is over | has finished | has ended | is finished | has stopped
        stopped | has stopped | it stopped | its stopped | seizure stopped | shaking stopped | it ended
        ended | ends | finishes | over now | its over | it is over | finished | done now | calmed down | calm now | settled
        came round | come round | coming round | woke up | woken up | waking up | awake
        is awake | conscious | sleeping | asleep | sleepy | drowsy | resting
        ok now | okay now | fine now | better now | alright now | all right now
        back to normal | seems ok | seems fine | looks ok | talking now | talking again | responding now
        responding again | opened eyes | eyes open now | confused now | groggy | dazed | out of it
        she stop now | he stop now | is stop now | stop already | is finish | finish now | finish already
        it finish | seizure finish | she sleep | he sleep
        now stop | now stopped | he open eyes
        she open eyes | open his eyes | opened his eyes | opened her eyes | open her eyes""",
    # A seizure told as over in its own words ("she's stopped shaking now but there's a big lump"): the event and
    # its end at once. Not STOPPED: inside an emergency's 30 minutes the writers' labels split between the
    # guidance and the after-care for these, and the guidance (which says what to do while help comes) stays
    "SHAKING_STOPPED": """stopped shaking | stopped jerking | stopped fitting | stopped seizing | stopped convulsing
        stopped twitching | has stopped shaking | has stopped jerking | has stopped fitting""",
    # Breathing told: over when no sign goes on beside it ("hes breathing, foam at his mouth" is still a seizure)
    "BREATHING_OK": """breathing now | breathing again | breathing normally | breathing ok | breathing fine
        breathing normal | is breathing | hes breathing | shes breathing | theyre breathing | breathe ok
        breathe normal | breathe good | hes breathing again | shes breathing again | theyre breathing again
        is breathing again | breathing again now | breathing normally again | breathing properly again
        started breathing again""",
    "ANOTHER": """another one | another seizure | another fit | another | again | started again | starting again
        second one | second seizure | second fit | 2nd one | 2nd seizure | 3rd | third | third one | next one""",
    # Other things that come again and again: "keeps having flare ups" is MS, not a seizure cluster; "it keeps
    # coming up in what i read" is a word that turns up
    "OTHER_EVENT": """thoughts | thought | memories | images | voices | ideas | coming up | comes up | popping up
        pops up | cropping up | crops up | coming up in | keeps coming up
        flare ups | flare up | flares | flare | flareups | relapses | relapse | headaches | migraines
        accidents | bladder accidents | leaks | urine infections | chest infections | colds | dizzy spells
        infections | utis | uti | panic attacks | nightmares | spasms | cramps | falls | nosebleeds""",
    # A cluster named as an episode ("another cluster last night"), which a time before today can put in the past;
    # "three in a row and hasnt woken up in between" says how it is going, whenever it started
    "CLUSTER_NAMED": "cluster | clusters | cluster seizures",
    "ANOTHER_STRONG": """before she even came round | before he even came round | before they even came round
        before she even came to | before he even came to | one after one
        one ends another starts | one ends and another starts | one stops another starts
        one stops and another starts | another starts | another started | not come round between | never woke between
        never woke up between | never came round | never came round between | lost count
        before he even woke up | before she even woke up | before even woke | before even waking
        before he woke up | before she woke up | before they woke | before they woke up | before he came round
        before she came round | before even came round | started right after | right after first | straight after first | after first one
        started straight after | one after another | one after other | back to back | in row | in a row
        keep coming back to back | keeps coming back to back | keep coming back again and again
        seizures keep coming back to back | fits keep coming back to back
        non stop | nonstop | seizure after seizure | fit after fit | cluster | clusters | cluster seizures
        one straight after | straight after another | before woke | before waking | before he woke
        before she woke | without waking | without coming round | not woken between | not woke between
        not waking between | not recovered between | not recovering between | no recovery between | in between seizures
        woke up in between | woke in between | woken up in between | woken in between | come round in between
        came round in between | recovered in between | recover in between | conscious in between | awake in between
        never woke up in between | not woken up in between | not woke up in between | never woken up in between
        herself in between | himself in between | between seizures | not himself between | not herself between
        not himself in between | not herself in between | not themselves between | not right between
        without waking up in between | no waking up in between | not waking up in between | didnt wake up in between
        didnt wake in between | did not wake up in between | didnt come round in between | without coming round in between
        didnt wake up between | did not wake up between | didnt come round between | without waking up between
        before she even opened her eyes | before he even opened his eyes | before she opened her eyes
        before he opened his eyes | before even opening her eyes | before even opening his eyes
        before back | before shes back | before hes back | before comes round | before she comes round | before he comes round | one finishes next starts | one finishes and next starts | next starts | next one starts""",
    # How often, not how close together: "keeps having seizures", "fits again and again" may be the illness ("why
    # does she keep having seizures despite two medicines"). The lexicon files them under ANOTHER_STRONG too, so
    # every rule reads them as before; only the cluster rule tells them apart (bot/nlu/safety.py, _cluster)
    "ANOTHER_OFTEN": """keep coming | keeps coming | again and again | over and over | keeps having | keep having
        multiple seizures | several seizures | lots seizures | many seizures | repeated seizures | seizures keep coming
        several fits | multiple fits""",
    # "it would be easier if i took all my tablets": taking them supposed, not done (a way to die thought of)
    "IF_TOOK": """if i took | if i just took | if i swallowed | if i took them | if i took it""",
    # "my girlfriends in an ms relapse, numb down one side": the signs told as a relapse the person is in
    "IN_RELAPSE": """in a relapse | in an ms relapse | in ms relapse | in relapse | having a relapse | having an ms relapse
        going through a relapse | in the middle of a relapse | mid relapse""",
    # "is numbness in my face a normal MS thing", "weak on one side. normal for MS?": a sign asked about as MS's
    # Signs asked about as the illness's without naming it ("Client with MS has weakness in one arm. Is that
    # typical of the condition?"): read as MS's only where the message names MS (bot/nlu/safety.py, _stroke)
    "COND_SIGN_Q": """typical of the condition | normal for the condition | part of the condition | symptom of the condition
        typical of her condition | typical of his condition | typical of their condition | typical of my condition
        normal for her condition | normal for his condition | normal for my condition | common with the condition
        typical of the illness | part of the illness | part of her illness | part of his illness | normal for the illness
        is that typical | is this typical | is it typical | is that usual | is this usual""",
    "MS_SIGN_Q": """normal for ms | normal ms thing | normal ms | an ms thing | ms thing | typical ms | typical of ms
        it is from ms | it is from the ms | is it because of ms | is it because of the ms | is it because of her ms
        is it because of his ms | is it because of my ms | it is from her ms | it is from his ms | it is from my ms
        typical for ms | common in ms | common with ms | common for ms | part of ms | from the ms | from ms
        because of ms | because of the ms | ms symptom | ms symptoms | symptom of ms | symptoms of ms | usual for ms
        usual with ms | normal with ms | normal in ms | is that ms | is that the ms | is it ms | is it the ms | is this ms
        is this the ms | is that her ms | is that his ms | is that my ms | is this her ms | is this his ms
        is this my ms | could it be ms | could it be the ms | could that be ms | could that be the ms""",
    # "never had one": a first seizure only beside one happening ("never had one before and now hes shaking")
    "NEVER_HAD": """never had | never had one | never had seizure | never had one before | never had fit""",
    "FIRST_EVER": """never done this | never done that | never done before | never done anything like this | never seen him do
        never seen her do | never seen this | never been like this | not done this before | never happened him
        never happened her | never had anything like this
        first seizure | first fit | first ever | first time | 1st time | 1st seizure | first one ever
        never had | never had one | never had seizure | never had one before | never before | never happened
        never happened before | never had fit | no history | no history epilepsy | not epileptic
        not have epilepsy | no epilepsy | not know he had epilepsy | not know she had epilepsy | new onset
        first episode | nothing like this ever happened | nothing like this happened before | never happened before | never happened me before | never had one before | first time ever | nothing like this has ever happened | nothing like this has happened | never had anything like this""",
    "FINE_NOW": """breathing stopped jerking | breathing stopped shaking | breathing stopped fitting
        breathing stopped seizing | stopped breathing fine | stopped breathing ok | stopped breathing okay | stopped breathing normally
        stopped breathing normal | stopped breathing again | stopped now breathing | fine now | ok now | okay now | back to normal | recovered | seems fine | seems ok | is fine
        doing fine | all fine | doing great | doing well | doing ok | doing okay | doing good | hes fine | shes fine
        im fine | theyre fine | all good now | appointment | referral | referred | neurologist | eeg | mri | scan | tests
        test results | gp | could this be | could it be | does this mean | is it epilepsy | is this epilepsy
        does he have epilepsy | does she have epilepsy | will it happen again | happen again | chance again""",
    "INJURY": """blood on head | blood from head | blood on her head | blood on his head | blood coming from head | struck head | struck his head | struck her head | struck my head
        bloody | bloodied | blood stained | bloodstained | lying in blood | lying in his blood | lying in her blood
        lying in their blood | pool of blood | covered in blood | blood in his mouth | blood in her mouth
        came down on head | landed on head | fell on head | hit floor head | holding neck | holding head
        screaming in pain | crying in pain | in agony | pain is insane | pain unbearable | severe pain | wrong way
        bent wrong way | popped out | dislocated | out socket | out of place | fell bottom | head cut | head is cut
        cut open head | gash head | lump on head | lump on forehead | lump on her forehead | lump on his forehead
        lump on her head | lump on his head | bump on her head | bump on his head | hit her forehead | hit his forehead
        hit head | banged head | bashed head | smacked head | bumped head | cracked head | knocked head
        hurt head | split head | cut head | head injury | head wound | head bleeding | hit face | smashed head
        hit head on | fell and hit | bleeding | blood | bled | broke | broken | fracture | hurt himself
        hurt herself | hurt themselves | injured | injury | badly hurt | fell down stairs | fell down the stairs
        fell hard | fell badly | burned | burnt | burn | concussion | gash | cut open | split open | lacerated
        bitten tongue badly | tongue bleeding""",
    "WATER": """slid under | went under | gone under | fell in | fell into | fell in water | under water | submerged
        face down | head under | out of water | got out water | pulled out water | shallow end | deep end
        lifeguard
        bath | bathtub | tub | in bath | pool | swimming pool | in pool | sea | ocean | lake | river
        in water | under water | underwater | swimming | face down in water | jacuzzi | hot tub | pond
        coughing up water | coughing water | coughed up water | swallowed water | breathed in water | inhaled water
        in shower | face was under | face under | head was under | pulled him out | pulled her out""",
    "PREGNANT": """midwife | trimester | antenatal | baby bump | bump | baby moving | baby kicking | feel baby | due date
        obstetrician | in labour | in labor | contractions
        pregnant | pregnancy | weeks pregnant | months pregnant | expecting baby | expecting
        carrying baby | during pregnancy | while pregnant""",
    # --- crisis ---------------------------------------------------------------------------------------------------
    "WISH": """wishes | hopes | prays | longs
        want | wants | wanted | wanting | wish | wishing | wished | hope | hoping | rather | would rather
        ready | longing | pray | praying | prefer | tempted | desire | need""",
    "DEATH": """finish off | finishes off | finished off | finish me off | put me out misery | out misery | end me
        not be alive | not being alive | not alive anymore | not exist anymore | not existing | disappearing | vanishing
        gone forever | go away forever | never wake | sleep and not wake
        die | dead | death | be dead | be gone | gone | not exist | not be here | not be alive | disappear
        disappear forever | vanish | not wake up | not wake | never wake up | never wake | sleep forever | asleep and not come back | asleep and never come back | asleep and not wake up | asleep and never wake up
        go sleep forever | go to sleep and not wake | end | end it | end it all | end all | it all end
        all end | it end | everything end | be with | join | not alive | cease exist | stop existing
        not be around | not around anymore | stop living | not live | not living | sleep and not come back | sleep and never come back | sleep and just not come back | sleep and not wake up | sleep and never wake up | sleep forever | asleep and not come back | asleep and never come back | asleep and not wake up | asleep and never wake up""",
    # Death itself (not "end", "gone"): what "easier", "think about" or "would anyone notice" combine with
    "DEATH_STRONG": """never woke up | not woke up | not woken up | never woken up
        die | dead | be dead | not be alive | not alive | not exist | not being alive | not alive anymore
        not exist anymore | not existing | never wake up | not wake up | never wake | sleep forever | stop existing
        cease exist | not be here | not be around | not being here | not being around
        disappear | disappearing | vanish | vanishing | gone forever""",
    # "wish the next one would just take me": death as the end of a sentence (not "take me home")
    "TAKE_ME": """take me | takes me | take me away | just take me | would take me | would just take me | come take me""",
    # Others better, happier or easier without me: a wish to be dead (CSSRS 1)
    "BETTER": """better | happier | easier | lighter | relieved | less stress | better off | happier off | easier off
        less hassle""",
    "WITHOUT_ME": """without me | without me around | without me here | if i was gone | if i were gone | if i wasnt here | if i wasnt around anymore
        when im gone | once im gone | rid of me | if i died | if i was dead | not have deal with me
        not have to deal with me | nobody has deal with me | no one has deal with me | nobody has to deal with me
        if i disappeared | if i vanished | if i went missing | if i just disappeared | if i just vanished
        not have look after me | not be burden | with someone else | someone who not burden | someone who isnt burden | someone else instead""",
    # Would anyone notice or care if I died: a wish to be dead
    "NOTICE": """anybody notice | anybody even notice | would anybody notice | anybody care | would anybody care | anybody even care | anybody miss me | would anybody miss me
        anyone notice | anyone even notice | would anyone notice | anyone care | would anyone care | anyone even care
        anyone miss me | would anyone miss me | who would miss me | nobody would care | no one would care
        nobody would miss me | no one would miss me | would they notice | would they even notice | would anyone even""",
    # Life itself as not worth it, or being tired of it ("tired of existing", "life isnt worth it")
    "LIFE": """life | living | existing | existence | being alive | alive | being me | being here | waking up""",
    "LIVING_WITH": "living with | life with ms | life with epilepsy",
    "WORTH_NOT": """not worth | not worth it | pointless | meaningless | no meaning | no point | not worth anything""",
    "TIRED_OF": "tired | sick | done | fed up | exhausted | weary | over",
    # Enduring ("how much longer do i have to keep living like this") with living on: passive ideation
    "ENDURE": """how much longer | how long can i | how long do i have | how long must i | cant keep | not keep
        not sure i can keep | cant do this much longer""",
    # A lethal amount of a medicine: a method (asked in general or not)
    "LETHAL": """would be enough for me | be enough for me | how many would be enough
        lethal | fatal | deadly | enough kill | enough die | how many would it take | how much would it take
        before it kills you | before it kills | before they kill you | dose that kills | amount that kills
        how many kill you | how much kill you |
        how many would kill | how much would kill | what amount kill | kill person | kill someone | lethal dose | painless | painless way | take not wake up | it take not wake up | enough not wake up | never wake up again""",
    "ENOUGH": """enough | be enough | is it enough | will it be enough | would it be enough | would that be enough""",
    # Standing at a height or on the tracks, now: a method at hand
    "HIGH_PLACE": """on bridge | at bridge | on ledge | on roof | on rooftop | on cliff | at cliff | cliff edge
        on tracks | on railway | by railway | on railway line | platform edge | top building | top car park
        multi storey | top multi storey | edge platform | edge bridge | edge roof | edge cliff | edge building
        edge tracks | platform edge | edge railway""",
    # Going off a height or in front of a train: with a height and a thought or wish, a way to die
    "LEAP": """stepping off | step off | stepping in front | step in front | throw myself | throwing myself
        let myself fall | lean forward | leaning forward""",  # (METHOD has "jump", "jump off", "jumping")
    # The unnamed act with specifics (a place, a time alone, a worked-out plan)
    # A survival, for "wish i hadnt" after it
    "SURVIVED": """survived | survive | surviving | pulled through | made it through | came through | woke up | came round""",
    "DO_IT": """do it | going do it | gonna do it | ill do it | will do it | would do it | go through with it | doing it
        going through with it""",
    "DECIDED_BARE": """ive decided | i have decided | i decided | made up mind | made mind up | mind made up | mind is made up | made my mind up | decision made | mind is made up""",
    "SPECIFIC": """this weekend | when kids are at | when kids are away | when everyones asleep | when everyone asleep
        after this week | chosen date | chosen the date | picked date | picked a date | pick a day | pick day | set date
        set a date | chosen day | after wedding | after her wedding | after his wedding
        all worked out | got it all worked out | worked it all out | all planned | planned it all | everything planned
        all planned out | working out how | worked out how | figuring out how | figured out how | planning how
        exact place | exact spot | exact way | exact time | exact date | when everyone is out
        when everyones out | when no one is home | when nobody is home | when theyre asleep | when everyone is asleep
        while everyone is out | when house is empty | nobody will be home | no one will be home
        no one will find me | nobody will find me | before anyone finds | tonights night | tonight is night | tonight night | its tonight""",
    # Making it look like an accident or a seizure: intent with a plan
    "DISGUISE": """make it look like sudep | look like sudep | make it look like an accident | make it look like a seizure
        look accident | look like accident
        think it was accident | think it was seizure | think it was fit | look like accident | look like seizure
        make it look accident | make it look seizure | seem accident | looks accident | as if accident""",
    # A means at hand and dwelling on it ("been looking at it all night")
    "MEANS": "rope | noose | gun | shotgun | pistol | hosepipe",
    "DWELL": """looking at it | staring at it | holding it | been looking at | keep looking at | not stop looking at
        sitting with it | in my hand | in front of me | next to me | got it out | got out | out ready | got blade out
        blade out | razor out""",
    "NOT_YET": "not used it yet | not done it yet | not yet | not used yet | not cut yet | havent yet",
    # "wont be needing them": arrangements for not being here
    "IN_CASE": "just in case | in case anything happens | in case something happens",
    "OUTGROWN": """        to make space | to make room | make space | make room | moving house | moving out | move abroad | moving abroad | emigrating | emigrate
        retiring
        downsizing | out of date | expired
        dispose | disposal | my colleagues | to my mp | new teacher | for teacher
        old clothes | old baby clothes | old toys | outgrown | grown out of | to charity | charity shop | declutter
        decluttering | clearing out | car boot | hand me downs""",
    "NO_SEIZ": "no seizure | not seizure | no fit | not fit | not seizure just | no seizures",
    "FLOP": "collapsed on sofa | collapsed on bed | collapsed into bed | collapsed on couch | collapsed into chair | collapsed in heap on sofa | collapsed on settee",
    "NOT_NEEDING": """not matter soon | not matter much longer | not matter anyway soon | not be needing | not need them | not need it | not going need | where im going | where i am going
        not need anymore | not need any more | not need them anymore | not need it anymore | not be needing them""",
    # Arrangements that count only beside another preparation or a low mood
    "PREP_SUPPORT": """not coming back | wasnt coming back | never coming back | for when the time comes | when the time comes
        cant reach him | cant reach her | not answering phone | not answering her phone | not answering his phone
        sorted for after | tidy for after | for when they find me | when they find me
        for when i decide | when i decide | paid off debts | paid off all my debts | cancelled phone | cancelled contract
        sorry and goodbye | goodbye everyone | bye to everyone | said bye to everyone
        look after his dog | look after her dog | look after my dog | bank card and pin | youll need this
        nobody would ask | no one would ask | not need anything after | not need any of it
        passwords | bank details | pin numbers
        everything sorted | sorted before | tying up loose ends | tie up loose ends | loose ends | wrote passwords
        passwords down | written passwords | gave passwords | deleted socials | deleted all socials | deleted accounts
        deleted social media | cancelled appointments | cancelled all appointments | cancelled everything
        sent goodbye | texted goodbye | goodbye messages | letters each | letter each | wrote list | written list
        saying who gets | says who gets | said who gets | note who gets | list who gets | sorry and who gets
        decided who gets | wrote who gets | written who gets | who gets my things | who gets my stuff | who gets my money
        who gets my house | who gets what when | says for after | marked for after | letters for after | sealed | sealed them | in drawer | for them find | theyll find it
        where they will find | under pillow | on pillow""",
    "SELF_GONE": """if something happens me | if anything happens me | when im gone | after im gone | once im gone
        if im gone | when im not here | after i die | when i die | if i die""",
    "SOON": "soon | shortly | not long | before long | this week",
    "SECRET": """doesnt know why | not know why | no one knows | nobody knows | not told anyone | not tell anyone
        not told anybody | dont tell""",
    # A low mood as support for preparation (never an alarm alone)
    "DOWN": """been down | been low | feeling down | feeling low | felt down | felt low | been quiet | depressed | withdrawn
        not himself | not herself | shut himself away | shut herself away | shut away | not eating""",
    # A last goodbye with thanks for what was ("goodbye, you helped"): saying goodbye
    "FAREWELL": """bot helped | you helped | you have helped | youve helped | helped me through | helped sometimes
        thanks for everything | thank you for everything | thanks for all help | thanks for all your help
        thanks for being there""",
    # Why someone hurts themself: to cope, to feel, to punish
    "COPING": """when it all gets too much | when it gets too much | gets too much | feel something | helps me feel
        only way | only thing that helps | get it out | release | cope with | makes me feel better | punish myself
        deserve it | deserve pain""",
    "INTENSE": """till bled | till they bled | till they bleed | until they bleed | until they bled | till it bled
        till it bleeds | until it bleeds | till bleeds | till bleed | until bleed | till it hurts | until it hurts
        till knuckles | till skin | till crack | draws blood | drew blood | deeper""",
    "INSTRUMENT": "got blade out | blade out | razor out | got razor out | lighter | blade | blades | razor | razors | razor blade | razor blades | sharpener",
    # Risk named to deny it: "not suicidal or anything", "im not going to hurt myself"
    "NEG_RISK": """not suicidal | not feeling suicidal | not going hurt myself | not going do anything | not going do anything stupid
        not in danger | not at risk | im safe | i am safe | no intention | not planning anything | never would
        would never | not that i would | not going kill myself | not going end it""",
    # A joke marker: with a cause ("heat makes me want to die lol") a wish to die is a figure of speech
    "JOKE": "lol | lmao | haha | hahaha | jk | joking | rofl | lolol",
    # A message sent to the bot by mistake, or meant for someone else: the crisis net reads its words ("sorry",
    # "message") out of place
    "MISSENT": """wrong app | wrong chat | wrong window | wrong conversation | wrong group | wrong thread | wrong tab
        meant for someone else | wasnt meant for you | not meant for you | ignore my last | ignore last message""",
    # "enough" and "better" in an everyday sense, for the crisis net (which learned "had enough", "better off"):
    # "fair enough cheers" is a thanks
    "EVERYDAY_ENOUGH": """fair enough | good enough | sure enough | enough info | enough information
        enough for now | enough for today | thats enough for now | enough said | funnily enough | oddly enough
        interestingly enough | old enough | big enough | strong enough | often enough""",
    "TEMPORARY": "all for now | bye for now | goodbye for now | say goodbye for now | saying goodbye for now | see you | later | tomorrow | next time | again | night | soon",
    # Things named with a sign's word ("is a blue badge possible for dad"): the phrase takes the word from the sign
    # ("is blue"), and no rule reads the phrase itself
    "NAMED_THING": """blue badge | blue badges | is blue badge | are blue badges | blue badge scheme | blue parking badge
        blue light card | blue light discount""",
    # Idioms made of emergency words: the phrase takes the word, so no rule sees a seizure, a choke or a faint
    # (never "choking on", "blue in the face", "nearly had a fit" (read as "had fit"), "overdose of": each is also
    # said of a real one)
    "FIGURATIVE": """seize the day | seizing the day | seized the day | seized the moment
        money for old rope
        overdose of meetings | overdose of work
        overdose of sugar | shaking with excitement | shaking with laughter | shaking with rage | shaking with nerves
        so hungry i could faint
        gave me heart attack | give me heart attack | giving me heart attack | heart skipped a beat
        heart stopped when i saw | heart stopped when i read | heart stopped when i heard | heart stopped when i got""",
    "DIE_OTHER": """        end things with him | end things with her | ending things with him | ending things with her
        ended things with him | ended things with her | end this relationship | end relationship with | end my gym | end membership | end gym membership
        end this cycle | end cycle | end the day | ending the day | end of the day | will kill me | gonna kill me
        going to kill me | going kill me | trying to kill me | is going to kill me | die of embarrassment
        die from embarrassment | want this tingling to disappear | want it to disappear | want them to disappear
        want this to disappear | want the pain to disappear
        is it gonna kill | is it going kill | will it kill | can it kill | could it kill | does it kill
        can ms kill | will ms kill | could ms kill | does ms kill | can epilepsy kill | will epilepsy kill
        could epilepsy kill | can seizures kill | can seizure kill | can fit kill | can fits kill
        end relationship | end treatment | end contract | end marriage | end friendship | end course | end tenancy | end subscription
        rather die than | would rather die than | scared death | scared to death | scare to death | scares to death
        bored to death | bored death | sick to death | thought i was going die | felt like i was going die
        not want die | not want be dead | scared die | afraid die | scared dying | afraid dying
        frightened die | worried die | worried dying | fear dying | fear death | not wanting die | want die hair | want dye hair | die hair | dye hair | dying hair | die laughing | dying laugh | dying know | dying to know
        die for coffee | dead tired | dead on feet | dead arm | dead leg | killing me | is killing me
        are killing me | killing it | die of embarrassment | die embarrassment
        could die | would die | killing time | kill time | dead battery | phone died | phone dead | battery died
        battery dead""",
    "WISH_DEAD": """not be bad if car | not be bad if bus | not be bad if train | if car did not stop
        if bus did not stop | if car hit me | if bus hit me | if train hit me | not mind if car | not mind if bus
        better if i am gone | better if im gone | didnt wake up tomorrow | not wake up tomorrow | if i didnt wake up
        happier if i wasnt around | better if i wasnt around | easier if i wasnt around | better off if i wasnt around
        just be dead | to just be dead
        hope my heart stops | hope my heart just stops | heart just stops | not let me wake up
        god take me | god to take me | god would take me | sudep gets me | sudep takes me
        hope sudep | next fit is one | next seizure is one | wish i died | wish i had died | wish id died
        wish i just died | wishes she died | wishes shed died | wishes he died | wishes hed died | wish shed died
        wish hed died | wish ambulance hadnt come | ambulance hadnt come | wish they hadnt saved me
        wish they let me die | let me die | would hit me | would run me over
        nice to be dead | nice it would be to be dead | nice to just be dead | better if i die | better if i died
        better for everybody if i die | better for everyone if i die | better if he was gone | better if she was gone
        better off if he was gone | better off if she was gone | better off if i was gone
        never come round | just stay gone | stay gone | it all to end | want it all over
        want it all to be over | want everything to be over | not care if i live or die | care if i live or die
        if i live or die | whether i live or die | waiting to die | waiting for death
        sleep and not wake up | sleep and never wake up | go sleep and not wake up | wish seizure had killed me | wish seizure had just killed me | wish it had killed me | wish it had just killed me | why did i wake up | why did i wake | why do i keep waking up | why do i keep waking | wish i hadnt woken
        wish i hadnt woken up | wish i hadnt woke up | wish id never woken up | wish i never woke up | wish i had never woken up
        wish id never woke up | wish i never woken up | wish i never woke | wish id never woken | disappointed woke up | disappointed i woke up | why am i still here
        why am i still alive | why am i even alive | why im even alive | why im still alive | why am i alive | why im alive
        why am i even still alive | why even am i alive
        not know why im even alive | not know why im alive | not know why im still alive
        not know why i am alive | not know why i am even alive | not know why i am still alive
        still alive unfortunately | still here unfortunately | unfortunately woke up
        wish i was dead | wish i were dead | wish i was never born | wish i had never been born
        wish i wasnt born | wish i wasnt here | wish i didnt exist | wish i wouldnt wake up | rather be dead
        rather not wake up | rather not be here | rather not exist | better off dead | better off without me
        better not to live | better not live | better to not live | better not to exist | better to be dead
        better off if i wasnt here | better off if i was gone | better off if i was dead | better off if im gone
        better off without him | all be better off without her | everyone be better off without her
        family be better off without her | better without me | be better without me
        would be better without me | better if i wasnt here | better if i was gone | better if i was dead
        better if i died | better if i wasnt around | better without him | be better off without me | would be better off
        everyone would be better off | everybody would be better off | they would be better off
        family would be better off | hope i not wake up | hope i dont wake up | hope i never wake up
        not want wake up | want go sleep and not wake up | go sleep and never wake up | not mind if i died
        not care if i died | not care if i die | wouldnt mind dying | not mind dying | hope i die | want die
        wants die | wanting die | wanted die | wish i could die | wish i would die | ready die | want be dead
        want be gone | want dead | want death | praying for death | pray die | would rather die
        rather die | go sleep and not come back | sleep and not come back | sleep and never come back | go sleep and never wake | not mind if it all ended | not mind if it ended | not mind if it all just ended | not mind if i died | not mind dying | not mind if i never woke up""",
    # The end of something wished, past or present ("i just wanted it to stop"): alone it may be pain or seizures;
    # beside an overdose told, the overdose was taken to end things (see safety_crisis)
    # Medicine put by over time, in more words ("I've been keeping back a few pills each week"): preparation with
    # pills counted or a rhythm (not "keeping back my morning tablet till after breakfast", nor "saving up" money)
    "STOCK_MORE": """keeping back | been keeping back | kept back | squirrelling away | squireling away | stashing away
        stashed away | saving up | putting by | put by""",
    # A dose named by its time, as the object of a miss ("missed last nights", "forgot this mornings one")
    "DOSE_OF_TIME": """last nights | last nights one | this mornings | this mornings one | yesterdays | tonights
        todays | mornings one | nights one | evening one | morning one | night one | lunchtime one""",
    # Medicine from another time or person, taken or given again ("the steroid tablets I've got left over from last
    # time", "give her the old bp ones back")
    "LEFTOVER": """left over | leftover | leftovers | from last time | old ones back | old ones | old tablets | old pills
        old meds | spare ones | spares | old prescription""",
    # The point a seizure turns into an emergency, asked about ("at what point does a seizure become a 999 call")
    "CALL_POINT": """become emergency | becomes emergency | turn into emergency | turns into emergency
        treated as emergency | counts as emergency | count as emergency | classed as emergency | considered emergency
        become 999 call | becomes 999 call | become 911 call | becomes 911 call | become ambulance job
        become ambulance call | becomes ambulance call | when is it worth calling | when is it worth ringing
        when is it worth phoning | when its worth calling | when its worth ringing | worth calling ambulance
        worth ringing ambulance | at what point do you call | at what point do i call | at what point should i call
        at what point should you call | count as needing emergency | counts as needing emergency
        count as needing emergency help | counts as needing emergency help | count as needing ambulance
        counts as needing ambulance | count as needing an ambulance | counts as needing an ambulance""",
    # All of a medicine, taken, in the words of a thought ("thinking about taking the lot")
    # Drawn to a way to die, said as a feeling ("i feel like taking all my pills", "some days i feel like swallowing
    # the whole packet"): for the crisis rules, never an overdose taken
    "FEEL_LIKE": """feel like taking | feel like swallowing | feel like overdosing | feel like downing | feel like necking
        feel like popping | feels like taking | felt like taking | felt like swallowing | feeling like taking
        tempted to take | tempted to swallow | tempted to overdose""",
    "TAKE_ALL": """taking lot | take lot | swallowing lot | swallow lot | taking whole lot""",
    "END_WISHED": """wanted it stop | wanted it all stop | wanted it end | wanted it all end | wanted everything stop
        wanted everything end | wanted it over | wanted it all over | wanted it be over | wanted it all be over
        want it stop | want it end | want it be over | wanted sleep forever | wanted not wake up | wanted not wake""",
    "PASSIVE": """whats point me | what is point me | whats point of me | point of me anymore | whats point me anymore
        will not live | would not want live | will not want live | would rather not live
        not want live if | im done with living | scared of myself | afraid of myself | frightened of myself | scared of what i might do | afraid of what i might do | frightened of what i might do | scared what i might do | scared of what ill do | scared ill do something | scared i might do something | not wanting be here | not wanting be alive | not wanting be around | not wanting go on | not wanting live anymore | im done with life | i am done with living | i am done with life
        wonder if its worth carrying on | wonder if its worth going on | wonder if its even worth carrying on
        worth carrying on at all | worth going on at all | wonder whether its worth carrying on
        done with living | done with life | done living | done with being alive | not wanna be alive | not even wanna be alive | not wanna be here | not wanna live
        should not be alive | should not even be alive | should not b alive | should not even b alive | not even b alive
        nothing left to live for | nothing left live for | not going to carry on | not going carry on | not gonna carry on
        stopped wanting to live | stopped wanting live | no will to live | lost will to live | lost her will to live
        lost his will to live | lost my will to live | had enough of living | enough of living
        had enough of life | enough of life | not want any more years | not want more years
        not want any more of this life | not want more days | no more days | not do life anymore | not do life
        not do this life | not do this life anymore | not fight to stay alive | not want fight stay alive
        fight to stay alive | disappear forever | disappear for good | disappearing for good | never be found
        nobody find me | no one find me | walk out of everything | not be found
        nobody would miss me | no one would miss me | nobody will miss me | no one will miss me | nobody would even miss me
        no one would even miss me | nobody gonna miss me | no one gonna miss me | nobody going to miss me | wont be missed
        wouldnt be missed | would not be missed | not be missed
        no longer see any reason to carry on | no longer see any reason to go on | no longer see any reason to live
        not see any reason to carry on | not see any reason carry on | see no reason to carry on | see no reason to go on
        see no reason to live | see no reason carry on
        no want live | no want to live | no want be alive | no want be here | no want go on | no want live anymore
        easier if i just wasnt here | better if i just wasnt here | if i just wasnt here | if i just was gone
        easier if i just wasnt around | better if i just wasnt around | if i just wasnt around
        not wanting wake up | not wanting to wake up | not wanting to live | not wanting live
        fed up of living | fed up with living | fed up of life | fed up with life | fed up of being alive
        fed up with being alive
        if i just disappeared | if i just died | if i just not wake up | if i just never woke up
        not see reason keep going | not see much reason keep going | no longer see reason keep going
        not see reason go on | not see reason live | not see reason living | not see much reason go on
        not see much reason live | not see much reason living | no longer see reason go on | no longer see reason live
        no longer see much reason go on | no longer see much reason live | no longer see point | no longer see point living
        no longer want live | no longer want be here | no longer want go on | no longer want be alive
        easier if it all ended | easier if it all just ended | better if it all ended | better if it all just ended | easier if i was gone | easier if i wasnt here | not want live | not want be alive | not want be here | not want be here anymore | not want exist
        not want go on | not want carry on | not want continue | not want be around | no point living
        no point in living | no point life | no point going on | no point in going on | no point anymore | no point carrying on like this | no point in carrying on like this | no point carrying on anymore
        better i am not here | better im not here | better if i am not here | better if im not here | better i not here
        better i was not here | better if i was not here | better if i wasnt here | better i wasnt here
        running out reasons keep going | running out reasons live | running out reasons carry on | running out reasons go on
        run out reasons | ran out reasons | out reasons keep going | out reasons live | running out reasons to
        not even want wake up | not want wake up anymore | not want wake up tomorrow | not even want wake
        no point in anything | whats point anything | what is point anything | whats point in anything
        whats point it all | what is point it all | whats point in it all | whats point living | what is point living | whats point anymore | whats even point
        whats the point anymore | whats point in carrying on | whats point carrying on | whats point in going on
        what point is anymore | what point is any more | what point even is anymore | whats point of it anymore
        whats point going on | whats point in living | whats point in life | whats point in trying | point living | point carrying on | point in carrying on | point going on
        point in going on | point in living | point in life | not see point | not see point in living
        not see point living | not see point anymore | not see point in anything | not see point in life
        no reason keep going | no reason carry on | no reason carrying on | no reason going on | no reason live | no reason living | no reason go on
        no reason be here | nothing live for | nothing to live for | not go on | not go on anymore
        not go on like this | not carry on | not carry on like this | not do this anymore | not do this any more
        not take this anymore | not take it anymore | not cope anymore | not cope any more
        want it all end | want it all stop | want everything stop | want everything end | want it over
        want it all be over | want all be over | want disappear | want vanish | disappear forever
        disappear for good | vanish forever | not be here anymore | not be here tomorrow | no one would notice
        nobody would notice | notice if i was gone | notice if i were gone | miss me if i was gone | if i was gone
        if i were gone | if i wasnt here | if i died | when im gone | life not worth living
        life isnt worth living | not worth living | tired of living | tired of being alive | tired of life
        sick of living | sick of life | done with life | done with living | give up on life | given up on life
        giving up on life | cease exist | stop existing | sleep forever | go sleep forever | not want wake up
        end it all | ending it all | end all | ending all | thinking about ending it | thinking ending it
        ending it | end it | just end it | end everything | ending everything | not need anything soon | not need it anymore
        not need anything much longer | not be around much longer | not be here much longer | not be here long
        not be around long | not be here next | not be around next | not anymore | not do it anymore
        think about dying | thinking about dying | thoughts dying | thoughts about dying | think about death
        thinking about death | thoughts death | thinking dying | think dying | dream about dying | point me being here
        whats point me being here | point being here | point in me being here | point being alive | not want this life | not want this life anymore | not want life anymore | not want my life""",
    "LIVE_ON": """keep living | go on living | carry on living | keep going | go on | carry on | keep on living
        living like this | live like this | keep living like this | go on like this | carry on like this""",
    # Living itself, not "keep going with my meds"
    "LIVE_ON_STRONG": """keep living | go on living | carry on living | keep on living | living like this | live like this
        keep living like this | go on like this | carry on like this""",
    "ACTIVE": """how i would end things | how i would end it | how i will end things | how i would end it all
        planning how to end | planning how i would end | how to end things | how i could end things | how id end things | ways to end things | way to end things
        how to end it all | how to end my life | how to end everything | working out how to end | planning how to end
        painless way to go | painless way go | easy way to go | easiest way to go | quickest way to go
        quick way to go | peaceful way to go | painless way to die | easiest way to die | quickest way to die
        finish my life | finish own life | finishing my life | unalive myself | unaliving myself | end things myself
        ending things myself
        taking his life | taking her life | taking my life | take his life | take her life | thoughts ending things
        thought about ending things | thinking about ending things | thoughts of ending | ending things for good
        thoughts about ending everything | thought about ending everything | thinking about ending everything
        thoughts ending everything | thoughts about ending it all | thinking about ending it all | thought about ending it all
        end things for good | enough to end things | shoot himself | shoot herself | hang himself | hang herself
        bag over head | bag over his head | bag over my head | bag over her head | throw myself off
        throw myself in front | jump off roof | jump off bridge | jump off cliff | jump off building | jump from bridge
        jump off school roof | thoughts suicide | thoughts of suicide
        ending own life | end own life | ended own life | ending myself | end myself | kill yourself | killing yourself
        kys | voices telling me kill | voice telling me kill | telling me kill myself | saying kill myself | saying kill yourself
        kill myself | killing myself | killed myself | kill me | kms | suicide | suicidal | take my own life
        take own life | taking own life | end my life | end life | ending life | ending my life | end own life
        kill himself | killing himself | kill herself | killing herself | kill themselves | killing themselves
        take his own life | take her own life | end his life | end her life | off myself | top myself
        topping myself | do myself in | doing myself in | did myself in | do me in myself | not want wake up ever | suicide thoughts | suicidal thoughts | thoughts suicide
        thoughts killing myself | thoughts of ending it | thoughts ending it | unalive myself | kill myself tonight""",
    "PLAN_SOFT": """thinking | considering | tempted | keep thinking | do it | go through with it | to do it | might as well
        may as well | and be done | be done with it | be done with everything | be done with all""",
    "PLAN": """plan | plans | planned | planning | going | going tonight | tonight | tomorrow | decided | made up mind
        how many | how much | way | ways | method | methods | best way | easiest way | painless way
        quickest way | researching | looked up | looking up | googled | intend | intention | intent | will
        gonna | when | date | time""",
    # Saying little ("he doesnt talk much anymore"): a mood or a habit, not speech a stroke took
    "TALK_LITTLE": """not really talk about it | not talk about it | not really talk about | not talk about
        not want talk about it | not like talking about it | not talk much | not talking much | not say much | not saying much | not speak much
        not talk as much | not talk to anyone | not talking to anyone | not want to talk | not wanting to talk
        not want talk | not wanting talk""",
    # What a treatment cuts down ("how do these drugs cut down relapses"): how it works, not a dose cut
    "TREAT_EFFECT": """cut down relapses | cut down on relapses | cut down the relapses | cut down number of relapses
        cut down seizures | cut down on seizures | cut down the seizures | cut down fits | cut down on fits
        cut down attacks | cut relapses | cut seizures | cut number of relapses | cut number of seizures
        cut number of attacks | cut number of fits | cut the number of relapses | cut the number of seizures
        just cut number of relapses | just cut number of seizures | just cut relapses | just cut seizures
        stop it getting worse | stop it from getting worse | stop it get worse | stop ms getting worse
        stop it progressing | stop progression | stop the progression | stop ms progressing | stop relapses
        stop the relapses | stop it coming back | stop them coming back | stop new lesions | stop new ones
        stop it spreading | stop the damage | stop more damage""",
    # Medicines tried ("tried like 4 meds and still fitting"): with a count of them, a treatment taken for a while
    "TRIED": """tried | have tried | tried like | been on | gone through | went through | been through
        been on two | been on 2 | been on three | been on 3 | been on four | been on 4 | been on five | been on 5""",
    "PARTICLE": "up | down",  # "put her clobazam up": a change split around the medicine
    "TO_TRY": "try it | try them | see if it helps | see if that helps | see if it works | as a trial | as an experiment",
    "TRYING": """try | trying | tries | prescribe | prescribed | prescribes | try it | try them | see if it helps
        see if that helps | see if it works | as a trial | as an experiment""",  # "not responding to anything they try"
    # A treatment taken for a while: its blood levels, or the medicine counted ("on his second one")
    # "on two tablets and still fitting", "keeps fitting even on meds": a count of medicines taken, or "even on"
    "ON_COUNT": """on two | on 2 | on three | on 3 | on four | on 4 | on five | on 5 | even on
        been on two | been on 2 | been on three | been on 3 | been on four | been on 4 | been on five | been on 5""",
    "REGIME": """on second | on third | on fourth | on fifth | on his second | on her second | on his third
        on her third | on my second | on my third | on 2nd | on 3rd | on 4th | on his 2nd | on her 2nd | on his 3rd
        on her 3rd | on my 2nd | on my 3rd | on his 4th | on her 4th | on my 4th | blood levels | drug levels | levels in range | levels are in range | levels fine | levels are fine
        levels normal | levels are normal | therapeutic range | therapeutic levels""",
    # A stroke asked about as the cause of something ("is it the stroke damage?"), not "is it a stroke?"
    "STROKE_CAUSE": """is it stroke damage | is it stroke causing | is it stroke doing | is it stroke related
        is it because stroke | is this stroke damage | is that stroke damage""",
    # Whether other medicines stop a medicine working: a question about treatment, not a change to it
    "STOP_WORKING": """stop tablets working | stop meds working | stop medicine working | stop medication working
        stop drugs working | stop epilepsy tablets working | stop epilepsy meds working | stop epilepsy medicine working
        stop them working | stop it working | stop pills working | stop seizure meds working
        stop meds from working | stop tablets from working | stop medicine from working | stop medication from working
        stop drugs from working | stop pills from working | stop them from working | stop it from working
        stop epilepsy meds from working | stop epilepsy tablets from working | stop epilepsy medicine from working""",
    # A lifetime, not a life that is over ("more autoimmune conditions over their life")
    "LIFETIME": """over their life | over your life | over his life | over her life | over my life | over life
        over their lifetime | over lifetime | over a lifetime""",
    # An appointment not given ("doc cant see me for ages"): no sight lost, and a wait, not a seizure going on
    "APPOINTMENT": """not see me | doc not see | doctor not see | gp not see | neuro not see | nurse not see
        not see me for ages | not see me ages | not see him for ages | not see her for ages | wait for ages
        waiting for ages | waited for ages | waiting ages | wait ages""",
    # Two doses at once ("yesterday he forget. today give two?"): with a missed dose, a decision to double up
    "DOUBLE_UP": """give two | give 2 | take two | take 2 | give double | take double | double up | give both
        take both | give him two | give her two | give him double | give her double | double dose | a double dose""",
    # Going back to everyday life, not to an old medicine ("would he be able to go back to school straight after?")
    "BACK_TO_LIFE": """go back to school | go back to gym | go back to training | go back to football | go back to swimming | go back to running | go back to exercise | go back to exercising | go back to dancing | go back to climbing | go back to cycling | go back to riding | go back to yoga | go back to job | go back to shifts | go back to studying | go back to lectures | go back to church | go back to choir | go back to club | go back to team | go back to pool | go back to hobbies | get back to gym | get back to work | get back to school | get back to training | get back to normal | back to gym | go back to work | go back to college | go back to uni | go back to university
        go back to nursery | go back to class | go back to the office | go back to normal | go back to sport
        go back to playing | go back to driving""",
    # A train taken, not stood in front of ("the train times from Pune to Mumbai tomorrow"): no method
    "TRAVEL": """train times | train timings | train timetable | train ticket | train tickets | train station
        train journey | train fare | train fares | by train | catch train | catch a train | get the train | train strike""",
    "METHOD": """driving into something | drive into something | driving into a wall | drive into a wall
        driving into a tree | drive into a tree | drive off the road | driving off the road | driving into traffic
        drive into traffic | drive the car into | driving into estuary | drive into estuary | driving into sea | drive into sea
        driving into lake | drive into lake | driving into canal | drive into canal | driving off bridge
        drive off bridge | driving off cliff | drive off cliff
        steering into | steer into | steer car into | steering car into | steer off road | steering off road
        car in river | car into river | drive car in river | drive into river | drive to bridge | drive to cliffs
        drive to cliff | car to cliffs | car to cliff | go to bridge | off cliffs | into the sea | into sea
        walk into sea | walk into river | walk into lake | walk into traffic | walking into sea | walking into the sea
        walking into river | walking into lake | walk into the sea | swim out and not come back | swim out to sea | walk in front of | swallow whole | swallow whole bottle | swallow whole packet | swallow whole box
        drive car into | driving car into | crash car into | drive car off | drive off road | crash car
        swallow them all | take it all | swallow it all | swallow everything
        driving into wall | drive into wall | drive off | driving off | driving into tree | drive into tree
        drive into traffic | walk into traffic | step into traffic | walking into traffic | take all | taking all | swallowing all | take everything | taking everything | take them all
        take all pills | take all meds | take all tablets | take all medication | swallow all
        take them all | take whole | take whole packet | take whole bottle | take whole box | taking whole | taking whole packet | taking whole box | taking whole bottle | swallow whole packet | swallow whole box | swallowing whole | overdose | jump | jump off
        jump in front | jumping | hang | hanging | hang myself | rope | noose | bridge | train | in front train
        in front of train | in front car | in front bus | gun | shoot myself | shoot | cut wrists | slit wrists
        wrists | drown | drowning | drown myself | crash car | crash my car | drive into | step in front
        step out in front | off roof | off building | off cliff | enough pills | enough tablets | enough meds
        lethal dose | lethal | fatal dose | fatal amount | kill me | would kill | die from | kill
        stockpile | carbon monoxide | exhaust | overpass | flyover | over the side | over side | taking them all
        swallowing them all""",
    "PREP": """putting her sleeping tablets aside | putting her tablets aside | putting his tablets aside | putting my tablets aside | drawer full of them | drawer full of tablets | kept tablets for when | kept his tablets for when | kept her tablets for when | kept my late husbands | kept my late wifes | kept my late mums | kept my late dads
        for after im gone | for after i am gone | for when im gone | for when i am gone | putting pills aside | putting aside pills | put pills aside | setting aside pills | keeping pills
        setting pills aside | pills aside | tablets aside | meds aside | have rope | got rope | noose | rope ready
        pills lined up | tablets lined up | meds lined up | lined up pills | lined up tablets | pills laid out
        tablets laid out | pills counted out | tablets counted out | counted out pills | counted out tablets
        wrote letters everyone | letters everyone | letter everyone | wrote letters family
        goodbye letters | last goodbye | final goodbye | pills saved up | saved up pills | tablets saved up
        meds saved up | saving pills | saving up pills | saving meds | saving up meds | saving tablets | saving up tablets
        stockpiling | stockpiled | stockpile | hoarding pills | hoarding meds
        hoarding tablets | collecting pills | collecting tablets | collecting meds | stashing pills
        stashed pills | stash pills | hiding pills | hidden pills | hid pills | kept pills
        keeping pills aside | put pills aside | put aside pills | goodbye note | goodbye letter | suicide note
        left note | leaving note | note for family | letter for family | letters family | wrote goodbye
        writing goodbye | saying goodbyes | said my goodbyes | giving things away | giving my things away | giving stuff away | giving away stuff | giving away things
        gave away things | gave things away | gave away stuff | giving away belongings | gave away belongings
        giving belongings away | giving away possessions | giving possessions away | put affairs in order | putting affairs in order | sorting affairs | affairs in order
        bought rope | got rope | bought blades | got blades | looked up how many | looked up how much
        googled how many | googled how much | who should get my things | who gets my things | who gets my stuff | who gets my money
        who gets my house | who gets my car | keeping spare boxes | keeping boxes | saving up pills | saving pills | saving my pills | instead of taking them""",
    # A decision owned ("ive made my mind up"): with staying denied, a plan
    "DECIDED": """decided | made up mind | made mind up | mind made up | mind is made up | made decision
        made my decision | made up my mind""",
    # "cut" said of no skin ("which one cuts relapses more", "cut down on sugar"): quiets the crisis net
    "EVERYDAY_CUT": """cuts relapses | cut relapses | cut down relapses | cuts down relapses | cutting relapses
        cuts seizures | cut seizures | cut down seizures | cuts down seizures | cut costs | cut hair | haircut
        cut grass | cut the grass | cut down on sugar | cut down sugar | cut carbs | cut out carbs | cut out gluten
        cut out dairy | cut down on alcohol | cut down alcohol | cut back on sugar | cuts risk | cut risk""",
    # "at what point should we call an ambulance": a when, asked in more words
    "WHEN_W": """at what point | at which point | what point""",
    # Looking a way up ("ive been googling ways to not wake up"): with a way and a death after it, a plan
    "RESEARCH": """googling | googled | google | looking up | looked up | look up | researching | researched
        searching | searched | search | reading up | read up""",
    "PREP_WEAK": """where his will is | where her will is | where my will is | giving away my | gave away my | given away my | give away my | giving away her | gave away her
        giving away his | gave away his | letter for my children | letters for my children | letter for my kids | letters for my kids | write letter for
        found letter | found a letter | found note | found a note | posted goodbye | wrote notes | written notes
        paid off debts | paid off all my debts | everything tidy | getting everything tidy
        pretend to take | pretending to take
        playlist for my funeral | funeral playlist
        last message | wont be around after | not be around after
        not be here after | tell them i love them
        sent goodbye | texted goodbye | goodbye messages | messaged goodbye
        saying goodbye | said goodbye | say goodbye | given away | sorted my will | made will | making will
        wrote will | written will | updated will | got everything ready | have everything ready | everything ready
        researched how | researching how | wrote note | written note | writing note | wrote letter
        written letter | writing letter | tonights night | tonight is night | tonight night | time has come
        wrote letters | written letters | writing letters | saving up | stash | hoarding""",
    # Taking a part out ("can they just cut it out", surgery) or "cut it out!" (stop it): the phrase takes "cut"
    "CUT_OUT": """cut it out | just cut it out | cut out | just cut out | cut them out | cut that out | cut that bit out
        cut the bit out | cut it away | cut away""",
    "SELF_HARM": """sometimes i cut | i cut when | i still cut | i cut myself when | cutting when im | cutting when i
        blades ready | razor ready | razor blades ready | blade ready
        cut deeper | cutting deeper than | restarted cutting | started cutting again | is cutting | been cutting
        relapsed and cut | i cut tonight | cut tonight | just cut | cutting helps | cutting helps me | cutting is
        bruises i gave myself | gave myself bruises | burns himself | burns herself
        scratched into his arm | scratched into her arm | scratched into my arm | carved into | carved into his arm
        carved something into | carving into | punching walls | punches walls | punching wall | punched wall
        punched mirror | punched the mirror | banging her head on purpose | banging his head on purpose
        slam my hand | slam hand in door | to punish it | to punish myself
        hurt to cope | hurting to cope
        stop cutting | how stop cutting | not stop cutting | cutting deeper | deeper each time | getting deeper
        stop burning myself | stop hurting myself
        cutting arms | cut arms | cutting legs | cutting wrists | cutting thighs | cut thighs
        keep cutting | keeps cutting | cutting myself again | self harm | self harming | self harmed | self injury | self injure | self injuring | cut myself
        cutting myself | cut myself again | cutting again | cut again | been cutting | started cutting
        urge cut | urges cut | want cut | wanting cut | burn myself | burning myself | burned myself
        burnt myself | hurt myself | hurting myself | hurt myself on purpose | harm myself | harming myself
        harmed myself | hit myself | hitting myself | punch myself | punching myself | scratch myself
        scratching myself | scratch till bleed | bang head against wall | banging head against wall
        cut herself | cutting herself | cut himself | cutting himself | hurting herself | hurting himself
        harming herself | harming himself | hurt herself on purpose | hurt himself on purpose
        wants to hurt herself | wants to hurt himself | want to hurt herself | want to hurt himself
        wanting to hurt herself | wanting to hurt himself | wants to harm herself | wants to harm himself
        talks about hurting herself | talks about hurting himself | talking about hurting herself
        talking about hurting himself
        cuts on arms | cuts on wrists | relapsed on sh | sh again | urge sh | doing sh
        starve myself | starving myself | punish myself | on purpose hurt""",
    "SELF_ACCIDENT": """keeps cutting head | keep cutting head | keeps cutting face | keep cutting face | cutting head
        cutting face | cuts head | cuts face | keeps splitting head | keeps splitting face | by accident | accidentally | accidently | when fell | when i fell | fell over | tripped
        shaving | cooking | while cooking | at work | gym
        working out | off from | off friends | off everyone | myself off | fall | fell""",
    "LOW_MOOD": """im in crisis | i am in crisis | in crisis | mental health crisis | having a breakdown
        nervous breakdown | im done | i am done | done with it all | hopeless | hopelessness | worthless | burden | a burden | burden everyone | burden to everyone
        burden family | no hope | no future | nothing left | i give up | giving up on everything | given up on everything
        not cope anymore | not take it anymore | not take this anymore | not do this anymore | dark thoughts
        dark place | in dark place | hate my life | hate life | hate myself | empty inside | numb inside
        trapped | no way out | whats point | no point | despair | broken inside | done with everything
        had enough of everything | exhausted of everything | tired of everything | sick of everything | weight on them | weight on everyone | dead weight | weight on family""",
}

# Concepts read from every word, whatever phrase it is part of (persons, tense, "-ing" forms).
WORDS: dict[str, str] = {
    "ING": """grunting groaning bleeding kicking trembling
        seizing convulsing fitting shaking jerking twitching thrashing spasming drooling foaming frothing
        stiffening flailing choking gasping having lying laying staring""",
    "AUX_NOW": "is are am im hes shes theyre its been keeps keep still currently started starting begun now",
    "PRESENT": "is are am im hes shes theyre",
    "PERFECT": "has have",  # "her face has dropped": the present perfect says now, as "is" does
    "WHY": "why",  # "that's part of why he keeps fitting": why seizing goes on, asked
    "KEEP": "keep keeps kept",
    "CUT_W": "cut cutting",
    "HOLD": "hold holding",  # "should we hold the antibiotic until the GP calls back": a dose held back
    "WHO_W": "who whom",  # ... not "who should hold his medication overnight" (kept, not held back)  # "cut my baclofen down": a dose made less
    "DOWN": "down",
    "MAKE": "make makes made making",
    # "do those types resist meds more": how seizures answer a medicine, not more of it
    "RESISTS": "resist resists resistant respond responds responding react reacts",  # "meds that make my mum less tired": an effect on someone, not a dose
    "DURING": "during",  # "unresponsive during her absences": what seizures do
    "SINCE_W": "since",  # "her face is drooping a little since his stroke": a state that lasts
    "WHEN_W": "when whenever",  # "her speech is slurred when she is tired": a state that comes with something
    "AND": "and",  # "im 30 weeks pregnant and having a seizure": the subject and "am" said once for both
    "PAST": "was were had did used seized fitted convulsed shook jerked stiffened collapsed happened went began",
    # A wish or an act told in the past tense ("i tried to kill myself", "last year i wanted to die"): beside a
    # history, the wish is the history's; a wish in the present beside it is not ("... and i want to die")
    "PAST_V": """was were had did used wanted wished hoped tried attempted thought felt took harmed hurt wrote
        considered planned overdosed""",
    "NOW_WEAK": "now still",
    "MEAN": "mean means meant meaning",
    "FIRST_P": "i im ive id ill me my myself mine",
    "PERSON": """he she hes shes him they theyre them son daughter wife husband mum mom dad mother father child kid
        baby toddler brother sister friend partner gf bf boyfriend girlfriend fiance fiancee someone somebody
        person man woman boy girl grandma grandad grandpa granny nan nana patient colleague coworker student
        pupil roommate flatmate neighbour neighbor uncle aunt cousin grandson granddaughter niece nephew teen
        teenager infant newborn stranger guy lady passenger customer mate mates buddy pal bestie bff hubby wifey
        missus fella bloke lad lass grandmother grandfather stepson stepdaughter stepdad stepmum client resident
        housemate teammate classmate grandchild crewman crewmate deckhand shipmate workmate worker driver
        employee tenant visitor player runner swimmer rider""",
    "PRONOUN": "he she hes shes him they theyre them",  # a person, or the animal just named ("my cat ... is she")
    "THEY": "they theyre them theyve theyll",
    "GENERIC": "people ppl patients folks everyone everybody factors factor things reasons causes",  # ("not just people forgetting their pills", "factors like missed doses")  # ("they just up the pills": the doctors, as often as not)
    "CHILD": """toddler baby child kid kids son daughter grandson granddaughter boy girl infant nephew niece
        newborn""",  # "my 3 year old" is read with its number (not "75 years old")
    "SINGULAR": "seizure fit convulsion",
    "SEIZ": "seizure fit convulsion",
    "SEIZ_PL": "absences seizures fits convulsions",
    "CONV": "seizes convulse convulses seizing seized convulsing convulsed fitting fitted",
    "MS": "ms relapse relapsing flare flareup sclerosis",
    "THING": """car engine motor laptop computer phone police customs assets account bank property goods package
        printer market stock market file excel tent screen app website software boiler wifi router
        parcel shipment court bailiff lock joint joints""",
    # A pet having the seizure ("my cat is having fits"): a vet's matter, not a call to the emergency number
    "ANIMAL": """dog dogs puppy puppies cat cats kitten kittens horse horses pony rabbit rabbits hamster hamsters
        budgie parrot bird ferret gerbil tortoise lizard snake goat cow sheep pig pet pets doggy doggo pup""",
    "RESIST": "treatment treatments therapy therapies drugs tablets pills meds medication medicine",
    # "not responding to anything": a treatment only beside treatment words ("tried 5 meds, not responding to
    # anything"); alone it is the person who does not respond
    "RESIST_ANY": "anything nothing",
    "ON_PURPOSE": "deliberately intentionally purposely purposefully",
    "HARM_VERB": "scratching scratch punch punching bang banging biting carve carving burned burnt burn burning cut cutting hurt hurting hit hitting punched scratched stabbed bruised",
    "SWALLOWED": "swallowed ate eaten drank drunk downed necked chewed",
    "FINAL": "final last forever goodbye goodbyes",
    "GOODBYE": "goodbye goodbyes farewell",
    "BREATH_W": "breathing breath breathe breaths breathes",
    "BREATH_ODD": """slow slowly shallow irregular rattly rattling gurgly
        gurgling laboured labored raspy wheezy wheezing struggling difficult hard gasping""",
    # ... breathing that sounds wrong in the writer's words: once the seizure is over and they come round, the
    # recovery; otherwise trouble breathing
    "BREATH_FUNNY": "weird funny strange strangely odd oddly",
    # ... and the loud breathing of someone coming round after a seizure (trouble breathing while it goes on)
    "BREATH_LOUD": "noisy noisily heavy heavily snoring snore snores loud loudly",
    "HAVING": "having",
    "NOT": "not",
    "EPI": "epilepsy epileptic epileptics seizure seizures fit fits convulsion convulsions",
    "ILLNESS": "epilepsy epileptic epilepsia",  # the illness named, not a seizure
    "BLOCK": "with despite even after since when started because working work worked works on while",
    # A body part and a wound word nearby: an injury ("her arm looks bent", "his head is cut")
    "BODY": """knuckles head face arm arms leg legs shoulder neck wrist ankle knee hip back hand finger fingers foot nose tooth
        teeth lip chin eye elbow ribs collarbone forehead""",
    "WOUND": """burns burned scalded scald scalds blistered cut bleeding bleeds bled broken broke swollen bruised bent dislocated gash split fractured deformed""",
    # Thinking of dying or disappearing ("think about just disappearing"): passive ideation
    "THINK_OF": """think thinking thought thoughts fantasise fantasize fantasising fantasizing daydream imagine imagining dream dreaming""",
    "GIVE": "gave give giving given rehome rehomed rehoming selling sold sell",
    "POSSESSION": """xbox playstation console games laptop phone bike collection dog cat pet pets stuff things belongings possessions guitar clothes everything rest jewellery
        jewelry bike books games collection""",
    "HIDDEN": "hidden hiding hid stashed stash hoarded hoarding secret mattress",
    "STOCK": "stockpiling stockpiled hoarding hoarded stashing squirrelling",
    # Collecting or keeping medicine: preparation only beside another sign ("collecting my dads old morphine and my
    # own pills in a box"), since people collect prescriptions every week
    "STOCK_WEAK": "collecting gathering",
    "PHARMACY": "pharmacy pharmacist chemist chemists prescription prescriptions repeat boots",
    "CUT_NOUN": "cuts slashes scratches",
    "SH_SITE": "thighs thigh wrists wrist forearm forearms stomach hips skin arms walls wall myself",
    # Acts done to the person having the seizure ("move someone", "leave them", "give him water") ...
    "FA_ACTION": "move moving hold holding turn put protect give leave call ring phone dial wake check lift carry lay",
    # ... and acts that are first aid whatever follows ("do you do cpr", "should i be timing it")
    "FA_ACT_STRONG": "cpr restrain cushion loosen film filming record recording timing roll",
    "PRO_OBJ": "it them back one old previous other hers his mine theirs tonights todays tomorrows weeks",  # "skip tonight's"
    # A face that looks or feels wrong: one stroke sign, certain with another or with "suddenly"
    "ODD_LOOK": "weird off wonky funny strange different odd",
}

# Words checked for typos (one edit): long and distinctive, with no everyday word one edit away.
FUZZY_TARGETS = words_of("""seizure seizures seizing convulsing convulsion convulsions convulsed unconscious unresponsive responding
    breathing breathe overdose overdosed overdosing suicide suicidal ambulance paramedics epilepsy epileptic
    medication medications medicine medicines tablets infusion injection numbness weakness paralysed
    paralyzed drooping slurred slurring pregnant swallowed myself himself herself hopeless worthless minutes
    collapsed unconsciousness twitching stiffening drooling thrashing carbamazepine levetiracetam
    lamotrigine valproate topiramate phenytoin lacosamide zonisamide clobazam diazepam midazolam
    brivaracetam ocrelizumab natalizumab glatiramer interferon fingolimod tecfidera ofatumumab kesimpta
    baclofen amantadine tizanidine gabapentin pregabalin prednisolone paracetamol ibuprofen antidepressants
    painkillers stockpiling hoarding goodbye""")
# Everyday words one edit from a fuzzy target (found with an English word list): never "corrected".
NOT_TYPOS = words_of("""breaching wreathing boarding harding homeless infection infections lyrics lyrical dedication
    meditation mediation dedications meditations overdone overdoes overdoing blurred spurred slurped slurping blurring
    spurring asteroids tables wallowed trashing threshing switching witching sizing dumbness regnant dropping
    trooping minuses minutest minuted minuter convulse interfere interfered interferes interferer""")
# Medicines people name (generic and brand): each is a MED word.
MEDICINE_NAMES = (
    "oxybutynin", "tolterodine", "solifenacin", "mirabegron", "desmopressin", "dantrolene", "duloxetine", "sativex",
    "nabiximols", "sulfasalazine", "leflunomide", "azathioprine", "mycophenolate", "rituximab", "adalimumab", "humira", "etanercept",
    "tocilizumab", "belimumab", "benlysta", "naproxen", "diclofenac", "celecoxib", "meloxicam", "antibiotic", "antibiotics", "keppra", "levetiracetam", "lamotrigine", "lamictal", "epilim", "valproate", "depakote", "carbamazepine",
    "tegretol", "topiramate", "topamax", "phenytoin", "lacosamide", "vimpat", "zonisamide", "clobazam", "diazepam",
    "midazolam", "buccal", "brivaracetam", "briviact", "ocrelizumab", "ocrevus", "natalizumab", "tysabri",
    "glatiramer", "copaxone", "interferon", "avonex", "rebif", "betaferon", "plegridy", "fingolimod", "gilenya",
    "dimethyl", "tecfidera", "ofatumumab", "kesimpta", "baclofen", "amantadine", "tizanidine", "gabapentin",
    "pregabalin", "lyrica", "steroids", "prednisolone", "methylprednisolone", "ethosuximide", "perampanel",
    "fycompa", "cenobamate", "oxcarbazepine", "trileptal", "phenobarbital", "rufinamide", "stiripentol",
    "fenfluramine", "cannabidiol", "epidyolex", "siponimod", "mayzent", "ozanimod", "ponesimod", "cladribine",
    "mavenclad", "alemtuzumab", "lemtrada", "teriflunomide", "aubagio", "fampridine", "modafinil",
    "zonegran", "primidone", "mysoline", "sulthiame", "fampyra", "zeposia", "vumerity", "bafiertam", "ponvory",
    "briumvi", "ublituximab", "clonazepam", "rivotril", "frisium", "nitrazepam", "acetazolamide", "vigabatrin",
    "sabril", "tiagabine", "eslicarbazepine", "zebinix", "lorazepam", "buccolam", "epistatus", "valium",
    # other medicines people with epilepsy or MS ask about changing (blind medication dialogues, set 8)
    "statin", "statins", "atorvastatin", "simvastatin", "methotrexate", "hydroxychloroquine", "plaquenil", "steroid",
    "prednisone", "metformin", "insulin", "warfarin", "sertraline", "citalopram", "fluoxetine", "amitriptyline",
    "nortriptyline", "antidepressant", "antidepressants", "omeprazole",
    "pred",  # "i stopped my pred 3 days ago" (round 31)
)
MS_WORDS = frozenset(["ms", "sclerosis", "ocrevus", "ocrelizumab", "tysabri", "natalizumab", "copaxone", "glatiramer", "dmt", "baclofen", "relapse", "kesimpta", "tecfidera", "gilenya", "fingolimod", "interferon", "avonex", "rebif", "mavenclad"])
EPILEPSY_WORDS = frozenset(["epilepsy", "epileptic", "seizure", "seizures", "fit", "fits", "keppra", "levetiracetam", "lamotrigine", "lamictal", "epilim", "valproate", "carbamazepine", "tegretol", "antiepileptic", "aed", "aeds"])
