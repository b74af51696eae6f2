"""bot/core/decide.py: the one place that decides which answer a message gets."""

from __future__ import annotations

import time
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pytest

from bot.content.intent import MatchSettings
from bot.content.knowledge import Library
from bot.core import followup, texts
from bot.core.decide import Situation, decide, match_text, read_with_last_topic, verdict
from bot.core.engine import Context, Engine
from bot.core.safety_state import SafetyState
from bot.nlu.matcher import Candidate, Evidence
from bot.nlu.message import Message
from bot.nlu.topic_net import TopicNet


def _follow(library: Library, text: str, last_intent: str | None, topic: str | None) -> str | None:
    knowledge = library.current
    situation = Situation(knowledge, last_intent, topic, None, 0.0)
    found = read_with_last_topic(Message(text), situation, match_text(knowledge.matcher, text))
    return found.intent_id if found else None


def test_a_follow_up_is_read_with_the_last_topic(library: Library) -> None:
    # On its own, "is it inherited?" finds an epilepsy topic; after an MS answer it is about MS.
    assert followup.topic_of(library.current, match_text(library.current.matcher, "is it inherited?").intent_id) != "ms"
    found = _follow(library, "is it inherited?", "ms_overview", "ms")
    assert found is not None and followup.topic_of(library.current, found) == "ms"
    treatment = _follow(library, "and treatment?", "ms_overview", "ms")
    assert treatment is not None and followup.topic_of(library.current, treatment) == "ms"


def test_no_follow_up_without_a_last_topic_across_diseases_or_for_a_long_message(library: Library) -> None:
    assert _follow(library, "is it inherited?", None, None) is None
    assert _follow(library, "is epilepsy inherited?", "ms_overview", "ms") is None
    assert _follow(library, "x " * 200 + "is it inherited?", "ms_overview", "ms") is None


# -- the verdict on the matcher's evidence: a pure function of the evidence -----------------------------------

SETTINGS = MatchSettings(threshold=68.0, ambiguity_margin=6.0)


def _candidate(intent_id: str, score: float, words: tuple[str, ...], kind: str = "topical", strength: float = 100.0,
               share: float = 1.0) -> Candidate:
    return Candidate(intent_id, score, intent_id, kind, words, strength, share)


def _evidence(*candidates: Candidate, foreign: tuple[str, ...] = ()) -> Evidence:
    weights = {w: 1.0 for c in candidates for w in c.words}
    return Evidence(candidates, weights, foreign)


def test_the_verdict_answers_the_best_over_the_threshold() -> None:
    match = verdict(_evidence(_candidate("ms_dmt", 90.0, ("ms", "dmt")), _candidate("ms_overview", 70.0, ("ms",))),
                    SETTINGS)
    assert (match.status, match.intent_id) == ("matched", "ms_dmt")


def test_two_close_topics_each_with_words_of_their_own_are_a_choice() -> None:
    match = verdict(_evidence(_candidate("a", 80.0, ("x", "y")), _candidate("b", 77.0, ("x", "z"))), SETTINGS)
    assert (match.status, match.options) == ("ambiguous", ("a", "b"))
    # the runner-up explains nothing the leader does not: no rival, the leader answers
    assert verdict(_evidence(_candidate("a", 80.0, ("x", "y")), _candidate("b", 77.0, ("x",))),
                   SETTINGS).status == "matched"


def test_a_sure_best_topic_answers_beside_a_close_rival_and_keeps_it_as_an_option() -> None:
    match = verdict(_evidence(_candidate("a", 94.0, ("x", "y")), _candidate("b", 91.0, ("x", "z"))), SETTINGS)
    assert (match.status, match.intent_id, match.reason, match.options) == (
        "matched", "a", "sure beside a close rival", ("b",))
    # under SURE the same two are a choice
    match = verdict(_evidence(_candidate("a", 89.0, ("x", "y")), _candidate("b", 86.0, ("x", "z"))), SETTINGS)
    assert (match.status, match.options) == ("ambiguous", ("a", "b"))


def test_the_answer_offers_the_close_rival_first(engine: Engine) -> None:
    turn = engine.respond("What does it mean when epilepsy is called drug resistant?")
    assert turn.kind == "topical" and turn.match is not None and turn.match.options, turn.match
    first_button = turn.reply.buttons[0][0]
    assert first_button.action == f"i:{turn.match.options[0]}"


def test_two_close_smalltalk_replies_are_no_choice_the_best_answers() -> None:
    closing = _evidence(_candidate("goodbye", 73.0, ("bye",), kind="smalltalk"),
                        _candidate("thanks", 73.0, ("thank",), kind="smalltalk"))
    assert (verdict(closing, SETTINGS).status, verdict(closing, SETTINGS).intent_id) == ("matched", "goodbye")
    # a close topic beside smalltalk is still offered
    topic = _evidence(_candidate("greeting", 75.0, ("hello",), kind="smalltalk"), _candidate("ms", 72.0, ("ms",)))
    assert (verdict(topic, SETTINGS).status, verdict(topic, SETTINGS).options) == ("ambiguous", ("ms",))


def test_under_the_threshold_a_plausible_topic_is_offered_else_the_fallback() -> None:
    weak = _candidate("a", 62.0, ("x",), share=0.5)
    assert verdict(_evidence(weak), SETTINGS).status == "ambiguous"  # within the band, explains half
    assert verdict(_evidence(weak, foreign=("rash",)), SETTINGS).status == "fallback"  # a word no article covers
    assert verdict(_evidence(_candidate("a", 55.0, ("x",))), SETTINGS).status == "fallback"  # too far under
    assert verdict(_evidence(), SETTINGS).reason == "below threshold"


def test_an_out_of_scope_keyword_spelled_out_overrules_the_topic() -> None:
    topic = _candidate("stem_cells", 85.0, ("stem", "cell"))
    knee = _candidate("oos_knee", 70.0, ("knee", "stem"), kind="out_of_scope", strength=100.0, share=0.5)
    assert verdict(_evidence(topic, knee), SETTINGS).reason == "out of scope"
    passing = _candidate("oos_knee", 70.0, ("knee",), kind="out_of_scope", strength=100.0, share=0.1)
    assert verdict(_evidence(topic, passing), SETTINGS).status == "matched"  # a passing word in a long story


# -- the order: one decision per message ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(library: Library) -> Engine:
    return Engine(library, "https://content.example/articles")


def _after(engine: Engine, text: str) -> Context:
    return engine.respond(text).context


def test_certain_safety_comes_before_a_follow_up(engine: Engine) -> None:
    context = _after(engine, "what is ms")
    assert engine.decide(Message("tell me more"), context).kind == "more"
    decision = engine.decide(Message("tell me more, my son is seizing right now"), context)
    assert (decision.kind, decision.intent_id, decision.context) == ("safety", "emergency", "start")


def test_the_safety_state_comes_before_a_follow_up(engine: Engine) -> None:
    context = replace(_after(engine, "what is ms"), safety=SafetyState("crisis", "wish_dead", time.time()))
    decision = engine.decide(Message("tell me more"), context)
    assert (decision.kind, decision.context) == ("crisis_follow_up", "refresh")
    handover = engine.decide(Message("I want to talk to a human please"), context)
    assert handover.kind == "handover" and handover.lines == (("crisis", "wish_dead"),)  # the line stays in view


def test_another_danger_in_the_state_keeps_its_line(engine: Engine) -> None:
    """After an emergency reply, a possible crisis (here the crisis net's) still gets the crisis line on top
    of the emergency guidance; it used to get the guidance alone ("Good that it has stopped")."""
    context = engine.respond("my husband is having a seizure right now").context
    assert context.safety is not None and context.safety.kind == "emergency"
    text = "nobody would even notice if i stopped existing"
    decision = engine.decide(Message(text), context)
    assert decision.flag is not None and decision.flag.kind == "crisis" and not decision.flag.certain
    # "stopped" reads as the seizure being over: the after-care, with the crisis line on top
    assert decision.kind == "after_care" and ("crisis", decision.flag.criterion) in decision.lines
    turn = engine.respond(text, context)
    assert texts.LINE_CRISIS in turn.reply.alert
    # the state's own danger is not repeated as a line: a possible seizure after a seizure adds nothing
    seizure = engine.decide(Message("my husband had a seizure"), context)
    assert seizure.lines == ()


def test_a_possible_flag_puts_its_line_on_the_answer(engine: Engine) -> None:
    decision = engine.decide(Message("my husband had a seizure"))
    assert decision.flag is not None and decision.flag.tier == "possible"
    assert decision.lines and decision.lines[0][0] == decision.flag.kind
    turn = engine.respond("my husband had a seizure")
    assert turn.safety == decision.flag and turn.reply.alert


@pytest.mark.parametrize("text", ["what is ms", "ms meds", "asdfgh", "hello", "are you a doctor?",
                                  "can I talk to a nurse", "i want to kill myself", "x" * 2100, "¿qué es la esclerosis?"])
def test_the_engine_composes_what_decide_decided(engine: Engine, text: str) -> None:
    decision = engine.decide(Message(text))
    turn = engine.respond(text)
    kinds = {"safety": decision.intent_id, "more": "topical", "not_covered": "fallback"}
    assert turn.kind == kinds.get(decision.kind, decision.kind)
    assert (turn.intent_id, turn.match, turn.safety, turn.fallback) == (
        None if decision.kind in ("fallback", "ambiguous", "empty") else
        "handover" if decision.kind == "handover" else decision.intent_id,
        decision.match, decision.flag, decision.fallback)


@pytest.mark.parametrize("text", ["which kinds", "which is best", "the newer ones?"])
def test_a_which_question_picks_among_what_the_last_answer_named(library: Library, text: str) -> None:
    # No pronoun and no subject of its own: only the last answer says what "which" chooses among.
    assert followup.leans_on_context(Message(text))
    found = _follow(library, text, "ms_dmt", "ms")
    assert found is not None and followup.topic_of(library.current, found) == "ms"


def test_a_which_question_does_not_cross_diseases(library: Library) -> None:
    assert _follow(library, "which kinds of epilepsy", "ms_dmt", "ms") is None


@pytest.mark.parametrize("text", ["I'll bring it up with the nurse", "ok, we will look into it", "right I'm going to try that"])
def test_the_users_own_plan_is_not_a_follow_up(library: Library, text: str) -> None:
    assert followup.is_a_plan(Message(text))
    assert _follow(library, text, "ms_dmt", "ms") is None


@pytest.mark.parametrize("text", ["I'll be ok on it?", "will it help", "ill on it, is that normal"])
def test_a_plan_asked_about_or_feeling_ill_still_follows(library: Library, text: str) -> None:
    assert not followup.is_a_plan(Message(text))


@pytest.mark.parametrize(("first", "text"), [
    ("what is ocrelizumab", "can i stop it if i feel better?"), ("what does baclofen do", "May I stop it if I feel better?"),
    ("ms drugs", "should i skip the next one"), ("ms drugs", "is it ok to stop"),
    ("what is ocrelizumab", "can i have it later than planned"),
    # a decision told, and a plan with its permission after a comma (rounds 100 and 101)
    ("What's glatiramer acetate?", "I've been on it six years. I've decided I'm stopping it next week."),
    ("what's a DMT", "i'd rather wait a year before starting one and see how i go, is that ok for me to do"),
    # a dose named by its time, after medicines that do not work (the topic is about them)
    ("how come my meds dont work on me", "missed last nights actually. shd i take it now with this mornings one"),
])
def test_a_change_asked_after_a_treatment_topic_gets_the_medication_reply(engine: Engine, first: str,
                                                                         text: str) -> None:
    """The message names no medicine, the chat just did: a personal medication decision, not the article."""
    turn = engine.respond(text, engine.respond(first).context)
    assert (turn.kind, turn.intent_id) == ("medication_change", "medication_change"), (first, text, turn.kind)


@pytest.mark.parametrize(("first", "text"), [
    ("what is ms", "can i stop it"),  # not a treatment topic
    ("ms symptoms", "how can i stop it"),  # how, about the symptom
    ("ms drugs", "can i stop worrying about relapses then"),  # names what it stops
    ("what is ocrelizumab", "is it safe?"),  # no change asked
    ("what are dmts", "ive decided to stop reading about it"),  # an activity stopped
    ("what's a DMT", "i read about them online, is that ok"),  # nothing changed
])
def test_other_follow_ups_after_a_treatment_topic_are_not_a_medication_decision(engine: Engine, first: str,
                                                                               text: str) -> None:
    turn = engine.respond(text, engine.respond(first).context)
    assert turn.kind != "medication_change", (first, text)


