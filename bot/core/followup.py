"""Is a message a follow-up to the last answer, and of which kind? Plain functions of the text and the snapshot.

A follow-up leans on the chat's context; everything else is read on its own. The rules (issue 13):
* "more", "tell me more", "go on": the next passage of the section shown, then the full article;
* a facet of the last topic ("side effects?", "and for children?", "how long does it last"): the related
  section when an article has one, else a plain "the article doesn't cover that";
* a question about treating it ("what can be done?", "is there a cure?", "how is it treated"): the treatment
  topic the admin listed among the last topic's `follow_ups`, when one has `treatments: true`;
* a short or anaphoric message that finds nothing on its own ("is it inherited?", "and treatment?")
  borrows the last topic's words, but never crosses into the other disease; "which ones?" points back as a
  pronoun does;
* the user's own plan ("ok I'll ask my neuro") is not a question: it borrows nothing;
* a bare "hmm", "ok", "thanks" or a number is never a follow-up: it has no word of its own to follow with;
* nor is a sum ("whats 12 times 7"): it is far out of scope, whatever word it shares with the last topic.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.content.articles import Section
from bot.content.intent import Intent
from bot.content.knowledge import Knowledge
from bot.core.fallback import names_diseases
from bot.nlu.matcher import match_words
from bot.nlu.message import Message

# The word a follow-up borrows from the last topic when it was not an answer: "and treatment?" after MS.
TOPIC_WORDS = {"ms": "ms", "epilepsy": "epilepsy", "neuro-immune": "immune"}
DISEASE_TOPICS = frozenset(("ms", "epilepsy"))  # article topics that are one disease (neuro-immune spans them)

SHORT_WORDS = 6  # typed words: a follow-up is short ...
CAUSE_WORDS = 12  # ... a question of its own asking what causes a topic may say a little more
FOLLOW_UP_CHARS = 300  # longer messages are never read as follow-ups (and never matched a second time)
# Replies that only acknowledge: never read as a question about the last topic.
_BARE = frozenset(["hmm", "hm", "hmmm", "mm", "ok", "okay", "k", "kk", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "thanks", "thank", "you", "ty", "thx", "cheers", "cool", "right", "sure", "fine", "great", "good", "nice", "wow", "oh", "ah", "ahh", "aha", "lol", "lmao", "haha", "idk", "dunno", "whatever", "alright", "so", "and", "um", "umm", "uh", "er", "erm", "interesting", "really", "true", "see", "i"])
_ANAPHORA = frozenset(["it", "its", "this", "that", "these", "those", "they", "them", "their", "there", "he", "she", "his", "her",
                       "which", "ones", "else", "instead"])  # "which ones?", "which foods": picking among what the last answer
# named; "what else plays a role": beyond it; "what can be done instead of more meds": beside it
# "ok I'll ask my neuro", "we will mention it at her appointment": the user's own plan, not a question about the
# last topic (a plan asked about, "I'll be fine on it?", still is). Read on the raw text: cleaning turns "I'll"
# into "ill".
_PLAN = re.compile(r"^(?:(?:ok|okay|ok then|right|fine|alright|sure|thanks|thank you|cheers)\b[\s,.!]*)*"
                   r"(?:i|we)(?:['’]ll| will| shall|['’]m going to| am going to|['’]re going to| are going to)\s")
LEADS = ("and ", "what about ", "how about ", "so ", "but ", "also ", "then ")  # ... or leans on the last answer
# Closing a conversation in one's own words: "ok we'll ring the neuro team tomorrow, thank you", "cheers, laters"
_GOODBYE = re.compile(r"\b(?:bye|goodbye|bye bye|byee+|laters|see ya|see you|cya|signing off|good night|goodnight|"
                      r"take care|night night|gtg|g2g|ttyl|gotta go|got to go|cheerio|ta ra|tara for now|ttfn|"
                      r"peace out|khodahafez|khuda hafiz|allah hafiz)\b"
                      # a parting that is the whole message, or follows "ok", "right": "ok night", "right im off",
                      # "need to go" (not "her bladder at night", "she needs to go to the toilet")
                      r"|^(?:(?:ok|okay|right|well|anyway|alright|k)\s+)?(?:(?:good\s*)?night(?: x+)?|nite|nighty night|peace|"
                      r"(?:i\s*m|i am|im) off(?: now| then)?|(?:i\s+)?(?:need|have|must) to (?:go|run|dash)|must go|"
                      r"gotta (?:run|dash)|got to (?:run|dash)|that s me done|thats me done)$"
                      # "great. thats all", "That's all for today.", "Good to know. So long."
                      r"|^(?:(?:ok|okay|right|well|alright|k|great|good|fine|cool|perfect|lovely|brilliant|grand|"
                      r"good to know|great thanks|ok thanks|thanks|thank you|cheers|ta)\s+)?(?:(?:that s|thats|that is) (?:all|it|everything)"
                      r"(?: for (?:now|today|tonight|the moment|me))?(?: thanks| thank you| cheers)?|so long)$"
                      # "have to go, buzzer going" (not "i have to go to the hospital")
                      r"|^(?:(?:ok|okay|sorry|right)\s+)?(?:i\s+)?(?:need|have|must|gotta|got) to (?:go|run|dash)\b"
                      r"(?! to\b| and\b| for\b| in\b| into\b| back\b| through\b)(?: \w+){0,3}$")
_THANK_WORDS = r"thanks|thank you|thank u|thanx|thx|ty|cheers"
_ACK = r"ok+|okay|okey|k|kk|great|cool|fine|alright|all\s+right|got\s+it|noted|understood|perfect|brilliant|" \
       r"lovely|ok\s+then|oh\s+ok|ah\s+ok|i\s+see|makes\s+sense|good|nice|right|sure|fair\s+enough|will\s+do"
# An acknowledgement that is the whole message, with a sigh or laugh around it ("lol ok", "ugh fine", "OK.")
_ACKNOWLEDGED = re.compile(rf"^(?:(?:lol|ugh|oh|ah|hmm|well|right|yeah|yes|ok|okay)\s+)?(?:{_ACK})"
                           rf"(?:\s+(?:{_ACK}|then|thx|lol|x+))*$")
# ... and "ok good to know", "that helped": a closing that thanks without the word
_THANKS = re.compile(rf"\b(?:{_THANK_WORDS}|ta|much appreciated|appreciate it|much obliged)\b|"
                     r"^(?:(?:ok|okay|right|great|oh|ah)\s+)?(?:(?:that s|thats|that is|very|really|so) )?(?:good to know|"
                     r"useful to know|helpful|very helpful|that helps|that helped|thats helpful|that s helpful|"
                     r"useful|that was useful|that was helpful)(?: thanks| thank you| cheers)?$")
_PERSON = re.compile(r"\b(?:(?:talk|speak|chat|discuss (?:this |it |that )?)\s*(?:to|with)|get hold of|get through to|"
                     r"(?:connect|transfer|put|pass|hand)\s+(?:me|us)\s+"
                     r"(?:through\s+|over\s+|on\s+)?(?:to|with|onto))\s+(?:(?:a|an|the|some|one of the|one of your|"
                     r"one of ur|a real|an actual|"
                     r"real|actual|the on call|the oncall|an on call)\s+)?(?:(?:ms|epilepsy|specialist|"
                     r"live|on call|oncall)\s+)?"
                     r"(?:nurse|nurses|person|human|humans|someone|somebody|advisor|adviser|staff|team|doctor|"
                     r"doctors|dr|specialist|neurologist|pharmacist|chemist)\b")
# ... and one's own nurse ("Can I talk to my MS nurse instead?", "get hold of her MS nurse"), not one's own doctor
# ("should i talk to my neurologist about vns" asks whom to ask)
_OWN_NURSE = re.compile(r"\b(?:talk|speak|chat|discuss (?:this |it |that )?)\s*(?:to|with)\s+(?:my|her|his|our|their)\s+"
                        r"(?:ms |epilepsy |specialist )?nurses?\b|\b(?:get hold of|get through to)\s+(?:my|her|his|our|"
                        r"their)\s+(?:ms |epilepsy |specialist )?nurses?\b")
# A courtesy said before the message proper ("Good morning, what is epilepsy?", "thanks! and for kids?"): its words
# outweigh a short question's, so the message is read again without it. Read on the raw text, from its start.
_GREETING = (r"(?:hi+|hello+|hey+|hiya|heya|howdy|hallo|yo+|greetings|dear (?:sir|madam|all|team|bot)|"
             r"good (?:morning|afternoon|evening|day)|(?:morning|evening)(?=\s*[,.!]|\s*$))")  # not "morning jerks ..."
_THANKED = rf"(?:(?:ok|okay|great|cool|right)[\s,.!]+)?(?:{_THANK_WORDS}|many thanks)"
# ("Right. Hello.", "Sorry. Hello. I am from Vietnam": a word before the greeting changes nothing)
_COURTESY = re.compile(rf"^\W*(?:(?:right|ok|okay|so|sorry|um+|erm+|well|oh)\W+)?(?:(?P<greeting>{_GREETING})|"
                       rf"(?P<thanks>{_THANKED}))"
                       r"(?:\s+(?:there|all|everyone|again|so much|very much|a lot|team|bot))*\b[\s,.!:;~\-]*",
                       re.IGNORECASE)
THANKS_ID, GOODBYE_ID = "thanks", "goodbye"  # the smalltalk a closing is answered with
GREETING_ID = "greeting"
HELP_ID = "help"  # "how do i use this"; after a crisis reply "nobody can help" is no such question
# Salutations that also take leave ("Good day to you."): a goodbye once the conversation has begun
_PARTING = re.compile(r"^(?:(?:very good|ok|okay|right|well)[.,!]*\s+)?good day(?: to you)?(?: (?:sir|madam|all))?[.!]*$")
CLOSING_IDS = frozenset((THANKS_ID, GOODBYE_ID))
_ASKING = frozenset(("what", "whats", "wat", "wot", "wats", "how", "why", "when", "where", "which", "who"))
# Auxiliaries ask only at the head of a sentence ("is it treatable", "but can she drive"): "the ambulance is here"
# tells
# what opens a question after a thanks (not "ok thx will try her gp tmrw": a plan told)
_ASKING_AFTER_THANKS = frozenset(("can", "could", "should", "would", "does", "do"))
_ASKED_OF = frozenset(("it", "there", "this", "that", "he", "she", "they", "ms", "epilepsy"))  # "is it ...", "are they"
_ASKING_FIRST = frozenset(("can", "could", "should", "would", "is", "are", "does", "do", "did", "will", "but", "and"))

_MORE = re.compile(
    r"^(?:(?:and|ok|okay|yes|yeah|please|pls|so)\s+)*"
    r"(?:more|tell me more|say more|more please|more info|more information|more details|go on|carry on|continue|"
    r"keep going|what else|anything else|and then|next|elaborate|explain more|tell me more about (?:it|that|this)|"
    r"can you tell me more|can you say more|i want to know more|i d like to know more|id like to know more)"
    r"(?:\s+(?:please|pls|thanks))?$")
# Asking the last answer to explain itself ("like what?", "how?", "how does it work?", "explain simpler"): the
# same topic, next passage. Alone, these words find nothing (or the bot's own help), so they are read here.
_ELABORATE = re.compile(
    r"^(?:(?:and|ok|okay|so|but|hmm|sorry)\s+)*"
    r"(?:like what|such as|for example|for instance|examples?|any examples?|how|how so|why|why is that|in what way|"
    r"how (?:does|would|could|can) (?:it|that|this) (?:even |actually |really |exactly )?work|"
    r"how do (?:they|these|those) (?:even |actually |really |exactly )?work|how is (?:it|that) done|"
    r"what do you mean|meaning|explain|explain (?:it|that|this)|explain (?:it |that |this )?(?:simpler|more simply|"
    r"again|better|in simple words|in plain english)|in simple words|in plain english|simpler|"
    r"y tho|y though|y is that|wdym|wym)"  # texting: "y tho" is "why though"
    r"(?:\s+(?:please|pls|plz|then|exactly|though|tho))*$")
# Everyday activities asked about ("can he still drive"): no article covers them
_DAILY = (r"\b(?:play|plays|drive|swim|travel|fly|cook|bathe?|shower|ride|cycle|attend|"
          r"(?:go back|get back|return) to (?:school|work|college|uni|university|nursery|class|lessons|the office|"
          r"sport|playing|driving|normal life)|"
          r"go (?:to|on) (?:school|work|college|uni|university|nursery|the gym|gym|a party|parties|festivals?|"
          r"concerts?|holiday|a holiday|trips?|a trip|the trip|sleepovers?|a sleepover)|"
          r"come (?:on|to) (?:the |a )?(?:trip|residential|school trip|camp|sleepover)|"
          r"do (?:pe|sport|sports|gym|swimming|exams?|his exams|her exams|my exams)|work|stay (?:home )?alone|"
          r"be left alone|live (?:alone|independently|on (?:his|her|my|their) own)|have (?:a )?(?:bath|sleepover))")
# asked, not told ("he needed a hospital stay in 2023")
_HOSPITAL_STAY = re.compile(r"\bhow long (?:\w+ ){0,3}(?:in|stay in|stays in|kept in) (?:the )?hospital\b|"
                            r"\bhow long (?:\w+ )?(?:is|are|would be|will be) (?:the |a )?hospital stays?\b|"
                            r"\bhow (?:many|much) (?:days|nights|weeks|time) (?:\w+ ){0,2}in (?:the )?hospital\b")
_IMPLANT_SCANS = re.compile(r"\b(?:mri|mris|mri scans?)\b (?:\w+ ){0,3}with (?:\w+ ){0,3}(?:in|implant|implanted|"
                            r"inside|device|stimulator|fitted)\b")
# A facet of a topic, asked on its own after an answer. The words find the related section in an article.
FACETS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # (in the message, in a section's heading or text)
    "side_effects": (re.compile(r"\bside ?effects?\b|\badverse\b|\breactions?\b"),
                     re.compile(r"\bside[- ]effects?\b|\badverse (?:effects?|reactions?)\b", re.IGNORECASE)),
    "children": (re.compile(r"\b(?:child|children|childs|kid|kids|kiddos?|paediatric|pediatric|babies|baby|toddlers?|"
                            r"teens?|teenagers?|young people|under 18s?|infants?)\b"),
                 re.compile(r"\b(?:child|children|paediatric|pediatric|babies|infants?|teenagers?|young people)\b",
                            re.IGNORECASE)),
    # "is it contagious?": no article says whether it spreads from person to person
    "contagion": (re.compile(r"\b(?:contagious|transmissible)\b"),
                  re.compile(r"\b(?:contagious|transmissible)\b", re.IGNORECASE)),
    # "is it gonna kill her", "life expectancy": what the article does not say, and the care team can
    "life_expectancy": (re.compile(r"\blife expectancy\b|\b(?:will|would|could|can|is) (?:it|ms|epilepsy|this|that) "
                                   r"(?:going to |gonna )?(?:kill|shorten)\b|\b(?:die|dies|dying) (?:from|of) "
                                   r"(?:it|ms|epilepsy|this)\b|\bhow long (?:will|would|do|does|can) "
                                   r"(?:he|she|i|they|people|someone|my \w+) (?:have left|live|survive)\b"),
                        re.compile(r"\blife expectancy\b|\blifespan\b", re.IGNORECASE)),
    # "how long would she be in hospital", "how many days in hospital after": a hospital stay, before "how long"
    # reads as how long the topic lasts; no article says how long a stay is
    "hospital_stay": (_HOSPITAL_STAY, re.compile(r"\bhospital stays?\b|\b(?:days|nights|weeks) in hospital\b",
                                                 re.IGNORECASE)),
    # "can he still have MRIs with it in" after a stimulator: no article says whether scans are safe with an implant
    "implant_scans": (_IMPLANT_SCANS, re.compile(r"\bMRI\b[^.]*\b(?:implants?|devices?|stimulators?)\b", re.IGNORECASE)),
    "duration": (re.compile(r"\bhow long\b|\bduration\b|\bhow many (?:years|months|weeks|days)\b|\blast forever\b"),
                 re.compile(r"\b(?:weeks|months|years|how long|lifelong|for life)\b", re.IGNORECASE)),
    # "how many people exactly", "how common is it" after a topic: the section that says how many have it
    "prevalence": (re.compile(r"\bhow (?:common|rare|widespread)\b|\bhow many (?:people|ppl|patients|of them|kids|"
                              r"children|adults|folks|others|women|men)\b|\bhow many (?:have|get|has) (?:it|this|that)\b"),
                   re.compile(r"\b(?:one|two) in (?:two|three|four|five|ten|\d+)\b|\b\d+ (?:in|out of) \d+\b|"
                              r"\b\d+(?:\.\d+)? ?(?:%|per ?cent|percent)|\brare\b", re.IGNORECASE)),
    # "whats the dose of IVIG usually": no article gives doses (a person's own dose is a medication decision)
    "dose": (re.compile(r"\b(?:what s|whats|what is|what are) the (?:usual |normal |typical |standard |right |max |"
                        r"maximum |starting )?(?:dose|doses|dosage|dosing)\b|\b(?:usual|normal|typical|standard|starting) "
                        r"(?:dose|doses|dosage)\b|\bhow many mg\b"),
             re.compile(r"\b(?:doses?|dosage|mg)\b", re.IGNORECASE)),
    # "is it expensive?", "does the nhs pay for it": no article says what treatment costs or who pays
    "cost": (re.compile(r"\b(?:expensive|cheap|costs?|costly|price|prices|priced|pricing|overpriced|afford|funded|funding|"
                        r"pay for (?:it|that|this|them)|"
                        r"who pays|who funds|free on the nhs|free on nhs|"
                        r"(?:nhs|insurance|medicare|medicaid) (?:pay|cover|covers|fund))\b"),
             re.compile(r"\b(?:costs?|price|funded|funding|insurance)\b", re.IGNORECASE)),
    # "can she still do PE", "will he be able to go back to school", "she can cook alone?": everyday life with the
    # condition, which no article covers (school, work, sport, driving, travel)
    "daily_life": (re.compile(
        r"\b(?:(?:can|could|will|would|should) (?:he|she|i|they|we|u|you|my \w+)|(?:he|she|i|they|we) (?:can|could)|"
        r"is it (?:ok|okay|safe) for (?:him|her|me|them|us|my \w+) to) (?:still |ever |safely |really |"
        r"be able to |be allowed to |be ok to |be okay to )*" + _DAILY + r"\b"),
        re.compile(r"\b(?:daily life|everyday life|day to day life|school|driving|travel)\b", re.IGNORECASE)),
}
# Facets answered where a section has them, and otherwise read with the last topic as any question (no "not covered")
FACETS_ANSWERED_ONLY = frozenset(("prevalence",))
# Asking how the last topic is treated, in a follow-up's few words ("what can be done about it", "any cure?")
_TREATMENT = re.compile(
    r"\b(?:treat|treated|treating|treatment|treatments|cure|cured|curable|cures|therapy|therapies|remedy|remedies)\b|"
    r"\bwhat (?:can|could) (?:be done|we do|i do|you do|they do)\b|\bwhat (?:else )?(?:can|could) (?:we|i|he|she|they) try\b|"
    r"\b(?:anything|something) (?:that |which |to )?(?:helps?|works?|do\b(?! with))\b|\bwhat helps\b|"
    r"\bwhat (?:can|could|would|might|will) help\b|"
    r"\b(?:what|which) (?:\w+ )?(?:medicine|medicines|medication|medications|meds|drug|drugs) (?:stops?|prevents?|"
    r"slows?|helps?|works?|exists?)\b|\bhow do (?:the )?(?:meds|medicines|medications|drugs|treatments) (?:stop|help|work|"
    r"prevent|slow)\b|\b(?:operate|operation|operations)\b|"
    r"\b(?:what|which) (?:sort|sorts|kind|kinds|type|types) of (?:medicine|medicines|medication|medications|meds|"
    r"drugs|pills|tablets)\b|"
    r"\b(?:can|could) (?:it|this|that|ms|epilepsy) be (?:stopped|slowed|halted|slowed down|controlled)\b|"
    r"\b(?:is there|are there|there is|there are|any) (?:a |any )?(?:medicine|medicines|medication|medications|meds|drug|drugs|pill|pills|"
    r"tablet|tablets)\b|\b(?:anything|something) (?:that |to )?(?:stop|stops|slow|slows|reduce|reduces|prevent|prevents)\b|"
    r"\b(?:happen|come|comes) (?:less|fewer) (?:often|times)\b|\bless often\b|"
    r"\bhow (?:do|can|could) (?:you|they|we|i|doctors) (?:fix|stop|manage|help|control) (?:it|that|this|them|those)\b|"
    r"\b(?:what|which|any) (?:are |other |else |more )?(?:the |my |our |his |her |their )?(?:options|choices)\b|"
    r"\bwhat (?:can|could) (?:the )?doctors? do\b|\b(?:anything|what) (?:else )?(?:is )?left\b|"
    r"^(?:is there )?anything for (?:it|that|this|them)\b|\bwhat (?:can|could|would|will|might) (?:stop|prevent|slow|reduce)\b|"
    # "can they take it out?", "can they just cut the scar out", "can that be operated on": surgery, asked plainly
    r"\b(?:can|could|will|would) (?:they|you|doctors|the doctors|surgeons) (?:just )?(?:take|cut|get) (?:it|that|this|them|"
    r"the \w+|that bit|the bit)(?: \w+)? out\b|\b(?:can|could) (?:they|you|doctors) (?:just )?remove (?:it|that|this|them)\b|"
    r"\boperated on\b|\b(?:can|could) (?:they|you|doctors) (?:even |actually |ever )?fix (?:it|that|this|them)\b|"
    # "so can diet fix it", "can i fix it with diet", "can anything bring it down?": what undoes it, whoever does
    r"\b(?:fix|cure|reverse) (?:it|that|this|them)\b|\b(?:bring|calm|settle|dampen|turn) (?:it|that|this|them) down\b|"
    # "so what can they even do if the meds dont work", "whats left for me", "so what now if pills dont work"
    r"\bwhat (?:can|could) (?:they|doctors|we|you) (?:even |actually |really )?do\b|\bwhats left\b|"
    r"\b(?:what|so what) (?:now|then) if (?:the )?(?:meds|pills|tablets|medicines|drugs|they) (?:dont|don't|do not|never) "
    r"work")
# A sum: two numbers joined by an operator ("12 times 7", "2+2", "15% of 200"). Not "-" or "/" (ranges and
# doses: "2-3 a week", "1/2 a tablet"), and not a number followed by a unit ("2 x 500mg").
_NUMBER = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
           r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)")
_SUM = re.compile(
    rf"(?<![\w.]){_NUMBER}\s*(?:[+*×÷^x]|times|plus|minus|divided by|multiplied by|to the power of|%\s*of|"
    rf"percent of)\s*{_NUMBER}(?![\w.])|\bsquare root of\s*{_NUMBER}(?![\w.])")


def is_arithmetic(message: Message) -> bool:
    """A sum to work out ("whats 12 times 7", "2+2"): never a follow-up, and never about a topic. Read on the
    raw text: the operators (+ * × ÷ %) are what cleaning folds away."""
    return _SUM.search(message.raw.casefold()) is not None


def words_of_its_own(message: Message) -> bool:
    """Whether the message says something beyond a bare acknowledgement or number ("hmm", "ok", "9")."""
    return any(w not in _BARE and not w.isdigit() for w in message.words)


def points_back_at_it(message: Message) -> bool:
    """ "This make his epilepsy more difficult to control?", "Which ones, typically?": what the chat is on does to
    the illness, or which of the things it named, asked by pointing back at it. (Not "is that why ...": "that" is
    as often the writer's own story, "could that be why I'm still having seizures" after missed doses told.)"""
    return _POINTS_BACK.search(message.text) is not None or (
        len(message.words) <= SHORT_WORDS and _WHICH_OF_THEM.match(message.text) is not None)


_POINTS_BACK = re.compile(r"^(?:and |so )?(?:does |can |could |would |will )?(?:this|that|it) (?:make|makes|made|cause|"
                          r"causes|caused) (?:his |her |my |the |their |your )?(?:epilepsy|seizures|fits|meds|medicines?|"
                          r"tablets|drugs|treatment)\b")
_WHICH_OF_THEM = re.compile(r"^(?:and |so |but |ok )?which (?:ones?|kinds?|types?|diseases?|ones typically)\b")


def is_more(message: Message) -> bool:
    """ "more", "tell me more", "go on", "like what?", "how does it work?": the next passage, please."""
    return bool(_MORE.match(message.text) or _ELABORATE.match(message.text))


# Asking what causes it, in a short message ("why do people get ms", "how do u get it", "what causes that")
# "could my kids get it": whether it runs in families, which the causes section answers
_KIN = (r"\b(?:future |own |unborn |two |young |little )?(?:kids|children|child|son|daughter|sons|daughters|baby|babies|"
        r"grandchildren|grandkids|sister|brother|twin)")
# ... also a learner's order: "My children can get it also?"
_FAMILY = (rf"\b(?:could|can|will|would|might) (?:my|our|his|her|the) {_KIN} (?:get|inherit|catch) "
           r"(?:it|this|that|ms|epilepsy)\b|\bpass (?:it|this|ms|epilepsy) (?:on )?to (?:my|our|the) "
           r"(?:future |own |unborn )?(?:kids|children|child|son|daughter|baby)\b|"
           rf"^(?:and |so )?(?:my|our) {_KIN} (?:can|could|will|would|might) (?:also )?(?:get|inherit|catch) "
           r"(?:it|this|that|ms|epilepsy)\b")
_FAMILY_ASKED = re.compile(_FAMILY)
_DISEASES = frozenset(("ms", "epilepsy", "sclerosis"))
_CAUSE = re.compile(
    r"\bwhat (?:really |actually |even )?(?:causes|caused|triggers|triggered|brings (?:it|this|that) on|is the cause|"
    r"are the causes)\b|\bwhat (?:does|did|do) (?:cause|trigger) (?:it|this|that|ms|epilepsy)\b|"
    r"\bwhy (?:do|does|did|would) (?:some )?(?:people|ppl|someone|some|i|he|she|they|you|u|women|men|kids|children|"
    r"young people) (?:get|gets|develop|develops) (?:it|this|that|ms|epilepsy)\b|"
    r"\bhow (?:do|does|did|can|could) (?:you|u|people|ppl|someone|i|we|they|kids|children|he|she) "
    r"(?:even |actually |really )?(?:get|catch|develop) (?:it|this|that|ms|epilepsy)\b|"
    r"\bwhy (?:does |did |would )?(?:it|this|that) happens?\b|\bwhere does (?:it|this|that|ms) come from\b|"
    # "could stress have caused it", "did the virus cause his ms"
    r"\b(?:could|can|did|would|might) (?:\w+ ){1,3}(?:have )?(?:caused?|done|triggered|brought on|set off) "
    r"(?:it|this|that|ms|epilepsy|his ms|her ms|my ms)\b(?! symptoms?| attacks?| relapses?| flares?| flare ups?)|"
    # "will i get it", "can i get ms from my mum": whether it runs in families, which the causes section answers
    r"\b(?:will|would|could|can|might|am) (?:i|we|my (?:kids|children|son|daughter|sister|brother)|they) "
    r"(?:going to |gonna )?(?:get|inherit|catch|develop) (?:it|this|that|ms|epilepsy)(?: too| as well| one day| later)?$|"
    r"\b(?:get|got|inherit|inherited|catch) (?:it|this|that|ms|epilepsy) from (?:my|his|her|their|our|a) "
    r"(?:mum|mom|mother|dad|father|parents?|family|grandparents?|gran|nan|grandad|grandma|grandpa)\b|" + _FAMILY)
_CAUSES_HEADING = re.compile(r"\bcauses?\b", re.IGNORECASE)


# ... and why someone got it, which a question of its own may say at more length ("why did I get MS? was it
# something I did", "is it because of something I did?"); not "is that what causes the lesions", whose cause is of
# something else
_WHY_GOT = re.compile(
    r"\bwhy (?:do|does|did|would|have|has) (?:some )?(?:people|ppl|someone|i|he|she|they|you|u|my \w+) "
    r"(?:get|gets|got|develop|develops|developed) (?:it|this|that|ms|epilepsy)\b|"
    r"\b(?:is|was) (?:it|this|that) (?:because of |due to |from )?(?:something|anything) (?:i|we|he|she|they|you) "
    r"(?:did|done|ate|do)\b|\bwhy me\b|" + _FAMILY)


# How the topic's own subject comes about, pointed at ("how do they form?", "what's causing them", "why are they
# there in the first place") after lesions: the topic the admin named `formed_by`, not what causes the disease
_THEY = "(?:" + "|".join(("they", "them", "these", "those", "the lesions", "lesions", "the plaques", "plaques",
                            "the scars", "scars")) + ")"
_FORMED = re.compile(
    r"\bhow (?:do|did|does|would|are|were) " + _THEY + r" (?:\w+ )?(?:form|formed|forming|develop|appear|start|"
    r"happen|get there|get ther|come about|made|caused)\b|"
    r"\bwhat(?:s| is| are)? (?:\w+ )?(?:makes|made|causes|caused|causing|creates|created|produces|forms) " + _THEY +
    r"\b|\bwhy (?:are|do|did|would) " + _THEY + r" (?:\w+ )?(?:there|form|appear|happen|develop|show up)\b|"
    r"\bwhat(?:s| is) doing (?:the|this|that|all the) damage\b")


def asks_how_formed(message: Message) -> bool:
    """ "and how do they form?", "what makes them happen": how the subject just talked about comes about."""
    return len(message.words) <= CAUSE_WORDS * 2 and any(
        _FORMED.search(" ".join(sentence.words)) is not None for sentence in message.sentences)


def asks_cause(message: Message) -> bool:
    """ "why do people get ms", "how do u get it": what causes the topic, in a short question (or a short
    sentence of a short message: "what causes MS?? did he do something wrong, was it the stress of his job")."""
    if len(message.words) <= SHORT_WORDS:
        return _CAUSE.search(message.text) is not None
    # in a longer message only a sentence that names the disease ("what causes her tiredness?" asks about a symptom)
    return _asked_in_a_sentence(message, _CAUSE, SHORT_WORDS, naming=_DISEASES)


def asks_why_got(message: Message) -> bool:
    """ "why did my mum get ms, did she do something": why someone got it, in a question of its own (a sentence
    of a short message: "why did i get ms? never ill in my life. was it something i did")."""
    return _asked_in_a_sentence(message, _WHY_GOT, CAUSE_WORDS)


def _asked_in_a_sentence(message: Message, asked: re.Pattern[str], most: int,
                         naming: frozenset[str] = frozenset()) -> bool:
    """A sentence of at most `most` words (naming one of `naming`, if given) asks it, in a message of at most
    twice `CAUSE_WORDS`."""
    return len(message.words) <= 2 * CAUSE_WORDS and any(
        len(sentence.words) <= most and (not naming or not naming.isdisjoint(sentence.words))
        and asked.search(" ".join(sentence.words)) is not None for sentence in message.sentences)


def cause_intent(knowledge: Knowledge, intent: Intent) -> Intent | None:
    """The one section on `intent`'s disease (its article's topic) whose heading names causes ("What causes MS"),
    when there is exactly one and it is not `intent` itself: drug-resistant epilepsy has two, structural and
    genetic, and "why does it happen" names neither."""
    article = knowledge.articles.get(intent.article or "")
    if article is None:
        return None
    found: list[Intent] = []
    for other in knowledge.topical_intents():  # one pass, however many articles the disease has
        home = knowledge.articles.get(other.article or "")
        if home is None or (home.topic != article.topic if article.topic else home.slug != article.slug):
            continue
        if (section := section_of(knowledge, other)) is not None and _CAUSES_HEADING.search(section.heading):
            found.append(other)
            if len(found) > 1:
                return None
    return found[0] if found and found[0].id != intent.id else None


# Facets asked about in a question of its own ("does ocrelizumab increase the risk of infections?"): what a
# medicine does besides its work, and what it costs; not children or how long, which many questions name
# a medicine making someone feel something: "baclofen make her very sleepy, is normal?"
_TAKEN = (r"baclofen|amantadine|interferon|glatiramer|copaxone|natalizumab|tysabri|ocrelizumab|ocrevus|steroids?|"
          r"ivig|tablets?|pills?|meds|medicines?|medication|drugs?|injections?|infusions?|it|they")
_FELT = (r"\b(?:" + _TAKEN + r") (?:make|makes|making|made|is making|are making|gives?|giving) (?:me|her|him|them|"
         r"you|u) (?:very |so |really |a bit |feel |really feel |so feel )*(?:sleepy|drowsy|tired|dizzy|sick|nauseous|"
         r"weak|foggy|groggy|headaches?|rash)\b")
_OWN_FACETS: dict[str, re.Pattern[str]] = {
    "hospital_stay": _HOSPITAL_STAY,
    "implant_scans": _IMPLANT_SCANS,
    "side_effects": re.compile(r"\bside ?effects?\b|\badverse\b|\brisks? of (?:infections?|side)\b|" + _FELT),
    "cost": FACETS["cost"][0],
    "daily_life": FACETS["daily_life"][0],
    "contagion": FACETS["contagion"][0],
    "life_expectancy": FACETS["life_expectancy"][0],
}


def says_how_people_get_it(message: Message) -> bool:
    """ "how do u get ms, is it contagious": how people get it, in words of any length (beside whether it spreads,
    the causes section answers it as far as any article does)."""
    return _CAUSE.search(message.text) is not None


def own_facet_of(message: Message) -> str | None:
    """The side effects, cost or everyday life a question of its own asks about, if any: in the sentences that
    ask, when some do ("she's only 6 and the thought of it makes me feel sick" tells a feeling beside the question),
    and not a word describing a thing ("the big expensive MS drugs")."""
    asking = [" ".join(s.words) for s in message.sentences if "?" in s.end or (
        s.words and (s.words[0] in _ASKING or s.words[0] in _ASKING_FIRST))]
    text = " ".join(asking) if asking else message.text
    return next((name for name, asked in _OWN_FACETS.items()
                 if any(not _describes(text, found) for found in asked.finditer(text))), None)


def asks_beside_the_facet(message: Message, facet: str) -> bool:
    """ "what dmts slow it down, and is ocrelizumab one, and side effects?": the facet asked in a clause of its own,
    beside another clause that asks a question (the topic answers that one; "what are the side effects of
    natalizumab" asks only the facet)."""
    pattern = _OWN_FACETS.get(facet)
    if facet != "side_effects" or pattern is None or len(message.words) > BESIDE_WORDS:  # (a long letter asks for
        # much else besides; a price beside a question is most often all that is asked)
        return False
    clauses = [c.split() for c in _CLAUSE_BREAK.split(message.text) if c.strip()]
    other = [c for c in clauses if not pattern.search(" ".join(c))]
    return len(other) < len(clauses) and any(
        len(c) >= 3 and (c[0] in _ASKING or c[0] in _ASKING_FIRST or not _ASKING.isdisjoint(c)) for c in other)


BESIDE_WORDS = 25
_CLAUSE_BREAK = re.compile(r"\s*(?:,|;|\band also\b|\band\b|\balso\b|\bplus\b)\s*")


def _describes(text: str, found: re.Match[str]) -> bool:
    """ "another expensive experiment", "the big expensive MS drugs": the facet's word before a noun, a determiner
    or size before it."""
    before = text[:found.start()].split()[-1:]
    return found.group(0) in _DESCRIBING and bool(before) and before[0] in _DETERMINERS


_DESCRIBING = frozenset(("expensive", "cheap", "costly"))
_DETERMINERS = frozenset(("the", "a", "an", "another", "big", "those", "these", "such", "all", "some", "their"))


def facet_of(message: Message) -> str | None:
    """The facet a short message asks about ("and for kids?" -> children), if any."""
    if len(message.words) > SHORT_WORDS or _FAMILY_ASKED.search(message.text):  # "could my kids get it": causes
        return None
    return next((name for name, (asked, _) in FACETS.items() if asked.search(message.text)), None)


# What a treatment just named does, asked of it by pronoun: "will it stop the relapses?", "do they actually help"
_EFFECT = re.compile(r"^(?:\w+ )?(?:will|would|does|do|did|can|could|might) (?:it|they|this|that|these|those|them) "
                     r"(?:actually |really |even |definitely |ever )?(?:stop|slow|prevent|reduce|cut|halt|help|work|fix|"
                     r"cure|stops|slows|prevents|reduces|helps|works|fixes|cures)\b")


def asks_its_effect(message: Message) -> bool:
    """ "will it stop the relapses?", "do they actually help", "It stop the disease completely?": what the
    treatment just named does."""
    return _EFFECT.search(message.text) is not None or _EFFECT_BARE.search(message.text) is not None


# ... in a learner's words, the treatment the subject and the illness the object
_EFFECT_BARE = re.compile(r"^(?:and |so |but )?(?:it|they|this|that) (?:stop|stops|slow|slows|cure|cures|fix|fixes|"
                          r"prevent|prevents|reduce|reduces|halt|halts) (?:the |his |her |my |their )?(?:disease|illness|"
                          r"fits?|seizures?|relapses?|ms|epilepsy|attacks?|progression|damage)\b")
# A change said of something else than a medicine: "is it ok to skip sleep for exams", "can she stop school"
_EVERYDAY_CHANGE = re.compile(r"\b(?:skip|skipping|stop|stopping|quit|quitting|cut|cutting|drop|dropping|miss|missing|"
                              r"swap|swapping|switch|switching|change|changing|move|moving)"
                              r" (?:(?!(?:doses?|meds?|medicines?|medications?|tablets?|pills?|it|them|one|"
                              r"injections?|infusions?)\b)\w+ ){0,3}?(?:sleep|school|meals?|breakfast|lunch|dinner|class|classes|work|exams?|"
                              r"gym|training|practice|football|sport|physio|coffee|alcohol|drinking|smoking|caffeine|"
                              r"sugar|gluten|dairy|meat|shifts?|rota|appointments?|days? off|holidays?|jobs?|rooms?|"
                              r"seats?|car|phone|gp|doctors?|neurologists?|hospitals?|clinics?)\b")


def changes_something_else(message: Message) -> bool:
    """ "also is it ok to skip sleep for exams", "when the clocks go back", "ive decided to stop reading about it": a
    change, of something everyday or of doing something, not of a medicine."""
    return _EVERYDAY_CHANGE.search(message.text) is not None or _CLOCKS.search(message.text) is not None or \
        _STOP_DOING.search(message.text) is not None or _CARRIED.search(message.text) is not None


# "Can I take it on airplane?": carried on a journey, not a dose
_CARRIED = re.compile(r"\b(?:take|bring|carry|taking|bringing|carrying) (?:it|them|my \w+|her \w+|his \w+) (?:on|onto|"
                      r"through|thru|in|into) (?:the |a |an |my )?(?:plane|airplane|aeroplane|flight|holiday|trip|"
                      r"hand luggage|luggage|suitcase|airport|cabin)\b")


# "stop reading about it", "quit worrying": an activity stopped (not "stop taking it", "stop using the patch")
_STOP_DOING = re.compile(r"\b(?:stop|stopping|quit|quitting|give up|giving up) (?!(?:taking|using|having|giving|"
                         r"injecting|doing it)\b)\w+ing\b")


_CLOCKS = re.compile(r"\bclocks? (?:go|goes|went|going|change|changes) (?:back|forward)\b")


# What missed doses or other medicines do to the illness, asked in general ("could that be why my seizures never
# stopped", "can other meds stop his epilepsy drug from working"), and no dose of today to decide on
_ILLNESS_EFFECT_NAMED = re.compile(
    # "because" given for the seizures, not for a missed dose ("i missed it because i was travelling")
    r"\b(?:because|cuz|cos|coz) (?:\w+ ){0,2}(?:forget|forgets|forgot|forgetting|miss|misses|missed|missing|skip|skips|"
    r"skipped|skipping|vomit|vomits|not take|doesnt take|dont take)\b|"
    r"\bcould (?:that|this|it) be\b|\bmake (?:it|them|the \w+|my \w+|his \w+|her \w+|epilepsy|seizures?) "
    r"(?:become |get |turn )?(?:look|seem|worse|resistant|drug resistant|more|harder|less|not)\b|\b(?:stop|stops|stopping) (?:\w+ ){0,3}(?:from )?working\b|"
    r"\bmore (?:difficult|hard|harder) to control\b|"
    # "mums epilepsy worse lately. missed doses? interactions?": missed doses among the reasons asked about
    r"\b(?:worse|more seizures|more fits) (?:lately|recently|these days|than before|than it was)\b")
_ILLNESS_EFFECT = re.compile(r"\b(?:why|reason|is that a thing|look like|looks like|long term|in the long run)\b|"
                             + _ILLNESS_EFFECT_NAMED.pattern)
_DOSE_DECISION = re.compile(
    r"\b(?:should|can|shall|could|do|must) (?:i|we|he|she|they|u|you) (?:\w+ )?(?:give|take|double|skip|stop|restart|"
    r"start|have|up|increase|reduce|halve|change|switch)\b|\bwhat (?:should|do|can|must) (?:i|we|he|she) do\b|"
    r"\b(?:now|today|tonight|this morning|this evening|last night|yesterday|tomorrow)\b|"
    r"\bis (?:that|it|this) (?:ok|okay|alright|all right|safe|fine|allowed|a good idea)\b|\bmyself\b|\bby (?:him|her)self\b|"
    r"\b(?:wants?|wanted|wanting|going|gonna|planning|plans?|decided|deciding|thinking(?: of| about)?) (?:to )?(?:just )?"
    r"(?:stop|skip|drop|come off|quit|reduce|halve|change|switch|cut|ditch|stopping|skipping|dropping|coming off|"
    r"quitting|reducing|changing|switching|cutting|ditching|packing in)\b|"
    r"\bmake (?:\w+ ){0,3}(?:less|more|bigger|smaller|higher|lower)\b(?! (?:difficult|hard|harder) to control)")


# "what time is it in New Zealand now", "whats the date today": the clock, never a follow-up ("over time" is in
# every article about a long illness, so the last topic would find "time")
_CLOCK = re.compile(r"\bwhat (?:time|day|date|year) is it\b|\bwhat(?:s| s| is) (?:the )?(?:time|date)(?: now| today| "
                    r"there| right now)?$|\bwhat(?:s| s| is) (?:todays|today s) date\b")


def asks_the_clock(message: Message) -> bool:
    """ "what time is it", "whats the date today": the time or date asked."""
    return _CLOCK.search(message.text) is not None


# "what if it's the autoimmune thing", "could this be his epilepsy getting worse": whether what goes on has that cause
_SUPPOSED_CAUSE = re.compile(r"(?:(?:but|and|so|ok|okay|or) )?(?:what if|is|could|can|might|may|maybe|perhaps|"
                             r"do you think) (?:it|this|that|its|thats|it is|this is|that is)\b")


def supposes_a_cause(message: Message) -> bool:
    """Opened by asking whether "it" (what goes on) is something: "what if its ...", "could this be ..."."""
    return _SUPPOSED_CAUSE.match(message.text) is not None


def asks_what_doses_do(message: Message, named: bool = False) -> bool:
    """ "ok real talk i forget my meds like half the time. could that be why my seizures never stopped": what
    missed doses do to the illness, with no dose to decide on now. With `named`, the effect on the illness must
    be said ("make the meds seem like they dont work"): a bare "why not?" after the medication reply asks about
    the decision."""
    effect = _ILLNESS_EFFECT_NAMED if named else _ILLNESS_EFFECT
    return effect.search(message.text) is not None and _DOSE_DECISION.search(message.text) is None


def asks_treatment(message: Message) -> bool:
    """ "what can be done about it?", "is there a cure?", "and treatment?": how the last topic is treated."""
    return _TREATMENT.search(message.text) is not None


# "is there anything for ms fatigue", "stuff to help", "what can the doctor give him": help asked for, in words
# _TREATMENT and _OPTIONS leave out
_HELP_ASKED = re.compile(r"\b(?:anything|something|stuff|things?) (?:for|to help|that helps?|to ease|to stop)\b|"
                         r"\bgive (?:him|her|them|me|us)\b|\bhelp (?:with|for)\b")


def asks_for_help(message: Message) -> bool:
    """A treatment, the options or help asked for in any of these words: the condition alone is not what is asked."""
    return asks_treatment(message) or asks_options(message) or _HELP_ASKED.search(message.text) is not None


# Asking for the treatment options themselves, in a question of its own ("if tablets cannot control seizures,
# what other treatment they have"): stricter than _TREATMENT, which also reads "therapy" named in passing
_OPTIONS = re.compile(
    r"\b(?:what|which|any) (?:other |else |more |the )?(?:treatments?|options|choices|therapies)\b|"
    r"\bother (?:treatments?|options|therapies)\b|\bwhat (?:else )?(?:can|could) (?:be done|doctors do|they do)\b|"
    r"\bhow (?:is|are) (?:it|they|this|that) treated\b|\bhow do (?:you|they|doctors) treat (?:it|this|that)\b|"
    r"\bwhat (?:can|could|would|might|will) (?:actually |really )?help\b|"
    r"\bwhat (?:can|could|would|will|might) (?:stop|prevent|slow)\b|\bwhat (?:stops|prevents|slows)\b|"
    r"\bwhat (?:meds|medicines|medication|drugs|tablets|pills|treatments?) (?:stop|prevent|slow|reduce|cut)\b|"
    r"\bis there (?:a |any |some )?(?:tablet|tablets|pill|pills|medicine|medicines|medication|drug|drugs|"
    r"treatment|treatments) for\b")
OPTIONS_WORDS = 20  # a longer message asks more than this


def asks_options(message: Message) -> bool:
    """ "what other treatments are there", "how is it treated": the treatment options, asked for."""
    return len(message.words) <= OPTIONS_WORDS and _OPTIONS.search(message.text) is not None


def treatment_intent(knowledge: Knowledge, intent: Intent) -> Intent | None:
    """The treatment topic the admin linked to `intent` (the first of its `follow_ups` with `treatments: true`),
    else the first of its article; None for a treatment topic itself, or when there is none."""
    if intent.treatments:
        return None
    linked = (knowledge.intents.get(name) for name in intent.follow_ups)
    found = next((other for other in linked if other is not None and other.treatments), None)
    if found is not None or intent.article is None:
        return found
    # none linked: the first treatment topic of its own article ("what causes MS?" then "how is it treated?")
    return next((other for other in knowledge.topical_intents(intent.article) if other.treatments), None)


def section_has_facet(facet: str, heading: str, text: str) -> bool:
    return bool(FACETS[facet][1].search(f"{heading}\n{text}"))


# "is that bad?", "does it matter?" right after the medication reply: still about that dose
_HOW_BAD = frozenset(["bad", "dangerous", "ok", "okay", "safe", "matter", "matters", "serious", "harmful", "risky",
                      "worry", "worried", "problem", "fine", "normal"])
HOW_BAD_WORDS = 6
_YES_NO = frozenset(["is", "does", "do", "will", "would", "could", "can", "should", "was", "are", "isnt", "its"])


# "whats the worst that could happen" right after the medication reply: how bad the change just talked about is
_WORST = re.compile(r"^(?:so |and |but |ok )?(?:whats|what is|what's) the worst (?:that )?(?:can|could|will|would)? ?"
                    r"happens?\b")


def asks_how_bad(message: Message) -> bool:
    """A short question about how bad or safe "it" or "that" is: "is that bad", "does it matter?", "whats the worst
    that could happen"."""
    words = message.words
    asked = "?" in message.raw or (bool(words) and words[0] in _YES_NO)  # not "ok I'll ask her neurologist"
    return (asked and len(words) <= HOW_BAD_WORDS and leans_on_context(message) and not _HOW_BAD.isdisjoint(words)) \
        or _WORST.search(message.text) is not None


# "should she take them when she gets home or just wait till tonight?" right after the medication reply
_WHEN_TO_TAKE = re.compile(r"^(?:so )?(?:should|can|could|do|does|shall|must) (?:i|we|she|he|they|u|you) (?:just )?"
                           r"(?:take|give|have|inject|redo|repeat) (?:it|them|the dose|the next one|her dose|his dose|"
                           r"my dose|one)\b|"
                           # "give now?", "she can take now?": a learner's or a rushed way of asking the same
                           r"^(?:so )?(?:(?:i|we|she|he|they|u) (?:can|should|could|must) )?(?:just )?"
                           r"(?:take|give|have) (?:it |them |the dose |one )?(?:now|later|tonight|still)\b")


# "why not?", "how come", "but why" right after the medication reply: why the reply said what it said
_WHY_NOT = re.compile(r"^(?:but |so |ok |okay )?(?:why|y|how come)(?: not| no| is that| is it| though| tho)?$|"
                      # "why not tho its one night": the reason it seems fine after it
                      r"^(?:but |so |ok |okay )?(?:why|y|how come) not(?: though| tho)? (?:its|it is|its only|it is only|"
                      r"only|just|if|when|i mean) (?:\w+ ){0,5}\w+$|"
                      r"^(?:but |so )?(?:why|y|how come) (?:cant|can't|cannot|shouldnt|shouldn't|not) (?:i|he|she|we|they|u)"
                      r"(?: just)? (?:\w+ ){0,2}\w+(?: tho| though| then)?$")  # "why cant i just double up tho"


_ORDINALS = {"1": 0, "one": 0, "first": 0, "1st": 0, "2": 1, "two": 1, "second": 1, "2nd": 1, "3": 2, "three": 2,
             "third": 2, "3rd": 2}
_PICK = re.compile(r"^(?:(?:the|option|number|no|nr|topic)\s+)*(?P<which>1|2|3|one|two|three|first|second|third|"
                   r"1st|2nd|3rd|last|yes|yeah|yep|yup|ya|y)(?:\s+(?:one|option|topic|pls|please|thanks|thx))*$")


def pick_of(message: Message, choices: int) -> int | None:
    """ "1", "the second one", "number 2", "last": which of the `choices` topics of a "Did you mean" the person
    typed instead of tapping (the index), or None. A bare "yes" picks only when one topic was offered."""
    found = _PICK.match(message.text)
    if found is None or not choices:
        return None
    which = found.group("which")
    if which == "last":
        return choices - 1
    if which in _ORDINALS:
        return _ORDINALS[which] if _ORDINALS[which] < choices else None
    return 0 if choices == 1 else None


def asks_why_not(message: Message) -> bool:
    """A bare "why not?" asked of the reply just given, or "why cant i just double up tho"."""
    return _WHY_NOT.search(message.text) is not None


# "will i have a fit", "could he get a seizure from it" right after the medication reply: what the dose just talked
# about will do, which the reply's "ask your care team" answers
_WHAT_IT_DOES = re.compile(r"^(?:so |and |but )?(?:will|would|could|can|might|am|is) (?:i|he|she|they|we|u|you) "
                           r"(?:going to |gonna )?(?:have|get|be having) (?:a |another )?(?:fit|seizure|fits|seizures)"
                           r"(?: (?:now|from it|because of it|then|tonight|today))?$")


# "can that make me have a seizure", "could missing it give him a fit": the same, the dose as the subject
_WHAT_THAT_DOES = re.compile(r"^(?:so |and |but )?(?:will|would|could|can|might) (?:that|it|this|missing it|missing them)"
                             r" (?:make|give|cause|bring on|trigger) (?:me |him |her |them |us )?(?:have |get )?"
                             r"(?:a |another )?(?:fit|seizure|fits|seizures)$")


def asks_what_the_dose_does(message: Message) -> bool:
    """ "will i have a fit?" asked of the dose just talked about."""
    return _WHAT_IT_DOES.search(message.text) is not None or _WHAT_THAT_DOES.search(message.text) is not None


def asks_when_to_take(message: Message) -> bool:
    """Whether to take or give the dose now, later or at all: asked right after the medication reply."""
    return _WHEN_TO_TAKE.search(message.text) is not None


def asks_which_to_choose(message: Message) -> bool:
    """ "which one should i go for?", "what would you pick": a choice between treatments, asked for the writer."""
    return _WHICH_TO_CHOOSE.search(message.text) is not None


_WHICH_TO_CHOOSE = re.compile(
    r"\b(?:which(?: one| ones| of them| of the two)?|(?:which|what) (?:option|drug|medicine|treatment))"
    r" (?:should|shall|would|do) (?:i|we|you|u) (?:go for|go with|go on|be on|pick|choose|chose|take|start|try|get)\b|"
    r"\bwhich (?:one )?(?:is|would be) "
    r"(?:best|better|right) for (?:me|him|her|us)\b|"
    # "should i go on ocrelizumab or the injections": two put side by side, for the writer to choose
    r"\b(?:should|shall) (?:i|we|he|she) (?:go on|go for|go with|start|choose|pick|try|be on) (?:\w+ ){1,4}?or\b")


def asks_to_switch(message: Message) -> bool:
    """ "Should I ask to switch then?", "can we just stop": leave to switch or stop, asked with no object."""
    # (each sentence on its own: "should he switch then? he's had two relapses")
    return _TO_SWITCH.search(message.text) is not None or (len(message.sentences) > 1 and any(
        _TO_SWITCH.search(" ".join(s.words)) for s in message.sentences))


_TO_SWITCH = re.compile(r"\b(?:should|can|could|shall|do) (?:i|we|she|he) (?:ask (?:to|about) |just |try (?:and |to )?)?"
                        r"(?:switch|swap|change|stop|come off)(?: (?:then|now|over|it|them|treatments?|drugs?|meds?))?"
                        r"(?:\?|$|,| or\b)")


def leans_on_context(message: Message) -> bool:
    """Anaphoric ("is it inherited?", "do they go away"), leading on ("and treatment?", "what about kids") or
    asked on from the last answer ("what should we look out for then"; not "what diet then", a subject of its own)."""
    words = message.words
    return message.text.startswith(LEADS) or bool(_ANAPHORA & set(words)) or (
        len(words) > 3 and words[-1] == "then" and words[0] in _ASKING and words[1] in _ASKING_AFTER_THANKS)


_POINTING = frozenset(("the", "that", "this", "those", "these"))
# Words that ask a facet or a measure of whatever the chat is about, never a subject of their own ("which ones",
# "is he too young for it", "is it dangerous?", "and adults?")
_NO_SUBJECT = frozenset(w for word in ("one", "ones", "young", "old", "age", "adult", "adults", "kid", "kids", "child",
                                        "children", "baby", "dangerous", "safe", "risky", "bad", "serious", "long",
                                        "stay", "never", "work", "happen") for w in match_words(word))


def names_a_subject(words: tuple[str, ...]) -> bool:
    """Whether some of these matcher words name a subject, not a facet or measure of one."""
    return not set(words) <= _NO_SUBJECT
REFERRING_WORDS = 12  # a message pointing back at the subject by name may say this much


def points_at(message: Message, subject: str) -> bool:
    """ "what causes the inflammation in the first place" after inflammation and seizures: "the" before a word of
    the last topic's label points back at it, as a pronoun would."""
    words = message.words
    if len(words) > REFERRING_WORDS or not subject:
        return False
    named = set(match_words(subject))
    return any(word in _POINTING and set(match_words(after)) & named for word, after in pairwise(words))


def is_a_plan(message: Message) -> bool:
    """ "ok I'll ask my neuro": the user saying what they will do next, not asking."""
    raw = message.raw.casefold().strip()
    return "?" not in raw and _PLAN.match(raw) is not None


# ... or a person asked for in so many words: "real person pls", "an actual human please", "get in touch with the
# nurse" (handover keywords read as one word, "real" or "touch", would take "is it real" or "a touch of MS")
_PERSON_ALONE = re.compile(r"^(?:(?:then|so|ok|okay|fine|well) )?(?:(?:i want|i need|i would like|can i have|get me|give me) )?(?:(?:to )?(?:talk|speak|"
                           r"chat)(?: to| with)? )?(?:(?:a|an|the) )?(?:real|actual|live) (?:person|human|nurse|people|"
                           r"doctor)\b|\b(?:get in touch|contact) (?:with )?(?:a|an|the|some|one of the) (?:nurse|nurses|"
                           r"person|human|someone|team|staff)\b|"
                           # "is there anyone real i can talk to", "can i talk 2 someone real"
                           r"\b(?:anyone|someone|somebody|anybody) (?:real|actual|human)\b(?! (?:answer|answers|data|"
                           r"evidence|research|proof|studies))|"
                           # "I WANT A NURSE", "i need a real person", "neuro's not answering. get me a nurse"
                           r"\b(?:i want|i need|i would like|i d like|can i have|can i get|get me|give me) (?:a |an |the |my )?"
                           r"(?:(?:ms |epilepsy |real |actual |specialist |human )?(?:nurse|nurses|human|person|people)|"
                           r"(?:human|real|actual) (?:doctor|dr))$|"
                           # "is there someone i can actually phone?", "is there a nurse I can message about my results"
                           r"\bis there (?:actually |really |even )?(?:(?:a|an|any) )?(?:(?:real|actual|ms|epilepsy) )?"
                           r"(?:nurse|nurses|person|human|"
                           r"someone|somebody|anyone|anybody|doctor|specialist|number)(?: or (?:someone|somebody|anyone))? "
                           r"(?:that |who )?(?:i|we) (?:can|could) "
                           r"(?:actually |just )?(?:phone|call|ring|message|text|email|talk|speak|chat|contact|discuss|"
                           r"ask)\b|"
                           # "can I ask a nurse about her?", "i'd like to run this by a nurse": a person here to ask, not
                           # one's own doctor ("I will ask my doctor", "what can we ask the neurologist")
                           r"\b(?:can i|could i|can we|could we|may i|i want to|i would like to|i d like to|id like to|i d prefer to|id prefer to|"
                           r"i would prefer to|i need to) (?:ask|run (?:this|it) by) (?:a|an|a real|an actual|some) "
                           r"(?:(?:ms|epilepsy|specialist) )?(?:nurse|nurses|doctor|dr|neurologist|human|person|specialist|"
                           r"pharmacist)\b")


def asks_for_a_person(message: Message) -> bool:
    """ "can I talk to an MS nurse about this?", "can i speak to someone about the diet", "then can I speak to
    one?": a wish for a person, whatever topic words come with it (they made the topic win over the handover
    keywords)."""
    # ("I need a human. I've had enough of screens for one day": a sentence of its own)
    return _PERSON.search(message.text) is not None or _OWN_NURSE.search(message.text) is not None or \
        _PERSON_ALONE.search(message.text) is not None or any(
        _ONE_ASKED.search(said := " ".join(s.words)) or _PERSON_ALONE.search(said) for s in message.sentences) or \
        _NOT_A_BOT.search(message.text) is not None


# "i dont want to talk to a bot": a person wished for, the bot turned down
# ... and "I'm not discussing this with software"
_NOT_A_BOT = re.compile(r"\b(?:(?:dont|do not|don t|not) (?:want|wanna) (?:to )?(?:talk|speak|chat|type)|(?:not|never) "
                        r"(?:discussing|discuss|talking|speaking|chatting)(?: about)?(?: this| it| that| my \w+)?) (?:to|with) "
                        r"(?:a |an |this |some )?(?:bot|robot|machine|computer|ai|chatbot|program|software|app)\b")
# "ok can i talk to one then" after "are you a real person?": a person asked for as "one", ending the sentence
_ONE_ASKED = re.compile(r"\b(?:talk|speak|chat) (?:to|with) (?:a real |an actual )?one(?: then| please| pls| now)?$")


def _asks(message: Message) -> bool:
    """A question mark, a question word anywhere ("what", "how" ...), or a sentence that starts with an auxiliary
    ("can", "is" ...)."""
    return "?" in message.raw or not _ASKING.isdisjoint(message.words) or any(
        s.words and s.words[0] in _ASKING_FIRST and len(s.words) > 1 for s in message.sentences)


def only_acknowledges(message: Message) -> bool:
    """ "ok", "lol ok", "got it": an acknowledgement and no thanks or goodbye."""
    return _ACKNOWLEDGED.match(message.text) is not None


def opens_with_greeting(message: Message) -> bool:
    found = _COURTESY.match(message.raw)
    return found is not None and bool(found.group("greeting"))


def opening_of(message: Message) -> str | None:
    """ "hi, I got diagnosed with MS two weeks ago and I'm still taking it in": a greeting, then a story that asks
    nothing. The greeting answers it (it says what the bot can help with); None for anything else."""
    return GREETING_ID if opens_with_greeting(message) and not _asks(message) else None


def asks_for_help_only(message: Message) -> bool:
    """ "can you help me with something", "you can help me?": help asked for, nothing said of what with."""
    return bool(message.words) and set(message.words) <= _HELP_ONLY


_HELP_ONLY = frozenset(("can", "could", "would", "will", "you", "u", "ya", "help", "me", "us", "with", "something",
                        "please", "pls", "plz", "a", "question", "few", "questions", "some", "i", "have", "got", "maybe",
                        "possibly", "perhaps", "by", "any", "chance", "im", "hoping", "hope", "wondering", "if", "out",
                        # "hey, can you help me revise?": an activity, still no subject
                        "revise", "revising", "study", "studying", "learn", "learning", "homework", "research"))


def asks_what_it_covers(message: Message) -> bool:
    """ "what else can i ask you", "what kind of stuff can this bot tell me? I work in supported living": what the
    bot can be asked, in one of the message's first sentences."""
    return any(_WHAT_IT_COVERS.search(" ".join(s.words)) for s in message.sentences[:2])


_WHAT_IT_COVERS = re.compile(
    # "Hello, I have never used one of these before. What do I do?", "first time using a bot, how does it work"
    r"\b(?:never used|first time using|new to|not used) (?:one of these|this|a bot|a chatbot|bots|chatbots|this bot|"
    r"this app|this thing|this service)(?: before)?$|"
    # "Can you help me with epilepsy questions?": help asked for with questions on a subject the bot covers
    r"^(?:so |ok |okay |and )?(?:can|could|will) (?:you|u) help (?:me |us )?with (?:some |a few |my |any )?(?:ms |"
    r"epilepsy |multiple sclerosis |seizure |seizures |health )?(?:questions?|stuff|things|info|information)$|"
    r"^(?:so |ok |okay |and |then |right )?what (?:else )?(?:can|could|should|do) (?:i|we) ask(?: you| u| about| here| "
    r"this bot| it)?(?: then| about then)?$|"
    r"\bwhat (?:kind|sort|type)s? of (?:stuff|things|questions|info|information|topics|help) (?:can|could|do|does|will) "
    r"(?:you|u|this bot|this|the bot|it|this thing|this service) (?:tell|answer|help|cover|do|give|talk about)\b")


def after_courtesy(message: Message) -> Message | None:
    """The message without the greeting or thanks it opens with, when a question follows ("thanks, and for
    kids?"; "thanks for the info on MS drugs" stays a thanks)."""
    found = _COURTESY.match(message.raw)
    if found is None:
        return None
    rest = Message(message.raw[found.end():])
    if not rest.has_letters or not _asks(rest):
        return None  # "hi, I got diagnosed with MS two weeks ago": told, not asked; the greeting invites the question
    return rest


def closing_of(message: Message) -> str | None:
    """ "goodbye" or "thanks" for a message that closes the conversation in its own words and asks nothing
    ("Thanks, I'll discuss it with my neuro. Bye."): the smalltalk it is, though its other words keep the
    smalltalk keywords from answering the whole message. Read once per message (the decider asks several times)."""
    return message.reading("followup.closing_of", _closing_of)


def _closing_of(message: Message) -> str | None:
    # ("thanks, can i talk to someone now": asked after the thanks; not "thank you and god bless", nor a learner's
    # "Thank you, is very useful")
    rest = after_courtesy(message)
    if _asks(message) or (rest is not None and len(rest.words) > 1 and (rest.words[0] in _ASKING_AFTER_THANKS or (
            rest.words[0] in ("is", "are") and rest.words[1] in _ASKED_OF))):
        return None
    if _GOODBYE.search(message.text):
        return GOODBYE_ID
    return THANKS_ID if _THANKS.search(message.text) else None


def is_parting(message: Message) -> bool:
    """ "Good day.", "Very good. Good day to you.": a salutation that, late in a conversation, says goodbye."""
    return _PARTING.match(message.raw.casefold().strip()) is not None


def may_follow(message: Message) -> bool:
    """Short or anaphoric, and with a word of its own: the shape of a follow-up question."""
    if not words_of_its_own(message) or is_a_plan(message):
        return False
    return len(message.words) <= SHORT_WORDS or leans_on_context(message)


# -- reading a follow-up with the chat's last topic --------------------------------------------------------------


def section_of(knowledge: Knowledge, intent: Intent) -> Section | None:
    article = knowledge.articles.get(intent.article or "")
    return article.section(intent.section) if article and intent.section else None


def topic_of(knowledge: Knowledge, intent_id: str | None) -> str | None:
    """The article topic (ms, epilepsy, neuro-immune) of an intent."""
    intent = knowledge.intents.get(intent_id or "")
    article = knowledge.articles.get(intent.article or "") if intent else None
    return article.topic if article else None


def subject_of(knowledge: Knowledge, last_intent: str | None, topic: str | None) -> str:
    """Words naming what the chat is about: the last answer's topic label ("MS symptoms"), else the article
    topic's word."""
    intent = knowledge.intents.get(last_intent or "")
    if intent is not None and intent.kind == "topical":
        return knowledge.label(intent)
    return TOPIC_WORDS.get(topic or "", "")


def stays_on_topic(message: Message, topic: str | None) -> bool:
    """False when the message names a disease the chat's topic is not about: context never crosses over."""
    named = names_diseases(message)
    return not named or named <= ({topic} if topic in ("ms", "epilepsy") else set())


def related_intent(knowledge: Knowledge, intent: Intent, facet: str) -> Intent | None:
    """A topical intent whose section covers the facet: in the last topic's article first, then among the topics
    the admin linked to it (`follow_ups`). Not any article on the disease: "how long does recovery take" after
    epilepsy surgery is not how long a seizure lasts (the first-aid article)."""
    article = knowledge.articles[intent.article or ""]
    linked = [knowledge.intents[name] for name in intent.follow_ups if name in knowledge.intents]
    for other in (*knowledge.topical_intents(article.slug), *linked):
        section = section_of(knowledge, other)
        if section is not None and section_has_facet(facet, section.heading, section.text):
            return other
    return None


# "i dont want to ring anyone", "not calling anyone", "dont tell me to ring a helpline": a call turned down
_TURNED_DOWN = re.compile(r"\b(?:dont|don't|do not|not|wont|won't|never|no)\b(?:\s+\w+){0,3}?\s+"
                          r"(?:ring|call|phone|calling|ringing|phoning|contact)\b")


def asks_whether_to_call(message: Message) -> bool:
    """ "Should I be calling someone?", "do we ring 999": whether to call for help, not a wish to talk to our team."""
    return _WHETHER_TO_CALL.search(message.text) is not None


_WHETHER_TO_CALL = re.compile(r"\b(?:should|do|shall|must|need to) (?:i|we) (?:be )?(?:call|calling|ring|ringing|phone|"
                              r"phoning) (?:someone|somebody|anyone|the police|999|911|112|an ambulance|for help)\b")


def turns_down_a_call(message: Message) -> bool:
    """ "i dont want to ring anyone. i just needed to say it to someone": no wish for a person, whatever words of
    the handover it has."""
    return _TURNED_DOWN.search(message.text) is not None
