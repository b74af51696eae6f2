"""The features of the two linear text classifiers (the crisis second net, the topic net): word 1- and 2-grams and
character 3-5-grams within words. Their training tools (tools/train_crisis_net.py, tools/train_topic_net.py) call
these very functions through scikit-learn, so training and run time share one definition of a feature."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

MAX_WORDS = 800  # words read per message (4,096 characters hold fewer in practice): bounded work
MAX_WORD_CHARS = 24  # a longer "word" (a link, a key mash) gives character grams from its first 24 characters only
CHAR_SIZES = (3, 4, 5)


def features(words: Sequence[str]) -> list[str]:
    """The n-grams of `words`: "w:" word 1- and 2-grams, "c:" character 3-5-grams of each word padded with a space
    on each side (so "c: di" is "di" starting a word)."""
    words = words[:MAX_WORDS]
    found = [f"w:{w}" for w in words]
    found += [f"w:{a} {b}" for a, b in itertools.pairwise(words)]
    for word in words:
        found += char_grams(word)
    return found


def char_grams(word: str) -> list[str]:
    padded = f" {word[:MAX_WORD_CHARS]} "
    return [f"c:{padded[i:i + n]}" for n in CHAR_SIZES for i in range(len(padded) - n + 1)]
