"""Fair shares: a flooding group or user cannot hold up anyone else (bot/fairness.py, bot/delivery.py).

Speed is measured by the bench (`python -m bot bench`, the flood phase); these tests assert on order and counts.
"""

from __future__ import annotations

from pathlib import Path

from bot.channels.telegram.delivery import OrderedDurableUpdateProcessor
from bot.channels.telegram.fairness import CHAT_QUEUE_CAP, URGENT_BURST, USER_BURST, UserThrottle
from bot.content.knowledge import Library
from bot.core import texts
from bot.settings import Settings
from tests.conftest import Harness, bot_env, running
from tests.fakebotapi import BOT_USERNAME, DEFAULT_GROUP_ID, FakeBotApi
from tests.helpers import REPO

PATIENT = 7070
MEMBERS = range(9001, 9021)  # twenty people in one group
GROUP_BUDGET = 20  # Telegram lets a bot send about 20 messages a minute into one group (the rate limiter's default)


def test_throttle_allows_a_burst_then_a_steady_rate() -> None:
    throttle = UserThrottle(burst=3, per_minute=6)  # one every 10 s
    assert [throttle.allow(1, now=0.0) for _ in range(4)] == [True, True, True, False]
    assert throttle.first_refusal(1) and not throttle.first_refusal(1)  # one notice per episode
    assert not throttle.allow(1, now=5.0) and throttle.allow(1, now=10.0)
    assert throttle.allow(2, now=0.0), "each user has their own share"
    assert not throttle.allow(1, now=10.5) and throttle.first_refusal(1), "a new episode, a new notice"


def test_throttle_memory_stays_flat() -> None:
    throttle = UserThrottle(max_users=100)
    for user in range(10_000):
        throttle.allow(user, now=0.0)
    assert len(throttle._buckets) == 100


async def test_a_flooded_group_does_not_hold_up_a_private_answer(bot: Harness) -> None:
    flood = [bot.api.send_command("/help", user, chat_type="group") for _ in range(5) for user in MEMBERS]
    question = bot.api.send_text("what is multiple sclerosis", user_id=PATIENT)

    await bot.handled(question)
    group_sent_before_the_answer = len(bot.api.sent_messages(DEFAULT_GROUP_ID))

    [answer] = bot.api.sent_messages(PATIENT)
    assert "MS" in answer["text"].split("\n")[0]
    # Before: 64 slots held by the group's updates waiting their turn, each turn 3 s at 20 a minute: ~50 s.
    assert group_sent_before_the_answer <= GROUP_BUDGET, "the private answer waited for the group's backlog"
    for update in flood:  # every one is settled: answered, or dropped at once
        await bot.handled(update)
    group = [m["text"] for m in bot.api.sent_messages(DEFAULT_GROUP_ID)]
    assert len(group) <= CHAT_QUEUE_CAP + 1 and group.count(texts.CHAT_QUEUE_FULL) == 1
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedDurableUpdateProcessor) and processor.dropped >= len(flood) - CHAT_QUEUE_CAP
    assert await bot.store.inbox_pending() == []


async def test_a_button_press_is_answered_while_its_chat_waits_for_telegram(bot: Harness) -> None:
    group = {"chat_type": "group"}
    [answer] = await bot.say(f"@{BOT_USERNAME} what is ms", user_id=MEMBERS[0], **group)
    for n in range(GROUP_BUDGET - 1):  # the group's budget for this minute is spent...
        await bot.exchange(lambda n=n: bot.api.send_command("/help", MEMBERS[1 + n % 19], **group))
    queued = [bot.api.send_command("/about", MEMBERS[n], **group) for n in (1, 2)]  # ...so these wait ~3 s each
    press = bot.api.press_button(answer, text="📚 Topics", user_id=MEMBERS[3])

    await bot.api.wait_for(lambda: bot.api.calls("answerCallbackQuery"), what="the button's answer")

    assert len(bot.api.sent_messages(DEFAULT_GROUP_ID)) == GROUP_BUDGET, "the button waited behind the queue"
    [call] = bot.api.calls("answerCallbackQuery")
    assert call.ok and call.params["callback_query_id"] == press["callback_query"]["id"]
    for update in [*queued, press]:
        await bot.handled(update, timeout=30)


async def test_a_user_over_their_share_is_told_once_and_the_rest_dropped(bot: Harness) -> None:
    updates = [bot.api.send_text(f"what is ms {n}", user_id=PATIENT) for n in range(USER_BURST + 5)]
    for update in updates:
        await bot.handled(update)
    texts_sent = [m["text"] for m in bot.api.sent_messages(PATIENT)]
    assert texts_sent.count(texts.SLOW_DOWN) == 1
    assert len(texts_sent) == USER_BURST + 1  # the burst answered, one notice, the rest dropped
    [other] = await bot.say("what is epilepsy", user_id=PATIENT + 1)
    assert "epilepsy" in other["text"].lower(), "someone else is answered as usual"


