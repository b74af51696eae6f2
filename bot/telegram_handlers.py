"""Telegram handlers: turn updates into Conversation calls and send the rendered replies.

Routing (all in group 0, first match wins):
* commands /start (with deep-link payloads), /help, /topics, /about, /privacy, /forget;
* button presses (callback queries), answered exactly once, then the reply as a new message;
* inline queries (`@bot ms treatment`);
* text: always in private chats; in groups only when it mentions the bot or replies
  to one of its messages (silence otherwise);
* anything else (stickers, photos, voice...): "I can only read text messages".

Edited messages are ignored: answering an edit would repeat or contradict the answer
already given. Services (Engine, Conversation) come from `bot_data`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Awaitable, Callable
from functools import partial

from telegram import (
    Bot,
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import Conflict, Forbidden, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import compose
from bot.conversation import Conversation
from bot.delivery import OrderedDurableUpdateProcessor, is_delivery_failure, with_retries
from bot.engine import Engine, Turn
from bot.knowledge import Knowledge
from bot.reply import Reply
from bot.telegram_render import render, render_html

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Awaitable[None]]

EXPIRED_BUTTON = "This button has expired — type your question or use /topics"
TEXT_ONLY = "I can only read text messages. Please type your question."
SORRY = "Sorry, something went wrong on my side. Please try again."
UNKNOWN_COMMAND = "I don't know that command. Type your question, or try /topics or /help."
CONFLICT = ("409 Conflict: another process is using this bot token (a second copy polling, or a webhook "
            "is set). Only one copy may run per token: stop the other one. Still retrying.")
BOT_COMMANDS = (
    ("start", "Welcome and how to ask a question"),
    ("help", "What I can do"),
    ("topics", "Browse the articles and their topics"),
    ("about", "Who writes the answers, and when they were reviewed"),
    ("privacy", "What I keep about you, and for how long"),
    ("forget", "Delete everything I hold about you"),
)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
TYPING_TIMEOUT = 2.0  # seconds: "typing..." is a courtesy and must never hold up the answer
INLINE_RESULTS = 5
INLINE_CACHE_SECONDS = 30
SAFETY_KINDS = ("emergency", "crisis", "medication_change")


# -- services ----------------------------------------------------------------------------------


def conversation_of(context: Context) -> Conversation:
    return context.bot_data["conversation"]


def engine_of(context: Context) -> Engine:
    return context.bot_data["engine"]


def user_id_of(update: Update) -> int:
    """The sender; a chat without a sender (an anonymous admin's post) counts as its chat."""
    if update.effective_user is not None:
        return update.effective_user.id
    assert update.effective_chat is not None
    return update.effective_chat.id


# -- who is addressed --------------------------------------------------------------------------


def replies_to_bot(message: Message, bot_id: int) -> bool:
    reply = message.reply_to_message
    return bool(reply and reply.from_user and reply.from_user.id == bot_id)


def mentions_bot(message: Message, username: str) -> bool:
    """An @username entity naming this bot, in the text or a caption."""
    wanted = f"@{username}".lower()
    kinds = [MessageEntity.MENTION]
    found = message.parse_entities(kinds) if message.text else message.parse_caption_entities(kinds)
    return any(text.lower() == wanted for text in found.values())


def without_mention(text: str, username: str) -> str:
    """The question with "@our_bot" taken out, so it does not disturb matching."""
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


class _AddressedToBot(filters.MessageFilter):
    """Private chats always; groups only when the bot is mentioned or replied to."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        return replies_to_bot(message, bot.id) or mentions_bot(message, bot.username)


class _RepliesToBot(filters.MessageFilter):
    def filter(self, message: Message) -> bool:
        return replies_to_bot(message, message.get_bot().id)


ADDRESSED = _AddressedToBot(name="addressed_to_bot")
REPLIES_TO_BOT = _RepliesToBot(name="replies_to_bot")
NEW_MESSAGE = filters.UpdateType.MESSAGE  # not edits, not channel posts
NOT_TEXT = ~filters.TEXT & ~filters.StatusUpdate.ALL  # stickers, media, locations; not "X joined"


# -- sending -----------------------------------------------------------------------------------


async def send_reply(bot: Bot, chat_id: int, reply: Reply, quote: int | None = None) -> list[Message]:
    """Send a reply as HTML, in as many parts as needed; the keyboard rides on the last part."""
    rendered = render(reply)
    count = len(rendered.parts)
    sent = []
    for number, text in enumerate(rendered.parts, 1):
        send = partial(
            bot.send_message, chat_id, text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=rendered.keyboard if number == count else None,
            reply_parameters=ReplyParameters(quote, allow_sending_without_reply=True)
            if quote and number == 1 else None,
        )
        sent.append(await with_retries(send, f"sendMessage (part {number} of {count})"))
    return sent


async def show_typing(bot: Bot, chat: Chat) -> None:
    """Show "typing..." before an answer, in private chats only.

    In groups every call counts against the group's 20-a-minute budget in the
    rate limiter, and the answer matters more than the courtesy.
    """
    if chat.type != ChatType.PRIVATE:
        return
    try:
        await bot.send_chat_action(chat.id, ChatAction.TYPING, read_timeout=TYPING_TIMEOUT)
    except TelegramError as error:
        log.debug("typing indicator skipped (%s)", type(error).__name__)


async def answer_callback(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner (optionally with a short notice). Failure is not worth an error."""
    try:
        await with_retries(partial(query.answer, text=text), "answerCallbackQuery")
    except TelegramError as error:
        log.info("could not answer a button press (%s: %s)", type(error).__name__, error)


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
    await _answer(update, context, compose.compose_notice(UNKNOWN_COMMAND))


# -- messages ----------------------------------------------------------------------------------


async def on_text(update: Update, context: Context) -> None:
    """A question: Conversation.message, then the rendered answer."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None and message.text is not None
    text = without_mention(message.text, context.bot.username)
    if not text:  # just "@bot": say hello rather than "I can only read words"
        await _answer(update, context, engine_of(context).welcome())
        return
    await show_typing(context.bot, chat)
    turn = await conversation_of(context).message(user_id_of(update), chat.id, text)
    await _answer(update, context, turn.reply)


async def on_not_text(update: Update, context: Context) -> None:
    await _answer(update, context, compose.compose_notice(TEXT_ONLY))


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
            turn = await conversation_of(context).action(user_id_of(update), chat.id, query.data)
    except Exception:
        await answer_callback(query)  # stop the spinner; the error handler apologises
        raise
    if turn is None or chat is None:
        await answer_callback(query, EXPIRED_BUTTON)
        return
    if turn.kind == "feedback":
        await answer_callback(query, turn.reply.plain_text())
        return
    await answer_callback(query)
    await send_reply(context.bot, chat.id, turn.reply)


# -- inline mode -------------------------------------------------------------------------------


async def on_inline_query(update: Update, context: Context) -> None:
    """`@bot ms treatment` in any chat: the best topics as shareable messages with their source."""
    query = update.inline_query
    assert query is not None
    results = inline_results(engine_of(context), query.query)
    await with_retries(partial(query.answer, results, cache_time=INLINE_CACHE_SECONDS, is_personal=False),
                       "answerInlineQuery")


def inline_results(engine: Engine, text: str) -> list[InlineQueryResultArticle]:
    """Up to five results: a safety answer first if one applies, then topics, then articles."""
    knowledge = engine.knowledge
    results: list[InlineQueryResultArticle] = []
    if text.strip():
        turn = engine.respond(text)
        if turn.kind in SAFETY_KINDS:
            results.append(inline_article(f"safety:{turn.kind}", turn.reply.title, turn.reply))
        for intent_id in matching_intents(knowledge, text):
            shown = engine.show_intent(intent_id)
            if shown is not None:
                results.append(inline_article(f"i:{intent_id}", knowledge.label(knowledge.intents[intent_id]),
                                              shown.reply))
    slugs = matching_articles(knowledge, text) if text.strip() else list(knowledge.articles)
    results += [inline_article(f"a:{slug}", knowledge.articles[slug].title, article_card(engine, slug))
                for slug in slugs]
    if not results:  # nothing matched: offer the articles rather than an empty list
        results = [inline_article(f"a:{slug}", article.title, article_card(engine, slug))
                   for slug, article in knowledge.articles.items()]
    return results[:INLINE_RESULTS]


def matching_intents(knowledge: Knowledge, text: str) -> list[str]:
    """Topical intents the matcher reaches for this text, best first."""
    return [c.intent_id for c in knowledge.matcher.score(text)
            if c.kind == "topical" and c.intent_id in knowledge.intents][:INLINE_RESULTS]


def matching_articles(knowledge: Knowledge, text: str) -> list[str]:
    """Articles whose title contains a word of the query (3 letters or more)."""
    words = {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 3}
    return [slug for slug, article in knowledge.articles.items()
            if words & set(re.findall(r"\w+", article.title.lower()))]


def article_card(engine: Engine, slug: str) -> Reply:
    """An article's title, summary and source: what a shared article result says."""
    article = engine.knowledge.articles[slug]
    return Reply(kind="topical", title=article.title, paragraphs=(compose.trim(article.summary),),
                 source=compose.source_of(article, engine.base_url), footer=compose.DISCLAIMER_LINE)


def inline_article(result_id: str, title: str, reply: Reply) -> InlineQueryResultArticle:
    """One inline result: the reply as an HTML message, with a link button to the full article."""
    description = next(iter(reply.paragraphs), "") or (reply.bullets[0].text if reply.bullets else "")
    markup = (InlineKeyboardMarkup([[InlineKeyboardButton("📖 Read the full article", url=reply.source.url)]])
              if reply.source else None)
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=title or "Patient information",
        description=compose.trim(description, 120),
        input_message_content=InputTextMessageContent(
            render_html(reply), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW),
        reply_markup=markup,
    )


