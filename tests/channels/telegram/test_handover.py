"""Talking to a person, end to end: the real PTB Application, the fake Bot API with a forum staff chat."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram.app import purge
from bot.content.knowledge import Library
from bot.core import texts
from bot.settings import Settings
from tests.conftest import JSON, BotProcess, Harness, bot_env, db_rows, running, start_process
from tests.fakebotapi import FakeBotApi
from tests.helpers import REPO

STAFF = -1009876543210
USER, NAME, USERNAME = 738291, "Alice", "alice_w"
MEMBER = 5150  # a member of the staff team
ADMIN = 4242
CONTACT = "+44 20 7946 0000"
HOURS = "Mon-Fri 09:00-17:00 Europe/London"


def buttons(message: JSON) -> list[str]:
    return [b["text"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


def handover_env(api: FakeBotApi, tmp_path: Path, **extra: str) -> dict[str, str]:
    return bot_env(api.base_url, tmp_path, BOT_HANDOVER_CHAT_ID=str(STAFF), BOT_HANDOVER_CONTACT=CONTACT,
                   BOT_ADMIN_IDS=str(ADMIN), **extra)


@pytest.fixture
def staff_settings(api: FakeBotApi, tmp_path: Path) -> Settings:
    api.add_forum(STAFF)
    return Settings.from_env(handover_env(api, tmp_path), root=REPO)


@pytest.fixture
async def bot(api: FakeBotApi, staff_settings: Settings, library: Library) -> AsyncIterator[Harness]:
    async with running(staff_settings, library) as app:
        yield Harness(api, app)


async def user_says(bot: Harness, text: str) -> list[JSON]:
    return await bot.exchange(lambda: bot.api.send_text(text, USER, first_name=NAME, username=USERNAME))


async def staff_says(bot: Harness, text: str, thread: int | None) -> list[JSON]:
    return await bot.exchange(lambda: bot.api.send_text(text, MEMBER, STAFF, chat_type="supergroup",
                                                        first_name="Sam", message_thread_id=thread))


def to_user(sent: list[JSON]) -> list[JSON]:
    return [m for m in sent if m["chat"]["id"] == USER]


def to_staff(sent: list[JSON]) -> list[JSON]:
    return [m for m in sent if m["chat"]["id"] == STAFF]


async def open_handover(bot: Harness, first: str = "what is ms") -> int:
    """Read a topic, ask for a person, say yes; the staff topic's thread id."""
    await user_says(bot, first)
    [offer] = await user_says(bot, "can I talk to a nurse")
    await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
    return int(bot.api.topics(STAFF)[-1]["message_thread_id"])


def holds(value: Any, needles: tuple[str, ...], number: int) -> bool:
    """Does a JSON value hold the number anywhere, or any needle in any text (keys included)?"""
    if isinstance(value, dict):
        return any(holds(k, needles, number) or holds(v, needles, number) for k, v in value.items())
    if isinstance(value, list):
        return any(holds(v, needles, number) for v in value)
    if isinstance(value, str):
        return any(n.lower() in value.lower() for n in needles) or str(number) in value
    return value == number and not isinstance(value, bool)


def staff_chat_leaks(api: FakeBotApi) -> list[JSON]:
    """Bot messages in the staff chat, and topic names, that hold the person's id, name or username."""
    names = [{"name": t["name"]} for t in api.topics(STAFF)]
    posts = [m for m in api.chat_history(STAFF) if m["from"]["is_bot"]]
    return [m for m in [*posts, *names] if holds(m, (NAME, USERNAME), USER)]


# -- the whole path ------------------------------------------------------------------------------


