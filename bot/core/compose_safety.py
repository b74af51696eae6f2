"""Safety replies: emergencies, their follow-ups, crisis, medication, seizure first aid, and the safety line.

The seizure first-aid steps exist once, in content/seizure-first-aid.md: the emergency reply, its
follow-ups and the first-aid answer all read them from that article's sections, so an admin's
edit there changes every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.content.intent import FIRST_AID_ARTICLE, Intent
from bot.content.knowledge import Knowledge
from bot.core import texts
from bot.core.compose import TOPICS_BUTTON, source_of, topic_buttons
from bot.core.reply import Bullet, Button, Reply
from bot.nlu.safety import FollowUp, SafetyFlag

WHAT_TO_DO, RECOVERY, WHEN_TO_CALL, AFTER = "what-to-do", "recovery-position", "when-to-call-an-ambulance", \
    "after-the-seizure"
COLLAPSE = ("not_waking", "breathing_colour")


@dataclass(frozen=True, slots=True)
class Guide:
    """What to say for an emergency that is not a seizure: its own steps, its follow-up, its one-line warning."""

    title: str
    lead: str
    steps: tuple[str, ...]
    follow_lead: str
    line: str


GUIDES: dict[str, Guide] = {
    "stroke_signs": Guide(texts.CALL_NOW_TITLE, texts.STROKE_LEAD, texts.STROKE_STEPS, texts.FOLLOW_STROKE_LEAD,
                          texts.LINE_STROKE),
    "overdose": Guide(texts.OVERDOSE_TITLE, texts.OVERDOSE_LEAD, texts.OVERDOSE_STEPS, texts.FOLLOW_OVERDOSE_LEAD,
                      texts.LINE_OVERDOSE),
    "serious_injury": Guide(texts.CALL_NOW_TITLE, texts.INJURY_LEAD, texts.INJURY_STEPS, texts.FOLLOW_INJURY_LEAD,
                            texts.LINE_INJURY),
    "heart_or_allergy": Guide(texts.CALL_NOW_TITLE, texts.HEART_ALLERGY_LEAD, texts.HEART_ALLERGY_STEPS,
                              texts.FOLLOW_HEART_ALLERGY_LEAD, texts.LINE_HEART_ALLERGY),
}


def first_aid(knowledge: Knowledge, section_id: str) -> tuple[tuple[str, ...], tuple[Bullet, ...]]:
    """The lead paragraphs and the bullet steps of one section of the first-aid article (empty if absent)."""
    article = knowledge.articles.get(FIRST_AID_ARTICLE)
    section = article.section(section_id) if article else None
    if section is None:
        return (), ()
    leads: list[str] = []
    steps: list[Bullet] = []
    for paragraph in section.paragraphs:
        for line in paragraph.split("\n"):
            if line.startswith("• "):
                steps.append(Bullet(line[2:]))
            elif not steps:
                leads.append(line)
    return tuple(leads), tuple(steps)


def _steps(knowledge: Knowledge, section_id: str) -> tuple[Bullet, ...]:
    steps = first_aid(knowledge, section_id)[1]
    return steps or (Bullet(texts.FIRST_AID_MISSING),)


def safety_line(flag_kind: str, criterion: str | None) -> str:
    """The one line shown above a normal answer: what to do now and the number to call."""
    if flag_kind == "crisis":
        return texts.LINE_CRISIS
    if flag_kind == "medication_change":
        return texts.LINE_MEDICATION
    if criterion in GUIDES:
        return GUIDES[criterion].line
    if criterion in COLLAPSE:
        return texts.LINE_COLLAPSE
    return texts.LINE_SEIZURE


def with_line(reply: Reply, line: str) -> Reply:
    """`reply` with a safety line on top (a line already there stays: two different dangers, two lines)."""
    if not line or line in reply.alert:
        return reply
    return replace(reply, alert=f"{reply.alert}\n{line}" if reply.alert else line)


def compose_emergency(knowledge: Knowledge, flag: SafetyFlag) -> Reply:
    """Call now, the first steps, and nothing else (plus the crisis line when self-harm is part of it)."""
    criterion = flag.criterion
    if criterion in GUIDES:
        guide = GUIDES[criterion]
        title, lead, steps = guide.title, guide.lead, tuple(Bullet(s) for s in guide.steps)
    elif criterion in COLLAPSE and not _about_seizure(flag):
        title, lead, steps = texts.CALL_NOW_TITLE, texts.COLLAPSE_LEAD, tuple(Bullet(s) for s in texts.COLLAPSE_STEPS)
    else:
        title, lead, steps = texts.CALL_NOW_TITLE, texts.CALL_NOW, _steps(knowledge, WHAT_TO_DO)
    reply = Reply(kind="emergency", title=title, paragraphs=(lead, texts.WHILE_YOU_WAIT), bullets=steps)
    return with_line(reply, texts.LINE_CRISIS) if flag.crisis_too else reply


def _about_seizure(flag: SafetyFlag) -> bool:
    return any(word in flag.rule.split() for word in ("SEIZ", "SEIZ_PL", "CONV", "SIGN", "STATUS"))


def compose_emergency_follow_up(knowledge: Knowledge, criterion: str | None, follow: FollowUp) -> Reply:
    """A message in the 30 minutes after an emergency reply: guidance for that emergency, never another topic."""
    if criterion in GUIDES:
        guide = GUIDES[criterion]
        return Reply(kind="emergency", title=guide.title, paragraphs=(guide.follow_lead,),
                     bullets=tuple(Bullet(s) for s in guide.steps))
    when = _lines(_steps(knowledge, WHEN_TO_CALL))
    if follow == "call":
        return Reply(kind="emergency", title=texts.CALL_NOW_TITLE, paragraphs=(texts.FOLLOW_CALL_LEAD,
                     texts.WHILE_YOU_WAIT), bullets=_steps(knowledge, WHAT_TO_DO))
    if follow == "arrived":
        return Reply(kind="emergency", title=texts.FOLLOW_ARRIVED_TITLE, paragraphs=texts.FOLLOW_ARRIVED_PARAGRAPHS)
    if follow == "recovered":
        return _recovered(knowledge, "emergency", criterion)
    return Reply(kind="emergency", title=texts.FOLLOW_GENERAL_TITLE,
                 paragraphs=(texts.FOLLOW_GENERAL_LEAD, _lines(_steps(knowledge, WHAT_TO_DO)), texts.CALL_IF, when))


def _recovered(knowledge: Knowledge, kind: str, criterion: str | None) -> Reply:
    """After the seizure: the recovery position, what to do next, and when to call after all. A seizure told
    with a reason that needs an ambulance even once it stops ("hit his head", "her first one") says so first."""
    still = texts.STILL_CALL.get(criterion or "")
    title = texts.FOLLOW_STILL_CALL_TITLE if still else texts.FOLLOW_RECOVERED_TITLE
    lead = (still, texts.FOLLOW_STILL_CALL_LEAD) if still else ()
    return Reply(kind=kind, title=title,
                 paragraphs=(*lead, texts.FOLLOW_RECOVERED_LEAD, _lines(_steps(knowledge, RECOVERY)), texts.AFTER_IT,
                             _lines(_steps(knowledge, AFTER)), texts.CALL_IF, _lines(_steps(knowledge, WHEN_TO_CALL))))


def compose_after_care(knowledge: Knowledge, base_url: str, criterion: str | None = None) -> Reply | None:
    """ "It stopped, what now?" after an emergency reply: the first-aid article's after-care, with its source."""
    article = knowledge.articles.get(FIRST_AID_ARTICLE)
    if article is None:
        return None
    return replace(_recovered(knowledge, "topical", criterion), source=source_of(article, base_url),
                   footer=texts.DISCLAIMER_LINE)