# -- errors ------------------------------------------------------------------------------------


def named(callback: Callback) -> Callback:
    """Tag errors with the handler's name, for the error handler's log line."""
    @functools.wraps(callback)
    async def run(update: Update, context: Context) -> None:
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


async def on_error(update: object, context: Context) -> None:
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
        await with_retries(partial(bot.send_message, update.effective_chat.id, SORRY), "sendMessage (sorry)")
    except TelegramError as error:
        log.warning("could not send the apology either (%s)", type(error).__name__)


# -- registration ------------------------------------------------------------------------------


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Add every handler and the error handler to `application`."""
    commands: dict[str, Callback] = {"start": on_start, "help": on_help, "topics": on_topics,
                                     "about": on_about, "privacy": on_privacy, "forget": on_forget}
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, named(callback), filters=NEW_MESSAGE))
    application.add_handler(CallbackQueryHandler(named(on_button)))
    application.add_handler(InlineQueryHandler(named(on_inline_query)))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & filters.COMMAND & filters.ChatType.PRIVATE, named(on_unknown_command)))
    application.add_handler(MessageHandler(NEW_MESSAGE & filters.TEXT & ~filters.COMMAND & ADDRESSED,
                                           named(on_text)))
    application.add_handler(MessageHandler(
        NEW_MESSAGE & NOT_TEXT & (filters.ChatType.PRIVATE | REPLIES_TO_BOT), named(on_not_text)))
    application.add_error_handler(on_error)
