"""Safety settings, alerts and the audit log on SQLAlchemy (``bot.safety.ports.SafetyRepository``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.safety.ports import Alert, AlertKind, AuditEntry, AuditEvent, GroupSafety, NewAlert
from bot.safety.staffing import StaffedHours
from storage.crypto import TextCipher
from storage.models.safety import SafetyAlertRow, SafetyAuditRow, SafetySettingsRow


class SqlSafetyRepository:
    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    # -- settings ---------------------------------------------------------------------------

    async def settings(self, group_id: int) -> GroupSafety:
        row = await self._session.get(SafetySettingsRow, group_id)
        if row is None:
            return GroupSafety(group_id)
        return GroupSafety(
            group_id,
            resources=self._cipher.open(row.resources_sealed),
            staffed=StaffedHours.decode(row.staffed) if row.staffed else None,
            backup_user_id=row.backup_user_id,
        )

    async def save_settings(self, settings: GroupSafety) -> None:
        row = await self._session.get(SafetySettingsRow, settings.group_id)
        if row is None:
            row = SafetySettingsRow(group_id=settings.group_id)
            self._session.add(row)
        row.resources_sealed = self._cipher.seal(settings.resources)
        row.staffed = settings.staffed.encode() if settings.staffed else None
        row.backup_user_id = settings.backup_user_id
        await self._session.flush()

    # -- alerts -----------------------------------------------------------------------------

    def _alert(self, row: SafetyAlertRow) -> Alert:
        return Alert(
            id=row.id,
            group_id=row.group_id,
            person_id=row.person_id,
            subject_key=row.subject_key,
            subject_name=row.subject_name,
            kind=AlertKind(row.kind),
            category=row.category,
            created_at=row.created_at,
            last_at=row.last_at,
            count=row.count,
            in_group=row.in_group,
            shared_text=self._cipher.open(row.shared_text_sealed),
            acknowledged_by=row.acknowledged_name,
            acknowledged_at=row.acknowledged_at,
            escalated_at=row.escalated_at,
        )

    async def add_alert(self, alert: NewAlert) -> Alert:
        row = SafetyAlertRow(
            group_id=alert.group_id,
            person_id=alert.person_id,
            subject_key=alert.subject_key[:64],
            subject_name=alert.subject_name[:256],
            kind=str(alert.kind),
            category=alert.category,
            count=1,
            in_group=alert.in_group,
            shared_text_sealed=self._cipher.seal(alert.shared_text),
            created_at=alert.created_at,
            last_at=alert.created_at,
        )
        self._session.add(row)
        await self._session.flush()
        return self._alert(row)

    async def get(self, alert_id: int) -> Alert | None:
        row = await self._session.get(SafetyAlertRow, alert_id, populate_existing=True)
        return self._alert(row) if row is not None else None

    async def latest(self, group_id: int, subject_key: str, kind: AlertKind) -> Alert | None:
        row = await self._session.scalar(
            select(SafetyAlertRow)
            .where(
                SafetyAlertRow.group_id == group_id,
                SafetyAlertRow.subject_key == subject_key[:64],
                SafetyAlertRow.kind == str(kind),
            )
            .order_by(SafetyAlertRow.created_at.desc(), SafetyAlertRow.id.desc())
            .limit(1)
        )
        return self._alert(row) if row is not None else None

    async def repeat(self, alert_id: int, now: datetime) -> None:
        await self._session.execute(
            update(SafetyAlertRow)
            .where(SafetyAlertRow.id == alert_id)
            .values(count=SafetyAlertRow.count + 1, last_at=now)
        )

    async def acknowledge(self, alert_id: int, by: str, now: datetime) -> bool:
        result = await self._session.execute(
            update(SafetyAlertRow)
            .where(SafetyAlertRow.id == alert_id, SafetyAlertRow.acknowledged_at.is_(None))
            .values(acknowledged_name=by[:256], acknowledged_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def mark_escalated(self, alert_id: int, now: datetime) -> bool:
        result = await self._session.execute(
            update(SafetyAlertRow)
            .where(SafetyAlertRow.id == alert_id, SafetyAlertRow.escalated_at.is_(None))
            .values(escalated_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def forget_text_before(self, cutoff: datetime) -> int:
        result = await self._session.execute(
            update(SafetyAlertRow)
            .where(SafetyAlertRow.created_at < cutoff, SafetyAlertRow.shared_text_sealed.is_not(None))
            .values(shared_text_sealed=None)
        )
        return int(getattr(result, "rowcount", 0))

    # -- audit ------------------------------------------------------------------------------

    async def log(self, alert: Alert, event: AuditEvent, actor: str, now: datetime) -> None:
        self._session.add(
            SafetyAuditRow(alert_id=alert.id, group_id=alert.group_id, at=now, event=str(event), actor=actor[:256])
        )
        await self._session.flush()

    async def audit(self, group_id: int, limit: int) -> Sequence[AuditEntry]:
        rows = await self._session.execute(
            select(SafetyAuditRow, SafetyAlertRow)
            .join(SafetyAlertRow, SafetyAlertRow.id == SafetyAuditRow.alert_id)
            .where(SafetyAuditRow.group_id == group_id)
            .order_by(SafetyAuditRow.at.desc(), SafetyAuditRow.id.desc())
            .limit(limit)
        )
        return [
            AuditEntry(
                alert_id=alert.id,
                at=entry.at,
                event=AuditEvent(entry.event),
                kind=AlertKind(alert.kind),
                subject_name=alert.subject_name,
                category=alert.category,
                actor=entry.actor,
            )
            for entry, alert in rows
        ]
