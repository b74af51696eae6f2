"""Realistic synthetic intents, articles and user messages, for benchmarking at thousands of intents.

`generate(root, size)` writes a complete bot folder: the shipped `intents.yaml` and
`content/` plus synthetic topical intents up to `size`, one article per subject
(a medicine, a condition, a test or a symptom) with one `##` section per facet
(side effects, pregnancy, driving, ...), and `messages.jsonl`: labelled user
messages with typos, filler words and some out-of-scope questions.

Keywords are 1-4 word phrases mixing words many intents share ("ms", "treatment",
"side effects") with distinctive ones (a medicine's name), 20-30 per intent, like
a large hand-written file. Everything is seeded, so a run can be repeated exactly.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.content.articles import slugify

REPO = Path(__file__).resolve().parent.parent
MESSAGES_FILE = "messages.jsonl"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CONDITIONS = {"ms": ("ms", "multiple sclerosis"), "epilepsy": ("epilepsy", "seizures")}
# Pseudo medicine names from real-sounding parts: "ocre" + "li" + "zumab".
DRUG_HEADS = _words("ocre nata alem ofa ubli clad teri fingo sipo ozani ponesi dime diro glati lamo leve brive laco "
                    "zoni peram cenoba eslica oxcar rufin stiri fenflu vigab tiaga prega bacl tizan fampri modaf "
                    "amanta dalfa nabix mirabe soli trospi oxybu")
DRUG_MIDS = _words("li zu tu ri ci ta ne mo ra xi ve pi so da")
DRUG_TAILS = _words("mab zumab ximab mod tine trigine racetam samide zepam mide pine fen lin dine zole")
BRAND_PARTS = _words("ax ev ir on ux ar el ix ova era")
COND_HEADS = _words("neuro myelo cerebro cortico spino encephalo immuno axono glio oligo radiculo plexo thalamo "
                    "vestibulo opto hippocampo temporo fronto")
COND_TAILS = _words("pathy itis osis plegia algia trophy paresis dysplasia myopathy ataxia clonia")
QUALIFIERS = _words("acute chronic juvenile focal progressive benign atypical familial")
TEST_TAILS = _words("scopy graphy gram metry")
SYMPTOMS = _words("tingling numbness weakness stiffness spasms tremor dizziness cramps burning itching aching "
                  "twitching heaviness clumsiness swelling shaking")
BODY = _words("leg arm hand foot eye face bladder bowel back neck skin jaw tongue hip shoulder fingers toes")


@dataclass(frozen=True, slots=True)
class Facet:
    heading: str
    phrasings: tuple[str, ...]  # keyword parts joined to the subject's names
    questions: tuple[str, ...]  # "{s}" the subject, "{c}" the condition


FACETS: dict[str, Facet] = {
    "overview": Facet("What it is", ("", "explained", "meaning", "overview", "basics", "information", "guide",
                                     "how it works"),
                      ("what is {s}", "can you explain {s} to me", "{s} meaning", "what does {s} actually do",
                       "my nurse mentioned {s}, what is it", "{s} for {c} explained simply")),
    "side_effects": Facet("Side effects", ("side effects", "adverse effects", "reactions", "feeling sick",
                                           "hair loss", "rash", "tiredness"),
                          ("what are the side effects of {s}", "does {s} make you feel sick",
                           "is it normal to get a rash on {s}", "{s} side effects long term",
                           "i started {s} and get reactions, is that a side effect")),
    "pregnancy": Facet("Pregnancy and breastfeeding", ("pregnancy", "pregnant", "breastfeeding",
                                                       "trying for baby", "fertility"),
                       ("can i take {s} while pregnant", "is {s} safe when breastfeeding",
                        "we are trying for a baby, what about {s}", "{s} and fertility")),
    "dose": Facet("Dose and timing", ("dose", "dosage", "how often", "time of day", "forgot dose", "schedule",
                                      "how to take"),
                  ("how often do you take {s}", "what dose of {s} is normal", "i forgot my {s} dose",
                   "best time of day for {s}", "{s} dosage schedule")),
    "driving": Facet("Driving", ("driving", "drive", "car", "driving rules"),
                     ("can i drive on {s}", "does {s} affect driving", "is it legal to drive with {s}")),
    "alcohol": Facet("Alcohol", ("alcohol", "drinking", "wine", "beer"),
                     ("can i drink alcohol with {s}", "is a glass of wine ok on {s}", "{s} and beer")),
    "work": Facet("Work and daily life", ("work", "working", "job", "employer", "sick leave", "daily life"),
                  ("can i keep working with {s}", "should i tell my employer about {s}",
                   "how does {s} affect daily life")),
    "cost": Facet("Cost and access", ("cost", "price", "funding", "prescription", "free prescription"),
                  ("how much does {s} cost", "is {s} free on prescription", "how do i get funding for {s}")),
    "symptoms": Facet("Signs and symptoms", ("symptoms", "signs", "early signs", "warning signs"),
                      ("what are the symptoms of {s}", "early signs of {s} in {c}",
                       "warning signs of {s} to look out for")),
    "causes": Facet("Causes", ("causes", "cause", "triggers", "genetic", "risk factors"),
                    ("what causes {s}", "why do people with {c} get {s}, what is the cause",
                     "is {s} genetic or triggered")),
    "diagnosis": Facet("Diagnosis", ("diagnosis", "diagnosed", "tests", "blood test"),
                       ("how is {s} diagnosed", "which tests show {s}", "blood test for {s}")),
    "treatment": Facet("Treatment", ("treatment", "therapy", "medication", "cure", "management"),
                       ("how is {s} treated", "is there a cure for {s}", "best treatment for {s} in {c}")),
    "outlook": Facet("Outlook", ("outlook", "prognosis", "long term", "life expectancy", "getting worse"),
                     ("what is the outlook with {s}", "is {s} getting worse over time", "{s} long term prognosis")),
    "preparation": Facet("Getting ready", ("preparation", "prepare", "before", "fasting", "what happens"),
                         ("how do i prepare for {s}", "do i need to fast before {s}", "what happens before {s}")),
    "results": Facet("Results", ("results", "report", "findings", "waiting time"),
                     ("when do i get {s} results", "how to read my {s} report", "what do {s} findings mean")),
    "risks": Facet("Risks", ("risks", "dangerous", "complications", "safety"),
                   ("is {s} dangerous", "what are the risks of {s}", "can {s} cause complications")),
    "exercises": Facet("Exercises and self-help", ("exercises", "stretches", "physio", "self help", "at home"),
                       ("exercises for {s}", "can physio help {s}", "what can i do at home for {s}")),
    "night": Facet("At night", ("night", "sleep", "bedtime", "awake", "insomnia"),
                   ("{s} worse at night", "{s} keeps me awake", "how to sleep with {s}")),
}
KIND_FACETS = {
    "drug": ("overview", "side_effects", "pregnancy", "dose", "driving", "alcohol", "cost", "work"),
    "condition": ("overview", "symptoms", "causes", "diagnosis", "treatment", "outlook", "pregnancy"),
    "test": ("overview", "preparation", "results", "risks", "cost"),
    "symptom": ("causes", "treatment", "exercises", "night", "work"),
}
OPENERS = ("", "", "", "hi ", "hello, ", "um ", "quick question: ", "sorry to bother you but ", "so ",
           "hey bot, ", "my neurologist mentioned this, ")
CLOSERS = ("", "", "?", "?", " please", " thanks", "??", " asap", " x")
OUT_OF_SCOPE = ("whats the weather like in {city} tomorrow", "how do i reset my {device} password",
                "best {food} recipe for dinner", "who won the {sport} match last night",
                "my {pet} is limping what should i do", "how much is a train ticket to {city}",
                "can you recommend a good {food} restaurant", "how do i install the {device} update")
OOS_WORDS = {"city": ("london", "paris", "leeds", "dublin"), "device": ("iphone", "laptop", "router", "tablet"),
             "food": ("pasta", "curry", "pizza", "soup"), "sport": ("football", "cricket", "rugby"),
             "pet": ("dog", "cat", "rabbit", "horse")}


@dataclass(frozen=True, slots=True)
class Subject:
    name: str
    synonym: str
    kind: str
    condition: str


@dataclass(frozen=True, slots=True)
class SyntheticSet:
    """What `generate` wrote."""

    root: Path
    intents: int
    keywords: int
    articles: int
    sections: int
    messages: int


def typo(word: str, rng: random.Random) -> str:
    """One slip of the finger: insert, delete, swap or replace a letter."""
    i = rng.randrange(1, len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    op = rng.choice(("insert", "delete", "swap", "replace"))
    if op == "insert":
        return word[:i] + letter + word[i:]
    if op == "delete":
        return word[:i] + word[i + 1:]
    if op == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + letter + word[i + 1:]


def _with_typos(text: str, rng: random.Random) -> str:
    words = text.split()
    long_ones = [n for n, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    for n in rng.sample(long_ones, min(len(long_ones), rng.choice((0, 0, 1, 1, 1, 2)))):
        words[n] = typo(words[n], rng)
    return " ".join(words)


def _subjects(count: int, rng: random.Random) -> list[Subject]:
    subjects: list[Subject] = []
    seen: set[str] = set()
    symptoms = [f"{b} {s}" for s in SYMPTOMS for b in BODY]
    rng.shuffle(symptoms)
    for _ in range(count * 50):
        if len(subjects) >= count:
            return subjects
        kind = rng.choices(("drug", "condition", "test", "symptom"), (40, 25, 15, 20))[0]
        if kind == "drug":
            name = rng.choice(DRUG_HEADS) + rng.choice(DRUG_MIDS) + rng.choice(DRUG_TAILS)
            synonym = (rng.choice("bkptvz") + rng.choice("aeiou") + rng.choice("lmnrsx")
                       + rng.choice(BRAND_PARTS) + rng.choice(("", "a", "o", "ia")))
        elif kind == "condition":
            core = rng.choice(COND_HEADS) + rng.choice(COND_TAILS)
            name, synonym = f"{rng.choice(QUALIFIERS)} {core}", core
        elif kind == "test":
            head = rng.choice(COND_HEADS)
            name, synonym = head + rng.choice(TEST_TAILS), f"{head} scan"
        elif symptoms:
            name = symptoms.pop()
            synonym = " ".join(reversed(name.split()))
        else:
            continue
        if name not in seen and synonym not in seen:
            seen.update((name, synonym))
            subjects.append(Subject(name, synonym, kind, rng.choice(tuple(CONDITIONS))))
    raise ValueError(f"the vocabulary cannot make {count} distinct subjects")


def _keywords(subject: Subject, facet_id: str, taken: set[str], rng: random.Random) -> list[str]:
    """20-30 keywords of 1-4 words: the subject's names with the facet's phrasings, then condition words."""
    names = (subject.name, subject.synonym)
    cond = CONDITIONS[subject.condition]
    phrasings = FACETS[facet_id].phrasings
    core = [f"{n} {p}" for p in phrasings for n in names]
    extra = [f"{c} {n} {p}" for p in phrasings[:4] for n in names for c in cond]
    extra += [f"{p} for {n}" for p in phrasings[:4] for n in names] + [f"{n} {p} {cond[0]}" for p in phrasings
                                                                       for n in names]
    extra += [f"{p} {c}" for p in phrasings[1:4] for c in cond if facet_id in ("symptoms", "causes")]
    if facet_id == "overview":
        core += [typo(subject.name, rng), f"what is {subject.name}"]
    rng.shuffle(extra)
    found: list[str] = []
    wanted = rng.randint(20, 30)
    for keyword in core + extra:
        keyword = " ".join(keyword.split())
        if len(found) < wanted and 1 <= len(keyword.split()) <= 4 and keyword not in taken:
            taken.add(keyword)
            found.append(keyword)
    rng.shuffle(found)
    return found


def _question(subject: Subject, facet_id: str, rng: random.Random) -> str:
    template = rng.choice(FACETS[facet_id].questions)
    return template.format(s=rng.choice((subject.name, subject.synonym)), c=CONDITIONS[subject.condition][0])


def _paragraphs(subject: Subject, heading: str, rng: random.Random) -> str:
    cond = CONDITIONS[subject.condition][1]
    sentences = [
        f"This part is about {heading.lower()} for {subject.name}, also called {subject.synonym}.",
        f"Many people with {cond} ask about this, and the answer is different for each person.",
        "Research is still going on, and the advice may change as new studies report.",
        f"Your care team knows your history and can tell you what {subject.name} means for you.",
        "Write down your questions before the appointment so that nothing is forgotten.",
        "If something feels wrong or suddenly gets worse, contact your team the same day.",
    ]
    rng.shuffle(sentences)
    return " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])


def _article(subject: Subject, slug: str, facets: tuple[str, ...], rng: random.Random) -> str:
    topic = subject.condition
    lines = ["---", f"slug: {slug}", f"title: {json.dumps(subject.name.capitalize())}", f"topic: {topic}",
             f"summary: {json.dumps(f'What {subject.name} is and what it means for people with {topic}.')}",
             'url: ""', "reviewed: 2026-11-20", "sources:", '  - title: "Synthetic benchmark text"', "---", "",
             f"{subject.name.capitalize()} is one of the topics people ask about.", ""]
    for facet_id in facets:
        lines += [f"## {FACETS[facet_id].heading}", "", _paragraphs(subject, FACETS[facet_id].heading, rng), ""]
    return "\n".join(lines)


_PLAIN = re.compile(r"[a-z][a-z0-9 ,'?.-]*")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _scalar(text: str) -> str:
    """Plain YAML when that reads the same (as people write the file), else double-quoted."""
    plain = _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith((" ", "?"))
    return text if plain else json.dumps(text)


def _intent_block(intent_id: str, slug: str, facet_id: str, label: str, keywords: list[str],
                  examples: list[str], follow_ups: list[str]) -> str:
    lines = [f"  - id: {intent_id}", f"    article: {slug}", f"    section: {slugify(FACETS[facet_id].heading)}",
             f"    label: {_scalar(label)}", "    keywords:"]
    lines += [f"      - {_scalar(k)}" for k in keywords]
    lines.append("    examples:")
    lines += [f"      - {_scalar(e)}" for e in examples]
    lines.append(f"    follow_ups: [{', '.join(follow_ups)}]")
    return "\n".join(lines)


def _shipped(shipped: Path) -> tuple[str, list[tuple[str, str | None]], list[str]]:
    """The shipped file's text, its labelled examples (out of scope expects no answer) and its keywords."""
    text = (shipped / "intents.yaml").read_text(encoding="utf-8")
    intents = yaml.safe_load(text)["intents"]
    questions = [(str(example), None if intent.get("kind") == "out_of_scope" else intent["id"])
                 for intent in intents if intent.get("kind") != "safety" for example in intent.get("examples") or ()]
    keywords = [str(k) for intent in intents for k in intent.get("keywords") or ()]
    return text, questions, keywords


