"""Discord: interactions per second through the whole bot against the fake, vs a minimal bot.

Run from the repository root: ``.venv/bin/python bench/discord.py [--count 5000] [--concurrency 50]``

Both bots run real discord.py against the same in-process ``FakeDiscord`` (gateway + REST on
127.0.0.1), and each is measured in its own child process so peak memory (max RSS, fake
included) is per bot:

- ``floor``: a minimal discord.py bot, one slash command answering ``pong``: the cost of
  discord.py plus the fake, which no adapter can go below.
- ``bot-mix`` (the headline, the goal's measure): ``iop-peer-bot`` built by the composition
  root on SQLite (or ``--database-url``) with the send gate open, so the number measures
  adapter + core + storage. ``--concurrency`` members of 10 servers act out a realistic mix,
  like bench/telegram.py: /start in a DM, /join in the server and the "I agree" button,
  /checkin by buttons (mood, skip the note, share with the group; later rounds update the card),
  "Send support" on a peer's latest card, /faq in a DM and in the server, /skill, /help.
  Buttons carry signed custom_ids, so each member presses them on the bot's reply to their
  own interaction. Questions by @mention are messages, not interactions, and are left out.
- ``bot``: the whole bot, ``/help`` only, from members of 10 servers.
- ``bot-ping``: the whole bot with a one-line core command (``/ping`` registered by the
  bench): the same event resolution and transaction as every event, without /help's text.
- ``core-ping``, ``core-help`` (with ``--split``): the same events handed straight to
  ``Core.handle`` with a recording messenger, no Discord at all: what the core and storage cost
  per event, to tell that apart from what the Discord path (adapter, discord.py, the fake) adds.
- ``bot-gated``: ``/help`` with the default send gate (Discord budgets of
  ``bot.delivery.ratelimit``): interaction answers are exempt from the 45/s overall budget,
  as Discord documents, so this runs near the open gate's rate instead of at 45/s.

Each interaction is timed from dispatch to the adapter having finished it (response sent), and
no member sends the next before that. The goal is ``floor / bot-mix <= 1.5`` in interactions
per second; the /help and /ping ratios are printed beside it. ``--rounds N`` runs the phases N
times in turn and prints the median ratios. The CPU time per interaction (the process's, all
threads, fake and driver included) and the REST calls the bot made per interaction are printed
to explain the ratio, not as the goal; so are the mix's waits (dispatch to finished) and the
interactions the adapter deferred because the core took longer than its ``ack_after``, and,
to tell their causes apart, the mix's longest event-loop stall and its full garbage collections.

Instruction counts, for comparisons this shared machine's noisy clock can't make: run one phase
under callgrind with instrumentation off and ``--callgrind``, which turns it on for the measured
interactions only (start-up, connection and warm-up are left out), then divide the ``Collected``
count valgrind prints by the phase's ``count``::

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \
        .venv/bin/python bench/discord.py --phase bot-mix --count 500 --callgrind

Like ``iop-bot run`` (adapters.runtime), each phase freezes the heap built at start-up
(``gc.freeze()``) before the client connects; ``--no-gc-freeze`` runs without it, for
comparison. The mix's full collections took as long either way (0.3-0.7 s each under load,
about seven per run): their time goes to freeing the cyclic garbage of the interactions in
flight, not to walking the start-up heap.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
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
from bench.callgrind import measured  # noqa: E402
from bench.mix import QUESTIONS  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.context import Context  # noqa: E402
from bot.domain import ChatKind, ChatRef, Command, Event, PersonRef, Platform, Reply  # noqa: E402
from bot.outbox import OpenGate  # noqa: E402
from bot.rich import Rich  # noqa: E402
from bot.router import Audience, CommandSpec  # noqa: E402
from tests.fakes.discord_api import Call, FakeDiscord  # noqa: E402
from tests.fakes.messenger import RecordingMessenger  # noqa: E402

TOKEN = "bench.token"
GUILDS = 10
MEMBERS_PER_GUILD = 50
GOAL_RATIO = 1.5
WARM_UP_MEMBERS = 20
SLOW_SECONDS = 1.0  # half the adapter's ack_after: the waits worth naming in the report
MOODS = (" 4 ", " 5 ", " 3 ")  # label parts of the mood buttons ("🌤 4 · Doing okay")
STALL_PROBE_SECONDS = 0.02
FREEZE = True  # --no-gc-freeze clears it
CALLGRIND = False  # --callgrind sets it
JSON = dict[str, Any]
Result = dict[str, Any]
Person = tuple[int, int, int]


def world() -> tuple[FakeDiscord, list[Person]]:
    """A fake with ``GUILDS`` servers of ``MEMBERS_PER_GUILD`` members; (guild, channel, user) triples."""
    fake = FakeDiscord(token=TOKEN, heartbeat_interval_ms=30_000, echo_bot_messages=False)
    for g in range(GUILDS):
        guild_id, channel_id = 10_000 + g, 20_000 + g
        members = [{"id": 100_000 + g * 1000 + m, "username": f"m{g}_{m}"} for m in range(MEMBERS_PER_GUILD)]
        fake.add_guild(guild_id, f"group {g}", channels=[(channel_id, "general")], members=members)
    # Interleaved, so consecutive interactions come from different servers.
    people = [(10_000 + g, 20_000 + g, 100_000 + g * 1000 + m) for m in range(MEMBERS_PER_GUILD) for g in range(GUILDS)]
    return fake, people


def freeze_start_up_heap() -> None:
    """What adapters.runtime does once start-up is done (see the module docstring)."""
    if FREEZE:
        gc.collect()
        gc.freeze()


async def ready(client: discord.Client) -> asyncio.Task[None]:
    freeze_start_up_heap()
    task = asyncio.create_task(client.start(TOKEN))
    await asyncio.sleep(0)
    await asyncio.wait_for(client.wait_until_ready(), 30)
    return task


async def drive(
    fake: FakeDiscord,
    people: list[Person],
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


def rest_calls(calls: Sequence[Call]) -> dict[str, int]:
    """The bot's REST calls by kind, to explain a rate (an interaction answered alone is one callback)."""
    kinds: Counter[str] = Counter()
    for call in calls:
        if call.route.endswith("/callback"):
            kinds["callback"] += 1
            if (call.json or {}).get("type") in (5, 6):  # deferred: not answered within ack_after
                kinds["deferred"] += 1
        elif call.route.startswith("/webhooks/"):
            kinds["webhook"] += 1
        elif call.route == "/channels/{channel_id}/messages" and call.method == "POST":
            kinds["post"] += 1
        elif call.route.startswith("/channels/") and call.method == "PATCH":
            kinds["edit"] += 1
        else:
            kinds["other"] += 1
        if call.status >= 300:
            kinds["refused"] += 1
    return {f"rest_{kind}": number for kind, number in kinds.items()} | {"rest_calls": len(calls)}


