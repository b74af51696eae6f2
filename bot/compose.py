"""Build channel-neutral replies from the matched intent, the article and the question."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from bot.content import Article, Section
from bot.intents import Intent
from bot.knowledge import Knowledge
from bot.matcher import Match, match_words
from bot.reply import Bullet, Button, Reply, Source
from bot.safety import SafetyFlag

EXCERPT_CHARS = 650  # about one phone screen with the source line and buttons
ARTICLE_PART_CHARS = 3500  # under Telegram's 4,096 limit with room for markup
DISCLAIMER_LINE = "General information, not medical advice. Ask your own care team about your situation."
FULL_DISCLAIMER = (
    "I share general information from reviewed articles about epilepsy and multiple sclerosis. "
    "I can't diagnose, and I can't advise on your own medicines or doses: your doctor, nurse or "
    "pharmacist can. In an emergency, call your local emergency number (such as 112, 911 or 999)."
)
TOPICS_BUTTON = Button("📚 Topics", "tp")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def source_of(article: Article, base_url: str) -> Source:
    return Source(article.title, article.reviewed, article.link(base_url))


@lru_cache(maxsize=4096)
def _paragraph_words(paragraph: str) -> frozenset[str]:
    """A paragraph's words, normalised once per paragraph text instead of on every answer."""
    return frozenset(match_words(paragraph))


def best_passage(section: Section, question: str, keyword: str | None) -> str:
    """The paragraph of `section` that answers the question."""
    return section.paragraphs[passage_index(section, question, keyword)]


def passage_index(section: Section, question: str, keyword: str | None = None) -> int:
    """The place in `section` of the paragraph that shares the most (rarest) words with the question."""
    paragraphs = section.paragraphs
    if len(paragraphs) == 1:
        return 0
    bags = [_paragraph_words(p) for p in paragraphs]
    frequency = Counter(w for bag in bags for w in bag)
    wanted = set(match_words(question)) | set(match_words(keyword or ""))

    def score(bag: frozenset[str]) -> float:
        total = 0.0
        for word in wanted:
            if word in bag or (len(word) >= 5 and any(b.startswith(word[:5]) for b in bag)):
                total += math.log(1 + len(bags) / frequency.get(word, 1))
        return total

    scores = [score(bag) for bag in bags]
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


def _topic_buttons(knowledge: Knowledge, intent: Intent, article: Article) -> tuple[tuple[Button, ...], ...]:
    follow = [knowledge.intents[i] for i in intent.follow_ups if i in knowledge.intents][:3]
    rows: list[tuple[Button, ...]] = [(Button(knowledge.label(f), f"i:{f.id}"),) for f in follow]
    actions = [Button("📖 Read the full article", f"ar:{article.slug}:0")]
    if article.treatments and not intent.treatments:
        actions.insert(0, Button("💊 Treatments", f"tr:{article.slug}"))
    rows.append(tuple(actions))
    rows.append((Button("👍 Helpful", f"fb:{intent.id}:1"), Button("👎 Not helpful", f"fb:{intent.id}:0"),
                 TOPICS_BUTTON))
    return tuple(rows)


def treatment_bullets(article: Article) -> tuple[Bullet, ...]:
    return tuple(Bullet(f"{t.purpose}. {t.summary}", t.name) for t in article.treatments)


def compose_topical(knowledge: Knowledge, intent: Intent, question: str, keyword: str | None,
                    base_url: str) -> Reply:
    """An excerpt of the intent's section that fits the question, its source and next steps."""
    article = knowledge.articles[intent.article or ""]
    section = article.section(intent.section) if intent.section else None
    if section is None:
        title, passage = article.title, article.summary
    else:
        title, passage = section.heading, best_passage(section, question, keyword)
    return Reply(
        kind="topical",
        title=title,
        paragraphs=(trim(passage),),
        bullets=treatment_bullets(article) if intent.treatments else (),
        source=source_of(article, base_url),
        footer=DISCLAIMER_LINE,
        buttons=_topic_buttons(knowledge, intent, article),
    )


