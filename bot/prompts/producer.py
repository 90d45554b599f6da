"""Facilitator schedules on the delivery engine: a producer and two renderers.

The producer hands each schedule's next occurrence to the engine as a :class:`Delivery`
with a unique key (``prompt:<schedule>:<local date and time>``), so an occurrence is stored
and sent once however often the producer runs or however many processes run it. A schedule's
``cursor`` remembers the last occurrence handed over, so the producer only looks at
schedules whose next occurrence is due to be materialised.

What to send is decided at send time by :class:`PromptRenderer`: the schedule may have been
paused or removed, the date skipped, or the group may have marked a skill helpful since.
Rendering records the skill send under the delivery key, so rendering again after a
platform error sends the same skill. A follow-up is enqueued by the renderer, keyed after
its prompt (``...:f``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.ports import Delivery, DeliveryRecord
from bot.domain import Group, InChat, Reply
from bot.ports import UnitOfWork
from bot.prompts.messages import feedback_buttons, skill_text
from bot.prompts.picker import SkillPicker
from bot.prompts.ports import Schedule
from bot.prompts.recurrence import followup_at, next_occurrences, occurrence_key
from bot.prompts.skills import CATEGORIES
from bot.prompts.timing import group_calendar
from bot.rich import Rich
from bot.texts import Catalog

log = logging.getLogger(__name__)

PROMPT_KIND = "prompt"
FOLLOWUP_KIND = "prompt_followup"
#: Schedules handled per producer run; the rest wait for the next run (bounded work per tick).
BATCH = 500
#: Past occurrences handed over after a long downtime (the engine delivers the ones still
#: inside its grace window and marks older ones missed); beyond this the cursor jumps on.
MAX_CATCH_UP = 24

#: The longest the producer waits between runs even when nothing is due.
RESCAN = timedelta(hours=6)

Enqueue = Callable[[UnitOfWork, Delivery], Awaitable[bool]]


def prompt_key(schedule_id: int, at: datetime, tz: ZoneInfo) -> str:
    return f"{PROMPT_KIND}:{occurrence_key(schedule_id, at.astimezone(tz))}"


class PromptProducer:
    """Materialises every running schedule's next occurrence into a delivery."""

    name = "prompts"

    def __init__(self, enqueue: Enqueue) -> None:
        self._enqueue = enqueue

    async def produce(self, uow: UnitOfWork, now: datetime) -> datetime | None:
        """Materialise what is due; run again at the earliest cursor, and at least hourly
        (another process may have added a schedule this one was never woken for)."""
        batch = await uow.schedules.due_for_production(now, BATCH)
        for schedule in batch:
            await self.materialize(uow, schedule, now)
        if len(batch) == BATCH:
            return now
        following = await uow.schedules.next_cursor(now)
        safety = now + RESCAN
        return min(following, safety) if following is not None else safety

    async def materialize(self, uow: UnitOfWork, schedule: Schedule, now: datetime) -> datetime | None:
        """Hand over every occurrence up to ``now`` and the next future one; move the cursor.

        Called by :meth:`produce` and right after a schedule is created or resumed, so its
        first delivery exists before anyone moves the clock. Returns the next future time.
        Usually at most one occurrence has passed, so two are computed; the full catch-up
        window only after a downtime (computing it every time was most of the producer's
        cost with 10,000 schedules).
        """
        group = await uow.groups.get(schedule.group_id)
        if group is None:
            return None
        tz = ZoneInfo(group.timezone)
        calendar = await group_calendar(uow, group.id)
        after = schedule.cursor or schedule.created_at
        times = next_occurrences(schedule.spec, tz, after, 2, calendar)
        if len(times) == 2 and times[-1] <= now:  # several were missed (a downtime): catch up
            times = next_occurrences(schedule.spec, tz, after, MAX_CATCH_UP + 1, calendar)
        if not times:
            await uow.schedules.set_cursor(schedule.id, None, finished=True)
            return None
        past = [at for at in times if at <= now]
        future = [at for at in times if at > now][:1]
        for at in past[-MAX_CATCH_UP:] + future:
            await self._enqueue(uow, _delivery(schedule, group, at, tz))
        cursor = (future or past)[-1]
        await uow.schedules.set_cursor(schedule.id, cursor)
        return future[0] if future else None


