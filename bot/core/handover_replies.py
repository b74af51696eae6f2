"""Talking to a person: the policy (is handover on, the team's hours, a contact) and the replies it composes.

Plain Python, no channel types: the engine composes the offer from here when someone
asks for a person, the desk (bot/core/handover.py) composes the rest, and every channel
renders the `Reply`s as it renders any other. Words come from bot/core/texts.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from bot.core import texts
from bot.core.compose import HANDOVER_ASK, TALK_BUTTON, TOPICS_BUTTON
from bot.core.reply import Bullet, Button, Reply
from bot.opening_hours import OpeningHours
from bot.settings import Settings

# Button actions (callback data) besides HANDOVER_ASK ("talk to a person"): yes, no, end the chat.
CONFIRM = "ho:y"
CANCEL = "ho:n"
END = "ho:end"
ACTIONS = (HANDOVER_ASK, CONFIRM, CANCEL, END)
END_BUTTON = Button(texts.HANDOVER_END_BUTTON, END)


@dataclass(frozen=True, slots=True)
class HandoverPolicy:
    """Whether a chat can be handed to the team (a staff chat is set), when they work, and a contact."""

    staff_chat_id: int | None = None
    hours: OpeningHours = field(default_factory=OpeningHours)
    contact: str = ""

    @property
    def enabled(self) -> bool:
        return self.staff_chat_id is not None

    @classmethod
    def from_settings(cls, settings: Settings) -> HandoverPolicy:
        return cls(settings.handover_chat_id, settings.handover_hours, settings.handover_contact)

    def off(self) -> HandoverPolicy:
        """The same contact, with no team to hand over to (the terminal, the command line)."""
        return replace(self, staff_chat_id=None)

    def away_until(self, now: dt.datetime) -> dt.datetime | None:
        """When the team is back, if it is away at `now`; None while it works."""
        return None if self.hours.is_open(now) else self.hours.next_open(now)


def when_text(moment: dt.datetime, now: dt.datetime) -> str:
    """"today at 09:00", "tomorrow at 09:00" or "on Monday 12 January at 09:00", with the zone's name."""
    days = (moment.date() - now.astimezone(moment.tzinfo).date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"on {moment:%A} {moment.day} {moment:%B}"
    return f"{day} at {moment:%H:%M} ({moment.tzinfo})"


def hours_text(policy: HandoverPolicy) -> str:
    if policy.hours.always:
        return texts.HANDOVER_HOURS_ANY
    return texts.HANDOVER_HOURS.format(hours=policy.hours.describe())


def compose_request(policy: HandoverPolicy, topic: str | None) -> Reply:
    """What someone asking for a person gets: the consent question, or (handover off) where to turn."""
    return compose_offer(policy, topic) if policy.enabled else compose_unavailable(policy)


def compose_offer(policy: HandoverPolicy, topic: str | None) -> Reply:
    """Consent first: what the team will see and what it won't, then yes or no."""
    shared = [Bullet(texts.HANDOVER_SHARED_MESSAGES)]
    if topic:
        shared.append(Bullet(texts.HANDOVER_SHARED_TOPIC.format(topic=topic)))
    return Reply(
        kind="handover",
        title=texts.HANDOVER_OFFER_TITLE,
        paragraphs=(texts.HANDOVER_OFFER_INTRO,),
        bullets=tuple(shared),
        footer="\n\n".join((texts.HANDOVER_NOT_SHARED, hours_text(policy),
                            texts.HANDOVER_EMERGENCY, texts.HANDOVER_ASK)),
        buttons=((Button(texts.HANDOVER_CONFIRM_BUTTON, CONFIRM), Button(texts.HANDOVER_CANCEL_BUTTON, CANCEL)),),
    )


def compose_unavailable(policy: HandoverPolicy, lead: str = texts.HANDOVER_OFF) -> Reply:
    """No team to hand over to (or it could not be reached): the contact, if any, and helplines."""
    paragraphs = [lead]
    if policy.contact:
        paragraphs.append(texts.HANDOVER_OFF_CONTACT.format(contact=policy.contact))
    paragraphs.append(texts.HANDOVER_HELPLINES)
    return Reply(kind="handover", title=texts.HANDOVER_OFF_TITLE, paragraphs=tuple(paragraphs),
                 bullets=tuple(Bullet(text, lead) for lead, text in texts.HANDOVER_HELPLINE_BULLETS),
                 buttons=((TOPICS_BUTTON,),))


def compose_queued(policy: HandoverPolicy, ticket: int, now: dt.datetime) -> Reply:
    """In the queue: the ticket, the team's hours, and (out of hours) when they are back and a contact."""
    paragraphs = [texts.HANDOVER_QUEUED, hours_text(policy)]
    back = policy.away_until(now)
    if back is not None:
        paragraphs.append(texts.HANDOVER_AWAY.format(when=when_text(back, now)))
        if policy.contact:
            paragraphs.append(texts.HANDOVER_SOONER.format(contact=policy.contact))
    paragraphs += [texts.HANDOVER_EMERGENCY, texts.HANDOVER_HOW_TO_END]
    return Reply(kind="handover", title=texts.HANDOVER_QUEUED_TITLE.format(ticket=ticket),
                 paragraphs=tuple(paragraphs), buttons=((END_BUTTON,),))


def compose_failed(policy: HandoverPolicy) -> Reply:
    return compose_unavailable(policy, texts.HANDOVER_FAILED)


def compose_already_open(ticket: int) -> Reply:
    return Reply(kind="handover", paragraphs=(texts.HANDOVER_ALREADY_OPEN.format(ticket=ticket),),
                 buttons=((END_BUTTON,),))


def compose_closed(text: str) -> Reply:
    """The chat with the team is over: the bot answers again."""
    return Reply(kind="handover", paragraphs=(text,), buttons=((TALK_BUTTON, TOPICS_BUTTON),))


def compose_plain(text: str) -> Reply:
    return Reply(kind="handover", paragraphs=(text,), buttons=((TOPICS_BUTTON,),))
