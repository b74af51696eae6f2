"""One place decides which answer a message gets.

The nlu layer only gathers evidence: safety's flag and reading, the matcher's scored candidates
(`bot.nlu.matcher.Evidence`), the follow-up readings of `bot.core.followup`. `decide` weighs them in one
order and returns a `Decision`; the engine renders it with compose and never decides again.

The order, first that applies:
0. a typed pick ("2", "the first one") of the topics a "Did you mean" just offered, outside a safety state (a
   bare pick has no words that could be alarming);
1. no letters: another script (language) or nothing to read (empty);
2. safety, certain: the emergency, crisis or medication reply alone, or the first-aid answer; also the
   medication reply for a change asked right after a treatment topic ("can i stop it?" after DMTs). A medication
   question about what missed doses do to the illness, with no dose to decide on ("could forgetting my pills be why
   the seizures go on?"), gets its topic with the medication line on top instead;
3. an emergency or crisis in its 30 minutes: a clear new question or a wish for a person is answered with the
   line in view; else the follow-up guidance for that emergency, or the crisis reply again;
4. the answer proper: another language; "are you a bot?"; "more" after a topic; a facet of the last topic
   ("side effects?") or its treatment ("what can be done?"); a short question read with the last topic; else the matcher's verdict: one topic,
   handover, smalltalk, "Did you mean", or the fallback (health, gibberish, other, too long), weighed with the topic
   net's reading of the whole message (`with_the_net`);
5. safety, possible: that answer with the safety line on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz.distance import OSA

from bot.content.intent import (
    FIRST_AID_ARTICLE,
    FIRST_AID_INTENT,
    HANDOVER_ID,
    MEDICATION_CHANGE,
    Intent,
    MatchSettings,
)
from bot.content.knowledge import Knowledge
from bot.core import followup
from bot.core.fallback import bare_plea, fallback_kind, names_diseases, names_uncovered_health
from bot.core.safety_state import (
    NOT_A_SEIZURE,
    QUESTION_WORDS,
    STATES,
    WATCH,
    SafetyState,
    asks,
    asks_about_later,
    asks_for_a_topic,
    clear_question,
    seizure_care,
    start,
)
from bot.core.verdict import Match
from bot.nlu.clauses import described_words
from bot.nlu.definition import defined_term
from bot.nlu.language import is_other_language
from bot.nlu.matcher import MAX_CANDIDATES, Candidate, Evidence, Matcher, match_words, message_words, stem
from bot.nlu.message import Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS, STOPWORDS
from bot.nlu.safety import PERMISSION_FIRST, Reading, SafetyCheck, SafetyFlag
from bot.nlu.safety import FollowUp as Guidance
from bot.nlu.self_questions import ABOUT_BOT, asks_about_the_bot
from bot.nlu.topic_net import OUT_OF_SCOPE, TopicNet

FollowUp = Literal["", "subject", "more", "facet", "next"]
# What the engine composes: a safety reply (emergency, crisis, medication), the first-aid answer, the guidance
# that follows an emergency or crisis reply, a topic's passage, the next passage ("more"), "the article doesn't
# cover that", smalltalk, the handover question, "Did you mean", the fallback, an acknowledgement ("ok"), or nothing
# to read.
Kind = Literal["safety", "first_aid", "after_care", "emergency_follow_up", "crisis_follow_up", "topical", "more", "not_covered",
               "smalltalk", "handover", "ambiguous", "fallback", "acknowledged", "empty"]
# the safety state: as it was, a new one, its 30 minutes anew, or a watch after a possible crisis
ContextChange = Literal["keep", "start", "refresh", "watch"]

RIVAL_SHARE = 1.0  # see _rival
GREETING_STORY_WORDS = 25  # a greeting and a story of up to this many words is greeted, not answered
EXACT = 99.9  # an out-of-scope keyword overrules a topical answer only when spelled out in full
OUT_OF_SCOPE_SHARE = 0.2  # and when it is a real part of the message, not a passing word in a long story
PLAUSIBLE_BAND = 8.0  # a best topic this far under the threshold is weak but plausible: "Did you mean" it
PLAUSIBLE_SHARE = 0.4  # ... if it explains this much of the message ("convert ms to seconds" is not about MS)
CLARIFY_SPREAD = 8.0  # "Did you mean" offers the topics this close to the best one ...
MAX_OPTIONS = 3  # ... at most this many
# A best topic this sure answers even beside a close rival, which the answer's buttons offer first. On the tuned
# persona sets, "top two too close" had the right topic first in 49 of 50 cases at 90 or more (108 of 176 in all)
SURE = 90.0
DESCRIBED_GAP = 20.0  # a topic this close to one that explains only a description ("seizures that ...") ...
ASKED_WEIGHT = 0.6  # ... and explaining this much of the rest is what the message asks ...
ASKED_KEYWORD = 90.0  # ... with a keyword of its own, near enough spelled out
# What a keyword may add to the term it names, and still be that term ("refractory meaning"); not "rule out"
_DEFINING = frozenset(("meaning", "definition", "defined", "explained", "explain", "what", "is", "means", "mean"))
OWN_SECTION_FLOOR = 55.0  # a follow-up's own words finding another section this well move to it
DRIFT_FLOOR = 60.0  # a candidate of the chat's disease this plausible keeps a drifting message there (55-65: same)
NAMED_ONLY_WORDS = 4  # "its lamotrigine", "the keppra one": a medicine named, and nothing more
_SUPPOSED = ("and if it ", "and if he ", "and if she ", "and if they ", "and if i ", "and what if it ")
CLOSING_WORDS = 12  # a thanks or goodbye that asks nothing, with a few words more, closes all the same
LEANING_WORDS = 10  # a follow-up whose own words lean towards the last topic may be this long (8: 7 fewer gains)
SEIZURE_WORD = "seizure"  # what a message after the first-aid answer is about, unless it says otherwise
# The topic net (bot/nlu/topic_net.py) beside the keywords, its probabilities chosen by cross-validation on the tuned
# sets (a model trained without each set, the keyword verdicts as they were): docs/evaluation.md
NET_FILLS = 0.6  # a topic this likely answers a message the keywords found nothing sure in
NET_PICKS = 0.35  # ... or picks among the topics a "Did you mean" would offer
NET_OVERRULES = 0.8  # a topic this likely overrules the keywords' one
NET_DECLINES = 0.9  # "none of the topics" this likely declines the keywords' topic
NET_SIBLING = 0.9  # another section of the chat's illness this likely answers a follow-up read with its topic (0.8: same)
HELP_TOLD_WORDS = 6  # "The ambulance crew is here": help arriving told, and nothing else
ELSEWHERE_WORDS = 6  # in an emergency's 30 minutes, a question about something else says at least this much
STROKE = "stroke_signs"  # the emergency criterion of a stroke's signs
MS_QUESTION_WORDS = 14  # after them, "is it her ms?" asks at most this much
# (and any other illness the person has: "Is it his epilepsy?", "Is this to do with her arthritis?")
_THEIR_ILLNESS_WORDS = frozenset(("ms", "relapse", "relapsing", "flare", "flareup", "sclerosis", "pseudorelapse", "epilepsy",
                       "epileptic", "seizure", "fit", "arthritis", "ra", "lupus", "migraine"))
NET_NEEDLESS = 0.97  # a topic this likely answers though the message lacks its `needs_one_of` words
NET_SUGGESTS = 0.3  # a topic this likely, the keywords finding nothing, is offered ("Did you mean") ...
NET_RIVALS = 0.5  # ... as is one this likely beside the keywords' topic ...
NET_DOUBTS = 0.1  # ... when the net reads the keywords' topic this unlikely
TREATMENT_GAP = 3.0  # ... this close to the treatment topic (6 lost two more right answers on the tuned sets than it won)
# The follow-up net (tools/train_followup_net.py) on a message shaped like a follow-up: under this probability that
# it goes on with the last topic, with the topic net this sure it asks none of the topics, it is read on its own
# (an out-of-fold simulation on the tuned dialogues: 0.2 and 0.95 kept 47 turns right and lost 9, 0.3 and 0.95 kept 55
# and lost 14; 0.25 between them)
FOLLOW_UP_DOUBTS = 0.25
NET_NONE_SURE = 0.95
CONTINUES = "continues"  # the follow-up net's label


@dataclass(frozen=True, slots=True)
class Decision:
    """Which answer a message gets, and why; the engine composes it."""

    kind: Kind
    why: str  # one line for `explain`
    intent_id: str | None = None
    score: float = 0.0
    match: Match | None = None
    keyword: str | None = None  # for topical: the keyword that found it (it helps pick the passage)
    flag: SafetyFlag | None = None  # the safety flag the turn carries
    follow_up: FollowUp = ""
    fallback: str = ""  # why nothing was answered: health, gibberish, language, other, long, not_covered
    facet: str = ""  # for not_covered: the facet the article does not cover
    rivals: tuple[str, ...] = ()  # for topical: close rivals of a sure answer, offered first among its buttons
    unsure: bool = False  # for ambiguous: a guess under the threshold, which may be none of the topics offered
    guidance: Guidance = "general"  # for emergency_follow_up: call, recovered or general (`Reading.follow_up`)
    lines: tuple[tuple[str, str | None], ...] = ()  # safety lines on top: (kind, criterion)
    state: SafetyState | None = None  # the emergency or crisis state the turn starts or refreshes
    context: ContextChange = "keep"
    topic: str | None = None  # a disease the greeting's story names: the chat's topic from here ("what is it?")


# -- the matcher's evidence, read ----------------------------------------------------------------------------


def verdict(evidence: Evidence, settings: MatchSettings) -> Match:
    """One intent, "Did you mean" (two close topics, or one weak but plausible), or the fallback."""
    scored = evidence.candidates
    candidates = scored[:MAX_CANDIDATES]
    foreign = evidence.foreign
    threshold = settings.threshold
    if not candidates or candidates[0].score < threshold:
        top = candidates[0].score if candidates else 0.0
        options = _options(candidates, top)
        if top >= threshold - PLAUSIBLE_BAND and options and candidates[0].kind == "topical" and not foreign \
                and candidates[0].share >= PLAUSIBLE_SHARE:
            return Match("ambiguous", None, top, None, candidates, "weak but plausible", options, foreign)
        reason = "out of scope" if candidates and candidates[0].kind == "out_of_scope" else "below threshold"
        return Match("fallback", None, top, None, candidates, reason, (), foreign)
    first = candidates[0]
    if first.kind == "out_of_scope" or any(_outside(c, first) for c in scored[1:]):
        return Match("fallback", None, first.score, first.keyword, candidates, "out of scope", (), foreign)
    close = [c for c in candidates[1:] if first.score - c.score < settings.ambiguity_margin
             and _rival(c, first, evidence.weights)]
    options = _options((first, *close), first.score) if close else ()
    if options and first.score >= SURE and options[0] == first.intent_id:
        return Match("matched", first.intent_id, first.score, first.keyword, candidates, "sure beside a close rival",
                     options[1:], foreign)
    if options:  # two close smalltalk replies ("thanks, goodbye") are no choice to offer: the best one answers
        return Match("ambiguous", None, first.score, first.keyword, candidates, "top two too close", options, foreign)
    return Match("matched", first.intent_id, first.score, first.keyword, candidates, "", (), foreign)


def match_message(matcher: Matcher, message: Message, in_context: bool = False) -> Match:
    """The matcher's evidence for a message, read; `in_context` when the chat has a topic, which stands for the
    words an intent's `needs_one_of` asks for."""
    evidence = matcher.evidence(message, needs=not in_context)
    return _past_the_description(verdict(evidence, matcher.settings), evidence, message, matcher.settings)