async def test_full_handover_consent_relay_both_ways_and_close(bot: Harness) -> None:
    await user_says(bot, "multiple sclerosis drugs")
    [offer] = await user_says(bot, "can I talk to a nurse")
    assert offer["text"].startswith(texts.HANDOVER_OFFER_TITLE)
    assert "the messages you send from now on" in offer["text"]
    assert "the topic you were reading: MS medicines (DMTs)" in offer["text"]
    assert "won't see your name, your username or your Telegram account" in offer["text"]
    assert buttons(offer) == [texts.HANDOVER_CONFIRM_BUTTON, texts.HANDOVER_CANCEL_BUTTON]
    assert bot.api.calls("createForumTopic") == []  # nothing is shared before consent

    queued = await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
    [topic] = bot.api.topics(STAFF)
    thread = topic["message_thread_id"]
    assert topic["name"] == "#1 · MS medicines (DMTs)"
    [header] = to_staff(queued)
    assert header["message_thread_id"] == thread
    assert header["text"].startswith("🎫 Ticket #1\nOpened: ")
    assert "Last topic: MS medicines (DMTs)" in header["text"]
    assert "Safety reply shown in the last hour: no" in header["text"]
    [queue] = to_user(queued)
    assert queue["text"].startswith("You're in the queue: ticket #1")
    assert texts.HANDOVER_HOURS_ANY in queue["text"] and buttons(queue) == [texts.HANDOVER_END_BUTTON]

    # The person's messages of any kind are copied into the topic, and the bot does not answer them.
    for send in (lambda: bot.api.send_text("I am always so tired, is that the ms?", USER),
                 lambda: bot.api.send_photo_message(USER, caption="my new tablets"),
                 lambda: bot.api.send_voice(USER, duration=7),
                 lambda: bot.api.send_sticker(USER)):
        assert to_user(await bot.exchange(send)) == []
    copies = bot.api.calls("copyMessage")
    assert [c.params["message_thread_id"] for c in copies] == [thread] * 4
    assert all(c.params["chat_id"] == STAFF and c.ok for c in copies)
    assert bot.api.calls("forwardMessage") == []
    in_topic = bot.api.topic_history(STAFF, thread)
    assert [m.get("text") or m.get("caption") for m in in_topic[2:4]] == [
        "I am always so tired, is that the ms?", "my new tablets"]
    assert "voice" in in_topic[4] and "sticker" in in_topic[5]

    # The team's messages reach the person, marked as from the team; the staff member's name does not.
    [reply] = to_user(await staff_says(bot, "Hello, I'm a nurse. Tiredness is common in MS.", thread))
    assert reply["text"] == f"{texts.TEAM_LABEL}\nHello, I'm a nurse. Tiredness is common in MS."
    assert {"type": "bold", "offset": 0, "length": len(texts.TEAM_LABEL) + 1} in reply["entities"]  # emoji: 2
    assert "Sam" not in str(reply)
    photo_update = bot.api.send_photo_message(MEMBER, STAFF, chat_type="supergroup", caption="This leaflet helps",
                                              message_thread_id=thread)
    [leaflet] = to_user(await bot.exchange(lambda: photo_update))
    assert leaflet["caption"] == f"{texts.TEAM_LABEL}\nThis leaflet helps" and "photo" in leaflet

    # Staff close it in the topic; the person is told, and the bot answers again.
    closing = await staff_says(bot, "/close", thread)
    assert bot.api.topics(STAFF)[0]["closed"]
    [told] = to_user(closing)
    assert told["text"] == texts.HANDOVER_CLOSED_BY_TEAM.format(ticket=1)
    [answer] = await user_says(bot, "what is ms")
    assert "MS" in answer["text"].split("\n")[0]
    assert len(bot.api.calls("copyMessage")) == 5  # 4 in, the photo out (text goes as one message): no more

    assert staff_chat_leaks(bot.api) == []
    assert db_rows(Path(bot.store.path), "SELECT route, chat_key FROM handover") == [(None, None)]
    database = b"".join(p.read_bytes() for p in Path(bot.store.path).parent.glob("bot.sqlite3*"))
    assert b"is that the ms?" not in database and b"Tiredness is common" not in database  # relayed, not kept


async def test_the_leak_check_would_see_a_name(bot: Harness) -> None:
    """The privacy check above is not vacuous: a post naming the person would be caught."""
    thread = await open_handover(bot)
    await bot.app.bot.send_message(STAFF, f"from {USERNAME}", message_thread_id=thread)
    assert len(staff_chat_leaks(bot.api)) == 1


async def test_cancel_shares_nothing(bot: Harness) -> None:
    [offer] = await user_says(bot, "speak to a real person")
    [cancelled] = await bot.press(offer, text=texts.HANDOVER_CANCEL_BUTTON)
    assert cancelled["text"] == texts.HANDOVER_CANCELLED
    assert bot.api.calls("createForumTopic") == [] and bot.api.chat_history(STAFF) == []
    [answer] = await user_says(bot, "what is epilepsy")
    assert "epilepsy" in answer["text"].lower()


