"""Facilitator views: /checkins (today) and /report week (a chart plus text).

Both see only check-ins shared with the group or with facilitators. An "only me" check-in
is filtered out before anything is counted, so it can't show up even as a number: its
author simply appears as not having shared a check-in yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date, timedelta
from statistics import fmean

from bot.checkins import cards, charts
from bot.checkins.model import MAX_MOOD, MIN_MOOD, CheckIn, Viewer, local_day, visible_to
from bot.context import Context
from bot.domain import Group, Here, Image, Reply, Role
from bot.errors import UsageError
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Option, Router
from bot.texts import Catalog

REPORT_DAYS = 7


def for_facilitators(checkins: Sequence[CheckIn]) -> list[CheckIn]:
    """The only gate between stored check-ins and facilitator views."""
    return [checkin for checkin in checkins if visible_to(checkin.visibility, Viewer.FACILITATOR)]


class FacilitatorViews:
    """/checkins and /report."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "checkins",
                self.today,
                "checkin_commands.checkins",
                "checkin_usage.checkins",
                Audience.FACILITATOR,
                private=True,
            )
        )
        router.command(
            CommandSpec(
                "report",
                self.report,
                "checkin_commands.report",
                "checkin_usage.report",
                Audience.FACILITATOR,
                private=True,
                slow=True,
                options=(Option("period", "week", choices=("week",)),),
            )
        )

    async def _members(self, ctx: Context, group: Group) -> dict[int, str]:
        """Active members who aren't facilitators: person id -> first name."""
        names: dict[int, str] = {}
        for membership in await ctx.uow.memberships.of_group(group.id):
            if membership.role is Role.FACILITATOR:
                continue
            person = await ctx.uow.people.get(membership.person_id)
            if person is not None:
                names[person.id] = person.first_name
        return names

    async def today(self, ctx: Context, args: str) -> Sequence[Reply]:
        assert ctx.group is not None
        group = ctx.group
        day = local_day(group.timezone, ctx.now)
        members = await self._members(ctx, group)
        shared = [
            c for c in for_facilitators(await ctx.uow.checkins.of_group(group.id, day, day)) if c.person_id in members
        ]
        done = {checkin.person_id for checkin in shared}
        nobody = self._t.plain("checkin_facilitator.nobody")
        parts = [
            self._t("checkin_facilitator.header", group=group.title, day=day.strftime("%A %d %B")),
            join(
                [
                    self._t("checkin_facilitator.participation", count=len(done), members=len(members)),
                    self._t("checkin_facilitator.who_in", names=_names(members, done) or nobody),
                    self._t("checkin_facilitator.who_not", names=_names(members, set(members) - done) or nobody),
                    self._t("checkin_facilitator.distribution", distribution=self._distribution(shared)),
                ]
            ),
            self._notes(shared, members),
            self._t("checkin_facilitator.private_footer"),
        ]
        return [Reply(join(parts, "\n\n"), to=Here(private=True))]

    def _distribution(self, checkins: Sequence[CheckIn]) -> str:
        counts = dict.fromkeys(range(MIN_MOOD, MAX_MOOD + 1), 0)
        for checkin in checkins:
            counts[checkin.mood] += 1
        return " · ".join(f"{cards.mood_icon(self._t, mood)} {mood}: {count}" for mood, count in counts.items())

    def _notes(self, checkins: Sequence[CheckIn], members: dict[int, str]) -> Rich:
        lines = [self._t("checkin_facilitator.notes_header")]
        for checkin in checkins:
            name = members.get(checkin.person_id, "")
            if checkin.note:
                visibility = self._t.plain(f"visibility.{checkin.visibility}").lower()
                lines.append(
                    self._t("checkin_facilitator.note_line", name=name, visibility=visibility, note=checkin.note)
                )
            answers = [
                f"{answer.question.key} {answer.value}/{answer.question.scale}"
                for answer in checkin.answers
                if visible_to(answer.visibility_within(checkin.visibility), Viewer.FACILITATOR)
            ]
            if answers:
                lines.append(self._t("checkin_facilitator.answer_line", name=name, answers=", ".join(answers)))
        if len(lines) == 1:
            lines.append(self._t("checkin_facilitator.no_notes"))
        return join(lines)

    async def report(self, ctx: Context, args: str) -> Sequence[Reply]:
        assert ctx.group is not None
        if args.strip().lower() not in {"", "week"}:
            raise UsageError()
        group = ctx.group
        last = local_day(group.timezone, ctx.now)
        days = [last - timedelta(days=offset) for offset in range(REPORT_DAYS - 1, -1, -1)]
        members = await self._members(ctx, group)
        shared = [
            checkin
            for checkin in for_facilitators(await ctx.uow.checkins.of_group(group.id, days[0], last))
            if checkin.person_id in members
        ]
        by_day = {day: [checkin.mood for checkin in shared if checkin.day == day] for day in days}
        counts = [len(by_day[day]) for day in days]
        averages = [fmean(by_day[day]) if by_day[day] else None for day in days]
        text = self._report_text(group, days, counts, averages, len(members), shared)
        title = self._t.plain("checkin_report.chart_title")
        png = await asyncio.to_thread(charts.week_chart, title, days, counts, averages)
        alt = self._t.plain(
            "checkin_report.alt",
            first=days[0].strftime("%d %b"),
            last=last.strftime("%d %b"),
            total=self._total(shared).plain(),
        )
        return [Reply(text, image=Image(png, alt, "week.png"), to=Here(private=True))]

    def _report_text(
        self,
        group: Group,
        days: Sequence[date],
        counts: Sequence[int],
        averages: Sequence[float | None],
        members: int,
        shared: Sequence[CheckIn],
    ) -> Rich:
        header = self._t(
            "checkin_report.header", group=group.title, first=days[0].strftime("%d %b"), last=days[-1].strftime("%d %b")
        )
        lines = []
        for day, count, average in zip(days, counts, averages, strict=True):
            label = day.strftime("%a %d %b")
            if average is None:
                lines.append(self._t("checkin_report.day_line_empty", day=label, count=count, members=members))
            else:
                lines.append(
                    self._t(
                        "checkin_report.day_line", day=label, count=count, members=members, average=f"{average:.1f}"
                    )
                )
        return join([header, join(lines), self._total(shared)], "\n\n")

    def _total(self, shared: Sequence[CheckIn]) -> Rich:
        if not shared:
            return self._t("checkin_report.total_none")
        overall = f"{fmean(checkin.mood for checkin in shared):.1f}"
        return self._t("checkin_report.total", count=len(shared), average=overall)


def _names(members: dict[int, str], chosen: set[int]) -> str:
    return ", ".join(sorted(members[person_id] for person_id in chosen if person_id in members))
