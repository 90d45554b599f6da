"""Check-ins, support presses, extra questions and check-in settings (implements bot.checkins.ports)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    func,
    insert,
    literal,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.checkins.model import (
    Answer,
    CardAuthor,
    CardRef,
    CheckIn,
    GroupPrefs,
    NewCheckIn,
    PersonPrefs,
    Question,
    Saved,
    SupportTally,
    Visibility,
)
from storage.crypto import TextCipher
from storage.models.base import Base
from storage.models.checkins import (
    CheckInAnswerRow,
    CheckInGroupRow,
    CheckInPrefsRow,
    CheckInQuestionRow,
    CheckInRow,
    SupportRow,
)
from storage.models.core import MembershipRow, PersonRow
from storage.repositories.core import _person


def _table(model: type[Base]) -> Table:
    """The model's table, for Core statements (no ORM objects in the session to go stale)."""
    return cast(Table, model.__table__)


def _question(row: Any) -> Question:
    return Question(row.id, row.group_id, row.key, row.scale, row.prompt, Visibility(row.visibility), row.active)


@cache
def _checkins_with_answers() -> Select[Any]:
    """Check-in columns plus each answer and its question (outer-joined: one row per answer,
    or one row with empty answer columns), so a check-in and its answers come in one query."""
    checkins, answers, questions = CheckInRow.__table__, CheckInAnswerRow.__table__, CheckInQuestionRow.__table__
    joined = checkins.outerjoin(answers, answers.c.checkin_id == checkins.c.id).outerjoin(
        questions, questions.c.id == answers.c.question_id
    )
    return select(
        *checkins.c,
        answers.c.value.label("a_value"),
        *(column.label(f"q_{column.name}") for column in questions.c),
    ).select_from(joined)


@cache
def _checkin_by_id() -> Select[Any]:
    checkins = _table(CheckInRow)
    return _checkins_with_answers().where(checkins.c.id == bindparam("checkin_id")).order_by(_answer_order())


@cache
def _current_checkin() -> Select[Any]:
    checkins = _table(CheckInRow)
    return (
        _checkins_with_answers()
        .where(
            checkins.c.person_id == bindparam("person_id"),
            checkins.c.group_id == bindparam("group_id"),
            checkins.c.day == bindparam("day"),
            checkins.c.is_current.is_(True),
        )
        .order_by(_answer_order())
    )


def _answer_order() -> Any:
    return CheckInQuestionRow.__table__.c.id


@cache
def _retire_checkin() -> Update:
    checkins = _table(CheckInRow)
    return update(checkins).where(checkins.c.id == bindparam("checkin_id")).values(is_current=False)


@cache
def _insert_checkin() -> Insert:
    """Every check-in saved: built once, the values bound per call (all columns but the id)."""
    checkins = _table(CheckInRow)
    return insert(checkins).returning(checkins.c.id)


@cache
def _move_support() -> Update:
    support = _table(SupportRow)
    return update(support).where(support.c.checkin_id == bindparam("old_id")).values(checkin_id=bindparam("new_id"))


