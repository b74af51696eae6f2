"""End to end: the real bot (`bot.telegram_app.run`) long-polling a fake Bot API server that plays 100 users.

Both run in their own processes, started by `tools.bench` as `python -m tools.bench
--e2e-server ROOT` (tests/fakebotapi.py plus the simulated users: a closed-loop
burst, then an open-loop paced phase) and `python -m tools.bench --e2e-bot MODE ROOT`
(the bot as shipped, or with the rate limiter off). Afterwards the bot's inbox is
read back to check that no message was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from bot.settings import Settings
from tools.bench_size import JSON, peak_rss_of, percentiles
from tools.synthetic import REPO, read_messages

E2E_TOKEN = "123456:BENCH-token"
IDLE_SECONDS = 15.0  # no reply for this long while messages wait: they count as lost


def e2e(folder: Path, root: Path, mode: str, users: int, per_user: int, paced: int, rate: float, *,
        timeout: float, flood: bool = False) -> JSON:
    """Start the fake server and the bot, let the server drive the load, then check nothing was lost.

    With `flood`, the server plays the flood instead (`flood_phase`): one group floods while `paced` private
    questions arrive at `rate` a second. Both processes are killed if the run takes longer than `timeout`
    seconds."""
    folder.mkdir(parents=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "tools.bench", "--e2e-server", str(root), "--users", str(users), "--per-user",
         str(per_user), "--paced", str(paced), "--rate", str(rate), *(["--flood"] if flood else [])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    log_path = folder / "bot.log"
    bot: subprocess.Popen[bytes] | None = None
    watchdog = threading.Timer(timeout, lambda: [p.kill() for p in (server, bot) if p])
    watchdog.start()
    try:
        assert server.stdout is not None and server.stdin is not None
        base_url = json.loads(server.stdout.readline())["base_url"]
        env = {**{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))},
               "TELEGRAM_BOT_TOKEN": E2E_TOKEN, "TELEGRAM_API_BASE_URL": base_url,
               "BOT_DB_PATH": str(folder / "bot.sqlite3"), "BOT_HEARTBEAT_PATH": str(folder / "heartbeat"),
               "BOT_HASH_SECRET": "bench-secret-long-enough-for-the-32-byte-rule", "BOT_WATCH": "0", "BOT_LOG_LEVEL": "WARNING"}
        with log_path.open("wb") as log:
            bot = subprocess.Popen([sys.executable, "-m", "tools.bench", "--e2e-bot", mode, str(root)], env=env,
                                   stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
            finished = threading.Event()
            threading.Thread(target=_stop_server_if_bot_dies, args=(bot, server, finished), daemon=True).start()
            server.stdout.readline()  # warmed up: the measured load starts now
            cpu_before = _cpu_seconds_of(bot.pid)
            line = server.stdout.readline()
            cpu_used = _cpu_seconds_of(bot.pid) - cpu_before
            rss = peak_rss_of(bot.pid)
            finished.set()
            bot.send_signal(signal.SIGTERM)
            bot.wait(30)
        server.stdin.close()
        server.wait(30)
    finally:
        watchdog.cancel()
        for process in (server, bot):
            if process is not None and process.poll() is None:
                process.kill()
    if not line:
        raise RuntimeError(f"the e2e server gave no result; bot log:\n{log_path.read_text()[-3000:]}")
    result: JSON = json.loads(line)
    if flood:  # dropped messages are the point of this run: "nothing lost" does not apply
        result.update(mode=mode, bot_rss_peak_mb=rss, bot_exit=bot.returncode, **_inbox_state(folder / "bot.sqlite3"))
        return result
    phases = result["phases"].values()
    answered = sum(p["answered"] for p in phases)
    result.update(mode=mode, bot_rss_peak_mb=rss, bot_exit=bot.returncode,
                  bot_cpu_ms_per_message=round(cpu_used * 1000 / answered, 2) if answered else None,
                  **_inbox_state(folder / "bot.sqlite3"))
    result["no_message_lost"] = (all(p["lost"] == 0 and p["unexpected"] == 0 for p in phases)
                                 and result["inbox_left"] == 0
                                 and result["handled"] >= sum(p["sent"] for p in phases))
    return result


def _stop_server_if_bot_dies(bot: subprocess.Popen[bytes], server: subprocess.Popen[str],
                             finished: threading.Event) -> None:
    """A bot that exits before the load is over (a crash at start) ends the run at once, not at a timeout."""
    bot.wait()
    if not finished.is_set():
        server.kill()


def _cpu_seconds_of(pid: int) -> float:
    """User + system CPU time of a process so far (Linux; 0 elsewhere)."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def _inbox_state(db: Path) -> JSON:
    """After the bot stopped: updates still waiting in its inbox (none, if all were answered)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        inbox = connection.execute("SELECT COUNT(*) FROM inbox").fetchone()[0]
        handled = connection.execute("SELECT COUNT(*) FROM handled").fetchone()[0]
    finally:
        connection.close()
    return {"inbox_left": inbox, "handled": handled}


def run_bot(mode: str, root: Path) -> int:
    """The bot exactly as `python -m bot run` starts it; "unlimited" lifts the 30 requests/s limiter and the
    per-user throttle (bot/channels/telegram/fairness.py): that run measures the bot's own capacity, with 100
    simulated users each sending several messages a second, far over a person's share."""
    import logging

    from bot.channels.telegram import app as telegram_app
    from bot.channels.telegram import delivery

    settings = Settings.from_env(root=root)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if mode == "unlimited":
        # build_application takes no rate limiter and no throttle; these are the knobs the benchmark turns.
        telegram_app.PriorityRateLimiter = functools.partial(  # type: ignore[misc]
            telegram_app.PriorityRateLimiter, overall_max_rate=0, group_max_rate=0)
        delivery.UserThrottle = functools.partial(  # type: ignore[misc]
            delivery.UserThrottle, burst=1_000_000, per_minute=1e9)
    return telegram_app.run(argparse.Namespace(webhook=False), settings)


