"""Files only the bot reads: private permissions, atomic writes, and signed contents.

The data folder holds the hash secret, the database and the snapshot cache. Folders are 0700 and
files 0600 (the process umask is 077 while the bot runs, see `private_umask`). A file is written
to a temporary name, flushed to disk and then renamed, so a full disk or a crash leaves the old
file or none, never half of one. Files the bot will unpickle carry an HMAC of their contents, keyed
from the stored secret, and are checked before a byte of them is unpickled: a file someone else
wrote into the folder is refused, never run.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600
_SIGNED = b"patient-info-bot signed v1\n"  # then the 32-byte HMAC-SHA256, then the contents


def private_umask() -> None:
    """Files and folders the process creates from now on are its own: 0600 and 0700."""
    os.umask(PRIVATE_UMASK)


def make_private_dir(path: Path) -> None:
    """Create `path` (and parents) if needed and make it 0700; an existing folder we do not own is left as is."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    try:
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    except PermissionError:
        log.warning("cannot make %s private (mode 0700): it belongs to another user", path)


def make_private_file(path: Path) -> None:
    """Make an existing file 0600 (files created before the umask was set, such as an older database)."""
    with contextlib.suppress(FileNotFoundError, PermissionError):
        if path.stat().st_mode & 0o777 != FILE_MODE:
            path.chmod(FILE_MODE)


def write_atomically(path: Path, data: bytes, *, replace: bool = True) -> bool:
    """Write `data` to `path` in one step: a 0600 temporary file in the same folder, flushed to disk, then
    renamed over `path`. With `replace=False` an existing `path` is kept and False returned (two processes
    creating the same secret agree on the first). Raises OSError (a full disk) with `path` untouched."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if `path` exists: never overwrites
            except FileExistsError:
                return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_folder(path.parent)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: the folder's entry is written when the folder is synced)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def derive_key(secret: str, purpose: str) -> bytes:
    """A key for one purpose, derived from the stored secret (the secret itself keys only the id hashes)."""
    return hmac.new(secret.encode(), f"patient-info-bot:{purpose}".encode(), hashlib.sha256).digest()


def sign(key: bytes, data: bytes) -> bytes:
    """`data` with a header and its HMAC, for `verified`."""
    return _SIGNED + hmac.new(key, data, hashlib.sha256).digest() + data


def verified(key: bytes, blob: bytes) -> memoryview | None:
    """The contents of a `sign`ed blob (a view, not a copy: a snapshot is tens of MB) if its HMAC matches
    `key`; None if it was not signed with it."""
    start = len(_SIGNED) + 32
    if not key or len(blob) < start or not blob.startswith(_SIGNED):
        return None
    data = memoryview(blob)[start:]
    expected = hmac.new(key, data, hashlib.sha256).digest()
    return data if hmac.compare_digest(expected, blob[len(_SIGNED):start]) else None
