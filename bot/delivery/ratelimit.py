"""Per-platform pacing of outgoing messages: the :class:`bot.outbox.SendGate` the bot runs with.

Each platform has an overall budget and a per-chat budget, each a token bucket in GCRA form
(a rate and a burst). A send waits for its chat's bucket, then for the platform's; within a
bucket, waiters are served in priority order, so crisis and interactive replies
(``urgent=True``) go ahead of every scheduled message already queued, and otherwise first
come, first served. When the platform answers 429 anyway, :meth:`RateLimiter.penalize`
holds every send on that platform until ``retry_after`` has passed.

Default budgets (``/work/shared/research/safety-content-limits.md`` section 5; the exact
limits are not published, so they sit a little under the documented numbers):

* Telegram: 28 messages/s overall, evenly spaced (no burst: no second ever holds more than
  29, even as a fan-out starts, under the 30/s a strict counter allows); a group chat
  (negative chat id) 15 per minute with a burst of 5 - at most 20 in any minute; a direct
  chat 1 per second with a burst of 3.
* Discord: 45 requests/s overall (the global limit is 50); a channel 0.4/s with a burst of 3
  - at most 5 in any 5 seconds. Answers to interactions (slash commands, buttons, forms) use
  interaction endpoints, which neither limit covers, so they wait only for a 429 penalty: a
  busy server's commands are not held to 45 a second.
* The console: no limits.

Several delivery processes sharing one bot token should each get ``share=1/n`` of the
budget (``IOPBOT_DELIVERY_PROCESSES=n``): rate and burst are both divided, so n processes
together send at most what one would. Time comes from an injected monotonic clock and sleep, so tests need not sleep.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace

from bot.domain import Platform

Monotonic = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

URGENT, SCHEDULED = 0, 1
_PRUNE_EVERY = 1024


@dataclass(frozen=True, slots=True)
class Pace:
    """``per_second`` sustained, and up to ``burst`` messages at once after a quiet spell."""

    per_second: float
    burst: float = 1.0

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("a pace needs a positive rate and a burst of at least 1")

    def scaled(self, share: float) -> Pace:
        """This pace divided between processes: the rate and the burst (never below one)."""
        return Pace(self.per_second * share, max(1.0, self.burst * share))


def _telegram_group(chat_key: str) -> bool:
    return chat_key.startswith("-")


def _always_group(chat_key: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class PlatformLimits:
    """One platform's budgets; ``None`` means unlimited at that level."""

    overall: Pace | None
    group_chat: Pace | None
    direct_chat: Pace | None
    #: tells a group chat's key from a direct chat's (Telegram: negative ids are groups)
    is_group: Callable[[str], bool] = _always_group
    #: whether answers through interaction endpoints count against the budgets (Discord: no,
    #: its documentation exempts them from the global limit, and they aren't channel posts)
    interactions_use_budgets: bool = True

    def scaled(self, share: float) -> PlatformLimits:
        """This budget divided between processes sharing one token (``share`` = 1/n)."""
        return replace(
            self,
            overall=self.overall.scaled(share) if self.overall else None,
            group_chat=self.group_chat.scaled(share) if self.group_chat else None,
            direct_chat=self.direct_chat.scaled(share) if self.direct_chat else None,
        )


TELEGRAM_LIMITS = PlatformLimits(
    overall=Pace(28.0, 1),
    group_chat=Pace(15 / 60, 5),
    direct_chat=Pace(1.0, 3),
    is_group=_telegram_group,
)
DISCORD_LIMITS = PlatformLimits(
    overall=Pace(45.0, 5), group_chat=Pace(0.4, 3), direct_chat=Pace(0.4, 3), interactions_use_budgets=False
)
DEFAULT_LIMITS: Mapping[Platform, PlatformLimits] = {
    Platform.TELEGRAM: TELEGRAM_LIMITS,
    Platform.DISCORD: DISCORD_LIMITS,
}


