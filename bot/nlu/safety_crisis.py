"""Crisis rules (docs/safety.md, CSSRS categories and self-harm) on the concepts of one unit."""

from __future__ import annotations

from bot.nlu.safety_unit import Frame, Tier, Unit, changes_medicine

THOUGHT_SPAN = 8  # "thought about just taking the car and driving into something": the way this close after
WISH_SPAN = 8  # "wish I could go to sleep and not wake up": the wish this close before the not waking


def crisis(u: Unit, f: Frame) -> list[tuple[str, Tier]]:
    """The crisis criteria this unit meets, with their tier (low mood alone is possible)."""
    personal = u.any("FIRST_P", "PERSON")
    # "what is the suicide rate in epilepsy"; not "there is no point in living anymore - is it normal?" (said, then
    # asked about)
    general = u.any("KNOWLEDGE", "CAUSE_Q") and not personal and not _said_before_the_question(u)
    # "since my diagnosis" is not past (it goes on), nor is "goodbye today for the last time"
    past = "HISTORY" in u and not (f.now or u.any("HABITUAL", "RECENT", "JUST") or _feels_it_now(u))
    tier: Tier = "certain"
    found: list[tuple[str, Tier]] = []
    if "LETHAL" in u and u.any("MED", "OD"):  # "what amount of baclofen is lethal": asked in general or not
        found.append(("method_plan_intent", tier))
    if general or past:  # "i used to self harm as a teenager": a history, like a seizure last year
        return found
    wish = _wish_to_die(u)
    if _method_or_plan(u, wish, personal):
        found.append(("method_plan_intent", tier))
    found += _preparation(u, wish, personal)
    # thinking of a way to die: "i keep thinking about jumping in front of a train"
    # "some days I stand at the edge of the platform and think about stepping off"
    leap = "HIGH_PLACE" in u and u.any("LEAP", "METHOD") and u.any("THINK_OF", "WISH", "PLAN", "PLAN_SOFT") and personal
    # "cant stop thinking about overdosing tonight": said of oneself unless someone else is named
    overdosing = u.before("THINK_OF", "OD", 3) and "PERSON" not in u
    # "ive thought about just taking the car and driving into something": a way to die thought of, a few words on
    thought = u.before("THINK_OF", "METHOD", 2) or (u.before("THINK_OF", "METHOD", THOUGHT_SPAN) and "FIRST_P" in u)
    # "i took more pills than i should have tonight. i just wanted it to stop": an overdose told, the end of
    # something wished beside it: taken on purpose
    if "END_WISHED" in u and _overdose_told(u):
        found.append(("method_plan_intent", tier))
    # "last night i took a load of extra pills on purpose just to see": an overdose taken on purpose
    if u.any("ON_PURPOSE", "ON_PURPOSE_P") and _overdose_told(u):
        found.append(("self_harm", tier))
    # "some nights I think about taking the whole box of lamotrigine and just being done with all of it": an
    # overdose thought of by the writer, with the end of things beside it
    od_thought = "FIRST_P" in u and "PERSON" not in u and u.before("THINK_OF", "MED", 6) and any(
        0 <= m - a <= 3 for c in ("TOO_MUCH", "ALL", "MANY_PILLS", "EVERY_MED") for a in u.hits.get(c, ())
        for m in u.hits.get("MED", ())) and u.any("TIRED_OF", "PASSIVE", "WISH_DEAD", "END_WISHED", "DEATH_STRONG")
    # ... or "looking at the boxes of tablets in the drawer and thinking about taking the lot": the lot of them
    od_thought = od_thought or ("FIRST_P" in u and "PERSON" not in u and u.before("THINK_OF", "TAKE_ALL", 3) and
                                u.any("MED", "MED_MSG"))
    # ... or "thinking about taking every pill i have": every one of them, one's own
    od_thought = od_thought or ("FIRST_P" in u and "PERSON" not in u and u.before("THINK_OF", "EVERY_MED", 3))
    # "i feel like taking all my pills", "i sometimes feel like taking every tablet in the cupboard": drawn to an
    # overdose, said as a feeling
    felt = "FEEL_LIKE" in u and "PERSON" not in u and any(
        u.before("FEEL_LIKE", c, 4) for c in ("OD", "EVERY_MED", "TAKE_ALL", "CONTAINER", "TOO_MUCH", "ALL",
                                             "MANY_PILLS", "METHOD"))
    od_thought = od_thought or felt
    # "some nights i sit in the bathroom with a blade and just think about it": a means held and dwelt on
    held = "FIRST_P" in u and "INSTRUMENT" in u and u.before("INSTRUMENT", "THINK_OF", 6) and "PERSON" not in u
    if "ACTIVE" in u or (thought and personal) or leap or overdosing or od_thought or held:
        found.append(("active_ideation", tier))
    # "heat makes me want to die lol": a figure of speech, with a cause and a joke
    figure = "JOKE" in u and "MAKES_ME" in u
    # "i survived the encephalitis and now i wish i hadnt": a survival wished undone
    # ... or a wish not to be, said bare ("everything would be quieter if i just wasnt", "i want to not be")
    # ... or everything wished to stop, no medicine nor anyone else named ("i want to stop everything. she has so
    # many pills" may be her medicines)
    undone = ("UNDONE_BARE" in u and u.before("SURVIVED", "UNDONE_BARE", 12)) or "NOT_BEING_BARE" in u or (
        "STOP_ALL_BARE" in u and not u.any("MED_MSG", "PERSON", "CHILD"))
    if not figure and ("WISH_DEAD" in u or wish or undone or _better_without_me(u)):
        found.append(("wish_dead", tier))
    # "whats the point of any of it. tired of fighting. want it to end.": the end wished, with a low mood or
    # weariness beside it, no illness, medicine or seizure that "it" could be
    weary_end = "END_WISHED" in u and u.any("LOW_MOOD", "TIRED_OF") and not u.any(
        "SEIZ", "SEIZ_PL", "EPI", "MS", "ILLNESS", "MED_MSG", "OTHER_EVENT", "SIGN", "PERSON", "CHILD")
    if not figure and ("PASSIVE" in u or weary_end or _cannot_go_on(u) or _life_not_worth_it(u)):
        found.append(("passive_ideation", tier))
    if _self_harm(u):
        found.append(("self_harm", tier))
    if not found and "LOW_MOOD" in u and personal and not u.any("KNOWLEDGE", "WELL"):  # not "...but im ok"
        found.append(("passive_ideation", "possible"))
    if not found and "NOT_AROUND" in u and "FIRST_P" in u and "WELL" not in u:  # "i wont be around much longer"
        found.append(("passive_ideation", "possible"))
    return found


