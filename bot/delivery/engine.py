"""The durable, exactly-once delivery engine shared by scheduled prompts, check-in
reminders, alert escalations and announcements.

How a feature uses it (``engine = app.features["delivery"]``)::

    engine.register("prompt", PromptRenderer(...))      # kind -> Renderer (bot.delivery.ports)
    engine.add_producer(PromptProducer(engine, ...))    # optional: materialises occurrences
    # anywhere with a unit of work, e.g. in the /schedule handler's own transaction:
    await engine.enqueue(ctx.uow, Delivery(key=f"prompt:{sid}:{local_iso}:{gid}", kind="prompt",
                                           due_at=when, payload={"schedule_id": sid}, group_id=gid))
    await engine.cancel(ctx.uow, f"prompt:{sid}:")       # /unschedule: drop what is still pending
    engine.wake()                                        # run producers at the next tick

The engine is a :class:`bot.ports.Job`. Each ``run_due(now)``:

1. recovers rows whose worker died (lease expired): never-started ``claimed`` rows go back to
   ``pending``; ``sending`` rows become ``uncertain`` and are **not** resent (see below);
2. runs the producers that are due;
3. skips (``missed``, logged without text) pending rows due more than ``grace`` ago;
4. claims due rows in small batches (``FOR UPDATE SKIP LOCKED`` on PostgreSQL) and renders
   them in the same transaction, while ``concurrency`` senders send the previous batch
   through the rate limiter (:mod:`bot.delivery.ratelimit`).

Exactly once: a batch's claim (and its rendering) is committed before anything is sent;
each row is marked ``sending`` (committed) before its platform call and ``sent`` after it.
Those marks are group-committed (:mod:`bot.delivery.ledger`). A sender commits its
``sending`` mark *before* it queues at the rate limiter, so that the limiter's grant is the
last thing before the platform call and the platform sees the limiter's spacing however
long a commit takes; :mod:`bot.delivery.window` bounds how many rows are marked while they
still queue (about ``rate x mark_ahead``: two or three at Telegram's 28/s). The only moment
at which a crash leaves an unknown outcome is between the ``sending`` mark and the answer:
neither Telegram nor Discord can be asked afterwards whether a message arrived, so such a
row is marked ``uncertain``, counted and logged, and never resent - a possible miss of the
few messages marked or in flight is preferred to a duplicate prompt or reminder. Everything
claimed but not yet marked is given back and delivered by the next worker. With SQLite (one
process) this recovery happens as soon as the bot restarts; with PostgreSQL once the lease
(default two minutes) has run out, because another live process may still own the row.

Graceful shutdown (``iop-bot run`` on SIGTERM/SIGINT): :meth:`DeliveryEngine.stop` lets the
sends in flight finish and be marked, starts nothing new, and :meth:`release_claims` then
gives back what was claimed but never started, so a restart resends nothing and loses
nothing.

Platform errors: 429 waits ``retry_after`` (the whole platform is held through the gate) and
retries a few times in place, then later; 5xx/timeouts retry later with exponential backoff
until ``max_attempts``; a group chat that removed the bot is marked inactive through the core
and the delivery fails; a person who can't be messaged fails that delivery only. Nothing is
retried past the grace window.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.delivery.ledger import SendLedger
from bot.delivery.ports import ChatPacing, Delivery, DeliveryHost, DeliveryRecord, DeliveryStatus, Producer, Renderer
from bot.delivery.window import MarkWindow
from bot.domain import ChatRef, InChat, MessageRef, Platform, Reply, ToFacilitators, ToPerson
from bot.errors import CannotDirectMessage, ChatUnavailable, RateLimited, TransientDeliveryError
from bot.outbox import SendGate
from bot.ports import Clock, UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """Tuning knobs; the defaults suit one bot process on either database."""

    grace: timedelta = timedelta(hours=2)
    lease: timedelta = timedelta(minutes=2)
    batch_size: int = 20
    #: senders; a row is ``sending`` only inside the mark window or in its platform call,
    #: so more senders don't widen what a crash can leave uncertain
    concurrency: int = 48
    #: rows marked ``sending`` ahead of the rate limiter, in seconds of its measured rate
    #: (bot.delivery.window): what a crash can leave uncertain beyond the sends in flight
    mark_ahead: float = 0.1
    max_per_run: int = 1000
    max_attempts: int = 6
    backoff_base: timedelta = timedelta(seconds=30)
    backoff_max: timedelta = timedelta(minutes=15)
    #: 429s waited out in place per message; longer or more go back to the table
    inline_rate_limit_retries: int = 3
    inline_rate_limit_max_seconds: float = 30.0
    keep_settled: timedelta = timedelta(days=30)
    #: True when no other process can share the database (SQLite): recover at once on start
    exclusive: bool = False


@dataclass
class EngineStats:
    """Counters since start (for logs, metrics and benches)."""

    sent: int = 0
    skipped: int = 0
    missed: int = 0
    failed: int = 0
    retried: int = 0
    rate_limited: int = 0
    uncertain: int = 0
    given_back: int = 0


class _LostClaim(Exception):
    """Another worker took this delivery over (our lease ran out): leave it alone."""


class _Stopped(Exception):
    """The engine stopped while this send waited: nothing of it went out."""

    def __init__(self, *, marked: bool) -> None:
        super().__init__("stopped")
        #: the row was already marked ``sending``: it must be handed back explicitly
        self.marked = marked


@dataclass(slots=True)
class _Work:
    """A claimed delivery on its way to a sender: rendered, or (``None``) to render alone."""

    record: DeliveryRecord
    replies: list[Reply] | None
    #: already settled in the claiming transaction (missed, unknown kind, nothing to send)
    settled: bool = False


def default_worker_id() -> str:
    """host:pid:random, unique per process start."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


