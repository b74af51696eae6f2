"""A conversation with a real SQLite store: context, records, feedback, forget, failures."""

import logging
from pathlib import Path

import pytest

from bot.content.knowledge import Library
from bot.core import texts
from bot.core.conversation import Conversation
from bot.core.engine import Engine
from bot.storage.sqlite import SQLiteStore
from tests.helpers import REPO


@pytest.fixture
async def conversation(tmp_path: Path):
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    yield Conversation(Engine(Library(REPO), "https://content.example"), store)
    await store.close()


async def test_follow_up_context_survives_a_restart(tmp_path: Path) -> None:
    library = Library(REPO)
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    first = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "what is multiple sclerosis")
    assert first.intent_id == "ms_overview"
    await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")  # a new process would do the same
    second = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "what causes it")
    assert second.intent_id == "ms_causes" and second.used_context
    other_chat = await Conversation(Engine(library, "https://c.example"), store).message(7, 7, "what causes it")
    assert other_chat.intent_id != "ms_causes" or not other_chat.used_context
    await store.close()


async def test_the_passage_shown_survives_a_restart(tmp_path: Path) -> None:
    library = Library(REPO)
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    first = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "ms medicines")
    assert first.intent_id == "ms_dmt" and first.passage is not None
    await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    more = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "tell me more")
    assert more.follow_up == "more" and more.passage == first.passage + 1
    await store.close()


async def test_a_medicine_named_survives_a_restart(tmp_path: Path) -> None:
    """ "can i skip them" after "why do my meds make me so sleepy" is a medication decision after a restart too."""
    library = Library(REPO)
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "why do my meds make me so sleepy")
    await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    try:
        change = await Conversation(Engine(library, "https://c.example"), store).message(42, 42,
                                                                                       "can i skip them on saturday")
        assert change.kind == "medication_change"
    finally:
        await store.close()


async def test_a_crisis_beside_an_emergency_survives_a_restart(tmp_path: Path) -> None:
    """The emergency's state keeps the crisis said with it through the store: a restart between the two messages
    still gets the crisis line."""
    engine = Engine(Library(REPO), "https://c.example")
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    try:
        first = await Conversation(engine, store).message(42, 42, "i want to die")
        emergency = await Conversation(engine, store).message(42, 42, "my son is having a seizure right now")
        assert (first.kind, emergency.kind) == ("crisis", "emergency")
    finally:
        await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")  # a new process would do the same
    try:
        after = await Conversation(engine, store).message(42, 42, "ok thanks")
    finally:
        await store.close()
    assert texts.LINE_CRISIS in after.reply.alert and texts.LINE_SEIZURE in after.reply.alert


async def test_fallbacks_are_recorded_for_admins(conversation: Conversation) -> None:
    await conversation.message(1, 1, "how do i renew my passport")
    await conversation.message(1, 1, "what is multiple sclerosis")
    assert conversation.store is not None
    unmatched = await conversation.store.unmatched_since(1)
    assert [u.text for u in unmatched] == ["how do i renew my passport"]
    kinds = {(k, i) for _, k, i, _ in await conversation.store.usage_since(1)}
    assert ("fallback", "") in kinds and ("topical", "ms_overview") in kinds


async def test_feedback_buttons_record_per_intent(conversation: Conversation) -> None:
    turn = await conversation.message(5, 5, "what is multiple sclerosis")
    feedback = next(b for b in turn.reply.all_buttons() if b.action.startswith("fb:") and b.action.endswith(":1"))
    thanks = await conversation.action(5, 5, feedback.action)
    assert thanks is not None and "Thanks" in thanks.reply.plain_text()
    assert conversation.store is not None
    assert await conversation.store.feedback_since(1) == [("ms_overview", 1, 0)]
    assert await conversation.action(5, 5, "fb:not_an_intent:1") is None


async def test_forget_confirms_and_clears(conversation: Conversation) -> None:
    await conversation.message(9, 9, "what is multiple sclerosis")
    await conversation.message(9, 9, "tell me about quantum gravity")
    reply = await conversation.forget(9, 9)
    assert "deleted" in reply.plain_text()
    assert conversation.store is not None
    assert await conversation.store.unmatched_since(1) == []
    follow_up = await conversation.message(9, 9, "what causes it")
    assert not follow_up.used_context


