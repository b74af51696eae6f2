"""The bot's memory: one SQLite file through aiosqlite, WAL mode, versioned migrations.

Privacy by construction: user and chat ids are stored only as keyed hashes
(HMAC-SHA256 with BOT_HASH_SECRET); message text is kept only for unmatched
questions, until the retention period ends or the user sends /forget; the
short-lived copy of each incoming update is encrypted and deleted once answered.
`secure_delete` zeroes freed pages and a WAL checkpoint after deletions keeps old
copies out of the WAL file.

Why not a PTB `BasePersistence`: its contract hands PTB every user's and chat's
data keyed by the raw Telegram id (`get_user_data()` returns the whole mapping at
start) and flushes it on its own schedule. That needs raw ids on disk and all
contexts in memory, and an update may be answered before its context is saved.
Here each message reads and writes one row keyed by a hash, in the same
transaction as its usage count, and the terminal chat shares the same code.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite
from cryptography.fernet import Fernet, InvalidToken

from bot.private_files import make_private_dir, make_private_file, write_atomically
from bot.storage.protocol import (
    SAFETY_KEEP_SECONDS,
    PendingUpdate,
    ServedVersion,
    StorageError,
    StoredContext,
    UnmatchedQuestion,
)
from bot.storage.sqlite_handover import (
    FORGET_HANDOVER,
    FORGET_SAFETY,
    HANDOVER_SCHEMA,
    PURGE_HANDOVER,
    PURGE_SAFETY,
    HandoverRecords,
)

log = logging.getLogger(__name__)

Migration = Callable[[aiosqlite.Connection], Awaitable[None]]
MIGRATIONS: dict[int, Migration] = {}
HANDLED_KEEP_SECONDS = 7 * 86400  # ids of answered updates, so a re-delivered update is never answered twice
BUSY_TIMEOUT_MS = 5000
# A checkpoint after deletions: each try waits this long for readers, then the connection is free again for
# the pauses between tries (about 10 s of patience in all, beyond an admin's report or a backup).
CHECKPOINT_BUSY_MS = 100
CHECKPOINT_PAUSES = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 3.2)
# Rows dated further ahead than this come from a wrong clock or an edited file: the purge removes them too,
# since no retention period would ever reach them.
FUTURE_SLACK_SECONDS = 86400


def migration(version: int) -> Callable[[Migration], Migration]:
    """Register a schema migration; they run in order, each in its own transaction."""

    def register(func: Migration) -> Migration:
        MIGRATIONS[version] = func
        return func

    return register


@migration(1)
async def _initial_schema(db: aiosqlite.Connection) -> None:
    await db.executescript(
        """
        CREATE TABLE inbox (            -- updates received but not yet answered (encrypted)
            update_id INTEGER PRIMARY KEY,
            payload BLOB NOT NULL,
            received_at REAL NOT NULL
        );
        CREATE TABLE handled (          -- ids of answered updates (no content)
            update_id INTEGER PRIMARY KEY,
            handled_at REAL NOT NULL
        );
        CREATE TABLE context (          -- last topic per chat, for follow-up questions
            chat_key TEXT PRIMARY KEY,
            last_intent TEXT,
            last_article TEXT,
            topic TEXT,
            updated_at REAL NOT NULL
        );
        CREATE TABLE unmatched (        -- questions the bot could not answer, for admins
            id INTEGER PRIMARY KEY,
            user_key TEXT,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,         -- fallback | ambiguous
            best_intent TEXT,
            score REAL NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX unmatched_created ON unmatched(created_at);
        CREATE INDEX unmatched_user ON unmatched(user_key);
        CREATE TABLE feedback (
            user_key TEXT,
            intent TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            day TEXT NOT NULL,
            created_at REAL NOT NULL
        );
        CREATE INDEX feedback_user ON feedback(user_key);
        CREATE TABLE usage (            -- counts per day and intent; no text, no user
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            intent TEXT NOT NULL DEFAULT '',
            count INTEGER NOT NULL,
            PRIMARY KEY (day, kind, intent)
        );
        """
    )


@migration(2)
async def _poison_messages(db: aiosqlite.Connection) -> None:
    """Attempts per inbox row, and the updates set aside after failing every time (no content, no ids)."""
    # The live run counts as the first attempt: a row still here after a crash may have been running.
    await db.execute("ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1")
    await db.execute(
        """
        CREATE TABLE set_aside (        -- updates that failed every time they were run: no text, no ids
            update_id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,         -- what it was, e.g. "message in a private chat"
            attempts INTEGER NOT NULL,
            set_aside_at REAL NOT NULL
        )
        """
    )


@migration(3)
async def _safety_state(db: aiosqlite.Connection) -> None:
    """The chat's emergency or crisis state: which reply, for which criterion, and when (it lasts 30 minutes)."""
    for column in ("safety_kind TEXT", "safety_criterion TEXT", "safety_at REAL"):
        await db.execute(f"ALTER TABLE context ADD COLUMN {column}")


@migration(4)
async def _handover_schema(db: aiosqlite.Connection) -> None:
    """Talking to a person: tickets with their encrypted route, recent safety replies (sqlite_handover.py)."""
    await db.executescript(HANDOVER_SCHEMA)


@migration(5)
async def _content_versions(db: aiosqlite.Connection) -> None:
    """Which version of each article was served when: a row each time an article is first served in a text
    that differs from the one served before it (`python -m bot history`)."""
    await db.executescript(
        """
        CREATE TABLE content_version (
            id INTEGER PRIMARY KEY,
            slug TEXT NOT NULL,
            digest TEXT NOT NULL,       -- bot.content.content_digest of the text served
            reviewed TEXT NOT NULL,     -- the article's reviewed date then (ISO)
            as_reviewed INTEGER NOT NULL,  -- 1 if that text is the one its review digest records
            first_served REAL NOT NULL
        );
        CREATE INDEX content_version_slug ON content_version(slug, id);
        """
    )


_NOTE_SERVED = (
    "INSERT INTO content_version(slug, digest, reviewed, as_reviewed, first_served) SELECT ?, ?, ?, ?, ? "
    "WHERE NOT EXISTS (SELECT 1 FROM content_version WHERE id = "
    "(SELECT MAX(id) FROM content_version WHERE slug = ?) AND digest = ? AND reviewed = ? AND as_reviewed = ?)"
)


@migration(6)
async def _context_passage(db: aiosqlite.Connection) -> None:
    """The passage last shown in a chat: "tell me more" moves on from it, and a question asked again gets the
    next passage rather than the same reply word for word."""
    await db.execute("ALTER TABLE context ADD COLUMN passage INTEGER")



@migration(7)
async def _feedback_message(db: aiosqlite.Connection) -> None:
    """The message a vote was cast on (a keyed hash of chat and message id): one vote per person and message,
    however many days apart the presses are. Cleared with the user's key at the end of the retention period."""
    await db.execute("ALTER TABLE feedback ADD COLUMN message_key TEXT")
    await db.execute("CREATE INDEX feedback_message ON feedback(message_key)")


@migration(8)
async def _safety_also(db: aiosqlite.Connection) -> None:
    """The other danger of a chat's safety state (a crisis told beside an emergency), whose line stays."""
    await db.execute("ALTER TABLE context ADD COLUMN safety_also TEXT")


@migration(9)
async def _medicine_named(db: aiosqlite.Connection) -> None:
    """Whether the chat's last message named a medicine: "can i skip them on saturday" after "why do my meds make
    me so sleepy" is a personal medication decision."""
    await db.execute("ALTER TABLE context ADD COLUMN medicine INTEGER NOT NULL DEFAULT 0")


@migration(10)
async def _choices_offered(db: aiosqlite.Connection) -> None:
    """The topics of a "Did you mean" just asked: "2" typed next picks the second."""
    await db.execute("ALTER TABLE context ADD COLUMN choices TEXT")


@migration(11)
async def _safety_settled(db: aiosqlite.Connection) -> None:
    """After an emergency, whether a message said help had come or it was over: questions after it get answers."""
    await db.execute("ALTER TABLE context ADD COLUMN safety_settled INTEGER NOT NULL DEFAULT 0")


# The stored safety state wins over an older one being saved: an emergency answered in the urgent lane may be
# saved while an earlier message of the same chat, which read the context before it, is still being answered;
# that earlier save must not wipe the emergency's 30 minutes. (The state is never cleared on purpose: it ends
# with time, /forget or the retention purge, which delete the row.)
_STORED_SAFETY_IS_NEWER = "(context.safety_at IS NOT NULL AND (excluded.safety_at IS NULL OR context.safety_at > excluded.safety_at))"
_SAVE_CONTEXT = (
    "INSERT INTO context(chat_key, last_intent, last_article, topic, safety_kind, safety_criterion, safety_at, "
    "passage, safety_also, medicine, choices, safety_settled, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(chat_key) DO UPDATE SET last_intent = excluded.last_intent, "
    "last_article = excluded.last_article, topic = excluded.topic, "
    f"safety_kind = CASE WHEN {_STORED_SAFETY_IS_NEWER} THEN context.safety_kind ELSE excluded.safety_kind END, "
    f"safety_criterion = CASE WHEN {_STORED_SAFETY_IS_NEWER} THEN context.safety_criterion "
    "ELSE excluded.safety_criterion END, "
    f"safety_at = CASE WHEN {_STORED_SAFETY_IS_NEWER} THEN context.safety_at ELSE excluded.safety_at END, "
    f"safety_also = CASE WHEN {_STORED_SAFETY_IS_NEWER} THEN context.safety_also ELSE excluded.safety_also END, "
    f"safety_settled = CASE WHEN {_STORED_SAFETY_IS_NEWER} THEN context.safety_settled "
    "ELSE excluded.safety_settled END, "
    "passage = excluded.passage, medicine = excluded.medicine, choices = excluded.choices, "
    "updated_at = excluded.updated_at"
)


_COUNT_USAGE = ("INSERT INTO usage(day, kind, intent, count) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(day, kind, intent) DO UPDATE SET count = count + 1")
_SAVE_UNMATCHED = ("INSERT INTO unmatched(user_key, text, kind, best_intent, score, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)")


@dataclass(frozen=True, slots=True, eq=False)
class _Turn:
    """One record_turn's rows, waiting for the group commit that writes them."""

    usage: tuple[str, str, str]
    context: tuple[Any, ...] | None
    unmatched: tuple[Any, ...] | None
    done: asyncio.Future[None]


def _context_row(context: StoredContext) -> tuple[str | None, str | None, str | None, str | None, str | None,
                                                  float | None, int | None, str | None, int, str | None, int]:
    return (context.last_intent, context.last_article, context.topic, context.safety_kind, context.safety_criterion,
            context.safety_at, context.passage, context.safety_also, int(context.medicine), context.choices,
            int(context.safety_settled))


MIN_SECRET_BYTES = 32
MAKE_A_SECRET = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


def check_secret(secret: str, where: str) -> str:
    """`secret`, if it is long enough to key the id hashes and the inbox encryption; StorageError otherwise."""
    size = len(secret.encode())
    if size < MIN_SECRET_BYTES:
        raise StorageError(f"{where} holds a secret of {size} bytes; it must be at least {MIN_SECRET_BYTES} "
                           f"(a short one lets anyone recover hashed ids). Make one with: {MAKE_A_SECRET}")
    return secret


def load_or_create_secret(data_dir: Path, configured: str) -> str:
    """BOT_HASH_SECRET if set, else the random secret kept (mode 600) in the data folder, made on first use.

    It is written in one step (a temporary file, flushed to disk, renamed), so a full disk or a crash leaves no
    file or a whole one, never an empty one that the next start would accept. A secret shorter than 32 bytes,
    set or stored, is refused with StorageError: it would make the hashed ids guessable."""
    if configured:
        return check_secret(configured, "BOT_HASH_SECRET")
    path = data_dir / "hash_secret"
    try:
        if path.exists():
            return check_secret(path.read_text(encoding="utf-8").strip(), str(path)) if path.stat().st_size else \
                check_secret("", f"{path} (empty: an interrupted write?); restore it from a backup, or delete it "
                                 "to start with a new one, which disconnects stored history from its users;")
        make_private_dir(data_dir)
        secret = secrets.token_hex(32)
        if not write_atomically(path, secret.encode(), replace=False):  # another process made one first
            return check_secret(path.read_text(encoding="utf-8").strip(), str(path))
        return secret
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise StorageError(f"cannot read or create the hash secret {path}: {reason}. "
                           "Set BOT_HASH_SECRET, or make the folder of BOT_DB_PATH writable.") from err


def today(now: float | None = None) -> str:
    return dt.datetime.fromtimestamp(now or time.time(), dt.UTC).date().isoformat()


class SQLiteStore(HandoverRecords):
    """The `Store` protocol (bot/storage/protocol.py) over one aiosqlite connection (a single worker thread)."""

    def __init__(self, db: aiosqlite.Connection, secret: str, retention_days: int, path: Path) -> None:
        self._db = db
        self._secret = secret.encode()
        self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"inbox:" + self._secret).digest()))
        self.retention_days = retention_days
        self.path = path
        # One connection serves every chat: transactions from concurrent updates must not interleave
        # ("cannot start a transaction within a transaction").
        self._write_lock = asyncio.Lock()
        self._done_lock = asyncio.Lock()
        self._done_pending: set[int] = set()
        self._handled_before_start = 0  # the highest update id answered before this process opened the store
        self._handled_now: set[int] = set()
        self._synchronous = ""  # the connection's current PRAGMA synchronous, to set it only when it changes
        self._turns: list[_Turn] = []  # record_turn calls waiting for the next group commit
        self._writers: set[asyncio.Task[None]] = set()
        self.checkpoint_owed = False  # a checkpoint after deletions could not complete yet

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    async def open(cls, path: Path, secret: str, retention_days: int = 90) -> SQLiteStore:
        """Open (creating and migrating) the database; StorageError with advice if unusable."""
        try:
            make_private_dir(path.parent)
        except OSError as err:
            raise StorageError(f"cannot create the data folder {path.parent}: {err.strerror}. "
                               "Set BOT_DB_PATH to a writable location.") from err
        try:
            db = await aiosqlite.connect(path, timeout=5, isolation_level=None)  # we BEGIN explicitly
        except sqlite3.Error as err:
            raise StorageError(f"cannot open the database {path}: {err}. Check BOT_DB_PATH.") from err
        store = cls(db, secret, retention_days, path)
        for part in ("", "-wal", "-shm"):  # a database made by an older version, before the private umask
            make_private_file(path.with_name(path.name + part))
        try:
            await store._configure()
            await store._migrate()
            await store._read_watermark()
        except sqlite3.Error as err:
            await db.close()
            raise StorageError(_explain_open_error(path, err)) from err
        return store

    async def _configure(self) -> None:
        await self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL: in WAL mode a commit survives a crash or kill of the process; the inbox and forget
        # transactions switch to FULL so that they also survive a power cut (see _transaction).
        await self._db.execute("PRAGMA synchronous=NORMAL")
        await self._db.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten with zeros
        await self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Fail now, not mid-conversation, if the file is read-only or locked by another process.
        await self._db.execute("BEGIN IMMEDIATE")
        await self._db.execute("ROLLBACK")

    async def _migrate(self) -> None:
        await self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        # Every migration not yet applied, not only those above the highest: numbers are handed out to
        # features built side by side, so a database may have 5 before 3 arrives.
        applied = {row[0] for row in await self._db.execute_fetchall("SELECT version FROM schema_version")}
        for version in sorted(v for v in MIGRATIONS if v not in applied):
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                await MIGRATIONS[version](self._db)
                await self._db.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
                await self._db.commit()
            except BaseException:
                await self._db.rollback()
                raise
            log.info("database migrated to schema version %d", version)

    async def _read_watermark(self) -> None:
        async with self._db.execute("SELECT MAX(update_id) FROM handled") as cursor:
            row = await cursor.fetchone()
        self._handled_before_start = int(row[0] or 0) if row else 0

    async def schema_version(self) -> int:
        async with self._db.execute("SELECT MAX(version) FROM schema_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0] or 0) if row else 0

    async def close(self) -> None:
        if self._writers:  # turns already answered are written before the connection goes
            await asyncio.gather(*self._writers, return_exceptions=True)
        try:
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            log.warning("final checkpoint failed", exc_info=True)
        await self._db.close()

    # -- identities ----------------------------------------------------------------------------

    def key(self, kind: str, raw_id: int | str) -> str:
        """A keyed hash of a user or chat id: stable for us, meaningless to anyone without the secret."""
        return hmac.new(self._secret, f"{kind}:{raw_id}".encode(), hashlib.sha256).hexdigest()[:32]

    # -- conversation context ------------------------------------------------------------------

    async def get_context(self, chat_key: str) -> StoredContext | None:
        # One trip to the connection's thread (execute, fetch and close would be three): asked every message.
        rows = await self._db.execute_fetchall(
            "SELECT last_intent, last_article, topic, safety_kind, safety_criterion, safety_at, passage, safety_also, "
            "medicine, choices, safety_settled, updated_at "
            "FROM context "
            "WHERE chat_key = ?", (chat_key,))
        return next((StoredContext(*row[:8], bool(row[8]), row[9], bool(row[10]), row[11]) for row in rows), None)

    async def record_turn(self, *, chat_key: str, user_key: str, kind: str, intent: str | None,
                          context: StoredContext | None, text: str, best_intent: str | None,
                          score: float) -> None:
        """The usage count, the context, and the text if unanswered: committed when this returns.

        Group commit: the turns of chats answered while another write holds the connection go in one
        transaction, one statement per kind for all of them. Each statement is a trip to aiosqlite's
        thread (~0.15 ms of CPU here), so under load this is most of what storage costs per message.
        """
        now = time.time()
        turn = _Turn(usage=(today(now), kind, intent or ""),
                     context=(chat_key, *_context_row(context), now) if context is not None else None,
                     unmatched=(user_key, text[:1000], kind, best_intent, score, now)
                     if kind in ("fallback", "ambiguous") else None,
                     done=asyncio.get_running_loop().create_future())
        self._turns.append(turn)
        if len(self._turns) == 1:  # the first since the last write took its batch: start the next write
            writer = asyncio.create_task(self._write_turns())
            self._writers.add(writer)  # the loop holds tasks weakly
            writer.add_done_callback(self._writers.discard)
        await turn.done

    async def _write_turns(self) -> None:
        batch: list[_Turn] = []
        try:
            async with self._transaction():
                batch, self._turns = self._turns, []  # everything that queued while we waited for the lock
                await self._db.executemany(_COUNT_USAGE, [t.usage for t in batch])
                if contexts := [t.context for t in batch if t.context is not None]:
                    await self._db.executemany(_SAVE_CONTEXT, contexts)
                if unmatched := [t.unmatched for t in batch if t.unmatched is not None]:
                    await self._db.executemany(_SAVE_UNMATCHED, unmatched)
        except Exception as error:  # each caller decides what a failed write means to it
            batch = batch or [*self._turns]
            self._turns = [t for t in self._turns if t not in batch]
            for turn in batch:
                if not turn.done.done():
                    turn.done.set_exception(error)
            return
        for turn in batch:
            if not turn.done.done():  # a caller cancelled while waiting has no one to tell
                turn.done.set_result(None)

    async def set_context(self, chat_key: str, context: StoredContext) -> None:
        async with self._transaction():
            await self._db.execute(_SAVE_CONTEXT, (chat_key, *_context_row(context), time.time()))

    async def record_feedback(self, user_key: str, intent: str, helpful: bool, message_key: str | None = None,
                              now: float | None = None) -> None:
        """One vote per user, intent and day, and per user and message: pressing again replaces the earlier
        vote (a message voted on again days later still counts once)."""
        now = time.time() if now is None else now
        async with self._transaction():
            await self._db.execute("DELETE FROM feedback WHERE user_key = ? AND ((intent = ? AND day = ?) OR "
                                   "message_key = ?)", (user_key, intent, today(now), message_key))
            await self._db.execute(
                "INSERT INTO feedback(user_key, intent, helpful, day, created_at, message_key) "
                "VALUES (?, ?, ?, ?, ?, ?)", (user_key, intent, int(helpful), today(now), now, message_key),
            )

    # -- privacy -------------------------------------------------------------------------------

    async def forget(self, user_key: str, chat_key: str) -> int:
        """Delete everything held about a user; returns the number of rows removed."""
        async with self._transaction(durable=True):
            removed = 0
            for sql, args in (
                ("DELETE FROM context WHERE chat_key IN (?, ?)", (chat_key, user_key)),
                ("DELETE FROM unmatched WHERE user_key = ?", (user_key,)),
                ("DELETE FROM feedback WHERE user_key = ?", (user_key,)),
                (FORGET_HANDOVER, (time.time(), chat_key)),  # the route to the person goes; the ticket closes
                (FORGET_SAFETY, (chat_key,)),
            ):
                cursor = await self._db.execute(sql, args)
                removed += cursor.rowcount
        await self.checkpoint()
        return removed

    async def purge_expired(self, now: float | None = None) -> int:
        """Apply the retention period: unmatched texts and old links to users go, and so does anything dated
        in the future (a wrong clock when it was written), which no retention period would ever reach."""
        now = now or time.time()
        cutoff, future = now - self.retention_days * 86400, now + FUTURE_SLACK_SECONDS
        async with self._transaction():
            cursor = await self._db.execute("DELETE FROM unmatched WHERE created_at < ? OR created_at > ?",
                                            (cutoff, future))
            removed = cursor.rowcount
            await self._db.execute("UPDATE feedback SET user_key = NULL, message_key = NULL WHERE user_key IS NOT "
                                   "NULL AND (created_at < ? OR created_at > ?)", (cutoff, future))
            await self._db.execute("DELETE FROM context WHERE updated_at < ? OR updated_at > ?", (cutoff, future))
            await self._db.execute("DELETE FROM handled WHERE handled_at < ? OR handled_at > ?",
                                   (now - HANDLED_KEEP_SECONDS, future))
            await self._db.execute(PURGE_HANDOVER, (now, cutoff, future))
            await self._db.execute(PURGE_SAFETY, (now - SAFETY_KEEP_SECONDS, future))
        await self.checkpoint()
        return removed

    async def checkpoint(self) -> bool:
        """Copy the WAL into the main file and empty it, so deleted data is not left in the WAL.

        A reader (an admin's `python -m bot stats`, a backup) can keep it from completing: SQLite then says
        so in the result, which is checked. Each try waits only briefly for readers, holding the connection;
        between tries the connection is free for other chats. After the last try the checkpoint is owed and
        `checkpoint_if_owed` (a chore) tries again. True when the WAL is empty."""
        for pause in (*CHECKPOINT_PAUSES, None):
            async with self._write_lock:
                await self._db.execute(f"PRAGMA busy_timeout={CHECKPOINT_BUSY_MS}")
                try:
                    rows = await self._db.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    await self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            busy, frames, copied = next(iter(rows), (1, -1, -1))
            if busy == 0 and frames == copied:
                self.checkpoint_owed = False
                return True
            if pause is not None:
                await asyncio.sleep(pause)
        self.checkpoint_owed = True
        log.warning("the WAL checkpoint could not complete (a reader kept it busy): deleted data may stay in "
                    "the WAL file until the next checkpoint, which is retried every minute")
        return False

    async def checkpoint_if_owed(self) -> None:
        """Retry a checkpoint that a reader kept from completing (see `checkpoint`)."""
        if self.checkpoint_owed:
            await self.checkpoint()

    # -- encryption ----------------------------------------------------------------------------

    def _seal(self, value: Any) -> bytes:
        """Encrypt a JSON value (an incoming update, a route to a person) with the store's Fernet key."""
        return self._fernet.encrypt(json.dumps(value).encode())

    def _unseal(self, token: bytes) -> Any | None:
        """The value `_seal` encrypted; None if it cannot be read (BOT_HASH_SECRET changed?)."""
        try:
            return json.loads(self._fernet.decrypt(token))
        except (InvalidToken, ValueError):
            return None

    # -- at-least-once delivery ----------------------------------------------------------------

    async def inbox_add(self, updates: list[dict[str, Any]]) -> None:
        """Durably keep updates before Telegram is told they arrived (encrypted: they hold text and ids)."""
        if not updates:
            return
        now = time.time()
        rows = [(u["update_id"], self._seal(u), now) for u in updates]
        async with self._transaction(durable=True):
            await self._db.executemany(
                "INSERT OR IGNORE INTO inbox(update_id, payload, received_at) "
                "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM handled WHERE update_id = ?)",
                [(*row, row[0]) for row in rows],
            )

    async def inbox_pending(self) -> list[dict[str, Any]]:
        """Updates received but never answered (a crash or kill came first), oldest first."""
        return [p.data for p in await self.inbox_replays() if p.data is not None]

    async def inbox_replays(self) -> list[PendingUpdate]:
        """`inbox_pending` with the number of runs each has started; one that cannot be decrypted is dropped."""
        async with self._db.execute("SELECT update_id, payload, attempts FROM inbox ORDER BY update_id") as cursor:
            rows = await cursor.fetchall()
        pending = []
        for update_id, payload, attempts in rows:
            update = self._unseal(payload)
            if update is not None:
                pending.append(PendingUpdate(update_id, update, attempts))
            else:
                log.error("pending update %s cannot be decrypted (BOT_HASH_SECRET changed?): dropped", update_id)
                await self.inbox_done(update_id)
        return pending

    async def inbox_attempt(self, update_id: int) -> None:
        """Count one more run of a replayed update, committed before it starts: if the process dies during the
        run, the next start knows. (A commit survives a crash or kill at synchronous=NORMAL in WAL mode.)"""
        async with self._transaction():
            await self._db.execute("UPDATE inbox SET attempts = attempts + 1 WHERE update_id = ?", (update_id,))

    async def set_aside(self, update_id: int, kind: str, attempts: int) -> None:
        """Give up on an update that failed every time: forget its content, keep only what kind it was."""
        async with self._transaction(durable=True):
            await self._db.execute("INSERT OR REPLACE INTO set_aside(update_id, kind, attempts, set_aside_at) "
                                   "VALUES (?, ?, ?, ?)", (update_id, kind, attempts, time.time()))
            await self._db.execute("INSERT OR IGNORE INTO handled(update_id, handled_at) VALUES (?, ?)",
                                   (update_id, time.time()))
            await self._db.execute("DELETE FROM inbox WHERE update_id = ?", (update_id,))
        self._handled_now.add(update_id)

    async def is_handled(self, update_id: int) -> bool:
        """Was this update answered, by this process or an earlier one?"""
        if update_id > self._handled_before_start:
            # Telegram's update ids only grow: a newer id can only have been answered by this process.
            return update_id in self._handled_now
        async with self._db.execute("SELECT 1 FROM handled WHERE update_id = ?", (update_id,)) as cursor:
            return await cursor.fetchone() is not None

    async def inbox_done(self, update_id: int) -> None:
        """The update was answered: remember its id, delete its stored copy.

        Group commit: updates answered while another commit waits for the disk are marked together in
        the next one (one fsync for many), with no timer, so nobody waits longer than one commit.
        """
        self._done_pending.add(update_id)
        async with self._done_lock:
            if update_id not in self._done_pending:
                return  # the commit before ours included it
            batch = sorted(self._done_pending)
            self._done_pending.clear()
            try:
                now = time.time()
                async with self._transaction(durable=True):
                    await self._db.executemany("INSERT OR IGNORE INTO handled(update_id, handled_at) VALUES (?, ?)",
                                               [(u, now) for u in batch])
                    await self._db.executemany("DELETE FROM inbox WHERE update_id = ?", [(u,) for u in batch])
            except BaseException:
                self._done_pending.update(u for u in batch if u != update_id)  # the others try again
                raise
            self._handled_now.update(batch)

    # -- content versions ----------------------------------------------------------------------

    async def note_served(self, slug: str, digest: str, reviewed: str, as_reviewed: bool) -> bool:
        """Record that this version of the article is being served, if it is not the one served last.

        Returns True when a new version was recorded. Callers remember what they noted, so this runs once per
        version and process, not once per answer.
        """
        async with self._transaction():
            cursor = await self._db.execute(_NOTE_SERVED, (slug, digest, reviewed, int(as_reviewed), time.time(),
                                                           slug, digest, reviewed, int(as_reviewed)))
            return cursor.rowcount > 0

    async def served_versions(self, slug: str | None = None) -> list[ServedVersion]:
        """Every version served, oldest first (of one article, or of all)."""
        sql = "SELECT slug, digest, reviewed, as_reviewed, first_served FROM content_version"
        rows = await self._db.execute_fetchall(f"{sql} WHERE slug = ? ORDER BY id" if slug else f"{sql} ORDER BY id",
                                               (slug,) if slug else ())
        return [ServedVersion(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]

    # -- admin views ---------------------------------------------------------------------------

    async def usage_since(self, days: int) -> list[tuple[str, str, str, int]]:
        """(day, kind, intent, count) rows for the last `days` days."""
        start = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days - 1)).isoformat()
        async with self._db.execute(
            "SELECT day, kind, intent, count FROM usage WHERE day >= ? ORDER BY day", (start,)
        ) as cursor:
            return [tuple(r) for r in await cursor.fetchall()]  # type: ignore[misc]

    async def feedback_since(self, days: int) -> list[tuple[str, int, int]]:
        """(intent, helpful votes, not-helpful votes) for the last `days` days."""
        start = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days - 1)).isoformat()
        async with self._db.execute(
            "SELECT intent, SUM(helpful), SUM(1 - helpful) FROM feedback WHERE day >= ? GROUP BY intent "
            "ORDER BY intent", (start,)
        ) as cursor:
            return [tuple(r) for r in await cursor.fetchall()]  # type: ignore[misc]

    async def unmatched_since(self, days: float) -> list[UnmatchedQuestion]:
        cutoff = time.time() - days * 86400
        async with self._db.execute(
            "SELECT text, kind, best_intent, score, created_at FROM unmatched WHERE created_at >= ? "
            "ORDER BY created_at DESC", (cutoff,)
        ) as cursor:
            return [UnmatchedQuestion(*r) for r in await cursor.fetchall()]

    # -- helpers -------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _transaction(self, durable: bool = False) -> AsyncIterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, one at a time, rolled back on any error.

        `durable` waits for the disk (fsync) at commit: for what Telegram has been told we hold, and for
        deletions we promised; counts and context may lose their last second to a power cut, never to a kill.
        """
        async with self._write_lock:
            mode = "FULL" if durable else "NORMAL"
            if mode != self._synchronous:
                await self._db.execute(f"PRAGMA synchronous={mode}")
                self._synchronous = mode
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                await self._db.rollback()
                raise
            await self._db.commit()


def _explain_open_error(path: Path, err: sqlite3.Error) -> str:
    text = str(err).lower()
    if "locked" in text or "busy" in text:
        return (f"the database {path} is locked by another process (is another copy of the bot running?). "
                "Stop it, or set BOT_DB_PATH to another file.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"the database {path} is read-only or cannot be opened: give the bot write access or set BOT_DB_PATH."
    if "not a database" in text or "malformed" in text:
        return f"{path} is not a usable SQLite database ({err}). Restore a backup or set BOT_DB_PATH."
    return f"cannot use the database {path}: {err}"
