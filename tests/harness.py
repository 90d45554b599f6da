"""Drives the real bot (real bootstrap, real database) with a recording messenger.

Tests talk like people do: ``await bot.say("alice", "/checkin 4 good day")`` returns the
replies that event produced; ``await bot.press("alice", action)`` presses a button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from adapters.bootstrap import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.domain import ChatKind, ChatRef, Command, Event, MessageRef, PersonRef, Platform, Press, Text
from tests.fakes.messenger import RecordingMessenger, Sent

GROUP_ID = "group-1"
#: A Monday, 10:00 UTC: tests that care about weekdays and local days start here.
START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@dataclass
class Harness:
    app: App
    clock: ManualClock
    messenger: RecordingMessenger

    @property
    def core(self):  # type: ignore[no-untyped-def]
        return self.app.core

    def group(self, chat_id: str = GROUP_ID) -> ChatRef:
        return ChatRef(self.messenger.platform, chat_id, ChatKind.GROUP, f"Group {chat_id}")

    def person(self, name: str) -> PersonRef:
        return PersonRef(self.messenger.platform, name, name.capitalize())

    def direct(self, name: str) -> ChatRef:
        return ChatRef(self.messenger.platform, f"dm-{name}", ChatKind.DIRECT, name)

    async def event(self, event: Event) -> list[Sent]:
        mark = len(self.messenger.sent)
        await self.app.core.handle(event)
        return self.messenger.sent[mark:]

    async def say(self, name: str, text: str, *, chat: ChatRef | None = None, addressed: bool = False) -> list[Sent]:
        """``name`` writes ``text`` in ``chat`` (default: the group); a leading / makes it a command."""
        chat = chat or self.group()
        if text.startswith("/"):
            command, _, args = text[1:].partition(" ")
            action: Command | Text = Command(command.lower(), args.strip())
        else:
            action = Text(text, addressed=addressed or not chat.is_group)
        return await self.event(Event(chat, self.person(name), action))

    async def dm(self, name: str, text: str) -> list[Sent]:
        return await self.say(name, text, chat=self.direct(name))

    async def press(
        self,
        name: str,
        action: str,
        *,
        chat: ChatRef | None = None,
        message: MessageRef | None = None,
        text: str | None = None,
        forged: bool = False,
    ) -> list[Sent]:
        """Press a button. Actions taken from sent buttons are signed already; a bare action
        is signed here as if the bot had sent it, unless ``forged`` (a tampered client)."""
        signer = self.app.core._signer
        if signer is not None and not forged and signer.verify(action) is None:
            action = signer.sign(action)
        return await self.event(Event(chat or self.group(), self.person(name), Press(action, message, text)))

    async def join(self, name: str, chat: ChatRef | None = None) -> None:
        """``name`` joins the group through /join and the consent button."""
        chat = chat or self.group()
        replies = await self.say(name, "/join", chat=chat)
        agree = next(sent for sent in replies if sent.actions).button("agree")
        await self.press(name, agree, chat=chat)

    async def advance(self, delta: timedelta) -> None:
        """Move the clock, running every job at each due moment on the way."""
        target = self.clock.now() + delta
        guard = 0
        while (due := await self.app.core.next_due()) is not None and due <= target and guard < 10_000:
            guard += 1
            self.clock.set(due)
            await self.app.core.tick()
        self.clock.set(target)
        await self.app.core.tick()


async def start_harness(
    database_url: str, data_dir: Path, *, admins: set[str] | None = None, **overrides: object
) -> Harness:
    settings = Settings(data_dir=data_dir, database_url=database_url, **overrides)  # type: ignore[arg-type]
    clock = ManualClock(START)
    app = await build_app(settings, clock=clock)
    messenger = RecordingMessenger(admins=set(admins or {"coach"}))
    app.core.attach(messenger)
    return Harness(app, clock, messenger)


def timedelta_hours(hours: float) -> timedelta:
    return timedelta(hours=hours)


__all__ = ["GROUP_ID", "START", "Harness", "Platform", "start_harness"]
