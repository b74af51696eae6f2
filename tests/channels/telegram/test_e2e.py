"""The Telegram bot end to end: the real PTB Application against the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from bot.channels.telegram.inline import INLINE_RESULTS
from bot.channels.telegram.limits import MESSAGE_LIMIT
from bot.channels.telegram.render import telegram_length
from bot.content.knowledge import Library
from bot.core import texts
from tests.conftest import TOKEN, BotProcess, Harness, bot_env, db_rows, free_port, start_process
from tests.fakebotapi import BOT_USERNAME, DEFAULT_GROUP_ID, FakeBotApi
from tests.helpers import REPO

USER = 1001


def buttons(message: dict) -> list[str]:
    return [b["text"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]


def source_links(message: dict) -> list[str]:
    return [e["url"] for e in message.get("entities", []) if e["type"] == "text_link"]


# -- commands ------------------------------------------------------------------------------------


async def test_set_my_commands_on_start(bot: Harness) -> None:
    [call] = [c for c in bot.api.calls("setMyCommands") if "scope" not in c.params]  # everyone's menu
    assert call.ok
    assert [c["command"] for c in call.params["commands"]] == ["start", "help", "topics", "about", "privacy",
                                                               "forget", "human"]


async def test_start_welcomes_with_disclaimer_and_topics_button(bot: Harness) -> None:
    [reply] = await bot.exchange(lambda: bot.api.send_command("/start"))
    assert reply["text"].startswith("Hello! I answer questions about epilepsy and multiple sclerosis")
    assert "not advice" in reply["text"] or "can't diagnose" in reply["text"]
    assert {"type": "bold", "offset": 0, "length": len(reply["text"].split("\n")[0])} in reply["entities"]
    assert buttons(reply) == ["📚 Topics"]


async def test_start_deep_link_opens_the_topic(bot: Harness) -> None:
    [reply] = await bot.exchange(lambda: bot.api.send_command("/start ms_dmt"))
    assert reply["text"].startswith("Disease-modifying therapies")
    assert source_links(reply) == ["https://example.org/patient-info/ms-immunity-and-treatment"]
    [unknown] = await bot.exchange(lambda: bot.api.send_command("/start no_such_topic"))
    assert unknown["text"].startswith("Hello!")


async def test_topics_menu_then_an_articles_topics(bot: Harness) -> None:
    [menu] = await bot.exchange(lambda: bot.api.send_command("/topics"))
    assert len(buttons(menu)) == 6
    [article] = await bot.press(menu, data="tp:refractory-epilepsy")
    assert "Refractory" in article["text"].split("\n")[0] or "refractory" in article["text"].lower()
    assert "📖 Read the full article" in buttons(article) and len(buttons(article)) > 3


async def test_help_about_privacy(bot: Harness, library: Library) -> None:
    [welcome] = await bot.exchange(lambda: bot.api.send_command("/start"))
    [help_reply] = await bot.exchange(lambda: bot.api.send_command("/help"))
    [about] = await bot.exchange(lambda: bot.api.send_command("/about"))
    [privacy] = await bot.exchange(lambda: bot.api.send_command("/privacy"))
    help_words = " ".join(library.current.intents["help"].reply.split())  # the help intent's own reply
    assert help_words in " ".join(help_reply["text"].split()) and help_reply["text"] != welcome["text"]
    assert "Reviewed" in about["text"] and "/forget" in privacy["text"]


async def test_forget_confirms_deletion(bot: Harness) -> None:
    await bot.say("what is ms")
    [reply] = await bot.exchange(lambda: bot.api.send_command("/forget"))
    assert reply["text"].startswith("Done. I've deleted everything I held about you")
    assert await bot.store.get_context(bot.store.key("chat", USER)) is None


# -- questions -----------------------------------------------------------------------------------


async def test_question_gets_an_answer_with_source_and_buttons(bot: Harness) -> None:
    [reply] = await bot.say("multiple sclerosis drugs")
    assert reply["text"].startswith("Disease-modifying therapies")
    assert "Interferon beta" in reply["text"] or "interferon beta" in reply["text"]
    assert source_links(reply) == ["https://example.org/patient-info/ms-immunity-and-treatment"]
    assert "· Reviewed " in reply["text"]
    assert {"📖 Read the full article", "👍 Helpful", "📚 Topics"} <= set(buttons(reply))


async def test_slow_answer_shows_typing_while_the_user_waits(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    conversation, go_on = bot.app.bot_data["conversation"], asyncio.Event()
    answer = conversation.message

    async def slow(*args: object) -> object:
        await go_on.wait()  # working the answer out takes until the test says (a locked disk, say)
        return await answer(*args)

    monkeypatch.setattr(conversation, "message", slow)
    update = bot.api.send_text("multiple sclerosis drugs")
    try:
        [typing] = await bot.api.wait_for_calls("sendChatAction")
    finally:
        go_on.set()  # a held answer would keep the bot from stopping
    assert typing.params["action"] == "typing" and typing.params["chat_id"] == USER
    await bot.handled(update)
    [reply] = bot.api.sent_messages()
    assert reply["text"].startswith("Disease-modifying therapies")
    assert bot.api.requests.index(typing) < bot.api.requests.index(bot.api.calls("sendMessage")[-1])


async def test_follow_up_button_and_full_article_parts(bot: Harness) -> None:
    [answer] = await bot.say("multiple sclerosis drugs")
    [follow] = await bot.press(answer, text="Stem cell therapy")
    assert follow["text"].startswith("Stem cell therapy")
    part_number = 0
    message = (await bot.press(answer, text="📖 Read the full article"))[-1]
    while True:
        part_number += 1
        assert message["text"].startswith(f"Part {part_number} of ")
        assert telegram_length(message["text"]) < MESSAGE_LIMIT
        nexts = [b for b in buttons(message) if b.startswith("Next part")]
        if not nexts:
            break
        message = (await bot.press(message, text=nexts[0]))[-1]
    assert part_number >= 2 and source_links(message)  # the source closes the last part


async def test_callback_is_answered_exactly_once(bot: Harness) -> None:
    [answer] = await bot.say("what is ms")
    update = bot.api.press_button(answer, text="📚 Topics")
    await bot.handled(update)
    query_id = update["callback_query"]["id"]
    answers = [c for c in bot.api.calls("answerCallbackQuery") if c.params["callback_query_id"] == query_id]
    assert len(answers) == 1 and answers[0].ok


async def test_forged_or_stale_callback_gets_a_polite_notice(
        bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    [answer] = await bot.say("what is ms")
    forged = ("i:no_such_intent", "ar:ms-immunity-and-treatment:99", "fb:ms_dmt:7", "zz",
              "tr:no-such-article", "ar:ms-immunity-and-treatment:²", "fb:emergency:1")
    for data in forged:
        assert await bot.press(answer, data=data, check=False) == []
    notices = [c.params.get("text") for c in bot.api.calls("answerCallbackQuery")]
    assert notices == [texts.EXPIRED_BUTTON] * len(forged)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_feedback_is_acknowledged_without_a_message(bot: Harness) -> None:
    [answer] = await bot.say("what is ms")
    assert await bot.press(answer, text="👍 Helpful") == []
    assert bot.api.calls("answerCallbackQuery")[-1].params["text"] == "Thanks, glad it helped."


async def test_feedback_counts_only_for_the_topic_answered_in_that_message_once_per_person(bot: Harness) -> None:
    [answer] = await bot.say("what is ms")  # its vote buttons are for ms_overview
    topic = next(b["callback_data"].split(":")[1] for row in answer["reply_markup"]["inline_keyboard"] for b in row
                 if b.get("callback_data", "").startswith("fb:"))
    [menu] = await bot.exchange(lambda: bot.api.send_command("/topics"))  # no vote buttons on it
    forged = [(answer, "fb:ms_dmt:1"), (answer, "fb:epilepsy_overview:0"), (menu, f"fb:{topic}:1"),
              (answer, "i:refractory_treatments"), (menu, "ar:ms-immunity-and-treatment:0")]  # well-formed, but not on it
    for message, data in forged:
        assert await bot.press(message, data=data, check=False) == [], data
        assert bot.api.calls("answerCallbackQuery")[-1].params["text"] == texts.EXPIRED_BUTTON, data
    assert await bot.store.feedback_since(1) == []
    for _ in range(2):  # the same person, the same message: one vote, the last one (10 presses: the throttle's burst)
        assert await bot.press(answer, data=f"fb:{topic}:1") == []
    assert await bot.press(answer, data=f"fb:{topic}:0") == []
    assert await bot.store.feedback_since(1) == [(topic, 0, 1)]


async def test_emergency_gets_the_emergency_reply_and_nothing_else(bot: Harness) -> None:
    [reply] = await bot.say("my son is having a seizure right now")
    assert reply["text"].startswith("🚨 Call your local emergency number now")
    assert "reply_markup" not in reply and "Source:" not in reply["text"]


async def test_after_an_emergency_follow_ups_get_emergency_guidance(bot: Harness) -> None:
    await bot.say("what is vagus nerve stimulation")  # a topic before: it must not come back
    [emergency] = await bot.say("my son is having a seizure")
    assert emergency["text"].startswith("🚨 Call your local emergency number now")
    [six] = await bot.say("it's been 6 min")
    assert six["text"].startswith("🚨 Call your local emergency number now") and "Call now" in six["text"]
    [stopped] = await bot.say("he stopped, he's breathing, sleeping")
    assert stopped["text"].startswith("Good that it has stopped") and "recovery position" in stopped["text"]
    assert "Source: Seizure first aid" in stopped["text"] and "agus" not in stopped["text"]


async def test_follow_up_uses_the_last_topic(bot: Harness) -> None:
    [first] = await bot.say("what is ms")
    [second] = await bot.say("and what about treatment?")
    assert first["text"].startswith("What MS is") or "MS" in first["text"].split("\n")[0]
    assert second["text"].startswith("Disease-modifying therapies")


async def test_awkward_messages(bot: Harness) -> None:
    [html_reply] = await bot.say("<b>what is ms</b> & <script>")  # the fake server rejects bad HTML
    assert "multiple sclerosis" in html_reply["text"].lower()
    [emoji] = await bot.say("😀🙏")
    assert emoji["text"].startswith("I can only read words")
    [long_reply] = await bot.say(("I want to ask about my tiredness and my legs and my family. " * 90)[:5000])
    assert "Sorry, something went wrong" not in long_reply["text"]
    [sticker] = await bot.exchange(lambda: bot.api.send_sticker())
    assert sticker["text"] == texts.TEXT_ONLY
    [photo] = await bot.exchange(lambda: bot.api.send_photo_message(caption="what is this?"))
    assert photo["text"] == texts.TEXT_ONLY


async def test_edited_messages_are_ignored(bot: Harness) -> None:
    await bot.say("what is ms")
    edited = {**bot.api.chat_history(USER)[0], "text": "what is epilepsy", "edit_date": int(time.time())}
    bot.api.add_raw_update({"edited_message": edited})
    await bot.say("hello")
    assert len(bot.api.sent_messages()) == 2  # "what is ms" and "hello"; the edit got no answer
    assert all("edited_message" not in c.params["allowed_updates"] for c in bot.api.calls("getUpdates"))


# -- inline mode ---------------------------------------------------------------------------------


async def test_inline_query_offers_shareable_topics(bot: Harness) -> None:
    await bot.exchange(lambda: bot.api.send_inline_query("ms treatment"))
    [call] = bot.api.calls("answerInlineQuery")
    results = call.params["results"]
    assert call.ok and 1 <= len(results) <= 5 and call.params.get("is_personal") in (None, False)
    assert results[0]["id"] == "i:ms_dmt"
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert '<a href="https://example.org/patient-info/' in content["message_text"]
    await bot.exchange(lambda: bot.api.send_inline_query(""))
    empty = bot.api.calls("answerInlineQuery")[-1].params["results"]
    articles = list(bot.app.bot_data["engine"].knowledge.articles)
    assert [r["id"] for r in empty] == [f"a:{slug}" for slug in articles][:INLINE_RESULTS]  # Telegram shows a few


# -- groups --------------------------------------------------------------------------------------


async def test_group_silent_unless_mentioned_or_replied_to(bot: Harness) -> None:
    group = {"chat_type": "group", "user_id": 2002}
    assert await bot.say("what is ms", **group) == []
    assert await bot.exchange(lambda: bot.api.send_sticker(2002, chat_type="group")) == []
    [answer] = await bot.say(f"@{BOT_USERNAME} what is ms", **group)
    assert answer["chat"]["id"] == DEFAULT_GROUP_ID and "MS" in answer["text"].split("\n")[0]
    assert answer["reply_to_message"]["text"] == f"@{BOT_USERNAME} what is ms"
    [follow] = await bot.say("and what about treatment?", reply_to_message=answer, **group)
    assert follow["text"].startswith("Disease-modifying therapies")
    [sticker] = await bot.exchange(
        lambda: bot.api.send_sticker(2002, chat_type="group", reply_to_message=answer))
    assert sticker["text"] == texts.TEXT_ONLY
    [start] = await bot.exchange(lambda: bot.api.send_command("/start", 2002, chat_type="group"))
    assert start["text"].startswith("Hello!")
    assert bot.api.calls("sendChatAction") == []  # no typing in groups (their flood budget is small)
    group_context = await bot.store.get_context(bot.store.key("chat", DEFAULT_GROUP_ID))
    assert group_context is not None and group_context.topic == "ms"
    assert await bot.store.get_context(bot.store.key("chat", 2002)) is None


# -- failures ------------------------------------------------------------------------------------


async def test_reply_survives_429_and_500s(bot: Harness) -> None:
    bot.api.fail_next("sendMessage", 429, retry_after=1)
    [first] = await bot.say("what is ms")
    bot.api.fail_next("sendMessage", 500, times=2)
    [second] = await bot.say("what is epilepsy")
    assert first["text"] and second["text"]
    statuses = [c.status for c in bot.api.calls("sendMessage")]
    assert statuses == [429, 200, 500, 500, 200]


async def test_conflict_and_network_errors_while_polling(
        bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    bot.api.fail_next("getUpdates", 409)
    bot.api.drop_connection_next("getUpdates")
    [reply] = await bot.say("what is ms")  # ends the long poll; the next two polls fail
    [later] = await bot.say("what is epilepsy")
    assert reply["text"] and later["text"]
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("409 Conflict: another process is using this bot token") for m in messages)
    assert any(m.startswith("cannot reach Telegram") for m in messages)


async def test_handler_error_is_logged_and_user_gets_an_apology(
        bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    bot.api.fail_next("sendMessage", 400)  # a reply Telegram refuses: our bug, not the network
    sent = await bot.say("what is ms")
    assert [m["text"] for m in sent] == ["Sorry, something went wrong on my side. Please try again."]
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "in on_text" in record.getMessage() and "message in a private chat" in record.getMessage()
    assert TOKEN not in caplog.text and "what is ms" not in record.getMessage()


# -- the real process ----------------------------------------------------------------------------


async def test_run_process_survives_network_down_at_start_and_stops_on_sigterm(
        tmp_path: Path, processes: list[BotProcess]) -> None:
    port = free_port()
    env = bot_env(f"http://127.0.0.1:{port}/bot", tmp_path, BOT_LOG_LEVEL="DEBUG")
    bot_process = await start_process(env, tmp_path, "run")
    processes.append(bot_process)
    await asyncio.sleep(1.0)  # Telegram unreachable: the bot keeps retrying
    assert bot_process.process.returncode is None
    async with FakeBotApi(TOKEN, port=port) as api:
        api.send_text("what is ms")
        [reply] = await api.wait_for_messages(1, timeout=20)
        assert "MS" in reply["text"].split("\n")[0]
        heartbeat = Path(env["BOT_HEARTBEAT_PATH"])
        assert time.time() - heartbeat.stat().st_mtime < 15
        health = _healthcheck(env)
        assert health.returncode == 0, health.stderr
        os.utime(heartbeat, (time.time() - 200, time.time() - 200))
        assert _healthcheck(env).returncode == 1
        started = time.monotonic()
        assert await bot_process.stop(signal.SIGTERM) == 0
        assert time.monotonic() - started < 5
    log = bot_process.log
    assert "Traceback" not in log and TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "stopped" in log


async def test_debug_logs_hold_no_texts_or_ids(api: FakeBotApi, tmp_path: Path,
                                               processes: list[BotProcess]) -> None:
    env = bot_env(api.base_url, tmp_path, BOT_LOG_LEVEL="DEBUG")
    bot_process = await start_process(env, tmp_path, "run")
    processes.append(bot_process)
    user = 987654321
    api.send_text("what is ms", user_id=user)
    api.send_text("zebra quantum xylophone question", user_id=user)  # unanswered: stored, so in SQL arguments
    await api.wait_for_messages(2, timeout=30)
    await api.wait_for(lambda: db_rows(Path(env["BOT_DB_PATH"]), "SELECT COUNT(*) FROM handled") == [(2,)],
                       what="both handled")
    assert await bot_process.stop(signal.SIGTERM) == 0
    log = bot_process.log
    assert "Calling Bot API endpoint `sendMessage`" in log, "DEBUG logging was on"
    for secret in ("zebra quantum", "xylophone", str(user), "what is ms", "Disease-modifying", "What MS is"):
        assert secret not in log, secret


async def test_the_running_bot_keeps_its_files_private(api: FakeBotApi, tmp_path: Path,
                                                       processes: list[BotProcess]) -> None:
    env = bot_env(api.base_url, tmp_path)
    del env["BOT_HASH_SECRET"]  # the bot makes and keeps its own
    data = Path(env["BOT_DB_PATH"]).parent
    data.mkdir(mode=0o755)  # as an older version left it
    bot_process = await start_process(env, tmp_path, "run")
    processes.append(bot_process)
    api.send_text("what is ms")
    await api.wait_for_messages(1, timeout=30)
    assert await bot_process.stop(signal.SIGTERM) == 0
    folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"bot.sqlite3", "hash_secret", "heartbeat"}
    assert any(p.parent.name == "cache" for p in files)
    assert {p.name: p.stat().st_mode & 0o777 for p in folders} == {p.name: 0o700 for p in folders}
    assert {p.name: p.stat().st_mode & 0o777 for p in files} == {p.name: 0o600 for p in files}


def _healthcheck(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.channels.telegram.health"], env={**os.environ, **env}, cwd=REPO,
                          capture_output=True, text=True, timeout=30)


async def test_webhook_mode_answers_a_posted_update(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess]) -> None:
    port = free_port()
    env = bot_env(api.base_url, tmp_path, BOT_WEBHOOK_URL="https://bot.example.org/telegram/hook",
                  BOT_WEBHOOK_PORT=str(port), BOT_WEBHOOK_LISTEN="127.0.0.1",
                  BOT_WEBHOOK_SECRET="s3cret-Token_1")
    bot_process = await start_process(env, tmp_path, "run", "--webhook")
    processes.append(bot_process)
    [set_webhook] = await api.wait_for_calls("setWebhook", timeout=20)
    assert set_webhook.params["url"] == "https://bot.example.org/telegram/hook"
    assert set_webhook.params["secret_token"] == "s3cret-Token_1"
    update = api.send_text("multiple sclerosis drugs")  # registers the chat; we post it ourselves
    url = f"http://127.0.0.1:{port}/telegram/hook"
    assert await post_update(url, update, "wrong") == 403
    assert await post_update(url, update, "s3cret-Token_1") == 200
    [reply] = await api.wait_for_messages(1, timeout=10)
    assert reply["text"].startswith("Disease-modifying therapies")
    db = Path(env["BOT_DB_PATH"])
    await api.wait_for(lambda: db_rows(db, "SELECT COUNT(*) FROM handled") == [(1,)], what="handled")
    assert db_rows(db, "SELECT COUNT(*) FROM inbox") == [(0,)]
    assert await bot_process.stop(signal.SIGINT) == 0  # Ctrl-C stops as cleanly as SIGTERM
    assert "Traceback" not in bot_process.log


async def raw_post(port: int, path: str, headers: dict[str, str], body: bytes) -> int:
    """Send a POST's headers and only `body` (however much Content-Length promises); the status line read back.
    A server that reads the body before answering never answers: it waits for the rest."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        writer.write(f"POST {path} HTTP/1.1\r\nHost: bot.example.org\r\n{head}\r\n".encode() + body)
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), 15)  # a hang guard, not a speed figure
        return int(status_line.split()[1])
    finally:
        writer.close()


