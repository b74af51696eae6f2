"""Fuzzy keyword matching of a message against every intent.

Built once per snapshot of `intents.yaml`; `match()` is pure and thread-safe.

How it stays fast at thousands of intents (cost grows with the message, not the file):
* every keyword word is in a vocabulary; a typo in the message finds its vocabulary
  word through a deletion index (SymSpell-style: the word with one letter removed),
  then `rapidfuzz` checks the edit distance; no scan over the vocabulary;
* a keyword is filed only under its rarest word(s), so a common word such as "ms"
  does not pull in every keyword that contains it;
* scoring touches only the keywords reached that way.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import OSA

from bot.intents import Intent, MatchSettings
from bot.normalise import content_tokens

Status = Literal["matched", "ambiguous", "fallback"]

KEYWORD_WEIGHT = 0.85  # a perfect one-word match scores 85; the rest of the scale rewards specificity
EXTRA_WORD_BONUS = 5.0  # per further message word explained by the same intent
EXTRA_WORD_BONUS_CAP = 15.0
UNEXPLAINED_PENALTY = 6.0  # per message word the intent does not explain ("ms word": "word")
UNEXPLAINED_PENALTY_CAP = 24.0
UNKNOWN_WORD_WEIGHT = 0.6  # a message word no keyword knows ("husband", "word", "knee")
MIN_WORD_WEIGHT = 0.25
GENERIC_KEYWORD_FACTOR = 0.85  # value kept by a keyword of the commonest words
MIN_MISSING_WEIGHT = 0.0  # a known topic word left unexplained costs at least this much, however common
SMALLTALK_PENALTY = 12.0  # greetings, thanks, help answer whole messages: "help" inside a question is not one
TYPO_COST = 8.0  # similarity lost per edit: "sclerosys" is a 92 match for "sclerosis"
MAX_CANDIDATES = 5
# Spelled-out terms and the abbreviation they fold into (stemmed words). The disease name matters most:
# "multiple sclerosis" is then as common (and as weak a clue to the topic) as "ms".
PHRASES: dict[tuple[str, ...], str] = {
    ("multiple", "sclerosis"): "ms",
    ("central", "nervous", "system"): "cns",
    ("blood", "brain", "barrier"): "bbb",
    ("vagus", "nerve", "stimulation"): "vns",
    ("vagus", "nerve", "stimulator"): "vns",
    ("traumatic", "brain", "injury"): "tbi",
}


_SUFFIXES = (("ness", ""), ("ment", ""), ("ing", ""), ("ed", ""))


def stem(word: str) -> str:
    """Light suffix folding, the same for keywords and messages, so that word forms meet:
    "seizures"/"seizure", "treated"/"treatment"/"treating", "stiffness"/"stiff", "therapies"/"therapy".
    Also "ph" -> "f", the commonest spelling slip in medical words ("fisio", "farmacoresistance").
    """
    word = word.replace("ph", "f")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, replacement in _SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 4 and any(c in "aeiouy" for c in base):
            if suffix in ("ing", "ed") and len(base) > 4 and base[-1] == base[-2] and base[-1] not in "aeiouys" \
                    and (base[-1] != "l" or len(base) > 5):
                base = base[:-1]  # "stopped" -> "stop", "controlled" -> "control"; not "spell", "assess"
            return base + replacement
    return word


def match_words(text: str) -> list[str]:
    """The message words the matcher compares: normalised, filler removed, word forms and phrases folded."""
    return list(dict.fromkeys(fold_phrases([stem(word) for word in content_tokens(text)])))


def fold_phrases(words: list[str]) -> list[str]:
    """Write a spelled-out term as its abbreviation ("multiple sclerosys" -> "ms"), typos allowed, so that
    the long form counts as one word and weighs what the abbreviation weighs."""
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, short in PHRASES.items():
            part = words[i:i + len(phrase)]
            if len(part) == len(phrase) and all(_close(w, p) for w, p in zip(part, phrase, strict=True)):
                out.append(short)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _close(word: str, target: str) -> bool:
    return word == target or OSA.distance(word, target, score_cutoff=max_edits(target)) <= max_edits(target)


def max_edits(word: str) -> int:
    """Typos tolerated in a word of this length: none for short words like "ms" or "mri"."""
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 7 else 2


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


@dataclass(frozen=True, slots=True)
class Candidate:
    """One intent's score for a message, and the keyword that earned it."""

    intent_id: str
    score: float
    keyword: str
    kind: str
    words: tuple[str, ...] = ()  # the message words this intent explained
    strength: float = 0.0  # the best keyword's own match (0-100), before bonus and penalty


