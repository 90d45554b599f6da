"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end adapter tests and benches.

Why: the machines have no internet, and mocking python-telegram-bot (PTB) in-process would skip
the HTTP layer where real bugs live (form encoding, error mapping, long polling, webhooks). This
server speaks the wire format PTB 22.x uses, so the real library runs unchanged against it:

    async with FakeTelegramApi() as fake:
        app = (ApplicationBuilder().token(fake.token)
               .base_url(f"{fake.url}/bot").base_file_url(f"{fake.url}/file/bot")
               .request(HTTPXRequest(httpx_kwargs={"trust_env": False}))
               .get_updates_request(HTTPXRequest(httpx_kwargs={"trust_env": False}))
               .build())

Routes: ``* {url}/bot{token}/{method}`` (method names are case-insensitive, like Telegram) and
``GET {url}/file/bot{token}/{file_path}``. A wrong token answers 401. Bodies may be
form-urlencoded, multipart (files are kept as bytes), JSON, or query strings; values are decoded
by field name (JSON fields such as ``reply_markup``/``commands``/``allowed_updates``/``entities``
are parsed, integer and boolean fields converted, everything else stays a string).

Implemented methods:
    getMe, deleteWebhook, setWebhook, getWebhookInfo, getUpdates (long poll honouring ``timeout``,
    offset pruning, ``limit``, ``allowed_updates`` filtering, 409 while a webhook is set, 409 for
    the older of two concurrent polls), sendMessage, sendPhoto, sendDocument, editMessageText,
    editMessageReplyMarkup, deleteMessage, answerCallbackQuery, getChatAdministrators,
    getChatMember, getChat, setMyCommands, getMyCommands, deleteMyCommands, sendChatAction,
    getFile (+ file download), leaveChat. Any other method answers ``{"ok":true,"result":true}``
    and is recorded.

Realistic failures (the ones adapters must handle):
    * 403 ``Forbidden: bot can't initiate conversation with a user`` for a private chat whose user
      never "started" the bot (``mark_started``; pushing a private message marks the user started).
    * 403 ``Forbidden: bot was kicked from the group chat`` (or ``supergroup chat``) after
      ``remove_bot_from`` / ``leaveChat`` / a pushed ``my_chat_member`` with left/kicked, and
      ``Forbidden: bot was blocked by the user`` for a private chat whose user kicked the bot.
    * 400 with ``parameters.migrate_to_chat_id`` (PTB raises ``ChatMigrated``) when sending to a
      group after ``push_migrate``.
    * 400 ``message is not modified`` for a no-op edit, ``message to edit not found``,
      ``message is too long`` (> 4096 characters after entity parsing), ``message text is empty``,
      ``can't parse entities`` for malformed HTML / MarkdownV2 / Markdown, ``query is too old``
      for an unknown callback query id, ``BOT_COMMAND_INVALID`` for bad command names.
    * Injected: ``fail_next`` (429 with ``retry_after`` or any status; 502 answers an nginx HTML
      page like the real edge does), ``delay_next``, and ``enforce_rate`` (429 when a global
      per-second or per-chat per-minute budget for sent/edited messages is exceeded).

Webhooks: ``setWebhook`` stores the url and secret; while it is set, queued updates are POSTed to
it (exactly ``Content-Type: application/json`` and the secret header) by a background worker that
retries with backoff, like Telegram. ``post_webhook`` does a single such POST by hand.

Recording: every request (including failures and unknown methods) becomes a ``Call``, appended
when its response is decided, so ``Call.status``/``Call.result`` are set; ``Call.at`` is the
``time.monotonic()`` arrival time.

Deliberately not implemented: inline mode, payments, media groups, forum topics, message entities
in returned messages (formatting is validated and stripped, not re-encoded), and local mode.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import itertools
import json
import math
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import aiohttp
from aiohttp import web

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "Call",
    "FakeTelegramApi",
    "WebhookDelivery",
    "post_webhook",
]

JSON = dict[str, Any]

DEFAULT_TOKEN = "123456:TEST-TOKEN"
MAX_TEXT = 4096
MAX_CAPTION = 1024

# Fields PTB sends as JSON text inside a form body (it json.dumps every non-str value).
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "commands",
        "allowed_updates",
        "entities",
        "caption_entities",
        "scope",
        "link_preview_options",
        "reply_parameters",
        "media",
        "results",
        "permissions",
        "options",
        "message_ids",
        "reaction",
        "explanation_entities",
        "question_entities",
        "menu_button",
        "rights",
    }
)
_INT_FIELDS = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "reply_to_message_id",
        "message_thread_id",
        "cache_time",
        "max_connections",
        "until_date",
        "duration",
        "width",
        "height",
        "business_connection_id_int",
    }
)
_BOOL_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "has_spoiler",
        "allow_sending_without_reply",
        "disable_content_type_detection",
        "revoke_messages",
        "only_if_banned",
        "allow_paid_broadcast",
        "show_caption_above_media",
        "for_channels",
    }
)

# Update types delivered when allowed_updates is empty/unset (Telegram's documented default).
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

_RATE_LIMITED_PREFIXES = ("send", "edit", "copy", "forward")

_ADMIN_RIGHTS = (
    "can_be_edited",
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
)
_RESTRICTED_RIGHTS = (
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_send_messages",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_manage_topics",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_edit_tag",
    "can_react_to_messages",
)

_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LEADING_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?")

_BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        """The JSON body Telegram sends for this error."""
        out: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


@dataclass
class Call:
    """One recorded request: decoded params, uploaded file bytes, arrival time and outcome."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes]
    at: float
    status: int = 200
    result: Any = None
    description: str | None = None
    filenames: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the fake answered 2xx."""
        return 200 <= self.status < 300


