"""Emergency, crisis and medication-change detection: runs before any topical matching.

Rules, not fuzzy scores: a score can be outvoted, a rule cannot. Words are first
folded to a canonical spelling with a small typo-tolerant lexicon ("siezure",
"seizre" -> "seizure"), then phrase patterns are applied. Admins can add
trigger phrases through the `keywords` of the safety intents in intents.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import OSA

from bot.nlu.normalise import tokens

SafetyKind = Literal["emergency", "crisis", "medication_change"]

# Canonical word -> spellings people type. Typo tolerance (one edit, words of 6+ letters) is added on top.
_LEXICON: dict[str, tuple[str, ...]] = {
    "seizure": ("seizure", "seizures", "siezure", "siezures", "seizre", "seisure", "sezure", "seizer", "seizers"),
    "seizing": ("seizing", "siezing", "seazing"),
    "fitting": ("fitting", "fiting"),
    "convulsing": ("convulsing", "convulsions", "convulsion", "convulsed"),
    "breathing": ("breathing", "breathin", "breething"),
    "breathe": ("breathe", "breath", "breth"),
    "drooping": ("drooping", "droopy", "droops", "drooped", "droop", "dropped", "dropping", "sagging", "saggy"),
    "slurred": ("slurred", "slurring", "slured"),
    "unconscious": ("unconscious", "unconcious", "unconsious", "unresponsive", "unresponsve"),
    "suicide": ("suicide", "suicidal", "sucidal", "suicidel", "sucide", "suiside"),
    "medication": ("medication", "medications", "medicine", "medicines", "meds", "med", "tablets", "tablet",
                   "pills", "pill", "injections", "injection", "infusion", "infusions", "drug", "drugs", "dose",
                   "doses", "dosage"),
    "minutes": ("minutes", "minute", "mins", "min", "minits"),
}
_CANONICAL = {spelling: canon for canon, spellings in _LEXICON.items() for spelling in spellings}
_FUZZY_TARGETS = tuple(w for w in _CANONICAL if len(w) >= 6)

# Medicines people name when asking to stop or change them (generic and brand names).
MEDICINE_NAMES = ["keppra", "levetiracetam", "lamotrigine", "lamictal", "epilim", "valproate", "depakote", "carbamazepine", "tegretol", "topiramate", "topamax", "phenytoin", "lacosamide", "vimpat", "zonisamide", "clobazam", "diazepam", "midazolam", "buccal", "brivaracetam", "ocrelizumab", "ocrevus", "natalizumab", "tysabri", "glatiramer", "copaxone", "interferon", "avonex", "rebif", "betaferon", "plegridy", "fingolimod", "gilenya", "dimethyl", "tecfidera", "ofatumumab", "kesimpta", "baclofen", "amantadine", "tizanidine", "gabapentin", "pregabalin", "steroids", "prednisolone"]

_SEIZING = r"(?:seizure|seizing|fitting|fit|fits|convulsing|shaking|jerking|twitching)"
_PERSON = r"(?:he|she|they|hes|shes|theyre|son|daughter|wife|husband|mum|mom|dad|child|kid|baby|brother|sister|" \
          r"friend|partner|gf|bf|boyfriend|girlfriend|someone|somebody|person|man|woman|boy|girl|grandma|grandad)"
_HYPOTHETICAL = re.compile(
    r"\b(?:if|when (?:someone|somebody|a person|you|people)|whenever|in future|in the future|one day|ever|should i do if|what to do if|how to help|"
    r"how do you|can you|could|usually|normally|generally|typically|years ago|last year|in the past|history)\b"
)

_EMERGENCY_NOW = [
    # a seizure happening now or not stopping ("is seizing", "having a fit now", "wont stop")
    r"\b(?:is|are|hes|shes|theyre|im|still|been|keeps|keep)\s+(?:seizing|fitting|convulsing|shaking|jerking)\b",
    r"\b(?:is|are|hes|shes|theyre|im|keeps|keep)\s+having\s+(?:a|an|another)\s+(?:\w+\s+)?(?:seizure|fit)\b",
    r"\bhaving\s+(?:a|an|another)\s+(?:\w+\s+)?(?:seizure|fit)\b.{0,20}\b(?:now|right now|at the moment)\b",
    r"\b(?:seizure|seizing|fitting|convulsing|shaking)\b.{0,40}\b(?:right now|now|at the moment|currently|"
    r"wont stop|will not stop|not stopping|hasnt stopped|has not stopped|isnt stopping|keeps going|for ages)\b"
    # "my seizures won't stop with medication" describes the illness, not a seizure happening now
    r"(?!\s+(?:with|despite|on|even with|after|since|no matter)\b)",
    r"\bright now\b.{0,30}\b(?:seizure|seizing|fitting|convulsing|shaking)\b",
    r"\bstatus epilepticus\b",
    # lasting over five minutes
    rf"\b{_SEIZING}\b.{{0,40}}\b(?:[5-9]|[1-9][0-9]|five|six|seven|eight|nine|ten|fifteen|twenty)\s*minutes\b",
    rf"\b(?:[5-9]|[1-9][0-9]|five|six|seven|eight|nine|ten|fifteen|twenty)\s*minutes\b.{{0,40}}\b{_SEIZING}\b",
    # one after another
    r"\b(?:one after another|one after the other|back to back|after another|in a row|again and again|"
    r"seizure after seizure|fit after fit|cluster of seizures|another one before)\b",
    r"\b(?:seizure|fit)s?\b.{0,40}\b(?:hasnt|has not|havent|not|never|didnt)\s+(?:woken|woke|come round|"
    r"recovered|come to)\b",
    # breathing and colour
    r"\b(?:not|isnt|stopped|cant|cannot|struggling to|trouble|can't)\s+(?:breathing|breathe|get (?:his|her|their) breathe)\b",
    r"\b(?:turned|turning|going|gone|looks|is|are)\s+(?:blue|grey|gray|purple)\b",
    r"\b(?:blue|grey|purple)\s+lips\b",
    r"\bchoking\b",
    # unresponsive
    r"\b(?:unconscious|collapsed|wont wake|will not wake|not waking|cant wake)\b|"
    r"\b(?:not|isnt|stopped) responding\b(?! to (?:med|treatment|any|drug|aed|therap|pill|tablet))",
    # head injury during a seizure
    rf"\b(?:hit|banged|bashed|smacked|bumped|cracked|cut|split|injured|hurt)\b.{{0,30}}\bhead\b.{{0,40}}\b"
    rf"(?:{_SEIZING}|fell|fall|during|bleeding)\b",
    rf"\b{_SEIZING}\b.{{0,50}}\b(?:hit|banged|bashed|smacked|bumped|cracked|cut|split|injured)\b.{{0,20}}\bhead\b",
    r"\bhead\b.{0,30}\bbleeding\b",
    # stroke signs
    r"\bface\b.{0,30}\bdrooping\b|\bdrooping\b.{0,30}\bface\b",
    r"\bslurred\b|\bspeech\b.{0,20}\b(?:slurred|gone|strange|jumbled)\b",
    r"\b(?:cant|cannot|unable to)\s+(?:speak|talk)\s+(?:properly|clearly|right|normally)\b",
    r"\b(?:cant|cannot|unable to)\s+(?:lift|raise|move)\s+(?:his|her|their|my|one)\s+arm\b",
    r"\b(?:arm|leg|side)\b.{0,20}\b(?:suddenly\s+)?(?:went|gone|going)\s+(?:weak|numb|limp|dead)\b",
    r"\bsudden(?:ly)?\b.{0,30}\b(?:weak|weakness|numb|numbness|confused|cant speak|cant see)\b",
    # "having a stroke", "stroke happening right now"; not "a stroke last year and now has seizures"
    r"\bstroke\b.{0,20}\b(?:right now|happening|signs)\b|\bhaving a stroke\b",
    r"\b(?:call|calling)\s+(?:an\s+)?(?:ambulance|999|911|112)\b|\bneed an ambulance\b",
]

_CRISIS = [
    r"\bsuicide\b",
    r"\b(?:kill|hurt|harm|cut|cutting|hurting|harming|killing)\s+myself\b",
    r"\bself\s*harm(?:ing)?\b",
    r"\b(?:want|wanna|going|ready|wish i (?:was|were))\s*(?:to\s+)?(?:die|dead)\b",
    r"\bwants? to die\b",
    r"\bend(?:ing)?\s+(?:my|it|his|her)\s+(?:life|all)\b|\bend it\b|\bending it\b",
    r"\b(?:dont|do not|not)\s+want\s+to\s+(?:be here|be alive|live|exist|wake up)\b",
    r"\b(?:hope|wish)\s+i\s+(?:just\s+)?(?:dont|do not|never|wouldnt|wont)\s+wake\s+up\b",
    r"\bnot wake up\b.{0,20}$|\btake all (?:my|of my|the)\b.{0,30}\b(?:medication|at once)\b",
    r"\boverdose\b|\bod on\b",
    r"\bbetter off without me\b|\bbetter off if i\b|\bbetter off dead\b",
    r"\b(?:no|not any|any)\s+(?:reason|point)\s+(?:to|in|of)\s+(?:live|living|going on|being alive)\b",
    r"\bpoint of living\b|\bpoint in living\b",
    r"\bcant go on\b|\bcannot go on\b|\bcant do this anymore\b|\bcant take it anymore\b",
    r"\bnotice if i (?:was|were) gone\b|\bdisappear for good\b|\bdisappear forever\b",
    r"\bplan to (?:end|kill|die)\b",
]

_CHANGE = r"(?:stop|stopping|quit|quitting|come off|coming off|get off|skip|skipping|double|doubling|halve|halving|" \
          r"reduce|reducing|lower|lowering|increase|increasing|up|change|changing|switch|switching|cut down|" \
          r"cut|taper|tapering|miss|missed|pause|pausing|take two|take 2|take extra|take more|take less|drop)"
_MEDICINE = r"(?:medication|" + "|".join(MEDICINE_NAMES) + r"|treatment|dmt|dmts|ms injections)"
_ADVICE = r"\b(?:can|should|shall|could|may|do|is it|is that|would it|would|will it|shud|cud|ok|okay|safe|allowed|" \
          r"want to|wants to|thinking of|going to)\b"
_MEDICATION_CHANGE = [
    # the medicine is the object of the change: "stop my ocrevus", "come off her epilepsy meds"
    rf"\b{_CHANGE}\s+(?:taking\s+|using\s+|on\s+)?(?:my|his|her|their|the|your|our|all)?\s*"
    rf"(?:(?!with\b|despite\b|even\b|after\b|since\b)\w+\s+){{0,2}}"
    rf"{_MEDICINE}\b",
    rf"\b{_MEDICINE}\b.{{0,20}}\b(?:double|halve|in half|twice|two now|less often|every other day)\b",
    r"\bstop taking\b|\bcome off\b.{0,20}\b(?:it|them)\b",
]

_EMERGENCY_RE = [re.compile(p) for p in _EMERGENCY_NOW]
_CRISIS_RE = [re.compile(p) for p in _CRISIS]
_MEDICATION_RE = [re.compile(p) for p in _MEDICATION_CHANGE]
_ADVICE_RE = re.compile(_ADVICE)
_STRONG_NOW = re.compile(
    r"\b(?:right now|now|wont stop|still|urgent|hasnt stopped|minutes|ambulance|please help|pls help|help me|"
    r"help us|help please|help pls)\b|^help\b"
)


@dataclass(frozen=True, slots=True)
class SafetyFlag:
    """Why a message was routed to a safety reply."""

    kind: SafetyKind
    rule: str  # the pattern or admin phrase that fired (shown by `explain`)
    topic: str | None = None  # "ms" / "epilepsy" when the message names one (for medication_change)


def canonical_text(text: str) -> str:
    """Message words with known spellings and near-misses folded to one canonical word."""
    return " ".join(_canonical_word(w) for w in tokens(text))


def _canonical_word(word: str) -> str:
    if word in _CANONICAL:
        return _CANONICAL[word]
    if len(word) >= 6:
        for target in _FUZZY_TARGETS:
            if abs(len(target) - len(word)) <= 1 and OSA.distance(word, target, score_cutoff=1) <= 1:
                return _CANONICAL[target]
    return word


def _topic_of(text: str) -> str | None:
    if re.search(r"\b(?:ms|multiple sclerosis|ocrevus|ocrelizumab|tysabri|copaxone|dmt|baclofen|relapse)\b", text):
        return "ms"
    if re.search(r"\b(?:epilepsy|epileptic|seizure|fit|fits|keppra|lamotrigine|epilim|valproate|anti ?epileptic)\b",
                 text):
        return "epilepsy"
    return None


class SafetyCheck:
    """Fixed rules plus the admin's extra trigger phrases from the safety intents."""

    def __init__(self, extra_phrases: dict[SafetyKind, Iterable[str]] | None = None) -> None:
        self._extra: list[tuple[SafetyKind, str]] = []
        for kind, phrases in (extra_phrases or {}).items():
            for phrase in phrases:
                folded = canonical_text(phrase)
                if folded:
                    self._extra.append((kind, folded))

    def check(self, text: str) -> SafetyFlag | None:
        """The most urgent safety concern in `text`, or None. Order: emergency, crisis, medication."""
        folded = canonical_text(text)
        if not folded:
            return None
        padded = f" {folded} "
        extra = {kind: phrase for kind, phrase in self._extra if f" {phrase} " in padded}
        if flag := self._emergency(folded, extra.get("emergency")):
            return flag
        if "crisis" in extra:
            return SafetyFlag("crisis", f"phrase: {extra['crisis']}")
        for pattern in _CRISIS_RE:
            if pattern.search(folded):
                return SafetyFlag("crisis", pattern.pattern)
        if "medication_change" in extra:
            return SafetyFlag("medication_change", f"phrase: {extra['medication_change']}", _topic_of(folded))
        if _ADVICE_RE.search(folded) or folded.startswith(("i ", "im ", "my ")):
            for pattern in _MEDICATION_RE:
                if pattern.search(folded):
                    return SafetyFlag("medication_change", pattern.pattern, _topic_of(folded))
        return None

    @staticmethod
    def _emergency(folded: str, extra_phrase: str | None) -> SafetyFlag | None:
        rule = f"phrase: {extra_phrase}" if extra_phrase else None
        rule = rule or next((p.pattern for p in _EMERGENCY_RE if p.search(folded)), None)
        if rule is None:
            return None
        # "what should I do if someone is having a seizure" asks for knowledge, not for help now.
        if _HYPOTHETICAL.search(folded) and not _STRONG_NOW.search(folded):
            return None
        return SafetyFlag("emergency", rule)
