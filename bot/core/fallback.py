"""Why a message got no answer, so that the reply can fit: a health question we have no article for, words
we cannot read, or something else entirely.

* health: the message names epilepsy or MS, a health word the articles do not cover ("rash", "pregnancy",
  "keppra"), or a general health word ("symptoms", "medicine", "doctor"): "I don't have reviewed information
  about that", who can answer it, and the closest topics;
* gibberish: no word we know beyond filler and numbers ("asdfgh", "hmm", "9"): the short hint;
* other: anything else (the weather, a sum): what the bot covers, and the hint.
"""

from __future__ import annotations

from bot.nlu.lexicon import GENERAL_HEALTH_WORDS, OTHER_HEALTH_WORDS
from bot.nlu.matcher import DISEASES, Matcher, canonical_word, message_words, stem
from bot.nlu.message import Message
from bot.nlu.normalise import STOPWORDS

_HEALTH = frozenset(stem(w) for w in GENERAL_HEALTH_WORDS | OTHER_HEALTH_WORDS)
_UNCOVERED = frozenset(stem(w) for w in OTHER_HEALTH_WORDS)


def names_diseases(message: Message) -> set[str]:
    """The diseases a message names ("fits" is epilepsy, "multiple sclerosis" is MS)."""
    return {DISEASES[canonical_word(w)] for w in message_words(message) if canonical_word(w) in DISEASES}


def is_health_question(message: Message, foreign: tuple[str, ...] = ()) -> bool:
    """The message names a disease, a health word we have no article for (`foreign`), or a general one."""
    return bool(foreign or names_diseases(message) or any(stem(w) in _HEALTH for w in message.words))


def names_uncovered_health(message: Message) -> bool:
    """A health word no article covers ("fever", "rash"): "thanks, he has had a fever since monday" tells
    something, it does not close the conversation."""
    words = message.words
    # (not "rheumatoid arthritis": a topic of ours; "arthritis" alone may be another)
    return any(stem(w) in _UNCOVERED and not (w == "arthritis" and i and words[i - 1] == "rheumatoid")
               for i, w in enumerate(words))


def knows_a_word(matcher: Matcher, message: Message) -> bool:
    """Whether some word beyond filler and numbers is one the keywords or articles use."""
    return any(matcher.knows(canonical_word(stem(w))) for w in message.words
               if w not in STOPWORDS and not w.isdigit())


# "what do i do quick pls", "HELP what do I do", "sos": a plea for what to do now that names nothing. Whatever
# answers it (the help, a fallback, a choice of topics), a frightened person may not have said what is happening
_PLEA_CALLS = frozenset(("help", "helpp", "halp", "sos"))
_PLEA_ASKS = frozenset(("what", "wat", "wht", "wot", "whats"))
_PLEA_DOING = frozenset(("do", "doo", "doing"))
_PLEA_WORDS = _PLEA_CALLS | _PLEA_ASKS | _PLEA_DOING | frozenset((
    "i", "we", "me", "us", "should", "shud", "shld", "shall", "can", "am", "supposed", "to", "now", "rn", "next",
    "quick", "quickly", "fast", "asap", "urgent", "urgently", "hurry", "please", "pls", "plz", "plss", "pleas",
    "someone", "somebody", "anyone", "anybody", "omg", "oh", "god", "no", "im", "panicking", "scared", "need"))


def bare_plea(message: Message) -> bool:
    """A plea for what to do now that names nothing ("what do i do quick pls", "please help me"): every word a
    plea's, and a call for help or a "what do ... do". A lone "help" is the usual way to ask how the bot works."""
    words = set(message.words)
    if message.words in (("help",), ("helpp",), ("halp",)) or not words <= _PLEA_WORDS:
        return False
    return bool(words & _PLEA_CALLS or (words & _PLEA_ASKS and words & _PLEA_DOING))


def fallback_kind(matcher: Matcher, message: Message, foreign: tuple[str, ...] = ()) -> str:
    """health, gibberish or other (see the module's docstring); `foreign`: the matcher's health words that no
    article covers."""
    if is_health_question(message, foreign):
        return "health"
    return "other" if knows_a_word(matcher, message) else "gibberish"
