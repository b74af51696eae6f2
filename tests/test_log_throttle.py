"""bot/log_throttle.py: a flood of one log line becomes its first few records and a count."""

from __future__ import annotations

import logging
import subprocess
import sys

from bot.log_throttle import ThrottleRepeats
from tests.helpers import REPO


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def logger_with(throttle: ThrottleRepeats, name: str) -> tuple[logging.Logger, Collect]:
    logger = logging.getLogger(f"tests.log_throttle.{name}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    collect = Collect()
    collect.addFilter(throttle)
    logger.handlers = [collect]
    return logger, collect


def out_of_resources(logger: logging.Logger) -> None:
    """As asyncio's default exception handler writes it: one line of code for every loop error."""
    logger.error("socket.accept() out of system resource\nsocket: <fd=6>\nOSError: [Errno 24] Too many open files")


def test_a_flood_is_its_first_records_then_one_count_per_window() -> None:
    clock = Clock()
    logger, collect = logger_with(ThrottleRepeats(burst=3, window=60.0, clock=clock), "flood")
    for _ in range(4_216):
        out_of_resources(logger)
        clock.now += 0.01  # 42 s of flood: all in the first window
    assert len(collect.lines) == 3
    clock.now += 30.0
    out_of_resources(logger)
    assert len(collect.lines) == 4
    assert collect.lines[-1].endswith("Too many open files [suppressed 4,213 similar messages in the last 72 s]")
    out_of_resources(logger)
    out_of_resources(logger)
    out_of_resources(logger)  # the new window's burst is spent
    assert len(collect.lines) == 6 and "suppressed" not in collect.lines[-1]


def test_kinds_are_counted_apart_and_arguments_do_not_make_a_new_kind() -> None:
    clock = Clock()
    logger, collect = logger_with(ThrottleRepeats(burst=2, window=60.0, clock=clock), "kinds")
    def retry(why: str, attempt: int) -> None:
        logger.warning("getUpdates failed (NetworkError: %s); try %d", why, attempt)

    for attempt in range(100):
        retry("connection reset", attempt)
        logger.error("a different line %d", attempt)
    assert collect.lines == ["getUpdates failed (NetworkError: connection reset); try 0",
                             "a different line 0",
                             "getUpdates failed (NetworkError: connection reset); try 1",
                             "a different line 1"]
    clock.now += 60.0
    retry("timed out", 100)
    assert collect.lines[-1] == ("getUpdates failed (NetworkError: timed out); try 100 "
                                 "[suppressed 98 similar messages in the last 60 s]")


def test_memory_stays_flat_with_ever_new_kinds() -> None:
    throttle = ThrottleRepeats(burst=1, clock=Clock(), max_kinds=50)
    logger, collect = logger_with(throttle, "kinds_bound")
    for n in range(1_000):
        logger.info(f"line {n}")  # every record a new kind, on purpose
    assert len(collect.lines) == 1_000 and len(throttle._kinds) == 50


def test_the_bots_logging_setup_throttles_floods() -> None:
    """`python -m bot` sets logging up once (bot.cli.setup_logging): a flood there is throttled."""
    script = ("import logging; from bot.cli import setup_logging; setup_logging('INFO'); "
              "[logging.getLogger('asyncio').error('socket.accept() out of system resource') for _ in range(5000)]")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("out of system resource") == 10
