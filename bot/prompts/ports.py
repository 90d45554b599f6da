"""What the prompts feature stores, as plain records and small repository Protocols.

Storage maps its rows onto these records so the feature never sees an ORM object.
Facilitators' own prompt text is free text: repositories store it sealed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Protocol

from bot.prompts.recurrence import ScheduleSpec


class Feedback(StrEnum):
    """What a person can say about a skill they were sent."""

    TRIED = "tried"
    HELPED = "helped"


@dataclass(frozen=True, slots=True)
class Schedule:
    """A facilitator's schedule for one group.

    ``cursor`` is the latest occurrence instant already handed to the delivery engine, so
    the producer never materialises the same occurrence twice and a resumed schedule
    doesn't catch up on what it missed while paused.
    """

    id: int
    group_id: int
    spec: ScheduleSpec
    paused: bool
    created_at: datetime
    cursor: datetime | None
    finished: bool = False


@dataclass(frozen=True, slots=True)
class SkillSend:
    """One message carrying a skill: the feedback buttons on it point here."""

    id: int
    group_id: int | None
    skill_id: str
    schedule_id: int | None
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class SkillTally:
    """How many people of a group tried a skill and found it helpful."""

    skill_id: str
    sent: int
    tried: int
    helped: int


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Daily local quiet hours; ``start`` may be after ``end`` (wraps midnight)."""

    start: time
    end: time


class ScheduleRepository(Protocol):
    """Schedules, always looked up within a group so one group never sees another's."""

    async def add(self, group_id: int, spec: ScheduleSpec, created_at: datetime) -> Schedule: ...

    async def get(self, group_id: int, schedule_id: int) -> Schedule | None: ...

    async def by_id(self, schedule_id: int) -> Schedule | None:
        """Any group's schedule (for the delivery engine, never for commands)."""
        ...

    async def of_group(self, group_id: int) -> Sequence[Schedule]: ...

    async def due_for_production(self, now: datetime, limit: int) -> Sequence[Schedule]:
        """Unpaused, unfinished schedules of active groups whose cursor is unset or at or
        before ``now`` (their next occurrence still has to be handed to the engine)."""
        ...

    async def next_cursor(self, after: datetime) -> datetime | None:
        """The earliest cursor after ``after`` among running schedules (when to produce next)."""
        ...

    async def set_paused(self, schedule_id: int, paused: bool, cursor: datetime | None) -> None: ...

    async def set_cursor(self, schedule_id: int, cursor: datetime | None, *, finished: bool = False) -> None: ...

    async def remove(self, schedule_id: int) -> None: ...


class SkillActivityRepository(Protocol):
    """Skill messages sent, and who pressed "I tried it" / "It helped" on them."""

    async def record_send(
        self,
        group_id: int | None,
        skill_id: str,
        schedule_id: int | None,
        sent_at: datetime,
        occurrence: str | None = None,
    ) -> SkillSend: ...

    async def get_send(self, send_id: int) -> SkillSend | None: ...

    async def send_for(self, occurrence: str) -> SkillSend | None:
        """The send recorded for one scheduled delivery, if it was rendered before."""
        ...

    async def history(self, group_id: int, limit: int) -> Sequence[str]:
        """Skill ids most recently sent to the group, oldest first, at most ``limit``."""
        ...

    async def helpful_counts(self, group_id: int) -> Mapping[str, int]: ...

    async def rotation(self, group_id: int, limit: int) -> tuple[Sequence[str], Mapping[str, int]]:
        """``history`` and ``helpful_counts`` together, in one round trip (every skill picked needs both)."""
        ...

    async def add_feedback(self, send_id: int, person_id: int, kind: Feedback, at: datetime) -> bool:
        """Record once per person, sending and kind; False if it was already recorded."""
        ...

    async def tallies(self, group_id: int) -> Sequence[SkillTally]: ...


class PromptCalendarRepository(Protocol):
    """A group's skipped dates and quiet hours."""

    async def skip_dates(self, group_id: int) -> frozenset[date]: ...

    async def add_skips(self, group_id: int, days: Iterable[date]) -> int:
        """Add dates; returns how many were new."""
        ...

    async def remove_skips(self, group_id: int, days: Iterable[date]) -> int:
        """Remove dates; returns how many were there."""
        ...

    async def quiet_hours(self, group_id: int) -> QuietHours | None: ...

    async def set_quiet_hours(self, group_id: int, quiet: QuietHours | None) -> None: ...
