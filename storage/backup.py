"""Consistent copies of a live database.

SQLite: the online backup API copies a database that is in use, page by page, into a new
file, so a backup taken while the bot runs is consistent. PostgreSQL has its own tools;
:data:`POSTGRES_HOWTO` says how to use them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

POSTGRES_HOWTO = """PostgreSQL is backed up with its own tools, while the bot runs:
  pg_dump --format=custom --file=iopbot-$(date +%F).dump "$DATABASE_URL"
and restored into an empty database with:
  pg_restore --clean --if-exists --dbname="$DATABASE_URL" iopbot-YYYY-MM-DD.dump
(use a plain postgresql:// URL without the +asyncpg part). Keep the encryption key with the dump."""


class BackupError(Exception):
    """The backup could not be made (the message says why)."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for other databases."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    return Path(parsed.database)


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy a live SQLite database to ``target`` with the online backup API; returns its size."""
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as check:
        result = check.execute("PRAGMA integrity_check").fetchone()
    if result is None or result[0] != "ok":
        raise BackupError("the copy failed its integrity check")
    return target.stat().st_size
