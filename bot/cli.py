"""`python -m bot COMMAND`: the bot's command line.

Each command lives in its own module exposing `add_arguments(parser)` and
`run(args, settings) -> int`; this file only wires them up.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from bot.content.problems import LoadError
from bot.log_privacy import RedactPersonalData
from bot.log_throttle import ThrottleRepeats
from bot.settings import Settings, SettingsError

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "start": ("bot.commands.start", "run on Telegram if TELEGRAM_BOT_TOKEN is set, else chat in the terminal"),
    "chat": ("bot.channels.terminal.chat", "chat with the bot in this terminal (same engine and storage)"),
    "ask": ("bot.commands.ask", "print the reply to a question (--json for machines, '-' reads stdin)"),
    "explain": ("bot.commands.ask", "show the top candidate intents, scores and matched keywords"),
    "check": ("bot.content.check", "validate intents.yaml and content/, and test every example (--strict for CI)"),
    "review": ("bot.commands.review", "record that an article's current text was reviewed (date, next review, digest)"),
    "history": ("bot.admin.history", "which version of each article was served, and from when"),
    "run": ("bot.channels.telegram.app", "run the Telegram bot (long polling, or --webhook)"),
    "evaluate": ("tools.evaluate", "measure answer quality on a labelled development set"),
    "bench": ("tools.bench", "benchmark matching, loading, memory and end-to-end throughput"),
    "stats": ("bot.admin.cli", "usage statistics for admins"),
    "unmatched": ("bot.admin.cli", "recent questions the bot could not answer"),
    "suggest": ("bot.admin.cli", "propose new keywords from unmatched questions (never edits files)"),
}


def load_command(name: str, module_name: str) -> ModuleType:
    """The command's module. bench and evaluate live in tools/, beside bot/ in a checkout but not in the wheel."""
    if not module_name.startswith("tools."):
        return importlib.import_module(module_name)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "tools" / "__init__.py").is_file() and str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))  # an editable install run from another folder
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name != "tools":
            raise
        raise SystemExit(f"'{name}' is a development tool and is not part of the installed bot: run "
                         f"`python -m bot {name}` in a checkout of the repository "
                         "(pip install -e '.[dev]' there).") from None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the chosen command's module is imported (start-up stays fast)."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Patient-information bot (epilepsy, MS).")
    parser.add_argument("--root", help="folder holding intents.yaml and content/ (default: current folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(module=module_name)
        if name == command:
            module = load_command(name, module_name)
            adder = getattr(module, f"add_{name}_arguments", None) or getattr(module, "add_arguments", None)
            if adder:
                adder(sub)
    return parser


def setup_logging(level: int | str) -> None:
    """The one logging setup: lines to stderr, floods throttled (bot.log_throttle), libraries' records redacted."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.addFilter(ThrottleRepeats())  # first: a dropped record costs no redaction
        handler.addFilter(RedactPersonalData())  # libraries log texts and ids at DEBUG: never keep them
    logging.getLogger("httpx").setLevel(logging.WARNING)  # httpx logs request URLs, which hold the token


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for i, a in enumerate(argv) if not a.startswith("-") and argv[i - 1:i] != ["--root"]), None)
    if command not in COMMANDS and not {"-h", "--help"} & set(argv):
        argv.insert(0 if command is None else argv.index(command), "start")
        command = "start"
    args = build_parser(command).parse_args(argv)
    try:
        settings = Settings.from_env(root=Path(args.root) if args.root else None)
    except SettingsError as err:
        print(f"Configuration error: {err}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level)
    module = load_command(args.command, args.module)
    chooser = getattr(module, "channel_of", None)  # `start` names the channel that runs
    if chooser is not None:
        module = load_command(args.command, chooser(settings))
    runner = getattr(module, f"run_{args.command}", None) or module.run
    try:
        status = int(runner(args, settings) or 0)
        sys.stdout.flush()  # here, not at exit: a reader that has gone away is handled below
        return status
    except LoadError as err:
        if args.command in ("start", "chat", "run"):
            print("The content files have errors, and there is no earlier good version of them in the cache "
                  "to start on, so the bot cannot start:", file=sys.stderr)
        else:
            print("The content files have errors, so they cannot be loaded:", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}".replace("\n", "\n  "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return closed_pipe()


def closed_pipe() -> int:
    """The reader of our output went away (`... | head -1`): stop quietly, as other command-line tools do.

    Python would otherwise print a traceback, and again when it flushes stdout at exit: point stdout at
    /dev/null so that last flush has nowhere to fail.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141  # 128 + SIGPIPE: what a shell reports for a tool stopped by a closed pipe
