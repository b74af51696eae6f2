"""The SQLite store's handover records: tickets, their encrypted route to the user, and recent safety replies.

Mixed into SQLiteStore (bot/storage/sqlite.py, which runs the migration, HANDOVER_SCHEMA). What is kept:

* per ticket: its number, status, the staff forum topic, the label of the topic the
  person was reading, and when it was opened, first answered and closed;
* while a ticket is open, and only then: the keyed hash of the person's chat (to find
  their ticket) and the route back to them (their chat id), encrypted with the same
  Fernet key as the inbox. Closing a ticket, /forget and the retention purge erase both;
* when a safety reply was last shown in a chat, for one hour (the staff header says so).

No message that is passed between the person and the team is ever stored.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from typing import Any

import aiosqlite

from bot.storage.protocol import SAFETY_KEEP_SECONDS, HandoverRecord

HANDOVER_SCHEMA = """
CREATE TABLE handover (             -- one per request to talk to a person
    ticket INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after deletions
    status TEXT NOT NULL,           -- opening | open | closed
    chat_key TEXT,                  -- keyed hash of the person's chat; NULL once closed
    route BLOB,                     -- encrypted {"chat": id}; NULL once closed
    thread_id INTEGER,              -- the staff forum topic
    topic TEXT,                     -- label of the topic the person was reading (no personal data)
    opened_at REAL NOT NULL,
    first_reply_at REAL,
    closed_at REAL,
    closed_by TEXT                  -- person | team | forget | expired | unreachable
);
CREATE INDEX handover_chat ON handover(chat_key);
CREATE INDEX handover_thread ON handover(thread_id);
CREATE INDEX handover_opened ON handover(opened_at);
CREATE TABLE safety_shown (         -- the last safety reply per chat, kept one hour
    chat_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    shown_at REAL NOT NULL
);
"""
_ERASE = "chat_key = NULL, route = NULL"
_CLOSE = f"status = 'closed', closed_at = ?, closed_by = ?, {_ERASE}"
_COLUMNS = "ticket, status, chat_key, route, thread_id, topic, opened_at, first_reply_at"
# Run inside Store.forget (arguments: now, chat_key) and Store.purge_expired (now, cutoff), in their transactions.
FORGET_HANDOVER = (f"UPDATE handover SET status = 'closed', closed_at = ?, closed_by = 'forget', {_ERASE} "
                   "WHERE chat_key = ? AND status != 'closed'")
FORGET_SAFETY = "DELETE FROM safety_shown WHERE chat_key = ?"
PURGE_HANDOVER = (f"UPDATE handover SET status = 'closed', closed_at = ?, closed_by = 'expired', {_ERASE} "
                  "WHERE status != 'closed' AND opened_at < ?")
PURGE_SAFETY = "DELETE FROM safety_shown WHERE shown_at < ?"


class HandoverRecords:
    """Handover reads and writes; Store supplies the connection, transactions and sealing."""

    _db: aiosqlite.Connection

    def _transaction(self, durable: bool = False) -> contextlib.AbstractAsyncContextManager[None]:
        raise NotImplementedError  # Store's

    def _seal(self, value: Any) -> bytes:
        raise NotImplementedError  # Store's

    def _unseal(self, token: bytes) -> Any | None:
        raise NotImplementedError  # Store's

    def _record(self, row: Sequence[Any]) -> HandoverRecord:
        ticket, status, chat_key, route, thread_id, topic, opened_at, first_reply_at = row
        sealed = self._unseal(route) if route is not None else None
        chat_id = sealed.get("chat") if isinstance(sealed, dict) else None
        return HandoverRecord(ticket, status, chat_key, chat_id if isinstance(chat_id, int) else None,
                              thread_id, topic, opened_at, first_reply_at)

    async def _records(self, where: str, args: tuple[Any, ...]) -> list[HandoverRecord]:
        rows = await self._db.execute_fetchall(f"SELECT {_COLUMNS} FROM handover WHERE {where}", args)
        return [self._record(row) for row in rows]

    async def handover_create(self, chat_key: str, chat_id: int, topic: str | None, now: float) -> int:
        """A new ticket, not yet open (its topic is created next); returns its number."""
        async with self._transaction(durable=True):
            cursor = await self._db.execute(
                "INSERT INTO handover(status, chat_key, route, topic, opened_at) VALUES ('opening', ?, ?, ?, ?)",
                (chat_key, self._seal({"chat": chat_id}), topic, now))
            return int(cursor.lastrowid or 0)

    async def handover_opened(self, ticket: int, thread_id: int) -> None:
        """The staff topic exists: the ticket is open."""
        async with self._transaction(durable=True):
            await self._db.execute("UPDATE handover SET status = 'open', thread_id = ? WHERE ticket = ?",
                                   (thread_id, ticket))

    async def handover_delete(self, ticket: int) -> None:
        """A ticket whose topic could not be created: it never opened."""
        async with self._transaction(durable=True):
            await self._db.execute("DELETE FROM handover WHERE ticket = ? AND status = 'opening'", (ticket,))

    async def handover_of_chat(self, chat_key: str) -> HandoverRecord | None:
        """The chat's ticket that is not closed (open, or still opening), if any."""
        found = await self._records("chat_key = ? AND status != 'closed' ORDER BY ticket DESC LIMIT 1",
                                    (chat_key,))
        return found[0] if found else None

    async def handover_of_thread(self, thread_id: int) -> HandoverRecord | None:
        found = await self._records("thread_id = ? ORDER BY ticket DESC LIMIT 1", (thread_id,))
        return found[0] if found else None

    async def handovers_open(self, opened_before: float | None = None) -> list[HandoverRecord]:
        """Every open ticket (or those opened before a time), oldest first."""
        cutoff = time.time() + 1 if opened_before is None else opened_before
        return await self._records("status = 'open' AND opened_at < ? ORDER BY ticket", (cutoff,))

    async def handover_replied(self, ticket: int, now: float) -> None:
        """The team's first reply (later replies change nothing)."""
        async with self._transaction():
            await self._db.execute("UPDATE handover SET first_reply_at = ? WHERE ticket = ? AND first_reply_at "
                                   "IS NULL", (now, ticket))

    async def handover_close(self, ticket: int, by: str, now: float) -> bool:
        """Close a ticket and erase its route; False if it was already closed."""
        async with self._transaction(durable=True):
            cursor = await self._db.execute(f"UPDATE handover SET {_CLOSE} WHERE ticket = ? AND status != 'closed'",
                                            (now, by, ticket))
            return cursor.rowcount > 0

    async def handover_times(self, since: float) -> list[tuple[float, float | None, float | None]]:
        """(opened_at, first_reply_at, closed_at) of tickets opened or closed since `since`."""
        rows = await self._db.execute_fetchall(
            "SELECT opened_at, first_reply_at, closed_at FROM handover WHERE status != 'opening' "
            "AND (opened_at >= ? OR closed_at >= ?)", (since, since))
        return [(row[0], row[1], row[2]) for row in rows]

    async def mark_safety_shown(self, chat_key: str, kind: str, now: float) -> None:
        """A safety reply was shown in this chat (kept an hour, for the staff header)."""
        async with self._transaction():
            await self._db.execute(
                "INSERT INTO safety_shown(chat_key, kind, shown_at) VALUES (?, ?, ?) ON CONFLICT(chat_key) "
                "DO UPDATE SET kind = excluded.kind, shown_at = excluded.shown_at", (chat_key, kind, now))
            await self._db.execute("DELETE FROM safety_shown WHERE shown_at < ?", (now - SAFETY_KEEP_SECONDS,))

    async def safety_shown_since(self, chat_key: str, since: float) -> str | None:
        """The kind of safety reply shown in this chat since `since`, if any."""
        rows = await self._db.execute_fetchall(
            "SELECT kind FROM safety_shown WHERE chat_key = ? AND shown_at >= ?", (chat_key, since))
        return rows[0][0] if rows else None
