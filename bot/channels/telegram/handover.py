"""Talking to a person on Telegram: the staff team works in a forum supergroup (BOT_HANDOVER_CHAT_ID).

`TelegramTeam` is the desk's TeamChannel (bot/core/handover.py): one forum topic per ticket
(createForumTopic / closeForumTopic); the person's messages are copied into it with
copyMessage, never forwarded, so staff never see who sent them; the team's messages
are copied to the person marked "From the team:" (a caption prefix, or one message
with the label on top for text).

The handlers run in their own group before every other (HANDOVER_GROUP), so that
* /human, /end and the handover buttons are handled here, in private chats;
* while a chat has an open ticket, its messages of any kind are relayed and never
  answered (an emergency or crisis still gets the safety reply); commands other than
  /forget and /end fall through to the usual handlers;
* every message in the staff chat stops here: the bot never answers staff questions.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial

from telegram import Bot, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.channels.telegram.addressing import NEW_MESSAGE
from bot.channels.telegram.delivery import with_retries
from bot.channels.telegram.errors import named
from bot.channels.telegram.render import telegram_length
from bot.channels.telegram.send import answer_callback, send_reply
from bot.channels.telegram.services import BotData, Context, conversation_of, user_id_of
from bot.core import texts
from bot.core.compose import HANDOVER_ASK
from bot.core.handover import CannotCopy, HandoverDesk, PersonUnreachable, TeamUnreachable
from bot.core.handover_replies import (
    CANCEL,
    CONFIRM,
    END,
    HandoverPolicy,
    compose_already_open,
    compose_closed,
    compose_plain,
    compose_unavailable,
)
from bot.core.reply import Reply
from bot.settings import Settings

log = logging.getLogger(__name__)

HANDOVER_GROUP = -2  # before the admin commands (-1) and everything else (0)
CAPTION_LIMIT = 1024
TEXT_LIMIT = 4096
PRIVATE = filters.ChatType.PRIVATE
_NOT_COPYABLE = ("can't be copied", "message to copy not found")


# -- the channel -------------------------------------------------------------------------------


class TelegramTeam:
    """The desk's TeamChannel over the Bot API (every call through with_retries)."""

    def __init__(self, bot: Bot, staff_chat_id: int) -> None:
        self.bot = bot
        self.staff_chat_id = staff_chat_id

    async def open_topic(self, name: str) -> int:
        try:
            topic = await with_retries(partial(self.bot.create_forum_topic, self.staff_chat_id, name),
                                       "createForumTopic")
        except (BadRequest, Forbidden) as err:
            raise TeamUnreachable(err.message) from err
        return topic.message_thread_id

    async def post(self, thread_id: int, text: str) -> None:
        try:
            await with_retries(partial(self.bot.send_message, self.staff_chat_id, text,
                                       message_thread_id=thread_id), "sendMessage (staff topic)")
        except (BadRequest, Forbidden) as err:
            raise TeamUnreachable(err.message) from err

    async def copy_in(self, thread_id: int, message: object) -> None:
        assert isinstance(message, Message)
        try:
            await with_retries(partial(self.bot.copy_message, self.staff_chat_id, message.chat_id,
                                       message.message_id, message_thread_id=thread_id), "copyMessage (to staff)")
        except BadRequest as err:
            if any(reason in err.message.lower() for reason in _NOT_COPYABLE):
                raise CannotCopy(err.message) from err
            raise TeamUnreachable(err.message) from err
        except Forbidden as err:
            raise TeamUnreachable(err.message) from err

    async def close_topic(self, thread_id: int) -> None:
        try:
            await with_retries(partial(self.bot.close_forum_topic, self.staff_chat_id, thread_id),
                               "closeForumTopic")
        except (BadRequest, Forbidden) as err:
            if "TOPIC_NOT_MODIFIED" not in err.message.upper():  # closed already (by staff, by hand): that is fine
                raise TeamUnreachable(err.message) from err

    async def tell(self, chat_id: int, reply: Reply) -> None:
        try:
            await send_reply(self.bot, chat_id, reply)
        except Forbidden as err:
            raise PersonUnreachable(err.message) from err

    async def copy_out(self, chat_id: int, message: object, label: str) -> None:
        assert isinstance(message, Message)
        try:
            await self._copy_out(chat_id, message, label)
        except Forbidden as err:
            raise PersonUnreachable(err.message) from err
        except BadRequest as err:
            if "chat not found" in err.message.lower():
                raise PersonUnreachable(err.message) from err
            if any(reason in err.message.lower() for reason in _NOT_COPYABLE):
                raise CannotCopy(err.message) from err
            raise

    async def _copy_out(self, chat_id: int, message: Message, label: str) -> None:
        """One message where the label fits (text, captions); else the label, then the copy."""
        head = f"{label}\n"
        shift = telegram_length(head)
        if message.text and telegram_length(message.text) + shift <= TEXT_LIMIT:
            entities = [MessageEntity(MessageEntity.BOLD, 0, telegram_length(label)),
                        *_shifted(message.entities, shift)]
            await with_retries(partial(self.bot.send_message, chat_id, head + message.text, entities=entities),
                               "sendMessage (from the team)")
            return
        caption = message.caption or ""
        if _takes_caption(message) and telegram_length(caption) + shift <= CAPTION_LIMIT:
            entities = [MessageEntity(MessageEntity.BOLD, 0, telegram_length(label)),
                        *_shifted(message.caption_entities, shift)]
            await with_retries(partial(self.bot.copy_message, chat_id, message.chat_id, message.message_id,
                                       caption=(head + caption).rstrip(), caption_entities=entities),
                               "copyMessage (from the team)")
            return
        await with_retries(partial(self.bot.send_message, chat_id, label), "sendMessage (team label)")
        await with_retries(partial(self.bot.copy_message, chat_id, message.chat_id, message.message_id),
                           "copyMessage (from the team)")


