"""Emergency, crisis, medication and first-aid recognition: runs before any topical matching.

Rules on concepts, not fuzzy scores: a score can be outvoted, a rule cannot. `bot.nlu.safety_lexicon`
folds the message's words to concepts (a convulsion sign, "not waking", a time, a person, a
history marker ...); the rules here decide on combinations of them, per criterion of
docs/safety.md, and say which criterion fired and how sure they are:

* "certain": the safety reply alone;
* "possible": risk words without certainty (a seizure with no time, a low mood without a wish to
  die): the normal answer with one safety line on top.

The crisis rules are in `bot.nlu.safety_crisis`; what a unit is and how it talks (now, past, in
general) in `bot.nlu.safety_unit`. A message is read in units (a sentence, and two neighbouring
sentences together), so a history in one sentence does not calm an emergency in the next, and a
long message costs time in proportion to its length. Admins can add trigger phrases through the `keywords` of the safety
intents in intents.yaml.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bot.nlu.message import Message, Sentence
from bot.nlu.safety_crisis import crisis, thinks_of_not_waking
from bot.nlu.safety_lexicon import Lexicon, core_words, drop_where, fold_words
from bot.nlu.safety_net import CrisisNet, load_net
from bot.nlu.safety_phrases import FUZZY_TARGETS as FUZZY
from bot.nlu.safety_phrases import MEDICINE_NAMES, MS_WORDS
from bot.nlu.safety_unit import (
    Frame,
    Hits,
    Tier,
    Unit,
    another_seizure_after,
    changes_medicine,
    is_progressive,
    on_a_regime,
    present_having,
    read_frame,
    still_despite_medicine,
)

SafetyKind = Literal["emergency", "crisis", "medication_change", "seizure_first_aid"]
FollowUp = Literal["call", "arrived", "recovered", "general"]

EMERGENCY_CRITERIA = ("overdose", "seizure_over_5_min", "seizure_cluster", "breathing_colour", "seizure_injury",
                      "seizure_in_water", "seizure_pregnancy", "first_seizure", "stroke_signs", "not_waking",
                      "serious_injury", "heart_or_allergy", "seizure_now")  # most specific first: the first that fires names the reply
CRISIS_CRITERIA = ("method_plan_intent", "preparation", "active_ideation", "wish_dead", "passive_ideation",
                   "self_harm")
MEDICATION_CRITERIA = ("missed_dose", "med_change")
PERMISSION_FIRST = frozenset(("should", "can", "could", "shall", "must"))  # "should I start back up or just wait ..."
CHANGE_FOLLOW_UP_WORDS = 12  # "is it ok to stop it if i feel better": longer messages name what they change
_BARE_PERMISSION_WORDS = 4  # "is that ok?", "would that be mad?": asks about what the sentence before said
_THAT_ASKED = frozenset(("is", "would", "will", "could"))
_LEAVE_WORDS = frozenset(("ok", "okay", "alright", "fine", "safe", "allowed", "mad", "wise", "sensible", "bad", "wrong"))


def _permission_after_comma(sentence: Sentence) -> bool:
    """ "..., is that ok for me to do": a short "is that ok / would it be mad" closing the sentence after a comma
    (not "..., does that make it worse")."""
    if not sentence.breaks:
        return False
    tail = sentence.words[max(sentence.breaks) + 1:]
    return 2 <= len(tail) <= 2 * _BARE_PERMISSION_WORDS and tail[0] in _THAT_ASKED and \
        tail[1] in ("that", "it", "this") and not _LEAVE_WORDS.isdisjoint(tail)
NET_CRITERION = "net_crisis"  # the crisis second net (bot/nlu/safety_net.py), not a rule: never certain
CRITERIA = (*EMERGENCY_CRITERIA, *CRISIS_CRITERIA, *MEDICATION_CRITERIA, "first_aid_question")
KIND_OF = {**dict.fromkeys(EMERGENCY_CRITERIA, "emergency"), **dict.fromkeys(CRISIS_CRITERIA, "crisis"),
           **dict.fromkeys(MEDICATION_CRITERIA, "medication_change"), "first_aid_question": "seizure_first_aid"}
__all__ = ["CRITERIA", "MEDICINE_NAMES", "Reading", "SafetyCheck", "SafetyFlag"]

# A question opening with one of these and then no one in the scene is a general one ("can fainting look like
# fitting?", "does someone need a&e after every seizure?"); "is he breathing?" is not
# What makes a missed dose one of now, to decide on: a time, a question for the writer, a double dose
_TOLD_NOW = frozenset(("ADVICE", "RECENT", "JUST", "DAYS_AGO", "BEFORE_TODAY", "NOW_WEAK", "NOW_STRONG", "DOUBLE_UP",
                       "FIRST_P", "ASK", "URGENT"))
_DOSE_ASKED = frozenset(("DOUBLE_UP", "DOSE_CHANGE", "EXTRA_PRE"))  # a dose asked about, in any sentence
_HOW_MUCH = frozenset(("much", "many", "often", "long", "far", "bad", "serious", "important", "likely", "common"))
_ASKERS = frozenset(("i", "she", "he", "we", "they", "u", "you"))
_LEAVE = frozenset(("can", "could", "should", "must", "may"))  # "she can stop ...?" asks leave; "he is ...?" does not
# Words before "i can ..." that make it part of another question or a condition: "what i can do?", "if i can"
_NOT_LEAVE_BEFORE = frozenset(("what", "how", "why", "when", "where", "which", "who", "if", "whether", "wat", "wot"))


def _leave_asked(words: list[str]) -> int | None:
    """Where (in the core words) a learner's question asks leave, subject first ("she can stop the old one by herself?"), at the start
    or after a clause of its own; None when it does not."""
    for i in range(len(words) - 2):
        if words[i] in _ASKERS and words[i + 1] in _LEAVE:
            return i + 1 if not _NOT_LEAVE_BEFORE.intersection(words[:i]) else None
    return None


_MODALS = frozenset(("can", "could", "does", "do", "is", "are", "will", "would", "should", "shall", "must", "may"))
# A sentence that is only a cry for help ("help!!", "pls help us"): urgent, like one that starts with "help"
_CRY = frozenset(("help", "please", "me", "us", "him", "her", "someone", "somebody", "quick", "now", "fast", "asap"))
_GENERIC = frozenset(("someone", "somebody", "anyone", "anybody", "people", "person", "a", "an", "the", "every",
                      "all", "most"))
# "ive got a plan" with nothing after it: no "to go keto", "for the weekend" (what it is for goes unsaid)
_HAVE = frozenset(("got", "have", "made", "ive", "i've", "worked"))
_PLAN_END = frozenset(("plan", "planned"))
_AFTERTHOUGHT = frozenset(("now", "already", "tbh", "though", "anyway", "too", "ok", "okay", "sorted"))
TAKEN_SPAN = 8  # "took far too many of her tablets": the amount this close to the taking
ASKED_SPAN = 12  # "can i take them a bit later": the question this close to the time or amount it asks about
WINDOW = 40  # words per unit: a long sentence is read in overlapping windows of this many words
GOES_ON_WORDS = 5  # "like actually not be here anymore": the most core words of a sentence that says what the last meant
_ADMIN = "ADMIN_"


@dataclass(frozen=True, slots=True)
class SafetyFlag:
    """Why a message gets a safety reply (or, when possible, a safety line)."""

    kind: SafetyKind
    rule: str  # the concepts or admin phrase that fired (shown by `explain`)
    topic: str | None = None  # "ms" / "epilepsy" when the message names one (for medication_change)
    criterion: str = ""  # the docs/safety.md criterion id
    tier: Tier = "certain"
    crisis_too: bool = False  # an emergency that also carries self-harm intent: the crisis line goes with it

    @property
    def certain(self) -> bool:
        return self.tier == "certain"


@dataclass(frozen=True, slots=True)
class Reading:
    """Every concept a message mentions (all units together), for follow-ups in an emergency."""

    concepts: frozenset[str]

    def follow_up(self) -> FollowUp:
        """After an emergency reply: call now (over 5 minutes, another seizure, breathing ...), help has arrived
        (the paramedics are here), recovery guidance (it stopped, they are breathing, sleeping), or the general
        guidance."""
        c = self._told()
        # ... or "still going", "not stopping": the seizure goes on
        if (c - self._asked_about()) & _CALL_NOW:
            return "call"
        if "NOW_WEAK" in c and c & {"SIGN", "CONV", "ING"} and not _over(c):
            return "call"  # "still shaking"
        if c >= {"BREATH_W", "BREATH_ODD"} or (c >= {"BREATH_W", "BREATH_LOUD"} and not _over_for_sure(c)) or (
                c >= {"BREATH_W", "BREATH_FUNNY"} and COMING_ROUND not in c):
            return "call"  # "he's breathing but it sounds gurgly": not "breathing again"
        if "HELP_HERE" in c:
            return "arrived"
        if _over(c):
            return "recovered"
        return "general"

    def _told(self) -> frozenset[str]:
        """The concepts, less the minutes of a time supposed in a first-aid question: "what should i do next time
        before it gets to 5 minutes" (not "another one started, what do i do if it goes on")."""
        c = self.concepts
        # ... and "for the future, what's the right first aid so he doesn't get hurt like that again": what a time to
        # come is asked about, the supposed hurt and "again" with it
        # ("what should i be doing next time before it gets to 5 min": asked with "should i" as well)
        if "NEXT_TIME" in c and c & {"FA_DO", "FIRST_AID", "ADVICE"} and not c & _NOW_SAID:
            return c - (_SUPPOSED_TIMES if "TIME_LATER" in c else set()) - (
                {"ANOTHER", "TWICE"} if "AGAIN_LATER" in c else set())
        return c - _SUPPOSED_TIMES if "HYPO" in c and c & {"FA_DO", "FIRST_AID"} and not c & _NOW_SAID else c

    @property
    def help_here(self) -> bool:
        """ "the paramedics are here", "the crew have taken over": someone who can help is with them."""
        return "HELP_HERE" in self.concepts

    @property
    def asks_first_aid(self) -> bool:
        """ "what should I do next time", "how long before one calls": a first-aid question."""
        return bool(self.concepts & {"FIRST_AID", "FA_DO", "RECOVERY"})

    @property
    def asks_for_next_time(self) -> bool:
        """ "for next time - anything i should NOT do?", "Later I want learn what to do when seizure happen": a
        question or wish about a time to come, nothing said to go on now."""
        c = self._told()
        return "NEXT_TIME" in c and bool(c & {"FIRST_AID", "FA_DO", "RECOVERY", "ADVICE", "ASKED", "Q_MODAL", "WISH"}) \
            and not c & (_NOW_SAID | {"NOT_STOP", "LONG", "ANOTHER", "BREATH_BAD", "COLOUR", "UNRESP", "INJURY"})

    @property
    def says_fine(self) -> bool:
        """ "ok shes fine now": the person said to be fine, nothing alarming beside it ("ok now, what next" names
        no one)."""
        c = self.concepts
        return "FINE_NOW" in c and bool(c & {"PERSON", "PRONOUN", "CHILD"}) and self.settled

    @property
    def asks_a_cause_before(self) -> bool:
        """ "he had a cold last week. can an infection set off a cluster like that": what caused it, asked of a time
        before, nothing alarming told."""
        c = self.concepts
        return "HISTORY" in c and bool(c & {"CAUSE_Q", "REASON_OF"}) and not self.tells_an_alarm

    @property
    def asks_what_to_do(self) -> bool:
        """ "what should i tell them", "what do i do now": what to do at the scene, which the guidance answers."""
        return bool(self.concepts & {"FA_DO", "ASK"})

    @property
    def asks_about_care(self) -> bool:
        """ "recovery position how", "when do i call 999 next time", "does he need hospital": a question the first-aid
        article answers, not a bare "what now" (which the emergency's own guidance answers)."""
        c = self.concepts
        return bool(c & {"FIRST_AID", "RECOVERY"}) or ("FA_OBJECT" in c and bool(c & {"Q_MODAL", "WHEN_W"})) or \
            {"FA_DO", "HYPO"} <= c

    @property
    def settled(self) -> bool:
        """Nothing alarming said: no call for help, no sign of a seizure going on ("thanks, the paramedics are
        here", "ok she's sitting up now, thanks"), or a sign said to be over."""
        c = self._told()
        return self.follow_up() != "call" and (_over(c) or "HELP_HERE" in c or not c & _ONGOING)

    @property
    def leaves_the_seizure_unsaid(self) -> bool:
        """ "my husband is having one now", "when do I call 999": words that need a seizure to be about, which the
        chat's last answer (first aid) gives."""
        return bool(self.concepts & _UNSAID_SEIZURE)

    @property
    def names_a_medicine(self) -> bool:
        """ "should I give him an aspirin?", "can she have her keppra now": a medicine, or giving something."""
        return bool(self.concepts & {"MED", "MED_MSG", "GIVE"})

    @property
    def speech_sign_only(self) -> bool:
        """ "shes breathing but not talking properly": speech is the only stroke sign, and nothing says it came
        suddenly (after a seizure, its recovery; a face, an arm or a named stroke is a stroke)."""
        return "SPEECH_BAD" in self.concepts and self.concepts.isdisjoint(_STROKE_SIGNS - {"SPEECH_BAD"}) and \
            self.concepts.isdisjoint(("SUDDEN", "DROOP"))

    @property
    def tells_an_injury(self) -> bool:
        """ "shes got a cut on her head from the fall, bleeding a lot": an injury, which the seizure just talked
        about makes a seizure injury (the decider leaves out one asked about: "what if i hit my head")."""
        return "INJURY" in self.concepts

    @property
    def tells_an_alarm(self) -> bool:
        """A sign of an emergency going on, a count or time of seizures, breathing talked of, or a call for help:
        "can she still go tomorrow" is a question about later only without one. A word asked about once help is
        there ("theyre taking her in now. what does status epilepticus mean") tells nothing."""
        return not (self.concepts - self._asked_about()).isdisjoint(_ALARM)

    def _asked_about(self) -> frozenset[str]:
        return frozenset(("STATUS",)) if self.concepts >= {"KNOWLEDGE", "HELP_HERE"} else frozenset()

    @property
    def only_the_writer_shaken(self) -> bool:
        """ "I'm still shaking": the writer's own shaking is all the alarm told (after an emergency once help has
        come, their fright, not a seizure)."""
        return "SHAKEN" in self.concepts and self.concepts & _ALARM <= {"SIGN", "ING", "NOW_WEAK"}

    @property
    def tells_a_sign(self) -> bool:
        """An alarm, a time word apart: "i dont want to talk to anyone right now" tells no sign."""
        return not self.concepts.isdisjoint(_ALARM - {"NOW_STRONG"})

    @property
    def about_the_scene(self) -> bool:
        """The message talks about what is happening (a person, a time, a sign), not a new topic. A bare "now" in a
        knowledge question is not the scene: "the doctors now say it might be autoimmune encephalitis, what is
        that?"."""
        scene = self.concepts & _SCENE
        return bool(scene) and not (scene == {"NOW_WEAK"} and "KNOWLEDGE" in self.concepts)


# What says to call now, in a message after an emergency reply (a seizure going on, another, breathing ...)
_CALL_NOW = frozenset(("LONG", "ANOTHER", "COUNT2", "BREATH_BAD", "COLOUR", "UNRESP", "INJURY", "STATUS", "WATER",
                       "NOT_STOP"))


def _over(concepts: frozenset[str]) -> bool:
    """It is over: a stop told, or breathing told with no sign of the seizure going on beside it."""
    return "STOPPED" in concepts or ("BREATHING_OK" in concepts and concepts.isdisjoint(("SIGN", "CONV", "ING")))


# The concepts of a stroke's signs (what the stroke rule reads)
_STROKE_SIGNS = frozenset(("FACE", "FACE_SIDE", "LIMB", "ONE_SIDE", "SPEECH_BAD", "VISION_BAD", "BALANCE_BAD",
                           "HEADACHE_BAD", "HEADACHE_SEVERE", "STROKE_WORD", "STROKE_NOW"))