class DeliveryEngine:
    """Stores, claims and sends deliveries; one per process, registered with ``core.add_job``."""

    name = "delivery"

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        host: DeliveryHost,
        gate: SendGate,
        clock: Clock,
        settings: EngineSettings | None = None,
        *,
        worker_id: str | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._uow_factory = uow_factory
        self._host = host
        self._gate = gate
        self._clock = clock
        self.settings = settings or EngineSettings()
        self.worker_id = (worker_id or default_worker_id())[:96]
        self._sleep = sleep
        self._renderers: dict[str, Renderer] = {}
        self._producers: list[Producer] = []
        self._producer_due: dict[str, datetime | None] = {}
        self._started = False
        self._last_purge: datetime | None = None
        self._stopping = asyncio.Event()
        self._window = MarkWindow(self.settings.concurrency, self.settings.mark_ahead)
        self.stats = EngineStats()

    # -- what features call ---------------------------------------------------------------

    def register(self, kind: str, renderer: Renderer) -> None:
        """Render deliveries of ``kind`` with ``renderer`` (one renderer per kind)."""
        if kind in self._renderers:
            raise ValueError(f"a renderer for {kind!r} is already registered")
        self._renderers[kind] = renderer

    def add_producer(self, producer: Producer) -> None:
        """Call ``producer`` at the next run and then whenever it asks to be called."""
        self._producers.append(producer)
        self._producer_due[producer.name] = self._clock.now()

    def wake(self, producer_name: str | None = None) -> None:
        """Run one producer (or all) at the next run: its sources changed."""
        now = self._clock.now()
        for producer in self._producers:
            if producer_name is None or producer.name == producer_name:
                self._producer_due[producer.name] = now

    async def enqueue(self, uow: UnitOfWork, delivery: Delivery) -> bool:
        """Store ``delivery`` in ``uow``'s transaction unless its key exists; True if stored.

        Occurrences already past the grace window are not stored (they would only be
        skipped), which also keeps purged old keys from coming back.
        """
        if delivery.due_at < self._clock.now() - self.settings.grace:
            return False
        return await uow.deliveries.add(delivery)

    async def cancel(self, uow: UnitOfWork, key_prefix: str) -> int:
        """Skip every still-pending delivery whose key starts with ``key_prefix``."""
        if not key_prefix:
            raise ValueError("refusing to cancel every delivery: give a key prefix")
        return await uow.deliveries.cancel(key_prefix, self._clock.now())

    async def counts(self) -> dict[DeliveryStatus, int]:
        async with self._uow_factory() as uow:
            return await uow.deliveries.counts()

    async def pending_count(self) -> float:
        """Deliveries waiting to be sent (a metrics gauge)."""
        return float((await self.counts())[DeliveryStatus.PENDING])

    async def late_count(self) -> float:
        """Pending deliveries more than a minute past due (a metrics gauge)."""
        async with self._uow_factory() as uow:
            return float(await uow.deliveries.count_late(self._clock.now() - timedelta(minutes=1)))

    # -- the Job ------------------------------------------------------------------------------

    async def next_due(self) -> datetime | None:
        async with self._uow_factory() as uow:
            stored = await uow.deliveries.next_due()
        moments = [moment for moment in self._producer_due.values() if moment is not None]
        if stored is not None:
            moments.append(stored)
        return min(moments, default=None)

    async def run_due(self, now: datetime) -> int:
        if self._stopping.is_set():
            return 0
        await self._recover(now)
        await self._produce(now)
        await self._housekeeping(now)
        return await self._fan_out()

    def stop(self) -> None:
        """Graceful shutdown, step one: claim nothing more and let the running ``run_due``
        return soon - sends already handed to the platform finish and are marked, sends
        still waiting (for the rate limiter, for a 429 to pass) don't start, and a
        multi-part delivery interrupted between parts goes back to pending after the parts
        that went out. Then call :meth:`release_claims`. Irreversible: the process is ending."""
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def release_claims(self) -> int:
        """Graceful shutdown, step two: give back what this process claimed but never started."""
        async with self._uow_factory() as uow:
            released = await uow.deliveries.release(self.worker_id)
            await uow.commit()
        if released:
            log.info("deliveries handed back", extra={"count": released})
        return released

    # -- steps of a run -----------------------------------------------------------------------

    async def _recover(self, now: datetime) -> None:
        ignore_leases = self.settings.exclusive and not self._started
        self._started = True
        async with self._uow_factory() as uow:
            given_back, uncertain = await uow.deliveries.recover(now, ignore_leases=ignore_leases)
            await uow.commit()
        self.stats.given_back += given_back
        self.stats.uncertain += uncertain
        if given_back:
            log.info("claimed deliveries of a stopped worker given back", extra={"count": given_back})
        if uncertain:
            log.warning(
                "deliveries interrupted during the platform call marked uncertain, not resent",
                extra={"count": uncertain},
            )

    async def _produce(self, now: datetime) -> None:
        for producer in self._producers:
            due = self._producer_due.get(producer.name)
            if due is None or due > now:
                continue
            try:
                async with self._uow_factory() as uow:
                    following = await producer.produce(uow, now)
                    await uow.commit()
            except Exception:
                log.exception("delivery producer failed", extra={"producer": producer.name})
                following = now + self.settings.backoff_base
            self._producer_due[producer.name] = following

    async def _housekeeping(self, now: datetime) -> None:
        async with self._uow_factory() as uow:
            missed = await uow.deliveries.expire(now - self.settings.grace, now)
            purged = 0
            if self._last_purge is None or now - self._last_purge >= timedelta(hours=1):
                purged = await uow.deliveries.purge(now - self.settings.keep_settled)
                self._last_purge = now
            await uow.commit()
        self.stats.missed += missed
        if missed:
            log.warning("deliveries missed while the bot was down skipped", extra={"count": missed})
        if purged:
            log.info("old settled deliveries deleted", extra={"count": purged})

    async def _fan_out(self) -> int:
        """Claim and render batches in one task while ``concurrency`` senders send them.

        The queue is what pipelines the two: the next batch is claimed and rendered while the
        senders work through the previous one, and at most about two batches are claimed
        ahead of the senders (given back at once on a graceful stop, by the lease after a
        crash).
        """
        settings = self.settings
        if self._stopping.is_set():
            return 0
        queue: asyncio.Queue[_Work | None] = asyncio.Queue(maxsize=settings.batch_size)
        ledger = SendLedger(self._uow_factory, self._clock, self.worker_id, settings.lease)
        handled = 0

        async def feed() -> None:
            claimed = 0
            try:
                while claimed < settings.max_per_run and not self._stopping.is_set():
                    batch = await self._claim_and_render(min(settings.batch_size, settings.max_per_run - claimed))
                    if not batch:
                        return
                    claimed += len(batch)
                    for work in batch:
                        await queue.put(work)
            finally:
                for _ in range(settings.concurrency):
                    await queue.put(None)

        async def send() -> None:
            nonlocal handled
            while (work := await queue.get()) is not None:
                if self._stopping.is_set():  # left claimed: handed back by release_claims
                    continue
                if not work.settled:
                    await self._deliver_safely(work, ledger)
                handled += 1
                continue

        try:
            await asyncio.gather(feed(), *(send() for _ in range(settings.concurrency)))
        finally:
            await ledger.drain()
        return handled

    async def _claim_and_render(self, limit: int) -> list[_Work]:
        """Claim up to ``limit`` due rows and render them, all in one transaction.

        Rows that need no send (missed, unknown kind, nothing to say) are settled in the same
        transaction. If any renderer fails, the whole transaction is rolled back and the batch
        is claimed again and rendered one delivery per transaction, so that one broken
        delivery only retries itself.
        """
        now = self._clock.now()
        tally = EngineStats()
        try:
            async with self._uow_factory() as uow:
                batch = await uow.deliveries.claim(now, self.worker_id, now + self.settings.lease, limit)
                work = [await self._prepare(uow, record, now, tally) for record in batch]
                await uow.commit()
        except Exception:
            log.warning("rendering a batch of deliveries failed: rendering them one by one", exc_info=True)
            return [_Work(record, None) for record in await self._claim(limit)]
        self.stats.missed += tally.missed
        self.stats.skipped += tally.skipped
        self.stats.failed += tally.failed
        return work

    async def _prepare(self, uow: UnitOfWork, record: DeliveryRecord, now: datetime, tally: EngineStats) -> _Work:
        """Render ``record`` in the claiming transaction, or settle it there if nothing goes out."""
        status, error = DeliveryStatus.SKIPPED, "missed"
        replies: list[Reply] = []
        renderer = self._renderers.get(record.kind)
        if record.due_at < now - self.settings.grace:
            tally.missed += 1
        elif renderer is None:
            log.error("no renderer for delivery kind", extra={"kind": record.kind, "delivery_id": record.id})
            tally.failed += 1
            status, error = DeliveryStatus.FAILED, "unknown_kind"
        else:
            replies = list(await renderer.render(uow, record) or ())
            if replies:
                return _Work(record, replies)
            tally.skipped += 1
            error = "not_needed"
        await uow.deliveries.settle(record.id, self.worker_id, status, now, error)
        return _Work(record, None, settled=True)

    async def _claim(self, limit: int) -> Sequence[DeliveryRecord]:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            batch = await uow.deliveries.claim(now, self.worker_id, now + self.settings.lease, limit)
            await uow.commit()
        return batch

    # -- one delivery -------------------------------------------------------------------------

    async def _deliver_safely(self, work: _Work, ledger: SendLedger) -> None:
        record = work.record
        try:
            await self._deliver(work, ledger)
        except _LostClaim:
            log.info("delivery taken over by another worker", extra={"delivery_id": record.id})
        except Exception:
            log.exception("delivery failed unexpectedly", extra={"delivery_id": record.id, "kind": record.kind})
            try:
                await self._retry(record, "internal", rate_limited_for=None)
            except Exception:  # the database itself is failing: the lease will hand it back
                log.exception("could not reschedule a delivery", extra={"delivery_id": record.id})

    async def _render_alone(self, record: DeliveryRecord) -> list[Reply] | None:
        """The slow path (a renderer failed in the batch): one transaction for this delivery."""
        now = self._clock.now()
        if record.due_at < now - self.settings.grace:
            self.stats.missed += 1
            await self._settle(record, DeliveryStatus.SKIPPED, "missed")
            return None
        renderer = self._renderers.get(record.kind)
        if renderer is None:
            log.error("no renderer for delivery kind", extra={"kind": record.kind, "delivery_id": record.id})
            self.stats.failed += 1
            await self._settle(record, DeliveryStatus.FAILED, "unknown_kind")
            return None
        try:
            async with self._uow_factory() as uow:
                replies = list(await renderer.render(uow, record) or ())
                await uow.commit()
        except Exception:
            log.exception("delivery renderer failed", extra={"kind": record.kind, "delivery_id": record.id})
            await self._retry(record, "render_error", rate_limited_for=None)
            return None
        if not replies:
            self.stats.skipped += 1
            await self._settle(record, DeliveryStatus.SKIPPED, "not_needed")
            return None
        return replies

    async def _deliver(self, work: _Work, ledger: SendLedger) -> None:
        record = work.record
        replies = work.replies if work.replies is not None else await self._render_alone(record)
        if replies is None:
            return
        parts = await self._resolve(replies)
        if parts is None:
            log.error("delivery reply has no scheduled destination", extra={"kind": record.kind})
            await self._settle(record, DeliveryStatus.FAILED, "bad_destination")
            return
        sent_callbacks: list[tuple[Reply, Sequence[MessageRef]]] = []
        marked = False
        for index, reply in enumerate(parts):
            if index < record.parts_sent:
                continue
            try:
                refs = await self._send(record, reply, ledger, marked=marked)
            except _Stopped as stopped:
                if marked or stopped.marked:  # hand it back (resumed after the parts that went out)
                    await self._retry(record, "stopped", rate_limited_for=0.0)
                return
            except RateLimited as limited:
                await self._retry(record, "rate_limited", rate_limited_for=limited.retry_after)
                return
            except TransientDeliveryError:
                await self._retry(record, "transient", rate_limited_for=None)
                return
            except ChatUnavailable:
                await self._chat_unavailable(record, reply)
                return
            except CannotDirectMessage:
                self.stats.failed += 1
                await self._settle(record, DeliveryStatus.FAILED, "cannot_dm")
                return
            marked = True
            if index + 1 < len(parts):
                await self._record_progress(record, index + 1)
            if reply.on_sent is not None and refs:
                sent_callbacks.append((reply, refs))
        self.stats.sent += 1
        ledger.sent_later(record.id)
        for reply, refs in sent_callbacks:
            assert reply.on_sent is not None
            try:
                await reply.on_sent(refs)
            except Exception:
                log.exception("on_sent callback failed", extra={"kind": record.kind})

    async def _resolve(self, replies: Sequence[Reply]) -> list[Reply] | None:
        parts: list[Reply] = []
        for reply in replies:
            if isinstance(reply.to, ToFacilitators):
                people = await self._host.facilitators_of(reply.to.group_id)
                parts.extend(replace(reply, to=ToPerson(person)) for person in people)
            elif isinstance(reply.to, InChat | ToPerson):
                parts.append(reply)
            else:
                return None
        return parts

    async def _send(
        self, record: DeliveryRecord, reply: Reply, ledger: SendLedger, *, marked: bool
    ) -> Sequence[MessageRef]:
        """Mark ``sending`` (committed) unless done already, wait for the gate, call the
        platform; 429s are waited out in place.

        Raises :class:`_Stopped` when the engine stops while this send waits (for the chat,
        the mark window, the gate or a 429): nothing of this part went out.
        """
        platform, chat_key = _address(reply)
        messenger = self._host.messenger(platform)
        if messenger is None:
            raise TransientDeliveryError(f"no messenger for {platform}")
        settings = self.settings
        for attempt in range(settings.inline_rate_limit_retries + 1):
            if marked:
                if not await self._unless_stopped(self._gate.wait(platform, chat_key, urgent=reply.urgent)):
                    raise _Stopped(marked=True)
            else:
                await self._mark_then_wait(record, reply, ledger, platform, chat_key)
                marked = True
            try:
                return await messenger.send(self._host.prepare(reply), None)
            except RateLimited as limited:
                self.stats.rate_limited += 1
                self._gate.penalize(platform, limited.retry_after)
                if (
                    attempt == settings.inline_rate_limit_retries
                    or limited.retry_after > settings.inline_rate_limit_max_seconds
                    or not await self._unless_stopped(self._sleep(limited.retry_after))
                ):
                    raise
        raise AssertionError("unreachable")

    async def _mark_then_wait(
        self, record: DeliveryRecord, reply: Reply, ledger: SendLedger, platform: Platform, chat_key: str
    ) -> None:
        """Wait until the chat may receive, enter the mark window, commit the ``sending``
        mark, then queue at the gate: its grant is the last thing before the platform call
        (see :mod:`bot.delivery.window`). Returns with the row marked, or raises
        :class:`_Stopped` (saying whether it got marked) or :class:`_LostClaim`."""
        gate = self._gate
        if isinstance(gate, ChatPacing):
            while (delay := gate.chat_ready_in(platform, chat_key)) > 0:
                if not await self._unless_stopped(asyncio.sleep(delay)):
                    raise _Stopped(marked=False)
        if self._stopping.is_set() or not (
            self._window.try_enter() or await self._unless_stopped(self._window.enter())
        ):
            raise _Stopped(marked=False)
        granted = False
        try:
            if not await ledger.begin(record.id):
                raise _LostClaim()
            if not await self._unless_stopped(gate.wait(platform, chat_key, urgent=reply.urgent)):
                raise _Stopped(marked=True)
            granted = True
        finally:
            self._window.leave(granted)

    async def _unless_stopped(self, waiting: Awaitable[None]) -> bool:
        """Await ``waiting`` unless :meth:`stop` comes first (then cancel it and return False)."""
        if self._stopping.is_set():
            if asyncio.iscoroutine(waiting):
                waiting.close()
            return False
        task = asyncio.ensure_future(waiting)
        stopped = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if task.done():
            task.result()
            return True
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return False

    async def _chat_unavailable(self, record: DeliveryRecord, reply: Reply) -> None:
        self.stats.failed += 1
        await self._settle(record, DeliveryStatus.FAILED, "chat_unavailable")
        if isinstance(reply.to, InChat) and reply.to.chat.is_group:
            await self._host.chat_removed(reply.to.chat)

    async def _retry(self, record: DeliveryRecord, error: str, *, rate_limited_for: float | None) -> None:
        """Back to pending for a later attempt, or failed once attempts run out."""
        now = self._clock.now()
        if rate_limited_for is not None:  # the platform refused, nothing went out: not our fault
            attempts = record.attempts
            at = now + timedelta(seconds=rate_limited_for)
        else:
            attempts = record.attempts + 1
            if attempts >= self.settings.max_attempts:
                self.stats.failed += 1
                log.warning("delivery given up after retries", extra={"delivery_id": record.id, "error": error})
                await self._settle(record, DeliveryStatus.FAILED, error)
                return
            at = now + min(self.settings.backoff_base * 2 ** (attempts - 1), self.settings.backoff_max)
        self.stats.retried += 1
        await self._write(lambda uow: uow.deliveries.retry_later(record.id, self.worker_id, at, attempts, error))

    async def _record_progress(self, record: DeliveryRecord, parts_sent: int) -> None:
        if not await self._write(lambda uow: uow.deliveries.record_progress(record.id, self.worker_id, parts_sent)):
            raise _LostClaim()

    async def _settle(self, record: DeliveryRecord, status: DeliveryStatus, error: str | None) -> None:
        now = self._clock.now()
        if not await self._write(lambda uow: uow.deliveries.settle(record.id, self.worker_id, status, now, error)):
            log.warning("delivery settled by someone else meanwhile", extra={"delivery_id": record.id})

    async def _write(self, change: Callable[[UnitOfWork], Awaitable[bool]]) -> bool:
        async with self._uow_factory() as uow:
            done = await change(uow)
            await uow.commit()
        return done


def _address(reply: Reply) -> tuple[Platform, str]:
    """The platform and the gate's chat key (the same keys the outbox uses)."""
    destination = reply.to
    if isinstance(destination, InChat):
        chat: ChatRef = destination.chat
        return chat.platform, chat.chat_id
    if isinstance(destination, ToPerson):
        return destination.person.platform, f"user:{destination.person.user_id}"
    raise ValueError("scheduled replies go InChat or ToPerson")


__all__ = ["DeliveryEngine", "EngineSettings", "EngineStats", "default_worker_id"]
