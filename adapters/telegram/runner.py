"""Runs the bot on Telegram: a python-telegram-bot Application wired to the core.

Long polling by default; webhook mode when ``IOPBOT_TELEGRAM_WEBHOOK_URL`` is set (then a
secret token is required and every request without it gets 403). Updates are handled one at
a time in arrival order, so a person's /join and their consent press never overtake each
other. No rate limiter here: the core's Outbox and send gate pace and retry every send.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    ChatMemberUpdated,
    Message,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from adapters.bootstrap import App
from adapters.telegram.http import AiohttpRequest
from adapters.telegram.messenger import PendingAnswer, TelegramMessenger
from adapters.telegram.render import clip
from adapters.telegram.translate import (
    BotIdentity,
    Membership,
    chat_ref,
    membership_change,
    message_event,
    press_event,
)
from bot.config import Settings
from bot.core import Core
from bot.domain import ChatKind, ChatRef, Platform
from bot.router import Audience, Router, Where
from bot.texts import Catalog

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
#: After this long a press is answered (spinner stopped) even if the core is still working.
ANSWER_WITHIN_SECONDS = 5.0
RECENT_UPDATE_IDS = 10_000
POLL_TIMEOUT_SECONDS = 10
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

TelegramApplication = Application[Any, Any, Any, Any, Any, Any]


class RecentIds:
    """The last ``size`` update ids, so an update delivered twice is handled once."""

    def __init__(self, size: int = RECENT_UPDATE_IDS) -> None:
        self._order: deque[int] = deque()
        self._ids: set[int] = set()
        self._size = size

    def first_time(self, update_id: int) -> bool:
        """Record ``update_id``; False if it was seen recently."""
        if update_id in self._ids:
            return False
        self._ids.add(update_id)
        self._order.append(update_id)
        if len(self._order) > self._size:
            self._ids.discard(self._order.popleft())
        return True


class TelegramAdapter:
    """Turns each update into one core call; holds the Messenger the core sends with."""

    def __init__(self, core: Core, messenger: TelegramMessenger, me: BotIdentity) -> None:
        self._core = core
        self.messenger = messenger
        self._me = me
        self._recent = RecentIds()

    async def on_update(self, update: Update, _context: object = None) -> None:
        if not self._recent.first_time(update.update_id):
            log.info("duplicate update ignored", extra={"update_id": update.update_id})
            return
        if update.callback_query is not None:
            await self._on_press(update.callback_query)
        elif update.my_chat_member is not None:
            await self._on_membership(update.my_chat_member)
        elif update.message is not None:
            await self._on_message(update.message)

    async def _on_message(self, message: Message) -> None:
        if message.migrate_to_chat_id is not None:
            old = chat_ref(message.chat)
            if old is not None:
                await self._core.chat_migrated(old, str(message.migrate_to_chat_id))
            return
        if message.migrate_from_chat_id is not None:
            old = ChatRef(Platform.TELEGRAM, str(message.migrate_from_chat_id), ChatKind.GROUP)
            await self._core.chat_migrated(old, str(message.chat.id))
            return
        event = message_event(message, self._me)
        if event is not None:
            await self._core.handle(event)

    async def _on_press(self, query: CallbackQuery) -> None:
        """Handle a press and always answer its callback query, at the latest after a few seconds."""
        pending = PendingAnswer(query.id)
        event = press_event(query.data, query.message, query.from_user, pending)
        if event is None:
            await self.messenger.answer(pending)
            return
        handling = asyncio.ensure_future(self._core.handle(event))
        try:
            await asyncio.wait({handling}, timeout=ANSWER_WITHIN_SECONDS)
        finally:
            await self.messenger.answer(pending)
        await handling

    async def _on_membership(self, change: ChatMemberUpdated) -> None:
        chat = chat_ref(change.chat)
        if chat is None:
            return
        what = membership_change(change)
        if what is Membership.ADDED and chat.is_group:
            await self._core.chat_added(chat)
        elif what is Membership.REMOVED:
            await self._core.chat_removed(chat)


async def serve(
    app: App,
    stop: asyncio.Event,
    *,
    receive_updates: bool = True,
    ready: Callable[[TelegramApplication], None] | None = None,
) -> None:
    """Run the Telegram side of the bot until ``stop`` is set, then shut down cleanly.

    ``ready`` sees the initialized Application before updates flow (tests add an observer
    handler in a later group to know when an update was fully handled).
    """
    settings = app.settings
    webhook = _webhook_settings(settings) if receive_updates else None
    application = build_application(settings)
    async with application:
        attach(app, application)
        if ready is not None:
            ready(application)
        await register_commands(application, app.router, app.catalog)
        if receive_updates:
            await _start_receiving(application, webhook)
            await application.start()
        log.info("telegram adapter running", extra={"receiving": receive_updates, "webhook": webhook is not None})
        try:
            await stop.wait()
        finally:
            await _stop_receiving(application)


def build_application(settings: Settings) -> TelegramApplication:
    """A PTB Application pointed at the configured Bot API server (no job queue, no limiter)."""
    if settings.telegram_token is None:
        raise ValueError("IOPBOT_TELEGRAM_TOKEN is not set")
    root = settings.telegram_api_url.rstrip("/")
    return (
        ApplicationBuilder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .request(_request(root))
        .get_updates_request(_request(root))
        .job_queue(None)
        .build()
    )


def _request(root: str) -> AiohttpRequest:
    """HTTP for the Bot API; proxy variables are ignored for a server on this machine."""
    return AiohttpRequest(connection_pool_size=64, trust_env=not is_loopback(root))


def is_loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def attach(app: App, application: TelegramApplication) -> TelegramAdapter:
    """Give the core a Telegram Messenger and route every update to the adapter."""
    bot = application.bot
    me = BotIdentity(bot.id, bot.username)
    messenger = TelegramMessenger(bot, on_migrated=app.core.chat_migrated)
    adapter = TelegramAdapter(app.core, messenger, me)
    application.add_handler(TypeHandler(Update, adapter.on_update))
    application.add_error_handler(_log_error)
    app.core.attach(messenger)
    return adapter


async def _log_error(_update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what failed, never the update (it holds what people wrote)."""
    error = context.error
    log.error("error while handling a Telegram update", exc_info=error, extra={"error": type(error).__name__})


