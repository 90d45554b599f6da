"""A check-in in progress between button presses, kept as an encrypted pending flow.

Two pending flows per chat: the draft itself under its own key (the core never clears it, so
button presses can find it after the person typed something else) and, only while a note is
wanted, a marker under the chat's own key that routes the person's next text to the note step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from bot.context import UNKNOWN_FLOW, Context
from bot.core import chat_key
from bot.domain import ChatRef
from bot.ports import PendingFlow

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


async def load(ctx: Context) -> Draft | None:
    """The person's unexpired draft in this chat, or None."""
    return _unexpired(ctx, await ctx.uow.flows.get(_person_id(ctx), _draft_key(ctx.chat)))


async def take(ctx: Context) -> Draft | None:
    """Like :func:`load`, and the draft removed (and the note marker cleared): for the last step.

    The draft is removed even when it is expired or unreadable; the caller then refuses the
    press, which rolls the event's transaction back, so that changes nothing.
    """
    draft = _unexpired(ctx, await ctx.uow.flows.take(_person_id(ctx), _draft_key(ctx.chat)))
    await _clear_marker(ctx)
    return draft


def _unexpired(ctx: Context, pending: PendingFlow | None) -> Draft | None:
    if pending is None or pending.expires_at <= ctx.now:
        return None
    try:
        return Draft.from_data(pending.data)
    except (KeyError, TypeError, ValueError):
        return None


async def save(ctx: Context, draft: Draft) -> None:
    """Store the draft; while it waits for a note, route the person's next text here too."""
    person_id, expires = _person_id(ctx), ctx.now + LIFETIME
    stored = PendingFlow(person_id, _draft_key(ctx.chat), DRAFT_FLOW, draft.to_data(), expires)
    if draft.step == STEP_NOTE:
        marker = PendingFlow(person_id, chat_key(ctx.chat), NOTE_FLOW, {}, expires)
        await ctx.uow.flows.put_many([stored, marker])
        ctx.chat_flow = NOTE_FLOW
    else:
        await ctx.uow.flows.put(stored)
        await _clear_marker(ctx)


async def _clear_marker(ctx: Context) -> None:
    """Stop routing the person's next text to the note step (other features' flows stay).

    The context usually knows which flow is pending in this chat, which saves a lookup.
    """
    pending = ctx.chat_flow
    if pending == UNKNOWN_FLOW:
        marker = await ctx.uow.flows.get(_person_id(ctx), chat_key(ctx.chat))
        pending = marker.flow if marker is not None else None
    if pending == NOTE_FLOW:
        await ctx.uow.flows.clear(_person_id(ctx), chat_key(ctx.chat))
        pending = None
    ctx.chat_flow = pending


def _person_id(ctx: Context) -> int:
    assert ctx.person is not None
    return ctx.person.id