def compose_smalltalk(knowledge: Knowledge, intent: Intent) -> Reply:
    buttons = ((TOPICS_BUTTON,),) if intent.id in ("greeting", "help") else ()
    return Reply(kind="smalltalk", paragraphs=(intent.reply,), buttons=buttons)


def compose_emergency(flag: SafetyFlag) -> Reply:
    """Call now, a few first-aid steps, and nothing else."""
    stroke = any(w in flag.rule for w in ("drooping", "slurred", "speak", "arm", "sudden", "stroke"))
    steps = (
        ("Note the time the signs started: the hospital will ask.",
         "Keep them safe and comfortable, sitting or lying on their side.",
         "Give nothing to eat or drink, and no medicines.",
         "Stay with them until help arrives.")
        if stroke else
        ("Time the seizure.",
         "Protect the head: cushion it and move hard or sharp things away.",
         "When the jerking stops, roll them onto their side so they can breathe.",
         "Put nothing in their mouth and do not hold them down.",
         "Stay with them until help arrives or they are fully awake.")
    )
    return Reply(
        kind="emergency",
        title="🚨 Call your local emergency number now",
        paragraphs=("This may be an emergency. Call for an ambulance now: for example 112 (Europe), "
                    "911 (US and Canada) or 999 (UK).", "While you wait:"),
        bullets=tuple(Bullet(step) for step in steps),
    )


def compose_crisis() -> Reply:
    return Reply(
        kind="crisis",
        title="I'm really sorry you're feeling this way",
        paragraphs=(
            "You don't have to face this alone, and you deserve support right now.",
            "If you might act on these thoughts or are in danger, call your local emergency number now "
            "(such as 112, 911 or 999).",
            "You can also talk to a crisis line, free and at any hour: in the US call or text 988; in the UK "
            "and Ireland call Samaritans on 116 123; elsewhere, findahelpline.com lists lines near you.",
            "If you can, tell someone you trust how you feel, and stay with them. I'm an information bot, "
            "so I can't talk this through, but the people on those lines can.",
        ),
    )


def compose_medication_change(knowledge: Knowledge, flag: SafetyFlag) -> Reply:
    """No personal advice: why to ask the prescriber, and where to read more."""
    related = {"ms": "ms_dmt", "epilepsy": "refractory_external_factors"}.get(flag.topic or "")
    buttons: list[tuple[Button, ...]] = []
    if related and related in knowledge.intents:
        buttons.append((Button(knowledge.label(knowledge.intents[related]), f"i:{related}"),))
    buttons.append((TOPICS_BUTTON,))
    return Reply(
        kind="medication_change",
        title="Please ask your prescriber before changing a medicine",
        paragraphs=(
            "I can't tell you whether to stop, skip or change a dose: that depends on your health and "
            "history, which your own doctor, nurse or pharmacist knows.",
            "Changing epilepsy or MS medicines without a plan can be risky. For example, stopping "
            "seizure medicine suddenly can bring seizures back. Your care team can tell you what is safe.",
            "If you have already missed or doubled a dose and feel unwell, call your doctor, pharmacist "
            "or a health helpline now. If it's an emergency, call your local emergency number.",
        ),
        footer=DISCLAIMER_LINE,
        buttons=tuple(buttons),
    )


def _suggestion_buttons(knowledge: Knowledge, intent_ids: list[str]) -> tuple[tuple[Button, ...], ...]:
    rows = [(Button(knowledge.label(knowledge.intents[i]), f"i:{i}"),) for i in intent_ids[:3]]
    return (*rows, (TOPICS_BUTTON,))


def topical_candidates(knowledge: Knowledge, match: Match) -> list[str]:
    return [c.intent_id for c in match.candidates
            if c.kind == "topical" and c.intent_id in knowledge.intents]


