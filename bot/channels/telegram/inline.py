"""Inline mode: `@bot ms treatment` in any chat offers the best topics as shareable messages.

Each result is a self-contained HTML message with its source (and a button to the
full article when there is one), so it reads well in a chat the bot is not part of. A safety
answer comes first when one applies; with no match the articles are offered.
"""

from __future__ import annotations

import re
from functools import partial

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import Application, InlineQueryHandler

from bot.channels.telegram.delivery import with_retries
from bot.channels.telegram.errors import named
from bot.channels.telegram.limits import INLINE_RESULT_ID_LIMIT
from bot.channels.telegram.render import NO_PREVIEW, render_html
from bot.channels.telegram.services import Context, engine_of
from bot.content.knowledge import Knowledge
from bot.core import compose, texts
from bot.core.engine import Engine
from bot.core.reply import Reply

INLINE_RESULTS = 5
INLINE_CACHE_SECONDS = 30
SAFETY_KINDS = ("emergency", "crisis", "medication_change")


async def on_inline_query(update: Update, context: Context) -> None:
    """`@bot ms treatment` in any chat: the best topics as shareable messages with their source."""
    query = update.inline_query
    assert query is not None
    results = inline_results(engine_of(context), query.query)
    await with_retries(partial(query.answer, results, cache_time=INLINE_CACHE_SECONDS, is_personal=False),
                       "answerInlineQuery")


def inline_results(engine: Engine, text: str) -> list[InlineQueryResultArticle]:
    """Up to five results: a safety answer first if one applies, then topics, then articles."""
    knowledge = engine.knowledge
    results: list[InlineQueryResultArticle] = []
    if text.strip():
        turn = engine.respond(text)
        if turn.kind in SAFETY_KINDS:
            results.append(inline_article(f"safety:{turn.kind}", turn.reply.title, turn.reply))
        for intent_id in matching_intents(knowledge, text):
            shown = engine.show_intent(intent_id)
            if shown is not None:
                results.append(inline_article(f"i:{intent_id}", knowledge.label(knowledge.intents[intent_id]),
                                              shown.reply))
    slugs = matching_articles(knowledge, text) if text.strip() else list(knowledge.articles)
    results += [inline_article(f"a:{slug}", knowledge.articles[slug].title, article_card(engine, slug))
                for slug in slugs]
    if not results:  # nothing matched: offer the articles rather than an empty list
        results = [inline_article(f"a:{slug}", article.title, article_card(engine, slug))
                   for slug, article in knowledge.articles.items()]
    return results[:INLINE_RESULTS]


def matching_intents(knowledge: Knowledge, text: str) -> list[str]:
    """Topical intents the matcher reaches for this text, best first."""
    return [c.intent_id for c in knowledge.matcher.score(text)
            if c.kind == "topical" and c.intent_id in knowledge.intents][:INLINE_RESULTS]


def matching_articles(knowledge: Knowledge, text: str) -> list[str]:
    """Articles whose title contains a word of the query (3 letters or more)."""
    words = {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 3}
    return [slug for slug, article in knowledge.articles.items()
            if words & set(re.findall(r"\w+", article.title.lower()))]


def article_card(engine: Engine, slug: str) -> Reply:
    """An article's title, summary and source: what a shared article result says."""
    article = engine.knowledge.articles[slug]
    return Reply(kind="topical", title=article.title, paragraphs=(compose.trim(article.summary),),
                 source=compose.source_of(article, engine.base_url), footer=texts.DISCLAIMER_LINE)


def inline_article(result_id: str, title: str, reply: Reply) -> InlineQueryResultArticle:
    """One inline result: the reply as an HTML message, with a link button to the full article."""
    description = next(iter(reply.paragraphs), "") or (reply.bullets[0].text if reply.bullets else "")
    markup = (InlineKeyboardMarkup([[InlineKeyboardButton(texts.READ_ARTICLE_BUTTON, url=reply.source.url)]])
              if reply.source else None)
    return InlineQueryResultArticle(
        id=result_id[:INLINE_RESULT_ID_LIMIT],
        title=title or texts.INLINE_DEFAULT_TITLE,
        description=compose.trim(description, 120),
        input_message_content=InputTextMessageContent(
            render_html(reply), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW),
        reply_markup=markup,
    )


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Answer inline queries (`@bot ms treatment` in any chat)."""
    application.add_handler(InlineQueryHandler(named(on_inline_query)))
