"""The `Store` contract: every backend passes these same tests (aiogram's storage tests are the model).

To add a backend, add an opener to BACKENDS: it opens (or, called again with the same place,
reopens) a store, as a new process would. SQLite-only behaviour (bytes on disk, WAL, locking,
group commit) is in test_sqlite.py.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.storage.protocol import HandoverRecord, Store, StoredContext, UnmatchedQuestion
from bot.storage.sqlite import SQLiteStore

SECRET = "contract-secret"
# (place, secret, retention days) -> an open store; the same place means the same data.
Opener = Callable[[Path, str, int], Awaitable[Store]]


async def open_sqlite(place: Path, secret: str, retention_days: int) -> Store:
    return await SQLiteStore.open(place / "bot.sqlite3", secret, retention_days)


BACKENDS: dict[str, tuple[type, Opener]] = {
    "sqlite": (SQLiteStore, open_sqlite),
}


@pytest.fixture(params=sorted(BACKENDS))
def opener(request: pytest.FixtureRequest) -> Opener:
    return BACKENDS[request.param][1]


@pytest.fixture
async def store(opener: Opener, tmp_path: Path) -> AsyncIterator[Store]:
    opened = await opener(tmp_path, SECRET, 30)
    yield opened
    await opened.close()


def protocol_methods() -> list[str]:
    return sorted(name for name, value in vars(Store).items() if not name.startswith("_") and callable(value))


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_the_backend_has_every_member_with_the_same_parameters(backend: str) -> None:
    cls = BACKENDS[backend][0]
    assert len(protocol_methods()) >= 15  # the walk really found the methods
    for name in protocol_methods():
        wanted, found = getattr(Store, name), getattr(cls, name, None)
        assert found is not None, f"{cls.__name__} has no {name}"
        assert list(inspect.signature(found).parameters) == list(inspect.signature(wanted).parameters), name
        assert inspect.iscoroutinefunction(found) == inspect.iscoroutinefunction(wanted), name


async def test_retention_days_is_what_it_was_opened_with(store: Store) -> None:
    assert store.retention_days == 30


async def test_keys_are_stable_distinct_per_kind_and_per_secret(store: Store, opener: Opener,
                                                                  tmp_path: Path) -> None:
    key = store.key("user", 123456789)
    assert key == store.key("user", "123456789") == store.key("user", 123456789)
    assert key != store.key("chat", 123456789) and key != store.key("user", 123456788)
    assert "123456789" not in key
    other = await opener(tmp_path / "other", "another-secret", 30)
    try:
        assert other.key("user", 123456789) != key
    finally:
        await other.close()


async def test_context_round_trip_per_chat(store: Store) -> None:
    assert await store.get_context("chat1") is None
    await store.set_context("chat1", StoredContext("ms_overview", "ms-immune-role", "ms"))
    await store.set_context("chat1", StoredContext("ms_dmt", None, "ms"))  # the last one wins
    assert await store.get_context("chat1") == StoredContext("ms_dmt", None, "ms")
    assert await store.get_context("chat2") is None


async def test_the_safety_state_keeps_its_other_danger(store: Store) -> None:
    both = StoredContext(None, None, None, "emergency", "overdose", 1_700_000_100.0, safety_also="crisis")
    await store.set_context("chat1", both)
    assert await store.get_context("chat1") == both


async def test_an_older_save_never_wipes_a_newer_safety_state(store: Store) -> None:
    """An emergency answered in the urgent lane is saved first; an earlier message of the same chat, which
    read the context before the emergency, saves after it. Its topic is kept, the emergency's state too."""
    emergency = StoredContext(None, None, None, "emergency", "seizure_now", 1_700_000_100.0)
    await store.set_context("chat1", emergency)
    await store.record_turn(chat_key="chat1", user_key="u", kind="answered", intent="ms_dmt",
                            context=StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms"), text="",
                            best_intent="ms_dmt", score=90.0)
    assert await store.get_context("chat1") == StoredContext("ms_dmt", "ms-immunity-and-treatment", "ms",
                                                             "emergency", "seizure_now", 1_700_000_100.0)
    older = StoredContext("ms_dmt", None, "ms", "crisis", "wish_dead", 1_700_000_000.0)
    await store.set_context("chat1", older)  # an older state does not replace a newer one
    assert (await store.get_context("chat1")).safety_kind == "emergency"  # type: ignore[union-attr]
    newer = StoredContext("ms_dmt", None, "ms", "crisis", "wish_dead", 1_700_000_200.0)
    await store.set_context("chat1", newer)  # a newer one does
    assert await store.get_context("chat1") == newer


async def test_the_safety_state_is_kept_with_the_context_across_a_reopen(opener: Opener, tmp_path: Path) -> None:
    store = await opener(tmp_path, SECRET, 30)
    state = StoredContext(None, None, None, "emergency", "seizure_now", 1_700_000_000.5)
    await store.set_context("chat1", state)
    await store.record_turn(chat_key="chat2", user_key="u", kind="crisis", intent="crisis",
                            context=StoredContext("ms_dmt", None, "ms", "crisis", "wish_dead", 7.0), text="",
                            best_intent=None, score=100.0)
    await store.close()
    reopened = await opener(tmp_path, SECRET, 30)  # as a new process would
    try:
        assert await reopened.get_context("chat1") == state
        assert await reopened.get_context("chat2") == StoredContext("ms_dmt", None, "ms", "crisis", "wish_dead", 7.0)
    finally:
        await reopened.close()


