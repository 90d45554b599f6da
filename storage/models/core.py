"""Groups, people, memberships and pending multi-step flows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class GroupRow(Base):
    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("platform", "chat_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(256), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class PersonRow(Base):
    """A person who consented; every table holding something about them refers here."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("platform", "user_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(256))
    consented_at: Mapped[datetime]
    consent_version: Mapped[str] = mapped_column(String(32))


class MembershipRow(Base):
    __tablename__ = "memberships"

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class FlowRow(Base):
    """A conversation step waiting for the person's next message; data is encrypted."""

    __tablename__ = "pending_flows"
    __table_args__ = (Index("ix_pending_flows_expires_at", "expires_at"),)

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(96), primary_key=True)
    flow: Mapped[str] = mapped_column(String(48))
    data_sealed: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime]
