"""Safety: per-group settings (crisis resources, staffed hours, backup contact), facilitator
alerts and their audit log.

Rows about a person refer to ``people.id`` with ON DELETE CASCADE; alerts about someone who
never consented carry only their platform user id (``subject_key``, a ``person_key`` column
that /forget matches). Free text (a group's resources, the group message an alert quotes) is
stored sealed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, BigId


class SafetySettingsRow(Base):
    __tablename__ = "safety_settings"

    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    resources_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    staffed: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: a platform user id (the backup contact may never have joined): cleared by their /forget
    backup_user_id: Mapped[str | None] = mapped_column(String(64), nullable=True, info={"person_key": "user_id"})


class SafetyAlertRow(Base):
    """One alert; ``count`` grows while later messages are batched into it."""

    __tablename__ = "safety_alerts"
    __table_args__ = (Index("ix_safety_alerts_subject", "group_id", "subject_key", "kind", "created_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("people.id", ondelete="CASCADE"), nullable=True, index=True
    )
    #: the platform user id of the person the alert is about (set even before consent)
    subject_key: Mapped[str] = mapped_column(String(64), info={"person_key": "user_id"})
    subject_name: Mapped[str] = mapped_column(String(256))
    kind: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(32), nullable=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    in_group: Mapped[bool] = mapped_column(Boolean, default=False)
    shared_text_sealed: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    last_at: Mapped[datetime]
    # the facilitator's name: theirs, not the subject's, so it stays out of the subject's export
    acknowledged_name: Mapped[str | None] = mapped_column(String(256), nullable=True, info={"export": "omit"})
    acknowledged_at: Mapped[datetime | None] = mapped_column(nullable=True)
    escalated_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SafetyAuditRow(Base):
    """One audit line: what happened to which alert, when, and which facilitator did it."""

    __tablename__ = "safety_audit"
    __table_args__ = (Index("ix_safety_audit_group_at", "group_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    alert_id: Mapped[int] = mapped_column(BigId, ForeignKey("safety_alerts.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(BigId, ForeignKey("groups.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    event: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(256), default="", info={"export": "omit"})
