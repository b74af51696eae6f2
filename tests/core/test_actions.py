"""Callback data is read strictly: only the forms our buttons carry, never an exception."""

from __future__ import annotations

import pytest

from bot.content.knowledge import Library
from bot.core.actions import Action, parse_action
from bot.core.conversation import Conversation
from bot.core.engine import Engine


@pytest.mark.parametrize(("data", "expected"), [
    ("i:ms_dmt", Action("i", "ms_dmt")),
    ("tp", Action("tp")),
    ("tp:ms-immunity-and-treatment", Action("tp", "ms-immunity-and-treatment")),
    ("tr:refractory-epilepsy", Action("tr", "refractory-epilepsy")),
    ("ar:refractory-epilepsy:12", Action("ar", "refractory-epilepsy", 12)),
    ("fb:ms_dmt:1", Action("fb", "ms_dmt", 1)),
    ("fb:ms_dmt:0", Action("fb", "ms_dmt", 0)),
    ("ho", Action("ho")), ("ho:y", Action("ho", "y")), ("ho:n", Action("ho", "n")), ("ho:end", Action("ho", "end")),
])
def test_the_forms_our_buttons_carry(data: str, expected: Action) -> None:
    assert parse_action(data) == expected


@pytest.mark.parametrize("data", [
    "ar:ms-immunity-and-treatment:²",  # str.isdigit() says yes, int() raises
    "ar:ms-immunity-and-treatment:١",  # an Arabic-Indic digit
    "ar:ms-immunity-and-treatment:1234", "ar:ms-immunity-and-treatment:", "ar:ms-immunity-and-treatment:-1",
    "ar:ms-immunity-and-treatment", "ar:Ms:1", "ar:../etc:1",
    "i:", "i:MS_DMT", "i:ms dmt", "i:" + "a" * 41, "i:ms_dmt:1", "i:ｍｓ",
    "tp:", "tr:", "tr:a--b", "fb:ms_dmt:2", "fb:ms_dmt", "fb:ms_dmt:1:1", "fb::1",
    "zz", "", ":", "i", "x" * 65, "tp:" + "a" * 61,
    "ho:", "ho:x", "ho:y:1", "ho::y", "ho:Y", "hoy",
])
def test_anything_else_is_refused(data: str) -> None:
    assert parse_action(data) is None


def test_forged_article_part_is_a_stale_button_not_an_error(library: Library) -> None:
    engine = Engine(library, "https://content.example")
    assert engine.act("ar:ms-immunity-and-treatment:0") is not None
    assert engine.act("ar:ms-immunity-and-treatment:²") is None  # raised ValueError before


def test_a_button_for_an_article_that_is_not_there_has_expired(library: Library) -> None:
    engine = Engine(library, "https://content.example")
    assert engine.act("tp") is not None and engine.act("tp:ms-immunity-and-treatment") is not None
    assert engine.act("tp:no-such-article") is None  # was the whole menu


async def test_feedback_only_for_topical_answers(library: Library) -> None:
    conversation = Conversation(Engine(library, "https://content.example"), None)
    assert await conversation.action(1, 1, "fb:ms_dmt:1") is not None
    for forged in ("fb:emergency:1", "fb:crisis:0", "fb:greeting:1", "fb:oos_tech_and_legal:1", "fb:no_such:1"):
        assert await conversation.action(1, 1, forged) is None, forged
