"""/resources, /staffed, /backup and /alerts; crisis handling has no off switch."""

from __future__ import annotations

from sqlalchemy import select

from bot.config import Settings
from bot.safety.service import SafetyService
from storage.models import SafetySettingsRow
from tests.harness import Harness

EMERGENCY = "If you are in immediate danger, call your local emergency number"
OWN = "Call our clinic's after-hours line 555-0100"


async def _stored_settings(bot: Harness) -> SafetySettingsRow | None:
    async with bot.app.uow_factory() as uow:
        row = await uow.session.scalar(select(SafetySettingsRow))
        if row is not None:
            uow.session.expunge(row)
        return row


async def test_resources_shows_the_default_lines_to_anyone(bot: Harness) -> None:
    shown = await bot.dm("stranger", "/resources")
    assert "988" in shown[0].text and "findahelpline.com" in shown[0].text and EMERGENCY in shown[0].text


async def test_a_facilitator_sets_group_resources_that_appear_in_help_start_and_crisis_replies(bot: Harness) -> None:
    await bot.join("alice")
    done = await bot.say("coach", f"/resources set {OWN}")
    assert "Done" in done[0].text
    for command in ("/resources", "/help", "/start"):
        text = (await bot.say("alice", command))[0].text
        assert OWN in text and EMERGENCY in text, command
    crisis = [item for item in await bot.dm("alice", "I want to die") if item.where == "dm:alice"]
    assert OWN in crisis[0].text and EMERGENCY in crisis[0].text and "Samaritans" not in crisis[0].text


async def test_group_resources_are_sealed_at_rest(bot: Harness) -> None:
    await bot.say("coach", f"/resources set {OWN}")
    row = await _stored_settings(bot)
    assert row is not None and row.resources_sealed is not None and "555-0100" not in row.resources_sealed


async def test_resources_reset_goes_back_to_the_default_lines(bot: Harness) -> None:
    await bot.say("coach", f"/resources set {OWN}")
    await bot.say("coach", "/resources reset")
    text = (await bot.say("coach", "/resources"))[0].text
    assert OWN not in text and "988" in text


async def test_a_member_cannot_set_or_reset_resources_and_nothing_changes(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", f"/resources set {OWN}")
    refused = await bot.say("alice", "/resources set call me instead")
    assert "only this group's facilitators" in refused[0].text
    refused = await bot.say("alice", "/resources reset")
    assert "only this group's facilitators" in refused[0].text
    assert OWN in (await bot.say("alice", "/resources"))[0].text


async def test_staffed_hours_are_set_shown_and_cleared_by_a_facilitator(bot: Harness) -> None:
    await bot.join("alice")
    assert "no staffed hours" in (await bot.say("alice", "/staffed"))[0].text
    done = await bot.say("coach", "/staffed mon-fri 09:00-17:00")
    assert "Mon–Fri 09:00–17:00" in done[0].text
    shown = (await bot.say("alice", "/staffed"))[0].text
    assert "Mon–Fri 09:00–17:00" in shown and "Right now they are on." in shown
    assert "no staffed hours set any more" in (await bot.say("coach", "/staffed off"))[0].text
    assert "no staffed hours" in (await bot.say("alice", "/staffed"))[0].text


async def test_a_member_cannot_set_staffed_hours(bot: Harness) -> None:
    await bot.join("alice")
    refused = await bot.say("alice", "/staffed daily 00:00-23:59")
    assert "only this group's facilitators" in refused[0].text
    row = await _stored_settings(bot)
    assert row is None or row.staffed is None


async def test_unclear_staffed_hours_change_nothing(bot: Harness) -> None:
    for bad in ("/staffed someday 9-5", "/staffed mon-fri 25:00-26:00", "/staffed mon-fri"):
        assert "couldn't read those hours" in (await bot.say("coach", bad))[0].text
    assert await _stored_settings(bot) is None


async def test_alerts_log_is_for_facilitators_only_and_holds_no_message_text(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "I want to die, nobody would miss me")
    refused = await bot.say("alice", "/alerts")
    assert "only this group's facilitators" in refused[0].text
    log = await bot.say("coach", "/alerts")
    assert log[0].where == "dm:coach"
    assert "alert raised · Alice" in log[0].text and "nobody would miss me" not in log[0].text


async def test_backup_contact_is_set_shown_and_cleared_by_facilitators_only(bot: Harness) -> None:
    await bot.join("alice")
    refused = await bot.say("alice", "/backup set alice")
    assert "only this group's facilitators" in refused[0].text
    await bot.say("coach", "/backup set sam")
    assert "sam" in (await bot.say("coach", "/backup"))[0].text
    await bot.say("coach", "/backup off")
    assert "no backup contact" in (await bot.say("coach", "/backup"))[0].text
    row = await _stored_settings(bot)
    assert row is not None and row.backup_user_id is None


async def test_no_command_or_setting_switches_crisis_handling_off(bot: Harness) -> None:
    safety = bot.app.features["safety"]
    assert isinstance(safety, SafetyService)
    assert bot.app.core._screen is safety
    assert not [name for name in Settings.model_fields if any(w in name for w in ("crisis", "screen", "sensitiv"))]
    await bot.join("alice")
    for spec in bot.app.router.commands():
        for args in ("off", "disable", "safety off"):
            await bot.say("coach", f"/{spec.name} {args}")
    sent = await bot.say("alice", "I want to kill myself")
    assert [item.where for item in sent if EMERGENCY in item.text] == ["dm:alice"]
