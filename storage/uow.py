"""The unit of work: one session and one transaction per event or job."""

from __future__ import annotations

import asyncio
import weakref
from contextvars import ContextVar
from datetime import datetime
from functools import cached_property
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.ports import Clock
from storage.crypto import TextCipher
from storage.privacy import SqlPrivacyRepository
from storage.repositories.checkins import (
    SqlCheckInRepository,
    SqlCheckInSettingsRepository,
    SqlQuestionRepository,
    SqlSupportRepository,
)
from storage.repositories.core import (
    SqlEventLookup,
    SqlFlowRepository,
    SqlGroupRepository,
    SqlMembershipRepository,
    SqlPersonRepository,
)
from storage.repositories.delivery import SqlDeliveryRepository
from storage.repositories.faq import SqlFaqRepository
from storage.repositories.prompts import (
    SqlPromptCalendarRepository,
    SqlScheduleRepository,
    SqlSkillActivityRepository,
)
from storage.repositories.safety import SqlSafetyRepository

#: Open units of work allowed at once when nobody says: SQLite has one writer, and its
#: statements take microseconds, so waiting in a fair queue beats its busy handler (the second
#: slot lets a reader, or a facilitator lookup on the network, not stall everyone).
SQLITE_MAX_TRANSACTIONS = 2
#: PostgreSQL: the pool's size less one, so a connection stays free for pre-pings and jobs.
POSTGRES_MAX_TRANSACTIONS_FLOOR = 1


class _Slot:
    """One place among the open units of work, held from ``__aenter__`` to ``__aexit__``."""

    __slots__ = ("held",)

    def __init__(self) -> None:
        self.held = True


#: The slot the current task (or the task that created it, while it still holds it) holds.
_held: ContextVar[_Slot | None] = ContextVar("iopbot_uow_slot", default=None)


class TransactionLimit:
    """At most ``limit`` units of work open at once; waiters are served first come, first served.

    asyncio.Semaphore is FIFO (CPython 3.11: ``acquire`` queues behind any waiter and
    ``release`` hands the slot to the first one). Re-entrant per task: a unit of work opened
    while the same task already holds a slot (a callback run inside another unit of work) takes
    no second slot, so nesting can't deadlock, even at a limit of 1. Tasks started inside a
    unit of work inherit its slot until it is given back (a parent awaiting them can't deadlock
    either). One semaphore per event loop, so a factory outlives a loop (tests) safely.
    """

    def __init__(self, limit: int | None) -> None:
        if limit is not None and limit < 1:
            raise ValueError("the limit on open units of work must be at least 1 (or None)")
        self.limit = limit
        self._semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.get(loop)
        if semaphore is None:
            assert self.limit is not None
            semaphore = self._semaphores[loop] = asyncio.Semaphore(self.limit)
        return semaphore

    async def acquire(self) -> _Release | None:
        """Wait for a slot; what to call to give it back (None: nothing was taken)."""
        if self.limit is None:
            return None
        outer = _held.get()
        if outer is not None and outer.held:
            return None
        semaphore = self._semaphore()
        await semaphore.acquire()
        slot = _Slot()
        _held.set(slot)
        return _Release(semaphore, slot)


class _Release:
    """Gives a slot back once (the context variable may still name it: it no longer counts)."""

    __slots__ = ("_semaphore", "_slot")

    def __init__(self, semaphore: asyncio.Semaphore, slot: _Slot) -> None:
        self._semaphore = semaphore
        self._slot = slot

    def __call__(self) -> None:
        if self._slot.held:
            self._slot.held = False
            self._semaphore.release()


