"""One immutable snapshot of the content and intents, and the holder that swaps it on reload.

A message in flight keeps the snapshot it started with; a reload builds a new one
completely (validated) and then replaces one reference, so nobody sees half a file.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.content import Article, load_articles
from bot.intents import Intent, IntentFile, load_intents
from bot.matcher import Matcher
from bot.problems import LoadError, Problem, errors_only
from bot.safety import SafetyCheck

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Articles, intents and the matcher built from them."""

    articles: dict[str, Article]
    intent_file: IntentFile
    intents: dict[str, Intent]
    matcher: Matcher
    safety: SafetyCheck
    warnings: tuple[Problem, ...]
    loaded_at: float

    def topical_intents(self, slug: str | None = None) -> list[Intent]:
        """Topical intents in file order, optionally only those of one article."""
        return [i for i in self.intents.values() if i.kind == "topical" and (slug is None or i.article == slug)]

    def label(self, intent: Intent) -> str:
        """Button text for an intent: its label, else its section heading, else its id."""
        if intent.label:
            return intent.label
        article = self.articles.get(intent.article or "")
        section = article.section(intent.section) if article and intent.section else None
        return section.heading if section else intent.id.replace("_", " ")


def build_knowledge(root: Path) -> tuple[Knowledge | None, list[Problem]]:
    """Load `content/` and `intents.yaml` under `root`; None (and every problem) if any error."""
    articles, problems = load_articles(root / "content")
    intent_file, intent_problems = load_intents(root / "intents.yaml", articles)
    problems += intent_problems
    if intent_file is None or errors_only(problems):
        return None, problems
    intents = intent_file.by_id()
    extra = {i.id: i.keywords for i in intent_file.intents if i.kind == "safety"}
    knowledge = Knowledge(
        articles=articles,
        intent_file=intent_file,
        intents=intents,
        matcher=Matcher(intent_file.intents, intent_file.settings),
        safety=SafetyCheck(extra),  # type: ignore[arg-type]
        warnings=tuple(problems),
        loaded_at=time.time(),
    )
    return knowledge, problems


def _settle(knowledge: Knowledge) -> None:
    """Keep the garbage collector from rescanning a big snapshot: with 10,000 intents a full
    collection paused matching for about 250 ms. Unfreezing first lets the previous snapshot,
    if nothing uses it any more, be collected now."""
    del knowledge
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class Library:
    """Holds the current Knowledge; `reload()` swaps in a new one only if it loads cleanly."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._listeners: list[Callable[[list[Problem], bool], None]] = []
        knowledge, problems = build_knowledge(root)
        if knowledge is None:
            raise LoadError(errors_only(problems))
        self._current = knowledge
        _settle(knowledge)
        self.last_problems: list[Problem] = problems

    @property
    def current(self) -> Knowledge:
        return self._current

    def on_reload(self, listener: Callable[[list[Problem], bool], None]) -> None:
        """Call `listener(problems, applied)` after every reload attempt."""
        self._listeners.append(listener)

    def reload(self) -> tuple[bool, list[Problem]]:
        """Validate the files again; swap them in if clean. Returns (applied, problems)."""
        with self._lock:
            knowledge, problems = build_knowledge(self.root)
            applied = knowledge is not None
            if knowledge is not None:
                self._current = knowledge
                _settle(knowledge)
            self.last_problems = problems
        if applied:
            log.info("reloaded content: %d articles, %d intents", len(knowledge.articles), len(knowledge.intents))
        else:
            for problem in errors_only(problems):
                log.error("reload rejected, still serving the last good files: %s", problem)
        for listener in self._listeners:
            listener(problems, applied)
        return applied, problems
