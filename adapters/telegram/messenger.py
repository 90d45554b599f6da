"""The core's Messenger on Telegram: replies become Bot API calls, platform errors core errors.

Pacing and retries belong to the core (the Outbox and the delivery engine's send gate), so
nothing here sleeps or retries, with two exceptions that can't be done elsewhere: a group
that became a supergroup is followed to its new id once, and a reply split into several
messages remembers which parts already went out, so a retry after a 429 never sends a part
twice.
"""

from __future__ import annotations

import logging
import time
import warnings
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from adapters.telegram.render import (
    MAX_CALLBACK_ANSWER,
    caption_html,
    chunks,
    keyboard,
    markup,
    to_html,
    utf16_len,
)
from adapters.telegram.translate import person_ref
from bot.domain import (
    Attachment,
    Button,
    ChatKind,
    ChatRef,
    Event,
    Here,
    Image,
    InChat,
    MessageRef,
    PersonRef,
    Platform,
    Reply,
    ToPerson,
)
from bot.errors import CannotDirectMessage, ChatUnavailable, DeliveryError, RateLimited, TransientDeliveryError

log = logging.getLogger(__name__)

ADMIN_CACHE_SECONDS = 60.0
UPLOAD_TIMEOUT = 30.0
#: ``LinkPreviewOptions(is_disabled=True)`` as PTB serializes it.
_NO_PREVIEW = {"is_disabled": True}
_PARTIAL_LIMIT = 256

Migrated = Callable[[ChatRef, str], Awaitable[None]]
Call = Callable[[str, dict[str, Any]], Awaitable[Any]]
Part = Callable[[int], Awaitable[MessageRef]]
#: Sends one part to a chat, with the reply's buttons (the ``reply_markup`` object) or none.
Sender = Callable[[int, "dict[str, Any] | None"], Awaitable[MessageRef]]


@dataclass
class PendingAnswer:
    """A button press whose callback query is not answered yet (the person sees a spinner)."""

    query_id: str
    answered: bool = field(default=False)


@dataclass(frozen=True, slots=True)
class _Target:
    chat: ChatRef
    chat_id: int

    @property
    def direct(self) -> bool:
        return not self.chat.is_group


def delivery_error(error: TelegramError, *, direct: bool) -> DeliveryError | None:
    """The core's name for a Bot API failure; None for a request the bot got wrong (a bug)."""
    if isinstance(error, RetryAfter):
        return RateLimited(_seconds(error))
    if isinstance(error, Forbidden):
        return CannotDirectMessage(error.message) if direct else ChatUnavailable(error.message)
    if isinstance(error, BadRequest):
        text = error.message.lower()
        if "chat not found" in text or "user not found" in text:
            return CannotDirectMessage(error.message) if direct else ChatUnavailable(error.message)
        if "not enough rights" in text or "have no rights" in text:
            return ChatUnavailable(error.message)
        return None
    if isinstance(error, NetworkError):  # TimedOut, 5xx, connection failures
        return TransientDeliveryError(type(error).__name__)
    return None


