"""Keyword checks for `python -m bot check`: clashes and pitfalls, each naming the keywords as written in
intents.yaml, with their lines and a fix.

A clash: two keywords that the matcher reads the same once filler words are dropped, word forms folded and
synonyms merged ("ms fatigue" and "ms tiredness": 'tiredness' counts as 'fatigue'). The matcher keeps the
first and ignores the other, so the message names both, where each is, and why they are alike.
"""

from __future__ import annotations

import re

from bot.content.intent import Intent
from bot.content.knowledge import Knowledge
from bot.content.problems import Problem
from bot.content.yamlsource import LineDict, item_line, line_of
from bot.nlu.matcher import canonical_word, keyword_reading, match_words, stem
from bot.nlu.normalise import NEGATIONS, STOPWORDS, content_tokens, tokens

INTENTS_FILE = "intents.yaml"
# Short words that are real abbreviations or chat shorthand, so a one-word keyword of them is fine.
KNOWN_SHORT_WORDS = frozenset({"ms", "ra", "iv", "ct", "gp", "ae", "er", "hi", "yo", "ty"})
MAX_SHORT_LETTERS = 2
# The word a topic's keywords pair a generic word with (the README's advice: "ms fatigue", not "fatigue").
DISEASE_WORD = {"ms": "ms", "epilepsy": "epilepsy", "neuro-immune": "immune"}


class KeywordPlaces:
    """Where each keyword is written in intents.yaml."""

    def __init__(self, knowledge: Knowledge, nodes: dict[str, LineDict]) -> None:
        self.knowledge = knowledge
        self.nodes = nodes

    def line(self, intent: Intent, keyword: str, last: bool = False) -> int:
        """The keyword's line: its first place in the intent's list, or with `last` its last (a repeat)."""
        node = self.nodes.get(intent.id)
        if keyword not in intent.keywords or node is None:
            return intent.line
        keywords = list(intent.keywords)
        index = len(keywords) - 1 - keywords[::-1].index(keyword) if last else keywords.index(keyword)
        return item_line(node.get("keywords"), index, line_of(node, "keywords", intent.line)) or intent.line

    def at(self, intent_id: str, keyword: str) -> str:
        """'intents.yaml:958' for a keyword of an intent."""
        intent = self.knowledge.intents.get(intent_id)
        return f"{INTENTS_FILE}:{self.line(intent, keyword)}" if intent else INTENTS_FILE


# -- clashes ----------------------------------------------------------------------------------


def owner_keyword(knowledge: Knowledge, owner_id: str, keyword: str) -> str:
    """The keyword of `owner_id`, as written, that `keyword` reads the same as."""
    reading = keyword_reading(keyword)
    owner = knowledge.intents.get(owner_id)
    return next((k for k in owner.keywords if keyword_reading(k) == reading), keyword) if owner else keyword


def _forms(keyword: str) -> dict[str, str]:
    """Each compared word (synonyms merged) -> the word as typed."""
    return {canonical_word(stem(word.replace("ph", "f"))): word for word in content_tokens(keyword)}


def why_alike(keyword: str, other: str) -> str:
    """Plain words for why two keywords read the same."""
    mine, theirs = _forms(keyword), _forms(other)
    reasons = [f"'{typed}' and '{theirs[word]}' count as the same word" for word, typed in mine.items()
               if word in theirs and theirs[word] != typed]
    filler = [w for w in dict.fromkeys(tokens(keyword) + tokens(other)) if w in STOPWORDS]
    if filler:
        reasons.append(f"filler words are ignored ({', '.join(filler)})")
    if not reasons:
        reasons.append(f"both read as '{' '.join(match_words(other))}'")
    return "; ".join(reasons)


def clash(knowledge: Knowledge, places: KeywordPlaces, intent_id: str, keyword: str, owner_id: str) -> str:
    """"'ms fatigue' reads the same as 'ms tiredness' (intents.yaml:975, ms_demyelination_symptoms): ..."."""
    other = owner_keyword(knowledge, owner_id, keyword)
    if other.lower() == keyword.lower():
        return f"'{keyword}' is already a keyword of {owner_id} ({places.at(owner_id, other)})"
    return (f"'{keyword}' reads the same as '{other}' ({places.at(owner_id, other)}, {owner_id}): "
            f"{why_alike(keyword, other)}")


def check_shadowed(knowledge: Knowledge, places: KeywordPlaces) -> list[Problem]:
    """Keywords ignored because an earlier intent has one that reads the same."""
    problems = []
    for intent_id, keyword, owner in knowledge.matcher.shadowed:
        other = owner_keyword(knowledge, owner, keyword)
        fix = (f"keep it in the one intent it belongs to (remove it here, or from {owner})"
               if other.lower() == keyword.lower() else
               f"remove it from {intent_id} or make it more specific; or, if '{other}' belongs to {intent_id}, "
               "move it here")
        problems.append(Problem(
            INTENTS_FILE, places.line(knowledge.intents[intent_id], keyword), f"intents[{intent_id}].keywords",
            f"{clash(knowledge, places, intent_id, keyword, owner)}. Only the first is used, so '{keyword}' does "
            f"nothing here. Fix: {fix}", "warning"))
    return problems


