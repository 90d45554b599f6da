"""Facilitator alerts: raising them, batching, "I'm on it", escalation and the audit log.

A crisis alert goes to the group's facilitators at once, with an "I'm on it" button. Its
escalation is a delivery due ``ack_minutes`` later (key ``alert:<id>:escalate``): the
renderer sends it to the backup contact, or to every facilitator again, unless someone has
acknowledged the alert by then. Later crisis messages from the same person in the same group
within the hour only raise the open alert's count (the person still gets the resources every
time). Low check-in notices use the same table and audit log but need no acknowledgement.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.checkins.model import local_day
from bot.context import Context
from bot.delivery.ports import Delivery, DeliveryRecord
from bot.domain import Button, Group, Here, PersonRef, Reply, ToFacilitators, ToPerson
from bot.errors import ExpiredAction, UsageError
from bot.ports import Clock, UnitOfWork
from bot.rich import Rich, join
from bot.router import ActionSpec, Audience, CommandSpec, Router
from bot.safety.detector import Detection
from bot.safety.ports import Alert, AlertKind, AuditEntry, AuditEvent, NewAlert
from bot.safety.resources import facilitator_group
from bot.texts import Catalog

log = logging.getLogger(__name__)

ESCALATION_KIND = "safety-escalation"
LOW_MOOD_KIND = "safety-low-mood"
ACK_PREFIX = "alert.ack"
BATCH_WINDOW = timedelta(hours=1)
AUDIT_LINES = 30
MAX_SHARED_CHARS = 600
CATEGORIES = ("intent_or_plan", "means", "goodbye", "suicidal_thoughts", "self_harm")


class Enqueue(Protocol):
    """The delivery engine's ``enqueue`` (idempotent on the delivery key)."""

    async def __call__(self, uow: UnitOfWork, delivery: Delivery) -> bool: ...


class Cancel(Protocol):
    """The delivery engine's ``cancel`` (skips pending deliveries by key prefix)."""

    async def __call__(self, uow: UnitOfWork, key_prefix: str) -> int: ...


@dataclass(frozen=True, slots=True)
class AlertSettings:
    ack_minutes: int = 15


def escalation_key(alert_id: int) -> str:
    return f"alert:{alert_id}:escalate"