def _said_before_the_question(u: Unit) -> bool:
    """A wish to die or not to live, said in the present before any question word: a statement, then a question."""
    asked = [*u.hits.get("KNOWLEDGE", ()), *u.hits.get("CAUSE_Q", ())]
    said = [p for c in ("PASSIVE", "WISH_DEAD", "ACTIVE") for p in u.hits.get(c, ())]
    return any(1 <= p - a <= 3 and all(k > p for k in asked) for p in said for a in u.hits.get("PRESENT", ()))


def _feels_it_now(u: Unit) -> bool:
    """A wish to die, not to live, or to hurt oneself said after "lately", "these days", "feel there is", "now",
    "still": present, after any history. Or a wish to die said in the present tense ("i tried to kill myself last
    year and i want to die", "i wish i was dead, it happened last year too"); not "last year i wanted to die"."""
    feels = (*u.hits.get("FEEL_NOW", ()), *u.hits.get("NOW_WEAK", ()))
    wishes = [p for c in ("PASSIVE", "WISH_DEAD", "ACTIVE", "SELF_HARM") for p in u.hits.get(c, ())]
    if any(0 < w - f <= 8 for f in feels for w in wishes):
        return True
    # an act of preparation going on ("has been saying goodbye to his friends"), whatever else was last year
    acts = [p for c in ("PREP", "PREP_WEAK") for p in u.hits.get(c, ())]
    going_on = (*u.hits.get("AUX_NOW", ()), *u.hits.get("PERFECT", ()))
    if any(1 <= p - a <= 2 for p in acts for a in going_on):
        return True
    if "WELL" in u:  # "when I was young I attempt suicide, long time ago, now I am ok": the tense of a learner
        return False
    past = u.hits.get("PAST_V", ())
    deaths = u.hits.get("DEATH", ())
    wished = [w for w in u.hits.get("WISH", ()) if any(1 <= d - w <= 5 for d in deaths)]
    present = [w for c in ("PASSIVE", "WISH_DEAD", "ACTIVE") for w in u.hits.get(c, ())] + wished
    return any(not any(w - 2 <= p <= w + 1 for p in past) for w in present)


