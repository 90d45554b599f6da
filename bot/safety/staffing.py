"""Staffed hours: when a group's facilitators are around, in the group's own time zone.

Outside these hours the crisis reply says plainly that facilitators are offline and points to
the crisis lines. A shift may run past midnight ("fri 22:00-02:00" covers Friday night); its
days name the day the shift starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EVERY_DAY = {"daily", "everyday", "all", "every"}
_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, slots=True)
class StaffedHours:
    """Weekdays (0 = Monday) and a daily window; ``start == end`` means the whole day."""

    days: frozenset[int]
    start: time
    end: time

    def covers(self, local: datetime) -> bool:
        """Whether facilitators are on at this local moment."""
        moment = local.time().replace(tzinfo=None)
        today = local.weekday()
        yesterday = (today - 1) % 7
        if self.start == self.end:
            return today in self.days
        if self.start < self.end:
            return today in self.days and self.start <= moment < self.end
        return (today in self.days and moment >= self.start) or (yesterday in self.days and moment < self.end)

    def encode(self) -> str:
        """Compact storage form: ``01234 09:00-17:00``."""
        days = "".join(str(day) for day in sorted(self.days))
        return f"{days} {self.start:%H:%M}-{self.end:%H:%M}"

    @classmethod
    def decode(cls, stored: str) -> StaffedHours:
        days, _, hours = stored.partition(" ")
        parsed = parse_hours(hours)
        if parsed is None:
            raise ValueError("stored staffed hours are malformed")
        return cls(frozenset(int(day) for day in days), *parsed)

    def describe(self) -> str:
        """For people: ``Mon–Fri 09:00–17:00``."""
        return f"{describe_days(self.days)} {self.start:%H:%M}–{self.end:%H:%M}"


def parse_staffed(text: str) -> StaffedHours | None:
    """``mon-fri 09:00-17:00``, ``mon,wed 18:00-21:00``, ``daily 08:00-20:00``; None if unclear."""
    parts = text.strip().lower().split(maxsplit=1)
    if len(parts) != 2:
        return None
    days = parse_days(parts[0])
    hours = parse_hours(parts[1].replace(" ", ""))
    if days is None or hours is None:
        return None
    return StaffedHours(days, *hours)


def parse_days(text: str) -> frozenset[int] | None:
    """A comma list of day names or ranges (``mon-fri,sun``), or ``daily``."""
    if text in _EVERY_DAY:
        return frozenset(range(7))
    days: set[int] = set()
    for item in text.split(","):
        first, _, last = item.partition("-")
        start, end = _day(first), _day(last or first)
        if start is None or end is None:
            return None
        span = (end - start) % 7
        days.update((start + offset) % 7 for offset in range(span + 1))
    return frozenset(days)


def _day(name: str) -> int | None:
    name = name.strip()[:3]
    return DAY_NAMES.index(name) if name in DAY_NAMES else None


def parse_hours(text: str) -> tuple[time, time] | None:
    match = _HOURS.match(text.strip())
    if match is None:
        return None
    start_h, start_m, end_h, end_m = (int(value) for value in match.groups())
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (end_h == 24 and end_m):
        return None
    end = time(0, 0) if end_h == 24 else time(end_h, end_m)
    return time(start_h, start_m), end


def describe_days(days: frozenset[int]) -> str:
    """Runs of days joined: ``Mon–Fri``, ``Mon, Wed``, ``every day``."""
    if len(days) == 7:
        return "every day"
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [DAY_NAMES[run[0]].title() + (f"–{DAY_NAMES[run[-1]].title()}" if len(run) > 2 else "") for run in runs]
    spelled: list[str] = []
    for run, name in zip(runs, names, strict=True):
        spelled.extend([DAY_NAMES[day].title() for day in run] if len(run) == 2 else [name])
    return ", ".join(spelled)


__all__ = ["StaffedHours", "describe_days", "parse_days", "parse_hours", "parse_staffed"]
