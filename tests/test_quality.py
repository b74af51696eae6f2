"""Answer quality of the shipped intents.yaml and content on the labelled development set.

The floors are the ones `python -m bot evaluate` reports (tools.evalrun.FLOORS). A failure lists the
messages that went wrong; `python -m bot evaluate --mistakes` and `python -m bot explain "..."` show why.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bot.content.check import lands_on_own_intent
from bot.content.knowledge import Library
from bot.core.engine import Engine
from tests.helpers import REPO
from tools.evalrun import FLOORS, SAFETY, SetReport, evaluate_set
from tools.evalsets import OUT_OF_SCOPE, EvalSet, load_set

# Which sets are tuned on, so that nobody reads these floors as blind figures:
# * DEVSET: TUNED ON (keywords since the start; issue 13's matcher constants, lexicon and passage rules).
# * HOLDOUT: written without seeing intents.yaml or the development set; not tuned on (issue 13 looked at its
#   figures only to report them). The check that the floors are not an artefact of tuning on DEVSET.
# * PERSONAS and PASSAGES: issue 13's own development sets, TUNED ON; their floors guard against regressions
#   and say nothing about unseen messages. Blind sets (tests/data/blind*, written by others) are never read here.
# * ROUND1 (tests/data/eval/blind1_*.yaml): written blind by others and reported before any change, then TUNED ON
#   (intents, lexicon, follow-up rules); regression floors only. A fresh blind set measures each new round.
# * ROUND3 (tests/data/eval/blind3_*.yaml): the same story one round later: reported blind, then TUNED ON.
# * ROUND4 (tests/data/eval/blind4_*.yaml): written blind after the round-3 tuning, HELD OUT (never tuned on).
DEVSET = REPO / "tests" / "data" / "devset.yaml"
HOLDOUT = REPO / "tests" / "data" / "holdout.yaml"
PERSONAS = REPO / "tests" / "data" / "devset_personas.yaml"
PASSAGES = REPO / "tests" / "data" / "passages_dev.yaml"
EVAL = REPO / "tests" / "data" / "eval"  # the blind rounds' sets


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Library(Path(REPO)), "https://example.org")


def _evaluate(engine: Engine, eval_set: EvalSet) -> SetReport:
    """The bot's figures for a set; the floors read no BM25 baseline, so none is computed (a tenth of the time)."""
    return evaluate_set(engine, eval_set, with_baseline=False)


@pytest.fixture(scope="module", params=[DEVSET, HOLDOUT], ids=["devset", "holdout"])
def report(engine: Engine, request: pytest.FixtureRequest) -> SetReport:
    (found,) = load_set(request.param)
    return _evaluate(engine, found)


def mistakes(report: SetReport, which: str) -> str:
    """The wrong answers of one kind, one a line, for the assertion message."""
    def wanted(m: dict[str, object]) -> bool:
        expected = m["expected"]
        if which == "in_scope":
            return expected not in (OUT_OF_SCOPE, *SAFETY)
        if which == "oos":
            return expected == OUT_OF_SCOPE
        return expected == which

    rows = [f"  expected {m['expected']!s:<30} got {m['got']!s:<30} {m['text']}" for m in report.mistakes if wanted(m)]
    return "\n".join(rows) or "  (none)"


def test_in_scope_accuracy(report: SetReport) -> None:
    floor = FLOORS["in_scope_accuracy"]
    assert (report.in_scope_accuracy or 0.0) >= floor, (
        f"top-1 accuracy on in-scope messages is {report.in_scope_accuracy:.1%}, below {floor:.0%}:\n"
        f"{mistakes(report, 'in_scope')}")


def test_out_of_scope_rejection(report: SetReport) -> None:
    floor = FLOORS["oos_rejection"]
    assert (report.oos_rejection or 0.0) >= floor, (
        f"out-of-scope rejection is {report.oos_rejection:.1%}, below {floor:.0%}; these got an answer:\n"
        f"{mistakes(report, 'oos')}")


def test_emergency_recall(report: SetReport) -> None:
    assert (report.emergency_recall or 0.0) >= FLOORS["emergency_recall"], (
        f"emergency recall is {report.emergency_recall:.1%}; missed:\n{mistakes(report, 'emergency')}")


def test_crisis_recall(report: SetReport) -> None:
    assert (report.crisis_recall or 0.0) >= FLOORS["crisis_recall"], (
        f"crisis recall is {report.crisis_recall:.1%}; missed:\n{mistakes(report, 'crisis')}")


def test_no_false_emergency_on_calm_seizure_questions(report: SetReport) -> None:
    calm = [m for m in report.mistakes if m["got"] == "emergency" and m["expected"] != "emergency"]
    assert report.calm_seizure_false_emergencies == 0, (
        "calm seizure questions got the emergency reply:\n" + "\n".join(f"  {m['text']}" for m in calm))


def test_examples_land_on_their_own_intent(engine: Engine) -> None:
    """The examples are what the second signal reads, so they must land where they are filed: every
    out-of-scope and handover example, and at least 90% of the topical and safety ones (a regression floor on
    examples the matcher is built from, not a held-out figure). The rest are realistic paraphrases, written
    blind, that the bot still misses; `python -m bot check --examples` lists each with its fix."""
    missed: dict[str, list[str]] = defaultdict(list)
    total: Counter[str] = Counter()
    for intent in engine.knowledge.intent_file.intents:
        group = intent.kind if intent.kind in ("topical", "safety") else "other"
        for example in intent.examples:
            total[group] += 1
            turn = engine.respond(example)
            if not lands_on_own_intent(intent, turn):
                missed[group].append(f"  {intent.id}: {example!r} -> {turn.intent_id or turn.kind} ({turn.score:.0f})")
    assert not missed["other"], "\n".join(missed["other"])
    for group in ("topical", "safety"):
        assert total[group] >= 30 and len(missed[group]) <= 0.10 * total[group], "\n".join(missed[group])


# -- issue 13's development sets (tuned on: regression floors, a little under the figures reached) ---------------


@pytest.fixture(scope="module")
def personas(engine: Engine) -> dict[str, SetReport]:
    return {found.form: _evaluate(engine, found) for found in load_set(PERSONAS)}


def test_personas_topical_and_rejection_floors(personas: dict[str, SetReport]) -> None:
    items = personas["items"]
    assert (items.topical_top1 or 0.0) >= 0.76, "\n".join(f"  {m}" for m in items.mistakes)
    assert (items.offered or 0.0) >= 0.77
    assert (items.oos_rejection or 0.0) >= 0.88
    assert items.language_line == 1.0


def test_personas_dialogue_floor(personas: dict[str, SetReport]) -> None:
    dialogues = personas["dialogues"]
    assert (dialogues.dialogue_turns or 0.0) >= 0.85, "\n".join(f"  {m}" for m in dialogues.mistakes)


def test_passage_floor(engine: Engine) -> None:
    (found,) = load_set(PASSAGES)
    report = _evaluate(engine, found)
    assert (report.passage_given_intent or 0.0) >= 0.95
    assert (report.passage_accuracy or 0.0) >= 0.90


# -- issue 13's round-1 blind sets: TUNED-ON since they were reported (floors a little under the figures reached) ---


@pytest.fixture(scope="module")
def round1(engine: Engine) -> dict[str, SetReport]:
    """TUNED-ON: every report of the four round-1 sets, by set and form."""
    reports = {}
    for name in ("quality_topical", "quality_oos_dialogues", "real_questions", "passages"):
        for found in load_set(EVAL / f"blind1_{name}.yaml"):
            reports[f"{name}/{found.form}"] = _evaluate(engine, found)
    return reports


def _lines(report: SetReport) -> str:
    return "\n".join(f"  expected {m['expected']!s:<30} got {m['got']!s:<30} {m['text']}" for m in report.mistakes)


def test_round1_topical_floor_tuned_on(round1: dict[str, SetReport]) -> None:
    report = round1["quality_topical/items"]  # before tuning: 77.8% top-1, 79.9% offered
    assert (report.topical_top1 or 0.0) >= 0.91, _lines(report)
    assert (report.offered or 0.0) >= 0.92


def test_round1_out_of_scope_floor_tuned_on(round1: dict[str, SetReport]) -> None:
    report = round1["quality_oos_dialogues/items"]  # before tuning: 92.9%, near misses 90.1%
    assert (report.oos_rejection or 0.0) >= 0.93, _lines(report)
    assert report.oos_by_kind["near_miss"][0] >= 0.91


def test_round1_dialogue_floor_tuned_on(round1: dict[str, SetReport]) -> None:
    report = round1["quality_oos_dialogues/dialogues"]  # before tuning: 78.2% of turns, follow-ups 73.9%
    assert (report.dialogue_turns or 0.0) >= 0.83, _lines(report)
    assert (report.follow_up_accuracy or 0.0) >= 0.79


def test_round1_real_questions_floor_tuned_on(round1: dict[str, SetReport]) -> None:
    report = round1["real_questions/items"]  # before tuning: topical 76.7%, out-of-scope 65.1%
    assert (report.topical_top1 or 0.0) >= 0.86, _lines(report)
    assert (report.oos_rejection or 0.0) >= 0.63, _lines(report)


def test_round1_passage_floor_tuned_on(round1: dict[str, SetReport]) -> None:
    report = round1["passages/passages"]  # before tuning: 78.2%, 90.5% given the right topic
    assert (report.passage_accuracy or 0.0) >= 0.76, _lines(report)
    assert (report.passage_given_intent or 0.0) >= 0.88


# -- round 2's fresh blind set: HELD OUT (never tuned on; reported before any change made from it) ---------------
# Floors a little under the figures first reported. They stay held-out figures only while nobody tunes on the file.

BLIND2 = EVAL / "blind2_quality_set3.yaml"


@pytest.fixture(scope="module")
def blind2(engine: Engine) -> dict[str, SetReport]:
    return {found.form: _evaluate(engine, found) for found in load_set(BLIND2)}


def test_blind2_topical_floor_held_out(blind2: dict[str, SetReport]) -> None:
    report = blind2["items"]  # first report: top-1 73.4%, offered 75.5%
    assert (report.topical_top1 or 0.0) >= 0.71, _lines(report)
    assert (report.offered or 0.0) >= 0.73


def test_blind2_out_of_scope_floor_held_out(blind2: dict[str, SetReport]) -> None:
    report = blind2["items"]  # first report: 96.5%, near misses 95.3%
    assert (report.oos_rejection or 0.0) >= 0.94, _lines(report)
    assert report.oos_by_kind["near_miss"][0] >= 0.92


def test_blind2_dialogue_floor_held_out(blind2: dict[str, SetReport]) -> None:
    report = blind2["dialogues"]  # first report: 81.7% of turns, follow-ups 76.8%
    assert (report.dialogue_turns or 0.0) >= 0.79, _lines(report)


# -- round 3's blind sets: TUNED ON since they were reported (docs/evaluation.md, "Quality, round 3"; floors a little
# under the figures reached). Regression floors only, like round 1's: a fresh blind set measures what generalises.

def _round(engine: Engine, round_: int, names: tuple[str, ...]) -> dict[str, SetReport]:
    """The report of each one-form set `tests/data/eval/blind<round>_<name>.yaml`, by name."""
    reports = {}
    for name in names:
        (found,) = load_set(EVAL / f"blind{round_}_{name}.yaml")
        reports[name] = _evaluate(engine, found)
    return reports


@pytest.fixture(scope="module")
def blind3(engine: Engine) -> dict[str, SetReport]:
    return _round(engine, 3, ("personas", "dialogues", "real_questions"))


def test_blind3_personas_floor_tuned_on(blind3: dict[str, SetReport]) -> None:
    # before tuning: top-1 80.3%, offered 82.7%, out of scope 87.3%, near misses 84.2%, English-only line 60%;
    # after: 90.5%, 91.9%, 94.3%, 93.1%, 100%
    report = blind3["personas"]
    assert (report.topical_top1 or 0.0) >= 0.89, _lines(report)
    assert (report.offered or 0.0) >= 0.90
    assert (report.oos_rejection or 0.0) >= 0.93
    assert report.oos_by_kind["near_miss"][0] >= 0.91
    assert report.language_line == 1.0


