"""bot/admin/explain.py: why the bot answers a question as it does (CLI explain and the admins' /explain)."""

from __future__ import annotations

import pytest

from bot.admin.explain import explain_lines
from bot.content.knowledge import Library
from bot.core.engine import Engine


@pytest.fixture(scope="module")
def engine(library: Library) -> Engine:
    return Engine(library, "https://content.example")


def test_a_safety_message_names_its_kind_tier_and_criterion(engine: Engine) -> None:
    lines = explain_lines(engine, "my husband is having a seizure right now and it won't stop")
    assert lines[0].startswith("SAFETY: emergency, certain (the safety reply alone), criterion ")


def test_a_topical_question_shows_the_decision_and_ranked_candidates(engine: Engine) -> None:
    lines = explain_lines(engine, "what are the side effects of ms medicines")
    assert not lines[0].startswith("SAFETY")
    decision = lines[0]
    threshold = engine.knowledge.intent_file.settings.threshold
    assert decision.startswith("decision: ") and f"threshold {threshold:g}" in decision
    ranked = [line for line in lines if line[:3] in ("1. ", "2. ")]
    assert ranked and "keyword:" in ranked[0] and "words:" in ranked[0]
    scores = [float(line.split()[2]) for line in lines if line[:1].isdigit() and ". " in line[:4]]
    assert scores == sorted(scores, reverse=True)


def test_a_message_no_keyword_matches_says_so(engine: Engine) -> None:
    lines = explain_lines(engine, "zzzz qqqq")
    assert "no keyword matched any word of the message" in lines
