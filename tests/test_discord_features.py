"""The bot's features on Discord, by slash commands and buttons, end to end."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.fakes.discord_api import MESSAGE_FLAG_EPHEMERAL
from tests.test_discord_world import (
    ALICE,
    BOB,
    CHECKINS,
    GENERAL,
    DiscordWorld,
    buttons_of,
    callback_types,
    sent_content,
    world,
)

__all__ = ["world"]


def button(message: dict[str, object], label_part: str) -> str:
    found = [cid for label, cid in buttons_of(message).items() if label_part.lower() in label.lower()]
    assert found, f"no button like {label_part!r} in {list(buttons_of(message))}"
    return found[0]


async def check_in_by_buttons(world: DiscordWorld, user: int, mood: int) -> dict[str, object]:
    """``user`` checks in with ``mood``, skips the note and shares with the group; returns the card."""
    await world.slash("checkin", user=user)
    step = world.last_with_buttons(GENERAL)
    assert step["flags"] & MESSAGE_FLAG_EPHEMERAL
    await world.press(step, button(step, f" {mood} "), user=user)
    step = world.last_with_buttons(GENERAL)
    while any(label.lower() == "skip" for label in buttons_of(step)):
        await world.press(step, button(step, "skip"), user=user)
        step = world.last_with_buttons(GENERAL)
    await world.press(step, button(step, "group"), user=user)
    cards = [m for m in world.fake.messages_in(GENERAL) if any(c.startswith("ci.sup:") for c in buttons_of(m).values())]
    assert len(cards) == 1
    return cards[0]


async def test_a_full_check_in_by_buttons_posts_a_card_whose_support_counter_updates_live(world: DiscordWorld) -> None:
    await world.join(BOB)
    await world.join(ALICE)
    card = await check_in_by_buttons(world, BOB, 4)
    assert card["flags"] == 0
    assert "**bob**" in str(card["content"])
    support = button(card, "support")
    calls = await world.press(card, support, user=ALICE)
    assert 7 in callback_types(calls) or [c.method for c in calls][-1] == "PATCH"
    updated = world.fake.messages[int(str(card["id"]))]
    assert updated["content"] != card["content"] or updated["edited_timestamp"]
    assert "1" in str(updated["content"])
    await world.press(updated, support, user=ALICE)
    already = world.fake.messages_in(GENERAL)[-1]
    assert already["flags"] & MESSAGE_FLAG_EPHEMERAL and "already" in already["content"].lower()


async def test_a_faq_question_is_answered(world: DiscordWorld) -> None:
    calls = await world.slash("faq", {"question": "what is an IOP?"}, user=BOB)
    text = sent_content(calls[0])
    assert "intensive outpatient" in text.lower()


async def test_export_is_deferred_and_arrives_as_a_private_file(world: DiscordWorld) -> None:
    await world.join(BOB)
    calls = await world.slash("export", user=BOB)
    assert callback_types(calls) == [5]
    assert calls[0].json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    filled = calls[-1]
    (name,) = filled.files
    assert name.endswith(".json")
    document = json.loads(filled.files[name])
    assert "tables" in document
    message = world.fake.messages_in(GENERAL)[-1]
    assert message["flags"] & MESSAGE_FLAG_EPHEMERAL


async def test_forget_erases_the_person_and_blanks_their_group_card(world: DiscordWorld) -> None:
    await world.join(BOB)
    card = await check_in_by_buttons(world, BOB, 3)
    await world.slash("forget", user=BOB)
    confirm = world.last_with_buttons(GENERAL)
    await world.press(confirm, button(confirm, "delete"), user=BOB)
    assert world.fake.messages_in(GENERAL)[-1]["flags"] & MESSAGE_FLAG_EPHEMERAL
    blanked = world.fake.messages[int(str(card["id"]))]
    assert "bob" not in str(blanked["content"])
    assert buttons_of(blanked) == {}
    async with world.app.uow_factory() as uow:
        from bot.domain import Platform

        assert await uow.people.by_platform_id(Platform.DISCORD, str(BOB)) is None


async def test_a_question_that_mentions_the_bot_is_answered_in_the_channel_without_privileged_intents(
    world: DiscordWorld,
) -> None:
    assert not world.fake.identify_payloads[-1]["intents"] & (1 << 15)
    start = len(world.fake.calls)
    await world.fake.dispatch_message(GENERAL, f"<@{world.fake.bot_id}> what is an IOP?", author=BOB)
    call = await world.fake.wait_for_call("POST", "/channels/{id}/messages", start=start, timeout=15)
    assert "intensive outpatient" in call.json["content"].lower()
    assert call.json["allowed_mentions"] == {"parse": []}


async def advance(world: DiscordWorld, delta: timedelta) -> None:
    """Move the bot's clock, running every job at each due moment on the way (like ``iop-bot run``)."""
    target = world.clock.now() + delta
    for _ in range(500):
        due = await world.app.core.next_due()
        if due is None or due > target:
            break
        world.clock.set(due)
        await world.app.core.tick()
    world.clock.set(target)
    await world.app.core.tick()


