""""typing..." only while an answer is slow: no extra request for answers sent at once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Chat

from bot.channels.telegram.handlers import typing_while_slow


class RecordingBot:
    """Records chat actions; `typed` is set once one was sent. A call takes until `answered` is set."""

    def __init__(self) -> None:
        self.actions: list[tuple[int, str]] = []
        self.typed = asyncio.Event()
        self.answered = asyncio.Event()
        self.answered.set()

    async def send_chat_action(self, chat_id: int, action: str, **_: Any) -> bool:
        self.actions.append((chat_id, action))
        self.typed.set()
        await self.answered.wait()
        return True


async def let_the_loop_run() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_work_done_before_the_delay_sends_no_typing() -> None:
    bot = RecordingBot()
    async with typing_while_slow(bot, Chat(5, Chat.PRIVATE), delay=0):  # type: ignore[arg-type]
        pass  # finished before the loop could run the timer
    await let_the_loop_run()
    assert bot.actions == []


async def test_slow_work_shows_typing_in_private_chats() -> None:
    bot = RecordingBot()
    async with typing_while_slow(bot, Chat(5, Chat.PRIVATE), delay=0):  # type: ignore[arg-type]
        await asyncio.wait_for(bot.typed.wait(), 10)  # the work lasts until "typing..." was sent
    assert bot.actions == [(5, "typing")]


@pytest.mark.parametrize(("kind", "typed"), [(Chat.PRIVATE, True), (Chat.GROUP, False), (Chat.SUPERGROUP, False)])
async def test_typing_in_private_chats_only(kind: str, typed: bool) -> None:
    bot = RecordingBot()
    async with typing_while_slow(bot, Chat(-100, kind), delay=0):  # type: ignore[arg-type]
        await let_the_loop_run()
    assert bot.actions == ([(-100, "typing")] if typed else [])


async def test_the_answer_waits_for_a_typing_call_on_its_way() -> None:
    bot = RecordingBot()
    bot.answered.clear()  # Telegram is slow to confirm "typing..."

    async def work() -> None:
        async with typing_while_slow(bot, Chat(5, Chat.PRIVATE), delay=0):  # type: ignore[arg-type]
            await bot.typed.wait()

    finished = asyncio.create_task(work())
    await let_the_loop_run()
    assert not finished.done()  # the answer would overtake "typing..." and leave it showing under itself
    bot.answered.set()
    await asyncio.wait_for(finished, 10)
