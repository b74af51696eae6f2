"""The stats chart: what is laid out (bars for the right counts, the labels) and what the PNG shows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageColor

from bot.admin.chart import (
    ANSWERED_COLOUR,
    BACKGROUND,
    DAILY_PLOT,
    FALLBACK_COLOUR,
    HEIGHT,
    MAX_DAY_LABELS,
    TOPIC_COLOUR,
    TOPIC_NAME_WIDTH,
    WIDTH,
    Bar,
    Box,
    Chart,
    count_label,
    day_labels,
    lay_out,
    render_stats_chart,
    ticks,
)
from bot.admin.report import UsageReport, build_usage_report, period_days

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DAYS = period_days(3)  # oldest first; the last is today


@pytest.fixture
def report() -> UsageReport:
    """Three days: 5 answered + 2 fallbacks, then nothing, then 3 answered, 1 repeat, 2 "which did you mean"."""
    rows = [(DAYS[0], "topical", "ms_overview", 4), (DAYS[0], "follow_up", "ms_overview", 1),
            (DAYS[0], "fallback", "", 2),
            (DAYS[2], "topical", "epilepsy_first_aid", 3), (DAYS[2], "context_repeat", "", 1),
            (DAYS[2], "ambiguous", "", 2)]
    return build_usage_report(3, rows, [])


def bars(chart: Chart) -> dict[str, Bar]:
    return {bar.label: bar for bar in chart.bars}


def texts_of(chart: Chart) -> list[str]:
    return [text.text for text in chart.texts]


def height(box: Box) -> float:
    return box.bottom - box.top


def short_day(iso: str) -> str:
    return day_labels([iso])[0]


def centre_pixel(image: Image.Image, box: Box) -> tuple[int, ...]:
    return image.getpixel((round((box.left + box.right) / 2), round((box.top + box.bottom) / 2)))


# -- layout -----------------------------------------------------------------------------------


def test_each_days_bars_stand_for_its_counts_stacked_from_the_axis(report: UsageReport) -> None:
    laid = bars(lay_out(report))

    daily = {label: bar.value for label, bar in laid.items() if label[:10] in DAYS}
    assert daily == {f"{DAYS[0]} answered": 5, f"{DAYS[0]} no answer": 2, f"{DAYS[2]} answered": 3,
                     f"{DAYS[2]} repeated last answer": 1, f"{DAYS[2]} asked to choose": 2}
    answered, fallback = laid[f"{DAYS[0]} answered"].box, laid[f"{DAYS[0]} no answer"].box
    assert answered.bottom == DAILY_PLOT[3] and fallback.bottom == pytest.approx(answered.top)  # stacked
    assert height(answered) / 5 == pytest.approx(height(fallback) / 2)  # one scale for every bar
    assert height(answered) / 5 == pytest.approx(height(laid[f"{DAYS[2]} answered"].box) / 3)
    assert answered.colour == ANSWERED_COLOUR and fallback.colour == FALLBACK_COLOUR
    assert answered.left < laid[f"{DAYS[2]} answered"].box.left, "days run left to right, oldest first"


def test_topics_are_bars_as_long_as_their_counts_biggest_on_top(report: UsageReport) -> None:
    laid = bars(lay_out(report))

    overview, first_aid = laid["ms_overview"].box, laid["epilepsy_first_aid"].box
    assert (laid["ms_overview"].value, laid["epilepsy_first_aid"].value) == (5, 3)
    assert overview.left == first_aid.left and overview.top < first_aid.top
    assert (overview.right - overview.left) / 5 == pytest.approx((first_aid.right - first_aid.left) / 3)
    assert overview.colour == TOPIC_COLOUR


def test_the_chart_names_its_period_axes_days_and_values(report: UsageReport) -> None:
    words = texts_of(lay_out(report))

    assert any(report.period in text and "13 messages" in text and "62% answered" in text for text in words)
    assert {"Messages per day", "Top topics", "messages", "answers"} <= set(words)
    assert {"answered", "repeated last answer", "asked to choose", "no answer"} <= set(words)  # the legend
    assert {short_day(day) for day in DAYS} <= set(words)
    assert {"ms overview", "epilepsy first aid"} <= set(words)


def test_each_days_total_is_written_over_its_bar(report: UsageReport) -> None:
    chart = lay_out(report)
    laid = bars(chart)

    for day, total, top_bar in ((DAYS[0], "7", "no answer"), (DAYS[2], "6", "asked to choose")):
        [label] = [t for t in chart.texts if t.text == total and t.anchor == "mb"]
        box = laid[f"{day} {top_bar}"].box
        assert label.y < box.top and box.left < label.x < box.right, f"{day}'s total sits on its bar"
    [zero] = [t for t in chart.texts if t.text == "0" and t.anchor == "mb"]
    assert zero.y < DAILY_PLOT[3], "a day with no messages says 0"


def test_an_empty_report_says_so_and_draws_no_bars() -> None:
    chart = lay_out(build_usage_report(7, [], []))
    assert chart.bars == [] and "no answered questions yet" in texts_of(chart)


def test_a_long_topic_name_is_cut_to_fit() -> None:
    long_intent = "epilepsy_" + "and_more_" * 20
    chart = lay_out(build_usage_report(1, [(period_days(1)[0], "topical", long_intent, 2)], []))
    [name] = [t for t in chart.texts if t.text.startswith("epilepsy and more")]
    assert name.text.endswith("…") and len(name.text) < len(long_intent)
    assert bars(chart)[long_intent].box.left - name.x <= TOPIC_NAME_WIDTH + 20


# -- scales and labels ------------------------------------------------------------------------


@pytest.mark.parametrize(("top", "expected"), [
    (0, [0, 1]), (1, [0, 1]), (6, [0, 1, 2, 3, 4, 5, 6]), (7, [0, 2, 4, 6, 8]),
    (28, [0, 5, 10, 15, 20, 25, 30]), (31, [0, 10, 20, 30, 40]), (1234, [0, 500, 1000, 1500]),
])
def test_ticks_are_round_whole_numbers_reaching_the_top(top: int, expected: list[int]) -> None:
    assert ticks(top) == expected


def test_ticks_honour_a_smaller_number_of_steps() -> None:
    assert ticks(28, 2) == [0, 20, 40]


@pytest.mark.parametrize(("count", "label"), [
    (0, "0"), (9999, "9999"), (12_500, "12.5k"), (20_000, "20k"), (999_999, "999k"), (3_000_000, "3M"),
    (1_250_000_000, "1.25G"), (3_650_000_000_000, "3650G"),
])
def test_count_labels_stay_short(count: int, label: str) -> None:
    assert count_label(count) == label


def test_day_labels_are_thinned_and_today_always_has_one() -> None:
    days = period_days(30)
    labels = day_labels(days)
    assert labels[-1] == short_day(days[-1]) and 1 < sum(map(bool, labels)) <= MAX_DAY_LABELS
    assert day_labels(["2026-11-21"]) == ["21 Nov"]
    assert day_labels(period_days(400))[-1].split()[1].isdigit(), "over a year, months carry their year"


# -- the PNG ----------------------------------------------------------------------------------


def test_the_png_shows_each_bar_in_its_colour(report: UsageReport, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stats-chart.png"

    png = render_stats_chart(report, path)

    assert png.startswith(PNG_SIGNATURE) and path.read_bytes() == png and len(png) < 150_000
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    for bar in lay_out(report).bars:
        assert centre_pixel(image, bar.box) == ImageColor.getrgb(bar.box.colour), bar.label
    empty_day = bars(lay_out(report))[f"{DAYS[0]} answered"].box  # the middle day has no bar there
    gap = (round((empty_day.left + empty_day.right) / 2 + (DAILY_PLOT[2] - DAILY_PLOT[0]) / 3), DAILY_PLOT[3] - 45)
    assert image.getpixel(gap) == ImageColor.getrgb(BACKGROUND)
    blank = ((255, 255),) * 3
    assert image.crop((0, 0, WIDTH, 36)).getextrema() != blank, "the title is drawn"
    assert image.crop((4, DAILY_PLOT[1], 30, DAILY_PLOT[3])).getextrema() != blank, "so is the axis label"
    with capsys.disabled():  # shown with or without -s, so a person can look at the chart
        print(f"\nstats chart: {path}")


def test_the_png_writes_to_a_buffer(report: UsageReport) -> None:
    buffer = io.BytesIO()
    png = render_stats_chart(report, buffer)
    assert buffer.getvalue() == png and png.startswith(PNG_SIGNATURE)
