"""bot/nlu/lexicon.py: the one lexicon's tables hold together, and the matcher reads them."""

from __future__ import annotations

from collections import Counter

from bot.nlu.lexicon import GENERAL_HEALTH_WORDS, OTHER_HEALTH_WORDS, PHRASES, SYNONYM_GROUPS
from bot.nlu.matcher import canonical_word, keyword_reading, stem


def test_a_word_is_in_one_synonym_group_at_most() -> None:
    """Two groups sharing a word would merge two meanings, depending on the order they are read in."""
    counts = Counter(word for group in SYNONYM_GROUPS for word in group)
    assert [word for word, count in counts.items() if count > 1] == []
    assert all(len(group) >= 2 for group in SYNONYM_GROUPS)
    assert all(word == word.lower() and " " not in word for group in SYNONYM_GROUPS for word in group)


def test_each_phrase_folds_several_words_into_one() -> None:
    for phrase, folded in PHRASES.items():
        assert len(phrase.split()) >= 2 and phrase == phrase.lower(), phrase
        assert folded.isalnum() and folded == folded.lower(), folded


def test_a_general_health_word_is_never_a_topic_the_articles_lack() -> None:
    """Listed as not covered, "seizure" would send every seizure question to the care team."""
    assert GENERAL_HEALTH_WORDS.isdisjoint(OTHER_HEALTH_WORDS)


def test_the_matcher_reads_synonyms_and_phrases_from_here() -> None:
    for group in SYNONYM_GROUPS[:5]:
        assert len({canonical_word(stem(word)) for word in group}) == 1, group
    assert keyword_reading("multiple sclerosis fatigue") == keyword_reading("ms tired")
