"""`start` (the default command): Telegram when a token is set, otherwise the terminal chat."""

from __future__ import annotations

import argparse

from bot.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--webhook", action="store_true", help="with a token: use webhook mode")


def run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.token:
        from bot.channels.telegram import app as telegram_app

        return telegram_app.run(args, settings)
    from bot.channels.terminal import chat as terminal

    print("No TELEGRAM_BOT_TOKEN set: starting the same bot in this terminal.\n")
    return terminal.run(args, settings)
