"""bot/channels/telegram/addressing.py: in a group, a message is for the bot only when it names or answers it."""

from __future__ import annotations

import datetime as dt

from telegram import Chat, Message, MessageEntity, User

from bot.channels.telegram.addressing import mentions_bot, replies_to_bot, without_mention

BOT = User(id=42, first_name="Info", is_bot=True, username="our_bot")
PERSON = User(id=7, first_name="Ann", is_bot=False)
GROUP = Chat(id=-100, type=Chat.SUPERGROUP)
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def message(text: str | None = None, caption: str | None = None, reply_to: Message | None = None) -> Message:
    """A group message whose @mentions carry entities, as Telegram sends them."""
    body = text or caption or ""
    entities = tuple(MessageEntity(MessageEntity.MENTION, body.index(word), len(word))
                     for word in body.split() if word.startswith("@"))
    return Message(1, WHEN, GROUP, from_user=PERSON, text=text, caption=caption,
                   entities=entities if text else (), caption_entities=entities if caption else (),
                   reply_to_message=reply_to)


def test_a_mention_of_this_bot_in_the_text_or_a_caption() -> None:
    assert mentions_bot(message("@Our_Bot what is ms?"), "our_bot")  # usernames are case-insensitive
    assert mentions_bot(message(caption="is this a rash @our_bot"), "our_bot")
    assert not mentions_bot(message("@another_bot what is ms?"), "our_bot")
    assert not mentions_bot(message("our_bot what is ms?"), "our_bot")  # no @: not a mention


def test_a_reply_to_the_bot() -> None:
    from_bot = Message(2, WHEN, GROUP, from_user=BOT, text="MS is ...")
    from_person = Message(3, WHEN, GROUP, from_user=PERSON, text="hello")
    assert replies_to_bot(message("and treatment?", reply_to=from_bot), BOT.id)
    assert not replies_to_bot(message("and treatment?", reply_to=from_person), BOT.id)
    assert not replies_to_bot(message("and treatment?"), BOT.id)


def test_without_mention() -> None:
    assert without_mention("@Our_Bot what is ms?", "our_bot") == "what is ms?"
    assert without_mention("what is ms @our_bot", "our_bot") == "what is ms"
    assert without_mention("mail me @our_botanist", "our_bot") == "mail me @our_botanist"  # another name
