"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

import datetime as dt


def reviewed_note(reviewed: dt.date, updated_since: bool) -> str:
    """How a source line states its review: 'Reviewed 20 Nov 2026' (and, honestly, when the text was
    changed after that review and the change is not yet reviewed)."""
    note = f"Reviewed {reviewed:%d %b %Y}"
    return f"{note}, updated since" if updated_since else note


def about_review(reviewed: dt.date, next_review: dt.date | None, updated_since: bool) -> str:
    """One article's line in /about."""
    due = f"; next review due {next_review:%b %Y}" if next_review else ""
    return f"{reviewed_note(reviewed, updated_since)}{due}"


# -- the terminal chat ---------------------------------------------------------------------------

TERMINAL_HOW_TO_LEAVE = "To leave, type /quit (or press Ctrl-D or Ctrl-C)."
TERMINAL_GOODBYE = "Goodbye! Take care."
TERMINAL_LOGS_TO = "(The bot's log goes to {path}.)"
TERMINAL_PROMPT = "you> "
TERMINAL_CHOICE_EXPIRED = "That choice has expired. Type your question."
TERMINAL_RELOADED = "\n[content reloaded]"
TERMINAL_NOT_RELOADED = "\n[content NOT reloaded, still using the last good files]\n"

# -- starting on the last good content -----------------------------------------------------------

STARTED_ON_SNAPSHOT = (
    "⚠️ Started on the last good content, from {when}: the files on disk have {count} error(s), so they were "
    "not loaded. The bot answers from that earlier version until the files are fixed; saving a fixed file "
    "loads it at once."
)

# -- talking to a person (bot/core/handover.py, bot/channels/telegram/handover.py) -------------

HANDOVER_BUTTON = "🙋 Talk to a person"
HANDOVER_CONFIRM_BUTTON = "✅ Yes, connect me"
HANDOVER_CANCEL_BUTTON = "✖️ No, thanks"
HANDOVER_END_BUTTON = "🔚 End chat"
HANDOVER_EMERGENCY = ("In an emergency don't wait for a reply: call your local emergency number now "
                      "(such as 112, 911 or 999).")

HANDOVER_OFFER_TITLE = "Talk to a person from our team"
HANDOVER_OFFER_INTRO = "I can pass this chat to a person from our team. If you say yes, they will see:"
HANDOVER_SHARED_MESSAGES = "the messages you send from now on (text, photos, voice notes and so on)"
HANDOVER_SHARED_TOPIC = "the topic you were reading: {topic}"
HANDOVER_NOT_SHARED = ("They won't see your name, your username or your Telegram account: only a ticket "
                       "number. Nothing you sent me before is passed on.")
HANDOVER_HOURS = "The team works {hours}."
HANDOVER_HOURS_ANY = "The team has no set hours: they answer as soon as they can."
HANDOVER_ASK = "Shall I connect you?"

HANDOVER_QUEUED_TITLE = "You're in the queue: ticket #{ticket}"
HANDOVER_QUEUED = ("A person from the team will answer here, in this chat. Send your messages whenever you "
                   "like: I'll pass them on, and I won't answer them myself.")
HANDOVER_AWAY = "The team is away right now. They're back {when}; they'll see your messages then."
HANDOVER_SOONER = "If you need help sooner: {contact}"
HANDOVER_HOW_TO_END = "To finish, tap End chat or send /end."
HANDOVER_ALREADY_OPEN = ("You're already connected to the team (ticket #{ticket}). Just send your message here. "
                         "To finish, tap End chat or send /end.")
HANDOVER_CANCELLED = "OK, I won't connect you. Ask me anything, or tap Topics."
HANDOVER_NOT_OPEN = "You're not connected to the team at the moment. Type your question, or send /human."
HANDOVER_ENDED = ("Chat ended (ticket #{ticket}). The team won't see what you send from now on, and I'm "
                  "answering your questions again.")
HANDOVER_CLOSED_BY_TEAM = ("The team has closed this chat (ticket #{ticket}). I'm answering your questions "
                           "again; tap Talk to a person if you need them again.")
HANDOVER_EXPIRED = ("This chat with the team (ticket #{ticket}) has ended: it was open for {days} days. "
                    "Tap Talk to a person to start a new one.")
HANDOVER_FORGOTTEN = "I've ended your chat with the team (ticket #{ticket}) and told them you deleted your data."
HANDOVER_PRIVATE_ONLY = "To talk to a person, open a private chat with me and send /human."
HANDOVER_COMMAND = "Talk to a person from our team"
HANDOVER_FAILED = "Sorry, I couldn't reach the team just now. Please try again in a few minutes."

