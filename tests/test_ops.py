"""Self-hosting commands: init, doctor (against the fakes), backup, db copy both ways."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from adapters.ops.doctor import run_checks
from adapters.ops.init import ConfigExists, InitAnswers, write_config
from bot.config import Settings, load_settings
from storage.backup import backup_sqlite
from storage.copy import CopyError, copy_database, row_counts
from storage.engine import make_engine
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.telegram_api import FakeTelegramApi
from tests.harness import start_harness

ROOT = Path(__file__).resolve().parent.parent


def _cli(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    clean.update(env)
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean,
        timeout=120,
    )


def test_init_writes_a_config_and_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    config = tmp_path / "iopbot.toml"
    data_dir = write_config(config, InitAnswers(timezone="europe/berlin"), force=False)
    settings = load_settings(config)
    assert settings.default_timezone == "Europe/Berlin"
    assert settings.data_dir == data_dir and data_dir.is_dir()
    assert config.stat().st_mode & 0o077 == 0
    with pytest.raises(ConfigExists):
        write_config(config, InitAnswers(), force=False)
    write_config(config, InitAnswers(timezone="UTC"), force=True)
    assert load_settings(config).default_timezone == "UTC"


def test_init_then_doctor_passes_from_nothing(tmp_path: Path) -> None:
    init = _cli(["init", "--yes", "--timezone", "America/New_York"], tmp_path)
    assert init.returncode == 0, init.stderr
    again = _cli(["init", "--yes"], tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr
    doctor = _cli(["--config", "iopbot.toml", "doctor"], tmp_path)
    assert doctor.returncode == 0, doctor.stdout
    assert doctor.stdout.count("ok  ") == 6


async def test_doctor_checks_telegram_and_discord_tokens_against_the_fakes(tmp_path: Path) -> None:
    async with FakeTelegramApi() as telegram, FakeDiscord(token="discord-test-token") as discord:
        good = Settings(
            data_dir=tmp_path,
            telegram_token=telegram.token,
            telegram_api_url=telegram.url,
            discord_token="discord-test-token",
            discord_api_url=discord.api_url,
        )
        results = {result.name: result for result in await run_checks(good)}
        assert results["telegram"].ok and "@iop_test_bot" in results["telegram"].detail
        assert results["discord"].ok
        bad = Settings(
            data_dir=tmp_path,
            telegram_token="1:wrong",
            telegram_api_url=telegram.url,
            discord_token="wrong",
            discord_api_url=discord.api_url,
        )
        results = {result.name: result for result in await run_checks(bad)}
        assert not results["telegram"].ok and "BotFather" in results["telegram"].detail
        assert not results["discord"].ok


async def test_doctor_flags_an_unmigrated_database_a_wrong_key_and_a_bad_webhook(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, telegram_webhook_url="http://example.org/hook")
    results = {result.name: result for result in await run_checks(settings)}
    assert not results["database"].ok and "db upgrade" in results["database"].detail
    assert not results["webhook"].ok and "https" in results["webhook"].detail

    harness = await start_harness(f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}", tmp_path)
    await harness.join("alice")
    async with harness.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(harness.messenger.platform, "alice")
        assert person is not None
        from bot.ports import PendingFlow

        await uow.flows.put(PendingFlow(person.id, "k", "f", {"note": "secret"}, harness.clock.now()))
        await uow.commit()
    await harness.app.close()
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    right = {r.name: r for r in await run_checks(Settings(data_dir=tmp_path, database_url=url))}
    assert right["encryption key"].ok and "reads the stored data" in right["encryption key"].detail
    other_key = Fernet.generate_key().decode()
    wrong = {
        r.name: r for r in await run_checks(Settings(data_dir=tmp_path, database_url=url, encryption_key=other_key))
    }
    assert not wrong["encryption key"].ok and "does NOT match" in wrong["encryption key"].detail


async def test_backup_copies_a_live_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    harness = await start_harness(f"sqlite+aiosqlite:///{path}", tmp_path)
    for name in ("alice", "bob", "carol"):
        await harness.join(name)
    target = tmp_path / "copy.sqlite3"
    size = backup_sqlite(path, target)  # the bot still has the database open
    await harness.app.close()
    assert size > 0
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM people").fetchone() == (3,)


def test_backup_command_explains_postgres_and_refuses_to_overwrite(tmp_path: Path) -> None:
    pg = _cli(["backup", str(tmp_path / "x")], tmp_path, IOPBOT_DATABASE_URL="postgresql+asyncpg://u@h/db")
    assert pg.returncode == 0 and "pg_dump" in pg.stdout
    (tmp_path / "exists.sqlite3").write_text("")
    _cli(["db", "upgrade"], tmp_path, IOPBOT_DATA_DIR=str(tmp_path / "d"))
    refused = _cli(["backup", str(tmp_path / "exists.sqlite3")], tmp_path, IOPBOT_DATA_DIR=str(tmp_path / "d"))
    assert refused.returncode == 1 and "exists already" in refused.stderr


@pytest.mark.postgres
async def test_db_copy_moves_everything_sqlite_to_postgres_and_back(tmp_path: Path, postgres_database: str) -> None:
    from tests.conftest import _truncate_all

    await _truncate_all(postgres_database)
    sqlite_url = f"sqlite+aiosqlite:///{tmp_path / 'a.sqlite3'}"
    harness = await start_harness(sqlite_url, tmp_path)
    for name in ("alice", "bob"):
        await harness.join(name)
    await harness.say("coach", "/timezone Europe/Berlin")
    await harness.app.close()

    source, postgres = make_engine(sqlite_url), make_engine(postgres_database)
    back = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        original = await row_counts(source)
        assert await copy_database(source, postgres) == original
        assert await copy_database(postgres, back) == original
        assert original["people"] == 2 and original["groups"] == 1
        with pytest.raises(CopyError):
            await copy_database(source, postgres)
    finally:
        for engine in (source, postgres, back):
            await engine.dispose()

    # the copied PostgreSQL database keeps working: new rows get fresh ids
    moved = await start_harness(postgres_database, tmp_path / "pg")
    await moved.join("carol")
    async with moved.app.uow_factory() as uow:
        carol = await uow.people.by_platform_id(moved.messenger.platform, "carol")
        assert carol is not None and carol.id == 3
    await moved.app.close()
    await _truncate_all(postgres_database)
