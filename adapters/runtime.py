"""``iop-bot run``: start every adapter that has a token, plus the tick loop for due work.

Roles (for several processes on one PostgreSQL database):
- ``all`` (default): take platform updates and run the delivery engine;
- ``updates``: take platform updates only;
- ``delivery``: run the delivery engine only (platform clients send, but take no updates).
  With ``IOPBOT_DELIVERY_PROCESSES=N`` each delivery process paces its sends at 1/N of every
  platform's budget, so N of them together stay within it.

Each platform module exposes ``serve(app, stop, *, receive_updates)``, which attaches its
Messenger to the core, runs until ``stop`` is set, then shuts down cleanly.

Graceful shutdown on SIGTERM or SIGINT, in this order:

1. stop taking updates (Telegram: polling or the webhook stops at once, updates already
   fetched are still handled; Discord: its gateway closes in step 3);
2. the delivery engine starts nothing new, lets the sends in flight finish and be marked
   sent, and hands back what it had claimed but not started (``release_claims``) - within
   ``SHUTDOWN_GRACE_SECONDS``, after which what is still in flight is left to the lease
   (marked uncertain, never resent);
3. the platform clients close (only now: in-flight sends still needed them);
4. the metrics server stops and the database connections close. Exit code 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from adapters.bootstrap import App, build_app
from bot.config import Settings
from bot.core import Core
from bot.delivery.engine import DeliveryEngine
from bot.delivery.ratelimit import RateLimiter

if TYPE_CHECKING:
    from telegram.ext import Application

log = logging.getLogger(__name__)

IDLE_TICK_SECONDS = 30.0
#: how long in-flight deliveries may take to finish on shutdown
SHUTDOWN_GRACE_SECONDS = 20.0

ROLES = ("all", "updates", "delivery")


def send_share(settings: Settings, role: str) -> float:
    """The part of each platform's rate budget this process may use.

    A ``delivery`` process gets ``1 / IOPBOT_DELIVERY_PROCESSES``; ``all`` and ``updates``
    the whole budget (an ``all`` process is the only sender; an ``updates`` process only
    answers people, and those replies go ahead of scheduled traffic anyway).
    """
    return 1.0 / settings.delivery_processes if role == "delivery" else 1.0


async def run_bot(settings: Settings, *, role: str = "all") -> int:
    """Start the configured adapters; with no token at all, say so and start the console."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if settings.telegram_token is None and settings.discord_token is None:
        print("No IOPBOT_TELEGRAM_TOKEN or IOPBOT_DISCORD_TOKEN set: starting the local console.", file=sys.stderr)
        from adapters.console.app import run_console

        return await run_console(settings)
    app = await build_app(settings, gate=RateLimiter(share=send_share(settings, role)))
    stop = asyncio.Event()  # a signal (or a failed adapter) asks to stop
    close_adapters = asyncio.Event()  # set once deliveries are finished or handed back
    _stop_on_signals(stop)
    receive = role in {"all", "updates"}
    delivers = role in {"all", "delivery"}
    adapters: list[asyncio.Task[None]] = []
    telegram: list[Application[Any, Any, Any, Any, Any, Any]] = []
    able_to_send = _Countdown()  # every adapter's messenger is attached and can send
    ticker: asyncio.Task[None] | None = None
    metrics_runner = None
    failed = False
    try:
        if settings.metrics_port is not None:
            from adapters.metrics import start_metrics_server

            metrics_runner = await start_metrics_server(app.core.metrics, settings.metrics_port)
        if settings.telegram_token is not None:
            from adapters.telegram.runner import serve as serve_telegram

            def telegram_ready(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
                telegram.append(application)
                able_to_send.done()

            able_to_send.expect()
            serving = serve_telegram(app, close_adapters, receive_updates=receive, ready=telegram_ready)
            adapters.append(asyncio.create_task(serving, name="telegram"))
        if settings.discord_token is not None:
            from adapters.discord.runner import serve as serve_discord

            able_to_send.expect()
            serving = serve_discord(app, close_adapters, receive_updates=receive, ready=able_to_send.done)
            adapters.append(asyncio.create_task(serving, name="discord"))
        if delivers:
            ticker = asyncio.create_task(tick_forever(app.core, stop, after=able_to_send), name="ticker")
        _freeze_start_up_heap()
        log.info("bot running", extra={"role": role, "adapters": len(adapters)})
        failed = await _until_stopped(stop, [*adapters, *([ticker] if ticker else [])])
        stop.set()
        await _stop_receiving(telegram)
        if ticker is not None:
            await _finish_deliveries(app, ticker)
        close_adapters.set()
        await asyncio.gather(*adapters, return_exceptions=True)
        return 1 if failed else 0
    finally:
        stop.set()
        close_adapters.set()
        for task in [*adapters, *([ticker] if ticker else [])]:
            if not task.done():
                task.cancel()
        if metrics_runner is not None:
            await metrics_runner.cleanup()
        await app.close()
        log.info("bot stopped")


def _freeze_start_up_heap() -> None:
    """Keep what start-up built (modules, catalog, indexes) out of every later collection.

    Those objects live as long as the process, yet each full collection walks them all: with
    the platform libraries loaded that is a 50-120 ms pause, enough to stall a fan-out and
    bunch the sends after it. Frozen, a full collection walks only what was made since.
    """
    gc.collect()
    gc.freeze()


async def _until_stopped(stop: asyncio.Event, tasks: list[asyncio.Task[None]]) -> bool:
    """Wait for a stop signal or for a task to end on its own; True if one failed."""
    waiter = asyncio.create_task(stop.wait(), name="stop-signal")
    try:
        done, _ = await asyncio.wait({waiter, *tasks}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
    failed = False
    for task in done - {waiter}:
        if not task.cancelled() and task.exception() is not None:
            log.error("adapter stopped with an error", exc_info=task.exception(), extra={"task": task.get_name()})
            failed = True
    if waiter not in done:
        log.info("stopping: a task ended", extra={"task": next(iter(done)).get_name()})
    else:
        log.info("stopping: signal received")
    return failed


async def _stop_receiving(applications: list[Application[Any, Any, Any, Any, Any, Any]]) -> None:
    """Step 1: no new Telegram updates (the bot client stays open for in-flight sends)."""
    for application in applications:
        try:
            updater = application.updater
            if updater is not None and updater.running:
                await updater.stop()
            if application.running:
                await application.stop()
        except Exception:
            log.exception("could not stop taking Telegram updates")


async def _finish_deliveries(app: App, ticker: asyncio.Task[None]) -> None:
    """Step 2: in-flight sends finish, nothing new starts, claims go back."""
    delivery = app.features.get("delivery")
    if isinstance(delivery, DeliveryEngine):
        delivery.stop()
    done, _ = await asyncio.wait({ticker}, timeout=SHUTDOWN_GRACE_SECONDS)
    if not done:
        log.warning("deliveries still in flight at shutdown left to the lease")
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
    if isinstance(delivery, DeliveryEngine):
        try:
            await delivery.release_claims()
        except Exception:
            log.exception("could not hand back claimed deliveries (the lease will)")


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)


class _Countdown:
    """Set once every expected party has said it is done (at once if none is expected)."""

    def __init__(self) -> None:
        self._waiting = 0
        self._event = asyncio.Event()
        self._event.set()

    def expect(self) -> None:
        self._waiting += 1
        self._event.clear()

    def done(self) -> None:
        self._waiting -= 1
        if self._waiting <= 0:
            self._event.set()

    async def wait(self) -> None:
        await self._event.wait()


async def tick_forever(core: Core, stop: asyncio.Event, *, after: _Countdown | None = None) -> None:
    """Run due work, then sleep until the next due moment (at most IDLE_TICK_SECONDS).

    The first run waits for ``after`` (every adapter able to send): deliveries due at start
    tried before that would find no messenger, fail, and wait out a retry backoff.
    """
    if after is not None and not await _first_of(after.wait(), stop.wait()):
        return
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


async def _first_of(wanted: Awaitable[object], stopped: Awaitable[object]) -> bool:
    """Await ``wanted`` unless ``stopped`` comes first; True if ``wanted`` did."""
    want = asyncio.ensure_future(wanted)
    stop = asyncio.ensure_future(stopped)
    try:
        done, _ = await asyncio.wait({want, stop}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        want.cancel()
        stop.cancel()
    return want in done
