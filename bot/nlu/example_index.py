"""The matcher's second signal: BM25 over the words of each intent's examples, label and section.

Keywords are the admin's precise tool: a message matches one only when it holds all of its words. People who
never saw them write paraphrases ("does what happens in my intestines affect my brain"), which share words
with the intent's examples, its button label, and the heading and text of the article section it answers.
Each intent is one document of those words (fields weighted, FIELD_WEIGHTS), scored with Okapi BM25.

The score given to the matcher is a coverage, 0-1: the part of the message's information (the summed IDF of
its words, unknown words counting as the rarest) that the intent's document explains, saturated per word. A
message of one common word explains little however well it fits, so the denominator has a floor
(MIN_EVIDENCE). The matcher maps coverage onto its own 0-100 scale (bot.matcher.example_points).

Kept in flat arrays (one per field, not one object per posting), built once per snapshot. A word found in
more than COMMON_SHARE of the documents ("ms", "side effect") is not walked: it only adds to documents that
rarer words (or the keywords) already reached, so a message costs the postings of its rare words; and it is
kept as one bit per document with its average weight (at 10,000 synthetic intents: 92 such words held
345,000 of 368,000 postings, 2.7 MB, now 0.1 MB).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

K1 = 1.2
B = 0.75
# Keywords are left out: they are the first signal, and a second signal made of them would only echo it.
FIELD_WEIGHTS = {"example": 1.0, "label": 1.0, "text": 0.25}
COMMON_SHARE = 0.02  # of documents: a word in more is looked up only for documents reached otherwise
COMMON_MIN = 50  # ... but never fewer documents than this (small files walk everything)
UNKNOWN_SHARE = 0.6  # a word no document has counts as this share of the rarest word: maybe a topic we lack
MIN_EVIDENCE = 3.0  # the denominator's floor, in IDF units: one weak word is weak evidence


@dataclass(frozen=True, slots=True)
class Document:
    """What one intent is about: word lists already normalised by bot.matcher.index_words."""

    examples: Sequence[Sequence[str]] = ()
    labels: Sequence[Sequence[str]] = ()
    texts: Sequence[Sequence[str]] = ()

    def frequencies(self) -> Counter[str]:
        """Each word's weighted count: once per example or label it occurs in; per occurrence in text."""
        found: Counter[str] = Counter()
        for field, lists in (("example", self.examples), ("label", self.labels)):
            for words in lists:
                for word in set(words):
                    found[word] += FIELD_WEIGHTS[field]
        for words in self.texts:
            for word in words:
                found[word] += FIELD_WEIGHTS["text"]
        return found


