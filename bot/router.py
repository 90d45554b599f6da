"""One command router shared by every adapter.

Features register their commands, button actions and multi-step flows here; adapters ask
the router for the command list (menus, slash commands, help) so every platform offers the
same commands with the same arguments. Permission, consent and group checks happen here,
once, before any handler runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from bot.domain import Reply

if TYPE_CHECKING:
    from bot.context import Context

Handler = Callable[["Context", str], Awaitable[Sequence[Reply]]]


class Audience(StrEnum):
    """Who may use a command or press a button."""

    EVERYONE = "everyone"  # no consent needed (help, start, join, FAQ)
    MEMBER = "member"  # needs consent: stores something about the person
    FACILITATOR = "facilitator"  # a facilitator of the group


class Where(StrEnum):
    """In which kind of chat a command makes sense."""

    ANY = "any"
    GROUP = "group"
    DIRECT = "direct"


@dataclass(frozen=True, slots=True)
class Option:
    """One typed argument, for platforms with structured commands (Discord slash commands).

    The text adapters pass the raw argument string; structured adapters join option values
    with spaces in declaration order, so one parser in the core serves both.
    """

    name: str
    description: str
    kind: Literal["text", "integer"] = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    autocomplete: str | None = None  # name of a completion source the adapter may ask for


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A chat command: ``/name args``."""

    name: str
    handler: Handler
    summary: str  # catalog key: one line for /help and menus
    usage: str  # catalog key: shown when the arguments are wrong
    audience: Audience = Audience.MEMBER
    where: Where = Where.ANY
    needs_group: bool = False
    private: bool = False  # answer only the person (ephemeral on Discord)
    options: tuple[Option, ...] = ()
    slow: bool = False  # may take over a second (charts, exports): adapters defer


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """A button action family: ``prefix:payload`` (payload is the handler's to parse)."""

    prefix: str
    handler: Handler
    audience: Audience = Audience.MEMBER
    needs_group: bool = False
    slow: bool = False


@dataclass(frozen=True, slots=True)
class FlowSpec:
    """A multi-step conversation: the next plain text from the person goes to ``handler``."""

    name: str
    handler: Handler


@dataclass
class Router:
    """Holds what features registered; lookups are by exact lower-case name."""

    _commands: dict[str, CommandSpec] = field(default_factory=dict)
    _actions: dict[str, ActionSpec] = field(default_factory=dict)
    _flows: dict[str, FlowSpec] = field(default_factory=dict)
    text_fallback: Handler | None = None  # addressed plain text with no flow (the FAQ)
    #: Grows with every registered command, so what is derived from the list can be cached.
    revision: int = 0

    def command(self, spec: CommandSpec) -> None:
        if spec.name in self._commands:
            raise ValueError(f"command /{spec.name} registered twice")
        self._commands[spec.name] = spec
        self.revision += 1

    def action(self, spec: ActionSpec) -> None:
        if ":" in spec.prefix or spec.prefix in self._actions:
            raise ValueError(f"bad or duplicate action prefix {spec.prefix!r}")
        self._actions[spec.prefix] = spec

    def flow(self, spec: FlowSpec) -> None:
        if spec.name in self._flows:
            raise ValueError(f"flow {spec.name!r} registered twice")
        self._flows[spec.name] = spec

    def find_command(self, name: str) -> CommandSpec | None:
        return self._commands.get(name.lower())

    def find_action(self, action: str) -> tuple[ActionSpec, str] | None:
        prefix, _, payload = action.partition(":")
        spec = self._actions.get(prefix)
        return (spec, payload) if spec else None

    def find_flow(self, name: str) -> FlowSpec | None:
        return self._flows.get(name)

    def commands(self) -> list[CommandSpec]:
        """All commands in a stable order (registration order)."""
        return list(self._commands.values())
