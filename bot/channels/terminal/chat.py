"""`chat`: the same bot in a terminal, with the same engine, storage and hot reload.

Buttons are shown as numbered choices; type the number to press one.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import textwrap
from collections.abc import Callable

from bot.app import Services, services
from bot.content.reload import watch_content
from bot.core.conversation import Conversation
from bot.core.handover_replies import ASK as HANDOVER_ASK
from bot.core.reply import Button, Reply
from bot.settings import Settings
from bot.storage import StorageError

TERMINAL_USER = "terminal"  # one local user; hashed like any other id before it is stored
WIDTH = 76


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-store", action="store_true", help="do not record anything (no database)")


def render(reply: Reply) -> tuple[str, list[Button]]:
    """Plain text with numbered buttons, wrapped for a terminal."""
    lines = []
    for block in reply.plain_text().split("\n\n"):
        for line in block.splitlines():
            lines.append(textwrap.fill(line, WIDTH, subsequent_indent="  " if line.startswith("•") else ""))
        lines.append("")
    buttons = reply.all_buttons()
    lines += [f"  [{n}] {b.label}" for n, b in enumerate(buttons, 1)]
    return "\n".join(lines).rstrip(), buttons


class TerminalChat:
    """Reads lines, answers them, remembers the last buttons so a number presses one."""

    def __init__(self, conversation: Conversation, write: Callable[[str], None] = print) -> None:
        self.conversation = conversation
        self.write = write
        self.buttons: list[Button] = []

    def show(self, reply: Reply) -> None:
        text, self.buttons = render(reply)
        self.write(text + "\n")

    async def handle(self, line: str) -> bool:
        """Answer one line; False when the user wants to leave."""
        text = line.strip()
        engine = self.conversation.engine
        commands: dict[str, Callable[[], Reply]] = {
            "/start": engine.welcome, "/help": engine.help, "/topics": engine.topics, "/about": engine.about,
            "/privacy": self.conversation.privacy,
        }
        if text in ("/quit", "/exit", "quit", "exit"):
            return False
        if text in commands:
            self.show(commands[text]())
        elif text == "/human":  # no staff team here: the contact (BOT_HANDOVER_CONTACT) and helplines
            turn = await self.conversation.action(TERMINAL_USER, TERMINAL_USER, HANDOVER_ASK)
            assert turn is not None
            self.show(turn.reply)
        elif text == "/forget":
            self.show(await self.conversation.forget(TERMINAL_USER, TERMINAL_USER))
        elif text.isdigit() and 1 <= int(text) <= len(self.buttons):
            turn = await self.conversation.action(TERMINAL_USER, TERMINAL_USER, self.buttons[int(text) - 1].action)
            if turn is None:
                self.show(Reply(kind="notice", paragraphs=("That choice has expired. Type your question.",)))
            else:
                self.show(turn.reply)
        else:
            self.show((await self.conversation.message(TERMINAL_USER, TERMINAL_USER, text)).reply)
        return True


async def _read_line(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


async def chat(settings: Settings, use_store: bool = True) -> int:
    try:
        async with services(settings, store=use_store) as built:  # only opening the store raises StorageError
            return await converse(built)
    except StorageError as err:
        print(f"Storage error: {err}", file=sys.stderr)
        return 1


async def converse(built: Services) -> int:
    """Read and answer lines until the user leaves; the caller closes the store."""
    library, store, settings = built.library, built.store, built.settings
    if store:
        await store.purge_expired()
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_content(library, stop)) if settings.watch else None
    library.on_reload(lambda problems, applied: print(
        "\n[content reloaded]" if applied else "\n[content NOT reloaded, still using the last good files]\n"
        + "\n".join(f"  {p}" for p in problems if p.severity == "error")))
    session = TerminalChat(built.conversation)  # no staff team here: /human shows the contact and helplines
    session.show(session.conversation.engine.welcome())
    prompt = "you> " if sys.stdin.isatty() else ""
    try:
        while (line := await _read_line(prompt)) is not None and await session.handle(line):
            pass
    finally:
        stop.set()
        if watcher:
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(chat(settings, use_store=not getattr(args, "no_store", False)))
