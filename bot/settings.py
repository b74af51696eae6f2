"""Settings: one frozen object read from the environment at start.

A bad value fails at start with the setting's name and what to do, never as a
KeyError deep inside a handler.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.opening_hours import HoursError, OpeningHours, parse_hours

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_CONTENT_BASE_URL = "https://example.org/patient-info"
HOURS_EXAMPLE = "Mon-Fri 09:00-17:00 Europe/London"
_SUPERGROUP_ID = re.compile(r"-100\d{5,16}")  # supergroup ids are -100 followed by the group's number
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{4,24}[0-9]")
_WEB = re.compile(r"https?://[^\s<>\"]{3,200}")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it and says what to do."""


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _admin_ids(raw: str) -> frozenset[int]:
    ids = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise SettingsError(f"BOT_ADMIN_IDS must be comma-separated Telegram user ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def _handover_chat_id(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not _SUPERGROUP_ID.fullmatch(raw):
        raise SettingsError(
            f"BOT_HANDOVER_CHAT_ID must be the id of a supergroup with topics, like -1001234567890, got {raw!r}. "
            "See the README, 'Handing a conversation to the team', for how to find it.")
    return int(raw)


def _unquoted(raw: str) -> str:
    """A value with spaces is quoted in .env for the shell; `docker --env-file` passes the quotes on."""
    raw = raw.strip()
    return raw[1:-1].strip() if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'" else raw


def _handover_hours(raw: str) -> OpeningHours:
    raw = _unquoted(raw)
    try:
        return parse_hours(raw)
    except HoursError as err:
        raise SettingsError(f"BOT_HANDOVER_HOURS {err}; write it like {HOURS_EXAMPLE!r} "
                            f"(or leave it unset for always open), got {raw.strip()!r}") from None


def _handover_contact(raw: str) -> str:
    raw = " ".join(_unquoted(raw).split())
    if raw and not (_PHONE.fullmatch(raw) or _WEB.fullmatch(raw)):
        raise SettingsError("BOT_HANDOVER_CONTACT must be a phone number (like +44 20 7946 0000) or a web "
                            f"address starting with https://, got {raw!r}")
    return raw


@dataclass(frozen=True, slots=True)
class Settings:
    root: Path
    token: str = ""
    api_base_url: str = DEFAULT_API_BASE_URL
    db_path: Path = Path("data/bot.sqlite3")
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    content_base_url: str = DEFAULT_CONTENT_BASE_URL
    hash_secret: str = ""
    retention_days: int = 90
    webhook_url: str = ""
    webhook_port: int = 8443
    webhook_listen: str = "0.0.0.0"
    webhook_secret: str = ""
    heartbeat_path: Path = Path("data/heartbeat")
    watch: bool = True
    log_level: str = "INFO"
    handover_chat_id: int | None = None
    handover_hours: OpeningHours = field(default_factory=OpeningHours)
    handover_contact: str = ""

    @property
    def data_dir(self) -> Path:
        return self.db_path.parent

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, root: Path | None = None) -> Settings:
        """Read every setting; raises SettingsError naming the first bad one."""
        env = os.environ if env is None else env
        root = (root or Path(env.get("BOT_ROOT", "") or Path.cwd())).resolve()
        db_path = Path(env.get("BOT_DB_PATH", "").strip() or root / "data" / "bot.sqlite3")
        content_base = env.get("BOT_CONTENT_BASE_URL", "").strip() or DEFAULT_CONTENT_BASE_URL
        if not content_base.startswith(("https://", "http://")):
            raise SettingsError(f"BOT_CONTENT_BASE_URL must start with https://, got {content_base!r}")
        api_base = env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL
        if not api_base.startswith(("https://", "http://")):
            raise SettingsError(f"TELEGRAM_API_BASE_URL must be an http(s) URL, got {api_base!r}")
        level = env.get("BOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise SettingsError(f"BOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
        return cls(
            root=root,
            token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
            api_base_url=api_base,
            db_path=db_path,
            admin_ids=_admin_ids(env.get("BOT_ADMIN_IDS", "")),
            content_base_url=content_base,
            hash_secret=env.get("BOT_HASH_SECRET", "").strip(),
            retention_days=_int(env, "BOT_RETENTION_DAYS", 90, 1, 3650),
            webhook_url=env.get("BOT_WEBHOOK_URL", "").strip(),
            webhook_port=_int(env, "BOT_WEBHOOK_PORT", 8443, 1, 65535),
            webhook_listen=env.get("BOT_WEBHOOK_LISTEN", "0.0.0.0").strip() or "0.0.0.0",
            webhook_secret=env.get("BOT_WEBHOOK_SECRET", "").strip(),
            heartbeat_path=Path(env.get("BOT_HEARTBEAT_PATH", "").strip() or db_path.parent / "heartbeat"),
            watch=env.get("BOT_WATCH", "1").strip() not in ("0", "false", "no"),
            log_level=level,
            handover_chat_id=_handover_chat_id(env.get("BOT_HANDOVER_CHAT_ID", "")),
            handover_hours=_handover_hours(env.get("BOT_HANDOVER_HOURS", "")),
            handover_contact=_handover_contact(env.get("BOT_HANDOVER_CONTACT", "")),
        )