def _takes_caption(message: Message) -> bool:
    return bool(message.photo or message.video or message.document or message.audio or message.animation
                or message.voice)


def _shifted(entities: tuple[MessageEntity, ...], shift: int) -> list[MessageEntity]:
    """The same formatting, moved right by `shift` UTF-16 units (the label put in front)."""
    return [MessageEntity(e.type, e.offset + shift, e.length, url=e.url, user=e.user, language=e.language,
                          custom_emoji_id=e.custom_emoji_id) for e in entities]


# -- services ----------------------------------------------------------------------------------


def desk_of(context: Context) -> HandoverDesk | None:
    """The desk, when handover is on (BOT_HANDOVER_CHAT_ID set) and the bot has started."""
    return context.bot_data.handover


def policy_of(context: Context) -> HandoverPolicy:
    return HandoverPolicy.from_settings(context.bot_data.settings)


async def start(application: Application) -> None:  # type: ignore[type-arg]
    """Called by on_start before updates are replayed: the desk, with the tickets still open."""
    data: BotData = application.bot_data
    policy = HandoverPolicy.from_settings(data.settings)
    if policy.staff_chat_id is None or data.store is None:
        return
    desk = HandoverDesk(policy, data.store, TelegramTeam(application.bot, policy.staff_chat_id))
    opened = await desk.load()
    data.handover = desk
    log.info("handover to the staff chat is on; %d ticket(s) open", opened)


async def close_expired(application: Application) -> None:  # type: ignore[type-arg]
    """Retention: tickets open longer than BOT_RETENTION_DAYS are closed, with their topics."""
    data: BotData = application.bot_data
    if data.handover is not None:
        closed = await data.handover.close_expired(data.settings.retention_days)
        if closed:
            log.info("retention: closed %d handover ticket(s)", closed)


# -- the person's side -------------------------------------------------------------------------


async def _send(update: Update, context: Context, reply: Reply) -> None:
    assert update.effective_chat is not None
    await send_reply(context.bot, update.effective_chat.id, reply)


async def _request(update: Update, context: Context) -> Reply:
    """Asking for a person: a reminder when already connected, else the consent question (or where to turn)."""
    chat = update.effective_chat
    assert chat is not None
    desk, conversation = desk_of(context), conversation_of(context)
    reminder = desk.request(conversation.chat_key(chat.id)) if desk else None
    if reminder is not None:
        return reminder
    turn = await conversation.action(user_id_of(update), chat.id, HANDOVER_ASK)
    return turn.reply if turn else compose_unavailable(policy_of(context))


async def on_human(update: Update, context: Context) -> None:
    """/human."""
    await _send(update, context, await _request(update, context))
    raise ApplicationHandlerStop


async def on_end(update: Update, context: Context) -> None:
    """/end: finish the chat with the team."""
    await _send(update, context, await _end(update, context))
    raise ApplicationHandlerStop


async def _end(update: Update, context: Context) -> Reply:
    chat, desk = update.effective_chat, desk_of(context)
    assert chat is not None
    if desk is None:
        return compose_closed(texts.HANDOVER_NOT_OPEN)
    return await desk.end(conversation_of(context).chat_key(chat.id))


