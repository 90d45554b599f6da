"""Three low check-ins on consecutive local days: one gentle notice to facilitators per streak."""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness

NOTE = "couldnt sleep again ugh"


def _notices(bot: Harness, since: int) -> list[str]:
    return [item.text for item in bot.messenger.sent[since:] if item.where == "dm:coach" and "low mood" in item.text]


async def _check_in_days(bot: Harness, moods: list[int]) -> None:
    """One check-in per day, a day apart, each with a note."""
    for index, mood in enumerate(moods):
        if index:
            await bot.advance(timedelta(days=1))
        await bot.say("alice", f"/checkin {mood} {NOTE}")


async def test_three_low_days_in_a_row_send_facilitators_one_notice_without_the_note(bot: Harness) -> None:
    await bot.join("alice")
    mark = len(bot.messenger.sent)
    await _check_in_days(bot, [2, 1, 2])
    await bot.advance(timedelta(minutes=61))
    notices = _notices(bot, mark)
    assert len(notices) == 1
    assert "Alice" in notices[0] and "3 days in a row" in notices[0] and NOTE not in notices[0]
    log = (await bot.say("coach", "/alerts"))[0].text
    assert "low check-in notice · Alice" in log


async def test_a_longer_streak_does_not_send_a_second_notice(bot: Harness) -> None:
    await bot.join("alice")
    mark = len(bot.messenger.sent)
    await _check_in_days(bot, [1, 1, 1, 2, 1])
    await bot.advance(timedelta(hours=2))
    assert len(_notices(bot, mark)) == 1


async def test_a_good_day_in_between_breaks_the_streak(bot: Harness) -> None:
    await bot.join("alice")
    mark = len(bot.messenger.sent)
    await _check_in_days(bot, [1, 2, 4, 1, 2])
    await bot.advance(timedelta(hours=2))
    assert _notices(bot, mark) == []


async def test_a_missed_day_breaks_the_streak(bot: Harness) -> None:
    await bot.join("alice")
    mark = len(bot.messenger.sent)
    await _check_in_days(bot, [1, 2])
    await bot.advance(timedelta(days=2))
    await bot.say("alice", "/checkin 1")
    await bot.advance(timedelta(hours=2))
    assert _notices(bot, mark) == []
