"""What an intent is, apart from how intents.yaml is read (bot/content/intents.py): the matcher and the core
need the type, not the loader, so they import this small module only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["topical", "smalltalk", "safety", "out_of_scope", "handover"]
KINDS: tuple[Kind, ...] = ("topical", "smalltalk", "safety", "out_of_scope", "handover")
SAFETY_IDS = ("emergency", "crisis", "medication_change")
MEDICATION_CHANGE = "medication_change"  # after its reply, a change asked in a few words is read with it
HANDOVER_ID = "handover"  # asking to talk to a person: the bot offers to pass the chat to the team
FIRST_AID_INTENT = "seizure_first_aid"  # answered from the first-aid article's steps, not one passage
FIRST_AID_ARTICLE = "seizure-first-aid"


@dataclass(frozen=True, slots=True)
class MatchSettings:
    threshold: float = 68.0
    ambiguity_margin: float = 6.0


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    kind: Kind
    keywords: Sequence[str]  # a TextList when loaded from the file
    examples: Sequence[str] = ()
    article: str | None = None
    section: str | None = None
    treatments: bool = False
    about_medicines: bool = False  # about the medicines a person takes: a change asked next is a medication decision
    formed_by: str = ""  # the topic that says how this one's subject comes about: "how do they form?" goes there
    label: str = ""
    follow_ups: tuple[str, ...] = ()
    # "gut bacteria" is ours only beside the brain or mood: a message with none of these words is not about it
    needs_one_of: tuple[str, ...] = ()
    reply: str = ""
    line: int = 0