def command_menus(router: Router, catalog: Catalog) -> dict[str, list[BotCommand]]:
    """The command menus: private chats, groups (members), and group admins (with facilitator commands)."""
    menus: dict[str, list[BotCommand]] = {"private": [], "groups": [], "admins": []}
    for spec in router.commands():
        if not _COMMAND_NAME.match(spec.name) or not catalog.has(spec.summary):
            continue
        command = BotCommand(spec.name, clip(catalog.plain(spec.summary), 256))
        for_members = spec.audience is not Audience.FACILITATOR
        if for_members and spec.where is not Where.GROUP:
            menus["private"].append(command)
        if spec.where is not Where.DIRECT:
            if for_members:
                menus["groups"].append(command)
            menus["admins"].append(command)
    return menus


async def register_commands(application: TelegramApplication, router: Router, catalog: Catalog) -> None:
    """setMyCommands per scope; a failure only costs the menu, so it is logged, not fatal."""
    menus = command_menus(router, catalog)
    scopes: dict[str, BotCommandScope] = {
        "private": BotCommandScopeAllPrivateChats(),
        "groups": BotCommandScopeAllGroupChats(),
        "admins": BotCommandScopeAllChatAdministrators(),
    }
    for name, scope in scopes.items():
        try:
            await application.bot.set_my_commands(menus[name], scope=scope)
        except TelegramError as error:
            log.warning("command menu not registered", extra={"scope": name, "error": type(error).__name__})


@dataclass(frozen=True, slots=True)
class Webhook:
    """Where Telegram posts updates and the secret each post must carry."""

    url: str
    secret: str
    listen: str
    port: int

    @property
    def path(self) -> str:
        return urlparse(self.url).path.strip("/")


def _webhook_settings(settings: Settings) -> Webhook | None:
    """The webhook in webhook mode, None for polling; a webhook needs a valid secret."""
    if not settings.telegram_webhook_url:
        return None
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    if not _SECRET.match(secret):
        raise ValueError("IOPBOT_TELEGRAM_WEBHOOK_SECRET must be set in webhook mode (1-256 of A-Z a-z 0-9 _ -)")
    return Webhook(
        settings.telegram_webhook_url, secret, settings.telegram_webhook_listen, settings.telegram_webhook_port
    )


async def _start_receiving(application: TelegramApplication, webhook: Webhook | None) -> None:
    updater = application.updater
    assert updater is not None
    if webhook is None:
        await updater.start_polling(timeout=POLL_TIMEOUT_SECONDS, allowed_updates=ALLOWED_UPDATES)
        return
    await updater.start_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=webhook.path,
        webhook_url=webhook.url,
        secret_token=webhook.secret,
        allowed_updates=ALLOWED_UPDATES,
    )


async def _stop_receiving(application: TelegramApplication) -> None:
    updater = application.updater
    if updater is not None and updater.running:
        await updater.stop()
    if application.running:
        await application.stop()
