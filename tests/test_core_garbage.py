"""Handling an event leaves no reference cycles of the core's making.

An event's Context, unit of work and session must be freed by reference counting when the
event ends, not wait for the cycle collector (whose full collections stop the event loop
for every member at once). The check is structural, not timed: with the collector off, handle
some events, then collect with ``DEBUG_SAVEALL`` and look at what was found unreachable.
Only the project's own objects (and the session the unit of work opened) are asserted on, so a
cycle inside a library (an exception traceback, a driver) can't make this flaky.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from tests.harness import Harness

_OURS = ("bot.", "storage.", "adapters.")


@contextmanager
def _collector_off() -> Iterator[list[object]]:
    """Collector off inside; afterwards, the list holds what a collection found unreachable."""
    found: list[object] = []
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield found
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found.extend(gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    finally:
        if was_enabled:
            gc.enable()


def _ours(garbage: list[object]) -> list[str]:
    names = []
    for thing in garbage:
        kind = type(thing)
        if kind.__module__.startswith(_OURS) or isinstance(thing, AsyncSession | Session):
            names.append(f"{kind.__module__}.{kind.__qualname__}")
    return sorted(set(names))


async def _cyclic_garbage_of(step: Callable[[], Awaitable[object]]) -> list[str]:
    await step()  # warm up: caches, lazy imports, compiled statements
    with _collector_off() as garbage:
        for _ in range(3):
            await step()
    return _ours(garbage)


async def test_help_leaves_no_cyclic_garbage(bot: Harness) -> None:
    assert await _cyclic_garbage_of(lambda: bot.say("alice", "/help")) == []


async def test_a_member_event_leaves_no_cyclic_garbage(bot: Harness) -> None:
    await bot.join("alice")
    assert await _cyclic_garbage_of(lambda: bot.say("alice", "/checkin 4 good day")) == []


async def test_a_facilitator_check_leaves_no_cyclic_garbage(bot: Harness) -> None:
    """The facilitator check is the closure that used to tie the Context to itself."""
    await bot.join("coach")

    async def checkins() -> object:
        replies = await bot.say("coach", "/checkins")
        assert replies  # allowed: the check ran and said yes
        return replies

    assert await _cyclic_garbage_of(checkins) == []


async def test_the_facilitator_check_still_decides(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("coach")
    refused = await bot.say("alice", "/checkins")
    allowed = await bot.say("coach", "/checkins")
    assert refused and allowed
    assert refused[0].text != allowed[0].text
