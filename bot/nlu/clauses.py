"""Words that describe who or what is asked about, not what is asked: "can immunotherapy help seizures *that
don't respond to meds*", "how does immunotherapy work for children *whose epilepsy doesn't respond to any drug*".

A relative clause after a subject noun says which seizures or children are meant. Its words can fill a keyword
("doesn't respond to meds" is what refractory epilepsy is) and outscore the words of the question itself
("immunotherapy"), which `bot.core.decide` then reads past (see `_past_the_description`).
"""

from __future__ import annotations

from bot.nlu.matcher import match_words
from bot.nlu.message import Message

# The nouns a clause describes, and the words that open one
_SUBJECTS = frozenset(("seizures", "seizure", "fits", "fit", "epilepsy", "epilepsies", "children", "kids", "child",
                       "people", "patients", "someone", "those", "ones", "cases", "forms", "types", "kind", "kinds",
                       "adults", "person", "teenagers", "babies", "son", "daughter"))
_OPENERS = frozenset(("that", "which", "who", "whose"))
# ... and the words that end one ("seizures that don't respond to meds and what can be done")
_CLOSERS = frozenset(("and", "but", "or", "so", "because", "then"))


def described_words(message: Message) -> frozenset[str]:
    """The matcher's words of every relative clause after a subject noun, with the noun itself."""
    found: list[str] = []
    for sentence in message.sentences:
        words = sentence.words
        for position in range(1, len(words)):
            if words[position] not in _OPENERS or words[position - 1] not in _SUBJECTS:
                continue
            end = next((i for i in range(position + 1, len(words)) if words[i] in _CLOSERS), len(words))
            found.extend(words[position - 1:end])
    return frozenset(match_words(" ".join(found))) if found else frozenset()
