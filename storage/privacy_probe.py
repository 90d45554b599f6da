"""Find one encrypted value in the database (used by ``iop-bot doctor`` to test the key)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.models import Base


async def first_sealed_value(engine: AsyncEngine) -> str | None:
    """Any non-empty value of any ``*_sealed`` column, or None when nothing is encrypted yet."""
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not column.name.endswith("_sealed"):
                    continue
                value = await connection.scalar(select(column).where(column.is_not(None)).limit(1))
                if value:
                    return str(value)
    return None