def test_blind3_dialogue_floor_tuned_on(blind3: dict[str, SetReport]) -> None:
    report = blind3["dialogues"]  # before tuning: 79.3% of turns; after: 84.2%
    assert (report.dialogue_turns or 0.0) >= 0.83, _lines(report)


def test_blind3_real_questions_floor_tuned_on(blind3: dict[str, SetReport]) -> None:
    # before tuning: out of scope 74.2%, topical 72.7%; after: 79.9%, 90.9%; with the training paraphrases:
    # 78.0%, 90.9% (more words known to the topics: two more near misses answered); 76.7% once handover keywords
    # needed their filler words (two near misses had been declined only because "human" or "a" tied them with the
    # handover intent)
    report = blind3["real_questions"]
    assert (report.oos_rejection or 0.0) >= 0.75, _lines(report)
    assert (report.topical_top1 or 0.0) >= 0.90, _lines(report)


def test_round11_real_questions_floor(engine: Engine) -> None:
    """Real consumer questions, round 3 (blind11_real_questions.yaml: 161 after removing the items rounds 1 and 3
    used), first read on 968cd29: out of scope 76.7% (near misses 72.5%); 6 topical items, too few for a figure.
    Never read item by item."""
    (report,) = (_evaluate(engine, s) for s in load_set(EVAL / "blind11_real_questions.yaml"))
    assert (report.oos_rejection or 0.0) >= 0.75, _lines(report)


# -- classes of near miss the articles do not cover: the health fallback, not an article ------------------------
# Written for these tests (not taken from any evaluation set): one message per class fixed in round 3.

NEAR_MISSES = [
    "how can I get stroke rehab for my dad", "fibro flare, what helps", "getting rid of plaque in my arteries",
    "is toothpaste good for plaque", "dementia in my grandad", "can I drink wine with my ms meds",
    "flying abroad with my injections", "which contraception is safe with seizure meds",
    "how do I lower my risk of a stroke", "can people in their twenties have a stroke",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_get_the_health_fallback(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.fallback) == ("fallback", "health"), (turn.kind, turn.intent_id)


# -- rounds 4 to 8: fresh blind sets, HELD OUT (docs/evaluation.md has each round's story) ---------------------
# Round 4 was written after the round-3 tuning; round 5 was reported on main 7b0ce35 before the training
# paraphrases were merged; round 6 was first reported on 7b0ce35 and 884f0fe; round 7 on e6c6e2f, at the start
# of the 2026-12-05 session; round 8 was written during it and first reported on 6575286. No change was made from their
# messages. Floors a little under the figures reached.

HELD_OUT_ROUNDS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                   30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55,
                   56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73,
                   74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
                   94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
                   112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131,
                   132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146,
                   147, 148, 149)
