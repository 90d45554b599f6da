"""Core replies as Telegram Bot API payloads: HTML text, chunks, captions, inline keyboards.

Why HTML: only ``<``, ``>`` and ``&`` need escaping (MarkdownV2 has 18 reserved characters),
so a person's name or note can never add formatting or break a message. Telegram counts
limits in UTF-16 code units after entity parsing, so lengths are measured that way.
"""

from __future__ import annotations

import html
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain import Button
from bot.rich import Rich, Span, Style, split

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_ANSWER = 200
MAX_CALLBACK_DATA = 64

_TAGS: dict[Style, tuple[str, str]] = {
    Style.PLAIN: ("", ""),
    Style.BOLD: ("<b>", "</b>"),
    Style.ITALIC: ("<i>", "</i>"),
    Style.SPOILER: ("<tg-spoiler>", "</tg-spoiler>"),
    Style.CODE: ("<code>", "</code>"),
}


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (characters outside the BMP, like most emoji, count twice)."""
    return len(text.encode("utf-16-le")) // 2


def to_html(text: Rich) -> str:
    """Telegram HTML for rich text; span text is always escaped, never interpreted."""
    parts: list[str] = []
    for span in text.spans:
        opening, closing = _TAGS[span.style]
        parts.append(f"{opening}{html.escape(span.text, quote=False)}{closing}")
    return "".join(parts)


def chunks(text: Rich, limit: int = MAX_TEXT) -> list[Rich]:
    """Split rich text into pieces Telegram accepts (each at most ``limit`` UTF-16 units)."""
    pieces: list[Rich] = []
    for piece in split(text, limit):
        pieces.extend(_fit(piece, limit))
    return [piece for piece in pieces if piece]


def _fit(piece: Rich, limit: int) -> list[Rich]:
    """Cut a piece further while emoji and other wide characters push it over ``limit``."""
    size = utf16_len(piece.plain())
    if size <= limit:
        return [piece]
    narrower = max(1, limit * len(piece) // size)
    return [fitted for part in split(piece, narrower) for fitted in _fit(part, limit)]


def clip(text: str, limit: int) -> str:
    """Plain text cut to ``limit`` UTF-16 units, with an ellipsis when it had to be cut."""
    if utf16_len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    while utf16_len(cut) > limit - 1:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def caption_html(alt: str) -> str:
    """An image's alt text as a caption within Telegram's 1024-character limit."""
    return to_html(Rich((Span(clip(alt, MAX_CAPTION)),)))


def keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    """Button rows as an inline keyboard; the action goes into callback_data unchanged.

    ``Button.asks_text`` needs no special treatment: Telegram has no forms, so the feature
    asks for the text in its reply to the plain press.
    """
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(button.label, callback_data=_callback_data(button)) for button in row] for row in rows]
    )


def markup(rows: tuple[tuple[Button, ...], ...]) -> dict[str, Any] | None:
    """Button rows as the ``reply_markup`` JSON object, exactly what :func:`keyboard` serializes to.

    For the calls the messenger makes without PTB's objects (see ``TelegramMessenger._call``):
    building ``InlineKeyboardButton`` objects only to serialize them again cost more than the call.
    """
    if not rows:
        return None
    return {
        "inline_keyboard": [
            [{"callback_data": _callback_data(button), "text": button.label} for button in row] for row in rows
        ]
    }


def _callback_data(button: Button) -> str:
    if len(button.action.encode()) > MAX_CALLBACK_DATA:
        raise ValueError(f"callback data over {MAX_CALLBACK_DATA} bytes")
    return button.action