Topic = tuple[Subject, str, str]  # subject, facet id, intent id


def generate(root: Path, size: int, *, messages: int = 2000, seed: int = 7, shipped: Path = REPO) -> SyntheticSet:
    """Write `size` intents (the shipped ones first) with their articles and `messages` labelled messages.

    A size at or below the shipped count writes the shipped files unchanged (plus the messages).
    """
    rng = random.Random(f"{seed}:{size}")
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(shipped / "content", root / "content", dirs_exist_ok=True)
    shipped_text, shipped_questions, shipped_keywords = _shipped(shipped)
    made = shipped_text.count("\n  - id: ")
    articles, sections = len(list((shipped / "content").glob("*.md"))), 0
    taken = set(shipped_keywords)
    blocks: list[str] = []
    topics: list[Topic] = []
    subjects = _subjects(max(0, size - made) // 4 + 10, rng) if size > made else []
    for number, subject in enumerate(subjects):
        if made >= size:
            break
        slug = f"{slugify(subject.name)}-{number}"
        facets = KIND_FACETS[subject.kind][: size - made]
        ids = [f"syn{number}_{slugify(subject.name).replace('-', '_')}_{f}"[:40] for f in facets]
        for intent_id, facet_id in zip(ids, facets, strict=True):
            label = f"{subject.name.capitalize()}: {FACETS[facet_id].heading.lower()}"[:40]
            keywords = _keywords(subject, facet_id, taken, rng)
            examples = [_question(subject, facet_id, rng) for _ in range(5)]
            others = [i for i in ids if i != intent_id][:2]
            blocks.append(_intent_block(intent_id, slug, facet_id, label, keywords, examples, others))
            topics.append((subject, facet_id, intent_id))
        (root / "content" / f"{slug}.md").write_text(_article(subject, slug, facets, rng), encoding="utf-8")
        made, sections, articles = made + len(facets), sections + len(facets), articles + 1
    text = shipped_text.rstrip("\n") + "\n\n  # --- Synthetic (tools/synthetic.py) ---\n" + "\n\n".join(blocks)
    (root / "intents.yaml").write_text(text + "\n" if blocks else shipped_text, encoding="utf-8")
    labelled = _messages(messages, topics, shipped_questions, rng)
    with (root / MESSAGES_FILE).open("w", encoding="utf-8") as out:
        out.writelines(json.dumps({"text": m, "expected": e}) + "\n" for m, e in labelled)
    return SyntheticSet(root, made, len(taken), articles, sections, len(labelled))


def _message(text: str, rng: random.Random) -> str:
    return rng.choice(OPENERS) + _with_typos(text, rng) + rng.choice(CLOSERS)


def _messages(count: int, topics: list[Topic], shipped: list[tuple[str, str | None]],
              rng: random.Random) -> list[tuple[str, str | None]]:
    """Mostly questions about the synthetic topics, some about the shipped ones, ~12% out of scope."""
    out: list[tuple[str, str | None]] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.12:
            template = rng.choice(OUT_OF_SCOPE)
            out.append((_message(template.format(**{k: rng.choice(v) for k, v in OOS_WORDS.items()}), rng), None))
        elif roll < 0.35 or not topics:
            text, expected = rng.choice(shipped)
            out.append((_message(text.lower(), rng), expected))
        else:
            subject, facet_id, intent_id = rng.choice(topics)
            out.append((_message(_question(subject, facet_id, rng), rng), intent_id))
    return out


def read_messages(root: Path) -> list[tuple[str, str | None]]:
    """The labelled messages `generate` wrote: (text, expected intent id or None)."""
    lines = (root / MESSAGES_FILE).read_text(encoding="utf-8").splitlines()
    return [(row["text"], row["expected"]) for row in map(json.loads, lines)]
