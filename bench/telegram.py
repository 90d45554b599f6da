"""Telegram: updates per second through the whole bot against the fake Bot API, vs an echo bot.

Run from the repository root: ``.venv/bin/python bench/telegram.py [--count 5000] [--concurrency 40]``

Both bots run real python-telegram-bot (long polling) against the same in-process
``FakeTelegramApi`` on 127.0.0.1, each in its own child process so peak memory (max RSS, fake
included) is per bot:

- ``floor``: a minimal PTB echo bot: every text is echoed with sendMessage, every button
  press answered. The cost of PTB plus the fake. It uses PTB's default HTTP transport
  (httpx); ``--floor-request aiohttp`` gives it the bot's own transport
  (``adapters.telegram.http.AiohttpRequest``), the floor for an adapter on that transport.
- ``bot``: iop-peer-bot built by the composition root (SQLite in a temporary folder, or
  ``--database-url``), served by ``adapters.telegram.runner.serve``, with the send gate open
  so the number measures adapter + core + storage, not Telegram's flood limits. People in 10
  groups act out a realistic mix: /start in a DM, /join in the group and the consent button,
  /checkin by buttons (mood, skip the note, share with the group; later rounds update the
  card with editMessageText), "Send support" on the group's latest card (a live counter edit,
  or a pop-up on one's own card), FAQ questions in a DM and by @mention in the group, /skill,
  /help in the group.

Each simulated person sends an update, waits until the bot has fully handled it (an observer
handler after the adapter's), reads the reply for the next button, and goes on; ``--concurrency``
people are active at once so the bot's queue never runs dry. The goal is ``bot/floor <= 1.5``
in seconds per update. ``--rounds N`` alternates the two phases N times and prints the median
ratio, so a change in the machine's load between phases can't decide the result alone. The
CPU time per update (the process's, all threads, during the timed part) and the Bot API calls
per update are printed to explain the ratio, not as the goal.

Instruction counts, which the noisy clock of a shared machine can't spoil: run one phase under
callgrind with ``--callgrind`` (only the timed updates are counted; see bench/callgrind.py) and
divide valgrind's ``Collected`` by the phase's count::

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.bot \
        .venv/bin/python bench/telegram.py --phase bot --count 1000 --callgrind
"""

from __future__ import annotations

import argparse
import asyncio
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
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
# This file is called telegram.py: keep its folder off the path so ``import telegram`` finds the library.
sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest  # noqa: E402

from adapters.bootstrap import build_app  # noqa: E402
from adapters.telegram.http import AiohttpRequest  # noqa: E402
from adapters.telegram.runner import serve  # noqa: E402
from bench.callgrind import measured  # noqa: E402
from bench.mix import QUESTIONS  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.outbox import OpenGate  # noqa: E402
from tests.fakes.telegram_api import Call, FakeTelegramApi  # noqa: E402

GROUPS = 10
CALLGRIND = False  # --callgrind sets it
FLOOR_REQUESTS = {"httpx": "PTB's default", "aiohttp": "the bot's transport"}
GOAL_RATIO = 1.5
COACH = 9_000
TelegramApp = Application[Any, Any, Any, Any, Any, Any]


class Observer:
    """Knows when each update was fully handled: a handler in a later group than the bot's."""

    def __init__(self) -> None:
        self._done: dict[int, asyncio.Event] = {}

    def install(self, application: TelegramApp) -> None:
        application.add_handler(TypeHandler(Update, self._record), group=1)

    async def _record(self, update: Update, _context: object) -> None:
        self._event(update.update_id).set()

    def _event(self, update_id: int) -> asyncio.Event:
        return self._done.setdefault(update_id, asyncio.Event())

    async def wait(self, update_id: int) -> None:
        await asyncio.wait_for(self._event(update_id).wait(), 120)


