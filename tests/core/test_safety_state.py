"""Safety through the conversation: the 30 minutes after an emergency or crisis reply (engine, moved clock)."""

import pytest

from bot.content.intent import FIRST_AID_INTENT
from bot.content.knowledge import Library
from bot.core import texts
from bot.core.engine import Context, Engine, Turn
from bot.core.safety_state import STATE_SECONDS
from tests.helpers import REPO


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(REPO)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def engine(library: Library, clock: Clock) -> Engine:
    return Engine(library, "https://content.example", clock=clock)


def chat(engine: Engine, *messages: str) -> list[Turn]:
    """Send the messages in one chat, each with the context the one before left."""
    context, turns = Context(), []
    for message in messages:
        turns.append(engine.respond(message, context))
        context = turns[-1].context
    return turns


def say(engine: Engine, turns: list[Turn], message: str) -> Turn:
    turns.append(engine.respond(message, turns[-1].context))
    return turns[-1]


def test_an_emergency_starts_the_state_and_forgets_the_topic(engine: Engine) -> None:
    vns, emergency = chat(engine, "what is vagus nerve stimulation", "my son is having a seizure")
    assert vns.kind == "topical" and emergency.kind == "emergency"
    assert emergency.context.safety is not None and emergency.context.safety.kind == "emergency"
    assert emergency.context.last_intent is None and emergency.context.topic is None


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("its been 6 min", texts.FOLLOW_CALL_LEAD),
    ("still shaking", texts.FOLLOW_CALL_LEAD),
    ("another one started", texts.FOLLOW_CALL_LEAD),
    # "breathing" and "sleepy" are not "it is over" beside an alarm
    ("he's breathing but it sounds gurgly", texts.FOLLOW_CALL_LEAD),
    ("hes coughing up water and very floppy and sleepy", texts.FOLLOW_CALL_LEAD),
    ("what do i do now", texts.FOLLOW_GENERAL_LEAD),
    ("ok", texts.FOLLOW_GENERAL_LEAD),
    ("and what about treatment?", texts.FOLLOW_GENERAL_LEAD),  # a follow-up word, never the topic before
])
def test_follow_ups_get_emergency_guidance_never_the_previous_topic(engine: Engine, follow_up: str,
                                                                    expected: str) -> None:
    turns = chat(engine, "what is vagus nerve stimulation", "my son is having a seizure", follow_up)
    reply = turns[-1].reply
    assert turns[-1].kind == "emergency" and expected in reply.paragraphs, reply.plain_text()
    assert reply.source is None and "Vagus" not in reply.plain_text()


def test_when_it_is_over_the_after_care_comes_from_the_first_aid_article(engine: Engine) -> None:
    """ "it stopped, what now?": the first-aid article's after-care, saying where it comes from, never the topic
    before; the emergency's 30 minutes go on (another seizure next still gets the call guidance)."""
    turns = chat(engine, "what is vagus nerve stimulation", "my son is having a seizure",
                 "ok he stopped, he's breathing now, sleeping", "another one started")
    after, again = turns[-2], turns[-1]
    assert after.kind == "topical" and after.intent_id == FIRST_AID_INTENT
    assert texts.FOLLOW_RECOVERED_LEAD in after.reply.paragraphs and "Vagus" not in after.reply.plain_text()
    assert after.reply.source is not None and after.reply.source.title.startswith("Seizure first aid")
    assert after.context.safety is not None and after.context.safety.kind == "emergency"
    assert again.kind == "emergency" and texts.FOLLOW_CALL_LEAD in again.reply.paragraphs


@pytest.mark.parametrize(("emergency", "criterion"), [
    ("he had a seizure and hit his head hard", "seizure_injury"),
    ("my wife is fitting and it has been going on for 7 minutes", "seizure_over_5_min"),
    ("my daughter has never had a seizure before and she is shaking all over now", "first_seizure"),
    ("he had a seizure and hasnt woken up", "not_waking"),
])
def test_after_care_says_to_call_still_when_stopping_does_not_take_the_reason_away(engine: Engine, emergency: str,
                                                                                  criterion: str) -> None:
    """ "stopped now, shes drowsy. still call??" after a head injury: the after-care, led by why they still need
    to be seen; after a plain seizure now, the after-care alone."""
    first, after = chat(engine, emergency, "stopped now, shes drowsy. still call??")
    assert first.safety is not None and first.safety.criterion == criterion
    assert after.intent_id == FIRST_AID_INTENT and after.reply.source is not None, after.reply.plain_text()
    assert after.reply.title == texts.FOLLOW_STILL_CALL_TITLE
    assert after.reply.paragraphs[:2] == (texts.STILL_CALL[criterion], texts.FOLLOW_STILL_CALL_LEAD)
    plain = chat(engine, "my son is having a seizure", "stopped now, hes drowsy")[-1]
    assert plain.intent_id == FIRST_AID_INTENT and plain.reply.title == texts.FOLLOW_RECOVERED_TITLE
    assert texts.FOLLOW_STILL_CALL_LEAD not in plain.reply.paragraphs


@pytest.mark.parametrize("text", ["thank you, the paramedics are here now", "ok ringing 999 now, thank you",
                                  "ok she's sitting up now, thanks so much",
                                  "thanks, the ambulance is here"])  # "is" tells here: it asks nothing