class Alerts:
    """Raises and acknowledges alerts, renders escalations and low check-in notices."""

    def __init__(
        self, catalog: Catalog, clock: Clock, enqueue: Enqueue, cancel: Cancel, settings: AlertSettings
    ) -> None:
        self._t = catalog
        self._clock = clock
        self._enqueue = enqueue
        self._cancel = cancel
        self._settings = settings

    def register(self, router: Router) -> None:
        router.action(ActionSpec(ACK_PREFIX, self.acknowledge, Audience.EVERYONE))
        router.command(
            CommandSpec(
                "alerts",
                self.audit_log,
                "safety_commands.alerts",
                "safety_usage.alerts",
                Audience.FACILITATOR,
                needs_group=True,
                private=True,
            )
        )
        router.command(
            CommandSpec(
                "backup",
                self.backup,
                "safety_commands.backup",
                "safety_usage.backup",
                Audience.FACILITATOR,
                needs_group=True,
                private=True,
            )
        )

    # -- raising ------------------------------------------------------------------------------

    async def crisis(self, ctx: Context, group: Group, detection: Detection, shared_text: str | None) -> list[Reply]:
        """Raise an alert (or count one more message on the open one); returns the alert DMs."""
        uow = ctx.uow
        latest = await uow.safety.latest(group.id, ctx.who.user_id, AlertKind.CRISIS)
        if latest is not None and ctx.now - latest.created_at < BATCH_WINDOW:
            await uow.safety.repeat(latest.id, ctx.now)
            await uow.safety.log(latest, AuditEvent.REPEATED, "", ctx.now)
            return []
        alert = await uow.safety.add_alert(
            NewAlert(
                group_id=group.id,
                person_id=ctx.person.id if ctx.person is not None else None,
                subject_key=ctx.who.user_id,
                subject_name=ctx.who.display_name,
                kind=AlertKind.CRISIS,
                category=detection.category,
                created_at=ctx.now,
                in_group=ctx.in_group,
                shared_text=shared_text[:MAX_SHARED_CHARS] if shared_text else None,
            )
        )
        await uow.safety.log(alert, AuditEvent.RAISED, "", ctx.now)
        await self._enqueue(
            uow,
            Delivery(
                key=escalation_key(alert.id),
                kind=ESCALATION_KIND,
                due_at=ctx.now + timedelta(minutes=self._settings.ack_minutes),
                payload={"alert": alert.id},
                group_id=group.id,
                person_id=alert.person_id,
            ),
        )
        backup = (await uow.safety.settings(group.id)).backup_user_id
        return [
            Reply(
                self._raised_text(group, alert, backup is not None),
                buttons=self._ack_button(alert),
                to=ToFacilitators(group.id),
                urgent=True,
            )
        ]

    def _raised_text(self, group: Group, alert: Alert, has_backup: bool) -> Rich:
        nxt = self._t.plain("alerts.next_backup" if has_backup else "alerts.next_facilitators")
        parts = [
            self._t("alerts.raised", **self._facts(group, alert)),
            self._shared(alert),
            self._t("alerts.ask", minutes=self._settings.ack_minutes, next=nxt),
        ]
        return join(parts, "\n\n")

    def _facts(self, group: Group, alert: Alert) -> dict[str, object]:
        return {
            "group": group.title,
            "name": alert.subject_name,
            "category": self.category(alert.category),
            "place": self._t.plain("alerts.place_group" if alert.in_group else "alerts.place_private"),
            "time": _local(group, alert.created_at),
            "timezone": group.timezone,
        }

    def _shared(self, alert: Alert) -> Rich:
        if alert.shared_text:
            return self._t("alerts.shared_text", text=alert.shared_text)
        return self._t("alerts.not_shared")

    def _ack_button(self, alert: Alert) -> tuple[tuple[Button, ...], ...]:
        return ((Button(self._t.plain("alerts.ack_button"), f"{ACK_PREFIX}:{alert.id}"),),)

    def category(self, category: str | None) -> str:
        """A plain label for a detector category (never the person's words)."""
        return self._t.plain(f"alerts.category.{category if category in CATEGORIES else 'other'}")

    # -- acknowledging ------------------------------------------------------------------------

    async def acknowledge(self, ctx: Context, payload: str) -> Sequence[Reply]:
        """ "I'm on it": only facilitators of the alert's group or its backup contact."""
        alert = await ctx.uow.safety.get(int(payload)) if payload.isdigit() else None
        group = await ctx.uow.groups.get(alert.group_id) if alert is not None else None
        if alert is None or group is None or alert.kind is not AlertKind.CRISIS:
            raise ExpiredAction()
        role = await self._role(ctx, group)
        if role is None:
            return [Reply(self._t("alerts.not_yours"), to=Here(private=True))]
        by = ctx.who.display_name
        if not await ctx.uow.safety.acknowledge(alert.id, by, ctx.now):
            current = await ctx.uow.safety.get(alert.id)
            assert current is not None and current.acknowledged_at is not None
            already = self._t(
                "alerts.already", by=current.acknowledged_by or "", time=_local(group, current.acknowledged_at)
            )
            return [Reply(already, to=Here(private=True))]
        await ctx.uow.safety.log(alert, AuditEvent.ACKNOWLEDGED, by, ctx.now)
        await self._cancel(ctx.uow, f"alert:{alert.id}:")
        log.info("safety alert acknowledged", extra={"alert_id": alert.id, "group_id": group.id})
        text = self._t(
            "alerts.acknowledged",
            by=by,
            name=alert.subject_name,
            group=group.title,
            time=_local(group, alert.created_at),
        )
        replies = [Reply(text, to=ToFacilitators(group.id))]
        if role == "backup":
            replies.append(Reply(text, to=Here(private=True)))
        return replies

    async def _role(self, ctx: Context, group: Group) -> str | None:
        """'facilitator' or 'backup' of ``group`` (checked against that group, not the chat's)."""
        backup = (await ctx.uow.safety.settings(group.id)).backup_user_id
        if ctx.group is None or ctx.group.id != group.id:
            ctx.group = group
            ctx._is_facilitator = None
        if await ctx.is_facilitator():
            return "facilitator"
        if backup is not None and backup == ctx.who.user_id and ctx.who.platform == group.platform:
            return "backup"
        return None

    # -- escalating ---------------------------------------------------------------------------

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        """The escalation, unless someone acknowledged the alert meanwhile."""
        alert = await uow.safety.get(int(delivery.payload.get("alert", 0)))
        group = await uow.groups.get(alert.group_id) if alert is not None else None
        if alert is None or group is None or alert.acknowledged_at is not None:
            return None
        now = self._clock.now()
        if await uow.safety.mark_escalated(alert.id, now):
            await uow.safety.log(alert, AuditEvent.ESCALATED, "", now)
            log.warning("safety alert escalated unacknowledged", extra={"alert_id": alert.id, "group_id": group.id})
        backup = (await uow.safety.settings(group.id)).backup_user_id
        count_line = (
            self._t.plain("alerts.count_one")
            if alert.count == 1
            else self._t.plain("alerts.count_many", count=alert.count)
        )
        text = join(
            [
                self._t(
                    "alerts.escalated",
                    minutes=self._settings.ack_minutes,
                    count_line=count_line,
                    **self._facts(group, alert),
                ),
                self._shared(alert),
            ],
            "\n\n",
        )
        to = ToPerson(PersonRef(group.platform, backup, backup)) if backup else ToFacilitators(group.id)
        return [Reply(text, buttons=self._ack_button(alert), to=to, urgent=True)]

    # -- the log and the backup contact -------------------------------------------------------

    async def audit_log(self, ctx: Context, args: str) -> Sequence[Reply]:
        group = ctx.group
        assert group is not None
        entries = await ctx.uow.safety.audit(group.id, AUDIT_LINES)
        if not entries:
            return [Reply(self._t("alerts.log.empty", group=group.title))]
        header = self._t("alerts.log.header", group=group.title, timezone=group.timezone)
        return [Reply(join([header, join([self._audit_line(group, entry) for entry in entries])], "\n\n"))]

    def _audit_line(self, group: Group, entry: AuditEntry) -> Rich:
        detail = ""
        if entry.kind is AlertKind.CRISIS and entry.event is AuditEvent.RAISED:
            detail += self._t.plain("alerts.log.category", category=self.category(entry.category))
        if entry.actor:
            detail += self._t.plain("alerts.log.actor", actor=entry.actor)
        event = self._t.plain(f"alerts.log.{entry.event}")
        return self._t(
            "alerts.log.line", time=_local(group, entry.at), event=event, name=entry.subject_name, detail=detail
        )

    async def backup(self, ctx: Context, args: str) -> Sequence[Reply]:
        group_id = await facilitator_group(ctx)
        assert ctx.group is not None
        settings = await ctx.uow.safety.settings(group_id)
        word, _, rest = args.partition(" ")
        params = {"group": ctx.group.title, "minutes": self._settings.ack_minutes}
        if not word:
            if settings.backup_user_id is None:
                return [Reply(self._t("backup.show_unset", **params))]
            return [Reply(self._t("backup.show", user_id=settings.backup_user_id, **params))]
        if word.lower() in {"off", "clear", "reset"} and not rest.strip():
            await ctx.uow.safety.save_settings(replace(settings, backup_user_id=None))
            return [Reply(self._t("backup.cleared", **params))]
        user_id = rest.strip().lstrip("@")
        if word.lower() != "set" or not user_id or len(user_id) > 64 or " " in user_id:
            raise UsageError()
        await ctx.uow.safety.save_settings(replace(settings, backup_user_id=user_id))
        return [Reply(self._t("backup.set_done", user_id=user_id, **params))]


