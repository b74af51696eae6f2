"""The conversation engine: normalise -> safety -> match -> compose. No channel types here.

The terminal chat, the CLI and Telegram all call `Engine.respond` / `Engine.act`
and then render and record the `Turn` they get back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.content.intents import Intent
from bot.content.knowledge import Knowledge, Library
from bot.core import compose, compose_safety
from bot.core.actions import parse_action
from bot.core.handover_replies import ASK as HANDOVER_ASK
from bot.core.handover_replies import HandoverPolicy, compose_request
from bot.core.reply import Reply
from bot.core.safety_state import SafetyState, clear_question
from bot.nlu.matcher import Match
from bot.nlu.normalise import MAX_MESSAGE_CHARS, has_letters
from bot.nlu.safety import SafetyFlag

FOLLOW_UP_CHARS = 300  # longer messages are not follow-ups: they are not matched a second time (bounded work)
# The word a follow-up borrows from the last topic: "and what about treatment?" after MS.
TOPIC_WORDS = {"ms": "ms", "epilepsy": "epilepsy", "neuro-immune": "immune"}
URGENT_KINDS = ("emergency", "crisis")  # safety replies that cannot wait, even while a person is on the line
SAFETY_KINDS = (*URGENT_KINDS, "medication_change")  # the turns that are a safety reply


@dataclass(frozen=True, slots=True)
class Context:
    """What the bot remembers of a chat: the last topic it answered, and a recent emergency or crisis reply."""

    last_intent: str | None = None
    last_article: str | None = None
    topic: str | None = None
    safety: SafetyState | None = None

    def state(self, now: float) -> SafetyState | None:
        """The emergency or crisis state, if its 30 minutes are not over."""
        return self.safety if self.safety is not None and self.safety.active(now) else None


@dataclass(frozen=True, slots=True)
class Turn:
    """The outcome of one message or button press."""

    reply: Reply
    # emergency, crisis, medication_change, topical, smalltalk, handover, ambiguous, fallback, action, empty
    kind: str
    intent_id: str | None = None
    score: float = 0.0
    match: Match | None = None
    safety: SafetyFlag | None = None
    context: Context = Context()
    used_context: bool = False


class Engine:
    """Answers messages from the current knowledge snapshot."""

    def __init__(self, library: Library, base_url: str, handover: HandoverPolicy | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.library = library
        self.base_url = base_url
        self.handover = handover or HandoverPolicy()  # off unless the channel can hand over to a team
        self.clock = clock  # seconds since the epoch; tests move it to check the safety state's 30 minutes

    @property
    def knowledge(self) -> Knowledge:
        return self.library.current

    def respond(self, text: str, context: Context = Context()) -> Turn:
        """Answer one free-text message."""
        knowledge = self.knowledge  # one snapshot for the whole message, even if a reload happens
        if not has_letters(text):
            return Turn(compose.compose_notice(
                "I can only read words. Type your question, for example \"What is MS?\", or tap Topics.",
                "empty"), "empty", context=context)
        now = self.clock()
        flag = knowledge.safety.check(text)
        state = context.state(now)
        if flag is not None and flag.certain:
            return self._safety_turn(knowledge, text, flag, context, state, now)
        if state is not None:
            return self._in_state(knowledge, text, context, state, flag, now)
        turn = self._answer(knowledge, text, context)
        if flag is not None:  # possible: the normal answer, with what to do now on top
            line = compose_safety.safety_line(flag.kind, flag.criterion)
            if flag.crisis_too:
                line = f"{line}\n{compose_safety.safety_line('crisis', None)}"
            turn = replace(turn, reply=compose_safety.with_line(turn.reply, line), safety=flag)
        return turn

    def _answer(self, knowledge: Knowledge, text: str, context: Context, borrow: bool = True) -> Turn:
        """The topical answer (or smalltalk, fallback, choice), following up on the last topic when it fits."""
        match = knowledge.matcher.match(text)
        used_context = False
        # A follow-up ("and treatment?") is short: a long message is not matched a second time with the subject.
        if borrow and len(text) <= FOLLOW_UP_CHARS and (subject := self._subject(knowledge, context)):
            # A follow-up ("and treatment?", "is it inherited?") borrows the last answer's subject. It wins when
            # the message alone found no answer, or found one about another disease that the subject outscores
            # ("is it inherited?" after MS is not about epilepsy genes); "what is epilepsy" after MS stays put.
            followed = knowledge.matcher.match(f"{text} {subject}")
            drifted = (self._topical(knowledge, match) and followed.score > match.score
                       and self._topic(knowledge, match) != context.topic == self._topic(knowledge, followed))
            if self._topical(knowledge, followed) and (match.status != "matched" or drifted):
                match, used_context = followed, True
        turn = self._match_turn(knowledge, match, text, context)
        if len(text) > MAX_MESSAGE_CHARS and turn.kind in ("fallback", "ambiguous"):
            turn = replace(turn, reply=compose.compose_fallback(
                knowledge, match, "That's a long message, and I couldn't find one question in it."))
        return replace(turn, used_context=used_context)

    @staticmethod
    def _topical(knowledge: Knowledge, match: Match) -> bool:
        return match.status == "matched" and knowledge.intents[match.intent_id or ""].kind == "topical"

    @staticmethod
    def _topic(knowledge: Knowledge, match: Match) -> str | None:
        intent = knowledge.intents.get(match.intent_id or "")
        article = knowledge.articles.get(intent.article or "") if intent else None
        return article.topic if article else None

    @staticmethod
    def _subject(knowledge: Knowledge, context: Context) -> str:
        """Words naming what the chat is about: the last answer's topic label ("MS symptoms"), else the
        article topic's word."""
        intent = knowledge.intents.get(context.last_intent or "")
        if intent is not None and intent.kind == "topical":
            return knowledge.label(intent)
        return TOPIC_WORDS.get(context.topic or "", "")

    def safety_turn(self, text: str, context: Context = Context()) -> Turn | None:
        """The safety reply if `text` certainly calls for one (emergency, crisis, medication, first aid), else None.

        `respond` decides the same way first; during a chat with the team this is the only part that runs.
        """
        knowledge = self.knowledge
        flag = knowledge.safety.check(text)
        if flag is None or not flag.certain:
            return None
        now = self.clock()
        return self._safety_turn(knowledge, text, flag, context, context.state(now), now)

    def topic_label(self, context: Context) -> str | None:
        """Words for what the chat was last about ("MS medicines (DMTs)"), with no personal data."""
        knowledge = self.knowledge
        intent = knowledge.intents.get(context.last_intent or "")
        if intent is not None and intent.kind == "topical":
            return knowledge.label(intent)
        article = knowledge.articles.get(context.last_article or "")
        return article.title if article else None

    def handover_turn(self, context: Context = Context(), score: float = 100.0, match: Match | None = None) -> Turn:
        """Someone asks for a person: the consent question (or, with no team, where to turn)."""
        reply = compose_request(self.handover, self.topic_label(context))
        return Turn(reply, "handover", "handover", score, match, context=context)

    def _safety_turn(self, knowledge: Knowledge, text: str, flag: SafetyFlag, context: Context,
                     state: SafetyState | None, now: float) -> Turn:
        """A certain match: the safety reply alone. An emergency or crisis starts the 30-minute state and
        forgets the topic before, so no follow-up can bring it back."""
        if flag.kind == "seizure_first_aid":
            return self._first_aid(knowledge, text, context, state, flag, now)
        if flag.kind in ("emergency", "crisis"):
            reply = compose_safety.compose_emergency(knowledge, flag) if flag.kind == "emergency" else \
                compose_safety.compose_crisis()
            kept = state if state is not None and state.kind != flag.kind else None
            if kept is not None:  # a crisis, then an emergency: both lines stay in view
                reply = compose_safety.with_line(reply, compose_safety.safety_line(kept.kind, kept.criterion))
            return Turn(reply, flag.kind, flag.kind, 100.0, safety=flag,
                        context=Context(safety=SafetyState(flag.kind, flag.criterion, now)))
        reply = self._with_state_line(compose_safety.compose_medication(knowledge, flag), state)
        return Turn(reply, flag.kind, flag.kind, 100.0, safety=flag, context=context)

    def _first_aid(self, knowledge: Knowledge, text: str, context: Context, state: SafetyState | None,
                   flag: SafetyFlag, now: float) -> Turn:
        """A calm first-aid question: the first-aid article's answer (guidance for the emergency, if one is on)."""
        if state is not None and state.kind == "emergency":
            return self._in_state(knowledge, text, context, state, flag, now)
        intent = knowledge.intents.get(compose_safety.FIRST_AID_INTENT)
        reply = compose_safety.compose_first_aid(knowledge, intent, self.base_url) if intent else None
        if intent is None or reply is None:
            return self._answer(knowledge, text, context)
        return Turn(self._with_state_line(reply, state), "topical", intent.id, 100.0, safety=flag,
                    context=self._remember(knowledge, intent.id, context))

    def _in_state(self, knowledge: Knowledge, text: str, context: Context, state: SafetyState,
                  flag: SafetyFlag | None, now: float) -> Turn:
        """A message within 30 minutes of an emergency or crisis reply (no certain match of its own)."""
        turn = self._answer(knowledge, text, context, borrow=False)
        reading = knowledge.safety.read(text)
        # A clear new question, or a wish to talk to a person: answered, with the line still in view
        if (turn.kind == "topical" and clear_question(text, reading)) or turn.kind == "handover":
            return replace(turn, reply=self._with_state_line(turn.reply, state), safety=flag)
        refreshed = replace(context, safety=SafetyState(state.kind, state.criterion, now))
        if state.kind == "emergency":
            reply = compose_safety.compose_emergency_follow_up(knowledge, state.criterion, reading.follow_up())
            return Turn(reply, "emergency", "emergency", 100.0, safety=flag, context=refreshed)
        if turn.kind == "smalltalk":  # "thanks", "bye": answered, with the lines in view
            return replace(turn, reply=self._with_state_line(turn.reply, state), context=refreshed)
        return Turn(compose_safety.compose_crisis_follow_up(), "crisis", "crisis", 100.0, safety=flag,
                    context=refreshed)

    @staticmethod
    def _with_state_line(reply: Reply, state: SafetyState | None) -> Reply:
        if state is None:
            return reply
        return compose_safety.with_line(reply, compose_safety.safety_line(state.kind, state.criterion))

    def _match_turn(self, knowledge: Knowledge, match: Match, text: str, context: Context) -> Turn:
        if match.status == "fallback":
            return Turn(compose.compose_fallback(knowledge, match), "fallback", None, match.score, match,
                        context=context)
        if match.status == "ambiguous":
            return Turn(compose.compose_ambiguous(knowledge, match), "ambiguous", None, match.score, match,
                        context=context)
        intent = knowledge.intents[match.intent_id or ""]
        if intent.kind == "handover":
            return self.handover_turn(context, match.score, match)
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(intent), "smalltalk", intent.id, match.score, match,
                        context=context)
        reply = self._topical_reply(knowledge, intent, text, match.keyword)
        return Turn(reply, "topical", intent.id, match.score, match,
                    context=self._remember(knowledge, intent.id, context))

    def _topical_reply(self, knowledge: Knowledge, intent: Intent, text: str, keyword: str | None) -> Reply:
        if intent.id == compose_safety.FIRST_AID_INTENT and (
                reply := compose_safety.compose_first_aid(knowledge, intent, self.base_url)):
            return reply
        return compose.compose_topical(knowledge, intent, text, keyword, self.base_url)

    def _remember(self, knowledge: Knowledge, intent_id: str, context: Context = Context()) -> Context:
        intent = knowledge.intents[intent_id]
        article = knowledge.articles.get(intent.article or "")
        return Context(intent_id, intent.article, article.topic if article else None, context.safety)

    def show_intent(self, intent_id: str, context: Context = Context()) -> Turn | None:
        """The answer for a topic chosen by button or deep link (no question text to fit)."""
        knowledge = self.knowledge
        intent = knowledge.intents.get(intent_id)
        if intent is not None and intent.kind == "handover":  # t.me/bot?start=handover
            return self.handover_turn(context)
        if intent is None or intent.kind not in ("topical", "smalltalk"):
            return None
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(intent), "smalltalk", intent.id, context=context)
        reply = self._topical_reply(knowledge, intent, "", None)
        return Turn(reply, "topical", intent.id, 100.0, context=self._remember(knowledge, intent.id, context))

    def act(self, action: str, context: Context = Context()) -> Turn | None:
        """Carry out a button's action; None when the action is stale or unknown."""
        knowledge = self.knowledge
        if action == HANDOVER_ASK:
            return self.handover_turn(context)
        parsed = parse_action(action)  # untrusted: anything but the forms our buttons carry is None
        reply: Reply | None = None
        if parsed is None:
            return None
        if parsed.name == "i":
            return self.show_intent(parsed.target, context)
        if parsed.name == "tp":
            reply = compose.compose_topics(knowledge, parsed.target or None)
            if parsed.target in knowledge.articles:
                article = knowledge.articles[parsed.target]
                context = Context(context.last_intent, parsed.target, article.topic, context.safety)
        elif parsed.name == "tr":
            reply = compose.compose_treatments(knowledge, parsed.target, self.base_url)
        elif parsed.name == "ar":
            reply = compose.compose_article_part(knowledge, parsed.target, parsed.number, self.base_url)
        return Turn(reply, "action", context=context) if reply else None

    def welcome(self) -> Reply:
        return compose.compose_welcome()

    def about(self) -> Reply:
        return compose.compose_about(self.knowledge)

    def topics(self) -> Reply:
        return compose.compose_topics(self.knowledge)

    def help(self) -> Reply:
        intent = self.knowledge.intents.get("help")
        return compose.compose_smalltalk(intent) if intent else self.welcome()
