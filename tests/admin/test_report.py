"""Admin views over a real SQLite store filled through real conversations."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.admin.report import (
    cluster_questions,
    format_suggestions,
    format_unmatched,
    format_usage,
    suggest_keywords,
    unmatched_groups,
    usage_report,
)
from bot.content.knowledge import Library
from bot.core.conversation import Conversation, recorded_kind
from bot.core.engine import Context, Engine, Turn
from bot.core.kinds import CONTEXT_REPEAT, FOLLOW_UP
from bot.core.reply import Reply
from bot.storage.protocol import Store, UnmatchedQuestion
from bot.storage.sqlite import SQLiteStore
from tests.helpers import REPO

# Long questions with one topic word ("relapse") and many words no keyword knows: they fall back near a topic.
STEROID_QUESTIONS = (
    "steroid infusion for my relapse gave me awful nausea for days",
    "steroid infusion after a relapse gave me a metallic taste and hiccups",
    "how many days of steroid infusion do neurologists give for a bad relapse",
)
ANSWERED = ("topical",)  # matched on its own; follow-ups are tested below


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(REPO)


@pytest.fixture
async def conversation(tmp_path: Path, library: Library) -> AsyncIterator[Conversation]:
    store = await SQLiteStore.open(tmp_path / "bot.sqlite3", "test-secret")
    yield Conversation(Engine(library, "https://content.example"), store)
    await store.close()


def store_of(conversation: Conversation) -> Store:
    assert conversation.store is not None
    return conversation.store


async def say(conversation: Conversation, *texts: str) -> list[str]:
    """Send each message from a new user (no follow-up context between them); returns each turn's kind."""
    return [(await conversation.message(100 + n, 100 + n, text)).kind for n, text in enumerate(texts)]


async def test_usage_report_counts_what_was_said(conversation: Conversation) -> None:
    kinds = await say(conversation, "what is multiple sclerosis", "what is multiple sclerosis",
                      "what is refractory epilepsy", "diabetes diet", "how do i renew my passport",
                      "he is having a seizure right now")
    assert kinds[0] == "topical" and kinds[-1] == "emergency" and kinds[-2] == "fallback"
    ms = await conversation.message(2, 2, "what is multiple sclerosis")
    await conversation.action(2, 2, f"fb:{ms.intent_id}:0")  # a vote is not a message
    kinds.append(ms.kind)

    report = await usage_report(store_of(conversation), 7)

    answered = sum(kind in ANSWERED for kind in kinds)
    assert report.messages == len(kinds) == 7
    assert report.answered == answered and report.fallback == kinds.count("fallback")
    assert report.ambiguous == kinds.count("ambiguous")
    assert report.answered_rate == pytest.approx(answered / 7)
    assert report.fallback_rate == pytest.approx(kinds.count("fallback") / 7)
    assert report.safety == {"emergency": 1, "crisis": 0, "medication_change": 0}
    assert report.top_intents[0] == (ms.intent_id, 3)
    assert [(f.intent, f.helpful, f.not_helpful) for f in report.feedback] == [(ms.intent_id, 0, 1)]
    assert len(report.daily) == 7 and report.daily[-1].answered == answered
    assert report.daily[-1].fallback == kinds.count("fallback")
    assert sum(d.answered + d.fallback + d.ambiguous for d in report.daily[:-1]) == 0


async def test_usage_text_is_readable(conversation: Conversation) -> None:
    kinds = await say(conversation, "what is multiple sclerosis", "how do i renew my passport")
    assert kinds == ["topical", "fallback"]
    text = format_usage(await usage_report(store_of(conversation), 7))
    assert "last 7 days" in text and "Messages: 2" in text
    assert "Answered: 1 (50%): 1 on its own, 0 as a follow-up" in text and "No answer (fallback): 1 (50%)" in text
    assert "ms_overview" in text and "emergency 0" in text


def test_a_context_answer_is_a_follow_up_only_when_it_moves_to_another_topic() -> None:
    reply, before = Reply(kind="topical"), Context("ms_overview", "ms-immune-role", "ms")
    assert recorded_kind(Turn(reply, "topical", "ms_overview"), before) == "topical"  # found on its own
    assert recorded_kind(Turn(reply, "topical", "ms_dmt", follow_up="subject"), before) == FOLLOW_UP
    assert recorded_kind(Turn(reply, "topical", "ms_overview", follow_up="subject"), before) == CONTEXT_REPEAT
    assert recorded_kind(Turn(reply, "fallback"), before) == "fallback"


async def test_repeats_smalltalk_and_safety_are_counted_apart_from_answers(conversation: Conversation) -> None:
    before, said = Context(), []
    for text in ("what is multiple sclerosis", "hmm", "what about treatment", "hello", "I want to kill myself"):
        turn = await conversation.message(7, 7, text)
        said.append(recorded_kind(turn, before))
        before = turn.context if turn.kind == "topical" else before
    assert said[0] == "topical" and said[-2:] == ["smalltalk", "crisis"]

    report = await usage_report(store_of(conversation), 1)

    assert (report.messages, report.answered, report.follow_ups, report.context_repeats, report.smalltalk) == (
        5, said.count("topical") + said.count(FOLLOW_UP), said.count(FOLLOW_UP), said.count(CONTEXT_REPEAT), 1)
    assert report.safety["crisis"] == 1 and report.daily[-1].repeats == said.count(CONTEXT_REPEAT)
    assert sum(n for _, n in report.top_intents) == report.answered  # repeats are not counted as topics


