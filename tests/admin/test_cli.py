"""`stats`, `unmatched` and `suggest`, run as real processes on a database filled by real conversations."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.admin.chart import ANSWERED_COLOUR, FALLBACK_COLOUR, TOPIC_COLOUR
from bot.content.articles import load_articles
from bot.content.knowledge import Library
from bot.core.conversation import Conversation
from bot.core.engine import Engine
from bot.storage.sqlite import SQLiteStore
from tests.helpers import REPO, copy_root, png_shows

SECRET = "admin-cli-test-secret-of-32-bytes-or-more"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def record(db_path: Path, *texts: str) -> list[str]:
    """Send `texts` to the bot, each from a new user (no follow-up context); returns each turn's kind."""

    async def talk() -> list[str]:
        store = await SQLiteStore.open(db_path, SECRET)
        try:
            conversation = Conversation(Engine(Library(REPO), "https://content.example"), store)
            return [(await conversation.message(100 + n, 100 + n, text)).kind for n, text in enumerate(texts)]
        finally:
            await store.close()

    return asyncio.run(talk())


def run_bot(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env.update(BOT_DB_PATH=str(db_path), BOT_HASH_SECRET=SECRET)
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=60,
                          cwd=REPO, env=env)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bot.sqlite3"


@pytest.mark.parametrize("command", ["stats", "unmatched", "suggest", "history"])
def test_no_database_yet_is_said_plainly(db_path: Path, command: str) -> None:
    result = run_bot(db_path, command)
    assert result.returncode == 0, result.stderr
    assert "no conversations recorded yet" in result.stdout.lower()
    assert not db_path.exists(), "looking must not create the database"


def test_stats_prints_counts_and_saves_the_chart(db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    kinds = record(db_path, "what is multiple sclerosis", "what is refractory epilepsy", "diabetes diet")
    assert kinds == ["topical", "topical", "fallback"]
    chart = tmp_path / "stats-chart.png"

    result = run_bot(db_path, "stats", "--days", "7", "--chart", str(chart))

    assert result.returncode == 0, result.stderr
    assert "Messages: 3" in result.stdout and "Answered: 2 (67%)" in result.stdout
    assert "ms_overview" in result.stdout and str(chart) in result.stdout
    assert chart.read_bytes().startswith(PNG_SIGNATURE) and chart.stat().st_size < 150_000
    assert png_shows(chart.read_bytes(), ANSWERED_COLOUR, FALLBACK_COLOUR, TOPIC_COLOUR), "the chart has the bars"
    with capsys.disabled():
        print(f"\nstats chart (CLI): {chart}")


def test_unmatched_groups_questions_and_exports_csv(db_path: Path, tmp_path: Path) -> None:
    record(db_path, "diabetes diet", "Diabetes diets?", "how do i renew my passport", "diabetes diet",
           "what is multiple sclerosis")
    export = tmp_path / "unmatched.csv"

    result = run_bot(db_path, "unmatched", "--since", "7", "--limit", "5", "--csv", str(export))

    assert result.returncode == 0, result.stderr
    assert '3x "diabetes diet"' in result.stdout and "renew my passport" in result.stdout
    assert "what is multiple sclerosis" not in result.stdout, "answered questions are never listed"
    with export.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["count", "example", "nearest_intent", "score", "last_seen"]
    assert [(r["count"], r["example"]) for r in rows] == [("3", "diabetes diet"),
                                                         ("1", "how do i renew my passport")]
    assert rows[0]["nearest_intent"] and float(rows[0]["score"]) > 0
    assert rows[0]["last_seen"].endswith("+00:00")


def test_suggest_prints_phrases_and_never_edits_intents(db_path: Path) -> None:
    questions = ("steroid infusion for my relapse gave me awful nausea for days",
                 "steroid infusion after a relapse gave me a metallic taste and hiccups",
                 "how many days of steroid infusion do neurologists give for a bad relapse")
    assert set(record(db_path, *questions)) == {"fallback"}
    before = hashlib.sha256((REPO / "intents.yaml").read_bytes()).hexdigest()

    result = run_bot(db_path, "suggest", "--since", "7")

    assert result.returncode == 0, result.stderr
    assert "'steroid infusion': in 3 questions" in result.stdout
    assert "never edits intents.yaml" in result.stdout
    assert hashlib.sha256((REPO / "intents.yaml").read_bytes()).hexdigest() == before


def test_bad_number_of_days_is_refused(db_path: Path) -> None:
    result = run_bot(db_path, "stats", "--days", "0")
    assert result.returncode == 2 and "must be 1 or more" in result.stderr


def test_csv_export_never_holds_a_formula(tmp_path: Path) -> None:
    from bot.admin.cli import write_unmatched_csv
    from bot.admin.report import UnmatchedGroup

    texts = ['=HYPERLINK("https://evil.example","click me")', "+1 555 0100 call me", "-2+3", "@SUM(A1:A9)",
             "\t=1+1", "\r=1+1", "what is = in maths"]
    export = tmp_path / "unmatched.csv"
    write_unmatched_csv([UnmatchedGroup(1, [text], None, 0.0, 0.0) for text in texts], export)
    with export.open(encoding="utf-8", newline="") as handle:
        examples = [row["example"] for row in csv.DictReader(handle)]
    assert examples[:-1] == [f"'{text}" for text in texts[:-1]]  # shown as typed, read as text
    assert examples[-1] == "what is = in maths"


def test_history_lists_each_served_version_of_an_article_and_from_when(db_path: Path, tmp_path: Path) -> None:
    root = copy_root(tmp_path)

    async def talk(text: str) -> None:
        store = await SQLiteStore.open(db_path, SECRET)
        try:
            conversation = Conversation(Engine(Library(root), "https://content.example"), store)
            for n in range(3):  # three answers from one version: one row
                await conversation.message(n, n, text)
        finally:
            await store.close()

    asyncio.run(talk("what is multiple sclerosis"))
    article = root / "content" / "ms-immunity-and-treatment.md"
    article.write_text(article.read_text(encoding="utf-8").replace("In MS, the immune system", "In MS, the body's "
                                                                   "immune system", 1), encoding="utf-8")
    asyncio.run(talk("what is multiple sclerosis"))

    result = run_bot(db_path, "--root", str(root), "history", "ms-immunity-and-treatment")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    edited = load_articles(root / "content")[0]["ms-immunity-and-treatment"]
    assert lines[1] == f"ms-immunity-and-treatment (in the files now: digest {edited.digest})"
    first, second = lines[2:4]
    assert " until 20" in first and "until now" in second and len(lines) == 4
    assert f"digest {edited.digest}" in second and f"digest {edited.digest}" not in first
    assert "not the reviewed text" in second  # the shipped review records the text before the edit
