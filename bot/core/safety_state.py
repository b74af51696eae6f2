"""Safety that carries through a conversation: the 30 minutes after an emergency or crisis reply.

After an emergency reply, follow-ups ("it's been 6 min", "he stopped, he's sleeping", "what now")
get guidance for that emergency, never the topic from before; a clear new question may be
answered, with the emergency line on top. After a crisis reply, no article excerpt unless the
message is a clear question, and the crisis line stays on every reply. Plain Python: the engine
asks, the store keeps the state with the chat's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlu.message import Message
from bot.nlu.safety import Reading

STATE_SECONDS = 30 * 60
# Emergency criteria with their own steps (bot.core.compose_safety.GUIDES): their follow-ups are not about a seizure
NOT_A_SEIZURE = ("stroke_signs", "overdose", "serious_injury", "heart_or_allergy")
STATES = ("emergency", "crisis")
# After a possible crisis (its line on top of the answer) the chat is watched for 30 minutes: a second possible crisis
# in them gets the crisis reply ("im done with all of it", then "ive got a plan"). Not a state: nothing else changes
WATCH = "watch"
# First words of a question: "what is ms", "can ms cause ..." (a message starting another way is a follow-up).
QUESTION_WORDS = frozenset(["what", "whats", "how", "why", "is", "are", "can", "could", "does", "do", "did", "should", "will", "would", "which", "when", "where", "who", "tell", "explain"])


@dataclass(frozen=True, slots=True)
class SafetyState:
    """Which safety reply the chat had, for which criterion, and when (seconds since the epoch); `also`, the
    other danger of these 30 minutes ("crisis" beside an emergency), whose line stays on every reply."""

    kind: str
    criterion: str | None
    since: float
    also: str | None = None
    # after an emergency, a message of its 30 minutes said help has come or it is over ("ambulance is here",
    # "she's stopped, breathing"): questions after it that tell nothing alarming get their own answers
    settled: bool = False

    def active(self, now: float) -> bool:
        return self.kind in STATES and self._within(now)

    def watching(self, now: float) -> bool:
        """A possible crisis was answered less than 30 minutes ago."""
        return self.kind == WATCH and self._within(now)

    def _within(self, now: float) -> bool:
        return 0 <= now - self.since < STATE_SECONDS

    def lines(self) -> tuple[tuple[str, str | None], ...]:
        """The safety lines the state keeps on top of a reply: its own, then the other danger's."""
        return ((self.kind, self.criterion), *self.also_line())

    def also_line(self) -> tuple[tuple[str, str | None], ...]:
        return ((self.also, None),) if self.also in STATES and self.also != self.kind else ()

    def refreshed(self, now: float, also: str | None = None, settled: bool = False) -> SafetyState:
        """Its 30 minutes anew, with `also` the danger a message of them added (a crisis said during an emergency),
        settled once a message said help has come or it is over."""
        return SafetyState(self.kind, self.criterion, now, _other(self.kind, self.also, also), self.settled or settled)


def start(kind: str, criterion: str | None, now: float, crisis_too: bool = False,
          before: SafetyState | None = None) -> SafetyState:
    """The state an emergency or crisis reply starts, keeping the danger of the state `before` it: a crisis, then a
    seizure, keeps the crisis line through the seizure's 30 minutes."""
    had = (before.kind, before.also) if before is not None else ()
    return SafetyState(kind, criterion, now, _other(kind, *had, "crisis" if crisis_too else None))


def _other(kind: str, *dangers: str | None) -> str | None:
    """The first of `dangers` that is a state other than `kind`."""
    return next((d for d in dangers if d in STATES and d != kind), None)


def clear_question(message: Message, reading: Reading) -> bool:
    """For a message the matcher answered with a topic: is it a new question, not a word about what is
    happening? Asked as a question, three words or more, naming no person, sign or time of the emergency, or
    asked once help is with them ("The crew have taken over. In future, how long before one calls?"), or asking what
    caused it of a time before ("he had a cold last week. can an infection set off a cluster like that")."""
    return asks(message) and (reading.help_here or reading.asks_a_cause_before
                              or not (reading.about_the_scene or message.text.startswith(_THE_EVENT)))


# "is this ms or a stroke??", "could this be a relapse": a question about what is happening, which the guidance answers
_THE_EVENT = ("is this ", "could this ", "can this ", "is that ", "was that ", "was this ", "might this ")


