"""`ask` and `explain`: one-off questions from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.app import build_engine
from bot.core.decide import match_message
from bot.core.engine import Engine, Turn
from bot.nlu.message import Message
from bot.settings import Settings


def add_ask_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help="the question; '-' reads one question per line from stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")


def add_explain_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help="the question")
    parser.add_argument("--json", action="store_true", help="print JSON")


def turn_json(text: str, turn: Turn) -> dict[str, Any]:
    """The machine-readable answer: at least intent, score, reply and buttons."""
    return {
        "text": text,
        "intent": turn.intent_id,
        "kind": turn.kind,
        "score": turn.score,
        "reply": turn.reply.plain_text(),
        "buttons": [{"label": b.label, "action": b.action} for b in turn.reply.all_buttons()],
        "candidates": [{"intent": c.intent_id, "score": c.score, "keyword": c.keyword,
                        "keyword_score": c.keyword_score, "example_score": c.example_score}
                       for c in (turn.match.candidates if turn.match else ())],
        "follow_up": turn.follow_up,
        "fallback": turn.fallback,
    }


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = build_engine(settings)
    if args.text == ["-"]:
        for line in sys.stdin:
            question = line.rstrip("\n")
            turn = engine.respond(question)
            if args.json:
                print(json.dumps(turn_json(question, turn), ensure_ascii=False), flush=True)
            else:
                print(f"> {question}\n{turn.reply.plain_text()}\n", flush=True)
        return 0
    question = " ".join(args.text)
    turn = engine.respond(question)
    if args.json:
        print(json.dumps(turn_json(question, turn), ensure_ascii=False))
    else:
        print(turn.reply.plain_text())
        for number, button in enumerate(turn.reply.all_buttons(), 1):
            print(f"  [{number}] {button.label}")
    return 0


def explain_lines(engine: Engine, question: str) -> list[str]:
    """Human-readable reasoning for one question (shared with the admin /explain command): the decision and
    why, then the matcher's verdict and candidates, even when safety decided first."""
    knowledge = engine.knowledge
    message = Message(question)
    decision = engine.decide(message)
    flag = decision.flag
    lines = []
    if flag:
        reply = "the safety reply alone" if flag.certain else "a safety line on top of the answer"
        lines.append(f"SAFETY: {flag.kind}, {flag.tier} ({reply}), criterion {flag.criterion}; concepts: "
                     f"{flag.rule.partition(': ')[2][:120]}")
    lines.append(f"answer: {decision.kind} {decision.intent_id or ''} ({decision.why})")
    match = decision.match or match_message(knowledge.matcher, message)
    settings = knowledge.intent_file.settings
    lines.append(f"match: {match.status} {match.intent_id or ''} score={match.score} "
                 f"(threshold {settings.threshold:g}, margin {settings.ambiguity_margin:g}) {match.reason}".rstrip())
    if not match.candidates:
        lines.append("no keyword matched any word of the message")
    if match.options:
        lines.append(f"offered (Did you mean): {', '.join(match.options)}")
    if match.foreign:
        lines.append(f"health words no article covers: {', '.join(match.foreign)}")
    for rank, c in enumerate(match.candidates, 1):
        lines.append(f"{rank}. {c.intent_id:<36} {c.score:5.1f}  (keywords {c.keyword_score:5.1f}, examples "
                     f"{c.example_score:5.1f})  keyword: {c.keyword!r}  words: {', '.join(c.words)}")
    return lines


def run_explain(args: argparse.Namespace, settings: Settings) -> int:
    engine = build_engine(settings)
    question = " ".join(args.text)
    if args.json:
        print(json.dumps(turn_json(question, engine.respond(question)), ensure_ascii=False, indent=2))
    else:
        print("\n".join(explain_lines(engine, question)))
    return 0