@pytest.mark.parametrize("text", ["should I give her double tonight to catch up", "can i stop it?"])
def test_a_change_asked_after_a_topic_about_medicines_gets_the_medication_reply(engine: Engine, text: str) -> None:
    """After missed doses (`about_medicines: true`) the doses are the subject: no "it" is needed."""
    first = "Just found out she's been hiding her tablets for a week. Could that be why her seizures got worse?"
    context = engine.respond(first).context
    assert context.last_intent == "refractory_external_factors"
    turn = engine.respond(text, context)
    assert (turn.kind, turn.intent_id) == ("medication_change", "medication_change"), text


def test_why_cant_i_after_the_medication_reply_is_the_same_decision(engine: Engine) -> None:
    context = engine.respond("forgot my tablets last night entirely, should i take two this morning").context
    assert engine.respond("why cant i just double up tho", context).kind == "medication_change"
    assert engine.respond("why cant i just take it easy").kind != "medication_change"
    context = engine.respond("can i skip my meds for one night im at a sleepover").context
    assert engine.respond("why not tho its one night", context).kind == "medication_change"  # its reason after it


def test_the_subject_named_with_the_points_back_at_it(engine: Engine) -> None:
    """ "what causes the inflammation in the first place" after inflammation and seizures: 8 words and no pronoun,
    yet "the inflammation" names the topic just answered."""
    context = engine.respond("is brain inflammation behind some kinds of epilepsy?").context
    turn = engine.respond("what causes the inflammation in the first place", context)
    assert (turn.kind, turn.intent_id) == ("topical", "epilepsy_inflammation"), turn.kind
    # alone, the keywords do not find it (the topic net, which learnt this very message from a development set, is
    # all but certain of it and answers it alone too)
    without_net = replace(engine.knowledge, topic_net=None)
    alone = decide(Message("what causes the inflammation in the first place"),
                   Situation(without_net, None, None, None, 0.0))
    assert alone.intent_id != "epilepsy_inflammation"


@pytest.mark.parametrize(("first", "then"), [
    ("stomach bacteria can change the brain? I read in news", "which yogurt is best to buy?"),
    ("does ur gut affect ur brain", "can u do my geography hw its on rivers"),
])
def test_a_follow_up_the_nets_both_read_as_another_subject_is_read_on_its_own(engine: Engine, first: str,
                                                                            then: str) -> None:
    """Shaped like a follow-up, but the topic net is all but sure it asks none of the topics, and the follow-up net
    doubts it goes on with the last one: declined, not the gut-brain article again. Without the follow-up net, the
    context would answer it (the rule reads it with the last topic)."""
    context = engine.respond(first).context
    assert context.last_intent == "gut_brain_axis"
    turn = engine.respond(then, context)
    assert turn.kind == "fallback" and not turn.used_context, (turn.kind, turn.intent_id)
    without = replace(engine.knowledge, follow_up_net=None)
    followed = decide(Message(then), Situation(without, context.last_intent, context.topic, None, 0.0))
    assert followed.intent_id == "gut_brain_axis" and followed.follow_up == "subject"


@pytest.mark.parametrize(("first", "then", "intent"), [
    ("is epilepsy genetic", "can they test for it", "refractory_genetic_causes"),
    ("what is a relapse in ms", "how long do they last", "ms_relapsing_remitting"),
])
def test_a_follow_up_that_goes_on_with_the_topic_keeps_it(engine: Engine, first: str, then: str,
                                                          intent: str) -> None:
    context = engine.respond(first).context
    turn = engine.respond(then, context)
    assert (turn.intent_id, turn.follow_up) == (intent, "subject")


def test_a_change_asked_right_after_the_medication_reply_gets_it_again(engine: Engine) -> None:
    """ "pt missed morning keppra. give now or skip?" then "double tonight?": the second names no medicine,
    the reply before was about one. The disease topic stays for what comes next."""
    first = engine.respond("pt missed mornign keppra. give now or skip?")
    assert first.kind == "medication_change" and first.context.topic == "epilepsy"
    second = engine.respond("double tonight?", first.context)
    assert second.kind == "medication_change"
    assert engine.respond("double tonight?").kind != "medication_change"  # alone, it asks nothing we know of
    assert engine.respond("thanks", second.context).kind == "smalltalk"



@pytest.mark.parametrize("then", ["is that bad", "does it matter?", "is that dangerous?"])
def test_how_bad_a_late_dose_is_asked_right_after_the_medication_reply_gets_it_again(engine: Engine,
                                                                                    then: str) -> None:
    """Held-out round 14: "took my seizure pills 6 hours late", then "is that bad" is still about that dose."""
    first = engine.respond("took my seizure pills 6 hours late")
    assert first.kind == "medication_change"
    assert engine.respond(then, first.context).kind == "medication_change"


@pytest.mark.parametrize("then", ["ok I'll ask her neurologist", "is it dangerous"])
def test_a_plan_or_a_topic_question_is_not_read_as_about_the_dose(engine: Engine, then: str) -> None:
    first = engine.respond("what is ms")
    assert engine.respond(then, first.context).kind != "medication_change"
    after_dose = engine.respond("took my seizure pills 6 hours late")
    assert engine.respond("ok I'll ask her neurologist", after_dose.context).kind != "medication_change"

# -- closing words and a wish for a person in a conversation's own words (blind development dialogues 4 and 8) ---

@pytest.mark.parametrize(("text", "intent"), [
    ("ok we'll ring the neuro team tomorrow, thank you", "thanks"),
    ("Thanks, I'll discuss it with my neuro. Bye.", "goodbye"),
    ("right, signing off now", "goodbye"),
    ("ok ok fair enough, thanks", "thanks"),
    ("ok gtg", "goodbye"), ("ttyl", "goodbye"),  # text-speak
    ("Much obliged.", "thanks"), ("ok wat can u do", "help"),
    ("Thank you, is very useful", "thanks"), ("ok thx will try her gp tmrw", "thanks"),  # told, not asked
    ("thank you and god bless", "thanks"),
])
def test_a_conversation_closed_in_its_own_words_gets_the_smalltalk(engine: Engine, text: str, intent: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.intent_id) == ("smalltalk", intent), text


@pytest.mark.parametrize("text", [
    "Can I talk to someone later about what happened?",  # "talk ... later" is no goodbye beside a person asked for
    "i need to talk to a nurse later please",
    "Should I be worried? Can I ask a nurse about her?",  # "can i ask" is no help request beside a nurse
    "thanks, can i talk to someone now",  # asked after the thanks: no closing
])
def test_a_person_asked_for_beside_smalltalk_words_is_the_handover(engine: Engine, text: str) -> None:
    assert engine.respond(text).kind == "handover", text


