"""Labelled evaluation sets, in every format `python -m bot evaluate` reads, as one list of conversations.

Formats (a file is recognised by its shape):

* the development set: a top-level list of `{text | turns, intent (null = out of scope), tags}`; only the last
  turn of `turns` is labelled;
* single messages: `items: [{text, expect, persona?, kind?}]`, `expect` an intent id or `out_of_scope`, `kind`
  (near_miss | far | gibberish | other_language) for out-of-scope items;
* dialogues: `dialogues: [{persona, turns: [{text, expect}]}]`, every turn labelled, context carried;
* passages: `items: [{text, intent, passages: [...]}]`, each passage a paragraph index within the intent's
  section (0-based, or 1-based with a top-level `index_base: 1`) or the first words of the paragraph.

An expected id that intents.yaml does not have ("handover" before it exists) is kept: it counts as a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

OUT_OF_SCOPE = "out_of_scope"
OOS_KINDS = ("near_miss", "far", "gibberish", "other_language", "other")


class SetError(ValueError):
    """A set file that cannot be read; the message names the file and the item."""


@dataclass(frozen=True, slots=True)
class Step:
    """One message of a conversation and what it should get (None: not scored)."""

    text: str
    expect: str | None
    kind: str = ""  # for out-of-scope: near_miss, far, gibberish, other_language, other
    passages: tuple[int | str, ...] = ()  # the paragraphs that answer it (passage sets)


@dataclass(frozen=True, slots=True)
class Conversation:
    """Messages sent one after another in one chat (a single message is a conversation of one)."""

    steps: tuple[Step, ...]
    persona: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvalSet:
    name: str
    form: str  # devset | items | dialogues | passages
    conversations: tuple[Conversation, ...]
    index_base: int = 0


def _expect(value: Any) -> str:
    return OUT_OF_SCOPE if value in (None, "", OUT_OF_SCOPE, "null") else str(value)


def _oos_kind(item: dict[str, Any], expect: str) -> str:
    if expect != OUT_OF_SCOPE:
        return ""
    kind = str(item.get("kind") or "")
    tags = item.get("tags") or ()
    if not kind and "overlap" in tags:
        kind = "near_miss"  # the development set's word for a message sharing words with our topics
    return kind if kind in OOS_KINDS else "other"


def _devset(raw: list[Any], name: str) -> list[Conversation]:
    found = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not (item.get("text") or item.get("turns")):
            raise SetError(f"{name}: item {number} needs text or turns")
        texts = [str(t) for t in (item.get("turns") or [item["text"]])]
        expect = _expect(item.get("intent"))
        last = Step(texts[-1], expect, _oos_kind(item, expect))
        steps = (*(Step(t, None) for t in texts[:-1]), last)
        found.append(Conversation(steps, str(item.get("persona") or ""), tuple(item.get("tags") or ())))
    return found


def _passages(item: dict[str, Any]) -> tuple[int | str, ...]:
    value = item.get("passages")
    value = value if isinstance(value, list) else [value]
    return tuple(v if isinstance(v, int) and not isinstance(v, bool) else str(v) for v in value if v is not None)


def _items(raw: list[Any], name: str) -> list[Conversation]:
    found = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not item.get("text"):
            raise SetError(f"{name}: items[{number}] needs a text")
        expect = _expect(item.get("expect", item.get("intent")))
        step = Step(str(item["text"]), expect, _oos_kind(item, expect), _passages(item) if "passages" in item else ())
        found.append(Conversation((step,), str(item.get("persona") or ""), tuple(item.get("tags") or ())))
    return found


def _dialogues(raw: list[Any], name: str) -> list[Conversation]:
    found = []
    for number, dialogue in enumerate(raw, 1):
        turns = dialogue.get("turns") if isinstance(dialogue, dict) else None
        if not isinstance(turns, list) or not turns:
            raise SetError(f"{name}: dialogues[{number}] needs a list of turns")
        steps = []
        for place, turn in enumerate(turns, 1):
            if not isinstance(turn, dict) or not turn.get("text"):
                raise SetError(f"{name}: dialogues[{number}].turns[{place}] needs a text")
            expect = _expect(turn.get("expect", turn.get("intent")))
            steps.append(Step(str(turn["text"]), expect, _oos_kind(turn, expect)))
        found.append(Conversation(tuple(steps), str(dialogue.get("persona") or ""), tuple(dialogue.get("tags") or ())))
    return found


def load_set(path: Path) -> list[EvalSet]:
    """Every set in one file: a file may hold both `items` and `dialogues` (reported apart)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise SetError(f"{path}: cannot be read: {err}") from err
    name = path.name
    if isinstance(raw, list):
        return [EvalSet(name, "devset", tuple(_devset(raw, name)))]
    if not isinstance(raw, dict) or not ({"items", "dialogues"} & set(raw)):
        raise SetError(f"{path}: expected a list of cases, or a mapping with items and/or dialogues")
    base = raw.get("index_base", 0)
    sets = []
    items = raw.get("items") or []
    if items:
        passage_form = any(isinstance(i, dict) and "passages" in i for i in items)
        sets.append(EvalSet(name if "dialogues" not in raw else f"{name} (items)",
                            "passages" if passage_form else "items", tuple(_items(items, name)),
                            base if isinstance(base, int) else 0))
    if raw.get("dialogues"):
        sets.append(EvalSet(name if not items else f"{name} (dialogues)", "dialogues",
                            tuple(_dialogues(raw["dialogues"], name))))
    return sets
