"""bot/nlu/definition.py: questions that ask what a term is."""

import pytest

from bot.nlu.definition import defined_term
from bot.nlu.message import Message


@pytest.mark.parametrize(("text", "term"), [
    ("What's MS?? my teacher has it", "ms"),
    ("wat even is epilepsy", "epilepsy"),
    # learners' forms and a name with what is wanted of it (blind round 22, development set 20)
    ("what mean refractory? doctor write this word in letter for my son", "refractory"),
    ("What means 'refractory'? It is written in my mother report from hospital.", "refractory"),
    ("MS - short explanation", "ms"),
    ("new client has epilepsy. quick overview pls", "epilepsy"),
    ("wat even is epilepsy like properly. my mate says its just fits", "epilepsy"),
    # "how??" is no name for "it" to stand for; the disease got is
    ("just been told ive got MS. 38, fit as a butcher's dog, ride 300k a week. how?? what actually is it?", "ms"),
    # a word quoted in the story is what "that" means
    ("client says shes 'in remission' with ms, what does that mean", "in remission"),
    ("what does \"multiple sclerosis\" actually mean, like the name?", "multiple sclerosis"),
    ("MS - what is it, short", "ms"),
    ("Good afternoon. Could you kindly explain what epilepsy is, in plain terms?", "epilepsy"),
    ("How would you define epilepsy for a patient, in simple language?", "epilepsy"),
    ("Could you kindly explain to me what is meant by the term epilepsy?", "epilepsy"),
    ("what is mean epilepsy? doctor say this word for my brother", "epilepsy"),  # a learner's word order
    ("what is a relapse", "relapse"),
    # whether what is told is the term (round 103): "is this a relapse"
    ("mum has ms n shes been in bed 3 days, says her legs feel numb n weird. is this a relapse", "relapse"),
    ("could that be a relapse?", "relapse"),
    ("what is the gut brain axis", "gut brain axis"),
    # "it" is the disease named in an earlier sentence
    ("I was told last week that I have epilepsy. What actually is it?", "epilepsy"),
    ("just diagnosed with MS today. what actually is it?", "ms"),
    # "that" is a word quoted or named as a word before the question
    ("Our son's doctor used the word refractory. What does that mean exactly?", "refractory"),
    ("they told us my partner's epilepsy is 'drug resistant'. what does that actually mean?", "drug resistant"),
    # ... or the disease the sentence before ends on having, or a word it is called (development set 15)
    ("I was told last week that I have epilepsy. What does that actually mean?", "epilepsy"),
    ("mums epilepsy is called intractable. what does that mean", "intractable"),
    # a laugh ends the question; "in plain words" before what is asked
    ("wat even is epilepsy lol my mate has it", "epilepsy"),
    ("Could you explain in plain words what epilepsy is? My doctor rushed thru it.", "epilepsy"),
    # a word named before the question with more words after it; a bare term as a sentence of its own; "no clue
    # what it means", "what does it signify"
    ("I keep hearing the word neuroinflammation on the radio. What does it signify?", "neuroinflammation"),
    ("gliosis?? saw it on his scan report and i have no idea what it means", "gliosis"),
    ("the neurologist used the term refractory epilepsy. what does that stand for", "refractory epilepsy"),
    # the question and a story in one sentence, with no stop between (rounds 20-21, dev set 19)
    ("whats ms my form tutor has it", "ms"),
    ("my form tutor has ms wat is that", "ms"),
    ("new client has epilepsy quick rundown pls what is it", "epilepsy"),
    ("neuro said im refractory wtf does that mean", "refractory"),
    ("my tutor is off cos she had a relapse what does that mean", "relapse"),
])
def test_a_definition_question_names_its_term(text: str, term: str) -> None:
    assert defined_term(Message(text)) == term


@pytest.mark.parametrize("text", [
    "what is it",  # nothing named before: a follow-up, read with the chat's topic
    "they told us his epilepsy is drug resistant. what does that mean?",  # "that" is the words just said
    "what are the treatments for lupus",  # a preposition: another question than what a term is
    "P-gp and epilepsy drugs, quick explanation pls",  # epilepsy named, not had: no "it" to explain
    "What can we do?", "what should i do", "whats up", "what is happening to me",
    "what is it like living with ms", "what are the symptoms of ms",
    "My wife had an MRI for her MS and they also found a small meningioma. What is that?",
    "what is the difference between ms and epilepsy",
    "my son has epilepsy and i dont know what it means",  # "it" is nothing named before this sentence
    "My granddaughter's scan showed scars on her brain. What are these scars?",  # "these": the words just said
    "my neuro mentioned ocrevus for ms what is it",  # "it" is ocrevus, not the disease it is for
    "she has ms and takes baclofen what is it",  # a story goes on after the disease had
    "what is the best diet for my son", "whats the point i give up", "what is it my son has",
    "my legs go numb n tingly, is that an ms thing", "is it a sign of a relapse",  # whether it belongs to a thing
])
def test_other_questions_name_no_term(text: str) -> None:
    assert defined_term(Message(text)) is None


def test_a_long_sentence_is_not_read() -> None:
    assert defined_term(Message("what is " + "very " * 20 + "epilepsy")) is None


@pytest.mark.parametrize(("text", "term"), [
    ("quick one - whats epilepsy exactly, new client has it", "epilepsy"),
    ("ok so - my son has ms, what is it?", "ms"),  # a clause that is only "ok so" is no term
    ("hi, what is refractory epilepsy, my son has it", "refractory epilepsy"),
])
def test_a_short_message_is_read_clause_by_clause(text: str, term: str) -> None:
    assert defined_term(Message(text)) == term


def test_a_clause_of_a_longer_message_is_not_read() -> None:
    story = "we have been to the hospital " * 4
    assert defined_term(Message(f"{story}, whats epilepsy exactly, new client has it")) is None
