"""bot/nlu/normalise.py: one cleaned form of a message for the matcher, the safety check and compose."""

from __future__ import annotations

import pytest

from bot.nlu.message import Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS, clean, content_tokens, is_plain, squeeze, texting, tokens


@pytest.mark.parametrize(("raw", "cleaned"), [
    ("What IS   Epilepsy?!", "what is epilepsy"),
    ("Sclérose en plaques", "sclerose en plaques"),  # accents folded
    ("I don\u2019t know", "i dont know"),  # a curly apostrophe, then joined
    ("Parkinson's", "parkinsons"),
    ("sooooo tired", "soo tired"),  # a letter typed 3+ times counts twice
    ("<b>fits</b> at night", "fits at night"),  # markup is not words
    ("<script>alert(1)</script>seizure", "seizure"),
    ("&lt;b&gt;aura", "aura"),  # entities unescaped, then the tag dropped
    ("ms 😢 help", "ms help"),  # emoji dropped
    ("better w/o me", "better without me"),  # shorthand that the slash would split into letters
    ("w/out her pills, w/ food b/c", "without her pills with food because"),
    ("1/2 a tablet", "1 2 a tablet"),  # other slashes still split
])
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_clean_cuts_a_long_message() -> None:
    assert len(clean("Épilepsie " * 1000)) <= MAX_MESSAGE_CHARS


def test_the_plain_fast_path_squeezes_as_the_slow_path_does() -> None:
    assert is_plain("cooool drugs") and not is_plain("Cooool drugs!")
    assert clean("cooool drugs") == clean("Cooool drugs!") == "cool drugs"
    assert squeeze("sooo") == "soo" and squeeze("soon") == "soon"


def test_content_tokens_drop_filler_and_numbers_and_read_negations_as_not() -> None:
    assert tokens("My husband has MS, 3 years") == ["my", "husband", "has", "ms", "3", "years"]
    assert content_tokens("My husband has MS, 3 years") == ["ms", "years"]
    assert content_tokens("meds dont work") == ["meds", "not", "work"]
    assert content_tokens("hello there") == ["hello", "there"]  # only filler: every word is kept


def test_has_letters() -> None:
    assert Message("ok 9").has_letters and not Message("?!… 😢").has_letters


def test_a_key_held_down_is_not_a_word() -> None:
    """ "bbbbbbbbbbbbbbbb" squeezed to "bb" matched the keyword "bbb" (the blood-brain barrier) and got an article
    (quality development set 4); a letter typed four times or more alone is now the filler "x"."""
    assert clean("bbbbbbbbbbbbbbbb nnnn") == "x x"
    assert clean("what is the bbb") == "what is the bb"  # three letters: a real abbreviation, kept
    assert clean("sooooo tired") == "soo tired"  # a word with one letter held down is still the word


@pytest.mark.parametrize(("raw", "read"), [
    ("y does it happen tho", "why does it happen tho"),
    ("ok. Y is she so tired?", "ok. why is she so tired?"),
    ("y or n", "y or n"),  # no verb after it: not a question's head
    ("is it x or y is it", "is it x or y is it"),  # not at a sentence's head
])
def test_texting_y_at_a_questions_head_is_why(raw: str, read: str) -> None:
    assert texting(raw) == read
    assert Message(raw).words == tuple(clean(read).split())
