"""Check-ins, their extra answers, support presses, questions and check-in settings.

Every row about a person refers to ``people.id`` with ON DELETE CASCADE. Notes are stored
sealed (Fernet); ``is_current`` marks the one check-in per person, group and local day, with
earlier versions kept as history (a partial unique index enforces "one current").
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class CheckInRow(Base):
    __tablename__ = "checkins"
    __table_args__ = (
        Index(
            "uq_checkins_current_day",
            "person_id",
            "group_id",
            "day",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        Index("ix_checkins_group_day", "group_id", "day"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    mood: Mapped[int] = mapped_column(SmallInteger)
    note_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    visibility: Mapped[str] = mapped_column(String(16))
    content_warning: Mapped[bool] = mapped_column(Boolean, default=False)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    card_chat_id: Mapped[str | None] = mapped_column(String(96), nullable=True)
    card_message_id: Mapped[str | None] = mapped_column(String(96), nullable=True)
    created_at: Mapped[datetime]


class CheckInQuestionRow(Base):
    """A facilitator's extra question; ``active`` false once removed (old answers keep a label)."""

    __tablename__ = "checkin_questions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(24))
    scale: Mapped[int] = mapped_column(SmallInteger)
    prompt: Mapped[str] = mapped_column(String(200))
    visibility: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CheckInAnswerRow(Base):
    __tablename__ = "checkin_answers"

    checkin_id: Mapped[int] = mapped_column(BigId, ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("checkin_questions.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[int] = mapped_column(SmallInteger)


class SupportRow(Base):
    """One peer's "Send support" on one check-in; ``told_at`` set once the author was told."""

    __tablename__ = "checkin_support"
    __table_args__ = (
        UniqueConstraint("checkin_id", "supporter_id"),
        Index("ix_checkin_support_told_at", "told_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    checkin_id: Mapped[int] = mapped_column(BigId, ForeignKey("checkins.id", ondelete="CASCADE"))
    supporter_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    told_at: Mapped[datetime | None] = mapped_column(nullable=True)


class CheckInPrefsRow(Base):
    __tablename__ = "checkin_person_settings"

    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    visibility: Mapped[str] = mapped_column(String(16))
    reminders: Mapped[bool] = mapped_column(Boolean, default=True)
    paused_until: Mapped[datetime | None] = mapped_column(nullable=True)


class CheckInGroupRow(Base):
    __tablename__ = "checkin_group_settings"

    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    checkin_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight
