"""The delivery engine's vocabulary: what producers enqueue, what renderers receive, and the
repository ``storage`` implements.

A :class:`Delivery` is one message (or a few) owed to one recipient for one occurrence of
something: a scheduled prompt to a group, a check-in reminder to a person, an alert
escalation, an announcement. Its ``key`` names the occurrence and is unique in the table,
so enqueueing the same occurrence twice (two processes, a restart, a producer that runs
every tick) stores it once. Keys are built by the feature, for example
``prompt:<schedule id>:<local iso time>:<group id>`` or
``reminder:<group id>:<local date>:<person id>``.

Life of a stored delivery (:class:`DeliveryStatus`)::

    pending --claim--> claimed --begin_send--> sending --> sent
       ^                  |                       |  \\--> failed (chat gone, can't DM, gave up)
       |                  | (lease expired:       |   \\-> pending again (429 / 5xx: retry later)
       +------------------+  never tried, safe)   +-- lease expired --> uncertain (never resent)
    pending --(due before now - grace)--> skipped ("missed")
    claimed --(renderer says nothing to send)--> skipped ("not_needed")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from bot.domain import ChatRef, PersonRef, Platform, Reply

if TYPE_CHECKING:
    from bot.ports import Messenger, UnitOfWork


class DeliveryStatus(StrEnum):
    """Where a delivery is in its life (see the module docstring for the transitions)."""

    PENDING = "pending"
    #: taken by a worker, not yet handed to the platform; safe to give back
    CLAIMED = "claimed"
    #: a platform call is (or was) in flight; if the worker dies now we can't know the outcome
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"
    #: the worker died during the platform call; never resent, counted and logged
    UNCERTAIN = "uncertain"


#: Statuses that never change again.
SETTLED = frozenset({DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.FAILED, DeliveryStatus.UNCERTAIN})


@dataclass(frozen=True, slots=True)
class Delivery:
    """What a producer enqueues: one occurrence for one recipient.

    ``payload`` is JSON-serialisable data for the renderer; it is stored encrypted, so it may
    hold free text (an announcement). ``group_id``/``person_id`` tie the row to a group or a
    person so that deleting either (``/forget``) deletes the row too.
    """

    key: str
    kind: str
    due_at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)
    group_id: int | None = None
    person_id: int | None = None

    def __post_init__(self) -> None:
        if self.due_at.tzinfo is None:
            raise ValueError("a delivery's due_at must be timezone-aware")
        if not self.key or len(self.key) > 200:
            raise ValueError("a delivery key must be 1-200 characters")
        if not self.kind or len(self.kind) > 32:
            raise ValueError("a delivery kind must be 1-32 characters")


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """A stored delivery as the engine and renderers see it."""

    id: int
    key: str
    kind: str
    due_at: datetime
    payload: Mapping[str, Any]
    group_id: int | None
    person_id: int | None
    status: DeliveryStatus
    attempts: int
    parts_sent: int
    next_attempt_at: datetime
    claimed_by: str | None
    lease_until: datetime | None
    sent_at: datetime | None
    error: str | None


class DeliveryRepository(Protocol):
    """The durable table of deliveries. Every state change is conditional on the row still
    being in the expected state *and* claimed by the calling worker, so a worker whose lease
    ran out can never overwrite what another worker did (the methods return False then)."""

    async def add(self, delivery: Delivery) -> bool:
        """Insert unless the key exists (INSERT ... ON CONFLICT DO NOTHING); True if inserted."""
        ...

    async def get(self, key: str) -> DeliveryRecord | None: ...

    async def claim(self, now: datetime, worker: str, lease_until: datetime, limit: int) -> Sequence[DeliveryRecord]:
        """Take up to ``limit`` due pending rows (oldest first) for ``worker``; skips rows
        another transaction has locked (``FOR UPDATE SKIP LOCKED`` on PostgreSQL)."""
        ...

    async def begin_send(self, delivery_id: int, worker: str, lease_until: datetime) -> bool:
        """claimed (or own sending, for the next part) -> sending, with a fresh lease."""
        ...

    async def mark_sends(
        self, starting: Sequence[int], sent: Sequence[int], worker: str, lease_until: datetime, now: datetime
    ) -> tuple[set[int], set[int]]:
        """Many senders' marks in one transaction: own ``starting`` rows -> sending (fresh lease,
        as :meth:`begin_send`), own ``sent`` rows -> sent (as :meth:`settle`). Returns the ids
        of each that changed. Commits need not wait for the disk when nothing starts."""
        ...

    async def record_progress(self, delivery_id: int, worker: str, parts_sent: int) -> bool:
        """Remember how many replies of a multi-part delivery went out already."""
        ...

    async def settle(
        self, delivery_id: int, worker: str, status: DeliveryStatus, now: datetime, error: str | None = None
    ) -> bool:
        """Own claimed/sending/uncertain row -> a settled status (sent, skipped, failed)."""
        ...

    async def retry_later(self, delivery_id: int, worker: str, at: datetime, attempts: int, error: str | None) -> bool:
        """Own claimed/sending row -> pending again, due for another attempt at ``at``."""
        ...

    async def release(self, worker: str) -> int:
        """Give back every row ``worker`` claimed but never started (graceful shutdown)."""
        ...

    async def recover(self, now: datetime, *, ignore_leases: bool = False) -> tuple[int, int]:
        """Rows whose lease ran out: claimed -> pending (never tried), sending -> uncertain.
        ``ignore_leases`` treats every lease as expired (one-process SQLite at start-up).
        Returns (given back, marked uncertain)."""
        ...

    async def expire(self, due_before: datetime, now: datetime) -> int:
        """pending rows due before ``due_before`` -> skipped ("missed")."""
        ...

    async def cancel(self, key_prefix: str, now: datetime) -> int:
        """pending rows whose key starts with ``key_prefix`` -> skipped ("cancelled")."""
        ...

    async def next_due(self) -> datetime | None:
        """The earliest pending attempt time or claim lease end (None: nothing to do)."""
        ...

    async def counts(self) -> dict[DeliveryStatus, int]:
        """Rows per status (metrics, tests, benches)."""
        ...

    async def count_late(self, due_before: datetime) -> int:
        """Pending deliveries that were due before ``due_before``."""
        ...

    async def purge(self, settled_before: datetime) -> int:
        """Delete rows settled before ``settled_before``; returns how many."""
        ...


class Renderer(Protocol):
    """Turns a claimed delivery of one kind into the replies to send, at send time.

    Return None (or no replies) when there is nothing to send any more: the person already
    checked in, left or paused; the group went inactive. The delivery is then marked skipped.
    Replies must be addressed with ``InChat``, ``ToPerson`` or ``ToFacilitators`` (there is no
    event to answer ``Here``). ``render`` can run more than once for one delivery (after a
    5xx, say), so it should be deterministic or idempotent when that matters; the unit of
    work it gets is committed after it returns, before anything is sent.
    """

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None: ...


@runtime_checkable
class ChatPacing(Protocol):
    """A send gate that can tell, without taking a slot, when a chat's own budget frees up
    (:class:`bot.delivery.ratelimit.RateLimiter`); the engine then marks a row ``sending``
    only once its chat may receive it."""

    def chat_ready_in(self, platform: Platform, chat_key: str) -> float: ...


class Producer(Protocol):
    """Materialises upcoming occurrences into deliveries, each time the engine runs.

    ``produce`` enqueues (``engine.enqueue(uow, ...)``, idempotent on the key) whatever
    should exist by ``now`` - at least the next occurrence of every source, however far
    ahead, so the engine's ``next_due`` (and ``/clock +1d`` in the console) sees it - and
    returns when it next needs to run (None: only after :meth:`DeliveryEngine.wake`). The
    engine commits the unit of work after it returns.
    """

    name: str

    async def produce(self, uow: UnitOfWork, now: datetime) -> datetime | None: ...


class DeliveryHost(Protocol):
    """What the engine needs from the core (``bot.core.Core`` provides it)."""

    def messenger(self, platform: Platform) -> Messenger | None: ...

    async def chat_removed(self, chat: ChatRef) -> None: ...

    async def facilitators_of(self, group_id: int) -> list[PersonRef]: ...

    def prepare(self, reply: Reply) -> Reply:
        """The reply as it must go out (button actions signed)."""
        ...


__all__ = [
    "SETTLED",
    "ChatPacing",
    "Delivery",
    "DeliveryHost",
    "DeliveryRecord",
    "DeliveryRepository",
    "DeliveryStatus",
    "Producer",
    "Renderer",
]
