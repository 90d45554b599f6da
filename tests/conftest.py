"""Test databases: real SQLite and the real PostgreSQL server, never in-memory stand-ins.

Every test that asks for ``database_url`` runs twice, once per database. PostgreSQL tests
use one database created for this test run (and dropped after it); when no server answers
they are skipped with the reason, except under CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from storage.engine import make_engine
from storage.migrate import upgrade
from storage.models import Base
from tests.harness import Harness, start_harness

PG_HOST = os.environ.get("IOPBOT_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("IOPBOT_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("IOPBOT_TEST_PG_USER", "postgres")
PG_ADMIN_URL = f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


async def _create_pg_database(name: str) -> str | None:
    engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except (TimeoutError, OSError) as error:
        return f"PostgreSQL at {PG_HOST}:{PG_PORT} is not reachable ({type(error).__name__}: {error})"
    except Exception as error:  # a server that refuses us: report it, don't hide it
        return f"PostgreSQL at {PG_HOST}:{PG_PORT} refused to create a test database ({error})"
    finally:
        await engine.dispose()
    url = f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    migrated = make_engine(url)
    try:
        await upgrade(migrated)
    finally:
        await migrated.dispose()
    return None


async def _drop_pg_database(name: str) -> None:
    engine = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL of this test run's own PostgreSQL database (migrated to head)."""
    name = f"iopbot_test_{os.getpid()}_{secrets.token_hex(3)}"
    problem = asyncio.run(_create_pg_database(name))
    if problem is not None:
        if _in_ci():
            pytest.fail(f"CI must run the PostgreSQL tests: {problem}")
        pytest.skip(f"skipping PostgreSQL tests: {problem}")
    yield f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    asyncio.run(_drop_pg_database(name))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file; each test gets a copy (migrating once keeps the suite fast)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"

    async def migrate() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(migrate())
    return path


async def _truncate_all(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database: a fresh SQLite file, or the run's PostgreSQL database emptied."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "bot.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    url: str = request.getfixturevalue("postgres_database")
    asyncio.run(_truncate_all(url))
    yield url


@pytest.fixture
async def bot(database_url: str, tmp_path: Path) -> AsyncIterator[Harness]:
    """The whole bot on a real database with a recording messenger; ``coach`` is a facilitator."""
    harness = await start_harness(database_url, tmp_path / "data")
    try:
        yield harness
    finally:
        await harness.app.close()
