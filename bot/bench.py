"""`python -m bot bench`: matching, loading, memory and end-to-end throughput, against the targets.

Every figure comes from a fresh subprocess, one at a time (the machine has few cores):

* per size (`python -m bot.bench --child ROOT`, pinned to one CPU): load and hot-reload
  time, match latency over labelled messages with typos, a plain rapidfuzz baseline on
  the same messages, the answers to fixed probe questions, and peak RSS;
* end to end: the real bot (`bot.telegram_app.run`, `--e2e-bot`) long-polling a fake
  Bot API server (`tests/fakebotapi.py`, `--e2e-server`) that plays 100 users.

The sets of 1,000 and 10,000 intents are written by `bot.synthetic` in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import functools
import importlib
import importlib.util
import io
import itertools
import json
import os
import platform
import pstats
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.knowledge import Knowledge, Library, build_knowledge
from bot.matcher import Matcher
from bot.settings import Settings
from bot.synthetic import REPO, generate, read_messages

JSON = dict[str, Any]
DEFAULT_JSON = Path("bench-results/bench.json")
DEFAULT_SIZES = "30,1000,10000"
TARGET_SIZE = 10_000
CHILD_TIMEOUT = 400.0
E2E_TOKEN = "123456:BENCH-token"
BUSY_LOAD = 0.5  # 1-minute load average above which the machine is not quiet
IDLE_SECONDS = 15.0  # no reply for this long while messages wait: they count as lost

# Questions with a known answer in the shipped set: at every size the answer should stay the same.
PROBES: tuple[tuple[str, str | None], ...] = (
    ("what is multiple sclerosis", "ms_overview"),
    ("ms meds", "ms_dmt"),
    ("ketogenic diet for epilepsy", "refractory_treatments"),
    ("epilepsey meaning", "epilepsy_overview"),
    ("can brain inflamation cause siezures", "epilepsy_inflammation"),
    ("hello", "greeting"),
    ("ms word keeps crashing", None),
    ("whats the weather tomorrow", None),
)


@dataclass(frozen=True, slots=True)
class Plan:
    """How much work each part does. A full run takes about 2.5 minutes, `--quick` under one; loading
    10,000 intents takes 25 of those seconds until load meets its target (then --quick is about 30 s)."""

    messages: int  # labelled messages per size (the first `warmup` are not timed)
    warmup: int
    baseline: int  # messages also answered by the rapidfuzz baseline, at most ...
    baseline_s: float  # ... or as many as fit in this many seconds (WRatio is slow at 10,000 intents)
    reload_up_to_s: float  # measure the hot reload only when a load takes at most this long
    limited: tuple[int, int, int, float] | None  # e2e, shipped rate limiter: users, per user, paced n, rate
    unlimited: tuple[int, int, int, float]  # e2e without it: the bot's own capacity


FULL = Plan(2000, 200, 300, 20.0, 1e9, (100, 1, 60, 10.0), (100, 10, 500, 500.0))
QUICK = Plan(400, 100, 50, 4.0, 2.0, None, (100, 1, 100, 500.0))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="fewer messages, no reload or limiter run at slow sizes: under a minute")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="FILE",
                        help=f"where to write the figures (default {DEFAULT_JSON})")
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help="intent counts, comma-separated; a size up to the shipped count means the shipped "
                             f"files (default {DEFAULT_SIZES})")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end Telegram run")
    parser.add_argument("--profile", type=int, metavar="SIZE",
                        help="instead of the benchmark: cProfile of loading and matching at SIZE intents")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run every measurement, print the table, write the JSON; 0 even when a target is missed."""
    plan = QUICK if args.quick else FULL
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"--sizes must be whole numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    host = machine()
    if host["load_average_1min"] > BUSY_LOAD:
        print(f"  note: load average {host['load_average_1min']}: other processes use the CPU, so tail "
              "latencies will be higher than on a quiet machine", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp:
        if args.profile:
            root = Path(tmp) / str(args.profile)
            generate(root, args.profile, messages=plan.messages, shipped=settings.root)
            print(_child(["--profile-child", str(root)], text=True))
            return 0
        results = []
        for size in sizes:
            root = Path(tmp) / f"size-{size}"
            made = generate(root, size, messages=plan.messages, shipped=settings.root)
            print(f"  measuring {made.intents:,} intents ...", file=sys.stderr, flush=True)
            begin = time.perf_counter()
            results.append(_child(["--child", str(root), "--warmup", str(plan.warmup), "--baseline",
                                   str(plan.baseline), "--baseline-seconds", str(plan.baseline_s),
                                   "--reload-up-to", str(plan.reload_up_to_s)]))
            results[-1]["seconds"] = round(time.perf_counter() - begin, 1)
        e2e = {} if args.no_e2e else _e2e_runs(Path(tmp), settings.root, plan)
    command = "python -m bot bench" + " --quick" * args.quick + (
        f" --sizes {args.sizes}" if args.sizes != DEFAULT_SIZES else "") + " --no-e2e" * args.no_e2e
    report = {"machine": host, "command": command,
              "quick": args.quick, "seconds": round(time.perf_counter() - started, 1), "sizes": results,
              "growth": growth(results), "e2e": e2e}
    report["targets"] = targets(report)
    print(format_report(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nFigures written to {args.json}")
    return 0


def machine() -> JSON:
    """What the figures were measured on."""
    model = ""
    with contextlib.suppress(OSError):
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), "")
    return {"cpus": os.cpu_count(), "cpu_model": model or platform.processor(), "python": platform.python_version(),
            "platform": platform.platform(), "load_average_1min": round(os.getloadavg()[0], 2)}


def _child(args: list[str], *, text: bool = False) -> Any:
    """Run `python -m bot.bench ARGS` and return what it printed (JSON unless `text`)."""
    done = subprocess.run([sys.executable, "-m", "bot.bench", *args], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT, cwd=REPO, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout if text else json.loads(done.stdout)


# -- one size, in its own process ----------------------------------------------------------------


def percentiles(seconds: Sequence[float]) -> JSON:
    """p50, p99 and mean in milliseconds (nearest-rank percentiles)."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p99_ms": None, "mean_ms": None, "max_ms": None}
    ordered = sorted(seconds)

    def rank(p: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered) + 0.5) - 1))] * 1000

    return {"n": len(ordered), "p50_ms": round(rank(0.50), 3), "p99_ms": round(rank(0.99), 3),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 3), "max_ms": round(ordered[-1] * 1000, 3)}


_WARM_START = """
import json, sys, time
from pathlib import Path
import bot.telegram_app  # the running bot's code is in its RSS too
from bot.bench import _max_rss_mb
from bot.knowledge import Library
started = time.perf_counter()
Library(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"load_s": round(time.perf_counter() - started, 3), "rss_mb": _max_rss_mb()}))
"""


def _warm_start(root: Path) -> JSON:
    """A bot restart with the snapshot cache filled (as after its first start): time and peak RSS,
    each in a fresh process so the cold load above does not colour them."""
    cache = root / "snapshot-cache"
    result: JSON = {}
    for _ in range(2):  # the first run writes the cache, the second reads it
        done = subprocess.run([sys.executable, "-c", _WARM_START, str(root), str(cache)], capture_output=True,
                              text=True, check=True, cwd=REPO)
        result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _max_rss_mb() -> float:
    """Peak RSS of this process. VmHWM on Linux: ru_maxrss would carry over the parent's peak across exec."""
    peak = _peak_rss_of(os.getpid())
    return peak if peak is not None else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _pin_to_one_cpu() -> None:
    """The targets are for one core; the other one stays free for the system."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


def measure_size(root: Path, warmup: int, baseline_count: int, baseline_s: float, reload_up_to_s: float) -> JSON:
    """Everything measured at one size, in this (fresh) process."""
    _pin_to_one_cpu()
    with contextlib.suppress(ImportError):
        importlib.import_module("bot.telegram_app")  # the running bot's code is in its RSS too
    rss_before = _max_rss_mb()
    started = time.perf_counter()
    library = Library(root)  # = build_knowledge(root), validated, or LoadError
    load_s = time.perf_counter() - started
    rss_loaded = _max_rss_mb()
    reload_s = None
    if load_s <= reload_up_to_s:
        started = time.perf_counter()
        applied, _ = library.reload()
        reload_s = time.perf_counter() - started if applied else None
    knowledge = library.current
    matcher = knowledge.matcher
    messages = read_messages(root)
    for text, _ in messages[:warmup]:
        matcher.match(text)  # warms the per-word cache as a running bot's would be
    timed = messages[warmup:]
    latencies, cpu, outcomes = [], [], []
    for text, expected in timed:
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        found = matcher.match(text)
        latencies.append(time.perf_counter() - begin)
        cpu.append(time.thread_time() - begin_cpu)  # without the time other processes took the core
        outcomes.append((expected, found.intent_id if found.status == "matched" else None))
    probes = [{"question": q, "expected": e, **_probe(matcher, q)} for q, e in PROBES]
    rss_peak = _max_rss_mb()
    warm = _warm_start(root)
    work = _keywords_reached(matcher, [text for text, _ in timed])
    ours = percentiles(latencies)
    base = baseline(knowledge, timed[:baseline_count], baseline_s)
    base["ours_accuracy"] = accuracy(outcomes[: base["match"]["n"]])  # the same messages, for a fair comparison
    topical = [i for i in knowledge.intents.values() if i.kind == "topical"]
    return {
        "root": str(root), "intents": len(knowledge.intents), "topical": len(topical),
        "keywords": sum(len(i.keywords) for i in knowledge.intents.values()),
        "articles": len(knowledge.articles), "sections": sum(len(a.sections) for a in knowledge.articles.values()),
        "load_s": round(load_s, 3), "reload_s": None if reload_s is None else round(reload_s, 3),
        "warm_load_s": warm["load_s"], "warm_rss_mb": warm["rss_mb"],
        "match": ours, "match_cpu": percentiles(cpu), "keywords_reached": work, "accuracy": accuracy(outcomes),
        "probes": probes,
        "rss_before_load_mb": rss_before, "rss_after_load_mb": rss_loaded, "rss_peak_mb": rss_peak,
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "baseline": base,
        "baseline_ratio_p50": _ratio(base["match"]["p50_ms"], ours["p50_ms"]),
        "baseline_ratio_p99": _ratio(base["match"]["p99_ms"], ours["p99_ms"]),
    }


def _keywords_reached(matcher: Matcher, texts: Sequence[str]) -> JSON | None:
    """Keywords scored per message (the matcher's work, free of timing noise), if the matcher reports it."""
    count = getattr(matcher, "keywords_reached", None)
    if count is None:
        return None
    ordered = sorted(count(text) for text in texts)
    return {"p50": ordered[len(ordered) // 2], "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
            "mean": round(statistics.fmean(ordered), 1), "max": ordered[-1]}


def _probe(matcher: Matcher, question: str) -> JSON:
    found = matcher.match(question)
    return {"status": found.status, "intent": found.intent_id, "score": found.score}


def accuracy(outcomes: Sequence[tuple[str | None, str | None]]) -> JSON:
    """Share answered right: in scope, the expected intent; out of scope, no answer."""
    in_scope = [(e, g) for e, g in outcomes if e is not None]
    out_scope = [g for e, g in outcomes if e is None]
    right = sum(e == g for e, g in outcomes)
    return {"n": len(outcomes), "correct": _share(right, len(outcomes)),
            "in_scope_correct": _share(sum(e == g for e, g in in_scope), len(in_scope)),
            "in_scope_wrong": _share(sum(g is not None and e != g for e, g in in_scope), len(in_scope)),
            "out_of_scope_rejected": _share(sum(g is None for g in out_scope), len(out_scope))}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 1) if a is not None and b else None


def baseline(knowledge: Knowledge, messages: Sequence[tuple[str, str | None]], budget_s: float) -> JSON:
    """The plain approach: rapidfuzz's best keyword over all keywords (WRatio); answer if it scores the
    threshold. Stops early after `budget_s` seconds: at 10,000 intents one message takes about half a second."""
    choices, owners = [], []
    for intent in knowledge.intents.values():
        if intent.kind == "safety":
            continue
        for keyword in intent.keywords:
            choices.append(utils.default_process(keyword))
            owners.append(None if intent.kind == "out_of_scope" else intent.id)
    threshold = knowledge.intent_file.settings.threshold
    latencies: list[float] = []
    outcomes = []
    for text, expected in messages:
        if sum(latencies) > budget_s:
            break
        begin = time.perf_counter()
        best = process.extractOne(utils.default_process(text), choices, scorer=fuzz.WRatio, processor=None)
        latencies.append(time.perf_counter() - begin)
        outcomes.append((expected, owners[best[2]] if best and best[1] >= threshold else None))
    return {"scorer": "rapidfuzz process.extractOne(message, all keywords, scorer=fuzz.WRatio)",
            "keywords": len(choices), "match": percentiles(latencies), "accuracy": accuracy(outcomes)}


def profile_size(root: Path, top: int = 18) -> str:
    """cProfile of one load and of matching the messages: where the time goes."""
    out = io.StringIO()
    profiler = cProfile.Profile()
    profiler.enable()
    knowledge, _ = build_knowledge(root)
    profiler.disable()
    out.write(f"== load ({root.name}), by cumulative time ==\n")
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    assert knowledge is not None
    messages = [text for text, _ in read_messages(root)]
    for text in messages[:200]:
        knowledge.matcher.match(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in messages[200:]:
        knowledge.matcher.match(text)
    profiler.disable()
    out.write(f"== matching {len(messages) - 200} messages, by own time ==\n")
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def growth(results: Sequence[JSON]) -> list[JSON]:
    """How each cost grows from one size to the next (ratios)."""
    rows = []
    for small, large in itertools.pairwise(results):
        rows.append({"from": small["intents"], "to": large["intents"],
                     "intents_x": _ratio(large["intents"], small["intents"]),
                     "p50_x": _ratio(large["match"]["p50_ms"], small["match"]["p50_ms"]),
                     "p99_x": _ratio(large["match"]["p99_ms"], small["match"]["p99_ms"]),
                     "load_x": _ratio(large["load_s"], small["load_s"]),
                     "rss_x": _ratio(large["rss_peak_mb"], small["rss_peak_mb"])})
    return rows


# -- end to end: the real bot against the fake Bot API ------------------------------------------


def _e2e_runs(tmp: Path, shipped: Path, plan: Plan) -> JSON:
    """The shipped content with its labelled messages, as shipped and with the rate limiter off."""
    if not (REPO / "tests" / "fakebotapi.py").is_file():
        return {"skipped": "tests/fakebotapi.py not found (run from a source checkout)"}
    root = tmp / "e2e-content"
    generate(root, 0, messages=plan.messages, shipped=shipped)
    runs = {}
    for mode, shape in (("limited", plan.limited), ("unlimited", plan.unlimited)):
        if shape is None:
            continue
        print(f"  end to end ({mode}) ...", file=sys.stderr, flush=True)
        begin = time.perf_counter()
        runs[mode] = e2e(tmp / f"e2e-{mode}", root, mode, *shape)
        runs[mode]["seconds"] = round(time.perf_counter() - begin, 1)
    return runs


def e2e(folder: Path, root: Path, mode: str, users: int, per_user: int, paced: int, rate: float) -> JSON:
    """Start the fake server and the bot, let the server drive the load, then check nothing was lost."""
    folder.mkdir(parents=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.bench", "--e2e-server", str(root), "--users", str(users), "--per-user",
         str(per_user), "--paced", str(paced), "--rate", str(rate)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
    log_path = folder / "bot.log"
    bot: subprocess.Popen[bytes] | None = None
    watchdog = threading.Timer(CHILD_TIMEOUT, lambda: [p.kill() for p in (server, bot) if p])
    watchdog.start()
    try:
        assert server.stdout is not None and server.stdin is not None
        base_url = json.loads(server.stdout.readline())["base_url"]
        env = {**{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))},
               "TELEGRAM_BOT_TOKEN": E2E_TOKEN, "TELEGRAM_API_BASE_URL": base_url,
               "BOT_DB_PATH": str(folder / "bot.sqlite3"), "BOT_HEARTBEAT_PATH": str(folder / "heartbeat"),
               "BOT_HASH_SECRET": "bench-secret", "BOT_WATCH": "0", "BOT_LOG_LEVEL": "WARNING"}
        with log_path.open("wb") as log:
            bot = subprocess.Popen([sys.executable, "-m", "bot.bench", "--e2e-bot", mode, str(root)], env=env,
                                   stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
            finished = threading.Event()
            threading.Thread(target=_stop_server_if_bot_dies, args=(bot, server, finished), daemon=True).start()
            server.stdout.readline()  # warmed up: the measured load starts now
            cpu_before = _cpu_seconds_of(bot.pid)
            line = server.stdout.readline()
            cpu_used = _cpu_seconds_of(bot.pid) - cpu_before
            rss = _peak_rss_of(bot.pid)
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


def _peak_rss_of(pid: int) -> float | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


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
    """The bot exactly as `python -m bot run` starts it; "unlimited" lifts the 30 requests/s limiter."""
    import logging

    from bot import telegram_app

    settings = Settings.from_env(root=root)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if mode == "unlimited":
        # build_application takes no rate limiter; this is the one knob the benchmark turns.
        telegram_app.AIORateLimiter = functools.partial(  # type: ignore[attr-defined]
            telegram_app.AIORateLimiter, overall_max_rate=0, group_max_rate=0)
    return telegram_app.run(argparse.Namespace(webhook=False), settings)


def _fake_bot_api() -> ModuleType:
    """tests/fakebotapi.py, imported by path (tests/ is not an installed package)."""
    path = REPO / "tests" / "fakebotapi.py"
    spec = importlib.util.spec_from_file_location("fakebotapi", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fakebotapi"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


class Replies:
    """Pairs the bot's sendMessage calls with the messages each chat waits on (a chat's replies come in order).

    Latency = when the server received the sendMessage minus when the update was queued.
    """

    def __init__(self, api: Any) -> None:
        self.api = api
        self.seen = len(api.requests)
        self.waiting: dict[int, deque[float]] = defaultdict(deque)
        self.latencies: list[float] = []
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
            queue = self.waiting.get(chat)
            if not queue:
                self.unexpected += 1  # a second answer to one message, or an answer nobody asked for
                continue
            self.latencies.append(request.time - queue.popleft())
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
    replies = Replies(api)

    async def send_all() -> None:
        start = time.monotonic()
        for n in range(count):
            await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
            replies.send(users[n % len(users)], next(texts))

    sender = asyncio.create_task(send_all())
    quiet_since = time.monotonic()
    while not sender.done() or (replies.outstanding and time.monotonic() - quiet_since < IDLE_SECONDS):
        answered = await replies.collect(0.5)
        quiet_since = time.monotonic() if answered or not sender.done() else quiet_since
    await sender
    result = replies.result()
    result["offered_per_s"] = rate
    return result


async def drive_load(root: Path, users: int, per_user: int, paced: int, rate: float) -> None:
    """The fake server: print its URL, wait for the bot's first poll, run the load, print the figures."""
    fake = _fake_bot_api()
    messages = [text for text, _ in read_messages(root)]
    texts = itertools.cycle(messages)
    ids = [20_000 + n for n in range(users)]
    async with fake.FakeBotApi(E2E_TOKEN) as api:
        print(json.dumps({"base_url": api.base_url}), flush=True)
        await api.wait_for_calls("getUpdates", 1, timeout=120)
        await closed_loop(api, ids[:10], 1, texts)  # warm-up: connections, caches; not reported
        print(json.dumps({"measuring": True}), flush=True)
        phases = {"burst": await closed_loop(api, ids, per_user, texts),
                  "paced": await open_loop(api, ids, paced, rate, texts)}
        phases["burst"]["users"] = users
        print(json.dumps({"phases": phases}), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the bench says stop


# -- targets and the printed table ---------------------------------------------------------------


def _at(results: Sequence[JSON], size: int) -> JSON | None:
    return next((r for r in results if r["intents"] >= size), None)


def targets(report: JSON) -> list[JSON]:
    """Each target with the figure it is judged on and whether it was met (None: not measured)."""
    big = _at(report["sizes"], TARGET_SIZE)
    unlimited = report["e2e"].get("unlimited", {}).get("phases", {})
    rows = [
        ("match p99 at 10,000 intents", "< 2 ms", big and big["match"]["p99_ms"], 2.0, "<"),
        ("load at 10,000 intents", "< 2 s", big and big["load_s"], 2.0, "<"),
        ("warm start at 10,000 intents", "< 2 s", big and big.get("warm_load_s"), 2.0, "<"),
        ("warm RSS at 10,000 intents", "< 150 MB", big and big.get("warm_rss_mb"), 150.0, "<"),
        ("bot peak RSS at 10,000 intents", "< 150 MB", big and big["rss_peak_mb"], 150.0, "<"),
        ("bot peak RSS, e2e (shipped)", "< 150 MB",
         report["e2e"].get("unlimited", {}).get("bot_rss_peak_mb"), 150.0, "<"),
        ("e2e messages/s (100 users at once)", ">= 500",
         unlimited.get("burst", {}).get("messages_per_s"), 500.0, ">="),
        ("e2e p99 at 500 msg/s offered", "< 50 ms",
         unlimited.get("paced", {}).get("latency", {}).get("p99_ms"), 50.0, "<"),
    ]
    out = []
    for name, text, value, limit, op in rows:
        met = None if value is None else (value < limit if op == "<" else value >= limit)
        out.append({"target": name, "limit": text, "value": value, "met": met})
    return out


def _num(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths,
             strict=True))) for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _met(value: bool | None) -> str:
    return {True: "yes", False: "NO", None: "n/a"}[value]


def format_report(report: JSON) -> str:
    """The tables `python -m bot bench` prints."""
    sizes: list[JSON] = report["sizes"]
    goals = {t["target"]: t for t in report["targets"]}

    def goal(name: str) -> list[str]:
        found = goals.get(name)
        return [found["limit"], _met(found["met"])] if found else ["", ""]

    def row(label: str, pick: Any, target: str = "", digits: int = 2) -> list[str]:
        return [label, *(_num(pick(s), digits) if not isinstance(pick(s), str) else pick(s) for s in sizes),
                *goal(target)]

    header = ["figure", *(f"{s['intents']:,} intents" for s in sizes), "target", "met?"]
    rows = [
        row("keywords", lambda s: s["keywords"]),
        row("articles / sections", lambda s: f"{s['articles']:,} / {s['sections']:,}"),
        row("load + validate (s)", lambda s: s["load_s"], "load at 10,000 intents", 3),
        row("hot reload (s)", lambda s: s["reload_s"], digits=3),
        row("restart with snapshot cache (s)", lambda s: s.get("warm_load_s"), "warm start at 10,000 intents", 3),
        row("RSS after a cached restart (MB)", lambda s: s.get("warm_rss_mb"), "warm RSS at 10,000 intents", 1),
        row("match p50 (ms)", lambda s: s["match"]["p50_ms"], digits=3),
        row("match p99 (ms)", lambda s: s["match"]["p99_ms"], "match p99 at 10,000 intents", 3),
        row("match mean (ms)", lambda s: s["match"]["mean_ms"], digits=3),
        row("match max (ms)", lambda s: s["match"]["max_ms"], digits=1),
        row("match p99, CPU time only (ms)", lambda s: s["match_cpu"]["p99_ms"], digits=3),
        row("keywords scored per message, p50", lambda s: (s.get("keywords_reached") or {}).get("p50")),
        row("keywords scored per message, p99", lambda s: (s.get("keywords_reached") or {}).get("p99")),
        row("messages timed", lambda s: s["match"]["n"]),
        row("baseline p50 (ms)", lambda s: s["baseline"]["match"]["p50_ms"], digits=3),
        row("baseline p99 (ms)", lambda s: s["baseline"]["match"]["p99_ms"], digits=3),
        row("baseline / ours, p50 (x)", lambda s: s["baseline_ratio_p50"], digits=1),
        row("baseline / ours, p99 (x)", lambda s: s["baseline_ratio_p99"], digits=1),
        row("answered right, ours", lambda s: _pct(s["accuracy"]["correct"])),
        row("  on the baseline's messages", lambda s: _pct(s["baseline"]["ours_accuracy"]["correct"])),
        row("answered right, baseline", lambda s: _pct(s["baseline"]["accuracy"]["correct"])),
        row("baseline messages timed", lambda s: s["baseline"]["match"]["n"]),
        row("wrong answers (in scope), ours", lambda s: _pct(s["accuracy"]["in_scope_wrong"])),
        row("out of scope declined, ours", lambda s: _pct(s["accuracy"]["out_of_scope_rejected"])),
        row("RSS before load (MB)", lambda s: s["rss_before_load_mb"], digits=1),
        row("peak RSS: load + reload + match (MB)", lambda s: s["rss_peak_mb"], "bot peak RSS at 10,000 intents", 1),
    ]
    m = report["machine"]
    parts = [f"{report['command']}: {m['cpus']} CPU(s), {m['cpu_model']}, Python {m['python']}, "
             f"load average {m['load_average_1min']} at start; {report['seconds']} s in all", "",
             "Matching, loading, memory (each size in a fresh process, pinned to one core)", _table(header, rows)]
    if report["growth"]:
        parts += ["", "Growth from one size to the next (ratios)", _table(
            ["sizes", "intents x", "p50 x", "p99 x", "load x", "peak RSS x"],
            [[f"{g['from']:,} -> {g['to']:,}", *(_num(g[k], 1) for k in ("intents_x", "p50_x", "p99_x", "load_x",
                                                                        "rss_x"))] for g in report["growth"]])]
    parts += ["", "Probe questions (shipped answers; should not change with size)", _table(
        ["question", "expected", *(f"{s['intents']:,}" for s in sizes)],
        [[q, e or "(fallback)", *(_probe_cell(s["probes"][n]) for s in sizes)]
         for n, (q, e) in enumerate(PROBES)])]
    parts += ["", *_e2e_table(report["e2e"], goal)]
    return "\n".join(parts)


def _probe_cell(probe: JSON) -> str:
    got = probe["intent"] or f"({probe['status']})"
    return f"{got} {'ok' if probe['intent'] == probe['expected'] else 'CHANGED'}"


def _e2e_table(e2e: JSON, goal: Any) -> list[str]:
    if not e2e or "skipped" in e2e:
        return [f"End to end: skipped {e2e.get('skipped', '(--no-e2e)')}"]
    rows = []
    for mode, title in (("limited", "as shipped (AIORateLimiter)"), ("unlimited", "rate limiter off")):
        run_ = e2e.get(mode)
        if not run_:
            continue
        for phase in ("burst", "paced"):
            p = run_["phases"][phase]
            load = (f"{p.get('users', '?')} users x {p['sent'] // max(1, p.get('users', 1))} at once"
                    if phase == "burst" else f"{p['sent']} msgs offered at {p['offered_per_s']:g}/s")
            is_target_run = mode == "unlimited"
            rate_goal = goal("e2e messages/s (100 users at once)") if is_target_run and phase == "burst" else ["", ""]
            p99_goal = goal("e2e p99 at 500 msg/s offered") if is_target_run and phase == "paced" else ["", ""]
            rows.append([title, load, f"{p['answered']}/{p['sent']}", _num(p["messages_per_s"], 1),
                         _num(p["latency"]["p50_ms"], 1), _num(p["latency"]["p99_ms"], 1),
                         " / ".join(x for x in (rate_goal[0], p99_goal[0]) if x),
                         " / ".join(x for x in (rate_goal[1], p99_goal[1]) if x)])
    checks = [f"{title}: no message lost = {_met(e2e[m]['no_message_lost'])} (inbox left {e2e[m]['inbox_left']}, "
              f"handled {e2e[m]['handled']}, extra replies "
              f"{sum(p['unexpected'] for p in e2e[m]['phases'].values())}); bot CPU "
              f"{_num(e2e[m]['bot_cpu_ms_per_message'], 1)} ms per message; bot peak RSS "
              f"{_num(e2e[m]['bot_rss_peak_mb'], 1)} MB"
              for m, title in (("limited", "as shipped"), ("unlimited", "limiter off")) if m in e2e]
    rss_goal = goal("bot peak RSS, e2e (shipped)")
    return ["End to end: update -> sendMessage through the real PTB Application and fake Bot API (loopback)",
            _table(["bot", "load", "answered", "msgs/s", "p50 ms", "p99 ms", "target", "met?"], rows),
            *checks, f"bot RSS target {rss_goal[0]}: {rss_goal[1]}"]


# -- `python -m bot.bench` entry for the subprocesses ---------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description="bench subprocesses (internal)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--child", type=Path, metavar="ROOT", help="measure one generated size")
    mode.add_argument("--profile-child", type=Path, metavar="ROOT", help="cProfile one generated size")
    mode.add_argument("--e2e-server", type=Path, metavar="ROOT", help="fake Bot API plus simulated users")
    mode.add_argument("--e2e-bot", nargs=2, metavar=("MODE", "ROOT"), help="the bot (limited|unlimited)")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--baseline", type=int, default=300)
    parser.add_argument("--baseline-seconds", type=float, default=20.0)
    parser.add_argument("--reload-up-to", type=float, default=1e9)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--per-user", type=int, default=10)
    parser.add_argument("--paced", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=500.0)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_size(args.child, args.warmup, args.baseline, args.baseline_seconds,
                                      args.reload_up_to)))
    elif args.profile_child:
        print(profile_size(args.profile_child))
    elif args.e2e_server:
        asyncio.run(drive_load(args.e2e_server, args.users, args.per_user, args.paced, args.rate))
    else:
        return run_bot(args.e2e_bot[0], Path(args.e2e_bot[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