@dataclass
class WebhookDelivery:
    """One attempt of the webhook worker to POST an update."""

    update_id: int
    status: int  # 0 when the connection failed
    at: float


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    description: str | None
    times: int


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes


def _decode_value(name: str, value: str) -> Any:
    """Reverse PTB's form encoding for one field (str raw, everything else json.dumps-ed)."""
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if name in _INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            return value  # e.g. chat_id="@channelusername"
    if name in _BOOL_FIELDS:
        return value.lower() == "true"
    return value


async def post_webhook(
    url: str,
    update: Mapping[str, Any],
    secret: str | None = None,
    *,
    session: aiohttp.ClientSession | None = None,
) -> int:
    """POST one update the way Telegram does; return the HTTP status.

    Why exact headers: PTB's webhook handler 403s anything but ``Content-Type: application/json``
    (no charset) and a matching ``X-Telegram-Bot-Api-Secret-Token``.
    """
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    body = json.dumps(update).encode()
    if session is None:
        async with (
            aiohttp.ClientSession() as own,
            own.post(url, data=body, headers=headers) as resp,
        ):
            await resp.read()
            return resp.status
    async with session.post(url, data=body, headers=headers) as resp:
        await resp.read()
        return resp.status


# ---------------------------------------------------------------------------------------------
# Formatting validation: Telegram rejects malformed markup, which adapters must escape properly.


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>")
_HTML_ENTITY = re.compile(r"&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|lt|gt|amp|quot);")


def _parse_html(text: str) -> str:
    """Validate Telegram HTML and return the plain text a client would see."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            m = _HTML_TAG.match(text, i)
            if m is None:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Unexpected '<' (escape it as &lt;) at "
                    f"byte offset {_byte_offset(text, i)}",
                )
            closing, name = m.group(1) == "/", m.group(2).lower()
            if name not in _HTML_TAGS:
                raise ApiError(
                    400,
                    f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" '
                    f"at byte offset {_byte_offset(text, i)}",
                )
            if closing:
                if not stack or stack[-1][0] != name:
                    raise ApiError(
                        400,
                        f"Bad Request: can't parse entities: Unexpected end tag at byte offset {_byte_offset(text, i)}",
                    )
                stack.pop()
            else:
                stack.append((name, i))
            i = m.end()
            continue
        if ch == "&":
            m = _HTML_ENTITY.match(text, i)
            if m is not None:
                out.append(html.unescape(m.group(0)))
                i = m.end()
                continue
        out.append(ch)
        i += 1
    if stack:
        raise ApiError(
            400,
            f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1][0]}\"",
        )
    return "".join(out)


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "*": "Bold",
    "_": "Italic",
    "__": "Underline",
    "~": "Strikethrough",
    "||": "Spoiler",
    "[": "TextUrl",
}


def _parse_markdown_v2(text: str) -> str:
    """Validate MarkdownV2 (every reserved character escaped) and return the plain text."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            if i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            raise ApiError(
                400,
                "Bad Request: can't parse entities: Character '\\' is reserved and must be escaped "
                "with the preceding '\\'",
            )
        if text.startswith("```", i):
            end = text.find("```", i + 3)
            if end < 0:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Can't find end of PreCode entity at byte "
                    f"offset {_byte_offset(text, i)}",
                )
            body = text[i + 3 : end]
            first, sep, rest = body.partition("\n")
            if sep and first and " " not in first:
                body = rest  # language tag line
            out.append(re.sub(r"\\([`\\])", r"\1", body))
            i = end + 3
            continue
        if ch == "`":
            end = i + 1
            while end < n and text[end] != "`":
                end += 2 if text[end] == "\\" else 1
            if end >= n:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Can't find end of Code entity at byte "
                    f"offset {_byte_offset(text, i)}",
                )
            out.append(re.sub(r"\\([`\\])", r"\1", text[i + 1 : end]))
            i = end + 1
            continue
        marker = None
        for candidate in ("||", "__", "*", "_", "~"):
            if text.startswith(candidate, i):
                marker = candidate
                break
        if marker is not None:
            if stack and stack[-1][0] == marker:
                stack.pop()
            else:
                stack.append((marker, i))
            i += len(marker)
            continue
        if ch == "[":
            stack.append(("[", i))
            i += 1
            continue
        if ch == "]" and stack and stack[-1][0] == "[" and text.startswith("(", i + 1):
            close = text.find(")", i + 2)
            if close < 0:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Can't find end of a url at byte offset "
                    f"{_byte_offset(text, i + 1)}",
                )
            stack.pop()
            i = close + 1
            continue
        if ch == ">" and (i == 0 or text[i - 1] == "\n"):
            i += 1  # blockquote marker at line start
            continue
        if ch in _MDV2_RESERVED:
            raise ApiError(
                400,
                f"Bad Request: can't parse entities: Character '{ch}' is reserved and must be "
                "escaped with the preceding '\\'",
            )
        out.append(ch)
        i += 1
    if stack:
        marker, start = stack[-1]
        raise ApiError(
            400,
            f"Bad Request: can't parse entities: Can't find end of {_MDV2_NAMES[marker]} entity "
            f"at byte offset {_byte_offset(text, start)}",
        )
    return "".join(out)


_LEGACY_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def _parse_markdown_legacy(text: str) -> str:
    """Validate legacy Markdown (``*``, ``_``, backticks, links) and return the plain text."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in "*_`[":
            out.append(text[i + 1])
            i += 2
            continue
        if ch in "*_`":
            marker = "```" if text.startswith("```", i) else ch
            width = len(marker)
            end = text.find(marker, i + width)
            if end < 0:
                raise ApiError(
                    400,
                    "Bad Request: can't parse entities: Can't find end of the entity starting at "
                    f"byte offset {_byte_offset(text, i)}",
                )
            out.append(text[i + width : end])
            i = end + width
            continue
        if ch == "[":
            m = _LEGACY_LINK.match(text, i)
            if m is not None:
                out.append(m.group(1))
                i = m.end()
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _render(text: str, parse_mode: str | None) -> str:
    """Apply parse_mode like Telegram: validate, then return the visible text."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return _parse_html(text)
    if mode == "markdownv2":
        return _parse_markdown_v2(text)
    if mode == "markdown":
        return _parse_markdown_legacy(text)
    if mode:
        raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode}")
    return text


