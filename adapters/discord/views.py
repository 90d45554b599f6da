"""Core buttons as Discord components, and the modal that collects text for a button.

A button's ``custom_id`` *is* the core action, so a press means the same thing after a
restart: nothing is kept in memory per message. Views are finished before they are sent, which
tells discord.py not to track them (its view store would otherwise keep every message's
buttons forever); the client's one ``on_interaction`` handler routes every press instead.
Buttons that ask for text carry :data:`TEXT_MARK` in front of the action: pressing one opens a
modal, and the submitted text comes back as ``Press(action, text=...)``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

import discord

from bot.domain import Button

TEXT_MARK = "~"
MAX_CUSTOM_ID = 100
MAX_ROWS = 5
MAX_PER_ROW = 5
MAX_LABEL = 80
MAX_MODAL_TITLE = 45
MAX_INPUT_LABEL = 45
MAX_NOTE = 1000
TEXT_INPUT_ID = "text"


def custom_id(button: Button) -> str:
    """The component id for a core button (the action, marked when it asks for text)."""
    value = f"{TEXT_MARK}{button.action}" if button.asks_text else button.action
    if len(value) > MAX_CUSTOM_ID:
        raise ValueError(f"button action too long for Discord: {button.action!r}")
    return value


def parse_custom_id(value: str) -> tuple[str, bool]:
    """``(action, asks_text)`` for a component or modal id."""
    if value.startswith(TEXT_MARK):
        return value[len(TEXT_MARK) :], True
    return value, False


class FrozenView(discord.ui.View):
    """Buttons as Discord's component payload, in the shape discord.py expects of a view.

    Presses are routed by the client's ``on_interaction``, never by this object, so it is
    always finished and never dispatchable: discord.py neither stores it nor times it out.
    It skips ``discord.ui.View``'s set-up on purpose (an asyncio future, a weight table, a
    random id and one ``Item`` per button: about 115 µs for a row of five buttons, a cost on
    every reply with buttons, for state a view that is never dispatched doesn't use).
    """

    def __init__(self, rows: list[dict[str, Any]]) -> None:  # no super().__init__(): see above
        self._rows = rows

    def __repr__(self) -> str:
        return f"<FrozenView rows={len(self._rows)}>"

    @property
    def timeout(self) -> float | None:
        return None

    @timeout.setter
    def timeout(self, value: float | None) -> None:
        """discord.py sets a timeout only on views it will dispatch; this one never is."""

    def to_components(self) -> list[dict[str, Any]]:
        return self._rows

    def has_components_v2(self) -> bool:
        return False

    def is_finished(self) -> bool:
        return True

    def is_dispatchable(self) -> bool:
        return False

    def stop(self) -> None:
        return None


def button_payload(button: Button) -> dict[str, Any]:
    """One button component, as ``discord.ui.Button(...).to_component_dict()`` would make it."""
    style = discord.ButtonStyle.primary if button.asks_text else discord.ButtonStyle.secondary
    payload: dict[str, Any] = {"type": 2, "style": style.value, "disabled": False}
    label = button.label[:MAX_LABEL]
    if label:
        payload["label"] = label
    payload["custom_id"] = custom_id(button)
    return payload


def view_for(rows: Sequence[Sequence[Button]]) -> discord.ui.View | None:
    """Buttons in at most 5 rows of 5 (Discord's layout limit); None when there are none."""
    if not rows:
        return None
    components = [
        {"type": 1, "components": [button_payload(button) for button in row[:MAX_PER_ROW]]}
        for row in rows[:MAX_ROWS]
        if row
    ]
    return FrozenView(components)


class PromptMemory:
    """Remembers the prompts of recently sent text buttons, for the modal's wording.

    After a restart the prompt is gone and the modal falls back to the button's label, which
    Discord sends back with every press.
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._prompts: OrderedDict[str, str] = OrderedDict()
        self._capacity = capacity

    def remember(self, rows: Sequence[Sequence[Button]]) -> None:
        for row in rows:
            for button in row:
                if button.asks_text:
                    self._prompts[custom_id(button)] = button.asks_text
                    self._prompts.move_to_end(custom_id(button))
        while len(self._prompts) > self._capacity:
            self._prompts.popitem(last=False)

    def prompt(self, component_id: str) -> str | None:
        return self._prompts.get(component_id)


def label_on_message(message: discord.Message | None, component_id: str) -> str | None:
    """The label of the button with ``component_id`` on ``message`` (Discord sends it back)."""
    if message is None:
        return None
    for row in message.components:
        for child in getattr(row, "children", ()):
            if getattr(child, "custom_id", None) == component_id:
                label = getattr(child, "label", None)
                return str(label) if label else None
    return None


def text_modal(component_id: str, title: str, prompt: str) -> discord.ui.Modal:
    """A modal with one paragraph input; its id is the button's id so the submit maps back."""
    modal = discord.ui.Modal(title=title[:MAX_MODAL_TITLE] or "Note", custom_id=component_id, timeout=None)
    modal.add_item(
        discord.ui.TextInput(
            label=prompt[:MAX_INPUT_LABEL] or "Note",
            style=discord.TextStyle.paragraph,
            custom_id=TEXT_INPUT_ID,
            max_length=MAX_NOTE,
            required=True,
            placeholder=prompt[:100] if len(prompt) > MAX_INPUT_LABEL else None,
        )
    )
    modal.stop()
    return modal


def submitted_text(data: Mapping[str, Any]) -> str:
    """The value typed into the modal's text input (empty when absent)."""
    for row in data.get("components", ()):
        inputs = row.get("components", ()) if "components" in row else (row.get("component", {}),)
        for component in inputs:
            if component.get("custom_id") == TEXT_INPUT_ID:
                return str(component.get("value") or "")
    return ""
