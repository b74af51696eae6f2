from pathlib import Path

import pytest

from bot.content import load_articles
from bot.intents import parse_intents
from tests.helpers import REPO, line_number

ARTICLES, _ = load_articles(REPO / "content")
SHIPPED = (REPO / "intents.yaml").read_text(encoding="utf-8")

BASE = """version: 1
settings:
  threshold: 68
  ambiguity_margin: 6
intents:
  - id: ms_dmt
    article: ms-immunity-and-treatment
    section: disease-modifying-therapies
    keywords: [ms meds, ocrevus]
    examples: [a, b, c, d, e]
    follow_ups: [greeting]
  - id: greeting
    kind: smalltalk
    keywords: [hello]
    reply: Hi there.
  - id: emergency
    kind: safety
    keywords: [seizure wont stop]
  - id: crisis
    kind: safety
    keywords: [want to die]
  - id: medication_change
    kind: safety
    keywords: [stop my meds]
"""


def problems_of(text: str) -> list[tuple[str, int | None]]:
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None, "a broken file must not load"
    return [(p.field, p.line) for p in problems if p.severity == "error"]


def test_valid_file_loads() -> None:
    loaded, problems = parse_intents(BASE, ARTICLES)
    assert loaded is not None and [p for p in problems if p.severity == "error"] == []
    assert loaded.settings.threshold == 68
    assert loaded.by_id()["ms_dmt"].follow_ups == ("greeting",)


def test_shipped_file_has_every_planned_id() -> None:
    loaded, problems = parse_intents(SHIPPED, ARTICLES)
    assert loaded is not None, problems
    plan = REPO.parent / "shared" / "content-plan.md"  # beside the checkout, here and in CI
    ids = {line.split("`")[1] for line in plan.read_text().splitlines() if line.startswith("| `")}
    ids = {i for i in ids if "-" not in i}  # article slugs have hyphens, intent ids do not
    assert len(ids) == 35 and ids <= set(loaded.by_id())


@pytest.mark.parametrize(
    ("old", "new", "field", "needle"),
    [
        ("article: ms-immunity-and-treatment", "article: ms-nonexistent", "intents[ms_dmt].article",
         "article: ms-nonexistent"),
        ("section: disease-modifying-therapies", "section: nope", "intents[ms_dmt].section", "section: nope"),
        ("keywords: [hello]", "keywords: []", "intents[greeting].keywords", "keywords: []"),
        ("follow_ups: [greeting]", "follow_ups: [ghost]", "intents[ms_dmt].follow_ups", "- id: ms_dmt"),
        ("threshold: 68", "threshold: 150", "settings.threshold", "threshold: 150"),
        ("ambiguity_margin: 6", "ambiguity_margin: many", "settings.ambiguity_margin", "ambiguity_margin"),
        ("examples: [a, b, c, d, e]", "examples: [a, b]", "intents[ms_dmt].examples", "examples: [a, b]"),
        ("kind: smalltalk", "kind: chit-chat", "intents[greeting].kind", "kind: chit-chat"),
    ],
)
def test_each_problem_names_field_and_line(old: str, new: str, field: str, needle: str) -> None:
    text = BASE.replace(old, new)
    assert (field, line_number(text, needle)) in problems_of(text)


def test_duplicate_ids_reported_with_both_lines() -> None:
    text = BASE + "  - id: greeting\n    kind: smalltalk\n    keywords: [hey]\n    reply: Hey.\n"
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    [duplicate] = [p for p in problems if "duplicate" in p.message]
    assert duplicate.line == len(BASE.splitlines()) + 1
    assert f"first defined on line {line_number(text, '- id: greeting')}" in duplicate.message


def test_yaml_syntax_error_reports_line() -> None:
    text = BASE.replace("keywords: [ms meds, ocrevus]", "keywords: [ms meds, ocrevus")
    loaded, problems = parse_intents(text, ARTICLES)
    assert loaded is None
    assert problems[0].field == "yaml" and problems[0].line is not None and problems[0].line >= 9


def test_all_problems_reported_not_only_the_first() -> None:
    text = BASE.replace("threshold: 68", "threshold: -1").replace("section: disease-modifying-therapies",
                                                                 "section: nope")
    fields = {f for f, _ in problems_of(text)}
    assert {"settings.threshold", "intents[ms_dmt].section"} <= fields


def test_missing_safety_intent_is_an_error() -> None:
    text = BASE.split("  - id: crisis")[0] + "  - id: medication_change\n    kind: safety\n    keywords: [x y]\n"
    assert ("intents", 5) in problems_of(text)


def test_problem_string_is_file_line_field() -> None:
    _, problems = parse_intents(BASE.replace("threshold: 68", "threshold: 150"), ARTICLES, "intents.yaml")
    assert str(problems[0]).startswith("intents.yaml:3: error: settings.threshold:")


def test_unreadable_file(tmp_path: Path) -> None:
    from bot.intents import load_intents

    loaded, problems = load_intents(tmp_path / "missing.yaml", ARTICLES)
    assert loaded is None and problems[0].field == "file"