def _lines(bullets: tuple[Bullet, ...]) -> str:
    """Bullets as one paragraph of "• " lines (a reply has one bullet list; these need several)."""
    return "\n".join(f"• {b.text}" for b in bullets)


def compose_first_aid(knowledge: Knowledge, intent: Intent, base_url: str) -> Reply | None:
    """The first-aid answer: what to do, and when to call an ambulance, from the article."""
    article = knowledge.articles.get(FIRST_AID_ARTICLE)
    if article is None:
        return None
    leads, steps = first_aid(knowledge, WHAT_TO_DO)
    _, when = first_aid(knowledge, WHEN_TO_CALL)
    return Reply(
        kind="topical",
        title=article.title,
        paragraphs=(*leads, _lines(steps), texts.CALL_IF, _lines(when)),
        source=source_of(article, base_url),
        footer=texts.DISCLAIMER_LINE,
        buttons=topic_buttons(knowledge, intent, article),
    )


def compose_crisis() -> Reply:
    return Reply(kind="crisis", title=texts.CRISIS_TITLE, paragraphs=texts.CRISIS_PARAGRAPHS)


def compose_crisis_follow_up() -> Reply:
    """A message in the 30 minutes after a crisis reply that is not a clear question: no article, the lines again."""
    return Reply(kind="crisis", title=texts.CRISIS_FOLLOW_TITLE, paragraphs=texts.CRISIS_FOLLOW_PARAGRAPHS,
                 buttons=((TOPICS_BUTTON,),))


def compose_medication(knowledge: Knowledge, flag: SafetyFlag) -> Reply:
    """No personal advice: who to ask, why, and (for a change) where to read more."""
    missed = flag.criterion == "missed_dose"
    related = {"ms": "ms_dmt", "epilepsy": "refractory_external_factors"}.get(flag.topic or "")
    buttons: list[tuple[Button, ...]] = []
    if related and related in knowledge.intents and not missed:
        buttons.append((Button(knowledge.label(knowledge.intents[related]), f"i:{related}"),))
    buttons.append((TOPICS_BUTTON,))
    return Reply(
        kind="medication_change",
        title=texts.MISSED_DOSE_TITLE if missed else texts.MED_CHANGE_TITLE,
        paragraphs=texts.MISSED_DOSE_PARAGRAPHS if missed else texts.MED_CHANGE_PARAGRAPHS,
        footer=texts.DISCLAIMER_LINE,
        buttons=tuple(buttons),
    )