async def test_full_disk_still_answers_and_logs(conversation: Conversation, caplog: pytest.LogCaptureFixture) -> None:
    assert conversation.store is not None
    db = conversation.store._db  # the real connection: make SQLite report "database or disk is full"
    async with db.execute("PRAGMA page_count") as cursor:
        pages = (await cursor.fetchone())[0]
    await db.execute(f"PRAGMA max_page_count = {pages}")
    caplog.set_level(logging.ERROR)
    for n in range(30):  # enough new rows to need a new page
        turn = await conversation.message(n, n, f"question about unknown thing number {n} " + "x" * 300)
        assert turn.reply.plain_text()
    assert "storage write failed" in caplog.text
    answer = await conversation.message(1, 1, "what is multiple sclerosis")
    assert answer.intent_id == "ms_overview"


async def test_the_emergency_state_survives_a_restart_and_ends_after_30_minutes(tmp_path: Path) -> None:
    now = [1_800_000_000.0]
    library = Library(REPO)
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    first = await Conversation(Engine(library, "https://c.example", clock=lambda: now[0]), store).message(
        3, 3, "my daughter is having a seizure")
    assert first.kind == "emergency"
    await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")  # a new process reads the state back
    conversation = Conversation(Engine(library, "https://c.example", clock=lambda: now[0]), store)
    follow_up = await conversation.message(3, 3, "its been 6 min")
    assert follow_up.kind == "emergency" and "Call now" in follow_up.reply.plain_text()
    now[0] += 31 * 60
    later = await conversation.message(3, 3, "its been 6 min")
    assert later.kind != "emergency"
    await store.close()


async def test_the_last_topic_lapses_after_two_idle_hours(tmp_path: Path) -> None:
    """ "what causes it" two days later is no follow-up of what was asked then; within the hour it is."""
    import time

    from bot.core.conversation import TOPIC_IDLE_SECONDS

    now = [time.time()]  # the store dates its rows with the real clock; the engine's is moved
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    conversation = Conversation(Engine(Library(REPO), "https://c.example", clock=lambda: now[0]), store)
    await conversation.message(8, 8, "what is multiple sclerosis")
    now[0] += 60 * 60
    soon = await conversation.message(8, 8, "what causes it")
    assert soon.intent_id == "ms_causes" and soon.used_context
    await conversation.message(9, 9, "what is multiple sclerosis")
    now[0] += TOPIC_IDLE_SECONDS + 60
    later = await conversation.message(9, 9, "what causes it")
    assert not later.used_context and later.intent_id != "ms_causes", later.intent_id
    await store.close()


async def test_a_typed_pick_of_a_did_you_mean_survives_a_restart(tmp_path: Path) -> None:
    """ "2" typed after a "Did you mean" picks its second topic, after a restart too."""
    library = Library(REPO)
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    asked = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "TOO OLD?")
    assert asked.kind == "ambiguous" and len(asked.context.choices) >= 2, asked.context
    await store.close()
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "secret")
    try:
        picked = await Conversation(Engine(library, "https://c.example"), store).message(42, 42, "2")
        assert picked.kind == "topical" and picked.intent_id == asked.context.choices[1]
    finally:
        await store.close()


async def test_an_acknowledgement_is_no_unanswered_question(conversation: Conversation) -> None:
    """ "ok" after an answer: a short reply that keeps the topic ("tell me more" still follows it), counted as an
    acknowledgement, never listed for admins as a question the bot could not answer."""
    await conversation.message(3, 3, "what is multiple sclerosis")
    ok = await conversation.message(3, 3, "ok")
    assert ok.kind == "acknowledged" and texts.ACKNOWLEDGED in ok.reply.plain_text()
    more = await conversation.message(3, 3, "tell me more")
    assert more.kind == "topical" and more.intent_id == "ms_overview"
    assert conversation.store is not None
    assert await conversation.store.unmatched_since(1) == []
    assert ("acknowledged", "") in {(k, i) for _, k, i, _ in await conversation.store.usage_since(1)}
