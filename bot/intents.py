"""`intents.yaml`: loading and validating every intent, never half-applying a broken file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.content import Article
from bot.problems import Problem
from bot.yamlsource import LineDict, item_line, line_of, load_yaml, syntax_error_line

Kind = Literal["topical", "smalltalk", "safety", "out_of_scope"]
KINDS: tuple[Kind, ...] = ("topical", "smalltalk", "safety", "out_of_scope")
SAFETY_IDS = ("emergency", "crisis", "medication_change")
MIN_EXAMPLES = 5
MAX_ID_LENGTH = 40  # keeps every callback_data under Telegram's 64 bytes
_ID = re.compile(r"[a-z][a-z0-9_]*")
_INTENT_FIELDS = {"id", "kind", "article", "section", "treatments", "label", "keywords", "examples",
                  "follow_ups", "reply"}


@dataclass(frozen=True, slots=True)
class MatchSettings:
    threshold: float = 68.0
    ambiguity_margin: float = 6.0


@dataclass(frozen=True, slots=True)
class Intent:
    id: str
    kind: Kind
    keywords: tuple[str, ...]
    examples: tuple[str, ...] = ()
    article: str | None = None
    section: str | None = None
    treatments: bool = False
    label: str = ""
    follow_ups: tuple[str, ...] = ()
    reply: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class IntentFile:
    settings: MatchSettings
    intents: tuple[Intent, ...]

    def by_id(self) -> dict[str, Intent]:
        return {i.id: i for i in self.intents}


class _Collector:
    """Gathers problems for one file so that every check can report and carry on."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def error(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message))

    def warn(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message, "warning"))


def _settings(raw: Any, out: _Collector) -> MatchSettings:
    if raw is None:
        return MatchSettings()
    if not isinstance(raw, dict):
        out.error(line_of(raw, default=1), "settings", "must be a mapping")
        return MatchSettings()
    values: dict[str, float] = {}
    for key, low, high in (("threshold", 1, 100), ("ambiguity_margin", 0, 50)):
        value = raw.get(key, getattr(MatchSettings(), key))
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            out.error(line_of(raw, key), f"settings.{key}", f"must be a number from {low} to {high}, got {value!r}")
            continue
        values[key] = float(value)
    for key in set(raw) - {"threshold", "ambiguity_margin"}:
        out.warn(line_of(raw, key), f"settings.{key}", "unknown setting (ignored)")
    return MatchSettings(**values)


def _text_list(raw: dict, key: str, where: str, out: _Collector) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        out.error(line_of(raw, key), f"{where}.{key}", "must be a list")
        return ()
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str | int | float) or not str(item).strip():
            out.error(item_line(value, index, line_of(raw, key)), f"{where}.{key}", f"item {index + 1} is empty")
            continue
        items.append(" ".join(str(item).split()))
    return tuple(items)


