"""At-least-once delivery: a killed bot loses no message and answers none twice."""

from __future__ import annotations

import asyncio
import os
import signal
from collections import Counter
from pathlib import Path

import pytest

from bot.channels.telegram import delivery
from bot.channels.telegram.delivery import Inbox, OrderedDurableUpdateProcessor
from bot.content.knowledge import Library
from bot.settings import Settings
from tests.conftest import BotProcess, Harness, bot_env, db_rows, running, start_process
from tests.fakebotapi import FakeBotApi

USERS = range(7001, 7021)  # twenty people, one question each: replies are counted per chat


async def wait_until(predicate: object, timeout: float = 15.0, what: str = "") -> None:  # noqa: ASYNC109
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.mark.parametrize("confirmed", [True, False], ids=["offset-confirmed", "offset-not-confirmed"])
async def test_sigkill_in_flight_then_restart_answers_each_message_once(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess], confirmed: bool) -> None:
    db = tmp_path / "data" / "bot.sqlite3"
    env = bot_env(api.base_url, tmp_path)
    for user in USERS:
        api.send_text("what is multiple sclerosis", user_id=user)
    # The first answer goes straight out; the other nineteen are on their way when the kill comes. The server
    # holds them past the end of the test (as a dying connection would have Telegram drop them).
    api.stall_next("sendMessage", 0)
    api.stall_next("sendMessage", 300, times=len(USERS) - 1)
    if not confirmed:  # the poll after the first never reaches Telegram: it keeps all twenty
        api.stall_next("getUpdates", 0)
        api.fail_next("getUpdates", 500, times=10_000)

    first = await start_process(env, tmp_path, "run", name="first")
    processes.append(first)
    await api.wait_for_messages(1, timeout=20)
    await wait_until(lambda: db_rows(db, "SELECT COUNT(*) FROM handled")[0][0] >= 1, what="first handled")
    assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
    answered_before_kill = len(api.sent_messages())
    assert answered_before_kill < len(USERS)
    assert len(api.pending_updates) == (0 if confirmed else len(USERS))
    assert db_rows(db, "SELECT COUNT(*) FROM inbox")[0][0] == len(USERS) - answered_before_kill

    api.clear_faults()
    second = await start_process(env, tmp_path, "run", name="second")
    processes.append(second)
    await wait_until(lambda: db_rows(db, "SELECT COUNT(*) FROM handled")[0][0] == len(USERS),
                     what="all handled")
    assert await second.stop(signal.SIGTERM) == 0
    replies = Counter(m["chat"]["id"] for m in api.sent_messages())
    assert replies == dict.fromkeys(USERS, 1), api.transcript()
    assert db_rows(db, "SELECT COUNT(*) FROM inbox") == [(0,)]
    assert "replaying" in second.log and "Traceback" not in first.log + second.log


async def test_redelivered_update_already_answered_is_not_answered_again(
        api: FakeBotApi, settings: Settings, library: Library) -> None:
    async with running(settings, library) as app:
        harness = Harness(api, app)
        update = api.send_text("what is ms")
        await harness.handled(update)
    assert len(api.sent_messages()) == 1
    # Telegram sends it again (say the confirming getUpdates was lost), to a restarted bot.
    api.add_raw_update(update)
    async with running(settings, library) as app:
        harness = Harness(api, app)
        later = api.send_text("what is epilepsy")
        await harness.handled(later)
        polled = [u["update_id"] for call in api.calls("getUpdates") if call.ok for u in call.response]
        assert polled.count(update["update_id"]) == 2  # it did arrive twice
    sent = api.sent_messages()
    assert len(sent) == 2 and "epilepsy" in sent[1]["text"].lower()  # only the new question was answered


async def test_answered_updates_leave_no_text_or_id_on_disk(
        api: FakeBotApi, settings: Settings, library: Library) -> None:
    user_id, text = 735_029_184_611, "what are the first signs of multiple sclerosis zqxj"
    async with running(settings, library) as app:
        harness = Harness(api, app)
        await harness.say(text, user_id=user_id)
        await harness.say("what is epilepsy", user_id=user_id)
        assert await harness.store.inbox_pending() == []
        assert db_rows(settings.db_path, "SELECT COUNT(*) FROM inbox") == [(0,)]
        assert db_rows(settings.db_path, "SELECT COUNT(*) FROM handled") == [(2,)]
        _assert_absent(settings.db_path, text, user_id)  # while running: the main file and the WAL
    _assert_absent(settings.db_path, text, user_id)  # after the final checkpoint


def _assert_absent(db_path: Path, text: str, user_id: int) -> None:
    files = [p for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-journal")) if p.exists()]
    assert files
    needles = [text.encode(), text.encode("utf-16-le"), b"zqxj", str(user_id).encode(),
               user_id.to_bytes(8, "big"), user_id.to_bytes(6, "big")]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {path.name}"


async def test_reply_lost_to_the_network_is_sent_later(
        api: FakeBotApi, settings: Settings, library: Library) -> None:
    async with running(settings, library, retry_undelivered_seconds=0.2) as app:
        harness = Harness(api, app)
        api.fail_next("sendMessage", 502, times=4)  # every try of the first round fails
        update = api.send_text("what is ms")
        await api.wait_for_messages(1, timeout=15)
        await harness.handled(update)
        assert [c.status for c in api.calls("sendMessage")] == [502] * 4 + [200]
        processor = app.update_processor
        assert isinstance(processor, OrderedDurableUpdateProcessor) and processor.chats_waiting == 0


async def test_one_chat_in_order_other_chats_meanwhile(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = {"what is multiple sclerosis": "<b>What MS is", "what is epilepsy": "<b>What epilepsy is",
                 "multiple sclerosis drugs": "<b>Disease-modifying therapies"}
    conversation, holding, go_on = bot.app.bot_data["conversation"], asyncio.Event(), asyncio.Event()
    answer = conversation.message

    async def first_is_slow(user_id: int, chat_id: int, text: str) -> object:
        if chat_id == 8001 and not holding.is_set():  # the first chat's first answer is slow
            holding.set()
            await go_on.wait()
        return await answer(user_id, chat_id, text)

    monkeypatch.setattr(conversation, "message", first_is_slow)
    first = [bot.api.send_text(text, user_id=8001) for text in questions]
    try:
        await asyncio.wait_for(holding.wait(), 10)
        other = bot.api.send_text("what is epilepsy", user_id=8002)
        await bot.handled(other)
        sent_meanwhile = [m["chat"]["id"] for m in bot.api.sent_messages()]
    finally:
        go_on.set()  # a held answer would keep the bot from stopping
    assert sent_meanwhile == [8002]  # not held up by 8001, and 8001's later questions waited
    for update in first:
        await bot.handled(update)
    # in order: the later questions' answers waited for the slow first one
    replies = [c.params["text"] for c in bot.api.calls("sendMessage") if c.params["chat_id"] == 8001]
    assert [next(q for q, title in questions.items() if r.startswith(title)) for r in replies] == list(questions)


def test_heartbeat_is_touched_at_most_once_a_second(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(delivery.time, "monotonic", lambda: clock[0])
    heartbeat = tmp_path / "data" / "heartbeat"
    inbox = Inbox(heartbeat)

    def touched_after(seconds: float) -> bool:
        clock[0] += seconds
        os.utime(heartbeat, (0, 0))
        inbox.beat()
        return heartbeat.stat().st_mtime > 0

    inbox.beat()
    assert heartbeat.exists()  # the first beat at once
    assert not touched_after(0.5)
    assert touched_after(0.6)  # a second after the first
    assert not touched_after(0.0)