def _fake_bot_api() -> ModuleType:
    """tests/fakebotapi.py, imported as a module: tools/ and tests/ are both packages of the checkout."""
    from tests import fakebotapi

    return fakebotapi


class Replies:
    """Pairs the bot's sendMessage calls with the messages each chat waits on (a chat's replies come in order).

    Latency = when the server received the sendMessage minus when the update was queued.
    """

    def __init__(self, api: Any, ignore: frozenset[int] = frozenset()) -> None:
        self.api = api
        self.ignore = ignore  # chats whose replies are not measured (the flooding group)
        self.ignored = 0
        self.seen = len(api.requests)
        self.waiting: dict[int, deque[float]] = defaultdict(deque)
        self.latencies: list[float] = []
        self.chat_latency: dict[int, float] = {}  # the last reply's latency, per chat
        self.sent = self.unexpected = 0
        self.first_sent = self.last_reply = 0.0

    def send(self, user: int, text: str) -> None:
        now = time.time()
        self.first_sent = self.first_sent or now
        self.waiting[user].append(now)
        self.api.send_text(text, user_id=user)
        self.sent += 1

    @property
    def outstanding(self) -> int:
        return sum(len(queue) for queue in self.waiting.values())

    async def collect(self, wait: float) -> list[int]:
        """Wait up to `wait` seconds for new requests; the chats that got a reply."""
        requests = self.api.requests
        deadline = time.monotonic() + wait
        # Ends itself at the deadline: the server's timeout report would cost more than the wait.
        await self.api.wait_for(lambda: len(requests) > self.seen or time.monotonic() >= deadline, wait + 5)
        new, self.seen = requests[self.seen:], len(requests)
        answered = []
        for request in new:
            if request.method != "sendMessage" or not request.ok:
                continue
            chat = int(request.params["chat_id"])
            if chat in self.ignore:
                self.ignored += 1
                continue
            queue = self.waiting.get(chat)
            if not queue:
                self.unexpected += 1  # a second answer to one message, or an answer nobody asked for
                continue
            self.latencies.append(request.time - queue.popleft())
            self.chat_latency[chat] = self.latencies[-1]
            self.last_reply = max(self.last_reply, request.time)
            answered.append(chat)
        return answered

    def result(self) -> JSON:
        elapsed = self.last_reply - self.first_sent
        return {"sent": self.sent, "answered": len(self.latencies), "lost": self.outstanding,
                "unexpected": self.unexpected, "seconds": round(elapsed, 3),
                "messages_per_s": round(len(self.latencies) / elapsed, 1) if elapsed > 0 else None,
                "latency": percentiles(self.latencies)}


async def closed_loop(api: Any, users: Sequence[int], per_user: int, texts: Iterator[str]) -> JSON:
    """Every user sends at once, then each sends the next message when the last one is answered."""
    replies = Replies(api)
    left = dict.fromkeys(users, per_user)
    for user in users:
        replies.send(user, next(texts))
        left[user] -= 1
    quiet_since = time.monotonic()
    while replies.outstanding and time.monotonic() - quiet_since < IDLE_SECONDS:
        answered = await replies.collect(0.5)
        quiet_since = time.monotonic() if answered else quiet_since
        for chat in answered:
            if left[chat] > 0:
                replies.send(chat, next(texts))
                left[chat] -= 1
    return replies.result()


async def open_loop(api: Any, users: Sequence[int], count: int, rate: float, texts: Iterator[str]) -> JSON:
    """`count` messages at a steady `rate` per second, spread over the users, answered or not."""
    result = await _paced(Replies(api), users, count, rate, texts)
    result["offered_per_s"] = rate
    return result


FLOOD_SENDERS = 20  # people in the flooding group...
FLOOD_PER_SENDER = 5  # ...each sending /help this many times at once: 100 in all
FLOOD_IDLE_SECONDS = 90.0


