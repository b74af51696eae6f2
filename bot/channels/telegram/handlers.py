"""Telegram handlers: turn updates into Conversation calls and send the rendered replies.

Routing (all in group 0, first match wins):
* commands /start (with deep-link payloads), /help, /topics, /about, /privacy, /forget;
* button presses (callback queries), answered exactly once, then the reply as a new message;
* inline queries (`@bot ms treatment`): registered by bot.channels.telegram.inline itself;
* text: always in private chats; in groups only when it mentions the bot or replies
  to one of its messages (silence otherwise; see bot.channels.telegram.addressing);
* anything else (stickers, photos, voice...): "I can only read text messages".

Edited messages are ignored: answering an edit would repeat or contradict the answer
already given. Services (Engine, Conversation) come from `bot_data` (bot.channels.telegram.services);
errors go to the one error handler in bot.channels.telegram.errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Bot, CallbackQuery, Chat, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.channels.telegram.addressing import ADDRESSED, NEW_MESSAGE, REPLIES_TO_BOT, without_mention
from bot.channels.telegram.errors import named, on_error
from bot.channels.telegram.send import answer_callback, send_reply
from bot.channels.telegram.services import Callback, Context, conversation_of, engine_of, user_id_of
from bot.core import compose, texts
from bot.core.actions import parse_action
from bot.core.engine import Turn
from bot.core.reply import Reply

log = logging.getLogger(__name__)

TYPING_TIMEOUT = 2.0  # seconds: "typing..." is a courtesy and must never hold up the answer
# An answer is worked out in a few milliseconds: "typing..." before every answer would double the requests
# (and the rate limiter's budget) for a status nobody sees. It is sent only when working the answer out takes
# longer than this (a slow or locked disk, an overloaded machine); people start to wonder whether anything
# is happening after about half a second.
TYPING_DELAY = 0.4
STALE_BUTTON_GROUP = -3  # presses that are not of our buttons are answered "expired" first (StaleButtonHandler)
NOT_TEXT = ~filters.TEXT & ~filters.StatusUpdate.ALL  # stickers, media, locations; not "X joined"


# -- sending -----------------------------------------------------------------------------------


async def show_typing(bot: Bot, chat_id: int) -> None:
    """Send "typing..."; a failure is not worth an error."""
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING, read_timeout=TYPING_TIMEOUT)
    except TelegramError as error:
        log.debug("typing indicator skipped (%s)", type(error).__name__)


@contextlib.asynccontextmanager
async def typing_while_slow(bot: Bot, chat: Chat, delay: float = TYPING_DELAY) -> AsyncIterator[None]:
    """Show "typing..." if the work inside takes longer than `delay` seconds, in private chats only.

    Wrap the working out of an answer, not its sending: a "typing..." that waits for
    the rate limiter behind the answer arrives after it, and under a burst it would
    double the queue. In groups every call counts against the group's 20-a-minute
    budget, and the answer matters more than the courtesy. A "typing..." already
    started is awaited at the end, so that the answer comes after it and Telegram
    does not show "typing..." under the answer.
    """
    if chat.type != ChatType.PRIVATE:
        yield
        return
    started: list[asyncio.Task[None]] = []
    timer = asyncio.get_running_loop().call_later(delay, _start_typing, bot, chat.id, started)
    try:
        yield
    finally:
        timer.cancel()
    for task in started:
        await task


_typing_calls: set[asyncio.Task[None]] = set()  # the loop keeps only weak references to tasks


def _start_typing(bot: Bot, chat_id: int, started: list[asyncio.Task[None]]) -> None:
    task = asyncio.get_running_loop().create_task(show_typing(bot, chat_id))
    _typing_calls.add(task)
    task.add_done_callback(_typing_calls.discard)
    started.append(task)


async def _answer(update: Update, context: Context, reply: Reply) -> None:
    """Send `reply` to the update's chat; in groups as a reply to the message that asked."""
    chat = update.effective_chat
    assert chat is not None
    message = update.effective_message
    quote = message.message_id if message is not None and chat.type != ChatType.PRIVATE else None
    await send_reply(context.bot, chat.id, reply, quote)


# -- commands ----------------------------------------------------------------------------------


async def on_start(update: Update, context: Context) -> None:
    """/start, or /start PAYLOAD from a deep link (t.me/bot?start=ms_dmt opens that topic)."""
    payload = context.args[0] if context.args else ""
    turn = await deep_link_turn(update, context, payload) if payload else None
    await _answer(update, context, turn.reply if turn else engine_of(context).welcome())


async def deep_link_turn(update: Update, context: Context, payload: str) -> Turn | None:
    """A topic (intent id) or an article's menu (slug); None for anything else."""
    knowledge = engine_of(context).knowledge
    action = f"tp:{payload}" if payload in knowledge.articles else f"i:{payload}"
    chat = update.effective_chat
    assert chat is not None
    return await conversation_of(context).action(user_id_of(update), chat.id, action)


async def on_help(update: Update, context: Context) -> None:
    await _answer(update, context, engine_of(context).help())


