"""Telegram's own limits (Bot API), known only to the Telegram channel.

The core keeps channel-neutral limits of its own (`ACTION_MAX_BYTES` in bot/core/reply.py,
`ARTICLE_PART_CHARS` in bot/core/compose.py); tests/channels/telegram/test_limits.py checks that
Telegram can carry what they allow.
"""

from __future__ import annotations

MESSAGE_LIMIT = 4096  # one message's text, in UTF-16 code units after entity parsing
CALLBACK_DATA_LIMIT = 64  # an inline button's callback_data, in bytes
INLINE_RESULT_ID_LIMIT = 64  # an inline query result's id, in bytes
