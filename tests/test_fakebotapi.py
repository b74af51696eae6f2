"""Tests for the fake Bot API server, driven through the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import datetime as dtm
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
import telegram
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fakebotapi import BOT_USERNAME, DEFAULT_USER_ID, FakeBotApi, parse_html

TOKEN = "123:ABC"
USER = DEFAULT_USER_ID


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(token=TOKEN) as server:
        yield server


@pytest_asyncio.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as client:
        yield client


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(buttons)])


def seconds(value: int | dtm.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# --------------------------------------------------------------------------- basics


@pytest.mark.asyncio
async def test_get_me(bot: telegram.Bot, api: FakeBotApi) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == BOT_USERNAME and me.id == 123
    assert me.can_read_all_group_messages is False and me.supports_inline_queries is True
    assert api.calls("getMe")[0].ok


@pytest.mark.asyncio
async def test_wrong_token_is_rejected(api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with telegram.Bot("123:WRONG", base_url=api.base_url):
            pass
    assert api.requests[-1].status == 401


@pytest.mark.asyncio
async def test_raw_http_json_body_case_insensitive_and_unknown_method(api: FakeBotApi) -> None:
    api.send_text("hi")
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{api.base_url}{TOKEN}/SENDMESSAGE", json={"chat_id": USER, "text": "ok"}
        ) as resp:
            body = await resp.json()
            assert resp.status == 200 and body["ok"] and body["result"]["text"] == "ok"
        async with http.get(f"{api.base_url}{TOKEN}/getMe") as resp:
            assert (await resp.json())["result"]["username"] == BOT_USERNAME
        async with http.post(f"{api.base_url}{TOKEN}/noSuchMethod") as resp:
            assert resp.status == 404
            assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        async with http.post(f"{api.base_url}123:NOPE/getMe") as resp:
            assert resp.status == 401
            assert (await resp.json())["description"] == "Unauthorized"


# --------------------------------------------------------------------------- sendMessage validation


@pytest.mark.asyncio
async def test_send_message_with_valid_html(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hello")  # the user's message is id 1 in the private chat
    markup = keyboard(
        InlineKeyboardButton("Yes", callback_data="y" * 64),
        InlineKeyboardButton("Site", url="https://example.org/a?b=1"),
    )
    message = await bot.send_message(
        USER,
        '<b>Bold</b> &amp; <i>it</i> <a href="https://example.org">link</a> &lt;3 &#128512;\n'
        '<span class="tg-spoiler">s</span> <pre><code class="language-python">x = 1</code></pre>',
        parse_mode="HTML",
        reply_markup=markup,
    )
    assert message.message_id == 2 and message.chat.id == USER
    assert message.from_user is not None and message.from_user.username == BOT_USERNAME
    assert message.text == "Bold & it link <3 😀\ns x = 1"
    kinds = [(e.type, e.offset, e.length) for e in message.entities]
    assert kinds[:3] == [("bold", 0, 4), ("italic", 7, 2), ("text_link", 10, 4)]
    assert message.entities[-1].type == "pre" and message.entities[-1].language == "python"
    assert message.reply_markup == markup
    second = await bot.send_message(USER, "x" * 4096)  # exactly at the limit
    third = await bot.send_message(USER, "<b>" + "é" * 4096 + "</b>", parse_mode="HTML")  # tags don't count
    assert (second.message_id, third.message_id) == (3, 4)
    assert [m["message_id"] for m in api.sent_messages(USER)] == [2, 3, 4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>unclosed", 'can\'t find end tag corresponding to start tag "b"'),
        ("<div>x</div>", 'unsupported start tag "div"'),
        ("a < b", 'unsupported start tag ""'),
        ("Tom & Jerry", 'unescaped "&"'),
        ("<b><i>x</b></i>", 'unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "unexpected end tag"),
        ('<span class="x">x</span>', 'tag "span" must have class "tg-spoiler"'),
    ],
)
@pytest.mark.asyncio
async def test_invalid_html_is_rejected(bot: telegram.Bot, api: FakeBotApi, text: str, expected: str) -> None:
    api.send_text("hi")
    with pytest.raises(BadRequest, match="Can't parse entities") as info:
        await bot.send_message(USER, text, parse_mode="HTML")
    assert expected in info.value.message.lower()
    assert api.requests[-1].status == 400


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"text": "x" * 4097}, "Message is too long"),
        ({"text": "<b>" + "é" * 4097 + "</b>", "parse_mode": "HTML"}, "Message is too long"),
        ({"text": ""}, "Message text is empty"),
        ({"text": "  \n "}, "Message text is empty"),
        ({"text": "<b></b>", "parse_mode": "HTML"}, "Message text is empty"),
        (
            {"text": "x", "reply_markup": keyboard(InlineKeyboardButton("a", callback_data="d" * 65))},
            "Button_data_invalid",
        ),
        (
            {"text": "x", "reply_markup": keyboard(InlineKeyboardButton("a", callback_data="é" * 33))},
            "Button_data_invalid",
        ),
        ({"text": "x", "reply_markup": keyboard(InlineKeyboardButton("a", url="not a url"))}, "is invalid"),
        ({"text": "x", "parse_mode": "BBCode"}, "Unsupported parse_mode"),
        ({"text": "x", "reply_to_message_id": 999}, "Message to be replied not found"),
    ],
)
@pytest.mark.asyncio
async def test_bad_requests(
    bot: telegram.Bot, api: FakeBotApi, kwargs: dict[str, Any], expected: str
) -> None:
    api.send_text("hi")
    with pytest.raises(BadRequest, match=expected):
        await bot.send_message(USER, **kwargs)


@pytest.mark.asyncio
async def test_button_without_action_and_unknown_chat(bot: telegram.Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hello")
    api.send_text("hi")
    raw_markup = {"inline_keyboard": [[{"text": "plain"}]]}
    with pytest.raises(BadRequest, match=r"(?i)text buttons are unallowed"):
        await bot.send_message(USER, "x", api_kwargs={"reply_markup": raw_markup})


@pytest.mark.asyncio
async def test_blocked_user_is_forbidden(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    api.block_bot(USER)
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(USER, "hello")


def test_parse_html_offsets_are_utf16() -> None:
    text, entities = parse_html("😀 <b>x</b>")
    assert text == "😀 x" and entities == [{"type": "bold", "offset": 3, "length": 1}]
    assert parse_html("a & b", strict_ampersand=False)[0] == "a & b"


# --------------------------------------------------------------------------- getUpdates


@pytest.mark.asyncio
async def test_long_polling_returns_early_and_respects_offset(bot: telegram.Bot, api: FakeBotApi) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    started = time.monotonic()
    sent = api.send_text("hello there")
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1
    assert [u.update_id for u in updates] == [sent["update_id"]]
    assert updates[0].message is not None and updates[0].message.text == "hello there"
    # Not confirmed yet: delivered again; confirming with offset drops it.
    assert len(await bot.get_updates(timeout=0)) == 1
    assert await bot.get_updates(offset=sent["update_id"] + 1, timeout=0) == ()
    assert api.pending_updates == []


@pytest.mark.asyncio
async def test_long_polling_times_out_empty(bot: telegram.Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 <= time.monotonic() - started < 2


@pytest.mark.asyncio
async def test_limit_and_allowed_updates(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("one")
    api.send_text("two")
    api.send_inline_query("q")
    assert len(await bot.get_updates(limit=1, timeout=0)) == 1
    updates = await bot.get_updates(allowed_updates=["inline_query"], timeout=0)
    assert [u.inline_query.query for u in updates if u.inline_query] == ["q"] and len(updates) == 1


@pytest.mark.asyncio
async def test_second_poll_terminates_first_with_conflict(bot: telegram.Bot, api: FakeBotApi) -> None:
    async with telegram.Bot(TOKEN, base_url=api.base_url) as other:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.05)  # let the first poll reach the server
        second = asyncio.create_task(other.get_updates(timeout=0))
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await asyncio.wait_for(first, 2)
        assert await second == ()


@pytest.mark.asyncio
async def test_stop_ends_pending_polls_promptly() -> None:
    api = await FakeBotApi(token=TOKEN).start()
    async with aiohttp.ClientSession() as http:
        poll = asyncio.create_task(http.post(f"{api.base_url}{TOKEN}/getUpdates", data={"timeout": "30"}))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await api.stop()
        assert time.monotonic() - started < 1.5
        try:
            response = await asyncio.wait_for(poll, 1)
        except aiohttp.ClientError:
            pass  # connection closed by the shutdown: also fine
        else:
            assert (await response.json())["result"] == []


@pytest.mark.asyncio
async def test_webhook_conflicts_with_polling(bot: telegram.Bot, api: FakeBotApi) -> None:
    with pytest.raises(BadRequest, match=r"(?i)https url must be provided"):
        await bot.set_webhook("http://example.org/hook")
    assert await bot.set_webhook("https://example.org/hook")
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    api.send_text("queued")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).url == "" and await bot.get_updates(timeout=0) == ()


# --------------------------------------------------------------------------- fault injection


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.asyncio
async def test_injected_429_is_retry_after(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.fail_next("getMe", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as info:
        await bot.get_me()
    assert seconds(info.value.retry_after) == 7
    assert (await bot.get_me()).username == BOT_USERNAME


@pytest.mark.asyncio
async def test_injected_500_then_recovers(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    api.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(USER, "x")
    assert (await bot.send_message(USER, "x")).text == "x"
    assert [r.status for r in api.calls("sendMessage")] == [500, 500, 200]
    assert len(api.sent_messages(USER)) == 1


@pytest.mark.asyncio
async def test_stall_causes_timeout_but_message_is_still_sent(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    api.stall_next("sendMessage", 0.5)
    with pytest.raises(TimedOut):
        await bot.send_message(USER, "slow", read_timeout=0.1)
    [message] = await api.wait_for_messages(1, chat_id=USER, timeout=2)
    assert message["text"] == "slow"


@pytest.mark.asyncio
async def test_dropped_connection_is_network_error(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.drop_connection_next("getMe")
    with pytest.raises(NetworkError):
        await bot.get_me()
    assert api.calls("getMe")[-1].status is None
    assert (await bot.get_me()).is_bot


# --------------------------------------------------------------------------- queries, edits, files, commands


@pytest.mark.asyncio
async def test_callback_query_can_be_answered_once(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    sent = await bot.send_message(
        USER, "Pick", reply_markup=keyboard(InlineKeyboardButton("Yes", callback_data="yes"))
    )
    update = api.press_button(api.sent_messages(USER)[-1], text="Yes")
    query = Update.de_json(update, bot).callback_query
    assert query is not None and query.data == "yes" and query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id, text="Done")
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query.id)
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("12345")
    with pytest.raises(ValueError, match="no button"):
        api.press_button(api.sent_messages(USER)[-1], "nope")


@pytest.mark.asyncio
async def test_inline_query_answers(bot: telegram.Bot, api: FakeBotApi) -> None:
    def results(n: int) -> list[InlineQueryResultArticle]:
        return [InlineQueryResultArticle(str(i), f"T{i}", InputTextMessageContent(f"m{i}")) for i in range(n)]

    query_id = api.send_inline_query("epilepsy")["inline_query"]["id"]
    with pytest.raises(BadRequest, match="Results_too_much"):
        await bot.answer_inline_query(query_id, results(51))
    assert await bot.answer_inline_query(query_id, results(2))
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query_id, results(1))


@pytest.mark.asyncio
async def test_edits(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    buttons = keyboard(InlineKeyboardButton("A", callback_data="a"))
    sent = await bot.send_message(USER, "v1", reply_markup=buttons)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("v1", USER, sent.message_id, reply_markup=buttons)
    edited = await bot.edit_message_text("<b>v2</b>", USER, sent.message_id, parse_mode="HTML")
    assert isinstance(edited, telegram.Message) and edited.text == "v2" and edited.reply_markup is None
    assert edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", USER, 999)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("x", USER, 1)  # the user's own message
    assert await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=buttons)
    assert [m["text"] for m in api.sent_messages(USER)] == ["v1", "v2"]


@pytest.mark.asyncio
async def test_photo_upload_and_file_download(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    payload = b"\x89PNG" + bytes(1000)
    message = await bot.send_photo(USER, payload, caption="<i>scan</i>", parse_mode="HTML")
    assert message.caption == "scan" and message.photo[-1].file_size == len(payload)
    upload = api.calls("sendPhoto")[0].files["photo"]
    assert upload.size == len(payload)
    document = await bot.send_document(USER, b"%PDF-1.4", filename="leaflet.pdf")
    assert document.document is not None and document.document.file_name == "leaflet.pdf"
    voice = Update.de_json(api.send_voice(data=b"OggS123"), bot).message.voice
    file = await bot.get_file(voice.file_id)
    assert bytes(await file.download_as_bytearray()) == b"OggS123"
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_photo(USER, "no-such-file-id")


@pytest.mark.asyncio
async def test_commands_and_chat_action(bot: telegram.Bot, api: FakeBotApi) -> None:
    assert await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([("Bad-Name", "x")])
    assert await bot.delete_my_commands() and await bot.get_my_commands() == ()
    api.send_text("hi")
    assert await bot.send_chat_action(USER, "typing")
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(USER, "dancing")


# --------------------------------------------------------------------------- update builders and observation


@pytest.mark.asyncio
async def test_update_builders_parse_with_ptb(bot: telegram.Bot, api: FakeBotApi) -> None:
    command = Update.de_json(api.send_command("/start payload", first_name="Bob"), bot)
    assert command.message.text == "/start payload" and command.effective_user.first_name == "Bob"
    assert [(e.type, e.offset, e.length) for e in command.message.entities] == [("bot_command", 0, 6)]

    group = Update.de_json(
        api.send_text(f"@{BOT_USERNAME} what is epilepsy?", user_id=7, chat_type="group", first_name="Carol"),
        bot,
    )
    assert group.effective_chat.type == "group" and group.effective_chat.id < 0
    assert group.message.entities[0].type == "mention"
    reply_to = await bot.send_message(group.effective_chat.id, "Ask me anything")
    threaded = Update.de_json(
        api.send_text("and seizures?", user_id=7, chat_type="group", reply_to_message=reply_to.to_dict()), bot
    )
    assert threaded.message.reply_to_message.from_user.username == BOT_USERNAME

    assert Update.de_json(api.send_sticker(emoji="🙂"), bot).message.sticker.emoji == "🙂"
    assert Update.de_json(api.send_photo_message(caption="rash"), bot).message.photo[-1].width == 800
    assert Update.de_json(api.send_location(1.5, 2.5), bot).message.location.latitude == 1.5
    inline_update = api.send_inline_query("q")
    inline = Update.de_json(inline_update, bot).inline_query
    assert inline.query == "q" and inline.from_user.id == USER
    raw = api.add_raw_update({"edited_message": command.message.to_dict()})
    assert raw["update_id"] == inline_update["update_id"] + 1
    ids = [u["update_id"] for u in api.pending_updates]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


@pytest.mark.asyncio
async def test_wait_for_timeout_lists_what_was_received(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.send_text("hi")
    await bot.send_message(USER, "only one")
    with pytest.raises(AssertionError) as info:
        await api.wait_for_messages(2, chat_id=USER, timeout=0.1)
    report = str(info.value)
    assert "2 sent message(s) in chat 1001" in report and "sendMessage -> 200" in report
    assert "bot: only one" in report


@pytest.mark.asyncio
async def test_application_end_to_end_with_transcript(api: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(
            f"Hello <b>{update.effective_user.first_name}</b>! Payload: {' '.join(context.args)}",
            parse_mode="HTML",
            reply_markup=keyboard(InlineKeyboardButton("More", callback_data="more")),
        )

    async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Loading")
        await query.edit_message_text("Here is more.")

    app = Application.builder().token(TOKEN).base_url(api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(more))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        api.send_command("/start leaflet")
        [greeting] = await api.wait_for_messages(1, chat_id=USER, timeout=5)
        api.press_button(greeting, "more")
        await api.wait_for_messages(2, chat_id=USER, timeout=5)
        await app.updater.stop()
        await app.stop()
    assert api.transcript() == (
        "Alice: /start leaflet\n"
        "bot: Hello Alice! Payload: leaflet\n"
        "    [More]\n"
        "Alice pressed [More]\n"
        "bot (toast): Loading\n"
        "bot (edited): Here is more."
    )
    assert api.pending_updates == []  # PTB confirmed everything on shutdown


# --------------------------------------------------------------------------- forums and copies

FORUM = -1009876543210


@pytest.mark.asyncio
async def test_forum_topics_messages_in_them_and_closing(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.add_forum(FORUM)
    topic = await bot.create_forum_topic(FORUM, "#1 · MS fatigue")
    assert topic.name == "#1 · MS fatigue" and topic.message_thread_id > 0
    sent = await bot.send_message(FORUM, "header", message_thread_id=topic.message_thread_id)
    assert sent.message_thread_id == topic.message_thread_id and sent.is_topic_message
    update = api.send_text("a reply", 55, FORUM, chat_type="supergroup", message_thread_id=topic.message_thread_id)
    member = Update.de_json(update, bot).message
    assert member is not None and member.is_topic_message and member.message_thread_id == topic.message_thread_id
    assert member.reply_to_message is not None and member.reply_to_message.forum_topic_created is not None
    with pytest.raises(BadRequest, match=r"(?i)thread not found"):
        await bot.send_message(FORUM, "x", message_thread_id=999)
    assert await bot.close_forum_topic(FORUM, topic.message_thread_id)
    with pytest.raises(BadRequest, match=r"(?i)topic_not_modified"):
        await bot.close_forum_topic(FORUM, topic.message_thread_id)
    assert api.topics(FORUM) == [{"message_thread_id": topic.message_thread_id, "name": "#1 · MS fatigue",
                                  "closed": True}]
    assert [m.get("text") for m in api.topic_history(FORUM, topic.message_thread_id)][1:3] == ["header", "a reply"]


@pytest.mark.asyncio
async def test_topics_need_a_forum_and_the_right_to_manage_them(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.add_chat(-1001111111111, "supergroup")
    with pytest.raises(BadRequest, match=r"(?i)not a forum"):
        await bot.create_forum_topic(-1001111111111, "t")
    api.add_forum(FORUM)
    with pytest.raises(BadRequest, match=r"(?i)topic_name_invalid"):
        await bot.create_forum_topic(FORUM, "x" * 129)
    api.deny_topics(FORUM)
    with pytest.raises(BadRequest, match=r"(?i)not enough rights"):
        await bot.create_forum_topic(FORUM, "t")


@pytest.mark.asyncio
async def test_copy_message_carries_content_not_the_sender(bot: telegram.Bot, api: FakeBotApi) -> None:
    api.add_forum(FORUM)
    topic = await bot.create_forum_topic(FORUM, "t")
    photo = api.send_photo_message(USER, caption="my rash", first_name="Alice", username="alice_w")
    copied = await bot.copy_message(FORUM, USER, photo["message"]["message_id"],
                                    message_thread_id=topic.message_thread_id)
    [copy] = [m for m in api.chat_history(FORUM) if m["message_id"] == copied.message_id]
    assert copy["caption"] == "my rash" and copy["photo"] == photo["message"]["photo"]
    assert copy["from"]["id"] == 123 and "forward_origin" not in copy and "Alice" not in str(copy)
    recaptioned = await bot.copy_message(USER, FORUM, copy["message_id"], caption="From the team:\nmy rash")
    assert api.chat_history(USER)[-1]["caption"] == "From the team:\nmy rash" and recaptioned.message_id
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(FORUM, USER, 999)
    start = api.topic_history(FORUM, topic.message_thread_id)[0]
    with pytest.raises(BadRequest, match=r"(?i)can.t be copied"):
        await bot.copy_message(USER, FORUM, start["message_id"])  # a service message
