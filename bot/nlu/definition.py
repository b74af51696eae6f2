"""Questions that ask what a term is ("what actually is epilepsy", "wats MS??", "Could you kindly explain what is
meant by the term epilepsy?", "diagnosed with MS two weeks ago. What actually is it?").

Their telling words ("what", "is", "explain", "meant") are filler to the matcher, which then weighs the term
against every story word beside it ("told last week" found autoimmune encephalitis's "recent seizures"). The
shape of the question says which keyword is asked about: the decision answers the intent that owns that keyword.
"""

from __future__ import annotations

import re

from bot.nlu.message import Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS, clean

# Words that add nothing to what is asked: "what *actually* is", "explain *simply*"
_ADVERB = r"(?:actually|even|exactly|really|basically|just|precisely|truly|in fact)"
_POLITE = r"(?:please|kindly|pls|plz|possibly)"
_THE_TERM = r"(?:the term |the word |the condition |the illness |the disease |this thing called |this )?(?:a |an |the )?"
_TERM = r"([a-z]+(?: [a-z]+){0,2}?)"
# "quick overview", "one line explanation": asking for a short account of a term
_BRIEF = r"(?:quick|short|brief|one line|simple|basic|an|a)"
_OVERVIEW = r"(?:overview|rundown|run down|summary|explanation)"
_PLAINLY = r"(?: in (?:plain|simple|easy|normal|basic|laymans|lay|everyday) (?:words|terms|english|language))"
_FRAMES = (
    # "what is epilepsy", "whats ms", "wat even is epilepsy", "what is meant by the term epilepsy", "what is mean ms"
    rf"(?:what|wat|wht) (?:(?:is|s|are) (?:{_ADVERB} )*|(?:{_ADVERB} )+(?:is|are) )"
    rf"(?:meant by |mean |the meaning of |meaning of )?"
    rf"{_THE_TERM}{_TERM}",
    rf"(?:whats|wats|whts) (?:{_ADVERB} )*{_THE_TERM}{_TERM}",
    # "what does multiple sclerosis actually mean", "what does it signify"
    rf"(?:what|wat|wtf) does {_THE_TERM}{_TERM} (?:{_ADVERB} )*(?:mean|signify|stand for|refer to)",
    # "heard it in bio and have no clue what it means"
    rf"(?:[a-z ]* (?:and|but|so) )?(?:(?:i )?(?:have |got )?no (?:clue|idea)|(?:i )?(?:dont|do not|didnt|did not) (?:know|understand|get)|"
    rf"not sure|(?:i )?wonder) what {_THE_TERM}{_TERM} (?:{_ADVERB} )*(?:means|is|stands for)",
    # "could you kindly explain what epilepsy is", "can you explain to me what is meant by the term epilepsy"
    rf"(?:can|could|would|will) (?:you|u) (?:{_POLITE} )*(?:explain|describe|define|tell me|tell us)"
    rf"(?: to me| to us| me| us)?{_PLAINLY}?(?: what)?(?: is)?(?: meant by)? {_THE_TERM}{_TERM}"
    rf"(?: is| means| actually is| really is| is actually| actually means)?",
    # "explain epilepsy", "please describe what ms is", "define epilepsy"
    rf"(?:{_POLITE} )?(?:explain|describe|define)(?: to me| me)?(?: what)? {_THE_TERM}{_TERM}(?: is| means)?",
    # "how would you define epilepsy"
    rf"how (?:would|do|can|could) (?:you|u|one|i) (?:define|describe|explain) {_THE_TERM}{_TERM}",
    # "ms - what is it", "epilepsy: meaning?"
    rf"{_TERM} (?:what is it|what is that|whats that|whats it|what it is|meaning|definition|explained)",
    # "what kind of illness is ms"
    rf"what (?:kind|sort|type) of (?:illness|disease|condition|thing|sickness) is {_THE_TERM}{_TERM}",
    # "what mean refractory?", "what means refractory" (learners of English)
    rf"(?:what|wat|wht) (?:means?|meaning) {_THE_TERM}{_TERM}",
    # "neuroinflammation, one line explanation", "epilepsy quick overview": the name, then what is wanted of it
    rf"{_TERM} (?:{_BRIEF} )*(?:{_OVERVIEW}|the basics)",
    # "legs feel numb n weird. is this a relapse", "could that be a relapse?": whether what is told is the term
    # (not "is that an ms thing": whether it belongs to the illness, not what the illness is)
    rf"(?:is|could|might|would) (?:this|that|it) (?:be |really be |actually be )?(?:{_ADVERB} )?(?:a|an) "
    rf"(?![a-z]+(?: [a-z]+)? (?:thing|things|symptom|symptoms|sign|signs|problem|issue|side effect)\b){_TERM}",
)
_QUESTION = re.compile("|".join(f"(?:{frame})" for frame in _FRAMES))
_OVERVIEW_ALONE = re.compile(rf"(?:(?:{_BRIEF}|give me|give us|can i have|can i get) )*{_OVERVIEW}")
# What people add after the question: "in plain words", "short version", "lol", "for a patient"
_TAIL = re.compile(r"(?: (?:in (?:plain|simple|normal|easy|basic|laymans|lay|general|everyday) "
                   r"(?:words|terms|english|language)|simply|briefly|quickly|short|short version|the short version|"
                   r"for a patient|for a layperson|for dummies|for a beginner|please|pls|plz|lol|lmao|tho|though|"
                   r"actually|exactly|really|again|medically speaking|like the name|in a nutshell|"
                   r"in a few words|in one sentence|to me|to us|for me|for us|like properly))+$")
