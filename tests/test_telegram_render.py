"""The Telegram adapter's pure parts: HTML rendering, splitting, error mapping, update translation,
command menus. Fast and without a server, so edge cases are cheap to cover."""

from __future__ import annotations

import types
from typing import Any

import pytest
from telegram import Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from adapters.telegram.messenger import delivery_error
from adapters.telegram.render import MAX_TEXT, chunks, clip, keyboard, to_html, utf16_len
from adapters.telegram.runner import RecentIds, command_menus, is_loopback, serve
from adapters.telegram.translate import BotIdentity, message_event
from bot.config import Settings
from bot.domain import Button, ChatKind, Command, Platform, Text
from bot.errors import CannotDirectMessage, ChatUnavailable, RateLimited, TransientDeliveryError
from bot.rich import Rich, Span, Style
from bot.router import Audience, CommandSpec, Router, Where
from bot.texts import Catalog

ME = BotIdentity(7000, "iop_test_bot")


def message(text: str, *, chat_id: int = 42, chat_type: str = "private", **extra: Any) -> Message:
    data: dict[str, Any] = {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": chat_id, "type": chat_type, "title": "Group", "first_name": "Alice"},
        "from": {"id": 42, "is_bot": False, "first_name": "Alice", "last_name": "Smith"},
        "text": text,
        **extra,
    }
    if text.startswith("/"):
        data.setdefault("entities", [{"type": "bot_command", "offset": 0, "length": len(text.split(maxsplit=1)[0])}])
    return Message.de_json(data, None)


# -- rendering ------------------------------------------------------------------------------


def test_every_style_becomes_its_tag_and_span_text_is_escaped() -> None:
    text = Rich(
        (
            Span("<b>&", Style.BOLD),
            Span("i", Style.ITALIC),
            Span("s", Style.SPOILER),
            Span("a<b", Style.CODE),
            Span(" plain > "),
        )
    )
    assert to_html(text) == "<b>&lt;b&gt;&amp;</b><i>i</i><tg-spoiler>s</tg-spoiler><code>a&lt;b</code> plain &gt; "


def test_long_text_is_cut_at_paragraphs_into_pieces_telegram_accepts() -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 300 for n in range(10)]
    pieces = chunks(Rich.of("\n\n".join(paragraphs)))
    assert len(pieces) > 1
    assert all(utf16_len(piece.plain()) <= MAX_TEXT for piece in pieces)
    assert all(piece.plain().startswith("Paragraph") for piece in pieces)


def test_emoji_count_twice_so_a_text_of_emoji_is_split_by_utf16_length() -> None:
    text = Rich.of("🌱" * 3000)  # 3000 code points, 6000 UTF-16 units
    pieces = chunks(text)
    assert len(pieces) == 2
    assert all(utf16_len(piece.plain()) <= MAX_TEXT for piece in pieces)
    assert "".join(piece.plain() for piece in pieces) == text.plain()


def test_clip_keeps_short_text_and_marks_cut_text() -> None:
    assert clip("short", 10) == "short"
    clipped = clip("x" * 2000, 1024)
    assert utf16_len(clipped) <= 1024 and clipped.endswith("…")


def test_buttons_keep_rows_and_carry_the_action_as_callback_data() -> None:
    markup = keyboard(((Button("Yes", "join.ok:1"), Button("No", "join.no:")), (Button("Note", "ci.n:1", "Add"),)))
    assert markup is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]
    assert rows == [[("Yes", "join.ok:1"), ("No", "join.no:")], [("Note", "ci.n:1")]]
    assert keyboard(()) is None


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "direct", "expected"),
    [
        (Forbidden("Forbidden: bot can't initiate conversation with a user"), True, CannotDirectMessage),
        (Forbidden("Forbidden: bot was blocked by the user"), True, CannotDirectMessage),
        (Forbidden("Forbidden: bot was kicked from the supergroup chat"), False, ChatUnavailable),
        (BadRequest("Chat not found"), False, ChatUnavailable),
        (BadRequest("Chat not found"), True, CannotDirectMessage),
        (BadRequest("Not enough rights to send text messages to the chat"), False, ChatUnavailable),
        (NetworkError("Bad Gateway"), False, TransientDeliveryError),
        (TimedOut(), True, TransientDeliveryError),
    ],
)
def test_bot_api_failures_map_to_the_cores_delivery_errors(error: Exception, direct: bool, expected: type) -> None:
    assert isinstance(delivery_error(error, direct=direct), expected)  # type: ignore[arg-type]