async def test_human_command_and_buttons_on_fallback_did_you_mean_and_help(bot: Harness) -> None:
    [by_command] = await bot.exchange(lambda: bot.api.send_command("/human", USER))
    assert by_command["text"].startswith(texts.HANDOVER_OFFER_TITLE)
    assert "the topic you were reading" not in by_command["text"]  # nothing read yet
    [fallback] = await user_says(bot, "how do I fix my bicycle")
    [help_reply] = await bot.exchange(lambda: bot.api.send_command("/help", USER))
    for reply in (fallback, help_reply):
        assert texts.HANDOVER_BUTTON in buttons(reply)
    assert "/human" in help_reply["text"]
    [offer] = await bot.press(fallback, text=texts.HANDOVER_BUTTON)
    assert offer["text"].startswith(texts.HANDOVER_OFFER_TITLE)


async def test_did_you_mean_has_the_button(bot: Harness) -> None:
    [ambiguous] = await user_says(bot, "ms signs or reasons")  # two topics, each with words of its own
    assert ambiguous["text"].startswith(texts.DID_YOU_MEAN)
    assert texts.HANDOVER_BUTTON in buttons(ambiguous)


async def test_asking_again_while_connected_is_a_reminder(bot: Harness) -> None:
    await open_handover(bot)
    [again] = await bot.exchange(lambda: bot.api.send_command("/human", USER))
    assert again["text"] == texts.HANDOVER_ALREADY_OPEN.format(ticket=1)
    assert len(bot.api.topics(STAFF)) == 1
    # Other commands are still answered by the bot; "can I talk to a nurse" is now just a message to relay.
    [topics] = await bot.exchange(lambda: bot.api.send_command("/topics", USER))
    assert topics["text"].startswith("Topics")
    assert to_user(await user_says(bot, "can I talk to a nurse")) == []


# -- safety during a handover --------------------------------------------------------------------


async def test_an_emergency_during_a_handover_gets_the_safety_reply_at_once_and_a_flag(bot: Harness) -> None:
    thread = await open_handover(bot)
    sent = await user_says(bot, "my son is having a seizure right now")
    [safety] = to_user(sent)
    assert safety["text"].startswith("🚨 Call your local emergency number now")
    [copy, flag] = to_staff(sent)
    assert copy["text"] == "my son is having a seizure right now"
    assert flag["message_thread_id"] == thread and flag["text"].startswith("⚠️ SAFETY: the message above "
                                                                          "triggered the emergency reply")
    order = [r.method for r in bot.api.requests if r.method in ("sendMessage", "copyMessage")][-3:]
    assert order == ["sendMessage", "copyMessage", "sendMessage"]  # the safety reply first
    [crisis] = to_user(await user_says(bot, "I just want to die"))
    assert crisis["text"].startswith("I'm really sorry you're feeling this way")
    assert bot.api.topic_history(STAFF, thread)[-1]["text"].startswith("⚠️ SAFETY: the message above "
                                                                       "triggered the crisis reply")
    assert to_user(await user_says(bot, "thanks, they are ok now")) == []  # back to relaying only
    # A question about changing a medicine is the team's to answer: relayed, no fixed reply from the bot.
    assert to_user(await user_says(bot, "should I stop taking my keppra?")) == []
    assert bot.api.topic_history(STAFF, thread)[-1]["text"] == "should I stop taking my keppra?"


async def test_the_header_says_a_safety_reply_was_shown_in_the_last_hour(bot: Harness) -> None:
    await user_says(bot, "I want to end my life")
    [offer] = await user_says(bot, "can I talk to someone")
    await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
    [header] = [m for m in bot.api.chat_history(STAFF) if m.get("text", "").startswith("🎫")]
    assert "Safety reply shown in the last hour: crisis" in header["text"]


# -- ending ---------------------------------------------------------------------------------------


async def test_the_person_ends_with_end_or_the_button(bot: Harness) -> None:
    thread = await open_handover(bot)
    [ended] = to_user(await bot.exchange(lambda: bot.api.send_command("/end", USER)))
    assert ended["text"] == texts.HANDOVER_ENDED.format(ticket=1)
    assert bot.api.topics(STAFF)[0]["closed"]
    assert bot.api.topic_history(STAFF, thread)[-2]["text"] == texts.STAFF_ENDED_BY_USER
    # A second ticket, ended with the button on the queue message.
    await user_says(bot, "can I talk to a nurse")
    [offer] = bot.api.sent_messages(USER)[-1:]
    queued = to_user(await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON))
    assert queued[0]["text"].startswith("You're in the queue: ticket #2")
    [ended] = to_user(await bot.press(queued[0], text=texts.HANDOVER_END_BUTTON))
    assert ended["text"] == texts.HANDOVER_ENDED.format(ticket=2)
    [stale] = await bot.press(queued[0], text=texts.HANDOVER_END_BUTTON)
    assert stale["text"] == texts.HANDOVER_NOT_OPEN
    assert [t["closed"] for t in bot.api.topics(STAFF)] == [True, True]


