"""bot/channels/telegram/app.py: building the Application, its start and stop, the webhook settings, the chores
and the token kept out of the logs."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import pytest

from bot.channels.telegram.app import (
    BAD_WEBHOOK_SECRET,
    NO_TOKEN,
    NO_WEBHOOK_URL,
    RedactToken,
    every,
    run,
    staff_chats,
    webhook_path,
    webhook_problem,
)
from bot.channels.telegram.services import BotData
from bot.content.knowledge import Library
from bot.core import texts
from bot.settings import Settings
from tests.conftest import TOKEN, running
from tests.fakebotapi import FakeBotApi
from tests.helpers import REPO


def settings_with(**env: str) -> Settings:
    return Settings.from_env(env, root=REPO)


def test_webhook_settings_are_checked_and_named() -> None:
    assert webhook_problem(settings_with()) == NO_WEBHOOK_URL
    assert "must start with https://" in webhook_problem(settings_with(BOT_WEBHOOK_URL="http://bot.example.org/hook"))
    assert webhook_problem(settings_with(BOT_WEBHOOK_URL="https://bot.example.org/hook",
                                         BOT_WEBHOOK_SECRET="not allowed!")) == BAD_WEBHOOK_SECRET
    assert webhook_problem(settings_with(BOT_WEBHOOK_URL="https://bot.example.org/hook",
                                         BOT_WEBHOOK_SECRET="Good_secret-1")) == ""


def test_the_webhook_listens_on_the_public_urls_path() -> None:
    assert webhook_path("https://bot.example.org/telegram/hook/") == "telegram/hook"
    assert webhook_path("https://bot.example.org") == ""


def test_only_the_staff_chat_is_trusted() -> None:
    assert staff_chats(settings_with()) == frozenset()
    assert staff_chats(settings_with(BOT_HANDOVER_CHAT_ID="-1001234567890")) == frozenset({-1001234567890})


def test_without_a_token_it_explains_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argparse.Namespace(webhook=False), settings_with()) == 2
    assert capsys.readouterr().err.strip() == NO_TOKEN.strip()


def test_the_token_is_redacted_from_messages_and_tracebacks() -> None:
    redact = RedactToken(TOKEN)
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling %s", (f"/bot{TOKEN}/getMe",), None)
    try:
        raise RuntimeError(f"failed at /bot{TOKEN}/getMe")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert redact.filter(record)
    assert record.getMessage() == "calling /bot<token>/getMe"
    assert TOKEN not in (record.exc_text or "") and "<token>" in (record.exc_text or "")


async def test_a_chore_that_fails_is_logged_and_runs_again(caplog: pytest.LogCaptureFixture) -> None:
    runs: list[int] = []
    third = asyncio.Event()

    async def chore() -> None:
        runs.append(1)
        if len(runs) == 3:
            third.set()
        raise OSError("disk full")

    task = asyncio.create_task(every(0, chore, "the test chore"))
    await asyncio.wait_for(third.wait(), 10)
    task.cancel()
    assert [r.getMessage() for r in caplog.records].count("the test chore failed") >= 2


async def test_start_opens_the_store_and_publishes_the_menu_and_stop_closes_it(
        api: FakeBotApi, tmp_path: Path, library: Library) -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url,
                                  "BOT_DB_PATH": str(tmp_path / "data" / "bot.sqlite3"),
                                  "BOT_HASH_SECRET": "test-hash-secret-of-at-least-32-bytes", "BOT_WATCH": "0"},
                                 root=REPO)
    async with running(settings, library) as app:
        data: BotData = app.bot_data
        assert data.store is not None and data.conversation.store is data.store
        assert all(not task.done() for task in data["tasks"]) and len(data["tasks"]) == 3
        [menu] = [c for c in api.calls("setMyCommands") if "scope" not in c.params]
        assert [c["command"] for c in menu.params["commands"]] == [name for name, _ in texts.BOT_COMMANDS]
    assert "store" not in app.bot_data and app.bot_data["tasks"] == []
    assert (tmp_path / "data" / "bot.sqlite3").exists()
