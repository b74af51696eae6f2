"""The terminal chat: the conversation alone on the screen, a help that says how to leave, a clean exit."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from bot.app import build_engine
from bot.channels.terminal.chat import TerminalChat
from bot.content.knowledge import Library
from bot.core import texts
from bot.core.conversation import Conversation
from bot.core.engine import Engine
from bot.settings import Settings
from tests.helpers import REPO, copy_root


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return {**env, **extra}


def chat_process(stdin: str, root: Path = REPO, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "--root", str(root), "chat", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, cwd=REPO, env=clean_env(**env))


async def test_help_says_how_to_leave(library: Library) -> None:
    said: list[str] = []
    session = TerminalChat(Conversation(Engine(library, "https://x.example"), None), said.append)
    assert await session.handle("/help")
    assert texts.TERMINAL_HOW_TO_LEAVE in said[0] and "/topics" in said[0]
    assert not await session.handle("/quit")


def test_logs_go_to_a_file_not_into_the_conversation(tmp_path: Path) -> None:
    db = tmp_path / "data" / "bot.sqlite3"
    result = chat_process("what is multiple sclerosis\n/quit\n", BOT_DB_PATH=str(db), BOT_LOG_LEVEL="INFO",
                          BOT_WATCH="1")
    assert result.returncode == 0, result.stderr
    assert " INFO " not in result.stdout + result.stderr and "What MS is" in result.stdout
    assert result.stdout.rstrip().endswith(texts.TERMINAL_GOODBYE)
    log = (tmp_path / "data" / "bot.log").read_text(encoding="utf-8")
    assert "INFO bot.content.reload: watching" in log and f"log goes to {tmp_path / 'data' / 'bot.log'}" in result.stdout


def test_without_a_store_only_warnings_reach_stderr(tmp_path: Path) -> None:
    result = chat_process("hello\n", REPO, "--no-store", BOT_DB_PATH=str(tmp_path / "db.sqlite3"),
                          BOT_LOG_LEVEL="DEBUG", BOT_WATCH="1")
    assert result.returncode == 0 and result.stderr == "" and not (tmp_path / "bot.log").exists()
    assert result.stdout.rstrip().endswith(texts.TERMINAL_GOODBYE)  # end of input (Ctrl-D) says goodbye too


def test_broken_files_start_on_the_last_good_content_and_say_so(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    data = tmp_path / "data"
    Library(root, data / "cache")  # what an earlier run leaves in the cache
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("      - ocrevus\n", "\t- ocrevus\n"), "utf-8")
    result = chat_process("ocrevus\n", root, BOT_DB_PATH=str(data / "bot.sqlite3"), BOT_WATCH="0")
    assert result.returncode == 0, result.stderr
    assert "⚠️ Started on the last good content" in result.stdout and "indented with a tab" in result.stdout
    assert "Disease-modifying therapies" in result.stdout  # answered from the last good content
    assert "THE CONTENT FILES HAVE 1 ERROR(S)" in (data / "bot.log").read_text(encoding="utf-8")


def read_until(fd: int, needle: bytes, limit_s: float = 30.0) -> bytes:
    """Everything the terminal shows until `needle` appears (or the process ends)."""
    seen, end = b"", time.monotonic() + limit_s
    while needle not in seen and time.monotonic() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_ctrl_c_leaves_with_a_goodbye_and_no_traceback(tmp_path: Path) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the bot in a real terminal
        os.chdir(REPO)
        os.execve(sys.executable, [sys.executable, "-m", "bot", "chat", "--no-store"],
                  clean_env(BOT_WATCH="0"))
    try:
        assert b"you> " in read_until(fd, b"you> ")
        os.write(fd, b"\x03")  # Ctrl-C, as the terminal sends it
        shown = read_until(fd, texts.TERMINAL_GOODBYE.encode())
        status = exit_status(pid)  # it ends by itself: no Enter needed
    finally:
        os.close(fd)
    assert texts.TERMINAL_GOODBYE.encode() in shown and b"Traceback" not in shown
    assert status == 0


def exit_status(pid: int, limit_s: float = 30.0) -> int | None:
    """The child's exit status; None (and the child killed) if it is still running after `limit_s`."""
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return None


# -- asking for a person: no staff team here, so the contact and helplines --------------------------

HANDOVER_CONTACT = "https://example.org/contact-us"


def handover_chat() -> tuple[TerminalChat, list[str]]:
    settings = Settings.from_env({"BOT_HANDOVER_CHAT_ID": "-1001234567890", "BOT_HANDOVER_CONTACT": HANDOVER_CONTACT},
                                 root=REPO)
    written: list[str] = []
    engine = build_engine(settings)  # as the terminal chat builds it: no staff team to hand over to
    return TerminalChat(Conversation(engine, None), written.append), written


async def test_human_words_and_the_button_show_the_contact_and_helplines() -> None:
    session, written = handover_chat()
    await session.handle("/human")
    await session.handle("speak to a real person")
    await session.handle("how do I fix my bicycle")
    number = next(n for n, b in enumerate(session.buttons, 1) if b.action == "ho")
    await session.handle(str(number))
    human, words, fallback, pressed = written
    assert human == words == pressed
    assert "I can't connect you with a person in this chat." in human and HANDOVER_CONTACT in human
    assert "Samaritans 116 123" in human and "Yes, connect me" not in human
    assert "Talk to a person" in fallback
