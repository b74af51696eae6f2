"""bot/core/fallback.py: why a message got no answer, so that the reply fits."""

from __future__ import annotations

import pytest

from bot.content.knowledge import Library
from bot.core.decide import match_text
from bot.core.fallback import bare_plea, fallback_kind, names_diseases
from bot.nlu.message import Message


@pytest.mark.parametrize(("text", "kind"), [
    ("asdfgh", "gibberish"),
    ("hmm 9", "gibberish"),
    ("I have a rash on my arm", "health"),  # a health word no article covers
    ("multiple sclerosis and pregnancy", "health"),  # names a disease
    ("fits at night", "health"),
    ("what is the weather like", "other"),  # words we know, not about health
    ("tell me a joke about cats", "other"),
])
def test_fallback_kind(library: Library, text: str, kind: str) -> None:
    knowledge = library.current
    assert fallback_kind(knowledge.matcher, Message(text), match_text(knowledge.matcher, text).foreign) == kind


def test_names_diseases() -> None:
    assert names_diseases(Message("fits at night")) == {"epilepsy"}
    assert names_diseases(Message("multiple sclerosis or a seizure disorder?")) >= {"ms"}
    assert names_diseases(Message("a rash on my arm")) == set()


@pytest.mark.parametrize(("text", "plea"), [
    ("what do i do quick pls", True),
    ("wht do we doo??", True),
    ("omg someone help", True),
    ("SOS", True),
    ("help", False),  # how the bot works: the usual first word
    ("what now", False),  # nothing asked to be done
    ("what do i do about my relapse", False),  # names what it is about
    ("how do i use this", False),
])
def test_bare_plea(text: str, plea: bool) -> None:
    assert bare_plea(Message(text)) is plea
