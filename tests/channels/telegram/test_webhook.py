"""The webhook's answers to bodies that carry the right secret but no usable update: 400, never 500.

A real bot process (`python -m bot run --webhook`) against the fake Bot API; the bodies are posted raw.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

from bot.log_throttle import BURST
from tests.channels.telegram.test_e2e import post_update, raw_post
from tests.conftest import BotProcess, bot_env, free_port, start_process
from tests.fakebotapi import FakeBotApi

SECRET = "s3cret-Token_1"
RIGHT = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
MESSAGE = {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}}

MALFORMED: dict[str, bytes] = {
    "not JSON": b"{update_id: 1",
    "not UTF-8": b'{"update_id": 1, "x": "\xff"}',
    "a list": b"[1, 2]",
    "a number": b"42",
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
    "no update_id": b"{}",
    "update_id a string": b'{"update_id": "x"}',
    "update_id null": b'{"update_id": null}',
    "update_id a list": b'{"update_id": [1]}',
    "update_id negative": b'{"update_id": -5}',
    "update_id beyond 64 bits": b'{"update_id": 1000000000000000000000000000000}',
    "message a string": json.dumps({"update_id": 7, "message": "x"}).encode(),
    "message a list": json.dumps({"update_id": 7, "message": []}).encode(),
    "message without a date": json.dumps({"update_id": 7, "message": {"message_id": 1}}).encode(),
    "date out of range": json.dumps({"update_id": 7, "message": {**MESSAGE, "date": 10**20}}).encode(),
    "date a string": json.dumps({"update_id": 7, "message": {**MESSAGE, "date": "x"}}).encode(),
    "entities a string": json.dumps({"update_id": 7, "message": {**MESSAGE, "entities": "abc"}}).encode(),
    "callback without fields": json.dumps({"update_id": 7, "callback_query": {"id": "1"}}).encode(),
}


async def test_malformed_updates_with_the_right_secret_get_400_and_the_next_good_one_is_served(
        api: FakeBotApi, tmp_path: Path, processes: list[BotProcess]) -> None:
    port = free_port()
    env = bot_env(api.base_url, tmp_path, BOT_WEBHOOK_URL="https://bot.example.org/hook",
                  BOT_WEBHOOK_PORT=str(port), BOT_WEBHOOK_SECRET=SECRET)
    bot_process = await start_process(env, tmp_path, "run", "--webhook")
    processes.append(bot_process)
    await api.wait_for_calls("setWebhook", timeout=20)
    first = api.send_text("what is ms")
    assert await post_update(f"http://127.0.0.1:{port}/hook", first, SECRET) == 200  # the port is up
    await api.wait_for_messages(1, timeout=10)
    statuses = {what: await raw_post(port, "/hook", {**RIGHT, "Content-Length": str(len(body))}, body)
                for what, body in MALFORMED.items()}
    assert statuses == dict.fromkeys(MALFORMED, 400)
    good = api.send_text("multiple sclerosis drugs")
    assert await post_update(f"http://127.0.0.1:{port}/hook", good, SECRET) == 200
    [_, reply] = await api.wait_for_messages(2, timeout=10)
    assert reply["text"].startswith("Disease-modifying therapies")
    assert await bot_process.stop(signal.SIGTERM) == 0
    log = bot_process.log
    assert "Traceback" not in log and "Error handling request" not in log
    # one line per bad request, up to the log's flood limit (bot/log_throttle.py)
    assert log.count("held no readable update") == min(len(MALFORMED), BURST)
