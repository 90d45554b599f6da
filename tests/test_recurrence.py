"""Parsing facilitator schedules and computing when they fall due, DST and calendar included."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.prompts.recurrence import (
    USAGE,
    Calendar,
    ScheduleParseError,
    ScheduleSpec,
    followup_at,
    localize,
    next_occurrences,
    occurrence_key,
    parse_schedule,
    parse_timezone,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def parse(args: str, tz: ZoneInfo = BERLIN) -> ScheduleSpec:
    return parse_schedule(args, tz, NOW)


def local_times(
    spec: ScheduleSpec, tz: ZoneInfo, after: datetime, count: int, calendar: Calendar | None = None
) -> list[str]:
    return [d.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") for d in next_occurrences(spec, tz, after, count, calendar)]


def parse_error(args: str, tz: ZoneInfo = BERLIN) -> ScheduleParseError:
    with pytest.raises(ScheduleParseError) as caught:
        parse_schedule(args, tz, NOW)
    return caught.value


# ---------------------------------------------------------------- parsing: good forms


def test_daily_has_every_day_and_a_time() -> None:
    spec = parse("daily 09:00")
    assert (spec.kind, spec.time, spec.days) == ("daily", time(9, 0), frozenset(range(7)))
    assert (spec.category, spec.text, spec.followup_hours) == (None, None, None)


def test_weekdays_means_monday_to_friday() -> None:
    spec = parse("weekdays 18:30")
    assert (spec.kind, spec.time, spec.days) == ("weekdays", time(18, 30), frozenset(range(5)))


@pytest.mark.parametrize(
    ("args", "days"),
    [
        ("mon,wed,fri 12:00", {0, 2, 4}),
        ("tue 12:00", {1}),
        ("sat,sun 12:00", {5, 6}),
        ("Mon, Thursday 12:00", {0, 3}),
        ("fri-mon 12:00", {4, 5, 6, 0}),
        ("weekends 12:00", {5, 6}),
    ],
)
def test_named_days_become_a_day_set(args: str, days: set[int]) -> None:
    spec = parse(args)
    assert (spec.kind, spec.days, spec.time) == ("days", frozenset(days), time(12, 0))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("9:05", time(9, 5)), ("7pm", time(19, 0)), ("12am", time(0, 0)), ("6:30pm", time(18, 30))],
)
def test_times_accept_short_and_am_pm_forms(typed: str, expected: time) -> None:
    assert parse(f"daily {typed}").time == expected


def test_cron_in_quotes_is_kept_as_written() -> None:
    spec = parse('cron "0 9 * * 1-5"')
    assert (spec.kind, spec.cron, spec.time) == ("cron", "0 9 * * 1-5", None)


def test_cron_accepts_curly_quotes_from_phone_keyboards_and_options_after() -> None:
    spec = parse("cron “0 9 * * 1-5” category=breathing")
    assert (spec.cron, spec.category) == ("0 9 * * 1-5", "breathing")


def test_cron_without_quotes_takes_five_fields() -> None:
    spec = parse("cron 30 18 * * mon,wed Time to check in")
    assert (spec.cron, spec.text) == ("30 18 * * mon,wed", "Time to check in")


def test_once_keeps_the_announcement_and_stores_utc() -> None:
    spec = parse("once 2026-12-01 17:00 Group moves to 5pm this week")
    assert spec.kind == "once"
    assert spec.once_at == datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    assert spec.text == "Group moves to 5pm this week"


def test_category_option_is_resolved_from_loose_words() -> None:
    assert parse("daily 09:00 category=Breath").category == "breathing"
    assert parse("daily 09:00 theme=cbt").category == "thinking"


def test_trailing_words_are_the_custom_message_and_quotes_are_dropped() -> None:
    assert parse('weekdays 18:30 "How was today?" followup=2h').text == "How was today?"


def test_followup_takes_hours() -> None:
    assert parse("daily 09:00 followup=3h").followup_hours == 3
    assert parse("daily 09:00 follow-up=4").followup_hours == 4


def test_describe_gives_a_short_summary() -> None:
    assert parse("mon,wed,fri 12:00 category=breathing followup=3h").describe() == (
        "Mon, Wed, Fri at 12:00 · theme: Breathing · follow-up after 3 h"
    )
    assert parse("daily 09:00").describe() == "every day at 09:00 · a coping skill"
    assert "Monday through Friday" in parse('cron "0 9 * * 1-5"').describe()
    once = parse("once 2026-12-01 17:00 Hello all")
    assert once.describe(BERLIN) == 'once on Tue 01 Dec 2026 at 17:00 · "Hello all"'


# ---------------------------------------------------------------- parsing: bad input


def test_hour_25_is_refused_with_the_reason() -> None:
    error = parse_error("daily 25:00")
    assert "25:00" in error.reason and "24-hour" in error.reason


def test_misspelt_kind_suggests_the_right_word() -> None:
    error = parse_error("dailly 09:00")
    assert "dailly" in error.reason and "daily" in error.reason.split("'dailly'")[1]


def test_every_error_carries_the_usage() -> None:
    error = parse_error("dailly 09:00")
    assert error.usage == USAGE and "/schedule daily 09:00" in error.usage
    assert isinstance(error, ValueError)


def test_past_date_is_refused() -> None:
    error = parse_error("once 2025-06-01 10:00 Too late")
    assert "already passed" in error.reason


def test_invalid_time_zone_is_refused() -> None:
    with pytest.raises(ScheduleParseError, match="Mars/Olympus"):
        parse_timezone("Mars/Olympus")


def test_time_zone_names_are_matched_without_case() -> None:
    assert parse_timezone("europe/berlin").key == "Europe/Berlin"
    assert parse_timezone(" UTC ").key == "UTC"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("", "how often"),
        ("daily", "Add a time"),
        ("daily 9", "isn't a time"),
        ("daily 13pm", "isn't a time"),
        ("daily 09:60", "isn't a time"),
        ("daily 09:00 colour=blue", "option 'colour'"),
        ('daily 09:00 ""', "message is empty"),
        ("daily 09:00 category=astrology", "theme 'astrology'"),
        ("daily 09:00 category=sleep Some words", "not both"),
        ("daily 09:00 followup=30h", "followup="),
        ("daily 09:00 followup=soon", "followup="),
        ("daily 09:00 followup=1h followup=2h", "twice"),
        ("daily 09:00 " + "x" * 1001, "under 1000"),
        ("mon,wed,fry 12:00", "'fry'"),
        ("once 2026-02-30 10:00 Hi", "isn't a date"),
        ("once 2026-12-01 10:00", "needs a message"),
        ("once", "Add a date"),
        ('cron "0 9 * *"', "five fields"),
        ('cron "0 9 * * 1-5', "closing quote"),
        ('cron "0 25 * * *"', "doesn't work"),
        ('cron "*/10 * * * *"', "more than once an hour"),
        ('cron "0 9 31 2 *"', "doesn't work"),
    ],
)
def test_bad_schedules_get_a_clear_reason(args: str, fragment: str) -> None:
    assert fragment in parse_error(args).reason


def test_parse_needs_an_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_schedule("daily 09:00", BERLIN, datetime(2026, 1, 1))


# ---------------------------------------------------------------- occurrences


def test_daily_gives_the_next_days_at_local_time() -> None:
    after = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
    assert local_times(parse("daily 09:00"), BERLIN, after, 2) == [
        "2026-06-02 09:00 CEST",
        "2026-06-03 09:00 CEST",
    ]


def test_occurrence_at_exactly_after_is_not_repeated() -> None:
    spec = parse("daily 09:00")
    first = next_occurrences(spec, BERLIN, datetime(2026, 6, 1, tzinfo=UTC), 1)[0]
    assert next_occurrences(spec, BERLIN, first, 1)[0] == first + timedelta(days=1)


def test_weekdays_skip_the_weekend() -> None:
    after = datetime(2026, 6, 5, 12, 0, tzinfo=UTC)  # Friday afternoon
    assert local_times(parse("weekdays 18:30"), BERLIN, after, 3) == [
        "2026-06-05 18:30 CEST",
        "2026-06-08 18:30 CEST",
        "2026-06-09 18:30 CEST",
    ]


def test_named_days_fall_on_those_days_only() -> None:
    after = datetime(2026, 6, 1, tzinfo=UTC)
    got = next_occurrences(parse("mon,wed,fri 12:00"), BERLIN, after, 6)
    assert {d.astimezone(BERLIN).weekday() for d in got} == {0, 2, 4}


def test_cron_is_evaluated_in_local_time() -> None:
    after = datetime(2026, 6, 5, 18, 0, tzinfo=UTC)  # Friday 14:00 in New York
    assert local_times(parse('cron "0 9 * * 1-5"'), NEW_YORK, after, 2) == [
        "2026-06-08 09:00 EDT",
        "2026-06-09 09:00 EDT",
    ]


def test_once_happens_once_and_then_never_again() -> None:
    spec = parse("once 2026-12-01 17:00 Hello")
    assert next_occurrences(spec, BERLIN, NOW, 5) == [datetime(2026, 12, 1, 16, tzinfo=UTC)]
    assert next_occurrences(spec, BERLIN, datetime(2026, 12, 2, tzinfo=UTC), 5) == []


def test_asking_one_at_a_time_gives_the_same_series_as_asking_for_many() -> None:
    spec = parse('cron "0 7,19 * * *"')
    calendar = Calendar(frozenset({date(2026, 3, 30)}), time(22, 0), time(8, 0))
    after = datetime(2026, 3, 27, tzinfo=UTC)
    many = next_occurrences(spec, BERLIN, after, 10, calendar)
    chained: list[datetime] = []
    for _ in range(10):
        (after,) = next_occurrences(spec, BERLIN, after, 1, calendar)
        chained.append(after)
    assert chained == many


def test_naive_after_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_occurrences(parse("daily 09:00"), BERLIN, datetime(2026, 1, 1), 1)


def test_zero_count_gives_nothing() -> None:
    assert next_occurrences(parse("daily 09:00"), BERLIN, NOW, 0) == []


# ---------------------------------------------------------------- daylight saving


@pytest.mark.parametrize(
    ("tz", "after", "expected"),
    [
        (
            BERLIN,
            datetime(2026, 3, 27, 12, tzinfo=UTC),
            ["2026-03-28 09:00 CET", "2026-03-29 09:00 CEST", "2026-03-30 09:00 CEST"],
        ),
        (
            BERLIN,
            datetime(2026, 10, 23, 12, tzinfo=UTC),
            ["2026-10-24 09:00 CEST", "2026-10-25 09:00 CET", "2026-10-26 09:00 CET"],
        ),
        (
            NEW_YORK,
            datetime(2026, 3, 6, 18, tzinfo=UTC),
            ["2026-03-07 09:00 EST", "2026-03-08 09:00 EDT", "2026-03-09 09:00 EDT"],
        ),
        (
            NEW_YORK,
            datetime(2026, 10, 30, 18, tzinfo=UTC),
            ["2026-10-31 09:00 EDT", "2026-11-01 09:00 EST", "2026-11-02 09:00 EST"],
        ),
        (
            SYDNEY,
            datetime(2026, 4, 3, tzinfo=UTC),
            ["2026-04-04 09:00 AEDT", "2026-04-05 09:00 AEST", "2026-04-06 09:00 AEST"],
        ),
    ],
)
def test_nine_oclock_stays_nine_oclock_across_dst_changes(tz: ZoneInfo, after: datetime, expected: list[str]) -> None:
    assert local_times(parse("daily 09:00", tz), tz, after, 3) == expected


def test_utc_instant_moves_by_an_hour_when_berlin_springs_forward() -> None:
    spec = parse("daily 09:00")
    before, during = next_occurrences(spec, BERLIN, datetime(2026, 3, 27, 12, tzinfo=UTC), 2)
    assert (before.hour, during.hour) == (8, 7)


@pytest.mark.parametrize(
    ("tz", "args", "after", "expected"),
    [
        (BERLIN, "daily 02:30", datetime(2026, 3, 28, 12, tzinfo=UTC), "2026-03-29 03:30 CEST"),
        (NEW_YORK, "daily 02:30", datetime(2026, 3, 7, 12, tzinfo=UTC), "2026-03-08 03:30 EDT"),
        (SYDNEY, "daily 02:15", datetime(2026, 10, 3, 2, tzinfo=UTC), "2026-10-04 03:15 AEDT"),
        (BERLIN, 'cron "30 2 * * *"', datetime(2026, 3, 28, 12, tzinfo=UTC), "2026-03-29 03:30 CEST"),
    ],
)
def test_missing_spring_forward_time_is_shifted_forward_by_the_gap(
    tz: ZoneInfo, args: str, after: datetime, expected: str
) -> None:
    assert local_times(parse(args, tz), tz, after, 1) == [expected]


@pytest.mark.parametrize(
    ("tz", "args", "after", "expected_utc"),
    [
        (BERLIN, "daily 02:30", datetime(2026, 10, 24, 12, tzinfo=UTC), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (NEW_YORK, "daily 01:30", datetime(2026, 10, 31, 12, tzinfo=UTC), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        (
            NEW_YORK,
            'cron "30 1 * * *"',
            datetime(2026, 10, 31, 12, tzinfo=UTC),
            datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        ),
    ],
)
def test_repeated_fall_back_time_is_delivered_once_at_its_first_occurrence(
    tz: ZoneInfo, args: str, after: datetime, expected_utc: datetime
) -> None:
    first, following = next_occurrences(parse(args, tz), tz, after, 2)
    assert first == expected_utc
    assert following - first == timedelta(hours=25)


def test_hourly_cron_never_delivers_the_same_instant_twice_across_dst() -> None:
    spec = parse('cron "30 * * * *"')
    for after in (datetime(2026, 3, 28, 20, tzinfo=UTC), datetime(2026, 10, 24, 20, tzinfo=UTC)):
        got = next_occurrences(spec, BERLIN, after, 30)
        assert got == sorted(set(got))
        keys = [occurrence_key(1, d.astimezone(BERLIN)) for d in got]
        assert len(set(keys)) == len(keys)


def test_one_off_inside_the_gap_follows_the_same_rule() -> None:
    spec = parse("once 2026-03-29 02:30 Hello")
    assert spec.once_at is not None
    assert spec.once_at.astimezone(BERLIN).strftime("%H:%M %Z") == "03:30 CEST"


def test_localize_picks_the_first_of_two_repeated_times() -> None:
    wall = datetime(2026, 11, 1, 1, 30)
    assert localize(wall, NEW_YORK) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


# ---------------------------------------------------------------- calendar


def test_skipped_date_gets_nothing() -> None:
    calendar = Calendar(skip_dates=frozenset({date(2026, 12, 25)}))
    got = local_times(parse("daily 09:00"), BERLIN, datetime(2026, 12, 24, 12, tzinfo=UTC), 2, calendar)
    assert got == ["2026-12-26 09:00 CET", "2026-12-27 09:00 CET"]


def test_a_holiday_break_skips_every_day_in_it_for_cron_too() -> None:
    holiday = frozenset(date(2026, 12, 21) + timedelta(days=n) for n in range(14))
    calendar = Calendar(skip_dates=holiday)
    got = local_times(parse('cron "0 9 * * 1-5"'), BERLIN, datetime(2026, 12, 18, 12, tzinfo=UTC), 1, calendar)
    assert got == ["2027-01-04 09:00 CET"]


def test_a_skipped_date_also_cancels_a_one_off_on_it() -> None:
    calendar = Calendar(skip_dates=frozenset({date(2026, 12, 1)}))
    assert next_occurrences(parse("once 2026-12-01 17:00 Hi"), BERLIN, NOW, 1, calendar) == []


def test_quiet_hours_postpone_to_their_end_the_same_day() -> None:
    calendar = Calendar(quiet_start=time(12, 0), quiet_end=time(14, 0))
    got = local_times(parse("daily 13:00"), BERLIN, datetime(2026, 6, 1, tzinfo=UTC), 1, calendar)
    assert got == ["2026-06-01 14:00 CEST"]


def test_quiet_hours_wrapping_midnight_postpone_late_prompts_to_next_morning() -> None:
    calendar = Calendar(quiet_start=time(22, 0), quiet_end=time(7, 0))
    after = datetime(2026, 6, 1, 8, tzinfo=UTC)
    assert local_times(parse("daily 23:00"), BERLIN, after, 1, calendar) == ["2026-06-02 07:00 CEST"]
    assert local_times(parse("daily 06:00"), BERLIN, after, 1, calendar) == ["2026-06-02 07:00 CEST"]


def test_times_outside_quiet_hours_are_untouched() -> None:
    calendar = Calendar(quiet_start=time(22, 0), quiet_end=time(7, 0))
    after = datetime(2026, 6, 1, tzinfo=UTC)
    assert local_times(parse("daily 07:00"), BERLIN, after, 1, calendar) == ["2026-06-01 07:00 CEST"]


def test_several_prompts_postponed_to_the_same_moment_arrive_once() -> None:
    calendar = Calendar(quiet_start=time(22, 0), quiet_end=time(7, 0))
    spec = parse('cron "0 1,3,5,9 * * *"')
    got = local_times(spec, BERLIN, datetime(2026, 6, 1, 8, tzinfo=UTC), 3, calendar)
    assert got == ["2026-06-02 07:00 CEST", "2026-06-02 09:00 CEST", "2026-06-03 07:00 CEST"]


def test_postponed_onto_a_skipped_date_is_dropped_and_so_is_the_skipped_dates_own() -> None:
    calendar = Calendar(frozenset({date(2026, 6, 2)}), time(22, 0), time(7, 0))
    got = local_times(parse("daily 23:00"), BERLIN, datetime(2026, 6, 1, 8, tzinfo=UTC), 1, calendar)
    # 1 June 23:00 would land on the skipped 2 June; 2 June 23:00 belongs to the skipped day.
    assert got == ["2026-06-04 07:00 CEST"]


def test_calendar_refuses_half_given_or_empty_quiet_hours() -> None:
    with pytest.raises(ValueError, match="both"):
        Calendar(quiet_start=time(22, 0))
    with pytest.raises(ValueError, match="different"):
        Calendar(quiet_start=time(22, 0), quiet_end=time(22, 0))


# ---------------------------------------------------------------- keys and follow-ups


def test_occurrence_key_uses_schedule_and_local_minute() -> None:
    local = datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    assert occurrence_key(12, local) == "12:2026-12-01T09:00"
    assert occurrence_key(13, local) != occurrence_key(12, local)


def test_followup_comes_the_asked_hours_later() -> None:
    spec = parse("daily 09:00 followup=3h")
    delivered = datetime(2026, 6, 1, 7, tzinfo=UTC)
    assert followup_at(spec, delivered, BERLIN) == datetime(2026, 6, 1, 10, tzinfo=UTC)


def test_followup_landing_in_quiet_hours_is_dropped() -> None:
    spec = parse("daily 20:00 followup=3h")
    calendar = Calendar(quiet_start=time(22, 0), quiet_end=time(7, 0))
    assert followup_at(spec, datetime(2026, 6, 1, 18, tzinfo=UTC), BERLIN, calendar) is None


def test_no_followup_unless_asked() -> None:
    assert followup_at(parse("daily 09:00"), NOW, BERLIN) is None
