"""`intents.yaml`: loading and validating every intent, never half-applying a broken file."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, overload

import yaml

from bot.content.admin_files import INTENTS_MAX_BYTES, AdminFileError, read_admin_text
from bot.content.articles import Article
from bot.content.intent import HANDOVER_ID, KINDS, SAFETY_IDS, Intent, MatchSettings
from bot.content.problems import Problem, close_match, did_you_mean
from bot.content.yaml_errors import yaml_problem
from bot.content.yamlsource import LineDict, item_line, line_of, load_yaml, split_block_list

MIN_EXAMPLES = 5
MAX_ID_LENGTH = 40  # keeps every button action naming an intent within the core's ACTION_MAX_BYTES
_ID = re.compile(r"[a-z][a-z0-9_]*")
_INTENT_FIELDS = {"id", "kind", "article", "section", "treatments", "about_medicines", "formed_by", "label",
                  "keywords", "examples", "follow_ups", "reply", "needs_one_of"}
# A misspelt field loses what it holds. For these the loss only weakens the intent (a warning); for the
# others (keywords, article, section, kind, reply) the intent would answer wrongly or not at all (an error).
_OPTIONAL_FIELDS = {"examples", "label", "follow_ups", "treatments", "about_medicines", "formed_by", "needs_one_of"}
_SETTINGS = ("threshold", "ambiguity_margin")


class TextList(Sequence[str]):
    """An intent's keywords or examples: read like a tuple of texts, kept as one newline-joined string.

    At 10,000 intents that is 10,000 strings instead of 250,000 (keywords 20 -> 6.5 MB), and 250,000 fewer
    small objects for the allocator to scatter; a snapshot is then small enough to hold twice during a reload.
    Texts are single lines (the loader joins each item's whitespace), so the newline cannot be part of one.
    """

    __slots__ = ("_joined",)

    def __init__(self, items: Iterable[str] = ()) -> None:
        texts = tuple(items)
        if any("\n" in text for text in texts):
            raise ValueError("a keyword or example is one line")
        self._joined = "\n".join(texts) if texts else None

    def _texts(self) -> tuple[str, ...]:
        return tuple(self._joined.split("\n")) if self._joined is not None else ()

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, int) and index >= 0 and self._joined is not None:
            # The matcher names each candidate's keyword by its place: split only as far as that place.
            return self._joined.split("\n", index + 1)[index]
        return self._texts()[index]

    def __len__(self) -> int:
        return 0 if self._joined is None else self._joined.count("\n") + 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts())

    def __contains__(self, text: object) -> bool:
        return text in self._texts()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TextList):
            return self._joined == other._joined
        return self._texts() == tuple(other) if isinstance(other, tuple | list) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._texts())

    def __repr__(self) -> str:
        return repr(self._texts())


@dataclass(frozen=True, slots=True)
class IntentFile:
    settings: MatchSettings
    intents: tuple[Intent, ...]
    parsed: dict[bytes, _Parsed] = field(default_factory=dict, compare=False, repr=False)  # items, for a reload

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

    def add(self, severity: str, line: int | None, field: str, message: str) -> None:
        (self.error if severity == "error" else self.warn)(line, field, message)


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
    for key in sorted(set(raw) - set(_SETTINGS), key=str):
        out.warn(line_of(raw, key), f"settings.{key}",
                 f"unknown setting '{key}' (ignored).{did_you_mean(str(key), _SETTINGS)}")
    return MatchSettings(**values)


def _text_list(raw: dict, key: str, where: str, out: _Collector) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        out.error(line_of(raw, key), f"{where}.{key}", "must be a list")
        return ()
    if all(item.__class__ is str for item in value):  # the usual list: texts only, nothing to report ...
        texts = tuple(" ".join(item.split()) for item in value)
        if all(texts):  # ... unless one is blank: then item by item below, which names it
            return texts
    items = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            out.error(item_line(value, index, line_of(raw, key)), f"{where}.{key}",
                      f"item {index + 1} has ': ' in it, so YAML reads it as a field, not a text: put the whole "
                      "item in quotes")
            continue
        if not isinstance(item, str | int | float) or not str(item).strip():
            out.error(item_line(value, index, line_of(raw, key)), f"{where}.{key}", f"item {index + 1} is empty")
            continue
        items.append(" ".join(str(item).split()))
    return tuple(items)


def _intent(raw: Any, index: int, out: _Collector) -> Intent | None:
    """One intent, checked on its own (its article and section are checked by `_check_target`)."""
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
    misspelt = _unknown_fields(raw, where, out)
    if misspelt - _OPTIONAL_FIELDS:
        return None  # reported once, as the misspelling: what follows from the missing field is no news
    kind = raw.get("kind", "topical")
    if kind not in KINDS:
        out.error(line_of(raw, "kind", line), f"{where}.kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
        return None
    keywords = _text_list(raw, "keywords", where, out)
    if not keywords:
        out.error(line_of(raw, "keywords", line), f"{where}.keywords", "must list at least one keyword")
    examples = _text_list(raw, "examples", where, out)
    follow_ups = _text_list(raw, "follow_ups", where, out)
    needs = _text_list(raw, "needs_one_of", where, out)
    if needs and kind != "topical":
        out.error(line_of(raw, "needs_one_of", line), f"{where}.needs_one_of", "only topical intents need words")
        needs = ()
    article, section = raw.get("article"), raw.get("section")
    if kind in ("topical", "handover"):
        if len(examples) < MIN_EXAMPLES and "examples" not in misspelt:
            # A content problem, not a structural one: the intent works, `check` just tests it less.
            out.warn(line_of(raw, "examples", line), f"{where}.examples",
                     f"has {len(examples)} example(s); add at least {MIN_EXAMPLES} realistic questions so "
                     "`check` can show it is found")
    elif article is not None:
        out.error(line_of(raw, "article"), f"{where}.article", f"only topical intents have an article (kind: {kind})")
    reply = raw.get("reply", "")
    if kind == "smalltalk" and (not isinstance(reply, str) or not reply.strip()):
        out.error(line_of(raw, "reply", line), f"{where}.reply", "smalltalk intents need a reply text")
    if kind == "safety" and intent_id not in SAFETY_IDS:
        out.error(line_of(raw, "kind", line), f"{where}.kind", f"safety intents are {', '.join(SAFETY_IDS)} only")
    if (kind == "handover") != (intent_id == HANDOVER_ID):
        out.error(line_of(raw, "kind", line), f"{where}.kind",
                  f"the one handover intent has id '{HANDOVER_ID}' and kind 'handover'")
    formed_by = raw.get("formed_by") or ""
    if not isinstance(formed_by, str) or (formed_by and kind != "topical"):
        out.error(line_of(raw, "formed_by", line), f"{where}.formed_by", "a topical intent may name one intent id")
        formed_by = ""
    label = raw.get("label") or ""
    if not isinstance(label, str) or len(label) > 40:
        out.error(line_of(raw, "label", line), f"{where}.label", "must be a text of at most 40 characters")
        label = ""
    return Intent(
        id=intent_id, kind=kind, keywords=TextList(keywords), examples=TextList(examples),
        article=article if kind == "topical" else None, section=section if kind == "topical" else None,
        treatments=bool(raw.get("treatments", False)), about_medicines=bool(raw.get("about_medicines", False)),
        formed_by=formed_by, label=label, follow_ups=follow_ups,
        reply=str(reply).strip(), line=line or 0, needs_one_of=needs,
    )


def _unknown_fields(raw: dict, where: str, out: _Collector) -> set[str]:
    """Report fields the schema does not have; returns the known fields they look like a misspelling of.

    A misspelt field is reported once, with the severity of losing what it holds (see _OPTIONAL_FIELDS).
    """
    misspelt: set[str] = set()
    for key in sorted(set(raw) - _INTENT_FIELDS, key=str):
        guess = close_match(str(key), _INTENT_FIELDS - set(raw))
        if guess is None:
            out.warn(line_of(raw, key), f"{where}.{key}", f"unknown field '{key}' (ignored). The fields are: "
                     f"{', '.join(sorted(_INTENT_FIELDS))}")
            continue
        misspelt.add(guess)
        out.add("warning" if guess in _OPTIONAL_FIELDS else "error", line_of(raw, key), f"{where}.{key}",
                f"unknown field '{key}'. Did you mean '{guess}'?")
    return misspelt


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One item of the intents list, parsed and checked on its own; an item that only moved (lines added above
    it) is not parsed again, only placed at its new line."""

    intent: Intent | None
    problems: tuple[Problem, ...]
    target_lines: tuple[int | None, int | None]  # of its `article:` and `section:` keys
    start: int = 0  # the lines above the item, which every line number here includes
    declared_id: str | None = None  # its id even when the item has errors: follow_ups to it are no news

    def placed(self, start: int) -> _Parsed:
        """The same item with `start` lines above it: itself if it has not moved."""
        if start == self.start:
            return self
        shift = start - self.start
        return _Parsed(self.intent and replace(self.intent, line=self.intent.line + shift),
                       tuple(replace(p, line=p.line + shift) if p.line else p for p in self.problems),
                       (self.target_lines[0] and self.target_lines[0] + shift,
                        self.target_lines[1] and self.target_lines[1] + shift), start, self.declared_id)


def _parse_item(raw: Any, index: int, file: str) -> _Parsed:
    out = _Collector(file)
    intent = _intent(raw, index, out)
    line = line_of(raw, default=1)
    lines = (line_of(raw, "article", line), line_of(raw, "section", line)) if isinstance(raw, dict) else (line, line)
    declared = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    return _Parsed(intent, tuple(out.problems), lines, 0, declared)


def _check_target(intent: Intent, lines: tuple[int | None, int | None], out: _Collector,
                  articles: dict[str, Article], broken: frozenset[str]) -> None:
    """A topical intent's article and section must exist (an article whose own file has errors is reported
    there, once, not again by every intent that points at it)."""
    if intent.kind != "topical":
        return
    where, (article_line, section_line) = f"intents[{intent.id}]", lines
    article, section = intent.article, intent.section
    if not isinstance(article, str) or not article:
        out.error(article_line, f"{where}.article", "topical intents need an article slug (a file name in "
                  "content/ without .md)")
        return
    if article in broken:
        return
    found = articles.get(article)
    if found is None:
        known = ", ".join(sorted(articles)) or "none loaded"
        out.error(article_line, f"{where}.article", f"unknown article '{article}'.{did_you_mean(article, articles)} "
                  f"Articles are the files in content/ without .md: {known}")
        return
    if section is not None and found.section(str(section)) is None:
        ids = [s.id for s in found.sections]
        out.error(section_line, f"{where}.section",
                  f"article '{article}' has no section '{section}'.{did_you_mean(str(section), ids)} A section is "
                  f"its '## ' heading in lowercase with '-' between words: {', '.join(ids)}")


def _cross_checks(intents: list[Intent], declared: set[str], list_line: int | None, out: _Collector) -> None:
    """Duplicate ids, follow_ups and formed_by to unknown ids (not to an intent whose own errors were reported), safety ids."""
    seen: dict[str, int] = {}
    for intent in intents:
        if intent.id in seen:
            out.error(intent.line, f"intents[{intent.id}].id",
                      f"duplicate id '{intent.id}' (first defined on line {seen[intent.id]})")
        else:
            seen[intent.id] = intent.line
    for intent in intents:
        for target in intent.follow_ups:
            if target not in seen and target not in declared:
                out.error(intent.line, f"intents[{intent.id}].follow_ups",
                          f"unknown intent id '{target}'.{did_you_mean(target, seen)}")
        if intent.formed_by and intent.formed_by not in seen and intent.formed_by not in declared:
            out.error(intent.line, f"intents[{intent.id}].formed_by",
                      f"unknown intent id '{intent.formed_by}'.{did_you_mean(intent.formed_by, seen)}")
    for safety_id in SAFETY_IDS:
        if safety_id not in seen:
            out.error(list_line, "intents", f"the safety intent '{safety_id}' is missing")


def parse_intents(text: str, articles: dict[str, Article], file: str = "intents.yaml",
                  previous: IntentFile | None = None, broken: frozenset[str] = frozenset()) -> tuple[
                      IntentFile | None, list[Problem]]:
    """Validate the whole file; returns None with every problem when any error is found.

    Items unchanged since `previous` (the last good file) are not parsed again: with 10,000 intents
    parsing is most of a reload, and an admin's edit touches a few. `broken` names the articles whose own
    file has errors (reported there): intents pointing at them are not reported again. Never raises: whatever
    goes wrong in an odd file is a problem with its file (and line, where the parser knows it).
    """
    try:
        return _parse_intents(text, articles, file, previous, broken)
    except Exception as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(file, mark.line + 1 if mark else None, "file",
                              f"could not be read ({type(error).__name__}: {error})")]