class SqlUnitOfWork:
    """``async with uow: ...; await uow.commit()``; leaving without commit rolls back.

    Holds one repository per feature, all sharing the session, so one transaction can
    touch several features atomically. Each repository is made when first used: an event
    uses two or three of the sixteen.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cipher: TextCipher,
        clock: Clock,
        limit: TransactionLimit | None = None,
    ) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock
        self._limit = limit
        self._release: _Release | None = None
        self._session: AsyncSession | None = None
        self._started = clock.now()

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._session

    @property
    def now(self) -> datetime:
        return self._clock.now()

    async def __aenter__(self) -> SqlUnitOfWork:
        if self._limit is not None:
            self._release = await self._limit.acquire()
        try:
            self._forget_repositories()
            self._session = self._sessions()
            self._started = self._clock.now()
        except BaseException:
            self._give_back()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if session.in_transaction():
                await session.rollback()
        finally:
            try:
                await session.close()
            finally:
                self._session = None
                self._forget_repositories()
                self._give_back()

    def _give_back(self) -> None:
        release, self._release = self._release, None
        if release is not None:
            release()

    def _forget_repositories(self) -> None:
        """Drop repositories bound to a previous session (a unit of work entered again)."""
        for name in _REPOSITORIES:
            self.__dict__.pop(name, None)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    @cached_property
    def groups(self) -> SqlGroupRepository:
        return SqlGroupRepository(self.session, self._started)

    @cached_property
    def people(self) -> SqlPersonRepository:
        return SqlPersonRepository(self.session)

    @cached_property
    def memberships(self) -> SqlMembershipRepository:
        return SqlMembershipRepository(self.session)

    @cached_property
    def flows(self) -> SqlFlowRepository:
        return SqlFlowRepository(self.session, self._cipher)

    @cached_property
    def events(self) -> SqlEventLookup:
        return SqlEventLookup(self.session)

    @cached_property
    def checkins(self) -> SqlCheckInRepository:
        return SqlCheckInRepository(self.session, self._cipher, self._started)

    @cached_property
    def checkin_support(self) -> SqlSupportRepository:
        return SqlSupportRepository(self.session)

    @cached_property
    def checkin_questions(self) -> SqlQuestionRepository:
        return SqlQuestionRepository(self.session)

    @cached_property
    def checkin_settings(self) -> SqlCheckInSettingsRepository:
        return SqlCheckInSettingsRepository(self.session)

    @cached_property
    def schedules(self) -> SqlScheduleRepository:
        return SqlScheduleRepository(self.session, self._cipher)

    @cached_property
    def skill_activity(self) -> SqlSkillActivityRepository:
        return SqlSkillActivityRepository(self.session)

    @cached_property
    def prompt_calendar(self) -> SqlPromptCalendarRepository:
        return SqlPromptCalendarRepository(self.session)

    @cached_property
    def faq(self) -> SqlFaqRepository:
        return SqlFaqRepository(self.session, self._cipher)

    @cached_property
    def deliveries(self) -> SqlDeliveryRepository:
        return SqlDeliveryRepository(self.session, self._cipher, self._started)

    @cached_property
    def safety(self) -> SqlSafetyRepository:
        return SqlSafetyRepository(self.session, self._cipher)

    @cached_property
    def privacy(self) -> SqlPrivacyRepository:
        return SqlPrivacyRepository(self.session, self._cipher)


_REPOSITORIES = tuple(name for name, value in vars(SqlUnitOfWork).items() if isinstance(value, cached_property))


class SqlUnitOfWorkFactory:
    """Makes a fresh :class:`SqlUnitOfWork` per call; pass this to services.

    ``max_open`` bounds the units of work open at once across the factory's units, first come
    first served (see :class:`TransactionLimit`); by default :func:`default_max_transactions`
    of the sessions' engine; ``limit=False`` turns the bound off.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        cipher: TextCipher,
        clock: Clock,
        *,
        max_open: int | None = None,
        limit: bool = True,
    ) -> None:
        self.sessions = sessions
        self.cipher = cipher
        self.clock = clock
        if max_open is None and limit:
            bind = sessions.kw.get("bind")
            max_open = default_max_transactions(bind) if isinstance(bind, AsyncEngine) else None
        self.limit = TransactionLimit(max_open if limit else None)

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.sessions, self.cipher, self.clock, self.limit)


def default_max_transactions(engine: AsyncEngine) -> int | None:
    """Open units of work allowed at once for ``engine``: small for SQLite, the pool less one else."""
    if engine.dialect.name == "sqlite":
        return SQLITE_MAX_TRANSACTIONS
    size = getattr(engine.sync_engine.pool, "size", None)
    if not callable(size):
        return None
    pool_size = size()
    return max(POSTGRES_MAX_TRANSACTIONS_FLOOR, pool_size - 1) if isinstance(pool_size, int) else None