def compose_fallback(knowledge: Knowledge, match: Match | None, reason: str = "") -> Reply:
    """An honest "I can't answer that", with the nearest topics as buttons."""
    suggestions = topical_candidates(knowledge, match) if match else []
    lead = reason or "Sorry, I don't have an answer to that."
    text = (f"{lead} I can only share information about epilepsy, multiple sclerosis (MS) and how they "
            "relate to the immune system.")
    hint = ("Were you asking about one of these?" if suggestions
            else "Try asking in a few words, for example \"What is refractory epilepsy?\" or \"MS medicines\".")
    return Reply(kind="fallback", paragraphs=(text, hint), buttons=_suggestion_buttons(knowledge, suggestions))


def compose_ambiguous(knowledge: Knowledge, match: Match) -> Reply:
    options = topical_candidates(knowledge, match)
    close = [c.intent_id for c in match.candidates if match.score - c.score < knowledge.intent_file.settings.ambiguity_margin]
    choices = [i for i in close if i in options] or options
    return Reply(kind="ambiguous", paragraphs=("Which of these did you mean?",),
                 buttons=_suggestion_buttons(knowledge, choices))


def compose_topics(knowledge: Knowledge, slug: str | None = None) -> Reply:
    """The menu: all articles, or the topics inside one article."""
    if slug is None or slug not in knowledge.articles:
        rows = tuple((Button(a.title[:60], f"tp:{a.slug}"),) for a in knowledge.articles.values())
        return Reply(kind="topics", title="Topics", paragraphs=("Pick an article, or type your question.",),
                     buttons=rows)
    article = knowledge.articles[slug]
    rows = [(Button(knowledge.label(i), f"i:{i.id}"),) for i in knowledge.topical_intents(slug)]
    rows.append((Button("📖 Read the full article", f"ar:{slug}:0"), TOPICS_BUTTON))
    return Reply(kind="topics", title=article.title, paragraphs=(article.summary,),
                 buttons=tuple(rows))


def compose_treatments(knowledge: Knowledge, slug: str, base_url: str) -> Reply | None:
    article = knowledge.articles.get(slug)
    if article is None or not article.treatments:
        return None
    return Reply(kind="treatments", title=f"Treatment options: {article.title}",
                 bullets=treatment_bullets(article), source=source_of(article, base_url),
                 footer=DISCLAIMER_LINE,
                 buttons=((Button("📖 Read the full article", f"ar:{slug}:0"), TOPICS_BUTTON),))


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
        buttons.append(Button(f"Next part ({part + 2}/{len(parts)}) ▶", f"ar:{slug}:{part + 1}"))
    buttons.append(TOPICS_BUTTON)
    return Reply(kind="article", title=f"Part {part + 1} of {len(parts)}", paragraphs=(parts[part],),
                 source=source_of(article, base_url) if part + 1 == len(parts) else None,
                 footer=DISCLAIMER_LINE if part + 1 == len(parts) else "", buttons=(tuple(buttons),))


def compose_welcome(knowledge: Knowledge) -> Reply:
    return Reply(
        kind="welcome",
        title="Hello! I answer questions about epilepsy and multiple sclerosis (MS).",
        paragraphs=("Type a question in your own words, like \"What is refractory epilepsy?\" or "
                    "\"MS medicines\", or tap Topics.", FULL_DISCLAIMER),
        buttons=((TOPICS_BUTTON,),),
    )


def compose_about(knowledge: Knowledge, base_url: str) -> Reply:
    newest = max(a.reviewed for a in knowledge.articles.values())
    return Reply(
        kind="about",
        title="About this bot",
        paragraphs=(
            "A patient-information bot for people living with epilepsy or MS and the people who care for "
            "them. Answers are short excerpts from our own reviewed articles, each with a link to the full text.",
            f"Content last reviewed {newest:%d %b %Y}.",
            FULL_DISCLAIMER,
        ),
        bullets=tuple(Bullet(f"Reviewed {a.reviewed:%d %b %Y}", a.title) for a in knowledge.articles.values()),
        buttons=((TOPICS_BUTTON,),),
    )


def compose_notice(text: str, kind: str = "notice") -> Reply:
    return Reply(kind=kind, paragraphs=(text,), buttons=((TOPICS_BUTTON,),))
