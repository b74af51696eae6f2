"""Telegram can carry what the core's channel-neutral limits allow."""

from __future__ import annotations

from bot.channels.telegram.limits import CALLBACK_DATA_LIMIT, MESSAGE_LIMIT
from bot.channels.telegram.render import keyboard, render
from bot.content.knowledge import Library
from bot.core import compose
from bot.core.reply import ACTION_MAX_BYTES, Button, Reply


def test_the_longest_button_action_fits_in_callback_data() -> None:
    assert ACTION_MAX_BYTES <= CALLBACK_DATA_LIMIT
    longest = Button("Longest", "é" * (ACTION_MAX_BYTES // 2))  # two bytes a character: exactly the limit
    assert keyboard(Reply(kind="notice", buttons=((longest,),))) is not None


def test_every_article_part_is_one_telegram_message(library: Library) -> None:
    """A long article is answered in parts of ARTICLE_PART_CHARS: each must go as one message, markup and all."""
    assert compose.ARTICLE_PART_CHARS < MESSAGE_LIMIT
    knowledge = library.current
    longest = max(knowledge.articles.values(), key=lambda article: len(article.full_text()))
    parts = compose.article_parts(longest)
    assert len(parts) > 1  # the walk really reached an article that needs parts
    for number in range(len(parts)):
        reply = compose.compose_article_part(knowledge, longest.slug, number, "https://content.example")
        assert reply is not None and len(render(reply).parts) == 1
