"""The benchmark's generator writes intents and articles that load cleanly, and labelled messages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA

from bot.content.knowledge import build_knowledge
from tests.helpers import REPO
from tools.synthetic import MESSAGES_FILE, generate, read_messages, typo

SIZE = 150


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    made = generate(root, SIZE, messages=400)
    assert made.intents == SIZE and made.messages == 400
    return root


def test_generated_files_load_without_errors(generated: Path) -> None:
    knowledge, problems = build_knowledge(generated)
    assert knowledge is not None, [str(p) for p in problems]
    assert [p for p in problems if p.severity == "error"] == []
    assert len(knowledge.intents) == SIZE
    synthetic = [i for i in knowledge.intents.values() if i.id.startswith("syn")]
    assert synthetic and all(i.kind == "topical" and i.article in knowledge.articles for i in synthetic)
    assert all(knowledge.articles[i.article].section(i.section) is not None for i in synthetic)  # type: ignore[index]


def test_keywords_look_like_a_hand_written_file(generated: Path) -> None:
    knowledge, _ = build_knowledge(generated)
    assert knowledge is not None
    synthetic = [i for i in knowledge.intents.values() if i.id.startswith("syn")]
    assert all(20 <= len(i.keywords) <= 30 for i in synthetic)
    assert all(1 <= len(k.split()) <= 4 for i in synthetic for k in i.keywords)
    words = [w for i in synthetic for k in i.keywords for w in k.split()]
    # shared words ("side effects", "ms") and distinctive ones (a medicine's name) both occur
    assert max(words.count(w) for w in set(words)) > len(synthetic)
    assert sum(1 for w in set(words) if words.count(w) <= 30) > 20
    every = [k for i in knowledge.intents.values() for k in i.keywords]
    assert len(every) == len(set(every)), "no keyword is filed under two intents"


def test_messages_are_labelled_and_mixed(generated: Path) -> None:
    knowledge, _ = build_knowledge(generated)
    assert knowledge is not None
    messages = read_messages(generated)
    assert len(messages) == 400
    expected = [e for _, e in messages]
    assert all(e is None or e in knowledge.intents for e in expected)
    out_of_scope = expected.count(None) / len(expected)
    assert 0.05 < out_of_scope < 0.25
    assert any(e and e.startswith("syn") for e in expected) and any(e and not e.startswith("syn") for e in expected)
    assert all(knowledge.intents[e].kind != "safety" for e in expected if e)


def test_same_seed_same_files(tmp_path: Path) -> None:
    generate(tmp_path / "a", 80, messages=50, seed=3)
    generate(tmp_path / "b", 80, messages=50, seed=3)
    for name in ("intents.yaml", MESSAGES_FILE):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()


def test_a_small_size_is_the_shipped_set(tmp_path: Path) -> None:
    made = generate(tmp_path, 30, messages=20)
    assert (tmp_path / "intents.yaml").read_text() == (REPO / "intents.yaml").read_text()
    assert made.intents >= 30 and made.sections == 0
    knowledge, _ = build_knowledge(tmp_path)
    assert knowledge is not None and len(knowledge.intents) == made.intents


def test_typo_is_one_slip_of_the_finger() -> None:
    rng = random.Random(1)
    slips = [typo("sclerosis", rng) for _ in range(200)]
    assert all(OSA.distance("sclerosis", s) <= 1 for s in slips)
    assert all(s[0] == "s" for s in slips)  # the first letter stays, as it mostly does
    assert len({len(s) for s in slips}) == 3  # letters added, dropped, and swapped or replaced


def test_the_scale_target_fits_the_admin_file_cap(tmp_path: Path) -> None:
    """The 10,000 intents the bench and the scale targets use must be a file the bot agrees to read: a cap
    below it made `bench --sizes 30,10000` fail on loading."""
    from bot.content.admin_files import INTENTS_MAX_BYTES, read_admin_text

    generate(tmp_path, 10_000, messages=10)
    path = tmp_path / "intents.yaml"
    assert read_admin_text(path, tmp_path, INTENTS_MAX_BYTES)
