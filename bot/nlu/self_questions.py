"""Questions about the bot itself ("are you a doctor?", "am I talking to a real person?", "what are you?").

Their telling words are pronouns and filler ("are you", "am I talking to"), which matching drops, and what is
left ("real person", "human") is how people ask to talk to one (the handover intent). So these are read by
pattern, before matching, and answered with the `about_bot` intent's reply.
"""

from __future__ import annotations

import re

from bot.nlu.message import Message

ABOUT_BOT = "about_bot"
_THING = r"doctor|dr|nurse|pharmacist|chemist|therapist|person|human|human being|bot|robot|ai|machine|chatbot|" \
         r"computer|program|medical professional|health professional|professional|chatgpt|automated|automatic|" \
         r"qualified|medically qualified|medically trained|trained|llm|language model|large language model|gpt|" \
         r"call centre|call center|helpline|help line|hotline"


def _patterns(thing: str, start: str = "^") -> re.Pattern[str]:
    what = rf"(?:a |an |actually a |really a |even a |just a )?(?:real |actual |proper |qualified |live )?(?:{thing})" \
        r"(?: service| system| assistant| program| thing| reply| replies| answering service)?"
    either = rf"{what} or (?:with |to )?{what}"  # "bot or human", "a doctor or a machine"
    return re.compile("|".join((
        rf"{start}(?:hi |hey |so |ok |okay |but |wait )?(?:are|r) (?:you|u|ya) {what}$",
        rf"{start}(?:so |ok |wait )?(?:you|u|youre|ur)(?: are| r)? {what}$",  # a learner's question: "you are human?", "you doctor?"
        # "are you a real person, or one of these computer programmes ...": the other choice may run on
        rf"{start}(?:hi |hey |so |ok |okay |but |wait )?(?:are|r) (?:you|u|ya) {what} or\b",
        rf"{start}is (?:there|it) (?:a |an )?(?:real |actual |live )?(?:person|human|human being|someone|somebody)"
        r" (?:typing|writing|answering|replying|behind)\b",
        rf"\bam i (?:(?:talking|speaking|chatting|writing|corresponding|texting) (?:to|with)|addressing) (?:{either}|{what})$",
        rf"{start}(?:are (?:you|u) |is (?:this|it) )?{either}$",
        rf"{start}(?:hi |hey |hello |so |ok )?is (?:this|that|it) {what}$",
        # "hello is this the nurse": the whole message (not "... or is that the pharmacist?" about a chart)
        rf"^(?:hi |hey |hello |so |ok )?is (?:this|it) the (?:{thing})$",
        # "is this thing free to use?", "do i have to pay to use this" (not "do we have to pay for it", a treatment)
        rf"{start}(?:hi |hey |hello |so |ok )?(?:is|are) (?:this|you|u|this bot|the bot|this service|this thing|"
        r"this app|this chat) (?:really |actually |totally |completely )?free(?: to use)?$",
        r"^(?:so |ok |and )?(?:do|will) (?:i|we) (?:have to|need to|ever have to) pay (?:to use (?:this|you|the bot)|"
        r"for (?:this bot|this service|this app|using this|using you|the bot))$",
        r"^(?:so |ok |and )?(?:what|wat|wot|who) (?:are|r) (?:you|u)$",
        # "what are you, some pharma product?"
        r"^(?:so |ok |and )?(?:what|wat|wot) (?:are|r) (?:you|u) (?:some|a|an|just) (?:kind of |sort of )?\w+(?: \w+)?$",
        rf"{start}(?:so |ok |and )?who (?:am i|are we) (?:actually |really |even )?(?:talking|speaking|chatting|writing)"
        r" (?:to|with)$",
        rf"{start}what (?:is|s) this (?:service|bot|thing|chat|app)$",
        rf"{start}is (?:this|it) (?:chat |service |conversation |app |thing )?(?:an? )?(?:real |actual |live )?(?:automated|automatic|{thing})"
        r"(?: service| chat| answering| replying| typing| writing)?$",
        r"^what (?:kind|sort|type) of (?:service|thing|bot|chat|app) is (?:this|it)$",
        rf"{start}is (?:this|it) the (?:ms |epilepsy |nurse |nurses )?(?:helpline|help line|hotline|nurse line|advice line)$",
        r"\b(?:who|whos|who is) (?:even |actually |really )?(?:made|make|makes|built|build|created|create|wrote|writes|"
        r"runs|running|is behind|behind|funds|funding|funded|pays for|paying for|paid for|pays|paid|owns|sponsors|"
        r"sponsoring|sponsored|designed|programmed) (?:you|this bot|this|these "
        r"answers|the answers|this thing|this stuff|this service|the bot|this app)$",
        # "You speak English only?", "do you understand polish", "can u answer in spanish"
        r"^(?:so |ok |okay |and |but )?(?:do |can |does |will )?(?:you|u|this bot|the bot|it) (?:only |just )?(?:speak|"
        r"speaks|understand|understands|read|reads|know|knows|talk|work|works|answer|answers|reply|replies|write|"
        r"writes)(?: in)? (?:english|french|spanish|german|polish|italian|portuguese|arabic|urdu|hindi|chinese|"
        r"russian|ukrainian|romanian|turkish|dutch|other languages|another language|any other languages?|my "
        r"language)(?: only| too| as well| also)?$",
        # "are you written by doctors?", "is this checked by nurses"
        r"^(?:so |ok |and |but )?(?:are|were|is|was) (?:you|u|this|it|these answers|the answers|your answers|this info|"
        r"the info|this information|the information) (?:all |actually |really )?(?:written|checked|reviewed|made|created|"
        r"approved|designed|built) by (?:real |actual |qualified )?(?:doctors?|nurses?|experts?|professionals|"
        r"specialists?|neurologists?|a doctor|medical people|medical staff|humans|people)$",
        # "so who decides what you're allowed to tell me", "who decided what you tell people"
        r"\bwho (?:decides|chooses|controls|says) what (?:you|u|youre)(?: re| are| r)? (?:allowed|able|permitted) to "
        r"(?:say|tell|share)(?: me| us| people)?$",
        r"\bwho (?:decides|decided|chooses|chose|picks|picked|writes|wrote) what (?:you|u|this bot|the bot) (?:say|says|"
        r"tell|tells|share|shares|answer|answers)(?: me| us| people)?$",
        # "do you have references I can cite?", "can you give me your sources"
        r"^(?:so |ok |and |also )?(?:do|can|could) (?:you|u) (?:have|give|share|send|show|list)(?: me| us)? (?:any |some |"
        r"the |your )?(?:references|sources|citations|studies you use)(?: (?:i|we) (?:can|could) (?:cite|quote|use|read))?$",
        # "is this anonymous?", "does anyone read these?", "who can see my messages"
        r"^(?:so |ok |and )?(?:is|are) (?:this|it|my messages|these chats|this chat|our chat) (?:anonymous|private|"
        r"confidential|secure)$",
        r"^(?:so |ok |and )?(?:does|do|will|can) (?:anyone|anybody|someone|a person|a human|staff|real people) "
        r"(?:read|see|look at|check) (?:these|this|my messages|what i (?:write|type|say))$",
        r"\bwho (?:reads|sees|can see|can read|looks at) (?:these|this|my messages|what i (?:write|type))$",
        # "Are you just a marketing tool for a drug company?"
        r"\b(?:are you|is this|is it|is this bot) (?:just |only |really )?(?:a |an )?(?:marketing|advertising|sales) "
        r"(?:tool|thing|exercise|gimmick|ploy)(?: for (?:a |the )?(?:drug|pharma|pharmaceutical) (?:company|companies|"
        r"industry))?$",
        r"\bwhere (?:does|do|is) (?:your|the|this) (?:info|information|answers?|content|advice)(?: come| comes)? from$",
        r"^what are your sources$",
        # ... "who wrote the information you give out", "who wrote the stuff you tell people"
        r"\bwho (?:wrote|writes|checked|checks|reviewed|reviews) (?:the|this|your|these) (?:info|information|answers?|"
        r"content|articles?|stuff)(?: (?:that |which )?(?:you|u|this bot|the bot|it|this service|this chat) (?:give|gives|"
        r"use|uses|tell|tells|share|shares|send|sends|show|shows)(?: out| people| me| us)?)?(?: on here| in here| here)?$",
        r"\bis (?:this|it|the bot|this service|this chat|this bot) (?:staffed|run|manned|answered|monitored) by (?:real |"
        r"actual )?(?:nurses?|doctors?|people|humans?|staff|professionals|a person|someone|volunteers)$",
        r"\b(?:do|does|will) (?:you|u|this|it|this bot) (?:keep|store|save|record|log|remember) (?:what i (?:type|write|"
        r"say|send)|my (?:messages?|data|chats?|questions?|info|information|details)|our (?:chats?|conversations?)|this "
        r"(?:chat|conversation))$",
        r"\b(?:is this|are you|is it|is this bot) (?:run|paid|funded|sponsored|made) by (?:a |the )?(?:pharma|drug|"
        r"pharmaceutical)(?: company| companies| industry)?$",
        r"^(?:so |ok |but )?(?:is|are) (?:this|you|u|this bot|this info|this information|your info|your information|"
        r"these answers|your answers) (?:even |actually |really )?(?:reliable|accurate|trustworthy|up to date|safe to use)$",
        r"^can i trust (?:you|this|these answers|the answers|your answers|this information)$",
    )))


