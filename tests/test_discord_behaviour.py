"""Discord-specific behaviour: permissions, expired buttons, restarts, deferral, escaping, limits."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import discord

from bot.context import Context
from bot.domain import Button, ChatKind, ChatRef, Here, InChat, Platform, Press, Reply, ToPerson
from bot.rich import Rich
from bot.router import ActionSpec, Audience, CommandSpec, Option
from tests.fakes.discord_api import MESSAGE_FLAG_EPHEMERAL
from tests.test_discord_world import (
    ALICE,
    BOB,
    CAROL,
    CHECKINS,
    GENERAL,
    GUILD,
    DiscordWorld,
    buttons_of,
    callback_types,
    discord_world,
    idle_world,
    sent_content,
    world,
)

__all__ = ["idle_world", "world"]


def add_command(world: DiscordWorld, spec: CommandSpec) -> None:
    world.app.router.command(spec)


def replying(*replies: Reply):  # type: ignore[no-untyped-def]
    async def handler(ctx: Context, args: str) -> Sequence[Reply]:
        return list(replies)

    return handler


async def test_an_unknown_or_forged_button_gets_a_polite_expired_reply(world: DiscordWorld) -> None:
    await world.slash("join", user=BOB)
    consent = world.last_with_buttons(GENERAL)
    calls = await world.press(consent, "nonsense:42", user=BOB)
    assert callback_types(calls) == [4]
    assert calls[0].json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    assert "expired" in sent_content(calls[0]).lower()
    forged = await world.press(consent, "join.ok:999999", user=BOB)
    assert "expired" in sent_content(forged[0]).lower()


async def test_a_member_is_refused_a_facilitator_command_that_is_hidden_by_default(idle_world: DiscordWorld) -> None:
    add_command(
        idle_world,
        CommandSpec(
            "t_staff", replying(Reply(Rich.of("staff only"))), "commands.help", "usage.help", Audience.FACILITATOR
        ),
    )
    await idle_world.start()
    registered = {c["name"]: c for c in idle_world.fake.global_commands}
    assert registered["t_staff"]["default_member_permissions"] == str(1 << 5)
    assert registered["help"]["default_member_permissions"] is None
    refused = await idle_world.slash("t_staff", user=BOB)
    assert "only this group's facilitators" in sent_content(refused[0])
    assert refused[0].json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    allowed = await idle_world.slash("t_staff", user=ALICE)
    assert sent_content(allowed[0]) == "staff only"


async def test_commands_are_registered_with_typed_options_and_autocomplete(world: DiscordWorld) -> None:
    registered = {c["name"]: c for c in world.fake.global_commands}
    assert {"start", "help", "join", "timezone", "setup"} <= set(registered)
    (zone,) = registered["timezone"]["options"]
    assert zone["type"] == 3 and zone["autocomplete"] is True
    payload = await world.fake.dispatch_autocomplete(
        "timezone", {"zone": "berl"}, "zone", user=ALICE, channel_id=GENERAL
    )
    await world.done(payload)
    choices = world.fake.autocomplete_choices(payload["id"]) or []
    assert "Europe/Berlin" in [choice["value"] for choice in choices]


async def test_leaving_a_server_marks_the_group_inactive_and_joining_again_wakes_it(world: DiscordWorld) -> None:
    await world.slash("start", user=BOB)
    await world.fake.dispatch_guild_delete(GUILD)
    await _until(lambda: _group_active(world), False)
    await world.fake.dispatch_guild_create(GUILD)
    await _until(lambda: _group_active(world), True)


async def _group_active(world: DiscordWorld) -> bool | None:
    async with world.app.uow_factory() as uow:
        group = await uow.groups.by_chat(Platform.DISCORD, str(GUILD))
    return None if group is None else group.active


async def _until(probe, expected: object) -> None:  # type: ignore[no-untyped-def]
    """Poll a database probe until it returns ``expected`` (gateway events are asynchronous)."""
    for _ in range(200):
        if await probe() == expected:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never became {expected!r}")


async def test_a_button_pressed_after_a_restart_still_works(world: DiscordWorld) -> None:
    await world.slash("join", user=BOB)
    consent = world.last_with_buttons(GENERAL)
    await world.stop()
    await world.start()
    agree = next(cid for label, cid in buttons_of(consent).items() if "agree" in label.lower())
    calls = await world.press(consent, agree, user=BOB)
    assert "welcome" in sent_content(calls[0]).lower()
    assert len(world.fake.identify_payloads) == 2


async def test_a_slow_command_is_deferred_at_once_then_followed_up(idle_world: DiscordWorld) -> None:
    add_command(
        idle_world,
        CommandSpec(
            "t_report",
            replying(Reply(Rich.of("your report"))),
            "commands.help",
            "usage.help",
            Audience.EVERYONE,
            slow=True,
        ),
    )
    await idle_world.start()
    calls = await idle_world.slash("t_report", user=BOB)
    assert callback_types(calls) == [5]
    assert [c.method for c in calls] == ["POST", "PATCH"]
    assert sent_content(calls[1]) == "your report"


async def test_a_command_that_outlasts_the_ack_deadline_is_deferred_then_completed(idle_world: DiscordWorld) -> None:
    release = asyncio.Event()

    async def hold(ctx: Context, args: str) -> Sequence[Reply]:
        await release.wait()
        return [Reply(Rich.of("done at last"))]

    add_command(idle_world, CommandSpec("t_hold", hold, "commands.help", "usage.help", Audience.EVERYONE))
    await idle_world.start(ack_after=0.05)
    payload = await idle_world.fake.dispatch_slash("t_hold", user=BOB, channel_id=GENERAL)
    deferral = await idle_world.fake.wait_for_call("POST", "/interactions/{id}/{token}/callback")
    assert deferral.json["type"] == 5
    release.set()
    calls = await idle_world.done(payload)
    assert callback_types(calls) == [5]
    assert sent_content(calls[-1]) == "done at last"
    (message,) = idle_world.fake.messages_in(GENERAL)
    assert message["content"] == "done at last"


async def test_mentions_in_names_and_text_never_ping(idle_world: DiscordWorld) -> None:
    async def echo(ctx: Context, args: str) -> Sequence[Reply]:
        return [Reply(idle_world.app.catalog("consent.welcome", name=ctx.who.first_name, group=args))]

    add_command(
        idle_world,
        CommandSpec(
            "t_echo", echo, "commands.help", "usage.help", Audience.EVERYONE, options=(Option("text", "text"),)
        ),
    )
    await idle_world.start()
    calls = await idle_world.slash("t_echo", {"text": f"@here <@{ALICE}> **loud**"}, user=CAROL)
    data = calls[0].json["data"]
    assert data["allowed_mentions"] == {"parse": []}
    content = data["content"]
    assert "@everyone" not in content and "@here" not in content
    assert "@\u200beveryone" in content and "@\u200bhere" in content
    assert f"<@{ALICE}>" not in content
    assert "\\*\\*loud\\*\\*" in content


async def test_text_longer_than_2000_characters_arrives_in_clean_pieces(idle_world: DiscordWorld) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n}: " + "calm breathing " * 20 for n in range(20))
    add_command(
        idle_world,
        CommandSpec(
            "t_long",
            replying(Reply(Rich.of(paragraphs), buttons=((Button("Got it", "join.no:"),),))),
            "commands.help",
            "usage.help",
            Audience.EVERYONE,
        ),
    )
    await idle_world.start()
    calls = await idle_world.slash("t_long", user=BOB)
    contents = [sent_content(call) for call in calls]
    assert len(contents) >= 3
    assert all(len(text) <= 2000 for text in contents)
    assert all(text.rstrip().endswith("breathing") for text in contents)
    assert "".join("".join(contents).split()) == "".join(paragraphs.split())
    pieces = idle_world.fake.messages_in(GENERAL)
    assert [bool(buttons_of(m)) for m in pieces] == [False] * (len(pieces) - 1) + [True]


async def test_a_rate_limited_send_is_retried_and_delivered_once(idle_world: DiscordWorld) -> None:
    add_command(
        idle_world,
        CommandSpec(
            "t_announce",
            replying(Reply(Rich.of("group news"), to=Here()), Reply(Rich.of("posted"), to=Here(private=True))),
            "commands.help",
            "usage.help",
            Audience.EVERYONE,
        ),
    )
    await idle_world.start()
    idle_world.fake.fail_next("POST", "/webhooks/{app}/{token}", status=429, retry_after=0.05)
    calls = await idle_world.slash("t_announce", user=BOB)
    assert callback_types(calls) == [4]
    followups = idle_world.fake.calls_to("POST", "/webhooks/{app}/{token}")
    assert [c.status for c in followups] == [429, 200]
    texts = [m["content"] for m in idle_world.fake.messages_in(GENERAL)]
    assert texts == ["group news", "posted"]


async def test_a_private_message_to_someone_with_closed_dms_becomes_a_pointer_without_the_content(
    idle_world: DiscordWorld,
) -> None:
    async def whisper(ctx: Context, args: str) -> Sequence[Reply]:
        return [Reply(Rich.of("your private mood chart"), to=ToPerson(ctx.who))]

    add_command(idle_world, CommandSpec("t_whisper", whisper, "commands.help", "usage.help", Audience.EVERYONE))
    await idle_world.start()
    idle_world.fake.set_dms_closed(BOB)
    await idle_world.slash("t_whisper", user=BOB)
    posted = [m for m in idle_world.fake.messages_in(GENERAL) if m["content"]]
    assert len(posted) == 1
    assert "direct chat" in posted[0]["content"]
    assert "mood chart" not in posted[0]["content"]
    assert idle_world.fake.calls_to("POST", "/users/@me/channels")[0].status == 200


async def test_a_button_that_asks_for_text_opens_a_modal_whose_text_reaches_the_core(idle_world: DiscordWorld) -> None:
    received: list[str | None] = []

    async def ask(ctx: Context, args: str) -> Sequence[Reply]:
        button = Button("Add a note", "t_note:7", asks_text="Your note (only you and facilitators see it)")
        return [Reply(Rich.of("How was today?"), buttons=((button,),), to=Here(private=True))]

    async def noted(ctx: Context, payload: str) -> Sequence[Reply]:
        event_text = ctx.event.action.text if isinstance(ctx.event.action, Press) else None
        received.append(event_text)
        return [Reply(Rich.of(f"Saved note for {payload}."), to=Here(private=True))]

    add_command(idle_world, CommandSpec("t_ask", ask, "commands.help", "usage.help", Audience.EVERYONE))
    idle_world.app.router.action(ActionSpec("t_note", noted, Audience.EVERYONE))
    await idle_world.start()
    await idle_world.slash("t_ask", user=BOB)
    message = idle_world.last_with_buttons(GENERAL)
    (component_id,) = buttons_of(message).values()
    shown = await idle_world.press(message, component_id, user=BOB)
    assert callback_types(shown) == [9]
    modal = idle_world.fake.interaction_modal(shown[0].path.split("/")[2])
    assert modal is not None and modal["custom_id"] == component_id
    assert modal["title"] == "Add a note"
    calls = await idle_world.submit(component_id, "slept better, @everyone", user=BOB, message=message)
    assert received == ["slept better, @everyone"]
    assert sent_content(calls[0]) == "Saved note for 7."


async def test_setup_channel_sends_group_posts_to_the_chosen_channel_and_survives_a_restart(
    world: DiscordWorld,
) -> None:
    refused = await world.slash("setup", [_setup_option(CHECKINS)], user=BOB)
    assert "only this group's facilitators" in sent_content(refused[0])
    done = await world.slash("setup", [_setup_option(CHECKINS)], user=ALICE)
    assert "check-ins" in sent_content(done[0])
    await world.stop()
    await world.start()
    messenger = world.adapter.messenger if world.adapter else None
    assert messenger is not None
    chat = ChatRef(Platform.DISCORD, str(GUILD), ChatKind.GROUP)
    await world.app.core.outbox.deliver([Reply(Rich.of("Today's prompt"), to=InChat(chat))], None)
    assert [m["content"] for m in world.fake.messages_in(CHECKINS)] == ["Today's prompt"]


def _setup_option(channel: int) -> dict[str, object]:
    return {"type": 1, "name": "channel", "options": [{"type": 7, "name": "channel", "value": str(channel)}]}


async def test_with_two_shards_each_server_is_served_by_its_own_shard(database_url: str, tmp_path: Path) -> None:
    second_guild, second_channel = 1 << 22, 2101
    async with discord_world(database_url, tmp_path / "data", shard_count=2, discord_shard_count=2) as sharded:
        sharded.fake.add_guild(second_guild, "IOP Thursday group", channels=[(second_channel, "general")])
        sharded.fake.add_member(second_guild, {"id": BOB, "username": "bob"})
        await sharded.start()
        assert isinstance(sharded.client, discord.AutoShardedClient)
        assert sorted(p["shard"] for p in sharded.fake.identify_payloads) == [[0, 2], [1, 2]]
        first = await sharded.slash("start", user=BOB, channel=GENERAL)
        second = await sharded.slash("start", user=BOB, channel=second_channel)
    assert callback_types(first) == [4] and callback_types(second) == [4]
