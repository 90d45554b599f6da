"""How many deliveries may be marked ``sending`` while they still queue at the rate limiter.

Why mark before the limiter: the platform must see the limiter's spacing, so nothing slow
may sit between a send's grant and its platform call. The commit of the ``sending`` mark is
slow now and then (a WAL flush, a GC pause, a busy CPU); placed after the grant it released
senders granted at different moments together, and the old remedy (every send waits the
longest commit seen so far after its grant) made one slow commit cost every later send of
the fan-out that much sender time. So a sender commits its mark first and queues at the
limiter afterwards, and the grant is the last thing before the platform call.

The price: a crash turns rows that are marked but not yet granted into ``uncertain`` (never
resent, see :mod:`bot.delivery.engine`). This window keeps them few: it admits about as
many marked senders as the limiter grants in ``lookahead`` seconds, measured from the
grants of the last :data:`RATE_HORIZON` seconds. At Telegram's 28/s and the default 0.1 s
that is three rows; commits slower than ``lookahead`` can leave the limiter idle for the
difference. Measuring the rate instead of reacting to each wait matters: a window resized
on every grant reacts to waits that began a window's worth of sends ago, and swings from
too few (the limiter starves) to too many.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable

#: grants older than this (seconds) don't count towards the measured rate
RATE_HORIZON = 0.5


class MarkWindow:
    """A counting semaphore for senders between their mark and their grant, sized from the
    rate at which the limiter grants them."""

    def __init__(self, most: int, lookahead: float, *, now: Callable[[], float] = time.monotonic) -> None:
        self._most = max(1, most)
        self._lookahead = lookahead
        self._now = now
        self._size = 1
        self._inside = 0
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._grants: deque[float] = deque()

    @property
    def size(self) -> int:
        """How many senders may be inside now."""
        return self._size

    @property
    def inside(self) -> int:
        return self._inside

    def try_enter(self) -> bool:
        """Enter at once if there is room and nobody queues before us."""
        if self._inside < self._size and not self._waiting:
            self._inside += 1
            return True
        return False

    async def enter(self) -> None:
        """Wait for room; first come, first served."""
        if self.try_enter():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(future)
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():  # admitted just as we were cancelled
                self._inside -= 1
                self._admit()
            else:
                self._waiting.remove(future)
            raise

    def leave(self, granted: bool) -> None:
        """Leave after the limiter's grant (``granted``) or without one (stopped, lost)."""
        self._inside -= 1
        if granted:
            self._resize(self._now())
        self._admit()

    def _resize(self, now: float) -> None:
        grants = self._grants
        grants.append(now)
        while grants[0] < now - RATE_HORIZON:
            grants.popleft()
        # a span shorter than the lookahead (a burst, the first grants) counts as the
        # lookahead: a burst of n grants asks for n, not for "n per millisecond"
        rate = (len(grants) - 1) / max(now - grants[0], self._lookahead)
        self._size = min(self._most, max(1, math.ceil(rate * self._lookahead)))

    def _admit(self) -> None:
        while self._waiting and self._inside < self._size:
            future = self._waiting.popleft()
            if future.done():
                continue
            self._inside += 1
            future.set_result(None)


__all__ = ["RATE_HORIZON", "MarkWindow"]
