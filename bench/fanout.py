"""Fan-out of one prompt to 2,000 groups, and the delivery engine's idle overhead.

Run from the repository root: ``.venv/bin/python bench/fanout.py [--groups N] [--limit R]``

1. Fan-out: 2,000 deliveries (one per group) through the real engine, the real database
   (a SQLite file, and the local PostgreSQL server when it answers) and the real rate
   limiter, into a fake platform that enforces ``--limit`` messages/s (a token bucket with a
   burst of 10, answering 429 with retry_after when exceeded) with a simulated round trip of
   ``--rtt`` ms. Prints elapsed time against the floor (groups / limit), the ratio (goal
   <= 1.05) and the number of 429s (goal 0). The limiter is configured at 98% of the limit
   with a burst of 5, the way a self-hoster would leave headroom under a published limit.
2. Idle overhead of the engine alone: 10,000 future deliveries pending, the engine ticked
   the way ``adapters.runtime.tick_forever`` does when nothing is due (a ``run_due`` plus a
   ``next_due`` every 30 s). Prints CPU seconds of this process per tick and per minute of
   idle time.
3. Scheduler overhead with 10,000 schedules (``--schedules``): the whole bot (real
   bootstrap, so the real prompt producer, delivery engine and every other job) on a
   virtual clock, with 10,000 schedules created through the prompts storage across
   ``--schedule-groups`` groups in two time zones and every recurrence kind (daily,
   weekdays, days of the week, cron, once), all at local times between 07:00 and 20:59.
   After the producer has materialised them, the clock steps the way ``tick_forever`` does
   (to the next due moment, at most 30 s) through 21:30-05:30 UTC, when nothing is due:
   prints CPU seconds of this process per minute of that idle time, against the same loop
   with the same groups and no schedules. The PostgreSQL server's own CPU is not counted.

Only the fan-out has a goal; the other numbers are printed for comparison.

Like ``iop-bot run``, each fan-out freezes the heap built before it (``gc.freeze()`` after
building the engine, before queueing), so full collections during the fan-out walk only what
was made since; ``--no-gc-freeze`` runs without it, for comparison: one full collection over
the whole heap pauses this process for 50-120 ms on the development machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from adapters.bootstrap import build_app  # noqa: E402
from bot.clock import ManualClock, SystemClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.delivery.engine import DeliveryEngine, EngineSettings  # noqa: E402
from bot.delivery.ports import Delivery, DeliveryRecord, DeliveryStatus  # noqa: E402
from bot.delivery.ratelimit import TELEGRAM_LIMITS, Pace, PlatformLimits, RateLimiter  # noqa: E402
from bot.domain import ChatKind, ChatRef, Event, InChat, MessageRef, PersonRef, Platform, Reply  # noqa: E402
from bot.errors import RateLimited  # noqa: E402
from bot.ports import Messenger, UnitOfWork  # noqa: E402
from bot.prompts.recurrence import parse_schedule  # noqa: E402
from bot.rich import Rich  # noqa: E402
from storage.crypto import TextCipher, load_or_create_key  # noqa: E402
from storage.engine import is_sqlite, make_engine, make_sessionmaker  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.uow import SqlUnitOfWorkFactory  # noqa: E402

PG_ADMIN = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
BASELINE_RATIO = 1.05
IDLE_TICK_SECONDS = 30.0


class LimitedPlatform:
    """A Telegram-like fake: a token bucket of ``limit``/s with a burst of ``burst``."""

    platform = Platform.TELEGRAM

    def __init__(self, limit: float, burst: float, rtt: float) -> None:
        self._rate = limit
        self._burst = burst
        self._rtt = rtt
        self._tokens = burst
        self._stamp = time.monotonic()
        self.accepted = 0
        self.refused = 0
        self.first: float | None = None
        self.last = 0.0
        #: the longest stretch without an accepted message, and stretches over 50 ms
        self.longest_gap = 0.0
        self.gaps = 0

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        await asyncio.sleep(self._rtt / 2)  # the request travels
        now = time.monotonic()
        self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now
        if self._tokens < 1:
            self.refused += 1
            retry_after = (1 - self._tokens) / self._rate
            await asyncio.sleep(self._rtt / 2)
            raise RateLimited(retry_after)
        self._tokens -= 1
        self.accepted += 1
        if self.first is not None:
            self.longest_gap = max(self.longest_gap, now - self.last)
            self.gaps += now - self.last > 0.05
        self.first = self.first or now
        self.last = now
        await asyncio.sleep(self._rtt / 2)  # the answer travels back
        assert isinstance(reply.to, InChat)
        return [MessageRef(self.platform, reply.to.chat.chat_id, str(self.accepted))]

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return False

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return []


class Host:
    def __init__(self, messenger: LimitedPlatform) -> None:
        self._messenger = messenger

    def messenger(self, platform: Platform) -> Messenger | None:
        return self._messenger

    async def chat_removed(self, chat: ChatRef) -> None:
        return None

    async def facilitators_of(self, group_id: int) -> list[PersonRef]:
        return []

    def prepare(self, reply: Reply) -> Reply:
        return reply


class PromptRenderer:
    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply]:
        chat = ChatRef(Platform.TELEGRAM, str(delivery.payload["chat"]), ChatKind.GROUP)
        return [Reply(Rich.of("Today's skill: box breathing. In for 4, hold 4, out 4, hold 4."), to=InChat(chat))]


async def fresh_database(kind: str, folder: Path) -> tuple[str, str | None]:
    """A migrated empty database URL, and the PostgreSQL database name to drop afterwards."""
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{folder / 'bench.sqlite3'}"
        name = None
    else:
        name = f"iopbot_bench_{os.getpid()}"
        admin = create_async_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        try:
            async with admin.connect() as connection:
                await connection.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            await admin.dispose()
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    engine = make_engine(url)
    await upgrade(engine)
    await engine.dispose()
    return url, name


async def drop_database(name: str) -> None:
    admin = create_async_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


async def postgres_available() -> bool:
    admin = create_async_engine(PG_ADMIN)
    try:
        async with admin.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        await admin.dispose()


def build(url: str, folder: Path, platform: LimitedPlatform, limiter: RateLimiter, tuning: EngineSettings):  # type: ignore[no-untyped-def]
    key, _ = load_or_create_key(None, folder)
    clock = SystemClock()
    database = make_engine(url)
    uow_factory = SqlUnitOfWorkFactory(make_sessionmaker(database), TextCipher(key), clock)
    settings = replace(tuning, exclusive=is_sqlite(url), max_per_run=100_000)
    engine = DeliveryEngine(uow_factory, Host(platform), limiter, clock, settings)
    engine.register("prompt", PromptRenderer())
    return database, uow_factory, engine, clock


async def enqueue(uow_factory: SqlUnitOfWorkFactory, engine: DeliveryEngine, count: int, due_in: timedelta) -> None:
    due = SystemClock().now() + due_in
    async with uow_factory() as uow:
        for n in range(count):
            payload = {"chat": f"-100{n:07d}", "schedule_id": 1}
            await engine.enqueue(uow, Delivery(f"prompt:1:2026-12-01T09:00:{n}", "prompt", due, payload))
        await uow.commit()


async def fanout(kind: str, groups: int, limit: float, rtt: float, tuning: EngineSettings, freeze: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="iopbot-fanout-"))
    url, name = await fresh_database(kind, folder)
    platform = LimitedPlatform(limit, burst=10, rtt=rtt)
    scaled = PlatformLimits(overall=Pace(limit * 0.98, 5), group_chat=TELEGRAM_LIMITS.group_chat, direct_chat=None)
    limiter = RateLimiter({Platform.TELEGRAM: scaled})
    database, uow_factory, engine, clock = build(url, folder, platform, limiter, tuning)
    if freeze:  # what adapters.runtime does once start-up is done
        gc.collect()
        gc.freeze()
    try:
        await enqueue(uow_factory, engine, groups, timedelta(0))
        collections = sum(stat["collections"] for stat in gc.get_stats()[2:])
        cpu = time.process_time()
        started = time.monotonic()
        while (await engine.counts())[DeliveryStatus.PENDING]:
            await engine.run_due(clock.now())
        elapsed = time.monotonic() - started
        cpu = time.process_time() - cpu
        collections = sum(stat["collections"] for stat in gc.get_stats()[2:]) - collections
        counts = await engine.counts()
    finally:
        if freeze:
            gc.unfreeze()
        await database.dispose()
        if name:
            await drop_database(name)
        shutil.rmtree(folder, ignore_errors=True)
    floor = groups / limit
    ratio = elapsed / floor
    verdict = "ok" if ratio <= BASELINE_RATIO and platform.refused == 0 else "MISSED GOAL"
    print(
        f"fan-out [{kind:8}] {groups} groups at {limit:.0f}/s, rtt {rtt * 1000:.0f} ms, {tuning.concurrency} senders, "
        f"mark-ahead {tuning.mark_ahead:.2f} s: "
        f"elapsed {elapsed:.2f} s vs floor {floor:.2f} s -> ratio {ratio:.3f} (goal <= {BASELINE_RATIO}); "
        f"429s {platform.refused} (goal 0); sent {counts[DeliveryStatus.SENT]}/{groups}; "
        f"bot CPU {cpu:.2f} s ({cpu / groups * 1000:.2f} ms per delivery); full GCs {collections}; "
        f"longest pause between sends {platform.longest_gap * 1000:.0f} ms, {platform.gaps} over 50 ms"
        f"{' (start-up heap frozen)' if freeze else ''}; load {os.getloadavg()[0]:.1f}  [{verdict}]"
    )


async def idle(kind: str, pending: int, ticks: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="iopbot-idle-"))
    url, name = await fresh_database(kind, folder)
    platform = LimitedPlatform(1e6, burst=1e6, rtt=0)
    database, uow_factory, engine, clock = build(url, folder, platform, RateLimiter(), EngineSettings(concurrency=8))
    try:
        await enqueue(uow_factory, engine, pending, timedelta(days=1))
        await engine.run_due(clock.now())  # warm up: connections, statement caches
        cpu = time.process_time()
        wall = time.monotonic()
        for _ in range(ticks):
            await engine.run_due(clock.now())
            await engine.next_due()
        cpu = (time.process_time() - cpu) / ticks
        wall = (time.monotonic() - wall) / ticks
    finally:
        await database.dispose()
        if name:
            await drop_database(name)
        shutil.rmtree(folder, ignore_errors=True)
    per_minute = cpu * 60 / IDLE_TICK_SECONDS
    print(
        f"idle    [{kind:8}] {pending} future deliveries pending: {cpu * 1000:.2f} ms CPU per tick "
        f"({wall * 1000:.2f} ms wall); at one tick per {IDLE_TICK_SECONDS:.0f} s that is "
        f"{per_minute * 1000:.2f} ms CPU per minute of idle time ({per_minute / 60 * 100:.4f}% of one core)"
    )


#: a Monday; the idle window is 21:30-05:30 UTC, when no schedule below is due
IDLE_FROM = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
IDLE_HOURS = 8
ZONES = ("Europe/Berlin", "Europe/London")


class CountingMessenger:
    """The console platform, counting what it is asked to send (nothing should be, while idle)."""

    platform = Platform.CONSOLE

    def __init__(self) -> None:
        self.sent = 0

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        self.sent += 1
        return [MessageRef(self.platform, "chat", str(self.sent))]

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return False

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return []


def schedule_args(n: int) -> str:
    """The n-th schedule's ``/schedule`` arguments: every kind, local times 07:00-20:59."""
    hour, minute = 7 + n % 14, (n * 7) % 60
    at = f"{hour:02d}:{minute:02d}"
    forms = (
        f"daily {at}",
        f"weekdays {at} category=breathing",
        f"mon,wed,fri {at}",
        f'cron "{minute} {hour} * * 1-5"',
        f"once 2026-12-{1 + n % 28:02d} {at} Group moves to 5pm this week",
        f"daily {at} followup=2h" if hour < 18 else f"tue,thu {at}",
    )
    return forms[n % len(forms)]


