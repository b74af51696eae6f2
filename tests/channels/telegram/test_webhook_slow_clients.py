"""The webhook server against slow clients: half a header, a half-sent body, more connections than the cap.

Raw sockets against the real aiohttp server (`start_site`). Deadlines are short here so the tests are quick;
every wait has a generous guard so that a server that never closes fails the test instead of hanging it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from telegram.ext import ApplicationBuilder

from bot.channels.telegram.webhook import SECRET_HEADER, start_site, webhook_server

SECRET = "slow-clients-secret"
GUARD_S = 60.0  # far above every deadline below: only a server that never answers reaches it
HALF_HEADER = b"POST /hook HTTP/1.1\r\nHost: x\r\n"


@asynccontextmanager
async def serving(header_timeout: float = 60.0, body_timeout: float = 60.0,
                  max_connections: int = 200) -> AsyncIterator[tuple[int, Callable[[], int]]]:
    application = ApplicationBuilder().token("1:test").build()  # never initialised: no request reaches it
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
