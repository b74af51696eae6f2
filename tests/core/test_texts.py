"""bot/core/texts.py: the format functions among the chat strings, and the command menu."""

from __future__ import annotations

import datetime as dt
import re

from bot.core import texts

REVIEWED = dt.date(2026, 11, 20)


def test_a_review_note_says_when_and_whether_the_text_changed_since() -> None:
    assert texts.reviewed_note(REVIEWED, False) == "Reviewed 20 Nov 2026"
    assert texts.reviewed_note(REVIEWED, True) == "Reviewed 20 Nov 2026, updated since"


def test_about_names_the_next_review_only_when_there_is_one() -> None:
    assert texts.about_review(REVIEWED, dt.date(2027, 5, 1), False) == "Reviewed 20 Nov 2026; next review due May 2027"
    assert texts.about_review(REVIEWED, None, True) == "Reviewed 20 Nov 2026, updated since"


def test_privacy_states_the_retention_days_it_is_given() -> None:
    assert any("45 days" in p for p in texts.privacy_paragraphs(45))
    assert not any("90 days" in p for p in texts.privacy_paragraphs(45))


def test_the_command_menu_has_valid_unique_commands() -> None:
    names = [name for name, _ in texts.BOT_COMMANDS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", name) for name in names)  # what Telegram accepts
    assert ("human", texts.HANDOVER_COMMAND) in texts.BOT_COMMANDS
    assert all(3 <= len(description) <= 256 for _, description in texts.BOT_COMMANDS)
