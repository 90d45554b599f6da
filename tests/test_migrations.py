"""Migrations run on both databases and match the models exactly."""

from __future__ import annotations

from storage.engine import make_engine
from storage.migrate import check_drift, current_revision, head_revision, upgrade


async def test_models_and_migrations_do_not_drift(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert await current_revision(engine) == head_revision()
        assert await check_drift(engine) == []
    finally:
        await engine.dispose()


async def test_upgrade_twice_is_harmless(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        await upgrade(engine)
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


async def test_single_migration_head() -> None:
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
