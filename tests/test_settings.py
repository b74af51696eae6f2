"""Settings read from an injected environment: the handover settings and their errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError
from tests.helpers import REPO


def test_handover_is_off_and_always_open_by_default() -> None:
    settings = Settings.from_env({}, root=REPO)
    assert settings.handover_chat_id is None
    assert settings.handover_hours.always and settings.handover_contact == ""


def test_handover_settings_are_read() -> None:
    settings = Settings.from_env({"BOT_HANDOVER_CHAT_ID": "-1001234567890",
                                  "BOT_HANDOVER_HOURS": "Mon-Fri 09:00-17:00 Europe/London",
                                  "BOT_HANDOVER_CONTACT": " +44 20 7946  0000 "}, root=REPO)
    assert settings.handover_chat_id == -1001234567890
    assert settings.handover_hours.describe() == "Mon-Fri 09:00-17:00 (Europe/London)"
    assert settings.handover_contact == "+44 20 7946 0000"
    web = Settings.from_env({"BOT_HANDOVER_CONTACT": "https://example.org/contact-us"}, root=REPO)
    assert web.handover_contact == "https://example.org/contact-us"
    quoted = Settings.from_env({"BOT_HANDOVER_HOURS": '"Mon-Fri 09:00-17:00 Europe/London"',
                                "BOT_HANDOVER_CONTACT": "'+44 20 7946 0000'"}, root=REPO)  # docker --env-file
    assert quoted.handover_hours == settings.handover_hours and quoted.handover_contact == "+44 20 7946 0000"


@pytest.mark.parametrize(("name", "value"), [
    ("BOT_HANDOVER_CHAT_ID", "1234567"),  # a user id, not a supergroup
    ("BOT_HANDOVER_CHAT_ID", "-4001"),  # a basic group: topics need a supergroup
    ("BOT_HANDOVER_CHAT_ID", "staff"),
    ("BOT_HANDOVER_HOURS", "weekdays 9 to 5"),
    ("BOT_HANDOVER_HOURS", "Mon-Fri 09:00-17:00 London"),
    ("BOT_HANDOVER_CONTACT", "call Sue"),
    ("BOT_HANDOVER_CONTACT", "javascript:alert(1)"),
])
def test_a_bad_handover_value_names_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value}, root=REPO)


def test_a_bad_handover_value_stops_the_bot_at_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    result = subprocess.run([sys.executable, "-m", "bot", "run"],
                            env={**env, "TELEGRAM_BOT_TOKEN": "123:abc", "BOT_DB_PATH": str(tmp_path / "db"),
                                 "BOT_HANDOVER_HOURS": "Mon-Fri 9-5"},
                            cwd=REPO, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "BOT_HANDOVER_HOURS" in result.stderr and "Mon-Fri 09:00-17:00 Europe/London" in result.stderr
