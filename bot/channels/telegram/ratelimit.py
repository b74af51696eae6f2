"""The outgoing rate limiter: Telegram's limits kept, safety replies first.

PTB's AIORateLimiter (aiolimiter) serves requests in arrival order: under a 300-chat load an emergency reply
waited 9.1 s behind ordinary answers. `PriorityRateLimiter` keeps the same limits (30 messages a second in
all, 20 a minute per group, everyone paused after a 429) with `PriorityBucket`s (fairness.py), and a request
sent with `rate_limit_args=URGENT` takes the next token before every ordinary request waiting, in the
overall budget and in its group's. It never skips a token, so Telegram's per-chat and overall limits hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.channels.telegram.delivery import retry_seconds
from bot.channels.telegram.fairness import PriorityBucket

log = logging.getLogger(__name__)

URGENT: dict[str, bool] = {"urgent": True}  # a send's rate_limit_args: a safety reply
MAX_GROUP_BUCKETS = 512  # beyond this, idle groups' buckets are forgotten (memory stays flat)
Result = Any  # what the Bot API call returns (bool, a JSON dict or a list of them)


class PriorityRateLimiter(BaseRateLimiter[dict[str, bool]]):
    """AIORateLimiter's limits, with urgent requests served first. Its arguments are AIORateLimiter's (0 turns a
    limit off)."""

    def __init__(self, overall_max_rate: float = FloodLimit.MESSAGES_PER_SECOND, overall_time_period: float = 1,
                 group_max_rate: float = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP, group_time_period: float = 60,
                 max_retries: int = 0) -> None:
        self._overall = (PriorityBucket(overall_max_rate / overall_time_period, overall_max_rate)
                         if overall_max_rate and overall_time_period else None)
        self._group_rate = (group_max_rate, group_time_period) if group_max_rate and group_time_period else None
        self._groups: dict[int | str, PriorityBucket] = {}
        self._max_retries = max_retries
        self._no_flood_wait = asyncio.Event()
        self._no_flood_wait.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: dict[str, bool] | None) -> Result:
        """Run one Bot API call within the limits; after a 429 wait as told (everyone waits) and try again."""
        urgent = bool(rate_limit_args and rate_limit_args.get("urgent"))
        chat_id = data.get("chat_id")
        for attempt in range(self._max_retries + 1):
            try:
                async with self._turn(chat_id, urgent):
                    await self._no_flood_wait.wait()
                    return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self._max_retries:
                    raise
                wait = retry_seconds(error) + 0.1  # as AIORateLimiter
                log.info("flood wait from Telegram on %s: every request waits %.1f s", endpoint, wait)
                self._no_flood_wait.clear()
                try:
                    await asyncio.sleep(wait)
                finally:
                    self._no_flood_wait.set()
        raise AssertionError("unreachable")

    @contextlib.asynccontextmanager
    async def _turn(self, chat_id: object, urgent: bool) -> AsyncIterator[None]:
        """A token of the chat's group (for a group), then of the overall budget; calls without a chat are free."""
        if chat_id is None:
            yield
            return
        group = self._group_of(chat_id)
        if group is not None:
            await group.acquire(urgent)
        if self._overall is not None:
            await self._overall.acquire(urgent)
        yield

    def _group_of(self, chat_id: object) -> PriorityBucket | None:
        """The bucket of a group or channel (a negative id, or an @name); None for a private chat."""
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[call-overload]
        is_group = (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)
        if not is_group or self._group_rate is None:
            return None
        assert isinstance(chat_id, int | str)
        bucket = self._groups.get(chat_id)
        if bucket is None:
            if len(self._groups) >= MAX_GROUP_BUCKETS:
                for key in [k for k, b in self._groups.items() if b.idle]:
                    del self._groups[key]
            rate, period = self._group_rate
            bucket = self._groups[chat_id] = PriorityBucket(rate / period, rate)
        return bucket
