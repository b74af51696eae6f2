"""Logs never hold what users wrote or who they are, even at DEBUG.

At DEBUG, python-telegram-bot logs every update it processes and every request's parameters,
and aiosqlite logs each call with its arguments: message texts, chat and user ids, stored
questions. This filter keeps each record (its format string says what happened) and replaces
every argument that is not a plain value (a number, a label, an exception) with "<redacted>";
a record whose message is itself an object is replaced whole. Records of the bot's own loggers
(`bot.*`) pass untouched: they log only update ids, counts, keyed hashes and admin-file
problems, never a user's text or id (keep it so).
"""

from __future__ import annotations

import logging
from pathlib import PurePath

REDACTED = "<redacted>"
_PLAIN = (int, float, bool, type(None), BaseException, PurePath)


def _safe(arg: object) -> object:
    if isinstance(arg, str):
        return arg if len(arg) <= 100 else REDACTED  # a label, an endpoint name; never a whole text
    return arg if isinstance(arg, _PLAIN) else REDACTED


class RedactPersonalData(logging.Filter):
    """Replace structured log arguments (updates, request parameters, database calls) with "<redacted>"."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "bot" or record.name.startswith("bot."):
            return True
        if not isinstance(record.msg, str):
            record.msg, record.args = f"{REDACTED} {type(record.msg).__name__}", None
        elif isinstance(record.args, dict):
            record.args = {key: _safe(value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(_safe(arg) for arg in record.args)
        return True
