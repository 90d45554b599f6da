"""Facilitator schedule specs and the pure math of when they fall due.

Nothing here touches a database, a clock or a platform: callers pass ``now``/``after`` and
the group's time zone, so the delivery engine, ``/schedule preview`` and the tests all share
one definition of "when".

Schedules are wall-clock times in the group's zone. Daylight-saving rule (one rule for every
kind, cron included):

* A 09:00 prompt stays at 09:00 local time across changes (its UTC instant moves instead).
* A local time that doesn't exist on a spring-forward day (02:30 in Berlin on the last Sunday
  of March) is delivered at the first valid instant after the gap, i.e. shifted forward by
  the gap length: 03:30 local.
* A local time that happens twice on a fall-back day is delivered once, at its first
  occurrence (``fold=0``, still on summer time).

The program's calendar (:class:`Calendar`) applies to every kind, one-offs included:

* A skipped date gets nothing. An occurrence whose own date is skipped is dropped, not
  carried over to the next day.
* An occurrence inside quiet hours is postponed to the moment quiet hours end (for quiet
  hours that wrap midnight that may be the next morning). Several occurrences postponed to
  the same moment are delivered once. If the postponed time lands on a skipped date, the
  occurrence is dropped.

Each delivery has a stable key, :func:`occurrence_key`, built from its local date and time,
so the delivery engine can store it under a unique constraint and deliver exactly once.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from cronsim import CronSim, CronSimError

from bot.prompts.skills import CATEGORIES, resolve_category

ScheduleKind = Literal["daily", "weekdays", "days", "cron", "once"]

USAGE = (
    "/schedule daily 09:00\n"
    "/schedule weekdays 18:30\n"
    "/schedule mon,wed,fri 12:00\n"
    '/schedule cron "0 9 * * 1-5"\n'
    "/schedule once 2026-12-01 17:00 Group moves to 5pm this week\n"
    "Add category=breathing for a theme, or your own words instead of a skill, "
    "and followup=3h for a follow-up a few hours later."
)

WEEKDAYS = frozenset(range(5))
MAX_TEXT_CHARS = 1000
MAX_FOLLOWUP_HOURS = 23
MIN_CRON_GAP = timedelta(hours=1)
_SEARCH_YEARS = 10
_MAX_DST_SHIFT = timedelta(hours=3)
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_WORDS: dict[str, int] = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
_KIND_WORDS = ("daily", "weekdays", "weekends", "cron", "once", "mon,wed,fri")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_OPTION = re.compile(r"^([A-Za-z][A-Za-z_-]*)=(.*)$")
_HEAD = re.compile(r"^([A-Za-z]+(?:\s*[,-]\s*[A-Za-z]+)*)(.*)$", re.DOTALL)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


class ScheduleParseError(ValueError):
    """A schedule (or time zone) a facilitator typed can't be used.

    ``reason`` is one short friendly sentence about what is wrong; ``usage`` lists the forms
    that work, so the reply can show both.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.usage = USAGE


