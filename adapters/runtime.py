"""``iop-bot run``: start every adapter that has a token, plus the tick loop for due work."""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.config import Settings
from bot.core import Core

log = logging.getLogger(__name__)

IDLE_TICK_SECONDS = 30.0


async def run_bot(settings: Settings, *, role: str = "all") -> int:
    """Start the configured adapters; with no token at all, say so and start the console."""
    if settings.telegram_token is None and settings.discord_token is None:
        print("No IOPBOT_TELEGRAM_TOKEN or IOPBOT_DISCORD_TOKEN set: starting the local console.", file=sys.stderr)
        from adapters.console.app import run_console

        return await run_console(settings)
    print("Platform adapters are not available in this build yet.", file=sys.stderr)
    return 1


async def tick_forever(core: Core, stop: asyncio.Event) -> None:
    """Run due work, then sleep until the next due moment (at most IDLE_TICK_SECONDS)."""
    while not stop.is_set():
        await core.tick()
        due = await core.next_due()
        wait = IDLE_TICK_SECONDS
        if due is not None:
            wait = min(wait, max(0.05, (due - core.clock.now()).total_seconds()))
        try:
            await asyncio.wait_for(stop.wait(), timeout=wait)
        except TimeoutError:
            continue
