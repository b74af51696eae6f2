"""`explain`: why the bot answers a question the way it does (safety, the decision, the ranked candidates).

Shared by `python -m bot explain` (bot/commands/ask.py) and the admins' /explain in Telegram.
"""

from __future__ import annotations

from bot.core.engine import Engine


def explain_lines(engine: Engine, question: str) -> list[str]:
    """Human-readable reasoning for one question ."""
    knowledge = engine.knowledge
    flag = knowledge.safety.check(question)
    lines = []
    if flag:
        reply = "the safety reply alone" if flag.certain else "a safety line on top of the answer"
        lines.append(f"SAFETY: {flag.kind}, {flag.tier} ({reply}), criterion {flag.criterion}; concepts: "
                     f"{flag.rule.partition(': ')[2][:120]}")
    match = knowledge.matcher.match(question)
    settings = knowledge.intent_file.settings
    lines.append(f"decision: {match.status} {match.intent_id or ''} score={match.score} "
                 f"(threshold {settings.threshold:g}, margin {settings.ambiguity_margin:g}) {match.reason}".rstrip())
    if not match.candidates:
        lines.append("no keyword matched any word of the message")
    if match.options:
        lines.append(f"offered (Did you mean): {', '.join(match.options)}")
    if match.foreign:
        lines.append(f"health words no article covers: {', '.join(match.foreign)}")
    for rank, c in enumerate(match.candidates, 1):
        lines.append(f"{rank}. {c.intent_id:<36} {c.score:5.1f}  (keywords {c.keyword_score:5.1f}, examples "
                     f"{c.example_score:5.1f})  keyword: {c.keyword!r}  words: {', '.join(c.words)}")
    return lines
