"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

# -- feedback buttons (bot.conversation) ------------------------------------------------------------

FEEDBACK_THANKS = "Thanks, glad it helped."
FEEDBACK_NOTED = "Thanks for telling us. We use this to improve the answers. You can also try asking another way."

# -- fairness and failures (bot.delivery, bot.telegram_poison) -------------------------------------------

CHAT_QUEUE_FULL = ("I'm getting a lot of messages here, so I skipped some of them. "
                   "Please send one question at a time.")
SLOW_DOWN = "You're sending messages faster than I can answer, so I skipped some. Please wait a moment."
SET_ASIDE_APOLOGY = ("Sorry, one of your messages made me fail several times, so I've set it aside and "
                     "won't try it again. Please ask again in other words, or tap /topics.")
SET_ASIDE_ADMIN_NOTICE = ("An incoming update ({kind}, update {update_id}) made the bot fail {attempts} times, so it "
                          "was set aside and will not be tried again. Its content was deleted unread; the sender "
                          "was sent an apology. The log around this time says what failed.")
