"""Turn a raw user message into comparable text and tokens.

Lowercase, accents stripped, punctuation dropped, letters repeated three or
more times squeezed, HTML-ish markup and emoji removed. Shared by the matcher,
the safety check and the passage picker so that they see the same words.
"""

from __future__ import annotations

import html
import re
import unicodedata

MAX_MESSAGE_CHARS = 2000  # longer messages are cut: nobody's question needs more, and it bounds the work
MAX_SAFETY_CHARS = 4096  # Telegram's longest message; the safety check reads all of it (the matcher reads less)

_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,200}>.{0,2000}?</\1\s*>", re.IGNORECASE | re.DOTALL)  # not words
_TAG = re.compile(r"<[^>]{0,200}>")
_NON_WORD = re.compile(r"[^a-z0-9']+")
_PLAIN = re.compile(r"[a-z0-9 ]{0,200}")
_REPEAT = re.compile(r"([a-z])\1{2,}")
# A word of one letter typed 4+ times ("bbbbbbbb") is a key held down, not a word: squeezed, "bb" would be "bbb"
# (the blood-brain barrier). It becomes "x", a filler word, so the message reads as gibberish.
_MASH = re.compile(r"\b([a-z])\1{3,}\b")
_APOSTROPHE = re.compile(r"'+")
# Shorthand that punctuation would split into letters: "better w/o me" is "better without me"
_SLASHED = re.compile(r"\b(w/out|w/o|b/c)\b|\b(w/)")
_SLASHED_WORDS = {"w/o": " without ", "w/out": " without ", "b/c": " because ", "w/": " with "}

# Filler words that carry no topic. Kept explicit: "not", "no", "stop", "still", "other" etc. stay meaningful.
# A message made only of these (a greeting, "what can you do") is still matched on all its words.
_FILLER = (
    # function words and question words
    "a an the and or but if so of to in on at by for from with about into over as is are was were be been",
    "being am do does did doing have has had having i me my mine we our you your he him his she her hers",
    "they them their it its this that these those there here what whats which who whom whose how when",
    "where why can could would should will shall may might must just really very much many any some more most",
    "than then too also again between let lets us out up down off one all now",
    # chat filler and contractions without their apostrophe
    "please pls plz ok okay hi hey hello hiya u ur ya yeah yes wat wot bit lot lots way ways stuff true",
    "sorry bother asap um umm uh er erm hmm x xx xxx quick btw lol lmao nah gonna wanna gotta idk tbh omg",
    "im ive id ill youve thats theres theyre youre hes shes let's i'm it's what's",
    "actually exactly basically simply honestly anyway maybe perhaps probably even ever",
    "scared afraid frightened worried worry overwhelmed mentioned told heard wondering wonder",
    "get gets getting got gotten go going goes keep keeps kept like",
    # asking about asking: "explain in simple words", "what is the difference", "what does it mean"
    "tell explain explained explanation know want wanted need info information question questions",
    "anything something thing things say said says talk mean means meaning definition define defined",
    "describe description overview simple words terms plain difference differences",
    "help helps helped helping bot",
    # people in the story, not the topic: "my husband has ms", "the neurologist said"
    "someone somebody anyone anybody everyone nobody people person",
    "son daughter wife husband mum mom mother dad father brother sister partner friend boyfriend girlfriend",
    "gf bf child children kid kids baby boy girl grandad grandpa grandma granddad grandmother grandfather",
    "aunt uncle cousin niece nephew doctor doctors doc docs gp neurologist nurse consultant specialist hospital",
)
STOPWORDS = frozenset(word for line in _FILLER for word in line.split())
# Negations written as a contraction read as "not", which keywords use: "isnt controlled", "dont respond".
NEGATIONS = frozenset(("dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt",
                       "wont", "wouldnt", "shouldnt", "havent", "hasnt"))


