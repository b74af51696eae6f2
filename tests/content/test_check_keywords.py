"""bot/content/check_keywords.py: keyword clashes and pitfalls, named where they are written in intents.yaml."""

from __future__ import annotations

from pathlib import Path

from bot.content.check import intent_nodes
from bot.content.check_keywords import (
    INTENTS_FILE,
    KeywordPlaces,
    bare_keyword_fix,
    check_keyword_pitfalls,
    check_repeated,
    check_shadowed,
    keyword_pitfall,
    why_alike,
)
from bot.content.knowledge import Knowledge, build_knowledge
from tests.helpers import copy_root, line_number


def add_keywords(root: Path, intent_id: str, *keywords: str) -> str:
    """Insert keywords at the top of an intent's list; returns the new intents.yaml text."""
    path = root / "intents.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("    keywords:\n", text.index(f"  - id: {intent_id}\n")) + len("    keywords:\n")
    text = text[:at] + "".join(f"      - {k}\n" for k in keywords) + text[at:]
    path.write_text(text, encoding="utf-8")
    return text


def loaded(root: Path) -> tuple[Knowledge, KeywordPlaces]:
    knowledge, problems = build_knowledge(root)
    assert knowledge is not None, problems
    return knowledge, KeywordPlaces(knowledge, intent_nodes(root))


def test_a_keyword_an_earlier_intent_has_is_reported_at_its_line_with_the_owner(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = add_keywords(root, "ms_complementary", "epileptic fits", "what is an epilepsy")
    knowledge, places = loaded(root)
    problems = check_shadowed(knowledge, places)
    same = [p for p in problems if p.message.startswith("'epileptic fits'")]
    assert len(same) == 1
    problem = same[0]
    assert problem.file == INTENTS_FILE and problem.severity == "warning"
    added_at = text[:text.index("      - epileptic fits", text.index("  - id: ms_complementary"))].count("\n") + 1
    assert problem.line == added_at
    assert problem.field == "intents[ms_complementary].keywords"
    first = f"{INTENTS_FILE}:{line_number(text, '- epileptic fits')}"
    assert f"already a keyword of epilepsy_overview ({first})" in problem.message
    alike = [p for p in problems if p.message.startswith("'what is an epilepsy'")]
    assert len(alike) == 1 and "reads the same as" in alike[0].message and "filler words" in alike[0].message


def test_a_keyword_listed_twice_in_one_intent_is_reported_at_the_repeat(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_keywords(root, "ms_complementary", "ms yoga class", "MS  yoga class", "what is ms yoga class")
    knowledge, places = loaded(root)
    problems = check_repeated(knowledge, places)
    assert len(problems) == 1, problems  # "what is ms yoga class" only reads alike: it may pick its own passage
    text = (root / "intents.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: ms_complementary")
    assert problems[0].line == text[:text.index("      - MS  yoga class", start)].count("\n") + 1
    assert "listed twice in ms_complementary" in problems[0].message and problems[0].severity == "warning"
    assert check_repeated(*loaded(copy_root(tmp_path / "clean"))) == []  # the shipped file repeats none


def test_why_two_keywords_read_the_same_is_said_in_plain_words() -> None:
    assert "filler words are ignored (the)" in why_alike("the ms fatigue", "ms fatigue")
    assert "count as the same word" in why_alike("ms tiredness", "ms fatigue")


def test_pitfalls_flag_short_and_filler_keywords_only() -> None:
    assert keyword_pitfall("zq") is not None
    assert keyword_pitfall("ms") is None  # a known abbreviation
    assert keyword_pitfall("what is it") is not None  # filler words only
    assert keyword_pitfall("ms fatigue") is None


def test_pitfalls_are_checked_in_topical_intents_but_not_in_smalltalk(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_keywords(root, "ms_dmt", "zq")
    add_keywords(root, "greeting", "yq")
    knowledge, places = loaded(root)
    fields = [p.field for p in check_keyword_pitfalls(knowledge, places) if p.message.startswith(("'zq'", "'yq'"))]
    assert fields == ["intents[ms_dmt].keywords"]


def test_a_bare_generic_keyword_is_told_to_pair_with_its_disease(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    add_keywords(root, "ms_dmt", "injections")
    knowledge, places = loaded(root)
    assert "e.g. 'ms injections'" in bare_keyword_fix(knowledge, places, "ms_dmt", "injections")
    assert "e.g." not in bare_keyword_fix(knowledge, places, "ms_dmt", "ms injections")
