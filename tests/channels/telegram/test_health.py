"""bot/channels/telegram/health.py: the Docker health check, run as Docker runs it (its own process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.channels.telegram.health import MAX_AGE_SECONDS, heartbeat_age
from bot.content.status import STATUS_FILE
from tests.helpers import REPO


def check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env.update(BOT_HEARTBEAT_PATH=str(tmp_path / "data" / "heartbeat"), BOT_DB_PATH=str(tmp_path / "data" / "bot.db"))
    return subprocess.run([sys.executable, "-m", "bot.channels.telegram.health", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def beat(tmp_path: Path, age: float) -> None:
    path = tmp_path / "data" / "heartbeat"
    path.parent.mkdir(exist_ok=True)
    path.touch()
    then = time.time() - age
    os.utime(path, (then, then))


def degrade(tmp_path: Path) -> None:
    (tmp_path / "data" / STATUS_FILE).write_text(json.dumps(
        {"errors": 2, "first_errors": ["intents.yaml:3: error: x"], "since": 0.0, "serving_built_at": 0.0,
         "at_start": False}), encoding="utf-8")


def test_heartbeat_age_is_measured_from_the_files_time(tmp_path: Path) -> None:
    beat(tmp_path, 30)
    path = tmp_path / "data" / "heartbeat"
    assert heartbeat_age(path, now=path.stat().st_mtime + 12.5) == 12.5
    assert heartbeat_age(tmp_path / "missing") is None


def test_a_fresh_heartbeat_is_healthy(tmp_path: Path) -> None:
    beat(tmp_path, 5)
    done = check(tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("healthy: last heartbeat")


def test_no_heartbeat_or_a_stale_one_is_unhealthy(tmp_path: Path) -> None:
    done = check(tmp_path)
    assert done.returncode == 1 and "no heartbeat file" in done.stderr
    beat(tmp_path, MAX_AGE_SECONDS + 30)
    done = check(tmp_path)
    assert done.returncode == 1 and "unhealthy: last heartbeat" in done.stderr


def test_broken_content_is_healthy_but_degraded_unless_strict(tmp_path: Path) -> None:
    beat(tmp_path, 5)
    degrade(tmp_path)
    done = check(tmp_path)
    assert done.returncode == 0 and "DEGRADED" in done.stdout
    strict = check(tmp_path, "--strict")
    assert strict.returncode == 1 and "unhealthy: DEGRADED" in strict.stderr


def test_a_bad_setting_is_unhealthy(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env["TELEGRAM_API_BASE_URL"] = "ftp://nowhere"
    done = subprocess.run([sys.executable, "-m", "bot.channels.telegram.health"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "configuration error" in done.stderr
