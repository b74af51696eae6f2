"""Articles: Markdown files with YAML front matter, split into `##` sections."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.content.admin_files import ARTICLE_MAX_BYTES, AdminFileError, read_admin_file
from bot.content.problems import Problem, close_match
from bot.content.yaml_errors import yaml_problem
from bot.content.yamlsource import LineDict, line_of, load_yaml

TOPICS = ("ms", "epilepsy", "neuro-immune")
ReviewState = Literal["reviewed", "changed", "unrecorded"]
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_HEADING = re.compile(r"##[ \t]")  # then the heading text; trailing #s and blanks are stripped without a regex
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DIGEST = re.compile(r"[0-9a-f]{12,64}")
REQUIRED_FIELDS = ("slug", "title", "topic", "summary", "reviewed", "sources")
# Content governance (bot.content.governance): who owns the article, when it is next due, and the digest of the text
# that was reviewed. Missing ones are `check` warnings, never load errors.
GOVERNANCE_FIELDS = ("next_review", "owner", "digest")
FRONT_MATTER_FIELDS = (*REQUIRED_FIELDS, "url", "treatments", *GOVERNANCE_FIELDS)
FRONT_MATTER_MAX_CHARS = 64 * 1024  # a real one is under 2 kB; more is a mistake or an attack on the parser
UNKNOWN_FIELDS_REPORTED = 20


def heading_text(line: str) -> str | None:
    """The text of a `## Heading ##` line (closing #s and blanks dropped), or None if it is not one.

    String methods, not a regex: the pattern this replaces backtracked on trailing blanks, and a heading with
    8,000 spaces took minutes; this is one pass however long the line."""
    if not _HEADING.match(line):
        return None
    text = line[3:].lstrip(" \t").rstrip(" \t")
    core = text.rstrip("#").rstrip(" \t")
    return core or text[:1] or None


def slugify(heading: str) -> str:
    """Section id from a heading: "What MS is" -> "what-ms-is"."""
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Treatment:
    name: str
    purpose: str
    summary: str


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    heading: str
    paragraphs: tuple[str, ...]  # blocks separated by blank lines; a bullet list is one block
    line: int

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    topic: str
    summary: str
    url: str  # absolute URL from front matter, or "" to build from BOT_CONTENT_BASE_URL
    reviewed: dt.date
    sources: tuple[str, ...]
    treatments: tuple[Treatment, ...]
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    path: Path
    next_review: dt.date | None = None
    owner: str = ""
    reviewed_digest: str = ""  # the `digest:` stamped by `python -m bot review`: the text that was reviewed
    digest: str = ""  # of the text as it is now (content_digest)

    @property
    def changed_since_review(self) -> bool:
        """The text differs from the one that was reviewed (or no review was ever stamped)."""
        return self.digest != self.reviewed_digest

    @property
    def review_state(self) -> ReviewState:
        """'reviewed' (the text is the one reviewed), 'changed' (edited since), 'unrecorded' (never stamped)."""
        if not self.reviewed_digest:
            return "unrecorded"
        return "changed" if self.changed_since_review else "reviewed"

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def link(self, base_url: str) -> str:
        """Where the full text lives: the article's own URL, else the configured base plus slug."""
        return self.url or f"{base_url.rstrip('/')}/{self.slug}"

    def full_text(self) -> str:
        """The whole article as plain text, for reading inside the chat."""
        parts = [self.title, *self.intro]
        for section in self.sections:
            parts.append(section.heading.upper())
            parts.extend(section.paragraphs)
        return "\n\n".join(parts)


def _join_block(lines: list[str]) -> str:
    """Prose lines joined into one line; each bullet ("- x") kept on its own line as "• x"."""
    out: list[str] = []
    for line in lines:
        if line.startswith(("- ", "* ")):
            out.append("• " + line[2:])
        elif out and not out[-1].startswith("• "):
            out[-1] += " " + line  # a wrapped prose line
        else:
            out.append(line)
    return "\n".join(out)


def _blocks(lines: list[str]) -> tuple[str, ...]:
    """Paragraphs separated by blank lines, each joined into one line (bullets keep their newlines)."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in [*lines, ""]:
        line = raw.strip()
        if line:
            current.append(line)
            continue
        if current:
            blocks.append(_join_block(current))
            current = []
    return tuple(blocks)


def _split_body(body: str, first_line: int) -> tuple[tuple[str, ...], list[Section]]:
    intro: list[str] = []
    sections: list[tuple[str, int, list[str]]] = []
    for offset, line in enumerate(body.splitlines()):
        heading = heading_text(line)
        if heading is not None:
            sections.append((heading, first_line + offset, []))
        elif sections:
            sections[-1][2].append(line)
        else:
            intro.append(line)
    return _blocks(intro), [Section(slugify(h), h, _blocks(ls), n) for h, n, ls in sections]


def _text_field(meta: LineDict, key: str, file: str, problems: list[Problem]) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, line_of(meta, key, 1), key, "must be a non-empty text"))
        return ""
    return " ".join(value.split())


def _date_field(meta: LineDict, file: str, problems: list[Problem]) -> dt.date:
    value = meta.get("reviewed")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(Problem(file, line_of(meta, "reviewed", 1), "reviewed", "must be a date like 2026-11-20"))
        return dt.date.min


def _governance(meta: LineDict, file: str, problems: list[Problem]) -> tuple[dt.date | None, str, str]:
    """next_review, owner and digest; a malformed one is a warning and counts as missing."""
    next_review, owner, digest = meta.get("next_review"), meta.get("owner"), meta.get("digest")
    if next_review is not None and not isinstance(next_review, dt.date):
        try:
            next_review = dt.date.fromisoformat(str(next_review))
        except ValueError:
            problems.append(Problem(file, line_of(meta, "next_review", 1), "next_review",
                                    "must be a date like 2027-11-20 (ignored)", "warning"))
            next_review = None
    if owner is not None and (not isinstance(owner, str) or not owner.strip()):
        problems.append(Problem(file, line_of(meta, "owner", 1), "owner",
                                "must be a name or a team, as text (ignored)", "warning"))
        owner = None
    if digest is not None and not _DIGEST.fullmatch(str(digest)):
        problems.append(Problem(file, line_of(meta, "digest", 1), "digest", "is not a digest written by "
                                "`python -m bot review` (ignored): run it again after the review", "warning"))
        digest = None
    return next_review, " ".join(str(owner or "").split()), str(digest or "")


def _unknown_fields(meta: LineDict, file: str, problems: list[Problem]) -> bool:
    """Report fields the front matter does not have, with the field each looks like; True when one of them
    is a misspelt required field (then that one error stands for everything missing after it). Only the first
    `UNKNOWN_FIELDS_REPORTED` are listed one by one: a file of thousands of odd keys is one more line, not
    thousands of admin notices."""
    lost_required = False
    unknown = sorted(set(meta) - set(FRONT_MATTER_FIELDS), key=str)
    missing = set(FRONT_MATTER_FIELDS) - set(meta)  # once: per key, it made the check quadratic
    for index, key in enumerate(unknown):
        guess = close_match(str(key), missing)
        required = guess in REQUIRED_FIELDS
        lost_required = lost_required or required
        if index >= UNKNOWN_FIELDS_REPORTED and not required:
            continue
        hint = f" Did you mean '{guess}'?" if guess else f" The fields are: {', '.join(FRONT_MATTER_FIELDS)}"
        problems.append(Problem(file, line_of(meta, key, 1), str(key), f"unknown field '{key}'.{hint}",
                                "error" if required else "warning"))
    if len(unknown) > UNKNOWN_FIELDS_REPORTED:
        more = len(unknown) - UNKNOWN_FIELDS_REPORTED
        problems.append(Problem(file, None, "front matter", f"and {more} more unknown fields (not listed)",
                                "warning"))
    return lost_required


def content_digest(article: Article) -> str:
    """A short digest of everything a reader is shown (not the review fields), so that `check` can tell
    whether the text changed after its review. Re-wrapping lines does not change it; changing a word does."""
    served = [article.slug, article.title, article.topic, article.summary, article.url, list(article.sources),
              [[t.name, t.purpose, t.summary] for t in article.treatments], list(article.intro),
              [[s.heading, list(s.paragraphs)] for s in article.sections]]
    return hashlib.sha256(json.dumps(served, ensure_ascii=False).encode()).hexdigest()[:16]


def _sources(meta: LineDict, file: str, problems: list[Problem]) -> tuple[str, ...]:
    value = meta.get("sources")
    if not isinstance(value, list) or not value:
        problems.append(Problem(file, line_of(meta, "sources", 1), "sources", "must list at least one source"))
        return ()
    return tuple(str(s.get("title", "")) if isinstance(s, dict) else str(s) for s in value)


def _treatments(meta: LineDict, file: str, problems: list[Problem]) -> tuple[Treatment, ...]:
    value = meta.get("treatments") or []
    if not isinstance(value, list):
        problems.append(Problem(file, line_of(meta, "treatments", 1), "treatments", "must be a list"))
        return ()
    found = []
    for item in value:
        line = line_of(item, default=line_of(meta, "treatments", 1))
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("name", "for", "summary")):
            problems.append(Problem(file, line, "treatments", "each item needs name, for and summary texts"))
            continue
        found.append(Treatment(item["name"].strip(), item["for"].strip(), " ".join(item["summary"].split())))
    return tuple(found)


def parse_article(path: Path, text: str) -> tuple[Article | None, list[Problem]]:
    """Parse one Markdown article; returns the article (None if unusable) and its problems. Never raises:
    whatever goes wrong in an odd file is a problem with its file (and line, where the parser knows it)."""
    file = f"content/{path.name}"
    try:
        return _parse_article(path, text, file)
    except Exception as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(file, mark.line + 2 if mark else None, "file",
                              f"could not be read ({type(error).__name__}: {error})")]


def _parse_article(path: Path, text: str, file: str) -> tuple[Article | None, list[Problem]]:
    problems: list[Problem] = []
    front = _FRONT.match(text)
    if not front:
        return None, [Problem(file, 1, "front matter", "the file must start with a --- YAML block ---")]
    if len(front.group(1)) > FRONT_MATTER_MAX_CHARS:
        return None, [Problem(file, 2, "front matter", f"is longer than {FRONT_MATTER_MAX_CHARS // 1024} kB: refused "
                              "(it needs only a few short fields)")]
    try:
        meta: Any = load_yaml(front.group(1))
    except yaml.YAMLError as err:
        return None, [yaml_problem(file, front.group(1), err, first_line=2, field="front matter")]
    if not isinstance(meta, LineDict):
        return None, [Problem(file, 2, "front matter", "must be a mapping of fields ('name: value' lines)")]
    for key in meta.key_lines:
        meta.key_lines[key] += 1  # the front matter starts on line 2 of the file
    if _unknown_fields(meta, file, problems):
        return None, problems
    slug = _text_field(meta, "slug", file, problems)
    if slug and (slug != path.stem or not _SLUG.fullmatch(slug)):
        problems.append(Problem(file, line_of(meta, "slug"), "slug", f"must be '{path.stem}' (the file name)"))
    topic = str(meta.get("topic", ""))
    if topic not in TOPICS:
        problems.append(Problem(file, line_of(meta, "topic", 1), "topic", f"must be one of {', '.join(TOPICS)}"))
    url = str(meta.get("url") or "").strip()
    if url and not url.startswith(("https://", "http://")):
        problems.append(Problem(file, line_of(meta, "url"), "url", "must be empty or start with https://"))
    body_start = text[: front.end()].count("\n") + 1
    intro, sections = _split_body(text[front.end():], body_start)
    if not sections:
        problems.append(Problem(file, body_start, "body", "needs at least one '## ' section"))
    seen: set[str] = set()
    for section in sections:
        if section.id in seen:
            problems.append(Problem(file, section.line, "section", f"two sections are both '{section.heading}'"))
        seen.add(section.id)
        if not section.paragraphs:
            problems.append(Problem(file, section.line, "section", f"'{section.heading}' has no text"))
    next_review, owner, reviewed_digest = _governance(meta, file, problems)
    article = Article(
        slug=slug or path.stem,
        title=_text_field(meta, "title", file, problems),
        topic=topic,
        summary=_text_field(meta, "summary", file, problems),
        url=url,
        reviewed=_date_field(meta, file, problems),
        sources=_sources(meta, file, problems),
        treatments=_treatments(meta, file, problems),
        intro=intro,
        sections=tuple(sections),
        path=path,
        next_review=next_review,
        owner=owner,
        reviewed_digest=reviewed_digest,
    )
    return replace(article, digest=content_digest(article)), problems


ArticleFiles = dict[Path, tuple[bytes, Article | None, tuple[Problem, ...]]]  # file -> (digest, parsed, problems)


def _stays_inside(path: Path, folder: Path) -> bool:
    """A file in content/, or a link to one: not a link to /etc/passwd or to another project's files."""
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a link loop
        return False


def load_articles(content_dir: Path) -> tuple[dict[str, Article], list[Problem]]:
    """Every `*.md` article in `content_dir`, keyed by slug, with all problems found."""
    articles, problems, _ = load_articles_reusing(content_dir, {})
    return articles, problems


def load_articles_reusing(content_dir: Path, known: ArticleFiles) -> tuple[dict[str, Article], list[Problem],
                                                                          ArticleFiles]:
    """`load_articles`, taking a file that is byte for byte as `known` holds it from there (a reload then
    parses only the articles an admin changed, and shares the rest with the snapshot being replaced)."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    files: ArticleFiles = {}
    if not content_dir.is_dir():
        return {}, [Problem(str(content_dir), None, "content", "folder not found")], files
    inside = content_dir.resolve()
    for path in sorted(content_dir.glob("*.md")):
        if not _stays_inside(path, inside):  # never read, so never quoted back in an error message
            problems.append(Problem(f"content/{path.name}", None, "file",
                                    "is a link to a file outside content/: refused (copy the file in instead)"))
            continue
        try:
            data = read_admin_file(path, inside, ARTICLE_MAX_BYTES)
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if path in known and known[path][0] == digest:
                _, article, found = known[path]
            else:
                text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text() reads it
                article, found = parse_article(path, text)
        except AdminFileError as err:
            problems.append(Problem(f"content/{path.name}", None, "file", str(err)))
            continue
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(f"content/{path.name}", None, "file", f"cannot be read: {err}"))
            continue
        files[path] = (digest, article, tuple(found))
        problems.extend(found)
        if article is not None:
            articles[article.slug] = article
    if not articles and not problems:
        problems.append(Problem("content", None, "content", "no articles (*.md) found"))
    return articles, problems, files
