"""The safety check's speed, for `python -m bot bench` (in its own process: `python -m bot.bench --safety-child`).

Per-message latency over ordinary messages (the shipped intents' examples and labelled messages,
and the safety development set when run from a source checkout), then messages of growing length
up to Telegram's 4,096 characters, built from the same words, to show the cost grows in
proportion to the length (no pattern that backtracks, bounded fuzzy look-ups).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import yaml

from bot.content.knowledge import build_knowledge
from bot.nlu.message import Message
from bot.nlu.normalise import MAX_SAFETY_CHARS
from bot.nlu.safety import SafetyCheck
from bot.nlu.topic_net import TopicNet
from tools.bench_size import JSON, percentiles
from tools.synthetic import REPO

LENGTHS = (256, 1024, 2048, MAX_SAFETY_CHARS)
ROUNDS = 5  # each ordinary message is checked this many times (the first round warms caches, not timed)
LONG_SAMPLES = 40  # messages per length


def _messages(root: Path) -> list[str]:
    knowledge, _ = build_knowledge(root)
    assert knowledge is not None, "the content does not load"
    texts = [example for intent in knowledge.intents.values() for example in intent.examples]
    for name in ("tests/data/devset.yaml", "tests/data/safety_dev.yaml"):
        path = REPO / name
        if path.is_file():
            for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                texts.append(str(item.get("text") or (item.get("turns") or [""])[-1]))
    return [t for t in texts if t]


def _time(check: SafetyCheck, texts: list[str]) -> list[float]:
    seconds = []
    for text in texts:
        begin = time.perf_counter()
        check.check(Message(text))  # the cleaning is part of the safety check's cost
        seconds.append(time.perf_counter() - begin)
    return seconds


def measure_safety(root: Path) -> JSON:
    """Latency of SafetyCheck.check: ordinary messages, and long ones by length."""
    knowledge, _ = build_knowledge(root)
    assert knowledge is not None
    check = knowledge.safety
    texts = _messages(root)
    _time(check, texts)  # warm-up: fuzzy look-ups are cached per word
    seconds = [s for _ in range(ROUNDS - 1) for s in _time(check, texts)]
    words = " ".join(texts).split()
    rng = random.Random(11)
    long: JSON = {}
    for length in LENGTHS:
        samples = []
        for _ in range(LONG_SAMPLES):
            text = ""
            while len(text) < length:
                text += rng.choice(words) + rng.choice((" ", " ", " ", ". "))
            samples.append(text[:length])
        _time(check, samples[:5])
        timed = percentiles(_time(check, samples))
        timed["us_per_char"] = round(timed["p50_ms"] * 1000 / length, 3)
        long[str(length)] = timed
    return {"messages": len(texts), "check": percentiles(seconds), "by_length": long,
            "topic_net": measure_topic_net(knowledge.topic_net, texts, words, rng)}


def _time_net(net: TopicNet, texts: list[str], fresh: bool) -> list[float]:
    seconds = []
    for text in texts:
        message = Message(text)
        if fresh:
            net._word_vector.cache_clear()  # every word looked up anew: the cost of unseen wording
        begin = time.perf_counter()
        net.probabilities(message)  # its words are the message's cleaned words, made once before any step
        seconds.append(time.perf_counter() - begin)
    return seconds


def measure_topic_net(net: TopicNet | None, texts: list[str], words: list[str], rng: random.Random) -> JSON | None:
    """Latency of the topic net per message (bot/nlu/topic_net.py): warm (its per-word cache holds the words), cold
    (the cache emptied before each message), and a message of Telegram's 4,096 characters."""
    if net is None:
        return None
    _time_net(net, texts, False)
    warm = [s for _ in range(ROUNDS - 1) for s in _time_net(net, texts, False)]
    cold = _time_net(net, texts, True)
    longest = []
    for _ in range(LONG_SAMPLES):
        text = ""
        while len(text) < MAX_SAFETY_CHARS:
            text += rng.choice(words) + " "
        longest.append(text[:MAX_SAFETY_CHARS])
    return {"warm": percentiles(warm), "cold": percentiles(cold), "longest": percentiles(_time_net(net, longest, True))}


def format_safety_bench(result: JSON, target_ms: float) -> list[str]:
    """The lines `python -m bot bench` prints for the safety check."""
    check = result["check"]
    met = "yes" if check["p99_ms"] < target_ms else "NO"
    lines = [f"Safety check (bot/nlu/safety.py), {result['messages']} different messages x {ROUNDS - 1} rounds: "
             f"p50 {check['p50_ms']:.3f} ms, p99 {check['p99_ms']:.3f} ms, max {check['max_ms']:.3f} ms "
             f"(target p99 < {target_ms} ms: {met})",
             "  by message length (characters: p50 / p99 ms, microseconds per character at p50):"]
    for length, row in result["by_length"].items():
        lines.append(f"  {int(length):>5}: {row['p50_ms']:.3f} / {row['p99_ms']:.3f} ms, {row['us_per_char']:.2f} "
                     "us/char")
    if net := result.get("topic_net"):
        lines.append("Topic net (bot/nlu/topic_net.py), the same messages, p50 / p99 / max ms: warm "
                     + " / ".join(f"{net['warm'][k]:.3f}" for k in ("p50_ms", "p99_ms", "max_ms")) + "; cold "
                     + " / ".join(f"{net['cold'][k]:.3f}" for k in ("p50_ms", "p99_ms", "max_ms"))
                     + f"; {MAX_SAFETY_CHARS:,} characters, cold " + " / ".join(
                         f"{net['longest'][k]:.3f}" for k in ("p50_ms", "p99_ms", "max_ms")))
    return lines
