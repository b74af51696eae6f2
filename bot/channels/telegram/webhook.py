"""Webhook mode: a small aiohttp server that checks who is calling before it reads a byte of the body.

Why not PTB's own webhook server (tornado): tornado reads a request's whole body (up to 100 MB)
into memory before the handler can look at the secret header, so anyone who finds the URL can
make the bot hold 90 MB per request. Here, in this order:

1. the path must be ours (anything else is 404);
2. `X-Telegram-Bot-Api-Secret-Token` must equal the secret given to Telegram with setWebhook
   (compared in constant time), else 403, with the body left unread;
3. the body must be JSON of at most `MAX_BODY_BYTES` (Telegram's updates are a few kB; 1 MB
   leaves room for any update), else 413 or 415, again before reading it;
4. then it is read, turned into an Update and put on the update queue, which commits it to the
   inbox before the 200 goes back (delivery.DurableUpdateQueue).

The server listens on 127.0.0.1 by default: put a TLS-terminating reverse proxy in front (see
README, "Webhook behind a reverse proxy").
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import signal
from functools import partial
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.channels.telegram.limits import ALLOWED_UPDATES
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SET_WEBHOOK_FIRST_WAIT = 1.0
SET_WEBHOOK_LONGEST_WAIT = 30.0


def webhook_server(application: Application, path: str, secret: str) -> web.Application:  # type: ignore[type-arg]
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
            data = await request.json()  # client_max_size stops a body without Content-Length at the limit
            update = Update.de_json(data, application.bot) if isinstance(data, dict) else None
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text=f"an update is at most {MAX_BODY_BYTES} bytes")
        except (ValueError, TypeError, KeyError, TelegramError):
            update = None
        if update is None:
            log.warning("webhook: a request with the right secret held no readable update")
            return web.Response(status=400, text="not an update")
        await application.update_queue.put(update)  # on disk before Telegram hears 200 (DurableUpdateQueue)
        return web.Response(status=200)

    server = web.Application(client_max_size=MAX_BODY_BYTES)
    server.router.add_post(f"/{path}" if path else "/", receive)
    return server


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
        # lingering_time=0: a refused request's unread body is not drained; the connection just closes.
        runner = web.AppRunner(webhook_server(application, path, secret), access_log=None, lingering_time=0.0)
        await runner.setup()
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
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

