"""`python -m bot check`: validate content/ and intents.yaml without starting the bot.

Prints every problem as `file:line: severity: field: message` (never only the
first), runs every intent's examples through the engine, reports reading
levels and keyword pitfalls, each with a suggested fix. Exit status 1 when the
files have errors or an example lands on the wrong intent; warnings alone pass.
The reading-level checks are in bot.content.check_readability.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.check_readability import ArticleGrade, check_readability, format_grades
from bot.content.intents import Intent
from bot.content.knowledge import Knowledge, Library, build_knowledge
from bot.content.problems import Problem, errors_only
from bot.content.yamlsource import LineDict, item_line, line_of, load_yaml
from bot.core.engine import Engine, Turn
from bot.nlu.matcher import match_words, stem
from bot.nlu.normalise import STOPWORDS, content_tokens, tokens
from bot.settings import Settings

INTENTS_FILE = "intents.yaml"
# Short words that are real abbreviations or chat shorthand, so a one-word keyword of them is fine.
KNOWN_SHORT_WORDS = frozenset({"ms", "ra", "iv", "ct", "gp", "ae", "er", "hi", "yo", "ty"})
MAX_SHORT_LETTERS = 2


@dataclass(slots=True)
class CheckResult:
    """Everything `check` found."""

    problems: list[Problem] = field(default_factory=list)
    grades: list[ArticleGrade] = field(default_factory=list)
    articles: int = 0
    intents: int = 0
    examples: int = 0
    misses: int = 0  # examples that land on another intent (reported as errors)

    @property
    def errors(self) -> int:
        return len(errors_only(self.problems)) - self.misses

    @property
    def warnings(self) -> int:
        return len(self.problems) - len(errors_only(self.problems))

    @property
    def passed(self) -> bool:
        return not errors_only(self.problems)


# -- line numbers -----------------------------------------------------------------------------


def intent_nodes(root: Path) -> dict[str, LineDict]:
    """The raw YAML mapping of each intent (by id), for item line numbers."""
    raw = load_yaml((root / INTENTS_FILE).read_text(encoding="utf-8"))
    nodes: dict[str, LineDict] = {}
    for node in raw.get("intents", []) if isinstance(raw, dict) else []:
        if isinstance(node, LineDict) and isinstance(node.get("id"), str):
            nodes.setdefault(node["id"], node)
    return nodes


def list_item_line(node: LineDict | None, key: str, index: int, fallback: int) -> int:
    """Line of item `index` of the list `key` in an intent's mapping."""
    if node is None:
        return fallback
    return item_line(node.get(key), index, line_of(node, key, fallback)) or fallback


# -- examples ---------------------------------------------------------------------------------


def lands_on_own_intent(intent: Intent, turn: Turn) -> bool:
    """Safety examples must trigger their own safety reply; out-of-scope ones must not be answered."""
    if intent.kind == "safety":
        return turn.kind == intent.id
    if intent.kind == "out_of_scope":
        return turn.kind == "fallback"
    return turn.intent_id == intent.id


def _content_words(text: str) -> list[str]:
    """The example's topic words as typed (filler removed, no duplicates)."""
    return list(dict.fromkeys(content_tokens(text)))


def _shadow_fix(knowledge: Knowledge, intent: Intent, example: str) -> str | None:
    """If one of the intent's own keywords for this example is ignored as a duplicate, say which."""
    words, raw = set(match_words(example)), set(tokens(example))
    shadows = [s for s in knowledge.matcher.shadowed if s[0] == intent.id and set(match_words(s[1])) <= words]
    if not shadows:
        return None
    _, keyword, owner = max(shadows, key=lambda s: len(set(tokens(s[1])) & raw))
    return (f"{intent.id}'s keyword '{keyword}' is ignored because it reads as "
            f"'{' '.join(match_words(keyword))}', which is {owner}'s keyword: make it more specific")


