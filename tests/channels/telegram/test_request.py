"""The bot's HTTP layer (aiohttp under PTB) against the fake Bot API: bodies, uploads, failures, proxies."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.channels.telegram.request import AiohttpRequest
from tests.conftest import TOKEN, free_port
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def client(api: FakeBotApi, **options: float) -> telegram.Bot:
    return telegram.Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url,
                        request=AiohttpRequest(**options), get_updates_request=AiohttpRequest())


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[telegram.Bot]:
    async with client(api) as started:
        api.send_text("hi")  # the user has opened the chat
        yield started


async def test_parameters_arrive_as_json_and_the_answer_is_parsed(bot: telegram.Bot, api: FakeBotApi) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes ✓", callback_data="fb:x:1")]])
    message = await bot.send_message(DEFAULT_USER_ID, "<b>Tom &amp; Jerry</b> é", parse_mode="HTML",
                                     reply_markup=markup)
    [call] = api.calls("sendMessage")
    assert call.params["chat_id"] == DEFAULT_USER_ID
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "Yes ✓", "callback_data": "fb:x:1"}]]}
    assert message.text == "Tom & Jerry é" and message.reply_markup == markup


async def test_an_upload_goes_as_multipart(bot: telegram.Bot, api: FakeBotApi) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    await bot.send_photo(DEFAULT_USER_ID, png, caption="<i>stats</i>", parse_mode="HTML", filename="stats.png")
    [call] = api.calls("sendPhoto")
    assert call.files["photo"].data == png and call.files["photo"].filename == "stats.png"
    assert call.params["caption"] == "<i>stats</i>"


async def test_an_api_error_keeps_its_meaning(bot: telegram.Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999_999, "nobody there")


async def test_no_answer_within_the_read_timeout_is_timed_out(api: FakeBotApi) -> None:
    async with client(api, read_timeout=0.2) as bot:
        api.send_text("hi")
        api.stall_next("sendMessage", 2.0)
        with pytest.raises(TimedOut):
            await bot.send_message(DEFAULT_USER_ID, "slow")
        assert (await bot.send_message(DEFAULT_USER_ID, "next")).text == "next"


async def test_a_dropped_connection_is_a_network_error(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.drop_connection_next("sendMessage")
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(DEFAULT_USER_ID, "lost")
    assert not isinstance(caught.value, TimedOut)
    assert (await bot.send_message(DEFAULT_USER_ID, "again")).text == "again"
    assert len(api.calls("sendMessage")) == 2  # not retried behind our back: with_retries decides


async def test_requests_before_initialize_are_refused(api: FakeBotApi) -> None:
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps what the HTTP layer raises
        await AiohttpRequest().post(f"{api.base_url}{TOKEN}/getMe")


async def test_the_proxy_from_the_environment_is_used(api: FakeBotApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    with pytest.raises(NetworkError):
        async with client(api):  # starting calls getMe
            pass
    assert api.calls("getMe") == []
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    async with client(api) as bot:
        assert (await bot.get_me()).is_bot
