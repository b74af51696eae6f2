"""Content governance, after NHS and PIF TICK practice: every article has an owner, a review date, a
next-review date, and a record of which text was reviewed.

The record is the `digest:` in the article's own front matter: a short hash of everything a reader is shown
(`bot.content.content_digest`), written together with `reviewed:` and `next_review:` by
`python -m bot review SLUG`. Running that command is the reviewer's statement "I reviewed this text today".
`check` then warns when the text no longer matches its digest (it changed after the review), when the next
review is overdue, and when a field is missing. Keeping the record in the article means that one commit
carries the text and its review together, and nothing else has to be kept in step.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from bot.content.admin_files import ARTICLE_MAX_BYTES, read_admin_text
from bot.content.articles import Article, parse_article
from bot.content.problems import Problem, errors_only

REVIEW_MONTHS = 12  # the default interval to the next review: patient information is reviewed at least yearly


def today_utc() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 -> 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _line(article: Article, key: str) -> int | None:
    """Line of a front-matter field in the article's file (None when it is not there)."""
    try:
        lines = read_admin_text(article.path, article.path.parent, ARTICLE_MAX_BYTES).splitlines()
    except OSError:
        return None
    for number, text in enumerate(lines[1:], 2):
        if text.rstrip() == "---":
            return None
        if text.startswith(f"{key}:"):
            return number
    return None


def review_problems(article: Article, today: dt.date) -> list[Problem]:
    """Warnings for an article whose review is overdue, whose text changed after its review, or that lacks
    an owner, a next-review date or a review digest. Never errors: the text itself is still fine to serve."""
    file, command = f"content/{article.path.name}", f"`python -m bot review {article.slug}`"
    found: list[Problem] = []

    def warn(key: str, message: str) -> None:
        found.append(Problem(file, _line(article, key) or _line(article, "reviewed"), key, message, "warning"))

    if not article.owner:
        warn("owner", "no owner: add 'owner: <name or team>', the person who keeps this article correct")
    if article.next_review is None:
        warn("next_review", f"no next review date: after the next review run {command}, or add "
                            f"'next_review: {add_months(article.reviewed, REVIEW_MONTHS)}'")
    elif article.next_review < today:
        warn("next_review", f"review overdue since {article.next_review} (last reviewed {article.reviewed}): "
                            f"have the article reviewed, then run {command}")
    elif article.next_review < article.reviewed:
        warn("next_review", f"next review {article.next_review} is before the last review {article.reviewed}")
    if not article.reviewed_digest:
        warn("digest", f"no record of which text was reviewed on {article.reviewed}: once the text is reviewed, "
                       f"run {command}")
    elif article.changed_since_review:
        warn("digest", f"the text changed after its review on {article.reviewed} (its digest is now "
                       f"{article.digest}, the reviewed text's was {article.reviewed_digest}): have the change "
                       f"reviewed, then run {command}")
    return found


def check_governance(articles: dict[str, Article], today: dt.date | None = None) -> list[Problem]:
    day = today or today_utc()
    return [p for article in articles.values() for p in review_problems(article, day)]


# -- `python -m bot review SLUG`: stamp a review ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a review records in the article's front matter."""

    reviewed: dt.date
    next_review: dt.date
    owner: str
    digest: str


class ReviewError(ValueError):
    """The review cannot be stamped; the message says why and what to do."""


_FRONT_END = re.compile(r"^---[ \t]*$")


def stamp_review(path: Path, reviewed: dt.date, next_review: dt.date | None = None,
                 owner: str | None = None) -> Stamp:
    """Write reviewed, next_review, owner and the digest of the text as it is now into the article's front
    matter; every other line of the file stays as it was. Raises ReviewError if the article has errors."""
    text = read_admin_text(path, path.parent, ARTICLE_MAX_BYTES)
    article, problems = parse_article(path, text)
    if article is None or errors_only(problems):
        raise ReviewError(f"content/{path.name} has errors; fix them first (`python -m bot check` lists them)")
    who = " ".join((owner or article.owner).split())
    if not who:
        raise ReviewError(f"content/{path.name} has no owner yet: give one with --owner \"name or team\"")
    due = next_review or add_months(reviewed, REVIEW_MONTHS)
    if due <= reviewed:
        raise ReviewError(f"the next review ({due}) must come after this one ({reviewed})")
    stamp = Stamp(reviewed, due, who, article.digest)
    fields = {"reviewed": str(reviewed), "next_review": str(due), "owner": _yaml_text(who), "digest": stamp.digest}
    _write(path, _set_front_matter(text, fields))
    return stamp


def _yaml_text(value: str) -> str:
    """A one-line YAML text, quoted when plain YAML would read it as something else."""
    plain = re.fullmatch(r"[A-Za-z][\w .,()/&'-]*", value) and ": " not in value and not value.endswith(":")
    return value if plain else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _set_front_matter(text: str, fields: dict[str, str]) -> str:
    """Replace each `key: value` line of the front matter (with any indented lines that continued its old
    value), or add it after the field before it in `fields`, so the review fields stay together."""
    lines = text.split("\n")
    end = next(n for n in range(1, len(lines)) if _FRONT_END.match(lines[n]))
    head, rest = lines[1:end], lines[end:]
    after = len(head) - 1
    for key, value in fields.items():
        at = next((n for n, line in enumerate(head) if line.startswith(f"{key}:")), None)
        if at is None:
            head.insert(after + 1, f"{key}: {value}")
            after += 1
            continue
        stop = at + 1
        while stop < len(head) and head[stop].startswith((" ", "\t")):
            stop += 1
        head[at:stop] = [f"{key}: {value}"]
        after = at
    return "\n".join([lines[0], *head, *rest])


def _write(path: Path, text: str) -> None:
    """Replace the file in one step: the content watcher never reads half of it."""
    temporary = path.with_name(f".{path.name}.review")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