async def test_a_group_flood_costs_the_group_one_notice_whatever_its_senders_do(bot: Harness) -> None:
    spammers = (9101, 9102)  # each far over their own share, in the same group
    flood = [bot.api.send_command("/help", user, chat_type="group") for _ in range(40) for user in spammers]
    for update in flood:
        await bot.handled(update)
    group = [m["text"] for m in bot.api.sent_messages(DEFAULT_GROUP_ID)]
    notices = [t for t in group if t in (texts.CHAT_QUEUE_FULL, texts.SLOW_DOWN)]
    assert len(notices) <= 1 and len(group) <= 2 * USER_BURST + 1  # within the group's budget of 20 a minute


async def test_the_staff_chat_is_never_throttled(api: FakeBotApi, tmp_path: Path, library: Library) -> None:
    staff, member = -1009876543210, 5150
    settings = Settings.from_env(bot_env(api.base_url, tmp_path, BOT_HANDOVER_CHAT_ID=str(staff)), root=REPO)
    api.add_forum(staff)
    async with running(settings, library) as app:
        bot = Harness(api, app)
        updates = [api.send_text(f"note {n}", member, staff, chat_type="supergroup") for n in range(USER_BURST + 15)]
        for update in updates:
            await bot.handled(update)
        processor = app.update_processor
        assert isinstance(processor, OrderedDurableUpdateProcessor) and processor.dropped == 0
    assert not [m for m in api.sent_messages(staff) if m["text"] in (texts.CHAT_QUEUE_FULL, texts.SLOW_DOWN)]


# -- safety replies jump the queues ---------------------------------------------------------------

EMERGENCY = "my son is having a seizure right now"
ASKERS = range(40_001, 40_061)  # sixty people asking ordinary questions at once: twice the 30-a-second budget


def is_emergency(message: dict) -> bool:
    return message["text"].startswith("🚨 Call your local emergency number now")


async def test_an_emergency_reply_is_sent_before_the_ordinary_replies_queued_ahead_of_it(bot: Harness) -> None:
    ordinary = [bot.api.send_text("what is multiple sclerosis", user_id=user) for user in ASKERS]
    emergency = bot.api.send_text(EMERGENCY, user_id=PATIENT)  # the last of the batch
    for update in (*ordinary, emergency):
        await bot.handled(update)
    order = bot.api.sent_messages()
    [position] = [n for n, m in enumerate(order) if m["chat"]["id"] == PATIENT]
    assert is_emergency(order[position])
    # Before: sent 61st of 61, after every ordinary reply. Now it jumps the lane and the 30-a-second queue: the
    # first 30 ordinary replies go at once (the burst), it takes one of the next tokens (strict order within
    # the limiter: tests/channels/telegram/test_ratelimit.py).
    assert len(order) - position - 1 >= 10, f"the emergency reply was sent {position + 1}th of {len(order)}"
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedDurableUpdateProcessor) and processor.jumped == 1


async def test_an_emergency_from_someone_over_their_throttle_is_answered(bot: Harness) -> None:
    questions = [bot.api.send_text("what is multiple sclerosis", user_id=PATIENT) for _ in range(USER_BURST + 2)]
    emergency = bot.api.send_text(EMERGENCY, user_id=PATIENT)
    for update in (*questions, emergency):
        await bot.handled(update)
    assert any(is_emergency(m) for m in bot.api.sent_messages(PATIENT))  # before: dropped with the others


async def test_an_emergency_in_a_full_group_queue_is_answered(bot: Harness) -> None:
    flood = [bot.api.send_command("/help", user, chat_type="group") for _ in range(5) for user in MEMBERS]
    emergency = bot.api.send_text(f"@{BOT_USERNAME} {EMERGENCY}", user_id=PATIENT, chat_type="group")
    for update in (*flood, emergency):
        await bot.handled(update)
    group = bot.api.sent_messages(DEFAULT_GROUP_ID)
    assert any(is_emergency(m) for m in group)  # before: dropped, "chat queue full"
    assert len(group) <= CHAT_QUEUE_CAP + 2  # the others still wait their turn or are dropped


async def test_urgent_jumps_are_a_few_per_person(bot: Harness) -> None:
    """Pasting emergency words to skip the line works a few times, then the message waits its turn."""
    ordinary = [bot.api.send_text("what is multiple sclerosis", user_id=user) for user in ASKERS]
    emergencies = [bot.api.send_text(EMERGENCY, user_id=PATIENT) for _ in range(URGENT_BURST + 3)]
    for update in (*ordinary, *emergencies):
        await bot.handled(update)
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedDurableUpdateProcessor) and processor.jumped == URGENT_BURST