async def run_floor(count: int, concurrency: int) -> Result:
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
        start = len(fake.calls)
        with measured(CALLGRIND):
            seconds, cpu = await drive(fake, people, "ping", count, concurrency, finished)
        calls = rest_calls(fake.calls[start:])
        await client.close()
        await task
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count, **calls}


async def pong(ctx: Context, args: str) -> Sequence[Reply]:
    """The smallest core command: same resolution and transaction as any event, constant reply."""
    return [Reply(Rich.of("pong"))]


@contextlib.asynccontextmanager
async def whole_bot(
    *, gated: bool, database_url: str | None
) -> AsyncIterator[tuple[FakeDiscord, list[Person], dict[int, asyncio.Event]]]:
    """The bot built by the composition root, connected to a fresh fake; the fake, its people and
    the events set when the adapter has finished each interaction."""
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
        try:
            yield fake, people, finished
        finally:
            await adapter.client.close()
            await task
            await app.close()


async def run_bot(
    count: int, concurrency: int, *, gated: bool, database_url: str | None, command: str = "help"
) -> Result:
    async with whole_bot(gated=gated, database_url=database_url) as (fake, people, finished):
        await drive(fake, people, command, min(200, count), concurrency, finished)  # warm-up
        start = len(fake.calls)
        with measured(CALLGRIND):
            seconds, cpu = await drive(fake, people, command, count, concurrency, finished)
        calls = rest_calls(fake.calls[start:])
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count, **calls}


