"""bot/content/intent.py: what an intent is, and the intent and article ids the code names (they must be in the
shipped content, with the kind the code expects)."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest

from bot.content.intent import (
    FIRST_AID_ARTICLE,
    FIRST_AID_INTENT,
    HANDOVER_ID,
    KINDS,
    SAFETY_IDS,
    Intent,
    Kind,
    MatchSettings,
)
from bot.content.knowledge import Knowledge, Library


@pytest.fixture(scope="module")
def knowledge(library: Library) -> Knowledge:
    return library.current


def test_the_kinds_listed_are_the_kinds_typed() -> None:
    assert get_args(Kind) == KINDS


def test_the_ids_the_code_names_are_in_the_content_with_their_kind(knowledge: Knowledge) -> None:
    assert [knowledge.intents[i].kind for i in SAFETY_IDS] == ["safety"] * len(SAFETY_IDS)
    assert knowledge.intents[HANDOVER_ID].kind == "handover"
    first_aid = knowledge.intents[FIRST_AID_INTENT]
    assert first_aid.kind == "topical" and first_aid.article == FIRST_AID_ARTICLE
    assert FIRST_AID_ARTICLE in knowledge.articles


def test_an_intent_and_the_match_settings_are_frozen_values() -> None:
    intent = Intent("x", "topical", ("a keyword",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        intent.kind = "safety"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        MatchSettings().threshold = 1.0  # type: ignore[misc]
