"""The content's state for the health check: a small file next to the heartbeat, present only while the
bot serves an earlier good version because the files on disk have errors.

The health check runs as its own process (Docker's HEALTHCHECK), so the running bot writes this file
whenever the state changes (at start, after every reload attempt) and removes it when the files load again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the health check reads the file without loading the content code
    from bot.content.knowledge import Library

log = logging.getLogger(__name__)
STATUS_FILE = "content_status.json"
MAX_LISTED = 5  # errors named in the file; the log and `check` have them all


@dataclass(frozen=True, slots=True)
class ContentStatus:
    """What the health check says about the content."""

    errors: int
    first_errors: list[str]
    since: float
    serving_built_at: float
    at_start: bool

    def describe(self) -> str:
        built = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.serving_built_at))
        since = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.since))
        how = "started on" if self.at_start else "kept serving"
        return (f"DEGRADED: the content files have {self.errors} error(s) since {since}, so the bot {how} the last "
                f"good version (built {built}). First: {self.first_errors[0] if self.first_errors else '?'}. "
                "Run `python -m bot check` for every error; saving a fixed file loads it.")


def write_status(path: Path, library: Library) -> None:
    """Write the file if the files are broken, remove it if not (never raises: it is a report)."""
    broken = library.files_broken
    try:
        if broken is None:
            path.unlink(missing_ok=True)
            return
        status = {"errors": len(broken.problems), "first_errors": [str(p).splitlines()[0]
                                                                    for p in broken.problems[:MAX_LISTED]],
                  "since": broken.since, "serving_built_at": broken.serving_built_at, "at_start": broken.at_start}
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(status), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        log.warning("could not write the content status file %s", path, exc_info=True)


def read_status(path: Path) -> ContentStatus | None:
    """The state the bot wrote, or None when the content is fine (no file) or the file is unreadable."""
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        data = json.loads(path.read_text(encoding="utf-8"))
        return ContentStatus(int(data["errors"]), [str(e) for e in data["first_errors"]], float(data["since"]),
                             float(data["serving_built_at"]), bool(data["at_start"]))
    return None


def keep_status(library: Library, path: Path) -> None:
    """Write the state now and after every reload attempt."""
    write_status(path, library)
    library.on_reload(lambda _problems, _applied: write_status(path, library))
