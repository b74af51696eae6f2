"""Fake Telegram Bot API server for end-to-end tests.

An independent, in-process implementation of the parts of the Bot API
(https://core.telegram.org/bots/api) that a python-telegram-bot bot uses,
built on aiohttp and the standard library only.  It speaks the real
``{"ok": ..., "result": ...}`` envelope, validates requests the way the real
server does (HTML entities, text length, keyboards, callback/inline query
ids, unknown chats) and lets tests drive users and inspect what the bot sent.

Usage::

    async with FakeBotApi(token="123:ABC") as api:
        app = Application.builder().token(api.token).base_url(api.base_url).build()
        ...
        api.send_command("/start")
        [reply] = await api.wait_for_messages(1)

Standalone (point a bot at the printed base_url)::

    python tests/fakebotapi.py --port 8081 [--interactive]

All helpers must be called from the event loop thread that runs the server.
Forum supergroups (``add_forum``) have topics: ``createForumTopic``,
``closeForumTopic``, ``message_thread_id`` on sends and copies, and
``send_text(..., message_thread_id=N)`` for a member writing in a topic.
``copyMessage`` copies a message's content without any trace of its sender.

Known simplifications: Markdown/MarkdownV2 text is passed through without
validation, a webhook set with setWebhook is recorded but never called,
message ids are counted per chat for user and bot messages alike, and the bot
is taken to be an admin of every forum (``deny_topics`` takes that right away).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import re
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, TypeVar
from urllib.parse import urlsplit

from aiohttp import BodyPartReader, web

__all__ = [
    "BOT_USERNAME",
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "FakeBotApi",
    "HtmlParseError",
    "RecordedRequest",
    "UploadedFile",
    "parse_html",
]

JSON = dict[str, Any]
T = TypeVar("T")
Handler = Callable[[JSON, "dict[str, UploadedFile]"], Awaitable[Any]]

log = logging.getLogger("fakebotapi")

DEFAULT_TOKEN = "123:ABC"
BOT_USERNAME = "patient_info_test_bot"
BOT_FIRST_NAME = "Patient Info Test Bot"
DEFAULT_USER_ID = 1001
DEFAULT_FIRST_NAME = "Alice"
DEFAULT_GROUP_ID = -4001
DEFAULT_GROUP_TITLE = "Test Group"
DEFAULT_FORUM_TITLE = "Staff team"
TOPIC_ICON_COLOR = 7322096
MAX_TOPIC_NAME_LENGTH = 128
#: Message fields that copyMessage carries over (the content, never the sender or forward origin).
COPYABLE_FIELDS = frozenset(
    {
        "text", "entities", "caption", "caption_entities", "photo", "voice", "audio", "video", "video_note",
        "document", "animation", "sticker", "location", "venue", "contact", "dice", "poll", "has_media_spoiler",
        "show_caption_above_media",
    }
)
CAPTIONED_FIELDS = ("photo", "voice", "audio", "video", "document", "animation")

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_INLINE_RESULTS = 50
MAX_COMMANDS = 100

QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a content and reply markup of the current message"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)

#: Update types delivered when ``allowed_updates`` is empty or never set.
DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

#: Inline button fields that give a button its action (exactly one is needed).
INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

#: Parameters that are always plain strings; everything else in a form body is JSON.
STRING_PARAMS = frozenset(
    {
        "action",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "description",
        "icon_custom_emoji_id",
        "document",
        "emoji",
        "file_id",
        "inline_message_id",
        "inline_query_id",
        "ip_address",
        "language_code",
        "message_effect_id",
        "name",
        "next_offset",
        "parse_mode",
        "photo",
        "query",
        "secret_token",
        "short_description",
        "switch_pm_parameter",
        "switch_pm_text",
        "text",
        "title",
        "url",
    }
)

_HTML_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_HTML_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_MARKUP_RE = re.compile(r"[<&]")
_USER_ENTITY_PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}")),
    ("url", re.compile(r"https?://[^\s<>\"]+")),
)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_HOST_RE = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$|^\d{1,3}(\.\d{1,3}){3}$")


# --------------------------------------------------------------------------- data types


class ApiError(Exception):
    """An error answer: HTTP status plus Telegram's ``description``."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def envelope(self) -> JSON:
        """Return the JSON body Telegram sends for this error."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """Build a 400 error with Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {detail}")


class HtmlParseError(ValueError):
    """Raised by :func:`parse_html` with a tdlib-style message."""


class _DropConnection(Exception):
    """Internal: close the connection without answering."""


