"""bot/core/handover_replies.py: the handover policy and what someone asking for a person is told."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.core import texts
from bot.core.compose import HANDOVER_ASK
from bot.core.handover_replies import (
    ACTIONS,
    CANCEL,
    CONFIRM,
    END,
    HandoverPolicy,
    compose_already_open,
    compose_closed,
    compose_queued,
    compose_request,
    hours_text,
    when_text,
)
from bot.opening_hours import parse_hours

LONDON = ZoneInfo("Europe/London")
OFFICE = parse_hours("Mon-Fri 09:00-17:00 Europe/London")


def actions(reply_buttons: tuple[tuple[object, ...], ...]) -> list[str]:
    return [button.action for row in reply_buttons for button in row]  # type: ignore[attr-defined]


def test_the_actions_are_distinct() -> None:
    assert len(set(ACTIONS)) == 4 and HANDOVER_ASK in ACTIONS


def test_a_policy_with_a_staff_chat_asks_for_consent_first() -> None:
    policy = HandoverPolicy(staff_chat_id=-100, hours=OFFICE)
    reply = compose_request(policy, "MS fatigue")
    assert reply.title == texts.HANDOVER_OFFER_TITLE
    assert actions(reply.buttons) == [CONFIRM, CANCEL]
    assert any("MS fatigue" in bullet.text for bullet in reply.bullets)  # the topic is named as shared


def test_without_a_staff_chat_the_contact_and_helplines_are_given() -> None:
    policy = HandoverPolicy(staff_chat_id=-100, contact="nurses@example.org").off()
    assert not policy.enabled
    reply = compose_request(policy, None)
    assert reply.title == texts.HANDOVER_OFF_TITLE
    assert texts.HANDOVER_OFF_CONTACT.format(contact="nurses@example.org") in reply.paragraphs
    assert len(reply.bullets) == len(texts.HANDOVER_HELPLINE_BULLETS)
    assert HandoverPolicy().off() == HandoverPolicy()  # no contact: the same helplines, nothing else


def test_away_until_is_none_while_the_team_works() -> None:
    policy = HandoverPolicy(-100, OFFICE)
    tuesday_ten = dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
    friday_night = dt.datetime(2026, 12, 4, 20, 0, tzinfo=LONDON)
    assert policy.away_until(tuesday_ten) is None
    assert policy.away_until(friday_night) == dt.datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)


def test_queued_out_of_hours_says_when_the_team_is_back_and_the_contact() -> None:
    policy = HandoverPolicy(-100, OFFICE, "nurses@example.org")
    friday_night = dt.datetime(2026, 12, 4, 20, 0, tzinfo=LONDON)
    reply = compose_queued(policy, 7, friday_night)
    assert reply.title == texts.HANDOVER_QUEUED_TITLE.format(ticket=7)
    assert any("on Monday 7 December at 09:00" in p for p in reply.paragraphs)
    assert texts.HANDOVER_SOONER.format(contact="nurses@example.org") in reply.paragraphs
    assert actions(reply.buttons) == [END]
    in_hours = compose_queued(policy, 7, dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON))
    assert not any("at 09:00" in p for p in in_hours.paragraphs)


def test_when_text_says_today_tomorrow_or_the_date() -> None:
    now = dt.datetime(2026, 12, 1, 20, 0, tzinfo=LONDON)
    assert when_text(dt.datetime(2026, 12, 1, 21, 0, tzinfo=LONDON), now) == "today at 21:00 (Europe/London)"
    assert when_text(dt.datetime(2026, 12, 2, 9, 0, tzinfo=LONDON), now) == "tomorrow at 09:00 (Europe/London)"
    assert when_text(dt.datetime(2026, 12, 4, 9, 0, tzinfo=LONDON), now).startswith("on Friday 4 December")


def test_hours_text_for_always_open_and_for_office_hours() -> None:
    assert hours_text(HandoverPolicy(-100)) == texts.HANDOVER_HOURS_ANY
    assert hours_text(HandoverPolicy(-100, OFFICE)) == texts.HANDOVER_HOURS.format(hours=OFFICE.describe())


def test_an_open_ticket_and_a_closed_chat_offer_the_way_on() -> None:
    assert actions(compose_already_open(3).buttons) == [END]
    assert texts.HANDOVER_ALREADY_OPEN.format(ticket=3) in compose_already_open(3).paragraphs
    assert HANDOVER_ASK in actions(compose_closed("over").buttons)
