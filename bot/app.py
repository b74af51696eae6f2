"""The one composition root: from Settings, the Library, Engine, Store and Conversation.

Every entry point (Telegram, the terminal chat, the admin and ask commands, the tools) builds its
services here, so choosing another store backend or another content cache is one change in one
place. Only this module and the tests name the SQLite backend.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from bot.content.knowledge import Library
from bot.core.conversation import Conversation
from bot.core.engine import Engine
from bot.core.handover_replies import HandoverPolicy
from bot.settings import Settings
from bot.storage.protocol import Store


def build_library(settings: Settings, *, cache: bool = True) -> Library:
    """The content snapshot; `cache` keeps built snapshots in the data folder for a faster next start."""
    return Library(settings.root, settings.data_dir / "cache" if cache else None)


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
    from bot.storage.sqlite import SQLiteStore, StorageError, load_or_create_secret  # only commands that store

    try:
        secret = load_or_create_secret(settings.data_dir, settings.hash_secret)
    except OSError as err:
        raise StorageError(f"cannot read or create the hash secret in {settings.data_dir}: {err.strerror}. "
                           "Set BOT_HASH_SECRET, or make the folder of BOT_DB_PATH writable.") from err
    return await SQLiteStore.open(settings.db_path, secret, settings.retention_days)


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
