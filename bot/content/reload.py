"""Hot reload: watch intents.yaml and content/ and swap in a new snapshot when they change.

Uses `watchfiles` (inotify where available) instead of a hand-written polling
loop. A broken edit keeps the last good snapshot serving; the Library's
listeners tell the admins which file, line and field are wrong.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from watchfiles import Change, awatch

from bot.content.knowledge import Library

log = logging.getLogger(__name__)


def _relevant(change: Change, path: str) -> bool:
    name = Path(path).name
    return name == "intents.yaml" or (name.endswith(".md") and Path(path).parent.name == "content")


async def watch_content(library: Library, stop: asyncio.Event, debounce_ms: int = 300) -> None:
    """Reload `library` after each burst of edits until `stop` is set."""
    root = library.root
    # Watch the folders, not the files: editors often save by writing a new file and renaming it.
    targets = [p for p in (root, root / "content") if p.is_dir()]
    log.info("watching %s for edits", ", ".join(str(t) for t in targets))
    async for changes in awatch(*targets, stop_event=stop, debounce=debounce_ms, watch_filter=_relevant,
                                recursive=False):
        names = sorted({Path(p).name for _, p in changes})
        log.info("content changed (%s): reloading", ", ".join(names))
        # Parsing is CPU work on small files: run it off the event loop so replies keep flowing.
        await asyncio.to_thread(library.reload)
