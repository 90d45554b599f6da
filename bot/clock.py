"""Clocks: time is data the core asks for, never a global it reads.

The bot runs on :class:`SystemClock`; the console and tests use :class:`ManualClock`, which
only moves when told (``/clock +1d``), so scheduled things happen without anyone sleeping.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class SystemClock:
    """The real time, always timezone-aware UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime.now(UTC).replace(microsecond=0)
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by ``delta`` (never backwards: schedules rely on time moving on)."""
        if delta < timedelta(0):
            raise ValueError("the clock only moves forward")
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        """Jump to ``moment`` if it is later than now."""
        moment = moment.astimezone(UTC)
        self._now = max(moment, self._now)