def _delivery(schedule: Schedule, group: Group, at: datetime, tz: ZoneInfo) -> Delivery:
    return Delivery(
        key=prompt_key(schedule.id, at, tz),
        kind=PROMPT_KIND,
        due_at=at,
        payload={"schedule_id": schedule.id},
        group_id=group.id,
    )


async def _live_schedule(uow: UnitOfWork, delivery: DeliveryRecord) -> tuple[Schedule, Group] | None:
    """The schedule and group if the delivery should still go out at all."""
    schedule_id = delivery.payload.get("schedule_id")
    schedule = await uow.schedules.by_id(schedule_id) if isinstance(schedule_id, int) else None
    if schedule is None or schedule.paused:
        return None
    group = await uow.groups.get(schedule.group_id)
    if group is None or not group.active:
        return None
    calendar = await group_calendar(uow, group.id)
    local = delivery.due_at.astimezone(ZoneInfo(group.timezone))
    if local.date() in calendar.skip_dates:
        return None
    return schedule, group


class PromptRenderer:
    """A scheduled prompt as it goes out: a rotated skill, or the facilitator's own words."""

    def __init__(self, catalog: Catalog, picker: SkillPicker, enqueue: Enqueue) -> None:
        self._t = catalog
        self._picker = picker
        self._enqueue = enqueue

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        live = await _live_schedule(uow, delivery)
        if live is None:
            return None
        schedule, group = live
        if schedule.spec.text is not None:
            await self._follow_up(uow, delivery, schedule, group, None)
            return [Reply(self._t("prompt.announcement", text=schedule.spec.text), to=InChat(group.chat))]
        send = await uow.skill_activity.send_for(delivery.key)
        skill = self._picker.library.get(send.skill_id) if send is not None else None
        if skill is None:
            skill = await self._picker.pick(uow, group.id, schedule.spec.category)
            if skill is None:
                log.warning("scheduled prompt has an empty theme", extra={"schedule": schedule.id})
                return None
            send = await uow.skill_activity.record_send(group.id, skill.id, schedule.id, delivery.due_at, delivery.key)
        assert send is not None
        await self._follow_up(uow, delivery, schedule, group, send.id)
        text = skill_text(self._t, skill, self._heading(schedule))
        return [Reply(text, buttons=feedback_buttons(self._t, send.id), to=InChat(group.chat))]

    def _heading(self, schedule: Schedule) -> Rich:
        category = schedule.spec.category
        if category is None:
            return self._t("skill.scheduled_heading")
        return self._t("skill.themed_heading", theme=CATEGORIES[category])

    async def _follow_up(
        self, uow: UnitOfWork, delivery: DeliveryRecord, schedule: Schedule, group: Group, send_id: int | None
    ) -> None:
        tz = ZoneInfo(group.timezone)
        calendar = await group_calendar(uow, group.id)
        at = followup_at(schedule.spec, delivery.due_at, tz, calendar)
        if at is None:
            return
        payload = {"schedule_id": schedule.id, "send_id": send_id}
        follow = Delivery(f"{delivery.key}:f", FOLLOWUP_KIND, at, payload, group_id=group.id)
        await self._enqueue(uow, follow)


class FollowupRenderer:
    """ "Did anyone try today's skill?" with the "I tried it" button of that sending."""

    def __init__(self, catalog: Catalog, picker: SkillPicker) -> None:
        self._t = catalog
        self._picker = picker

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        live = await _live_schedule(uow, delivery)
        if live is None:
            return None
        _schedule, group = live
        send_id = delivery.payload.get("send_id")
        send = await uow.skill_activity.get_send(send_id) if isinstance(send_id, int) else None
        skill = self._picker.library.get(send.skill_id) if send is not None else None
        if send is None or skill is None:
            return [Reply(self._t("prompt.followup_generic"), to=InChat(group.chat))]
        buttons = feedback_buttons(self._t, send.id, helped=False)
        return [Reply(self._t("prompt.followup", title=skill.title), buttons=buttons, to=InChat(group.chat))]
