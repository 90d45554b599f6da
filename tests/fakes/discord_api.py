"""A loopback fake of Discord (REST API v10 + gateway WebSocket) for end-to-end adapter tests.

Why: the Discord adapter must be tested with the *real* discord.py stack (aiohttp session,
gateway state machine, zlib-stream decoding, rate-limit handling, view/modal dispatch) without
internet access. ``FakeDiscord`` is one aiohttp app on ``127.0.0.1`` (ephemeral port) that
plays Discord's part and records every request so tests can assert on the raw wire payloads.

Pointing discord.py at it (``patch_discord()``; process-wide class attributes, so always
``unpatch()``; ``async with FakeDiscord() as fake`` does both):

* ``discord.http.Route.BASE`` -> ``api_url`` (REST, interaction callbacks and followups).
* ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` -> ``gateway_url``. A plain
  ``Client``/``commands.Bot`` connects straight to it; ``AutoShardedClient`` asks
  ``GET /gateway/bot`` (answered with ``gateway_url`` and ``shard_count``); READY carries
  ``resume_gateway_url`` = ``gateway_url`` so RESUME comes back here too.

Gateway (``GET /gateway``):

* HELLO (``heartbeat_interval_ms``), heartbeat -> ACK, IDENTIFY -> READY (bot user,
  ``application{id,flags}``, guilds unavailable, ``session_id``, ``resume_gateway_url``, shard)
  followed by one GUILD_CREATE per guild of that shard (roles incl. @everyone, channels,
  members with ``flags``, ``owner_id``). Members other than the bot are only included with the
  GUILD_MEMBERS intent, like Discord.
* RESUME -> RESUMED after replaying dispatches the client missed (events dispatched while no
  connection was open are kept and replayed); an unknown session gets INVALID_SESSION(false).
* REQUEST_GUILD_MEMBERS (op 8) -> GUILD_MEMBERS_CHUNK (``user_ids`` / ``query`` honoured).
* ``compress=zlib-stream`` in the query -> binary frames from one zlib stream per connection,
  each message ending in a Z_SYNC_FLUSH; otherwise plain text frames.
* Intents: MESSAGE_CREATE/UPDATE need GUILD_MESSAGES (guild) or DIRECT_MESSAGES (DM), member
  events need GUILD_MEMBERS; without MESSAGE_CONTENT (1 << 15) guild messages that neither come
  from the bot nor mention it arrive with empty content/embeds/attachments/components.
  ``allowed_intents`` (optional) closes with 4014 when a privileged intent is not allowed; a
  wrong token (when ``token`` is set) closes with 4004.
* ``close_gateway(code)`` forces a reconnect/resume; ``send_reconnect()`` sends op 7;
  ``invalidate_session(resumable)`` sends op 9.

REST (``/api/v10``; every response body is JSON with Content-Type exactly ``application/json``,
because discord.py compares it with ``==``; 204s have no body):

* ``GET /users/@me``, ``GET /users/{id}``, ``GET /oauth2/applications/@me``,
  ``GET /gateway``, ``GET /gateway/bot``.
* ``POST /users/@me/channels`` (DM channel, type 1 with ``recipients``).
* ``GET /channels/{id}``, ``POST /channels/{id}/typing``,
  ``GET|POST /channels/{id}/messages``, ``GET|PATCH|DELETE /channels/{id}/messages/{mid}``
  (JSON or multipart with ``payload_json`` + ``files[n]``; answers are full Message objects with
  attachments served back at ``/attachments/...``), ``PUT|DELETE`` own reactions.
* ``POST /interactions/{id}/{token}/callback`` -> ``{"interaction": {...}, "resource": {...}}``
  for types 4, 5, 6, 7, 8, 9; a second acknowledgement gets 400/40060, an unknown or expired
  interaction 404/10062 (expiry only when ``interaction_timeout`` is set).
* ``POST /webhooks/{app}/{token}`` (followups, ``?wait``; the first followup after a deferred
  response fills the deferred message, like Discord), ``GET|PATCH|DELETE
  /webhooks/{app}/{token}/messages/@original`` and ``/messages/{id}``. Before the interaction is
  acknowledged these answer 404/10015 (Unknown Webhook).
* ``GET|PUT|POST /applications/{app}/commands`` and ``/applications/{app}/guilds/{g}/commands``,
  ``GET|DELETE .../commands/{cid}``.
* ``GET /guilds/{id}``, ``GET /guilds/{id}/channels``, ``GET /guilds/{id}/roles``,
  ``GET /guilds/{id}/members/{uid}``.
* Unknown routes answer 404 JSON and are recorded (``unknown_calls()``) so gaps are visible.
* DMs to a user marked with ``set_dms_closed(uid)`` answer 403/50007, as Discord does.

Error injection: ``fail_next(method, route, status=429, retry_after=..., via=True, global_=...,
times=...)`` (discord.py only retries a 429 that has a ``Via`` header and a JSON body; 500/502/
504/524 are retried by discord.py with 1 s, 3 s, ... sleeps) and ``enforce_rate(per_second)``, a
sliding one-second window that answers 429 when exceeded (for benches).

Recording and waiting: every request becomes a ``Call``; ``calls_to(method, route)``,
``await wait_for_call(method, route, predicate, timeout, start)``, ``interaction_responses(iid)``,
``messages_in(channel_id)``, ``await wait_for_message(channel_id, predicate)``. Routes can be
given as templates with any placeholder names (``/channels/{id}/messages``) or as concrete paths.

World setup: ``add_user``, ``add_guild`` (roles with permission ints, e.g. MANAGE_GUILD 0x20;
the guild owner and ADMINISTRATOR get every permission; channel overwrites are applied),
``add_channel``, ``add_member``, ``dm_channel(uid)``. Dispatch helpers (each returns the payload):
``dispatch_message``, ``dispatch_slash``, ``dispatch_autocomplete``, ``dispatch_button``,
``dispatch_select``, ``dispatch_modal_submit``, ``dispatch_guild_create``/``_delete``,
``dispatch_member_add``/``_remove``, ``dispatch_event`` (anything else).

Behaviour to know when writing tests:

* The bot's own messages are echoed back as MESSAGE_CREATE/UPDATE (``echo_bot_messages``), as
  Discord does, so a handler that does not ignore its own messages is caught.
* discord.py sleeps 5 s before every non-initial IDENTIFY (``Client.before_identify_hook``);
  tests of ``invalidate_session`` should override that hook. RESUME is not delayed.
* ``Route.BASE``/``DEFAULT_GATEWAY`` are process-wide: never run a real and a fake client in one
  process, and always ``await client.close()`` and await the ``start()`` task.

Not implemented: voice, threads, stage/scheduled events, zstd-stream (text frames are sent when
it is asked for, which discord.py accepts), rate-limit bucket headers, sharding beyond assigning
guilds to shards by ``(guild_id >> 22) % shard_count``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import secrets
import time
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import BodyPartReader, WSMsgType, web

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000

# Gateway intents (bit positions from the Discord docs).
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Permission bits used by the fake's permission computation.
PERM_ADMINISTRATOR = 0x8
PERM_MANAGE_GUILD = 0x20
PERM_ALL = discord.Permissions.all().value
DEFAULT_EVERYONE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    read_message_history=True,
    embed_links=True,
    attach_files=True,
    add_reactions=True,
    use_application_commands=True,
).value
DM_APP_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    read_message_history=True,
    embed_links=True,
    attach_files=True,
    add_reactions=True,
).value

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_MENTION = re.compile(r"<@!?(\d+)>")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _normalize_route(route: str) -> str:
    """Strip placeholder names so ``{id}`` and ``{channel_id}`` compare equal."""
    return _PLACEHOLDER.sub("{}", route.rstrip("/") or "/")


def _json_response(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    """JSON with Content-Type exactly ``application/json`` (discord.py rejects a charset)."""
    merged = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(status=status, body=json.dumps(body).encode(), headers=merged)


@dataclass
class Call:
    """One recorded REST request (``path`` is relative to ``/api/v10``)."""

    method: str
    path: str
    route: str
    json: Any
    files: dict[str, bytes]
    query: dict[str, str]
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0

    def matches(self, method: str, route: str) -> bool:
        """True when ``method`` matches and ``route`` is this call's template or its path."""
        if method.upper() != self.method:
            return False
        if route.rstrip("/") == self.path.rstrip("/"):
            return True
        return _normalize_route(route) == _normalize_route(self.route)


@dataclass
class _Failure:
    method: str
    route: str
    status: int
    retry_after: float
    via: bool
    global_: bool
    remaining: int
    body: JSON | None


