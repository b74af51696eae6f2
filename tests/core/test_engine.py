"""The engine end to end in plain Python: safety first, matching, replies, buttons, context."""

from pathlib import Path

import pytest

from bot.content.knowledge import Library
from bot.core.engine import FOLLOW_UP_CHARS, Context, Engine
from bot.core.reply import ACTION_MAX_BYTES
from tests.helpers import REPO

BASE = "https://content.example/articles"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Library(REPO), BASE)


def test_topical_reply_names_source_and_links(engine: Engine) -> None:
    turn = engine.respond("what is multiple sclerosis")
    assert turn.kind == "topical" and turn.intent_id == "ms_overview"
    reply = turn.reply
    assert reply.source is not None and reply.source.url.startswith(BASE)
    text = reply.plain_text()
    assert "Reviewed" in text and "not medical advice" in text
    actions = [b.action for b in reply.all_buttons()]
    assert any(a.startswith("ar:") for a in actions) and "tp" in actions
    assert any(a.startswith("fb:ms_overview") for a in actions)


def test_treatment_intent_lists_treatments(engine: Engine) -> None:
    turn = engine.respond("ms meds")
    assert turn.intent_id == "ms_dmt"
    assert len(turn.reply.bullets) >= 3
    assert any("interferon" in (b.lead + b.text).lower() for b in turn.reply.bullets)


def test_passage_fits_the_question(engine: Engine) -> None:
    section = engine.knowledge.articles["refractory-epilepsy"].section("treatment-options")
    assert section is not None and len(section.paragraphs) > 1
    turn = engine.respond("ketogenic diet for epilepsy")
    assert turn.intent_id == "refractory_treatments"
    assert "keto" in turn.reply.paragraphs[0].lower()


def test_emergency_reply_is_only_what_to_do_now(engine: Engine) -> None:
    turn = engine.respond("my daughter is having a seizure right now, help")
    assert turn.kind == "emergency"
    text = turn.reply.plain_text()
    assert "112" in text and "911" in text and "999" in text
    assert "side" in text and "mouth" in text and "Time" in text
    assert turn.reply.buttons == () and turn.reply.source is None


def test_crisis_reply_urges_help(engine: Engine) -> None:
    turn = engine.respond("i dont want to be alive anymore")
    assert turn.kind == "crisis"
    assert "crisis line" in turn.reply.plain_text()


def test_medication_change_gives_no_advice_but_points_to_article(engine: Engine) -> None:
    turn = engine.respond("can i stop my ocrelizumab")
    assert turn.kind == "medication_change"
    assert "prescriber" in turn.reply.plain_text() or "doctor" in turn.reply.plain_text()
    assert any(b.action == "i:ms_dmt" for b in turn.reply.all_buttons())


def test_out_of_scope_gets_fallback_not_an_answer(engine: Engine) -> None:
    turn = engine.respond("what is the best diet for diabetes")
    assert turn.kind == "fallback" and turn.intent_id is None
    assert turn.reply.source is None


