"""bot/core/kinds.py: the kinds a turn is recorded as besides the engine's own."""

from __future__ import annotations

from bot.core.conversation import recorded_kind
from bot.core.engine import SAFETY_KINDS, Context, Turn
from bot.core.kinds import CONTEXT_REPEAT, FOLLOW_UP, RECORDED_KINDS
from bot.core.reply import Reply


def test_the_recorded_kinds_are_distinct_from_each_other_and_from_the_engines() -> None:
    engine_kinds = {"topical", "smalltalk", "fallback", "ambiguous", *SAFETY_KINDS}
    assert len(set(RECORDED_KINDS)) == len(RECORDED_KINDS) == 2
    assert not set(RECORDED_KINDS) & engine_kinds  # a report could not tell them apart otherwise


def test_the_record_step_writes_these_kinds() -> None:
    before = Context("ms_overview", "ms", "MS", None)
    reply = Reply(kind="topical")
    assert recorded_kind(Turn(reply, "topical", "ms_dmt", follow_up="subject"), before) == FOLLOW_UP
    assert recorded_kind(Turn(reply, "topical", "ms_overview", follow_up="subject"), before) == CONTEXT_REPEAT
    assert recorded_kind(Turn(reply, "topical", "ms_dmt"), before) == "topical"
