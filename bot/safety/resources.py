"""A group's crisis resources: its own text if facilitators set one, else the default lines.

The same text appears in /resources, /start, /help, the low-mood check-in reply and every
crisis reply, and it always ends with (or, for the defaults, starts with) the line about
calling the local emergency number, so no group can set resources that leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.context import Context
from bot.domain import Reply
from bot.errors import GroupRequired, NotFacilitator
from bot.ports import UnitOfWork
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Router
from bot.texts import Catalog

MAX_RESOURCES_CHARS = 1500


class CrisisResources:
    """Looks up and changes a group's crisis resources (``/resources``)."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "resources", self.command, "safety_commands.resources", "safety_usage.resources", Audience.EVERYONE
            )
        )

    async def text_for(self, uow: UnitOfWork, group_id: int | None) -> Rich:
        """The resources to show for a group (None: no group known, the defaults)."""
        custom = (await uow.safety.settings(group_id)).resources if group_id is not None else None
        if not custom:
            return self._t("resources.default")
        return join([Rich.of(custom), self._t("crisis.emergency")], "\n")

    async def for_context(self, ctx: Context) -> Rich:
        """For /start, /help and the check-in reply (``GettingStarted.set_resources``)."""
        return await self.text_for(ctx.uow, ctx.group.id if ctx.group is not None else None)

    async def command(self, ctx: Context, args: str) -> Sequence[Reply]:
        word, _, rest = args.partition(" ")
        if word.lower() == "set" and rest.strip():
            return await self._set(ctx, rest.strip())
        if word.lower() == "reset" and not rest.strip():
            return await self._reset(ctx)
        return [Reply(await self._shown(ctx))]

    async def _shown(self, ctx: Context) -> Rich:
        resources = await self.for_context(ctx)
        if ctx.group is None:
            return join([self._t("resources_cmd.header_default"), resources], "\n\n")
        parts = [self._t("resources_cmd.header", group=ctx.group.title), resources]
        if (await ctx.uow.safety.settings(ctx.group.id)).resources:
            parts.append(self._t("resources_cmd.custom_note"))
        return join(parts, "\n\n")

    async def _set(self, ctx: Context, text: str) -> Sequence[Reply]:
        group_id = await facilitator_group(ctx)
        if len(text) > MAX_RESOURCES_CHARS:
            return [Reply(self._t("resources_cmd.too_long", length=len(text), limit=MAX_RESOURCES_CHARS))]
        settings = await ctx.uow.safety.settings(group_id)
        await ctx.uow.safety.save_settings(replace(settings, resources=text))
        return [Reply(self._t("resources_cmd.set_done", resources=text))]

    async def _reset(self, ctx: Context) -> Sequence[Reply]:
        group_id = await facilitator_group(ctx)
        settings = await ctx.uow.safety.settings(group_id)
        await ctx.uow.safety.save_settings(replace(settings, resources=None))
        return [Reply(self._t("resources_cmd.reset_done"))]


async def facilitator_group(ctx: Context) -> int:
    """The group a facilitator-only change applies to; refuses everyone else."""
    if ctx.group is None:
        raise GroupRequired()
    if not await ctx.is_facilitator():
        raise NotFacilitator()
    return ctx.group.id


__all__ = ["MAX_RESOURCES_CHARS", "CrisisResources", "facilitator_group"]
