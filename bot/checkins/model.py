"""What a check-in is: a mood, an optional note, extra answers, and who may see it.

Plain frozen dataclasses; storage maps its rows onto them. Visibility is the one rule the
whole feature is built around: a check-in is shown to someone only if :func:`visible_to`
says so, and an "only me" check-in is never shown to anyone but its author.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain import Person

MIN_MOOD, MAX_MOOD = 1, 5
MAX_NOTE_CHARS = 500
MAX_QUESTIONS = 3
SCALES = (5, 10)


class Visibility(StrEnum):
    """Who may see a check-in; ordered from most open to most private."""

    GROUP = "group"
    FACILITATORS = "facilitators"
    ME = "me"

    @property
    def openness(self) -> int:
        return {"group": 2, "facilitators": 1, "me": 0}[self.value]

    def narrowest(self, other: Visibility) -> Visibility:
        """The more private of two visibilities (an answer never goes further than its check-in)."""
        return self if self.openness <= other.openness else other

    @property
    def code(self) -> str:
        """One letter for compact button actions."""
        return self.value[0]

    @classmethod
    def from_code(cls, code: str) -> Visibility | None:
        return {"g": cls.GROUP, "f": cls.FACILITATORS, "m": cls.ME}.get(code)


class Viewer(StrEnum):
    """Who is looking: the check-in's author, a facilitator, or a peer in the group."""

    AUTHOR = "author"
    FACILITATOR = "facilitator"
    PEER = "peer"


def visible_to(visibility: Visibility, viewer: Viewer) -> bool:
    """The visibility rule, in one place."""
    if viewer is Viewer.AUTHOR:
        return True
    if viewer is Viewer.FACILITATOR:
        return visibility is not Visibility.ME
    return visibility is Visibility.GROUP


@dataclass(frozen=True, slots=True)
class Question:
    """A facilitator's extra question on a 0..scale range (sleep, stress, urges)."""

    id: int
    group_id: int
    key: str
    scale: int
    prompt: str
    visibility: Visibility
    active: bool = True


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer to an extra question, carrying the question for labels and visibility."""

    question: Question
    value: int

    def visibility_within(self, checkin: Visibility) -> Visibility:
        return self.question.visibility.narrowest(checkin)


@dataclass(frozen=True, slots=True)
class CardRef:
    """Where a check-in's group card landed, so the support counter can edit it."""

    chat_id: str
    message_id: str


@dataclass(frozen=True, slots=True)
class NewCheckIn:
    """A check-in about to be stored (the id and history come from storage)."""

    person_id: int
    group_id: int
    day: date
    mood: int
    note: str | None
    visibility: Visibility
    answers: tuple[tuple[int, int], ...] = ()  # (question id, value)
    content_warning: bool = False


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A stored check-in; ``current`` is false for earlier versions of the same local day."""

    id: int
    person_id: int
    group_id: int
    day: date
    mood: int
    note: str | None
    visibility: Visibility
    created_at: datetime
    current: bool
    content_warning: bool
    card: CardRef | None
    answers: tuple[Answer, ...] = ()


@dataclass(frozen=True, slots=True)
class CardAuthor:
    """Who wrote a check-in, and whether they are still an active member of its group."""

    person: Person
    active: bool


@dataclass(frozen=True, slots=True)
class Saved:
    """A check-in just stored as the day's current one, the one it replaced (if any), and
    the support presses it carries over from the day's earlier versions."""

    checkin: CheckIn
    earlier: CheckIn | None
    supports: int


@dataclass(frozen=True, slots=True)
class SupportTally:
    """A check-in's support presses: how many, and the oldest one not yet told to the author."""

    count: int
    first_untold: tuple[int, datetime] | None


@dataclass(frozen=True, slots=True)
class PersonPrefs:
    """A person's check-in preferences (the same in every group they belong to)."""

    person_id: int
    visibility: Visibility = Visibility.GROUP
    reminders: bool = True
    paused_until: datetime | None = None

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now


DEFAULT_CHECKIN_TIME = time(19, 0)


@dataclass(frozen=True, slots=True)
class GroupPrefs:
    """A group's check-in settings; facilitators change the reminder time."""

    group_id: int
    checkin_time: time = DEFAULT_CHECKIN_TIME


def local_day(timezone: str, moment: datetime) -> date:
    """The calendar day in a group's time zone: check-ins, streaks and reports count these."""
    return moment.astimezone(ZoneInfo(timezone)).date()