HANDOVER_OFF_TITLE = "Talking to a person"
HANDOVER_OFF = "I can't connect you with a person in this chat."
HANDOVER_OFF_CONTACT = "You can reach our team at {contact}."
HANDOVER_HELPLINES = "People you can talk to:"
HANDOVER_HELPLINE_BULLETS = (
    ("Emergency", "112 (Europe), 911 (US and Canada) or 999 (UK)"),
    ("Crisis lines, free at any hour", "988 (US, call or text); Samaritans 116 123 (UK and Ireland); "
                                       "findahelpline.com lists lines elsewhere"),
    ("Epilepsy", "Epilepsy Action helpline 0808 800 5050 (UK); Epilepsy Foundation 1-800-332-1000 (US)"),
    ("Multiple sclerosis", "MS Society helpline 0808 800 8000 (UK); National MS Society 1-800-344-4867 (US)"),
)

# What the team sees in its forum topic: never the user's name, username or id.
TEAM_LABEL = "💬 From the team:"
STAFF_TOPIC_NAME = "#{ticket} · {topic}"
STAFF_NO_TOPIC = "no topic yet"
STAFF_HEADER = ("🎫 Ticket #{ticket}\n"
                "Opened: {opened}\n"
                "Last topic: {topic}\n"
                "Safety reply shown in the last hour: {safety}\n\n"
                "The person's messages appear below as copies: no name or account is shared. Everything you "
                "write in this topic is sent to them. Send /close to end the chat.")
STAFF_HEADER_AWAY = "Opened out of hours: the person was told the team is back {when}."
STAFF_SAFETY_NONE = "no"
STAFF_SAFETY_FLAG = ("⚠️ SAFETY: the message above triggered the {kind} reply, sent to the person at once "
                     "(\"{title}\"). Please read it first.")
STAFF_ENDED_BY_USER = "The person ended the chat. Messages here no longer reach them."
STAFF_CLOSED = "Chat closed; the person has been told. Messages here no longer reach them."
STAFF_FORGOTTEN = ("The person deleted their data (/forget): the chat is closed. Messages here no longer "
                   "reach them.")
STAFF_EXPIRED = "Closed after {days} days (BOT_RETENTION_DAYS). Messages here no longer reach the person."
STAFF_NOT_DELIVERED_CLOSED = "This chat is closed: the person won't see this message."
STAFF_USER_GONE = ("Couldn't deliver: the person has blocked the bot or deleted the chat. The ticket is "
                   "closed.")
STAFF_CANNOT_COPY = "This kind of message can't be passed on. Please write it as text or send a photo or file."

# -- emergency (bot/core/compose_safety.py) ------------------------------------------------------------------------
CALL_NOW_TITLE = "🚨 Call your local emergency number now"
CALL_NOW = ("This may be an emergency. Call for an ambulance now: for example 112 (Europe), 911 (US and Canada) or "
            "999 (UK).")
WHILE_YOU_WAIT = "While you wait:"
FIRST_AID_MISSING = "Stay with them until help arrives, and keep them safe from harm."
STROKE_LEAD = ("These can be signs of a stroke. Call for an ambulance now, even if the signs seem to get better: for "
               "example 112 (Europe), 911 (US and Canada) or 999 (UK). Every minute counts.")
STROKE_STEPS = (
    "Note the time the signs started: the hospital will ask.",
    "Keep them safe and comfortable, sitting or lying on their side.",
    "Give nothing to eat or drink, and no medicines.",
    "Stay with them until help arrives.",
)
OVERDOSE_TITLE = "🚨 Call your local emergency number or a poisons line now"
OVERDOSE_LEAD = ("Too much of a medicine can be dangerous even when the person seems well at first. Call now: your "
                 "local emergency number (112, 911 or 999) or a poisons line (US Poison Help 1-800-222-1222; UK: call "
                 "111, or 999 if they are very unwell).")
OVERDOSE_STEPS = (
    "Keep the packets or bottles, and say what was taken, how much and when.",
    "Do not make them sick, and give nothing to eat or drink unless you are told to.",
    "If they are drowsy, lay them on their side and check that they keep breathing.",
    "Stay with them until help arrives.",
)
COLLAPSE_LEAD = ("Someone who is not breathing normally or will not wake up needs an ambulance now: call 112 (Europe), "
                 "911 (US and Canada) or 999 (UK). The call handler will tell you what to do, including CPR if needed.")