async def test_staff_writing_in_a_closed_topic_are_told_once_and_general_chat_is_ignored(bot: Harness) -> None:
    thread = await open_handover(bot)
    await bot.exchange(lambda: bot.api.send_command("/end", USER))
    notes = to_staff(await staff_says(bot, "are you still there?", thread))
    assert [n["text"] for n in notes] == [texts.STAFF_NOT_DELIVERED_CLOSED]
    assert await staff_says(bot, "hello?", thread) == []  # said once
    assert await staff_says(bot, "what is ms", None) == []  # the General topic: the bot never answers staff
    assert await staff_says(bot, "/close", None) == []
    assert to_user(bot.api.sent_messages())[-1]["text"] == texts.HANDOVER_ENDED.format(ticket=1)


async def test_forget_during_a_handover_closes_the_topic_and_deletes_the_route(bot: Harness) -> None:
    await open_handover(bot)
    [done] = to_user(await bot.exchange(lambda: bot.api.send_command("/forget", USER)))
    assert done["text"].startswith(texts.HANDOVER_FORGOTTEN.format(ticket=1))
    assert "Done. I've deleted everything" in done["text"]
    assert bot.api.topics(STAFF)[0]["closed"]
    assert bot.api.chat_history(STAFF)[-2]["text"] == texts.STAFF_FORGOTTEN
    assert await bot.store.handover_of_chat(bot.store.key("chat", USER)) is None
    assert db_rows(Path(bot.store.path), "SELECT route, chat_key, closed_by FROM handover") == [
        (None, None, "forget")]


async def test_retention_purge_closes_an_old_handover_and_deletes_the_route(bot: Harness) -> None:
    thread = await open_handover(bot)
    desk = bot.app.bot_data["handover"]
    desk.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=91)  # BOT_RETENTION_DAYS is 90
    await purge(bot.app)
    assert bot.api.topics(STAFF)[0]["closed"]
    assert bot.api.topic_history(STAFF, thread)[-2]["text"] == texts.STAFF_EXPIRED.format(days=90)
    assert bot.api.sent_messages(USER)[-1]["text"] == texts.HANDOVER_EXPIRED.format(ticket=1, days=90)
    assert db_rows(Path(bot.store.path), "SELECT route, chat_key, closed_by FROM handover") == [
        (None, None, "expired")]
    [answer] = await user_says(bot, "what is ms")
    assert "MS" in answer["text"].split("\n")[0]


async def test_a_blocked_bot_closes_the_ticket_and_tells_the_team(bot: Harness) -> None:
    thread = await open_handover(bot)
    bot.api.block_bot(USER)
    [note] = to_staff(await staff_says(bot, "Hello?", thread))
    assert note["text"] == texts.STAFF_USER_GONE and bot.api.topics(STAFF)[0]["closed"]


# -- hours, failures, handover off ---------------------------------------------------------------


async def test_out_of_hours_is_accepted_with_when_they_are_back_and_the_contact(
        api: FakeBotApi, tmp_path: Path, library: Library) -> None:
    api.add_forum(STAFF)
    settings = Settings.from_env(handover_env(api, tmp_path, BOT_HANDOVER_HOURS=HOURS), root=REPO)
    async with running(settings, library) as app:
        bot = Harness(api, app)
        friday_evening = dt.datetime(2026, 1, 9, 18, 30, tzinfo=dt.UTC)
        app.bot_data["handover"].clock = lambda: friday_evening
        [offer] = await user_says(bot, "can I talk to a nurse")
        assert "The team works Mon-Fri 09:00-17:00 (Europe/London)." in offer["text"]
        sent = await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
        [queued] = to_user(sent)
        assert "They're back on Monday 12 January at 09:00 (Europe/London)" in queued["text"]
        assert f"If you need help sooner: {CONTACT}" in queued["text"]
        [header] = to_staff(sent)
        assert "Opened: Fri 09 Jan 2026 18:30 (Europe/London)" in header["text"]
        assert "Opened out of hours" in header["text"]
        [safety] = to_user(await user_says(bot, "she is not breathing"))
        assert safety["text"].startswith("🚨 Call your local emergency number now")