async def test_a_turn_counts_saves_context_and_keeps_only_unanswered_text(store: Store) -> None:
    for kind, intent, text in (("fallback", None, "diabetes diet"), ("ambiguous", None, "ms or epilepsy"),
                               ("topical", "ms_dmt", "ms meds please"), ("topical", "ms_dmt", "ms meds")):
        await store.record_turn(chat_key="c", user_key="u", kind=kind, intent=intent,
                                context=StoredContext(intent, None, "ms") if intent else None, text=text,
                                best_intent="ms_dmt", score=40.0)
    unmatched = await store.unmatched_since(1)
    assert sorted((u.text, u.kind, u.best_intent, u.score) for u in unmatched) == [
        ("diabetes diet", "fallback", "ms_dmt", 40.0), ("ms or epilepsy", "ambiguous", "ms_dmt", 40.0)]
    assert all(isinstance(u, UnmatchedQuestion) and u.created_at <= time.time() for u in unmatched)
    usage = {(kind, intent): count for _, kind, intent, count in await store.usage_since(1)}
    assert usage == {("fallback", ""): 1, ("ambiguous", ""): 1, ("topical", "ms_dmt"): 2}
    assert await store.get_context("c") == StoredContext("ms_dmt", None, "ms")


async def test_turns_recorded_at_once_are_all_kept(store: Store) -> None:
    await asyncio.gather(*(store.record_turn(
        chat_key=f"chat{n}", user_key=f"user{n}", kind="fallback", intent=None,
        context=StoredContext("ms_dmt", None, "ms"), text=f"question {n}", best_intent=None, score=0.0)
        for n in range(12)))
    assert len(await store.unmatched_since(1)) == 12
    assert [await store.get_context(f"chat{n}") for n in range(12)] == [StoredContext("ms_dmt", None, "ms")] * 12


async def test_feedback_one_vote_per_user_intent_and_day(store: Store) -> None:
    await store.record_feedback("u1", "ms_dmt", True)
    await store.record_feedback("u1", "ms_dmt", False)  # changes the vote
    await store.record_feedback("u2", "ms_dmt", True)
    await store.record_feedback("u2", "epilepsy_overview", False)
    assert await store.feedback_since(1) == [("epilepsy_overview", 0, 1), ("ms_dmt", 1, 1)]


async def test_forget_removes_the_users_context_questions_and_votes_only(store: Store) -> None:
    user, chat = store.key("user", 1), store.key("chat", 1)
    other_user, other_chat = store.key("user", 2), store.key("chat", 2)
    for u, c in ((user, chat), (other_user, other_chat)):
        await store.record_turn(chat_key=c, user_key=u, kind="fallback", intent=None,
                                context=StoredContext("ms_dmt", "a", "ms"), text=f"question of {u}",
                                best_intent=None, score=0.0)
        await store.record_feedback(u, "ms_dmt", True)
    assert await store.forget(user, chat) >= 3
    assert await store.get_context(chat) is None
    assert [q.text for q in await store.unmatched_since(1)] == [f"question of {other_user}"]
    assert await store.get_context(other_chat) is not None
    assert await store.feedback_since(1) == [("ms_dmt", 1, 0)]
    assert await store.forget(user, chat) == 0  # nothing left to remove


async def test_retention_removes_old_questions(store: Store) -> None:
    await store.record_turn(chat_key="c", user_key="u", kind="fallback", intent=None, context=None,
                            text="old question", best_intent=None, score=0.0)
    assert await store.purge_expired(now=time.time()) == 0
    assert await store.purge_expired(now=time.time() + 31 * 86400) == 1  # opened with 30 days
    assert await store.unmatched_since(365) == []


async def test_inbox_keeps_updates_until_done_and_never_takes_an_answered_one_back(store: Store) -> None:
    updates = [{"update_id": n, "message": {"text": f"words {n}", "from": {"id": 555}}} for n in (9, 7, 8)]
    await store.inbox_add(updates)
    await store.inbox_add([])
    assert await store.inbox_pending() == sorted(updates, key=lambda u: u["update_id"])  # oldest first
    await asyncio.gather(store.inbox_done(7), store.inbox_done(8))
    assert [u["update_id"] for u in await store.inbox_pending()] == [9]
    assert [await store.is_handled(n) for n in (7, 8, 9)] == [True, True, False]
    await store.inbox_add([updates[1]])  # a re-delivery of an answered update
    assert [u["update_id"] for u in await store.inbox_pending()] == [9]


