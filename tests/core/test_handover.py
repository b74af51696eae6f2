"""bot/core/handover.py: the desk that hands a chat to the staff team, over a real store.

The channel here is a small `TeamChannel` that writes down what it was asked to do: the desk's contract with
any channel (Telegram's is tested end to end in tests/channels/telegram/test_handover.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import texts
from bot.core.engine import Turn
from bot.core.handover import (
    TOPIC_NAME_LIMIT,
    CannotCopy,
    HandoverDesk,
    PersonUnreachable,
    TeamUnreachable,
    Ticket,
    topic_name,
)
from bot.core.handover_replies import HandoverPolicy
from bot.core.reply import Reply
from bot.storage.sqlite import SQLiteStore

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
STAFF = -100123


class Channel:
    """A TeamChannel that records each call; `refuse` names calls that raise the channel's refusal."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object, object]] = []
        self.refuse: dict[str, Exception] = {}
        self.threads = 500

    def _call(self, name: str, first: object, second: object = None) -> None:
        self.calls.append((name, first, second))
        if name in self.refuse:
            raise self.refuse[name]

    async def open_topic(self, name: str) -> int:
        self._call("open_topic", name)
        self.threads += 1
        return self.threads

    async def post(self, thread_id: int, text: str) -> None:
        self._call("post", thread_id, text)

    async def copy_in(self, thread_id: int, message: object) -> None:
        self._call("copy_in", thread_id, message)

    async def close_topic(self, thread_id: int) -> None:
        self._call("close_topic", thread_id)

    async def tell(self, chat_id: int, reply: Reply) -> None:
        self._call("tell", chat_id, reply)

    async def copy_out(self, chat_id: int, message: object, label: str) -> None:
        self._call("copy_out", chat_id, (message, label))

    def named(self, name: str) -> list[tuple[str, object, object]]:
        return [call for call in self.calls if call[0] == name]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(tmp_path / "bot.sqlite3", "a-secret-long-enough-for-the-test")
    yield opened
    await opened.close()


def desk_of(store: SQLiteStore, channel: Channel, clock: list[dt.datetime] | None = None) -> HandoverDesk:
    now = clock or [NOW]
    return HandoverDesk(HandoverPolicy(STAFF), store, channel, clock=lambda: now[0])


async def opened_ticket(store: SQLiteStore) -> tuple[Channel, HandoverDesk, Ticket]:
    """A desk with chat 42's ticket open (confirmed, no topic label)."""
    channel = Channel()
    desk = desk_of(store, channel)
    await desk.confirm(42, "chat-42", None)
    ticket = desk.ticket_of("chat-42")
    assert ticket is not None
    return channel, desk, ticket


def test_a_topic_name_holds_the_ticket_and_topic_within_the_limit() -> None:
    assert "12" in topic_name(12, "MS fatigue") and "MS fatigue" in topic_name(12, "MS fatigue")
    assert texts.STAFF_NO_TOPIC in topic_name(3, None)
    assert len(topic_name(1, "x" * 500)) == TOPIC_NAME_LIMIT


async def test_confirm_opens_a_ticket_a_topic_and_a_header_and_queues_the_person(store: SQLiteStore) -> None:
    channel = Channel()
    desk = desk_of(store, channel)
    reply = await desk.confirm(42, "chat-42", "MS fatigue")
    ticket = desk.ticket_of("chat-42")
    assert ticket is not None and ticket.chat_id == 42
    assert reply.title == texts.HANDOVER_QUEUED_TITLE.format(ticket=ticket.number)
    assert channel.named("open_topic") == [("open_topic", topic_name(ticket.number, "MS fatigue"), None)]
    assert channel.named("post")[0][1] == ticket.thread_id  # the header, in the new topic
    assert desk.request("chat-42") is not None  # asking again: a reminder, not a second ticket
    again = await desk.confirm(42, "chat-42", "MS fatigue")
    assert texts.HANDOVER_ALREADY_OPEN.format(ticket=ticket.number) in again.paragraphs
    assert len(channel.named("open_topic")) == 1