class Replies:
    """The latest message the bot sent to each chat, read incrementally from the fake's calls."""

    def __init__(self, fake: FakeTelegramApi) -> None:
        self._fake = fake
        self._seen = 0
        self.latest: dict[int, Call] = {}
        self.cards: dict[int, deque[Call]] = defaultdict(lambda: deque(maxlen=8))
        self.failures = 0

    def refresh(self) -> None:
        calls = self._fake.calls
        for call in calls[self._seen :]:
            if call.method == "getUpdates":
                continue
            if not call.ok:
                self.failures += 1
            elif call.method in {"sendMessage", "sendPhoto"}:
                chat_id = int(call.params["chat_id"])
                self.latest[chat_id] = call
                if "Send support" in json.dumps(call.params.get("reply_markup") or {}):
                    self.cards[chat_id].append(call)
        self._seen = len(calls)

    def button(self, chat_id: int, label_part: str) -> tuple[dict[str, Any], str] | None:
        """(message, callback data) of a button on the latest message in a chat."""
        self.refresh()
        call = self.latest.get(chat_id)
        return _find(call, label_part) if call is not None else None

    def peer_card(self, chat_id: int, author: str) -> tuple[dict[str, Any], str] | None:
        """The "Send support" button on the newest check-in card in a group not written by ``author``."""
        self.refresh()
        for call in reversed(self.cards.get(chat_id, ())):
            if author not in str(call.result.get("text", "")):
                return _find(call, "Send support")
        return None


def _find(call: Call, label_part: str) -> tuple[dict[str, Any], str] | None:
    markup = call.params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if label_part.lower() in button["text"].lower():
                return call.result, button["callback_data"]
    return None


class Person:
    """One simulated member: a user id, a group, and what they have done so far."""

    def __init__(self, index: int, fake: FakeTelegramApi, observer: Observer, replies: Replies) -> None:
        self.user_id = 10_000 + index
        self.group = -1_001_000_000_000 - index % GROUPS
        self.name = f"Peer{index:04d}"
        self._fake = fake
        self._observer = observer
        self._replies = replies
        self.sent = 0

    async def _push(self, update: dict[str, Any]) -> None:
        self.sent += 1
        await self._observer.wait(int(update["update_id"]))

    async def say(self, chat_id: int, text: str) -> None:
        chat_type = "private" if chat_id > 0 else "supergroup"
        update = self._fake.push_message(
            chat_id, text, user_id=self.user_id, first_name=self.name, chat_type=chat_type, title=f"IOP {chat_id}"
        )
        await self._push(update)

    async def support(self) -> bool:
        """Press "Send support" on a peer's latest check-in card in the group."""
        return await self._press(self._replies.peer_card(self.group, self.name))

    async def press(self, chat_id: int, label_part: str) -> bool:
        return await self._press(self._replies.button(chat_id, label_part))

    async def _press(self, found: tuple[dict[str, Any], str] | None) -> bool:
        if found is None:
            return False
        message, data = found
        await self._push(self._fake.push_callback_query(message, data, user_id=self.user_id, first_name=self.name))
        return True


MOODS = ("Doing okay", "Doing well", "Getting by")


async def act(person: Person, quota: int) -> None:
    """A realistic day, repeated: check in by buttons, support a peer's card, ask, practise, look up help."""
    dm, group = person.user_id, person.group
    await person.say(dm, "/start")
    await person.say(group, "/join")
    await person.press(dm, "I agree")
    for n in itertools.count():
        if person.sent >= quota:
            return
        await person.say(group, "/checkin")
        if await person.press(dm, MOODS[n % len(MOODS)]) and await person.press(dm, "Skip"):
            await person.press(dm, "The group")
        await person.support()
        await person.say(dm, QUESTIONS[n % len(QUESTIONS)])
        await person.say(dm, "/skill")
        await person.say(group, "/help")
        await person.say(group, f"@iop_test_bot {QUESTIONS[(n + 2) % len(QUESTIONS)]}")


def request(transport: str) -> HTTPXRequest | AiohttpRequest:
    """The floor's HTTP transport: PTB's default (httpx), or the bot's (aiohttp)."""
    if transport == "aiohttp":
        return AiohttpRequest(connection_pool_size=64, trust_env=False)
    return HTTPXRequest(connection_pool_size=64, httpx_kwargs={"trust_env": False})


async def wait_polling(fake: FakeTelegramApi) -> None:
    async with asyncio.timeout(60):
        while fake.polls_started == 0:
            await asyncio.sleep(0.01)