COLLAPSE_STEPS = (
    "If they are breathing, lay them on their side so the airway stays open.",
    "Check their breathing until help arrives.",
    "Stay with them.",
)
INJURY_LEAD = ("A bad injury needs help now: call 112 (Europe), 911 (US and Canada) or 999 (UK). The call handler "
               "will tell you what to do.")
INJURY_STEPS = (
    "Don't move them if they may have hurt their head, neck or back, unless they are in danger where they are.",
    "Press firmly on a bleeding wound with a clean cloth or pad, and keep pressing.",
    "Keep them warm and talk to them; watch their breathing.",
    "Stay with them until help arrives.",
)
HEART_ALLERGY_LEAD = ("Chest pain that may be the heart, or a throat, tongue or face that is swelling, needs help now: "
                      "call 112 (Europe), 911 (US and Canada) or 999 (UK). The call handler will tell you what to do.")
HEART_ALLERGY_STEPS = (
    "Help them sit or lie in the way that is easiest for them; sitting up helps if breathing is hard.",
    "If they carry an adrenaline pen (such as an EpiPen) for an allergy, help them use it as they were shown.",
    "Keep them still and calm, and watch their breathing.",
    "If they stop breathing or don't respond, tell the call handler: they will guide you.",
    "Stay with them until help arrives.",
)

# -- after an emergency reply: follow-up guidance for 30 minutes --------------------------------------------
FOLLOW_CALL_LEAD = ("A seizure that lasts 5 minutes or more, another seizure before they wake, trouble breathing, "
                    "an injury or not waking up all need an ambulance. Call now: 112, 911 or 999.")
FOLLOW_RECOVERED_TITLE = "Good that it has stopped. Stay with them."
FOLLOW_RECOVERED_LEAD = "Lay them on their side (the recovery position):"
# ... when the seizure came with a reason to call that stopping does not take away (the emergency's criterion)
FOLLOW_STILL_CALL_TITLE = "🚨 Good that it has stopped, but they still need to be seen now"
STILL_CALL = {
    "seizure_injury": "They were hurt during the seizure, and a blow to the head can cause trouble hours later.",
    "seizure_over_5_min": "The seizure lasted 5 minutes or more.",
    "seizure_cluster": "One seizure followed another.",
    "seizure_in_water": "The seizure happened in water: they may have breathed some in, even if they seem well.",
    "seizure_pregnancy": "They are pregnant: a seizure needs checking for them and the baby.",
    "first_seizure": "It may be their first seizure: a first one always needs to be checked.",
    "not_waking": "They had not woken up after the seizure: breathing is good, but they need to be seen.",
}
FOLLOW_STILL_CALL_LEAD = ("If nobody has called yet, call your local emergency number now (112, 911 or 999), even "
                          "though it has stopped. Until help comes:")
FOLLOW_ARRIVED_TITLE = "Good that help is with them."
FOLLOW_ARRIVED_PARAGRAPHS = (
    "Tell the crew what you saw: when it started, how long it lasted, what they did, and any medicines they take "
    "or were given.",
    "I'm here if you want to read about anything later.",
)
FOLLOW_GENERAL_TITLE = "🚨 Stay with them and keep timing"
FOLLOW_GENERAL_LEAD = ("If the seizure reaches 5 minutes, or another one starts, call your local emergency number now "
                       "(112, 911 or 999). If they have rescue medicine and a care plan from their doctor, follow that "
                       "plan. Until then:")
CALL_IF = "Call your local emergency number now if:"
AFTER_IT = "Afterwards:"
FOLLOW_STROKE_LEAD = ("Even if the signs seem to pass, a stroke needs an ambulance now: call 112, 911 or 999 if you "
                      "have not already. MS, a seizure or another condition can cause signs like these too, but only "
                      "a hospital can tell them apart, so don't wait to find out.")
FOLLOW_INJURY_LEAD = ("If you have not called yet, call your local emergency number now (112, 911 or 999). Until "
                      "help arrives:")
FOLLOW_HEART_ALLERGY_LEAD = ("Even if it seems to ease, call your local emergency number now (112, 911 or 999) if "
                             "you have not already. Until help arrives:")
FOLLOW_OVERDOSE_LEAD = ("Even if they seem well, call your local emergency number or a poisons line now if you have "
                        "not already.")

