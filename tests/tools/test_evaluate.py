"""`python -m bot evaluate`: every set format, the figures per set, and ids intents.yaml does not have."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.knowledge import Library
from bot.core.engine import Engine
from tests.helpers import REPO
from tools.evalrun import evaluate_set
from tools.evalsets import SetError, load_set


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Library(REPO), "https://example.org")


def write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_single_messages_with_out_of_scope_kinds(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, """items:
  - {text: "what is multiple sclerosis", expect: ms_overview, persona: new}
  - {text: "ms medicines", expect: ms_dmt}
  - {text: "asdfghjkl", expect: out_of_scope, kind: gibberish}
  - {text: "what's the weather tomorrow", expect: out_of_scope, kind: far}
  - {text: "qué es la esclerosis múltiple", expect: out_of_scope, kind: other_language}
  - {text: "can i book a nurse appointment", expect: nurse_appointments}
""")
    (found,) = load_set(path)
    report = evaluate_set(engine, found)
    assert report.form == "items" and report.scored == 6
    assert report.topical_top1 == 1.0 and report.offered == 1.0 and report.n_topical == 2
    assert report.oos_rejection == 1.0 and set(report.oos_by_kind) == {"gibberish", "far", "other_language"}
    assert report.language_line == 1.0
    assert "nurse_appointments" in report.unknown_expected  # an id intents.yaml lacks is a miss, not a crash
    assert report.in_scope_accuracy == pytest.approx(2 / 3)
    assert report.confusions[0][0] == "nurse_appointments"


def test_an_emergency_reply_with_the_crisis_line_serves_a_crisis(engine: Engine, tmp_path: Path) -> None:
    # an overdose taken to end things: the poisons call first, the crisis line with it (tools.safety_eval agrees);
    # an overdose alone, labelled crisis, is no crisis served
    path = write(tmp_path, """items:
  - {text: "i took more pills than i should have tonight. i just wanted it to stop", expect: crisis}
  - {text: "i took more pills than i should have tonight", expect: crisis}
  - {text: "i took more pills than i should have tonight. i just wanted it to stop", expect: emergency}
""")
    (found,) = load_set(path)
    report = evaluate_set(engine, found)
    assert report.safety_recall["crisis"] == (0.5, 2)
    assert report.safety_recall["emergency"] == (1.0, 1)
    assert report.false_emergencies == 1  # the overdose with no crisis line, where a crisis was expected


def test_dialogues_carry_the_context_turn_to_turn(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, """dialogues:
  - persona: carer
    turns:
      - {text: "what is multiple sclerosis", expect: ms_overview}
      - {text: "is it inherited?", expect: ms_causes}
      - {text: "hmm", expect: out_of_scope}
""")
    (found,) = load_set(path)
    report = evaluate_set(engine, found)
    assert report.form == "dialogues" and report.scored == 3
    assert report.dialogue_turns == 1.0 and report.follow_up_accuracy == 1.0 and report.n_follow_up == 2
    assert report.baseline["follow_up_accuracy"] is not None  # the baseline reads each turn alone


def test_passages_by_index_or_first_words(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, """index_base: 1
items:
  - {text: "what is a relapse", intent: ms_relapsing_remitting, passages: [1]}
  - {text: "what is remission", intent: ms_relapsing_remitting, passages: ["In relapsing-remitting MS, a relapse is followed"]}
  - {text: "what are immunomodulators", intent: neuro_immune_treatments, passages: [3]}
""")
    (found,) = load_set(path)
    report = evaluate_set(engine, found)
    assert report.form == "passages" and report.n_passages == 3
    assert report.passage_given_intent == pytest.approx(2 / 3)  # the last label is deliberately wrong
    assert report.passage_accuracy == pytest.approx(2 / 3)


def test_the_development_set_format_is_still_read(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, """- text: what is ms
  intent: ms_overview
- turns: ["what is ms", "and what about treatment?"]
  intent: ms_dmt
- text: ms word keeps crashing
  intent: null
  tags: [oos, overlap]
""")
    (found,) = load_set(path)
    report = evaluate_set(engine, found)
    assert report.form == "devset" and report.scored == 3 and report.in_scope_accuracy == 1.0
    assert report.oos_by_kind == {"near_miss": (1.0, 1)} and report.n_follow_up == 1


def test_a_file_with_items_and_dialogues_is_two_sets(tmp_path: Path) -> None:
    path = write(tmp_path, """items: [{text: hi, expect: greeting}]
dialogues: [{persona: p, turns: [{text: hi, expect: greeting}]}]
""")
    assert [s.form for s in load_set(path)] == ["items", "dialogues"]


def test_a_broken_set_is_named(tmp_path: Path) -> None:
    with pytest.raises(SetError, match="items\\[1\\] needs a text"):
        load_set(write(tmp_path, "items: [{expect: ms_overview}]"))


def test_the_command_prints_every_set_beside_the_baseline(tmp_path: Path) -> None:
    one = write(tmp_path, "items: [{text: what is ms, expect: ms_overview}]", "one.yaml")
    two = write(tmp_path, "dialogues: [{persona: p, turns: [{text: what is ms, expect: ms_overview}]}]", "two.yaml")
    done = subprocess.run([sys.executable, "-m", "bot", "evaluate", "--set", str(one), "--set", str(two)],
                          capture_output=True, text=True, cwd=REPO, check=False)
    assert "== one.yaml" in done.stdout and "== two.yaml" in done.stdout
    assert "BM25" in done.stdout and "Commonest confusions" in done.stdout
    as_json = subprocess.run([sys.executable, "-m", "bot", "evaluate", "--json", "--set", str(one)],
                             capture_output=True, text=True, cwd=REPO, check=False)
    assert json.loads(as_json.stdout)["sets"][0]["topical_top1"] == 1.0


def test_a_blind_report_shows_figures_and_no_message(tmp_path: Path) -> None:
    """A held-out set's report must not show its messages: whoever reads them could tune on them."""
    secret = "zanzibar quokka wondering about ms"  # a message no one should see in the report
    one = write(tmp_path, f"items: [{{text: {secret}, expect: ms_overview}}, {{text: what is ms, expect: ms_causes}}]",
                "one.yaml")
    for extra in ([], ["--json"]):
        done = subprocess.run([sys.executable, "-m", "bot", "evaluate", "--blind", *extra, "--set", str(one)],
                              capture_output=True, text=True, cwd=REPO, check=False)
        assert done.stdout and "zanzibar" not in done.stdout and "what is ms" not in done.stdout, done.stdout
    plain = subprocess.run([sys.executable, "-m", "bot", "evaluate", "--set", str(one)],
                           capture_output=True, text=True, cwd=REPO, check=False)
    assert "what is ms" in plain.stdout  # without --blind the confusions show an example
    refused = subprocess.run([sys.executable, "-m", "bot", "evaluate", "--blind", "--mistakes", "--set", str(one)],
                             capture_output=True, text=True, cwd=REPO, check=False)
    assert refused.returncode == 2 and "--mistakes" in refused.stderr
