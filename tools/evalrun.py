"""Run a labelled set through the engine (context carried turn to turn) and through a plain BM25 baseline.

What counts:
* topical top-1: the answer's intent is the expected topical intent ("Did you mean" is not an answer);
* offered: the expected topic is the answer or one of the "Did you mean" options;
* out-of-scope rejection: no article or smalltalk answer (a fallback, "Did you mean", the language line);
* follow-up accuracy: every scored turn after a conversation's first;
* passage accuracy: the paragraph shown is one of the labelled ones, overall and given the right intent.
An expected intent id that intents.yaml lacks is a miss, never an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from rank_bm25 import BM25Okapi

from bot.content.articles import Section
from bot.content.knowledge import Knowledge
from bot.core.compose import passage_index
from bot.core.decide import match_text
from bot.core.engine import Context, Engine, Turn
from bot.nlu.matcher import match_words
from bot.nlu.message import Message
from bot.nlu.normalise import clean
from tools.evalsets import OUT_OF_SCOPE, EvalSet, Step

SAFETY = ("emergency", "crisis", "medication_change")
FLOORS = {"in_scope_accuracy": 0.90, "oos_rejection": 0.90, "emergency_recall": 1.0, "crisis_recall": 1.0}
CONFUSIONS = 20


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the bot did with one scored message."""

    step: Step
    position: int  # 0 for a conversation's first message
    label: str | None  # the intent answered, a safety kind, or None (not answered)
    offered: tuple[str, ...]  # the answer, or the "Did you mean" options
    buttons: tuple[str, ...]  # every topic the reply leads to: also a fallback's closest topics
    turn_kind: str
    fallback: str
    passage: int | None
    tags: tuple[str, ...]
    baseline: str | None
    texts: str  # the conversation up to here, for mistake lists
    crisis_line: bool = False  # an emergency reply that carries the crisis line (an overdose taken to die)

    @property
    def got(self) -> str:
        """What the reply served: the emergency reply with the crisis line serves a crisis too (as in
        tools.safety_eval)."""
        if self.label == "emergency" and self.crisis_line and self.step.expect == "crisis":
            return "crisis"
        return self.label or OUT_OF_SCOPE


@dataclass(slots=True)
class SetReport:
    name: str
    form: str
    conversations: int = 0
    scored: int = 0
    topical_top1: float | None = None
    offered: float | None = None
    in_buttons: float | None = None
    clarified_topical: float | None = None
    n_topical: int = 0
    in_scope_accuracy: float | None = None
    n_in_scope: int = 0
    oos_rejection: float | None = None
    n_oos: int = 0
    oos_by_kind: dict[str, tuple[float, int]] = field(default_factory=dict)
    clarified_oos: float | None = None
    language_line: float | None = None
    follow_up_accuracy: float | None = None
    n_follow_up: int = 0
    dialogue_turns: float | None = None
    n_dialogue: int = 0
    passage_accuracy: float | None = None
    passage_given_intent: float | None = None
    n_passages: int = 0
    safety_recall: dict[str, tuple[float, int]] = field(default_factory=dict)
    false_emergencies: int = 0
    calm_seizure_false_emergencies: int = 0
    unknown_expected: set[str] = field(default_factory=set)
    confusions: list[tuple[str, str, int, str]] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    per_intent: dict[str, dict[str, float]] = field(default_factory=dict)
    baseline: dict[str, float | None] = field(default_factory=dict)

    def floors_met(self) -> dict[str, bool]:
        """The floors that apply to this set (a measure without messages has none)."""
        met: dict[str, bool] = {}
        if self.in_scope_accuracy is not None:
            met["in_scope_accuracy"] = self.in_scope_accuracy >= FLOORS["in_scope_accuracy"]
        if self.oos_rejection is not None:
            met["oos_rejection"] = self.oos_rejection >= FLOORS["oos_rejection"]
        for kind in ("emergency", "crisis"):
            if kind in self.safety_recall:
                met[f"{kind}_recall"] = self.safety_recall[kind][0] >= FLOORS[f"{kind}_recall"]
        met["no_calm_seizure_false_emergency"] = self.calm_seizure_false_emergencies == 0
        return met

    @property
    def emergency_recall(self) -> float | None:
        return self.safety_recall.get("emergency", (None, 0))[0]

    @property
    def crisis_recall(self) -> float | None:
        return self.safety_recall.get("crisis", (None, 0))[0]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["unknown_expected"] = sorted(self.unknown_expected)
        data["floors_met"] = self.floors_met()
        return data


def _ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _label(turn: Turn) -> str | None:
    if turn.kind in SAFETY:
        return turn.kind
    return turn.intent_id if turn.kind in ("topical", "smalltalk", "handover") else None


def _offered(turn: Turn) -> tuple[str, ...]:
    if turn.kind in ("topical", "smalltalk", "handover") and turn.intent_id:
        return (turn.intent_id,)
    if turn.kind == "ambiguous":
        return tuple(b.action[2:] for b in turn.reply.all_buttons() if b.action.startswith("i:"))
    return ()


