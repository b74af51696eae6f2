"""Safety rules: fresh phrasings (not the development set), typos, and calm look-alikes."""

import pytest

from bot.nlu.safety import SafetyCheck, canonical_text

CHECK = SafetyCheck({"emergency": ["code red seizure"], "crisis": ["feel like giving up for good"]})


@pytest.mark.parametrize("text", [
    "my grandson is seizing on the kitchen floor",
    "she is having a seizure and its not stopping",
    "the fit has gone on for 8 minutes",
    "seisure over five minutes what do i do",
    "he had two fits back to back and hasnt woken",
    "my partner stopped breathing after a fit",
    "his lips are blue",
    "she hit her head hard on the radiator during a fit",
    "his face is drooping and his speech is slurred",
    "my dad cant lift his arm suddenly",
    "i think my wife is having a stroke",
    "CODE RED SEIZURE",
])
def test_emergencies(text: str) -> None:
    flag = CHECK.check(text)
    assert flag is not None and flag.kind == "emergency", text


@pytest.mark.parametrize("text", [
    "i have been thinking about suicide",
    "i want to end my life",
    "thinking of hurting myself tonight",
    "i feel like giving up for good",
    "there is no reason to live anymore",
    "i wish i was dead",
])
def test_crisis(text: str) -> None:
    flag = CHECK.check(text)
    assert flag is not None and flag.kind == "crisis", text


@pytest.mark.parametrize("text", [
    "can i stop taking my tecfidera",
    "should my mum double her lamotrigine",
    "is it safe to skip my baclofen tonight",
    "can i come off my epilepsy medication",
])
def test_medication_change(text: str) -> None:
    flag = CHECK.check(text)
    assert flag is not None and flag.kind == "medication_change", text


@pytest.mark.parametrize("text", [
    "what does a seizure feel like",
    "what happens in the brain during a seizure",
    "how should you help when someone is having a seizure",
    "can sleep loss trigger seizures",
    "my seizures are not responding to medication",
    "i still get fits every month",
    "what is multiple sclerosis",
    "how do ms medicines work",
    "he had a head injury years ago and now has epilepsy",
    "blurry vision with ms",
    "my seizures wont stop with meds, what else is there",
    "my dad had a stroke two years ago and now gets seizures, is that linked",
])
def test_calm_questions_are_not_flagged(text: str) -> None:
    assert CHECK.check(text) is None, text


def test_emergency_beats_crisis_and_medication() -> None:
    flag = CHECK.check("i want to die, my son is seizing right now")
    assert flag is not None and flag.kind == "emergency"


def test_canonical_text_folds_typos() -> None:
    assert canonical_text("Siezure!!") == "seizure"
    assert canonical_text("breething") == "breathing"
