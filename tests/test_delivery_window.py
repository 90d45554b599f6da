"""The mark window: how many deliveries may be marked ``sending`` ahead of the rate limiter,
and the engine's order of things (chat ready, marked, then the limiter's grant, then the send)."""

from __future__ import annotations

import asyncio

from bot.delivery.engine import DeliveryEngine, EngineSettings
from bot.delivery.ports import Delivery, DeliveryStatus
from bot.delivery.window import MarkWindow
from bot.domain import Platform
from tests.harness import Harness
from tests.test_delivery_engine import EchoRenderer


class Ticks:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def grant_at(window: MarkWindow, ticks: Ticks, moments: list[float]) -> None:
    for moment in moments:
        ticks.now = moment
        assert window.try_enter()
        window.leave(granted=True)


def test_the_window_starts_at_one_and_sizes_itself_from_the_measured_grant_rate() -> None:
    ticks = Ticks()
    window = MarkWindow(most=48, lookahead=0.1, now=ticks)
    assert window.size == 1
    grant_at(window, ticks, [n / 28 for n in range(20)])  # Telegram's pace
    assert window.size == 3
    grant_at(window, ticks, [1 + n / 300 for n in range(200)])  # a bench-sized pace
    assert window.size == 30


def test_the_window_never_exceeds_the_senders_and_forgets_old_grants() -> None:
    ticks = Ticks()
    window = MarkWindow(most=8, lookahead=0.1, now=ticks)
    grant_at(window, ticks, [n / 1000 for n in range(100)])
    assert window.size == 8
    grant_at(window, ticks, [10.0, 10.5])  # a quiet spell: the earlier burst no longer counts
    assert window.size == 1


def test_leaving_without_a_grant_does_not_count_as_one() -> None:
    ticks = Ticks()
    window = MarkWindow(most=48, lookahead=0.1, now=ticks)
    for n in range(50):
        ticks.now = n / 1000
        assert window.try_enter()
        window.leave(granted=False)
    assert window.size == 1


async def test_a_full_window_admits_waiters_first_come_first_served() -> None:
    window = MarkWindow(most=4, lookahead=0.1)
    assert window.try_enter()
    order: list[int] = []

    async def wait(n: int) -> None:
        await window.enter()
        order.append(n)

    waiters = [asyncio.create_task(wait(n)) for n in range(3)]
    await asyncio.sleep(0)
    assert order == [] and not window.try_enter()  # nobody jumps the queue
    window.leave(granted=False)
    await asyncio.sleep(0)
    assert order == [0]
    waiters[1].cancel()  # a stopped sender gives up its place
    window.leave(granted=False)
    await asyncio.gather(*waiters, return_exceptions=True)
    assert order == [0, 2] and window.inside == 1


class InspectingGate:
    """Records each delivery's status at the moment the engine asks the limiter, and can
    keep every send waiting (a limiter that never grants)."""

    def __init__(self, bot: Harness, *, block: bool = False) -> None:
        self._bot = bot
        self._block = block
        self.statuses: list[DeliveryStatus] = []
        self.entered = asyncio.Event()
        self.asked_chat: list[str] = []

    def chat_ready_in(self, platform: Platform, chat_key: str) -> float:
        self.asked_chat.append(chat_key)
        return 0.0

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool, interaction: bool = False) -> None:
        async with self._bot.app.uow_factory() as uow:
            counts = await uow.deliveries.counts()
        self.statuses.extend(
            status
            for status, count in counts.items()
            for _ in range(count)
            if status in {DeliveryStatus.CLAIMED, DeliveryStatus.SENDING}
        )
        self.entered.set()
        if self._block:
            await asyncio.Event().wait()

    def penalize(self, platform: Platform, seconds: float) -> None:
        return None


def engine_with(bot: Harness, gate: InspectingGate) -> DeliveryEngine:
    engine = DeliveryEngine(bot.app.uow_factory, bot.core, gate, bot.clock, EngineSettings(), worker_id="win")
    engine.register("echo", EchoRenderer())
    return engine


async def enqueue(bot: Harness, engine: DeliveryEngine, key: str) -> None:
    async with bot.app.uow_factory() as uow:
        await engine.enqueue(uow, Delivery(key, "echo", bot.clock.now(), {"chat": "group-1", "text": "hello"}))
        await uow.commit()


async def test_a_delivery_is_marked_sending_before_the_limiter_grants_it(bot: Harness) -> None:
    gate = InspectingGate(bot)
    engine = engine_with(bot, gate)
    await enqueue(bot, engine, "w:1")
    assert await engine.run_due(bot.clock.now()) == 1
    assert gate.asked_chat == ["group-1"]  # the chat's own budget was checked before marking
    assert gate.statuses == [DeliveryStatus.SENDING]  # committed before the grant, not after
    assert [sent.text for sent in bot.messenger.sent] == ["hello"]
    assert (await engine.counts())[DeliveryStatus.SENT] == 1


async def test_a_stop_while_a_marked_delivery_waits_for_the_limiter_hands_it_back(bot: Harness) -> None:
    gate = InspectingGate(bot, block=True)
    engine = engine_with(bot, gate)
    await enqueue(bot, engine, "w:1")
    run = asyncio.create_task(engine.run_due(bot.clock.now()))
    await asyncio.wait_for(gate.entered.wait(), timeout=10)
    engine.stop()
    await asyncio.wait_for(run, timeout=10)
    await engine.release_claims()
    counts = await engine.counts()
    assert counts[DeliveryStatus.PENDING] == 1  # nothing went out: delivered by the next run
    assert counts[DeliveryStatus.SENDING] == counts[DeliveryStatus.UNCERTAIN] == 0
    assert bot.messenger.sent == []
    async with bot.app.uow_factory() as uow:
        record = await uow.deliveries.get("w:1")
    assert record is not None and record.attempts == 0


def test_a_burst_of_grants_does_not_look_like_an_endless_rate() -> None:
    ticks = Ticks()
    window = MarkWindow(most=48, lookahead=0.1, now=ticks)
    grant_at(window, ticks, [0.0, 0.0001, 0.0002, 0.0003, 0.0004])  # a limiter's burst of five
    assert window.size == 4
