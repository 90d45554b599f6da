"""Rich text: a small, safe formatting subset that every adapter can render.

User-written text is never parsed for markup: templates from the message catalog are split
into styled spans *before* parameters are substituted, so a note containing ``**`` or ``<b>``
stays literal. Each adapter escapes span text for its own platform (Telegram HTML, Discord
markdown, plain console).
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Style(StrEnum):
    """The formatting a span can carry."""

    PLAIN = "plain"
    BOLD = "bold"
    ITALIC = "italic"
    SPOILER = "spoiler"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style; ``text`` is raw and must be escaped by the renderer."""

    text: str
    style: Style = Style.PLAIN


@dataclass(frozen=True, slots=True)
class Rich:
    """Formatted text as a sequence of spans."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def of(cls, text: str, style: Style = Style.PLAIN) -> Rich:
        """Wrap plain text (never parsed for markup)."""
        return cls((Span(text, style),)) if text else cls()

    def plain(self) -> str:
        """The text with all formatting dropped (console, screen readers, length checks)."""
        return "".join(span.text for span in self.spans)

    def __add__(self, other: Rich) -> Rich:
        return Rich(self.spans + other.spans)

    def __len__(self) -> int:
        return sum(len(span.text) for span in self.spans)

    def __bool__(self) -> bool:
        return any(span.text for span in self.spans)


def join(parts: Iterable[Rich], separator: str = "\n") -> Rich:
    """Join rich texts with a plain separator."""
    spans: list[Span] = []
    for index, part in enumerate(parts):
        if index and separator:
            spans.append(Span(separator))
        spans.extend(part.spans)
    return Rich(tuple(spans))


_MARKERS: dict[str, Style] = {"**": Style.BOLD, "__": Style.ITALIC, "||": Style.SPOILER, "``": Style.CODE}
_MARKUP = re.compile(r"(\*\*|__|\|\||``)(.+?)\1", re.DOTALL)
_FORMATTER = string.Formatter()


def _substitute(text: str, params: Mapping[str, object]) -> str:
    return _FORMATTER.vformat(text, (), params) if "{" in text else text


def render_template(template: str, params: Mapping[str, object]) -> Rich:
    """Turn a catalog template into rich text.

    Markup in the *template* (``**bold**``, ``__italic__``, ``||spoiler||``, ````code````) is
    applied first; then ``{name}`` placeholders are filled with parameter values as literal
    text, so nothing a person typed can add formatting. Templates are few and never change,
    so each is parsed once (and one without placeholders is rendered once).
    """
    if "{" not in template:
        return _static(template)
    spans = (Span(_substitute(text, params), style) for text, style in _segments(template))
    return Rich(tuple(span for span in spans if span.text))


@lru_cache(maxsize=4096)
def _segments(template: str) -> tuple[tuple[str, Style], ...]:
    """The template's runs of text and their styles, placeholders not yet filled."""
    segments: list[tuple[str, Style]] = []
    position = 0
    for match in _MARKUP.finditer(template):
        if match.start() > position:
            segments.append((template[position : match.start()], Style.PLAIN))
        segments.append((match.group(2), _MARKERS[match.group(1)]))
        position = match.end()
    if position < len(template):
        segments.append((template[position:], Style.PLAIN))
    return tuple(segments)


@lru_cache(maxsize=4096)
def _static(template: str) -> Rich:
    return Rich(tuple(Span(text, style) for text, style in _segments(template) if text))


def split(text: Rich, limit: int) -> list[Rich]:
    """Split rich text into chunks of at most ``limit`` characters of plain text.

    Cuts prefer a blank line, then a line break, then a space, so long replies arrive as
    readable pieces rather than words cut in half; a span is cut only when it must be.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    plain = text.plain()
    if len(plain) <= limit:
        return [text]
    cuts = _cut_points(plain, limit)
    return [_slice(text, start, end) for start, end in itertools.pairwise(cuts)]


def _cut_points(plain: str, limit: int) -> list[int]:
    cuts = [0]
    while len(plain) - cuts[-1] > limit:
        start = cuts[-1]
        window = plain[start : start + limit]
        for separator in ("\n\n", "\n", " "):
            index = window.rfind(separator)
            if index > limit // 3:
                cuts.append(start + index + len(separator))
                break
        else:
            cuts.append(start + limit)
    cuts.append(len(plain))
    return cuts


def _slice(text: Rich, start: int, end: int) -> Rich:
    spans: list[Span] = []
    offset = 0
    for span in text.spans:
        span_start, span_end = offset, offset + len(span.text)
        offset = span_end
        lo, hi = max(start, span_start), min(end, span_end)
        if lo < hi:
            spans.append(Span(span.text[lo - span_start : hi - span_start], span.style))
    if spans:
        spans[-1] = Span(spans[-1].text.rstrip("\n "), spans[-1].style)
    return Rich(tuple(span for span in spans if span.text))
