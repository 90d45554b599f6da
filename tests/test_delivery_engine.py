"""The delivery engine on real SQLite and PostgreSQL: storing, claiming, sending, errors."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, select

from bot.delivery.engine import DeliveryEngine, EngineSettings
from bot.delivery.ports import Delivery, DeliveryRecord, DeliveryStatus
from bot.domain import ChatKind, ChatRef, InChat, PersonRef, Platform, Reply, ToPerson
from bot.errors import ChatUnavailable, RateLimited, TransientDeliveryError
from bot.ports import UnitOfWork
from bot.rich import Rich
from storage.models import DeliveryRow, PersonRow
from tests.harness import Harness


class EchoRenderer:
    """Sends ``payload["text"]`` to ``payload["chat"]`` (or a DM to ``payload["dm"]``)."""

    def __init__(self) -> None:
        self.rendered: list[str] = []

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        self.rendered.append(delivery.key)
        payload = delivery.payload
        if payload.get("nothing"):
            return None
        replies = []
        for part in payload.get("parts", [payload.get("text", "")]):
            if "dm" in payload:
                to: InChat | ToPerson = ToPerson(PersonRef(Platform.CONSOLE, payload["dm"], payload["dm"]))
            else:
                to = InChat(ChatRef(Platform.CONSOLE, payload["chat"], ChatKind.GROUP, "Group"))
            replies.append(Reply(Rich.of(part), to=to))
        return replies


class SpyGate:
    def __init__(self) -> None:
        self.waits: list[tuple[Platform, str, bool]] = []
        self.penalties: list[tuple[Platform, float]] = []

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool) -> None:
        self.waits.append((platform, chat_key, urgent))

    def penalize(self, platform: Platform, seconds: float) -> None:
        self.penalties.append((platform, seconds))


class Rig:
    """An engine of its own over the harness's app, with a spy gate and a sleep that only records."""

    def __init__(self, bot: Harness, **settings: Any) -> None:
        self.bot = bot
        self.gate = SpyGate()
        self.sleeps: list[float] = []
        self.renderer = EchoRenderer()
        self.engine = DeliveryEngine(
            bot.app.uow_factory,
            bot.core,
            self.gate,
            bot.clock,
            EngineSettings(**settings),
            worker_id="rig",
            sleep=self._sleep,
        )
        self.engine.register("echo", self.renderer)

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def group_id(self, chat_id: str = "group-1") -> int:
        chat = ChatRef(Platform.CONSOLE, chat_id, ChatKind.GROUP, "Group")
        await self.bot.core.chat_added(chat)
        async with self.bot.app.uow_factory() as uow:
            group = await uow.groups.by_chat(Platform.CONSOLE, chat_id)
        assert group is not None
        return group.id

    async def enqueue(self, key: str, due_at: datetime | None = None, **payload: Any) -> bool:
        payload.setdefault("chat", "group-1")
        payload.setdefault("text", f"text of {key}")
        delivery = Delivery(
            key, "echo", due_at or self.bot.clock.now(), payload, group_id=payload.pop("group_id", None)
        )
        async with self.bot.app.uow_factory() as uow:
            stored = await self.engine.enqueue(uow, delivery)
            await uow.commit()
        return stored

    async def run(self) -> int:
        return await self.engine.run_due(self.bot.clock.now())

    async def record(self, key: str) -> DeliveryRecord:
        async with self.bot.app.uow_factory() as uow:
            found = await uow.deliveries.get(key)
        assert found is not None
        return found

    def texts(self) -> list[str]:
        return [sent.text for sent in self.bot.messenger.sent]


async def test_enqueueing_the_same_key_twice_stores_it_once(bot: Harness) -> None:
    rig = Rig(bot)
    assert await rig.enqueue("k:1") is True
    assert await rig.enqueue("k:1", text="other") is False
    counts = await rig.engine.counts()
    assert counts[DeliveryStatus.PENDING] == 1
    assert (await rig.record("k:1")).payload["text"] == "text of k:1"


