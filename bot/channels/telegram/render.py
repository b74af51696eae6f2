"""Render a channel-neutral `Reply` for Telegram: HTML text parts and an inline keyboard.

Everything that comes from users or from the content files is escaped with
`html.escape`; only the tags written here reach Telegram. A reply longer than
one message is cut at paragraph (then line, sentence, word) boundaries; the
keyboard goes on the last part, under the text it belongs to.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot.channels.telegram.limits import CALLBACK_DATA_LIMIT, MESSAGE_LIMIT
from bot.core.reply import Bullet, Reply, Source

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # rendered replies are sent without link previews
RENDER_CACHE_SIZE = 256  # distinct replies kept rendered (a few kB each)
# Finest cut last: a part ends at a blank line if it can, else a line end, a sentence end, a space.
_CUTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\n[ \t]*\n\s*"), "\n\n"),
    (re.compile(r"\n\s*"), "\n"),
    (re.compile(r"(?<=[.!?…])\s+"), " "),
    (re.compile(r"\s+"), " "),
)


@dataclass(frozen=True, slots=True)
class RenderedReply:
    """A reply ready to send: one or more HTML texts, and the keyboard for the last one."""

    parts: tuple[str, ...]
    keyboard: InlineKeyboardMarkup | None


@dataclass(frozen=True, slots=True)
class _Block:
    html: str
    tight: bool = False  # a list item: joined to the block before by a line break, not a blank line


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units: an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Text safe to put between HTML tags (user input, content)."""
    return html.escape(text, quote=False)


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{escape(text)}</i>"


def link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{escape(label)}</a>'


def source_line(source: Source) -> str:
    """`Source: <a href="URL">Title</a> · Reviewed 20 Nov 2026`."""
    return f"Source: {link(source.url, source.title)} · {escape(source.review_note())}"


def bullet_line(bullet: Bullet) -> str:
    return f"• {bold(bullet.lead)}: {escape(bullet.text)}" if bullet.lead else f"• {escape(bullet.text)}"


@functools.lru_cache(maxsize=RENDER_CACHE_SIZE)
def render(reply: Reply, limit: int = MESSAGE_LIMIT) -> RenderedReply:
    """The reply as HTML message texts, each within `limit`, plus its inline keyboard.

    Cached: popular questions get the same reply again and again, and rendering one (escaping, cutting,
    building PTB's keyboard objects) cost about 70 µs, several percent of an answer. Replies and their
    renderings are immutable, so a cached one can be sent any number of times.
    """
    return RenderedReply(tuple(pack(reply_blocks(reply, limit), limit)), keyboard(reply))


def render_html(reply: Reply, limit: int = MESSAGE_LIMIT) -> str:
    """The first part only: for places that take one text (inline results, notices)."""
    return render(reply, limit).parts[0]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's button rows as an inline keyboard; callback data is the button's action."""
    rows = [
        [InlineKeyboardButton(button.label, callback_data=button.action) for button in row]
        for row in reply.buttons if row
    ]
    for button in (b for row in reply.buttons for b in row):
        if not button.label or len(button.action.encode()) > CALLBACK_DATA_LIMIT:
            raise ValueError(f"button unusable on Telegram: {button!r}")
    return InlineKeyboardMarkup(rows) if rows else None


def reply_blocks(reply: Reply, limit: int = MESSAGE_LIMIT) -> list[_Block]:
    """The reply's blocks in reading order, none longer than `limit`."""
    blocks: list[_Block] = []
    if reply.alert:
        blocks += [_Block(piece) for piece in fit(reply.alert, bold, limit)]
    if reply.title:
        blocks += [_Block(piece) for piece in fit(reply.title, bold, limit)]
    for paragraph in reply.paragraphs:
        blocks += [_Block(piece) for piece in fit(paragraph, escape, limit)]
    for number, bullet in enumerate(reply.bullets):
        line = bullet_line(bullet)
        plain = f"• {bullet.lead}: {bullet.text}" if bullet.lead else f"• {bullet.text}"
        pieces = [line] if telegram_length(line) <= limit else fit(plain, escape, limit)
        blocks += [_Block(piece, tight=number > 0 or index > 0) for index, piece in enumerate(pieces)]
    if reply.source:
        blocks.append(_Block(source_line(reply.source)))
    if reply.footer:
        blocks += [_Block(piece) for piece in fit(reply.footer, italic, limit)]
    return blocks or [_Block(escape(reply.plain_text()) or "…")]


def pack(blocks: list[_Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join blocks into as few messages as fit, never splitting a block."""
    parts: list[str] = []
    current = ""
    for block in blocks:
        joined = f"{current}{chr(10) if block.tight else chr(10) * 2}{block.html}" if current else block.html
        if telegram_length(joined) <= limit:
            current = joined
            continue
        parts.append(current)
        current = block.html
    if current:
        parts.append(current)
    return parts


def fit(text: str, render_piece: Callable[[str], str], limit: int) -> list[str]:
    """`text` rendered piece by piece, cut at the coarsest boundary that makes every piece fit."""
    def fits(piece: str) -> bool:
        return telegram_length(render_piece(piece)) <= limit

    return [render_piece(piece) for piece in _cut(text.strip(), fits)]


def _cut(text: str, fits: Callable[[str], bool]) -> list[str]:
    if fits(text):
        return [text]
    for pattern, joiner in _CUTS:
        atoms = [atom for atom in pattern.split(text) if atom.strip()]
        if len(atoms) > 1:
            return _join_greedily([piece for atom in atoms for piece in _cut(atom, fits)], joiner, fits)
    return _hard_cut(text, fits)


def _join_greedily(pieces: list[str], joiner: str, fits: Callable[[str], bool]) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and fits(candidate := f"{joined[-1]}{joiner}{piece}"):
            joined[-1] = candidate
        else:
            joined.append(piece)
    return joined


def _hard_cut(text: str, fits: Callable[[str], bool]) -> list[str]:
    """A single "word" longer than a message (a pasted blob): cut it anywhere."""
    pieces = []
    while text:
        size = len(text)
        while size > 1 and not fits(text[:size]):
            size = size * 3 // 4
        pieces.append(text[:size])
        text = text[size:]
    return pieces
