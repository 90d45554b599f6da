"""The rate limiter on a virtual clock: pacing, per-chat budgets, penalties and priority."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.delivery.ratelimit import DISCORD_LIMITS, TELEGRAM_LIMITS, Pace, PlatformLimits, RateLimiter
from bot.domain import Platform


class VirtualTime:
    """A monotonic clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def limiter(time: VirtualTime, limits: PlatformLimits, share: float = 1.0) -> RateLimiter:
    return RateLimiter({Platform.TELEGRAM: limits}, share=share, now=time, sleep=time.sleep)


async def send_times(gate: RateLimiter, time: VirtualTime, chats: list[str], *, urgent: bool = False) -> list[float]:
    moments = []
    for chat in chats:
        await gate.wait(Platform.TELEGRAM, chat, urgent=urgent)
        moments.append(time.now)
    return moments


async def test_overall_budget_spaces_sends_at_the_configured_rate() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(10, 1), group_chat=None, direct_chat=None))
    moments = await send_times(gate, time, [f"-{n}" for n in range(21)])
    assert moments[-1] == pytest.approx(2.0)
    assert all(b - a == pytest.approx(0.1) for a, b in itertools.pairwise(moments))


async def test_burst_goes_at_once_then_the_rate_applies() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(10, 5), group_chat=None, direct_chat=None))
    moments = await send_times(gate, time, [f"-{n}" for n in range(7)])
    assert moments[:5] == [0.0] * 5
    assert moments[5] == pytest.approx(0.1) and moments[6] == pytest.approx(0.2)


async def test_a_telegram_group_gets_at_most_twenty_messages_in_any_minute() -> None:
    time = VirtualTime()
    gate = limiter(time, TELEGRAM_LIMITS)
    moments = await send_times(gate, time, ["-1001"] * 60)
    for start in moments:
        assert sum(1 for moment in moments if start <= moment < start + 60) <= 20


async def test_direct_chats_are_paced_per_chat_not_like_groups() -> None:
    time = VirtualTime()
    gate = limiter(time, TELEGRAM_LIMITS)
    direct = await send_times(gate, time, ["user:42"] * 6)
    assert direct[-1] == pytest.approx(3.0)  # burst of 3, then one a second


async def test_chat_ready_in_tells_how_long_a_busy_chat_waits_without_taking_its_slot() -> None:
    time = VirtualTime()
    gate = limiter(time, TELEGRAM_LIMITS)
    assert gate.chat_ready_in(Platform.TELEGRAM, "user:7") == 0.0  # never used: ready
    await send_times(gate, time, ["user:7"] * 3)  # the direct chat's burst is used up
    assert gate.chat_ready_in(Platform.TELEGRAM, "user:7") == pytest.approx(1.0 - time.now)  # one a second
    assert gate.chat_ready_in(Platform.TELEGRAM, "user:7") == pytest.approx(1.0 - time.now)  # asking took nothing
    assert gate.chat_ready_in(Platform.TELEGRAM, "user:8") == 0.0
    assert gate.chat_ready_in(Platform.DISCORD, "user:7") == 0.0  # no limits configured for it


async def test_many_groups_share_the_overall_budget() -> None:
    time = VirtualTime()
    gate = limiter(time, TELEGRAM_LIMITS)
    moments = await send_times(gate, time, [f"-{n}" for n in range(281)])
    assert moments[-1] == pytest.approx(10.0)  # 28/s, evenly spaced


