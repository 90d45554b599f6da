"""Prompt schedules, skill sends with their feedback, and each group's program calendar."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class PromptScheduleRow(Base):
    """A facilitator's schedule; ``text_sealed`` holds their own words, encrypted."""

    __tablename__ = "prompt_schedules"
    __table_args__ = (Index("ix_prompt_schedules_group_id", "group_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    at_time: Mapped[str | None] = mapped_column(String(5), nullable=True)
    days: Mapped[str] = mapped_column(String(16), default="")
    cron: Mapped[str | None] = mapped_column(String(120), nullable=True)
    once_at: Mapped[datetime | None] = mapped_column(nullable=True)
    category: Mapped[str | None] = mapped_column(String(32), nullable=True)
    text_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    followup_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    #: no occurrence is left (a one-off that went out): the producer stops looking at it
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    cursor: Mapped[datetime | None] = mapped_column(nullable=True)


class SkillSendRow(Base):
    """One message that carried a skill (on request or on schedule).

    ``occurrence`` is the delivery key of a scheduled send, unique so that rendering the same
    delivery again (after a platform error) reuses the skill instead of drawing another.
    """

    __tablename__ = "skill_sends"
    __table_args__ = (
        Index("ix_skill_sends_group_id_sent_at", "group_id", "sent_at"),
        UniqueConstraint("occurrence"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), nullable=True)
    skill_id: Mapped[str] = mapped_column(String(48))
    schedule_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("prompt_schedules.id", ondelete="SET NULL"), nullable=True
    )
    sent_at: Mapped[datetime]
    occurrence: Mapped[str | None] = mapped_column(String(200), nullable=True)


class SkillFeedbackRow(Base):
    """A person pressed "I tried it" or "It helped" on one skill message (once each)."""

    __tablename__ = "skill_feedback"
    __table_args__ = (UniqueConstraint("send_id", "person_id", "kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    send_id: Mapped[int] = mapped_column(BigId, ForeignKey("skill_sends.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(BigId, ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime]


class PromptSkipDateRow(Base):
    """A date on which a group gets no scheduled prompts (its local calendar)."""

    __tablename__ = "prompt_skip_dates"

    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class PromptQuietHoursRow(Base):
    """A group's daily quiet hours, as local ``HH:MM`` times."""

    __tablename__ = "prompt_quiet_hours"

    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[str] = mapped_column(String(5))
    end: Mapped[str] = mapped_column(String(5))