def _member(user: JSON, status: str) -> JSON:
    """A ChatMember dict of the given status complete enough for PTB's de_json."""
    out: JSON = {"user": user, "status": status}
    if status == "creator":
        out["is_anonymous"] = False
    elif status == "administrator":
        out.update(dict.fromkeys(_ADMIN_RIGHTS, True))
        out["can_be_edited"] = False
        out["is_anonymous"] = False
    elif status == "restricted":
        out.update(dict.fromkeys(_RESTRICTED_RIGHTS, False))
        out["is_member"] = True
        out["until_date"] = 0
    elif status == "kicked":
        out["until_date"] = 0
    elif status not in ("member", "left"):
        raise ValueError(f"unknown chat member status {status!r}")
    return out


def _user(user_id: int, first_name: str, username: str | None = None) -> JSON:
    out: JSON = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}
    if username:
        out["username"] = username
    return out


def _markup_equal(a: Any, b: Any) -> bool:
    """Compare reply markups the way Telegram does: no markup equals an empty keyboard."""
    empty: tuple[Any, ...] = (None, {}, {"inline_keyboard": []})
    if a in empty and b in empty:
        return True
    return bool(a == b)


class FakeTelegramApi:
    """An in-process aiohttp server speaking enough of the Bot API for PTB 22.x end-to-end tests.

    Constructor: ``FakeTelegramApi(token=DEFAULT_TOKEN, *, bot_username="iop_test_bot",
    bot_id=7000, bot_first_name="IOP Test Bot", auto_deliver_webhook=True)``.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "iop_test_bot",
        bot_id: int = 7000,
        bot_first_name: str = "IOP Test Bot",
        auto_deliver_webhook: bool = True,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.auto_deliver_webhook = auto_deliver_webhook

        self.calls: list[Call] = []
        self.webhook_deliveries: list[WebhookDelivery] = []
        self.webhook_url: str = ""
        self.webhook_secret: str | None = None
        self.commands: dict[tuple[str, str], list[JSON]] = {}

        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._session: aiohttp.ClientSession | None = None
        self._closing = asyncio.Event()
        self._calls_changed = asyncio.Condition()
        self._updates_changed = asyncio.Condition()
        self._webhook_task: asyncio.Task[None] | None = None
        self._background: set[asyncio.Task[None]] = set()

        self._updates: list[JSON] = []
        self._last_update_id = 100_000
        self._delivered_upto = 100_000
        self._allowed_updates: list[str] = []
        self._poll_generation = 0

        self._chats: dict[int, JSON] = {}
        self._next_message_id: dict[int, int] = defaultdict(int)
        self._messages: dict[tuple[int, int], JSON] = {}
        self._sent: list[JSON] = []
        self._started: set[int] = set()
        self._blocked: set[int] = set()
        self._removed: set[int] = set()
        self._migrated: dict[int, int] = {}
        self._admins: dict[int, list[JSON]] = {}
        self._members: dict[tuple[int, int], JSON] = {}
        self._callback_ids: set[str] = set()
        self._callback_seq = itertools.count(1)
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._file_seq = itertools.count(1)

        self._failures: dict[str, deque[_Failure]] = defaultdict(deque)
        self._delays: dict[str, deque[float]] = defaultdict(deque)
        self._rate_per_second: float | None = None
        self._rate_per_chat_minute: int | None = None
        self._rate_global: deque[float] = deque()
        self._rate_chats: dict[Any, deque[float]] = defaultdict(deque)

        self._inflight = 0
        self._last_activity = time.monotonic()

        self._handlers: dict[str, Callable[[JSON, dict[str, bytes], dict[str, str]], Any]] = {
            name.lower(): getattr(self, f"_m_{name}")
            for name in (
                "getMe",
                "deleteWebhook",
                "setWebhook",
                "getWebhookInfo",
                "getUpdates",
                "sendMessage",
                "sendPhoto",
                "sendDocument",
                "editMessageText",
                "editMessageReplyMarkup",
                "deleteMessage",
                "answerCallbackQuery",
                "getChatAdministrators",
                "getChatMember",
                "getChat",
                "setMyCommands",
                "getMyCommands",
                "deleteMyCommands",
                "sendChatAction",
                "getFile",
                "leaveChat",
            )
        }

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Server root such as ``http://127.0.0.1:PORT``; available after ``start()``."""
        if self._port is None:
            raise RuntimeError("FakeTelegramApi is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder.base_url``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder.base_file_url``."""
        return f"{self.url}/file/bot"

    async def start(self) -> None:
        """Listen on 127.0.0.1 with an ephemeral port."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        address = self._runner.addresses[0]
        self._port = int(address[1])
        self._session = aiohttp.ClientSession()
        self._closing.clear()

    async def stop(self) -> None:
        """Release long polls and delayed answers, stop the webhook worker, close the server."""
        self._closing.set()
        async with self._updates_changed:
            self._updates_changed.notify_all()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- configuration helpers ---------------------------------------------------------------

    def mark_started(self, user_id: int) -> None:
        """Pretend the user pressed Start, so the bot may DM them."""
        self._started.add(user_id)
        self._blocked.discard(user_id)

    def remove_bot_from(self, chat_id: int) -> None:
        """Pretend the bot was kicked from a group: later sends there answer 403."""
        self._removed.add(chat_id)

    def set_admins(self, chat_id: int, admins: Iterable[Mapping[str, Any]]) -> None:
        """Configure getChatAdministrators for a chat.

        Each entry is a user dict (``{"id": 1, "first_name": "Ann"}``; it becomes an
        ``administrator``) or a full ChatMember dict with ``status`` and ``user``.
        """
        members: list[JSON] = []
        for entry in admins:
            if "status" in entry and "user" in entry:
                user = {"is_bot": False, "first_name": "User", **entry["user"]}
                members.append({**_member(user, str(entry["status"])), **entry, "user": user})
            else:
                user = {"is_bot": False, "first_name": "User", **entry}
                members.append(_member(user, "administrator"))
        self._admins[chat_id] = members

    def set_member(self, chat_id: int, user_id: int, status: str, *, first_name: str = "User") -> None:
        """Configure what getChatMember answers for one user (default is ``member``)."""
        self._members[(chat_id, user_id)] = _member(_user(user_id, first_name), status)

    def add_file(self, data: bytes, *, filename: str = "file.bin", kind: str = "documents") -> str:
        """Store bytes as if a user had uploaded them; return the file_id for getFile."""
        return self._store_file(data, filename, kind).file_id

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status``.

        429 carries ``parameters.retry_after`` (PTB raises RetryAfter); 502 answers an nginx HTML
        page (PTB raises NetworkError); other statuses answer a JSON error.
        """
        self._failures[method.lower()].append(
            _Failure(status, retry_after if status == 429 else None, description, times)
        )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next ``times`` answers to ``method`` for ``seconds`` (slow network)."""
        for _ in range(times):
            self._delays[method.lower()].append(seconds)

    def enforce_rate(self, per_second: float | None, per_chat_per_minute: int | None = None) -> None:
        """Answer 429 + retry_after once send/edit/copy/forward calls exceed these budgets.

        ``per_second`` counts all such calls (Telegram: about 30/s); ``per_chat_per_minute``
        counts per ``chat_id`` (Telegram: 20/min in groups). ``None`` disables a budget.
        """
        self._rate_per_second = per_second if per_second and per_second > 0 else None
        self._rate_per_chat_minute = per_chat_per_minute
        self._rate_global.clear()
        self._rate_chats.clear()

    # -- update builders ---------------------------------------------------------------------

    def push_update(self, raw: Mapping[str, Any]) -> JSON:
        """Queue a raw update (an ``update_id`` is assigned unless a larger one is given)."""
        update = copy.deepcopy(dict(raw))
        given = update.get("update_id")
        if given is None:
            self._last_update_id += 1
            update["update_id"] = self._last_update_id
        elif int(given) <= self._last_update_id:
            raise ValueError(f"update_id {given} is not above {self._last_update_id}")
        else:
            self._last_update_id = int(given)
        self._observe_update(update)
        self._updates.append(update)
        self._notify_updates()
        return copy.deepcopy(update)

    def push_message(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int,
        first_name: str = "Alice",
        username: str | None = None,
        chat_type: str = "private",
        title: str | None = None,
        reply_to_bot: bool = False,
    ) -> JSON:
        """Queue a user's text message; leading ``/cmd`` or ``/cmd@bot`` gets a bot_command entity.

        A private message marks the user as started. ``reply_to_bot`` attaches the bot's latest
        message in that chat (or a synthetic one) as ``reply_to_message``.
        """
        if chat_type not in ("private", "group", "supergroup"):
            raise ValueError(f"unsupported chat_type {chat_type!r}")
        user = _user(user_id, first_name, username)
        if chat_type == "private":
            chat: JSON = {"id": chat_id, "type": "private", "first_name": first_name}
            if username:
                chat["username"] = username
        else:
            known = self._chats.get(chat_id, {})
            chat = {"id": chat_id, "type": chat_type, "title": title or known.get("title")}
            if chat["title"] is None:
                chat["title"] = f"Group {chat_id}"
        self._chats[chat_id] = chat
        message: JSON = {
            "message_id": self._alloc_message_id(chat_id),
            "date": int(time.time()),
            "chat": dict(chat),
            "from": user,
            "text": text,
        }
        m = _LEADING_COMMAND.match(text)
        if m is not None:
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": m.end()}]
        if reply_to_bot:
            message["reply_to_message"] = self._latest_bot_message(chat_id)
        return self.push_update({"message": message})

    def push_callback_query(
        self,
        message: Mapping[str, Any],
        data: str,
        *,
        user_id: int,
        first_name: str = "Alice",
        username: str | None = None,
    ) -> JSON:
        """Queue a button press on ``message`` (its current stored version is used if known)."""
        chat_id = int(message["chat"]["id"])
        current = self._messages.get((chat_id, int(message["message_id"])), message)
        query_id = f"cbq-{next(self._callback_seq)}"
        self._callback_ids.add(query_id)
        return self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": _user(user_id, first_name, username),
                    "message": copy.deepcopy(dict(current)),
                    "chat_instance": f"ci{chat_id}",
                    "data": data,
                }
            }
        )

    def push_my_chat_member(
        self,
        chat_id: int,
        *,
        old_status: str,
        new_status: str,
        chat_type: str = "group",
        title: str | None = None,
        user_id: int = 1,
        first_name: str = "Alice",
    ) -> JSON:
        """Queue a change of the bot's own membership (added, promoted, kicked, blocked...).

        Side effects match Telegram: left/kicked makes later sends 403, member/administrator
        lets the bot send again; in a private chat kicked means the user blocked the bot.
        """
        if chat_type == "private":
            chat: JSON = {"id": chat_id, "type": "private", "first_name": first_name}
            if new_status == "kicked":
                self._blocked.add(chat_id)
            elif new_status == "member":
                self.mark_started(chat_id)
        else:
            chat = {"id": chat_id, "type": chat_type, "title": title or f"Group {chat_id}"}
            if new_status in ("left", "kicked"):
                self._removed.add(chat_id)
            else:
                self._removed.discard(chat_id)
        self._chats[chat_id] = chat
        return self.push_update(
            {
                "my_chat_member": {
                    "chat": dict(chat),
                    "from": _user(user_id, first_name),
                    "date": int(time.time()),
                    "old_chat_member": _member(dict(self.bot_user), old_status),
                    "new_chat_member": _member(dict(self.bot_user), new_status),
                }
            }
        )

    def push_migrate(
        self,
        old_chat_id: int,
        new_chat_id: int,
        *,
        title: str | None = None,
        user_id: int = 1,
        first_name: str = "Alice",
    ) -> list[JSON]:
        """Upgrade a group to a supergroup: queue both service messages, redirect sends.

        Afterwards sends to ``old_chat_id`` answer 400 with ``migrate_to_chat_id`` (ChatMigrated);
        admins and removal state carry over to the new id.
        """
        chat_title = title or self._chats.get(old_chat_id, {}).get("title") or f"Group {old_chat_id}"
        old_chat = {"id": old_chat_id, "type": "group", "title": chat_title}
        new_chat = {"id": new_chat_id, "type": "supergroup", "title": chat_title}
        self._chats[old_chat_id] = old_chat
        self._chats[new_chat_id] = new_chat
        self._migrated[old_chat_id] = new_chat_id
        if old_chat_id in self._admins:
            self._admins.setdefault(new_chat_id, self._admins[old_chat_id])
        if old_chat_id in self._removed:
            self._removed.add(new_chat_id)
        user = _user(user_id, first_name)
        now = int(time.time())
        first = self.push_update(
            {
                "message": {
                    "message_id": self._alloc_message_id(old_chat_id),
                    "date": now,
                    "chat": dict(old_chat),
                    "from": user,
                    "migrate_to_chat_id": new_chat_id,
                }
            }
        )
        second = self.push_update(
            {
                "message": {
                    "message_id": self._alloc_message_id(new_chat_id),
                    "date": now,
                    "chat": dict(new_chat),
                    "from": user,
                    "migrate_from_chat_id": old_chat_id,
                }
            }
        )
        return [first, second]

    # -- inspection --------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (case-insensitive)."""
        wanted = method.lower()
        return [c for c in self.calls if c.method.lower() == wanted]

    def sent_messages(self, chat_id: int | None = None) -> list[JSON]:
        """Messages returned by successful sendMessage/sendPhoto/sendDocument, oldest first."""
        return [copy.deepcopy(m) for m in self._sent if chat_id is None or m["chat"]["id"] == chat_id]

    def message(self, chat_id: int, message_id: int) -> JSON | None:
        """The current stored state of a message (after edits), or None if unknown/deleted."""
        found = self._messages.get((chat_id, message_id))
        return copy.deepcopy(found) if found is not None else None

    @property
    def polls_started(self) -> int:
        """How many getUpdates requests have begun (including ones still long-polling)."""
        return self._poll_generation

    @property
    def pending_updates(self) -> list[JSON]:
        """Queued updates not yet confirmed by a getUpdates offset or a webhook 2xx."""
        return copy.deepcopy(self._updates)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        start: int = 0,
    ) -> Call:
        """Wait for the first call at index >= ``start`` of ``method`` matching ``predicate``.

        Pass ``start=len(fake.calls)`` to ignore calls made before an action.
        """
        wanted = method.lower()

        def find() -> Call | None:
            for c in self.calls[start:]:
                if c.method.lower() == wanted and (predicate is None or predicate(c)):
                    return c
            return None

        async def wait() -> Call:
            async with self._calls_changed:
                while True:
                    hit = find()
                    if hit is not None:
                        return hit
                    await self._calls_changed.wait()

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            seen = [f"{c.method}:{c.status}" for c in self.calls[start:]][-20:]
            raise TimeoutError(f"no {method} call matched within {timeout}s; recent calls: {seen}") from None

    async def wait_idle(self, quiet: float = 0.05, timeout: float = 5.0) -> None:
        """Wait until every queued update was handed out and no request ran for ``quiet`` s.

        Long polls do not count as activity. Useful before asserting that nothing was sent.
        """
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            busy = (
                self._inflight > 0 or self._delivered_upto < self._last_update_id or now - self._last_activity < quiet
            )
            if not busy:
                return
            if now >= deadline:
                raise TimeoutError(
                    f"fake Telegram API not idle after {timeout}s (in flight: {self._inflight}, "
                    f"undelivered updates: {self._last_update_id - self._delivered_upto})"
                )
            await asyncio.sleep(quiet / 2)

    async def post_webhook(self, url: str, update: Mapping[str, Any], secret: str | None = None) -> int:
        """POST one update to a webhook like Telegram does; return the HTTP status."""
        return await post_webhook(url, update, secret, session=self._session)

    # -- HTTP plumbing -----------------------------------------------------------------------

    async def _read_params(self, request: web.Request) -> tuple[JSON, dict[str, bytes], dict[str, str]]:
        params: JSON = {k: _decode_value(k, v) for k, v in request.query.items()}
        files: dict[str, bytes] = {}
        filenames: dict[str, str] = {}
        if request.content_type == "application/json":
            raw = await request.read()
            if raw:
                body = json.loads(raw)
                if isinstance(body, dict):
                    params.update(body)
            return params, files, filenames
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = value.file.read()
                    filenames[key] = value.filename
                else:
                    text = value if isinstance(value, str) else bytes(value).decode()
                    params[key] = _decode_value(key, text)
        return params, files, filenames

    async def _handle(self, request: web.Request) -> web.Response:
        at = time.monotonic()
        method = request.match_info["method"]
        key = method.lower()
        params, files, filenames = await self._read_params(request)
        polling = key == "getupdates"
        if not polling:
            self._inflight += 1
            self._last_activity = at
        try:
            status, body = await self._answer(request.match_info["token"], key, params, files, filenames)
        finally:
            if not polling:
                self._inflight -= 1
                self._last_activity = time.monotonic()
        call = Call(
            method=method,
            params=params,
            files=files,
            at=at,
            status=status,
            result=body.get("result") if isinstance(body, dict) else None,
            description=body.get("description") if isinstance(body, dict) else None,
            filenames=filenames,
        )
        self.calls.append(call)
        async with self._calls_changed:
            self._calls_changed.notify_all()
        if isinstance(body, str):
            return web.Response(status=status, text=body, content_type="text/html")
        return web.json_response(body, status=status)

    async def _answer(
        self,
        token: str,
        key: str,
        params: JSON,
        files: dict[str, bytes],
        filenames: dict[str, str],
    ) -> tuple[int, JSON | str]:
        if token != self.token:
            return 401, ApiError(401, "Unauthorized").body()
        delays = self._delays.get(key)
        if delays:
            seconds = delays.popleft()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), seconds)
        failure = self._take_failure(key)
        if failure is not None:
            if failure.status == 502:
                return 502, _BAD_GATEWAY_HTML
            if failure.status == 429:
                wait = failure.retry_after or 1
                err = ApiError(
                    429,
                    failure.description or f"Too Many Requests: retry after {wait}",
                    {"retry_after": wait},
                )
            else:
                err = ApiError(failure.status, failure.description or f"Injected {failure.status}")
            return err.status, err.body()
        retry = self._rate_check(key, params.get("chat_id"))
        if retry is not None:
            err = ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
            return 429, err.body()
        handler = self._handlers.get(key)
        if handler is None:
            return 200, {"ok": True, "result": True}
        try:
            result = await handler(params, files, filenames)
        except ApiError as err:
            return err.status, err.body()
        return 200, {"ok": True, "result": result}

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").body(), status=401)
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").body(), status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _take_failure(self, key: str) -> _Failure | None:
        queue = self._failures.get(key)
        if not queue:
            return None
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.popleft()
        return failure

    def _rate_check(self, key: str, chat_id: Any) -> int | None:
        if not key.startswith(_RATE_LIMITED_PREFIXES) or key == "sendchataction":
            return None
        now = time.monotonic()
        retry: float | None = None
        per_second = self._rate_per_second
        if per_second is not None:
            window = 1.0 if per_second >= 1 else 1.0 / per_second
            capacity = max(1, int(per_second * window))
            stamps = self._rate_global
            while stamps and stamps[0] <= now - window:
                stamps.popleft()
            if len(stamps) >= capacity:
                retry = stamps[0] + window - now
        per_chat = self._rate_per_chat_minute
        if per_chat is not None and chat_id is not None:
            chat_stamps = self._rate_chats[chat_id]
            while chat_stamps and chat_stamps[0] <= now - 60.0:
                chat_stamps.popleft()
            if len(chat_stamps) >= per_chat:
                retry = max(retry or 0.0, chat_stamps[0] + 60.0 - now)
        if retry is not None:
            return max(1, math.ceil(retry))
        if per_second is not None:
            self._rate_global.append(now)
        if per_chat is not None and chat_id is not None:
            self._rate_chats[chat_id].append(now)
        return None

    # -- state helpers -----------------------------------------------------------------------

    def _notify_updates(self) -> None:
        async def notify() -> None:
            async with self._updates_changed:
                self._updates_changed.notify_all()

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # pushed before any loop runs; the next poll sees the queue anyway
        task = loop.create_task(notify())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _observe_update(self, update: JSON) -> None:
        """Learn chats, messages and started users from any pushed update."""
        for kind in ("message", "edited_message"):
            message = update.get(kind)
            if not isinstance(message, dict) or "chat" not in message:
                continue
            chat = message["chat"]
            chat_id = int(chat["id"])
            self._chats.setdefault(chat_id, dict(chat))
            if "message_id" in message:
                mid = int(message["message_id"])
                self._next_message_id[chat_id] = max(self._next_message_id[chat_id], mid)
                self._messages[(chat_id, mid)] = copy.deepcopy(message)
            if chat.get("type") == "private":
                self.mark_started(chat_id)
        query = update.get("callback_query")
        if isinstance(query, dict) and "id" in query:
            self._callback_ids.add(str(query["id"]))

    def _alloc_message_id(self, chat_id: int) -> int:
        self._next_message_id[chat_id] += 1
        return self._next_message_id[chat_id]

    def _latest_bot_message(self, chat_id: int) -> JSON:
        for sent in reversed(self._sent):
            if sent["chat"]["id"] == chat_id:
                stored = self._messages.get((chat_id, sent["message_id"]))
                return copy.deepcopy(stored or sent)
        return self._new_message(chat_id, text="(earlier bot message)", record=False)

    def _chat_obj(self, chat_id: int) -> JSON:
        known = self._chats.get(chat_id)
        if known is not None:
            return dict(known)
        if chat_id > 0:
            chat: JSON = {"id": chat_id, "type": "private", "first_name": "User"}
        else:
            kind = "supergroup" if chat_id <= -1_000_000_000_000 else "group"
            chat = {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}
        self._chats[chat_id] = chat
        return dict(chat)

    def _resolve_chat(self, params: JSON) -> int:
        """Check the target chat like Telegram does before the bot may write there."""
        if "chat_id" not in params:
            raise ApiError(400, "Bad Request: chat_id is empty")
        raw = params["chat_id"]
        if not isinstance(raw, int):
            raise ApiError(400, "Bad Request: chat not found")
        chat_id = raw
        if chat_id in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_id]},
            )
        if chat_id > 0:
            if chat_id in self._blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if chat_id not in self._started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        elif chat_id in self._removed:
            kind = self._chat_obj(chat_id)["type"]
            raise ApiError(403, f"Forbidden: bot was kicked from the {kind} chat")
        return chat_id

    def _new_message(self, chat_id: int, *, record: bool = True, **fields: Any) -> JSON:
        message: JSON = {
            "message_id": self._alloc_message_id(chat_id),
            "date": int(time.time()),
            "chat": self._chat_obj(chat_id),
            "from": dict(self.bot_user),
        }
        message.update({k: v for k, v in fields.items() if v is not None})
        self._messages[(chat_id, message["message_id"])] = message
        if record:
            self._sent.append(message)
        return copy.deepcopy(message)

    def _common_fields(self, chat_id: int, params: JSON) -> JSON:
        """reply_to_message and reply_markup as Telegram echoes them back."""
        out: JSON = {}
        reply = params.get("reply_parameters")
        reply_id = params.get("reply_to_message_id")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            reply_id = reply.get("message_id")
            allow_missing = allow_missing or bool(reply.get("allow_sending_without_reply"))
        if reply_id is not None:
            target = self._messages.get((chat_id, int(reply_id)))
            if target is None and not allow_missing:
                raise ApiError(400, "Bad Request: message to be replied not found")
            if target is not None:
                shallow = {k: v for k, v in target.items() if k != "reply_to_message"}
                out["reply_to_message"] = copy.deepcopy(shallow)
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            out["reply_markup"] = markup
        return out

    def _store_file(self, data: bytes, filename: str, kind: str) -> _StoredFile:
        n = next(self._file_seq)
        suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
        stored = _StoredFile(
            file_id=f"F{n:06d}-{kind}",
            file_unique_id=f"U{n:06d}",
            file_path=f"{kind}/file_{n}.{suffix}",
            data=data,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def _input_file(
        self,
        name: str,
        params: JSON,
        files: dict[str, bytes],
        filenames: dict[str, str],
        kind: str,
    ) -> tuple[_StoredFile, str]:
        """Resolve an upload, a known file_id, or a URL into a stored file and its name."""
        if name in files:
            filename = filenames.get(name) or name
            return self._store_file(files[name], filename, kind), filename
        ref = params.get(name)
        if isinstance(ref, str) and ref.startswith("attach://"):
            part = ref.removeprefix("attach://")
            if part in files:
                filename = filenames.get(part) or part
                return self._store_file(files[part], filename, kind), filename
        if isinstance(ref, str) and ref in self._files:
            stored = self._files[ref]
            return stored, stored.file_path.rsplit("/", 1)[-1]
        if isinstance(ref, str) and ref.startswith(("http://", "https://")):
            filename = ref.rsplit("/", 1)[-1] or "remote"
            return self._store_file(b"", filename, kind), filename
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _caption(self, params: JSON) -> str | None:
        caption = params.get("caption")
        if caption is None:
            return None
        visible = _render(str(caption), params.get("parse_mode"))
        if len(visible) > MAX_CAPTION:
            raise ApiError(400, "Bad Request: message caption is too long")
        return visible

    def _find_message(self, params: JSON, verb: str) -> tuple[int, JSON]:
        chat_id = self._resolve_chat(params)
        message_id = params.get("message_id")
        if message_id is None:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        target = self._messages.get((chat_id, int(message_id)))
        if target is None:
            raise ApiError(400, f"Bad Request: message to {verb} not found")
        return chat_id, target

    # -- Bot API methods ---------------------------------------------------------------------

    async def _m_getMe(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        return dict(self.bot_user)

    async def _m_deleteWebhook(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        self.webhook_url = ""
        self.webhook_secret = None
        if params.get("drop_pending_updates"):
            self._drop_pending()
        self._notify_updates()
        return True

    async def _m_setWebhook(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        url = str(params.get("url", ""))
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_TOKEN.match(str(secret)):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if url and not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        if params.get("drop_pending_updates"):
            self._drop_pending()
        if "allowed_updates" in params and isinstance(params["allowed_updates"], list):
            self._allowed_updates = [str(x) for x in params["allowed_updates"]]
        self.webhook_url = url
        self.webhook_secret = str(secret) if secret is not None else None
        if url and self.auto_deliver_webhook and (self._webhook_task is None or self._webhook_task.done()):
            self._webhook_task = asyncio.get_running_loop().create_task(self._webhook_worker())
        self._notify_updates()
        return True

    async def _m_getWebhookInfo(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        info: JSON = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook_url:
            info["max_connections"] = 40
            if self._allowed_updates:
                info["allowed_updates"] = list(self._allowed_updates)
        return info

    async def _m_getUpdates(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(x) for x in allowed]
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_generation += 1
        generation = self._poll_generation
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        async with self._updates_changed:
            self._updates_changed.notify_all()  # pre-empt an older poll
            while True:
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                if self.webhook_url:
                    raise ApiError(409, "Conflict: webhook was set while polling")
                batch = self._deliverable()[:limit]
                remaining = deadline - loop.time()
                if batch or remaining <= 0 or self._closing.is_set():
                    if batch:
                        self._delivered_upto = max(self._delivered_upto, batch[-1]["update_id"])
                    return copy.deepcopy(batch)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._updates_changed.wait(), remaining)

    def _is_allowed(self, update: JSON) -> bool:
        kinds = [k for k in update if k != "update_id"]
        kind = kinds[0] if kinds else ""
        if self._allowed_updates:
            return kind in self._allowed_updates
        return kind not in _DEFAULT_EXCLUDED_UPDATES

    def _deliverable(self) -> list[JSON]:
        """Drop queued updates of types the bot did not ask for (Telegram never stores them)."""
        kept = [u for u in self._updates if self._is_allowed(u)]
        if len(kept) != len(self._updates):
            dropped = [u["update_id"] for u in self._updates if not self._is_allowed(u)]
            self._delivered_upto = max([self._delivered_upto, *dropped])
            self._updates = kept
        return kept

    def _drop_pending(self) -> None:
        self._updates.clear()
        self._delivered_upto = self._last_update_id

    async def _webhook_worker(self) -> None:
        """POST queued updates to the webhook one at a time, retrying with backoff."""
        backoff = 0.05
        while self.webhook_url and not self._closing.is_set():
            async with self._updates_changed:
                while not self._closing.is_set() and self.webhook_url and not self._deliverable():
                    await self._updates_changed.wait()
            if self._closing.is_set() or not self.webhook_url:
                return
            update = self._deliverable()[0]
            try:
                status = await self.post_webhook(self.webhook_url, update, self.webhook_secret)
            except aiohttp.ClientError:
                status = 0
            self.webhook_deliveries.append(WebhookDelivery(update["update_id"], status, time.monotonic()))
            if 200 <= status < 300:
                self._delivered_upto = max(self._delivered_upto, update["update_id"])
                self._updates = [u for u in self._updates if u is not update]
                backoff = 0.05
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), backoff)
                backoff = min(backoff * 2, 1.0)

    async def _m_sendMessage(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        raw = params.get("text")
        if raw is None or str(raw).strip() == "":
            raise ApiError(400, "Bad Request: message text is empty")
        text = str(raw) if params.get("entities") else _render(str(raw), params.get("parse_mode"))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        extra = self._common_fields(chat_id, params)
        if isinstance(params.get("entities"), list):
            extra["entities"] = params["entities"]
        return self._new_message(chat_id, text=text, **extra)

    async def _m_sendPhoto(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        stored, _ = self._input_file("photo", params, files, names, "photos")
        caption = self._caption(params)
        extra = self._common_fields(chat_id, params)
        size = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": 800,
            "height": 600,
            "file_size": len(stored.data),
        }
        return self._new_message(chat_id, photo=[size], caption=caption, **extra)

    async def _m_sendDocument(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        stored, filename = self._input_file("document", params, files, names, "documents")
        caption = self._caption(params)
        extra = self._common_fields(chat_id, params)
        document = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": filename,
            "mime_type": "application/octet-stream",
            "file_size": len(stored.data),
        }
        return self._new_message(chat_id, document=document, caption=caption, **extra)

    async def _m_editMessageText(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        if "inline_message_id" in params:
            return True
        _, target = self._find_message(params, "edit")
        raw = params.get("text")
        if raw is None or str(raw).strip() == "":
            raise ApiError(400, "Bad Request: message text is empty")
        text = str(raw) if params.get("entities") else _render(str(raw), params.get("parse_mode"))
        if len(text) > MAX_TEXT:
            raise ApiError(400, "Bad Request: message is too long")
        if "text" not in target:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        markup = params.get("reply_markup")
        if text == target.get("text") and _markup_equal(markup, target.get("reply_markup")):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        target["text"] = text
        self._apply_markup(target, markup)
        target["edit_date"] = int(time.time())
        return copy.deepcopy(target)

    async def _m_editMessageReplyMarkup(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        if "inline_message_id" in params:
            return True
        _, target = self._find_message(params, "edit")
        markup = params.get("reply_markup")
        if _markup_equal(markup, target.get("reply_markup")):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        self._apply_markup(target, markup)
        target["edit_date"] = int(time.time())
        return copy.deepcopy(target)

    @staticmethod
    def _apply_markup(target: JSON, markup: Any) -> None:
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            target["reply_markup"] = markup
        else:
            target.pop("reply_markup", None)

    async def _m_deleteMessage(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id, target = self._find_message(params, "delete")
        del self._messages[(chat_id, target["message_id"])]
        return True

    async def _m_answerCallbackQuery(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._callback_ids:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        self._callback_ids.discard(query_id)  # Telegram accepts one answer per query
        return True

    async def _m_getChatAdministrators(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        if chat_id > 0:
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        return copy.deepcopy(self._admins.get(chat_id, []))

    async def _m_getChatMember(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        user_id = int(params.get("user_id", 0))
        if user_id == self.bot_id:
            return _member(dict(self.bot_user), "member")
        for admin in self._admins.get(chat_id, []):
            if admin["user"]["id"] == user_id:
                return copy.deepcopy(admin)
        configured = self._members.get((chat_id, user_id))
        if configured is not None:
            return copy.deepcopy(configured)
        if chat_id > 0 and user_id != chat_id:
            raise ApiError(400, "Bad Request: user not found")
        return _member(_user(user_id, "User"), "member")

    async def _m_getChat(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        raw = params.get("chat_id")
        if not isinstance(raw, int) or raw not in self._chats:
            raise ApiError(400, "Bad Request: chat not found")
        chat_id = self._resolve_chat(params)
        info = self._chat_obj(chat_id)
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return info

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    async def _m_setMyCommands(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: commands must be a list of at most 100 items")
        for cmd in commands:
            if not isinstance(cmd, dict) or not _COMMAND_NAME.match(str(cmd.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(cmd.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _m_getMyCommands(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        return copy.deepcopy(self.commands.get(self._commands_key(params), []))

    async def _m_deleteMyCommands(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        self.commands.pop(self._commands_key(params), None)
        return True

    async def _m_sendChatAction(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        self._resolve_chat(params)
        return True

    async def _m_getFile(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        stored = self._files.get(str(params.get("file_id", "")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    async def _m_leaveChat(self, params: JSON, files: dict[str, bytes], names: dict[str, str]) -> Any:
        chat_id = self._resolve_chat(params)
        if chat_id > 0:
            raise ApiError(400, "Bad Request: chat member status can't be changed in private chats")
        self._removed.add(chat_id)
        return True
