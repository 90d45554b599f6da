"""Retention: the daily job deletes notes and free text older than IOPBOT_RETENTION_DAYS.

One test walks the whole 91 days with ``bot.advance`` (every job at every due moment, about
ten moments a day, so it takes about a minute); the others jump the clock and tick once, as a
bot restarted after a long pause would.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from storage.models import Base
from storage.privacy import retention_column, retention_kept, sealed_columns
from tests.harness import Harness, start_harness
from tests.test_privacy_walk import all_rows, opened_texts

OLD_NOTE = "old-note-R4T the first week was hard"
NEW_NOTE = "new-note-P8W better sleep"


async def _jump(bot: Harness, delta: timedelta) -> None:
    bot.clock.set(bot.clock.now() + delta)
    await bot.core.tick()


async def _checkins(bot: Harness) -> list[dict[str, object]]:
    return await all_rows(bot.app, Base.metadata.tables["checkins"])


async def test_a_note_older_than_90_days_is_deleted_and_its_mood_stays(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", f"/checkin 2 {OLD_NOTE}")
    await bot.advance(timedelta(days=91))
    rows = await _checkins(bot)
    assert [(row["mood"], row["note_sealed"]) for row in rows] == [(2, None)]
    assert not any(OLD_NOTE in text for text in await opened_texts(bot))


async def test_a_note_younger_than_the_retention_period_is_kept(bot: Harness) -> None:
    await bot.join("alice")
    await _jump(bot, timedelta(days=10))
    await bot.say("alice", f"/checkin 4 {NEW_NOTE}")
    await _jump(bot, timedelta(days=89))
    assert any(NEW_NOTE in text for text in await opened_texts(bot))
    await _jump(bot, timedelta(days=2))
    assert not any(NEW_NOTE in text for text in await opened_texts(bot))


async def test_after_retention_no_table_holds_free_text_older_than_the_period(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", f"/checkin 2 {OLD_NOTE}")
    await bot.dm("alice", "where do I park for the evening group")
    await _jump(bot, timedelta(days=91))
    cutoff = bot.clock.now() - timedelta(days=90)
    for table in Base.metadata.sorted_tables:
        stamp = retention_column(table)
        if not sealed_columns(table) or stamp is None or retention_kept(table):
            continue
        for row in await all_rows(bot.app, table):
            if row[stamp.name] < cutoff:
                assert all(row[column.name] is None for column in sealed_columns(table)), table.name


async def test_the_retention_period_follows_the_setting(database_url: str, tmp_path: Path) -> None:
    bot = await start_harness(database_url, tmp_path / "data", retention_days=7)
    try:
        await bot.join("alice")
        await bot.say("alice", f"/checkin 3 {OLD_NOTE}")
        await _jump(bot, timedelta(days=6))
        assert any(OLD_NOTE in text for text in await opened_texts(bot))
        await _jump(bot, timedelta(days=2))
        assert not any(OLD_NOTE in text for text in await opened_texts(bot))
    finally:
        await bot.app.close()
