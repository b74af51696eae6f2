"""`chat`: the same bot in a terminal, with the same engine, storage and hot reload.

Buttons are shown as numbered choices; type the number to press one. The terminal is the conversation:
the bot's log goes to a file (data/bot.log), never between the lines of the chat. /quit, Ctrl-D and
Ctrl-C all leave with a goodbye.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.app import Services, services
from bot.content.knowledge import FilesBroken
from bot.content.reload import watch_content
from bot.core import texts
from bot.core.compose import HANDOVER_ASK
from bot.core.conversation import Conversation
from bot.core.reply import Button, Reply
from bot.settings import Settings
from bot.storage.protocol import StorageError

TERMINAL_USER = "terminal"  # one local user; hashed like any other id before it is stored
WIDTH = 76
LOG_FILE = "bot.log"
LEAVE_WORDS = ("/quit", "/exit", "quit", "exit")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-store", action="store_true",
                        help="do not record anything (no database, no log file: warnings go to stderr)")


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


def with_leave_hint(reply: Reply) -> Reply:
    """The help text, plus how to leave the terminal chat."""
    return Reply(kind=reply.kind, title=reply.title, paragraphs=(*reply.paragraphs, texts.TERMINAL_HOW_TO_LEAVE),
                 bullets=reply.bullets, buttons=reply.buttons)


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
            "/start": engine.welcome, "/help": lambda: with_leave_hint(engine.help()), "/topics": engine.topics,
            "/about": engine.about, "/privacy": self.conversation.privacy,
        }
        if text in LEAVE_WORDS:
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
                self.show(Reply(kind="notice", paragraphs=(texts.TERMINAL_CHOICE_EXPIRED,)))
            else:
                self.show(turn.reply)
        else:
            self.show((await self.conversation.message(TERMINAL_USER, TERMINAL_USER, text)).reply)
        return True


class LineReader:
    """Lines from stdin, read in a daemon thread so that Ctrl-C never waits for a blocked read.

    (`asyncio.to_thread(input)` would: its worker thread is joined at exit, so the bot hung after Ctrl-C
    until Enter was pressed.) `read()` returns None at end of input (Ctrl-D) or when interrupted.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._wanted = threading.Semaphore(0)
        self._prompt = ""
        self._waiting: asyncio.Future[str | None] | None = None
        threading.Thread(target=self._run, name="terminal-input", daemon=True).start()

    def _run(self) -> None:
        while True:
            self._wanted.acquire()
            try:
                line: str | None = input(self._prompt)
            except (EOFError, OSError, ValueError):
                line = None
            self._loop.call_soon_threadsafe(self._deliver, line)
            if line is None:
                return

    def _deliver(self, line: str | None) -> None:
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(line)

    async def read(self, prompt: str) -> str | None:
        self._prompt = prompt
        self._waiting = self._loop.create_future()
        self._wanted.release()
        return await self._waiting

    def interrupt(self) -> None:
        """Ctrl-C: the pending read ends as if the input had ended."""
        self._deliver(None)


def send_logs_to(settings: Settings, use_store: bool) -> Path | None:
    """Move the log out of the conversation: to data/bot.log, or (no store, or no writable file) to stderr
    at WARNING. Returns the log file's path, if there is one."""
    root = logging.getLogger()
    handler: logging.Handler
    path: Path | None = settings.data_dir / LOG_FILE if use_store else None
    try:
        if path is None:
            raise OSError("no store: no log file")
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        level = settings.log_level
    except OSError:
        path, handler, level = None, logging.StreamHandler(sys.stderr), "WARNING"
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return path


def started_on_snapshot_notice(broken: FilesBroken) -> Reply:
    """Said before the welcome when the files are broken and the chat runs on the last good content."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(broken.serving_built_at))
    return Reply(kind="notice", paragraphs=(
        texts.STARTED_ON_SNAPSHOT.format(when=when, count=len(broken.problems)),
        "\n".join(str(p).splitlines()[0] for p in broken.problems)))


def _reload_notice(problems: list, applied: bool) -> str:
    if applied:
        return texts.TERMINAL_RELOADED
    return texts.TERMINAL_NOT_RELOADED + "\n".join(
        f"  {p}" for p in problems if p.severity == "error")


async def chat(settings: Settings, use_store: bool = True, log_path: Path | None = None) -> int:
    try:
        async with services(settings, store=use_store) as built:  # only opening the store raises StorageError
            return await converse(built, log_path)
    except StorageError as err:
        print(f"Storage error: {err}", file=sys.stderr)
        return 1


async def converse(built: Services, log_path: Path | None = None) -> int:
    """Read and answer lines until the user leaves; the caller closes the store."""
    library, store, settings = built.library, built.store, built.settings
    if store:
        await store.purge_expired()
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch_content(library, stop)) if settings.watch else None
    library.on_reload(lambda problems, applied: print(_reload_notice(problems, applied)))
    session = TerminalChat(built.conversation)  # no staff team here: /human shows the contact and helplines
    if library.files_broken is not None:
        session.show(started_on_snapshot_notice(library.files_broken))
    session.show(session.conversation.engine.welcome())
    hint = texts.TERMINAL_HOW_TO_LEAVE + (" " + texts.TERMINAL_LOGS_TO.format(path=log_path) if log_path else "")
    print(hint + "\n")
    loop = asyncio.get_running_loop()
    reader = LineReader(loop)
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signal handlers off the main thread
        loop.add_signal_handler(signal.SIGINT, reader.interrupt)
    prompt = texts.TERMINAL_PROMPT if sys.stdin.isatty() else ""
    try:
        while (line := await reader.read(prompt)) is not None and await session.handle(line):
            pass
        print(("\n" if line is None and prompt else "") + texts.TERMINAL_GOODBYE)
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)
        stop.set()
        if watcher:
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    use_store = not getattr(args, "no_store", False)
    log_path = send_logs_to(settings, use_store)  # before the event loop starts: it logs too
    return asyncio.run(chat(settings, use_store, log_path))
