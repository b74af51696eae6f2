"""bot/channels/telegram/ratelimit.py: Telegram's limits kept, an urgent (safety) reply sent before the ordinary
ones waiting. Order only: how long it waits under load is the bench's figure (`python -m bot bench`)."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.channels.telegram.fairness import PriorityBucket
from bot.channels.telegram.ratelimit import URGENT, PriorityRateLimiter

PRIVATE, GROUP = 1001, -1002


class Sends:
    """Bot API calls through a limiter, recording the order in which they went out."""

    def __init__(self, limiter: PriorityRateLimiter) -> None:
        self.limiter = limiter
        self.order: list[str] = []

    def start(self, name: str, chat_id: int | None, urgent: bool = False) -> asyncio.Task[Any]:
        async def call() -> bool:
            self.order.append(name)
            return True

        return asyncio.get_running_loop().create_task(self.limiter.process_request(
            call, (), {}, "sendMessage", {"chat_id": chat_id} if chat_id is not None else {},
            URGENT if urgent else None))


async def test_an_urgent_reply_goes_before_every_ordinary_reply_waiting() -> None:
    sends = Sends(PriorityRateLimiter(overall_max_rate=5, overall_time_period=0.5))  # 5 at once, then 10 a second
    ordinary = [sends.start(f"ordinary {n}", PRIVATE + n) for n in range(20)]
    await asyncio.sleep(0)  # five went out at once (the burst); fifteen wait
    emergency = sends.start("emergency", PRIVATE + 99, urgent=True)
    await emergency
    assert sends.order == [*(f"ordinary {n}" for n in range(5)), "emergency"]
    for task in ordinary:
        task.cancel()
    await asyncio.gather(*ordinary, return_exceptions=True)


async def test_an_urgent_reply_in_a_group_still_waits_for_the_groups_limit() -> None:
    sends = Sends(PriorityRateLimiter(group_max_rate=2, group_time_period=60))  # 2 a minute in a group
    first = [sends.start(f"ordinary {n}", GROUP) for n in range(3)]
    emergency = sends.start("emergency", GROUP, urgent=True)
    elsewhere = sends.start("private", PRIVATE)
    await elsewhere
    for _ in range(10):
        await asyncio.sleep(0)
    assert sends.order == ["ordinary 0", "ordinary 1", "private"]  # the next group token is 30 s away
    assert not emergency.done()
    for task in (*first, emergency):
        task.cancel()
    await asyncio.gather(*first, emergency, return_exceptions=True)


async def test_calls_without_a_chat_are_not_limited() -> None:
    sends = Sends(PriorityRateLimiter(overall_max_rate=1, overall_time_period=60))
    await asyncio.gather(*(sends.start(f"answer {n}", None) for n in range(5)))  # answerCallbackQuery
    assert len(sends.order) == 5


async def test_a_waiter_that_gives_up_takes_no_token() -> None:
    bucket = PriorityBucket(rate=1000.0, burst=1)
    await bucket.acquire()
    gone = asyncio.get_running_loop().create_task(bucket.acquire())
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.gather(gone, return_exceptions=True)
    await asyncio.wait_for(bucket.acquire(), 10)  # a hang guard: a token lost to the cancelled waiter never comes
