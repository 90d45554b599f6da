"""The console chat: who you are, which chat you're in, and a virtual clock.

Lines starting with ``/as``, ``/dm``, ``/group``, ``/clock``, ``!N`` and ``/quit`` drive the
console itself; everything else goes to the bot exactly as a platform message would.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TextIO

from adapters.console.messenger import ConsoleMessenger
from bot.clock import ManualClock
from bot.core import Core
from bot.domain import ChatKind, ChatRef, Command, Event, PersonRef, Platform, Press, Text

GROUP_CHAT = ChatRef(Platform.CONSOLE, "demo-group", ChatKind.GROUP, "Demo IOP group")
BOT_MENTION = "@bot"
_CLOCK = re.compile(r"^\+(\d+)\s*([mhd])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}

CONSOLE_HELP = """Console commands: /as NAME (be someone else) · /dm and /group (switch chat) · !N (press button N)
/clock +30m, +2h, +1d (move time; scheduled things happen) · /quit. Everything else goes to the bot;
in the group, start a line with @bot to talk to the bot directly."""


class ConsoleSession:
    """One terminal conversation with the bot."""

    def __init__(self, core: Core, messenger: ConsoleMessenger, clock: ManualClock, out: TextIO) -> None:
        self._core = core
        self._messenger = messenger
        self._clock = clock
        self._out = out
        self.person = PersonRef(Platform.CONSOLE, "alice", "Alice")
        self.chat = GROUP_CHAT

    @property
    def prompt(self) -> str:
        where = "#demo-group" if self.chat.is_group else "direct chat"
        return f"{self.person.user_id} @ {where}> "

    async def handle_line(self, line: str) -> bool:
        """Handle one typed line; False means the person asked to quit."""
        line = line.strip()
        if not line:
            return True
        if line in {"/quit", "/exit"}:
            return False
        if line == "/console":
            self._out.write(CONSOLE_HELP + "\n")
            return True
        if line.startswith("/as"):
            self._switch_person(line[3:].strip())
        elif line == "/dm":
            self.chat = ChatRef(
                Platform.CONSOLE, f"dm-{self.person.user_id}", ChatKind.DIRECT, self.person.display_name
            )
            self._out.write(f"(now in a direct chat with the bot as {self.person.display_name})\n")
        elif line == "/group":
            self.chat = GROUP_CHAT
            self._out.write("(now in #demo-group)\n")
        elif line.startswith("/clock"):
            await self._move_clock(line[6:].strip())
        elif re.fullmatch(r"!\d+", line):
            await self._press(int(line[1:]))
        else:
            await self._core.handle(self._event_for(line))
        return True

    def _switch_person(self, name: str) -> None:
        user_id = re.sub(r"[^a-z0-9_]", "", name.lower())[:32]
        if not user_id:
            self._out.write("(usage: /as NAME, for example /as bob)\n")
            return
        self.person = PersonRef(Platform.CONSOLE, user_id, name.strip().capitalize())
        if not self.chat.is_group:
            self.chat = ChatRef(Platform.CONSOLE, f"dm-{user_id}", ChatKind.DIRECT, self.person.display_name)
        self._out.write(f"(you are now {self.person.display_name})\n")

    def _event_for(self, line: str) -> Event:
        if line.startswith("/"):
            name, *rest = line[1:].split(maxsplit=1) or [""]
            args = rest[0] if rest else ""
            return Event(self.chat, self.person, Command(name.split("@", 1)[0].lower(), args.strip()))
        addressed = not self.chat.is_group or line.lower().startswith(BOT_MENTION)
        text = line[len(BOT_MENTION) :].strip() if line.lower().startswith(BOT_MENTION) else line
        return Event(self.chat, self.person, Text(text, addressed=addressed))

    async def _press(self, number: int) -> None:
        button = self._messenger.buttons.get(number)
        if button is None:
            self._out.write(f"(there is no button !{number})\n")
            return
        await self._core.handle(Event(self.chat, self.person, Press(button.action, button.message)))

    async def _move_clock(self, spec: str) -> None:
        match = _CLOCK.match(spec.replace(" ", ""))
        if match is None:
            self._out.write("(usage: /clock +30m, /clock +2h or /clock +1d)\n")
            return
        delta = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
        target = self._clock.now() + delta
        await self.run_until(target)
        self._out.write(f"(the time is now {self._clock.now():%Y-%m-%d %H:%M} UTC)\n")

    async def run_until(self, target_time: datetime) -> None:
        """Step the virtual clock through every due moment up to ``target_time``."""
        guard = 0
        while (due := await self._core.next_due()) is not None and due <= target_time and guard < 10_000:
            guard += 1
            self._clock.set(due)
            await self._core.tick()
        self._clock.set(target_time)
        await self._core.tick()
