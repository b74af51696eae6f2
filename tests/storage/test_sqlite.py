import asyncio
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import aiosqlite
import pytest

from bot.storage.protocol import StorageError, StoredContext
from bot.storage.sqlite import MIGRATIONS, SQLiteStore, load_or_create_secret

SECRET = "test-secret"


async def open_store(tmp_path: Path, retention_days: int = 90) -> SQLiteStore:
    return await SQLiteStore.open(tmp_path / "bot.sqlite3", SECRET, retention_days)


def file_bytes(db: Path) -> bytes:
    """Everything on disk for this database: the main file, its WAL and shared-memory index."""
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())


async def test_schema_created_and_versioned(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    assert await store.schema_version() == max(MIGRATIONS)
    await store.close()
    store = await open_store(tmp_path)  # opening again migrates nothing and keeps data
    assert await store.schema_version() == max(MIGRATIONS)
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


async def test_migration_3_adds_the_safety_state_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with aiosqlite.connect(path) as db:  # a database as schema version 1 left it, with a chat's topic
        await MIGRATIONS[1](db)
        await db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        await db.execute("INSERT INTO schema_version VALUES (1)")
        await db.execute("INSERT INTO context VALUES ('chat1', 'ms_dmt', 'ms-immune-role', 'ms', 1.0)")
        await db.commit()
    store = await open_store(tmp_path)
    assert await store.schema_version() == max(MIGRATIONS) >= 3
    assert await store.get_context("chat1") == StoredContext("ms_dmt", "ms-immune-role", "ms")
    await store.set_context("chat1", StoredContext("ms_dmt", "ms-immune-role", "ms", "crisis", "wish_dead", 5.0))
    assert (await store.get_context("chat1")).safety_kind == "crisis"  # type: ignore[union-attr]
    await store.close()


async def test_a_migration_numbered_below_one_already_applied_still_runs(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:  # as if a later number had been merged first
        db.execute("DELETE FROM schema_version WHERE version = 5")
        db.execute("DROP TABLE content_version")
        db.execute("INSERT INTO schema_version(version) VALUES (99)")
    store = await open_store(tmp_path)
    assert await store.note_served("a", "d1", "2026-11-20", True)  # migration 5 ran although 99 is recorded
    await store.close()


async def test_context_round_trip(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.set_context("chat1", StoredContext("ms_overview", "ms-immune-role", "ms"))
    assert await store.get_context("chat1") == StoredContext("ms_overview", "ms-immune-role", "ms")
    assert await store.get_context("other") is None
    await store.set_context("chat1", StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms", passage=2))
    assert await store.get_context("chat1") == StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms", passage=2)
    await store.set_context("chat1", StoredContext(None, None, None, medicine=True))  # "why do my meds ..."
    assert await store.get_context("chat1") == StoredContext(None, None, None, medicine=True)
    await store.set_context("chat1", StoredContext("ms_dmt", None, "ms"))
    assert (await store.get_context("chat1")).medicine is False  # type: ignore[union-attr]
    settled = StoredContext(None, None, None, "emergency", "seizure_cluster", 7.0, safety_settled=True)
    await store.set_context("chat2", settled)  # "ambulance is here" after the emergency reply
    assert await store.get_context("chat2") == settled
    await store.set_context("chat1", StoredContext(None, None, None, choices="ms_causes,ms_dmt"))  # "Did you mean"
    assert await store.get_context("chat1") == StoredContext(None, None, None, choices="ms_causes,ms_dmt")
    await store.set_context("chat1", StoredContext("ms_dmt", None, "ms"))
    assert (await store.get_context("chat1")).choices is None  # type: ignore[union-attr]
    await store.close()


async def test_keys_are_keyed_hashes(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    key = store.key("user", 123456789)
    assert key == store.key("user", 123456789) and key != store.key("chat", 123456789)
    assert "123456789" not in key
    other = await SQLiteStore.open(tmp_path / "b.sqlite3", "another-secret")
    assert other.key("user", 123456789) != key
    await store.close()
    await other.close()


async def test_unmatched_and_usage_recorded_without_text_for_answers(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.record_turn(chat_key="c", user_key="u", kind="fallback", intent=None, context=None,
                            text="diabetes diet", best_intent="oos_other_conditions", score=40)
    await store.record_turn(chat_key="c", user_key="u", kind="topical", intent="ms_dmt", context=None,
                            text="ms meds please", best_intent="ms_dmt", score=90)
    unmatched = await store.unmatched_since(1)
    assert [u.text for u in unmatched] == ["diabetes diet"]
    usage = {(k, i): n for _, k, i, n in await store.usage_since(1)}
    assert usage == {("fallback", ""): 1, ("topical", "ms_dmt"): 1}
    await store.close()
    assert b"ms meds please" not in file_bytes(tmp_path / "bot.sqlite3")


async def test_feedback_one_vote_per_user_intent_day(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.record_feedback("u1", "ms_dmt", True)
    await store.record_feedback("u1", "ms_dmt", False)
    await store.record_feedback("u2", "ms_dmt", True)
    assert await store.feedback_since(1) == [("ms_dmt", 1, 1)]
    await store.close()


async def test_forget_removes_rows_and_bytes(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    user, chat = store.key("user", 987654321), store.key("chat", 987654321)
    await store.record_turn(chat_key=chat, user_key=user, kind="fallback", intent=None,
                            context=StoredContext("ms_dmt", "a", "ms"), text="zebra quantum question",
                            best_intent=None, score=0)
    await store.record_feedback(user, "ms_dmt", True)
    assert await store.forget(user, chat) >= 3
    assert await store.get_context(chat) is None and await store.unmatched_since(1) == []
    raw = file_bytes(tmp_path / "bot.sqlite3")
    assert b"zebra quantum question" not in raw and user.encode() not in raw
    await store.close()


async def test_retention_deletes_old_unmatched(tmp_path: Path) -> None:
    store = await open_store(tmp_path, retention_days=30)
    await store.record_turn(chat_key="c", user_key="u", kind="fallback", intent=None, context=None,
                            text="old question text", best_intent=None, score=0)
    assert await store.purge_expired(now=time.time()) == 0
    assert await store.purge_expired(now=time.time() + 31 * 86400) == 1
    assert await store.unmatched_since(365) == []
    await store.close()
    assert b"old question text" not in file_bytes(tmp_path / "bot.sqlite3")


async def test_retention_also_removes_rows_dated_in_the_future(tmp_path: Path) -> None:
    store = await open_store(tmp_path, retention_days=30)
    await store.record_turn(chat_key="c", user_key="u", kind="fallback", intent=None, context=None,
                            text="written with a wrong clock", best_intent=None, score=0)
    await store.record_feedback("u", "ms_dmt", True)
    await store.set_context("c", StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms"))
    await store.close()
    ahead = time.time() + 10 * 365 * 86400  # a clock ten years ahead when the rows were written
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        db.execute("UPDATE unmatched SET created_at = ?", (ahead,))
        db.execute("UPDATE feedback SET created_at = ?", (ahead,))
        db.execute("UPDATE context SET updated_at = ?", (ahead,))
    store = await open_store(tmp_path, retention_days=30)
    assert await store.purge_expired() == 1
    assert await store.get_context("c") is None
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM unmatched").fetchone() == (0,)
        assert db.execute("SELECT user_key FROM feedback").fetchall() == [(None,)]  # the vote stays, unlinked


async def test_forget_waits_out_a_reader_until_the_wal_is_empty(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    user, chat = store.key("user", 1), store.key("chat", 1)
    await store.record_turn(chat_key=chat, user_key=user, kind="fallback", intent=None, context=None,
                            text="zebra quantum question", best_intent=None, score=0)
    reader = sqlite3.connect(tmp_path / "bot.sqlite3", isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM unmatched").fetchall()  # an admin's report holds a snapshot

    async def finish_reading() -> None:
        await asyncio.sleep(5.5)  # longer than a checkpoint's own wait for readers (busy_timeout, 5 s)
        reader.execute("COMMIT")

    releasing = asyncio.create_task(finish_reading())
    assert await store.forget(user, chat) >= 1
    await releasing
    wal = tmp_path / "bot.sqlite3-wal"
    assert wal.stat().st_size == 0, "forget returned with the deleted text still in the WAL"
    assert not store.checkpoint_owed
    reader.close()
    await store.close()


async def test_a_checkpoint_kept_busy_is_owed_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.storage.sqlite

    monkeypatch.setattr(bot.storage.sqlite, "CHECKPOINT_PAUSES", (0.01,))
    store = await open_store(tmp_path)
    await store.record_turn(chat_key="c", user_key="u", kind="fallback", intent=None, context=None,
                            text="zebra", best_intent=None, score=0)
    reader = sqlite3.connect(tmp_path / "bot.sqlite3", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM unmatched").fetchall()
    assert await store.checkpoint() is False and store.checkpoint_owed
    reader.execute("COMMIT")
    reader.close()
    await store.checkpoint_if_owed()
    assert not store.checkpoint_owed and (tmp_path / "bot.sqlite3-wal").stat().st_size == 0
    await store.close()


async def test_inbox_is_encrypted_and_deleted_when_done(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    update = {"update_id": 7, "message": {"text": "secret words here", "from": {"id": 555000111}}}
    await store.inbox_add([update])
    assert b"secret words here" not in file_bytes(tmp_path / "bot.sqlite3")
    assert await store.inbox_pending() == [update]
    await store.inbox_done(7)
    assert await store.inbox_pending() == [] and await store.is_handled(7)
    await store.inbox_add([update])  # a re-delivery of an answered update is not stored again
    assert await store.inbox_pending() == []
    await store.close()


async def test_unwritable_location_fails_clearly_at_start(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StorageError, match="BOT_DB_PATH"):
        await SQLiteStore.open(blocker / "bot.sqlite3", SECRET)


async def test_locked_database_fails_clearly_at_start(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.close()
    holder = sqlite3.connect(tmp_path / "bot.sqlite3")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(StorageError, match="locked"):
            await SQLiteStore.open(tmp_path / "bot.sqlite3", SECRET)
        assert time.monotonic() - started < 30
    finally:
        holder.rollback()
        holder.close()


async def test_not_a_database_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "bot.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="not a usable SQLite database"):
        await open_store(tmp_path)


def test_secret_generated_once_and_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = load_or_create_secret(data, "")
    assert load_or_create_secret(data, "") == first and len(first) == 64
    assert (data / "hash_secret").stat().st_mode & 0o777 == 0o600
    assert data.stat().st_mode & 0o777 == 0o700
    configured = "a-configured-secret-of-32-bytes-at-least"
    assert load_or_create_secret(data, configured) == configured
    assert [p.name for p in data.iterdir()] == ["hash_secret"]  # no temporary file left behind


def test_a_short_secret_is_refused_from_the_environment_or_the_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"BOT_HASH_SECRET holds a secret of 16 bytes; it must be at least 32"):
        load_or_create_secret(tmp_path, "sixteen-bytes-16")
    (tmp_path / "hash_secret").write_text("")  # what an interrupted write used to leave
    with pytest.raises(StorageError, match=r"hash_secret.*empty"):
        load_or_create_secret(tmp_path, "")
    (tmp_path / "hash_secret").write_text("short\n")
    with pytest.raises(StorageError, match="5 bytes"):
        load_or_create_secret(tmp_path, "")


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from bot.storage.protocol import StorageError
from bot.storage.sqlite import load_or_create_secret
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (10, resource.RLIM_INFINITY))
try:
    load_or_create_secret(Path(sys.argv[1]), "")
except (StorageError, OSError) as error:
    print("refused:", error)
"""


def test_a_full_disk_while_creating_the_secret_leaves_no_usable_short_file(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(tmp_path)], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert "refused:" in done.stdout, done.stderr
    assert not (tmp_path / "hash_secret").exists(), "a partial secret was left for the next start"
    assert len(load_or_create_secret(tmp_path, "")) == 64  # the next start (disk freed) makes a whole one


WRITER = """
import asyncio, sys
from pathlib import Path
from bot.storage.sqlite import SQLiteStore

async def main():
    store = await SQLiteStore.open(Path(sys.argv[1]), "s")
    n = 0
    while True:
        await store.record_feedback(f"user{n}", "ms_dmt", True)
        n += 1
        print(n, flush=True)  # printed only after the commit returned: acknowledged

asyncio.run(main())
"""


async def test_killed_writer_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parents[2])
    assert writer.stdout is not None
    acknowledged = 0
    while acknowledged < 200:
        line = await asyncio.to_thread(writer.stdout.readline)
        assert line, "writer died early"
        acknowledged = int(line)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = check.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]
    assert stored >= acknowledged
    store = await SQLiteStore.open(db, "s")  # and the bot can open it again
    await store.close()


async def test_handled_ids_survive_a_restart_and_batch_commits(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store.inbox_add([{"update_id": n, "message": {"text": f"m{n}"}} for n in (10, 11, 12)])
    await asyncio.gather(*(store.inbox_done(n) for n in (10, 11, 12)))  # answered together: one commit or more
    assert [await store.is_handled(n) for n in (10, 11, 12, 13)] == [True, True, True, False]
    await store.close()
    store = await open_store(tmp_path)  # a new process: older ids come from the table
    assert await store.is_handled(11) and not await store.is_handled(13)
    assert await store.inbox_pending() == []
    await store.inbox_done(13)
    assert await store.is_handled(13)
    await store.close()


async def test_turns_answered_together_are_committed_together(tmp_path: Path) -> None:
    """Group commit: turns queued while another write holds the connection share one transaction."""
    store = await open_store(tmp_path)
    commits = 0
    real_commit = store._db.commit

    async def counting_commit() -> None:
        nonlocal commits
        commits += 1
        await real_commit()

    store._db.commit = counting_commit  # type: ignore[method-assign]
    async with store._write_lock:  # another write is in progress: the next 20 turns queue behind it
        turns = [asyncio.create_task(store.record_turn(
            chat_key=f"chat{n}", user_key=f"user{n}", kind="fallback" if n % 2 else "topical",
            intent=None if n % 2 else "ms_dmt", context=StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms"),
            text=f"question {n}", best_intent=None, score=0.0)) for n in range(20)]
        await asyncio.sleep(0.05)
        assert not any(t.done() for t in turns)  # nobody is told "recorded" before the commit
    await asyncio.gather(*turns)
    assert commits == 1
    for n in range(20):
        assert await store.get_context(f"chat{n}") == StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms")
    assert sorted(r[3] for r in await store.usage_since(1)) == [10, 10]
    assert len(await store.unmatched_since(1)) == 10
    await store.close()


async def test_a_failed_group_commit_fails_every_turn_in_it(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    await store._db.execute("DROP TABLE usage")  # every usage count now fails
    results = await asyncio.gather(*(store.record_turn(
        chat_key=f"chat{n}", user_key="u", kind="topical", intent="ms_dmt", context=None, text="x",
        best_intent=None, score=0.0) for n in range(5)), return_exceptions=True)
    assert all(isinstance(r, sqlite3.OperationalError) for r in results)
    assert store._turns == []  # nothing left waiting
    await store.close()


async def test_closing_writes_the_turns_still_queued(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    async with store._write_lock:  # a write in progress: the turn queues behind it
        turn = asyncio.create_task(store.record_turn(
            chat_key="c", user_key="u", kind="topical", intent="ms_dmt", context=None, text="x",
            best_intent=None, score=0.0))
        await asyncio.sleep(0.01)
        turn.cancel()  # the caller gives up (shutdown), but its rows were handed over
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        assert db.execute("SELECT count FROM usage WHERE intent = 'ms_dmt'").fetchone() == (1,)


# -- handover records --------------------------------------------------------------------------


async def test_handover_route_is_encrypted_and_goes_with_close_forget_and_purge(tmp_path: Path) -> None:
    store = await open_store(tmp_path)
    chat_id = 987654321
    opened = []
    for n, key in enumerate(("chat-a", "chat-b", "chat-c")):
        ticket = await store.handover_create(key, chat_id + n, "MS fatigue", time.time() - n * 200 * 86400)
        await store.handover_opened(ticket, 100 + n)
        opened.append(ticket)
    assert [r.chat_id for r in await store.handovers_open()] == [chat_id, chat_id + 1, chat_id + 2]
    assert str(chat_id).encode() not in file_bytes(tmp_path / "bot.sqlite3")
    await store.mark_safety_shown("chat-a", "crisis", time.time())
    assert await store.safety_shown_since("chat-a", time.time() - 60) == "crisis"

    await store.forget(store.key("user", 1), "chat-a")  # /forget in chat-a
    assert await store.handover_of_chat("chat-a") is None
    assert await store.safety_shown_since("chat-a", 0) is None
    await store.purge_expired()  # retention 90 days: chat-b (200 days) and chat-c (400 days) go
    assert await store.handovers_open() == []
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        rows = db.execute("SELECT ticket, status, route, chat_key, closed_by FROM handover ORDER BY ticket").fetchall()
    assert rows == [(opened[0], "closed", None, None, "forget"), (opened[1], "closed", None, None, "expired"),
                    (opened[2], "closed", None, None, "expired")]
