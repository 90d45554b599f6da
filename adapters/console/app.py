"""Runs the console chat: interactive in a terminal, or replaying a script from stdin."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from adapters.bootstrap import build_app
from adapters.console.messenger import ConsoleMessenger
from adapters.console.session import CONSOLE_HELP, ConsoleSession
from bot.clock import ManualClock
from bot.config import Settings

FACILITATOR = "coach"

WELCOME = """iop-peer-bot console: you are Alice, a member of the demo group; Coach is its facilitator.
{help}
Try /start, /join, /help, /checkin."""


async def run_console(settings: Settings, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """Chat with the bot in the terminal; with piped input, replay it line by line."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    clock = ManualClock()
    app = await build_app(settings, clock=clock)
    messenger = ConsoleMessenger(out, settings.data_dir / "console-files", [FACILITATOR])
    app.core.attach(messenger)
    session = ConsoleSession(app.core, messenger, clock, out)
    interactive = stdin.isatty()
    out.write(WELCOME.format(help=CONSOLE_HELP) + "\n")
    try:
        while True:
            if interactive:
                line = await asyncio.to_thread(_read_interactive, session.prompt)
            else:
                line = stdin.readline()
                if line:
                    out.write(f"\n{session.prompt}{line.rstrip()}\n")
            if not line:
                break
            if not await session.handle_line(line):
                break
            out.flush()
    finally:
        await app.close()
    return 0


def _read_interactive(prompt: str) -> str:
    try:
        return input(prompt) + "\n"
    except EOFError:
        return ""
