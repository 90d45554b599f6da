"""SQL implementation of :class:`bot.delivery.ports.DeliveryRepository` for SQLite and PostgreSQL.

Claiming is one ``UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING``:
on PostgreSQL concurrent workers skip each other's locked rows instead of waiting or
double-claiming; on SQLite (one process) the statement holds the database write lock, so it
is atomic as well. Every later transition is conditional on the row's status and on
``claimed_by``, which fences off a worker whose lease was taken over.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult, Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.ports import SETTLED, Delivery, DeliveryRecord, DeliveryStatus
from storage.crypto import TextCipher
from storage.models.delivery import DeliveryRow

_T: Table = DeliveryRow.__table__  # type: ignore[assignment]
_C = _T.c
_ACTIVE = (str(DeliveryStatus.CLAIMED), str(DeliveryStatus.SENDING))


class SqlDeliveryRepository:
    def __init__(self, session: AsyncSession, cipher: TextCipher, now: datetime) -> None:
        self._session = session
        self._cipher = cipher
        self._now = now

    def _record(self, row: Row[Any]) -> DeliveryRecord:
        values = row._mapping
        payload = json.loads(self._cipher.open(values["payload_sealed"]) or "{}")
        return DeliveryRecord(
            id=values["id"],
            key=values["key"],
            kind=values["kind"],
            due_at=values["due_at"],
            payload=payload,
            group_id=values["group_id"],
            person_id=values["person_id"],
            status=DeliveryStatus(values["status"]),
            attempts=values["attempts"],
            parts_sent=values["parts_sent"],
            next_attempt_at=values["next_attempt_at"],
            claimed_by=values["claimed_by"],
            lease_until=values["lease_until"],
            sent_at=values["sent_at"],
            error=values["error"],
        )

    async def add(self, delivery: Delivery) -> bool:
        values = {
            "key": delivery.key,
            "kind": delivery.kind,
            "group_id": delivery.group_id,
            "person_id": delivery.person_id,
            "due_at": delivery.due_at,
            "payload_sealed": self._cipher.seal(json.dumps(dict(delivery.payload), ensure_ascii=False)),
            "status": str(DeliveryStatus.PENDING),
            "attempts": 0,
            "parts_sent": 0,
            "next_attempt_at": delivery.due_at,
            "created_at": self._now,
        }
        dialect = self._session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(_T).values(**values).on_conflict_do_nothing(index_elements=["key"])
        result: CursorResult[Any] = await self._session.execute(statement)  # type: ignore[assignment]
        return bool(result.rowcount)

    async def get(self, key: str) -> DeliveryRecord | None:
        row = (await self._session.execute(select(_T).where(_C.key == key))).first()
        return self._record(row) if row is not None else None

    async def claim(self, now: datetime, worker: str, lease_until: datetime, limit: int) -> Sequence[DeliveryRecord]:
        due = (
            select(_C.id)
            .where(_C.status == str(DeliveryStatus.PENDING), _C.next_attempt_at <= now)
            .order_by(_C.next_attempt_at, _C.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        await self._relaxed_commit()
        if self._session.get_bind().dialect.name == "postgresql":
            # Lock first, then update by id: PostgreSQL may run an IN (subquery) once per
            # outer row, and a LIMIT ... SKIP LOCKED subquery then takes more than LIMIT rows.
            ids = list((await self._session.scalars(due)).all())
            if not ids:
                return []
            chosen: ColumnElement[bool] = _C.id.in_(ids)
        else:  # one statement holds SQLite's write lock from the start: atomic, no upgrade
            chosen = _C.id.in_(due.scalar_subquery())
        statement = (
            update(_T)
            .where(chosen, _C.status == str(DeliveryStatus.PENDING))
            .values(status=str(DeliveryStatus.CLAIMED), claimed_by=worker, lease_until=lease_until)
            .returning(*_T.c)
        )
        rows = (await self._session.execute(statement)).all()
        records = [self._record(row) for row in rows]
        records.sort(key=lambda record: (record.next_attempt_at, record.id))
        return records

    async def _relaxed_commit(self) -> None:
        """PostgreSQL: this transaction's commit need not wait for the disk flush.

        Only for transitions whose loss in a *database server* crash is harmless: a lost
        claim or progress mark leaves the row to be given back or found uncertain, a lost
        "sent" leaves it uncertain (never resent). ``begin_send`` and ``retry_later`` stay
        fully durable, and flushing them also flushes every relaxed commit before them.
        """
        if self._session.get_bind().dialect.name == "postgresql":
            await self._session.execute(text("SET LOCAL synchronous_commit TO OFF"))

    async def _transition(self, condition: ColumnElement[bool], **values: Any) -> int:
        result: CursorResult[Any] = await self._session.execute(  # type: ignore[assignment]
            update(_T).where(condition).values(**values)
        )
        return int(result.rowcount)

    def _own(self, delivery_id: int, worker: str, *statuses: str) -> ColumnElement[bool]:
        return and_(_C.id == delivery_id, _C.claimed_by == worker, _C.status.in_(statuses))

    async def begin_send(self, delivery_id: int, worker: str, lease_until: datetime) -> bool:
        condition = self._own(delivery_id, worker, *_ACTIVE)
        return await self._transition(condition, status=str(DeliveryStatus.SENDING), lease_until=lease_until) == 1

    async def mark_sends(
        self, starting: Sequence[int], sent: Sequence[int], worker: str, lease_until: datetime, now: datetime
    ) -> tuple[set[int], set[int]]:
        if not starting:
            await self._relaxed_commit()  # only "sent" marks: see _relaxed_commit
        started: set[int] = set()
        settled: set[int] = set()
        if starting:
            statement = (
                update(_T)
                .where(_C.id.in_(starting), _C.claimed_by == worker, _C.status.in_(_ACTIVE))
                .values(status=str(DeliveryStatus.SENDING), lease_until=lease_until)
                .returning(_C.id)
            )
            started = set((await self._session.scalars(statement)).all())
        if sent:
            statuses = (*_ACTIVE, str(DeliveryStatus.UNCERTAIN))
            statement = (
                update(_T)
                .where(_C.id.in_(sent), _C.claimed_by == worker, _C.status.in_(statuses))
                .values(status=str(DeliveryStatus.SENT), sent_at=now, settled_at=now, error=None, lease_until=None)
                .returning(_C.id)
            )
            settled = set((await self._session.scalars(statement)).all())
        return started, settled

    async def record_progress(self, delivery_id: int, worker: str, parts_sent: int) -> bool:
        condition = self._own(delivery_id, worker, str(DeliveryStatus.SENDING))
        await self._relaxed_commit()
        return await self._transition(condition, parts_sent=parts_sent) == 1

    async def settle(
        self, delivery_id: int, worker: str, status: DeliveryStatus, now: datetime, error: str | None = None
    ) -> bool:
        if status not in SETTLED:
            raise ValueError(f"{status} is not a settled status")
        values: dict[str, Any] = {"status": str(status), "settled_at": now, "error": error, "lease_until": None}
        if status is DeliveryStatus.SENT:
            values["sent_at"] = now
        # an own "uncertain" row may still be corrected: its send did finish after all
        condition = self._own(delivery_id, worker, *_ACTIVE, str(DeliveryStatus.UNCERTAIN))
        if status is DeliveryStatus.SENT:
            await self._relaxed_commit()
        return await self._transition(condition, **values) == 1

    async def retry_later(self, delivery_id: int, worker: str, at: datetime, attempts: int, error: str | None) -> bool:
        condition = self._own(delivery_id, worker, *_ACTIVE)
        return (
            await self._transition(
                condition,
                status=str(DeliveryStatus.PENDING),
                next_attempt_at=at,
                attempts=attempts,
                error=error,
                claimed_by=None,
                lease_until=None,
            )
            == 1
        )

    async def release(self, worker: str) -> int:
        condition = and_(_C.claimed_by == worker, _C.status == str(DeliveryStatus.CLAIMED))
        return await self._transition(condition, status=str(DeliveryStatus.PENDING), claimed_by=None, lease_until=None)

    async def recover(self, now: datetime, *, ignore_leases: bool = False) -> tuple[int, int]:
        def stale(status: DeliveryStatus) -> ColumnElement[bool]:
            condition = _C.status == str(status)
            return condition if ignore_leases else and_(condition, _C.lease_until < now)

        given_back = await self._transition(
            stale(DeliveryStatus.CLAIMED), status=str(DeliveryStatus.PENDING), claimed_by=None, lease_until=None
        )
        uncertain = await self._transition(
            stale(DeliveryStatus.SENDING),
            status=str(DeliveryStatus.UNCERTAIN),
            settled_at=now,
            error="lease_expired",
        )
        return given_back, uncertain

    async def expire(self, due_before: datetime, now: datetime) -> int:
        # next_attempt_at starts at due_at and only moves later, so its bound (which the
        # (status, next_attempt_at) index answers) lets each tick skip the future rows instead
        # of reading every pending one; a retry due later is caught when claimed.
        condition = and_(
            _C.status == str(DeliveryStatus.PENDING), _C.next_attempt_at < due_before, _C.due_at < due_before
        )
        return await self._transition(condition, status=str(DeliveryStatus.SKIPPED), settled_at=now, error="missed")

    async def cancel(self, key_prefix: str, now: datetime) -> int:
        condition = and_(_C.status == str(DeliveryStatus.PENDING), _C.key.startswith(key_prefix, autoescape=True))
        return await self._transition(condition, status=str(DeliveryStatus.SKIPPED), settled_at=now, error="cancelled")

    async def next_due(self) -> datetime | None:
        pending = await self._session.scalar(
            select(func.min(_C.next_attempt_at)).where(_C.status == str(DeliveryStatus.PENDING))
        )
        leased = await self._session.scalar(select(func.min(_C.lease_until)).where(_C.status.in_(_ACTIVE)))
        moments: list[datetime] = [moment for moment in (pending, leased) if moment is not None]
        return min(moments, default=None)

    async def counts(self) -> dict[DeliveryStatus, int]:
        rows = await self._session.execute(select(_C.status, func.count()).group_by(_C.status))
        found = {DeliveryStatus(status): int(count) for status, count in rows.all()}
        return {status: found.get(status, 0) for status in DeliveryStatus}

    async def count_late(self, due_before: datetime) -> int:
        """Pending deliveries that were due before ``due_before`` (the "late" gauge)."""
        count = await self._session.scalar(
            select(func.count()).where(_C.status == str(DeliveryStatus.PENDING), _C.due_at < due_before)
        )
        return int(count or 0)

    async def purge(self, settled_before: datetime) -> int:
        result: CursorResult[Any] = await self._session.execute(  # type: ignore[assignment]
            delete(_T).where(_C.status.in_([str(s) for s in SETTLED]), _C.settled_at < settled_before)
        )
        return int(result.rowcount)
