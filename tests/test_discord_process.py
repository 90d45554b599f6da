"""``iop-bot run`` as a real process against the fake Discord: a slash command round trip, then SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.fakes.discord_api import FakeDiscord
from tests.test_discord_world import BOB, GENERAL, TOKEN, make_fake

IOP_BOT = Path(sys.executable).with_name("iop-bot")


def bot_environment(fake: FakeDiscord, data_dir: Path, database_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    env.update(
        IOPBOT_DISCORD_TOKEN=TOKEN,
        IOPBOT_DISCORD_API_URL=fake.api_url,
        IOPBOT_DISCORD_GATEWAY_URL=fake.gateway_url,
        IOPBOT_DATA_DIR=str(data_dir),
        IOPBOT_DATABASE_URL=database_url,
        IOPBOT_LOG_FORMAT="json",
    )
    return env


async def test_iop_bot_run_answers_a_slash_command_and_exits_cleanly_on_sigterm(
    database_url: str, tmp_path: Path
) -> None:
    async with make_fake() as fake:
        process = await asyncio.create_subprocess_exec(
            str(IOP_BOT),
            "run",
            env=bot_environment(fake, tmp_path / "data", database_url),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await fake.wait_for_call("PUT", "/applications/{app}/commands", timeout=30)
            await fake.wait_identified(timeout=30)
            await _until_guild_ready(fake)
            payload = await fake.dispatch_slash("help", user=BOB, channel_id=GENERAL)
            (response,) = await fake.wait_for_interaction_response(payload["id"], timeout=30)
            process.send_signal(signal.SIGTERM)
            _stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert response.json["type"] == 4
    assert "/join" in response.json["data"]["content"]
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert TOKEN not in stderr.decode()
    names = {command["name"] for command in fake.global_commands}
    assert {"start", "help", "join", "setup"} <= names


async def _until_guild_ready(fake: FakeDiscord) -> None:
    """READY and GUILD_CREATE were sent; a client that is connected has its session."""
    for _ in range(500):
        if fake.connected and fake.heartbeats >= 1:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot never connected to the gateway")
