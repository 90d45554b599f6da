"""A delivery worker as a real OS process, for the crash and multi-process tests.

``python -m tests.delivery_worker --db URL --data-dir DIR --platform URL --worker NAME``
runs the real :class:`bot.delivery.engine.DeliveryEngine` (real storage, real rate limiter)
until nothing is pending, claimed or in flight, sending kind ``"test"`` deliveries to a fake
platform over HTTP: ``POST {platform}/send`` with ``{"chat", "text", "worker"}``; 429 with
``retry_after`` and 5xx are mapped onto the bot's delivery errors like a real adapter does.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import aiohttp

from bot.clock import SystemClock
from bot.delivery.engine import DeliveryEngine, EngineSettings
from bot.delivery.ports import DeliveryRecord, DeliveryStatus
from bot.delivery.ratelimit import Pace, PlatformLimits, RateLimiter
from bot.domain import ChatKind, ChatRef, Event, InChat, MessageRef, PersonRef, Platform, Reply
from bot.errors import RateLimited, TransientDeliveryError
from bot.ports import Messenger, UnitOfWork
from bot.rich import Rich
from storage.crypto import TextCipher, load_or_create_key
from storage.engine import is_sqlite, make_engine, make_sessionmaker
from storage.uow import SqlUnitOfWorkFactory

KIND = "test"


class HttpMessenger:
    """Sends to the fake platform the way a real adapter would."""

    platform = Platform.TELEGRAM

    def __init__(self, session: aiohttp.ClientSession, url: str, worker: str) -> None:
        self._session = session
        self._url = url
        self._worker = worker

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        assert isinstance(reply.to, InChat)
        body = {"chat": reply.to.chat.chat_id, "text": reply.text.plain(), "worker": self._worker}
        try:
            async with self._session.post(f"{self._url}/send", json=body) as response:
                data = await response.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise TransientDeliveryError(type(error).__name__) from error
        if response.status == 429:
            raise RateLimited(float(data["retry_after"]))
        if response.status >= 500:
            raise TransientDeliveryError(str(response.status))
        return [MessageRef(self.platform, reply.to.chat.chat_id, str(data["message_id"]))]

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return False

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return []


class Host:
    """The part of the core the engine needs."""

    def __init__(self, messenger: HttpMessenger) -> None:
        self._messenger = messenger

    def messenger(self, platform: Platform) -> Messenger | None:
        return self._messenger if platform is self._messenger.platform else None

    async def chat_removed(self, chat: ChatRef) -> None:
        return None

    async def facilitators_of(self, group_id: int) -> list[PersonRef]:
        return []

    def prepare(self, reply: Reply) -> Reply:
        return reply


class TestRenderer:
    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply]:
        chat = ChatRef(Platform.TELEGRAM, str(delivery.payload["chat"]), ChatKind.GROUP)
        return [Reply(Rich.of(str(delivery.payload["text"])), to=InChat(chat))]


async def run(args: argparse.Namespace) -> int:
    key, _ = load_or_create_key(None, Path(args.data_dir))
    clock = SystemClock()
    database = make_engine(args.db)
    uow_factory = SqlUnitOfWorkFactory(make_sessionmaker(database), TextCipher(key), clock)
    limits = PlatformLimits(overall=Pace(args.rate, 10), group_chat=None, direct_chat=None)
    settings = EngineSettings(
        lease=timedelta(seconds=args.lease),
        concurrency=args.concurrency,
        batch_size=args.batch,
        exclusive=is_sqlite(args.db),
    )
    async with aiohttp.ClientSession() as session:
        messenger = HttpMessenger(session, args.platform, args.worker)
        engine = DeliveryEngine(
            uow_factory,
            Host(messenger),
            RateLimiter({Platform.TELEGRAM: limits}),
            clock,
            settings,
            worker_id=args.worker,
        )
        engine.register(KIND, TestRenderer())
        try:
            while True:
                handled = await engine.run_due(clock.now())
                counts = await engine.counts()
                open_work = (
                    counts[DeliveryStatus.PENDING] + counts[DeliveryStatus.CLAIMED] + counts[DeliveryStatus.SENDING]
                )
                if open_work == 0:
                    break
                if handled == 0:
                    await asyncio.sleep(0.05)
        finally:
            await database.dispose()
    print(f"worker {args.worker} done: {engine.stats}", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--worker", required=True)
    parser.add_argument("--lease", type=float, default=2.0)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument("--rate", type=float, default=1000.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
