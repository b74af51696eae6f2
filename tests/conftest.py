"""Shared fixtures: a fake Bot API server, settings on a temporary database, a running bot.

The bot is the real PTB Application from `bot.telegram_app.build_application`,
talking HTTP to `tests.fakebotapi.FakeBotApi` on 127.0.0.1. The content is the
repository's own (no copy): tests read it, never write it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import IO, Any

import pytest
from telegram.ext import Application

from bot.channels.telegram.app import build_application
from bot.channels.telegram.limits import ALLOWED_UPDATES
from bot.content.knowledge import Library
from bot.settings import Settings
from bot.storage.sqlite import SQLiteStore
from tests.fakebotapi import FakeBotApi
from tests.helpers import REPO

TOKEN = "123456:TEST-token-never-logged_abcdef"
JSON = dict[str, Any]


# -- server and settings -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def library() -> Library:
    """The shipped content, loaded once (a Library is an immutable snapshot)."""
    return Library(REPO)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(TOKEN) as server:
        yield server


def bot_env(api_base_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment a deployed bot would get, with its database in `tmp_path`."""
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api_base_url,
        "BOT_DB_PATH": str(tmp_path / "data" / "bot.sqlite3"),
        "BOT_HEARTBEAT_PATH": str(tmp_path / "data" / "heartbeat"),
        "BOT_HASH_SECRET": "test-hash-secret-of-at-least-32-bytes",
        "BOT_WATCH": "0",
        **extra,
    }


@pytest.fixture
def settings(api: FakeBotApi, tmp_path: Path) -> Settings:
    return Settings.from_env(bot_env(api.base_url, tmp_path), root=REPO)


# -- an Application running in the test's event loop ---------------------------------------------


@contextlib.asynccontextmanager
async def running(settings: Settings, library: Library, **options: Any) -> AsyncIterator[Application]:
    """The same lifecycle as run_polling (initialize, post_init, poll, start ... post_shutdown)."""
    app = build_application(settings, library=library, **options)
    await app.initialize()
    try:
        assert app.post_init is not None and app.updater is not None
        await app.post_init(app)
        await app.updater.start_polling(
            poll_interval=0, allowed_updates=ALLOWED_UPDATES,
            # what run_polling does: polling errors go to the application's error handler
            error_callback=lambda error: app.create_task(app.process_error(error=error, update=None)))
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
    finally:
        await app.shutdown()
        assert app.post_shutdown is not None
        await app.post_shutdown(app)


class Harness:
    """Drive the running bot through the fake server and collect what each turn sent."""

    def __init__(self, api: FakeBotApi, app: Application) -> None:
        self.api = api
        self.app = app

    @property
    def store(self) -> SQLiteStore:
        return self.app.bot_data["store"]

    async def handled(self, update: JSON, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has finished with `update` (the store marks it handled)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not await self.store.is_handled(update["update_id"]):
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"update {update['update_id']} not handled in {timeout} s\n"
                                     + self.api.transcript())
            await asyncio.sleep(0.01)

    async def exchange(self, send: Callable[[], JSON]) -> list[JSON]:
        """Queue one update and return the messages the bot sent while handling it."""
        before = len(self.api.sent_messages())
        update = send()
        await self.handled(update)
        return self.api.sent_messages()[before:]

    async def say(self, text: str, **kwargs: Any) -> list[JSON]:
        return await self.exchange(lambda: self.api.send_text(text, **kwargs))

    async def press(self, message: JSON, **kwargs: Any) -> list[JSON]:
        return await self.exchange(lambda: self.api.press_button(message, **kwargs))


@pytest.fixture
async def bot(api: FakeBotApi, settings: Settings, library: Library) -> AsyncIterator[Harness]:
    async with running(settings, library) as app:
        yield Harness(api, app)


# -- the real process ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class BotProcess:
    """`python -m bot ARGS` in a subprocess, its log in a file."""

    def __init__(self, process: asyncio.subprocess.Process, log_path: Path, log_file: IO[bytes]) -> None:
        self.process = process
        self.log_path = log_path
        self._log_file = log_file

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int:  # noqa: ASYNC109
        """Send `sig` and return the exit status."""
        if self.process.returncode is None:
            self.process.send_signal(sig)
        try:
            return await asyncio.wait_for(self.process.wait(), timeout)
        finally:
            self._log_file.close()


async def start_process(env: dict[str, str], tmp_path: Path, *args: str, name: str = "bot") -> BotProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    log_path = tmp_path / f"{name}.log"
    log_file = log_path.open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=REPO, env={**clean, **env},
        stdout=log_file, stderr=asyncio.subprocess.STDOUT)
    return BotProcess(process, log_path, log_file)


@pytest.fixture
async def processes() -> AsyncIterator[list[BotProcess]]:
    """Processes started by a test; any still running at the end are killed."""
    started: list[BotProcess] = []
    yield started
    for bot_process in started:
        if bot_process.process.returncode is None:
            await bot_process.stop(signal.SIGKILL)


def db_rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read the bot's database from outside, as an admin would (WAL allows it while it runs)."""
    connection = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, timeout=5)  # never create it
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()
