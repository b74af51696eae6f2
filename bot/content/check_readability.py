"""Reading level for `python -m bot check`: warnings for text above the target grade.

Graded as the user would read it: the summary, each treatment summary, and every
paragraph a topical reply can quote (trimmed to the excerpt a reply shows), each
reported at its line in the article's file with a suggested fix. Also the
per-article grades that `check` prints under the problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content.admin_files import ARTICLE_MAX_BYTES, read_admin_text
from bot.content.articles import Article, Section
from bot.content.knowledge import Knowledge
from bot.content.problems import Problem
from bot.content.readability import TARGET_GRADE, grade
from bot.core.compose import trim

READABILITY_FIX = "use shorter sentences and everyday words"


@dataclass(slots=True)
class ArticleGrade:
    """Reading level of one article (the whole text) and of its summary."""

    file: str
    article: float
    summary: float


# -- line numbers -----------------------------------------------------------------------------


def paragraph_lines(article: Article, section: Section) -> list[int]:
    """First line of each paragraph of `section` in the article's file (same splitting as content.py)."""
    lines = read_admin_text(article.path, article.path.parent, ARTICLE_MAX_BYTES).splitlines()
    starts: list[int] = []
    previous_blank = True
    for number in range(section.line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if text.startswith("## "):
            break
        if text and previous_blank:
            starts.append(number)
        previous_blank = not text
    return starts


def front_matter_line(article: Article, pattern: str) -> int | None:
    """Line of the first front-matter line matching `pattern` (a regular expression)."""
    for number, line in enumerate(read_admin_text(article.path, article.path.parent, ARTICLE_MAX_BYTES).splitlines(), 1):
        if re.search(pattern, line):
            return number
    return None


# -- grades -----------------------------------------------------------------------------------


def _grade_warning(file: str, line: int | None, where: str, text: str) -> Problem | None:
    value = round(grade(text), 1)  # judged as shown: "8.0" must not be "above 8"
    if value <= TARGET_GRADE:
        return None
    return Problem(file, line, where, f"reading grade {value:.1f} is above {TARGET_GRADE:g}: {READABILITY_FIX}",
                   "warning")


def shown_sections(knowledge: Knowledge) -> dict[str, set[str]]:
    """Article slug -> ids of the sections a topical reply can quote."""
    shown: dict[str, set[str]] = {}
    for intent in knowledge.topical_intents():
        if intent.article and intent.section:
            shown.setdefault(intent.article, set()).add(intent.section)
    return shown


def check_article_readability(article: Article, sections: set[str]) -> list[Problem]:
    """Warnings for the summary, treatment summaries and quotable paragraphs above the target grade."""
    file = f"content/{article.path.name}"
    found = [_grade_warning(file, front_matter_line(article, r"^summary:"), "summary", article.summary)]
    for treatment in article.treatments:
        line = front_matter_line(article, rf"name:\s*['\"]?{re.escape(treatment.name)}")
        found.append(_grade_warning(file, line, f"treatments[{treatment.name}].summary", treatment.summary))
    for section in article.sections:
        if section.id not in sections:
            continue
        starts = paragraph_lines(article, section)
        for index, paragraph in enumerate(section.paragraphs):
            line = starts[index] if index < len(starts) else section.line
            # A reply shows at most an excerpt of one paragraph: grade what the user would read.
            found.append(_grade_warning(file, line, f"section[{section.id}] paragraph {index + 1}", trim(paragraph)))
    return [p for p in found if p is not None]


def check_readability(knowledge: Knowledge) -> tuple[list[Problem], list[ArticleGrade]]:
    shown = shown_sections(knowledge)
    problems: list[Problem] = []
    grades = []
    for article in knowledge.articles.values():
        grades.append(ArticleGrade(f"content/{article.path.name}", grade(article.full_text()), grade(article.summary)))
        problems += check_article_readability(article, shown.get(article.slug, set()))
    return problems, grades


def format_grades(grades: list[ArticleGrade]) -> list[str]:
    lines = [f"Reading level (Flesch-Kincaid grade, target {TARGET_GRADE:g} or below):"]
    lines += [f"  {g.file}: whole article {g.article:.1f}, summary {g.summary:.1f}" for g in grades]
    return lines
