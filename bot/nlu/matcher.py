"""Fuzzy keyword matching of a message against every intent.

Built once per snapshot of `intents.yaml`; `match()` is pure and thread-safe.

Words: messages and keywords go through the same steps, so they meet however they are typed: filler words
dropped (`bot.normalise.STOPWORDS`), light stemming ("treated"/"treatment", "caused"/"cause"), spelled-out
terms folded into their abbreviation ("multiple sclerosis" -> "ms"), and synonyms sharing one vocabulary entry
("fits"/"seizures", "tablets"/"medication"): both lists are in `bot.lexicon`.

Scoring an intent: its best keyword (all words found, or for 3+ words all but one that is not its rarest;
typos cost a little),
plus a bonus for further message words its other keywords explain, minus a penalty for the words it leaves
unexplained, weighed against what it does explain. Words shared by many intents ("ms", "seizure") weigh
little, so the disease name sets the scene and the specific word ("hsct") decides.

The matcher gathers evidence and decides nothing: `evidence()` gives the scored candidates, how much each
message word says, and the health words no article covers; `bot.core.decide` reads them (threshold, "Did you
mean", out of scope) with everything else that decides a turn. An intent about one disease is never a
candidate for a message that names only the other.

How it stays fast at thousands of intents (cost grows with the message, not the file):
* every keyword word is in a vocabulary; a typo in the message finds its vocabulary
  word through a deletion index (SymSpell-style: each word is filed under itself with
  one or two letters removed, as many as its typo allowance), then `rapidfuzz` checks
  the edit distance; no scan over the vocabulary;
* a keyword is filed only under its rarest word, which every match of it contains, so a
  common word such as "ms" or "side effects" does not pull in every keyword that has it;
* scoring touches only the keywords reached that way.
"""

from __future__ import annotations

import copy
import heapq
import itertools
import math
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz.distance import OSA

from bot.content.intent import Intent, MatchSettings
from bot.nlu.example_index import Document, ExampleIndex
from bot.nlu.lexicon import OTHER_HEALTH_WORDS, PHRASES, SYNONYM_GROUPS
from bot.nlu.message import Message
from bot.nlu.normalise import NEGATIONS, STOPWORDS, clean, content_tokens, is_plain, squeeze, tokens
from bot.nlu.safety_phrases import NUMBER_WORDS

SUBJECT_LETTERS = 4  # shorter words are texting filler ("tho", "n", "bc") more often than a subject
Lookups = list[tuple[str, tuple[tuple[str, int], ...]]]  # per compared word: (spelling, typos allowed) to look up

KEYWORD_WEIGHT = 0.85  # a perfect one-word match scores 85; the rest of the scale rewards specificity
EXTRA_WORD_BONUS = 7.0  # per further message word (by weight) explained by the same intent
EXTRA_WORD_BONUS_CAP = 15.0
UNEXPLAINED_PENALTY = 6.0  # per unexplained word, relative to what the intent explains ("ms word": "word")
UNEXPLAINED_PENALTY_CAP = 24.0
SHORT_MESSAGE_WORDS = 12  # typed words; beyond this the cap shrinks, as most words of a long story are story
UNKNOWN_WORD_WEIGHT = 1.0  # a word no keyword knows ("convert", "seconds") may be the message's real topic
MIN_WORD_WEIGHT = 0.25
SMALLTALK_PENALTY = 12.0  # per other word: greetings, thanks, help answer whole messages, not "... thanks"
# when a message lacks most filler words of a smalltalk keyword: in "I see" the "see" of "see you" is not a
# goodbye, nor the "done" of "i'm done" in "what can be done about it"
SMALLTALK_FILLER_PENALTY = 18.0
# ... and of a handover keyword, made of the same everyday words: "not a bot" reads as "not", "actual person" as
# "actual", "talk to someone today" as "today"; without "a bot" or "person", "why would they not work" is no
# request for a human
FILLER_KINDS = frozenset(("smalltalk", "handover"))
# Words that name who a handover is to: a handover keyword read without any of them needs its filler words said
_PERSON_WORDS = frozenset(("human", "person", "people", "someone", "somebody", "nurse", "staff", "team", "advisor",
                           "adviser", "doctor", "bot", "robot"))  # ("instead of a bot": not "instead of her meds")  # as keyword_reading spells them (stemmed: "humans" is "human")
TYPO_COST = 8.0  # similarity lost per edit: "sclerosys" is a 92 match for "sclerosis"
MAX_CANDIDATES = 5
# Bounded work per message, whatever it holds (see `Matcher._lookups`):
MAX_TYPO_WORD = 30  # letters; a longer word is looked up exactly: its typo variants grow with its length squared
TYPO_VARIANT_BUDGET = 1_200  # typo variants looked up per message (real ones need at most ~550); past it, exactly
MAX_MATCH_WORDS = 32  # distinct words compared per message (real questions have under 20; the rest is a story)
MIN_COVERAGE = 0.2  # an intent only the second signal reached must explain this much of the message


# The second signal's calibration: example-only answers are as often right as keyword answers at the
# threshold (68) from this coverage on (measured on the development sets: `python -m bot evaluate
# --calibration` prints both signals' precision by score band).
EXAMPLE_COVERAGE_AT_THRESHOLD = 0.80
EXAMPLE_SLOPE = 75.0  # points per unit of coverage around that point
EXAMPLE_MIN_WORDS = 2  # the second signal alone answers only a message sharing this many words with the intent
AGREEMENT = 0.15  # share of the weaker signal added when both point at the same intent ...
AGREEMENT_FLOOR = 20.0  # ... and it scores at least this much (under it, a word or two in common is noise)
# Within one article (Matcher._within_article): the examples' choice leads when it beats the keywords' choice
# by this much on the example signal, while the keywords' lead for theirs is under KEYWORD_LEAD points.
EXAMPLE_LEAD = 15.0
KEYWORD_LEAD = 40.0
FOREIGN_PENALTY = 24.0  # per health word the articles do not cover and the intent does not explain


