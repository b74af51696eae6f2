"""A unit of a message (a sentence, a window of a long one, or two sentences together) and how it talks.

`bot.nlu.safety` and `bot.nlu.safety_crisis` decide on a unit's concepts; this module holds what
both read: where concepts are (`Unit`), whether the unit speaks of now, of the past or in general
(`read_frame`), and whether it changes a medicine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Tier = Literal["certain", "possible"]
Hits = dict[str, list[int]]  # concept -> its word positions in a unit (bot.nlu.safety_lexicon finds them)


class Unit:
    """The concepts of one sentence (or window, or pair of sentences), with their word positions."""

    __slots__ = ("hits",)

    def __init__(self, hits: Hits) -> None:
        self.hits = hits

    def __contains__(self, concept: str) -> bool:
        return concept in self.hits

    def any(self, *concepts: str) -> bool:
        return not self.hits.keys().isdisjoint(concepts)

    def count(self, concept: str) -> int:
        return len(self.hits.get(concept, ()))

    def near(self, a: str, b: str, span: int) -> bool:
        """Some `a` and some `b` at most `span` words apart."""
        return _within(self.hits.get(a, []), self.hits.get(b, []), -span, span)

    def before(self, a: str, b: str, span: int) -> bool:
        """Some `b` 1..`span` words after some `a`."""
        return _within(self.hits.get(a, []), self.hits.get(b, []), 1, span)


def _within(first: list[int], second: list[int], low: int, high: int) -> bool:
    """Is there a pair with low <= second - first <= high? (both lists short and sorted)."""
    return any(low <= y - x <= high for x in first for y in second) if first and second else False


@dataclass(frozen=True, slots=True)
class Frame:
    """How a unit talks: now or in the past, about a real person or in general."""

    now: bool  # happening now: "right now", "is seizing", "still shaking", "help!", "ambulance is coming"
    calm: bool  # a history or a knowledge question, with nothing saying it is happening now
    habitual: bool  # "sometimes", "every week", "he gets seizures"
    event: bool  # something happened: "had a seizure", "collapsed", "just"
    present: bool  # an event said in the present tense, not hypothetical nor lasting ("she is not breathing")
    changed: bool  # a change said in the present perfect ("her face has dropped"), one of the present ones


def read_frame(u: Unit) -> Frame:
    """Now or not, calm (a history or a question), habitual, an event."""
    progressive = "ING" in u and is_progressive(u)
    # "having" only counts with one seizure (see is_progressive): "she's still having fits" is the illness
    ing = set(u.hits.get("ING", ())) - set(u.hits.get("HAVING", ()))
    # ... and "has complex partial seizures (staring, lip smacking ...)": signs listed after seizures named in the
    # plural describe their kind
    ing -= {i for i in ing if any(0 < i - s <= 2 for s in u.hits.get("SEIZ_PL", ()))}
    nows = [n for n in u.hits.get("NOW_WEAK", []) if not still_despite_medicine(u, n)]
    now_next_to_event = bool(nows) and (any(_within(nows, u.hits.get(c, []), -1, 1) for c in (
        "SEIZ", "CONV", "SIGN", "UNRESP", "ANOTHER")) or any(abs(n - i) <= 1 for n in nows for i in ing))
    # "pt seizure 3 mins now": the minutes it has lasted between the seizure and the now
    seen = [p for c in ("SEIZ", "CONV", "SIGN") for p in u.hits.get(c, ())]
    lasting = not u.any("PAST", "STOPPED", "FINE_NOW", "WELL") and any(
        _within(seen, [t], 1, 2) and _within([t], nows, 1, 3) for t in u.hits.get("SHORT_T", ()))
    now_next_to_event = now_next_to_event or lasting
    # Present tense with a sign, or a bare "-ing" sign ("grandad stiff and shaking in his chair")
    present_scene = "PAST" not in u and (bool(ing) or u.before("PRESENT", "SIGN", 3) or u.before("PRESENT", "CONV", 3))
    # "won't stop" is now for one seizure, the illness for "my seizures won't stop"
    not_stopping = "NOT_STOP" in u and (u.any("SEIZ", "CONV", "SIGN") or bool(ing))
    # ... unless a rhythm is said of that very event: "husband still fitting monthly" is the illness, but "my son
    # is fitting, he has seizures every day" is a seizure now
    events = (*u.hits.get("ING", ()), *u.hits.get("CONV", ()))
    rhythm = any(0 < r - e <= 2 for r in u.hits.get("RHYTHM", ()) for e in events)
    # ... and "seizure still coming every day": a seizure named, "still" after it, a rhythm after that
    stills = [e for c in ("SEIZ", "SEIZ_PL") for e in u.hits.get(c, ()) if e + 1 in nows]
    rhythm = rhythm or any(0 < r - e <= 3 for r in u.hits.get("RHYTHM", ()) for e in stills)
    weak_now = (progressive or now_next_to_event) and not rhythm
    if "WELL" in u and u.any("HISTORY", "KNOWLEDGE", "SINCE", "DIAG"):  # "hes fine, is choking during a fit a thing?"
        weak_now = False
    overriding = u.any("NOW_STRONG", "URGENT", "AMBULANCE") or not_stopping or weak_now
    # "how should you help when someone is having a seizure": after a hypothetical only "right now" or "help!"
    # count; an event said before it is not hypothetical ("she is fitting, what do we do when they are like this")
    # ... nor "when do i call an ambulance hes been fitting 6 minutes": someone named fitting for minutes now
    timed_now = "LONG" in u and "PRONOUN" in u and u.any("AUX_NOW", "PRESENT") and u.any("CONV", "ING")
    hypothetical = "HYPO" in u and not _before_hypo(u) and not timed_now and not _told_after_the_supposing(u)
    if hypothetical:
        overriding = u.any("NOW_STRONG", "URGENT", "AMBULANCE")
    now = overriding or (present_scene and not hypothetical)
    aged = "AGE_AT" in u and not u.any("JUST", "RECENT")  # "first fit at age 30, just now" is not a history
    # "normally ... but this time": the usual named to say this is different, no general statement
    knowledge = "KNOWLEDGE" in u and not ("UNUSUAL" in u and set(u.hits["KNOWLEDGE"]) <= set(u.hits.get("HABITUAL", ())))
    # "he has had epilepsy for years and just had a seizure on the stairs": an event minutes old, beside the illness
    recent = _just_happened(u)
    changed = _changed_now(u)
    present = _said_now(u, changed)
    calm = (aged or knowledge or u.any("HISTORY", "SINCE", "DIAG", "KNOW_HELP", "HYPO")) and not overriding and \
        not present and not recent
    # "it normally only lasts 30 seconds": the usual is named to say this one is different
    habitual = u.any("HABITUAL", "CHRONIC") and not overriding and "UNUSUAL" not in u and not recent and \
        not _now_after_the_habit(u)
    event = now or u.any("PAST", "JUST", "RECENT", "CONV", "COLLAPSE")
    return Frame(now, calm, habitual, event, present, changed)


STILL_SPAN = 6  # "he take 3 medicine, still seizure": the medicine this close before "still"


def still_despite_medicine(u: Unit, position: int) -> bool:
    """ "my son take 3 medicine and still seizure": "still" after a medicine, before the noun, says the treatment
    fails, not that a seizure is going on ("gave his rescue med, still seizing" is one going on). After a
    treatment taken for a while ("on her third medicine", "his blood levels are in range") "still fitting" is the
    illness too."""
    nouns = (*u.hits.get("SEIZ", ()), *u.hits.get("SEIZ_PL", ()))
    regime = on_a_regime(u)
    if regime:
        nouns = (*nouns, *u.hits.get("CONV", ()))
    elif position + 1 in u.hits.get("ING", ()):
        return _still_having_despite(u, position)
    # ("my mother take 3 medicines and still seizure": medicines counted are a treatment taken for a while)
    return position + 1 in nouns and (regime or "REGIME" in u or any(
        0 < position - m <= STILL_SPAN for m in (*u.hits.get("RESIST", ()), *u.hits.get("RESIST_ANY", ()))))


def _still_having_despite(u: Unit, position: int) -> bool:
    """ "the doctor reduced her levetiracetam but she is still having small jerks": "still having" signs or
    seizures, not one ("still having a seizure"), a medicine named before: the illness goes on. Any other "-ing"
    after "still" is one going on ("gave his rescue med, still seizing")."""
    if position + 1 not in u.hits.get("HAVING", ()):
        return False
    after = (position + 2, position + 3)
    if any(p in after for p in u.hits.get("SINGULAR", ())):
        return False
    events = (*u.hits.get("SIGN", ()), *u.hits.get("SEIZ_PL", ()))
    medicines = (*u.hits.get("MED", ()), *u.hits.get("RESIST", ()))
    return any(p in after for p in events) and any(0 < position - m <= 3 * STILL_SPAN for m in medicines)


def on_a_regime(u: Unit) -> bool:
    """A treatment taken for a while: the medicine counted ("on her second medicine", "third medicine", "on two
    tablets") or its blood levels."""
    # "on two tablets", "on 3 seizure meds", "even on meds", "been on three different epilepsy tablets"; "3 meds and
    # still fitting" (a count, none taken now)
    return "REGIME" in u or u.before("ANOTHER", "MED", 2) or u.before("TRIED", "MANY_PILLS", 3) or \
        u.before("ON_COUNT", "MED", 4) or ("MANY_PILLS" in u and not u.any("TOOK", "SWALLOWED", "MAYBE_TOOK"))


# What is wrong with someone, said in the present ("she is not breathing", "his lips are blue", "he is unresponsive")
# ("what is status epilepticus" is a definition: status is not among them)
_EVENTS = ("BREATH_BAD", "COLOUR", "UNRESP", "SIGN", "CONV", "DEFICIT", "DROOP", "SPEECH_BAD")
_CHANGES = ("DROOP", "COLOUR", "UNRESP", "BREATH_BAD")  # not DEFICIT: "has been weak since his stroke"
PRESENT_SPAN = 3  # "is" ... the event: "she is not breathing", "his lips are turning blue"
CLUSTER_SPAN = 5  # "has had three seizures in a row"
RECENT_SPAN = 6  # "just had a seizure", "went black 5 minutes ago": the time this close to the event
LASTS_SPAN = 6  # "her face is drooping a little since his stroke": "since" this close after the event says it lasts
WITH_SPAN = 2  # "her speech is slurred when she is tired": a "when" right after the event says it comes with that


def _first_hypo(u: Unit) -> int | None:
    return min(u.hits.get("HYPO", ()), default=None)


def _event_positions(u: Unit) -> list[int]:
    """Where the events are; not one said of seizures in the plural ("she is unresponsive during her absences"):
    what the illness does, not what is happening."""
    plural, during = u.hits.get("SEIZ_PL", ()), u.hits.get("DURING", ())
    return [p for concept in _EVENTS for p in u.hits.get(concept, ())
            if not any(p < d < s <= p + 3 for s in plural for d in during)]


def _told_after_the_supposing(u: Unit) -> bool:
    """ "if mum has a seizure now what do i do, she is fitting": someone said to be seizing, well after the
    supposing ("if she is fitting, what do i do" is still supposed)."""
    first = _first_hypo(u)
    if first is None:
        return False
    told = [*u.hits.get("ING", ()), *u.hits.get("CONV", ())]
    # (not "how should you help when someone is having a seizure": "when" supposes the one after it too)
    supposing = {*u.hits.get("WHEN_W", ()), *u.hits.get("HYPO", ())}
    subjects = {p for c in ("PERSON", "PRONOUN") for p in u.hits.get(c, ())
                if not any(0 < p - w <= 2 for w in supposing)}
    # ... and told after the question the supposing led to ("what should i do if i wake up and hes having one"
    # supposes it all)
    # ... or after the call asked about ("when should i call an ambulance my son is having a seizure")
    asked = [q for c in ("ASK", "FA_DO", "ADVICE", "FA_OBJECT") for q in u.hits.get(c, ()) if q > first]
    return any(e - first > TOLD_AFTER_SPAN and any(q < e for q in asked) and any(
        e - p in (1, 2) and (p - 1 in subjects or p in subjects) for p in u.hits.get("PRESENT", ())) for e in told)


TOLD_AFTER_SPAN = 4  # "if she is fitting": the seizing this close after "if" is what is supposed


def _before_hypo(u: Unit) -> bool:
    """An event said before the unit's first hypothetical ("he is shaking, what do i do if it gets worse")."""
    first = _first_hypo(u)
    # (an injury, a fall or a collapse told first too: "he hit his head hard during a fit and is bleeding, if it goes
    # on what do i do")
    told = [p for c in ("INJURY", "BLEED_BAD", "COLLAPSE", "WATER") for p in u.hits.get(c, ())]
    return first is not None and any(p < first for p in (*_event_positions(u), *told))


def _live(u: Unit, positions: Iterable[int]) -> list[int]:
    """The event positions said before any hypothetical, neither lasting since something nor coming with
    something."""
    first_hypo = _first_hypo(u)
    since, when, commas = u.hits.get("SINCE_W", ()), u.hits.get("WHEN_W", ()), u.hits.get("COMMA", ())
    # (a "when" after a comma opens a clause of its own: "she is not breathing, when someone goes blue what do we do")
    return [p for p in positions if (first_hypo is None or p < first_hypo)
            and not any(0 < s - p <= LASTS_SPAN for s in since)
            and not any(0 < w - p <= WITH_SPAN and not any(p <= c < w for c in commas) for w in when)]


def _said_now(u: Unit, changed: bool) -> bool:
    """An event in the present tense, not inside a hypothetical: it is happening, whatever history, diagnosis or
    question is said beside it ("my son was diagnosed last year and he is not breathing", "she is not breathing,
    it happened last year too", "he is fitting - sorry, is it normal?"). Not "what if she is not breathing", nor a
    question after saying all is well ("hes fine, but now hes got epilepsy, is choking during a seizure a thing?"),
    nor a state that lasts or comes with something ("her face is drooping a little since his stroke", "her speech
    is slurred when she is tired"). `changed`: a change said in the present perfect (`_changed_now`) is one."""
    if "WELL" in u or u.before("Q_MODAL", "SEIZ_PL", 2):  # "are the seizures where she's ... not responding ..."
        return False  # a question about kinds of seizure
    if changed:
        return True
    pasts = u.hits.get("PAST", ())
    # not "she's had tingling for a year"; but "she's collapsed and not responding" is now
    collapsed = u.hits.get("COLLAPSE", ())
    presents = [a for a in u.hits.get("PRESENT", ()) if a + 1 not in pasts or a + 1 in collapsed]
    # a colour is said with its verb inside ("lips are blue", "lips are going grey")
    colours = u.hits.get("COLOUR", ())
    if any((1 <= p - a <= PRESENT_SPAN or (a - p == 1 and p in colours)) for p in _live(u, _event_positions(u))
           for a in presents):
        return True
    # "im 30 weeks pregnant and having a seizure": a convulsion in "-ing" after "and", the present said before it
    ands = u.hits.get("AND", ())
    pasts_all = (*pasts, *u.hits.get("PAST_V", ()))
    for p in _live(u, set(u.hits.get("CONV", ())) & set(u.hits.get("ING", ()))):
        if p - 1 in ands and any(1 <= p - a <= 8 for a in presents) and not any(1 <= p - q <= 8 for q in pasts_all):
            return True
    # "she has had three seizures in a row": seizures running into each other, in the present perfect
    # (not the noun: "has had clusters of seizures since she was a baby" is the illness)
    nouns = u.hits.get("SEIZ_PL", ())
    had = [a for a in u.hits.get("PERFECT", ()) if a + 1 in pasts]  # "has had", not "has many seizures" (possession)
    return any(1 <= p - a <= CLUSTER_SPAN for p in _live(u, u.hits.get("ANOTHER_STRONG", ())) for a in had
               if p not in nouns)


def _changed_now(u: Unit) -> bool:
    """ "her face has dropped", "he has gone blue": the present perfect of a change; not "she has jerks" (possession),
    nor "his arm is weak" (a state, maybe since an old stroke)."""
    changes = _live(u, (p for c in _CHANGES for p in u.hits.get(c, ())))
    return any(1 <= p - a <= PRESENT_SPAN for p in changes for a in u.hits.get("PERFECT", ()))


def _now_after_the_habit(u: Unit) -> bool:
    """ "he has fits every day, now he wont wake up": after the habit, a comma, then "now" opening a clause that tells
    something wrong."""
    habits = [p for c in ("HABITUAL", "CHRONIC") for p in u.hits.get(c, ())]
    nows = [n for n in u.hits.get("NOW_WEAK", ()) if n - 1 in u.hits.get("COMMA", ()) and all(h < n for h in habits)]
    return any(e > n for n in nows for c in ("UNRESP", "BREATH_BAD", "COLOUR", "NOT_STOP", "INJURY")
               for e in u.hits.get(c, ()))


def _just_happened(u: Unit) -> bool:
    """An event with "just" or "minutes ago" beside it, not inside a hypothetical."""
    first_hypo = _first_hypo(u)
    times = (*u.hits.get("JUST", ()), *u.hits.get("AGO", ()))
    events = [p for c in (*_EVENTS, "SEIZ", "COLLAPSE", "INJURY", "WATER") for p in u.hits.get(c, ())
              if first_hypo is None or p < first_hypo]
    return any(abs(p - t) <= RECENT_SPAN for p in events for t in times)


def is_progressive(u: Unit) -> bool:
    """ "is seizing", "been fitting", "still shaking", "is having a seizure" (one seizure: "is having seizures"
    is an illness, not an event)."""
    chronic = u.any("MED", "HABITUAL", "CHRONIC", "DIAG", "KNOWLEDGE")
    for position in u.hits.get("ING", ()):
        # "having a big one": a sentence that starts with "having" has dropped its "im"; "mom having seizure on floor
        # now": a sentence that opens with the person has dropped the "is"
        opens = position in u.hits.get("HAVING", ()) and (position == 0 or (position == 1 and 0 in u.hits.get(
            "PERSON", ())))
        if not opens and not any(p in (position - 1, position - 2) for p in u.hits.get("AUX_NOW", ())):
            continue
        if position in u.hits.get("HAVING", ()):
            if position - 1 in u.hits.get("NOW_WEAK", ()) and still_despite_medicine(u, position - 1):
                continue  # "still having small jerks" after a medicine: the illness
            after = (position + 1, position + 2)
            if any(p in after for p in (*u.hits.get("SINGULAR", ()), *u.hits.get("SIGN", ()))):
                return True  # "is having a seizure", "been having this twitching"
            if another_seizure_after(u, position):
                return True  # "she is having another one, should i give her the midazolam"
            # "my little girl is having convulsions"; not "she is having seizures despite keppra", nor "she's still
            # having fits" (an illness that goes on)
            present = position - 1 in u.hits.get("PRESENT", ())
            if present and "PERSON" in u and not chronic and any(p in after for p in u.hits.get("SEIZ_PL", ())):
                return True
            continue
        return True
    return False


def present_having(u: Unit) -> list[int]:
    """Where "having" is said in the present: "is having", "she's having" (an auxiliary one or two words before)."""
    now = u.hits.get("AUX_NOW", ())
    return [h for h in u.hits.get("HAVING", ()) if any(a in (h - 1, h - 2) for a in now)]


def another_seizure_after(u: Unit, having: int) -> bool:
    """ "having another one", "having another seizure": "another" just after this "having", then "one" or a seizure
    word (not "another baby", "another one of her tablets")."""
    seizures = {*u.hits.get("ONE_PRO", ()), *u.hits.get("PRO_OBJ", ()), *u.hits.get("SEIZ", ()),
                *u.hits.get("SINGULAR", ())}
    return not u.near("ANOTHER", "MED", 3) and any(
        a in (having + 1, having + 2) and a + 1 in seizures for a in u.hits.get("ANOTHER", ()))


def changes_medicine(u: Unit) -> bool:
    """A change verb with the medicine as its object ("stop my keppra", or one phrase that is both: "stay on the
    dose"), not "keppra stopped working" or "my seizures stopped when i started keppra"."""
    blockers = u.hits.get("BLOCK", [])
    for verb in u.hits.get("CHANGE", ()):
        for medicine in u.hits.get("MED", ()):
            if 0 <= medicine - verb <= 4 and not any(verb < b < medicine for b in blockers):
                return True
    return False
