"""Facilitator commands and buttons, tried by a member, are refused and change nothing.

Generic over the router: every command registered with ``Audience.FACILITATOR`` (and every
facilitator button family) is tried, with arguments taken from its own usage text, so a
feature that lands later is covered without editing this file.
"""

from __future__ import annotations

import re

from bot.router import Audience, CommandSpec
from tests.harness import Harness
from tests.test_privacy_walk import snapshot

#: Facilitator-only sub-commands of commands that members may also use.
FACILITATOR_SUBCOMMANDS = (
    "/faq add How long is the program? | Ten weeks",
    "/faq edit #1 How long? | Twelve weeks",
    "/faq remove #1",
    "/faq gaps",
    "/timezone Europe/Berlin",
    "/skills stats",
    "/resources set Call 555-0100",
    "/staffed 09:00-17:00",
)
BASIC_ARGS = ("", "1", "#1", "on", "off", "list", "all", "stats", "alice", "2026-12-25", "22:00-08:00")


def _probes(bot: Harness, spec: CommandSpec) -> list[str]:
    """Arguments to try: a few plain ones, then every example in the command's usage text."""
    usage = bot.app.catalog.plain(spec.usage)
    examples = [match.strip() for match in re.findall(rf"/{spec.name}\b([^,\n]*)", usage)]
    return list(dict.fromkeys([*BASIC_ARGS, *examples]))


def _facilitator_commands(bot: Harness) -> list[CommandSpec]:
    return [spec for spec in bot.app.router.commands() if spec.audience is Audience.FACILITATOR]


async def _group_with_history(bot: Harness) -> None:
    await bot.join("coach")
    await bot.join("alice")
    await bot.say("alice", "/checkin 3 perm-note")
    await bot.say("coach", "/faq add When is group? | Tuesdays at six")
    await bot.say("coach", "/schedule daily 09:00")


def _refusal(bot: Harness) -> str:
    return bot.app.catalog.plain("error.not_facilitator")


async def test_there_are_facilitator_commands_to_check(bot: Harness) -> None:
    assert len(_facilitator_commands(bot)) >= 3


async def test_every_facilitator_command_tried_by_a_member_in_the_group_is_refused_and_changes_nothing(
    bot: Harness,
) -> None:
    await _group_with_history(bot)
    before = await snapshot(bot.app)
    for spec in _facilitator_commands(bot):
        for args in _probes(bot, spec):
            sent = await bot.say("alice", f"/{spec.name} {args}".strip())
            assert [item.text for item in sent] == [_refusal(bot)], f"/{spec.name} {args}"
            assert [item.where for item in sent] == ["dm:alice"]
    assert await snapshot(bot.app) == before


async def test_every_facilitator_command_tried_by_a_member_in_a_direct_chat_is_refused_and_changes_nothing(
    bot: Harness,
) -> None:
    await _group_with_history(bot)
    before = await snapshot(bot.app)
    for spec in _facilitator_commands(bot):
        for args in _probes(bot, spec):
            sent = await bot.dm("alice", f"/{spec.name} {args}".strip())
            assert _refusal(bot) in [item.text for item in sent] or all("group chat" in item.text for item in sent), (
                f"/{spec.name} {args}: {[item.text for item in sent]}"
            )
    assert await snapshot(bot.app) == before


async def test_facilitator_subcommands_of_member_commands_are_refused_and_change_nothing(bot: Harness) -> None:
    await _group_with_history(bot)
    before = await snapshot(bot.app)
    tried = 0
    for line in FACILITATOR_SUBCOMMANDS:
        if bot.app.router.find_command(line[1:].split()[0]) is None:
            continue
        tried += 1
        sent = await bot.say("alice", line)
        assert any(_refusal(bot) in item.text for item in sent), f"{line}: {[item.text for item in sent]}"
    assert tried >= 2
    assert await snapshot(bot.app) == before


async def test_every_facilitator_button_pressed_by_a_member_is_refused_and_changes_nothing(bot: Harness) -> None:
    await _group_with_history(bot)
    before = await snapshot(bot.app)
    families = [spec for spec in bot.app.router._actions.values() if spec.audience is Audience.FACILITATOR]
    for spec in families:
        for payload in ("", "1", "1:1", "1:1:1", "yes", "ack:1"):
            sent = await bot.press("alice", f"{spec.prefix}:{payload}")
            assert [item.text for item in sent] == [_refusal(bot)], f"{spec.prefix}:{payload}"
    assert await snapshot(bot.app) == before


async def test_the_same_commands_are_not_refused_for_a_facilitator(bot: Harness) -> None:
    """Keeps the tests above honest: the refusal comes from the role, not from the command."""
    await _group_with_history(bot)
    for spec in _facilitator_commands(bot):
        sent = await bot.say("coach", f"/{spec.name}")
        assert _refusal(bot) not in [item.text for item in sent], f"/{spec.name}"
