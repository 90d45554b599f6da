"""What the core needs from the outside world, as small Protocols.

Adapters implement :class:`Messenger` for their platform; ``storage`` implements the
repositories and the unit of work. The core depends only on these shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.domain import (
    ChatRef,
    Event,
    Group,
    Membership,
    MessageRef,
    Person,
    PersonRef,
    Platform,
    Reply,
    Role,
)

if TYPE_CHECKING:
    from bot.checkins.ports import (
        CheckInRepository,
        CheckInSettingsRepository,
        QuestionRepository,
        SupportRepository,
    )
    from bot.context import Context, EventLookup
    from bot.delivery.ports import DeliveryRepository
    from bot.faq.ports import FaqRepository
    from bot.privacy.ports import PrivacyRepository
    from bot.prompts.ports import PromptCalendarRepository, ScheduleRepository, SkillActivityRepository
    from bot.safety.detector import Detection
    from bot.safety.ports import SafetyRepository


class Clock(Protocol):
    """Tells the time (aware UTC)."""

    def now(self) -> datetime: ...


class Messenger(Protocol):
    """One platform's way of delivering replies and answering questions about its chats.

    ``send`` receives replies whose destination is already resolved to ``Here``, ``InChat``
    or ``ToPerson``; ``origin`` is the event being answered (None for scheduled sends). It
    raises :class:`bot.errors.ChatUnavailable` when the bot was removed or blocked,
    :class:`bot.errors.CannotDirectMessage` when a person can't be messaged privately, and
    :class:`bot.errors.RateLimited` / :class:`bot.errors.TransientDeliveryError` for
    platform limits and outages.
    """

    platform: Platform

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]: ...

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        """Whether the platform makes this person an admin of the group chat."""
        ...

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        """The people the platform makes admins of the group chat (bots excluded)."""
        ...


class GroupRepository(Protocol):
    """Groups, keyed by platform and chat id."""

    async def by_chat(self, platform: Platform, chat_id: str) -> Group | None: ...

    async def get(self, group_id: int) -> Group | None: ...

    async def add(self, chat: ChatRef, timezone: str, language: str) -> Group: ...

    async def update(self, group: Group) -> None: ...

    async def move_chat(self, group_id: int, new_chat_id: str) -> None: ...

    async def active(self) -> Sequence[Group]: ...


class PersonRepository(Protocol):
    """People who consented."""

    async def by_platform_id(self, platform: Platform, user_id: str) -> Person | None: ...

    async def get(self, person_id: int) -> Person | None: ...

    async def add(self, ref: PersonRef, consented_at: datetime, consent_version: str) -> Person: ...

    async def rename(self, person_id: int, display_name: str) -> None: ...


class MembershipRepository(Protocol):
    """Who belongs to which group, in which role."""

    async def get(self, person_id: int, group_id: int) -> Membership | None: ...

    async def upsert(self, membership: Membership) -> None: ...

    async def of_group(self, group_id: int, *, active_only: bool = True) -> Sequence[Membership]: ...

    async def of_person(self, person_id: int, *, active_only: bool = True) -> Sequence[Membership]: ...


@dataclass(frozen=True, slots=True)
class PendingFlow:
    """A multi-step conversation waiting for the person's next plain text in one chat."""

    person_id: int
    chat_key: str
    flow: str
    data: dict[str, Any]
    expires_at: datetime


class FlowRepository(Protocol):
    """At most one pending flow per person and chat; ``data`` is stored encrypted."""

    async def get(self, person_id: int, chat_key: str) -> PendingFlow | None: ...

    async def put(self, flow: PendingFlow) -> None: ...

    async def put_many(self, flows: Sequence[PendingFlow]) -> None:
        """Like ``put`` for each, in one statement (a step that sets two flows at once)."""
        ...

    async def clear(self, person_id: int, chat_key: str) -> None: ...

    async def take(self, person_id: int, chat_key: str) -> PendingFlow | None:
        """``get`` and ``clear`` in one statement: the flow (expired or not) is removed and returned."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository; repositories never commit.

    Features add their repositories here (read-only, so any implementation with a more
    specific repository type fits); ``storage.uow.SqlUnitOfWork`` provides them all.
    """

    @property
    def events(self) -> EventLookup: ...

    @property
    def groups(self) -> GroupRepository: ...

    @property
    def people(self) -> PersonRepository: ...

    @property
    def memberships(self) -> MembershipRepository: ...

    @property
    def flows(self) -> FlowRepository: ...

    @property
    def checkins(self) -> CheckInRepository: ...

    @property
    def checkin_support(self) -> SupportRepository: ...

    @property
    def checkin_questions(self) -> QuestionRepository: ...

    @property
    def checkin_settings(self) -> CheckInSettingsRepository: ...

    @property
    def schedules(self) -> ScheduleRepository: ...

    @property
    def skill_activity(self) -> SkillActivityRepository: ...

    @property
    def prompt_calendar(self) -> PromptCalendarRepository: ...

    @property
    def faq(self) -> FaqRepository: ...

    @property
    def deliveries(self) -> DeliveryRepository: ...

    @property
    def safety(self) -> SafetyRepository: ...

    @property
    def privacy(self) -> PrivacyRepository: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    """Makes a fresh unit of work for each event or job."""

    def __call__(self) -> AbstractAsyncContextManager[UnitOfWork]: ...


class SafetyScreen(Protocol):
    """Crisis screening that the core runs on every text before anything else."""

    def detect(self, text: str) -> Detection: ...

    async def respond(self, ctx: Context, text: str, detection: Detection) -> Sequence[Reply]:
        """The private crisis reply and any facilitator alert for one message."""
        ...


class Job(Protocol):
    """Periodic work driven by the core's tick (deliveries, reminders, retention)."""

    name: str

    async def next_due(self) -> datetime | None:
        """When this job next has something to do (None: nothing scheduled)."""
        ...

    async def run_due(self, now: datetime) -> int:
        """Do everything due at or before ``now``; return how many items were handled."""
        ...


__all__ = [
    "Clock",
    "FlowRepository",
    "GroupRepository",
    "Job",
    "MembershipRepository",
    "Messenger",
    "PendingFlow",
    "PersonRepository",
    "Role",
    "SafetyScreen",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
