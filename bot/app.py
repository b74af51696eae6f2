"""The one composition root: from Settings, the Library, Engine, Store and Conversation.

Every entry point (Telegram, the terminal chat, the admin and ask commands, the tools) builds its
services here, so choosing another store backend or another content cache is one change in one
place. Only this module and the tests name the SQLite backend.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.content.knowledge import Library, SnapshotCache
from bot.core.conversation import Conversation
from bot.core.engine import Engine
from bot.core.handover_replies import HandoverPolicy
from bot.private_files import private_umask
from bot.settings import Settings
from bot.storage.protocol import Store

T = TypeVar("T")


def build_library(settings: Settings, *, cache: bool = True) -> Library:
    """The content snapshot; `cache` keeps built snapshots in the data folder for a faster next start, signed
    with a key derived from the stored secret (a file the bot did not write there is never unpickled)."""
    if not cache:
        return Library(settings.root)
    return Library(settings.root, SnapshotCache.for_secret(settings.data_dir / "cache", _secret(settings)))


def _secret(settings: Settings) -> str:
    """BOT_HASH_SECRET or the stored one; StorageError (with what to do) if it is missing, short or unwritable.
    From here on the process's files are private: the data folder holds the database, the secret, the cache."""
    from bot.storage.sqlite import load_or_create_secret  # only commands that store

    private_umask()
    return load_or_create_secret(settings.data_dir, settings.hash_secret)


def build_engine(settings: Settings, library: Library | None = None, *, handover: bool = False) -> Engine:
    """The engine over `library` (by default the content, loaded without the cache: one-off commands).

    `handover`: the channel can pass a chat to the staff team (Telegram, with BOT_HANDOVER_CHAT_ID); elsewhere
    asking for a person shows BOT_HANDOVER_CONTACT and helplines.
    """
    policy = HandoverPolicy.from_settings(settings)
    return Engine(library or build_library(settings, cache=False), settings.content_base_url,
                  policy if handover else policy.off())


async def open_store(settings: Settings) -> Store:
    """The store at BOT_DB_PATH; StorageError (with what to do) if it cannot be used."""
    from bot.storage.sqlite import SQLiteStore  # only commands that store

    return await SQLiteStore.open(settings.db_path, _secret(settings), settings.retention_days)


def with_store(settings: Settings, work: Callable[[Store], Awaitable[T]]) -> T:
    """Open the store, run `work` on it, close it: one asyncio.run for a command-line report."""

    async def run() -> T:
        store = await open_store(settings)
        try:
            return await work(store)
        finally:
            await store.close()

    return asyncio.run(run())


@dataclass(frozen=True, slots=True)
class Services:
    """What a channel needs to hold a conversation; `store` is None when nothing is recorded."""

    settings: Settings
    library: Library
    engine: Engine
    store: Store | None
    conversation: Conversation


@contextlib.asynccontextmanager
async def services(settings: Settings, *, store: bool = True,
                   library: Library | None = None) -> AsyncIterator[Services]:
    """Build everything, open the store (if `store`), and close it on the way out.

    Without a store nothing is written, not even the content cache.
    """
    library = library or build_library(settings, cache=store)
    engine = build_engine(settings, library)
    opened = await open_store(settings) if store else None
    try:
        yield Services(settings, library, engine, opened, Conversation(engine, opened))
    finally:
        if opened is not None:
            await opened.close()
