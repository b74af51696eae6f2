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
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

Lane = Literal["private", "group", "fast"]

CHAT_QUEUE_CAP = 10  # updates waiting or running per chat; a group drains 10 in about 30 s at 20 a minute
USER_BURST = 10  # messages a user may send at once...
USER_PER_MINUTE = 30.0  # ...and then this many a minute
MAX_TRACKED_USERS = 50_000  # the throttle forgets the least recently seen users beyond this (memory stays flat)
LANE_SLOTS: dict[Lane, int] = {"private": 48, "group": 16, "fast": 16}


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
