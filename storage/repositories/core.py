"""Groups, people, memberships and pending flows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import ChatRef, Group, Membership, Person, PersonRef, Platform, Role
from bot.ports import PendingFlow
from storage.crypto import TextCipher
from storage.models.core import FlowRow, GroupRow, MembershipRow, PersonRow


def _group(row: GroupRow) -> Group:
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


def _person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        platform=Platform(row.platform),
        user_id=row.user_id,
        display_name=row.display_name,
        consented_at=row.consented_at,
        consent_version=row.consent_version,
    )


def _membership(row: MembershipRow) -> Membership:
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
        row = await self._session.get(MembershipRow, (membership.person_id, membership.group_id))
        if row is None:
            row = MembershipRow(person_id=membership.person_id, group_id=membership.group_id)
            self._session.add(row)
        row.role = str(membership.role)
        row.active = membership.active
        row.joined_at = membership.joined_at
        row.last_seen_at = membership.last_seen_at
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
    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    async def get(self, person_id: int, chat_key: str) -> PendingFlow | None:
        row = await self._session.get(FlowRow, (person_id, chat_key))
        if row is None:
            return None
        data = json.loads(self._cipher.open(row.data_sealed) or "{}")
        return PendingFlow(row.person_id, row.chat_key, row.flow, data, row.expires_at)

    async def put(self, flow: PendingFlow) -> None:
        await self.clear(flow.person_id, flow.chat_key)
        sealed = self._cipher.seal(json.dumps(flow.data, ensure_ascii=False)) or ""
        self._session.add(
            FlowRow(
                person_id=flow.person_id,
                chat_key=flow.chat_key,
                flow=flow.flow,
                data_sealed=sealed,
                expires_at=flow.expires_at,
            )
        )
        await self._session.flush()

    async def clear(self, person_id: int, chat_key: str) -> None:
        await self._session.execute(delete(FlowRow).where(FlowRow.person_id == person_id, FlowRow.chat_key == chat_key))
