"""bot/channels/telegram/send.py: a Reply sent as HTML messages, and a button press answered, over HTTP to the
fake Bot API (no Application: only the calls this module makes)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import telegram
from telegram import Update
from telegram.ext import ExtBot

from bot.channels.telegram.limits import MESSAGE_LIMIT
from bot.channels.telegram.send import answer_callback, send_reply
from bot.core.reply import Button, Reply
from tests.conftest import TOKEN
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi

CHAT = DEFAULT_USER_ID


@pytest.fixture
async def client(api: FakeBotApi) -> AsyncIterator[telegram.Bot]:
    async with ExtBot(TOKEN, base_url=api.base_url) as bot:  # the Application's bot: it takes rate_limit_args
        yield bot


def keyboard(message: dict) -> list[str]:
    return [b["callback_data"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


async def test_a_short_reply_is_one_html_message_with_its_buttons(client: telegram.Bot, api: FakeBotApi) -> None:
    asked = api.send_text("what is ms")["message"]
    sent = await send_reply(client, CHAT, Reply(kind="topical", title="MS", paragraphs=("About <MS>.",),
                                                buttons=((Button("More", "i:ms"),),)), quote=asked["message_id"])
    [message] = api.sent_messages(CHAT)
    assert len(sent) == 1 and sent[0].message_id == message["message_id"]
    assert message["text"] == "MS\n\nAbout <MS>."  # sent as HTML: the markup escaped, the title bold
    assert {"type": "bold", "offset": 0, "length": 2} in message["entities"]
    assert keyboard(message) == ["i:ms"]
    assert message["reply_to_message"]["message_id"] == asked["message_id"]


async def test_a_long_reply_goes_in_parts_quoting_once_with_the_keyboard_last(client: telegram.Bot,
                                                                              api: FakeBotApi) -> None:
    asked = api.send_text("tell me everything")["message"]
    paragraphs = tuple(f"Paragraph {n}. " + "word " * 300 for n in range(12))  # well over one message
    await send_reply(client, CHAT, Reply(kind="topical", paragraphs=paragraphs, buttons=((Button("Next", "x"),),)),
                     quote=asked["message_id"])
    parts = api.sent_messages(CHAT)
    assert len(parts) >= 3 and all(len(p["text"]) <= MESSAGE_LIMIT for p in parts)
    assert [bool(keyboard(p)) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert ["reply_to_message" in p for p in parts] == [True] + [False] * (len(parts) - 1)


async def test_a_button_press_is_answered_and_a_failure_is_not_an_error(client: telegram.Bot,
                                                                        api: FakeBotApi) -> None:
    api.send_text("hello")
    await send_reply(client, CHAT, Reply(kind="notice", paragraphs=("Pick",), buttons=((Button("A", "a"),),)))
    [message] = api.sent_messages(CHAT)
    query = Update.de_json(api.press_button(message, data="a"), client).callback_query
    assert query is not None
    await answer_callback(query, "Noted")
    assert [call.params.get("text") for call in api.calls("answerCallbackQuery")] == ["Noted"]
    api.fail_next("answerCallbackQuery", 400, times=1)
    await answer_callback(query)  # logged, not raised: the spinner stops by itself
    assert len(api.calls("answerCallbackQuery")) == 2
