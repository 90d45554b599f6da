"""The Telegram adapter end to end: the real PTB Application, the real bot, a fake Bot API.

Each test starts the bot exactly as ``iop-bot run`` does (see ``tests/test_telegram_world``)
on a real database (SQLite and PostgreSQL), pushes updates the way Telegram would, and
asserts on what reached the fake.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.domain import (
    Attachment,
    Button,
    ChatKind,
    ChatRef,
    Image,
    InChat,
    MessageRef,
    PersonRef,
    Platform,
    Reply,
    Role,
    ToPerson,
)
from bot.rich import Rich, Span, Style
from tests.fakes.telegram_api import FakeTelegramApi
from tests.test_telegram_world import (
    ALICE,
    BOB,
    COACH,
    GROUP,
    SMALL_GROUP,
    TelegramBot,
    buttons,
    free_port,
    join,
    running,
    sent,
    stored_membership,
    visible,
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegramApi]:
    async with FakeTelegramApi() as api:
        yield api


@pytest.fixture
async def tg(fake: FakeTelegramApi, database_url: str, tmp_path: Path) -> AsyncIterator[TelegramBot]:
    async with running(fake, database_url, tmp_path / "data") as bot:
        yield bot


# -- getting started ------------------------------------------------------------------------


async def test_start_in_a_private_chat_explains_the_bot_and_gives_crisis_resources(tg: TelegramBot) -> None:
    calls = await tg.say(ALICE, "/start")
    [reply] = sent(calls, ALICE)
    assert reply.params["parse_mode"] == "HTML"
    assert "not a therapist" in visible(reply)
    assert "988" in visible(reply)


async def test_start_and_help_in_a_group_answer_in_the_group(tg: TelegramBot) -> None:
    start = await tg.say(GROUP, "/start", chat_type="group")
    assert "Use /join to take part" in visible(sent(start, GROUP)[0])
    help_calls = await tg.say(GROUP, "/help@iop_test_bot", chat_type="group")
    [reply] = sent(help_calls, GROUP)
    assert "/join" in visible(reply)
    assert "/help" in visible(reply)


async def test_a_command_for_another_bot_is_ignored(tg: TelegramBot) -> None:
    calls = await tg.say(GROUP, "/start@some_other_bot")
    assert sent(calls) == []


async def test_command_menus_are_registered_for_private_chats_groups_and_admins(tg: TelegramBot) -> None:
    menus = {scope: [c["command"] for c in commands] for (scope, _lang), commands in tg.fake.commands.items()}
    private = menus['{"type": "all_private_chats"}']
    groups = menus['{"type": "all_group_chats"}']
    admins = menus['{"type": "all_chat_administrators"}']
    assert {"start", "help", "join"} <= set(private)
    assert {"start", "help", "join", "timezone"} <= set(groups)
    assert set(groups) <= set(admins)


async def test_unknown_command_gets_a_polite_answer(tg: TelegramBot) -> None:
    calls = await tg.say(ALICE, "/frobnicate now")
    assert "I don't know the command /frobnicate" in visible(sent(calls, ALICE)[0])


# -- joining --------------------------------------------------------------------------------


async def test_join_sends_the_consent_privately_and_the_agree_button_stores_the_membership(tg: TelegramBot) -> None:
    tg.fake.mark_started(ALICE)
    calls = await tg.say(GROUP, "/join")
    assert sent(calls, GROUP) == []
    [consent] = sent(calls, ALICE)
    assert "Before you join" in visible(consent)
    labels = [label for label, _ in buttons(consent)]
    assert labels == ["I agree", "Not now"]
    assert all(len(data.encode()) <= 64 for _, data in buttons(consent))
    person, _group, membership = await stored_membership(tg.app, ALICE, GROUP)
    assert person is None and membership is None

    agree = dict(buttons(consent))["I agree"]
    pressed = await tg.press(consent.result, agree)
    assert [c for c in pressed if c.method == "answerCallbackQuery" and c.ok]
    assert "Welcome, Alice" in visible(sent(pressed, ALICE)[0])
    person, _group, membership = await stored_membership(tg.app, ALICE, GROUP)
    assert person is not None and person.display_name == "Alice"
    assert membership is not None and membership.active and membership.role is Role.MEMBER


async def test_someone_who_never_started_the_bot_gets_a_pointer_in_the_group_and_nothing_private(
    tg: TelegramBot,
) -> None:
    calls = await tg.say(GROUP, "/join", user_id=BOB, name="Bob")
    refused = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == BOB]
    assert refused and all(c.status == 403 for c in refused)
    [pointer] = sent(calls, GROUP)
    assert "Bob" in visible(pointer)
    assert "Start" in visible(pointer)
    assert "Before you join" not in visible(pointer)
    assert buttons(pointer) == []


async def test_a_member_cannot_change_the_time_zone_but_a_chat_admin_can(tg: TelegramBot) -> None:
    tg.fake.set_admins(GROUP, [{"id": COACH, "first_name": "Coach"}])
    tg.fake.mark_started(ALICE)
    await tg.say(GROUP, "/start")
    refused = await tg.say(GROUP, "/timezone Europe/Berlin")
    assert "only this group's facilitators" in visible(sent(refused, ALICE)[0])
    assert sent(refused, GROUP) == []
    _, group, _ = await stored_membership(tg.app, ALICE, GROUP)
    assert group.timezone == "UTC"

    allowed = await tg.say(GROUP, "/timezone Europe/Berlin", user_id=COACH, name="Coach")
    assert "Europe/Berlin" in visible(sent(allowed, GROUP)[0])
    _, group, _ = await stored_membership(tg.app, COACH, GROUP)
    assert group.timezone == "Europe/Berlin"


async def test_chat_admins_are_asked_once_a_minute_and_bots_are_not_facilitators(tg: TelegramBot) -> None:
    tg.fake.set_admins(
        GROUP, [{"id": COACH, "first_name": "Coach"}, {"id": 555, "first_name": "Helper", "is_bot": True}]
    )
    chat = ChatRef(Platform.TELEGRAM, str(GROUP), ChatKind.GROUP)
    mark = len(tg.fake.calls)
    people = await tg.messenger.facilitators(chat)
    assert [p.user_id for p in people] == [str(COACH)]
    assert await tg.messenger.is_facilitator(chat, PersonRef(Platform.TELEGRAM, str(COACH), "Coach"))
    assert not await tg.messenger.is_facilitator(chat, PersonRef(Platform.TELEGRAM, str(ALICE), "Alice"))
    assert len([c for c in tg.fake.calls[mark:] if c.method == "getChatAdministrators"]) == 1


# -- chats coming and going -----------------------------------------------------------------


async def test_the_bot_added_to_a_group_registers_it_and_removed_marks_it_inactive(tg: TelegramBot) -> None:
    await tg.push(
        tg.fake.push_my_chat_member(
            GROUP, old_status="left", new_status="member", chat_type="supergroup", title="Tuesday IOP"
        )
    )
    _, group, _ = await stored_membership(tg.app, ALICE, GROUP)
    assert group is not None and group.active and group.title == "Tuesday IOP"

    await tg.push(tg.fake.push_my_chat_member(GROUP, old_status="member", new_status="kicked", chat_type="supergroup"))
    _, group, _ = await stored_membership(tg.app, ALICE, GROUP)
    assert group is not None and not group.active


async def test_a_group_upgraded_to_a_supergroup_keeps_its_members_and_settings(tg: TelegramBot) -> None:
    tg.fake.set_admins(SMALL_GROUP, [{"id": COACH, "first_name": "Coach"}])
    await join(tg, SMALL_GROUP, ALICE, "Alice")
    await tg.say(SMALL_GROUP, "/timezone Europe/Berlin", user_id=COACH, name="Coach", chat_type="group")
    _, before, _ = await stored_membership(tg.app, ALICE, SMALL_GROUP)

    first, second = tg.fake.push_migrate(SMALL_GROUP, GROUP)
    await tg.wait_handled(first["update_id"])
    await tg.wait_handled(second["update_id"])

    _, after, membership = await stored_membership(tg.app, ALICE, GROUP)
    assert after.id == before.id and after.timezone == "Europe/Berlin"
    assert membership is not None and membership.active
    old = ChatRef(Platform.TELEGRAM, str(SMALL_GROUP), ChatKind.GROUP)
    refs = await tg.messenger.send(Reply(Rich.of("still here"), to=InChat(old)), None)
    assert refs == [MessageRef(Platform.TELEGRAM, str(GROUP), refs[0].message_id)]


# -- failures the core must ride out --------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502])
async def test_a_rate_limit_or_bad_gateway_is_retried_and_the_reply_arrives_exactly_once(
    tg: TelegramBot, status: int
) -> None:
    tg.fake.fail_next("sendMessage", status=status, retry_after=1)
    calls = await tg.say(ALICE, "/start")
    attempts = [c for c in calls if c.method == "sendMessage"]
    assert [c.status for c in attempts] == [status, 200]
    assert len(sent(calls, ALICE)) == 1


async def test_a_long_reply_is_split_and_a_429_halfway_never_repeats_a_part(tg: TelegramBot) -> None:
    tg.fake.mark_started(ALICE)
    paragraph = "Breathe in for four, hold for seven, out for eight. " * 20
    text = Rich.of("\n\n".join(f"{number}. {paragraph}" for number in range(9)))
    tg.fake.enforce_rate(per_second=1)
    mark = len(tg.fake.calls)
    person = PersonRef(Platform.TELEGRAM, str(ALICE), "Alice")
    reply = Reply(text, buttons=((Button("Done", "x:1"),),), to=ToPerson(person))
    await tg.app.core.outbox.deliver([reply], None)
    delivered = sent(tg.fake.calls[mark:], ALICE)
    assert len(delivered) == 3
    assert any(c.status == 429 for c in tg.fake.calls[mark:])
    assert all(len(visible(c)) <= 4096 for c in delivered)
    assert len({visible(c) for c in delivered}) == 3
    assert [bool(buttons(c)) for c in delivered] == [False, False, True]
    assert "".join(visible(c) for c in delivered).replace(" ", "").replace("\n", "") == text.plain().replace(
        " ", ""
    ).replace("\n", "")


async def test_the_same_update_delivered_twice_is_handled_once(
    fake: FakeTelegramApi, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    async with running(
        fake,
        database_url,
        tmp_path / "data",
        telegram_webhook_url=url,
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=port,
        telegram_webhook_secret="s3cret-Token",
    ) as tg:
        update = {
            "update_id": 777,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": {"id": ALICE, "type": "private", "first_name": "Alice"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        fake.mark_started(ALICE)
        mark = len(fake.calls)
        assert await fake.post_webhook(url, update, "s3cret-Token") == 200
        await tg.wait_handled(777)
        assert await fake.post_webhook(url, update, "s3cret-Token") == 200
        await tg.wait_handled(777)
        await fake.wait_idle(quiet=0.3)
        assert len(sent(fake.calls[mark:], ALICE)) == 1


async def test_webhook_mode_refuses_requests_without_the_secret_and_handles_those_with_it(
    fake: FakeTelegramApi, database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    async with running(
        fake,
        database_url,
        tmp_path / "data",
        telegram_webhook_url=url,
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=port,
        telegram_webhook_secret="s3cret-Token",
    ) as tg:
        assert fake.webhook_url == url and fake.webhook_secret == "s3cret-Token"
        update = {
            "update_id": 900,
            "message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "chat": {"id": ALICE, "type": "private", "first_name": "Alice"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            },
        }
        fake.mark_started(ALICE)
        mark = len(fake.calls)
        assert await fake.post_webhook(url, update, None) == 403
        assert await fake.post_webhook(url, {**update, "update_id": 901}, "wrong") == 403
        await fake.wait_idle(quiet=0.3)
        assert sent(fake.calls[mark:]) == []
        assert tg.handled == set()

        calls = await tg.push(fake.push_message(ALICE, "/help", user_id=ALICE))  # the fake posts with the secret
        assert "/join" in visible(sent(calls, ALICE)[0])


# -- rendering ------------------------------------------------------------------------------


async def test_names_and_text_with_markup_characters_are_shown_literally(tg: TelegramBot) -> None:
    calls = await tg.say(ALICE, "/start", name="<b>Bo&b</b>")
    [reply] = sent(calls, ALICE)
    assert "&lt;b&gt;Bo&amp;b&lt;/b&gt;" in reply.params["text"]
    assert "Hi <b>Bo&b</b>," in visible(reply)


async def test_rich_styles_become_telegram_html(tg: TelegramBot) -> None:
    tg.fake.mark_started(ALICE)
    text = Rich(
        (
            Span("bold <1>", Style.BOLD),
            Span(" & "),
            Span("it", Style.ITALIC),
            Span("secret", Style.SPOILER),
            Span("x<y", Style.CODE),
        )
    )
    person = PersonRef(Platform.TELEGRAM, str(ALICE), "Alice")
    mark = len(tg.fake.calls)
    await tg.messenger.send(Reply(text, to=ToPerson(person)), None)
    [call] = sent(tg.fake.calls[mark:], ALICE)
    assert call.params["text"] == (
        "<b>bold &lt;1&gt;</b> &amp; <i>it</i><tg-spoiler>secret</tg-spoiler><code>x&lt;y</code>"
    )
    assert visible(call) == "bold <1> & itsecretx<y"


async def test_an_image_goes_with_its_alt_text_as_caption_and_a_file_as_a_document(tg: TelegramBot) -> None:
    tg.fake.mark_started(ALICE)
    person = PersonRef(Platform.TELEGRAM, str(ALICE), "Alice")
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    long_alt = "Mood over two weeks: " + "steady, " * 200
    reply = Reply(
        Rich.of("Your mood chart"),
        image=Image(png, long_alt, "mood.png"),
        buttons=((Button("OK", "x:1"),),),
        to=ToPerson(person),
    )
    mark = len(tg.fake.calls)
    refs = await tg.messenger.send(reply, None)
    calls = tg.fake.calls[mark:]
    [photo] = sent(calls, ALICE, "sendPhoto")
    assert photo.files["photo"] == png
    assert len(photo.params["caption"]) <= 1024 and photo.params["caption"].startswith("Mood over two weeks")
    [text] = sent(calls, ALICE)
    assert visible(text) == "Your mood chart" and buttons(text) == [("OK", "x:1")]
    assert len(refs) == 2

    mark = len(tg.fake.calls)
    await tg.messenger.send(
        Reply(Rich.of("Your data"), file=Attachment(b'{"a": 1}', "export.json"), to=ToPerson(person)), None
    )
    [document] = sent(tg.fake.calls[mark:], ALICE, "sendDocument")
    assert document.files["document"] == b'{"a": 1}'
    assert document.filenames["document"] == "export.json"


async def test_an_edit_replaces_the_text_and_an_unchanged_edit_is_not_an_error(tg: TelegramBot) -> None:
    chat = ChatRef(Platform.TELEGRAM, str(GROUP), ChatKind.GROUP)
    tg.fake.set_admins(GROUP, [])
    [ref] = await tg.messenger.send(Reply(Rich.of("Support: 1"), to=InChat(chat)), None)
    edited = Reply(Rich.of("Support: 2"), to=InChat(chat), edit=ref)
    assert await tg.messenger.send(edited, None) == [ref]
    assert await tg.messenger.send(edited, None) == [ref]
    edits = [c for c in tg.fake.calls if c.method == "editMessageText"]
    assert [c.status for c in edits] == [200, 400]
    assert tg.fake.message(GROUP, int(ref.message_id))["text"] == "Support: 2"


# -- buttons --------------------------------------------------------------------------------


async def test_forged_button_data_in_a_group_is_answered_with_a_polite_popup(tg: TelegramBot) -> None:
    start = await tg.say(GROUP, "/start")
    card = sent(start, GROUP)[0].result
    calls = await tg.press(card, "nonsense:forged")
    [answer] = [c for c in calls if c.method == "answerCallbackQuery"]
    assert answer.ok and "expired" in answer.params["text"] and answer.params["show_alert"] is True
    assert sent(calls) == []


async def test_forged_button_data_in_a_private_chat_stops_the_spinner_and_says_it_expired(tg: TelegramBot) -> None:
    start = await tg.say(ALICE, "/start")
    calls = await tg.press(sent(start, ALICE)[0].result, "join.ok:999999")
    assert [c.ok for c in calls if c.method == "answerCallbackQuery"] == [True]
    assert "expired" in visible(sent(calls, ALICE)[0])


async def test_plain_text_in_a_group_is_addressed_only_when_it_mentions_or_replies_to_the_bot(tg: TelegramBot) -> None:
    seen: list[tuple[str, bool]] = []

    async def fallback(ctx: Any, text: str) -> list[Reply]:
        seen.append((text, ctx.event.action.addressed))
        return []

    original = tg.app.router.text_fallback
    tg.app.router.text_fallback = fallback
    try:
        await tg.say(GROUP, "just chatting with everyone")
        await tg.say(GROUP, "@iop_test_bot what is DBT?")
        await tg.say(GROUP, "and what about groups?", reply_to_bot=True)
        await tg.say(ALICE, "what is IOP?")
    finally:
        tg.app.router.text_fallback = original
    assert seen == [("what is DBT?", True), ("and what about groups?", True), ("what is IOP?", True)]
