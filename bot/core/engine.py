"""The conversation engine: normalise (once, into a `Message`) -> decide (bot/core/decide.py, which asks safety
and the matcher) -> compose. No channel types here.

The terminal chat, the CLI and Telegram all call `Engine.respond` / `Engine.act`
and then render and record the `Turn` they get back.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.content.intent import FIRST_AID_INTENT, MEDICATION_CHANGE, Intent
from bot.content.knowledge import Knowledge, Library
from bot.core import compose, compose_safety, followup, texts
from bot.core.actions import parse_action
from bot.core.decide import Decision, FollowUp, Situation, decide, decide_certain
from bot.core.handover_replies import HandoverPolicy, compose_request
from bot.core.reply import Reply
from bot.core.safety_state import SafetyState
from bot.core.verdict import Match
from bot.nlu.message import Message
from bot.nlu.safety import SafetyFlag

URGENT_KINDS = ("emergency", "crisis")  # safety replies that cannot wait, even while a person is on the line
SAFETY_KINDS = (*URGENT_KINDS, "medication_change")  # the turns that are a safety reply
NO_QUESTION = Message("")  # a topic chosen by button or link: no words to pick its passage by


@dataclass(frozen=True, slots=True)
class Context:
    """What the bot remembers of a chat: the last topic it answered, the passage it showed, and a recent
    emergency or crisis reply."""

    last_intent: str | None = None
    last_article: str | None = None
    topic: str | None = None
    safety: SafetyState | None = None
    passage: int | None = None  # the paragraph of the last topic's section shown last
    # The last message named a medicine ("why do my meds make me so sleepy"): a change asked next ("can i skip
    # them on saturday") is a personal medication decision, whatever topic answered it
    medicine: bool = False
    # The topics of a "Did you mean" just asked: "2" or "the first one" typed next picks one (any other turn clears it)
    choices: tuple[str, ...] = ()

    def state(self, now: float) -> SafetyState | None:
        """The emergency or crisis state, if its 30 minutes are not over."""
        return self.safety if self.safety is not None and self.safety.active(now) else None

    def watching(self, now: float) -> bool:
        """A possible crisis was answered in the last 30 minutes (bot.core.safety_state.WATCH)."""
        return self.safety is not None and self.safety.watching(now)


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

    def decide(self, message: Message, context: Context = Context()) -> Decision:
        """Which answer the message gets, and why (bot/core/decide.py); `explain` shows it."""
        return decide(message, self._situation(self.knowledge, context))

    def respond(self, text: str, context: Context = Context()) -> Turn:
        """Answer one free-text message: normalised once here, decided once, composed."""
        knowledge = self.knowledge  # one snapshot for the whole message, even if a reload happens
        message = Message(text)
        turn = self._render(knowledge, message, decide(message, self._situation(knowledge, context)), context)
        # a reply that left the context as it was ("hmm", a fallback) keeps the medicine named before it, and so does
        # a follow-up on the same illness ("my meds never work", "why does that happen", "can i just skip them then")
        kept = context.medicine and (turn.context == context or (
            turn.used_context and turn.context.topic == context.topic))
        choices = compose.ambiguous_options(knowledge, turn.match) if turn.kind == "ambiguous" and turn.match else ()
        return replace(turn, context=replace(turn.context, medicine=kept or knowledge.safety.names_a_medicine(message),
                                             choices=choices))

    def safety_turn(self, text: str, context: Context = Context()) -> Turn | None:
        """The safety reply if `text` certainly calls for one (emergency, crisis, medication, first aid), else None.

        `respond` decides the same way first; during a chat with the team this is the only part that runs.
        """
        knowledge = self.knowledge
        message = Message(text)
        flag = knowledge.safety.check(message)
        if flag is None or not flag.certain:
            return None
        decision = decide_certain(message, self._situation(knowledge, context), flag)
        return self._render(knowledge, message, decision, context)

    def _situation(self, knowledge: Knowledge, context: Context) -> Situation:
        now = self.clock()
        return Situation(knowledge, context.last_intent, context.topic, context.state(now), now, context.medicine,
                         context.choices, context.watching(now))

    # -- composing a decision -------------------------------------------------------------------------------

    def _render(self, knowledge: Knowledge, message: Message, decision: Decision, context: Context) -> Turn:
        """The decision composed into a reply; the safety lines it asks for on top."""
        turn = self._compose(knowledge, message, decision, context)
        if decision.lines:
            line = "\n".join(compose_safety.safety_line(kind, criterion) for kind, criterion in decision.lines)
            turn = replace(turn, reply=compose_safety.with_line(turn.reply, line))
        if decision.context == "start":
            turn = replace(turn, context=Context(safety=decision.state))
        elif decision.context == "refresh":
            turn = replace(turn, context=replace(context, safety=decision.state))
        elif decision.context == "watch":  # the answer's own context, watched for a second possible crisis
            turn = replace(turn, context=replace(turn.context, safety=decision.state))
        return replace(turn, safety=decision.flag, follow_up=decision.follow_up or turn.follow_up)

    def _compose(self, knowledge: Knowledge, message: Message, decision: Decision, context: Context) -> Turn:
        kind, match = decision.kind, decision.match
        if kind == "empty":
            return Turn(compose.compose_notice(texts.EMPTY, "empty"), "empty", context=context)
        if kind == "acknowledged":
            return Turn(compose.compose_notice(texts.ACKNOWLEDGED, kind), kind, context=context)
        if kind == "fallback":
            reply = compose.compose_fallback(knowledge, match, decision.fallback)
            return Turn(reply, "fallback", None, decision.score, match, context=context, fallback=decision.fallback)
        if kind == "safety":
            return Turn(self._safety_reply(knowledge, decision), decision.intent_id or "", decision.intent_id,
                        100.0, context=self._after_safety(decision, context))
        if kind == "first_aid":
            intent = knowledge.intents[decision.intent_id or ""]
            reply = compose_safety.compose_first_aid(knowledge, intent, self.base_url)
            assert reply is not None  # decide checked that the article is there
            return Turn(reply, "topical", intent.id, 100.0, context=self._remember(knowledge, intent.id, context))
        if kind == "after_care":
            # the emergency's reason to call, unless help has come ("arrived")
            criterion = decision.state.criterion if decision.state and decision.guidance == "recovered" else None
            reply = compose_safety.compose_after_care(knowledge, self.base_url, criterion)
            assert reply is not None  # decide checked that the article is there
            # (with no emergency reply before, the first-aid topic is the chat's: "should i call or no" follows it)
            remembered = context if decision.state else self._remember(knowledge, decision.intent_id or "", context)
            return Turn(reply, "topical", decision.intent_id, 100.0, context=remembered)
        if kind == "emergency_follow_up":
            criterion = decision.state.criterion if decision.state else None
            reply = compose_safety.compose_emergency_follow_up(knowledge, criterion, decision.guidance)
            return Turn(reply, "emergency", "emergency", 100.0, context=context)
        if kind == "crisis_follow_up":
            return Turn(compose_safety.compose_crisis_follow_up(), "crisis", "crisis", 100.0, context=context)
        if kind == "more":
            return self._next_passage(knowledge, knowledge.intents[decision.intent_id or ""], context, "more")
        if kind == "not_covered":
            intent = knowledge.intents[decision.intent_id or context.last_intent or ""]  # the topic found, or the last
            article = knowledge.articles[intent.article or ""]
            reply = compose.compose_not_covered(knowledge, article, texts.FACETS[decision.facet], self.base_url)
            return Turn(reply, "fallback", None, 0.0, match, context=context, fallback="not_covered")
        if kind == "ambiguous" and match is not None:
            return Turn(compose.compose_ambiguous(knowledge, match, decision.unsure), "ambiguous", None, decision.score, match,
                        context=context)
        if kind == "handover":
            return self.handover_turn(context, decision.score, match)
        intent = knowledge.intents[decision.intent_id or ""]
        if kind == "smalltalk":
            told = replace(context, topic=decision.topic) if decision.topic else context
            return Turn(compose.compose_smalltalk(intent), "smalltalk", intent.id, decision.score, match,
                        context=told)
        turn = self._topical_turn(knowledge, intent, message, decision.keyword, decision.score, match, context,
                                  decision.rivals)
        if decision.facet and intent.article in knowledge.articles:  # asked beside the topic, not covered: said so
            turn = replace(turn, reply=compose.with_facet_note(turn.reply, knowledge.articles[intent.article],
                                                               decision.facet))
        return turn

    @staticmethod
    def _safety_reply(knowledge: Knowledge, decision: Decision) -> Reply:
        flag = decision.flag
        assert flag is not None  # a safety decision carries its flag
        if flag.kind == "emergency":
            return compose_safety.compose_emergency(knowledge, flag)
        if flag.kind == "crisis":
            return compose_safety.compose_crisis()
        return compose_safety.compose_medication(knowledge, flag)

    def _next_passage(self, knowledge: Knowledge, intent: Intent, context: Context, why: FollowUp) -> Turn:
        """The section's next paragraph; after its last, the full article part by part (context.passage counts
        on past the section's paragraphs), so that "more" never gives the same reply twice."""
        section = followup.section_of(knowledge, intent)
        size = len(section.paragraphs) if section is not None else 1
        shown = context.passage if context.passage is not None else 0
        following = shown + 1
        if following < size:
            reply = compose.compose_topical(knowledge, intent, NO_QUESTION, None, self.base_url, passage=following)
            return Turn(reply, "topical", intent.id, 100.0, follow_up=why, passage=following,
                        context=self._remember(knowledge, intent.id, context, following))
        part = max(following, size) - size
        reply = compose.compose_section_done(knowledge, intent, part, self.base_url, repeated=why == "next")
        return Turn(reply, "topical", intent.id, 100.0, follow_up=why,
                    context=self._remember(knowledge, intent.id, context, size + part))

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

    def _topical_turn(self, knowledge: Knowledge, intent: Intent, message: Message, keyword: str | None, score: float,
                      match: Match | None, context: Context, rivals: tuple[str, ...] = ()) -> Turn:
        """The topic's best passage for the question; never the very passage the chat saw last (the same
        question again gets the next one)."""
        if intent.id == FIRST_AID_INTENT and (
                reply := compose_safety.compose_first_aid(knowledge, intent, self.base_url)):
            return Turn(reply, "topical", intent.id, score, match, context=self._remember(knowledge, intent.id, context))
        section = followup.section_of(knowledge, intent)
        passage = compose.passage_index(section, message, keyword) if section is not None else None
        if context.last_intent == intent.id and context.passage == passage and passage is not None:
            return replace(self._next_passage(knowledge, intent, context, "next"), score=score, match=match)
        reply = compose.compose_topical(knowledge, intent, message, keyword, self.base_url, passage=passage,
                                        rivals=rivals)
        return Turn(reply, "topical", intent.id, score, match, passage=passage,
                    context=self._remember(knowledge, intent.id, context, passage))

    @staticmethod
    def _after_safety(decision: Decision, context: Context) -> Context:
        """After the medication reply the chat is about that decision, so "double tonight?" next is read with it;
        the disease topic stays. Other safety replies keep the context as it was."""
        if decision.intent_id != MEDICATION_CHANGE:
            return context
        topic = decision.flag.topic if decision.flag is not None and decision.flag.topic else context.topic
        return Context(MEDICATION_CHANGE, None, topic, context.safety, None)

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
        return self._topical_turn(knowledge, intent, NO_QUESTION, None, 100.0, None, context)

    def act(self, action: str, context: Context = Context()) -> Turn | None:
        """Carry out a button's action; None when the action is stale or unknown."""
        return self._act(action, replace(context, choices=()))  # a tap answers the choice: a later "2" picks nothing

    def _act(self, action: str, context: Context) -> Turn | None:
        knowledge = self.knowledge
        if action == compose.HANDOVER_ASK:
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
