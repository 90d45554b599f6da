"""The daily check-in reminder: one gentle direct message, through the delivery engine.

The producer enqueues one delivery per member for each group's next check-in time (keys
``checkin-reminder:<group>:<local date>T<HH:MM>:<person>``, so enqueueing twice stores once)
and runs again shortly before that time, so people who joined during the day are included.
Whether to send is decided at send time by the renderer: never to someone who left, paused,
turned reminders off or already checked in that local day, and never for an inactive group.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.checkins import cards
from bot.checkins.model import GroupPrefs
from bot.checkins.support import Enqueue
from bot.delivery.ports import Delivery, DeliveryRecord
from bot.domain import Group, Reply, Role, ToPerson
from bot.ports import UnitOfWork
from bot.texts import Catalog

REMINDER_KIND = "checkin-reminder"
KEY_PREFIX = "checkin-reminder"
#: The producer refreshes each occurrence this long before it is due (late joiners).
LEAD = timedelta(minutes=5)


def occurrence_after(group: Group, prefs: GroupPrefs, moment: datetime) -> tuple[date, datetime]:
    """The first check-in time strictly after ``moment``: its local date and its UTC instant.

    Built from the local wall-clock time each day, so it stays at 19:00 across DST changes
    (a wall time skipped by DST resolves to the instant ZoneInfo gives it).
    """
    zone = ZoneInfo(group.timezone)
    local = moment.astimezone(zone)
    for offset in range(3):
        day = local.date() + timedelta(days=offset)
        instant = datetime.combine(day, prefs.checkin_time, tzinfo=zone).astimezone(UTC)
        if instant > moment:
            return day, instant
    raise AssertionError("a daily time always recurs within three days")


def reminder_key(group_id: int, day: date, prefs: GroupPrefs, person_id: int) -> str:
    return f"{KEY_PREFIX}:{group_id}:{day.isoformat()}T{prefs.checkin_time:%H:%M}:{person_id}"


class ReminderProducer:
    """Enqueues the next reminder of every active group for each of its members."""

    name = "checkin-reminders"

    def __init__(self, enqueue: Enqueue) -> None:
        self._enqueue = enqueue

    async def produce(self, uow: UnitOfWork, now: datetime) -> datetime | None:
        wake: list[datetime] = []
        for group in await uow.groups.active():
            prefs = await uow.checkin_settings.group(group.id)
            day, due = occurrence_after(group, prefs, now - LEAD)
            for membership in await uow.memberships.of_group(group.id):
                if membership.role is Role.MEMBER:
                    await self._enqueue(uow, _delivery(group, prefs, day, due, membership.person_id))
            _, following = occurrence_after(group, prefs, now + LEAD)
            wake.append(following - LEAD)
        return min(wake, default=None)


def _delivery(group: Group, prefs: GroupPrefs, day: date, due: datetime, person_id: int) -> Delivery:
    return Delivery(
        key=reminder_key(group.id, day, prefs, person_id),
        kind=REMINDER_KIND,
        due_at=due,
        payload={
            "group": group.id,
            "person": person_id,
            "day": day.isoformat(),
            "time": prefs.checkin_time.strftime("%H:%M"),
        },
        group_id=group.id,
        person_id=person_id,
    )


class ReminderRenderer:
    """Decides at send time whether the reminder is still wanted, and words it."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        group_id, person_id = int(delivery.payload["group"]), int(delivery.payload["person"])
        day = date.fromisoformat(str(delivery.payload["day"]))
        group = await uow.groups.get(group_id)
        person = await uow.people.get(person_id)
        membership = await uow.memberships.get(person_id, group_id)
        if group is None or person is None or membership is None or not group.active or not membership.active:
            return None
        group_prefs = await uow.checkin_settings.group(group_id)
        if group_prefs.checkin_time.strftime("%H:%M") != delivery.payload.get("time"):
            return None  # facilitators moved the time; the producer enqueued the new one
        prefs = await uow.checkin_settings.person(person_id)
        if not prefs.reminders or prefs.paused(delivery.due_at):
            return None
        if await uow.checkins.current(person_id, group_id, day) is not None:
            return None
        text = self._t("checkin_reminder.text", name=person.first_name)
        return [Reply(text, buttons=cards.mood_buttons(self._t, group_id), to=ToPerson(person.ref))]