def test_a_thanks_with_nothing_alarming_is_a_thanks_with_the_line(engine: Engine, text: str) -> None:
    turn = chat(engine, "my son is having a seizure", text)[-1]
    assert turn.kind == "smalltalk" and turn.intent_id == "thanks"
    assert turn.reply.plain_text().startswith("⚠️"), turn.reply.plain_text()  # the emergency line stays on top


@pytest.mark.parametrize("text", ["thanks, he's still shaking", "thank you, he's shaking", "thanks another one started",
                                  "thanks, she's turning blue"])
def test_a_thanks_beside_an_alarm_keeps_the_emergency_guidance(engine: Engine, text: str) -> None:
    assert chat(engine, "my son is having a seizure", text)[-1].kind == "emergency"


def test_not_breathing_right_after_the_reply_is_an_emergency_of_its_own(engine: Engine) -> None:
    turn = chat(engine, "my son is having a seizure", "hes making gurgly noises i dont think hes breathing right")[-1]
    assert turn.kind == "emergency" and texts.COLLAPSE_LEAD in turn.reply.paragraphs, turn.reply.plain_text()


@pytest.mark.parametrize("text", [
    "The ambulance crew have taken over. In future, how long should a seizure last before one calls an ambulance?",
    "ok the ambulance came and he's alright now. what should I do next time before help arrives",
])
def test_once_help_is_there_a_first_aid_question_gets_the_first_aid_answer(engine: Engine, text: str) -> None:
    turn = chat(engine, "My wife has had three seizures in a row and has not woken", text)[-1]
    assert turn.kind == "topical" and turn.intent_id == FIRST_AID_INTENT, turn.reply.plain_text()
    assert turn.reply.plain_text().startswith("⚠️") and turn.context.safety is not None  # the line, the state


def test_after_help_came_a_question_and_its_follow_up_are_answered(engine: Engine) -> None:
    turns = chat(engine, "My son just had 3 seizures in a row and he's not waking up", "thanks, the ambulance is here",
                 "the doctors now say it might be autoimmune encephalitis, what is that?", "is it treatable?")
    asked, follow = turns[-2], turns[-1]
    assert (asked.kind, asked.intent_id) == ("topical", "autoimmune_encephalitis")  # "now" is no scene here
    assert (follow.kind, follow.intent_id) == ("topical", "autoimmune_encephalitis")  # read with that topic
    assert follow.reply.plain_text().startswith("⚠️") and follow.context.safety is not None


@pytest.mark.parametrize("back", ["back from a&e.", "back from A & E now.", "he is in hospital now."])
def test_back_from_hospital_a_question_is_answered(engine: Engine, back: str) -> None:
    """ "back from a&e. why does he have so many different seizure types": help has been, the question is new (round
    51). "A&E" is read the same in a message and in the safety phrases ("ae")."""
    turn = chat(engine, "hes having another one now, its been over 5 mins, buccal midaz given", "ambulance here. thank u",
                f"{back} why does he have so many different seizure types, is that why nothing works")[-1]
    assert (turn.kind, turn.intent_id) == ("topical", "refractory_seizure_types"), turn.kind
    assert turn.reply.plain_text().startswith("⚠️") and turn.context.safety is not None  # the line, the state


@pytest.mark.parametrize("said", ["ambulance is here. thank you", "paramedics are here now she's stopped",
                                  "ok ok hes driving me to a&e. thanks i guess"])
def test_once_help_has_come_a_question_after_it_gets_its_own_answer(engine: Engine, said: str) -> None:
    """ "also can she still start uni in september?" two messages after "paramedics are here": help came in a message
    before, the state remembers it (round 59); the line stays on top. What to do at the scene still gets the
    guidance, and anything alarming the emergency reply."""
    first = "my sister is having a seizure and it wont stop its been like 7 mins"
    turns = chat(engine, first, said, "will she have epilepsy for the rest of her life now",
                 "also can she still start uni in september?")
    assert turns[1].context.safety is not None and turns[1].context.safety.settled
    for turn in turns[2:]:
        assert turn.kind == "fallback" and turn.reply.plain_text().startswith("⚠️"), turn.reply.plain_text()
        assert turn.context.safety is not None and turn.context.safety.settled
    assert chat(engine, first, said, "what should i tell them")[-1].kind == "emergency"  # the scene's guidance
    assert chat(engine, first, said, "she's fitting again, will she be ok")[-1].kind == "emergency"
    assert chat(engine, first, said, "i'll message again later, bye")[-1].intent_id == "goodbye"


def test_once_help_has_come_a_remark_and_a_question_about_the_bot_are_answered(engine: Engine) -> None:
    """ "anyway my train's delayed again, typical", then "are you actually a person by the way", after "paramedics are
    here": a remark that finds nothing and a question about the bot get their own answers, the line on top (round
    70). "again" said of a train is no seizure again; said alone it still is."""
    first = "my mate just collapsed on the train shaking and it's been going about 5 minutes"
    said = "ok he's stopped and he's breathing, paramedics are here. what should I have done differently"
    turns = chat(engine, first, said, "anyway my train's delayed again, typical", "are you actually a person by the way")
    assert turns[2].kind == "fallback" and turns[2].reply.plain_text().startswith("⚠️"), turns[2].reply.plain_text()
    assert (turns[3].kind, turns[3].intent_id) == ("smalltalk", "about_bot")
    assert turns[3].reply.plain_text().startswith("⚠️") and turns[3].context.safety is not None
    assert chat(engine, first, said, "he's doing it again")[-1].kind == "emergency"
    assert chat(engine, first, "are you actually a person")[-1].kind == "emergency"  # help not come yet


