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

#: Rows fetched with the statement; more come in later trips to the connection's thread.
PREFETCH_ROWS = 256
#: How long a statement waits for another connection's write lock (SQLite's busy timeout).
BUSY_TIMEOUT_MS = 30_000


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine; SQLite gets WAL, foreign keys and a 30 s wait for locks on every connection.

    SQLite connections are aiosqlite connections that run statements on the event loop's
    thread and go to the connection's own thread only to wait for a lock (see
    :class:`_PrefetchingConnection`).
    """
    kwargs: dict[str, Any] = {"echo": echo}
    if not is_sqlite(url):
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
    cursor.close()


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (no lazy loads in async code)."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


# -- SQLite: statements on the event loop's thread, lock waits on the connection's ------------


def _connect_prefetching(dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> Any:
    """Connect as the aiosqlite dialect would, with a :class:`_PrefetchingConnection`."""
    return dialect.dbapi.connect(*cargs, async_creator_fn=_prefetching_connection, **cparams)


def _prefetching_connection(database: Any, *args: Any, **kwargs: Any) -> _PrefetchingConnection:
    # No busy handler on the connection itself (timeout 0): a statement that meets another
    # connection's lock fails at once on the loop's thread and waits on the connection's
    # thread instead (see _PrefetchingConnection.run). Both threads use the sqlite3
    # connection, one statement at a time.
    kwargs |= {"timeout": 0, "check_same_thread": False}
    connection = _PrefetchingConnection(partial(sqlite3.connect, database, *args, **kwargs), iter_chunk_size=64)
    connection._thread.daemon = True  # as SQLAlchemy's aiosqlite dialect does: never block exit
    return connection


class _PrefetchingConnection(aiosqlite.Connection):
    """An aiosqlite connection that runs each statement, commit and rollback on the event
    loop's thread, and uses its own thread only to wait for a lock.

    Why: SQLite answers a statement in microseconds, while a trip to the connection's thread
    (queue it, wake the thread, wake the event loop, hand the GIL back and forth) cost more
    than the statement itself, several times per event; on a busy machine each wake-up waits
    for a CPU. A statement that needs a lock another connection holds (another process
    writing, or another transaction of this process that awaits something between its
    statements) must not wait on the loop's thread: that would stop the bot, and could wait
    for a transaction that only the blocked loop can finish. So the connection has no busy
    handler: such a statement fails at once with SQLITE_BUSY, having changed nothing, and runs
    again on the connection's thread with a busy timeout of :data:`BUSY_TIMEOUT_MS`, as every
    statement did before. Commit and rollback skip SQLite when no transaction is open (an
    event that only read: SQLite starts a transaction at the first write).
    """

    def cursor(self) -> Any:  # SQLAlchemy awaits ``cursor().__aenter__()``
        return _PrefetchingCursor(self)

    async def commit(self) -> None:
        connection = self._connection
        if connection is None:
            await super().commit()  # raises as aiosqlite does for a closed connection
        elif connection.in_transaction:
            await self.run(sqlite3.Connection.commit)

    async def rollback(self) -> None:
        connection = self._connection
        if connection is None:
            await super().rollback()
        elif connection.in_transaction:
            await self.run(sqlite3.Connection.rollback)

    async def run(self, function: Callable[[sqlite3.Connection], _T]) -> _T:
        """``function(connection)`` here; on SQLITE_BUSY again on the connection's thread, waiting for the lock.

        Safe to repeat: SQLite reports SQLITE_BUSY before a statement changes anything, and a
        COMMIT that got it leaves the transaction open to be committed again.
        """
        connection = self._connection
        if connection is None or not self._running:
            raise ValueError("Connection closed")  # aiosqlite's words, which SQLAlchemy maps
        try:
            return function(connection)
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                raise
        return cast(_T, await self._execute(_patiently, connection, function))  # type: ignore[no-untyped-call]

    async def on_thread(self, function: Callable[[], _T]) -> _T:
        """Run ``function`` on the connection's thread (aiosqlite's queue, in order)."""
        return cast(_T, await self._execute(function))  # type: ignore[no-untyped-call]


def _patiently(connection: sqlite3.Connection, function: Callable[[sqlite3.Connection], _T]) -> _T:
    """On the connection's thread: ``function(connection)`` with a busy timeout, then none again."""
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        return function(connection)
    finally:
        connection.execute("PRAGMA busy_timeout=0")


class _PrefetchingCursor:
    """A DB-API cursor for SQLAlchemy's aiosqlite adapter that runs a statement in one call.

    aiosqlite's own cursor makes a trip to the connection's thread for creating the cursor,
    executing, fetching and closing. Here the statement runs, its first
    :data:`PREFETCH_ROWS` rows are fetched and (when that was all) the cursor is closed in
    one call, on the event loop's thread (see :class:`_PrefetchingConnection`); larger
    results (a streamed table copy) fetch the rest in trips to the connection's thread, so
    memory stays bounded.
    """

    arraysize = 1

    def __init__(self, connection: _PrefetchingConnection) -> None:
        self._connection = connection
        self._open: sqlite3.Cursor | None = None  # still has rows to fetch
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
        self._take(await self._connection.run(partial(_run, sql=sql, parameters=parameters, many=False)))
        return self

    async def executemany(self, sql: str, parameters: Any) -> _PrefetchingCursor:
        await self.close()
        self._take(await self._connection.run(partial(_run, sql=sql, parameters=parameters, many=True)))
        return self

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
        rows, still_open = await self._connection.on_thread(partial(_fetch, cursor, size))
        self._rows.extend(rows)
        self._open = cursor if still_open else None

    async def close(self) -> None:
        self._rows.clear()
        if self._open is not None:
            cursor, self._open = self._open, None
            await self._connection.on_thread(cursor.close)


def _run(
    connection: sqlite3.Connection, *, sql: str, parameters: Any, many: bool
) -> tuple[Any, int, int | None, list[Any], sqlite3.Cursor | None]:
    """Execute, fetch the first rows, close the cursor if that was all."""
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
    """On the connection's thread: the next rows; the cursor is closed once it has no more."""
    rows = cursor.fetchall() if size is None else cursor.fetchmany(size)
    if size is None or len(rows) < size:
        cursor.close()
        return rows, False
    return rows, True
