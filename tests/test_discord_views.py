"""Buttons as component payloads: the same JSON discord.py's own View and Button would send."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord
import pytest

from adapters.discord.views import MAX_LABEL, MAX_PER_ROW, MAX_ROWS, custom_id, view_for
from bot.domain import Button

ROWS: list[tuple[tuple[Button, ...], ...]] = [
    ((Button("🌤 4 · Doing okay", "ci.v:g~2i-oE"),),),
    ((Button("Yes", "a"), Button("Add a note", "ci.n:x", asks_text="Your note for the group")),),
    ((Button("x" * 120, "long"),), (Button("Second row", "b"),)),
    (tuple(Button(f"b{n}", f"act{n}") for n in range(7)),),
    tuple((Button(f"row {n}", f"r{n}"),) for n in range(7)),
    ((), (Button("after an empty row", "c"),)),
    ((Button("", "no-label"),),),
]


def reference_components(rows: Sequence[Sequence[Button]]) -> list[dict[str, Any]]:
    """What a stopped ``discord.ui.View`` of ``discord.ui.Button`` items sends (the earlier code)."""
    view = discord.ui.View(timeout=None)
    for row_index, row in enumerate(rows[:MAX_ROWS]):
        for button in row[:MAX_PER_ROW]:
            view.add_item(
                discord.ui.Button(
                    label=button.label[:MAX_LABEL],
                    custom_id=custom_id(button),
                    style=discord.ButtonStyle.primary if button.asks_text else discord.ButtonStyle.secondary,
                    row=row_index,
                )
            )
    view.stop()
    return view.to_components()


@pytest.mark.parametrize("rows", ROWS)
async def test_components_match_discord_py_views(rows: Sequence[Sequence[Button]]) -> None:
    view = view_for(rows)
    assert view is not None
    assert view.to_components() == reference_components(rows)


async def test_no_buttons_means_no_view() -> None:
    assert view_for(()) is None


async def test_the_view_is_never_tracked_by_discord_py() -> None:
    view = view_for(((Button("Yes", "a"),),))
    assert view is not None
    assert view.is_finished() and not view.is_dispatchable()
    assert view.timeout is None
    view.timeout = 900.0  # what discord.py does to a dispatchable ephemeral view; ignored here
    assert view.timeout is None
    assert hasattr(view, "__discord_ui_view__")  # discord.py's check before sending a view
