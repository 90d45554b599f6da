"""The messenger's text sends and edits go out exactly as python-telegram-bot's own methods send them.

The messenger makes sendMessage and editMessageText without PTB's objects (see
``TelegramMessenger._call``); these tests record what reaches the request object both ways
and compare: the same URL, parameters, order and encoding, and the same errors.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, RetryAfter
from telegram.request import BaseRequest, RequestData

from adapters.telegram.messenger import TelegramMessenger
from adapters.telegram.render import keyboard, to_html
from bot.domain import Button, ChatKind, ChatRef, InChat, MessageRef, Platform, Reply
from bot.errors import RateLimited
from bot.rich import Rich, Span, Style

CHAT = -100_123
SENT = {
    "message_id": 77,
    "date": 1_700_000_000,
    "chat": {"id": CHAT, "type": "supergroup", "title": "IOP"},
    "from": {"id": 1, "is_bot": True, "first_name": "IOP", "username": "iop_test_bot"},
    "text": "hi",
}
BUTTONS = (
    (Button("Doing okay", "ci.m:4~abcdefgh"), Button("Fine & <well>", "ci.m:5~ijklmnop")),
    (Button("Skip", "x"),),
)


class Recording(BaseRequest):
    """Records each call's URL and JSON parameters (in order) and answers with ``answer``."""

    def __init__(self, answer: tuple[int, dict[str, Any]] = (200, {"ok": True, "result": SENT})) -> None:
        self.calls: list[tuple[str, list[tuple[str, str]]]] = []
        self.answer = answer

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_timeouts: Any
    ) -> tuple[int, bytes]:
        assert request_data is not None and not request_data.contains_files
        self.calls.append((url, list(request_data.json_parameters.items())))
        status, body = self.answer
        return status, json.dumps(body).encode()


def _bot(request: Recording) -> Bot:
    return Bot("123:abc", base_url="http://127.0.0.1:1/bot", request=request, get_updates_request=Recording())


async def _never(_chat: ChatRef, _new_id: str) -> None:
    raise AssertionError("no migration expected")


TEXT = Rich((Span("Hello <you> & "), Span("bold", Style.BOLD), Span(" ünïcode 💬")))
GROUP = ChatRef(Platform.TELEGRAM, str(CHAT), ChatKind.GROUP, "IOP")


@pytest.mark.parametrize("buttons", [BUTTONS, ()])
async def test_a_text_reply_is_the_request_send_message_makes(buttons: tuple[tuple[Button, ...], ...]) -> None:
    ours, theirs = Recording(), Recording()
    refs = await TelegramMessenger(_bot(ours), on_migrated=_never).send(
        Reply(TEXT, buttons=buttons, to=InChat(GROUP)), None
    )
    await _bot(theirs).send_message(
        CHAT,
        to_html(TEXT),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(buttons),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert ours.calls == theirs.calls
    assert ours.calls[0][0].endswith("/sendMessage")
    assert refs == [MessageRef(Platform.TELEGRAM, str(CHAT), "77")]


@pytest.mark.parametrize("buttons", [BUTTONS, ()])
async def test_an_edit_is_the_request_edit_message_text_makes(buttons: tuple[tuple[Button, ...], ...]) -> None:
    ours, theirs = Recording(), Recording()
    ref = MessageRef(Platform.TELEGRAM, str(CHAT), "77")
    refs = await TelegramMessenger(_bot(ours), on_migrated=_never).send(Reply(TEXT, buttons=buttons, edit=ref), None)
    await _bot(theirs).edit_message_text(
        to_html(TEXT),
        chat_id=CHAT,
        message_id=77,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(buttons),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert ours.calls == theirs.calls
    assert ours.calls[0][0].endswith("/editMessageText")
    assert refs == [ref]


async def test_telegram_errors_reach_the_core_as_before() -> None:
    limited = Recording(
        (429, {"ok": False, "error_code": 429, "description": "Too Many", "parameters": {"retry_after": 3}})
    )
    with pytest.raises(RateLimited) as raised:
        await TelegramMessenger(_bot(limited), on_migrated=_never).send(Reply(TEXT, to=InChat(GROUP)), None)
    assert raised.value.retry_after == 3
    assert isinstance(raised.value.__cause__, RetryAfter)
    unchanged = Recording(
        (400, {"ok": False, "error_code": 400, "description": "Bad Request: message is not modified"})
    )
    ref = MessageRef(Platform.TELEGRAM, str(CHAT), "77")
    assert await TelegramMessenger(_bot(unchanged), on_migrated=_never).send(Reply(TEXT, edit=ref), None) == [ref]
    with pytest.raises(BadRequest):
        await _bot(unchanged).edit_message_text("x", chat_id=CHAT, message_id=77)
