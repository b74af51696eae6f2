"""tools/train_topic_net.py learns from the tuned sets only: the held-out rounds stay figures on unseen words."""

import re

from tests.test_quality import HELD_OUT_ROUNDS
from tools.train_topic_net import TUNED_ROUNDS, set_items, tuned_sets


def test_no_held_out_round_is_trained_on() -> None:
    held_out = set(HELD_OUT_ROUNDS) - set(TUNED_ROUNDS)
    assert {33, 34, 35} <= held_out  # the held-out rounds written this session: never in the net
    for path in tuned_sets():
        found = re.match(r"^blind(\d+)_", path.name)
        assert not (found and int(found.group(1)) in held_out), path.name
        assert not path.name.startswith(("safety_", "holdout")), path.name


def test_a_dialogue_gives_its_first_turn_and_its_out_of_scope_turns() -> None:
    tree = {"dialogues": [{"turns": [{"text": "what is ms", "expect": "ms_overview"},
                                     {"text": "and for kids?", "expect": "ms_overview"},
                                     {"text": "can i claim benefits", "expect": "out_of_scope"}]}]}
    assert set_items(tree) == [("what is ms", "ms_overview"), ("can i claim benefits", "out_of_scope")]


def test_a_file_with_items_and_dialogues_gives_both() -> None:
    """blind1_quality_oos_dialogues.yaml and devset_personas.yaml hold both: neither half is left out."""
    tree = {"items": [{"text": "is it safe to drive", "expect": "out_of_scope"}],
            "dialogues": [{"turns": [{"text": "what is ms", "expect": "ms_overview"}]}]}
    assert sorted(set_items(tree)) == [("is it safe to drive", "out_of_scope"), ("what is ms", "ms_overview")]


def test_the_follow_up_net_learns_from_the_tuned_sets_only() -> None:
    """tools/train_followup_net.py learns from the tuned sets' dialogues and nothing else: no held-out round."""
    from tools import train_followup_net

    texts, labels, groups = train_followup_net.load()
    assert texts and len(texts) == len(labels) == len(groups)
    held_out = set(HELD_OUT_ROUNDS) - set(TUNED_ROUNDS)
    rounds = {int(found.group(1)) for g in groups if (found := re.fullmatch(r"blind(\d+)", g))}
    assert rounds and rounds.isdisjoint(held_out), sorted(rounds & held_out)
    assert set(labels) == {train_followup_net.CONTINUES, train_followup_net.OTHER}