async def test_telegram_never_gets_more_than_thirty_in_any_second_from_one_or_two_processes() -> None:
    for processes in (1, 2):
        time = VirtualTime()
        gates = [limiter(time, TELEGRAM_LIMITS, share=1 / processes) for _ in range(processes)]
        runs = [send_times(gate, time, [f"-{p}{n}" for n in range(120 // processes)]) for p, gate in enumerate(gates)]
        moments = sorted(moment for run in await asyncio.gather(*runs) for moment in run)
        busiest = max(sum(1 for moment in moments if start <= moment < start + 1) for start in moments)
        assert busiest <= 29, f"{processes} process(es): {busiest} in one second"


def test_a_share_divides_the_burst_too_but_never_below_one() -> None:
    assert Pace(10, 4).scaled(0.5) == Pace(5, 2)
    assert Pace(10, 1).scaled(0.25) == Pace(2.5, 1)


async def test_a_penalty_holds_every_send_on_the_platform() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(100, 1), group_chat=None, direct_chat=None))
    await gate.wait(Platform.TELEGRAM, "-1", urgent=False)
    gate.penalize(Platform.TELEGRAM, 5.0)
    await gate.wait(Platform.TELEGRAM, "-2", urgent=True)
    assert time.now == pytest.approx(5.0)


async def test_urgent_sends_go_ahead_of_queued_scheduled_sends() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(1, 1), group_chat=None, direct_chat=None))
    order: list[str] = []

    async def send(name: str, urgent: bool) -> None:
        await gate.wait(Platform.TELEGRAM, name, urgent=urgent)
        order.append(name)

    scheduled = [asyncio.create_task(send(f"scheduled-{n}", False)) for n in range(5)]
    await asyncio.sleep(0)
    crisis = asyncio.create_task(send("crisis", True))
    await asyncio.gather(*scheduled, crisis)
    assert order[:2] == ["scheduled-0", "crisis"]
    assert order[2:] == [f"scheduled-{n}" for n in range(1, 5)]


async def test_a_share_divides_the_budget_between_processes() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(10, 1), group_chat=None, direct_chat=None), share=0.5)
    moments = await send_times(gate, time, [f"-{n}" for n in range(11)])
    assert moments[-1] == pytest.approx(2.0)


async def test_the_console_and_unknown_platforms_are_never_held() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(1, 1), group_chat=None, direct_chat=None))
    for _ in range(100):
        await gate.wait(Platform.CONSOLE, "anything", urgent=False)
    assert time.now == 0.0


async def test_a_cancelled_waiter_does_not_block_the_queue() -> None:
    time = VirtualTime()
    gate = limiter(time, PlatformLimits(overall=Pace(1, 1), group_chat=None, direct_chat=None))
    await gate.wait(Platform.TELEGRAM, "-1", urgent=False)
    doomed = asyncio.create_task(gate.wait(Platform.TELEGRAM, "-2", urgent=False))
    await asyncio.sleep(0)
    doomed.cancel()
    await gate.wait(Platform.TELEGRAM, "-3", urgent=False)
    assert time.now == pytest.approx(1.0)


async def test_discord_interaction_answers_skip_both_budgets_but_posts_do_not() -> None:
    time = VirtualTime()
    gate = RateLimiter({Platform.DISCORD: DISCORD_LIMITS}, now=time, sleep=time.sleep)
    for _ in range(200):
        await gate.wait(Platform.DISCORD, "guild-1", urgent=True, interaction=True)
    assert time.now == 0.0  # interaction endpoints: neither the channel's nor the overall 45/s
    start = time.now
    for _ in range(6):
        await gate.wait(Platform.DISCORD, "guild-1", urgent=False)
    assert time.now - start >= 2.4  # scheduled posts keep the channel's 5-per-5-seconds pace
    start = time.now
    for index in range(60):
        await gate.wait(Platform.DISCORD, f"guild-{index + 2}", urgent=False)
    assert time.now - start >= 1.0  # and the overall budget: 60 posts to 60 channels take over a second


async def test_a_discord_penalty_holds_interaction_answers_too() -> None:
    time = VirtualTime()
    gate = RateLimiter({Platform.DISCORD: DISCORD_LIMITS}, now=time, sleep=time.sleep)
    gate.penalize(Platform.DISCORD, 2.5)
    await gate.wait(Platform.DISCORD, "guild-1", urgent=True, interaction=True)
    assert time.now == pytest.approx(2.5)


async def test_a_discord_reply_to_a_plain_message_is_a_channel_post() -> None:
    time = VirtualTime()
    gate = RateLimiter({Platform.DISCORD: DISCORD_LIMITS}, now=time, sleep=time.sleep)
    for _ in range(6):
        await gate.wait(Platform.DISCORD, "guild-1", urgent=True)
    assert time.now >= 2.4  # an answer to an @mention goes out as a post: the channel's pace applies


async def test_telegram_answers_always_count_against_the_group_budget() -> None:
    time = VirtualTime()
    gate = limiter(time, TELEGRAM_LIMITS)
    for _ in range(21):
        await gate.wait(Platform.TELEGRAM, "-1001", urgent=True, interaction=True)
    assert time.now >= 60.0
