"""The README's path for a new self-hoster: init, doctor, run, on the fake Telegram Bot API."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegramApi

ALICE = 4242


def _cli() -> list[str]:
    return [sys.executable, "-m", "adapters.cli"]


async def _run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        *_cli(), *args, cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_init_doctor_and_run_take_a_new_user_to_a_bot_that_answers(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    env["PYTHONPATH"] = str(root)
    async with FakeTelegramApi() as fake:
        env["IOPBOT_TELEGRAM_API_URL"] = fake.url  # only because this "Telegram" is a local fake
        code, out, err = await _run(
            ["init", "--yes", "--timezone", "Europe/Berlin", "--telegram-token", fake.token], tmp_path, env
        )
        assert code == 0, err
        code, out, err = await _run(["--config", "iopbot.toml", "doctor"], tmp_path, env)
        assert code == 0, out + err
        assert "ok   telegram: token works: @iop_test_bot" in out

        process = await asyncio.create_subprocess_exec(
            *_cli(),
            "--config",
            "iopbot.toml",
            "run",
            cwd=tmp_path,
            env=env,
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
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            _stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
        assert process.returncode == 0, stderr.decode()
        assert "not a therapist" in str(reply.result["text"])
