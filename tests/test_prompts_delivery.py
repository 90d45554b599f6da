"""Scheduled prompts end to end through the delivery engine and ``bot.advance``: exactly
once, at the right local time across DST in two zones, with follow-ups, the program
calendar, pause/unschedule, and rotation per group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.prompts.skills import load_builtin_skills
from tests.fakes.messenger import Sent
from tests.harness import Harness

GROUP = "chat:group-1"


def _prompts(bot: Harness, where: str = GROUP) -> list[Sent]:
    return [sent for sent in bot.messenger.to(where) if sent.origin is None]


async def _advance_recording(bot: Harness, delta: timedelta) -> list[tuple[datetime, Sent]]:
    """Advance and note the clock at which each scheduled message went out."""
    seen: list[tuple[datetime, Sent]] = []
    target = bot.clock.now() + delta
    while (due := await bot.app.core.next_due()) is not None and due <= target:
        bot.clock.set(due)
        mark = len(bot.messenger.sent)
        await bot.app.core.tick()
        seen += [(bot.clock.now(), sent) for sent in bot.messenger.sent[mark:]]
    bot.clock.set(target)
    mark = len(bot.messenger.sent)
    await bot.app.core.tick()
    seen += [(bot.clock.now(), sent) for sent in bot.messenger.sent[mark:]]
    return seen


async def test_daily_prompt_and_one_off_arrive_once_each_at_their_local_time(bot: Harness) -> None:
    await bot.say("coach", "/timezone Europe/Berlin")
    await bot.say("coach", "/schedule daily 09:00")
    await bot.say("coach", "/schedule once 2026-11-23 17:00 Group moves to 5pm this week")
    seen = await _advance_recording(bot, timedelta(days=1))
    in_group = [(at, sent) for at, sent in seen if sent.where == GROUP]
    assert [(at, sent.text.splitlines()[0]) for at, sent in in_group] == [
        (datetime(2026, 11, 23, 16, 0, tzinfo=UTC), "📣 Group moves to 5pm this week"),
        (datetime(2026, 11, 24, 8, 0, tzinfo=UTC), "🌱 Today's coping skill"),
    ]
    skill_message = in_group[1][1]
    assert skill_message.actions[0].startswith("pf:t:")
    again = await _advance_recording(bot, timedelta(hours=12))
    assert not [sent for _, sent in again if sent.where == GROUP]


async def test_a_member_presses_i_tried_it_on_a_scheduled_prompt(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", "/schedule daily 11:00")
    await bot.advance(timedelta(hours=2))
    prompt = _prompts(bot)[-1]
    reply = await bot.press("alice", prompt.button("tried"))
    assert "Thanks for trying" in reply[0].text
    stats = (await bot.say("coach", "/skills stats"))[0].text
    assert "tried by 1" in stats


async def _daily_times_across(bot: Harness, zone: str, start: datetime, days: int) -> list[datetime]:
    bot.clock.set(start)
    await bot.say("coach", f"/timezone {zone}")
    await bot.say("coach", "/schedule daily 09:00")
    seen = await _advance_recording(bot, timedelta(days=days))
    return [at for at, sent in seen if sent.where == GROUP]


async def test_berlin_nine_oclock_stays_nine_across_the_spring_change(bot: Harness) -> None:
    start = datetime(2027, 3, 26, 12, 0, tzinfo=UTC)
    times = await _daily_times_across(bot, "Europe/Berlin", start, 4)
    assert times == [
        datetime(2027, 3, 27, 8, 0, tzinfo=UTC),
        datetime(2027, 3, 28, 7, 0, tzinfo=UTC),
        datetime(2027, 3, 29, 7, 0, tzinfo=UTC),
        datetime(2027, 3, 30, 7, 0, tzinfo=UTC),
    ]


async def test_new_york_nine_oclock_stays_nine_across_the_autumn_change(bot: Harness) -> None:
    start = datetime(2027, 11, 5, 18, 0, tzinfo=UTC)
    times = await _daily_times_across(bot, "America/New_York", start, 3)
    assert times == [
        datetime(2027, 11, 6, 13, 0, tzinfo=UTC),
        datetime(2027, 11, 7, 14, 0, tzinfo=UTC),
        datetime(2027, 11, 8, 14, 0, tzinfo=UTC),
    ]


async def test_a_prompt_in_the_missing_spring_hour_goes_out_an_hour_later_once(bot: Harness) -> None:
    bot.clock.set(datetime(2027, 3, 27, 12, 0, tzinfo=UTC))
    await bot.say("coach", "/timezone Europe/Berlin")
    await bot.say("coach", "/schedule daily 02:30")
    seen = await _advance_recording(bot, timedelta(days=2))
    times = [at for at, sent in seen if sent.where == GROUP]
    # 02:30 doesn't exist on 28 March in Berlin: 03:30 CEST = 01:30 UTC
    assert times == [datetime(2027, 3, 28, 1, 30, tzinfo=UTC), datetime(2027, 3, 29, 0, 30, tzinfo=UTC)]


async def test_follow_up_asks_whether_anyone_tried_it_with_the_same_sendings_button(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", "/schedule daily 11:00 followup=3h")
    seen = await _advance_recording(bot, timedelta(hours=5))
    in_group = [(at, sent) for at, sent in seen if sent.where == GROUP]
    assert [at for at, _ in in_group] == [
        datetime(2026, 11, 23, 11, 0, tzinfo=UTC),
        datetime(2026, 11, 23, 14, 0, tzinfo=UTC),
    ]
    prompt, follow = in_group[0][1], in_group[1][1]
    assert "Did anyone try today's skill" in follow.text
    assert follow.actions == [prompt.actions[0]]
    await bot.press("alice", follow.actions[0])
    assert "already told me" in (await bot.press("alice", prompt.button("tried")))[0].text


async def test_nothing_goes_out_on_a_skipped_day_and_it_resumes_after(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 12:00")
    await bot.say("coach", "/skip 2026-11-23..2026-11-24")
    seen = await _advance_recording(bot, timedelta(days=3, hours=3))
    times = [at for at, sent in seen if sent.where == GROUP]
    assert times == [datetime(2026, 11, 25, 12, 0, tzinfo=UTC), datetime(2026, 11, 26, 12, 0, tzinfo=UTC)]


async def test_a_day_skipped_after_its_prompt_was_queued_still_gets_nothing(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 12:00")
    await bot.advance(timedelta(minutes=1))
    await bot.say("coach", "/skip 2026-11-23")
    seen = await _advance_recording(bot, timedelta(hours=3))
    assert not [sent for _, sent in seen if sent.where == GROUP]


async def test_quiet_hours_postpone_a_prompt_to_when_they_end(bot: Harness) -> None:
    await bot.say("coach", "/quiet 20:00-23:00")
    await bot.say("coach", "/schedule daily 21:00")
    seen = await _advance_recording(bot, timedelta(hours=14))
    assert [at for at, sent in seen if sent.where == GROUP] == [datetime(2026, 11, 23, 23, 0, tzinfo=UTC)]


async def test_paused_and_removed_schedules_send_nothing(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 12:00")
    await bot.say("coach", "/schedule daily 13:00")
    await bot.say("coach", "/schedule pause 1")
    await bot.say("coach", "/unschedule 2")
    await bot.advance(timedelta(days=2))
    assert _prompts(bot) == []
    await bot.say("coach", "/schedule resume 1")
    seen = await _advance_recording(bot, timedelta(days=1))
    assert len([sent for _, sent in seen if sent.where == GROUP]) == 1


async def test_a_themed_schedule_rotates_through_the_theme_before_repeating(bot: Harness) -> None:
    breathing = {skill.title for skill in load_builtin_skills() if skill.category == "breathing"}
    await bot.say("coach", "/schedule daily 12:00 category=breathing")
    await bot.advance(timedelta(days=len(breathing)))
    sent = _prompts(bot)
    titles = [next(title for title in breathing if title in item.text) for item in sent]
    assert len(titles) == len(breathing)
    assert set(titles) == breathing
    assert all("Today's coping skill: Breathing" in item.text for item in sent)


async def test_rotation_is_kept_per_group(bot: Harness) -> None:
    other = bot.group("group-2")
    breathing = [skill.title for skill in load_builtin_skills() if skill.category == "breathing"]
    await bot.say("coach", "/schedule daily 12:00 category=breathing")
    await bot.say("coach", "/schedule daily 12:00 category=breathing", chat=other)
    await bot.advance(timedelta(days=len(breathing)))
    for where in (GROUP, "chat:group-2"):
        titles = {title for item in _prompts(bot, where) for title in breathing if title in item.text}
        assert titles == set(breathing)


async def test_a_prompt_retried_after_a_platform_error_goes_out_once_with_one_skill(bot: Harness) -> None:
    from sqlalchemy import func, select

    from bot.errors import TransientDeliveryError
    from storage.models import SkillSendRow

    await bot.say("coach", "/schedule daily 11:00")
    bot.messenger.fail_next = [TransientDeliveryError("502")]
    await bot.advance(timedelta(hours=2))
    assert len(_prompts(bot)) == 1
    async with bot.app.uow_factory() as uow:
        assert await uow.session.scalar(select(func.count()).select_from(SkillSendRow)) == 1
