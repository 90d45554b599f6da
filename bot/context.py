"""What a handler knows about the event it is answering."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from bot.domain import ChatRef, Event, Group, Membership, Person, PersonRef

if TYPE_CHECKING:
    from bot.ports import UnitOfWork
    from bot.safety.detector import Detection


#: :attr:`Context.chat_flow` when nobody looked (a flow may or may not be pending).
UNKNOWN_FLOW = "?unknown"


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
    #: The flow pending for the person under the event's chat key: its name, None for none,
    #: or :data:`UNKNOWN_FLOW`. The core sets it from the event lookup and keeps it current
    #: when it clears that flow; a feature that puts or clears it updates it too, so later
    #: steps of the same event can skip a lookup.
    chat_flow: str | None = field(default=UNKNOWN_FLOW, repr=False)

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
    def flow_may_be_pending(self) -> bool:
        """Whether a flow may be pending under the event's chat key (False: surely none)."""
        return self.chat_flow is not None

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.active

    async def is_facilitator(self) -> bool:
        """Whether the person is a facilitator of ``group`` (asked once per event)."""
        if self._is_facilitator is None:
            check = self._facilitator_check
            self._is_facilitator = bool(check and await check())
        return self._is_facilitator


@dataclass(frozen=True, slots=True)
class Resolved:
    """Who and where an event is, as stored when the event arrived.

    In a group chat: the chat's group (active or not) and the person's membership of it (any
    state). In a direct chat: the group of the person's most recently seen active membership
    (ties go to the lower group id) and that membership.
    """

    person: Person | None
    group: Group | None
    membership: Membership | None
    #: the name of the person's pending flow under the event's flow key, if any (commands clear it)
    pending_flow: str | None
    #: the latest ``last_seen_at`` of the person's other active memberships (group chats only)
    seen_elsewhere: datetime | None = None


class EventLookup(Protocol):
    """Resolves an event's person, group, membership and pending flow in one round trip."""

    async def resolve(self, person: PersonRef, chat: ChatRef, flow_key: str) -> Resolved: ...
