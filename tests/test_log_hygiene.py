"""A whole session logged at DEBUG leaves no message text, note, question or secret in the log."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from adapters.logs import configure_logging
from bot.config import Settings
from tests.harness import start_harness

TOKEN = "7418529630:AAH-log-hygiene-token-0123456789abcdefgh"
NOTE = "lognote-H2 my brother came home drunk again"
QUESTION = "logquestion-J6 can my aunt pick me up after the session"
CRISIS = "logcrisis-M1 i want to end my life tonight"
FAQ_ANSWER = "logfaq-K4 the code for the side door is 2291"


@pytest.fixture(params=["plain", "json"])
def captured(request: pytest.FixtureRequest) -> Iterator[io.StringIO]:
    """Everything logged at DEBUG, in each format; the previous logging set-up is restored after."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    stream = io.StringIO()
    configure_logging(Settings(log_level="DEBUG", log_format=request.param), stream)
    try:
        yield stream
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)


async def test_a_full_session_logs_no_text_people_wrote_and_no_secret(
    captured: io.StringIO, database_url: str, tmp_path: Path
) -> None:
    key = Fernet.generate_key().decode("ascii")
    bot = await start_harness(database_url, tmp_path / "data", telegram_token=TOKEN, encryption_key=key)
    try:
        await bot.join("coach")
        await bot.join("alice")
        await bot.say("coach", f"/faq add Where is the side door? | {FAQ_ANSWER}")
        await bot.say("alice", f"/checkin 2 {NOTE}")
        await bot.dm("alice", QUESTION)
        await bot.say("alice", CRISIS)
        await bot.dm("alice", CRISIS)
        await bot.dm("alice", "/export")
        await bot.advance(timedelta(hours=2))
        asked = await bot.dm("alice", "/forget")
        await bot.press("alice", asked[0].button("delete"), chat=bot.direct("alice"))
        await bot.press("alice", "no-such-button:x")
    finally:
        await bot.app.close()
    log = captured.getvalue()
    assert "retention pass" in log  # the log really was captured
    for secret in (NOTE, QUESTION, CRISIS, FAQ_ANSWER, TOKEN, TOKEN.split(":")[1], key):
        assert secret not in log, f"the log contains {secret[:12]}..."
    for fragment in ("lognote", "logquestion", "logcrisis", "logfaq", "drunk", "aunt pick"):
        assert fragment not in log