async def drive_floor(fake: FakeTelegramApi, observer: Observer, count: int, concurrency: int) -> tuple[float, float]:
    """Echo-bot traffic of the same shape: texts in DMs and groups, and button presses."""
    replies = Replies(fake)
    people = [Person(index, fake, observer, replies) for index in range(concurrency)]
    per_person = -(-count // concurrency)

    async def one(person: Person) -> None:
        for n in range(per_person):
            if n % 4 == 3 and await person.press(person.user_id, "echo"):
                continue
            await person.say(person.user_id if n % 2 == 0 else person.group, QUESTIONS[n % len(QUESTIONS)])

    with measured(CALLGRIND):
        started, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(person) for person in people))
        return time.perf_counter() - started, time.process_time() - cpu


async def run_floor(count: int, concurrency: int, transport: str = "httpx") -> dict[str, float]:
    async with FakeTelegramApi() as fake:
        application = (
            ApplicationBuilder()
            .token(fake.token)
            .base_url(f"{fake.url}/bot")
            .base_file_url(f"{fake.url}/file/bot")
            .request(request(transport))
            .get_updates_request(request(transport))
            .job_queue(None)
            .build()
        )

        async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            from telegram import InlineKeyboardButton, InlineKeyboardMarkup

            message = update.effective_message
            if message is not None and message.text:
                markup = InlineKeyboardMarkup([[InlineKeyboardButton("echo", callback_data="echo")]])
                await message.reply_text(message.text, reply_markup=markup)

        async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.callback_query is not None:
                await update.callback_query.answer()

        application.add_handler(MessageHandler(filters.TEXT, echo))
        application.add_handler(CallbackQueryHandler(answer))
        observer = Observer()
        observer.install(application)
        for index in range(concurrency):
            fake.mark_started(10_000 + index)
        async with application:
            await application.updater.start_polling(timeout=10)  # type: ignore[union-attr]
            await application.start()
            await wait_polling(fake)
            seconds, cpu = await drive_floor(fake, observer, count, concurrency)
            handled = sum(1 for call in fake.calls if call.method == "sendMessage" and call.ok)
            await application.updater.stop()  # type: ignore[union-attr]
            await application.stop()
    return {"seconds": seconds, "cpu_seconds": cpu, "count": count, "replies": handled}


async def run_bot(count: int, concurrency: int, database_url: str | None) -> dict[str, float]:
    async with FakeTelegramApi() as fake:
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(
                data_dir=Path(folder),
                database_url=database_url,
                telegram_token=fake.token,  # type: ignore[arg-type]
                telegram_api_url=fake.url,
            )
            app = await build_app(settings, gate=OpenGate())
            observer = Observer()
            stop = asyncio.Event()
            task = asyncio.create_task(serve(app, stop, ready=observer.install))
            replies = Replies(fake)
            people = [Person(index, fake, observer, replies) for index in range(max(concurrency, GROUPS * 2))]
            for person in people:
                fake.mark_started(person.user_id)
            for group in {person.group for person in people}:
                fake.set_admins(group, [{"id": COACH, "first_name": "Coach"}])
            await wait_polling(fake)
            quota = -(-count // len(people))
            gate = asyncio.Semaphore(concurrency)

            async def one(person: Person) -> None:
                async with gate:
                    await act(person, quota)

            with measured(CALLGRIND):
                started, cpu = time.perf_counter(), time.process_time()
                await asyncio.gather(*(one(person) for person in people))
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            replies.refresh()
            sent_count = sum(person.sent for person in people)
            calls = {
                method: sum(1 for call in fake.calls if call.method == method and call.ok)
                for method in ("sendMessage", "editMessageText", "answerCallbackQuery")
            }
            stop.set()
            await task
            await app.close()
    return {"seconds": seconds, "cpu_seconds": cpu, "count": sent_count, "failures": replies.failures, **calls}


def child(
    phase: str, count: int, concurrency: int, database_url: str | None, floor_request: str = "httpx"
) -> dict[str, float]:
    """Run one phase in a fresh interpreter (its own peak memory)."""
    command = [sys.executable, __file__, "--phase", phase, "--count", str(count), "--concurrency", str(concurrency)]
    command += ["--floor-request", floor_request]
    if database_url:
        command += ["--database-url", database_url]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=ROOT).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def phase_main(phase: str, count: int, concurrency: int, database_url: str | None, floor_request: str) -> None:
    logging.disable(logging.CRITICAL)
    if phase == "floor":
        result = asyncio.run(run_floor(count, concurrency, floor_request))
    else:
        result = asyncio.run(run_bot(count, concurrency, database_url))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def report(count: int, concurrency: int, database_url: str | None, rounds: int, floor_request: str) -> None:
    """Floor and bot phases alternate ``rounds`` times, so a change in the machine's load hits both."""
    where = "SQLite (temporary file)" if not database_url else database_url.split("@")[-1]
    print(f"updates through real python-telegram-bot and the fake, {concurrency} people at once; database: {where}")
    print(f"HTTP transport: floor {floor_request} ({FLOOR_REQUESTS[floor_request]}), bot aiohttp (the adapter's own)")
    ratios = []
    for number in range(1, rounds + 1):
        floor = child("floor", count, concurrency, None, floor_request)
        bot = child("bot", count, concurrency, database_url)
        if rounds > 1:
            print(f"round {number} of {rounds}")
        ratios.append(print_round(floor, bot))
    if rounds > 1:
        print(f"median ratio over {rounds} rounds: {statistics.median(ratios):.2f}x (goal {GOAL_RATIO}x)")