async def test_a_member_cannot_schedule_prompts(world: DiscordWorld) -> None:
    registered = {c["name"]: c for c in world.fake.global_commands}
    assert registered["schedule"]["default_member_permissions"] == str(1 << 5)
    calls = await world.slash("schedule", {"when": "daily 09:00"}, user=BOB)
    assert "only this group's facilitators" in sent_content(calls[-1])


async def test_a_scheduled_prompt_reaches_each_server_once_in_its_post_channel(world: DiscordWorld) -> None:
    other_guild, other_channel = 1002, 2201
    world.fake.add_guild(
        other_guild,
        "IOP Thursday group",
        channels=[(other_channel, "general")],
        roles=[{"id": 3002, "name": "facilitator", "permissions": 1 << 5}],
        members=[{"id": ALICE, "username": "alice", "roles": [3002]}],
    )
    await world.fake.dispatch_guild_create(other_guild)
    await world.slash(
        "setup",
        [{"type": 1, "name": "channel", "options": [{"type": 7, "name": "channel", "value": str(CHECKINS)}]}],
        user=ALICE,
    )
    for channel in (CHECKINS, other_channel):
        calls = await world.slash("schedule", {"when": "daily 11:00"}, user=ALICE, channel=channel)
        assert "only this group's facilitators" not in sent_content(calls[-1])
    before = {channel: len(world.fake.messages_in(channel)) for channel in (CHECKINS, other_channel)}
    await advance(world, timedelta(hours=1, minutes=5))
    prompts = {channel: world.fake.messages_in(channel)[before[channel] :] for channel in (CHECKINS, other_channel)}
    assert all(len(posted) == 1 for posted in prompts.values()), prompts
    assert all(buttons_of(posted[0]) for posted in prompts.values())
    await advance(world, timedelta(hours=3))
    after = {channel: len(world.fake.messages_in(channel)) for channel in (CHECKINS, other_channel)}
    assert after == {channel: before[channel] + 1 for channel in (CHECKINS, other_channel)}


async def test_a_check_in_note_is_written_in_a_modal_and_shown_on_the_group_card(world: DiscordWorld) -> None:
    await world.join(BOB)
    await world.slash("checkin", user=BOB)
    step = world.last_with_buttons(GENERAL)
    await world.press(step, button(step, " 4 "), user=BOB)
    step = world.last_with_buttons(GENERAL)
    note_id = button(step, "add a note")
    opened = await world.press(step, note_id, user=BOB)
    assert 9 in callback_types(opened)  # a modal, not a request to type in the channel
    await world.submit(note_id, "walked the dog twice", user=BOB, message=step)
    step = world.last_with_buttons(GENERAL)
    await world.press(step, button(step, "group"), user=BOB)
    cards = [m for m in world.fake.messages_in(GENERAL) if "walked the dog twice" in str(m.get("content"))]
    assert len(cards) == 1


async def test_crisis_words_in_a_check_in_note_get_private_resources_and_a_facilitator_dm_alert(
    world: DiscordWorld,
) -> None:
    await world.join(ALICE)
    await world.join(BOB)
    await world.slash("checkin", {"mood": 1, "note": "I can't do this anymore, I want to kill myself"}, user=BOB)
    private = [m for m in world.fake.messages_in(GENERAL) if m["flags"] & MESSAGE_FLAG_EPHEMERAL]
    assert any("988" in m["content"] for m in private)
    public = [m for m in world.fake.messages_in(GENERAL) if not m["flags"] & MESSAGE_FLAG_EPHEMERAL]
    shown = [m["content"] for m in public if "kill myself" in m["content"]]
    assert all("||I can't do this anymore, I want to kill myself||" in content for content in shown)
    alerts = world.fake.messages_in(world.fake.dm_channel(ALICE)["id"])
    assert any("bob" in m["content"].lower() for m in alerts), [m["content"] for m in alerts]
    assert any(buttons_of(m) for m in alerts), "the alert has an I'm-on-it button"
