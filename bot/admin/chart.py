"""The admin statistics chart: one small PNG, answered vs not answered per day and the top topics.

Uses matplotlib's object API with the Agg canvas (no display, no pyplot global
state), so it is safe on a headless server and from worker threads.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.admin.report import UsageReport

ANSWERED_COLOUR = "#2e7d32"
AMBIGUOUS_COLOUR = "#f9a825"
REPEAT_COLOUR = "#9ecae1"
FALLBACK_COLOUR = "#c62828"
TOPIC_COLOUR = "#1565c0"
MAX_DAY_LABELS = 10  # more would overlap on a phone screen
DPI = 100
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_labels(days: list[str]) -> list[str]:
    """Short labels ("21 Nov"), thinned to at most MAX_DAY_LABELS; today (the last bar) always has one."""
    step = max(1, -(-len(days) // MAX_DAY_LABELS))
    last = len(days) - 1
    return [f"{int(d[8:10])} {_MONTHS[int(d[5:7]) - 1]}" if (last - i) % step == 0 else ""
            for i, d in enumerate(days)]


def _draw_daily(axes: Axes, report: UsageReport) -> None:
    days = [d.day for d in report.daily]
    positions = range(len(days))
    series = (([d.answered for d in report.daily], ANSWERED_COLOUR, "answered"),
              ([d.repeats for d in report.daily], REPEAT_COLOUR, "repeated last answer"),
              ([d.ambiguous for d in report.daily], AMBIGUOUS_COLOUR, "asked to choose"),
              ([d.fallback for d in report.daily], FALLBACK_COLOUR, "no answer"))
    bottom = [0] * len(days)
    for counts, colour, label in series:  # stacked: each on top of the ones before
        axes.bar(positions, counts, bottom=bottom, color=colour, label=label)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_xticks(list(positions), _day_labels(days), rotation=45, ha="right", fontsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("messages")
    axes.set_title("Messages per day")
    axes.set_ylim(0, max(max(bottom, default=0) * 1.25, 1))  # headroom so the legend never covers a bar
    axes.legend(fontsize=8, loc="upper left", ncols=4, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)


def _draw_topics(axes: Axes, report: UsageReport) -> None:
    axes.set_title("Top topics")
    if not report.top_intents:
        axes.text(0.5, 0.5, "no answered questions yet", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return
    names = [name.replace("_", " ") for name, _ in reversed(report.top_intents)]  # biggest at the top
    counts = [count for _, count in reversed(report.top_intents)]
    axes.barh(names, counts, color=TOPIC_COLOUR)
    axes.tick_params(axis="y", labelsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("answers")
    axes.spines[["top", "right"]].set_visible(False)
    for y, count in enumerate(counts):
        axes.text(count, y, f" {count}", va="center", fontsize=8)


def render_stats_chart(report: UsageReport, path_or_buffer: str | Path | BinaryIO | None = None) -> bytes:
    """Draw the chart; write it to `path_or_buffer` if given, and return the PNG bytes."""
    figure = Figure(figsize=(11, 4.5), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    daily, topics = figure.subplots(1, 2, width_ratios=[3, 2])
    _draw_daily(daily, report)
    _draw_topics(topics, report)
    figure.suptitle(f"Patient-info bot, {report.period}: {report.messages} messages, "
                    f"{report.answered_rate * 100:.0f}% answered", fontsize=12)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    png = buffer.getvalue()
    if isinstance(path_or_buffer, str | Path):
        Path(path_or_buffer).write_bytes(png)
    elif path_or_buffer is not None:
        path_or_buffer.write(png)
    return png
