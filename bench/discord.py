"""Discord: interactions per second through the whole bot against the fake, vs a minimal bot.

Run from the repository root: ``.venv/bin/python bench/discord.py [--count 5000] [--concurrency 50]``

Both bots run real discord.py against the same in-process ``FakeDiscord`` (gateway + REST on
127.0.0.1), and each is measured in its own child process so peak memory (max RSS, fake
included) is per bot:

- ``floor``: a minimal discord.py bot, one slash command answering ``pong``: the cost of
  discord.py plus the fake, which no adapter can go below.
- ``bot``: ``iop-peer-bot`` built by the composition root on SQLite, ``/help`` from members of
  10 servers, sent with the send gate open so the number measures adapter + core + storage.
- ``bot-ping``: the whole bot with a one-line core command (``/ping`` registered by the
  bench): the same event resolution and transaction as every event, without /help's text.
- ``bot-gated``: ``/help`` with the default send gate (Discord budgets of
  ``bot.delivery.ratelimit``), a short run showing what the pacing allows.

Each interaction is timed from dispatch to the adapter having finished it (response sent).
The goal is ``floor / bot <= 1.5``. ``--rounds N`` runs the phases N times in turn and prints
the median ratios; the CPU time per interaction (the process's, all threads) is printed to
explain the ratio, not as the goal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# This file is called discord.py: keep its folder off the path so ``import discord`` finds the library.
sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import discord  # noqa: E402
from discord import app_commands  # noqa: E402

from adapters.bootstrap import build_app  # noqa: E402
from adapters.discord.client import guild_chat, intents  # noqa: E402
from adapters.discord.messenger import MemoryPostChannels  # noqa: E402
from adapters.discord.runner import build_adapter  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.context import Context  # noqa: E402
from bot.domain import Reply  # noqa: E402
from bot.outbox import OpenGate  # noqa: E402
from bot.rich import Rich  # noqa: E402
from bot.router import Audience, CommandSpec  # noqa: E402
from tests.fakes.discord_api import FakeDiscord  # noqa: E402

TOKEN = "bench.token"
GUILDS = 10
MEMBERS_PER_GUILD = 50
GOAL_RATIO = 1.5


def world() -> tuple[FakeDiscord, list[tuple[int, int, int]]]:
    """A fake with ``GUILDS`` servers of ``MEMBERS_PER_GUILD`` members; (guild, channel, user) triples."""
    fake = FakeDiscord(token=TOKEN, heartbeat_interval_ms=30_000, echo_bot_messages=False)
    for g in range(GUILDS):
        guild_id, channel_id = 10_000 + g, 20_000 + g
        members = [{"id": 100_000 + g * 1000 + m, "username": f"m{g}_{m}"} for m in range(MEMBERS_PER_GUILD)]
        fake.add_guild(guild_id, f"group {g}", channels=[(channel_id, "general")], members=members)
    # Interleaved, so consecutive interactions come from different servers.
    people = [(10_000 + g, 20_000 + g, 100_000 + g * 1000 + m) for m in range(MEMBERS_PER_GUILD) for g in range(GUILDS)]
    return fake, people


async def ready(client: discord.Client) -> asyncio.Task[None]:
    task = asyncio.create_task(client.start(TOKEN))
    await asyncio.sleep(0)
    await asyncio.wait_for(client.wait_until_ready(), 30)
    return task


async def drive(
    fake: FakeDiscord,
    people: list[tuple[int, int, int]],
    name: str,
    count: int,
    concurrency: int,
    finished: dict[int, asyncio.Event],
) -> tuple[float, float]:
    """Dispatch ``count`` slash commands, at most ``concurrency`` in flight; seconds and CPU
    seconds (the process's, all threads) taken."""
    gate = asyncio.Semaphore(concurrency)

    async def one(index: int) -> None:
        _guild, channel, user = people[index % len(people)]
        async with gate:
            payload = await fake.dispatch_slash(name, user=user, channel_id=channel)
            done = finished.setdefault(int(payload["id"]), asyncio.Event())
            await asyncio.wait_for(done.wait(), 120)

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(one(index) for index in range(count)))
    return time.perf_counter() - started, time.process_time() - cpu


def tracked(finished: dict[int, asyncio.Event], handler: Callable[[Any], Awaitable[None]]) -> Callable[..., Any]:
    async def wrapper(interaction: discord.Interaction) -> None:
        try:
            await handler(interaction)
        finally:
            finished.setdefault(interaction.id, asyncio.Event()).set()

    return wrapper


async def run_floor(count: int, concurrency: int) -> dict[str, float]:
    fake, people = world()
    async with fake:
        client = discord.Client(intents=intents(message_content=False), guild_ready_timeout=0.05)
        tree = app_commands.CommandTree(client)
        finished: dict[int, asyncio.Event] = {}

        @tree.command(name="ping", description="answers pong")
        async def ping(interaction: discord.Interaction) -> None:
            try:
                await interaction.response.send_message("pong")
            finally:
                finished.setdefault(interaction.id, asyncio.Event()).set()

        task = await ready(client)
        await tree.sync()
        await drive(fake, people, "ping", min(200, count), concurrency, finished)  # warm-up
        seconds, cpu = await drive(fake, people, "ping", count, concurrency, finished)
        await client.close()
        await task
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count}


async def pong(ctx: Context, args: str) -> Sequence[Reply]:
    """The smallest core command: same resolution and transaction as any event, constant reply."""
    return [Reply(Rich.of("pong"))]


