"""The topic net: a linear text classifier that reads a message's topic from its wording as a whole.

Keywords find a topic when the message uses a word an admin foresaw. People often do not ("my tummy bugs and my
brain, are they connected"); the net has learnt from some nineteen thousand messages written by people who never
saw the intents, and reads which topic, or none, such wording is about. It is a multinomial logistic regression over
TF-IDF features (word 1-2-grams, character 3-5-grams within words: `bot.nlu.ngrams`), trained offline by
tools/train_topic_net.py (scikit-learn) and exported to topic_net.json. At run time it is pure Python.

It gathers evidence only: `bot.core.decide` weighs it after the matcher's verdict. Safety comes before and never
reads it. A topic the model does not know (an intent added since it was trained) is simply never proposed by it.
"""

from __future__ import annotations

import base64
import bisect
import itertools
import json
import math
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from bot.nlu.message import Message
from bot.nlu.ngrams import CHAR_SIZES, MAX_WORD_CHARS, char_grams

MODEL_PATH = Path(__file__).with_name("topic_net.json")
# The follow-up net: the same reader, another model (tools/train_followup_net.py): whether a message sent after a
# topical answer goes on with that topic ("continues") or not ("other")
FOLLOW_UP_PATH = Path(__file__).with_name("followup_net.json")
OUT_OF_SCOPE = "out_of_scope"
# The flat arrays of the model file: base64 of their little-endian bytes
ARRAYS = {"keys": "Q", "offsets": "I", "label_of": "B", "weights": "f"}
WORD_CACHE = 2048  # words whose summed weights are kept (least recently used go): about 0.6 MB
MAX_WORDS = 120  # the words it reads: a question is said by then (4,096 characters of unseen words: about 4 ms, not 10)
# A feature with weights for this many labels or more is also kept as a full row over the labels: a word's common
# character grams (" th", "ing") weigh on most labels, and summing their rows column by column in C costs a third of
# adding their weights one by one (bench: topic net cold p99 0.87 -> 0.6 ms); 3,015 rows of the shipped model, 0.47 MB
DENSE_FROM = 8


def message_words(message: Message) -> tuple[str, ...]:
    """The words the net reads: the cleaned message's first MAX_WORDS."""
    return message.words[:MAX_WORDS]


def feature_key(feature: str) -> int:
    """A feature's 64-bit key: CRC-32 and Adler-32 of its UTF-8 side by side. The model keeps keys, not strings (a
    sorted array of 8 bytes each, where a dict of 27,000 strings took 3 MB); the training tool checks that no two of
    its features share a key, and an unseen n-gram that happens to share one adds a little noise, nothing worse."""
    data = feature.encode("utf-8")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


_GRAM_CRC, _GRAM_ADLER = zlib.crc32(b"c:"), zlib.adler32(b"c:")  # both checksums carry on from a prefix


def gram_keys(word: str) -> list[int]:
    """The keys of `char_grams(word)`, made from the word's bytes without building each "c:..." string (the cost of
    a word the cache has not seen)."""
    if not word.isascii():
        return [feature_key(gram) for gram in char_grams(word)]
    padded = f" {word[:MAX_WORD_CHARS]} ".encode("ascii")
    crc, adler = zlib.crc32, zlib.adler32
    return [crc(padded[i:i + n], _GRAM_CRC) << 32 | adler(padded[i:i + n], _GRAM_ADLER)
            for n in CHAR_SIZES for i in range(len(padded) - n + 1)]