def clean(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Lowercased ASCII-folded text with markup, emoji and punctuation replaced by spaces (first `limit`
    characters)."""
    if _PLAIN.fullmatch(text):  # the usual keyword: nothing to unescape, fold or strip (a fast path for big files)
        return " ".join(_REPEAT.sub(r"\1\1", _MASH.sub("x", text)).split())
    text = html.unescape(text[:limit])
    if "<" in text:
        text = _TAG.sub(" ", _SCRIPT.sub(" ", text))
    if not text.isascii():  # plain ASCII (most keywords and messages) has no accents to fold
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.encode("ascii", "ignore").decode()
    text = _REPEAT.sub(r"\1\1", _MASH.sub("x", text.lower()))
    if "/" in text:
        text = _SLASHED.sub(lambda m: _SLASHED_WORDS[m.group(1) or m.group(2)], text)
    text = _NON_WORD.sub(" ", text)
    text = _APOSTROPHE.sub("", text)  # "don't" -> "dont", "parkinson's" -> "parkinsons"
    return " ".join(text.split())


def is_plain(text: str) -> bool:
    """Lowercase letters, digits and spaces only (most keywords): `clean` then only squeezes repeated letters."""
    return _PLAIN.fullmatch(text) is not None


def squeeze(word: str) -> str:
    """ "sooo" -> "soo", as `clean` does: a letter typed 3+ times counts twice."""
    return _REPEAT.sub(r"\1\1", word)


def tokens(text: str) -> list[str]:
    """All words of the cleaned text, in order."""
    return clean(text).split()


def content_tokens(text: str) -> list[str]:
    """Words that can carry a topic (filler words and bare numbers removed, negations as "not"); falls back
    to all words."""
    return content_words(tokens(text))


def content_words(words: list[str] | tuple[str, ...]) -> list[str]:
    """`content_tokens` of words already cleaned."""
    kept = ["not" if w in NEGATIONS else w for w in words if w not in STOPWORDS and not w.isdigit()]
    return kept or list(words)


_A_AND_E = re.compile(r"\ba\s*&\s*e\b", re.IGNORECASE)


def ampersands(text: str) -> str:
    """ "&" read as "and", and "A&E" (the emergency department) as one word, "ae": how safety reads a sentence, and
    how its phrases ("back from a&e") are read too, so that the two agree."""
    return _A_AND_E.sub(" ae ", text).replace("&", " and ")


# Punctuation said aloud to a phone's dictation ("what drugs can slow it down question mark"): the mark it stands
# for, so that "full stop" is no "stop" and the sentence ends where it was said to. Not "period" (a period is
# also a period).
_SPOKEN_MARK = re.compile(r"\b(?:full stop|question mark|exclamation (?:mark|point)|comma|new (?:line|paragraph))\b",
                          re.IGNORECASE)
_MARKS = {"full stop": ".", "question mark": "?", "exclamation mark": "!", "exclamation point": "!", "comma": ",",
          "new line": "\n", "new paragraph": "\n"}


def spoken_marks(text: str) -> str:
    """ "hes fitting full stop what do i do question mark" -> "hes fitting . what do i do ?"."""
    low = text.lower()
    if "stop" not in low and "mark" not in low and "comma" not in low and "new " not in low:
        return text  # the usual message: no regex
    return _SPOKEN_MARK.sub(lambda m: f" {_MARKS[' '.join(m.group(0).lower().split())]} ", text)


# Texting's "y" for "why", at the head of a sentence and before the verb a question puts there ("y does it happen
# tho", "Y is she so tired?"); not "y or n" nor a list's "x and y"
_Y_WHY = re.compile(r"(^|[.!?]\s*)y(?= (?:does|do|did|is|are|was|were|would|could|can|cant|dont|doesnt|didnt|isnt|"
                    r"arent|wont|wouldnt|should|has|have|am|not|r|u|im|hes|shes)\b)", re.IGNORECASE)


def texting(text: str) -> str:
    """ "y does it happen tho" -> "why does it happen tho"."""
    if "y " not in text and "Y " not in text:
        return text  # the usual message: no regex
    return _Y_WHY.sub(r"\1why", text)
