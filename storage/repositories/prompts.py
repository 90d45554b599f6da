"""Schedules, skill activity and program calendars on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    CompoundSelect,
    Insert,
    Select,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.prompts.ports import Feedback, QuietHours, Schedule, SkillSend, SkillTally
from bot.prompts.recurrence import ScheduleKind, ScheduleSpec
from storage.crypto import TextCipher
from storage.models.core import GroupRow
from storage.models.prompts import (
    PromptQuietHoursRow,
    PromptScheduleRow,
    PromptSkipDateRow,
    SkillFeedbackRow,
    SkillSendRow,
)


def _hhmm(value: time | None) -> str | None:
    return f"{value:%H:%M}" if value is not None else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


class SqlScheduleRepository:
    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    def _schedule(self, row: PromptScheduleRow) -> Schedule:
        spec = ScheduleSpec(
            kind=cast(ScheduleKind, row.kind),
            time=_time(row.at_time),
            days=frozenset(int(day) for day in row.days.split(",") if day),
            cron=row.cron,
            once_at=row.once_at,
            category=row.category,
            text=self._cipher.open(row.text_sealed),
            followup_hours=row.followup_hours,
        )
        return Schedule(row.id, row.group_id, spec, row.paused, row.created_at, row.cursor, row.finished)

    async def add(self, group_id: int, spec: ScheduleSpec, created_at: datetime) -> Schedule:
        row = PromptScheduleRow(
            group_id=group_id,
            kind=spec.kind,
            at_time=_hhmm(spec.time),
            days=",".join(str(day) for day in sorted(spec.days)),
            cron=spec.cron,
            once_at=spec.once_at,
            category=spec.category,
            text_sealed=self._cipher.seal(spec.text),
            followup_hours=spec.followup_hours,
            paused=False,
            finished=False,
            created_at=created_at,
            cursor=None,
        )
        self._session.add(row)
        await self._session.flush()
        return self._schedule(row)

    async def get(self, group_id: int, schedule_id: int) -> Schedule | None:
        row = await self._session.get(PromptScheduleRow, schedule_id)
        return self._schedule(row) if row is not None and row.group_id == group_id else None

    async def by_id(self, schedule_id: int) -> Schedule | None:
        row = await self._session.get(PromptScheduleRow, schedule_id)
        return self._schedule(row) if row is not None else None

    async def of_group(self, group_id: int) -> Sequence[Schedule]:
        rows = await self._session.scalars(
            select(PromptScheduleRow).where(PromptScheduleRow.group_id == group_id).order_by(PromptScheduleRow.id)
        )
        return [self._schedule(row) for row in rows]

    def _running(self) -> Select[PromptScheduleRow]:
        return (
            select(PromptScheduleRow)
            .join(GroupRow, GroupRow.id == PromptScheduleRow.group_id)
            .where(
                PromptScheduleRow.paused.is_(False),
                PromptScheduleRow.finished.is_(False),
                GroupRow.active.is_(True),
            )
        )

    async def due_for_production(self, now: datetime, limit: int) -> Sequence[Schedule]:
        rows = await self._session.scalars(
            self._running()
            .where(or_(PromptScheduleRow.cursor.is_(None), PromptScheduleRow.cursor <= now))
            .order_by(PromptScheduleRow.id)
            .limit(limit)
        )
        return [self._schedule(row) for row in rows]

    async def next_cursor(self, after: datetime) -> datetime | None:
        query = self._running().where(PromptScheduleRow.cursor > after)
        earliest = await self._session.scalar(select(func.min(query.subquery().c.cursor)))
        return _sql_time(earliest)

    async def set_paused(self, schedule_id: int, paused: bool, cursor: datetime | None) -> None:
        row = await self._session.get(PromptScheduleRow, schedule_id)
        if row is not None:
            row.paused = paused
            if cursor is not None:
                row.cursor = cursor
            await self._session.flush()

    async def set_cursor(self, schedule_id: int, cursor: datetime | None, *, finished: bool = False) -> None:
        row = await self._session.get(PromptScheduleRow, schedule_id)
        if row is not None:
            if cursor is not None:
                row.cursor = cursor
            row.finished = finished
            await self._session.flush()

    async def remove(self, schedule_id: int) -> None:
        await self._session.execute(delete(PromptScheduleRow).where(PromptScheduleRow.id == schedule_id))


def _send(row: SkillSendRow) -> SkillSend:
    return SkillSend(row.id, row.group_id, row.skill_id, row.schedule_id, row.sent_at)


def _sql_time(value: object) -> datetime | None:
    """A MIN() over a UTC column comes back untyped on SQLite (a string): make it aware UTC."""
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class SqlSkillActivityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record_send(
        self,
        group_id: int | None,
        skill_id: str,
        schedule_id: int | None,
        sent_at: datetime,
        occurrence: str | None = None,
    ) -> SkillSend:
        """One prebuilt INSERT ... RETURNING id (every /skill records one): no ORM object to flush."""
        values = {
            "group_id": group_id,
            "skill_id": skill_id,
            "schedule_id": schedule_id,
            "sent_at": sent_at,
            "occurrence": occurrence,
        }
        send_id = (await self._session.execute(_insert_send(), values)).scalar_one()
        return SkillSend(int(send_id), group_id, skill_id, schedule_id, sent_at)

    async def get_send(self, send_id: int) -> SkillSend | None:
        row = await self._session.get(SkillSendRow, send_id)
        return _send(row) if row is not None else None

    async def send_for(self, occurrence: str) -> SkillSend | None:
        row = await self._session.scalar(select(SkillSendRow).where(SkillSendRow.occurrence == occurrence))
        return _send(row) if row is not None else None

    async def history(self, group_id: int, limit: int) -> Sequence[str]:
        """Read for every skill picked (like :meth:`helpful_counts`), so with a prebuilt Core
        statement; sends and feedback are flushed when written, so nothing pending is missed."""
        rows = await self._session.scalars(_history_query(), {"group_id": group_id, "limit": limit})
        return list(reversed(list(rows)))

    async def helpful_counts(self, group_id: int) -> Mapping[str, int]:
        params = {"group_id": group_id, "kind": str(Feedback.HELPED)}
        rows = await self._session.execute(_helpful_query(), params)
        return {skill_id: int(count) for skill_id, count in rows}

    async def rotation(self, group_id: int, limit: int) -> tuple[Sequence[str], Mapping[str, int]]:
        """:meth:`history` and :meth:`helpful_counts` from one prebuilt statement (a UNION ALL of
        the two queries, told apart by ``part``), one round trip instead of two per /skill."""
        params = {"group_id": group_id, "limit": limit, "kind": str(Feedback.HELPED)}
        history: list[str] = []
        helpful: dict[str, int] = {}
        for row in await self._session.execute(_rotation_query(), params):
            if row.part == 0:
                history.append(row.skill_id)
            else:
                helpful[row.skill_id] = int(row.helped)
        history.reverse()
        return history, helpful

    async def add_feedback(self, send_id: int, person_id: int, kind: Feedback, at: datetime) -> bool:
        existing = await self._session.scalar(
            select(SkillFeedbackRow.id).where(
                SkillFeedbackRow.send_id == send_id,
                SkillFeedbackRow.person_id == person_id,
                SkillFeedbackRow.kind == str(kind),
            )
        )
        if existing is not None:
            return False
        self._session.add(SkillFeedbackRow(send_id=send_id, person_id=person_id, kind=str(kind), at=at))
        await self._session.flush()
        return True

    async def tallies(self, group_id: int) -> Sequence[SkillTally]:
        sent = await self._session.execute(
            select(SkillSendRow.skill_id, func.count())
            .where(SkillSendRow.group_id == group_id)
            .group_by(SkillSendRow.skill_id)
        )
        counts: dict[str, dict[str, int]] = {skill: {"sent": int(n)} for skill, n in sent}
        feedback = await self._session.execute(
            select(SkillSendRow.skill_id, SkillFeedbackRow.kind, func.count(func.distinct(SkillFeedbackRow.person_id)))
            .join(SkillFeedbackRow, SkillFeedbackRow.send_id == SkillSendRow.id)
            .where(SkillSendRow.group_id == group_id)
            .group_by(SkillSendRow.skill_id, SkillFeedbackRow.kind)
        )
        for skill_id, kind, people in feedback:
            counts.setdefault(skill_id, {"sent": 0})[kind] = int(people)
        return [
            SkillTally(skill, c.get("sent", 0), c.get(str(Feedback.TRIED), 0), c.get(str(Feedback.HELPED), 0))
            for skill, c in counts.items()
        ]


class SqlPromptCalendarRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def skip_dates(self, group_id: int) -> frozenset[date]:
        rows = await self._session.scalars(select(PromptSkipDateRow.day).where(PromptSkipDateRow.group_id == group_id))
        return frozenset(rows)

    async def add_skips(self, group_id: int, days: Iterable[date]) -> int:
        new = set(days) - await self.skip_dates(group_id)
        self._session.add_all(PromptSkipDateRow(group_id=group_id, day=day) for day in sorted(new))
        await self._session.flush()
        return len(new)

    async def remove_skips(self, group_id: int, days: Iterable[date]) -> int:
        present = set(days) & await self.skip_dates(group_id)
        if present:
            await self._session.execute(
                delete(PromptSkipDateRow).where(
                    PromptSkipDateRow.group_id == group_id, PromptSkipDateRow.day.in_(sorted(present))
                )
            )
        return len(present)

    async def quiet_hours(self, group_id: int) -> QuietHours | None:
        row = await self._session.get(PromptQuietHoursRow, group_id)
        if row is None:
            return None
        return QuietHours(time.fromisoformat(row.start), time.fromisoformat(row.end))

    async def set_quiet_hours(self, group_id: int, quiet: QuietHours | None) -> None:
        row = await self._session.get(PromptQuietHoursRow, group_id)
        if quiet is None:
            if row is not None:
                await self._session.delete(row)
            return
        if row is None:
            row = PromptQuietHoursRow(group_id=group_id)
            self._session.add(row)
        row.start, row.end = f"{quiet.start:%H:%M}", f"{quiet.end:%H:%M}"
        await self._session.flush()


def _sends() -> Table:
    return cast(Table, SkillSendRow.__table__)


@cache
def _insert_send() -> Insert:
    sends = _sends()
    return insert(sends).returning(sends.c.id)


@cache
def _history_query() -> Select[Any]:
    sends = _sends()
    return (
        select(sends.c.skill_id)
        .where(sends.c.group_id == bindparam("group_id"))
        .order_by(sends.c.sent_at.desc(), sends.c.id.desc())
        .limit(bindparam("limit"))
    )


@cache
def _rotation_query() -> CompoundSelect[Any]:
    """Part 0: :func:`_history_query`'s rows (``recency`` 1 is the newest); part 1: :func:`_helpful_query`'s."""
    sends = _sends()
    newest_first = func.row_number().over(order_by=(sends.c.sent_at.desc(), sends.c.id.desc()))
    recent = _history_query().add_columns(newest_first.label("recency")).subquery("recent")
    helpful = _helpful_query().subquery("helpful")
    history_part = select(
        literal_column("0").label("part"), recent.c.skill_id, null().label("helped"), recent.c.recency
    )
    helpful_part = select(
        literal_column("1").label("part"), helpful.c.skill_id, helpful.c.helped, null().label("recency")
    )
    return union_all(history_part, helpful_part).order_by(literal_column("part"), literal_column("recency"))


@cache
def _helpful_query() -> Select[Any]:
    sends, feedback = _sends(), cast(Table, SkillFeedbackRow.__table__)
    return (
        select(sends.c.skill_id, func.count().label("helped"))
        .join(feedback, feedback.c.send_id == sends.c.id)
        .where(sends.c.group_id == bindparam("group_id"), feedback.c.kind == bindparam("kind"))
        .group_by(sends.c.skill_id)
    )