def test_confused_for_hours_afterwards_once_help_came_is_no_seizure_lasting(engine: Engine) -> None:
    """ "Is it normal for him to be this groggy and confused for hours afterwards?" after "Ambulance has arrived":
    hours after the seizure, not a seizure lasting hours (round 73)."""
    turn = chat(engine, "He's been seizing for 7 minutes, I've given the buccal midazolam",
                "Ambulance has arrived, thank you.",
                "Is it normal for him to be this groggy and confused for hours afterwards?")[-1]
    assert turn.kind != "emergency" and turn.intent_id == FIRST_AID_INTENT, turn.reply.plain_text()  # the after-care


def test_once_theyre_here_a_question_gets_its_own_answer(engine: Engine) -> None:
    """ "theyre here thx" after "ambulance coming": help has come (round 75)."""
    turns = chat(engine, "shes seizing now been 5 min already", "ok ambulance coming what do i do till they get here",
                 "theyre here thx", "will they keep her in overnight do u think")
    assert turns[2].context.safety is not None and turns[2].context.safety.settled
    assert turns[3].kind == "fallback" and turns[3].reply.plain_text().startswith("⚠️")


def test_a_topic_asked_for_after_a_crisis_reply_is_answered_with_the_line(engine: Engine) -> None:
    """ "no i dont want to talk to anyone right now just tell me about physio": answered, the crisis line on top
    (round 74); a question with no topic asked for still gets the crisis reply."""
    first = "i dont see the point in going on with this disease its taking everything from me"
    turn = chat(engine, first, "no i dont want to talk to anyone right now just tell me about physio")[-1]
    assert (turn.kind, turn.intent_id) == ("topical", "ms_rehabilitation")
    assert turn.reply.plain_text().startswith("💛") and turn.context.safety is not None
    assert chat(engine, first, "no i dont want to talk to anyone")[-1].kind == "crisis"


def test_a_plan_to_stop_the_treatment_told_with_its_reason_is_a_medication_decision(engine: Engine) -> None:
    """ "she's thinking of just stopping it since it obviously isn't doing anything" after a DMT question: the plan
    before its reason (round 75)."""
    turn = chat(engine, "What other DMTs are there if the current one isn't working?",
                "Honestly she's thinking of just stopping it since it obviously isn't doing anything")[-1]
    assert turn.kind == "medication_change"


def test_why_no_after_the_medication_reply_stays_the_medication_reply(engine: Engine) -> None:
    """ "why no?" after "I forget my medicine yesterday. Today I take two?" (round 77)."""
    turn = chat(engine, "I forget my medicine yesterday. Today I take two?", "why no?")[-1]
    assert turn.kind == "medication_change"


def test_a_last_clause_asked_after_a_comma_is_a_question(engine: Engine) -> None:
    """ "doctor say her epilepsy is refractory, wat mean" once it has stopped (round 69): asked in the last clause;
    "it stoped" is read as stopped."""
    turns = chat(engine, "mom having seizure on floor now!!", "it stoped. wat i do next time she have one",
                 "doctor say her epilepsy is refractory, wat mean")
    assert turns[0].kind == "emergency"
    assert (turns[1].kind, turns[1].intent_id) == ("topical", FIRST_AID_INTENT)
    assert (turns[2].kind, turns[2].intent_id) == ("topical", "refractory_definition")
    assert turns[2].reply.plain_text().startswith("⚠️")


def test_able_to_drive_again_is_later_after_a_seizure_not_straight_after_a_stroke(engine: Engine) -> None:
    """ "will she be able to drive again": a question about later after a seizure, or after a stroke once help has
    come; straight after a stroke's reply it may come before anyone has called: the guidance (round 69)."""
    seizure = chat(engine, "HELP hes been fitting 6 minutes", "will he be able to drive again?")[-1]
    assert seizure.kind != "emergency" and seizure.reply.plain_text().startswith("⚠️")
    stroke = "My husband has just slumped in his chair, his speech is slurred and one side of his face has dropped."
    assert chat(engine, stroke, "will he be able to drive again?")[-1].kind == "emergency"
    came = chat(engine, stroke, "the paramedics are here now", "will he be able to drive again?")[-1]
    assert came.kind != "emergency" and came.reply.plain_text().startswith("⚠️")


def test_allowed_to_do_it_again_after_it_is_over_is_a_question_about_later(engine: Engine) -> None:
    """ "will she be allowed to do PE again": "again" said of PE, not of a seizure (round 62)."""
    turn = chat(engine, "my friend just had a fit in PE and shes STILL shaking its been ages",
                "ok its stopped now, ambulance coming, what do we do till they get here",
                "will she be allowed to do PE again")[-1]
    assert turn.kind != "emergency" and turn.reply.plain_text().startswith("⚠️"), turn.reply.plain_text()


def test_without_help_said_to_have_come_a_question_gets_the_guidance(engine: Engine) -> None:
    turn = chat(engine, "my sister is having a seizure and it wont stop its been like 7 mins",
                "will she have epilepsy for the rest of her life now")[-1]
    assert turn.kind == "emergency"


