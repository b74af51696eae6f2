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

_TAG = re.compile(r"<[^>]{0,200}>")
_NON_WORD = re.compile(r"[^a-z0-9']+")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_APOSTROPHE = re.compile(r"'+")

# Filler words that carry no topic. Kept explicit: "not", "no", "stop", "still", "other" etc. stay meaningful.
# A message made only of these (a greeting, "what can you do") is still matched on all its words.
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "so", "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "into", "over", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "mine", "we", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "this", "that", "these", "those", "there", "here", "what", "whats", "which", "who", "whom", "whose", "how", "when", "where", "why", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "just", "really", "very", "much", "many", "any", "some", "more", "most", "please", "pls", "plz", "tell", "explain", "know", "want", "wanted", "need", "info", "information", "question", "questions", "anything", "something", "thing", "things", "like", "get", "got", "also", "too", "then", "than", "again", "ok", "okay", "hi", "hey", "im", "ive", "id", "dont", "doesnt", "isnt", "arent", "cant", "wont", "u", "ur", "ya", "yeah", "yes", "bit", "lot", "lots", "kind", "sort", "mean", "means", "meaning", "way", "ways", "someone", "somebody", "anyone", "one", "let", "lets", "us", "out", "up", "down", "off", "go", "going", "goes", "say", "said", "says", "talk", "let's", "i'm", "it's", "what's", "thats", "theres", "theyre", "youre", "hes", "shes", "wasnt", "werent", "didnt", "havent", "hasnt", "couldnt", "wouldnt", "shouldnt", "ill", "youve", "actually", "exactly", "basically", "simply", "honestly", "anyway", "maybe", "perhaps", "probably", "even", "ever", "stuff", "true", "help", "helps", "helped", "helping", "bot", "people", "person", "everyone", "anybody", "nobody", "son", "daughter", "wife", "husband", "mum", "mom", "mother", "dad", "father", "brother", "sister", "partner", "friend", "boyfriend", "girlfriend", "gf", "bf", "child", "children", "kid", "kids", "baby", "boy", "girl", "grandad", "grandpa", "grandma", "granddad", "grandmother", "grandfather", "aunt", "uncle", "cousin", "niece", "nephew", "doctor", "doctors", "doc", "docs", "gp", "neurologist", "nurse", "consultant", "specialist", "hospital"]
)


def clean(text: str) -> str:
    """Lowercased ASCII-folded text with markup, emoji and punctuation replaced by spaces."""
    text = html.unescape(text[:MAX_MESSAGE_CHARS])
    text = _TAG.sub(" ", text)
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.encode("ascii", "ignore").decode()
    text = _REPEAT.sub(r"\1\1", text)
    text = _NON_WORD.sub(" ", text)
    text = _APOSTROPHE.sub("", text)  # "don't" -> "dont", "parkinson's" -> "parkinsons"
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """All words of the cleaned text, in order."""
    return clean(text).split()


def content_tokens(text: str) -> list[str]:
    """Words that can carry a topic (filler words removed); falls back to all words."""
    words = tokens(text)
    kept = [w for w in words if w not in STOPWORDS]
    return kept or words


def has_letters(text: str) -> bool:
    """True when the message holds at least one letter or digit we can read."""
    return bool(clean(text))
