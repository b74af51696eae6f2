"""`python -m bot history [SLUG]`: which version of each article was served, and from when.

Reads the content_version table (a row each time an article is first served in a different text; see
Conversation._note_served) and compares with the files now.
"""

from __future__ import annotations

import argparse
import datetime as dt
from itertools import groupby

from bot.admin.report import NO_DATA
from bot.app import with_store
from bot.content.articles import Article, load_articles
from bot.settings import Settings
from bot.storage.protocol import ServedVersion, StorageError

STATES = {True: "the reviewed text", False: "not the reviewed text"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", nargs="?", help="only this article (its file name without .md)")


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def format_history(versions: list[ServedVersion], articles: dict[str, Article]) -> str:
    """Per article, each version served (oldest first) with when it was first served and until when."""
    if not versions:
        return "No answers served from an article yet."
    lines: list[str] = []
    for slug, group in groupby(sorted(versions, key=lambda v: v.slug), key=lambda v: v.slug):
        served = list(group)
        now = articles.get(slug)
        lines.append(f"{slug}" + (f" (in the files now: digest {now.digest})" if now else " (no longer in content/)"))
        for version, following in zip(served, [*served[1:], None], strict=True):
            until = f"until {_when(following.first_served)}" if following else "until now"
            lines.append(f"  {_when(version.first_served)}  {until:<29}  digest {version.digest}  "
                         f"reviewed {version.reviewed}, {STATES[version.as_reviewed]}")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.db_path.exists():
        print(NO_DATA.format(path=settings.db_path))
        return 0
    try:
        versions = with_store(settings, lambda store: store.served_versions(args.slug))
    except StorageError as err:
        print(f"Cannot read the database: {err}")
        return 1
    articles, _ = load_articles(settings.root / "content")
    print("Article versions served (times in UTC; a new line each time an answer used a changed text):")
    print(format_history(versions, articles))
    return 0