def _parse_intents(text: str, articles: dict[str, Article], file: str, previous: IntentFile | None,
                   broken: frozenset[str]) -> tuple[IntentFile | None, list[Problem]]:
    out = _Collector(file)
    known = previous.parsed if previous else {}
    items = _parse_in_items(text, file, known)
    try:
        header, parsed = items if items is not None else _parse_whole(text, file)
    except yaml.YAMLError as err:
        out.problems.append(yaml_problem(file, text, err))
        return None, out.problems
    if not isinstance(header, LineDict) or parsed is None:
        out.error(line_of(header, default=1), "intents", "the file needs a top-level 'intents:' list")
        return None, out.problems
    settings = _settings(header.get("settings"), out)
    intents: list[Intent] = []
    declared: set[str] = set()
    memo: dict[bytes, _Parsed] = {}
    for start, key, found in parsed:
        item = found.placed(start)
        out.problems += item.problems
        if item.declared_id:
            declared.add(item.declared_id)
        if item.intent is not None:
            _check_target(item.intent, item.target_lines, out, articles, broken)
            intents.append(item.intent)
        if key:
            memo[key] = item
    _cross_checks(intents, declared, line_of(header, "intents"), out)
    if any(p.severity == "error" for p in out.problems):
        return None, out.problems
    return IntentFile(settings, tuple(intents), memo), out.problems


