"""bot/nlu/safety_lexicon.py: a message folded into words, and the safety concepts found in them."""

from __future__ import annotations

from bot.nlu.normalise import clean
from bot.nlu.safety_lexicon import Lexicon, core_words, fold_words

LEXICON = Lexicon()


def scan(text: str, lexicon: Lexicon = LEXICON) -> dict[str, list[int]]:
    return lexicon.scan(fold_words(clean(text).split()))


def test_folding_splits_glued_numbers_spells_out_text_speak_and_reads_negations() -> None:
    assert fold_words(["he", "cant", "breathe", "6min", "rn"]) == ["he", "not", "breathe", "6", "minutes", "right", "now"]
    assert fold_words(["2nd"]) == ["2nd"]  # an ordinal stays whole


def test_core_words_drop_filler_but_keep_to_after_what_and_how() -> None:
    assert core_words(["what", "to", "do", "for", "my", "son"]) == ["what", "to", "do", "son"]
    assert core_words(["went", "to", "the", "shop"]) == ["went", "shop"]


def test_the_longest_phrase_wins_at_a_position() -> None:
    hits = scan("my son is not breathing")
    assert hits["BREATH_BAD"] == [2]  # "not breathing" is one concept ...
    assert "PERSON" in hits and "PRESENT" in hits


def test_a_misspelt_word_is_read_as_the_word_meant() -> None:
    assert LEXICON.fuzzy("seizurse") == "seizure"
    assert LEXICON.fuzzy("lamotrigen") == "lamotrigine"  # a long medicine name: two edits
    assert LEXICON.fuzzy("breaching") == "breaching"  # a real word, not a typo of "breathing"
    assert "SEIZ" in scan("she is having a siezure right now")


def test_a_medicine_phrase_hides_the_seizure_word_in_it() -> None:
    hits = scan("seizure pills")
    assert "MED" in hits and "SEIZ" not in hits
    assert "SEIZ" in scan("a seizure")


def test_an_admins_extra_phrases_add_concepts_without_hiding_the_lexicons() -> None:
    lexicon = Lexicon(extra={"CUSTOM": ["purple elephant"]})
    assert scan("my purple elephant", lexicon)["CUSTOM"] == [0]
    assert "CUSTOM" not in scan("my purple elephant")
    assert "FIRST_P" in scan("my purple elephant", lexicon)
