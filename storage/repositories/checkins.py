"""Check-ins, support presses, extra questions and check-in settings (implements bot.checkins.ports)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.checkins.model import (
    Answer,
    CardRef,
    CheckIn,
    GroupPrefs,
    NewCheckIn,
    PersonPrefs,
    Question,
    Visibility,
)
from storage.crypto import TextCipher
from storage.models.checkins import (
    CheckInAnswerRow,
    CheckInGroupRow,
    CheckInPrefsRow,
    CheckInQuestionRow,
    CheckInRow,
    SupportRow,
)


def _question(row: CheckInQuestionRow) -> Question:
    return Question(row.id, row.group_id, row.key, row.scale, row.prompt, Visibility(row.visibility), row.active)


class SqlCheckInRepository:
    def __init__(self, session: AsyncSession, cipher: TextCipher, now: datetime) -> None:
        self._session = session
        self._cipher = cipher
        self._now = now

    async def _answers(self, ids: Sequence[int]) -> dict[int, tuple[Answer, ...]]:
        if not ids:
            return {}
        rows = await self._session.execute(
            select(CheckInAnswerRow, CheckInQuestionRow)
            .join(CheckInQuestionRow, CheckInQuestionRow.id == CheckInAnswerRow.question_id)
            .where(CheckInAnswerRow.checkin_id.in_(ids))
            .order_by(CheckInAnswerRow.checkin_id, CheckInQuestionRow.id)
        )
        found: dict[int, list[Answer]] = {}
        for answer, question in rows:
            found.setdefault(answer.checkin_id, []).append(Answer(_question(question), answer.value))
        return {key: tuple(value) for key, value in found.items()}

    def _checkin(self, row: CheckInRow, answers: tuple[Answer, ...]) -> CheckIn:
        card = CardRef(row.card_chat_id, row.card_message_id) if row.card_chat_id and row.card_message_id else None
        return CheckIn(
            id=row.id,
            person_id=row.person_id,
            group_id=row.group_id,
            day=row.day,
            mood=row.mood,
            note=self._cipher.open(row.note_sealed),
            visibility=Visibility(row.visibility),
            created_at=row.created_at,
            current=row.is_current,
            content_warning=row.content_warning,
            card=card,
            answers=answers,
        )

    async def _many(self, rows: Sequence[CheckInRow]) -> list[CheckIn]:
        answers = await self._answers([row.id for row in rows])
        return [self._checkin(row, answers.get(row.id, ())) for row in rows]

    async def get(self, checkin_id: int) -> CheckIn | None:
        row = await self._session.get(CheckInRow, checkin_id)
        return (await self._many([row]))[0] if row else None

    async def _current_row(self, person_id: int, group_id: int, day: date) -> CheckInRow | None:
        return await self._session.scalar(
            select(CheckInRow).where(
                CheckInRow.person_id == person_id,
                CheckInRow.group_id == group_id,
                CheckInRow.day == day,
                CheckInRow.is_current.is_(True),
            )
        )

    async def current(self, person_id: int, group_id: int, day: date) -> CheckIn | None:
        row = await self._current_row(person_id, group_id, day)
        return (await self._many([row]))[0] if row else None

    async def add(self, checkin: NewCheckIn) -> tuple[CheckIn, CheckIn | None]:
        earlier_row = await self._current_row(checkin.person_id, checkin.group_id, checkin.day)
        earlier = (await self._many([earlier_row]))[0] if earlier_row else None
        if earlier_row is not None:
            earlier_row.is_current = False
            await self._session.flush()
        row = CheckInRow(
            person_id=checkin.person_id,
            group_id=checkin.group_id,
            day=checkin.day,
            mood=checkin.mood,
            note_sealed=self._cipher.seal(checkin.note),
            visibility=str(checkin.visibility),
            content_warning=checkin.content_warning,
            is_current=True,
            card_chat_id=earlier_row.card_chat_id if earlier_row else None,
            card_message_id=earlier_row.card_message_id if earlier_row else None,
            created_at=self._now,
        )
        self._session.add(row)
        await self._session.flush()
        for question_id, value in checkin.answers:
            self._session.add(CheckInAnswerRow(checkin_id=row.id, question_id=question_id, value=value))
        if earlier_row is not None:
            await self._session.execute(
                update(SupportRow).where(SupportRow.checkin_id == earlier_row.id).values(checkin_id=row.id)
            )
        await self._session.flush()
        if not checkin.answers:
            return self._checkin(row, ()), earlier
        return (await self._many([row]))[0], earlier

    async def set_visibility(self, checkin_id: int, visibility: Visibility) -> None:
        row = await self._session.get(CheckInRow, checkin_id)
        if row is not None:
            row.visibility = str(visibility)
            await self._session.flush()

    async def set_card(self, checkin_id: int, card: CardRef | None) -> None:
        await self._session.execute(
            update(CheckInRow)
            .where(CheckInRow.id == checkin_id)
            .values(card_chat_id=card.chat_id if card else None, card_message_id=card.message_id if card else None)
        )

    async def of_person(self, person_id: int, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        rows = await self._session.scalars(
            select(CheckInRow)
            .where(
                CheckInRow.person_id == person_id,
                CheckInRow.group_id == group_id,
                CheckInRow.is_current.is_(True),
                CheckInRow.day.between(first, last),
            )
            .order_by(CheckInRow.day)
        )
        return await self._many(list(rows))

    async def of_group(self, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        rows = await self._session.scalars(
            select(CheckInRow)
            .where(
                CheckInRow.group_id == group_id,
                CheckInRow.is_current.is_(True),
                CheckInRow.day.between(first, last),
            )
            .order_by(CheckInRow.day, CheckInRow.id)
        )
        return await self._many(list(rows))

    async def days(self, person_id: int, group_id: int, first: date) -> set[date]:
        rows = await self._session.scalars(
            select(CheckInRow.day).where(
                CheckInRow.person_id == person_id,
                CheckInRow.group_id == group_id,
                CheckInRow.is_current.is_(True),
                CheckInRow.day >= first,
            )
        )
        return set(rows)

    async def versions(self, person_id: int, group_id: int, day: date) -> int:
        count = await self._session.scalar(
            select(func.count()).where(
                CheckInRow.person_id == person_id, CheckInRow.group_id == group_id, CheckInRow.day == day
            )
        )
        return int(count or 0)


class SqlSupportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, checkin_id: int, supporter_id: int, now: datetime) -> bool:
        existing = await self._session.scalar(
            select(SupportRow.id).where(SupportRow.checkin_id == checkin_id, SupportRow.supporter_id == supporter_id)
        )
        if existing is not None:
            return False
        self._session.add(SupportRow(checkin_id=checkin_id, supporter_id=supporter_id, created_at=now))
        await self._session.flush()
        return True

    async def count(self, checkin_id: int) -> int:
        count = await self._session.scalar(select(func.count()).where(SupportRow.checkin_id == checkin_id))
        return int(count or 0)

    async def first_untold(self, checkin_id: int) -> tuple[int, datetime] | None:
        row = await self._session.execute(
            select(SupportRow.id, SupportRow.created_at)
            .where(SupportRow.checkin_id == checkin_id, SupportRow.told_at.is_(None))
            .order_by(SupportRow.created_at, SupportRow.id)
            .limit(1)
        )
        found = row.first()
        return (found[0], found[1]) if found else None

    async def untold(self, checkin_id: int) -> int:
        count = await self._session.scalar(
            select(func.count()).where(SupportRow.checkin_id == checkin_id, SupportRow.told_at.is_(None))
        )
        return int(count or 0)

    async def mark_told(self, checkin_id: int, now: datetime) -> None:
        await self._session.execute(
            update(SupportRow)
            .where(SupportRow.checkin_id == checkin_id, SupportRow.told_at.is_(None))
            .values(told_at=now)
        )


class SqlQuestionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_group(self, group_id: int) -> Sequence[Question]:
        rows = await self._session.scalars(
            select(CheckInQuestionRow)
            .where(CheckInQuestionRow.group_id == group_id, CheckInQuestionRow.active.is_(True))
            .order_by(CheckInQuestionRow.id)
        )
        return [_question(row) for row in rows]

    async def add(self, group_id: int, key: str, scale: int, prompt: str, visibility: Visibility) -> Question:
        row = CheckInQuestionRow(
            group_id=group_id, key=key, scale=scale, prompt=prompt[:200], visibility=str(visibility), active=True
        )
        self._session.add(row)
        await self._session.flush()
        return _question(row)

    async def remove(self, group_id: int, question_id: int) -> bool:
        row = await self._session.get(CheckInQuestionRow, question_id)
        if row is None or row.group_id != group_id or not row.active:
            return False
        row.active = False
        await self._session.flush()
        return True


class SqlCheckInSettingsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def person(self, person_id: int) -> PersonPrefs:
        row = await self._session.get(CheckInPrefsRow, person_id)
        if row is None:
            return PersonPrefs(person_id)
        return PersonPrefs(person_id, Visibility(row.visibility), row.reminders, row.paused_until)

    async def people(self, person_ids: Sequence[int]) -> dict[int, PersonPrefs]:
        found = {person_id: PersonPrefs(person_id) for person_id in person_ids}
        if person_ids:
            rows = await self._session.scalars(select(CheckInPrefsRow).where(CheckInPrefsRow.person_id.in_(person_ids)))
            for row in rows:
                found[row.person_id] = PersonPrefs(
                    row.person_id, Visibility(row.visibility), row.reminders, row.paused_until
                )
        return found

    async def save_person(self, prefs: PersonPrefs) -> None:
        row = await self._session.get(CheckInPrefsRow, prefs.person_id)
        if row is None:
            row = CheckInPrefsRow(person_id=prefs.person_id)
            self._session.add(row)
        row.visibility = str(prefs.visibility)
        row.reminders = prefs.reminders
        row.paused_until = prefs.paused_until
        await self._session.flush()

    async def group(self, group_id: int) -> GroupPrefs:
        row = await self._session.get(CheckInGroupRow, group_id)
        if row is None:
            return GroupPrefs(group_id)
        return GroupPrefs(group_id, time(row.checkin_minute // 60, row.checkin_minute % 60))

    async def save_group(self, prefs: GroupPrefs) -> None:
        row = await self._session.get(CheckInGroupRow, prefs.group_id)
        if row is None:
            row = CheckInGroupRow(group_id=prefs.group_id)
            self._session.add(row)
        row.checkin_minute = prefs.checkin_time.hour * 60 + prefs.checkin_time.minute
        await self._session.flush()
