"""Check-ins: the button flow, the one-line form, the group card, the same-day rule, bad input."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage.models import CheckInRow
from tests.fakes.messenger import Sent
from tests.harness import Harness

GROUP = "chat:group-1"


async def _rows(bot: Harness) -> int:
    async with bot.app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(CheckInRow)) or 0)


async def _current(bot: Harness, name: str) -> CheckInRow | None:
    """Today's stored row, read without the cipher (notes must be sealed at rest)."""
    async with bot.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(bot.messenger.platform, name)
        assert person is not None
        row = await uow.session.scalar(
            select(CheckInRow).where(CheckInRow.person_id == person.id, CheckInRow.is_current.is_(True))
        )
        if row is not None:
            uow.session.expunge(row)
        return row


def _label(sent: Sent, part: str) -> str:
    return next(button.label for row in sent.reply.buttons for button in row if part in button.label)


async def test_button_flow_mood_note_and_group_posts_one_card(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    assert picker[0].where == "dm:alice"
    ask_note = await bot.press("alice", picker[0].button("Doing okay"))
    assert "short note" in ask_note[0].text
    ask_visibility = await bot.say("alice", "slept badly but went for a walk")
    assert "Who should see" in ask_visibility[0].text
    done = await bot.press("alice", ask_visibility[0].button("The group"))
    cards = [sent for sent in done if sent.where == GROUP]
    assert len(cards) == 1
    assert "Alice" in cards[0].text and "Doing okay" in cards[0].text
    assert "slept badly but went for a walk" in cards[0].text
    assert any("Thanks for checking in" in sent.text and sent.where == "dm:alice" for sent in done)


async def test_skip_leaves_no_note_and_the_default_visibility_is_marked(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    ask_note = await bot.press("alice", picker[0].button("Doing well"))
    ask_visibility = await bot.press("alice", ask_note[0].button("Skip"))
    assert "(your default)" in _label(ask_visibility[0], "The group")
    done = await bot.press("alice", ask_visibility[0].button("Only me"))
    assert not [sent for sent in done if sent.where != "dm:alice"]
    row = await _current(bot, "alice")
    assert row is not None and row.note_sealed is None and row.visibility == "me"


async def test_one_line_checkin_stores_mood_and_note_and_posts_card(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.say("alice", "/checkin 4 slept badly but went for a walk")
    assert [sent.where for sent in replies].count(GROUP) == 1
    row = await _current(bot, "alice")
    assert row is not None and row.mood == 4
    assert row.note_sealed is not None and "walk" not in row.note_sealed


async def test_checkin_in_a_direct_chat_posts_the_card_in_the_group(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.dm("alice", "/checkin 5 good day")
    assert any(sent.where == GROUP and "good day" in sent.text for sent in replies)


async def test_second_checkin_same_day_updates_card_and_keeps_history(bot: Harness) -> None:
    await bot.join("alice")
    first = await bot.say("alice", "/checkin 2 rough morning")
    card = next(sent for sent in first if sent.where == GROUP)
    second = await bot.say("alice", "/checkin 4 better now")
    edits = [sent for sent in second if sent.where == GROUP]
    assert len(edits) == 1 and edits[0].reply.edit == card.ref
    assert "better now" in edits[0].text and "rough morning" not in edits[0].text
    assert "Updated today's check-in" in second[0].text
    assert await _rows(bot) == 2
    row = await _current(bot, "alice")
    assert row is not None and row.mood == 4


async def test_next_local_day_is_a_new_checkin_with_a_new_card(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/checkin 3")
    await bot.advance(timedelta(days=1))
    replies = await bot.say("alice", "/checkin 3")
    assert "Thanks for checking in" in replies[0].text
    card = next(sent for sent in replies if sent.where == GROUP)
    assert card.reply.edit is None


async def test_day_boundary_follows_the_group_time_zone(bot: Harness) -> None:
    # 10:00 UTC Monday is 23:00 in Auckland; two hours later it's Tuesday there, not in UTC.
    await bot.say("coach", "/timezone Pacific/Auckland")
    await bot.join("alice")
    await bot.say("alice", "/checkin 3")
    await bot.advance(timedelta(hours=2))
    replies = await bot.say("alice", "/checkin 4")
    assert "Thanks for checking in" in replies[0].text
    async with bot.app.uow_factory() as uow:
        days = sorted(await uow.session.scalars(select(CheckInRow.day)))
    assert [day.isoformat() for day in days] == ["2026-11-23", "2026-11-24"]


async def test_same_utc_day_but_new_local_day_in_a_western_zone(bot: Harness) -> None:
    await bot.say("coach", "/timezone America/Los_Angeles")  # 02:00 Monday there
    await bot.join("alice")
    await bot.say("alice", "/checkin 3")
    await bot.advance(timedelta(hours=13))  # 23:00 UTC Monday = 15:00 Monday there
    replies = await bot.say("alice", "/checkin 2")
    assert "Updated today's check-in" in replies[0].text


async def test_bad_moods_get_a_clear_reply_and_store_nothing(bot: Harness) -> None:
    await bot.join("alice")
    for bad in ["0", "6", "abc", "-1", "4.5", "99999999999999999999"]:
        replies = await bot.say("alice", f"/checkin {bad} note")
        assert len(replies) == 1 and "number from 1" in replies[0].text
        assert replies[0].where == "dm:alice"
    assert await _rows(bot) == 0


async def test_ten_thousand_character_note_is_refused_and_echoed_back_privately(bot: Harness) -> None:
    await bot.join("alice")
    note = "word " * 2000
    replies = await bot.say("alice", f"/checkin 3 {note}")
    assert "limit is 500" in replies[0].text
    assert all(sent.where == "dm:alice" for sent in replies)
    assert note.strip() in "".join(sent.text for sent in replies[1:])
    assert await _rows(bot) == 0


async def test_too_long_note_in_the_flow_can_be_shortened_and_sent_again(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    await bot.press("alice", picker[0].button("Getting by"))
    refused = await bot.say("alice", "x" * 501)
    assert "limit is 500" in refused[0].text and refused[1].text == "x" * 501
    ask_visibility = await bot.say("alice", "x" * 500)
    assert "Who should see" in ask_visibility[0].text


async def test_empty_note_in_the_flow_asks_again(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    await bot.press("alice", picker[0].button("Getting by"))
    again = await bot.say("alice", "   ")
    assert "looks empty" in again[0].text
    assert await _rows(bot) == 0


async def test_emoji_and_right_to_left_text_survive_storage_and_the_card(bot: Harness) -> None:
    await bot.join("alice")
    note = "🌧️➡️🌤️ שלום עליכם مرحبا **not bold** <b>x</b>"
    replies = await bot.say("alice", f"/checkin 3 {note}")
    card = next(sent for sent in replies if sent.where == GROUP)
    assert note in card.text
    mood = await bot.say("alice", "/mood")
    assert mood[0].reply.image is not None


async def test_member_must_join_before_checking_in(bot: Harness) -> None:
    replies = await bot.say("alice", "/checkin 3")
    assert "/join first" in replies[0].text
    assert await _rows(bot) == 0


async def test_pressing_the_visibility_button_twice_stores_one_checkin(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    ask_note = await bot.press("alice", picker[0].button("Getting by"))
    ask_visibility = await bot.press("alice", ask_note[0].button("Skip"))
    group_button = ask_visibility[0].button("The group")
    await bot.press("alice", group_button)
    again = await bot.press("alice", group_button)
    assert "timed out" in again[0].text
    assert await _rows(bot) == 1


async def test_a_draft_expires_after_two_hours(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    ask_note = await bot.press("alice", picker[0].button("Getting by"))
    await bot.advance(timedelta(hours=3))
    late = await bot.press("alice", ask_note[0].button("Skip"))
    assert "timed out" in late[0].text
    assert await _rows(bot) == 0


async def test_changing_visibility_after_saving_withdraws_the_card(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.say("alice", "/checkin 2 hard day")
    card = next(sent for sent in replies if sent.where == GROUP)
    changed = await bot.press("alice", replies[0].button("Only me"))
    edit = next(sent for sent in changed if sent.where == GROUP)
    assert edit.reply.edit == card.ref
    assert "hard day" not in edit.text and "Having a hard time" not in edit.text
    assert not edit.actions


async def test_mood_one_gets_a_gentle_reply_with_a_skill_and_crisis_lines(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.say("alice", "/checkin 1")
    gentle = next(sent for sent in replies if "Thank you for being honest" in sent.text)
    assert gentle.where == "dm:alice"
    assert "988" in gentle.text and "min)" in gentle.text
    assert not [sent for sent in bot.messenger.sent if sent.where.startswith("dm:coach")]


async def test_streak_is_shown_only_to_the_person(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    for _ in range(3):
        await bot.say("alice", "/checkin 4")
        await bot.advance(timedelta(days=1))
    replies = await bot.say("alice", "/checkin 4")
    streak = [sent for sent in replies if "days you've checked in" in sent.text]
    assert len(streak) == 1 and streak[0].where == "dm:alice" and "4 days" in streak[0].text
    assert not [sent for sent in bot.messenger.sent if "checked in." in sent.text and sent.where == GROUP]


async def test_streak_forgives_one_missed_day_a_week(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/checkin 4")
    await bot.advance(timedelta(days=1))
    await bot.say("alice", "/checkin 4")
    await bot.advance(timedelta(days=2))  # Wednesday missed
    replies = await bot.say("alice", "/checkin 4")
    assert "3 days" in replies[0].text and "grace day on Wednesday" in replies[0].text


async def test_a_note_sent_with_the_add_a_note_form_is_saved_and_screened(bot: Harness) -> None:
    await bot.join("alice")
    moods = await bot.say("alice", "/checkin")
    asked = await bot.press("alice", moods[0].button("okay"))
    note_button = next(sent for sent in asked if sent.actions).button("add a note")
    assert any(button.asks_text for row in asked[-1].reply.buttons for button in row)
    visibility = await bot.press("alice", note_button, text="went for a walk with my sister")
    saved = await bot.press("alice", visibility[-1].button("group"))
    card = [sent for sent in bot.messenger.to("chat:group-1") if "went for a walk with my sister" in sent.text]
    assert card and saved


async def test_add_a_note_without_a_form_asks_for_the_next_message(bot: Harness) -> None:
    await bot.join("alice")
    moods = await bot.say("alice", "/checkin")
    asked = await bot.press("alice", moods[0].button("okay"))
    prompt = await bot.press("alice", asked[-1].button("add a note"))
    assert "next message" in prompt[-1].text
    visibility = await bot.say("alice", "a quiet day", chat=bot.group())
    assert visibility[-1].actions[0].startswith("ci.v:")
