"""`start` (the default command): Telegram when a token is set, otherwise the terminal chat.

This module only chooses: it names the channel that runs and bot/cli.py imports that one module,
so the command line never loads Telegram for a terminal chat (or the reverse).
"""

from __future__ import annotations

import argparse

from bot.settings import Settings

TELEGRAM = "bot.channels.telegram.app"
TERMINAL = "bot.channels.terminal.chat"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--webhook", action="store_true", help="with a token: use webhook mode")


def channel_of(settings: Settings) -> str:
    """The module that runs the bot: Telegram with a token, else the same bot in this terminal (said so)."""
    if settings.token:
        return TELEGRAM
    print("No TELEGRAM_BOT_TOKEN set: starting the same bot in this terminal.\n")
    return TERMINAL
