"""One message, normalised once: the value every step of the flow reads.

The engine builds a `Message` from the channel's raw text at the start of a turn and hands it down: language,
self-questions, safety, the matcher, the follow-up reading and the fallback read its fields and never clean,
fold or split the text themselves (tests/test_architecture.py checks that). Each reading is computed the first
time a step asks for it and kept, so a message that stops at safety is never split into match words.

Readings that belong to another module (the matcher's stemmed and phrase-folded words) are kept here too,
through `reading`, so that they are also made once however many steps use them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from bot.nlu import normalise
from bot.nlu.normalise import MAX_MESSAGE_CHARS, MAX_SAFETY_CHARS

T = TypeVar("T")

_SENTENCE = re.compile(r"([^.!?\n;]+)([.!?\n;]*)")  # a sentence and its end: linear on any input
_WORDISH = re.compile(r"[A-Za-z0-9'\u2019\u00C0-\u024F]+")  # the words `normalise.clean` keeps, as it counts them
_CENSORED = re.compile(r"[a-zA-Z]+\*[a-zA-Z]+")  # one starred letter: "k*ll", "d*e"
_LAUGH = re.compile("[\U0001F602\U0001F923\U0001F605\U0001F606\U0001F639\U0001F643]")  # laughing faces


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as safety reads it: its cleaned words, how it ends ("?" asks), and whether it laughs (the
    laughing faces go with cleaning: "id rather die than ... 😂")."""

    words: tuple[str, ...]
    end: str
    laughs: bool
    breaks: frozenset[int] = frozenset()  # words a comma follows: "she's stopped, breathing" is not "stopped breathing"


@dataclass(frozen=True, eq=False)
class Message:
    """A user's message: the raw text as the channel gave it and its normalised readings, each made once."""

    raw: str
    _readings: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def said(self) -> str:
        """The raw text with punctuation said aloud to dictation written as marks ("full stop" -> "."), and
        texting's "y" at a question's head as "why"."""
        return normalise.texting(normalise.spoken_marks(self.raw))

    @cached_property
    def text(self) -> str:
        """Lowercased, accent-folded, markup and punctuation gone (`normalise.clean`, first 2,000 characters)."""
        return normalise.clean(self.said)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """All words of the cleaned text, in order."""
        return tuple(self.text.split())

    @cached_property
    def content_words(self) -> tuple[str, ...]:
        """Words that can carry a topic (`normalise.content_words`)."""
        return tuple(normalise.content_words(self.words))

    @property
    def has_letters(self) -> bool:
        """At least one letter or digit we can read."""
        return bool(self.text)

    @cached_property
    def safety_words(self) -> frozenset[str]:
        """The words of the first 4,096 characters, which safety reads (the same as `words` for any message up
        to 2,000 characters: only longer ones are cleaned again, further)."""
        if len(self.raw) <= MAX_MESSAGE_CHARS:
            return frozenset(self.words)
        return frozenset(normalise.clean(self.said[:MAX_SAFETY_CHARS], MAX_SAFETY_CHARS).split())

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The first 4,096 characters in sentences, each cleaned on its own ("&" read as "and", "a&e" as "ae")."""
        text = normalise.ampersands(self.said[:MAX_SAFETY_CHARS])
        found = []
        read: dict[str, tuple[str, ...]] = {}  # a sentence said twice is cleaned once
        if len(self.said) <= MAX_MESSAGE_CHARS:
            read[self.said] = self.words  # a message of one sentence: its words are the message's
        for match in _SENTENCE.finditer(text):
            sentence = match.group(1)
            if (words := read.get(sentence)) is None:
                words = read[sentence] = tuple(normalise.clean(sentence, MAX_SAFETY_CHARS).split())
            if words:
                found.append(Sentence(words, match.group(2), bool(_LAUGH.search(sentence)), _commas(sentence, words)))
        return tuple(found)

    def uncensored(self, spell: Callable[[str], str]) -> Message:
        """The message with each starred word ("k*ll") spelled by `spell` ("kill"), cut where safety stops
        reading: a new message, read anew; this one when `spell` changes nothing."""
        head = self.raw[:MAX_SAFETY_CHARS]
        if "*" not in head:
            return self
        spelled = _CENSORED.sub(lambda m: spell(m.group(0)), head)
        return self if spelled == head else Message(spelled)

    def extended(self, words: str) -> Message:
        """The message with `words` after it ("is it inherited" + "MS symptoms"), reading the follow-up with the
        last topic: only the new words are cleaned (the two cleaned apart are the two cleaned together, as
        cleaning never joins words across a space, and `words` hold no markup)."""
        joined = Message(f"{self.raw} {words}")
        if len(joined.raw) <= MAX_MESSAGE_CHARS:  # else cleaning cuts the whole, and the two differ
            joined.__dict__["text"] = f"{self.text} {normalise.clean(words)}".strip()
        return joined

    def reading(self, name: str, compute: Callable[[Message], T]) -> T:
        """Another module's reading of this message (`compute(self)`), made the first time it is asked for."""
        if name not in self._readings:
            self._readings[name] = compute(self)
        return self._readings[name]  # type: ignore[no-any-return]


def _commas(sentence: str, words: tuple[str, ...]) -> frozenset[int]:
    """The positions of the words a comma follows. The words of each piece between commas are counted with a cheap
    pattern (cleaning every piece again doubled the cost of long messages); when the counts do not add up to the
    cleaned words (markup, a character the pattern does not know), each piece is cleaned and compared."""
    if "," not in sentence:
        return frozenset()
    pieces = sentence.split(",")
    counts = [len(_WORDISH.findall(piece)) for piece in pieces]
    if sum(counts) != len(words):
        cleaned = [normalise.clean(piece, MAX_SAFETY_CHARS).split() for piece in pieces]
        if tuple(w for piece in cleaned for w in piece) != words:  # cleaning reads across a comma: no breaks
            return frozenset()
        counts = [len(piece) for piece in cleaned]
    ends = list(itertools.accumulate(counts))
    return frozenset(e - 1 for e in ends[:-1] if e > 0)
