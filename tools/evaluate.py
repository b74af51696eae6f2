"""`evaluate`: answer quality on a labelled development set, like `rasa test nlu`.

Reports per-intent precision / recall / F1, the most common confusions, top-1
accuracy on in-scope messages, rejection of out-of-scope messages, emergency and
crisis recall and false alarms, beside a plain BM25 baseline over the article
sections (so the report shows what the fuzzy intents add).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rank_bm25 import BM25Okapi

from bot.app import build_engine
from bot.content.knowledge import Knowledge
from bot.core.engine import Context, Engine
from bot.nlu.matcher import match_words
from bot.settings import Settings
from tools.safety_eval import SafetyReport, SafetySetError, evaluate_safety, format_safety, load_items

SAFETY = ("emergency", "crisis", "medication_change")
DEFAULT_SET = Path("tests/data/devset.yaml")
DEFAULT_SAFETY_SET = Path("tests/data/safety.yaml")  # written blind from docs/safety.md; used when present
FLOORS = {"in_scope_accuracy": 0.90, "oos_rejection": 0.90, "emergency_recall": 1.0, "crisis_recall": 1.0}


@dataclass(frozen=True, slots=True)
class Case:
    turns: tuple[str, ...]
    label: str | None
    tags: tuple[str, ...]


@dataclass(slots=True)
class Report:
    cases: int = 0
    per_intent: dict[str, dict[str, float]] = field(default_factory=dict)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    in_scope_accuracy: float = 0.0
    oos_rejection: float = 0.0
    emergency_recall: float = 0.0
    crisis_recall: float = 0.0
    medication_recall: float = 0.0
    false_emergencies: int = 0
    false_crises: int = 0
    calm_seizure_false_emergencies: int = 0
    context_accuracy: float = 0.0
    baseline: dict[str, float] = field(default_factory=dict)

    def floors_met(self) -> dict[str, bool]:
        met = {name: getattr(self, name) >= floor for name, floor in FLOORS.items()}
        met["no_calm_seizure_false_emergency"] = self.calm_seizure_false_emergencies == 0
        return met


def load_cases(path: Path) -> list[Case]:
    """Read a development set: items with `text` or `turns`, an `intent` (or null) and `tags`."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    cases = []
    for item in raw:
        turns = tuple(item.get("turns") or [item["text"]])
        cases.append(Case(tuple(str(t) for t in turns), item.get("intent"), tuple(item.get("tags") or ())))
    return cases


def predict(engine: Engine, case: Case) -> str | None:
    """The label the bot gives the last turn: an intent id, a safety kind, or None (not answered)."""
    context = Context()
    turn = None
    for text in case.turns:
        turn = engine.respond(text, context)
        context = turn.context
    assert turn is not None
    if turn.kind in SAFETY:
        return turn.kind
    return turn.intent_id if turn.kind in ("topical", "smalltalk", "handover") else None


