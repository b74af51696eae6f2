"""Content governance: review stamps, and the warnings `check` derives from them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.articles import load_articles, parse_article
from bot.content.governance import ReviewError, add_months, review_problems, stamp_review
from tests.helpers import REPO, copy_root


def test_the_shipped_articles_record_their_review() -> None:
    articles, _ = load_articles(REPO / "content")
    for article in articles.values():
        assert article.owner and article.next_review and article.review_state == "reviewed", article.slug
        assert review_problems(article, article.reviewed) == []


def test_stamping_writes_the_review_fields_and_leaves_every_other_line(tmp_path: Path) -> None:
    path = copy_root(tmp_path) / "content" / "ms-immune-role.md"
    before = path.read_text(encoding="utf-8")
    edited = before.replace("It also covers treatments", "It also explains treatments")
    path.write_text(edited, encoding="utf-8")
    article, _ = parse_article(path, edited)
    assert article is not None and article.review_state == "changed"

    stamp = stamp_review(path, dt.date(2026, 12, 4), owner="MS nurse team")

    after = path.read_text(encoding="utf-8")
    assert (stamp.reviewed, stamp.next_review, stamp.owner) == (dt.date(2026, 12, 4), dt.date(2027, 12, 4),
                                                                 "MS nurse team")
    changed = [(a, b) for a, b in zip(edited.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("reviewed: 2026-11-20", "reviewed: 2026-12-04"), ("next_review: 2027-11-20",
                        "next_review: 2027-12-04"), ("owner: Patient information team", "owner: MS nurse team"),
                       (f"digest: {parse_article(path, before)[0].reviewed_digest}", f"digest: {stamp.digest}")]
    stamped, problems = parse_article(path, after)
    assert problems == [] and stamped is not None and stamped.review_state == "reviewed"


def test_stamping_refuses_an_article_with_errors_or_without_an_owner(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    path = root / "content" / "ms-immune-role.md"
    path.write_text(path.read_text(encoding="utf-8").replace("topic: ms", "topic: flu"), encoding="utf-8")
    with pytest.raises(ReviewError, match="has errors"):
        stamp_review(path, dt.date(2026, 12, 4))
    other = root / "content" / "neuro-immune-link.md"
    other.write_text(other.read_text(encoding="utf-8").replace("owner: Patient information team\n", ""), "utf-8")
    with pytest.raises(ReviewError, match="no owner yet"):
        stamp_review(other, dt.date(2026, 12, 4))
    with pytest.raises(ReviewError, match="must come after"):
        stamp_review(other, dt.date(2026, 12, 4), dt.date(2026, 12, 1), "Team")


def test_a_quoted_owner_round_trips(tmp_path: Path) -> None:
    path = copy_root(tmp_path) / "content" / "ms-immune-role.md"
    stamp_review(path, dt.date(2026, 12, 4), owner='Dr "Ann": neurology')
    article, problems = parse_article(path, path.read_text(encoding="utf-8"))
    assert problems == [] and article is not None and article.owner == 'Dr "Ann": neurology'


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2026, 11, 20), 12) == dt.date(2027, 11, 20)
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 12, 15), 3) == dt.date(2027, 3, 15)


def review_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return subprocess.run([sys.executable, "-m", "bot", "--root", str(root), "review", *args], capture_output=True,
                          text=True, timeout=60, cwd=REPO, env=env)


def test_review_command(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    result = review_cli(root, "ms-immune-role", "--date", "2026-12-01", "--months", "6")
    assert result.returncode == 0, result.stderr
    assert "reviewed 2026-12-01, next review due 2027-06-01, owner Patient information team" in result.stdout
    unknown = review_cli(root, "ms-immune-rol")
    assert unknown.returncode == 1 and "Did you mean 'ms-immune-role'?" in unknown.stdout
    future = review_cli(root, "ms-immune-role", "--date", "2999-01-01")
    assert future.returncode == 1 and "is in the future" in future.stdout