def _missing_words_fix(knowledge: Knowledge, intent: Intent, example: str) -> str:
    """For a fallback: the example's words that none of the intent's keywords covers."""
    own = next((c for c in knowledge.matcher.score(example) if c.intent_id == intent.id), None)
    explained = set(own.words) if own else set()
    words = _content_words(example)
    missing = [w for w in words if stem(w) not in explained][:4]
    if missing:
        return f"add a keyword to {intent.id} that covers {', '.join(repr(w) for w in missing)}"
    return _longer_keyword_fix(intent, example)


def _longer_keyword_fix(intent: Intent, example: str) -> str:
    """When another intent wins: a longer keyword explains more words, so it scores higher."""
    return f"add a keyword to {intent.id} with more of the example's words, e.g. '{' '.join(_content_words(example)[:4])}'"


def describe_miss(knowledge: Knowledge, intent: Intent, example: str, turn: Turn) -> str:
    """Where an example landed instead, and what to change."""
    match = turn.match
    best = match.candidates[0] if match and match.candidates else None
    if turn.safety is not None:
        return (f"'{example}' triggers the {turn.kind} safety reply, not {intent.id}. Fix: safety rules come "
                "first; rephrase the example so it does not read as urgent, or remove it")
    if intent.kind == "out_of_scope":
        return (f"'{example}' is answered by {turn.intent_id} (keyword '{match.keyword if match else ''}'), but "
                f"it is out of scope. Fix: add a keyword to {intent.id} that covers its topic words")
    shadow = _shadow_fix(knowledge, intent, example)
    if turn.kind == "ambiguous" and match:
        close = " and ".join(f"{c.intent_id} ({c.score:.0f})" for c in match.candidates[:2])
        fix = shadow or _longer_keyword_fix(intent, example)
        return f"'{example}' is a tie between {close}, not {intent.id}. Fix: {fix}, so it wins clearly"
    if turn.kind == "fallback" and best and best.kind == "out_of_scope":
        fix = shadow or _missing_words_fix(knowledge, intent, example)
        return (f"'{example}' is declined as out of scope by {best.intent_id}'s keyword '{best.keyword}'. "
                f"Fix: {fix}, or make '{best.keyword}' more specific")
    if turn.kind == "fallback":
        threshold = knowledge.intent_file.settings.threshold
        nearest = f"best is {best.intent_id} at {best.score:.0f}" if best else "no keyword matches"
        fix = shadow or _missing_words_fix(knowledge, intent, example)
        return f"'{example}' gets the fallback ({nearest}, threshold {threshold:g}). Fix: {fix}"
    keyword = match.keyword if match else ""
    fix = shadow or (f"{_longer_keyword_fix(intent, example)}, or make {turn.intent_id}'s keyword "
                     f"'{keyword}' more specific")
    return f"'{example}' lands on {turn.intent_id} (score {turn.score:.0f}, keyword '{keyword}'), not {intent.id}. Fix: {fix}"


def check_examples(engine: Engine, nodes: dict[str, LineDict]) -> tuple[list[Problem], int]:
    """Every example that does not land on its own intent, as an error; and how many examples ran."""
    knowledge = engine.knowledge
    problems = []
    total = 0
    for intent in knowledge.intent_file.intents:
        for index, example in enumerate(intent.examples):
            total += 1
            turn = engine.respond(example)
            if lands_on_own_intent(intent, turn):
                continue
            line = list_item_line(nodes.get(intent.id), "examples", index, intent.line)
            problems.append(Problem(INTENTS_FILE, line, f"intents[{intent.id}].examples",
                                    describe_miss(knowledge, intent, example, turn)))
    return problems, total


# -- keywords ---------------------------------------------------------------------------------


def _keyword_line(nodes: dict[str, LineDict], intent: Intent, keyword: str) -> int:
    index = intent.keywords.index(keyword) if keyword in intent.keywords else -1
    return list_item_line(nodes.get(intent.id), "keywords", index, intent.line) if index >= 0 else intent.line


