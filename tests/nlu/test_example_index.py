"""bot/nlu/example_index.py: BM25 coverage of a message by each intent's examples, label and section text."""

from __future__ import annotations

from bot.nlu.example_index import COMMON_MIN, FIELD_WEIGHTS, MIN_EVIDENCE, Document, ExampleIndex


def one(*words: str) -> list[tuple[str, float]]:
    """A message word given as itself, fully similar."""
    return [(word, 1.0) for word in words]


DOCS = [
    Document(examples=[["gut", "brain", "link"]], labels=[["gut", "brain"]]),
    Document(examples=[["ms", "fatigue", "tired"]], labels=[["fatigue"]], texts=[["tired", "tired", "rest"]]),
    Document(examples=[["seizure", "first", "aid"]], labels=[["first", "aid"]]),
]


def test_frequencies_weigh_examples_and_labels_once_each_and_text_per_word() -> None:
    counts = DOCS[1].frequencies()
    assert counts["fatigue"] == FIELD_WEIGHTS["example"] + FIELD_WEIGHTS["label"]
    assert counts["tired"] == FIELD_WEIGHTS["example"] + 2 * FIELD_WEIGHTS["text"]
    assert Document(examples=[["a", "a"]]).frequencies()["a"] == FIELD_WEIGHTS["example"]


def test_the_intent_that_explains_the_message_covers_it_most() -> None:
    index = ExampleIndex(DOCS)
    scores = index.coverage([one("gut"), one("brain"), one("link")])
    assert max(scores, key=scores.__getitem__) == 0
    assert 0.0 < scores[0] <= 1.0 and 1 not in scores
    assert index.coverage([one("fatigue"), one("tired")])[1] > index.coverage([one("fatigue"), one("zebra")])[1]


def test_rare_words_weigh_more_and_unknown_words_most() -> None:
    index = ExampleIndex([*DOCS, Document(examples=[["brain", "fog"]])])
    assert index.idf_of("brain") < index.idf_of("fog")  # in two documents, in one
    assert index.idf_of("never-seen") == index.max_idf


def test_one_word_is_weak_evidence() -> None:
    index = ExampleIndex(DOCS)
    lone = index.coverage([one("rest")])[1]  # one text word, however well it fits
    assert lone < index.idf_of("rest") / MIN_EVIDENCE + 1e-6 and lone < 1.0


def test_a_typo_neighbour_counts_by_its_similarity() -> None:
    index = ExampleIndex(DOCS)
    exact = index.coverage([one("seizure"), one("aid")])[2]
    typo = index.coverage([[("seizure", 0.5)], one("aid")])[2]
    assert typo < exact


def test_common_words_are_kept_as_bits_and_counted_only_where_others_reached() -> None:
    many = [Document(examples=[["common", f"rare{n}"]]) for n in range(COMMON_MIN + 10)]
    index = ExampleIndex(many)
    assert len(index) == len(many)  # the rare words' postings only: "common" is a bit per document
    alone = index.coverage([one("common")])
    assert alone == {}  # not walked on its own
    reached = index.coverage([one("common"), one("rare3")])
    assert set(reached) == {3}
    assert index.coverage([one("common")], reached=[7]).keys() == {7}
    assert index.holds(5, one("common")) and index.holds(5, one("rare5")) and not index.holds(5, one("rare6"))
