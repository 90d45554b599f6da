"""/start, /help, /join with consent, /leave, /timezone, unknown and malformed commands."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import MembershipRow, PersonRow
from tests.harness import Harness


async def _count(bot: Harness, model: type) -> int:
    async with bot.app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_start_says_what_the_bot_is_and_how_to_get_help_now(bot: Harness) -> None:
    replies = await bot.say("alice", "/start")
    text = replies[0].text
    assert "not a therapist" in text and "not a crisis service" in text
    assert "988" in text and "emergency number" in text


async def test_help_lists_member_commands_and_crisis_lines(bot: Harness) -> None:
    text = (await bot.say("alice", "/help"))[0].text
    assert "/join" in text and "/help" in text
    assert "116 123" in text


async def test_join_stores_nothing_before_consent(bot: Harness) -> None:
    replies = await bot.say("alice", "/join")
    assert "What I keep" in replies[0].text
    assert replies[0].where == "dm:alice"
    assert await _count(bot, PersonRow) == 0
    assert await _count(bot, MembershipRow) == 0


async def test_agreeing_creates_person_and_membership(bot: Harness) -> None:
    await bot.join("alice")
    assert await _count(bot, PersonRow) == 1
    assert await _count(bot, MembershipRow) == 1
    again = await bot.say("alice", "/join")
    assert "already part" in again[0].text


async def test_declining_consent_stores_nothing(bot: Harness) -> None:
    replies = await bot.say("alice", "/join")
    decline = replies[0].button("not now")
    answer = await bot.press("alice", decline)
    assert "Nothing about you was saved" in answer[0].text
    assert await _count(bot, PersonRow) == 0


async def test_unknown_command_gets_friendly_reply_and_changes_nothing(bot: Harness) -> None:
    replies = await bot.say("alice", "/frobnicate now")
    assert "don't know the command /frobnicate" in replies[0].text
    assert await _count(bot, PersonRow) == 0


async def test_member_only_command_before_join_asks_for_consent(bot: Harness) -> None:
    replies = await bot.say("alice", "/leave")
    assert "/join first" in replies[0].text


async def test_leave_keeps_data_but_ends_membership(bot: Harness) -> None:
    await bot.join("alice")
    replies = await bot.say("alice", "/leave")
    assert "You've left" in replies[0].text
    async with bot.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(bot.messenger.platform, "alice")
        assert person is not None
        assert not (await uow.memberships.of_person(person.id))
    rejoin = await bot.say("alice", "/join")
    assert "Welcome back" in rejoin[0].text


async def test_only_facilitators_change_the_time_zone(bot: Harness) -> None:
    refused = await bot.say("alice", "/timezone Europe/Berlin")
    assert "only this group's facilitators" in refused[0].text
    changed = await bot.say("coach", "/timezone Europe/Berlin")
    assert "Europe/Berlin" in changed[0].text
    shown = await bot.say("alice", "/timezone")
    assert "Europe/Berlin" in shown[0].text


async def test_bad_time_zone_is_refused_and_nothing_changes(bot: Harness) -> None:
    for bad in ["Mars/Base", "../../etc/passwd", "Europe"]:
        replies = await bot.say("coach", f"/timezone {bad}")
        assert "don't know the time zone" in replies[0].text
    shown = await bot.say("alice", "/timezone")
    assert "UTC" in shown[0].text


async def test_expired_or_forged_button_is_answered_politely(bot: Harness) -> None:
    for action in ["nope:1", "join.ok:999999", "join.ok:abc", ""]:
        replies = await bot.press("alice", action)
        assert replies and ("expired" in replies[0].text or "couldn't tell which group" in replies[0].text)


async def test_private_reply_falls_back_to_a_pointer_in_the_group(bot: Harness) -> None:
    bot.messenger.unreachable_dm.add("alice")
    replies = await bot.say("alice", "/join")
    assert len(replies) == 1
    assert replies[0].where == "chat:group-1"
    assert "open a direct chat" in replies[0].text
    assert "What I keep" not in replies[0].text


async def test_bot_removed_from_group_marks_it_inactive(bot: Harness) -> None:
    await bot.say("alice", "/start")
    await bot.core.chat_removed(bot.group())
    async with bot.app.uow_factory() as uow:
        group = await uow.groups.by_chat(bot.messenger.platform, "group-1")
        assert group is not None and not group.active


async def test_group_migration_keeps_the_group(bot: Harness) -> None:
    await bot.join("alice")
    await bot.core.chat_migrated(bot.group(), "group-2")
    replies = await bot.say("alice", "/join", chat=bot.group("group-2"))
    assert "already part" in replies[0].text


async def test_two_first_events_from_a_new_group_at_once_register_it_once(bot: Harness) -> None:
    import asyncio

    chat = bot.group("group-race")
    results = await asyncio.gather(
        bot.say("alice", "/help", chat=chat), bot.core.chat_added(chat), bot.say("bob", "/start", chat=chat)
    )
    assert all("went wrong" not in sent.text for replies in results if replies for sent in replies)
    async with bot.app.uow_factory() as uow:
        assert await uow.groups.by_chat(bot.messenger.platform, "group-race") is not None
