"""Delivers core replies on Discord: interaction responses, channel posts, DMs and edits.

A reply to an interaction goes through its :class:`InteractionTurn`, which acknowledges the
interaction exactly once (a response, a deferral, or an edit of the pressed message) and
sends everything after that as follow-ups. Replies to a group without an interaction go to
the group's post channel (chosen with ``/setup channel``, else the server's system channel or
first writable text channel). Discord errors become the core's delivery errors, so the
outbox decides about retries and pointers, not this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp
import discord
from discord.utils import MISSING
from discord.webhook.async_ import async_context, interaction_message_response_params

from adapters.discord.render import NO_MENTIONS, chunks, files
from adapters.discord.views import PromptMemory, view_for
from bot.domain import ChatRef, Event, Here, InChat, MessageRef, PersonRef, Platform, Reply, ToPerson
from bot.errors import CannotDirectMessage, ChatUnavailable, RateLimited, TransientDeliveryError

log = logging.getLogger(__name__)

CANNOT_MESSAGE_USER = 50007
UNKNOWN_MESSAGE = 10008
FACILITATOR_CACHE_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Discord message: text, uploads and buttons (uploads and buttons ride on the last piece)."""

    content: str | None
    uploads: list[discord.File]
    view: discord.ui.View | None


def outgoing(reply: Reply) -> list[Outgoing]:
    """The Discord messages for one reply (several when the text is over 2000 characters)."""
    pieces: list[str | None] = list(chunks(reply.text)) or [None]
    uploads = files(reply)
    view = view_for(reply.buttons)
    if pieces == [None] and not uploads and view is None:
        return []
    last = len(pieces) - 1
    return [
        Outgoing(piece, uploads if index == last else [], view if index == last else None)
        for index, piece in enumerate(pieces)
    ]


@contextlib.asynccontextmanager
async def delivery_errors() -> AsyncIterator[None]:
    """Turn discord.py's errors into the core's delivery errors."""
    try:
        yield
    except discord.Forbidden as error:
        if error.code == CANNOT_MESSAGE_USER:
            raise CannotDirectMessage(str(error.code)) from error
        raise ChatUnavailable(f"forbidden ({error.code})") from error
    except discord.NotFound as error:
        raise ChatUnavailable(f"not found ({error.code})") from error
    except discord.DiscordServerError as error:
        raise TransientDeliveryError(f"discord {error.status}") from error
    except discord.RateLimited as error:
        raise RateLimited(error.retry_after) from error
    except discord.HTTPException as error:
        if error.status == 429:
            raise RateLimited(_retry_after(error)) from error
        raise
    except (aiohttp.ClientError, TimeoutError) as error:
        raise TransientDeliveryError(type(error).__name__) from error


def _retry_after(error: discord.HTTPException) -> float:
    headers = getattr(error.response, "headers", {}) or {}
    try:
        return max(0.5, float(headers.get("Retry-After", 1)))
    except ValueError:
        return 1.0


class PostChannels(Protocol):
    """Which channel of a server gets the group's posts (``/setup channel``)."""

    async def get(self, guild_id: int) -> int | None: ...

    async def set(self, guild_id: int, channel_id: int) -> None: ...


class MemoryPostChannels:
    """Post channels kept in memory only (tests, benches)."""

    def __init__(self) -> None:
        self._chosen: dict[int, int] = {}

    async def get(self, guild_id: int) -> int | None:
        return self._chosen.get(guild_id)

    async def set(self, guild_id: int, channel_id: int) -> None:
        self._chosen[guild_id] = channel_id