@pytest.mark.parametrize(("text", "kind"), [
    ("he's breathing again now, what should I do while he comes round?", "topical"),  # the after-care
    ("he's breathing again but another one started", "emergency"),
    ("he's breathing again but it started again", "emergency"),
])
def test_breathing_again_is_recovery_another_seizure_is_not(engine: Engine, text: str, kind: str) -> None:
    turn = chat(engine, "My husband is having a seizure and he's going blue", text)[-1]
    assert turn.kind == kind, turn.reply.plain_text()


def test_help_arriving_gets_what_to_tell_the_crew(engine: Engine) -> None:
    turn = chat(engine, "my son is having a seizure", "ok the ambulance is here")[-1]
    assert turn.kind == "emergency" and turn.reply.title == texts.FOLLOW_ARRIVED_TITLE


def test_recovery_guidance_says_when_to_get_care(engine: Engine) -> None:
    reply = chat(engine, "my son is having a seizure", "he stopped, he's breathing, sleeping")[-1].reply
    text = reply.plain_text()
    assert "on their side" in text and texts.CALL_IF in text and "5 minutes or more" in text


def test_a_question_we_do_not_cover_after_a_seizure_gets_who_can_answer_it(engine: Engine) -> None:
    """ "can he go to school tomorrow" once nothing alarming is said: the plain answer for a health question we do
    not cover, the emergency line on top (it used to get the guidance again). A medicine asked about, or a
    stroke, keeps the guidance."""
    turn = chat(engine, "HELP hes been fitting 6 minutes", "hes stopped now and breathing. what now",
                "can he go to school tomorrow")[-1]
    assert (turn.kind, turn.fallback) == ("fallback", "health"), turn.reply.plain_text()
    assert turn.reply.alert == texts.LINE_SEIZURE and texts.NOT_REVIEWED in turn.reply.paragraphs
    assert turn.context.safety is not None  # the 30 minutes go on
    medicine = chat(engine, "HELP hes been fitting 6 minutes", "should i give him some paracetamol?")[-1]
    assert medicine.kind == "emergency"
    stroke = chat(engine, "My husband has just slumped in his chair, his speech is slurred and one side of his face "
                  "has dropped.", "will he be able to drive again?")[-1]
    assert stroke.kind == "emergency"


def test_a_question_in_a_sentence_of_its_own_is_a_clear_question(engine: Engine) -> None:
    """The question is the last sentence, with no "?" (development set 22)."""
    turn = chat(engine, "MY WIFES SPEECH IS SLURRED AND HER ARM HAS GONE WEAK ALL OF A SUDDEN",
                "AMBULANCE CAME. THEY SAY IT IS AN MS RELAPSE NOT A STROKE. WHAT IS A RELAPSE EXACTLY")[-1]
    assert (turn.kind, turn.intent_id) == ("topical", "ms_relapsing_remitting")
    assert turn.reply.alert == texts.LINE_STROKE
    told = chat(engine, "my son is having a seizure", "its been 4 minutes. he is still shaking")[-1]
    assert told.kind == "emergency"


def test_a_clear_new_question_is_answered_with_the_emergency_line_on_top(engine: Engine) -> None:
    turn = chat(engine, "my son is having a seizure", "what is multiple sclerosis?")[-1]
    assert turn.kind == "topical" and turn.intent_id == "ms_overview"
    assert turn.reply.alert == texts.LINE_SEIZURE


@pytest.mark.parametrize("text", ["how long is too long", "what if it happens again?", "is this normal",
                                  "why wont it stop", "why hasnt it stopped yet", "it has not finished"])
def test_questions_of_the_scene_get_the_guidance_never_the_after_care(engine: Engine, text: str) -> None:
    """ "why hasnt it stopped yet": a stop denied is a seizure going on, not the recovery."""
    turn = chat(engine, "my son is having a seizure", text)[-1]
    assert turn.kind == "emergency", turn.reply.plain_text()


@pytest.mark.parametrize("text", ["does he need hospital", "recovery position how", "when do i need to call 999 next time",
                                  "do i still need to call an ambulance"])
def test_a_first_aid_question_with_nothing_alarming_gets_the_first_aid_answer(engine: Engine, text: str) -> None:
    """The article's own steps, saying where they come from, the emergency line on top; the state goes on."""
    turn = chat(engine, "my son is having a seizure", "ok he stopped, he's breathing now", text)[-1]
    assert turn.kind == "topical" and turn.intent_id == FIRST_AID_INTENT, turn.reply.plain_text()
    assert turn.reply.alert == texts.LINE_SEIZURE and turn.reply.source is not None
    assert turn.context.safety is not None and turn.context.safety.kind == "emergency"


@pytest.mark.parametrize("text", ["what now", "he's still shaking, does he need hospital",
                                  "hes gone blue, recovery position how"])
def test_a_bare_what_now_or_an_alarm_with_the_question_gets_the_guidance(engine: Engine, text: str) -> None:
    turn = chat(engine, "my son is having a seizure", text)[-1]
    assert turn.kind == "emergency", turn.reply.plain_text()


