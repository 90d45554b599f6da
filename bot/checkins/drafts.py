"""A check-in in progress between button presses, kept as an encrypted pending flow.

Two pending flows per chat: the draft itself under its own key (the core never clears it, so
button presses can find it after the person typed something else) and, only while a note is
wanted, a marker under the chat's own key that routes the person's next text to the note step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.core import chat_key
from bot.domain import ChatRef
from bot.ports import PendingFlow, UnitOfWork

NOTE_FLOW = "checkin.note"
DRAFT_FLOW = "checkin.draft"
LIFETIME = timedelta(hours=2)

STEP_NOTE = "note"
STEP_VISIBILITY = "visibility"


@dataclass
class Draft:
    """What the person chose so far; ``step`` is ``q<index>``, ``note`` or ``visibility``."""

    group_id: int
    mood: int
    step: str
    answers: dict[int, int] = field(default_factory=dict)
    note: str | None = None
    warned: bool = False

    def to_data(self) -> dict[str, Any]:
        return {
            "group": self.group_id,
            "mood": self.mood,
            "step": self.step,
            "answers": {str(key): value for key, value in self.answers.items()},
            "note": self.note,
            "warned": self.warned,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Draft:
        answers = {int(key): int(value) for key, value in dict(data.get("answers", {})).items()}
        return cls(
            int(data["group"]),
            int(data["mood"]),
            str(data["step"]),
            answers,
            data.get("note"),
            bool(data.get("warned")),
        )

    @property
    def question_index(self) -> int | None:
        return int(self.step[1:]) if self.step.startswith("q") and self.step[1:].isdigit() else None


def _draft_key(chat: ChatRef) -> str:
    return f"checkin-draft:{chat_key(chat)}"


async def load(uow: UnitOfWork, person_id: int, chat: ChatRef, now: datetime) -> Draft | None:
    """The person's unexpired draft in this chat, or None."""
    pending = await uow.flows.get(person_id, _draft_key(chat))
    if pending is None or pending.expires_at <= now:
        return None
    try:
        return Draft.from_data(pending.data)
    except (KeyError, TypeError, ValueError):
        return None


async def save(uow: UnitOfWork, person_id: int, chat: ChatRef, draft: Draft, now: datetime) -> None:
    """Store the draft; while it waits for a note, route the person's next text here too."""
    await uow.flows.put(PendingFlow(person_id, _draft_key(chat), DRAFT_FLOW, draft.to_data(), now + LIFETIME))
    if draft.step == STEP_NOTE:
        await uow.flows.put(PendingFlow(person_id, chat_key(chat), NOTE_FLOW, {}, now + LIFETIME))
    else:
        await _clear_marker(uow, person_id, chat)


async def discard(uow: UnitOfWork, person_id: int, chat: ChatRef) -> None:
    await uow.flows.clear(person_id, _draft_key(chat))
    await _clear_marker(uow, person_id, chat)


async def _clear_marker(uow: UnitOfWork, person_id: int, chat: ChatRef) -> None:
    marker = await uow.flows.get(person_id, chat_key(chat))
    if marker is not None and marker.flow == NOTE_FLOW:
        await uow.flows.clear(person_id, chat_key(chat))
