"""Core rich text and attachments as Discord message parts.

Every span is escaped for markdown *and* mentions before styling is applied, so a display
name like ``@everyone`` or a note containing ``**`` arrives as literal text; sends also carry
``AllowedMentions.none()``, so nothing the bot posts can ping anyone even if escaping missed.
"""

from __future__ import annotations

import io
import re

import discord

from bot.domain import Reply
from bot.rich import Rich, Span, Style, split

MAX_CONTENT = 2000
MAX_ALT_TEXT = 1024

NO_MENTIONS = discord.AllowedMentions.none()

_WRAP: dict[Style, str] = {Style.BOLD: "**", Style.ITALIC: "_", Style.SPOILER: "||"}
_BACKTICK_LOOKALIKE = "\u02cb"
#: @everyone, @here, <@user>, <@!user>, <@&role> (any id length, unlike escape_mentions)
_MENTION = re.compile(r"@(everyone|here|[!&]?\d+)")
#: A superset of whatever discord.utils.escape_markdown or a mention could act on: any ``[``,
#: ``@``, backslash or ``_~|*```, or a line start with optional spaces before ``-``, ``#`` or
#: ``>`` (``^\s*[-#>]`` under MULTILINE, looked for at the string's start and after each ``\n``).
_SPECIAL = re.compile(r"[_\\~|*`\[@]")
_MARKER_AT_START = re.compile(r"\s*[-#>]")
_MARKER_AFTER_BREAK = re.compile(r"\n\s*[-#>]")


def _may_need_escaping(text: str) -> bool:
    """Three searches that start with a class or a literal: one pattern with a MULTILINE ``^``
    tries every position and took four times as long on a /help reply."""
    return (
        _SPECIAL.search(text) is not None
        or _MARKER_AT_START.match(text) is not None
        or _MARKER_AFTER_BREAK.search(text) is not None
    )


def break_mentions(text: str) -> str:
    """Put a zero-width space after every ``@`` that could ping."""
    return _MENTION.sub("@\u200b\\1", text)


def escape(text: str) -> str:
    """Literal text for Discord: markdown neutralised, then mentions broken with a zero-width space.

    Most spans (catalog sentences, names) contain nothing either step acts on; they skip the
    two regular-expression passes, which dominated the cost of rendering a reply.
    """
    if not _may_need_escaping(text):
        return text
    return break_mentions(discord.utils.escape_markdown(text))


def _styled(span: Span) -> str:
    if span.style is Style.CODE:
        inner = break_mentions(span.text.replace("`", _BACKTICK_LOOKALIKE))
        return _wrap_keeping_spaces(inner, "`")
    marker = _WRAP.get(span.style)
    body = escape(span.text)
    return _wrap_keeping_spaces(body, marker) if marker else body


def _wrap_keeping_spaces(body: str, marker: str) -> str:
    """Discord ignores ``** bold**``; move edge whitespace outside the markers."""
    stripped = body.strip()
    if not stripped:
        return body
    start = body.index(stripped[0])
    end = start + len(stripped)
    return f"{body[:start]}{marker}{stripped}{marker}{body[end:]}"


def markdown(text: Rich) -> str:
    """Discord markdown for rich text (no length limit applied).

    Most replies (catalog sentences, names, /help's fifty-odd spans) contain nothing to escape:
    one search over the spans joined by line breaks finds whatever a search of each span would
    (every span starts a line there), and when it finds nothing the spans are only styled.
    """
    spans = [span for span in text.spans if span.text]
    if _may_need_escaping("\n".join([span.text for span in spans])):
        return "".join([_styled(span) for span in spans])
    return "".join([span.text if span.style is Style.PLAIN else _marked(span) for span in spans])


def _marked(span: Span) -> str:
    """A span with nothing to escape in its style's markers (what :func:`_styled` then gives)."""
    return _wrap_keeping_spaces(span.text, "`" if span.style is Style.CODE else _WRAP[span.style])


def chunks(text: Rich, limit: int = MAX_CONTENT) -> list[str]:
    """The text as messages of at most ``limit`` characters *after* escaping.

    Escaping adds characters, so the plain-text budget shrinks until every piece fits.
    """
    if not text:
        return []
    budget = limit
    while True:
        pieces = [markdown(piece) for piece in split(text, budget)]
        if all(len(piece) <= limit for piece in pieces) or budget <= 50:
            return [piece[:limit] for piece in pieces]
        budget = budget * 4 // 5


def files(reply: Reply) -> list[discord.File]:
    """The reply's image and file as uploads; the image's alt text becomes its description."""
    uploads: list[discord.File] = []
    if reply.image is not None:
        uploads.append(
            discord.File(
                io.BytesIO(reply.image.png),
                filename=reply.image.filename,
                description=reply.image.alt[:MAX_ALT_TEXT] or None,
            )
        )
    if reply.file is not None:
        uploads.append(discord.File(io.BytesIO(reply.file.data), filename=reply.file.filename))
    return uploads
