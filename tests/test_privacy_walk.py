"""The privacy conventions of ``storage.privacy``, enforced over every mapped table.

Also home to the database walks the other privacy tests share: they read every table of
``Base.metadata`` directly, so a table a feature adds later is covered without editing here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select

from adapters.bootstrap import App
from storage.models import Base
from storage.privacy import (
    PEOPLE,
    SEALED_SUFFIX,
    message_columns,
    retention_column,
    retention_kept,
    schema_of,
    sealed_columns,
    unlinked_person_columns,
)
from tests.harness import Harness

#: Columns that change on every event without anyone changing anything.
VOLATILE = frozenset({"last_seen_at"})

Snapshot = dict[str, list[tuple[Any, ...]]]


async def all_rows(app: App, table: Table) -> list[dict[str, Any]]:
    async with app.engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(select(table))).mappings()]


async def snapshot(app: App, *, where: dict[str, object] | None = None) -> Snapshot:
    """Every row of every table (optionally only rows whose columns match ``where``)."""
    result: Snapshot = {}
    for table in Base.metadata.sorted_tables:
        if where and not all(name in table.c for name in where):
            continue
        rows = []
        for row in await all_rows(app, table):
            if where and any(row[name] != value for name, value in where.items()):
                continue
            rows.append(tuple(repr(value) for name, value in sorted(row.items()) if name not in VOLATILE))
        result[table.name] = sorted(rows)
    return result


def _references_people(table: Table, seen: frozenset[str] = frozenset()) -> list[tuple[str, Table, str]]:
    """(column, referenced table, referenced column) for each foreign key that leads to people."""
    found = []
    for fk in table.foreign_keys:
        target = fk.column.table
        if target.name == PEOPLE or (target.name not in seen and _references_people(target, seen | {table.name})):
            found.append((fk.parent.name, target, fk.column.name))
    return found


async def rows_about(app: App, person_id: int) -> dict[str, int]:
    """For every table, how many rows lead to ``people.id == person_id`` through foreign keys.

    Written independently of ``storage.privacy`` (Python-side, over all rows) so that it can
    catch that module's mistakes.
    """
    ids: dict[str, set[object]] = {PEOPLE: {person_id}}
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:  # parents before children
        if table.name == PEOPLE:
            rows = [row for row in await all_rows(app, table) if row["id"] == person_id]
            counts[PEOPLE] = len(rows)
            continue
        links = _references_people(table)
        if not links:
            continue
        about = []
        for row in await all_rows(app, table):
            for column, target, target_column in links:
                parents = ids.get(target.name, set()) if target_column == "id" or target.name == PEOPLE else set()
                if row[column] is not None and row[column] in parents:
                    about.append(row)
                    break
        counts[table.name] = len(about)
        if "id" in table.c:
            ids[table.name] = {row["id"] for row in about}
    return {name: count for name, count in counts.items() if count}


async def opened_texts(bot: Harness) -> list[str]:
    """Every sealed value in the database, decrypted."""
    cipher = bot.app.uow_factory.cipher
    texts = []
    for table in Base.metadata.sorted_tables:
        sealed = [column.name for column in sealed_columns(table)]
        if not sealed:
            continue
        for row in await all_rows(bot.app, table):
            texts += [cipher.open(row[name]) or "" for name in sealed if row[name] is not None]
    return texts


# -- the conventions ------------------------------------------------------------------------


def test_every_table_with_free_text_has_a_retention_timestamp_or_a_reason_to_keep_it() -> None:
    missing = [
        table.name
        for table in Base.metadata.sorted_tables
        if sealed_columns(table) and retention_column(table) is None and retention_kept(table) is None
    ]
    assert missing == []


def test_every_column_that_looks_like_a_person_id_is_a_foreign_key_to_people() -> None:
    assert unlinked_person_columns(Base.metadata) == []


def test_every_reference_to_people_cascades_or_clears_on_delete() -> None:
    wrong = [
        f"{table.name}.{fk.parent.name} ({fk.ondelete})"
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == PEOPLE and (fk.ondelete or "").upper() not in {"CASCADE", "SET NULL"}
    ]
    assert wrong == []


def test_sealed_columns_are_unbounded_text() -> None:
    bounded = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in sealed_columns(table)
        if getattr(column.type, "length", None) is not None
    ]
    assert bounded == []


def test_the_check_in_note_and_its_card_follow_the_conventions() -> None:
    """Guards the walk itself: the tables we know about are found the way the rules say."""
    schema = schema_of(Base.metadata)
    checkins = Base.metadata.tables["checkins"]
    assert "checkins" in schema.routes
    assert any(len(route) == 2 for route in schema.routes["checkin_answers"])
    assert [column.name for column in sealed_columns(checkins)] == ["note" + SEALED_SUFFIX]
    assert [(chat.name, message.name) for chat, message in message_columns(checkins)] == [
        ("card_chat_id", "card_message_id")
    ]


def test_the_person_like_rule_catches_an_unlinked_author_column() -> None:
    from sqlalchemy import Column, Integer, MetaData, String

    metadata = MetaData()
    Table("people", metadata, Column("id", Integer, primary_key=True), Column("user_id", String))
    Table("notes", metadata, Column("id", Integer, primary_key=True), Column("author_id", Integer))
    assert unlinked_person_columns(metadata) == ["notes.author_id"]


async def test_every_sealed_value_in_the_database_is_a_fernet_token(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/checkin 3 a walk helped today")
    await bot.dm("alice", "what should I bring to my first session of group")
    for table in Base.metadata.sorted_tables:
        for column in sealed_columns(table):
            for row in await all_rows(bot.app, table):
                value = row[column.name]
                assert value is None or value.startswith("gAAAAA"), f"{table.name}.{column.name} holds plain text"
