"""Hot reads and writes that are prebuilt Core statements (built once, values bound per call) on both databases.

A skill send, a check-in and a support press are each one ``INSERT`` built once (per dialect
where it differs) instead of an ORM object flushed or a statement built per call; these check
that what they store and return is what the ORM path stored and returned.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bot.checkins.model import NewCheckIn, Visibility, local_day
from bot.domain import Group, Membership, Person
from bot.prompts.ports import Feedback
from storage.repositories import core as core_repository
from tests.harness import Harness


async def _group_and_person(bot: Harness, name: str) -> tuple[int, int]:
    async with bot.app.uow_factory() as uow:
        group = await uow.groups.by_chat(bot.messenger.platform, bot.group().chat_id)
        person = await uow.people.by_platform_id(bot.messenger.platform, name)
    assert group is not None and person is not None
    return group.id, person.id


async def test_record_send_returns_the_stored_send(bot: Harness) -> None:
    await bot.join("alice")
    group_id, _ = await _group_and_person(bot, "alice")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        first = await uow.skill_activity.record_send(group_id, "box-breathing", None, now)
        second = await uow.skill_activity.record_send(group_id, "grounding", None, now + timedelta(minutes=1), "k:1")
        await uow.commit()
    assert second.id > first.id
    async with bot.app.uow_factory() as uow:
        assert await uow.skill_activity.get_send(first.id) == first
        assert await uow.skill_activity.get_send(second.id) == second
        assert await uow.skill_activity.send_for("k:1") == second
        assert list(await uow.skill_activity.history(group_id, 5)) == ["box-breathing", "grounding"]
    assert first.sent_at == now and first.sent_at.tzinfo is not None


async def test_record_send_refuses_an_occurrence_twice(bot: Harness) -> None:
    await bot.join("alice")
    group_id, _ = await _group_and_person(bot, "alice")
    async with bot.app.uow_factory() as uow:
        await uow.skill_activity.record_send(group_id, "box-breathing", None, bot.clock.now(), "k:1")
        with pytest.raises(IntegrityError):
            await uow.skill_activity.record_send(group_id, "grounding", None, bot.clock.now(), "k:1")


async def test_checkins_and_support_are_stored_as_before(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    group_id, alice = await _group_and_person(bot, "alice")
    _, bob = await _group_and_person(bot, "bob")
    day = local_day("UTC", bot.clock.now())
    new = NewCheckIn(alice, group_id, day, 4, "a secret note", Visibility.GROUP, (), False)
    async with bot.app.uow_factory() as uow:
        saved = await uow.checkins.add(new)
        assert saved.earlier is None and saved.supports == 0
        assert await uow.checkin_support.add(saved.checkin.id, bob, bot.clock.now())
        assert not await uow.checkin_support.add(saved.checkin.id, bob, bot.clock.now())
        again = await uow.checkins.add(new)
        await uow.commit()
    assert again.earlier is not None and again.earlier.id == saved.checkin.id and again.supports == 1
    async with bot.app.uow_factory() as uow:
        stored = await uow.checkins.get(again.checkin.id)
        assert stored == again.checkin
        assert stored is not None and stored.note == "a secret note" and stored.current
        assert await uow.checkin_support.count(again.checkin.id) == 1
        sealed = (await uow.session.execute(text("SELECT note_sealed FROM checkins"))).scalars().all()
    assert len(sealed) == 2 and not any("secret" in value for value in sealed)


async def test_rotation_is_history_and_helpful_counts_in_one_statement(bot: Harness) -> None:
    """Same answers as the two separate queries: history oldest first within the limit, ties in
    sent time by id, only "helped" presses counted, and other groups left out."""
    await bot.join("alice")
    await bot.join("bob")
    group_id, alice = await _group_and_person(bot, "alice")
    _, bob = await _group_and_person(bot, "bob")
    now = bot.clock.now()
    async with bot.app.uow_factory() as uow:
        assert await uow.skill_activity.rotation(group_id, 10) == ([], {})
        sends = [
            await uow.skill_activity.record_send(group_id, skill, None, now + timedelta(minutes=minutes))
            for skill, minutes in [("a", 3), ("b", 1), ("c", 1), ("a", 0), ("d", 5), ("e", 2)]
        ]
        other = await uow.groups.add(bot.group("elsewhere"), "UTC", "en")
        await uow.skill_activity.record_send(other.id, "z", None, now + timedelta(minutes=9))
        for send, person, kind in [(0, alice, "helped"), (0, bob, "helped"), (4, alice, "helped"), (1, bob, "tried")]:
            await uow.skill_activity.add_feedback(sends[send].id, person, Feedback(kind), now)
        await uow.commit()
    async with bot.app.uow_factory() as uow:
        for limit in (1, 4, 6, 50):
            history, helpful = await uow.skill_activity.rotation(group_id, limit)
            assert list(history) == list(await uow.skill_activity.history(group_id, limit))
            assert dict(helpful) == dict(await uow.skill_activity.helpful_counts(group_id))
        assert list(history) == ["a", "b", "c", "e", "a", "d"]
        assert dict(helpful) == {"a": 2, "d": 1}


def test_the_event_lookup_reads_columns_in_the_order_of_the_domain_fields() -> None:
    """The per-event lookup builds the person, group and membership by position."""
    assert tuple(field.name for field in fields(Person)) == core_repository._PERSON_FIELDS
    assert tuple(field.name for field in fields(Group)) == core_repository._GROUP_FIELDS
    assert tuple(field.name for field in fields(Membership)) == core_repository._MEMBERSHIP_FIELDS


async def test_the_event_lookup_finds_what_the_repositories_find(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/help")
    group_id, alice = await _group_and_person(bot, "alice")
    async with bot.app.uow_factory() as uow:
        found = await uow.events.resolve(bot.person("alice"), bot.group(), "nothing")
        assert found.person == await uow.people.get(alice)
        assert found.group == await uow.groups.get(group_id)
        assert found.membership == await uow.memberships.get(alice, group_id)
        assert found.pending_flow is None and found.seen_elsewhere is None
        direct = await uow.events.resolve(bot.person("alice"), bot.direct("alice"), "nothing")
        assert (direct.person, direct.group, direct.membership) == (found.person, found.group, found.membership)
        nobody = await uow.events.resolve(bot.person("zed"), bot.group(), "nothing")
        assert (nobody.person, nobody.membership) == (None, None) and nobody.group == found.group
