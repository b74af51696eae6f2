"""`python -m bot review SLUG`: record that an article's current text has been reviewed.

Writes `reviewed:`, `next_review:`, `owner:` and `digest:` into the article's front matter (see
bot.content.governance). Run it after the review, not before: the digest is of the text as it is now.
"""

from __future__ import annotations

import argparse
import datetime as dt

from bot.content.governance import REVIEW_MONTHS, ReviewError, add_months, stamp_review, today_utc
from bot.content.problems import did_you_mean
from bot.settings import Settings


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date like 2026-11-20, got {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="the article: its file name in content/ without .md")
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                        help="the day the review was done (default today; never in the future)")
    due = parser.add_mutually_exclusive_group()
    due.add_argument("--next", type=_date, metavar="YYYY-MM-DD", help="when the next review is due")
    due.add_argument("--months", type=int, default=REVIEW_MONTHS,
                     help=f"months to the next review (default {REVIEW_MONTHS})")
    parser.add_argument("--owner", help="who keeps the article correct (name or team); default: the current owner")


def run(args: argparse.Namespace, settings: Settings) -> int:
    content = settings.root / "content"
    path = content / f"{args.slug}.md"
    if not path.is_file():
        known = sorted(p.stem for p in content.glob("*.md"))
        print(f"No article '{args.slug}' in {content}.{did_you_mean(args.slug, known)} "
              f"Articles: {', '.join(known) or 'none'}")
        return 1
    reviewed = args.date or today_utc()
    if reviewed > today_utc():
        print(f"--date {reviewed} is in the future: a review is recorded after it is done.")
        return 1
    try:
        stamp = stamp_review(path, reviewed, args.next or add_months(reviewed, args.months), args.owner)
    except ReviewError as err:
        print(f"Not stamped: {err}.")
        return 1
    print(f"Stamped content/{path.name}: reviewed {stamp.reviewed}, next review due {stamp.next_review}, "
          f"owner {stamp.owner}, digest {stamp.digest} (of the text as it is now).\n"
          "A running bot picks it up within a second; commit the article with its review.")
    return 0
