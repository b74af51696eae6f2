"""Webhook mode: a small aiohttp server that checks who is calling before it reads a byte of the body.

Why not PTB's own webhook server (tornado): tornado reads a request's whole body (up to 100 MB)
into memory before the handler can look at the secret header, so anyone who finds the URL can
make the bot hold 90 MB per request. Here, in this order:

1. the path must be ours (anything else is 404);
2. `X-Telegram-Bot-Api-Secret-Token` must equal the secret given to Telegram with setWebhook
   (compared in constant time), else 403, with the body left unread;
3. the body must be JSON of at most `MAX_BODY_BYTES` (Telegram's updates are a few kB; 1 MB
   leaves room for any update), else 413 or 415, again before reading it;
4. then it is read and turned into an Update (`read_update`: anything that is not one is 400, never 500)
   and put on the update queue, which commits it to the
   inbox before the 200 goes back (delivery.DurableUpdateQueue).

Slow clients cannot hold it: the request headers must arrive within `HEADER_TIMEOUT_S` of the connection
(or of the previous response), the body within `BODY_TIMEOUT_S`, and at most `MAX_CONNECTIONS` connections are
open at once (more are closed at accept), so a slowloris neither stalls Telegram's deliveries nor uses up fds.

The server listens on 127.0.0.1 by default: put a TLS-terminating reverse proxy in front (see
README, "Webhook behind a reverse proxy").
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from functools import partial
from typing import Any

from aiohttp import web
from telegram import Bot, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.channels.telegram.limits import ALLOWED_UPDATES
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
MAX_UPDATE_ID = 2**63 - 1  # the inbox's SQLite INTEGER
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEADER_TIMEOUT_S = 10.0  # Telegram sends a whole request at once; a proxy in front does too
BODY_TIMEOUT_S = 10.0
MAX_CONNECTIONS = 200  # Telegram opens at most 100 (setWebhook's max_connections); the fd limit is far above
SET_WEBHOOK_FIRST_WAIT = 1.0
SET_WEBHOOK_LONGEST_WAIT = 30.0


def webhook_server(application: Application, path: str, secret: str,  # type: ignore[type-arg]
                   body_timeout: float = BODY_TIMEOUT_S) -> web.Application:
    """The aiohttp application that receives updates on `/path`."""
    expected = secret.encode()

    async def receive(request: web.Request) -> web.StreamResponse:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), expected):
            return web.Response(status=403, text="wrong or missing secret token")
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return web.Response(status=413, text=f"an update is at most {MAX_BODY_BYTES} bytes")
        if request.content_type != "application/json":
            return web.Response(status=415, text="updates are application/json")
        try:
            async with asyncio.timeout(body_timeout):  # a half-sent body is not waited for for ever
                body = await request.read()  # client_max_size stops a body without Content-Length at the limit
        except TimeoutError:
            return web.Response(status=408, text="the body did not arrive in time")
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text=f"an update is at most {MAX_BODY_BYTES} bytes")
        update, problem = read_update(body, application.bot)
        if update is None:
            log.warning("webhook: a request with the right secret held no readable update (%s)", problem)
            return web.Response(status=400, text="not an update")
        await application.update_queue.put(update)  # on disk before Telegram hears 200 (DurableUpdateQueue)
        return web.Response(status=200)

    server = web.Application(client_max_size=MAX_BODY_BYTES)
    server.router.add_post(f"/{path}" if path else "/", receive)
    return server


def read_update(body: bytes, bot: Bot) -> tuple[Update | None, str]:
    """The update in a request body, or (None, what is wrong with it).

    The body is untrusted even with the right secret (a proxy bug, a leaked secret): PTB's `de_json`
    trusts its input's shape and raises whatever the bad field makes it raise (AttributeError,
    OverflowError for a date, RecursionError for deep nesting), so every exception means "not an update".
    The update id must be an int SQLite can store, as the inbox keys on it.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:  # bad JSON, bad UTF-8, nesting deeper than the stack
        return None, f"not JSON: {type(error).__name__}"
    if not isinstance(data, dict):
        return None, f"JSON {type(data).__name__}, not an object"
    update_id = data.get("update_id")
    if type(update_id) is not int or not 0 <= update_id <= MAX_UPDATE_ID:
        return None, "no valid update_id"
    try:
        return Update.de_json(data, bot), ""
    except Exception as error:  # untrusted input: any failure to build the update is the sender's
        return None, f"rejected by Update.de_json: {type(error).__name__}"


