"""/schedule (typed forms), /schedules, /unschedule, pause, resume and preview.

Facilitator-only: the core refuses everyone else politely before any handler runs. A
schedule is always looked up within the event's group, so an id from another group is
simply "not found". Typing ``/schedule`` alone starts the guided buttons instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.domain import Group, Reply
from bot.ports import UnitOfWork
from bot.prompts.messages import local_label
from bot.prompts.ports import Schedule
from bot.prompts.recurrence import ScheduleParseError, parse_schedule
from bot.prompts.timing import group_calendar, preview, upcoming
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Option, Router
from bot.texts import Catalog

PREVIEW_COUNT = 7

GuideStart = Callable[[Context], Awaitable[Sequence[Reply]]]
#: Called after a schedule is created or resumed (hands its first occurrence to the engine).
Started = Callable[[UnitOfWork, Schedule, datetime], Awaitable[object]]


def _group(ctx: Context) -> Group:
    assert ctx.group is not None  # FACILITATOR commands always have a group (checked by the core)
    return ctx.group


def parse_id(text: str) -> int | None:
    """``3`` or ``#3`` -> 3; anything else None."""
    word = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    word = word.removeprefix("#")
    return int(word) if word.isdigit() and len(word) < 12 else None


class ScheduleCommands:
    """Typed schedule management for one group."""

    def __init__(self, catalog: Catalog, guide_start: GuideStart, started: Started) -> None:
        self._t = catalog
        self._guide_start = guide_start
        self._started = started

    def register(self, router: Router) -> None:
        def spec(name: str, handler: Callable[[Context, str], Awaitable[Sequence[Reply]]], *options: Option) -> None:
            router.command(
                CommandSpec(
                    name,
                    handler,
                    f"prompts_commands.{name}",
                    f"prompts_usage.{name}",
                    Audience.FACILITATOR,
                    needs_group=True,
                    options=options,
                )
            )

        spec("schedule", self.schedule, Option("when", "e.g. daily 09:00, or once 2026-12-01 17:00 text"))
        spec("schedules", self.schedules)
        spec("unschedule", self.unschedule, Option("id", "the schedule's number", kind="integer", required=True))

    async def schedule(self, ctx: Context, args: str) -> Sequence[Reply]:
        if not args:
            return await self._guide_start(ctx)
        word, _, rest = args.partition(" ")
        verb = word.lower()
        if verb in {"pause", "resume"}:
            return await self._pause(ctx, rest, paused=verb == "pause")
        if verb == "preview":
            return await self.preview(ctx)
        if verb == "list":
            return await self.schedules(ctx, "")
        return await self.create(ctx, args)

    async def create(self, ctx: Context, args: str) -> Sequence[Reply]:
        """Parse ``args`` as a schedule and store it; a friendly reason if it can't be used."""
        group = _group(ctx)
        tz = ZoneInfo(group.timezone)
        try:
            spec = parse_schedule(args, tz, ctx.now)
        except ScheduleParseError as error:
            return [Reply(self._bad(error))]
        schedule = await ctx.uow.schedules.add(group.id, spec, ctx.now)
        await self._started(ctx.uow, schedule, ctx.now)
        summary = spec.describe(tz)
        calendar = await group_calendar(ctx.uow, group.id)
        times = upcoming(schedule, group, calendar, ctx.now, 1)
        if not times:
            return [Reply(self._t("schedule.created_no_next", id=schedule.id, summary=summary))]
        label = local_label(times[0], group.timezone)
        return [Reply(self._t("schedule.created", id=schedule.id, summary=summary, next=label, timezone=tz.key))]

    def _bad(self, error: ScheduleParseError) -> Rich:
        return join(
            [self._t("schedule.bad", reason=error.reason), self._t("schedule.usage_intro"), Rich.of(error.usage)], "\n"
        )

    async def schedules(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = _group(ctx)
        items = await ctx.uow.schedules.of_group(group.id)
        if not items:
            return [Reply(self._t("schedule.list_none"))]
        calendar = await group_calendar(ctx.uow, group.id)
        lines = []
        for schedule in items:
            summary = schedule.spec.describe(ZoneInfo(group.timezone))
            if schedule.paused:
                lines.append(self._t("schedule.list_line_paused", id=schedule.id, summary=summary))
                continue
            times = upcoming(schedule, group, calendar, ctx.now, 1)
            label = local_label(times[0], group.timezone) if times else self._t.plain("schedule.no_next")
            lines.append(self._t("schedule.list_line", id=schedule.id, summary=summary, next=label))
        header = self._t("schedule.list_header", group=group.title, timezone=group.timezone)
        return [Reply(join([header, join(lines), self._t("schedule.list_footer")], "\n\n"))]

    async def _find(self, ctx: Context, args: str, command: str) -> Schedule | Reply:
        schedule_id = parse_id(args)
        if schedule_id is None:
            return Reply(self._t("schedule.need_id", command=command))
        schedule = await ctx.uow.schedules.get(_group(ctx).id, schedule_id)
        if schedule is None:
            return Reply(self._t("schedule.not_found", id=schedule_id))
        return schedule

    async def unschedule(self, ctx: Context, args: str) -> Sequence[Reply]:
        found = await self._find(ctx, args, "unschedule")
        if isinstance(found, Reply):
            return [found]
        await ctx.uow.schedules.remove(found.id)
        summary = found.spec.describe(ZoneInfo(_group(ctx).timezone))
        return [Reply(self._t("schedule.removed", id=found.id, summary=summary))]

    async def _pause(self, ctx: Context, args: str, *, paused: bool) -> Sequence[Reply]:
        found = await self._find(ctx, args, "schedule pause" if paused else "schedule resume")
        if isinstance(found, Reply):
            return [found]
        if found.paused == paused:
            key = "schedule.already_paused" if paused else "schedule.already_running"
            return [Reply(self._t(key, id=found.id))]
        # Resuming moves the cursor to now: what fell due while paused is not sent late.
        await ctx.uow.schedules.set_paused(found.id, paused, None if paused else ctx.now)
        if paused:
            return [Reply(self._t("schedule.paused", id=found.id))]
        await self._started(ctx.uow, replace(found, paused=False, cursor=ctx.now), ctx.now)
        group = _group(ctx)
        calendar = await group_calendar(ctx.uow, group.id)
        times = upcoming(found, group, calendar, ctx.now, 1)
        label = local_label(times[0], group.timezone) if times else self._t.plain("schedule.no_next")
        return [Reply(self._t("schedule.resumed", id=found.id, next=label))]

    async def preview(self, ctx: Context) -> Sequence[Reply]:
        group = _group(ctx)
        items = await preview(ctx.uow, group, ctx.now, PREVIEW_COUNT)
        if not items:
            return [Reply(self._t("schedule.preview_none"))]
        tz = ZoneInfo(group.timezone)
        lines = [
            self._t(
                "schedule.preview_line",
                when=local_label(item.at, group.timezone),
                id=item.schedule.id,
                what=item.schedule.spec.describe(tz),
            )
            for item in items
        ]
        header = self._t("schedule.preview_header", group=group.title, timezone=group.timezone)
        return [Reply(join([header, join(lines)], "\n\n"))]
