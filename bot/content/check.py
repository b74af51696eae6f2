"""`python -m bot check`: validate content/ and intents.yaml without starting the bot.

Prints every problem as `file:line: severity: field: message` (never only the
first), runs every intent's examples through the engine, reports reading
levels, keyword clashes and pitfalls and the state of each article's review,
each with a suggested fix.

Severity matches the harm, as in a reload: errors are structural (the bot will
not load the files) and make the exit status 1; warnings are content problems
(an example landing on another intent, too few examples, a hard sentence, a
review due) and never fail, unless `--strict` is given (for the CI of a content
repository). The reading-level checks are in bot.content.check_readability, the review
checks in bot.content.governance.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.content.admin_files import INTENTS_MAX_BYTES, read_admin_text
from bot.content.check_keywords import (
    INTENTS_FILE,
    KeywordPlaces,
    bare_keyword_fix,
    check_keyword_pitfalls,
    check_repeated,
    check_shadowed,
    shadow_fix,
)
from bot.content.check_readability import ArticleGrade, check_readability, format_grades
from bot.content.governance import check_governance
from bot.content.intent import Intent
from bot.content.knowledge import Knowledge, Library, build_knowledge
from bot.content.problems import Problem, errors_only, warnings_only
from bot.content.yamlsource import LineDict, item_line, line_of, load_yaml
from bot.core.engine import Engine, Turn
from bot.nlu.matcher import stem
from bot.nlu.message import Message
from bot.nlu.normalise import content_tokens
from bot.settings import Settings

__all__ = ["CheckResult", "check_root", "shown_lines", "summary_line"]

EXAMPLES_SHOWN = 3  # examples landing elsewhere listed per intent unless --examples


@dataclass(slots=True)
class CheckResult:
    """Everything `check` found."""

    problems: list[Problem] = field(default_factory=list)
    grades: list[ArticleGrade] = field(default_factory=list)
    articles: int = 0
    intents: int = 0
    examples: int = 0
    example_misses: list[Problem] = field(default_factory=list)  # examples landing elsewhere (among `problems`)
    loaded: bool = False  # the files load: the bot would serve them

    @property
    def misses(self) -> int:
        return len(self.example_misses)

    @property
    def errors(self) -> int:
        return len(errors_only(self.problems))

    @property
    def warnings(self) -> int:
        return len(warnings_only(self.problems))

    def passed(self, strict: bool = False) -> bool:
        """No errors (and, with `strict`, no warnings either)."""
        return self.errors == 0 and not (strict and self.warnings)


# -- line numbers -----------------------------------------------------------------------------


def intent_nodes(root: Path) -> dict[str, LineDict]:
    """The raw YAML mapping of each intent (by id), for item line numbers."""
    raw = load_yaml(read_admin_text(root / INTENTS_FILE, root, INTENTS_MAX_BYTES))
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


def describe_miss(knowledge: Knowledge, nodes: dict[str, LineDict], intent: Intent, example: str,
                  turn: Turn) -> str:
    """Where an example landed instead (naming the keyword that took it, and its line), and what to change."""
    places = KeywordPlaces(knowledge, nodes)
    match = turn.match
    best = match.candidates[0] if match and match.candidates else None
    if turn.safety is not None:
        return (f"'{example}' triggers the {turn.kind} safety reply, not {intent.id}. Fix: safety rules come "
                "first; rephrase the example so it does not read as urgent, or remove it")
    if intent.kind == "out_of_scope":
        keyword = match.keyword if match else ""
        return (f"'{example}' is answered by {turn.intent_id} (keyword '{keyword}', "
                f"{places.at(turn.intent_id or '', keyword)}), but it is out of scope. Fix: add a keyword to "
                f"{intent.id} that covers its topic words")
    shadow = shadow_fix(knowledge, places, intent, example)
    if turn.kind == "ambiguous" and match:
        close = " and ".join(f"{c.intent_id} ({c.score:.0f})" for c in match.candidates[:2])
        fix = shadow or _longer_keyword_fix(intent, example)
        return f"'{example}' is a tie between {close}, not {intent.id}. Fix: {fix}, so it wins clearly"
    if turn.kind == "fallback" and best and best.kind == "out_of_scope":
        fix = shadow or _missing_words_fix(knowledge, intent, example)
        return (f"'{example}' is declined as out of scope by {best.intent_id}'s keyword '{best.keyword}' "
                f"({places.at(best.intent_id, best.keyword)}). Fix: {fix}, or make '{best.keyword}' more specific")
    if turn.kind == "fallback":
        threshold = knowledge.intent_file.settings.threshold
        nearest = f"best is {best.intent_id} at {best.score:.0f}" if best else "no keyword matches"
        fix = shadow or _missing_words_fix(knowledge, intent, example)
        return f"'{example}' gets the fallback ({nearest}, threshold {threshold:g}). Fix: {fix}"
    keyword, winner = (match.keyword if match else "") or "", turn.intent_id or ""
    fix = shadow or f"{_longer_keyword_fix(intent, example)}, or {bare_keyword_fix(knowledge, places, winner, keyword)}"
    return (f"'{example}' lands on {winner} (score {turn.score:.0f}, keyword '{keyword}' at "
            f"{places.at(winner, keyword)}), not {intent.id}. Fix: {fix}")


def check_examples(engine: Engine, nodes: dict[str, LineDict]) -> tuple[list[Problem], int]:
    """Every example that does not land on its own intent, as a warning (the files still work: it is the
    wording that needs a look); and how many examples ran."""
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
            text = describe_miss(knowledge, nodes, intent, example, turn)
            if intent.needs_one_of and knowledge.matcher.lacks_needed_words(intent.id, Message(example)):
                text = (f"{example!r} has none of the words in needs_one_of, so {intent.id} cannot answer it. "
                        "Fix: add the word it uses to needs_one_of, or remove the example if it is not about this")
            problems.append(Problem(INTENTS_FILE, line, f"intents[{intent.id}].examples", text, "warning"))
    return problems, total


# -- the whole check --------------------------------------------------------------------------


def check_topic_net(knowledge: Knowledge, nodes: dict[str, LineDict]) -> list[Problem]:
    """A topic the topic net never learnt is found by its keywords and examples only: say so, and how to retrain
    (a label it knows that intents.yaml no longer has is passed over, harmlessly)."""
    net = knowledge.topic_net
    if net is None:
        return []
    known = set(net.labels)
    return [Problem(INTENTS_FILE, line_of(nodes.get(intent.id), default=intent.line or 1), f"{intent.id}",
                    "the topic net (bot/nlu/topic_net.json) has not learnt this topic, so only its keywords and "
                    "examples find it. Fix: once it has examples, retrain the net: python tools/train_topic_net.py "
                    "(a developer's step; docs/evaluation.md)", "warning")
            for intent in knowledge.intents.values() if intent.kind == "topical" and intent.id not in known]


def _sort_key(problem: Problem) -> tuple[Any, ...]:
    return (problem.file != INTENTS_FILE, problem.file, problem.line or 0)


def check_root(root: Path, today: dt.date | None = None) -> CheckResult:
    """Run every check on the files under `root` (`today` decides which reviews are overdue)."""
    knowledge, problems = build_knowledge(root)
    result = CheckResult(problems=sorted(problems, key=_sort_key))
    if knowledge is None:
        return result
    result.loaded = True
    result.articles, result.intents = len(knowledge.articles), len(knowledge.intents)
    places = KeywordPlaces(knowledge, intent_nodes(root))
    engine = Engine(Library(root), "https://example.org")  # the link base does not affect matching
    misses, result.examples = check_examples(engine, places.nodes)
    result.example_misses = misses
    readability, result.grades = check_readability(knowledge)
    found = (check_shadowed(knowledge, places) + check_repeated(knowledge, places) +
             check_keyword_pitfalls(knowledge, places) + readability + misses
             + check_governance(knowledge.articles, today) + check_topic_net(knowledge, places.nodes))
    result.problems = sorted(result.problems + found, key=_sort_key)
    return result


def shown_lines(result: CheckResult, every_example: bool = False) -> tuple[list[str], int]:
    """The problems as printed, and how many were folded: all of them, except that only the first
    EXAMPLES_SHOWN examples of each intent that land elsewhere are listed, then one line with how many more (a
    file with thousands of realistic examples would otherwise bury the errors and the other warnings)."""
    lines: list[str] = []
    seen: Counter[str] = Counter()
    missed = set(result.example_misses)
    for problem in result.problems:
        if problem in missed and not every_example:
            seen[problem.field] += 1
            if seen[problem.field] > EXAMPLES_SHOWN:
                continue
        lines.append(str(problem))
    folded = {name: count - EXAMPLES_SHOWN for name, count in seen.items() if count > EXAMPLES_SHOWN}
    lines += [f"{INTENTS_FILE}: warning: {name}: {count} more of its examples land on another intent" for name, count in
              folded.items()]
    return lines, sum(folded.values())


def summary_line(result: CheckResult, strict: bool = False, folded: int = 0) -> str:
    """One verdict that agrees with the lines above it: FAILED only for errors (or warnings, with --strict)."""
    counts = f"{result.errors} error(s), {result.warnings} warning(s)"
    if not result.loaded:
        return (f"FAILED: {counts}. The bot will not load these files (a running bot keeps serving the last good "
                "version). Fix the errors above and run check again.")
    verdict = "OK" if result.passed(strict) else "FAILED"
    misses = f" ({result.misses} of them: examples landing on another intent)" if result.misses else ""
    if folded:
        misses += f"; {folded} of those not listed (--examples lists every one)"
    line = f"{verdict}: {result.articles} articles, {result.intents} intents, {result.examples} examples; {counts}{misses}."
    if result.errors:
        return f"{line} The bot will not load these files until the errors are fixed."
    if strict and result.warnings:
        return f"{line} --strict counts warnings as errors."
    return f"{line} Warnings never stop the bot from loading the files." if result.warnings else line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="print only the problems")
    parser.add_argument("--examples", action="store_true",
                        help=f"list every example landing on another intent (by default {EXAMPLES_SHOWN} per intent)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (for the CI of a content repository)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Print the problems (and, unless --quiet, reading levels and a summary); 1 on errors (or, with
    --strict, on warnings)."""
    result = check_root(settings.root)
    lines, folded = shown_lines(result, args.examples)
    for line in lines:
        print(line)
    if not args.quiet:
        if result.grades:
            print()
            print("\n".join(format_grades(result.grades)))
        print()
        print(summary_line(result, args.strict, folded))
    return 0 if result.passed(args.strict) else 1
