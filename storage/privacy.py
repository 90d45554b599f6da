"""Export, erasure and retention over every table, by walking ``Base.metadata``.

Features add tables all the time; a hand-kept list of "tables with personal data" would miss
the next one. So privacy follows conventions that every table must keep (the tests in
``tests/test_privacy_conventions.py`` fail when one doesn't):

1. **About a person.** A row is about a person iff it has a foreign key to ``people.id``
   (``person_id``, ``supporter_id``, ...), directly or through parent rows that do (up to
   :data:`MAX_DEPTH` hops: a check-in's answers are about the check-in's author). Every
   column that holds a person's id is such a foreign key; a column named like one
   (``*person_id``, ``author_id``, ``user_id``, ``acknowledged_by``...) without it is an error, unless it
   holds a platform user id and says so with ``info={"person_key": "user_id"}`` (a crisis alert
   about someone who never consented): such columns are matched against the person's user id.
2. **Deleting a person.** Every reference to ``people.id`` is ``ON DELETE CASCADE`` or
   ``ON DELETE SET NULL``. /forget deletes every row about the person explicitly (children
   first, so it never depends on the database's cascades), except where the first hop is
   declared ``SET NULL``: that row belongs to someone else and only the reference is cleared.
   Likewise a nullable ``person_key`` column is cleared and a NOT NULL one deletes its row.
3. **Free text.** Columns whose name ends in ``_sealed`` hold Fernet tokens (see
   ``storage.crypto``); everything else is not free text people wrote.
4. **Retention.** A table with sealed columns has a retention timestamp: the column named in
   ``__table_args__`` ``info={"retention_column": ...}``, else ``created_at``, else its only
   non-null :class:`UtcDateTime` column. Rows older than the retention period lose their
   sealed text (set to NULL), or the whole row when a sealed column is NOT NULL. A table may
   opt out with ``info={"retention": "keep", "retention_reason": ...}`` (or an entry in
   :data:`RETENTION_KEPT`) when the text is configuration rather than something a person wrote
   about themselves.
5. **Posted messages.** A row about a person that has a ``<x>_chat_id`` and ``<x>_message_id``
   column pair records a message the bot posted for them (a group card); /forget blanks it.
6. **Other people in a row about you.** Other people's ids are left out of an export
   automatically (foreign keys and ``person_key`` columns); a column that names someone else in
   words (a facilitator's name on an alert) says ``info={"export": "omit"}`` and is left out too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Column, ColumnElement, CursorResult, MetaData, Table, delete, false, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.privacy.ports import Erasure, JsonValue, PersonData, PostedMessage
from storage.crypto import TextCipher
from storage.models.base import Base, UtcDateTime

PEOPLE = "people"
SEALED_SUFFIX = "_sealed"
MAX_DEPTH = 3

#: Tables whose sealed text is kept past the retention period, and why.
RETENTION_KEPT: dict[str, str] = {
    "prompt_schedules": "a facilitator's own words for a recurring schedule; deleted with the schedule",
    "safety_settings": "a group's crisis resources as its facilitators set them; configuration, not a person's words",
}

#: Column names that look like they hold a person's id (convention 1).
PERSON_LIKE = re.compile(
    r"(^|_)(person|author|user|supporter|member|facilitator|sender|owner|reporter|subject)_id$"
    r"|(^|_)(acknowledged|reported|written|authored|sent|supported|pressed|asked|created)_by$"
)


@dataclass(frozen=True, slots=True)
class Hop:
    """One foreign key step from a row towards ``people``."""

    column: Column[Any]
    target: Column[Any]
    ondelete: str


Route = tuple[Hop, ...]


@dataclass(frozen=True)
class PrivacySchema:
    """What the conventions say about one metadata, computed once."""

    metadata: MetaData
    routes: dict[str, tuple[Route, ...]]
    #: columns holding a platform user id (``info={"person_key": "user_id"}``), by table
    keys: dict[str, tuple[Column[Any], ...]]

    @property
    def people(self) -> Table:
        return self.metadata.tables[PEOPLE]

    def tables_about_people(self) -> list[Table]:
        """Tables holding rows about a person, parents before children."""
        return [table for table in self.metadata.sorted_tables if table.name in self.routes or table.name in self.keys]

    def about(self, table: Table, person_id: int, user_id: str, *, direct_only: bool = False) -> ColumnElement[bool]:
        """Rows of ``table`` about the person: along a foreign-key route, or by a NOT NULL user id key."""
        routes = [route for route in self.routes.get(table.name, ()) if len(route) == 1 or not direct_only]
        conditions = [_about(route, person_id) for route in routes]
        conditions += [column == user_id for column in self.keys.get(table.name, ()) if not column.nullable]
        return or_(false(), *conditions)


@cache
def schema_of(metadata: MetaData = Base.metadata) -> PrivacySchema:
    """Every table's foreign-key routes to ``people.id`` (convention 1)."""
    routes: dict[str, tuple[Route, ...]] = {}
    for table in metadata.sorted_tables:
        if table.name == PEOPLE:
            continue
        found: list[Route] = []
        for fk in sorted(table.foreign_keys, key=lambda item: item.parent.name):
            hop = Hop(fk.parent, fk.column, (fk.ondelete or "").upper())
            if fk.column.table.name == PEOPLE:
                found.append((hop,))
            else:
                parent_routes = routes.get(fk.column.table.name, ())
                found.extend((hop, *route) for route in parent_routes if len(route) < MAX_DEPTH)
        if found:
            routes[table.name] = tuple(found)
    keys = {
        table.name: tuple(column for column in table.columns if column.info.get("person_key") == "user_id")
        for table in metadata.sorted_tables
    }
    return PrivacySchema(metadata, routes, {name: columns for name, columns in keys.items() if columns})


