"""What check-ins need from storage, as small Protocols (``storage.repositories.checkins``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from bot.checkins.model import (
    CardAuthor,
    CardRef,
    CheckIn,
    GroupPrefs,
    NewCheckIn,
    PersonPrefs,
    Question,
    Saved,
    SupportTally,
    Visibility,
)


class CheckInRepository(Protocol):
    """Check-ins with their history: one current check-in per person, group and local day."""

    async def get(self, checkin_id: int) -> CheckIn | None: ...

    async def current(self, person_id: int, group_id: int, day: date) -> CheckIn | None: ...

    async def add(self, checkin: NewCheckIn) -> Saved:
        """Store ``checkin`` as the day's current one; returns it, the one it replaced and how
        many support presses it carries.

        The replaced check-in stays in history; its group card and support move to the new one.
        """
        ...

    async def set_visibility(self, checkin_id: int, visibility: Visibility) -> None: ...

    async def set_card(self, checkin_id: int, card: CardRef | None) -> None: ...

    async def of_person(self, person_id: int, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        """Current check-ins of one person in one group between two local days, oldest first."""
        ...

    async def of_group(self, group_id: int, first: date, last: date) -> Sequence[CheckIn]:
        """Current check-ins of a whole group between two local days, oldest first."""
        ...

    async def days(self, person_id: int, group_id: int, first: date) -> set[date]:
        """Local days since ``first`` with a check-in (for streaks)."""
        ...

    async def versions(self, person_id: int, group_id: int, day: date) -> int:
        """How many versions of that day's check-in exist (history included)."""
        ...

    async def author(self, checkin: CheckIn) -> CardAuthor | None:
        """The check-in's author and whether they are still an active member of its group
        (None once the person is gone)."""
        ...


class SupportRepository(Protocol):
    """ "Send support" presses: one per peer and check-in; told to the author in batches."""

    async def add(self, checkin_id: int, supporter_id: int, now: datetime) -> bool:
        """Record a press; False when this peer already supported this check-in."""
        ...

    async def count(self, checkin_id: int) -> int: ...

    async def tally(self, checkin_id: int) -> SupportTally:
        """:meth:`count` and :meth:`first_untold` in one round trip (a press needs both)."""
        ...

    async def first_untold(self, checkin_id: int) -> tuple[int, datetime] | None:
        """The id and time of the oldest press not yet told to the author (names a batch)."""
        ...

    async def untold(self, checkin_id: int) -> int:
        """How many presses the author hasn't been told about yet."""
        ...

    async def mark_told(self, checkin_id: int, now: datetime) -> None: ...


class QuestionRepository(Protocol):
    """A group's extra check-in questions; removed ones stay for the history they label."""

    async def of_group(self, group_id: int) -> Sequence[Question]:
        """Active questions in the order they were added."""
        ...

    async def add(self, group_id: int, key: str, scale: int, prompt: str, visibility: Visibility) -> Question: ...

    async def remove(self, group_id: int, question_id: int) -> bool: ...


class CheckInSettingsRepository(Protocol):
    """Per-person preferences and per-group check-in settings, with defaults when unset."""

    async def person(self, person_id: int) -> PersonPrefs: ...

    async def save_person(self, prefs: PersonPrefs) -> None: ...

    async def people(self, person_ids: Sequence[int]) -> dict[int, PersonPrefs]: ...

    async def group(self, group_id: int) -> GroupPrefs: ...

    async def save_group(self, prefs: GroupPrefs) -> None: ...
