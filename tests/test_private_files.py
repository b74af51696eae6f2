"""bot/private_files.py: the data folder's files are the bot's own, written in one step, and signed."""

from __future__ import annotations

import io
from pathlib import Path

from bot.private_files import derive_key, make_private_dir, make_private_file, sign, verified_stream, write_atomically


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_private_folders_and_files(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "cache"
    make_private_dir(folder)
    assert mode(folder) == 0o700
    old = folder / "bot.db"
    old.write_bytes(b"x")
    old.chmod(0o644)  # an older database, made before the umask was set
    make_private_file(old)
    assert mode(old) == 0o600
    make_private_file(folder / "missing")  # nothing to do, no error


def test_write_atomically_replaces_or_keeps(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    assert write_atomically(path, b"first")
    assert mode(path) == 0o600 and path.read_bytes() == b"first"
    assert not write_atomically(path, b"second", replace=False)  # two processes agree on the first
    assert path.read_bytes() == b"first"
    assert write_atomically(path, [b"a", b"b"], durable=False)
    assert path.read_bytes() == b"ab"
    assert [p.name for p in tmp_path.iterdir()] == ["secret"]  # no temporary file left behind


def test_a_signed_file_verifies_only_with_its_key_and_contents() -> None:
    key = derive_key("the secret", "snapshot")
    assert key != derive_key("the secret", "other purpose") and key != derive_key("another secret", "snapshot")
    signed = b"".join(sign(key, b"the contents"))
    handle = io.BytesIO(signed)
    assert verified_stream(key, handle, chunk=4)
    assert handle.read() == b"the contents"  # left at the start of the contents
    assert not verified_stream(derive_key("another secret", "snapshot"), io.BytesIO(signed))
    assert not verified_stream(key, io.BytesIO(signed[:-1] + b"X"))  # one byte changed
    assert not verified_stream(key, io.BytesIO(b"the contents"))  # never signed
    assert not verified_stream(b"", io.BytesIO(b"".join(sign(b"", b"x"))))  # no key: nothing verifies
