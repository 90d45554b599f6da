"""The Discord fake, driven by the real discord.py client (no project code involved).

Why: adapter end-to-end tests trust ``FakeDiscord``; these tests prove that an unmodified
discord.py 2.7 client logs in, becomes ready, syncs commands, answers interactions, uploads
files, retries rate limits and resumes against it, and that the fake enforces Discord's rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import zlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakes.discord_api import (
    MESSAGE_FLAG_EPHEMERAL,
    PERM_MANAGE_GUILD,
    Call,
    FakeDiscord,
)

TOKEN = "fake.bot.token"
GUILD = 1001
GENERAL = 2001
CHECKINS = 2002
FACILITATOR_ROLE = 3001
OWNER = 400
ALICE = 501
BOB = 502


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A started, patched fake with one guild: a facilitator (alice) and a member (bob)."""
    async with FakeDiscord(token=TOKEN, heartbeat_interval_ms=1000) as server:
        server.add_user(OWNER, "owner")
        server.add_guild(
            GUILD,
            "IOP Tuesday group",
            channels=[(GENERAL, "general"), (CHECKINS, "check-ins")],
            roles=[{"id": FACILITATOR_ROLE, "name": "facilitator", "permissions": PERM_MANAGE_GUILD}],
            members=[
                {"id": OWNER, "username": "owner"},
                {"id": ALICE, "username": "alice", "roles": [FACILITATOR_ROLE]},
                {"id": BOB, "username": "bob"},
            ],
            owner_id=OWNER,
        )
        yield server


def base_intents(**extra: bool) -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    for name, value in extra.items():
        setattr(intents, name, value)
    return intents


def make_bot(intents: discord.Intents | None = None, **kwargs: Any) -> commands.Bot:
    return commands.Bot(
        command_prefix="!",
        intents=intents or base_intents(),
        guild_ready_timeout=0.05,
        **kwargs,
    )


