"""Which Discord sends the rate limiter paces: interaction answers are exempt, posts are not.

Discord documents that interaction endpoints (responses, follow-ups, edits of the original
response) are not bound by a bot's global rate limit; holding them to the 45/s budget would
cap a busy server's slash commands and buttons at 45 a second. Answers to a plain message
(an @mention question) are channel posts and keep both budgets.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.delivery.ratelimit import RateLimiter
from bot.domain import Platform
from tests.test_discord_world import BOB, GENERAL, DiscordWorld, discord_world


@dataclass
class WatchedGate:
    """The real rate limiter, recording how each send asked to pass."""

    limiter: RateLimiter = field(default_factory=RateLimiter)
    waits: list[tuple[Platform, bool]] = field(default_factory=list)

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool, interaction: bool = False) -> None:
        self.waits.append((platform, interaction))
        await self.limiter.wait(platform, chat_key, urgent=urgent, interaction=interaction)

    def penalize(self, platform: Platform, seconds: float) -> None:
        self.limiter.penalize(platform, seconds)


@pytest.fixture
async def watched(database_url: str, tmp_path: Path) -> AsyncIterator[tuple[DiscordWorld, WatchedGate]]:
    gate = WatchedGate()
    async with discord_world(database_url, tmp_path / "data", gate=gate) as world:
        await world.start()
        yield world, gate


async def test_slash_command_answers_pass_as_interactions(watched: tuple[DiscordWorld, WatchedGate]) -> None:
    world, gate = watched
    calls = await world.slash("help", user=BOB)
    assert calls, "the command was answered"
    assert gate.waits == [(Platform.DISCORD, True)]


async def test_an_answer_to_a_mention_is_paced_as_a_channel_post(watched: tuple[DiscordWorld, WatchedGate]) -> None:
    world, gate = watched
    start = len(world.fake.calls)
    await world.fake.dispatch_message(GENERAL, f"<@{world.fake.bot_id}> what is an IOP?", author=BOB)
    await world.fake.wait_for_call("POST", "/channels/{id}/messages", start=start, timeout=15)
    assert (Platform.DISCORD, False) in gate.waits
    assert (Platform.DISCORD, True) not in gate.waits
