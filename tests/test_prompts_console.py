"""Issue 4's "done when", typed into the console: a facilitator schedules a daily prompt and
a one-off announcement, ``/clock +1d`` delivers each once at the right local time, and a
member presses "I tried it".

The console is the real one (``ConsoleSession`` and ``ConsoleMessenger`` over the real
bootstrap and database); only its output is captured, each write stamped with the virtual
clock, which is how the test knows *when* something was delivered.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from adapters.bootstrap import App, build_app
from adapters.console.app import FACILITATOR
from adapters.console.messenger import ConsoleMessenger
from adapters.console.session import ConsoleSession
from bot.clock import ManualClock
from bot.config import Settings

BERLIN = ZoneInfo("Europe/Berlin")
#: Monday 23 November 2026, 10:00 UTC (11:00 in Berlin, UTC+1 in winter)
START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ANNOUNCEMENT = "Group moves to 5pm this week"


@dataclass
class StampedOutput:
    """A text stream that remembers the virtual time of every write."""

    clock: ManualClock
    writes: list[tuple[datetime, str]] = field(default_factory=list)

    def write(self, text: str) -> int:
        self.writes.append((self.clock.now(), text))
        return len(text)

    def flush(self) -> None:
        return None

    def since(self, mark: int) -> str:
        return "".join(text for _, text in self.writes[mark:])

    def when(self, needle: str, *, since: int = 0) -> list[datetime]:
        """The virtual times at which a group message containing ``needle`` was printed."""
        return [at for at, text in self.writes[since:] if needle in text and "#demo-group" in text]


@dataclass
class Console:
    session: ConsoleSession
    out: StampedOutput
    app: App

    async def type(self, *lines: str) -> str:
        mark = len(self.out.writes)
        for line in lines:
            assert await self.session.handle_line(line)
        return self.out.since(mark)


@pytest.fixture
async def console(database_url: str, tmp_path: Path) -> AsyncIterator[Console]:
    clock = ManualClock(START)
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url)  # type: ignore[call-arg]
    app = await build_app(settings, clock=clock)
    out = StampedOutput(clock)
    messenger = ConsoleMessenger(out, settings.data_dir / "console-files", [FACILITATOR])  # type: ignore[arg-type]
    app.core.attach(messenger)
    try:
        yield Console(ConsoleSession(app.core, messenger, clock, out), out, app)  # type: ignore[arg-type]
    finally:
        await app.close()


def button(output: str, label: str) -> str:
    """The console line that presses the last button printed with ``label``."""
    found = re.findall(rf"\[(!\d+)\] {re.escape(label)}", output)
    assert found, f"no {label!r} button in:\n{output}"
    return str(found[-1])


async def test_a_daily_prompt_and_an_announcement_arrive_once_at_local_time_and_a_member_tries_the_skill(
    console: Console,
) -> None:
    joined = await console.type("/start", "/join")
    await console.type(button(joined, "I agree"))

    setup = await console.type(
        f"/as {FACILITATOR}",
        "/timezone Europe/Berlin",
        "/schedule daily 09:00",
        f"/schedule once 2026-11-23 17:00 {ANNOUNCEMENT}",
    )
    assert "Scheduled #1" in setup and "Scheduled #2" in setup

    mark = len(console.out.writes)
    day_one = await console.type("/clock +1d")
    announced = console.out.when(ANNOUNCEMENT, since=mark)
    prompted = console.out.when("Today's coping skill", since=mark)
    assert [at.astimezone(BERLIN).replace(tzinfo=None) for at in announced] == [datetime(2026, 11, 23, 17, 0)]
    assert [at.astimezone(BERLIN).replace(tzinfo=None) for at in prompted] == [datetime(2026, 11, 24, 9, 0)]
    assert day_one.count(ANNOUNCEMENT) == 1 and day_one.count("Today's coping skill") == 1

    pressed = await console.type("/as alice", button(day_one, "I tried it"))
    assert "only Alice sees this" in pressed and "Thanks for trying it, Alice" in pressed
    stats = await console.type(f"/as {FACILITATOR}", "/skills stats")
    assert "sent 1×, tried by 1, helped 0" in stats and "In total: 1 tried" in stats

    mark = len(console.out.writes)
    day_two = await console.type("/clock +1d")
    assert ANNOUNCEMENT not in day_two  # a one-off goes out once
    prompted = console.out.when("Today's coping skill", since=mark)
    assert [at.astimezone(BERLIN).replace(tzinfo=None) for at in prompted] == [datetime(2026, 11, 25, 9, 0)]