@contextlib.asynccontextmanager
async def running(client: discord.Client) -> AsyncIterator[discord.Client]:
    """Start a client against the fake, wait for on_ready, always close it."""
    task = asyncio.create_task(client.start(TOKEN))
    await asyncio.sleep(0)
    ready = asyncio.create_task(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait({task, ready}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()
            raise RuntimeError("client stopped before becoming ready")
        if ready not in done:
            raise TimeoutError("client did not become ready")
        yield client
    finally:
        ready.cancel()
        await client.close()
        await asyncio.wait_for(task, 5)


def callback_types(calls: list[Call]) -> list[int]:
    return [c.json["type"] for c in calls if c.route.endswith("/callback")]


async def test_a_plain_client_logs_in_and_sees_the_configured_guild(fake: FakeDiscord) -> None:
    bot = make_bot()
    async with running(bot):
        guild = bot.get_guild(GUILD)
        assert guild is not None and not guild.unavailable
        assert guild.name == "IOP Tuesday group"
        assert guild.owner_id == OWNER
        assert {c.id for c in guild.text_channels} == {GENERAL, CHECKINS}
        assert guild.default_role.id == GUILD
        assert guild.get_role(FACILITATOR_ROLE).permissions.manage_guild
        assert bot.user is not None and bot.user.id == fake.bot_id
        assert bot.application_id == fake.application_id
        await fake._wait(lambda: fake.heartbeats >= 1, 5, "a heartbeat")
    assert [c.path for c in fake.calls[:2]] == ["/users/@me", "/oauth2/applications/@me"]
    assert fake.calls[0].headers["Authorization"] == f"Bot {TOKEN}"
    assert fake.gateway_queries[0] == {"v": "10", "encoding": "json", "compress": "zlib-stream"}
    assert fake.identify_payloads[0]["intents"] == base_intents().value


async def test_members_are_only_sent_with_the_members_intent_and_chunking_is_answered(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    async with running(bot):
        assert {m.id for m in bot.get_guild(GUILD).members} == {fake.bot_id}
    with_members = make_bot(base_intents(members=True))
    async with running(with_members):
        guild = with_members.get_guild(GUILD)
        assert {m.id for m in guild.members} == {fake.bot_id, OWNER, ALICE, BOB}
        assert guild.get_member(ALICE).guild_permissions.manage_guild
        assert not guild.get_member(BOB).guild_permissions.manage_guild
        assert guild.chunked
        found = await guild.query_members("al")
        assert [m.id for m in found] == [ALICE]
    assert [f["d"]["query"] for f in fake.gateway_frames if f.get("op") == 8] == ["al"]


async def test_unknown_token_is_rejected_at_login(fake: FakeDiscord) -> None:
    bot = make_bot()
    with pytest.raises(discord.LoginFailure):
        await bot.login("wrong-token")
    await bot.close()


async def test_tree_sync_puts_commands_and_gets_them_back_with_ids(fake: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.command(name="checkin", description="Share how you are doing")
    async def checkin(interaction: discord.Interaction, mood: int) -> None:
        await interaction.response.send_message(f"mood {mood}")

    guild_obj = discord.Object(GUILD)

    @bot.tree.command(name="facilitate", description="Facilitator tools", guild=guild_obj)
    async def facilitate(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok")

    async with running(bot):
        synced = await bot.tree.sync()
        synced_guild = await bot.tree.sync(guild=guild_obj)
    assert [c.name for c in synced] == ["checkin"]
    assert synced[0].id and synced[0].application_id == fake.application_id
    assert [c.name for c in synced_guild] == ["facilitate"]
    put = fake.calls_to("PUT", "/applications/{id}/commands")[0]
    assert put.json[0]["options"][0]["name"] == "mood"
    assert fake.calls_to("PUT", f"/applications/{fake.application_id}/guilds/{GUILD}/commands")
    assert [c["name"] for c in fake.guild_commands[GUILD]] == ["facilitate"]


async def test_slash_command_replies_through_the_callback_and_sends_a_followup(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    seen: dict[str, Any] = {}

    @bot.tree.command(name="checkin", description="Share how you are doing")
    @app_commands.describe(mood="1-5")
    async def checkin(interaction: discord.Interaction, mood: int, note: str = "") -> None:
        seen["perms"] = interaction.permissions.manage_guild
        seen["user"] = interaction.user.id
        await interaction.response.send_message(f"Thanks, mood {mood} {note}".strip())
        await interaction.followup.send("A skill to try: box breathing", ephemeral=True)

    async with running(bot):
        payload = await fake.dispatch_slash("checkin", {"mood": 4, "note": "ok"}, user=ALICE, channel_id=CHECKINS)
        calls = await fake.wait_for_interaction_response(payload["id"], count=2)
    assert seen == {"perms": True, "user": ALICE}
    callback, followup = calls
    assert callback.json == {"type": 4, "data": {"tts": False, "content": "Thanks, mood 4 ok"}}
    assert callback.query == {"with_response": "1"}
    assert followup.route == "/webhooks/{application_id}/{token}"
    assert followup.query["wait"] == "1"
    contents = [(m["content"], m["flags"]) for m in fake.messages_in(CHECKINS)]
    assert contents == [
        ("Thanks, mood 4 ok", 0),
        ("A skill to try: box breathing", MESSAGE_FLAG_EPHEMERAL),
    ]


async def test_deferred_slash_command_is_completed_by_its_first_followup(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    done = asyncio.Event()

    @bot.tree.command(name="report", description="Weekly report")
    async def report(interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send("Your week: 5 check-ins")
        await interaction.edit_original_response(content="Your week: 5 check-ins (edited)")
        done.set()

    async with running(bot):
        payload = await fake.dispatch_slash("report", user=BOB, channel_id=GENERAL)
        await asyncio.wait_for(done.wait(), 5)
    calls = fake.interaction_responses(payload["id"])
    assert callback_types(calls) == [5]
    assert [c.method for c in calls] == ["POST", "POST", "PATCH"]
    assert calls[2].route.endswith("/messages/@original")
    (msg,) = fake.messages_in(GENERAL)
    assert msg["content"] == "Your week: 5 check-ins (edited)"
    assert msg["flags"] == MESSAGE_FLAG_EPHEMERAL


async def test_slash_command_in_a_dm_carries_the_user_and_a_dm_channel(fake: FakeDiscord) -> None:
    bot = make_bot()
    seen: dict[str, Any] = {}

    @bot.tree.command(name="privacy", description="What we store")
    async def privacy(interaction: discord.Interaction) -> None:
        seen["guild"] = interaction.guild_id
        seen["channel"] = type(interaction.channel).__name__
        await interaction.response.send_message("We store very little.")

    async with running(bot):
        payload = await fake.dispatch_slash("privacy", user=BOB)
        await fake.wait_for_interaction_response(payload["id"])
    assert seen == {"guild": None, "channel": "DMChannel"}
    dm_id = int(fake.dm_channel(BOB)["id"])
    assert [m["content"] for m in fake.messages_in(dm_id)] == ["We store very little."]


class MoodView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.clicked_by: int | None = None

    @discord.ui.button(label="Good", custom_id="mood:good", style=discord.ButtonStyle.success)
    async def good(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        self.clicked_by = interaction.user.id
        await interaction.response.edit_message(content="Recorded: good", view=None)


async def test_button_on_a_sent_view_runs_its_callback_and_edits_the_message(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    async with running(bot):
        view = MoodView()
        sent = await bot.get_channel(CHECKINS).send("How are you today?", view=view)
        stored = fake.messages[sent.id]
        assert stored["components"][0]["components"][0]["custom_id"] == "mood:good"
        payload = await fake.dispatch_button(stored, "mood:good", user=BOB)
        await fake.wait_for_interaction_response(payload["id"])
    assert view.clicked_by == BOB
    assert callback_types(fake.interaction_responses(payload["id"])) == [7]
    assert fake.messages[sent.id]["content"] == "Recorded: good"
    assert fake.messages[sent.id]["components"] == []


class PersistentCheckin(discord.ui.View):
    def __init__(self, clicked: asyncio.Event | None = None) -> None:
        super().__init__(timeout=None)
        self.clicked = clicked

    @discord.ui.button(label="I'm okay", custom_id="persist:okay")
    async def okay(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.send_message("Noted, thank you.", ephemeral=True)
        if self.clicked is not None:
            self.clicked.set()


class PersistentBot(commands.Bot):
    def __init__(self, clicked: asyncio.Event) -> None:
        super().__init__(command_prefix="!", intents=base_intents(), guild_ready_timeout=0.05)
        self.clicked = clicked

    async def setup_hook(self) -> None:
        self.add_view(PersistentCheckin(self.clicked))


async def test_persistent_view_receives_a_click_after_a_client_restart(fake: FakeDiscord) -> None:
    first = make_bot()
    async with running(first):
        sent = await first.get_channel(GENERAL).send("Daily check-in", view=PersistentCheckin())
    clicked = asyncio.Event()
    second = PersistentBot(clicked)
    async with running(second):
        payload = await fake.dispatch_button(sent.id, "persist:okay", user=ALICE)
        await asyncio.wait_for(clicked.wait(), 5)
        await fake.wait_for_interaction_response(payload["id"])
    (callback,) = fake.interaction_responses(payload["id"])
    assert callback.json["type"] == 4
    assert callback.json["data"]["flags"] == MESSAGE_FLAG_EPHEMERAL
    assert len(fake.identify_payloads) == 2


class NoteModal(discord.ui.Modal, title="Private note"):
    note: discord.ui.TextInput[Any] = discord.ui.TextInput(label="Note", custom_id="note")

    def __init__(self, submitted: asyncio.Future[str]) -> None:
        super().__init__(custom_id="note-modal")
        self.submitted = submitted

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("Saved privately.", ephemeral=True)
        self.submitted.set_result(self.note.value)


async def test_modal_is_shown_and_its_submission_reaches_on_submit(fake: FakeDiscord) -> None:
    bot = make_bot()
    submitted: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    @bot.tree.command(name="note", description="Write a private note")
    async def note(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(NoteModal(submitted))

    async with running(bot):
        shown = await fake.dispatch_slash("note", user=BOB, channel_id=GENERAL)
        await fake.wait_for_interaction_response(shown["id"])
        modal = fake.interaction_modal(shown["id"])
        assert modal is not None and modal["custom_id"] == "note-modal"
        submit = await fake.dispatch_modal_submit("note-modal", {"note": "slept better"}, user=BOB, channel_id=GENERAL)
        assert await asyncio.wait_for(submitted, 5) == "slept better"
        await fake.wait_for_interaction_response(submit["id"])
    assert callback_types(fake.interaction_responses(shown["id"])) == [9]
    assert callback_types(fake.interaction_responses(submit["id"])) == [4]


async def test_autocomplete_choices_are_recorded(fake: FakeDiscord) -> None:
    bot = make_bot()

    async def skills(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        names = ["box breathing", "body scan", "grounding 5-4-3-2-1"]
        return [app_commands.Choice(name=n, value=n) for n in names if n.startswith(current)]

    @bot.tree.command(name="skill", description="Pick a coping skill")
    @app_commands.autocomplete(name=skills)
    async def skill(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(name)

    async with running(bot):
        payload = await fake.dispatch_autocomplete("skill", {"name": "b"}, "name", user=ALICE, channel_id=GENERAL)
        await fake.wait_for_interaction_response(payload["id"])
    assert [c["name"] for c in fake.autocomplete_choices(payload["id"]) or []] == [
        "box breathing",
        "body scan",
    ]


async def test_dm_send_creates_a_dm_channel_and_closed_dms_are_forbidden(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    async with running(bot):
        user = await bot.fetch_user(ALICE)
        await user.send("Reminder: check-in at 6pm")
        fake.set_dms_closed(BOB)
        bob = await bot.fetch_user(BOB)
        with pytest.raises(discord.Forbidden) as excinfo:
            await bob.send("hello")
    assert excinfo.value.code == 50007
    create = fake.calls_to("POST", "/users/@me/channels")
    assert [c.json["recipient_id"] for c in create] == [ALICE, BOB]
    dm = fake.dm_channel(ALICE)
    assert dm["type"] == 1 and dm["recipients"][0]["id"] == str(ALICE)
    assert [m["content"] for m in fake.messages_in(dm["id"])] == ["Reminder: check-in at 6pm"]


async def test_file_attachment_is_uploaded_as_multipart_and_served_back(fake: FakeDiscord) -> None:
    bot = make_bot()
    async with running(bot):
        channel = bot.get_channel(GENERAL)
        sent = await channel.send("Your chart", file=discord.File(io.BytesIO(b"PNGDATA"), filename="mood.png"))
        downloaded = await sent.attachments[0].read()
    (call,) = fake.calls_to("POST", "/channels/{id}/messages")
    assert call.files == {"mood.png": b"PNGDATA"}
    assert call.json["content"] == "Your chart"
    assert call.json["attachments"][0]["filename"] == "mood.png"
    assert sent.attachments[0].filename == "mood.png"
    assert sent.attachments[0].size == len(b"PNGDATA")
    assert downloaded == b"PNGDATA"


async def test_rate_limit_with_via_is_retried_and_without_via_raises(fake: FakeDiscord) -> None:
    bot = make_bot()
    async with running(bot):
        channel = bot.get_channel(GENERAL)
        fake.fail_next("POST", "/channels/{id}/messages", status=429, retry_after=0.05)
        await channel.send("after a rate limit")
        fake.fail_next("POST", "/channels/{id}/messages", status=429, retry_after=0.05, via=False)
        with pytest.raises(discord.HTTPException) as excinfo:
            await channel.send("banned")
    assert excinfo.value.status == 429
    statuses = [c.status for c in fake.calls_to("POST", "/channels/{id}/messages")]
    assert statuses == [429, 200, 429]
    assert [m["content"] for m in fake.messages_in(GENERAL)] == ["after a rate limit"]


async def test_message_content_is_blank_without_the_intent_unless_the_bot_is_mentioned(
    fake: FakeDiscord,
) -> None:
    for intents, expected in [
        (base_intents(), ["", f"<@{fake.bot_id}> help", "dm text"]),
        (
            base_intents(message_content=True),
            ["hello group", f"<@{fake.bot_id}> help", "dm text"],
        ),
    ]:
        bot = make_bot(intents)
        received: list[str] = []
        got_all = asyncio.Event()

        @bot.event
        async def on_message(
            message: discord.Message, received: list[str] = received, got_all: asyncio.Event = got_all
        ) -> None:
            if message.author.bot:
                return
            received.append(message.content)
            if len(received) == 3:
                got_all.set()

        async with running(bot):
            await fake.dispatch_message(GENERAL, "hello group", author=BOB)
            await fake.dispatch_message(GENERAL, f"<@{fake.bot_id}> help", author=BOB)
            await fake.dispatch_message(int(fake.dm_channel(BOB)["id"]), "dm text", author=BOB)
            await asyncio.wait_for(got_all.wait(), 5)
        assert received == expected


async def test_prefix_command_and_reply_need_message_content(fake: FakeDiscord) -> None:
    bot = make_bot(base_intents(message_content=True))

    @bot.command()
    async def ping(ctx: commands.Context[commands.Bot]) -> None:
        await ctx.reply("pong")

    async with running(bot):
        start = len(fake.calls)
        sent = await fake.dispatch_message(GENERAL, "!ping", author=ALICE)
        call = await fake.wait_for_call("POST", "/channels/{id}/messages", start=start)
    assert call.json["content"] == "pong"
    assert str(call.json["message_reference"]["message_id"]) == sent["id"]
    assert fake.messages_in(GENERAL)[0]["type"] == 19


async def test_gateway_close_is_resumed_and_missed_events_are_replayed(fake: FakeDiscord) -> None:
    bot = make_bot(base_intents(message_content=True))
    received: list[str] = []
    got = asyncio.Event()
    resumed = asyncio.Event()

    @bot.event
    async def on_resumed() -> None:
        resumed.set()

    @bot.event
    async def on_message(message: discord.Message) -> None:
        if not message.author.bot:
            received.append(message.content)
            got.set()

    async with running(bot):
        await fake.close_gateway(4000)
        await fake.dispatch_message(GENERAL, "sent while reconnecting", author=BOB)
        await asyncio.wait_for(resumed.wait(), 5)
        await asyncio.wait_for(got.wait(), 5)
        assert received == ["sent while reconnecting"]
        assert len(fake.identify_payloads) == 1
        assert fake.resume_payloads[0]["session_id"] == bot.ws.session_id
        await bot.get_channel(GENERAL).send("still working")
    assert len(fake.gateway_queries) == 2


async def test_autosharded_client_gets_its_gateway_from_gateway_bot(fake: FakeDiscord) -> None:
    bot = commands.AutoShardedBot(command_prefix="!", intents=base_intents(), guild_ready_timeout=0.05)
    async with running(bot):
        assert bot.get_guild(GUILD) is not None
        assert bot.shard_count == 1
    assert [c.path for c in fake.calls[:3]] == [
        "/users/@me",
        "/oauth2/applications/@me",
        "/gateway/bot",
    ]
    assert fake.identify_payloads[0]["shard"] == [0, 1]


async def test_guild_join_and_leave_reach_the_client(fake: FakeDiscord) -> None:
    fake.add_guild(1002, "IOP Thursday group", channels=[(2101, "general")], owner_id=OWNER)
    fake.guilds[1002].bot_member = False
    bot = make_bot()
    joined = asyncio.Event()
    left = asyncio.Event()

    @bot.event
    async def on_guild_join(guild: discord.Guild) -> None:
        joined.set()

    @bot.event
    async def on_guild_remove(guild: discord.Guild) -> None:
        left.set()

    async with running(bot):
        assert bot.get_guild(1002) is None
        await fake.dispatch_guild_create(1002)
        await asyncio.wait_for(joined.wait(), 5)
        assert bot.get_guild(1002).get_channel(2101) is not None
        await fake.dispatch_guild_delete(1002)
        await asyncio.wait_for(left.wait(), 5)
        assert bot.get_guild(1002) is None


async def test_raw_gateway_speaks_zlib_stream_only_when_asked(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(fake.gateway_url + "?v=10&encoding=json") as ws:
            hello = await ws.receive()
            assert hello.type is aiohttp.WSMsgType.TEXT
            assert json.loads(hello.data)["op"] == 10
        url = fake.gateway_url + "?v=10&encoding=json&compress=zlib-stream"
        async with session.ws_connect(url) as ws:
            inflator = zlib.decompressobj()
            hello = await ws.receive()
            assert hello.type is aiohttp.WSMsgType.BINARY
            assert hello.data.endswith(b"\x00\x00\xff\xff")
            assert json.loads(inflator.decompress(hello.data))["op"] == 10
            await ws.send_str(json.dumps({"op": 1, "d": None}))
            ack = await ws.receive()
            assert json.loads(inflator.decompress(ack.data)) == {"op": 11}


async def test_rest_answers_exact_json_content_type_and_records_unknown_routes(
    fake: FakeDiscord,
) -> None:
    headers = {"Authorization": f"Bot {TOKEN}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        async with session.get(fake.api_url + "/users/@me") as resp:
            assert resp.headers["Content-Type"] == "application/json"
        async with session.get(fake.api_url + "/voice/regions") as resp:
            assert resp.status == 404
            assert (await resp.json())["message"] == "404: Not Found"
        async with session.get(fake.api_url + "/users/@me", headers={"Authorization": "x"}) as resp:
            assert resp.status == 401
    assert [c.path for c in fake.unknown_calls()] == ["/voice/regions"]


async def test_enforced_rate_answers_429_with_via_once_exceeded(fake: FakeDiscord) -> None:
    fake.enforce_rate(2)
    headers = {"Authorization": f"Bot {TOKEN}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        statuses = []
        for _ in range(3):
            async with session.get(fake.api_url + "/users/@me") as resp:
                statuses.append(resp.status)
                body = await resp.json()
        assert statuses == [200, 200, 429]
        assert resp.headers["Via"]
        assert 0 < body["retry_after"] <= 1
    assert fake.rate_limited == 1


async def test_a_second_acknowledgement_and_a_premature_followup_are_rejected(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    handled = asyncio.Event()

    @bot.tree.command(name="silent", description="Never answers by itself")
    async def silent(interaction: discord.Interaction) -> None:
        handled.set()

    async with running(bot):
        payload = await fake.dispatch_slash("silent", user=BOB, channel_id=GENERAL)
        await asyncio.wait_for(handled.wait(), 5)
        base = f"{fake.api_url}/interactions/{payload['id']}/{payload['token']}/callback"
        followup = f"{fake.api_url}/webhooks/{fake.application_id}/{payload['token']}?wait=1"
        async with aiohttp.ClientSession() as session:
            async with session.post(followup, json={"content": "too early"}) as resp:
                assert resp.status == 404
                assert (await resp.json())["code"] == 10015
            async with session.post(base, json={"type": 4, "data": {"content": "a"}}) as resp:
                assert resp.status == 200
                assert "interaction" in await resp.json()
            async with session.post(base, json={"type": 4, "data": {"content": "b"}}) as resp:
                assert resp.status == 400
                assert (await resp.json())["code"] == 40060


async def test_expired_interactions_and_injected_server_errors_are_answered_like_discord(
    fake: FakeDiscord,
) -> None:
    fake.interaction_timeout = 0.0
    bot = make_bot()
    failures: list[BaseException] = []
    handled = asyncio.Event()

    @bot.tree.command(name="slow", description="Answers too late")
    async def slow(interaction: discord.Interaction) -> None:
        try:
            await interaction.response.send_message("late")
        except discord.NotFound as exc:
            failures.append(exc)
        handled.set()

    async with running(bot):
        await fake.dispatch_slash("slow", user=ALICE, channel_id=GENERAL)
        await asyncio.wait_for(handled.wait(), 5)
    assert [getattr(f, "code", None) for f in failures] == [10062]
    fake.fail_next("GET", "/users/@me", status=502)
    async with aiohttp.ClientSession(headers={"Authorization": f"Bot {TOKEN}"}) as session:
        async with session.get(fake.api_url + "/users/@me") as resp:
            assert resp.status == 502
            assert resp.headers["Content-Type"] == "application/json"
        async with session.get(fake.api_url + "/users/@me") as resp:
            assert resp.status == 200


async def test_reconnect_resumes_and_an_invalid_session_makes_the_client_identify_again(
    fake: FakeDiscord,
) -> None:
    bot = make_bot()
    resumed = asyncio.Event()

    async def identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py waits 5 s before every non-initial IDENTIFY; not needed against the fake."""

    bot.before_identify_hook = identify_at_once  # type: ignore[method-assign]

    @bot.event
    async def on_resumed() -> None:
        resumed.set()

    async with running(bot):
        await fake.send_reconnect()
        await asyncio.wait_for(resumed.wait(), 5)
        assert len(fake.resume_payloads) == 1
        await fake.invalidate_session(resumable=False)
        await fake._wait(lambda: len(fake.identify_payloads) == 2, 5, "a second IDENTIFY")
        sent = await bot.get_channel(GENERAL).send("after a new session")
    assert fake.messages[sent.id]["content"] == "after a new session"
