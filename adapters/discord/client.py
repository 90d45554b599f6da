"""Turns Discord interactions, messages and server changes into core events.

One ``on_interaction`` handler serves everything: slash commands (options joined into the
core's argument string), autocomplete, button presses (any ``custom_id`` goes to the core,
which answers unknown or forged ones with a polite "expired"), and modal submits. Each
interaction is acknowledged within Discord's 3 seconds: slow commands defer at once, others
defer when the core has not answered after ``ack_after`` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import discord

from adapters.discord.commands import (
    SETUP_COMMAND,
    CompletionSource,
    all_payloads,
    core_args,
    default_completions,
    find_spec,
    focused_option,
    suggestions,
)
from adapters.discord.messenger import DiscordMessenger, InteractionTurn, member_is_facilitator
from adapters.discord.render import NO_MENTIONS, markdown
from adapters.discord.views import label_on_message, parse_custom_id, submitted_text, text_modal
from bot.core import Core
from bot.domain import ChatKind, ChatRef, Command, Event, MessageRef, PersonRef, Platform, Press, Text
from bot.rich import Rich

log = logging.getLogger(__name__)

ACK_AFTER_SECONDS = 2.0
MAX_TEXT = 4000


def intents(*, message_content: bool) -> discord.Intents:
    """Servers, server messages and DMs; the privileged message-content intent only if asked."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.dm_messages = True
    chosen.message_content = message_content
    return chosen


def make_client(
    *,
    message_content: bool,
    shard_count: int | None = None,
    shard_ids: list[int] | None = None,
    guild_ready_timeout: float = 2.0,
) -> discord.Client:
    """A plain client for one shard, or an auto-sharded one when shards are configured."""
    options: dict[str, Any] = {
        "intents": intents(message_content=message_content),
        "guild_ready_timeout": guild_ready_timeout,
        "chunk_guilds_at_startup": False,
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "max_messages": None,
        "allowed_mentions": NO_MENTIONS,
    }
    if shard_count is None and not shard_ids:
        return discord.Client(**options)
    if shard_count:
        options["shard_count"] = shard_count
    if shard_ids:
        options["shard_ids"] = shard_ids
    return discord.AutoShardedClient(**options)


def person_of(user: discord.abc.User) -> PersonRef:
    return PersonRef(Platform.DISCORD, str(user.id), user.display_name)


def chat_of(guild_id: int | None, guild: discord.Guild | None, user: discord.abc.User) -> ChatRef:
    """A server is a group chat; anything else is the person's direct chat (id = their user id)."""
    if guild_id is not None:
        return ChatRef(Platform.DISCORD, str(guild_id), ChatKind.GROUP, guild.name if guild is not None else "")
    return ChatRef(Platform.DISCORD, str(user.id), ChatKind.DIRECT, user.display_name)


def guild_chat(guild: discord.Guild) -> ChatRef:
    return ChatRef(Platform.DISCORD, str(guild.id), ChatKind.GROUP, guild.name)


