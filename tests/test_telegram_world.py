"""The whole bot on Telegram for end-to-end tests: real PTB, the fake Bot API, a real database.

``running`` starts ``adapters.telegram.runner.serve`` exactly as ``iop-bot run`` does, pointed
at the fake server through ``IOPBOT_TELEGRAM_API_URL``. Tests push updates the way Telegram
would (``await tg.say(GROUP, "/join")``), wait until the bot has fully handled them, and read
what reached the fake. No tests here: the ``test_telegram_*`` modules use these helpers.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import TypeHandler

from adapters.bootstrap import App, build_app
from adapters.telegram.messenger import TelegramMessenger
from adapters.telegram.runner import TelegramApplication, serve
from bot.clock import ManualClock
from bot.config import Settings
from bot.domain import (
    Platform,
)
from tests.fakes.telegram_api import Call, FakeTelegramApi
from tests.harness import START

GROUP = -1001234567890
SMALL_GROUP = -4555
ALICE = 42
BOB = 43
COACH = 99


@dataclass
class TelegramBot:
    """The running bot plus ways to talk to it and to know when it has finished an update."""

    fake: FakeTelegramApi
    app: App
    clock: ManualClock
    handled: set[int] = field(default_factory=set)
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    def observe(self, application: TelegramApplication) -> None:
        """Runs after the adapter's handler (group 1), so an id here means fully handled."""
        application.add_handler(TypeHandler(Update, self._record), group=1)

    async def _record(self, update: Update, _context: object) -> None:
        async with self._changed:
            self.handled.add(update.update_id)
            self._changed.notify_all()

    async def wait_handled(self, update_id: int) -> None:
        async def wait() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: update_id in self.handled)

        await asyncio.wait_for(wait(), 30)

    async def push(self, update: dict[str, Any]) -> list[Call]:
        """Wait until a pushed update was handled; return the calls made meanwhile."""
        mark = len(self.fake.calls)
        await self.wait_handled(int(update["update_id"]))
        return self.fake.calls[mark:]

    async def say(self, chat_id: int, text: str, user_id: int = ALICE, name: str = "Alice", **kw: Any) -> list[Call]:
        chat_type = kw.pop("chat_type", "private" if chat_id > 0 else "supergroup")
        return await self.push(
            self.fake.push_message(chat_id, text, user_id=user_id, first_name=name, chat_type=chat_type, **kw)
        )

    async def press(self, message: dict[str, Any], data: str, user_id: int = ALICE, name: str = "Alice") -> list[Call]:
        return await self.push(self.fake.push_callback_query(message, data, user_id=user_id, first_name=name))

    @property
    def messenger(self) -> TelegramMessenger:
        found = self.app.core.messenger(Platform.TELEGRAM)
        assert isinstance(found, TelegramMessenger)
        return found


def sent(calls: list[Call], chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
    """Successful calls of ``method`` (to ``chat_id`` if given)."""
    return [c for c in calls if c.method == method and c.ok and (chat_id is None or c.params.get("chat_id") == chat_id)]


def visible(call: Call) -> str:
    """The text a Telegram client shows for a sent message (after HTML parsing)."""
    result = call.result or {}
    return str(result.get("text") or result.get("caption") or "")


def buttons(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def listening(port: int) -> None:
    """Wait until the bot's webhook server accepts connections."""
    async with asyncio.timeout(10):
        while True:
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.02)
                continue
            writer.close()
            await writer.wait_closed()
            return


@contextlib.asynccontextmanager
async def running(
    fake: FakeTelegramApi, database_url: str, data_dir: Path, **overrides: Any
) -> AsyncIterator[TelegramBot]:
    settings = Settings(
        data_dir=data_dir,
        database_url=database_url,
        telegram_token=fake.token,  # type: ignore[arg-type]
        telegram_api_url=fake.url,
        **overrides,
    )
    clock = ManualClock(START)
    app = await build_app(settings, clock=clock)
    bot = TelegramBot(fake, app, clock)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop, ready=bot.observe))
    try:
        if settings.telegram_webhook_url:
            await listening(settings.telegram_webhook_port)
        else:
            async with asyncio.timeout(10):
                while fake.polls_started == 0:
                    await asyncio.sleep(0.01)
        yield bot
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await app.close()


async def stored_membership(app: App, user_id: int, chat_id: int) -> tuple[Any, Any, Any]:
    async with app.uow_factory() as uow:
        person = await uow.people.by_platform_id(Platform.TELEGRAM, str(user_id))
        group = await uow.groups.by_chat(Platform.TELEGRAM, str(chat_id))
        membership = None
        if person is not None and group is not None:
            membership = await uow.memberships.get(person.id, group.id)
        return person, group, membership


async def join(tg: TelegramBot, chat_id: int, user_id: int, name: str) -> None:
    """``name`` starts the bot privately, then joins the group with /join and the consent button."""
    tg.fake.mark_started(user_id)
    calls = await tg.say(chat_id, "/join", user_id=user_id, name=name)
    consent = sent(calls, user_id)[-1]
    agree = next(data for label, data in buttons(consent) if label == "I agree")
    await tg.press(consent.result, agree, user_id=user_id, name=name)


def data_of(call: Call, label_part: str) -> str:
    """The callback data of the first button on a sent message whose label contains ``label_part``."""
    for label, data in buttons(call):
        if label_part.lower() in label.lower():
            return data
    raise KeyError(f"no button like {label_part!r} in {buttons(call)}")


async def advance(tg: TelegramBot, delta: timedelta) -> None:
    """Move the bot's clock, running every job at each due moment on the way (like ``iop-bot run``)."""
    target = tg.clock.now() + delta
    for _ in range(500):
        due = await tg.app.core.next_due()
        if due is None or due > target:
            break
        tg.clock.set(due)
        await tg.app.core.tick()
    tg.clock.set(target)
    await tg.app.core.tick()
