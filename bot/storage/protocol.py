"""The `Store` seam: what the conversation, the channels and the admin views need from storage.

Only the SQLite backend (bot/storage/sqlite.py) exists today. A second backend (PostgreSQL for
several replicas, say) implements this protocol and must pass tests/storage/test_store_contract.py
unchanged. Records are plain frozen values, so nothing outside storage sees a row or a cursor.

Why a Protocol and not a base class: backends share no code, and a structural type lets the
core name what it calls without importing any backend.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Protocol

# What a store call raises when the disk, the file or the server fails: callers catch these and carry
# on (the user still gets the answer). sqlite3.Error is the DB-API base the SQLite backend raises; a new
# backend adds its own error base here.
STORE_FAILURES: tuple[type[Exception], ...] = (sqlite3.Error, OSError)


class StorageError(RuntimeError):
    """The store cannot be used (opened, created, keyed); the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class StoredContext:
    """The last topic of a chat, for follow-up questions, and its emergency or crisis state (30 minutes)."""

    last_intent: str | None
    last_article: str | None
    topic: str | None
    safety_kind: str | None = None  # "emergency" or "crisis" after such a reply
    safety_criterion: str | None = None
    safety_at: float | None = None  # seconds since the epoch
    passage: int | None = None  # the paragraph of the last topic's section shown last (see Context.passage)
    safety_also: str | None = None  # the other danger of the safety state ("crisis" beside an emergency)
    medicine: bool = False  # the chat's last message named a medicine (a change asked next is a medication decision)
    choices: str | None = None  # the intent ids of a "Did you mean" just asked, comma-separated (Context.choices)
    safety_settled: bool = False  # after an emergency, a message said help had come or it was over (SafetyState)
    # When the store last saved it (seconds since the epoch), as read back; ignored when saving and comparing
    updated_at: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class UnmatchedQuestion:
    """A question the bot could not answer, kept for the editors until the retention period ends."""

    text: str
    kind: str
    best_intent: str | None
    score: float
    created_at: float


@dataclass(frozen=True, slots=True)
class ServedVersion:
    """A version of an article (its content digest and review) and when it was first served."""

    slug: str
    digest: str
    reviewed: str
    as_reviewed: bool
    first_served: float


@dataclass(frozen=True, slots=True)
class PendingUpdate:
    """An update received but not answered: its data (None if it cannot be decrypted) and the runs it has
    started (the live one, then each replay after a crash)."""

    update_id: int
    data: dict[str, Any] | None
    attempts: int


SAFETY_KEEP_SECONDS = 3600.0  # how long a chat's last safety reply is remembered (a handover's header says so)


@dataclass(frozen=True, slots=True)
class HandoverRecord:
    """One handover ticket; `chat_id` is the decrypted route to the person (None once closed, or unreadable)."""

    ticket: int
    status: str  # opening | open | closed
    chat_key: str | None
    chat_id: int | None
    thread_id: int | None
    topic: str | None
    opened_at: float
    first_reply_at: float | None


class Store(Protocol):
    """All reads and writes the bot makes; user and chat ids arrive already hashed by `key`."""

    retention_days: int

    async def close(self) -> None:
        """Write what is pending and release the backend."""

    # -- identities
    def key(self, kind: str, raw_id: int | str) -> str:
        """A keyed hash of a user or chat id: stable for this store's secret, meaningless without it."""
        ...

    # -- conversation
    async def get_context(self, chat_key: str) -> StoredContext | None: ...

    async def set_context(self, chat_key: str, context: StoredContext) -> None: ...

    async def record_turn(self, *, chat_key: str, user_key: str, kind: str, intent: str | None,
                          context: StoredContext | None, text: str, best_intent: str | None,
                          score: float) -> None:
        """The usage count, the context if given, and the text if the kind is fallback or ambiguous."""

    async def record_feedback(self, user_key: str, intent: str, helpful: bool, message_key: str | None = None,
                              now: float | None = None) -> None:
        """One vote per user, intent and day, and per user and message (`message_key`, a keyed hash of the
        message voted on): a second vote replaces the first."""

    # -- privacy
    async def forget(self, user_key: str, chat_key: str) -> int:
        """Delete everything held about a user; the number of records removed."""
        ...

    async def purge_expired(self, now: float | None = None) -> int:
        """Apply the retention period (and remove what is dated in the future); the number of unmatched
        questions removed."""
        ...

    async def checkpoint_if_owed(self) -> None:
        """Finish cleaning up after deletions that a reader kept from completing (a no-op where not needed)."""

    # -- at-least-once delivery (an update is kept until answered, and answered once)
    async def inbox_add(self, updates: list[dict[str, Any]]) -> None: ...

    async def inbox_pending(self) -> list[dict[str, Any]]: ...

    async def is_handled(self, update_id: int) -> bool: ...

    async def inbox_done(self, update_id: int) -> None: ...

    # -- poison messages (bot/channels/telegram/poison.py)
    async def inbox_replays(self) -> list[PendingUpdate]:
        """`inbox_pending` with each update's runs started, oldest first."""
        ...

    async def inbox_attempt(self, update_id: int) -> None:
        """Count one more run of a replayed update, before it starts."""

    async def set_aside(self, update_id: int, kind: str, attempts: int) -> None:
        """Give up on an update that failed every time: delete its content, keep only its kind, mark it handled."""

    # -- content versions served (`python -m bot history`)
    async def note_served(self, slug: str, digest: str, reviewed: str, as_reviewed: bool) -> bool:
        """Record that this version of the article is served, unless it is the one served last; True if new."""
        ...

    async def served_versions(self, slug: str | None = None) -> list[ServedVersion]:
        """Every version served, oldest first (of one article, or of all)."""
        ...

    # -- admin views
    async def usage_since(self, days: int) -> list[tuple[str, str, str, int]]:
        """(day, kind, intent, count) rows for the last `days` days."""
        ...

    async def feedback_since(self, days: int) -> list[tuple[str, int, int]]:
        """(intent, helpful votes, not-helpful votes) for the last `days` days."""
        ...

    async def unmatched_since(self, days: float) -> list[UnmatchedQuestion]: ...

    # -- talking to a person: tickets, the route to the person kept encrypted only while open
    async def handover_create(self, chat_key: str, chat_id: int, topic: str | None, now: float) -> int:
        """A new ticket, not yet open; its number (never reused)."""
        ...

    async def handover_opened(self, ticket: int, thread_id: int) -> None: ...

    async def handover_delete(self, ticket: int) -> None:
        """A ticket that never opened (its staff topic could not be created)."""

    async def handover_of_chat(self, chat_key: str) -> HandoverRecord | None:
        """The chat's ticket that is not closed, if any."""
        ...

    async def handover_of_thread(self, thread_id: int) -> HandoverRecord | None: ...

    async def handovers_open(self, opened_before: float | None = None) -> list[HandoverRecord]: ...

    async def handover_replied(self, ticket: int, now: float) -> None:
        """The team's first reply (later ones change nothing)."""

    async def handover_close(self, ticket: int, by: str, now: float) -> bool:
        """Close a ticket and erase its route; False if it was closed already."""
        ...

    async def handover_times(self, since: float) -> list[tuple[float, float | None, float | None]]:
        """(opened_at, first_reply_at, closed_at) of tickets opened or closed since `since`."""
        ...

    async def mark_safety_shown(self, chat_key: str, kind: str, now: float) -> None:
        """A safety reply was shown in this chat (remembered SAFETY_KEEP_SECONDS)."""

    async def safety_shown_since(self, chat_key: str, since: float) -> str | None: ...