async def run_bot(
    count: int, concurrency: int, *, gated: bool, database_url: str | None, command: str = "help"
) -> dict[str, float]:
    fake, people = world()
    async with fake, _data_dir() as data_dir:
        settings = Settings(
            data_dir=data_dir,
            database_url=database_url,
            discord_token=TOKEN,
            discord_api_url=fake.api_url,
            discord_gateway_url=fake.gateway_url,
        )
        app = await build_app(settings, gate=None if gated else OpenGate())
        app.router.command(CommandSpec("ping", pong, "commands.help", "usage.help", Audience.EVERYONE))
        adapter = build_adapter(app, post_channels=MemoryPostChannels(), guild_ready_timeout=0.05)
        finished: dict[int, asyncio.Event] = {}
        adapter.client.on_interaction = tracked(finished, adapter.on_interaction)  # type: ignore[attr-defined]
        task = await ready(adapter.client)
        for guild in adapter.client.guilds:  # first events of a new server race to register it
            await app.core.chat_added(guild_chat(guild))
        await drive(fake, people, command, min(200, count), concurrency, finished)  # warm-up
        seconds, cpu = await drive(fake, people, command, count, concurrency, finished)
        failed = sum(1 for call in fake.calls if call.route.endswith("/callback") and call.status >= 300)
        await adapter.client.close()
        await task
        await app.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count, "failed": failed}


class _data_dir:
    """A temporary data directory (SQLite database, key) removed afterwards."""

    async def __aenter__(self) -> Path:
        self._folder = tempfile.TemporaryDirectory()
        return Path(self._folder.name)

    async def __aexit__(self, *exc: object) -> None:
        self._folder.cleanup()


def child(phase: str, count: int, concurrency: int, database_url: str | None) -> dict[str, float]:
    """Run one phase in a fresh interpreter (its own peak memory)."""
    command = [sys.executable, __file__, "--phase", phase, "--count", str(count), "--concurrency", str(concurrency)]
    if database_url:
        command += ["--database-url", database_url]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def phase_main(phase: str, count: int, concurrency: int, database_url: str | None) -> None:
    logging.disable(logging.CRITICAL)
    if phase == "floor":
        result = asyncio.run(run_floor(count, concurrency))
    else:
        command = "ping" if phase == "bot-ping" else "help"
        gated = phase == "bot-gated"
        result = asyncio.run(run_bot(count, concurrency, gated=gated, database_url=database_url, command=command))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def report(count: int, concurrency: int, gated_count: int, database_url: str | None, rounds: int) -> None:
    """The phases run ``rounds`` times in turn, so a change in the machine's load hits all of them."""
    where = "SQLite (temporary file)" if not database_url else database_url.split("@")[-1]
    print(f"interactions through real discord.py and the fake, {concurrency} in flight; database: {where}")
    ratios: dict[str, list[float]] = {"/help": [], "/ping": []}
    for number in range(1, rounds + 1):
        if rounds > 1:
            print(f"round {number} of {rounds}")
        floor = child("floor", count, concurrency, None)
        bot = child("bot", count, concurrency, database_url)
        ping = child("bot-ping", count, concurrency, database_url)
        gated = child("bot-gated", gated_count, concurrency, database_url)
        for label, ratio in print_round(floor, bot, ping, gated).items():
            ratios[label].append(ratio)
    if rounds > 1:
        medians = ", ".join(f"{label} {statistics.median(values):.2f}x" for label, values in ratios.items())
        print(f"median ratio floor/bot over {rounds} rounds: {medians} (goal {GOAL_RATIO}x)")


def print_round(
    floor: dict[str, float], bot: dict[str, float], ping: dict[str, float], gated: dict[str, float]
) -> dict[str, float]:
    """Print one round; returns the wall-clock ratios (the goal's measure) by command."""
    rows = [("floor: minimal bot, /ping", floor), ("bot: /help, gate open", bot), ("bot: /ping, gate open", ping)]
    rows.append(("bot: /help, default send gate", gated))
    print(f"{'':34} {'count':>6} {'seconds':>8} {'per second':>11} {'CPU ms each':>12} {'peak RSS MB':>12}")
    for label, row in rows:
        rate = row["count"] / row["seconds"]
        cpu_ms = row["cpu_seconds"] * 1000 / row["count"]
        print(
            f"{label:34} {int(row['count']):6d} {row['seconds']:8.2f} {rate:11.1f} {cpu_ms:12.2f} "
            f"{row['peak_rss_mb']:12.1f}"
        )
    floor_rate = floor["count"] / floor["seconds"]
    floor_cpu = floor["cpu_seconds"] / floor["count"]
    ratios = {}
    for label, row in (("/help", bot), ("/ping", ping)):
        ratio = floor_rate / (row["count"] / row["seconds"])
        cpu_ratio = (row["cpu_seconds"] / row["count"]) / floor_cpu
        verdict = "within" if ratio <= GOAL_RATIO else "OVER"
        print(
            f"ratio floor/bot {label} (gate open): {ratio:.2f}x ({verdict} the {GOAL_RATIO}x goal); "
            f"for explanation only, CPU time per interaction: {cpu_ratio:.2f}x"
        )
        ratios[label] = ratio
    print(f"failed interaction callbacks in the bot run: {int(bot.get('failed', 0))}")
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--gated-count", type=int, default=40)
    parser.add_argument("--phase", choices=["floor", "bot", "bot-ping", "bot-gated"])
    parser.add_argument("--database-url", help="a migrated, empty database (default: temporary SQLite)")
    parser.add_argument("--rounds", type=int, default=1, help="run the phases this many times in turn (median)")
    args = parser.parse_args()
    if args.phase:
        phase_main(args.phase, args.count, args.concurrency, args.database_url)
    else:
        report(args.count, args.concurrency, args.gated_count, args.database_url, args.rounds)


if __name__ == "__main__":
    main()