_START = re.compile(r"^(?:(?:so|ok|okay|and|but|hi|hey|hello|um|sorry|sooo|also|then|now|right|well) )+")
# Only "it" stands for the disease named before: "that" and "this" point at the words just said ("they said his
# epilepsy is drug resistant. what does that mean?")
_POINTERS = frozenset(("it",))
# A term is a name: with a pronoun, a preposition or a verb in it, the question asks something else ("what are the
# treatments for lupus", "what can we do")
_NOT_IN_TERMS = frozenset(("for", "of", "to", "with", "in", "on", "at", "from", "about", "my", "your", "his", "her",
                           "our", "their", "we", "i", "you", "he", "she", "they", "me", "do", "does", "did", "can",
                           "could", "should", "would", "will", "might", "must", "that", "this", "what", "is", "are",
                           "be", "happening", "going", "wrong", "up", "these", "those", "them"))
_NOT_TERMS = frozenset(("u", "difference", "point", "reason", "cause", "causes", "treatment", "treatments", "best",
                        "normal", "risk", "chance", "next", "time", "name", "bot", "answer", "problem", "matter"))
# A disease named in an earlier sentence is what "it" stands for ("diagnosed with MS today. what is it?")
_NAMED = re.compile(r"\b(multiple sclerosis|ms|epilepsy)\b")
# A word quoted or named as a word is what "that" and "this" stand for too ("the doctor used the word refractory.
# what does that mean?", "his letter says 'medically refractory epilepsy'. what does that mean?")
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[\"'‘“]([^\"'‘’“”]{2,40})[\"'’”](?=$|[\s.,;:!?)])")  # not "partner's"
_AS_A_WORD = re.compile(r"\b(?:the (?:word|term|phrase|label|name)|called (?:it|that|this|her epilepsy|his epilepsy)|"
                        r"(?:is|was|its|being) called)"
                        r" ([a-z]+)(?: ([a-z]+))?")
# "that" is the disease when the sentence before ends on having it ("I was told last week that I have epilepsy.
# What does that actually mean?"); not "his epilepsy is drug resistant" (that is the words just said)
_HAVING = re.compile(r"\b(?:have|has|got|with|diagnosed) (multiple sclerosis|ms|epilepsy)$")
_WORD_POINTERS = frozenset(("it", "that", "this"))
_AFTER_A_TERM = frozenset(("and", "but", "so", "or", "a", "an", "the", "again", "lately", "today", "yesterday",
                           "recently", "before", "when", "which", "who", "because", "bc", "cos", "said", "says"))
# A story told after the question starts with its teller or its person: "whats ms my form tutor has it"
_STORY_STARTS = frozenset(("my", "our", "i", "im", "ive", "me", "we", "cos", "coz", "because", "since"))
# A question after the story starts with one of these: "... had a relapse what does that mean"
_ASKING_WORDS = frozenset(("what", "wat", "whats", "wats", "wtf"))
# Words that tell a term rather than name it: "im refractory", "they said pharmacoresistant"
_TOLD = frozenset(("im", "its", "was", "had", "has", "have", "got", "say", "says", "said", "called", "wrote",
                   "written", "put", "mentioned", "told", "like", "pls", "please", "quick", "rundown", "now", "too"))
_HAD = re.compile(r"\b(?:have|has|got|with|w|diagnosed) (multiple sclerosis|ms|epilepsy)\b")
_BARE_TERM_WORDS = 2  # an earlier sentence that is only a name ("neuroinflammation??") is the word asked about
# ... but not a word that asks or answers ("how??" before "what actually is it?")
_NO_NAMES = frozenset(("how", "why", "when", "where", "who", "which", "ok", "okay", "yes", "no", "yeah", "hmm", "so",
                       "wow", "omg", "help", "sorry", "thanks", "hi", "hello", "hey", "really", "seriously", "huh"))
_LAUGH = re.compile(r" (?:lol|lmao|haha|hahaha|lolol|xd) ")
MAX_WORDS = 14  # a definition question is short; a long sentence asks more than what the term is
CLAUSE_WORDS = 2 * MAX_WORDS  # a message this short is also read clause by clause ...
_CLAUSE = re.compile(r"[.!?;,:]+\s*|\s+[-–—]+\s+")  # ... split at sentence ends, commas, colons and dashes


