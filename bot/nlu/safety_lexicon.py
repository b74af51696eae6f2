"""The safety lexicon: everyday words and phrases folded to concepts, typos and text-speak included.

The tables are in `bot.nlu.safety_phrases`; `bot.safety` decides on combinations of these concepts; this module only says what a message
mentions and where (token positions, for rules that need words close together). Every phrase is
folded the same way as a message: cleaned, negated auxiliaries read as "not" ("can't breathe" ->
"not breathe"), and filler words dropped ("hit his head" -> "hit head"), so one entry covers the
common variants. Words not in the lexicon get one bounded fuzzy look-up against a curated list of
distinctive words ("siezure", "unconcious"): a deletion index finds the candidates in a few dictionary
look-ups per word, and rapidfuzz checks the edit distance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.nlu.normalise import ampersands, clean
from bot.nlu.safety_phrases import (
    DROP,
    FUZZY_TARGETS,
    MEDICINE_NAMES,
    NEGATED,
    NOT_TYPOS,
    NUMBER_WORDS,
    OWN_PASS,
    PHRASES,
    SPELLINGS,
    WORDS,
    words_of,
)
from bot.nlu.safety_unit import Hits

_UNITS = {"seconds": 0, "minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43200, "years": 525600}


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 4:
        return int(word)
    return NUMBER_WORDS.get(word)


def _numbers(core: list[str], hits: Hits, after_for: set[int], ends: Sequence[int] = ()) -> None:
    """Durations and counts: "6 minutes" (LONG), "2 minutes" (SHORT_T), "10 minutes ago" (JUST), "3 seizures"
    (COUNT2), "20 pills" (MANY_PILLS), "in 2019" (HISTORY), "im 38 weeks" (PREGNANT), "half an hour" (LONG). A
    stretch of weeks or more is LASTED: `after_for` holds the core words a dropped "for" came before; `ends`, the
    words a comma follows ("in 98, seizures started": a year)."""
    breaks = set(ends)
    for position, word in enumerate(core):
        value = _number(word) if word[:1].isdigit() or word in NUMBER_WORDS else None
        if value is None and word in ("weeks", "months", "years", "ages") and (
                position in after_for or (position and core[position - 1] in _STRETCH)):
            hits.setdefault("LASTED", []).append(position)  # "for weeks", "over the years": a sign that lasted
        if value is None:
            if word == "hours" and _an_hour(core, position):
                hits.setdefault("LONG", []).append(position)
            continue
        unit = core[position + 1] if position + 1 < len(core) else ""
        if unit == "half" and position + 2 < len(core):  # "5 and a half minutes" reads as 5 minutes
            unit = core[position + 2]
        after = core[position + 2] if position + 2 < len(core) else ""
        ago = after == "ago"
        concept = _duration(value, unit, ago) if unit in _UNITS else None
        # ("Took a bad head injury in 98, seizures started ...": a year said in two digits, a comma after it or no
        # unit)
        if len(word) == 2 and 30 <= value <= 99 and position and core[position - 1] == "in" and (
                position in breaks or (concept is None and unit not in _COUNTED_THINGS)):
            hits.setdefault("HISTORY", []).append(position)
            continue
        # ("ring 999 for a seizure": a number to call, not 999 seizures)
        if concept is None and unit in ("seizures", "fits", "seizure", "fit", "convulsions") and value >= 2 and \
                word not in ("999", "911", "112", "111", "000"):
            concept = None if _spread_out(core, position + 2) else "COUNT2"
        following = core[position + 1:position + 3]
        if concept is None and value >= 3 and any(w in _PILLS or w in MEDICINE_NAMES for w in following):
            concept = "MANY_PILLS"
        if concept is None and 1950 <= value <= 2099 and position and core[position - 1] in ("in", "since", "back"):
            concept = "HISTORY"
        if concept is None and unit in ("weeks", "months", "years") and position and core[position - 1] == "after":
            concept = "HISTORY"  # "he still cant use his hand after 8 months": what an old event left
        if concept is None and unit == "weeks" and 4 <= value <= 42 and after not in ("old", "ago") and position \
                and core[position - 1] in _GESTATION:
            concept = "PREGNANT"  # "im 38 weeks", "a seizure at 20 weeks": weeks of a pregnancy
        if concept is None and value < 100 and position and core[position - 1] in ("at", "aged", "age") and \
                unit not in ("pm", "am", "oclock", "o", *_UNITS):
            concept = "AGE_AT"  # "his first seizure at 3": an age, so long ago unless "just now" says otherwise
        age = value / {"months": 12, "weeks": 52}.get(unit, 1)  # "my 18 month old" is one and a half
        if age < 18 and (unit == "yo" or (unit in ("years", "months", "weeks") and after == "old")):
            hits.setdefault("CHILD", []).append(position)  # "my 3yo", "my 2 year old"
        if concept is None and unit in ("weeks", "months", "years") and after not in ("old", "ago"):
            hits.setdefault("LASTED", []).append(position)  # "couldnt walk for 3 weeks", "9 years post stroke": lasted
        if concept == "AGO":  # "20 mins ago": just happened
            hits.setdefault("JUST", []).append(position)
        if concept:
            hits.setdefault(concept, []).append(position)


_COUNTED_THINGS = frozenset(("seizures", "seizure", "fits", "fit", "pills", "tablets", "percent", "mg", "ml"))
_STRETCH = frozenset(("over", "past", "last", "these", "few", "many", "several", "recent"))
_SPREAD_OVER = frozenset(("in", "over", "within", "across", "during", "this", "last", "past"))


def _spread_out(core: list[str], start: int) -> bool:
    """ "2 seizures in 3 months", "3 fits over the last year": a count spread over weeks or more, not a cluster."""
    after = core[start:start + 4]
    return bool(after) and after[0] in _SPREAD_OVER and any(w in ("weeks", "months", "years") for w in after)


_GESTATION = frozenset(("im", "am", "shes", "is", "at", "pregnant", "now", "currently"))


def _an_hour(core: list[str], position: int) -> bool:
    """ "half an hour", "over an hour", "for hours" (a duration with no number); not "in the last hour", "an
    hour ago"."""
    before = core[max(0, position - 2):position]
    after = core[position + 1] if position + 1 < len(core) else ""
    # ("tell HR about the seizures": "hr" folds to "hours", but told or emailed it is the personnel office)
    office = position > 0 and core[position - 1] in _TO_AN_OFFICE
    # ... nor "confused for hours afterwards": the time after a seizure, not one lasting
    return after not in ("ago", "afterwards", "after") and not office and not any(
        w in ("last", "past", "within", "in", "next", "every", "per") for w in before)


_TO_AN_OFFICE = frozenset(("tell", "told", "telling", "tells", "inform", "informed", "email", "emailed", "contact",
                           "contacted", "ask", "asked", "call", "called", "ring", "rang", "my", "our", "the", "from",
                           "with", "to", "work", "works", "company"))


_COMPARED = frozenset(("hard", "harder", "difficult", "likely", "common", "serious", "dangerous", "resistant",
                       "effective", "severe", "frequent", "often", "painful", "risky", "safe", "easy", "important",
                       "treatable", "aggressive", "tricky", "stubborn", "complicated"))
_HINDSIGHT = frozenset(("should", "shd", "shud", "shld", "shouldve", "ought", "would", "could"))
_SAID_OF_SOMEONE = ("HAVING", "PRESENT", "AUX_NOW", "PRONOUN", "PERSON", "FIRST_P", "PREGNANT", "CHILD")
_KIND_WORDS = frozenset(("type", "types", "kind", "kinds", "sorts"))
_CONSUMED = frozenset(("coffee", "caffeine", "tea", "alcohol", "booze", "drinking", "drink", "drinks", "sugar", "salt",
                       "smoking", "cigarettes", "fags", "vaping", "screen", "screens", "gaming", "carbs", "meat", "dairy",
                       "gluten", "chocolate", "energy", "cola", "wine", "beer", "sweets", "junk", "takeaways"))
_A_THING_MAY = (["this", "can"], ["this", "could"], ["that", "can"], ["that", "could"], ["can", "this"],
                ["could", "this"], ["can", "that"], ["could", "that"], ["which", "can"], ["this", "will"],
                ["will", "this"])
_BODY_BLOCKERS = frozenset(("barrier", "transporter", "transporters", "pump", "pumps", "protein", "proteins", "gene",
                            "genes", "liver", "gut", "body", "antibodies", "glycoprotein"))
_OFF_FROM = frozenset(("work", "school", "uni", "university", "college", "job", "shift", "shifts", "office", "nursery",
                       "exams", "classes", "lectures"))
_PURCHASES = frozenset(("holiday", "holidays", "trip", "vacation", "car", "house", "flat", "wedding", "deposit",
                        "christmas", "birthday", "present", "gift", "uni", "university", "course", "bike", "phone",
                        "laptop", "ticket", "tickets", "flight", "flights", "mortgage", "treatment", "surgery",
                        "scooter", "wheelchair", "ring", "honeymoon", "concert", "festival", "rent"))


def _saved_for_a_purchase(core: list[str], position: int) -> bool:
    """ "saving up for a holiday", "putting by for her wedding": what is saved for is bought, named right after
    (the core words have no "for", "a" nor "her")."""
    return not _PURCHASES.isdisjoint(core[position + 1:position + 4])


# What comes before "in (a) seizure" when someone is in one now
_IS_IN = frozenset(("is", "hes", "shes", "im", "are", "theyre", "still", "now", "currently", "was"))
# Verbs whose "it up" is no dose raised: "write it up", "look it up", "pick them up" (from the pharmacy)
_NOT_DOSE_UP = frozenset(("write", "look", "pick", "set", "bring", "open", "clean", "fill", "sign", "wrap", "book",
                          "follow", "type", "print", "tidy", "hang", "hold", "back", "warm", "heat", "log", "note",
                          "jot", "wind", "calm", "settle", "lie", "sit"))
# Parts that are stiff in MS, arthritis or a morning, not in a seizure
_STIFF_PARTS = frozenset(("hand", "hands", "leg", "legs", "joint", "joints", "neck", "back", "knee", "knees", "finger",
                          "fingers", "muscle", "muscles", "shoulder", "shoulders", "hip", "hips", "wrist", "wrists",
                          "morning", "mornings", "ankle", "ankles", "toes", "feet", "foot"))


def drop_where(hits: Hits, concept: str, wrong: Callable[[int], bool]) -> None:
    """Drop the concept's positions that `wrong` says another reading explains, and the concept if none is left."""
    if concept in hits:
        hits[concept] = [p for p in hits[concept] if not wrong(p)]
        if not hits[concept]:
            del hits[concept]


def _a_living_thing(core: list[str], position: int) -> bool:
    """ "done with the living room", "done with life admin", "take life one day at a time": "living" or "life" naming
    a thing or a way of going on, within a few words."""
    for i in range(position, min(position + 6, len(core) - 1)):
        if core[i] in ("living", "life") and (core[i + 1] in _LIVING_THINGS
                                              or core[i + 1:i + 5] in (["one", "day", "at", "time"],
                                                                       ["one", "days", "at", "time"])):
            return True
    return False