class ExampleIndex:
    """BM25 postings of every intent's document, by intent number."""

    def __init__(self, documents: Sequence[Document], counts: Sequence[Counter[str]] | None = None) -> None:
        """`counts`: each document's `frequencies()`, when the caller has them already."""
        counts = [doc.frequencies() for doc in documents] if counts is None else counts
        self.size = len(counts)
        lengths = [sum(c.values()) for c in counts]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        frequency = Counter(word for c in counts for word in c)
        self.terms: dict[str, int] = {}
        words = sorted(frequency)
        self.idf = array("f")
        for number, word in enumerate(words):
            self.terms[word] = number
            df = frequency[word]
            self.idf.append(math.log(1 + (self.size - df + 0.5) / (df + 0.5)))
        self.max_idf = math.log(1 + (self.size + 0.5) / 0.5)
        postings: list[list[tuple[int, float]]] = [[] for _ in words]
        for doc, (found, length) in enumerate(zip(counts, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / average) if average else K1
            for word, tf in found.items():
                term = self.terms[word]
                postings[term].append((doc, tf / (tf + norm)))
        self.common = max(COMMON_MIN, int(COMMON_SHARE * self.size))
        # Rare words: their documents and weights, run after run. Common words: one bit per document and one
        # weight, their average: they say little about which intent is meant, and at 10,000 intents a few
        # hundred of them (from the sections' text) would otherwise hold nine postings in ten.
        self.starts = array("i", [0])
        self.docs = array("i")
        self.weights = array("f")
        self.common_bits: dict[int, bytes] = {}
        self.common_weight: dict[int, float] = {}
        for term, rows in enumerate(postings):
            # Relative to the word's best document: a word explained as well as any intent explains it
            # counts its full IDF, so coverage 1 means "every word, as well as anywhere".
            top = max(weight for _, weight in rows)
            if len(rows) > self.common:
                bits = bytearray((self.size + 7) // 8)
                for doc, _ in rows:
                    bits[doc >> 3] |= 1 << (doc & 7)
                self.common_bits[term] = bytes(bits)
                self.common_weight[term] = self.idf[term] * sum(w for _, w in rows) / len(rows) / top
            else:
                for doc, weight in rows:  # documents in number order: bisect works on each run
                    self.docs.append(doc)
                    self.weights.append(self.idf[term] * weight / top)
            self.starts.append(len(self.docs))

    def __len__(self) -> int:
        """Postings kept one by one (common words are kept as bits)."""
        return len(self.docs)

    def idf_of(self, word: str) -> float:
        term = self.terms.get(word)
        return self.idf[term] if term is not None else self.max_idf

    def coverage(self, message: Iterable[Sequence[tuple[str, float]]], reached: Iterable[int] = ()) -> dict[int, float]:
        """Each document's share (0-1) of the message's information. `message` gives, per message word, the
        index words it may be (itself, typo neighbours) with a 0-1 similarity; `reached` are documents the
        caller already considers (the keyword candidates), which common words are looked up for."""
        totals: dict[int, float] = {}
        evidence = 0.0
        deferred: list[list[tuple[int, float]]] = []
        for options in message:
            known = [(self.terms[w], s) for w, s in options if w in self.terms]
            if not known:
                evidence += UNKNOWN_SHARE * self.max_idf
                continue
            evidence += max(self.idf[t] * s for t, s in known)
            if any(t in self.common_bits for t, _ in known):
                deferred.append(known)
                continue
            if len(known) == 1:  # most words: one index word, each document once in its run (no max to take)
                term, similarity = known[0]
                start, end = self.starts[term], self.starts[term + 1]
                for doc, weight in zip(self.docs[start:end], self.weights[start:end], strict=True):
                    if (value := weight * similarity) > 0.0:
                        totals[doc] = totals.get(doc, 0.0) + value
                continue
            best: dict[int, float] = {}
            for term, similarity in known:
                for place in range(self.starts[term], self.starts[term + 1]):
                    value = self.weights[place] * similarity
                    doc = self.docs[place]
                    if value > best.get(doc, 0.0):
                        best[doc] = value
            for doc, value in best.items():
                totals[doc] = totals.get(doc, 0.0) + value
        if deferred:
            targets = set(totals) | set(reached)
            for known in deferred:
                best = {}
                for term, similarity in known:
                    self._spread(term, similarity, targets, best)
                for doc in targets:  # in the targets' order, as a tie among the candidates is kept in it
                    if doc in best:
                        totals[doc] = totals.get(doc, 0.0) + best[doc]
        scale = max(evidence, MIN_EVIDENCE)
        return {doc: min(1.0, total / scale) for doc, total in totals.items()}

    def _spread(self, term: int, similarity: float, targets: set[int], best: dict[int, float]) -> None:
        """Raise `best[doc]` to this word's weight in each target document that has it. One pass per word, not
        one lookup per (word, document): a common word meets a few hundred targets at 10,000 intents."""
        if (bits := self.common_bits.get(term)) is not None:
            value = self.common_weight[term] * similarity
            for doc in targets:
                if bits[doc >> 3] >> (doc & 7) & 1 and value > best.get(doc, 0.0):
                    best[doc] = value
            return
        docs, weights = self.docs, self.weights
        for place in range(self.starts[term], self.starts[term + 1]):
            if (doc := docs[place]) in targets and (value := weights[place] * similarity) > best.get(doc, 0.0):
                best[doc] = value

    def holds(self, doc: int, options: Iterable[tuple[str, float]]) -> bool:
        """Whether document `doc` has one of these words."""
        return any(w in self.terms and self._weight(self.terms[w], doc) > 0 for w, _ in options)

    def _weight(self, term: int, doc: int) -> float:
        if (bits := self.common_bits.get(term)) is not None:
            return self.common_weight[term] if bits[doc >> 3] >> (doc & 7) & 1 else 0.0
        start, end = self.starts[term], self.starts[term + 1]
        place = bisect_left(self.docs, doc, start, end)
        return self.weights[place] if place < end and self.docs[place] == doc else 0.0
