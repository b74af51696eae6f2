"""bot/storage/sqlite_handover.py: the SQLite store's handover tickets, their encrypted route and the
safety replies it remembers for an hour. What every backend must do is in test_store_contract.py; this
file checks what the SQLite tables hold."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.storage.protocol import SAFETY_KEEP_SECONDS
from bot.storage.sqlite import SQLiteStore
from tests.conftest import db_rows

SECRET = "a-secret-long-enough-for-the-test"
CHAT_ID = 987654321


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(tmp_path / "bot.sqlite3", SECRET)
    yield opened
    await opened.close()


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    return db_rows(tmp_path / "bot.sqlite3", sql)


async def test_the_route_to_the_person_is_stored_encrypted_and_read_back(store: SQLiteStore, tmp_path: Path) -> None:
    ticket = await store.handover_create("chat-key", CHAT_ID, "MS fatigue", 1000.0)
    await store.handover_opened(ticket, 77)
    [(route,)] = rows(tmp_path, "SELECT route FROM handover")
    assert isinstance(route, bytes) and str(CHAT_ID).encode() not in route
    record = await store.handover_of_thread(77)
    assert record is not None and record.chat_id == CHAT_ID and record.status == "open"
    assert record.topic == "MS fatigue" and record.opened_at == 1000.0


async def test_closing_erases_the_route_and_the_chat_key(store: SQLiteStore, tmp_path: Path) -> None:
    ticket = await store.handover_create("chat-key", CHAT_ID, None, 1000.0)
    await store.handover_opened(ticket, 77)
    assert await store.handover_close(ticket, "team", 2000.0)
    assert not await store.handover_close(ticket, "team", 2001.0)  # already closed
    assert rows(tmp_path, "SELECT status, chat_key, route, closed_by, closed_at FROM handover") == \
        [("closed", None, None, "team", 2000.0)]
    assert await store.handover_of_chat("chat-key") is None


async def test_only_a_ticket_still_opening_can_be_deleted(store: SQLiteStore, tmp_path: Path) -> None:
    opening = await store.handover_create("a", 1, None, 1000.0)
    opened = await store.handover_create("b", 2, None, 1000.0)
    await store.handover_opened(opened, 5)
    await store.handover_delete(opening)
    await store.handover_delete(opened)
    assert rows(tmp_path, "SELECT ticket FROM handover") == [(opened,)]


async def test_open_tickets_oldest_first_and_cut_at_a_time(store: SQLiteStore) -> None:
    first = await store.handover_create("a", 1, None, 1000.0)
    second = await store.handover_create("b", 2, None, 3000.0)
    await store.handover_create("c", 3, None, 500.0)  # never opened: not listed
    for ticket, thread in ((second, 20), (first, 10)):
        await store.handover_opened(ticket, thread)
    assert [r.ticket for r in await store.handovers_open()] == [first, second]
    assert [r.ticket for r in await store.handovers_open(opened_before=2000.0)] == [first]


async def test_the_first_reply_is_kept_and_later_ones_change_nothing(store: SQLiteStore) -> None:
    ticket = await store.handover_create("a", 1, None, 1000.0)
    await store.handover_opened(ticket, 10)
    await store.handover_replied(ticket, 1100.0)
    await store.handover_replied(ticket, 1200.0)
    assert await store.handover_times(0.0) == [(1000.0, 1100.0, None)]


async def test_a_safety_reply_is_remembered_for_an_hour(store: SQLiteStore, tmp_path: Path) -> None:
    await store.mark_safety_shown("chat", "crisis", 10_000.0)
    await store.mark_safety_shown("chat", "emergency", 10_100.0)  # one row per chat: the latest
    assert await store.safety_shown_since("chat", 10_050.0) == "emergency"
    assert await store.safety_shown_since("chat", 10_200.0) is None
    assert await store.safety_shown_since("other", 0.0) is None
    await store.mark_safety_shown("later", "crisis", 10_100.0 + SAFETY_KEEP_SECONDS + 1)
    assert rows(tmp_path, "SELECT chat_key FROM safety_shown") == [("later",)]  # the old row is gone
