"""/skip, /unskip and /quiet: the program calendar every schedule of a group follows.

Dates are the group's local dates. A skipped date gets no prompts at all; quiet hours
postpone a prompt to the moment they end (see :mod:`bot.prompts.recurrence`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.domain import Group, Reply
from bot.prompts.ports import QuietHours
from bot.rich import Rich
from bot.router import Audience, CommandSpec, Option, Router
from bot.texts import Catalog

MAX_SKIP_DAYS = 120
#: How many upcoming skipped days /skip lists.
LIST_LIMIT = 20
_RANGE = re.compile(r"^(\S+?)\s*(?:\.\.|–|—|\s+to\s+)\s*(\S+)$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_QUIET = re.compile(r"^(\d{1,2}):(\d{2})\s*(?:-|–|—|\s+to\s+)\s*(\d{1,2}):(\d{2})$", re.IGNORECASE)


class CalendarInputError(ValueError):
    """Dates or hours that can't be used; ``key`` and ``params`` name the catalog reply."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _date(token: str) -> date:
    match = _DATE.match(token)
    try:
        if match is None:
            raise ValueError(token)
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise CalendarInputError("calendar.bad_date", text=token[:40]) from None


def parse_days(text: str, today: date) -> list[date]:
    """``2026-12-25`` or ``2026-12-24..2026-12-31`` -> the dates, none before ``today``."""
    cleaned = text.strip()
    match = _RANGE.match(cleaned)
    first, last = (_date(match.group(1)), _date(match.group(2))) if match else (_date(cleaned), None)
    last = last or first
    if last < first:
        raise CalendarInputError("calendar.range_backwards")
    if (last - first).days >= MAX_SKIP_DAYS:
        raise CalendarInputError("calendar.range_too_long", limit=MAX_SKIP_DAYS)
    if last < today:
        raise CalendarInputError("calendar.past_date", day=last.isoformat())
    start = max(first, today)
    return [start + timedelta(days=offset) for offset in range((last - start).days + 1)]


def parse_quiet(text: str) -> QuietHours:
    """``22:00-08:00`` -> QuietHours; raises CalendarInputError for anything else."""
    match = _QUIET.match(text.strip())
    if match is None:
        raise CalendarInputError("calendar.bad_quiet", text=text[:40])
    hours = [int(part) for part in match.groups()]
    if hours[0] > 23 or hours[2] > 23 or hours[1] > 59 or hours[3] > 59:
        raise CalendarInputError("calendar.bad_quiet", text=text[:40])
    start, end = time(hours[0], hours[1]), time(hours[2], hours[3])
    if start == end:
        raise CalendarInputError("calendar.same_quiet")
    return QuietHours(start, end)


def describe_days(days: Sequence[date]) -> str:
    """ "Fri 25 Dec 2026", or "Thu 24 Dec 2026 – Thu 31 Dec 2026" for a run of days."""
    if not days:
        return ""
    ordered = sorted(days)
    first, last = ordered[0], ordered[-1]
    if first == last:
        return f"{first:%a %d %b %Y}"
    return f"{first:%a %d %b %Y} – {last:%a %d %b %Y}"


def _today(group: Group, ctx: Context) -> date:
    return ctx.now.astimezone(ZoneInfo(group.timezone)).date()


class CalendarCommands:
    """The program calendar of one group, set by its facilitators."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    def register(self, router: Router) -> None:
        for name, handler, option in (
            ("skip", self.skip, Option("dates", "2026-12-25 or 2026-12-24..2026-12-31")),
            ("unskip", self.unskip, Option("dates", "2026-12-25 or 2026-12-24..2026-12-31", required=True)),
            ("quiet", self.quiet, Option("hours", "22:00-08:00, or off")),
        ):
            router.command(
                CommandSpec(
                    name,
                    handler,
                    f"prompts_commands.{name}",
                    f"prompts_usage.{name}",
                    Audience.FACILITATOR,
                    needs_group=True,
                    options=(option,),
                )
            )

    def _error(self, error: CalendarInputError, group: Group) -> Sequence[Reply]:
        return [Reply(self._t(error.key, timezone=group.timezone, **error.params))]

    async def skip(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        if not args:
            return [await self._list(ctx, group)]
        try:
            days = parse_days(args, _today(group, ctx))
        except CalendarInputError as error:
            return self._error(error, group)
        added = await ctx.uow.prompt_calendar.add_skips(group.id, days)
        label = describe_days(days)
        if not added:
            return [Reply(self._t("calendar.skip_already", days=label))]
        return [Reply(self._t("calendar.skip_added", days=label, example=args.strip()[:40]))]

    async def _list(self, ctx: Context, group: Group) -> Reply:
        today = _today(group, ctx)
        days = sorted(day for day in await ctx.uow.prompt_calendar.skip_dates(group.id) if day >= today)
        if not days:
            return Reply(self._t("calendar.skip_none"))
        listed = ", ".join(f"{day:%a %d %b %Y}" for day in days[:LIST_LIMIT])
        if len(days) > LIST_LIMIT:
            listed += f" (+{len(days) - LIST_LIMIT})"
        return Reply(self._t("calendar.skip_list", days=listed))

    async def unskip(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        try:
            days = parse_days(args, _today(group, ctx))
        except CalendarInputError as error:
            return self._error(error, group)
        removed = await ctx.uow.prompt_calendar.remove_skips(group.id, days)
        key = "calendar.unskipped" if removed else "calendar.unskip_none"
        return [Reply(self._t(key, days=describe_days(days)))]

    async def quiet(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        if not args:
            current = await ctx.uow.prompt_calendar.quiet_hours(group.id)
            if current is None:
                return [Reply(self._t("calendar.quiet_none"))]
            return [Reply(self._quiet_text("calendar.quiet_show", current, group))]
        if args.strip().lower() in {"off", "none", "clear"}:
            await ctx.uow.prompt_calendar.set_quiet_hours(group.id, None)
            return [Reply(self._t("calendar.quiet_off"))]
        try:
            quiet = parse_quiet(args)
        except CalendarInputError as error:
            return self._error(error, group)
        await ctx.uow.prompt_calendar.set_quiet_hours(group.id, quiet)
        return [Reply(self._quiet_text("calendar.quiet_set", quiet, group))]

    def _quiet_text(self, key: str, quiet: QuietHours, group: Group) -> Rich:
        return self._t(key, start=f"{quiet.start:%H:%M}", end=f"{quiet.end:%H:%M}", timezone=group.timezone)
