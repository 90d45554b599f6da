"""Graceful shutdown of a real ``iop-bot run`` process: SIGTERM in the middle of a fan-out.

Announcements to many groups are scheduled in the database before the bot starts; the bot
sends them through the real Telegram adapter to the fake Bot API (which answers 429 above
30 messages/s, Telegram's limit). SIGTERM arrives while the fan-out is under way: the
process must exit 0 having finished or handed back everything it held (nothing left
``claimed``, ``sending`` or ``uncertain``), and a restarted process must deliver the rest,
so that every announcement reaches its group exactly once.

Nothing here waits a fixed time: each wait is for a condition with a generous deadline,
and a bot that exits early fails the test at once with its log.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.delivery.ports import Delivery, DeliveryStatus
from bot.domain import ChatKind, ChatRef, Platform
from bot.prompts.recurrence import ScheduleSpec
from storage.crypto import TextCipher, load_or_create_key
from storage.engine import make_engine, make_sessionmaker
from storage.models.delivery import DeliveryRow
from storage.uow import SqlUnitOfWorkFactory
from tests.fakes.telegram_api import FakeTelegramApi

ROOT = Path(__file__).resolve().parent.parent
WAIT = 120.0
#: Telegram's published overall limit; the bot paces itself a little under it (29/s)
TELEGRAM_PER_SECOND = 30


def command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("iop-bot")
    if script.exists():
        return [str(script), "run", *args]
    return [sys.executable, "-m", "adapters.cli", "run", *args]


def environment(fake: FakeTelegramApi, database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    env.update(
        IOPBOT_TELEGRAM_TOKEN=fake.token,
        IOPBOT_TELEGRAM_API_URL=fake.url,
        IOPBOT_DATA_DIR=str(data_dir),
        IOPBOT_DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    log: Path

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


async def start_bot(env: dict[str, str], log: Path, *args: str) -> BotProcess:
    """``iop-bot run`` with its log in a file (a pipe nobody reads could block it)."""
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            *command(*args), env=env, cwd=ROOT, stdout=asyncio.subprocess.DEVNULL, stderr=stderr
        )
    return BotProcess(process, log)


async def until(condition: Callable[[], bool], *bots: BotProcess, what: str) -> None:
    """Wait for ``condition`` (polled), failing fast if a bot process exits first."""
    deadline = asyncio.get_running_loop().time() + WAIT
    while not condition():
        for bot in bots:
            if bot.process.returncode is not None:
                pytest.fail(f"iop-bot exited ({bot.process.returncode}) before {what}:\n{bot.tail()}")
        if asyncio.get_running_loop().time() > deadline:
            pytest.fail(f"no {what} within {WAIT:.0f} s")
        await asyncio.sleep(0.02)


async def terminate(bot: BotProcess) -> int:
    """SIGTERM, then the exit code (killing it and failing if it doesn't stop)."""
    if bot.process.returncode is None:
        bot.process.send_signal(signal.SIGTERM)
    try:
        return await asyncio.wait_for(bot.process.wait(), timeout=WAIT)
    except TimeoutError:
        bot.process.kill()
        await bot.process.wait()
        pytest.fail(f"iop-bot still running {WAIT:.0f} s after SIGTERM:\n{bot.tail()}")


def uow_factory_for(database_url: str, data_dir: Path) -> tuple[SqlUnitOfWorkFactory, object]:
    key, _ = load_or_create_key(None, data_dir)
    engine = make_engine(database_url)
    return SqlUnitOfWorkFactory(make_sessionmaker(engine), TextCipher(key), SystemClock()), engine


async def schedule_announcements(database_url: str, data_dir: Path, count: int) -> list[str]:
    """``count`` Telegram groups, each with a one-off announcement due now (stored the way
    ``/schedule once`` stores it, with its occurrence already handed to the engine)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    uow_factory, engine = uow_factory_for(database_url, data_dir)
    now = datetime.now(UTC)
    texts = [f"Group {n} meets at the library this week" for n in range(count)]
    try:
        async with uow_factory() as uow:
            for n, text in enumerate(texts):
                chat = ChatRef(Platform.TELEGRAM, str(-100_000 - n), ChatKind.GROUP, f"Group {n}")
                group = await uow.groups.add(chat, "UTC", "en")
                spec = ScheduleSpec("once", None, frozenset(), None, now + timedelta(days=365), None, text, None)
                schedule = await uow.schedules.add(group.id, spec, now)
                occurrence = Delivery(
                    f"prompt:{schedule.id}:now", "prompt", now, {"schedule_id": schedule.id}, group.id
                )
                await uow.deliveries.add(occurrence)
            await uow.commit()
    finally:
        await engine.dispose()  # type: ignore[attr-defined]
    return texts


async def delivery_counts(database_url: str, data_dir: Path) -> dict[DeliveryStatus, int]:
    uow_factory, engine = uow_factory_for(database_url, data_dir)
    try:
        async with uow_factory() as uow:
            return await uow.deliveries.counts()
    finally:
        await engine.dispose()  # type: ignore[attr-defined]


async def failed_attempts(database_url: str, data_dir: Path) -> int:
    """Attempts counted against deliveries (a 429 or a hand-back on shutdown counts none)."""
    _, engine = uow_factory_for(database_url, data_dir)
    try:
        async with engine.connect() as connection:  # type: ignore[attr-defined]
            return int(await connection.scalar(select(func.sum(DeliveryRow.attempts))) or 0)
    finally:
        await engine.dispose()  # type: ignore[attr-defined]


def delivered(fake: FakeTelegramApi, texts: list[str]) -> Counter[str]:
    """How often each text arrived (accepted sendMessage calls only)."""
    wanted = set(texts)
    arrived: Counter[str] = Counter()
    for call in fake.calls_to("sendMessage"):
        if not call.ok:
            continue
        text = str(call.params.get("text", ""))
        arrived.update(want for want in wanted if want in text)
    return arrived


def rejected(fake: FakeTelegramApi) -> int:
    return sum(1 for call in fake.calls_to("sendMessage") if call.status == 429)


async def test_sigterm_mid_fan_out_loses_nothing_and_a_restart_sends_nothing_twice(
    database_url: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    texts = await schedule_announcements(database_url, data_dir, 90)
    async with FakeTelegramApi() as fake:
        fake.enforce_rate(TELEGRAM_PER_SECOND)
        env = environment(fake, database_url, data_dir)

        first = await start_bot(env, tmp_path / "first.log")
        await until(lambda: sum(delivered(fake, texts).values()) >= 25, first, what="25 announcements")
        assert await terminate(first) == 0, first.tail()
        sent_before_restart = sum(delivered(fake, texts).values())
        between = await delivery_counts(database_url, data_dir)
        assert sent_before_restart < len(texts), "the fan-out finished before SIGTERM: nothing was tested"
        assert between[DeliveryStatus.CLAIMED] == 0, "claims were not handed back"
        assert between[DeliveryStatus.SENDING] == 0 and between[DeliveryStatus.UNCERTAIN] == 0
        assert between[DeliveryStatus.SENT] == sent_before_restart

        second = await start_bot(env, tmp_path / "second.log")
        await until(lambda: len(delivered(fake, texts)) == len(texts), second, what="every announcement")
        assert await terminate(second) == 0, second.tail()

        arrived = delivered(fake, texts)
        assert sorted(arrived) == sorted(texts)
        assert set(arrived.values()) == {1}, "an announcement arrived twice"
        assert rejected(fake) == 0
    final = await delivery_counts(database_url, data_dir)
    assert final[DeliveryStatus.UNCERTAIN] == 0
    # Sends tried before the adapter could send failed and waited out a 30 s backoff
    assert await failed_attempts(database_url, data_dir) == 0, "a delivery failed and was retried"
    logs = first.tail() + second.tail()
    assert fake.token not in logs and "library" not in logs
    print(f"SIGTERM after {sent_before_restart} of {len(texts)}; the restart delivered the rest, none twice")