class LowMoodNotices:
    """Three low check-ins (mood 1-2) on consecutive local days: one gentle notice per streak.

    A delivery producer: each run looks at the last weeks of check-ins of every active group.
    It runs again every hour while someone's streak could complete today (two low days
    up to yesterday), otherwise at the next local midnight of any group.
    """

    name = "safety-low-mood"
    threshold = 3
    low_mood = 2
    window_days = 28
    poll = timedelta(hours=1)

    def __init__(self, catalog: Catalog, enqueue: Enqueue) -> None:
        self._t = catalog
        self._enqueue = enqueue

    async def produce(self, uow: UnitOfWork, now: datetime) -> datetime | None:
        moments = [now + timedelta(hours=6)]
        for group in await uow.groups.active():
            today = local_day(group.timezone, now)
            armed = await self._check_group(uow, group, today, now)
            moments.append(now + self.poll if armed else _next_midnight(group, now))
        return min(moments)

    async def _check_group(self, uow: UnitOfWork, group: Group, today: date, now: datetime) -> bool:
        checkins = await uow.checkins.of_group(group.id, today - timedelta(days=self.window_days), today)
        low: dict[int, set[date]] = {}
        for checkin in checkins:
            if checkin.mood <= self.low_mood:
                low.setdefault(checkin.person_id, set()).add(checkin.day)
        armed = False
        for person_id, days in low.items():
            for end in (today, today - timedelta(days=1)):
                run = _run_length(days, end)
                if run >= self.threshold:
                    await self._notice(uow, group, person_id, end - timedelta(days=run - 1), now)
                    break
                if end != today and run == self.threshold - 1:
                    armed = True
        return armed

    async def _notice(self, uow: UnitOfWork, group: Group, person_id: int, start: date, now: datetime) -> None:
        person = await uow.people.get(person_id)
        membership = await uow.memberships.get(person_id, group.id)
        if person is None or membership is None or not membership.active:
            return
        latest = await uow.safety.latest(group.id, person.user_id, AlertKind.LOW_MOOD)
        if latest is not None and local_day(group.timezone, latest.created_at) >= start:
            return
        alert = await uow.safety.add_alert(
            NewAlert(group.id, person.id, person.user_id, person.display_name, AlertKind.LOW_MOOD, None, now)
        )
        await uow.safety.log(alert, AuditEvent.NOTICE, "", now)
        await self._enqueue(
            uow,
            Delivery(
                key=f"safety-low:{group.id}:{person.id}:{start}",
                kind=LOW_MOOD_KIND,
                due_at=now,
                payload={"alert": alert.id},
                group_id=group.id,
                person_id=person.id,
            ),
        )
        log.info("low check-in notice raised", extra={"group_id": group.id})

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        alert = await uow.safety.get(int(delivery.payload.get("alert", 0)))
        group = await uow.groups.get(alert.group_id) if alert is not None else None
        if alert is None or group is None:
            return None
        text = self._t("alerts.low_mood", group=group.title, name=alert.subject_name, days=self.threshold)
        return [Reply(text, to=ToFacilitators(group.id))]


def _run_length(days: set[date], end: date) -> int:
    """How many consecutive days in ``days`` end at ``end``."""
    length = 0
    day = end
    while day in days:
        length += 1
        day -= timedelta(days=1)
    return length


def _next_midnight(group: Group, now: datetime) -> datetime:
    zone = ZoneInfo(group.timezone)
    local = now.astimezone(zone)
    tomorrow = (local + timedelta(days=1)).date()
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 0, 1, tzinfo=zone)


def _local(group: Group, moment: datetime) -> str:
    return moment.astimezone(ZoneInfo(group.timezone)).strftime("%a %d %b %H:%M")


__all__ = [
    "ACK_PREFIX",
    "ESCALATION_KIND",
    "LOW_MOOD_KIND",
    "AlertSettings",
    "Alerts",
    "LowMoodNotices",
    "escalation_key",
]
