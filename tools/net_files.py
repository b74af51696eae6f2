"""What the net trainers (tools/train_crisis_net.py, tools/train_topic_net.py, tools/train_followup_net.py) share:
their command line and writing the model file."""

from __future__ import annotations

import argparse
import base64
import json
from pathlib import Path
from typing import Any

from bot.nlu.topic_net import ARRAYS, TopicNet


def write_model(path: Path, data: dict[str, Any], dry_run: bool) -> None:
    """Write `data` as compact JSON to `path` (the bot reads it at start), unless a dry run; say what was written."""
    if dry_run:
        return
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB)")


def arguments(doc: str | None) -> argparse.Namespace:
    """--dry-run (the figures only) and --cv (cross-validate by set too)."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cv", action="store_true")
    return parser.parse_args()


def encoded_arrays(net: TopicNet) -> dict[str, str]:
    """The reader's flat arrays, base64 of their bytes, as the model file keeps them (TopicNet.load reads them)."""
    return {name: base64.b64encode(getattr(net, name).tobytes()).decode("ascii") for name in ARRAYS}