def asks(message: Message) -> bool:
    """A question of three words or more. "AMBULANCE CAME. THEY SAY IT IS AN MS RELAPSE. WHAT IS A RELAPSE
    EXACTLY": a sentence of its own may ask it."""
    asked = "?" in message.raw or any(s.words and _opening(s.words) in QUESTION_WORDS for s in message.sentences)
    return (asked or _asked_last(message) or asks_for_a_topic(message)) and len(message.words) >= 3


def asks_for_a_topic(message: Message) -> bool:
    """ "no i dont want to talk to anyone right now just tell me about physio": a topic asked for, anywhere."""
    return _TELL_ME.search(message.text) is not None


_TELL_ME = re.compile(r"\b(?:tell|explain|show) (?:me|us) (?:about|more|what|how|why)\b")


def _asked_last(message: Message) -> bool:
    """ "doctor say her epilepsy is refractory, wat mean": the last clause, after a comma, opens on a question word."""
    *before, last = message.raw[:MAX_CLAUSE_SCAN].lower().rsplit(",", 1)
    words = re.findall(r"[a-z]+", last)
    return bool(before) and 2 <= len(words) <= LAST_CLAUSE_WORDS and (
        words[0] in QUESTION_WORDS or words[0] in _SPELT_QUESTION_WORDS)


LAST_CLAUSE_WORDS = 6  # "..., what does that mean for her": a short question put after what is told
MAX_CLAUSE_SCAN = 2000  # characters read for it (messages are bounded before this; a guard all the same)
_SPELT_QUESTION_WORDS = frozenset(("wat", "wot", "wats", "hw", "y"))  # (QUESTION_WORDS has "whats")


# Words a question may open on before its question word: "and is there a support group ...", "so what now"
_LEAD_INS = frozenset(("and", "so", "but", "also", "ok", "okay", "oh", "then"))


def _opening(words: tuple[str, ...]) -> str:
    """The sentence's first word, past a lead-in ("and is there ..." opens on "is")."""
    return words[1] if words[0] in _LEAD_INS and len(words) > 1 else words[0]


# A question about later, not the scene: "can he still go on the school trip next week", "is he allowed to drive after
# this", "can i still do pe tmrw"
_MAY_STILL = re.compile(r"\b(?:can|could|may|will) (?:he|she|i|they|we|u|you) still (?:go|do|drive|play|swim|work|travel|"
                        r"fly|attend|ride|cycle|come|join|sit|take part)\b|\b(?:is|are|am|will) (?:he|she|i|they|we) "
                        r"(?:be )?allowed\b|"  # asks, whatever comes before it ("also can he still go ...")
                        # "And is it safe for her to have a bath on her own?": what she may do from now on
                        r"\bis it (?:safe|ok|okay|alright|all right|fine) for (?:her|him|me|them|us) to\b")
_LATER = re.compile(r"\bnext (?:week|month|year|term)\b|\b(?:tomorrow|tmrw|tmw|tomoz|monday|tuesday|wednesday|thursday|"
                    r"friday|saturday|sunday|weekend)\b")
# "will she be able to drive again": later too, but right after a stroke's reply it may come before anyone has
# called, so only after a seizure or once help has come
_ABLE_AGAIN = re.compile(r"\b(?:he|she|i|they|we|u|you) (?:still |ever )?be able to (?:go|do|drive|play|swim|work|"
                         r"travel|fly|ride|cycle)\b|\b(?:drive|work|swim|travel|fly|cycle) again\b")


def asks_about_later(message: Message, reading: Reading, state: SafetyState) -> bool:
    """A question about school, sport, driving or work later on, asked in an emergency's 30 minutes with nothing
    alarming in it: answered as a question (with the line on top), not with the guidance again."""
    able = (seizure_care(state) or state.settled) and _ABLE_AGAIN.search(message.text) is not None
    later = _MAY_STILL.search(message.text) is not None or (asks(message) and (
        able or _LATER.search(message.text) is not None))
    # ... unless it tells something alarming ("she's turning blue, can she still go tomorrow")
    return later and len(message.words) >= 3 and "now" not in message.words and not reading.tells_an_alarm


def seizure_care(state: SafetyState) -> bool:
    """Whether the first-aid after-care fits this emergency: a seizure or a collapse, not a stroke or an overdose."""
    return state.kind == "emergency" and state.criterion not in NOT_A_SEIZURE
