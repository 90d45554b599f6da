"""Staffed hours: parsing what facilitators type, describing it, and whether a moment is covered."""

from __future__ import annotations

from datetime import datetime, time

from bot.safety.staffing import StaffedHours, parse_staffed

MONDAY_NOON = datetime(2026, 11, 23, 12, 0)


def test_weekday_office_hours_cover_monday_noon_but_not_saturday_or_the_evening() -> None:
    hours = parse_staffed("mon-fri 09:00-17:00")
    assert hours == StaffedHours(frozenset(range(5)), time(9), time(17))
    assert hours.covers(MONDAY_NOON)
    assert not hours.covers(MONDAY_NOON.replace(hour=17))
    assert not hours.covers(MONDAY_NOON.replace(day=28))


def test_a_night_shift_covers_the_small_hours_of_the_next_day() -> None:
    hours = parse_staffed("fri 22:00-02:00")
    assert hours is not None
    assert hours.covers(datetime(2026, 11, 27, 23, 0))
    assert hours.covers(datetime(2026, 11, 28, 1, 30))
    assert not hours.covers(datetime(2026, 11, 28, 2, 0))
    assert not hours.covers(datetime(2026, 11, 26, 23, 0))


def test_lists_ranges_wrapping_weeks_and_daily_are_understood_and_described() -> None:
    assert parse_staffed("mon,wed 18:00-21:00").describe() == "Mon, Wed 18:00–21:00"  # type: ignore[union-attr]
    assert parse_staffed("sat-mon 10:00-12:00").describe() == "Mon, Sat, Sun 10:00–12:00"  # type: ignore[union-attr]
    assert parse_staffed("daily 08:00-20:00").describe() == "every day 08:00–20:00"  # type: ignore[union-attr]
    assert parse_staffed("Mon-Thu 9:30 - 24:00").describe() == "Mon–Thu 09:30–00:00"  # type: ignore[union-attr]


def test_nonsense_is_refused() -> None:
    for text in ("", "mon-fri", "someday 09:00-17:00", "mon-fri 9-5", "mon 25:00-26:00", "mon 09:60-10:00"):
        assert parse_staffed(text) is None, text


def test_stored_form_round_trips() -> None:
    hours = parse_staffed("tue,thu 07:15-19:45")
    assert hours is not None
    assert StaffedHours.decode(hours.encode()) == hours