# -- one safety line on top of a normal answer (a possible match, or a chat still in a safety state) ---------
LINE_SEIZURE = ("⚠️ If a seizure is happening now, lasts 5 minutes or more, or someone is hurt, can't breathe "
                "normally or won't wake up, call your local emergency number now (112 / 911 / 999).")
LINE_STROKE = ("⚠️ If signs like these came on suddenly (a drooping face, a weak or numb arm or leg, trouble "
               "speaking or seeing), call your local emergency number now (112 / 911 / 999): it may be a stroke.")
LINE_OVERDOSE = ("⚠️ If someone has taken too much of a medicine, call your local emergency number (112 / 911 / 999) "
                 "or a poisons line now.")
LINE_INJURY = ("⚠️ If someone is badly hurt, bleeding heavily or can't get up after a fall, call your local emergency "
               "number now (112 / 911 / 999).")
LINE_HEART_ALLERGY = ("⚠️ If someone has chest pain that may be their heart, or their throat, tongue or face is "
                      "swelling, call your local emergency number now (112 / 911 / 999).")
LINE_COLLAPSE = ("⚠️ If someone has collapsed, won't wake up or isn't breathing normally, call your local emergency "
                 "number now (112 / 911 / 999).")
LINE_MEDICATION = ("💊 About a missed or changed dose: don't double up or change a dose on your own. The prescriber, "
                   "a pharmacist or your epilepsy or MS nurse can tell you what to do.")
LINE_CRISIS = ("💛 If you are thinking about ending your life or hurting yourself, you can talk to someone now: call or "
               "text 988 (US), Samaritans 116 123 (UK and Ireland), or your local emergency number. findahelpline.com "
               "lists lines near you.")

# -- crisis ------------------------------------------------------------------------------------------------
CRISIS_TITLE = "I'm really sorry you're feeling this way"
CRISIS_PARAGRAPHS = (
    "You don't have to face this alone, and you deserve support right now.",
    "If you might act on these thoughts or are in danger, call your local emergency number now "
    "(such as 112, 911 or 999).",
    "You can also talk to a crisis line, free and at any hour: in the US call or text 988; in the UK "
    "and Ireland call Samaritans on 116 123; elsewhere, findahelpline.com lists lines near you.",
    "If you can, tell someone you trust how you feel, and stay with them. I'm an information bot, "
    "so I can't talk this through, but the people on those lines can.",
)
CRISIS_FOLLOW_TITLE = "I'm still here, and help is still there for you"
CRISIS_FOLLOW_PARAGRAPHS = (
    "The people on a crisis line can listen and talk this through with you, at any hour: in the US call or text "
    "988; in the UK and Ireland call Samaritans on 116 123; elsewhere, findahelpline.com lists lines near you.",
    "If you are in danger now, call your local emergency number (such as 112, 911 or 999).",
    "I can also share information about epilepsy or MS if you ask me a question.",
)

# -- medication ----------------------------------------------------------------------------------------------
MED_CHANGE_TITLE = "Please ask your prescriber before changing a medicine"
MED_CHANGE_PARAGRAPHS = (
    "I can't tell you whether to stop, skip or change a dose: that depends on your health and "
    "history, which your own doctor, nurse or pharmacist knows.",
    "Changing epilepsy or MS medicines without a plan can be risky. For example, stopping "
    "seizure medicine suddenly can bring seizures back. Your care team can tell you what is safe.",
    "If you have already missed or doubled a dose and feel unwell, call your doctor, pharmacist "
    "or a health helpline now. If it's an emergency, call your local emergency number.",
)
MISSED_DOSE_TITLE = "A missed or late dose: ask your pharmacist or prescriber"
MISSED_DOSE_PARAGRAPHS = (
    "I can't tell you what to do about your own dose, but a pharmacist, your prescriber or your epilepsy or MS "
    "nurse can, usually straight away. Any pharmacy can help, and so can a health helpline (NHS 111 in the UK).",
    "Don't take a double dose to make up for a missed one unless they tell you to.",
    "The leaflet that came with your medicine says what to do if you forget a dose or are sick soon after taking it.",
    "If a seizure starts or you feel very unwell, call your local emergency number.",
)

# -- when nothing is answered (bot/core/compose.py) ------------------------------------------------
SCOPE = ("I can only share information about epilepsy, multiple sclerosis (MS) and how they relate to the "
         "immune system.")
