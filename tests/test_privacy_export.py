"""/export: everything the person wrote, privately, and nothing of anyone else's."""

from __future__ import annotations

import json
from typing import Any

from storage.models import Base
from tests.harness import Harness
from tests.test_privacy_walk import rows_about

ALICE_NOTE = "alice-note-7Q2 the walk by the river helped"
BOB_NOTE = "bob-note-K9X slept four hours"


def _card_support(sent: list[Any]) -> str:
    card = next(item for item in sent if item.where.startswith("chat:") and item.actions)
    return str(card.button("support"))


async def _two_people_support_each_other(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    alice_card = await bot.say("alice", f"/checkin 2 {ALICE_NOTE}")
    bob_card = await bot.say("bob", f"/checkin 4 {BOB_NOTE}")
    await bot.press("bob", _card_support(alice_card))
    await bot.press("alice", _card_support(bob_card))


async def _export(bot: Harness, name: str, *, in_group: bool = False) -> tuple[list[Any], dict[str, Any]]:
    sent = await (bot.say(name, "/export") if in_group else bot.dm(name, "/export"))
    files = [item for item in sent if item.reply.file is not None]
    assert len(files) == 1, [item.text for item in sent]
    return sent, json.loads(files[0].reply.file.data)


async def test_export_holds_the_persons_own_note_decrypted_with_their_record_and_membership(bot: Harness) -> None:
    await _two_people_support_each_other(bot)
    _, document = await _export(bot, "alice")
    tables = document["tables"]
    assert tables["people"][0]["user_id"] == "alice"
    assert [row["group_id"] for row in tables["memberships"]] != []
    assert ALICE_NOTE in [row.get("note") for row in tables["checkins"]]
    assert not any(key.endswith("_sealed") for rows in tables.values() for row in rows for key in row)


async def test_export_has_a_row_for_every_row_about_the_person_in_every_table(bot: Harness) -> None:
    await _two_people_support_each_other(bot)
    _, alice = await _export(bot, "alice")
    person_id = alice["tables"]["people"][0]["id"]
    expected = await rows_about(bot.app, person_id)
    assert {name: len(rows) for name, rows in alice["tables"].items()} == expected


async def test_export_leaves_out_other_peoples_notes_ids_and_names(bot: Harness) -> None:
    await _two_people_support_each_other(bot)
    _, alice = await _export(bot, "alice")
    _, bob = await _export(bot, "bob")
    bob_id = bob["tables"]["people"][0]["id"]
    text = json.dumps(alice)
    assert BOB_NOTE not in text
    assert '"bob"' not in text.lower()
    for name, rows in alice["tables"].items():
        table = Base.metadata.tables[name]
        person_columns = [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == "people"]
        if name == "people":
            person_columns.append("id")
        for row in rows:
            assert all(row[column] != bob_id for column in person_columns), f"{name} shows Bob's id"


async def test_support_from_others_shows_as_a_count_without_who_sent_it(bot: Harness) -> None:
    await _two_people_support_each_other(bot)
    _, alice = await _export(bot, "alice")
    alice_id = alice["tables"]["people"][0]["id"]
    support = alice["tables"]["checkin_support"]
    received = [row for row in support if row["supporter_id"] != alice_id]
    given = [row for row in support if row["supporter_id"] == alice_id]
    assert len(received) == 1 and received[0]["supporter_id"] is None
    assert len(given) == 1 and given[0]["checkin_id"] is None  # Bob's check-in is his, not hers


async def test_export_asked_for_in_the_group_arrives_privately(bot: Harness) -> None:
    await bot.join("alice")
    sent, _ = await _export(bot, "alice", in_group=True)
    assert {item.where for item in sent} == {"dm:alice"}


async def test_someone_who_never_joined_is_told_nothing_is_stored(bot: Harness) -> None:
    sent = await bot.dm("carol", "/export")
    assert len(sent) == 1 and sent[0].reply.file is None
    assert "nothing stored" in sent[0].text
