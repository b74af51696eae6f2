"""Talking to a person: the desk that hands a chat to the staff team and relays both ways.

Channel-neutral: the desk decides, a `TeamChannel` (bot/channels/telegram/handover.py)
carries it out. One ticket per chat at a time:

    (no ticket) --confirm--> open --/end, End chat, /close, /forget, retention--> closed

* On confirm the desk creates a ticket, asks the channel for a staff topic named with
  the ticket number and the last topic, posts a header, and tells the person they are
  in the queue (and, out of hours, when the team is back and the contact).
* While open, the person's messages are copied into the topic and not answered, except
  that an emergency or crisis message gets the safety reply at once and a flag in the
  topic. The team's messages are copied to the person, marked as from the team.
* Closing closes the topic, erases the route to the person, and tells both sides.

Open tickets are kept in memory for speed and in the store (route encrypted) for
restarts; nothing that is relayed is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot.core import texts
from bot.core.engine import Turn
from bot.core.handover_replies import (
    HandoverPolicy,
    compose_already_open,
    compose_closed,
    compose_failed,
    compose_queued,
    compose_unavailable,
    when_text,
)
from bot.core.reply import Reply
from bot.storage.protocol import SAFETY_KEEP_SECONDS, HandoverRecord, Store

log = logging.getLogger(__name__)
TOPIC_NAME_LIMIT = 128  # Telegram's limit for a forum topic's name


class TeamUnreachable(Exception):
    """The staff chat refused (not a forum, the bot is not an admin...): the message says why."""


class PersonUnreachable(Exception):
    """The person blocked the bot or deleted the chat."""


class CannotCopy(Exception):
    """This kind of message cannot be copied (a poll, a game...)."""


class TeamChannel(Protocol):
    """What the desk needs from a channel: topics in the staff chat, and the person's chat.

    Methods raise TeamUnreachable, PersonUnreachable or CannotCopy for refusals; any other
    error (the network) propagates, so the update is tried again (bot/delivery.py).
    """

    async def open_topic(self, name: str) -> int:
        """Create a topic in the staff chat; its thread id."""

    async def post(self, thread_id: int, text: str) -> None:
        """A plain-text note from the bot in the topic."""

    async def copy_in(self, thread_id: int, message: object) -> None:
        """Copy the person's message (the channel's own object) into the topic, never forwarding it."""

    async def close_topic(self, thread_id: int) -> None: ...

    async def tell(self, chat_id: int, reply: Reply) -> None:
        """Send a reply to the person."""

    async def copy_out(self, chat_id: int, message: object, label: str) -> None:
        """Copy a team member's message to the person, marked with `label`."""


@dataclass(slots=True)
class Ticket:
    """An open ticket, as the desk keeps it in memory."""

    number: int
    chat_id: int
    chat_key: str
    thread_id: int
    topic: str | None
    opened_at: float
    replied: bool


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def topic_name(ticket: int, topic: str | None) -> str:
    """"#12 · MS medicines (DMTs)": a ticket number and a topic label, nothing about the person."""
    name = texts.STAFF_TOPIC_NAME.format(ticket=ticket, topic=topic or texts.STAFF_NO_TOPIC)
    return name[:TOPIC_NAME_LIMIT]