async def flood_phase(api: Any, group_id: int, users: Sequence[int], count: int, rate: float,
                      texts: Iterator[str]) -> JSON:
    """One group sends 100 /help at once (Telegram then lets the bot answer it 20 times a minute); meanwhile
    `count` private questions arrive at `rate` a second. Measured: how long the private answers take."""
    replies = Replies(api, ignore=frozenset({group_id}))
    senders = range(30_000, 30_000 + FLOOD_SENDERS)
    for _ in range(FLOOD_PER_SENDER):
        for sender in senders:
            api.send_text("/help", user_id=sender, chat_id=group_id, chat_type="group")
    # A flooded bot used to keep private answers waiting for most of a minute: wait that long before giving up.
    result = await _paced(replies, users, count, rate, texts, idle=FLOOD_IDLE_SECONDS)
    result.update(offered_per_s=rate, group_flood=FLOOD_SENDERS * FLOOD_PER_SENDER, group_replies=replies.ignored)
    return result


async def _paced(replies: Replies, users: Sequence[int], count: int, rate: float, texts: Iterator[str],
                 idle: float = IDLE_SECONDS) -> JSON:
    """Send `count` messages at `rate` a second; collect replies until none came for `idle` seconds."""

    async def send_all() -> None:
        start = time.monotonic()
        for n in range(count):
            await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
            replies.send(users[n % len(users)], next(texts))

    sender = asyncio.create_task(send_all())
    quiet_since = time.monotonic()
    while not sender.done() or (replies.outstanding and time.monotonic() - quiet_since < idle):
        answered = await replies.collect(0.5)
        quiet_since = time.monotonic() if answered or not sender.done() else quiet_since
    await sender
    return replies.result()


SAFETY_LOAD_CHATS = 300  # people asking at once: ten seconds of Telegram's 30 messages a second
SAFETY_TEXT = "my son is having a seizure right now"
SAFETY_CHAT = 90_000


async def safety_phase(api: Any, texts: Iterator[str]) -> JSON:
    """300 chats ask ordinary questions at once, then one person writes an emergency: how long the emergency
    reply takes (it should jump the queue), and how long the ordinary answers take."""
    replies = Replies(api)
    for user in range(80_000, 80_000 + SAFETY_LOAD_CHATS):
        replies.send(user, next(texts))
    replies.send(SAFETY_CHAT, SAFETY_TEXT)
    quiet_since = time.monotonic()
    while replies.outstanding and time.monotonic() - quiet_since < IDLE_SECONDS:
        answered = await replies.collect(0.5)
        quiet_since = time.monotonic() if answered else quiet_since
    result = replies.result()
    emergency = replies.chat_latency.get(SAFETY_CHAT)
    result.update(chats=SAFETY_LOAD_CHATS, safety_reply_ms=round(emergency * 1000, 1) if emergency else None)
    return result


async def drive_flood(root: Path, users: int, paced: int, rate: float) -> None:
    """The fake server for the flood run: as `drive_load`, with `flood_phase` and then `safety_phase` measured."""
    fake = _fake_bot_api()
    texts = itertools.cycle([text for text, expected in read_messages(root) if expected])
    ids = [20_000 + n for n in range(users)]
    async with _serving(fake, ids, texts) as api:
        phases = {"flood": await flood_phase(api, fake.DEFAULT_GROUP_ID, ids, paced, rate, texts),
                  "safety": await safety_phase(api, texts)}
        print(json.dumps({"phases": phases}), flush=True)


@contextlib.asynccontextmanager
async def _serving(fake: Any, ids: list[int], texts: Iterator[str]) -> AsyncIterator[Any]:
    """The fake server as the bench child drives it: URL out, first poll, warm-up, then the measured
    phases (the caller's block), then wait until the bench says stop."""
    async with fake.FakeBotApi(E2E_TOKEN) as api:
        print(json.dumps({"base_url": api.base_url}), flush=True)
        await api.wait_for_calls("getUpdates", 1, timeout=120)
        await closed_loop(api, ids[:10], 1, texts)  # warm-up: connections, caches; not reported
        print(json.dumps({"measuring": True}), flush=True)
        yield api
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the bench says stop


async def drive_load(root: Path, users: int, per_user: int, paced: int, rate: float) -> None:
    """The fake server: print its URL, wait for the bot's first poll, run the load, print the figures."""
    fake = _fake_bot_api()
    messages = [text for text, _ in read_messages(root)]
    texts = itertools.cycle(messages)
    ids = [20_000 + n for n in range(users)]
    async with _serving(fake, ids, texts) as api:
        phases = {"burst": await closed_loop(api, ids, per_user, texts),
                  "paced": await open_loop(api, ids, paced, rate, texts)}
        phases["burst"]["users"] = users
        print(json.dumps({"phases": phases}), flush=True)
