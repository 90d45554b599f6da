"""/faq in chats: answers, "Did you mean", honest "I don't know" with sealed gaps, group entries."""

from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select

from bot.domain import ChatKind, ChatRef, Command, Event
from storage.models import FaqEntryRow, FaqGapRow
from tests.harness import Harness


async def _gap_rows(bot: Harness) -> list[tuple[int, str]]:
    """(group id, stored question column) of every kept gap."""
    async with bot.app.uow_factory() as uow:
        rows = await uow.session.scalars(select(FaqGapRow))
        return [(row.group_id, row.question_sealed) for row in rows]


async def _count_entries(bot: Harness) -> int:
    async with bot.app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(FaqEntryRow)) or 0)


async def test_faq_in_the_group_answers_in_the_group(bot: Harness) -> None:
    replies = await bot.say("alice", "/faq how many weeks does iop last")
    assert len(replies) == 1
    assert replies[0].where == "chat:group-1"
    assert "8 to 12 weeks" in replies[0].text


async def test_a_plain_question_in_a_direct_chat_is_answered_without_joining(bot: Harness) -> None:
    replies = await bot.dm("alice", "do i have to talk in group?")
    assert replies[0].where == "dm:alice"
    assert "share" in replies[0].text.lower()


async def test_plain_group_text_is_answered_only_when_the_bot_is_addressed(bot: Harness) -> None:
    assert await bot.say("alice", "how long does iop last") == []
    replies = await bot.say("alice", "@iopbot how long does iop last", addressed=True)
    assert "8 to 12 weeks" in replies[0].text


async def test_did_you_mean_buttons_show_the_entry_they_name(bot: Harness) -> None:
    replies = await bot.say("alice", "/faq is iop covered by my plan")
    actions = replies[0].actions
    assert actions, "expected close runners-up as buttons"
    assert all(action.startswith("faq.show:") for action in actions)
    shown = await bot.press("alice", actions[0])
    assert shown[0].text.splitlines()[0] != replies[0].text.splitlines()[0]


async def test_faq_alone_gives_usage_and_popular_topics_that_work(bot: Harness) -> None:
    replies = await bot.say("alice", "/faq")
    assert "/faq list" in replies[0].text
    assert "faq.show:what-is-iop" in replies[0].actions
    shown = await bot.press("alice", "faq.show:what-is-iop")
    assert "intensive outpatient" in shown[0].text.lower()


async def test_faq_list_shows_topics_grouped_by_tag(bot: Harness) -> None:
    text = (await bot.say("alice", "/faq list"))[0].text
    assert "The basics" in text and "This bot" in text
    assert "How long does an IOP last?" in text


async def test_honest_no_answer_keeps_the_question_sealed_and_without_author(bot: Harness) -> None:
    question = "where do I park my bicycle at the clinic"
    replies = await bot.say("alice", f"/faq {question}")
    assert "don't have an answer" in replies[0].text
    assert "/faq list" in replies[0].text and "facilitator" in replies[0].text
    rows = await _gap_rows(bot)
    assert len(rows) == 1
    columns = {column.key for column in inspect(FaqGapRow).columns}
    assert columns == {"id", "group_id", "question_sealed", "asked_at"}
    assert "bicycle" not in rows[0][1]
    async with bot.app.uow_factory() as uow:
        gaps = await uow.faq.gaps(rows[0][0], bot.clock.now().replace(year=2000), 10)
    assert [gap.question for gap in gaps] == [question]


