"""Train the crisis second net (bot/nlu/safety_net.py) offline and export it to bot/nlu/safety_net.json.

    .venv/bin/python tools/train_crisis_net.py            # train, cross-validate, write the model
    .venv/bin/python tools/train_crisis_net.py --dry-run  # the figures only

Positives: the crisis items of tests/data/safety.yaml and safety_dev.yaml, the devsets' and the development sets'
(tests/data/eval/safety_dev*.yaml, dev*.yaml: written blind, then read and tuned on).
Negatives: every other item there (emergency, medication, first aid, calm), every message of the tuned-on
quality sets (round 1 and 3 blind sets, the devsets, holdout, passages_dev) and the calm look-alikes the rules'
tests list (tests/nlu/test_safety.py). Never the held-out sets.

The threshold is chosen by 5-fold cross-validation: the lowest at which at most MAX_FPR of the negatives score
above it (out of fold). Needs scikit-learn (the `dev` extra); the bot at run time does not.
"""

from __future__ import annotations

import argparse
import ast
import math
import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu.message import Message  # noqa: E402
from bot.nlu.safety_net import MODEL_PATH, features, message_words  # noqa: E402
from tools.net_files import write_model  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = [DATA / "safety.yaml", DATA / "safety_dev.yaml", DATA / "devset.yaml", DATA / "devset_personas.yaml",
        DATA / "holdout.yaml", DATA / "passages_dev.yaml", *sorted((DATA / "eval").glob("blind1_*.yaml")),
        *sorted((DATA / "eval").glob("blind3_*.yaml")), *sorted((DATA / "eval").glob("safety_dev*.yaml")),
        *sorted((DATA / "eval").glob("dev*.yaml"))]  # the development sets written blind and read (tuned on)
FORBIDDEN = ("safety_blind", "blind2_", "blind4_", "blind5_", "blind6_", "blind7_", "blind8_", "blind9_", "blind10_",
             "blind11_", "blind12_", "blind13_", "blind14_", "blind15_", "blind16_", "blind17_",
             "blind18_", "blind19_", "blind20_", "blind21_", "blind22_", "blind23_",
             "blind24_", "blind25_", "blind26_", "blind27_", "blind28_", "blind29_", "blind30_",
             "blind31_", "blind32_", "blind33_", "blind34_", "blind35_",
             "blind36_", "blind38_", "blind39_", "blind40_", "blind41_", "blind42_", "blind43_",
             "blind44_", "blind45_", "blind46_", "blind47_", "blind48_",
             "blind49_", "blind50_", "blind51_", "blind52_", "blind53_",
             "blind54_", "blind55_", "blind56_", "blind57_", "blind58_", "blind59_",
             "blind60_", "blind61_", "blind62_", "blind63_",
             "blind64_", "blind65_", "blind66_", "blind67_", "blind68_", "blind69_",
             "blind70_", "blind71_", "blind72_", "blind73_",
             "blind74_", "blind75_", "blind76_", "blind77_",
             "blind78_", "blind79_", "blind80_", "blind81_",
             "blind84_", "blind85_", "blind86_", "blind87_", "blind88_", "blind89_",
             "blind90_", "blind91_", "blind92_", "blind93_",
             "blind94_", "blind95_", "blind96_", "blind97_", "blind98_", "blind99_",
             "blind100_", "blind101_", "blind102_", "blind103_", "blind104_", "blind105_",
             "blind106_", "blind107_", "blind108_", "blind109_", "blind110_", "blind111_",
             "blind112_", "blind113_", "blind114_", "blind115_", "blind116_", "blind117_",
             "blind118_", "blind119_", "blind120_", "blind121_", "blind122_", "blind123_",
             "blind124_", "blind125_", "blind126_", "blind127_",
             "blind128_", "blind129_", "blind130_", "blind131_",
             "blind132_", "blind133_", "blind134_", "blind135_", "blind136_", "blind137_",
             "blind138_", "blind139_", "blind140_", "blind141_",
             "blind142_", "blind143_", "blind144_", "blind145_",
             "blind146_", "blind147_", "blind148_", "blind149_")  # held out: their topical messages never read
MAX_FPR = 0.01
PRUNE = 0.05  # features whose |weight| is below this are dropped (and the model refitted on the rest)
C = 1.0
SEED = 13
CALM_WEIGHT = 4.0


def items(node: Any) -> list[tuple[str, bool, bool]]:
    """Every (text, is crisis, is calm) in a loaded YAML tree: any mapping with a `text`."""
    found: list[tuple[str, bool, bool]] = []
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            found.append((node["text"], "crisis" in (node.get("expect"), node.get("intent")), node.get("expect") == "calm"))
        for value in node.values():
            found += items(value)
    elif isinstance(node, list):
        for value in node:
            found += items(value)
    return found


