"""One size of the bench, in its own process (`python -m tools.bench --child ROOT`, pinned to one CPU).

Load and hot-reload time, match latency over labelled messages with typos, a plain
rapidfuzz baseline on the same messages, the answers to fixed probe questions, and
peak RSS; `--profile-child` gives a cProfile of the same work instead. `tools.bench`
starts these processes and reads the JSON they print.
"""

from __future__ import annotations

import contextlib
import cProfile
import gc
import importlib
import io
import itertools
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.content.knowledge import Knowledge, Library, build_knowledge
from bot.core import compose
from bot.core.decide import match_text
from bot.core.engine import Context, Engine
from bot.nlu import matcher as matching
from bot.nlu import safety_lexicon
from bot.nlu.matcher import Matcher
from tools.adversarial import adversarial_messages
from tools.synthetic import REPO, read_messages

JSON = dict[str, Any]

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
import bot.channels.telegram.app  # the running bot's code is in its RSS too
from tools.bench_size import _edit_like_an_admin, _max_rss_mb, _rss_now_mb
from bot.content.knowledge import Library, SnapshotCache
started = time.perf_counter()
library = Library(Path(sys.argv[1]), SnapshotCache(Path(sys.argv[2]), b"bench signing key"))
result = {"load_s": round(time.perf_counter() - started, 3), "rss_mb": _max_rss_mb()}
if sys.argv[3] == "edit":  # then a hot reload as the running bot does it (built in a child process)
    _edit_like_an_admin(Path(sys.argv[1]), "warm")
    started = time.perf_counter()
    applied, _ = library.reload()
    result |= {"reload_s": round(time.perf_counter() - started, 3) if applied else None,
               "rss_after_reload_mb": _rss_now_mb(), "rss_peak_mb": _max_rss_mb()}
print(json.dumps(result))
"""


def _warm_start(root: Path) -> JSON:
    """A bot restart with the snapshot cache filled (as after its first start): time and peak RSS,
    each in a fresh process so the cold load above does not colour them."""
    cache = root / "snapshot-cache"
    runs = []
    for then in ("", "edit"):  # the first run writes the cache, the second reads it
        done = subprocess.run([sys.executable, "-c", _WARM_START, str(root), str(cache), then], capture_output=True,
                              text=True, check=True, cwd=REPO)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first, second = runs
    return {**second, "first_start_s": first["load_s"], "first_start_rss_mb": first["rss_mb"],
            "builder_peak_mb": _builder_peak_mb(root)}


_BUILDER_PEAK = """
import resource, subprocess, sys, tempfile
with tempfile.TemporaryDirectory() as cache:
    subprocess.run([sys.executable, "-m", "bot.content.snapshot_builder", sys.argv[1], cache, "", cache + "/result"],
                   input=b"bench signing key".hex(), text=True, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def _builder_peak_mb(root: Path) -> float:
    """Peak RSS of the child that builds a snapshot from scratch. Run from a small parent: on Linux a child's
    ru_maxrss starts from its parent's RSS at fork."""
    done = subprocess.run([sys.executable, "-c", _BUILDER_PEAK, str(root)], capture_output=True, text=True,
                          check=True, cwd=REPO)
    return round(float(done.stdout.strip().splitlines()[-1]), 1)


def _edit_like_an_admin(root: Path, mark: str = "") -> None:
    """One new keyword near the top of intents.yaml (every intent below it moves down a line) and one new
    sentence in an article: what a hot reload usually follows. Neither changes an answer measured here."""
    intents = root / "intents.yaml"
    text = intents.read_text(encoding="utf-8")
    at = text.index("    keywords:\n", text.index("- id: ms_dmt")) + len("    keywords:\n")
    intents.write_text(text[:at] + f"      - zebra pill bench edit{mark}\n" + text[at:], encoding="utf-8")
    article = sorted((root / "content").glob("*.md"))[-1]
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more reviewed sentence.\n", encoding="utf-8")


def _rss_now_mb() -> float | None:
    """Resident memory of this process now (VmRSS), after a collection."""
    gc.collect()
    return _status_mb(os.getpid(), "VmRSS")


def _max_rss_mb() -> float:
    """Peak RSS of this process. VmHWM on Linux: ru_maxrss would carry over the parent's peak across exec."""
    peak = peak_rss_of(os.getpid())
    return peak if peak is not None else round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_rss_of(pid: int) -> float | None:
    """Peak RSS (VmHWM) of process `pid` in MB; None where /proc cannot tell."""
    return _status_mb(pid, "VmHWM")


def _status_mb(pid: int, field: str) -> float | None:
    """A memory figure of /proc/PID/status (kB there) in MB; None where /proc cannot tell."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def _pin_to_one_cpu() -> None:
    """The targets are for one core; the other one stays free for the system."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


def measure_size(root: Path, warmup: int, baseline_count: int, baseline_s: float, reload_up_to_s: float) -> JSON:
    """Everything measured at one size, in this (fresh) process."""
    _pin_to_one_cpu()
    with contextlib.suppress(ImportError):
        importlib.import_module("bot.channels.telegram.app")  # the running bot's code is in its RSS too
    rss_before = _max_rss_mb()
    started = time.perf_counter()
    library = Library(root)  # = build_knowledge(root), validated, or LoadError
    load_s = time.perf_counter() - started
    rss_loaded = _max_rss_mb()
    reload_s = None
    if load_s <= reload_up_to_s:
        _edit_like_an_admin(root)
        started = time.perf_counter()
        applied, _ = library.reload()
        reload_s = time.perf_counter() - started if applied else None
    rss_now = _rss_now_mb()
    knowledge = library.current
    matcher = knowledge.matcher
    messages = read_messages(root)
    for text, _ in messages[:warmup]:
        match_text(matcher, text)  # warms the per-word cache as a running bot's would be
    timed = messages[warmup:]
    latencies, cpu, outcomes = [], [], []
    for text, expected in timed:
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        found = match_text(matcher, text)
        latencies.append(time.perf_counter() - begin)
        cpu.append(time.thread_time() - begin_cpu)  # without the time other processes took the core
        outcomes.append((expected, found.intent_id if found.status == "matched" else None))
    probes = [{"question": q, "expected": e, **_probe(matcher, q)} for q, e in PROBES]
    rss_peak = _max_rss_mb()
    worst = worst_case(library)
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
        "warm_load_s": warm["load_s"], "warm_rss_mb": warm["rss_mb"], "warm_reload_s": warm.get("reload_s"),
        "warm_rss_after_reload_mb": warm.get("rss_after_reload_mb"), "warm_rss_peak_mb": warm.get("rss_peak_mb"),
        "first_start_s": warm.get("first_start_s"), "first_start_rss_mb": warm.get("first_start_rss_mb"),
        "builder_peak_mb": warm.get("builder_peak_mb"),
        "match": ours, "match_cpu": percentiles(cpu), "keywords_reached": work, "accuracy": accuracy(outcomes),
        "worst_case": worst,
        "probes": probes,
        "rss_before_load_mb": rss_before, "rss_after_load_mb": rss_loaded, "rss_peak_mb": rss_peak,
        "rss_after_reload_mb": rss_now,
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "baseline": base,
        "baseline_ratio_p50": _ratio(base["match"]["p50_ms"], ours["p50_ms"]),
        "baseline_ratio_p99": _ratio(base["match"]["p99_ms"], ours["p99_ms"]),
    }