async def test_webhook_checks_secret_and_size_before_reading_the_body(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess]) -> None:
    port = free_port()
    env = bot_env(api.base_url, tmp_path, BOT_WEBHOOK_URL="https://bot.example.org/hook",
                  BOT_WEBHOOK_PORT=str(port), BOT_WEBHOOK_SECRET="s3cret-Token_1")
    bot_process = await start_process(env, tmp_path, "run", "--webhook")
    processes.append(bot_process)
    await api.wait_for_calls("setWebhook", timeout=20)
    update = api.send_text("what is ms")
    assert await post_update(f"http://127.0.0.1:{port}/hook", update, "s3cret-Token_1") == 200  # the port is up
    json_headers = {"Content-Type": "application/json"}
    first_kb = b"{" + b" " * 65_535
    # 90 MB promised with a wrong secret: refused on the headers (before, the whole body was read first)
    assert await raw_post(port, "/hook", {**json_headers, "X-Telegram-Bot-Api-Secret-Token": "wrong",
                                          "Content-Length": str(90_000_000)}, first_kb) == 403
    assert await raw_post(port, "/hook", {**json_headers, "Content-Length": str(90_000_000)}, first_kb) == 403
    # the right secret, but more than an update can be: refused on the headers too
    right = {**json_headers, "X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
    assert await raw_post(port, "/hook", {**right, "Content-Length": str(2_000_000)}, first_kb) == 413
    chunk = b" " * 200_000
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(6))  # 1.2 MB with no length
    assert await raw_post(port, "/hook", {**right, "Transfer-Encoding": "chunked"}, chunked) == 413
    assert await raw_post(port, "/other", {**right, "Content-Length": "2"}, b"{}") == 404
    [reply] = await api.wait_for_messages(1, timeout=10)
    assert "MS" in reply["text"].split("\n")[0]
    assert await bot_process.stop(signal.SIGTERM) == 0
    assert "Traceback" not in bot_process.log


