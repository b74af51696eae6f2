"""bot/channels/telegram/webhook.py: the webhook server takes updates with the right secret, refuses the rest, holds
up against slow clients (half a header, a half-sent body, more connections than the cap), and answers bodies that
carry the right secret but no usable update with 400, never 500.

An HTTP client and raw sockets against the real aiohttp server (`start_site`), and a real bot process
(`python -m bot run --webhook`) against the fake Bot API for the malformed bodies. Deadlines are short here so the
tests are quick; every wait has a generous guard so that a server that never closes fails the test instead of
hanging it.
"""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
from telegram.ext import Application, ApplicationBuilder

from bot.channels.telegram.webhook import SECRET_HEADER, start_site, webhook_server
from bot.log_throttle import BURST
from tests.channels.telegram.test_e2e import post_update, raw_post
from tests.conftest import BotProcess, bot_env, free_port, start_process
from tests.fakebotapi import FakeBotApi

SECRET = "slow-clients-secret"
GUARD_S = 60.0  # far above every deadline below: only a server that never answers reaches it
HALF_HEADER = b"POST /hook HTTP/1.1\r\nHost: x\r\n"


@asynccontextmanager
async def serving(header_timeout: float = 60.0, body_timeout: float = 60.0, max_connections: int = 200,
                  application: Application | None = None) -> AsyncIterator[tuple[int, Callable[[], int]]]:  # type: ignore[type-arg]
    application = application or ApplicationBuilder().token("1:test").build()  # never initialised: no request
    server = webhook_server(application, "hook", SECRET, body_timeout=body_timeout)
    runner, site = await start_site(server, "127.0.0.1", 0, header_timeout, max_connections)
    try:
        yield site.port, lambda: len(runner.server.connections) if runner.server else 0
    finally:
        await runner.cleanup()


async def closed_by_server(reader: asyncio.StreamReader) -> bytes:
    """Everything the server sends until it closes the connection (the guard fails a server that never does)."""
    return await asyncio.wait_for(reader.read(), GUARD_S)


async def test_half_a_header_is_closed_at_the_header_deadline() -> None:
    async with serving(header_timeout=0.5) as (port, _):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(HALF_HEADER)
        await writer.drain()
        assert await closed_by_server(reader) == b""  # closed, no request handled
        writer.close()


async def test_a_half_sent_body_with_the_secret_gets_408_at_the_body_deadline() -> None:
    async with serving(body_timeout=0.5) as (port, _):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     + f"{SECRET_HEADER}: {SECRET}\r\nContent-Length: 1000\r\n\r\n".encode() + b'{"upd')
        await writer.drain()
        answer = await closed_by_server(reader)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
        writer.close()


async def test_connections_over_the_cap_are_closed_at_once() -> None:
    async with serving(max_connections=2) as (port, open_connections):
        held = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
        for reader, writer in held:  # one answered request each: the server has accepted them, kept alive
            writer.write(b"GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n")
            assert (await asyncio.wait_for(reader.readline(), GUARD_S)).startswith(b"HTTP/1.1 404")
        assert open_connections() == 2
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(HALF_HEADER)
        assert await closed_by_server(reader) == b""
        writer.close()
        for _reader, held_writer in held:
            held_writer.close()


UPDATE = {"update_id": 77, "message": {"message_id": 1, "date": 0, "text": "what is ms",
                                       "chat": {"id": 5, "type": "private"},
                                       "from": {"id": 5, "is_bot": False, "first_name": "A"}}}


async def post(port: int, body: bytes, headers: dict[str, str], path: str = "/hook") -> int:
    async with aiohttp.ClientSession() as http, http.post(f"http://127.0.0.1:{port}{path}", data=body,
                                                          headers=headers) as response:
        return response.status


async def test_an_update_with_the_secret_is_queued_and_everything_else_refused() -> None:
    application = ApplicationBuilder().token("1:test").updater(None).build()
    right = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    async with serving(application=application) as (port, _):
        assert await post(port, json.dumps(UPDATE).encode(), right) == 200
        assert application.update_queue.qsize() == 1
        queued = application.update_queue.get_nowait()
        assert queued.update_id == 77 and queued.message.text == "what is ms"
        assert await post(port, json.dumps(UPDATE).encode(), {**right, SECRET_HEADER: "wrong"}) == 403
        assert await post(port, json.dumps(UPDATE).encode(), {"Content-Type": "application/json"}) == 403
        assert await post(port, b"update_id=1", {**right, "Content-Type": "text/plain"}) == 415
        assert await post(port, b"[1, 2]", right) == 400  # JSON, but not an update
        assert await post(port, b"{not json", right) == 400
        assert await post(port, json.dumps(UPDATE).encode(), right, path="/other") == 404
        assert application.update_queue.empty()


WEBHOOK_SECRET = "s3cret-Token_1"
RIGHT = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
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
                  BOT_WEBHOOK_PORT=str(port), BOT_WEBHOOK_SECRET=WEBHOOK_SECRET)
    bot_process = await start_process(env, tmp_path, "run", "--webhook")
    processes.append(bot_process)
    await api.wait_for_calls("setWebhook", timeout=20)
    first = api.send_text("what is ms")
    assert await post_update(f"http://127.0.0.1:{port}/hook", first, WEBHOOK_SECRET) == 200  # the port is up
    await api.wait_for_messages(1, timeout=10)
    statuses = {what: await raw_post(port, "/hook", {**RIGHT, "Content-Length": str(len(body))}, body)
                for what, body in MALFORMED.items()}
    assert statuses == dict.fromkeys(MALFORMED, 400)
    good = api.send_text("multiple sclerosis drugs")
    assert await post_update(f"http://127.0.0.1:{port}/hook", good, WEBHOOK_SECRET) == 200
    [_, reply] = await api.wait_for_messages(2, timeout=10)
    assert reply["text"].startswith("Disease-modifying therapies")
    assert await bot_process.stop(signal.SIGTERM) == 0
    log = bot_process.log
    assert "Traceback" not in log and "Error handling request" not in log
    # one line per bad request, up to the log's flood limit (bot/log_throttle.py)
    assert log.count("held no readable update") == min(len(MALFORMED), BURST)
