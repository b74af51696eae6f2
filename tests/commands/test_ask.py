"""bot/commands/ask.py: `explain` shows the decision and why, then the matcher's verdict and candidates."""

from __future__ import annotations

from bot.commands.ask import explain_lines
from bot.content.knowledge import Library
from bot.core.engine import Engine


def test_explain_shows_why_safety_won_and_what_the_matcher_found(library: Library) -> None:
    lines = explain_lines(Engine(library, "https://content.example/articles"), "my son is seizing right now")
    assert lines[0].startswith("SAFETY: emergency, certain")
    assert lines[1] == "answer: safety emergency (safety certain: emergency (seizure_now))"
    assert lines[2].startswith("match: ") and lines[3].startswith("1. ")  # the candidates, though safety decided


def test_explain_names_why_nothing_was_answered(library: Library) -> None:
    engine = Engine(library, "https://content.example/articles")
    assert "fallback: gibberish" in explain_lines(engine, "asdfgh qwerty")[0]
