"""bot/channels/telegram/services.py: the typed services in bot_data, and who sent an update."""

from __future__ import annotations

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder

from bot.channels.telegram.services import CONTEXT_TYPES, BotData, user_id_of
from bot.settings import Settings
from tests.conftest import TOKEN
from tests.helpers import REPO


def test_a_service_is_read_by_name_and_a_missing_one_is_named() -> None:
    settings = Settings.from_env({}, root=REPO)
    data = BotData(settings=settings)
    assert data.settings is settings
    with pytest.raises(KeyError, match="engine"):
        _ = data.engine


def test_the_store_and_the_handover_desk_are_none_until_set() -> None:
    data = BotData()
    assert data.store is None and data.handover is None
    marker = object()
    data.store = marker  # type: ignore[assignment]
    data.conversation = marker  # type: ignore[assignment]
    assert data.store is marker and data["store"] is marker and data.conversation is marker


def test_an_application_built_with_the_context_types_keeps_its_services_in_a_botdata() -> None:
    application = ApplicationBuilder().token(TOKEN).context_types(CONTEXT_TYPES).build()
    assert isinstance(application.bot_data, BotData)


def update(message: dict) -> Update:
    return Update.de_json({"update_id": 1, "message": {"message_id": 5, "date": 0, "text": "hi", **message}}, None)


def test_the_sender_is_the_user_or_for_an_anonymous_post_the_chat() -> None:
    private = update({"chat": {"id": 42, "type": "private"}, "from": {"id": 42, "is_bot": False, "first_name": "A"}})
    group = update({"chat": {"id": -100, "type": "supergroup", "title": "G"},
                    "from": {"id": 7, "is_bot": False, "first_name": "B"}})
    anonymous = update({"chat": {"id": -100, "type": "supergroup", "title": "G"},
                        "sender_chat": {"id": -100, "type": "supergroup", "title": "G"}})
    assert user_id_of(private) == 42
    assert user_id_of(group) == 7
    assert user_id_of(anonymous) == -100


def test_the_string_keys_live_only_in_botdata() -> None:
    """Handlers reach the services through BotData's typed properties; a string key elsewhere is a service no
    type checker follows (the issue this class closed)."""
    import re

    pattern = re.compile(r"bot_data\s*(\[|\.get\(|\.pop\(|\.setdefault\()")
    offenders = [f"{path.relative_to(REPO)}:{n}" for path in sorted((REPO / "bot").rglob("*.py"))
                 if path.name != "services.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == []


def test_the_store_is_taken_once_at_stop() -> None:
    data = BotData()
    assert data.take_store() is None
    data.store = "a store"  # type: ignore[assignment]
    assert data.take_store() == "a store"
    assert data.store is None