def foreign_words(message: Message, foreign: frozenset[str]) -> tuple[str, ...]:
    """The words of `foreign` (health words no topic covers) in a short message ("lupus rash on my face"). In a
    long story they are more often part of the story ("never smoked") than its question, and count for nothing."""
    if len(message.words) > SHORT_MESSAGE_WORDS:
        return ()
    return tuple(w for w in message_words(message) if canonical_word(w) in foreign)


_ARTICLES = frozenset(("a", "an", "the"))  # in every other message: "not a candidate" is not "not a bot"


@lru_cache(maxsize=4096)
def filler_words(keyword: str) -> tuple[str, ...]:
    """The filler words of a keyword's text (those matching drops), as a message's words spell them."""
    return tuple(w for w in clean(keyword).split() if w in STOPWORDS and w not in _ARTICLES)


def example_points(coverage: float, threshold: float = 68.0) -> float:
    """The second signal on the keyword scale: coverage 0-1 -> 0-100, `threshold` where example-only answers
    become as reliable as keyword answers at the threshold."""
    return max(0.0, min(100.0, threshold + EXAMPLE_SLOPE * (coverage - EXAMPLE_COVERAGE_AT_THRESHOLD)))


def combine(keyword: float, example: float) -> float:
    """One score from both signals: the stronger one, plus a share of the other when it agrees, that is when it
    scores well on its own (a weak second opinion lifts nothing over the threshold)."""
    low = min(keyword, example)
    return min(100.0, max(keyword, example) + (AGREEMENT * low if low >= AGREEMENT_FLOOR else 0.0))
_SUFFIXES = (("ness", ""), ("ment", ""), ("ing", ""), ("ed", ""))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """Light suffix folding, the same for keywords and messages, so that word forms meet:
    "seizures"/"seizure", "treated"/"treatment"/"treating", "stiffness"/"stiff", "therapies"/"therapy",
    "caused"/"cause". Also "ph" -> "f", the commonest spelling slip in medical words ("fisio").
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
            word = base + replacement
            break
    if len(word) > 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]  # "cause" meets "caused" in "caus", "relapse" meets "relapsing"
    return word


SYNONYMS: dict[str, tuple[str, ...]] = {stem(group[0]): tuple(stem(w) for w in group[1:]) for group in SYNONYM_GROUPS}
_CANONICAL = {spelling: canonical for canonical, spellings in SYNONYMS.items() for spelling in spellings}
# Health words the articles do not cover, as the matcher writes them.
FOREIGN_WORDS = frozenset(_CANONICAL.get(stem(word), stem(word)) for word in OTHER_HEALTH_WORDS)
PHRASES: dict[tuple[str, ...], str] = {
    tuple(_CANONICAL.get(stem(w), stem(w)) for w in long.split() if w != "to"): short
    for long, short in PHRASES.items()
}
# The diseases the bot covers, by the words that name them. A topical intent whose keywords name only one of
# them never answers a message that names only the other: "immunotherapy for ms" is not the epilepsy text.
_DISEASES = {"ms": "ms", "epilepsy": "epilepsy", "epileptic": "epilepsy", "seizure": "epilepsy"}
DISEASES = {stem(word): disease for word, disease in _DISEASES.items()}


def _phrases_by_letter() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The phrases by the first letter of their first word, in any of its synonyms ("drug resistant")."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for phrase, short in PHRASES.items():
        for letter in {phrase[0][0], *(spelling[0] for spelling in SYNONYMS.get(phrase[0], ()))}:
            found[letter].append((phrase, short))
    return {letter: tuple(phrases) for letter, phrases in found.items()}


_PHRASES_BY_LETTER = _phrases_by_letter()


def canonical_word(word: str) -> str:
    """The spelling a synonym group is filed under ("fit" -> "seizure")."""
    return _CANONICAL.get(word, word)


def match_words(text: str) -> list[str]:
    """The words the matcher compares in a text (a keyword, a paragraph): normalised, filler removed, word
    forms and phrases folded."""
    return list(dict.fromkeys(word for word, _ in _typed_words(text)))


def _needs_of(intents: list[Intent]) -> dict[int, tuple[frozenset[str], ...]]:
    """Intent number -> the word sets of its `needs_one_of` entries (read like keywords), for those that have any."""
    return {number: tuple(frozenset(words) for entry in intent.needs_one_of if (words := index_words(entry)))
            for number, intent in enumerate(intents) if intent.needs_one_of}


_NUMBER_STEMS = frozenset(stem(word) for word in NUMBER_WORDS)  # "twelve" reads "twelv"


def message_words(message: Message) -> tuple[str, ...]:
    """`match_words` of a message, read once per message."""
    return message.reading("matcher.words", lambda m: tuple(dict.fromkeys(w for w, _ in _message_typed_words(m))))


def index_words(text: str) -> list[str]:
    """`match_words` with synonyms written as their group's word: the second signal's vocabulary."""
    return [canonical_word(word) for word in match_words(text)]


def keyword_reading(keyword: str) -> tuple[str, ...]:
    """What decides whether two keywords are the same one for the matcher: their words after filler is
    dropped, forms folded and synonyms merged, in any order ("ms tiredness" and "fatigue in ms" read alike)."""
    return tuple(sorted({canonical_word(word) for word in match_words(keyword)}))


def _typed_words(text: str) -> list[tuple[str, str]]:
    """Each compared word of a keyword or a text with the word as typed (ph as f): a typo can keep a word from
    being stemmed."""
    return _typed_from(content_tokens(text))


def _message_typed_words(message: Message) -> tuple[tuple[str, str], ...]:
    """`_typed_words` of a message, read once per message."""
    return message.reading("matcher.typed", lambda m: tuple(_typed_from(m.content_words)))


def _typed_from(words: Sequence[str]) -> list[tuple[str, str]]:
    typed = [word.replace("ph", "f") for word in words]
    return fold_phrases([(stem(word), word) for word in typed])


class _KeywordReader:
    """`_typed_words` for the keywords and texts of a big file, remembering each word: 250,000 keywords and
    50,000 examples hold only a few thousand distinct words, so a load normalises each word once rather than
    each text. Gives exactly what `_typed_words` gives (the tests compare the two on every shipped and
    synthetic keyword, example, label and section text)."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[bool, tuple[str, str], tuple[str, str], bool]] = {}

    def __call__(self, keyword: str) -> list[tuple[str, str]]:
        # Capitals, accents, punctuation: cleaned whole first (`clean`'s words are already squeezed, so the
        # word step below gives them what `content_words` and `_typed_from` would).
        return self._read(keyword.split() if is_plain(keyword) else tokens(keyword))

    def _read(self, words: list[str]) -> list[tuple[str, str]]:
        known, word_of = self._words.get, self._word
        read = [known(word) or word_of(word) for word in words]  # the cache inline: 1.5 million words a load
        kept = [r[1] for r in read if r[0]]
        found = kept or [r[2] for r in read]  # all filler: keep every word, as content_tokens() does
        return fold_phrases(found) if any(r[3] for r in read) else found

    def index_words(self, text: str) -> list[str]:
        """`index_words(text)`. Without a phrase to fold, only the order of first appearance matters, so each
        distinct word is read once: a section text repeats its words."""
        words = text.split() if is_plain(text) else tokens(text)
        known, word_of = self._words.get, self._word
        read = [known(word) or word_of(word) for word in dict.fromkeys(words)]
        if any(r[3] for r in read):  # a phrase may fold: every word, in order
            return [canonical_word(word) for word in dict.fromkeys(word for word, _ in self._read(words))]
        stems = [r[1][0] for r in read if r[0]] or [r[2][0] for r in read]
        return [canonical_word(word) for word in dict.fromkeys(stems)]

    def _word(self, word: str) -> tuple[bool, tuple[str, str], tuple[str, str], bool]:
        """(is it a content word, its (stem, typed) pair, the pair if all words are kept, may it start a phrase)"""
        if (known := self._words.get(word)) is None:
            squeezed = squeeze(word)
            kept = squeezed not in STOPWORDS and not squeezed.isdigit()
            typed = ("not" if squeezed in NEGATIONS else squeezed).replace("ph", "f")
            plain = squeezed.replace("ph", "f")
            as_kept, as_plain = (stem(typed), typed), (stem(plain), plain)
            folds = bool(_phrases_from(as_kept[0]) or _phrases_from(as_plain[0]))
            known = self._words[word] = (kept, as_kept, as_plain, folds)
        return known


