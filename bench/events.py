"""Per-event database work: SQL statements, transactions and milliseconds per core event.

Run from the repository root: ``.venv/bin/python bench/events.py [--rounds 200]``

For each database (SQLite in a temporary file; PostgreSQL in a database this script creates
and drops, skipped with a message if the server isn't reachable) the whole bot is built by the
composition root and driven through ``Core.handle`` with a recording messenger (send gate
open), as the platform adapters call it. Ten members of one group take turns with:

- ``/help`` in the group (the lightest command a member sends),
- a check-in by buttons: ``/checkin`` in the group, the mood button, "Skip" the note,
  "The group" (four events; the clock moves on a day per round so each is a new check-in),
- an FAQ question in a direct message, and one by @mention in the group,
- "Send support" on another member's group card (a live counter edit),
- ``/skill`` in a direct message.

These are the event kinds of ``bench/telegram.py``'s mix.

Each line prints SQL statements, transactions (BEGIN ... COMMIT/ROLLBACK) and milliseconds
per event, counted with SQLAlchemy's ``before_cursor_execute`` and ``begin`` events. The
baseline, on the same engine, is one bare ``SELECT 1`` in its own transaction: the cheapest
round trip the database allows, so "ms per event / baseline" is what the event costs in
round trips.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine  # noqa: E402

from adapters.bootstrap import build_app  # noqa: E402
from bench.mix import QUESTIONS  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.domain import ChatKind, ChatRef  # noqa: E402
from bot.outbox import OpenGate  # noqa: E402
from tests.fakes.messenger import RecordingMessenger  # noqa: E402
from tests.harness import START, Harness  # noqa: E402

MEMBERS = 10
PG_HOST = os.environ.get("IOPBOT_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("IOPBOT_TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("IOPBOT_TEST_PG_USER", "postgres")
PG_ADMIN_URL = f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/postgres"


class Counter:
    """Counts statements and transactions on an engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.statements = 0
        self.transactions = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._statement)
        event.listen(engine.sync_engine, "begin", self._begin)

    def _statement(self, *_args: Any) -> None:
        self.statements += 1

    def _begin(self, *_args: Any) -> None:
        self.transactions += 1

    def snapshot(self) -> tuple[int, int]:
        return self.statements, self.transactions


@dataclass
class Row:
    label: str
    events: int
    statements: int
    transactions: int
    seconds: float

    def line(self, baseline_ms: float) -> str:
        ms = self.seconds * 1000 / self.events
        return (
            f"  {self.label:38} {self.statements / self.events:11.1f} {self.transactions / self.events:13.2f} "
            f"{ms:10.2f} {ms / baseline_ms:10.1f}x"
        )


async def measure(
    counter: Counter,
    label: str,
    rounds: int,
    events_per_round: int,
    body: Callable[[int], Awaitable[None]],
    prepare: Callable[[int], Awaitable[None]] | None = None,
) -> Row:
    """Run ``body`` for each round; ``prepare`` (setup, e.g. a fresh card) is neither timed nor counted."""
    statements = transactions = 0
    seconds = 0.0
    for n in range(rounds):
        if prepare is not None:
            await prepare(n)
        before = counter.snapshot()
        started = time.perf_counter()
        await body(n)
        seconds += time.perf_counter() - started
        after = counter.snapshot()
        statements += after[0] - before[0]
        transactions += after[1] - before[1]
    return Row(label, rounds * events_per_round, statements, transactions, seconds)


