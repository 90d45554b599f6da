"""The daily retention job: notes and free text older than the retention period are deleted.

Storage decides what counts as free text and how old it is (``storage.privacy``, convention
4); aggregates without text, such as a check-in's mood, stay.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.ports import Clock, UnitOfWorkFactory

log = logging.getLogger(__name__)

EVERY = timedelta(days=1)


class RetentionJob:
    """A :class:`bot.ports.Job`: runs once at start-up, then once a day."""

    name = "retention"

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, retention_days: int) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._keep = timedelta(days=retention_days)
        self._next: datetime | None = None

    async def next_due(self) -> datetime:
        if self._next is None:
            self._next = self._clock.now()
        return self._next

    async def run_due(self, now: datetime) -> int:
        if self._next is not None and now < self._next:
            return 0
        async with self._uow_factory() as uow:
            changed = await uow.privacy.purge_text(now - self._keep)
            await uow.commit()
        self._next = now + EVERY
        log.info("retention pass", extra={"rows_changed": changed})
        return changed
