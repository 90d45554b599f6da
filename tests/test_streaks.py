"""Streaks: consecutive local days, one grace day per calendar week, today never counts against."""

from __future__ import annotations

from datetime import date, timedelta

from bot.checkins.streaks import LOOKBACK_DAYS, streak

MONDAY = date(2026, 11, 23)


def days(*offsets: int) -> set[date]:
    return {MONDAY + timedelta(days=offset) for offset in offsets}


def test_no_check_ins_is_a_streak_of_zero() -> None:
    assert streak(set(), MONDAY).days == 0


def test_three_days_in_a_row_ending_today_is_three() -> None:
    assert streak(days(0, 1, 2), MONDAY + timedelta(days=2)).days == 3


def test_today_not_checked_in_yet_keeps_yesterdays_streak() -> None:
    assert streak(days(0, 1, 2), MONDAY + timedelta(days=3)).days == 3


def test_one_missed_day_in_a_week_is_forgiven_and_named() -> None:
    result = streak(days(0, 1, 3, 4), MONDAY + timedelta(days=4))
    assert result.days == 4
    assert result.grace_days == (MONDAY + timedelta(days=2),)


def test_a_second_missed_day_in_the_same_week_ends_the_streak() -> None:
    result = streak(days(0, 2, 4, 5), MONDAY + timedelta(days=5))
    assert result.days == 3
    assert result.grace_days == (MONDAY + timedelta(days=3),)


def test_two_missed_days_in_a_row_end_the_streak() -> None:
    assert streak(days(0, 1, 4, 5), MONDAY + timedelta(days=5)).days == 2


def test_each_calendar_week_has_its_own_grace_day() -> None:
    checked = days(*[offset for offset in range(14) if offset not in {2, 9}])
    result = streak(checked, MONDAY + timedelta(days=13))
    assert result.days == 12
    assert len(result.grace_days) == 2


def test_yesterday_missed_and_today_open_still_counts_earlier_days() -> None:
    result = streak(days(0, 1, 2), MONDAY + timedelta(days=4))
    assert result.days == 3
    assert result.grace_days == (MONDAY + timedelta(days=3),)


def test_very_long_streaks_stop_at_the_lookback() -> None:
    today = MONDAY + timedelta(days=1000)
    every_day = {today - timedelta(days=offset) for offset in range(1001)}
    assert streak(every_day, today).days == LOOKBACK_DAYS + 1
