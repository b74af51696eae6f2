"""bot/core/decide.py: the one place that decides which answer a message gets."""

from __future__ import annotations

from bot.content.knowledge import Library
from bot.core import followup
from bot.core.decide import Situation, match_text, read_with_last_topic
from bot.nlu.message import Message


def _follow(library: Library, text: str, last_intent: str | None, topic: str | None) -> str | None:
    knowledge = library.current
    situation = Situation(knowledge, last_intent, topic, None, 0.0)
    found = read_with_last_topic(Message(text), situation, match_text(knowledge.matcher, text))
    return found.intent_id if found else None


def test_a_follow_up_is_read_with_the_last_topic(library: Library) -> None:
    # On its own, "is it inherited?" finds an epilepsy topic; after an MS answer it is about MS.
    assert followup.topic_of(library.current, match_text(library.current.matcher, "is it inherited?").intent_id) != "ms"
    found = _follow(library, "is it inherited?", "ms_overview", "ms")
    assert found is not None and followup.topic_of(library.current, found) == "ms"
    treatment = _follow(library, "and treatment?", "ms_overview", "ms")
    assert treatment is not None and followup.topic_of(library.current, treatment) == "ms"


def test_no_follow_up_without_a_last_topic_across_diseases_or_for_a_long_message(library: Library) -> None:
    assert _follow(library, "is it inherited?", None, None) is None
    assert _follow(library, "is epilepsy inherited?", "ms_overview", "ms") is None
    assert _follow(library, "x " * 200 + "is it inherited?", "ms_overview", "ms") is None
