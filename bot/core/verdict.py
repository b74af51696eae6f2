"""The verdict on the matcher's evidence for one message: the type `bot.core.decide` gives and compose reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.nlu.matcher import Candidate

Status = Literal["matched", "ambiguous", "fallback"]


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on the matcher's evidence for one message."""

    status: Status
    intent_id: str | None
    score: float
    keyword: str | None
    candidates: tuple[Candidate, ...] = ()
    reason: str = ""
    options: tuple[str, ...] = ()  # "ambiguous": the topics to offer ("Did you mean ...?"); "matched": close rivals
    foreign: tuple[str, ...] = ()  # health words of the message that no article covers ("rash")