async def test_everything_survives_a_restart(opener: Opener, tmp_path: Path) -> None:
    first = await opener(tmp_path, SECRET, 30)
    await first.set_context("c", StoredContext("ms_dmt", None, "ms"))
    await first.inbox_add([{"update_id": 20}, {"update_id": 21}])
    await first.inbox_done(20)
    key = first.key("user", 5)
    await first.close()
    second = await opener(tmp_path, SECRET, 30)  # a new process
    try:
        assert second.key("user", 5) == key
        assert await second.get_context("c") == StoredContext("ms_dmt", None, "ms")
        assert await second.is_handled(20) and not await second.is_handled(21)
        assert await second.inbox_pending() == [{"update_id": 21}]
    finally:
        await second.close()


async def test_content_versions_are_noted_once_per_change(store: Store) -> None:
    assert await store.note_served("a", "d1", "2026-11-20", True)
    assert not await store.note_served("a", "d1", "2026-11-20", True)  # the same version: nothing new
    assert await store.note_served("b", "x1", "2026-11-20", False)
    assert await store.note_served("a", "d2", "2026-11-20", False)  # edited after review
    assert await store.note_served("a", "d1", "2026-11-20", True)  # reverted: served again from now
    versions = await store.served_versions("a")
    assert [(v.digest, v.as_reviewed) for v in versions] == [("d1", True), ("d2", False), ("d1", True)]
    assert versions[0].first_served <= versions[1].first_served <= versions[2].first_served
    assert [v.slug for v in await store.served_versions()] == ["a", "b", "a", "a"]


# -- talking to a person ---------------------------------------------------------------------------


async def test_a_handover_ticket_from_opening_to_closed(store: Store) -> None:
    now = time.time()
    ticket = await store.handover_create("chat-a", 42, "MS fatigue", now)
    opening = await store.handover_of_chat("chat-a")
    assert opening is not None and opening.status == "opening" and await store.handovers_open() == []
    await store.handover_opened(ticket, 7)
    assert await store.handovers_open() == [HandoverRecord(ticket, "open", "chat-a", 42, 7, "MS fatigue", now, None)]
    await store.handover_replied(ticket, now + 60)
    await store.handover_replied(ticket, now + 90)  # only the first reply counts
    assert await store.handover_close(ticket, "team", now + 120)
    assert not await store.handover_close(ticket, "team", now + 130)
    assert await store.handover_of_chat("chat-a") is None
    assert await store.handover_of_thread(7) == HandoverRecord(ticket, "closed", None, None, 7, "MS fatigue", now,
                                                               now + 60)
    assert await store.handover_times(now - 1) == [(now, now + 60, now + 120)]


async def test_an_open_route_survives_a_restart_but_not_a_new_secret(opener: Opener, tmp_path: Path) -> None:
    first = await opener(tmp_path, SECRET, 30)
    ticket = await first.handover_create("chat-a", 42, None, time.time())
    await first.handover_opened(ticket, 7)
    await first.close()
    again = await opener(tmp_path, SECRET, 30)
    assert [r.chat_id for r in await again.handovers_open()] == [42]
    await again.close()
    other = await opener(tmp_path, "another-secret", 30)
    assert [r.chat_id for r in await other.handovers_open()] == [None]  # unreadable, never wrong
    await other.close()


async def test_forget_and_retention_close_tickets_and_erase_routes(store: Store) -> None:
    now = time.time()
    for n, key in enumerate(("chat-a", "chat-b")):
        ticket = await store.handover_create(key, 40 + n, None, now - n * 40 * 86400)  # chat-b: 40 days ago
        await store.handover_opened(ticket, 70 + n)
    await store.forget(store.key("user", 1), "chat-a")
    await store.purge_expired()  # this store keeps 30 days
    assert await store.handovers_open() == []
    assert [(r.status, r.chat_id, r.chat_key) for r in (await store.handover_of_thread(70),
                                                        await store.handover_of_thread(71)) if r] == [
        ("closed", None, None), ("closed", None, None)]


async def test_safety_replies_are_remembered_for_an_hour_only(store: Store) -> None:
    now = time.time()
    await store.mark_safety_shown("old", "emergency", now - 3700)
    await store.mark_safety_shown("new", "crisis", now)
    assert await store.safety_shown_since("old", 0) is None
    assert await store.safety_shown_since("new", now - 3600) == "crisis"
    await store.forget(store.key("user", 1), "new")
    assert await store.safety_shown_since("new", 0) is None


async def test_ticket_numbers_are_never_reused(store: Store) -> None:
    first = await store.handover_create("k", 1, None, time.time())
    await store.handover_delete(first)  # its staff topic could not be created
    assert await store.handover_create("k", 1, None, time.time()) == first + 1


async def test_feedback_one_vote_per_user_and_message_however_many_days_apart(store: Store) -> None:
    yesterday = time.time() - 86400
    await store.record_feedback("u1", "ms_dmt", True, "message-1", now=yesterday)
    await store.record_feedback("u1", "ms_dmt", False, "message-1")  # the same message today: the vote changes
    await store.record_feedback("u2", "ms_dmt", True, "message-1", now=yesterday)  # another person
    await store.record_feedback("u1", "ms_overview", True, "message-2", now=yesterday)
    await store.record_feedback("u1", "ms_overview", True, "message-3")  # another message, another day
    assert await store.feedback_since(2) == [("ms_dmt", 1, 1), ("ms_overview", 2, 0)]
