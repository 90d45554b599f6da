"""Send support: one press per peer, never on one's own card, live counter, batched notice."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage.models import SupportRow
from tests.fakes.messenger import Sent
from tests.harness import Harness

GROUP = "chat:group-1"


async def _card(bot: Harness, author: str, text: str = "/checkin 3 ok day") -> Sent:
    replies = await bot.say(author, text)
    return next(sent for sent in replies if sent.where == GROUP)


async def _supports(bot: Harness) -> int:
    async with bot.app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(SupportRow)) or 0)


def _notices(bot: Harness, name: str) -> list[Sent]:
    return [sent for sent in bot.messenger.to(f"dm:{name}") if "sent you support" in sent.text]


async def test_support_edits_the_card_counter_in_place(bot: Harness) -> None:
    for name in ("alice", "bob", "carol"):
        await bot.join(name)
    card = await _card(bot, "alice")
    first = await bot.press("bob", card.button("Send support"))
    assert first[0].reply.edit == card.ref and "1 person sent support" in first[0].text
    second = await bot.press("carol", card.button("Send support"))
    assert second[0].reply.edit == card.ref and "2 people sent support" in second[0].text


async def test_pressing_support_twice_counts_once(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    card = await _card(bot, "alice")
    await bot.press("bob", card.button("Send support"))
    again = await bot.press("bob", card.button("Send support"))
    assert "already sent support" in again[0].text and again[0].where == "dm:bob"
    assert await _supports(bot) == 1


async def test_no_support_on_ones_own_card(bot: Harness) -> None:
    await bot.join("alice")
    card = await _card(bot, "alice")
    replies = await bot.press("alice", card.button("Send support"))
    assert "your own check-in" in replies[0].text
    assert await _supports(bot) == 0


async def test_author_hears_one_batched_notice_not_one_per_press(bot: Harness) -> None:
    for name in ("alice", "bob", "carol", "dave"):
        await bot.join(name)
    card = await _card(bot, "alice")
    for name in ("bob", "carol", "dave"):
        await bot.press(name, card.button("Send support"))
        await bot.advance(timedelta(minutes=2))
    assert _notices(bot, "alice") == []
    await bot.advance(timedelta(minutes=20))
    notices = _notices(bot, "alice")
    assert len(notices) == 1 and "3 people sent you support" in notices[0].text


async def test_later_support_starts_a_new_batch(bot: Harness) -> None:
    for name in ("alice", "bob", "carol"):
        await bot.join(name)
    card = await _card(bot, "alice")
    await bot.press("bob", card.button("Send support"))
    await bot.advance(timedelta(minutes=30))
    await bot.press("carol", card.button("Send support"))
    await bot.advance(timedelta(minutes=30))
    assert [sent.text for sent in _notices(bot, "alice")] == [
        "1 person sent you support on your check-in. 💛",
        "1 person sent you support on your check-in. 💛",
    ]


async def test_old_card_button_after_the_author_left_is_answered_and_stores_nothing(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    card = await _card(bot, "alice")
    await bot.say("alice", "/leave")
    replies = await bot.press("bob", card.button("Send support"))
    assert "isn't shared any more" in replies[0].text
    assert await _supports(bot) == 0


async def test_support_on_a_card_that_was_made_private_is_refused(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    replies = await bot.say("alice", "/checkin 3 ok")
    card = next(sent for sent in replies if sent.where == GROUP)
    await bot.press("alice", replies[0].button("Only me"))
    refused = await bot.press("bob", card.button("Send support"))
    assert "isn't shared any more" in refused[0].text
    assert await _supports(bot) == 0


async def test_support_survives_a_same_day_update_of_the_checkin(bot: Harness) -> None:
    for name in ("alice", "bob", "carol"):
        await bot.join(name)
    card = await _card(bot, "alice")
    await bot.press("bob", card.button("Send support"))
    updated = await bot.say("alice", "/checkin 4 better")
    edit = next(sent for sent in updated if sent.where == GROUP)
    assert "1 person sent support" in edit.text
    again = await bot.press("bob", card.button("Send support"))
    assert "already sent support" in again[0].text
    await bot.press("carol", card.button("Send support"))
    assert await _supports(bot) == 2


async def test_forged_support_buttons_are_answered_politely(bot: Harness) -> None:
    await bot.join("bob")
    for action in ["ci.sup:", "ci.sup:abc", "ci.sup:999999", "ci.sup:-1"]:
        replies = await bot.press("bob", action)
        assert replies and "expired" in replies[0].text


async def test_someone_who_has_not_joined_cannot_send_support(bot: Harness) -> None:
    await bot.join("alice")
    card = await _card(bot, "alice")
    replies = await bot.press("mallory", card.button("Send support"))
    assert "/join first" in replies[0].text
    assert await _supports(bot) == 0
