"""bot/storage/protocol.py: the Store seam, its records and the failures callers catch."""

from __future__ import annotations

import dataclasses
import inspect
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage.protocol import (
    STORE_FAILURES,
    HandoverRecord,
    PendingUpdate,
    ServedVersion,
    StorageError,
    Store,
    StoredContext,
    UnmatchedQuestion,
)
from bot.storage.sqlite import SQLiteStore
from tests.helpers import REPO


def test_importing_the_protocol_loads_no_backend() -> None:
    """The core imports the protocol: it must not pull in aiosqlite or the encryption library."""
    code = ("import sys, bot.storage.protocol; "
            "print(sorted(m for m in ('aiosqlite', 'cryptography', 'bot.storage.sqlite') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_the_records_are_frozen_values() -> None:
    for record in (StoredContext("ms_overview", "ms", "MS"), UnmatchedQuestion("q", "fallback", None, 0.0, 1.0),
                   ServedVersion("ms", "abc", "2026-01-01", True, 1.0),
                   PendingUpdate(1, None, 0), HandoverRecord(1, "open", None, None, None, None, 0.0, None)):
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, None)


def test_store_failures_catch_what_a_broken_sqlite_file_raises(tmp_path: Path) -> None:
    (tmp_path / "not-a-db.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(STORE_FAILURES):
        sqlite3.connect(tmp_path / "not-a-db.sqlite3").execute("SELECT 1 FROM sqlite_master").fetchall()
    with pytest.raises(STORE_FAILURES):
        (tmp_path / "missing" / "file").read_bytes()
    assert issubclass(StorageError, RuntimeError) and not issubclass(StorageError, STORE_FAILURES)


def test_the_sqlite_backend_has_every_call_of_the_protocol_with_its_parameters() -> None:
    calls = [name for name, value in vars(Store).items() if callable(value) and not name.startswith("_")]
    assert len(calls) > 20
    for name in calls:
        wanted = list(inspect.signature(getattr(Store, name)).parameters)
        assert list(inspect.signature(getattr(SQLiteStore, name)).parameters) == wanted, name