async def run_core(count: int, concurrency: int, *, database_url: str | None, command: str) -> Result:
    """``command`` from the same members as the bot phases, straight into ``Core.handle`` (a
    recording messenger instead of Discord): the core's and storage's share of an interaction."""
    fake, people = world()
    async with _data_dir() as data_dir:
        app = await build_app(Settings(data_dir=data_dir, database_url=database_url), gate=OpenGate())
        app.router.command(CommandSpec("ping", pong, "commands.help", "usage.help", Audience.EVERYONE))
        messenger = RecordingMessenger(platform=Platform.DISCORD)
        app.core.attach(messenger)
        chats = {
            guild: ChatRef(Platform.DISCORD, str(guild), ChatKind.GROUP, str(fake.guilds[guild].name))
            for guild, _channel, _user in people
        }
        for chat in chats.values():
            await app.core.chat_added(chat)
        events = [
            Event(
                chats[guild],
                PersonRef(Platform.DISCORD, str(user), str(fake.users[user]["username"])),
                Command(command, ""),
                via_interaction=True,
            )
            for guild, _channel, user in people
        ]

        async def handle_all(number: int) -> tuple[float, float]:
            gate = asyncio.Semaphore(concurrency)

            async def one(index: int) -> None:
                async with gate:
                    await app.core.handle(events[index % len(events)])

            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(one(index) for index in range(number)))
            messenger.sent.clear()
            return time.perf_counter() - started, time.process_time() - cpu

        freeze_start_up_heap()
        await handle_all(min(200, count))  # warm-up
        with measured(CALLGRIND):
            seconds, cpu = await handle_all(count)
        await app.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count, "rest_calls": 0}


def buttons_of(message: JSON | None) -> dict[str, str]:
    """``{label: custom_id}`` of a bot message's buttons (none for no message)."""
    rows = (message or {}).get("components") or []
    return {
        item["label"]: item["custom_id"] for row in rows for item in row.get("components", []) if "custom_id" in item
    }


class Cards:
    """The check-in cards ("Send support") the bot posted in each channel, read incrementally."""

    def __init__(self, fake: FakeDiscord) -> None:
        self._fake = fake
        self._seen = 0
        self._by_channel: dict[int, deque[int]] = defaultdict(lambda: deque(maxlen=8))

    def refresh(self) -> None:
        """Scan only messages newer than the last scan (snowflakes grow, the dict keeps order)."""
        fresh = []
        for message in reversed(self._fake.messages.values()):
            if int(message["id"]) <= self._seen:
                break
            fresh.append(message)
        for message in reversed(fresh):
            if any(cid.startswith("ci.sup:") for cid in buttons_of(message).values()):
                self._by_channel[int(message["channel_id"])].append(int(message["id"]))
        if fresh:
            self._seen = int(fresh[0]["id"])

    def peer_card(self, channel: int, author_tag: str) -> JSON | None:
        """The newest card in ``channel`` not written by the member whose name shows as ``author_tag``."""
        self.refresh()
        for message_id in reversed(self._by_channel.get(channel, ())):
            message = self._fake.messages.get(message_id)
            if message is not None and author_tag not in str(message["content"]):
                return message
        return None


class Tally:
    """What the members sent (by kind) and how long each waited for the bot, for the report."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.waits: list[float] = []
        self.slow: Counter[str] = Counter()  # kinds of interactions that waited over SLOW_SECONDS

    def clear(self) -> None:
        self.kinds.clear()
        self.waits.clear()
        self.slow.clear()

    def add(self, kind: str, wait: float) -> None:
        self.kinds[kind] += 1
        self.waits.append(wait)
        if wait > SLOW_SECONDS:
            self.slow[kind] += 1

    def summary(self) -> Result:
        waits = sorted(self.waits) or [0.0]

        def pick(share: float) -> float:
            return waits[min(len(waits) - 1, int(share * len(waits)))] * 1000

        return {
            "kinds": dict(self.kinds),
            "slow": dict(self.slow),
            "wait_ms_p50": pick(0.5),
            "wait_ms_p95": pick(0.95),
            "wait_ms_max": pick(1),
        }


class Member:
    """One simulated member: sends an interaction, waits until the bot finished it, reads the reply."""

    def __init__(
        self, person: Person, fake: FakeDiscord, finished: dict[int, asyncio.Event], cards: Cards, tally: Tally
    ) -> None:
        _guild, self.channel, self.user = person
        name = str(fake.users[self.user]["username"]).replace("_", "\\_")
        self.tag = f"**{name}**"  # how the bot's markdown shows this member's name on a card
        self._fake, self._finished, self._cards, self._tally = fake, finished, cards, tally
        self.reply: JSON | None = None
        self.sent = 0

    async def _done(self, payload: JSON, kind: str, started: float) -> None:
        """Wait until the adapter has finished the interaction; keep the bot's reply for the next press."""
        self.sent += 1
        await asyncio.wait_for(self._finished.setdefault(int(payload["id"]), asyncio.Event()).wait(), 120)
        self._tally.add(kind, time.perf_counter() - started)
        self.reply = self._fake.interaction_message(payload["id"])

    async def slash(self, name: str, options: JSON | None = None, *, dm: bool = False) -> None:
        channel, started = None if dm else self.channel, time.perf_counter()
        payload = await self._fake.dispatch_slash(name, options, user=self.user, channel_id=channel)
        await self._done(payload, f"/{name}" + (" in a DM" if dm else ""), started)

    async def press(self, label_part: str) -> bool:
        """Press a button on the bot's reply to this member's last interaction; False if it has none."""
        found = [cid for label, cid in buttons_of(self.reply).items() if label_part.lower() in label.lower()]
        if not found or self.reply is None:
            return False
        started = time.perf_counter()
        payload = await self._fake.dispatch_button(self.reply, found[0], user=self.user)
        await self._done(payload, f"button {label_part.strip()}", started)
        return True

    async def support(self) -> bool:
        """Press "Send support" on the newest peer's card in this member's channel."""
        self.reply = self._cards.peer_card(self.channel, self.tag)
        return await self.press("Send support")


