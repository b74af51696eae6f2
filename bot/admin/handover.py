"""Admin figures for talking to a person: handovers opened and closed, and how fast the team answers.

Read by `/stats` (bot/channels/telegram/admin.py) and `python -m bot stats` (bot/admin/cli.py).
The figures come from ticket times only: no person, no message.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from bot.storage.protocol import Store


@dataclass(frozen=True, slots=True)
class HandoverFigures:
    """Handovers of the last `days` days (UTC, today included, like the usage report)."""

    days: int
    opened: int
    closed: int
    answered: int  # opened in the period and answered by the team
    median_first_reply: float | None  # seconds from opening to the team's first reply


def period_start(days: int, today: dt.date | None = None) -> float:
    """Midnight UTC at the start of the period, as a timestamp."""
    first = (today or dt.datetime.now(dt.UTC).date()) - dt.timedelta(days=days - 1)
    return dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC).timestamp()


def build_handover_figures(days: int, since: float,
                           rows: Iterable[tuple[float, float | None, float | None]]) -> HandoverFigures:
    """Count (opened_at, first_reply_at, closed_at) rows into the period's figures."""
    opened = closed = 0
    waits: list[float] = []
    for opened_at, first_reply_at, closed_at in rows:
        if opened_at >= since:
            opened += 1
            if first_reply_at is not None:
                waits.append(max(0.0, first_reply_at - opened_at))
        if closed_at is not None and closed_at >= since:
            closed += 1
    return HandoverFigures(days, opened, closed, len(waits), statistics.median(waits) if waits else None)


async def handover_figures(store: Store, days: int) -> HandoverFigures:
    since = period_start(days)
    return build_handover_figures(days, since, await store.handover_times(since))


def duration(seconds: float) -> str:
    """"45 s", "4 min", "2 h 5 min", "1 d 3 h"."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def format_handover_figures(figures: HandoverFigures) -> str:
    """Two lines for admins."""
    period = "today" if figures.days == 1 else f"last {figures.days} days"
    lines = [f"Handovers to the team, {period}: {figures.opened} opened, {figures.closed} closed"]
    if figures.median_first_reply is None:
        lines.append("Median time to the first staff reply: no staff reply yet")
    else:
        lines.append(f"Median time to the first staff reply: {duration(figures.median_first_reply)} "
                     f"({figures.answered} answered)")
    return "\n".join(lines)
