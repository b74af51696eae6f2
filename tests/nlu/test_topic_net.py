"""The topic net: the pure-Python reader gives what the training tool's model gave, in bounded work."""

import math
import pickle
from array import array

import pytest

from bot.nlu import topic_net
from bot.nlu.message import Message
from bot.nlu.ngrams import char_grams
from bot.nlu.topic_net import (
    DENSE_FROM,
    FOLLOW_UP_PATH,
    MAX_WORDS,
    MODEL_PATH,
    OUT_OF_SCOPE,
    TopicNet,
    feature_key,
    gram_keys,
    load_follow_up_net,
    load_net,
    message_words,
    references,
)


@pytest.fixture(scope="module")
def net() -> TopicNet:
    found = load_net()
    assert found is not None, f"{MODEL_PATH} is missing: python tools/train_topic_net.py writes it"
    return found


@pytest.mark.parametrize(("text", "expected"), references())
def test_probabilities_match_the_training_tools(net: TopicNet, text: str, expected: dict[str, float]) -> None:
    """The exported reference probabilities (scikit-learn's transform, the pruned weights) are what the run time
    computes from the table: one definition of the features and of the sum."""
    got = net.probabilities(Message(text))
    for label, p in expected.items():
        assert got[label] == pytest.approx(p, abs=2e-4), (text, label)
    assert sum(got.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(("text", "expected"), references(FOLLOW_UP_PATH))
def test_the_follow_up_net_gives_what_its_training_tool_gave(text: str, expected: dict[str, float]) -> None:
    """The follow-up net (tools/train_followup_net.py) is the same reader with another model: two labels, its
    probabilities kept on the message apart from the topic net's."""
    follow_up = load_follow_up_net()
    assert follow_up is not None and follow_up.labels == ("other", "continues")
    message = Message(text)
    got = follow_up.probabilities(message)
    for label, p in expected.items():
        assert got[label] == pytest.approx(p, abs=2e-4), (text, label)
    assert set(load_net().probabilities(message)) != set(got)  # each net's reading under its own name
    assert pickle.loads(pickle.dumps(follow_up)) is follow_up


def test_labels_are_intents_and_out_of_scope(net: TopicNet) -> None:
    assert OUT_OF_SCOPE in net.labels and "ms_dmt" in net.labels and len(set(net.labels)) == len(net.labels)


@pytest.mark.parametrize(("text", "topic"), [("could my stomach bugs be messing with my mood", "gut_brain_axis"),
                                             ("why do the tablets just bounce off his brain", "refractory_drug_resistance")])
def test_a_paraphrase_with_none_of_the_keywords_is_read(net: TopicNet, text: str, topic: str) -> None:
    best, p = net.best(Message(text), lambda _: True)
    assert best == topic and p > 0.9


def test_a_label_no_longer_in_the_intents_is_passed_over(net: TopicNet) -> None:
    message = Message("could my stomach bugs be messing with my mood")
    best, _ = net.best(message, lambda label: label != "gut_brain_axis")
    assert best != "gut_brain_axis"
    assert net.best(message, lambda _: False)[0] == OUT_OF_SCOPE


def test_bounded_work_on_a_huge_message(net: TopicNet) -> None:
    """A message of any length is read up to its first MAX_WORDS words."""
    words = message_words(Message("seizure " * 50_000))
    assert len(words) <= MAX_WORDS
    assert net.probabilities_of_words(("x",) * (MAX_WORDS * 3)) == net.probabilities_of_words(("x",) * MAX_WORDS)


def test_empty_and_unknown_words_give_a_distribution(net: TopicNet) -> None:
    for words in [(), ("qzxv",), ("🙂",)]:
        assert sum(net.probabilities_of_words(words).values()) == pytest.approx(1.0)


def test_the_shipped_model_pickles_as_a_reference(net: TopicNet) -> None:
    """A snapshot carries the shipped net as a reference (each process reads the file once, a reload copies
    nothing); any other net carries its table."""
    assert len(pickle.dumps(net)) < 200
    assert pickle.loads(pickle.dumps(net)) is net
    other = TopicNet.from_table(("a", OUT_OF_SCOPE), (0.0, 1.0), {"w:x": ((0, 5.0),)})
    copied = pickle.loads(pickle.dumps(other))
    assert copied is not other and copied.probabilities_of_words(("x",))["a"] > 0.9


def test_no_model_file_means_no_net(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(topic_net, "MODEL_PATH", tmp_path / "missing.json")
    load_net.cache_clear()
    try:
        assert load_net() is None
    finally:
        monkeypatch.undo()
        load_net.cache_clear()


def test_arrays_that_do_not_fit_together_are_refused() -> None:
    with pytest.raises(ValueError):  # two offsets for one feature's three weights
        TopicNet(("a",), (0.0,), array("Q", [1]), array("I", [0, 2]), array("B", [0]), array("f", [1.0]))
    with pytest.raises(ValueError):  # keys out of order: the look-up is a binary search
        TopicNet(("a",), (0.0,), array("Q", [2, 1]), array("I", [0, 1, 2]), array("B", [0, 0]), array("f", [1, 1]))
    with pytest.raises(ValueError):  # a weight for a label it does not have
        TopicNet.from_table(("a",), (0.0,), {"w:x": ((3, 1.0),)})


def test_a_feature_is_found_by_its_key_and_an_unknown_one_adds_nothing() -> None:
    net = TopicNet.from_table(("a", "b"), (0.0, 0.0), {"w:x": ((0, 5.0),), "w:y": ((1, 4.0), (0, -1.0))})
    assert feature_key("w:x") != feature_key("w:y")
    assert net.probabilities_of_words(("x",))["a"] > 0.9
    assert net.probabilities_of_words(("y",))["b"] > 0.9
    assert net.probabilities_of_words(("zzz",)) == {"a": 0.5, "b": 0.5}


def test_a_feature_kept_as_a_full_row_adds_what_its_weights_say() -> None:
    """A feature weighing on many labels is summed from its full row, the others weight by weight: the two ways add
    the same, and a row's zeros (labels it has no weight for) add nothing."""
    width = DENSE_FROM + 3
    labels = tuple(f"t{k}" for k in range(width))
    many = tuple((k, 0.25 * k) for k in range(1, DENSE_FROM + 1))  # no weight for label 0 or the last two
    net = TopicNet.from_table(labels, (0.0,) * width, {"w:x": many, "w:y": ((0, 1.5), (width - 1, -0.5))})
    assert net._row_of[net._index(feature_key("w:x"))] >= 0 and net._row_of[net._index(feature_key("w:y"))] < 0
    scores = [0.0] * width
    for k, w in (*many, (0, 1.5), (width - 1, -0.5)):
        scores[k] += w / 2 ** 0.5  # two words: the sum is divided by the square root of their count
    whole = sum(math.exp(s) for s in scores)
    got = net.probabilities_of_words(("x", "y"))
    assert got == pytest.approx({label: math.exp(s) / whole for label, s in zip(labels, scores, strict=True)})


@pytest.mark.parametrize("word", ["ms", "seizures", "naïve", "日本語", "a" * 40, "x"])
def test_gram_keys_are_the_keys_of_the_character_grams(word: str) -> None:
    assert gram_keys(word) == [feature_key(gram) for gram in char_grams(word)]
