"""bot/channels/telegram/errors.py: the one error handler, on a real PTB Application talking to the fake Bot API.

Each test registers a handler (wrapped with `named`) that fails in one way, runs an update through the
application, and checks what the user got and what the log says."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from telegram import Update
from telegram.error import Conflict, Forbidden, NetworkError
from telegram.ext import Application, ApplicationBuilder, CallbackContext, MessageHandler, filters

from bot.channels.telegram.errors import CONFLICT, describe, handler_of, named, on_error
from bot.core import texts
from tests.conftest import TOKEN
from tests.fakebotapi import DEFAULT_USER_ID, FakeBotApi

Handler = Callable[[Update, CallbackContext[Any, Any, Any, Any]], Awaitable[None]]


@pytest.fixture
async def application(api: FakeBotApi) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    app = ApplicationBuilder().token(TOKEN).base_url(api.base_url).updater(None).build()
    app.add_error_handler(on_error)
    await app.initialize()
    yield app
    await app.shutdown()


def failing(error: Exception) -> Handler:
    async def on_text(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
        raise error

    return on_text


async def run(application: Application, api: FakeBotApi, handler: Handler) -> None:  # type: ignore[type-arg]
    application.add_handler(MessageHandler(filters.TEXT, named(handler)))
    await application.process_update(Update.de_json(api.send_text("hello"), application.bot))


async def test_a_failing_handler_is_logged_by_name_and_the_user_gets_a_short_apology(
        application: Application, api: FakeBotApi, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[type-arg]
    with caplog.at_level(logging.ERROR, "bot.channels.telegram.errors"):
        await run(application, api, failing(ValueError("boom")))
    [apology] = api.sent_messages(DEFAULT_USER_ID)
    assert apology["text"] == texts.SOMETHING_WENT_WRONG
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "in on_text failed" in record.getMessage() and "message in a private chat" in record.getMessage()
    assert "hello" not in record.getMessage()  # never the user's text


async def test_a_user_who_blocked_the_bot_gets_no_apology(application: Application,  # type: ignore[type-arg]
                                                          api: FakeBotApi) -> None:
    await run(application, api, failing(Forbidden("bot was blocked by the user")))
    assert api.sent_messages(DEFAULT_USER_ID) == []


async def test_a_reply_the_network_swallowed_is_not_apologised_for(application: Application,  # type: ignore[type-arg]
                                                                   api: FakeBotApi) -> None:
    await run(application, api, failing(NetworkError("connection reset")))
    assert api.sent_messages(DEFAULT_USER_ID) == []


async def test_a_second_copy_of_the_bot_is_named_as_the_cause(application: Application,  # type: ignore[type-arg]
                                                              caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, "bot.channels.telegram.errors"):
        await application.process_error(None, Conflict("terminated by other getUpdates request"))
    assert [r.getMessage() for r in caplog.records] == [CONFLICT]


def test_describe_says_what_kind_of_update_and_where_never_its_text() -> None:
    update = Update.de_json({"update_id": 3, "edited_message": {
        "message_id": 1, "date": 0, "text": "secret words", "chat": {"id": -5, "type": "group", "title": "G"}}}, None)
    assert describe(update) == "edited_message in a group chat"
    assert describe(Update.de_json({"update_id": 4}, None)) == "other"


def test_the_handlers_name_is_read_back_from_the_error() -> None:
    error = ValueError("x")
    assert handler_of(error) == "unknown handler"
    error.add_note("handler: on_button")
    assert handler_of(error) == "on_button"
