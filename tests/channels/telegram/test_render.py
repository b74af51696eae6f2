"""Rendering replies for Telegram: escaping, splitting, keyboards, callback data."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.channels.telegram.limits import MESSAGE_LIMIT
from bot.channels.telegram.render import keyboard, pack, render, reply_blocks, telegram_length
from bot.content.knowledge import Library
from bot.core import compose
from bot.core.engine import Engine
from bot.core.reply import Bullet, Button, Reply, Source
from tests.fakebotapi import parse_html

BASE = "https://example.org/patient-info"


def plain(html_text: str) -> str:
    """What the user sees, parsed the way Telegram parses HTML (raises on invalid HTML)."""
    return parse_html(html_text)[0]


def test_user_and_content_text_is_escaped() -> None:
    reply = Reply(kind="notice", title="<b>What is MS</b> & <script>", paragraphs=("a < b & c > d",),
                  bullets=(Bullet("x & y", lead="<i>lead</i>"),), footer="R&D <note>")
    [text] = render(reply).parts
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert text.startswith("<b>&lt;b&gt;What is MS&lt;/b&gt; &amp; &lt;script&gt;</b>")
    seen = plain(text)
    assert "<b>What is MS</b> & <script>" in seen and "a < b & c > d" in seen
    assert "• <i>lead</i>: x & y" in seen and seen.endswith("R&D <note>")


def test_title_bold_source_link_footer_italic() -> None:
    source = Source('Living with "MS" & you', dt.date(2026, 11, 20), 'https://example.org/a?x=1&y="2"')
    reply = Reply(kind="topical", title="Title", paragraphs=("Body.",), source=source, footer="Not advice.")
    [text] = render(reply).parts
    assert text.startswith("<b>Title</b>\n\nBody.\n\n")
    assert ('Source: <a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">Living with "MS" &amp; you</a>'
            " · Reviewed 20 Nov 2026") in text
    assert text.endswith("<i>Not advice.</i>")
    _, entities = parse_html(text)
    link = next(e for e in entities if e["type"] == "text_link")
    assert link["url"] == 'https://example.org/a?x=1&y="2"'


def test_the_safety_line_comes_first_in_bold() -> None:
    reply = Reply(kind="topical", title="What MS is", paragraphs=("text",), alert="⚠️ Call 112 now & stay")
    [text] = render(reply).parts
    assert text.startswith("<b>⚠️ Call 112 now &amp; stay</b>\n\n<b>What MS is</b>")
    assert reply.plain_text().startswith("⚠️ Call 112 now & stay\n\nWhat MS is")


def test_bullets_are_one_block_with_bold_leads() -> None:
    reply = Reply(kind="t", paragraphs=("Options:",), bullets=(Bullet("first", "A"), Bullet("second")))
    assert render(reply).parts == ("Options:\n\n• <b>A</b>: first\n• second",)


def test_long_reply_splits_at_paragraph_boundaries_under_the_limit() -> None:
    paragraphs = tuple(f"Paragraph {n}. " + "word " * 150 for n in range(30))  # about 23,000 characters
    reply = Reply(kind="article", title="Part 1", paragraphs=paragraphs,
                  buttons=((Button("Next ▶", "ar:x:1"),),))
    rendered = render(reply)
    assert len(rendered.parts) > 5
    for part in rendered.parts:
        assert telegram_length(part) <= MESSAGE_LIMIT
        assert all(block.startswith(("Paragraph", "<b>Part 1</b>")) for block in part.split("\n\n"))
    assert "\n\n".join(rendered.parts) == "\n\n".join(b.html for b in reply_blocks(reply))
    assert rendered.keyboard is not None


def test_one_huge_paragraph_is_cut_at_sentences_then_words() -> None:
    sentences = " ".join(f"Sentence number {n} says something & more." for n in range(400))
    rendered = render(Reply(kind="t", paragraphs=(sentences,)))
    assert len(rendered.parts) > 1
    for part in rendered.parts:
        assert telegram_length(part) <= MESSAGE_LIMIT
        assert plain(part).endswith("more.")  # never mid-sentence
    assert " ".join(plain(p) for p in rendered.parts) == sentences
    blob = "x" * 10_000  # no spaces at all: cut anywhere, lose nothing
    parts = render(Reply(kind="t", paragraphs=(blob,))).parts
    assert "".join(parts) == blob and all(len(p) <= MESSAGE_LIMIT for p in parts)


def test_limit_counts_utf16_units_and_escaped_length() -> None:
    emoji = "🧠" * 3000  # 6,000 UTF-16 units although 3,000 characters
    parts = render(Reply(kind="t", paragraphs=(emoji,))).parts
    assert len(parts) == 2 and all(telegram_length(p) <= MESSAGE_LIMIT for p in parts)
    ampersands = "& " * 1500  # 3,000 characters, 7,500 once escaped
    parts = render(Reply(kind="t", paragraphs=(ampersands.strip(),))).parts
    assert len(parts) >= 2 and all(telegram_length(p) <= MESSAGE_LIMIT for p in parts)


def test_pack_keeps_list_items_tight_and_never_splits_a_block() -> None:
    reply = Reply(kind="t", title="T", bullets=tuple(Bullet("item " * 30) for _ in range(40)))
    parts = pack(reply_blocks(reply, 1000), 1000)
    assert len(parts) > 1 and all(len(p) <= 1000 for p in parts)
    assert all(line.startswith("• ") for part in parts[1:] for line in part.split("\n"))


def test_keyboard_keeps_the_rows_and_uses_actions_as_callback_data() -> None:
    reply = Reply(kind="t", paragraphs=("x",), buttons=(
        (Button("One", "i:one"),), (Button("👍", "fb:one:1"), Button("👎", "fb:one:0"), Button("📚", "tp"))))
    markup = keyboard(reply)
    assert markup is not None
    layout = [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]
    assert layout == [[("One", "i:one")], [("👍", "fb:one:1"), ("👎", "fb:one:0"), ("📚", "tp")]]
    assert keyboard(Reply(kind="t", paragraphs=("x",))) is None


def test_keyboard_only_on_the_last_part() -> None:
    reply = Reply(kind="t", paragraphs=tuple("p " * 1500 for _ in range(3)), buttons=((Button("B", "tp"),),))
    rendered = render(reply)
    assert len(rendered.parts) == 3 and rendered.keyboard is not None  # the sender puts it on parts[-1]


def test_callback_data_over_64_bytes_is_refused() -> None:
    with pytest.raises(ValueError):
        Button("x", "i:" + "é" * 32)  # 66 bytes, 34 characters


def test_every_button_the_content_can_produce_fits_telegram(library: Library) -> None:
    engine = Engine(library, BASE)
    knowledge = engine.knowledge
    replies = [engine.welcome(), engine.about(), engine.topics(), engine.help()]
    replies += [compose.compose_topics(knowledge, slug) for slug in knowledge.articles]
    replies += [turn.reply for i in knowledge.intents if (turn := engine.show_intent(i))]
    for slug in knowledge.articles:
        part = 0
        while reply := compose.compose_article_part(knowledge, slug, part, BASE):
            replies.append(reply)
            part += 1
    for reply in replies:
        rendered = render(reply)
        for text in rendered.parts:
            assert telegram_length(text) <= MESSAGE_LIMIT
            parse_html(text)  # valid Telegram HTML
        for row in (rendered.keyboard.inline_keyboard if rendered.keyboard else ()):
            for button in row:
                assert button.text and 1 <= len(str(button.callback_data).encode()) <= 64