def rule_test_calm() -> list[str]:
    """The calm look-alikes the rules' tests list (tests/nlu/test_safety.py, the `test_*calm*` parametrized texts):
    messages the rules are known to read as calm ("i keep my razor blades in the drawer away from the kids"), so
    the net learns them as the hard negatives they are."""
    tree = ast.parse((ROOT / "tests" / "nlu" / "test_safety.py").read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and "calm" in node.name:
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and len(decorator.args) == 2:
                    for value in ast.literal_eval(decorator.args[1]):
                        found.append(value if isinstance(value, str) else value[0])
    return found


def load() -> tuple[list[str], list[int], list[float]]:
    """The messages, their labels and weights: the safety sets' calm messages (risk words said calmly: "id rather
    die than sit through that meeting") are the hardest negatives and weigh CALM_WEIGHT."""
    labels: dict[str, bool] = {}
    calm: set[str] = set()
    for path in SETS:
        assert not any(f in path.name for f in FORBIDDEN), path
        for text, crisis, quiet in items(yaml.safe_load(path.read_text(encoding="utf-8"))):
            labels[text] = labels.get(text, False) or crisis
            if quiet and path.name.startswith("safety"):
                calm.add(text)
    for text in rule_test_calm():
        labels.setdefault(text, False)
        calm.add(text)
    texts = sorted(labels)
    return texts, [int(labels[t]) for t in texts], [CALM_WEIGHT if t in calm and not labels[t] else 1.0 for t in texts]


def analyse(text: str) -> list[str]:
    return features(message_words(Message(text)))


def transform(vectoriser: Any, texts: list[str]) -> Any:
    """TF-IDF with raw counts and no l2 norm, each row divided by the square root of the message's word count
    (at least 1): the score is then a sum over the words, which the run time adds up from a per-word cache."""
    from scipy.sparse import diags

    lengths = [max(1, len(message_words(Message(t)))) for t in texts]
    return diags([1.0 / math.sqrt(n) for n in lengths]) @ vectoriser.transform(texts)


def fit(texts: list[str], y: list[int], w: list[float], vocabulary: list[str] | None = None) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=False, min_df=2 if vocabulary is None else 1,
                                 vocabulary=vocabulary, norm=None, smooth_idf=True)
    vectoriser.fit(texts)
    x = transform(vectoriser, texts)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="liblinear")
    model.fit(x, y, sample_weight=w)
    return vectoriser, model


def fit_pruned(texts: list[str], y: list[int], w: list[float]) -> tuple[Any, Any]:
    vectoriser, model = fit(texts, y, w)
    names = vectoriser.get_feature_names_out()
    kept = [str(names[i]) for i, w in enumerate(model.coef_[0]) if abs(w) >= PRUNE]
    return fit(texts, y, w, kept)


def cross_validate(texts: list[str], y: list[int], w: list[float]) -> list[float]:
    from sklearn.model_selection import StratifiedKFold

    scores = [0.0] * len(texts)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, y):
        vectoriser, model = fit_pruned([texts[i] for i in train], [y[i] for i in train], [w[i] for i in train])
        probs = model.predict_proba(transform(vectoriser, [texts[i] for i in test]))[:, 1]
        for i, p in zip(test, probs, strict=True):
            scores[i] = float(p)
    return scores


def operating_point(scores: list[float], y: list[int], max_fpr: float) -> tuple[float, float, float]:
    """The lowest threshold (on a 0.01 grid) with at most max_fpr false positives: (threshold, recall, fpr)."""
    negatives = [s for s, label in zip(scores, y, strict=True) if not label]
    positives = [s for s, label in zip(scores, y, strict=True) if label]
    for step in range(5, 100):
        t = step / 100
        fpr = sum(s >= t for s in negatives) / len(negatives)
        if fpr <= max_fpr:
            return t, sum(s >= t for s in positives) / len(positives), fpr
    return 1.0, 0.0, 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    texts, y, w = load()
    print(f"{len(texts)} messages: {sum(y)} crisis, {len(y) - sum(y)} not")
    scores = cross_validate(texts, y, w)
    cv = {}
    for fpr_cap in (0.005, MAX_FPR, 0.02):
        t, recall, fpr = operating_point(scores, y, fpr_cap)
        cv[str(fpr_cap)] = {"threshold": t, "recall": round(recall, 4), "fpr": round(fpr, 4)}
        print(f"CV (5-fold, out of fold) at <= {fpr_cap:.1%} false positives: threshold {t:.2f}, "
              f"recall {recall:.1%}, false positives {fpr:.2%}")
    threshold = cv[str(MAX_FPR)]["threshold"]
    vectoriser, model = fit_pruned(texts, y, w)
    names = vectoriser.get_feature_names_out()
    table = {str(f): [round(float(vectoriser.idf_[i]), 6), round(float(model.coef_[0][i]), 6)]
             for i, f in enumerate(names)}
    # Reference probabilities, from the rounded table so the pure-Python reader can match them exactly
    sample = random.Random(SEED).sample(texts, 40)
    probs = model.predict_proba(transform(vectoriser, sample))[:, 1]
    data = {
        "about": "crisis second net (bot/nlu/safety_net.py), written by tools/train_crisis_net.py: do not edit",
        "settings": {"tf": "counts", "norm": "1/sqrt(words)", "words": "1-2-grams", "chars": "3-5-grams in words",
                     "C": C, "prune": PRUNE, "class_weight": "balanced"},
        "cv": {"folds": 5, "messages": len(texts), "crisis": sum(y), "operating_points": cv},
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 6),
        "references": [[t, round(float(p), 6)] for t, p in zip(sample, probs, strict=True)],
        "features": table,
    }
    print(f"model: {len(table)} features, threshold {threshold:.2f}")
    write_model(MODEL_PATH, data, args.dry_run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
