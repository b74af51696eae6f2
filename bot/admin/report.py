"""Admin views over the Store: usage, unmatched questions grouped, keyword suggestions.

Plain Python, no Telegram types: the CLI (`bot.admin.cli`) and the Telegram admin
commands (`bot.channels.telegram.admin`) both format these. Nothing here edits a file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.content.knowledge import Knowledge
from bot.core.kinds import CONTEXT_REPEAT, FOLLOW_UP
from bot.nlu.matcher import match_words
from bot.nlu.normalise import STOPWORDS, tokens
from bot.storage.protocol import Store, UnmatchedQuestion

# "Answered" is honest: the bot found the topic from the message itself, or as a real follow-up to the last
# topic. Everything else is counted apart: repeats of the last answer (the message alone was not understood),
# small talk, fallbacks, "which did you mean", safety replies, and whatever other kinds channels record
# (a handover to staff, an empty message), each under its own name.
NO_DATA = "No conversations recorded yet (there is no database at {path})."  # a report before the first chat
ANSWERED_KINDS = ("topical", FOLLOW_UP)
SAFETY_KINDS = ("emergency", "crisis", "medication_change")
_NAMED_KINDS = {*ANSWERED_KINDS, *SAFETY_KINDS, CONTEXT_REPEAT, "smalltalk", "fallback", "ambiguous"}
TOPIC_KINDS = ("topical", FOLLOW_UP)  # what the top topics count: answers, not repeats
TOP_INTENTS = 10
MAX_QUESTIONS = 2000  # newest unmatched questions considered: bounds the clustering work
MAX_GROUPS = 400  # clusters compared against; later singletons are dropped (they would not be shown)
GROUP_SIMILARITY = 85  # token_set_ratio: "diabetes diet" and "diabetes diets?" are one question
GROUP_MIN_SORT_SIMILARITY = 75  # stops a one-word question swallowing every longer one containing it
EXAMPLES_PER_GROUP = 3
MIN_PHRASE_LENGTH = 3  # letters; shorter words are abbreviations an editor should add on purpose


# -- usage ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayCount:
    """One day of the per-day series."""

    day: str
    answered: int
    fallback: int
    ambiguous: int
    repeats: int = 0


@dataclass(frozen=True, slots=True)
class IntentFeedback:
    intent: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True, slots=True)
class UsageReport:
    """Counts for the last `days` days (UTC), from the usage and feedback tables."""

    days: int
    start: str
    end: str
    messages: int
    answered: int  # matched on its own or as a real follow-up
    fallback: int
    ambiguous: int
    safety: dict[str, int]
    top_intents: list[tuple[str, int]]
    feedback: list[IntentFeedback]
    daily: list[DayCount]
    follow_ups: int = 0  # of `answered`
    context_repeats: int = 0
    smalltalk: int = 0
    other: dict[str, int] = field(default_factory=dict)  # every other kind recorded, by name

    def rate(self, count: int) -> float:
        """Share of all messages, 0.0 when there were none."""
        return count / self.messages if self.messages else 0.0

    @property
    def answered_rate(self) -> float:
        return self.rate(self.answered)

    @property
    def fallback_rate(self) -> float:
        return self.rate(self.fallback)

    @property
    def ambiguous_rate(self) -> float:
        return self.rate(self.ambiguous)

    @property
    def period(self) -> str:
        """Words for the period, e.g. 'last 7 days (2026-11-15 to 2026-11-21)'."""
        if self.days == 1:
            return f"today ({self.end})"
        return f"last {self.days} days ({self.start} to {self.end})"


def period_days(days: int, today: dt.date | None = None) -> list[str]:
    """ISO dates of the period, oldest first, matching Store.usage_since(days)."""
    end = today or dt.datetime.now(dt.UTC).date()
    return [(end - dt.timedelta(days=offset)).isoformat() for offset in range(days - 1, -1, -1)]


def build_usage_report(days: int, usage: Iterable[tuple[str, str, str, int]],
                       feedback: Iterable[tuple[str, int, int]]) -> UsageReport:
    """Aggregate usage rows (day, kind, intent, count) and feedback rows into a report."""
    by_kind: Counter[str] = Counter()
    by_intent: Counter[str] = Counter()
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for day, kind, intent, count in usage:
        by_kind[kind] += count
        per_day[day][kind] += count
        if kind in TOPIC_KINDS and intent:
            by_intent[intent] += count
    dates = period_days(days)
    daily = [DayCount(day, sum(per_day[day][k] for k in ANSWERED_KINDS), per_day[day]["fallback"],
                      per_day[day]["ambiguous"], per_day[day][CONTEXT_REPEAT]) for day in dates]
    return UsageReport(
        days=days,
        start=dates[0],
        end=dates[-1],
        messages=sum(by_kind.values()),
        answered=sum(by_kind[k] for k in ANSWERED_KINDS),
        fallback=by_kind["fallback"],
        ambiguous=by_kind["ambiguous"],
        safety={k: by_kind[k] for k in SAFETY_KINDS},
        top_intents=sorted(by_intent.items(), key=lambda item: (-item[1], item[0]))[:TOP_INTENTS],
        feedback=[IntentFeedback(intent, int(yes or 0), int(no or 0)) for intent, yes, no in feedback],
        daily=daily,
        follow_ups=by_kind[FOLLOW_UP],
        context_repeats=by_kind[CONTEXT_REPEAT],
        smalltalk=by_kind["smalltalk"],
        other={k: n for k, n in sorted(by_kind.items()) if k not in _NAMED_KINDS},
    )


async def usage_report(store: Store, days: int) -> UsageReport:
    """Usage of the last `days` days (today counts as one)."""
    return build_usage_report(days, await store.usage_since(days), await store.feedback_since(days))


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def format_usage(report: UsageReport) -> str:
    """The report as short plain text for admins (fits one Telegram message)."""
    lines = [f"Usage, {report.period}", f"Messages: {report.messages}"]
    if report.messages:
        own = report.answered - report.follow_ups
        lines.append(f"Answered: {report.answered} ({_percent(report.answered_rate)}): {own} on its own, "
                     f"{report.follow_ups} as a follow-up to the last topic")
        lines.append(f"Repeated the last answer (message not understood alone): {report.context_repeats} "
                     f"({_percent(report.rate(report.context_repeats))})")
        lines.append(f"No answer (fallback): {report.fallback} ({_percent(report.fallback_rate)})")
        lines.append(f"Unclear, asked to choose: {report.ambiguous} ({_percent(report.ambiguous_rate)})")
        lines.append(f"Small talk (hello, thanks, help): {report.smalltalk}")
    safety = ", ".join(f"{kind.replace('_', ' ')} {count}" for kind, count in report.safety.items())
    lines.append(f"Safety replies: {safety}")
    if report.other:
        lines.append("Other: " + ", ".join(f"{kind.replace('_', ' ')} {n}" for kind, n in report.other.items()))
    if report.top_intents:
        lines.append("Top topics:")
        lines.extend(f"  {count:>5}  {intent}" for intent, count in report.top_intents)
    if report.feedback:
        lines.append("Feedback (helpful / not helpful):")
        lines.extend(f"  {f.helpful:>3} / {f.not_helpful:<3} {f.intent}" for f in report.feedback)
    return "\n".join(lines)


# -- unmatched questions ----------------------------------------------------------------------


@dataclass(slots=True)
class UnmatchedGroup:
    """Similar unmatched questions: how often, a few examples, and the nearest intent now."""

    count: int
    examples: list[str]
    nearest_intent: str | None
    score: float
    last_seen: float
    key: str = ""  # normalised text of the group's first (most frequent) question
    kinds: Counter[str] = field(default_factory=Counter)

    @property
    def example(self) -> str:
        return self.examples[0] if self.examples else ""


def question_key(text: str) -> str:
    """What grouping compares: content words, plurals folded ("Diabetes diets?" -> "diabete diet")."""
    return " ".join(match_words(text))


def _similar(left: str, right: str) -> bool:
    return (fuzz.token_set_ratio(left, right) >= GROUP_SIMILARITY
            and fuzz.token_sort_ratio(left, right) >= GROUP_MIN_SORT_SIMILARITY)


def _find_group(key: str, keys: list[str]) -> int | None:
    """Index of the first group whose key is similar enough to `key`."""
    hits = process.extract(key, keys, scorer=fuzz.token_set_ratio, score_cutoff=GROUP_SIMILARITY, limit=5)
    for _, _, index in sorted(hits, key=lambda hit: hit[2]):  # earlier groups are the more frequent ones
        if _similar(key, keys[index]):
            return index
    return None


def cluster_questions(questions: list[UnmatchedQuestion]) -> list[UnmatchedGroup]:
    """Greedy clustering: identical keys first, then each key joins the first similar group."""
    by_key: dict[str, list[UnmatchedQuestion]] = defaultdict(list)
    for question in questions[:MAX_QUESTIONS]:  # newest first, as the store returns them
        key = question_key(question.text)
        if key:
            by_key[key].append(question)
    ordered = sorted(by_key.items(), key=lambda item: (-len(item[1]), -item[1][0].created_at))
    groups: list[UnmatchedGroup] = []
    keys: list[str] = []
    for key, members in ordered:
        index = _find_group(key, keys)
        if index is None:
            if len(groups) >= MAX_GROUPS:
                continue
            groups.append(UnmatchedGroup(0, [], None, 0.0, 0.0, key))
            keys.append(key)
            index = len(groups) - 1
        _add_members(groups[index], members)
    return groups


def _add_members(group: UnmatchedGroup, members: list[UnmatchedQuestion]) -> None:
    group.count += len(members)
    group.last_seen = max(group.last_seen, members[0].created_at)
    group.kinds.update(m.kind for m in members)
    seen = {" ".join(tokens(e)) for e in group.examples}
    for member in members:
        if len(group.examples) >= EXAMPLES_PER_GROUP:
            break
        if " ".join(tokens(member.text)) not in seen:
            group.examples.append(member.text)
            seen.add(" ".join(tokens(member.text)))


def nearest_intent(knowledge: Knowledge | None, text: str,
                   stored: str | None = None) -> tuple[str | None, float]:
    """The intent the current matcher scores highest for `text` (even below the threshold)."""
    if knowledge is not None:
        candidates = knowledge.matcher.score(text)
        if candidates:
            return candidates[0].intent_id, candidates[0].score
    return stored, 0.0


def group_unmatched(questions: list[UnmatchedQuestion], knowledge: Knowledge | None,
                    limit: int = 20) -> list[UnmatchedGroup]:
    """Group questions by similarity, biggest groups first, each with its nearest intent (CPU only)."""
    groups = cluster_questions(questions)
    groups.sort(key=lambda g: (-g.count, -g.last_seen))
    shown = groups[:limit]
    stored_best = {q.text: q.best_intent for q in questions}
    for group in shown:
        stored = stored_best.get(group.example)
        group.nearest_intent, group.score = nearest_intent(knowledge, group.example, stored)
    return shown


async def unmatched_groups(store: Store, knowledge: Knowledge | None, days: float,
                           limit: int = 20) -> list[UnmatchedGroup]:
    """The most frequent recent unmatched questions, grouped by similarity, biggest first."""
    return group_unmatched(await store.unmatched_since(days), knowledge, limit)


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M")


def format_unmatched(groups: list[UnmatchedGroup]) -> str:
    """Groups as plain text: count, examples, nearest intent and when last asked."""
    if not groups:
        return "No unanswered questions in this period."
    lines = ["Questions I could not answer (most frequent first):"]
    for number, group in enumerate(groups, 1):
        nearest = f"{group.nearest_intent} ({group.score:.0f})" if group.nearest_intent else "none"
        lines.append(f"{number}. {group.count}x \"{group.example}\"")
        lines.extend(f"     also: \"{other}\"" for other in group.examples[1:])
        lines.append(f"     nearest topic: {nearest}; last asked {_when(group.last_seen)} UTC")
    return "\n".join(lines)


# -- keyword suggestions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A phrase to consider adding to an intent's keywords, and why."""

    intent: str
    phrase: str
    count: int
    example: str


