"""bot/channels/telegram/handlers.py: how each kind of update is routed and answered, and "typing..." only
while an answer is slow (no extra request for answers sent at once).

The routing runs on the real Application against the fake Bot API (the `bot` harness); the conversation
itself (answers, buttons, follow-ups) is tested end to end in test_e2e.py."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Chat

from bot.channels.telegram.handlers import typing_while_slow
from bot.core import texts
from tests.conftest import Harness
from tests.fakebotapi import BOT_USERNAME, DEFAULT_USER_ID


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


# -- routing ---------------------------------------------------------------------------------------------


async def test_an_unknown_command_is_explained_in_private_and_ignored_in_a_group(bot: Harness) -> None:
    [reply] = await bot.exchange(lambda: bot.api.send_command("/weather"))
    assert reply["text"] == texts.UNKNOWN_COMMAND
    assert await bot.exchange(lambda: bot.api.send_command("/weather", 2002, chat_type="group")) == []


async def test_just_the_bots_name_gets_the_welcome(bot: Harness) -> None:
    [reply] = await bot.say(f"@{BOT_USERNAME}", chat_type="group", user_id=2002)
    assert reply["text"].startswith("Hello!")


async def test_answers_quote_the_question_in_groups_only(bot: Harness) -> None:
    [private] = await bot.say("what is ms")
    assert "reply_to_message" not in private
    [group] = await bot.say(f"@{BOT_USERNAME} what is ms", chat_type="group", user_id=2002)
    assert group["reply_to_message"]["text"] == f"@{BOT_USERNAME} what is ms"


async def test_a_deep_link_to_an_article_opens_its_topics(bot: Harness) -> None:
    [menu] = await bot.exchange(lambda: bot.api.send_command("/start refractory-epilepsy"))
    [topics] = await bot.exchange(lambda: bot.api.send_command("/topics"))
    [pressed] = await bot.press(topics, data="tp:refractory-epilepsy")
    assert menu["text"] == pressed["text"]  # the same as pressing the article in /topics


async def test_a_sticker_in_private_gets_text_only_and_a_feedback_vote_only_a_notice(bot: Harness) -> None:
    [sticker] = await bot.exchange(lambda: bot.api.send_sticker())
    assert sticker["text"] == texts.TEXT_ONLY
    [answer] = await bot.say("what is ms")
    votes = [b["callback_data"] for row in answer["reply_markup"]["inline_keyboard"] for b in row
             if b["callback_data"].startswith("fb:")]
    assert votes
    assert await bot.press(answer, data=votes[0]) == []  # acknowledged in the button's notice
    [notice] = bot.api.calls("answerCallbackQuery")[-1:]
    assert notice.params.get("text")
    assert len(bot.api.sent_messages(DEFAULT_USER_ID)) == 2