async def act(member: Member, quota: int) -> None:
    """A realistic day, repeated: check in by buttons, support a peer's card, ask, practise, look up help."""
    await member.slash("start", dm=True)
    await member.slash("join")
    await member.press("I agree")
    for n in itertools.count():
        if member.sent >= quota:
            return
        await member.slash("checkin")
        if await member.press(MOODS[n % len(MOODS)]) and await member.press("Skip"):
            await member.press("The group")
        await member.support()
        await member.slash("faq", {"question": QUESTIONS[n % len(QUESTIONS)]}, dm=True)
        await member.slash("skill", dm=True)
        await member.slash("help")
        await member.slash("faq", {"question": QUESTIONS[(n + 2) % len(QUESTIONS)]})


async def run_mix(count: int, concurrency: int, database_url: str | None) -> Result:
    """``concurrency`` members act at once, each its share of ``count``; warmed up by other members."""
    async with whole_bot(gated=False, database_url=database_url) as (fake, people, finished):
        cards, tally = Cards(fake), Tally()
        members = [Member(person, fake, finished, cards, tally) for person in people]
        active = min(concurrency, len(members) - WARM_UP_MEMBERS)
        await asyncio.gather(*(act(member, 10) for member in members[active : active + WARM_UP_MEMBERS]))
        tally.clear()
        quota = -(-count // active)
        start = len(fake.calls)
        with Stalls() as stalls, measured(CALLGRIND):
            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(act(member, quota) for member in members[:active]))
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        calls = rest_calls(fake.calls[start:])
        sent = sum(member.sent for member in members[:active])
    return {"seconds": seconds, "cpu_seconds": cpu, "count": sent, **calls, **tally.summary(), **stalls.summary()}


