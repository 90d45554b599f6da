"""What a handler knows about the event it is answering."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain import ChatRef, Event, Group, Membership, Person, PersonRef

if TYPE_CHECKING:
    from bot.ports import UnitOfWork
    from bot.safety.detector import Detection


@dataclass
class Context:
    """The event plus what the core resolved for it, and the open unit of work.

    ``uow`` is this event's transaction: the core commits it after the handler returns and
    only then sends the replies, so a failed handler changes nothing and says nothing false.
    """

    event: Event
    now: datetime
    uow: UnitOfWork
    group: Group | None
    person: Person | None
    membership: Membership | None
    screening: Detection | None = None
    _facilitator_check: Callable[[], Awaitable[bool]] | None = field(default=None, repr=False)
    _is_facilitator: bool | None = field(default=None, repr=False)

    @property
    def chat(self) -> ChatRef:
        return self.event.chat

    @property
    def who(self) -> PersonRef:
        return self.event.person

    @property
    def in_group(self) -> bool:
        return self.event.chat.is_group

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.active

    async def is_facilitator(self) -> bool:
        """Whether the person is a facilitator of ``group`` (asked once per event)."""
        if self._is_facilitator is None:
            check = self._facilitator_check
            self._is_facilitator = bool(check and await check())
        return self._is_facilitator