def check_shadowed(knowledge: Knowledge, nodes: dict[str, LineDict]) -> list[Problem]:
    """Keywords that read the same as another intent's once filler words are removed."""
    problems = []
    for intent_id, keyword, owner in knowledge.matcher.shadowed:
        reading = " ".join(match_words(keyword))
        intent = knowledge.intents[intent_id]
        problems.append(Problem(
            INTENTS_FILE, _keyword_line(nodes, intent, keyword), f"intents[{intent_id}].keywords",
            f"remove '{keyword}' from {intent_id} or make it more specific: it reads as '{reading}', "
            f"which is {owner}'s keyword", "warning"))
    return problems


def keyword_pitfall(keyword: str) -> str | None:
    """Why a keyword matches too much (or only vague messages), or None if it is fine."""
    words = tokens(keyword)
    letters = re.sub(r"[^a-z0-9]", "", keyword.lower())  # before "bbb" is squeezed to "bb"
    if len(words) == 1 and len(letters) <= MAX_SHORT_LETTERS and words[0] not in KNOWN_SHORT_WORDS:
        return (f"'{keyword}' is one word of {len(letters)} letters, so it matches any message that contains "
                f"it. Fix: use a longer phrase (e.g. '{keyword} <topic word>'), or add it to the known "
                "abbreviations in bot/content/check.py if it is one")
    if words and all(w in STOPWORDS for w in words):
        return (f"'{keyword}' is made only of filler words, so it matches vague messages with no topic word "
                "(like 'what is it?'). Fix: add a topic word to it, or remove it")
    return None


def check_keyword_pitfalls(knowledge: Knowledge, nodes: dict[str, LineDict]) -> list[Problem]:
    """Too-short and filler-only keywords of topical and out-of-scope intents.

    Smalltalk keywords are short chat phrases by design ("hi", "thank you"), and
    safety keywords feed the safety rules, not the matcher, so both are skipped.
    """
    problems = []
    for intent in knowledge.intent_file.intents:
        if intent.kind not in ("topical", "out_of_scope"):
            continue
        for keyword in intent.keywords:
            if reason := keyword_pitfall(keyword):
                problems.append(Problem(INTENTS_FILE, _keyword_line(nodes, intent, keyword),
                                        f"intents[{intent.id}].keywords", reason, "warning"))
    return problems


# -- the whole check --------------------------------------------------------------------------


def _sort_key(problem: Problem) -> tuple[Any, ...]:
    return (problem.file != INTENTS_FILE, problem.file, problem.line or 0)


def check_root(root: Path) -> CheckResult:
    """Run every check on the files under `root`."""
    knowledge, problems = build_knowledge(root)
    result = CheckResult(problems=list(problems))
    if knowledge is None:
        return result
    result.articles, result.intents = len(knowledge.articles), len(knowledge.intents)
    nodes = intent_nodes(root)
    engine = Engine(Library(root), "https://example.org")  # the link base does not affect matching
    misses, result.examples = check_examples(engine, nodes)
    result.misses = len(misses)
    readability, result.grades = check_readability(knowledge)
    found = check_shadowed(knowledge, nodes) + check_keyword_pitfalls(knowledge, nodes) + readability + misses
    result.problems = sorted(result.problems + found, key=_sort_key)
    return result


def summary_line(result: CheckResult) -> str:
    if result.intents == 0:
        return (f"FAILED: {result.errors} error(s), {result.warnings} warning(s). The bot will not load these files "
                "(a running bot keeps the last good version). Fix the errors above and run check again.")
    verdict = "OK" if result.passed else "FAILED"
    return (f"{verdict}: {result.articles} articles, {result.intents} intents, {result.examples} examples; "
            f"{result.errors} error(s), {result.warnings} warning(s), "
            f"{result.misses} example(s) landing on another intent.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print only the problems")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the problems (and, unless --quiet, reading levels and a summary); 1 if anything fails."""
    result = check_root(settings.root)
    for problem in result.problems:
        print(problem)
    if not args.quiet:
        if result.grades:
            print()
            print("\n".join(format_grades(result.grades)))
        print()
        print(summary_line(result))
    return 0 if result.passed else 1