def _method_or_plan(u: Unit, wish: bool, personal: bool) -> bool:
    """A method with a plan or a wish; a plan with ideation; or the signs of a plan without the words: a height
    now, the unnamed act with specifics, a disguise, a means dwelt on, stopping medicine to die."""
    if (u.any("METHOD", "OD") and (u.any("PLAN", "PLAN_SOFT", "WISH") or wish)) or (
            "PLAN" in u and u.any("ACTIVE", "PASSIVE", "WISH_DEAD") and _planned(u)):
        return True
    # "dont reckon ill stick around to see the chair. got it all planned out": staying denied, with specifics
    if "NOT_AROUND" in u and "SPECIFIC" in u and personal:
        return True
    # "im not sticking around for it. ive made my mind up": staying denied, then decided
    if "NOT_AROUND" in u and "DECIDED" in u and personal:
        return True
    # "im done with all of it. ive got a plan": a plan owned, what for unsaid, beside a low mood or a wish to die
    if "PLAN_BARE" in u and personal and u.any("LOW_MOOD", "PASSIVE", "WISH_DEAD", "ACTIVE"):
        return True
    # "ive been googling ways to not wake up": a way looked up, then a death
    if "FIRST_P" in u and any(u.before("RESEARCH", "PLAN", 2) and u.before("PLAN", d, 4) for d in ("DEATH_STRONG",
                                                                                                     "ACTIVE")):
        return True
    if "ENOUGH" in u and "METHOD" in u:  # "if i take the whole box, will it be enough"
        return True
    # "some days i think it would be easier if i took all my tablets and did not wake up": all of a medicine,
    # taken in a supposition, beside a wish, a thought or things being easier
    if "IF_TOOK" in u and u.any("MED", "MANY_PILLS") and u.any("ALL", "MANY_PILLS") and personal and \
            u.any("BETTER", "WISH", "THINK_OF", "DEATH", "DEATH_STRONG"):
        return True
    if "HIGH_PLACE" in u and ("FIRST_P" in u or not u.any("PERSON", "CHILD", "ANIMAL", "THING")) and \
            u.any("PRESENT", "ING", "NOW_WEAK", "NOW_STRONG"):
        return True  # "im standing on the bridge", "standing on the bridge right now" (no one else: the speaker)
    if u.any("DO_IT", "DECIDED_BARE") and "SPECIFIC" in u:  # "ill do it this weekend, ive got it all worked out"
        return True
    if "HOW_DO_IT_BARE" in u and personal:  # "I've started thinking about how I'd do it": the unnamed act, how
        return True
    if "DISGUISE" in u and personal:  # "theyll think it was an accident"
        return True
    if "MEANS" in u and "DWELL" in u:  # "theres a rope in the garage, been looking at it all night"
        return True
    # "going to stop her meds on purpose so a fit finishes her off"
    return u.any("ON_PURPOSE", "ON_PURPOSE_P", "PLAN") and "DEATH" in u and changes_medicine(u)


def _preparation(u: Unit, wish: bool, personal: bool) -> list[tuple[str, Tier]]:
    """Strong acts (saving up pills, a suicide note) are certain; weaker ones (a will, a note, giving a pet away,
    pills hidden) are certain with a second act, arrangements, secrecy, "wont be needing them" or a low mood."""
    # "hoarding my tablets", "collecting my dads old morphine and my own pills" (not a prescription collected)
    # ("giving my old baby clothes to my sister": a clear-out, not a farewell; unless a medicine is what is given)
    given_medicine = u.near("GIVE", "MED", 6) or u.near("PREP_WEAK", "MED", 6)
    if "OUTGROWN" in u and not (u.any("NOT_NEEDING", "LOW_MOOD", "DOWN", "SECRET", "MEANS", "WISH_DEAD")
                                or given_medicine):
        return []
    medicines = set(u.hits.get("MED", ())) - set(u.hits.get("CONTAINER", ()))  # two lots, not "pills in a box"
    collected = u.before("STOCK_WEAK", "MED", 5) and len(medicines) >= 2 and "PHARMACY" not in u
    # "I've been keeping back a few pills each week": put by, with pills counted or a rhythm
    kept = u.before("STOCK_MORE", "MED", 5) and u.any("MANY_PILLS", "RHYTHM")
    if "PREP" in u or u.before("STOCK", "MED", 5) or collected or kept:
        return [("preparation", "certain")]
    if "GOODBYE" in u and "FAREWELL" in u and "TEMPORARY" not in u:  # "goodbye, this bot helped"
        return [("preparation", "certain")]
    given = u.near("GIVE", "POSSESSION", 3)  # "gave my dog to my sister", "giving the rest away"
    hidden = u.near("HIDDEN", "MED", 4)  # "40 tablets hidden under his mattress"
    acts = u.count("PREP_WEAK") + int(given) + int(hidden)
    if not acts and "PREP_SUPPORT" not in u:
        return []
    support = u.count("PREP_SUPPORT") + sum(int(c in u) for c in ("NOT_NEEDING", "SECRET", "DOWN", "LOW_MOOD", "FINAL", "IN_CASE"))
    support += int("SELF_GONE" in u and "SOON" in u) + int(wish) + int(u.any("ACTIVE", "PASSIVE", "WISH_DEAD"))
    if acts + support >= 2 and (acts or "NOT_NEEDING" in u):
        return [("preparation", "certain")]
    if "PREP_WEAK" in u and (personal or "FINAL" in u):  # "i wrote a note": a line on top
        return [("preparation", "possible")]
    return []


