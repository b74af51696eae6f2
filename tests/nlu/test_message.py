"""bot/nlu/message.py: one message, normalised once, read by every step of the flow."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from bot.content.knowledge import Library
from bot.core.engine import Engine
from bot.nlu import matcher, normalise
from bot.nlu.message import _SENTENCE, Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS, clean


@pytest.fixture()
def engine(library: Library) -> Engine:
    return Engine(library, "https://content.example/articles")


@pytest.fixture()
def cleaned(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Every call of the real `normalise.clean` while the test runs: (the caller's module, the text)."""
    calls: list[tuple[str, str]] = []
    real = normalise.clean

    def counting(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
        calls.append((sys._getframe(1).f_globals["__name__"], text))
        return real(text, limit)

    monkeypatch.setattr(normalise, "clean", counting)
    yield calls


@pytest.fixture()
def built(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The raw text of every Message built while the test runs."""
    made: list[str] = []
    real = Message.__init__

    def counting(self: Message, raw: str, *args: object, **kwargs: object) -> None:
        made.append(raw)
        real(self, raw, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Message, "__init__", counting)
    yield made


@pytest.fixture()
def folded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, ...]]]:
    """The word lists the matcher stemmed and phrase-folded while the test runs."""
    calls: list[tuple[str, ...]] = []
    real = matcher._typed_from

    def counting(words: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
        calls.append(tuple(words))
        return real(words)

    monkeypatch.setattr(matcher, "_typed_from", counting)
    yield calls


@pytest.mark.parametrize("text", [
    "What are the side effects of MS medicines?",  # a topic
    "my husband had a seizure yesterday, should I worry? he seems fine now",  # safety reads it first
    "asdfgh qwerty",  # the fallback reads it again for why
])
def test_one_answer_normalises_the_message_once(engine: Engine, text: str, cleaned: list[tuple[str, str]],
                                                built: list[str], folded: list[tuple[str, ...]]) -> None:
    engine.respond(text)
    assert built == [text]  # one Message, made by the engine
    # The cleaning of the message or a sentence of it (not of an article's paragraphs or keywords): in the
    # Message only, the whole text once and each sentence safety reads once.
    pieces = {text, *(m.group(1) for m in _SENTENCE.finditer(text))}
    of_message = [(module, t) for module, t in cleaned if t in pieces]
    assert {module for module, _ in of_message} == {"bot.nlu.message"}
    assert sorted(t for _, t in of_message) == sorted(pieces)
    assert folded.count(Message(text).content_words) == 1  # the matcher's words folded once, for every step


def test_a_follow_up_cleans_only_the_last_topics_words(engine: Engine, cleaned: list[tuple[str, str]],
                                                        built: list[str]) -> None:
    first = engine.respond("what is ms")
    cleaned.clear()
    built.clear()
    turn = engine.respond("is it inherited?", first.context)
    assert turn.follow_up == "subject"  # read again with the last topic's words
    assert built[0] == "is it inherited?" and len(built) == 2  # the message, and it with the topic's words
    texts = [t for _, t in cleaned]
    assert texts.count("is it inherited?") == 1 and "is it inherited?" not in " ".join(texts[1:])


def test_the_readings_are_the_normalised_text() -> None:
    message = Message("Can't   STOP <b>shaking</b>!! Is it a seizure 😂?")
    assert message.text == clean(message.raw)
    assert message.words == tuple(clean(message.raw).split())
    assert [s.words for s in message.sentences] == [("cant", "stop", "shaking"), ("is", "it", "a", "seizure")]
    assert [s.end for s in message.sentences] == ["!!", "?"] and message.sentences[-1].laughs
    assert not Message("?!").has_letters


def test_extended_reads_as_the_joined_text_cleaned_whole() -> None:
    for text, words in [("is it inherited?", "MS symptoms"), ("Don't", "Epilepsy"), ("café au lait", "ms")]:
        assert Message(text).extended(words).text == clean(f"{text} {words}")


def test_uncensored_spells_starred_words_and_reads_the_new_text() -> None:
    message = Message("i want to k*ll myself")
    spelled = message.uncensored(lambda word: word.replace("*", "i"))
    assert spelled.words == ("i", "want", "to", "kill", "myself")
    assert message.uncensored(lambda word: word) is message  # nothing spelled: the same message, not read again


def test_a_reading_is_computed_once() -> None:
    message = Message("ms meds")
    calls = []
    assert message.reading("x", lambda m: calls.append(1) or len(m.words)) == 2
    assert message.reading("x", lambda m: calls.append(1) or 0) == 2
    assert calls == [1]


def test_safety_reads_past_the_matchers_limit() -> None:
    long = "x " * MAX_MESSAGE_CHARS + "he is seizing"
    assert "seizing" in Message(long).safety_words and "seizing" not in Message(long).words




@pytest.mark.parametrize("text", ["back from a&e", "back from A & E", "back from A&E."])
def test_a_and_e_is_one_word_in_safetys_sentences(text: str) -> None:
    assert Message(text).sentences[0].words == ("back", "from", "ae")


@pytest.mark.parametrize(("text", "sentences"), [
    ("my wife has MS full stop what drugs can slow it down question mark",
     [(("my", "wife", "has", "ms"), "."), (("what", "drugs", "can", "slow", "it", "down"), "?")]),
    ("HE IS FITTING FULL STOP WHAT DO I DO QUESTION MARK", [(("he", "is", "fitting"), "."),
                                                          (("what", "do", "i", "do"), "?")]),
    ("seizures around my period", [(("seizures", "around", "my", "period"), "")]),  # a period is a period
])
def test_punctuation_said_to_dictation_is_the_mark(text: str, sentences: list[tuple[tuple[str, ...], str]]) -> None:
    message = Message(text)
    assert [(s.words, s.end) for s in message.sentences] == sentences
    assert "stop" not in message.words and "mark" not in message.words


def test_a_sentence_knows_the_words_a_comma_follows() -> None:
    first, second = Message("ok shes stopped, breathing, v sleepy. nothing else").sentences
    assert first.words == ("ok", "shes", "stopped", "breathing", "v", "sleepy") and first.breaks == {2, 3}
    assert second.breaks == frozenset()