_NOW_SAID = frozenset(("NOW_STRONG", "URGENT", "JUST", "ING"))  # what says it goes on now, not at a time supposed
_SUPPOSED_TIMES = frozenset(("LONG", "STATUS", "COUNT2"))  # ... and what a time supposed may say of its seizure
_ONGOING = frozenset(("SEIZ", "SEIZ_PL", "CONV", "SIGN", "ING", "UNRESP", "COLLAPSE", "BREATH_BAD", "COLOUR", "INJURY",
                      "OD", "DEFICIT", "SPEECH_BAD", "FACE", "LIMB", "STATUS", "LONG", "ANOTHER"))
# What goes on, named ("having" and bare plural seizures apart: "can he still drive after havin one of those"), with
# a count, breathing and a call for help
_ALARM = (_ONGOING - {"ING", "SEIZ_PL"}) | {"COUNT2", "BREATH_W", "BREATH_ODD", "BREATH_FUNNY", "NOW_STRONG", "URGENT",
                                           "AMBULANCE"}
_BY_ONESELF = frozenset(("myself", "ourselves", "herself", "himself", "themselves"))  # "can i just switch myself"
# "what about just halving it then" right after the medication reply: asked, with no question mark
_WHAT_ABOUT = ("what about", "how about", "what if", "and if")
# ("its been 5 minutes", "he is doing now!! 5 minutes already": how long it lasts, after the first-aid answer)
_UNSAID_SEIZURE = frozenset(("ONE_PRO", "ANOTHER", "ANOTHER_STRONG", "FIRST_AID", "FA_DO", "IT_HAPPENS", "LONG",
                             "HAPPENING"))
_SCENE = frozenset(("SEIZ", "SEIZ_PL", "CONV", "SIGN", "ING", "UNRESP", "COLLAPSE", "BREATH_BAD", "COLOUR", "LONG",
                    "NOT_STOP", "SHORT_T", "JUST", "NOW_STRONG", "NOW_WEAK", "PERSON", "STOPPED", "BREATHING_OK", "ANOTHER", "ASK", "URGENT",
                    "AMBULANCE", "FIRST_AID", "INJURY", "MED", "TOOK", "OD", "OD_PAST", "DEFICIT", "SPEECH_BAD",
                    "FACE", "LIMB", "ADMIN_emergency"))


# -- emergency -------------------------------------------------------------------------------------------


def _of_a_thing(u: Unit, concept: str, span: int) -> bool:
    """Every `concept` word has a thing just before it: "the printer is having a fit", "car engine seized"."""
    things = u.hits.get("THING", [])
    return all(any(1 <= hit - t <= span for t in things) for hit in u.hits.get(concept, []))


def _seizure_event(u: Unit) -> bool:
    # a convulsion word not said of a thing: "engine seized" is not one, "my husband is fitting" beside it is
    convulsions = [c for c in u.hits.get("CONV", []) if not any(1 <= c - t <= 2 for t in u.hits.get("THING", []))
                   and not any(t - c == 1 for t in u.hits.get("THING", []))]
    events = [c for c in ("SEIZ", "SEIZ_PL", "ANOTHER_STRONG") if c in u]
    if events and all(_of_a_thing(u, c, 4) for c in events) and not convulsions and not u.any(
            "PERSON", "CHILD", "SIGN", "STATUS"):
        return False  # "the printer is having a fit again", "the stock market had a seizure"
    # "mum has parkinsons, her hand is shaking": a tremor; not when it takes the whole body, lasts, or brings a
    # collapse or no answer
    tremor = "TREMOR_CAUSE" in u and not u.any("BODY_ALL", "UNRESP", "COLLAPSE", "LONG", "FALL", "NOW_STRONG",
                                               "URGENT", "AMBULANCE")
    # ... also asked beside a seizure it is compared with ("dad has parkinsons, shaking loads, is that like a seizure?")
    if tremor and "ASKED" in u and not convulsions and not u.any("SEIZ_PL", "STATUS") and \
            set(u.hits.get("SEIZ", ())) <= set(u.hits.get("LIKENED", ())):
        return False
    if u.any("SEIZ", "SEIZ_PL", "STATUS", "SHAKING_STOPPED") or convulsions:
        return True
    if "SEIZ_KIND" in u and u.any(*_NOW_FOR_SURE):  # "having one of his jerky ones right now"
        return True
    if tremor:
        return False
    # "one" for a seizure ("having one now", "had one in the pool") with something that says what kind of event;
    # not "do i take another one" about a tablet
    # "she is having another one, should i give her the midazolam": one going on now, a medicine named or not
    if any(another_seizure_after(u, h) for h in present_having(u)):
        return True
    # "hes having one now and it wont stop": one had in the present, now or not stopping (after a topic on
    # epilepsy, or first)
    # (not "is she having one now?" of an MS relapse, or asked: something has to say it goes on or is urgent)
    # ... or "she's started having one now, lying on the floor, what do I do": "now" by it, and help asked or a fall
    if any(o in (h + 1, h + 2) for h in present_having(u) for o in u.hits.get("ONE_PRO", ())) and not u.any(
            "MED", "MS_MSG") and (u.any("NOT_STOP", "NOW_STRONG", "URGENT", "AMBULANCE", "LONG") or (
            u.near("ONE_PRO", "NOW_WEAK", 2) and u.any("ASK", "BODY_ALL", "FALL", "UNRESP"))):
        return True
    # ... nor "I give her another one or no?" (a dose given again, not a seizure)
    given = u.before("GIVE", "ANOTHER", 3) or u.before("GIVE", "ONE_PRO", 3)
    # (in the same sentence: not "when the inflammation stays a long time ... is it different from a short one?")
    if "ONE_PRO" in u and "MED" not in u and not given and any(u.near("ONE_PRO", c, WINDOW - 1) for c in (
            "SIGN", "EPI", "AURA", "WATER", "INJURY", "PREGNANT", "LONG", "ANOTHER", "ANOTHER_STRONG", "NOW_STRONG",
            "URGENT", "AMBULANCE")):
        return True
    if u.count("SIGN") >= 2 or ("SIGN" in u and u.any("UNRESP", "COLLAPSE", "BODY_ALL", "AURA", "FALL", "SHAKY")):
        return True
    # A sign that will not stop ("his arm won't stop jerking") or one in water ("went under and was jerking")
    if "SIGN" in u and (u.near("NOT_STOP", "SIGN", 4) or "WATER" in u):
        return True
    # Seizures running into each other ("one finishes and the next starts"), said of someone
    if "ANOTHER_STRONG" in u and u.any("PERSON", "FIRST_P", "HAVING", "PRO_OBJ") and not (
            "OTHER_EVENT" in u and not u.any("SIGN", "CONV", "STATUS")):  # "keeps having flare ups": MS
        return True
    # One sign that goes on or brings a cry for help: "she's been shaking for ages", "baby shaking, help",
    # "8 mins and still shaking"
    if "SIGN" not in u:
        return False
    progressive = is_progressive(u)
    return ("PERSON" in u or progressive) and (u.any("LONG", "NOW_STRONG", "URGENT", "AMBULANCE") or (progressive and
                                               "PERSON" in u))


def _asks_when_to_call(u: Unit) -> bool:
    """ "when should bystanders call an ambulance for a seizure? is it 5 mins?": the five minutes asked about in
    a first-aid question, with no one in the scene and nothing going on."""
    calm = not u.any("CONV", "ING", "NOW_STRONG", "NOW_WEAK", "URGENT", "SIGN", "UNRESP", "JUST")
    # (whoever it may be: "for a resident's seizure", no "my", "he" or "she")
    if calm and "FIRST_AID" in u and "WHEN_W" in u and "Q_MODAL" in u and not u.any("CHILD", "FIRST_P", "PRONOUN"):
        return True
    # ... and "when do you call 999 for a seizure, is it after 5 mins?": opened with "when do you", asked of anyone
    opened_asking = 0 in u.hits.get("WHEN_W", ()) and 1 in u.hits.get("FA_MODAL", ())
    if calm and opened_asking and u.any("FIRST_AID", "FA_ACTION") and not u.any("CHILD", "FIRST_P", "PRONOUN", "PERSON", "PAST",
                                                                  "PAST_V"):
        return True
    # "at what point does a seizure become a 999 call - 5 mins?": the point asked, the minutes a guess at it
    # (whoever: "when do you put them in recovery position")
    people = {*u.hits.get("PERSON", ()), *u.hits.get("PRONOUN", ())}
    if calm and "CALL_POINT" in u and not u.any("CHILD", "FIRST_P") and people <= set(u.hits.get("THEY", ())):
        return True
    # "when I need to call ambulance for a seizure?": opened with "when", a call asked about, whoever asks, with no
    # time, sign or past event in it
    opened = 0 in u.hits.get("WHEN_W", ()) and "FA_ACTION" in u and u.any("ASK", "FA_OBJECT", "FIRST_AID")
    # ... and "When should we call an ambulance for a resident having a seizure?": "having" of whoever it may be,
    # asked, no "is" or "now" saying it goes on
    having = set(u.hits.get("HAVING", ()))
    told = [p for c in ("AUX_NOW", "PRESENT", "PRONOUN") for p in u.hits.get(c, ())]  # "she is having"
    supposed = "ASKED" in u and bool(having) and {*u.hits.get("ING", ()), *u.hits.get("CONV", ())} <= having and \
        not u.any("NOW_STRONG", "NOW_WEAK", "URGENT", "SIGN", "UNRESP", "JUST") and \
        not any(0 < h - t <= 3 for h in having for t in told)
    return (calm or supposed) and opened and not u.any("PAST", "PAST_V", "LONG", "STATUS", "INJURY", "BREATH_BAD", "COLOUR",
                                         "WATER", "ANOTHER", "COLLAPSE")


def _asks_what_to_do_when(u: Unit) -> bool:
    """ "Should I turn her on her side when she is shaking?": an action asked about for when a seizure happens,
    nothing saying one is going on now (the first-aid question's rule answers it); "what i must do when seizure
    come": what to do, asked of when one comes."""
    if u.any("NOW_WEAK", "JUST", *_NOW_FOR_SURE):
        return False
    return (u.before("WHEN_W", "ING", 3) and u.any("FA_MODAL", "ADVICE") and u.any(
        "FIRST_AID", "FA_OBJECT", "FA_ACTION", "FA_ACT_STRONG")) or (
        "FA_DO" in u and (u.before("WHEN_W", "SEIZ", WHEN_SPAN) or u.before("WHEN_W", "SEIZ_PL", WHEN_SPAN)))