def check_repeated(knowledge: Knowledge, places: KeywordPlaces) -> list[Problem]:
    """A keyword an intent lists twice ("life expectancy" twice in one list went unnoticed): the second adds
    nothing. Keywords that only read alike stay quiet: as written, each can pick its own passage."""
    problems = []
    for intent in knowledge.intents.values():
        seen: set[str] = set()
        for keyword in intent.keywords:
            written = " ".join(keyword.lower().split())
            if written in seen:
                problems.append(Problem(
                    INTENTS_FILE, places.line(intent, keyword, last=True), f"intents[{intent.id}].keywords",
                    f"'{keyword}' is listed twice in {intent.id} (first at {places.at(intent.id, keyword)}). "
                    "Fix: remove one", "warning"))
            seen.add(written)
    return problems


def shadow_fix(knowledge: Knowledge, places: KeywordPlaces, intent: Intent, example: str) -> str | None:
    """If one of the intent's own keywords for this example is ignored as a clash, say which and why."""
    words, raw = set(match_words(example)), set(tokens(example))
    shadows = [s for s in knowledge.matcher.shadowed if s[0] == intent.id and set(match_words(s[1])) <= words]
    if not shadows:
        return None
    _, keyword, owner = max(shadows, key=lambda s: len(set(tokens(s[1])) & raw))
    return (f"{intent.id}'s keyword {clash(knowledge, places, intent.id, keyword, owner)}, so it is ignored: "
            "remove one of the two or make one more specific")


def bare_keyword_fix(knowledge: Knowledge, places: KeywordPlaces, winner_id: str, keyword: str) -> str:
    """How to stop a winning keyword from taking this example: a bare generic word is paired with its
    disease (the README's advice), anything else is made more specific."""
    where = places.at(winner_id, keyword)
    winner = knowledge.intents.get(winner_id)
    article = knowledge.articles.get(winner.article or "") if winner else None
    disease = DISEASE_WORD.get(article.topic, "") if article else ""
    if len(match_words(keyword)) == 1 and disease and disease not in tokens(keyword):
        return (f"make {winner_id}'s bare keyword '{keyword}' ({where}) more specific, e.g. '{disease} {keyword}', "
                "or remove it")
    return f"make {winner_id}'s keyword '{keyword}' ({where}) more specific"


# -- pitfalls ---------------------------------------------------------------------------------


def keyword_pitfall(keyword: str) -> str | None:
    """Why a keyword matches too much (or only vague messages), or None if it is fine."""
    words = tokens(keyword)
    letters = re.sub(r"[^a-z0-9]", "", keyword.lower())  # before "bbb" is squeezed to "bb"
    if len(words) == 1 and len(letters) <= MAX_SHORT_LETTERS and words[0] not in KNOWN_SHORT_WORDS:
        return (f"'{keyword}' is one word of {len(letters)} letters, so it matches any message that contains "
                f"it. Fix: use a longer phrase (e.g. '{keyword} <topic word>'), or add it to the known "
                "abbreviations in bot/check_keywords.py if it is one")
    if words and all(w in STOPWORDS for w in words):
        return (f"'{keyword}' is made only of filler words, so it matches vague messages with no topic word "
                "(like 'what is it?'). Fix: add a topic word to it, or remove it")
    content = [w for w in words if w not in STOPWORDS]
    if content and all(w in NEGATIONS or w in ("not", "no", "never") for w in content):
        return (f"'{keyword}' reads as '{' '.join(content)}' alone (matching ignores its filler words), so it "
                "matches any message with that negation ('why would they not work'). Fix: add a topic word to it, "
                "or remove it")
    return None


def check_keyword_pitfalls(knowledge: Knowledge, places: KeywordPlaces) -> list[Problem]:
    """Too-short and filler-only keywords of topical and out-of-scope intents.

    Smalltalk keywords are short chat phrases by design ("hi", "thank you"), and
    safety keywords feed the safety rules, not the matcher, so both are skipped.
    """
    problems = []
    for intent in knowledge.intent_file.intents:
        if intent.kind not in ("topical", "out_of_scope"):
            continue
        for keyword in intent.keywords:
            if reason := keyword_pitfall(keyword):
                problems.append(Problem(INTENTS_FILE, places.line(intent, keyword),
                                        f"intents[{intent.id}].keywords", reason, "warning"))
    return problems
