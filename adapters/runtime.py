"""``iop-bot run``: start every adapter that has a token, plus the tick loop for due work.

Roles (for several processes on one PostgreSQL database):
- ``all`` (default): take platform updates and run the delivery engine;
- ``updates``: take platform updates only;
- ``delivery``: run the delivery engine only (platform clients send, but take no updates).

Each platform module exposes ``serve(app, stop, *, receive_updates)``, which attaches its
Messenger to the core, runs until ``stop`` is set, then shuts down cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable

from adapters.bootstrap import App, build_app
from bot.config import Settings
from bot.core import Core

log = logging.getLogger(__name__)

IDLE_TICK_SECONDS = 30.0

Serve = Callable[[App, asyncio.Event], Awaitable[None]]


async def run_bot(settings: Settings, *, role: str = "all") -> int:
    """Start the configured adapters; with no token at all, say so and start the console."""
    if settings.telegram_token is None and settings.discord_token is None:
        print("No IOPBOT_TELEGRAM_TOKEN or IOPBOT_DISCORD_TOKEN set: starting the local console.", file=sys.stderr)
        from adapters.console.app import run_console

        return await run_console(settings)
    app = await build_app(settings)
    stop = asyncio.Event()
    _stop_on_signals(stop)
    receive = role in {"all", "updates"}
    tasks: list[asyncio.Task[None]] = []
    metrics_runner = None
    try:
        if settings.metrics_port is not None:
            from adapters.metrics import start_metrics_server

            metrics_runner = await start_metrics_server(app.core.metrics, settings.metrics_port)
        if settings.telegram_token is not None:
            from adapters.telegram.runner import serve as serve_telegram

            tasks.append(asyncio.create_task(serve_telegram(app, stop, receive_updates=receive), name="telegram"))
        if settings.discord_token is not None:
            from adapters.discord.runner import serve as serve_discord

            tasks.append(asyncio.create_task(serve_discord(app, stop, receive_updates=receive), name="discord"))
        if role in {"all", "delivery"}:
            tasks.append(asyncio.create_task(tick_forever(app.core, stop), name="ticker"))
        log.info("bot running", extra={"role": role, "adapters": len(tasks)})
        done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                log.error("adapter stopped with an error", exc_info=task.exception(), extra={"task": task.get_name()})
                return 1
        return 0
    finally:
        stop.set()
        if metrics_runner is not None:
            await metrics_runner.cleanup()
        await app.close()
        log.info("bot stopped")


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)


async def tick_forever(core: Core, stop: asyncio.Event) -> None:
    """Run due work, then sleep until the next due moment (at most IDLE_TICK_SECONDS)."""
    while not stop.is_set():
        try:
            await core.tick()
            due = await core.next_due()
        except Exception:
            log.exception("tick failed")
            due = None
        wait = IDLE_TICK_SECONDS
        if due is not None:
            wait = min(wait, max(0.05, (due - core.clock.now()).total_seconds()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=wait)