def _before_its_reason(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before "since", "because" ... ("she's thinking of just stopping it | since it isn't working"), or
    none when no reason is given."""
    return next((words[:k] for k, w in enumerate(words) if w in _REASON_WORDS), ())


_GUESSES = frozenset(("maybe", "perhaps", "possibly"))
_LEAVE_ASKED = frozenset(("should", "can", "could", "may", "ok", "okay", "alright", "allowed", "fine"))
_REASON_WORDS = frozenset(("since", "because", "cause", "cos", "coz", "cuz", "bc"))
WHEN_SPAN = 4  # "what i must do when my wife has seizure": "when" this close before the seizure


def _asks_what_gives_seizures(u: Unit) -> bool:
    """ "can exam stress give u seizures": what brings seizures on, asked, with nothing saying one is going on."""
    causes = u.before("MAKES_ME", "SEIZ_PL", 3) or u.before("MAKES_ME", "SEIZ", 3)
    # (a panic word is no seizure going on: "im lowkey panicking" about exams)
    return causes and u.any("Q_MODAL", "CAUSE_Q", "KNOWLEDGE") and not u.any(
        "NOW_WEAK", "JUST", "RECENT", *(c for c in _NOW_FOR_SURE if c != "URGENT"))


def _about_treatment(u: Unit) -> bool:
    """How seizures answer treatment ("jerking seizures resistant to meds", "kinds of seizures that don't respond
    well to medication"): a question about the illness, unless something says one is happening now."""
    # "is" alone ("this type is resistant") says nothing of now; "is jerking" does; so do seizures running into
    # each other ("three in a row and hasnt woken up in between") and "having a seizure"
    often = set(u.hits.get("ANOTHER_OFTEN", ()))
    running = any(p not in often for p in u.hits.get("ANOTHER_STRONG", ()))
    return "TREAT_RESP" in u and not is_progressive(u) and not running and not {"HAVING", "SEIZ"} <= u.hits.keys() \
        and not u.any("NOW_STRONG", "NOW_WEAK", "URGENT", "AMBULANCE", "LONG", "NOT_STOP", "STATUS", "UNRESP")


def _one_seizure(u: Unit) -> bool:
    """An event, not the illness: "had a seizure", "fitting", signs; not "my seizures started after ..."."""
    return u.any("SEIZ", "CONV", "STATUS", "SIGN", "ANOTHER", "ANOTHER_STRONG", "COUNT2", "ONE_PRO", "SHAKING_STOPPED")


ANIMAL_SPAN = 8  # "my horse is shaking and fell down, is it a seizure?": the animal this far before the event


def _said_of_an_animal(u: Unit) -> bool:
    """ "my cat is having fits", "our dog has started having seizures": every seizure word has an animal before
    it, with no one between them ("walking my dog when i had a seizure" is the person's), and no person named."""
    if "ANIMAL" not in u or "CHILD" in u:
        return False
    # a pronoun asked about after the animal is the animal's ("my cat keeps twitching, is she having a seizure");
    # a person named, or told of ("the dog was barking and she is having a fit"), is someone else
    first, asked = min(u.hits["ANIMAL"]), {p + 1 for p in u.hits.get("PRESENT", ())}
    # ... and one given something after it ("my dog keeps having fits what can I give him")
    given = {g + 1 for c in ("GIVE", "FA_ACTION") for g in u.hits.get(c, ())}
    pronouns = {p for p in u.hits.get("PRONOUN", ()) if p > first and (p in asked or p in given)}
    if any(p not in pronouns for p in u.hits.get("PERSON", ())):
        return False
    events = [p for c in ("SEIZ", "SEIZ_PL", "CONV", "SIGN", "ANOTHER_STRONG", "STATUS") for p in u.hits.get(c, ())]
    people = u.hits.get("FIRST_P", ())
    return bool(events) and all(any(1 <= e - a <= ANIMAL_SPAN and not any(a < p <= e for p in people)
                                    for a in u.hits["ANIMAL"]) for e in events)


# What says a seizure is going on now whatever else is said
_NOW_BUT_JUST = ("NOW_STRONG", "URGENT", "AMBULANCE", "LONG", "STATUS", "NOT_STOP", "UNRESP", "BREATH_BAD", "COLOUR",
                 "INJURY", "WATER")
_NOW_FOR_SURE = (*_NOW_BUT_JUST, "JUST")
# A seizure or its danger going on: what keeps a seizure named beside a reason, a future or "not controlled" from
# being only the illness
_GOING_ON = ("ING", "CONV", "SIGN", "COLLAPSE", *_NOW_FOR_SURE)


_HYPOTHETICAL_WORDS = frozenset(("WHEN_W", "WHAT_IF", "HYPO"))  # "when i feel one coming", "if i feel ..."


SECOND = "SECOND"  # not a concept: in a unit of two sentences, the position where the second begins
# What a second sentence may hold for its "now" to be about something else than a seizure asked about before it
_SEIZURE_SCENE = ("SEIZ", "SEIZ_PL", "CONV", "SIGN", "ING", "STATUS", "ONE_PRO", "ANOTHER", "ANOTHER_STRONG", "COUNT2",
                  "PERSON", "CHILD", "PRONOUN", "UNRESP", "BREATH_BAD", "COLOUR", "INJURY", "WATER", "LONG", "URGENT",
                  "AMBULANCE", "COLLAPSE", "NOT_STOP", "JUST", "ABOUT_TO")


def _asked_then_told_now(u: Unit) -> bool:
    """ "can stress at work bring on seizures? my job is crazy right now": seizures asked about in general, then a
    sentence whose "now" tells of something else, with no seizure, sign or person in it."""
    if SECOND not in u:
        return False
    start = u.hits[SECOND][0]
    first = {c for c, positions in u.hits.items() if any(p < start for p in positions)}
    second = {c for c, positions in u.hits.items() if any(p >= start for p in positions) and c != SECOND}
    return bool(first & {"CAUSE_Q", "KNOWLEDGE"}) and "ASKED" in first and second.isdisjoint(_SEIZURE_SCENE) and \
        first.isdisjoint(("PERSON", "CHILD", "PRONOUN", "FIRST_P", "JUST", "NOW_STRONG", "NOW_WEAK", "ING", "CONV"))


def _seizure(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    if _asked_then_told_now(u):
        return []
    if "DISGUISE" in u or _said_of_an_animal(u) or _another_relapse(u) or _between_relapses(u):  # "everyone will think it was a seizure": a
        return []  # plan, not an event; "a relapse in May ... now another one": the MS event
    # "aura starting. i think im about to have one": a seizure starting now, not "what do i do when i feel one coming"
    if "ABOUT_TO" in u and not (f.calm or f.habitual or _HYPOTHETICAL_WORDS & u.hits.keys()):
        return [("seizure_now", "certain")]
    # "she is having one of her staring spells": a seizure of a kind named, going on now
    if "SEIZ_KIND" in u and _having_one_now(u) and not (f.calm or f.habitual):
        return [("seizure_now", "certain")]
    if not _seizure_event(u):
        # "timer says 7 min he hasnt stopped": the minutes and someone who has not stopped, the seizure unnamed
        # (not "hasnt stopped talking")
        if "LONG" in u and "NOT_STOP" in u and u.any("PERSON", "PRONOUN", "CHILD") and not (f.calm or f.habitual) \
                and ("ING" not in u or "SIGN" in u):
            return [("seizure_over_5_min", "certain")]
        if "SIGN" in u and f.now and not f.calm and not f.habitual:
            return [("seizure_now", "possible")]  # "my hands are shaking right now"
        return []
    if f.calm or f.habitual or _about_treatment(u) or _asks_when_to_call(u) or _asks_what_to_do_when(u) or \
            _asks_what_gives_seizures(u):
        return []
    # "can an ordinary infection set off inflammation and a cluster like that": what causes them, asked with no one
    # and no time in the scene
    if "CAUSE_Q" in u and not u.any("PERSON", "FIRST_P", "CHILD", "NOW_WEAK", "JUST", "RECENT", *_NOW_FOR_SURE):
        return []
    if on_a_regime(u) and not u.any(*_NOW_FOR_SURE) and any(still_despite_medicine(u, n)
                                                            for n in u.hits.get("NOW_WEAK", ())):
        return [("seizure_now", "possible")]  # "shes on her third medicine and still fitting": the illness
    found: list[tuple[str, Tier]] = []
    # Seizures counted over days are a frequency ("2 fits this week"), not a cluster
    recent = f.now or "JUST" in u or ("RECENT" in u and "BEFORE_TODAY" not in u)
    if u.any("STATUS", "LONG"):
        found.append(("seizure_over_5_min", "certain"))
    cluster = _cluster(u, recent)
    if cluster:
        found.append(("seizure_cluster", cluster))
    one = _one_seizure(u)
    if one and ("INJURY" in u or ("SELF_HARM" in u and "SELF_ACCIDENT" in u)):
        found.append(("seizure_injury", "certain"))
    if one and "WATER" in u:
        found.append(("seizure_in_water", "certain"))
    if one and "PREGNANT" in u and f.event:
        found.append(("seizure_pregnancy", "certain"))
    # not "first fit yesterday, he's fine now", nor a first seizure named as a time ("driving rules after a first
    # seizure"): it happened, or someone had it
    # ... nor "never had one" with nothing happening ("new client has epilepsy, never had one before", "tech bros who
    # never had a fit in their life"): a first seizure needs one now or just now besides
    never_only = set(u.hits.get("FIRST_EVER", ())) <= set(u.hits.get("NEVER_HAD", ()))
    happening = f.now or u.any("JUST", "RECENT", "ING", "CONV", "COLLAPSE", "ASK", "SIGN", "INJURY", "UNRESP")
    if one and "FIRST_EVER" in u and not ("FINE_NOW" in u and not (f.now or "JUST" in u)) and (
            f.event or u.any("PERSON", "CHILD") or u.near("NOW_WEAK", "SEIZ", 3) or u.near("NOW_WEAK", "CONV", 3)) \
            and (happening or not never_only):
        # ("my partner had her first seizure yesterday ... what even is that": told a day or more after, nothing
        # saying now: the line, not the call)
        before_today = u.any("BEFORE_TODAY", "DAYS_AGO") and not (f.now or u.any("JUST", "ING", "CONV", "UNRESP",
                                                                                  *_NOW_FOR_SURE))
        found.append(("first_seizure", "possible" if before_today else "certain"))
    # ("had a 2 min seizure, stopped, breathing fine now. what do i do now": asked after it is over)
    asking_now = "ASK" in u and "FIRST_AID" not in u and not (
        u.any("STOPPED", "FINE_NOW") and not u.any(*_NOW_BUT_JUST, "NOW_STRONG", "ING", "ANOTHER", "ANOTHER_STRONG",
                                                   "COUNT2"))  # ("just had one, stopped now, what do i do": over)
    # ... nor "he wants to kill himself after his last seizure, what do i do": the seizure named as a time
    # ... nor "had a fit yesterday. What should we do if it happens again?": asked for next time
    # ... nor "he wants to kill himself because of the seizures. what do i do": the seizures named as a reason
    asking_now = asking_now and not _the_last_one(u) and not _named_as_the_reason(u) and not (
        "NEXT_TIME" in u and not u.any(*_NOW_FOR_SURE, "ING"))
    # "ok paramedics here. for later: what not to do during a fit?": help is with them, the question for next time
    handed_over = "HELP_HERE" in u and "NEXT_TIME" in u and not u.any(
        "ING", "NOT_STOP", "UNRESP", "BREATH_BAD", "COLOUR", "LONG", "STATUS", "ANOTHER", "ANOTHER_STRONG", "INJURY",
        "WATER", "URGENT")
    # "he's stopped shaking and he's breathing now what should I do": told as over, nothing going on (the after-care)
    # (the line: an emergency answered since may still need its call)
    told_over = "SHAKING_STOPPED" in u and not _still_going(u) and not u.any(
        "NOT_STOP", "ANOTHER", "ANOTHER_STRONG", "COUNT2", "LONG", "STATUS", "UNRESP", "BREATH_BAD", "COLOUR", "INJURY",
        "HEAD_HURT", "FALL", "WATER", "BLEED_BAD")
    if (f.now or asking_now) and not handed_over:
        found.append(("seizure_now", "possible" if _asks_the_reason(u) or _cause_of_the_illness(u) or (
            not f.now and _only_the_illness(u)) or _asked_of_the_future(u) or _uncontrolled(u) or told_over
            else "certain"))
    elif u.any("SEIZ", "CONV") and f.event and u.any("FIRST_P", "PERSON") and not found and not u.any(
            "FINE_NOW", "BEFORE_TODAY", "DAYS_AGO"):
        found.append(("seizure_now", "possible"))  # "my husband had a seizure": no time, no history
    elif not found and any(still_despite_medicine(u, n) for n in u.hits.get("NOW_WEAK", ())):
        found.append(("seizure_now", "possible"))  # "take 3 medicine, still seizure": the illness, or one now
    return found


def _the_last_one(u: Unit) -> bool:
    """ "after his last seizure": every seizure named is the last one, a time, with nothing happening now."""
    last = u.hits.get("FINAL", ())
    return "SEIZ" in u and all(p - 1 in last for p in u.hits["SEIZ"]) and not u.any(
        "ING", "CONV", "SIGN", "STATUS", "LONG", "ANOTHER", "ANOTHER_STRONG", "UNRESP", "JUST", "NOW_WEAK",
        *_NOW_FOR_SURE)


def _still_going(u: Unit) -> bool:
    """A sign going on, not the one a "stopped shaking" told as over ("he's stopped shaking" is no shaking now)."""
    ended = set(u.hits.get("SHAKING_STOPPED", ()))
    return any(p - 1 not in ended and p - 2 not in ended for c in ("ING", "CONV", "SIGN") for p in u.hits.get(c, ()))


def _uncontrolled(u: Unit) -> bool:
    """ "now seizure not controlled": seizures the treatment does not control, the illness (a learner's singular),
    with nothing going on now: the line and the answer."""
    return "CHRONIC" in u and u.any("SEIZ", "SEIZ_PL") and not u.any(*_GOING_ON)


def _asked_of_the_future(u: Unit) -> bool:
    """ "will i have a seizure now" after a missed dose: a seizure asked about as what may come, nothing going on
    (the line and the answer, not the emergency reply)."""
    return "FUTURE_Q" in u and not u.any(*_GOING_ON)


def _named_as_the_reason(u: Unit) -> bool:
    """ "because of the seizures", "due to his fits": every seizure named is a reason for something else, with
    nothing happening now (a "today" may date what was said: "he said today he wants to die because of them")."""
    reasons = u.hits.get("REASON_OF", ())
    named = [*u.hits.get("SEIZ", ()), *u.hits.get("SEIZ_PL", ())]
    return bool(named) and all(any(1 <= p - r <= 3 for r in reasons) for p in named) and not u.any(
        *_GOING_ON, "ANOTHER", "ANOTHER_STRONG", "COUNT2", "NOW_WEAK")


def _why_keeps(u: Unit) -> list[tuple[int, int]]:
    """ "why he keeps", "part of why Leo keeps": each "why" with a "keep" at most four words after it."""
    return [(w, k) for w in u.hits.get("WHY", ()) for k in u.hits.get("KEEP", ()) if 0 < k - w <= 4]


def _only_the_illness(u: Unit) -> bool:
    """ "she's being bullied about her seizures, what can i do?": seizures named only as the illness, nothing
    happening; asking what to do may be about anything, so the line, not the emergency reply."""
    return "SEIZ_PL" in u and not u.any("SEIZ", "CONV", "ING", "SIGN", "STATUS", "ANOTHER", "ANOTHER_STRONG", "COUNT2",
                                        "UNRESP", "COLLAPSE", "INJURY", "JUST", "RECENT", "NOW_WEAK", "LONG", "FALL",
                                        "BREATH_BAD", "COLOUR", "WATER", *_NOW_FOR_SURE)


def _cause_of_the_illness(u: Unit) -> bool:
    """ "can a stroke cause epilepsy that doesn't respond to medication my dad had a stroke last year and now he's
    having seizures": a cause of the illness asked, seizures in the plural, nothing else saying one goes on: the
    line and the answer."""
    return "CAUSE_Q" in u and "SEIZ_PL" in u and u.any("ILLNESS", "TREAT_RESP") and not u.any(
        "SEIZ", "CONV", "SIGN", "STATUS", "UNRESP", "ANOTHER_STRONG", "COUNT2", *_NOW_FOR_SURE)


def _having_one_now(u: Unit) -> bool:
    """ "is having one of his jerky ones", "she's having a staring spell": "having" in the present, one seizure
    after it."""
    one = {*u.hits.get("ONE_PRO", ()), *u.hits.get("SINGULAR", ()), *u.hits.get("SEIZ_KIND", ())}
    return any(any(o in (h + 1, h + 2) for o in one) for h in present_having(u))


def _another_relapse(u: Unit) -> bool:
    """ "Jess had a relapse in May, mostly recovered, now another one": another of the MS event named, no seizure."""
    return "OTHER_EVENT" in u and u.any("MS", "MS_MSG") and not u.any(
        "SEIZ", "SEIZ_PL", "CONV", "SIGN", "STATUS", "ANOTHER_STRONG", "UNRESP", "COUNT2")


def _between_relapses(u: Unit) -> bool:
    """ "What counts as a relapse in MS? And does she fully recover in between?": recovery between events asked
    about in a message on MS, no seizure named and nothing saying now."""
    return "ANOTHER_STRONG" in u and u.any("MS", "MS_MSG") and u.any("ASKED", "ADVICE", "Q_MODAL") and not u.any(
        "SEIZ", "SEIZ_PL", "CONV", "SIGN", "ING", "EPI", "STATUS", "UNRESP", "BREATH_BAD", "COUNT2", "URGENT",
        "NOW_STRONG", "NOW_WEAK", "AMBULANCE")


def _cluster(u: Unit, recent: bool) -> Tier | None:
    """Seizures running into each other. "one after another", "before she came round" say so; "keeps having
    seizures" or "fits again and again" may be the illness ("could inflammation be why she keeps having
    seizures?"), so alone they are possible (the emergency line and the answer) unless something says now."""
    often = set(u.hits.get("ANOTHER_OFTEN", ()))
    strong = [p for p in u.hits.get("ANOTHER_STRONG", ()) if p not in often]
    if strong:
        # "she had another cluster last night": a cluster named and told as over, nothing saying now: the line
        named = set(u.hits.get("CLUSTER_NAMED", ()))
        past = all(p in named for p in strong) and u.any("BEFORE_TODAY", "DAYS_AGO") and not recent and \
            not u.any(*_NOW_FOR_SURE, "NOW_WEAK", "HAVING")
        return "possible" if past else "certain"
    # "wait so epilepsy is just like having seizures over and over??": what the illness is, asked of no one
    if often and "ILLNESS" in u and "ASKED" in u and not u.any("PERSON", "PRONOUN", "FIRST_P", "CHILD",
                                                               *_NOW_BUT_JUST):
        return "possible"
    # "my grandson just had his second seizure, does that mean he has epilepsy": a count over a life, the illness
    # asked about, none today, nothing saying one goes on
    # ... told today ("had my 2nd seizure at school today ... does that mean i have epilepsy now") it may be two in a
    # day: the line and the answer
    lifetime = "ANOTHER" in u and set(u.hits["ANOTHER"]) <= set(u.hits.get("OWN_ORDINAL", ())) and "COUNT2" not in u and \
        u.any("ILLNESS", "MEAN", "DIAG", "KNOWLEDGE") and not u.any(
            "WITHIN_HOUR", "HAVING", "ING", "CONV", *_NOW_BUT_JUST)
    if lifetime and recent:
        return "possible" if u.any("RECENT", "NOW_WEAK") else None
    # ("is having several seizure types at once a sign it'll be drug resistant": a count of kinds, a habit)
    counted = not set(u.hits.get("COUNT2", ())) <= set(u.hits.get("HABITUAL", ()))
    if (u.any("ANOTHER", "ANOTHER_OFTEN") or counted) and recent:
        # "had another fit in english today": another one over the day, told afterwards, may be the illness's
        # usual (the line and the answer); one just now, a count ("3 fits this morning") or a now is a cluster
        # ... but a count told to ask about a dose ("Should we double his dose tonight? He's had three seizures
        # today"), with nothing saying one goes on or no waking between: the dose decision, the line on top
        settled = not u.any("JUST", "WITHIN_HOUR", "NOW_WEAK", "HAVING", "ING", "CONV", "UNRESP", *_NOW_FOR_SURE) \
            and not u.before("ANOTHER", "PRESENT", 2)  # ("... and another is starting": one going on)
        # ("can i give him double keppra tonight?? 2 seizures today already": the count of the day, no verb)
        told_after = ("ANOTHER" in u and "COUNT2" not in u and "RECENT" in u and "PAST" in u and settled) or (
            "DOSE_ASKED" in u and u.any("PAST", "RECENT") and settled)
        return "possible" if told_after else "certain"
    if often:
        urgent = u.any("NOW_STRONG", "URGENT", "AMBULANCE", "ASK")
        # ("inflammation might be part of why Leo keeps having seizures": why they go on, the illness)
        # ... or what it is called "when seizures come again and again" (a definition)
        defined = any(0 < o - w <= 4 for w in u.hits.get("WHEN_W", ()) for o in often)
        # ... or asked as a bare phrase, of no one ("dad just dx epilepsy whats it basically. repeated seizures??")
        defined = defined or ("ASKED" in u and not u.any("PERSON", "PRONOUN", "CHILD", "FIRST_P", "PRESENT"))
        # ... or counted over a life, told in the past ("She's had so many seizures that look different")
        told_over = u.any("PAST", "PERFECT") and not u.any("PRESENT", "AUX_NOW", "ING", "CONV", "JUST", "RECENT",
                                                         "NOW_WEAK", "UNRESP", "WITHIN_HOUR")
        return "possible" if not urgent and (u.any(*_OF_THE_ILLNESS) or bool(_why_keeps(u)) or defined or
                                             told_over) else "certain"
    return None


# What makes "keeps having seizures" a question about the illness: it is named, asked about, or its medicines are
_OF_THE_ILLNESS = ("ILLNESS", "Q_MODAL", "CAUSE_Q", "REASON_OF", "KNOWLEDGE", "WHAT_DOES", "DIAG", "MED", "MED_MSG",
                   "RESIST", "RESIST_ANY", "TREAT_RESP")
# Words that make "anything" in "not responding to anything" a treatment
_TREATMENT_TALK = ("MED", "MED_MSG", "RESIST", "TREAT_RESP", "TRIED", "TRYING", "GIVE", "PROPOSED",
                   "ILLNESS", "SEIZ_PL", "DIAG", "REGIME")


def _asks_the_reason(u: Unit) -> bool:
    """ "my baby has a sodium channel gene problem, is this why his seizure not stop?": a seizure that "won't stop"
    beside a named reason, with nothing else saying it is happening now, may be the illness (non-native writers
    often say "seizure" for "seizures"), so possible: the emergency line and the answer."""
    # "is that why im still fitting": the writer's own fits, with a reason asked, are the illness (not "is that why
    # she is fitting and it wont stop": someone else's seizure now)
    if "CAUSE_Q" in u and "FIRST_P" in u and not u.any("PERSON", "CHILD", "PRONOUN", "NOT_STOP", *_SCENE_FOR_SURE):
        return True
    # "My father have dementia and also seizure now, it is from dementia?": a learner's seizure, then its cause asked,
    # nothing seen going on
    if any(c > s for c in u.hits.get("CAUSE_Q", ()) for s in u.hits.get("SEIZ", ())) and not u.any(
            "ING", "CONV", "SIGN", "NOT_STOP", *_SCENE_FOR_SURE):
        return True
    # "could wrong dose be why SU still fitting?", "could that be why she's fitting more": seizing that goes on
    # despite treatment, or more often, asked the reason of
    seizing = [*u.hits.get("ING", ()), *u.hits.get("CONV", ())]
    goes_on = any(s - 1 in u.hits.get("NOW_WEAK", ()) or s + 1 in u.hits.get("CHANGE_AFTER", ()) for s in seizing)
    if goes_on and u.any("CAUSE_Q", "REASON_OF") and "Q_MODAL" in u and not u.any("NOT_STOP", *_SCENE_FOR_SURE):
        return True
    # "my immune system is attacking my brain?? and thats why im fitting??": a reason put just before the seizing,
    # asked about (not "is that why he is jerking all over and foaming": signs seen; nor "having" a stroke)
    reasons = [*u.hits.get("REASON_OF", ()), *u.hits.get("CAUSE_Q", ())]
    having = set(u.hits.get("HAVING", ()))
    seizures = {*u.hits.get("SEIZ", ()), *u.hits.get("SEIZ_PL", ())}
    seized = [s for s in seizing if s not in having or any(p in seizures for p in (s + 1, s + 2))]
    if any(0 < s - r <= 4 for r in reasons for s in seized) and u.any("ASKED", "Q_MODAL", "KNOWLEDGE") and \
            u.count("SIGN") < 2 and not u.any("NOT_STOP", "NOW_WEAK", "BODY_ALL", "COLLAPSE", *_SCENE_FOR_SURE):
        return True
    # "that's part of why he keeps fitting": why the seizing goes on, nothing saying now
    if any(k < s <= w + 5 for w, k in _why_keeps(u) for s in seizing) and \
            not u.any("NOT_STOP", "NOW_WEAK", *_SCENE_FOR_SURE):
        return True
    return "NOT_STOP" in u and "REASON_OF" in u and not is_progressive(u) and not u.any(
        "NOW_WEAK", "ANOTHER", "ANOTHER_STRONG", *_SCENE_FOR_SURE)


# What says a seizure is going on now, whatever reason is asked about
_SCENE_FOR_SURE = ("NOW_STRONG", "URGENT", "AMBULANCE", "LONG", "STATUS", "ASK", "INJURY", "WATER", "UNRESP",
                   "BREATH_BAD", "COLOUR")


def _over_for_sure(concepts: Iterable[str]) -> bool:
    """ "its stopped", said and not denied: then snoring or heavy breathing is someone coming round."""
    told = set(concepts)
    return "STOPPED" in told and told.isdisjoint(("NOT_STOP", "SIGN", "CONV"))


def _recovery_breathing_only(u: Unit, coming_round: bool) -> bool:
    """The unit's trouble breathing is only loud breathing ("shes breathing snoring kind of"), or, while they come
    round, breathing that sounds odd to the writer ("it stopped, hes breathing funny and sleepy")."""
    return not (u.any("BREATH_BAD", "COLOUR") or u.near("BREATH_W", "BREATH_ODD", 3) or (
        u.near("BREATH_W", "BREATH_FUNNY", 3) and not coming_round))


COMING_ROUND = "COMING_ROUND"  # not a concept of the lexicon: the message tells it is over twice ("stopped ... sleepy")


def _coming_round(units: list[Unit]) -> bool:
    """Over, and told so twice ("it stopped, hes breathing funny and sleepy", "its stopped ... coming round")."""
    sentences = [u for u in units if SECOND not in u]
    return any(_over_for_sure(u.hits) for u in sentences) and sum(
        len(u.hits.get("STOPPED", ())) for u in sentences) >= 2


# A scene beside "not responding" ("he missed his pills and now hes not responding"): someone, not the treatment
_SCENE_BESIDE_UNRESP = (*(c for c in _SCENE_FOR_SURE if c != "UNRESP"), "NOW_WEAK", "COLLAPSE")


def _breathing_and_waking(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    if f.calm:
        return []
    # something usual ("he gets like this sometimes") leaves it possible, unless it is said now ("is unresponsive")
    tier: Tier = "possible" if f.habitual and not f.present else "certain"
    found: list[tuple[str, Tier]] = []
    # (loud or odd breathing once it is over is weighed over the whole message: `check`, `_recovery_breathing_only`)
    if u.any("BREATH_BAD", "COLOUR") or any(u.near("BREATH_W", c, 3) for c in ("BREATH_ODD", "BREATH_FUNNY", "BREATH_LOUD")):
        found.append(("breathing_colour", tier))
    # Not "not responding to medication", nor "i hope i don't wake up" (a wish, for the crisis rules)
    wished = (u.any("WISH", "PLAN", "WISH_DEAD", "PASSIVE", "ACTIVE", "NOTICE", "WITHOUT_ME", "THINK_OF") and
              "PERSON" not in u) or _wished_for_oneself(u)
    # every "not responding" said of a medicine ("not responding to meds"), not "unconscious ... not responding to
    # anything" (the person is: an emergency)
    # ... and "could missed doses be why he's not responding": missed doses as the cause, the treatment not working
    resisting = all(_said_of_medicine(u, p) for p in u.hits.get("UNRESP", ())) or (
        "MISS" in u and u.any("CAUSE_Q", "REASON_OF") and not u.any(*_SCENE_BESIDE_UNRESP))
    recovered = u.any("WELL", "FINE_NOW") and not f.now  # "passed out last night, hes fine"
    if "UNRESP" in u and not resisting and not wished:
        found.append(("not_waking", tier))
    elif "COLLAPSE" in u and not f.habitual and not recovered and not u.before("THING", "COLLAPSE", 3):
        found.append(("not_waking", "certain" if "PERSON" in u or f.now else "possible"))
    elif "FAINT" in u and not f.habitual and not recovered:
        found.append(("not_waking", "possible"))
    return found


WISH_SPAN = 6  # words from a wish to the "not wake up" it wishes


def _wished_for_oneself(u: Unit) -> bool:
    """ "i wish i could just not wake up. i'd never hurt him": the writer's own wish, "i" between it and the words,
    whoever else the message names (not "i wish someone would come, he's not waking up")."""
    wishes = [p for c in ("WISH", "WISH_DEAD", "PASSIVE") for p in u.hits.get(c, ())]
    me = u.hits.get("FIRST_P", ())
    # ... or "I've started thinking about not waking up": the writer's own thought (see thinks_of_not_waking)
    return any(0 < p - w <= WISH_SPAN and any(w < m < p for m in me) for w in wishes
               for p in u.hits.get("UNRESP", ())) or thinks_of_not_waking(u)


def _said_of_medicine(u: Unit, position: int) -> bool:
    """This "not responding" answers a medicine ("not responding to keppra", "seizures not responding")."""
    after = [*u.hits.get("MED", ()), *u.hits.get("RESIST", ())]
    if u.any(*_TREATMENT_TALK):
        after.extend(u.hits.get("RESIST_ANY", ()))
    # ... in the same clause ("after his fits, now he wont wake up" is him)
    commas = u.hits.get("COMMA", ())
    if position in u.hits.get("NO_WAKING", ()):  # "seizures without waking up": the person
        return False
    return any(1 <= a - position <= 2 for a in after) or any(
        1 <= position - s <= 3 and not any(s <= c < position for c in commas) for s in u.hits.get("SEIZ_PL", ()))


def _serious_injury(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    """ "she has fallen and cannot get up and her head is bleeding badly": a bad injury told now, seizure or not.
    Heavy bleeding, or a fall with an injury and no getting up; not a history ("fell last year and cut her head"),
    nor a question about it in general."""
    if f.calm or f.habitual or u.any("BEFORE_TODAY", "DAYS_AGO", "HISTORY"):
        return []
    fallen = "FALL" in u and "CANT_GET_UP" in u and u.any("INJURY", "BLEED_BAD", "WOUND")
    # "Fell down the stairs can't feel my legs at all can't get up": an injury, no feeling, no getting up
    fallen = fallen or ("CANT_GET_UP" in u and "INJURY" in u and "DEFICIT" in u)
    # "she has just fallen and hit her head on the table. there is blood and she is very dazed": a head hurt, with
    # blood or a person dazed or not moving (not "what if she hits her head": a question, calm above)
    # (a head banged on purpose is self-harm: the crisis rules)
    head = "HEAD_HURT" in u and u.any("BLOOD", "WOUND", "DAZED", "UNRESP", "BLEED_BAD") and not u.any(
        "ON_PURPOSE", "ON_PURPOSE_P", "SELF_HARM", "COPING", "CAUSE_Q", "KNOWLEDGE")
    return [("serious_injury", "certain")] if "BLEED_BAD" in u or fallen or head else []


def _heart_or_allergy(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    """ "my husband has crushing chest pain and is sweating", "her throat is swelling up after the new tablet": an
    emergency beyond the illness, told now. Chest pain alone is possible (the line and the answer: "i have chest
    pain, is it the ms hug"); with the signs of the heart, a heart attack or a swelling throat, certain."""
    if f.calm or u.any("BEFORE_TODAY", "DAYS_AGO", "HISTORY") or (f.habitual and not f.now):
        return []
    asked = u.any("KNOWLEDGE", "Q_MODAL", "CAUSE_Q") and not (f.now or "HAVING" in u)  # not "is he having one"
    # said of someone ("his heart stopped", "her throat is swelling"), not a subject ("ms and heart attack risk")
    someone = f.now or u.any("PERSON", "CHILD", "FIRST_P", "PRONOUN", "PRO_OBJ", "PRESENT", "AUX_NOW", "ING",
                             "ALLERGY")  # or a reaction told: "allergic reaction, throat swelling"
    # a heart attack told in the past ("grandad nearly had a heart attack when he saw my tattoo", "dad had one")
    # may be a figure of speech or over: the line; "is having one", "just had one", "his heart stopped" are a scene
    told = "PAST" in u and not (f.now or u.any("HAVING", "ING", "JUST", "NOW_STRONG", "URGENT", "AMBULANCE"))
    if u.any("HEART_ATTACK", "ALLERGY_BAD") and someone and not asked:
        if told and "ALLERGY_BAD" not in u:  # the writer's own, told as over, is a figure ("i nearly had a heart attack")
            return [("heart_or_allergy", "possible")] if u.any("PERSON", "CHILD") else []
        return [("heart_or_allergy", "certain")]
    if "CHEST_PAIN" in u and u.any("HEART_SIGNS", "LIMB", "NOW_STRONG", "URGENT", "AMBULANCE"):
        return [("heart_or_allergy", "certain")]
    return [("heart_or_allergy", "possible")] if "CHEST_PAIN" in u else []


def _stroke(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    face = ("FACE_SIDE" in u and u.any("DEFICIT", "DROOP")) or u.near("FACE", "DROOP", 4) or u.near(
        "FACE", "DEFICIT", 3)
    # "my smile looks off", "her face looks wrong on one side": a sign, not enough alone
    face_odd = u.near("FACE", "ODD_LOOK", 3) or u.near("FACE", "ONE_SIDE", 4)
    side = u.near("ONE_SIDE", "DEFICIT", 4) or ("FACE_SIDE" in u and "DEFICIT" in u)
    limb = u.near("LIMB", "DEFICIT", 4)
    headache = u.any("HEADACHE_BAD", "HEADACHE_SEVERE")
    signs = [face or side or face_odd, limb, "SPEECH_BAD" in u, "VISION_BAD" in u, "BALANCE_BAD" in u, headache]
    count = sum(signs)
    named = "STROKE_NOW" in u or ("STROKE_WORD" in u and count > 0)
    # a stroke in the past is a history, unless signs come now ("he had a stroke last year and now
    # suddenly he cant speak and his face is drooping": a second stroke)
    # (a sign in the present beside an old stroke is what the stroke left: "his arm is weak, from the stroke he had
    # 4 years ago"; a change is new: "her face has dropped")
    again = f.now or u.any("NOW_STRONG", "URGENT", "AMBULANCE", "JUST", "UNUSUAL") or f.changed
    # something usual ("this happens sometimes") is the illness, unless two signs or a face are said in the
    # present ("her face has dropped and she suddenly cant speak, this happens sometimes")
    # ... and so is a sign that comes "when" something happens ("her speech goes a bit slurred when she's tired")
    usual = (f.habitual or _comes_when(u)) and not ((face or side or count >= 2) and f.present)
    # "my father had stroke, he cannot speak well. which exercise help him?": a stroke had, asked how to recover
    # (possible: the signs may still be new)
    recovering = u.before("PAST", "STROKE_WORD", 2) and "REHAB" in u and not again
    if (count == 0 and not named) or usual or (u.any("HISTORY", "AGE_AT") and not again):
        return []
    if recovering:
        return [("stroke_signs", "possible")]
    # "is it normal for MS to do this? happened 20 mins ago": a question around one's own sudden signs
    minutes_ago = "AGO" in u and u.any("FIRST_P", "PERSON")
    if f.calm and not named and not minutes_ago and not again:
        return []
    strong = face or side or "HEADACHE_BAD" in u or named or count >= 2
    speech = "SPEECH_BAD" in u and (u.any("PERSON", "SUDDEN") or f.now)
    # "her speech is slurring more": getting worse over time, as MS does, not sudden
    gradual = u.before("SPEECH_BAD", "CHANGE_AFTER", 2) and not u.any("RECENT", "JUST", "AGO")
    if speech and not strong and ("MS" in u or gradual) and not (f.now or "SUDDEN" in u):
        return [("stroke_signs", "possible")]  # slurred speech in someone with MS, not sudden: MS does this too
    # "my girlfriends in an ms relapse, numb down one side. how long will it last": signs told as the relapse the
    # person is in, nothing sudden or just now: the line on top of the relapse answer
    # (one sign, not the face: a drooping face with lost speech is the stroke reply, whatever it is called)
    # ... and a face numb on one side in the relapse is that one sign ("having a relapse, half my face is numb"); a
    # face drooping is not
    droop = u.near("FACE", "DROOP", 4) or ("FACE_SIDE" in u and "DROOP" in u)
    if "IN_RELAPSE" in u and not named and not droop and count <= 1 and not (
            f.now or u.any("SUDDEN", "JUST", "AGO", "NOW_STRONG", "URGENT")):
        return [("stroke_signs", "possible")]
    # "pins and needles down one side of my face and clumsy hands. is that normal for MS??": signs asked about as
    # MS's (in any sentence of the message), nothing sudden, just now or going on said: the line on top of the
    # answer. Not a face drooping, which is the stroke reply whatever it is asked as
    # ... or a sign asked why of someone with MS named in the message ("My wife have MS. Why she feel numb on her face?")
    # ... or as "the condition"'s in a message that names MS ("Client with MS has weakness in one arm. Is that
    # typical of the condition?")
    why_in_ms = "MS_MSG" in u and ("ASKED" in u or "COND_SIGN_Q" in u)
    asked_as_ms = ("MS_SIGN_Q" in u or why_in_ms) and not named and not droop and not (
        f.now or u.any("SUDDEN", "JUST", "AGO", "NOW_STRONG", "URGENT", "AMBULANCE"))
    # "i cant find words anymore", "suddenly couldnt walk for 3 weeks then got better": a sign that has lasted, not
    # one come now (a face drooping or anything said now stays the stroke reply); "anymore" with "suddenly" is new
    just = set(u.hits.get("JUST", ())) - set(u.hits.get("JUST_NOT_TIME", ()))  # not "they just vanish"
    lasted = ("LASTED" in u or ("ANYMORE" in u and "SUDDEN" not in u)) and not droop and not (
        f.now or just or u.any("AGO", "RECENT", "NOW_STRONG", "URGENT", "AMBULANCE"))
    if strong or speech:  # (two signs said sudden stay the stroke reply, however long ago one began)
        lasted = lasted and not (strong and "SUDDEN" in u)
        return [("stroke_signs", "possible" if asked_as_ms or lasted else "certain")]
    if limb and "PERSON" in u and not u.any("SUDDEN", "MS") and not f.calm:
        return [("stroke_signs", "possible")]  # "dad can't raise his right arm": FAST, but MS does this too
    if "SUDDEN" in u:
        # A sudden numb leg in someone with MS may be a relapse: the line on top, not the stroke reply alone. Not
        # when it came minutes ago ("fell 10 min ago and now can't move her arm"): a relapse takes hours or days
        # ... MS named in the message's other sentence too, of a sign told as past or lasted ("does ms come and go? my
        # aunt was fine for ages then suddenly she couldnt walk properly for like a month")
        relapse = ("MS" in u or ("MS_MSG" in u and u.any("LASTED", "PAST_V"))) and not minutes_ago and "JUST" not in u
        return [("stroke_signs", "possible" if relapse or lasted else "certain")]
    return []


def _comes_when(u: Unit) -> bool:
    """ "speech goes slurred when she's tired", "vision blurs when i get hot": a sign said with "when" just after
    it, as what happens at such times, nothing saying now or sudden."""
    signs = [p for c in ("SPEECH_BAD", "VISION_BAD", "BALANCE_BAD", "DEFICIT") for p in u.hits.get(c, ())]
    return any(0 < w - p <= 3 for p in signs for w in u.hits.get("WHEN_W", ())) and not u.any(
        "SUDDEN", "JUST", "AGO", "NOW_STRONG", "URGENT", "AMBULANCE", "NOW_WEAK")


def _overdose(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    medicine = u.any("MED", "CHEMICAL")
    # ("took keppra 4 hrs late. double next one?": a double asked about next, not taken: the amount near the taking)
    much = u.near("TOOK", "TOO_MUCH", TAKEN_SPAN) or u.near("MAYBE_TOOK", "TOO_MUCH", TAKEN_SPAN) or (
        "TOO_MUCH" in u and not u.any("TOOK", "MAYBE_TOOK")) or "MANY_PILLS" in u or ("ALL" in u and "ROUTINE" not in u) or (
        "TWICE" in u and "MISTAKE" in u) or (u.any("SWALLOWED") and "CONTAINER" in u)
    # A second dose the same day ("took my fampridine twice today"), or the wrong medicine by mistake
    # ("took my husband's pills by mistake")
    again_today = "TWICE" in u and u.any("RECENT", "JUST", "MAYBE_TOOK") and "ROUTINE" not in u
    wrong = "MISTAKE" in u and u.any("WRONG_MED", "PERSON")
    # ... or given by mistake ("i give my son the medicine two times this morning by mistake")
    taken = u.any("TOOK", "MAYBE_TOOK") or (u.before("GIVE", "MED", 4) and "MISTAKE" in u)
    took = taken and medicine and (much or again_today or wrong)
    # A child who swallowed, got into, or took a parent's medicine ("my toddler took my pills"); not "my son took
    # his keppra this morning"
    parents = any(p in u.hits.get("FIRST_P", ()) for p in u.hits.get("MED", ()))
    child = "CHILD" in u and medicine and (u.any("SWALLOWED", "GOT_INTO") or ("TOOK" in u and (
        much or wrong or again_today or parents)))
    if (u.before("THINK_OF", "OD", 3) or u.before("FEEL_LIKE", "OD", 3) or "FEEL_LIKE" in u) and \
            not u.any("TOOK", "SWALLOWED", "OD_PAST"):
        return []  # "cant stop thinking about overdosing tonight": a thought of a way to die, for the crisis rules
    # "it would be easier if i took all my tablets": supposed, beside a wish or a thought, for the crisis rules (not
    # "is it bad if i took too much lamotrigine yesterday")
    if "IF_TOOK" in u and u.any("BETTER", "WISH", "THINK_OF", "DEATH", "DEATH_STRONG") and \
            not u.any("OD_PAST", "JUST", "RECENT", "NOW_STRONG"):
        return []
    word = "OD_PAST" in u or ("OD" in u and (u.any("TOOK", "JUST", "RECENT") or f.now)) or (
        "EMPTY_PACKS" in u and "PERSON" in u)
    # "been takin double baclofen when its really bad": a habit of doubling, not a dose taken just now (a medication
    # decision for its rule)
    habit = took and "WHEN_W" in u and "PAST_V" not in u and not u.any(
        "RECENT", "JUST", "NOW_STRONG", "TOX", "ASK", "MANY_PILLS", "ALL", "CONTAINER", "MISTAKE")
    if habit and not (child or word):
        return []
    if not (took or child or word):
        if "OD" in u and not u.any("WISH", "PLAN") and "KNOWLEDGE" not in u and u.any("FIRST_P", "PERSON"):
            return [("overdose", "possible")]
        return []
    long_ago = "HISTORY" in u and not u.any("JUST", "RECENT", "DAYS_AGO", "NOW_STRONG")
    if long_ago:
        return []
    if "KNOWLEDGE" in u and not child:
        # "is it dangerous if i doubled up yesterday? feel wobbly": a real dose, with signs or a time, is no
        # general question
        real = u.any("TOX", "ASK", "RECENT", "JUST")
        return [("overdose", "certain" if real else "possible")] if u.any("FIRST_P", "PERSON") else []
    return [("overdose", "certain")]


# -- medication and first aid -------------------------------------------------------------------------------


def _medication(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    if "MED" not in u:
        return _medication_named_elsewhere(u)
    # "can missing my tablets bring on a seizure", "could my seizures be happening because i sometimes forget"
    # ... but "missed my infusion because i was ill" gives a reason
    # ... but "she's talking about stopping her injections cause of that": a change told, its reason after it
    # (... and "if i dont take my pills every day could that be why they dont work", no "?": "why" asks)
    reason_told = changes_medicine(u) and not u.any("Q_MODAL", "ASKED", "KNOWLEDGE", "WHY") and all(
        c > min(u.hits.get("CHANGE", ())) for c in u.hits.get("CAUSE_Q", ()))
    general_cause = (("CAUSE_Q" in u and not reason_told) or ("BECAUSE" in u and "Q_MODAL" in u)) and \
        "ADVICE" not in u
    # "can forgetting doses now and then make epilepsy look drug resistant?": missed doses as a habit or in
    # general, asked about what they do to the illness
    general_cause = general_cause or (u.any("HABITUAL", "KNOWLEDGE") and u.any("TREAT_RESP", "CHRONIC", "REASON_OF")
                                      and "ADVICE" not in u) or _made_to_look(u)
    found: list[tuple[str, Tier]] = []
    # "could my seizures be happening because i sometimes forget my tablets?": doses missed as a habit, asked about
    # with the illness, with no dose of today or yesterday in question, is what the article on outside factors
    # answers; the medication line stays on top of it
    # ... and "Maybe she forget pills sometimes. This is matter?": a habit asked about, in any words, no dose asked
    # ... and "is it bc i forget my meds": missing asked as the reason, in any words
    asked_cause = "REASON_OF" in u and "Q_MODAL" in u
    habit = (asked_cause or ("HABITUAL" in u and (
        ("Q_MODAL" in u and u.any("SEIZ_PL", "EPI", "ILLNESS", "TREAT_RESP")) or u.any("ASKED", "MISS_ASKED")))) and \
        not u.any(
        "ADVICE", "RECENT", "JUST", "DAYS_AGO", "NOW_STRONG", "DOUBLE_UP", "BEFORE_TODAY", "ROUTINE", "TIMING")
    # ... and "How much do missed doses matter?": asked in general, no one and no time in it
    general = "KNOWLEDGE" in u and not u.any("FIRST_P", "PERSON", "CHILD", "PRONOUN", "RECENT", "JUST", "DAYS_AGO",
                                             "ADVICE", "DOUBLE_UP")
    # ... or "not just people forgetting their pills": people in general forgetting, no one of now
    general = general or (u.before("GENERIC", "MISS", 2) and not u.any("FIRST_P", "CHILD", "ADVICE", "RECENT",
                                                                       "DAYS_AGO", "DOUBLE_UP"))
    # ... or supposed in a question of knowledge ("What are our legal duties when a resident refuses their epilepsy
    # medication?"): no dose of now
    general = general or ("HYPO" in u and "KNOWLEDGE" in u and not u.any(
        "ADVICE", "RECENT", "JUST", "DAYS_AGO", "NOW_WEAK", "NOW_STRONG", "DOUBLE_UP", "BEFORE_TODAY", "FA_DO", "ASK"))
    # ... and "some of our residents refuse their tablets" beside missed doses asked about in general: no dose now
    beside = "MISS_ASKED" in u and not u.any("PAST", "PAST_V", *_TOLD_NOW)
    if u.near("MISS", "MED", 6) and not general_cause and "MAKES_ME" not in u:  # not "keppra makes me throw up"
        found.append(("missed_dose", "possible" if habit or general or beside else "certain"))
    # "can i swap back" after "dr put me on levetiracetam": the change has the medicine named before as object
    pronoun = u.before("CHANGE", "PRO_OBJ", 2) and u.before("ADVICE", "CHANGE", 7)  # "is it ok if i just stop it"
    # "more" after the medicine: "take keppra more", not "can clobazam make a child more irritable" (an effect)
    # (nor "which medicine can make less inflammation": what the medicine does)
    more = u.before("MED", "CHANGE_AFTER", 3) and not u.before("MAKES_ME", "CHANGE_AFTER", 2) and not _an_effect(u) \
        and not u.before("MAKE", "CHANGE_AFTER", 1)
    # "can i give my wife an extra baclofen tonight": a dose more, before the medicine, asked about
    # (not "how should i store the extra box" of tablets)
    more = more or (u.before("ADVICE", "EXTRA_PRE", 6) and u.before("EXTRA_PRE", "MED", 1) and "CONTAINER" not in u)
    # ... or a learner's "Can I make less the dose of valproate for my husband?": the amount made less, then the dose
    more = more or ("ADVICE" in u and u.before("MAKE", "CHANGE_AFTER", 1) and u.before("CHANGE_AFTER", "MED", 2))
    # ... or "her tablets ... can I give her a bit extra?": given, the medicine named in another sentence
    more = more or ("EXTRA_END" in u and "ADVICE" in u and "MED_MSG" in u and "CONTAINER" not in u)
    # "i feel rubbish on keppra, can i stop?": the medicine first, then a change asked about with no other object
    bare = u.before("MED", "ADVICE", 8) and u.before("ADVICE", "CHANGE_BARE", 3)
    # "baclofen make my legs more weak, i think to stop, what you say": a change planned after the medicine, then
    # asked about
    asks = [a for c in ("ADVICE", "FA_DO", "ASKED") for a in u.hits.get(c, ())]
    # ... or told with no other object ("I'm already on glatiramer and sick of it. Thinking of stopping and doing
    # diet and exercise instead")
    planned = u.before("MED", "THINK_OF", 10) and any(
        u.before("THINK_OF", "CHANGE", 2) and any(a > c for a in asks) for c in u.hits.get("CHANGE", ()))
    planned = planned or (u.before("MED", "THINK_OF", 14) and _a_plan_to_change(u))
    # "should i cut my baclofen down", "cut down on my keppra": cutting a medicine down
    # ... and "were thinking of just cutting it to half": "it" after a medicine named
    cut = (u.before("CUT_W", "MED", 2) and u.before("MED", "DOWN", 2)) or (
        u.before("CUT_W", "DOWN", 1) and u.before("DOWN", "MED", 3)) or (
        u.before("CUT_W", "PRO_OBJ", 1) and u.before("MED", "CUT_W", 12) and "CUT_OUT" not in u)
    # (not "the drugs that cut down MS relapses": a medicine that lowers events, not lowered)
    lowered = any(not (u.before("MED", "DOSE_CHANGE", 3) and any(
        0 < e - d <= 4 for c in ("OTHER_EVENT", "SEIZ_PL", "SEIZ") for e in u.hits.get(c, ())))
        for d in u.hits.get("DOSE_CHANGE", ()))
    held = u.before("HOLD", "MED", 2) and u.any("ADVICE", "Q_MODAL") and "WHO_W" not in u  # "should we hold the ..."
    # "can i give him double keppra tonight": a double asked about, the medicine just after
    doubled = u.before("ADVICE", "DOUBLE_UP", 6) and u.before("DOUBLE_UP", "MED", 4)
    # "should I just take the steroid tablets I've got left over": medicine from another time, asked about
    leftover = u.near("LEFTOVER", "MED", 6) and u.before("ADVICE", "MED", 6)
    # "Should I still give his evening meds as usual tonight": the usual dose, asked whether to keep it
    as_usual = "ROUTINE" in u and u.before("ADVICE", "NOW_WEAK", 3) and u.before("NOW_WEAK", "MED", 5)
    # ... and "should i give him his keppra tonight as normal?", "Must I give her the medicine again tonight?": a
    # dose given again or as usual, asked about
    # (not "called 999. do i give her midazolam again?": the rescue medicine while the seizure may go on, which the
    # emergency's guidance answers)
    as_usual = as_usual or (u.before("ADVICE", "GIVE", 3) and u.before("GIVE", "MED", 3) and
                            u.any("ROUTINE", "ANOTHER", "TWICE") and not u.any(
                                "HYPO", "SUPPLEMENT", "RESCUE_MED", "AMBULANCE", "ING", "CONV", "HAVING",
                                *_NOW_FOR_SURE))
    # "thinking about just stopping everything. the injections, the infusions, the lot": all stopped, the medicines
    # listed after it
    listed = u.before("THINK_OF", "CHANGE", 3) and u.before("CHANGE", "ALL", 2) and any(
        m > c for m in u.hits.get("MED", ()) for c in u.hits.get("CHANGE", ()))
    # "should I put her clobazam up until we see the doctor?": a change split around the medicine, asked
    split = u.before("MED", "PARTICLE", 1) and u.before("ADVICE", "MED", 5)
    # ... or of "it", the medicine named before it ("he is on keppra, can i put it up")
    split = split or ((u.before("PRO_OBJ", "PARTICLE", 1) or u.before("PRO_OBJ", "DOWN", 1)) and
                      u.before("ADVICE", "PRO_OBJ", 4) and
                      u.before("MED", "ADVICE", 8) and "MAKES_ME" not in u)
    # "Should I give him ibuprofen every day to try it?": a medicine started on one's own, to see
    trial = u.before("ADVICE", "GIVE", 3) and u.before("GIVE", "MED", 4) and "TO_TRY" in u and "PROPOSED" not in u
    stop_asked = u.before("STOP_ASKED", "MED", 4)  # "what about stopping her DMT": asked, whoever's it is
    stop_asked = stop_asked or _a_bare_change_asked(u)  # "lamotrigine rash. stop it?"
    changed = changes_medicine(u) or more or pronoun or bare or planned or cut or held or lowered or doubled or \
        leftover or as_usual or listed or trial or split or stop_asked or u.any(
        "MED_VERB", "CHANGE_OR") or (
        "TIMING" in u and "ADVICE" in u)  # "can I take my phenytoin at night instead"; "baclofen ... wake her or skip?"
    # "neuro wants to switch me to ocrevus. whats it actually do different": the clinician's plan, asked about, not
    # a decision asked for ("neuro wants me off keppra, should i?" asks one)
    changed = changed and not ("PROPOSED" in u and "ADVICE" not in u)
    # "nobody ever asks that, they just up the pills": a change "they" make, told, nobody in care named nor anything
    # asked after "they"
    theirs = any(0 < c - t <= 2 and not any(p > t for k in ("ADVICE", "FIRST_P", "CHILD", "Q_MODAL", "ASKED", "PERSON")
                                            for p in u.hits.get(k, ()) if p != t)
                 for t in u.hits.get("THEY", ()) for c in u.hits.get("CHANGE", ()))
    if changed and not general_cause and (
            u.any("ADVICE", "FIRST_P", "PERSON", "CHANGE_OR") or stop_asked):
        found.append(("med_change", "possible" if theirs else "certain"))
    return found


def _made_to_look(u: Unit) -> bool:
    """ "can missed doses make someone's epilepsy look drug resistant", "can skipping doses make ur epilepsy look
    like the meds dont work?": missed or skipped doses asked about as what makes the illness seem to resist, no
    dose of now or leave asked."""
    doses = [*u.hits.get("MISS", ()), *u.hits.get("CHANGE", ())]
    # (asked why: "and why forgetting can make the seizures more, and medicine look like not working?")
    return u.any("Q_MODAL", "WHY") and any(d < m for d in doses for m in u.hits.get("MAKE", ())) and \
        u.any("ILLNESS", "SEIZ_PL") and u.any("TREAT_RESP", "CHRONIC", "RESIST", "RESISTS") and \
        not u.any("RECENT", "JUST", "DAYS_AGO", "NOW_STRONG") and ("ADVICE" not in u or "WHY" in u)


def _an_effect(u: Unit) -> bool:
    """ "more" or "less" said of what a medicine does, not of the dose: "meds that make my mum less tired" (made so,
    someone or something between), "medicine for make the disease more slow", "do those types resist meds more",
    "make less relapse"."""
    medicines = set(u.hits.get("MED", ()))
    made = [p for c in ("PERSON", "FIRST_P", "PRO_OBJ", "ILLNESS", "EPI", "MS", "SEIZ_PL", "OTHER_EVENT")
            for p in u.hits.get(c, ()) if p not in medicines]
    makes, changes = u.hits.get("MAKE", ()), u.hits.get("CHANGE_AFTER", ())
    if any(0 < p - m <= 3 and 0 < c - p <= 2 for p in made for m in makes for c in changes):
        return True
    between = {*medicines, *u.hits.get("PRO_OBJ", ())}  # "can i make it more", "make my dose bigger": the dose
    if any(1 < c - m <= 3 and not any(m < b < c for b in between) for m in makes for c in changes):
        return True
    # "the medicine for MS that make less relapse": made fewer, the event just after
    events = [p for c in ("OTHER_EVENT", "SEIZ_PL", "SEIZ") for p in u.hits.get(c, ())]
    if any(c - m == 1 and any(0 < e - c <= 2 for e in events) for m in makes for c in changes):
        return True
    return u.before("RESISTS", "MED", 2)


def _amount_of_medicine(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    """ "how much baclofen should he take", "what dose should i take" of the keppra named before: the amount of
    someone's own medicine, a decision for their doctor or pharmacist. Of a supplement ("how much vitamin d should
    i take"), or with no medicine named, only the line on top of the answer; the decider reads the unnamed one with
    the chat's medicine (`asks_a_change`)."""
    if u.any("HYPO", "KNOWLEDGE", "FIRST_AID"):
        return []
    # (alone, or of a supplement: the line on top of the answer)
    return [("med_change", "certain" if u.any("MED", "MED_MSG") and "SUPPLEMENT" not in u else "possible")]


def _a_bare_change_asked(u: Unit) -> bool:
    """ "lamotrigine rash. stop it?", "baclofen making her drowsy - lower it?": a medicine named, then a change of
    "it" asked in two words, the question ending on it (a phone's shorthand for "should we stop it?")."""
    asked = u.hits.get("ASKED", ())
    objects = u.hits.get("PRO_OBJ", ())
    # a medicine by name ("medicine" alone is also a treatment word: "is there medicine to stop it?" asks what
    # stops the illness)
    generic = set(u.hits.get("RESIST", ()))
    named = any(p not in generic for p in u.hits.get("MED", ()))
    medicines = u.hits.get("MED", ())
    # (not "are there medicines that reduce it?": the medicine does the change)
    return named and not u.any("HYPO", "KNOWLEDGE", "CAUSE_Q", "WHAT_IF") and any(
        c + 1 in objects and any(1 <= a - c <= 3 for a in asked) and c - 1 not in medicines
        for c in u.hits.get("CHANGE_BARE", ()))


def _a_plan_to_change(u: Unit) -> bool:
    """ "thinking of just stopping and seeing what happens": a change thought of, with no object of its own."""
    return u.before("THINK_OF", "CHANGE_BARE", 3) or any(
        u.before("THINK_OF", "CHANGE", 3) and c + 1 in u.hits.get("AND", ()) for c in u.hits.get("CHANGE", ()))


def _medication_named_elsewhere(u: Unit) -> list[tuple[str, Tier]]:
    """A change asked about a medicine named in another sentence, or only as "it" or "them": "My brother is on
    Zonegran and has lost weight. Should he reduce it?", "can we halve them", "can I take them at night
    instead?". A question, a change, and its object a pronoun (or a verb only said of medicines)."""
    if "MISS" in u and "DOUBLE_UP" in u and "CAUSE_Q" not in u:  # "yesterday he forget. today give two?"
        return [("missed_dose", "certain")]
    # "I'm already on glatiramer and sick of it. Thinking of stopping and doing diet and exercise instead"
    if "MED_MSG" in u and _a_plan_to_change(u):
        return [("med_change", "certain")]
    # "So will he still need his epilepsy meds? Can we start cutting them down": "them", the medicines named before
    # (asked by someone of a dose, not "does VNS stop seizures completely or just cut them down")
    if u.before("CUT_W", "PRO_OBJ", 1) and u.before("PRO_OBJ", "DOWN", 1) and "MED_MSG" in u and \
            (u.before("ADVICE", "FIRST_P", 1) or u.before("ADVICE", "PERSON", 1) or 0 in u.hits.get("ADVICE", ())) and \
            not u.any("SEIZ", "SEIZ_PL", "OTHER_EVENT"):
        return [("med_change", "certain")]
    if "CHANGE_OR" in u and "MED_MSG" in u:  # "gp offered steroids. take them or not": a choice asked
        return [("med_change", "certain")]
    asked = u.any("ADVICE", "Q_MODAL")
    if not asked or u.any("CAUSE_Q", "MAKES_ME"):
        return []
    # a time or amount said of "it", asked in the same sentence (not "i bounce back a bit less. is that just how it
    # goes": "back" and "is that" in two sentences)
    timed = (u.before("TIMING", "PRO_OBJ", 3) or u.before("PRO_OBJ", "TIMING", 4)) and (
        u.near("ADVICE", "TIMING", ASKED_SPAN) or u.near("Q_MODAL", "TIMING", ASKED_SPAN))
    pronoun = u.before("CHANGE", "PRO_OBJ", 3) or timed
    # "can I put my son's dose up myself": a change said of a dose is a change of medicine
    # ... and "i've only tried one drug so far. should i ask to switch": a change with no object, a medicine named
    # (asked with a modal: "i dont want to change" tells a wish)
    # ... asked of the writer or someone in their care ("should she switch?"; "is it something they can switch off"
    # asks about the body)
    # ... or asked at the start, of no one ("Is good to change?" after the doctor's proposal: a learner's "is it")
    asker = u.before("ADVICE", "FIRST_P", 1) or u.before("ADVICE", "PERSON", 1) or u.before("FIRST_P", "ADVICE", 1) or \
        0 in u.hits.get("ADVICE", ())
    # ("does that mean her treatment isnt working? should she switch to something else": the treatment named)
    bare = u.before("ADVICE", "CHANGE_BARE", 3) and u.any("MED_MSG", "RESIST") and u.near("Q_MODAL", "ADVICE", 1) and \
        asker
    # ... and "The doctor give me steroids for 5 days. I can stop after 3 because I not sleep?": leave to stop asked
    # right after the asker, nothing else stopped (not "can i stop the seizures", "can i stop worrying")
    objects = [p for c in ("SEIZ", "SEIZ_PL", "OTHER_EVENT", "ING", "PERSON", "CHILD", "SIGN", "THING")
               for p in u.hits.get(c, ())]
    bare = bare or ("MED_MSG" in u and asker and "ASKED" in u and any(
        not any(0 < o - c <= 2 for o in objects) for a in u.hits.get("ADVICE", ()) for c in u.hits.get("CHANGE", ())
        if c - a == 1))
    if "MED_VERB" in u or ((pronoun or bare) and ("MED_MSG" in u or "TIMING" in u or (bare and "RESIST" in u))) or (
            "ADVICE" in u and ("DOSE_CHANGE" in u or ("DOUBLE_UP" in u and not u.any("SHORT_T", "LONG", "FIRST_AID")))):
        # ("can i give double tonight"; not "should i give her 2 minutes before calling")
        return [("med_change", "certain")]
    # "My son's lamotrigine wasn't given last night. Should we give it now?" (not a question about missed doses in
    # general: "who can tell me whether missing doses ...")
    if "MISS" in u and "MED_MSG" in u and not u.any("KNOWLEDGE", "MISS_ASKED", "HYPO"):
        return [("missed_dose", "certain")]
    # "I took mine five hours late today. Do I take tonight's as normal?": a dose taken late, "mine", then asked
    if "MISS" in u and u.before("TOOK", "PRO_OBJ", 1) and any(0 < m - t <= 4 for t in u.hits["TOOK"]
                                                               for m in u.hits["MISS"]):
        return [("missed_dose", "certain")]
    return []


def _first_aid(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    """A calm question about helping in a seizure: the first-aid words; or, about a seizure, what to do, say or
    tell, an action asked about ("should i film it", "is it ok to leave them"), when to go to hospital, what if
    it goes on, how to tell it has finished."""
    certain: list[tuple[str, Tier]] = [("first_aid_question", "certain")]
    if _said_of_an_animal(u):  # "dog seizure what to do": a vet's first aid, not ours
        return []
    if "RECOVERY" in u or ("FIRST_AID" in u and (_seizure_event(u) or u.any("SIGN", "EPI", "LONG"))):
        return certain
    if not (u.any("SEIZ", "SEIZ_PL", "ONE_PRO", "STATUS", "SIGN", "IT_HAPPENS") or _seizure_event(u)):
        return []  # (a seizure, not "my car engine seized up")
    # ("can inflammation give u seizures": a cause, not an act of help: "give u" makes it)
    # (not "what do they actually do" of brain surgery: what others do, no "i" or "we" asking)
    whats_done, they = set(u.hits.get("WHAT_DOES", ())), u.hits.get("PRONOUN", ())
    fa_do = [p for p in u.hits.get("FA_DO", ()) if p not in whats_done or "FIRST_P" in u or not any(
        0 < t - p <= 2 for t in they)]
    asked = bool(fa_do) or u.before("FA_MODAL", "FA_ACT_STRONG", 8) or u.before("FA_MODAL", "FA_OBJECT", 8) or (
        u.before("FA_MODAL", "FA_ACTION", 8) and _done_to_someone(u) and "MAKES_ME" not in u)
    if _named_as_the_reason(u):
        return []  # "she's being bullied because of her seizures, what do i do": the bullying asked about
    if asked or ("WHAT_IF" in u and u.any("LONG", "FA_OBJECT")) or ("KNOW_HOW" in u and "STOPPED" in u):
        return certain
    return []


def _done_to_someone(u: Unit) -> bool:
    """ "move someone", "leave them alone", "give him water": the act has the person (or the seizure) as object,
    not "should i tell my employer" or "should i take time off"."""
    return any(u.before("FA_ACTION", c, 2) for c in ("PERSON", "PRO_OBJ", "SEIZ", "SEIZ_PL"))


# -- the check ------------------------------------------------------------------------------------------


_ADMIN_KINDS = frozenset((f"{_ADMIN}emergency", f"{_ADMIN}crisis", f"{_ADMIN}medication_change"))
# Each rule with the concepts it starts from: a unit mentioning none of them skips the rule (most topical
# questions skip them all, with no frame computed).
_RULES = (
    (_overdose, frozenset(("MED", "CHEMICAL", "OD", "OD_PAST", "EMPTY_PACKS"))),
    (_seizure, frozenset(("SEIZ", "SEIZ_PL", "CONV", "STATUS", "SIGN", "ONE_PRO", "ANOTHER_STRONG", "ABOUT_TO",
                        "SEIZ_KIND", "ANOTHER", "NOT_STOP", "SHAKING_STOPPED"))),
    (_breathing_and_waking, frozenset(("BREATH_BAD", "COLOUR", "BREATH_W", "UNRESP", "COLLAPSE", "FAINT"))),
    (_serious_injury, frozenset(("BLEED_BAD", "CANT_GET_UP", "HEAD_HURT"))),
    (_heart_or_allergy, frozenset(("CHEST_PAIN", "HEART_ATTACK", "ALLERGY_BAD"))),
    (_stroke, _STROKE_SIGNS),
    (crisis, frozenset((
        "LETHAL", "METHOD", "OD", "HIGH_PLACE", "DO_IT", "DECIDED_BARE", "DISGUISE", "MEANS", "DEATH", "DEATH_STRONG",
        "TAKE_ME", "PREP", "STOCK", "STOCK_WEAK", "GOODBYE", "POSSESSION", "HIDDEN", "PREP_WEAK", "PREP_SUPPORT",
        "NOT_NEEDING", "ACTIVE", "WISH_DEAD", "WITHOUT_ME", "NOTICE", "PASSIVE", "LIVE_ON", "WORTH_NOT", "TIRED_OF",
        "SELF_HARM", "ON_PURPOSE", "ON_PURPOSE_P", "COPING", "INTENSE", "CUT_NOUN", "INSTRUMENT", "LOW_MOOD", "UNRESP",
        "PLAN_BARE", "UNDONE_BARE", "NOT_BEING_BARE", "NOT_AROUND", "IF_TOOK", "STOP_ALL_BARE", "HOW_DO_IT_BARE",
        "END_WISHED", "STOCK_MORE", "TAKE_ALL", "FEEL_LIKE", "EVERY_MED", "WILL_HURT_SELF"))),
    (_medication, frozenset(("MED", "MED_VERB", "CHANGE", "TIMING", "DOSE_CHANGE", "DOUBLE_UP", "TOOK", "MISS",
                             "CUT_W"))),
    (_amount_of_medicine, frozenset(("AMOUNT_ASKED",))),
    (_first_aid, frozenset(("RECOVERY", "FIRST_AID", "SEIZ", "SEIZ_PL", "CONV", "ONE_PRO", "STATUS", "SIGN",
                            "IT_HAPPENS", "SHAKING_STOPPED"))),
)


def _folded(sentence: Sentence) -> tuple[list[str], frozenset[int]]:
    """The sentence's words folded (`fold_words`), and the folded words a comma follows."""
    if not sentence.breaks:
        return fold_words(list(sentence.words)), frozenset()
    words: list[str] = []
    breaks: set[int] = set()
    start = 0
    for end in sorted(sentence.breaks):
        words.extend(fold_words(list(sentence.words[start:end + 1])))
        breaks.add(len(words) - 1)
        start = end + 1
    words.extend(fold_words(list(sentence.words[start:])))
    return words, frozenset(b for b in breaks if b >= 0)


class SafetyCheck:
    """The concept rules plus the admin's extra trigger phrases from the safety intents."""

    def __init__(self, extra_phrases: dict[SafetyKind, Iterable[str]] | None = None) -> None:
        extra = {f"{_ADMIN}{kind}": list(phrases) for kind, phrases in (extra_phrases or {}).items()}
        self.lexicon = Lexicon(extra)
        self.net: CrisisNet = load_net()

    def units(self, message: Message) -> list[Unit]:
        """The message in units: each sentence (long ones in windows), and each sentence with the next. Read once
        per message and lexicon: the check, the reading and the medicine named all ask for them."""
        return message.reading(f"safety.units.{id(self)}", self._units)

    def _units(self, message: Message) -> list[Unit]:
        scanned: list[Hits] = []
        # per scanned unit: its core words' count, and whether it says what the sentence before meant (None: a
        # window of a long sentence)
        spans: list[tuple[int, bool] | None] = []
        message = message.uncensored(self._uncensor)
        sentences = message.sentences
        for index, sentence in enumerate(sentences):
            words, breaks = _folded(sentence)
            if not words:
                continue
            if sentence.laughs:  # the emoji go with cleaning: "id rather die than ... 😂"
                words.append("lol")
            general = "?" in sentence.end and self._general_question(words)
            core = core_words(words)
            if len(core) <= WINDOW:
                scanned.append(_drop_figurative(self.lexicon.scan(words, breaks)))
                spans.append((len(core), _goes_on_before(words, core, scanned[-1])))
                if general:
                    scanned[-1].setdefault("KNOWLEDGE", []).append(0)
                if _having_as_a_subject(words):  # "is having a seizure a sign of epilepsy?": no one has one now
                    for concept in ("HAVING", "ING", "AUX_NOW", "PRESENT"):
                        drop_where(scanned[-1], concept, lambda p: p <= 1)
                    scanned[-1].setdefault("KNOWLEDGE", []).append(0)
                if words[0] in _MODALS:  # "could ... because i forget": a question about a cause
                    scanned[-1].setdefault("Q_MODAL", []).append(0)
                asked = "?" in sentence.end
                if asked:  # "This is matter?": asked, in whatever words
                    scanned[-1].setdefault("ASKED", []).append(len(words) - 1)
                    # "Is it five minutes?" after a first-aid question: the minutes asked about, not told
                    if words[:2] in (["is", "it"], ["is", "that"]) and len(words) <= 5 and "LONG" in scanned[-1]:
                        scanned[-1]["LONG_ASKED"] = scanned[-1].pop("LONG")
                # "she can stop the old one by herself?": a learner's question, subject first, asks leave too
                # ... also after a clause of its own: "dr gave me lamotrigine, I can change to other one by myself?"
                leave = _leave_asked(core) if asked else None
                if leave is not None:
                    scanned[-1].setdefault("ADVICE", []).append(leave)
                    scanned[-1].setdefault("Q_MODAL", []).append(leave)
                if "help" in words and set(words) <= _CRY:  # "my wife shake on floor now!! help": a cry
                    scanned[-1].setdefault("URGENT", []).append(0)
                said = _without_afterthoughts(words) + _object_alone_after(sentences, index)  # what it ends on
                for concept, ends in (("PLAN_BARE", _a_plan_said_alone), ("HOW_DO_IT_BARE", _how_it_would_be_done),
                                      ("UNDONE_BARE", _an_undone_wish),
                                      ("NOT_BEING_BARE", _a_wish_not_to_be), ("LETHAL", _an_amount_for_nothing),
                                      ("STOP_ALL_BARE", _everything_stopped), ("EXTRA_END", _extra_given)):
                    if ends(said) and not (concept == "NOT_BEING_BARE" and _a_deed_not_done(sentence.words)):
                        scanned[-1].setdefault(concept, []).append(len(words) - 1)
                if (staying := _not_staying(words)) is not None:
                    scanned[-1].setdefault("NOT_AROUND", []).append(staying)
                continue
            for start in range(0, len(words), WINDOW // 2):
                shifted = frozenset(b - start for b in breaks if start <= b < start + WINDOW)
                scanned.append(_drop_figurative(self.lexicon.scan(words[start:start + WINDOW], shifted)))
                spans.append(None)
                if start + WINDOW >= len(words):
                    break
        # Said in one sentence, known to every one: a medicine named anywhere ("it" in another sentence may be it);
        # signs asked about as MS's ("... weak on one side. normal for MS?")
        for found, spread in (("MED", "MED_MSG"), ("MS_SIGN_Q", "MS_SIGN_Q"), ("COND_SIGN_Q", "COND_SIGN_Q"),
                               ("MS", "MS_MSG")):
            if any(found in h for h in scanned):
                for hits in scanned:
                    hits.setdefault(spread, []).append(0)
        # ... and missed doses asked about in general ("Can missed doses make someone look drug resistant? Some of
        # our residents refuse their tablets"): the habit told beside it is no dose of today
        # ... or a habit of missing them told, then asked about ("he forget tablets often. this also can make
        # seizures not stop?")
        # ... or asked as what makes the illness look resistant ("Could missed doses be making someone's epilepsy look
        # drug resistant? some of my clients forget tablets a lot")
        asked = any(not h.keys().isdisjoint(("ASKED", "Q_MODAL")) for h in scanned)
        if any(({"MISS", "KNOWLEDGE", "Q_MODAL"} <= h.keys() or (asked and {"MISS", "HABITUAL"} <= h.keys()) or
                _made_to_look(Unit(h))) and h.keys().isdisjoint(_TOLD_NOW) for h in scanned):
            for hits in scanned:
                hits.setdefault("MISS_ASKED", []).append(0)
        # ... and a dose asked about ("Should we double Theo's dose tonight? He's had three seizures today")
        if any("ADVICE" in h and not h.keys().isdisjoint(_DOSE_ASKED) for h in scanned):
            for hits in scanned:
                hits.setdefault("DOSE_ASKED", []).append(0)
        units = [Unit(h) for h in scanned]
        for index, (first, second) in enumerate(itertools.pairwise(scanned)):
            if first and second:
                # "makes me want to give up on everything. like actually not be here": the second sentence says
                # what the first meant, read as its next words
                before, after = spans[index], spans[index + 1]
                close = before[0] if before is not None and after is not None and after[1] else None
                units.append(Unit(_joined(first, second, close)))
        if units and message.raw.lstrip().lower().startswith(("help", "sos", "emergency", "urgent")):
            units[0].hits.setdefault("URGENT", []).append(0)
        return units

    def _uncensor(self, starred: str) -> str:
        """ "k*lling", "su*cide": a vowel starred out; the first vowel that makes a known word."""
        for vowel in "aeiou":
            word = starred.lower().replace("*", vowel)
            if word in self.lexicon.known or word in FUZZY:
                return word
        return starred

    def _general_question(self, words: list[str]) -> bool:
        """ "can fainting look like fitting?": a modal, then no one in the scene, no one anywhere in the
        sentence (not "can anyone help my dad isnt breathing?") and no cry for help."""
        if words[0] == "how" and len(words) > 3:  # "how is status epilepticus managed in hospital?": how, asked
            # ... "how much do missed doses matter?"
            words = words[2:] if words[1] in _HOW_MUCH and len(words) > 4 else words[1:]
        if len(words) < 3 or words[0] not in _MODALS or words[1] in ("it", "its", "this", "that", "there", "you", "u"):
            return False
        for word in words[1:]:
            scene = self.lexicon.words.get(word, frozenset()) & {"PERSON", "FIRST_P", "CHILD"}
            if (scene and word not in _GENERIC) or word in ("help", "please", "urgent", "now"):
                return False
        return True

    def tells_a_missed_dose(self, message: Message) -> bool:
        """ "like i missed it this morning n its 3pm now", "forgot them last night": a dose missed, its medicine
        only "it" or "them" (named before in the chat), and when; not a habit ("i sometimes miss it")."""
        # ... or a dose named by its time ("missed last nights actually"), itself the when
        # (not "Is it just that people dont take them properly": people in general)
        return any(((u.before("MISS", "PRO_OBJ", 2) and u.any("RECENT", "JUST", "DAYS_AGO", "NOW_WEAK")) or
                    u.before("MISS", "DOSE_OF_TIME", 2))
                   and not u.any("HABITUAL", "KNOWLEDGE", "HYPO", "CAUSE_Q") and not u.before("GENERIC", "MISS", 2)
                   for u in self.units(message))

    def asks_a_change(self, message: Message, subject_known: bool = False) -> bool:
        """ "can i stop it?", "should i skip the next one", "can i have it later than planned": asking to change
        something the message does not name (the decider reads it with the chat's last topic). Asking
        permission, not how ("how can i stop it" after a symptom is about the symptom). With `subject_known`
        (right after the medication reply) the change needs no "it": "give double tomorrow?", "what if i just
        take half"."""
        if len(message.words) > CHANGE_FOLLOW_UP_WORDS:
            # a short question after a few words of its own is read alone ("I feel fine at the moment. Can I just
            # stop my current one?"), and so is a short wish told ("She wants to stop them. She says they make her
            # feel as though she has the flu.")
            asked = [Message(" ".join(s.words) + "?") for s in message.sentences
                     if (len(s.words) <= CHANGE_FOLLOW_UP_WORDS and "?" in s.end) or (
                         len(s.words) <= 2 * CHANGE_FOLLOW_UP_WORDS and s.words and s.words[0] in PERMISSION_FIRST)]
            # "I'm thinking of just not starting any of them. Is that OK?": the permission asks about the plan told
            # just before it
            asked += [Message(" ".join((*before.words, *s.words)) + "?")
                      for before, s in itertools.pairwise(message.sentences)
                      if "?" in s.end and len(s.words) <= _BARE_PERMISSION_WORDS and
                      len(before.words) + len(s.words) <= 2 * CHANGE_FOLLOW_UP_WORDS]
            # ... also after a comma: "i'd rather wait a year before starting one and see how i go, is that ok for
            # me to do"
            asked += [Message(" ".join(s.words) + "?") for s in message.sentences if _permission_after_comma(s)]
            # (right after the medication reply a wish told may take a few more words: "he also wants to stop the new
            # one because it makes him dizzy")
            told_words = 2 * CHANGE_FOLLOW_UP_WORDS if subject_known else CHANGE_FOLLOW_UP_WORDS
            told = [Message(" ".join(s.words)) for s in message.sentences
                    if len(s.words) <= told_words and "?" not in s.end]
            # ... and the plan before its reason ("she's thinking of just stopping it since it isn't doing anything")
            told += [Message(" ".join(plan)) for s in message.sentences if "?" not in s.end
                     if 2 < len(plan := _before_its_reason(s.words)) <= told_words]
            # ... and the plan before an "and" ("I'm honestly half tempted to stop my current one now and have
            # nothing for a while")
            told += [Message(" ".join(s.words[:cut])) for s in message.sentences if "?" not in s.end
                     if "and" in s.words and 2 < (cut := s.words.index("and")) <= told_words]
            # ... or a plan told ("had enough. thinking of just stopping all of them and seeing what happens")
            # ... or a decision told ("I've decided I'm stopping it next week")
            wished = [m for m in told if any(u.any("WISH", "THINK_OF", "DECIDED") for u in self.units(m))]
            if not (asked or wished) or len(message.words) > 2 * CHANGE_FOLLOW_UP_WORDS:
                return False
            # any of the questions ("Should I ask to switch then? Or stay put since I'm stable-ish?"), or the wish
            return any(self._asks_a_change_in(m, subject_known) for m in (asked or wished[-1:]))
        return self._asks_a_change_in(message, subject_known)

    def _asks_a_change_in(self, message: Message, subject_known: bool) -> bool:
        """`asks_a_change` for one short question or wish."""
        # "what dose should i take" of the medicine talked about (not "turmeric tablets, how many should I take")
        if any("AMOUNT_ASKED" in u and "SUPPLEMENT" not in u for u in self.units(message)):
            return True
        if message.text.startswith(("how", "which")):  # "which one cuts relapses more?" compares
            return False
        # "Maybe she don't take it correct?": a guess at a reason, not leave asked ("maybe i should stop it?" is)
        if message.words and message.words[0] in _GUESSES and _LEAVE_ASKED.isdisjoint(message.words):
            return False
        # asked, or a wish to change it told ("my wife wants to stop hers because she feels fine")
        units = self.units(message)
        if subject_known and any({"MISS", "LONG"} <= u.hits.keys() or ("MISS" in u and (
                "if" in message.words or "ADVICE" in u) and not u.any("CAUSE_Q", "REASON_OF")) for u in units):
            return True  # "like 6 hours late", "and if he misses it completely?", said of the dose just talked about
        by_oneself = not _BY_ONESELF.isdisjoint(message.words)  # the change needs no "it"
        # not what the treatment does: "does it lower her immune system", "would that mean im more likely to get
        # other autoimmune stuff", "does it raise infection risk" ask a general question or its meaning
        # ... nor what people in general do ("is it just that people dont take them properly")
        return any(u.any("CHANGE", "CHANGE_AFTER", "DOSE_CHANGE", "DOUBLE_UP") and "MED" not in u and not (
            u.before("GENERIC", "CHANGE", 2) or u.before("GENERIC", "MISS", 2)) and (
            "ADVICE" in u or not u.any("KNOWLEDGE", "CAUSE_Q", "MEAN")) and (
            "PRO_OBJ" in u or len(message.words) <= 2 or subject_known or ("CHANGE_BARE" in u and by_oneself)) and (
            u.any("ADVICE", "Q_MODAL", "WISH", "CHANGE_OR", "DECIDED") or "?" in message.raw or (
                subject_known and message.text.startswith(_WHAT_ABOUT))) for u in units)

    def names_a_medicine(self, message: Message) -> bool:
        """Does the message name a medicine ("my meds", "keppra", "her tablets"), or one's own medicines as they
        fail ("how come my meds dont work on me": the phrase is about resistance)?"""
        return any("MED" in u or {"RESIST", "FIRST_P"} <= u.hits.keys() for u in self.units(message))

    def read(self, message: Message) -> Reading:
        units = self.units(message)
        concepts = {c for u in units for c in u.hits}
        if _coming_round(units):
            concepts.add(COMING_ROUND)
        return Reading(frozenset(concepts))

    def check(self, message: Message) -> SafetyFlag | None:
        """The most urgent concern in the message, or None. Certain before possible; emergency, crisis, medication,
        first aid."""
        found: list[tuple[str, Tier, Unit]] = []
        admin: list[tuple[str, Unit]] = []
        units = self.units(message)
        for unit in units:
            keys = unit.hits.keys()
            rules = [rule for rule, starts in _RULES if not keys.isdisjoint(starts)]
            phrased = not keys.isdisjoint(_ADMIN_KINDS)
            if not rules and not phrased:
                continue  # nothing any rule starts from (most topical questions): no frame, no rules
            frame = read_frame(unit)
            for rule in rules:
                found += [(criterion, tier, unit) for criterion, tier in rule(unit, frame)]
            if phrased and not _quiet(unit, frame):
                admin += [(c[len(_ADMIN):], unit) for c in keys if c.startswith(_ADMIN)]
        if any(_over_for_sure(u.hits) for u in units):  # "its stopped. hes breathing noisy. what now"
            coming_round = _coming_round(units)
            found = [(c, t, u) for c, t, u in found
                     if c != "breathing_colour" or not _recovery_breathing_only(u, coming_round)]
        flag = _decide(found, admin, message) if found or admin else None
        if flag is None and not _only_an_answer(message) and self.net.fires(message) and \
                not any(not u.hits.keys().isdisjoint(_NET_QUIET) for u in units):
            # The second net: an indirect wish to die the rules did not read. Only ever the possible tier, and only
            # where the rules found nothing, so it adds the crisis line and never changes a rule's verdict.
            return SafetyFlag("crisis", f"{NET_CRITERION}: p={self.net.probability(message):.2f}",
                              criterion=NET_CRITERION, tier="possible")
        return flag


# The event words an idiom is made of ("seizing the day", "nearly had a fit", "shaking with excitement")
_IDIOM_WORDS = ("SEIZ", "SEIZ_PL", "CONV", "SIGN", "HAVING", "ING", "OD", "FAINT", "BREATH_BAD", "BREATH_W")
IDIOM_SPAN = 4  # words an idiom covers after its first


def _drop_figurative(hits: Hits) -> Hits:
    """The hits without the event words inside an idiom: the words after it still count ("i nearly had a fit
    when my son started seizing" is an emergency)."""
    idioms = hits.get("FIGURATIVE")
    if not idioms:
        return hits
    for concept in _IDIOM_WORDS:
        kept = [p for p in hits.get(concept, []) if not any(0 <= p - i <= IDIOM_SPAN for i in idioms)]
        if concept in hits and not kept:
            del hits[concept]
        elif concept in hits:
            hits[concept] = kept
    return hits


# A bare answer or hedge ("no", "i am not sure", "dunno"): the net scored "no" at 0.91, as a short message weighs
# each word fully; it says nothing about the person's safety
_ANSWER_WORDS = frozenset(("no", "nope", "nah", "not", "sure", "i", "im", "am", "dont", "do", "know", "idk", "dunno",
                           "maybe", "really", "thanks", "thank", "you", "ok", "okay", "yes", "yeah", "it", "that",
                           "so", "think", "guess", "well", "hmm", "um", "sorry",
                           "end", "exit", "quit", "bye", "goodbye"))  # chat commands: "end" scored 0.6


def _only_an_answer(message: Message) -> bool:
    return bool(message.words) and set(message.words) <= _ANSWER_WORDS


# Where the rules see a risk named to deny it ("i would never hurt myself"), a joke or a figure of speech ("end
# the contract"), the second net stays quiet too: it reads words, not what they are said about
_NET_QUIET = frozenset(("NEG_RISK", "JOKE", "DIE_OTHER", "EVERYDAY_ENOUGH", "EVERYDAY_CUT", "MISSENT"))

# The order decisions are taken in: the rules first, an admin's phrase when the rules found nothing of that urgency.
_ORDER: tuple[tuple[Tier, str, tuple[str, ...]], ...] = (
    ("certain", "emergency", EMERGENCY_CRITERIA), ("certain", "crisis", CRISIS_CRITERIA),
    ("certain", "admin:emergency", ()), ("certain", "admin:crisis", ()),
    ("certain", "medication_change", MEDICATION_CRITERIA), ("certain", "admin:medication_change", ()),
    ("certain", "seizure_first_aid", ("first_aid_question",)),
    ("possible", "emergency", EMERGENCY_CRITERIA), ("possible", "crisis", CRISIS_CRITERIA),
    ("possible", "medication_change", MEDICATION_CRITERIA),
)


def _quiet(u: Unit, f: Frame) -> bool:
    """Where the rules stay calm, an admin's phrase does too: a history, a general question ("can keppra
    cause suicidal thoughts"), a figure of speech ("dying to know"). Not something usual: "he has seizures every
    day and now he's not breathing" keeps the admin's "not breathing" certain."""
    general = u.any("CAUSE_Q", "KNOWLEDGE") and not u.any("FIRST_P", "PERSON")
    return f.calm or general or u.any("DIE_OTHER", "NEG_RISK") or ("JOKE" in u and "MAKES_ME" in u)


def _decide(found: list[tuple[str, Tier, Unit]], admin: list[tuple[str, Unit]], message: Message) -> SafetyFlag | None:
    crisis_present = any(KIND_OF[c] == "crisis" for c, _, _ in found)
    crisis_certain = any(KIND_OF[c] == "crisis" and t == "certain" for c, t, _ in found)
    for tier, kind, criteria in _ORDER:
        if kind.startswith("admin:"):
            kind = kind.removeprefix("admin:")
            hits = [("admin_phrase", u) for k, u in admin if k == kind and not _weighed(found, kind, u)]
        else:
            hits = sorted(((c, u) for c, t, u in found if t == tier and c in criteria),
                          key=lambda h: criteria.index(h[0]))
        if hits and tier == "certain" and kind == "emergency" and crisis_certain and all(
                _own_seizure_told(c, u) for c, u in hits):
            continue  # "another fit at work today ... whats the point": the writer's crisis, told after a seizure
        if hits:
            criterion, unit = hits[0]
            return SafetyFlag(kind, _why(criterion, unit), _topic_of(unit, message), criterion, tier,  # type: ignore[arg-type]
                              crisis_too=kind == "emergency" and crisis_present)
    return None


def _own_seizure_told(criterion: str, u: Unit) -> bool:
    """The writer's own seizure, told as over ("another fit at work today"): they are the one typing, no one else
    is in the scene and nothing says it is going on, hurt them or lasts."""
    # ("seizure at school again today in front of everyone. im so done": no one named, the writer's own)
    own = "FIRST_P" in u or not u.any("PRONOUN", "ANIMAL")
    return criterion in ("seizure_cluster", "seizure_now", "first_seizure") and own and not u.any(
        "PERSON", "CHILD", "NOW_STRONG", "URGENT", "AMBULANCE", "ING", "HAVING", "LONG", "STATUS", "NOT_STOP", "UNRESP",
        "BREATH_BAD", "COLOUR", "INJURY", "OD", "WATER", "PREGNANT")


def _weighed(found: list[tuple[str, Tier, Unit]], kind: str, unit: Unit) -> bool:
    """The rules read the same unit as stroke signs that MS explains too ("my husband has ms and slurred speech":
    possible), or as a seizure that "won't stop" beside a named reason, or the unit says MS and something coming
    on over time: an admin's phrase does not make them certain. Any other possible reading ("he has seizures
    every day and now he's not breathing") stays certain by the admin's phrase."""
    if kind == "emergency" and "MS" in unit and unit.any("CHRONIC", "REHAB") and not unit.any(
            "NOW_STRONG", "URGENT", "SUDDEN", "AMBULANCE", "JUST"):
        # "resident with ms is getting slurred speech lately": coming on over time, as MS does; "speech therapy for
        # slurred speech in ms": a therapy asked about for it
        return True
    return kind == "emergency" and any(t == "possible" and u is unit and (
        c == "stroke_signs" or (c == "seizure_now" and _asks_the_reason(u))) for c, t, u in found)


def _why(criterion: str, unit: Unit) -> str:
    return f"{criterion}: " + " ".join(sorted(c for c in unit.hits if c.isupper() or c.startswith(_ADMIN)))


def _without_afterthoughts(words: list[str]) -> list[str]:
    """The sentence without the afterthoughts it ends on ("i have a plan now" ends on "plan")."""
    end = len(words)
    while end and words[end - 1] in _AFTERTHOUGHT:
        end -= 1
    return words[:end]


def _a_plan_said_alone(kept: list[str]) -> bool:
    """ "ive got a plan", "i have a plan now": a plan owned, the sentence ending on it; not one made with others
    ("the physio and i have made a plan", "we have a plan")."""
    shared = "we" in kept or "us" in kept or any(a == "and" and b == "i" for a, b in itertools.pairwise(kept))
    return 2 <= len(kept) <= 14 and kept[-1] in _PLAN_END and not _HAVE.isdisjoint(kept) and not shared


def _how_it_would_be_done(kept: list[str]) -> bool:
    """ "I've started thinking about how I'd do it": the sentence ends on "do it", what unsaid, "how" just before it
    and a thought or a plan before that (not "how do i do it" asked, nor "how to do it safely")."""
    if len(kept) < 5 or kept[-2:] != ["do", "it"] or kept[0] == "how":
        return False
    hows = [i for i, word in enumerate(kept[:-2]) if word == "how"]
    return bool(hows) and len(kept) - 2 - hows[-1] <= 4 and not _THOUGHT.isdisjoint(kept[:hows[-1]])


_THOUGHT = frozenset(("thinking", "think", "thought", "planning", "planned", "worked", "figured", "wondering",
                      "imagining", "imagined", "googling", "googled", "researching", "researched", "decided"))


def _an_amount_for_nothing(kept: list[str]) -> bool:
    """ "been looking up how many of my pills it would take": an amount that would take, for nothing said, ends the
    sentence (not "how many tablets would it take to control the seizures")."""
    if len(kept) < 4 or kept[-1] != "take" or kept[-2] not in ("would", "it"):
        return False
    asked = [i for i, (a, b) in enumerate(itertools.pairwise(kept)) if a == "how" and b in ("many", "much")]
    return bool(asked) and len(kept) - asked[-1] <= 9


def _an_undone_wish(kept: list[str]) -> bool:
    """ "i survived the encephalitis and now i honestly wish i hadnt": the sentence ends on a wish undone (what is
    wished undone goes unsaid)."""
    return kept[-3:] == ["wish", "i", "not"] or kept[-4:] in (["wish", "i", "had", "not"], ["wish", "i", "did", "not"])


def _a_wish_not_to_be(kept: list[str]) -> bool:
    """ "everything would be so much quieter if I just wasnt", "i want to not be": the sentence ends on the
    speaker not being."""
    return kept[-4:] == ["if", "i", "just", "not"] or kept[-3:] == ["if", "i", "not"] or \
        kept[-4:] == ["want", "to", "not", "be"] or kept[-3:] == ["want", "not", "be"]  # "i want to not be"


def _extra_given(kept: list[str]) -> bool:
    """ "can I give her a bit extra?", "should he take some extra": the sentence ends on an extra given or taken,
    of nothing it names (not "extra time to get ready")."""
    while kept and kept[-1] in _EXTRA_TAIL:  # ("... a bit extra tonight")
        kept = kept[:-1]
    return bool(kept) and kept[-1] == "extra" and not _GIVEN.isdisjoint(kept[-5:-1])


def _everything_stopped(kept: list[str]) -> bool:
    """ "some days i want to just stop everything": the sentence ends on a wish for everything to stop."""
    return kept[-2:] in (["stop", "everything"], ["end", "everything"]) and not _WANTING.isdisjoint(kept[-5:-2])


def _object_alone_after(sentences: tuple[Sentence, ...], index: int) -> list[str]:
    """ "some days i want to just stop. everything": a next sentence that is only an object finishes this one."""
    following = tuple(sentences[index + 1].words) if index + 1 < len(sentences) else ()
    return list(following) if following in _OBJECTS_ALONE else []


_OBJECTS_ALONE = frozenset((("everything",), ("all", "of", "it"), ("it", "all"), ("all", "of", "this")))


def _a_deed_not_done(words: tuple[str, ...]) -> bool:
    """ "what are my rights if I don't?": the "not" it ends on is of doing ("don't", "can't"), not of being
    ("if I just wasn't"), which folding into "not" no longer tells apart."""
    tail = words[-3:]
    return _BEING_NOT.isdisjoint(tail) and not _DEED_NOT.isdisjoint(tail)


_WANTING = frozenset(("want", "wanna", "wish"))  # "i want to just stop everything", ending on it
_BEING_NOT = frozenset(("wasnt", "werent", "isnt", "aint"))
_DEED_NOT = frozenset(("dont", "didnt", "doesnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "mustnt"))


_AROUND = (("stick", "around"), ("sticking", "around"), ("be", "around"), ("be", "here"))


def _not_staying(words: list[str]) -> int | None:
    """ "dont reckon ill stick around to see the chair", "i wont be around much longer": where staying is denied
    (a "not" at most four words before it), or None."""
    for i, pair in enumerate(itertools.pairwise(words)):
        if pair in _AROUND and "not" in words[max(0, i - 4):i]:
            return i
    return None


_GERUND_ASKERS = frozenset(("is", "does", "can", "could", "will", "would", "might", "isnt"))
_GERUND_PREDICATES = frozenset(("sign", "signs", "mean", "means", "normal", "bad", "dangerous", "common", "linked",
                                "related", "symptom", "cause", "risk", "worse", "harder", "typical", "part", "usual",
                                "serious", "genetic", "likely", "unusual", "rare"))
_GERUND_COUNTS = frozenset(("several", "many", "lots", "more", "multiple", "different", "two", "three", "frequent"))
_GERUND_NOT_NOW = frozenset(("now", "help", "ambulance", "999", "911", "112", "still", "currently", "minutes"))
_EXTRA_TAIL = frozenset(("tonight", "today", "now", "then", "too", "tomorrow", "pls", "please", "just", "once"))
_GIVEN = frozenset(("give", "giving", "take", "taking", "have", "try"))
_DEATH_TAIL = frozenset(("anymore", "any", "more", "again", "ever", "forever", "now", "tbh", "honestly", "lol", "at",
                         "all", "up"))


def _having_as_a_subject(words: list[str]) -> bool:
    """ "is having several seizure types at once a sign it'll be drug resistant": "having ..." is what the
    question is about, asked of no one (not a learner's "is having seizure now help")."""
    # ... or put first, then asked about ("Having several seizure types at once - is that linked to ...?")
    if len(words) > 4 and words[0] == "having" and words[1] in _GERUND_COUNTS:
        return not _GERUND_PREDICATES.isdisjoint(words[3:]) and _GERUND_NOT_NOW.isdisjoint(words)
    return len(words) > 3 and words[0] in _GERUND_ASKERS and words[1] == "having" and \
        not _GERUND_PREDICATES.isdisjoint(words[3:]) and _GERUND_NOT_NOW.isdisjoint(words) and \
        _GERUND_ASKERS.isdisjoint(words[2:])  # (not "is having a seizure, is that bad": told, then asked)


def _goes_on_before(words: list[str], core: list[str], hits: Hits) -> bool:
    """ "like actually not be here", "i mean not wake up": a short sentence that opens by saying what the one
    before meant, a death in its first words."""
    opens = bool(words) and (words[0] in ("like", "ie", "basically") or words[:2] in (["i", "mean"], ["as", "in"]))
    # (not "like not be here with my parents": somewhere else wished for)
    return opens and len(core) <= GOES_ON_WORDS and any(
        p < 3 for c in ("DEATH", "DEATH_STRONG") for p in hits.get(c, ())) and set(core[3:]) <= _DEATH_TAIL


def _joined(first: Hits, second: Hits, close: int | None = None) -> Hits:
    """Two sentences read as one unit: the second's positions follow the first's, a window apart, or right
    after its `close` core words when it goes on with it."""
    offset = close if close is not None else 1 + max((p for positions in first.values() for p in positions),
                                                     default=0) + WINDOW
    joined = {c: list(p) for c, p in first.items()}
    for concept, positions in second.items():
        joined.setdefault(concept, []).extend(p + offset for p in positions)
    joined[SECOND] = [offset]  # where the second sentence starts, for rules that weigh the two apart
    return joined


def _topic_of(unit: Unit, message: Message) -> str | None:
    words = message.safety_words
    if words & MS_WORDS or "multiple sclerosis" in message.raw.lower():
        return "ms"
    if unit.any("EPI") or words & {"keppra", "lamotrigine", "epilim", "valproate", "antiepileptic"}:
        return "epilepsy"
    return None
