"""`stats`, `unmatched` and `suggest`: admin commands on the server.

They only read the database (and intents.yaml, for the nearest topic); none of
them edits a file the editors maintain.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path
from typing import TypeVar

from bot.admin.handover import HandoverFigures, format_handover_figures, handover_figures
from bot.admin.report import (
    NO_DATA,
    UnmatchedGroup,
    UsageReport,
    format_suggestions,
    format_unmatched,
    format_usage,
    suggest_keywords,
    unmatched_groups,
    usage_report,
)
from bot.app import with_store
from bot.content.knowledge import Knowledge, build_knowledge
from bot.content.problems import errors_only
from bot.settings import Settings
from bot.storage.protocol import StorageError, Store

T = TypeVar("T")
CSV_COLUMNS = ("count", "example", "nearest_intent", "score", "last_seen")


# -- arguments --------------------------------------------------------------------------------


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--days", type=_positive, default=7,
                        help="how many days back, today included (default 7)")
    parser.add_argument("--chart", type=Path, metavar="FILE.png", help="also save a PNG chart to this file")


def add_unmatched_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_positive, default=30, metavar="DAYS",
                        help="how many days back (default 30)")
    parser.add_argument("--limit", type=_positive, default=20, help="how many groups to show (default 20)")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="also write the groups to a CSV file")


def add_suggest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_positive, default=30, metavar="DAYS",
                        help="how many days back (default 30)")


# -- shared plumbing --------------------------------------------------------------------------


def _no_database(settings: Settings) -> bool:
    """Say so plainly when the bot has not recorded anything yet."""
    if settings.db_path.exists():
        return False
    print(NO_DATA.format(path=settings.db_path))
    return True


def _knowledge_or_warning(settings: Settings) -> Knowledge | None:
    """The current intents, or None (with a hint) when the files have errors."""
    knowledge, problems = build_knowledge(settings.root)
    if knowledge is None:
        count = len(errors_only(problems))
        print(f"Note: intents.yaml or content/ has {count} error(s), so the nearest topic shown is the one "
              "recorded at the time. Run `python -m bot check` to see them.\n")
    return knowledge


def _storage_failed(err: StorageError) -> int:
    print(f"Cannot read the database: {err}")
    return 1


# -- stats ------------------------------------------------------------------------------------


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Print usage for the last N days; optionally save the chart."""
    if _no_database(settings):
        return 0

    async def read(store: Store) -> tuple[UsageReport, HandoverFigures]:
        return await usage_report(store, args.days), await handover_figures(store, args.days)

    try:
        report, handovers = with_store(settings, read)
    except StorageError as err:
        return _storage_failed(err)
    print(format_usage(report))
    print(format_handover_figures(handovers))
    if args.chart:
        from bot.admin.chart import render_stats_chart  # Pillow: loaded only when a chart is asked for

        render_stats_chart(report, args.chart)
        print(f"\nChart saved to {args.chart}")
    return 0


# -- unmatched --------------------------------------------------------------------------------


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A user's text as a spreadsheet shows it, never runs it: a cell starting with = + - @ (or a tab or a
    carriage return before one) is read as a formula by Excel, LibreOffice and Sheets ("=HYPERLINK(...)").
    A leading apostrophe makes it plain text (OWASP's advice for CSV injection)."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def write_unmatched_csv(groups: list[UnmatchedGroup], path: Path) -> None:
    """One row per group: count, example, nearest_intent, score, last_seen (UTC, ISO 8601)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for group in groups:
            last_seen = dt.datetime.fromtimestamp(group.last_seen, dt.UTC).isoformat(timespec="seconds")
            writer.writerow([group.count, spreadsheet_safe(group.example), group.nearest_intent or "",
                             f"{group.score:.1f}", last_seen])


def run_unmatched(args: argparse.Namespace, settings: Settings) -> int:
    """Print the most frequent unanswered questions, grouped; optionally save them as CSV."""
    if _no_database(settings):
        return 0
    knowledge = _knowledge_or_warning(settings)
    try:
        groups = with_store(settings,
                             lambda store: unmatched_groups(store, knowledge, args.since, args.limit))
    except StorageError as err:
        return _storage_failed(err)
    print(f"Last {args.since} days.")
    print(format_unmatched(groups))
    if args.csv:
        write_unmatched_csv(groups, args.csv)
        print(f"\nCSV saved to {args.csv} ({len(groups)} rows)")
    return 0


# -- suggest ----------------------------------------------------------------------------------


def run_suggest(args: argparse.Namespace, settings: Settings) -> int:
    """Print keyword suggestions for review; never edits intents.yaml."""
    if _no_database(settings):
        return 0
    knowledge = _knowledge_or_warning(settings)
    if knowledge is None:
        print("Suggestions need a valid intents.yaml: fix the errors first.")
        return 1
    try:
        suggestions = with_store(settings, lambda store: suggest_keywords(store, knowledge, args.since))
    except StorageError as err:
        return _storage_failed(err)
    print(f"Last {args.since} days.")
    print(format_suggestions(suggestions))
    print("\nThis command never edits intents.yaml: add the keywords you agree with yourself, "
          "then run `python -m bot check`.")
    return 0