def known_keywords(knowledge: Knowledge) -> set[tuple[str, ...]]:
    """Every keyword of every intent, as the matcher reads it."""
    return {tuple(match_words(k)) for intent in knowledge.intent_file.intents for k in intent.keywords}


def candidate_phrases(text: str) -> set[str]:
    """Words and 2-word phrases of a question, without filler words, numbers or tiny words."""
    words = [w for w in tokens(text) if w not in STOPWORDS]
    useful = [w for w in words if len(w) >= MIN_PHRASE_LENGTH and not w.isdigit()]
    pairs = [f"{a} {b}" for a, b in pairwise(words) if a in useful and b in useful]
    return set(useful) | set(pairs)


def _topical_target(knowledge: Knowledge, question: UnmatchedQuestion) -> str | None:
    """The topical intent a question was closest to, if its best candidate is topical."""
    candidates = knowledge.matcher.score(question.text)
    best = candidates[0].intent_id if candidates else question.best_intent
    intent = knowledge.intents.get(best or "")
    return intent.id if intent is not None and intent.kind == "topical" else None


def _drop_covered_words(counts: Counter[str]) -> None:
    """Drop a single word when a phrase holding it is as frequent: the phrase says more."""
    phrases = [p for p in counts if " " in p]
    for word in [w for w in counts if " " not in w]:
        if any(counts[p] >= counts[word] and word in p.split() for p in phrases):
            del counts[word]


