"""Telegram's own limits (Bot API), and the updates the bot asks it for, known only to the Telegram channel.

The core keeps channel-neutral limits of its own (`ACTION_MAX_BYTES` in bot/core/reply.py,
`ARTICLE_PART_CHARS` in bot/core/compose.py); tests/channels/telegram/test_limits.py checks that
Telegram can carry what they allow.
"""

from __future__ import annotations

from telegram import Update

MESSAGE_LIMIT = 4096  # one message's text, in UTF-16 code units after entity parsing
CALLBACK_DATA_LIMIT = 64  # an inline button's callback_data, in bytes
INLINE_RESULT_ID_LIMIT = 64  # an inline query result's id, in bytes
# Edited messages are not asked for: the bot does not answer edits (see bot/channels/telegram/handlers.py).
# Polling (app.py) and the webhook (webhook.py) both ask for these.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
