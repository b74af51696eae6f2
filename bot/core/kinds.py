"""The kinds a turn is recorded as in the usage table besides the engine's own (topical, fallback, ...).

Written by the record step (bot/core/conversation.py) and read by the admin reports (bot/admin/report.py),
which need only these names: kept here, below both, so a report does not load the engine to count.
"""

from __future__ import annotations

# A topical answer found only with the last topic's help is a real follow-up when it moves to another topic
# (or says more, or answers a facet of the last topic), and a context repeat when it says the last answer
# again (the message alone was not understood).
FOLLOW_UP = "follow_up"
CONTEXT_REPEAT = "context_repeat"
RECORDED_KINDS = (FOLLOW_UP, CONTEXT_REPEAT)