def test_a_429_carries_its_wait_and_a_malformed_request_is_not_a_delivery_error() -> None:
    limited = delivery_error(RetryAfter(7), direct=False)
    assert isinstance(limited, RateLimited) and limited.retry_after == 7
    assert delivery_error(BadRequest("Can't parse entities: unexpected end tag"), direct=False) is None
    assert delivery_error(ChatMigrated(-100123), direct=False) is None


# -- translation ----------------------------------------------------------------------------


def test_a_command_with_the_bots_name_and_arguments_becomes_a_command_event() -> None:
    event = message_event(message("/TimeZone@IOP_Test_Bot Europe/Berlin"), ME)
    assert event is not None and event.action == Command("timezone", "Europe/Berlin")
    assert event.person.platform is Platform.TELEGRAM and event.person.display_name == "Alice Smith"
    assert event.chat.kind is ChatKind.DIRECT


def test_commands_for_other_bots_messages_from_bots_and_channel_posts_are_ignored() -> None:
    assert message_event(message("/start@other_bot", chat_id=-5, chat_type="group"), ME) is None
    from_bot = message("hello", **{"from": {"id": 1, "is_bot": True, "first_name": "B"}})
    assert message_event(from_bot, ME) is None
    assert message_event(message("news", chat_id=-100, chat_type="channel"), ME) is None


def test_group_text_is_addressed_only_with_a_mention_or_a_reply_to_the_bot() -> None:
    plain = message_event(message("nice weather", chat_id=-5, chat_type="group"), ME)
    assert plain is not None and plain.action == Text("nice weather", addressed=False)
    mention = message_event(message("@IOP_test_bot, what is DBT?", chat_id=-5, chat_type="group"), ME)
    assert mention is not None and mention.action == Text("what is DBT?", addressed=True)
    other = message_event(message("@iop_test_bot_fan hi", chat_id=-5, chat_type="group"), ME)
    assert other is not None and other.action == Text("@iop_test_bot_fan hi", addressed=False)
    bot_message = {"message_id": 9, "date": 1, "chat": {"id": -5, "type": "group"}, "text": "Q?"}
    bot_message["from"] = {"id": ME.user_id, "is_bot": True, "first_name": "IOP"}
    reply = message_event(message("yes", chat_id=-5, chat_type="group", reply_to_message=bot_message), ME)
    assert reply is not None and reply.action == Text("yes", addressed=True)


def test_a_photo_caption_is_screened_as_text() -> None:
    data = message("", caption="I want to disappear").to_dict()
    data.pop("text")
    event = message_event(Message.de_json(data, None), ME)
    assert event is not None and event.action == Text("I want to disappear", addressed=True)


# -- runner pieces --------------------------------------------------------------------------


def test_an_update_id_is_new_once_and_old_ids_are_forgotten_beyond_the_window() -> None:
    recent = RecentIds(size=3)
    assert recent.first_time(1) and not recent.first_time(1)
    for update_id in (2, 3, 4):
        assert recent.first_time(update_id)
    assert recent.first_time(1)  # fell out of the window


def test_menus_hide_facilitator_commands_from_members_and_keep_direct_only_commands_out_of_groups() -> None:
    async def handler(ctx: Any, args: str) -> list[Any]:
        return []

    router = Router()
    router.command(CommandSpec("help", handler, "commands.help", "usage.help", Audience.EVERYONE))
    router.command(CommandSpec("schedule", handler, "commands.help", "usage.help", Audience.FACILITATOR))
    router.command(CommandSpec("forget", handler, "commands.help", "usage.help", where=Where.DIRECT))
    router.command(CommandSpec("Bad-Name", handler, "commands.help", "usage.help"))
    menus = command_menus(router, Catalog.load())
    names = {scope: [command.command for command in commands] for scope, commands in menus.items()}
    assert names == {"private": ["help", "forget"], "groups": ["help"], "admins": ["help", "schedule"]}
    assert all(1 <= len(command.description) <= 256 for commands in menus.values() for command in commands)


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8081", True),
        ("http://localhost:8081", True),
        ("http://[::1]:8081", True),
        ("https://api.telegram.org", False),
        ("http://10.0.0.5", False),
    ],
)
def test_only_loopback_api_servers_bypass_proxy_settings(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


async def test_webhook_mode_without_a_valid_secret_refuses_to_start(tmp_path: Any) -> None:
    import asyncio

    for secret in (None, "has spaces"):
        settings = Settings(
            data_dir=tmp_path,
            telegram_token="1:x",  # type: ignore[arg-type]
            telegram_webhook_url="https://bot.example.org/hook",
            telegram_webhook_secret=secret,  # type: ignore[arg-type]
        )
        app = types.SimpleNamespace(settings=settings)
        with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
            await serve(app, asyncio.Event())  # type: ignore[arg-type]
