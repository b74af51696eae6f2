"""Admin commands end to end: the real Application against the fake Bot API, on a temporary copy."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import BotCommandScopeChat

from bot.admin.chart import ANSWERED_COLOUR, FALLBACK_COLOUR, TOPIC_COLOUR
from bot.app import build_library
from bot.content.knowledge import Library
from bot.settings import Settings
from tests.conftest import Harness, bot_env, running
from tests.fakebotapi import FakeBotApi
from tests.helpers import REPO, copy_root, line_number, png_shows

ADMIN = 1001
OTHER_ADMIN = 3003
PATIENT = 2002
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text", "") for m in messages]


async def start_bot(api: FakeBotApi, tmp_path: Path, **env: str) -> AsyncIterator[Harness]:
    """The bot on a writable copy of the content, with two admins."""
    root = copy_root(tmp_path)
    settings = Settings.from_env(bot_env(api.base_url, tmp_path, BOT_ADMIN_IDS=f"{ADMIN},{OTHER_ADMIN}", **env),
                                 root=root)
    for admin in (ADMIN, OTHER_ADMIN):
        api.add_chat(admin)  # admins have talked to the bot before, so it may write to them
    async with running(settings, Library(root)) as app:
        yield Harness(api, app)


@pytest.fixture
async def admin_bot(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in start_bot(api, tmp_path):
        yield harness


@pytest.fixture
async def watching_bot(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[Harness]:
    async for harness in start_bot(api, tmp_path, BOT_WATCH="1"):
        yield harness


def intents_file(bot: Harness) -> Path:
    library: Library = bot.app.bot_data["library"]
    return library.root / "intents.yaml"


async def command(bot: Harness, text: str, user: int = ADMIN) -> list[dict]:
    """What the bot sent back to the sender's chat (notices to other admins are not counted)."""
    sent = await bot.exchange(lambda: bot.api.send_command(text, user_id=user))
    return [m for m in sent if m["chat"]["id"] == user]


# -- who may use them --------------------------------------------------------------------------


