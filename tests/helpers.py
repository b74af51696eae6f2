"""Builders shared by the tests: temporary copies of the shipped content, small intent files; a PNG reader."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image, ImageColor

REPO = Path(__file__).resolve().parent.parent


def copy_root(tmp_path: Path) -> Path:
    """A writable copy of intents.yaml and content/ that a test may edit."""
    root = tmp_path / "root"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "intents.yaml", root / "intents.yaml")
    return root


def line_number(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def png_shows(png: bytes, *colours: str) -> bool:
    """Whether `png` decodes as an image in which every one of `colours` ("#2e7d32") is painted."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    painted = {colour for _, colour in image.getcolors(maxcolors=image.width * image.height)}
    return all(ImageColor.getrgb(colour) in painted for colour in colours)
