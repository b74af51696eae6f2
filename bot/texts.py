"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

# -- emergency (bot.compose_safety) ------------------------------------------------------------------------
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

# -- after an emergency reply: follow-up guidance for 30 minutes --------------------------------------------
FOLLOW_CALL_LEAD = ("A seizure that lasts 5 minutes or more, another seizure before they wake, trouble breathing, "
                    "an injury or not waking up all need an ambulance. Call now: 112, 911 or 999.")
FOLLOW_RECOVERED_TITLE = "Good that it has stopped. Stay with them."
FOLLOW_RECOVERED_LEAD = "Lay them on their side (the recovery position):"
FOLLOW_GENERAL_TITLE = "🚨 Stay with them and keep timing"
FOLLOW_GENERAL_LEAD = ("If the seizure reaches 5 minutes, or another one starts, call your local emergency number now "
                       "(112, 911 or 999). Until then:")
CALL_IF = "Call your local emergency number now if:"
AFTER_IT = "Afterwards:"
FOLLOW_STROKE_LEAD = ("Even if the signs seem to pass, a stroke needs an ambulance now: call 112, 911 or 999 if you "
                      "have not already.")
FOLLOW_OVERDOSE_LEAD = ("Even if they seem well, call your local emergency number or a poisons line now if you have "
                        "not already.")

# -- one safety line on top of a normal answer (a possible match, or a chat still in a safety state) ---------
LINE_SEIZURE = ("⚠️ If a seizure is happening now, lasts 5 minutes or more, or someone is hurt, can't breathe "
                "normally or won't wake up, call your local emergency number now (112 / 911 / 999).")
LINE_STROKE = ("⚠️ If signs like these came on suddenly (a drooping face, a weak or numb arm or leg, trouble "
               "speaking or seeing), call your local emergency number now (112 / 911 / 999): it may be a stroke.")
LINE_OVERDOSE = ("⚠️ If someone has taken too much of a medicine, call your local emergency number (112 / 911 / 999) "
                 "or a poisons line now.")
LINE_COLLAPSE = ("⚠️ If someone has collapsed, won't wake up or isn't breathing normally, call your local emergency "
                 "number now (112 / 911 / 999).")
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