async def test_a_staff_chat_that_refuses_leaves_no_ticket(store: SQLiteStore) -> None:
    channel = Channel()
    channel.refuse["open_topic"] = TeamUnreachable("not a forum")
    desk = desk_of(store, channel)
    reply = await desk.confirm(42, "chat-42", None)
    assert texts.HANDOVER_FAILED in reply.paragraphs
    assert desk.ticket_of("chat-42") is None
    assert await store.handover_of_chat("chat-42") is None


async def test_without_a_staff_chat_nothing_is_opened(store: SQLiteStore) -> None:
    channel = Channel()
    desk = HandoverDesk(HandoverPolicy(), store, channel)
    reply = await desk.confirm(42, "chat-42", None)
    assert reply.title == texts.HANDOVER_OFF_TITLE and channel.calls == []


async def test_messages_are_relayed_both_ways_and_a_safety_reply_comes_first(store: SQLiteStore) -> None:
    channel, desk, ticket = await opened_ticket(store)
    safety = Turn(Reply(kind="emergency", title="Call 999"), "emergency")
    await desk.from_person(ticket, "message-1", safety)
    names = [call[0] for call in channel.calls[-3:]]
    assert names == ["tell", "copy_in", "post"]  # answered at once, copied, then flagged for the team
    assert "emergency" in str(channel.calls[-1][2])
    await desk.from_team(ticket.thread_id, "from-staff")
    assert channel.calls[-1] == ("copy_out", 42, ("from-staff", texts.TEAM_LABEL))
    assert ticket.replied


async def test_a_message_that_cannot_be_copied_is_explained_to_the_person(store: SQLiteStore) -> None:
    channel, desk, ticket = await opened_ticket(store)
    channel.refuse["copy_in"] = CannotCopy()
    await desk.from_person(ticket, "a poll", None)
    told = channel.calls[-1]
    assert told[0] == "tell" and texts.STAFF_CANNOT_COPY in told[2].paragraphs  # type: ignore[union-attr]


async def test_ending_closes_the_ticket_and_the_topic(store: SQLiteStore) -> None:
    channel, desk, ticket = await opened_ticket(store)
    reply = await desk.end("chat-42")
    assert texts.HANDOVER_ENDED.format(ticket=ticket.number) in reply.paragraphs
    assert desk.ticket_of("chat-42") is None
    assert channel.calls[-1] == ("close_topic", ticket.thread_id, None)
    assert texts.HANDOVER_NOT_OPEN in (await desk.end("chat-42")).paragraphs
    await desk.from_team(ticket.thread_id, "late")  # into the closed topic: said once, then silence
    await desk.from_team(ticket.thread_id, "later")
    assert [c for c in channel.calls if c[2] == texts.STAFF_NOT_DELIVERED_CLOSED] == \
        [("post", ticket.thread_id, texts.STAFF_NOT_DELIVERED_CLOSED)]


async def test_a_person_who_blocked_the_bot_closes_the_ticket(store: SQLiteStore) -> None:
    channel, desk, ticket = await opened_ticket(store)
    channel.refuse["copy_out"] = PersonUnreachable()
    await desk.from_team(ticket.thread_id, "hello?")
    assert desk.ticket_of("chat-42") is None
    assert ("post", ticket.thread_id, texts.STAFF_USER_GONE) in channel.calls


async def test_open_tickets_survive_a_restart_and_expire_after_the_retention(store: SQLiteStore) -> None:
    clock = [NOW]
    await desk_of(store, Channel(), clock).confirm(42, "chat-42", None)
    channel = Channel()
    restarted = desk_of(store, channel, clock)
    assert await restarted.load() == 1
    assert restarted.ticket_of("chat-42") is not None
    assert await restarted.close_expired(30) == 0
    clock[0] = NOW + dt.timedelta(days=31)
    assert await restarted.close_expired(30) == 1
    assert restarted.ticket_of("chat-42") is None
    assert channel.named("tell")  # the person is told the chat was closed
