"""`run`: the bot on Telegram, by long polling or (`--webhook`) behind a webhook.

The long-lived services are built by bot.app (the composition root) and kept in
the typed `bot_data` (bot.channels.telegram.services.BotData): the Library and
Engine when the Application is built; the Store and Conversation in `post_init`
(the store opens inside the running event loop) until `post_shutdown` closes it.
This module owns the whole lifecycle, the admin services' start and stop too. Delivery is at-least-once (see bot/channels/telegram/delivery.py); outgoing calls go
through PriorityRateLimiter (safety replies first) and `with_retries`, over aiohttp (bot/channels/telegram/request.py).

Liveness: the heartbeat file (BOT_HEARTBEAT_PATH) is touched after successful
getUpdates calls (at most once a second; at least every 10 s while polling), and
in webhook mode on updates and every 30 s. For a Dockerfile:

    HEALTHCHECK --interval=30s --timeout=5s CMD python -m bot.channels.telegram.health
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import re
import secrets
import sys
from collections.abc import Awaitable, Callable, Coroutine
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.app import build_engine, build_library, open_store
from bot.channels.telegram import admin as telegram_admin
from bot.channels.telegram import handlers as telegram_handlers
from bot.channels.telegram import handover as telegram_handover
from bot.channels.telegram import inline as telegram_inline
from bot.channels.telegram.delivery import (
    DurableGetUpdatesRequest,
    DurableUpdateQueue,
    Inbox,
    OrderedDurableUpdateProcessor,
    with_retries,
)
from bot.channels.telegram.limits import ALLOWED_UPDATES
from bot.channels.telegram.poison import replay_unanswered
from bot.channels.telegram.ratelimit import PriorityRateLimiter
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.services import CONTEXT_TYPES, BotData
from bot.content.knowledge import Library
from bot.content.reload import watch_content
from bot.content.status import STATUS_FILE, keep_status
from bot.core import texts
from bot.core.conversation import Conversation
from bot.core.engine import URGENT_KINDS, Engine
from bot.log_privacy import RedactPersonalData
from bot.private_files import private_umask
from bot.settings import Settings
from bot.storage.protocol import StorageError, Store

log = logging.getLogger(__name__)

NO_TOKEN = """\
No TELEGRAM_BOT_TOKEN is set, so the bot cannot connect to Telegram.

  1. In Telegram, open @BotFather, send /newbot and follow the steps: it gives you a token.
  2. Set it:  export TELEGRAM_BOT_TOKEN='123456789:AA...'   (or put it in .env, see .env.example)
  3. Start:   python -m bot run

To try the bot without Telegram, in this terminal: python -m bot chat
"""
NO_WEBHOOK_URL = ("BOT_WEBHOOK_URL is not set: --webhook needs the public https:// address Telegram should "
                  "send updates to (for example https://bot.example.org/telegram). "
                  "Set it, or run without --webhook to use long polling.")
BAD_WEBHOOK_SECRET = "BOT_WEBHOOK_SECRET may only hold letters, digits, _ and - (1 to 256 of them)"
RATE_LIMIT_RETRIES = 3
RETRY_UNDELIVERED_SECONDS = 30.0
PURGE_EVERY_SECONDS = 6 * 3600.0
CHECKPOINT_RETRY_SECONDS = 60.0  # a checkpoint a reader kept from completing (after /forget) is tried again
WEBHOOK_BEAT_SECONDS = 30.0


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--webhook", action="store_true",
                        help="receive updates on a webhook (BOT_WEBHOOK_URL, BOT_WEBHOOK_PORT, ...) "
                             "instead of long polling")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run until SIGTERM/SIGINT (exit 0); 2 for missing settings, 1 if the database cannot be used."""
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    webhook = bool(getattr(args, "webhook", False))
    if webhook and (problem := webhook_problem(settings)):
        print(f"Configuration error: {problem}", file=sys.stderr)
        return 2
    protect_token(settings.token)
    private_umask()  # the database, the secret and the cache: 0600 files in 0700 folders
    try:
        application = build_application(settings, webhook=webhook)
        if webhook:
            run_webhook(application, settings)
        else:
            application.run_polling(bootstrap_retries=-1, allowed_updates=ALLOWED_UPDATES)
    except StorageError as err:
        log.error("cannot start: %s", err)
        return 1
    except InvalidToken:
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN: copy it again from @BotFather (/mybots, API Token)")
        return 1
    return 0