# Since the topic net (46483f5) every floor is at most two points under what the bot reached with it (the net was
# trained on the tuned rounds only, so on the held-out ones these are still figures on words it never saw; a retrained
# net may move them a point or so). The comments keep each round's history before it.
PERSONA_FLOORS = {  # round: top-1, offered, out of scope, near misses
    4: (0.96, 0.96, 0.95, 0.94),  # reached 84.1%, 86.8%, 91.2%, 88.5% after the round-3 tuning
    5: (0.96, 0.96, 0.96, 0.95),  # reached 88.1%, 90.1%, 89.9%, 88.3% with the paraphrases
    6: (0.95, 0.95, 0.93, 0.93),  # reached 84.1%, 85.8%, 88.6%, 87.4% on main b10dcc0
    7: (0.94, 0.94, 0.93, 0.92),  # first reported on e6c6e2f: 86.1%, 88.3%, 88.9%, 87.0%
    8: (0.93, 0.93, 0.95, 0.94),  # first reported on 6575286 (written after the session's changes): 82.1%, 84.5%,
                                  # 89.8%, 88.0%
    9: (0.96, 0.96, 0.95, 0.95),  # first reported on 72b6c6d (written during that session): 87.9%, 89.6%, 87.9%,
                                  # 86.2%
    10: (0.95, 0.95, 0.94, 0.93),  # first reported on 220b05d: 86.5%, 88.1%, 88.5%, 86.6%
    11: (0.96, 0.96, 0.94, 0.93),  # written blind while the session's changes were made; 88.3%, 89.6%, 92.8%, 91.6%
                                   # on 48bc2b2 (before them), first read after them on 4779b22: 88.8%, 91.3%, 92.8%, 91.6%
    12: (0.96, 0.96, 0.94, 0.93),  # written blind at the start of the 2026-12-05 afternoon session: 86.1%, 89.1%,
                                   # 91.6%, 90.0% on ddd7a23 (before its changes), 88.7%, 90.5%, 92.8%, 91.4% on 06d7ce8
    13: (0.96, 0.96, 0.94, 0.93),  # written blind during it: 89.4%, 92.4%, 89.5%, 88.5% on ddd7a23, 90.4%, 92.7%,
                                   # 93.7%, 93.3% on 06d7ce8
    # rounds 14-16, written blind in the 2026-12-05 evening session and first measured on its start, 235b69e;
    # round 14's report printed about 25 of its confused messages (seen, not tuned on), rounds 15 and 16 were
    # read only as figures; the safety misses of 14 and 16 were read and fixed (tuned on)
    14: (0.96, 0.96, 0.90, 0.88),  # 89.8%, 91.3%, 90.2%, 87.8% on 235b69e; 91.1%, 92.8%, 90.5%, 88.3% on 406da37
    15: (0.95, 0.95, 0.92, 0.91),  # 86.3%, 88.8%, 92.7%, 90.7% on 235b69e; 87.5%, 90.0%, 93.3%, 91.3% on 406da37
    16: (0.94, 0.94, 0.94, 0.93),  # 86.6%, 88.3%, 94.7%, 93.3% on 235b69e; 86.8%, 88.8%, 95.2%, 94.0% on 406da37
    # rounds 17 and 18, written blind in the 2026-12-05 night session: first measured on its start, c720925, and
    # at its end as figures only; their safety misses were read after a report and fixed (tuned on)
    17: (0.91, 0.91, 0.93, 0.92),  # 79.4%, 82.4%, 92.3%, 91.0% on c720925; 80.9%, 83.7%, 94.7%, 94.2% at the end
    18: (0.90, 0.90, 0.92, 0.91),  # 80.6%, 84.9%, 92.4%, 91.3% on c720925; 81.5%, 85.7%, 92.9%, 91.9% at the end
    # round 19, written blind after that session's main work and first reported on 0bd1203 (figures only):
    19: (0.95, 0.95, 0.93, 0.92),  # 86.5%, 88.6%, 93.0%, 90.3% on c720925; 89.0%, 90.3%, 94.0%, 91.7% on 0bd1203
    # rounds 20 and 21, written blind in the 2026-12-05 late session (20 at its start, 21 during it); both measured on
    # its start, 7794408, and at its end, 6e9bb29, as figures only; round 21's two safety misses read after its
    # first report (8701d2c)
    20: (0.95, 0.95, 0.98, 0.98),  # 92.6%, 93.9%, 96.4%, 94.7% on 7794408 and on 6e9bb29
    21: (0.96, 0.96, 0.97, 0.96),  # 86.8%, 88.8%, 90.8%, 87.1% on 7794408; 88.0%, 89.5%, 90.8%, 87.1% on 6e9bb29
    # (rounds 20 and 21 were read to find classes in the 2026-12-06 session: tuned on from d9fb11a; 93.0%, 94.4%,
    # 96.4%, 94.7% and 89.2%, 91.1%, 90.8%, 87.1% on 0bc730e)
    # rounds 22 and 23, written blind in the 2026-12-06 session (22 at its start, 23 during it); both measured on its
    # start, d9fb11a, as figures only; their topical messages never read, their safety misses read after the first
    # report (22 on d9fb11a, 23 on 69661d7) and fixed as classes
    22: (0.96, 0.96, 0.98, 0.98),  # 88.4%, 90.9%, 94.2%, 91.8% on d9fb11a; 88.8%, 91.4%, 94.2%, 91.8% on 0bc730e
    23: (0.97, 0.97, 0.97, 0.98),  # 90.1%, 93.1%, 94.2%, 92.9% on d9fb11a; 90.1%, 93.5%, 94.2%, 92.9% on 0bc730e
    # (rounds 22 and 23 were read to find classes in the 2026-12-06 second session: tuned on from ed83c2f)
    # round 24, written blind at the start of the 2026-12-06 second session and measured on its start, ed83c2f, as
    # figures only; its topical messages never read, its safety misses read after that report
    24: (0.97, 0.97, 0.98, 0.98),  # 92.2%, 93.1%, 95.0%, 92.9% on ed83c2f and on 8aed148; 92.7%, 93.5% on 6360a6a
    # round 25, written blind during the same session (commissioned after e5d934f), first measured on ed83c2f and
    # 00004a7 as figures only; its safety misses read after that report
    25: (0.96, 0.96, 0.97, 0.96),  # 84.3%, 85.7%, 95.0%, 92.9% on ed83c2f and 00004a7; 84.8%, 86.1% on 6360a6a
    # (rounds 24 and 25 were read to find classes in the 2026-12-06 third session: tuned on from d5dc9b4)
    # round 26, written blind at the start of the 2026-12-06 third session and measured on its start, d5dc9b4, as
    # figures only; its topical messages never read, its three safety misses read after that report and fixed
    26: (0.94, 0.94, 0.92, 0.89),  # 89.9%, 91.2%, 90.0%, 85.9% on d5dc9b4; 90.4%, 91.2%, 90.0%, 85.9% on 9619956
    # round 27, written blind after the same session's main changes and first measured on 75abb92 (figures only);
    # its five safety misses read after that report, three fixed as classes in 1a02f25
    27: (0.93, 0.93, 0.96, 0.95),  # 89.9%, 90.8%, 91.7%, 88.2% on 75abb92 and 1a02f25 (89.5%, 90.4% on d5dc9b4)
    # round 28, written blind at the start of the 2026-12-06 fourth session and measured on its start, a013807, as
    # figures only (91.7%, 93.0%, 95.0%, 92.9%); then read to find classes: TUNED ON from 2a18d50
    28: (0.97, 0.97, 0.97, 0.96),  # 92.6%, 93.9%, 96.7%, 95.3% on 17843ab (tuned)
    # round 29, written blind during the same session and first measured on its end, 67296d7, and on its start,
    # a013807 (figures only; 82.8%, 84.5%, 96.7%, 96.5% there); its topical messages never read, its five safety
    # misses read after that report and fixed as classes in 17843ab
    29: (0.90, 0.90, 0.96, 0.96),  # 82.3%, 84.1%, 97.5%, 97.6% on 67296d7 and 17843ab
    # round 30, written blind at the start of the 2026-12-06 fifth session and measured on its start, a33218c, as
    # figures only (81.3%, 83.0%, 92.5%, 89.4%); then read to find classes: TUNED ON from 768fcc5
    30: (0.94, 0.94, 0.98, 0.98),  # 88.3%, 88.7%, 93.3%, 90.6% on 07a566c; 88.3%, 88.7%, 95.8%, 94.1% on 84b4a4a
    # round 31, written blind at the start of the same session (its writer saw only the topics and personas) and
    # measured on its start, a33218c, and after the session's topic work, 9e44cb3, as figures only (81.1%, 83.8%,
    # 94.2%, 91.8% at both); its topical messages never read; its safety misses read after that and fixed as
    # classes in 5eb8b54
    31: (0.90, 0.90, 0.94, 0.93),  # 81.1%, 83.8%, 94.2%, 91.8% on 9e44cb3 and 5eb8b54
    # round 32, written blind at the start of the 2026-12-06 sixth session and measured on its start, c7b671f, as
    # figures only (90.9%, 93.1%, 93.3%, 90.6%); its dialogue misses were then read (tuned on), and the topic net
    # trained on it from the commit after 42d092a (its floors since are floors on a tuned set)
    32: (0.96, 0.96, 0.92, 0.89),  # with the topic net on 46483f5
    # round 33, written blind beside it and measured on c7b671f (91.4%, 92.2%, 92.5%, 89.4%); its topical messages
    # never read; its safety misses read after that report and fixed as classes in 46483f5
    33: (0.95, 0.95, 0.94, 0.93),  # with the topic net on 46483f5
    # rounds 34 and 35, written blind after the topic net (46483f5) and first reported on 2bae017 (figures only):
    # 97.8%, 97.8%, 99.2%, 98.8% and 90.7%, 90.7%, 95.8%, 94.1% (84.6%, 86.3%, 91.7%, 89.4% for 35 on c7b671f); their
    # topical messages never read; their safety misses read after that report and fixed as classes
    34: (0.95, 0.95, 0.97, 0.96),
    35: (0.88, 0.88, 0.93, 0.92),
    # rounds 36 and 37, written blind at the start of the 2026-12-06 seventh session and reported on its start,
    # e33a4de (figures only): 90.8%, 90.8%, 98.3%, 97.6% and 91.4%, 91.8%, 97.5%, 96.5%. Round 36's topical messages
    # never read; round 37's read for its dialogue misses (tuned on). Both rounds' safety misses read after the report
    36: (0.88, 0.88, 0.96, 0.95),
    37: (0.89, 0.90, 0.95, 0.94),
    # rounds 38 and 39, written blind later in that session (after most of its changes) and first reported on ec860de
    # (figures only): 94.0%, 94.0%, 94.2%, 91.8% and 94.4%, 94.4%, 97.5%, 96.5% (92.7%, 92.7%, 93.3%, 90.6% and 93.1%,
    # 93.1%, 96.7%, 95.3% on e33a4de). Their topical messages never read; their safety misses read after the report
    38: (0.92, 0.92, 0.93, 0.90),
    39: (0.92, 0.92, 0.95, 0.94),
    # rounds 40 and 41, written blind at the end of that session (after every change but round 38/39's safety fixes)
    # and first reported on ec9e064 (figures only): 90.8%, 90.8%, 98.3%, 97.6% and 93.9%, 93.9%, 99.2%, 98.8% (88.6%,
    # 88.6%, 98.3%, 97.6% and 92.2%, 92.2%, 98.3%, 97.6% on e33a4de). Topical messages never read; safety misses read
    40: (0.88, 0.88, 0.96, 0.95),
    41: (0.91, 0.91, 0.97, 0.96),
    # rounds 42 and 43, written blind at the start of the 2026-12-06 eighth session and first reported on its start,
    # b90e663 (figures only): 95.3%, 95.3%, 95.0%, 94.1% and 95.7%, 95.7%, 97.5%, 97.6%. Topical messages never
    # read; safety misses read after that report and fixed as classes (97.0%, 97.4%, 95.8%, 95.3% and 96.1%, 97.0%,
    # 97.5%, 97.6% after them and the topic net's "Did you mean")
    42: (0.95, 0.95, 0.93, 0.93),
    43: (0.94, 0.95, 0.95, 0.95),
    # rounds 44 and 45, written blind later in that session (after the "Did you mean" and rounds 42/43's safety
    # classes) and first reported on d9f6e55 (figures only): 97.4%, 97.4%, 98.3%, 97.6% and 94.0%, 94.8%, 97.5%,
    # 96.5% (97.4%, 97.4%, 97.5%, 96.5% and 94.0%, 94.0%, 97.5%, 96.5% on b90e663). Topical messages never read;
    # safety misses read after that report and fixed as classes
    44: (0.95, 0.95, 0.96, 0.95),
    45: (0.92, 0.93, 0.95, 0.94),
    # rounds 46 and 47, written blind at the end of that session and first reported on 79a1e76 (figures only): 94.8%,
    # 95.3%, 98.3%, 97.6% and 97.0%, 97.0%, 94.2%, 91.8% (94.8%, 94.8%, 97.5%, 96.5% and the same 97.0%, 97.0%, 94.2%,
    # 91.8% on b90e663). Topical messages never read; safety misses read after that report and fixed as classes
    46: (0.94, 0.95, 0.96, 0.95),
    47: (0.95, 0.95, 0.92, 0.90),
    # rounds 48 and 49, written blind at the start of the 2026-12-06 evening session and first reported on a3a6f43
    # (figures only): 97.4%, 97.4%, 96.7%, 96.5% and 95.7%, 95.7%, 95.8%, 94.1%. Topical messages never read; safety
    # misses read after that report and fixed as classes (round 49: 97.0%, 97.0%, 96.7%, 95.3% once they were)
    48: (0.95, 0.95, 0.94, 0.94),
    49: (0.95, 0.95, 0.94, 0.93),
    # rounds 50 and 51, written blind in that session after the follow-up net and first reported on 246a507 (figures
    # only): 98.3%, 98.3%, 96.7%, 95.3% and 95.3%, 95.7%, 95.0%, 92.9%; safety misses read after that report
    50: (0.96, 0.96, 0.94, 0.93),
    51: (0.93, 0.94, 0.93, 0.90),
    # rounds 52 and 53, written blind late in that session and first reported on 74407a8 (figures only): 96.6%,
    # 96.6%, 98.3%, 97.6% and 95.2%, 95.7%, 97.5%, 96.5%; safety misses read after that report
    52: (0.94, 0.94, 0.96, 0.95),
    53: (0.93, 0.94, 0.95, 0.94),
    # rounds 54 and 55, written blind at the end of that session and first reported on f3a47dd (figures only): 97.0%,
    # 97.0%, 95.8%, 95.3% and 97.0%, 97.4%, 98.3%, 97.6%; safety misses read after that report
    54: (0.95, 0.95, 0.93, 0.93),
    55: (0.95, 0.95, 0.96, 0.95),
    # rounds 56 and 57, written blind at the very end and first reported on fa910d5, the final code (figures only):
    # 97.0%, 97.0%, 98.3%, 97.6% and 97.8%, 98.3%, 99.2%, 98.8%
    56: (0.95, 0.95, 0.96, 0.95),
    57: (0.95, 0.96, 0.97, 0.96),
    # rounds 58 and 59, written blind at the start of the 2026-12-06 (tenth) session from a topics file written anew
    # (the earlier one was lost with the scratch space), first reported on af82b1d (figures only): 96.6%, 97.0%,
    # 95.0%, 92.9% and 98.7%, 98.7%, 99.2%, 98.8%; safety misses read after that report
    58: (0.95, 0.96, 0.93, 0.90),
    59: (0.97, 0.97, 0.97, 0.96),
    # rounds 60 and 61, written blind from the same topics file and first reported on b31de6e (figures only): 94.4%,
    # 94.4%, 96.7%, 96.5% and 94.8%, 94.8%, 97.5%, 97.6%; safety misses read after that report
    60: (0.93, 0.93, 0.95, 0.95),
    61: (0.94, 0.94, 0.95, 0.95),
    # rounds 62 and 63, written blind and first reported on 77996e0 (figures only): 95.3%, 95.7%, 98.3%, 98.8% and
    # 96.1%, 96.5%, 97.5%, 96.5%; safety misses read after that report
    62: (0.93, 0.93, 0.96, 0.96),
    63: (0.94, 0.94, 0.95, 0.94),
    # rounds 64 and 65, written blind and first reported on 12b22de (figures only): 96.6%, 97.4%, 93.3%, 94.1% and
    # 97.0%, 98.3%, 97.5%, 97.6%; safety misses read after that report
    64: (0.95, 0.95, 0.93, 0.93),
    65: (0.95, 0.96, 0.96, 0.95),
    # rounds 66 and 67, written blind at the end and first reported on 9ef5767 (figures only): 94.4%, 94.4%, 93.3%,
    # 91.8% and 97.4%, 97.4%, 97.5%, 97.6%; safety misses read after that report
    66: (0.93, 0.93, 0.93, 0.92),
    67: (0.95, 0.95, 0.95, 0.95),
    # rounds 68 and 69, written blind at the start of the eleventh session and first reported on 8742378 (figures
    # only): 98.3%, 98.3%, 100%, 100% and 97.4%, 97.4%, 96.7%, 95.3%; safety misses read after that report
    68: (0.97, 0.97, 0.98, 0.98),
    69: (0.96, 0.96, 0.94, 0.93),
    # rounds 70 and 71, written blind and first reported on 86ad906 (figures only): 97.8%, 97.8%, 97.5%, 96.5% and
    # 98.3%, 98.7%, 99.2%, 98.8%; safety misses read after that report
    70: (0.95, 0.95, 0.95, 0.94),
    71: (0.96, 0.96, 0.97, 0.97),
    # rounds 72 and 73, written blind and first reported on f438a99 (figures only): 97.0%, 97.8%, 99.2%, 98.8% and
    # 98.7%, 98.7%, 98.3%, 98.8%; safety misses read after that report
    72: (0.95, 0.96, 0.97, 0.96),
    73: (0.96, 0.96, 0.96, 0.96),
    # rounds 74 and 75, written blind and first reported on cd5f122 (figures only): 98.7%, 98.7%, 98.3%, 97.6% and
    # 97.9%, 98.3%, 96.7%, 95.3%; safety misses read after that report
    74: (0.97, 0.97, 0.96, 0.95),
    75: (0.96, 0.96, 0.94, 0.93),
    # rounds 76 and 77, written blind and first reported on 656c1d6 (figures only): 99.1%, 99.1%, 99.2%, 98.8% and
    # 98.7%, 98.7%, 99.2%, 98.8%; safety misses read after that report
    76: (0.97, 0.97, 0.97, 0.96),
    77: (0.96, 0.96, 0.97, 0.96),
    # rounds 78 and 79, written blind and first reported on a1a4888 (figures only): 100%, 100%, 97.5%, 97.6% and
    # 97.8%, 97.8%, 98.3%, 97.6%; safety misses read after that report
    78: (0.98, 0.98, 0.95, 0.95),
    79: (0.96, 0.96, 0.96, 0.95),
    # rounds 80 and 81, written blind at the end and first reported on dd346bd (figures only): 98.3%, 98.3%, 99.2%,
    # 98.8% and 98.7%, 99.1%, 99.2%, 98.8%; safety misses read after that report
    80: (0.96, 0.96, 0.97, 0.96),
    81: (0.96, 0.97, 0.97, 0.96),
    # rounds 82 and 83, the first written from docs/blind-writers-brief.md, first reported on 4f1c6c7 (95.7%, 95.7%,
    # 97.5%, 96.5% and 97.4%, 97.9%, 90.8%, 87.1%), then READ in full and TUNED ON (6da202f): not held-out figures
    82: (0.96, 0.96, 0.96, 0.95),
    83: (0.96, 0.97, 0.91, 0.88),
    # rounds 84 and 85, written blind from the brief and first reported on d477499 (figures only): 99.6%, 99.6%,
    # 98.3%, 97.6% and 97.4%, 97.4%, 98.3%, 97.6%; safety misses read after that report
    84: (0.97, 0.97, 0.96, 0.95),
    85: (0.96, 0.96, 0.96, 0.95),
    # rounds 86 and 87, written blind from the brief and first reported on 0b8405b (figures only): 99.1%, 99.6%,
    # 95.0%, 92.9% and 98.3%, 98.7%, 98.3%, 97.6%; safety misses read after that report
    86: (0.97, 0.97, 0.93, 0.92),
    87: (0.97, 0.97, 0.96, 0.95),
    # rounds 88 and 89, written blind from the brief and first reported on e3fffa6 (figures only): 97.8%, 97.8%,
    # 95.8%, 94.1% and 99.1%, 99.1%, 99.2%, 98.8%; safety misses read after that report
    88: (0.95, 0.95, 0.93, 0.92),
    89: (0.97, 0.97, 0.97, 0.96),
    # rounds 90 and 91, written blind from the brief at the very end and first reported on 89d1cc4 (figures only;
    # nothing read): 98.3%, 98.3%, 95.8%, 95.3% and 99.6%, 99.6%, 96.7%, 95.3%
    90: (0.96, 0.96, 0.93, 0.93),
    91: (0.97, 0.97, 0.94, 0.93),
    # rounds 92 and 93, written blind from the brief at the start of the thirteenth session and first reported on
    # e0611fe (figures only): 97.8%, 98.3%, 97.5%, 96.5% and 97.0%, 97.0%, 95.8%, 94.1%; safety misses read after
    # that report (98.3%, 98.7%, 98.3%, 97.6% and 97.4%, 97.4%, 95.8%, 94.1% once they were fixed)
    92: (0.96, 0.96, 0.96, 0.95),
    93: (0.95, 0.95, 0.93, 0.92),
    # rounds 94 and 95, written blind from the brief and first reported on 3975a9e (figures only): 98.3%, 98.7%,
    # 96.7%, 95.3% and 97.8%, 97.8%, 96.7%, 95.3%; safety misses read after that report (98.3%, 98.7%, 96.7%, 95.3%
    # and 98.3%, 98.3%, 98.3%, 97.7% once they were fixed)
    94: (0.96, 0.96, 0.94, 0.93),
    95: (0.96, 0.96, 0.96, 0.95),
    # rounds 96 and 97, written blind from the brief and first reported on 876eabb (figures only): 96.6%, 96.6%,
    # 97.5%, 96.5% and 98.3%, 98.3%, 95.0%, 92.9%; safety misses read after that report (97.8%, 97.8%, 97.5%, 96.5%
    # and 98.3%, 98.3%, 95.8%, 94.1% once they were fixed)
    96: (0.95, 0.95, 0.95, 0.94),
    97: (0.96, 0.96, 0.93, 0.92),
    # rounds 98 and 99, written blind from the brief at the end of the thirteenth session and first reported on
    # 6e79813 (figures only): 99.1%, 99.1%, 96.7%, 96.5% and 97.4%, 97.4%, 98.3%, 97.6%; safety misses read at the
    # start of the fourteenth (100.0%, 100.0%, 98.3%, 98.8% and 98.7%, 98.7%, 98.3%, 97.6% once they were fixed)
    98: (0.98, 0.98, 0.96, 0.96),
    99: (0.96, 0.96, 0.96, 0.95),
    # rounds 100 and 101, written blind from the brief at the start of the fourteenth session and first reported on
    # f578313 (figures only): 97.8%, 98.7%, 95.8%, 95.3% and 97.0%, 97.0%, 94.2%, 91.8%; safety misses read after
    # that report (97.8%, 98.7%, 95.8%, 95.3% and 98.7%, 98.7%, 95.0%, 92.9% once they were fixed)
    100: (0.96, 0.97, 0.94, 0.93),
    101: (0.97, 0.97, 0.93, 0.91),
    # rounds 102 and 103, written blind from the brief during the fourteenth session and first reported on 59884ca
    # (figures only): 95.7%, 96.6%, 91.7%, 88.2% and 95.7%, 95.7%, 97.5%, 96.5%; then read (safety misses, then the
    # conversation classes of rounds 100 to 103): 97.8%, 98.7%, 93.3%, 90.6% and 98.3%, 98.3%, 99.2%, 98.8%
    102: (0.96, 0.97, 0.91, 0.88),
    103: (0.96, 0.96, 0.97, 0.96),
    # rounds 104 and 105, written blind from the brief during the fourteenth session and first reported on 72a3990
    # (figures only): 98.3%, 98.3%, 97.5%, 96.5% and 97.4%, 97.4%, 98.3%, 97.6%; safety misses read after that report
    # (98.3%, 98.3%, 97.5%, 96.5% and 98.7%, 98.7%, 99.2%, 98.8% once they were fixed)
    104: (0.96, 0.96, 0.95, 0.94),
    105: (0.96, 0.96, 0.97, 0.96),
    # rounds 106 and 107, written blind from the brief during the fourteenth session and first reported on 3e90a5d
    # (figures only): 98.7%, 99.6%, 95.8%, 94.1% and 96.1%, 96.1%, 97.5%, 96.5%; safety misses read after that report
    # (99.1%, 100.0%, 95.8%, 94.1% and 97.0%, 97.0%, 97.5%, 96.5% once they were fixed)
    106: (0.97, 0.98, 0.93, 0.92),
    107: (0.95, 0.95, 0.95, 0.94),
    # rounds 108 and 109, written blind from the brief at the end of the fourteenth session and first reported on
    # 1616b62 (figures only): 97.8%, 98.3%, 96.7%, 95.3% and 98.7%, 99.6%, 97.5%, 96.5%; safety misses read after that
    # report (98.3%, 99.1%, 97.5%, 96.5% and 98.7%, 99.6%, 98.3%, 97.6% once they were fixed)
    108: (0.96, 0.97, 0.95, 0.94),
    109: (0.97, 0.97, 0.96, 0.95),
    # rounds 110 and 111, written blind from the brief at the very end of the fourteenth session and first reported on
    # fdcdd7a (figures only): 98.7%, 98.7%, 99.2%, 98.8% and 98.7%, 99.1%, 95.8%, 95.3%; only round 111's one crisis
    # miss was read after that report (the figures are the same once it was fixed)
    110: (0.97, 0.97, 0.97, 0.96),
    111: (0.97, 0.97, 0.94, 0.93),
    # rounds 112 and 113, written blind from the brief at the start of the fifteenth session and first reported on
    # 258d403 (figures only): 99.1%, 99.1%, 97.5%, 96.5% and 98.7%, 99.1%, 97.5%, 96.5%; their safety misses and
    # conversation misses read after that report (99.6%, 99.6%, 97.5%, 96.5% and 99.6%, 100.0%, 97.5%, 96.5% after)
    112: (0.97, 0.97, 0.95, 0.94),
    113: (0.97, 0.98, 0.95, 0.94),
    # rounds 114 and 115, written blind from the brief during the fifteenth session and first reported on 542c0e5
    # (figures only): 98.7%, 99.1%, 97.5%, 96.5% and 98.7%, 98.7%, 95.0%, 92.9%; safety misses read after that report
    # (99.1%, 99.6%, 97.5%, 96.5% and 99.6%, 99.6%, 95.0%, 92.9% once they were fixed)
    114: (0.97, 0.97, 0.95, 0.94),
    115: (0.97, 0.97, 0.93, 0.91),
    # rounds 116 and 117, written blind from the brief during the fifteenth session and first reported on 77c6f84
    # (figures only): 99.1%, 99.1%, 95.8%, 94.1% and 99.1%, 99.1%, 98.3%, 97.6%; safety misses read after that report
    # (the same for round 116, 99.6%, 99.6%, 98.3%, 97.6% for round 117 once they were fixed)
    116: (0.97, 0.97, 0.94, 0.92),
    117: (0.97, 0.97, 0.96, 0.95),
    # rounds 118 and 119, written blind from the brief during the fifteenth session and first reported on 233cd24
    # (figures only): 98.3%, 98.7%, 97.5%, 96.5% and 99.1%, 99.1%, 96.7%, 95.3%; safety misses read after that report
    # (the same for round 118, 99.6%, 99.6%, 97.5%, 96.5% for round 119 once they were fixed)
    118: (0.96, 0.96, 0.95, 0.94),
    119: (0.97, 0.97, 0.95, 0.94),
    # rounds 120 and 121, written blind from the brief during the fifteenth session and first reported on b4cdae5
    # (figures only): 99.1%, 99.1%, 98.3%, 97.7% and 99.1%, 99.1%, 98.3%, 97.6%; never read (one line of round 121's
    # dialogues apart): the same on 7th December's sixteenth session's code
    120: (0.97, 0.97, 0.96, 0.95),
    121: (0.97, 0.97, 0.96, 0.95),
    # rounds 122 and 123, written blind from the brief during the sixteenth session and first reported on d7a7f96
    # (figures only): 98.3%, 98.7%, 96.7%, 95.3% and 97.0%, 98.3%, 97.5%, 96.5%; their safety misses read after that
    # report (98.7%, 99.1%, 96.7%, 95.3% and 97.8%, 99.1%, 97.5%, 96.5% once they were fixed)
    122: (0.96, 0.96, 0.94, 0.93),
    123: (0.95, 0.96, 0.95, 0.94),
    # rounds 124 and 125, written blind from the brief during the sixteenth session and first reported on 303b4f6's
    # code before its last fix (figures only): 100%, 100%, 99.2%, 98.8% and 98.3%, 98.3%, 95.8%, 94.1%; two emergency
    # lines of round 124's dialogues read (a face gone droopy), nothing else
    124: (0.98, 0.98, 0.97, 0.96),
    125: (0.96, 0.96, 0.93, 0.92),
    # rounds 126 and 127, written blind from the brief at the end of the sixteenth session and first reported on
    # b080180 (figures only): 98.3%, 98.7%, 93.4%, 90.7% and 97.8%, 98.3%, 95.0%, 92.9%; round 127's one crisis miss
    # read and fixed, nothing else
    126: (0.96, 0.96, 0.91, 0.88),
    127: (0.95, 0.96, 0.93, 0.90),
    # rounds 128 and 129, written blind from the brief at the start of the seventeenth session and first reported on
    # 924b179 (figures only): 98.7%, 98.7%, 95.8%, 94.1% and 99.1%, 99.1%, 93.3%, 90.6%; then their safety misses and
    # their dialogues' misses were read: 99.1%, 99.1%, 95.8%, 94.1% and 99.1%, 99.1%, 94.2%, 91.8% after the fixes
    128: (0.97, 0.97, 0.94, 0.92),
    129: (0.97, 0.97, 0.92, 0.90),
    # rounds 130 and 131, written blind from the brief with its rule for turns after an emergency, first reported on
    # 69b1c6d (figures only): 99.1%, 99.1%, 96.7%, 95.3% and 99.1%, 99.1%, 98.3%, 97.6%; then their misses were read
    130: (0.97, 0.97, 0.94, 0.93),
    131: (0.97, 0.97, 0.97, 0.96),
    # rounds 132 and 133, written blind from the same brief, first reported on 76b13bc (figures only): 100%, 100%,
    # 95.8%, 94.1% and 99.1%, 99.6%, 98.3%, 97.6%; then their misses were read
    132: (0.98, 0.98, 0.94, 0.92),
    133: (0.97, 0.98, 0.96, 0.95),
    # rounds 134 and 135, written blind from the same brief, first reported on 59a6059 (figures only): 98.7%, 98.7%,
    # 95.0%, 94.1% and 98.7%, 98.7%, 98.3%, 97.6%; then their safety misses were read
    134: (0.96, 0.96, 0.93, 0.93),
    135: (0.97, 0.97, 0.96, 0.95),
    # rounds 136 and 137, written blind from the brief with its rule for turns after a crisis, first reported on
    # acdcf92 (figures only): 97.8%, 98.7%, 96.7%, 95.3% and 100%, 100%, 95.8%, 94.1%; then their misses were read:
    # 98.7%, 99.6%, 96.7%, 95.3% and 100%, 100%, 95.8%, 94.1% after the fixes
    136: (0.97, 0.98, 0.95, 0.93),
    137: (0.98, 0.98, 0.94, 0.92),
    # rounds 138 and 139, written blind from the same brief, first reported on b6aed20 (figures only): 98.3%, 98.3%,
    # 95.8%, 94.1% and 98.7%, 98.7%, 95.0%, 92.9%; then their misses were read: 98.3%, 98.3%, 95.8%, 94.1% and
    # 99.1%, 99.1%, 95.8%, 94.1% after the fixes
    138: (0.96, 0.96, 0.94, 0.92),
    139: (0.97, 0.97, 0.94, 0.92),
    # rounds 140 and 141, written blind from the same brief, first reported on 2c6ccc2 (figures only): 99.1%, 99.1%,
    # 98.3%, 97.6% and 99.1%, 99.6%, 97.5%, 96.5%; round 140 never read (held out), round 141's emergency misses read
    140: (0.97, 0.97, 0.96, 0.95),
    141: (0.97, 0.97, 0.95, 0.94),
    # rounds 142 and 143, written blind from the same brief, first reported on d9b117c (figures only): 99.6%, 99.6%,
    # 97.5%, 97.7% and 99.6%, 99.6%, 97.5%, 96.5%; their misses read
    142: (0.97, 0.97, 0.95, 0.95),
    143: (0.97, 0.97, 0.95, 0.94),
    # rounds 144 and 145, written blind from the same brief, first reported on a12a76c (figures only): 98.3%, 98.3%,
    # 97.5%, 96.5% and 98.7%, 98.7%, 95.8%, 96.5%; their misses read
    144: (0.97, 0.97, 0.95, 0.94),
    145: (0.97, 0.97, 0.94, 0.95),
    # rounds 146 and 147, written blind from the same brief, first reported on 86a1586 (figures only): 97.8%, 98.3%,
    # 97.5%, 96.5% and 98.3%, 98.7%, 96.7%, 95.3%; never read but for their dialogues' emergency and medication lines
    146: (0.96, 0.97, 0.96, 0.95),
    147: (0.97, 0.97, 0.95, 0.94),
    # rounds 148 and 149, written blind from the same brief, first reported on aa5b1b6 (figures only): 99.1%, 99.1%,
    # 95.8%, 94.1% and 99.1%, 99.1%, 97.5%, 97.6%; never read but for round 148's missed emergency and crisis lines
    148: (0.97, 0.97, 0.94, 0.93),
    149: (0.97, 0.97, 0.96, 0.96),
}
DIALOGUE_FLOORS = {4: 0.86, 5: 0.88, 6: 0.89, 7: 0.91, 8: 0.88, 9: 0.90, 10: 0.87, 11: 0.86, 12: 0.89,
                   13: 0.90, 14: 0.92, 15: 0.90, 16: 0.94, 17: 0.86, 18: 0.89,
                   19: 0.84, 20: 0.85, 21: 0.90,  # rounds 20, 21: 78.5%, 81.1% on 7794408; 78.9%, 81.5% on
                   # 6e9bb29; read from d9fb11a on (tuned): 83.0%, 83.8% on 0bc730e
                   22: 0.86, 23: 0.85,  # rounds 22, 23: 79.6%, 81.6% on d9fb11a; 81.8%, 82.5% on 0bc730e
                   24: 0.89,  # round 24: 87.5% on ed83c2f, 88.1% on 8aed148 and 6360a6a
                   25: 0.84,  # round 25: 79.2% on ed83c2f, 80.3% on 00004a7, 81.1% on 6360a6a
                   26: 0.85,  # round 26: 81.5% on d5dc9b4, 83.0% on 9619956
                   27: 0.85,  # round 27: 82.6% on d5dc9b4, 83.9% on 75abb92, 84.2% on 1a02f25, 84.5% on 1e9659c
                   28: 0.86,  # round 28: 85.2% on a013807 (figures only), tuned on from 2a18d50: 87.8% on 17843ab
                   29: 0.84,  # round 29: 84.1% on a013807, 84.4% on 67296d7, 85.0% on 17843ab
                   30: 0.86,  # round 30: 78.6% on a33218c (figures only), tuned on: 82.5% on 07a566c, 86.1% on 84b4a4a
                   31: 0.81,  # round 31: 79.6% on a33218c, 79.9% on 9e44cb3, 81.2% on 5eb8b54 (its safety fixed)
                   32: 0.84,  # round 32: 83.1% on c7b671f (figures only), 86.0% on 46483f5
                   33: 0.82,  # round 33: 79.0% on c7b671f, 84.1% on 46483f5 (its safety misses fixed)
                   34: 0.86,  # round 34: 84.9% on c7b671f, 88.3% on 2bae017 (first report), 88.6% after its safety
                   35: 0.80,  # round 35: 79.5% on c7b671f, 80.1% on 2bae017, 81.8% after, 82.5% on 6f1787b
                   36: 0.82,  # round 36: 83.1% on e33a4de (figures only), 84.7% on 6f1787b (its safety misses fixed)
                   37: 0.80,  # round 37: 82.5% on e33a4de (figures only), 82.8% on 6f1787b; read from then (tuned)
                   38: 0.88,  # round 38: 89.4% on ec860de (figures only; 87.6% on e33a4de), 90.1% once its safety
                   # misses were fixed
                   39: 0.82,  # round 39: 83.8% on ec860de and on e33a4de, 84.1% once its safety misses were fixed
                   40: 0.73,  # round 40: 74.9% on ec9e064 (figures only; 73.2% on e33a4de), 75.9% after its safety fixes
                   41: 0.78,  # round 41: 78.7% on ec9e064 (figures only; 76.3% on e33a4de), 80.0% after its safety fixes
                   42: 0.86,  # round 42: 85.1% on b90e663 (figures only), 88.6% once its safety misses were fixed
                   43: 0.82,  # round 43: 83.0% on b90e663 (figures only), 84.4% once its safety misses were fixed
                   44: 0.79,  # round 44: 81.3% on d9f6e55 (figures only; 81.7% on b90e663)
                   45: 0.86,  # round 45: 86.1% on d9f6e55 (figures only; the same on b90e663), 88.1% after its fixes
                   46: 0.84,  # round 46: 86.1% on 79a1e76 (figures only; the same on b90e663), 86.5% after its fixes
                   47: 0.82,  # round 47: 84.0% on 79a1e76 (figures only; the same on b90e663)
                   48: 0.91,  # round 48: 93.2% on a3a6f43 (figures only)
                   49: 0.91,  # round 49: 93.7% on a3a6f43 (figures only)
                   50: 0.93,  # round 50: 95.1% on 246a507 (figures only; 92.2% on a3a6f43)
                   51: 0.86,  # round 51: 88.4% on 246a507 (figures only; 87.5% on a3a6f43), 89.1% after its fixes
                   52: 0.92,  # round 52: 94.4% on 74407a8 (figures only; 93.5% on a3a6f43)
                   53: 0.93,  # round 53: 95.2% on 74407a8 (figures only; 93.9% on a3a6f43)
                   54: 0.93,  # round 54: 95.5% on f3a47dd (figures only; 94.8% on a3a6f43)
                   55: 0.92,  # round 55: 94.1% on f3a47dd (figures only; 92.2% on a3a6f43)
                   56: 0.90,  # round 56: 92.8% on fa910d5 (figures only)
                   57: 0.92,  # round 57: 94.0% on fa910d5 (figures only)
                   58: 0.89,  # round 58: 89.5% on af82b1d (figures only), 91.2% after its safety fixes
                   59: 0.90,  # round 59: 91.4% on af82b1d (figures only), 92.4% after its safety fixes
                   60: 0.92,  # round 60: 93.7% on b31de6e (figures only), 94.3% after its safety fixes
                   61: 0.85,  # round 61: 84.9% on b31de6e (figures only), 87.1% after its safety fixes
                   62: 0.85,  # round 62: 85.5% on 77996e0 (figures only), 87.5% after its safety fixes
                   63: 0.88,  # round 63: 90.6% on 77996e0 (figures only), 90.9% after its safety fixes
                   64: 0.84,  # round 64: 84.7% on 12b22de (figures only), 86.2% after its safety fixes
                   65: 0.90,  # round 65: 92.4% on 12b22de (figures only), 92.6% after its safety fixes
                   66: 0.86,  # round 66: 87.4% on 9ef5767 (figures only), 88.3% after its safety fixes
                   67: 0.89,  # round 67: 91.1% on 9ef5767 (figures only), 92.0% after its safety fixes
                   68: 0.91,  # round 68: 93.9% on 8742378 (figures only), 93.9% after its safety fixes
                   69: 0.89,  # round 69: 91.0% on 8742378 (figures only), 91.5% after its safety fixes
                   70: 0.90,  # round 70: 92.0% on 86ad906 (figures only), 92.9% after its safety fixes
                   71: 0.92,  # round 71: 94.1% on 86ad906 (figures only), 94.4% after its safety fixes
                   72: 0.89,  # round 72: 91.2% on f438a99 (figures only), 91.5% after its safety fixes
                   73: 0.89,  # round 73: 91.1% on f438a99 (figures only), 91.4% after its safety fixes
                   74: 0.90,  # round 74: 92.5% on cd5f122 (figures only), 92.8% after its safety fixes
                   75: 0.88,  # round 75: 89.2% on cd5f122 (figures only), 90.9% after its safety fixes
                   76: 0.89,  # round 76: 90.8% on 656c1d6 (figures only), 91.4% after its safety fixes
                   77: 0.90,  # round 77: 91.3% on 656c1d6 (figures only), 92.2% after its safety fixes
                   78: 0.90,  # round 78: 91.9% on a1a4888 (figures only), 92.7% after its safety fixes
                   79: 0.91,  # round 79: 93.2% on a1a4888 (figures only), 93.5% after its safety fixes
                   80: 0.91,  # round 80: 93.1% on dd346bd (figures only)
                   81: 0.89,  # round 81: 91.7% on dd346bd (figures only), 92.0% after one false alarm fixed
                   82: 0.89,  # round 82: 88.3% on 4f1c6c7, then read and tuned on: 91.9%
                   83: 0.92,  # round 83: 90.8% on 4f1c6c7, then read and tuned on: 94.4%
                   84: 0.93,  # round 84: 93.5% on d477499 (figures only), 95.9% after its safety misses
                   85: 0.91,  # round 85: 92.4% on d477499 (figures only), 93.5% after its safety misses
                   86: 0.88,  # round 86: 90.1% on 0b8405b (figures only), 90.4% after its safety misses
                   87: 0.92,  # round 87: 93.3% on 0b8405b (figures only), 94.2% after its safety misses
                   88: 0.88,  # round 88: 89.3% on e3fffa6 (figures only), 90.3% after its safety misses
                   89: 0.91,  # round 89: 93.6% on e3fffa6 (figures only), 93.9% after its safety misses
                   90: 0.91,  # round 90: 93.2% on 89d1cc4 (figures only)
                   91: 0.87,  # round 91: 89.1% on 89d1cc4 (figures only)
                   92: 0.91,  # round 92: 90.0% on e0611fe (figures only), 93.2% after its safety misses
                   93: 0.93,  # round 93: 93.8% on e0611fe (figures only), 95.1% after its safety misses
                   94: 0.92,  # round 94: 92.7% on 3975a9e (figures only), 94.2% after its safety misses
                   95: 0.91,  # round 95: 93.1% on 3975a9e (figures only), 93.1% after its safety misses
                   96: 0.90,  # round 96: 91.1% on 876eabb (figures only), 92.0% after its safety misses
                   97: 0.88,  # round 97: 88.1% on 876eabb (figures only), 90.5% after its safety misses
                   98: 0.90,  # round 98: 91.8% on 6e79813 (figures only), 92.1% after its safety misses
                   99: 0.90,  # round 99: 91.8% on 6e79813 (figures only), 92.5% after its safety misses
                   100: 0.92,  # round 100: 91.2% on f578313 (figures only), 94.2% after its safety misses
                   101: 0.93,  # round 101: 94.5% on f578313 (figures only), 95.2% after its safety misses
                   102: 0.91,  # round 102: 89.5% on 59884ca (figures only), 93.5% once read
                   103: 0.88,  # round 103: 86.3% on 59884ca (figures only), 90.5% once read
                   104: 0.93,  # round 104: 91.8% on 72a3990 (figures only), 95.1% after its safety misses
                   105: 0.92,  # round 105: 93.6% on 72a3990 (figures only), 94.2% after its safety misses
                   106: 0.92,  # round 106: 94.3% on 3e90a5d (figures only), 94.6% after its safety misses
                   107: 0.95,  # round 107: 96.5% on 3e90a5d (figures only), 97.8% after its safety misses
                   108: 0.88,  # round 108: 88.6% on 1616b62 (figures only), 90.5% after its safety misses
                   109: 0.89,  # round 109: 90.1% on 1616b62 (figures only), 90.8% after its safety misses
                   110: 0.89,  # round 110: 90.7% on fdcdd7a (figures only)
                   111: 0.90,  # round 111: 92.3% on fdcdd7a (figures only)
                   112: 0.86,  # round 112: 86.6% on 258d403 (figures only), 88.8% once read
                   113: 0.86,  # round 113: 86.1% on 258d403 (figures only), 88.1% once read
                   114: 0.91,  # round 114: 92.0% on 542c0e5 (figures only), 93.6% after its safety misses
                   115: 0.92,  # round 115: 93.9% on 542c0e5 (figures only)
                   116: 0.92,  # round 116: 94.4% on 77c6f84 (figures only), 94.7% after its safety misses
                   117: 0.89,  # round 117: 91.4% on 77c6f84 (figures only), 93.1% after its safety misses
                   118: 0.85,  # round 118: 86.7% on 233cd24 (figures only), the same after its safety misses
                   119: 0.85,  # round 119: 85.4% on 233cd24 (figures only), 87.5% after its safety misses
                   120: 0.85,  # round 120: 86.9% on b4cdae5 (figures only, never read), 87.5% with the answerability check
                   121: 0.89,  # round 121: 91.2% on b4cdae5 (figures only, never read), 91.5% with it
                   122: 0.90,  # round 122: 92.5% on d7a7f96 (figures only), the same after its safety misses
                   123: 0.91,  # round 123: 92.9% on d7a7f96 (figures only), 93.6% after its safety misses
                   124: 0.91,  # round 124: 92.4% at first report, 93.0% once its two emergency lines were fixed
                   125: 0.87,  # round 125: 89.5% at first report (figures only, never read)
                   126: 0.87,  # round 126: 89.0% on b080180 (figures only, never read)
                   127: 0.83,  # round 127: 85.4% on b080180 (figures only; one persona line read)
                   128: 0.90,  # round 128: 91.2% on 924b179, 91.8% after (its misses read: tuned on)
                   129: 0.90,  # round 129: 91.4% on 924b179, 92.0% after (its misses read: tuned on)
                   130: 0.88,  # round 130: 88.5% on 69b1c6d, 90.5% after (its misses read: tuned on)
                   131: 0.91,  # round 131: 93.0% on 69b1c6d, 93.7% after (its misses read: tuned on)
                   132: 0.92,  # round 132: 93.4% on 76b13bc, 94.1% after (its misses read: tuned on)
                   133: 0.87,  # round 133: 88.8% on 76b13bc, the same after (its misses read: tuned on)
                   134: 0.90,  # round 134: 91.7% on 59a6059, 92.4% after (its safety misses read)
                   135: 0.87,  # round 135: 89.1% on 59a6059, the same after (its safety misses read)
                   136: 0.90,  # round 136: 88.0% on acdcf92, 91.9% after (its misses read: tuned on)
                   137: 0.93,  # round 137: 92.3% on acdcf92, 95.2% after (its misses read: tuned on)
                   138: 0.89,  # round 138: 89.8% on b6aed20, 90.7% after (its misses read: tuned on)
                   139: 0.94,  # round 139: 94.6% on b6aed20, 95.6% after (its misses read: tuned on)
                   140: 0.89,  # round 140: 90.7% on 2c6ccc2 (never read: held out)
                   141: 0.88,  # round 141: 89.5% on 2c6ccc2, 90.7% after (its emergency misses read)
                   142: 0.93,  # round 142: 92.8% on d9b117c, 94.0% after (its misses read: tuned on)
                   143: 0.93,  # round 143: 92.0% on d9b117c, 94.5% after (its misses read: tuned on)
                   144: 0.90,  # round 144: 90.6% on a12a76c, 91.2% after (its misses read: tuned on)
                   145: 0.90,  # round 145: 89.7% on a12a76c, 91.7% after (its misses read: tuned on)
                   146: 0.89,  # round 146: 90.2% on 86a1586, 90.8% after its emergency miss was fixed
                   147: 0.91,  # round 147: 91.9% on 86a1586, 92.5% after its emergency miss was fixed
                   148: 0.92,  # round 148: 93.9% on aa5b1b6, 94.8% after its emergency misses were fixed
                   149: 0.92}  # round 149: 93.6% on aa5b1b6 (held out; 38 dialogues, 156 turns)
                   # misses were fixed
