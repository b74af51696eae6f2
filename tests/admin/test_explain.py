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


def test_a_topical_question_shows_the_decision_the_match_and_ranked_candidates(engine: Engine) -> None:
    lines = explain_lines(engine, "how do ms medicines work")
    assert lines[0].startswith("answer: topical ")
    match = lines[1]
    threshold = engine.knowledge.intent_file.settings.threshold
    assert match.startswith("match: ") and f"threshold {threshold:g}" in match
    ranked = [line for line in lines if line[:3] in ("1. ", "2. ")]
    assert ranked and "keyword:" in ranked[0] and "words:" in ranked[0]
    scores = [float(line.split()[2]) for line in lines if line[:1].isdigit() and ". " in line[:4]]
    assert scores == sorted(scores, reverse=True)


def test_explain_shows_the_crisis_nets_probability(engine: Engine) -> None:
    lines = explain_lines(engine, "nobody would even notice if i stopped existing")
    assert lines[0].startswith("SAFETY: crisis, possible (a safety line on top of the answer), criterion net_crisis")
    net = [line for line in lines if line.startswith("crisis net: p=")]
    assert len(net) == 1 and float(net[0].split("=")[1].split()[0]) >= engine.knowledge.safety.net.fires_at
    calm = [line for line in explain_lines(engine, "what is multiple sclerosis") if line.startswith("crisis net: p=")]
    assert len(calm) == 1 and float(calm[0].split("=")[1].split()[0]) < engine.knowledge.safety.net.fires_at


def test_a_message_no_keyword_matches_says_so(engine: Engine) -> None:
    lines = explain_lines(engine, "zzzz qqqq")
    assert "no keyword matched any word of the message" in lines


def test_explain_shows_why_safety_won_and_what_the_matcher_found(engine: Engine) -> None:
    lines = explain_lines(engine, "my son is seizing right now")
    assert lines[0].startswith("SAFETY: emergency, certain")
    assert lines[1] == "answer: safety emergency (safety certain: emergency (seizure_now))"
    assert lines[2].startswith("match: ") and lines[3].startswith("1. ")  # the candidates, though safety decided


def test_explain_names_why_nothing_was_answered(engine: Engine) -> None:
    assert "fallback: gibberish" in explain_lines(engine, "asdfgh qwerty")[0]
