"""Questions about the bot itself ("are you a doctor?", "am I talking to a real person?", "what are you?").

Their telling words are pronouns and filler ("are you", "am I talking to"), which matching drops, and what is
left ("real person", "human") is how people ask to talk to one (the handover intent). So these are read by
pattern, before matching, and answered with the `about_bot` intent's reply.
"""

from __future__ import annotations

import re

from bot.nlu.message import Message

ABOUT_BOT = "about_bot"
_WHAT = r"(?:a |an |actually a |really a |even a |just a )?(?:real |actual |proper |qualified |live )?" \
        r"(?:doctor|dr|nurse|person|human|human being|bot|robot|ai|machine|chatbot|computer|program|real|" \
        r"medical professional|professional|chatgpt)"
_PATTERNS = re.compile("|".join((
    rf"^(?:hi |hey |so |ok |okay |but |wait )?(?:are|r) (?:you|u|ya) {_WHAT}$",
    rf"\bam i (?:talking|speaking|chatting|writing) (?:to|with) {_WHAT}$",
    rf"^is (?:this|that|it) {_WHAT}$",
    r"^(?:so |ok |and )?(?:what|who) (?:are|r) (?:you|u)$",
    r"\bwho (?:made|built|created|wrote|writes|runs|is behind) (?:you|this bot|this|these answers|the answers)$",
    r"\bwhere (?:does|do|is) (?:your|the|this) (?:info|information|answers?|content|advice)(?: come| comes)? from$",
    r"^what are your sources$",
    r"^can i trust (?:you|this|these answers|the answers|your answers|this information)$",
)))


def asks_about_the_bot(message: Message) -> bool:
    """True for a question about what the bot is or where its answers come from."""
    return bool(_PATTERNS.search(message.text))