def test_webhook_listens_on_loopback_unless_told_otherwise() -> None:
    from bot.settings import Settings

    assert Settings.from_env({}, root=REPO).webhook_listen == "127.0.0.1"
    assert Settings.from_env({"BOT_WEBHOOK_LISTEN": "0.0.0.0"}, root=REPO).webhook_listen == "0.0.0.0"


async def post_update(url: str, update: dict, secret: str, timeout: float = 10.0) -> int:  # noqa: ASYNC109
    """POST an update as Telegram would; PTB opens the port only after setWebhook, so retry connecting."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.post(url, json=update,
                                        headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as response:
                    return response.status
            except aiohttp.ClientConnectorError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)


def test_run_without_token_explains_how_to_get_one(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    result = subprocess.run([sys.executable, "-m", "bot", "run"],
                            env={**env, "BOT_DB_PATH": str(tmp_path / "db")},
                            cwd=REPO, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "@BotFather" in result.stderr and "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "python -m bot chat" in result.stderr


def test_webhook_without_url_names_the_setting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    result = subprocess.run([sys.executable, "-m", "bot", "run", "--webhook"],
                            env={**env, "TELEGRAM_BOT_TOKEN": TOKEN, "BOT_DB_PATH": str(tmp_path / "db")},
                            cwd=REPO, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "BOT_WEBHOOK_URL" in result.stderr


async def test_unusable_database_exits_1_with_one_clear_line(api: FakeBotApi, tmp_path: Path,
                                                             processes: list[BotProcess]) -> None:
    env = bot_env(api.base_url, tmp_path)
    Path(env["BOT_DB_PATH"]).parent.mkdir(parents=True)
    Path(env["BOT_DB_PATH"]).write_bytes(b"this is not a database" * 100)
    bot_process = await start_process(env, tmp_path, "run")
    processes.append(bot_process)
    assert await asyncio.wait_for(bot_process.process.wait(), 20) == 1
    errors = [line for line in bot_process.log.splitlines() if " ERROR " in line]
    assert len(errors) == 1 and "cannot start" in errors[0] and "BOT_DB_PATH" in errors[0]
    assert "Traceback" not in bot_process.log


async def test_rejected_token_exits_1_and_is_never_logged(tmp_path: Path, processes: list[BotProcess]) -> None:
    async with FakeBotApi("999:a-different-token") as api:  # answers 401 Unauthorized to our token
        bot_process = await start_process(bot_env(api.base_url, tmp_path), tmp_path, "run")
        processes.append(bot_process)
        assert await asyncio.wait_for(bot_process.process.wait(), 20) == 1
    log = bot_process.log
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in log and "@BotFather" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log and "<token>" in log  # PTB's own message
