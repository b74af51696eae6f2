"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations

# -- feedback buttons (bot.conversation) ------------------------------------------------------------

FEEDBACK_THANKS = "Thanks, glad it helped."
FEEDBACK_NOTED = "Thanks for telling us. We use this to improve the answers. You can also try asking another way."
