"""The import rule of docs/architecture.md, checked on the AST of every module under bot/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import REPO

# (importing package, forbidden import prefix, why)
RULES: list[tuple[str, str, str]] = [
    *[(inner, edge, "the answer path is plain Python")
      for inner in ("bot.core", "bot.nlu") for edge in ("telegram", "sqlite3", "aiosqlite")],
    ("bot.content", "telegram", "content knows nothing of Telegram"),
    ("bot.channels.telegram", "bot.channels.terminal", "channels do not import each other"),
    ("bot.channels.terminal", "bot.channels.telegram", "channels do not import each other"),
    *[(inner, outer, "the inner packages never reach for the edges")
      for inner in ("bot.core", "bot.nlu", "bot.content", "bot.storage")
      for outer in ("bot.app", "bot.channels", "bot.admin", "bot.commands", "bot.cli")],
    ("bot.core", "bot.storage", "the core sees storage only through the Store protocol"),
    *[("bot", backend, "only bot/app.py opens the store; the rest sees the Store protocol")
      for backend in ("bot.storage.sqlite", "bot.storage.SQLiteStore", "bot.storage.Store",
                      "bot.storage.load_or_create_secret")],
    ("bot", "tools", "the development tools are not in the wheel"),
    ("bot", "tests", "tests are not in the wheel"),
]
# (importing package, import prefix) exceptions to the rules above
ALLOWED: list[tuple[str, str]] = [
    ("bot.core", "bot.storage.protocol"),
    ("bot.app", "bot.storage.sqlite"),
    ("bot.storage", "bot.storage"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str) -> set[str]:
    """Every module `source` imports, anywhere in it (lazy imports inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = module.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from bot.x import submodule`
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def allowed(module: str, name: str) -> bool:
    return any(within(module, owner) and within(name, prefix) for owner, prefix in ALLOWED)


def violations(sources: dict[str, str]) -> list[str]:
    broken = []
    for module, source in sorted(sources.items()):
        imported = imports_of(source, module)
        for owner, forbidden, why in RULES:
            if within(module, owner):
                broken += [f"{module} imports {name}: {why}" for name in sorted(imported)
                           if within(name, forbidden) and not allowed(module, name)]
    return broken


def bot_sources() -> dict[str, str]:
    return {module_name(path): path.read_text(encoding="utf-8") for path in sorted((REPO / "bot").rglob("*.py"))}


def test_every_module_keeps_the_import_rule() -> None:
    sources = bot_sources()
    assert len(sources) > 40 and "bot.core.engine" in sources  # the walk really found the package
    assert violations(sources) == []


@pytest.mark.parametrize(("module", "source"), [
    ("bot.core.engine", "import telegram"),
    ("bot.nlu.matcher", "def f():\n    import aiosqlite\n"),
    ("bot.core.conversation", "import sqlite3"),
    ("bot.core.conversation", "from bot.storage import Store"),
    ("bot.core.conversation", "from bot.storage.sqlite import SQLiteStore"),
    ("bot.content.intents", "from telegram.constants import MessageLimit"),
    ("bot.channels.terminal.chat", "from bot.channels.telegram import render"),
    ("bot.channels.telegram.app", "from bot.channels import terminal"),
    ("bot.channels.telegram.app", "from ..terminal import chat"),
    ("bot.storage.sqlite", "from bot.admin.report import usage_report"),
    ("bot.cli", "from tools import bench"),
    ("bot.content.check", "from bot.app import build_engine"),
    ("bot.channels.terminal.chat", "from bot.storage import Store"),
    ("bot.admin.cli", "from bot.storage.sqlite import SQLiteStore"),
    ("bot.channels.telegram.app", "from bot.storage import load_or_create_secret"),
    ("bot.admin.cli", "import tests.fakebotapi"),
])
def test_the_rule_catches_a_forbidden_import(module: str, source: str) -> None:
    assert violations({module: source})


def test_the_core_may_import_the_store_protocol() -> None:
    assert violations({"bot.core.conversation": "from bot.storage.protocol import Store, StoredContext"}) == []


def test_the_composition_root_may_open_the_sqlite_store() -> None:
    assert violations({"bot.app": "from bot.storage.sqlite import SQLiteStore, load_or_create_secret"}) == []