NO_ANSWER = "Sorry, I don't have an answer to that."
TRY_FEW_WORDS = "Try asking in a few words, for example \"What is refractory epilepsy?\" or \"MS medicines\"."
WERE_YOU_ASKING = "Were you asking about one of these?"
LONG_MESSAGE = "That's a long message, and I couldn't find one question in it."
NOT_REVIEWED = "I don't have reviewed information about that."
WHO_CAN_ANSWER = ("Your neurologist, an epilepsy or MS nurse, your GP or a pharmacist can answer questions like "
                  "this. In an emergency, call your local emergency number.")
CLOSEST_TOPICS = "These are the closest topics I do have:"
ONLY_ENGLISH = ("Sorry, I can only read and answer English for now. Please write your question in English, "
                "for example \"What is epilepsy?\". A translation app can help. If someone is in danger now, call "
                "your local emergency number: 112 (Europe), 911 (US and Canada) or 999 (UK).")
ACKNOWLEDGED = "👍 Ask me another question whenever you like, or tap Topics to browse."
EMPTY = "I can only read words. Type your question, for example \"What is MS?\", or tap Topics."

# -- "Did you mean ...?" (bot/core/compose.py) -----------------------------------------------------
DID_YOU_MEAN = "Did you mean one of these?"
DID_YOU_MEAN_UNSURE = ("I'm not sure I understood. Did you mean one of these? If it's none of them, I don't have "
                       "reviewed information about it: your neurologist, an epilepsy or MS nurse, your GP or a "
                       "pharmacist can answer.")

# -- follow-ups (bot/core/followup.py, bot/core/engine.py) -------------------------------------------------------------------------------
SECTION_DONE = "That's all the section \"{heading}\" says. Here is the full article:"
ALREADY_SHOWN = "I've shown you everything this section says about that. Here is the full article:"
ARTICLE_DONE = "That's the whole of \"{title}\". Tap Topics for more, or ask another question."
FACET_NOT_COVERED = ("The article \"{title}\" doesn't cover {facet}. Your neurologist, an epilepsy or MS nurse "
                     "or a pharmacist can tell you about it.")
FACETS = {"side_effects": "side effects", "children": "children", "duration": "how long it lasts",
          "cost": "what it costs or who pays for it", "dose": "doses",
          "daily_life": "everyday life such as school, work, sport, driving or travel",
          "contagion": "whether it can pass from one person to another",
          "life_expectancy": "life expectancy", "hospital_stay": "how long a hospital stay lasts",
          "implant_scans": "MRI scans with an implant", "prevalence": "how common it is",
          "subject": "that"}  # a subject no section names ("which probiotic should I buy?"), not echoed back

# -- feedback buttons (bot/core/conversation.py) ---------------------------------------------------------------
FEEDBACK_THANKS = "Thanks, glad it helped."
FEEDBACK_NOTED = "Thanks for telling us. We use this to improve the answers. You can also try asking another way."

# -- fairness and failures (bot/channels/telegram/delivery.py, bot/channels/telegram/poison.py) --------------
CHAT_QUEUE_FULL = ("I'm getting a lot of messages here, so I skipped some of them. "
                   "Please send one question at a time.")
SLOW_DOWN = "You're sending messages faster than I can answer, so I skipped some. Please wait a moment."
SET_ASIDE_APOLOGY = ("Sorry, one of your messages made me fail several times, so I've set it aside and "
                     "won't try it again. Please ask again in other words, or tap /topics.")
SET_ASIDE_ADMIN_NOTICE = ("An incoming update ({kind}, update {update_id}) made the bot fail {attempts} times, so it "
                          "was set aside and will not be tried again. Its content was deleted unread; the sender "
                          "was sent an apology. The log around this time says what failed.")

# -- answers and menus (bot/core/compose.py) -----------------------------------------------------

DISCLAIMER_LINE = "General information, not medical advice. Ask your own care team about your situation."
FULL_DISCLAIMER = (
    "I share general information from reviewed articles about epilepsy and multiple sclerosis. "
    "I can't diagnose, and I can't advise on your own medicines or doses: your doctor, nurse or "
    "pharmacist can. In an emergency, call your local emergency number (such as 112, 911 or 999)."
)
TOPICS_BUTTON = "📚 Topics"
READ_ARTICLE_BUTTON = "📖 Read the full article"
TREATMENTS_BUTTON = "💊 Treatments"
HELPFUL_BUTTON = "👍 Helpful"
NOT_HELPFUL_BUTTON = "👎 Not helpful"
TOPICS_TITLE = "Topics"
TOPICS_PICK = "Pick an article, or type your question."
TREATMENTS_TITLE = "Treatment options: {title}"
NEXT_PART_BUTTON = "Next part ({next}/{parts}) ▶"
PART_TITLE = "Part {part} of {parts}"
WELCOME_TITLE = "Hello! I answer questions about epilepsy and multiple sclerosis (MS)."
WELCOME_HOW_TO_ASK = ("Type a question in your own words, like \"What is refractory epilepsy?\" or "
                      "\"MS medicines\", or tap Topics.")
