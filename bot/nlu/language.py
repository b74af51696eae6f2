"""Is a message in another language? Cheap checks, so that the reply can say plainly that only English works.

Two signs, either enough: most letters outside the Latin script (Cyrillic, Arabic, Chinese...), or more
function words of another language than of English ("que es la esclerosis multiple", "was ist das").
Words that are also English ("die", "son", "come", "pour") are not on the lists, so an English message
with one foreign word ("a deja vu seizure") stays English.
"""

from __future__ import annotations

import unicodedata

from bot.nlu.message import Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and greetings common in messages, accents already folded (as bot.normalise.clean does).
FOREIGN_WORDS = _words("""
    que el los las es por para como una del esta estoy tengo puedo cual cuales hola gracias enfermedad
    esclerosis epilepsia tratamiento porque muy pero mas
    les est une des avec je vous cette quoi comment pourquoi sont bonjour merci sclerose epilepsie
    maladie traitement qu ce moi mais tres
    der das ist und nicht ich wie mit ein eine mein meine sind kann hallo danke krankheit behandlung
    sklerose welche warum auch oder
    che il sono della cosa perche ciao grazie malattia sclerosi epilessia cura
    nao voce com doenca esclerose obrigado obrigada tratamento
    het een niet ik hoe mijn zijn ziekte
    jest czy nie jak mam sie co
    nedir ve bir hastalik
    och ar hur
""")
ENGLISH_WORDS = _words("""
    the is are what how why can do does i you my me it a an and of to for with in on have has be was this
    that there about should would could will any get got from or if not no
""")
GREETINGS = _words("hola bonjour hallo ciao merci gracias danke obrigado grazie salut")
MIN_LETTERS = 2


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text[:MAX_MESSAGE_CHARS] if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return 0.0
    foreign = sum(1 for ch in letters if not unicodedata.name(ch, "").startswith("LATIN"))
    return foreign / len(letters)


def is_other_language(message: Message) -> bool:
    """True when the message is most likely not English."""
    if _non_latin_share(message.raw) > 0.5:
        return True
    words = message.words
    foreign = sum(1 for w in words if w in FOREIGN_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    if len(words) == 1:
        return words[0] in GREETINGS
    return foreign >= 2 and foreign > english