def test_what_caused_it_asked_of_a_time_before_is_a_clear_question(engine: Engine) -> None:
    """A person and a seizure word in it, but a cause asked of last week: answered, the emergency line on top."""
    turn = chat(engine, "my son is having a seizure",
                "he had a bad flu last week. can an infection set off brain inflammation like that?")[-1]
    assert turn.kind == "topical" and turn.reply.alert == texts.LINE_SEIZURE, turn.reply.plain_text()


def test_nobody_can_help_after_a_crisis_reply_gets_the_crisis_reply_not_the_help(engine: Engine) -> None:
    turns = chat(engine, "i cant do this anymore. the pain the fits all of it. i want out", "nobody can help",
                 "how do i use this?")
    assert turns[1].kind == "crisis", turns[1].reply.plain_text()
    assert (turns[2].kind, turns[2].intent_id) == ("smalltalk", "help")  # a question about the bot is answered


@pytest.mark.parametrize("text", ["do i need to write an incident report", "whats the number for the office rota line",
                                  "who do i report this to at the agency, incident form?"])  # "this": the incident
def test_a_question_about_something_else_gets_its_own_answer_with_the_line(engine: Engine, text: str) -> None:
    turn = chat(engine, "my son is having a seizure", "ok he stopped, he's breathing now", text)[-1]
    assert turn.kind == "fallback" and turn.reply.alert == texts.LINE_SEIZURE, turn.reply.plain_text()
    assert turn.context.safety is not None and turn.context.safety.kind == "emergency"


@pytest.mark.parametrize("text", ["is he going to be ok", "SHOULD I RING 111", "will she be alright",
                                  "is this going to damage his brain long term do you think?"])
def test_a_question_of_the_scene_or_a_call_still_gets_the_guidance(engine: Engine, text: str) -> None:
    turn = chat(engine, "my husband just fell, his head is bleeding and he is not answering me", text)[-1]
    assert turn.kind == "emergency", turn.reply.plain_text()


def test_a_second_possible_crisis_within_30_minutes_gets_the_crisis_reply(engine: Engine, clock: Clock) -> None:
    """ "im done with all of it" gets its answer with the crisis line; "ive got a plan" next is the crisis reply."""
    turns = chat(engine, "im done with all of it")
    assert turns[0].kind != "crisis" and turns[0].reply.alert, turns[0].reply.plain_text()
    later = say(engine, turns, "what is ms")  # an ordinary answer in between keeps the watch
    assert later.kind == "topical"
    clock.now += STATE_SECONDS - 60
    second = engine.respond("ive got a plan", later.context)
    assert second.kind == "crisis", second.reply.plain_text()


def test_a_possible_crisis_alone_or_after_30_minutes_keeps_only_the_line(engine: Engine, clock: Clock) -> None:
    alone = chat(engine, "ive got a plan")[-1]
    assert alone.kind != "crisis" and alone.reply.alert
    turns = chat(engine, "im done with all of it")
    clock.now += STATE_SECONDS + 1
    late = say(engine, turns, "ive got a plan")
    assert late.kind != "crisis" and late.reply.alert


def test_a_question_about_something_else_after_a_crisis_reply_gets_its_answer_with_the_line(engine: Engine) -> None:
    turns = chat(engine, "some days I don't want to be alive anymore",
                 "and is there a support group for parents like me anywhere near Galway", "whats the point of anything")
    assert turns[1].kind == "fallback" and turns[1].reply.alert, turns[1].reply.plain_text()
    assert turns[2].kind == "crisis"


@pytest.mark.parametrize(("text", "kind"), [("i dont want to ring anyone", "crisis"), ("nah not calling anyone", "crisis"),
                                           ("can i talk to a real person", "handover"),
                                           ("IS THERE A PERSON I CAN TELEPHONE", "handover")])
def test_after_a_crisis_reply_a_call_turned_down_is_no_wish_for_a_person(engine: Engine, text: str, kind: str) -> None:
    turn = chat(engine, "everything feels pointless since the diagnosis. i keep thinking about ending it", text)[-1]
    assert turn.kind == kind, turn.reply.plain_text()


def test_the_state_lasts_30_minutes(engine: Engine, clock: Clock) -> None:
    turns = chat(engine, "my son is having a seizure")
    clock.now += STATE_SECONDS - 60
    assert say(engine, turns, "its been 6 min").kind == "emergency"
    clock.now += STATE_SECONDS + 1  # 30 minutes after the last emergency guidance
    after = say(engine, turns, "what is multiple sclerosis?")
    assert after.kind == "topical" and after.reply.alert == ""


def test_a_stroke_follow_up_stays_with_the_stroke(engine: Engine) -> None:
    turns = chat(engine, "his face is drooping and he cant lift his arm", "he seems a bit better now")
    assert turns[-1].kind == "emergency" and texts.FOLLOW_STROKE_LEAD in turns[-1].reply.paragraphs


def test_crisis_state_keeps_the_line_and_no_excerpt_unless_asked(engine: Engine) -> None:
    turns = chat(engine, "what is vagus nerve stimulation", "i want to die", "vns")
    assert turns[1].kind == "crisis" and turns[2].kind == "crisis"
    assert turns[2].reply.title == texts.CRISIS_FOLLOW_TITLE and turns[2].reply.source is None
    thanks = say(engine, turns, "thanks")
    assert thanks.kind == "smalltalk" and thanks.reply.alert == texts.LINE_CRISIS
    question = say(engine, turns, "what is multiple sclerosis?")
    assert question.kind == "topical" and question.reply.alert == texts.LINE_CRISIS


