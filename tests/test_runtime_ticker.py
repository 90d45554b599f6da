"""The delivery ticker of ``iop-bot run`` waits until every adapter can send.

A delivery due at start, tried before the Telegram adapter had attached its messenger, found
none, counted a failed attempt and waited out a 30 s backoff (a fan-out on SQLite crawled
at about one message a second). tests/test_shutdown.py checks the whole process; these
check the ticker's start on its own.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any, cast

from adapters.runtime import _Countdown, tick_forever
from bot.core import Core


class RecordingCore:
    """Just what ``tick_forever`` calls, counting the ticks."""

    def __init__(self) -> None:
        self.ticks = 0
        self.ticked = asyncio.Event()

    @property
    def clock(self) -> Any:
        return self

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def tick(self) -> int:
        self.ticks += 1
        self.ticked.set()
        return 0

    async def next_due(self) -> datetime | None:
        return None


async def test_no_tick_before_every_adapter_is_ready_then_ticks_at_once() -> None:
    core, stop, ready = RecordingCore(), asyncio.Event(), _Countdown()
    ready.expect()
    ready.expect()
    ticker = asyncio.create_task(tick_forever(cast(Core, core), stop, after=ready))
    for _ in range(20):
        await asyncio.sleep(0)
    ready.done()  # one of two adapters
    for _ in range(20):
        await asyncio.sleep(0)
    assert core.ticks == 0
    ready.done()
    await asyncio.wait_for(core.ticked.wait(), timeout=5)
    assert core.ticks == 1
    stop.set()
    await asyncio.wait_for(ticker, timeout=5)


async def test_a_stop_before_the_adapters_are_ready_ends_the_ticker_without_a_tick() -> None:
    core, stop, ready = RecordingCore(), asyncio.Event(), _Countdown()
    ready.expect()
    ticker = asyncio.create_task(tick_forever(cast(Core, core), stop, after=ready))
    await asyncio.sleep(0)
    stop.set()
    await asyncio.wait_for(ticker, timeout=5)
    assert core.ticks == 0


async def test_nothing_expected_means_ready_at_once() -> None:
    core, stop = RecordingCore(), asyncio.Event()
    ticker = asyncio.create_task(tick_forever(cast(Core, core), stop, after=_Countdown()))
    await asyncio.wait_for(core.ticked.wait(), timeout=5)
    stop.set()
    await asyncio.wait_for(ticker, timeout=5)
    assert core.ticks == 1
