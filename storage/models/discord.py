"""The channel a group's posts go to, where a group chat has several (Discord servers)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class PostChannelRow(Base):
    """``/setup channel``: prompts, reminders and group cards go to ``channel_id``."""

    __tablename__ = "post_channels"

    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    chosen_at: Mapped[datetime]