Items = list[tuple[int, bytes | None, _Parsed]]  # (line offset, key for reuse, item)


def _parse_whole(text: str, file: str) -> tuple[Any, Items | None]:
    """The plain way: the file in one go (any shape YAML allows). Raises yaml.YAMLError."""
    raw = load_yaml(text)
    if not isinstance(raw, LineDict) or not isinstance(raw.get("intents"), list):
        return raw, None
    return raw, [(0, None, _parse_item(r, n, file)) for n, r in enumerate(raw["intents"])]


def _parse_in_items(text: str, file: str, known: dict[bytes, _Parsed]) -> tuple[Any, Items] | None:
    """Item by item, reusing what `known` holds; None if the file is not a plain block list (then it is parsed
    whole, which also reports any syntax error with its true line)."""
    split = split_block_list(text, "intents")
    if split is None:
        return None
    try:
        header = load_yaml(split.header)
        if not isinstance(header, LineDict) or header.get("intents") is not None:
            return None
        parsed: Items = []
        for number, (start, item_text) in enumerate(split.items):
            key = _key(item_text)
            if (item := known.get(key)) is None:
                loaded = load_yaml(item_text)
                if not isinstance(loaded, list) or len(loaded) != 1:
                    return None
                item = _parse_item(loaded[0], number, file)
            parsed.append((start, key, item))
    except yaml.YAMLError:
        return None
    return header, parsed


def _key(item_text: str) -> bytes:
    return hashlib.blake2b(item_text.encode(), digest_size=16).digest()


def load_intents(path: Path, articles: dict[str, Article], previous: IntentFile | None = None,
                 broken: frozenset[str] = frozenset()) -> tuple[IntentFile | None, list[Problem]]:
    """Read and validate `intents.yaml` (see `parse_intents`)."""
    try:
        text = read_admin_text(path, path.parent, INTENTS_MAX_BYTES)
    except AdminFileError as err:
        return None, [Problem(path.name, None, "file", str(err))]
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(path.name, None, "file", f"cannot be read: {err}")]
    return parse_intents(text, articles, path.name, previous, broken)
