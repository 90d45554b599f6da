"""Interaction answers sent without discord.py's response objects make discord.py's own request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest

from adapters.discord.client import make_client
from adapters.discord.messenger import Outgoing, _message_kwargs, respond_with_message
from adapters.discord.views import view_for
from bot.domain import Button
from tests.fakes.discord_api import Call, FakeDiscord
from tests.test_discord_world import BOB, GENERAL, TOKEN, make_fake

MESSAGES = [
    Outgoing("plain text", [], None),
    Outgoing("**bold** and @\u200beveryone", [], None),
    Outgoing("with buttons", [], view_for(((Button("Yes", "a~sig"), Button("Note", "n", asks_text="Why?")),))),
    Outgoing(None, [], view_for(((Button("Only a button", "b"),),))),
]


class Answering:
    """A bare client that answers each interaction the way the test chose for its id."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.client = make_client(message_content=False, guild_ready_timeout=0.05)
        self.plans: dict[int, tuple[Outgoing, bool, bool]] = {}
        self.returned: dict[int, int | None] = {}
        self.finished: dict[int, asyncio.Event] = {}
        self.client.on_interaction = self._answer  # type: ignore[attr-defined]

    async def _answer(self, interaction: discord.Interaction) -> None:
        try:
            message, ephemeral, ours = self.plans[interaction.id]
            if ours:
                self.returned[interaction.id] = await respond_with_message(interaction, message, ephemeral=ephemeral)
            else:
                callback = await interaction.response.send_message(ephemeral=ephemeral, **_message_kwargs(message))
                self.returned[interaction.id] = callback.message_id
            assert interaction.response.is_done()
        finally:
            self.finished.setdefault(interaction.id, asyncio.Event()).set()

    async def answer(self, message: Outgoing, *, ephemeral: bool, ours: bool) -> tuple[Call, int | None]:
        """Run a slash command answered one way; the callback request and the id returned."""
        payload = await self._dispatch(message, ephemeral, ours)
        interaction_id = int(payload["id"])
        await asyncio.wait_for(self.finished.setdefault(interaction_id, asyncio.Event()).wait(), 10)
        (call,) = self.fake.interaction_responses(interaction_id)
        return call, self.returned[interaction_id]

    async def _dispatch(self, message: Outgoing, ephemeral: bool, ours: bool) -> dict[str, object]:
        # The plan must be in place before discord.py dispatches: register it under the id the
        # fake will give the interaction (the fake's snowflakes grow, so peek at the next one).
        original = self.fake.dispatch_event

        async def with_plan(event: str, data: dict[str, object], **kwargs: object) -> None:
            self.plans[int(str(data["id"]))] = (message, ephemeral, ours)
            await original(event, data, **kwargs)  # type: ignore[arg-type]

        self.fake.dispatch_event = with_plan  # type: ignore[method-assign]
        try:
            return await self.fake.dispatch_slash("ping", user=BOB, channel_id=GENERAL)
        finally:
            self.fake.dispatch_event = original  # type: ignore[method-assign]


@pytest.fixture
async def answering() -> AsyncIterator[Answering]:
    async with make_fake() as fake:
        bot = Answering(fake)
        task = asyncio.create_task(bot.client.start(TOKEN))
        await asyncio.wait_for(bot.client.wait_until_ready(), 10)
        try:
            yield bot
        finally:
            await bot.client.close()
            await asyncio.wait_for(task, 10)


@pytest.mark.parametrize("message", MESSAGES)
@pytest.mark.parametrize("ephemeral", [False, True])
async def test_the_direct_answer_is_the_request_send_message_makes(
    answering: Answering, message: Outgoing, ephemeral: bool
) -> None:
    reference, reference_id = await answering.answer(message, ephemeral=ephemeral, ours=False)
    direct, direct_id = await answering.answer(message, ephemeral=ephemeral, ours=True)
    assert direct.json == reference.json
    assert direct.query == reference.query
    assert direct.method == reference.method and direct.route == reference.route
    assert reference_id is not None and direct_id is not None
    assert int(answering.fake.messages[direct_id]["id"]) == direct_id


async def test_a_second_answer_is_refused_as_discord_py_refuses_it(answering: Answering) -> None:
    message = MESSAGES[0]
    seen: list[BaseException] = []

    async def twice(interaction: discord.Interaction) -> None:
        try:
            await respond_with_message(interaction, message, ephemeral=False)
            try:
                await respond_with_message(interaction, message, ephemeral=False)
            except discord.InteractionResponded as error:
                seen.append(error)
        finally:
            answering.finished.setdefault(interaction.id, asyncio.Event()).set()

    answering.client.on_interaction = twice  # type: ignore[attr-defined]
    payload = await answering.fake.dispatch_slash("ping", user=BOB, channel_id=GENERAL)
    await asyncio.wait_for(answering.finished.setdefault(int(payload["id"]), asyncio.Event()).wait(), 10)
    assert len(seen) == 1
    assert len(answering.fake.interaction_responses(payload["id"])) == 1
