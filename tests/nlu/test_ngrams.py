"""The features both linear classifiers read (bot/nlu/ngrams.py): one definition for training and run time."""

from bot.nlu.ngrams import MAX_WORD_CHARS, MAX_WORDS, char_grams, features


def test_word_unigrams_bigrams_and_padded_character_grams() -> None:
    found = features(("ms", "fatigue"))
    assert {"w:ms", "w:fatigue", "w:ms fatigue"} <= set(found)
    assert "c: ms" in found and "c:ms " in found  # padded: the start and the end of a word are grams of their own
    assert "c: fa" in found and "c:fatig" in found and "c:gue " in found
    assert not any(f.startswith("c:") and " " in f.strip("c:").strip() for f in found)  # never across two words


def test_character_grams_of_a_word_are_three_to_five_long() -> None:
    grams = char_grams("ab")  # " ab " has two 3-grams, one 4-gram and no 5-gram
    assert grams == ["c: ab", "c:ab ", "c: ab "]


def test_bounded_by_words_and_by_word_length() -> None:
    assert len([f for f in features(("x",) * (MAX_WORDS + 500)) if f == "w:x"]) == MAX_WORDS
    long_word = "a" * 10_000
    assert len(char_grams(long_word)) == len(char_grams("a" * MAX_WORD_CHARS))
