"""Sending on Telegram: a channel-neutral Reply as HTML messages, and the answer to a button press.

Shared by the user handlers and the handover handlers; each call goes through `with_retries`, so a
flood limit or a dropped connection is waited out, not lost.
"""

from __future__ import annotations

import logging
from functools import partial

from telegram import Bot, CallbackQuery, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.channels.telegram.delivery import with_retries
from bot.channels.telegram.ratelimit import URGENT
from bot.channels.telegram.render import NO_PREVIEW, render
from bot.core.engine import URGENT_KINDS
from bot.core.reply import Reply

log = logging.getLogger(__name__)


async def send_reply(bot: Bot, chat_id: int, reply: Reply, quote: int | None = None) -> list[Message]:
    """Send a reply as HTML, in as many parts as needed; the keyboard rides on the last part. An emergency or
    crisis reply is sent before the ordinary replies waiting for Telegram's rate limit."""
    rendered = render(reply)
    count = len(rendered.parts)
    sent = []
    urgent = URGENT if reply.kind in URGENT_KINDS else None  # ahead of ordinary replies waiting (ratelimit.py)
    for number, text in enumerate(rendered.parts, 1):
        send = partial(
            bot.send_message, chat_id, text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            rate_limit_args=urgent,
            reply_markup=rendered.keyboard if number == count else None,
            reply_parameters=ReplyParameters(quote, allow_sending_without_reply=True)
            if quote and number == 1 else None,
        )
        sent.append(await with_retries(send, f"sendMessage (part {number} of {count})"))
    return sent


async def answer_callback(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner (optionally with a short notice). Failure is not worth an error."""
    try:
        await with_retries(partial(query.answer, text=text), "answerCallbackQuery")
    except TelegramError as error:
        log.info("could not answer a button press (%s: %s)", type(error).__name__, error)
