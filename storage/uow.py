"""The unit of work: one session and one transaction per event or job."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

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


class SqlUnitOfWork:
    """``async with uow: ...; await uow.commit()``; leaving without commit rolls back.

    Holds one repository per feature, all sharing the session, so one transaction can
    touch several features atomically. Each repository is made when first used: an event
    uses two or three of the sixteen.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: TextCipher, clock: Clock) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock
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
        self._forget_repositories()
        self._session = self._sessions()
        self._started = self._clock.now()
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
            await session.close()
            self._session = None
            self._forget_repositories()

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
    """Makes a fresh :class:`SqlUnitOfWork` per call; pass this to services."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: TextCipher, clock: Clock) -> None:
        self.sessions = sessions
        self.cipher = cipher
        self.clock = clock

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.sessions, self.cipher, self.clock)
