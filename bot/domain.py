"""The platform-neutral language the core and every adapter speak.

Inbound: an :class:`Event` (which chat, which person, what they did). Outbound: a
:class:`Reply` (text, buttons, an image or a file, and where it goes). Stored things the core
reasons about (groups, people, memberships) are plain frozen dataclasses; storage maps its
rows onto them so the core never sees an ORM object.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.rich import Rich

#: Telegram callback_data is limited to 64 bytes; Discord custom_id to 100 characters.
MAX_ACTION_BYTES = 64


class Platform(StrEnum):
    """Where a chat lives."""

    TELEGRAM = "telegram"
    DISCORD = "discord"
    CONSOLE = "console"


class ChatKind(StrEnum):
    """A group chat (a Telegram group, a Discord guild) or a direct chat with one person."""

    GROUP = "group"
    DIRECT = "direct"


@dataclass(frozen=True, slots=True)
class ChatRef:
    """A chat as the platform knows it; ids are strings on every platform."""

    platform: Platform
    chat_id: str
    kind: ChatKind
    title: str = ""

    @property
    def is_group(self) -> bool:
        return self.kind is ChatKind.GROUP


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as the platform knows them."""

    platform: Platform
    user_id: str
    display_name: str

    @property
    def first_name(self) -> str:
        """The name used in the group: only the first word of the display name."""
        words = self.display_name.split()
        return words[0] if words else "friend"


@dataclass(frozen=True, slots=True)
class MessageRef:
    """A message the bot sent, so that it can be edited or deleted later."""

    platform: Platform
    chat_id: str
    message_id: str


@dataclass(frozen=True, slots=True)
class Command:
    """``/name args``; the name is lower-case without the slash or ``@botname``."""

    name: str
    args: str = ""


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text. ``addressed`` is true in direct chats and when the bot was mentioned or replied to."""

    text: str
    addressed: bool = False


@dataclass(frozen=True, slots=True)
class Press:
    """A button press carrying the compact action id the core put on the button.

    ``text`` is set when the button asked for text (``Button.asks_text``) and the platform
    collected it in the same step (a Discord modal); the core screens it like any text.
    """

    action: str
    message: MessageRef | None = None
    text: str | None = None


Action = Command | Text | Press


@dataclass(frozen=True, slots=True)
class Event:
    """Something a person did in a chat.

    ``handle`` is opaque to the core: the adapter may put its own context there (a Discord
    interaction) and gets it back when the core replies to this event. ``via_interaction``
    says the platform takes replies to it through interaction endpoints (Discord slash
    commands, buttons, forms), which the platform's overall rate limit does not cover.
    """

    chat: ChatRef
    person: PersonRef
    action: Action
    handle: object | None = field(default=None, compare=False)
    via_interaction: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Button:
    """A button: a label for people and a compact action id for the core.

    ``asks_text`` (a short prompt) marks a button whose press needs text from the person,
    such as "Add a note". Platforms with forms (Discord modals) collect the text in the same
    step and send it as ``Press.text``; others send the plain press and the feature asks
    for the text in its reply.
    """

    label: str
    action: str
    asks_text: str | None = None

    def __post_init__(self) -> None:
        if len(self.action.encode()) > MAX_ACTION_BYTES:
            raise ValueError(f"button action longer than {MAX_ACTION_BYTES} bytes: {self.action!r}")


@dataclass(frozen=True, slots=True)
class Image:
    """A PNG image with alt text for screen readers (sent as the caption where possible)."""

    png: bytes
    alt: str
    filename: str = "image.png"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file to send, such as a data export."""

    data: bytes
    filename: str


@dataclass(frozen=True, slots=True)
class Here:
    """Reply in the chat the event came from; ``private`` means only the person may see it
    (an ephemeral reply on Discord, a direct message elsewhere)."""

    private: bool = False


@dataclass(frozen=True, slots=True)
class InChat:
    """Send into a given chat (a group card, a scheduled prompt)."""

    chat: ChatRef


@dataclass(frozen=True, slots=True)
class ToPerson:
    """A direct message to one person."""

    person: PersonRef


@dataclass(frozen=True, slots=True)
class ToFacilitators:
    """A direct message to each facilitator of a group (resolved by the core)."""

    group_id: int


Destination = Here | InChat | ToPerson | ToFacilitators

SentCallback = Callable[[Sequence[MessageRef]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Reply:
    """One message the core wants delivered.

    ``edit`` replaces an earlier message (live counters); ``on_sent`` lets a service remember
    where its message landed (a check-in card it will edit later); ``urgent`` marks crisis
    replies, which go ahead of everything else.
    """

    text: Rich
    buttons: tuple[tuple[Button, ...], ...] = ()
    image: Image | None = None
    file: Attachment | None = None
    to: Destination = Here()
    edit: MessageRef | None = None
    on_sent: SentCallback | None = field(default=None, compare=False)
    urgent: bool = False


class Role(StrEnum):
    """A person's role in a group."""

    MEMBER = "member"
    FACILITATOR = "facilitator"


@dataclass(frozen=True, slots=True)
class Group:
    """A peer group: one group chat on one platform."""

    id: int
    platform: Platform
    chat_id: str
    title: str
    timezone: str
    language: str
    active: bool
    created_at: datetime

    @property
    def chat(self) -> ChatRef:
        return ChatRef(self.platform, self.chat_id, ChatKind.GROUP, self.title)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who agreed to the consent text; nothing is stored about anyone before that."""

    id: int
    platform: Platform
    user_id: str
    display_name: str
    consented_at: datetime
    consent_version: str

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.platform, self.user_id, self.display_name)

    @property
    def first_name(self) -> str:
        return self.ref.first_name


@dataclass(frozen=True, slots=True)
class Membership:
    """A person's place in a group."""

    person_id: int
    group_id: int
    role: Role
    active: bool
    joined_at: datetime
    last_seen_at: datetime
