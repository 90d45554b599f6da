"""Every feature on Telegram: check-ins by buttons with the live support counter, scheduled
prompts, the FAQ, facilitator-only commands, crisis replies and alerts, and /forget, through
real PTB and the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.fakes.telegram_api import FakeTelegramApi
from tests.test_telegram_world import (
    ALICE,
    BOB,
    COACH,
    GROUP,
    TelegramBot,
    advance,
    buttons,
    data_of,
    join,
    running,
    sent,
    stored_membership,
    visible,
)

OTHER_GROUP = -1009876543210


@pytest.fixture
async def tg(database_url: str, tmp_path: Path) -> AsyncIterator[TelegramBot]:
    async with FakeTelegramApi() as fake, running(fake, database_url, tmp_path / "data") as bot:
        fake.set_admins(GROUP, [{"id": COACH, "first_name": "Coach"}])
        fake.set_admins(OTHER_GROUP, [{"id": COACH, "first_name": "Coach"}])
        yield bot


async def test_a_checkin_by_buttons_posts_one_card_and_support_updates_its_counter_in_place(tg: TelegramBot) -> None:
    await join(tg, GROUP, ALICE, "Alice")
    await join(tg, GROUP, BOB, "Bob")

    picker = sent(await tg.say(GROUP, "/checkin"), ALICE)[-1]
    ask_note = sent(await tg.press(picker.result, data_of(picker, "Doing okay")), ALICE)[-1]
    assert "short note" in visible(ask_note)
    ask_visibility = sent(await tg.say(ALICE, "slept badly but went for a walk"), ALICE)[-1]
    calls = await tg.press(ask_visibility.result, data_of(ask_visibility, "The group"))
    [card] = sent(calls, GROUP)
    assert "Alice" in visible(card) and "Doing okay" in visible(card)
    assert "went for a walk" in visible(card)

    support = data_of(card, "Send support")
    calls = await tg.press(card.result, support, user_id=BOB, name="Bob")
    [edit] = [c for c in calls if c.method == "editMessageText" and c.ok]
    assert edit.params["chat_id"] == GROUP and edit.params["message_id"] == card.result["message_id"]
    assert "1 person sent support" in visible(edit)
    assert data_of(edit, "Send support") == support
    assert sent(calls, GROUP) == []

    again = await tg.press(card.result, support, user_id=BOB, name="Bob")
    [answer] = [c for c in again if c.method == "answerCallbackQuery"]
    assert "already" in answer.params.get("text", "")
    assert [c for c in again if c.method == "editMessageText" and c.ok] == []


async def test_a_member_cannot_schedule_prompts(tg: TelegramBot) -> None:
    tg.fake.mark_started(ALICE)
    await tg.say(GROUP, "/start")
    calls = await tg.say(GROUP, "/schedule daily 09:00")
    assert "only this group's facilitators" in visible(sent(calls, ALICE)[0])
    assert sent(calls, GROUP) == []


async def test_a_scheduled_prompt_reaches_each_group_once(tg: TelegramBot) -> None:
    for chat in (GROUP, OTHER_GROUP):
        calls = await tg.say(chat, "/schedule daily 11:00", user_id=COACH, name="Coach")
        assert sent(calls, chat), f"no confirmation in {chat}"
    mark = len(tg.fake.calls)
    await advance(tg, timedelta(hours=1, minutes=5))
    first = {chat: sent(tg.fake.calls[mark:], chat) for chat in (GROUP, OTHER_GROUP)}
    assert all(len(prompts) == 1 for prompts in first.values()), first
    assert all(buttons(prompts[0]) for prompts in first.values())

    mark = len(tg.fake.calls)
    await advance(tg, timedelta(hours=3))
    assert sent(tg.fake.calls[mark:], GROUP) == [] and sent(tg.fake.calls[mark:], OTHER_GROUP) == []


async def test_a_question_in_a_direct_chat_gets_an_faq_answer(tg: TelegramBot) -> None:
    calls = await tg.say(ALICE, "how many weeks does iop last?")
    [answer] = sent(calls, ALICE)
    assert "8 to 12 weeks" in visible(answer)


async def test_a_question_mentioning_the_bot_in_the_group_is_answered_there(tg: TelegramBot) -> None:
    quiet = await tg.say(GROUP, "how many weeks does iop last?")
    assert sent(quiet) == []
    calls = await tg.say(GROUP, "@iop_test_bot how many weeks does iop last?")
    [answer] = sent(calls, GROUP)
    assert "8 to 12 weeks" in visible(answer)


async def test_crisis_words_in_the_group_get_private_resources_and_an_alert_to_the_chat_admin(tg: TelegramBot) -> None:
    await join(tg, GROUP, ALICE, "Alice")
    tg.fake.mark_started(COACH)
    calls = await tg.say(GROUP, "I can't do this anymore, I want to kill myself")
    assert sent(calls, GROUP) == []
    [private] = [c for c in sent(calls, ALICE) if "immediate danger" in visible(c)]
    assert "988" in visible(private)
    [alert] = [c for c in sent(calls, COACH) if "Safety alert" in visible(c)]
    assert "Alice" in visible(alert)
    assert buttons(alert), "the alert has an I'm-on-it button"
    acknowledged = await tg.press(alert.result, buttons(alert)[0][1], user_id=COACH, name="Coach")
    assert [c.ok for c in acknowledged if c.method == "answerCallbackQuery"] == [True]


async def test_forget_after_the_confirm_button_blanks_the_group_card_and_confirms_privately(tg: TelegramBot) -> None:
    await join(tg, GROUP, ALICE, "Alice")
    calls = await tg.say(GROUP, "/checkin 2 rough week, my brother is in hospital")
    [card] = sent(calls, GROUP)
    assert "brother" in visible(card)

    asked = sent(await tg.say(ALICE, "/forget"), ALICE)[-1]
    calls = await tg.press(asked.result, data_of(asked, "delete"))
    [edit] = [c for c in calls if c.method == "editMessageText" and c.ok]
    assert edit.params["chat_id"] == GROUP and edit.params["message_id"] == card.result["message_id"]
    assert "brother" not in visible(edit) and buttons(edit) == []
    assert "brother" not in tg.fake.message(GROUP, card.result["message_id"])["text"]
    assert "deleted" in visible(sent(calls, ALICE)[-1])
    person, _group, _membership = await stored_membership(tg.app, ALICE, GROUP)
    assert person is None
