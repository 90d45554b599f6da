"""Check-ins through the whole core: command -> stored (note sealed) -> group card sent.

Run from the repository root: ``.venv/bin/python bench/checkins.py [--groups 100 --members 15]``

For each database (SQLite in a temporary file; PostgreSQL in a database this script creates
and drops, skipped with a message if the server isn't reachable) it seeds 100 groups of 15
consenting members directly through the repositories, then sends every member's
``/checkin 4 <note>`` through ``Core.handle`` one after another: routing, consent and
membership checks, the insert, the commit, rendering the card, sending it to a counting
messenger and storing where the card landed. The baseline is ``/help`` through the same path
in the same run (no writes), so the difference is what a check-in costs. The send gate is
open (no rate limiting) so the numbers are the core's, not the pacing's.

Then ``/mood``'s chart: render time for 30 days with two extra questions, first call
(includes importing matplotlib) and warm calls, against a bare matplotlib figure saved the
same way.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from adapters.bootstrap import App, build_app  # noqa: E402
from bot.checkins.insights import MoodChart  # noqa: E402
from bot.checkins.model import Answer, CheckIn, Question, Visibility  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.domain import (  # noqa: E402
    ChatKind,
    ChatRef,
    Command,
    Event,
    Membership,
    MessageRef,
    PersonRef,
    Platform,
    Reply,
    Role,
)
from bot.outbox import OpenGate  # noqa: E402
from bot.texts import Catalog  # noqa: E402

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PG = os.environ.get("IOPBOT_BENCH_PG", "postgresql+asyncpg://postgres@127.0.0.1:5432")
NOTE = "slept badly but went for a walk 🌤"


@dataclass
class CountingMessenger:
    """Accepts every send and counts them (no I/O)."""

    platform: Platform = Platform.CONSOLE
    sent: int = 0

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        self.sent += 1
        return [reply.edit or MessageRef(self.platform, "x", str(self.sent))]

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return False

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return []


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def seed(app: App, groups: int, members: int) -> list[tuple[ChatRef, PersonRef]]:
    """Groups and consenting members, written straight through the repositories."""
    pairs: list[tuple[ChatRef, PersonRef]] = []
    for g in range(groups):
        chat = ChatRef(Platform.CONSOLE, f"bench-group-{g}", ChatKind.GROUP, f"Group {g}")
        async with app.uow_factory() as uow:
            group = await uow.groups.add(chat, "Europe/Berlin", "en")
            for m in range(members):
                ref = PersonRef(Platform.CONSOLE, f"g{g}-m{m}", f"Member{m} G{g}")
                person = await uow.people.add(ref, START, "2026-11")
                await uow.memberships.upsert(Membership(person.id, group.id, Role.MEMBER, True, START, START))
                pairs.append((chat, ref))
            await uow.commit()
    return pairs


async def timed(app: App, events: Sequence[Event]) -> tuple[list[float], float]:
    latencies: list[float] = []
    began = time.perf_counter()
    for event in events:
        start = time.perf_counter()
        await app.core.handle(event)
        latencies.append(time.perf_counter() - start)
    return latencies, time.perf_counter() - began


def line(label: str, latencies: Sequence[float], total: float) -> str:
    return (
        f"  {label:<28} {len(latencies) / total:8.0f}/s   p50 {percentile(latencies, 0.5) * 1000:6.2f} ms"
        f"   p99 {percentile(latencies, 0.99) * 1000:6.2f} ms   (n={len(latencies)})"
    )


async def run_database(name: str, url: str, groups: int, members: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=url)  # type: ignore[call-arg]
        app = await build_app(settings, clock=ManualClock(START), gate=OpenGate())
        messenger = CountingMessenger()
        app.core.attach(messenger)
        try:
            pairs = await seed(app, groups, members)
            helps = [Event(chat, person, Command("help")) for chat, person in pairs[:300]]
            checkins = [Event(chat, person, Command("checkin", f"4 {NOTE}")) for chat, person in pairs]
            await timed(app, helps[:20])  # warm up connections and caches
            base_lat, base_total = await timed(app, helps)
            lat, total = await timed(app, checkins)
            async with app.uow_factory() as uow:
                stored = await uow.session.scalar(text("SELECT count(*) FROM checkins"))
                carded = await uow.session.scalar(
                    text("SELECT count(*) FROM checkins WHERE card_message_id IS NOT NULL")
                )
        finally:
            await app.close()
    print(f"{name}: {groups} groups x {members} members")
    print(line("baseline /help", base_lat, base_total))
    print(line("/checkin 4 <note> -> card", lat, total))
    print(f"  stored {stored} check-ins, {carded} with their card remembered; {messenger.sent} messages sent")
    ratio = statistics.median(lat) / statistics.median(base_lat)
    print(f"  a check-in costs {ratio:.1f}x the median /help")


async def postgres(groups: int, members: int) -> None:
    name = f"iopbot_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_async_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"PostgreSQL: skipped ({PG} not reachable: {type(error).__name__}: {error})")
        await admin.dispose()
        return
    try:
        await run_database("PostgreSQL", f"{PG}/{name}", groups, members)
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


def chart_bench(runs: int = 10) -> None:
    catalog = Catalog.load()
    mood = MoodChart(catalog)
    today = date(2026, 11, 23)
    first = today - timedelta(days=29)
    sleep = Question(1, 1, "sleep", 10, "How did you sleep?", Visibility.ME)
    stress = Question(2, 1, "stress", 5, "Stress?", Visibility.ME)
    checkins = [
        CheckIn(
            i,
            1,
            1,
            first + timedelta(days=i),
            1 + (i * 7) % 5,
            None,
            Visibility.ME,
            START,
            True,
            False,
            None,
            (Answer(sleep, (i * 3) % 11), Answer(stress, i % 6)),
        )
        for i in range(30)
        if i % 6 != 5
    ]
    began = time.perf_counter()
    png = mood.render(checkins, first, today)
    cold = time.perf_counter() - began
    warm = []
    for _ in range(runs):
        began = time.perf_counter()
        mood.render(checkins, first, today)
        warm.append(time.perf_counter() - began)
    import matplotlib.pyplot as plt

    bare = []
    for _ in range(runs):
        began = time.perf_counter()
        figure, _axis = plt.subplots(figsize=(8, 3))
        figure.savefig(__import__("io").BytesIO(), format="png", dpi=100)
        plt.close(figure)
        bare.append(time.perf_counter() - began)
    print(f"/mood chart (30 days, 25 check-ins, 2 extra questions), PNG {len(png) // 1024} KiB:")
    print(f"  first render (imports matplotlib)   {cold * 1000:7.1f} ms")
    print(f"  warm render, median of {runs}          {statistics.median(warm) * 1000:7.1f} ms")
    print(f"  baseline: empty figure saved as PNG {statistics.median(bare) * 1000:7.1f} ms")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--members", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        await run_database("SQLite", f"sqlite+aiosqlite:///{folder}/bench.sqlite3", args.groups, args.members)
    await postgres(args.groups, args.members)
    chart_bench()


if __name__ == "__main__":
    asyncio.run(main())
