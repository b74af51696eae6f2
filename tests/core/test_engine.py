"""The engine end to end in plain Python: safety first, matching, replies, buttons, context."""

from pathlib import Path

import pytest

from bot.content.articles import Section
from bot.content.knowledge import Library
from bot.core import compose
from bot.core.engine import Context, Engine
from bot.core.followup import FOLLOW_UP_CHARS
from bot.core.reply import ACTION_MAX_BYTES
from bot.nlu.message import Message
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


@pytest.mark.parametrize("text", ["what do i do quick pls", "HELP what do I do", "wht do we doo"])
def test_a_bare_plea_gets_what_to_do_if_a_seizure_is_happening(engine: Engine, text: str) -> None:
    # whatever answers it (the help, the fallback, a choice of topics), the number to call comes first
    reply = engine.respond(text).reply
    assert "112" in reply.alert and "seizure" in reply.alert


def test_the_help_alone_carries_no_alarm(engine: Engine) -> None:
    assert engine.respond("help").reply.alert == ""


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


# -- follow-ups (issue 13): context only for real follow-ups ---------------------------------------------------


@pytest.mark.parametrize("bare", ["hmm", "ok", "9", "thanks"])
def test_a_bare_reply_is_not_a_follow_up(engine: Engine, bare: str) -> None:
    first = engine.respond("what are ms medicines")
    turn = engine.respond(bare, first.context)
    assert turn.follow_up == "" and not turn.used_context
    assert turn.intent_id != "ms_dmt"  # not the last topic again
    assert turn.context == first.context  # the topic stays for a real follow-up after it


def test_a_short_question_borrows_the_last_topic_and_says_so(engine: Engine) -> None:
    first = engine.respond("what is multiple sclerosis")
    second = engine.respond("is it inherited?", first.context)
    assert second.intent_id == "ms_causes" and second.follow_up == "subject"
    fresh = engine.respond("is it inherited?")
    assert fresh.follow_up == "" and fresh.intent_id != "ms_causes"


def test_context_never_crosses_diseases(engine: Engine) -> None:
    first = engine.respond("my wife has ms, what do the drugs do")
    assert first.intent_id == "ms_dmt"
    second = engine.respond("my son has epilepsy, would surgery help him", first.context)
    assert second.intent_id == "refractory_treatments" and second.follow_up == ""
    third = engine.respond("and is it inherited in epilepsy?", first.context)  # names the other disease
    assert third.follow_up == "" and third.intent_id != "ms_causes"


def test_a_message_the_last_topic_alone_would_answer_is_not_a_follow_up(engine: Engine) -> None:
    first = engine.respond("what is refractory epilepsy")
    turn = engine.respond("whats 12 times 7", first.context)
    assert turn.kind == "fallback" and turn.follow_up == ""


def test_more_moves_on_passage_by_passage_then_to_the_article(engine: Engine) -> None:
    turn = engine.respond("ms medicines")
    section = engine.knowledge.articles["ms-immunity-and-treatment"].section("disease-modifying-therapies")
    assert section is not None and turn.intent_id == "ms_dmt" and turn.passage is not None
    shown = [turn.reply.plain_text()]
    for expected in range(turn.passage + 1, len(section.paragraphs)):
        turn = engine.respond("tell me more", turn.context)
        assert turn.follow_up == "more" and turn.passage == expected
        assert section.paragraphs[expected][:40] in turn.reply.plain_text()
        shown.append(turn.reply.plain_text())
    turn = engine.respond("more", turn.context)  # the section is done: the full article
    assert turn.reply.title.startswith("Part 1 of") and "full article" in turn.reply.plain_text()
    shown.append(turn.reply.plain_text())
    assert len(set(shown)) == len(shown)


@pytest.mark.parametrize("text", ["like what?", "how does it work", "explain simpler pls", "how?"])
def test_asking_the_last_answer_to_explain_itself_stays_on_its_topic(engine: Engine, text: str) -> None:
    first = engine.respond("ms medicines")
    turn = engine.respond(text, first.context)
    assert turn.intent_id == "ms_dmt" and turn.follow_up == "more"
    assert turn.reply.plain_text() != first.reply.plain_text()
    assert engine.respond(text).intent_id != "ms_dmt"  # without a last topic it is not about MS medicines


def test_a_pronoun_keeps_the_chat_on_its_disease_however_well_the_other_matched(engine: Engine) -> None:
    first = engine.respond("what is ms exactly")
    turn = engine.respond("and is it passed down to children", first.context)
    assert turn.intent_id == "ms_causes" and turn.follow_up == "subject"


