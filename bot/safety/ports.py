"""What the safety feature stores, and the repository ``storage.repositories.safety`` implements.

An :class:`Alert` is one facilitator alert about one person in one group: a crisis alert
(with an "I'm on it" button and escalation) or a low check-in notice. Every change to an
alert is also written to the group's audit log (:class:`AuditEntry`), which facilitators
read with ``/alerts``. Neither ever holds a direct message or a private note: an alert keeps
text only when the person posted it in the group chat themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.safety.staffing import StaffedHours


class AlertKind(StrEnum):
    """A crisis alert (acknowledged and escalated) or a gentle low check-in notice."""

    CRISIS = "crisis"
    LOW_MOOD = "low_mood"


class AuditEvent(StrEnum):
    """What happened to an alert; one audit row each time."""

    RAISED = "raised"
    REPEATED = "repeated"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class NewAlert:
    """An alert about to be stored.

    ``subject_key`` is the platform user id (people who never consented have no person id,
    yet their group messages can still be alerted on and batched). ``in_group`` tells where
    it was written; ``shared_text`` is set only for text the person posted in the group chat.
    """

    group_id: int
    person_id: int | None
    subject_key: str
    subject_name: str
    kind: AlertKind
    category: str | None
    created_at: datetime
    in_group: bool = False
    shared_text: str | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    """A stored alert; ``count`` is how many messages it covers (batched within the hour)."""

    id: int
    group_id: int
    person_id: int | None
    subject_key: str
    subject_name: str
    kind: AlertKind
    category: str | None
    created_at: datetime
    last_at: datetime
    count: int
    in_group: bool
    shared_text: str | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    escalated_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of a group's safety audit log: never message text."""

    alert_id: int
    at: datetime
    event: AuditEvent
    kind: AlertKind
    subject_name: str
    category: str | None
    actor: str


@dataclass(frozen=True, slots=True)
class GroupSafety:
    """A group's own safety settings; every field unset means the defaults."""

    group_id: int
    resources: str | None = None
    staffed: StaffedHours | None = None
    backup_user_id: str | None = None


class SafetyRepository(Protocol):
    """Alerts, their audit log and per-group safety settings."""

    async def settings(self, group_id: int) -> GroupSafety: ...

    async def save_settings(self, settings: GroupSafety) -> None: ...

    async def add_alert(self, alert: NewAlert) -> Alert: ...

    async def get(self, alert_id: int) -> Alert | None: ...

    async def latest(self, group_id: int, subject_key: str, kind: AlertKind) -> Alert | None:
        """The newest alert of ``kind`` about one person in one group."""
        ...

    async def repeat(self, alert_id: int, now: datetime) -> None:
        """Count one more message on an open alert."""
        ...

    async def acknowledge(self, alert_id: int, by: str, now: datetime) -> bool:
        """Record who is on it; False when someone already acknowledged it."""
        ...

    async def mark_escalated(self, alert_id: int, now: datetime) -> bool:
        """Record the escalation; False when it was already escalated."""
        ...

    async def log(self, alert: Alert, event: AuditEvent, actor: str, now: datetime) -> None: ...

    async def audit(self, group_id: int, limit: int) -> Sequence[AuditEntry]:
        """The group's audit log, most recent first."""
        ...

    async def forget_text_before(self, cutoff: datetime) -> int:
        """Blank the kept group text of alerts created before ``cutoff`` (retention)."""
        ...


__all__ = ["Alert", "AlertKind", "AuditEntry", "AuditEvent", "GroupSafety", "NewAlert", "SafetyRepository"]
