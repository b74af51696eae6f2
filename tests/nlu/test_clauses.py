"""Relative clauses that say who or what is meant ("seizures that don't respond to meds")."""

import pytest

from bot.nlu.clauses import described_words
from bot.nlu.message import Message


@pytest.mark.parametrize(("text", "words"), [
    ("can immunotherapy help seizures that dont respond to meds", {"seizur", "not", "respond", "med"}),
    ("how do they test kids whose epilepsy wont respond to medication and what then",
     {"epilepsy", "not", "respond", "medication"}),  # "and" ends the clause ("kids" is no match word)
])
def test_a_clause_after_a_subject_noun_is_described(text: str, words: set[str]) -> None:
    found = described_words(Message(text))
    assert found >= words and "then" not in found, found


@pytest.mark.parametrize("text", [
    "i read that inflammation causes seizures",  # "that" after a verb opens what is said, not a description
    "is it true that ms is genetic",
    "what is refractory epilepsy",
])
def test_other_thats_describe_nothing(text: str) -> None:
    assert described_words(Message(text)) == frozenset()
