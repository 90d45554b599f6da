"""Pending flows written several at once (a check-in step sets its draft and its note marker)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from bot.ports import PendingFlow
from tests.harness import Harness


async def test_put_many_inserts_and_replaces_each_flow_encrypted(bot: Harness) -> None:
    await bot.join("alice")
    later = bot.clock.now() + timedelta(hours=1)
    async with bot.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(bot.messenger.platform, "alice")
        assert person is not None
        await uow.flows.put(PendingFlow(person.id, "draft", "old", {"note": "old secret"}, later))
        await uow.flows.put_many(
            [
                PendingFlow(person.id, "draft", "checkin.draft", {"note": "new secret"}, later),
                PendingFlow(person.id, "chat", "checkin.note", {}, later),
            ]
        )
        await uow.flows.put_many([])
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        draft = await uow.flows.get(person.id, "draft")
        marker = await uow.flows.get(person.id, "chat")
        stored = (await uow.session.execute(text("SELECT data_sealed FROM pending_flows"))).scalars().all()
    assert draft is not None and draft.flow == "checkin.draft" and draft.data == {"note": "new secret"}
    assert marker is not None and marker.flow == "checkin.note" and marker.data == {}
    assert len(stored) == 2 and not any("secret" in sealed for sealed in stored)