async def on_button(update: Update, context: Context) -> None:
    """Talk to a person, Yes / No, End chat."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None
    if chat is None or chat.type != ChatType.PRIVATE:  # a group's fallback also shows the button
        await answer_callback(query, texts.HANDOVER_PRIVATE_ONLY)
        raise ApplicationHandlerStop
    try:
        reply = await _button_reply(update, context, query.data or "")
    except Exception:
        await answer_callback(query)  # stop the spinner; the error handler apologises
        raise
    await answer_callback(query)
    await _send(update, context, reply)
    raise ApplicationHandlerStop


async def _button_reply(update: Update, context: Context, action: str) -> Reply:
    chat, desk, conversation = update.effective_chat, desk_of(context), conversation_of(context)
    assert chat is not None
    key = conversation.chat_key(chat.id)
    if action == CONFIRM:
        if desk is None:
            return compose_unavailable(policy_of(context))
        return await desk.confirm(chat.id, key, await conversation.topic_label(chat.id))
    if action == CANCEL:
        ticket = desk.ticket_of(key) if desk else None
        return compose_already_open(ticket.number) if ticket else compose_plain(texts.HANDOVER_CANCELLED)
    if action == END:
        return await _end(update, context)
    return await _request(update, context)


async def on_private_message(update: Update, context: Context) -> None:
    """While a chat has an open ticket: relay its messages (safety first); otherwise let others answer."""
    desk, message, chat = desk_of(context), update.effective_message, update.effective_chat
    if desk is None or message is None or chat is None:
        return
    conversation = conversation_of(context)
    ticket = desk.ticket_of(conversation.chat_key(chat.id))
    if ticket is None:
        return
    if filters.COMMAND.check_update(update):
        if _command(message) == "forget":
            await _forget(update, context, desk)
            raise ApplicationHandlerStop
        return  # /help, /topics...: the bot still answers commands
    words = message.text or message.caption or ""
    safety = await conversation.urgent_check(user_id_of(update), chat.id, words) if words else None
    await desk.from_person(ticket, message, safety)
    raise ApplicationHandlerStop


async def _forget(update: Update, context: Context, desk: HandoverDesk) -> None:
    """/forget during a chat with the team: close it, delete everything, say both."""
    chat = update.effective_chat
    assert chat is not None
    conversation = conversation_of(context)
    ticket = await desk.forget(conversation.chat_key(chat.id))
    reply = await conversation.forget(user_id_of(update), chat.id)
    if ticket is not None:
        reply = replace(reply, paragraphs=(texts.HANDOVER_FORGOTTEN.format(ticket=ticket.number), *reply.paragraphs))
    await _send(update, context, reply)


def _command(message: Message) -> str:
    """"/close@our_bot now" -> "close"."""
    words = (message.text or "").split(maxsplit=1)
    return words[0].lstrip("/").split("@", 1)[0].lower() if words else ""


# -- the team's side ---------------------------------------------------------------------------


async def on_staff_message(update: Update, context: Context) -> None:
    """A message in the staff chat: in a ticket's topic it goes to the person (or /close ends it)."""
    desk, message = desk_of(context), update.effective_message
    in_a_topic = message is not None and message.is_topic_message and message.message_thread_id
    if desk is not None and message is not None and in_a_topic and not filters.StatusUpdate.ALL.check_update(update):
        close = filters.COMMAND.check_update(update) and _command(message) == "close"
        await desk.from_team(message.message_thread_id, message, close=close)
    raise ApplicationHandlerStop  # nothing in the staff chat is a question for the bot


# -- registration ------------------------------------------------------------------------------


def register(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Add the handover handlers (the staff chat's only when BOT_HANDOVER_CHAT_ID is set)."""
    private = NEW_MESSAGE & PRIVATE
    application.add_handler(CommandHandler("human", named(on_human), filters=private), group=HANDOVER_GROUP)
    application.add_handler(CommandHandler("end", named(on_end), filters=private), group=HANDOVER_GROUP)
    application.add_handler(CallbackQueryHandler(named(on_button), pattern=r"^ho(:y|:n|:end)?$"), group=HANDOVER_GROUP)
    application.add_handler(MessageHandler(private & ~filters.StatusUpdate.ALL, named(on_private_message)),
                            group=HANDOVER_GROUP)
    if settings.handover_chat_id is not None:
        application.add_handler(MessageHandler(filters.Chat(settings.handover_chat_id) & NEW_MESSAGE,
                                               named(on_staff_message)), group=HANDOVER_GROUP)
