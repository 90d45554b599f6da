"""The fake Telegram Bot API, driven by the real python-telegram-bot Application.

Why: the Telegram adapter's end-to-end tests trust this fake; these tests prove PTB 22.x parses
everything it answers and that the failure modes adapters must handle surface as PTB's own
exceptions (RetryAfter, Forbidden, ChatMigrated, BadRequest, Conflict, NetworkError).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import (
    ChatMemberAdministrator,
    ChatMemberOwner,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from tests.fakes.telegram_api import FakeTelegramApi

GROUP = -1001234567890  # supergroup ids look like -100XXXXXXXXXX
USER = 42


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegramApi]:
    async with FakeTelegramApi() as api:
        yield api


def build_app(
    fake: FakeTelegramApi, *, token: str | None = None, rate_limiter: AIORateLimiter | None = None
) -> Application:  # type: ignore[type-arg]
    builder = (
        ApplicationBuilder()
        .token(token or fake.token)
        .base_url(f"{fake.url}/bot")
        .base_file_url(f"{fake.url}/file/bot")
        .request(HTTPXRequest(httpx_kwargs={"trust_env": False}))
        .get_updates_request(HTTPXRequest(httpx_kwargs={"trust_env": False}))
        .job_queue(None)
    )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)  # type: ignore[arg-type]  # PTB generics
    return builder.build()


@contextlib.asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    async with app:
        await app.updater.start_polling(timeout=1)  # type: ignore[union-attr]
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()


async def reply_welcome(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Check in", callback_data="checkin")]])
    assert update.effective_message is not None
    await update.effective_message.reply_text("Welcome!", reply_markup=keyboard)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_start_command_is_answered_over_long_polling(fake: FakeTelegramApi) -> None:
    app = build_app(fake)
    app.add_handler(CommandHandler("start", reply_welcome))
    async with polling(app):
        fake.push_message(USER, "/start", user_id=USER)
        call = await fake.wait_for_call("sendMessage")

    assert [c.method for c in fake.calls[:3]] == ["getMe", "deleteWebhook", "getUpdates"]
    assert call.params["chat_id"] == USER
    assert call.params["text"] == "Welcome!"
    assert call.params["reply_markup"] == {"inline_keyboard": [[{"text": "Check in", "callback_data": "checkin"}]]}
    assert fake.sent_messages(USER)[0]["reply_markup"]["inline_keyboard"][0][0]["text"] == ("Check in")
    # the final confirming poll acknowledges the consumed update
    assert fake.calls_to("getUpdates")[-1].params["offset"] > 100_000
    assert fake.pending_updates == []


async def test_command_with_bot_username_fires_only_for_this_bot(fake: FakeTelegramApi) -> None:
    app = build_app(fake)
    app.add_handler(CommandHandler("start", reply_welcome))
    async with polling(app):
        fake.push_message(GROUP, "/start@other_bot", user_id=USER, chat_type="supergroup")
        fake.push_message(GROUP, "/start@iop_test_bot hi", user_id=USER, chat_type="supergroup")
        call = await fake.wait_for_call("sendMessage")
        await fake.wait_idle()

    assert call.params["chat_id"] == GROUP
    assert len(fake.calls_to("sendMessage")) == 1


async def test_callback_query_is_answered_and_message_edited(fake: FakeTelegramApi) -> None:
    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Noted")
        await query.edit_message_text(f"You chose {query.data}")

    app = build_app(fake)
    app.add_handler(CommandHandler("start", reply_welcome))
    app.add_handler(CallbackQueryHandler(on_button))
    async with polling(app):
        fake.push_message(USER, "/start", user_id=USER)
        await fake.wait_for_call("sendMessage")
        sent = fake.sent_messages(USER)[0]
        fake.push_callback_query(sent, "checkin", user_id=USER)
        edit = await fake.wait_for_call("editMessageText")
        answer = fake.calls_to("answerCallbackQuery")[0]

    assert answer.ok and answer.params["text"] == "Noted"
    assert edit.ok
    assert edit.params["message_id"] == sent["message_id"]
    current = fake.message(USER, sent["message_id"])
    assert current is not None
    assert current["text"] == "You chose checkin"
    assert "reply_markup" not in current  # an edit without markup removes the keyboard


async def test_photo_upload_arrives_as_bytes_and_downloads_back(fake: FakeTelegramApi) -> None:
    payload = b"\x89PNG\r\n\x1a\n fake image bytes"
    fake.mark_started(USER)
    async with build_app(fake) as app:
        message = await app.bot.send_photo(USER, photo=payload, caption="<b>chart</b>", parse_mode="HTML")
        assert message.caption == "chart"
        assert message.photo and message.photo[-1].file_size == len(payload)
        tg_file = await app.bot.get_file(message.photo[-1].file_id)
        downloaded = await tg_file.download_as_bytearray()
        document = await app.bot.send_document(USER, document=b"a,b\n1,2\n", filename="x.csv")

    assert fake.calls_to("sendPhoto")[0].files["photo"] == payload
    assert bytes(downloaded) == payload
    assert document.document is not None
    assert document.document.file_name == "x.csv"
    assert fake.calls_to("sendDocument")[0].filenames["document"] == "x.csv"


async def test_chat_administrators_and_members_parse_in_ptb(fake: FakeTelegramApi) -> None:
    fake.set_admins(
        GROUP,
        [
            {"status": "creator", "user": {"id": 1, "first_name": "Owner"}},
            {"id": 2, "first_name": "Facilitator", "username": "fac"},
        ],
    )
    fake.set_member(GROUP, 3, "restricted")
    async with build_app(fake) as app:
        admins = await app.bot.get_chat_administrators(GROUP)
        restricted = await app.bot.get_chat_member(GROUP, 3)
        plain = await app.bot.get_chat_member(GROUP, 4)
        me = await app.bot.get_chat_member(GROUP, fake.bot_id)

    assert isinstance(admins[0], ChatMemberOwner)
    assert isinstance(admins[1], ChatMemberAdministrator)
    assert admins[1].user.username == "fac"
    assert restricted.status == "restricted"
    assert plain.status == "member"
    assert me.user.is_bot


async def test_injected_429_surfaces_as_retry_after(fake: FakeTelegramApi) -> None:
    fake.mark_started(USER)
    fake.fail_next("sendMessage", status=429, retry_after=3)
    async with build_app(fake) as app:
        with pytest.raises(RetryAfter, match="Retry in 3"):
            await app.bot.send_message(USER, "hello")
        await app.bot.send_message(USER, "hello again")

    assert [c.status for c in fake.calls_to("sendMessage")] == [429, 200]


async def test_rate_limiter_retries_after_an_injected_429(fake: FakeTelegramApi) -> None:
    fake.mark_started(USER)
    fake.fail_next("sendMessage", status=429, retry_after=1)
    limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=1)
    async with build_app(fake, rate_limiter=limiter) as app:
        message = await app.bot.send_message(USER, "hello")

    first, second = fake.calls_to("sendMessage")
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 1.0
    assert message.text == "hello"


async def test_enforced_rate_answers_429_per_chat(fake: FakeTelegramApi) -> None:
    fake.enforce_rate(per_second=100, per_chat_per_minute=2)
    async with build_app(fake) as app:
        await app.bot.send_message(GROUP, "one")
        await app.bot.send_message(GROUP, "two")
        with pytest.raises(RetryAfter):
            await app.bot.send_message(GROUP, "three")
        await app.bot.send_message(GROUP - 1, "other chat is fine")


async def test_dm_to_a_user_who_never_started_the_bot_is_forbidden(
    fake: FakeTelegramApi,
) -> None:
    async with build_app(fake) as app:
        with pytest.raises(Forbidden, match="can't initiate conversation"):
            await app.bot.send_message(USER, "hi")
        fake.mark_started(USER)
        await app.bot.send_message(USER, "hi")
        fake.remove_bot_from(GROUP)
        with pytest.raises(Forbidden, match="kicked from the supergroup chat"):
            await app.bot.send_message(GROUP, "anyone?")


async def test_migrated_group_raises_chat_migrated(fake: FakeTelegramApi) -> None:
    seen: list[tuple[int | None, int | None]] = []

    async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        msg = update.effective_message
        seen.append((msg.migrate_to_chat_id, msg.migrate_from_chat_id))

    app = build_app(fake)
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    async with polling(app):
        fake.push_migrate(-555, GROUP)
        with pytest.raises(ChatMigrated) as info:
            await app.bot.send_message(-555, "old group")
        await fake.wait_idle()

    assert info.value.new_chat_id == GROUP
    assert seen == [(GROUP, None), (None, -555)]


async def test_my_chat_member_kick_is_delivered_and_blocks_sending(
    fake: FakeTelegramApi,
) -> None:
    statuses: list[str] = []

    async def on_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.my_chat_member is not None
        statuses.append(update.my_chat_member.new_chat_member.status)

    app = build_app(fake)
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    async with polling(app):
        fake.push_my_chat_member(-77, old_status="member", new_status="kicked")
        await fake.wait_idle()
        with pytest.raises(Forbidden, match="kicked from the group chat"):
            await app.bot.send_message(-77, "still here?")

    assert statuses == ["kicked"]


async def test_malformed_markup_and_noop_edits_are_bad_requests(fake: FakeTelegramApi) -> None:
    fake.mark_started(USER)
    async with build_app(fake) as app:
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await app.bot.send_message(USER, "a < b", parse_mode="HTML")
        with pytest.raises(BadRequest, match=r"(?i)character '\.' is reserved"):
            await app.bot.send_message(USER, "Done.", parse_mode="MarkdownV2")
        ok = await app.bot.send_message(USER, "*Done*\\.", parse_mode="MarkdownV2")
        assert ok.text == "Done."
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await app.bot.edit_message_text("Done.", chat_id=USER, message_id=ok.message_id)
        with pytest.raises(BadRequest, match="too long"):
            await app.bot.send_message(USER, "x" * 4097)
        assert await app.bot.delete_message(USER, ok.message_id)
        with pytest.raises(BadRequest, match="to delete not found"):
            await app.bot.delete_message(USER, ok.message_id)


async def test_502_delays_commands_and_wrong_token(fake: FakeTelegramApi) -> None:
    fake.mark_started(USER)
    fake.fail_next("sendMessage", status=502)
    fake.delay_next("sendChatAction", 0.2)
    async with build_app(fake) as app:
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await app.bot.send_message(USER, "x")
        started = time.monotonic()
        await app.bot.send_chat_action(USER, "typing")
        assert time.monotonic() - started >= 0.2
        await app.bot.set_my_commands([("checkin", "Daily check-in")])
        assert [c.command for c in await app.bot.get_my_commands()] == ["checkin"]
        with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
            await app.bot.set_my_commands([("CheckIn", "uppercase is rejected")])
        assert await app.bot.do_api_request("someFutureMethod", api_kwargs={"x": 1}) is True

    assert fake.calls_to("someFutureMethod")[0].params == {"x": "1"}
    bad = build_app(fake, token="999:WRONG")
    with pytest.raises(InvalidToken):
        await bad.initialize()
    # Application.shutdown() is a no-op when initialize() failed; the bot's clients stay open
    await bad.bot.shutdown()
    assert fake.calls_to("getMe")[-1].status == 401


async def test_a_second_poll_ends_the_first_with_conflict(fake: FakeTelegramApi) -> None:
    url = f"{fake.url}/bot{fake.token}/getUpdates"

    async def poll(session: aiohttp.ClientSession, data: dict[str, str]) -> dict[str, Any]:
        async with session.post(url, data=data) as resp:
            return dict(await resp.json())

    async with aiohttp.ClientSession() as session:
        first = asyncio.create_task(poll(session, {"timeout": "2"}))
        while fake.polls_started == 0:  # the first poll must be waiting before the second
            await asyncio.sleep(0.01)
        second = asyncio.create_task(poll(session, {"timeout": "2", "offset": "0"}))
        older = await first  # answered as soon as the second poll arrives
        update = fake.push_message(USER, "hello", user_id=USER)
        body = await second

    assert older["error_code"] == 409
    assert [u["update_id"] for u in body["result"]] == [update["update_id"]]


async def test_webhook_mode_checks_the_secret_and_delivers_updates(
    fake: FakeTelegramApi,
) -> None:
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg"
    app = build_app(fake)
    app.add_handler(CommandHandler("start", reply_welcome))
    async with app:
        await app.updater.start_webhook(  # type: ignore[union-attr]
            listen="127.0.0.1", port=port, url_path="tg", webhook_url=hook, secret_token="s3cret"
        )
        await app.start()
        try:
            set_call = fake.calls_to("setWebhook")[0]
            assert set_call.params["url"] == hook
            assert set_call.params["secret_token"] == "s3cret"
            with pytest.raises(Conflict):
                await app.bot.get_updates(timeout=0)

            update = {
                "update_id": 1,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": USER, "type": "private", "first_name": "Alice"},
                    "from": {"id": USER, "is_bot": False, "first_name": "Alice"},
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                },
            }
            assert await fake.post_webhook(hook, update, None) == 403
            assert await fake.post_webhook(hook, update, "wrong") == 403
            fake.mark_started(USER)
            assert await fake.post_webhook(hook, update, "s3cret") == 200
            await fake.wait_for_call("sendMessage")

            # updates pushed while a webhook is set are delivered by the fake itself
            mark = len(fake.calls)
            fake.push_message(USER, "/start", user_id=USER)
            await fake.wait_for_call("sendMessage", start=mark)
            assert fake.webhook_deliveries[-1].status == 200
        finally:
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()


async def test_get_updates_filters_types_and_prunes_by_offset(fake: FakeTelegramApi) -> None:
    first = fake.push_message(USER, "hi", user_id=USER)
    fake.push_my_chat_member(GROUP, old_status="left", new_status="member", chat_type="supergroup")
    last = fake.push_message(GROUP, "hello", user_id=USER, chat_type="supergroup")
    with pytest.raises(ValueError, match="not above"):
        fake.push_update({"update_id": first["update_id"], "message": first["message"]})
    async with build_app(fake) as app:
        updates = await app.bot.get_updates(timeout=0, allowed_updates=["message"])
        assert [u.update_id for u in updates] == [first["update_id"], last["update_id"]]
        assert updates[1].message is not None and updates[1].message.chat.type == "supergroup"
        again = await app.bot.get_updates(timeout=0, offset=first["update_id"] + 1)
        assert [u.update_id for u in again] == [last["update_id"]]
        started = time.monotonic()
        assert await app.bot.get_updates(timeout=0.3, offset=last["update_id"] + 1) == ()
        assert time.monotonic() - started >= 0.3  # an empty long poll waits out its timeout
        info = await app.bot.get_webhook_info()

    assert info.pending_update_count == 0
    assert fake.pending_updates == []


async def test_replies_chats_and_leaving_behave_like_telegram(fake: FakeTelegramApi) -> None:
    async with build_app(fake) as app:
        sent = await app.bot.send_message(GROUP, "Check-in time")
        fake.push_message(GROUP, "done", user_id=USER, chat_type="supergroup", reply_to_bot=True)
        (update,) = await app.bot.get_updates(timeout=0)
        assert update.message is not None and update.message.reply_to_message is not None
        assert update.message.reply_to_message.message_id == sent.message_id
        assert update.message.reply_to_message.from_user is not None
        assert update.message.reply_to_message.from_user.username == "iop_test_bot"

        reply = await app.bot.send_message(GROUP, "thanks", reply_to_message_id=9999, allow_sending_without_reply=True)
        assert reply.reply_to_message is None
        with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
            await app.bot.send_message(GROUP, "thanks", reply_to_message_id=9999)

        chat = await app.bot.get_chat(GROUP)
        assert chat.type == "supergroup" and chat.title == f"Group {GROUP}"
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await app.bot.get_chat(-424242)

        same = await app.bot.send_photo(GROUP, photo=fake.add_file(b"img", filename="a.png"))
        assert same.photo[-1].file_size == 3

        assert await app.bot.leave_chat(GROUP)
        with pytest.raises(Forbidden):
            await app.bot.send_message(GROUP, "bye")

    fake.enforce_rate(per_second=2)
    fake.mark_started(USER)
    async with build_app(fake) as app:
        await app.bot.send_message(USER, "1")
        await app.bot.send_message(USER, "2")
        with pytest.raises(RetryAfter):
            await app.bot.send_message(USER, "3")
