"""``serve``: run the Discord adapter until ``stop`` is set, then close cleanly.

``IOPBOT_DISCORD_API_URL`` / ``IOPBOT_DISCORD_GATEWAY_URL`` point discord.py at another server
(the tests' fake). discord.py keeps both as process-wide class attributes, so they are set
once here, before the client logs in.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import discord
import discord.gateway
import discord.http
import yarl

from adapters.bootstrap import App
from adapters.discord.channels import StoredPostChannels
from adapters.discord.client import ACK_AFTER_SECONDS, DiscordAdapter, make_client
from adapters.discord.messenger import DiscordMessenger, PostChannels
from bot.config import Settings

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://discord.com/api/v10"


def point_discord_at(api_url: str, gateway_url: str | None) -> None:
    """Aim discord.py's REST and gateway at the configured servers (no-op for the defaults)."""
    if api_url.rstrip("/") != DEFAULT_API_URL:
        discord.http.Route.BASE = api_url.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def build_adapter(
    app: App,
    *,
    receive_updates: bool = True,
    post_channels: PostChannels | None = None,
    guild_ready_timeout: float = 2.0,
    ack_after: float | None = None,
) -> DiscordAdapter:
    """Client, messenger and adapter for ``app``; the messenger is attached to the core."""
    settings: Settings = app.settings
    client = make_client(
        message_content=settings.discord_message_content,
        shard_count=settings.discord_shard_count,
        shard_ids=settings.discord_shard_ids or None,
        guild_ready_timeout=guild_ready_timeout,
    )
    messenger = DiscordMessenger(
        client,
        post_channels or StoredPostChannels(app.uow_factory),
        facilitator_role=settings.discord_facilitator_role,
    )
    app.core.attach(messenger)
    adapter = DiscordAdapter(
        client,
        app.core,
        messenger,
        configured_facilitators=settings.configured_facilitators(),
        facilitator_role=settings.discord_facilitator_role,
        message_content=settings.discord_message_content,
        sync_commands=receive_updates,
        ack_after=ack_after if ack_after is not None else ACK_AFTER_SECONDS,
    )
    adapter.install()
    return adapter


async def serve(
    app: App, stop: asyncio.Event, *, receive_updates: bool = True, ready: Callable[[], None] | None = None
) -> None:
    """Connect (or, for a delivery-only process, just log in) and run until ``stop`` is set.

    ``ready`` is called once logged in, when the messenger can send over REST.
    """
    token_secret = app.settings.discord_token
    if token_secret is None:
        raise ValueError("IOPBOT_DISCORD_TOKEN is not set")
    point_discord_at(app.settings.discord_api_url, app.settings.discord_gateway_url)
    adapter = build_adapter(app, receive_updates=receive_updates)
    client = adapter.client
    token = token_secret.get_secret_value()
    if receive_updates:
        runner = asyncio.create_task(_log_in_then_connect(client, token, ready), name="discord-client")
    else:
        runner = asyncio.create_task(_log_in_only(client, token, ready), name="discord-login")
    stopper = asyncio.create_task(stop.wait(), name="discord-stop")
    try:
        done, _pending = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            runner.result()
    finally:
        stopper.cancel()
        await client.close()
        await _finish(runner)
        log.info("discord adapter stopped")


async def _finish(runner: asyncio.Task[None]) -> None:
    """Give the client a moment to wind down after ``close``; cancel what still waits."""
    if not runner.done():
        await asyncio.wait({runner}, timeout=10)
    if not runner.done():
        runner.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await runner


async def _log_in_then_connect(client: discord.Client, token: str, ready: Callable[[], None] | None) -> None:
    """``client.start`` in its two steps, saying ``ready`` between them."""
    await client.login(token)
    if ready is not None:
        ready()
    await client.connect()


async def _log_in_only(client: discord.Client, token: str, ready: Callable[[], None] | None) -> None:
    """Sending needs only REST: log in and wait; the gateway is left to the updates process."""
    await client.login(token)
    if ready is not None:
        ready()
    await asyncio.Event().wait()
