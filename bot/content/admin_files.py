"""The one way the bot reads a file an admin wrote (content/*.md, intents.yaml).

Those files are untrusted input that reaches the serving process before any child builder runs (change
detection), so a read must never follow a link out of the project, block on a FIFO, stream /dev/zero, or
load a file of gigabytes. Every read of an admin file goes through `read_admin_file`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

ARTICLE_MAX_BYTES = 2 * 1024 * 1024  # a long article is some tens of kB
# Every intent and its keywords: 66 kB for the 42 shipped intents, 12.6 MB for the 10,000 the bench and the
# scale targets use (tools/synthetic.py); 32 MB leaves room for richer intents at that scale.
INTENTS_MAX_BYTES = 32 * 1024 * 1024


class AdminFileError(OSError):
    """An admin file refused before (or while) reading it; the message says why, for the admin."""


def read_admin_file(path: Path, folder: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, a regular file inside `folder` (a link is allowed only to a file inside it) of at
    most `max_bytes`. Raises AdminFileError (refused) or OSError (cannot be read); never blocks or hangs."""
    _check_link(path, folder)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)  # a FIFO opened non-blocking never waits for a writer
    try:
        info = os.fstat(descriptor)  # the file actually opened: a swap after the checks above is caught here
        if not stat.S_ISREG(info.st_mode):
            raise AdminFileError(f"{path.name} is not a regular file (a device, FIFO or folder): refused")
        if info.st_size > max_bytes:
            raise AdminFileError(_too_big(path, max_bytes))
        data = _read_at_most(descriptor, max_bytes + 1)  # the file may grow after fstat
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise AdminFileError(_too_big(path, max_bytes))
    return data


def read_admin_text(path: Path, folder: Path, max_bytes: int) -> str:
    """`read_admin_file` decoded as UTF-8 with newlines as `Path.read_text` gives them."""
    return read_admin_file(path, folder, max_bytes).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _check_link(path: Path, folder: Path) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        try:
            inside = path.resolve(strict=True).is_relative_to(folder.resolve())
        except (OSError, RuntimeError):  # a link loop, or a dangling link
            inside = False
        if not inside:
            raise AdminFileError(f"{path.name} is a link to a file outside {folder.name}/: refused "
                                 "(copy the file in instead)")
        info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise AdminFileError(f"{path.name} is not a regular file (a device, FIFO or folder): refused")


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(descriptor, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_big(path: Path, max_bytes: int) -> str:
    return f"{path.name} is larger than {max_bytes // 1024} kB: refused (split it into smaller files)"
