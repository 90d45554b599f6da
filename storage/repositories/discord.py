"""Post channels: which channel of a group chat gets the group's posts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models.discord import PostChannelRow


class SqlPostChannelRepository:
    """One chosen channel per group; choosing again replaces it."""

    def __init__(self, session: AsyncSession, now: datetime) -> None:
        self._session = session
        self._now = now

    async def get(self, group_id: int) -> str | None:
        row = await self._session.get(PostChannelRow, group_id)
        return row.channel_id if row is not None else None

    async def set(self, group_id: int, channel_id: str) -> None:
        row = await self._session.get(PostChannelRow, group_id)
        if row is None:
            self._session.add(PostChannelRow(group_id=group_id, channel_id=channel_id, chosen_at=self._now))
        else:
            row.channel_id = channel_id
            row.chosen_at = self._now
        await self._session.flush()