async def test_small_talk_in_a_direct_chat_is_not_a_gap(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.dm("alice", "thank you!")
    assert "welcome" in replies[0].text.lower()
    assert await _gap_rows(bot) == []


async def test_facilitator_sees_gaps_with_counts_and_members_are_refused(bot: Harness) -> None:
    for _ in range(2):
        await bot.say("alice", "/faq is there parking at the clinic")
    await bot.say("bob", "/faq can I bring my dog to group")
    refused = await bot.say("alice", "/faq gaps")
    assert "only this group's facilitators" in refused[0].text
    text = (await bot.say("coach", "/faq gaps"))[0].text
    assert "is there parking at the clinic (2×)" in text
    assert "can I bring my dog to group (1×)" in text
    assert "Alice" not in text and "Bob" not in text


async def test_facilitator_adds_edits_and_removes_a_group_entry(bot: Harness) -> None:
    added = await bot.say("coach", "/faq add Where do we meet? | Room 204, Elm Street clinic | where is group; address")
    assert "#1" in added[0].text and added[0].where == "dm:coach"
    answer = await bot.say("alice", "/faq what is the address of group")
    assert "Room 204" in answer[0].text and "facilitators" in answer[0].text

    await bot.say("coach", "/faq edit 1 Where do we meet? | Room 12, Oak Street clinic")
    edited = await bot.say("alice", "/faq where do we meet")
    assert "Room 12" in edited[0].text and "Room 204" not in edited[0].text

    removed = await bot.say("coach", "/faq remove 1")
    assert "Removed" in removed[0].text
    assert await _count_entries(bot) == 0
    gone = await bot.say("coach", "/faq remove 1")
    assert "no FAQ entry #1" in gone[0].text


async def test_a_question_on_the_line_after_faq_is_answered(bot: Harness) -> None:
    # what a chat app delivers for "/faq" + line break + question, before adapters trim it
    replies = await bot.event(Event(bot.group(), bot.person("alice"), Command("faq", "\nhow long does iop last")))
    assert "8 to 12 weeks" in replies[0].text


async def test_sub_commands_may_be_followed_by_a_line_break(bot: Harness) -> None:
    added = await bot.say("coach", "/faq add\nWhere do we meet? | Room 204, Elm Street clinic")
    assert "#1" in added[0].text
    await bot.say("coach", "/faq edit 1\nWhere do we meet? | Room 12, Oak Street clinic")
    edited = await bot.say("alice", "/faq where do we meet")
    assert "Room 12" in edited[0].text
    removed = await bot.say("coach", "/faq remove\n1")
    assert "Removed" in removed[0].text


async def test_members_cannot_add_edit_or_remove_entries(bot: Harness) -> None:
    await bot.say("coach", "/faq add Where do we meet? | Room 204")
    for command in ("/faq add Q? | A", "/faq edit 1 Q? | A", "/faq remove 1"):
        replies = await bot.say("alice", command)
        assert "only this group's facilitators" in replies[0].text
    assert await _count_entries(bot) == 1


async def test_add_without_text_walks_through_question_then_answer(bot: Harness) -> None:
    await bot.join("coach")
    asked = await bot.say("coach", "/faq add")
    assert "What question" in asked[0].text
    await bot.say("coach", "Who do I call if I'm running late?")
    saved = await bot.say("coach", "Call the front desk on 555-0100.")
    assert "#1" in saved[0].text
    answer = await bot.say("alice", "/faq who to call when running late")
    assert "555-0100" in answer[0].text


async def test_a_groups_entry_wins_for_its_group_and_is_invisible_to_another(bot: Harness) -> None:
    await bot.say("coach", "/faq add What days and times do we meet? | Tuesdays and Thursdays 6 to 9 pm")
    ours = await bot.say("alice", "/faq what days and times are sessions")
    assert "Tuesdays and Thursdays" in ours[0].text

    other = ChatRef(bot.messenger.platform, "group-2", ChatKind.GROUP, "Other group")
    theirs = await bot.say("bob", "/faq what days and times are sessions", chat=other)
    assert "Tuesdays and Thursdays" not in theirs[0].text
    listed = (await bot.say("bob", "/faq list", chat=other))[0].text
    assert "What days and times do we meet?" not in listed
    pressed = await bot.press("bob", "faq.show:#1", chat=other)
    assert "expired" in pressed[0].text


async def test_an_entry_with_a_too_long_answer_is_refused_with_the_limit(bot: Harness) -> None:
    replies = await bot.say("coach", "/faq add Question? | " + "a" * 800)
    assert "at most 700 characters" in replies[0].text
    assert await _count_entries(bot) == 0


async def test_a_malformed_edit_shows_the_usage(bot: Harness) -> None:
    replies = await bot.say("coach", "/faq edit 3 no separator here")
    assert "/faq add Question? | Answer" in replies[0].text


@pytest.mark.parametrize(
    "question",
    [
        "x" * 5000,
        "😀😭🙏🔥",
        "'; DROP TABLE faq_entries; --",
        "Как мне удалить мои данные?",
        "🙂",
        "SELECT * FROM users WHERE 1=1",
        "كيف أحذف بياناتي",
        "?!?!... ---",
    ],
)
async def test_bad_input_gets_a_clear_reply_and_no_crash(bot: Harness, question: str) -> None:
    replies = await bot.say("alice", f"/faq {question}")
    assert len(replies) == 1
    text = replies[0].text
    assert "went wrong" not in text
    assert "don't have an answer" in text or "couldn't find a question" in text
    assert len(text) < 1000


async def test_an_empty_question_after_faq_shows_the_usage_and_topics(bot: Harness) -> None:
    replies = await bot.say("alice", "/faq    ")
    assert len(replies) == 1
    assert "/faq list" in replies[0].text and "went wrong" not in replies[0].text


@pytest.mark.parametrize("text", ["😀😭🙏🔥", "y" * 5000, "'; DROP TABLE faq_entries; --", "日本語の質問です"])
async def test_bad_plain_text_in_a_direct_chat_gets_one_calm_reply(bot: Harness, text: str) -> None:
    replies = await bot.dm("alice", text)
    assert len(replies) <= 1
    for reply in replies:
        assert "went wrong" not in reply.text and len(reply.text) < 1000