def _intent(raw: Any, index: int, out: _Collector, articles: dict[str, Article]) -> Intent | None:
    line = line_of(raw, default=1)
    if not isinstance(raw, dict):
        out.error(line, f"intents[{index}]", "must be a mapping with id, keywords, ...")
        return None
    intent_id = raw.get("id")
    where = f"intents[{intent_id}]" if isinstance(intent_id, str) else f"intents[{index}]"
    if not isinstance(intent_id, str) or not _ID.fullmatch(intent_id) or len(intent_id) > MAX_ID_LENGTH:
        out.error(line_of(raw, "id", line), f"{where}.id",
                  f"must be lowercase letters, digits and _ (max {MAX_ID_LENGTH}), got {intent_id!r}")
        return None
    for key in set(raw) - _INTENT_FIELDS:
        out.warn(line_of(raw, key), f"{where}.{key}", "unknown field (ignored)")
    kind = raw.get("kind", "topical")
    if kind not in KINDS:
        out.error(line_of(raw, "kind", line), f"{where}.kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
        return None
    keywords = _text_list(raw, "keywords", where, out)
    if not keywords:
        out.error(line_of(raw, "keywords", line), f"{where}.keywords", "must list at least one keyword")
    examples = _text_list(raw, "examples", where, out)
    follow_ups = _text_list(raw, "follow_ups", where, out)
    article, section = raw.get("article"), raw.get("section")
    if kind == "topical":
        _check_target(raw, where, article, section, out, articles)
        if len(examples) < MIN_EXAMPLES:
            out.error(line_of(raw, "examples", line), f"{where}.examples",
                      f"needs at least {MIN_EXAMPLES} examples, has {len(examples)}")
    elif article is not None:
        out.error(line_of(raw, "article"), f"{where}.article", f"only topical intents have an article (kind: {kind})")
    reply = raw.get("reply", "")
    if kind == "smalltalk" and (not isinstance(reply, str) or not reply.strip()):
        out.error(line_of(raw, "reply", line), f"{where}.reply", "smalltalk intents need a reply text")
    if kind == "safety" and intent_id not in SAFETY_IDS:
        out.error(line_of(raw, "kind", line), f"{where}.kind", f"safety intents are {', '.join(SAFETY_IDS)} only")
    label = raw.get("label") or ""
    if not isinstance(label, str) or len(label) > 40:
        out.error(line_of(raw, "label", line), f"{where}.label", "must be a text of at most 40 characters")
        label = ""
    return Intent(
        id=intent_id, kind=kind, keywords=keywords, examples=examples,
        article=article if kind == "topical" else None, section=section if kind == "topical" else None,
        treatments=bool(raw.get("treatments", False)), label=label, follow_ups=follow_ups,
        reply=str(reply).strip(), line=line or 0,
    )


def _check_target(raw: dict, where: str, article: Any, section: Any, out: _Collector,
                  articles: dict[str, Article]) -> None:
    if not isinstance(article, str) or not article:
        out.error(line_of(raw, "article", raw.line), f"{where}.article", "topical intents need an article slug")
        return
    found = articles.get(article)
    if found is None:
        known = ", ".join(sorted(articles)) or "none loaded"
        out.error(line_of(raw, "article"), f"{where}.article", f"unknown article '{article}' (known: {known})")
        return
    if section is not None and found.section(str(section)) is None:
        known = ", ".join(s.id for s in found.sections)
        out.error(line_of(raw, "section"), f"{where}.section",
                  f"article '{article}' has no section '{section}' (sections: {known})")


def _cross_checks(intents: list[Intent], list_line: int | None, out: _Collector) -> None:
    seen: dict[str, int] = {}
    for intent in intents:
        if intent.id in seen:
            out.error(intent.line, f"intents[{intent.id}].id",
                      f"duplicate id '{intent.id}' (first defined on line {seen[intent.id]})")
        else:
            seen[intent.id] = intent.line
    for intent in intents:
        for target in intent.follow_ups:
            if target not in seen:
                out.error(intent.line, f"intents[{intent.id}].follow_ups", f"unknown intent id '{target}'")
    for safety_id in SAFETY_IDS:
        if safety_id not in seen:
            out.error(list_line, "intents", f"the safety intent '{safety_id}' is missing")


def parse_intents(text: str, articles: dict[str, Article], file: str = "intents.yaml") -> tuple[
        IntentFile | None, list[Problem]]:
    """Validate the whole file; returns None with every problem when any error is found."""
    out = _Collector(file)
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as err:
        message = str(getattr(err, "problem", None) or err)
        out.error(syntax_error_line(err), "yaml", f"bad YAML syntax: {message}")
        return None, out.problems
    if not isinstance(raw, LineDict) or not isinstance(raw.get("intents"), list):
        out.error(line_of(raw, default=1), "intents", "the file needs a top-level 'intents:' list")
        return None, out.problems
    settings = _settings(raw.get("settings"), out)
    intents = [i for n, r in enumerate(raw["intents"]) if (i := _intent(r, n, out, articles))]
    _cross_checks(intents, line_of(raw, "intents"), out)
    if any(p.severity == "error" for p in out.problems):
        return None, out.problems
    return IntentFile(settings, tuple(intents)), out.problems


def load_intents(path: Path, articles: dict[str, Article]) -> tuple[IntentFile | None, list[Problem]]:
    """Read and validate `intents.yaml`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(path.name, None, "file", f"cannot be read: {err}")]
    return parse_intents(text, articles, path.name)
