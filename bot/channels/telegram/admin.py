"""Admin commands on Telegram: /stats, /unmatched, /explain TEXT, /reload, and reload notices.

Only the users in BOT_ADMIN_IDS, in a private chat, get them. Anyone else's
attempt is logged (with the keyed hash of their id, never the id) and then
falls through to the ordinary handlers, so they get exactly the reply any
unknown command gets: nobody can tell that admin commands exist.

The content watcher itself is started by bot.channels.telegram.app (start_chores); here we
only listen to the Library: when a reload fails, every admin is told the file,
line and field; when the next reload succeeds, they are told it is fixed.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
import time
from concurrent.futures import Future
from functools import partial

from telegram import BotCommand, BotCommandScopeChat, Update, User
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, CommandHandler, filters

from bot.admin.explain import explain_lines
from bot.admin.handover import format_handover_figures, handover_figures
from bot.admin.report import format_unmatched, format_usage, group_unmatched, usage_report
from bot.channels.telegram.delivery import with_retries
from bot.channels.telegram.services import BotData, Callback, Context
from bot.content.knowledge import FilesBroken, Library
from bot.content.problems import Problem, errors_only
from bot.core import texts
from bot.settings import Settings
from bot.storage.protocol import Store

log = logging.getLogger(__name__)

# Before group 0, whose catch-all answers unknown commands; a handled admin command stops there.
ADMIN_GROUP = -1
UNMATCHED_DAYS = 30
UNMATCHED_LIMIT = 10
TEXT_LIMIT = 4000  # under Telegram's 4,096 characters per message
# Who asked for a reload with /reload: they get the full answer, so the broadcast skips them.
# asyncio.to_thread copies context variables into the worker thread that calls the listeners.
_RELOAD_REQUESTED_BY: contextvars.ContextVar[int | None] = contextvars.ContextVar("reload_by", default=None)


# -- services and sending ----------------------------------------------------------------------


def settings_of(context: Context) -> Settings:
    return context.bot_data.settings


def store_of(context: Context) -> Store:
    store = context.bot_data.store
    assert store is not None, "admin commands run only while the application runs"
    return store


def chat_id_of(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Cut at line ends into parts under `limit` characters (a single overlong line is cut hard)."""
    parts: list[str] = []
    current = ""
    for line in text.splitlines():
        while len(line) > limit:
            parts.append(line[:limit])
            line = line[limit:]
        if current and len(current) + len(line) + 1 > limit:
            parts.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current or not parts:
        parts.append(current or "(empty)")
    return parts


async def send_plain(context: Context, chat_id: int, text: str) -> None:
    """Plain text, no HTML: admin texts quote users' questions, which may hold '<' or '&'."""
    for part in split_text(text):
        await with_retries(partial(context.bot.send_message, chat_id, part), "sendMessage (admin)")


# -- the guard ---------------------------------------------------------------------------------


def is_admin(settings: Settings, user: User | None) -> bool:
    return user is not None and user.id in settings.admin_ids


def log_refusal(context: Context, command: str, user: User | None) -> None:
    """Record the attempt with the keyed hash of the id (never the raw id)."""
    store = context.bot_data.store
    who = store.key("user", user.id) if store is not None and user is not None else "unknown"
    log.warning("refused admin command /%s from a non-admin (user key %s)", command, who)


def admin_only(command: str, callback: Callback) -> Callback:
    """Run `callback` for admins and stop there; let everyone else fall through to "unknown command"."""

    async def guarded(update: Update, context: Context) -> None:
        if not is_admin(settings_of(context), update.effective_user):
            log_refusal(context, command, update.effective_user)
            return  # group 0 answers it exactly like any unknown command
        try:
            await callback(update, context)
        except Exception as error:  # the admin wants to know what broke; group 0 must not answer too
            log.exception("admin command /%s failed", command)
            await send_plain(context, chat_id_of(update), f"/{command} failed: {type(error).__name__}: {error}")
        raise ApplicationHandlerStop

    guarded.__name__ = f"admin_{command}"
    return guarded


# -- commands ----------------------------------------------------------------------------------


