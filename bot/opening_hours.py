"""The staff team's opening hours (BOT_HANDOVER_HOURS): parse, "open now?", "back when?".

The format, case-insensitive:

    Mon-Fri 09:00-17:00 Europe/London
    Mon-Fri 09:00-12:30 13:30-17:00, Sat 10:00-13:00 Europe/Dublin
    Daily 20:00-08:00 America/New_York        (overnight: 20:00 to 08:00 the next morning)
    09:00-17:00                               (every day, UTC)
    always                                    (the default: always open)

Spans are separated by "," or ";"; each names days (Mon, Mon-Fri, Fri-Mon, Daily;
none means every day) and one or more times. An end earlier than the start runs
past midnight, and belongs to the day it starts on. The IANA time zone comes last
(UTC if left out); local wall-clock times follow daylight saving.

Plain Python: every answer takes the time as an argument, so tests use any clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ALWAYS = ("", "always", "24/7", "any time", "anytime")
_TIME_RANGE = re.compile(r"(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})")
_ZONE_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-/]*")  # Europe/London, UTC, Etc/GMT+5
_EVERY_DAY = frozenset(range(7))
MAX_LENGTH = 500  # bounded work for a value read from the environment
MINUTES_PER_DAY = 1440


class HoursError(ValueError):
    """The hours text cannot be read; the message says which part."""


@dataclass(frozen=True, slots=True)
class Span:
    """Open from `start` to `end` (minutes after local midnight) on `days` (0 = Monday)."""

    days: frozenset[int]
    start: int
    end: int

    @property
    def overnight(self) -> bool:
        return self.end <= self.start

    def covers(self, weekday: int, minute: int) -> bool:
        if not self.overnight:
            return weekday in self.days and self.start <= minute < self.end
        return (weekday in self.days and minute >= self.start) or ((weekday - 1) % 7 in self.days
                                                                   and minute < self.end)


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """When the team works; no spans means always open."""

    spans: tuple[Span, ...] = ()
    zone: str = "UTC"

    @property
    def always(self) -> bool:
        return not self.spans

    @property
    def zone_info(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def is_open(self, now: dt.datetime) -> bool:
        """Is the team at work at `now` (a timezone-aware time)?"""
        if self.always:
            return True
        local = now.astimezone(self.zone_info)
        minute = local.hour * 60 + local.minute
        return any(span.covers(local.weekday(), minute) for span in self.spans)

    def next_open(self, now: dt.datetime) -> dt.datetime:
        """When the team is next at work: `now` if it is, else the next opening (in the zone's time)."""
        if self.is_open(now):
            return now.astimezone(self.zone_info)
        zone = self.zone_info
        local = now.astimezone(zone)
        openings = []
        for offset in range(8):  # a week and a day always reaches every span's next start
            day = local.date() + dt.timedelta(days=offset)
            for span in self.spans:
                if day.weekday() in span.days:
                    start = dt.datetime.combine(day, _clock(span.start), tzinfo=zone)
                    # A start in a spring-forward gap (01:30 on the night clocks go 01:00 -> 02:00) does not
                    # exist on the wall clock: the instant after the gap is the real opening.
                    start = start.astimezone(dt.UTC).astimezone(zone)
                    if start > now:
                        openings.append(start)
        return min(openings)

    def describe(self) -> str:
        """The hours in words for users: "Mon-Fri 09:00-17:00 (Europe/London)"."""
        if self.always:
            return "any time"
        parts = [f"{_days_text(span.days)} {_hhmm(span.start)}-{_hhmm(span.end)}" for span in self.spans]
        return f"{', '.join(parts)} ({self.zone})"


def parse_hours(text: str) -> OpeningHours:
    """Read an hours text (see the module docstring); HoursError says what is wrong."""
    text = " ".join(text.split())
    if len(text) > MAX_LENGTH:
        raise HoursError(f"is longer than {MAX_LENGTH} characters")
    if text.lower() in _ALWAYS:
        return OpeningHours()
    parts = [p.strip() for p in re.split(r"[,;]", text)]
    zone = "UTC"
    last = parts[-1].split(" ")
    if len(last) > 1 and _ZONE_LIKE.fullmatch(last[-1]) and _day_set(last[-1]) is None:
        zone = _zone(last[-1])
        parts[-1] = " ".join(last[:-1])
    spans = [span for part in parts for span in _spans(part)]
    return OpeningHours(tuple(spans), zone)


def _spans(part: str) -> list[Span]:
    if not part:
        raise HoursError("has an empty part between two commas")
    words = part.split(" ")
    times = [w for w in words if _TIME_RANGE.fullmatch(w)]
    day_words = [w for w in words if not _TIME_RANGE.fullmatch(w)]
    if not times:
        raise HoursError(f"'{part}' has no opening times like 09:00-17:00 (the time zone goes at the very end)")
    if words[: len(day_words)] != day_words:
        raise HoursError(f"'{part}': write the days before the times, like 'Mon-Fri 09:00-17:00'")
    days = _EVERY_DAY
    if day_words:
        found = _day_set(" ".join(day_words).replace(" ", ""))
        if found is None:
            raise HoursError(f"'{' '.join(day_words)}' is not a day or a range of days like Mon-Fri")
        days = found
    return [_span(days, time_range) for time_range in times]


def _span(days: frozenset[int], time_range: str) -> Span:
    match = _TIME_RANGE.fullmatch(time_range)
    assert match is not None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
        raise HoursError(f"'{time_range}' is not a time range: hours 00-23 (24:00 as an end), minutes 00-59")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end % MINUTES_PER_DAY and end != MINUTES_PER_DAY:
        raise HoursError(f"'{time_range}' opens and closes at the same time (for all day use 00:00-24:00)")
    return Span(days, start, end)


def _day_set(text: str) -> frozenset[int] | None:
    """'Mon', 'Mon-Fri', 'Fri-Mon' (wraps), 'Daily'; None if it is not a day text."""
    text = text.lower()
    if text in ("daily", "everyday"):
        return _EVERY_DAY
    first, dash, last = text.partition("-")
    start, end = _day(first), _day(last) if dash else _day(first)
    if start is None or end is None:
        return None
    return frozenset((start + i) % 7 for i in range((end - start) % 7 + 1))


def _day(word: str) -> int | None:
    if word in DAY_NAMES:
        return DAY_NAMES.index(word)
    return _FULL_DAY_NAMES.index(word) if word in _FULL_DAY_NAMES else None


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise HoursError(f"'{name}' is not a time zone: use an IANA name like Europe/London or UTC") from None
    return name


def _clock(minute: int) -> dt.time:
    return dt.time(minute // 60 % 24, minute % 60)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _days_text(days: frozenset[int]) -> str:
    """Days back as text: 'Daily', 'Mon-Fri', 'Sat', 'Fri-Mon'."""
    if days == _EVERY_DAY:
        return "Daily"
    ordered = sorted(days)
    # A run that wraps past Sunday starts after the gap: Fri, Sat, Sun, Mon -> "Fri-Mon".
    start = next((d for d in ordered if (d - 1) % 7 not in days), ordered[0])
    run = [(start + i) % 7 for i in range(len(days))]
    if set(run) == days and len(run) > 1:
        return f"{DAY_NAMES[run[0]].title()}-{DAY_NAMES[run[-1]].title()}"
    return ",".join(DAY_NAMES[d].title() for d in ordered)