@pytest.mark.parametrize("text", ["", "   ", "👍👍🎉", "<b></b>", "!!!???"])
def test_messages_without_words_get_a_clear_answer(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.kind == "empty" and "words" in turn.reply.plain_text()


def test_html_laden_message_is_read_as_text(engine: Engine) -> None:
    turn = engine.respond("<script>alert(1)</script><b>what is multiple sclerosis</b> &amp;")
    assert turn.intent_id == "ms_overview"


def test_huge_message_gets_a_sensible_reply(engine: Engine) -> None:
    turn = engine.respond("blah " * 1000 + " what is ms")
    assert turn.kind in ("fallback", "topical", "ambiguous")
    assert turn.reply.plain_text()


def test_follow_up_uses_the_last_topic(engine: Engine) -> None:
    first = engine.respond("what is multiple sclerosis")
    assert first.context.topic == "ms"
    second = engine.respond("and what about treatment?", first.context)
    assert second.intent_id == "ms_dmt" and second.used_context


def test_every_button_action_works_and_fits_telegram(engine: Engine) -> None:
    seen: set[str] = set()
    queue = [b.action for b in engine.topics().all_buttons()]
    while queue:
        action = queue.pop()
        if action in seen or action.startswith("fb:"):
            continue
        seen.add(action)
        assert len(action.encode()) <= ACTION_MAX_BYTES
        turn = engine.act(action, Context())
        assert turn is not None, action
        queue += [b.action for b in turn.reply.all_buttons()]
    assert any(a.startswith("ar:") for a in seen) and any(a.startswith("tr:") for a in seen)


def test_stale_or_forged_actions_return_none(engine: Engine) -> None:
    for action in ("i:no_such_intent", "ar:ghost:0", "ar:ms-immune-role:99", "tr:nope", "zz", "ar:x:-1"):
        assert engine.act(action) is None


def test_full_article_parts_fit_telegram(engine: Engine) -> None:
    part = engine.act("ar:refractory-epilepsy:0")
    assert part is not None
    texts = []
    action: str | None = "ar:refractory-epilepsy:0"
    while action:
        turn = engine.act(action)
        assert turn is not None
        texts.append(turn.reply.plain_text())
        action = next((b.action for b in turn.reply.all_buttons() if b.action.startswith("ar:")), None)
    assert all(len(t) < 4096 for t in texts)
    whole = "\n".join(texts)
    for section in engine.knowledge.articles["refractory-epilepsy"].sections:
        assert section.paragraphs[-1][:40] in whole


def test_reload_keeps_serving_on_broken_file(tmp_path: Path) -> None:
    from tests.helpers import copy_root

    root = copy_root(tmp_path)
    library = Library(root)
    engine = Engine(library, BASE)
    (root / "intents.yaml").write_text("intents: [unclosed", encoding="utf-8")
    applied, problems = library.reload()
    assert not applied and problems[0].line == 1
    assert engine.respond("what is multiple sclerosis").intent_id == "ms_overview"


def test_asking_for_a_person_is_the_handover_intent(engine: Engine) -> None:
    for text in ("can I talk to a nurse", "speak to a real person", "I want to talk to a human please"):
        turn = engine.respond(text)
        assert turn.kind == "handover" and turn.intent_id == "handover", text
    assert engine.respond("what does an epilepsy nurse do").kind != "handover"


def test_handover_offer_asks_consent_and_names_the_last_topic() -> None:
    from bot.core.handover_replies import CANCEL, CONFIRM, HandoverPolicy

    on = Engine(Library(REPO), BASE, HandoverPolicy(-1001234567890, contact="+44 20 7946 0000"))
    after = on.respond("multiple sclerosis drugs").context
    turn = on.act("ho", after)
    assert turn is not None and turn.kind == "handover"
    assert [b.action for b in turn.reply.all_buttons()] == [CONFIRM, CANCEL]
    assert "the topic you were reading: MS medicines (DMTs)" in turn.reply.plain_text()
    off = Engine(Library(REPO), BASE, HandoverPolicy(contact="+44 20 7946 0000"))
    text = off.respond("can I talk to a nurse").reply.plain_text()
    assert "+44 20 7946 0000" in text and "116 123" in text and CONFIRM not in str(off.act("ho"))


def test_fallback_did_you_mean_and_help_offer_a_person(engine: Engine) -> None:
    for reply in (engine.respond("how do I fix my bicycle").reply, engine.help()):
        assert "ho" in [b.action for b in reply.all_buttons()]


def test_a_long_message_is_not_matched_again_as_a_follow_up(engine: Engine) -> None:
    """Bounded work: a follow-up is short, so a long message costs one match, not two."""
    first = engine.respond("what is ms")
    short = "and what about treatment?"
    assert engine.respond(short, first.context).used_context
    long = short + " please" * 60  # filler words only: the same question, too long to be a follow-up
    assert len(long) > FOLLOW_UP_CHARS and not engine.respond(long, first.context).used_context
