"""bot/nlu/safety_phrases.py: the safety lexicon's tables hold together (data only: each rule here is one the
lexicon relies on when it folds a message)."""

from __future__ import annotations

import re

from bot.nlu.safety_phrases import (
    DROP,
    EPILEPSY_WORDS,
    FUZZY_TARGETS,
    MEDICINE_NAMES,
    MS_WORDS,
    NEGATED,
    NOT_TYPOS,
    NUMBER_WORDS,
    PHRASES,
    SPELLINGS,
    WORDS,
    words_of,
)


def test_words_of_splits_on_any_whitespace() -> None:
    assert words_of("a b\n  c\tb") == frozenset({"a", "b", "c"})
    assert words_of("   ") == frozenset()


def test_spellings_are_folded_once() -> None:
    """A spelling's result is never itself a spelling to fold further: the lexicon folds each word once."""
    assert [(typed, folded) for typed, folded in SPELLINGS.items()
            if any(SPELLINGS.get(word, word) != word for word in folded.split())] == []


def test_a_negation_is_never_dropped() -> None:
    """Dropped words vanish before phrases are matched: a dropped "not" would turn "not breathing" around."""
    assert DROP.isdisjoint(NEGATED) and "not" not in DROP


def test_a_fuzzy_target_is_never_listed_as_not_a_typo() -> None:
    assert FUZZY_TARGETS.isdisjoint(NOT_TYPOS)


def test_concepts_are_named_in_capitals() -> None:
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", concept) for concept in (*PHRASES, *WORDS))


def test_medicine_names_are_unique_lower_case_words() -> None:
    assert len(set(MEDICINE_NAMES)) == len(MEDICINE_NAMES)
    assert all(name == name.lower() and name.strip() == name for name in MEDICINE_NAMES)


def test_a_word_names_one_disease_at_most() -> None:
    assert MS_WORDS.isdisjoint(EPILEPSY_WORDS)


def test_number_words_are_positive_counts() -> None:
    assert all(isinstance(n, int) and n > 0 for n in NUMBER_WORDS.values())
