"""storage.privacy on a made-up schema: each convention, including ones no feature uses yet."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, Text, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import TextCipher
from storage.engine import make_engine, make_sessionmaker
from storage.models.base import UtcDateTime
from storage.privacy import SqlPrivacyRepository

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=100)
CIPHER = TextCipher(Fernet.generate_key())

metadata = MetaData()
people = Table(
    "people", metadata, Column("id", Integer, primary_key=True), Column("user_id", String(64), nullable=False)
)
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("author_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("mood", Integer),
    Column("note_sealed", Text, nullable=True),
    Column("helper_name", String(64), info={"export": "omit"}),
    Column("card_chat_id", String(64), nullable=True),
    Column("card_message_id", String(64), nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
)
replies = Table(
    "replies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("writer_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("text_sealed", Text, nullable=False),
    Column("written_at", UtcDateTime, nullable=False),
)
alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subject_key", String(64), nullable=False, info={"person_key": "user_id"}),
    Column("handled_by_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), nullable=True),
    Column("backup_key", String(64), nullable=True, info={"person_key": "user_id"}),
)


@pytest.fixture
async def session(tmp_path: Path) -> AsyncIterator[AsyncSession]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'made-up.sqlite3'}")
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
        await connection.execute(insert(people), [{"id": 1, "user_id": "ann"}, {"id": 2, "user_id": "ben"}])
        await connection.execute(
            insert(notes),
            [
                _note(1, 1, "ann old note", OLD, card=("chat-9", "m-1")),
                _note(2, 1, "ann new note", NOW, card=None),
                _note(3, 2, "ben note", NOW, card=("chat-9", "m-2")),
            ],
        )
        await connection.execute(
            insert(replies),
            [
                {
                    "id": 1,
                    "note_id": 1,
                    "writer_id": 2,
                    "text_sealed": CIPHER.seal("ben replies to ann"),
                    "written_at": NOW,
                },
                {
                    "id": 2,
                    "note_id": 3,
                    "writer_id": 1,
                    "text_sealed": CIPHER.seal("ann replies to ben"),
                    "written_at": OLD,
                },
            ],
        )
        await connection.execute(
            insert(alerts),
            [
                {"id": 1, "subject_key": "ann", "handled_by_id": 2, "backup_key": "ben"},
                {"id": 2, "subject_key": "ben", "handled_by_id": 1, "backup_key": "ann"},
            ],
        )
    async with make_sessionmaker(engine)() as session:
        yield session
    await engine.dispose()


def _note(note_id: int, author: int, text: str, at: datetime, card: tuple[str, str] | None) -> dict[str, object]:
    chat, message = card or (None, None)
    return {
        "id": note_id,
        "author_id": author,
        "mood": 3,
        "note_sealed": CIPHER.seal(text),
        "helper_name": "Dana",
        "card_chat_id": chat,
        "card_message_id": message,
        "created_at": at,
    }


def _repo(session: AsyncSession) -> SqlPrivacyRepository:
    return SqlPrivacyRepository(session, CIPHER, metadata)


async def test_export_opens_the_persons_notes_and_hides_other_peoples_words_and_ids(session: AsyncSession) -> None:
    data = await _repo(session).export(1)
    assert [row["note"] for row in data["notes"]] == ["ann old note", "ann new note"]
    assert all("helper_name" not in row for row in data["notes"])
    by_id = {row["id"]: row for row in data["replies"]}
    assert by_id[1] == {"id": 1, "note_id": 1, "writer_id": None, "text": None, "written_at": NOW.isoformat()}
    assert by_id[2]["text"] == "ann replies to ben" and by_id[2]["note_id"] is None
    alerts_seen = {row["id"]: row for row in data["alerts"]}
    assert alerts_seen[1]["subject_key"] == "ann" and alerts_seen[1]["handled_by_id"] is None
    # handled by Ann, about Ben: her part shows, whom it was about doesn't
    assert alerts_seen[2] == {"id": 2, "subject_key": None, "handled_by_id": 1, "backup_key": "ann"}
    values = {value for rows in data.values() for row in rows for value in row.values()}
    assert "ben" not in values and 2 not in {row.get("writer_id") for row in data["replies"]}


async def test_export_of_someone_unknown_is_empty(session: AsyncSession) -> None:
    assert await _repo(session).export(99) == {}


async def test_erase_deletes_rows_about_the_person_clears_references_and_lists_their_cards(
    session: AsyncSession,
) -> None:
    erasure = await _repo(session).erase(1)
    assert [(message.chat_id, message.message_id) for message in erasure.messages] == [("chat-9", "m-1")]
    assert (await session.execute(select(notes.c.id))).scalars().all() == [3]
    assert (await session.execute(select(replies.c.id))).scalars().all() == []
    rows = (await session.execute(select(alerts))).mappings().all()
    assert [dict(row) for row in rows] == [{"id": 2, "subject_key": "ben", "handled_by_id": None, "backup_key": None}]
    assert (await session.execute(select(people.c.user_id))).scalars().all() == ["ben"]
    assert erasure.references_cleared == 2


async def test_retention_blanks_nullable_text_and_deletes_rows_whose_text_is_required(session: AsyncSession) -> None:
    changed = await _repo(session).purge_text(NOW - timedelta(days=90))
    assert changed == 2
    kept = {row.id: (row.mood, row.note_sealed is None) for row in await session.execute(select(notes))}
    assert kept == {1: (3, True), 2: (3, False), 3: (3, False)}
    assert (await session.execute(select(replies.c.id))).scalars().all() == [1]
