"""The conversation engine: normalise -> safety -> match -> compose. No channel types here.

The terminal chat, the CLI and Telegram all call `Engine.respond` / `Engine.act`
and then render and record the `Turn` they get back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from bot.content.intents import Intent
from bot.content.knowledge import Knowledge, Library
from bot.core import compose, compose_safety, followup, texts
from bot.core.actions import parse_action
from bot.core.fallback import fallback_kind
from bot.core.handover_replies import ASK as HANDOVER_ASK
from bot.core.handover_replies import HandoverPolicy, compose_request
from bot.core.reply import Reply
from bot.core.safety_state import SafetyState, clear_question
from bot.nlu.language import is_other_language
from bot.nlu.matcher import Match
from bot.nlu.normalise import MAX_MESSAGE_CHARS, has_letters
from bot.nlu.safety import SafetyFlag
from bot.nlu.self_questions import ABOUT_BOT, asks_about_the_bot

URGENT_KINDS = ("emergency", "crisis")  # safety replies that cannot wait, even while a person is on the line
SAFETY_KINDS = (*URGENT_KINDS, "medication_change")  # the turns that are a safety reply




@dataclass(frozen=True, slots=True)
class Context:
    """What the bot remembers of a chat: the last topic it answered, the passage it showed, and a recent
    emergency or crisis reply."""

    last_intent: str | None = None
    last_article: str | None = None
    topic: str | None = None
    safety: SafetyState | None = None
    passage: int | None = None  # the paragraph of the last topic's section shown last

    def state(self, now: float) -> SafetyState | None:
        """The emergency or crisis state, if its 30 minutes are not over."""
        return self.safety if self.safety is not None and self.safety.active(now) else None


FollowUp = Literal["", "subject", "more", "facet", "next"]


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
    # How the chat's context shaped this answer, so that stats count follow-ups apart from fresh answers:
    # "subject" (a short question read with the last topic's words), "more" (the next passage asked for),
    # "facet" ("side effects?" after a topic), "next" (the same question again: the next passage, not a repeat).
    follow_up: FollowUp = ""
    passage: int | None = None  # the paragraph shown, by its place in the section
    fallback: str = ""  # why nothing was answered: health, gibberish, language, other, long, not_covered

    @property
    def used_context(self) -> bool:
        """Whether the chat's context was used as a real follow-up (not a fresh message answered on its own)."""
        return self.follow_up in ("subject", "more", "facet")


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
            if is_other_language(text):  # a script we cannot read (normalising drops all of it)
                return self._fallback(knowledge, None, text, context, "language")
            return Turn(compose.compose_notice(texts.EMPTY, "empty"), "empty", context=context)
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
        """The topical answer (or smalltalk, fallback, choice), following up on the last topic when it fits:
        "tell me more", a facet of it ("side effects?"), or a short question that finds nothing on its own."""
        if is_other_language(text):
            return self._fallback(knowledge, None, text, context, "language")
        about = knowledge.intents.get(ABOUT_BOT)
        if about is not None and about.kind == "smalltalk" and asks_about_the_bot(text):
            return Turn(compose.compose_smalltalk(about), "smalltalk", about.id, 100.0, context=context)
        if borrow and (turn := self._continuation(knowledge, text, context)):
            return turn
        match = knowledge.matcher.match(text)
        follow_up: FollowUp = ""
        if borrow and (facet := self._facet(knowledge, text, match, context)):
            return facet
        if borrow and (followed := followup.follow_up_match(knowledge, text, match, context.last_intent,
                                                            context.topic)):
            match, follow_up = followed, "subject"
        turn = self._match_turn(knowledge, match, text, context)
        if len(text) > MAX_MESSAGE_CHARS and turn.kind in ("fallback", "ambiguous"):
            turn = self._fallback(knowledge, match, text, context, "long")
        return replace(turn, follow_up=follow_up or turn.follow_up)

    # -- follow-ups ---------------------------------------------------------------------------------------

    def _continuation(self, knowledge: Knowledge, text: str, context: Context) -> Turn | None:
        """ "more", "tell me more": the next passage of the section last shown, then the full article."""
        intent = knowledge.intents.get(context.last_intent or "")
        if intent is None or intent.kind != "topical" or not followup.is_more(text):
            return None
        return self._next_passage(knowledge, intent, context, "more")

    def _next_passage(self, knowledge: Knowledge, intent: Intent, context: Context, why: FollowUp) -> Turn:
        """The section's next paragraph; after its last, the full article part by part (context.passage counts
        on past the section's paragraphs), so that "more" never gives the same reply twice."""
        section = followup.section_of(knowledge, intent)
        size = len(section.paragraphs) if section is not None else 1
        shown = context.passage if context.passage is not None else 0
        following = shown + 1
        if following < size:
            reply = compose.compose_topical(knowledge, intent, "", None, self.base_url, passage=following)
            return Turn(reply, "topical", intent.id, 100.0, follow_up=why, passage=following,
                        context=self._remember(knowledge, intent.id, context, following))
        part = max(following, size) - size
        reply = compose.compose_section_done(knowledge, intent, part, self.base_url, repeated=why == "next")
        return Turn(reply, "topical", intent.id, 100.0, follow_up=why,
                    context=self._remember(knowledge, intent.id, context, size + part))

    def _facet(self, knowledge: Knowledge, text: str, match: Match, context: Context) -> Turn | None:
        """ "side effects?", "and for kids?", "how long?" after a topic: its related section, or a plain "the
        article doesn't cover that"."""
        intent = knowledge.intents.get(context.last_intent or "")
        facet = followup.facet_of(text)
        if intent is None or intent.kind != "topical" or facet is None or match.status == "matched" or match.foreign:
            return None
        if not followup.stays_on_topic(text, context.topic):
            return None
        if (related := followup.related_intent(knowledge, intent, facet)) is not None:
            return replace(self._topical_turn(knowledge, related, text, None, 100.0, match, context),
                           follow_up="facet")
        article = knowledge.articles[intent.article or ""]
        reply = compose.compose_not_covered(knowledge, article, texts.FACETS[facet], self.base_url)
        return Turn(reply, "fallback", None, 0.0, match, context=context, follow_up="facet", fallback="not_covered")

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
            return self._fallback(knowledge, match, text, context)
        if match.status == "ambiguous":
            return Turn(compose.compose_ambiguous(knowledge, match), "ambiguous", None, match.score, match,
                        context=context)
        intent = knowledge.intents[match.intent_id or ""]
        if intent.kind == "handover":
            return self.handover_turn(context, match.score, match)
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(intent), "smalltalk", intent.id, match.score, match,
                        context=context)
        return self._topical_turn(knowledge, intent, text, match.keyword, match.score, match, context)

    def _topical_turn(self, knowledge: Knowledge, intent: Intent, text: str, keyword: str | None, score: float,
                      match: Match | None, context: Context) -> Turn:
        """The topic's best passage for the question; never the very passage the chat saw last (the same
        question again gets the next one)."""
        if intent.id == compose_safety.FIRST_AID_INTENT and (
                reply := compose_safety.compose_first_aid(knowledge, intent, self.base_url)):
            return Turn(reply, "topical", intent.id, score, match, context=self._remember(knowledge, intent.id, context))
        section = followup.section_of(knowledge, intent)
        passage = compose.passage_index(section, text, keyword) if section is not None else None
        if context.last_intent == intent.id and context.passage == passage and passage is not None:
            return replace(self._next_passage(knowledge, intent, context, "next"), score=score, match=match)
        reply = compose.compose_topical(knowledge, intent, text, keyword, self.base_url, passage=passage)
        return Turn(reply, "topical", intent.id, score, match, passage=passage,
                    context=self._remember(knowledge, intent.id, context, passage))

    def _fallback(self, knowledge: Knowledge, match: Match | None, text: str, context: Context,
                  why: str = "") -> Turn:
        """No answer, in the words that fit why (bot/core/fallback.py)."""
        why = why or fallback_kind(knowledge, text, match)
        return Turn(compose.compose_fallback(knowledge, match, why), "fallback", None, match.score if match else 0.0,
                    match, context=context, fallback=why)

    def _remember(self, knowledge: Knowledge, intent_id: str, context: Context = Context(),
                  passage: int | None = None) -> Context:
        intent = knowledge.intents[intent_id]
        article = knowledge.articles.get(intent.article or "")
        return Context(intent_id, intent.article, article.topic if article else None, context.safety, passage)

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
        return self._topical_turn(knowledge, intent, "", None, 100.0, None, context)

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
            if parsed.target and parsed.target not in knowledge.articles:
                return None  # an article that is not (or no longer) there: the button has expired
            reply = compose.compose_topics(knowledge, parsed.target or None)
            if parsed.target in knowledge.articles:
                article = knowledge.articles[parsed.target]
                context = Context(context.last_intent, parsed.target, article.topic, context.safety, context.passage)
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
