"""Questions about the bot itself, read by pattern before matching."""

import pytest

from bot.nlu.message import Message
from bot.nlu.self_questions import asks_about_the_bot


@pytest.mark.parametrize(("text", "about"), [
    ("are you a doctor?", True), ("Are you a real person?", True), ("am i talking to a real person", True),
    ("what are you?", True), ("who made you", True), ("where does your information come from", True),
    ("Who make you?", True), ("who build this bot", True),  # non-native verb forms
    ("is this a bot", True), ("can i trust you", True),
    ("are you a doctor y/n", True), ("are u a bot or what lol", True),  # a tag after the question
    ("Are you a pharmacist or a doctor, by the way?", True), ("are you actually a pharmacist?", True),
    ("can i trust what you say, are you medically qualified?", True),
    ("wait am i talking to a machine this whole time?", True),
    ("are you a bot by the way", True), ("Am I addressing a doctor?", True),
    ("is this bot even reliable?", True), ("who wrote the information?", True),
    ("i want to talk to a real person", False), ("are you able to explain ms", False),
    ("what are ms lesions", False), ("can i trust my neurologist", False),
    # either-or, automated, and the question as one clause of a longer message
    ("machine or person?", True), ("am i texting with a nurse or a bot", True), ("is this automatic", True),
    ("hello, are you a robot? just checking before I ask", True), ("is that real? my aunt says so", False),
    ("so I read that diet cures ms. is it real or a myth", False),
    # from the blind training paraphrases
    ("who am i talking to", True), ("is this chat automated", True), ("is this an automated service", True),
    ("is this a real doctor answering", True), ("what kind of service is this", True),
    # a noun after the thing (dev set 13): "an automated service", "an automated system"
    ("Sorry, am I talking to a person or an automated service?", True), ("are you an automated system", True),
    ("is it automatic that ms gets worse", False), ("is this a real relapse", False),
    # development set 15: a learner's word order, a person typing, an adverb, the service named
    ("you are human?", True), ("Forgive me for asking, but is there a real person typing these replies?", True),
    ("what is this service, who am i actually talking to", True), ("is there a person behind this", True),
    ("is there someone i can talk to", False), ("you are so helpful", False), ("what is this thing on my scan", False),
    # rounds 24 and 25, development set 22: other machines and services, a tag of time or address, "even"
    ("is this AI or a call centre", True), ("am i talking to a person right now", True),
    ("Is this an LLM? What's under the hood?", True), ("so you're a computer", True), ("who even made this", True),
    ("who checks this stuff", True), ("hello, is this the MS helpline", True), ("Are you a real nurse, dear?", True),
    ("is there a helpline for carers", False), ("who made the ms drugs", False), ("so youre saying its my fault", False),
    # rounds 100 to 103: privacy, who funds or decides, who writes "on here", a marketing tool
    ("hi, is this anonymous? does anyone read these?", True), ("does anyone read these", True),
    ("Who writes the info on here btw?", True), ("Who funds this bot, out of interest?", True),
    ("so who decides what you're allowed to tell me", True), ("Are you just a marketing tool for a drug company?", True),
    ("who reads my messages", True), ("is this private", True),
    ("does anyone read my mri scans", False), ("who funds ms research", False), ("is my mri private", False),
    # rounds 112 and 113: who paid for it, written by doctors, which languages
    ("who paid for this bot?", True), ("were these answers written by doctors", True),
    ("Sorry, hello. Do you understand polish?", True), ("u speak english only?", True),
    ("who paid for her ocrelizumab", False), ("is the leaflet written by doctors", False),
    ("does ms affect the english exam", False),
    # rounds 136 and 137: who is paying, free to use, "the nurse" asked after a greeting
    ("whos funding this app?", True), ("is this service totally free?", True), ("do i have to pay to use this", True),
    ("hi is this the doctor", True),
    ("whos paying for her physio", False), ("is the mri free on the nhs", False), ("is this the right dose", False),
    ("do we have to pay for it", False), ("is it free", False),
    ("do we write it on the chart or is that the pharmacist", False),
    # rounds 138 and 139: who decided what it says, references asked for
    ("so who chose what the bot tells people", True), ("can you give me your sources", True),
    ("do you have references we could use", True),
    ("who decided what dose i take", False), ("do you have references for the ketogenic diet", False),
])
def test_questions_about_the_bot_are_read_by_pattern(text: str, about: bool) -> None:
    assert asks_about_the_bot(Message(text)) is about
