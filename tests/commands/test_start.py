"""bot/commands/start.py: the default command chooses the channel that runs the bot."""

from __future__ import annotations

import argparse
import importlib

import pytest

from bot.commands.start import TELEGRAM, TERMINAL, add_arguments, channel_of
from bot.settings import Settings
from tests.helpers import REPO


def test_with_a_token_the_bot_runs_on_telegram(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "123:abc"}, root=REPO)
    assert channel_of(settings) == TELEGRAM
    assert capsys.readouterr().out == ""


def test_without_a_token_the_same_bot_runs_in_the_terminal_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert channel_of(Settings.from_env({}, root=REPO)) == TERMINAL
    assert "No TELEGRAM_BOT_TOKEN set" in capsys.readouterr().out


def test_the_channels_named_are_modules_that_run() -> None:
    for name in (TELEGRAM, TERMINAL):
        assert callable(importlib.import_module(name).run)


def test_webhook_mode_is_an_option_of_start() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert parser.parse_args(["--webhook"]).webhook and not parser.parse_args([]).webhook
