"""Slash commands generated from the router, and their options turned back into core arguments.

The router is the single source of commands: each ``CommandSpec`` becomes one global
application command with typed options, choices and autocomplete. Facilitator commands get
``default_member_permissions`` = Manage Server, which hides them from members by default
(server admins may change that in Server Settings → Integrations); the core checks again on
every use, so the permission is a convenience, not the guard.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.router import Audience, CommandSpec, Option, Router, Where
from bot.texts import Catalog
from bot.timezones import suggest_timezones

JSON = dict[str, Any]

OPTION_STRING = 3
OPTION_INTEGER = 4
OPTION_CHANNEL = 7
SUBCOMMAND = 1
CHANNEL_TEXT = 0
CHANNEL_ANNOUNCEMENT = 5
CONTEXT_GUILD = 0
CONTEXT_BOT_DM = 1
INSTALL_GUILD = 0
MANAGE_GUILD = 1 << 5
MAX_DESCRIPTION = 100
MAX_CHOICES = 25

SETUP_COMMAND = "setup"
SETUP_CHANNEL = "channel"

CompletionSource = Callable[[str], Sequence[str]]

_NAME_CHARS = re.compile(r"[^a-z0-9_-]")


def default_completions() -> dict[str, CompletionSource]:
    """Completion sources the core's options can name (``Option.autocomplete``)."""
    return {"timezones": suggest_timezones}


def _name(value: str) -> str:
    cleaned = _NAME_CHARS.sub("_", value.lower())[:32]
    return cleaned or "value"


def _description(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    return (text or fallback)[:MAX_DESCRIPTION]


def option_payload(option: Option) -> JSON:
    """One typed option; choices and autocomplete are exclusive on Discord (choices win)."""
    kind = OPTION_INTEGER if option.kind == "integer" else OPTION_STRING
    payload: JSON = {
        "type": kind,
        "name": _name(option.name),
        "description": _description(option.description, option.name),
        "required": option.required,
    }
    if option.choices:
        payload["choices"] = [
            {"name": choice[:100], "value": int(choice) if kind == OPTION_INTEGER else choice[:100]}
            for choice in option.choices[:MAX_CHOICES]
        ]
    elif option.autocomplete:
        payload["autocomplete"] = True
    return payload


def _contexts(where: Where) -> list[int]:
    if where is Where.GROUP:
        return [CONTEXT_GUILD]
    if where is Where.DIRECT:
        return [CONTEXT_BOT_DM]
    return [CONTEXT_GUILD, CONTEXT_BOT_DM]


def command_payload(spec: CommandSpec, catalog: Catalog) -> JSON:
    """The application command for one core command."""
    summary = catalog.plain(spec.summary) if catalog.has(spec.summary) else spec.name
    # Discord wants required options first; the core's order is kept otherwise.
    options = sorted(spec.options, key=lambda option: not option.required)
    payload: JSON = {
        "type": 1,
        "name": _name(spec.name),
        "description": _description(summary, spec.name),
        "options": [option_payload(option) for option in options],
        "contexts": _contexts(spec.where),
        "integration_types": [INSTALL_GUILD],
    }
    if spec.audience is Audience.FACILITATOR:
        payload["default_member_permissions"] = str(MANAGE_GUILD)
        payload["contexts"] = [CONTEXT_GUILD]
    return payload


def setup_payload(description: str, channel_description: str) -> JSON:
    """``/setup channel #name``: where prompts and group cards go (Discord only)."""
    return {
        "type": 1,
        "name": SETUP_COMMAND,
        "description": _description(description, SETUP_COMMAND),
        "default_member_permissions": str(MANAGE_GUILD),
        "contexts": [CONTEXT_GUILD],
        "integration_types": [INSTALL_GUILD],
        "options": [
            {
                "type": SUBCOMMAND,
                "name": SETUP_CHANNEL,
                "description": _description(channel_description, SETUP_CHANNEL),
                "options": [
                    {
                        "type": OPTION_CHANNEL,
                        "name": SETUP_CHANNEL,
                        "description": _description(channel_description, SETUP_CHANNEL),
                        "required": True,
                        "channel_types": [CHANNEL_TEXT, CHANNEL_ANNOUNCEMENT],
                    }
                ],
            }
        ],
    }


def all_payloads(router: Router, catalog: Catalog) -> list[JSON]:
    """Every command to register: the router's, plus the Discord-only ``/setup``."""
    payloads = [command_payload(spec, catalog) for spec in router.commands()]
    if all(payload["name"] != SETUP_COMMAND for payload in payloads):
        payloads.append(setup_payload(catalog.plain("discord.setup_summary"), catalog.plain("discord.setup_channel")))
    return payloads


def find_spec(router: Router, name: str) -> CommandSpec | None:
    """The core command a slash command name stands for (names are sanitised on the way out)."""
    spec = router.find_command(name)
    if spec is not None:
        return spec
    return next((candidate for candidate in router.commands() if _name(candidate.name) == name), None)


def core_args(spec: CommandSpec, options: Sequence[Mapping[str, Any]]) -> str:
    """Option values joined by spaces in the core's declaration order (what text adapters pass)."""
    values = {str(option.get("name")): option.get("value") for option in options}
    parts = [str(values[_name(option.name)]) for option in spec.options if values.get(_name(option.name)) is not None]
    return " ".join(part.strip() for part in parts if str(part).strip())


def focused_option(options: Sequence[Mapping[str, Any]]) -> tuple[str, str] | None:
    """``(option name, typed text)`` of the option being autocompleted."""
    for option in options:
        if option.get("focused"):
            return str(option.get("name")), str(option.get("value") or "")
        nested = option.get("options")
        if nested:
            found = focused_option(nested)
            if found is not None:
                return found
    return None


def suggestions(spec: CommandSpec, option_name: str, typed: str, sources: Mapping[str, CompletionSource]) -> list[str]:
    """Up to 25 completions for one option (empty when the option names no known source)."""
    option = next((item for item in spec.options if _name(item.name) == option_name), None)
    if option is None or option.autocomplete is None:
        return []
    source = sources.get(option.autocomplete)
    if source is None:
        return []
    return [value[:100] for value in source(typed)[:MAX_CHOICES] if value]
