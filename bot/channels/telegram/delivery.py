"""At-least-once delivery: no message is lost to a crash, none is answered twice by a replay.

The problem: PTB tells Telegram an update has arrived (the `offset` of the next
getUpdates call) as soon as it has put the update in its in-memory queue, before
any handler has run. A `kill -9`, a crash or a power cut between the two loses
every update in flight: Telegram will not send it again.

The fix, in three PTB hooks:

1. `DurableGetUpdatesRequest` (ApplicationBuilder.get_updates_request) commits
   each getUpdates result to the store's encrypted inbox *inside the request*,
   before PTB sees it and so before PTB can confirm it. In webhook mode
   `DurableUpdateQueue` (ApplicationBuilder.update_queue) does the same before
   the webhook's HTTP 200 is sent.
2. `OrderedDurableUpdateProcessor` (ApplicationBuilder.concurrent_updates) runs
   each update once: it skips ids the store says were handled, and after the
   handlers return it marks the update handled and deletes its inbox copy in one
   transaction. Different chats run concurrently; one chat's updates in order.
3. At start, `post_init` puts every inbox entry still there back in the update
   queue (see telegram_app.replay_unanswered).

What remains is the unavoidable window of any at-least-once system: if the process
dies after Telegram accepted a reply but before the "handled" commit (a few
milliseconds), that one reply is sent again after the restart. Nothing is lost.

`with_retries` is the outgoing half: a reply survives a 429, a 5xx, a dropped
connection or a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import sqlite3
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseUpdateProcessor
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram.addressing import ADDRESSED
from bot.channels.telegram.fairness import (
    CHAT_QUEUE_CAP,
    URGENT_BURST,
    URGENT_PER_MINUTE,
    Lane,
    Lanes,
    UserThrottle,
)
from bot.channels.telegram.request import AiohttpRequest
from bot.core import texts
from bot.storage.protocol import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

PTB_SLOTS = 4096  # PTB's semaphore, taken before our lanes: only a ceiling on coroutines in memory
SEND_ATTEMPTS = 4  # the first try plus three retries: about 4 s of backoff in all
FIRST_BACKOFF_SECONDS = 0.5
# The healthcheck allows 90 s; under load getUpdates returns many times a second, and touching the file
# (a mkdir and a utime) on each return is work nobody reads.
BEAT_EVERY_SECONDS = 1.0


class Inbox:
    """The durable copy of incoming updates, and the liveness heartbeat.

    Shared by the getUpdates request, the webhook queue and the update processor.
    The store is attached in post_init, because it is opened inside the running
    event loop; until then (and in tests without a store) every call is a no-op.
    """

    def __init__(self, heartbeat_path: Path | None = None) -> None:
        self.store: Store | None = None
        self.heartbeat_path = heartbeat_path
        self._last_beat = float("-inf")  # monotonic time of the last touch: the first beat is at once

    async def record(self, updates: list[dict[str, Any]]) -> None:
        """Commit updates to disk. A storage failure costs the crash guarantee, never the answer."""
        if self.store is None or not updates:
            return
        try:
            await self.store.inbox_add(updates)
        except (sqlite3.Error, OSError):
            log.error("could not keep %d incoming update(s) on disk; answering anyway, but a crash now "
                      "would lose them", len(updates), exc_info=True)

    async def is_handled(self, update_id: int) -> bool:
        if self.store is None:
            return False
        try:
            return await self.store.is_handled(update_id)
        except (sqlite3.Error, OSError):
            log.error("could not check whether update %d was answered; answering it", update_id,
                      exc_info=True)
            return False

    async def attempt(self, update_id: int) -> None:
        """A replayed update is about to run: count it first (see OrderedDurableUpdateProcessor)."""
        if self.store is None:
            return
        try:
            await self.store.inbox_attempt(update_id)
        except (sqlite3.Error, OSError):
            log.error("could not count a run of update %d; running it anyway", update_id, exc_info=True)

    async def done(self, update_id: int) -> None:
        """The update was answered: remember its id and delete its stored copy."""
        if self.store is None:
            return
        try:
            await self.store.inbox_done(update_id)
        except (sqlite3.Error, OSError):
            log.error("could not mark update %d as answered; a restart may answer it again", update_id,
                      exc_info=True)

    def beat(self) -> None:
        """Touch the heartbeat file (at most once a second): `python -m bot.channels.telegram.health` checks that it is fresh."""
        now = time.monotonic()
        if self.heartbeat_path is None or now - self._last_beat < BEAT_EVERY_SECONDS:
            return
        self._last_beat = now
        try:
            self.heartbeat_path.parent.mkdir(parents=True, exist_ok=True)
            self.heartbeat_path.touch()
        except OSError:
            log.warning("cannot touch the heartbeat file %s", self.heartbeat_path)


class DurableGetUpdatesRequest(AiohttpRequest):
    """The getUpdates connection: commits every batch of updates to the inbox before PTB sees it.

    Why here rather than in a custom Updater: the Updater puts the updates it gets
    in its queue and then computes the next `offset` (the confirmation to Telegram)
    from the same return value; nothing runs between the two that we could hook.
    The request is the last point strictly before confirmation, and it is a
    supported extension point (ApplicationBuilder.get_updates_request).

    We override `do_request` (the abstract method subclasses implement) rather than
    `post`, which PTB 22 marks `@final`; `post` only parses what `do_request` returns,
    so the ordering guarantee is the same.
    """

    def __init__(self, inbox: Inbox, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inbox = inbox

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Make the HTTP call; on a successful getUpdates, record the updates, then beat."""
        code, payload = await super().do_request(url, method, *args, **kwargs)
        if HTTPStatus.OK <= code < HTTPStatus.MULTIPLE_CHOICES and url.endswith("/getUpdates"):
            await self.inbox.record(updates_in(payload))
            self.inbox.beat()
        return code, payload


