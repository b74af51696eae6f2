"""Button actions: the callback data our buttons carry, read strictly.

Callback data comes back from the user's client, so it is untrusted: an old keyboard, a hand-made
callback or a deep link can hold anything. Only the forms the composer writes are accepted:

    i:<intent id>            a topic
    tp  or  tp:<slug>        the menu, or one article's topics
    tr:<slug>                an article's treatments
    ar:<slug>:<part>         a part of the full article
    fb:<intent id>:<0|1>     a feedback vote
    ho  or  ho:<y|n|end>     talk to a person; yes, no; end the chat (bot/core/handover_replies.py)

Anything else is None ("this button has expired"), never an exception: `str.isdigit` accepts "²",
which `int` then refuses, so numbers are checked as ASCII digits here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DATA_BYTES = 64  # Telegram's limit for callback_data
MAX_PART = 999
_INTENT_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")  # bot.intents: lowercase, digits, _; at most 40
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PART = re.compile(r"[0-9]{1,3}")
_HANDOVER_STEPS = ("y", "n", "end")
MAX_SLUG = 60


@dataclass(frozen=True, slots=True)
class Action:
    """One parsed button press."""

    name: str  # i, tp, tr, ar, fb, ho
    target: str = ""  # the intent id or article slug; the handover step
    number: int = 0  # the article part, or the vote (1 helpful, 0 not)


def _slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and _SLUG.fullmatch(text) is not None


def parse_action(data: str) -> Action | None:
    """The action `data` asks for, or None when it is not one our buttons carry."""
    if not data or not data.isascii() or len(data) > MAX_DATA_BYTES:
        return None
    name, *rest = data.split(":")
    if name == "i" and len(rest) == 1 and _INTENT_ID.fullmatch(rest[0]):
        return Action("i", rest[0])
    if name == "tp" and (not rest or (len(rest) == 1 and _slug(rest[0]))):
        return Action("tp", rest[0] if rest else "")
    if name == "tr" and len(rest) == 1 and _slug(rest[0]):
        return Action("tr", rest[0])
    if name == "ar" and len(rest) == 2 and _slug(rest[0]) and _PART.fullmatch(rest[1]):
        return Action("ar", rest[0], int(rest[1]))
    if name == "fb" and len(rest) == 2 and _INTENT_ID.fullmatch(rest[0]) and rest[1] in ("0", "1"):
        return Action("fb", rest[0], int(rest[1]))
    if name == "ho" and (not rest or (len(rest) == 1 and rest[0] in _HANDOVER_STEPS)):
        return Action("ho", rest[0] if rest else "")
    return None