async def suggest_keywords(store: Store, knowledge: Knowledge, days: float, min_count: int = 2,
                           per_intent: int = 5) -> list[Suggestion]:
    """New keywords per nearest topical intent, from unmatched questions; most frequent first."""
    known = known_keywords(knowledge)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], str] = {}
    for question in (await store.unmatched_since(days))[:MAX_QUESTIONS]:
        target = _topical_target(knowledge, question)
        if target is None:
            continue
        for phrase in candidate_phrases(question.text):
            if tuple(match_words(phrase)) in known:
                continue
            counts[target][phrase] += 1
            examples.setdefault((target, phrase), question.text)
    suggestions = []
    for intent_id, phrase_counts in counts.items():
        _drop_covered_words(phrase_counts)
        frequent = [(p, n) for p, n in phrase_counts.items() if n >= min_count]
        frequent.sort(key=lambda item: (-item[1], -len(item[0].split()), item[0]))
        suggestions += [Suggestion(intent_id, phrase, count, examples[(intent_id, phrase)])
                        for phrase, count in frequent[:per_intent]]
    return sorted(suggestions, key=lambda s: (-s.count, s.intent, s.phrase))


def format_suggestions(suggestions: list[Suggestion]) -> str:
    """Suggestions grouped by intent, for an editor to review."""
    if not suggestions:
        return "No keyword suggestions: not enough repeated unanswered questions near a topic."
    by_intent: dict[str, list[Suggestion]] = defaultdict(list)
    for suggestion in suggestions:
        by_intent[suggestion.intent].append(suggestion)
    lines = ["Keyword suggestions (review each before adding it to intents.yaml):"]
    for intent_id, items in by_intent.items():
        lines.append(f"{intent_id}:")
        lines.extend(f"  - {s.phrase!r}: in {s.count} questions, e.g. \"{s.example}\"" for s in items)
    return "\n".join(lines)
