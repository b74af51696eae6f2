"""What every Telegram handler needs: the services kept in `bot_data`, and who sent the update.

The long-lived services are built by bot.app (the composition root) when bot.channels.telegram.app
builds the Application and starts it. They are kept in a typed `BotData` (PTB's ContextTypes), so a
handler says `context.bot_data.engine`, never a string key: the keys live only in this class (PTB needs
bot_data to be a dict).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from telegram import Update
from telegram.ext import CallbackContext, ContextTypes, ExtBot

if TYPE_CHECKING:  # names for the annotations only: a handler module importing this one loads no engine
    import asyncio

    from bot.channels.telegram.delivery import Inbox
    from bot.content.knowledge import Library
    from bot.content.problems import Problem
    from bot.core.conversation import Conversation
    from bot.core.engine import Engine
    from bot.core.handover import HandoverDesk
    from bot.settings import Settings
    from bot.storage.protocol import Store


class ReloadNotices(Protocol):
    """What the app's start and stop need of the admin channel's reload notices (telegram/admin.py), named
    here so that this module imports no handler module."""

    loop: asyncio.AbstractEventLoop | None

    def remember_failure(self, problems: list[Problem]) -> None: ...

    async def tell_admins(self, text: str, skip: int | None = None) -> None: ...


class BotData(dict[str, Any]):
    """The application's services, typed; a missing one raises KeyError naming it."""

    @property
    def settings(self) -> Settings:
        return self["settings"]

    @property
    def library(self) -> Library:
        return self["library"]

    @property
    def engine(self) -> Engine:
        return self["engine"]

    @property
    def inbox(self) -> Inbox:
        return self["inbox"]

    @property
    def store(self) -> Store | None:
        """Open between the application's start and stop, None otherwise."""
        return self.get("store")

    @store.setter
    def store(self, store: Store) -> None:
        self["store"] = store

    @property
    def conversation(self) -> Conversation:
        return self["conversation"]

    @conversation.setter
    def conversation(self, conversation: Conversation) -> None:
        self["conversation"] = conversation

    @property
    def handover(self) -> HandoverDesk | None:
        """The desk that hands chats to the staff team; None when BOT_HANDOVER_CHAT_ID is unset."""
        return self.get("handover")

    @handover.setter
    def handover(self, desk: HandoverDesk) -> None:
        self["handover"] = desk

    def take_store(self) -> Store | None:
        """The store, removed: at stop, so nothing uses it once it is closed."""
        return self.pop("store", None)

    @property
    def reload_notices(self) -> ReloadNotices | None:
        """Tells admins how a reload went; set when the admin commands are registered."""
        return self.get("reload_notices")

    @reload_notices.setter
    def reload_notices(self, notices: ReloadNotices) -> None:
        self["reload_notices"] = notices


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
Callback = Callable[[Update, Context], Awaitable[None]]


def conversation_of(context: Context) -> Conversation:
    return context.bot_data.conversation


def engine_of(context: Context) -> Engine:
    return context.bot_data.engine


def user_id_of(update: Update) -> int:
    """The sender; a chat without a sender (an anonymous admin's post) counts as its chat."""
    if update.effective_user is not None:
        return update.effective_user.id
    assert update.effective_chat is not None
    return update.effective_chat.id