async def test_a_staff_chat_the_bot_cannot_use_gets_an_apology_and_a_clear_log(
        bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    bot.api.deny_topics(STAFF)
    [offer] = await user_says(bot, "can I talk to a nurse")
    [sorry] = await bot.press(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
    assert sorry["text"].startswith(texts.HANDOVER_OFF_TITLE) and texts.HANDOVER_FAILED in sorry["text"]
    assert CONTACT in sorry["text"]
    [error] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "BOT_HANDOVER_CHAT_ID" in error.getMessage() and "manage topics" in error.getMessage()
    assert db_rows(Path(bot.store.path), "SELECT COUNT(*) FROM handover") == [(0,)]
    [answer] = await user_says(bot, "what is ms")  # not stuck in a half-open handover
    assert "MS" in answer["text"].split("\n")[0]


async def test_handover_off_shows_the_contact_and_helplines(api: FakeBotApi, tmp_path: Path,
                                                          library: Library) -> None:
    settings = Settings.from_env(bot_env(api.base_url, tmp_path, BOT_HANDOVER_CONTACT=CONTACT), root=REPO)
    async with running(settings, library) as app:
        bot = Harness(api, app)
        [reply] = await bot.exchange(lambda: api.send_command("/human", USER))
        assert reply["text"].startswith(texts.HANDOVER_OFF_TITLE)
        assert CONTACT in reply["text"] and "Samaritans 116 123" in reply["text"] and "0808 800 5050" in reply["text"]
        [words] = await user_says(bot, "speak to a real person")
        assert words["text"] == reply["text"]
        assert api.calls("createForumTopic") == []
        assert await bot.press(reply, data="ho:y", check=False) == []  # not a button of that message
        assert api.calls("answerCallbackQuery")[-1].params["text"] == texts.EXPIRED_BUTTON
        assert api.calls("createForumTopic") == []


# -- statistics ---------------------------------------------------------------------------------


async def test_stats_report_handovers_and_the_median_first_reply(bot: Harness) -> None:
    thread = await open_handover(bot)
    await staff_says(bot, "Hello!", thread)
    await staff_says(bot, "/close", thread)
    await open_handover(bot, first="what is epilepsy")  # opened, not answered yet
    [report] = await bot.exchange(lambda: bot.api.send_command("/stats", ADMIN))
    assert "Handovers to the team, last 7 days: 2 opened, 1 closed" in report["text"]
    assert "Median time to the first staff reply: " in report["text"] and "(1 answered)" in report["text"]


# -- restarts --------------------------------------------------------------------------------------


async def test_after_a_restart_staff_replies_still_arrive_and_messages_are_copied_once(
        api: FakeBotApi, staff_settings: Settings, library: Library) -> None:
    async with running(staff_settings, library) as app:
        thread = await open_handover(Harness(api, app))
    # While the bot is down, the person writes and the team answers.
    waiting = api.send_text("are you there?", USER)
    answer = api.send_text("Yes, I'm here.", MEMBER, STAFF, chat_type="supergroup", message_thread_id=thread)
    async with running(staff_settings, library) as app:
        bot = Harness(api, app)
        await bot.handled(waiting)
        await bot.handled(answer)
        await user_says(bot, "thank you")
    copies_in = [c for c in api.calls("copyMessage") if c.params["chat_id"] == STAFF]
    texts_in = [m.get("text") for m in api.topic_history(STAFF, thread) if m["from"]["is_bot"]][2:]
    assert texts_in == ["are you there?", "thank you"] and len(copies_in) == 2
    assert api.sent_messages(USER)[-1]["text"] == f"{texts.TEAM_LABEL}\nYes, I'm here."


async def test_kill_9_during_a_handover_loses_nothing_and_copies_once(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess]) -> None:
    api.add_forum(STAFF)
    env = handover_env(api, tmp_path)
    first = await start_process(env, tmp_path, "run", name="first")
    processes.append(first)
    api.send_text("what is ms", USER, first_name=NAME, username=USERNAME)
    api.send_text("can I talk to a nurse", USER)
    offer = (await api.wait_for_messages(2, USER, timeout=30))[-1]
    api.press_button(offer, text=texts.HANDOVER_CONFIRM_BUTTON)
    [queued] = [m for m in await api.wait_for_messages(3, USER) if m["text"].startswith("You're in the queue")]
    thread = api.topics(STAFF)[0]["message_thread_id"]
    await api.wait_for(lambda: api.calls("answerCallbackQuery"), what="the button answered")
    assert await first.stop(signal.SIGKILL) == -signal.SIGKILL

    db = Path(env["BOT_DB_PATH"])
    [(route,)] = db_rows(db, "SELECT route FROM handover WHERE status = 'open'")
    assert str(USER).encode() not in route and str(USER).encode() not in db.read_bytes()  # encrypted

    api.send_text("hello? anyone?", USER)
    api.send_text("Hi, this is the team.", MEMBER, STAFF, chat_type="supergroup", message_thread_id=thread)
    second = await start_process(env, tmp_path, "run", name="second")
    processes.append(second)
    await api.wait_for(lambda: api.sent_messages(USER)[-1].get("text", "").startswith(texts.TEAM_LABEL),
                       timeout=30, what="the staff reply")
    await api.wait_for(lambda: db_rows(db, "SELECT COUNT(*) FROM inbox") == [(0,)], what="inbox empty")
    assert await second.stop() == 0
    copied = [m.get("text") for m in api.topic_history(STAFF, thread) if m["from"]["is_bot"]][2:]
    assert copied == ["hello? anyone?"]
    assert "Traceback" not in second.log
    assert staff_chat_leaks(api) == []
    assert queued["text"].startswith("You're in the queue: ticket #1")


def test_schema_keeps_routes_only_while_open(tmp_path: Path) -> None:
    """The table's own contract, read as an admin would: a closed ticket has no route and no chat key."""

    async def scenario() -> None:
        from bot.storage.sqlite import SQLiteStore

        store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
        try:
            ticket = await store.handover_create("chatkey", USER, "MS fatigue", 1000.0)
            await store.handover_opened(ticket, 77)
            [record] = await store.handovers_open()
            assert record.chat_id == USER and record.thread_id == 77
            assert await store.handover_close(ticket, "team", 2000.0)
            assert not await store.handover_close(ticket, "team", 2001.0)
            assert (await store.handover_of_thread(77)).chat_id is None  # type: ignore[union-attr]
        finally:
            await store.close()

    asyncio.run(scenario())
    with sqlite3.connect(tmp_path / "bot.sqlite3") as db:
        assert db.execute("SELECT route, chat_key, status FROM handover").fetchall() == [(None, None, "closed")]


# -- button data that is not one of ours ----------------------------------------------------------

GARBLED_BUTTONS = [
    "", ":", "x", "é", "a" * 65, "ho:", "ho:x", "ho:y:1", "ho:end:", "ho:Y", "hoy", "ho::y",  # empty, unknown, arity
    "i:", "i:no_such_intent", "i:ms_dmt:1", "i:12", "tp:no-such-article", "tp:", "tr:no-such-article",
    "ar:no-such-article:1", "ar:ms-immunity-and-treatment:abc", "ar:ms-immunity-and-treatment:9999",
    "fb:", "fb:no_such_intent:1", "fb:ms_dmt:2", "fb:ms_dmt", "i:" + "a" * 62,
]


async def test_garbled_button_data_gets_the_expired_notice_and_never_an_action(bot: Harness) -> None:
    [answer] = await user_says(bot, "what is ms")
    for number, data in enumerate(GARBLED_BUTTONS):  # a presser each: the throttle is not what answers
        update = bot.api.press_button(answer, data=data, user_id=70_000 + number, check=False)
        before = len(bot.api.sent_messages())
        await bot.handled(update)
        [notice] = [c for c in bot.api.calls("answerCallbackQuery") if c.params["callback_query_id"]
                    == update["callback_query"]["id"]]
        assert notice.params.get("text") == texts.EXPIRED_BUTTON, data
        assert bot.api.sent_messages()[before:] == [], data  # no consent question, no topic, nothing
    assert bot.api.calls("createForumTopic") == [] and await bot.store.feedback_since(30) == []


async def test_an_emergency_during_a_handover_jumps_the_queue_of_ordinary_replies(bot: Harness) -> None:
    await open_handover(bot)
    ordinary = [bot.api.send_text("what is multiple sclerosis", user_id=user) for user in range(40_001, 40_061)]
    emergency = bot.api.send_text("my son is having a seizure right now", USER)
    for update in (*ordinary, emergency):
        await bot.handled(update)
    order = [m for m in bot.api.sent_messages() if m["chat"]["id"] != STAFF][-61:]
    [position] = [n for n, m in enumerate(order) if m["chat"]["id"] == USER]
    assert order[position]["text"].startswith("🚨 Call your local emergency number now")
    assert len(order) - position - 1 >= 10, f"the safety reply was sent {position + 1}th of {len(order)}"
