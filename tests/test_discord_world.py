"""The whole bot on Discord, for end-to-end tests: real discord.py, the fake Discord, a real database.

``world`` starts one server ("IOP Tuesday group") with an owner, a facilitator (alice, with a
Manage Server role), a member (bob) and carol, whose display name is ``@everyone``. Tests act
like people (``await world.slash("join", user=BOB)``) and read what Discord received.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest

from adapters.bootstrap import App, build_app
from adapters.discord.client import DiscordAdapter
from adapters.discord.runner import build_adapter
from bot.clock import ManualClock
from bot.config import Settings
from bot.outbox import SendGate
from tests.fakes.discord_api import PERM_MANAGE_GUILD, Call, FakeDiscord
from tests.harness import START

TOKEN = "fake.bot.token"
GUILD = 1001
GENERAL = 2001
CHECKINS = 2002
FACILITATOR_ROLE = 3001
OWNER = 400
ALICE = 501
BOB = 502
CAROL = 503

JSON = dict[str, Any]


def callback_types(calls: list[Call]) -> list[int]:
    return [c.json["type"] for c in calls if c.route.endswith("/callback")]


def sent_content(call: Call) -> str:
    """The message text of a callback, follow-up or edit call."""
    body = call.json or {}
    data = body.get("data", body) if call.route.endswith("/callback") else body
    return str(data.get("content") or "")


def buttons_of(message: JSON) -> dict[str, str]:
    """``{label: custom_id}`` of a stored message's buttons."""
    return {
        item["label"]: item["custom_id"]
        for row in message.get("components", [])
        for item in row.get("components", [])
        if "custom_id" in item
    }


@dataclass
class DiscordWorld:
    fake: FakeDiscord
    app: App
    clock: ManualClock
    settings: Settings
    adapter: DiscordAdapter | None = None
    task: asyncio.Task[None] | None = None
    finished: dict[int, asyncio.Event] = field(default_factory=dict)

    @property
    def client(self) -> discord.Client:
        assert self.adapter is not None
        return self.adapter.client

    async def start(self, *, ack_after: float | None = None) -> None:
        """Connect a fresh client (as after a restart) and wait until it is ready."""
        self.adapter = build_adapter(self.app, guild_ready_timeout=0.05, ack_after=ack_after)
        self._track(self.adapter)
        self.task = asyncio.create_task(self.client.start(TOKEN))
        await asyncio.sleep(0)
        ready = asyncio.create_task(self.client.wait_until_ready())
        done, _ = await asyncio.wait({self.task, ready}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if self.task in done:
            self.task.result()
            raise RuntimeError("client stopped before becoming ready")
        if ready not in done:
            ready.cancel()
            raise TimeoutError("client did not become ready")

    def _track(self, adapter: DiscordAdapter) -> None:
        """Know when the adapter has finished with an interaction (no sleeping in tests)."""
        handler: Callable[[discord.Interaction], Awaitable[None]] = adapter.on_interaction

        async def tracked(interaction: discord.Interaction) -> None:
            try:
                await handler(interaction)
            finally:
                self.finished.setdefault(interaction.id, asyncio.Event()).set()

        self.client.on_interaction = tracked  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self.adapter is not None and self.task is not None:
            await self.client.close()
            await asyncio.wait_for(self.task, 10)
            self.task = None

    async def done(self, payload: JSON) -> list[Call]:
        """Wait until the adapter finished the interaction; its callback and webhook calls."""
        event = self.finished.setdefault(int(payload["id"]), asyncio.Event())
        await asyncio.wait_for(event.wait(), 60)
        return self.fake.interaction_responses(payload["id"])

    async def slash(
        self, name: str, options: dict[str, Any] | list[JSON] | None = None, *, user: int, channel: int | None = GENERAL
    ) -> list[Call]:
        """``user`` runs ``/name`` in ``channel`` (None: in their DM with the bot)."""
        payload = await self.fake.dispatch_slash(name, options, user=user, channel_id=channel)
        return await self.done(payload)

    async def press(self, message: JSON | int, custom_id: str, *, user: int) -> list[Call]:
        payload = await self.fake.dispatch_button(message, custom_id, user=user)
        return await self.done(payload)

    async def submit(self, custom_id: str, text: str, *, user: int, message: JSON | None = None) -> list[Call]:
        channel = int(message["channel_id"]) if message is not None else GENERAL
        payload = await self.fake.dispatch_modal_submit(
            custom_id, {"text": text}, user=user, channel_id=channel, message=message
        )
        return await self.done(payload)

    async def join(self, user: int, channel: int = GENERAL) -> None:
        """``user`` runs /join and presses "I agree"."""
        await self.slash("join", user=user, channel=channel)
        consent = self.last_with_buttons(channel)
        agree = next(cid for label, cid in buttons_of(consent).items() if "agree" in label.lower())
        await self.press(consent, agree, user=user)

    def last_with_buttons(self, channel: int) -> JSON:
        """The newest bot message in ``channel`` that carries buttons."""
        return next(m for m in reversed(self.fake.messages_in(channel)) if buttons_of(m))


def make_fake(shard_count: int = 1) -> FakeDiscord:
    fake = FakeDiscord(token=TOKEN, heartbeat_interval_ms=1000, shard_count=shard_count)
    fake.add_user(OWNER, "owner")
    fake.add_user(CAROL, "carol", global_name="@everyone")
    fake.add_guild(
        GUILD,
        "IOP Tuesday group",
        channels=[(GENERAL, "general"), (CHECKINS, "check-ins")],
        roles=[{"id": FACILITATOR_ROLE, "name": "facilitator", "permissions": PERM_MANAGE_GUILD}],
        members=[
            {"id": OWNER, "username": "owner"},
            {"id": ALICE, "username": "alice", "roles": [FACILITATOR_ROLE]},
            {"id": BOB, "username": "bob"},
            {"user": {"id": CAROL}, "roles": []},
        ],
        owner_id=OWNER,
    )
    return fake


@contextlib.asynccontextmanager
async def discord_world(
    database_url: str, data_dir: Path, *, shard_count: int = 1, gate: SendGate | None = None, **overrides: Any
) -> AsyncIterator[DiscordWorld]:
    """A started bot connected to a started fake; everything is closed afterwards.

    ``gate`` replaces the default rate limiter (tests that watch what is paced)."""
    async with make_fake(shard_count) as fake:
        settings = Settings(
            data_dir=data_dir,
            database_url=database_url,
            discord_token=TOKEN,
            discord_api_url=fake.api_url,
            discord_gateway_url=fake.gateway_url,
            **overrides,
        )
        clock = ManualClock(START)
        app = await build_app(settings, clock=clock, gate=gate)
        world = DiscordWorld(fake, app, clock, settings)
        try:
            yield world
        finally:
            await world.stop()
            await app.close()


@pytest.fixture
async def world(database_url: str, tmp_path: Path) -> AsyncIterator[DiscordWorld]:
    """The bot, connected and ready."""
    async with discord_world(database_url, tmp_path / "data") as started:
        await started.start()
        yield started


@pytest.fixture
async def idle_world(database_url: str, tmp_path: Path) -> AsyncIterator[DiscordWorld]:
    """The bot built but not connected: register test commands, then ``await world.start()``."""
    async with discord_world(database_url, tmp_path / "data") as built:
        yield built
