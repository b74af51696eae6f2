"""Log floods are throttled: the same line written thousands of times a second helps nobody and fills the disk.

When the machine runs out of file descriptors, asyncio logs "socket.accept() out of system resource" on every
turn of the event loop; when Telegram cannot be reached, every getUpdates retry logs its error. `ThrottleRepeats`
lets the first `burst` records of a kind through in each `window` seconds, drops the rest, and appends the count
of those dropped to the first record of that kind after the window: "... [suppressed 4,213 similar messages in
the last 60 s]". Records are of a kind when they come from the same logger, level and line of code with the same
first line of text (asyncio's loop errors all come from one line of code, so the text tells them apart).

A count is reported with the next record of its kind, so the count of a flood that has stopped waits for the
next occurrence; the first records of every flood are always written.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

BURST = 10  # records of one kind written per window...
WINDOW_SECONDS = 60.0  # ...after which the rest are counted, and the count written once per window
MAX_KINDS = 1_000  # kinds remembered (least recently seen forgotten): memory stays flat whatever is logged
_KEY_TEXT = 200  # characters of the first line that tell kinds apart


@dataclass(slots=True)
class _Kind:
    since: float  # start of the current window
    written: int = 0
    suppressed: int = 0


Key = tuple[str, int, str, int, str]


class ThrottleRepeats(logging.Filter):
    """Write the first `burst` records of a kind per `window` seconds; count the rest and say how many."""

    def __init__(self, burst: int = BURST, window: float = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic, max_kinds: int = MAX_KINDS) -> None:
        super().__init__()
        self.burst = burst
        self.window = window
        self.clock = clock
        self.max_kinds = max_kinds
        self._kinds: OrderedDict[Key, _Kind] = OrderedDict()

    def filter(self, record: logging.LogRecord) -> bool:
        now = self.clock()
        key = _key_of(record)
        kind = self._kinds.pop(key, None) or _Kind(now)
        self._kinds[key] = kind  # most recently seen last
        while len(self._kinds) > self.max_kinds:
            self._kinds.popitem(last=False)
        if now - kind.since >= self.window:
            if kind.suppressed:
                _append(record, f" [suppressed {kind.suppressed:,} similar messages in the last "
                                f"{now - kind.since:.0f} s]")
            kind.since, kind.written, kind.suppressed = now, 0, 0
        if kind.written < self.burst:
            kind.written += 1
            return True
        kind.suppressed += 1
        return False


def _key_of(record: logging.LogRecord) -> Key:
    text = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
    return record.name, record.levelno, record.pathname, record.lineno, text.split("\n", 1)[0][:_KEY_TEXT]


def _append(record: logging.LogRecord, note: str) -> None:
    """Add `note` to the record's text (its arguments are kept: the note holds no % sign)."""
    if isinstance(record.msg, str):
        record.msg = record.msg + note
    else:
        record.msg, record.args = f"{record.getMessage()}{note}", None
