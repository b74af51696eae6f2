"""One conversation step for any channel: load context, ask the engine, record, save.

Telegram and the terminal both call this; it holds no channel types. Storage
failures (a full disk, a locked file) are logged and never cost the user
their answer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable
from typing import TypeVar

from bot.core import texts
from bot.core.actions import parse_action
from bot.core.engine import SAFETY_KINDS, URGENT_KINDS, Context, Engine, Turn
from bot.core.kinds import CONTEXT_REPEAT, FOLLOW_UP
from bot.core.reply import Reply, Source
from bot.core.safety_state import SafetyState
from bot.storage.protocol import STORE_FAILURES, Store, StoredContext

log = logging.getLogger(__name__)
T = TypeVar("T")
# A chat's last topic lapses after this long without a word about it: "and for kids?" two days later is no
# follow-up of what was asked then. Its emergency or crisis state keeps its own 30 minutes.
TOPIC_IDLE_SECONDS = 2 * 60 * 60


def recorded_kind(turn: Turn, context: Context) -> str:
    """The kind a turn is counted as: admins see repeats apart from answers. "tell me more" and a facet of
    the last topic ("side effects?") are follow-ups even on the same topic: the reply moves on (Turn.follow_up)."""
    if turn.kind == "topical" and turn.follow_up in ("more", "facet"):
        return FOLLOW_UP
    if turn.kind == "topical" and turn.used_context:
        return CONTEXT_REPEAT if turn.intent_id == context.last_intent else FOLLOW_UP
    return turn.kind


def _from_stored(stored: StoredContext, now: float) -> Context:
    safety = None
    if stored.safety_kind and stored.safety_at is not None:
        safety = SafetyState(stored.safety_kind, stored.safety_criterion, stored.safety_at, stored.safety_also,
                             stored.safety_settled)
    if _idle(stored, now) > TOPIC_IDLE_SECONDS:
        return Context(safety=safety)
    choices = tuple(stored.choices.split(",")) if stored.choices else ()
    return Context(stored.last_intent, stored.last_article, stored.topic, safety, stored.passage, stored.medicine,
                   choices)


def _idle(stored: StoredContext, now: float) -> float:
    """Seconds since the context was last saved (0 when the store does not say)."""
    return now - stored.updated_at if stored.updated_at is not None else 0.0


def _to_stored(context: Context) -> StoredContext:
    safety = context.safety
    return StoredContext(context.last_intent, context.last_article, context.topic,
                         safety.kind if safety else None, safety.criterion if safety else None,
                         safety.since if safety else None, context.passage, safety.also if safety else None,
                         context.medicine, ",".join(context.choices) or None, bool(safety and safety.settled))


class Conversation:
    """The engine plus the store, per user and chat."""

    def __init__(self, engine: Engine, store: Store | None) -> None:
        self.engine = engine
        self.store = store
        self._served: dict[str, tuple[str, str, str]] = {}  # slug -> the version last noted as served

    async def _safely(self, what: str, call: Awaitable[T], default: T) -> T:
        try:
            return await call
        except STORE_FAILURES:
            log.error("storage write failed (%s); the user still gets the answer", what, exc_info=True)
            return default

    async def _context(self, chat_key: str) -> Context:
        if self.store is None:
            return Context()
        stored = await self._safely("read context", self.store.get_context(chat_key), None)
        return _from_stored(stored, self.engine.clock()) if stored else Context()

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
        # Saved (and so dated anew) only when it changes: asking on about a topic moves it (another intent, the
        # next passage), so a topic still talked about does not lapse; the same first-aid answer twice does not.
        changed = turn.context if turn.context != context else None
        await self._safely("record turn", self.store.record_turn(
            chat_key=chat_key, user_key=user_key, kind=recorded_kind(turn, context), intent=turn.intent_id,
            context=_to_stored(changed) if changed else None,
            text=text, best_intent=best.intent_id if best else None, score=turn.score,
        ), None)
        if turn.kind in SAFETY_KINDS:  # a safety reply (not a line on top of an answer)
            await self._note_safety(chat_key, turn)
        await self._note_served(turn.reply.source)
        return turn

    async def urgent_check(self, user_id: int | str, chat_id: int | str, text: str) -> Turn | None:
        """Only the safety step, for emergencies and crises (during a chat with the team): the turn, recorded.

        A question about changing a medicine is left to the team, who can answer it better than a fixed text.
        """
        turn = self.engine.safety_turn(text)
        if turn is None or turn.kind not in URGENT_KINDS:
            return None
        if self.store is None:
            return turn
        user_key, chat_key = self._keys(user_id, chat_id)
        await self._safely("record turn", self.store.record_turn(
            chat_key=chat_key, user_key=user_key, kind=turn.kind, intent=turn.intent_id, context=None,
            text=text, best_intent=None, score=turn.score), None)
        await self._note_safety(chat_key, turn)
        return turn

    async def _note_safety(self, chat_key: str, turn: Turn) -> None:
        """Remember for an hour that a safety reply was shown here: a handover's staff header says so."""
        assert self.store is not None
        await self._safely("note safety reply", self.store.mark_safety_shown(chat_key, turn.kind, time.time()), None)

    def chat_key(self, chat_id: int | str) -> str:
        """The keyed hash a chat is stored under ("" without a store)."""
        return self.store.key("chat", chat_id) if self.store is not None else ""

    async def topic_label(self, chat_id: int | str) -> str | None:
        """What the chat was last about, in words (for a handover's consent and staff topic)."""
        return self.engine.topic_label(await self._context(self.chat_key(chat_id))) if self.store else None

    async def _note_served(self, source: Source | None) -> None:
        """Record which version of an article is served (once per version and process, not per answer)."""
        if self.store is None or source is None or not source.slug:
            return
        version = (source.digest, source.reviewed.isoformat(), source.review_state)
        if self._served.get(source.slug) == version:
            return
        noted = await self._safely("note content version", self.store.note_served(
            source.slug, version[0], version[1], source.review_state == "reviewed"), None)
        if noted is not None:  # a failed write is tried again with the next answer
            self._served[source.slug] = version

    async def action(self, user_id: int | str, chat_id: int | str, action: str,
                     message_id: int | None = None) -> Turn | None:
        """A button press (on the message `message_id`, when the channel knows it); None when the button is
        stale or forged. The channel checks that the button was on that message: a vote then counts for the
        topic answered there, once per person and message."""
        if action.startswith("fb:"):
            return await self._feedback(user_id, chat_id, action, message_id)
        if self.store is None:
            return self.engine.act(action)
        user_key, chat_key = self._keys(user_id, chat_id)
        context = await self._context(chat_key)
        turn = self.engine.act(action, context)
        if turn is not None and turn.context != context:
            await self._safely("save context", self.store.set_context(chat_key, _to_stored(turn.context)), None)
        if turn is not None and turn.kind == "topical":
            await self._safely("record turn", self.store.record_turn(
                chat_key=chat_key, user_key=user_key, kind="topical", intent=turn.intent_id, context=None,
                text="", best_intent=None, score=turn.score), None)
        if turn is not None:
            await self._note_served(turn.reply.source)
        return turn

    async def _feedback(self, user_id: int | str, chat_id: int | str, action: str,
                        message_id: int | None) -> Turn | None:
        """A vote on a topical answer; None for anything else (only topical answers carry vote buttons, so
        `fb:emergency:1` is forged)."""
        parsed = parse_action(action)
        intent = self.engine.knowledge.intents.get(parsed.target) if parsed and parsed.name == "fb" else None
        if parsed is None or intent is None or intent.kind != "topical":
            return None
        helpful = parsed.number == 1
        if self.store is not None:
            message_key = self.store.key("message", f"{chat_id}:{message_id}") if message_id is not None else None
            await self._safely("record feedback", self.store.record_feedback(
                self.store.key("user", user_id), intent.id, helpful, message_key), None)
        return Turn(Reply(kind="feedback", paragraphs=(texts.FEEDBACK_THANKS if helpful else texts.FEEDBACK_NOTED,)),
                    "feedback", intent.id)

    async def forget(self, user_id: int | str, chat_id: int | str) -> Reply:
        """Delete everything held about this user, and say so."""
        if self.store is not None:
            user_key, chat_key = self._keys(user_id, chat_id)
            removed = await self._safely("forget", self.store.forget(user_key, chat_key), -1)
            if removed < 0:
                return Reply(kind="forget", paragraphs=(texts.FORGET_FAILED,))
        return Reply(kind="forget", paragraphs=(texts.FORGET_DONE,))

    def privacy(self) -> Reply:
        days = self.store.retention_days if self.store else 90
        return Reply(kind="privacy", title=texts.PRIVACY_TITLE, paragraphs=texts.privacy_paragraphs(days))
