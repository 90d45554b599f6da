"""SQLite statements run on the event loop's thread, but never wait for a lock there.

A statement that meets another connection's lock (another process writing, or another
transaction of this process that awaits something before it commits) must wait on the
connection's own thread while the event loop goes on, and then succeed, as it did when every
statement ran on that thread.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.engine import make_engine, make_sessionmaker


async def _engine(tmp_path: Path) -> AsyncEngine:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'locks.sqlite3'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"))
    return engine


async def _insert(engine: AsyncEngine, body: str) -> None:
    async with make_sessionmaker(engine)() as session:
        await session.execute(text("INSERT INTO notes (body) VALUES (:body)"), {"body": body})
        await session.commit()


async def _bodies(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(text("SELECT body FROM notes ORDER BY id"))).scalars())


async def _let_others_run(times: int = 20) -> int:
    """Yield to the event loop ``times`` times; returns how many turns it got (all, if it isn't stuck)."""
    turns = 0
    for _ in range(times):
        await asyncio.sleep(0)
        turns += 1
    return turns


async def test_a_write_waits_for_another_process_lock_without_stopping_the_loop(tmp_path: Path) -> None:
    engine = await _engine(tmp_path)
    other = sqlite3.connect(tmp_path / "locks.sqlite3", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        other.execute("INSERT INTO notes (body) VALUES ('first')")
        writing = asyncio.create_task(_insert(engine, "second"))
        assert await _let_others_run() == 20
        assert not writing.done(), "the write should be waiting for the lock"
        other.execute("COMMIT")
        await writing
        assert await _bodies(engine) == ["first", "second"]
    finally:
        other.close()
        await engine.dispose()


async def test_a_transaction_of_this_process_that_awaits_holding_the_lock_is_not_deadlocked(tmp_path: Path) -> None:
    """Transaction A writes, then awaits something else (a message being sent); B writes meanwhile.

    If B waited for the lock on the loop's thread, A could never resume to commit.
    """
    engine = await _engine(tmp_path)
    sessions = make_sessionmaker(engine)
    a_wrote, a_may_commit = asyncio.Event(), asyncio.Event()

    async def transaction_a() -> None:
        async with sessions() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('from a')"))
            a_wrote.set()
            await a_may_commit.wait()
            await session.commit()

    try:
        a = asyncio.create_task(transaction_a())
        await a_wrote.wait()
        b = asyncio.create_task(_insert(engine, "from b"))
        assert await _let_others_run() == 20
        assert not b.done(), "B should be waiting for A's lock"
        a_may_commit.set()
        await asyncio.gather(a, b)
        assert await _bodies(engine) == ["from a", "from b"]
    finally:
        await engine.dispose()


async def test_reads_and_a_rolled_back_write_leave_no_transaction_open(tmp_path: Path) -> None:
    """Reads commit nothing; a rollback after a write undoes it; the next writer isn't blocked."""
    engine = await _engine(tmp_path)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('undone')"))
            await session.rollback()
        async with sessions() as session:
            assert list((await session.execute(text("SELECT count(*) FROM notes"))).scalars()) == [0]
            await session.commit()
        other = sqlite3.connect(tmp_path / "locks.sqlite3", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # would fail at once if a transaction were left open
            other.execute("ROLLBACK")
        finally:
            other.close()
    finally:
        await engine.dispose()