class SqlCheckInRepository:
    """Check-ins are read and written with Core statements (no ORM objects), so nothing in the
    session can go stale and the hot statements are built once."""

    def __init__(self, session: AsyncSession, cipher: TextCipher, now: datetime) -> None:
        self._session = session
        self._cipher = cipher
        self._now = now

    async def _answers(self, ids: Sequence[int]) -> dict[int, tuple[Answer, ...]]:
        if not ids:
            return {}
        answers, questions = CheckInAnswerRow.__table__, CheckInQuestionRow.__table__
        rows = await self._session.execute(
            select(answers.c.checkin_id, answers.c.value, *questions.c)
            .join(questions, questions.c.id == answers.c.question_id)
            .where(answers.c.checkin_id.in_(ids))
            .order_by(answers.c.checkin_id, questions.c.id)
        )
        found: dict[int, list[Answer]] = {}
        for row in rows:
            found.setdefault(row.checkin_id, []).append(Answer(_question(row), row.value))
        return {key: tuple(value) for key, value in found.items()}

    def _checkin(self, row: Any, answers: tuple[Answer, ...]) -> CheckIn:
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

    def _joined(self, rows: Sequence[Any]) -> CheckIn | None:
        """One check-in from :func:`_checkins_with_answers` rows (all of the same check-in)."""
        if not rows:
            return None
        answers = tuple(Answer(_joined_question(row), row.a_value) for row in rows if row.q_id is not None)
        return self._checkin(rows[0], answers)

    async def _many(self, rows: Sequence[Any]) -> list[CheckIn]:
        answers = await self._answers([row.id for row in rows])
        return [self._checkin(row, answers.get(row.id, ())) for row in rows]

    async def get(self, checkin_id: int) -> CheckIn | None:
        rows = (await self._session.execute(_checkin_by_id(), {"checkin_id": checkin_id})).all()
        return self._joined(rows)

    async def current(self, person_id: int, group_id: int, day: date) -> CheckIn | None:
        params = {"person_id": person_id, "group_id": group_id, "day": day}
        return self._joined((await self._session.execute(_current_checkin(), params)).all())

    async def add(self, checkin: NewCheckIn) -> Saved:
        earlier = await self.current(checkin.person_id, checkin.group_id, checkin.day)
        if earlier is not None:
            await self._session.execute(_retire_checkin(), {"checkin_id": earlier.id})
        values = {
            "person_id": checkin.person_id,
            "group_id": checkin.group_id,
            "day": checkin.day,
            "mood": checkin.mood,
            "note_sealed": self._cipher.seal(checkin.note),
            "visibility": str(checkin.visibility),
            "content_warning": checkin.content_warning,
            "is_current": True,
            "card_chat_id": earlier.card.chat_id if earlier and earlier.card else None,
            "card_message_id": earlier.card.message_id if earlier and earlier.card else None,
            "created_at": self._now,
        }
        result = await self._session.execute(_insert_checkin(), values)
        new_id = int(result.scalar_one())
        if checkin.answers:
            await self._session.execute(
                insert(_table(CheckInAnswerRow)),
                [{"checkin_id": new_id, "question_id": key, "value": value} for key, value in checkin.answers],
            )
        supports = 0
        if earlier is not None:
            moved = await self._session.execute(_move_support(), {"old_id": earlier.id, "new_id": new_id})
            supports = cast(CursorResult[Any], moved).rowcount  # the day's presses are all on its current version
        if not checkin.answers:
            return Saved(self._checkin(SimpleNamespace(id=new_id, **values), ()), earlier, supports)
        stored = await self.get(new_id)
        assert stored is not None
        return Saved(stored, earlier, supports)

    async def set_visibility(self, checkin_id: int, visibility: Visibility) -> None:
        checkins = _table(CheckInRow)
        await self._session.execute(
            update(checkins).where(checkins.c.id == checkin_id).values(visibility=str(visibility))
        )

    async def set_card(self, checkin_id: int, card: CardRef | None) -> None:
        await self._session.execute(
            update(CheckInRow)
            .where(CheckInRow.id == checkin_id)
            .values(card_chat_id=card.chat_id if card else None, card_message_id=card.message_id if card else None)
        )

    async def of_person(self, person_id: int, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        checkins = _table(CheckInRow)
        rows = await self._session.execute(
            select(checkins)
            .where(
                checkins.c.person_id == person_id,
                checkins.c.group_id == group_id,
                checkins.c.is_current.is_(True),
                checkins.c.day.between(first, last),
            )
            .order_by(checkins.c.day)
        )
        return await self._many(rows.all())

    async def of_group(self, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        checkins = _table(CheckInRow)
        rows = await self._session.execute(
            select(checkins)
            .where(
                checkins.c.group_id == group_id,
                checkins.c.is_current.is_(True),
                checkins.c.day.between(first, last),
            )
            .order_by(checkins.c.day, checkins.c.id)
        )
        return await self._many(rows.all())

    async def days(self, person_id: int, group_id: int, first: date) -> set[date]:
        rows = await self._session.scalars(
            _streak_days(), {"person_id": person_id, "group_id": group_id, "first": first}
        )
        return set(rows)

    async def versions(self, person_id: int, group_id: int, day: date) -> int:
        count = await self._session.scalar(
            select(func.count()).where(
                CheckInRow.person_id == person_id, CheckInRow.group_id == group_id, CheckInRow.day == day
            )
        )
        return int(count or 0)

    async def author(self, checkin: CheckIn) -> CardAuthor | None:
        params = {"person_id": checkin.person_id, "group_id": checkin.group_id}
        row = (await self._session.execute(_card_author(), params)).first()
        if row is None:
            return None
        return CardAuthor(_person(row), bool(row.member_active))


def _joined_question(row: Any) -> Question:
    return Question(
        row.q_id, row.q_group_id, row.q_key, row.q_scale, row.q_prompt, Visibility(row.q_visibility), row.q_active
    )


@cache
def _streak_days() -> Select[Any]:
    checkins = _table(CheckInRow)
    return select(checkins.c.day).where(
        checkins.c.person_id == bindparam("person_id"),
        checkins.c.group_id == bindparam("group_id"),
        checkins.c.is_current.is_(True),
        checkins.c.day >= bindparam("first"),
    )


@cache
def _card_author() -> Select[Any]:
    """The author and whether they are an active member of the card's group."""
    people, memberships = PersonRow.__table__, MembershipRow.__table__
    return (
        select(*people.c, memberships.c.active.label("member_active"))
        .select_from(
            people.outerjoin(
                memberships,
                (memberships.c.person_id == people.c.id) & (memberships.c.group_id == bindparam("group_id")),
            )
        )
        .where(people.c.id == bindparam("person_id"))
    )


class SqlSupportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, checkin_id: int, supporter_id: int, now: datetime) -> bool:
        """One INSERT that does nothing when this peer already supported this check-in."""
        statement = _insert_support(self._session.get_bind().dialect.name)
        values = {"checkin_id": checkin_id, "supporter_id": supporter_id, "created_at": now, "told_at": None}
        result = await self._session.execute(statement, values)
        return cast(CursorResult[Any], result).rowcount == 1

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

    async def tally(self, checkin_id: int) -> SupportTally:
        row = (await self._session.execute(_support_tally(), {"checkin_id": checkin_id})).one()
        first = (row.first_id, row.first_at) if row.first_id is not None else None
        return SupportTally(int(row.count or 0), first)

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


@cache
def _insert_support(dialect: str) -> Insert:
    """Every "Send support" press: built once per dialect (SQLAlchemy then caches its SQL)."""
    insert_into = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return insert_into(_table(SupportRow)).on_conflict_do_nothing(index_elements=["checkin_id", "supporter_id"])


@cache
def _support_tally() -> Select[Any]:
    """How many presses a check-in has, and the oldest untold one, in one statement."""
    support = _table(SupportRow)
    untold = (
        select(support.c.id, support.c.created_at)
        .where(support.c.checkin_id == bindparam("checkin_id"), support.c.told_at.is_(None))
        .order_by(support.c.created_at, support.c.id)
        .limit(1)
        .subquery("untold")
    )
    count = select(func.count()).where(support.c.checkin_id == bindparam("checkin_id")).scalar_subquery()
    anchor = select(literal(1).label("one")).subquery("anchor")
    return select(
        count.label("count"), untold.c.id.label("first_id"), untold.c.created_at.label("first_at")
    ).select_from(anchor.outerjoin(untold, true()))


@cache
def _active_questions() -> Select[Any]:
    """Every check-in step reads these (they change whenever a facilitator edits them)."""
    questions = _table(CheckInQuestionRow)
    return (
        select(questions)
        .where(questions.c.group_id == bindparam("group_id"), questions.c.active.is_(True))
        .order_by(questions.c.id)
    )


@cache
def _person_prefs() -> Select[Any]:
    prefs = _table(CheckInPrefsRow)
    return select(prefs).where(prefs.c.person_id == bindparam("person_id"))


class SqlQuestionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_group(self, group_id: int) -> Sequence[Question]:
        rows = await self._session.execute(_active_questions(), {"group_id": group_id})
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
        row = (await self._session.execute(_person_prefs(), {"person_id": person_id})).first()
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