class Stalls:
    """The longest event-loop stall and the full garbage collections while the mix runs: two
    causes of long waits that are not the database's (a probe wakes every 20 ms; a stall is
    how late it woke)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.full_collections: list[float] = []
        self._collection_started = 0.0
        self._probe: asyncio.Task[None] | None = None

    def __enter__(self) -> Stalls:
        gc.callbacks.append(self._on_collection)
        self._probe = asyncio.get_running_loop().create_task(self._watch())
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._on_collection)
        if self._probe is not None:
            self._probe.cancel()

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(STALL_PROBE_SECONDS)
            self.longest = max(self.longest, time.perf_counter() - before - STALL_PROBE_SECONDS)

    def _on_collection(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._collection_started = time.perf_counter()
        else:
            self.full_collections.append(time.perf_counter() - self._collection_started)

    def summary(self) -> Result:
        return {
            "stall_ms_max": self.longest * 1000,
            "full_gc": len(self.full_collections),
            "full_gc_ms_max": max(self.full_collections, default=0.0) * 1000,
        }


class _data_dir:
    """A temporary data directory (SQLite database, key) removed afterwards."""

    async def __aenter__(self) -> Path:
        self._folder = tempfile.TemporaryDirectory()
        return Path(self._folder.name)

    async def __aexit__(self, *exc: object) -> None:
        self._folder.cleanup()


def child(phase: str, count: int, concurrency: int, database_url: str | None) -> Result:
    """Run one phase in a fresh interpreter (its own peak memory)."""
    command = [sys.executable, __file__, "--phase", phase, "--count", str(count), "--concurrency", str(concurrency)]
    if database_url:
        command += ["--database-url", database_url]
    if not FREEZE:
        command.append("--no-gc-freeze")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=ROOT).stdout
    result: Result = json.loads(output.strip().splitlines()[-1])
    return result


def phase_main(phase: str, count: int, concurrency: int, database_url: str | None) -> None:
    logging.disable(logging.CRITICAL)
    if phase == "floor":
        result = asyncio.run(run_floor(count, concurrency))
    elif phase == "bot-mix":
        result = asyncio.run(run_mix(count, concurrency, database_url))
    elif phase.startswith("core-"):
        result = asyncio.run(run_core(count, concurrency, database_url=database_url, command=phase[len("core-") :]))
    else:
        command = "ping" if phase == "bot-ping" else "help"
        gated = phase == "bot-gated"
        result = asyncio.run(run_bot(count, concurrency, gated=gated, database_url=database_url, command=command))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def report(
    count: int, concurrency: int, gated_count: int, database_url: str | None, rounds: int, *, split: bool = False
) -> None:
    """The phases run ``rounds`` times in turn, so a change in the machine's load hits all of them;
    ``split`` adds the core-alone phases and prints what the Discord path adds to them."""
    where = "SQLite (temporary file)" if not database_url else database_url.split("@")[-1]
    frozen = "frozen" if FREEZE else "not frozen (--no-gc-freeze)"
    print(f"interactions through real discord.py and the fake, {concurrency} in flight; database: {where}")
    print(f"start-up heap {frozen}, as iop-bot run freezes it")
    ratios: dict[str, list[float]] = {"mix": [], "/help": [], "/ping": []}
    for number in range(1, rounds + 1):
        if rounds > 1:
            print(f"round {number} of {rounds}")
        rows = {
            "floor": child("floor", count, concurrency, None),
            "mix": child("bot-mix", count, concurrency, database_url),
            "/help": child("bot", count, concurrency, database_url),
            "/ping": child("bot-ping", count, concurrency, database_url),
            "gated": child("bot-gated", gated_count, concurrency, database_url),
        }
        if split:
            rows["core /ping"] = child("core-ping", count, concurrency, database_url)
            rows["core /help"] = child("core-help", count, concurrency, database_url)
        for label, ratio in print_round(rows).items():
            ratios[label].append(ratio)
    if rounds > 1:
        medians = ", ".join(f"{label} {statistics.median(values):.2f}x" for label, values in ratios.items())
        print(f"median ratio floor/bot over {rounds} rounds: {medians} (goal {GOAL_RATIO}x, on the mix)")


LABELS = {
    "floor": "floor: minimal bot, /ping",
    "mix": "bot: realistic mix, gate open",
    "/help": "bot: /help, gate open",
    "/ping": "bot: /ping, gate open",
    "gated": "bot: /help, default send gate",
    "core /ping": "core alone (no Discord), /ping",
    "core /help": "core alone (no Discord), /help",
}


def print_round(rows: dict[str, Result]) -> dict[str, float]:
    """Print one round; returns the wall-clock ratios (the goal's measure: the mix's) by phase."""
    print(
        f"{'':30} {'count':>6} {'seconds':>8} {'per second':>11} {'ms each':>8} {'CPU ms each':>12} "
        f"{'REST each':>10} {'peak RSS MB':>12}"
    )
    for key, row in rows.items():
        count = row["count"]
        print(
            f"{LABELS[key]:30} {int(count):6d} {row['seconds']:8.2f} {count / row['seconds']:11.1f} "
            f"{row['seconds'] * 1000 / count:8.2f} {row['cpu_seconds'] * 1000 / count:12.2f} "
            f"{row['rest_calls'] / count:10.2f} {row['peak_rss_mb']:12.1f}"
        )
    floor = rows["floor"]
    floor_rate, floor_cpu = floor["count"] / floor["seconds"], floor["cpu_seconds"] / floor["count"]
    ratios = {}
    for key in ("mix", "/help", "/ping"):
        row = rows[key]
        ratio = floor_rate / (row["count"] / row["seconds"])
        cpu_ratio = (row["cpu_seconds"] / row["count"]) / floor_cpu
        verdict = "within" if ratio <= GOAL_RATIO else "OVER"
        headline = " <- the goal's measure" if key == "mix" else ""
        print(
            f"ratio floor/bot {key} (gate open): {ratio:.2f}x ({verdict} the {GOAL_RATIO}x goal){headline}; "
            f"for explanation only, CPU time per interaction: {cpu_ratio:.2f}x"
        )
        ratios[key] = ratio
    gated = rows["gated"]
    print(
        f"/help with the default send gate: {gated['count'] / gated['seconds']:.0f}/s "
        "(interaction answers don't wait on Discord's 45/s overall budget)"
    )
    if "core /ping" in rows:
        print_split(rows, floor_cpu)
    print_mix(rows["mix"])
    refused = ", ".join(f"{key} {int(row.get('rest_refused', 0))}" for key, row in rows.items())
    print(f"refused REST calls (status >= 300): {refused}")
    return ratios


def print_split(rows: dict[str, Result], floor_cpu: float) -> None:
    """The bot's CPU per interaction split into the core's (measured alone) and the Discord path's."""
    for key in ("/ping", "/help"):
        bot_cpu = rows[key]["cpu_seconds"] / rows[key]["count"]
        core_cpu = rows[f"core {key}"]["cpu_seconds"] / rows[f"core {key}"]["count"]
        path = bot_cpu - core_cpu
        print(
            f"{key}: the core alone {core_cpu * 1000:.2f} ms of CPU of the bot's {bot_cpu * 1000:.2f}; the Discord "
            f"path {path * 1000:.2f} ms against the floor's {floor_cpu * 1000:.2f} ({path / floor_cpu:.2f}x)"
        )


