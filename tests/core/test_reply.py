"""bot/core/reply.py: the channel-neutral reply, its buttons and its source line."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.reply import ACTION_MAX_BYTES, Bullet, Button, Reply, Source


def test_a_button_action_is_bounded_in_bytes_not_characters() -> None:
    Button("ok", "a" * ACTION_MAX_BYTES)
    with pytest.raises(ValueError, match="over"):
        Button("too long", "a" * (ACTION_MAX_BYTES + 1))
    with pytest.raises(ValueError):
        Button("accents", "é" * (ACTION_MAX_BYTES // 2 + 1))  # two bytes each: fewer characters than the limit


def test_the_source_line_says_title_review_and_link() -> None:
    reviewed = dt.date(2026, 11, 20)
    source = Source("MS and fatigue", reviewed, "https://example.org/ms")
    assert source.line() == "Source: MS and fatigue (Reviewed 20 Nov 2026) https://example.org/ms"
    changed = Source("MS and fatigue", reviewed, "u", review_state="changed")
    assert changed.review_note() == "Reviewed 20 Nov 2026, updated since"


def test_plain_text_keeps_the_order_alert_title_paragraphs_bullets_source_footer() -> None:
    reply = Reply(kind="topical", alert="Call 112 now.", title="Title", paragraphs=("One.", "Two."),
                  bullets=(Bullet("eases stiffness", "Baclofen"), Bullet("plain")),
                  source=Source("S", dt.date(2026, 1, 2), "u"), footer="Not medical advice.")
    assert reply.plain_text().split("\n\n") == [
        "Call 112 now.", "Title", "One.", "Two.", "• Baclofen: eases stiffness\n• plain",
        "Source: S (Reviewed 02 Jan 2026) u", "Not medical advice."]


def test_plain_text_leaves_out_what_is_empty() -> None:
    assert Reply(kind="notice", paragraphs=("Only this.",)).plain_text() == "Only this."
    source = Source("S", dt.date(2026, 1, 2), "u")
    assert Reply(kind="topical", source=source).plain_text() == source.line()
    assert Reply(kind="topical", footer="F").plain_text() == "F"


def test_all_buttons_reads_the_rows_in_order() -> None:
    a, b, c = Button("A", "a"), Button("B", "b"), Button("C", "c")
    assert Reply(kind="x", buttons=((a, b), (c,))).all_buttons() == [a, b, c]
    assert Reply(kind="x").all_buttons() == []