def fold_phrases(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Write a spelled-out term as its abbreviation ("multiple sclerosys" -> "ms"), typos allowed, so that
    the long form counts as one word and weighs what the abbreviation weighs."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for phrase, short in _phrases_from(words[i][0]):
            part = words[i + 1:i + len(phrase)]
            if len(part) == len(phrase) - 1 and all(_close(w, p) for (w, _), p in zip(part, phrase[1:], strict=True)):
                out.append((short, short))
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


@lru_cache(maxsize=20_000)
def _phrases_from(word: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The phrases whose first word `word` could be."""
    return tuple((phrase, short) for phrase, short in _PHRASES_BY_LETTER.get(word[0], ()) if _close(word, phrase[0]))


def _close(word: str, target: str) -> bool:
    word = canonical_word(word)
    allowed = max_edits(target)
    return word == target or (word[0] == target[0] and abs(len(word) - len(target)) <= allowed
                              and OSA.distance(word, target, score_cutoff=allowed) <= allowed)


def max_edits(word: str) -> int:
    """Typos tolerated in a word of this length: none for short words like "ms" or "mri", nor for words longer
    than any real one (`MAX_TYPO_WORD`): those are compared exactly."""
    if len(word) <= 4 or len(word) > MAX_TYPO_WORD:
        return 0
    return 1 if len(word) <= 7 else 2


def variant_count(word: str, edits: int) -> int:
    """How many typo variants (`_deletes`) a word has at most: the cost of looking it up."""
    size = len(word)
    return 1 + (size if edits >= 1 else 0) + (size * (size - 1) // 2 if edits >= 2 else 0)


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


class Candidate(NamedTuple):
    """One intent's score for a message, and the keyword that earned it. A named tuple, not a frozen dataclass:
    a message with common words at 10,000 intents makes hundreds, and a tuple is made five times faster."""

    intent_id: str
    score: float
    keyword: str
    kind: str
    words: tuple[str, ...] = ()  # the message words this intent explained
    strength: float = 0.0  # the best keyword's own match (0-100), before bonus and penalty
    share: float = 0.0  # the part of the message (by word weight, or the second signal's coverage) explained, 0-1
    keyword_score: float = 0.0  # the keyword signal alone (0-100)
    example_score: float = 0.0  # the example signal alone, on the same scale (see example_points)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the matcher found in one message; `bot.core.decide` reads it into a verdict."""

    candidates: tuple[Candidate, ...]  # every intent some signal reached, best first
    weights: Mapping[str, float]  # how much each compared message word says about which intent is meant
    foreign: tuple[str, ...]  # health words of the message that no article covers ("rash")


def _variant_key(variant: str) -> int:
    """A stable 30-bit key for a deletion variant (str hashes change per process; the index is pickled; 30 bits
    keep each a small int). Two variants sharing a key only add a candidate the edit-distance check drops."""
    return zlib.crc32(variant.encode()) & 0x3FFF_FFFF


@dataclass(slots=True)
class _Index:
    """The matcher's index, kept in flat arrays rather than an object per keyword or variant: at 10,000
    intents (250,000 keywords, 200,000 typo variants) that is about 13 MB instead of 145."""

    vocab: dict[str, int] = field(default_factory=dict)  # spelling (stemmed) -> word id; synonyms share an id
    words: list[str] = field(default_factory=list)  # word id -> its canonical spelling
    weights: list[float] = field(default_factory=list)  # word id -> how much it says about which intent is meant
    spellings: list[str] = field(default_factory=list)  # every spelling in `vocab`, numbered
    variant_keys: array = field(default_factory=lambda: array("I"))  # sorted keys of each spelling with up to
    variant_spellings: array = field(default_factory=lambda: array("i"))  # 2 letters removed; its spelling number
    postings: dict[int, array] = field(default_factory=dict)  # word id -> one-word keywords
    pair_keys: array = field(default_factory=lambda: array("q"))  # sorted rarest * len(words) + other...
    pair_starts: array = field(default_factory=lambda: array("i"))  # ...and where its run of pair_keywords starts
    pair_keywords: array = field(default_factory=lambda: array("i"))
    keyword_intent: array = field(default_factory=lambda: array("i"))  # keyword number -> intent number
    keyword_text: array = field(default_factory=lambda: array("i"))  # -> its place in the intent's keywords
    keyword_required: array = field(default_factory=lambda: array("b"))  # words that must be found
    keyword_pair_need: array = field(default_factory=lambda: array("b"))  # ... of them, found through pairs
    keyword_starts: array = field(default_factory=lambda: array("i"))  # -> its run of keyword_words (word ids)
    keyword_words: array = field(default_factory=lambda: array("i"))
    pair_firsts: frozenset[int] = frozenset()  # the words some pair is filed under first
    diseases: list[frozenset[str]] = field(default_factory=list)  # intent number -> the diseases it names
    disease_words: frozenset[int] = frozenset()  # the word ids that name a disease

    def near(self, variant: str) -> list[str]:
        """The spellings filed under `variant` (a word with letters removed, or the word itself)."""
        keys, key = self.variant_keys, _variant_key(variant)
        at = bisect_left(keys, key)
        found = []
        while at < len(keys) and keys[at] == key:
            found.append(self.spellings[self.variant_spellings[at]])
            at += 1
        return found

    def reached(self, word_ids: Iterable[int]) -> set[int]:
        """The keywords a message with these words can match: one-word keywords filed under one of them, and
        longer ones filed under a (rarest, other) pair of them."""
        return set(self._pairs_found(word_ids))

    def enough(self, word_ids: Iterable[int]) -> list[int]:
        """The reached keywords that hold enough of these words to match, in file order. A keyword is filed
        under one pair per other word, so the pairs found count its words without reading them: at 10,000
        intents "why do people with ms get leg itching" reaches 669 keywords, of which 283 hold enough."""
        need = self.keyword_pair_need
        return sorted(keyword for keyword, found in self._pairs_found(word_ids).items() if found >= need[keyword])

    def _pairs_found(self, word_ids: Iterable[int]) -> Counter[int]:
        """Reached keyword -> how many of its pairs (or its one word) these words found."""
        reached: Counter[int] = Counter()
        ids = list(word_ids)
        for word in ids:
            if (posting := self.postings.get(word)) is not None:
                reached.update(posting)
        size, keys, starts = len(self.words), self.pair_keys, self.pair_starts
        present = set(ids)
        for first in ids:
            if first not in self.pair_firsts:
                continue
            low = bisect_left(keys, first * size)  # the pairs filed under `first` sit together
            high = bisect_left(keys, (first + 1) * size, low)
            # Walk whichever is shorter, the pairs filed under `first` or the message's words: a message of many
            # words then costs at most (its words x their pairs), never (its words squared) bisections.
            if high - low <= len(ids):
                found = [at for at in range(low, high) if keys[at] - first * size in present]
            else:
                found = [at for other in ids if (at := bisect_left(keys, first * size + other, low, high)) < high
                         and keys[at] == first * size + other]
            for at in found:
                reached.update(self.pair_keywords[starts[at]:starts[at + 1]])
        return reached


class _IndexBuilder:
    """Collects words and keywords in dicts and lists, then packs them into an `_Index`."""

    def __init__(self) -> None:
        self.index = _Index()
        self.variants: list[int] = []  # variant key << 24 | spelling number: ints sort much faster than tuples
        self.postings: dict[int, list[int]] = defaultdict(list)
        self.pairs: dict[tuple[int, int], list[int]] = defaultdict(list)

    def word_id(self, word: str) -> int:
        """The id of `word`; its synonyms (and their typos) are filed under the same id."""
        index = self.index
        found = index.vocab.get(word)
        if found is None:
            canonical = canonical_word(word)
            found = index.vocab.get(canonical)
            if found is None:
                found = len(index.words)
                index.words.append(canonical)
            for spelling in (canonical, *SYNONYMS.get(canonical, ())):
                self.add_spelling(spelling, found)
        return found

    def add_spelling(self, spelling: str, word_id: int) -> None:
        index = self.index
        if spelling in index.vocab:
            return
        index.vocab[spelling] = word_id
        number = len(index.spellings)
        index.spellings.append(spelling)
        # Filed under itself with up to as many letters removed as it tolerates typos, like the message word
        # is looked up: two words within the typo allowance always share a variant (SymSpell).
        self.variants.extend(_variant_key(v) << 24 | number for v in _deletes(spelling, max_edits(spelling)))

    def add_keywords(self, keywords: Iterable[tuple[int, int, tuple[int, ...], int]]) -> None:
        """File each (intent, place in its keywords, word ids, rarest word id)."""
        intent_of, text_of, required, pair_need, starts, words = [], [], [], [], [], []
        postings, pairs = self.postings, self.pairs
        for keyword, (intent, text, ids, rarest) in enumerate(keywords, len(self.index.keyword_intent)):
            intent_of.append(intent)
            text_of.append(text)
            # A keyword of 3+ words may miss one word, but not its rarest (it is reached only through it).
            required.append(len(ids) if len(ids) <= 2 else len(ids) - 1)
            pair_need.append(required[-1] - ids.count(rarest))  # the rarest has no pair of its own
            starts.append(len(words))
            words.extend(ids)
            if len(ids) == 1:
                postings[rarest].append(keyword)
            for other in ids:
                if other != rarest:
                    pairs[(rarest, other)].append(keyword)
        index = self.index
        offset = len(index.keyword_words)
        index.keyword_intent.extend(intent_of)
        index.keyword_text.extend(text_of)
        index.keyword_required.extend(required)
        index.keyword_pair_need.extend(pair_need)
        index.keyword_starts.extend(start + offset for start in starts)
        index.keyword_words.extend(words)

    def pack(self) -> _Index:
        index = self.index
        index.keyword_starts.append(len(index.keyword_words))
        self.variants.sort()
        index.variant_keys = array("I", (packed >> 24 for packed in self.variants))
        index.variant_spellings = array("i", (packed & 0xFF_FFFF for packed in self.variants))
        index.postings = {word: array("i", keywords) for word, keywords in self.postings.items()}
        size = len(index.words)
        for (rarest, other), keywords in sorted(self.pairs.items()):
            index.pair_keys.append(rarest * size + other)
            index.pair_starts.append(len(index.pair_keywords))
            index.pair_keywords.extend(keywords)
        index.pair_starts.append(len(index.pair_keywords))
        index.pair_firsts = frozenset(rarest for rarest, _ in self.pairs)
        return index


class Matcher:
    """Scores messages against the keywords of topical, smalltalk and out-of-scope intents."""

    def __init__(self, intents: Iterable[Intent], settings: MatchSettings,
                 sections: Mapping[tuple[str, str], tuple[str, str]] | None = None) -> None:
        """`sections`: (article, section id) -> (heading, text), the second signal's words for each topical
        intent besides its examples, label and keywords."""
        self.settings = settings
        self.intents = [i for i in intents if i.kind != "safety"]
        self._articles = {i.id: i.article for i in self.intents if i.article}
        # Keywords that read the same as another intent's after filler words go ("how do you get ms" is
        # "ms"): the first intent keeps it; `check` reports the others.
        self.shadowed: list[tuple[str, str, str]] = []  # (intent id, keyword, intent that owns it)
        self._index = self._build()
        self._lookup = lru_cache(maxsize=20_000)(self._lookup_word)
        self._examples, self._foreign = self._example_index(sections or {})
        self._needs = _needs_of(self.intents)

    def with_sections(self, intents: Iterable[Intent], sections: Mapping[tuple[str, str], tuple[str, str]]) -> Matcher:
        """The same keyword index with the second signal built again from `intents` (same ids, kinds and
        keywords, in the same order; new examples, labels or sections): an article edit does not rebuild the
        keyword index, which takes seconds at 10,000 intents."""
        clone = copy.copy(self)
        clone.intents = [i for i in intents if i.kind != "safety"]
        clone._articles = {i.id: i.article for i in clone.intents if i.article}
        clone._lookup = lru_cache(maxsize=20_000)(clone._lookup_word)
        clone._examples, clone._foreign = clone._example_index(sections)
        clone._needs = _needs_of(clone.intents)
        return clone

    def _example_index(self, sections: Mapping[tuple[str, str], tuple[str, str]]) -> tuple[ExampleIndex,
                                                                                           frozenset[str]]:
        """The second signal's index, and the lexicon's health words that no topical intent covers (in its
        keywords, examples, label or section): those count against a topic, the others are ours."""
        documents = []
        covered: set[str] = set()
        index = self._index
        topical = {n for n, intent in enumerate(self.intents) if intent.kind == "topical"}
        covered_ids = {w for keyword, number in enumerate(index.keyword_intent) if number in topical
                       for w in index.keyword_words[index.keyword_starts[keyword]:index.keyword_starts[keyword + 1]]}
        covered.update(index.words[w] for w in covered_ids)
        words = _KeywordReader().index_words  # each distinct word normalised once per load
        counts = []
        for intent in self.intents:
            heading, text = sections.get((intent.article or "", intent.section or ""), ("", ""))
            document = Document(
                examples=[words(e) for e in intent.examples],
                labels=[words(t) for t in (intent.label, heading) if t],
                texts=[words(text)] if text else [],
            )
            documents.append(document)
            counts.append(document.frequencies())
            if intent.kind == "topical":
                covered.update(counts[-1])
        return ExampleIndex(documents, counts), FOREIGN_WORDS - covered

    def __getstate__(self) -> dict[str, object]:
        """Pickled for the snapshot cache without the per-process word cache."""
        state = dict(self.__dict__)
        state.pop("_lookup", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lookup = lru_cache(maxsize=20_000)(self._lookup_word)

    def _build(self) -> _Index:
        builder = _IndexBuilder()
        owner: dict[tuple[str, ...], int] = {}
        raw: list[tuple[int, int, tuple[str, ...]]] = []
        typed_forms: set[str] = set()
        read, canonical = _KeywordReader(), _CANONICAL.get
        for number, intent in enumerate(self.intents):
            for place, keyword in enumerate(intent.keywords):
                pairs = read(keyword)
                words = tuple(dict.fromkeys([canonical(word, word) for word, _ in pairs]))  # canonical_word
                if not words:
                    continue
                first = owner.setdefault(tuple(sorted(words)), number)
                if first == number:
                    raw.append((number, place, words))
                    typed_forms.update([typed for _, typed in pairs])
                else:
                    self.shadowed.append((intent.id, keyword, self.intents[first].id))
        words_of: dict[int, set[str]] = {}  # intent number -> the words of its keywords
        for number, group in itertools.groupby(raw, key=itemgetter(0)):
            words_of[number] = set().union(*(words for _, _, words in group))
        intents_with = Counter(itertools.chain.from_iterable(words_of.values()))
        ids_of = {word: builder.word_id(word)
                  for word in dict.fromkeys(itertools.chain.from_iterable(words for _, _, words in raw))}
        frequency = [intents_with[word] for word in builder.index.words]  # intents that have the word
        # Every match needs its rarest word: "side effects" alone is no match for "zonisamide side effects". A
        # keyword of 2+ words needs a second word too, so it is filed under its (rarest, other) pairs: a message
        # then reaches only keywords it can match, not every keyword that has its rarest word ("leg" in the
        # hundreds of "leg <symptom> <facet>" keywords of a big file).
        rarest_of = frequency.__getitem__
        builder.add_keywords((number, place, ids, min(ids, key=rarest_of))
                             for number, place, words in raw for ids in [tuple(map(ids_of.__getitem__, words))])
        # Keyword words also as typed, under their stem's id: a typo can keep a message word from being stemmed
        # ("numnbess" stays as it is), and then it is one slip away from "numbness", not from "numb".
        vocab = builder.index.vocab
        for typed in sorted(typed_forms):
            word_id = vocab.get(canonical_word(stem(typed)))
            if word_id is not None and max_edits(typed) > 0:
                builder.add_spelling(typed, word_id)
        index = builder.pack()
        # How much a word says about which intent is meant: 1 for a word of one intent, less for shared ones.
        total = max(len(self.intents), 2)
        index.weights = [max(MIN_WORD_WEIGHT, 1 - math.log(count) / math.log(total)) for count in frequency]
        index.disease_words = frozenset(i for i, word in enumerate(index.words) if word in DISEASES)
        named = {number: {DISEASES[index.words[ids_of[w]]] for w in words if index.words[ids_of[w]] in DISEASES}
                 for number, words in words_of.items() if self.intents[number].kind == "topical"}
        shared: dict[frozenset[str], frozenset[str]] = {}  # a few distinct sets, not one per intent
        for number in range(len(self.intents)):
            diseases = frozenset(named.get(number, ()))
            index.diseases.append(shared.setdefault(diseases, diseases))
        return index

    def explains(self, intent_id: str, words: Iterable[str]) -> bool:
        """Whether an intent's examples, label or section have any of these (matcher) words."""
        number = self._numbers.get(intent_id)
        return number is not None and any(self._examples.holds(number, [(canonical_word(w), 1.0)]) for w in words)

    def words_no_section_has(self, message: Message) -> tuple[str, ...]:
        """The message's words (of SUBJECT_LETTERS or more, no number or filler) that no intent's examples, label or
        section has, nor a keyword word within its typo allowance: "turmeric", "warfarin". What the follow-ups weigh before
        reading a message with the last topic: a subject no article says anything about."""
        options = self._example_options(self._lookups(_message_typed_words(message)))
        terms = self._examples.terms
        return tuple(word for word, found in options.items()
                     if len(word) >= SUBJECT_LETTERS and word.isalpha() and word not in _NUMBER_STEMS
                     and word not in STOPWORDS and not any(w in terms for w, _ in found))

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {intent.id: n for n, intent in enumerate(self.intents)}

    def knows(self, word: str) -> bool:
        """Whether a (stemmed, canonical) word is in the keywords' or the second signal's vocabulary."""
        return word in self._index.vocab or word in self._examples.terms

    def recognises(self, word: str) -> bool:
        """A (matcher) word of the vocabulary, or a typo of a keyword word."""
        return self.knows(canonical_word(word)) or bool(self._lookup(word, max_edits(word)))

    def keyword_text(self, keyword: int) -> str:
        """The keyword as written in intents.yaml."""
        index = self._index
        return self.intents[index.keyword_intent[keyword]].keywords[index.keyword_text[keyword]]

    def _lookup_word(self, word: str, edits: int) -> tuple[tuple[int, float], ...]:
        """Vocabulary words within `edits` typos of `word` (at most its allowance), with a 0-100 similarity."""
        index = self._index
        exact = index.vocab.get(word)
        if exact is not None:  # a word spelled as a vocabulary word is that word: "medication" is no "meditation"
            return ((exact, 100.0),)
        if edits == 0:
            return ()
        spellings: set[str] = set()
        for variant in _deletes(word, edits):
            spellings.update(index.near(variant))
        found: dict[int, float] = {}
        for other in spellings:
            if other[0] != word[0]:
                continue  # typos almost never hit the first letter; "seeing" is not "peeing"
            allowed = min(edits, max_edits(other))
            distance = OSA.distance(word, other, score_cutoff=allowed)
            if distance <= allowed:
                word_id = index.vocab[other]
                found[word_id] = max(found.get(word_id, 0.0), 100.0 - TYPO_COST * distance)
        return tuple(found.items())

    def score(self, text: str) -> list[Candidate]:
        """Every intent that some keyword reached, best first (for tools and reports: the flow asks `evidence`)."""
        return list(self.evidence(Message(text)).candidates)

    def keywords_reached(self, text: str) -> int:
        """How many keywords scoring `text` has to look at: the per-message work, shown by benchmarks."""
        return len(self._index.enough(self._similarity(self._lookups(_message_typed_words(Message(text))))[0]))

    @staticmethod
    def _lookups(typed_words: Sequence[tuple[str, str]]) -> Lookups:
        """What to look up for each distinct message word: (word, ((spelling, typos allowed), ...)).

        The work per message stays bounded whatever it holds: words past `MAX_MATCH_WORDS` are not compared,
        and once `TYPO_VARIANT_BUDGET` typo variants are spent the remaining words are looked up exactly. It
        depends only on the text, so the same message always gets the same answer."""
        budget = TYPO_VARIANT_BUDGET
        plan: dict[str, list[tuple[str, int]]] = {}
        seen: set[tuple[str, str]] = set()
        for word, typed in typed_words:
            if (word, typed) in seen or (word not in plan and len(plan) >= MAX_MATCH_WORDS):
                continue
            seen.add((word, typed))
            spellings = plan.setdefault(word, [])
            for spelling in (word, typed) if typed != word else (word,):
                if any(spelling == s for s, _ in spellings):
                    continue
                edits = max_edits(spelling)
                if edits and variant_count(spelling, edits) > budget:
                    edits = 0
                budget -= variant_count(spelling, edits) if edits else 0
                spellings.append((spelling, edits))
        return [(word, tuple(spellings)) for word, spellings in plan.items()]

    def typo_variants(self, text: str) -> int:
        """Typo variants matching `text` looks up: the part of its work that could grow fastest."""
        plan = self._lookups(_message_typed_words(Message(text)))
        return sum(variant_count(s, e) for _, spellings in plan for s, e in spellings if e)

    def _similarity(self, plan: Lookups) -> tuple[dict[int, tuple[float, str]], dict[str, float]]:
        """Vocabulary word -> best (similarity, message word); and each message word's weight."""
        index = self._index
        similarity: dict[int, tuple[float, str]] = {}
        weight: dict[str, float] = {}
        for word, spellings in plan:
            found = tuple(hit for spelling, edits in spellings for hit in self._lookup(spelling, edits))
            weight[word] = max((index.weights[i] for i, _ in found), default=weight.get(word, UNKNOWN_WORD_WEIGHT))
            for word_id, value in found:
                if value > similarity.get(word_id, (0.0, ""))[0]:
                    similarity[word_id] = (value, word)
        return similarity, weight

    def evidence(self, message: Message, needs: bool = True) -> Evidence:
        """The candidates, best first; how much each message word says about which intent is meant; and the
        health words no article covers. With `needs` False an intent's `needs_one_of` is waived (the chat's
        topic gives the context: "what about acupuncture?" after MS)."""
        index = self._index
        plan = self._lookups(_message_typed_words(message))  # bounded: MAX_MATCH_WORDS words, TYPO_VARIANT_BUDGET
        similarity, weight = self._similarity(plan)
        words = list(weight)  # the compared words, in message order
        keyword = self._keyword_scores(message, words, similarity, weight)
        options = self._example_options(plan)
        coverage = self._examples.coverage(options.values(), keyword)
        named = {DISEASES[index.words[i]] for i in similarity if index.words[i] in DISEASES}
        # Intents only the second signal reached: the few it rates best (at 10,000 intents a common word
        # reaches hundreds, and each candidate costs a look at its words).
        # (coverage, -number): a tie goes to the first in the file, in any process; tuples compare without a key
        others = [-negative for _, negative in heapq.nlargest(
            MAX_CANDIDATES, ((c, -n) for n, c in coverage.items() if c >= MIN_COVERAGE and n not in keyword))]
        foreign = foreign_words(message, self._foreign)
        threshold = self.settings.threshold
        candidates = []
        present = self._present(message, similarity) if self._needs and needs else None
        for number in (*keyword, *others):
            if named and index.diseases[number] and not named & index.diseases[number]:
                continue
            if present is not None and (wanted := self._needs.get(number)) and not any(n <= present for n in wanted):
                continue  # "how to increase my gut bacteria": none of the words the admin made it need
            intent = self.intents[number]
            kw = keyword.get(number)
            kw_score = kw[0] if kw else 0.0
            ex_score = example_points(coverage[number], threshold) \
                if intent.kind != "smalltalk" and number in coverage else 0.0
            final = combine(kw_score, ex_score)
            if foreign and intent.kind == "topical":
                # "lupus rash on my face": lupus is ours, the rash is not; the answer would miss the question
                final -= FOREIGN_PENALTY * sum(not self._examples.holds(number, [(canonical_word(w), 1.0)])
                                               for w in foreign)
            final = round(max(0.0, final), 1)
            if kw:
                candidates.append(Candidate(intent.id, final, self.keyword_text(kw[1]), intent.kind,
                                            kw[2], kw[3], kw[4], round(kw_score, 1), round(ex_score, 1)))
            else:
                explained = tuple(sorted(w for w, found in options.items() if self._examples.holds(number, found)))
                if len(explained) < EXAMPLE_MIN_WORDS:
                    # one word shared with an example is a hint, not an answer ("hand" in "hand over to a person")
                    final = min(final, threshold - 1)
                candidates.append(Candidate(intent.id, final, "", intent.kind, explained, 0.0,
                                            round(coverage[number], 2), 0.0, round(ex_score, 1)))
        ranked = sorted(candidates, key=lambda c: (-c.score, -len(c.words), c.intent_id))
        return Evidence(tuple(self._within_article(ranked, across=len(named) <= 1)), weight, foreign)

    def lacks_needed_words(self, intent_id: str, message: Message) -> bool:
        """Whether `message` has none of the words the intent's `needs_one_of` asks for (for `check`)."""
        number = next((n for n, i in enumerate(self.intents) if i.id == intent_id), None)
        needs = self._needs.get(number) if number is not None else None
        if not needs:
            return False
        plan = self._lookups(_message_typed_words(message))
        similarity, _ = self._similarity(plan)
        return not any(n <= self._present(message, similarity) for n in needs)

    def _present(self, message: Message, similarity: Mapping[int, object]) -> frozenset[str]:
        """The message's words as `needs_one_of` reads them: as typed (folded) and as the keyword words they
        were found to be ("depresed" is "depress")."""
        words = self._index.words
        return frozenset((*(canonical_word(w) for w in message_words(message)), *(words[i] for i in similarity)))

    def _within_article(self, ranked: list[Candidate], across: bool = True) -> list[Candidate]:
        """Between two sections of one article, the examples' choice leads when they prefer it clearly and the
        keywords only a little: the article's subject ("drug resistant epilepsy", "ms") is in every section's
        keywords, and a story word ("diagnosed with ms") finds a keyword, while the examples weigh the whole
        question ("what are the options if the meds don't work" is about treatment, not the definition)."""
        if not ranked or ranked[0].kind != "topical":
            return ranked
        first, article = ranked[0], self._articles.get(ranked[0].intent_id)
        disease = self._disease_of.get(first.intent_id) if across else None  # a message naming two: not across
        # ... or of two articles on one disease, when the rival's own keyword names something the first's does not
        # ("can immunotherapy work for epilepsy that doesn't respond to meds": immunotherapy, not drug resistance)
        rivals = [c for c in ranked[1:] if c.kind == "topical" and (self._articles.get(c.intent_id) == article or (
            disease and self._disease_of.get(c.intent_id) == disease and c.keyword and
            not set(c.words) <= set(first.words)))]
        best = max(rivals, key=lambda c: c.example_score, default=None)
        if best is None or best.example_score - first.example_score < EXAMPLE_LEAD or \
                first.keyword_score - best.keyword_score >= KEYWORD_LEAD:
            return ranked
        swapped = {first.intent_id: best._replace(score=first.score), best.intent_id: first._replace(score=best.score)}
        return [swapped.get(c.intent_id, c) for c in ranked]

    @cached_property
    def _disease_of(self) -> dict[str, frozenset[str]]:
        return {intent.id: self._index.diseases[n] for n, intent in enumerate(self.intents) if self._index.diseases[n]}

    def _keyword_scores(self, message: Message, words: list[str], similarity: dict[int, tuple[float, str]],
                        weight: dict[str, float]) -> dict[int, tuple[float, int, tuple[str, ...], float, float]]:
        """Intent number -> (keyword score 0-100, best keyword, words explained, its strength, its share)."""
        index = self._index
        best: dict[int, tuple[float, int]] = {}
        best_value: dict[int, float] = {}  # (the same values, read without a tuple in the loop)
        touched: dict[int, set[int]] = defaultdict(set)  # intent -> the word ids of its keywords that count
        # The loop below runs for a few hundred keywords at 10,000 intents: it does its work in C where it can.
        starts, keyword_words, intent_of = index.keyword_starts, index.keyword_words, index.keyword_intent
        strength = defaultdict(float, ((w, found[0]) for w, found in similarity.items()))  # a missing word adds 0
        fillers = self._filler_intents
        unfound_diseases = index.disease_words.difference(similarity)
        for keyword in index.enough(similarity):  # file order: the first keyword wins a tie
            ids = keyword_words[starts[keyword]:starts[keyword + 1]]
            if unfound_diseases and not unfound_diseases.isdisjoint(ids):
                continue  # the word a keyword may miss is never its disease: "ms immune system" is about MS
            value = sum(map(strength.__getitem__, ids)) / len(ids)
            number = intent_of[keyword]
            if number in fillers and self._lacks_fillers(keyword, message):
                if keyword in self._handover_naming_no_person:
                    continue  # "actual person" read as "actual": no handover for "what's the actual cause of ms"
                value -= SMALLTALK_FILLER_PENALTY / KEYWORD_WEIGHT  # before the choice: "see ya" beats "see you"
            touched[number].update(ids)
            if value > best_value.get(number, 0.0):
                best_value[number] = value
                best[number] = (value, keyword)
        explained = {number: {similarity[w][1] for w in ids if w in similarity} for number, ids in touched.items()}
        total = sum(weight.values())
        cap = UNEXPLAINED_PENALTY_CAP * math.sqrt(min(1.0, SHORT_MESSAGE_WORDS / max(len(message.words), 1)))
        scores = {}
        for number, (value, keyword) in best.items():
            intent = self.intents[number]
            covered = explained[number]
            if len(covered) == 1:  # most intents: one word (no sort, the same sums)
                extra, explained_weight = 0.0, weight[next(iter(covered))]
            else:
                covered_weights = sorted([weight[w] for w in covered], reverse=True)
                extra, explained_weight = sum(covered_weights[1:]), sum(covered_weights)
            bonus = min(EXTRA_WORD_BONUS * extra, EXTRA_WORD_BONUS_CAP)
            missing = max(0.0, total - explained_weight)  # the weight of the words it leaves unexplained
            if intent.kind == "smalltalk":
                penalty = SMALLTALK_PENALTY * (len(words) - len(covered))
            else:
                # Relative to what the intent explains: "hsct" beside "ms" barely dents the stem-cell intent,
                # while "ms" beside two unknown words ("convert ms to seconds") is too thin a clue.
                ratio = missing / max(explained_weight, MIN_WORD_WEIGHT)
                penalty = min(UNEXPLAINED_PENALTY * ratio, cap)
            final = max(0.0, min(100.0, KEYWORD_WEIGHT * value + bonus - penalty))
            scores[number] = (final, keyword, tuple(sorted(covered)), round(value, 1),
                              round(explained_weight / total, 2))
        return scores

    @cached_property
    def _filler_intents(self) -> frozenset[int]:
        """The numbers of the intents whose keywords must keep their filler words (smalltalk, handover)."""
        return frozenset(n for n, intent in enumerate(self.intents) if intent.kind in FILLER_KINDS)

    @cached_property
    def _handover_naming_no_person(self) -> frozenset[int]:
        """The handover keywords none of whose compared words is a person ("human please" names one; "actual
        person" and "talk to someone today", read as "actual" and "today", do not): read once per snapshot."""
        index = self._index
        return frozenset(k for k, number in enumerate(index.keyword_intent) if self.intents[number].kind == "handover"
                         and _PERSON_WORDS.isdisjoint(keyword_reading(self.keyword_text(k))))

    def _lacks_fillers(self, keyword: int, message: Message) -> bool:
        """Whether the message has fewer than half of a keyword's filler words (matching ignores them, so
        "what can i ask" reads as "ask" alone)."""
        fillers = filler_words(self.keyword_text(keyword))
        present = set(message.words)
        return 2 * sum(1 for w in fillers if w in present) < len(fillers)

    def _example_options(self, plan: Lookups) -> dict[str, list[tuple[str, float]]]:
        """Per message word, the second signal's words it may be: itself, and the keyword vocabulary's words
        within its typo allowance (most words worth a typo are keyword words), with a 0-1 similarity. The same
        bounded plan as the keywords' (`_lookups`), and the same cached lookups."""
        words = self._index.words
        options: dict[str, list[tuple[str, float]]] = {}
        for word, spellings in plan:
            found = {canonical_word(word): 1.0}
            for spelling, edits in spellings:
                for word_id, value in self._lookup(spelling, edits):
                    vocabulary_word = words[word_id]
                    found[vocabulary_word] = max(found.get(vocabulary_word, 0.0), value / 100.0)
            options[word] = list(found.items())
        return options
