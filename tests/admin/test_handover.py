"""Handover figures for admins: counting, the median first reply, and `python -m bot stats`."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.admin.handover import build_handover_figures, duration, format_handover_figures
from bot.storage.sqlite import SQLiteStore
from tests.admin.test_cli import SECRET, run_bot


def test_figures_count_the_period_and_take_the_median_first_reply() -> None:
    since = 1_000_000.0
    rows = [
        (since + 10, since + 70, since + 500),  # answered after 60 s, closed
        (since + 20, since + 320, None),  # answered after 300 s, still open
        (since + 30, since + 30 + 7200, None),  # answered after 2 h
        (since + 40, None, None),  # not answered yet
        (since - 99, since - 50, since + 5),  # opened before the period, closed in it
    ]
    figures = build_handover_figures(7, since, rows)
    assert (figures.opened, figures.closed, figures.answered) == (4, 2, 3)
    assert figures.median_first_reply == 300
    text = format_handover_figures(figures)
    assert text == ("Handovers to the team, last 7 days: 4 opened, 2 closed\n"
                    "Median time to the first staff reply: 5 min (3 answered)")


def test_no_reply_yet_is_said() -> None:
    figures = build_handover_figures(1, 0.0, [(5.0, None, None)])
    assert format_handover_figures(figures).endswith("no staff reply yet")
    assert format_handover_figures(figures).startswith("Handovers to the team, today: 1 opened, 0 closed")


def test_durations_read_naturally() -> None:
    assert [duration(s) for s in (42, 61, 3600, 3900, 86400, 90000)] == [
        "42 s", "1 min", "1 h", "1 h 5 min", "1 d", "1 d 1 h"]


def test_stats_command_reports_handovers(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "bot.sqlite3"

    async def fill() -> None:
        store = await SQLiteStore.open(db_path, SECRET)
        try:
            now = time.time()
            first = await store.handover_create("k1", 1, "MS fatigue", now - 600)
            await store.handover_opened(first, 11)
            await store.handover_replied(first, now - 480)  # 2 minutes after opening
            await store.handover_close(first, "team", now - 60)
            second = await store.handover_create("k2", 2, None, now - 30)
            await store.handover_opened(second, 12)
        finally:
            await store.close()

    asyncio.run(fill())
    result = run_bot(db_path, "stats")
    assert result.returncode == 0, result.stderr
    assert "Handovers to the team, last 7 days: 2 opened, 1 closed" in result.stdout
    assert "Median time to the first staff reply: 2 min (1 answered)" in result.stdout
