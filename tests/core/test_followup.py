"""bot/core/followup.py: is a message a follow-up, and to what."""

from __future__ import annotations

import pytest

from bot.core.followup import facet_of, is_more, leans_on_context, may_follow, stays_on_topic
from bot.nlu.message import Message


@pytest.mark.parametrize("text", ["more", "tell me more", "go on", "like what?"])
def test_asking_for_more(text: str) -> None:
    assert is_more(Message(text))


@pytest.mark.parametrize("text", ["what is ms?", "side effects?", "ok"])
def test_not_asking_for_more(text: str) -> None:
    assert not is_more(Message(text))


@pytest.mark.parametrize(("text", "facet"), [
    ("and for kids?", "children"), ("side effects?", "side_effects"), ("how long does it last", "duration"),
    ("is it inherited?", None),
    ("what about the side effects of the medicines for people who have had it for years", None),  # not short
])
def test_facet_of(text: str, facet: str | None) -> None:
    assert facet_of(Message(text)) == facet


def test_the_shape_of_a_follow_up() -> None:
    assert leans_on_context(Message("is it inherited?")) and leans_on_context(Message("and treatment?"))
    assert not leans_on_context(Message("side effects?"))
    assert may_follow(Message("side effects?")) and may_follow(Message("is it inherited?"))
    assert not any(may_follow(Message(text)) for text in ("ok", "9", "hmm"))  # no word of its own


def test_context_never_crosses_from_one_disease_to_the_other() -> None:
    assert stays_on_topic(Message("is it inherited"), "ms")
    assert not stays_on_topic(Message("does epilepsy cause this"), "ms")
    assert not stays_on_topic(Message("ms and epilepsy"), "ms")
