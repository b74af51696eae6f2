"""bot/nlu/safety_unit.py: where a unit's concepts are, and how it talks (now, calm, habitual, an event).

Units are built from concept positions as the lexicon gives them (concept -> word positions)."""

from __future__ import annotations

from bot.nlu.safety_phrases import PHRASES, WORDS
from bot.nlu.safety_unit import Unit, changes_medicine, is_progressive, read_frame

CONCEPTS = {*PHRASES, *WORDS}


def unit(**hits: list[int]) -> Unit:
    assert set(hits) <= CONCEPTS, set(hits) - CONCEPTS  # concepts the lexicon really finds
    return Unit(dict(hits))


def test_positions_near_and_before() -> None:
    u = unit(PERSON=[0], SEIZ=[3], NOT=[5])
    assert "SEIZ" in u and "MED" not in u
    assert u.any("MED", "SEIZ") and not u.any("MED", "OD")
    assert u.count("SEIZ") == 1 and u.count("MED") == 0
    assert u.near("SEIZ", "PERSON", 3) and not u.near("SEIZ", "PERSON", 2)
    assert u.before("PERSON", "SEIZ", 3) and not u.before("SEIZ", "PERSON", 5)  # order matters
    assert not u.near("SEIZ", "MED", 100)


def test_something_happening_now_is_now() -> None:
    frame = read_frame(unit(PERSON=[0], NOW_STRONG=[1], SEIZ=[2]))  # "she ... right now ... seizure"
    assert frame.now and frame.event and not frame.calm


def test_a_history_is_calm_and_not_now() -> None:
    frame = read_frame(unit(FIRST_P=[0], HISTORY=[1], SEIZ=[3], PAST=[2]))  # "i ... years ago had a seizure"
    assert frame.calm and not frame.now and frame.event


def test_sometimes_is_habitual_unless_it_is_happening_now() -> None:
    assert read_frame(unit(PERSON=[0], HABITUAL=[1], SEIZ=[2])).habitual
    assert not read_frame(unit(PERSON=[0], HABITUAL=[1], SEIZ=[2], NOW_STRONG=[3])).habitual


def test_is_having_a_seizure_is_progressive_but_having_seizures_is_the_illness() -> None:
    one = unit(PERSON=[0], AUX_NOW=[1], PRESENT=[1], ING=[2], HAVING=[2], SINGULAR=[3], SEIZ=[3])
    many = unit(PERSON=[0], AUX_NOW=[1], PRESENT=[1], ING=[2], HAVING=[2], SEIZ_PL=[3], MED=[5])
    assert is_progressive(one) and read_frame(one).now
    assert not is_progressive(many)
    assert is_progressive(unit(AUX_NOW=[0], ING=[1]))  # "is seizing"
    assert not is_progressive(unit(ING=[3]))  # "-ing" with no "is" before it


def test_a_change_verb_with_the_medicine_as_its_object_changes_medicine() -> None:
    assert changes_medicine(unit(FIRST_P=[0], CHANGE=[1], MED=[2]))  # "i stop keppra"
    assert not changes_medicine(unit(MED=[0], CHANGE=[1]))  # "keppra stopped working"
    assert not changes_medicine(unit(CHANGE=[1], BLOCK=[2], MED=[3]))  # "stopped when i started keppra"
    assert not changes_medicine(unit(CHANGE=[1], MED=[9]))  # too far apart
