"""Build channel-neutral replies from the matched intent, the article and the question."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from bot.content.articles import Article, Section
from bot.content.intent import Intent
from bot.content.knowledge import Knowledge
from bot.core import texts
from bot.core.reply import Bullet, Button, Reply, Source
from bot.core.verdict import Match
from bot.nlu.matcher import match_words, message_words, stem
from bot.nlu.message import Message

SUGGESTION_MIN = 45.0  # a topic offered under a fallback for a non-health question must score this much
EXCERPT_CHARS = 650  # about one phone screen with the source line and buttons
ARTICLE_PART_CHARS = 3500  # a long article goes in parts: a channel's message holds one part with its markup
TOPICS_BUTTON = Button(texts.TOPICS_BUTTON, "tp")
HANDOVER_ASK = "ho"  # the action of "Talk to a person" (bot/handover_replies.py has the others)
TALK_BUTTON = Button(texts.HANDOVER_BUTTON, HANDOVER_ASK)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "X is a ...", "X are patches ...", "X means ...", "... also called X"; not "X is followed by" (a verb form).
_DEFINING = re.compile(r"\s(is called|are called|also called|called|means|mean|is|are)\s(?!\w+ed\b)", re.IGNORECASE)
_DEFINITION_QUESTION = re.compile(r"^(?:so |and |but )?(?:what|whats|wat|wot)(?: is| are| s|s)?\b|\bmeaning\b|\bmean\b|"
                                  r"\bdefin|\bexplain\b|\bwhat does\b")
_NOT_A_SUBJECT = ("in ", "for ", "with ", "during ", "when ", "after ", "over ", "by ", "some ", "this ", "it ")
_LIST_QUESTION = re.compile(r"\bwhich\b.*\bare there\b|\b(?:kinds?|types?|sorts?|examples?|list|options)\b")
_COUNT_QUESTION = re.compile(r"\bhow (?:common|many|often|rare|likely)\b|\bpercent|\bstatistic|\bnumbers?\b")
_QUANTITY = re.compile(r"\b(?:\d+|one in|two in|per ?cent|most people|many people|few people)\b|%", re.IGNORECASE)
DEFINITION_BONUS = 2.0  # in units of a rare shared word
NAMED_IN_PASSING = 0.75  # "..., also called X" defines X less plainly than "X is ..."
SHAPE_BONUS = 1.0  # a list for "which kinds", a number for "how common"
FRIGHTENING_PENALTY = 0.8
SCORE_DIGITS = 9  # paragraph scores this close are a tie, which the earlier paragraph wins
# Words of a paragraph that may frighten someone who did not ask about them; stems as bot.matcher writes them.
_FRIGHTENING = frozenset(stem(w) for w in ("damage", "disability", "disabled", "death", "die", "dying", "fatal",
                                           "worse", "worsen", "harm", "harms", "risk", "risks",
                                           "dangerous", "serious", "severe"))


def source_of(article: Article, base_url: str) -> Source:
    return Source(article.title, article.reviewed, article.link(base_url), article.slug, article.digest,
                  article.review_state)


@lru_cache(maxsize=4096)
def _paragraph_words(paragraph: str) -> tuple[frozenset[str], frozenset[str]]:
    """A paragraph's words and their 5-letter beginnings (`_beginnings`), normalised once per paragraph text
    instead of on every answer."""
    words = frozenset(match_words(paragraph))
    return words, _beginnings(words)


def _beginnings(words: set[str] | frozenset[str]) -> frozenset[str]:
    """The first five letters of each word of five or more: word forms the stemmer leaves apart
    ("inflammation"/"inflamed") meet on them."""
    return frozenset(w[:5] for w in words if len(w) >= 5)


@lru_cache(maxsize=4096)
def _defined_words(paragraph: str) -> dict[str, float]:
    """The words a paragraph defines, and how plainly: 1 for the subject of a sentence like "Lesions are patches
    of damaged tissue" or "Neuroinflammation means ...", less for a name given in passing ("..., also called
    relapses")."""
    found: dict[str, float] = {}
    for sentence in _SENTENCE_END.split(paragraph):
        verb = _DEFINING.search(sentence)
        if verb is None:
            continue
        if verb.group(1).lower().endswith("called"):
            for word in match_words(sentence[verb.end():][:60]):
                found.setdefault(word, NAMED_IN_PASSING)
        head = sentence[:verb.start()]
        if len(head.split()) <= 6 and not head.lower().startswith(_NOT_A_SUBJECT):
            found.update(dict.fromkeys(match_words(head), 1.0))
    return found


