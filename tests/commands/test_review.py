"""bot/commands/review.py: `python -m bot review SLUG` stamps an article's review in its front matter."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from bot.commands.review import add_arguments, run
from bot.content.articles import load_articles
from bot.content.governance import today_utc
from bot.settings import Settings
from tests.helpers import copy_root

SLUG = "ms-immune-role"


def review(root: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args(list(argv)), Settings.from_env({}, root=root))


def test_a_review_is_stamped_with_its_date_next_review_and_digest(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_root(tmp_path)
    day = today_utc() - dt.timedelta(days=1)
    assert review(root, SLUG, "--date", day.isoformat(), "--next", (day + dt.timedelta(days=200)).isoformat(),
                  "--owner", "Neuro nurses") == 0
    article = load_articles(root / "content")[0][SLUG]
    assert article.reviewed == day and article.next_review == day + dt.timedelta(days=200)
    assert article.owner == "Neuro nurses" and article.review_state == "reviewed"
    assert f"Stamped content/{SLUG}.md" in capsys.readouterr().out


def test_an_unknown_article_is_refused_with_a_suggestion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert review(copy_root(tmp_path), "ms-imune-role") == 1
    assert "Did you mean 'ms-immune-role'?" in capsys.readouterr().out


def test_a_review_dated_in_the_future_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_root(tmp_path)
    before = (root / "content" / f"{SLUG}.md").read_bytes()
    assert review(root, SLUG, "--date", (today_utc() + dt.timedelta(days=2)).isoformat()) == 1
    assert "in the future" in capsys.readouterr().out
    assert (root / "content" / f"{SLUG}.md").read_bytes() == before


def test_a_date_that_is_not_a_date_is_an_argument_error() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args([SLUG, "--date", "20 Nov"])
