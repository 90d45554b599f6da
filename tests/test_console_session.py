"""The console's own parsing of typed lines: a command's words may be split by any white space."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.bootstrap import App, build_app
from adapters.console.messenger import ConsoleMessenger
from adapters.console.session import ConsoleSession
from bot.clock import ManualClock
from bot.config import Settings


@pytest.fixture
async def session(tmp_path: Path) -> AsyncIterator[tuple[ConsoleSession, io.StringIO]]:
    clock = ManualClock(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    settings = Settings(data_dir=tmp_path / "data")  # type: ignore[call-arg]
    app: App = await build_app(settings, clock=clock)
    out = io.StringIO()
    messenger = ConsoleMessenger(out, settings.data_dir / "console-files", [])  # type: ignore[arg-type]
    app.core.attach(messenger)
    try:
        yield ConsoleSession(app.core, messenger, clock, out), out  # type: ignore[arg-type]
    finally:
        await app.close()


@pytest.mark.parametrize("separator", [" ", "\t", "  "])
async def test_a_question_after_faq_is_answered_whatever_white_space_separates_it(
    session: tuple[ConsoleSession, io.StringIO], separator: str
) -> None:
    console, out = session
    assert await console.handle_line(f"/faq{separator}how many weeks does iop last")
    reply = out.getvalue()
    assert "don't know the command" not in reply
    assert "week" in reply.lower()


async def test_a_lone_slash_is_a_friendly_unknown_command_not_a_crash(
    session: tuple[ConsoleSession, io.StringIO],
) -> None:
    console, out = session
    assert await console.handle_line("/")
    assert out.getvalue().strip()
