"""A person's check-in settings (/settings, /reminders, /pause) and the group's reminder time.

Preferences belong to the person and hold in every group they're in; the reminder time
belongs to the group and only its facilitators change it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from bot.checkins.model import GroupPrefs, PersonPrefs, Visibility
from bot.context import Context
from bot.domain import Button, Here, Reply
from bot.errors import ExpiredAction, NotFacilitator, UsageError
from bot.rich import Rich
from bot.router import ActionSpec, Audience, CommandSpec, Option, Router
from bot.texts import Catalog

MAX_PAUSE_DAYS = 30
_PAUSE = re.compile(r"^(\d{1,2})\s*(d|day|days|w|week|weeks)?$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")


def parse_pause(text: str) -> timedelta | None:
    """``3d``, ``3 days``, ``1w``, ``5`` (days); None if it isn't a pause of 1 to 30 days."""
    match = _PAUSE.match(text.strip().lower())
    if match is None:
        return None
    days = int(match.group(1)) * (7 if (match.group(2) or "d").startswith("w") else 1)
    return timedelta(days=days) if 1 <= days <= MAX_PAUSE_DAYS else None


def parse_time(text: str) -> time | None:
    """``20:00``, ``8:30``, ``2030``; 24-hour clock."""
    match = _TIME.match(text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


class CheckInPreferences:
    """/settings, /reminders, /pause and /checkintime."""

    def __init__(self, catalog: Catalog, time_changed: Callable[[], None] | None = None) -> None:
        self._t = catalog
        self._time_changed = time_changed

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "settings",
                self.settings,
                "checkin_commands.settings",
                "checkin_usage.settings",
                Audience.MEMBER,
                private=True,
            )
        )
        router.command(
            CommandSpec(
                "reminders",
                self.reminders,
                "checkin_commands.reminders",
                "checkin_usage.reminders",
                Audience.MEMBER,
                private=True,
                options=(Option("state", "on or off", choices=("on", "off")),),
            )
        )
        router.command(
            CommandSpec(
                "pause",
                self.pause,
                "checkin_commands.pause",
                "checkin_usage.pause",
                Audience.MEMBER,
                private=True,
                options=(Option("days", "for example 3d, 1w, or off"),),
            )
        )
        router.command(
            CommandSpec(
                "checkintime",
                self.checkin_time,
                "checkin_commands.checkintime",
                "checkin_usage.checkintime",
                Audience.MEMBER,
                needs_group=True,
                options=(Option("time", "24-hour time, e.g. 20:00"),),
            )
        )
        router.action(ActionSpec("ci.set", self.setting_pressed))

    async def settings(self, ctx: Context, args: str) -> Sequence[Reply]:
        return [self._settings_reply(await self._prefs(ctx), ctx.now)]

    def _settings_reply(self, prefs: PersonPrefs, now: datetime) -> Reply:
        text = self._t(
            "checkin_settings.show",
            visibility=self._t.plain(f"visibility.{prefs.visibility}"),
            reminders=self._reminder_state(prefs, now),
        )
        defaults = tuple(
            Button(
                self._t.plain("checkin_settings.default_button", label=self._t.plain(f"visibility.{v}")),
                f"ci.set:v:{v.code}",
            )
            for v in Visibility
            if v is not prefs.visibility
        )
        toggle_key, toggle = ("reminders_off", "r:off") if prefs.reminders else ("reminders_on", "r:on")
        buttons = (defaults, (Button(self._t.plain(f"checkin_settings.{toggle_key}"), f"ci.set:{toggle}"),))
        return Reply(text, buttons=buttons, to=Here(private=True))

    def _reminder_state(self, prefs: PersonPrefs, now: datetime) -> str:
        if not prefs.reminders:
            return self._t.plain("checkin_settings.off")
        if prefs.paused(now) and prefs.paused_until is not None:
            return self._t.plain("checkin_settings.paused", until=f"{prefs.paused_until:%Y-%m-%d %H:%M} UTC")
        return self._t.plain("checkin_settings.on")

    async def setting_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        prefs = await self._prefs(ctx)
        kind, _, value = payload.partition(":")
        visibility = Visibility.from_code(value)
        if kind == "v" and visibility is not None:
            prefs = replace(prefs, visibility=visibility)
        elif kind == "r" and value in {"on", "off"}:
            prefs = replace(prefs, reminders=value == "on")
        else:
            raise ExpiredAction()
        await ctx.uow.checkin_settings.save_person(prefs)
        saved = self._t(
            "checkin_settings.saved",
            visibility=self._t.plain(f"visibility.{prefs.visibility}"),
            reminders=self._reminder_state(prefs, ctx.now),
        )
        return [Reply(saved, to=Here(private=True))]

    async def reminders(self, ctx: Context, args: str) -> Sequence[Reply]:
        choice = args.strip().lower()
        if choice not in {"on", "off"}:
            raise UsageError()
        prefs = replace(await self._prefs(ctx), reminders=choice == "on")
        if choice == "on":
            prefs = replace(prefs, paused_until=None)
        await ctx.uow.checkin_settings.save_person(prefs)
        return [Reply(self._t(f"checkin_settings.reminders_now_{choice}"))]

    async def pause(self, ctx: Context, args: str) -> Sequence[Reply]:
        prefs = await self._prefs(ctx)
        if args.strip().lower() in {"off", "stop", "end", "0"}:
            await ctx.uow.checkin_settings.save_person(replace(prefs, paused_until=None))
            return [Reply(self._t("checkin_settings.resumed"))]
        length = parse_pause(args or "")
        if length is None:
            raise UsageError()
        until = ctx.now + length
        await ctx.uow.checkin_settings.save_person(replace(prefs, paused_until=until))
        return [Reply(self._t("checkin_settings.paused_until", until=f"{until:%A %d %B, %H:%M} UTC"))]

    async def _prefs(self, ctx: Context) -> PersonPrefs:
        assert ctx.person is not None
        return await ctx.uow.checkin_settings.person(ctx.person.id)

    async def checkin_time(self, ctx: Context, args: str) -> Sequence[Reply]:
        """Anyone may see the time; only facilitators change it."""
        assert ctx.group is not None
        prefs = await ctx.uow.checkin_settings.group(ctx.group.id)
        if not args:
            return [Reply(self._time_text("checkin_time.current", prefs, ctx.group.timezone))]
        if not await ctx.is_facilitator():
            raise NotFacilitator()
        chosen = parse_time(args)
        if chosen is None:
            raise UsageError()
        prefs = GroupPrefs(ctx.group.id, chosen)
        await ctx.uow.checkin_settings.save_group(prefs)
        if self._time_changed is not None:
            self._time_changed()
        return [Reply(self._time_text("checkin_time.changed", prefs, ctx.group.timezone))]

    def _time_text(self, key: str, prefs: GroupPrefs, timezone: str) -> Rich:
        return self._t(key, time=prefs.checkin_time.strftime("%H:%M"), timezone=timezone)