def updates_in(payload: bytes) -> list[dict[str, Any]]:
    """The update dicts of a getUpdates answer (empty if it is not one)."""
    try:
        result = AiohttpRequest.parse_json_payload(payload).get("result")
    except TelegramError:
        return []
    return [u for u in result if isinstance(u, dict) and "update_id" in u] if isinstance(result, list) else []


class DurableUpdateQueue(asyncio.Queue):  # type: ignore[type-arg]
    """Webhook mode: the update queue that records each update before accepting it.

    PTB's webhook handler awaits `update_queue.put(update)` and only then answers
    Telegram with HTTP 200, so recording here means Telegram keeps re-sending an
    update until it is on disk (a failed put answers 500). The cost is one fsync'd
    transaction per update before the 200, a few milliseconds.
    """

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self.inbox = inbox

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            await self.inbox.record([item.to_dict()])
            self.inbox.beat()
        await super().put(item)


@dataclass(slots=True)
class _ChatTurns:
    lock: asyncio.Lock
    users: int = 0  # updates of this chat waiting or running
    warned: bool = False  # told that its queue is full, in this episode


class OrderedDurableUpdateProcessor(BaseUpdateProcessor):
    """Runs different chats concurrently, one chat's updates in order, each update once, and fairly.

    Around each update: skip it if the store has it as handled (a replay of an
    update answered before a crash, or Telegram re-sending it); otherwise run the
    handlers, then mark it handled, which also deletes its inbox copy. An in-memory
    set of ids in flight keeps a replayed update and its re-delivery by getUpdates
    from running side by side. If the reply could not be delivered (the error
    handler calls `mark_undelivered`), the inbox copy stays and the update is
    handed back by `take_undelivered` for another try.

    Fairness (fairness.py): a message waits for its chat's earlier updates first and
    only then takes a slot of its lane (private or group), so a flooded group holds at
    most one slot; a chat with `CHAT_QUEUE_CAP` updates waiting, or a user over their
    throttle, has further messages dropped (marked handled) with one notice. Button
    presses and inline queries take the fast lane: no chat lock, their own slots, so
    they are answered while messages queue. An emergency or crisis message that would
    wait or be dropped takes the urgent lane: no chat lock, no throttle, its own slots
    (at most `URGENT_BURST` per sender, then one a minute).

    Replays after a crash (`mark_replay`) run one at a time, each counted in the store
    before it starts, so the update that crashes the process is the one blamed: after
    `MAX_ATTEMPTS` it is set aside at the next start (poison.py).
    """

    def __init__(self, inbox: Inbox, lanes: Lanes | None = None, throttle: UserThrottle | None = None,
                 chat_queue_cap: int = CHAT_QUEUE_CAP, trusted_chats: frozenset[int] = frozenset(),
                 is_urgent: Callable[[str], bool] | None = None) -> None:
        # PTB's own semaphore is taken before we see the update, also by updates that must wait their chat's
        # turn: make it wide and limit concurrency ourselves, per lane, once an update can run.
        super().__init__(PTB_SLOTS)
        self.inbox = inbox
        self.lanes = lanes or Lanes()
        self.throttle = throttle or UserThrottle()
        self.chat_queue_cap = chat_queue_cap
        self.trusted_chats = trusted_chats  # the staff team's chat: its replies are never dropped
        self.is_urgent = is_urgent  # does a text call for an emergency or crisis reply (the engine's safety step)
        self.urgent_throttle = UserThrottle(burst=URGENT_BURST, per_minute=URGENT_PER_MINUTE)
        self._chats: dict[str, _ChatTurns] = {}
        self._in_flight: set[int] = set()
        self._failed: set[int] = set()  # this run's reply failed; read by do_process_update
        self._undelivered: dict[int, Update] = {}  # to hand back by take_undelivered
        self._replays: set[int] = set()  # replayed after a crash: run one at a time, counted first
        self._replay_turn = asyncio.Lock()
        self._notices: set[asyncio.Task[None]] = set()
        self.dropped = 0  # messages dropped for fairness since start (for logs and tests)
        self.jumped = 0  # emergency and crisis messages that jumped the queues since start

    async def initialize(self) -> None:
        """Nothing to set up: the store is attached to the inbox in post_init."""

    async def shutdown(self) -> None:
        """Updates not finished stay in the inbox for the next start; notices still being sent are let go."""
        for task in list(self._notices):
            task.cancel()

    def mark_replay(self, update_id: int) -> None:
        """This update is replayed after a crash: count its run in the store before it starts, alone."""
        self._replays.add(update_id)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run `coroutine` (PTB's handlers for `update`) at most once per update id, in its lane."""
        if not isinstance(update, Update):
            await coroutine
            return
        update_id = update.update_id
        if update_id in self._in_flight:
            _discard(coroutine)
            log.debug("update %d is already being answered: duplicate skipped", update_id)
            return
        self._in_flight.add(update_id)
        try:
            if update_id in self._replays:
                async with self._replay_turn:
                    self._replays.discard(update_id)
                    await self.inbox.attempt(update_id)
                    await self._in_lane(update, coroutine)
            else:
                await self._in_lane(update, coroutine)
        finally:
            self._in_flight.discard(update_id)

    async def _in_lane(self, update: Update, coroutine: Awaitable[Any]) -> None:
        lane = lane_of(update)
        if lane == "fast":
            if update.callback_query is not None and not self._allowed(update):
                await self._drop(update, coroutine, "user over their throttle", notice=False)
                return
            async with self.lanes.slot("fast"):
                await self._run_once(update, coroutine)
            return
        trusted = update.effective_chat is not None and update.effective_chat.id in self.trusted_chats
        asks = asks_for_an_answer(update) and not trusted
        key = chat_key(update)
        turns = self._chats.get(key)
        if asks and self._jumps_the_queues(update, lane, turns):
            self.jumped += 1
            async with self.lanes.slot("urgent"):  # no chat turn: ahead of the chat's earlier messages too
                await self._run_once(update, coroutine)
            return
        if asks and not self._allowed(update):
            await self._drop(update, coroutine, "user over their throttle", notice=False)
            return
        if not trusted and turns is not None and turns.users >= self.chat_queue_cap:
            notice = asks and not turns.warned
            turns.warned = turns.warned or asks  # before any await: one notice per full queue
            await self._drop(update, coroutine, "chat queue full", notice=notice)
            return
        async with self._turn(key), self.lanes.slot(lane):  # the chat's turn first, then a slot
            await self._run_once(update, coroutine)

    async def _run_once(self, update: Update, coroutine: Awaitable[Any]) -> None:
        update_id = update.update_id
        if await self.inbox.is_handled(update_id):
            _discard(coroutine)
            log.info("update %d was answered before: not answering again", update_id)
            return
        self._failed.discard(update_id)
        await coroutine
        if update_id in self._failed:
            log.warning("update %d: reply not delivered; kept for another try", update_id)
            return
        await self.inbox.done(update_id)

    def _jumps_the_queues(self, update: Update, lane: Lane, turns: _ChatTurns | None) -> bool:
        """An emergency or crisis message that would wait (for its chat's earlier messages or a slot) or be
        dropped (its sender over their throttle) runs at once instead, within its sender's urgent share. The
        safety step is run here only for a message that would wait: an idle bot reads each message once."""
        user = update.effective_user
        would_wait = (turns is not None or self.lanes.slot(lane).locked()
                      or (user is not None and not self.throttle.would_allow(user.id)))
        message = update.message
        text = (message.text or message.caption or "") if message is not None else ""
        if not would_wait or self.is_urgent is None or not text or not self.is_urgent(text):
            return False
        return user is None or self.urgent_throttle.allow(user.id)

    def _allowed(self, update: Update) -> bool:
        """Take one of the sender's tokens; on the first refusal of an episode, tell them to slow down, in a
        private chat (in a group every notice spends the group's budget of 20 messages a minute: the chat's
        one queue-full notice speaks for all). A button press is always answered: its spinner would turn
        until Telegram gives up."""
        user = update.effective_user
        if user is None or self.throttle.allow(user.id):
            return True
        private = lane_of(update) == "private"
        if update.callback_query is not None or (self.throttle.first_refusal(user.id) and private):
            self._notify(update, texts.SLOW_DOWN)
        return False

    async def _drop(self, update: Update, coroutine: Awaitable[Any], why: str, *, notice: bool) -> None:
        """Not answered, on purpose: marked handled so a restart does not replay it."""
        _discard(coroutine)
        self.dropped += 1
        log.info("update %d dropped: %s", update.update_id, why)
        if notice:
            self._notify(update, texts.CHAT_QUEUE_FULL)
        await self.inbox.done(update.update_id)

    def _notify(self, update: Update, text: str) -> None:
        """Send a short notice in the background (never in the way of the lane it came from)."""
        if update.callback_query is not None:
            send = partial(update.callback_query.answer, text=text)
        elif update.effective_chat is not None:
            send = partial(update.get_bot().send_message, update.effective_chat.id, text)
        else:
            return
        task = asyncio.get_running_loop().create_task(_quietly(send))
        self._notices.add(task)
        task.add_done_callback(self._notices.discard)

    def mark_undelivered(self, update: Update) -> None:
        """Called by the error handler when the network ate the reply: keep the update for a retry."""
        self._failed.add(update.update_id)
        self._undelivered[update.update_id] = update

    def take_undelivered(self) -> list[Update]:
        """Updates whose reply failed and whose run has ended, to put back in the queue."""
        ready = [u for i, u in self._undelivered.items() if i not in self._in_flight]
        for update in ready:
            del self._undelivered[update.update_id]
        return ready

    @property
    def chats_waiting(self) -> int:
        """Chats with an update running or queued (their locks); 0 when idle."""
        return len(self._chats)

    @contextlib.asynccontextmanager
    async def _turn(self, key: str) -> AsyncIterator[None]:
        """Hold the chat's lock; the lock is dropped when no update of that chat needs it."""
        turns = self._chats.get(key)
        if turns is None:
            turns = self._chats[key] = _ChatTurns(asyncio.Lock())
        turns.users += 1
        try:
            async with turns.lock:
                yield
        finally:
            turns.users -= 1
            if turns.users == 0:
                del self._chats[key]


async def _quietly(send: Callable[[], Awaitable[Any]]) -> None:
    try:
        await with_retries(send, "notice")
    except TelegramError as error:
        log.info("a notice could not be sent (%s)", type(error).__name__)


def lane_of(update: Update) -> Lane:
    """Button presses and inline queries are fast; messages go by the kind of chat."""
    if update.callback_query is not None or update.inline_query is not None or update.chosen_inline_result:
        return "fast"
    chat = update.effective_chat
    return "private" if chat is None or chat.type == ChatType.PRIVATE else "group"


def asks_for_an_answer(update: Update) -> bool:
    """Does this message ask the bot for something (and so count against its sender's and chat's share)?
    Group chatter not addressed to the bot gets no answer and counts for nothing."""
    message = update.message
    if message is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if message.text and message.text.startswith("/"):
        return True
    return bool(ADDRESSED.check_update(update))


def chat_key(update: Update) -> str:
    """What orders updates: the chat, else the user (inline queries), else the update itself."""
    if update.effective_chat is not None:
        return f"chat:{update.effective_chat.id}"
    if update.effective_user is not None:
        return f"user:{update.effective_user.id}"
    return f"update:{update.update_id}"


def _discard(coroutine: Awaitable[Any]) -> None:
    """Close a coroutine we decided not to run (no "never awaited" warning)."""
    if inspect.iscoroutine(coroutine):
        coroutine.close()


# -- outgoing ------------------------------------------------------------------------------------


def is_delivery_failure(error: BaseException) -> bool:
    """Errors that say "the reply did not get through", as opposed to "the reply is wrong"."""
    if isinstance(error, RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)  # BadRequest: our mistake


def retry_seconds(error: RetryAfter) -> float:
    """RetryAfter's wait in seconds (PTB 22 warns about its int/timedelta transition)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return float(value if isinstance(value, int | float) else value.total_seconds())


async def with_retries(call: Callable[[], Awaitable[T]], what: str, attempts: int = SEND_ATTEMPTS) -> T:
    """Run one outgoing Bot API call, trying again after flood waits and network failures.

    The rate limiter (ratelimit.py) already waits out most 429s; this also covers 5xx answers,
    dropped connections and timeouts, with doubling backoff. BadRequest and
    Forbidden are raised at once: the same request would fail the same way.
    A retry after a timeout may send a message twice; losing it would be worse.
    """
    backoff = FIRST_BACKOFF_SECONDS
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except TelegramError as error:
            if attempt == attempts or not is_delivery_failure(error):
                raise
            if isinstance(error, RetryAfter):
                wait = retry_seconds(error)
            else:
                wait, backoff = backoff, backoff * 2
            log.warning("%s failed (%s: %s); try %d of %d in %.1f s", what, type(error).__name__, error,
                        attempt + 1, attempts, wait)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")