class DiscordAdapter:
    """Binds one discord.py client to the core."""

    def __init__(
        self,
        client: discord.Client,
        core: Core,
        messenger: DiscordMessenger,
        *,
        configured_facilitators: frozenset[tuple[str, str]] = frozenset(),
        facilitator_role: str | None = None,
        message_content: bool = False,
        sync_commands: bool = True,
        ack_after: float = ACK_AFTER_SECONDS,
        completions: Mapping[str, CompletionSource] | None = None,
    ) -> None:
        self.client = client
        self.core = core
        self.messenger = messenger
        self._configured = configured_facilitators
        self._role = facilitator_role
        self._message_content = message_content
        self._sync_commands = sync_commands
        self._ack_after = ack_after
        self._completions = dict(completions or default_completions())
        self._mention: re.Pattern[str] | None = None
        self.synced: list[Any] = []

    def install(self) -> None:
        """Register this adapter's handlers on the client (works for sharded clients too)."""
        handlers: dict[str, Callable[..., Awaitable[None]]] = {
            "setup_hook": self.on_setup,
            "on_interaction": self.on_interaction,
            "on_message": self.on_message,
            "on_guild_join": self.on_guild_join,
            "on_guild_remove": self.on_guild_remove,
        }
        for name, handler in handlers.items():
            setattr(self.client, name, handler)

    # -- lifecycle ----------------------------------------------------------------------

    async def on_setup(self) -> None:
        """Runs after login, before the gateway: register the slash commands (globally)."""
        if not self._sync_commands:
            return
        application_id = self.client.application_id
        if application_id is None:
            return
        payloads = all_payloads(self.core.router, self.core.catalog)
        self.synced = await self.client.http.bulk_upsert_global_commands(application_id, payloads)
        log.info("slash commands registered", extra={"count": len(payloads)})

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """The bot was added to a server: register the group (servers seen at start-up are
        registered by their first interaction instead, so start-up does no database work)."""
        try:
            await self.core.chat_added(guild_chat(guild))
        except Exception:
            log.exception("could not register a new server")

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server (not an outage: those arrive as 'unavailable')."""
        try:
            await self.core.chat_removed(guild_chat(guild))
        except Exception:
            log.exception("could not mark a server inactive")

    # -- interactions -------------------------------------------------------------------

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        try:
            self.messenger.observe(interaction)
            kind = interaction.type
            if kind is discord.InteractionType.application_command:
                await self._command(interaction)
            elif kind is discord.InteractionType.autocomplete:
                await self._autocomplete(interaction)
            elif kind is discord.InteractionType.component:
                await self._component(interaction)
            elif kind is discord.InteractionType.modal_submit:
                await self._modal_submit(interaction)
        except Exception:
            log.exception("interaction failed", extra={"kind": str(interaction.type)})

    def _event(self, interaction: discord.Interaction, action: Command | Press, turn: InteractionTurn) -> Event:
        chat = chat_of(interaction.guild_id, interaction.guild, interaction.user)
        return Event(chat, person_of(interaction.user), action, handle=turn, via_interaction=True)

    async def _command(self, interaction: discord.Interaction) -> None:
        data: Mapping[str, Any] = interaction.data or {}
        name = str(data.get("name", ""))
        if name == SETUP_COMMAND and self.core.router.find_command(SETUP_COMMAND) is None:
            await self._setup(interaction, data)
            return
        spec = find_spec(self.core.router, name)
        args = core_args(spec, data.get("options") or []) if spec is not None else ""
        private = bool(spec and spec.private) and interaction.guild_id is not None
        turn = InteractionTurn(interaction, private=private)
        command = Command(spec.name if spec is not None else name, args)
        await self._run(self._event(interaction, command, turn), turn, slow=bool(spec and spec.slow))

    async def _component(self, interaction: discord.Interaction) -> None:
        data: Mapping[str, Any] = interaction.data or {}
        component_id = str(data.get("custom_id", ""))
        action, asks_text = parse_custom_id(component_id)
        if asks_text:
            await self._open_modal(interaction, component_id)
            return
        turn = InteractionTurn(interaction, private=True)
        press = Press(action, self._pressed(interaction))
        await self._run(self._event(interaction, press, turn), turn, slow=self._slow_action(action))

    async def _modal_submit(self, interaction: discord.Interaction) -> None:
        data: Mapping[str, Any] = interaction.data or {}
        action, _ = parse_custom_id(str(data.get("custom_id", "")))
        text = submitted_text(data)[:MAX_TEXT]
        turn = InteractionTurn(interaction, private=True)
        press = Press(action, self._pressed(interaction), text=text)
        await self._run(self._event(interaction, press, turn), turn, slow=self._slow_action(action))

    async def _open_modal(self, interaction: discord.Interaction, component_id: str) -> None:
        label = label_on_message(interaction.message, component_id) or "Note"
        prompt = self.messenger.prompts.prompt(component_id) or label
        await interaction.response.send_modal(text_modal(component_id, label, prompt))

    def _pressed(self, interaction: discord.Interaction) -> MessageRef | None:
        message = interaction.message
        if message is None:
            return None
        return MessageRef(Platform.DISCORD, str(message.channel.id), str(message.id))

    def _slow_action(self, action: str) -> bool:
        found = self.core.router.find_action(action)
        return bool(found and found[0].slow)

    async def _run(self, event: Event, turn: InteractionTurn, *, slow: bool) -> None:
        """Let the core answer; make sure Discord hears from us within its 3 seconds.

        The core runs in this task; a timer defers the interaction (in a task of its own,
        under the turn's lock, so it never crosses a reply) if the core has not finished
        after ``ack_after`` seconds. A second task and ``asyncio.wait`` per interaction,
        as before, cost more than the timer, for the rare interaction that needs it.
        """
        if slow or self._ack_after <= 0:
            await turn.defer()
            await self.core.handle(event)
        else:
            await self._handle_with_deferral_timer(event, turn)
        await turn.finish()

    async def _handle_with_deferral_timer(self, event: Event, turn: InteractionTurn) -> None:
        """The core's answer, with the interaction deferred if it takes over ``ack_after``."""
        deferral: list[asyncio.Task[None]] = []
        timer = asyncio.get_running_loop().call_later(
            self._ack_after, lambda: deferral.append(asyncio.ensure_future(turn.defer()))
        )
        try:
            await self.core.handle(event)
        finally:
            timer.cancel()
            for late in deferral:
                await late

    async def _autocomplete(self, interaction: discord.Interaction) -> None:
        data: Mapping[str, Any] = interaction.data or {}
        spec = find_spec(self.core.router, str(data.get("name", "")))
        focused = focused_option(data.get("options") or [])
        values: list[str] = []
        if spec is not None and focused is not None:
            values = suggestions(spec, focused[0], focused[1], self._completions)
        choices = [discord.app_commands.Choice(name=value, value=value) for value in values]
        await interaction.response.autocomplete(choices)

    # -- /setup channel (Discord only) ----------------------------------------------------

    def _may_set_up(self, interaction: discord.Interaction) -> bool:
        if ("discord", str(interaction.user.id)) in self._configured:
            return True
        user = interaction.user
        return isinstance(user, discord.Member) and member_is_facilitator(user, self._role)

    async def _setup(self, interaction: discord.Interaction, data: Mapping[str, Any]) -> None:
        catalog = self.core.catalog
        if interaction.guild_id is None:
            await self._say(interaction, catalog("discord.setup_in_group"))
            return
        if not self._may_set_up(interaction):
            await self._say(interaction, catalog("error.not_facilitator"))
            return
        channel_id, name = _chosen_channel(data)
        if channel_id is None:
            await self._say(interaction, catalog("error.generic"))
            return
        if not self._bot_can_post(interaction, channel_id):
            await self._say(interaction, catalog("discord.setup_cannot_send", channel=f"#{name}"))
            return
        guild = interaction.guild
        chat = ChatRef(Platform.DISCORD, str(interaction.guild_id), ChatKind.GROUP, guild.name if guild else "")
        await self.core.chat_added(chat)
        await self.messenger.choose_post_channel(interaction.guild_id, channel_id)
        await self._say(interaction, catalog("discord.setup_done", channel=f"#{name}"))

    def _bot_can_post(self, interaction: discord.Interaction, channel_id: int) -> bool:
        guild = interaction.guild
        channel = guild.get_channel(channel_id) if guild is not None else None
        if guild is None or channel is None or guild.me is None:
            return True
        permissions = channel.permissions_for(guild.me)
        return permissions.view_channel and permissions.send_messages

    async def _say(self, interaction: discord.Interaction, text: Rich) -> None:
        await interaction.response.send_message(markdown(text), ephemeral=True, allowed_mentions=NO_MENTIONS)

    # -- messages (DMs, mentions; every server message with the message-content intent) ----

    async def on_message(self, message: discord.Message) -> None:
        try:
            await self._message(message)
        except Exception:
            log.exception("message handling failed")

    async def _message(self, message: discord.Message) -> None:
        me = self.client.user
        if message.author.bot or me is None or message.webhook_id is not None:
            return
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        in_guild = message.guild is not None
        addressed = not in_guild or me in message.mentions or _replies_to(message, me.id)
        if in_guild and not addressed and not self._message_content:
            return
        text = self._without_mention(message.content, me.id).strip()[:MAX_TEXT]
        if not text:
            return
        chat = chat_of(message.guild.id if message.guild else None, message.guild, message.author)
        event = Event(chat, person_of(message.author), Text(text, addressed=addressed), handle=message)
        await self.core.handle(event)

    def _without_mention(self, content: str, bot_id: int) -> str:
        if self._mention is None:
            self._mention = re.compile(rf"<@!?{bot_id}>")
        return self._mention.sub("", content)


def _replies_to(message: discord.Message, bot_id: int) -> bool:
    reference = message.reference
    resolved = reference.resolved if reference is not None else None
    return isinstance(resolved, discord.Message) and resolved.author.id == bot_id


def _chosen_channel(data: Mapping[str, Any]) -> tuple[int | None, str]:
    """The channel picked in ``/setup channel`` and its name (from Discord's resolved data)."""
    options = data.get("options") or []
    leaf = options[0].get("options", []) if options and options[0].get("type") == 1 else options
    value = next((option.get("value") for option in leaf if option.get("name") == "channel"), None)
    if value is None:
        return None, ""
    channel_id = int(value)
    resolved = (data.get("resolved") or {}).get("channels", {}).get(str(channel_id), {})
    return channel_id, str(resolved.get("name", channel_id))