def _better_without_me(u: Unit) -> bool:
    """ "they'd all be happier without me", "would anyone even notice if i didnt wake up", "easier to not be
    alive", "wish the next seizure would just take me"."""
    if u.near("BETTER", "WITHOUT_ME", 6) or u.before("BETTER", "DEATH_STRONG", 4):
        return True
    # "i'd be better off not waking up": better off not coming round (a wake that is denied, not a sign told)
    nots = set(u.hits.get("NOT", ()))
    # (not "is it better to not wake him up after a seizure": someone else)
    if "FIRST_P" in u and not u.any("PRO_OBJ", "PERSON", "CHILD") and any(
            0 < p - b <= 4 and p in nots for b in u.hits.get("BETTER", ()) for p in u.hits.get("UNRESP", ())):
        return True
    if "NOTICE" in u and u.any("DEATH_STRONG", "WITHOUT_ME"):
        return True
    return u.before("WISH", "TAKE_ME", 8)


def _life_not_worth_it(u: Unit) -> bool:
    """ "life isnt worth it", "tired of existing", "think about just disappearing", "how much longer do i have to
    keep living like this"."""
    if u.near("LIFE", "WORTH_NOT", 3) or u.before("TIRED_OF", "LIFE", 2):
        return True
    # "I'm tired of all of it. Of being alive frankly.": tired of everything, then of life, said after it
    if "FIRST_P" in u and u.before("TIRED_OF", "ALL", 2) and any(
            life > t for life in u.hits.get("LIFE", ()) for t in u.hits.get("TIRED_OF", ())):
        return True
    # "think about just disappearing"; not "i thought he was dead" (someone else, an emergency)
    people = u.hits.get("PERSON", ())
    if any(0 < d - t <= 2 and not any(t < p < d for p in people)
           for t in u.hits.get("THINK_OF", ()) for d in u.hits.get("DEATH_STRONG", ())):
        return True
    # "sometimes i think about just not waking up": not waking, thought of by oneself
    # ... or wished: "I sometimes wish I could go to sleep and simply not wake up"
    # ... also with someone else named before: "so exhausted caring for him I've started thinking about not waking up"
    if ("PERSON" not in u and (u.before("THINK_OF", "UNRESP", 3) or u.before("WISH", "UNRESP", WISH_SPAN))) or \
            thinks_of_not_waking(u):
        return True
    # "i keep thinking about how easy it would be to take the drugs from work and just not wake up": not waking
    # after a medicine taken, thought of by oneself
    if "PERSON" not in u and u.any("MED", "OD") and u.before("THINK_OF", "UNRESP", 16) and "FIRST_P" in u:
        return True
    # "how much longer ... keep living like this. i dont want to"
    return "LIVE_ON_STRONG" in u and (u.before("ENDURE", "LIVE_ON_STRONG", 8) or
                                      _negated_wish_after(u, "LIVE_ON_STRONG"))


def _negated_wish_after(u: Unit, concept: str) -> bool:
    wishes = [w for w in u.hits.get("WISH", ()) if w - 1 in u.hits.get("NOT", ()) or w - 2 in u.hits.get("NOT", ())]
    return any(0 < w - c <= 60 for c in u.hits.get(concept, ()) for w in wishes)