_LIVING_THINGS = frozenset(("room", "rooms", "admin", "insurance", "cost", "costs", "wage", "expenses", "allowance",
                            "situation", "arrangements", "coach", "skills", "style", "hacks", "story", "stories",
                            "easy", "easier", "slow", "slowly", "seriously", "cover", "policy", "expectancy", "lessons"))


def _goes_on_somewhere(core: list[str], position: int) -> bool:
    """ "cant go on rollercoasters", "can't go on the school trip": "go on" or "carry on" with a place or thing
    after it, not "cant go on", "cant go on like this", "cant go on anymore"."""
    window = core[position:position + 4]
    for verb in ("go", "carry"):
        if verb in window and (i := window.index(verb)) + 1 < len(window) and window[i + 1] == "on":
            after = core[position + i + 2] if position + i + 2 < len(core) else ""
            return bool(after) and after not in _GOING_ON
    return False


# What may follow "cant go on" in a wish to stop living ("... like this", "... anymore", "... with it all")
_GOING_ON = frozenset(("anymore", "any", "more", "like", "living", "with", "without", "much", "longer", "no", "this",
                       "being", "hurting", "feeling", "fighting", "pretending", "suffering", "and", "but", "i", "im",
                       "its", "it", "now", "lol", "honestly", "tbh", "either", "alone", "together", "if", "when"))


def _a_limb_jumping(core: list[str], position: int) -> bool:
    """ "his legs keep jumping", "muscles jumping": a body part that jumps, a spasm or a twitch, not a leap."""
    if position >= len(core) or not core[position].startswith("jump"):
        return False
    return any(word in _LIMBS for word in core[max(0, position - 3):position])


_LIMBS = frozenset(("leg", "legs", "arm", "arms", "muscle", "muscles", "foot", "feet", "hand", "hands", "knee",
                    "knees", "toe", "toes", "finger", "fingers", "eyelid", "eyelids", "eye", "eyes", "limb", "limbs",
                    "body", "thigh", "thighs", "calf", "calves"))


_PLEASE = frozenset(("please", "pls", "plz", "plss", "thanks", "thx", "ty"))


def _quick_answer_asked(core: list[str], hits: Hits, position: int) -> bool:
    """ "epilepsy vs just having a seizure whats the diffrence quick pls": a quick answer to a question asked before
    it, the sentence ending on the hurry ("help quick" is a cry; "seizure now quick" says now)."""
    return "KNOWLEDGE" in hits and min(hits["KNOWLEDGE"]) < position and "help" not in core and \
        all(word in _PLEASE for word in core[position + 1:])


def _stopping_something_else(core: list[str], hits: Hits, position: int) -> bool:
    """ "he hasnt stopped talking", "she wont stop crying": what does not stop is named, and it is no sign of a
    seizure ("hasnt stopped shaking" is)."""
    for i in range(position, min(position + 4, len(core) - 1)):
        if core[i].startswith("stop"):
            after = core[i + 1]
            return after.endswith("ing") and i + 1 not in hits.get("SIGN", ()) and i + 1 not in hits.get("CONV", ())
    return False


def _medicine_not_stopping_them(core: list[str], hits: Hits, position: int) -> bool:
    """ "medicine not stop seizure", "the pills dont stop her fits", "seizure not stop with medicine": the treatment
    fails, a question about the illness; not a seizure going on. Not with a rescue medicine or anything saying now
    ("still seizing after the buccal midazolam", "not stopping with meds, 6 minutes now")."""
    if not hits.keys().isdisjoint(_NOW_ALARM) or not _RESCUE.isdisjoint(core):
        return False
    medicines = set(hits.get("MED", ())) | {i for i, w in enumerate(core) if w in _TREATMENTS}
    if medicines & {position - 1, position - 2}:  # the medicine, the subject that does not stop them
        return True
    return any(core[i] in ("with", "on", "despite") and medicines & {i + 1, i + 2}
               for i in range(position + 1, min(position + 5, len(core))))


def _rescue_failing_now(core: list[str], hits: Hits, position: int) -> bool:
    """ "not stopping even with the buccal midazolam", "not stopping with meds, 6 minutes now": a seizure going on
    that a rescue medicine has not stopped, or one timed now; not the illness's "not stopping with his tablets"."""
    if core[position] != "not" or position + 1 >= len(core) or not core[position + 1].startswith("stop"):
        return False
    return not _RESCUE.isdisjoint(core) or not hits.keys().isdisjoint(_NOW_ALARM)


def _having_something_else(core: list[str], position: int) -> bool:
    """ "i keep having thoughts of killing myself", "she keeps having headaches": something other than seizures
    coming again ("keeps having them", "keeps having one after another", "keeps having fits" stay)."""
    window = core[position:position + 3]
    if "having" not in window:
        return False
    at = position + window.index("having") + 1
    return at < len(core) and core[at] in _NOT_SEIZURES


_NOT_SEIZURES = words_of("""thoughts thought dreams nightmares flashbacks headaches headache migraines migraine panic
    attacks infections infection accidents falls problems issues trouble bad doubts
    urges feelings ideas visions hypos hypo hypers utis tantrums nosebleeds
    run go get wee pee use wait sit lie rest rush dash""")  # ("i keep having to run to the toilet every hour")


def _going_over_it(core: list[str], hits: Hits, position: int) -> bool:
    """ "i keep going over and over it": thoughts turned over, not seizures ("seizures keep going over and over")."""
    return core[position] == "over" and position > 0 and core[position - 1] in ("going", "go", "goes", "went") and \
        hits.keys().isdisjoint(("SEIZ", "SEIZ_PL", "CONV", "SIGN"))


def _joining_something(core: list[str], position: int) -> bool:
    """ "he want join the team at school": joining a team or a club, not the dead ("i just want to join him")."""
    if core[position] != "join" or position + 1 >= len(core):
        return False
    return core[position + 1] not in _JOINED_IN_DEATH


_JOINED_IN_DEATH = words_of("""him her them god jesus angels heaven husband wife mum mom mam dad son daughter brother
    sister grandma grandad nan gran baby partner family""")


_NOW_ALARM = frozenset(("NOW_STRONG", "URGENT", "AMBULANCE", "LONG", "STATUS", "UNRESP", "BREATH_BAD", "COLOUR"))
_RESCUE = words_of("""rescue buccal midazolam midaz diazepam lorazepam epistatus buccolam stesolid valium""")


def _going_somewhere(core: list[str], position: int) -> bool:
    """ "is he still going to school", "she keeps going to the loo": going somewhere, not a seizure going on."""
    if core[position:position + 2] not in (["still", "going"], ["keeps", "going"]) or position + 2 >= len(core):
        return False
    after = core[position + 2]
    return not (after in _GOING_ON_STILL or after[:1].isdigit())


_GOING_ON_STILL = frozenset(("on", "now", "strong", "still", "and", "for", "after", "minutes", "mins", "min", "over",
                             "longer"))


def _going_on_with_a_medicine(core: list[str], hits: Hits, position: int) -> bool:
    """ "i wonder if its worth carrying on with the tecfidera": going on with a medicine, not with living."""
    return any(0 < m - position <= 8 and "with" in core[position:m] and not _GOING.isdisjoint(core[position:m])
               for m in hits.get("MED", ()))


_GOING = frozenset(("carrying", "carry", "going", "go"))


def _training(core: list[str], position: int) -> bool:
    """ "i want to train bea safely": "train" as a verb, with no track, platform or front of it near."""
    if position >= len(core) or core[position] != "train":
        return False
    near = core[max(0, position - 3):position + 3]
    return _RAIL.isdisjoint(near)


_RAIL = frozenset(("front", "under", "jump", "jumping", "step", "stepping", "walk", "walking", "lie", "lying", "hit",
                   "tracks", "track", "platform", "line", "station", "rails", "railway", "of", "a", "the", "by"))


def _cut_out(core: list[str], position: int) -> bool:
    """ "can they cut that bit out", "cut out the scar tissue": a surgeon's cut, which takes something out."""
    window = core[position:position + 6]
    if "cut" not in window:
        return False
    after = window[window.index("cut") + 1:][:3]
    return "out" in after and _REFLEXIVE.isdisjoint(after)  # not "i cut myself again tonight, moving out"


_REFLEXIVE = frozenset(("myself", "himself", "herself", "themselves", "yourself", "me", "my", "his", "her"))


def _an_onset(core: list[str], position: int) -> bool:
    """ "my seizures started right after a nasty virus": the condition's onset after something else, not a seizure
    starting right after the last one ("another started right after the first")."""
    if core[position] not in ("started", "start", "starts", "began"):
        return False
    after = core[position + 3:position + 4] if core[position + 1:position + 3] in (["right", "after"], ["straight", "after"]) else []
    return bool(after) and after[0] not in _THE_LAST_ONE


def _generic_something_else(core: list[str], hits: Hits, position: int) -> bool:
    """ "is it just generic exercises": generic said of something not a medicine (not "switched to generic keppra")."""
    if core[position] not in ("generic", "generics") or position + 1 >= len(core):
        return False
    return position + 1 not in hits.get("MED", ()) and core[position + 1] not in _MEDICINE_FORMS


def _more_of_something_else(core: list[str], hits: Hits, position: int) -> bool:
    """ "what if i took more exercise", "can i skip a few lessons": more, fewer or some of something not a medicine
    ("skip a few days of my tecfidera" is its doses)."""
    window = core[position:position + 5]  # the phrase's own words: "take half the dose ... for the first few weeks"
    more = next((i for i, w in enumerate(window) if w in _HOW_MUCH), None)
    if more is None or position + more + 1 >= len(core):
        return False
    after = position + more + 1
    if core[after] in _SPANS:  # "a few days of physio" or "of my tecfidera": what follows says
        following = range(after + 1, min(after + 4, len(core)))
        return not any(p in hits.get("MED", ()) or core[p] in _MEDICINE_FORMS for p in following)
    word = core[after]
    return after not in hits.get("MED", ()) and not word.isdigit() and word not in _MEDICINE_FORMS \
        and word not in _DOSE_WORDS


_HOW_MUCH = frozenset(("more", "extra", "less", "double", "few", "couple", "some"))
_SPANS = frozenset(("days", "nights", "weeks", "times", "mornings", "evenings"))
_DOSE_WORDS = words_of("""because since cos coz but so as
    of than dose doses today tonight now then too it them this that mg ml his her my injections
    injection infusions infusion shots shot jabs jab he she will would get help work better""")
_MEDICINE_FORMS = words_of("""version versions brand brands one ones form forms kind type tablets tablet pills pill meds
    med medicine medicines medication medications drug drugs capsules capsule tabs""")
_THE_LAST_ONE = words_of("""first one other another last previous that it this seizure fit seizures fits he she""")


