"""Running the snapshot builder (bot/content/snapshot_builder.py) as a child process, from the bot's side:
start it with a time limit, read back its small JSON result, and say plainly when the child itself failed.

This side never imports the knowledge module, so knowledge.py can import it and the child can import
knowledge.py without an import cycle.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.content.problems import Problem
from bot.private_files import make_private_dir

log = logging.getLogger(__name__)
BUILD_TIMEOUT_S = 120  # a 10,000-intent build takes ~6 s: only a hung child is stopped
Result = tuple[str | None, list[Problem]]  # (key of the snapshot written, or None if the files have errors)


class BuildFailed(RuntimeError):
    """The child did not finish a build: it crashed, ran out of memory or time. The message says which."""


def build_in_child(root: Path, folder: Path, signing_key: bytes, previous_key: str) -> Result:
    """Build in a child process; BuildFailed if the child itself failed (or took over BUILD_TIMEOUT_S)."""
    timeout = BUILD_TIMEOUT_S
    try:
        make_private_dir(folder)
        with tempfile.NamedTemporaryFile(dir=folder, prefix="build-", suffix=".result", delete=False) as handle:
            result_file = Path(handle.name)
    except OSError as error:
        raise BuildFailed(f"the snapshot builder could not start: {error}") from error
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot.content.snapshot_builder", str(root), str(folder), previous_key,
             str(result_file)], input=signing_key.hex().encode(), capture_output=True, timeout=timeout,
            check=False)
        if done.returncode != 0:
            log.error("the snapshot builder failed (exit status %s): %s", done.returncode,
                      done.stderr.decode(errors="replace")[-2000:])
            raise BuildFailed(f"the snapshot builder failed (exit status {done.returncode}"
                              f"{', out of memory' if b'MemoryError' in done.stderr else ''})")
        return _read_result(result_file)
    except subprocess.TimeoutExpired as error:
        log.error("the snapshot builder took longer than %s s and was stopped", timeout)
        raise BuildFailed(f"the snapshot builder took longer than {timeout:g} s and was stopped") from error
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.error("the snapshot builder failed: %s: %s", type(error).__name__, error)
        raise BuildFailed(f"the snapshot builder failed ({type(error).__name__})") from error
    finally:
        result_file.unlink(missing_ok=True)


def _read_result(path: Path) -> Result:
    result = json.loads(path.read_text(encoding="utf-8"))
    key = result["key"]
    if key is not None and not isinstance(key, str):
        raise TypeError("the snapshot key must be a text")
    return key, [Problem(**problem) for problem in result["problems"]]