def _self_harm(u: Unit) -> bool:
    """Self-harm by name, or in its signs: a harm done to oneself to cope, till it bleeds, with a blade or a lighter;
    cuts on the thighs or wrists; a blade got out "not used yet"; blades found with blood."""
    if "SELF_HARM" in u and "SELF_ACCIDENT" not in u:  # (a cut said of a medicine is a change: the lexicon)
        return True
    # "he's going to hurt himself tonight": announced, not feared in a seizure or a fall
    # (with a time: "tonight", "now"; not "going to hurt himself if he keeps climbing like that")
    if "WILL_HURT_SELF" in u and u.any("RECENT", "NOW_WEAK", "NOW_STRONG") and not u.any(
            "SEIZ", "SEIZ_PL", "CONV", "SIGN", "FALL", "WHEN_W", "HYPO", "WHAT_IF", "IT_HAPPENS", "ONE_PRO",
            "SELF_ACCIDENT", "ING"):
        return True
    on_purpose = u.any("ON_PURPOSE", "ON_PURPOSE_P") and u.any("HARM_VERB", "INJURY")  # "burned my arm on purpose"
    if on_purpose and "FIRST_P" in u:
        return True
    if "SELF_ACCIDENT" in u:
        return False
    # "burning my arm with a lighter", "scratching my skin till it bleeds", "punch walls till my knuckles crack"
    harmed = u.near("HARM_VERB", "BODY", 3) or u.near("HARM_VERB", "SH_SITE", 3)
    if harmed and "FIRST_P" in u and u.any("COPING", "INTENSE", "INSTRUMENT"):
        return True
    if u.near("CUT_NOUN", "SH_SITE", 3) and u.any("FIRST_P", "PERSON"):  # "cuts on her thighs"
        return True
    return "INSTRUMENT" in u and (u.any("NOT_YET", "DWELL") or ("INJURY" in u and "PERSON" in u))


def _wish_to_die(u: Unit) -> bool:
    """ "want ... die", "wish ... dead", not "don't want to die" (a fear, not a wish)."""
    nots = set(u.hits.get("NOT", ()))
    for position in u.hits.get("WISH", ()):
        if position - 1 in nots or position - 2 in nots:
            continue
        if any(1 <= d - position <= 5 for d in u.hits.get("DEATH", ())):
            return True
        # "she wishes she'd never woken up from the coma": a wish for death itself, whoever's it is
        if any(1 <= d - position <= 3 for d in u.hits.get("DEATH_STRONG", ())):
            return True
    return False


def _cannot_go_on(u: Unit) -> bool:
    """ "i cant go on", "dont want to keep living"; not "they won't let him go on the residential" (someone let
    or not let to go on with something: "him", "her", "them" just before)."""
    objects, nots = {*u.hits.get("PRO_OBJ", ()), *u.hits.get("PRONOUN", ())}, u.hits.get("NOT", ())
    return any(position - 1 not in objects and any(1 <= position - n <= 5 for n in nots)
               for position in u.hits.get("LIVE_ON", ()))


def _planned(u: Unit) -> bool:
    return u.before("PLAN", "ACTIVE", 6) or u.before("PLAN", "PASSIVE", 6) or u.before("PLAN", "WISH_DEAD", 6)


def _overdose_told(u: Unit) -> bool:
    """An overdose taken, told: "overdosed", or a medicine taken in an amount ("took more pills than i should")."""
    return "OD_PAST" in u or (u.any("TOOK", "SWALLOWED") and u.any("TOO_MUCH", "MANY_PILLS", "ALL") and
                              u.any("MED", "MED_MSG"))


def thinks_of_not_waking(u: Unit) -> bool:
    """ "I've started thinking about not waking up": a thought owned by the writer ("i" at most 3 words before it),
    "not waking" at most 3 words after it, nobody named between (not "i keep thinking about him not waking up")."""
    me = u.hits.get("FIRST_P", ())
    others = [*u.hits.get("PERSON", ()), *u.hits.get("PRONOUN", ()), *u.hits.get("CHILD", ())]
    return any(any(0 < t - m <= 3 for m in me) and 0 < p - t <= 3 and not any(t < o < p for o in others)
               for t in u.hits.get("THINK_OF", ()) for p in u.hits.get("UNRESP", ()))
