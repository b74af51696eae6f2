"""bot/content/snapshot_builder.py: the child's side, run as the bot runs it
(`python -m bot.content.snapshot_builder ROOT CACHE_DIR PREVIOUS_KEY RESULT_FILE`, the key on stdin)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.content.knowledge import SnapshotCache, cached_snapshot
from tests.helpers import REPO, copy_root

KEY = b"s" * 32


def run_child(root: Path, cache: Path, previous: str, result: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bot.content.snapshot_builder", str(root), str(cache), previous,
                           str(result)], input=KEY.hex().encode(), cwd=REPO, capture_output=True, timeout=120,
                          check=False)


def test_the_child_writes_a_signed_snapshot_and_a_json_result(tmp_path: Path) -> None:
    root, cache, result = copy_root(tmp_path), tmp_path / "cache", tmp_path / "out.result"
    cache.mkdir()
    assert run_child(root, cache, "", result).returncode == 0
    written = json.loads(result.read_text(encoding="utf-8"))
    assert isinstance(written["key"], str)
    assert all(p["severity"] == "warning" for p in written["problems"])
    snapshot = cached_snapshot(SnapshotCache(cache, KEY), written["key"])
    assert snapshot is not None and len(snapshot.intents) > 10


def test_files_with_errors_write_no_key_and_the_problems(tmp_path: Path) -> None:
    root, cache, result = copy_root(tmp_path), tmp_path / "cache", tmp_path / "out.result"
    cache.mkdir()
    (root / "intents.yaml").write_text("intents: [\n", encoding="utf-8")
    assert run_child(root, cache, "", result).returncode == 0
    written = json.loads(result.read_text(encoding="utf-8"))
    assert written["key"] is None
    assert any(p["severity"] == "error" and p["file"] == "intents.yaml" for p in written["problems"])
    assert not list(cache.glob("*.pickle"))