async def test_the_report_text_names_each_kind_apart(conversation: Conversation) -> None:
    store = store_of(conversation)
    for kind, intent in (("topical", "ms_overview"), (FOLLOW_UP, "ms_dmt"), (CONTEXT_REPEAT, "ms_dmt"),
                         ("smalltalk", "greeting"), ("crisis", "crisis")):
        await store.record_turn(chat_key="c", user_key="u", kind=kind, intent=intent, context=None, text="",
                                best_intent=None, score=0)
    text = format_usage(await usage_report(store, 1))
    assert "Answered: 2 (40%): 1 on its own, 1 as a follow-up" in text
    assert "Repeated the last answer (message not understood alone): 1 (20%)" in text
    assert "Small talk (hello, thanks, help): 1" in text and "crisis 1" in text
    assert "      1  ms_dmt" in text  # the follow-up, not the repeat


async def test_kinds_recorded_by_other_channels_are_shown_under_their_own_name(conversation: Conversation) -> None:
    store = store_of(conversation)
    for kind in ("handover", "handover", "topical"):
        await store.record_turn(chat_key="c", user_key="u", kind=kind, intent=None, context=None, text="",
                                best_intent=None, score=0)
    report = await usage_report(store, 1)
    assert (report.answered, report.other) == (1, {"handover": 2})
    assert "Other: handover 2" in format_usage(report)


async def test_empty_store_gives_an_empty_report(conversation: Conversation) -> None:
    report = await usage_report(store_of(conversation), 1)
    assert report.messages == 0 and report.answered_rate == 0.0 and report.period.startswith("today")
    assert "Messages: 0" in format_usage(report)


async def test_unmatched_groups_merge_the_same_question(conversation: Conversation, library: Library) -> None:
    kinds = await say(conversation, "diabetes diet", "Diabetes diets?", "how do i renew my library card",
                      "diabetes diet")
    assert set(kinds) == {"fallback"}

    groups = await unmatched_groups(store_of(conversation), library.current, 30, limit=10)

    assert [g.count for g in groups] == [3, 1]
    diabetes, card = groups
    assert set(diabetes.examples) == {"diabetes diet", "Diabetes diets?"}
    assert diabetes.nearest_intent == library.current.matcher.score("diabetes diet")[0].intent_id
    assert card.examples == ["how do i renew my library card"] and card.nearest_intent is None
    assert diabetes.last_seen <= time.time()
    text = format_unmatched(groups)
    assert '3x "' in text and "how do i renew my library card" in text


async def test_unmatched_groups_respect_the_limit(conversation: Conversation, library: Library) -> None:
    await say(conversation, "diabetes diet", "how do i renew my passport", "best pizza in town")
    groups = await unmatched_groups(store_of(conversation), library.current, 30, limit=2)
    assert len(groups) == 2


def question(text: str, when: float = 1000.0) -> UnmatchedQuestion:
    return UnmatchedQuestion(text, "fallback", None, 0.0, when)


def test_grouping_keeps_different_questions_apart() -> None:
    questions = [question(t) for t in ("diabetes diet", "diabetes diets?", "insulin pump settings",
                                       "diabetes", "can my cat catch epilepsy", "can my cat get epilepsy")]
    groups = {frozenset(g.examples): g.count for g in cluster_questions(questions)}
    assert groups[frozenset({"diabetes diet", "diabetes diets?"})] == 2
    assert groups[frozenset({"insulin pump settings"})] == 1
    assert groups[frozenset({"diabetes"})] == 1  # a one-word question does not swallow longer ones
    assert groups[frozenset({"can my cat catch epilepsy", "can my cat get epilepsy"})] == 2


async def test_suggest_proposes_a_phrase_from_unmatched_questions(conversation: Conversation,
                                                                  library: Library) -> None:
    kinds = await say(conversation, *STEROID_QUESTIONS, "diabetes diet", "diabetes diet")
    assert set(kinds) == {"fallback"}, "the steroid questions must not be answered for this test"
    nearest = library.current.matcher.score(STEROID_QUESTIONS[0])[0].intent_id

    suggestions = await suggest_keywords(store_of(conversation), library.current, 30)

    steroid = next(s for s in suggestions if s.phrase == "steroid infusion")
    assert steroid.intent == nearest and steroid.count == 3 and steroid.example in STEROID_QUESTIONS
    assert not any(s.phrase == "relapse" for s in suggestions), "an existing keyword is never suggested"
    assert not any("diabetes" in s.phrase for s in suggestions), "only questions near a topic count"
    assert "steroid infusion" in format_suggestions(suggestions)