@dataclass(frozen=True)
class UploadedFile:
    """A file part received in a multipart request."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.data)


@dataclass
class RecordedRequest:
    """One API call as seen by the server.

    ``status`` is the HTTP status answered (``None`` if the connection was
    dropped on purpose); ``response`` is the ``result`` on success or the error
    ``description`` otherwise.
    """

    method: str
    params: JSON
    files: dict[str, UploadedFile]
    time: float
    status: int | None = None
    response: Any = None

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == 200


@dataclass
class _Fault:
    kind: str  # "fail" | "stall" | "drop"
    remaining: int
    status: int = 500
    description: str = ""
    retry_after: int | None = None
    seconds: float = 0.0


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes = field(repr=False)


@dataclass
class _QueryState:
    """A callback or inline query waiting for its answer."""

    user_id: int
    chat_id: int | None = None
    answered: bool = False


@dataclass
class _Topic:
    """A forum topic: its thread id is the id of the service message that created it."""

    thread_id: int
    name: str
    closed: bool = False


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    offset: int
    language: str | None = None


# --------------------------------------------------------------------------- text helpers


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Telegram's entity unit)."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str, *, strict_ampersand: bool = True) -> tuple[str, list[JSON]]:
    """Parse Telegram-flavoured HTML into plain text and message entities.

    Mirrors tdlib's parser and its error messages.  With ``strict_ampersand``
    a bare ``&`` that does not start a valid entity is an error (Telegram
    itself keeps it literally, but a bare ``&`` almost always means the bot
    forgot to escape user content).
    """
    out: list[str] = []
    entities: list[JSON] = []
    stack: list[_OpenTag] = []
    pos16 = 0
    i, n = 0, len(source)

    def at(pos: int) -> str:
        return f"at byte offset {len(source[:pos].encode())}"

    while i < n:
        ch = source[i]
        if ch == "&":
            match = _HTML_ENTITY_RE.match(source, i)
            if match:
                decoded = _decode_html_entity(match)
                out.append(decoded)
                pos16 += utf16_len(decoded)
                i = match.end()
                continue
            if strict_ampersand:
                raise HtmlParseError(f'Unescaped "&" or unsupported HTML entity {at(i)}')
        if ch != "<":
            # Plain text up to the next tag or entity, in one step: per character this was most of the
            # server's CPU in the end-to-end benchmark.
            markup = _HTML_MARKUP_RE.search(source, i + 1)
            end = markup.start() if markup else n
            out.append(source[i:end])
            pos16 += utf16_len(source[i:end])
            i = end
            continue
        begin = i
        i += 1
        if i < n and source[i] == "/":
            j = i + 1
            while j < n and not source[j].isspace() and source[j] != ">":
                j += 1
            name = source[i + 1 : j].lower()
            while j < n and source[j].isspace():
                j += 1
            if j >= n or source[j] != ">":
                raise HtmlParseError(f"Unclosed end tag {at(begin)}")
            if not stack:
                raise HtmlParseError(f"Unexpected end tag {at(begin)}")
            tag = stack.pop()
            if name and name != tag.name:
                raise HtmlParseError(
                    f'Unmatched end tag {at(begin)}, expected "</{tag.name}>", found "</{name}>"'
                )
            entity = _entity_for_tag(tag, pos16, stack)
            if entity is not None:
                entities.append(entity)
            i = j + 1
            continue
        j = i
        while j < n and not source[j].isspace() and source[j] != ">":
            j += 1
        if j >= n:
            raise HtmlParseError(f"Unclosed start tag {at(begin)}")
        name = source[i:j].lower()
        if name not in _HTML_TAG_TYPES:
            raise HtmlParseError(f'Unsupported start tag "{name}" {at(begin)}')
        attrs, j = _parse_html_attributes(source, j, name, at(begin))
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" {at(begin)}')
        stack.append(_OpenTag(name, attrs, pos16))
        i = j + 1
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _decode_html_entity(match: re.Match[str]) -> str:
    named, dec, hexa = match.groups()
    if named:
        return _NAMED_ENTITIES[named]
    code = int(dec) if dec else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise HtmlParseError(f"Invalid numeric HTML entity {match.group(0)!r}")
    return chr(code)


def _parse_html_attributes(source: str, j: int, tag: str, where: str) -> tuple[dict[str, str], int]:
    """Parse ``name="value"`` pairs from ``source[j:]`` up to ``>``; return them and its index."""
    attrs: dict[str, str] = {}
    n = len(source)
    while True:
        while j < n and source[j].isspace():
            j += 1
        if j >= n:
            raise HtmlParseError(f"Unclosed start tag {where}")
        if source[j] == ">":
            return attrs, j
        start = j
        while j < n and not source[j].isspace() and source[j] not in "=>":
            j += 1
        name = source[start:j].lower()
        if not name:
            raise HtmlParseError(f'Empty attribute name in the tag "{tag}" {where}')
        while j < n and source[j].isspace():
            j += 1
        if j >= n or source[j] != "=":
            if tag == "blockquote" and name == "expandable":
                attrs[name] = ""
                continue
            raise HtmlParseError(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" {where}'
            )
        j += 1
        while j < n and source[j].isspace():
            j += 1
        if j < n and source[j] in "'\"":
            quote = source[j]
            end = source.find(quote, j + 1)
            if end < 0:
                raise HtmlParseError(f"Unclosed start tag {where}")
            raw, j = source[j + 1 : end], end + 1
        else:
            start = j
            while j < n and (source[j].isalnum() or source[j] in ".-"):
                j += 1
            raw = source[start:j]
        attrs[name] = _HTML_ENTITY_RE.sub(_decode_html_entity, raw)


def _entity_for_tag(tag: _OpenTag, end16: int, stack: list[_OpenTag]) -> JSON | None:
    """Build the message entity for a closed tag (``None`` if it produces none)."""
    kind = _HTML_TAG_TYPES[tag.name]
    entity: JSON = {"type": kind, "offset": tag.offset, "length": end16 - tag.offset}
    if tag.name == "a":
        href = tag.attrs.get("href", "")
        if not href:
            return None
        user = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if user:
            entity.update(
                type="text_mention", user={"id": int(user.group(1)), "is_bot": False, "first_name": ""}
            )
        else:
            entity["url"] = href
    elif tag.name == "code":
        language = tag.attrs.get("class", "")
        if stack and stack[-1].name == "pre" and language.startswith("language-"):
            stack[-1].language = language.removeprefix("language-")
            return None
    elif tag.name == "pre" and tag.language:
        entity["language"] = tag.language
    elif tag.name == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    elif tag.name == "tg-emoji":
        emoji_id = tag.attrs.get("emoji-id")
        if not emoji_id:
            return None
        entity["custom_emoji_id"] = emoji_id
    return entity if entity["length"] > 0 else None


def strip_text(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Trim surrounding whitespace as Telegram does, shifting/clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    size = utf16_len(stripped)
    result = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, size)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def detect_entities(text: str) -> list[JSON]:
    """Find the entities Telegram adds to user messages (commands, mentions, URLs)."""
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _USER_ENTITY_PATTERNS:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), kind))
    return [
        {"type": kind, "offset": utf16_len(text[:s]), "length": utf16_len(text[s:e])}
        for s, e, kind in sorted(found)
    ]


def _decode_param(key: str, raw: str) -> Any:
    """Decode one form value: JSON for structured/numeric params, else the string."""
    if key in STRING_PARAMS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _inline_buttons(message: JSON) -> list[JSON]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def _without_reply(message: JSON) -> JSON:
    return {k: v for k, v in message.items() if k != "reply_to_message"}


def _number_param(params: JSON, key: str, default: float) -> float:
    value = params.get(key)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise bad_request(f'field "{key}" must be a Number') from None


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


# --------------------------------------------------------------------------- the server


class FakeBotApi:
    """In-process fake of the Telegram Bot API (see module docstring).

    Observation: :attr:`requests`, :meth:`calls`, :meth:`sent_messages`,
    :meth:`wait_for`, :meth:`wait_for_messages`, :meth:`transcript`.
    Users: :meth:`send_text`, :meth:`send_command`, :meth:`press_button`,
    :meth:`send_inline_query`, :meth:`send_sticker`, :meth:`send_photo_message`,
    :meth:`send_voice`, :meth:`send_location`, :meth:`add_raw_update`.
    Faults: :meth:`fail_next`, :meth:`stall_next`, :meth:`drop_connection_next`,
    :meth:`clear_faults`.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = BOT_USERNAME,
        bot_first_name: str = BOT_FIRST_NAME,
        strict_ampersand: bool = True,
        echo: bool = False,
    ) -> None:
        self.token = token
        self.host = host
        self.requested_port = port
        self.port: int | None = None
        self.strict_ampersand = strict_ampersand
        #: Print transcript lines to stdout as they happen (standalone mode).
        self.echo = echo
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        #: The bot as it appears in ``from`` of its messages.
        self.bot_sender: JSON = {k: self.bot_user[k] for k in ("id", "is_bot", "first_name", "username")}
        #: Every API call received, in order of completion.
        self.requests: list[RecordedRequest] = []

        self._runner: web.AppRunner | None = None
        self._stopped = asyncio.Event()
        self._changed = asyncio.Event()
        self._updates: list[JSON] = []
        self._last_update_id = 9_999
        self._allowed_updates: frozenset[str] | None = None
        self._poll_generation = 0
        self._webhook: JSON | None = None
        self._users: dict[int, JSON] = {}
        self._chats: dict[int, JSON] = {}
        self._blocked: set[int] = set()
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._sent: list[JSON] = []
        self._callback_queries: dict[str, _QueryState] = {}
        self._inline_queries: dict[str, _QueryState] = {}
        self._query_ids = itertools.count(4_382_000_001)
        self._files: dict[str, _StoredFile] = {}
        self._file_ids = itertools.count(1)
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._topics: dict[tuple[int, int], _Topic] = {}
        self._no_topic_rights: set[int] = set()
        self._faults: dict[str, deque[_Fault]] = {}
        self._transcript: list[tuple[int | None, str]] = []
        self._methods: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "answerInlineQuery": self._answer_inline_query,
                "sendChatAction": self._send_chat_action,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "sendPhoto": self._send_photo,
                "sendDocument": self._send_document,
                "copyMessage": self._copy_message,
                "createForumTopic": self._create_forum_topic,
                "closeForumTopic": self._close_forum_topic,
                "getFile": self._get_file,
                "close": self._true,
                "logOut": self._true,
            }.items()
        }

    # ------------------------------------------------------------------ lifecycle

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def start(self) -> FakeBotApi:
        """Start listening (ephemeral port unless ``port`` was given)."""
        if self._runner is not None:
            return self
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.requested_port))
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self.port = sock.getsockname()[1]
        self._stopped = asyncio.Event()
        self._changed = asyncio.Event()
        self._runner = runner
        return self

    async def stop(self) -> None:
        """Stop the server; pending long polls and stalls return at once."""
        if self._runner is None:
            return
        self._stopped.set()
        self._notify()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    @property
    def base_url(self) -> str:
        """Value for PTB's ``base_url`` (PTB appends ``token + "/" + method``)."""
        return f"{self._root_url()}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"{self._root_url()}/file/bot"

    def _root_url(self) -> str:
        if self.port is None:
            raise RuntimeError("FakeBotApi is not started")
        return f"http://{self.host}:{self.port}"

    # ------------------------------------------------------------------ fault injection

    def fail_next(
        self,
        method: str,
        status: int = 500,
        *,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error.

        ``status=429`` sends ``parameters.retry_after`` (default 1 second).
        """
        parameters_retry = retry_after if retry_after is not None else (1 if status == 429 else None)
        if description is None:
            description = {
                400: "Bad Request: injected failure",
                403: "Forbidden: bot was blocked by the user",
                409: POLL_CONFLICT,
                429: f"Too Many Requests: retry after {parameters_retry}",
            }.get(status) or _status_phrase(status)
        self._add_fault(
            method,
            _Fault("fail", times, status=status, description=description, retry_after=parameters_retry),
        )

    def stall_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Hold the next ``times`` calls of ``method`` for ``seconds`` before handling them.

        Like the real server, a stalled call is still executed after the delay
        even if the client has given up (e.g. the message is still sent).
        """
        self._add_fault(method, _Fault("stall", times, seconds=seconds))

    def drop_connection_next(self, method: str, *, times: int = 1) -> None:
        """Close the connection without an answer on the next ``times`` calls of ``method``."""
        self._add_fault(method, _Fault("drop", times))

    def faults_left(self, method: str) -> int:
        """Calls of ``method`` an injected fault still waits for (0 once they have all arrived)."""
        return sum(fault.remaining for fault in self._faults.get(method.lower(), ()))

    def clear_faults(self, method: str | None = None) -> None:
        """Forget injected faults not yet used (for ``method``, or all), e.g. before a bot restarts."""
        if method is None:
            self._faults.clear()
        else:
            self._faults.pop(method.lower(), None)

    def _add_fault(self, method: str, fault: _Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("times must be >= 1")
        self._faults.setdefault(method.lower(), deque()).append(fault)

    def _pop_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method.lower())
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            queue.popleft()
        return fault

    # ------------------------------------------------------------------ observation

    def calls(self, method: str) -> list[RecordedRequest]:
        """All recorded calls of ``method`` (case-insensitive)."""
        return [r for r in self.requests if r.method.lower() == method.lower()]

    def sent_messages(self, chat_id: int | None = None) -> list[JSON]:
        """Results of successful sendMessage/editMessageText calls, in order."""
        return [m for m in self._sent if chat_id is None or m["chat"]["id"] == chat_id]

    def chat_history(self, chat_id: int) -> list[JSON]:
        """Current state of every message in a chat (user and bot; edits applied, deletions removed)."""
        return [m for (cid, _), m in sorted(self._messages.items()) if cid == chat_id]

    def topics(self, chat_id: int) -> list[JSON]:
        """The forum's topics: ``{"message_thread_id", "name", "closed"}``, oldest first."""
        return [
            {"message_thread_id": t.thread_id, "name": t.name, "closed": t.closed}
            for (cid, _), t in sorted(self._topics.items())
            if cid == chat_id
        ]

    def topic_history(self, chat_id: int, thread_id: int) -> list[JSON]:
        """Every message in one topic (its creation included), oldest first."""
        return [m for m in self.chat_history(chat_id) if m.get("message_thread_id") == thread_id]

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates queued and not yet confirmed by ``getUpdates`` offset."""
        return list(self._updates)

    async def wait_for(
        self,
        predicate: Callable[[], T],
        timeout: float = 10.0,  # noqa: ASYNC109 - a plain timeout reads best in tests
        what: str | None = None,
    ) -> T:
        """Wait until ``predicate()`` is truthy and return its value.

        Re-checks whenever the server state changes (and at least every 20 ms);
        on timeout raises ``AssertionError`` listing the requests received.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            value = predicate()
            if value:
                return value
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(self._timeout_report(what or repr(predicate), timeout))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(remaining, 0.02))

    async def wait_for_messages(
        self,
        n: int,
        chat_id: int | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[JSON]:
        """Wait until at least ``n`` messages were sent/edited (to ``chat_id``); return them all."""
        where = "" if chat_id is None else f" in chat {chat_id}"
        await self.wait_for(
            lambda: len(self.sent_messages(chat_id)) >= n, timeout, what=f"{n} sent message(s){where}"
        )
        return self.sent_messages(chat_id)

    async def wait_for_calls(
        self,
        method: str,
        n: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[RecordedRequest]:
        """Wait until ``method`` was called at least ``n`` times; return the calls."""
        await self.wait_for(lambda: len(self.calls(method)) >= n, timeout, what=f"{n} call(s) of {method}")
        return self.calls(method)

    def transcript(self, chat_id: int | None = None) -> str:
        """Readable user -> bot conversation log (optionally for one chat)."""
        chats = {cid for cid, _ in self._transcript if cid is not None}
        lines = []
        for cid, line in self._transcript:
            if chat_id is not None and cid != chat_id:
                continue
            prefix = f"[{cid}] " if chat_id is None and len(chats) > 1 and cid is not None else ""
            lines.append(prefix + line)
        return "\n".join(lines)

    def _timeout_report(self, what: str, timeout: float) -> str:
        recent = self.requests[-30:]
        lines = [f"Timed out after {timeout:g}s waiting for {what}."]
        lines.append(f"Requests received ({len(self.requests)}, last {len(recent)} shown):")
        for req in recent:
            params = {k: v for k, v in req.params.items() if k != "timeout"}
            detail = req.response if not req.ok else ""
            lines.append(
                f"  {req.method} -> {req.status} {json.dumps(params, ensure_ascii=False)[:200]} {detail}"
            )
        lines.append(f"Pending updates: {len(self._updates)}")
        lines.append("Transcript:")
        lines.append(self.transcript() or "  (empty)")
        return "\n".join(lines)

    def _notify(self) -> None:
        """Wake every waiter (long polls and ``wait_for``)."""
        self._changed.set()
        self._changed = asyncio.Event()

    def _say(self, chat_id: int | None, line: str) -> None:
        self._transcript.append((chat_id, line))
        if self.echo:
            print(line, flush=True)

    # ------------------------------------------------------------------ users and chats

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        username: str | None = None,
        language_code: str = "en",
    ) -> JSON:
        """Register (or update) a user; returns the User object."""
        user = dict(
            self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": DEFAULT_FIRST_NAME}
        )
        if first_name is not None:
            user["first_name"] = first_name
        if username is not None:
            user["username"] = username
        user.setdefault("language_code", language_code)
        self._users[user_id] = user
        return user

    def add_chat(self, chat_id: int, chat_type: str = "private", *, title: str | None = None) -> JSON:
        """Register a chat so the bot may write to it; returns the Chat object."""
        if chat_type == "private":
            user = self._users.get(chat_id) or self.add_user(chat_id)
            chat: JSON = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
        else:
            chat = {"id": chat_id, "type": chat_type, "title": title or DEFAULT_GROUP_TITLE}
        self._chats[chat_id] = chat
        return chat

    def add_forum(self, chat_id: int, title: str = DEFAULT_FORUM_TITLE) -> JSON:
        """Register a supergroup with topics on, where the bot is an admin allowed to manage topics."""
        if chat_id >= 0:
            raise ValueError("supergroups have negative ids")
        chat = self.add_chat(chat_id, "supergroup", title=title)
        chat["is_forum"] = True
        return chat

    def deny_topics(self, chat_id: int) -> None:
        """Take away the bot's right to manage topics in this chat (createForumTopic then fails)."""
        self._no_topic_rights.add(chat_id)

    def block_bot(self, user_id: int) -> None:
        """Make sends to this user's private chat fail with 403 like a blocked bot."""
        self._blocked.add(user_id)

    # ------------------------------------------------------------------ driving updates

    def add_raw_update(self, update: JSON) -> JSON:
        """Queue an arbitrary update (``update_id`` assigned if missing)."""
        update = {"update_id": self._last_update_id + 1, **update}
        self._last_update_id = max(self._last_update_id, update["update_id"])
        self._updates.append(update)
        self._updates.sort(key=lambda u: u["update_id"])
        self._notify()
        return update

    def send_text(
        self,
        text: str,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        *,
        first_name: str | None = None,
        username: str | None = None,
        chat_type: str = "private",
        title: str | None = None,
        entities: list[JSON] | None = None,
        reply_to_message: JSON | int | None = None,
        message_thread_id: int | None = None,
    ) -> JSON:
        """Queue a text message from a user; returns the update.

        Entities (commands, @mentions, URLs) are detected like Telegram does
        unless given.  ``chat_type`` "group"/"supergroup" uses a negative chat id;
        ``message_thread_id`` writes in that topic of a forum.
        """
        content: JSON = {"text": text}
        found = detect_entities(text) if entities is None else entities
        if found:
            content["entities"] = found
        return self._user_message(
            content, text, user_id, chat_id, first_name, username, chat_type, title, reply_to_message,
            message_thread_id,
        )

    def send_command(
        self, command: str, user_id: int = DEFAULT_USER_ID, chat_id: int | None = None, **kwargs: Any
    ) -> JSON:
        """Queue a ``/command [payload]`` message (with its bot_command entity)."""
        if not command.startswith("/"):
            raise ValueError(f"commands start with '/': {command!r}")
        return self.send_text(command, user_id, chat_id, **kwargs)

    def send_sticker(
        self, user_id: int = DEFAULT_USER_ID, chat_id: int | None = None, *, emoji: str = "👍", **kwargs: Any
    ) -> JSON:
        """Queue a sticker message."""
        stored = self._store_file(b"RIFF-fake-webp", "stickers", ".webp")
        sticker = {
            **_file_fields(stored),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self._user_message({"sticker": sticker}, f"[sticker {emoji}]", user_id, chat_id, **kwargs)

    def send_photo_message(
        self,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        *,
        caption: str | None = None,
        data: bytes = b"\xff\xd8\xff\xe0fake-jpeg",
        **kwargs: Any,
    ) -> JSON:
        """Queue a photo message (downloadable through getFile)."""
        content: JSON = {"photo": self._photo_sizes(self._store_file(data, "photos", ".jpg"))}
        if caption:
            content["caption"] = caption
        line = "[photo]" + (f" {caption}" if caption else "")
        return self._user_message(content, line, user_id, chat_id, **kwargs)

    def send_voice(
        self,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        *,
        duration: int = 3,
        data: bytes = b"OggS-fake-opus",
        **kwargs: Any,
    ) -> JSON:
        """Queue a voice message (downloadable through getFile)."""
        stored = self._store_file(data, "voice", ".oga")
        voice = {**_file_fields(stored), "duration": duration, "mime_type": "audio/ogg"}
        return self._user_message({"voice": voice}, f"[voice {duration}s]", user_id, chat_id, **kwargs)

    def send_location(
        self,
        latitude: float = 51.5074,
        longitude: float = -0.1278,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        **kwargs: Any,
    ) -> JSON:
        """Queue a location message."""
        content = {"location": {"latitude": latitude, "longitude": longitude}}
        return self._user_message(content, f"[location {latitude}, {longitude}]", user_id, chat_id, **kwargs)

    def press_button(
        self,
        message: JSON,
        data: str | None = None,
        user_id: int | None = None,
        *,
        text: str | None = None,
        check: bool = True,
    ) -> JSON:
        """Queue a callback_query for a button of a bot message; returns the update.

        Give the button's callback ``data`` or its label ``text``.  The current
        version of the message is used (edits applied); with ``check`` the
        button must exist on it, as a real client can only press visible buttons.
        """
        key = (message["chat"]["id"], message["message_id"])
        current = self._messages.get(key)
        if current is None:
            raise ValueError(f"message {key} is unknown or deleted")
        buttons = [b for b in _inline_buttons(current) if "callback_data" in b]
        if text is not None:
            matches = [b for b in buttons if b["text"] == text]
            if not matches:
                raise ValueError(
                    f"no callback button labelled {text!r}; buttons: {[b['text'] for b in buttons]}"
                )
            data = matches[0]["callback_data"]
        if data is None:
            raise ValueError("give data or text")
        if check and not any(b["callback_data"] == data for b in buttons):
            raise ValueError(
                f"message {key} has no button with callback_data {data!r}; "
                f"buttons: {[(b['text'], b['callback_data']) for b in buttons]}"
            )
        chat = current["chat"]
        if user_id is None:
            user_id = chat["id"] if chat["type"] == "private" else DEFAULT_USER_ID
        user = self._users.get(user_id) or self.add_user(user_id)
        query_id = str(next(self._query_ids))
        self._callback_queries[query_id] = _QueryState(user_id, chat["id"])
        label = next((b["text"] for b in buttons if b["callback_data"] == data), data)
        self._say(chat["id"], f"{user['first_name']} pressed [{label}]")
        return self.add_raw_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "message": current,
                    "chat_instance": f"{abs(chat['id']) * 7919 % 10**12}",
                    "data": data,
                }
            }
        )

    def send_inline_query(
        self,
        query: str,
        user_id: int = DEFAULT_USER_ID,
        *,
        offset: str = "",
        chat_type: str = "sender",
        first_name: str | None = None,
    ) -> JSON:
        """Queue an inline query (``@bot query`` typed in any chat)."""
        user = self.add_user(user_id, first_name)
        query_id = str(next(self._query_ids))
        self._inline_queries[query_id] = _QueryState(user_id)
        self._say(None, f"{user['first_name']} (inline query): {query}")
        return self.add_raw_update(
            {
                "inline_query": {
                    "id": query_id,
                    "from": user,
                    "query": query,
                    "offset": offset,
                    "chat_type": chat_type,
                }
            }
        )

    def _user_message(
        self,
        content: JSON,
        line: str,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        chat_type: str = "private",
        title: str | None = None,
        reply_to_message: JSON | int | None = None,
        message_thread_id: int | None = None,
    ) -> JSON:
        """Register user/chat, store the message and queue it as an update."""
        user = self.add_user(user_id, first_name, username=username)
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else DEFAULT_GROUP_ID
        if chat_type != "private" and chat_id >= 0:
            raise ValueError("group chats have negative ids")
        chat = self._chats.get(chat_id)
        if chat is None or chat["type"] != chat_type or (title and chat.get("title") != title):
            chat = self.add_chat(chat_id, chat_type, title=title)
        reply: JSON | None = None
        if reply_to_message is not None:
            reply_id = (
                reply_to_message if isinstance(reply_to_message, int) else reply_to_message["message_id"]
            )
            target = self._messages.get((chat_id, reply_id))
            if target is None:
                raise ValueError(f"message {reply_id} not found in chat {chat_id}")
            reply = _without_reply(target)
        if message_thread_id is not None:
            topic_fields, topic_start = self._topic_fields(chat, message_thread_id)
            content = {**content, **topic_fields}
            reply = reply or topic_start
            line = f"(topic {message_thread_id}) {line}"
        message = self._new_message(chat, user, content, reply)
        self._say(chat_id, f"{user['first_name']}: {line}")
        return self.add_raw_update({"message": message})

    # ------------------------------------------------------------------ messages and files

    def _new_message(self, chat: JSON, sender: JSON, content: JSON, reply: JSON | None = None) -> JSON:
        counter = self._message_ids.setdefault(chat["id"], itertools.count(1))
        message: JSON = {
            "message_id": next(counter),
            "from": sender,
            "chat": chat,
            "date": int(time.time()),
        }
        if reply is not None:
            message["reply_to_message"] = reply
        message.update(content)
        self._messages[(chat["id"], message["message_id"])] = message
        return message

    def _store_file(self, data: bytes, folder: str, suffix: str) -> _StoredFile:
        n = next(self._file_ids)
        stored = _StoredFile(
            file_id=f"AgACAgFAKE{n:06d}{folder[:3]}",
            file_unique_id=f"AQADFAKE{n:06d}",
            file_path=f"{folder}/file_{n}{suffix}",
            data=data,
        )
        self._files[stored.file_id] = stored
        return stored

    def _photo_sizes(self, stored: _StoredFile) -> list[JSON]:
        """PhotoSize list for a stored photo: a thumbnail plus the full size."""
        thumb = self._store_file(stored.data[:1024], "photos", ".jpg")
        return [
            {**_file_fields(thumb), "width": 90, "height": 90},
            {**_file_fields(stored), "width": 800, "height": 600},
        ]

    # ------------------------------------------------------------------ HTTP plumbing

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        entry = self._methods.get(name.lower())
        record = RecordedRequest(entry[0] if entry else name, {}, {}, time.time())
        try:
            record.params, record.files = await self._read_params(request)
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            if entry is None:
                log.warning("FakeBotApi: unsupported method %s", name)
                raise ApiError(404, "Not Found")
            fault = self._pop_fault(entry[0])
            if fault is not None:
                await self._apply_fault(fault)
            result = await entry[1](record.params, record.files)
        except ApiError as exc:
            record.status, record.response = exc.status, exc.description
            return web.json_response(exc.envelope(), status=exc.status)
        except _DropConnection:
            if request.transport is not None:
                request.transport.close()
            return web.Response()
        finally:
            self.requests.append(record)
            self._notify()
        record.status, record.response = 200, result
        return web.json_response({"ok": True, "result": result})

    async def _apply_fault(self, fault: _Fault) -> None:
        if fault.kind == "stall":
            await self._sleep(fault.seconds)
        elif fault.kind == "drop":
            raise _DropConnection
        else:
            params = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
            raise ApiError(fault.status, fault.description, params)

    async def _sleep(self, seconds: float) -> None:
        """Sleep, but return early when the server stops."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopped.wait(), seconds)

    async def _read_params(self, request: web.Request) -> tuple[JSON, dict[str, UploadedFile]]:
        """Read query string plus JSON, urlencoded or multipart body."""
        params: JSON = {k: _decode_param(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if request.method != "POST" or not request.can_read_body:
            return params, files
        try:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise bad_request("request body must be a JSON object")
                params.update(body)
            elif request.content_type == "multipart/form-data":
                reader = await request.multipart()
                async for part in reader:
                    if not isinstance(part, BodyPartReader) or part.name is None:
                        continue
                    if part.filename is not None:
                        content_type = part.headers.get("Content-Type")
                        files[part.name] = UploadedFile(
                            part.name, part.filename, content_type, await part.read()
                        )
                    else:
                        params[part.name] = _decode_param(part.name, await part.text())
            else:
                form = await request.post()
                params.update({k: _decode_param(k, v) for k, v in form.items() if isinstance(v, str)})
        except ApiError:
            raise
        except (ValueError, TypeError) as exc:
            raise bad_request(f"can't parse request body: {exc}") from None
        return params, files

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").envelope(), status=401)
        path = request.match_info["path"]
        stored = next((f for f in self._files.values() if f.file_path == path), None)
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").envelope(), status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    # ------------------------------------------------------------------ validation helpers

    def _chat(self, params: JSON) -> JSON:
        """The chat addressed by ``chat_id`` (must be known and not blocked)."""
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad_request("chat not found")
        if chat["type"] == "private" and chat_id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _format(self, params: JSON, text_key: str, entities_key: str, limit: int, *, required: bool) -> JSON:
        """Validate and render text/caption per ``parse_mode``; return message fields."""
        source = params.get(text_key)
        if source is None or source == "":
            if required:
                raise bad_request("message text is empty")
            return {}
        if not isinstance(source, str):
            source = str(source)
        parse_mode = str(params.get("parse_mode") or "")
        entities: list[JSON] = []
        if parse_mode.lower() == "html":
            try:
                text, entities = parse_html(source, strict_ampersand=self.strict_ampersand)
            except HtmlParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif parse_mode.lower() in ("", "markdown", "markdownv2"):
            # Markdown is passed through unvalidated; explicit entities are kept.
            text = source
            given = params.get(entities_key) if not parse_mode else None
            if given is not None:
                if not isinstance(given, list) or not all(isinstance(e, dict) for e in given):
                    raise bad_request(f'can\'t parse entities: field "{entities_key}" must be an Array')
                entities = given
        else:
            raise bad_request("unsupported parse_mode")
        text, entities = strip_text(text, entities)
        if not text:
            if required:
                raise bad_request("message text is empty")
            return {}
        if len(text) > limit:
            raise bad_request("message is too long" if required else "message caption is too long")
        fields: JSON = {text_key: text}
        if entities:
            fields[entities_key] = entities
        return fields

    def _markup(self, params: JSON) -> JSON | None:
        """Validate ``reply_markup``; return it if it is an inline keyboard (echoed on messages)."""
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            self._check_inline_keyboard(markup["inline_keyboard"])
            return markup
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays')
            for button in (b for row in rows for b in row):
                label = (
                    button
                    if isinstance(button, str)
                    else button.get("text")
                    if isinstance(button, dict)
                    else None
                )
                if not isinstance(label, str) or not label:
                    raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
            return None
        if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
            return None
        raise bad_request("can't parse reply keyboard markup JSON object")

    @staticmethod
    def _check_inline_keyboard(rows: Any) -> None:
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        for button in (b for row in rows for b in row):
            if not isinstance(button, dict):
                raise bad_request(
                    "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
                )
            if not isinstance(button.get("text"), str):
                raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
            if not button["text"]:
                raise bad_request("BUTTON_TEXT_INVALID")
            if not any(k in button for k in INLINE_BUTTON_ACTIONS):
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")
            if "url" in button:
                url = button["url"]
                if not isinstance(url, str) or not _valid_button_url(url):
                    raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")

    def _reply_target(self, chat_id: int, params: JSON) -> JSON | None:
        """Resolve ``reply_parameters``/``reply_to_message_id`` to the replied message."""
        reply = params.get("reply_parameters")
        if reply is None and params.get("reply_to_message_id") is not None:
            reply = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if reply is None:
            return None
        if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
            raise bad_request("can't parse reply parameters JSON object")
        target = self._messages.get((chat_id, reply["message_id"]))
        if target is None:
            if reply.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        return _without_reply(target)

    def _chat_message(self, params: JSON, *, editable: bool) -> JSON:
        """The message addressed by chat_id + message_id (the bot's own if ``editable``)."""
        chat = self._chat(params)
        message_id = int(_number_param(params, "message_id", 0))
        message = self._messages.get((chat["id"], message_id))
        if message is None:
            raise bad_request("message to edit not found" if editable else "message to delete not found")
        if editable and message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        return message

    def _bot_says(self, message: JSON, verb: str = "") -> None:
        """Add a bot message (with its keyboard) to the transcript."""
        body = _describe(message).replace("\n", "\n    ")
        where = f" (topic {message['message_thread_id']})" if "message_thread_id" in message else ""
        lines = [f"bot{verb}{where}: {body}"]
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
            cells = [f"[{b['text']}]" + (f"({b['url']})" if "url" in b else "") for b in row]
            lines.append("    " + " ".join(cells))
        self._say(message["chat"]["id"], "\n".join(lines))

    # ------------------------------------------------------------------ API methods

    async def _true(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        return True

    async def _get_me(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        return self.bot_user

    async def _get_updates(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        if self._webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = int(_number_param(params, "offset", 0))
        limit = min(max(int(_number_param(params, "limit", 100)), 1), 100)
        timeout = max(_number_param(params, "timeout", 0), 0.0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = frozenset(allowed) if allowed else None
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # terminates an older poll with 409 like Telegram
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, POLL_CONFLICT)
            self._updates = [u for u in self._updates if self._is_allowed(u)]
            remaining = deadline - loop.time()
            if self._updates or remaining <= 0 or self._stopped.is_set():
                return self._updates[:limit]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    def _is_allowed(self, update: JSON) -> bool:
        kind = next((k for k in update if k != "update_id"), "")
        if self._allowed_updates is None:
            return kind not in DEFAULT_EXCLUDED_UPDATES
        return kind in self._allowed_updates

    async def _send_message(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        content = self._format(params, "text", "entities", MAX_TEXT_LENGTH, required=True)
        message = self._post(chat, params, content)
        self._sent.append(message)
        return message

    def _post(self, chat: JSON, params: JSON, content: JSON, note: str = "") -> JSON:
        """A message from the bot into `chat`: its buttons, topic and reply target from `params`."""
        markup = self._markup(params)
        if markup is not None:
            content["reply_markup"] = markup
        topic_fields, topic_start = self._thread_param(chat, params)
        content.update(topic_fields)
        reply = self._reply_target(chat["id"], params) or topic_start
        message = self._new_message(chat, self.bot_sender, content, reply)
        self._bot_says(message, note)
        return message

    async def _edit_message_text(self, params: JSON, files: dict[str, UploadedFile]) -> JSON | bool:
        content = self._format(params, "text", "entities", MAX_TEXT_LENGTH, required=True)
        markup = self._markup(params)
        if params.get("inline_message_id"):
            return True
        old = self._chat_message(params, editable=True)
        if "text" not in old:
            raise bad_request("there is no text in the message to edit")
        if (
            content["text"] == old["text"]
            and content.get("entities") == old.get("entities")
            and markup == old.get("reply_markup")
        ):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        new = {k: v for k, v in old.items() if k not in ("entities", "reply_markup")}
        new.update(content, edit_date=int(time.time()))
        if markup is not None:
            new["reply_markup"] = markup
        self._messages[(new["chat"]["id"], new["message_id"])] = new
        self._sent.append(new)
        self._bot_says(new, " (edited)")
        return new

    async def _edit_message_reply_markup(self, params: JSON, files: dict[str, UploadedFile]) -> JSON | bool:
        markup = self._markup(params)
        if params.get("inline_message_id"):
            return True
        old = self._chat_message(params, editable=True)
        if markup == old.get("reply_markup"):
            raise bad_request(NOT_MODIFIED.removeprefix("Bad Request: "))
        new = {k: v for k, v in old.items() if k != "reply_markup"}
        new["edit_date"] = int(time.time())
        if markup is not None:
            new["reply_markup"] = markup
        self._messages[(new["chat"]["id"], new["message_id"])] = new
        self._bot_says(new, " (edited keyboard)")
        return new

    async def _delete_message(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        message = self._chat_message(params, editable=False)
        del self._messages[(message["chat"]["id"], message["message_id"])]
        self._say(message["chat"]["id"], f"bot deleted message #{message['message_id']}")
        return True

    async def _answer_callback_query(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        state = self._callback_queries.get(str(params.get("callback_query_id", "")))
        if state is None or state.answered:
            raise ApiError(400, QUERY_INVALID)
        text = params.get("text") or ""
        if len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        state.answered = True
        if text:
            kind = "alert" if params.get("show_alert") else "toast"
            self._say(state.chat_id, f"bot ({kind}): {text}")
        return True

    async def _answer_inline_query(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        state = self._inline_queries.get(str(params.get("inline_query_id", "")))
        if state is None or state.answered:
            raise ApiError(400, QUERY_INVALID)
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request('field "results" must be an Array')
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict) or "type" not in result:
                raise bad_request("can't parse InlineQueryResult JSON object")
            result_id = str(result.get("id", ""))
            if not 1 <= len(result_id.encode()) <= 64:
                raise bad_request("RESULT_ID_INVALID")
            if result_id in seen:
                raise bad_request("RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._format(content, "message_text", "entities", MAX_TEXT_LENGTH, required=True)
            self._markup(result)
        state.answered = True
        titles = [str(r.get("title", r.get("id"))) for r in results]
        self._say(None, f"bot (inline results): {' | '.join(titles) or '(none)'}")
        return True

    async def _send_chat_action(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self._chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    async def _set_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request('field "commands" must be an Array')
        if len(commands) > MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_RE.match(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._commands_key(params)
        if commands:
            self._commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> list[JSON]:
        return self._commands.get(self._commands_key(params), [])

    async def _delete_my_commands(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    async def _set_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return await self._delete_webhook(params, files)
        if not url.lower().startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = {"url": url, "allowed_updates": params.get("allowed_updates")}
        self._notify()  # pending polls now conflict
        return True

    async def _delete_webhook(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = None
        return True

    async def _get_webhook_info(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        info: JSON = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook:
            info["max_connections"] = 40
            if self._webhook.get("allowed_updates"):
                info["allowed_updates"] = self._webhook["allowed_updates"]
        return info

    def _input_file(
        self, params: JSON, files: dict[str, UploadedFile], key: str
    ) -> tuple[_StoredFile | None, UploadedFile | None]:
        """Resolve a file parameter: upload (direct or attach://), known file_id or URL."""
        value = params.get(key)
        upload = files.get(key)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
        if upload is not None:
            if upload.size == 0:
                raise bad_request("file must be non-empty")
            return None, upload
        if not isinstance(value, str) or not value:
            raise bad_request(f"there is no {key} in the request")
        if value in self._files:
            return self._files[value], None
        if value.startswith(("http://", "https://")):
            return None, UploadedFile(key, value.rsplit("/", 1)[-1] or None, None, b"")
        raise bad_request("wrong file identifier/HTTP URL specified")

    async def _send_photo(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        stored, upload = self._input_file(params, files, "photo")
        if stored is None:
            assert upload is not None
            stored = self._store_file(upload.data, "photos", ".jpg")
        return self._send_media(chat, params, {"photo": self._photo_sizes(stored)})

    async def _send_document(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        stored, upload = self._input_file(params, files, "document")
        if stored is None:
            assert upload is not None
            stored = self._store_file(upload.data, "documents", "")
        document = _file_fields(stored)
        if upload is not None and upload.filename:
            document["file_name"] = upload.filename
        if upload is not None and upload.content_type:
            document["mime_type"] = upload.content_type
        return self._send_media(chat, params, {"document": document})

    def _send_media(self, chat: JSON, params: JSON, content: JSON) -> JSON:
        content.update(
            self._format(params, "caption", "caption_entities", MAX_CAPTION_LENGTH, required=False)
        )
        return self._post(chat, params, content)

    # ------------------------------------------------------------------ forums and copies

    def _forum(self, params: JSON) -> JSON:
        chat = self._chat(params)
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        return chat

    def _topic_fields(self, chat: JSON, thread_id: Any) -> tuple[JSON, JSON | None]:
        """The fields of a message in topic ``thread_id``, and the topic's first message (replied to)."""
        topic = self._topics.get((chat["id"], thread_id)) if isinstance(thread_id, int) else None
        if not chat.get("is_forum") or topic is None:
            raise bad_request("message thread not found")
        start = self._messages.get((chat["id"], topic.thread_id))
        return {"message_thread_id": topic.thread_id, "is_topic_message": True}, start and _without_reply(start)

    def _thread_param(self, chat: JSON, params: JSON) -> tuple[JSON, JSON | None]:
        """``message_thread_id`` of a send: topic fields (none outside topics, like the General topic)."""
        thread_id = params.get("message_thread_id")
        if thread_id in (None, "") or not chat.get("is_forum"):
            return {}, None
        return self._topic_fields(chat, thread_id)

    async def _create_forum_topic(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._forum(params)
        if chat["id"] in self._no_topic_rights:
            raise bad_request("not enough rights to create a topic")
        name = params.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= MAX_TOPIC_NAME_LENGTH:
            raise bad_request("TOPIC_NAME_INVALID")
        created = {"forum_topic_created": {"name": name, "icon_color": TOPIC_ICON_COLOR}}
        message = self._new_message(chat, self.bot_sender, created)
        thread_id = message["message_id"]
        message.update(message_thread_id=thread_id, is_topic_message=True)
        self._topics[(chat["id"], thread_id)] = _Topic(thread_id, name)
        self._say(chat["id"], f"bot created topic {thread_id}: {name}")
        return {"message_thread_id": thread_id, "name": name, "icon_color": TOPIC_ICON_COLOR}

    async def _close_forum_topic(self, params: JSON, files: dict[str, UploadedFile]) -> bool:
        chat = self._forum(params)
        if chat["id"] in self._no_topic_rights:
            raise bad_request("not enough rights to manage topics")
        thread_id = params.get("message_thread_id")
        topic = self._topics.get((chat["id"], thread_id)) if isinstance(thread_id, int) else None
        if topic is None:
            raise bad_request("message thread not found")
        if topic.closed:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.closed = True
        self._new_message(chat, self.bot_sender, {"forum_topic_closed": {}, "message_thread_id": thread_id,
                                                  "is_topic_message": True})
        self._say(chat["id"], f"bot closed topic {thread_id}")
        return True

    async def _copy_message(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        chat = self._chat(params)
        source_chat = self._chat({"chat_id": params.get("from_chat_id")})
        source = self._messages.get((source_chat["id"], int(_number_param(params, "message_id", 0))))
        if source is None:
            raise bad_request("message to copy not found")
        content = {k: v for k, v in source.items() if k in COPYABLE_FIELDS}
        if not content or "poll" in content:
            raise bad_request("message can't be copied")
        if "caption" in params and any(k in content for k in CAPTIONED_FIELDS):
            content = {k: v for k, v in content.items() if k not in ("caption", "caption_entities")}
            content.update(self._format(params, "caption", "caption_entities", MAX_CAPTION_LENGTH, required=False))
        message = self._post(chat, params, content, " (copy)")
        self._sent.append(message)
        return {"message_id": message["message_id"]}

    async def _get_file(self, params: JSON, files: dict[str, UploadedFile]) -> JSON:
        file_id = str(params.get("file_id", ""))
        stored = self._files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        return {**_file_fields(stored), "file_path": stored.file_path}


def _file_fields(stored: _StoredFile) -> JSON:
    """The fields every Telegram file object has."""
    return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": len(stored.data)}


def _describe(message: JSON) -> str:
    """One-line summary of a bot message's content for the transcript."""
    caption = f" {message['caption']}" if message.get("caption") else ""
    if "text" in message:
        return str(message["text"])
    if "photo" in message:
        return f"[photo {message['photo'][-1]['file_size']} bytes]{caption}"
    if "document" in message:
        return f"[document {message['document'].get('file_name', '')}]{caption}"
    if "voice" in message:
        return f"[voice {message['voice'].get('duration', 0)}s]{caption}"
    if "sticker" in message:
        return f"[sticker {message['sticker'].get('emoji', '')}]"
    return "[message]"


def _valid_button_url(url: str) -> bool:
    """Roughly Telegram's check: http(s) with a real-looking host, or tg:// links."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme == "tg":
        return bool(parts.netloc)
    if parts.scheme not in ("http", "https") or any(c.isspace() for c in url):
        return False
    return bool(parts.hostname and _HOST_RE.match(parts.hostname))


# --------------------------------------------------------------------------- standalone


async def _serve(args: argparse.Namespace) -> None:
    """Run the server until cancelled; with ``--interactive`` stdin lines become user messages."""
    async with FakeBotApi(args.token, host=args.host, port=args.port, echo=True) as api:
        print(
            f"FakeBotApi listening\n  base_url={api.base_url}\n"
            f"  base_file_url={api.base_file_url}\n  token={api.token}",
            flush=True,
        )
        if not args.interactive:
            await asyncio.Event().wait()
        print(
            f"Type messages as user {DEFAULT_USER_ID}; '!press <label>' presses a button on the last"
            " bot message, '!inline <query>' sends an inline query.",
            flush=True,
        )
        lines: asyncio.Queue[str] = asyncio.Queue()
        loop = asyncio.get_running_loop()

        def read_stdin() -> None:
            for line in sys.stdin:
                loop.call_soon_threadsafe(lines.put_nowait, line.rstrip("\n"))

        threading.Thread(target=read_stdin, daemon=True).start()
        while True:
            _interactive_line(api, await lines.get())


def _interactive_line(api: FakeBotApi, line: str) -> None:
    """Turn one typed line into an update."""
    try:
        if line.startswith("!press "):
            history = [m for m in api.chat_history(DEFAULT_USER_ID) if _inline_buttons(m)]
            if not history:
                print("(no bot message with buttons)", flush=True)
                return
            api.press_button(history[-1], text=line.removeprefix("!press ").strip())
        elif line.startswith("!inline "):
            api.send_inline_query(line.removeprefix("!inline "))
        elif line.strip():
            api.send_text(line)
    except ValueError as exc:
        print(f"({exc})", flush=True)


def main(argv: Iterable[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for manual testing.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--interactive", action="store_true", help="read user messages from stdin")
    args = parser.parse_args(None if argv is None else list(argv))
    logging.basicConfig(level=logging.WARNING)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