def test_a_practical_question_in_a_crisis_gets_who_can_answer_it_with_the_crisis_line(engine: Engine) -> None:
    """ "IS THERE RESPITE CARE SO I CAN HAVE A BREAK" after a crisis: the plain answer for what we do not cover, the
    crisis line on top (it used to get the crisis reply again); a crisis said again gets the crisis reply."""
    turns = chat(engine, "I DONT THINK I CAN GO ON. SOMETIMES I WANT TO END IT ALL",
                 "IS THERE RESPITE CARE SO I CAN HAVE A BREAK")
    assert (turns[-1].kind, turns[-1].fallback) == ("fallback", "health"), turns[-1].reply.plain_text()
    assert turns[-1].reply.alert == texts.LINE_CRISIS and turns[-1].context.safety is not None
    assert say(engine, turns, "i just want it all to stop").kind == "crisis"


def test_a_certain_emergency_during_a_crisis_keeps_both_lines(engine: Engine) -> None:
    turns = chat(engine, "i want to die", "i took all my pills")
    assert turns[-1].kind == "emergency" and texts.LINE_CRISIS in turns[-1].reply.alert


@pytest.mark.parametrize("after", ["its stopped now, hes breathing", "ok thanks", "is he going to be ok?",
                                   "what is multiple sclerosis?"])
def test_a_crisis_then_an_emergency_keeps_the_crisis_line_through_the_emergency(engine: Engine, after: str) -> None:
    """The crisis came first; the seizure's state took over. Every reply of its 30 minutes keeps the crisis line
    (it used to end with the emergency reply)."""
    turns = chat(engine, "i want to die", "my son is having a seizure right now", after)
    assert turns[1].kind == "emergency" and turns[1].context.safety is not None
    assert turns[1].context.safety.also == "crisis"
    assert texts.LINE_CRISIS in turns[-1].reply.alert or turns[-1].kind == "crisis", turns[-1].reply.plain_text()


@pytest.mark.parametrize("first", ["i took all my pills because i want to die",
                                   "had another fit at work just now in front of everyone. gf gone. whats the point anymore"])
def test_an_emergency_told_beside_a_crisis_carries_the_crisis_on(engine: Engine, first: str) -> None:
    """An emergency with a crisis in the same message: a settled message next ("not the meds. life. all of it")
    gets the crisis reply with the emergency's line on top (it used to get the emergency guidance alone); a
    seizure going on again gets the emergency reply with the crisis line."""
    turns = chat(engine, first, "not the meds. life. all of it")
    assert turns[0].kind == "emergency" and texts.LINE_CRISIS in turns[0].reply.alert
    assert turns[1].kind == "crisis" and turns[1].reply.alert != "", turns[1].reply.plain_text()
    assert texts.LINE_CRISIS not in turns[1].reply.alert  # the crisis reply says it once, not again on top
    again = say(engine, turns, "hes shaking again its not stopping")
    assert again.kind == "emergency" and texts.LINE_CRISIS in again.reply.alert


def test_a_crisis_told_after_the_days_seizure_gets_the_crisis_reply(engine: Engine) -> None:
    """Another fit earlier today, told afterwards, is possible; the hopelessness beside it is the crisis."""
    [turn] = chat(engine, "had another fit at work today in front of everyone. gf gone. whats the point anymore")
    assert turn.kind == "crisis"


def test_a_possible_match_gets_the_normal_answer_with_one_line(engine: Engine) -> None:
    [turn] = chat(engine, "my husband had a seizure")
    assert turn.kind in ("topical", "fallback", "ambiguous") and turn.reply.alert == texts.LINE_SEIZURE
    assert turn.safety is not None and turn.safety.tier == "possible"
    assert turn.context.safety is None  # a possible match starts no state


def test_calm_messages_get_no_line(engine: Engine) -> None:
    for message in ("my son had a seizure last year", "what causes seizures"):
        [turn] = chat(engine, message)
        assert turn.reply.alert == "" and turn.safety is None, message


def test_missed_dose_gets_the_medication_reply_not_an_excerpt(engine: Engine) -> None:
    for message in ("i forgot to take my seizure pills this morning what should i do", "missed my ocrevus infusion"):
        [turn] = chat(engine, message)
        assert turn.kind == "medication_change" and turn.reply.source is None, message
        assert "pharmacist" in turn.reply.plain_text() and "double" in turn.reply.plain_text()


def test_first_aid_question_gets_the_article_with_when_to_call(engine: Engine) -> None:
    [turn] = chat(engine, "how do i help someone having a seizure")
    text = turn.reply.plain_text()
    assert turn.intent_id == "seizure_first_aid" and turn.reply.source is not None
    assert "Time the seizure" in text and "5 minutes or more" in text


def test_asking_for_a_person_during_a_crisis_gets_the_offer_with_the_crisis_line(library: Library,
                                                                                  clock: Clock) -> None:
    from bot.core.handover_replies import HandoverPolicy

    engine = Engine(library, "https://content.example", HandoverPolicy(staff_chat_id=-100123), clock=clock)
    turns = chat(engine, "i want to die", "can i talk to someone")
    assert turns[-1].kind == "handover" and turns[-1].reply.alert == texts.LINE_CRISIS


