"""`explain`: why the bot answers a question the way it does (the decision and why, then the matcher's verdict
and its ranked candidates).

Shared by `python -m bot explain` (bot/commands/ask.py) and the admins' /explain in Telegram.
"""

from __future__ import annotations

from bot.core.decide import match_message
from bot.core.engine import Engine
from bot.nlu.message import Message


def explain_lines(engine: Engine, question: str) -> list[str]:
    """Human-readable reasoning for one question: the decision and why, then the matcher's verdict and
    candidates, even when safety decided first."""
    knowledge = engine.knowledge
    message = Message(question)
    decision = engine.decide(message)
    flag = decision.flag
    lines = []
    if flag:
        reply = "the safety reply alone" if flag.certain else "a safety line on top of the answer"
        lines.append(f"SAFETY: {flag.kind}, {flag.tier} ({reply}), criterion {flag.criterion}; concepts: "
                     f"{flag.rule.partition(': ')[2][:120]}")
    lines.append(f"answer: {decision.kind} {decision.intent_id or ''} ({decision.why})")
    match = decision.match or match_message(knowledge.matcher, message)
    settings = knowledge.intent_file.settings
    lines.append(f"match: {match.status} {match.intent_id or ''} score={match.score} "
                 f"(threshold {settings.threshold:g}, margin {settings.ambiguity_margin:g}) {match.reason}".rstrip())
    if not match.candidates:
        lines.append("no keyword matched any word of the message")
    if match.options:
        offered = "offered (Did you mean)" if match.status == "ambiguous" else "close rivals (the answer's buttons)"
        lines.append(f"{offered}: {', '.join(match.options)}")
    if match.foreign:
        lines.append(f"health words no article covers: {', '.join(match.foreign)}")
    for rank, c in enumerate(match.candidates, 1):
        lines.append(f"{rank}. {c.intent_id:<36} {c.score:5.1f}  (keywords {c.keyword_score:5.1f}, examples "
                     f"{c.example_score:5.1f})  keyword: {c.keyword!r}  words: {', '.join(c.words)}")
    if knowledge.topic_net is not None:  # the topic net: weighed after the keywords (bot.core.decide.with_the_net)
        ranked = sorted(knowledge.topic_net.probabilities(message).items(), key=lambda pair: -pair[1])[:3]
        lines.append("topic net: " + ", ".join(f"{label} {p:.2f}" for label, p in ranked))
    net = knowledge.safety.net  # the crisis second net: adds the crisis line where the rules read nothing
    lines.append(f"crisis net: p={net.probability(message):.2f} (adds the crisis line at >= {net.fires_at:.2f} when "
                 "the rules find nothing)")
    return lines