@dataclass(frozen=True, slots=True)
class ScheduleSpec:
    """What a facilitator asked for: when, and what to send (a skill, a theme or own text).

    ``days`` uses 0 for Monday. ``once_at`` is an aware UTC instant; every other time is a
    local wall-clock time in the group's zone. ``category`` and ``text`` are never both set;
    with neither, the prompt is a skill from the whole library.
    """

    kind: ScheduleKind
    time: time | None
    days: frozenset[int]
    cron: str | None
    once_at: datetime | None
    category: str | None
    text: str | None
    followup_hours: int | None

    def describe(self, tz: ZoneInfo | None = None) -> str:
        """A short human summary, e.g. "Mon, Wed, Fri at 12:00 · theme: Breathing"."""
        parts = [self._when(tz), self._what()]
        if self.followup_hours:
            parts.append(f"follow-up after {self.followup_hours} h")
        return " · ".join(parts)

    def _when(self, tz: ZoneInfo | None) -> str:
        at = f"{self.time:%H:%M}" if self.time else ""
        if self.kind == "daily":
            return f"every day at {at}"
        if self.kind == "weekdays":
            return f"weekdays at {at}"
        if self.kind == "days":
            return f"{', '.join(_DAY_NAMES[d] for d in sorted(self.days))} at {at}"
        if self.kind == "cron":
            assert self.cron is not None
            return _explain_cron(self.cron)
        assert self.once_at is not None
        local = self.once_at.astimezone(tz) if tz else self.once_at
        zone = "" if tz else " UTC"
        return f"once on {local:%a %d %b %Y} at {local:%H:%M}{zone}"

    def _what(self) -> str:
        if self.text is not None:
            short = self.text if len(self.text) <= 40 else self.text[:39] + "…"
            return f'"{short}"'
        if self.category is not None:
            return f"theme: {CATEGORIES[self.category]}"
        return "a coping skill"


def _explain_cron(expression: str) -> str:
    """Cron in words ("At 09:00 on Monday through Friday"), falling back to the expression."""
    try:
        words = str(CronSim(expression, datetime(2000, 1, 1)).explain())  # noqa: DTZ001
    except Exception:  # explain() is best effort; the expression itself was checked on parse
        return f'cron "{expression}"'
    return words[:1].lower() + words[1:]


@dataclass(frozen=True, slots=True)
class Calendar:
    """A group's program calendar: dates with no prompts, and daily quiet hours (local)."""

    skip_dates: frozenset[date] = field(default_factory=frozenset)
    quiet_start: time | None = None
    quiet_end: time | None = None

    def __post_init__(self) -> None:
        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet hours need both a start and an end")
        if self.quiet_start is not None and self.quiet_start == self.quiet_end:
            raise ValueError("quiet hours need different start and end times")

    def is_quiet(self, moment: time) -> bool:
        """Whether a local time of day falls inside quiet hours (end excluded)."""
        start, end = self.quiet_start, self.quiet_end
        if start is None or end is None:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def quiet_ends_after(self, wall: datetime) -> datetime:
        """The local wall-clock time the quiet spell containing ``wall`` ends."""
        assert self.quiet_start is not None and self.quiet_end is not None
        day = wall.date()
        if self.quiet_start > self.quiet_end and wall.time() >= self.quiet_start:
            day += timedelta(days=1)
        return datetime.combine(day, self.quiet_end)


# ---------------------------------------------------------------- parsing


def parse_timezone(name: str) -> ZoneInfo:
    """An IANA zone from what someone typed ("Europe/Berlin", "europe/berlin", "UTC")."""
    cleaned = name.strip().replace(" ", "_")
    canonical = _zone_names().get(cleaned.lower())
    if canonical is None:
        raise ScheduleParseError(
            f"I don't know the time zone '{name.strip()}'. Use a name like Europe/Berlin or America/New_York."
        )
    try:
        return ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ScheduleParseError(f"I couldn't load the time zone '{canonical}'.") from exc


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {zone.lower(): zone for zone in available_timezones()}


def parse_schedule(args: str, tz: ZoneInfo, now: datetime) -> ScheduleSpec:
    """Parse the arguments of ``/schedule`` for a group in ``tz``; ``now`` must be aware.

    Raises :class:`ScheduleParseError` with a friendly reason for anything unusable.
    """
    _require_aware(now, "now")
    text = args.translate(_QUOTES).strip()
    head_match = _HEAD.match(text)
    if not text or head_match is None:
        raise ScheduleParseError("Start with how often, for example: daily 09:00.")
    head = re.sub(r"\s*([,-])\s*", r"\1", head_match.group(1).lower())
    rest = head_match.group(2).strip()
    if head == "cron":
        return _parse_cron(rest, now.astimezone(tz))
    if head == "once":
        return _parse_once(rest, tz, now)
    days = _parse_days_word(head)
    time_token, _, tail = rest.partition(" ")
    at = _parse_time(time_token, head)
    category, custom, followup = _parse_tail(tail)
    kind: ScheduleKind = "days"
    if head == "daily":
        kind = "daily"
    elif head == "weekdays":
        kind = "weekdays"
    return ScheduleSpec(kind, at, days, None, None, category, custom, followup)


