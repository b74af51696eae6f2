"""bot/commands/ask.py: `ask` and `explain` print the bot's answer, for people or as JSON."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from bot.commands.ask import run_ask, run_explain, turn_json
from bot.core.engine import Engine
from bot.settings import Settings
from tests.helpers import REPO

SETTINGS = Settings.from_env({}, root=REPO)


def ask(*text: str, as_json: bool = False) -> argparse.Namespace:
    return argparse.Namespace(text=list(text), json=as_json)


def test_the_json_answer_has_intent_score_reply_and_buttons(library) -> None:  # type: ignore[no-untyped-def]
    turn = Engine(library, "https://content.example").respond("what is multiple sclerosis")
    answer = turn_json("what is multiple sclerosis", turn)
    assert answer["intent"] == turn.intent_id == "ms_overview" and answer["kind"] == "topical"
    assert answer["reply"] == turn.reply.plain_text()
    assert [b["action"] for b in answer["buttons"]] == [b.action for b in turn.reply.all_buttons()]
    assert answer["candidates"][0]["intent"] == "ms_overview"


def test_ask_prints_the_reply_and_numbered_buttons(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_ask(ask("what", "is", "ms"), SETTINGS) == 0
    out = capsys.readouterr().out
    assert "  [1] " in out and out.index("  [1] ") > 20


def test_ask_reads_one_question_a_line_from_stdin(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("what is ms\nwhat is epilepsy\n"))
    assert run_ask(ask("-", as_json=True), SETTINGS) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["text"] for a in answers] == ["what is ms", "what is epilepsy"]
    assert [a["intent"] for a in answers] == ["ms_overview", "epilepsy_overview"]


def test_explain_prints_the_reasoning_or_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_explain(ask("ms", "meds"), SETTINGS) == 0
    assert capsys.readouterr().out.startswith("answer: ")
    assert run_explain(ask("ms", "meds", as_json=True), SETTINGS) == 0
    assert json.loads(capsys.readouterr().out)["text"] == "ms meds"
