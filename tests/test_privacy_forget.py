"""/forget: after the confirm button, nothing about the person is left in any table."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from storage.models import Base
from tests.harness import Harness
from tests.test_privacy_walk import all_rows, opened_texts, rows_about, snapshot

NOTE = "forget-me-note-3VZ I argued with my sister"


async def _person_id(bot: Harness, user_id: str) -> int:
    people = Base.metadata.tables["people"]
    rows = [row for row in await all_rows(bot.app, people) if row["user_id"] == user_id]
    assert len(rows) == 1
    return int(rows[0]["id"])


async def _alice_with_history(bot: Harness) -> list[Any]:
    """Alice and Bob check in and support each other; returns Alice's check-in replies."""
    await bot.join("alice")
    await bot.join("bob")
    alice = await bot.say("alice", f"/checkin 2 {NOTE}")
    bob = await bot.say("bob", "/checkin 4 bob-note-stays")
    alice_card = next(item for item in alice if item.where.startswith("chat:"))
    bob_card = next(item for item in bob if item.where.startswith("chat:"))
    await bot.press("bob", alice_card.button("support"))
    await bot.press("alice", bob_card.button("support"))
    await bot.dm("alice", "is there parking near the clinic building")
    return alice


async def _forget(bot: Harness, name: str) -> list[Any]:
    asked = await bot.dm(name, "/forget")
    return await bot.press(name, asked[0].button("delete"), chat=bot.direct(name))


async def test_forget_leaves_no_row_about_the_person_in_any_table(bot: Harness) -> None:
    await _alice_with_history(bot)
    alice_id = await _person_id(bot, "alice")
    assert await rows_about(bot.app, alice_id) != {}
    await _forget(bot, "alice")
    assert await rows_about(bot.app, alice_id) == {}


async def test_forget_removes_the_note_from_the_database(bot: Harness) -> None:
    await _alice_with_history(bot)
    assert any(NOTE in text for text in await opened_texts(bot))
    await _forget(bot, "alice")
    assert not any(NOTE in text for text in await opened_texts(bot))
    checkins = await all_rows(bot.app, Base.metadata.tables["checkins"])
    assert len(checkins) == 1  # only Bob's


async def test_no_string_column_anywhere_still_holds_the_persons_user_id(bot: Harness) -> None:
    await _alice_with_history(bot)
    await _forget(bot, "alice")
    for table in Base.metadata.sorted_tables:
        for row in await all_rows(bot.app, table):
            assert "alice" not in row.values(), f"{table.name} still holds alice"


async def test_forget_blanks_the_group_card_and_confirms_privately(bot: Harness) -> None:
    alice = await _alice_with_history(bot)
    card = next(item for item in alice if item.where.startswith("chat:"))
    sent = await _forget(bot, "alice")
    edits = [item for item in sent if item.reply.edit is not None]
    assert [edit.ref for edit in edits] == [card.ref]
    assert NOTE not in edits[0].text and edits[0].reply.buttons == ()
    assert sent[-1].where == "dm:alice" and "deleted" in sent[-1].text


async def test_forget_keeps_everyone_elses_data(bot: Harness) -> None:
    await _alice_with_history(bot)
    bob_id = await _person_id(bot, "bob")
    before = await rows_about(bot.app, bob_id)
    await _forget(bot, "alice")
    after = await rows_about(bot.app, bob_id)
    assert after["checkins"] == before["checkins"] == 1
    assert after["memberships"] == 1
    # both support presses involved Alice (his on her card, hers on his): both go, nothing else
    assert before["checkin_support"] == 2 and "checkin_support" not in after
    assert {name: count for name, count in after.items() if name != "checkin_support"} == {
        name: count for name, count in before.items() if name != "checkin_support"
    }


async def test_pressing_keep_my_data_deletes_nothing(bot: Harness) -> None:
    await _alice_with_history(bot)
    before = await snapshot(bot.app)
    asked = await bot.dm("alice", "/forget")
    await bot.press("alice", asked[0].button("keep"), chat=bot.direct("alice"))
    assert await snapshot(bot.app) == before


async def test_a_stale_confirm_button_deletes_nothing(bot: Harness) -> None:
    await _alice_with_history(bot)
    asked = await bot.dm("alice", "/forget")
    await bot.advance(timedelta(minutes=16))
    before = await snapshot(bot.app)
    sent = await bot.press("alice", asked[0].button("delete"), chat=bot.direct("alice"))
    assert "expired" in sent[0].text
    assert await snapshot(bot.app) == before


async def test_someone_else_pressing_the_confirm_button_deletes_nothing(bot: Harness) -> None:
    await _alice_with_history(bot)
    asked = await bot.dm("alice", "/forget")
    before = await snapshot(bot.app)
    await bot.press("bob", asked[0].button("delete"))
    assert await snapshot(bot.app) == before


async def test_after_forget_the_person_is_a_stranger_and_export_has_nothing(bot: Harness) -> None:
    await _alice_with_history(bot)
    await _forget(bot, "alice")
    sent = await bot.dm("alice", "/export")
    assert sent[0].reply.file is None and "nothing stored" in sent[0].text
    again = await bot.dm("alice", "/forget")
    assert "nothing stored" in again[0].text and again[0].actions == []


async def test_a_facilitator_has_no_way_to_bring_the_data_back(bot: Harness) -> None:
    await _alice_with_history(bot)
    await bot.join("coach")
    alice_id = await _person_id(bot, "alice")
    await _forget(bot, "alice")
    after = await snapshot(bot.app)
    for spec in bot.app.router.commands():
        sent = await bot.say("coach", f"/{spec.name}")
        assert not any(NOTE in item.text for item in sent), spec.name
    assert await rows_about(bot.app, alice_id) == {}
    people = await all_rows(bot.app, Base.metadata.tables["people"])
    assert "alice" not in {row["user_id"] for row in people}
    assert len(after["checkins"]) == 1
