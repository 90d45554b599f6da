"""/checkins, /report week, /questions, and the numbers in /mood."""

from __future__ import annotations

from datetime import date, timedelta

from bot.checkins.insights import summarize, trend
from bot.checkins.model import CheckIn, Visibility
from tests.harness import Harness

MONDAY = date(2026, 11, 23)


async def _group(bot: Harness) -> None:
    for name in ("alice", "bob", "carol", "coach"):
        await bot.join(name)


async def test_checkins_lists_who_checked_in_the_mood_spread_and_shared_notes(bot: Harness) -> None:
    await _group(bot)
    await bot.say("alice", "/checkin 4 a good walk")
    await bot.say("bob", "/checkin 2")
    view = (await bot.say("coach", "/checkins"))[0]
    assert view.where == "dm:coach"
    assert "Shared a check-in: 2 of 3" in view.text
    assert "Checked in: Alice, Bob" in view.text and "No shared check-in yet: Carol" in view.text
    assert "🌥 2: 1" in view.text and "🌤 4: 1" in view.text
    assert "Alice (the group): a good walk" in view.text


async def test_checkins_counts_only_today_in_the_group_time_zone(bot: Harness) -> None:
    await _group(bot)
    await bot.say("alice", "/checkin 4")
    await bot.advance(timedelta(days=1))
    view = (await bot.say("coach", "/checkins"))[0]
    assert "Shared a check-in: 0 of 3" in view.text


async def test_report_week_has_a_chart_and_a_line_per_day(bot: Harness) -> None:
    await _group(bot)
    await bot.say("alice", "/checkin 2")
    await bot.say("bob", "/checkin 4")
    await bot.advance(timedelta(days=1))
    await bot.say("alice", "/checkin 5")
    report = (await bot.say("coach", "/report week"))[0]
    assert report.where == "dm:coach"
    assert report.reply.image is not None and report.reply.image.png.startswith(b"\x89PNG")
    assert "Mon 23 Nov: 2 of 3 checked in, average mood 3.0" in report.text
    assert "Tue 24 Nov: 1 of 3 checked in, average mood 5.0" in report.text
    assert "check-ins 3, average mood 3.7" in report.text
    assert "average mood" in report.reply.image.alt


async def test_report_takes_only_week(bot: Harness) -> None:
    await _group(bot)
    replies = await bot.say("coach", "/report year")
    assert "doesn't look quite right" in replies[0].text


async def test_questions_add_list_and_remove(bot: Harness) -> None:
    await _group(bot)
    added = await bot.say("coach", "/questions add sleep 0-10 How did you sleep?")
    assert "Added question #" in added[0].text
    listed = await bot.say("coach", "/questions list")
    assert "sleep: How did you sleep? (0–10, default facilitators only)" in listed[0].text
    question_id = listed[0].text.split("#")[1].split(" ")[0]
    removed = await bot.say("coach", f"/questions remove {question_id}")
    assert "Removed question" in removed[0].text
    assert "No extra questions" in (await bot.say("coach", "/questions"))[0].text


async def test_at_most_three_questions_and_no_duplicates(bot: Harness) -> None:
    await _group(bot)
    for key in ("sleep", "stress", "urges"):
        await bot.say("coach", f"/questions add {key} 0-5 {key.capitalize()} today?")
    duplicate = await bot.say("coach", "/questions add sleep 0-5 Again?")
    assert "up to 3" in duplicate[0].text
    await bot.say("coach", "/questions remove 999")
    assert "no question #999" in bot.messenger.sent[-1].text


async def test_bad_question_syntax_gets_the_usage(bot: Harness) -> None:
    await _group(bot)
    for bad in ("add sleep", "add sleep 0-7 How?", "add 9x 0-5 How?", "remove abc", "frobnicate"):
        replies = await bot.say("coach", f"/questions {bad}")
        assert "doesn't look quite right" in replies[0].text


async def test_the_button_flow_asks_each_extra_question_with_a_skip(bot: Harness) -> None:
    await _group(bot)
    await bot.say("coach", "/questions add sleep 0-10 group How did you sleep?")
    await bot.say("coach", "/questions add stress 0-5 How stressed?")
    picker = await bot.say("alice", "/checkin")
    first = await bot.press("alice", picker[0].button("Getting by"))
    assert "How did you sleep?" in first[0].text and len(first[0].actions) == 12
    second = await bot.press("alice", first[0].button("7"))
    assert "How stressed?" in second[0].text
    note = await bot.press("alice", second[0].button("Skip"))
    visibility = await bot.press("alice", note[0].button("Skip"))
    done = await bot.press("alice", visibility[0].button("The group"))
    card = next(sent for sent in done if sent.where == "chat:group-1")
    assert "sleep: 7/10" in card.text and "stress" not in card.text
    mood = await bot.say("alice", "/mood")
    assert "sleep: average 7.0 out of 10" in mood[0].text


async def test_one_line_answer_out_of_range_is_refused(bot: Harness) -> None:
    await _group(bot)
    await bot.say("coach", "/questions add sleep 0-10 How did you sleep?")
    replies = await bot.say("alice", "/checkin 3 sleep=11 tired")
    assert "sleep is a number from 0 to 10" in replies[0].text


async def test_unknown_key_value_words_stay_in_the_note(bot: Harness) -> None:
    await _group(bot)
    replies = await bot.say("alice", "/checkin 3 x=1 is my math")
    card = next(sent for sent in replies if sent.where == "chat:group-1")
    assert "x=1 is my math" in card.text


async def test_mood_summary_has_average_trend_best_hardest_and_streak(bot: Harness) -> None:
    await _group(bot)
    for mood in (2, 3, 4, 5):
        await bot.say("alice", f"/checkin {mood}")
        await bot.advance(timedelta(days=1))
    replies = await bot.say("alice", "/mood")
    text = replies[0].text
    assert "check-ins: 4" in text and "Average mood: 3.5" in text
    assert "Trend: rising" in text
    assert "Best day: Thu 26 Nov (Doing well)" in text and "Hardest day: Mon 23 Nov" in text
    assert "Streak: 4 days in a row" in text
    assert replies[0].reply.image is not None and "average 3.5" in replies[0].reply.image.alt


async def test_mood_without_checkins_says_so_without_a_chart(bot: Harness) -> None:
    await _group(bot)
    replies = await bot.say("alice", "/mood")
    assert "haven't checked in" in replies[0].text and replies[0].reply.image is None


def _checkin(day: date, mood: int) -> CheckIn:
    return CheckIn(1, 1, 1, day, mood, None, Visibility.ME, None, True, False, None)  # type: ignore[arg-type]


def test_trend_needs_three_points_and_a_real_change() -> None:
    assert trend([(0, 3.0), (1, 4.0)]) == "unknown"
    assert trend([(0, 3.0), (10, 3.0), (20, 3.0)]) == "flat"
    assert trend([(0, 4.0), (10, 3.0), (20, 2.0)]) == "down"


def test_best_and_hardest_prefer_the_latest_day_on_ties() -> None:
    checkins = [_checkin(MONDAY + timedelta(days=offset), mood) for offset, mood in enumerate([3, 5, 1, 5, 1])]
    summary = summarize(checkins, MONDAY)
    assert summary.best.day == MONDAY + timedelta(days=3)
    assert summary.hardest.day == MONDAY + timedelta(days=4)