def _buttons(turn: Turn) -> tuple[str, ...]:
    topics = tuple(b.action[2:] for b in turn.reply.all_buttons() if b.action.startswith("i:"))
    return _offered(turn) + topics if turn.kind != "topical" else _offered(turn)


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


def bm25_passage(section: Section, question: str) -> int:
    """The baseline's paragraph: plain BM25 over the section's paragraphs (the first on a tie)."""
    if len(section.paragraphs) == 1:
        return 0
    scores = BM25Okapi([match_words(p) or ["_"] for p in section.paragraphs]).get_scores(match_words(question))
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def _section(knowledge: Knowledge, intent_id: str) -> Section | None:
    intent = knowledge.intents.get(intent_id)
    article = knowledge.articles.get(intent.article or "") if intent else None
    return article.section(intent.section) if article and intent and intent.section else None


def resolve_passages(section: Section, wanted: tuple[int | str, ...], base: int = 0) -> set[int]:
    """Labelled passages as paragraph indexes: an index (from `base`) or the paragraph's first words."""
    found = set()
    for item in wanted:
        if isinstance(item, int):
            found.add(item - base)
            continue
        start = clean(item)
        found |= {i for i, p in enumerate(section.paragraphs) if start and clean(p).startswith(start)}
    return found


def _shown_passage(knowledge: Knowledge, turn: Turn) -> int | None:
    if turn.passage is not None or turn.kind != "topical" or not turn.intent_id:
        return turn.passage
    section = _section(knowledge, turn.intent_id)  # a reply that predates Turn.passage: find it by its start
    shown = clean(turn.reply.paragraphs[0])[:80] if section and turn.reply.paragraphs else ""
    return next((i for i, p in enumerate(section.paragraphs) if shown and clean(p).startswith(shown)), None) \
        if section else None


def run_set(engine: Engine, eval_set: EvalSet, with_baseline: bool = True) -> list[Outcome]:
    """Every scored message's outcome, each conversation in its own fresh chat (and the BM25 baseline's guess
    unless `with_baseline` is off: the quality floors read only the bot's figures)."""
    knowledge = engine.knowledge
    baseline = Bm25Baseline(knowledge) if with_baseline else None
    outcomes = []
    for conversation in eval_set.conversations:
        context = Context()
        texts: list[str] = []
        for position, step in enumerate(conversation.steps):
            turn = engine.respond(step.text, context)
            context = turn.context
            texts.append(step.text)
            if step.expect is None:
                continue
            outcomes.append(Outcome(step, position, _label(turn), _offered(turn), _buttons(turn), turn.kind,
                                    getattr(turn, "fallback", ""), _shown_passage(knowledge, turn),
                                    conversation.tags, baseline.predict(step.text) if baseline else None,
                                    " | ".join(texts),
                                    bool(turn.kind == "emergency" and turn.safety and turn.safety.crisis_too)))
    return outcomes


