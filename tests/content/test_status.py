"""bot/content/status.py: the file the health check reads while the bot serves an earlier good version."""

from __future__ import annotations

from pathlib import Path

from bot.content.knowledge import Library
from bot.content.status import MAX_LISTED, ContentStatus, keep_status, read_status, write_status
from tests.helpers import copy_root


def break_intents(root: Path, count: int = 1) -> None:
    """Give `count` intents an unknown article: each is an error that rejects the files."""
    text = (root / "intents.yaml").read_text(encoding="utf-8")
    text = text.replace("\n    article: ", "\n    article: no-such-article-", count)
    (root / "intents.yaml").write_text(text, encoding="utf-8")


def test_no_file_while_the_files_load(tmp_path: Path) -> None:
    library = Library(copy_root(tmp_path))
    path = tmp_path / "data" / "status.json"
    path.parent.mkdir()
    path.write_text("{}", encoding="utf-8")  # left from an earlier broken state
    write_status(path, library)
    assert not path.exists()
    assert read_status(path) is None


def test_broken_files_are_written_down_and_read_back(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    library = Library(root)
    path = tmp_path / "data" / "status.json"
    keep_status(library, path)
    assert read_status(path) is None
    break_intents(root, MAX_LISTED + 2)
    applied, problems = library.reload()
    assert not applied
    status = read_status(path)  # written by the reload listener keep_status added
    assert status is not None
    assert status.errors == len([p for p in problems if p.severity == "error"]) >= MAX_LISTED + 2
    assert len(status.first_errors) == MAX_LISTED
    assert not status.at_start
    assert "DEGRADED" in status.describe() and "kept serving" in status.describe()
    (root / "intents.yaml").write_text((copy_root(tmp_path / "again") / "intents.yaml").read_text("utf-8"), "utf-8")
    assert library.reload()[0]
    assert read_status(path) is None  # fixed: the file is gone


def test_an_unreadable_file_reads_as_no_status(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    path.write_text('{"errors": 1}', encoding="utf-8")  # a field missing
    assert read_status(path) is None
    path.write_text("not json", encoding="utf-8")
    assert read_status(path) is None


def test_describe_says_how_the_bot_came_to_serve_the_old_version() -> None:
    status = ContentStatus(2, ["intents.yaml:3: error: x"], 0.0, 0.0, at_start=True)
    assert "started on" in status.describe() and "intents.yaml:3" in status.describe()