async def on_stats(update: Update, context: Context) -> None:
    """Last day and last week as text, then the week's chart as a photo."""
    store = store_of(context)
    day, week = await usage_report(store, 1), await usage_report(store, 7)
    handovers = format_handover_figures(await handover_figures(store, 7))
    chat_id = chat_id_of(update)
    await send_plain(context, chat_id, f"{format_usage(day)}\n\n{format_usage(week)}\n\n{handovers}")
    from bot.admin.chart import render_stats_chart  # Pillow: loaded only when a chart is asked for

    png = await asyncio.to_thread(render_stats_chart, week)  # drawing is CPU work: off the event loop
    caption = texts.STATS_CAPTION.format(period=week.period)
    await with_retries(partial(context.bot.send_photo, chat_id, png, caption=caption, filename="stats.png"),
                       "sendPhoto (stats chart)")


async def on_unmatched(update: Update, context: Context) -> None:
    """The most frequent unanswered questions of the last 30 days, grouped."""
    engine = context.bot_data.engine
    questions = await store_of(context).unmatched_since(UNMATCHED_DAYS)
    groups = await asyncio.to_thread(group_unmatched, questions, engine.knowledge, UNMATCHED_LIMIT)
    await send_plain(context, chat_id_of(update), f"{texts.LAST_DAYS.format(days=UNMATCHED_DAYS)}\n{format_unmatched(groups)}")


async def on_explain(update: Update, context: Context) -> None:
    """How the bot would read a question: safety check, decision, top candidates."""
    question = " ".join(context.args or ())
    if not question:
        await send_plain(context, chat_id_of(update), texts.EXPLAIN_USAGE)
        return
    lines = explain_lines(context.bot_data.engine, question)
    await send_plain(context, chat_id_of(update), "\n".join([texts.EXPLAIN_QUESTION.format(question=question), *lines]))


async def on_reload(update: Update, context: Context) -> None:
    """Reload content/ and intents.yaml now; reply with the outcome or every error."""
    library = context.bot_data.library
    user = update.effective_user
    token = _RELOAD_REQUESTED_BY.set(user.id if user else None)
    try:
        applied, problems = await asyncio.to_thread(library.reload)
    finally:
        _RELOAD_REQUESTED_BY.reset(token)
    await send_plain(context, chat_id_of(update), reload_outcome(library, applied, problems))