def _seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramMessenger:
    """Sends replies with a PTB ``Bot``; answers facilitator questions from chat admins."""

    platform = Platform.TELEGRAM

    def __init__(
        self,
        bot: Bot,
        *,
        on_migrated: Migrated,
        admin_cache_seconds: float = ADMIN_CACHE_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._bot = bot
        self._on_migrated = on_migrated
        self._admin_ttl = admin_cache_seconds
        self._monotonic = monotonic
        self._admins: dict[int, tuple[float, dict[str, PersonRef]]] = {}
        self._partial: OrderedDict[int, tuple[Reply, list[MessageRef]]] = OrderedDict()

    # -- sending ------------------------------------------------------------------------

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        if reply.edit is not None:
            return await self._edit(reply, reply.edit)
        pending = origin.handle if origin is not None and isinstance(origin.handle, PendingAnswer) else None
        if (
            pending is not None
            and origin is not None
            and _fits_answer(reply, origin, pending)
            and await self.answer(pending, reply.text.plain(), alert=True)
        ):
            return []
        target = _target(reply, origin)
        try:
            return await self._send_parts(reply, target)
        except ChatMigrated as moved:
            await self._on_migrated(target.chat, str(moved.new_chat_id))
            target = _Target(target.chat, int(moved.new_chat_id))
            try:
                return await self._send_parts(reply, target)
            except TelegramError as error:
                return self._refused(error, target.direct)
        except TelegramError as error:
            return self._refused(error, target.direct)

    @staticmethod
    def _refused(error: TelegramError, direct: bool) -> list[MessageRef]:
        """Raise the core's error; a request Telegram rejects as malformed is logged and dropped."""
        mapped = delivery_error(error, direct=direct)
        if mapped is not None:
            raise mapped from error
        log.error("Telegram refused a message", extra={"error": type(error).__name__, "detail": error.message})
        return []

    async def _send_parts(self, reply: Reply, target: _Target) -> list[MessageRef]:
        """Send every part of a reply, skipping parts an earlier attempt already delivered."""
        parts = _parts(self._bot, self._call, reply)
        stored = self._partial.get(id(reply))
        done = list(stored[1]) if stored is not None and stored[0] is reply else []
        for part in parts[len(done) :]:
            try:
                sent = await part(target.chat_id)
            except TelegramError:
                if done:
                    self._remember(reply, done)
                raise
            done.append(sent)
        self._partial.pop(id(reply), None)
        return done

    def _remember(self, reply: Reply, done: list[MessageRef]) -> None:
        self._partial[id(reply)] = (reply, done)
        self._partial.move_to_end(id(reply))
        while len(self._partial) > _PARTIAL_LIMIT:
            self._partial.popitem(last=False)

    async def _edit(self, reply: Reply, ref: MessageRef) -> list[MessageRef]:
        """Replace a message's text and buttons (live counters); an unchanged edit is fine."""
        pieces = chunks(reply.text)
        if not pieces:
            return [ref]
        direct = not ref.chat_id.startswith("-")
        params = {
            "text": to_html(pieces[0]),
            "chat_id": int(ref.chat_id),
            "message_id": int(ref.message_id),
            "link_preview_options": _NO_PREVIEW,
            "parse_mode": ParseMode.HTML,
            "reply_markup": markup(reply.buttons),
        }
        try:
            await self._call("editMessageText", params)
        except BadRequest as error:
            if "message is not modified" in error.message.lower():
                return [ref]
            return self._refused(error, direct)
        except ChatMigrated as moved:
            await self._on_migrated(_chat_of(ref), str(moved.new_chat_id))
            return []
        except TelegramError as error:
            return self._refused(error, direct)
        return [ref]

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        """One Bot API call with the bot's request object; the answer stays JSON.

        Why not ``Bot.send_message`` and ``Bot.edit_message_text`` for text: PTB builds a
        keyboard object only to serialize it, and parses the answer into a ``Message`` (over a
        hundred attributes, every button again) of which we read two ids: about 0.25 ms per
        call, a large share of the bot's time per update. The parameters are the ones PTB
        sends (tests compare the two, order and encoding included), None values dropped as PTB
        does, and ``BaseRequest.post`` raises PTB's errors (RetryAfter, ChatMigrated,
        Forbidden, BadRequest, NetworkError) exactly as the bot's methods would.
        """
        data = RequestData(
            [RequestParameter.from_input(name, value) for name, value in params.items() if value is not None]
        )
        return await self._bot.request.post(f"{self._bot.base_url}/{method}", data)

    # -- button presses -----------------------------------------------------------------

    async def answer(self, pending: PendingAnswer, text: str | None = None, *, alert: bool = False) -> bool:
        """Answer a callback query once (stops the spinner); False if it was too late."""
        if pending.answered:
            return False
        pending.answered = True
        try:
            await self._bot.answer_callback_query(pending.query_id, text=text, show_alert=alert if text else None)
        except TelegramError as error:
            log.info("callback query not answered", extra={"error": type(error).__name__})
            return False
        return True

    # -- facilitators -------------------------------------------------------------------

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        if not chat.is_group or chat.platform is not Platform.TELEGRAM:
            return False
        return person.user_id in await self._chat_admins(int(chat.chat_id))

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        if not chat.is_group or chat.platform is not Platform.TELEGRAM:
            return []
        return list((await self._chat_admins(int(chat.chat_id))).values())

    async def _chat_admins(self, chat_id: int) -> dict[str, PersonRef]:
        """The chat's human administrators, asked at most once a minute per chat."""
        now = self._monotonic()
        cached = self._admins.get(chat_id)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            members = await self._bot.get_chat_administrators(chat_id)
        except TelegramError as error:
            log.warning("could not list chat administrators", extra={"error": type(error).__name__})
            return cached[1] if cached is not None else {}
        admins = {str(m.user.id): person_ref(m.user) for m in members if not m.user.is_bot}
        self._admins[chat_id] = (now + self._admin_ttl, admins)
        return admins


def _fits_answer(reply: Reply, origin: Event, pending: PendingAnswer) -> bool:
    """A short private reply to a press in a group is shown as a pop-up only the presser sees."""
    return (
        not pending.answered
        and origin.chat.is_group
        and reply.to == Here(private=True)
        and not (reply.buttons or reply.image or reply.file or reply.urgent)
        and 0 < utf16_len(reply.text.plain()) <= MAX_CALLBACK_ANSWER
    )


def _target(reply: Reply, origin: Event | None) -> _Target:
    destination = reply.to
    if isinstance(destination, InChat):
        return _Target(destination.chat, int(destination.chat.chat_id))
    if isinstance(destination, ToPerson):
        return _direct(destination.person)
    if isinstance(destination, Here) and origin is not None:
        if destination.private and origin.chat.is_group:
            return _direct(origin.person)
        return _Target(origin.chat, int(origin.chat.chat_id))
    raise ValueError(f"unresolved destination {type(destination).__name__}")


def _direct(person: PersonRef) -> _Target:
    chat = ChatRef(Platform.TELEGRAM, person.user_id, ChatKind.DIRECT, person.display_name)
    return _Target(chat, int(person.user_id))


def _chat_of(ref: MessageRef) -> ChatRef:
    kind = ChatKind.GROUP if ref.chat_id.startswith("-") else ChatKind.DIRECT
    return ChatRef(Platform.TELEGRAM, ref.chat_id, kind)


def _parts(bot: Bot, call: Call, reply: Reply) -> list[Part]:
    """The Bot API calls for one reply: the image, the file, then the text in chunks.

    Buttons go on the last message so they sit under the text they belong to. They are
    checked here, before anything is sent (an action over 64 bytes raises ValueError).
    """
    senders: list[Sender] = []
    if reply.image is not None:
        senders.append(_photo(bot, reply.image, reply.buttons))
    if reply.file is not None:
        senders.append(_document(bot, reply.file, reply.buttons))
    senders.extend(_text(call, to_html(piece)) for piece in chunks(reply.text))
    buttons = markup(reply.buttons)
    last = len(senders) - 1
    return [_bind(sender, buttons if index == last else None) for index, sender in enumerate(senders)]


def _bind(sender: Sender, buttons: dict[str, Any] | None) -> Part:
    return lambda chat_id: sender(chat_id, buttons)


def _sent(message: Message) -> MessageRef:
    return MessageRef(Platform.TELEGRAM, str(message.chat_id), str(message.message_id))


def _keyboard(rows: tuple[tuple[Button, ...], ...], buttons: dict[str, Any] | None) -> InlineKeyboardMarkup | None:
    """PTB's keyboard for a file or photo part that carries the reply's buttons (``buttons`` given)."""
    return keyboard(rows) if buttons is not None else None


def _photo(bot: Bot, image: Image, rows: tuple[tuple[Button, ...], ...]) -> Sender:
    async def send(chat_id: int, buttons: dict[str, Any] | None) -> MessageRef:
        message = await bot.send_photo(
            chat_id,
            InputFile(image.png, filename=image.filename),
            caption=caption_html(image.alt),
            parse_mode=ParseMode.HTML,
            reply_markup=_keyboard(rows, buttons),
            write_timeout=UPLOAD_TIMEOUT,
        )
        return _sent(message)

    return send


def _document(bot: Bot, attachment: Attachment, rows: tuple[tuple[Button, ...], ...]) -> Sender:
    async def send(chat_id: int, buttons: dict[str, Any] | None) -> MessageRef:
        message = await bot.send_document(
            chat_id,
            InputFile(attachment.data, filename=attachment.filename),
            reply_markup=_keyboard(rows, buttons),
            write_timeout=UPLOAD_TIMEOUT,
        )
        return _sent(message)

    return send


def _text(call: Call, html: str) -> Sender:
    """sendMessage with the parameters, in the order, that ``Bot.send_message`` sends."""

    async def send(chat_id: int, buttons: dict[str, Any] | None) -> MessageRef:
        params = {
            "chat_id": chat_id,
            "text": html,
            "link_preview_options": _NO_PREVIEW,
            "parse_mode": ParseMode.HTML,
            "reply_markup": buttons,
        }
        result = await call("sendMessage", params)
        return MessageRef(Platform.TELEGRAM, str(result["chat"]["id"]), str(result["message_id"]))

    return send
