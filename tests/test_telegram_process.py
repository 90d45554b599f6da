"""``iop-bot run`` as a real process against the fake Bot API: a /start round trip, then SIGTERM.

Why a subprocess: it proves the installed entry point, settings from the environment, the
proxy rule for loopback servers, signal handling and a clean exit code, none of which an
in-process test exercises.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegramApi

ALICE = 42


def command() -> list[str]:
    script = Path(sys.executable).with_name("iop-bot")
    if script.exists():
        return [str(script), "run"]
    return [sys.executable, "-m", "adapters.cli", "run"]


def environment(fake: FakeTelegramApi, database_url: str, data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    env.update(
        IOPBOT_TELEGRAM_TOKEN=fake.token,
        IOPBOT_TELEGRAM_API_URL=fake.url,
        IOPBOT_DATA_DIR=str(data_dir),
        IOPBOT_DATABASE_URL=database_url,
        # A proxy that would swallow every request: loopback API servers must bypass it.
        HTTP_PROXY="http://127.0.0.1:9",
        HTTPS_PROXY="http://127.0.0.1:9",
        ALL_PROXY="http://127.0.0.1:9",
    )
    return env


async def test_iop_bot_run_answers_start_and_exits_cleanly_on_sigterm(database_url: str, tmp_path: Path) -> None:
    async with FakeTelegramApi() as fake:
        process = await asyncio.create_subprocess_exec(
            *command(),
            env=environment(fake, database_url, tmp_path / "data"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            async with asyncio.timeout(60):
                while fake.polls_started == 0:
                    assert process.returncode is None, "iop-bot run exited before polling"
                    await asyncio.sleep(0.05)
            fake.push_message(ALICE, "/start", user_id=ALICE)
            reply = await fake.wait_for_call("sendMessage", lambda c: c.params.get("chat_id") == ALICE, timeout=30)
            fake.push_message(ALICE, "I keep thinking about my sister's wedding", user_id=ALICE)
            await fake.wait_for_call(
                "sendMessage", lambda c: c.params.get("chat_id") == ALICE, timeout=30, start=fake.calls.index(reply) + 1
            )
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            _stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
        logs = stderr.decode()
        assert process.returncode == 0, logs
        assert reply.ok and "not a therapist" in str(reply.result["text"])
        assert fake.token not in logs and fake.token.split(":")[1] not in logs
        assert "wedding" not in logs
        assert [c.method for c in fake.calls[:1]] == ["getMe"]
