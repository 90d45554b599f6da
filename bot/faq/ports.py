"""What the FAQ feature stores: a group's own entries and its unanswered questions.

Group entries come back as :class:`bot.faq.entries.FaqEntry` with ``group_id`` set and an id
of the form ``#<number>``, which can never clash with a file entry's id (files allow only
lower-case letters, digits and dashes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.faq.entries import FaqEntry

GROUP_ENTRY_PREFIX = "#"


def group_entry_id(number: int) -> str:
    """The FAQ id of a group's own entry with database id ``number``."""
    return f"{GROUP_ENTRY_PREFIX}{number}"


def group_entry_number(entry_id: str) -> int | None:
    """The database id inside ``#12`` (or a bare ``12``), None for anything else."""
    digits = entry_id.strip().removeprefix(GROUP_ENTRY_PREFIX)
    if not digits.isascii() or not digits.isdigit() or len(digits) > 18:
        return None
    return int(digits)


@dataclass(frozen=True, slots=True)
class GroupEntryText:
    """What a facilitator writes for an entry."""

    question: str
    answer: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Gap:
    """An unanswered question (text opened) and when it was asked; nobody's name."""

    question: str
    asked_at: datetime


class FaqRepository(Protocol):
    """A group's own entries and unanswered questions; never anything about who asked."""

    async def entries(self, group_id: int) -> Sequence[FaqEntry]:
        """The group's own entries, oldest first."""
        ...

    async def add(self, group_id: int, text: GroupEntryText, now: datetime) -> FaqEntry: ...

    async def update(self, group_id: int, number: int, text: GroupEntryText, now: datetime) -> FaqEntry | None:
        """The updated entry, or None when the group has no entry with that number."""
        ...

    async def remove(self, group_id: int, number: int) -> bool: ...

    async def record_gap(self, group_id: int, question: str, now: datetime) -> None:
        """Keep an unanswered question, sealed, with the group and time only."""
        ...

    async def gaps(self, group_id: int, since: datetime, limit: int) -> Sequence[Gap]:
        """Unanswered questions asked since ``since``, newest first."""
        ...

    async def forget_gaps_before(self, before: datetime) -> int:
        """Delete unanswered questions older than ``before`` (retention); returns how many."""
        ...
