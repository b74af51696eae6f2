"""The one error handler: log fully (never the token or the user's text), tell the user little.

Handlers are wrapped with `named` so the log line says which one failed. A reply
the network swallowed is queued again (see bot/channels/telegram/delivery.py); a 409 Conflict means
a second copy of the bot is running; anything else is logged with its traceback
and the user gets a short apology.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

from telegram import Bot, Update
from telegram.error import Conflict, Forbidden, TelegramError
from telegram.ext import CallbackContext

from bot.channels.telegram.delivery import OrderedDurableUpdateProcessor, is_delivery_failure, with_retries
from bot.core import texts

log = logging.getLogger(__name__)

# Any handler's context: this module reads only what PTB gives every context (the error, the bot, the
# application), so it needs none of the bot's services.
C = TypeVar("C", bound=CallbackContext[Any, Any, Any, Any])

CONFLICT = ("409 Conflict: another process is using this bot token (a second copy polling, or a webhook "
            "is set). Only one copy may run per token: stop the other one. Still retrying.")


def named(callback: Callable[[Update, C], Awaitable[None]]) -> Callable[[Update, C], Awaitable[None]]:
    """Tag errors with the handler's name, for the error handler's log line."""
    @functools.wraps(callback)
    async def run(update: Update, context: C) -> None:
        try:
            await callback(update, context)
        except Exception as error:
            error.add_note(f"handler: {callback.__name__}")
            raise

    return run


def describe(update: Update) -> str:
    """What kind of update, where: never its text or who sent it."""
    kind = next((name for name in ("message", "edited_message", "callback_query", "inline_query",
                                   "channel_post") if getattr(update, name, None)), "other")
    chat = update.effective_chat
    return f"{kind} in a {chat.type} chat" if chat else kind


def handler_of(error: BaseException) -> str:
    notes = getattr(error, "__notes__", [])
    return next((n.removeprefix("handler: ") for n in notes if n.startswith("handler: ")), "unknown handler")


async def on_error(update: object, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Log with context (never the token or the user's text); tell the user little."""
    error = context.error
    if error is None:
        return
    if isinstance(error, Conflict):
        log.error(CONFLICT)
        return
    if not isinstance(update, Update):
        if is_delivery_failure(error):  # polling while the network is down: PTB retries with backoff
            log.warning("cannot reach Telegram (%s: %s); retrying", type(error).__name__, error)
        else:
            log.error("error outside any update", exc_info=error)
        return
    where = f"update {update.update_id} ({describe(update)}) in {handler_of(error)}"
    if is_delivery_failure(error):
        processor = context.application.update_processor
        if update.effective_chat is not None and isinstance(processor, OrderedDurableUpdateProcessor):
            processor.mark_undelivered(update)
            log.warning("%s: reply not delivered (%s: %s); will try again", where, type(error).__name__, error)
        else:  # an inline query expires within seconds: no point in trying again
            log.warning("%s: reply not delivered (%s: %s)", where, type(error).__name__, error)
        return
    if isinstance(error, Forbidden):
        log.info("%s: the user blocked the bot or removed it (%s)", where, error)
        return
    log.error("%s failed", where, exc_info=error)
    await apologise(context.bot, update)


async def apologise(bot: Bot, update: Update) -> None:
    if update.effective_chat is None:
        return
    try:
        await with_retries(partial(bot.send_message, update.effective_chat.id,
                                   texts.SOMETHING_WENT_WRONG), "sendMessage (sorry)")
    except TelegramError as error:
        log.warning("could not send the apology either (%s)", type(error).__name__)
