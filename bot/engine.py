"""The conversation engine: normalise -> safety -> match -> compose. No channel types here.

The terminal chat, the CLI and Telegram all call `Engine.respond` / `Engine.act`
and then render and record the `Turn` they get back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from bot import compose, followup, texts
from bot.content import Section
from bot.fallback import fallback_kind, names_diseases
from bot.intents import Intent
from bot.knowledge import Knowledge, Library
from bot.language import is_other_language
from bot.matcher import Match, match_words
from bot.normalise import MAX_MESSAGE_CHARS, has_letters
from bot.reply import Reply
from bot.safety import SafetyFlag

# The word a follow-up borrows from the last topic: "and what about treatment?" after MS.
TOPIC_WORDS = {"ms": "ms", "epilepsy": "epilepsy", "neuro-immune": "immune"}


def _section_of(knowledge: Knowledge, intent: Intent) -> Section | None:
    article = knowledge.articles.get(intent.article or "")
    return article.section(intent.section) if article and intent.section else None


def _diseases_of_topic(topic: str | None) -> set[str]:
    """The diseases a chat on this article topic may go on naming ("neuro-immune" articles name neither)."""
    return {topic} if topic in ("ms", "epilepsy") else set()


@dataclass(frozen=True, slots=True)
class Context:
    """What the bot remembers of a chat: the last topic it answered, and the passage it showed."""

    last_intent: str | None = None
    last_article: str | None = None
    topic: str | None = None
    passage: int | None = None  # the paragraph of the last topic's section shown last


FollowUp = Literal["", "subject", "more", "facet", "next"]


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
    # How the chat's context shaped this answer, so that stats can count follow-ups apart from fresh answers:
    # "subject" (a short question read with the last topic), "more" (the next passage asked for), "facet"
    # ("side effects?" after a topic), "next" (the same question again: the next passage, not a repeat).
    follow_up: FollowUp = ""
    passage: int | None = None  # the paragraph shown, by its place in the section
    fallback: str = ""  # why nothing was answered: health, gibberish, language, other, long

    @property
    def answered(self) -> bool:
        return self.kind in ("topical", "smalltalk", "emergency", "crisis", "medication_change")

    @property
    def used_context(self) -> bool:
        """Whether the chat's context was used as a real follow-up."""
        return bool(self.follow_up)


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
            if is_other_language(text):  # a script we cannot read (all of it is dropped by normalising)
                return self._fallback(knowledge, None, text, context, "language")
            return Turn(compose.compose_notice(texts.EMPTY, "empty"), "empty", context=context)
        if flag := knowledge.safety.check(text):
            return self._safety_turn(knowledge, flag, context)
        if is_other_language(text):
            return self._fallback(knowledge, None, text, context, "language")
        if turn := self._continuation(knowledge, text, context):
            return turn
        match = knowledge.matcher.match(text)
        follow_up: FollowUp = ""
        if facet := self._facet(knowledge, text, match, context):
            return facet
        if followed := self._follow_up(knowledge, text, match, context):
            match, follow_up = followed, "subject"
        turn = self._match_turn(knowledge, match, text, context)
        if len(text) > MAX_MESSAGE_CHARS and turn.kind in ("fallback", "ambiguous"):
            turn = self._fallback(knowledge, match, text, context, "long")
        return replace(turn, follow_up=turn.follow_up or follow_up)

    # -- follow-ups -----------------------------------------------------------------------------------------

    def _continuation(self, knowledge: Knowledge, text: str, context: Context) -> Turn | None:
        """ "more", "tell me more": the next passage of the section last shown, then the full article."""
        intent = knowledge.intents.get(context.last_intent or "")
        if intent is None or intent.kind != "topical" or not followup.is_more(text):
            return None
        return self._next_passage(knowledge, intent, context, "more")

    def _next_passage(self, knowledge: Knowledge, intent: Intent, context: Context, why: FollowUp) -> Turn:
        """The section's next paragraph; after its last, the full article part by part (context.passage counts
        on past the section's paragraphs), so that "more" never gives the same reply twice."""
        section = _section_of(knowledge, intent)
        size = len(section.paragraphs) if section is not None else 1
        shown = context.passage if context.passage is not None else 0
        following = shown + 1
        if following < size:
            reply = compose.compose_topical(knowledge, intent, "", None, self.base_url, passage=following)
            return Turn(reply, "topical", intent.id, 100.0, context=self._remember(knowledge, intent.id, following),
                        follow_up=why, passage=following)
        part = max(following, size) - size
        reply = compose.compose_section_done(knowledge, intent, part, self.base_url, repeated=why == "next")
        return Turn(reply, "topical", intent.id, 100.0, context=self._remember(knowledge, intent.id, size + part),
                    follow_up=why, passage=None)

    def _follow_up(self, knowledge: Knowledge, text: str, match: Match, context: Context) -> Match | None:
        """A short question that finds nothing on its own, read with the last topic's words; None when it is
        not a follow-up or the last topic does not help. Context never crosses from one disease to the
        other, and a message naming a subject of its own ("keppra", "epilepsy" after MS) is not a follow-up."""
        subject = self._subject(knowledge, context)
        if not subject or match.foreign or not followup.may_follow(text):
            return None
        named = names_diseases(text)
        if named and not named <= _diseases_of_topic(context.topic):
            return None
        drifted = self._topical(knowledge, match) and not named and self._topic(knowledge, match) != context.topic
        if match.status == "matched" and not drifted:
            return None
        followed = knowledge.matcher.match(f"{text} {subject}")
        best = followed.candidates[0] if followed.candidates else None
        own = set(match_words(text))
        if best is None or not (own & set(best.words) or followup.leans_on_context(text)):
            return None  # the last topic's words alone decided: "whats 12 times 7" is not about it
        if followed.status == "matched" and self._topical(knowledge, followed) and \
                self._topic(knowledge, followed) == context.topic and (not drifted or followed.score > match.score):
            return followed
        if followed.status == "ambiguous" and not drifted and followed.options and \
                all(self._topic_of(knowledge, option) == context.topic for option in followed.options):
            return followed
        return None

    def _facet(self, knowledge: Knowledge, text: str, match: Match, context: Context) -> Turn | None:
        """ "side effects?", "and for kids?", "how long?" after a topic: its related section, or a plain "the
        article doesn't cover that"."""
        intent = knowledge.intents.get(context.last_intent or "")
        facet = followup.facet_of(text)
        if intent is None or intent.kind != "topical" or facet is None or match.status == "matched" or match.foreign:
            return None
        named = names_diseases(text)
        if named and not named <= _diseases_of_topic(context.topic):
            return None
        related = self._related_intent(knowledge, intent, facet)
        if related is not None:
            return replace(self._topical_turn(knowledge, related, text, None, 100.0, match, context),
                           follow_up="facet")
        article = knowledge.articles[intent.article or ""]
        reply = compose.compose_not_covered(knowledge, article, texts.FACETS[facet], self.base_url)
        return Turn(reply, "fallback", None, 0.0, match, context=context, follow_up="facet", fallback="not_covered")

    @staticmethod
    def _related_intent(knowledge: Knowledge, intent: Intent, facet: str) -> Intent | None:
        """A topical intent whose section covers the facet: in the last topic's article first, then in the
        other articles on the same disease."""
        article = knowledge.articles[intent.article or ""]
        same_topic = [a for a in knowledge.articles.values() if a.topic == article.topic and a.slug != article.slug]
        for candidate_article in (article, *same_topic):
            for other in knowledge.topical_intents(candidate_article.slug):
                section = _section_of(knowledge, other)
                if section is not None and followup.section_has_facet(facet, section.heading, section.text):
                    return other
        return None

    @staticmethod
    def _topical(knowledge: Knowledge, match: Match) -> bool:
        return match.status == "matched" and knowledge.intents[match.intent_id or ""].kind == "topical"

    @classmethod
    def _topic(cls, knowledge: Knowledge, match: Match) -> str | None:
        return cls._topic_of(knowledge, match.intent_id or "")

    @staticmethod
    def _topic_of(knowledge: Knowledge, intent_id: str) -> str | None:
        intent = knowledge.intents.get(intent_id)
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
            return self._fallback(knowledge, match, text, context)
        if match.status == "ambiguous":
            return Turn(compose.compose_ambiguous(knowledge, match), "ambiguous", None, match.score, match,
                        context=context)
        intent = knowledge.intents[match.intent_id or ""]
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(knowledge, intent), "smalltalk", intent.id, match.score, match,
                        context=context)
        return self._topical_turn(knowledge, intent, text, match.keyword, match.score, match, context)

    def _topical_turn(self, knowledge: Knowledge, intent: Intent, text: str, keyword: str | None, score: float,
                      match: Match | None, context: Context = Context()) -> Turn:
        """The topic's best passage for the question; never the very passage the chat saw last (the same
        question again gets the next one)."""
        section = _section_of(knowledge, intent)
        passage = compose.passage_index(section, text, keyword) if section is not None else None
        if context.last_intent == intent.id and context.passage == passage and passage is not None:
            return replace(self._next_passage(knowledge, intent, context, "next"), score=score, match=match)
        reply = compose.compose_topical(knowledge, intent, text, keyword, self.base_url, passage=passage)
        return Turn(reply, "topical", intent.id, score, match, context=self._remember(knowledge, intent.id, passage),
                    passage=passage)

    def _fallback(self, knowledge: Knowledge, match: Match | None, text: str, context: Context,
                  why: str = "") -> Turn:
        why = why or fallback_kind(knowledge, text, match)
        reply = compose.compose_fallback(knowledge, match, why)
        return Turn(reply, "fallback", None, match.score if match else 0.0, match, context=context, fallback=why)

    def _remember(self, knowledge: Knowledge, intent_id: str, passage: int | None = None) -> Context:
        intent = knowledge.intents[intent_id]
        article = knowledge.articles.get(intent.article or "")
        return Context(intent_id, intent.article, article.topic if article else None, passage)

    def show_intent(self, intent_id: str, context: Context = Context()) -> Turn | None:
        """The answer for a topic chosen by button or deep link (no question text to fit)."""
        knowledge = self.knowledge
        intent = knowledge.intents.get(intent_id)
        if intent is None or intent.kind not in ("topical", "smalltalk"):
            return None
        if intent.kind == "smalltalk":
            return Turn(compose.compose_smalltalk(knowledge, intent), "smalltalk", intent.id, context=context)
        return self._topical_turn(knowledge, intent, "", None, 100.0, None, context)

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
