"""Every user-facing string the bot says, in one place (ready for a gettext catalogue).

New strings go here; older modules are moved over as they are touched.
"""

from __future__ import annotations