class Bucket:
    """One token bucket (GCRA) whose waiters are served urgent-first, then in arrival order.

    A caller that finds the bucket free and nobody waiting passes at once; otherwise it
    queues and one dispatcher task per bucket hands out slots as they come due.
    """

    def __init__(self, pace: Pace, now: Monotonic, sleep: Sleep) -> None:
        self._interval = 1.0 / pace.per_second
        self._tolerance = (pace.burst - 1.0) * self._interval
        self._now = now
        self._sleep = sleep
        self._tat = -math.inf  # theoretical arrival time of the next conforming message
        self._hold_until = -math.inf
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._dispatcher: asyncio.Task[None] | None = None

    def ready_at(self) -> float:
        """The earliest moment the next message conforms (and no penalty holds it)."""
        return max(self._tat - self._tolerance, self._hold_until)

    @property
    def idle(self) -> bool:
        """True when forgetting this bucket changes nothing (it is as good as new)."""
        now = self._now()
        return not self._waiters and self._tat <= now and self._hold_until <= now

    def hold(self, seconds: float) -> None:
        self._hold_until = max(self._hold_until, self._now() + seconds)

    async def wait_out_hold(self) -> None:
        """Return once no penalty holds this bucket, taking no slot (for exempt sends)."""
        while (left := self._hold_until - self._now()) > 0:
            await self._sleep(left)

    async def acquire(self, urgent: bool) -> None:
        now = self._now()
        if not self._waiters and self.ready_at() <= now:
            self._grant(now)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (URGENT if urgent else SCHEDULED, next(self._order), future))
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.create_task(self._dispatch())
        await future

    def _grant(self, now: float) -> None:
        self._tat = max(self._tat, now) + self._interval

    async def _dispatch(self) -> None:
        while self._waiters:
            if self._waiters[0][2].done():  # its caller was cancelled
                heapq.heappop(self._waiters)
                continue
            now = self._now()
            ready = self.ready_at()
            if ready > now:
                await self._sleep(ready - now)
                continue  # re-check: an urgent waiter or a penalty may have arrived meanwhile
            _, _, future = heapq.heappop(self._waiters)
            self._grant(now)
            future.set_result(None)
            await asyncio.sleep(0)  # let the granted caller run before the next grant


class RateLimiter:
    """The bot's :class:`bot.outbox.SendGate`: budgets per platform, overall and per chat."""

    def __init__(
        self,
        limits: Mapping[Platform, PlatformLimits] = DEFAULT_LIMITS,
        *,
        share: float = 1.0,
        now: Monotonic = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if not 0 < share <= 1:
            raise ValueError("share must be in (0, 1]")
        self._limits = {platform: limit.scaled(share) for platform, limit in limits.items()}
        self._now = now
        self._sleep = sleep
        self._overall: dict[Platform, Bucket] = {}
        self._chats: dict[tuple[Platform, str], Bucket] = {}
        self._waits = 0
        self.penalties = 0
        for platform, limit in self._limits.items():
            if limit.overall is not None:
                self._overall[platform] = Bucket(limit.overall, now, sleep)

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool, interaction: bool = False) -> None:
        """Return when a message to ``chat_key`` on ``platform`` may be sent.

        ``interaction`` marks an answer through the platform's interaction endpoints (a
        Discord slash command, button or form); where those are exempt from the budgets, it
        waits only for a penalty (a 429) to pass.
        """
        limit = self._limits.get(platform)
        if limit is None:
            return
        overall = self._overall.get(platform)
        if interaction and not limit.interactions_use_budgets:
            if overall is not None:
                await overall.wait_out_hold()
            return
        chat = self._chat_bucket(platform, limit, chat_key)
        if chat is not None:
            await chat.acquire(urgent)
        if overall is not None:
            await overall.acquire(urgent)

    def chat_ready_in(self, platform: Platform, chat_key: str) -> float:
        """Seconds until ``chat_key``'s own budget would let a message through (0: now).

        Takes nothing. The delivery engine waits this long before it marks a row
        ``sending``, so a message held back by its chat's budget (a group's 20 per minute)
        isn't marked during that wait.
        """
        limit = self._limits.get(platform)
        if limit is None:
            return 0.0
        pace = limit.group_chat if limit.is_group(chat_key) else limit.direct_chat
        bucket = self._chats.get((platform, chat_key)) if pace is not None else None
        return 0.0 if bucket is None else max(0.0, bucket.ready_at() - self._now())

    def penalize(self, platform: Platform, seconds: float) -> None:
        """The platform answered 429: hold every send on it for ``seconds``."""
        self.penalties += 1
        bucket = self._overall.get(platform)
        if bucket is None and platform in self._limits:
            bucket = self._overall[platform] = Bucket(Pace(1e9, 1), self._now, self._sleep)
        if bucket is not None:
            bucket.hold(max(0.0, seconds))

    def _chat_bucket(self, platform: Platform, limit: PlatformLimits, chat_key: str) -> Bucket | None:
        pace = limit.group_chat if limit.is_group(chat_key) else limit.direct_chat
        if pace is None:
            return None
        self._waits += 1
        if self._waits % _PRUNE_EVERY == 0:
            for key in [key for key, bucket in self._chats.items() if bucket.idle]:
                del self._chats[key]
        bucket = self._chats.get((platform, chat_key))
        if bucket is None:
            bucket = self._chats[(platform, chat_key)] = Bucket(pace, self._now, self._sleep)
        return bucket


__all__ = [
    "DEFAULT_LIMITS",
    "DISCORD_LIMITS",
    "TELEGRAM_LIMITS",
    "Bucket",
    "Pace",
    "PlatformLimits",
    "RateLimiter",
]