@dataclass
class _Interaction:
    id: int
    token: str
    type: int
    payload: JSON
    channel_id: int
    guild_id: int | None
    message_id: int | None
    created: float
    acknowledged: bool = False
    response_type: int | None = None
    original_id: int | None = None
    latest_id: int | None = None  # the newest message its responses sent or edited
    modal: JSON | None = None
    choices: list[JSON] | None = None
    calls: list[Call] = field(default_factory=list)


@dataclass
class _Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, JSON]
    channel_ids: list[int]
    members: dict[int, JSON]
    bot_member: bool = True
    joined_at: str = field(default_factory=_now_iso)


class _Connection:
    """One gateway WebSocket; sends are serialized because the zlib stream is stateful."""

    def __init__(self, ws: web.WebSocketResponse, *, compress: bool, query: dict[str, str]) -> None:
        self.ws = ws
        self.query = query
        self._compressor = zlib.compressobj() if compress else None
        self._lock = asyncio.Lock()
        self.session: _Session | None = None

    async def send(self, payload: JSON) -> None:
        data = json.dumps(payload)
        async with self._lock:
            if self.ws.closed:
                return
            if self._compressor is not None:
                chunk = self._compressor.compress(data.encode()) + self._compressor.flush(zlib.Z_SYNC_FLUSH)
                await self.ws.send_bytes(chunk)
            else:
                await self.ws.send_str(data)


@dataclass
class _Session:
    session_id: str
    intents: int
    shard: tuple[int, int]
    seq: int = 0
    backlog: list[JSON] = field(default_factory=list)
    conn: _Connection | None = None


Handler = Callable[[Call, dict[str, str]], Awaitable[tuple[int, Any]]]


