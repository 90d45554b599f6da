"""At most N units of work open at once, first come first served, re-entrant per task.

No test here measures time: they count open units of work and record the order of entry,
and a generous ``wait_for`` only turns a deadlock into a failure instead of a hung run.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import ManualClock
from bot.config import Settings
from storage.crypto import TextCipher
from storage.engine import make_engine, make_sessionmaker
from storage.uow import (
    SQLITE_MAX_TRANSACTIONS,
    SqlUnitOfWork,
    SqlUnitOfWorkFactory,
    TransactionLimit,
    default_max_transactions,
)
from tests.harness import START, start_harness

#: Only so a deadlock fails the test instead of hanging the run; never reached when it works.
DEADLOCK_GUARD_S = 60.0


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


def _factory(engine: AsyncEngine, max_open: int) -> SqlUnitOfWorkFactory:
    return SqlUnitOfWorkFactory(
        make_sessionmaker(engine), TextCipher(Fernet.generate_key()), ManualClock(START), max_open=max_open
    )


async def _touch(uow: SqlUnitOfWork) -> None:
    """A statement, so the unit of work really holds a connection and a transaction."""
    assert (await uow.session.execute(text("SELECT 1"))).scalar_one() == 1


def _free_slots(factory: SqlUnitOfWorkFactory) -> int:
    return factory.limit._semaphore()._value


async def test_asyncio_semaphore_is_first_come_first_served() -> None:
    """What the limit relies on (CPython 3.11+): no barging past waiters, release wakes the first."""
    semaphore = asyncio.Semaphore(1)
    await semaphore.acquire()
    order: list[int] = []

    async def wait(index: int) -> None:
        async with semaphore:
            order.append(index)

    tasks = []
    for index in range(5):
        tasks.append(asyncio.create_task(wait(index)))
        await asyncio.sleep(0)
    semaphore.release()
    tasks.append(asyncio.create_task(wait(5)))  # arrives after the release: still last
    await asyncio.gather(*tasks)
    assert order == list(range(6))


async def test_default_limit_per_dialect(engine: AsyncEngine) -> None:
    expected = SQLITE_MAX_TRANSACTIONS if engine.dialect.name == "sqlite" else engine.sync_engine.pool.size() - 1  # type: ignore[attr-defined]
    assert default_max_transactions(engine) == expected
    factory = SqlUnitOfWorkFactory(make_sessionmaker(engine), TextCipher(Fernet.generate_key()), ManualClock(START))
    assert factory.limit.limit == expected
    assert expected >= 1


async def test_the_bot_is_built_with_the_limit(database_url: str, tmp_path: Path) -> None:
    harness = await start_harness(database_url, tmp_path / "data")
    try:
        assert harness.app.uow_factory.limit.limit == default_max_transactions(harness.app.engine)
        assert [sent.text for sent in await harness.say("alice", "/help")]
    finally:
        await harness.app.close()


async def test_iopbot_db_max_transactions_sets_the_limit(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IOPBOT_DB_MAX_TRANSACTIONS", "3")
    harness = await start_harness(database_url, tmp_path / "data")
    try:
        assert harness.app.settings.db_max_transactions == 3
        assert harness.app.uow_factory.limit.limit == 3
        assert [sent.text for sent in await harness.say("alice", "/help")]
    finally:
        await harness.app.close()


def test_iopbot_db_max_transactions_below_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOPBOT_DB_MAX_TRANSACTIONS", "0")
    with pytest.raises(ValidationError, match="db_max_transactions"):
        Settings()


@pytest.mark.parametrize("limit", [1, 3])
async def test_at_most_n_open_at_once(engine: AsyncEngine, limit: int) -> None:
    factory = _factory(engine, limit)
    open_now = 0
    most = 0
    entered = 0

    async def work() -> None:
        nonlocal open_now, most, entered
        async with factory() as uow:
            open_now += 1
            entered += 1
            most = max(most, open_now)
            await _touch(uow)
            for _ in range(3):
                await asyncio.sleep(0)
            assert open_now <= limit
            open_now -= 1

    await asyncio.wait_for(asyncio.gather(*(work() for _ in range(30))), DEADLOCK_GUARD_S)
    assert entered == 30
    assert most == limit
    assert _free_slots(factory) == limit


async def test_waiters_are_served_in_arrival_order(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)
    order: list[int] = []
    semaphore = factory.limit._semaphore()

    async def work(index: int) -> None:
        async with factory() as uow:
            order.append(index)
            await _touch(uow)

    held = asyncio.Event()
    let_go = asyncio.Event()

    async def hold() -> None:
        async with factory() as holder:
            await _touch(holder)
            held.set()
            await let_go.wait()

    # the holder is a task of its own: tasks made inside a unit of work would share its slot
    holding = asyncio.create_task(hold())
    await asyncio.wait_for(held.wait(), DEADLOCK_GUARD_S)
    tasks: list[asyncio.Task[None]] = []
    for index in range(12):
        tasks.append(asyncio.create_task(work(index)))
        # let this one reach the queue before the next one arrives
        for _ in range(1000):
            if len(semaphore._waiters or ()) == index + 1:
                break
            await asyncio.sleep(0)
        assert len(semaphore._waiters or ()) == index + 1
    let_go.set()
    await asyncio.wait_for(holding, DEADLOCK_GUARD_S)
    # a latecomer arriving while the queue is being served must not overtake it
    tasks.append(asyncio.create_task(work(12)))
    await asyncio.wait_for(asyncio.gather(*tasks), DEADLOCK_GUARD_S)
    assert order == list(range(13))
    assert _free_slots(factory) == 1


async def test_nested_units_of_work_in_one_task_do_not_deadlock(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)

    async def nested() -> list[str]:
        seen = []
        async with factory() as outer:
            await _touch(outer)
            async with factory() as inner:  # e.g. facilitators_of run while an event's is open
                await _touch(inner)
                async with factory() as innermost:
                    await _touch(innermost)
                    seen.append("innermost")
                seen.append("inner")
            # the inner one leaving must not give back the outer's slot
            assert _free_slots(factory) == 0
            await _touch(outer)
            seen.append("outer")
        return seen

    assert await asyncio.wait_for(nested(), DEADLOCK_GUARD_S) == ["innermost", "inner", "outer"]
    assert _free_slots(factory) == 1


async def test_a_task_awaited_inside_a_unit_of_work_may_open_one(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)

    async def child() -> int:
        async with factory() as uow:
            await _touch(uow)
            return 1

    async def parent() -> int:
        async with factory() as uow:
            await _touch(uow)
            # a task made inside, and gather's tasks, ride on the parent's slot while it holds it
            return await asyncio.create_task(child()) + sum(await asyncio.gather(child(), child()))

    assert await asyncio.wait_for(parent(), DEADLOCK_GUARD_S) == 3
    assert _free_slots(factory) == 1


async def test_a_task_left_running_queues_again_once_its_parent_is_done(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)
    release_child = asyncio.Event()
    child_entered = asyncio.Event()

    async def child() -> None:
        await release_child.wait()
        async with factory() as uow:
            child_entered.set()
            await _touch(uow)

    async with factory() as uow:
        await _touch(uow)
        task = asyncio.create_task(child())
    # the parent's slot is given back: the child (started inside) no longer rides on it
    async with factory() as other:
        release_child.set()
        for _ in range(20):
            await asyncio.sleep(0)
        assert not child_entered.is_set()
        await _touch(other)
    await asyncio.wait_for(task, DEADLOCK_GUARD_S)
    assert child_entered.is_set()
    assert _free_slots(factory) == 1


async def test_an_exception_inside_gives_the_slot_back(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)
    for _ in range(3):
        with pytest.raises(RuntimeError, match="boom"):
            async with factory() as uow:
                await _touch(uow)
                raise RuntimeError("boom")
        assert _free_slots(factory) == 1
    async with factory() as uow:
        await asyncio.wait_for(_touch(uow), DEADLOCK_GUARD_S)


async def test_a_cancelled_waiter_and_a_cancelled_holder_give_nothing_away(engine: AsyncEngine) -> None:
    factory = _factory(engine, 1)
    semaphore = factory.limit._semaphore()
    started = asyncio.Event()

    async def hold() -> None:
        async with factory() as uow:
            await _touch(uow)
            started.set()
            await asyncio.Event().wait()

    async def wait_in_queue() -> None:
        async with factory():
            pytest.fail("entered while the slot was held")

    holder = asyncio.create_task(hold())
    await started.wait()
    waiter = asyncio.create_task(wait_in_queue())
    for _ in range(1000):
        if semaphore._waiters:
            break
        await asyncio.sleep(0)
    assert semaphore._waiters
    waiter.cancel()
    holder.cancel()
    for task in (waiter, holder):
        with pytest.raises(asyncio.CancelledError):
            await task
    assert _free_slots(factory) == 1
    async with factory() as uow:
        await asyncio.wait_for(_touch(uow), DEADLOCK_GUARD_S)


def test_a_unit_of_work_entered_again_takes_a_slot_each_time() -> None:
    limit = TransactionLimit(1)

    async def run() -> None:
        async with SqlUnitOfWork(_NoSessions(), TextCipher(Fernet.generate_key()), ManualClock(START), limit) as uow:  # type: ignore[arg-type]
            assert limit._semaphore()._value == 0
        assert limit._semaphore()._value == 1
        async with uow:
            assert limit._semaphore()._value == 0
        assert limit._semaphore()._value == 1

    asyncio.run(run())


def test_no_limit_and_bad_limits() -> None:
    assert TransactionLimit(None).limit is None
    with pytest.raises(ValueError):
        TransactionLimit(0)


class _NoSessions:
    """A sessionmaker stand-in whose sessions never hold a transaction."""

    def __call__(self) -> _NoSession:
        return _NoSession()


class _NoSession:
    def in_transaction(self) -> bool:
        return False

    async def close(self) -> None:
        return None
