"""Train the follow-up net (bot/nlu/topic_net.py's reader, another model) offline; export bot/nlu/followup_net.json.

    .venv/bin/python tools/train_followup_net.py            # train and write the model
    .venv/bin/python tools/train_followup_net.py --cv       # also cross-validate by set (out-of-fold figures)
    .venv/bin/python tools/train_followup_net.py --dry-run  # the figures only

What it learns: whether a message sent after a topical answer goes on with that topic ("and for kids?", "how long
does that take") or leaves it ("can i still drive", "whats a good vpn"). The rules of bot.core.followup read a short
message with the last topic's words when its shape says follow-up; many messages of that shape ask something the
articles do not cover, and then the net reads "none of the topics" with near certainty. Where this net also says
the message does not go on with the topic, decide reads it on its own (bot.core.decide.FOLLOW_UP_DOUBTS).

It learns from the dialogues of the tuned sets only (tools/train_topic_net.py: TUNED_ROUNDS): each turn whose
previous turn was labelled with a topic, labelled "continues" when it has that same label. Never the held-out sets.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlu.topic_net import FOLLOW_UP_PATH, TopicNet, feature_key  # noqa: E402
from tools.evalsets import load_set  # noqa: E402
from tools.net_files import arguments, encoded_arrays, write_model  # noqa: E402
from tools.train_topic_net import MIN_DF, PRUNE, SEED, _group, _intents, transform, tuned_sets  # noqa: E402
from tools.train_topic_net import fit as topic_fit  # noqa: E402

CONTINUES, OTHER = "continues", "other"
C = 0.25  # chosen by the grouped cross-validation (--cv) among 0.25, 1 and 4 (AUC 0.910, 0.902, 0.896)


def load() -> tuple[list[str], list[str], list[str]]:
    """Texts, labels (CONTINUES or OTHER) and the set each came from."""
    topical = {str(i["id"]) for i in _intents() if i.get("kind", "topical") == "topical"}
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    for path in tuned_sets():  # held-out rounds never: tests/tools/test_train_followup_net.py
        for conversation in (c for found in load_set(path) for c in found.conversations):
            for before, step in itertools.pairwise(conversation.steps):
                if before.expect in topical and step.expect is not None:
                    texts.append(step.text)
                    labels.append(CONTINUES if step.expect == before.expect else OTHER)
                    groups.append(_group(path.name))
    return texts, labels, groups


def fit(texts: list[str], y: list[str]) -> tuple[Any, Any]:
    """The topic net's features and regression (tools/train_topic_net.py), with this model's C."""
    return topic_fit(texts, y, C)


def continuing(vectoriser: Any, model: Any, texts: list[str]) -> list[float]:
    """P(CONTINUES) with the pruned weights, as the run time computes it."""
    import numpy as np

    coef = model.coef_[0].copy()
    coef[abs(coef) < PRUNE] = 0.0
    scores = transform(vectoriser, texts) @ coef + model.intercept_[0]
    sign = 1.0 if list(model.classes_).index(CONTINUES) == 1 else -1.0
    return [float(p) for p in 1.0 / (1.0 + np.exp(-sign * np.asarray(scores).ravel()))]


def cross_validate(texts: list[str], y: list[str], groups: list[str]) -> dict[str, float]:
    """Out-of-fold AUC, five folds of whole sets (a writer's dialogues never on both sides)."""
    from sklearn.metrics import roc_auc_score

    names = sorted(set(groups))
    random.Random(SEED).shuffle(names)
    fold = {name: k % 5 for k, name in enumerate(names)}
    scores = [0.0] * len(texts)
    for k in range(5):
        train = [i for i, g in enumerate(groups) if fold[g] != k]
        test = [i for i, g in enumerate(groups) if fold[g] == k]
        vectoriser, model = fit([texts[i] for i in train], [y[i] for i in train])
        for i, p in zip(test, continuing(vectoriser, model, [texts[i] for i in test]), strict=True):
            scores[i] = p
    return {"auc": round(float(roc_auc_score([label == CONTINUES for label in y], scores)), 4)}


def export(vectoriser: Any, model: Any, texts: list[str], y: list[str], cv: dict[str, float] | None) -> dict[str, Any]:
    """The model as the topic net's reader takes it: two labels, OTHER with no weights (a binary model's softmax)."""
    sign = 1.0 if list(model.classes_).index(CONTINUES) == 1 else -1.0
    coef = model.coef_[0]
    table = {str(name): [(1, float(sign * coef[j] * vectoriser.idf_[j]))]
             for j, name in enumerate(vectoriser.get_feature_names_out()) if abs(coef[j]) >= PRUNE}
    assert len({feature_key(f) for f in table}) == len(table), "two features share a key: change feature_key"
    intercepts = [0.0, float(sign * model.intercept_[0])]
    net = TopicNet.from_table([OTHER, CONTINUES], intercepts, table)
    sample = random.Random(SEED).sample(texts, 40)
    return {
        "about": "follow-up net (bot/nlu/topic_net.py), written by tools/train_followup_net.py: do not edit",
        "settings": {"C": C, "prune": PRUNE, "min_df": MIN_DF},
        "trained_on": {"messages": len(texts), "by_label": dict(sorted(Counter(y).items()))},
        "cv": cv,
        "classes": [OTHER, CONTINUES],
        "intercepts": intercepts,
        "keywords": [],
        "references": [[t, {CONTINUES: round(p, 5), OTHER: round(1 - p, 5)}]
                       for t, p in zip(sample, continuing(vectoriser, model, sample), strict=True)],
        "features": len(table),
        **encoded_arrays(net),
    }


def main() -> int:
    args = arguments(__doc__)
    texts, y, groups = load()
    print(f"{len(texts)} turns after a topic ({Counter(y)[CONTINUES]} go on with it), {len(set(groups))} sets")
    cv = cross_validate(texts, y, groups) if args.cv else None
    if cv:
        print(f"CV (5 folds of whole sets, out of fold): AUC {cv['auc']:.3f}")
    vectoriser, model = fit(texts, y)
    data = export(vectoriser, model, texts, y, cv)
    print(f"model: {data['features']} features")
    write_model(FOLLOW_UP_PATH, data, args.dry_run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
