"""Streaks that don't shame: consecutive local days with a check-in, one grace day a week.

Pure functions over a set of local days. A missed day is forgiven once per calendar week
(Monday to Sunday); a second missed day in the same week, or two in a row, ends the streak.
Today not checked in yet doesn't break anything: the day isn't over.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

#: How far back a streak is looked for; longer streaks are shown as this many days.
LOOKBACK_DAYS = 400


@dataclass(frozen=True, slots=True)
class Streak:
    """``days`` counts days with a check-in; ``grace_days`` the missed days that were forgiven."""

    days: int
    grace_days: tuple[date, ...] = ()


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def streak(days: Collection[date], today: date) -> Streak:
    """The streak ending today (or yesterday, when today has no check-in yet)."""
    cursor = today if today in days else today - timedelta(days=1)
    count = 0
    graced: list[date] = []
    weeks_graced: set[tuple[int, int]] = set()
    earliest = today - timedelta(days=LOOKBACK_DAYS)
    while cursor >= earliest:
        if cursor in days:
            count += 1
        elif _week(cursor) in weeks_graced or (cursor - timedelta(days=1)) not in days:
            break
        else:
            weeks_graced.add(_week(cursor))
            graced.append(cursor)
        cursor -= timedelta(days=1)
    return Streak(count, tuple(sorted(graced)))
