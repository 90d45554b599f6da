"""The safety feature, assembled: the crisis screen the core runs on every text, plus
/resources, /staffed, /alerts and /backup.

Crisis handling has no off switch and no sensitivity setting on purpose: the core calls
:meth:`SafetyService.detect` on every text, and :meth:`SafetyService.respond` answers every
message the detector flags with one private reply (however many phrases matched) and, where
the person has a group, a facilitator alert.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.delivery.ports import Renderer
from bot.domain import Group, Here, Reply, Text
from bot.ports import Clock
from bot.rich import Rich, join
from bot.router import Audience, CommandSpec, Router
from bot.safety import detector
from bot.safety.alerts import (
    ESCALATION_KIND,
    LOW_MOOD_KIND,
    Alerts,
    AlertSettings,
    Cancel,
    Enqueue,
    LowMoodNotices,
)
from bot.safety.detector import Detection
from bot.safety.ports import GroupSafety
from bot.safety.resources import CrisisResources, facilitator_group
from bot.safety.staffing import parse_staffed
from bot.texts import Catalog

log = logging.getLogger(__name__)


@dataclass
class SafetyStats:
    """Counters since start (never any text): for logs, metrics and tests."""

    responses: int = 0
    alerts: int = 0
    batched: int = 0
    without_group: int = 0


class SafetyService:
    """Implements :class:`bot.ports.SafetyScreen`; build once in the composition root."""

    def __init__(
        self, catalog: Catalog, clock: Clock, enqueue: Enqueue, cancel: Cancel, *, ack_minutes: int = 15
    ) -> None:
        self._t = catalog
        self.resources = CrisisResources(catalog)
        self.alerts = Alerts(catalog, clock, enqueue, cancel, AlertSettings(ack_minutes))
        self.low_mood = LowMoodNotices(catalog, enqueue)
        self.renderers: dict[str, Renderer] = {ESCALATION_KIND: self.alerts, LOW_MOOD_KIND: self.low_mood}
        self.stats = SafetyStats()
        detector.detect("")  # compile the lexicon now, not on the first person's message

    def register(self, router: Router) -> None:
        self.resources.register(router)
        router.command(
            CommandSpec(
                "staffed",
                self.staffed,
                "safety_commands.staffed",
                "safety_usage.staffed",
                Audience.EVERYONE,
                needs_group=True,
            )
        )
        self.alerts.register(router)

    # -- the screen ---------------------------------------------------------------------------

    def detect(self, text: str) -> Detection:
        return detector.detect(text)

    async def respond(self, ctx: Context, text: str, detection: Detection) -> Sequence[Reply]:
        """One private reply with the resources, and the facilitator alert where possible."""
        self.stats.responses += 1
        group = ctx.group
        alert_replies: list[Reply] = []
        if group is None:
            self.stats.without_group += 1
            log.info("crisis reply sent without a group: no alert possible", extra={"category": detection.category})
        else:
            shared = text if ctx.in_group and isinstance(ctx.event.action, Text) else None
            alert_replies = await self.alerts.crisis(ctx, group, detection, shared)
            self.stats.alerts += len(alert_replies) > 0
            self.stats.batched += not alert_replies
            log.info("crisis reply sent", extra={"category": detection.category, "alert": bool(alert_replies)})
        reply = Reply(await self._crisis_text(ctx, group), to=Here(private=True), urgent=True)
        return [reply, *alert_replies]

    async def _crisis_text(self, ctx: Context, group: Group | None) -> Rich:
        settings = await ctx.uow.safety.settings(group.id) if group is not None else None
        parts = [
            self._t("crisis.opening", name=ctx.who.first_name),
            self._availability(ctx, group, settings),
            self._t("crisis.bot_note"),
            await self.resources.text_for(ctx.uow, group.id if group is not None else None),
            self._t("crisis.hope"),
        ]
        if ctx.in_group:
            parts.append(self._t("crisis.private_note"))
        return join(parts, "\n\n")

    def _availability(self, ctx: Context, group: Group | None, settings: GroupSafety | None) -> Rich:
        """Whether anyone from the group will see this soon, said plainly."""
        if group is None or settings is None:
            return self._t("crisis.no_group")
        hours = settings.staffed
        if hours is None:
            return self._t("crisis.told_unstaffed")
        if hours.covers(ctx.now.astimezone(ZoneInfo(group.timezone))):
            return self._t("crisis.told_staffed")
        return self._t("crisis.offline", hours=hours.describe(), timezone=group.timezone)

    # -- /staffed ------------------------------------------------------------------------------

    async def staffed(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        if not args:
            return [Reply(self._staffed_text(group, await ctx.uow.safety.settings(group.id), ctx))]
        await facilitator_group(ctx)
        settings = await ctx.uow.safety.settings(group.id)
        if args.strip().lower() in {"off", "clear", "none"}:
            await ctx.uow.safety.save_settings(replace(settings, staffed=None))
            return [Reply(self._t("staffed.cleared", group=group.title))]
        hours = parse_staffed(args)
        if hours is None:
            return [Reply(self._t("staffed.unclear"))]
        await ctx.uow.safety.save_settings(replace(settings, staffed=hours))
        return [Reply(self._t("staffed.set_done", group=group.title, hours=hours.describe(), timezone=group.timezone))]

    def _staffed_text(self, group: Group, settings: GroupSafety, ctx: Context) -> Rich:
        hours = settings.staffed
        if hours is None:
            return self._t("staffed.show_unset", group=group.title)
        on = hours.covers(ctx.now.astimezone(ZoneInfo(group.timezone)))
        state = self._t.plain("staffed.on" if on else "staffed.off")
        return self._t("staffed.show", group=group.title, hours=hours.describe(), timezone=group.timezone, state=state)


__all__ = ["SafetyService", "SafetyStats"]