def _per_intent(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    table = {}
    for label in sorted({g for g, _ in pairs} | {p for _, p in pairs}):
        tp = sum(1 for g, p in pairs if g == label == p)
        fp = sum(1 for g, p in pairs if g != label == p)
        fn = sum(1 for g, p in pairs if g == label != p)
        precision, recall = (_ratio(tp, tp + fp) or 0.0), (_ratio(tp, tp + fn) or 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return table


def _passages(report: SetReport, knowledge: Knowledge, outcomes: list[Outcome], base: int) -> None:
    labelled = [o for o in outcomes if o.step.passages]
    right = given = baseline = 0
    for o in labelled:
        section = _section(knowledge, o.step.expect or "")
        if section is None:
            continue
        wanted = resolve_passages(section, o.step.passages, base)
        right += o.label == o.step.expect and o.passage in wanted
        given += passage_index(section, Message(o.step.text)) in wanted
        baseline += bm25_passage(section, o.step.text) in wanted
    report.n_passages = len(labelled)
    report.passage_accuracy = _ratio(right, len(labelled))
    report.passage_given_intent = _ratio(given, len(labelled))
    report.baseline["passage_given_intent"] = _ratio(baseline, len(labelled))


def evaluate_set(engine: Engine, eval_set: EvalSet, with_baseline: bool = True) -> SetReport:
    """The figures for one set."""
    knowledge = engine.knowledge
    outcomes = run_set(engine, eval_set, with_baseline)
    report = SetReport(eval_set.name, eval_set.form, len(eval_set.conversations), len(outcomes))
    intents = knowledge.intents
    report.unknown_expected = {o.step.expect for o in outcomes
                               if o.step.expect not in intents and o.step.expect not in (OUT_OF_SCOPE, *SAFETY)}
    topical = [o for o in outcomes if o.step.expect in intents and intents[o.step.expect].kind == "topical"]
    report.n_topical = len(topical)
    report.topical_top1 = _ratio(sum(o.label == o.step.expect for o in topical), len(topical))
    report.offered = _ratio(sum(o.step.expect in o.offered for o in topical), len(topical))
    report.in_buttons = _ratio(sum(o.step.expect in o.buttons for o in topical), len(topical))
    report.clarified_topical = _ratio(sum(o.turn_kind == "ambiguous" for o in topical), len(topical))
    in_scope = [o for o in outcomes if o.step.expect not in (OUT_OF_SCOPE, *SAFETY)]
    report.n_in_scope = len(in_scope)
    report.in_scope_accuracy = _ratio(sum(o.got == o.step.expect for o in in_scope), len(in_scope))
    oos = [o for o in outcomes if o.step.expect == OUT_OF_SCOPE]
    report.n_oos = len(oos)
    report.oos_rejection = _ratio(sum(o.label is None for o in oos), len(oos))
    report.clarified_oos = _ratio(sum(o.turn_kind == "ambiguous" for o in oos), len(oos))
    for kind in sorted({o.step.kind for o in oos}):
        group = [o for o in oos if o.step.kind == kind]
        report.oos_by_kind[kind] = (_ratio(sum(o.label is None for o in group), len(group)) or 0.0, len(group))
        report.baseline[f"oos_{kind}"] = _ratio(sum(o.baseline is None for o in group), len(group))
    foreign = [o for o in oos if o.step.kind == "other_language"]
    report.language_line = _ratio(sum(o.fallback == "language" for o in foreign), len(foreign))
    later = [o for o in outcomes if o.position > 0]
    report.n_follow_up = len(later)
    report.follow_up_accuracy = _ratio(sum(o.got == o.step.expect for o in later), len(later))
    report.baseline["follow_up_accuracy"] = _ratio(sum((o.baseline or OUT_OF_SCOPE) == o.step.expect for o in later),
                                                   len(later))
    if eval_set.form == "dialogues":
        report.n_dialogue = len(outcomes)
        report.dialogue_turns = _ratio(sum(o.got == o.step.expect for o in outcomes), len(outcomes))
        report.baseline["dialogue_turns"] = _ratio(
            sum((o.baseline or OUT_OF_SCOPE) == o.step.expect for o in outcomes), len(outcomes))
    for kind in SAFETY:
        group = [o for o in outcomes if o.step.expect == kind]
        if group:
            report.safety_recall[kind] = (_ratio(sum(o.got == kind for o in group), len(group)) or 0.0, len(group))
    report.false_emergencies = sum(1 for o in outcomes if o.got == "emergency" and o.step.expect != "emergency")
    report.calm_seizure_false_emergencies = sum(1 for o in outcomes if "calm_seizure" in o.tags and o.label == "emergency")
    report.baseline["topical_top1"] = _ratio(sum(o.baseline == o.step.expect for o in topical), len(topical))
    report.baseline["oos_rejection"] = _ratio(sum(o.baseline is None for o in oos), len(oos))
    _passages(report, knowledge, outcomes, eval_set.index_base)
    wrong = [o for o in outcomes if o.got != o.step.expect]
    counted = Counter((o.step.expect or "", o.got) for o in wrong)
    first = {}
    for o in wrong:
        first.setdefault((o.step.expect or "", o.got), o.step.text)
    report.confusions = [(g, p, n, first[(g, p)]) for (g, p), n in counted.most_common(CONFUSIONS)]
    report.mistakes = [{"text": o.texts, "expected": o.step.expect, "got": o.got, "offered": list(o.offered)}
                       for o in wrong]
    report.per_intent = _per_intent([(o.step.expect or OUT_OF_SCOPE, o.got) for o in outcomes])
    return report



BANDS = (0.0, 52.0, 60.0, 68.0, 76.0, 84.0, 101.0)


def calibration(engine: Engine, eval_set: EvalSet) -> dict[str, list[tuple[str, int, int]]]:
    """How often the matcher's best topic is the expected one, by score band, apart for the topics the keywords
    decided and those the examples decided: the threshold means the same for both when the two agree around
    it. First messages of conversations only (no context); out-of-scope messages count as wrong when any
    topic is best."""
    knowledge = engine.knowledge
    rows: dict[str, list[list[int]]] = {"keywords": [[0, 0] for _ in BANDS[1:]], "examples": [[0, 0] for _ in BANDS[1:]]}
    for conversation in eval_set.conversations:
        step = conversation.steps[0]
        if step.expect is None or step.expect in SAFETY or knowledge.safety.check(Message(step.text)):
            continue
        candidates = match_text(knowledge.matcher, step.text).candidates
        best = next((c for c in candidates if c.kind == "topical"), None)
        if best is None:
            continue
        signal = "keywords" if best.keyword_score >= best.example_score else "examples"
        band = next(i for i, high in enumerate(BANDS[1:]) if best.score < high)
        rows[signal][band][0] += best.intent_id == step.expect
        rows[signal][band][1] += 1
    return {signal: [(f"{BANDS[i]:.0f}-{BANDS[i + 1]:.0f}", right, total) for i, (right, total) in enumerate(found)]
            for signal, found in rows.items()}
