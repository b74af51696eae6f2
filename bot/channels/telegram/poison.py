"""Poison messages: an update that fails every time it runs is set aside, so the bot never crash-loops.

The inbox (bot/channels/telegram/delivery.py) replays every update not yet answered after a restart. An update
that kills the process (memory, a crash in a C extension) would then kill every start. So
each inbox row counts the runs it has started (the live run, then each replay, counted in
the store before it starts; replays run one at a time, so a crash is blamed on the update
that caused it). At a start, a row that has failed `MAX_ATTEMPTS` times is not run again:
it is set aside (its content deleted, only its kind kept), logged, the admins are told
without its text, and its sender gets a short apology.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.channels.telegram.delivery import OrderedDurableUpdateProcessor, with_retries
from bot.channels.telegram.errors import describe
from bot.channels.telegram.services import BotData
from bot.core import texts
from bot.storage.protocol import PendingUpdate

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # runs started (the live one, then replays) before an update is set aside
# Tells the admins a notice (bot/channels/telegram/admin.py's tell_admins); passed in, so this module does not
# depend on the admin commands.
TellAdmins = Callable[[Application, str], Awaitable[None]]  # type: ignore[type-arg]


async def replay_unanswered(application: Application, tell_admins: TellAdmins) -> int:  # type: ignore[type-arg]
    """Queue again every update received but never answered (the process died first); set aside those that
    have failed `MAX_ATTEMPTS` times, telling the admins through `tell_admins`. Returns how many were queued."""
    data: BotData = application.bot_data
    store = data.store
    assert store is not None, "replayed only once the store is open"
    processor = application.update_processor
    queued = 0
    for pending in await store.inbox_replays():
        update = _readable(application, pending)
        if update is None or pending.attempts >= MAX_ATTEMPTS:
            await set_aside(application, pending, update, tell_admins)
            continue
        if isinstance(processor, OrderedDurableUpdateProcessor):
            processor.mark_replay(update.update_id)
        await application.update_queue.put(update)
        queued += 1
    if queued:
        log.info("replaying %d update(s) received before the last stop but not answered", queued)
    return queued


def _readable(application: Application, pending: PendingUpdate) -> Update | None:  # type: ignore[type-arg]
    try:
        return Update.de_json(pending.data, application.bot) if pending.data is not None else None
    except Exception:  # a stored update PTB cannot read would fail every start too
        log.error("stored update %d cannot be read as an update", pending.update_id)
        return None


async def set_aside(application: Application, pending: PendingUpdate,  # type: ignore[type-arg]
                    update: Update | None, tell_admins: TellAdmins) -> None:
    """Stop trying `pending`: delete its content, keep its kind, tell its sender and the admins (no text)."""
    kind = describe(update) if update is not None else "an unreadable update"
    store = application.bot_data.store
    assert store is not None, "set aside only once the store is open"
    await store.set_aside(pending.update_id, kind, pending.attempts)
    log.warning("update %d (%s) failed %d time(s): set aside, its content deleted", pending.update_id, kind,
                pending.attempts)
    if update is not None and update.effective_chat is not None:
        try:
            await with_retries(partial(application.bot.send_message, update.effective_chat.id,
                                       texts.SET_ASIDE_APOLOGY), "sendMessage (set aside)")
        except TelegramError as error:
            log.info("could not apologise for a set-aside update (%s)", type(error).__name__)
    await tell_admins(application, texts.SET_ASIDE_ADMIN_NOTICE.format(
        kind=kind, update_id=pending.update_id, attempts=pending.attempts))