async def test_non_admins_get_the_unknown_command_reply(admin_bot: Harness,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    unknown = texts(await command(admin_bot, "/nosuchcommand", user=PATIENT))
    for name in ("/stats", "/unmatched", "/explain what is ms", "/reload"):
        assert texts(await command(admin_bot, name, user=PATIENT)) == unknown, name
    assert admin_bot.api.calls("sendPhoto") == []
    refusals = [r.getMessage() for r in caplog.records if "refused admin command" in r.getMessage()]
    assert len(refusals) == 4
    assert all(admin_bot.store.key("user", PATIENT) in line for line in refusals)
    assert str(PATIENT) not in caplog.text, "the raw Telegram id is never logged"


async def test_only_admins_see_the_admin_commands_in_their_menu(admin_bot: Harness) -> None:
    bot = admin_bot.app.bot
    mine = [c.command for c in await bot.get_my_commands(scope=BotCommandScopeChat(ADMIN))]
    everyone = [c.command for c in await bot.get_my_commands()]
    assert {"stats", "unmatched", "explain", "reload", "help"} <= set(mine)
    assert "stats" not in everyone and "help" in everyone


async def test_admin_commands_are_silent_in_groups(admin_bot: Harness) -> None:
    sent = await admin_bot.exchange(lambda: admin_bot.api.send_command("/stats", user_id=ADMIN, chat_type="group"))
    assert sent == [] and admin_bot.api.calls("sendPhoto") == []


# -- the commands ------------------------------------------------------------------------------


async def test_stats_sends_a_summary_and_a_chart(admin_bot: Harness) -> None:
    await admin_bot.say("what is multiple sclerosis", user_id=PATIENT)
    await admin_bot.say("how do i renew my passport", user_id=PATIENT + 1)

    [summary] = await command(admin_bot, "/stats")

    assert summary["chat"]["id"] == ADMIN
    assert "Usage, today" in summary["text"] and "Usage, last 7 days" in summary["text"]
    assert "Messages: 2" in summary["text"] and "No answer (fallback): 1 (50%)" in summary["text"]
    [photo_call] = admin_bot.api.calls("sendPhoto")
    png = photo_call.files["photo"].data
    assert png.startswith(PNG_SIGNATURE) and len(png) < 150_000
    assert png_shows(png, ANSWERED_COLOUR, FALLBACK_COLOUR, TOPIC_COLOUR), "the chart has the bars"
    assert "last 7 days" in photo_call.params["caption"]


async def test_unmatched_lists_grouped_questions(admin_bot: Harness) -> None:
    for user, question in enumerate(("how do i renew my passport", "How do I renew my passport?"), PATIENT):
        await admin_bot.say(question, user_id=user)
    [reply] = await command(admin_bot, "/unmatched")
    assert '2x "' in reply["text"] and "renew my passport" in reply["text"]


async def test_explain_shows_the_decision(admin_bot: Harness) -> None:
    [reply] = await command(admin_bot, "/explain what is multiple sclerosis")
    assert "answer: topical ms_overview" in reply["text"] and "match: matched ms_overview" in reply["text"]
    assert "keyword:" in reply["text"]
    [usage] = await command(admin_bot, "/explain")
    assert usage["text"].startswith("Usage: /explain")


async def test_reload_reports_the_broken_line_then_the_fix(admin_bot: Harness) -> None:
    path = intents_file(admin_bot)
    good = path.read_text(encoding="utf-8")
    broken = good.replace("threshold: 68", "threshold: 150", 1)
    path.write_text(broken, encoding="utf-8")

    [reply] = await command(admin_bot, "/reload")

    line = line_number(broken, "threshold: 150")
    assert reply["text"].startswith("Reload failed: 1 error(s)")
    assert f"intents.yaml:{line}: settings.threshold: must be a number from 1 to 100" in reply["text"]
    [notice] = await admin_bot.api.wait_for_messages(1, chat_id=OTHER_ADMIN)
    assert f"intents.yaml:{line}: settings.threshold" in notice["text"], "the other admin is told too"
    assert texts(await admin_bot.say("what is multiple sclerosis", user_id=PATIENT))[0], "still answering"

    path.write_text(good, encoding="utf-8")
    [fixed] = await command(admin_bot, "/reload")

    assert fixed["text"].startswith("Reloaded: ")
    notices = await admin_bot.api.wait_for_messages(2, chat_id=OTHER_ADMIN)
    assert "the earlier problem is fixed" in notices[1]["text"]


async def test_watcher_tells_every_admin_when_a_save_breaks_the_file(watching_bot: Harness) -> None:
    path = intents_file(watching_bot)
    broken = path.read_text(encoding="utf-8").replace("threshold: 68", "threshold: 150", 1)
    line = line_number(broken, "threshold: 150")

    async def told(chat_id: int) -> bool:
        for _ in range(10):  # save again if the watcher was still starting
            path.write_text(broken, encoding="utf-8")
            try:
                await watching_bot.api.wait_for_messages(1, chat_id=chat_id, timeout=1.0)
                return True
            except AssertionError:
                continue
        return False

    assert await told(ADMIN)
    [notice] = await watching_bot.api.wait_for_messages(1, chat_id=OTHER_ADMIN)
    [mine] = watching_bot.api.sent_messages(ADMIN)
    for message in (notice, mine):
        assert f"intents.yaml:{line}: settings.threshold" in message["text"]


async def test_admins_are_told_when_the_builder_fails_and_answers_go_on(
        api: FakeBotApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from bot.content.knowledge import SnapshotCache

    root = copy_root(tmp_path)
    settings = Settings.from_env(bot_env(api.base_url, tmp_path, BOT_ADMIN_IDS=f"{ADMIN},{OTHER_ADMIN}"), root=root)
    for admin in (ADMIN, OTHER_ADMIN):
        api.add_chat(admin)
    library = Library(root, SnapshotCache.for_secret(tmp_path / "cache", "x" * 32))
    async with running(settings, library) as app:
        bot = Harness(api, app)
        monkeypatch.setattr(sys, "executable", "/bin/false")  # the next build's child fails at once
        (root / "intents.yaml").write_text(intents_file(bot).read_text(encoding="utf-8") + "\n", encoding="utf-8")

        [reply] = await command(bot, "/reload")

        assert reply["text"].startswith("Reload failed: 1 error(s). The bot keeps answering with the last good files")
        assert "snapshot builder failed (exit status 1)" in reply["text"]
        [notice] = await api.wait_for_messages(1, chat_id=OTHER_ADMIN)
        assert "snapshot builder failed" in notice["text"]
        [answer] = await bot.say("what is multiple sclerosis", user_id=PATIENT)
        assert "MS" in answer["text"].split("\n")[0]


async def test_broken_files_at_start_run_on_the_last_good_content_and_say_so(api: FakeBotApi, tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    env = bot_env(api.base_url, tmp_path, BOT_ADMIN_IDS=f"{ADMIN},{OTHER_ADMIN}")
    settings = Settings.from_env(env, root=root)
    build_library(settings)  # an earlier run left its snapshot in the cache
    path = root / "intents.yaml"
    good = path.read_text(encoding="utf-8")
    broken = good.replace("label: What epilepsy is", "label: Epilepsy: what it is", 1)
    path.write_text(broken, encoding="utf-8")
    for admin in (ADMIN, OTHER_ADMIN):
        api.add_chat(admin)

    async with running(settings, build_library(settings)) as app:  # a restart
        bot = Harness(api, app)
        for admin in (ADMIN, OTHER_ADMIN):
            [notice] = await api.wait_for_messages(1, chat_id=admin)
            assert notice["text"].startswith("⚠️ Started on the last good content")
            assert f"intents.yaml:{line_number(broken, 'Epilepsy: what it is')}: yaml: this text has ': '" in \
                notice["text"]
        assert "What MS is" in texts(await bot.say("what is multiple sclerosis", user_id=PATIENT))[0]
        health = subprocess.run([sys.executable, "-m", "bot.channels.telegram.health"], env={**os.environ, **env}, cwd=REPO,
                                capture_output=True, text=True, timeout=30)
        assert health.returncode == 0 and "DEGRADED: the content files have 1 error(s)" in health.stdout
        assert "the bot started on the last good version" in health.stdout

        path.write_text(good, encoding="utf-8")
        [fixed] = await command(bot, "/reload")
        assert fixed["text"].startswith("Reloaded: ")
        [_, notice] = await api.wait_for_messages(2, chat_id=OTHER_ADMIN)
        assert "the earlier problem is fixed" in notice["text"]
        assert not (settings.data_dir / "content_status.json").exists()