def _parse_days_word(head: str) -> frozenset[int]:
    if head == "daily":
        return frozenset(range(7))
    if head == "weekdays":
        return WEEKDAYS
    if head == "weekends":
        return frozenset({5, 6})
    days: set[int] = set()
    for piece in re.split(r"\s*,\s*", head):
        first, _, last = piece.partition("-")
        if first not in _DAY_WORDS or (last and last.strip() not in _DAY_WORDS):
            raise ScheduleParseError(_unknown_word(piece if first in _DAY_WORDS else first))
        start = _DAY_WORDS[first]
        end = _DAY_WORDS[last.strip()] if last else start
        days.update((start + offset) % 7 for offset in range((end - start) % 7 + 1))
    return frozenset(days)


def _unknown_word(word: str) -> str:
    guess = difflib.get_close_matches(word, [*_KIND_WORDS, *_DAY_WORDS], n=1, cutoff=0.6)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    return f"I don't know '{word}'.{hint}"


def _parse_time(token: str, kind_word: str) -> time:
    if not token:
        raise ScheduleParseError(f"Add a time, for example: {kind_word} 09:00.")
    match = _TIME.match(token)
    if match is not None:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        suffix = (match.group(3) or "").lower().replace(".", "")
        if suffix and 1 <= hour <= 12:
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif suffix or match.group(2) is None:
            hour = -1
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return time(hour, minute)
    raise ScheduleParseError(f"'{token}' isn't a time of day. Use 24-hour time like 09:00 or 18:30.")


def _parse_date(token: str) -> date:
    match = _DATE.match(token)
    try:
        if match is None:
            raise ValueError(token)
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ScheduleParseError(
            f"'{token}' isn't a date I can use. Write it as year-month-day, like 2026-12-01."
        ) from None


def _parse_tail(tail: str) -> tuple[str | None, str | None, int | None]:
    """Split ``key=value`` options from free text; returns (category, text, followup)."""
    options: dict[str, str] = {}
    words: list[str] = []
    for token in tail.split():
        match = _OPTION.match(token)
        if match is None:
            words.append(token)
            continue
        key = match.group(1).lower().replace("-", "").replace("_", "")
        if key in options:
            raise ScheduleParseError(f"'{match.group(1)}' is given twice.")
        options[key] = match.group(2)
    unknown = sorted(set(options) - {"category", "theme", "followup"})
    if unknown:
        raise ScheduleParseError(f"I don't know the option '{unknown[0]}'. You can use category=… and followup=….")
    if "category" in options and "theme" in options:
        raise ScheduleParseError("Give either category= or theme=, not both.")
    raw_category = options.get("category", options.get("theme"))
    category = _parse_category(raw_category) if raw_category is not None else None
    followup = _parse_followup(options["followup"]) if "followup" in options else None
    text = _parse_text(words)
    if text is not None and category is not None:
        raise ScheduleParseError("Choose either a theme or your own message, not both.")
    return category, text, followup


def _parse_category(value: str) -> str:
    category = resolve_category(value)
    if category is None:
        raise ScheduleParseError(f"I don't know the theme '{value}'. Themes: {', '.join(CATEGORIES)}.")
    return category


def _parse_followup(value: str) -> int:
    match = re.fullmatch(r"(\d{1,2})\s*h?", value.strip().lower())
    if match is None or not 1 <= int(match.group(1)) <= MAX_FOLLOWUP_HOURS:
        raise ScheduleParseError(f"followup= takes a number of hours from 1 to {MAX_FOLLOWUP_HOURS}, like followup=3h.")
    return int(match.group(1))


