"""Poison messages: an update that fails every time is set aside; the bot never crash-loops."""

from __future__ import annotations

import signal
from pathlib import Path

from bot.channels.telegram.poison import MAX_ATTEMPTS
from bot.content.knowledge import Library
from bot.core import texts
from bot.settings import Settings
from bot.storage.sqlite import SQLiteStore
from tests.conftest import BotProcess, Harness, bot_env, db_rows, running, start_process
from tests.fakebotapi import FakeBotApi
from tests.helpers import REPO

USER = 6006
ADMIN = 5005
QUESTION = "zebra quantum what is ms"


async def plant(settings: Settings, update: dict, attempts: int) -> None:
    """The inbox as a crashed run leaves it: the update kept, with its runs counted."""
    store = await SQLiteStore.open(settings.db_path, settings.hash_secret)
    try:
        await store.inbox_add([update])
    finally:
        await store.close()
    import sqlite3

    with sqlite3.connect(settings.db_path) as db:
        db.execute("UPDATE inbox SET attempts = ? WHERE update_id = ?", (attempts, update["update_id"]))


async def test_an_update_that_failed_every_time_is_set_aside_and_the_start_goes_on(
        api: FakeBotApi, tmp_path: Path, library: Library) -> None:
    settings = Settings.from_env(bot_env(api.base_url, tmp_path, BOT_ADMIN_IDS=str(ADMIN)), root=REPO)
    api.add_chat(ADMIN)
    poison = api.send_text(QUESTION, user_id=USER)  # Telegram will also deliver it again: it must stay unanswered
    await plant(settings, poison, MAX_ATTEMPTS)

    async with running(settings, library) as app:
        bot = Harness(api, app)
        [apology] = await api.wait_for_messages(1, chat_id=USER)
        [notice] = await api.wait_for_messages(1, chat_id=ADMIN)
        [answer] = [m for m in await bot.say("what is epilepsy", user_id=USER) if m["chat"]["id"] == USER]

    assert apology["text"] == texts.SET_ASIDE_APOLOGY
    assert f"update {poison['update_id']}" in notice["text"] and "message in a private chat" in notice["text"]
    assert "zebra" not in notice["text"] and str(USER) not in notice["text"]
    assert "epilepsy" in answer["text"].lower()
    assert [m["text"] for m in api.sent_messages(USER)] == [apology["text"], answer["text"]]  # never answered
    rows = db_rows(settings.db_path, "SELECT update_id, kind, attempts FROM set_aside")
    assert rows == [(poison["update_id"], "message in a private chat", MAX_ATTEMPTS)]
    assert db_rows(settings.db_path, "SELECT COUNT(*) FROM inbox") == [(0,)]
    assert db_rows(settings.db_path, f"SELECT COUNT(*) FROM handled WHERE update_id = {poison['update_id']}") == [(1,)]


async def test_an_update_with_attempts_left_is_replayed_and_counted(
        api: FakeBotApi, tmp_path: Path, library: Library) -> None:
    settings = Settings.from_env(bot_env(api.base_url, tmp_path), root=REPO)
    update = api.send_text("what is ms", user_id=USER)
    await plant(settings, update, MAX_ATTEMPTS - 1)
    api.stall_next("sendMessage", 1.0)  # hold the reply so the count can be seen while it runs
    async with running(settings, library) as app:
        bot = Harness(api, app)
        await api.wait_for(lambda: api.faults_left("sendMessage") == 0, what="the reply in flight")
        assert db_rows(settings.db_path, "SELECT attempts FROM inbox") == [(MAX_ATTEMPTS,)]  # counted first
        await bot.handled(update)
    [reply] = api.sent_messages(USER)
    assert "MS" in reply["text"].split("\n")[0]


async def test_a_message_that_kills_every_start_is_set_aside_and_the_bot_runs_on(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess]) -> None:
    """The real process, killed while answering the same message, start after start."""
    env = bot_env(api.base_url, tmp_path, BOT_ADMIN_IDS=str(ADMIN))
    db = Path(env["BOT_DB_PATH"])
    api.add_chat(ADMIN)
    poison = api.send_text(QUESTION, user_id=USER)
    for crash in range(1, MAX_ATTEMPTS + 1):
        api.clear_faults()
        api.stall_next("sendMessage", 300, times=10)  # its answer never gets out: the process dies first
        bot = await start_process(env, tmp_path, "run", name=f"crash-{crash}")
        processes.append(bot)
        await api.wait_for(lambda: api.faults_left("sendMessage") < 10, timeout=30, what="the answer in flight")
        assert await bot.stop(signal.SIGKILL) == -signal.SIGKILL
        assert db_rows(db, "SELECT attempts FROM inbox") == [(crash,)]
    api.clear_faults()
    survivor = await start_process(env, tmp_path, "run", name="survivor")
    processes.append(survivor)
    [apology] = await api.wait_for_messages(1, chat_id=USER, timeout=30)
    await api.wait_for_messages(1, chat_id=ADMIN, timeout=10)
    api.send_text("what is epilepsy", user_id=USER)
    await api.wait_for_messages(2, chat_id=USER, timeout=30)
    assert await survivor.stop(signal.SIGTERM) == 0
    assert apology["text"] == texts.SET_ASIDE_APOLOGY
    assert "epilepsy" in api.sent_messages(USER)[1]["text"].lower()
    assert db_rows(db, "SELECT update_id, attempts FROM set_aside") == [(poison["update_id"], MAX_ATTEMPTS)]
    assert "set aside" in survivor.log and "zebra" not in survivor.log