def defined_term(message: Message) -> str | None:
    """The term the message asks to be defined, as cleaned words; None when no sentence asks that. "it" is
    the disease named last in an earlier sentence, and nothing when none is. A short message is read clause by
    clause too: "quick one - whats epilepsy exactly, new client has it"."""
    term = _defined_in(tuple(" ".join(s.words) for s in message.sentences), message)
    if term is None and len(message.words) <= CLAUSE_WORDS and _CLAUSE.search(message.raw):
        parts = (clean(part) for part in _CLAUSE.split(message.raw[:MAX_MESSAGE_CHARS]))
        term = _defined_in(tuple(p for p in parts if p), message, bare=False)
    return term


def _defined_in(texts: tuple[str, ...], message: Message, bare: bool = True) -> str | None:
    """`bare`: an earlier text that is only a name is the word asked about (a sentence may be, a clause is not:
    "ok so - my son has ms, what is it?")."""
    earlier: list[str] = []
    quoted = _quoted(message)
    for text in texts:
        short = 0 < len(text.split()) <= MAX_WORDS
        # "wat even is epilepsy lol my mate has it": a laugh ends what is asked, like a full stop
        term = next((t for part in _LAUGH.split(text) if (t := _term_of(part)) is not None), None) \
            if short else None
        if term is not None and term in _WORD_POINTERS:
            term = _word_named(quoted, earlier, bare) or (_disease_named(earlier) if term in _POINTERS else
                                                     _disease_had(earlier))
        if term is None and short:  # a story and the question in one sentence, with no stop between them
            term = _asked_before_a_story(text) or _asked_after_a_story(text, quoted)
        if term is not None:
            return term
        earlier.append(text)
    return None


def _asked_before_a_story(text: str) -> str | None:
    """ "whats ms my form tutor has it": the question, then the story from its first "my" or "i" on."""
    words = text.split()
    cut = next((i for i, word in enumerate(words[2:], 2) if word in _STORY_STARTS), None)
    term = _term_of(" ".join(words[:cut])) if cut is not None else None
    return None if term in _WORD_POINTERS else term


def _quoted(message: Message) -> tuple[str, ...]:
    """The words the message quotes, up to three, as cleaned text ("his letter says 'refractory'")."""
    return tuple(q for q in (Message(q).text for q in _QUOTED.findall(message.raw)) if q and len(q.split()) <= 3)


def _asked_after_a_story(text: str, quoted: tuple[str, ...] = ()) -> str | None:
    """ "new client has epilepsy quick rundown pls what is it", "neuro said im refractory wtf does that mean": the
    story, then a question about "it" (the disease it named) or "that" (the words just before it)."""
    words = text.split()
    start = next((i for i in range(len(words) - 1, 0, -1) if words[i] in _ASKING_WORDS), None)
    if start is None or _term_of(" ".join(words[start:])) not in _WORD_POINTERS:
        return None
    story = words[:start]
    pointer = _term_of(" ".join(words[start:]))
    if pointer in _POINTERS:  # "it" is the disease had, when nothing but filler follows it ("... ocrevus for ms")
        had = [m for m in _HAD.finditer(" ".join(story))]
        rest = " ".join(story)[had[-1].end():].split() if had else []
        return had[-1].group(1) if had and set(rest) <= _TOLD | _AFTER_A_TERM else None
    # "client says shes 'in remission' with ms, what does that mean": the word quoted in the story
    named = [q for q in quoted if q in " ".join(story)]
    if named:
        return named[-1]
    said = [w for w in story[-2:] if w not in _NOT_IN_TERMS and w not in _AFTER_A_TERM and w not in _TOLD]
    return " ".join(said) if said and said == story[-len(said):] else None


def _disease_named(earlier: list[str]) -> str | None:
    named = _NAMED.findall(" ".join(earlier))
    return named[-1] if named else None


def _disease_had(earlier: list[str]) -> str | None:
    found = _HAVING.search(earlier[-1]) if earlier else None
    return found.group(1) if found else None


def _word_named(quoted: tuple[str, ...], earlier: list[str], bare: bool = True) -> str | None:
    """The last word quoted, or named as a word ("the word refractory"), before the question."""
    if not earlier:
        return None
    said = [q for q in quoted if any(q in e for e in earlier)]
    if said:
        return said[-1]
    for text in reversed(earlier):
        if (found := _AS_A_WORD.search(text)) is not None:  # "the word neuroinflammation on the radio"
            first, second = found.groups()
            return first if second is None or second in _NOT_IN_TERMS or second in _AFTER_A_TERM else \
                f"{first} {second}"
        if bare and 0 < len(text.split()) <= _BARE_TERM_WORDS and _NOT_IN_TERMS.isdisjoint(text.split()) and \
                _NO_NAMES.isdisjoint(text.split()):
            return text  # "neuroinflammation?? heard it in bio, no clue what it means"
    return None


def _term_of(text: str) -> str | None:
    text = _TAIL.sub("", _START.sub("", text))
    if _OVERVIEW_ALONE.fullmatch(text):
        return "that"  # "new client has epilepsy. quick overview pls": of the disease the sentence before ends on
    found = _QUESTION.fullmatch(text)
    if found is None:
        return None
    term = next(t for t in found.groups() if t is not None)
    if term in _WORD_POINTERS:
        return term
    return None if term in _NOT_TERMS or not _NOT_IN_TERMS.isdisjoint(term.split()) else term