_PATTERNS = _patterns(_THING + "|real")  # "is this real?" on its own asks about us ...
_CLAUSE_PATTERNS = _patterns(_THING, r"\b")  # ... but in a longer message it is about what came before ("is that real")


# Tags after the question ("are you a doctor y/n", "are u a bot or what lol"): the question is the same
_TAIL = re.compile(r"(?:\s+(?:y n|yn|y or n|yes or no|honestly|really|tho|though|lol|lmao|seriously|please|pls|plz|"
                   r"or what|or not|right|ok|okay|then|even|by the way|btw|anyway|out of interest|just curious|just wondering|this whole time|the whole time|"
                   r"all this time|all along|right now|now|dear|love|hun|mate))+$")
MAX_SENTENCES = 4  # the question is asked first or soon ("are you a bot? I need to know"): a few suffice


def asks_about_the_bot(message: Message) -> bool:
    """True for a question about what the bot is or where its answers come from, as the whole message or at
    the end of one of its first sentences ("who runs this, are you a nurse?", "are you a bot? I need...")."""
    if _PATTERNS.search(_TAIL.sub("", message.text)):
        return True
    return any(_CLAUSE_PATTERNS.search(_TAIL.sub("", " ".join(s.words))) for s in message.sentences[:MAX_SENTENCES])
