"""bot/admin/chart.py: the stats chart as a PNG (messages per day, stacked, and the top topics)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from matplotlib.image import imread

from bot.admin.chart import ANSWERED_COLOUR, DPI, FALLBACK_COLOUR, TOPIC_COLOUR, render_stats_chart
from bot.admin.report import DayCount, UsageReport

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def report(daily: list[DayCount], top: list[tuple[str, int]]) -> UsageReport:
    answered = sum(d.answered for d in daily)
    fallback = sum(d.fallback for d in daily)
    return UsageReport(len(daily), daily[0].day, daily[-1].day, answered + fallback, answered, fallback, 0,
                       {}, top, [], daily)


def pixels_of(png: bytes, colour: str) -> int:
    """How many pixels are exactly `colour` ('#rrggbb')."""
    image = (imread(io.BytesIO(png))[:, :, :3] * 255).round().astype(int)
    wanted = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return int(np.all(image == wanted, axis=2).sum())


def days(*counts: tuple[int, int]) -> list[DayCount]:
    return [DayCount(f"2026-11-{20 + n:02d}", answered, fallback, 0) for n, (answered, fallback) in enumerate(counts)]


def test_the_chart_is_a_png_of_the_set_size_written_where_asked(tmp_path: Path) -> None:
    usage = report(days((3, 1), (5, 0)), [("ms_dmt", 4)])
    buffer = io.BytesIO()
    png = render_stats_chart(usage, tmp_path / "chart.png")
    assert png.startswith(PNG_MAGIC)
    assert (tmp_path / "chart.png").read_bytes() == png
    render_stats_chart(usage, buffer)
    assert buffer.getvalue().startswith(PNG_MAGIC)
    assert imread(io.BytesIO(png)).shape[:2] == (int(4.5 * DPI), 11 * DPI)


def test_the_bars_grow_with_the_counts() -> None:
    few = render_stats_chart(report(days((1, 5), (1, 5)), []))
    many = render_stats_chart(report(days((5, 1), (5, 1)), []))
    assert pixels_of(many, ANSWERED_COLOUR) > pixels_of(few, ANSWERED_COLOUR)
    assert pixels_of(many, FALLBACK_COLOUR) < pixels_of(few, FALLBACK_COLOUR)


def test_topics_are_drawn_only_when_there_are_answers() -> None:
    assert pixels_of(render_stats_chart(report(days((0, 2)), [])), TOPIC_COLOUR) == 0
    assert pixels_of(render_stats_chart(report(days((2, 0)), [("ms_dmt", 2), ("ms_fatigue", 1)])), TOPIC_COLOUR) > 100