def test_the_same_question_twice_never_gets_the_same_reply(engine: Engine) -> None:
    first = engine.respond("what is a relapse")
    again = engine.respond("what is a relapse", first.context)
    assert again.intent_id == first.intent_id and again.follow_up == "next"
    assert again.reply.plain_text() != first.reply.plain_text()


def test_a_facet_the_article_does_not_cover_is_said_plainly(engine: Engine) -> None:
    first = engine.respond("ms medicines")
    for text, facet in (("what about side effects?", "side effects"), ("and for kids?", "children"),
                        ("how long?", "how long")):
        turn = engine.respond(text, first.context)
        assert turn.follow_up == "facet" and turn.kind == "fallback"
        reply = turn.reply.plain_text()
        assert "doesn't cover" in reply and facet in reply and "How MS affects the immune system" in reply
        assert turn.reply.plain_text() != first.reply.plain_text()


def test_a_facet_moves_to_the_related_section_when_there_is_one(tmp_path: Path) -> None:
    from tests.helpers import copy_root

    root = copy_root(tmp_path)
    article = root / "content" / "ms-immunity-and-treatment.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n## MS medicines at a young age\n\nSome DMTs are "
                       "licensed for children from the age of ten.\n", encoding="utf-8")
    intents = root / "intents.yaml"
    intents.write_text(intents.read_text(encoding="utf-8").replace("  - id: about_bot\n", """  - id: ms_dmt_young
    article: ms-immunity-and-treatment
    section: ms-medicines-at-a-young-age
    keywords: [paediatric dmt]
    examples: [paediatric dmts, dmt licence age, youngest age for dmts, dmts for under 18s, ms medicines at 12]

  - id: about_bot
""", 1), encoding="utf-8")
    engine = Engine(Library(root), BASE)
    assert engine.respond("and for kids?").intent_id != "ms_dmt_young"  # not on its own
    first = engine.respond("ms medicines")
    turn = engine.respond("and for kids?", first.context)
    assert turn.intent_id == "ms_dmt_young" and turn.follow_up == "facet"


# -- fallbacks that fit the message ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["can i drive with epilepsy", "lupus rash on my face", "what is sudep",
                                  "can people with ms get a mortgage",
                                  "can i breastfeed on ocrevus"])
