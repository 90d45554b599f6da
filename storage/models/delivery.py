"""The durable table of deliveries (see :mod:`bot.delivery.ports` for the life of a row)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class DeliveryRow(Base):
    """One occurrence for one recipient; ``key`` is unique so an occurrence is stored once."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("key"),
        Index("ix_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_deliveries_group_id", "group_id"),
        Index("ix_deliveries_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    group_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), nullable=True)
    person_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"), nullable=True)
    due_at: Mapped[datetime]
    #: the renderer's JSON payload, Fernet-sealed (it may hold an announcement's text)
    payload_sealed: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(96), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(nullable=True)
    #: a short reason code ("missed", "chat_unavailable", ...), never message text
    error: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime]
