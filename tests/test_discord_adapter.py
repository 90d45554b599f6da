"""The Discord adapter end to end: real discord.py against the fake Discord, real database."""

from __future__ import annotations

from bot.domain import Platform, Role
from tests.fakes.discord_api import MESSAGE_FLAG_EPHEMERAL
from tests.test_discord_world import (
    ALICE,
    BOB,
    GENERAL,
    GUILD,
    DiscordWorld,
    buttons_of,
    callback_types,
    sent_content,
    world,
)

__all__ = ["world"]


async def test_start_in_a_server_answers_publicly_with_the_crisis_resources(world: DiscordWorld) -> None:
    calls = await world.slash("start", user=BOB)
    assert callback_types(calls) == [4]
    text = sent_content(calls[0])
    assert "988" in text or "emergency" in text.lower()
    assert calls[0].json["data"]["allowed_mentions"] == {"parse": []}
    (message,) = world.fake.messages_in(GENERAL)
    assert message["flags"] & MESSAGE_FLAG_EPHEMERAL == 0


async def test_help_in_a_direct_message_lists_the_member_commands(world: DiscordWorld) -> None:
    calls = await world.slash("help", user=BOB, channel=None)
    assert callback_types(calls) == [4]
    text = sent_content(calls[0])
    assert "/join" in text and "/help" in text
    dm = world.fake.dm_channel(BOB)
    assert [m["content"] for m in world.fake.messages_in(dm["id"])] == [text]


async def test_join_shows_consent_privately_and_agreeing_stores_the_membership(world: DiscordWorld) -> None:
    calls = await world.slash("join", user=BOB)
    assert calls[0].json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    consent = world.last_with_buttons(GENERAL)
    agree = next(cid for label, cid in buttons_of(consent).items() if "agree" in label.lower())
    assert agree.startswith("join.ok:")
    press = await world.press(consent, agree, user=BOB)
    assert callback_types(press) == [4]
    assert press[0].json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    async with world.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(Platform.DISCORD, str(BOB))
        group = await uow.groups.by_chat(Platform.DISCORD, str(GUILD))
        assert person is not None and group is not None
        membership = await uow.memberships.get(person.id, group.id)
    assert membership is not None and membership.active
    assert membership.role is Role.MEMBER


async def test_a_facilitator_who_joins_is_stored_as_facilitator(world: DiscordWorld) -> None:
    await world.join(ALICE)
    async with world.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(Platform.DISCORD, str(ALICE))
        group = await uow.groups.by_chat(Platform.DISCORD, str(GUILD))
        assert person is not None and group is not None
        membership = await uow.memberships.get(person.id, group.id)
    assert membership is not None and membership.role is Role.FACILITATOR