def print_round(floor: dict[str, float], bot: dict[str, float]) -> float:
    """Print one floor/bot pair; returns the wall-clock ratio (the goal's measure)."""
    print(f"{'':40} {'updates':>8} {'seconds':>8} {'per second':>11} {'CPU ms/update':>14} {'peak RSS MB':>12}")
    rows = (("floor: PTB echo bot", floor), ("bot: realistic mix, send gate open", bot))
    for label, row in rows:
        rate = row["count"] / row["seconds"]
        cpu_ms = row["cpu_seconds"] * 1000 / row["count"]
        print(
            f"{label:40} {int(row['count']):8d} {row['seconds']:8.2f} {rate:11.1f} {cpu_ms:14.2f} "
            f"{row['peak_rss_mb']:12.1f}"
        )
    ratio = (bot["seconds"] / bot["count"]) / (floor["seconds"] / floor["count"])
    cpu_ratio = (bot["cpu_seconds"] / bot["count"]) / (floor["cpu_seconds"] / floor["count"])
    verdict = "within" if ratio <= GOAL_RATIO else "OVER"
    print(f"ratio bot/floor (seconds per update): {ratio:.2f}x ({verdict} the {GOAL_RATIO}x goal)")
    calls = bot["sendMessage"] + bot["editMessageText"] + bot["answerCallbackQuery"]
    print(
        f"  for explanation only: CPU time per update (this process, all threads) {cpu_ratio:.2f}x; "
        f"Bot API calls per update: bot {calls / bot['count']:.2f}, floor 1.00"
    )
    print(
        f"bot calls: sendMessage {int(bot['sendMessage'])}, editMessageText {int(bot['editMessageText'])}, "
        f"answerCallbackQuery {int(bot['answerCallbackQuery'])}; refused calls: {int(bot['failures'])}"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=40)
    parser.add_argument("--phase", choices=["floor", "bot"])
    parser.add_argument("--database-url", help="a migrated, empty database (default: temporary SQLite)")
    parser.add_argument("--rounds", type=int, default=1, help="floor/bot pairs, alternating (median ratio)")
    parser.add_argument(
        "--floor-request",
        choices=sorted(FLOOR_REQUESTS),
        default="httpx",
        help="the echo bot's HTTP transport: PTB's default (httpx, the goal's floor) or the bot's own (aiohttp)",
    )
    parser.add_argument(
        "--callgrind",
        action="store_true",
        help="with --phase, under valgrind --tool=callgrind --instr-atstart=no: count only the timed updates",
    )
    args = parser.parse_args()
    global CALLGRIND
    CALLGRIND = args.callgrind
    if args.phase:
        phase_main(args.phase, args.count, args.concurrency, args.database_url, args.floor_request)
    else:
        report(args.count, args.concurrency, args.database_url, args.rounds, args.floor_request)


if __name__ == "__main__":
    main()
