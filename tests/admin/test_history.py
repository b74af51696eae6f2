"""bot/admin/history.py: which version of each article was served, and from when."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bot.admin.history import format_history, run
from bot.admin.report import NO_DATA
from bot.content.articles import load_articles
from bot.settings import Settings
from bot.storage.protocol import ServedVersion
from tests.helpers import REPO

DAY = 86400.0
START = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC).timestamp()


def test_each_version_runs_until_the_next_one() -> None:
    articles, _ = load_articles(REPO / "content")
    slug = "ms-immune-role"
    now = articles[slug]
    versions = [ServedVersion(slug, "0ld0ld0ld0ld0ld0", "2026-01-01", False, START),  # as the store lists them
                ServedVersion(slug, now.digest, "2026-11-20", True, START + 3 * DAY)]
    lines = format_history(versions, articles).splitlines()
    assert lines[0] == f"{slug} (in the files now: digest {now.digest})"
    assert lines[1].split()[:2] == ["2026-11-01", "09:00:00"] and "until 2026-11-04 09:00:00 UTC" in lines[1]
    assert "digest 0ld0ld0ld0ld0ld0" in lines[1] and "not the reviewed text" in lines[1]
    assert "until now" in lines[2] and f"digest {now.digest}" in lines[2] and "the reviewed text" in lines[2]


def test_an_article_gone_from_the_files_is_said_so_and_nothing_served_too() -> None:
    text = format_history([ServedVersion("old-page", "abc", "2025-01-01", True, START)], {})
    assert text.splitlines()[0] == "old-page (no longer in content/)"
    assert format_history([], {}) == "No answers served from an article yet."


def test_without_a_database_it_says_nothing_is_recorded_yet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({"BOT_DB_PATH": str(tmp_path / "none.sqlite3")}, root=REPO)
    assert run(argparse.Namespace(slug=None), settings) == 0
    assert capsys.readouterr().out.strip() == NO_DATA.format(path=tmp_path / "none.sqlite3")
