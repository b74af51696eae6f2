"""bot/content/builder_process.py: the bot's side of a build in a child process."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.builder_process import BuildFailed, build_in_child
from bot.content.knowledge import SnapshotCache, cached_snapshot
from tests.helpers import copy_root

KEY = b"k" * 32


def test_a_clean_build_returns_the_key_of_a_signed_snapshot(tmp_path: Path) -> None:
    root, folder = copy_root(tmp_path), tmp_path / "cache"
    key, problems = build_in_child(root, folder, KEY, "")
    assert key is not None
    assert not [p for p in problems if p.severity == "error"]
    snapshot = cached_snapshot(SnapshotCache(folder, KEY), key)  # readable with the same signing key
    assert snapshot is not None and snapshot.intents
    assert cached_snapshot(SnapshotCache(folder, b"x" * 32), key) is None  # and with no other
    assert not list(folder.glob("*.result"))  # the child's result file is cleaned up


def test_files_with_errors_give_no_key_and_every_error(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    text = (root / "intents.yaml").read_text(encoding="utf-8")
    (root / "intents.yaml").write_text(text.replace("\n    article: ", "\n    article: gone-", 2), encoding="utf-8")
    key, problems = build_in_child(root, tmp_path / "cache", KEY, "")
    assert key is None
    assert len([p for p in problems if p.severity == "error"]) >= 2
    assert all(p.file for p in problems)  # read back as Problems, with their places


def test_a_child_that_cannot_start_is_a_build_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(BuildFailed, match="could not start"):
        build_in_child(copy_root(tmp_path), blocker / "cache", KEY, "")

