"""The conversation engine: normalise -> safety -> match -> compose. No channel types here.

The terminal chat, the CLI and Telegram all call `Engine.respond` / `Engine.act`
and then render and record the `Turn` they get back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot import compose
from bot.knowledge import Knowledge, Library
from bot.matcher import Match
from bot.normalise import MAX_MESSAGE_CHARS, has_letters
from bot.reply import Reply
from bot.safety import SafetyFlag

# The word a follow-up borrows from the last topic: "and what about treatment?" after MS.
TOPIC_WORDS = {"ms": "ms", "epilepsy": "epilepsy", "neuro-immune": "immune"}


@dataclass(frozen=True, slots=True)
class Context:
    """What the bot remembers of a chat: the last topic it answered."""

    last_intent: str | None = None
    last_article: str | None = None
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """The outcome of one message or button press."""

    reply: Reply
    kind: str  # emergency, crisis, medication_change, topical, smalltalk, ambiguous, fallback, action, empty
    intent_id: str | None = None
    score: float = 0.0
    match: Match | None = None
    safety: SafetyFlag | None = None
    context: Context = Context()
    used_context: bool = False
    passage: int | None = None  # the paragraph shown, by its place in the section
    fallback: str = ""  # why nothing was answered: health, gibberish, language, other, long

    @property
    def answered(self) -> bool:
        return self.kind in ("topical", "smalltalk", "emergency", "crisis", "medication_change")


class Engine:
    """Answers messages from the current knowledge snapshot."""

    def __init__(self, library: Library, base_url: str) -> None:
        self.library = library
        self.base_url = base_url

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
        if flag := knowledge.safety.check(text):
            return self._safety_turn(knowledge, flag, context)
        match = knowledge.matcher.match(text)
        used_context = False
        if subject := self._subject(knowledge, context):
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

    def _safety_turn(self, knowledge: Knowledge, flag: SafetyFlag, context: Context) -> Turn:
        if flag.kind == "emergency":
            reply = compose.compose_emergency(flag)
        elif flag.kind == "crisis":
            reply = compose.compose_crisis()
        else:
            reply = compose.compose_medication_change(knowledge, flag)
        return Turn(reply, flag.kind, flag.kind, 100.0, safety=flag, context=context)

    def _match_turn(self, knowledge: Knowledge, match: Match, text: str, context: Context) -> Turn:
        if match.status == "fallback":
            return Turn(compose.compose_fallback(knowledge, match), "fallback", None, match.score, match,
                        context=context)
        if match.status == "ambiguous":
            return Turn(compose.compose_ambiguous(knowledge, match), "ambiguous", None, match.score, match,
                        context=context)
        intent = knowledge.intents[match.intent_id or ""]
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(knowledge, intent), "smalltalk", intent.id, match.score, match,
                        context=context)
        reply = compose.compose_topical(knowledge, intent, text, match.keyword, self.base_url)
        return Turn(reply, "topical", intent.id, match.score, match, context=self._remember(knowledge, intent.id))

    def _remember(self, knowledge: Knowledge, intent_id: str) -> Context:
        intent = knowledge.intents[intent_id]
        article = knowledge.articles.get(intent.article or "")
        return Context(intent_id, intent.article, article.topic if article else None)

    def show_intent(self, intent_id: str, context: Context = Context()) -> Turn | None:
        """The answer for a topic chosen by button or deep link (no question text to fit)."""
        knowledge = self.knowledge
        intent = knowledge.intents.get(intent_id)
        if intent is None or intent.kind not in ("topical", "smalltalk"):
            return None
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(knowledge, intent), "smalltalk", intent.id, context=context)
        reply = compose.compose_topical(knowledge, intent, "", None, self.base_url)
        return Turn(reply, "topical", intent.id, 100.0, context=self._remember(knowledge, intent.id))

    def act(self, action: str, context: Context = Context()) -> Turn | None:
        """Carry out a button's action; None when the action is stale or unknown."""
        knowledge = self.knowledge
        name, _, rest = action.partition(":")
        reply: Reply | None = None
        if name == "i":
            return self.show_intent(rest, context)
        if name == "tp":
            reply = compose.compose_topics(knowledge, rest or None)
            if rest and rest in knowledge.articles:
                article = knowledge.articles[rest]
                context = Context(context.last_intent, rest, article.topic)
        elif name == "tr":
            reply = compose.compose_treatments(knowledge, rest, self.base_url)
        elif name == "ar":
            slug, _, part = rest.partition(":")
            if part.isdigit():
                reply = compose.compose_article_part(knowledge, slug, int(part), self.base_url)
        return Turn(reply, "action", context=context) if reply else None

    def welcome(self) -> Reply:
        return compose.compose_welcome(self.knowledge)

    def about(self) -> Reply:
        return compose.compose_about(self.knowledge, self.base_url)

    def topics(self) -> Reply:
        return compose.compose_topics(self.knowledge)

    def help(self) -> Reply:
        intent = self.knowledge.intents.get("help")
        return compose.compose_smalltalk(self.knowledge, intent) if intent else self.welcome()
