"""Safety replies: one first-aid text shared by the emergency reply and the article; medication and overdose."""

from pathlib import Path

from bot.content.intent import FIRST_AID_ARTICLE
from bot.content.knowledge import Library
from bot.core import texts
from bot.core.compose_safety import GUIDES, WHAT_TO_DO, compose_emergency, first_aid
from bot.core.engine import Engine
from bot.core.safety_state import NOT_A_SEIZURE
from bot.nlu.safety import SafetyFlag
from tests.helpers import REPO, copy_root

SEIZURE = SafetyFlag("emergency", "seizure_now: SEIZ", criterion="seizure_now")


def test_the_emergency_reply_reads_its_steps_from_the_first_aid_article() -> None:
    knowledge = Library(REPO).current
    _, steps = first_aid(knowledge, WHAT_TO_DO)
    assert len(steps) >= 5 and any("mouth" in s.text for s in steps)
    assert compose_emergency(knowledge, SEIZURE).bullets == steps


def test_editing_the_article_changes_the_emergency_reply_and_the_first_aid_answer(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    article = root / "content" / f"{FIRST_AID_ARTICLE}.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("- Time the seizure:", "- Look at a clock and time the seizure:"), "utf-8")
    engine = Engine(Library(root), "https://content.example")
    emergency = engine.respond("my son is having a seizure right now").reply.plain_text()
    answer = engine.respond("seizure first aid").reply.plain_text()
    assert "Look at a clock and time the seizure" in emergency and "Look at a clock" in answer


def test_without_the_article_the_emergency_reply_still_says_call_now(tmp_path: Path) -> None:
    root = copy_root(tmp_path)
    (root / "content" / f"{FIRST_AID_ARTICLE}.md").unlink()
    text = (root / "intents.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: seizure_first_aid")
    (root / "intents.yaml").write_text(text[:start] + text[text.index("  # --- Conversation ---"):], "utf-8")
    reply = compose_emergency(Library(root).current, SEIZURE)
    assert reply.title == texts.CALL_NOW_TITLE and reply.bullets[0].text == texts.FIRST_AID_MISSING


def test_overdose_gets_the_poisons_reply_and_self_harm_adds_the_crisis_line() -> None:
    knowledge = Library(REPO).current
    plain = compose_emergency(knowledge, SafetyFlag("emergency", "", criterion="overdose"))
    assert plain.title == texts.OVERDOSE_TITLE and "poisons line" in plain.paragraphs[0] and not plain.alert
    with_intent = compose_emergency(knowledge, SafetyFlag("emergency", "", criterion="overdose", crisis_too=True))
    assert with_intent.alert == texts.LINE_CRISIS


def test_stroke_gets_the_stroke_steps() -> None:
    reply = compose_emergency(Library(REPO).current, SafetyFlag("emergency", "", criterion="stroke_signs"))
    assert reply.paragraphs[0] == texts.STROKE_LEAD and reply.bullets[0].text == texts.STROKE_STEPS[0]


def test_a_bad_injury_gets_the_injury_steps_then_and_after() -> None:
    """A fall with heavy bleeding (no seizure): don't move them, press on the wound; the follow-up in its 30 minutes
    ("should I move her?") keeps to the injury, not the seizure steps."""
    engine = Engine(Library(REPO), "https://c.example")
    first = engine.respond("MARGARET HAS FALLEN AND CANNOT GET UP AND HER HEAD IS BLEEDING BADLY")
    assert first.kind == "emergency" and first.reply.paragraphs[0] == texts.INJURY_LEAD
    assert [b.text for b in first.reply.bullets] == list(texts.INJURY_STEPS)
    follow = engine.respond("THE AMBULANCE IS COMING. SHOULD I MOVE HER OR LEAVE HER WHERE SHE IS", first.context)
    assert follow.kind == "emergency" and follow.reply.bullets[0].text == texts.INJURY_STEPS[0]


def test_chest_pain_gets_its_own_steps_then_and_after_and_its_own_line() -> None:
    """Crushing chest pain (no seizure): sit them down, an adrenaline pen for an allergy; the follow-up keeps to
    those steps, not the seizure ones; a possible case gets the heart line above the answer."""
    engine = Engine(Library(REPO), "https://c.example")
    first = engine.respond("my husband has crushing chest pain and is sweating")
    assert first.kind == "emergency" and first.reply.paragraphs[0] == texts.HEART_ALLERGY_LEAD
    assert [b.text for b in first.reply.bullets] == list(texts.HEART_ALLERGY_STEPS)
    follow = engine.respond("ok they're on their way, what do i do", first.context)
    assert follow.kind == "emergency" and follow.reply.paragraphs[0] == texts.FOLLOW_HEART_ALLERGY_LEAD
    assert follow.reply.bullets[0].text == texts.HEART_ALLERGY_STEPS[0]
    possible = engine.respond("i have chest pain is it the ms hug")
    assert texts.LINE_HEART_ALLERGY in possible.reply.alert


def test_every_emergency_with_its_own_steps_is_one_whose_follow_ups_are_not_about_a_seizure() -> None:
    assert set(GUIDES) == set(NOT_A_SEIZURE)