class HandoverDesk:
    """Opens, relays and closes handovers (see the module docstring)."""

    def __init__(self, policy: HandoverPolicy, store: Store, channel: TeamChannel,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.policy = policy
        self.store = store
        self.channel = channel
        self.clock = clock
        self._by_chat: dict[str, Ticket] = {}
        self._by_thread: dict[int, Ticket] = {}
        self._warned_closed: set[int] = set()  # closed topics already told that nothing reaches the person

    async def load(self) -> int:
        """Read the open tickets (after a restart); returns how many."""
        for record in await self.store.handovers_open():
            if (ticket := _ticket(record)) is not None:
                self._remember(ticket)
            else:  # the route cannot be decrypted (BOT_HASH_SECRET changed): nobody to relay to
                log.error("handover ticket %d: its route cannot be read; closing it", record.ticket)
                await self.store.handover_close(record.ticket, "unreachable", self._now())
        return len(self._by_chat)

    def ticket_of(self, chat_key: str) -> Ticket | None:
        """The chat's open ticket, if any (no storage trip: asked for every private message)."""
        return self._by_chat.get(chat_key)

    # -- the person's side ---------------------------------------------------------------------

    def request(self, chat_key: str) -> Reply | None:
        """Asking for a person while already connected gets a reminder; None otherwise (ask for consent)."""
        ticket = self._by_chat.get(chat_key)
        return compose_already_open(ticket.number) if ticket else None

    async def confirm(self, chat_id: int, chat_key: str, topic: str | None) -> Reply:
        """The person said yes: open a ticket and a staff topic, post the header, queue them."""
        if not self.policy.enabled:
            return compose_unavailable(self.policy)
        if ticket := self._by_chat.get(chat_key):
            return compose_already_open(ticket.number)
        now = self.clock()
        left = await self.store.handover_of_chat(chat_key)  # a ticket a crash left half-opened
        number = left.ticket if left else await self.store.handover_create(chat_key, chat_id, topic, now.timestamp())
        try:
            thread_id = await self.channel.open_topic(topic_name(number, topic))
        except TeamUnreachable as err:
            log.error("cannot open a topic in the staff chat (BOT_HANDOVER_CHAT_ID): %s. Is it a supergroup "
                      "with topics on, and is the bot an admin allowed to manage topics?", err)
            await self.store.handover_delete(number)
            return compose_failed(self.policy)
        await self.store.handover_opened(number, thread_id)
        ticket = Ticket(number, chat_id, chat_key, thread_id, topic, now.timestamp(), replied=False)
        self._remember(ticket)
        await self.channel.post(thread_id, await self._header(ticket, now))
        return compose_queued(self.policy, number, now)

    async def _header(self, ticket: Ticket, now: dt.datetime) -> str:
        shown = await self.store.safety_shown_since(ticket.chat_key, now.timestamp() - SAFETY_KEEP_SECONDS)
        local = now.astimezone(self.policy.hours.zone_info)
        header = texts.STAFF_HEADER.format(
            ticket=ticket.number, opened=f"{local:%a %d %b %Y %H:%M} ({self.policy.hours.zone})",
            topic=ticket.topic or texts.STAFF_NO_TOPIC,
            safety=shown.replace("_", " ") if shown else texts.STAFF_SAFETY_NONE)
        back = self.policy.away_until(now)
        if back is not None:
            header += "\n" + texts.STAFF_HEADER_AWAY.format(when=when_text(back, now))
        return header

    async def from_person(self, ticket: Ticket, message: object, safety: Turn | None) -> None:
        """Relay the person's message; an emergency or crisis is answered first and flagged."""
        if safety is not None:
            await self.channel.tell(ticket.chat_id, safety.reply)
        try:
            await self.channel.copy_in(ticket.thread_id, message)
        except CannotCopy:
            await self.channel.tell(ticket.chat_id, compose_closed(texts.STAFF_CANNOT_COPY))
            return
        if safety is not None:
            kind = safety.kind.replace("_", " ")
            await self.channel.post(ticket.thread_id, texts.STAFF_SAFETY_FLAG.format(kind=kind,
                                                                                       title=safety.reply.title))

    async def end(self, chat_key: str) -> Reply:
        """The person ends the chat (/end or End chat)."""
        ticket = self._by_chat.get(chat_key)
        if ticket is None:
            return compose_closed(texts.HANDOVER_NOT_OPEN)
        await self._close(ticket, "person", texts.STAFF_ENDED_BY_USER)
        return compose_closed(texts.HANDOVER_ENDED.format(ticket=ticket.number))

    async def forget(self, chat_key: str) -> Ticket | None:
        """/forget: close the chat's ticket (the store erases the rest); the ticket it closed, if any."""
        ticket = self._by_chat.get(chat_key)
        if ticket is not None:
            await self._close(ticket, "forget", texts.STAFF_FORGOTTEN)
        return ticket

    # -- the team's side -----------------------------------------------------------------------

    async def from_team(self, thread_id: int, message: object, *, close: bool = False) -> None:
        """A message in a staff topic: copied to the person, or (`close`) the end of the chat."""
        ticket = self._by_thread.get(thread_id)
        if ticket is None:
            await self._warn_closed(thread_id)
            return
        if close:
            await self._close(ticket, "team", texts.STAFF_CLOSED)
            await self._tell_quietly(ticket, compose_closed(texts.HANDOVER_CLOSED_BY_TEAM.format(ticket=ticket.number)))
            return
        try:
            await self.channel.copy_out(ticket.chat_id, message, texts.TEAM_LABEL)
        except PersonUnreachable:
            await self._close(ticket, "unreachable", texts.STAFF_USER_GONE)
            return
        except CannotCopy:
            await self.channel.post(thread_id, texts.STAFF_CANNOT_COPY)
            return
        if not ticket.replied:
            await self.store.handover_replied(ticket.number, self._now())
            ticket.replied = True

    async def _warn_closed(self, thread_id: int) -> None:
        """A message in the topic of a closed ticket: say once that it goes nowhere (other topics: silence)."""
        if thread_id in self._warned_closed or await self.store.handover_of_thread(thread_id) is None:
            return
        self._warned_closed.add(thread_id)
        await self.channel.post(thread_id, texts.STAFF_NOT_DELIVERED_CLOSED)

    # -- closing -------------------------------------------------------------------------------

    async def close_expired(self, retention_days: int) -> int:
        """Close tickets open longer than the retention period (BOT_RETENTION_DAYS); how many."""
        cutoff = self._now() - retention_days * 86400
        closed = 0
        for ticket in [t for t in self._by_chat.values() if t.opened_at < cutoff]:
            try:
                await self._close(ticket, "expired", texts.STAFF_EXPIRED.format(days=retention_days))
                await self._tell_quietly(ticket, compose_closed(
                    texts.HANDOVER_EXPIRED.format(ticket=ticket.number, days=retention_days)))
            except Exception:  # a chore: one ticket's failure must not keep the others open
                log.exception("closing expired handover ticket %d failed", ticket.number)
                continue
            closed += 1
        return closed

    async def _close(self, ticket: Ticket, by: str, note: str) -> None:
        """Close in the store first (the route goes), then tell the topic and close it."""
        self._forget_ticket(ticket)
        await self.store.handover_close(ticket.number, by, self._now())
        try:
            await self.channel.post(ticket.thread_id, note)
            await self.channel.close_topic(ticket.thread_id)
        except TeamUnreachable as err:
            log.warning("handover ticket %d: could not close its topic (%s)", ticket.number, err)

    async def _tell_quietly(self, ticket: Ticket, reply: Reply) -> None:
        try:
            await self.channel.tell(ticket.chat_id, reply)
        except PersonUnreachable:
            log.info("handover ticket %d: the person can no longer be reached", ticket.number)

    def _remember(self, ticket: Ticket) -> None:
        self._by_chat[ticket.chat_key] = ticket
        self._by_thread[ticket.thread_id] = ticket

    def _forget_ticket(self, ticket: Ticket) -> None:
        self._by_chat.pop(ticket.chat_key, None)
        self._by_thread.pop(ticket.thread_id, None)

    def _now(self) -> float:
        return self.clock().timestamp()


def _ticket(record: HandoverRecord) -> Ticket | None:
    if record.chat_id is None or record.chat_key is None or record.thread_id is None:
        return None
    return Ticket(record.ticket, record.chat_id, record.chat_key, record.thread_id, record.topic,
                  record.opened_at, record.first_reply_at is not None)
