"""A group's calendar and upcoming delivery times, read from storage.

One place answers "when does this schedule go out next" for ``/schedules``, ``/schedule
preview`` and the delivery producer, so what facilitators are shown is what happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain import Group
from bot.ports import UnitOfWork
from bot.prompts.ports import Schedule
from bot.prompts.recurrence import Calendar, next_occurrences


async def group_calendar(uow: UnitOfWork, group_id: int) -> Calendar:
    """Skipped dates and quiet hours of one group."""
    skips = await uow.prompt_calendar.skip_dates(group_id)
    quiet = await uow.prompt_calendar.quiet_hours(group_id)
    if quiet is None:
        return Calendar(skips)
    return Calendar(skips, quiet.start, quiet.end)


def upcoming(schedule: Schedule, group: Group, calendar: Calendar, now: datetime, count: int) -> list[datetime]:
    """The schedule's next deliveries after ``now`` (none once it has finished)."""
    if schedule.finished:
        return []
    return next_occurrences(schedule.spec, ZoneInfo(group.timezone), now, count, calendar)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """One future delivery of one schedule (for the preview)."""

    at: datetime
    schedule: Schedule


async def preview(uow: UnitOfWork, group: Group, now: datetime, count: int) -> list[Upcoming]:
    """The group's next ``count`` deliveries across its running schedules, in time order."""
    calendar = await group_calendar(uow, group.id)
    items: list[Upcoming] = []
    for schedule in await uow.schedules.of_group(group.id):
        if not schedule.paused:
            items.extend(Upcoming(at, schedule) for at in upcoming(schedule, group, calendar, now, count))
    items.sort(key=lambda item: (item.at, item.schedule.id))
    return items[:count]
