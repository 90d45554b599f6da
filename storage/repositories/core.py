"""Groups, people, memberships and pending flows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Select,
    Subquery,
    Table,
    bindparam,
    delete,
    func,
    literal,
    null,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Resolved
from bot.domain import ChatRef, Group, Membership, Person, PersonRef, Platform, Role
from bot.ports import PendingFlow
from storage.crypto import TextCipher
from storage.models.core import FlowRow, GroupRow, MembershipRow, PersonRow


def _group(row: Any) -> Group:
    """A group from an ORM row or a row with the same column names."""
    return Group(
        id=row.id,
        platform=Platform(row.platform),
        chat_id=row.chat_id,
        title=row.title,
        timezone=row.timezone,
        language=row.language,
        active=row.active,
        created_at=row.created_at,
    )


def _person(row: Any) -> Person:
    return Person(
        id=row.id,
        platform=Platform(row.platform),
        user_id=row.user_id,
        display_name=row.display_name,
        consented_at=row.consented_at,
        consent_version=row.consent_version,
    )


def _membership(row: Any) -> Membership:
    return Membership(
        person_id=row.person_id,
        group_id=row.group_id,
        role=Role(row.role),
        active=row.active,
        joined_at=row.joined_at,
        last_seen_at=row.last_seen_at,
    )


class SqlGroupRepository:
    def __init__(self, session: AsyncSession, now: datetime) -> None:
        self._session = session
        self._now = now

    async def by_chat(self, platform: Platform, chat_id: str) -> Group | None:
        row = await self._session.scalar(
            select(GroupRow).where(GroupRow.platform == str(platform), GroupRow.chat_id == chat_id)
        )
        return _group(row) if row else None

    async def get(self, group_id: int) -> Group | None:
        row = await self._session.get(GroupRow, group_id)
        return _group(row) if row else None

    async def add(self, chat: ChatRef, timezone: str, language: str) -> Group:
        """Register the chat's group; if another event registered it a moment ago, return that one."""
        values = {
            "platform": str(chat.platform),
            "chat_id": chat.chat_id,
            "title": chat.title[:256],
            "timezone": timezone,
            "language": language,
            "active": True,
            "created_at": self._now,
        }
        dialect = self._session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        await self._session.execute(insert(GroupRow).values(**values).on_conflict_do_nothing())
        group = await self.by_chat(chat.platform, chat.chat_id)
        assert group is not None
        return group

    async def update(self, group: Group) -> None:
        row = await self._session.get(GroupRow, group.id)
        if row is None:
            return
        row.title = group.title[:256]
        row.timezone = group.timezone
        row.language = group.language
        row.active = group.active

    async def move_chat(self, group_id: int, new_chat_id: str) -> None:
        row = await self._session.get(GroupRow, group_id)
        if row is not None:
            row.chat_id = new_chat_id

    async def active(self) -> Sequence[Group]:
        rows = await self._session.scalars(select(GroupRow).where(GroupRow.active.is_(True)).order_by(GroupRow.id))
        return [_group(row) for row in rows]


class SqlPersonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_platform_id(self, platform: Platform, user_id: str) -> Person | None:
        row = await self._session.scalar(
            select(PersonRow).where(PersonRow.platform == str(platform), PersonRow.user_id == user_id)
        )
        return _person(row) if row else None

    async def get(self, person_id: int) -> Person | None:
        row = await self._session.get(PersonRow, person_id)
        return _person(row) if row else None

    async def add(self, ref: PersonRef, consented_at: datetime, consent_version: str) -> Person:
        row = PersonRow(
            platform=str(ref.platform),
            user_id=ref.user_id,
            display_name=ref.display_name[:256],
            consented_at=consented_at,
            consent_version=consent_version,
        )
        self._session.add(row)
        await self._session.flush()
        return _person(row)

    async def rename(self, person_id: int, display_name: str) -> None:
        row = await self._session.get(PersonRow, person_id)
        if row is not None:
            row.display_name = display_name[:256]


class SqlMembershipRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, person_id: int, group_id: int) -> Membership | None:
        row = await self._session.get(MembershipRow, (person_id, group_id))
        return _membership(row) if row else None

    async def upsert(self, membership: Membership) -> None:
        """One UPDATE when the membership exists (the usual case), else an INSERT."""
        values = {
            "role": str(membership.role),
            "active": membership.active,
            "joined_at": membership.joined_at,
            "last_seen_at": membership.last_seen_at,
        }
        result = await self._session.execute(
            update(MembershipRow)
            .where(MembershipRow.person_id == membership.person_id, MembershipRow.group_id == membership.group_id)
            .values(**values)
        )
        if cast(CursorResult[Any], result).rowcount == 0:
            self._session.add(MembershipRow(person_id=membership.person_id, group_id=membership.group_id, **values))
            await self._session.flush()

    async def of_group(self, group_id: int, *, active_only: bool = True) -> Sequence[Membership]:
        query = select(MembershipRow).where(MembershipRow.group_id == group_id)
        if active_only:
            query = query.where(MembershipRow.active.is_(True))
        rows = await self._session.scalars(query.order_by(MembershipRow.person_id))
        return [_membership(row) for row in rows]

    async def of_person(self, person_id: int, *, active_only: bool = True) -> Sequence[Membership]:
        query = select(MembershipRow).where(MembershipRow.person_id == person_id)
        if active_only:
            query = query.where(MembershipRow.active.is_(True))
        rows = await self._session.scalars(query.order_by(MembershipRow.group_id))
        return [_membership(row) for row in rows]


class SqlFlowRepository:
    """Flows are read and written with prebuilt Core statements (never as ORM objects, so no
    stale copy can linger in the session); every check-in step uses them."""

    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    async def get(self, person_id: int, chat_key: str) -> PendingFlow | None:
        params = {"person_id": person_id, "chat_key": chat_key}
        row = (await self._session.execute(_flow_get(), params)).first()
        return self._flow(person_id, chat_key, row) if row is not None else None

    async def take(self, person_id: int, chat_key: str) -> PendingFlow | None:
        """Remove the flow and return it: one DELETE ... RETURNING instead of a SELECT and a DELETE."""
        params = {"person_id": person_id, "chat_key": chat_key}
        row = (await self._session.execute(_flow_take(), params)).first()
        return self._flow(person_id, chat_key, row) if row is not None else None

    def _flow(self, person_id: int, chat_key: str, row: Any) -> PendingFlow:
        data = json.loads(self._cipher.open(row.data_sealed) or "{}")
        return PendingFlow(person_id, chat_key, row.flow, data, row.expires_at)

    async def put(self, flow: PendingFlow) -> None:
        """Insert or replace the flow in one statement."""
        await self._session.execute(_flow_upsert(self._session.get_bind().dialect.name), self._params(flow))

    async def put_many(self, flows: Sequence[PendingFlow]) -> None:
        """Insert or replace each flow, all in one statement."""
        if flows:
            rows = [self._params(flow) for flow in flows]
            await self._session.execute(_flow_upsert(self._session.get_bind().dialect.name), rows)

    def _params(self, flow: PendingFlow) -> dict[str, Any]:
        sealed = self._cipher.seal(json.dumps(flow.data, ensure_ascii=False)) or ""
        return {
            "person_id": flow.person_id,
            "chat_key": flow.chat_key,
            "flow": flow.flow,
            "data_sealed": sealed,
            "expires_at": flow.expires_at,
        }

    async def clear(self, person_id: int, chat_key: str) -> None:
        await self._session.execute(_flow_clear(), {"person_id": person_id, "chat_key": chat_key})


def _flows() -> Table:
    return cast(Table, FlowRow.__table__)


@cache
def _flow_get() -> Select[Any]:
    flows = _flows()
    return select(flows.c.flow, flows.c.data_sealed, flows.c.expires_at).where(
        flows.c.person_id == bindparam("person_id"), flows.c.chat_key == bindparam("chat_key")
    )


@cache
def _flow_take() -> Any:
    flows = _flows()
    return (
        delete(flows)
        .where(flows.c.person_id == bindparam("person_id"), flows.c.chat_key == bindparam("chat_key"))
        .returning(flows.c.flow, flows.c.data_sealed, flows.c.expires_at)
    )


@cache
def _flow_upsert(dialect: str) -> Any:
    flows = _flows()
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(flows)
    changes = ("flow", "data_sealed", "expires_at")
    return statement.on_conflict_do_update(
        index_elements=[flows.c.person_id, flows.c.chat_key],
        set_={name: statement.excluded[name] for name in changes},
    )


@cache
def _flow_clear() -> Any:
    flows = _flows()
    return delete(flows).where(flows.c.person_id == bindparam("person_id"), flows.c.chat_key == bindparam("chat_key"))