class InteractionTurn:
    """Answers one interaction: acknowledge once, follow up after; safe under concurrent sends.

    ``private`` is the privacy of a deferral (a command marked private defers ephemerally);
    each reply still says for itself whether it is private.
    """

    def __init__(self, interaction: discord.Interaction, *, private: bool) -> None:
        self.interaction = interaction
        self.private = private
        self._lock = asyncio.Lock()
        self._thinking_ephemeral: bool | None = None
        self._thinking_filled = False
        self.sent = 0

    @property
    def is_component(self) -> bool:
        return self.interaction.type in (discord.InteractionType.component, discord.InteractionType.modal_submit)

    @property
    def acknowledged(self) -> bool:
        return self.interaction.response.is_done()

    async def defer(self) -> None:
        """Acknowledge now (the work may take a while): "thinking…" for commands, silent for presses."""
        async with self._lock:
            if self.interaction.response.is_done():
                return
            async with delivery_errors():
                if self.is_component and self.interaction.message is not None:
                    await self.interaction.response.defer()
                else:
                    await self.interaction.response.defer(ephemeral=self.private, thinking=True)
                    self._thinking_ephemeral = self.private

    async def finish(self) -> None:
        """After the core is done: acknowledge a silent interaction, clear an unused "thinking…"."""
        async with self._lock:
            response = self.interaction.response
            async with delivery_errors():
                if not response.is_done():
                    if self.is_component and self.interaction.message is not None:
                        await response.defer()
                        return
                    await response.defer(ephemeral=True, thinking=True)
                    self._thinking_ephemeral = True
                if self._thinking_ephemeral is not None and not self._thinking_filled:
                    self._thinking_filled = True
                    await self.interaction.delete_original_response()

    async def send(self, message: Outgoing, *, ephemeral: bool) -> int | None:
        """Send one message as the response or a follow-up; returns its id."""
        async with self._lock:
            self.sent += 1
            response = self.interaction.response
            if not response.is_done():
                if message.uploads or (message.view is not None and not message.view.is_finished()):
                    callback = await response.send_message(ephemeral=ephemeral, **_message_kwargs(message))
                    return callback.message_id
                return await respond_with_message(self.interaction, message, ephemeral=ephemeral)
            if self._thinking_ephemeral is not None and not self._thinking_filled:
                self._thinking_filled = True
                if self._thinking_ephemeral == ephemeral:
                    edited = await self.interaction.edit_original_response(**_edit_kwargs(message))
                    return edited.id
                await self.interaction.delete_original_response()
            sent = await self.interaction.followup.send(wait=True, ephemeral=ephemeral, **_message_kwargs(message))
            return sent.id

    async def edit(self, message_id: int, message: Outgoing) -> bool:
        """Edit the pressed message through this interaction when possible (no extra rate limit)."""
        pressed = self.interaction.message
        if not self.is_component or pressed is None or pressed.id != message_id:
            return False
        async with self._lock:
            self.sent += 1
            if not self.interaction.response.is_done():
                await self.interaction.response.edit_message(**_edit_kwargs(message))
            else:
                await self.interaction.edit_original_response(**_edit_kwargs(message))
            return True


async def respond_with_message(interaction: discord.Interaction, message: Outgoing, *, ephemeral: bool) -> int | None:
    """Answer an interaction with a message, as ``InteractionResponse.send_message`` does, and
    return the new message's id.

    The request is discord.py's own (its parameter builder, its webhook adapter with its 429 and
    error handling); what is skipped is turning Discord's answer into an ``InteractionMessage``
    (a full message parse, about a sixth of the send's CPU), of which only the id is used.
    Messages with uploads, and views discord.py must track, take ``send_message`` itself.
    """
    response = interaction.response
    if response.is_done():
        raise discord.InteractionResponded(interaction)
    flags = discord.MessageFlags._from_value(0) if ephemeral else MISSING
    if ephemeral:
        flags.ephemeral = True
    state = interaction._state
    params = interaction_message_response_params(
        type=discord.InteractionResponseType.channel_message.value,
        content=message.content,
        previous_allowed_mentions=state.allowed_mentions,
        allowed_mentions=NO_MENTIONS,
        flags=flags,
        view=message.view if message.view is not None else MISSING,
    )
    http = state.http
    data = await async_context.get().create_interaction_response(
        interaction.id,
        interaction.token,
        session=interaction._session,
        proxy=http.proxy,
        proxy_auth=http.proxy_auth,
        params=params,
    )
    response._response_type = discord.InteractionResponseType.channel_message
    message_id = (data.get("interaction") or {}).get("response_message_id")
    return int(message_id) if message_id is not None else None


def _message_kwargs(message: Outgoing) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if message.content is not None:
        kwargs["content"] = message.content
    if message.uploads:
        kwargs["files"] = message.uploads
    if message.view is not None:
        kwargs["view"] = message.view
    return kwargs


