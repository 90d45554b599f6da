"""A recording Messenger for tests of the core: what would have been sent, and where."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.domain import ChatRef, Event, Here, InChat, MessageRef, PersonRef, Platform, Reply, ToPerson
from bot.errors import DeliveryError


@dataclass(frozen=True)
class Sent:
    """One delivered reply: the reply, the event it answered, where it landed."""

    reply: Reply
    origin: Event | None
    ref: MessageRef
    #: "chat:<id>" for a chat, "dm:<user id>" for a direct message or a private reply
    where: str

    @property
    def text(self) -> str:
        return self.reply.text.plain()

    @property
    def actions(self) -> list[str]:
        """Button actions without their signature (readable in assertions)."""
        return [button.action.rpartition("~")[0] or button.action for row in self.reply.buttons for button in row]

    def button(self, label_part: str) -> str:
        """The action of the first button whose label contains ``label_part``."""
        for row in self.reply.buttons:
            for button in row:
                if label_part.lower() in button.label.lower():
                    return button.action
        raise KeyError(f"no button labelled like {label_part!r} in {self.actions}")


@dataclass
class RecordingMessenger:
    """Records every send; can be told who the facilitators are and which sends fail."""

    platform: Platform = Platform.CONSOLE
    admins: set[str] = field(default_factory=set)
    sent: list[Sent] = field(default_factory=list)
    fail_next: list[DeliveryError] = field(default_factory=list)
    unreachable_dm: set[str] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        if self.fail_next:
            raise self.fail_next.pop(0)
        where = self._where(reply, origin)
        if where.startswith("dm:") and where[3:] in self.unreachable_dm:
            from bot.errors import CannotDirectMessage

            raise CannotDirectMessage(where)
        ref = reply.edit or MessageRef(self.platform, where, str(next(self._ids)))
        self.sent.append(Sent(reply, origin, ref, where))
        return [ref]

    @staticmethod
    def _where(reply: Reply, origin: Event | None) -> str:
        destination = reply.to
        if isinstance(destination, InChat):
            return f"chat:{destination.chat.chat_id}"
        if isinstance(destination, ToPerson):
            return f"dm:{destination.person.user_id}"
        assert isinstance(destination, Here) and origin is not None
        if destination.private or not origin.chat.is_group:
            return f"dm:{origin.person.user_id}"
        return f"chat:{origin.chat.chat_id}"

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return person.user_id in self.admins

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return [PersonRef(self.platform, user_id, user_id.capitalize()) for user_id in sorted(self.admins)]

    def to(self, where: str) -> list[Sent]:
        """Everything sent to ``where`` ("chat:<id>" or "dm:<user id>")."""
        return [sent for sent in self.sent if sent.where == where]
