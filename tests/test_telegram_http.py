"""The adapter's Bot API transport (aiohttp under python-telegram-bot) against the fake server.

What PTB relies on from a request class: the call's answer, files as multipart, a slow answer
as ``TimedOut``, an unreachable server as ``NetworkError`` (both retried by the core as
transient), and Telegram's errors mapped from status and description as PTB always does.
"""

from __future__ import annotations

import random
import socket
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import pytest
from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from adapters.telegram.http import AiohttpRequest, form_urlencoded
from adapters.telegram.runner import _request
from tests.fakes.telegram_api import FakeTelegramApi

CHAT = 4242


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegramApi]:
    async with FakeTelegramApi() as api:
        api.mark_started(CHAT)
        yield api


def _bot(url: str, token: str, request: AiohttpRequest) -> Bot:
    return Bot(token, base_url=f"{url}/bot", base_file_url=f"{url}/file/bot", request=request)


async def test_calls_text_and_files_arrive_as_sent(fake: FakeTelegramApi) -> None:
    async with _bot(fake.url, fake.token, AiohttpRequest(trust_env=False)) as bot:
        message = await bot.send_message(CHAT, "<b>hi</b> &amp; bye", parse_mode="HTML")
        assert message.chat_id == CHAT and message.text == "hi & bye"
        await bot.send_document(CHAT, InputFile(b"\x00binary\xff", filename="data.bin"), caption="file")
    [text] = fake.calls_to("sendMessage")
    assert text.params["text"] == "<b>hi</b> &amp; bye"
    [document] = fake.calls_to("sendDocument")
    assert document.files["document"] == b"\x00binary\xff"
    assert document.filenames["document"] == "data.bin"
    assert document.params["caption"] == "file"


async def test_telegram_errors_map_as_ptb_maps_them(fake: FakeTelegramApi) -> None:
    async with _bot(fake.url, fake.token, AiohttpRequest(trust_env=False)) as bot:
        fake.fail_next("sendMessage", 429, retry_after=3)
        with pytest.raises(RetryAfter):
            await bot.send_message(CHAT, "x")
        fake.fail_next("sendMessage", 502)
        with pytest.raises(NetworkError):
            await bot.send_message(CHAT, "x")
        with pytest.raises(Forbidden):
            await bot.send_message(777, "never started")
        with pytest.raises(BadRequest):
            await bot.send_message(CHAT, "")


async def test_a_slow_answer_is_a_timeout(fake: FakeTelegramApi) -> None:
    async with _bot(fake.url, fake.token, AiohttpRequest(trust_env=False, read_timeout=0.05)) as bot:
        fake.delay_next("sendMessage", 30)
        with pytest.raises(TimedOut):
            await bot.send_message(CHAT, "slow")


async def test_a_server_that_is_not_there_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the call: nothing listens there
    request = AiohttpRequest(trust_env=False)
    await request.initialize()
    try:
        bot = _bot(f"http://127.0.0.1:{port}", "123:abc", request)
        with pytest.raises(NetworkError) as raised:
            await bot.get_me()
        assert not isinstance(raised.value, TimedOut)
    finally:
        await request.shutdown()


async def test_a_request_must_be_initialized_and_can_be_again_after_shutdown(fake: FakeTelegramApi) -> None:
    request = AiohttpRequest(trust_env=False)
    with pytest.raises(RuntimeError):
        await request.do_request(f"{fake.url}/bot{fake.token}/getMe", "POST")
    for _ in range(2):
        await request.initialize()
        status, body = await request.do_request(f"{fake.url}/bot{fake.token}/getMe", "POST")
        assert status == 200 and b'"ok":true' in body.replace(b" ", b"")
        await request.shutdown()


def test_proxy_variables_are_ignored_only_for_a_server_on_this_machine() -> None:
    assert _request("http://127.0.0.1:8081")._trust_env is False
    assert _request("http://localhost:8081")._trust_env is False
    assert _request("https://api.telegram.org")._trust_env is True


def test_parameters_are_form_encoded_byte_for_byte_as_urllib_encodes_them() -> None:
    """The body aiohttp sent for a dict of parameters (``urlencode``), built faster: same bytes."""
    rng = random.Random(7)
    alphabet = [chr(code) for code in range(0x300)] + ["💬", "€", "\u2028", " ", "+", "%", "&", "=", "~"]
    for _ in range(3000):
        parameters = {
            "".join(rng.choices(alphabet, k=rng.randint(0, 6))): "".join(rng.choices(alphabet, k=rng.randint(0, 80)))
            for _ in range(rng.randint(0, 5))
        }
        assert form_urlencoded(parameters) == urlencode(parameters, doseq=True, encoding="utf-8").encode()
    assert form_urlencoded({}) == b""
