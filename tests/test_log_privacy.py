"""bot/log_privacy.py: library log records keep their wording, never a user's text or id."""

from __future__ import annotations

import logging

from bot.log_privacy import REDACTED, RedactPersonalData


def record(name: str, msg: object, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)


def test_library_records_lose_their_data_and_keep_their_words() -> None:
    redact = RedactPersonalData()
    params = {"chat_id": 987654321, "text": "my seizures are worse"}
    calling = record("telegram.Bot", "Calling Bot API endpoint `%s` with parameters `%s`", "sendMessage", params)
    assert redact.filter(calling)
    assert calling.getMessage() == f"Calling Bot API endpoint `sendMessage` with parameters `{REDACTED}`"
    update = record("telegram.ext.Application", "Processing update %s", object())
    assert redact.filter(update) and update.getMessage() == f"Processing update {REDACTED}"
    executing = record("aiosqlite", "executing %s", "x" * 500)  # a partial of the call, with its SQL arguments
    assert redact.filter(executing) and executing.getMessage() == f"executing {REDACTED}"
    bare = record("some.library", {"text": "hello"})
    assert redact.filter(bare) and "hello" not in bare.getMessage()
    kept = record("telegram.ext.Updater", "Network retry %d of %d after %s", 2, 5, TimeoutError("slow"))
    assert redact.filter(kept) and kept.getMessage() == "Network retry 2 of 5 after slow"


def test_the_bots_own_records_pass_untouched() -> None:
    own = record("bot.content.builder_process", "the builder failed: %s", "Traceback ... " * 20)
    assert RedactPersonalData().filter(own) and "Traceback" in own.getMessage()