_VACCINATED = frozenset(("flu", "covid", "booster", "hpv", "mmr", "tetanus", "shingles", "pneumonia", "travel"))
_SUBJECT_PRONOUNS = frozenset(("i", "he", "she", "they", "we", "you", "u", "it", "one"))
_SUPPOSED_VERBS = frozenset(("has", "have", "seizes", "fits", "gets", "starts"))
_DOSE_FOLLOWERS = frozenset(("mg", "ml", "milligrams", "tablets", "tablet", "pills", "pill", "doses", "dose", "instead",
                             "tonight", "now", "today", "tomorrow", "more", "extra", "puffs", "drops"))
_PACKS = frozenset(("boxes", "box", "packs", "pack", "packets", "packet", "bottles", "bottle", "prescriptions", "scripts"))
_GIVEN_TO = frozenset(("her", "him", "them", "me", "us", "it"))
_SAID_GOING_ON = frozenset(("is", "are", "was", "were", "hes", "shes", "im", "keeps", "still", "been", "now", "started"))
_SEIZURE_NOUNS = frozenset(("fits", "fit", "seizures", "seizure", "ones", "episodes", "episode", "spells", "spell",
                            "attacks", "attack", "type", "types", "kind", "kinds"))
# Words before "staring" that make it others' look or a kind described ("everyone staring", "like staring")
_NOT_A_STARE_AFTER = frozenset(("everyone", "everybody", "people", "they", "kids", "strangers", "others", "folk", "folks",
                      "like", "also", "the"))
_AFTER_EFFECTS = frozenset(("confused", "sleepy", "drowsy", "tired", "exhausted", "groggy", "dazed", "wiped"))
_PLEAS = (["what", "to"], ["what", "do"], ["what", "i"], ["what", "should"], ["how", "to"], ["what", "we"])
_ASKED_LOOKS = frozenset(("can", "does", "do", "might", "may"))
_QUICK_THINGS = frozenset(("revision", "check", "recap", "refresh", "refresher", "question", "q", "qs", "one", "query",
                           "summary", "overview", "reminder", "tip", "tips"))
_QUESTION_OPENERS = frozenset(("what", "how", "when", "where", "which", "who", "can", "could", "should", "is", "do",
                               "does"))
_ONLY = words_of("""one seizures fits adding another normal like because how epilepsy stress anxiety on wrong a an
    the""")  # ("she's just on the wrong one": only, simply)
# "ongoing inflammation": a lasting condition named, not a seizure going on
_LASTING = words_of("""inflammation condition problem problems issue issues illness treatment symptoms fatigue pain
    damage disease research trials support care monitoring therapy""")
_REFUSED_ACTS = frozenset(("give", "let", "allow", "administer", "do", "pay", "fund", "prescribe", "cover", "see"))
# After "just", these make it a hedge, not a time: "just wondering", "just want to talk", "just feel low"
_HEDGED = words_of("""wondering want wanted wanna feel feeling feels need needed curious asking checking think
    thought saying venting vent emotional frustrated tired fed bored share sharing because in so dont not wish
    wondered like love hate worried scared sad annoyed upset trying try
    said says told tells diagnosed confirmed mentioned explained gave doubling double skipping skip""")


_KINDS_OF_MEDICINE = frozenset(("medicine", "medicines", "medication", "medications", "drugs", "drug", "meds",
                                "kinds", "types", "different", "antiepileptics", "aeds"))
_A_DOSE_TIME = frozenset(("tonight", "today", "now", "instead", "together", "once", "extra", "morning", "evening",
                          "night", "double"))
_OPEN = frozenset(("open", "opens", "opened", "stay", "stays", "closes", "close", "work", "works", "working"))
# Who may refuse to carry or give a medicine, not refuse to take it ("is her school allowed to refuse to take her
# rescue meds on a trip")
_INSTITUTIONS = frozenset(("school", "schools", "nursery", "college", "uni", "university", "teacher", "teachers", "staff",
                           "airline", "airlines", "airport", "employer", "boss", "camp", "club", "pharmacy", "chemist"))
_TRAVEL = frozenset(("holiday", "holidays", "abroad", "airport", "airports", "plane", "flight", "flights", "flying",
                     "luggage", "suitcase", "customs", "trip", "travel", "travelling", "traveling", "overseas", "cruise"))
_RISING_THINGS = frozenset(("seizures", "seizure", "fits", "fit", "relapses", "attacks", "they", "levels", "numbers",
                            "weight", "it"))
_SPASMS = frozenset(("spasming", "spasms", "spasm", "spasmed", "cramping", "stiffening", "jumping", "twitching"))
_STIFF = frozenset(("stiff", "tight", "rigid"))
_LEGS = frozenset(("leg", "legs", "foot", "feet"))
_LEG_ALARMS = frozenset(("LONG", "STATUS", "NOT_STOP", "NOW_STRONG", "URGENT", "UNRESP", "BREATH_BAD", "COLOUR",
                         "AMBULANCE", "SEIZ", "CONV"))
_SLEEP_WORDS = frozenset(("sleeping", "asleep", "sleep", "slept"))
_PUSHED = frozenset(("push", "pushing", "pushed", "move", "moving", "moved", "bump", "bumping"))
_SWAPS = frozenset(("swap", "swaps", "switch", "switches", "change", "changes", "substitute", "brand", "brands"))
_TAKES = frozenset(("injects", "takes", "has", "gets", "uses", "injecting", "taking", "inject", "take"))
_AMOUNTS = frozenset(("much", "some", "half", "none", "most", "that", "it"))
_LOSSES = frozenset(("hair", "weight", "appetite", "balance", "memory", "sleep", "vision", "sight", "job", "friends",
                     "confidence", "interest", "pounds", "kilos", "stone"))
_MORE_OF_THINGS = frozenset(("something", "anything", "nothing", "what", "else", "sth", "much"))
# A supply of medicine ("prescription refill how early can i get it"): earlier or later is when it is fetched
_SUPPLY = frozenset(("refill", "refills", "repeat", "repeats", "renew", "renewal", "reorder", "collect", "collection"))
_FETCH = frozenset(("get", "collect", "order", "reorder", "renew", "refill", "pick", "request"))
_PRICED = frozenset(("cost", "costs", "costing", "priced", "expensive", "pay", "paid", "charge", "charges", "price"))
_ILLNESS_FATES = frozenset(("wheelchair", "wheelchairs", "disabled", "disability", "disease", "illness", "fitting",
                            "seizures", "fits", "ms", "epilepsy", "bedbound", "bedridden", "helpless", "dependent",
                            "burden", "suffer", "suffering", "paralysed", "paralyzed", "incontinent", "nappies",
                            "vegetable", "relapse", "relapses", "decline", "deteriorate"))
_STARTED = frozenset(("started", "began", "begun"))
_ONSET_TALK = frozenset(("AGE_AT", "RESIST_ANY", "DIAG", "ILLNESS", "TREAT_RESP", "HISTORY", "MED"))  # (".. after his jabs")
_ONSET_NOW = frozenset(("NOW_STRONG", "NOW_WEAK", "JUST", "URGENT", "ASK", "LONG", "NOT_STOP", "UNRESP", "BREATH_BAD",
                        "COLOUR", "AMBULANCE", "ANOTHER", "STATUS", "RECENT", "COLLAPSE", "INJURY", "WATER", "FALL"))
