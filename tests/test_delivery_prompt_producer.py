"""The prompt producer on the delivery engine: one occurrence handed over per schedule in
normal running, and the catch-up after a downtime (the producer computes the long
catch-up list only then)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.delivery.ports import DeliveryStatus
from storage.models import DeliveryRow
from tests.harness import Harness


async def prompt_rows(bot: Harness) -> list[tuple[datetime, str, str | None]]:
    """(due, status, error) of every prompt delivery, in due order, as aware UTC."""
    async with bot.app.uow_factory() as uow:
        rows = (
            await uow.session.execute(
                select(DeliveryRow.due_at, DeliveryRow.status, DeliveryRow.error)
                .where(DeliveryRow.kind == "prompt")
                .order_by(DeliveryRow.due_at)
            )
        ).all()
    return [(due.replace(tzinfo=UTC) if due.tzinfo is None else due, status, error) for due, status, error in rows]


async def test_in_normal_running_only_the_next_occurrence_is_ever_queued(bot: Harness) -> None:
    await bot.say("coach", "/schedule daily 09:00")
    await bot.advance(timedelta(days=3))
    rows = await prompt_rows(bot)
    assert [status for _, status, _ in rows] == ["sent", "sent", "sent", "pending"]
    assert [due for due, _, _ in rows] == [datetime(2026, 11, 24 + n, 9, 0, tzinfo=UTC) for n in range(4)]


async def test_after_a_downtime_missed_days_are_skipped_the_recent_one_sent_late_and_the_next_queued(
    bot: Harness,
) -> None:
    await bot.say("coach", "/schedule daily 09:00")  # first: Tue 24 Nov 09:00 UTC
    bot.clock.set(datetime(2026, 11, 28, 10, 0, tzinfo=UTC))  # down from Monday to Saturday 10:00
    await bot.app.core.tick()
    await bot.app.core.tick()
    rows = await prompt_rows(bot)
    assert [(due.day, status, error) for due, status, error in rows] == [
        (24, "skipped", "missed"),  # queued before the downtime, found too old
        # 25th-27th: past the grace window when handed over, so never stored
        (28, "sent", None),  # an hour late, inside the two-hour grace window
        (29, "pending", None),
    ]
    counts = await bot.app.features["delivery"].counts()
    assert counts[DeliveryStatus.SENT] == 1