async def baseline_ms(engine: AsyncEngine, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        async with engine.begin() as connection:
            await connection.execute(text("SELECT 1"))
    return (time.perf_counter() - started) * 1000 / rounds


async def run(database_url: str, data_dir: Path, rounds: int) -> None:
    settings = Settings(data_dir=data_dir, database_url=database_url)
    clock = ManualClock(START)
    app = await build_app(settings, clock=clock, gate=OpenGate())
    messenger = RecordingMessenger(admins={"coach"})
    app.core.attach(messenger)
    bot = Harness(app, clock, messenger)
    try:
        await _run(bot, rounds)
    finally:
        await bot.app.close()


def _member(n: int) -> str:
    return f"peer{n % MEMBERS}"


async def _run(bot: Harness, rounds: int) -> None:
    for index in range(MEMBERS):
        await bot.join(_member(index))
    await bot.say("coach", "/help")
    counter = Counter(bot.app.engine)
    base = await baseline_ms(bot.app.engine, max(rounds, 100))
    await baseline_ms(bot.app.engine, 20)

    async def help_in_group(n: int) -> None:
        await bot.say(_member(n), "/help")

    async def checkin_by_buttons(n: int) -> None:
        name = _member(n)
        if n % MEMBERS == 0:
            bot.clock.set(bot.clock.now() + timedelta(days=1))
        picker = await bot.say(name, "/checkin")
        ask_note = await bot.press(name, picker[0].button("Doing okay"))
        ask_visibility = await bot.press(name, ask_note[0].button("Skip"))
        done = await bot.press(name, ask_visibility[0].button("The group"))
        assert any("Thanks for checking in" in sent.text for sent in done), "check-in did not finish"

    async def faq_in_direct_message(n: int) -> None:
        name = _member(n)
        chat = ChatRef(bot.messenger.platform, f"dm-{name}", ChatKind.DIRECT, name)
        replies = await bot.say(name, QUESTIONS[n % len(QUESTIONS)], chat=chat)
        assert replies, "the FAQ question got no answer"

    async def faq_by_mention(n: int) -> None:
        replies = await bot.say(_member(n), QUESTIONS[n % len(QUESTIONS)], addressed=True)
        assert replies, "the FAQ question got no answer"

    cards: dict[str, str] = {}

    def _pair(n: int) -> tuple[str, str]:
        """Who supports whose card in round ``n``: every ordered pair once per day."""
        supporter, offset = n % MEMBERS, 1 + (n // MEMBERS) % (MEMBERS - 1)
        return _member(supporter), _member(supporter + offset)

    async def fresh_cards(n: int) -> None:
        """A new day with a new shared check-in card from everyone, every time all pairs were used."""
        if n % (MEMBERS * (MEMBERS - 1)) == 0:
            bot.clock.set(bot.clock.now() + timedelta(days=1))
            for index in range(MEMBERS):
                author = _member(index)
                sent = await bot.say(author, "/checkin 4")
                cards[author] = next(reply for reply in sent if any("ci.sup:" in a for a in reply.actions)).button(
                    "support"
                )

    async def support_a_card(n: int) -> None:
        name, author = _pair(n)
        replies = await bot.press(name, cards[author])
        assert any("ci.sup:" in " ".join(sent.actions) for sent in replies), "the card was not updated"

    async def skill_in_direct_message(n: int) -> None:
        name = _member(n)
        replies = await bot.say(name, "/skill", chat=ChatRef(bot.messenger.platform, f"dm-{name}", ChatKind.DIRECT))
        assert replies, "/skill got no answer"

    await help_in_group(0)  # warm caches (catalog, FAQ index) outside the measurement
    rows = [
        await measure(counter, "/help in the group", rounds, 1, help_in_group),
        await measure(counter, "check-in by buttons (per event)", rounds // 2, 4, checkin_by_buttons),
        await measure(counter, "FAQ question in a DM", rounds, 1, faq_in_direct_message),
        await measure(counter, "FAQ question by @mention in the group", rounds, 1, faq_by_mention),
        await measure(counter, "Send support on a peer's card", rounds, 1, support_a_card, fresh_cards),
        await measure(counter, "/skill in a DM", rounds, 1, skill_in_direct_message),
    ]
    print(f"  {'':38} {'statements':>11} {'transactions':>13} {'ms/event':>10} {'/baseline':>11}")
    print(f"  {'baseline: SELECT 1 in a transaction':38} {1:11.1f} {1:13.2f} {base:10.2f} {1:10.1f}x")
    for row in rows:
        print(row.line(base))


async def with_postgres(rounds: int, data_dir: Path) -> None:
    name = f"iopbot_events_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_async_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except (OSError, TimeoutError) as error:
        print(f"PostgreSQL at {PG_HOST}:{PG_PORT}: skipped ({type(error).__name__})")
        await admin.dispose()
        return
    try:
        print(f"PostgreSQL at {PG_HOST}:{PG_PORT}")
        await run(f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}", data_dir, rounds)
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def main_async(rounds: int, databases: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if "sqlite" in databases:
            print("SQLite (temporary file)")
            await run(f"sqlite+aiosqlite:///{folder}/bot.sqlite3", Path(folder) / "sqlite", rounds)
        if "postgres" in databases:
            await with_postgres(rounds, Path(folder) / "postgres")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--database", action="append", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    asyncio.run(main_async(args.rounds, args.database or ["sqlite", "postgres"]))


if __name__ == "__main__":
    main()