class TopicNet:
    """The exported model: its labels (intent ids and `out_of_scope`), per label an intercept, and per feature its
    non-zero weights (idf times the regression's weight), in flat arrays: the feature with the i-th smallest key
    (`keys`, sorted) has the weights `weights[offsets[i]:offsets[i + 1]]`, for the labels `label_of` says.

    As in the crisis net, the features are raw counts times idf divided by the square root of the message's word
    count, so a label's score is a sum over the words: each word's own features (the word and its character grams)
    are summed once into a vector over the labels and kept."""

    def __init__(self, labels: Sequence[str], intercepts: Sequence[float], keys: array, offsets: array,
                 label_of: array, weights: array, keywords: Iterable[str] = (), reading: str = "topic_net") -> None:
        if len(offsets) != len(keys) + 1 or any(a >= b for a, b in itertools.pairwise(keys)) or \
                len(label_of) != len(weights) or offsets[-1] != len(weights) or \
                any(k >= len(labels) for k in label_of) or len(intercepts) != len(labels):
            raise ValueError("the topic net's arrays do not fit together")
        self.labels = tuple(labels)
        self.intercepts = tuple(intercepts)
        self.keys, self.offsets, self.label_of, self.weights = keys, offsets, label_of, weights
        self.keywords = frozenset(_keyword_key(k) for k in keywords)  # the intents' keywords it was trained with
        self.reading = reading  # its probabilities are kept on the message under this name
        self._row_of, self._rows = self._dense_rows()
        self._word_vector = lru_cache(maxsize=WORD_CACHE)(self._vector_of_word)

    def _dense_rows(self) -> tuple[array, array]:
        """For each feature, where its full row starts in the second array, or -1 when its weights are few."""
        width = len(self.labels)
        row_of, rows = array("i", [-1]) * len(self.keys), array("f")
        for i, (start, end) in enumerate(itertools.pairwise(self.offsets)):
            if end - start >= DENSE_FROM:
                row = array("f", bytes(4 * width))
                for j in range(start, end):
                    row[self.label_of[j]] = self.weights[j]
                row_of[i] = len(rows)
                rows.extend(row)
        return row_of, rows

    @classmethod
    def from_table(cls, labels: Sequence[str], intercepts: Sequence[float],
                   table: Mapping[str, Sequence[tuple[int, float]]], keywords: Iterable[str] = ()) -> TopicNet:
        """A net from feature -> [(label index, weight)] (the training tool's export, tests)."""
        keys, offsets, label_of, weights = array("Q"), array("I", [0]), array("B"), array("f")
        for key, pairs in sorted((feature_key(f), pairs) for f, pairs in table.items()):
            keys.append(key)
            for k, w in pairs:
                label_of.append(k)
                weights.append(w)
            offsets.append(len(weights))
        return cls(labels, intercepts, keys, offsets, label_of, weights, keywords)

    @classmethod
    def load(cls, path: Path = MODEL_PATH, reading: str = "topic_net") -> TopicNet:
        data = json.loads(path.read_text(encoding="utf-8"))
        arrays = {name: array(code, base64.b64decode(data[name])) for name, code in ARRAYS.items()}
        if sys.byteorder == "big":  # the file is little-endian
            for values in arrays.values():
                values.byteswap()
        return cls(data["classes"], data["intercepts"], arrays["keys"], arrays["offsets"], arrays["label_of"],
                   arrays["weights"], data.get("keywords", ()), reading)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """The shipped model is pickled with a snapshot as a reference to itself (each process reads the file once,
        and a reload does not copy it); any other one with its arrays, without the per-word cache."""
        for path, loader in ((MODEL_PATH, load_net), (FOLLOW_UP_PATH, load_follow_up_net)):
            if path.exists() and self is loader():
                return loader, ()
        return TopicNet, (self.labels, self.intercepts, self.keys, self.offsets, self.label_of, self.weights,
                          self.keywords, self.reading)

    def learnt(self, keyword: str | None) -> bool:
        """Whether a keyword (as intents.yaml spells it) was among those the net was trained with: one an admin
        added since is their word, which the net defers to. No keyword (the examples found it) counts as learnt."""
        return not keyword or _keyword_key(keyword) in self.keywords

    def knows_word(self, word: str) -> bool:
        """Whether the model has the word itself as a feature (it learnt it from some message)."""
        return self._index(feature_key(f"w:{word}")) >= 0

    def _index(self, key: int) -> int:
        """The feature's place in `keys`, or -1 when the model has no such feature."""
        keys = self.keys
        i = bisect.bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def _add(self, total: array, i: int) -> None:
        label_of, weights = self.label_of, self.weights
        for j in range(self.offsets[i], self.offsets[i + 1]):
            total[label_of[j]] += weights[j]

    def _vector_of_word(self, word: str) -> array:
        width, rows, row_of = len(self.labels), self._rows, self._row_of
        total = array("d", bytes(8 * width))
        dense = []
        for key in (feature_key(f"w:{word}"), *gram_keys(word)):
            if (i := self._index(key)) < 0:
                continue
            if (start := row_of[i]) < 0:
                self._add(total, i)
            else:
                dense.append(rows[start:start + width])
        if dense:  # the rows summed column by column
            total = array("d", map(sum, zip(total, *dense, strict=True)))
        return array("f", total)  # kept in single precision: half the cache's memory

    def probabilities_of_words(self, words: Sequence[str]) -> dict[str, float]:
        """Each label's probability, as the training tool's model gives it."""
        words = words[:MAX_WORDS]
        total = array("d", bytes(8 * len(self.labels)))
        for word in words:
            for k, value in enumerate(self._word_vector(word)):
                total[k] += value
        for a, b in itertools.pairwise(words):
            if (i := self._index(feature_key(f"w:{a} {b}"))) >= 0:
                self._add(total, i)
        scale = 1.0 / math.sqrt(max(1, len(words)))
        scores = [b + s * scale for b, s in zip(self.intercepts, total, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        whole = sum(exps)
        return {label: e / whole for label, e in zip(self.labels, exps, strict=True)}

    def probabilities(self, message: Message) -> dict[str, float]:
        return message.reading(self.reading, lambda m: self.probabilities_of_words(message_words(m)))

    def best(self, message: Message, may_answer: Callable[[str], bool]) -> tuple[str, float]:
        """The likeliest of its labels that `may_answer` (an intent there is now) or `out_of_scope`, and its
        probability: a label whose intent an admin has since removed is passed over."""
        ranked = sorted(self.probabilities(message).items(), key=lambda pair: -pair[1])  # stable: ties keep order
        # likeliest first, so `may_answer` (an intent look-up and its needed words) is asked of a label or two
        return next(((label, p) for label, p in ranked if label == OUT_OF_SCOPE or may_answer(label)),
                    (OUT_OF_SCOPE, 0.0))


def _keyword_key(keyword: str) -> str:
    return " ".join(keyword.casefold().split())


@lru_cache(maxsize=1)
def load_net() -> TopicNet | None:
    """The shipped model, read once per process; None when the file is missing (the bot then goes without)."""
    return TopicNet.load(MODEL_PATH) if MODEL_PATH.exists() else None


@lru_cache(maxsize=1)
def load_follow_up_net() -> TopicNet | None:
    """The shipped follow-up net, read once per process; None when its file is missing."""
    return TopicNet.load(FOLLOW_UP_PATH, "follow_up_net") if FOLLOW_UP_PATH.exists() else None


def references(path: Path = MODEL_PATH) -> list[tuple[str, dict[str, float]]]:
    """The (text, probabilities) pairs the training tool computed, for the test that the two agree."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(text, {k: float(v) for k, v in probs.items()}) for text, probs in data["references"]]
