"""Time zone names people type, checked against the IANA database."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones


@cache
def _zones() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones() if "/" in name or name == "UTC"}


def known_timezone(name: str) -> str | None:
    """The canonical IANA name for ``name`` (any case), or None if it isn't a real zone."""
    return _zones().get(name.strip().casefold())


def suggest_timezones(prefix: str, limit: int = 25) -> list[str]:
    """Zone names containing ``prefix`` (for autocomplete), shortest first."""
    needle = prefix.strip().casefold()
    names = [name for key, name in _zones().items() if needle in key]
    return sorted(names, key=lambda name: (len(name), name))[:limit]