WORST_CASE_RUNS = 5


def _clear_word_caches(knowledge: Knowledge) -> None:
    """Forget every per-word memo: an attacker sends words never seen before, so the worst case is a cold one."""
    for cache in (getattr(knowledge.matcher, "_lookup", None), matching.stem, matching._phrases_from,
                  getattr(safety_lexicon, "_fuzzy_cached", None), compose._paragraph_words):
        if cache is not None and hasattr(cache, "cache_clear"):
            cache.cache_clear()


def worst_case(library: Library) -> JSON:
    """Each adversarial message (bot.adversarial) answered in full (normalise, safety, match, compose), as the
    follow-up of an earlier answer (the costlier path), with cold word caches: median and max of a few runs,
    and the peak RSS before and after."""
    knowledge = library.current
    engine = Engine(library, "https://example.org/patient-info")
    topical = next(iter(knowledge.topical_intents()), None)
    context = Context(topical.id, topical.article, knowledge.articles[topical.article or ""].topic) \
        if topical else Context()
    rss_before = _max_rss_mb()
    inputs = []
    for name, text in adversarial_messages(kw for i in knowledge.intents.values() for kw in i.keywords).items():
        wall, cpu = [], []
        for _ in range(WORST_CASE_RUNS):
            _clear_word_caches(knowledge)
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            turn = engine.respond(text, context)
            wall.append(time.perf_counter() - begin)
            cpu.append(time.thread_time() - begin_cpu)
        inputs.append({"input": name, "chars": len(text), "kind": turn.kind,
                       "median_ms": round(statistics.median(wall) * 1000, 2), "max_ms": round(max(wall) * 1000, 2),
                       "cpu_median_ms": round(statistics.median(cpu) * 1000, 2),
                       "typo_variants": getattr(knowledge.matcher, "typo_variants", lambda _: None)(text)})
    worst = max(inputs, key=lambda i: i["cpu_median_ms"])
    return {"inputs": inputs, "worst": worst["input"], "worst_cpu_median_ms": worst["cpu_median_ms"],
            "worst_median_ms": max(i["median_ms"] for i in inputs), "worst_max_ms": max(i["max_ms"] for i in inputs),
            "rss_peak_before_mb": rss_before, "rss_peak_after_mb": _max_rss_mb()}


def _keywords_reached(matcher: Matcher, texts: Sequence[str]) -> JSON | None:
    """Keywords scored per message (the matcher's work, free of timing noise), if the matcher reports it."""
    count = getattr(matcher, "keywords_reached", None)
    if count is None:
        return None
    ordered = sorted(count(text) for text in texts)
    return {"p50": ordered[len(ordered) // 2], "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
            "mean": round(statistics.fmean(ordered), 1), "max": ordered[-1]}


def _probe(matcher: Matcher, question: str) -> JSON:
    found = match_text(matcher, question)
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
        match_text(knowledge.matcher, text)
    profiler = cProfile.Profile()
    profiler.enable()
    for text in messages[200:]:
        match_text(knowledge.matcher, text)
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