def _edit_kwargs(message: Outgoing) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "content": message.content, "view": message.view}
    if message.uploads:
        kwargs["attachments"] = message.uploads
    return kwargs


class FacilitatorCache:
    """Who was seen to be a facilitator in which server (Discord sends permissions with every
    interaction; without the privileged members intent the bot can't list members)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int], tuple[bool, str]] = {}

    def note(self, guild_id: int, user_id: int, name: str, facilitator: bool) -> None:
        if len(self._seen) >= FACILITATOR_CACHE_LIMIT:
            self._seen.pop(next(iter(self._seen)))
        self._seen[(guild_id, user_id)] = (facilitator, name)

    def get(self, guild_id: int, user_id: int) -> bool | None:
        found = self._seen.get((guild_id, user_id))
        return found[0] if found else None

    def of_guild(self, guild_id: int) -> list[tuple[int, str]]:
        return [(uid, name) for (gid, uid), (yes, name) in self._seen.items() if gid == guild_id and yes]


def has_facilitator_role(member: discord.Member, role: str | None) -> bool:
    """Whether the member carries the configured facilitator role (by id or by name)."""
    if not role:
        return False
    wanted = role.strip().lower()
    return any(str(item.id) == wanted or item.name.lower() == wanted for item in member.roles)


def member_is_facilitator(member: discord.Member, role: str | None) -> bool:
    """Manage Server (or Administrator, which implies it) or the configured role."""
    return member.guild_permissions.manage_guild or has_facilitator_role(member, role)


class DiscordMessenger:
    """The core's :class:`bot.ports.Messenger` for Discord."""

    platform = Platform.DISCORD

    def __init__(
        self,
        client: discord.Client,
        post_channels: PostChannels,
        *,
        facilitator_role: str | None = None,
        prompts: PromptMemory | None = None,
    ) -> None:
        self._client = client
        self._post_channels = post_channels
        self._role = facilitator_role
        self.prompts = prompts or PromptMemory()
        self.facilitator_cache = FacilitatorCache()

    # -- sending ------------------------------------------------------------------------

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        self.prompts.remember(reply.buttons)
        messages = outgoing(reply)
        if not messages:
            return []
        async with delivery_errors():
            if reply.edit is not None:
                return await self._edit(reply.edit, messages[0], origin)
            turn = origin.handle if origin is not None and isinstance(origin.handle, InteractionTurn) else None
            if isinstance(reply.to, Here) and turn is not None and origin is not None:
                ephemeral = reply.to.private and origin.chat.is_group
                channel_id = turn.interaction.channel_id or 0
                ids = [await turn.send(message, ephemeral=ephemeral) for message in messages]
                return _refs(channel_id, ids)
            channel = await self._channel_for(reply, origin)
            sent = [await channel.send(**_message_kwargs(message)) for message in messages]
            return _refs(sent[0].channel.id, [message.id for message in sent])

    async def _edit(self, ref: MessageRef, message: Outgoing, origin: Event | None) -> Sequence[MessageRef]:
        turn = origin.handle if origin is not None and isinstance(origin.handle, InteractionTurn) else None
        if turn is not None and await turn.edit(int(ref.message_id), message):
            return [ref]
        partial = self._client.get_partial_messageable(int(ref.chat_id)).get_partial_message(int(ref.message_id))
        try:
            await partial.edit(**_edit_kwargs(message))
        except discord.NotFound as error:
            if error.code == UNKNOWN_MESSAGE:
                log.info("message to edit is gone; edit dropped")
                return []
            raise
        return [ref]

    async def _channel_for(self, reply: Reply, origin: Event | None) -> discord.abc.Messageable:
        destination = reply.to
        if isinstance(destination, ToPerson):
            return await self._dm(int(destination.person.user_id))
        if isinstance(destination, InChat):
            return await self._chat_channel(destination.chat)
        assert isinstance(destination, Here)
        if origin is None:
            raise ValueError("a reply to 'here' needs an origin event")
        if destination.private and origin.chat.is_group:
            return await self._dm(int(origin.person.user_id))
        handle = origin.handle
        if isinstance(handle, discord.Message):
            return handle.channel
        return await self._chat_channel(origin.chat)

    async def _dm(self, user_id: int) -> discord.abc.Messageable:
        return await self._client.create_dm(discord.Object(id=user_id))

    async def _chat_channel(self, chat: ChatRef) -> discord.abc.Messageable:
        if not chat.is_group:
            return await self._dm(int(chat.chat_id))
        channel_id = await self.post_channel(int(chat.chat_id))
        return self._client.get_partial_messageable(channel_id, guild_id=int(chat.chat_id))

    async def post_channel(self, guild_id: int) -> int:
        """The channel that gets the group's posts: the chosen one, else a sensible default."""
        chosen = await self._post_channels.get(guild_id)
        if chosen is not None:
            return chosen
        guild = self._client.get_guild(guild_id)
        if guild is not None:
            found = default_channel(guild)
            if found is None:
                raise ChatUnavailable("no channel the bot may post in")
            return found
        channels = await self._client.http.get_all_guild_channels(guild_id)
        texts = sorted((c for c in channels if c.get("type") == 0), key=lambda c: c.get("position", 0))
        if not texts:
            raise ChatUnavailable("no text channel")
        return int(texts[0]["id"])

    async def choose_post_channel(self, guild_id: int, channel_id: int) -> None:
        """Remember ``/setup channel``'s choice for the server."""
        await self._post_channels.set(guild_id, channel_id)

    # -- facilitators -------------------------------------------------------------------

    def observe(self, interaction: discord.Interaction) -> None:
        """Remember whether the person behind an interaction is a facilitator of its server."""
        user = interaction.user
        if interaction.guild_id is None or not isinstance(user, discord.Member):
            return
        self.facilitator_cache.note(
            interaction.guild_id, user.id, user.display_name, member_is_facilitator(user, self._role)
        )

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        if not chat.is_group:
            return False
        guild_id, user_id = int(chat.chat_id), int(person.user_id)
        seen = self.facilitator_cache.get(guild_id, user_id)
        if seen is not None:
            return seen
        guild = self._client.get_guild(guild_id)
        if guild is None:
            return False
        try:
            member = guild.get_member(user_id) or await guild.fetch_member(user_id)
        except discord.HTTPException:
            return False
        decision = member_is_facilitator(member, self._role)
        self.facilitator_cache.note(guild_id, user_id, member.display_name, decision)
        return decision

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        """The server owner, members of the facilitator role the bot can see, and people seen
        acting as facilitators (listing every member would need the privileged members intent)."""
        if not chat.is_group:
            return []
        guild_id = int(chat.chat_id)
        people: dict[int, str] = {}
        guild = self._client.get_guild(guild_id)
        if guild is not None:
            owner = guild.owner
            if guild.owner_id is not None and guild.owner_id != getattr(self._client.user, "id", None):
                people[guild.owner_id] = owner.display_name if owner is not None else str(guild.owner_id)
            for member in _role_members(guild, self._role):
                people.setdefault(member.id, member.display_name)
        for user_id, name in self.facilitator_cache.of_guild(guild_id):
            people.setdefault(user_id, name)
        return [PersonRef(Platform.DISCORD, str(uid), name) for uid, name in people.items()]


def _role_members(guild: discord.Guild, role: str | None) -> Iterable[discord.Member]:
    if not role:
        return ()
    wanted = role.strip().lower()
    found = next((item for item in guild.roles if str(item.id) == wanted or item.name.lower() == wanted), None)
    return [member for member in found.members if not member.bot] if found is not None else ()


def default_channel(guild: discord.Guild) -> int | None:
    """The system channel if the bot may post there, else the first text channel it may post in."""
    me = guild.me
    candidates = [guild.system_channel] if guild.system_channel is not None else []
    candidates += sorted(guild.text_channels, key=lambda channel: channel.position)
    for channel in candidates:
        if me is None:
            return channel.id
        permissions = channel.permissions_for(me)
        if permissions.view_channel and permissions.send_messages:
            return channel.id
    return None


def _refs(channel_id: int, ids: Sequence[int | None]) -> list[MessageRef]:
    return [MessageRef(Platform.DISCORD, str(channel_id), str(mid)) for mid in ids if mid is not None]