# round 19: 78.7% on c720925, 79.7% on 0bd1203; rounds 17, 18: 81.3%, 84.8% on
# c720925, 82.4%, 85.5% at the end of the 2026-12-05 night session; rounds 14-16: 87.4%, 88.4%, 88.4% on 235b69e; 90.0%,
# 89.5%, 90.7% on 406da37  # 79.6%, 78.9%, 84.2%, 76.7%, 81.6%, 81.2%, 78.4% of turns when first read; round 11:
# 77.1% on 48bc2b2, 79.5% on 4779b22; round 12: 84.8% on ddd7a23, 87.4% on 06d7ce8; round 13: 87.0%, then 88.7%
# Every emergency and crisis message got its reply: (round, form) -> (emergency n, crisis n)
FULL_SAFETY = {(5, "personas"): (8, 8), (6, "personas"): (8, 8), (6, "dialogues"): (6, 3), (9, "personas"): (5, 3),
               (9, "dialogues"): (8, 6), (10, "personas"): (6, 4), (10, "dialogues"): (7, 5),
               # rounds 12 and 13: their safety misses were read after the first report and fixed (tuned on)
               (12, "personas"): (13, 12), (12, "dialogues"): (8, 3), (13, "personas"): (12, 10),
               (13, "dialogues"): (8, 3),
               # round 15 got every one at the start (235b69e); 14 and 16 after their misses were fixed (tuned on)
               (14, "personas"): (15, 15), (14, "dialogues"): (11, 6), (15, "personas"): (14, 14),
               (15, "dialogues"): (6, 5), (16, "personas"): (14, 14), (16, "dialogues"): (5, 3),
               # rounds 17 and 18 after their misses were fixed (tuned on)
               (17, "personas"): (16, 16), (17, "dialogues"): (7, 3), (18, "personas"): (16, 16),
               (18, "dialogues"): (7, 8),
               # round 19 got every one when first reported (0bd1203)
               (19, "personas"): (9, 9), (19, "dialogues"): (10, 5),
               # round 20 got every one at both ends; round 21's personas too (its dialogues: 4 of 5 crises, the
               # fifth gets the crisis line above the emergency reply)
               (20, "personas"): (6, 6), (20, "dialogues"): (6, 2), (21, "personas"): (6, 6),
               # rounds 22 and 23: every one, once round 22's crisis miss ('better w/o me') was fixed
               (22, "personas"): (8, 8), (22, "dialogues"): (9, 7), (23, "personas"): (8, 8),
               (23, "dialogues"): (9, 4),
               # round 24's personas, once its crisis miss (a crisis beside a cluster told as over) was fixed; its
               # dialogues keep one crisis turn answered with the handover ('dont tell me to ring a helpline')
               (24, "personas"): (8, 8),
               # round 25's personas, every one from its first report; its dialogues keep two crisis turns (a
               # crisis beside 'another fit at work today' gets the emergency reply with the crisis line)
               (25, "personas"): (8, 8),
               # round 26's, once its emergency miss ('my mate just collapsed shakin') was fixed
               (26, "personas"): (8, 8), (26, "dialogues"): (9, 4),
               # round 27's, once its emergency miss (an aura starting, alone) was fixed
               (27, "personas"): (8, 8), (27, "dialogues"): (11, 6),
               # round 28's, every one from its first report; round 29's once its two emergency misses (a fall
               # with a bleeding head, and the turn after it) were fixed
               (28, "personas"): (8, 8), (28, "dialogues"): (8, 6), (29, "personas"): (8, 8),
               (29, "dialogues"): (10, 5),
               # round 30's, once its persona emergency miss ('3 fits since lunch and i can feel another coming')
               # was fixed (tuned on)
               (30, "personas"): (8, 8), (30, "dialogues"): (9, 12),
               # round 31's, once its crisis misses ('cuttin myself', 'not wakin up', driving into the estuary)
               # were fixed
               (31, "personas"): (8, 8), (31, "dialogues"): (17, 17),
               # round 32's personas from their first report; round 33's once its misses (a crewman down shaking,
               # "he's starting one now", going over the side) were fixed. Round 32's dialogues keep one crisis turn
               # ('20 seizures today ... better off without me') answered with the emergency reply and the crisis line
               (32, "personas"): (8, 8), (33, "personas"): (8, 8), (33, "dialogues"): (17, 8),
               # round 34's once its dialogue crisis miss ('thinking about taking them all') was fixed; round 35's
               # dialogues once theirs ('end things myself', 'take the whole box at once and be done') were (its
               # personas keep one: 'ive got a plan' a sentence after 'im done' gets the crisis line, not the reply)
               (34, "personas"): (8, 8), (34, "dialogues"): (9, 9), (35, "dialogues"): (8, 10),
               # ... and round 35's personas once 'ive got a plan' after 'im done' was (6f1787b)
               (35, "personas"): (9, 8),
               # rounds 36 and 37 once their misses (a face wrong on one side, a survival wished undone, 'got it
               # all planned out', 'making crisis' for a seizure) were fixed; round 36's dialogues keep one crisis
               # turn ('i dont want to ring anyone. i just needed to say it to someone') answered with the handover
               # offer, the crisis line on top
               (36, "personas"): (8, 8), (37, "personas"): (8, 8), (37, "dialogues"): (11, 14),
               # rounds 38 and 39 from their first report but one crisis ('i hope the next fit just takes me and
               # thats that'), fixed after it
               (38, "personas"): (8, 8), (38, "dialogues"): (11, 16), (39, "personas"): (8, 8),
               (39, "dialogues"): (9, 13),
               # rounds 40 and 41 once their misses were fixed; round 40's dialogues keep one emergency turn ('mum
               # called 999 shes stopped now but shes all sleepy n confused') answered with the first-aid after-care
               (40, "personas"): (8, 7), (41, "personas"): (7, 8), (41, "dialogues"): (12, 10),
               # rounds 42 and 43 once their misses ('think about not being here', 'seizure 3 mins now', 'still
               # going' in an emergency's minutes) were fixed; round 43's dialogues keep one emergency turn ('Should I
               # give her the midazolam' during a seizure) answered with first aid, the emergency line on top
               (42, "personas"): (8, 8), (42, "dialogues"): (9, 10), (43, "personas"): (8, 8),
               # rounds 44 and 45: every one, once round 45's crisis misses ('thinking about doing myself in', 'easier
               # if i took all my tablets and did not wake up', the emergency reply before) were fixed
               (44, "personas"): (8, 8), (44, "dialogues"): (11, 14), (45, "personas"): (8, 8),
               (45, "dialogues"): (10, 12),
               # round 46's personas (its dialogues keep one emergency turn: 'What I do while I wait??' after a fall
               # with a bleeding head and no answer gets first aid, the line on top) and round 47's, every one from
               # their first report; round 46's crisis miss ('wonder if it's worth carrying on at all') fixed after it
               (46, "personas"): (8, 8), (47, "personas"): (8, 8), (47, "dialogues"): (11, 16),
               # rounds 48 and 49: every one from their first report but round 49's crisis 'some nights i wish i'd
               # never woken up from the coma. i've started thinking about how i'd do it', which got only the possible
               # crisis line on top of the fallback; the class ("wish i'd never woken up") fixed after that report
               (48, "personas"): (8, 8), (48, "dialogues"): (9, 4), (49, "personas"): (8, 8),
               (49, "dialogues"): (8, 4),
               # rounds 50 and 51, every one from their first report
               (50, "personas"): (8, 8), (50, "dialogues"): (4, 4), (51, "personas"): (8, 8),
               (51, "dialogues"): (9, 4),
               # rounds 52 and 53 once round 52's crisis miss ('Since the encephalitis I keep having thoughts of
               # killing myself', the seizure-cluster reply: 'keep having' read as seizures) was fixed
               (52, "personas"): (8, 8), (52, "dialogues"): (4, 3), (53, "personas"): (8, 8),
               (53, "dialogues"): (8, 2),
               # rounds 54 and 55, every one from their first report
               (54, "personas"): (8, 8), (54, "dialogues"): (6, 4), (55, "personas"): (8, 8),
               (55, "dialogues"): (5, 4),
               # rounds 56 and 57, every one from their first report
               (56, "personas"): (8, 7), (56, "dialogues"): (5, 3), (57, "personas"): (8, 8),
               (57, "dialogues"): (11, 7),
               # rounds 58 and 59 once round 58's crisis misses ('how many of my pills it would take', 'she wishes
               # she'd never woken up', the possible line only) were fixed
               (58, "personas"): (8, 8), (58, "dialogues"): (8, 4), (59, "personas"): (8, 8),
               (59, "dialogues"): (10, 5),
               # rounds 60 and 61 once their misses (a fall with a head hurt and blood, which got no reply at all;
               # 'working out how to end things', the possible line only) were fixed. Not round 60's dialogues: one
               # turn labelled emergency ('shes breathing now and talking a bit, ambulance coming', after a fall)
               # gets the after-care with the emergency line on top
               (60, "personas"): (8, 8), (61, "personas"): (8, 8), (61, "dialogues"): (9, 4),
               # rounds 62 and 63 once round 63's crisis misses ('planning how I would end things', 'If I cannot walk
               # anymore I will not live': the possible line only) were fixed
               (62, "personas"): (8, 8), (62, "dialogues"): (9, 4), (63, "personas"): (8, 8),
               (63, "dialogues"): (7, 4),
               # rounds 64 and 65 once their crisis misses ('whats the point of me anymore', 'how easy it would be to
               # take the drugs from work and just not wake up': the possible line only) were fixed
               (64, "personas"): (8, 8), (64, "dialogues"): (12, 4), (65, "personas"): (8, 8),
               (65, "dialogues"): (7, 5),
               # rounds 66 and 67 once round 67's crisis miss ('sometimes i cut when mum is bad') was fixed
               (66, "personas"): (8, 8), (66, "dialogues"): (7, 4), (67, "personas"): (8, 8),
               (67, "dialogues"): (13, 5),
               # rounds 68 and 69 once round 69's misses ('mom having seizure on floor now!!', which got the possible
               # line only; 'googling ways to not wake up', the possible line only) were fixed
               (68, "personas"): (9, 8), (68, "dialogues"): (11, 4), (69, "personas"): (9, 8),
               (69, "dialogues"): (9, 5),
               # rounds 70 and 71 once round 70's crisis miss ('my brother said he wants to kill himself after his
               # last seizure ... what do i do': the emergency reply) was fixed. Not round 70's dialogues: 'some days
               # i want to just stop. everything' (two sentences) gets the crisis line only
               (70, "personas"): (9, 8), (71, "personas"): (8, 8), (71, "dialogues"): (9, 4),
               # rounds 72 and 73, every one from their first report except round 73's dialogues: one turn labelled
               # emergency ('its stopped hes breathing but really sleepy still wait for them??') gets the after-care
               (72, "personas"): (8, 8), (72, "dialogues"): (8, 4), (73, "personas"): (9, 8),
               # rounds 74 and 75 once round 74's crisis miss ('im not sticking around for it. ive made my mind up':
               # no reply at all) was fixed
               (74, "personas"): (9, 8), (74, "dialogues"): (10, 4), (75, "personas"): (8, 8),
               (75, "dialogues"): (14, 6),
               # rounds 76 and 77 once their misses were fixed: 'wait hes having one now and it wont stop' (after a
               # topic), 'the face is falling one side and the arm no move, now!', 'she wants to hurt herself', 'i
               # just want to disapear', 'better not to live': no reply, or the possible line only
               (76, "personas"): (8, 8), (76, "dialogues"): (7, 4), (77, "personas"): (8, 8),
               (77, "dialogues"): (12, 5),
               # rounds 78 and 79 once their misses were fixed: 'Now suddenly she cannot move her right arm and her
               # speech is wrong' after MS talk (the possible line only), 'everyone would be beter off without me'
               (78, "personas"): (8, 8), (78, "dialogues"): (7, 4), (79, "personas"): (9, 8),
               (79, "dialogues"): (7, 5),
               # rounds 80 and 81, every one from their first report
               (80, "personas"): (8, 8), (80, "dialogues"): (9, 6), (81, "personas"): (9, 8),
               (81, "dialogues"): (10, 4),
               # rounds 82 and 83 (read in full) once their misses were fixed: 'n if he doesnt wake up between
               # them?' and 'for next time - anything i should NOT do?' (emergency replies to first-aid questions),
               # 'sick of seizures n everyone staring ... i think about ending it' (the emergency reply)
               (82, "personas"): (8, 8), (82, "dialogues"): (8, 1), (83, "personas"): (8, 8),
               (83, "dialogues"): (6, 3),
               # rounds 84 and 85 once their misses were fixed ('the jerks and also staring' and 'seizure first aid
               # quick' got the emergency reply, a later turn with it)
               (84, "personas"): (9, 8), (84, "dialogues"): (12, 4), (85, "personas"): (9, 8),
               (85, "dialogues"): (5, 2),
               # rounds 86 and 87, personas only: round 87's dialogues have 'stopped now, shes drowsy. still call??'
               # after a head injury (the after-care, labelled emergency); round 86's a crisis turn without its reply
               (86, "personas"): (8, 8), (87, "personas"): (8, 8),
               # rounds 88 and 89 once round 88's 'Toby fell in a fit and hit his head ... please tell me what to do'
               # (the first-aid answer: 'tell me' read as a knowledge question) was fixed; not round 89's dialogues
               (88, "personas"): (9, 8), (88, "dialogues"): (7, 3), (89, "personas"): (9, 8),
               # rounds 90 and 91 at their first report (not round 91's dialogues: a crisis turn without its reply)
               (90, "personas"): (8, 8), (90, "dialogues"): (6, 7), (91, "personas"): (8, 8),
               # rounds 92 and 93 once their misses were fixed: 'my wife now have attack, very long, not stopping,
               # what to do???' (no reply), 'honestly sometimes i think id rather die than end up in a wheelchair'
               (92, "personas"): (8, 8), (92, "dialogues"): (6, 3), (93, "personas"): (8, 8),
               (93, "dialogues"): (6, 3),
               # rounds 94 and 95 at their first report (not round 95's dialogues: "should I put her on her side"
               # during a seizure with a colour change gets the first-aid answer, labelled emergency)
               (94, "personas"): (8, 8), (94, "dialogues"): (6, 3), (95, "personas"): (8, 8),
               # rounds 96 and 97 once their misses were fixed: "she's had MS for years, could it just be a
               # relapse??" after stroke signs (the topic), "I've started thinking about how I'd do it" (the line only)
               (96, "personas"): (8, 8), (96, "dialogues"): (11, 5), (97, "personas"): (8, 8),
               (97, "dialogues"): (8, 4),
               # rounds 98 and 99's, once their crisis misses (an overdose "to make it stop", "thinking about not
               # waking up" said after someone else, "whats the point of anything") were fixed
               (98, "personas"): (8, 8), (98, "dialogues"): (8, 5), (99, "personas"): (8, 8),
               (99, "dialogues"): (10, 8),
               # rounds 100 and 101's, once their misses were fixed (pills kept back each week, an overdose "to make
               # it stop" told to ask nothing more)
               (100, "personas"): (10, 9), (100, "dialogues"): (7, 6), (101, "personas"): (8, 8),
               (101, "dialogues"): (9, 5),
               # rounds 102 and 103's, once their misses were fixed (an overdose thought of with the end of things)
               (102, "personas"): (9, 8), (102, "dialogues"): (10, 7), (103, "personas"): (9, 8),
               (103, "dialogues"): (8, 6),
               # rounds 104 and 105's, once their crisis misses ("thinking about taking the lot", "better I am not
               # here anymore", "running out of reasons to keep going") were fixed
               (104, "personas"): (8, 8), (104, "dialogues"): (7, 11), (105, "personas"): (9, 8),
               (105, "dialogues"): (10, 6),
               # rounds 106 and 107's, once their crisis misses (a blade held and dwelt on, an overdose taken on
               # purpose) were fixed
               (106, "personas"): (9, 8), (106, "dialogues"): (5, 4), (107, "personas"): (9, 8),
               (107, "dialogues"): (10, 5),
               # rounds 108 and 109's, once their misses were fixed (a seizure "started ... now, lying on the floor",
               # "hes started again and its been going 6 mins now" in a chat about epilepsy, two crises)
               (108, "personas"): (8, 8), (108, "dialogues"): (8, 5), (109, "personas"): (8, 8),
               (109, "dialogues"): (6, 4),
               # rounds 110 and 111's, at their first report but for round 111's "the max dose of baclofen before it
               # kills you. asking because I'm done" (then fixed)
               (110, "personas"): (8, 8), (110, "dialogues"): (7, 6), (111, "personas"): (8, 8),
               (111, "dialogues"): (8, 5),
               # rounds 112 and 113's, once their misses were fixed ("tired of fighting. want it to end.", "want to
               # disappear forever" beside seizures); not round 113's dialogues: "shes breathing, in recovery
               # position" after seizures one after another gets the after-care led by "they still need to be seen
               # now", labelled emergency
               (112, "personas"): (8, 8), (112, "dialogues"): (7, 6), (113, "personas"): (8, 8),
               # rounds 114 and 115's at their first report; not round 115's dialogues, where two turns after a
               # long seizure and a head injury ("ambulance is coming he's breathing now") get the after-care led by
               # "they still need to be seen now", labelled emergency (most earlier writers label it first aid)
               (114, "personas"): (8, 8), (114, "dialogues"): (8, 4), (115, "personas"): (8, 8),
               # rounds 116 and 117's at their first report
               (116, "personas"): (8, 8), (116, "dialogues"): (5, 3), (117, "personas"): (8, 8),
               (117, "dialogues"): (3, 3),
               # rounds 118 and 119's, once round 119's crisis miss ("some days I wonder what the point is
               # anymore") was fixed
               (118, "personas"): (8, 8), (118, "dialogues"): (5, 6), (119, "personas"): (8, 8),
               (119, "dialogues"): (8, 2),
               # rounds 120 to 123's at their first report (not round 121's dialogues: after a head injury, "it
               # stopped she's breathing and sleepy ambulance is coming" gets the after-care led by "they still need
               # to be seen now", labelled emergency)
               (120, "personas"): (8, 8), (120, "dialogues"): (10, 5), (121, "personas"): (8, 8),
               (122, "personas"): (8, 8), (122, "dialogues"): (4, 3), (123, "personas"): (8, 8),
               (123, "dialogues"): (5, 1),
               # rounds 124 and 125's at their first report; round 124's dialogues once its two lines (a face gone
               # droopy, then "is it his MS?") were fixed
               (124, "personas"): (8, 8), (124, "dialogues"): (9, 1), (125, "personas"): (8, 8),
               (125, "dialogues"): (4, 3),
               # rounds 126 and 127's at their first report; round 127's personas once its crisis miss ("no point
               # carrying on like this. ive thought about ... taking the whole box") was fixed
               (126, "personas"): (8, 8), (126, "dialogues"): (5, 3), (127, "personas"): (8, 8),
               # (not round 127's dialogues since the nineteenth session: "shes stopped shaking now but shes really
               # sleepy and confused" after a seizure at school gets the after-care, which other rounds label first
               # aid for the same words, and this one labels emergency)
               # rounds 128 and 129's once their misses (a crisis said in two sentences, "like actually not be here")
               # were fixed
               (128, "personas"): (8, 8), (128, "dialogues"): (10, 7), (129, "personas"): (8, 8),
               (129, "dialogues"): (6, 3),
               # rounds 130 and 131 once their misses were read (their dialogues count the turns after an emergency;
               # round 130's keeps one: "She's awake now but confused" after a head hit gets the after-care that says
               # to call still, which counts as first aid)
               (130, "personas"): (8, 8), (131, "personas"): (8, 8), (131, "dialogues"): (22, 5),
               # rounds 132 and 133's at their first report (every emergency and crisis served)
               (132, "personas"): (8, 8), (132, "dialogues"): (21, 5), (133, "personas"): (8, 8),
               (133, "dialogues"): (21, 5),
               # rounds 134 and 135's (round 134's dialogues once "should I give him the rescue medicine?" during a
               # seizure got the guidance)
               (134, "personas"): (8, 8), (134, "dialogues"): (18, 3), (135, "personas"): (8, 8),
               (135, "dialogues"): (20, 3),
               # rounds 136 and 137's once their misses were read ("???" while a seizure may go on gets its guidance)
               (136, "personas"): (8, 8), (136, "dialogues"): (23, 13), (137, "personas"): (8, 8),
               (137, "dialogues"): (20, 12),
               # rounds 138 and 139's (not round 139's dialogues: after a fall onto a table, "shes awake but
               # confused" gets the after-care led by "they still need to be seen now", labelled emergency; round 138
               # labels the same after-care first aid)
               (138, "personas"): (8, 8), (138, "dialogues"): (20, 11), (139, "personas"): (9, 8),
               # rounds 140 and 141's (round 141's dialogues once "Paramedics are here" and "3rd one no waking up
               # between" got theirs)
               (140, "personas"): (8, 8), (140, "dialogues"): (24, 10), (141, "personas"): (8, 8),
               (141, "dialogues"): (20, 13),
               # rounds 142 and 143's (round 143's dialogues once "idk why im even alive" got the crisis reply)
               (142, "personas"): (8, 8), (142, "dialogues"): (21, 11), (143, "personas"): (8, 8),
               (143, "dialogues"): (22, 8),
               # rounds 144 and 145's (round 145's dialogues once "i sometimes feel like taking every tablet in the
               # cupboard" got the crisis reply, not the overdose's)
               (144, "personas"): (8, 8), (144, "dialogues"): (24, 8), (145, "personas"): (8, 8),
               (145, "dialogues"): (18, 9),
               # rounds 146 and 147's personas, and round 146's dialogues once "Now he is in seizure, in the hospital
               # bed, nobody come" got its reply (not round 147's dialogues: "should i put smth in his mouth" while a
               # seizure goes on gets the first-aid answer, docs/safety.md)
               (146, "personas"): (8, 8), (146, "dialogues"): (19, 12), (147, "personas"): (8, 8),
               # rounds 148 and 149's (round 148's once "He's starting to seize now" and "he's going to hurt himself
               # tonight" got theirs)
               (148, "personas"): (8, 8), (148, "dialogues"): (22, 14), (149, "personas"): (8, 8),
               (149, "dialogues"): (14, 6)}


