"""Is a message in another language? Cheap checks, so that the reply can say plainly that only English works.

Two signs, either enough: most letters outside the Latin script (Cyrillic, Arabic, Chinese...), or more
function words of another language than of English ("que es la esclerosis multiple", "was ist das").
Words that are also English ("die", "son", "come", "pour") are not on the lists, so an English message
with one foreign word ("a deja vu seizure") stays English.
"""

from __future__ import annotations

import re
import unicodedata

from bot.nlu.message import Message
from bot.nlu.normalise import MAX_MESSAGE_CHARS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and greetings common in messages, accents already folded (as bot.normalise.clean does). Not the
# ones English texting writes too ("im", "er", "wat", "ma", "van", "hay", "den", "mon", "ar", "sin"): "er im
# scared" is English.
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
    czy sie jest objawy leczenie choroba stwardnienie stwardnienia rozsianego padaczka padaczki
    nedir nasil mu midir var mı tedavi tedavisi hastaligi hastaliginda yarar yariyor icin
    quais qual sao os ajuda doenca sintomas esclerose epilepsia
    della delle sclerosi epilessia encefalite
    zijn de oorzaken hoe ziekte behandeling precies waarom
    ni nini kifafa gani je
    ka kya hain ki ko mirgi ilaj kaise kyun
    benh duoc khong
    apa bagaimana penyakit
    mi madre padre hijo hija tiene esposo esposa hermano hermana
    hej vad dotter sonen jag inte gora hjalp sjukdom behandling epilepsi
    buna ziua sotul sotia fiul fiica tratament exista boala scleroza
    anak saya ada yang perlu buat boleh
    se puede puedes pueden donde cuando tambien ahora siempre nunca hacer tiene tienen sin sobre entre hasta
    wird werden zu dem auf fur gegen bei hilft sie uns ihr haben habe gibt wenn dann schon noch lange
    kunt mij uitleggen graag wil goedemiddag oorzaak heeft worden kan ook bij dit voor
    mio figlio figlia ogni giorno cosa posso fare aiuto favore informazioni sulla sulle questo anche molto
    dans sur qui avec pas est mes fils fille peut faire aussi tres bien
    moj moja syn corka mozna dlaczego
    yra kas ji jis mano kaip gali
    ang ano ng mga po kapag salamat paalam kumusta
    yw beth sy cad bhfuil ann
    sawubona umama ngingenzani
    ina yin magana likita
""")
# Latin letters English never writes, except in a few loanwords ("deja vu", "cafe", "naive"): each word
# with one is a sign of another language (Polish "ł", Turkish "ı", Vietnamese "ệ", Portuguese "ã").
ENGLISH_LOANWORDS = _words("déjà café naïve fiancé fiancée résumé façade cliché über crème brûlée")
ENGLISH_WORDS = _words("""
    the is are what how why can do does i you my me it a an and of to for with in on have has be was this
    that there about should would could will any get got from or if not no
""")
GREETINGS = _words("hola bonjour hallo ciao merci gracias danke obrigado grazie salut")
MIN_LETTERS = 2
_RAW_WORD = re.compile(r"[^\W\d_]+")  # runs of letters, any script
_ELISION = re.compile(r"\b(?:l|qu|c|j|dell|nell|all|dall|sull)['\u2019][aeiouhàèéìòù]")


def _non_latin_share(text: str) -> float:
    letters = [ch for ch in text[:MAX_MESSAGE_CHARS] if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return 0.0
    foreign = sum(1 for ch in letters if not unicodedata.name(ch, "").startswith("LATIN"))
    return foreign / len(letters)


def _accented_words(text: str) -> int:
    """How many words carry a Latin letter outside ASCII (loanwords apart), or the elided article of French
    or Italian ("l'epilessia", "qu'est", "c'è")."""
    text = text[:MAX_MESSAGE_CHARS].lower()
    words = _RAW_WORD.findall(text)
    return sum(1 for w in words if not w.isascii() and w not in ENGLISH_LOANWORDS) + len(_ELISION.findall(text))


def is_other_language(message: Message) -> bool:
    """True when the message is most likely not English."""
    if _non_latin_share(message.raw) > 0.5:
        return True
    words = message.words
    # Spanish opens a question or an exclamation upside down: "¿" is a sign no English message gives
    foreign = sum(1 for w in words if w in FOREIGN_WORDS) + _accented_words(message.raw) + \
        message.raw.count("\u00bf") + message.raw.count("\u00a1")
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    if len(words) == 1:
        return words[0] in GREETINGS
    return foreign >= 2 and foreign > english
