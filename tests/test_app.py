"""bot/app.py, the composition root: what it builds from Settings, and what it opens and closes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.app import build_engine, build_library, open_store, services
from bot.content.knowledge import Library
from bot.settings import Settings
from bot.storage.protocol import StorageError
from tests.helpers import REPO


def local_settings(tmp_path: Path, **env: str) -> Settings:
    return Settings.from_env({"BOT_DB_PATH": str(tmp_path / "data" / "bot.sqlite3"), "BOT_HASH_SECRET": "a-test-secret-of-at-least-32-bytes",
                              "BOT_CONTENT_BASE_URL": "https://content.example", **env}, root=REPO)


def test_the_engine_answers_from_the_settings_content_with_their_link_base(tmp_path: Path) -> None:
    engine = build_engine(local_settings(tmp_path))
    turn = engine.respond("what is multiple sclerosis")
    assert turn.intent_id and "https://content.example" in turn.reply.plain_text() + str(turn.reply.all_buttons())
    assert not (tmp_path / "data").exists()  # a one-off engine writes nothing, not even the cache


def test_the_library_caches_in_the_data_folder_only_when_asked(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    build_library(settings, cache=False)
    assert not (tmp_path / "data" / "cache").exists()
    build_library(settings)
    assert any((tmp_path / "data" / "cache").iterdir())


async def test_services_share_one_engine_and_store_and_close_the_store(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    async with services(settings, library=Library(REPO)) as built:
        assert built.conversation.engine is built.engine and built.conversation.store is built.store
        assert built.store is not None and built.store.retention_days == settings.retention_days
        await built.conversation.message(1, 1, "zebra quantum question")
    with sqlite3.connect(settings.db_path) as db:  # closed: the turn was written, the WAL checkpointed
        assert db.execute("SELECT text FROM unmatched").fetchall() == [("zebra quantum question",)]
    assert not Path(f"{settings.db_path}-wal").exists() or Path(f"{settings.db_path}-wal").stat().st_size == 0


async def test_services_without_a_store_record_nothing(tmp_path: Path) -> None:
    async with services(local_settings(tmp_path), store=False) as built:
        assert built.store is None and built.conversation.store is None
        assert (await built.conversation.message(1, 1, "what is epilepsy")).intent_id
    assert not (tmp_path / "data").exists()


async def test_an_unusable_secret_folder_is_a_storage_error_naming_the_setting(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    with pytest.raises(StorageError, match="BOT_HASH_SECRET"):
        await open_store(local_settings(tmp_path, BOT_HASH_SECRET=""))
