"""The unit of work: one session and one transaction per event or job."""

from __future__ import annotations

from datetime import datetime
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
    touch several features atomically.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: TextCipher, clock: Clock) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._session

    @property
    def now(self) -> datetime:
        return self._clock.now()

    async def __aenter__(self) -> SqlUnitOfWork:
        session = self._sessions()
        self._session = session
        now = self._clock.now()
        self.groups = SqlGroupRepository(session, now)
        self.people = SqlPersonRepository(session)
        self.memberships = SqlMembershipRepository(session)
        self.flows = SqlFlowRepository(session, self._cipher)
        self.events = SqlEventLookup(session)
        self.checkins = SqlCheckInRepository(session, self._cipher, now)
        self.checkin_support = SqlSupportRepository(session)
        self.checkin_questions = SqlQuestionRepository(session)
        self.checkin_settings = SqlCheckInSettingsRepository(session)
        self.schedules = SqlScheduleRepository(session, self._cipher)
        self.skill_activity = SqlSkillActivityRepository(session)
        self.prompt_calendar = SqlPromptCalendarRepository(session)
        self.faq = SqlFaqRepository(session, self._cipher)
        self.deliveries = SqlDeliveryRepository(session, self._cipher, now)
        self.safety = SqlSafetyRepository(session, self._cipher)
        self.privacy = SqlPrivacyRepository(session, self._cipher)
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

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()


class SqlUnitOfWorkFactory:
    """Makes a fresh :class:`SqlUnitOfWork` per call; pass this to services."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: TextCipher, clock: Clock) -> None:
        self.sessions = sessions
        self.cipher = cipher
        self.clock = clock

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.sessions, self.cipher, self.clock)
