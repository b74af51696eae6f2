from pathlib import Path

from bot.content.articles import load_articles, parse_article, slugify
from tests.helpers import REPO

GOOD = """---
slug: demo
title: Demo article
topic: ms
summary: A short summary. It has two sentences.
url: ""
reviewed: 2026-11-20
sources:
  - title: Seed text
treatments:
  - name: Rest
    for: Tiredness
    summary: Resting helps.
---

Intro paragraph.

## First part

Para one.

Para two
continues here.

## Second part

- item one
- item two
"""


def test_parses_front_matter_sections_and_paragraphs() -> None:
    article, problems = parse_article(Path("demo.md"), GOOD)
    assert problems == []
    assert article is not None
    assert [s.id for s in article.sections] == ["first-part", "second-part"]
    assert article.sections[0].paragraphs == ("Para one.", "Para two continues here.")
    assert article.sections[1].paragraphs == ("• item one\n• item two",)
    assert article.treatments[0].name == "Rest"
    assert article.link("https://x.org/base/") == "https://x.org/base/demo"
    assert article.sections[0].line == 18


def test_absolute_url_wins_over_base() -> None:
    article, _ = parse_article(Path("demo.md"), GOOD.replace('url: ""', "url: https://site.org/a"))
    assert article is not None and article.link("https://x.org") == "https://site.org/a"


def test_reports_each_bad_field_with_its_line() -> None:
    text = GOOD.replace("topic: ms", "topic: flu").replace("reviewed: 2026-11-20", "reviewed: soon")
    _, problems = parse_article(Path("demo.md"), text)
    found = {(p.field, p.line) for p in problems}
    assert ("topic", 4) in found
    assert ("reviewed", 7) in found


def test_slug_must_match_file_name() -> None:
    _, problems = parse_article(Path("other.md"), GOOD)
    assert [(p.field, p.line) for p in problems] == [("slug", 2)]


def test_missing_front_matter_and_bad_yaml() -> None:
    _, problems = parse_article(Path("demo.md"), "# no front matter")
    assert problems[0].field == "front matter"
    _, problems = parse_article(Path("demo.md"), "---\ntitle: [unclosed\n---\n## A\n\ntext\n")
    assert problems[0].field == "front matter" and problems[0].line is not None


def test_slugify() -> None:
    assert slugify("Relapsing-remitting MS") == "relapsing-remitting-ms"
    assert slugify("The gut-brain axis") == "the-gut-brain-axis"


def test_shipped_articles_load_cleanly() -> None:
    articles, problems = load_articles(REPO / "content")
    assert problems == []
    assert len(articles) == 5
    for article in articles.values():
        assert article.sections and article.summary and article.sources
