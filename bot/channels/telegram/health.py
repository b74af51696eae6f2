"""`python -m bot.channels.telegram.health`: exit 0 if the running bot's heartbeat is fresh, else 1.

The bot touches BOT_HEARTBEAT_PATH after every successful getUpdates (at least
every 10 s while polling) and, in webhook mode, on every update and every 30 s.
A file older than 90 s means the bot is stuck or cannot reach Telegram.

It also reports the content: when the files on disk have errors and the bot serves
the last good version of them (it started on the cached snapshot, or a reload was
refused), it prints "DEGRADED: ..." with the first error. That is still healthy
(exit 0: restarting would not fix a file), unless `--strict` is given. For a
Dockerfile:

    HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD python -m bot.channels.telegram.health
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.content.status import STATUS_FILE, read_status
from bot.settings import Settings, SettingsError

MAX_AGE_SECONDS = 90.0


def heartbeat_age(path: Path, now: float | None = None) -> float | None:
    """Seconds since the heartbeat file was touched; None if it does not exist."""
    try:
        return (now or time.time()) - path.stat().st_mtime
    except FileNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    strict = "--strict" in (sys.argv[1:] if argv is None else argv)
    try:
        settings = Settings.from_env()
    except SettingsError as err:
        print(f"unhealthy: configuration error: {err}", file=sys.stderr)
        return 1
    age = heartbeat_age(settings.heartbeat_path)
    if age is None:
        print(f"unhealthy: no heartbeat file at {settings.heartbeat_path}", file=sys.stderr)
        return 1
    if age > MAX_AGE_SECONDS:
        print(f"unhealthy: last heartbeat {age:.0f} s ago (limit {MAX_AGE_SECONDS:.0f} s)", file=sys.stderr)
        return 1
    status = read_status(settings.data_dir / STATUS_FILE)
    if status is not None:
        if strict:
            print(f"unhealthy: {status.describe()}", file=sys.stderr)
            return 1
        print(f"healthy (last heartbeat {age:.0f} s ago), but {status.describe()}")
        return 0
    print(f"healthy: last heartbeat {age:.0f} s ago")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