def _parse_text(words: list[str]) -> str | None:
    if not words:
        return None
    joined = " ".join(words)
    if len(joined) >= 2 and joined[0] == joined[-1] == '"':
        joined = joined[1:-1].strip()
    if not joined:
        raise ScheduleParseError("The message is empty. Write what the group should see.")
    if len(joined) > MAX_TEXT_CHARS:
        raise ScheduleParseError(f"Please keep the message under {MAX_TEXT_CHARS} characters.")
    return joined


def _parse_cron(rest: str, local_now: datetime) -> ScheduleSpec:
    if rest.startswith('"'):
        expression, quote, tail = rest[1:].partition('"')
        if not quote:
            raise ScheduleParseError('The cron expression needs a closing quote: cron "0 9 * * 1-5".')
    else:
        pieces = rest.split()
        expression, tail = " ".join(pieces[:5]), " ".join(pieces[5:])
    expression = " ".join(expression.split())
    if len(expression.split()) != 5:
        raise ScheduleParseError(
            'A cron expression has five fields: minute hour day month weekday, like "0 9 * * 1-5".'
        )
    _check_cron(expression, local_now.replace(tzinfo=None))
    category, custom, followup = _parse_tail(tail)
    return ScheduleSpec("cron", None, frozenset(), expression, None, category, custom, followup)


def _check_cron(expression: str, local_now: datetime) -> None:
    """Reject expressions that are invalid, never happen, or would post more than hourly."""
    try:
        walls = CronSim(expression, local_now)
        previous = next(walls)
        for _ in range(24):
            current = next(walls)
            if current - previous < MIN_CRON_GAP:
                raise ScheduleParseError(
                    "That cron schedule would post more than once an hour; "
                    "please keep at least an hour between prompts."
                )
            previous = current
    except CronSimError as exc:
        raise ScheduleParseError(f"That cron expression doesn't work ({exc}).") from None
    except StopIteration:
        raise ScheduleParseError("That cron expression never comes round.") from None


def _parse_once(rest: str, tz: ZoneInfo, now: datetime) -> ScheduleSpec:
    date_token, _, rest = rest.partition(" ")
    if not date_token:
        raise ScheduleParseError("Add a date and time, for example: once 2026-12-01 17:00 Hello.")
    day = _parse_date(date_token)
    time_token, _, tail = rest.strip().partition(" ")
    at = _parse_time(time_token, f"once {date_token}")
    once_at = localize(datetime.combine(day, at), tz)
    if once_at <= now:
        raise ScheduleParseError(f"{date_token} {at:%H:%M} has already passed in {tz.key}.")
    category, custom, followup = _parse_tail(tail)
    if custom is None and category is None:
        raise ScheduleParseError("A one-off needs a message, for example: once 2026-12-01 17:00 No group today.")
    return ScheduleSpec("once", None, frozenset(), None, once_at, category, custom, followup)


# ---------------------------------------------------------------- occurrences


def localize(wall: datetime, tz: ZoneInfo) -> datetime:
    """The aware UTC instant of a naive local wall-clock time, following the DST rule.

    ``fold=0`` does both halves of the rule: in a gap Python applies the offset from before
    the change (so 02:30 comes out as 03:30 local), and in a repeated hour it picks the first.
    """
    return wall.replace(tzinfo=tz, fold=0).astimezone(UTC)