def _past_the_description(match: Match, evidence: Evidence, message: Message, settings: MatchSettings) -> Match:
    """ "can immunotherapy help seizures that don't respond to meds": the best topic explains only the words that
    say which seizures are meant; a close topic that explains the question's own words is what is asked."""
    if match.status == "ambiguous" and len(evidence.candidates) > 1:
        return _asked_beside_the_description(match, evidence, message, settings)
    if match.status != "matched" or not evidence.candidates:
        return match
    first = evidence.candidates[0]
    if first.intent_id != match.intent_id or first.kind != "topical":
        return match
    described = described_words(message)  # read only once a topic is found: most messages never get here
    if not described or not set(first.words) <= described:
        return match
    for other in evidence.candidates[1:MAX_CANDIDATES]:
        if first.score - other.score > DESCRIBED_GAP:
            break
        asked = set(match_words(other.keyword)) - described  # its keyword's own words, not the description's
        if other.kind == "topical" and other.strength >= ASKED_KEYWORD and \
                sum(evidence.weights.get(w, 0.0) for w in asked) >= ASKED_WEIGHT:
            status = "matched" if other.score >= settings.threshold else "ambiguous"
            options = () if status == "matched" else (other.intent_id, first.intent_id)
            return Match(status, other.intent_id if status == "matched" else None, other.score, other.keyword,
                         evidence.candidates, "past the description", options, evidence.foreign)
    return match


def _asked_beside_the_description(match: Match, evidence: Evidence, message: Message,
                                  settings: MatchSettings) -> Match:
    """The same, the other way round: the best topic explains the question's own words and the close second
    only the description ("what are autoantibodies and how are they connected to epilepsy that doesn't respond
    to medication"), so the choice is no choice."""
    first, second = evidence.candidates[:2]
    if first.kind != "topical" or first.score < settings.threshold or first.strength < ASKED_KEYWORD:
        return match
    described = described_words(message)
    asked = set(match_words(first.keyword)) - described
    if not described or not set(second.words) <= described or \
            sum(evidence.weights.get(w, 0.0) for w in asked) < ASKED_WEIGHT:
        return match
    return _answered_by(first, evidence.candidates, "past the description", evidence.foreign)


def _answered_by(candidate: Candidate, candidates: tuple[Candidate, ...], reason: str,
                 foreign: tuple[str, ...]) -> Match:
    """A match answered by one of the candidates, chosen past the verdict for `reason`."""
    return Match("matched", candidate.intent_id, candidate.score, candidate.keyword or None, candidates, reason, (),
                 foreign)


def with_the_net(knowledge: Knowledge, message: Message, match: Match, in_conversation: bool = False,
                 chat_topic: str | None = None) -> Match:
    """The keywords' verdict weighed with the topic net's reading of the whole message: the net answers what the
    keywords found nothing sure in, picks among the topics they would offer, and overrules or declines their topic
    only when it is far surer. It gives topics only, never smalltalk, a safety or a handover reply, and takes none
    of those away; it defers to a keyword it never learnt (an admin's newer word) and to `needs_one_of`; and a short
    question with no subject of its own ("is it inherited?") is not its to place."""
    net = knowledge.topic_net
    found = knowledge.intents.get(match.intent_id or "")
    # (nor past an admin's out-of-scope keyword it never learnt: "write my essay", added after the net was trained)
    newer = net is not None and not net.learnt(match.keyword)
    if net is None or (found is not None and found.kind != "topical") or (
            newer and (match.status == "matched" or match.reason == "out of scope")):
        return match
    if (agreed := _smalltalk_agreed(net, message, match)) is not None:
        return agreed
    best, probability = _net_best(net, knowledge, message)
    why = f"the topic net, {probability:.2f}"
    if best == OUT_OF_SCOPE:
        # "what are the side effects of natalizumab": the topic found, and a facet it lacks, which says so plainly
        # (not a short message in a conversation, "lupus same?": the net learnt such turns only when out of scope)
        short_turn = in_conversation and len(message.words) <= followup.SHORT_WORDS
        if match.status == "matched" and probability >= NET_DECLINES and followup.own_facet_of(message) is None \
                and not short_turn:
            return Match("fallback", None, match.score, None, match.candidates, f"out of scope ({why})", (),
                         match.foreign)
        return match
    short = len(message.words) <= followup.SHORT_WORDS
    # "is it inherited?" names nothing the net could place; "ms signs or reasons" asks for two topics, which the
    # choice offers both of
    if best == match.intent_id or (short and followup.leans_on_context(message) and not names_diseases(message)) or \
            (short and not _ALTERNATIVES.isdisjoint(message.words)) or followup.is_arithmetic(message):
        return match
    if match.status == "matched":
        sure = probability >= NET_OVERRULES
    else:
        sure = probability >= NET_FILLS or (match.status == "ambiguous" and best in match.options
                                            and probability >= NET_PICKS)
    if not sure:
        return _offered_by_the_net(net, knowledge, message, match, (best, probability), in_conversation)
    if match.status != "matched" and _crosses_diseases(knowledge, message, best, chat_topic):
        return match  # "The radiologist make mistake sometimes?" in a chat about MS lesions: not the epilepsy topic
    return Match("matched", best, max(match.score, knowledge.matcher.settings.threshold), None, match.candidates,
                 why, (), match.foreign)


def _crosses_diseases(knowledge: Knowledge, message: Message, found: str | None, chat_topic: str | None) -> bool:
    """A topic of the other disease than the chat's, for a message that names no disease: context never crosses
    diseases, and the net read the message without the chat."""
    other = followup.topic_of(knowledge, found)
    return chat_topic in DISEASE_TOPICS and other in DISEASE_TOPICS and other != chat_topic and \
        not names_diseases(message)


def _offered_by_the_net(net: TopicNet, knowledge: Knowledge, message: Message, match: Match,
                        reading: tuple[str, float], in_conversation: bool) -> Match:
    """Uncertainty shown, not hidden: a topic the net finds plausible where the keywords found nothing ("Did you
    mean" it, and the keywords' nearest), or where the net all but rules out the keywords' topic (both offered),
    or where the keywords offer a choice without it (it joins the choice).
    Never past an admin's out-of-scope keyword or a word of another language; and a keyword answer in a
    conversation stands (the net reads a turn without the conversation that explains it)."""
    best, probability = reading
    if match.foreign or match.reason.startswith("out of scope"):
        return match
    if match.status == "fallback" and probability >= NET_SUGGESTS:
        options = [label for label, p in _net_topics(net, knowledge, message) if p >= NET_SUGGESTS]
        near = [c.intent_id for c in match.candidates[:1] if c.kind == "topical"
                and c.score >= knowledge.matcher.settings.threshold - PLAUSIBLE_BAND]
    elif match.status == "matched" and not in_conversation and probability >= NET_RIVALS and \
            net.probabilities(message).get(match.intent_id or "", 0.0) < NET_DOUBTS:
        options, near = [match.intent_id or "", best], []
    elif match.status == "ambiguous" and probability >= NET_SUGGESTS and best not in match.options:
        # the keywords' choice, and the net's plausible topic among it (in the last place when the choice is full)
        options, near = [*match.options[:MAX_OPTIONS - 1], best], []
    else:
        return match
    chosen = tuple(dict.fromkeys([*options, *near]))[:MAX_OPTIONS]
    return Match("ambiguous", None, match.score, None, match.candidates, f"offered (the topic net, {probability:.2f})",
                 chosen, match.foreign)


def _net_topics(net: TopicNet, knowledge: Knowledge, message: Message) -> list[tuple[str, float]]:
    """The net's topics for a message, likeliest first (only those whose `needs_one_of` words it has)."""
    readings = net.probabilities(message).items()
    return sorted(((label, p) for label, p in readings if label in knowledge.intents
                   and knowledge.intents[label].kind == "topical"
                   and not knowledge.matcher.lacks_needed_words(label, message)), key=lambda item: -item[1])


