"""A group's own FAQ entries, and the questions the FAQ could not answer.

Unanswered questions are kept so facilitators can see what their group asks and add
entries; they carry no author (only the group and the time) and their text is sealed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class FaqEntryRow(Base):
    """An entry a facilitator wrote for their group; ``alternatives`` is newline-separated."""

    __tablename__ = "faq_entries"
    __table_args__ = (Index("ix_faq_entries_group_id", "group_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(Text)
    alternatives: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class FaqGapRow(Base):
    """A question the FAQ had no answer for: sealed text, group and time, never who asked."""

    __tablename__ = "faq_gaps"
    __table_args__ = (Index("ix_faq_gaps_group_id_asked_at", "group_id", "asked_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    question_sealed: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime]