async def add_schedules(app, clock: ManualClock, groups: int, schedules: int) -> None:  # type: ignore[no-untyped-def]
    """Groups in two zones, and ``schedules`` spread over them through the prompts storage."""
    ids: list[tuple[int, ZoneInfo]] = []
    for g in range(groups):
        chat = ChatRef(Platform.CONSOLE, f"group-{g}", ChatKind.GROUP, f"Group {g}")
        await app.core.chat_added(chat)
        async with app.uow_factory() as uow:
            group = await uow.groups.by_chat(Platform.CONSOLE, chat.chat_id)
            zone = ZONES[g % len(ZONES)]
            await uow.groups.update(replace(group, timezone=zone))
            await uow.commit()
        ids.append((group.id, ZoneInfo(zone)))
    async with app.uow_factory() as uow:
        for n in range(schedules):
            group_id, tz = ids[n % groups]
            spec = parse_schedule(schedule_args(n), tz, clock.now())
            await uow.schedules.add(group_id, spec, clock.now())
        await uow.commit()


async def step(app, clock: ManualClock) -> None:  # type: ignore[no-untyped-def]
    """One turn of ``adapters.runtime.tick_forever``, with the virtual clock instead of a sleep."""
    await app.core.tick()
    due = await app.core.next_due()
    wait = IDLE_TICK_SECONDS
    if due is not None:
        wait = min(wait, max(0.05, (due - clock.now()).total_seconds()))
    clock.advance(timedelta(seconds=wait))