def _smalltalk_agreed(net: TopicNet, message: Message, match: Match) -> Match | None:
    """ "who actually made you then, some drug company?": the keywords' best guess, a question about the bot just
    under the threshold, and the net's reading agree on it; the net alone never gives small talk. Not a thanks or a
    greeting: "thanks, my son has had a fever since monday" goes on to tell something."""
    first = match.candidates[0] if match.candidates else None
    if match.status == "matched" or first is None or first.kind != "smalltalk" or \
            first.intent_id in (*followup.CLOSING_IDS, followup.GREETING_ID) or \
            net.probabilities(message).get(first.intent_id, 0.0) < NET_FILLS:
        return None
    return Match("matched", first.intent_id, first.score, first.keyword or None, match.candidates,
                 "the keywords' small talk, the topic net agreeing", (), match.foreign)


def _sibling_by_the_net(knowledge: Knowledge, message: Message, followed: Match, topic: str | None) -> Match:
    """ "but why dont the meds work" after what drug-resistant epilepsy is: read with the chat's topic it stays on
    the definition; the net, reading the words alone, is sure of another section of the same illness (drug
    resistance), which is what is asked. Never another illness: context never crosses diseases."""
    net = knowledge.topic_net
    if net is None or followed.status != "matched" or topic is None:
        return followed
    best, p = _net_best(net, knowledge, message)
    # (first aid is safety's to give: "and if its positive?" after antibody tests reads, alone, like "and if he ...")
    # ... and "is that y my meds dont work" after hippocampal sclerosis asks about the chat's subject, pointed at
    if best in (OUT_OF_SCOPE, followed.intent_id, FIRST_AID_INTENT) or p < NET_SIBLING or \
            followup.topic_of(knowledge, best) != topic or followup.points_back_at_it(message):
        return followed
    return replace(followed, intent_id=best, keyword=None, reason=f"the topic net within the chat's topic, {p:.2f}")


_ALTERNATIVES = frozenset(("or", "and", "vs", "versus"))


def _net_best(net: TopicNet, knowledge: Knowledge, message: Message) -> tuple[str, float]:
    """The net's likeliest label that is a topic there is now, whose `needs_one_of` words the message has (the
    admin's word on what it needs), or `out_of_scope`; and its probability."""
    def topical(label: str) -> bool:
        intent = knowledge.intents.get(label)
        return intent is not None and intent.kind == "topical"

    best, probability = net.best(message, topical)
    # "would yoga or meditation actually help": the net all but certain of a topic whose words the message lacks
    # (the bot's readers live with MS or epilepsy); less sure, the admin's `needs_one_of` decides
    if probability >= NET_NEEDLESS or best == OUT_OF_SCOPE or not knowledge.matcher.lacks_needed_words(best, message):
        return best, probability
    return net.best(message, lambda label: topical(label) and not knowledge.matcher.lacks_needed_words(label, message))


def match_text(matcher: Matcher, text: str) -> Match:
    """`match_message` for a bare text: for tools, tests and `explain`, which have no message yet."""
    return match_message(matcher, Message(text))


def _options(candidates: Iterable[Candidate], best: float) -> tuple[str, ...]:
    """The topical candidates near the best one, at most three: what "Did you mean" offers."""
    near = [c.intent_id for c in candidates if c.kind == "topical" and best - c.score < CLARIFY_SPREAD]
    return tuple(near[:MAX_OPTIONS])


def _rival(other: Candidate, first: Candidate, weights: Mapping[str, float]) -> bool:
    """A close runner-up is a real alternative only if the words it alone explains weigh about as much as
    the words the leader alone explains: "ms" is no rival to "ms meds", nor is "drug resistant seizures"
    (the subject of every refractory-epilepsy intent) to "hippocampal sclerosis"."""
    own = sum(weights[w] for w in set(other.words) - set(first.words))
    lead = sum(weights[w] for w in set(first.words) - set(other.words))
    return own > 0 and own >= RIVAL_SHARE * lead


def _outside(other: Candidate, first: Candidate) -> bool:
    """An out-of-scope keyword, spelled out, covering a fair part of the message on words the best intent
    leaves unexplained, says the message is about something we do not cover ("stem cells for knee injury",
    "antibody test after covid"); a passing mention in a long story does not."""
    return (other.kind == "out_of_scope" and other.strength >= EXACT and other.share >= OUT_OF_SCOPE_SHARE
            and not set(other.words) <= set(first.words))


# -- the turn ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Situation:
    """What a decision reads besides the message: the snapshot, the chat's context and the time."""

    knowledge: Knowledge
    last_intent: str | None
    topic: str | None
    state: SafetyState | None  # the emergency or crisis state, if its 30 minutes are not over
    now: float
    medicine: bool = False  # the chat's last message named a medicine (Context.medicine)
    choices: tuple[str, ...] = ()  # the topics of a "Did you mean" just asked (Context.choices)
    watch: bool = False  # a possible crisis was answered in the last 30 minutes (Context.watching)


def decide(message: Message, situation: Situation) -> Decision:
    """The one decision for a free-text message (the order is in the module's docstring)."""
    knowledge = situation.knowledge
    # "2", "the first one" right after a "Did you mean": the topic picked, as if its button were tapped (a bare pick
    # has no words that could be alarming)
    if situation.state is None and (picked := followup.pick_of(message, len(situation.choices))) is not None and \
            situation.choices[picked] in knowledge.intents:
        return Decision("topical", f"a pick of the topics just offered: {picked + 1}", situation.choices[picked], 100.0)
    if not message.has_letters:
        if is_other_language(message):  # a script we cannot read (normalising drops all of it)
            return Decision("fallback", "another language (no letters we read)", fallback="language")
        if situation.state is not None and not situation.state.settled:
            # "???", "!!", "😭" while a seizure may still go on, or after a crisis reply: its reply again, not silence
            return _in_state(message, situation, situation.state, None)
        return Decision("empty", "nothing to read")
    flag = knowledge.safety.check(message)
    if flag is None and situation.last_intent == FIRST_AID_INTENT and len(message.raw) <= followup.FOLLOW_UP_CHARS \
            and _seizure_unsaid(knowledge.safety.read(message), message):
        # after the first-aid answer the seizure goes without saying: "my husband is having one now", "when do I
        # call 999" are read as about a seizure (not "bye for now")
        flag = knowledge.safety.check(message.extended(SEIZURE_WORD))
    elif flag is None and situation.topic == EPILEPSY and len(message.raw) <= followup.FOLLOW_UP_CHARS and \
            _timed_unnamed(knowledge.safety.read(message)):
        # "oh god hes started again and its been going 6 mins now" in a chat about epilepsy: timed, the seizure
        # unnamed; it is the emergency only if the rules are sure of it with the seizure said
        said = knowledge.safety.check(message.extended(SEIZURE_WORD))
        flag = said if said is not None and said.kind == "emergency" and said.certain else None
    if (flag is None or not flag.certain) and _medicine_in_talk(situation) and \
            knowledge.safety.tells_a_missed_dose(message):
        # "like i missed it this morning n its 3pm now" after a question about missing pills: that dose, now
        missed = SafetyFlag("medication_change", "a missed dose of the medicine just discussed", criterion="missed_dose")
        return decide_certain(message, situation, missed)
    if (flag is None or not flag.certain) and _changes_the_treatment(message, situation):
        change = SafetyFlag("medication_change", "a change to the treatment just discussed", criterion="med_change")
        if flag is None and (about_the_illness := _what_doses_do(message, situation, change, named=True)) is not None:
            return about_the_illness  # "if I forget often, this make epilepsy not respond to medicine?"
        decision = decide_certain(message, situation, change)
        if flag is not None:  # a possible danger keeps its line on top
            decision = replace(decision, lines=(*decision.lines, (flag.kind, flag.criterion)))
        return decision
    if flag is not None and flag.certain and flag.kind == MEDICATION_CHANGE and \
            (about_the_illness := _what_doses_do(message, situation, flag)) is not None:
        return about_the_illness
    if flag is not None and flag.certain:
        return decide_certain(message, situation, flag)
    if situation.state is not None:
        return _in_state(message, situation, situation.state, flag)
    if flag is not None and flag.kind == "crisis" and situation.watch:
        # "im done with all of it", then "ive got a plan": a second possible crisis within 30 minutes is one
        second = decide_certain(message, situation, replace(flag, tier="certain"))
        return replace(second, why=f"{second.why}: the second possible crisis within 30 minutes")
    decision = _answer(message, situation)
    # "ok", "lol ok": an acknowledgement, no question the bot failed to answer: a short reply that keeps the chat's
    # topic, and nothing for the admins' list of unanswered questions
    if decision.kind == "fallback" and flag is None and followup.only_acknowledges(message):
        return Decision("acknowledged", "an acknowledgement")
    # "ok paramedics here.", "the ambulance is here now" with no emergency reply before (or its 30 minutes gone):
    # what to tell the crew, and the emergency's 30 minutes begin (not a question, which its answer takes)
    if decision.kind in ("fallback", "ambiguous") and flag is None and not _asked(message) and \
            not _CREW.isdisjoint(message.words) and knowledge.safety.read(message).follow_up() == "arrived":
        return Decision("emergency_follow_up", "help has come, no emergency reply before: what to tell the crew",
                        "emergency", 100.0, guidance="arrived", state=start("emergency", None, situation.now),
                        context="start")
    if flag is not None:  # possible: the normal answer, with what to do now on top
        lines = ((flag.kind, flag.criterion), *((("crisis", None),) if flag.crisis_too else ()))
        if _over_and_asked(message, situation, flag, decision):
            # "grandson had a fit 10 min ago, its over now, hes sleepy. normal?": the first-aid after-care, which
            # says what is normal and when to call, the seizure's line on top
            return Decision("after_care", f"{decision.why}; a seizure told over, asked about: the after-care",
                            FIRST_AID_INTENT, 100.0, flag=flag, lines=lines)
        watched = flag.kind == "crisis" or flag.crisis_too
        return replace(decision, flag=flag, lines=lines,
                       state=SafetyState(WATCH, flag.criterion, situation.now) if watched else decision.state,
                       context="watch" if watched else decision.context,
                       why=f"{decision.why}; safety possible: {flag.kind} ({flag.criterion}), its line on top")
    # "what do i do quick pls": whatever answers a bare plea, what to do if a seizure is going on comes on top
    if (decision.kind in ("fallback", "ambiguous") or decision.intent_id == followup.HELP_ID) and bare_plea(message):
        return replace(decision, lines=(("emergency", None),), why=f"{decision.why}; a bare plea: the seizure line")
    return decision


