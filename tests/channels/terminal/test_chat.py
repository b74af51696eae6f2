"""The terminal chat: asking for a person shows the contact and helplines (there is no team to hand over to)."""

from __future__ import annotations

from bot.app import build_engine
from bot.channels.terminal.chat import TerminalChat
from bot.core.conversation import Conversation
from bot.settings import Settings
from tests.helpers import REPO

CONTACT = "https://example.org/contact-us"


def chat() -> tuple[TerminalChat, list[str]]:
    settings = Settings.from_env({"BOT_HANDOVER_CHAT_ID": "-1001234567890", "BOT_HANDOVER_CONTACT": CONTACT},
                                 root=REPO)
    written: list[str] = []
    engine = build_engine(settings)  # as the terminal chat builds it: no staff team to hand over to
    return TerminalChat(Conversation(engine, None), written.append), written


async def test_human_words_and_the_button_show_the_contact_and_helplines() -> None:
    session, written = chat()
    await session.handle("/human")
    await session.handle("speak to a real person")
    await session.handle("how do I fix my bicycle")
    number = next(n for n, b in enumerate(session.buttons, 1) if b.action == "ho")
    await session.handle(str(number))
    human, words, fallback, pressed = written
    assert human == words == pressed
    assert "I can't connect you with a person in this chat." in human and CONTACT in human
    assert "Samaritans 116 123" in human and "Yes, connect me" not in human
    assert "Talk to a person" in fallback
