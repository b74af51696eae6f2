"""Who a message is for: in groups the bot answers only when mentioned or replied to.

Private chats are always addressed to the bot. In a group, a message is for the
bot when it names @our_bot (in the text or a caption) or replies to one of the
bot's messages; everything else in the group is none of its business.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext import filters


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
NEW_MESSAGE = filters.UpdateType.MESSAGE  # a new message: not an edit, not a channel post
