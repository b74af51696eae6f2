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
    assert len(articles) == 6
    for article in articles.values():
        assert article.sections and article.summary and article.sources


def test_a_bad_front_matter_is_one_error_in_plain_words_at_its_line() -> None:
    text = GOOD.replace("title: Demo article", "title: Demo: an article")
    article, problems = parse_article(Path("demo.md"), text)
    assert article is None
    [problem] = problems
    assert (problem.line, problem.field, problem.excerpt) == (3, "front matter", "title: Demo: an article")
    assert "Put the whole text in quotes" in problem.message and problem.column == 12


def test_a_misspelt_field_gets_did_you_mean_and_stands_for_what_it_lost() -> None:
    article, problems = parse_article(Path("demo.md"), GOOD.replace("reviewed: 2026", "reviewd: 2026"))
    assert article is None  # a required field is lost: one error, not also "reviewed must be a date"
    assert [(p.severity, p.line, p.message) for p in problems] == [
        ("error", 7, "unknown field 'reviewd'. Did you mean 'reviewed'?")]
    article, problems = parse_article(Path("demo.md"), GOOD.replace('url: ""', 'url: ""\nownr: Team'))
    assert article is not None
    assert [(p.severity, p.message) for p in problems] == [("warning", "unknown field 'ownr'. Did you mean 'owner'?")]


def test_governance_fields_are_read_and_a_bad_one_is_a_warning() -> None:
    text = GOOD.replace('url: ""', 'url: ""\nnext_review: 2027-11-20\nowner: MS nurse team\ndigest: 0123456789abcdef')
    article, problems = parse_article(Path("demo.md"), text)
    assert problems == [] and article is not None
    assert (str(article.next_review), article.owner, article.reviewed_digest) == ("2027-11-20", "MS nurse team",
                                                                                  "0123456789abcdef")
    _, problems = parse_article(Path("demo.md"), text.replace("2027-11-20", "soon").replace("0123456789", "xyz"))
    assert [(p.field, p.severity) for p in problems] == [("next_review", "warning"), ("digest", "warning")]


def test_the_digest_follows_the_text_not_the_review_fields_or_line_wrapping() -> None:
    article, _ = parse_article(Path("demo.md"), GOOD)
    rewrapped, _ = parse_article(Path("demo.md"), GOOD.replace("Para two\ncontinues here.", "Para two continues here."))
    restamped, _ = parse_article(Path("demo.md"), GOOD.replace("reviewed: 2026-11-20", "reviewed: 2026-12-01\n"
                                                                "owner: Someone"))
    edited, _ = parse_article(Path("demo.md"), GOOD.replace("Para one.", "Para one, changed."))
    assert article and rewrapped and restamped and edited
    assert article.digest == rewrapped.digest == restamped.digest != edited.digest
    assert article.changed_since_review  # never stamped
