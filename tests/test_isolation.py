"""A member or facilitator of group A can't see or change anything of group B.

Generic over the router: every command (with arguments from its usage text and group B's
ids) and every button family (with payloads built from group B's ids) is tried by a member
and by a facilitator of group A, in group A's chat and in a direct chat. Group B has a
check-in with a note, an FAQ entry, a schedule with its own words, and (where the safety
feature is installed) a crisis alert.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pytest

from bot.domain import ChatRef, PersonRef
from storage.models import Base
from tests.harness import Harness
from tests.test_privacy_walk import all_rows, snapshot

B_NOTE = "bnote-Z7 my sponsor moved away"
B_FAQ = "bfaq-Q3 the side door code is 4471"
B_SCHEDULE = "bsched-W5 bring your workbook"
B_CRISIS = "i want to kill myself tonight"
FACILITATORS = {"group-1": {"anna"}, "group-2": {"benq"}}
#: Consent buttons name their group on purpose; a signed one is only ever shown to people in
#: that group's chat, and a forged one is refused (see the forged-press test below).
KNOWN_HOLES = frozenset({"join.ok"})
BASIC_ARGS = ("", "1", "#1", "2", "#2", "list", "all", "gaps", "stats", "on", "off")


def _per_group_facilitators(bot: Harness) -> None:
    """Anna facilitates only group A (group-1), Benq only group B (group-2)."""

    async def is_facilitator(chat: ChatRef, person: PersonRef) -> bool:
        return person.user_id in FACILITATORS.get(chat.chat_id, set())

    async def facilitators(chat: ChatRef) -> Sequence[PersonRef]:
        return [bot.person(name) for name in sorted(FACILITATORS.get(chat.chat_id, set()))]

    bot.messenger.is_facilitator = is_facilitator  # type: ignore[method-assign]
    bot.messenger.facilitators = facilitators  # type: ignore[method-assign]


async def _ids(bot: Harness, table: str, **where: object) -> list[int]:
    if table not in Base.metadata.tables:
        return []
    rows = await all_rows(bot.app, Base.metadata.tables[table])
    return [int(row["id"]) for row in rows if all(row.get(key) == value for key, value in where.items())]


async def _setup(bot: Harness) -> dict[str, Any]:
    _per_group_facilitators(bot)
    a, b = bot.group("group-1"), bot.group("group-2")
    for name, chat in (("anna", a), ("alice", a), ("benq", b), ("bobq", b)):
        await bot.join(name, chat)
    await bot.say("bobq", f"/checkin 2 {B_NOTE}", chat=b)
    await bot.say("benq", f"/faq add Where is the side door? | {B_FAQ}", chat=b)
    await bot.say("benq", f"/schedule daily 09:00 {B_SCHEDULE}", chat=b)
    await bot.say("bobq", B_CRISIS, chat=b)
    [b_id] = await _ids(bot, "groups", chat_id="group-2")
    return {
        "a": a,
        "b_id": b_id,
        "ids": {
            "group": [b_id],
            "checkin": await _ids(bot, "checkins", group_id=b_id),
            "faq": await _ids(bot, "faq_entries", group_id=b_id),
            "schedule": await _ids(bot, "prompt_schedules", group_id=b_id),
            "alert": await _ids(bot, "safety_alerts", group_id=b_id),
        },
    }


def _id_args(ids: dict[str, list[int]]) -> list[str]:
    numbers = sorted({number for values in ids.values() for number in values})
    return [form for number in numbers for form in (str(number), f"#{number}")]


def _payloads(ids: dict[str, list[int]], b_id: int) -> list[str]:
    numbers = sorted({number for values in ids.values() for number in values})
    forms = ["", "dm", *map(str, numbers)]
    forms += [f"{b_id}:{value}" for value in ("1", "3", "5", "g", "f", "m", "ok", "ack")]
    forms += [f"{number}:{value}" for number in numbers for value in ("1", "g", "f", "m", "ack", "ok")]
    forms += [f"#{number}" for number in numbers]
    return forms


def _leaks(texts: list[str]) -> list[str]:
    secrets = (B_NOTE, B_FAQ, B_SCHEDULE, "Group group-2", "Bobq", "Benq")
    return [text for text in texts if any(secret in text for secret in secrets)]


async def _b_state(bot: Harness, b_id: int) -> dict[str, Any]:
    return {"b": await snapshot(bot.app, where={"group_id": b_id}), "all_counts": await _counts(bot)}


async def _counts(bot: Harness) -> dict[str, int]:
    tables = ("checkins", "checkin_support", "faq_entries", "prompt_schedules", "safety_alerts", "safety_audit")
    return {
        name: len(await all_rows(bot.app, Base.metadata.tables[name]))
        for name in tables
        if name in Base.metadata.tables
    }


def _sent_texts(sent: list[Any]) -> list[str]:
    texts = [item.text for item in sent]
    texts += [item.reply.file.data.decode("utf-8", "replace") for item in sent if item.reply.file is not None]
    return texts


@pytest.mark.parametrize("name", ["alice", "anna"])
async def test_no_command_shows_or_changes_group_b(bot: Harness, name: str) -> None:
    setup = await _setup(bot)
    b_state = await _b_state(bot, setup["b_id"])
    texts: list[str] = []
    for spec in bot.app.router.commands():
        usage = bot.app.catalog.plain(spec.usage)
        examples = [match.strip() for match in re.findall(rf"/{spec.name}\b([^,\n]*)", usage)]
        for args in dict.fromkeys([*BASIC_ARGS, *examples, *_id_args(setup["ids"])]):
            line = f"/{spec.name} {args}".strip()
            texts += _sent_texts(await bot.say(name, line, chat=setup["a"]))
            texts += _sent_texts(await bot.dm(name, line))
    assert _leaks(texts) == []
    after = await _b_state(bot, setup["b_id"])
    assert after["b"] == b_state["b"]


@pytest.mark.parametrize("name", ["alice", "anna"])
async def test_no_button_shows_or_changes_group_b(bot: Harness, name: str) -> None:
    setup = await _setup(bot)
    b_state = await _b_state(bot, setup["b_id"])
    texts: list[str] = []
    for prefix in [prefix for prefix in bot.app.router._actions if prefix not in KNOWN_HOLES]:
        for payload in _payloads(setup["ids"], setup["b_id"]):
            texts += _sent_texts(await bot.press(name, f"{prefix}:{payload}", chat=setup["a"]))
            texts += _sent_texts(await bot.press(name, f"{prefix}:{payload}", chat=bot.direct(name)))
    assert _leaks(texts) == []
    after = await _b_state(bot, setup["b_id"])
    assert after["b"] == b_state["b"]
    memberships = await all_rows(bot.app, Base.metadata.tables["memberships"])
    assert not [row for row in memberships if row["group_id"] == setup["b_id"] and row["person_id"] <= 2]


@pytest.mark.parametrize("name", ["alice", "anna"])
async def test_forged_buttons_of_every_family_are_refused_and_change_nothing(bot: Harness, name: str) -> None:
    setup = await _setup(bot)
    before = await snapshot(bot.app)
    for prefix in list(bot.app.router._actions):
        for payload in _payloads(setup["ids"], setup["b_id"])[:3]:
            for chat in (setup["a"], bot.direct(name)):
                replies = await bot.press(name, f"{prefix}:{payload}", chat=chat, forged=True)
                assert [sent.text for sent in replies] and all("expired" in sent.text for sent in replies)
    assert await snapshot(bot.app) == before


async def test_group_b_really_holds_what_the_isolation_tests_look_for(bot: Harness) -> None:
    """Keeps the tests above honest: Benq, in group B, does see B's entry and schedule."""
    setup = await _setup(bot)
    b = bot.group("group-2")
    texts = [item.text for item in await bot.say("benq", "/faq list", chat=b)]
    texts += [item.text for item in await bot.say("benq", "/schedules", chat=b)]
    assert setup["ids"]["checkin"] and setup["ids"]["faq"] and setup["ids"]["schedule"]
    if bot.app.router.find_command("alerts") is not None:
        assert setup["ids"]["alert"], "the crisis message in group B raised no alert"
    assert any("side door" in text for text in texts)


async def test_a_consent_button_for_group_b_pressed_from_group_a_does_not_join_group_b(bot: Harness) -> None:
    setup = await _setup(bot)
    forged = f"join.ok:{setup['b_id']}"
    for chat in (bot.direct("alice"), setup["a"]):
        replies = await bot.press("alice", forged, chat=chat, forged=True)
        assert replies and "expired" in replies[0].text
    memberships = await all_rows(bot.app, Base.metadata.tables["memberships"])
    assert not [row for row in memberships if row["group_id"] == setup["b_id"] and row["person_id"] <= 2]
