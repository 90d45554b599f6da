"""Engine and session factories: built by the composition root, never at import time."""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Any, TypeVar, cast

import aiosqlite
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

_T = TypeVar("_T")

#: Rows fetched in the same trip to the SQLite thread as the statement; more come in later trips.
PREFETCH_ROWS = 256


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    SQLite connections are aiosqlite connections whose cursors run a statement in one trip to
    the connection's thread (see :class:`_PrefetchingCursor`).
    """
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "do_connect", _connect_prefetching)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (no lazy loads in async code)."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


# -- SQLite: one thread trip per statement ------------------------------------------------


def _connect_prefetching(dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
    """Connect as the aiosqlite dialect would, with a :class:`_PrefetchingConnection`."""
    return dialect.dbapi.connect(*cargs, async_creator_fn=_prefetching_connection, **cparams)


def _prefetching_connection(database: Any, *args: Any, **kwargs: Any) -> _PrefetchingConnection:
    connection = _PrefetchingConnection(partial(sqlite3.connect, database, *args, **kwargs), iter_chunk_size=64)
    connection._thread.daemon = True  # as SQLAlchemy's aiosqlite dialect does: never block exit
    return connection


class _PrefetchingConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors prefetch (see :class:`_PrefetchingCursor`), and
    whose commit and rollback skip the trip to the SQLite thread when no transaction is open
    (an event that only read: SQLite starts a transaction at the first write)."""

    def cursor(self) -> Any:  # SQLAlchemy awaits ``cursor().__aenter__()``
        return _PrefetchingCursor(self)

    async def commit(self) -> None:
        if self._transaction_open():
            await super().commit()

    async def rollback(self) -> None:
        if self._transaction_open():
            await super().rollback()

    def _transaction_open(self) -> bool:
        """sqlite3's flag; safe to read here, since statements on this connection are awaited
        one at a time. True when closed, so the base class reports that as before."""
        connection = self._connection
        return connection is None or connection.in_transaction


class _PrefetchingCursor:
    """A DB-API cursor for SQLAlchemy's aiosqlite adapter that costs one thread trip per statement.

    aiosqlite's own cursor makes a trip to the connection's thread for creating the cursor,
    executing, fetching and closing: four trips, each waking the thread and the event loop,
    for a statement SQLite runs in microseconds. Here the statement runs, its first
    :data:`PREFETCH_ROWS` rows are fetched and (when that was all) the cursor is closed in
    one trip; larger results (a streamed table copy) fetch the rest in further trips, so
    memory stays bounded.
    """

    arraysize = 1

    def __init__(self, connection: _PrefetchingConnection) -> None:
        self._connection = connection
        self._open: sqlite3.Cursor | None = None  # still has rows on the SQLite thread
        self._rows: deque[Any] = deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    async def __aenter__(self) -> _PrefetchingCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Any = None) -> _PrefetchingCursor:
        await self.close()
        self._take(await self._on_thread(partial(_run, self._connection._conn, sql, parameters, many=False)))
        return self

    async def executemany(self, sql: str, parameters: Any) -> _PrefetchingCursor:
        await self.close()
        self._take(await self._on_thread(partial(_run, self._connection._conn, sql, parameters, many=True)))
        return self

    async def _on_thread(self, function: Callable[[], _T]) -> _T:
        """Run ``function`` on the connection's SQLite thread (aiosqlite's queue, in order)."""
        return cast(_T, await self._connection._execute(function))  # type: ignore[no-untyped-call]

    def _take(self, result: tuple[Any, int, int | None, list[Any], sqlite3.Cursor | None]) -> None:
        self.description, self.rowcount, self.lastrowid, rows, self._open = result
        self._rows = deque(rows)

    async def fetchone(self) -> Any:
        if not self._rows:
            await self._more(PREFETCH_ROWS)
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        wanted = size or self.arraysize
        if len(self._rows) < wanted:
            await self._more(max(wanted - len(self._rows), PREFETCH_ROWS))
        return [self._rows.popleft() for _ in range(min(wanted, len(self._rows)))]

    async def fetchall(self) -> list[Any]:
        if self._open is not None:
            await self._more(None)
        rows = list(self._rows)
        self._rows.clear()
        return rows

    async def __aiter__(self) -> AsyncIterator[Any]:
        while (row := await self.fetchone()) is not None:
            yield row

    async def _more(self, size: int | None) -> None:
        """Fetch ``size`` more rows (all when None) on the SQLite thread; close when exhausted."""
        if self._open is None:
            return
        cursor, self._open = self._open, None
        rows, still_open = await self._on_thread(partial(_fetch, cursor, size))
        self._rows.extend(rows)
        self._open = cursor if still_open else None

    async def close(self) -> None:
        self._rows.clear()
        if self._open is not None:
            cursor, self._open = self._open, None
            await self._on_thread(cursor.close)


def _run(
    connection: sqlite3.Connection, sql: str, parameters: Any, *, many: bool
) -> tuple[Any, int, int | None, list[Any], sqlite3.Cursor | None]:
    """On the SQLite thread: execute, fetch the first rows, close the cursor if that was all."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        elif parameters is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql, parameters)
        rows = cursor.fetchmany(PREFETCH_ROWS) if cursor.description else []
    except BaseException:
        cursor.close()
        raise
    exhausted = len(rows) < PREFETCH_ROWS
    result = (cursor.description, cursor.rowcount, cursor.lastrowid, rows, None if exhausted else cursor)
    if exhausted:
        cursor.close()
    return result


def _fetch(cursor: sqlite3.Cursor, size: int | None) -> tuple[list[Any], bool]:
    """On the SQLite thread: the next rows; the cursor is closed once it has no more."""
    rows = cursor.fetchall() if size is None else cursor.fetchmany(size)
    if size is None or len(rows) < size:
        cursor.close()
        return rows, False
    return rows, True
