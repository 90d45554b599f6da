"""Crisis response: the private reply, facilitator alerts, batching, acknowledgement, escalation."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.safety.service import SafetyService
from storage.models import SafetyAlertRow
from tests.fakes.messenger import Sent
from tests.harness import Harness

GROUP = "chat:group-1"
EMERGENCY = "If you are in immediate danger, call your local emergency number"


def _crisis_replies(sent: list[Sent], who: str) -> list[Sent]:
    return [item for item in sent if item.where == f"dm:{who}" and EMERGENCY in item.text]


def _alerts(sent: list[Sent], facilitator: str = "coach") -> list[Sent]:
    return [item for item in sent if item.where == f"dm:{facilitator}" and "Safety alert" in item.text]


async def _alert_rows(bot: Harness) -> list[SafetyAlertRow]:
    async with bot.app.uow_factory() as uow:
        rows = list(await uow.session.scalars(select(SafetyAlertRow).order_by(SafetyAlertRow.id)))
        for row in rows:
            uow.session.expunge(row)
        return rows


async def test_a_crisis_dm_gets_resources_privately_and_facilitators_an_alert_without_the_words(bot: Harness) -> None:
    await bot.join("alice")
    sent = await bot.dm("alice", "honestly I want to die tonight")
    replies = _crisis_replies(sent, "alice")
    assert len(replies) == 1
    assert "988" in replies[0].text and "Samaritans" in replies[0].text
    alerts = _alerts(sent)
    assert len(alerts) == 1
    assert "Alice" in alerts[0].text and "Group group-1" in alerts[0].text and "Mon 23 Nov 10:00" in alerts[0].text
    assert "talk of intent or a plan" in alerts[0].text
    assert "die tonight" not in alerts[0].text
    assert alerts[0].actions == ["alert.ack:1"]
    assert not [item for item in sent if item.where == GROUP]


async def test_crisis_text_in_the_group_is_answered_privately_and_the_alert_quotes_it(bot: Harness) -> None:
    await bot.join("alice")
    sent = await bot.say("alice", "I can't do this anymore, I want to kill myself")
    assert not [item for item in sent if item.where == GROUP]
    reply = _crisis_replies(sent, "alice")
    assert len(reply) == 1 and "only you can see" in reply[0].text
    alert = _alerts(sent)[0]
    assert "I want to kill myself" in alert.text and "in the group chat" in alert.text


async def test_group_text_kept_for_an_alert_is_sealed_at_rest_and_dm_text_is_not_kept(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    await bot.say("alice", "I want to kill myself")
    await bot.dm("bob", "I want to kill myself")
    alice_row, bob_row = await _alert_rows(bot)
    assert alice_row.shared_text_sealed is not None and "kill" not in alice_row.shared_text_sealed
    assert bob_row.shared_text_sealed is None


async def test_everyday_idioms_get_no_crisis_reply_and_no_alert(bot: Harness) -> None:
    await bot.join("alice")
    for text in ("killing it at work today", "I'm dying to see the new film", "ugh my phone died again"):
        assert await bot.say("alice", text) == []
    assert await _alert_rows(bot) == []


async def test_a_message_with_many_crisis_phrases_gets_exactly_one_reply_and_one_alert(bot: Harness) -> None:
    await bot.join("alice")
    sent = await bot.dm("alice", "I want to die. I'm going to kill myself tonight, I have the pills. Goodbye everyone.")
    assert len(_crisis_replies(sent, "alice")) == 1
    assert len(_alerts(sent)) == 1
    assert len([item for item in sent if item.where == "dm:alice"]) == 1


async def test_a_second_crisis_within_the_hour_gets_resources_again_but_no_second_alert(bot: Harness) -> None:
    await bot.join("alice")
    await bot.dm("alice", "I want to die")
    await bot.advance(timedelta(minutes=5))
    again = await bot.dm("alice", "I really want to kill myself")
    assert len(_crisis_replies(again, "alice")) == 1
    assert _alerts(again) == []
    (row,) = await _alert_rows(bot)
    assert row.count == 2
    later = await bot.say("coach", "/alerts")
    assert "another message (batched)" in later[0].text


async def test_a_crisis_an_hour_after_the_last_alert_raises_a_new_alert(bot: Harness) -> None:
    await bot.join("alice")
    await bot.dm("alice", "I want to die")
    await bot.press("coach", "alert.ack:1", chat=bot.direct("coach"))
    await bot.advance(timedelta(minutes=61))
    sent = await bot.dm("alice", "I want to die")
    assert len(_alerts(sent)) == 1
    assert len(await _alert_rows(bot)) == 2


async def test_pressing_im_on_it_stops_the_escalation_and_is_logged_with_who(bot: Harness) -> None:
    await bot.join("alice")
    await bot.dm("alice", "I want to die")
    pressed = await bot.press("coach", "alert.ack:1", chat=bot.direct("coach"))
    assert any("Coach" in item.text and "is on it" in item.text for item in pressed)
    mark = len(bot.messenger.sent)
    await bot.advance(timedelta(minutes=16))
    assert not [item for item in bot.messenger.sent[mark:] if "Unacknowledged" in item.text]
    log = (await bot.say("coach", "/alerts"))[0].text
    assert "acknowledged · Alice · by Coach" in log
    twice = await bot.press("coach", "alert.ack:1", chat=bot.direct("coach"))
    assert "already acknowledged" in twice[0].text


async def test_an_unacknowledged_alert_goes_to_the_facilitators_again_after_15_minutes(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "I want to die")
    mark = len(bot.messenger.sent)
    await bot.advance(timedelta(minutes=14))
    assert bot.messenger.sent[mark:] == []
    await bot.advance(timedelta(minutes=2))
    escalations = [item for item in bot.messenger.sent[mark:] if "Unacknowledged" in item.text]
    assert [item.where for item in escalations] == ["dm:coach"]
    assert escalations[0].actions == ["alert.ack:1"] and "I want to die" in escalations[0].text
    log = (await bot.say("coach", "/alerts"))[0].text
    assert "escalated" in log


async def test_an_unacknowledged_alert_goes_to_the_backup_contact_who_can_acknowledge_it(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", "/backup set sam")
    await bot.dm("alice", "I want to die")
    mark = len(bot.messenger.sent)
    await bot.advance(timedelta(minutes=16))
    assert [item.where for item in bot.messenger.sent[mark:] if "Unacknowledged" in item.text] == ["dm:sam"]
    pressed = await bot.press("sam", "alert.ack:1", chat=bot.direct("sam"))
    assert any(item.where == "dm:coach" and "Sam" in item.text and "is on it" in item.text for item in pressed)


async def test_a_member_cannot_acknowledge_an_alert(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    await bot.dm("alice", "I want to die")
    refused = await bot.press("bob", "alert.ack:1", chat=bot.direct("bob"))
    assert "only this group's facilitators" in refused[0].text
    (row,) = await _alert_rows(bot)
    assert row.acknowledged_at is None


async def test_someone_who_never_joined_still_gets_resources_and_no_alert_is_possible(bot: Harness) -> None:
    sent = await bot.dm("carol", "i want to end my life")
    reply = _crisis_replies(sent, "carol")
    assert len(reply) == 1 and "Nobody from your group can see this chat" in reply[0].text
    assert _alerts(sent) == []
    safety = bot.app.features["safety"]
    assert isinstance(safety, SafetyService) and safety.stats.without_group == 1


async def test_during_staffed_hours_the_reply_says_facilitators_were_told(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", "/staffed mon-fri 09:00-17:00")
    sent = await bot.dm("alice", "I want to die")
    text = _crisis_replies(sent, "alice")[0].text
    assert "I've let your group's facilitators know" in text and "offline" not in text


async def test_outside_staffed_hours_the_reply_says_facilitators_are_offline(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("coach", "/staffed mon-fri 09:00-17:00")
    await bot.advance(timedelta(hours=8))
    sent = await bot.dm("alice", "I want to die")
    text = _crisis_replies(sent, "alice")[0].text
    assert "facilitators are offline right now" in text and "Mon–Fri 09:00–17:00" in text


async def test_a_spanish_crisis_message_gets_the_crisis_reply(bot: Harness) -> None:
    await bot.join("alice")
    sent = await bot.dm("alice", "ya no puedo más, quiero morirme")
    assert len(_crisis_replies(sent, "alice")) == 1 and len(_alerts(sent)) == 1


async def test_zero_width_characters_inside_crisis_words_are_still_detected(bot: Harness) -> None:
    await bot.join("alice")
    sent = await bot.say("alice", "i want to k\u200bi\u200dll my\u200bself")
    assert len(_crisis_replies(sent, "alice")) == 1
    assert not [item for item in sent if item.where == GROUP]


async def test_control_characters_and_a_10000_character_message_do_not_crash(bot: Harness) -> None:
    await bot.join("alice")
    assert await bot.say("alice", "\x00\x07\x1b[31m hello \x08\x7f" + "a" * 10_000) == []
    sent = await bot.say("alice", "I want to die " + "x" * 10_000)
    assert len(_crisis_replies(sent, "alice")) == 1
    alert = _alerts(sent)[0]
    assert len(alert.text) < 2_000


async def test_crisis_text_in_the_group_from_someone_who_has_not_joined_still_alerts_facilitators(bot: Harness) -> None:
    await bot.say("coach", "/staffed")
    sent = await bot.say("dana", "i am going to end it all tonight")
    assert not [item for item in sent if item.where == GROUP]
    assert len(_crisis_replies(sent, "dana")) == 1
    assert len(_alerts(sent)) == 1 and "Dana" in _alerts(sent)[0].text
    (row,) = await _alert_rows(bot)
    assert row.person_id is None and row.subject_key == "dana"


async def test_crisis_reply_that_cannot_reach_the_person_posts_crisis_lines_naming_nobody(bot: Harness) -> None:
    await bot.join("alice")
    bot.messenger.unreachable_dm.add("alice")
    await bot.say("alice", "i want to kill myself tonight")
    group_posts = bot.messenger.to("chat:group-1")
    fallback = [sent for sent in group_posts if "988" in sent.text]
    assert fallback, [sent.text for sent in group_posts]
    assert all("Alice" not in sent.text for sent in fallback)
