"""Discord rendering: the escape fast path gives exactly what discord.py's escaping gives."""

from __future__ import annotations

import random
import re

import discord
import pytest

from adapters.discord.render import _may_need_escaping, _styled, break_mentions, escape, markdown
from bot.rich import Rich, Span, Style
from bot.texts import Catalog

TRICKY = (
    "",
    "plain words, nothing to do",
    "**bold** and __under__ and ~~strike~~ and ||spoiler|| and `code`",
    "a\\b",
    "@everyone @here <@123> <@!45> <@&6> mail@example.org",
    "[link](https://example.org)",
    "https://example.org/a_b_c and more_text",
    "> quoted\n>>> block\n# heading\n## two\n - item\n-dash",
    "line one\n  - indented item",
    "emoji 😀 and accents é",
)


def _discord(text: str) -> str:
    return break_mentions(discord.utils.escape_markdown(text))


@pytest.mark.parametrize("text", TRICKY)
def test_escape_matches_discord_escaping_on_tricky_text(text: str) -> None:
    assert escape(text) == _discord(text)


def test_escape_matches_discord_escaping_on_random_text_and_every_catalog_template() -> None:
    pieces = [*"ab c\n\t_\\~|*`[]()@#>-<:/.!&019", "https://x.org/a_b", "@everyone", "\n- ", "\n> ", "é"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(3000)]
    catalog = Catalog.load()
    texts += [catalog.raw(key) for key in catalog]
    assert [text for text in texts if escape(text) != _discord(text)] == []


def _span_by_span(text: Rich) -> str:
    """Every span escaped and styled on its own (what ``markdown`` must always equal)."""
    return "".join(_styled(span) for span in text.spans if span.text)


def test_markdown_of_whole_texts_equals_styling_each_span_on_its_own() -> None:
    pieces = [*"ab c\n\t_\\~|*`[]()@#>-<:/.!&019", "  ", "\n- ", "\n> ", "# ", "@here", "é", "word"]
    rng = random.Random(11)
    texts = [
        Rich(
            tuple(
                Span("".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))), rng.choice(list(Style)))
                for _ in range(rng.randint(0, 8))
            )
        )
        for _ in range(5000)
    ]
    catalog = Catalog.load()
    params = {"name": "bob", "command": "help", "channel": "#general", "count": 3}
    for key in catalog:
        try:
            texts.append(catalog(key, **params))
        except (KeyError, IndexError, ValueError):
            texts.append(Rich.of(catalog.raw(key)))
    texts += [Rich((Span("no escaping "), Span("- at a span start"))), Rich((Span(" bold ", Style.BOLD),))]
    assert [text for text in texts if markdown(text) != _span_by_span(text)] == []
    assert sum(1 for text in texts if _span_by_span(text) == "".join(span.text for span in text.spans)) > 100


def test_the_escaping_check_finds_what_one_multiline_pattern_finds() -> None:
    one_pattern = re.compile(r"[_\\~|*`\[@]|^\s*[-#>]", re.MULTILINE)
    pieces = [*"ab c\n\t\r\x0b\x0c_\\~|*`[]()@#>-<:/.!&019", "\u2003", "\u2028", "\x85", "\n- ", "\n> ", "é"]
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    assert [text for text in texts if _may_need_escaping(text) != (one_pattern.search(text) is not None)] == []
