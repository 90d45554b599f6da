"""Discord rendering: the escape fast path gives exactly what discord.py's escaping gives."""

from __future__ import annotations

import random

import discord
import pytest

from adapters.discord.render import break_mentions, escape
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