def next_occurrences(
    spec: ScheduleSpec,
    tz: ZoneInfo,
    after: datetime,
    count: int,
    calendar: Calendar | None = None,
) -> list[datetime]:
    """The next ``count`` delivery instants strictly after ``after``, as aware UTC, in order.

    Calendar postponements are included, so the answer only depends on the schedule, never on
    when it is asked: the delivery engine can always ask "what comes after the last one I
    delivered". Fewer than ``count`` come back when the schedule ends (a one-off) or nothing
    falls due within ten years.
    """
    _require_aware(after, "after")
    if count <= 0:
        return []
    cal = calendar or Calendar()
    local_after = after.astimezone(tz).replace(tzinfo=None)
    start = datetime.combine(local_after.date() - timedelta(days=2), time())
    horizon = local_after + timedelta(days=366 * _SEARCH_YEARS)
    best: list[datetime] = []
    for wall in _walls(spec, tz, start, cal.skip_dates):
        if wall > horizon:
            break
        delivery = _deliver_at(wall, tz, cal)
        if delivery is not None and delivery > after and delivery not in best:
            bisect.insort(best, delivery)
            del best[count:]
        if len(best) == count and localize(wall, tz) > best[-1] + _MAX_DST_SHIFT:
            break
    return best


def followup_at(
    spec: ScheduleSpec, delivered_at: datetime, tz: ZoneInfo, calendar: Calendar | None = None
) -> datetime | None:
    """When the follow-up of a delivery goes out (aware UTC), or None for no follow-up.

    The follow-up comes ``followup_hours`` of real time after the delivery. A follow-up that
    would land in quiet hours or on a skipped date is dropped rather than postponed: asking
    "did anyone try it?" the next morning isn't useful.
    """
    _require_aware(delivered_at, "delivered_at")
    if not spec.followup_hours:
        return None
    due = delivered_at.astimezone(UTC) + timedelta(hours=spec.followup_hours)
    local = due.astimezone(tz)
    cal = calendar or Calendar()
    if local.date() in cal.skip_dates or cal.is_quiet(local.time()):
        return None
    return due


def occurrence_key(schedule_id: int, local_dt: datetime) -> str:
    """A stable key for one delivery of one schedule, e.g. ``"12:2026-12-01T09:00"``.

    Pass the delivery time converted to the group's zone (``instant.astimezone(tz)``). Under
    the DST rule no two deliveries of a schedule share a local minute, so the key is unique; a
    follow-up can use the same key with a suffix.
    """
    return f"{schedule_id}:{local_dt:%Y-%m-%dT%H:%M}"


def _deliver_at(wall: datetime, tz: ZoneInfo, cal: Calendar) -> datetime | None:
    """Apply the calendar to one scheduled wall time: its delivery instant, or None."""
    if wall.date() in cal.skip_dates:
        return None
    instant = localize(wall, tz)
    local = instant.astimezone(tz).replace(tzinfo=None)
    if cal.is_quiet(local.time()):
        local = cal.quiet_ends_after(local)
        instant = localize(local, tz)
    if local.date() in cal.skip_dates:
        return None
    return instant


def _walls(spec: ScheduleSpec, tz: ZoneInfo, start: datetime, skip_dates: frozenset[date]) -> Iterator[datetime]:
    """Naive local wall-clock times the schedule names, in order, from ``start`` on."""
    if spec.kind == "once":
        assert spec.once_at is not None
        yield spec.once_at.astimezone(tz).replace(tzinfo=None)
    elif spec.kind == "cron":
        assert spec.cron is not None
        yield from _cron_walls(spec.cron, start, skip_dates)
    else:
        assert spec.time is not None
        day = start.date()
        while True:
            if day.weekday() in spec.days:
                yield datetime.combine(day, spec.time)
            day += timedelta(days=1)


def _cron_walls(expression: str, start: datetime, skip_dates: frozenset[date]) -> Iterator[datetime]:
    """Cron evaluated on naive local time, jumping over skipped dates a day at a time."""
    resume: datetime | None = start
    while resume is not None:
        walls, resume = CronSim(expression, resume - timedelta(minutes=1)), None
        for wall in walls:
            if wall.date() in skip_dates:
                resume = datetime.combine(wall.date() + timedelta(days=1), time())
                break
            yield wall


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
