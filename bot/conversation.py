"""One conversation step for any channel: load context, ask the engine, record, save.

Telegram and the terminal both call this; it holds no channel types. Storage
failures (a full disk, a locked file) are logged and never cost the user
their answer.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Awaitable
from typing import TypeVar

from bot.engine import Context, Engine, Turn
from bot.reply import Reply
from bot.storage import Store, StoredContext

log = logging.getLogger(__name__)
T = TypeVar("T")


def _stored(context: Context) -> StoredContext:
    return StoredContext(context.last_intent, context.last_article, context.topic, context.passage)


class Conversation:
    """The engine plus the store, per user and chat."""

    def __init__(self, engine: Engine, store: Store | None) -> None:
        self.engine = engine
        self.store = store

    async def _safely(self, what: str, call: Awaitable[T], default: T) -> T:
        try:
            return await call
        except (sqlite3.Error, OSError):
            log.error("storage write failed (%s); the user still gets the answer", what, exc_info=True)
            return default

    async def _context(self, chat_key: str) -> Context:
        if self.store is None:
            return Context()
        stored = await self._safely("read context", self.store.get_context(chat_key), None)
        return Context(stored.last_intent, stored.last_article, stored.topic, stored.passage) if stored else Context()

    def _keys(self, user_id: int | str, chat_id: int | str) -> tuple[str, str]:
        assert self.store is not None
        return self.store.key("user", user_id), self.store.key("chat", chat_id)

    async def message(self, user_id: int | str, chat_id: int | str, text: str) -> Turn:
        """Answer a free-text message and record what admins need."""
        if self.store is None:
            return self.engine.respond(text)
        user_key, chat_key = self._keys(user_id, chat_id)
        context = await self._context(chat_key)
        turn = self.engine.respond(text, context)
        best = turn.match.candidates[0] if turn.match and turn.match.candidates else None
        changed = turn.context if turn.context != context else None
        await self._safely("record turn", self.store.record_turn(
            chat_key=chat_key, user_key=user_key, kind=turn.kind, intent=turn.intent_id,
            context=_stored(changed) if changed else None,
            text=text, best_intent=best.intent_id if best else None, score=turn.score,
        ), None)
        return turn

    async def action(self, user_id: int | str, chat_id: int | str, action: str) -> Turn | None:
        """A button press; None when the button is stale or forged."""
        if action.startswith("fb:"):
            return await self._feedback(user_id, action)
        if self.store is None:
            return self.engine.act(action)
        user_key, chat_key = self._keys(user_id, chat_id)
        context = await self._context(chat_key)
        turn = self.engine.act(action, context)
        if turn is not None and turn.context != context:
            await self._safely("save context", self.store.set_context(chat_key, _stored(turn.context)), None)
        if turn is not None and turn.kind == "topical":
            await self._safely("record turn", self.store.record_turn(
                chat_key=chat_key, user_key=user_key, kind="topical", intent=turn.intent_id, context=None,
                text="", best_intent=None, score=turn.score), None)
        return turn

    async def _feedback(self, user_id: int | str, action: str) -> Turn | None:
        _, intent_id, value = [*action.split(":"), "", ""][:3]
        if intent_id not in self.engine.knowledge.intents or value not in ("0", "1"):
            return None
        if self.store is not None:
            await self._safely("record feedback", self.store.record_feedback(
                self.store.key("user", user_id), intent_id, value == "1"), None)
        text = "Thanks, glad it helped." if value == "1" else (
            "Thanks for telling us. We use this to improve the answers. You can also try asking another way.")
        return Turn(Reply(kind="feedback", paragraphs=(text,)), "feedback", intent_id)

    async def forget(self, user_id: int | str, chat_id: int | str) -> Reply:
        """Delete everything held about this user, and say so."""
        if self.store is not None:
            user_key, chat_key = self._keys(user_id, chat_id)
            removed = await self._safely("forget", self.store.forget(user_key, chat_key), -1)
            if removed < 0:
                return Reply(kind="forget", paragraphs=(
                    "Sorry, I couldn't delete your data just now because of a storage problem. "
                    "Please try /forget again in a few minutes.",))
        return Reply(kind="forget", paragraphs=(
            "Done. I've deleted everything I held about you: your last topic, any questions of yours I "
            "couldn't answer, and your feedback votes. Usage counts without names or text remain.",))

    def privacy(self) -> Reply:
        days = self.store.retention_days if self.store else 90
        return Reply(kind="privacy", title="What I keep, and for how long", paragraphs=(
            "I never store your name, username or phone number. Your Telegram id is turned into a coded "
            "key that can't be turned back into your id.",
            "To follow up on a topic, I remember the last topic we talked about.",
            f"If I can't answer a question, I keep its text for {days} days so our editors can add the "
            "answer. Questions I answer are not stored.",
            "Counts of which topics were asked each day are kept without any names or text.",
            "Send /forget at any time to delete everything I hold about you.",
        ))
