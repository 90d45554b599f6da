"""The message catalog: every sentence a person reads comes from here.

Texts live in data files, ``bot/locales/<language>/<feature>.toml``, one per feature, so a
second language is a data change and safety wording can be reviewed in one place. Nested
TOML tables become dotted keys (``[checkin] saved = "..."`` is ``checkin.saved``). Templates
use ``{name}`` placeholders and the markup of :mod:`bot.rich`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from bot.rich import Rich, render_template

DEFAULT_LANGUAGE = "en"


class Catalog:
    """Looks up templates by key and renders them into rich text."""

    def __init__(self, templates: Mapping[str, str], fallback: Mapping[str, str] | None = None) -> None:
        self._templates = dict(templates)
        self._fallback = dict(fallback or {})

    @classmethod
    def load(cls, language: str = DEFAULT_LANGUAGE) -> Catalog:
        """The catalog for ``language``, falling back to English for missing keys."""
        english = _load_language(DEFAULT_LANGUAGE)
        if language == DEFAULT_LANGUAGE:
            return cls(english)
        return cls(_load_language(language), fallback=english)

    def raw(self, key: str) -> str:
        """The template itself; raises KeyError for a key no file defines."""
        if key in self._templates:
            return self._templates[key]
        return self._fallback[key]

    def __call__(self, key: str, /, **params: object) -> Rich:
        return render_template(self.raw(key), params)

    def plain(self, key: str, /, **params: object) -> str:
        """Rendered text without formatting (button labels, alt text, logs of keys)."""
        return self(key, **params).plain()

    def has(self, key: str) -> bool:
        return key in self._templates or key in self._fallback

    def keys(self) -> frozenset[str]:
        return frozenset(self._templates) | frozenset(self._fallback)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.keys()))


@cache
def _load_language(language: str) -> dict[str, str]:
    folder = resources.files("bot").joinpath("locales", language)
    templates: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key, value in _flatten(data):
            if key in templates:
                raise ValueError(f"message key {key!r} is defined twice (second time in {entry.name})")
            templates[key] = value
    if not templates:
        raise ValueError(f"no message files for language {language!r}")
    return templates


def _flatten(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for key, value in data.items():
        full = f"{prefix}{key}"
        if isinstance(value, Mapping):
            items.extend(_flatten(value, f"{full}."))
        elif isinstance(value, str):
            items.append((full, value))
        else:
            raise ValueError(f"message {full!r} must be text")
    return items