class FakeDiscord:
    """Fake Discord REST + gateway server; see the module docstring for what it covers."""

    def __init__(
        self,
        *,
        bot_id: int = 900_000_000_000_000_001,
        bot_name: str = "iop-peer-bot",
        application_id: int | None = None,
        token: str | None = None,
        heartbeat_interval_ms: int = 5_000,
        shard_count: int = 1,
        allowed_intents: int | None = None,
        interaction_timeout: float | None = None,
        echo_bot_messages: bool = True,
        application_flags: int = 0,
    ) -> None:
        self.bot_id = bot_id
        self.application_id = application_id or bot_id
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.shard_count = shard_count
        self.allowed_intents = allowed_intents
        self.interaction_timeout = interaction_timeout
        self.echo_bot_messages = echo_bot_messages
        self.application_flags = application_flags
        self.bot_user: JSON = {
            "id": str(bot_id),
            "username": bot_name,
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": True,
            "verified": True,
            "mfa_enabled": False,
            "flags": 0,
            "public_flags": 0,
        }
        self.users: dict[int, JSON] = {bot_id: self.bot_user}
        self.guilds: dict[int, _Guild] = {}
        self.channels: dict[int, JSON] = {}
        self.messages: dict[int, JSON] = {}
        self.attachments_data: dict[str, bytes] = {}
        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}
        self.calls: list[Call] = []
        self.gateway_frames: list[JSON] = []
        self.gateway_queries: list[dict[str, str]] = []
        self.identify_payloads: list[JSON] = []
        self.resume_payloads: list[JSON] = []
        self.heartbeats = 0
        self.rate_limited = 0
        self._dms_closed: set[int] = set()
        self._dm_by_user: dict[int, int] = {}
        self._channel_messages: dict[int, list[int]] = {}
        self._interactions: dict[int, _Interaction] = {}
        self._interactions_by_token: dict[str, _Interaction] = {}
        self._failures: list[_Failure] = []
        self._rate_per_second: float | None = None
        self._rate_window: list[float] = []
        self._sessions: dict[str, _Session] = {}
        self._shard_sessions: dict[int, _Session] = {}
        self._connections: set[_Connection] = set()
        self._last_snowflake = 0
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._saved: tuple[str, yarl.URL] | None = None
        self._routes: list[tuple[str, re.Pattern[str], str, Handler]] = []
        self._register_routes()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Bind an ephemeral port on 127.0.0.1 and start serving."""
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{tail:.*}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self._port = int(sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Close gateway connections and the server."""
        for conn in list(self._connections):
            await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        self.patch_discord()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.unpatch()
        await self.stop()

    @property
    def base_url(self) -> str:
        if self._port is None:
            raise RuntimeError("FakeDiscord is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    def patch_discord(self) -> None:
        """Point discord.py's process-wide REST base and default gateway at this fake."""
        if self._saved is None:
            self._saved = (
                discord.http.Route.BASE,
                discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY,
            )
        discord.http.Route.BASE = self.api_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)

    def unpatch(self) -> None:
        """Restore what ``patch_discord`` replaced."""
        if self._saved is not None:
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved
            self._saved = None

    @contextlib.contextmanager
    def patched(self) -> Iterator[Self]:
        """Context manager form of ``patch_discord``/``unpatch``."""
        self.patch_discord()
        try:
            yield self
        finally:
            self.unpatch()

    # ------------------------------------------------------------------ ids and world setup

    def snowflake(self) -> int:
        """A fresh, strictly increasing, time-based snowflake."""
        value = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last_snowflake = max(value, self._last_snowflake + 1)
        return self._last_snowflake

    def add_user(
        self,
        user_id: int,
        username: str,
        *,
        bot: bool = False,
        global_name: str | None = None,
    ) -> JSON:
        """Register (or replace) a user and return its payload."""
        user = {
            "id": str(user_id),
            "username": username,
            "discriminator": "0",
            "global_name": global_name,
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }
        self.users[user_id] = user
        return user

    def _user(self, user: int | Mapping[str, Any]) -> JSON:
        if isinstance(user, Mapping):
            uid = int(user["id"])
            if uid not in self.users:
                self.add_user(uid, str(user.get("username", f"user{uid}")), bot=bool(user.get("bot")))
            self.users[uid].update({k: v for k, v in user.items() if k != "id"})
            return self.users[uid]
        if user not in self.users:
            raise KeyError(f"unknown user {user}; call add_user() or list it in add_guild(members=...)")
        return self.users[user]

    def add_guild(
        self,
        guild_id: int,
        name: str,
        *,
        channels: Sequence[tuple[int, str] | Mapping[str, Any]] = (),
        members: Sequence[Mapping[str, Any]] = (),
        roles: Sequence[Mapping[str, Any]] = (),
        owner_id: int | None = None,
        everyone_permissions: int = DEFAULT_EVERYONE_PERMISSIONS,
        bot_roles: Sequence[int] = (),
    ) -> JSON:
        """Configure a guild the bot is in; returns its GUILD_CREATE payload.

        ``channels``: ``(id, name)`` text channels or channel dicts (merged over defaults).
        ``members``: ``{"id", "username", "roles": [role ids], "nick"?}`` or full member
        payloads ``{"user": {...}, "roles": [...]}``. ``roles``: ``{"id", "name",
        "permissions": int}``; @everyone (id = guild id) is added when missing. The bot is
        added as a member (with ``bot_roles``) unless listed.
        """
        role_map: dict[int, JSON] = {}
        everyone = {"id": guild_id, "name": "@everyone", "permissions": everyone_permissions}
        for position, spec in enumerate([everyone, *roles]):
            rid = int(spec["id"])
            if rid == guild_id and spec is not everyone:
                role_map.pop(rid, None)
            role_map[rid] = {
                "id": str(rid),
                "name": spec.get("name", f"role{rid}"),
                "permissions": str(int(spec.get("permissions", 0))),
                "position": int(spec.get("position", 0 if rid == guild_id else position)),
                "color": int(spec.get("color", 0)),
                "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                "hoist": False,
                "managed": bool(spec.get("managed", False)),
                "mentionable": False,
                "icon": None,
                "unicode_emoji": None,
                "flags": 0,
            }
        guild = _Guild(
            id=guild_id,
            name=name,
            owner_id=owner_id if owner_id is not None else self.bot_id,
            roles=role_map,
            channel_ids=[],
            members={},
        )
        self.guilds[guild_id] = guild
        for position, chan in enumerate(channels):
            data: dict[str, Any] = dict(chan) if isinstance(chan, Mapping) else {"id": chan[0], "name": chan[1]}
            self.add_channel(
                guild_id,
                int(data["id"]),
                str(data["name"]),
                position=position,
                **{k: v for k, v in data.items() if k not in ("id", "name")},
            )
        for member in members:
            self.add_member(guild_id, member, dispatch=False)
        if self.bot_id not in guild.members:
            self.add_member(guild_id, {"user": self.bot_user, "roles": list(bot_roles)}, dispatch=False)
        return self.guild_payload(guild_id)

    def add_channel(self, guild_id: int, channel_id: int, name: str, *, position: int = 0, **extra: Any) -> JSON:
        """Add a guild channel (type 0 text unless ``type=`` is given)."""
        channel = {
            "id": str(channel_id),
            "type": 0,
            "name": name,
            "position": position,
            "guild_id": str(guild_id),
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
            **extra,
        }
        self.channels[channel_id] = channel
        self.guilds[guild_id].channel_ids.append(channel_id)
        return channel

    def add_member(self, guild_id: int, member: Mapping[str, Any], *, dispatch: bool = False) -> JSON:
        """Add a member (see ``add_guild``); ``dispatch_member_add`` announces it."""
        if "user" in member:
            user = self._user(member["user"])
        else:
            uid = int(member["id"])
            user = self.users.get(uid) or self.add_user(
                uid, str(member.get("username", f"user{uid}")), bot=bool(member.get("bot"))
            )
        payload = {
            "user": user,
            "roles": [str(int(r)) for r in member.get("roles", []) if int(r) != guild_id],
            "nick": member.get("nick"),
            "avatar": None,
            "joined_at": member.get("joined_at", _now_iso()),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": int(member.get("flags", 0)),
            "pending": False,
            "communication_disabled_until": None,
        }
        self.guilds[guild_id].members[int(user["id"])] = payload
        return payload

    def dm_channel(self, user_id: int) -> JSON:
        """The DM channel between the bot and ``user_id`` (created on first use)."""
        if user_id in self._dm_by_user:
            return self.channels[self._dm_by_user[user_id]]
        user = self._user(user_id)
        cid = self.snowflake()
        channel = {
            "id": str(cid),
            "type": 1,
            "recipients": [user],
            "last_message_id": None,
            "flags": 0,
        }
        self.channels[cid] = channel
        self._dm_by_user[user_id] = cid
        return channel

    def set_dms_closed(self, user_id: int, closed: bool = True) -> None:
        """Make DMs to ``user_id`` fail with 403/50007 (user has DMs disabled)."""
        if closed:
            self._dms_closed.add(user_id)
        else:
            self._dms_closed.discard(user_id)

    def guild_payload(self, guild_id: int, *, joined: bool = False) -> JSON:
        """The GUILD_CREATE payload for a guild.

        ``unavailable: false`` marks a guild announced in READY becoming available; a guild
        the bot has just ``joined`` has no ``unavailable`` key (discord.py then fires
        ``on_guild_join``).
        """
        g = self.guilds[guild_id]
        payload = {
            "id": str(g.id),
            "name": g.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(g.owner_id),
            "application_id": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "features": [],
            "roles": list(g.roles.values()),
            "emojis": [],
            "stickers": [],
            "channels": [self.channels[c] for c in g.channel_ids],
            "threads": [],
            "members": list(g.members.values()),
            "member_count": len(g.members),
            "large": False,
            "unavailable": False,
            "joined_at": g.joined_at,
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
        if joined:
            del payload["unavailable"]
        return payload

    # ------------------------------------------------------------------ permissions

    def guild_permissions(self, guild_id: int, user_id: int) -> int:
        """Guild-level permissions: owner/ADMINISTRATOR -> all, else @everyone | roles."""
        g = self.guilds[guild_id]
        if user_id == g.owner_id:
            return PERM_ALL
        member = g.members.get(user_id)
        if member is None:
            return 0
        perms = int(g.roles[guild_id]["permissions"])
        for rid in member["roles"]:
            role = g.roles.get(int(rid))
            if role is not None:
                perms |= int(role["permissions"])
        return PERM_ALL if perms & PERM_ADMINISTRATOR else perms

    def channel_permissions(self, channel_id: int, user_id: int) -> int:
        """Channel permissions with overwrites applied (Discord's documented algorithm)."""
        channel = self.channels[channel_id]
        if channel.get("guild_id") is None:
            return DM_APP_PERMISSIONS
        guild_id = int(channel["guild_id"])
        perms = self.guild_permissions(guild_id, user_id)
        if perms == PERM_ALL:
            return perms
        member = self.guilds[guild_id].members.get(user_id)
        role_ids = {int(r) for r in member["roles"]} if member else set()
        overwrites = {int(o["id"]): o for o in channel.get("permission_overwrites", [])}
        everyone = overwrites.get(guild_id)
        if everyone:
            perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
        allow = deny = 0
        for oid, ow in overwrites.items():
            if int(ow.get("type", 0)) == 0 and oid in role_ids:
                allow |= int(ow["allow"])
                deny |= int(ow["deny"])
        perms = (perms & ~deny) | allow
        own = overwrites.get(user_id)
        if own and int(own.get("type", 1)) == 1:
            perms = (perms & ~int(own["deny"])) | int(own["allow"])
        return perms

    # ------------------------------------------------------------------ recording helpers

    def calls_to(self, method: str, route: str) -> list[Call]:
        """Recorded calls for a method and a route template (any placeholder names) or path."""
        return [c for c in self.calls if c.matches(method, route)]

    def unknown_calls(self) -> list[Call]:
        """Calls that hit no implemented route (answered 404)."""
        return [c for c in self.calls if c.route == "<unknown>"]

    async def _wait(self, check: Callable[[], Any], timeout: float, what: str) -> Any:
        assert self._changed is not None, "FakeDiscord is not started"
        async with self._changed:
            try:
                return await asyncio.wait_for(self._changed.wait_for(check), timeout)
            except TimeoutError:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}") from None

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    async def wait_for_call(
        self,
        method: str,
        route: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5,
        start: int = 0,
    ) -> Call:
        """The first call at index >= ``start`` matching method/route/predicate."""

        def check() -> Call | None:
            for c in self.calls[start:]:
                if c.status and c.matches(method, route) and (predicate is None or predicate(c)):
                    return c
            return None

        result: Call = await self._wait(check, timeout, f"{method} {route}")
        return result

    def interaction_responses(self, interaction_id: int | str) -> list[Call]:
        """Callback and webhook calls made for one interaction, in order."""
        rec = self._interactions.get(int(interaction_id))
        return list(rec.calls) if rec else []

    async def wait_for_interaction_response(
        self, interaction_id: int | str, *, count: int = 1, timeout: float = 5
    ) -> list[Call]:
        """Wait until ``count`` successful responses were made for an interaction."""

        def check() -> list[Call] | None:
            done = [c for c in self.interaction_responses(interaction_id) if c.status < 300]
            return done if len(done) >= count else None

        result: list[Call] = await self._wait(check, timeout, f"interaction {interaction_id}")
        return result

    def interaction_modal(self, interaction_id: int | str) -> JSON | None:
        """The modal the bot answered an interaction with (callback type 9), if any."""
        rec = self._interactions.get(int(interaction_id))
        return rec.modal if rec else None

    def interaction_message(self, interaction_id: int | str) -> JSON | None:
        """The newest stored message an interaction's responses sent or edited (a follow-up after
        a deferral included), if any.

        A simulated person presses buttons on the reply to their own interaction, not on
        whichever message is newest in a busy channel.
        """
        rec = self._interactions.get(int(interaction_id))
        if rec is None or rec.latest_id is None:
            return None
        return self.messages.get(rec.latest_id)

    def autocomplete_choices(self, interaction_id: int | str) -> list[JSON] | None:
        """The choices the bot answered an autocomplete interaction with (type 8)."""
        rec = self._interactions.get(int(interaction_id))
        return rec.choices if rec else None

    def messages_in(self, channel_id: int | str, *, include_users: bool = False) -> list[JSON]:
        """Current (edited, not deleted) messages in a channel, oldest first; bot's by default."""
        ids = self._channel_messages.get(int(channel_id), [])
        msgs = [self.messages[i] for i in ids if i in self.messages]
        if include_users:
            return msgs
        return [m for m in msgs if int(m["author"]["id"]) == self.bot_id]

    async def wait_for_message(
        self,
        channel_id: int | str | None = None,
        predicate: Callable[[JSON], bool] | None = None,
        *,
        timeout: float = 5,
        after: int = 0,
    ) -> JSON:
        """A bot message (optionally in a channel) with id > ``after`` matching ``predicate``."""

        def check() -> JSON | None:
            pool: Iterable[JSON] = self.messages_in(channel_id) if channel_id is not None else self.messages.values()
            for m in pool:
                if int(m["author"]["id"]) != self.bot_id or int(m["id"]) <= after:
                    continue
                if predicate is None or predicate(m):
                    return m
            return None

        result: JSON = await self._wait(check, timeout, f"a bot message in {channel_id}")
        return result

    # ------------------------------------------------------------------ error injection

    def fail_next(
        self,
        method: str,
        route: str,
        status: int = 429,
        retry_after: float = 0.2,
        via: bool = True,
        global_: bool = False,
        times: int = 1,
        body: JSON | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` instead of handling them.

        429s carry ``retry_after``/``global`` in the JSON body and a ``Via`` header unless
        ``via=False`` (discord.py then treats it as a Cloudflare ban and raises).
        """
        self._failures.append(_Failure(method.upper(), route, status, retry_after, via, global_, times, body))

    def enforce_rate(self, per_second: float | None) -> None:
        """Answer 429 (with Via) when more than ``per_second`` requests arrive within 1 s."""
        self._rate_per_second = per_second
        self._rate_window.clear()

    def _injected_failure(self, call: Call) -> web.Response | None:
        for failure in self._failures:
            if failure.remaining > 0 and call.matches(failure.method, failure.route):
                failure.remaining -= 1
                if failure.status == 429:
                    return self._rate_limit_response(failure.retry_after, failure.global_, failure.via)
                body = failure.body or {
                    "message": "Injected failure",
                    "code": {403: 50013, 404: 10008}.get(failure.status, 0),
                }
                return _json_response(body, failure.status)
        if self._rate_per_second is not None:
            now = time.monotonic()
            self._rate_window = [t for t in self._rate_window if now - t < 1.0]
            if len(self._rate_window) >= self._rate_per_second:
                retry_after = max(0.001, 1.0 - (now - self._rate_window[0]))
                return self._rate_limit_response(round(retry_after, 3), False, True)
            self._rate_window.append(now)
        return None

    def _rate_limit_response(self, retry_after: float, global_: bool, via: bool) -> web.Response:
        self.rate_limited += 1
        headers = {"Retry-After": str(max(1, round(retry_after)))}
        if via:
            headers["Via"] = "1.1 google"
        headers["X-RateLimit-Scope"] = "global" if global_ else "user"
        if global_:
            headers["X-RateLimit-Global"] = "true"
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": global_}
        return _json_response(body, 429, headers)

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        query = dict(request.query)
        self.gateway_queries.append(query)
        conn = _Connection(ws, compress=query.get("compress") == "zlib-stream", query=query)
        self._connections.add(conn)
        try:
            await conn.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_gateway_frame(conn, json.loads(msg.data))
                elif msg.type is WSMsgType.ERROR:
                    break
        finally:
            self._connections.discard(conn)
            if conn.session is not None and conn.session.conn is conn:
                conn.session.conn = None
            await self._notify()
        return ws

    async def _on_gateway_frame(self, conn: _Connection, frame: JSON) -> None:
        self.gateway_frames.append(frame)
        op = frame.get("op")
        data: JSON = frame.get("d") or {}
        if op == 1:
            self.heartbeats += 1
            await conn.send({"op": 11})
        elif op == 2:
            await self._identify(conn, data)
        elif op == 6:
            await self._resume(conn, data)
        elif op == 8:
            await self._request_members(conn, data)
        await self._notify()

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        self.identify_payloads.append(data)
        if self.token is not None and data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        if self.allowed_intents is not None and intents & PRIVILEGED_INTENTS & ~self.allowed_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        shard_id, shard_count = data.get("shard", [0, 1])
        session = _Session(
            session_id=secrets.token_hex(16),
            intents=intents,
            shard=(int(shard_id), int(shard_count)),
            conn=conn,
        )
        conn.session = session
        old = self._shard_sessions.get(session.shard[0])
        if old is not None:
            self._sessions.pop(old.session_id, None)
        self._sessions[session.session_id] = session
        self._shard_sessions[session.shard[0]] = session
        guild_ids = [g.id for g in self.guilds.values() if g.bot_member and self._shard_of(g.id) == shard_id]
        ready = {
            "v": 10,
            "user": self.bot_user,
            "guilds": [{"id": str(gid), "unavailable": True} for gid in guild_ids],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "shard": [shard_id, shard_count],
        }
        await self._send_dispatch(session, "READY", ready)
        for gid in guild_ids:
            await self._send_dispatch(session, "GUILD_CREATE", self.guild_payload(gid))

    async def _resume(self, conn: _Connection, data: JSON) -> None:
        self.resume_payloads.append(data)
        session = self._sessions.get(str(data.get("session_id")))
        if session is None or (self.token is not None and data.get("token") != self.token):
            await conn.send({"op": 9, "d": False})
            return
        session.conn = conn
        conn.session = session
        last = int(data.get("seq") or 0)
        for frame in session.backlog:
            if frame["s"] > last:
                await conn.send(frame)
        await self._send_dispatch(session, "RESUMED", {})

    async def _request_members(self, conn: _Connection, data: JSON) -> None:
        gid = int(data["guild_id"])
        guild = self.guilds.get(gid)
        if guild is None or conn.session is None:
            return
        members = list(guild.members.values())
        if data.get("user_ids"):
            wanted = {int(u) for u in data["user_ids"]}
            members = [m for m in members if int(m["user"]["id"]) in wanted]
        elif data.get("query"):
            q = str(data["query"]).lower()
            members = [m for m in members if m["user"]["username"].lower().startswith(q)]
        limit = int(data.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk = {
            "guild_id": str(gid),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self._send_dispatch(conn.session, "GUILD_MEMBERS_CHUNK", chunk)

    def _shard_of(self, guild_id: int | None) -> int:
        return 0 if guild_id is None else (guild_id >> 22) % self.shard_count

    async def _send_dispatch(self, session: _Session, event: str, data: JSON) -> None:
        session.seq += 1
        frame = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.backlog.append(frame)
        if session.conn is not None:
            try:
                await session.conn.send(frame)
            except (ConnectionError, RuntimeError):
                session.conn = None

    def _filtered(self, session: _Session, event: str, data: JSON, guild_id: int | None) -> JSON | None:
        """Apply Discord's intent rules to one event for one session (None = not delivered)."""
        intents = session.intents
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"):
            needed = INTENT_GUILD_MESSAGES if guild_id is not None else INTENT_DIRECT_MESSAGES
            if not intents & needed:
                return None
            author = data.get("author") or {}
            mentioned = any(int(u["id"]) == self.bot_id for u in data.get("mentions", []))
            if (
                guild_id is not None
                and event != "MESSAGE_DELETE"
                and not intents & INTENT_MESSAGE_CONTENT
                and int(author.get("id", 0)) != self.bot_id
                and not mentioned
            ):
                data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
                data.pop("poll", None)
        elif event in ("GUILD_MEMBER_ADD", "GUILD_MEMBER_REMOVE", "GUILD_MEMBER_UPDATE"):
            if not intents & INTENT_GUILD_MEMBERS:
                return None
        elif event in ("GUILD_CREATE", "GUILD_DELETE") and not intents & INTENT_GUILDS:
            return None
        if event == "GUILD_CREATE" and not intents & INTENT_GUILD_MEMBERS:
            members = [m for m in data.get("members", []) if int(m["user"]["id"]) == self.bot_id]
            data = {**data, "members": members}
        return data

    async def dispatch_event(self, event: str, data: JSON, *, guild_id: int | None = None) -> None:
        """Send a DISPATCH to the session of the guild's shard (intent rules applied).

        Dispatches sent while the client is reconnecting are replayed on RESUME.
        """
        session = self._shard_sessions.get(self._shard_of(guild_id))
        if session is None:
            raise RuntimeError("no gateway session: start the client and wait until it is ready")
        filtered = self._filtered(session, event, data, guild_id)
        if filtered is not None:
            await self._send_dispatch(session, event, filtered)

    async def wait_identified(self, timeout: float = 5) -> None:
        """Wait until a client has IDENTIFYed (a session exists for shard 0)."""
        await self._wait(lambda: 0 in self._shard_sessions, timeout, "IDENTIFY")

    async def close_gateway(self, code: int = 4000) -> None:
        """Close every open gateway connection with ``code`` (4000 -> client resumes)."""
        for conn in list(self._connections):
            await conn.ws.close(code=code, message=b"fake close")

    async def send_reconnect(self) -> None:
        """Send op 7 RECONNECT on every connection."""
        for conn in list(self._connections):
            await conn.send({"op": 7, "d": None})

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION (non-resumable makes the client IDENTIFY again)."""
        for conn in list(self._connections):
            await conn.send({"op": 9, "d": resumable})

    @property
    def connected(self) -> bool:
        """True while at least one gateway connection has an active session."""
        return any(c.session is not None and not c.ws.closed for c in self._connections)

    # ------------------------------------------------------------------ dispatch helpers

    def _message_payload(
        self,
        channel_id: int,
        author: JSON,
        content: str,
        *,
        guild_id: int | None,
        extra: Mapping[str, Any] | None = None,
    ) -> JSON:
        mentions = [self.users[int(m)] for m in _MENTION.findall(content) if int(m) in self.users]
        msg: JSON = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": author,
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": mentions,
            "mention_roles": [],
            "mention_channels": [],
            "attachments": [],
            "embeds": [],
            "reactions": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }
        if guild_id is not None:
            msg["guild_id"] = str(guild_id)
        if extra:
            msg.update(extra)
        return msg

    def _store_message(self, msg: JSON) -> None:
        mid, cid = int(msg["id"]), int(msg["channel_id"])
        self.messages[mid] = msg
        self._channel_messages.setdefault(cid, []).append(mid)
        if cid in self.channels:
            self.channels[cid]["last_message_id"] = msg["id"]

    def _guild_of_channel(self, channel_id: int) -> int | None:
        channel = self.channels.get(channel_id)
        if channel is None or channel.get("guild_id") is None:
            return None
        return int(channel["guild_id"])

    def _attachment_payload(self, channel_id: int, filename: str, data: bytes, **extra: Any) -> JSON:
        aid = self.snowflake()
        key = f"{channel_id}/{aid}/{filename}"
        self.attachments_data[key] = data
        url = f"{self.base_url}/attachments/{key}"
        return {
            "id": str(aid),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": extra.get("content_type", "application/octet-stream"),
            **{k: v for k, v in extra.items() if k in ("description", "ephemeral")},
        }

    async def dispatch_message(
        self,
        channel_id: int,
        content: str,
        *,
        author: int | Mapping[str, Any],
        guild_id: int | None = None,
        mentions_bot: bool = False,
        attachments: Mapping[str, bytes] | None = None,
        reply_to: int | None = None,
    ) -> JSON:
        """A user posts a message; returns the full stored message (before intent filtering).

        ``guild_id`` defaults to the channel's guild. An unknown channel id with no guild
        becomes the DM channel between the bot and the author. Mentions are parsed from
        ``<@id>`` in ``content``; ``mentions_bot=True`` adds the bot without changing content.
        """
        user = self._user(author)
        uid = int(user["id"])
        if guild_id is None:
            guild_id = self._guild_of_channel(channel_id)
        if guild_id is None and channel_id not in self.channels:
            channel = {"id": str(channel_id), "type": 1, "recipients": [user], "flags": 0, "last_message_id": None}
            self.channels[channel_id] = channel
            self._dm_by_user.setdefault(uid, channel_id)
        extra: JSON = {}
        if guild_id is not None:
            member = self.guilds[guild_id].members.get(uid)
            if member is None:
                raise KeyError(f"user {uid} is not a member of guild {guild_id}")
            extra["member"] = {k: v for k, v in member.items() if k != "user"}
        if reply_to is not None:
            extra["type"] = 19
            extra["message_reference"] = {
                "type": 0,
                "message_id": str(reply_to),
                "channel_id": str(channel_id),
                **({"guild_id": str(guild_id)} if guild_id is not None else {}),
            }
            if reply_to in self.messages:
                extra["referenced_message"] = self.messages[reply_to]
        msg = self._message_payload(channel_id, user, content, guild_id=guild_id, extra=extra)
        if mentions_bot and all(int(u["id"]) != self.bot_id for u in msg["mentions"]):
            msg["mentions"].append(self.bot_user)
        for filename, data in (attachments or {}).items():
            msg["attachments"].append(self._attachment_payload(channel_id, filename, data))
        self._store_message(msg)
        await self.dispatch_event("MESSAGE_CREATE", msg, guild_id=guild_id)
        await self._notify()
        return msg

    def _interaction_payload(
        self,
        itype: int,
        data: JSON | None,
        *,
        user: int | Mapping[str, Any],
        channel_id: int,
        guild_id: int | None,
        message: JSON | None = None,
        locale: str = "en-US",
    ) -> JSON:
        u = self._user(user)
        uid = int(u["id"])
        if guild_id is None:
            guild_id = self._guild_of_channel(channel_id)
        iid = self.snowflake()
        token = f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(24)}"
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "token": token,
            "version": 1,
            "attachment_size_limit": 10 * 1024 * 1024,
            "locale": locale,
            "entitlements": [],
            "channel_id": str(channel_id),
        }
        if data is not None:
            payload["data"] = data
        if guild_id is not None:
            member = self.guilds[guild_id].members.get(uid)
            if member is None:
                raise KeyError(f"user {uid} is not a member of guild {guild_id}")
            channel = dict(self.channels[channel_id])
            channel["permissions"] = str(self.channel_permissions(channel_id, uid))
            payload.update(
                guild_id=str(guild_id),
                guild={"id": str(guild_id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                member={**member, "permissions": str(self.channel_permissions(channel_id, uid))},
                app_permissions=str(self.channel_permissions(channel_id, self.bot_id)),
                authorizing_integration_owners={"0": str(guild_id)},
                context=0,
                channel=channel,
            )
        else:
            if channel_id not in self.channels:
                channel_id = int(self.dm_channel(uid)["id"])
                payload["channel_id"] = str(channel_id)
            payload.update(
                user=u,
                app_permissions=str(DM_APP_PERMISSIONS),
                authorizing_integration_owners={"1": str(uid)},
                context=1,
                channel={**self.channels[channel_id], "type": 1},
            )
        if message is not None:
            payload["message"] = message
        rec = _Interaction(
            id=iid,
            token=token,
            type=itype,
            payload=payload,
            channel_id=channel_id,
            guild_id=guild_id,
            message_id=int(message["id"]) if message is not None else None,
            created=time.monotonic(),
        )
        self._interactions[iid] = rec
        self._interactions_by_token[token] = rec
        return payload

    def _find_command(self, name: str, guild_id: int | None) -> tuple[JSON | None, bool]:
        if guild_id is not None:
            for cmd in self.guild_commands.get(guild_id, []):
                if cmd["name"] == name:
                    return cmd, True
        for cmd in self.global_commands:
            if cmd["name"] == name:
                return cmd, False
        return None, False

    def _resolve_options(self, options: list[JSON], guild_id: int | None, channel_id: int) -> JSON:
        resolved: dict[str, dict[str, Any]] = {}
        for opt in options:
            if opt.get("options"):
                nested = self._resolve_options(opt["options"], guild_id, channel_id)
                for key, values in nested.items():
                    resolved.setdefault(key, {}).update(values)
            otype, value = opt.get("type"), opt.get("value")
            if value is None or otype not in (6, 7, 8, 9):
                continue
            vid = int(value)
            if otype in (6, 9) and vid in self.users:
                resolved.setdefault("users", {})[str(vid)] = self.users[vid]
                if guild_id is not None and vid in self.guilds[guild_id].members:
                    member = self.guilds[guild_id].members[vid]
                    resolved.setdefault("members", {})[str(vid)] = {
                        **{k: v for k, v in member.items() if k != "user"},
                        "permissions": str(self.channel_permissions(channel_id, vid)),
                    }
            elif otype in (8, 9) and guild_id is not None and vid in self.guilds[guild_id].roles:
                resolved.setdefault("roles", {})[str(vid)] = self.guilds[guild_id].roles[vid]
            elif otype == 7 and vid in self.channels:
                resolved.setdefault("channels", {})[str(vid)] = {
                    **self.channels[vid],
                    "permissions": str(self.channel_permissions(vid, self.bot_id)),
                }
        return resolved

    @staticmethod
    def _option(name: str, value: Any) -> JSON:
        if isinstance(value, bool):
            otype = 5
        elif isinstance(value, int):
            otype = 4
        elif isinstance(value, float):
            otype = 10
        else:
            otype = 3
        return {"name": name, "type": otype, "value": value}

    def _command_data(
        self,
        name: str,
        options: Sequence[Mapping[str, Any]] | Mapping[str, Any] | None,
        *,
        subcommand: str | None,
        group: str | None,
        guild_id: int | None,
        channel_id: int,
        command_type: int = 1,
    ) -> JSON:
        if isinstance(options, Mapping):
            opts = [self._option(k, v) for k, v in options.items()]
        else:
            opts = [
                dict(o) if "type" in o else self._option(str(o["name"]), o["value"]) | dict(o) for o in (options or [])
            ]
        if subcommand is not None:
            opts = [{"type": 1, "name": subcommand, "options": opts}]
        if group is not None:
            opts = [{"type": 2, "name": group, "options": opts}]
        cmd, is_guild = self._find_command(name, guild_id)
        data: JSON = {
            "id": cmd["id"] if cmd else str(self.snowflake()),
            "name": name,
            "type": command_type,
            "options": opts,
        }
        if is_guild and guild_id is not None:
            data["guild_id"] = str(guild_id)
        resolved = self._resolve_options(opts, guild_id, channel_id)
        if resolved:
            data["resolved"] = resolved
        return data

    async def dispatch_slash(
        self,
        name: str,
        options: Sequence[Mapping[str, Any]] | Mapping[str, Any] | None = None,
        *,
        user: int | Mapping[str, Any],
        channel_id: int | None = None,
        guild_id: int | None = None,
        subcommand: str | None = None,
        group: str | None = None,
        locale: str = "en-US",
    ) -> JSON:
        """A user runs ``/name``; returns the INTERACTION_CREATE (type 2) payload.

        ``options``: ``[{"name", "value", "type"?}]`` or ``{name: value}``; missing types are
        inferred (str 3, int 4, bool 5, float 10). ``data.guild_id`` is set when the command
        was synced as a guild command of ``guild_id``, as Discord does. Without
        ``channel_id`` the interaction comes from the user's DM channel.
        """
        if channel_id is None:
            channel_id = int(self.dm_channel(int(self._user(user)["id"]))["id"])
        gid = guild_id if guild_id is not None else self._guild_of_channel(channel_id)
        data = self._command_data(
            name, options, subcommand=subcommand, group=group, guild_id=gid, channel_id=channel_id
        )
        payload = self._interaction_payload(2, data, user=user, channel_id=channel_id, guild_id=gid, locale=locale)
        await self.dispatch_event("INTERACTION_CREATE", payload, guild_id=gid)
        return payload

    async def dispatch_autocomplete(
        self,
        name: str,
        options: Sequence[Mapping[str, Any]] | Mapping[str, Any],
        focused: str,
        *,
        user: int | Mapping[str, Any],
        channel_id: int | None = None,
        guild_id: int | None = None,
        subcommand: str | None = None,
    ) -> JSON:
        """Autocomplete (type 4) for ``/name`` with option ``focused`` being typed."""
        if channel_id is None:
            channel_id = int(self.dm_channel(int(self._user(user)["id"]))["id"])
        gid = guild_id if guild_id is not None else self._guild_of_channel(channel_id)
        data = self._command_data(name, options, subcommand=subcommand, group=None, guild_id=gid, channel_id=channel_id)
        leaf = data["options"][0]["options"] if subcommand else data["options"]
        for opt in leaf:
            if opt["name"] == focused:
                opt["focused"] = True
        payload = self._interaction_payload(4, data, user=user, channel_id=channel_id, guild_id=gid)
        await self.dispatch_event("INTERACTION_CREATE", payload, guild_id=gid)
        return payload

    async def dispatch_component(
        self,
        message: Mapping[str, Any] | int,
        custom_id: str,
        *,
        user: int | Mapping[str, Any],
        component_type: int = 2,
        values: Sequence[str] | None = None,
    ) -> JSON:
        """A user clicks/selects a component on a message the bot sent (type 3)."""
        mid = int(message) if isinstance(message, int) else int(message["id"])
        stored = self.messages.get(mid)
        if stored is None and isinstance(message, Mapping):
            stored = dict(message)
        if stored is None:
            raise KeyError(f"unknown message {mid}")
        channel_id = int(stored["channel_id"])
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        gid = self._guild_of_channel(channel_id)
        payload = self._interaction_payload(3, data, user=user, channel_id=channel_id, guild_id=gid, message=stored)
        await self.dispatch_event("INTERACTION_CREATE", payload, guild_id=gid)
        return payload

    async def dispatch_button(
        self, message: Mapping[str, Any] | int, custom_id: str, *, user: int | Mapping[str, Any]
    ) -> JSON:
        """A user clicks the button ``custom_id`` on a bot message (latest stored version)."""
        return await self.dispatch_component(message, custom_id, user=user)

    async def dispatch_select(
        self,
        message: Mapping[str, Any] | int,
        custom_id: str,
        values: Sequence[str],
        *,
        user: int | Mapping[str, Any],
        component_type: int = 3,
    ) -> JSON:
        """A user picks ``values`` in a select menu on a bot message."""
        return await self.dispatch_component(
            message, custom_id, user=user, component_type=component_type, values=values
        )

    async def dispatch_modal_submit(
        self,
        custom_id: str,
        fields: Mapping[str, str],
        *,
        user: int | Mapping[str, Any],
        channel_id: int | None = None,
        guild_id: int | None = None,
        message: Mapping[str, Any] | None = None,
    ) -> JSON:
        """A user submits the modal ``custom_id`` with text inputs ``{custom_id: value}``."""
        if channel_id is None:
            channel_id = int(self.dm_channel(int(self._user(user)["id"]))["id"])
        gid = guild_id if guild_id is not None else self._guild_of_channel(channel_id)
        data = {
            "custom_id": custom_id,
            "components": [
                {"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in fields.items()
            ],
        }
        payload = self._interaction_payload(
            5,
            data,
            user=user,
            channel_id=channel_id,
            guild_id=gid,
            message=dict(message) if message is not None else None,
        )
        await self.dispatch_event("INTERACTION_CREATE", payload, guild_id=gid)
        return payload

    async def dispatch_guild_create(self, guild_id: int) -> JSON:
        """The bot joins a configured guild (or it becomes available again after an outage)."""
        guild = self.guilds[guild_id]
        payload = self.guild_payload(guild_id, joined=not guild.bot_member)
        guild.bot_member = True
        await self.dispatch_event("GUILD_CREATE", payload, guild_id=guild_id)
        return payload

    async def dispatch_guild_delete(self, guild_id: int, *, unavailable: bool = False) -> JSON:
        """The bot leaves/is removed from a guild (or, with ``unavailable``, an outage)."""
        payload: JSON = {"id": str(guild_id)}
        if unavailable:
            payload["unavailable"] = True
        else:
            self.guilds[guild_id].bot_member = False
        await self.dispatch_event("GUILD_DELETE", payload, guild_id=guild_id)
        return payload

    async def dispatch_member_add(self, guild_id: int, member: Mapping[str, Any]) -> JSON:
        """A user joins a guild (GUILD_MEMBER_ADD; needs the GUILD_MEMBERS intent)."""
        payload = {**self.add_member(guild_id, member), "guild_id": str(guild_id)}
        await self.dispatch_event("GUILD_MEMBER_ADD", payload, guild_id=guild_id)
        return payload

    async def dispatch_member_remove(self, guild_id: int, user_id: int) -> JSON:
        """A user leaves a guild (GUILD_MEMBER_REMOVE; needs the GUILD_MEMBERS intent)."""
        self.guilds[guild_id].members.pop(user_id, None)
        payload = {"guild_id": str(guild_id), "user": self.users[user_id]}
        await self.dispatch_event("GUILD_MEMBER_REMOVE", payload, guild_id=guild_id)
        return payload

    # ------------------------------------------------------------------ REST plumbing

    def _register_routes(self) -> None:
        table: list[tuple[str, str, Handler]] = [
            ("GET", "/users/@me", self._h_me),
            ("GET", "/users/{user_id}", self._h_user),
            ("POST", "/users/@me/channels", self._h_create_dm),
            ("GET", "/oauth2/applications/@me", self._h_app_info),
            ("GET", "/gateway", self._h_gateway),
            ("GET", "/gateway/bot", self._h_gateway_bot),
            ("GET", "/channels/{channel_id}", self._h_get_channel),
            ("POST", "/channels/{channel_id}/typing", self._h_typing),
            ("GET", "/channels/{channel_id}/messages", self._h_history),
            ("POST", "/channels/{channel_id}/messages", self._h_post_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._h_get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._h_edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._h_delete_message),
            (
                "PUT",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self._h_reaction,
            ),
            (
                "DELETE",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self._h_reaction,
            ),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._h_callback),
            ("POST", "/webhooks/{application_id}/{token}", self._h_followup),
            ("GET", "/webhooks/{application_id}/{token}/messages/@original", self._h_wh_get),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/@original", self._h_wh_edit),
            ("DELETE", "/webhooks/{application_id}/{token}/messages/@original", self._h_wh_delete),
            ("GET", "/webhooks/{application_id}/{token}/messages/{message_id}", self._h_wh_get),
            ("PATCH", "/webhooks/{application_id}/{token}/messages/{message_id}", self._h_wh_edit),
            (
                "DELETE",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_wh_delete,
            ),
            ("GET", "/applications/{application_id}/commands", self._h_get_commands),
            ("PUT", "/applications/{application_id}/commands", self._h_put_commands),
            ("POST", "/applications/{application_id}/commands", self._h_post_command),
            ("GET", "/applications/{application_id}/commands/{command_id}", self._h_get_command),
            (
                "DELETE",
                "/applications/{application_id}/commands/{command_id}",
                self._h_delete_command,
            ),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_get_commands,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_put_commands,
            ),
            (
                "POST",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_post_command,
            ),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                self._h_get_command,
            ),
            (
                "DELETE",
                "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                self._h_delete_command,
            ),
            ("GET", "/guilds/{guild_id}", self._h_get_guild),
            ("GET", "/guilds/{guild_id}/channels", self._h_guild_channels),
            ("GET", "/guilds/{guild_id}/roles", self._h_guild_roles),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._h_get_member),
        ]
        for method, template, handler in table:
            pattern = re.compile("^" + _PLACEHOLDER.sub(lambda m: f"(?P<{m.group(0)[1:-1]}>[^/]+)", template) + "$")
            self._routes.append((method, pattern, template, handler))

    def _match(self, method: str, path: str) -> tuple[str, Handler, dict[str, str]] | None:
        for rmethod, pattern, template, handler in self._routes:
            if rmethod == method:
                m = pattern.match(path)
                if m:
                    return template, handler, m.groupdict()
        return None

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        files: dict[str, bytes] = {}
        body: Any = None
        ctype = request.headers.get("Content-Type", "")
        if ctype.startswith("multipart/"):
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, BodyPartReader):
                    continue
                raw = await part.read()
                name = part.name or ""
                if name == "payload_json":
                    body = json.loads(raw)
                else:
                    files[part.filename or name] = bytes(raw)
        elif request.can_read_body:
            raw_text = await request.text()
            body = json.loads(raw_text) if raw_text else None
        matched = self._match(request.method, path)
        call = Call(
            method=request.method,
            path=path,
            route=matched[0] if matched else "<unknown>",
            json=body,
            files=files,
            query=dict(request.query),
            headers=dict(request.headers),
        )
        self.calls.append(call)
        try:
            response = self._injected_failure(call)
            if response is None:
                response = await self._handle(call, matched)
            call.status = response.status
            return response
        finally:
            if not call.status:
                call.status = 500
            await self._notify()

    async def _handle(self, call: Call, matched: tuple[str, Handler, dict[str, str]] | None) -> web.Response:
        if matched is None:
            return _json_response({"message": "404: Not Found", "code": 0}, 404)
        _, handler, params = matched
        if (
            self.token is not None
            and not params.get("token")
            and call.headers.get("Authorization") != f"Bot {self.token}"
        ):
            return _json_response({"message": "401: Unauthorized", "code": 0}, 401)
        status, body = await handler(call, params)
        if status == 204:
            return web.Response(status=204)
        return _json_response(body, status)

    async def _attachment(self, request: web.Request) -> web.Response:
        data = self.attachments_data.get(request.match_info["tail"])
        if data is None:
            return _json_response({"message": "404: Not Found", "code": 0}, 404)
        return web.Response(body=data, content_type="application/octet-stream")

    # ------------------------------------------------------------------ REST handlers

    @staticmethod
    def _not_found(what: str, code: int) -> tuple[int, JSON]:
        return 404, {"message": f"Unknown {what}", "code": code}

    async def _h_me(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        return 200, self.bot_user

    async def _h_user(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        user = self.users.get(int(p["user_id"])) if p["user_id"].isdigit() else None
        return (200, user) if user else self._not_found("User", 10013)

    async def _h_app_info(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            "id": str(self.application_id),
            "name": self.bot_user["username"],
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": {"id": "1", "username": "owner", "discriminator": "0", "avatar": None},
            "team": None,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "summary": "",
            "rpc_origins": [],
            "bot": self.bot_user,
        }

    async def _h_gateway(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        return 200, {"url": self.gateway_url}

    async def _h_gateway_bot(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            "url": self.gateway_url,
            "shards": self.shard_count,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14_400_000,
                "max_concurrency": 1,
            },
        }

    async def _h_create_dm(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        uid = int((call.json or {}).get("recipient_id", 0))
        if uid not in self.users:
            return self._not_found("User", 10013)
        return 200, self.dm_channel(uid)

    async def _h_get_channel(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        channel = self.channels.get(int(p["channel_id"]))
        return (200, channel) if channel else self._not_found("Channel", 10003)

    async def _h_typing(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        if int(p["channel_id"]) not in self.channels:
            return self._not_found("Channel", 10003)
        return 204, None

    async def _h_history(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        cid = int(p["channel_id"])
        if cid not in self.channels:
            return self._not_found("Channel", 10003)
        limit = int(call.query.get("limit", 50))
        msgs = self.messages_in(cid, include_users=True)
        if "before" in call.query:
            msgs = [m for m in msgs if int(m["id"]) < int(call.query["before"])]
        if "after" in call.query:
            msgs = [m for m in msgs if int(m["id"]) > int(call.query["after"])]
        return 200, list(reversed(msgs))[:limit]

    def _build_attachments(self, channel_id: int, body: JSON, call: Call) -> list[JSON]:
        """Map ``attachments: [{id: n, filename}]`` in the payload to uploaded ``files[n]``."""
        uploads = list(call.files.items())
        specs = body.get("attachments")
        result: list[JSON] = []
        if specs is None:
            specs = [{"id": i, "filename": name} for i, (name, _) in enumerate(uploads)]
        for spec in specs:
            idx = spec.get("id")
            if isinstance(idx, int) and idx < len(uploads):
                filename, data = uploads[idx]
                result.append(
                    self._attachment_payload(
                        channel_id,
                        spec.get("filename", filename),
                        data,
                        description=spec.get("description"),
                    )
                )
        return result

    def _bot_message(self, channel_id: int, body: JSON, call: Call, **extra: Any) -> JSON:
        guild_id = self._guild_of_channel(channel_id)
        fields: JSON = {
            "embeds": list(body.get("embeds") or ([body["embed"]] if body.get("embed") else [])),
            "components": list(body.get("components") or []),
            "flags": int(body.get("flags") or 0),
            "tts": bool(body.get("tts", False)),
            "attachments": self._build_attachments(channel_id, body, call),
            **extra,
        }
        if body.get("nonce") is not None:
            fields["nonce"] = body["nonce"]
        if guild_id is not None:
            member = self.guilds[guild_id].members.get(self.bot_id)
            if member is not None:
                fields["member"] = {k: v for k, v in member.items() if k != "user"}
        ref = body.get("message_reference")
        if ref:
            fields["type"] = 19
            fields["message_reference"] = {"type": 0, **ref}
            ref_msg = self.messages.get(int(ref.get("message_id", 0)))
            if ref_msg is not None:
                fields["referenced_message"] = ref_msg
        msg = self._message_payload(
            channel_id, self.bot_user, str(body.get("content") or ""), guild_id=guild_id, extra=fields
        )
        self._store_message(msg)
        return msg

    async def _echo(self, event: str, msg: JSON) -> None:
        """Deliver the bot's own message back over the gateway, as Discord does."""
        if not self.echo_bot_messages or msg["flags"] & MESSAGE_FLAG_EPHEMERAL:
            return
        guild_id = self._guild_of_channel(int(msg["channel_id"]))
        if self._shard_sessions.get(self._shard_of(guild_id)) is not None:
            await self.dispatch_event(event, msg, guild_id=guild_id)

    def _dm_blocked(self, channel_id: int) -> bool:
        channel = self.channels.get(channel_id) or {}
        if channel.get("type") != 1:
            return False
        return any(int(u["id"]) in self._dms_closed for u in channel.get("recipients", []))

    async def _h_post_message(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        cid = int(p["channel_id"])
        if cid not in self.channels:
            return self._not_found("Channel", 10003)
        if self._dm_blocked(cid):
            return 403, {"message": "Cannot send messages to this user", "code": 50007}
        body = call.json or {}
        if not (
            body.get("content")
            or body.get("embeds")
            or body.get("components")
            or call.files
            or body.get("sticker_ids")
            or body.get("poll")
        ):
            return 400, {"message": "Cannot send an empty message", "code": 50006}
        msg = self._bot_message(cid, body, call)
        await self._echo("MESSAGE_CREATE", msg)
        return 200, msg

    async def _h_get_message(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        msg = self.messages.get(int(p["message_id"]))
        if msg is None or msg["channel_id"] != p["channel_id"]:
            return self._not_found("Message", 10008)
        return 200, msg

    def _apply_edit(self, msg: JSON, body: JSON, call: Call) -> JSON:
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                value = body[key]
                msg[key] = value if value is not None else ("" if key == "content" else [])
        if "flags" in msg and msg["flags"] is None:
            msg["flags"] = 0
        if "attachments" in body or call.files:
            keep = {str(a.get("id")) for a in body.get("attachments") or []}
            kept = [a for a in msg["attachments"] if a["id"] in keep]
            new_specs = [a for a in body.get("attachments") or [] if isinstance(a.get("id"), int)]
            fresh = (
                self._build_attachments(int(msg["channel_id"]), {"attachments": new_specs} if new_specs else {}, call)
                if call.files
                else []
            )
            msg["attachments"] = kept + fresh
        msg["edited_timestamp"] = _now_iso()
        msg["mentions"] = [self.users[int(m)] for m in _MENTION.findall(msg["content"]) if int(m) in self.users]
        return msg

    async def _h_edit_message(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        msg = self.messages.get(int(p["message_id"]))
        if msg is None or msg["channel_id"] != p["channel_id"]:
            return self._not_found("Message", 10008)
        if int(msg["author"]["id"]) != self.bot_id:
            return 403, {"message": "Cannot edit a message authored by another user", "code": 50005}
        self._apply_edit(msg, call.json or {}, call)
        await self._echo("MESSAGE_UPDATE", msg)
        return 200, msg

    def _delete(self, mid: int) -> None:
        msg = self.messages.pop(mid, None)
        if msg is not None:
            ids = self._channel_messages.get(int(msg["channel_id"]), [])
            if mid in ids:
                ids.remove(mid)

    async def _h_delete_message(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        msg = self.messages.get(int(p["message_id"]))
        if msg is None or msg["channel_id"] != p["channel_id"]:
            return self._not_found("Message", 10008)
        self._delete(int(msg["id"]))
        return 204, None

    async def _h_reaction(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        if int(p["message_id"]) not in self.messages:
            return self._not_found("Message", 10008)
        return 204, None

    def _interaction_for(self, call: Call, token: str) -> _Interaction | None:
        rec = self._interactions_by_token.get(token)
        if rec is not None:
            rec.calls.append(call)
        return rec

    def _expired(self, rec: _Interaction) -> bool:
        return self.interaction_timeout is not None and time.monotonic() - rec.created > self.interaction_timeout

    async def _h_callback(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        rec = self._interaction_for(call, p["token"])
        if rec is None or str(rec.id) != p["interaction_id"] or self._expired(rec):
            return self._not_found("interaction", 10062)
        if rec.acknowledged:
            return 400, {"message": "Interaction has already been acknowledged.", "code": 40060}
        body = call.json or {}
        rtype = int(body.get("type", 0))
        data = body.get("data") or {}
        message: JSON | None = None
        if rtype == 4:
            message = self._bot_message(rec.channel_id, data, call)
            rec.original_id = int(message["id"])
        elif rtype == 5:
            flags = int(data.get("flags") or 0) | MESSAGE_FLAG_LOADING
            message = self._bot_message(rec.channel_id, {"content": "", "flags": flags}, call)
            rec.original_id = int(message["id"])
        elif rtype in (6, 7):
            if rec.message_id is None or rec.message_id not in self.messages:
                return 400, {"message": "Invalid interaction response type", "code": 50035}
            rec.original_id = rec.message_id
            if rtype == 7:
                message = self._apply_edit(self.messages[rec.message_id], data, call)
        elif rtype == 8:
            rec.choices = list(data.get("choices") or [])
        elif rtype == 9:
            rec.modal = data
        elif rtype not in (1, 12):
            return 400, {"message": "Invalid Form Body", "code": 50035}
        rec.acknowledged = True
        rec.response_type = rtype
        rec.latest_id = rec.original_id
        flags = int(message["flags"]) if message else 0
        answer: JSON = {
            "interaction": {
                "id": str(rec.id),
                "type": rec.type,
                "activity_instance_id": None,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": rtype == 5,
                "response_message_ephemeral": bool(flags & MESSAGE_FLAG_EPHEMERAL),
            },
            "resource": {"type": rtype},
        }
        if message is not None:
            answer["resource"]["message"] = message
            await self._echo("MESSAGE_CREATE" if rtype in (4, 5) else "MESSAGE_UPDATE", message)
        return 200, answer

    def _webhook_interaction(self, call: Call, p: dict[str, str]) -> tuple[_Interaction | None, tuple[int, Any] | None]:
        rec = self._interaction_for(call, p["token"])
        if rec is None or p["application_id"] != str(self.application_id) or not rec.acknowledged:
            return None, self._not_found("Webhook", 10015)
        return rec, None

    def _webhook_message(self, rec: _Interaction, mid_text: str) -> JSON | None:
        mid = rec.original_id if mid_text == "@original" else int(mid_text)
        return self.messages.get(mid) if mid is not None else None

    async def _h_followup(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        rec, error = self._webhook_interaction(call, p)
        if error is not None or rec is None:
            return error or self._not_found("Webhook", 10015)
        body = call.json or {}
        original = self.messages.get(rec.original_id or 0)
        if original is not None and original["flags"] & MESSAGE_FLAG_LOADING:
            keep = original["flags"] & MESSAGE_FLAG_EPHEMERAL
            msg = self._apply_edit(original, body, call)
            msg["flags"] = (int(body.get("flags") or 0) | keep) & ~MESSAGE_FLAG_LOADING
            await self._echo("MESSAGE_UPDATE", msg)
        else:
            msg = self._bot_message(
                rec.channel_id,
                body,
                call,
                webhook_id=str(self.application_id),
                application_id=str(self.application_id),
            )
            await self._echo("MESSAGE_CREATE", msg)
        rec.latest_id = int(msg["id"])
        if call.query.get("wait") in ("1", "true", "True"):
            return 200, msg
        return 204, None

    async def _h_wh_get(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        rec, error = self._webhook_interaction(call, p)
        if error is not None or rec is None:
            return error or self._not_found("Webhook", 10015)
        msg = self._webhook_message(rec, p.get("message_id", "@original"))
        return (200, msg) if msg else self._not_found("Message", 10008)

    async def _h_wh_edit(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        rec, error = self._webhook_interaction(call, p)
        if error is not None or rec is None:
            return error or self._not_found("Webhook", 10015)
        msg = self._webhook_message(rec, p.get("message_id", "@original"))
        if msg is None:
            return self._not_found("Message", 10008)
        self._apply_edit(msg, call.json or {}, call)
        msg["flags"] = int(msg.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        await self._echo("MESSAGE_UPDATE", msg)
        rec.latest_id = int(msg["id"])
        return 200, msg

    async def _h_wh_delete(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        rec, error = self._webhook_interaction(call, p)
        if error is not None or rec is None:
            return error or self._not_found("Webhook", 10015)
        msg = self._webhook_message(rec, p.get("message_id", "@original"))
        if msg is None:
            return self._not_found("Message", 10008)
        self._delete(int(msg["id"]))
        return 204, None

    def _command_list(self, p: dict[str, str]) -> list[JSON] | None:
        if p["application_id"] != str(self.application_id):
            return None
        if "guild_id" in p:
            return self.guild_commands.setdefault(int(p["guild_id"]), [])
        return self.global_commands

    def _normalize_command(self, spec: JSON, p: dict[str, str], existing: list[JSON]) -> JSON:
        previous = next((c for c in existing if c["name"] == spec["name"]), None)
        cmd: JSON = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            "name_localizations": None,
            "description_localizations": None,
            **spec,
            "id": previous["id"] if previous else str(self.snowflake()),
            "application_id": str(self.application_id),
            "version": str(self.snowflake()),
        }
        if "guild_id" in p:
            cmd["guild_id"] = p["guild_id"]
        return cmd

    async def _h_get_commands(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        commands = self._command_list(p)
        return (200, commands) if commands is not None else self._not_found("Application", 10002)

    async def _h_put_commands(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        commands = self._command_list(p)
        if commands is None:
            return self._not_found("Application", 10002)
        new = [self._normalize_command(spec, p, commands) for spec in call.json or []]
        commands[:] = new
        return 200, new

    async def _h_post_command(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        commands = self._command_list(p)
        if commands is None:
            return self._not_found("Application", 10002)
        cmd = self._normalize_command(call.json or {}, p, commands)
        commands[:] = [c for c in commands if c["name"] != cmd["name"]] + [cmd]
        return 201, cmd

    async def _h_get_command(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        for cmd in self._command_list(p) or []:
            if cmd["id"] == p["command_id"]:
                return 200, cmd
        return self._not_found("application command", 10063)

    async def _h_delete_command(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        commands = self._command_list(p) or []
        before = len(commands)
        commands[:] = [c for c in commands if c["id"] != p["command_id"]]
        if len(commands) == before:
            return self._not_found("application command", 10063)
        return 204, None

    def _guild_or_none(self, p: dict[str, str]) -> _Guild | None:
        guild = self.guilds.get(int(p["guild_id"])) if p["guild_id"].isdigit() else None
        return guild if guild is not None and guild.bot_member else None

    async def _h_get_guild(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        guild = self._guild_or_none(p)
        if guild is None:
            return self._not_found("Guild", 10004)
        payload = self.guild_payload(guild.id)
        for key in (
            "channels",
            "members",
            "threads",
            "voice_states",
            "presences",
            "joined_at",
            "large",
            "member_count",
            "unavailable",
        ):
            payload.pop(key, None)
        return 200, payload

    async def _h_guild_channels(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        guild = self._guild_or_none(p)
        if guild is None:
            return self._not_found("Guild", 10004)
        return 200, [self.channels[c] for c in guild.channel_ids]

    async def _h_guild_roles(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        guild = self._guild_or_none(p)
        if guild is None:
            return self._not_found("Guild", 10004)
        return 200, list(guild.roles.values())

    async def _h_get_member(self, call: Call, p: dict[str, str]) -> tuple[int, Any]:
        guild = self._guild_or_none(p)
        if guild is None:
            return self._not_found("Guild", 10004)
        member = guild.members.get(int(p["user_id"])) if p["user_id"].isdigit() else None
        return (200, member) if member else self._not_found("Member", 10007)
