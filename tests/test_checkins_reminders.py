"""Daily reminders through the delivery engine, /settings, /pause, /reminders, /checkintime."""

from __future__ import annotations

from datetime import timedelta

from tests.fakes.messenger import Sent
from tests.harness import Harness

# The harness clock starts Monday 10:00 UTC; the group's default zone is UTC, so 19:00 is 9h away.
TO_REMINDER = timedelta(hours=9, minutes=1)


def _reminders(bot: Harness, name: str) -> list[Sent]:
    return [sent for sent in bot.messenger.to(f"dm:{name}") if "a gentle reminder:" in sent.text]


async def _members(bot: Harness, *names: str) -> None:
    for name in names:
        await bot.join(name)


async def test_members_who_have_not_checked_in_get_one_reminder_with_mood_buttons(bot: Harness) -> None:
    await _members(bot, "alice", "bob", "coach")
    await bot.say("bob", "/checkin 4")
    await bot.advance(TO_REMINDER)
    reminders = _reminders(bot, "alice")
    assert len(reminders) == 1
    assert any(action.startswith("ci.m:") for action in reminders[0].actions)
    assert _reminders(bot, "bob") == [] and _reminders(bot, "coach") == []
    await bot.advance(timedelta(hours=3))
    assert len(_reminders(bot, "alice")) == 1


async def test_a_reminder_comes_each_day_and_its_buttons_start_a_checkin(bot: Harness) -> None:
    await _members(bot, "alice")
    await bot.advance(TO_REMINDER + timedelta(days=1))
    reminders = _reminders(bot, "alice")
    assert len(reminders) == 2
    asked = await bot.press("alice", reminders[-1].button("Doing well"), chat=bot.direct("alice"))
    assert "short note" in asked[0].text


async def test_an_only_me_checkin_also_counts_as_checked_in(bot: Harness) -> None:
    await _members(bot, "alice")
    await bot.say("alice", "/settings")
    await bot.press("alice", "ci.set:v:m")
    await bot.say("alice", "/checkin 3")
    await bot.advance(TO_REMINDER)
    assert _reminders(bot, "alice") == []


async def test_no_reminder_when_paused_and_they_resume_after_the_pause(bot: Harness) -> None:
    await _members(bot, "alice")
    paused = await bot.say("alice", "/pause 2d")
    assert "paused until" in paused[0].text and paused[0].where == "dm:alice"
    await bot.advance(TO_REMINDER + timedelta(days=1))
    assert _reminders(bot, "alice") == []
    await bot.advance(timedelta(days=1))
    assert len(_reminders(bot, "alice")) == 1


async def test_pause_off_resumes_reminders(bot: Harness) -> None:
    await _members(bot, "alice")
    await bot.say("alice", "/pause 1w")
    await bot.say("alice", "/pause off")
    await bot.advance(TO_REMINDER)
    assert len(_reminders(bot, "alice")) == 1


async def test_no_reminder_when_turned_off_until_turned_on_again(bot: Harness) -> None:
    await _members(bot, "alice")
    off = await bot.say("alice", "/reminders off")
    assert "reminders are off" in off[0].text
    await bot.advance(TO_REMINDER)
    assert _reminders(bot, "alice") == []
    await bot.say("alice", "/reminders on")
    await bot.advance(timedelta(days=1))
    assert len(_reminders(bot, "alice")) == 1


async def test_no_reminder_for_people_who_left(bot: Harness) -> None:
    await _members(bot, "alice")
    await bot.say("alice", "/leave")
    await bot.advance(TO_REMINDER)
    assert _reminders(bot, "alice") == []


async def test_someone_who_joins_during_the_day_is_reminded_that_evening(bot: Harness) -> None:
    await _members(bot, "alice")
    await bot.advance(timedelta(hours=4))
    await _members(bot, "bob")
    await bot.advance(timedelta(hours=6))
    assert len(_reminders(bot, "bob")) == 1


async def test_facilitators_move_the_reminder_time(bot: Harness) -> None:
    await _members(bot, "alice", "coach")
    refused = await bot.say("alice", "/checkintime 08:00")
    assert "only this group's facilitators" in refused[0].text
    changed = await bot.say("coach", "/checkintime 21:30")
    assert "21:30" in changed[0].text
    await bot.advance(TO_REMINDER)
    assert _reminders(bot, "alice") == []
    await bot.advance(timedelta(hours=2, minutes=30))
    assert len(_reminders(bot, "alice")) == 1
    shown = await bot.say("alice", "/checkintime")
    assert "21:30" in shown[0].text


async def test_reminder_time_follows_the_group_time_zone(bot: Harness) -> None:
    await _members(bot, "alice", "coach")
    await bot.say("coach", "/timezone Europe/Berlin")  # 19:00 in Berlin is 18:00 UTC in November
    await bot.say("coach", "/checkintime 19:00")
    await bot.advance(timedelta(hours=8, minutes=1))
    assert len(_reminders(bot, "alice")) == 1


async def test_bad_settings_arguments_get_the_usage(bot: Harness) -> None:
    await _members(bot, "alice", "coach")
    for command in ("/pause 0d", "/pause 45d", "/pause soon", "/reminders maybe", "/reminders"):
        replies = await bot.say("alice", command)
        assert "doesn't look quite right" in replies[0].text
    for bad in ("25:00", "7pm", "noon"):
        replies = await bot.say("coach", f"/checkintime {bad}")
        assert "doesn't look quite right" in replies[0].text


async def test_settings_change_the_default_visibility_of_one_line_checkins(bot: Harness) -> None:
    await _members(bot, "alice")
    shown = await bot.say("alice", "/settings")
    assert "The group" in shown[0].text and shown[0].where == "dm:alice"
    saved = await bot.press("alice", shown[0].button("Facilitators only"))
    assert "Facilitators only" in saved[0].text
    replies = await bot.say("alice", "/checkin 3 hello")
    assert not [sent for sent in replies if sent.where == "chat:group-1"]
    assert "shared with facilitators only" in replies[0].text