_POINTED_THINGS = frozenset(("that", "those", "them", "the", "a", "an", "taking", "testing"))  # not "this" (a life)
_MODALS = frozenset(("can", "could", "might", "may", "will", "would", "should", "cud", "cld", "shd"))
_OWNERS = frozenset(("his", "her", "my", "their", "our", "your", "ur"))
_COUNTED = frozenset(("second", "seconds", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"))  # ("second" is folded to "seconds")
_ATTACK_ALARMS = frozenset(("NOT_STOP", "LONG", "UNRESP", "BODY_ALL", "COLLAPSE", "URGENT", "BREATH_BAD", "COLOUR"))


_HAS_HAD = frozenset(("hes", "shes", "its"))  # "he's had": he has had


def _stops_from_working(core: list[str], position: int) -> bool:
    """ "stop my pill from working", "stops it working": a stop that is one thing keeping another from working."""
    if core[position] not in ("stop", "stops", "stopping"):
        return False
    after = core[position + 2:position + 7]
    return any(after[i:i + 2] == ["from", "working"] for i in range(len(after))) or (
        len(core) > position + 2 and core[position + 2] == "working")


def _in_context(core: list[str], hits: Hits) -> None:
    """Concepts that depend on their neighbours: "when i was little" is a history, "when i was convulsing" the
    event; "what does status epilepticus mean" is a knowledge question; "just wondering" is no time."""
    if "JUST" in hits:  # ... nor "is epilepsy just seizures over and over", "just one seizure": only, not a time
        hits["JUST"] = [p for p in hits["JUST"] if not (core[p] == "just" and p + 1 < len(core)
                                                         and (core[p + 1] in _HEDGED or core[p + 1] in _ONLY))]
        if not hits["JUST"]:
            del hits["JUST"]
    # "my wife now have attack, very long, not stopping": an attack going on, alarming, is a seizure (not an MS one)
    if "ATTACK_BARE" in hits and not hits.keys().isdisjoint(_ATTACK_ALARMS) and "MS" not in hits:
        for position in hits["ATTACK_BARE"]:
            attack = next((p for p in range(position, min(position + 4, len(core))) if core[p] == "attack"), position)
            hits.setdefault("SEIZ", []).append(attack)
        hits["SEIZ"].sort()
    # "for the future, what's the right first aid so he doesn't get hurt like that again": "again" after a time to
    # come is supposed of it (not "another one started, what do i do next time")
    # ... as are the minutes after it ("next time what shud i do b4 it gets to 5 min", not "its been 6 minutes, what
    # do i do next time")
    if "NEXT_TIME" in hits:
        later = min(hits["NEXT_TIME"])
        if "ANOTHER" in hits and min(hits["ANOTHER"]) > later:
            hits["AGAIN_LATER"] = list(hits["ANOTHER"])
        timed = [p for c in ("LONG", "STATUS", "COUNT2") for p in hits.get(c, ())]
        if timed and min(timed) > later:
            hits["TIME_LATER"] = timed
    # "She started fitting out of nowhere at 24", "started fitting after hers and nothing seems to work": when the
    # fits began, told with an age or a treatment failing, nothing saying one goes on now
    starts = [p for p, word in enumerate(core) if word in _STARTED and not (p and core[p - 1] == "just")]
    if starts and not hits.keys().isdisjoint(_ONSET_TALK) and hits.keys().isdisjoint(_ONSET_NOW):
        for concept in ("ING", "CONV", "AUX_NOW"):
            drop_where(hits, concept, lambda p: p in starts or p - 1 in starts)
    # "id rather die than end up in a wheelchair": death weighed against what the illness may bring, no figure of
    # speech ("id rather die than sit through another meeting")
    weighed = [p for p in hits.get("DIE_OTHER", ()) if core[p:p + 3] == ["rather", "die", "than"] and
               not _ILLNESS_FATES.isdisjoint(core[p + 3:p + 10])]
    if weighed:
        hits.setdefault("WISH_DEAD", []).extend(weighed)
        drop_where(hits, "DIE_OTHER", lambda p: p in weighed)
    for position in hits.pop("WHEN_WAS", ()):
        follows = (p for c in ("ING", "CONV", "SIGN", "HAVING") for p in hits.get(c, ()))
        if not any(0 < p - position <= 3 for p in follows):
            hits.setdefault("HISTORY", []).append(position)
    if any(1 <= m - w <= 6 for w in hits.get("WHAT_DOES", ()) for m in hits.get("MEAN", ())):
        hits.setdefault("KNOWLEDGE", []).append(hits["WHAT_DOES"][0])
    if "HABITUAL" in hits:  # "for weeks" folds to "weeks", but "10 weeks" is a count
        # ... and "cant get him to open his eyes" is no habit
        hits["HABITUAL"] = [p for p in hits["HABITUAL"] if not p or not (
            (core[p] in ("weeks", "months", "years") and _number(core[p - 1]) is not None)
            or (core[p] in ("get", "gets") and core[p - 1] == "not"))]
        if not hits["HABITUAL"]:
            del hits["HABITUAL"]
    for concept in ("PASSIVE", "ACTIVE"):  # "done with the living room", "take life one day at a time": not dying
        drop_where(hits, concept, lambda p: _a_living_thing(core, p))
    # "legs jumping n going rigid at night": a limb that jumps; "can they just cut that bit out": surgery
    drop_where(hits, "METHOD", lambda p: _a_limb_jumping(core, p) or _training(core, p))
    drop_where(hits, "SELF_HARM", lambda p: _cut_out(core, p))
    drop_where(hits, "ANOTHER_STRONG", lambda p: _an_onset(core, p))
    drop_where(hits, "TIMING", lambda p: _generic_something_else(core, hits, p))
    # "some of my clients forget tablets a lot", "keeps refusing his evening tablets": missing as a habit, not an
    # amount taken nor a dose of today
    for position in hits.get("MISS", ()):
        lot = next((p for p in hits.get("TOO_MUCH", ()) if 0 < p - position <= 4 and core[p] == "lot"), None)
        kept_up = position - 1 in hits.get("KEEP", ())
        if lot is not None or kept_up:
            hits.setdefault("HABITUAL", []).append(position)
            drop_where(hits, "TOO_MUCH", lambda p, lot=lot: p == lot)
    # "will my epilepsy meds stop my birth control pill from working?": what one medicine does to another, no change
    drop_where(hits, "CHANGE", lambda p: _stops_from_working(core, p))
    # "do i have to write it up in the incident log": "up" of another verb than a dose's ("put it up" stays a change)
    for concept in ("CHANGE", "PARTICLE", "DOWN", "CHANGE_AFTER"):
        drop_where(hits, concept, lambda p: core[p] in ("up", "down") and p >= 2 and
                   core[p - 1] in ("it", "them", "this", "that") and core[p - 2] in _NOT_DOSE_UP)
    # "my son is in a seizure", a learner's "Now he is in seizure": someone in one, going on (the "a" is dropped)
    for p, word in enumerate(core):
        if word in ("seizure", "fit", "seizures", "fits") and p >= 2 and core[p - 1] == "in" and \
                core[p - 2] in _IS_IN:
            hits.setdefault("ING", []).append(p)
    # "does the type of seizure I have change how likely the meds are to work?": a likelihood changed, no medicine
    drop_where(hits, "CHANGE", lambda p: core[p + 1:p + 2] == ["how"] and core[p + 2:p + 3] in (
        ["likely"], ["well"], ["often"], ["fast"], ["quickly"]))  # (not "how much keppra": a dose)
    # "my RA hands are so stiff in the morning": joints or muscles stiff, not a body stiffening in a seizure ("went
    # stiff" is a phrase of its own, kept)
    drop_where(hits, "SIGN", lambda p: core[p] in ("stiff", "rigid") and not _STIFF_PARTS.isdisjoint(
        core[max(0, p - 3):p + 4]))
    # "She's had so many seizures that look different": "'s had" is "has had", a perfect over a life, not "is"
    had = [p for p in hits.get("AUX_NOW", ()) if core[p] in _HAS_HAD and p + 1 < len(core) and core[p + 1] == "had"]
    if had:
        drop_where(hits, "AUX_NOW", lambda p: p in had)
        drop_where(hits, "PRESENT", lambda p: p in had)
        hits.setdefault("PERFECT", []).extend(had)
    # "at work someone might have a seizure, what do i do": "have" after a modal is what may happen, no perfect
    drop_where(hits, "PERFECT", lambda p: p > 0 and core[p] == "have" and core[p - 1] in _MODALS)
    # "given late or not at all": never, not all of them
    drop_where(hits, "ALL", lambda p: p > 0 and core[p - 1] in ("not", "at"))  # "at all": never, not a packet
    # "please tell me what to do": a plea for what to do now, not "tell me about" a subject
    drop_where(hits, "KNOWLEDGE", lambda p: core[p] == "tell" and core[p + 2:p + 4] in _PLEAS)
    # "can a hypo look like a seizure?": what something looks like, asked; not "make it look like a seizure"
    drop_where(hits, "DISGUISE", lambda p: core[p] in ("look", "looks") and not _ASKED_LOOKS.isdisjoint(
        core[max(0, p - 4):p]))
    # "only when it goes on for a long time": "it" after "when" is a clause's subject, not a medicine taken
    drop_where(hits, "PRO_OBJ", lambda p: p > 0 and core[p - 1] == "when")
    # "quick what do i do when he has seizures": a hurry about the question opening it, not a scene
    # ... and "quick revision check: ...", "seizure first aid quick - what do i do": a quick question
    # ... and "whats it basically. repeated seizures?? quick pls": an answer asked for quickly, at the very end
    drop_where(hits, "URGENT", lambda p: core[p] in ("quick", "quickly") and core[p + 1:] in (
        ["pls"], ["please"], ["plz"], ["thanks"], ["thx"]))
    drop_where(hits, "URGENT", lambda p: core[p] in ("quick", "quickly") and (
        (p == 0 and len(core) > 1 and core[1] in _QUESTION_OPENERS) or (p > 0 and core[p - 1] == "aid") or (
            p + 1 < len(core) and core[p + 1] in _QUICK_THINGS) or _quick_answer_asked(core, hits, p)))
    # "theyre talking about brain surgery for my seizures im freaking out": the writer's fear of the illness, no
    # seizure named now (one, a convulsion or a sign would make it a cry for help)
    if hits.keys().isdisjoint(("SEIZ", "CONV", "SIGN", "ING", "UNRESP", "BREATH_BAD", "COLOUR", "COLLAPSE")):
        drop_where(hits, "URGENT", lambda p: core[p] in ("freaking", "panicking") or core[p:p + 2] == ["im", "panicking"])
    # "the injections make me feel awful. can i skip a few weeks?": a span skipped, nothing after it, is a bare
    # change, of a medicine only if one is named elsewhere in the message
    for p in hits.get("DOSE_CHANGE", ()):
        if core[p] == "skip" and p + 3 == len(core) and core[p + 2] in _SPANS:
            for concept in ("CHANGE", "CHANGE_BARE"):
                hits.setdefault(concept, []).append(p)
    drop_where(hits, "DOSE_CHANGE", lambda p: _more_of_something_else(core, hits, p))
    # "my wife take two medicine and still she have attacks": two kinds of medicine taken, not a double dose
    for concept in ("DOUBLE_UP", "CHANGE"):
        drop_where(hits, concept, lambda p: core[p + 1:p + 2] in (["two"], ["2"], ["three"], ["3"])
                    and core[p + 2:p + 3] and core[p + 2] in _KINDS_OF_MEDICINE
                    and _A_DOSE_TIME.isdisjoint(core[p:p + 7]))  # not "take 2 medicine tonight instead of one"
    # "ok real talk. if i dont take my pills ...": an "ok" opening the sentence (the "ok to" of "is it ok to"), nothing
    # asked after it ("skip it tonight ok?" asks)
    said = {q for concept, positions in hits.items() if concept != "ADVICE" for q in positions}
    drop_where(hits, "ADVICE", lambda p: p == 0 and core[p] in ("ok", "okay") and len(core) > 1 and 1 not in said)
    # "which chemist is open late for epilim": opening hours, not a late dose
    drop_where(hits, "MISS", lambda p: core[p] == "late" and p > 0 and core[p - 1] in _OPEN)
    # "Ocrelizumab costs more than my house": a price, not more of the medicine
    drop_where(hits, "CHANGE_AFTER", lambda p: p > 0 and core[p - 1] in _PRICED)
    drop_where(hits, "MISS", lambda p: core[p].startswith("refus") and not _INSTITUTIONS.isdisjoint(
        core[max(0, p - 4):p]))
    # "can she take all her epilepsy tablets thru airport", "thinking whether to take all my tablets on holiday":
    # carried on a journey, not swallowed
    commas = hits.get("COMMA", ())
    if hits.keys().isdisjoint(("DEATH", "DEATH_STRONG", "UNRESP", "PASSIVE", "WISH_DEAD", "ACTIVE")):
        drop_where(hits, "METHOD", lambda p: any(core[t] in _TRAVEL and not any(p <= c < t for c in commas)
                                                  for t in range(p, min(p + 9, len(core)))))
    # "going up on the methotrexate": the "on" is the verb's, no blocker; but "my seizures went up on lamotrigine"
    # tells what the seizures did
    drop_where(hits, "CHANGE", lambda p: core[p + 1:p + 2] in (["up"], ["down"]) and p > 0 and
                core[p - 1] in _RISING_THINGS)
    changes = set(hits.get("CHANGE", ()))
    drop_where(hits, "BLOCK", lambda p: core[p] == "on" and p >= 2 and core[p - 1] in ("up", "down") and
                p - 2 in changes)
    # "seizures started a couple years after": a couple of years, no count of seizures
    drop_where(hits, "COUNT2", lambda p: core[p + 1:p + 2] in (["years"], ["months"], ["weeks"], ["days"]))
    # "resident with MS says her legs are spasming badly": the spasticity of MS, no seizure sign
    if "MS" in hits:
        limbs = hits.get("LIMB", ())
        for concept in ("SIGN", "ING"):
            drop_where(hits, concept, lambda p: core[p] in _SPASMS and any(0 < p - limb <= 3 for limb in limbs))
    # ... and "my legs have been really stiff and spasming": legs stiff or in spasm for a while (a perfect tense),
    # nothing timed, unending or alarming said
    legs = [p for p in hits.get("LIMB", ()) if core[p] in _LEGS]
    if legs and hits.keys().isdisjoint(_LEG_ALARMS):
        for concept in ("SIGN", "ING"):
            drop_where(hits, concept, lambda p: core[p] in _SPASMS | _STIFF and any(
                0 < p - leg <= 6 and "been" in core[leg:p] for leg in legs))
    # "swallowing every baclofen in the cupboard": all of a medicine (for the crisis rules only: "do i take every
    # tablet in the morning" is a routine)
    every = [m - 1 for m in hits.get("MED", ()) if m > 0 and core[m - 1] == "every"]
    if every:
        hits["EVERY_MED"] = every
    # "I hear about interferon, something more?": more of the options, not more of the medicine
    drop_where(hits, "CHANGE_AFTER", lambda p: core[p] == "more" and p > 0 and core[p - 1] in _MORE_OF_THINGS)
    # "prescription refill how early can i get it": the supply fetched early, not a dose taken early
    drop_where(hits, "CHANGE_AFTER", lambda p: not _SUPPLY.isdisjoint(core[max(0, p - 3):p]) or
                not _FETCH.isdisjoint(core[p + 1:p + 5]))
    drop_where(hits, "NOT_STOP", lambda p: _going_somewhere(core, p) or _stopping_something_else(core, hits, p)
                or _medicine_not_stopping_them(core, hits, p))
    drop_where(hits, "ADMIN_emergency", lambda p: _medicine_not_stopping_them(core, hits, p))
    # "now seizure not stop with pills": "now" is these days when the treatment fails right after it
    drop_where(hits, "NOW_WEAK", lambda p: core[p] == "now" and any(
        1 < c - p <= 3 and _medicine_not_stopping_them(core, hits, c) for c in hits.get("CHRONIC", ())))
    drop_where(hits, "NOW_STRONG", lambda p: core[p] == "ongoing" and p + 1 < len(core) and core[p + 1] in _LASTING)
    # "if someone has ongoing seizures", "currently on 4 medicines": the illness and its treatment, not one now
    drop_where(hits, "NOW_STRONG", lambda p: (core[p] == "ongoing" and core[p + 1:p + 2] in (["seizures"], ["fits"]))
                or (core[p] == "currently" and core[p + 1:p + 2] in (["on"], ["taking"], ["using"], ["having"]) and
                    core[p + 2:p + 3] != ["one"]))
    # "does epilepsy stop the contraceptive pill working": a medicine that stops working, not one stopped
    drop_where(hits, "CHANGE", lambda p: core[p].startswith("stop") and any(
        core[w] in ("working", "work") and core[w - 1] != "not" for w in range(p + 2, min(p + 4, len(core)))))
    # "can they cancel each other out": what medicines do to each other, not a change
    drop_where(hits, "CHANGE", lambda p: core[p].startswith("cancel") and not {"out", "each", "other"}.isdisjoint(
        core[p + 1:p + 5]))
    # "can I push my ocrelizumab back a couple of months": a dose put off, asked about (not "pumps push the drug
    # back out of the brain")
    asks = hits.get("ADVICE", ())
    pushed = [p for p, w in enumerate(core) if w in _PUSHED and "back" in core[p + 1:p + 4] and
              any(a < p for a in asks) and not {"out", "into", "across", "in"} & set(core[p + 2:p + 6])
              ] if asks and "MED" in hits else []
    if pushed:
        hits.setdefault("CHANGE", []).extend(pushed)
    # "not sure how much went down": swallowed, no one collapsed
    for concept in ("COLLAPSE", "FALL"):
        drop_where(hits, concept, lambda p: p > 0 and core[p - 1] in _AMOUNTS and core[p] in ("went", "go", "gone"))
    # "mum on valproate lost loads of hair": something lost, no dose missed
    drop_where(hits, "MISS", lambda p: core[p] in ("lost", "losing", "lose", "loses") and not _LOSSES.isdisjoint(
        core[p + 1:p + 4]))
    # "can that mess up his seizure control": what the control does, not a change of medicine
    drop_where(hits, "CHANGE", lambda p: (core[p].startswith("mess") or (
        core[p] == "up" and p > 0 and core[p - 1].startswith(("mess", "mix")))) and not {
        "control", "seizure", "seizures"}.isdisjoint(core[p + 1:p + 5]))
    # "is the chemist allowed to swap his brand of tablets": the pharmacy's substitution, not the person's decision
    pharmacy = hits.get("PHARMACY", ())
    drop_where(hits, "CHANGE", lambda p: any(0 < p - q <= 4 for q in pharmacy) and core[p] in (
        "swap", "swaps", "switch", "switches", "change", "changes", "substitute"))
    drop_where(hits, "TIMING", lambda p: any(0 < p - q <= 4 for q in pharmacy) and not _SWAPS.isdisjoint(
        core[max(0, p - 1):p + 2]))
    # "my brother injects himself every other day": the regimen told, not a change asked
    if "ADVICE" not in hits:
        for concept in ("DOSE_CHANGE", "TIMING", "CHANGE_AFTER"):
            drop_where(hits, concept, lambda p: core[p:p + 2] == ["every", "other"] and not _TAKES.isdisjoint(
                core[max(0, p - 3):p]))
    # "I need to pick up a prescription": fetched
    drop_where(hits, "CHANGE", lambda p: core[p] == "up" and p > 0 and core[p - 1] in ("pick", "picking", "picked"))
    # "can make the epilepsy medicine work less": what it does, not less of it
    drop_where(hits, "CHANGE_AFTER", lambda p: p > 0 and core[p - 1] in ("work", "works", "working"))
    # "sick of seizures n everyone staring": people staring at someone, not a staring seizure; and "the jerks and
    # also staring", "like staring into space": a kind of seizure described
    for concept in ("SIGN", "ING"):
        drop_where(hits, concept, lambda p: core[p] == "staring" and p > 0 and core[p - 1] in _NOT_A_STARE_AFTER)
    # "the big shaking fits", "jerking seizures": a kind of seizure named, not one going on
    # (a sign's word only: "is having seizures now" goes on)
    named = {q for c in ("SEIZ", "SEIZ_PL") for q in hits.get(c, ())}  # ("6 jerking episodes in 20 mins" names none)
    kinds = [p for p in hits.get("SIGN", ()) if p + 1 < len(core) and core[p + 1] in _SEIZURE_NOUNS and p + 1 in named and
             p not in hits.get("HAVING", ()) and not (p and core[p - 1] in _SAID_GOING_ON and not (
                 p > 1 and core[p - 2] in ("what", "which", "how", "why", "whats")))]  # ("what are jerking seizures")
    for concept in ("ING", "SIGN"):
        drop_where(hits, concept, lambda p: p in kinds)
    # "is it too late to have my flu jab": a vaccine, not a medicine taken
    drop_where(hits, "MED", lambda p: core[p] in ("jab", "jabs", "shot", "shots", "vaccine", "vaccines") and p > 0 and
                core[p - 1] in _VACCINATED)
    # "If Ellie has a fit while she's staying with us": a name after "if", then the seizure supposed
    for p, word in enumerate(core[:-2]):
        if word == "if" and core[p + 2] in _SUPPOSED_VERBS and core[p + 1] not in _SUBJECT_PRONOUNS and \
                p not in hits.get("HYPO", ()):
            hits.setdefault("HYPO", []).append(p)
    # "I can give her 20?": a number given, a dose (not "give her 2 minutes")
    for p in hits.get("GIVE", ()):
        after = core[p + 1:p + 4]
        if after and after[0] in _GIVEN_TO:
            after = after[1:]
        # (not "gave me 2 boxes": packs, not a dose)
        timed = any(q in hits.get(c, ()) for c in ("SHORT_T", "LONG", "DAYS", "AGO", "CONTAINER")
                    for q in (p + 1, p + 2, p + 3)) or (len(after) > 1 and after[1] in _PACKS)
        # (the number ends the sentence or a dose's word follows: not "give him a 1 to 1")
        if after and after[0].isdigit() and (len(after) == 1 or after[1] in _DOSE_FOLLOWERS) and not timed:
            hits.setdefault("DOSE_CHANGE", []).append(p)
    # "I didn't take any of it in": took in (understood), no dose missed
    drop_where(hits, "MISS", lambda p: core[-1] == "in" and len(core) - p <= 5)
    # "hes confused for ages after": how long the after-effects last, not a seizure going on for ages
    drop_where(hits, "NOW_STRONG", lambda p: p > 0 and core[p] == "ages" and core[p - 1] in _AFTER_EFFECTS)
    # "my son have many type of seizure, jerk and staring and fall", "seizure 2 type now, jerk and stare": the signs
    # listed after the kinds of seizure describe the kinds, and "now" says he has them these days
    seizures = [q for c in ("SEIZ", "SEIZ_PL", "SEIZ_TOPIC") for q in hits.get(c, ())]
    kinds = [] if _KIND_WORDS.isdisjoint(core) else [
        p for p, w in enumerate(core) if w in _KIND_WORDS and any(abs(p - q) <= 3 for q in seizures)]
    # (not "what type of seizure is this, hes jerking all over": someone doing it, said between)
    if kinds and hits.keys().isdisjoint(_LEG_ALARMS - {"SEIZ", "CONV"}):
        drop_where(hits, "NOW_WEAK", lambda p: p - 1 in kinds)
        said = {q for c in _SAID_OF_SOMEONE for q in hits.get(c, ())}
        commas = hits.get("COMMA", ())  # (the list runs on past a comma: "2 type now, jerk and stare")
        for concept in ("SIGN", "ING", "FALL", "CONV"):
            drop_where(hits, concept, lambda p: any(
                0 < p - k <= 7 and sum(k <= c < p for c in commas) <= 1 and not any(k < q < p for q in said)
                for k in kinds))
    # "the jerk one more hard to treat?": more as a comparison, not more of a medicine
    for concept in ("CHANGE_AFTER", "CHANGE"):
        drop_where(hits, concept, lambda p: core[p] in ("more", "less") and p + 1 < len(core) and
                    core[p + 1] in _COMPARED)
    # "Will he feel it going off?" after VNS: a device that fires, not a medicine stopped
    drop_where(hits, "CHANGE", lambda p: core[p] in ("going", "go", "goes") and core[p + 1:p + 2] == ["off"] and
                core[max(0, p - 2):p] in (["feel", "it"], ["hear", "it"], ["notice", "it"], ["when", "it"],
                                           ["if", "it"], ["does", "it"], ["feels", "it"]))
    # "I've just had a seizure for the first time, yesterday": "just" as lately, the day named
    if "BEFORE_TODAY" in hits or "DAYS_AGO" in hits:
        drop_where(hits, "JUST", lambda p: core[p] == "just" and hits.keys().isdisjoint(("NOW_STRONG", "NOW_WEAK")))
    # "its over now, hes sleepy. when shd i have called 999??": a call asked about in hindsight, none wanted now
    drop_where(hits, "AMBULANCE", lambda p: "have" in core[max(0, p - 3):p] and not _HINDSIGHT.isdisjoint(
        core[max(0, p - 5):p]))
    # "should i cut down on coffee too": cutting down on something consumed that is no medicine
    for concept in ("DOSE_CHANGE", "CHANGE"):
        drop_where(hits, concept, lambda p: core[p] in ("cut", "cutting", "cuts") and any(
            w in _CONSUMED for w in core[p + 1:p + 5]) and not any(p < m < p + 5 for m in hits.get("MED", ())))
    # "does the evidence hold up?": stands up to scrutiny, nothing held nor raised
    for p in [p for p in hits.get("HOLD", ()) if core[p + 1:p + 2] == ["up"]]:
        drop_where(hits, "HOLD", lambda q, p=p: q == p)
        for concept in ("CHANGE", "CHANGE_BARE", "PARTICLE"):
            drop_where(hits, concept, lambda q, p=p: q == p + 1)
    # "This can stop epilepsy medicine?": a thing that may stop a medicine working, not someone stopping it
    drop_where(hits, "CHANGE", lambda p: p > 1 and core[p - 2:p] in _A_THING_MAY)
    # "is it the blood-brain barrier stopping the drugs?": the body stopping a medicine, not someone
    drop_where(hits, "CHANGE", lambda p: p > 0 and core[p - 1] in _BODY_BLOCKERS)
    # "would I need to take time off work?": time off from work or school, not from a medicine
    drop_where(hits, "CHANGE", lambda p: core[p] == "take" and not _OFF_FROM.isdisjoint(core[p + 1:p + 6]))
    # "saving up for a holiday, can i take my pills abroad": money put by for something bought, no pills kept back
    for concept in ("PREP_WEAK", "STOCK_MORE"):
        drop_where(hits, concept, lambda p: _saved_for_a_purchase(core, p))
    # "what is it exactly, like is it forever", "sometimes i just want to disappear forever": for good, asked of the
    # illness or wished; a seizure going on "forever" has its verb just before ("shes been fitting forever")
    events = [q for c in ("ING", "CONV", "SIGN", "NOT_STOP") for q in hits.get(c, ())]
    drop_where(hits, "NOW_STRONG", lambda p: core[p] == "forever" and not any(0 < p - q <= 4 for q in events))
    # "he was seizing for ages last year", "fitted forever 2 years ago": how long one lasted, long past
    past = [q for c in ("HISTORY", "BEFORE_TODAY", "DAYS_AGO") for q in hits.get(c, ())]
    if past:
        commas = hits.get("COMMA", ())
        drop_where(hits, "NOW_STRONG", lambda p: core[p] in ("ages", "forever") and any(
            0 < q - p <= 3 and not any(p <= c < q for c in commas) and core[q:q + 2] != ["last", "time"]
            for q in past))  # (not "seizing for ages last time was shorter": the one before, to compare)
    for concept in ("ANOTHER_OFTEN", "ANOTHER_STRONG"):  # "keeps having headaches", "going over and over it"
        drop_where(hits, concept, lambda p: _having_something_else(core, p) or _going_over_it(core, hits, p))
    drop_where(hits, "DEATH", lambda p: _joining_something(core, p))
    failing = [p for p in hits.get("CHRONIC", ()) if _rescue_failing_now(core, hits, p)]
    if failing:  # the seizure does not stop: going on, not the illness
        drop_where(hits, "CHRONIC", lambda p: p in failing)
        hits.setdefault("NOT_STOP", []).extend(failing)
    drop_where(hits, "PASSIVE", lambda p: _going_on_with_a_medicine(core, hits, p))
    # "before her first seizure she was very confused": the first seizure as a time, not one happening
    drop_where(hits, "FIRST_EVER", lambda p: p > 0 and core[p - 1] in ("before", "after", "since", "until"))
    # ... and "back at school after a cluster like that": a cluster named as a time
    for concept in ("ANOTHER_STRONG", "CLUSTER_NAMED"):
        drop_where(hits, concept, lambda p: p in hits.get("CLUSTER_NAMED", ()) and p > 0 and core[p - 1] in (
            "before", "after", "since", "until"))
    for concept in ("PASSIVE", "LIVE_ON", "ADMIN_crisis"):  # "i cant go on rollercoasters": going on somewhere
        drop_where(hits, concept, lambda p: _goes_on_somewhere(core, p))
    # "the school refuses to give his rescue med": someone refusing to give it, not a dose missed
    drop_where(hits, "MISS", lambda p: core[p].startswith("refus") and p + 1 < len(core) and core[p + 1] in _REFUSED_ACTS)
    if "STOPPED" in hits and "NOT" in hits:  # "why hasnt it stopped yet", "it has not finished": still going on
        # (not "can u get a seizure from not sleeping": sleep missed, not a seizure that has not ended)
        negated = [p for p in hits["STOPPED"] if any(0 < p - n <= 3 for n in hits["NOT"]) and
                   core[p] not in _SLEEP_WORDS]
        if negated:
            hits["STOPPED"] = [p for p in hits["STOPPED"] if p not in negated]
            if not hits["STOPPED"]:
                del hits["STOPPED"]
            hits.setdefault("NOT_STOP", []).extend(negated)
    if "NEG_RISK" in hits:  # "i would never hurt myself", "not suicidal": the risk is named to deny it
        for concept in ("SELF_HARM", "ACTIVE", "WISH_DEAD", "PASSIVE", "METHOD"):
            kept = [p for p in hits.get(concept, ()) if not any(0 < p - n <= 3 for n in hits["NEG_RISK"])]
            if kept:
                hits[concept] = kept
            else:
                hits.pop(concept, None)
    if "WITHOUT_ME" in hits:  # "happier without me nagging them" is about nagging, not about being gone
        kept = [p for p in hits["WITHOUT_ME"] if not (core[p:p + 2] == ["without", "me"] and p + 2 < len(core)
                                                       and core[p + 2].endswith("ing")
                                                       and core[p + 2] not in ("being", "existing", "living"))]
        if kept:
            hits["WITHOUT_ME"] = kept
        else:
            del hits["WITHOUT_ME"]
    for concept in ("TAKE_ME", "DECIDED_BARE"):  # only as the end of what is said: "just take me", "ive decided."
        if concept in hits:
            kept = [p for p in hits[concept] if all(w in _TAIL for w in core[p:])]
            if concept == "DECIDED_BARE":  # ... otherwise a decision with its object ("ive decided im stopping it")
                hits.setdefault("DECIDED", []).extend(p for p in hits[concept] if p not in kept)
            if kept:
                hits[concept] = kept
            else:
                del hits[concept]
    if "METHOD" in hits and "PERSON" in hits:  # "im going to kill my brother": anger at someone else, no method
        others = set(hits["PERSON"]) - set(hits.get("SELF", ()))
        kept = [p for p in hits["METHOD"] if not (core[p] in _KILL_WORDS and p + 1 in others)]
        if kept:
            hits["METHOD"] = kept
        else:
            del hits["METHOD"]
    for position, word in enumerate(core):
        if word not in _CONTEXT_WORDS:
            continue
        if word == "what" and _what_to_do(core, position, hits):
            hits.setdefault("FA_DO", []).append(position)
        # "cant keep my seizure meds down": a dose vomited
        elif word == "not" and core[position + 1:position + 2] in (["keep"], ["keeping"]) and \
                "down" in core[position + 2:position + 7]:
            hits.setdefault("MISS", []).append(position)
        # "having one now", "had one in the pool": "one" stands for a seizure
        elif word == "one" and _stands_for_seizure(core, position, hits):
            hits.setdefault("ONE_PRO", []).append(position)
            hits.setdefault("SINGULAR", []).append(position)
            if position and core[position - 1] in _STARTING:  # "he's starting one now": having one, begun
                hits.setdefault("HAVING", []).append(position - 1)
                if core[position - 1] == "starting":
                    hits.setdefault("ING", []).append(position - 1)
    # "if I feel an aura coming on in the supermarket": a seizure about to start, supposed
    for position in hits.get("ABOUT_TO", ()):
        if not {"if", "when", "whenever"}.isdisjoint(core[max(0, position - 5):position]):
            hits.setdefault("HYPO", []).append(position)
    # "give it now or skip it": a choice of time is a change too (the phrase took the change's own word)
    for position in hits.get("CHANGE_OR", ()):
        hits.setdefault("CHANGE", []).append(position)
    # "i want to cut my carbamazepine down": a cut said of a medicine is a change of dose, not self-harm
    cuts = [p for p in hits.get("SELF_HARM", ()) if any(1 <= m - p <= 3 for m in hits.get("MED", ()))]
    if cuts:
        hits.setdefault("CHANGE", []).extend(cuts)
        hits["SELF_HARM"] = [p for p in hits["SELF_HARM"] if p not in cuts]
        if not hits["SELF_HARM"]:
            del hits["SELF_HARM"]
    # "up the lacosamide by 50 but i wanna jump 100": a jump to a number, beside a medicine, is a dose
    if "MED" in hits:
        jumps = [p for p in hits.get("METHOD", ()) if core[p] in ("jump", "jumping") and
                 core[p + 1:p + 2] and (core[p + 1].isdigit() or core[p + 1] in ("to", "up"))
                 and _HEIGHTS.isdisjoint(core[p + 1:p + 4])]
        if jumps:
            hits.setdefault("CHANGE", []).extend(jumps)
            hits["METHOD"] = [p for p in hits["METHOD"] if p not in jumps]
            if not hits["METHOD"]:
                del hits["METHOD"]
    # "how much baclofen should i take", "how many mg of keppra should he take": an amount of one's own medicine
    if (asked := _amount_asked(core)) is not None:
        hits.setdefault("AMOUNT_ASKED", []).append(asked)
    # "a fit now and then": the habit's "now", not the present
    drop_where(hits, "NOW_WEAK", lambda p: core[p:p + 3] in (["now", "and", "then"], ["now", "and", "again"]))
    # "breathing and waking up slowly": the waking is slow, not the breathing
    drop_where(hits, "BREATH_ODD", lambda p: p > 0 and core[p - 1] in ("up", "round", "around"))
    # "hes having more seizures": more of them than before, a frequency, not one going on (what else is told still is)
    for concept in ("ING", "HAVING"):
        drop_where(hits, concept, lambda p: core[p] == "having" and core[p + 1:p + 2] == ["more"])
    # "He stop. He open eyes", "now she stop shaking": a learner's "stop" right after the person or the seizure,
    # nothing asked and no object, is a seizure that has stopped (not "should he stop his pills", "can she stop")
    ended = [p for p in hits.get("CHANGE", ()) if core[p] == "stop" and _stopped_in_learner_english(core, p)]
    if ended:
        drop_where(hits, "CHANGE", lambda p: p in ended)
        for concept in ("ING", "SIGN"):  # what stopped: "shaking" is no sign going on
            drop_where(hits, concept, lambda p: p - 1 in ended and core[p] in _STOPPED_SIGNS)
        hits.setdefault("STOPPED", []).extend(ended)
    # "can i stop?", "can i take less": a change with no object of its own (a medicine named before may be it)
    bare = [p for p in hits.get("CHANGE", ()) if all(w in _BARE_FOLLOW for w in core[p + 1:p + 4])]
    if bare:
        hits["CHANGE_BARE"] = bare
    if "UNRESP" in hits:  # "not respond to these medicines": how the illness answers treatment, not a person
        treated = [p for p in hits["UNRESP"] if core[p] == "not" and p + 1 < len(core) and core[p + 1] in _RESPOND
                   and (_treatment_next(core, p + 2) or _illness_before(core, p))]
        if treated:
            hits.setdefault("TREAT_RESP", []).extend(treated)
            hits["UNRESP"] = [p for p in hits["UNRESP"] if p not in treated]
            if not hits["UNRESP"]:
                del hits["UNRESP"]
    # "if my grandson has one of his fits while I'm minding him": whoever it is, "if" someone has one is a
    # hypothetical (the HYPO phrases name the common people; this finds the rest)
    people = {p for c in ("PERSON", "CHILD") for p in hits.get(c, ())} if "if" in core else set()
    for position, word in enumerate(core if people else ()):
        if word == "if" and (not position or core[position - 1] not in _WHETHER) and any(
                position + 1 <= p <= position + 2 for p in people) and any(
                w in _HAVING_VERBS for w in core[position + 2:position + 5]):
            hits.setdefault("HYPO", []).append(position)
    for concept in ("ANOTHER_STRONG", "ANOTHER_OFTEN"):  # "forgot my pills 2 days in a row": days, not seizures
        if concept in hits:
            hits[concept] = [p for p in hits[concept] if not (p and core[p - 1] in _TIME_UNITS)]
            if not hits[concept]:
                del hits[concept]
    wounds = hits.get("WOUND", [])
    if any(abs(b - w) <= 3 for b in hits.get("BODY", ()) for w in wounds) or ("FALL" in hits and "STAIRS" in hits):
        hits.setdefault("INJURY", []).append(wounds[0] if wounds else hits["FALL"][0])


_CONTEXT_WORDS = frozenset(("what", "not", "one"))
_WHETHER = words_of("tell know see check sure wonder wondering ask asking unsure notice clear decide checking")  # "if" =
# "whether": "cant tell if baby is moving"
_HAVING_VERBS = words_of("has have had gets get got starts start goes go is was were")
_TIME_UNITS = words_of("days nights weeks months mornings evenings")  # "2 days in a row"; not "this morning back to back"
_RESPOND = words_of("respond responding responded responds")
_ILLNESS_SUBJECTS = words_of("epilepsy epilepsies seizures fits condition illness disease brain brains")
_DETERMINERS = words_of("these those any all its them well as properly fully good great")  # "not respond as well to"
# What may follow a change verb that has no object of its own ("can i stop it now?", "cut down a bit, please")
_BARE_FOLLOW = words_of("""it them now then please pls plz altogether completely entirely totally for while bit little
    stay where keep wait
    thanks thank ta x xx ok or and myself straight away soon today tonight tomorrow slowly gradually down back off up
    out less lower dose doses instead too yet already safely anyway a week weeks day days month few couple
    something else different another other this next round cycle course session morning evening night
    more on at bad good nights mornings evenings""")  # "should he take more on bad nights"
_TREATMENTS = words_of("""medicine medicines medication medications meds med drug drugs tablet tablets pill pills treatment
    treatments therapy therapies antiepileptics aeds""")
_KILL_WORDS = frozenset(("kill", "murder", "strangle", "throttle"))
# After "what ... do" these say it is the main verb ("what should i do if", "what do i do now"), not an aid
# ("at what point do doctors call it")
_DO_FOLLOW = words_of("""if when during once in and or now first with after before so then there about them him while
    right straight next""")
_ASKERS = words_of("""i we you u people ppl teachers teacher staff colleagues friends family carers carer classmates
    coworkers teammates bystanders others parents babysitter school""")


_DOSE_ASKERS = words_of("should do does can must shall")
_DOSE_TAKERS = words_of("i he she we they u you")
_DOSE_ACTS = words_of("take give use")
_DOSES = words_of("dose doses dosage")
AMOUNT_SPAN = 6  # "how much of his baclofen should he take": the words between the amount and who takes it


def _amount_asked(core: list[str]) -> int | None:
    """Where "how much", "how many" or "what dose" opens a question of how much someone should take or give."""
    for p in range(len(core) - 1):
        if (core[p] == "how" and core[p + 1] in ("much", "many")) or (core[p] == "what" and core[p + 1] in _DOSES):
            tail = core[p + 2:p + 2 + AMOUNT_SPAN + 3]
            if any(tail[q] in _DOSE_ASKERS and tail[q + 1] in _DOSE_TAKERS and tail[q + 2] in _DOSE_ACTS
                   for q in range(min(AMOUNT_SPAN, len(tail) - 2))):
                return p
    return None


_STOP_SUBJECTS = words_of("he she it they seizure shaking fit fitting jerking")
_STOP_ASKED_BY = words_of("""should shall can could would will does did do to must may might if not dont doesnt didnt cant
    wont please pls let make""")
_STOPPED_SIGNS = words_of("shaking jerking fitting seizing moving twitching")
_AFTER_A_STOP = _STOPPED_SIGNS | words_of("now already finally and but then he she they")


def _stopped_in_learner_english(core: list[str], position: int) -> bool:
    """ "he stop", "now she stop shaking", at the end or before "now"/"already" or the next clause."""
    return position > 0 and core[position - 1] in _STOP_SUBJECTS and \
        (position < 2 or core[position - 2] not in _STOP_ASKED_BY) and \
        (position + 1 == len(core) or core[position + 1] in _AFTER_A_STOP)


def _illness_before(core: list[str], position: int) -> bool:
    """ "why some epilepsy does not respond": the illness is what does not respond (to treatment), not a person."""
    if any(word in _ILLNESS_SUBJECTS for word in core[max(0, position - 2):position]):
        return True
    # ... "can missed doses make epilepsy look like it's not responding": "it", the illness named just before
    return position > 0 and core[position - 1] in ("it", "its") and any(
        word in _ILLNESS_SUBJECTS for word in core[max(0, position - 6):position - 1])


def _treatment_next(core: list[str], position: int) -> bool:
    """A treatment word at `position`, after at most two determiners ("any of the tablets", "these medicines")."""
    for word in core[position:position + 3]:
        if word in _TREATMENTS:
            return True
        if word not in _DETERMINERS:
            return False
    return False


_DONE_WITH = frozenset(("him", "her", "them", "me", "us", "it", "this", "that", "my", "his", "their", "our"))


def _what_to_do(core: list[str], position: int, hits: Hits) -> bool:
    """ "what should my friends actually do", "what he should do if", "what do i tell my coworkers": what someone
    (not a vet or a doctor) should do, say or tell."""
    people = set(hits.get("PERSON", ())) | set(hits.get("FIRST_P", ()))
    for q in range(position + 2, min(position + 7, len(core))):
        verb = core[q]
        if verb not in ("do", "say", "tell"):
            continue
        asker = any(core[r] in _ASKERS or r in people for r in range(position + 1, q))
        follows = core[q + 1] if q + 1 < len(core) else ""
        # ("what have they got to do with seizures": a link asked about; "what do i do with him" an act)
        if verb == "do" and follows == "with" and q + 2 < len(core) and q + 2 not in people and \
                core[q + 2] not in _DONE_WITH:
            continue
        ends = not follows or follows in _DO_FOLLOW or (verb != "do" and (q + 1 in people or follows in _ASKERS))
        if asker and ends:
            return True
    return False


# Words of "just take me", "ive decided" and what may follow them at the end of a sentence
_TAIL = words_of("""take takes me just would will come away decided made up mind my is decision ive i have tbh already now
    please pls plz lol honestly x xx then ok anyway forever and thats that done over""")  # "... and thats that"


# "one" as a pronoun for a seizure: after having/had/another or a size, and before no noun ("having one now",
# "a big one", "had one in the bath"; not "one of those days", "had one drink")
_ONE_BEFORE = words_of("""having had has have havin another big bad small little massive huge proper major long short
    nasty mild strong full focal tonic absence violent this starting started start starts""")
_HEIGHTS = frozenset(("feet", "ft", "foot", "metres", "meters", "m", "storeys", "stories", "floors", "floor", "high"))
_STARTING = frozenset(("starting", "started", "start", "starts"))
_ONE_AFTER = words_of("""now right just again and but in on at while when during today yesterday tonight this last
    after before so then it is was he she i im its earlier too as or there here since with for while
    lasting lasted which that where what how whilst has went started came gone been keeps kept seems""")


def _stands_for_seizure(core: list[str], position: int, hits: Hits) -> bool:
    before = core[position - 1] if position else ""
    if before not in _ONE_BEFORE and not (position > 1 and core[position - 2] in ("having", "had", "has")
                                          and before in _ONE_BEFORE):
        return False
    # the sentence ends, a small word follows, or (its comma gone) a body part, a sign or a person: "having a big
    # one, jaw going"
    return position + 1 == len(core) or core[position + 1] in _ONE_AFTER or any(
        position + 1 in hits.get(c, ()) for c in ("BODY", "LIMB", "FACE", "SIGN", "PERSON", "FIRST_P"))


_PILLS = frozenset(["pills", "tablets", "tabs", "capsules", "caps", "doses", "meds", "mg", "sleeping", "paracetamol", "painkillers",
                    "drugs", "medicines", "medications"])


def _duration(value: int, unit: str, ago: bool) -> str | None:
    minutes = value * _UNITS[unit]
    if ago:
        return "HISTORY" if minutes >= _UNITS["weeks"] else "DAYS_AGO" if minutes >= _UNITS["days"] else "AGO"
    if unit in ("weeks", "months", "years"):
        return None  # "for 2 years", "20 weeks pregnant", "4 years old": not a time of the event
    if unit == "days":
        return "DAYS"
    return "LONG" if minutes >= 5 else "SHORT_T"


def _phrase_lines(spec: str) -> list[str]:
    return [p.strip() for line in spec.splitlines() for p in line.split("|") if p.strip()]


_GLUED = re.compile(r"(\d+)([a-z]+)")  # "6min" -> "6 min"; ordinals ("2nd") stay whole
_ORDINALS = frozenset(("st", "nd", "rd", "th"))


def _split_glued(word: str) -> list[str]:
    if not word[:1].isdigit():  # the usual word: no regex
        return [word]
    match = _GLUED.fullmatch(word)
    if match and match.group(2) not in _ORDINALS:
        return [match.group(1), match.group(2)]
    return [word]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the scan meets it: cleaned like a sentence ("a&e" as "ae"), folded, its core words."""
    return tuple(core_words(fold_words(clean(ampersands(phrase)).split())))


class Lexicon:
    """Phrase table, fuzzy index and the folding of a message into tokens."""

    def __init__(self, extra: dict[str, Iterable[str]] | None = None) -> None:
        self.phrases: dict[tuple[str, ...], frozenset[str]] = {}
        for concept, spec in PHRASES.items():
            if concept not in OWN_PASS:
                for phrase in _phrase_lines(spec):
                    self.add(phrase, concept)
        for name in MEDICINE_NAMES:
            self.add(name, "MED")
        for phrase in _phrase_lines(PHRASES["RESCUE_MED"]):  # a rescue medicine is a medicine ("rescue med")
            self.add(phrase, "MED")
        for phrase in _phrase_lines(PHRASES["ANOTHER_OFTEN"]):  # "keeps having seizures": how often, read as
            self.add(phrase, "ANOTHER_STRONG")  # seizures coming again by every rule but the cluster's
        for phrase in _phrase_lines(PHRASES["FIRST_AID"]):  # "what do you do if ..." is a hypothetical as well
            if any(w in phrase.split() for w in ("if", "when", "during")):
                self.add(phrase, "HYPO")
        self.extra: dict[tuple[str, ...], frozenset[str]] = {}
        own = {concept: _phrase_lines(PHRASES[concept]) for concept in OWN_PASS}
        for concept, phrases in (own | dict(extra or {})).items():
            for phrase in phrases:
                key = _phrase_key(phrase)
                if key:
                    self.extra[key] = self.extra.get(key, frozenset()) | {concept}
        self.words: dict[str, frozenset[str]] = {}
        for concept, spec in WORDS.items():
            for word in spec.split():
                self.words[word] = self.words.get(word, frozenset()) | {concept}
        for word in (WORDS["PERSON"] + " " + WORDS["CHILD"]).split():  # "my husbands pills", "sons", "kids"
            if word not in _PRONOUNS and not word.endswith("s") and f"{word}s" not in self.words:
                self.words[f"{word}s"] = self.words[word]
        self.longest: dict[str, int] = {}
        for key in self.phrases:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        self.extra_longest: dict[str, int] = {}
        for key in self.extra:
            self.extra_longest[key[0]] = max(self.extra_longest.get(key[0], 0), len(key))
        self.extra_first = frozenset(self.extra_longest)
        self.known = frozenset(w for key in self.phrases for w in key) | frozenset(self.words) | frozenset(SPELLINGS.values())
        self._deletions: dict[str, set[str]] = {}
        for target in FUZZY_TARGETS | set(MEDICINE_NAMES):
            if len(target) >= 6:
                for variant in {target, *_deletes(target)}:
                    self._deletions.setdefault(variant, set()).add(target)
        # Long medicine names get two edits ("lamotrigen", "levetiracitam"): people spell the start and guess the end,
        # so they are filed by their first three letters and compared directly (a handful share any three letters).
        self._names_by_start: dict[str, tuple[str, ...]] = {}
        for name in sorted(MEDICINE_NAMES):
            if len(name) >= 9:
                self._names_by_start[name[:3]] = (*self._names_by_start.get(name[:3], ()), name)

    def add(self, phrase: str, concept: str) -> None:
        key = _phrase_key(phrase)
        if key:
            self.phrases[key] = self.phrases.get(key, frozenset()) | {concept}

    def scan(self, words: list[str], breaks: frozenset[int] = frozenset()) -> Hits:
        """Where each concept is mentioned in folded `words`: concept -> positions in the core words. No phrase
        runs across a comma (`breaks`: the positions of the words one follows)."""
        hits: Hits = {}
        core: list[str] = []
        core_breaks: set[int] = set()
        after_for: set[int] = set()  # core words after a dropped "for": "for (like) 3 weeks" says how long
        after_like: set[int] = set()  # ... and after a dropped "like": "is that like a seizure?" compares
        after_own: set[int] = set()  # ... and after a dropped "his", "her", "my": "his second seizure" counts a life's
        point_of_thing: list[int] = []  # "what's even the point of that (test)": a thing's use, not a life's
        pending_for = pending_like = pending_own = False
        for index, word in enumerate(words):
            if index - 1 in breaks and core:
                core_breaks.add(len(core) - 1)
            if word not in self.known:
                if len(word) >= 5 and word.endswith("in") and word + "g" in self.known:
                    word += "g"  # a dropped g: "cuttin", "wakin", "stabbin" ("thin" is too short to be "thing")
                elif len(word) >= 6:
                    word = self.fuzzy(word)
            for concept in self.words.get(word, ()):
                hits.setdefault(concept, []).append(len(core))
            if word not in DROP or _kept(word, core[-1] if core else ""):
                if pending_for:
                    after_for.add(len(core))
                if pending_like:
                    after_like.add(len(core))
                if pending_own:
                    after_own.add(len(core))
                pending_for = pending_like = pending_own = False
                core.append(word)
            elif word == "of" and core and core[-1] == "point" and words[index + 1:index + 2] and \
                    words[index + 1] in _POINTED_THINGS:
                point_of_thing.append(len(core) - 1)
            elif word == "for":
                pending_for = True
            elif word == "like":
                pending_like = True
            elif word in _OWNERS:
                pending_own = True
        ends = sorted(core_breaks)  # where the clauses end: "she is not breathing, when someone goes blue ..."
        masked = _greedy(core, self.phrases, self.longest, hits, ends)
        if ends:
            hits["COMMA"] = ends
        if self.extra and not self.extra_first.isdisjoint(core):  # admins' phrases (and OWN_PASS) on their own pass:
            # they never hide the lexicon's concepts
            _greedy(core, self.extra, self.extra_longest, hits, ends)
        _numbers(core, hits, after_for, ends)
        if likened := [p for p in hits.get("SEIZ", ()) if p in after_like]:
            hits["LIKENED"] = likened
        # "all the steroids I took for the arthritis": a course taken for something, not a packet at once
        drop_where(hits, "ALL", lambda p: any(0 < t - p <= 3 and t + 1 in after_for for t in hits.get("TOOK", ())))
        if lifetime := [p for p in after_own if core[p] in _COUNTED]:  # "just had his second seizure"
            hits["OWN_ORDINAL"] = lifetime
        if later := [p for p in after_for if core[p] in ("later", "future")]:  # "for later: what not to do ...?"
            hits.setdefault("NEXT_TIME", []).extend(later)
        # "whats even the point of that" of a test: what a thing is for, not despair ("... of it all", "of living")
        drop_where(hits, "PASSIVE", lambda p: any(0 <= q - p <= 3 for q in point_of_thing))
        _in_context(core, hits)
        if masked:  # "seizure pills" names a medicine, "seizure types" a topic: not a seizure; "the jerking ones" a
            # kind of seizure, not a sign seen now
            for concept in ("SEIZ", "SEIZ_PL", "SINGULAR", "ING", "SIGN"):
                if concept in hits:
                    hits[concept] = [p for p in hits[concept] if p not in masked]
                    if not hits[concept]:
                        del hits[concept]
        return hits

    def fuzzy(self, word: str) -> str:
        """The fuzzy target one edit from `word`, or `word` itself (cached: the same words come back)."""
        return _fuzzy_cached(self, word)

    def _nearest(self, word: str) -> str:
        if len(word) < 6 or len(word) > 24 or word in self.known or word in NOT_TYPOS or not word.isalpha():
            return word
        candidates: set[str] = set()
        for variant in (word, *_deletes(word)):
            candidates |= self._deletions.get(variant, set())
        best = min(sorted(candidates), key=lambda t: OSA.distance(word, t), default=None)
        if best is not None and OSA.distance(word, best, score_cutoff=1) <= 1:
            return best
        if len(word) < 8:
            return word
        # The names within two edits that start the same: compared one by one, not through the word's two-letter
        # deletions (quadratic in its length, and a message may hold hundreds of long words). The same names:
        # each edit of an OSA distance costs at most one deletion on each side.
        names = [n for n in self._names_by_start.get(word[:3], ()) if OSA.distance(word, n, score_cutoff=2) <= 2]
        return min(names, key=lambda n: OSA.distance(word, n)) if names else word


_PRONOUNS = frozenset(("he", "she", "him", "they", "them", "gf", "bf"))
# "seizure pills", "seizure types", "no seizure, just clumsy" (denied), "lying awake" (another sense): the event
# words they cover are no event
_MASKING = frozenset(("MED", "SEIZ_TOPIC", "SEIZ_KIND", "NO_SEIZ", "OTHER_SENSE"))


def _greedy(core: list[str], table: dict[tuple[str, ...], frozenset[str]], longest: dict[str, int],
            hits: Hits, ends: Sequence[int] = ()) -> set[int]:
    """Longest match at each position: "not breathing" is one concept, not "not" + "breathing". Returns the
    positions covered by a medicine or a seizure-topic phrase. No match runs past a break (`ends`, sorted: the words
    a comma follows)."""
    masked: set[int] = set()
    position, size = 0, len(core)
    next_end = 0  # the first break not yet passed
    while position < size:
        step = 1
        while next_end < len(ends) and ends[next_end] < position:
            next_end += 1
        reach = ends[next_end] + 1 if next_end < len(ends) else size
        for length in range(min(longest.get(core[position], 0), reach - position), 0, -1):
            concepts = table.get(tuple(core[position:position + length]))
            if concepts:
                for concept in concepts:
                    hits.setdefault(concept, []).append(position)
                if concepts & _MASKING:
                    masked.update(range(position, position + length))
                step = length
                break
        position += step
    return masked


@lru_cache(maxsize=32768)
def _fuzzy_cached(lexicon: Lexicon, word: str) -> str:
    return lexicon._nearest(word)


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


_HOUR_ABBREVIATIONS = frozenset(("hr", "hrs"))
_COUNT_WORDS = frozenset(("a", "an", "one", "two", "three", "four", "five", "six", "few", "couple", "half", "several",
                          "many", "some", "24", "48"))


def _a_count(word: str) -> bool:
    return word.isdigit() or word in _COUNT_WORDS or word.replace(".", "", 1).isdigit()


def fold_words(words: list[str]) -> list[str]:
    """Glued numbers split, text-speak spelled out, negated auxiliaries read as "not"."""
    out: list[str] = []
    for raw in words:
        for word in _split_glued(raw):
            if word in _HOUR_ABBREVIATIONS and not (out and _a_count(out[-1])):
                out.append(word)  # "HR want a meeting": human resources, not hours ("2 hrs", "an hr" are)
                continue
            word = SPELLINGS.get(word, word)
            if " " in word:
                out.extend(word.split())
            elif word in NEGATED:
                out.append("not")
            else:
                out.append(word)
    if out[-2:] == ["any", "more"]:  # "cant swallow her tablets any more": no longer, not more of them
        out[-2:] = ["anymore"]
    return out


def core_words(words: list[str]) -> list[str]:
    """Words that phrases are matched on: filler dropped ("to" stays after "what" and "how": "what to do" is not
    "what do")."""
    return [w for i, w in enumerate(words) if w not in DROP or (i and _kept(w, words[i - 1]))]


_TALK = frozenset(("talk", "talks", "talking", "speak", "speaks", "speaking"))


def _kept(word: str, before: str) -> bool:
    """A filler word that matters after this one: "what to do" is not "what do"; "end of life care" is not "end
    life"; "the cure they don't talk about" is no "can't talk"."""
    return (word == "to" and before in ("what", "how")) or (word == "of" and before in ("end", "ending")) or (
        word == "about" and before in _TALK)