def sealed_columns(table: Table) -> list[Column[Any]]:
    """Free-text columns (convention 3)."""
    return [column for column in table.columns if column.name.endswith(SEALED_SUFFIX)]


def retention_kept(table: Table) -> str | None:
    """Why a table's text outlives the retention period, or None when it doesn't."""
    if table.info.get("retention") == "keep":
        return str(table.info.get("retention_reason", "")) or None
    return RETENTION_KEPT.get(table.name)


def retention_column(table: Table) -> Column[Any] | None:
    """The timestamp retention counts from (convention 4), or None when there is none."""
    named = table.info.get("retention_column")
    if named:
        return table.c[named]
    if "created_at" in table.c:
        return table.c["created_at"]
    stamps = [column for column in table.columns if isinstance(column.type, UtcDateTime) and not column.nullable]
    return stamps[0] if len(stamps) == 1 else None


def unlinked_person_columns(metadata: MetaData) -> list[str]:
    """``table.column`` for every person-like column without a foreign key to ``people.id``."""
    found = []
    for table in metadata.sorted_tables:
        if table.name == PEOPLE:
            continue
        for column in table.columns:
            linked = any(fk.column.table.name == PEOPLE for fk in column.foreign_keys) or "person_key" in column.info
            if PERSON_LIKE.search(column.name) and not linked:
                found.append(f"{table.name}.{column.name}")
    return found


def message_columns(table: Table) -> list[tuple[Column[Any], Column[Any]]]:
    """``(<x>_chat_id, <x>_message_id)`` pairs (convention 5)."""
    pairs = []
    for column in table.columns:
        if column.name.endswith("_message_id"):
            chat = table.c.get(column.name.removesuffix("_message_id") + "_chat_id")
            if chat is not None:
                pairs.append((chat, column))
    return pairs


def _about(route: Route, person_id: int) -> ColumnElement[bool]:
    """Rows reached from ``people.id == person_id`` along ``route``."""
    hop, *rest = route
    if not rest:
        return hop.column == person_id
    return hop.column.in_(select(hop.target).where(_about(tuple(rest), person_id)))


def _json(value: object) -> JsonValue:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


async def _changed(session: AsyncSession, statement: Any) -> int:
    result = cast(CursorResult[Any], await session.execute(statement))
    return int(result.rowcount or 0)


