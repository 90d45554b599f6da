"""/schedule in every typed form, /schedules, /unschedule, pause, resume, preview; bad input
and permissions. Harness time: Monday 2026-11-23 10:00 UTC."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.models import PromptScheduleRow
from tests.harness import Harness


async def _schedule_count(bot: Harness) -> int:
    async with bot.app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(PromptScheduleRow)) or 0)


@pytest.mark.parametrize(
    ("command", "summary", "next_time"),
    [
        ("/schedule daily 09:00", "every day at 09:00 · a coping skill", "Tue 24 Nov 09:00"),
        ("/schedule weekdays 18:30", "weekdays at 18:30", "Mon 23 Nov 18:30"),
        ("/schedule mon,wed,fri 12:00", "Mon, Wed, Fri at 12:00", "Mon 23 Nov 12:00"),
        ('/schedule cron "0 9 * * 1-5"', "at 09:00 on Monday through Friday", "Tue 24 Nov 09:00"),
        (
            "/schedule once 2026-12-01 17:00 Group moves to 5pm this week",
            '"Group moves to 5pm this week"',
            "Tue 01 Dec 17:00",
        ),
        ("/schedule daily 19:30 category=breathing followup=3h", "theme: Breathing · follow-up after 3 h", "19:30"),
    ],
)
async def test_each_schedule_form_is_stored_and_shows_its_next_local_time(
    bot: Harness, command: str, summary: str, next_time: str
) -> None:
    reply = (await bot.say("coach", command))[0].text
    assert "Scheduled #1" in reply and summary in reply and next_time in reply and "(UTC)" in reply
    assert await _schedule_count(bot) == 1


async def test_next_time_is_shown_in_the_groups_time_zone(bot: Harness) -> None:
    await bot.say("coach", "/timezone America/New_York")
    reply = (await bot.say("coach", "/schedule daily 09:00"))[0].text
    assert "Next: Mon 23 Nov 09:00 (America/New_York)" in reply  # 10:00 UTC is 05:00 there
    listing = (await bot.say("coach", "/schedules"))[0].text
    assert "times in America/New_York" in listing and "next: Mon 23 Nov 09:00" in listing


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ("daily 25:00", "'25:00' isn't a time of day"),
        ("dailly 09:00", "Did you mean 'daily'?"),
        ("once 2026-11-20 09:00 Hello", "has already passed"),
        ("once 2026-02-30 09:00 Hello", "isn't a date I can use"),
        ('cron "* * * * *"', "more than once an hour"),
        ("daily 09:00 category=juggling", "I don't know the theme 'juggling'"),
        ("daily", "Add a time"),
    ],
)
async def test_bad_schedules_get_a_clear_reason_and_the_forms_that_work(bot: Harness, args: str, reason: str) -> None:
    reply = (await bot.say("coach", f"/schedule {args}"))[0].text
    assert reason in reply
    assert "/schedule weekdays 18:30" in reply
    assert await _schedule_count(bot) == 0


async def test_an_unknown_time_zone_is_refused_and_schedules_keep_the_old_one(bot: Harness) -> None:
    refused = (await bot.say("coach", "/timezone Mars/Olympus_Mons"))[0].text
    assert "don't know the time zone" in refused
    assert "(UTC)" in (await bot.say("coach", "/schedule daily 09:00"))[0].text


@pytest.mark.parametrize(
    "command",
    [
        "/schedule daily 09:00",
        "/schedule",
        "/schedules",
        "/unschedule 1",
        "/schedule pause 1",
        "/schedule preview",
    ],
)
async def test_members_are_refused_politely_and_nothing_changes(bot: Harness, command: str) -> None:
    await bot.say("coach", "/schedule daily 09:00")
    await bot.join("alice")
    reply = (await bot.say("alice", command))[0].text
    assert "only this group's facilitators" in reply
    assert await _schedule_count(bot) == 1
    listing = (await bot.say("coach", "/schedules"))[0].text
    assert "paused" not in listing


async def test_schedules_lists_each_with_its_id_and_next_time(bot: Harness) -> None:
    assert "no schedules yet" in (await bot.say("coach", "/schedules"))[0].text
    await bot.say("coach", "/schedule daily 09:00")
    await bot.say("coach", "/schedule weekdays 18:30 category=sleep")
    text = (await bot.say("coach", "/schedules"))[0].text
    assert "#1 · every day at 09:00 · a coping skill · next: Tue 24 Nov 09:00" in text
    assert "#2 · weekdays at 18:30 · theme: Sleep · next: Mon 23 Nov 18:30" in text


async def test_unschedule_removes_only_the_named_schedule(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 09:00")
    await bot.say("coach", "/schedule daily 18:00")
    assert "Removed schedule #1" in (await bot.say("coach", "/unschedule #1"))[0].text
    text = (await bot.say("coach", "/schedules"))[0].text
    assert "#1" not in text and "#2" in text


@pytest.mark.parametrize("command", ["/unschedule 42", "/schedule pause 42", "/schedule resume 42"])
async def test_an_unknown_id_is_not_found(bot: Harness, command: str) -> None:
    assert "couldn't find schedule #42" in (await bot.say("coach", command))[0].text


@pytest.mark.parametrize("command", ["/unschedule", "/unschedule soon", "/schedule pause"])
async def test_a_missing_id_asks_for_one(bot: Harness, command: str) -> None:
    assert "Add its number" in (await bot.say("coach", command))[0].text


async def test_a_facilitator_of_group_a_cannot_touch_group_bs_schedules(bot: Harness) -> None:
    group_b = bot.group("group-2")
    await bot.say("coach", "/schedule daily 09:00", chat=group_b)
    for command in ("/unschedule 1", "/schedule pause 1", "/schedule resume 1"):
        assert "couldn't find schedule #1" in (await bot.say("coach", command))[0].text
    assert "no schedules yet" in (await bot.say("coach", "/schedules"))[0].text
    listing = (await bot.say("coach", "/schedules", chat=group_b))[0].text
    assert "#1 · every day at 09:00" in listing and "paused" not in listing


async def test_pause_and_resume_show_in_the_list(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 09:00")
    assert "Paused schedule #1" in (await bot.say("coach", "/schedule pause 1"))[0].text
    assert "already paused" in (await bot.say("coach", "/schedule pause 1"))[0].text
    assert "#1 · every day at 09:00 · a coping skill · paused" in (await bot.say("coach", "/schedules"))[0].text
    resumed = (await bot.say("coach", "/schedule resume 1"))[0].text
    assert "Resumed schedule #1" in resumed and "Tue 24 Nov 09:00" in resumed
    assert "isn't paused" in (await bot.say("coach", "/schedule resume 1"))[0].text


async def test_preview_shows_the_next_seven_deliveries_in_time_order(bot: Harness) -> None:
    assert "Nothing is scheduled" in (await bot.say("coach", "/schedule preview"))[0].text
    await bot.say("coach", "/schedule daily 09:00")
    await bot.say("coach", "/schedule mon,wed,fri 12:00")
    await bot.say("coach", "/schedule pause 2")
    await bot.say("coach", "/schedule once 2026-11-24 08:00 Early start tomorrow")
    lines = (await bot.say("coach", "/schedule preview"))[0].text.splitlines()[2:]
    assert len(lines) == 7
    assert lines[0].startswith("Tue 24 Nov 08:00 · #3")
    assert lines[1].startswith("Tue 24 Nov 09:00 · #1")
    assert lines[6].startswith("Sun 29 Nov 09:00 · #1")
    assert not any("#2" in line for line in lines)


async def test_preview_leaves_out_skipped_days_and_postpones_quiet_hours(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 07:00")
    await bot.say("coach", "/skip 2026-11-25")
    await bot.say("coach", "/quiet 22:00-08:00")
    lines = (await bot.say("coach", "/schedule preview"))[0].text.splitlines()[2:]
    assert lines[0].startswith("Tue 24 Nov 08:00")
    assert lines[1].startswith("Thu 26 Nov 08:00")
