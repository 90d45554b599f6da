"""A group's own FAQ entries and its unanswered questions (sealed, without an author)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.faq.entries import FaqEntry
from bot.faq.ports import Gap, GroupEntryText, group_entry_id
from storage.crypto import TextCipher
from storage.models.faq import FaqEntryRow, FaqGapRow

GROUP_ENTRY_TAG = "our-group"


def _entry(row: Any) -> FaqEntry:
    """An entry from an ORM row or a row of :func:`_entries_query`."""
    return FaqEntry(
        id=group_entry_id(row.id),
        question=row.question,
        answer=row.answer,
        alternatives=tuple(line for line in row.alternatives.split("\n") if line),
        tags=(GROUP_ENTRY_TAG,),
        group_id=row.group_id,
    )


def _fill(row: FaqEntryRow, text: GroupEntryText, now: datetime) -> None:
    row.question = text.question
    row.answer = text.answer
    row.alternatives = "\n".join(alt.replace("\n", " ") for alt in text.alternatives)
    row.updated_at = now


class SqlFaqRepository:
    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    async def entries(self, group_id: int) -> Sequence[FaqEntry]:
        """Read for every FAQ question, so with a prebuilt Core statement (no ORM objects).

        Every write here flushes at once, so nothing pending is missed without autoflush.
        """
        rows = await self._session.execute(_entries_query(), {"group_id": group_id})
        return [_entry(row) for row in rows]

    async def add(self, group_id: int, text: GroupEntryText, now: datetime) -> FaqEntry:
        row = FaqEntryRow(group_id=group_id, created_at=now)
        _fill(row, text, now)
        self._session.add(row)
        await self._session.flush()
        return _entry(row)

    async def update(self, group_id: int, number: int, text: GroupEntryText, now: datetime) -> FaqEntry | None:
        row = await self._own_row(group_id, number)
        if row is None:
            return None
        _fill(row, text, now)
        await self._session.flush()
        return _entry(row)

    async def remove(self, group_id: int, number: int) -> bool:
        row = await self._own_row(group_id, number)
        if row is None:
            return False
        await self._session.delete(row)
        await self._session.flush()
        return True

    async def _own_row(self, group_id: int, number: int) -> FaqEntryRow | None:
        row = await self._session.get(FaqEntryRow, number)
        return row if row is not None and row.group_id == group_id else None

    async def record_gap(self, group_id: int, question: str, now: datetime) -> None:
        sealed = self._cipher.seal(question) or ""
        self._session.add(FaqGapRow(group_id=group_id, question_sealed=sealed, asked_at=now))
        await self._session.flush()

    async def gaps(self, group_id: int, since: datetime, limit: int) -> Sequence[Gap]:
        rows = await self._session.scalars(
            select(FaqGapRow)
            .where(FaqGapRow.group_id == group_id, FaqGapRow.asked_at >= since)
            .order_by(FaqGapRow.asked_at.desc(), FaqGapRow.id.desc())
            .limit(limit)
        )
        return [Gap(self._cipher.open(row.question_sealed) or "", row.asked_at) for row in rows]

    async def forget_gaps_before(self, before: datetime) -> int:
        result = await self._session.execute(delete(FaqGapRow).where(FaqGapRow.asked_at < before))
        return int(getattr(result, "rowcount", 0) or 0)


@cache
def _entries_query() -> Select[Any]:
    entries = cast(Table, FaqEntryRow.__table__)
    columns = (entries.c.id, entries.c.group_id, entries.c.question, entries.c.answer, entries.c.alternatives)
    return select(*columns).where(entries.c.group_id == bindparam("group_id")).order_by(entries.c.id)