ABOUT_TITLE = "About this bot"
ABOUT_INTRO = ("A patient-information bot for people living with epilepsy or MS and the people who care for "
               "them. Answers are short excerpts from our own reviewed articles, each with a link to the full text.")
ABOUT_LAST_REVIEWED = "Content last reviewed {date:%d %b %Y}."

# -- your data (bot/core/conversation.py) --------------------------------------------------------

FORGET_FAILED = ("Sorry, I couldn't delete your data just now because of a storage problem. "
                 "Please try /forget again in a few minutes.")
FORGET_DONE = ("Done. I've deleted everything I held about you: your last topic, any questions of yours I "
               "couldn't answer, and your feedback votes. Usage counts without names or text remain.")
PRIVACY_TITLE = "What I keep, and for how long"


def privacy_paragraphs(days: int) -> tuple[str, ...]:
    """/privacy, with the number of days an unanswered question is kept."""
    return (
        "I never store your name, username or phone number. Your Telegram id is turned into a coded "
        "key that can't be turned back into your id.",
        "To follow up on a topic, I remember the last topic we talked about. After an emergency or crisis "
        "reply, I also remember that for 30 minutes, so that what you say next gets the right help.",
        f"If I can't answer a question, I keep its text for {days} days so our editors can add the "
        "answer. Questions I answer are not stored.",
        "Counts of which topics were asked each day are kept without any names or text.",
        "Send /forget at any time to delete everything I hold about you.",
    )

# -- the Telegram channel (bot/channels/telegram/) -------------------------------------------------

EXPIRED_BUTTON = "This button has expired — type your question or use /topics"
TEXT_ONLY = "I can only read text messages. Please type your question."
UNKNOWN_COMMAND = "I don't know that command. Type your question, or try /topics or /help."
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again."
# The command menu: (command, what it does).
BOT_COMMANDS = (
    ("start", "Welcome and how to ask a question"),
    ("help", "What I can do"),
    ("topics", "Browse the articles and their topics"),
    ("about", "Who writes the answers, and when they were reviewed"),
    ("privacy", "What I keep about you, and for how long"),
    ("forget", "Delete everything I hold about you"),
    ("human", HANDOVER_COMMAND),
)
INLINE_DEFAULT_TITLE = "Patient information"

# -- admin commands in the chat (bot/channels/telegram/admin.py) ----------------------------------

ADMIN_MENU = (
    ("stats", "Admin: usage today and this week, with a chart"),
    ("unmatched", "Admin: questions I could not answer"),
    ("explain", "Admin: how a question is matched"),
    ("reload", "Admin: reload the content and intents now"),
)
EXPLAIN_USAGE = "Usage: /explain your question, for example /explain can ms be cured"
EXPLAIN_QUESTION = "Question: {question}"
STATS_CAPTION = "Messages per day and top topics, {period}"
LAST_DAYS = "Last {days} days."
RELOADED = "Reloaded: {articles} articles, {intents} intents."
RELOAD_WARNINGS = " ({count} warning(s): run `python -m bot check` to see them)"
RELOAD_FAILED = "Reload failed: {count} error(s). The bot keeps answering with the last good files."
RELOAD_FIXED = "Content reloaded: the earlier problem is fixed and the new files are live."
FIX_THE_FILE = "Fix the file and save it again (or send /reload)."

# -- the admin chart (bot/admin/chart.py) ---------------------------------------------------------

CHART_TITLE = "Patient-info bot, {period}: {messages} messages, {answered:.0%} answered"
CHART_DAILY_TITLE = "Messages per day"
CHART_DAILY_AXIS = "messages"
CHART_SERIES = ("answered", "repeated last answer", "asked to choose", "no answer")  # stacked, bottom first
CHART_TOPICS_TITLE = "Top topics"
CHART_TOPICS_AXIS = "answers"
CHART_NO_TOPICS = "no answered questions yet"