@pytest.mark.parametrize("closing", ["thank you", "thanks so much", "bye"])
def test_a_thanks_after_an_emergency_is_answered_with_the_line_in_view(engine: Engine, closing: str) -> None:
    """Found in the blind development dialogues (set 4): "thank you" got the whole emergency guidance again."""
    turns = chat(engine, "my son is having a seizure right now", closing)
    assert turns[-1].kind == "smalltalk" and turns[-1].intent_id in ("thanks", "goodbye")
    text = turns[-1].reply.plain_text()
    assert "emergency number" in text  # the emergency line stays in view
    assert texts.FOLLOW_GENERAL_LEAD not in turns[-1].reply.paragraphs


def test_a_thanks_that_speaks_of_the_scene_still_gets_the_guidance(engine: Engine) -> None:
    turns = chat(engine, "my son is having a seizure right now", "thanks, another one started")
    assert turns[-1].kind == "emergency"


def test_asking_to_be_connected_to_a_nurse_after_an_emergency_gets_the_handover_with_the_line(engine: Engine) -> None:
    turns = chat(engine, "she is having a seizure now and she fell and hit her head, there is blood",
                 "It has stopped, she is breathing. Now what do I do", "Kindly connect me to a nurse")
    assert turns[0].kind == "emergency"
    assert turns[-1].kind == "handover" and turns[-1].reply.alert, turns[-1].reply.plain_text()


def test_speech_slow_to_return_after_a_seizure_gets_its_after_care_not_the_stroke_reply(engine: Engine) -> None:
    """Mumbling after a seizure stopped is its recovery (the after-care and when to call); a drooping face with it
    is a stroke."""
    turns = chat(engine, "my mum is fitting on the floor",
                 "its stopped now, shes breathing but she's not talking properly, just mumbling")
    assert turns[1].reply.paragraphs[0] != texts.STROKE_LEAD and turns[1].intent_id == "seizure_first_aid"
    face = chat(engine, "my mum is fitting on the floor", "its stopped but now her face is drooping on one side and "
                "she cant talk")
    assert face[1].kind == "emergency" and face[1].reply.paragraphs[0] == texts.STROKE_LEAD


@pytest.mark.parametrize("messages", [
    ("mum fitting now 5+ min not stopping", "ambulance on way. what do i do till they get here, shes still going",
     "stopped. shes breathing, paramedics here. for next time - anything i should NOT do?"),
    ("My wife seizure not stop, 7 minutes", "Ambulance come now, thank you",
     "Later I want learn what to do right when seizure happen"),
])
def test_first_aid_asked_for_next_time_gets_the_first_aid_answer(engine: Engine, messages: tuple[str, ...]) -> None:
    """Rounds 83 and 80: a first-aid question about a time to come, nothing going on, is not the guidance again."""
    last = chat(engine, *messages)[-1]
    assert last.kind == "topical" and last.intent_id == "seizure_first_aid", last.kind
    assert last.reply.alert  # the emergency line stays on top


def test_first_aid_for_next_time_with_it_going_on_is_the_guidance(engine: Engine) -> None:
    last = chat(engine, "mum fitting now", "still going, for next time what should i do")[-1]
    assert last.kind == "emergency"


def test_once_the_person_is_said_to_be_fine_a_question_gets_its_own_answer(engine: Engine) -> None:
    """Round 80: "ok shes fine now" settles the state; "does she need stitches" is then a question, not the
    guidance again."""
    turns = chat(engine, "she just had a seizure and hit her head on the table its bleeding a lot",
                 "ok shes fine now. what should i do next time to keep her safe during one", "thank you",
                 "does she need stitches do you think")
    assert [t.kind for t in turns] == ["emergency", "topical", "smalltalk", "fallback"]
    assert turns[-1].reply.alert


def test_whether_to_call_someone_after_a_crisis_reply_gets_the_crisis_reply(engine: Engine) -> None:
    """Round 89: "Should I be calling someone?" asks whether to get help (the crisis reply says who), while "can i
    talk to a nurse" asks for our team."""
    turns = chat(engine, "My girlfriend keeps saying she'd rather be dead than disabled. I'm scared she means it.",
                 "Should I be calling someone?")
    assert [t.kind for t in turns] == ["crisis", "crisis"]
    assert chat(engine, "i want to die", "can i talk to a nurse")[-1].kind == "handover"


@pytest.mark.parametrize("text", ["ok paramedics here.", "the ambulance is here now"])
def test_help_come_with_no_emergency_before_gets_what_to_tell_the_crew(engine: Engine, text: str) -> None:
    """Told first (or after the 30 minutes): what to tell the crew, and the emergency's 30 minutes begin."""
    turn, after = chat(engine, text, "another one started")
    assert turn.kind == "emergency" and turn.reply.title == texts.FOLLOW_ARRIVED_TITLE, turn.reply.plain_text()
    assert turn.context.safety is not None and turn.context.safety.kind == "emergency"
    assert after.kind == "emergency" and texts.FOLLOW_CALL_LEAD in after.reply.paragraphs
    stay = chat(engine, "im bored at the hospital")[-1]  # "at the hospital" is no crew come
    assert stay.kind != "emergency"


