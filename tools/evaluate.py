"""`evaluate`: answer quality on labelled sets, each beside a plain BM25 baseline.

For every set (`--set FILE`, repeatable; formats in bot.evalsets): topical top-1, the right topic among those
offered (the answer, or the options of "Did you mean...?"), out-of-scope rejection with near misses, far
questions, gibberish and other languages apart, follow-up accuracy (turns after the first, context carried),
passage accuracy, emergency and crisis recall, and the twenty commonest confusions. The figures themselves
are computed in bot.evalrun; this module reads the arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.app import build_engine
from bot.settings import Settings
from tools.evalrun import FLOORS, SAFETY, SetReport, calibration, evaluate_set
from tools.evalsets import SetError, load_set
from tools.safety_eval import SafetyReport, SafetySetError, evaluate_safety, format_safety, load_items

DEFAULT_SETS = (Path("tests/data/devset.yaml"), Path("tests/data/holdout.yaml"))
DEFAULT_SAFETY_SET = Path("tests/data/safety.yaml")  # written blind from docs/safety.md; used when present
__all__ = ["FLOORS", "SAFETY", "SetReport", "evaluate_set", "format_report"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _row(name: str, ours: float | None, base: float | None = None, floor: float | None = None,
         n: int | None = None) -> str:
    verdict = "" if floor is None or ours is None else ("ok" if ours >= floor else "BELOW")
    floor_text = "" if floor is None else f"{floor:.0%}"
    count = "" if n is None else f"{n:5d}"
    return f"  {name:<46} {_pct(ours):>8} {_pct(base) if base is not None else '':>8} {count:>6} {floor_text:>6} {verdict}"


def format_report(report: SetReport, examples: bool = True) -> str:
    """One set's figures as a table, then its commonest confusions (with `examples`, one message each)."""
    r = report
    lines = [f"== {r.name} ({r.form}: {r.conversations} conversations, {r.scored} messages scored)",
             f"  {'measure':<46} {'bot':>8} {'BM25':>8} {'n':>6} {'floor':>6}"]
    lines.append(_row("topical top-1", r.topical_top1, r.baseline.get("topical_top1"), n=r.n_topical))
    lines.append(_row("right topic offered (answer or Did you mean)", r.offered, r.baseline.get("topical_top1"),
                      n=r.n_topical))
    lines.append(_row("  asked \"Did you mean\" on topical", r.clarified_topical, n=r.n_topical))
    lines.append(_row("right topic anywhere in the reply's buttons", r.in_buttons, n=r.n_topical))
    lines.append(_row("in-scope top-1 (topical, smalltalk, about_bot...)", r.in_scope_accuracy,
                      floor=FLOORS["in_scope_accuracy"] if r.n_in_scope else None, n=r.n_in_scope))
    lines.append(_row("out-of-scope rejection", r.oos_rejection, r.baseline.get("oos_rejection"),
                      floor=FLOORS["oos_rejection"] if r.n_oos else None, n=r.n_oos))
    for kind, (rate, n) in sorted(r.oos_by_kind.items()):
        lines.append(_row(f"  {kind.replace('_', ' ')}", rate, r.baseline.get(f"oos_{kind}"), n=n))
    if r.n_oos:
        lines.append(_row("  asked \"Did you mean\" on out-of-scope", r.clarified_oos, n=r.n_oos))
    if r.language_line is not None:
        lines.append(_row("  other language: got the English-only line", r.language_line))
    lines.append(_row("follow-up accuracy (turns after the first)", r.follow_up_accuracy,
                      r.baseline.get("follow_up_accuracy"), n=r.n_follow_up))
    lines.append(_row("dialogue turns right", r.dialogue_turns, r.baseline.get("dialogue_turns"), n=r.n_dialogue))
    lines.append(_row("passage accuracy (right topic and paragraph)", r.passage_accuracy,
                      r.baseline.get("passage_accuracy"), n=r.n_passages))
    lines.append(_row("passage accuracy, given the right topic", r.passage_given_intent,
                      r.baseline.get("passage_given_intent"), n=r.n_passages))
    for kind in ("emergency", "crisis", "medication_change"):
        if kind in r.safety_recall:
            rate, n = r.safety_recall[kind]
            lines.append(_row(f"{kind.replace('_', ' ')} recall", rate, n=n,
                              floor=FLOORS.get(f"{kind}_recall")))
    if r.false_emergencies or r.n_oos or r.n_in_scope:
        lines.append(f"  {'false emergencies (all / calm seizure)':<46} {r.false_emergencies:>4} / "
                     f"{r.calm_seizure_false_emergencies}")
    if r.unknown_expected:
        lines.append(f"  expected ids not in intents.yaml (counted as misses): {', '.join(sorted(r.unknown_expected))}")
    if not examples:  # a blind set's first report: figures, and no message anyone could tune on
        lines.append("  Commonest confusions (expected -> got: count):")
        lines += [f"    {g} -> {p}: {n}" for g, p, n, _ in r.confusions] or ["    none"]
        return "\n".join(lines)
    lines.append("  Commonest confusions (expected -> got: count, e.g.):")
    lines += [f"    {g} -> {p}: {n}   e.g. {example!r}" for g, p, n, example in r.confusions] or ["    none"]
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="*", help="labelled sets (same as --set)")
    parser.add_argument("--set", action="append", default=[], metavar="FILE", dest="sets",
                        help="a labelled set; repeat for several (default: " + ", ".join(map(str, DEFAULT_SETS)) + ")")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--mistakes", action="store_true", help="also list every wrong answer")
    parser.add_argument("--blind", action="store_true",
                        help="figures only, no message of the set (for a held-out set's reports); not with --mistakes")
    parser.add_argument("--per-intent", action="store_true", help="also print precision / recall / F1 per intent")
    parser.add_argument("--safety", metavar="FILE",
                        help=f"safety set to report on (default: {DEFAULT_SAFETY_SET} when it exists)")
    parser.add_argument("--calibration", action="store_true",
                        help="also print how often the best topic is right, by score band, for each signal")


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.blind and args.mistakes:
        print("evaluate: --blind shows no message of the set, so not with --mistakes", file=sys.stderr)
        return 2
    engine = build_engine(settings)
    paths = [Path(p) for p in [*args.file, *args.sets]] or [settings.root / p for p in DEFAULT_SETS]
    reports: list[SetReport] = []
    calibrations = []
    try:
        for path in paths:
            for found in load_set(path):
                reports.append(evaluate_set(engine, found))
                calibrations.append(calibration(engine, found) if args.calibration else {})
    except SetError as err:
        print(f"evaluate: {err}", file=sys.stderr)
        return 2
    safety_path = Path(args.safety) if args.safety else settings.root / DEFAULT_SAFETY_SET
    safety: SafetyReport | None = None
    if args.safety or safety_path.exists():
        try:
            safety = evaluate_safety(engine, load_items(safety_path), str(args.safety or DEFAULT_SAFETY_SET))
        except (OSError, SafetySetError) as err:
            print(f"safety set: {err}", file=sys.stderr)
            return 2
    if args.json:
        sets = [r.as_json() for r in reports]
        if args.blind:
            for data in sets:
                data.pop("mistakes", None)
                data["confusions"] = [row[:3] for row in data.get("confusions", [])]
        print(json.dumps({"sets": sets, "safety": safety.as_json() if safety and not args.blind else None},
                         indent=2))
    else:
        for report, bands in zip(reports, calibrations, strict=True):
            print(format_report(report, examples=not args.blind))
            for signal, rows in bands.items():
                cells = "  ".join(f"{band}: {right}/{total}" for band, right, total in rows if total)
                print(f"  best topic right, by score, decided by {signal}: {cells or 'none'}")
            if args.per_intent:
                print(f"  {'intent':<36} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}")
                for label, row in sorted(report.per_intent.items()):
                    print(f"  {label:<36} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} "
                          f"{int(row['support']):4d}")
            if args.mistakes:
                print("  Mistakes:")
                for m in report.mistakes:
                    print(f"    expected {m['expected']!s:<30} got {m['got']!s:<30} {m['text']}")
            print()
        if not args.blind:
            print(format_safety(safety, args.mistakes) if safety else
                  f"No safety set at {DEFAULT_SAFETY_SET}: use --safety FILE for the safety report.")
    met = all(all(r.floors_met().values()) for r in reports) and (safety is None or all(safety.floors_met().values()))
    return 0 if met else 1
