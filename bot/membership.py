"""Getting started: /start, /help, /join with consent, /leave, /privacy, /timezone.

Nothing personal is stored before the person presses "I agree": /join only shows the
consent text, and the button press creates the person's record and membership.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.domain import Button, Group, Here, Membership, Reply, Role
from bot.errors import ExpiredAction, NotFacilitator
from bot.rich import Rich, join
from bot.router import ActionSpec, Audience, CommandSpec, Option, Router
from bot.texts import Catalog
from bot.timezones import known_timezone

CONSENT_VERSION = "2026-11"

#: Gives the crisis-resources text for a group (the safety feature supplies the real one).
ResourcesText = Callable[[Context], Awaitable[Rich]]


def valid_timezone(name: str) -> str | None:
    """The canonical IANA name if ``name`` is a known time zone, else None."""
    return known_timezone(name)


def local_time(group: Group, now: datetime) -> str:
    return now.astimezone(ZoneInfo(group.timezone)).strftime("%H:%M")


class GettingStarted:
    """The commands every person meets first."""

    def __init__(
        self, catalog: Catalog, router: Router, retention_days: int, resources: ResourcesText | None = None
    ) -> None:
        self._t = catalog
        self._router = router
        self._retention_days = retention_days
        self._resources = resources
        self._help_lines: tuple[int, Rich, Rich] | None = None

    def set_resources(self, resources: ResourcesText) -> None:
        """Let the safety feature supply group-specific crisis resources."""
        self._resources = resources

    def register(self, router: Router) -> None:
        router.command(CommandSpec("start", self.start, "commands.start", "usage.start", Audience.EVERYONE))
        router.command(CommandSpec("help", self.help, "commands.help", "usage.help", Audience.EVERYONE))
        router.command(CommandSpec("join", self.join, "commands.join", "usage.join", Audience.EVERYONE))
        router.command(
            CommandSpec("leave", self.leave, "commands.leave", "usage.leave", Audience.MEMBER, needs_group=True)
        )
        router.command(
            CommandSpec("privacy", self.privacy, "commands.privacy", "usage.privacy", Audience.EVERYONE, private=True)
        )
        router.command(
            CommandSpec(
                "timezone",
                self.timezone,
                "commands.timezone",
                "usage.timezone",
                Audience.EVERYONE,
                needs_group=True,
                options=(Option("zone", "IANA time zone, e.g. Europe/Berlin", autocomplete="timezones"),),
            )
        )
        router.action(ActionSpec("join.ok", self.agree, Audience.EVERYONE))
        router.action(ActionSpec("join.no", self.decline, Audience.EVERYONE))

    async def _resources_text(self, ctx: Context) -> Rich:
        if self._resources is not None:
            return await self._resources(ctx)
        return self._t("resources.default")

    async def start(self, ctx: Context, args: str) -> Sequence[Reply]:
        key = "start.group" if ctx.in_group else "start.direct"
        text = join(
            [self._t(key, name=ctx.who.first_name), self._t("help.emergency"), await self._resources_text(ctx)], "\n\n"
        )
        return [Reply(text)]

    async def help(self, ctx: Context, args: str) -> Sequence[Reply]:
        facilitator = ctx.group is not None and await ctx.is_facilitator()
        members, staff = self._command_lists()
        parts = [self._t("help.header"), members]
        if facilitator and staff:
            parts += [self._t("help.facilitators"), staff]
        parts += [self._t("help.emergency"), await self._resources_text(ctx), self._t("help.footer")]
        return [Reply(join(parts, "\n\n"))]

    def _command_lists(self) -> tuple[Rich, Rich]:
        """/help's command lines for members and for facilitators, rendered once per set of
        registered commands (they depend on nothing else)."""
        cached = self._help_lines
        if cached is None or cached[0] != self._router.revision:
            commands = self._router.commands()
            members = join(self._line(spec) for spec in commands if spec.audience is not Audience.FACILITATOR)
            staff = join(self._line(spec) for spec in commands if spec.audience is Audience.FACILITATOR)
            cached = self._help_lines = (self._router.revision, members, staff)
        return cached[1], cached[2]

    def _line(self, spec: CommandSpec) -> Rich:
        return self._t("help.line", command=spec.name, summary=self._t.plain(spec.summary))

    async def join(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group if ctx.in_group else None
        if group is not None and ctx.person is not None:
            return await self._add_membership(ctx, group)
        if group is None and ctx.person is not None:
            return [Reply(self._t("consent.join_in_group"), to=Here(private=True))]
        target = str(group.id) if group is not None else "dm"
        buttons = (
            (
                Button(self._t.plain("consent.agree"), f"join.ok:{target}"),
                Button(self._t.plain("consent.not_now"), "join.no:"),
            ),
        )
        text = self._t("consent.text", retention_days=self._retention_days) + self._t("consent.press_agree")
        return [Reply(text, buttons=buttons, to=Here(private=True))]

    async def agree(self, ctx: Context, payload: str) -> Sequence[Reply]:
        person = ctx.person
        if person is None:
            person = await ctx.uow.people.add(ctx.who, ctx.now, CONSENT_VERSION)
            ctx.person = person
        if payload == "dm":
            return [Reply(self._t("consent.saved_direct", name=ctx.who.first_name), to=Here(private=True))]
        group = await ctx.uow.groups.get(int(payload)) if payload.isdigit() else None
        if group is None:
            raise ExpiredAction()
        ctx.group = group
        ctx.membership = await ctx.uow.memberships.get(person.id, group.id)
        return await self._add_membership(ctx, group)

    async def decline(self, ctx: Context, payload: str) -> Sequence[Reply]:
        return [Reply(self._t("consent.declined"), to=Here(private=True))]

    async def _add_membership(self, ctx: Context, group: Group) -> Sequence[Reply]:
        assert ctx.person is not None
        existing = ctx.membership if ctx.membership and ctx.membership.group_id == group.id else None
        name = ctx.person.first_name
        if existing is not None and existing.active:
            return [Reply(self._t("consent.already", name=name, group=group.title), to=Here(private=True))]
        role = Role.FACILITATOR if await self._facilitator_in(ctx, group) else Role.MEMBER
        membership = Membership(ctx.person.id, group.id, role, True, ctx.now, ctx.now)
        await ctx.uow.memberships.upsert(membership)
        ctx.membership = membership
        key = "consent.welcome_back" if existing is not None else "consent.welcome"
        return [Reply(self._t(key, name=name, group=group.title), to=Here(private=True))]

    async def _facilitator_in(self, ctx: Context, group: Group) -> bool:
        if ctx.group is not None and ctx.group.id == group.id:
            return await ctx.is_facilitator()
        return False

    async def leave(self, ctx: Context, args: str) -> Sequence[Reply]:
        assert ctx.group is not None
        if ctx.membership is None or not ctx.membership.active:
            return [Reply(self._t("leave.not_member"), to=Here(private=True))]
        await ctx.uow.memberships.upsert(replace(ctx.membership, active=False))
        return [Reply(self._t("leave.done", group=ctx.group.title), to=Here(private=True))]

    async def privacy(self, ctx: Context, args: str) -> Sequence[Reply]:
        return [Reply(self._t("consent.text", retention_days=self._retention_days))]

    async def timezone(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        if not args:
            return [Reply(self._t("timezone.current", timezone=group.timezone, local_time=local_time(group, ctx.now)))]
        if not await ctx.is_facilitator():
            raise NotFacilitator()
        name = valid_timezone(args.split(maxsplit=1)[0])
        if name is None:
            return [Reply(self._t("timezone.unknown", name=args.split(maxsplit=1)[0][:60]))]
        updated = replace(group, timezone=name)
        await ctx.uow.groups.update(updated)
        ctx.group = updated
        return [Reply(self._t("timezone.changed", timezone=name, local_time=local_time(updated, ctx.now)))]