def test_a_health_question_outside_the_articles_gets_who_can_answer(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.kind == "fallback" and turn.fallback == "health"
    reply = turn.reply.plain_text()
    assert "I don't have reviewed information about that" in reply
    assert all(who in reply for who in ("neurologist", "nurse", "GP", "pharmacist"))
    assert "Try asking in a few words" not in reply


def test_a_health_fallback_offers_the_closest_topics(engine: Engine) -> None:
    turn = engine.respond("can i drive with epilepsy")
    assert "i:epilepsy_overview" in [b.action for b in turn.reply.all_buttons()]


@pytest.mark.parametrize("text", ["asdfghjkl", "qwerty uiop", "hmm"])
def test_gibberish_keeps_the_short_hint(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.kind == "fallback" and turn.fallback == "gibberish"
    assert "Try asking in a few words" in turn.reply.plain_text()
    assert not [b for b in turn.reply.all_buttons() if b.action.startswith("i:")]  # no topic is guessed


@pytest.mark.parametrize("text", ["qué es la esclerosis múltiple", "was ist multiple sklerose und wie wird sie behandelt",
                                  "что такое эпилепсия", "多发性硬化症是什么"])
def test_another_language_gets_a_plain_english_line(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.kind == "fallback" and turn.fallback == "language"
    assert "English" in turn.reply.plain_text()
    # a seizure going on told in another language is not read: the emergency number is given whatever was said
    assert "112" in turn.reply.plain_text() and "999" in turn.reply.plain_text()


def test_safety_still_comes_before_the_language_check(engine: Engine) -> None:
    assert engine.respond("i want to kill myself").kind == "crisis"


@pytest.mark.parametrize("text", ["are you a doctor?", "am i talking to a real person", "what are you?",
                                  "where does your information come from"])
def test_questions_about_the_bot_get_an_honest_answer(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.intent_id == "about_bot"
    reply = turn.reply.plain_text()
    assert "not a doctor" in reply and "not a person" in reply and "information service" in reply


# -- the passage that answers ----------------------------------------------------------------------------------


def test_what_is_gets_the_definition_not_the_frightening_paragraph(engine: Engine) -> None:
    turn = engine.respond("what is a relapse")
    assert turn.intent_id == "ms_relapsing_remitting" and turn.passage == 0
    assert "also called relapses" in turn.reply.paragraphs[0]
    assert "lasting damage" not in turn.reply.paragraphs[0]


def test_what_are_gets_the_paragraph_that_defines_it(engine: Engine) -> None:
    turn = engine.respond("what are immunomodulators")
    assert turn.intent_id == "neuro_immune_treatments"
    assert "One kind is called immunomodulators" in turn.reply.paragraphs[0]


def test_a_frightening_paragraph_does_not_lead_when_another_fits_as_well() -> None:
    section = Section("relapses", "Relapses", ("Relapses can leave lasting damage and disability.",
                                                "Relapses come and go, often over weeks."), 1)
    assert compose.passage_index(section, Message("tell me about relapses")) == 1
    assert compose.passage_index(section, Message("do relapses cause lasting damage")) == 0


def test_a_question_about_damage_may_get_the_damage_paragraph(engine: Engine) -> None:
    turn = engine.respond("can relapses leave lasting damage in ms")
    assert turn.intent_id == "ms_relapsing_remitting" and "lasting damage" in turn.reply.paragraphs[0]


def test_which_kinds_gets_the_list(engine: Engine) -> None:
    turn = engine.respond("what kinds of rehab are there for ms")
    assert turn.intent_id == "ms_rehabilitation" and "•" in turn.reply.paragraphs[0]


# -- Did you mean ----------------------------------------------------------------------------------------------


def test_did_you_mean_offers_the_close_topics_as_buttons(engine: Engine) -> None:
    turn = engine.respond("ms signs or reasons")  # ("ms symptoms or causes" is sure of symptoms: see SURE)
    assert turn.kind == "ambiguous" and "Did you mean" in turn.reply.plain_text()
    offered = [b.action for b in turn.reply.all_buttons() if b.action.startswith("i:")]
    assert set(offered) == {f"i:{i}" for i in turn.match.options} and len(offered) >= 2


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


@pytest.mark.parametrize(("named", "change"), [
    ("why do my meds make me so sleepy in class", "can i skip them on saturday for a party"),
    ("whats the difference between refractory and just uncontrolled. hes on his 4th drug now",
     "should I stop the 3rd one myself since it does nothing"),
    # a longer question that starts asking, with no question mark
    ("so I stopped my plaquenil last week and didn't tell my doctor",
     "should I start back up or just wait for my appointment in august"),
])
def test_a_change_asked_after_a_medicine_was_named_is_a_medication_decision(engine: Engine, named: str,
                                                                             change: str) -> None:
    first = engine.respond(named)
    assert first.context.medicine
    assert engine.respond(change, first.context).kind == "medication_change"
    # the same question with no medicine named before it has nothing to change
    assert engine.respond(change).kind != "medication_change"


def test_a_bare_reply_keeps_the_medicine_named_before_it(engine: Engine) -> None:
    first = engine.respond("why do my meds make me so sleepy in class")
    bare = engine.respond("hmm", first.context)
    assert bare.context.medicine
    assert engine.respond("can i skip them on saturday", bare.context).kind == "medication_change"
    topical = engine.respond("what is ms", bare.context)
    assert not topical.context.medicine  # a new question that names none: the medicine is no longer the subject


def test_a_follow_up_on_the_same_illness_keeps_the_medicine_named_before_it(engine: Engine) -> None:
    first = engine.respond("my tablets just dont work for me, is that a thing")
    follow_up = engine.respond("why is that", first.context)
    assert follow_up.used_context and follow_up.context.medicine
    assert engine.respond("could i just stop them then", follow_up.context).kind == "medication_change"


def test_a_typed_pick_answers_a_did_you_mean_and_a_tap_or_another_turn_ends_the_choice() -> None:
    engine = Engine(Library(REPO), "https://c.example")
    asked = engine.respond("TOO OLD?")
    assert asked.kind == "ambiguous" and len(asked.context.choices) == 2
    assert engine.respond("the second one", asked.context).intent_id == asked.context.choices[1]
    tapped = engine.act(f"i:{asked.context.choices[0]}", asked.context)
    assert tapped is not None and tapped.context.choices == ()
    other = engine.respond("what is ms", asked.context)
    assert other.context.choices == () and engine.respond("2", other.context).kind != "topical"