@pytest.mark.parametrize(("before", "text", "criterion"), [
    # a missed dose told as "it", with a time, after medicines were talked about
    (("ugh fine. what happens if u miss ur pill",), "like i missed it this morning n its 3pm now", "missed_dose"),
    (("i take keppra",), "i missed it this morning, its 3pm now", "missed_dose"),
    # a choice between the treatments of the topic, or leave to switch with a medicine of one's own named
    (("neuro said pick between ocrelizumab and copaxone by next week", "how do they actually work differently?"),
     "which one should i go for?", "med_change"),
    (("I've been on interferon for 15 years. Is there anything stronger these days?", "What's ocrelizumab?"),
     "Should I ask to switch then? Or stay put since I'm stable-ish?", "med_change"),
])
def test_medication_decisions_that_lean_on_the_chat(engine: Engine, before: tuple[str, ...], text: str,
                                                    criterion: str) -> None:
    turn = chat(engine, *before, text)[-1]
    assert turn.kind == "medication_change" and turn.safety is not None, turn.reply.plain_text()
    assert turn.safety.criterion == criterion


@pytest.mark.parametrize(("before", "text"), [
    (("what is ocrelizumab",), "i sometimes miss it"),  # a habit, no time
    (("what is baclofen",), "i missed the bus this morning"),
    (("Can missed doses make someone look drug resistant? Some of our residents refuse their tablets",
      "one refused this morning's tegretol. can we give it with lunch instead?"),
     "oops sorry that was meant for my manager. can anyone swap my saturday late shift"),
    (("what treatments are there for ms",), "what do i do"),
])
def test_other_things_said_after_medicines_are_no_decision(engine: Engine, before: tuple[str, ...],
                                                           text: str) -> None:
    turn = chat(engine, *before, text)[-1]
    assert turn.kind != "medication_change", turn.reply.plain_text()


@pytest.mark.parametrize(("before", "text"), [
    (("jess's face just went droopy and her words are slurred, like just now. is this a relapse??",),
     "hospital says it was a mini stroke not the ms. is stroke more likely if you have ms?"),
    (("Millie is having a fit now and it has gone on for more than five minutes",
      "They say she will be alright. What should I do next time, so I am ready?"),
     "And is it safe for her to have a bath on her own?"),
    (("Theo's seizure has gone past 5 minutes and the rescue med isn't working", "Paramedics here. Thank you."),
     "Now it's calmer. What other treatments are there for kids like him? We keep ending up here"),
])
def test_a_question_once_it_has_been_seen_to_is_answered_with_the_line(engine: Engine, before: tuple[str, ...],
                                                                       text: str) -> None:
    turn = chat(engine, *before, text)[-1]
    assert turn.kind != "emergency", turn.reply.plain_text()
    assert turn.reply.plain_text().startswith("⚠️")  # the emergency's line stays on top
    alarm = chat(engine, *before, "is it safe for her to be in the bath right now, she is still shaking")[-1]
    assert alarm.kind == "emergency"


@pytest.mark.parametrize(("before", "text"), [
    (("dad fitting on floor been like 7 mins now not stopping", "ambulance here now. thx"),
     "next time what shud i do b4 it gets to 5 min"),
    (("resident just had a seizure and fell, blood coming from his head and he's not responding",),
     "ok he's in hospital now. for the future, what's the right first aid so he doesn't get hurt like that again"),
])
def test_first_aid_asked_for_a_time_to_come_gets_the_first_aid_answer(engine: Engine, before: tuple[str, ...],
                                                                      text: str) -> None:
    turn = chat(engine, *before, text)[-1]
    assert turn.kind == "topical" and turn.intent_id == FIRST_AID_INTENT, turn.reply.plain_text()


@pytest.mark.parametrize("text", ["another one started, what do i do next time",
                                  "its been 6 minutes, what do i do next time"])
def test_an_alarm_told_before_next_time_is_still_the_emergency(engine: Engine, text: str) -> None:
    turn = chat(engine, "my son is having a seizure", text)[-1]
    assert turn.kind == "emergency" and texts.FOLLOW_CALL_LEAD in turn.reply.paragraphs, turn.reply.plain_text()


def test_a_relapse_asked_about_after_stroke_signs_keeps_the_stroke_guidance(engine: Engine) -> None:
    turn = chat(engine, "Can MS cause lesions in the spinal cord as well as the brain?",
                "hang on her face has gone droopy on one side and she can't get her words out",
                "she's had MS for years, could it just be a relapse??")[-1]
    assert turn.kind == "emergency", turn.reply.plain_text()


@pytest.mark.parametrize(("before", "text", "kind"), [
    (("Theo is having a seizure now and he's banged his head on the coffee table, there's blood",
      "He's come round and the ambulance men are here."), "Thank you dear. I'm still shaking.", "smalltalk"),
    (("my neighbour has collapsed in the garden she is jerking and not breathing proper",
      "she has stopped jerking but she is not waking up and her lips are blue"),
     "the paramedics have taken her now what should I have done question mark", "topical"),
    (("Hi, I work in a care home, can you help with a couple of things",
      "What's the right first aid for a tonic clonic seizure?"), "and if it goes past 5 mins?", "topical"),
])
def test_after_help_came_or_a_first_aid_answer_no_emergency_reply(engine: Engine, before: tuple[str, ...], text: str,
                                                                 kind: str) -> None:
    turn = chat(engine, *before, text)[-1]
    assert turn.kind == kind, turn.reply.plain_text()
