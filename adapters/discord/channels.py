"""``/setup channel`` choices, stored per group and cached briefly.

Every scheduled post to a server asks for its channel, so lookups are cached; the cache
expires after a minute so a choice made in another process (``--role updates``) reaches the
delivery process without a restart.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from bot.domain import Platform
from storage.repositories.discord import SqlPostChannelRepository

CACHE_SECONDS = 60.0
CACHE_LIMIT = 50_000


class _UnitOfWorkFactory(Protocol):
    def __call__(self) -> Any: ...


class StoredPostChannels:
    """:class:`adapters.discord.messenger.PostChannels` on the bot's database."""

    def __init__(self, uow_factory: _UnitOfWorkFactory, clock: Callable[[], float] = time.monotonic) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._cache: dict[int, tuple[float, int | None]] = {}

    async def get(self, guild_id: int) -> int | None:
        cached = self._cache.get(guild_id)
        if cached is not None and self._clock() - cached[0] < CACHE_SECONDS:
            return cached[1]
        async with self._uow_factory() as uow:
            group = await uow.groups.by_chat(Platform.DISCORD, str(guild_id))
            chosen = await _repository(uow).get(group.id) if group is not None else None
        value = int(chosen) if chosen else None
        self._remember(guild_id, value)
        return value

    async def set(self, guild_id: int, channel_id: int) -> None:
        async with self._uow_factory() as uow:
            group = await uow.groups.by_chat(Platform.DISCORD, str(guild_id))
            if group is None:
                raise LookupError("the server is not registered as a group")
            await _repository(uow).set(group.id, str(channel_id))
            await uow.commit()
        self._remember(guild_id, channel_id)

    def _remember(self, guild_id: int, channel_id: int | None) -> None:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[guild_id] = (self._clock(), channel_id)


def _repository(uow: Any) -> SqlPostChannelRepository:
    """The post-channel repository on a storage unit of work's session (same transaction)."""
    return SqlPostChannelRepository(uow.session, uow.now)
