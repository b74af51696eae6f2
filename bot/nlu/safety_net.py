"""The crisis second net: a linear text classifier that can only ADD the possible-tier crisis line.

The concept rules (bot/nlu/safety.py, safety_crisis.py) miss indirect wishes to die, passive ideation and plans
said in other words ("i just want everything to stop", "they'd be better off"). This net scores a message for
"crisis or not" with TF-IDF features (word 1-2-grams, 3-5-grams of characters within words) and a logistic
regression, trained offline by tools/train_crisis_net.py (scikit-learn) and exported to safety_net.json. At run
time it is pure Python: the features (`bot.nlu.ngrams`, shared with the topic net) are made from the words of the
`Message` safety reads (the first 4,096 characters), so training and run time share one definition of them.

The net never removes or replaces a rule's verdict and never gives the certain tier: safety.py asks it only when
the rules found nothing.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from bot.nlu.message import Message
from bot.nlu.ngrams import MAX_WORDS, char_grams, features

__all__ = ["MAX_WORDS", "MODEL_PATH", "CrisisNet", "features", "load_net", "message_words", "references"]

MODEL_PATH = Path(__file__).with_name("safety_net.json")


def message_words(message: Message) -> tuple[str, ...]:
    """The words safety reads (its sentences, the first 4,096 characters), at most MAX_WORDS of them."""
    words: list[str] = []
    for sentence in message.sentences:
        words.extend(sentence.words)
        if len(words) >= MAX_WORDS:
            break
    return tuple(words[:MAX_WORDS])


class CrisisNet:
    """The exported model: per feature its idf and weight, the intercept and the threshold chosen by
    cross-validation (see the model file's `cv`).

    The features are TF-IDF with raw counts, divided by the square root of the message's word count (no l2
    norm), so the score is a sum over the words: each word's own features (the word and its character grams) are
    added up once and kept, and a message costs a look-up per word and per pair of words."""

    def __init__(self, idf: dict[str, float], weight: dict[str, float], intercept: float, fires_at: float) -> None:
        self.idf, self.weight, self.intercept, self.fires_at = idf, weight, intercept, fires_at
        self._product = {f: idf[f] * w for f, w in weight.items()}
        self._word_score = lru_cache(maxsize=16384)(self._score_of_word)  # bounded: least recently used go

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CrisisNet:
        data = json.loads(path.read_text(encoding="utf-8"))
        table = data["features"]  # feature -> [idf, weight]
        return cls({f: v[0] for f, v in table.items()}, {f: v[1] for f, v in table.items()},
                   float(data["intercept"]), float(data["threshold"]))

    def __reduce__(self) -> tuple[type[CrisisNet], tuple[object, ...]]:
        """Pickled with the snapshot (bot/content), without the per-word cache (a function, rebuilt on load)."""
        return CrisisNet, (self.idf, self.weight, self.intercept, self.fires_at)

    def _score_of_word(self, word: str) -> float:
        product = self._product
        return sum(product.get(f, 0.0) for f in (f"w:{word}", *char_grams(word)))

    def probability_of_words(self, words: Sequence[str]) -> float:
        """The probability of crisis, as the training tool's scikit-learn model gives it."""
        words = words[:MAX_WORDS]
        score_of, product = self._word_score, self._product
        total = sum(score_of(w) for w in words)
        total += sum(product.get(f"w:{a} {b}", 0.0) for a, b in itertools.pairwise(words))
        score = self.intercept + total / math.sqrt(max(1, len(words)))
        return 1.0 / (1.0 + math.exp(-score)) if score >= 0 else math.exp(score) / (1.0 + math.exp(score))

    def probability(self, message: Message) -> float:
        return message.reading("crisis_net", lambda m: self.probability_of_words(message_words(m)))

    def fires(self, message: Message) -> bool:
        return self.probability(message) >= self.fires_at


@lru_cache(maxsize=1)
def load_net() -> CrisisNet:
    """The shipped model, read once per process (every snapshot's SafetyCheck shares it)."""
    return CrisisNet.load()


def references(path: Path = MODEL_PATH) -> Iterable[tuple[str, float]]:
    """The (text, probability) pairs scikit-learn gave at training time, for the test that the two agree."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(text, float(p)) for text, p in data["references"]]
