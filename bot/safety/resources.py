"""A group's crisis resources: its own text if facilitators set one, else the default lines.

The same text appears in /resources, /start, /help, the low-mood check-in reply and every
crisis reply, and it always ends with (or, for the defaults, starts with) the line about
calling the local emergency number, so no group can set resources that leave it out.

/start, /help and the low-mood reply read a group's resources through a short cache
(:data:`CACHE_SECONDS`), so those common events need no query of their own. A change made
with ``/resources`` in this process shows at once; one made by another process sharing the
database shows there within :data:`CACHE_SECONDS`. Crisis replies and ``/resources`` itself
always read the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.context import Context
from bot.domain import Reply
from bot.errors import GroupRequired, NotFacilitator
from bot.ports import UnitOfWork
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Router
from bot.texts import Catalog

MAX_RESOURCES_CHARS = 1500
#: How long /start, /help and the low-mood reply may show a group's resources unchanged.
CACHE_SECONDS = 10.0


class CrisisResources:
    """Looks up and changes a group's crisis resources (``/resources``)."""

    def __init__(self, catalog: Catalog, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._t = catalog
        self._monotonic = monotonic
        self._cached: dict[int, tuple[float, Rich]] = {}

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
        """For /start, /help and the check-in reply (``GettingStarted.set_resources``); cached briefly."""
        if ctx.group is None:
            return self._t("resources.default")
        group_id = ctx.group.id
        now = self._monotonic()
        cached = self._cached.get(group_id)
        if cached is not None and now - cached[0] < CACHE_SECONDS:
            return cached[1]
        text = await self.text_for(ctx.uow, group_id)
        if len(self._cached) > 10_000:
            self._cached.clear()
        self._cached[group_id] = (now, text)
        return text

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
        self._cached.pop(group_id, None)
        return [Reply(self._t("resources_cmd.set_done", resources=text))]

    async def _reset(self, ctx: Context) -> Sequence[Reply]:
        group_id = await facilitator_group(ctx)
        settings = await ctx.uow.safety.settings(group_id)
        await ctx.uow.safety.save_settings(replace(settings, resources=None))
        self._cached.pop(group_id, None)
        return [Reply(self._t("resources_cmd.reset_done"))]


async def facilitator_group(ctx: Context) -> int:
    """The group a facilitator-only change applies to; refuses everyone else."""
    if ctx.group is None:
        raise GroupRequired()
    if not await ctx.is_facilitator():
        raise NotFacilitator()
    return ctx.group.id


__all__ = ["MAX_RESOURCES_CHARS", "CrisisResources", "facilitator_group"]