@pytest.mark.parametrize("text", [
    "thanks my son has a rash from lamotrigine",  # a health word no article covers: it tells something
    "thanks, my son has had a fever since monday",
    "thanks but what about side effects",  # it asks
])
def test_a_thanks_that_tells_or_asks_something_is_not_a_closing(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id not in ("thanks", "goodbye"), text


@pytest.mark.parametrize(("text", "intent"), [
    ("Good morning, what is epilepsy", "epilepsy_overview"),  # "good morning" outweighed "epilepsy"
    ("Good morning. Could you tell me what multiple sclerosis is?", "ms_overview"),
    ("hey there! are you a bot?", "about_bot"),
    ("Thanks, goodbye", "goodbye"),  # was "Did you mean: goodbye?"
    ("thank you bye", "goodbye"),
    ("hello there", "greeting"),  # nothing follows
    ("hello, I am from Brazil, my english not so good", "greeting"),  # what follows tells, asks nothing: greeted
])
def test_a_courtesy_before_a_question_does_not_hide_it(engine: Engine, text: str, intent: str | None) -> None:
    assert engine.respond(text).intent_id == intent, text


def test_a_thanks_then_a_question_follows_up_the_last_topic(engine: Engine) -> None:
    context = _after(engine, "what are ms drugs")
    turn = engine.respond("thanks! and side effects?", context)
    assert turn.follow_up == "facet"


@pytest.mark.parametrize("text", [
    "can I talk to an MS nurse about this?",
    "can i talk to a nurse about the diet",
    "can i speak to someone about keto for my son",
    # a doctor asked for, and a person named beside the words that ask what the bot is (rounds 20-21, dev 19)
    "i need speak with real doctor or nurse", "Is possible to talk with human, doctor or nurse?",
    "real person pls", "I want talk real doctor", "get in touch with the nurse", "GET ME A HUMAN",
])
def test_a_wish_for_a_person_wins_over_the_topic_words_with_it(engine: Engine, text: str) -> None:
    assert engine.respond(text).kind == "handover", text


def test_a_handover_keyword_read_as_one_word_of_no_person_needs_its_other_words(engine: Engine) -> None:
    """ "actual person", "talk to someone today" read as "actual", "today": alone those words no longer rival a
    topic ("Did you mean: What causes MS?") nor answer with the handover."""
    turn = engine.respond("what's the actual cause of ms")
    assert (turn.kind, turn.intent_id) == ("topical", "ms_causes"), turn.kind
    assert engine.respond("got told i have epilepsy today lol what does that even mean").kind != "handover"


def test_a_person_named_as_the_one_to_ask_is_not_a_handover(engine: Engine) -> None:
    assert engine.respond("should i talk to my neurologist about vns").kind == "topical"


def test_a_key_held_down_gets_the_gibberish_hint(engine: Engine) -> None:
    turn = engine.respond("bbbbbbbbbbbbbbbb nnnn")
    assert (turn.kind, turn.fallback) == ("fallback", "gibberish")


# -- after the first-aid answer, the seizure goes without saying (blind development dialogues 11, tuned) ----------

@pytest.mark.parametrize(("text", "intent"), [
    ("My husband is having one now and has been for some minutes.", "emergency"),  # was the fallback
    ("when do I call 999", "seizure_first_aid"),  # was the fallback
    ("actually its happening NOW our pot wash lad is down on the tiles", "emergency"),  # round 36
    ("bye for now", "goodbye"),  # a "now" alone is no seizure
    ("is ms inherited", "ms_causes"),
])
def test_after_the_first_aid_answer_a_message_is_read_as_about_a_seizure(engine: Engine, text: str,
                                                                           intent: str) -> None:
    context = _after(engine, "What does one do if a person has a fit?")
    assert engine.respond(text, context).intent_id == intent, text


def test_without_the_first_aid_answer_before_it_having_one_is_not_a_seizure(engine: Engine) -> None:
    assert engine.respond("My husband is having one now and has been for some minutes.").kind != "emergency"


def test_what_can_help_after_a_topic_asks_its_treatment(engine: Engine) -> None:
    context = _after(engine, "why does my partner's MS make her so stiff")
    turn = engine.respond("what can help with that", context)
    assert (turn.kind, turn.intent_id) == ("topical", "ms_symptomatic_treatment")
    assert engine.respond("what can help with that").intent_id == "help"  # alone: the bot's own help


@pytest.mark.parametrize(("first", "then"), [
    ("and the surgery, do they do that on kids?", "how long does recovery take"),  # was the first-aid answer
    ("can keto stop seizures", "how long till it works"),
])
def test_a_facet_moves_within_the_article_or_its_linked_topics_only(engine: Engine, first: str, then: str) -> None:
    turn = engine.respond(then, _after(engine, first))
    assert turn.intent_id != "seizure_first_aid", then


@pytest.mark.parametrize(("first", "then"), [
    ("i missed my pills yesterday and today", "should i take them all now"),  # a dose change after the reply
    ("what's the difference between interferon and ocrelizumab", "my wife wants to stop hers because she feels fine"),
    # a short wish told, then more words (round 23's medication miss, read after its report)
    ("My wife is on interferon injections. What do they do exactly?",
     "She wants to stop them. She says they make her feel as though she has the flu."),
])
def test_a_change_told_or_asked_in_a_conversation_gets_the_medication_reply(engine: Engine, first: str,
                                                                           then: str) -> None:
    assert engine.respond(then, _after(engine, first)).kind == "medication_change", then


@pytest.mark.parametrize("text", ["interesting thanks", "great, thanks", "very useful thank you",
                                  # its other words neither ask nor follow up (rounds 20-21)
                                  "Thank you and God bless", "Thank you, I'll pass that on to my daughter."])
def test_a_closing_that_asks_nothing_is_the_closing(engine: Engine, text: str) -> None:
    """ "interesting" is one fuzzy step from the keyword "interactions": a closing still wins over a topic
    that only came close to it."""
    context = engine.respond("what is ms").context
    turn = engine.respond(text, context)
    assert turn.kind == "smalltalk" and turn.intent_id == "thanks", turn


@pytest.mark.parametrize("text", ["Good day.", "Very good. Good day to you.", "good day to you!"])
def test_good_day_late_in_a_conversation_takes_leave(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id == "greeting"  # the first thing said: a greeting
    context = engine.respond("what is ms").context
    assert engine.respond(text, context).intent_id == "goodbye"


@pytest.mark.parametrize("text", ["Bye bye, have good day", "I shall say goodbye now. Good day to you."])
def test_a_goodbye_in_words_is_a_goodbye_beside_good_day(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id == "goodbye"


def test_a_thanks_that_takes_leave_is_a_goodbye(engine: Engine) -> None:
    context = engine.respond("what is ms").context
    assert engine.respond("thanks, that's all", context).intent_id == "goodbye"
    assert engine.respond("thanks, that helped", context).intent_id == "thanks"


@pytest.mark.parametrize("text", ["Hello, I have never used one of these before. What do I do?",
                                  "can you help me with ms questions?"])
def test_a_first_timer_gets_the_help(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id == "help"


def test_the_topic_answers_beside_a_facet_no_section_covers(engine: Engine) -> None:
    """ "what dmts slow it down, and side effects?": the medicines, and a note that the article does not cover
    side effects (asked alone, only the note)."""
    both = engine.respond("what dmts slow ms down, and is ocrelizumab one, and side effects?")
    assert both.intent_id == "ms_dmt" and "doesn't cover side effects" in both.reply.footer
    alone = engine.respond("what are the side effects of natalizumab")
    assert alone.kind == "fallback" and alone.fallback == "not_covered"


def test_good_day_with_a_question_is_no_goodbye(engine: Engine) -> None:
    context = engine.respond("what is ms").context
    assert engine.respond("Good day. What causes MS?", context).intent_id == "ms_causes"
    assert engine.respond("good evening", context).intent_id == "greeting"  # said on coming back, too


@pytest.mark.parametrize("text", ["why do people get ms", "how do u get ms", "where does ms come from"])
def test_a_cause_question_gets_the_articles_causes_section(engine: Engine, text: str) -> None:
    """ "why", "get" and "people" are filler words: the message found only "ms" (what MS is)."""
    assert engine.respond(text).intent_id == "ms_causes"


def test_a_cause_follow_up_goes_to_the_causes_section_of_the_topic(engine: Engine) -> None:
    context = engine.respond("wat even is ms").context
    assert engine.respond("how do u get it", context).intent_id == "ms_causes"


def test_an_article_with_two_causes_sections_leaves_the_choice_to_the_matcher(engine: Engine) -> None:
    """Drug-resistant epilepsy has structural and genetic causes: 'why does it happen' alone names neither."""
    context = engine.respond("what is refractory epilepsy").context
    assert engine.respond("why does it happen", context).intent_id not in ("refractory_structural_causes",)


def test_a_cost_follow_up_is_plainly_not_covered(engine: Engine) -> None:
    """ "is it expensive?" after VNS was answered with VNS again: no article says what treatment costs."""
    context = engine.respond("what is vagus nerve stimulation").context
    turn = engine.respond("is it expensive", context)
    assert turn.kind == "fallback" and turn.fallback == "not_covered"
    assert texts.FACETS["cost"] in turn.reply.plain_text()


@pytest.mark.parametrize("text", ["hi, I got diagnosed with MS two weeks ago and I'm still taking it in",
                                  "Good evening, my husband has had MS for ten years."])
def test_a_greeting_then_a_story_that_asks_nothing_is_greeted(engine: Engine, text: str) -> None:
    """The greeting says what the bot can help with: better than "I don't have information about that"."""
    turn = engine.respond(text)
    assert turn.kind == "smalltalk" and turn.intent_id == "greeting", turn.kind


@pytest.mark.parametrize("text", ["hello, what is ms", "hi, my lupus rash is back"])
def test_a_greeting_before_a_question_or_another_illness_is_not_just_greeted(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id != "greeting"


@pytest.mark.parametrize(("text", "intent"), [
    # the story's words found another topic, or the greeting won: the term asked about decides (dev set 14)
    ("I was told last week that I have epilepsy. What actually is it?", "epilepsy_overview"),
    ("Good afternoon. Could you kindly explain what epilepsy is, in plain terms?", "epilepsy_overview"),
    ("just diagnosed with MS today. what actually is it?", "ms_overview"),
    # one sentence, no stop: "tutor" alone finds the out-of-scope "tumor"; "relapse" the topic it names
    ("whats ms my form tutor has it", "ms_overview"),
    ("my tutor is off cos she had a relapse what does that mean", "ms_relapsing_remitting"),
])
def test_a_definition_question_answers_the_terms_topic(engine: Engine, text: str, intent: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.intent_id) == ("topical", intent), text


def test_a_term_no_keyword_spells_out_leaves_the_matcher_to_decide(engine: Engine) -> None:
    decision = engine.decide(Message("what is the best treatment"), Context())
    assert "asks what" not in decision.why


@pytest.mark.parametrize(("text", "intent"), [
    # the keyword is the term with a defining word beside it ("refractory meaning"), or its lexicon form
    ("Our son's doctor used the word refractory. What does that mean exactly?", "refractory_definition"),
    ("mums epilepsy is called intractable. what does that mean", "refractory_definition"),
    ("What is multiple sclerosis? My neighbour has just been diagnosed.", "ms_overview"),
])
def test_a_keyword_that_is_the_term_with_a_defining_word_answers(engine: Engine, text: str, intent: str) -> None:
    decision = engine.decide(Message(text), Context())
    assert (decision.kind, decision.intent_id) == ("topical", intent) and "asks what" in decision.why, decision.why


def test_a_keyword_whose_other_words_are_filler_is_not_the_term(engine: Engine) -> None:
    """ "rule out" is no name for "the rule": its "out" is filler to the matcher but not a defining word."""
    decision = engine.decide(Message("I can drive car with epilepsy in Germany? What is the rule?"), Context())
    assert "asks what" not in decision.why and decision.intent_id != "refractory_external_factors", decision.why


@pytest.mark.parametrize(("first", "then"), [
    ("forgot his evening tablets", "give double tomorrow?"),  # right after the medication reply: no "it" needed
    ("my meds make me feel like a zombie can i just stop", "what if i just take half"),
    ("is it bad that i took my lamotrigine late", "like 6 hours late"),  # how late: the same decision (round 13)
])
def test_a_change_asked_right_after_the_medication_reply_is_one(engine: Engine, first: str, then: str) -> None:
    context = engine.respond(first).context
    assert context.last_intent == "medication_change"
    assert engine.respond(then, context).intent_id == "medication_change"


def test_after_a_treatment_topic_a_change_still_needs_its_object(engine: Engine) -> None:
    context = engine.respond("ms disease modifying drugs").context
    assert engine.respond("can i stop it?", context).intent_id == "medication_change"
    assert engine.respond("give double tomorrow?", context).intent_id != "medication_change"


def test_needs_one_of_keeps_general_health_out_and_the_chats_topic_waives_it(engine: Engine) -> None:
    assert engine.respond("What are the health benefits of Yoga?").kind == "fallback"  # ms_complementary needs MS
    assert engine.respond("How to increase my gut bacteria?").kind == "fallback"  # gut_brain_axis needs the brain
    assert engine.respond("can yoga help with ms").intent_id == "ms_complementary"
    context = engine.respond("does acupuncture help ms").context
    assert engine.respond("and yoga?", context).intent_id == "ms_complementary"


def test_a_follow_up_read_with_the_chats_topic_waives_needs_one_of(engine: Engine) -> None:
    context = engine.respond("are people with epilepsy more likely to get other autoimmune diseases?").context
    assert context.last_intent == "epilepsy_autoimmune_risk"
    assert engine.respond("which ones?", context).intent_id == "epilepsy_autoimmune_risk"
    assert engine.respond("How is an underactive thyroid treated?").kind == "fallback"  # needs epilepsy


def test_inflammation_and_seizures_needs_epilepsy_words(engine: Engine) -> None:
    assert engine.respond("can brain inflammation cause seizures").intent_id == "epilepsy_inflammation"
    turn = engine.respond("is inflammation in the brain like a swollen ankle inside your head")
    assert turn.intent_id != "epilepsy_inflammation"  # the general topic, or a choice, not the seizure one


# -- a question of its own asking for the options, or why someone got it (development set 15) ---------------------

@pytest.mark.parametrize(("text", "topic"), [
    ("if tablets cannot control seizures, what other treatment they have", "refractory_treatments"),
    ("why did I get MS? was it something I did", "ms_causes"),
])
def test_asking_for_options_or_why_someone_got_it_goes_to_that_section(engine: Engine, text: str,
                                                                         topic: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.intent_id) == ("topical", topic), turn.why


@pytest.mark.parametrize(("text", "topic"), [
    ("what is refractory epilepsy", "refractory_definition"),  # no options asked
    ("what is ms", "ms_overview"),
])
def test_the_topic_found_stays_when_nothing_else_is_asked(engine: Engine, text: str, topic: str) -> None:
    assert engine.respond(text).intent_id == topic


def test_what_can_help_with_a_symptom_gets_its_treatment(engine: Engine) -> None:
    turn = engine.respond("what can help with his stiff legs from MS")
    assert turn.intent_id == "ms_symptomatic_treatment", turn.why
    relax = engine.respond("My wife's MS gets worse whenever she's stressed. What can help her relax?")
    assert relax.intent_id == "ms_complementary", relax.why  # "help her" is not "help with"


def test_anything_for_it_after_a_symptom_asks_for_its_treatment(engine: Engine) -> None:
    first = engine.respond("mum has MS. why is she exhausted all the time")
    assert engine.respond("anything for it", first.context).intent_id == "ms_symptomatic_treatment"


def test_autoimmune_encephalitis_answers_how_it_is_treated(engine: Engine) -> None:
    """Four blind-written sets label "can it be treated?" after it with autoimmune encephalitis: its section says
    targeted treatment follows once it is found (intents.yaml: treatments: true)."""
    first = engine.respond("whats autoimmune encephalitis")
    assert engine.respond("can they cure it", first.context).intent_id == "autoimmune_encephalitis"


@pytest.mark.parametrize(("text", "topic"), [
    ("can immunotherapy help seizures that dont respond to meds", "epilepsy_antibodies_immunotherapy"),
    ("what are autoantibodies and how are they connected to epilepsy that doesn't respond to medication",
     "epilepsy_antibodies_immunotherapy"),
    ("what do you call epilepsy that doesnt respond to meds", "refractory_definition"),  # nothing else asked
])
def test_a_description_of_the_seizures_meant_is_read_past(engine: Engine, text: str, topic: str) -> None:
    assert engine.respond(text).intent_id == topic


@pytest.mark.parametrize("text", ["Does ocrelizumab increase the risk of infections?",
                                  "What are the side effects or risks of Natalizumab Injection ?",
                                  "Price of MS medicine is very high in my country, where I find cheaper?"])
def test_side_effects_or_cost_asked_outright_are_not_covered(engine: Engine, text: str) -> None:
    """No section says what the medicines do besides their work, or what they cost: the article found is named as
    not covering it, with who can answer, rather than its excerpt on how they work."""
    turn = engine.respond(text)
    assert (turn.kind, turn.fallback) == ("fallback", "not_covered"), turn.why
    assert "Read the full article" in str(turn.reply)


def test_a_medicine_asked_about_without_a_facet_is_answered(engine: Engine) -> None:
    assert engine.respond("what does ocrelizumab do").intent_id == "ms_dmt"


def test_a_first_aid_question_during_a_seizure_is_not_declined(engine: Engine) -> None:
    """'during a seizure' was an out-of-scope keyword (what a seizure feels like) that declined "should you put
    something in someone's mouth during a seizure"."""
    turn = engine.respond("should you put something in someone's mouth during a seizure")
    assert turn.intent_id == "seizure_first_aid", turn.why


def test_a_short_change_question_after_words_of_its_own_follows_a_treatment_topic(engine: Engine) -> None:
    """Held-out round 16: "I feel fine at the moment. Can I just stop my current one?" after a DMT answer."""
    first = engine.respond("I was on interferon for ten years. What was it actually doing?")
    assert first.intent_id == "ms_dmt"
    turn = engine.respond("I feel fine at the moment. Can I just stop my current one?", first.context)
    assert turn.kind == "medication_change"
    other = engine.respond("I also read that people with MS are more likely to get other things. Is that right?",
                           first.context)
    assert other.kind != "medication_change"  # the short question changes nothing


def test_whether_to_take_the_missed_dose_now_follows_the_medication_reply(engine: Engine) -> None:
    first = engine.respond("my sis forgot her seizure meds at a sleepover last night")
    assert first.kind == "medication_change"
    turn = engine.respond("should she take them when she gets home or just wait till tonight", first.context)
    assert turn.kind == "medication_change"


def test_what_else_leans_on_the_last_topic(engine: Engine) -> None:
    """ "what else plays a role" after "is MS genetic" is about MS's causes, not an epilepsy keyword's "else"."""
    first = engine.respond("is MS genetic")
    assert engine.respond("what else plays a role", first.context).intent_id == "ms_causes"


def test_what_can_stop_it_asks_for_the_treatment(engine: Engine) -> None:
    first = engine.respond("does that mean shes having a relapse")
    assert engine.respond("what can stop more relapses", first.context).intent_id == "ms_dmt"


@pytest.mark.parametrize("text", ["what's the maximum daily dose of baclofen", "can MS shorten your life",
                                  "how do i stop the bruising from her copaxone injections",
                                  "I'm scared to start dating because of my epilepsy"])
def test_questions_of_living_with_it_that_no_article_answers_are_declined(engine: Engine, text: str) -> None:
    turn = engine.respond(text)
    assert turn.kind == "fallback", turn.why


@pytest.mark.parametrize(("text", "intent"), [
    ("why did i get ms? never been ill in my life. was it something i did", "ms_causes"),  # asked in a sentence
    ("what can actually help MS fatigue? she is exhausted all the time", "ms_symptomatic_treatment"),
    ("so tired all the time with this ms. is there a tablet for the tiredness", "ms_symptomatic_treatment"),
])
def test_causes_and_options_asked_in_a_sentence_of_their_own(engine: Engine, text: str, intent: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.intent_id) == ("topical", intent), (text, turn.kind, turn.intent_id)


def test_what_helps_after_a_treatment_topic_stays_on_it(engine: Engine) -> None:
    """Complementary approaches are a treatment topic: "what can help her relax" stays on them."""
    turn = engine.respond("My wife's MS gets worse whenever she's stressed. What can help her relax?")
    assert turn.intent_id == "ms_complementary", turn.intent_id


@pytest.mark.parametrize("first", ["why did i get ms", "whats ms? my dad has it"])
def test_could_my_kids_get_it_asks_whether_it_runs_in_families(engine: Engine, first: str) -> None:
    turn = engine.respond("could my kids get it", _after(engine, first))
    assert (turn.kind, turn.intent_id) == ("topical", "ms_causes"), (turn.kind, turn.intent_id)


def test_and_for_kids_stays_a_facet_the_article_does_not_cover(engine: Engine) -> None:
    assert engine.decide(Message("and for kids?"), _after(engine, "what is ms")).kind == "not_covered"


def test_how_long_it_has_lasted_after_the_first_aid_answer_is_an_emergency(engine: Engine) -> None:
    context = _after(engine, "if my son have convulsion what i do")
    assert engine.decide(Message("he is doing now!! 5 minutes already!!"), context).kind == "safety"


def test_why_not_after_the_medication_reply_stays_on_it(engine: Engine) -> None:
    context = _after(engine, "forgot my pills this morning should i take 2 tonight")
    decision = engine.decide(Message("why not"), context)
    assert (decision.kind, decision.intent_id) == ("safety", "medication_change"), decision.why


def test_switching_by_oneself_after_a_treatment_topic_is_a_medication_decision(engine: Engine) -> None:
    context = _after(engine, "what is natalizumab")
    decision = engine.decide(Message("can i just switch myself"), context)
    assert decision.intent_id == "medication_change", decision.why


@pytest.mark.parametrize(("text", "intent"), [
    ("how do u even get MS", "ms_causes"),
    ("what causes MS?? did he do something wrong, was it something he ate or the stress of his job", "ms_causes"),
    ("My wife has multiple sclerosis. What causes her tiredness?", "ms_demyelination_symptoms"),  # a symptom's cause
    ("my wife have lupus, she have pain like electric in the legs. is from lupus?", "autoimmune_neuro_symptoms"),
])
def test_what_causes_the_disease_or_a_symptom(engine: Engine, text: str, intent: str) -> None:
    turn = engine.respond(text)
    assert (turn.kind, turn.intent_id) == ("topical", intent), (text, turn.kind, turn.intent_id)


@pytest.mark.parametrize(("turns", "intent"), [
    (("is MS genetic", "could stress have caused it"), "ms_causes"),  # a cause asked, not the stress topic
    (("what actually are lesions", "so what stops new ones forming"), "ms_dmt"),
    (("what causes ms", "can it be stopped?"), "ms_dmt"),
    (("what is MS? my brother have it", "there is medicine for it?"), "ms_dmt"),  # a learner's word order
    (("why does ms come and go", "what meds stop the flare ups then"), "ms_dmt"),
    (("is acupuncture any good for ms", "so what does cause it then"), "ms_causes"),  # rounds 20-21
    (("how do t cells and b cells cause ms", "and how do the meds stop them"), "ms_dmt"),
    (("what is a relapse", "What medicine stops it coming back?"), "ms_dmt"),
    (("his MRI showed cortical dysplasia, is that why the meds fail", "so could they operate and take it out"),
     "refractory_treatments"),
])
def test_causes_and_treatment_asked_after_a_topic(engine: Engine, turns: tuple[str, str], intent: str) -> None:
    decision = engine.decide(Message(turns[1]), _after(engine, turns[0]))
    assert decision.intent_id == intent, decision.why


@pytest.mark.parametrize(("first", "then"), [
    ("My wife with MS have stiff legs. Baclofen is good?", "Baclofen make her very sleepy, is normal?"),
    ("what does an OT do for ms", "who pays for a wheelchair?"),
])
def test_a_side_effect_felt_or_who_pays_is_not_covered(engine: Engine, first: str, then: str) -> None:
    assert engine.decide(Message(then), _after(engine, first)).kind == "not_covered"


def test_the_illness_making_one_tired_is_no_side_effect(engine: Engine) -> None:
    assert engine.respond("ms makes me so tired all the time").intent_id == "ms_demyelination_symptoms"


@pytest.mark.parametrize(("first", "then"), [
    ("What is autoimmune encephalitis?", "When can she come back to school?"),
    ("what is vagus nerve stimulation", "Can he travel by aeroplane for the wedding next month?"),
    ("does gut bacteria affect mood", "Which diet should I follow for my diabetes?"),
    # ... nor asks what the treatment just named does (round 20)
    ("what diet helps with brain inflammation", "would that help me lose weight too"),
    # costs, food and sport said in their own words (rounds 20-21, dev set 19)
    ("CAN STEM CELLS HELP MS", "IS IT AVAILABLE ON THE NHS"),
    ("what's the ketogenic diet for epilepsy", "can he still have birthday cake lol"),
    ("is yoga any good for ms or just hype", "and lifting weights"),
])
def test_a_follow_up_about_something_we_do_not_cover_does_not_borrow_the_topic(engine: Engine, first: str,
                                                                                then: str) -> None:
    """On its own the message finds an out-of-scope keyword (school, a wedding, diabetes) that the last topic
    does not explain: the pronoun does not make it part of the topic."""
    context = engine.respond(first).context
    assert context.last_intent is not None
    turn = engine.respond(then, context)
    assert turn.kind == "fallback", (turn.kind, turn.intent_id)


@pytest.mark.parametrize(("first", "then", "intent"), [
    ("ms and gut bacteria, any link?", "what diet then", "neuro_immune_treatments"),  # not the ketogenic diet
    ("hippocampal sclerosis? surgery option?", "success rate", "refractory_treatments"),  # not stem cells for MS
])
def test_a_message_naming_no_disease_keeps_to_the_chats(engine: Engine, first: str, then: str, intent: str) -> None:
    assert engine.respond(then, _after(engine, first)).intent_id == intent


@pytest.mark.parametrize(("first", "then", "intent"), [
    ("lupus and brain fog", "is my gut involved in this too", "gut_brain_axis"),  # its own word's section
    ("my son has focal cortical dysplasia. is that why the meds don't work", "can it be removed",
     "refractory_treatments"),
    # a facet or a measure names no subject: the topic stays
    ("pt w epilepsy, are they more at risk of autoimmune conditions?", "which ones", "epilepsy_autoimmune_risk"),
    ("his neuro mentioned RNS, responsive neurostimulation. what is it", "is he too young for it",
     "refractory_treatments"),
])
def test_a_follow_up_moves_to_the_section_its_own_words_find(engine: Engine, first: str, then: str,
                                                            intent: str) -> None:
    assert engine.respond(then, _after(engine, first)).intent_id == intent


def test_the_general_neuro_immune_topic_may_follow_a_disease(engine: Engine) -> None:
    context = _after(engine, "what is immunotherapy for epilepsy")
    assert engine.respond("is inflammation in the brain always bad", context).intent_id == "neuroinflammation"


def test_a_follow_up_whose_out_of_scope_words_the_topic_shares_stays_on_it(engine: Engine) -> None:
    """ "work stress" is an out-of-scope keyword, but stress is what the yoga and stress section is about."""
    context = engine.respond("what about yoga or meditation for ms").context
    assert engine.respond("does stress make it worse? work is mental right now", context).intent_id == \
        "ms_complementary"


@pytest.mark.parametrize(("text", "intent"), [
    ("mother MS, very tired all day. why?", "ms_demyelination_symptoms"),
    ("why do ms people get so damn tired", "ms_demyelination_symptoms"),
    ("is there anything for MS fatigue? I'm wiped out by lunchtime", "ms_symptomatic_treatment"),
])
def test_a_condition_not_asked_how_to_treat_gets_its_own_topic(engine: Engine, text: str, intent: str) -> None:
    """The treatment topic and the condition's topic find the same words: only a question asking for help or
    a treatment gets the treatment topic."""
    assert engine.respond(text).intent_id == intent


@pytest.mark.parametrize("text", ["you doctor?", "Are you a real person, or one of these computer programmes?"])
def test_a_learners_or_a_longer_question_about_the_bot_is_about_the_bot(engine: Engine, text: str) -> None:
    assert engine.respond(text).intent_id == "about_bot"


def test_a_wish_to_speak_to_the_ms_team_is_a_handover_not_microsoft_teams(engine: Engine) -> None:
    assert engine.respond("Then could I speak to someone from the MS team, please?").kind == "handover"


@pytest.mark.parametrize(("first", "then", "intent"), [
    ("does my son's epilepsy raise his risk of other autoimmune diseases", "what should we be monitoring?",
     "epilepsy_autoimmune_risk"),
    ("is stem cell therapy a cure for MS", "how do we get on a trial", "ms_stem_cells"),
])
def test_a_follow_up_whose_own_words_lean_to_the_last_topic_gets_it(engine: Engine, first: str, then: str,
                                                                    intent: str) -> None:
    """On its own the message leans towards the last topic too weakly to answer; with the context it does."""
    assert engine.respond(then).intent_id != intent  # not answered on its own
    context = engine.respond(first).context
    assert context.last_intent == intent
    assert engine.respond(then, context).intent_id == intent


@pytest.mark.parametrize(("first", "then"), [
    ("a pupil has epilepsy, what do i do if she has a seizure in class", "can she do pe"),
    ("does the keto diet work for epilepsy", "can u still play football after brain surgery"),
    ("Does having several kinds of seizure make epilepsy harder to treat?",
     "Can he still come on the residential trip next month?"),
])
def test_everyday_life_after_a_topic_is_plainly_not_covered(engine: Engine, first: str, then: str) -> None:
    """School, sport, trips: no article covers everyday life, and the topic again would not answer."""
    context = engine.respond(first).context
    turn = engine.respond(then, context)
    assert turn.kind == "fallback" and turn.fallback == "not_covered", (turn.kind, turn.intent_id)
    assert texts.FACETS["daily_life"] in turn.reply.plain_text()


def test_going_back_to_school_after_a_treatment_topic_is_no_medication_change(engine: Engine) -> None:
    context = engine.respond("how old do kids have to be for epilepsy surgery").context
    assert engine.respond("Would he be able to go back to school straight after?", context).kind != \
        "medication_change"
    assert engine.respond("can i go back to my old one?", engine.respond("what are DMTs").context).kind == \
        "medication_change"


@pytest.mark.parametrize("then", ["will it stop the relapses?", "do they actually stop it getting worse tho",
                                  "can they stop it progressing", "do they actually help"])
def test_what_a_treatment_does_asked_after_it_is_no_medication_change(engine: Engine, then: str) -> None:
    """ "stop" is what the medicine does to the relapses, not stopping the medicine."""
    context = engine.respond("what are DMTs").context
    turn = engine.respond(then, context)
    assert turn.kind == "topical" and turn.intent_id == "ms_dmt", (turn.kind, turn.intent_id)


def test_stopping_the_treatment_after_it_is_still_a_medication_change(engine: Engine) -> None:
    assert engine.respond("can i stop it?", engine.respond("what are DMTs").context).kind == "medication_change"


@pytest.mark.parametrize(("then", "facet"), [("is it contagious", "contagion"),
                                             ("is it gonna kill her", "life_expectancy")])
def test_contagion_and_life_expectancy_are_plainly_not_covered(engine: Engine, then: str, facet: str) -> None:
    """The MS overview says neither: the reply says so and who can answer, not the overview again."""
    context = engine.respond("what even is ms").context
    turn = engine.respond(then, context)
    assert turn.kind == "fallback" and turn.fallback == "not_covered", (turn.kind, turn.intent_id)
    assert texts.FACETS[facet] in turn.reply.plain_text()


@pytest.mark.parametrize("text", [
    "ok real talk i forget my meds like half the time. could that be why my seizures never stopped",
    "my son sometimes vomit the pill after. this can make the epilepsy look like is not controlled?",
    "can other medicines he takes stop his epilepsy meds from working properly? he's on like 5 different things",
])
def test_what_missed_doses_do_to_the_illness_gets_the_topic_with_the_medication_line(engine: Engine, text: str) -> None:
    """A question about missed doses or other medicines as the reason seizures go on: the article on outside
    factors answers it, and the medication line stays on top."""
    turn = engine.respond(text)
    offered = (turn.intent_id,) if turn.kind == "topical" else turn.match.options if turn.match else ()
    assert "refractory_external_factors" in offered, (turn.kind, turn.intent_id)
    assert texts.LINE_MEDICATION in turn.reply.plain_text()


@pytest.mark.parametrize("text", [
    "he forgot his tablets last night, should i give two today",
    "she wants to stop hers because she hates the injections, is that ok?",
    "my wife wants to skip her next ocrelizumab infusion because she feels fine, is that ok?",
    "Can I make my dose more big myself? Still have fits",
    # a plan to stop, "just" between: "thinking of just stopping my meds ... any reason not to" (round 51)
    "thinking of just stopping my meds. theyre not doing anything anyway and i feel like a zombie. any reason not to",
])
def test_a_dose_to_decide_on_still_gets_the_medication_reply(engine: Engine, text: str) -> None:
    assert engine.respond(text).kind == "medication_change"


def test_a_reason_given_for_a_missed_dose_keeps_the_medication_reply(engine: Engine) -> None:
    """ "because" here says why the dose was missed, not what missed doses do to the illness."""
    assert engine.respond("i miss my medicine 3 days because i travel and forget the box at home").kind == \
        "medication_change"


def test_a_wish_for_a_person_made_of_filler_words_is_a_handover(engine: Engine) -> None:
    """Only "not" of "i want to talk to a person not a bot" is a content word: the matcher found nothing."""
    assert engine.respond("i want to talk to a person not a bot").kind == "handover"


@pytest.mark.parametrize("text", ["and how do they form?", "what makes them happen", "what's causing them?",
                                  "why are they there in the first place"])
def test_how_the_lesions_form_goes_to_the_topic_named_formed_by(engine: Engine, text: str) -> None:
    """After lesions (`formed_by: ms_immune_attack`), how they come about is the immune attack, not what causes MS."""
    context = engine.respond("my MRI showed several lesions, what does that mean").context
    assert context.last_intent == "ms_lesions_mri"
    turn = engine.respond(text, context)
    assert (turn.kind, turn.intent_id) == ("topical", "ms_immune_attack"), text


@pytest.mark.parametrize("text", ["is it because of something I did?", "could I pass this on to my future kids?"])
def test_whether_a_person_brought_it_on_is_what_causes_the_disease(engine: Engine, text: str) -> None:
    context = engine.respond("what does the immune system do in ms").context
    turn = engine.respond(text, context)
    assert (turn.kind, turn.intent_id) == ("topical", "ms_causes"), text


@pytest.mark.parametrize(("first", "text"), [
    ("forgot my lamotrigine last night, do i double up this morning", "why does it even matter if i miss one"),
    ("can I give his evening dose 2 hours early, we are going to a wedding", "and if he misses it completely?"),
    ("pt missed morning keppra, it's 3pm", "give now or wait til evening"),
])
def test_a_missed_dose_asked_as_if_after_the_medication_reply_is_one_too(engine: Engine, first: str,
                                                                          text: str) -> None:
    context = engine.respond(first).context
    turn = engine.respond(text, context)
    assert (turn.kind, turn.intent_id) == ("medication_change", "medication_change"), text


@pytest.mark.parametrize(("first", "text"), [
    ("how does ocrelizumab work", "does it raise infection risk"),
    ("my daughter's neurologist wants to try immunotherapy for her seizures. how does that work",
     "does it lower her immune system, will she get sick easier"),
])
def test_what_a_treatment_does_asked_in_general_is_no_medication_decision(engine: Engine, first: str,
                                                                         text: str) -> None:
    """ "lower" and "raise" said of the immune system or a risk, in a general question, change no dose."""
    turn = engine.respond(text, engine.respond(first).context)
    assert turn.kind != "medication_change", text


def test_what_a_treatment_does_may_name_the_chats_disease(engine: Engine) -> None:
    context = engine.respond("wats a vagus nerve stimulator").context
    turn = engine.respond("does it actually stop seizures", context)
    assert (turn.kind, turn.intent_id) == ("topical", "refractory_treatments")


@pytest.mark.parametrize(("first", "text", "facet"), [
    ("what is vagus nerve stimulation", "can he still have MRIs with it in", "implant_scans"),
    ("can they operate on cortical dysplasia", "how long would she be in hospital", "hospital_stay"),
])
def test_a_hospital_stay_or_scans_with_an_implant_are_not_covered(engine: Engine, first: str, text: str,
                                                                   facet: str) -> None:
    """No article says how long a stay is or whether an MRI is safe with a stimulator: said plainly, not the
    treatment's excerpt again."""
    turn = engine.respond(text, engine.respond(first).context)
    assert (turn.kind, turn.fallback) == ("fallback", "not_covered"), turn.intent_id
    assert engine.decide(Message(text), engine.respond(first).context).facet == facet


def test_a_hospital_stay_told_in_a_story_is_no_facet(engine: Engine) -> None:
    turn = engine.respond("My husband had a big relapse in 2023 and needed a hospital stay. What is a relapse?")
    assert turn.fallback != "not_covered", turn.intent_id


def test_how_people_get_it_asked_beside_whether_it_spreads_gets_the_causes(engine: Engine) -> None:
    turn = engine.respond("how do u get ms, is it contagious")
    assert (turn.kind, turn.intent_id) == ("topical", "ms_causes")
    alone = engine.respond("is ms contagious")  # whether it spreads alone: the article does not say
    assert (alone.kind, alone.fallback) == ("fallback", "not_covered")


@pytest.mark.parametrize("text", ["will i have a fit", "what about just halving it then"])
def test_what_the_dose_does_or_a_change_without_a_question_mark_after_the_medication_reply(engine: Engine,
                                                                                           text: str) -> None:
    context = engine.respond("forgot my keppra this morning").context
    turn = engine.respond(text, context)
    assert (turn.kind, turn.intent_id) == ("medication_change", "medication_change"), text
    assert engine.respond(text).kind != "medication_change", text  # alone, nothing says which dose


def test_an_injury_told_after_the_first_aid_answer_is_a_seizure_injury(engine: Engine) -> None:
    first = engine.respond("pt just had a seizure, stopped now, breathing ok, do i need to call anyone")
    assert first.intent_id == "seizure_first_aid", first.kind
    turn = engine.respond("shes got a cut on her head from the fall, quite deep, bleeding a lot", first.context)
    assert (turn.kind, turn.intent_id) == ("emergency", "emergency")


@pytest.mark.parametrize("text", ["is there anyone real i can talk to", "can i talk 2 someone real"])
def test_someone_real_is_a_wish_for_a_person(engine: Engine, text: str) -> None:
    assert engine.respond(text).kind == "handover", text
    during = engine.respond(text, engine.respond("my son is having a seizure now").context)
    assert during.kind == "handover", text  # with the emergency line still in view


@pytest.mark.parametrize("text", ["what if i hit my head on smth", "and if they hurt themselves"])
def test_an_injury_asked_about_after_the_first_aid_answer_is_no_emergency(engine: Engine, text: str) -> None:
    context = engine.respond("what to do if someone has a seizure").context
    assert engine.respond(text, context).kind not in ("emergency", "emergency_follow_up"), text


# -- the topic net beside the keywords (with_the_net) ----------------------------------------------------------


class _FixedNet(TopicNet):
    """A net that reads every message the same way: the probabilities given."""

    def __init__(self, probabilities: dict[str, float], keywords: Iterable[str] = ()) -> None:
        super().__init__(tuple(probabilities), (0.0,) * len(probabilities), (), array("I", [0]), array("B"),
                         array("f"), keywords)
        self.fixed = probabilities

    def probabilities_of_words(self, words: Sequence[str]) -> dict[str, float]:
        return dict(self.fixed)


def _learnt(library: Library) -> list[str]:
    """Every keyword of the intents: a net trained on them all."""
    return [k for intent in library.current.intents.values() for k in intent.keywords]


def _decided(library: Library, text: str, net: dict[str, float] | None, learnt: bool = True) -> tuple[str, str | None]:
    keywords = _learnt(library) if learnt else ()
    knowledge = replace(library.current, topic_net=_FixedNet(net, keywords) if net is not None else None)
    decision = decide(Message(text), Situation(knowledge, None, None, None, 0.0))
    return decision.kind, decision.intent_id


NOTHING = "qwxz blorp"  # finds no keyword: the fallback without the net


@pytest.mark.parametrize(("p", "expected"), [(0.29, ("fallback", None)), (0.59, ("ambiguous", None)),
                                           (0.61, ("topical", "ms_dmt"))])
def test_the_net_answers_what_the_keywords_found_nothing_in_when_sure_enough(library: Library, p: float,
                                                                            expected: tuple[str, str | None]) -> None:
    assert _decided(library, NOTHING, None) == ("fallback", None)
    assert _decided(library, NOTHING, {"ms_dmt": p, "out_of_scope": 1 - p}) == expected


def test_the_net_picks_among_the_topics_a_did_you_mean_offers(library: Library) -> None:
    text = "does coffee mess with the epilepsy meds"  # two close topics
    without = decide(Message(text), Situation(replace(library.current, topic_net=None), None, None, None, 0.0))
    assert without.kind == "ambiguous" and without.match is not None
    offered = without.match.options
    second = offered[1]
    assert _decided(library, text, {second: 0.4, "out_of_scope": 0.3, "ms_overview": 0.3}) == ("topical", second)
    # "ms signs or reasons" asks for both: the choice stays, however sure the net
    assert _decided(library, "ms signs or reasons", {"ms_causes": 0.99, "out_of_scope": 0.01})[0] == "ambiguous"
    # ... a topic it offers not, or too unsure: the choice stays
    assert _decided(library, text, {second: 0.3, "out_of_scope": 0.7})[0] == "ambiguous"


@pytest.mark.parametrize(("p", "joins"), [(0.35, True), (0.28, False)])
def test_the_nets_plausible_topic_joins_the_keywords_choice(library: Library, p: float, joins: bool) -> None:
    """The keywords offer a choice without the topic the net finds plausible (not sure enough to answer): it joins
    the choice, in the last place when the choice is full."""
    text = "does coffee mess with the epilepsy meds"  # two close topics
    without = decide(Message(text), Situation(replace(library.current, topic_net=None), None, None, None, 0.0))
    assert without.match is not None and "refractory_drug_resistance" not in without.match.options
    rest = (1 - p) / 3  # the net's likeliest reading, not sure enough to answer
    net = {"refractory_drug_resistance": p, "out_of_scope": rest, "ms_overview": rest, "gut_brain_axis": rest}
    knowledge = replace(library.current, topic_net=_FixedNet(net, _learnt(library)))
    decision = decide(Message(text), Situation(knowledge, None, None, None, 0.0))
    assert decision.kind == "ambiguous" and decision.match is not None
    options = decision.match.options
    assert ("refractory_drug_resistance" in options) is joins and len(options) <= 3
    kept = options[:-1] if joins else options  # the keywords' topics first, in their order
    assert kept == without.match.options[:len(kept)]


def test_a_topic_the_net_finds_plausible_where_the_keywords_found_nothing_is_offered(library: Library) -> None:
    """Uncertainty shown: "Did you mean" the net's plausible topics (likeliest first), and no reply that pretends."""
    net = {"ms_dmt": 0.4, "ms_overview": 0.31, "gut_brain_axis": 0.2, "out_of_scope": 0.09}
    knowledge = replace(library.current, topic_net=_FixedNet(net, _learnt(library)))
    decision = decide(Message(NOTHING), Situation(knowledge, None, None, None, 0.0))
    assert decision.kind == "ambiguous" and decision.match is not None and decision.unsure
    assert decision.match.options == ("ms_dmt", "ms_overview")


def test_the_net_offers_nothing_past_an_admins_out_of_scope_keyword(library: Library) -> None:
    text = "can i drive with epilepsy"  # an out-of-scope keyword of intents.yaml
    assert _decided(library, text, {"epilepsy_overview": 0.5, "out_of_scope": 0.5}) == ("fallback", None)


@pytest.mark.parametrize(("keywords_topic", "expected"), [(0.11, ("topical", "ms_dmt")), (0.09, ("ambiguous", None))])
def test_a_keyword_answer_the_net_all_but_rules_out_becomes_a_choice(library: Library, keywords_topic: float,
                                                                    expected: tuple[str, str | None]) -> None:
    """The keywords found their topic, the net reads it nearly impossible and another likely (not sure enough to
    overrule): both are offered, the keywords' first."""
    text = "what are the ms disease modifying drugs"
    net = {"gut_brain_axis": 0.6, "ms_dmt": keywords_topic, "out_of_scope": 0.4 - keywords_topic}
    knowledge = replace(library.current, topic_net=_FixedNet(net, _learnt(library)))
    decision = decide(Message(text), Situation(knowledge, None, None, None, 0.0))
    assert (decision.kind, decision.intent_id) == expected
    if decision.kind == "ambiguous":  # two topics, the keywords' one sure on its own: a plain choice
        assert decision.match is not None and decision.match.options == ("ms_dmt", "gut_brain_axis")
        assert not decision.unsure


@pytest.mark.parametrize(("p", "expected"), [(0.79, "ms_dmt"), (0.81, "gut_brain_axis")])
def test_the_net_overrules_a_keyword_answer_only_when_far_surer(library: Library, p: float, expected: str) -> None:
    text = "what are the ms disease modifying drugs"
    assert _decided(library, text, None) == ("topical", "ms_dmt")
    assert _decided(library, text, {"gut_brain_axis": p, "ms_dmt": 1 - p}) == ("topical", expected)


@pytest.mark.parametrize(("p", "expected"), [(0.89, ("topical", "ms_dmt")), (0.91, ("fallback", None))])
def test_the_net_declines_a_keyword_answer_only_when_near_certain(library: Library, p: float,
                                                                  expected: tuple[str, str | None]) -> None:
    text = "what are the ms disease modifying drugs"
    assert _decided(library, text, {"out_of_scope": p, "ms_dmt": 1 - p}) == expected


def test_the_net_does_not_decline_a_short_turn_in_a_conversation(library: Library) -> None:
    """ "ms drugs list?" after a topic: the net learnt such short turns only when they were out of scope."""
    text, net = "ms disease modifying drugs?", {"out_of_scope": 0.99, "ms_dmt": 0.01}
    knowledge = replace(library.current, topic_net=_FixedNet(net, _learnt(library)))
    alone = decide(Message(text), Situation(knowledge, None, None, None, 0.0))
    after = decide(Message(text), Situation(knowledge, "ms_overview", "ms", None, 0.0))
    assert (alone.kind, after.kind, after.intent_id) == ("fallback", "topical", "ms_dmt")


def test_the_net_never_gives_or_takes_a_safety_or_handover_reply(library: Library) -> None:
    sure_topic = {"gut_brain_axis": 0.99, "out_of_scope": 0.01}
    sure_none = {"out_of_scope": 0.99, "gut_brain_axis": 0.01}
    for net in (sure_topic, sure_none):
        assert _decided(library, "my son is having a seizure and not breathing", net)[0] == "safety"
        assert _decided(library, "can i stop taking my ocrevus", net) == ("safety", "medication_change")
        assert _decided(library, "i want to talk to a real person", net)[0] == "handover"
    # a safety or handover label the net might give is not its to answer with
    assert _decided(library, NOTHING, {"crisis": 0.99, "out_of_scope": 0.01}) == ("fallback", None)
    assert _decided(library, NOTHING, {"handover": 0.99, "out_of_scope": 0.01}) == ("fallback", None)


def test_a_net_label_whose_intent_is_gone_is_passed_over(library: Library) -> None:
    assert _decided(library, NOTHING, {"a_removed_topic": 0.99, "out_of_scope": 0.01}) == ("fallback", None)


def test_the_net_defers_to_a_keyword_it_never_learnt(library: Library) -> None:
    """An admin's keyword added after the net was trained is their word: neither overruled nor declined."""
    text = "what are the ms disease modifying drugs"
    for net in ({"out_of_scope": 0.99, "ms_dmt": 0.01}, {"gut_brain_axis": 0.99, "ms_dmt": 0.01}):
        assert _decided(library, text, net, learnt=False) == ("topical", "ms_dmt")
        assert _decided(library, text, net, learnt=True) != ("topical", "ms_dmt")


def test_the_net_gives_no_smalltalk_and_keeps_needs_one_of(library: Library) -> None:
    assert _decided(library, NOTHING, {"thanks": 0.99, "out_of_scope": 0.01}) == ("fallback", None)
    # gut_brain_axis needs a word of the brain or mood (intents.yaml's needs_one_of): the net, unless all but
    # certain, cannot waive it
    assert _decided(library, "How to increase my gut bacteria?", {"gut_brain_axis": 0.9, "out_of_scope": 0.1}) \
        == ("fallback", None)
    assert _decided(library, "How to increase my gut bacteria?", {"gut_brain_axis": 0.99, "out_of_scope": 0.01}) \
        == ("topical", "gut_brain_axis")


def test_a_question_about_the_bot_just_under_the_threshold_is_answered_when_the_net_agrees(library: Library) -> None:
    """The keywords' best guess is about the bot, under the threshold; the net agreeing answers it, alone it never
    does; a thanks with more after it is never answered this way ("thanks, my son has had a fever since monday")."""
    text = "who actually made you then, some drug company?"
    assert _decided(library, text, {"about_bot": 0.9, "out_of_scope": 0.1}) == ("smalltalk", "about_bot")
    assert _decided(library, text, {"about_bot": 0.3, "out_of_scope": 0.7}) == ("fallback", None)
    assert _decided(library, NOTHING, {"about_bot": 0.99, "out_of_scope": 0.01}) == ("fallback", None)
    assert _decided(library, "thanks, my son has had a fever since monday", {"thanks": 0.99, "out_of_scope": 0.01}) \
        != ("smalltalk", "thanks")


def test_the_net_does_not_place_a_short_question_with_no_subject(library: Library) -> None:
    """ "is it inherited?" with no topic before: which illness is meant, the net cannot know."""
    assert _decided(library, "is it inherited?", {"ms_causes": 0.99, "out_of_scope": 0.01})[1] != "ms_causes"
    assert _decided(library, "is ms inherited?", {"ms_causes": 0.99, "out_of_scope": 0.01}) == ("topical", "ms_causes")


# -- rounds 32 and 33: safety in a conversation ------------------------------------------------------------------


def _last_of(engine: Engine, *texts: str) -> tuple[str, str | None]:
    context = None
    for text in texts:
        turn = engine.respond(text, context) if context is not None else engine.respond(text)
        context = turn.context
    return turn.kind, turn.intent_id


def test_a_seizure_starting_after_first_aid_talk_is_an_emergency(engine: Engine) -> None:
    assert _last_of(engine, "what do i do if someone has a fit", "he's starting one now, timing it")[0] == "emergency"


def test_a_plan_told_then_is_that_ok_after_the_medicines_is_a_medication_decision(engine: Engine) -> None:
    assert _last_of(engine, "what are the ms disease modifying drugs",
                    "Honestly I'm thinking of just not starting any of them and seeing how it goes. Is that OK?") \
        == ("medication_change", "medication_change")


def test_a_plan_to_stop_them_told_after_a_medicine_named_is_a_medication_decision(engine: Engine) -> None:
    """ "had enough. thinking of just stopping all of them ..." after "why do my pills keep failing": the plan is
    told, not asked, in a message too long to be read as one question (round 58)."""
    assert _last_of(engine, "fine. why do my pills keep failing",
                    "had enough. thinking of just stopping all of them and seeing what happens") \
        == ("medication_change", "medication_change")


def test_a_longer_wish_told_right_after_the_medication_reply_is_the_same_kind_of_decision(engine: Engine) -> None:
    assert _last_of(engine, "my husband has forgotten his tablets this morning should he take double tonight",
                    "he also wants to stop the new one because it makes him dizzy")[0] == "medication_change"


def test_a_week_missed_supposed_after_the_medication_reply_is_the_same_decision(engine: Engine) -> None:
    assert _last_of(engine, "i wanna stop my meds theyre making me tired all the time",
                    "whatever. what happens if u miss like a week")[0] == "medication_change"


def test_what_the_dose_missed_does_asked_after_the_medication_reply_is_the_same_decision(engine: Engine) -> None:
    assert _last_of(engine, "i missed my meds 2day wat do i do", "can that make me have a seizure")[0] \
        == "medication_change"
    assert _last_of(engine, "client with epilepsy on 3 drugs still seizing. could her other meds be interfering?",
                    "shes on an antibiotic this week. should i hold it or her epilepsy meds")[0] == "medication_change"


def test_an_everyday_enough_after_a_possible_crisis_is_no_second_one(engine: Engine) -> None:
    """ "fair enough cheers" after a message that got the possible crisis line: the crisis net had learned "enough"
    from "had enough"; a thanks is no second possible crisis (round 61)."""
    assert _last_of(engine, "vaping any better", "fair enough cheers")[0] != "crisis"


def test_a_life_gone_back_to_after_a_treatment_topic_is_no_medication_change(engine: Engine) -> None:
    """ "can she go back to the gym yet" after a treatment topic: the gym, not a medicine gone back to (round 58)."""
    kind, _ = _last_of(engine, "whats the difference between autoimmune encephalitis and epilepsy",
                       "can she go back to the gym yet")
    assert kind != "medication_change"
    assert _last_of(engine, "what are the ms disease modifying drugs", "can i go back to the old one?")[0] \
        == "medication_change"


def test_a_medicine_named_before_a_permission_asked_in_the_same_message(engine: Engine) -> None:
    text = ("I started the glatiramer injections yesterday and my chest went tight and I felt awful for 10 minutes. "
            "Should I skip tonight's?")
    assert engine.respond(text).kind == "medication_change"
    # a question about what a treatment does, medicines named after it, asks no permission
    assert engine.respond("does VNS stop seizures completely or just cut them down? diagnosed this year and already "
                          "been through 2 meds").kind != "medication_change"


@pytest.mark.parametrize(("then", "kind"), [("its lamotrigine", "medication_change"),
                                            ("and if it happens again tonight?", "medication_change"),
                                            ("What if the encephalitis comes back?", "topical")])
def test_after_the_medication_reply_the_medicine_named_or_the_same_case_supposed(engine: Engine, then: str,
                                                                                 kind: str) -> None:
    first = "client missed evening meds family forgot. give now at midnight??"
    assert _last_of(engine, first, then)[0] == kind


def test_is_this_the_ms_or_a_stroke_during_a_stroke_gets_the_guidance(engine: Engine) -> None:
    assert _last_of(engine, "my husband cannot move his left arm and his face is drooping on one side, started 10 "
                            "minutes ago", "Is this MS relapse or stroke??") == ("emergency", "emergency")  # not the relapse topic


@pytest.mark.parametrize(("first", "then"), [
    ("his MRI shows cortical dysplasia on the left side. what does that mean for his seizures?", "can they take it out?"),
    ("his MRI shows cortical dysplasia on the left side", "can they just cut the patch out"),
    ("Our son's MRI showed focal cortical dysplasia. Is that why the drugs don't work?", "Can that be operated on?"),
    ("what actually counts as refractory epilepsy", "so whats left for me then"),
    ("my neuro said my epilepsy is drug resistant wtf does that mean", "so what can they even do if the meds dont work"),
])
def test_surgery_or_what_is_left_asked_after_a_cause_is_the_treatment_topic(engine: Engine, first: str,
                                                                           then: str) -> None:
    assert _last_of(engine, first, then) == ("topical", "refractory_treatments")


def test_what_if_the_pills_dont_work_after_the_overview_is_not_the_treatment_topic(engine: Engine) -> None:
    """It asks about drug resistance (what it is), not the options."""
    kind, intent = _last_of(engine, "whats epilepsy exactly", "what if the pills dont work")
    assert intent != "autoimmune_encephalitis", (kind, intent)


@pytest.mark.parametrize("asked", ["IS IT HER MS", "could this be a relapse?", "is it just her ms flaring",
                                   "Is it her epilepsy?", "Is this to do with her arthritis?"])  # (rounds 130, 131)
def test_asked_whether_the_signs_of_a_stroke_are_ms_gets_the_guidance_again(engine: Engine, asked: str) -> None:
    """Only a hospital can tell them apart: the follow-up says so, rather than the MS article under a line."""
    first = "MY WIFE CANNOT SPEAK PROPERLY AND HER FACE IS DROOPING SINCE TEN MINUTES"
    turn = engine.respond(asked, engine.respond(first).context)
    assert (turn.kind, turn.intent_id) == ("emergency", "emergency"), asked
    assert "only a hospital can tell them apart" in turn.reply.plain_text()


def test_awake_but_confused_after_a_head_hit_still_says_to_call(engine: Engine) -> None:
    """The after-care, led by why they still need to be seen (round 130)."""
    first = engine.respond("Resident just had a seizure and fell, she hit her head on the table and is bleeding")
    turn = engine.respond("She's awake now but confused", first.context)
    assert turn.reply.title == texts.FOLLOW_STILL_CALL_TITLE


@pytest.mark.parametrize("asked", ["what should i get checked then", "what we must check for him?"])
def test_a_follow_up_whose_word_came_nearer_the_bot_than_the_topic_follows_the_topic(engine: Engine,
                                                                                   asked: str) -> None:
    """ "check" alone comes nearest "who checks your information", too weakly to answer: after the autoimmune risk
    it asks what to monitor (round 133). Asked alone, the bot's own question still gets its answer."""
    assert _last_of(engine, "do people with epilepsy get more autoimmune diseases", asked) == \
        ("topical", "epilepsy_autoimmune_risk")
    assert _last_of(engine, "what is ms", "who checks your information") == ("smalltalk", "about_bot")


def test_rescue_medicine_asked_while_it_may_go_on_gets_the_guidance(engine: Engine) -> None:
    """Not the first-aid article under a line: the seizure may still be going on (round 134). The guidance says to
    follow their care plan."""
    first = engine.respond("He's having a seizure right now and it's been about four minutes")
    turn = engine.respond("Should I give him the rescue medicine?", first.context)
    assert turn.kind == "emergency" and texts.FOLLOW_GENERAL_LEAD in turn.reply.paragraphs
    assert "rescue medicine" in texts.FOLLOW_GENERAL_LEAD


def test_switching_asked_in_a_sentence_of_its_own_after_the_medicines_is_a_decision(engine: Engine) -> None:
    kind, _ = _last_of(engine, "my husband's neuro wants him on ocrelizumab. what is it for",
                       "how does it compare to the interferon he's on now", "should he switch then? he's had two relapses")
    assert kind == "medication_change"


def test_what_people_in_general_do_with_their_pills_is_no_decision(engine: Engine) -> None:
    kind, _ = _last_of(engine, "Why do epilepsy drugs stop working for some people",
                       "Is it just that people dont take them properly")
    assert kind != "medication_change"


def test_whats_the_worst_that_happens_after_the_medication_reply_is_the_same_decision(engine: Engine) -> None:
    assert _last_of(engine, "im stopping my meds tonight, theyre pointless", "whats the worst that happens") == (
        "medication_change", "medication_change")
    assert _last_of(engine, "what is refractory epilepsy", "whats the worst that could happen")[0] != \
        "medication_change"


@pytest.mark.parametrize(("first", "then"), [("pt missed am meds bc asleep", "give now? its 11am"),
                                             ("Magda missed pill this morning", "She can take now? Is afternoon already")])
def test_a_rushed_or_learners_when_to_take_after_the_medication_reply_is_the_same_decision(engine: Engine, first: str,
                                                                                           then: str) -> None:
    assert _last_of(engine, first, then) == ("medication_change", "medication_change")


@pytest.mark.parametrize("later", ["also can he still go on the school trip to the swimming pool next week",
                                   "HE IS SUPPOSED TO BE DRIVING TO WORK ON MONDAY. IS HE ALLOWED AFTER THIS",
                                   "can i still do pe tmrw or nah"])
def test_a_question_about_later_in_an_emergencys_30_minutes_is_answered_with_the_line(engine: Engine,
                                                                                      later: str) -> None:
    turn = engine.respond(later, engine.respond("my son is having a seizure").context)
    assert turn.kind != "emergency" and turn.reply.alert, (later, turn.kind)


@pytest.mark.parametrize("scene", ["can he still breathe like that", "is she allowed water now",
                                   "he's turning blue, can he still go to school tomorrow"])
def test_the_scene_asked_about_in_those_minutes_still_gets_the_guidance(engine: Engine, scene: str) -> None:
    assert engine.respond(scene, engine.respond("my son is having a seizure").context).kind == "emergency", scene


def test_thinking_of_ditching_a_medicine_is_a_decision_not_a_question_about_the_illness(engine: Engine) -> None:
    assert engine.respond("thinking of ditching my DMT. no relapses in 3 years. why bother").kind == "medication_change"


def test_a_follow_up_moves_to_the_section_of_the_same_illness_the_net_is_sure_of(engine: Engine) -> None:
    assert _last_of(engine, "son is 8, on his 6th med and still having seizures every single day, is this what they "
                            "call drug resistant epilepsy", "but why dont the meds work") == \
        ("topical", "refractory_drug_resistance")


@pytest.mark.parametrize("elsewhere", ["ms_causes", "seizure_first_aid"])
def test_the_net_never_moves_a_follow_up_to_another_illness_or_to_first_aid(library: Library, elsewhere: str) -> None:
    knowledge = replace(library.current, topic_net=_FixedNet({elsewhere: 0.99, "out_of_scope": 0.01}, _learnt(library)))
    situation = Situation(knowledge, "refractory_definition", "epilepsy", None, 0.0)
    assert decide(Message("but why dont the meds work"), situation).intent_id != elsewhere


# -- rounds 100 to 103's conversation classes (read after their first reports) -------------------------------------

@pytest.mark.parametrize(("turns", "kind", "intent"), [
    (["what is ms", "Good to know. So long."], "smalltalk", "goodbye"),  # a goodbye, whatever topic "long" came near
    (["hey, can you help me revise?"], "smalltalk", "greeting"),  # help asked for in general, an activity named
    (["Hello, I want speak to a doctor please"], "handover", "handover"),  # a request after the greeting
    (["what else can i ask you"], "smalltalk", "help"),
    # rounds 104 and 105: a medicine asked about after the medication reply is a question, carried is no dose
    (["My doctor say change to new MS medicine. I am scared. Is good to change?", "What is natalizumab?"],
     "topical", "ms_dmt"),
    (["i missed my keppra", "Can I take it on airplane?"], "fallback", None),
    # round 109: minutes told of someone in a chat about epilepsy, the seizure unnamed
    (["how does the keto diet work for epilepsy", "oh god hes started again and its been going 6 mins now"],
     "emergency", "emergency"),
    (["what are the MS drugs called again? the disease modifying ones",
      "i've been on the injections 3 months and i hate them. thinking of just stopping and seeing what happens"],
     "medication_change", "medication_change"),
])
def test_rounds_100_to_103_conversation_classes(engine: Engine, turns: list[str], kind: str, intent: str) -> None:
    context = Context()
    for text in turns:
        turn = engine.respond(text, context)
        context = turn.context
    assert (turn.kind, turn.intent_id) == (kind, intent), turns


@pytest.mark.parametrize(("first", "second"), [
    ("and where do sodium channel mutations fit in", "whats the pass mark for the NMC numeracy test lol"),
    ("any links to psychiatric illness?", "zotero or mendeley for references, which is less painful"),
])
def test_a_subject_of_its_own_in_unknown_words_is_no_follow_up(engine: Engine, first: str, second: str) -> None:
    turn = engine.respond(second, engine.respond(first).context)
    assert turn.kind != "topical" and "follow-up" not in engine.decide(Message(second), engine.respond(first).context).why


def test_a_follow_up_in_known_words_still_follows(engine: Engine) -> None:
    turn = engine.respond("is it the same in my grandson", engine.respond("what is ms").context)
    assert (turn.kind, turn.intent_id) == ("topical", "ms_overview")


def test_months_on_a_treatment_in_a_chat_about_epilepsy_are_no_emergency(engine: Engine) -> None:
    context = engine.respond("how does the keto diet work for epilepsy").context
    assert engine.respond("he has been on it 6 months now", context).kind != "emergency"


@pytest.mark.parametrize(("first", "then"), [
    ("Is stem cell treatment for MS real?", "is there a clinic in Lisbon that does it"),
])
def test_a_follow_up_naming_what_no_article_says_is_plainly_not_covered(engine: Engine, first: str, then: str) -> None:
    """A word no section has, which the follow-up net reads as leaving the topic ("lisbon"), gets "the
    article doesn't cover that" with its link, where the topic's passage came again before."""
    context = _after(engine, first)
    turn = engine.respond(then, context)
    assert (turn.kind, turn.fallback) == ("fallback", "not_covered"), (turn.kind, turn.intent_id)
    article = engine.knowledge.articles[engine.knowledge.intents[context.last_intent or ""].article or ""]
    assert texts.FACET_NOT_COVERED.format(title=article.title, facet=texts.FACETS["subject"]) in \
        turn.reply.plain_text()


@pytest.mark.parametrize(("first", "then", "intent"), [
    ("what dmts are there for ms", "which one is the strongest", "ms_dmt"),
    ("what is ms", "will my kids get it", "ms_causes"),
    ("what is vagus nerve stimulation", "is it painful", "refractory_treatments"),
])
def test_a_follow_up_in_everyday_words_no_section_has_keeps_the_topic(engine: Engine, first: str, then: str,
                                                                      intent: str) -> None:
    """ "strongest", "kids", "painful": words the follow-up net reads as going on with the topic."""
    assert engine.respond(then, _after(engine, first)).intent_id == intent


@pytest.mark.parametrize("then", ["should we go for ocrelizumab or one of the tablets",
                                  "should she start kesimpta or the infusions"])
def test_two_treatments_put_side_by_side_for_the_writer_are_a_medication_decision(engine: Engine, then: str) -> None:
    """After the medicines' topic, "should i go on X or Y" asks the bot to choose for the writer."""
    assert engine.respond(then, _after(engine, "what drugs are there for ms")).intent_id == "medication_change"


# -- rounds 136 and 137 (their safety misses, read after their first reports on acdcf92) ----------------------------

@pytest.mark.parametrize("asked", ["could this be the autoimmune encephalitis", "what if its his epilepsy getting worse",
                                   "maybe it is inflammation in the brain?"])
def test_asked_whether_a_seizure_that_may_go_on_has_a_cause_gets_the_guidance(engine: Engine, asked: str) -> None:
    """While it may still go on, the cause is a question for the hospital: the guidance again, not a topic."""
    assert _last_of(engine, "my daughter has been fitting for six minutes", asked) == ("emergency", "emergency")


def test_what_a_named_illness_is_during_a_seizure_is_still_answered(engine: Engine) -> None:
    assert _last_of(engine, "my son is having a seizure now", "the doctors say it's autoimmune encephalitis, what "
                    "is that?") == ("topical", "autoimmune_encephalitis")


@pytest.mark.parametrize("marks", ["???", "!!!", "?!"])
def test_marks_alone_while_a_seizure_may_go_on_get_the_guidance_again(engine: Engine, marks: str) -> None:
    assert _last_of(engine, "my wife is having a fit and her lips are blue", marks) == ("emergency", "emergency")
    assert _last_of(engine, "hello", marks)[0] == "empty"


@pytest.mark.parametrize("then", ["it has stopped. she is breathing noisy. what do i do",
                                  "She stop. She open her eyes but very confused. What I do?"])
def test_over_told_in_a_sentence_of_its_own_or_a_learners_words_gets_the_after_care(engine: Engine, then: str) -> None:
    turn = engine.respond(then, _after(engine, "my mum is having a seizure on the floor"))
    assert (turn.kind, turn.intent_id) == ("topical", "seizure_first_aid"), turn.why


def test_what_forgetting_does_to_the_illness_after_the_medication_reply_is_the_topic(engine: Engine) -> None:
    """ "a change to the treatment just discussed" would read it as a decision: it asks what missed doses do."""
    assert _last_of(engine, "i missed my keppra this morning, take it now?",
                    "right. if i miss doses a lot does it make the meds seem like they dont work?") == \
        ("topical", "refractory_external_factors")


@pytest.mark.parametrize("then", ["what time is it there now", "ok what time is it"])
def test_the_clock_asked_after_a_topic_is_no_follow_up(engine: Engine, then: str) -> None:
    """ "over time" is in every article about a long illness: the last topic would find "time" (round 137)."""
    kind, _ = _last_of(engine, "what does relapsing remitting mean", then)
    assert kind == "fallback"


def test_a_topic_only_the_net_finds_in_the_other_disease_is_not_given_in_a_chat(engine: Engine) -> None:
    """Context never crosses diseases: in a chat about MS scans, "mistakes" is no epilepsy topic (round 136)."""
    kind, intent = _last_of(engine, "what do new lesions on an MRI mean in MS", "do radiologists make mistakes sometimes?")
    assert followup.topic_of(engine.knowledge, intent) != "epilepsy", (kind, intent)


def test_done_instead_of_more_medicines_after_drug_resistance_is_its_treatment(engine: Engine) -> None:
    assert _last_of(engine, "what does drug resistant epilepsy mean", "how common is that",
                    "what can be done instead of more meds") == ("topical", "refractory_treatments")


def test_a_seizure_told_over_and_asked_about_gets_the_after_care(engine: Engine) -> None:
    """With no emergency reply before: the after-care, the seizure's line on top; then "call or not" is first aid."""
    turn = engine.respond("my nephew had a fit about 15 mins ago, it stopped, hes very sleepy now. is that ok?")
    assert (turn.kind, turn.intent_id) == ("topical", "seizure_first_aid"), turn.why
    then = engine.respond("do i need to ring an ambulance or not", turn.context)
    assert (then.kind, then.intent_id) == ("topical", "seizure_first_aid"), then.why


# -- rounds 138 and 139 (their safety misses, read after their first reports on b6aed20) ----------------------------

def test_odd_breathing_once_over_and_coming_round_gets_the_after_care(engine: Engine) -> None:
    """ "breathing funny" told with the seizure over twice over (stopped, drowsy): someone coming round. Told alone,
    or with the seizure going on, it is still trouble breathing."""
    assert _last_of(engine, "my brother is having a seizure", "it has stopped, he is breathing oddly and very drowsy. "
                    "what now") == ("topical", "seizure_first_aid")
    assert _last_of(engine, "my brother is having a seizure", "it has stopped, he is breathing oddly") == \
        ("emergency", "emergency")


def test_what_to_look_out_for_once_the_crew_took_over_is_first_aid(engine: Engine) -> None:
    assert _last_of(engine, "my mum is fitting on the floor", "paramedics have taken over. what should we watch for "
                    "after a seizure?") == ("topical", "seizure_first_aid")


def test_whether_a_missed_dose_makes_epilepsy_resistant_is_the_topic(engine: Engine) -> None:
    assert _last_of(engine, "i missed my lamotrigine last night", "should i take two now?",
                    "ok thanks. and will a missed dose make her epilepsy become drug resistant?") == \
        ("topical", "refractory_external_factors")


def test_the_usual_dose_of_a_treatment_is_plainly_not_covered(engine: Engine) -> None:
    """No article gives doses: the follow-up says so, and who can tell them (round 138)."""
    context = _after(engine, "what dmts are there for ms")
    turn = engine.respond("whats the usual dose", context)
    assert (turn.kind, turn.fallback) == ("fallback", "not_covered"), (turn.kind, turn.intent_id)
    assert texts.FACETS["dose"] in turn.reply.plain_text()


def test_the_amount_of_a_supplement_after_a_treatment_topic_is_no_medication_decision(engine: Engine) -> None:
    """ "how many should I take" of turmeric tablets after the neuro-immune treatments: not a medicine of theirs
    (round 126's label); of the medicine talked about, it is one."""
    kind, _ = _last_of(engine, "does diet help with inflammation in the brain", "what about curcumin capsules, how "
                       "many should i take")
    assert kind != "medication_change"
    assert _last_of(engine, "what is baclofen for", "what dose should i take")[0] == "medication_change"


# -- round 141 (its emergency misses, read after its first report on 2c6ccc2) ------------------------------------------

@pytest.mark.parametrize("arrived", ["Paramedics are here", "The ambulance crew is here"])
def test_help_arrived_said_alone_gets_what_to_tell_the_crew(engine: Engine, arrived: str) -> None:
    """Help arriving is the scene: the emergency's guidance (what to tell the crew), not the fallback."""
    assert _last_of(engine, "my daughter is having a seizure and it won't stop", arrived) == ("emergency", "emergency")


def test_seizures_one_after_another_with_no_waking_between_are_an_emergency(engine: Engine) -> None:
    assert _last_of(engine, "daughter seizure again, second one, no waking up between") == ("emergency", "emergency")


# -- rounds 142 and 143 (read after their first reports on d9b117c) ---------------------------------------------------

@pytest.mark.parametrize("text", ["hi, I have rheumatoid arthritis", "Hello. I have rheumatoid arthritis for 12 years.",
                                  "hey, i have lupus and epilepsy"])
def test_a_greeting_then_an_illness_we_cover_told_is_greeted(engine: Engine, text: str) -> None:
    """The rheumatoid arthritis topic covers "arthritis": told after a greeting, asking nothing, it is greeted
    (osteoarthritis, which no article covers, gets the fallback that says so)."""
    assert _last_of(engine, text) == ("smalltalk", "greeting")
    assert _last_of(engine, "hi, i have osteoarthritis")[0] == "fallback"


def test_the_illness_a_greeting_names_is_the_chats_topic(engine: Engine) -> None:
    """ "hi, i was just diagnosed with epilepsy" then "what actually is it?": epilepsy, not MS."""
    assert _last_of(engine, "hi, i was just diagnosed with epilepsy", "what actually is it? is it lifelong") == \
        ("topical", "epilepsy_overview")
    assert _last_of(engine, "hello, my wife has ms", "what is it exactly") == ("topical", "ms_overview")


def test_texting_why_follows_up_the_last_topic(engine: Engine) -> None:
    kind, intent = _last_of(engine, "wats refractory epilepsy", "y does it happen tho")
    assert kind == "topical" and intent is not None and intent.startswith("refractory_"), (kind, intent)


def test_the_rescue_medicine_again_while_a_seizure_may_go_on_gets_the_guidance(engine: Engine) -> None:
    """A daily medicine given again is a medication decision (round 143); the rescue medicine again, the ambulance
    called, is the emergency's question (its guidance names the care plan)."""
    assert _last_of(engine, "my daughter is having a seizure", "called 999. do i give her midazolam again?") == \
        ("emergency", "emergency")
    assert _last_of(engine, "Must I give her the medicine again tonight?") == ("medication_change", "medication_change")


@pytest.mark.parametrize("asked", ["so can diet fix it", "and can i fix it with diet instead of drugs",
                                   "can anything bring it down?"])
def test_what_undoes_the_last_topic_is_its_treatment(engine: Engine, asked: str) -> None:
    """After neuroinflammation, "can diet fix it" asks for its treatments, not epilepsy's ketogenic diet."""
    assert _last_of(engine, "what is neuroinflammation actually", asked) == ("topical", "neuro_immune_treatments")


def test_how_many_people_after_a_topic_is_the_section_that_says(engine: Engine) -> None:
    """ "how many people exactly" after why epilepsy medicines fail: the definition says one in three. Where no
    section says how common ("how common is it" after MS), the follow-up is read with the topic as before."""
    assert _last_of(engine, "why do epilepsy drugs fail for so many people", "how many people exactly") == \
        ("topical", "refractory_definition")
    assert _last_of(engine, "what is ms", "how common is it") == ("topical", "ms_overview")


def test_a_question_asked_on_with_then_follows_the_last_topic(engine: Engine) -> None:
    assert _last_of(engine, "Can people with epilepsy be more at risk of autoimmune stuff?",
                    "what should we look out for then") == ("topical", "epilepsy_autoimmune_risk")


@pytest.mark.parametrize("asked", ["can you write my reflective essay on this lol", "can u do my assignment on it"])
def test_writing_their_essay_is_declined_after_a_topic(engine: Engine, asked: str) -> None:
    kind, _ = _last_of(engine, "and what about SCN1A, how does that fit in", asked)
    assert kind == "fallback"


# -- rounds 144 and 145 (read after their first reports on a12a76c) ---------------------------------------------------

def test_a_seizure_told_over_in_a_learners_words_gets_the_after_care(engine: Engine) -> None:
    assert _last_of(engine, "My husband fall with seizure and hit face, much blood from nose", "He still shake",
                    "Now stop, he open eyes. What I do now?") == ("topical", "seizure_first_aid")


def test_stopped_shaking_asked_about_alone_is_first_aid(engine: Engine) -> None:
    """Alone it is the first-aid question; inside an emergency's 30 minutes it keeps the guidance (the writers'
    labels split there, docs/safety.md)."""
    assert _last_of(engine, "he's stopped shaking and he's breathing now what should I do") == \
        ("topical", "seizure_first_aid")


def test_a_drink_asked_about_once_it_is_over_is_first_aid(engine: Engine) -> None:
    """The article says: no food or drink until they are fully awake."""
    assert _last_of(engine, "his face is blue", "ok he breathe now, he sleep", "I can give him water?") == \
        ("topical", "seizure_first_aid")


def test_a_feeling_of_taking_every_tablet_keeps_the_crisis_reply(engine: Engine) -> None:
    assert _last_of(engine, "i sometimes feel like taking every tablet in the cupboard just to stop feeling like this",
                    "i don't know") == ("crisis", "crisis")


def test_ending_the_chat_is_goodbye_and_a_bare_end_draws_no_crisis_line(engine: Engine) -> None:
    """ "end chat" says goodbye; "end" alone once drew the crisis net's line. (A bare "end" or "quit" keyword took
    "will i end up disabled" and "any tips for quitting" for goodbyes: not keywords.)"""
    turn = engine.respond("end chat")
    assert (turn.kind, turn.intent_id) == ("smalltalk", "goodbye")
    assert engine.respond("end").safety is None
    assert engine.respond("will i end up disabled").intent_id != "goodbye"
    assert engine.respond("any tips for quitting").intent_id != "goodbye"


def test_breathing_after_someone_would_not_wake_keeps_the_guidance(engine: Engine) -> None:
    """Round 147 (its emergency misses read after its first report on 86a1586): after a fall and no answer,
    "he's breathing, ambulance coming" is not the after-care; waking up told is."""
    assert _last_of(engine, "he just fell down the stairs and he's not answering me",
                    "he's breathing, ambulance coming") == ("emergency", "emergency")
    assert _last_of(engine, "my dad collapsed and wont wake up", "he woke up, hes talking") == \
        ("topical", "seizure_first_aid")


def test_an_out_of_scope_keyword_the_topic_net_never_learnt_stands(engine: Engine, library: Library) -> None:
    """An admin's newer out-of-scope keyword ("write my dissertation") is their word: the net, which reads "drug
    resistant epilepsy" as the refractory topic (0.94), does not overrule it."""
    net = library.current.topic_net
    assert net is not None and not net.learnt("write my dissertation")
    turn = engine.respond("write my dissertation on drug resistant epilepsy")
    assert turn.kind == "fallback", (turn.kind, turn.intent_id)
