"""The crisis second net: it adds the possible-tier crisis line where the rules read nothing, never more."""

import json

import pytest

from bot.content.knowledge import Library
from bot.core import texts
from bot.core.engine import Engine
from bot.nlu.message import Message
from bot.nlu.normalise import MAX_SAFETY_CHARS
from bot.nlu.safety import NET_CRITERION, SafetyCheck
from bot.nlu.safety_net import MAX_WORDS, MODEL_PATH, CrisisNet, features, load_net, message_words, references
from tests.helpers import REPO

BASE = "https://content.example/articles"
CHECK = SafetyCheck()

# Indirect wishes to die, passive ideation and a plan, in our own words: the concept rules read none of them
INDIRECT = [
    "honestly i wish i could just go to sleep and not have to wake up to any of this",
    "how many of my tablets would be enough to not wake up",
    "nobody would even notice if i stopped existing",
    "wish i could just fade away and be done with it",
    "tonight feels like the night i finally let go",
]
# Sad, tired, fed up: no wish to die
CALM_SAD = [
    "so tired of this illness",
    "this fatigue is killing me",
    "i am so fed up with these seizures today",
    "ms is wearing me down, feeling low this week",
    "feeling really down about my diagnosis",
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Library(REPO), BASE)


def always_firing() -> CrisisNet:
    net = load_net()
    return CrisisNet(net.idf, net.weight, net.intercept, 0.0)


@pytest.mark.parametrize("text", INDIRECT)
def test_indirect_crisis_gets_the_crisis_line_on_top_of_the_answer(engine: Engine, text: str) -> None:
    flag = CHECK.check(Message(text))
    assert flag is not None and (flag.kind, flag.tier, flag.criterion) == ("crisis", "possible", NET_CRITERION)
    turn = engine.respond(text)
    assert turn.kind != "crisis"  # not the crisis reply alone: the net is never certain
    assert turn.reply.alert.startswith(texts.LINE_CRISIS), turn.reply.alert


@pytest.mark.parametrize("text", CALM_SAD)
def test_calm_sad_messages_get_no_crisis_line(engine: Engine, text: str) -> None:
    assert CHECK.check(Message(text)) is None
    assert texts.LINE_CRISIS not in engine.respond(text).reply.alert
    assert CHECK.net.probability(Message(text)) < CHECK.net.fires_at


def test_the_net_never_changes_a_rules_verdict() -> None:
    """A net that fires on everything: the rules' certain and possible verdicts stay as they were; only where the
    rules found nothing does it add a possible crisis flag."""
    check = SafetyCheck()
    check.net = always_firing()
    for text, verdict in [("i want to kill myself", ("crisis", "certain", "active_ideation")),
                          ("my son is seizing and not breathing", ("emergency", "certain", "breathing_colour")),
                          ("can i stop my ocrelizumab", ("medication_change", "certain", "med_change")),
                          ("my husband had a seizure", ("emergency", "possible", "seizure_now"))]:
        flag = check.check(Message(text))
        assert flag is not None and (flag.kind, flag.tier, flag.criterion) == verdict, text
        assert not flag.crisis_too
    added = check.check(Message("what is multiple sclerosis"))
    assert added is not None and (added.kind, added.tier, added.criterion) == ("crisis", "possible", NET_CRITERION)
    # A risk named to deny it, or a joke: quiet, as the rules are
    assert check.check(Message("im not suicidal, just having a hard week")) is None


def test_pure_python_probabilities_equal_scikit_learns() -> None:
    """The model file keeps probabilities scikit-learn gave at training time; the pure-Python reader agrees."""
    pairs = list(references())
    assert len(pairs) >= 20 and any(p >= 0.5 for _, p in pairs) and any(p < 0.5 for _, p in pairs)
    net = load_net()
    for text, expected in pairs:
        assert net.probability(Message(text)) == pytest.approx(expected, abs=1e-5), text


def test_the_model_is_small_and_its_threshold_came_from_cross_validation() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert len(data["features"]) < 8000
    point = data["cv"]["operating_points"]["0.01"]
    assert data["threshold"] == point["threshold"] and point["fpr"] <= 0.01


def test_work_is_bounded_on_4096_characters() -> None:
    """However long the message, the net reads at most MAX_WORDS words of the first 4,096 characters, and the
    features per word are capped (a 24-character word gives as many as a 5,000-character one)."""
    long = Message(("i want it all to stop " * 400)[:MAX_SAFETY_CHARS + 500])
    words = message_words(long)
    assert len(words) <= MAX_WORDS
    assert len(features(words)) <= MAX_WORDS * (2 + 3 * 27)
    word = message_words(Message("abcdefghijklmnopqrstuvwxyz" * 160))[0]
    assert len(word) > 24 and len(features((word,))) == len(features((word[:24],)))
    assert 0.0 <= load_net().probability(long) <= 1.0
    assert message_words(Message("a " * 3000)) == ("a",) * MAX_WORDS
