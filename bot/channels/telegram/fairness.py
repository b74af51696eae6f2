"""Fair shares: one chat or one user cannot hold up everyone else. Plain Python, no Telegram types.

Anyone can create a group and add the bot, and Telegram lets a bot send only about 20
messages a minute into one group. Without limits, 100 `/help` in one group would keep
the bot busy for five minutes while everyone else waits. The update processor
(bot.delivery) uses three things from here:

* `UserThrottle`: each user may ask `burst` things at once, then `per_minute` a minute;
* a cap on what may wait per chat (`CHAT_QUEUE_CAP`), beyond which new messages are
  dropped with one notice;
* `Lanes`: separate concurrency slots for private chats, groups, and button presses
  and inline queries, which never wait behind messages. A slot is taken only once an
  update can run (its chat's earlier updates are done), never while it waits its turn.
  An emergency or crisis message that would wait (or be dropped) takes the `urgent`
  lane instead, within its sender's `URGENT_BURST`;
* `PriorityBucket`: the outgoing budget (Telegram's 30 messages a second, a group's 20 a
  minute), in which an urgent reply takes the next token before every ordinary one waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Literal

Lane = Literal["private", "group", "fast", "urgent"]

CHAT_QUEUE_CAP = 10  # updates waiting or running per chat; a group drains 10 in about 30 s at 20 a minute
USER_BURST = 10  # messages a user may send at once...
USER_PER_MINUTE = 30.0  # ...and then this many a minute
MAX_TRACKED_USERS = 50_000  # the throttle forgets the least recently seen users beyond this (memory stays flat)
LANE_SLOTS: dict[Lane, int] = {"private": 48, "group": 16, "fast": 16, "urgent": 16}
# Urgent messages a user may have jump the queues (then one a minute): a person in an emergency writes a few;
# someone pasting "seizure" a hundred times to skip the line is answered in turn, with everyone else.
URGENT_BURST = 3
URGENT_PER_MINUTE = 1.0


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False  # told to slow down in this episode


class UserThrottle:
    """A token bucket per user: `burst` at once, refilled at `per_minute` a minute. In memory only: a restart
    forgives everyone."""

    def __init__(self, burst: int = USER_BURST, per_minute: float = USER_PER_MINUTE,
                 max_users: int = MAX_TRACKED_USERS) -> None:
        self.burst = burst
        self.rate = per_minute / 60.0
        self.max_users = max_users
        self._buckets: OrderedDict[int, _Bucket] = OrderedDict()

    def allow(self, user: int, now: float | None = None) -> bool:
        """Take one token for `user`; False when they have none left."""
        now = time.monotonic() if now is None else now
        bucket = self._buckets.pop(user, None) or _Bucket(float(self.burst), now)
        self._buckets[user] = bucket  # most recently seen last
        while len(self._buckets) > self.max_users:
            self._buckets.popitem(last=False)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return True
        return False

    def would_allow(self, user: int, now: float | None = None) -> bool:
        """Whether `allow` would say yes now, without taking a token."""
        bucket = self._buckets.get(user)
        if bucket is None:
            return self.burst >= 1
        now = time.monotonic() if now is None else now
        return min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate) >= 1.0

    def first_refusal(self, user: int) -> bool:
        """True once per episode of refusals: when to send the user a notice."""
        bucket = self._buckets.get(user)
        if bucket is None or bucket.warned:
            return False
        bucket.warned = True
        return True


class Lanes:
    """Concurrency slots per lane: private chats, groups, and fast (button presses and inline queries)."""

    def __init__(self, slots: dict[Lane, int] | None = None) -> None:
        self._slots = {lane: asyncio.Semaphore(count) for lane, count in (slots or LANE_SLOTS).items()}

    def slot(self, lane: Lane) -> asyncio.Semaphore:
        return self._slots[lane]


class PriorityBucket:
    """A token bucket (`rate` a second, up to `burst` at once) whose waiters are served urgent first, then in order.

    Why not aiolimiter (AIORateLimiter's): it serves waiters in arrival order only, so under load an emergency
    reply waited behind every ordinary reply already queued (9.1 s at 300 chats). An urgent caller still takes a
    token: the limit Telegram sets is kept, only the order changes.
    """

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self._tokens = burst
        self._updated = time.monotonic()
        self._waiting: tuple[deque[asyncio.Future[None]], deque[asyncio.Future[None]]] = (deque(), deque())
        self._timer: asyncio.TimerHandle | None = None

    @property
    def idle(self) -> bool:
        """Full and nobody waiting: it can be forgotten."""
        self._refill()
        return self._tokens >= self.burst and not any(self._waiting)

    async def acquire(self, urgent: bool = False) -> None:
        """Take a token, waiting if needed: behind urgent waiters only when `urgent`, else behind all."""
        self._refill()
        urgent_queue, ordinary_queue = self._waiting
        if self._tokens >= 1 and not urgent_queue and (urgent or not ordinary_queue):
            self._tokens -= 1
            return
        future = asyncio.get_running_loop().create_future()
        (urgent_queue if urgent else ordinary_queue).append(future)
        self._schedule()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._tokens += 1  # handed a token just as the caller gave up: give it back
            with contextlib.suppress(ValueError):
                (urgent_queue if urgent else ordinary_queue).remove(future)
            self._schedule()
            raise

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def _serve(self) -> None:
        self._timer = None
        self._refill()
        for queue in self._waiting:  # urgent first
            while queue and self._tokens >= 1:
                future = queue.popleft()
                if not future.done():  # a cancelled waiter takes nothing
                    self._tokens -= 1
                    future.set_result(None)
        self._schedule()

    def _schedule(self) -> None:
        if self._timer is None and any(self._waiting):
            wait = max(0.0, (1.0 - self._tokens) / self.rate)
            self._timer = asyncio.get_running_loop().call_later(wait, self._serve)
