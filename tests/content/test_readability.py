"""bot/content/readability.py: the reading grade of a text."""

from __future__ import annotations

from bot.content.readability import TARGET_GRADE, grade


def test_empty_or_blank_text_has_grade_zero() -> None:
    assert grade("") == 0.0
    assert grade("   \n\t") == 0.0


def test_long_words_and_sentences_read_harder_than_short_ones() -> None:
    plain = "MS can make you tired. Rest when you can. Ask your nurse for help."
    dense = ("Multiple sclerosis is a chronic immune-mediated demyelinating disorder characterised by "
             "heterogeneous neurological manifestations, unpredictable exacerbations and progressive disability "
             "accumulation attributable to neurodegeneration.")
    assert grade(plain) < TARGET_GRADE < grade(dense)
