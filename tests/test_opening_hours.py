"""BOT_HANDOVER_HOURS: parsing, "open now?" and "back when?" with an injected clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.opening_hours import HoursError, OpeningHours, parse_hours

LONDON = ZoneInfo("Europe/London")


def at(text: str, zone: ZoneInfo = LONDON) -> dt.datetime:
    """A wall-clock time in `zone`, e.g. at("2026-03-30 08:59") (a Monday)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def test_default_and_always_are_always_open() -> None:
    for text in ("", "always", "24/7", "  Always "):
        hours = parse_hours(text)
        assert hours.always and hours.is_open(at("2026-01-04 03:00")) and hours.describe() == "any time"


def test_weekday_office_hours() -> None:
    hours = parse_hours("Mon-Fri 09:00-17:00 Europe/London")
    assert hours.zone == "Europe/London"
    assert not hours.is_open(at("2026-01-05 08:59"))  # Monday
    assert hours.is_open(at("2026-01-05 09:00"))
    assert hours.is_open(at("2026-01-09 16:59"))  # Friday
    assert not hours.is_open(at("2026-01-09 17:00"))
    assert not hours.is_open(at("2026-01-10 12:00"))  # Saturday
    assert hours.describe() == "Mon-Fri 09:00-17:00 (Europe/London)"


def test_next_open_after_friday_evening_is_monday_morning() -> None:
    hours = parse_hours("mon-fri 09:00-17:00 Europe/London")
    assert hours.next_open(at("2026-01-09 18:30")) == at("2026-01-12 09:00")
    assert hours.next_open(at("2026-01-12 07:00")) == at("2026-01-12 09:00")
    now = at("2026-01-12 10:00")
    assert hours.next_open(now) == now  # open now


def test_daylight_saving_is_followed_in_local_time() -> None:
    hours = parse_hours("Mon-Fri 09:00-17:00 Europe/London")
    # Clocks went forward on Sunday 29 March 2026: 09:00 London is 08:00 UTC in summer, 09:00 UTC in winter.
    assert hours.is_open(dt.datetime(2026, 3, 30, 8, 0, tzinfo=dt.UTC))
    assert not hours.is_open(dt.datetime(2026, 3, 27, 8, 0, tzinfo=dt.UTC))
    opening = hours.next_open(dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.UTC))
    assert opening.astimezone(dt.UTC) == dt.datetime(2026, 3, 30, 8, 0, tzinfo=dt.UTC)


def test_an_opening_in_the_spring_forward_gap_is_the_instant_after_it() -> None:
    hours = parse_hours("Sun 01:30-03:00 Europe/London")  # 01:00-02:00 does not exist on 29 March 2026
    opening = hours.next_open(dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.UTC))
    assert opening.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    assert opening.hour == 2 and opening.minute == 30  # 02:30 BST on the wall clock


def test_overnight_span_belongs_to_the_day_it_starts() -> None:
    hours = parse_hours("Fri 22:00-06:00 Europe/London")
    assert hours.is_open(at("2026-01-09 23:00"))  # Friday night
    assert hours.is_open(at("2026-01-10 05:59"))  # Saturday early morning
    assert not hours.is_open(at("2026-01-10 06:00"))
    assert not hours.is_open(at("2026-01-09 05:00"))  # Friday early morning: Thursday has no night shift
    assert hours.next_open(at("2026-01-10 07:00")) == at("2026-01-16 22:00")


def test_several_spans_days_wrapping_and_a_default_zone() -> None:
    hours = parse_hours("Mon-Fri 09:00-12:30 13:30-17:00; Sat-Sun 10:00-12:00")
    assert hours.zone == "UTC"
    utc = ZoneInfo("UTC")
    assert not hours.is_open(at("2026-01-05 13:00", utc))  # lunch
    assert hours.is_open(at("2026-01-05 13:30", utc))
    assert hours.is_open(at("2026-01-11 11:00", utc))  # Sunday
    wrap = parse_hours("Fri-Mon 10:00-11:00 UTC")
    assert wrap.is_open(at("2026-01-11 10:30", utc)) and not wrap.is_open(at("2026-01-07 10:30", utc))
    assert wrap.describe() == "Fri-Mon 10:00-11:00 (UTC)"
    every_day = parse_hours("09:00-24:00 America/New_York")
    assert every_day.describe() == "Daily 09:00-24:00 (America/New_York)"
    assert every_day.is_open(at("2026-01-07 23:59", ZoneInfo("America/New_York")))


@pytest.mark.parametrize(("text", "complaint"), [
    ("Mon-Fri 09:00-17:00 Europe/Lundon", "not a time zone"),
    ("Mon-Fri 9-5", "no opening times"),
    ("Mon-Frj 09:00-17:00", "not a day"),
    ("Mon-Fri 25:00-26:00", "not a time range"),
    ("Mon 09:00-09:00", "same time"),
    ("09:00-17:00 Mon-Fri", "days before the times"),
    ("Mon 09:00-17:00,, Tue 09:00-17:00", "empty part"),
    ("Mon 09:00-17:00 " * 60, "longer than"),
])
def test_bad_hours_say_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(HoursError, match=complaint):
        parse_hours(text)


def test_hours_are_a_value() -> None:
    assert parse_hours("Mon-Fri 09:00-17:00 Europe/London") == parse_hours("mon-fri  09:00-17:00  Europe/London")
    assert OpeningHours() == parse_hours("")