async def on_topics(update: Update, context: Context) -> None:
    await _answer(update, context, engine_of(context).topics())


async def on_about(update: Update, context: Context) -> None:
    await _answer(update, context, engine_of(context).about())


async def on_privacy(update: Update, context: Context) -> None:
    await _answer(update, context, conversation_of(context).privacy())


async def on_forget(update: Update, context: Context) -> None:
    """Delete what is held about the sender, then say so (the reply is the confirmation)."""
    chat = update.effective_chat
    assert chat is not None
    await _answer(update, context, await conversation_of(context).forget(user_id_of(update), chat.id))


async def on_unknown_command(update: Update, context: Context) -> None:
    await _answer(update, context, compose.compose_notice(texts.UNKNOWN_COMMAND))


# -- messages ----------------------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    """A question: Conversation.message, then the rendered answer."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None and message.text is not None
    text = without_mention(message.text, context.bot.username)
    if not text:  # just "@bot": say hello rather than "I can only read words"
        await _answer(update, context, engine_of(context).welcome())
        return
    async with typing_while_slow(context.bot, chat):
        turn = await conversation_of(context).message(user_id_of(update), chat.id, text)
    await _answer(update, context, turn.reply)


async def on_not_text(update: Update, context: Context) -> None:
    await _answer(update, context, compose.compose_notice(texts.TEXT_ONLY))


# -- buttons -----------------------------------------------------------------------------------


async def on_button(update: Update, context: Context) -> None:
    """A button press: answer the query once, then send what it asked for as a new message.

    Stale or forged data (an old keyboard, a hand-made callback) gets a polite notice.
    Feedback votes are acknowledged in the notice alone: no message for a thumbs-up.
    """
    query, chat = update.callback_query, update.effective_chat
    assert query is not None
    try:
        turn = None
        if chat is not None and query.data:
            pressed = query.message.message_id if isinstance(query.message, Message) else None
            turn = await conversation_of(context).action(user_id_of(update), chat.id, query.data, pressed)
    except Exception:
        await answer_callback(query)  # stop the spinner; the error handler apologises
        raise
    if turn is None or chat is None:
        await answer_callback(query, texts.EXPIRED_BUTTON)
        return
    if turn.kind == "feedback":
        await answer_callback(query, turn.reply.plain_text())
        return
    await answer_callback(query)
    await send_reply(context.bot, chat.id, turn.reply)


def offered_buttons(query: CallbackQuery) -> frozenset[str] | None:
    """The callback data of the buttons on the message pressed, as Telegram has it (the bot's own keyboard:
    a client cannot change it); None when the query carries no message (an inline message, or one Telegram
    no longer shows the bot)."""
    message = query.message
    if not isinstance(message, Message):
        return None
    markup = message.reply_markup
    rows = markup.inline_keyboard if markup is not None else ()
    return frozenset(b.callback_data for row in rows for b in row if isinstance(b.callback_data, str))


def is_stale(query: CallbackQuery) -> bool:
    """Not a press of one of our buttons: data that is none of our forms (bot.core.actions), or data that is
    not on the message it came from (a hand-made callback). A vote needs the message: the topic it counts
    for is the one the bot answered there, so without it the vote cannot be checked."""
    data = query.data
    if not isinstance(data, str) or parse_action(data) is None:
        return True
    offered = offered_buttons(query)
    return data not in offered if offered is not None else data.startswith("fb:")


class StaleButtonHandler(CallbackQueryHandler):  # type: ignore[type-arg]
    """Catches the presses `is_stale` refuses, before any other handler sees them. (A pattern cannot do it:
    PTB's CallbackQueryHandler matches a press with empty data whatever its pattern says.)"""

    def check_update(self, update: object) -> bool:
        return isinstance(update, Update) and update.callback_query is not None and is_stale(update.callback_query)


async def on_stale_button(update: Update, context: Context) -> None:
    """Empty, unknown, too long, garbled or forged button data: a short notice, never an action."""
    assert update.callback_query is not None
    await answer_callback(update.callback_query, texts.EXPIRED_BUTTON)
    raise ApplicationHandlerStop


# -- registration ------------------------------------------------------------------------------


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Add every handler and the error handler to `application`."""
    commands: dict[str, Callback] = {"start": on_start, "help": on_help, "topics": on_topics,
                                     "about": on_about, "privacy": on_privacy, "forget": on_forget}
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, named(callback), filters=NEW_MESSAGE))
    application.add_handler(StaleButtonHandler(named(on_stale_button)), group=STALE_BUTTON_GROUP)
    application.add_handler(CallbackQueryHandler(named(on_button)))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & filters.COMMAND & filters.ChatType.PRIVATE, named(on_unknown_command)))
    application.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT & ~filters.COMMAND & ADDRESSED,
                                           named(on_text)))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & NOT_TEXT & (filters.ChatType.PRIVATE | REPLIES_TO_BOT), named(on_not_text)))
    application.add_error_handler(on_error)