async def serve_webhook(application: Application, settings: Settings, path: str,  # type: ignore[type-arg]
                        secret: str, stop: asyncio.Event | None = None) -> None:
    """The whole life of the webhook bot, as PTB's run_webhook has it: initialize, post_init, setWebhook,
    start, serve until SIGTERM/SIGINT (or `stop`), then stop, shutdown, post_shutdown."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    runner: web.AppRunner | None = None
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        if not await _set_webhook(application, settings, secret, stop):
            return
        await application.start()
        runner, _site = await start_site(webhook_server(application, path, secret), settings.webhook_listen,
                                         settings.webhook_port)
        log.info("webhook: listening on %s:%d/%s", settings.webhook_listen, settings.webhook_port, path)
        await stop.wait()
    finally:
        if runner is not None:
            await runner.cleanup()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)


class _Refused(asyncio.Protocol):
    """A connection over the cap: closed at once, before anything is read or any handler is made."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.close()


class CappedSite(web.TCPSite):
    """A TCPSite that closes new connections while `max_connections` are open (aiohttp has no such cap)."""

    def __init__(self, runner: web.AppRunner, host: str, port: int, max_connections: int) -> None:
        super().__init__(runner, host, port)
        self.max_connections = max_connections

    async def start(self) -> None:
        await web.BaseSite.start(self)  # registers the site with the runner; TCPSite.start would listen uncapped
        server = self._runner.server
        assert server is not None

        def protocol() -> asyncio.BaseProtocol:
            return _Refused() if len(server.connections) >= self.max_connections else server()

        self._server = await asyncio.get_running_loop().create_server(
            protocol, self._host, self._port, backlog=self._backlog, reuse_address=self._reuse_address)

    @property
    def port(self) -> int:
        """The port listened on (the real one when 0 was asked for)."""
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])


async def start_site(server: web.Application, host: str, port: int, header_timeout: float = HEADER_TIMEOUT_S,
                     max_connections: int = MAX_CONNECTIONS) -> tuple[web.AppRunner, CappedSite]:
    """Serve `server` on host:port with the header deadline and the connection cap."""
    # keepalive_timeout: aiohttp arms it when a connection opens and after each response, and closes the
    # connection if no whole request head has arrived by then: that is the header deadline (aiohttp 3.14).
    # lingering_time=0: a refused request's unread body is not drained; the connection just closes.
    runner = web.AppRunner(server, access_log=None, lingering_time=0.0, keepalive_timeout=header_timeout)
    await runner.setup()
    site = CappedSite(runner, host, port, max_connections)
    await site.start()
    return runner, site


async def _set_webhook(application: Application, settings: Settings, secret: str,  # type: ignore[type-arg]
                       stop: asyncio.Event) -> bool:
    """setWebhook, trying again while Telegram cannot be reached (as bootstrap_retries=-1); False if stopped."""
    wait = SET_WEBHOOK_FIRST_WAIT
    call: Any = partial(application.bot.set_webhook, url=settings.webhook_url, secret_token=secret,
                        allowed_updates=ALLOWED_UPDATES)
    while not stop.is_set():
        try:
            await call()
            return True
        except InvalidToken:
            raise
        except TelegramError as error:
            log.warning("setWebhook failed (%s: %s); trying again in %.0f s", type(error).__name__, error, wait)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
        wait = min(wait * 2, SET_WEBHOOK_LONGEST_WAIT)
    return False


def run_webhook_server(application: Application, settings: Settings, path: str,  # type: ignore[type-arg]
                       secret: str) -> None:
    """Run `serve_webhook` in a new event loop until a stop signal."""
    asyncio.run(serve_webhook(application, settings, path, secret))

