"""Guided scheduling with buttons: how often -> time -> theme -> confirm, own words, one-offs."""

from __future__ import annotations

from tests.fakes.messenger import Sent
from tests.harness import Harness


async def _press(bot: Harness, name: str, message: Sent, label: str) -> Sent:
    replies = await bot.press(name, message.button(label), message=message.ref)
    return replies[0]


async def test_schedule_alone_offers_how_often_buttons(bot: Harness) -> None:
    first = (await bot.say("coach", "/schedule"))[0]
    labels = [button.label for row in first.reply.buttons for button in row]
    assert labels == ["Every day", "Weekdays", "One-off message"]


async def test_buttons_lead_to_a_confirmed_schedule_in_one_edited_message(bot: Harness) -> None:
    first = (await bot.say("coach", "/schedule"))[0]
    times = await _press(bot, "coach", first, "Weekdays")
    assert times.ref == first.ref and "At what time (UTC)" in times.text
    themes = await _press(bot, "coach", times, "18:00")
    assert "What should it share?" in themes.text and "sg:c:w:1800:breathing" in themes.actions
    confirm = await _press(bot, "coach", themes, "Breathing")
    assert "weekdays at 18:00 · theme: Breathing" in confirm.text
    done = await _press(bot, "coach", confirm, "Create")
    assert done.ref == first.ref and "Scheduled #1" in done.text
    listing = (await bot.say("coach", "/schedules"))[0].text
    assert "#1 · weekdays at 18:00 · theme: Breathing · next: Mon 23 Nov 18:00" in listing


async def test_cancel_schedules_nothing(bot: Harness) -> None:
    first = (await bot.say("coach", "/schedule"))[0]
    times = await _press(bot, "coach", first, "Every day")
    themes = await _press(bot, "coach", times, "09:00")
    confirm = await _press(bot, "coach", themes, "Any coping skill")
    assert "nothing was scheduled" in (await _press(bot, "coach", confirm, "Cancel")).text
    assert "no schedules yet" in (await bot.say("coach", "/schedules"))[0].text


async def test_own_words_are_asked_for_and_the_next_message_becomes_the_prompt(bot: Harness) -> None:
    await bot.join("coach")
    first = (await bot.say("coach", "/schedule"))[0]
    times = await _press(bot, "coach", first, "Every day")
    themes = await _press(bot, "coach", times, "19:30")
    asked = await _press(bot, "coach", themes, "My own words")
    assert "Type the message" in asked.text and "every day at 19:30" in asked.text
    created = (await bot.say("coach", "Remember to drink some water today"))[0].text
    assert "Scheduled #1: every day at 19:30" in created and "Remember to drink" in created


async def test_own_words_collected_by_the_platform_form_need_no_second_step(bot: Harness) -> None:
    from bot.domain import Event, Press

    first = (await bot.say("coach", "/schedule"))[0]
    times = await _press(bot, "coach", first, "Every day")
    themes = await _press(bot, "coach", times, "12:00")
    press = Press(themes.button("My own words"), themes.ref, text="Lunch break stretch")
    created = await bot.event(Event(bot.group(), bot.person("coach"), press))
    assert "Scheduled #1" in created[0].text and "Lunch break stretch" in created[0].text


async def test_one_off_asks_for_date_time_and_text_then_schedules_it(bot: Harness) -> None:
    await bot.join("coach")
    first = (await bot.say("coach", "/schedule"))[0]
    asked = await _press(bot, "coach", first, "One-off")
    assert "2026-12-01 17:00" in asked.text
    created = (await bot.say("coach", "2026-12-01 17:00 Group moves to 5pm this week"))[0].text
    assert "Scheduled #1: once on Tue 01 Dec 2026 at 17:00" in created


async def test_one_off_with_a_past_date_gets_the_reason(bot: Harness) -> None:
    await bot.join("coach")
    first = (await bot.say("coach", "/schedule"))[0]
    await _press(bot, "coach", first, "One-off")
    reply = (await bot.say("coach", "2026-11-01 17:00 Too late"))[0].text
    assert "has already passed" in reply


async def test_typed_steps_without_consent_point_to_the_one_line_form(bot: Harness) -> None:
    first = (await bot.say("coach", "/schedule"))[0]
    asked = await _press(bot, "coach", first, "One-off")
    assert "/schedule once 2026-12-01 17:00 your message" in asked.text


async def test_members_pressing_guide_buttons_are_refused_and_nothing_changes(bot: Harness) -> None:
    await bot.join("alice")
    first = (await bot.say("coach", "/schedule"))[0]
    times = await _press(bot, "coach", first, "Every day")
    themes = await _press(bot, "coach", times, "09:00")
    confirm = await _press(bot, "coach", themes, "Any coping skill")
    refused = await bot.press("alice", confirm.button("Create"), message=confirm.ref)
    assert "only this group's facilitators" in refused[0].text
    assert "no schedules yet" in (await bot.say("coach", "/schedules"))[0].text


async def test_forged_guide_actions_are_refused_as_expired(bot: Harness) -> None:
    for action in ("sg:t:d:2500", "sg:c:x:0900:any", "sg:ok:d:0900:own", "sg:zz"):
        assert "expired" in (await bot.press("coach", action))[0].text
