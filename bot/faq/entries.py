"""FAQ entries and the TOML files they come from.

The built-in FAQ ships inside the package (``bot/data/faq.toml``); a self-hoster may add or
override entries with a ``faq.toml`` in their content directory. Every problem in a file is
reported as a ``ContentError`` naming the file, the entry and the field, so it can be fixed
without reading code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bot.errors import ContentError

#: answers longer than this are rejected; the writing guide aims for 600
MAX_ANSWER_CHARS = 700
MAX_QUESTION_CHARS = 200
FAQ_FILE_NAME = "faq.toml"

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_REQUIRED_FIELDS = ("id", "question", "answer")
_KNOWN_FIELDS = frozenset({"id", "question", "answer", "alternatives", "tags"})


@dataclass(frozen=True, slots=True)
class FaqEntry:
    """One question with its answer; ``group_id`` is None for built-in entries.

    A facilitator's own entry carries its group's id, so it is only offered to that group.
    """

    id: str
    question: str
    answer: str
    alternatives: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    group_id: int | None = None


def load_builtin_faq() -> list[FaqEntry]:
    """The FAQ shipped with the bot."""
    resource = resources.files("bot").joinpath("data", FAQ_FILE_NAME)
    return parse_faq(resource.read_text(encoding="utf-8"), source=f"bot/data/{FAQ_FILE_NAME}")


def load_faq_file(path: Path) -> list[FaqEntry]:
    """Entries from a self-hoster's FAQ file, validated."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(str(path), None, None, f"cannot read file: {exc}") from exc
    return parse_faq(text, source=str(path))


def load_faq(content_dir: Path | None) -> list[FaqEntry]:
    """Built-in entries merged with ``content_dir/faq.toml``; an entry with the same id wins."""
    builtin = load_builtin_faq()
    if content_dir is None:
        return builtin
    custom_file = content_dir / FAQ_FILE_NAME
    if not custom_file.is_file():
        return builtin
    return merge_entries(builtin, load_faq_file(custom_file))


def merge_entries(base: Iterable[FaqEntry], overrides: Iterable[FaqEntry]) -> list[FaqEntry]:
    """Keep ``base`` order, replace entries whose id reappears, append new ones."""
    merged = {entry.id: entry for entry in base}
    for entry in overrides:
        merged[entry.id] = entry
    return list(merged.values())


def parse_faq(text: str, *, source: str) -> list[FaqEntry]:
    """Parse and validate FAQ TOML; ``source`` names the file in error messages."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(source, None, None, f"not valid TOML: {exc}") from exc
    raw_entries = document.get("entry")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ContentError(source, None, "entry", "the file needs at least one [[entry]] table")
    entries: list[FaqEntry] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_entries, start=1):
        entry = _parse_entry(raw, source=source, position=position)
        if entry.id in seen:
            raise ContentError(source, entry.id, "id", "duplicate id; each id must be unique")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _parse_entry(raw: object, *, source: str, position: int) -> FaqEntry:
    label = f"#{position}"
    if not isinstance(raw, Mapping):
        raise ContentError(source, label, None, "each entry must be a table")
    raw_id = raw.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        label = raw_id
    unknown = sorted(set(raw) - _KNOWN_FIELDS)
    if unknown:
        raise ContentError(source, label, unknown[0], "unknown field (check the spelling)")
    for field in _REQUIRED_FIELDS:
        if field not in raw:
            raise ContentError(source, label, field, "missing required field")
    entry_id = _text(raw, "id", source, label)
    if not _ID_PATTERN.match(entry_id):
        raise ContentError(source, label, "id", "use lowercase letters, digits and dashes (e.g. 'what-is-iop')")
    question = _text(raw, "question", source, label)
    if len(question) > MAX_QUESTION_CHARS:
        raise ContentError(source, label, "question", f"longer than {MAX_QUESTION_CHARS} chars")
    answer = _text(raw, "answer", source, label)
    if len(answer) > MAX_ANSWER_CHARS:
        raise ContentError(source, label, "answer", f"{len(answer)} characters; the limit is {MAX_ANSWER_CHARS}")
    return FaqEntry(
        id=entry_id,
        question=question,
        answer=answer,
        alternatives=_text_list(raw, "alternatives", source, label),
        tags=_text_list(raw, "tags", source, label),
    )


def _text(raw: Mapping[str, object], field: str, source: str, label: str) -> str:
    value = raw[field]
    if not isinstance(value, str):
        raise ContentError(source, label, field, "must be text")
    stripped = value.strip()
    if not stripped:
        raise ContentError(source, label, field, "must not be empty")
    return stripped


def _text_list(raw: Mapping[str, object], field: str, source: str, label: str) -> tuple[str, ...]:
    value = raw.get(field, [])
    if not isinstance(value, list):
        raise ContentError(source, label, field, "must be a list of text")
    items: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ContentError(source, label, field, "every item must be non-empty text")
        items.append(item.strip())
    return tuple(items)
