"""Building a snapshot in a child process, so that the running bot only ever reads finished ones.

At 10,000 intents a build takes seconds of CPU and about 100 MB of scratch memory (the YAML parser's
objects, the index builder's lists). Built in a child process:

* the bot keeps answering at full speed meanwhile: the child does not share its interpreter lock;
* the bot stays one snapshot big: the scratch memory dies with the child, and the bot reads the result
  into fresh memory instead of living among the fragments of a build;
* a parser that blows up (memory, a crash in a C extension) cannot take the bot down: the last good
  snapshot keeps serving.

The result travels through the snapshot cache: the child writes `knowledge-<key>.pickle` as a build in
the bot's own process would, plus a small file with the key and every problem found.

Child: `python -m bot.content.snapshot_builder ROOT CACHE_DIR PREVIOUS_KEY RESULT_FILE`.
"""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.content.knowledge import build_knowledge, cached_snapshot
from bot.content.problems import Problem

log = logging.getLogger(__name__)
BUILD_TIMEOUT_S = 600  # far beyond a 10,000-intent build (~6 s): only a hung child is stopped
Result = tuple[str | None, list[Problem]]  # (key of the snapshot written, or None if the files have errors)


def build_in_child(root: Path, cache_dir: Path, previous_key: str) -> Result | None:
    """Build in a child process; None if the child itself failed (the caller then builds in-process)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, prefix="build-", suffix=".result", delete=False) as handle:
            result_file = Path(handle.name)
    except OSError as error:
        log.error("cannot build the snapshot in a child process: %s", error)
        return None
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot.content.snapshot_builder", str(root), str(cache_dir), previous_key,
             str(result_file)], capture_output=True, timeout=BUILD_TIMEOUT_S, check=False)
        if done.returncode != 0:
            log.error("the snapshot builder failed (exit status %s): %s", done.returncode,
                      done.stderr.decode(errors="replace")[-2000:])
            return None
        with result_file.open("rb") as handle:
            key, problems = pickle.load(handle)  # written by our own child, in our private cache folder
        return key, problems
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError, ValueError) as error:
        log.error("the snapshot builder failed: %s: %s", type(error).__name__, error)
        return None
    finally:
        result_file.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    root, cache_dir, previous_key, result_file = (argv if argv is not None else sys.argv[1:])
    previous = cached_snapshot(Path(cache_dir), previous_key) if previous_key else None
    knowledge, problems = build_knowledge(Path(root), Path(cache_dir), previous)
    with Path(result_file).open("wb") as handle:
        pickle.dump((knowledge.key if knowledge else None, problems), handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