def webhook_problem(settings: Settings) -> str:
    """What is wrong with the webhook settings, naming the setting; "" if nothing."""
    if not settings.webhook_url:
        return NO_WEBHOOK_URL
    if not settings.webhook_url.startswith("https://"):
        return f"BOT_WEBHOOK_URL must start with https:// (Telegram only posts to HTTPS), got {settings.webhook_url!r}"
    if settings.webhook_secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", settings.webhook_secret):
        return BAD_WEBHOOK_SECRET
    return ""


def run_webhook(application: Application, settings: Settings) -> None:  # type: ignore[type-arg]
    """Serve the webhook (bot.webhook: the secret header and the body size are checked before the body is
    read), after registering it with Telegram (setWebhook)."""
    secret = settings.webhook_secret
    if not secret:
        # Without a secret anyone who finds the URL could post fake updates; a fresh one per start works
        # because setWebhook hands it to Telegram every time.
        secret = secrets.token_urlsafe(32)
        log.info("BOT_WEBHOOK_SECRET not set: using a random secret for this run")
    from bot.channels.telegram.webhook import run_webhook_server  # aiohttp's server (2 MB): webhook mode only

    run_webhook_server(application, settings, webhook_path(settings.webhook_url), secret)


def webhook_path(url: str) -> str:
    """The path we listen on: the public URL's path (a proxy forwards it unchanged)."""
    return urlsplit(url).path.strip("/")


def staff_chats(settings: Settings) -> frozenset[int]:
    """Chats whose messages are never dropped for fairness: the staff team's (BOT_HANDOVER_CHAT_ID), whose replies
    go to people waiting for them."""
    return frozenset({settings.handover_chat_id}) if settings.handover_chat_id is not None else frozenset()


def is_urgent(engine: Engine, text: str) -> bool:
    """Does `text` call for an emergency or crisis reply? (The update processor asks, to let it jump the queues.)"""
    turn = engine.safety_turn(text)
    return turn is not None and turn.kind in URGENT_KINDS


def build_application(
    settings: Settings,
    *,
    library: Library | None = None,
    webhook: bool = False,
    retry_undelivered_seconds: float = RETRY_UNDELIVERED_SECONDS,
) -> Application:  # type: ignore[type-arg]
    """The Application with our request, rate limiter, update processor, handlers and services."""
    library = library or build_library(settings)
    engine = build_engine(settings, library, handover=True)
    inbox = Inbox(settings.heartbeat_path)
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .context_types(CONTEXT_TYPES)
        .request(AiohttpRequest())
        .get_updates_request(DurableGetUpdatesRequest(inbox, connection_pool_size=1))
        .rate_limiter(PriorityRateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(OrderedDurableUpdateProcessor(inbox, trusted_chats=staff_chats(settings),
                                                          is_urgent=partial(is_urgent, engine)))
        .post_init(on_start)
        .post_shutdown(on_stop)
    )
    if webhook:
        builder = builder.update_queue(DurableUpdateQueue(inbox))
    application = builder.build()
    application.bot_data.update(
        settings=settings, library=library, engine=engine, inbox=inbox,
        webhook=webhook, retry_undelivered_seconds=retry_undelivered_seconds, tasks=[],
    )
    telegram_handlers.register(application)
    telegram_inline.register(application)
    telegram_admin.register(application)
    telegram_handover.register(application, settings)
    return application


# -- start and stop ----------------------------------------------------------------------------


async def on_start(application: Application) -> None:  # type: ignore[type-arg]
    """post_init: open the store, publish the commands, replay unanswered updates, start chores."""
    data: BotData = application.bot_data
    store = await open_store(data.settings)
    data.store = store
    data.inbox.store = store
    data.conversation = Conversation(data.engine, store)
    keep_status(data.library, data.settings.data_dir / STATUS_FILE)  # for the health check
    await telegram_handover.start(application)  # the open tickets, before replayed updates run
    await purge(application)
    await publish_commands(application)
    replayed = await replay_unanswered(application, telegram_admin.tell_admins)
    start_chores(application)
    await telegram_admin.start_admin_services(application)
    data.inbox.beat()
    log.info("@%s is running (%s); %d unanswered update(s) replayed", application.bot.username,
             "webhook" if data["webhook"] else "long polling", replayed)