class Bm25Baseline:
    """Plain BM25 over article sections: the top section's intent, None when nothing overlaps."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.targets: list[str | None] = []
        corpus = []
        by_section = {(i.article, i.section): i.id for i in knowledge.topical_intents()}
        for article in knowledge.articles.values():
            for section in article.sections:
                corpus.append(match_words(f"{section.heading} {section.text}"))
                self.targets.append(by_section.get((article.slug, section.id)))
        self.index = BM25Okapi(corpus)

    def predict(self, text: str) -> str | None:
        scores = self.index.get_scores(match_words(text))
        best = max(range(len(scores)), key=lambda i: scores[i])
        return self.targets[best] if scores[best] > 0 else None


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _per_intent(pairs: list[tuple[str | None, str | None]]) -> dict[str, dict[str, float]]:
    labels = sorted({g for g, _ in pairs if g} | {p for _, p in pairs if p})
    table = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return table


def evaluate(engine: Engine, cases: list[Case]) -> Report:
    """Run every case through the engine and the BM25 baseline."""
    report = Report(cases=len(cases))
    pairs = [(case.label, predict(engine, case)) for case in cases]
    report.per_intent = _per_intent(pairs)
    report.confusions = [(g or "(fallback)", p or "(fallback)", n) for (g, p), n in
                         Counter((g, p) for g, p in pairs if g != p).most_common(15)]
    report.mistakes = [{"text": " | ".join(c.turns), "expected": g, "got": p}
                       for c, (g, p) in zip(cases, pairs, strict=True) if g != p]
    in_scope = [(g, p) for c, (g, p) in zip(cases, pairs, strict=True) if g and g not in SAFETY]
    report.in_scope_accuracy = _ratio(sum(g == p for g, p in in_scope), len(in_scope))
    oos = [p for g, p in pairs if g is None]
    report.oos_rejection = _ratio(sum(p is None for p in oos), len(oos))
    for kind, name in (("emergency", "emergency_recall"), ("crisis", "crisis_recall"),
                       ("medication_change", "medication_recall")):
        hits = [p == kind for g, p in pairs if g == kind]
        setattr(report, name, _ratio(sum(hits), len(hits)))
    report.false_emergencies = sum(1 for g, p in pairs if p == "emergency" and g != "emergency")
    report.false_crises = sum(1 for g, p in pairs if p == "crisis" and g != "crisis")
    report.calm_seizure_false_emergencies = sum(
        1 for c, (_, p) in zip(cases, pairs, strict=True) if "calm_seizure" in c.tags and p == "emergency")
    context = [g == p for c, (g, p) in zip(cases, pairs, strict=True) if len(c.turns) > 1]
    report.context_accuracy = _ratio(sum(context), len(context))
    report.baseline = _baseline(engine.knowledge, cases)
    return report


def _baseline(knowledge: Knowledge, cases: list[Case]) -> dict[str, float]:
    bm25 = Bm25Baseline(knowledge)
    topical = [c for c in cases if c.label in knowledge.intents and knowledge.intents[c.label].kind == "topical"]
    oos = [c for c in cases if c.label is None]
    return {
        "topical_accuracy": _ratio(sum(bm25.predict(c.turns[-1]) == c.label for c in topical), len(topical)),
        "oos_rejection": _ratio(sum(bm25.predict(c.turns[-1]) is None for c in oos), len(oos)),
    }


def topical_accuracy(report: Report, knowledge: Knowledge) -> float:
    rows = [(m, report.per_intent[m]) for m in report.per_intent
            if m in knowledge.intents and knowledge.intents[m].kind == "topical"]
    support = sum(r["support"] for _, r in rows)
    return _ratio(sum(r["recall"] * r["support"] for _, r in rows), int(support))


def format_report(report: Report, knowledge: Knowledge) -> str:
    lines = [f"Development set: {report.cases} cases", "",
             f"{'intent':<36} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}"]
    for label, row in sorted(report.per_intent.items()):
        lines.append(f"{label:<36} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} "
                     f"{int(row['support']):4d}")
    lines += ["", "Most common mistakes (expected -> got: count):"]
    lines += [f"  {g} -> {p}: {n}" for g, p, n in report.confusions] or ["  none"]
    met = report.floors_met()
    fuzzy_topical = topical_accuracy(report, knowledge)
    lines += [
        "",
        f"{'measure':<40} {'fuzzy intents':>14} {'BM25 baseline':>14} {'floor':>7}",
        f"{'top-1 accuracy, in-scope':<40} {report.in_scope_accuracy:14.1%} {'':>14} {'90%':>7}"
        f" {'ok' if met['in_scope_accuracy'] else 'BELOW'}",
        f"{'top-1 accuracy, topical only':<40} {fuzzy_topical:14.1%} {report.baseline['topical_accuracy']:14.1%}",
        f"{'out-of-scope rejection':<40} {report.oos_rejection:14.1%} {report.baseline['oos_rejection']:14.1%}"
        f" {'90%':>7} {'ok' if met['oos_rejection'] else 'BELOW'}",
        f"{'emergency recall':<40} {report.emergency_recall:14.1%} {'':>14} {'100%':>7}"
        f" {'ok' if met['emergency_recall'] else 'BELOW'}",
        f"{'crisis recall':<40} {report.crisis_recall:14.1%} {'':>14} {'100%':>7}"
        f" {'ok' if met['crisis_recall'] else 'BELOW'}",
        f"{'medication-change recall':<40} {report.medication_recall:14.1%}",
        f"{'false emergencies (all / calm seizure)':<40} "
        f"{report.false_emergencies:>8} / {report.calm_seizure_false_emergencies:<3} {'':>14} {'0 calm':>7}"
        f" {'ok' if met['no_calm_seizure_false_emergency'] else 'BELOW'}",
        f"{'false crisis replies':<40} {report.false_crises:14d}",
        f"{'follow-up (two-turn) accuracy':<40} {report.context_accuracy:14.1%}",
    ]
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help=f"development set (default: {DEFAULT_SET})")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--mistakes", action="store_true", help="also list every wrong answer")
    parser.add_argument("--safety", metavar="FILE",
                        help=f"safety set to report on (default: {DEFAULT_SAFETY_SET} when it exists)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    engine = build_engine(settings)
    path = Path(args.file) if args.file else settings.root / DEFAULT_SET
    report = evaluate(engine, load_cases(path))
    safety_path = Path(args.safety) if args.safety else settings.root / DEFAULT_SAFETY_SET
    safety: SafetyReport | None = None
    if args.safety or safety_path.exists():
        try:
            safety = evaluate_safety(engine, load_items(safety_path), str(args.safety or DEFAULT_SAFETY_SET))
        except (OSError, SafetySetError) as err:
            print(f"safety set: {err}", file=sys.stderr)
            return 2
    if args.json:
        data = {k: getattr(report, k) for k in report.__slots__}  # type: ignore[attr-defined]
        data["floors_met"] = report.floors_met()
        data["safety"] = safety.as_json() if safety else None
        print(json.dumps(data, indent=2))
    else:
        print(format_report(report, engine.knowledge))
        if args.mistakes:
            print("\nMistakes:")
            for m in report.mistakes:
                print(f"  expected {m['expected']!s:<32} got {m['got']!s:<32} {m['text']}")
        print("\n" + (format_safety(safety, args.mistakes) if safety else
                      f"No safety set at {DEFAULT_SAFETY_SET}: use --safety FILE for the safety report."))
    met = all(report.floors_met().values()) and (safety is None or all(safety.floors_met().values()))
    return 0 if met else 1