class SqlPrivacyRepository:
    """:class:`bot.privacy.ports.PrivacyRepository` over every mapped table."""

    def __init__(self, session: AsyncSession, cipher: TextCipher, metadata: MetaData = Base.metadata) -> None:
        self._session = session
        self._cipher = cipher
        self._schema = schema_of(metadata)

    # -- export ---------------------------------------------------------------------------

    async def export(self, person_id: int) -> PersonData:
        raw: dict[str, list[dict[str, Any]]] = {}
        people = self._schema.people
        raw[PEOPLE] = await self._rows(people, people.c["id"] == person_id)
        if not raw[PEOPLE]:
            return {}
        you = _You(person_id, str(raw[PEOPLE][0]["user_id"]))
        for table in self._schema.tables_about_people():
            rows = await self._rows(table, self._schema.about(table, you.person_id, you.user_id))
            if rows:
                raw[table.name] = rows
        exported = {value for name, rows in raw.items() for row in rows for value in _keys(name, row)}
        return {
            name: [self._clean(self._schema.metadata.tables[name], row, you, exported) for row in rows]
            for name, rows in sorted(raw.items())
        }

    async def _rows(self, table: Table, where: ColumnElement[bool]) -> list[dict[str, Any]]:
        statement = select(table).where(where).order_by(*table.primary_key.columns)
        return [dict(row) for row in (await self._session.execute(statement)).mappings()]

    def _clean(
        self, table: Table, row: dict[str, Any], you: _You, exported: set[tuple[str, str, object]]
    ) -> dict[str, JsonValue]:
        """Leave out other people's ids, links to their rows, and text that is theirs."""
        cleaned = dict(row)
        others = mine = False
        for column in self._schema.keys.get(table.name, ()):
            if cleaned[column.name] is not None and cleaned[column.name] != you.user_id:
                cleaned[column.name] = None
        for fk in table.foreign_keys:
            name, target = fk.parent.name, fk.column
            value = cleaned[name]
            if value is None:
                continue
            if target.table.name == PEOPLE:
                mine = mine or value == you.person_id
                others = others or value != you.person_id
                keep = value == you.person_id
            else:
                about_people = target.table.name in self._schema.routes or target.table.name in self._schema.keys
                keep = not about_people or (target.table.name, target.name, value) in exported
            if not keep:
                cleaned[name] = None
        omitted = {column.name for column in table.columns if column.info.get("export") == "omit"}
        result: dict[str, JsonValue] = {}
        for name, value in cleaned.items():
            if name in omitted:
                continue
            if name.endswith(SEALED_SUFFIX):
                text = None if (others and not mine) else self._cipher.open(value)
                result[name.removesuffix(SEALED_SUFFIX)] = text
            else:
                result[name] = _json(value)
        return result

    # -- erasure --------------------------------------------------------------------------

    async def erase(self, person_id: int) -> Erasure:
        people = self._schema.people
        user_id = await self._session.scalar(select(people.c["user_id"]).where(people.c["id"] == person_id))
        if user_id is None:
            return Erasure(0, 0, ())
        messages = await self._posted(person_id, str(user_id))
        deleted = cleared = 0
        for table in reversed(self._schema.tables_about_people()):
            for column in self._schema.keys.get(table.name, ()):
                if column.nullable:
                    statement: Any = update(table).where(column == str(user_id)).values({column.name: None})
                    cleared += await _changed(self._session, statement)
                else:
                    deleted += await _changed(self._session, delete(table).where(column == str(user_id)))
            for route in self._schema.routes.get(table.name, ()):
                first = route[0]
                where = _about(route, person_id)
                if first.ondelete == "SET NULL" and first.column.nullable:
                    cleared += await _changed(
                        self._session, update(table).where(where).values({first.column.name: None})
                    )
                else:
                    deleted += await _changed(self._session, delete(table).where(where))
        deleted += await _changed(self._session, delete(people).where(people.c["id"] == person_id))
        return Erasure(deleted, cleared, messages)

    async def _posted(self, person_id: int, user_id: str) -> tuple[PostedMessage, ...]:
        found: list[PostedMessage] = []
        for table in self._schema.tables_about_people():
            mine = self._schema.about(table, person_id, user_id, direct_only=True)
            for chat, message in message_columns(table):
                statement = select(chat, message).where(mine, chat.is_not(None), message.is_not(None))
                for chat_id, message_id in await self._session.execute(statement):
                    found.append(PostedMessage(str(chat_id), str(message_id)))
        return tuple(dict.fromkeys(found))

    # -- retention ------------------------------------------------------------------------

    async def purge_text(self, before: datetime) -> int:
        changed = 0
        for table in self._schema.metadata.sorted_tables:
            sealed = sealed_columns(table)
            stamp = retention_column(table)
            if not sealed or stamp is None or retention_kept(table) is not None:
                continue
            if all(column.nullable for column in sealed):
                holding = or_(*(column.is_not(None) for column in sealed))
                blank = {column.name: None for column in sealed}
                changed += await _changed(self._session, update(table).where(stamp < before, holding).values(blank))
            else:
                changed += await _changed(self._session, delete(table).where(stamp < before))
        return changed


@dataclass(frozen=True, slots=True)
class _You:
    """The person being exported: their ``people.id`` and platform user id."""

    person_id: int
    user_id: str


def _keys(table: str, row: dict[str, Any]) -> Iterable[tuple[str, str, object]]:
    return ((table, name, value) for name, value in row.items())


__all__ = [
    "MAX_DEPTH",
    "PEOPLE",
    "RETENTION_KEPT",
    "PrivacySchema",
    "SqlPrivacyRepository",
    "message_columns",
    "retention_column",
    "retention_kept",
    "schema_of",
    "sealed_columns",
    "unlinked_person_columns",
]
