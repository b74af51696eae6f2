"""Hot reload: a running watcher on a temporary copy picks up edits, rejects broken ones, recovers."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.content.knowledge import Library
from bot.content.problems import Problem
from bot.content.reload import watch_content
from bot.core.engine import Engine
from tests.helpers import copy_root, line_number

QUESTION = "what is uhthoff phenomenon"
WAIT_SECONDS = 15.0

Outcome = tuple[list[Problem], bool]


def new_intent(article: str, section: str) -> str:
    return (f"  - id: ms_heat\n    article: {article}\n    section: {section}\n"
            "    keywords: [uhthoff, uhthoff phenomenon, heat makes ms worse]\n"
            "    examples: [what is uhthoff, uhthoff phenomenon, does heat make ms worse, uhthoff in summer,\n"
            "               is uhthoff dangerous]\n\n")


class Watched:
    """A Library on a temporary copy, its watcher task, and the reload outcomes its listener saw."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.library = Library(root)
        self.engine = Engine(self.library, "https://content.example")
        self.outcomes: asyncio.Queue[Outcome] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        # The listener runs in the reload worker thread: hand each outcome to the loop thread-safely.
        self.library.on_reload(lambda problems, applied: loop.call_soon_threadsafe(
            self.outcomes.put_nowait, (problems, applied)))
        self.stop = asyncio.Event()
        self.task = asyncio.create_task(watch_content(self.library, self.stop, debounce_ms=50))

    @property
    def intents_file(self) -> Path:
        return self.root / "intents.yaml"

    async def save(self, text: str) -> Outcome:
        """Write intents.yaml and wait for the reload it causes (rewriting if the watcher was still starting)."""
        while not self.outcomes.empty():  # an editor's save can fire twice: forget earlier outcomes
            self.outcomes.get_nowait()
        for _ in range(int(WAIT_SECONDS)):
            self.intents_file.write_text(text, encoding="utf-8")
            with contextlib.suppress(TimeoutError):
                return await asyncio.wait_for(self.outcomes.get(), timeout=1.0)
        raise AssertionError("the watcher never reloaded intents.yaml")

    async def close(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, timeout=WAIT_SECONDS)


@pytest.fixture
async def watched(tmp_path: Path) -> AsyncIterator[Watched]:
    watched = Watched(copy_root(tmp_path))
    await asyncio.sleep(0.2)  # let the watcher start before the first edit
    yield watched
    await watched.close()


def with_new_intent(watched: Watched) -> str:
    """intents.yaml with one more topical intent (pointing at a section that exists)."""
    target = next(i for i in watched.library.current.topical_intents() if i.section)
    text = watched.intents_file.read_text(encoding="utf-8")
    return text.replace("  - id: greeting\n", new_intent(target.article or "", target.section or "")
                        + "  - id: greeting\n", 1)


async def test_new_intent_is_answered_without_restart(watched: Watched) -> None:
    assert watched.engine.respond(QUESTION).intent_id != "ms_heat"

    problems, applied = await watched.save(with_new_intent(watched))

    assert applied, [str(p) for p in problems]
    assert watched.engine.respond(QUESTION).intent_id == "ms_heat"
    assert not watched.task.done()


async def test_broken_edit_keeps_serving_and_fixing_it_reloads(watched: Watched) -> None:
    good = with_new_intent(watched)
    assert (await watched.save(good))[1]

    broken = good.replace("threshold: 68", "threshold: 150", 1)
    problems, applied = await watched.save(broken)

    assert not applied
    [problem] = [p for p in problems if p.severity == "error"]
    assert (problem.file, problem.line, problem.field) == ("intents.yaml", line_number(broken, "threshold: 150"),
                                                           "settings.threshold")
    assert watched.engine.respond(QUESTION).intent_id == "ms_heat", "the last good intents keep serving"
    assert watched.library.current.intent_file.settings.threshold == 68

    problems, applied = await watched.save(good.replace("ms worse]", "ms worse, hot bath]"))

    assert applied and not [p for p in problems if p.severity == "error"]
    assert watched.engine.respond("hot bath").intent_id == "ms_heat"
    assert not watched.task.done(), "a broken file never stops the watcher"


async def test_watcher_stops_when_asked(tmp_path: Path) -> None:
    watched = Watched(copy_root(tmp_path))
    await asyncio.sleep(0.2)
    await watched.close()
    assert watched.task.done() and watched.task.exception() is None
