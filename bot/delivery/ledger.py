"""Group commit of the delivery engine's per-send marks.

Every platform call must be preceded by a committed ``sending`` mark and followed by a
``sent`` mark (see :mod:`bot.delivery.engine`). Written one transaction each, those marks
cost more than the sends themselves during a fan-out. The :class:`SendLedger` lets the
engine's concurrent senders share transactions instead: a flush writes every mark that
arrived while the previous flush was running, in one transaction. Under load a flush
carries many marks (flushes start at most every :data:`FLUSH_SPACING` seconds); when only
one sender is busy it costs what the single writes did.

A sender waits for its ``sending`` mark (nothing may go out unmarked) but not for its
``sent`` mark: :meth:`SendLedger.sent_later` queues it and the sender moves on, and the
engine drains the ledger before a run returns. A process killed before that mark is written
leaves the row ``sending``, which recovery turns into ``uncertain``: never resent, the same
outcome as a crash during the platform call, and the message did arrive.

Senders commit their ``sending`` mark *before* they queue at the rate limiter
(:mod:`bot.delivery.window` explains why and how few rows that leaves marked ahead).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.ports import Clock, UnitOfWorkFactory

log = logging.getLogger(__name__)

#: the least time between the starts of two flushes (seconds). Each flush is a transaction
#: (several round trips, and a WAL flush when it holds a ``sending`` mark); spacing them lets
#: one carry the marks of several senders during a fan-out. The wait it adds to a mark is
#: covered by the mark window (bot.delivery.window), and a lone mark isn't delayed at all.
FLUSH_SPACING = 0.01


class SendLedger:
    """Batches ``sending`` and ``sent`` marks of one worker into shared transactions."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        worker: str,
        lease: timedelta,
        *,
        on_flush: Callable[[int], None] | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._worker = worker
        self._lease = lease
        self._on_flush = on_flush
        self._starting: list[tuple[int, asyncio.Future[bool]]] = []
        self._sent: list[tuple[int, asyncio.Future[bool]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def begin(self, delivery_id: int) -> bool:
        """Mark the row ``sending`` (fresh lease), durably; False if it is no longer ours."""
        return await self._queue(self._starting, delivery_id)

    async def sent(self, delivery_id: int) -> bool:
        """Mark the row ``sent``; False if it is no longer ours."""
        return await self._queue(self._sent, delivery_id)

    def sent_later(self, delivery_id: int) -> None:
        """Queue the ``sent`` mark without waiting for it (see the module docstring)."""
        future = self._enqueue(self._sent, delivery_id)
        future.add_done_callback(lambda done: _report_sent(delivery_id, done))

    async def drain(self) -> None:
        """Return once every queued mark is written (or has failed)."""
        while self._flusher is not None and not self._flusher.done():
            await asyncio.shield(self._flusher)

    async def _queue(self, queue: list[tuple[int, asyncio.Future[bool]]], delivery_id: int) -> bool:
        return await self._enqueue(queue, delivery_id)

    def _enqueue(self, queue: list[tuple[int, asyncio.Future[bool]]], delivery_id: int) -> asyncio.Future[bool]:
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        queue.append((delivery_id, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_all(), name="delivery-ledger")
        return future

    async def _flush_all(self) -> None:
        loop = asyncio.get_running_loop()
        started_at = -FLUSH_SPACING
        while self._starting or self._sent:
            if (rest := started_at + FLUSH_SPACING - loop.time()) > 0:
                await asyncio.sleep(rest)  # gather more marks into this transaction
            started_at = loop.time()
            starting, self._starting = self._starting, []
            sent, self._sent = self._sent, []
            try:
                started, settled = await self._write([i for i, _ in starting], [i for i, _ in sent])
            except Exception as error:
                # the database is failing: senders see the error; rows the lease hands back
                log.exception("delivery marks not written", extra={"count": len(starting) + len(sent)})
                for _, future in starting + sent:
                    if not future.done():
                        future.set_exception(error)
                continue
            if self._on_flush is not None:
                self._on_flush(len(starting) + len(sent))
            for ids, done in ((starting, started), (sent, settled)):
                for delivery_id, future in ids:
                    if not future.done():
                        future.set_result(delivery_id in done)

    async def _write(self, starting: list[int], sent: list[int]) -> tuple[set[int], set[int]]:
        now: datetime = self._clock.now()
        async with self._uow_factory() as uow:
            result = await uow.deliveries.mark_sends(starting, sent, self._worker, now + self._lease, now)
            await uow.commit()
        return result


def _report_sent(delivery_id: int, done: asyncio.Future[bool]) -> None:
    """A ``sent`` mark nobody waits for: a failed write is logged by the flush already."""
    if done.cancelled() or done.exception() is not None:
        return
    if not done.result():
        log.warning("delivery settled by someone else meanwhile", extra={"delivery_id": delivery_id})


__all__ = ["SendLedger"]