def print_mix(mix: Result) -> None:
    """What the mix sent and what the bot called for it: the explanation of its rate."""
    kinds = ", ".join(f"{kind} {number}" for kind, number in sorted(mix["kinds"].items(), key=lambda kv: -kv[1]))
    print(f"mix interactions: {kinds}")
    rest = ", ".join(
        f"{kind} {int(mix.get(f'rest_{kind}', 0))}" for kind in ("callback", "webhook", "post", "edit", "other")
    )
    print(
        f"mix REST calls: {int(mix['rest_calls'])} ({mix['rest_calls'] / mix['count']:.2f} per interaction; "
        f"{rest}); deferred (not answered within ack_after): {int(mix.get('rest_deferred', 0))}"
    )
    print(
        f"mix wait per interaction, dispatch to finished: median {mix['wait_ms_p50']:.0f} ms, "
        f"95th percentile {mix['wait_ms_p95']:.0f} ms, max {mix['wait_ms_max']:.0f} ms"
    )
    slow = ", ".join(f"{kind} {number}" for kind, number in sorted(mix["slow"].items(), key=lambda kv: -kv[1]))
    print(f"mix interactions that waited over {SLOW_SECONDS:.0f} s: {slow or 'none'}")
    print(
        f"mix event loop: longest stall {mix['stall_ms_max']:.0f} ms; full garbage collections "
        f"{int(mix['full_gc'])}, longest {mix['full_gc_ms_max']:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--gated-count", type=int, default=2000)
    parser.add_argument(
        "--phase", choices=["floor", "bot-mix", "bot", "bot-ping", "bot-gated", "core-ping", "core-help"]
    )
    parser.add_argument("--database-url", help="a migrated, empty database (default: temporary SQLite)")
    parser.add_argument("--rounds", type=int, default=1, help="run the phases this many times in turn (median)")
    parser.add_argument(
        "--no-gc-freeze", dest="gc_freeze", action="store_false", help="don't freeze the start-up heap (compare)"
    )
    parser.add_argument(
        "--callgrind",
        action="store_true",
        help="with --phase, under valgrind --tool=callgrind --instr-atstart=no: count only the measured interactions",
    )
    parser.add_argument(
        "--split", action="store_true", help="also run the core alone (no Discord) and print what Discord adds"
    )
    args = parser.parse_args()
    global FREEZE, CALLGRIND
    FREEZE = args.gc_freeze
    CALLGRIND = args.callgrind
    if args.phase:
        phase_main(args.phase, args.count, args.concurrency, args.database_url)
    else:
        report(args.count, args.concurrency, args.gated_count, args.database_url, args.rounds, split=args.split)


if __name__ == "__main__":
    main()