class SqlEventLookup:
    """The core's per-event lookup: person, group, membership and pending flow in one query.

    Every event needs them, so they come in one round trip instead of four or five: a
    one-row anchor outer-joined to each table, so any of them may be missing. The two
    statements (group chat, direct chat) are built once and take the event's values as
    parameters, so SQLAlchemy's compiled cache serves every event after the first.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def resolve(self, person: PersonRef, chat: ChatRef, flow_key: str) -> Resolved:
        params = {
            "person_platform": str(person.platform),
            "user_id": person.user_id,
            "flow_key": flow_key,
        }
        if chat.is_group:
            query = _group_event_query()
            params |= {"chat_platform": str(chat.platform), "chat_id": chat.chat_id}
        else:
            query = _direct_event_query()
        row = tuple((await self._session.execute(query, params)).one())
        p, g, m = row[_EVENT_PERSON], row[_EVENT_GROUP], row[_EVENT_MEMBERSHIP]
        pending_flow, seen_elsewhere = row[_EVENT_REST]
        return Resolved(
            Person(p[0], Platform(p[1]), *p[2:]) if p[0] is not None else None,
            Group(g[0], Platform(g[1]), *g[2:]) if g[0] is not None else None,
            Membership(m[0], m[1], Role(m[2]), *m[3:]) if m[0] is not None else None,
            pending_flow,
            seen_elsewhere,
        )


#: The event lookup's columns, in the order of the domain classes' fields (read by position:
#: building the person, group and membership by name cost more than the query's own work).
_PERSON_FIELDS = ("id", "platform", "user_id", "display_name", "consented_at", "consent_version")
_GROUP_FIELDS = ("id", "platform", "chat_id", "title", "timezone", "language", "active", "created_at")
_MEMBERSHIP_FIELDS = ("person_id", "group_id", "role", "active", "joined_at", "last_seen_at")
_EVENT_PERSON = slice(0, len(_PERSON_FIELDS))
_EVENT_GROUP = slice(_EVENT_PERSON.stop, _EVENT_PERSON.stop + len(_GROUP_FIELDS))
_EVENT_MEMBERSHIP = slice(_EVENT_GROUP.stop, _EVENT_GROUP.stop + len(_MEMBERSHIP_FIELDS))
_EVENT_REST = slice(_EVENT_MEMBERSHIP.stop, None)  # pending flow, seen elsewhere


@cache
def _group_event_query() -> Select[Any]:
    """The event's person, the chat's group, the membership, and when the person was last
    seen in any other group (for the throttled ``last_seen_at`` write)."""
    people, groups, memberships = PersonRow.__table__, GroupRow.__table__, MembershipRow.__table__
    others = memberships.alias("others")
    joined = (
        _anchor()
        .outerjoin(people, _person_match())
        .outerjoin(
            groups,
            (groups.c.platform == bindparam("chat_platform")) & (groups.c.chat_id == bindparam("chat_id")),
        )
        .outerjoin(memberships, (memberships.c.person_id == people.c.id) & (memberships.c.group_id == groups.c.id))
    )
    seen_elsewhere = (
        select(func.max(others.c.last_seen_at))
        .where(others.c.person_id == people.c.id, others.c.group_id != groups.c.id, others.c.active == true())
        .correlate(people, groups)
        .scalar_subquery()
    )
    return _event_columns(seen_elsewhere).select_from(joined)


@cache
def _direct_event_query() -> Select[Any]:
    """The event's person and their most recently seen active membership and its group."""
    people, groups, memberships = PersonRow.__table__, GroupRow.__table__, MembershipRow.__table__
    others = memberships.alias("others")
    latest = (
        select(others.c.group_id)
        .where(others.c.person_id == people.c.id, others.c.active == true())
        .order_by(others.c.last_seen_at.desc(), others.c.group_id)
        .limit(1)
        .correlate(people)
        .scalar_subquery()
    )
    joined = (
        _anchor()
        .outerjoin(people, _person_match())
        .outerjoin(memberships, (memberships.c.person_id == people.c.id) & (memberships.c.group_id == latest))
        .outerjoin(groups, groups.c.id == memberships.c.group_id)
    )
    return _event_columns(null().cast(memberships.c.last_seen_at.type)).select_from(joined)


def _anchor() -> Subquery:
    return select(literal(1).label("one")).subquery("anchor")


def _person_match() -> ColumnElement[bool]:
    people = PersonRow.__table__
    return (people.c.platform == bindparam("person_platform")) & (people.c.user_id == bindparam("user_id"))


def _event_columns(seen_elsewhere: ColumnElement[Any]) -> Select[Any]:
    people, groups = PersonRow.__table__, GroupRow.__table__
    memberships, flows = MembershipRow.__table__, FlowRow.__table__
    pending_flow = (
        select(flows.c.flow)
        .where(flows.c.person_id == people.c.id, flows.c.chat_key == bindparam("flow_key"))
        .correlate(people)
        .scalar_subquery()
        .label("pending_flow")
    )
    return select(
        *(people.c[name].label(f"p_{name}") for name in _PERSON_FIELDS),
        *(groups.c[name].label(f"g_{name}") for name in _GROUP_FIELDS),
        *(memberships.c[name].label(f"m_{name}") for name in _MEMBERSHIP_FIELDS),
        pending_flow,
        seen_elsewhere.label("seen_elsewhere"),
    )
