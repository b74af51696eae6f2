"""`python -m bot bench`: matching, loading, memory and end-to-end throughput, against the targets.

Every figure comes from a fresh subprocess, one at a time (the machine has few cores):

* per size (`python -m tools.bench --child ROOT`, pinned to one CPU; see tools.bench_size): load
  and hot-reload time, match latency over labelled messages with typos, a plain rapidfuzz
  baseline on the same messages, the answers to fixed probe questions, and peak RSS;
* end to end (tools.bench_e2e): the real bot (`bot.telegram_app.run`, `--e2e-bot`) long-polling
  a fake Bot API server (`tests/fakebotapi.py`, `--e2e-server`) that plays 100 users.

The sets of 1,000 and 10,000 intents are written by `tools.synthetic` in a temporary folder;
the targets and the printed table are in tools.bench_report.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.settings import Settings
from tools.bench_e2e import drive_load, e2e, run_bot
from tools.bench_report import format_report, targets
from tools.bench_safety import measure_safety
from tools.bench_size import JSON, growth, measure_size, profile_size
from tools.synthetic import REPO, generate

DEFAULT_JSON = Path("bench-results/bench.json")
DEFAULT_SIZES = "30,1000,10000"
CHILD_TIMEOUT = 400.0
BUSY_LOAD = 0.5  # 1-minute load average above which the machine is not quiet


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
        print("  measuring the safety check ...", file=sys.stderr, flush=True)
        safety = _child(["--safety-child", str(settings.root)])
        e2e = {} if args.no_e2e else _e2e_runs(Path(tmp), settings.root, plan)
    command = "python -m bot bench" + " --quick" * args.quick + (
        f" --sizes {args.sizes}" if args.sizes != DEFAULT_SIZES else "") + " --no-e2e" * args.no_e2e
    report = {"machine": host, "command": command,
              "quick": args.quick, "seconds": round(time.perf_counter() - started, 1), "sizes": results,
              "growth": growth(results), "safety": safety, "e2e": e2e}
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
    """Run `python -m tools.bench ARGS` and return what it printed (JSON unless `text`)."""
    done = subprocess.run([sys.executable, "-m", "tools.bench", *args], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT, cwd=REPO, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout if text else json.loads(done.stdout)


# -- end to end (tools.bench_e2e), as shipped and with the rate limiter off -----------------------


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
        runs[mode] = e2e(tmp / f"e2e-{mode}", root, mode, *shape, timeout=CHILD_TIMEOUT)
        runs[mode]["seconds"] = round(time.perf_counter() - begin, 1)
    return runs


# -- `python -m tools.bench` entry for the subprocesses ---------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description="bench subprocesses (internal)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--child", type=Path, metavar="ROOT", help="measure one generated size")
    mode.add_argument("--profile-child", type=Path, metavar="ROOT", help="cProfile one generated size")
    mode.add_argument("--safety-child", type=Path, metavar="ROOT", help="time the safety check")
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
    elif args.safety_child:
        print(json.dumps(measure_safety(args.safety_child)))
    elif args.e2e_server:
        asyncio.run(drive_load(args.e2e_server, args.users, args.per_user, args.paced, args.rate))
    else:
        return run_bot(args.e2e_bot[0], Path(args.e2e_bot[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
