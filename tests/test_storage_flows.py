"""Pending flows written several at once (a check-in step sets its draft and its note marker)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from bot.ports import PendingFlow
from tests.harness import Harness


async def joined_person_id(bot: Harness, name: str) -> int:
    """``name`` joins the group; their person id (the flows below belong to them)."""
    await bot.join(name)
    async with bot.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(bot.messenger.platform, name)
    assert person is not None
    return person.id


async def test_put_many_inserts_and_replaces_each_flow_encrypted(bot: Harness) -> None:
    person_id = await joined_person_id(bot, "alice")
    later = bot.clock.now() + timedelta(hours=1)
    async with bot.app.uow_factory() as uow:
        await uow.flows.put(PendingFlow(person_id, "draft", "old", {"note": "old secret"}, later))
        await uow.flows.put_many(
            [
                PendingFlow(person_id, "draft", "checkin.draft", {"note": "new secret"}, later),
                PendingFlow(person_id, "chat", "checkin.note", {}, later),
            ]
        )
        await uow.flows.put_many([])
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        draft = await uow.flows.get(person_id, "draft")
        marker = await uow.flows.get(person_id, "chat")
        stored = (await uow.session.execute(text("SELECT data_sealed FROM pending_flows"))).scalars().all()
    assert draft is not None and draft.flow == "checkin.draft" and draft.data == {"note": "new secret"}
    assert marker is not None and marker.flow == "checkin.note" and marker.data == {}
    assert len(stored) == 2 and not any("secret" in sealed for sealed in stored)


async def test_take_removes_the_flow_and_returns_it_decrypted(bot: Harness) -> None:
    """One DELETE ... RETURNING (both databases): the flow comes back as ``get`` gives it, then it is gone."""
    person_id = await joined_person_id(bot, "alice")
    later = bot.clock.now() + timedelta(hours=1)
    async with bot.app.uow_factory() as uow:
        await uow.flows.put(PendingFlow(person_id, "draft", "checkin.draft", {"note": "secret"}, later))
        await uow.flows.put(PendingFlow(person_id, "other", "faq.add", {}, later))
        expected = await uow.flows.get(person_id, "draft")
        taken = await uow.flows.take(person_id, "draft")
        assert taken == expected and taken is not None and taken.data == {"note": "secret"}
        assert await uow.flows.get(person_id, "draft") is None
        assert await uow.flows.take(person_id, "draft") is None
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        assert await uow.flows.get(person_id, "draft") is None
        assert await uow.flows.get(person_id, "other") is not None  # only the taken flow went


async def test_a_taken_flow_is_back_when_the_transaction_rolls_back(bot: Harness) -> None:
    """A refused last check-in step takes the draft, then rolls back: the draft must still be there."""
    person_id = await joined_person_id(bot, "alice")
    later = bot.clock.now() + timedelta(hours=1)
    async with bot.app.uow_factory() as uow:
        await uow.flows.put(PendingFlow(person_id, "draft", "checkin.draft", {"mood": 4}, later))
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        assert await uow.flows.take(person_id, "draft") is not None
        await uow.rollback()
    async with bot.app.uow_factory() as uow:
        kept = await uow.flows.get(person_id, "draft")
    assert kept is not None and kept.data == {"mood": 4}
