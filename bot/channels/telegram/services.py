"""What every Telegram handler needs: the services kept in `bot_data`, and who sent the update.

The long-lived services (Engine, Conversation) are built once by bot.channels.telegram.app
and kept in `bot_data`; handlers reach them only through these accessors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from bot.core.conversation import Conversation
from bot.core.engine import Engine

Context = ContextTypes.DEFAULT_TYPE
Callback = Callable[[Update, Context], Awaitable[None]]


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
