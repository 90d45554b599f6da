"""/skip, /unskip and /quiet: parsing, bad input, permissions."""

from __future__ import annotations

from datetime import date

import pytest

from bot.prompts.calendar_commands import CalendarInputError, parse_days, parse_quiet
from tests.harness import Harness

TODAY = date(2026, 11, 23)


def test_a_range_covers_every_day_from_first_to_last() -> None:
    days = parse_days("2026-12-24..2026-12-31", TODAY)
    assert days[0] == date(2026, 12, 24) and days[-1] == date(2026, 12, 31) and len(days) == 8


def test_a_range_that_started_already_keeps_only_today_on() -> None:
    assert parse_days("2026-11-20..2026-11-24", TODAY) == [date(2026, 11, 23), date(2026, 11, 24)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2026-13-01", "calendar.bad_date"),
        ("christmas", "calendar.bad_date"),
        ("2026-11-22", "calendar.past_date"),
        ("2026-12-31..2026-12-24", "calendar.range_backwards"),
        ("2026-12-01..2027-12-01", "calendar.range_too_long"),
    ],
)
def test_unusable_dates_name_the_problem(text: str, key: str) -> None:
    with pytest.raises(CalendarInputError) as caught:
        parse_days(text, TODAY)
    assert caught.value.key == key


@pytest.mark.parametrize("text", ["25:00-08:00", "22:00", "late", "22:00-22:00", "10:60-11:00"])
def test_unusable_quiet_hours_are_refused(text: str) -> None:
    with pytest.raises(CalendarInputError):
        parse_quiet(text)


async def test_skip_a_day_then_list_then_unskip(bot: Harness) -> None:
    assert "No days are skipped" in (await bot.say("coach", "/skip"))[0].text
    added = (await bot.say("coach", "/skip 2026-12-25"))[0].text
    assert "No prompts on Fri 25 Dec 2026" in added
    assert "already a day without prompts" in (await bot.say("coach", "/skip 2026-12-25"))[0].text
    assert "Fri 25 Dec 2026" in (await bot.say("coach", "/skip"))[0].text
    assert "Prompts are back on" in (await bot.say("coach", "/unskip 2026-12-25"))[0].text
    assert "wasn't marked" in (await bot.say("coach", "/unskip 2026-12-25"))[0].text


async def test_skip_a_holiday_range(bot: Harness) -> None:
    text = (await bot.say("coach", "/skip 2026-12-24..2026-12-31"))[0].text
    assert "Thu 24 Dec 2026 – Thu 31 Dec 2026" in text


async def test_skip_a_past_date_says_it_has_passed_in_the_groups_zone(bot: Harness) -> None:
    text = (await bot.say("coach", "/skip 2026-11-01"))[0].text
    assert "2026-11-01 has already passed" in text and "(UTC)" in text


async def test_quiet_hours_set_show_and_off(bot: Harness) -> None:
    assert "no quiet hours" in (await bot.say("coach", "/quiet"))[0].text
    assert "Quiet hours are now 22:00–08:00" in (await bot.say("coach", "/quiet 22:00-08:00"))[0].text
    assert "22:00–08:00" in (await bot.say("coach", "/quiet"))[0].text
    assert "off" in (await bot.say("coach", "/quiet off"))[0].text
    assert "no quiet hours" in (await bot.say("coach", "/quiet"))[0].text
    assert "couldn't read" in (await bot.say("coach", "/quiet 25:00-08:00"))[0].text


@pytest.mark.parametrize("command", ["/skip 2026-12-25", "/unskip 2026-12-25", "/quiet 22:00-08:00", "/quiet off"])
async def test_members_cannot_change_the_calendar(bot: Harness, command: str) -> None:
    await bot.join("alice")
    assert "only this group's facilitators" in (await bot.say("alice", command))[0].text
    assert "No days are skipped" in (await bot.say("coach", "/skip"))[0].text
    assert "no quiet hours" in (await bot.say("coach", "/quiet"))[0].text
