"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

import datetime as dt


def reviewed_note(reviewed: dt.date, updated_since: bool) -> str:
    """How a source line states its review: 'Reviewed 20 Nov 2026' (and, honestly, when the text was
    changed after that review and the change is not yet reviewed)."""
    note = f"Reviewed {reviewed:%d %b %Y}"
    return f"{note}, updated since" if updated_since else note


def about_review(reviewed: dt.date, next_review: dt.date | None, updated_since: bool) -> str:
    """One article's line in /about."""
    due = f"; next review due {next_review:%b %Y}" if next_review else ""
    return f"{reviewed_note(reviewed, updated_since)}{due}"


# -- the terminal chat ---------------------------------------------------------------------------

TERMINAL_HOW_TO_LEAVE = "To leave, type /quit (or press Ctrl-D or Ctrl-C)."
TERMINAL_GOODBYE = "Goodbye! Take care."
TERMINAL_LOGS_TO = "(The bot's log goes to {path}.)"

# -- starting on the last good content -----------------------------------------------------------

STARTED_ON_SNAPSHOT = (
    "⚠️ Started on the last good content, from {when}: the files on disk have {count} error(s), so they were "
    "not loaded. The bot answers from that earlier version until the files are fixed; saving a fixed file "
    "loads it at once."
)
