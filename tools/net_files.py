"""What the two net trainers (tools/train_crisis_net.py, tools/train_topic_net.py) share: writing the model file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_model(path: Path, data: dict[str, Any], dry_run: bool) -> None:
    """Write `data` as compact JSON to `path` (the bot reads it at start), unless a dry run; say what was written."""
    if dry_run:
        return
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)")