def passage_index(section: Section, question: Message, keyword: str | None = None) -> int:
    """The place in `section` of the paragraph that answers the question.

    Each paragraph scores the (within-section) rarity of the question's words it holds. A "what is X"
    question prefers the paragraph that defines X; a paragraph about damage, disability or risk does not lead
    when another fits as well, unless the question asks about those; ties go to the earlier paragraph.
    """
    paragraphs = section.paragraphs
    if len(paragraphs) == 1:
        return 0
    bags = [_paragraph_words(p) for p in paragraphs]
    frequency = Counter(w for bag, _ in bags for w in bag)
    asked = set(message_words(question))
    wanted = asked | set(match_words(keyword or ""))
    asked_beginnings = _beginnings(asked)
    definition = bool(_DEFINITION_QUESTION.search(question.text))
    listing = bool(_LIST_QUESTION.search(question.text))
    counting = bool(_COUNT_QUESTION.search(question.text))
    worried = bool(asked & _FRIGHTENING)

    def holds(place: int, word: str) -> bool:
        """The word, or a form of it, is in the paragraph: set lookups, linear in the question however long."""
        words, beginnings = bags[place]
        return word in words or (len(word) >= 5 and word[:5] in beginnings)

    def is_asked(word: str) -> bool:
        return word in asked or (len(word) >= 5 and word[:5] in asked_beginnings)

    def score(place: int) -> float:
        bag = bags[place][0]
        # in a fixed order, and rounded below: a sum over a set in hash order differs in its last bits from run to
        # run, which picked a different paragraph of two that tie after every restart
        total = sum(math.log(1 + len(bags) / frequency.get(w, 1)) for w in sorted(wanted) if holds(place, w))
        defined = _defined_words(paragraphs[place]) if definition else {}
        defines = max((strength for word, strength in defined.items() if is_asked(word)), default=0.0)
        if defines:
            total += DEFINITION_BONUS * defines
        elif not worried and bag & _FRIGHTENING:
            total -= FRIGHTENING_PENALTY
        if listing and "•" in paragraphs[place]:
            total += SHAPE_BONUS
        if counting and _QUANTITY.search(paragraphs[place]):
            total += SHAPE_BONUS
        return total

    scores = [round(score(i), SCORE_DIGITS) for i in range(len(paragraphs))]
    return max(range(len(paragraphs)), key=lambda i: (scores[i], -i))