@dataclass(frozen=True, slots=True)
class Match:
    """What the matcher decided for one message."""

    status: Status
    intent_id: str | None
    score: float
    keyword: str | None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""

    @property
    def runner_up(self) -> Candidate | None:
        return self.candidates[1] if len(self.candidates) > 1 else None


@dataclass(slots=True)
class _Keyword:
    intent: int
    text: str
    words: tuple[int, ...]  # vocabulary ids
    required: int  # words that must be found
    specificity: float = 1.0  # weight of its most telling word: "hsct" 1.0, "multiple sclerosis" lower


@dataclass(slots=True)
class _Index:
    vocab: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    deletes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    postings: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    keywords: list[_Keyword] = field(default_factory=list)
    buckets: dict[tuple[str, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    weights: list[float] = field(default_factory=list)

    def word_id(self, word: str) -> int:
        found = self.vocab.get(word)
        if found is None:
            found = self.vocab[word] = len(self.words)
            self.words.append(word)
            for variant in _deletes(word, 1 if max_edits(word) else 0):
                self.deletes[variant].append(found)
            if max_edits(word) > 1:
                self.buckets[(word[0], len(word))].append(word)
        return found


class Matcher:
    """Scores messages against the keywords of topical, smalltalk and out-of-scope intents."""

    def __init__(self, intents: Iterable[Intent], settings: MatchSettings) -> None:
        self.settings = settings
        self.intents = [i for i in intents if i.kind != "safety"]
        # Keywords that read the same as another intent's after filler words go ("how do you get ms" is
        # "ms"): the first intent keeps it; `check` reports the others.
        self.shadowed: list[tuple[str, str, str]] = []  # (intent id, keyword, intent that owns it)
        self._index = self._build()
        self._lookup = lru_cache(maxsize=20_000)(self._lookup_word)

    def _build(self) -> _Index:
        index = _Index()
        owner: dict[tuple[str, ...], int] = {}
        raw: list[tuple[int, str, tuple[str, ...]]] = []
        for number, intent in enumerate(self.intents):
            for keyword in intent.keywords:
                words = tuple(match_words(keyword))
                if not words:
                    continue
                first = owner.setdefault(words, number)
                if first == number:
                    raw.append((number, keyword, words))
                else:
                    self.shadowed.append((intent.id, keyword, self.intents[first].id))
        intents_with: dict[str, set[int]] = defaultdict(set)
        for number, _, words in raw:
            for word in words:
                intents_with[word].add(number)
        frequency = {w: len(n) for w, n in intents_with.items()}
        for number, text, words in raw:
            ids = tuple(index.word_id(w) for w in words)
            required = len(ids) if len(ids) <= 2 else len(ids) - 1
            keyword_id = len(index.keywords)
            index.keywords.append(_Keyword(number, text, ids, required))
            # File it under enough of its rarest words that any acceptable match reaches it.
            anchors = sorted(set(ids), key=lambda i: frequency[index.words[i]])[: len(ids) - required + 1]
            for word in anchors:
                index.postings[word].append(keyword_id)
        # How much a word says about which intent is meant: 1 for a word of one intent, less for shared ones.
        total = max(len(self.intents), 2)
        index.weights = [max(MIN_WORD_WEIGHT, 1 - math.log(frequency[w]) / math.log(total))
                         for w in index.words]
        for keyword in index.keywords:
            keyword.specificity = max(index.weights[w] for w in keyword.words)
        index.deletes = dict(index.deletes)
        index.buckets = dict(index.buckets)
        index.postings = dict(index.postings)
        return index

    def _lookup_word(self, word: str) -> tuple[tuple[int, float], ...]:
        """Vocabulary words within the typo allowance of `word`, with a 0-100 similarity."""
        index = self._index
        exact = index.vocab.get(word)
        if exact is not None and max_edits(word) == 0:
            return ((exact, 100.0),)
        candidates: set[int] = set()
        for variant in _deletes(word, max_edits(word)):
            if variant in index.vocab:
                candidates.add(index.vocab[variant])
            candidates.update(index.deletes.get(variant, ()))
        if max_edits(word) > 1:
            # Two typos in a long word: compare with the long words of similar length and same first letter.
            for length in range(len(word) - 2, len(word) + 3):
                for other in index.buckets.get((word[0], length), ()):
                    candidates.add(index.vocab[other])
        found = []
        for word_id in candidates:
            other = index.words[word_id]
            allowed = min(max_edits(word), max_edits(other))
            distance = OSA.distance(word, other, score_cutoff=allowed)
            if distance <= allowed:
                found.append((word_id, 100.0 - TYPO_COST * distance))
        return tuple(found)

    def score(self, text: str) -> list[Candidate]:
        """Every intent that some keyword reached, best first."""
        index = self._index
        words = match_words(text)
        similarity: dict[int, tuple[float, str]] = {}
        weight: dict[str, float] = {}
        known: set[str] = set()
        for word in words:
            found = self._lookup(word)
            if found:
                known.add(word)
            weight[word] = max((index.weights[i] for i, _ in found), default=UNKNOWN_WORD_WEIGHT)
            for word_id, value in found:
                if value > similarity.get(word_id, (0.0, ""))[0]:
                    similarity[word_id] = (value, word)
        best: dict[int, tuple[float, str]] = {}
        explained: dict[int, set[str]] = defaultdict(set)
        reached = {k for w in similarity for k in index.postings.get(w, ())}
        for keyword_id in reached:
            keyword = index.keywords[keyword_id]
            hits = [similarity[w] for w in keyword.words if w in similarity]
            if len(hits) < keyword.required:
                continue
            value = sum(h[0] for h in hits) / len(keyword.words)
            # A keyword of words many intents share ("ms", "multiple sclerosis") yields to a specific one ("hsct").
            value *= GENERIC_KEYWORD_FACTOR + (1 - GENERIC_KEYWORD_FACTOR) * keyword.specificity
            explained[keyword.intent].update(h[1] for h in hits)
            if value > best.get(keyword.intent, (0.0, ""))[0]:
                best[keyword.intent] = (value, keyword.text)
        candidates = []
        for number, (value, keyword_text) in best.items():
            intent = self.intents[number]
            covered = explained[number]
            covered_weights = sorted((weight[w] for w in covered), reverse=True)
            bonus = min(EXTRA_WORD_BONUS * sum(covered_weights[1:]), EXTRA_WORD_BONUS_CAP)
            missing = sum(weight[w] if w not in known else max(weight[w], MIN_MISSING_WEIGHT)
                          for w in words if w not in covered)
            if intent.kind == "smalltalk":
                penalty = SMALLTALK_PENALTY * missing
            else:
                penalty = min(UNEXPLAINED_PENALTY * missing, UNEXPLAINED_PENALTY_CAP)
            final = max(0.0, min(100.0, KEYWORD_WEIGHT * value + bonus - penalty))
            candidates.append(Candidate(intent.id, round(final, 1), keyword_text, intent.kind,
                                        tuple(sorted(covered)), round(value, 1)))
        return sorted(candidates, key=lambda c: (-c.score, -len(c.words), c.intent_id))

    def match(self, text: str) -> Match:
        """Decide: one intent, a tie between two, or the fallback."""
        scored = self.score(text)
        candidates = tuple(scored[:MAX_CANDIDATES])
        if not candidates or candidates[0].score < self.settings.threshold:
            top = candidates[0].score if candidates else 0.0
            return Match("fallback", None, top, None, candidates, "below threshold")
        first = candidates[0]
        if first.kind == "out_of_scope" or any(self._outside(c, first) for c in scored[1:]):
            return Match("fallback", None, first.score, first.keyword, candidates, "out of scope")
        # A runner-up is a real alternative only if it has evidence of its own: "ms" alone is no rival to "ms meds".
        close = [c for c in candidates[1:] if first.score - c.score < self.settings.ambiguity_margin
                 and not set(c.words) <= set(first.words)]
        if close:
            return Match("ambiguous", None, first.score, first.keyword, candidates, "top two too close")
        return Match("matched", first.intent_id, first.score, first.keyword, candidates)

    def _outside(self, other: Candidate, first: Candidate) -> bool:
        """An out-of-scope keyword that matches well on words the best intent leaves unexplained says the
        message is about something we do not cover ("stem cells for knee injury", "antibody test after covid")."""
        return (other.kind == "out_of_scope" and KEYWORD_WEIGHT * other.strength >= self.settings.threshold
                and not set(other.words) <= set(first.words))
