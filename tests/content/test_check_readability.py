"""bot/content/check_readability.py: reading-grade warnings at the line of the text a reply would show."""

from __future__ import annotations

from pathlib import Path

from bot.content.check_readability import (
    READABILITY_FIX,
    ArticleGrade,
    check_readability,
    format_grades,
    paragraph_lines,
    shown_sections,
)
from bot.content.knowledge import Knowledge, build_knowledge
from bot.content.problems import Problem
from bot.content.readability import TARGET_GRADE
from tests.helpers import copy_root, line_number

ARTICLE = "epilepsy-and-immunity"
HARD = ("Notwithstanding considerable interindividual heterogeneity, immunomodulatory pharmacotherapeutic "
        "interventions demonstrably attenuate inflammatory demyelination, consequently ameliorating "
        "longitudinal neurological disability accumulation across heterogeneous populations.")
FIRST_PARAGRAPH = "Epilepsy is a condition of the brain and nerves."


def loaded(root: Path) -> Knowledge:
    knowledge, problems = build_knowledge(root)
    assert knowledge is not None, problems
    return knowledge


def replace_in_article(root: Path, old: str, new: str) -> str:
    path = root / "content" / f"{ARTICLE}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def new_problems(tmp_path: Path, root: Path) -> list[Problem]:
    """The warnings for `root` that the shipped files do not have already."""
    before = {(p.file, p.field) for p in check_readability(loaded(copy_root(tmp_path / "shipped")))[0]}
    return [p for p in check_readability(loaded(root))[0] if (p.file, p.field) not in before]


def test_every_article_is_graded_and_every_warning_is_above_the_target(tmp_path: Path) -> None:
    knowledge = loaded(copy_root(tmp_path))
    problems, grades = check_readability(knowledge)
    assert {g.file for g in grades} == {f"content/{a.path.name}" for a in knowledge.articles.values()}
    for problem in problems:
        assert problem.severity == "warning"
        assert float(problem.message.split()[2]) > TARGET_GRADE


def test_a_hard_paragraph_a_reply_can_quote_is_reported_at_its_line(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = replace_in_article(root, FIRST_PARAGRAPH, HARD)
    problems = new_problems(tmp_path, root)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == f"content/{ARTICLE}.md" and problem.severity == "warning"
    assert problem.line == line_number(text, HARD[:40])
    assert problem.field == "section[what-epilepsy-is] paragraph 1"
    assert READABILITY_FIX in problem.message and f"above {TARGET_GRADE:g}" in problem.message


def test_a_hard_summary_is_reported_at_the_summary_line(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = replace_in_article(root, "  Epilepsy is a brain condition that causes seizures again and again.", "  " + HARD)
    problems = new_problems(tmp_path, root)
    assert [(p.field, p.line) for p in problems] == [("summary", line_number(text, "summary:"))]


def test_paragraph_lines_are_the_first_line_of_each_paragraph(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    replace_in_article(root, FIRST_PARAGRAPH, "Epilepsy is a condition\nof the brain and nerves.")  # wrapped
    knowledge = loaded(root)
    article = knowledge.articles[ARTICLE]
    section = next(s for s in article.sections if s.id == "what-epilepsy-is")
    text = (root / "content" / f"{ARTICLE}.md").read_text(encoding="utf-8")
    starts = paragraph_lines(article, section)
    assert starts[0] == line_number(text, "Epilepsy is a condition")
    assert starts[1] == line_number(text, "Seizures in epilepsy are not the same")  # not the wrapped line
    assert len(starts) == len(section.paragraphs)
    assert "what-epilepsy-is" in shown_sections(knowledge)[ARTICLE]


def test_format_grades_lists_each_article() -> None:
    lines = format_grades([ArticleGrade("content/a.md", 7.25, 6.0)])
    assert lines[0].startswith("Reading level") and lines[1] == "  content/a.md: whole article 7.2, summary 6.0"
