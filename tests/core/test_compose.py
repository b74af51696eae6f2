"""What replies say about the source: the reviewed date, the next review, an edit since the review."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.content.knowledge import Library
from bot.core.engine import Engine
from tests.helpers import REPO, copy_root


def test_answers_and_about_show_the_review(library: Library) -> None:
    engine = Engine(library, "https://x.example")
    answer = engine.respond("what is multiple sclerosis").reply
    assert answer.source is not None and answer.source.review_state == "reviewed"
    assert "(Reviewed 20 Nov 2026) https://x.example/ms-immunity-and-treatment" in answer.plain_text()
    about = engine.about().plain_text()
    for article in library.current.articles.values():  # each with its own dates (first aid: 4 Dec 2026)
        assert (f"{article.title}: Reviewed {article.reviewed:%d %b %Y}; next review due "
                f"{article.next_review:%b %Y}") in about


def test_a_text_changed_after_its_review_says_so(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    article = root / "content" / "ms-immunity-and-treatment.md"
    article.write_text(article.read_text(encoding="utf-8").replace("In MS, the immune system is overactive.",
                                                                   "In MS, the immune system is too active."), "utf-8")
    engine = Engine(Library(root), "https://x.example")
    answer = engine.respond("what is multiple sclerosis").reply
    assert answer.source is not None and answer.source.review_state == "changed"
    assert "(Reviewed 20 Nov 2026, updated since)" in answer.plain_text()
    assert "How MS affects the immune system, and how it is treated: Reviewed 20 Nov 2026, updated since; next " \
           "review due Nov 2027" in engine.about().plain_text()


_SAME_PASSAGE = """
import sys
from bot.content.knowledge import Library
from bot.core.compose import passage_index
from bot.core.decide import match_text
from bot.nlu.message import Message
from tests.helpers import REPO
knowledge = Library(REPO).current
for text in sys.argv[1:]:
    intent = knowledge.intents[match_text(knowledge.matcher, text).intent_id]
    section = knowledge.articles[intent.article].section(intent.section)
    print(passage_index(section, Message(text)))
"""


def test_the_passage_chosen_is_the_same_after_every_restart() -> None:
    """Questions whose two best paragraphs tie: the paragraph used to change with the hash seed of the process (a
    float sum over a set in hash order), so the same question got another passage after a restart."""
    questions = ["any new research on the immune system and brain conditions in children",
                 "How do they treat muscle stiffness in MS?",
                 "Are complex partial seizures more likely than others to resist medication?",
                 "relapsing-remitting MS, pattern of attacks and accumulation of disability"]
    chosen = {subprocess.run([sys.executable, "-c", _SAME_PASSAGE, *questions], capture_output=True, text=True,
                             check=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
              for seed in range(1, 7)}
    assert len(chosen) == 1, chosen


def test_an_unsure_did_you_mean_also_says_who_can_answer_what_none_of_its_topics_covers(library: Library) -> None:
    """A guess under the threshold may be none of its topics: the person learns who can answer then; a choice
    between two sure topics needs no such line."""
    from bot.core import texts
    from bot.core.compose import compose_ambiguous
    from bot.core.verdict import Match

    match = Match("ambiguous", None, 60.0, None, (), "", ("ms_dmt", "ms_overview"))
    unsure = compose_ambiguous(library.current, match, unsure=True)
    sure = compose_ambiguous(library.current, match)
    assert unsure.paragraphs == (texts.DID_YOU_MEAN_UNSURE,) and sure.paragraphs == (texts.DID_YOU_MEAN,)
    for reply in (unsure, sure):
        assert [b.action for b in reply.all_buttons()][:2] == ["i:ms_dmt", "i:ms_overview"]
