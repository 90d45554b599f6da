"""Copy every row from one database to another (``iop-bot db copy --to URL``).

Used to move from SQLite to PostgreSQL (or back). The target is migrated to the same
revision first and must be empty; rows are copied table by table in dependency order, in
batches, inside one transaction on the target, and the row counts are compared at the end.
Sealed text is copied as is, so the same encryption key keeps working.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.migrate import upgrade
from storage.models import Base

BATCH = 1000


class CopyError(Exception):
    """The copy was refused or failed; the target is left unchanged."""


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows per table, for every table in the models."""
    counts: dict[str, int] = {}
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = int(await connection.scalar(select(func.count()).select_from(table)) or 0)
    return counts


async def copy_database(
    source: AsyncEngine, target: AsyncEngine, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy all rows from ``source`` to an empty ``target``; returns the copied row counts."""
    await upgrade(source)
    await upgrade(target)
    if any((await row_counts(target)).values()):
        raise CopyError("the target database is not empty; copy only into a new, empty database")
    async with source.connect() as reader, target.begin() as writer:
        for table in Base.metadata.sorted_tables:
            copied = await _copy_table(table, reader, writer)
            if progress is not None:
                progress(table.name, copied)
        if writer.dialect.name == "postgresql":
            await _reset_sequences(writer)
    source_counts, target_counts = await row_counts(source), await row_counts(target)
    if source_counts != target_counts:
        raise CopyError(f"row counts differ after the copy: {source_counts} vs {target_counts}")
    return target_counts


async def _copy_table(table: Table, reader: AsyncConnection, writer: AsyncConnection) -> int:
    copied = 0
    order = list(table.primary_key.columns) or list(table.columns)
    result = await reader.stream(select(table).order_by(*order))
    async for rows in result.mappings().partitions(BATCH):
        await writer.execute(insert(table), [dict(row) for row in rows])
        copied += len(rows)
    return copied


async def _reset_sequences(writer: AsyncConnection) -> None:
    """After inserting explicit ids, move PostgreSQL sequences past the largest id."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (column.autoincrement == "auto" and len(table.primary_key.columns) == 1):
                if not str(column.type).upper().startswith(("INT", "BIGINT", "SMALLINT")):
                    continue
                sequence = await writer.scalar(select(func.pg_get_serial_sequence(table.name, column.name)))
                if sequence:
                    maximum = await writer.scalar(select(func.coalesce(func.max(column), 0)))
                    await writer.execute(
                        text("SELECT setval(CAST(:sequence AS regclass), :value, :called)"),
                        {"sequence": sequence, "value": max(int(maximum or 0), 1), "called": bool(maximum)},
                    )