@dataclass(frozen=True)
class IdleRun:
    cpu_per_minute: float
    ticks: int
    producer_runs: int
    sends: int
    #: CPU seconds of the hour before the idle window, in which every schedule is materialised
    materialise_cpu: float


async def scheduler(kind: str, schedules: int, groups: int) -> IdleRun:
    """Tick the whole bot through the idle window (see the module docstring, part 3)."""
    folder = Path(tempfile.mkdtemp(prefix="iopbot-schedules-"))
    url, name = await fresh_database(kind, folder)
    clock = ManualClock(IDLE_FROM - timedelta(hours=1))
    app = await build_app(Settings(data_dir=folder / "data", database_url=url), clock=clock)
    messenger = CountingMessenger()
    app.core.attach(messenger)
    producer = app.features["prompts"].producer
    runs = 0
    produce = producer.produce

    async def counted(uow, now):  # type: ignore[no-untyped-def]
        nonlocal runs
        runs += 1
        return await produce(uow, now)

    producer.produce = counted
    try:
        await add_schedules(app, clock, groups, schedules)
        app.features["delivery"].wake()
        busy = time.process_time()
        while clock.now() < IDLE_FROM:  # the producer materialises every schedule, 500 a run
            await step(app, clock)
        busy = time.process_time() - busy
        runs, messenger.sent = 0, 0
        ticks = 0
        cpu = time.process_time()
        while clock.now() < IDLE_FROM + timedelta(hours=IDLE_HOURS):
            await step(app, clock)
            ticks += 1
        cpu = time.process_time() - cpu
        pending = (await app.features["delivery"].counts())[DeliveryStatus.PENDING]
    finally:
        await app.close()
        if name:
            await drop_database(name)
        shutil.rmtree(folder, ignore_errors=True)
    if schedules and pending < schedules // 2:
        raise RuntimeError(f"only {pending} deliveries pending: the schedules were not materialised")
    return IdleRun(cpu / (IDLE_HOURS * 60), ticks, runs, messenger.sent, busy)