async def test_payload_is_stored_encrypted(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:secret", text="Group moves to 5pm")
    async with bot.app.uow_factory() as uow:
        sealed = await uow.session.scalar(select(DeliveryRow.payload_sealed))
    assert sealed is not None and "5pm" not in sealed


async def test_a_due_delivery_is_sent_once_and_marked_sent(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1")
    assert await rig.run() == 1
    assert await rig.run() == 0
    assert rig.texts() == ["text of k:1"]
    record = await rig.record("k:1")
    assert record.status is DeliveryStatus.SENT and record.sent_at == bot.clock.now()


async def test_a_future_delivery_waits_and_next_due_points_at_it(bot: Harness) -> None:
    rig = Rig(bot)
    due = bot.clock.now() + timedelta(hours=3)
    await rig.enqueue("k:later", due)
    assert await rig.run() == 0
    assert await rig.engine.next_due() == due
    bot.clock.set(due)
    assert await rig.run() == 1
    assert rig.texts() == ["text of k:later"]


async def test_the_apps_engine_steps_through_deliveries_as_the_clock_moves(bot: Harness) -> None:
    engine = bot.app.features["delivery"]
    assert isinstance(engine, DeliveryEngine)
    renderer = EchoRenderer()
    engine.register("echo", renderer)
    start = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        for hours in (5, 29):
            due = start + timedelta(hours=hours)
            await engine.enqueue(uow, Delivery(f"k:{hours}", "echo", due, {"chat": "group-1", "text": f"at {hours}h"}))
        await uow.commit()
    await bot.advance(timedelta(days=1))
    assert [sent.text for sent in bot.messenger.sent] == ["at 5h"]
    await bot.advance(timedelta(days=1))
    assert [sent.text for sent in bot.messenger.sent] == ["at 5h", "at 29h"]


async def test_claimed_rows_are_not_claimed_again_by_another_worker(bot: Harness) -> None:
    rig = Rig(bot)
    for index in range(5):
        await rig.enqueue(f"k:{index}")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        first = await uow.deliveries.claim(now, "a", now + timedelta(minutes=2), 3)
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        second = await uow.deliveries.claim(now, "b", now + timedelta(minutes=2), 10)
        await uow.commit()
    assert [record.key for record in first] == ["k:0", "k:1", "k:2"]
    assert [record.key for record in second] == ["k:3", "k:4"]
    assert all(record.status is DeliveryStatus.CLAIMED for record in first + list(second))


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_postgres_claims_skip_rows_locked_by_an_open_transaction(bot: Harness) -> None:
    rig = Rig(bot)
    for index in range(4):
        await rig.enqueue(f"k:{index}")
    now = bot.clock.now()
    lease = now + timedelta(minutes=2)
    async with bot.app.uow_factory() as holder:
        held = await holder.deliveries.claim(now, "a", lease, 2)  # not committed: rows stay locked
        async with bot.app.uow_factory() as other:
            taken = await asyncio.wait_for(other.deliveries.claim(now, "b", lease, 10), timeout=10)
            await other.commit()
        await holder.commit()
    assert {record.key for record in held} == {"k:0", "k:1"}
    assert {record.key for record in taken} == {"k:2", "k:3"}


async def test_a_claim_whose_lease_ran_out_is_given_back_and_delivered(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        await uow.deliveries.claim(now, "dead-worker", now + timedelta(minutes=2), 10)
        await uow.commit()
    assert await rig.run() == 0  # the lease still holds
    bot.clock.advance(timedelta(minutes=3))
    assert await rig.run() == 1
    assert rig.texts() == ["text of k:1"]
    assert rig.engine.stats.given_back == 1


async def test_a_send_interrupted_by_a_crash_becomes_uncertain_and_is_never_resent(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        [record] = await uow.deliveries.claim(now, "dead-worker", now + timedelta(minutes=2), 10)
        assert await uow.deliveries.begin_send(record.id, "dead-worker", now + timedelta(minutes=2))
        await uow.commit()
    bot.clock.advance(timedelta(minutes=3))
    assert await rig.run() == 0
    assert rig.texts() == []
    assert (await rig.record("k:1")).status is DeliveryStatus.UNCERTAIN
    assert rig.engine.stats.uncertain == 1


async def test_a_worker_that_lost_its_claim_cannot_settle_the_row(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        [record] = await uow.deliveries.claim(now, "slow", now + timedelta(minutes=2), 10)
        await uow.commit()
    bot.clock.advance(timedelta(minutes=3))
    await rig.run()  # gives it back and delivers it as "rig"
    async with bot.app.uow_factory() as uow:
        assert not await uow.deliveries.begin_send(record.id, "slow", bot.clock.now())
        assert not await uow.deliveries.settle(record.id, "slow", DeliveryStatus.FAILED, bot.clock.now(), "x")
        await uow.commit()
    assert (await rig.record("k:1")).status is DeliveryStatus.SENT


async def test_exclusive_engine_recovers_a_crashed_run_at_once_on_start(bot: Harness) -> None:
    await Rig(bot).enqueue("k:claimed")
    await Rig(bot).enqueue("k:sending")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        records = await uow.deliveries.claim(now, "before-restart", now + timedelta(minutes=2), 10)
        sending = next(record for record in records if record.key == "k:sending")
        await uow.deliveries.begin_send(sending.id, "before-restart", now + timedelta(minutes=2))
        await uow.commit()
    rig = Rig(bot, exclusive=True)
    assert await rig.run() == 1
    assert rig.texts() == ["text of k:claimed"]
    assert (await rig.record("k:sending")).status is DeliveryStatus.UNCERTAIN


async def test_missed_beyond_the_grace_window_is_skipped_and_within_it_sent_late(bot: Harness) -> None:
    rig = Rig(bot, grace=timedelta(hours=2))
    start = bot.clock.now()
    await rig.enqueue("k:early", start + timedelta(minutes=10))
    await rig.enqueue("k:late", start + timedelta(hours=2))
    bot.clock.set(start + timedelta(hours=3, minutes=30))  # the bot was down
    assert await rig.run() == 1
    assert rig.texts() == ["text of k:late"]
    early = await rig.record("k:early")
    assert early.status is DeliveryStatus.SKIPPED and early.error == "missed"
    assert rig.engine.stats.missed == 1


async def test_enqueue_refuses_an_occurrence_already_past_the_grace_window(bot: Harness) -> None:
    rig = Rig(bot, grace=timedelta(hours=2))
    assert await rig.enqueue("k:old", bot.clock.now() - timedelta(hours=3)) is False
    assert await rig.enqueue("k:recent", bot.clock.now() - timedelta(hours=1)) is True


async def test_rate_limited_send_waits_retry_after_then_goes_out_once(bot: Harness) -> None:
    rig = Rig(bot)
    bot.messenger.fail_next = [RateLimited(7.5)]
    await rig.enqueue("k:1")
    assert await rig.run() == 1
    assert rig.gate.penalties == [(Platform.CONSOLE, 7.5)]
    assert rig.sleeps == [7.5]
    assert len(rig.gate.waits) == 2  # the retry went through the gate again
    assert rig.texts() == ["text of k:1"]
    assert (await rig.record("k:1")).status is DeliveryStatus.SENT


async def test_a_long_retry_after_goes_back_to_the_table_without_using_an_attempt(bot: Harness) -> None:
    rig = Rig(bot)
    bot.messenger.fail_next = [RateLimited(120)]
    await rig.enqueue("k:1")
    await rig.run()
    record = await rig.record("k:1")
    assert record.status is DeliveryStatus.PENDING and record.attempts == 0
    assert record.next_attempt_at == bot.clock.now() + timedelta(seconds=120)
    assert rig.sleeps == [] and rig.texts() == []
    bot.clock.advance(timedelta(seconds=120))
    assert await rig.run() == 1
    assert rig.texts() == ["text of k:1"]


async def test_server_errors_retry_with_growing_backoff_then_deliver(bot: Harness) -> None:
    rig = Rig(bot, backoff_base=timedelta(seconds=30))
    bot.messenger.fail_next = [TransientDeliveryError("502"), TransientDeliveryError("timeout")]
    await rig.enqueue("k:1")
    start = bot.clock.now()
    await rig.run()
    first = await rig.record("k:1")
    assert (first.status, first.attempts, first.error) == (DeliveryStatus.PENDING, 1, "transient")
    assert first.next_attempt_at == start + timedelta(seconds=30)
    bot.clock.set(first.next_attempt_at)
    await rig.run()
    second = await rig.record("k:1")
    assert second.attempts == 2 and second.next_attempt_at == first.next_attempt_at + timedelta(seconds=60)
    bot.clock.set(second.next_attempt_at)
    await rig.run()
    assert rig.texts() == ["text of k:1"]
    assert (await rig.record("k:1")).status is DeliveryStatus.SENT


async def test_server_errors_give_up_after_max_attempts(bot: Harness) -> None:
    rig = Rig(bot, max_attempts=3)
    bot.messenger.fail_next = [TransientDeliveryError("500") for _ in range(5)]
    await rig.enqueue("k:1")
    for _ in range(3):
        await rig.run()
        due = await rig.engine.next_due()
        if due is not None:
            bot.clock.set(due)
    record = await rig.record("k:1")
    assert (record.status, record.attempts, record.error) == (DeliveryStatus.FAILED, 2, "transient")
    assert rig.texts() == []


async def test_a_group_that_removed_the_bot_is_marked_inactive_and_not_retried(bot: Harness) -> None:
    rig = Rig(bot)
    group_id = await rig.group_id()
    bot.messenger.fail_next = [ChatUnavailable("kicked")]
    await rig.enqueue("k:1", group_id=group_id)
    await rig.run()
    record = await rig.record("k:1")
    assert (record.status, record.error) == (DeliveryStatus.FAILED, "chat_unavailable")
    async with bot.app.uow_factory() as uow:
        group = await uow.groups.get(group_id)
    assert group is not None and group.active is False
    assert await rig.engine.next_due() is None


async def test_a_person_who_cannot_be_messaged_fails_only_their_delivery(bot: Harness) -> None:
    rig = Rig(bot)
    bot.messenger.unreachable_dm = {"bob"}
    await rig.enqueue("reminder:bob", dm="bob", text="time to check in")
    await rig.enqueue("reminder:alice", dm="alice", text="time to check in")
    await rig.run()
    assert (await rig.record("reminder:bob")).status is DeliveryStatus.FAILED
    assert (await rig.record("reminder:bob")).error == "cannot_dm"
    assert (await rig.record("reminder:alice")).status is DeliveryStatus.SENT
    assert [sent.where for sent in bot.messenger.sent] == ["dm:alice"]


async def test_a_renderer_with_nothing_to_send_skips_the_delivery(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1", nothing=True)
    await rig.run()
    record = await rig.record("k:1")
    assert (record.status, record.error) == (DeliveryStatus.SKIPPED, "not_needed")
    assert rig.texts() == []


async def test_an_unknown_kind_fails_instead_of_looping(bot: Harness) -> None:
    rig = Rig(bot)
    async with bot.app.uow_factory() as uow:
        await rig.engine.enqueue(uow, Delivery("k:x", "nobody-renders-this", bot.clock.now()))
        await uow.commit()
    await rig.run()
    assert (await rig.record("k:x")).status is DeliveryStatus.FAILED
    assert await rig.engine.next_due() is None


async def test_a_multi_part_delivery_resumes_after_the_part_that_went_out(bot: Harness) -> None:
    rig = Rig(bot)
    await rig.enqueue("k:1", parts=["one", "two", "three"])
    original = bot.messenger.send
    calls = 0

    async def second_fails(reply: Reply, origin: object) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise TransientDeliveryError("504")
        return await original(reply, None)

    bot.messenger.send = second_fails  # type: ignore[method-assign]
    await rig.run()
    assert (await rig.record("k:1")).parts_sent == 1
    bot.clock.advance(timedelta(minutes=1))
    await rig.run()
    assert rig.texts() == ["one", "two", "three"]


async def test_cancel_skips_pending_rows_by_key_prefix_literally(bot: Harness) -> None:
    rig = Rig(bot)
    later = bot.clock.now() + timedelta(hours=1)
    await rig.enqueue("prompt:1:a", later)
    await rig.enqueue("prompt:1:b", later)
    await rig.enqueue("prompt:11:a", later)
    await rig.enqueue("prompt_1:a", later)
    async with bot.app.uow_factory() as uow:
        assert await rig.engine.cancel(uow, "prompt:1:") == 2
        await uow.commit()
    assert (await rig.record("prompt:11:a")).status is DeliveryStatus.PENDING
    assert (await rig.record("prompt_1:a")).status is DeliveryStatus.PENDING


async def test_forgetting_a_person_deletes_their_deliveries(bot: Harness) -> None:
    await bot.join("alice")
    async with bot.app.uow_factory() as uow:
        person = await uow.people.by_platform_id(Platform.CONSOLE, "alice")
        assert person is not None
        delivery = Delivery("reminder:x", "echo", bot.clock.now() + timedelta(hours=1), person_id=person.id)
        await uow.deliveries.add(delivery)
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        await uow.session.execute(delete(PersonRow).where(PersonRow.id == person.id))
        await uow.commit()
        assert await uow.deliveries.get("reminder:x") is None


class EveryHourProducer:
    name = "hourly"

    def __init__(self, engine: DeliveryEngine) -> None:
        self.engine = engine
        self.calls = 0

    async def produce(self, uow: UnitOfWork, now: datetime) -> datetime | None:
        self.calls += 1
        top = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        await self.engine.enqueue(
            uow, Delivery(f"hourly:{top.isoformat()}", "echo", top, {"chat": "group-1", "text": "tick"})
        )
        return top


async def test_producers_run_when_due_and_their_occurrences_are_delivered_once(bot: Harness) -> None:
    rig = Rig(bot)
    producer = EveryHourProducer(rig.engine)
    rig.engine.add_producer(producer)
    for _ in range(7):  # 10:00 to 13:00 every half hour; producing runs only on the hour
        await rig.run()
        bot.clock.advance(timedelta(minutes=30))
    assert rig.texts() == ["tick"] * 3
    assert producer.calls == 4
