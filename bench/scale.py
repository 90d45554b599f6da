"""Delivery throughput with 1, 2 and 4 delivery processes on one PostgreSQL database.

Run from the repository root: ``.venv/bin/python bench/scale.py [--deliveries 4000] [--rtt 20]``

For each process count, a fresh PostgreSQL database gets ``--deliveries`` due deliveries;
then that many worker processes (``tests/delivery_worker.py``: the real engine, storage and
rate limiter, set far above what the fake allows to matter) share the fan-out, sending over
HTTP to a fake platform in this process that accepts everything after a simulated round
trip of ``--rtt`` ms. Throughput is measured at the platform, from the first accepted
message to the last (process start-up excluded). Printed per process count: messages/s,
the speed-up against one process, how the work was split, and what it cost PostgreSQL
(committed transactions per delivery and the server's CPU share is not visible here, so
look at transactions: each delivery costs a claim share, a render share and its two
group-committed marks).

Every worker, PostgreSQL and this fake share the machine's cores, so on a small machine the
curve flattens once the cores are busy - that, and the transactions per second PostgreSQL
sustains, is where more delivery processes stop helping.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.clock import SystemClock  # noqa: E402
from bot.delivery.ports import Delivery  # noqa: E402
from storage.crypto import TextCipher, load_or_create_key  # noqa: E402
from storage.engine import make_engine, make_sessionmaker  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.uow import SqlUnitOfWorkFactory  # noqa: E402

PG = "postgresql+asyncpg://postgres@127.0.0.1:5432"


class Platform:
    """Accepts ``POST /send`` after ``rtt``; remembers when, and for which worker."""

    def __init__(self, rtt: float) -> None:
        self.rtt = rtt
        self.by_worker: Counter[str] = Counter()
        self.texts: Counter[str] = Counter()
        self.first = 0.0
        self.last = 0.0

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        await asyncio.sleep(self.rtt)
        now = time.monotonic()
        self.first = self.first or now
        self.last = now
        self.by_worker[body["worker"]] += 1
        self.texts[body["text"]] += 1
        return web.json_response({"ok": True, "message_id": sum(self.by_worker.values())})


async def admin(statement: str) -> None:
    engine = create_async_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def commits(name: str) -> int:
    engine = create_async_engine(f"{PG}/postgres")
    try:
        async with engine.connect() as connection:
            query = text("SELECT xact_commit FROM pg_stat_database WHERE datname = :name")
            return int((await connection.execute(query, {"name": name})).scalar_one())
    finally:
        await engine.dispose()


async def prepare(name: str, data_dir: Path, count: int) -> str:
    await admin(f'CREATE DATABASE "{name}"')
    url = f"{PG}/{name}"
    engine = make_engine(url)
    try:
        await upgrade(engine)
        key, _ = load_or_create_key(None, data_dir)
        clock = SystemClock()
        uow_factory = SqlUnitOfWorkFactory(make_sessionmaker(engine), TextCipher(key), clock)
        due = clock.now() - timedelta(seconds=1)
        async with uow_factory() as uow:
            for n in range(count):
                payload = {"chat": f"-{1000 + n}", "text": f"prompt {n}"}
                await uow.deliveries.add(Delivery(f"test:{n}", "test", due, payload))
            await uow.commit()
    finally:
        await engine.dispose()
    return url


async def run(processes: int, count: int, rtt: float, concurrency: int) -> tuple[float, Platform, float]:
    name = f"iopbot_scale_{os.getpid()}_{processes}"
    data_dir = Path(tempfile.mkdtemp(prefix="iopbot-scale-"))
    platform = Platform(rtt)
    app = web.Application()
    app.router.add_post("/send", platform.send)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        url = await prepare(name, data_dir, count)
        before = await commits(name)
        workers = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tests.delivery_worker",
                *("--db", url, "--data-dir", str(data_dir), "--platform", f"http://127.0.0.1:{port}"),
                *("--worker", f"w{n}", "--concurrency", str(concurrency), "--batch", "20", "--rate", "1000000"),
                *("--lease", "120"),
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stderr=asyncio.subprocess.DEVNULL,
            )
            for n in range(processes)
        ]
        codes = [await worker.wait() for worker in workers]
        if any(codes):
            raise RuntimeError(f"a worker failed: exit codes {codes}")
        per_delivery = (await commits(name) - before) / count
    finally:
        await runner.cleanup()
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(data_dir, ignore_errors=True)
    if sum(platform.texts.values()) != count or max(platform.texts.values()) != 1:
        raise RuntimeError("not every delivery arrived exactly once")
    return (count - 1) / (platform.last - platform.first), platform, per_delivery


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deliveries", type=int, default=4000)
    parser.add_argument("--rtt", type=float, default=20.0, help="simulated platform round trip in ms")
    parser.add_argument("--concurrency", type=int, default=32, help="senders per process")
    parser.add_argument("--processes", default="1,2,4")
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} CPUs; {args.deliveries} deliveries, rtt {args.rtt:.0f} ms, {args.concurrency} senders each"
    )
    baseline = None
    for processes in [int(item) for item in args.processes.split(",")]:
        rate, platform, per_delivery = await run(processes, args.deliveries, args.rtt / 1000, args.concurrency)
        baseline = baseline or rate
        split = "/".join(str(platform.by_worker[f"w{n}"]) for n in range(processes))
        print(
            f"{processes} delivery process(es): {rate:7.0f} messages/s = {rate / baseline:.2f}x the 1-process "
            f"baseline; split {split}; {per_delivery:.2f} PostgreSQL commits per delivery "
            f"({rate * per_delivery:.0f} commits/s); each delivered exactly once"
        )


if __name__ == "__main__":
    asyncio.run(main())