async def on_stop(application: Application) -> None:  # type: ignore[type-arg]
    """post_shutdown: stop the admin services and the chores, close the store (a final WAL checkpoint)."""
    await telegram_admin.stop_admin_services(application)
    await stop_chores(application)
    store = application.bot_data.take_store()
    if store is not None:
        application.bot_data.inbox.store = None
        await store.close()
    log.info("stopped")


async def publish_commands(application: Application) -> None:  # type: ignore[type-arg]
    """setMyCommands: the menu Telegram shows next to the text box."""
    commands = [BotCommand(name, description) for name, description in texts.BOT_COMMANDS]
    try:
        await with_retries(partial(application.bot.set_my_commands, commands), "setMyCommands")
    except TelegramError as err:
        log.warning("could not publish the command menu (%s); commands still work", err)


async def retry_undelivered(application: Application) -> None:  # type: ignore[type-arg]
    """Queue again the updates whose reply the network swallowed (their inbox copy is still there)."""
    processor = application.update_processor
    if isinstance(processor, OrderedDurableUpdateProcessor):
        for update in processor.take_undelivered():
            await application.update_queue.put(update)


async def purge(application: Application) -> None:  # type: ignore[type-arg]
    """Apply the retention period: close expired handovers (and their topics), then purge the store."""
    try:
        await telegram_handover.close_expired(application)
    except Exception:  # a chore: never let it stop the bot
        log.exception("closing expired handovers failed")
    store = application.bot_data.store
    assert store is not None, "purged only once the store is open"
    await purge_expired(store)


async def _checkpoint_if_owed(application: Application) -> None:  # type: ignore[type-arg]
    """Retry a WAL checkpoint that a reader kept from completing after /forget or the purge."""
    store = application.bot_data.store
    if store is not None:
        await store.checkpoint_if_owed()


async def purge_expired(store: Store) -> None:
    """Apply the retention period (BOT_RETENTION_DAYS)."""
    try:
        removed = await store.purge_expired()
    except Exception:  # a chore: never let it stop the bot
        log.exception("purging expired data failed")
        return
    if removed:
        log.info("retention: removed %d expired unanswered question(s)", removed)


# -- background chores -------------------------------------------------------------------------


async def every(seconds: float, action: Callable[[], Awaitable[Any]], what: str) -> None:
    """Run `action` every `seconds` until cancelled; a failure is logged and the loop goes on."""
    while True:
        await asyncio.sleep(seconds)
        try:
            await action()
        except Exception:
            log.exception("%s failed", what)


async def _beat(inbox: Inbox) -> None:
    inbox.beat()


def start_chores(application: Application) -> None:  # type: ignore[type-arg]
    """Retry undelivered replies, purge expired data, reload edited content, beat in webhook mode."""
    data = application.bot_data
    settings: Settings = data["settings"]
    chores: list[Coroutine[Any, Any, Any]] = [
        every(data["retry_undelivered_seconds"], partial(retry_undelivered, application), "retrying replies"),
        every(PURGE_EVERY_SECONDS, partial(purge, application), "purge"),
        every(CHECKPOINT_RETRY_SECONDS, partial(_checkpoint_if_owed, application), "WAL checkpoint"),
    ]
    if data["webhook"]:  # no getUpdates to prove we are alive: say so while the event loop runs
        chores.append(every(WEBHOOK_BEAT_SECONDS, partial(_beat, data["inbox"]), "heartbeat"))
    if settings.watch:
        data["watch_stop"] = asyncio.Event()
        chores.append(watch_content(data["library"], data["watch_stop"]))
    data["tasks"] = [asyncio.create_task(chore) for chore in chores]


async def stop_chores(application: Application) -> None:  # type: ignore[type-arg]
    data = application.bot_data
    if "watch_stop" in data:
        data["watch_stop"].set()
    tasks: list[asyncio.Task[Any]] = data.get("tasks", [])
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    data["tasks"] = []


# -- logging -----------------------------------------------------------------------------------


class RedactToken(logging.Filter):
    """Last line of defence: the token never reaches a log, even inside an exception's text."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = text.replace(self.token, "<token>")
        return True


def protect_token(token: str) -> None:
    """httpx logs request URLs, which hold the token: keep it at WARNING, and redact everywhere. Texts and ids
    that libraries log at DEBUG are redacted too (bot.log_privacy)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactPersonalData())
        handler.addFilter(RedactToken(token))
