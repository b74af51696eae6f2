"""bot/channels/telegram/inline.py: `@bot ms treatment` in any chat, answered with shareable results.

The results are built from the real engine over the shipped content; the end-to-end answer of an inline
query through PTB is in test_e2e.py."""

from __future__ import annotations

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder

from bot.channels.telegram.inline import (
    INLINE_RESULTS,
    article_card,
    inline_article,
    inline_results,
    matching_articles,
    register,
)
from bot.channels.telegram.limits import INLINE_RESULT_ID_LIMIT
from bot.channels.telegram.services import CONTEXT_TYPES
from bot.content.knowledge import Library
from bot.core import texts
from bot.core.engine import Engine
from bot.core.reply import Reply
from tests.conftest import TOKEN
from tests.fakebotapi import FakeBotApi

BASE = "https://content.example"


@pytest.fixture(scope="module")
def engine(library: Library) -> Engine:
    return Engine(library, BASE)


def test_a_topical_query_offers_its_topics_first(engine: Engine) -> None:
    results = inline_results(engine, "ms treatment")
    assert 0 < len(results) <= INLINE_RESULTS
    assert results[0].id.startswith("i:") and results[0].id == "i:" + engine.respond("ms treatment").intent_id
    assert all(r.input_message_content.parse_mode == "HTML" for r in results)


def test_an_emergency_comes_first_as_the_safety_answer(engine: Engine) -> None:
    results = inline_results(engine, "my son is having a seizure right now and won't stop")
    assert results[0].id == "safety:emergency"


def test_an_empty_or_unmatched_query_offers_the_articles(engine: Engine) -> None:
    articles = list(engine.knowledge.articles)
    assert [r.id for r in inline_results(engine, "")] == [f"a:{slug}" for slug in articles][:INLINE_RESULTS]
    assert [r.id for r in inline_results(engine, "zzzz qqqq")] == [f"a:{slug}" for slug in articles][:INLINE_RESULTS]


def test_articles_are_matched_on_a_title_word_of_three_letters_or_more(engine: Engine) -> None:
    assert matching_articles(engine.knowledge, "First AID") == ["seizure-first-aid"]
    assert set(matching_articles(engine.knowledge, "nervous medicine")) == {"neuro-immune-link", "refractory-epilepsy"}
    assert matching_articles(engine.knowledge, "ms is") == []  # words of two letters match too much


def test_an_article_card_has_the_summary_the_source_and_a_link_button(engine: Engine) -> None:
    card = article_card(engine, "refractory-epilepsy")
    assert card.source is not None and card.source.url.startswith(BASE)
    assert card.footer == texts.DISCLAIMER_LINE
    result = inline_article("a:refractory-epilepsy", card.title, card)
    assert result.reply_markup.inline_keyboard[0][0].url == card.source.url
    assert result.title == card.title and len(result.description) <= 120


def test_a_result_id_is_cut_to_telegrams_limit_and_a_title_is_never_empty() -> None:
    result = inline_article("i:" + "x" * 200, "", Reply(kind="notice", paragraphs=("Plain.",)))
    assert len(result.id) == INLINE_RESULT_ID_LIMIT
    assert result.title == texts.INLINE_DEFAULT_TITLE and result.reply_markup is None


async def test_registered_it_answers_an_inline_query_with_the_results(api: FakeBotApi, engine: Engine) -> None:
    application = (ApplicationBuilder().token(TOKEN).base_url(api.base_url).updater(None)
                   .context_types(CONTEXT_TYPES).build())
    register(application)
    application.bot_data.update(engine=engine)
    await application.initialize()
    try:
        await application.process_update(Update.de_json(api.send_inline_query("ms treatment"), application.bot))
    finally:
        await application.shutdown()
    [call] = api.calls("answerInlineQuery")
    assert [r["id"] for r in call.params["results"]] == [r.id for r in inline_results(engine, "ms treatment")]
