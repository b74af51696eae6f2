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
from typing import BinaryIO

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


def write_atomically(path: Path, data: bytes | list[bytes], *, replace: bool = True, durable: bool = True) -> bool:
    """Write `data` (or its parts, in order) to `path` in one step: a 0600 temporary file in the same folder,
    flushed to disk (unless not `durable`: a cache, which a torn write only makes slower), then renamed over
    `path`. With `replace=False` an existing `path` is kept and False returned (two processes creating the same
    secret agree on the first). Raises OSError (a full disk) with `path` untouched."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for part in [data] if isinstance(data, bytes) else data:
                handle.write(part)
            handle.flush()
            if durable:
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
    if durable:
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


def sign(key: bytes, data: bytes) -> list[bytes]:
    """`data` with a header and its HMAC before it, for `verified_stream`: the parts to write, in order (no
    concatenated copy of a snapshot tens of MB long)."""
    return [_SIGNED, hmac.new(key, data, hashlib.sha256).digest(), data]


def verified_stream(key: bytes, handle: BinaryIO, chunk: int = 1 << 20) -> bool:
    """Whether the `sign`ed file open as `handle` carries the HMAC of its contents under `key`, read in chunks
    (a 10,000-intent snapshot is tens of MB: no second copy in memory). On True, `handle` is left at the start
    of the contents, ready for `pickle.load`. The file is the one open: a rename over its name meanwhile
    changes nothing, and only its owner (the bot, 0600 in a 0700 folder) could write into it."""
    header = handle.read(len(_SIGNED) + 32)
    if not key or len(header) < len(_SIGNED) + 32 or not header.startswith(_SIGNED):
        return False
    start = handle.tell()
    mac = hmac.new(key, digestmod=hashlib.sha256)
    while block := handle.read(chunk):
        mac.update(block)
    handle.seek(start)
    return hmac.compare_digest(mac.digest(), header[len(_SIGNED):])
