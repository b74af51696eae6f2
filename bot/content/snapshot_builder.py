"""Building a snapshot in a child process, so that the running bot only ever reads finished ones.

At 10,000 intents a build takes seconds of CPU and about 100 MB of scratch memory (the YAML parser's
objects, the index builder's lists). Built in a child process:

* the bot keeps answering at full speed meanwhile: the child does not share its interpreter lock;
* the bot stays one snapshot big: the scratch memory dies with the child, and the bot reads the result
  into fresh memory instead of living among the fragments of a build;
* a file that blows the parser up (memory, a crash in a C extension, a build that never ends) cannot take
  the bot down: the child has a memory ceiling and a time limit, and when it fails the bot keeps serving
  its last good snapshot and tells the admins. It never builds in its own process instead.

The result travels through the snapshot cache: the child writes `knowledge-<key>.pickle`, signed with the
cache's key (which it reads from its stdin, never from its command line), as a build in the bot's own process
would, plus a small JSON file with the key and every problem found (JSON: reading it cannot run code).

The bot's side (start the child, time it out, read the result) is bot/content/builder_process.py, which does
not import the knowledge module: no import cycle.

Child: `python -m bot.content.snapshot_builder ROOT CACHE_DIR PREVIOUS_KEY RESULT_FILE` (the signing key in hex on
stdin).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import resource
import sys
from pathlib import Path

from bot.content.knowledge import SnapshotCache, build_knowledge, cached_snapshot

MEMORY_LIMIT_BYTES = 3 * 1024**3  # address space; a 10,000-intent build peaks near 200 MB of it resident


def _limit_memory() -> None:
    """A file that makes the parser swallow memory stops this child, not the machine."""
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY
                                                else min(MEMORY_LIMIT_BYTES, hard), hard))


def main(argv: list[str] | None = None) -> int:
    root, cache_dir, previous_key, result_file = (argv if argv is not None else sys.argv[1:])
    _limit_memory()
    cache = SnapshotCache(Path(cache_dir), bytes.fromhex(sys.stdin.read().strip()))
    previous = cached_snapshot(cache, previous_key) if previous_key else None
    knowledge, problems = build_knowledge(Path(root), cache, previous)
    result = {"key": knowledge.key if knowledge else None, "problems": [dataclasses.asdict(p) for p in problems]}
    Path(result_file).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