def trim(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Cut at a sentence end under `limit` characters (or a word end, with an ellipsis)."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[: limit - 1].rsplit(" ", 1)[0] + "…"


def topic_buttons(knowledge: Knowledge, intent: Intent, article: Article,
                  rivals: Sequence[str] = ()) -> tuple[tuple[Button, ...], ...]:
    """The close rivals the matcher saw first (the answer may be the other topic), then the intent's follow-ups."""
    ids = dict.fromkeys(i for i in (*rivals, *intent.follow_ups) if i in knowledge.intents and i != intent.id)
    follow = [knowledge.intents[i] for i in ids][:3]
    rows: list[tuple[Button, ...]] = [(Button(knowledge.label(f), f"i:{f.id}"),) for f in follow]
    actions = [Button(texts.READ_ARTICLE_BUTTON, f"ar:{article.slug}:0")]
    if article.treatments and not intent.treatments:
        actions.insert(0, Button(texts.TREATMENTS_BUTTON, f"tr:{article.slug}"))
    rows.append(tuple(actions))
    rows.append((Button(texts.HELPFUL_BUTTON, f"fb:{intent.id}:1"), Button(texts.NOT_HELPFUL_BUTTON, f"fb:{intent.id}:0"),
                 TOPICS_BUTTON))
    return tuple(rows)


def treatment_bullets(article: Article) -> tuple[Bullet, ...]:
    return tuple(Bullet(f"{t.purpose}. {t.summary}", t.name) for t in article.treatments)


def compose_topical(knowledge: Knowledge, intent: Intent, question: Message, keyword: str | None,
                    base_url: str, passage: int | None = None, rivals: Sequence[str] = ()) -> Reply:
    """An excerpt of the intent's section (paragraph `passage`, else the one that fits the question), its
    source and next steps."""
    article = knowledge.articles[intent.article or ""]
    section = article.section(intent.section) if intent.section else None
    if section is None:
        title, text = article.title, article.summary
    else:
        place = passage if passage is not None and 0 <= passage < len(section.paragraphs) else \
            passage_index(section, question, keyword)
        title, text = section.heading, section.paragraphs[place]
    return Reply(
        kind="topical",
        title=title,
        paragraphs=(trim(text),),
        bullets=treatment_bullets(article) if intent.treatments else (),
        source=source_of(article, base_url),
        footer=texts.DISCLAIMER_LINE,
        buttons=topic_buttons(knowledge, intent, article, rivals),
    )


def compose_section_done(knowledge: Knowledge, intent: Intent, part: int, base_url: str,
                         repeated: bool = False) -> Reply:
    """Asked for more than the section holds: part `part` of the full article, saying so first; past the
    last part, that this is all."""
    article = knowledge.articles[intent.article or ""]
    whole = compose_article_part(knowledge, article.slug, part, base_url)
    if whole is None:
        return Reply(kind="topical", paragraphs=(texts.ARTICLE_DONE.format(title=article.title),),
                     source=source_of(article, base_url), buttons=((TOPICS_BUTTON,),))
    if part > 0:
        return whole
    section = article.section(intent.section) if intent.section else None
    heading = section.heading if section else article.title
    lead = texts.ALREADY_SHOWN if repeated else texts.SECTION_DONE.format(heading=heading)
    return replace(whole, paragraphs=(lead, *whole.paragraphs))


def with_facet_note(reply: Reply, article: Article, facet: str) -> Reply:
    """A topic's answer with a note that its article does not cover the facet asked beside it ("... and side
    effects?"), above the disclaimer."""
    note = texts.FACET_NOT_COVERED.format(title=article.title, facet=texts.FACETS[facet])
    return replace(reply, footer="\n\n".join(filter(None, (note, reply.footer))))


def compose_not_covered(knowledge: Knowledge, article: Article, facet: str, base_url: str) -> Reply:
    """A follow-up on something the article does not cover ("side effects?"): say so plainly."""
    return Reply(kind="fallback", paragraphs=(texts.FACET_NOT_COVERED.format(title=article.title, facet=facet),),
                 source=source_of(article, base_url),
                 buttons=((Button(texts.READ_ARTICLE_BUTTON, f"ar:{article.slug}:0"),), (TOPICS_BUTTON,)))


def compose_smalltalk(intent: Intent) -> Reply:
    buttons: tuple[tuple[Button, ...], ...] = ()
    if intent.id == "greeting":
        buttons = ((TOPICS_BUTTON,),)
    elif intent.id == "help":
        buttons = ((TOPICS_BUTTON, TALK_BUTTON),)
    return Reply(kind="smalltalk", paragraphs=(intent.reply,), buttons=buttons)


def _suggestion_buttons(knowledge: Knowledge, intent_ids: list[str]) -> tuple[tuple[Button, ...], ...]:
    """The nearest topics, then Topics and Talk to a person: a reply we could not answer is no dead end."""
    rows = [(Button(knowledge.label(knowledge.intents[i]), f"i:{i}"),) for i in intent_ids[:3]]
    return (*rows, (TOPICS_BUTTON, TALK_BUTTON))


def topical_candidates(knowledge: Knowledge, match: Match, minimum: float = 0.0) -> list[str]:
    return [c.intent_id for c in match.candidates
            if c.kind == "topical" and c.intent_id in knowledge.intents and c.score >= minimum]


def compose_fallback(knowledge: Knowledge, match: Match | None, kind: str = "other") -> Reply:
    """No answer, said in the way that fits why (bot.fallback): a health question outside the articles gets
    who can answer it and the closest topics; another language, that only English works; anything else,
    what the bot covers and how to ask."""
    suggestions = topical_candidates(knowledge, match) if match else []
    if kind == "language":
        return Reply(kind="fallback", paragraphs=(texts.ONLY_ENGLISH,), buttons=_suggestion_buttons(knowledge, []))
    if kind == "health":
        paragraphs = (texts.NOT_REVIEWED, texts.WHO_CAN_ANSWER) + ((texts.CLOSEST_TOPICS,) if suggestions else ())
        return Reply(kind="fallback", paragraphs=paragraphs, buttons=_suggestion_buttons(knowledge, suggestions))
    if kind == "gibberish":
        suggestions = []
    elif match is not None:  # a question about something else: only topics that nearly fit
        suggestions = topical_candidates(knowledge, match, SUGGESTION_MIN)
    lead = texts.LONG_MESSAGE if kind == "long" else texts.NO_ANSWER
    hint = texts.WERE_YOU_ASKING if suggestions else texts.TRY_FEW_WORDS
    return Reply(kind="fallback", paragraphs=(f"{lead} {texts.SCOPE}", hint),
                 buttons=_suggestion_buttons(knowledge, suggestions))


def ambiguous_options(knowledge: Knowledge, match: Match) -> tuple[str, ...]:
    """The topics a "Did you mean" offers, in their order (a typed "2" picks the second)."""
    return tuple([i for i in match.options if i in knowledge.intents] or topical_candidates(knowledge, match))[:3]


def compose_ambiguous(knowledge: Knowledge, match: Match, unsure: bool = False) -> Reply:
    """ "Did you mean ...?" with the topics the matcher offers as buttons; an unsure guess also says who can answer
    what none of them covers."""
    options = list(ambiguous_options(knowledge, match))
    return Reply(kind="ambiguous", paragraphs=(texts.DID_YOU_MEAN_UNSURE if unsure else texts.DID_YOU_MEAN,),
                 buttons=_suggestion_buttons(knowledge, options))


def compose_topics(knowledge: Knowledge, slug: str | None = None) -> Reply:
    """The menu: all articles, or the topics inside one article."""
    if slug is None or slug not in knowledge.articles:
        rows = tuple((Button(a.title[:60], f"tp:{a.slug}"),) for a in knowledge.articles.values())
        return Reply(kind="topics", title=texts.TOPICS_TITLE, paragraphs=(texts.TOPICS_PICK,),
                     buttons=rows)
    article = knowledge.articles[slug]
    rows = [(Button(knowledge.label(i), f"i:{i.id}"),) for i in knowledge.topical_intents(slug)]
    rows.append((Button(texts.READ_ARTICLE_BUTTON, f"ar:{slug}:0"), TOPICS_BUTTON))
    return Reply(kind="topics", title=article.title, paragraphs=(article.summary,),
                 buttons=tuple(rows))


def compose_treatments(knowledge: Knowledge, slug: str, base_url: str) -> Reply | None:
    article = knowledge.articles.get(slug)
    if article is None or not article.treatments:
        return None
    return Reply(kind="treatments", title=texts.TREATMENTS_TITLE.format(title=article.title),
                 bullets=treatment_bullets(article), source=source_of(article, base_url),
                 footer=texts.DISCLAIMER_LINE,
                 buttons=((Button(texts.READ_ARTICLE_BUTTON, f"ar:{slug}:0"), TOPICS_BUTTON),))


def article_parts(article: Article, limit: int = ARTICLE_PART_CHARS) -> list[str]:
    """The article's full text cut at paragraph ends into parts under `limit` characters."""
    parts: list[str] = []
    current = ""
    for block in article.full_text().split("\n\n"):
        while len(block) > limit:  # a single huge paragraph: cut at a sentence end
            head = trim(block, limit)
            parts.append(head)
            block = block[len(head.rstrip("…")):].strip()
        if current and len(current) + len(block) + 2 > limit:
            parts.append(current)
            current = ""
        current = f"{current}\n\n{block}" if current else block
    if current:
        parts.append(current)
    return parts


def compose_article_part(knowledge: Knowledge, slug: str, part: int, base_url: str) -> Reply | None:
    article = knowledge.articles.get(slug)
    if article is None:
        return None
    parts = article_parts(article)
    if not 0 <= part < len(parts):
        return None
    buttons: list[Button] = []
    if part + 1 < len(parts):
        buttons.append(Button(texts.NEXT_PART_BUTTON.format(next=part + 2, parts=len(parts)), f"ar:{slug}:{part + 1}"))
    buttons.append(TOPICS_BUTTON)
    return Reply(kind="article", title=texts.PART_TITLE.format(part=part + 1, parts=len(parts)), paragraphs=(parts[part],),
                 source=source_of(article, base_url) if part + 1 == len(parts) else None,
                 footer=texts.DISCLAIMER_LINE if part + 1 == len(parts) else "", buttons=(tuple(buttons),))


def compose_welcome() -> Reply:
    return Reply(
        kind="welcome",
        title=texts.WELCOME_TITLE,
        paragraphs=(texts.WELCOME_HOW_TO_ASK, texts.FULL_DISCLAIMER),
        buttons=((TOPICS_BUTTON,),),
    )


def compose_about(knowledge: Knowledge) -> Reply:
    newest = max(a.reviewed for a in knowledge.articles.values())
    return Reply(
        kind="about",
        title=texts.ABOUT_TITLE,
        paragraphs=(
            texts.ABOUT_INTRO,
            texts.ABOUT_LAST_REVIEWED.format(date=newest),
            texts.FULL_DISCLAIMER,
        ),
        bullets=tuple(Bullet(texts.about_review(a.reviewed, a.next_review, a.review_state == "changed"), a.title)
                      for a in knowledge.articles.values()),
        buttons=((TOPICS_BUTTON,),),
    )


def compose_notice(text: str, kind: str = "notice") -> Reply:
    return Reply(kind=kind, paragraphs=(text,), buttons=((TOPICS_BUTTON,),))