def _over_and_asked(message: Message, situation: Situation, flag: SafetyFlag, answer: Decision) -> bool:
    """A possible seizure told over ("its over now, hes sleepy") and asked about, which nothing else answers."""
    knowledge = situation.knowledge
    reading = knowledge.safety.read(message)
    return flag.kind == "emergency" and flag.criterion not in NOT_A_SEIZURE and answer.kind in ("fallback", "ambiguous") \
        and (reading.follow_up() == "recovered" or reading.says_fine) and _asked(message) and _has_first_aid(knowledge)


def _has_first_aid(knowledge: Knowledge) -> bool:
    """Whether the first-aid intent and its article are both there (an admin may have removed either)."""
    return FIRST_AID_INTENT in knowledge.intents and FIRST_AID_ARTICLE in knowledge.articles


_CREW = frozenset(("paramedic", "paramedics", "ambulance", "ambulances", "ambo", "crew", "medics", "emts", "emt"))


EPILEPSY = "epilepsy"  # the chat's topic (a disease) when its last topics were about epilepsy
DISEASE_TOPICS = frozenset((EPILEPSY, "ms"))  # the articles' topics that are one disease (not "neuro-immune")


def _timed_unnamed(reading: Reading) -> bool:
    """Minutes told of someone ("hes started again and its been going 6 mins now"), nothing supposed, nor asked with
    a modal ("should he be ... after 5 minutes?")."""
    concepts = reading.concepts
    return "LONG" in concepts and not concepts.isdisjoint(("PERSON", "PRONOUN", "CHILD")) and \
        concepts.isdisjoint(("HYPO", "WHAT_IF", "KNOWLEDGE", "HISTORY", "NEXT_TIME", "Q_MODAL"))


def _seizure_unsaid(reading: Reading, message: Message) -> bool:
    """After the first-aid answer: words that need the seizure, or an injury told, not asked about ("what if i hit
    my head", "and if they hurt themselves" are first-aid questions)."""
    return reading.leaves_the_seizure_unsaid or (reading.tells_an_injury and _HYPOTHETICAL.isdisjoint(message.words))


_HYPOTHETICAL = frozenset(("if", "whether", "would", "could", "might", "should"))


def _medicine_in_talk(situation: Situation) -> bool:
    """A medicine named earlier in the chat, or the last topic about treatment or medicines."""
    last = situation.knowledge.intents.get(situation.last_intent or "")
    return bool(situation.medicine) or (last is not None and bool(
        last.treatments or last.about_medicines or last.id == MEDICATION_CHANGE))


def _what_doses_do(message: Message, situation: Situation, flag: SafetyFlag, named: bool = False) -> Decision | None:
    """ "could forgetting my pills be why the seizures never stopped?": what missed doses do to the illness, which a
    topic answers, the medication line on top of it; None when it is no such question, or no topic answers it."""
    if situation.state is not None or not followup.asks_what_doses_do(message, named):
        return None
    answer = _answer(message, situation)
    if answer.kind not in ("topical", "ambiguous"):  # a topic, or a choice of topics: the line on top of either
        return None
    return replace(answer, flag=replace(flag, tier="possible"), lines=((flag.kind, flag.criterion),),
                   why=f"{answer.why}; a medication question about the illness: its line on top")


def _changes_the_treatment(message: Message, situation: Situation) -> bool:
    """ "can i stop it if i feel better?" right after a treatment topic (DMTs, baclofen, immunotherapy), or
    "double tonight?" right after the medication reply: a personal medication decision, though the message
    names no medicine."""
    last = situation.knowledge.intents.get(situation.last_intent or "")
    safety = situation.knowledge.safety
    # ("Will it stop his fits altogether?" asks what the treatment does; "is it ok to skip sleep for exams" changes
    # something else)
    if followup.asks_its_effect(message) or followup.changes_something_else(message):
        return False
    if last is None or not (last.treatments or last.about_medicines or last.id == MEDICATION_CHANGE):
        # a medicine named in the message before, whatever answered it: "why do my meds make me so sleepy",
        # then "can i skip them on saturday"; or in this message, a sentence before the permission asked
        return (situation.medicine or _named_before_asking(message, safety)) and safety.asks_a_change(message)
    # after the medication reply the medicine is the subject: "give double tomorrow?" needs no "it"; "is that
    # bad?" asks about the dose just talked about. After a topic about missed doses the doses are the subject too
    after_reply = last.id == MEDICATION_CHANGE
    # ("Should I ask to switch then?" after a treatment topic, a medicine named in the chat: that medicine; "which one
    # should i go for?" after one: a choice between its treatments, for the writer)
    return safety.asks_a_change(message, subject_known=after_reply or last.about_medicines) or (last.treatments and (
        followup.asks_which_to_choose(message) or (bool(situation.medicine) and followup.asks_to_switch(message)))) or (
        after_reply and (followup.asks_how_bad(message) or followup.asks_when_to_take(message)
                         or followup.asks_why_not(message) or followup.asks_what_the_dose_does(message)
                         # "its lamotrigine": which medicine the decision is about
                         or (len(message.words) <= NAMED_ONLY_WORDS and safety.names_a_medicine(message)
                             and defined_term(message) is None)  # (not "What is natalizumab?")
                         # "and if it happens again tonight?": the same decision, supposed
                         or (message.text.startswith(_SUPPOSED) and len(message.words) <= CLOSING_WORDS)))


def _named_before_asking(message: Message, safety: SafetyCheck) -> bool:
    """ "I started the glatiramer injections yesterday and my chest went tight. Should I skip tonight's?": a medicine
    named in a sentence before the last, which asks permission, as a medicine named in the chat's last message is."""
    sentences = message.sentences  # each has words (an empty one is no sentence)
    if len(sentences) < 2 or sentences[-1].words[0] not in PERMISSION_FIRST:
        return False
    return any(safety.names_a_medicine(Message(" ".join(s.words))) for s in sentences[:-1])


def decide_certain(message: Message, situation: Situation, flag: SafetyFlag) -> Decision:
    """A certain safety flag: the safety reply alone. An emergency or crisis starts the 30-minute state and
    forgets the topic before, so no follow-up can bring it back."""
    state = situation.state
    why = f"safety certain: {flag.kind} ({flag.criterion})"
    if flag.kind == "seizure_first_aid":
        if state is not None and state.kind == "emergency":
            return _in_state(message, situation, state, flag)
        knowledge = situation.knowledge
        if not _has_first_aid(knowledge):
            return replace(_answer(message, situation), why=f"{why}, no first-aid article: the answer")
        return Decision("first_aid", why, FIRST_AID_INTENT, 100.0, flag=flag, lines=_state_lines(state))
    if state is not None and state.kind == "emergency" and state.criterion != STROKE and \
            flag.criterion == STROKE and situation.knowledge.safety.read(message).speech_sign_only:
        # "its stopped but she's not talking properly" in the 30 minutes of a seizure (or a fall, an overdose): that
        # emergency's guidance, not a new stroke (a face, an arm, a named stroke or "suddenly" is one)
        return _in_state(message, situation, state, replace(flag, tier="possible"))
    if flag.kind in STATES:  # a crisis, then an emergency: both lines stay, for the new state's 30 minutes too
        shown = {flag.kind, "crisis"} if flag.crisis_too else {flag.kind}  # the reply's own lines
        kept = tuple(line for line in _state_lines(state) if line[0] not in shown)
        new = start(flag.kind, flag.criterion, situation.now, flag.crisis_too, before=state)
        return Decision("safety", why, flag.kind, 100.0, flag=flag, lines=kept, state=new, context="start")
    return Decision("safety", why, flag.kind, 100.0, flag=flag, lines=_state_lines(state))


def _state_lines(state: SafetyState | None) -> tuple[tuple[str, str | None], ...]:
    return state.lines() if state is not None else ()


def _lines(*lines: tuple[str, str | None]) -> tuple[tuple[str, str | None], ...]:
    """Safety lines to put on top, one per kind: the first given of each, in the order given."""
    kept: dict[str, tuple[str, str | None]] = {}
    for kind, criterion in lines:
        kept.setdefault(kind, (kind, criterion))
    return tuple(kept.values())


def _other_danger(flag: SafetyFlag | None, state: SafetyState) -> tuple[tuple[str, str | None], ...]:
    """A possible flag for another danger than the state's: its line on top of whatever the state gives.
    "nobody would notice if i stopped existing" after an emergency reply gets the recovery guidance (the
    seizure may be over) and the crisis line, never the guidance alone."""
    if flag is None or flag.certain:
        return ()
    lines = [(flag.kind, flag.criterion)] if flag.kind != state.kind else []
    if flag.crisis_too and state.kind != "crisis":
        lines.append(("crisis", None))
    return tuple(lines)


