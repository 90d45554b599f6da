"""Developer tool: write a new migration from the difference between models and schema.

``python -m storage.migrations.autogen "what changed"`` migrates a scratch SQLite database
to head and autogenerates the next revision into ``versions/``. Review the file before
committing it.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy.engine import Connection

from storage.engine import make_engine
from storage.migrate import alembic_config, upgrade


async def autogenerate(message: str, revision_id: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite+aiosqlite:///{Path(folder) / 'scratch.sqlite3'}")
        await upgrade(engine)

        def run(connection: Connection) -> None:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True, rev_id=revision_id)

        async with engine.begin() as connection:
            await connection.run_sync(run)
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(autogenerate(sys.argv[1] if len(sys.argv) > 1 else "schema change", *sys.argv[2:3]))