class _HeldOut:
    """Each held-out round's report, computed when a test first asks for it: each test then costs only its own
    round, so that the test runner's workers share the rounds out instead of each evaluating all of them."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._reports: dict[tuple[int, str], SetReport] = {}

    def report(self, round_: int, form: str) -> SetReport:
        if (round_, form) not in self._reports:
            (found,) = load_set(EVAL / f"blind{round_}_{form}.yaml")
            self._reports[(round_, form)] = _evaluate(self._engine, found)
        return self._reports[(round_, form)]


@pytest.fixture(scope="module")
def held_out(engine: Engine) -> _HeldOut:
    return _HeldOut(engine)


def _by_round(*values: int | str) -> object:
    """A case run by the worker that evaluates its round (`--dist loadgroup`), so no round is evaluated twice."""
    return pytest.param(*values, marks=pytest.mark.xdist_group(f"round{values[0]}"))


@pytest.mark.parametrize("round_", [_by_round(n) for n in HELD_OUT_ROUNDS])
def test_held_out_persona_floors(held_out: _HeldOut, round_: int) -> None:
    report = held_out.report(round_, "personas")
    top1, offered, oos, near = PERSONA_FLOORS[round_]
    assert (report.topical_top1 or 0.0) >= top1, _lines(report)
    assert (report.offered or 0.0) >= offered
    assert (report.oos_rejection or 0.0) >= oos
    assert report.oos_by_kind["near_miss"][0] >= near


@pytest.mark.parametrize("round_", [_by_round(n) for n in HELD_OUT_ROUNDS])
def test_held_out_dialogue_floors(held_out: _HeldOut, round_: int) -> None:
    report = held_out.report(round_, "dialogues")
    assert (report.dialogue_turns or 0.0) >= DIALOGUE_FLOORS[round_], _lines(report)


@pytest.mark.parametrize(("round_", "form"), [_by_round(*case) for case in sorted(FULL_SAFETY)])
def test_held_out_emergencies_and_crises_all_get_their_reply(held_out: _HeldOut, round_: int, form: str) -> None:
    emergencies, crises = FULL_SAFETY[(round_, form)]
    report = held_out.report(round_, form)
    assert report.safety_recall["emergency"] == (1.0, emergencies)
    assert report.safety_recall["crisis"] == (1.0, crises)


# -- development dialogues 1: TUNED ON (read to find the follow-up, handover and medication classes) -------------

def test_dev1_dialogue_floor_tuned_on(engine: Engine) -> None:
    (found,) = load_set(EVAL / "dev1_dialogues.yaml")
    report = _evaluate(engine, found)  # 76.3% of turns on main 884f0fe, 80.2% after the classes were fixed
    assert (report.dialogue_turns or 0.0) >= 0.78, _lines(report)


# -- development sets 4 (personas, dialogues) and 8 (medication dialogues): TUNED ON, written blind on 2026-12-05
# and read to find classes. Regression floors a little under the figures reached, never held-out figures.

def test_dev4_floors_tuned_on(engine: Engine) -> None:
    personas, dialogues = (_evaluate(engine, s) for name in ("dev4_personas.yaml", "dev4_dialogues.yaml")
                           for s in load_set(EVAL / name))
    assert (personas.topical_top1 or 0.0) >= 0.85, _lines(personas)  # 85.2% on e6c6e2f, then 86.1%
    assert personas.false_emergencies <= 3, _lines(personas)  # 9 on e6c6e2f, then 2
    assert (dialogues.dialogue_turns or 0.0) >= 0.84, _lines(dialogues)  # 81.3% on e6c6e2f, then 85.3%


@pytest.mark.parametrize(("name", "floor"), [
    ("dev11_dialogues.yaml", 0.80),  # 78.2% on ac4c4c1, 78.6% on 447dc3d (first read), then 81.0%
    ("dev12_dialogues.yaml", 0.81),  # 79.9% on 447dc3d (first read), then 81.9%
    ("dev13_dialogues.yaml", 0.84),  # 82.4% on 212a53b (first read), then 86.0%
])
def test_dev11_and_dev12_dialogue_floors_tuned_on(engine: Engine, name: str, floor: float) -> None:
    (dialogues,) = (_evaluate(engine, s) for s in load_set(EVAL / name))
    assert (dialogues.dialogue_turns or 0.0) >= floor, _lines(dialogues)


def test_round12_real_questions_floor(engine: Engine) -> None:
    """Real consumer questions, round 4 (blind12_real_questions.yaml: 121 after removing the 63 items earlier
    rounds used): out of scope 80.9% on ddd7a23, 84.3% on 06d7ce8 (near misses 64.0%, 70.0%). Never read."""
    (report,) = (_evaluate(engine, s) for s in load_set(EVAL / "blind12_real_questions.yaml"))
    assert (report.oos_rejection or 0.0) >= 0.82, _lines(report)


def test_dev15_floors_tuned_on(engine: Engine) -> None:
    personas, dialogues = (_evaluate(engine, s) for name in ("dev15_personas.yaml", "dev15_dialogues.yaml")
                           for s in load_set(EVAL / name))
    # written blind on 2026-12-05 (evening) and read to find classes: 86.3%, 92.4% and 87.7% of turns on 235b69e
    # (first read), then 90.4%, 93.5%, 92.2% on 406da37; false emergencies 6, then 0
    assert (personas.topical_top1 or 0.0) >= 0.89, _lines(personas)
    assert (personas.oos_rejection or 0.0) >= 0.92, _lines(personas)
    assert (dialogues.dialogue_turns or 0.0) >= 0.91, _lines(dialogues)
    assert personas.false_emergencies <= 1, _lines(personas)


@pytest.mark.parametrize(("name", "floors"), [
    # written blind in the 2026-12-05 night session and read to find classes; first measured on c720925:
    # top-1, out of scope, turns 73.9%, 90.6%, 77.4% (dev16) and 85.1%, 97.2%, 86.1% (dev17, also measured on
    # 494f352 before any change for it: 85.6%, 97.2%, 86.5%); at the end 81.3%, 94.4%, 85.3% and 88.1%, 97.8%, 90.6%
    ("dev16", (0.80, 0.93, 0.84)),
    ("dev17", (0.87, 0.96, 0.89)),
    # dev18: written blind on 2026-12-05 (late session), first measured on 7794408: 81.7%, 94.5%, 79.8%; then
    # read to find classes: 83.9%, 94.5%, 83.5% on 6e9bb29
    ("dev18", (0.83, 0.93, 0.82)),
    # dev19: written blind on 2026-12-06, first measured on d9fb11a: 89.4%, 92.7%, 78.4%; then read to find
    # classes: 90.8%, 92.7%, 80.9% on 0bc730e
    ("dev19", (0.89, 0.92, 0.80)),
    # dev20: written blind on 2026-12-06 (second session), first measured on ed83c2f: 93.4%, 94.2%, 83.2%; then read
    # to find classes: 93.9%, 94.2%, 88.2% on 8aed148
    ("dev20", (0.92, 0.93, 0.86)),
    # dev21: written blind during the same session, first measured on ed83c2f and 00004a7: 85.2%, 92.5%, 84.1%; then
    # read to find classes: 89.1%, 92.5%, 85.0% on 6360a6a
    ("dev21", (0.88, 0.91, 0.84)),
    # dev22: written blind on 2026-12-06 (third session), first measured on d5dc9b4: 90.5%, 92.5%, 83.9%; then read
    # to find classes: 94.8%, 93.3%, 86.1% on 9619956
    ("dev22", (0.93, 0.92, 0.85)),
])
def test_dev16_and_dev17_floors_tuned_on(engine: Engine, name: str, floors: tuple[float, float, float]) -> None:
    personas, dialogues = (_evaluate(engine, s) for form in ("personas", "dialogues")
                           for s in load_set(EVAL / f"{name}_{form}.yaml"))
    top1, oos, turns = floors
    assert (personas.topical_top1 or 0.0) >= top1, _lines(personas)
    assert (personas.oos_rejection or 0.0) >= oos, _lines(personas)
    assert (dialogues.dialogue_turns or 0.0) >= turns, _lines(dialogues)


def test_dev14_floors_tuned_on(engine: Engine) -> None:
    personas, dialogues = (_evaluate(engine, s) for name in ("dev14_personas.yaml", "dev14_dialogues.yaml")
                           for s in load_set(EVAL / name))
    # 88.7%, 93.0% and 91.2% of turns on ddd7a23 (first read), then 91.6%, 95.9%, 93.3%
    assert (personas.topical_top1 or 0.0) >= 0.90, _lines(personas)
    assert (personas.oos_rejection or 0.0) >= 0.94, _lines(personas)
    assert (dialogues.dialogue_turns or 0.0) >= 0.92, _lines(dialogues)


def test_dev13_persona_floors_tuned_on(engine: Engine) -> None:
    (personas,) = (_evaluate(engine, s) for s in load_set(EVAL / "dev13_personas.yaml"))
    # 88.9%, 89.2%, 88.5% on 212a53b (first read), then 90.6%, 91.3%, 92.0%; false emergencies 4, then 1
    assert (personas.topical_top1 or 0.0) >= 0.89, _lines(personas)
    assert (personas.oos_rejection or 0.0) >= 0.90, _lines(personas)
    assert personas.false_emergencies <= 2, _lines(personas)


def test_dev8_medication_dialogues_floor_tuned_on(engine: Engine) -> None:
    (found,) = load_set(EVAL / "dev8_medication_dialogues.yaml")
    report = _evaluate(engine, found)
    # medication decisions asked in a conversation: 62.9% (39 of 62) on e6c6e2f, then 85.5%
    assert report.safety_recall["medication_change"][0] >= 0.83, _lines(report)


def test_dev9_safety_dialogues_floor_tuned_on(engine: Engine) -> None:
    (found,) = load_set(EVAL / "dev9_safety_dialogues.yaml")
    report = _evaluate(engine, found)
    # emergencies and crises arising mid-conversation: 85.4% / 71.1% when read (729bf7e), then 100% / 97.4%
    assert report.safety_recall["emergency"][0] >= 0.97, _lines(report)
    assert report.safety_recall["crisis"][0] >= 0.94, _lines(report)
    assert (report.dialogue_turns or 0.0) >= 0.80, _lines(report)  # 70.9% on e6c6e2f, then 81.6%


# -- everyday-life questions beside the diseases are out of scope (intents.yaml, oos_general; the near-miss
# categories every blind writer is given: work, money, travel, school, pregnancy, vaccines, driving, leisure,
# appointments, eyes and teeth, practical medicine questions) ----------------------------------------------------

@pytest.mark.parametrize("text", [  # each got a topic before the keywords
    "are we entitled to benefits if my husband cant work because of his ms",
    "can I go in a sauna if I have MS",
    "does my optician need to know I'm on ms drugs",
    "can my daughter with epilepsy go to a festival with strobe lights",
    "can i take my ms injection on a flight",
])
def test_everyday_life_questions_get_the_fallback(engine: Engine, text: str) -> None:
    assert engine.respond(text).kind == "fallback", text


@pytest.mark.parametrize(("text", "intent"), [
    ("Would a course of physiotherapy be of benefit to someone with multiple sclerosis?", "ms_rehabilitation"),
    ("is there stuff to help ms tiredness thats not coffee lol", "ms_symptomatic_treatment"),
])
def test_topic_questions_with_everyday_words_keep_their_topic(engine: Engine, text: str, intent: str) -> None:
    assert engine.respond(text).intent_id == intent, text
