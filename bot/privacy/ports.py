"""What the privacy feature needs from storage: one repository that sees every table.

Export, erasure and retention must cover tables that features add later, so storage answers
these questions by walking its own schema (see ``storage.privacy``), not through each
feature's repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

#: A JSON-ready value: what one exported column holds.
JsonValue = str | int | float | bool | None

#: Exported rows grouped by table name; sealed columns appear decrypted, without ``_sealed``.
PersonData = dict[str, list[dict[str, JsonValue]]]


@dataclass(frozen=True, slots=True)
class PostedMessage:
    """A message the bot posted for the person (a group card) that it may blank on /forget."""

    chat_id: str
    message_id: str


@dataclass(frozen=True, slots=True)
class Erasure:
    """What /forget removed: rows deleted, references cleared, messages to blank."""

    rows_deleted: int
    references_cleared: int
    messages: tuple[PostedMessage, ...]


class PrivacyRepository(Protocol):
    """Everything about one person, across every table, in the unit of work's transaction."""

    async def export(self, person_id: int) -> PersonData:
        """Every row about the person, with other people's ids and notes left out."""
        ...

    async def erase(self, person_id: int) -> Erasure:
        """Delete every row about the person (their person record last)."""
        ...

    async def purge_text(self, before: datetime) -> int:
        """Remove free text written before ``before``; return how many rows changed."""
        ...
