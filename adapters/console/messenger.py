"""Renders core replies as text in a terminal; buttons become numbered choices."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.domain import (
    ChatRef,
    Event,
    Here,
    InChat,
    MessageRef,
    PersonRef,
    Platform,
    Reply,
    ToPerson,
)
from bot.rich import Rich, Style


@dataclass(frozen=True, slots=True)
class ConsoleButton:
    """A printed button: the action to send and the message it sat on."""

    action: str
    message: MessageRef


def render(text: Rich) -> str:
    """Plain text; spoilers are shown hidden with a marker, bold as-is."""
    parts = []
    for span in text.spans:
        if span.style is Style.SPOILER:
            parts.append(f"[hidden: {span.text}]")
        else:
            parts.append(span.text)
    return "".join(parts)


class ConsoleMessenger:
    """Prints to ``out``; saves images and files under ``files_dir`` and prints their paths."""

    platform = Platform.CONSOLE

    def __init__(self, out: TextIO, files_dir: Path, facilitators: Sequence[str]) -> None:
        self._out = out
        self._files_dir = files_dir
        self._facilitators = tuple(facilitators)
        self._message_ids = itertools.count(1)
        self._button_numbers = itertools.count(1)
        self.buttons: dict[int, ConsoleButton] = {}
        self.removed: set[str] = set()

    async def send(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        chat_id, label = self._where(reply, origin)
        if reply.edit is not None:
            ref = reply.edit
            self._print(f"bot ✎ updated message #{ref.message_id} {label}:", reply)
        else:
            ref = MessageRef(Platform.CONSOLE, chat_id, str(next(self._message_ids)))
            self._print(f"bot → {label} (#{ref.message_id}):", reply)
        self._print_buttons(reply, ref)
        self._save_files(reply)
        return [ref]

    def _where(self, reply: Reply, origin: Event | None) -> tuple[str, str]:
        destination = reply.to
        if isinstance(destination, InChat):
            return destination.chat.chat_id, f"#{destination.chat.chat_id}"
        if isinstance(destination, ToPerson):
            return f"dm-{destination.person.user_id}", f"direct message to {destination.person.display_name}"
        assert isinstance(destination, Here) and origin is not None
        if destination.private and origin.chat.is_group:
            return f"dm-{origin.person.user_id}", f"only {origin.person.display_name} sees this"
        return origin.chat.chat_id, f"#{origin.chat.chat_id}"

    def _print(self, header: str, reply: Reply) -> None:
        body = render(reply.text)
        indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
        self._out.write(f"{header}\n{indented}\n")

    def _print_buttons(self, reply: Reply, ref: MessageRef) -> None:
        for row in reply.buttons:
            labels = []
            for button in row:
                number = next(self._button_numbers)
                self.buttons[number] = ConsoleButton(button.action, ref)
                labels.append(f"[!{number}] {button.label}")
            self._out.write("    " + "   ".join(labels) + "\n")

    def _save_files(self, reply: Reply) -> None:
        self._files_dir.mkdir(parents=True, exist_ok=True)
        if reply.image is not None:
            path = self._unique(reply.image.filename)
            path.write_bytes(reply.image.png)
            self._out.write(f"    🖼  image saved: {path}\n    alt text: {reply.image.alt}\n")
        if reply.file is not None:
            path = self._unique(reply.file.filename)
            path.write_bytes(reply.file.data)
            self._out.write(f"    📎 file saved: {path}\n")

    def _unique(self, filename: str) -> Path:
        stem, dot, suffix = Path(filename).name.partition(".")
        for index in itertools.count(1):
            candidate = self._files_dir / (f"{stem}{dot}{suffix}" if index == 1 else f"{stem}-{index}{dot}{suffix}")
            if not candidate.exists():
                return candidate
        raise AssertionError("unreachable")

    async def is_facilitator(self, chat: ChatRef, person: PersonRef) -> bool:
        return person.user_id in self._facilitators

    async def facilitators(self, chat: ChatRef) -> Sequence[PersonRef]:
        return [PersonRef(Platform.CONSOLE, name, name.capitalize()) for name in self._facilitators]
