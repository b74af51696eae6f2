"""bot/nlu/safety_crisis.py: the crisis criteria a unit meets, and their tier.

Units are built from concept positions as the lexicon gives them (concept -> word positions)."""

from __future__ import annotations

from bot.nlu.safety_crisis import crisis
from bot.nlu.safety_phrases import PHRASES, WORDS
from bot.nlu.safety_unit import Unit, read_frame

CONCEPTS = {*PHRASES, *WORDS}


def criteria(**hits: list[int]) -> list[tuple[str, str]]:
    assert set(hits) <= CONCEPTS, set(hits) - CONCEPTS  # concepts the lexicon really finds
    u = Unit(dict(hits))
    return crisis(u, read_frame(u))


def test_wanting_to_die_is_a_certain_wish_dead() -> None:
    assert ("wish_dead", "certain") in criteria(FIRST_P=[0], WISH=[1], DEATH=[2])  # "i want to die"


def test_not_wanting_to_die_is_a_fear_not_a_wish() -> None:
    assert criteria(FIRST_P=[0], NOT=[1], WISH=[2], DEATH=[3]) == []  # "i don't want to die"


def test_active_ideation_and_self_harm_are_named() -> None:
    assert ("active_ideation", "certain") in criteria(FIRST_P=[0], ACTIVE=[1])
    assert ("self_harm", "certain") in criteria(FIRST_P=[0], SELF_HARM=[1])
    assert not [c for c in criteria(FIRST_P=[0], SELF_HARM=[1], SELF_ACCIDENT=[3]) if c[0] == "self_harm"]


def test_a_method_with_a_plan_is_method_plan_intent() -> None:
    assert ("method_plan_intent", "certain") in criteria(FIRST_P=[0], PLAN=[1], METHOD=[3])


def test_a_general_question_or_a_history_is_not_a_crisis() -> None:
    assert criteria(KNOWLEDGE=[0], ACTIVE=[2]) == []  # "what is the suicide rate ..."
    assert criteria(FIRST_P=[0], HISTORY=[1], SELF_HARM=[2]) == []  # "i used to self harm as a teenager"
    assert criteria(KNOWLEDGE=[0], LETHAL=[1], MED=[3]) == [("method_plan_intent", "certain")]  # asked or not


def test_low_mood_alone_is_a_possible_crisis_for_a_person_only() -> None:
    assert criteria(FIRST_P=[0], LOW_MOOD=[1]) == [("passive_ideation", "possible")]
    assert criteria(LOW_MOOD=[1]) == []
    assert criteria(FIRST_P=[0], LOW_MOOD=[1], WELL=[3]) == []  # "... but im ok"


def test_saving_up_medicine_is_preparation() -> None:
    assert ("preparation", "certain") in criteria(FIRST_P=[0], STOCK=[1], MED=[3])