async def scheduler_overhead(kind: str, schedules: int, groups: int) -> None:
    base = await scheduler(kind, 0, groups)
    run = await scheduler(kind, schedules, groups)
    cost = run.cpu_per_minute
    print(
        f"schedules [{kind:8}] {schedules} schedules in {groups} groups, {IDLE_HOURS} idle hours "
        f"({run.ticks} ticks, {run.producer_runs} producer runs, {run.sends} sends): "
        f"{cost * 1000:.1f} ms CPU per idle minute ({cost / 60 * 100:.3f}% of one core) "
        f"vs {base.cpu_per_minute * 1000:.1f} ms with no schedules ({base.ticks} ticks); "
        f"materialising them all took {run.materialise_cpu:.2f} s CPU (vs {base.materialise_cpu:.2f} s)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--limit", type=float, default=300.0)
    parser.add_argument("--rtt", type=float, default=20.0, help="simulated round trip in ms")
    parser.add_argument("--concurrency", type=int, default=EngineSettings().concurrency)
    parser.add_argument("--mark-ahead", type=float, default=EngineSettings().mark_ahead, help="seconds")
    parser.add_argument("--runs", type=int, default=1, help="fan-out runs per database")
    parser.add_argument(
        "--no-gc-freeze",
        dest="gc_freeze",
        action="store_false",
        help="don't freeze the start-up heap (iop-bot run does)",
    )
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--pending", type=int, default=10_000)
    parser.add_argument("--ticks", type=int, default=50)
    parser.add_argument("--schedules", type=int, default=10_000, help="0 skips the scheduler measurement")
    parser.add_argument("--schedule-groups", type=int, default=1_000)
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: fanout, idle, schedules")
    args = parser.parse_args()
    kinds = [kind for kind in args.databases.split(",") if kind]
    if "postgres" in kinds and not await postgres_available():
        print("PostgreSQL at 127.0.0.1:5432 not reachable: SQLite only")
        kinds.remove("postgres")
    tuning = EngineSettings(concurrency=args.concurrency, mark_ahead=args.mark_ahead)
    skip = set(args.skip.split(","))
    for kind in kinds if "fanout" not in skip else []:
        for _ in range(args.runs):
            await fanout(kind, args.groups, args.limit, args.rtt / 1000, tuning, args.gc_freeze)
    for kind in kinds if "idle" not in skip else []:
        await idle(kind, args.pending, args.ticks)
    for kind in kinds if "schedules" not in skip and args.schedules else []:
        await scheduler_overhead(kind, args.schedules, args.schedule_groups)


if __name__ == "__main__":
    asyncio.run(main())