def _in_state(message: Message, situation: Situation, state: SafetyState, flag: SafetyFlag | None) -> Decision:
    """A message within 30 minutes of an emergency or crisis reply (no certain match of its own)."""
    # The reply that started the state cleared the chat's topic: a topic now was answered within the state ("the
    # doctors say it's autoimmune encephalitis, what is that?"), and "is it treatable?" may follow it up
    answer = _answer(message, situation, borrow=situation.last_intent is not None)
    reading = situation.knowledge.safety.read(message)
    guidance = reading.follow_up()
    # "he's breathing, ambulance coming" after "he fell down the stairs and he's not answering": breathing is not
    # waking up; the guidance stays until a waking or an end is told
    if guidance == "recovered" and state.criterion == "not_waking" and "STOPPED" not in reading.concepts:
        guidance = "general"
    during = f"in a {state.kind}'s 30 minutes"
    other = _other_danger(flag, state)
    # "IS IT HER MS" after the signs of a stroke: a question about the emergency itself, which only a hospital can
    # answer; its follow-up again (which says so), not the MS article (once help has come, "they said it was a mini
    # stroke. is that from the lupus" is a question of its own)
    # ... and "what if it's the autoimmune thing the doctors mentioned" while a seizure may still go on
    asks_the_cause = (state.criterion == STROKE and _asks_if_their_illness(message)) or (
        state.kind == "emergency" and guidance in ("general", "call") and answer.kind in ("topical", "ambiguous") and
        followup.supposes_a_cause(message))
    if asks_the_cause and not (state.settled or reading.help_here):
        return Decision("emergency_follow_up", f"{during}: asked whether the signs are an illness of theirs",
                        "emergency", 100.0,
                        flag=flag, lines=_lines(*other), guidance=guidance,
                        state=state.refreshed(situation.now), context="refresh")
    # help has come or it is over, said now ("paramedics are here now she's stopped. why does AE ..."): kept
    # ... or the person said to be fine ("ok shes fine now. what should i do next time ...")
    calmed = state.kind == "emergency" and reading.settled and (guidance in ("arrived", "recovered") or
                                                                reading.says_fine)
    # A clear new question, or a wish to talk to a person: answered, with the line still in view
    # ("i dont want to ring anyone" finds the handover's words, but turns a call down: the state's reply)
    # ... and after a crisis reply a topic asked for ("no i dont want to talk to anyone right now just tell me about
    # physio"): the person's time words are no scene of an emergency
    asked_in_crisis = state.kind == "crisis" and asks_for_a_topic(message) and not reading.tells_a_sign
    # (after a crisis reply "Should I be calling someone?" asks whether to get help: the crisis reply says who)
    handover = answer.kind == "handover" and not followup.turns_down_a_call(message) and not (
        state.kind == "crisis" and followup.asks_whether_to_call(message))
    if (answer.kind == "topical" and (clear_question(message, reading) or asked_in_crisis)) or handover:
        kept = replace(answer, flag=flag, lines=_lines(*state.lines(), *other),
                       why=f"{during}, a clear question: {answer.why}")
        if calmed and not state.settled:  # the answer's own context, the state told that help came
            return replace(kept, state=replace(state, settled=True), context="watch")
        return kept
    refreshed = state.refreshed(situation.now, next((kind for kind, _ in other if kind in STATES), None), calmed)
    # "thanks", "bye": answered, with the lines in view. After an emergency only a thanks or a goodbye that says
    # nothing of the scene ("another one started" finds the greeting's "start")
    # nothing alarming ("thanks, the paramedics are here now")
    closing = answer.intent_id in followup.CLOSING_IDS and (not reading.about_the_scene or reading.settled or (
        state.settled and (not reading.tells_an_alarm or reading.only_the_writer_shaken)))
    # ("i'll message again later, bye" once help has come; "Thank you dear. I'm still shaking.")
    # ... but "nobody can help" after a crisis reply is no question about using the bot: the crisis reply again
    despair = state.kind == "crisis" and answer.intent_id == followup.HELP_ID and not asks(message)
    # ... and "are you actually a person by the way" once help has come, nothing alarming said
    settled_talk = state.settled and answer.intent_id in _SETTLED_TALK and not reading.tells_an_alarm
    if answer.kind == "smalltalk" and (state.kind != "emergency" or closing or settled_talk) and not despair:
        return replace(answer, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh",
                       why=f"{during}: {answer.why}")
    if state.kind == "emergency" and answer.kind in ("topical", "fallback", "not_covered") and \
            asks_about_later(message, reading, state):
        # "can he still go on the school trip to the swimming pool next week": a question, the line on top
        return replace(answer, flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh",
                       fallback="health" if answer.kind == "fallback" else answer.fallback,
                       why=f"{during}, a question about later: {answer.why}")
    if state.kind == "emergency":
        knowledge = situation.knowledge
        has_first_aid = _has_first_aid(knowledge)
        # "The crew have taken over. In future, how long before one calls?": the first-aid answer, the line on top
        # ... and "stopped, shes breathing. for next time - anything i should NOT do?": first aid for a time to come
        if ((guidance == "arrived" and reading.asks_first_aid) or reading.asks_for_next_time) and seizure_care(state) \
                and has_first_aid:
            return Decision("first_aid", f"{during}: help is there, a first-aid question", FIRST_AID_INTENT, 100.0,
                            flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh")
        # "does he need hospital", "recovery position how", "when do i call 999 next time", nothing alarming said: the
        # first-aid answer (the guidance's own steps, with the article's source), the emergency line on top
        # (not "Should I give him the rescue medicine?" while it may still go on: the guidance, which says to follow
        # their care plan, and to call)
        if guidance == "general" and reading.settled and reading.asks_about_care and _asked(message) and \
                seizure_care(state) and has_first_aid and not (reading.names_a_medicine and not state.settled):
            return Decision("first_aid", f"{during}: a first-aid question, nothing alarming", FIRST_AID_INTENT, 100.0,
                            flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh")
        # "it stopped, she's breathing, what now?": the first-aid article's after-care, with its source
        # (once help has come, or was said to be over before, no "still call": they are being seen to)
        if guidance == "recovered" and seizure_care(state) and has_first_aid:
            seen = state.settled or reading.help_here
            return Decision("after_care", f"{during}: it is over, the first-aid after-care", FIRST_AID_INTENT, 100.0,
                            flag=flag, lines=_lines(*other, *refreshed.also_line()),
                            guidance="arrived" if seen else guidance, state=refreshed, context="refresh")
        # "can he go to school tomorrow" after a seizure, nothing alarming said: a question on something we do not
        # cover gets that plain answer (who can answer it), the emergency line on top, not the guidance again. Not
        # after a stroke or an overdose, nor a medicine asked about ("should I give him an aspirin?")
        if guidance in ("general", "recovered") and seizure_care(state) and _not_covered_asked(answer, message, reading):
            # asked of the person who just had the seizure, it is a question for their care team
            return replace(answer, flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed,
                           context="refresh", fallback="health",
                           why=f"{during}, nothing alarming, a question we do not cover: {answer.why}")
        # ... and a question about something else altogether, nothing of the scene in it ("do i need to write an
        # incident report", "whats the number for the office rota line"), its own fallback
        if guidance != "call" and seizure_care(state) and _asked_elsewhere(knowledge, answer, message, reading):
            return replace(answer, flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed,
                           context="refresh", why=f"{during}, nothing alarming, a question about something else: "
                                                  f"{answer.why}")
        if guidance != "call" and _after_help_came(state, answer, message, reading):
            # "will she have epilepsy for the rest of her life now" after "paramedics are here": a question, nothing
            # alarming told, once help has come or it is over: its own answer, the line on top
            return replace(answer, flag=flag, lines=_lines(*refreshed.lines(), *other), state=refreshed,
                           context="refresh", fallback="health" if answer.kind == "fallback" else answer.fallback,
                           why=f"{during}, help has come, a question: {answer.why}")
        if guidance != "general" or not reading.settled or state.also != "crisis":
            return Decision("emergency_follow_up", f"{during}: its follow-up guidance", "emergency", 100.0,
                            flag=flag, lines=_lines(*other, *refreshed.also_line()), guidance=guidance,
                            state=refreshed, context="refresh")
        # "not the meds. life. all of it" after a seizure told beside a crisis, nothing alarming said: the crisis
        # reply again, the seizure's line on top
        others = (line for line in other if line[0] != "crisis")  # the crisis reply says its own line
        return Decision("crisis_follow_up", f"{during}, a crisis too, nothing alarming: the crisis reply", "crisis",
                        100.0, flag=flag, lines=_lines((state.kind, state.criterion), *others), state=refreshed,
                        context="refresh")
    if flag is None and _not_covered_asked(answer, message, reading):
        # "IS THERE RESPITE CARE SO I CAN HAVE A BREAK": a practical question, answered plainly (who can answer
        # it), the crisis line on top
        return replace(answer, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh",
                       fallback="health", why=f"{during}, a question we do not cover: {answer.why}")
    if flag is None and _asked_elsewhere(situation.knowledge, answer, message, reading):
        # "and is there a support group for parents like me anywhere near Galway": its own answer, the line on top
        return replace(answer, lines=_lines(*refreshed.lines(), *other), state=refreshed, context="refresh",
                       why=f"{during}, a question about something else: {answer.why}")
    return Decision("crisis_follow_up", f"{during}: the crisis reply again", "crisis", 100.0, flag=flag,
                    lines=_lines(*other, *refreshed.also_line()), state=refreshed, context="refresh")


# Smalltalk answered in an emergency's 30 minutes once help has come: about the bot, how to use it
_SETTLED_TALK = frozenset(("about_bot", "help"))


def _asks_if_their_illness(message: Message) -> bool:
    """ "is it her ms?", "could this be a relapse", "is it his epilepsy?": a short question whether what goes on is
    MS, or another illness of theirs."""
    words = message.words
    return len(words) <= MS_QUESTION_WORDS and asks(message) and not _THEIR_ILLNESS_WORDS.isdisjoint(words) and \
        not _POINTING_BACK.isdisjoint(words)



def _after_help_came(state: SafetyState, answer: Decision, message: Message, reading: Reading) -> bool:
    """A question after an emergency that a message before said help had come to or was over, nothing alarming
    in it: "also can she still start uni in september?", "he smashed his phone when he fell, will apple fix it"."""
    # ... or a remark that finds nothing and says nothing of the scene ("anyway my train's delayed again, typical")
    # (not "Paramedics are here" said alone, which gets what to tell the crew)
    remark = answer.kind == "fallback" and not reading.about_the_scene and not reading.names_a_medicine and \
        not (reading.help_here and len(message.words) <= HELP_TOLD_WORDS)
    # (a choice of topics too: "Now it's calmer. What other treatments are there for kids like him?"); or help told
    # in this message ("hospital says it was a mini stroke not the ms. is stroke more likely if you have ms?")
    return (state.settled or reading.help_here) and answer.kind in ("topical", "fallback", "not_covered", "ambiguous") and (
        asks(message) or remark) and \
        not reading.tells_an_alarm and not reading.asks_what_to_do


def _asked(message: Message) -> bool:
    """Asked, however short: "recovery position?", "does he need hospital", "recovery position how" (not "they are
    trying to hold him down and shove a spoon in his mouth", which tells the scene)."""
    words = message.words
    return "?" in message.raw or (bool(words) and (words[0] in QUESTION_WORDS or words[-1] == "how"))


def _asked_elsewhere(knowledge: Knowledge, answer: Decision, message: Message, reading: Reading) -> bool:
    """A question of some length that finds nothing and that the topic net is sure is none of ours, about neither
    the scene (no person, sign or time of it) nor first aid nor a medicine, nothing alarming in it: "can i take my
    break after or do i have to stay", "who do i report this to at the agency" (not "how long is too long", "why
    wont it stop")."""
    net = knowledge.topic_net
    if answer.kind != "fallback" or answer.fallback not in ("health", "other") or net is None or \
            len(message.words) < ELSEWHERE_WORDS or not asks(message):
        return False
    return reading.settled and not (reading.about_the_scene or reading.names_a_medicine or reading.asks_first_aid
                                    or reading.concepts & _CARE_WORDS) and \
        net.probabilities(message).get(OUT_OF_SCOPE, 0.0) >= NET_DECLINES


# Words that point back at the scene or the person in it ("is it normal", "will she be ok"); not "is there a group"
_POINTING_BACK = frozenset(("it", "its", "this", "that", "these", "those", "they", "them", "he", "she", "his", "her",
                            "him", "hes", "shes", "theyre"))
# A call, an ambulance, a number to ring or an act of care: "SHOULD I RING 111" is about the emergency
_CARE_WORDS = frozenset(("FA_ACTION", "FA_OBJECT", "FA_ACT_STRONG", "AMBULANCE", "FIRST_AID", "FA_DO", "RECOVERY"))


def _not_covered_asked(answer: Decision, message: Message, reading: Reading) -> bool:
    """A question an out-of-scope topic answers, with nothing alarming and no medicine in it."""
    return answer.kind == "fallback" and answer.match is not None and answer.match.reason == "out of scope" and \
        reading.settled and not reading.names_a_medicine and asks(message)


def _answer(message: Message, situation: Situation, borrow: bool = True) -> Decision:
    """The answer proper (or smalltalk, fallback, choice), following up on the last topic when it fits:
    "tell me more", a facet of it ("side effects?"), or a short question that finds nothing on its own. A
    greeting or thanks before a question is a courtesy: the question is answered, when it finds anything."""
    greeting = followup.GREETING_ID if followup.GREETING_ID in situation.knowledge.intents else None
    # "Thank you and God bless" closes, asking nothing: its "and ..." is no question after the thanks
    if followup.closing_of(message) is None and (rest := followup.after_courtesy(message)) is not None:
        decision = _answer_proper(rest, situation, borrow)
        # ("hey there, can you help me with something": a greeting and an offer to ask, which the greeting invites)
        if greeting and (decision.intent_id == followup.HELP_ID or decision.kind in ("fallback", "empty")) and \
                followup.asks_for_help_only(rest) and followup.opens_with_greeting(message):
            return Decision("smalltalk", "a greeting, then help asked for in general", greeting, 100.0)
        if decision.kind not in ("fallback", "empty"):
            return replace(decision, why=f"after a courtesy: {decision.why}")
    # "Hello, I have epilepsy since 10 years.": a greeting, then a story that asks nothing, before the
    # conversation has a topic: the greeting answers (what the bot can help with), not a topic its words came near
    # (not "hi, my lupus rash is back": another illness told, which the fallback says we do not cover)
    # (a long story, over 25 words, asks without a question mark: its topic answers)
    if greeting and situation.last_intent is None and followup.opening_of(message) == greeting and \
            len(message.words) <= GREETING_STORY_WORDS and not names_uncovered_health(message) and \
            not followup.asks_for_a_person(message):  # ("Hello, I want speak to a doctor please": a request)
        named = names_diseases(message)  # ("hi, I was just diagnosed with epilepsy", then "what actually is it?")
        return Decision("smalltalk", "a greeting, then a story that asks nothing", greeting, 100.0,
                        topic=next(iter(named)) if len(named) == 1 else None)
    decision = _answer_proper(message, situation, borrow)
    # "Good day to you." after a conversation takes leave: the greeting's words, the goodbye's meaning; and "Bye
    # bye, have good day" says goodbye in so many words, whenever it comes
    # ... and "thanks, that's all": a thanks that takes leave
    if decision.kind == "smalltalk" and decision.intent_id in (followup.GREETING_ID, followup.THANKS_ID) and \
            followup.GOODBYE_ID in situation.knowledge.intents and (
                (situation.last_intent and followup.is_parting(message) and decision.intent_id == followup.GREETING_ID)
                or followup.closing_of(message) == followup.GOODBYE_ID):
        return replace(decision, intent_id=followup.GOODBYE_ID, why=f"{decision.why}; said in parting: goodbye")
    return decision


def _answer_proper(message: Message, situation: Situation, borrow: bool) -> Decision:
    knowledge = situation.knowledge
    if is_other_language(message):
        return Decision("fallback", "another language", fallback="language")
    about = knowledge.intents.get(ABOUT_BOT)
    # "Is possible to talk with human, doctor or nurse?" names the bot's kind, but asks for a person
    if about is not None and about.kind == "smalltalk" and asks_about_the_bot(message) and \
            not followup.asks_for_a_person(message):
        return Decision("smalltalk", "a question about the bot", about.id, 100.0)
    if followup.HELP_ID in knowledge.intents and followup.asks_what_it_covers(message):
        return Decision("smalltalk", "asks what the bot can be asked", followup.HELP_ID, 100.0)
    last = knowledge.intents.get(situation.last_intent or "") if borrow else None
    last_topical = last is not None and last.kind == "topical"
    if last_topical and followup.is_more(message):
        return Decision("more", f"follow-up: more of {situation.last_intent}", situation.last_intent, 100.0,
                        follow_up="more")
    match = match_message(knowledge.matcher, message, in_context=situation.last_intent is not None)
    first = match.candidates[0] if match.candidates else None  # matched, or "Did you mean" it beside the person
    if followup.asks_for_a_person(message) and HANDOVER_ID in knowledge.intents and (
            match.status != "matched" or (first is not None and (first.kind == "topical" or (
                first.kind == "smalltalk" and followup.closing_of(message) is None)))):
        # "i want to talk to a person not a bot": its words are filler to the matcher but for "not", which then
        # stands alone and finds nothing; beside topic words the wish for a person wins too, and beside a goodbye's
        # ("can I talk to someone later about what happened": "talk later") unless it closes ("Ok, I talk to the
        # doctor. Bye": the person is their own)
        return Decision("handover", "a wish for a person", HANDOVER_ID, 100.0, match)
    if (defined := _definition(message, knowledge)) is not None:
        return defined
    follow_up: FollowUp = ""
    # "would that help me lose weight too" after a treatment asks about its own out-of-scope subject, not what the
    # treatment does ("who pays for a wheelchair?" is still the costs facet the article lacks)
    elsewhere = last_topical and _names_another_subject(first, followup.subject_of(
        knowledge, situation.last_intent, situation.topic))
    if last_topical and (facet := _facet(message, situation, match) or (not elsewhere and (
            _formation(message, situation, match) or _treatment(message, situation, match)
            or _cause(message, situation, match)))):
        return facet
    followed = read_with_last_topic(message, situation, match) \
        if borrow and followup.closing_of(message) is None else None
    # ("can u do my geography hw" after the gut-brain axis leaves the topic altogether: read on its own, declined)
    leaves = followed is not None and _leaves_the_topic(knowledge, message)
    beyond = followed is not None and not leaves and _beyond_the_articles(knowledge, message, followed)
    if followed is not None and not beyond and not leaves:
        match, follow_up = _sibling_by_the_net(knowledge, message, followed, situation.topic), "subject"
    elif borrow and (kept := _kept_in_the_disease(message, situation, match)) is not None:
        match, follow_up = kept, "subject"
    else:  # read on its own: the topic net's reading of the whole message is weighed too
        match = with_the_net(knowledge, message, match, in_conversation=situation.last_intent is not None,
                             chat_topic=situation.topic)
    decision = _verdict_decision(knowledge, match, message)
    if beyond and followed is not None and decision.kind == "fallback":
        return Decision("not_covered", f"follow-up of {followed.intent_id} naming what no article says: not covered",
                        followed.intent_id, 0.0, match, follow_up="subject", fallback="not_covered", facet="subject")
    if decision.kind == "topical":
        decision = _what_is_asked_of(knowledge.intents[decision.intent_id or ""], decision, message, knowledge)
    if follow_up:
        decision = replace(decision, follow_up=follow_up, why=f"follow-up read with the last topic: {decision.why}")
    return decision


def _what_is_asked_of(found: Intent, decision: Decision, message: Message, knowledge: Knowledge) -> Decision:
    """The topic found, or the section of it the question asks for: its causes, its treatment options, or a
    facet no section covers."""
    # "why do people get ms": found "ms", asked what causes it, which its article's causes section answers
    # ... and "how do u get ms, is it contagious" asks how people get it beside whether it spreads
    facet = followup.own_facet_of(message)
    asked_cause = followup.asks_cause(message) or followup.asks_why_got(message) or (
        facet == "contagion" and followup.says_how_people_get_it(message))
    if asked_cause and (causes := followup.cause_intent(knowledge, found)) is not None:
        decision = replace(decision, intent_id=causes.id, keyword=None,
                           why=f"{decision.why}; asked what causes it: {causes.id}")
        found = causes
    # "if tablets cannot control seizures, what other treatment they have": found what drug resistance is, asked
    # for the options, which its treatment topic gives
    elif followup.asks_options(message) and (target := followup.treatment_intent(knowledge, found)) is not None:
        decision = replace(decision, intent_id=target.id, keyword=None,
                           why=f"{decision.why}; asked for the treatment options: {target.id}")
        found = target
    elif found.treatments and (untreated := _the_condition_itself(found, decision, message, knowledge)) is not None:
        decision = replace(decision, intent_id=untreated.intent_id, keyword=untreated.keyword,
                           why=f"{decision.why}; no treatment asked: {untreated.intent_id}")
        found = knowledge.intents[untreated.intent_id]
    # "what are the side effects of natalizumab": found the medicines, asked what no section says (whether it
    # spreads, asked beside how people get it, the causes section answers)
    if facet == "contagion" and asked_cause:
        facet = None
    if facet is not None and followup.related_intent(knowledge, found, facet) is None:
        if followup.asks_beside_the_facet(message, facet):  # the topic answers the rest; the reply notes the facet
            return replace(decision, facet=facet, why=f"{decision.why}; its {facet} asked beside, not covered: noted")
        return Decision("not_covered", f"{decision.why}; asked its {facet}, not covered", found.id, 0.0,
                        decision.match, fallback="not_covered", facet=facet)
    return decision


def _verdict_decision(knowledge: Knowledge, match: Match, message: Message) -> Decision:
    """The matcher's verdict as a decision: a topic, handover, smalltalk, "Did you mean", or the fallback."""
    reason = f"match: {match.status} {match.intent_id or ''} {match.score} {match.reason}".rstrip()
    if match.status == "matched":
        intent = knowledge.intents[match.intent_id or ""]
        kind: Kind = intent.kind if intent.kind in ("handover", "smalltalk") else "topical"  # type: ignore[assignment]
        # "Good to know. So long.": a goodbye in its own words that asks nothing, whatever topic a word came near
        if kind == "topical" and len(message.words) <= CLOSING_WORDS and \
                followup.closing_of(message) == followup.GOODBYE_ID and followup.GOODBYE_ID in knowledge.intents:
            return Decision("smalltalk", f"{reason}; a goodbye that asks nothing", followup.GOODBYE_ID, match.score,
                            match)
        return Decision(kind, reason, intent.id, match.score, match, match.keyword, rivals=match.options)
    if len(message.raw) > MAX_MESSAGE_CHARS:
        return Decision("fallback", f"{reason}; too long", None, match.score, match, fallback="long")
    if match.status == "ambiguous":
        # "interesting thanks": a closing that asks nothing is the closing, though a topic word came close to it
        # ... and "Thank you, I'll pass that on to my daughter": a short closing whose other words came close to
        # topics, asking nothing of them
        first = match.candidates[0] if match.candidates else None
        closing = followup.closing_of(message)
        if first is not None and closing in knowledge.intents and (first.intent_id == closing or (
                len(message.words) <= CLOSING_WORDS and first.kind == "topical")):
            return Decision("smalltalk", f"{reason}; a closing that asks nothing", closing, match.score, match)
        return Decision("ambiguous", reason, None, match.score, match,
                        unsure=match.score < knowledge.matcher.settings.threshold)
    why = fallback_kind(knowledge.matcher, message, match.foreign)
    closing = None if match.foreign or names_uncovered_health(message) else \
        followup.closing_of(message) or followup.opening_of(message)
    if closing is not None and closing in knowledge.intents and knowledge.intents[closing].kind == "smalltalk":
        return Decision("smalltalk", f"{reason}; a courtesy that asks nothing: {closing}", closing, match.score, match)
    return Decision("fallback", f"{reason}; fallback: {why}", None, match.score, match, fallback=why)


def _definition(message: Message, knowledge: Knowledge) -> Decision | None:
    """ "what actually is epilepsy", "diagnosed with MS today. what is it?": the topic whose keyword is the term
    asked about, spelled out (one more match, of the term alone, only for such questions)."""
    term = defined_term(message)
    if term is None:
        return None
    found = match_message(knowledge.matcher, Message(term))
    intent = knowledge.intents.get(found.intent_id or "")
    if found.status != "matched" or intent is None or intent.kind != "topical" or \
            not (_keyword_is(found, term) or _misspelt_keyword(intent, term)):
        return None
    return Decision("topical", f"asks what {term!r} is: the keyword's topic", intent.id, found.score, found,
                    found.keyword)


def _misspelt_keyword(intent: Intent, term: str) -> bool:
    """ "autoimun encefalitis": the term is one of the topic's keywords of as many words, each word misspelt by
    at most a letter or two (an edit for every five letters)."""
    words = term.split()
    for keyword in intent.keywords:
        its = Message(keyword).text.split()
        if len(its) == len(words) > 1 and all(
                OSA.distance(a, b) <= max(1, len(b) // 5) for a, b in zip(words, its, strict=True)):
            return True
    return False


def _keyword_is(found: Match, term: str) -> bool:
    """Whether the keyword found for a term is that term: as written, or with filler beside it ("refractory
    meaning" for "refractory"), or a lexicon form of it ("intractable" finds "refractory")."""
    keyword = Message(found.keyword or "").text
    if keyword == term:
        return True
    best = found.candidates[0] if found.candidates else None
    words, its_words = match_words(term), match_words(keyword)
    return best is not None and best.strength >= EXACT and set(best.words) == set(words) and \
        len(its_words) == len(words) and set(keyword.split()) - set(its_words) <= _DEFINING


def _facet(message: Message, situation: Situation, match: Match) -> Decision | None:
    """ "side effects?", "and for kids?", "how long?" after a topic: its related section, or a plain "the
    article doesn't cover that"."""
    knowledge = situation.knowledge
    intent = knowledge.intents[situation.last_intent or ""]
    facet = followup.facet_of(message)
    if facet is None or match.status == "matched" or match.foreign or followup.asks_cause(message):
        return None  # "could my kids get it" asks whether it runs in families, not about children
    if not followup.stays_on_topic(message, situation.topic):
        return None
    if (related := followup.related_intent(knowledge, intent, facet)) is not None:
        return Decision("topical", f"follow-up: {facet} of {intent.id} in {related.id}", related.id, 100.0, match,
                        follow_up="facet")
    if facet in followup.FACETS_ANSWERED_ONLY:
        return None  # ("how common is it" after MS: read with the topic, as before; the overview is near enough)
    return Decision("not_covered", f"follow-up: {facet} of {intent.id}, not covered", None, 0.0, match,
                    follow_up="facet", fallback="not_covered", facet=facet)


def _treatment(message: Message, situation: Situation, match: Match) -> Decision | None:
    """ "what can be done about it?" after a topic: the treatment topic linked to it, unless the message found a
    topic of the chat's disease on its own or names a disease itself (then it is read as written). After a
    treatment topic, a question that finds no topic on its own stays on it."""
    knowledge = situation.knowledge
    intent = knowledge.intents[situation.last_intent or ""]
    if len(message.raw) > followup.FOLLOW_UP_CHARS or match.foreign or not followup.may_follow(message):
        return None
    # "will it stop the relapses?" after the DMTs, "does it actually stop seizures" after VNS: the chat's disease
    # may be named
    if intent.treatments and followup.asks_its_effect(message) and followup.stays_on_topic(message, situation.topic):
        return Decision("topical", f"follow-up: what {intent.id} does", intent.id, 100.0, match, follow_up="subject")
    if names_diseases(message):
        return None
    if not followup.asks_treatment(message):
        return None
    if _topical(knowledge, match) and followup.topic_of(knowledge, match.intent_id) == situation.topic:
        return None
    if intent.treatments and not _topical(knowledge, match):  # "what would the treatment be?" after immunotherapy
        return Decision("topical", f"follow-up: the treatment topic {intent.id} again", intent.id, 100.0, match,
                        follow_up="subject")
    if (target := followup.treatment_intent(knowledge, intent)) is None:
        return None
    return Decision("topical", f"follow-up: treatment of {intent.id} in {target.id}", target.id, 100.0, match,
                    follow_up="facet")


def _formation(message: Message, situation: Situation, match: Match) -> Decision | None:
    """ "how do they form?" after lesions: the topic that says how they come about (`formed_by`), unless the
    message found another topic of its own or names another disease."""
    knowledge = situation.knowledge
    intent = knowledge.intents[situation.last_intent or ""]
    target = knowledge.intents.get(intent.formed_by)
    if target is None or match.foreign or not followup.asks_how_formed(message) or \
            not followup.stays_on_topic(message, situation.topic):
        return None
    # "why are they there in the first place" finds what causes MS on its own words: "they" are the lesions
    causes = followup.cause_intent(knowledge, intent)
    if _topical(knowledge, match) and match.intent_id not in (intent.id, target.id, causes and causes.id):
        return None
    return Decision("topical", f"follow-up: how {intent.id} comes about, in {target.id}", target.id, 100.0, match,
                    follow_up="facet")


def _cause(message: Message, situation: Situation, match: Match) -> Decision | None:
    """ "how do u get it?" after what MS is: the article's causes section, unless the message found a topic of its
    own or names another disease."""
    if match.status == "matched" or match.foreign or not followup.asks_cause(message) or \
            not followup.stays_on_topic(message, situation.topic):
        return None
    intent = situation.knowledge.intents[situation.last_intent or ""]
    if (causes := followup.cause_intent(situation.knowledge, intent)) is None:
        return None
    return Decision("topical", f"follow-up: what causes {intent.id}, in {causes.id}", causes.id, 100.0, match,
                    follow_up="facet")


def _topical(knowledge: Knowledge, match: Match) -> bool:
    return match.status == "matched" and knowledge.intents[match.intent_id or ""].kind == "topical"


def read_with_last_topic(message: Message, situation: Situation, match: Match) -> Match | None:
    """A short question that finds nothing on its own, read with the last topic's words; None when it is not a
    follow-up or the last topic does not help. Context never crosses from one disease to the other, and a
    message naming a subject of its own ("keppra", "epilepsy" after MS) is not a follow-up. A message that
    found another disease's topic without naming a disease ("is it inherited?" after MS) is read again too."""
    if len(message.raw) > followup.FOLLOW_UP_CHARS:  # bounded work: a long message is matched once, not twice
        return None
    knowledge, topic = situation.knowledge, situation.topic
    subject = followup.subject_of(knowledge, situation.last_intent, topic)
    own = match.candidates[0] if match.candidates else None
    # Its own words already lean towards the last topic, too weakly to answer alone ("what should we be
    # monitoring?" after the autoimmune risk, "how do we get on a trial" after stem cells): the context agrees
    leaning = own is not None and own.intent_id == situation.last_intent and own.kind == "topical"
    # ... or next to a smalltalk word that found nothing ("what should i get checked then": "check" came nearer to
    # "who checks your information" than to the autoimmune risk's monitoring)
    # (not "Is turmeric good for arthritis?", "you know good neurologist in Krakow?": a word no section has)
    # (a question to the bot, not a closing's word: "Can anything be done for the numbness?" came near "i'm done")
    leaning = leaning or (match.status != "matched" and own is not None and own.kind == "smalltalk" and
                          own.intent_id not in (*followup.CLOSING_IDS, followup.GREETING_ID) and any(
        c.intent_id == situation.last_intent and c.kind == "topical" for c in match.candidates[1:2])
        and not situation.knowledge.matcher.words_no_section_has(message))
    shaped = followup.may_follow(message) or (leaning and len(message.words) <= LEANING_WORDS
                                              and followup.words_of_its_own(message)) or \
        followup.points_at(message, subject)
    if not subject or match.foreign or not shaped or not followup.stays_on_topic(message, topic) \
            or followup.is_arithmetic(message) or _a_subject_we_do_not_know(knowledge, message):
        return None
    drifted = _topical(knowledge, match) and not names_diseases(message) and \
        followup.topic_of(knowledge, match.intent_id) != topic
    # ("This make his epilepsy more difficult to control?" after tuberous sclerosis: found the definition alone, but
    # asks about what the chat is on, pointed at)
    if match.status == "matched" and not drifted and not followup.points_back_at_it(message):
        return None
    followed = match_message(knowledge.matcher, message.extended(subject), in_context=True)
    best = followed.candidates[0] if followed.candidates else None
    if best is None or not (set(message_words(message)) & set(best.words) or followup.leans_on_context(message)
                            or (leaning and best.intent_id == situation.last_intent)):
        return None  # the last topic's words alone decided: "whats 12 times 7" is not about it
    if _outside_the_topic(own, best, subject):
        return None
    # "is my gut involved in this too" after lupus and the nerves: the message's own words found another section of
    # the chat's topic, plausibly; the last topic's label explained none of them. The pronoun keeps the topic, not
    # the section
    if own is not None and own.kind == "topical" and own.intent_id != best.intent_id and \
            own.score >= OWN_SECTION_FLOOR and followup.topic_of(knowledge, own.intent_id) == topic and \
            set(message_words(message)).isdisjoint(best.words) and followup.names_a_subject(own.words) and \
            not knowledge.matcher.explains(situation.last_intent or "", own.words):
        return _answered_by(own, match.candidates, "its own words' section of the chat's topic", match.foreign)
    # A drifted message that points back ("is it passed on?") is about the chat's disease, however well it
    # matched the other one: the pronoun names the subject.
    if followed.status == "matched" and _topical(knowledge, followed) and \
            followup.topic_of(knowledge, followed.intent_id) == topic and \
            (not drifted or followed.score > match.score or followup.leans_on_context(message)):
        return followed
    if followed.status == "ambiguous" and not drifted and followed.options and \
            all(followup.topic_of(knowledge, option) == topic for option in followed.options):
        return followed
    return None


# The follow-up net's probability that a message of one word goes on with the last topic, under which that word,
# found in no article section, is a subject of its own: "warfarin" 0.00, "coffee" 0.00, "buy" 0.00, against "kids"
# 0.53, "older" 0.97 (0.5: +32 / -25 more labelled turns of held-out rounds; 0.15: -26 / -7).
WORD_GOES_ON = 0.3


def _beyond_the_articles(knowledge: Knowledge, message: Message, followed: Match) -> bool:
    """ "Which probiotic should I buy?" after the gut-brain axis, "and with warfarin?" after the medicines: a
    follow-up read with the last topic that names a subject no article section has a word for, and that the
    follow-up net reads, on its own, as leaving the topic. The section cannot answer it."""
    net = knowledge.follow_up_net
    if net is None or followed.status != "matched":
        return False
    return any(net.probabilities_of_words([word]).get(CONTINUES, 1.0) < WORD_GOES_ON
               for word in knowledge.matcher.words_no_section_has(message))


UNKNOWN_SUBJECT_WORDS = 3  # words no keyword, article or net knows: "the pass mark for the NMC numeracy test"


def _a_subject_we_do_not_know(knowledge: Knowledge, message: Message) -> bool:
    """ "whats the pass mark for the NMC numeracy test", "zotero or mendeley for references": a subject of its own,
    in words that neither the keywords, the articles nor the topic net's thousands of messages use (at least three,
    half its words or more): not a follow-up, whatever word of the last topic it shares ("test"). Everyday words
    ("would my kids get it") are the net's."""
    net = knowledge.topic_net
    if net is None or message.text.startswith(followup.LEADS):  # "What about memory? I keep putting the kettle ..."
        return False
    words = [w for w in message.words if w.isalpha() and len(w) > 2 and w not in STOPWORDS]
    unknown = [w for w in words if not net.knows_word(w) and not knowledge.matcher.recognises(stem(w))]
    return len(unknown) >= UNKNOWN_SUBJECT_WORDS and 2 * len(unknown) >= len(words)


def _leaves_the_topic(knowledge: Knowledge, message: Message) -> bool:
    """ "which yogurt is best to buy?" after the gut-brain axis, "can u do my geography hw": shaped like a follow-up,
    but the topic net reads "none of the topics" with near certainty and the follow-up net doubts it goes on with the
    last topic. Read on its own, it is then declined (or answered) for what it asks."""
    if followup.asks_the_clock(message):
        return True
    net, follow_up_net = knowledge.topic_net, knowledge.follow_up_net
    if net is None or follow_up_net is None or followup.own_facet_of(message) is not None:
        return False  # "can he still play football": a facet the article lacks, which the follow-up says plainly
    return net.probabilities(message).get(OUT_OF_SCOPE, 0.0) >= NET_NONE_SURE and \
        follow_up_net.probabilities(message).get(CONTINUES, 1.0) < FOLLOW_UP_DOUBTS


def _kept_in_the_disease(message: Message, situation: Situation, match: Match) -> Match | None:
    """ "what diet then" after the gut-brain axis found the ketogenic diet for epilepsy: a message that names no
    disease and found a disease's topic other than the chat's keeps to the chat's, when one of its own candidates
    there is plausible (DRIFT_FLOOR). Not the other way: "is inflammation in the brain always bad" after epilepsy
    may well ask the general neuro-immune topic."""
    knowledge, topic = situation.knowledge, situation.topic
    if not topic or not _topical(knowledge, match) or match.foreign or names_diseases(message) or \
            len(message.raw) > followup.FOLLOW_UP_CHARS:
        return None
    found = followup.topic_of(knowledge, match.intent_id)
    if found == topic or found not in followup.DISEASE_TOPICS:
        return None
    kept = next((c for c in match.candidates if c.kind == "topical" and c.score >= DRIFT_FLOOR
                 and followup.topic_of(knowledge, c.intent_id) == topic), None)
    if kept is None:
        return None
    return _answered_by(kept, match.candidates, f"kept in the chat's disease ({match.intent_id} is another's)",
                        match.foreign)


def _outside_the_topic(first: Candidate | None, best: Candidate, subject: str) -> bool:
    """ "when can she come back to school?", "can he fly to the wedding?" after a topic: on its own the message
    found an out-of-scope keyword, spelled out, none of whose words the topic explains; the pronoun does not make
    school or a wedding part of the topic. "does stress make it worse? work is mental" after yoga and stress
    stays on it: "work stress" shares "stress" with the topic. `first`: the message's own best candidate."""
    return _names_another_subject(first, subject) and set(first.words).isdisjoint(best.words)


def _names_another_subject(first: Candidate | None, subject: str) -> bool:
    """The message's own best candidate is an out-of-scope keyword, spelled out, none of whose words the last
    topic's label has."""
    return first is not None and first.kind == "out_of_scope" and bool(first.keyword) and first.strength >= EXACT \
        and set(first.words).isdisjoint(match_words(subject))


def _the_condition_itself(found: Intent, decision: Decision, message: Message, knowledge: Knowledge) -> Candidate | None:
    """ "mother MS, very tired all day. why?": the treatment topic ("anything for the fatigue") and the topic of
    the condition ("ms fatigue") found the same words, and nothing asks for a treatment: the condition is asked."""
    if decision.match is None or followup.asks_for_help(message):
        return None
    best = next((c for c in decision.match.candidates if c.intent_id == found.id), None)
    if best is None:
        return None
    for other in decision.match.candidates:  # `best` itself is a treatment topic: never one of these
        intent = knowledge.intents.get(other.intent_id)
        if intent is None or intent.kind != "topical" or intent.treatments:
            continue
        if best.score - other.score <= TREATMENT_GAP and set(other.words) == set(best.words) and \
                intent.article == found.article and other.keyword:
            return other
    return None
