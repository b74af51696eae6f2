"""Storage: the `Store` protocol and its records (`protocol.py`), and the SQLite backend (`sqlite.py`).

The core imports `bot.storage.protocol` only. The backend's names are loaded on first use, so
importing the protocol does not load aiosqlite and cryptography. `bot.storage.Store` is still the
SQLite class (its old name) for code written before the protocol; new code says `SQLiteStore`, or
opens the store through `bot.app.open_store`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from bot.storage.protocol import STORE_FAILURES, HandoverRecord, ServedVersion, StoredContext, UnmatchedQuestion

if TYPE_CHECKING:
    from bot.storage.sqlite import (
        HANDLED_KEEP_SECONDS,
        MIGRATIONS,
        Migration,
        SQLiteStore,
        StorageError,
        Store,
        load_or_create_secret,
        migration,
        today,
    )

_SQLITE_NAMES = frozenset({
    "HANDLED_KEEP_SECONDS", "MIGRATIONS", "Migration", "SQLiteStore", "StorageError", "Store",
    "load_or_create_secret", "migration", "today",
})


def __getattr__(name: str) -> Any:
    if name in _SQLITE_NAMES:
        return getattr(importlib.import_module("bot.storage.sqlite"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HANDLED_KEEP_SECONDS",
    "MIGRATIONS",
    "STORE_FAILURES",
    "HandoverRecord",
    "Migration",
    "SQLiteStore",
    "ServedVersion",
    "StorageError",
    "Store",
    "StoredContext",
    "UnmatchedQuestion",
    "load_or_create_secret",
    "migration",
    "today",
]
