"""Several processes on one PostgreSQL database: ``iop-bot run --role updates`` once and
``--role delivery`` twice, all real subprocesses against the fake Telegram Bot API.

Proves: every scheduled announcement arrives exactly once although two delivery processes
claim from the same table; both delivery processes took part; with
``IOPBOT_DELIVERY_PROCESSES=2`` their combined pace stays within Telegram's limit (the fake
answers 429 above 30 messages in any second, and none is answered); only the updates
process takes updates (one /start, one answer).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.delivery.ports import DeliveryStatus
from bot.delivery.ratelimit import TELEGRAM_LIMITS
from storage.models import DeliveryRow
from tests.fakes.telegram_api import FakeTelegramApi
from tests.test_shutdown import (
    TELEGRAM_PER_SECOND,
    delivered,
    delivery_counts,
    environment,
    rejected,
    schedule_announcements,
    start_bot,
    terminate,
    until,
    uow_factory_for,
)

ALICE = 4242


def busiest_second(moments: list[float]) -> int:
    return max((sum(1 for other in moments if start <= other < start + 1) for start in moments), default=0)


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_two_delivery_processes_and_one_updates_process_share_one_database_and_one_budget(
    database_url: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    texts = await schedule_announcements(database_url, data_dir, 120)
    async with FakeTelegramApi() as fake:
        fake.enforce_rate(TELEGRAM_PER_SECOND)
        env = environment(fake, database_url, data_dir, IOPBOT_DELIVERY_PROCESSES="2")
        bots = [await start_bot(env, tmp_path / "updates.log", "--role", "updates")]
        await until(lambda: fake.polls_started > 0, *bots, what="polling by the updates process")
        for name in ("one", "two"):
            bots.append(await start_bot(env, tmp_path / f"delivery-{name}.log", "--role", "delivery"))
        fake.push_message(ALICE, "/start", user_id=ALICE)
        await until(lambda: len(delivered(fake, texts)) == len(texts), *bots, what="every announcement")
        await until(lambda: bool(fake.sent_messages(ALICE)), *bots, what="an answer to /start")
        for bot in bots:
            assert await terminate(bot) == 0, bot.tail()

        arrived = delivered(fake, texts)
        assert sorted(arrived) == sorted(texts)
        assert set(arrived.values()) == {1}, "an announcement arrived twice"
        assert rejected(fake) == 0, "the processes together went over the platform's limit"
        assert len(fake.sent_messages(ALICE)) == 1, "more than one process took the /start update"
        moments = [call.at for call in fake.calls_to("sendMessage") if call.ok and call.params.get("chat_id") != ALICE]
        elapsed = max(moments) - min(moments)
        assert TELEGRAM_LIMITS.overall is not None
        configured = TELEGRAM_LIMITS.overall.per_second
        assert (len(moments) - 1) / elapsed <= configured * 1.05
        assert busiest_second(moments) <= TELEGRAM_PER_SECOND

    uow_factory, engine = uow_factory_for(database_url, data_dir)
    try:
        async with uow_factory() as uow:
            workers = await uow.session.scalars(
                select(DeliveryRow.claimed_by).where(DeliveryRow.status == str(DeliveryStatus.SENT))
            )
            pids = {worker.split(":")[1] for worker in workers if worker}
    finally:
        await engine.dispose()  # type: ignore[attr-defined]
    assert len(pids) == 2, "both delivery processes should have sent part of the fan-out"
    final = await delivery_counts(database_url, data_dir)
    assert final[DeliveryStatus.SENT] == len(texts) and final[DeliveryStatus.UNCERTAIN] == 0
    print(
        f"2 delivery processes: {len(moments)} announcements in {elapsed:.2f} s "
        f"({(len(moments) - 1) / elapsed:.1f}/s, configured {configured:.0f}/s, busiest second "
        f"{busiest_second(moments)}, limit {TELEGRAM_PER_SECOND}); 429s: {rejected(fake)}"
    )
