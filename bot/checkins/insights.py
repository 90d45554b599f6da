"""/mood: a person's last 30 days as a chart and as text, only ever to that person.

Includes every check-in the person made, "only me" ones too: they are the author. The text
summary (average, trend, best and hardest day, streak) doubles as the chart's alt text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from bot.checkins import cards, charts
from bot.checkins.model import CheckIn, local_day
from bot.checkins.streaks import LOOKBACK_DAYS, streak
from bot.context import Context
from bot.domain import Here, Image, Reply
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Router
from bot.texts import Catalog

WINDOW_DAYS = 30
#: Change in mood across the window (from a least-squares line) that counts as a trend.
TREND_THRESHOLD = 0.5
MIN_POINTS_FOR_TREND = 3


@dataclass(frozen=True, slots=True)
class MoodSummary:
    """The numbers behind the /mood text (pure: tests and the bench use it directly)."""

    count: int
    average: float
    trend: str  # "up", "down", "flat" or "unknown"
    best: CheckIn
    hardest: CheckIn


def trend(points: Sequence[tuple[int, float]]) -> str:
    """The direction of a least-squares line through (day index, mood) over the window."""
    if len(points) < MIN_POINTS_FOR_TREND:
        return "unknown"
    mean_x = fmean(x for x, _ in points)
    mean_y = fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return "unknown"
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    change = slope * (WINDOW_DAYS - 1)
    if change >= TREND_THRESHOLD:
        return "up"
    if change <= -TREND_THRESHOLD:
        return "down"
    return "flat"


def summarize(checkins: Sequence[CheckIn], first: date) -> MoodSummary:
    """Average, trend, best and hardest day (the latest one on ties) of a non-empty window."""
    ordered = sorted(checkins, key=lambda checkin: checkin.day)
    return MoodSummary(
        count=len(ordered),
        average=fmean(checkin.mood for checkin in ordered),
        trend=trend([((checkin.day - first).days, float(checkin.mood)) for checkin in ordered]),
        best=max(reversed(ordered), key=lambda checkin: checkin.mood),
        hardest=min(reversed(ordered), key=lambda checkin: checkin.mood),
    )


class MoodChart:
    """The /mood command."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "mood",
                self.mood,
                "checkin_commands.mood",
                "checkin_usage.mood",
                Audience.MEMBER,
                needs_group=True,
                private=True,
                slow=True,
            )
        )

    async def mood(self, ctx: Context, args: str) -> Sequence[Reply]:
        assert ctx.group is not None and ctx.person is not None
        today = local_day(ctx.group.timezone, ctx.now)
        first = today - timedelta(days=WINDOW_DAYS - 1)
        checkins = await ctx.uow.checkins.of_person(ctx.person.id, ctx.group.id, first, today)
        if not checkins:
            return [Reply(self._t("checkin_mood.none", days=WINDOW_DAYS), to=Here(private=True))]
        days = await ctx.uow.checkins.days(ctx.person.id, ctx.group.id, today - timedelta(days=LOOKBACK_DAYS))
        summary = summarize(checkins, first)
        text = self.summary_text(summary, streak(days, today).days, checkins)
        png = await asyncio.to_thread(self.render, checkins, first, today)
        alt = self._t.plain(
            "checkin_mood.alt",
            days=WINDOW_DAYS,
            average=f"{summary.average:.1f}",
            trend=self._t.plain(f"checkin_mood.trend_{summary.trend}"),
            best=self._day(summary.best),
            hardest=self._day(summary.hardest),
        )
        return [Reply(text, image=Image(png, alt, "mood.png"), to=Here(private=True))]

    def render(self, checkins: Sequence[CheckIn], first: date, today: date) -> bytes:
        """The chart for one person's window (also used by the bench)."""
        days = [first + timedelta(days=offset) for offset in range((today - first).days + 1)]
        moods = {checkin.day: checkin.mood for checkin in checkins}
        answers: dict[tuple[int, str, int], dict[date, int]] = {}
        for checkin in checkins:
            for answer in checkin.answers:
                question = answer.question
                answers.setdefault((question.id, question.key, question.scale), {})[checkin.day] = answer.value
        extras = [charts.Series(key, scale, values) for (_, key, scale), values in answers.items()]
        title = self._t.plain("checkin_mood.chart_title", days=WINDOW_DAYS)
        return charts.mood_chart(title, days, moods, extras)

    def summary_text(self, summary: MoodSummary, streak_days: int, checkins: Sequence[CheckIn]) -> Rich:
        lines = [
            self._t(
                "checkin_mood.summary",
                days=WINDOW_DAYS,
                count=summary.count,
                average=f"{summary.average:.1f}",
                trend=self._t.plain(f"checkin_mood.trend_{summary.trend}"),
                best=self._day(summary.best),
                hardest=self._day(summary.hardest),
                streak=self._t.plain(
                    "checkin_mood.streak_day" if streak_days == 1 else "checkin_mood.streak_days", days=streak_days
                ),
            )
        ]
        lines += self._answer_lines(checkins)
        return join(lines)

    def _day(self, checkin: CheckIn) -> str:
        label = cards.mood_label(self._t, checkin.mood)
        return self._t.plain("checkin_mood.day", day=checkin.day.strftime("%a %d %b"), mood_label=label)

    def _answer_lines(self, checkins: Sequence[CheckIn]) -> list[Rich]:
        values: dict[tuple[str, int], list[int]] = {}
        for checkin in checkins:
            for answer in checkin.answers:
                values.setdefault((answer.question.key, answer.question.scale), []).append(answer.value)
        return [
            self._t("checkin_mood.answers", label=key, average=f"{fmean(found):.1f}", scale=scale)
            for (key, scale), found in values.items()
        ]
