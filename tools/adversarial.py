"""Messages built to make the bot work as hard as it can: the bench's worst case and the tests' bounds.

Each is at most one Telegram message (4,096 characters) and aims at a place where work could grow
faster than the message: typo variants of long words, many distinct words, words one slip away from
many keywords. Seeded, so a run can be repeated exactly.
"""

from __future__ import annotations

import random
import string
from collections.abc import Iterable

TELEGRAM_MESSAGE_CHARS = 4096
_LETTERS = string.ascii_lowercase


def _random_word(rng: random.Random, length: int) -> str:
    """Letters with no letter three times in a row (normalising would squeeze those away)."""
    word: list[str] = []
    while len(word) < length:
        letter = rng.choice(_LETTERS)
        if len(word) >= 2 and word[-1] == word[-2] == letter:
            continue
        word.append(letter)
    return "".join(word)


def _near_miss(word: str, rng: random.Random) -> str:
    """`word` with one letter changed, past the first (the matcher trusts first letters)."""
    at = rng.randrange(1, len(word))
    other = rng.choice([c for c in _LETTERS if c != word[at]])
    return word[:at] + other + word[at + 1:]


def _fill(words: Iterable[str], limit: int = TELEGRAM_MESSAGE_CHARS) -> str:
    """Words joined by spaces, as many as fit in `limit` characters."""
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > limit:
            break
        text = f"{text} {word}" if text else word
    return text


def adversarial_messages(keywords: Iterable[str], seed: int = 12) -> dict[str, str]:
    """Name -> message. `keywords` are the loaded keywords: the near misses are built from their words."""
    rng = random.Random(seed)
    vocabulary = sorted({w for keyword in keywords for w in keyword.lower().split() if len(w) >= 6 and w.isalpha()})
    near = [_near_miss(w, rng) for w in rng.sample(vocabulary, min(len(vocabulary), 1000))] if vocabulary else []
    return {
        "one 4,096-letter word": _random_word(rng, TELEGRAM_MESSAGE_CHARS),
        "4,096 characters of one-letter words": _fill(rng.choice(_LETTERS) for _ in range(TELEGRAM_MESSAGE_CHARS)),
        "one near-miss keyword, repeated": _fill(near[:1] * TELEGRAM_MESSAGE_CHARS),
        "distinct near-miss keywords": _fill(near),
        "200 distinct long words": " ".join(_random_word(rng, 19) for _ in range(200))[:TELEGRAM_MESSAGE_CHARS],
        "200 distinct 30-letter words": " ".join(_random_word(rng, 30) for _ in range(200))[:TELEGRAM_MESSAGE_CHARS],
        "4,096 characters of keyword words": _fill(rng.choice(vocabulary) for _ in range(TELEGRAM_MESSAGE_CHARS))
        if vocabulary else "",
        "markup: 500 unclosed tags": ("<script>" * 500)[:TELEGRAM_MESSAGE_CHARS],
    }
