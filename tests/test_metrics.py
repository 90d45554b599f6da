"""The health and Prometheus endpoint shows what the core counted."""

from __future__ import annotations

import aiohttp

from adapters.metrics import start_metrics_server
from tests.harness import Harness


async def test_metrics_endpoint_serves_health_and_counters(bot: Harness, unused_tcp_port: int) -> None:
    await bot.say("alice", "/help")
    await bot.say("alice", "/frobnicate")

    from datetime import timedelta

    await bot.join("alice")
    await bot.say("coach", "/schedule daily 09:00")
    bot.clock.advance(timedelta(days=1, hours=1))  # the 09:00 prompt is now late: no tick ran
    runner = await start_metrics_server(bot.core.metrics, unused_tcp_port, host="127.0.0.1")
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as response:
                assert response.status == 200 and (await response.json()) == {"status": "ok"}
            async with session.get(f"http://127.0.0.1:{unused_tcp_port}/metrics") as response:
                text = await response.text()
    finally:
        await runner.cleanup()
    assert 'iopbot_updates_handled_total{kind="command"} 4.0' in text  # /help /frobnicate /join /schedule
    assert 'iopbot_updates_handled_total{kind="press"} 1.0' in text  # "I agree"
    sent = [line for line in text.splitlines() if line.startswith("iopbot_replies_sent_total{")]
    assert sent and float(sent[0].split()[1]) >= 5.0
    pending = [line for line in text.splitlines() if line.startswith("iopbot_deliveries_pending ")]
    late = [line for line in text.splitlines() if line.startswith("iopbot_deliveries_late ")]
    assert pending and float(pending[0].split()[1]) >= 1.0
    assert late and float(late[0].split()[1]) >= 1.0


async def test_unknown_counter_names_fail_loudly(bot: Harness) -> None:
    import pytest

    with pytest.raises(KeyError):
        bot.core.metrics.inc("replies_snet")