def describe_problem(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    line = f"\n    the line: {problem.excerpt.strip()}" if problem.excerpt else ""  # a caret would not line up here
    return f"• {where}: {problem.field}: {problem.message}{line}"


def reload_outcome(library: Library, applied: bool, problems: list[Problem]) -> str:
    """What /reload answers: the new counts, or every error (the old files keep serving)."""
    warnings = len(problems) - len(errors_only(problems))
    noted = texts.RELOAD_WARNINGS.format(count=warnings) if warnings else ""
    if applied:
        knowledge = library.current
        return texts.RELOADED.format(articles=len(knowledge.articles), intents=len(knowledge.intents)) + noted
    return failure_text(problems)


def failure_text(problems: list[Problem]) -> str:
    errors = errors_only(problems)
    lines = [texts.RELOAD_FAILED.format(count=len(errors)), *(describe_problem(p) for p in errors), texts.FIX_THE_FILE]
    return "\n".join(lines)


# -- reload notices ----------------------------------------------------------------------------


class ReloadNotices:
    """Tells every admin when a reload fails, and when it works again after a failure.

    The Library calls it from the reload worker thread, so sending is scheduled on the
    application's event loop with run_coroutine_threadsafe.
    """

    def __init__(self, application: Application) -> None:  # type: ignore[type-arg]
        self.application = application
        self.loop: asyncio.AbstractEventLoop | None = None  # set while the application runs
        self._lock = threading.Lock()
        self._last_failure: tuple[str, ...] | None = None

    def __call__(self, problems: list[Problem], applied: bool) -> None:
        text = self._notice(problems, applied)
        loop = self.loop
        if text is None or loop is None or loop.is_closed():
            return
        future = asyncio.run_coroutine_threadsafe(self.tell_admins(text, _RELOAD_REQUESTED_BY.get()), loop)
        future.add_done_callback(_log_failure)

    def remember_failure(self, problems: list[Problem]) -> None:
        """Admins were told about these errors another way (at start): a reload failing the same way stays
        silent, and the fix is announced."""
        with self._lock:
            self._last_failure = tuple(str(p) for p in errors_only(problems))

    def _notice(self, problems: list[Problem], applied: bool) -> str | None:
        """The message for this outcome, or None: good reloads are silent, a repeated failure too."""
        with self._lock:  # the watcher and /reload may finish at the same time
            if applied:
                if self._last_failure is None:
                    return None
                self._last_failure = None
                return texts.RELOAD_FIXED
            failure = tuple(str(p) for p in errors_only(problems))
            if failure == self._last_failure:
                return None
            self._last_failure = failure
            return failure_text(problems)

    async def tell_admins(self, text: str, skip: int | None = None) -> None:
        """Send `text` to every admin (but `skip`, who already has the answer); failures are logged."""
        await tell_admins(self.application, text, skip)


async def tell_admins(application: Application, text: str, skip: int | None = None) -> None:  # type: ignore[type-arg]
    """Send `text` to every admin in BOT_ADMIN_IDS (but `skip`); failures are logged, never raised."""
    data: BotData = application.bot_data
    settings, store = data.settings, data.store
    for admin_id in sorted(settings.admin_ids - {skip}):
        for part in split_text(text):
            try:
                await with_retries(partial(application.bot.send_message, admin_id, part), "sendMessage (admins)")
            except TelegramError as error:
                who = store.key("user", admin_id) if store is not None else "unknown"
                log.warning("could not send a notice to admin %s (%s)", who, error)
                break


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("sending a reload notice failed", exc_info=future.exception())


# -- wiring ------------------------------------------------------------------------------------


async def publish_admin_menu(application: Application) -> None:  # type: ignore[type-arg]
    """Show the admin commands in each admin's own command menu (others never see them)."""
    commands = [BotCommand(name, description) for name, description in (*texts.BOT_COMMANDS, *texts.ADMIN_MENU)]
    for admin_id in sorted(application.bot_data.settings.admin_ids):
        try:
            await application.bot.set_my_commands(commands, scope=BotCommandScopeChat(admin_id))
        except TelegramError as error:  # e.g. the admin has not opened the bot yet: typing still works
            log.info("admin command menu not set for one admin (%s)", error)


def started_on_snapshot_text(broken: FilesBroken) -> str:
    """What admins are told when the bot started on the last good content."""
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(broken.serving_built_at))
    return "\n".join([texts.STARTED_ON_SNAPSHOT.format(when=when, count=len(broken.problems)),
                      *(describe_problem(p) for p in broken.problems), texts.FIX_THE_FILE])


async def announce_degraded_start(application: Application) -> None:  # type: ignore[type-arg]
    """Tell every admin, once, that the bot started on the last good content because the files are broken."""
    notices = application.bot_data.reload_notices
    broken = application.bot_data.library.files_broken
    if broken is None or not broken.at_start or notices is None:
        return
    notices.remember_failure(list(broken.problems))
    await notices.tell_admins(started_on_snapshot_text(broken))


async def start_admin_services(application: Application) -> None:  # type: ignore[type-arg]
    """At the application's start (bot.channels.telegram.app.on_start): reload notices reach the running
    event loop; the admin menu is published; admins are told if the bot started on the last good content."""
    notices = application.bot_data.reload_notices
    if notices is not None:
        notices.loop = asyncio.get_running_loop()
    await publish_admin_menu(application)
    await announce_degraded_start(application)


async def stop_admin_services(application: Application) -> None:  # type: ignore[type-arg]
    """At the application's stop (bot.channels.telegram.app.on_stop): no more notices once the loop goes."""
    notices = application.bot_data.reload_notices
    if notices is not None:
        notices.loop = None


def register(application: Application) -> None:  # type: ignore[type-arg]
    """Add the admin commands (private chats only) and subscribe admins to reload outcomes."""
    commands: dict[str, Callback] = {"stats": on_stats, "unmatched": on_unmatched, "explain": on_explain,
                                     "reload": on_reload}
    only_private_messages = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, admin_only(name, callback), filters=only_private_messages),
                                group=ADMIN_GROUP)
    notices = ReloadNotices(application)
    application.bot_data.reload_notices = notices
    application.bot_data.library.on_reload(notices)
