"""The health and Prometheus endpoint shows what the core counted."""

from __future__ import annotations

import aiohttp

from adapters.metrics import start_metrics_server
from tests.harness import Harness


async def test_metrics_endpoint_serves_health_and_counters(bot: Harness, unused_tcp_port: int) -> None:
    await bot.say("alice", "/help")
    await bot.say("alice", "/frobnicate")

    async def pending() -> float:
        return 7.0

    bot.core.metrics.add_gauge("deliveries_pending", "Deliveries waiting to be sent", pending)
    runner = await start_metrics_server(bot.core.metrics, unused_tcp_port, host="127.0.0.1")
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as response:
                assert response.status == 200 and (await response.json()) == {"status": "ok"}
            async with session.get(f"http://127.0.0.1:{unused_tcp_port}/metrics") as response:
                text = await response.text()
    finally:
        await runner.cleanup()
    assert 'iopbot_updates_handled_total{kind="command"} 2.0' in text
    assert 'iopbot_replies_sent_total{platform="console"} 2.0' in text
    assert "iopbot_deliveries_pending 7.0" in text


async def test_unknown_counter_names_fail_loudly(bot: Harness) -> None:
    import pytest

    with pytest.raises(KeyError):
        bot.core.metrics.inc("replies_snet")
