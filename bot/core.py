"""The facade every adapter calls: ``await core.handle(event)``.

Order of work for each event, fixed here so that no adapter or feature can change it:

1. crisis screening of any text, in its own transaction, with its replies sent at once;
2. resolving the group, the person and their membership;
3. routing to the feature (with permission, consent and group checks);
4. committing, and only then sending the replies.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from bot.actions import ActionSigner
from bot.context import Context, Resolved
from bot.domain import (
    ChatRef,
    Command,
    Event,
    Here,
    Membership,
    PersonRef,
    Platform,
    Press,
    Reply,
    Role,
    Text,
)
from bot.errors import BotError, ConsentRequired, ExpiredAction, GroupRequired, NotFacilitator, UsageError
from bot.metrics import Metrics
from bot.outbox import OpenGate, Outbox, SendGate
from bot.ports import Clock, Job, Messenger, SafetyScreen, UnitOfWork, UnitOfWorkFactory
from bot.rich import Rich
from bot.router import ActionSpec, Audience, CommandSpec, Router, Where
from bot.texts import Catalog

if TYPE_CHECKING:
    from bot.safety.detector import Detection

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
#: ``last_seen_at`` is kept to within this much (see :func:`_seen_write_due`).
SEEN_PRECISION = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class CoreSettings:
    """The few settings the core itself needs."""

    default_timezone: str = "UTC"
    facilitators: frozenset[tuple[str, str]] = frozenset()  # (platform, user id)


def chat_key(chat: ChatRef) -> str:
    """A stable key for a chat across platforms (used for pending flows)."""
    return f"{chat.platform}:{chat.chat_id}"


class Core:
    """Handles events from every adapter; built once by the composition root."""

    def __init__(
        self,
        *,
        router: Router,
        catalog: Catalog,
        clock: Clock,
        uow_factory: UnitOfWorkFactory,
        settings: CoreSettings,
        screen: SafetyScreen | None = None,
        gate: SendGate | None = None,
    ) -> None:
        self.router = router
        self.catalog = catalog
        self.clock = clock
        self._uow_factory = uow_factory
        self._settings = settings
        self._screen = screen
        self._messengers: dict[Platform, Messenger] = {}
        self._jobs: list[Job] = []
        self.metrics = Metrics()
        self._signer: ActionSigner | None = None
        self.outbox = Outbox(
            self._messengers, catalog, gate or OpenGate(), self.facilitators_of, self.chat_removed, self.metrics
        )

    # -- wiring -------------------------------------------------------------------------

    def attach(self, messenger: Messenger) -> None:
        """Let the core send on ``messenger.platform`` (an adapter calls this at start)."""
        self._messengers[messenger.platform] = messenger

    def messenger(self, platform: Platform) -> Messenger | None:
        return self._messengers.get(platform)

    def sign_actions(self, signer: ActionSigner) -> None:
        """Require every pressed button to carry a signature made by ``signer``."""
        self._signer = signer
        self.outbox.sign_actions_with(signer)

    def prepare(self, reply: Reply) -> Reply:
        """A reply as it must go out: button actions signed (for senders other than the outbox)."""
        return self.outbox.prepare(reply)

    def add_job(self, job: Job) -> None:
        self._jobs.append(job)

    def set_screen(self, screen: SafetyScreen) -> None:
        self._screen = screen

    # -- events -------------------------------------------------------------------------

    async def handle(self, event: Event) -> None:
        """Screen, route, commit, reply. Never raises for the person's mistakes."""
        self.metrics.inc("updates_handled", kind=type(event.action).__name__.lower())
        detection = self._detect(event)
        if detection is not None and detection.crisis:
            await self._screen_text(event, _text_of(event), detection)
        replies = await self._handle_in_transaction(event, detection)
        await self.outbox.deliver(replies, event)

    async def replies_for(self, event: Event) -> list[Reply]:
        """Like :meth:`handle` but returns the replies instead of sending them (benchmarks)."""
        return await self._handle_in_transaction(event, self._detect(event))

    def _detect(self, event: Event) -> Detection | None:
        """The screen's verdict on the event's text, computed once per event (None: no text)."""
        text = _text_of(event)
        return self._screen.detect(text) if text and self._screen is not None else None

    async def _screen_text(self, event: Event, text: str, detection: Detection) -> None:
        assert self._screen is not None
        self.metrics.inc("crisis_detected")
        replies: Sequence[Reply] = ()
        async with self._uow_factory() as uow:
            try:
                ctx = await self._context(uow, event, self.clock.now(), register=False)
                ctx.screening = detection
                replies = await self._screen.respond(ctx, text, detection)
                await uow.commit()
            except Exception:
                await uow.rollback()
                log.exception("crisis response failed; sending the fallback resources")
                replies = [Reply(self.catalog("safety.fallback"), to=Here(private=True), urgent=True)]
        await self.outbox.deliver([replace(reply, urgent=True) for reply in replies], event)

    async def _handle_in_transaction(self, event: Event, detection: Detection | None) -> list[Reply]:
        now = self.clock.now()
        async with self._uow_factory() as uow:
            try:
                ctx = await self._context(uow, event, now, register=True)
                ctx.screening = detection
                replies = list(await self._route(ctx))
                await uow.commit()
                return replies
            except UsageError as error:
                await uow.rollback()
                return [self._usage_reply(event, error)]
            except BotError as error:
                await uow.rollback()
                return [Reply(self.catalog(error.message_key, **error.params), to=Here(private=True))]
            except Exception:
                await uow.rollback()
                self.metrics.inc("errors", where="event")
                log.exception("unexpected error while handling an event", extra={"kind": type(event.action).__name__})
                return [Reply(self.catalog("error.internal"), to=Here(private=True))]

    def _usage_reply(self, event: Event, error: UsageError) -> Reply:
        if isinstance(event.action, Command):
            spec = self.router.find_command(event.action.name)
            if spec is not None:
                usage = self.catalog(spec.usage)
                intro = self.catalog(error.message_key, command=spec.name, **error.params)
                return Reply(intro + Rich.of("\n") + usage, to=Here(private=True))
        return Reply(self.catalog("error.generic"), to=Here(private=True))

    async def _route(self, ctx: Context) -> Sequence[Reply]:
        action = ctx.event.action
        if isinstance(action, Command):
            return await self._run_command(ctx, action)
        if isinstance(action, Press):
            return await self._run_action(ctx, action)
        return await self._run_text(ctx, action)

    async def _run_command(self, ctx: Context, command: Command) -> Sequence[Reply]:
        spec = self.router.find_command(command.name)
        if spec is None:
            return [Reply(self.catalog("error.unknown_command", command=command.name[:40]), to=Here(private=True))]
        if ctx.person is not None and ctx.flow_may_be_pending:
            await ctx.uow.flows.clear(ctx.person.id, chat_key(ctx.chat))
            ctx.chat_flow = None
        if spec.where is Where.GROUP and not ctx.in_group:
            return [Reply(self.catalog("error.group_only", command=spec.name))]
        if spec.where is Where.DIRECT and ctx.in_group:
            return [Reply(self.catalog("error.direct_only", command=spec.name), to=Here(private=True))]
        await self._check(ctx, spec.audience, spec.needs_group)
        replies = await spec.handler(ctx, command.args.strip())
        return _privately(replies) if spec.private else replies

    async def _run_action(self, ctx: Context, press: Press) -> Sequence[Reply]:
        action = press.action if self._signer is None else self._signer.verify(press.action)
        found = self.router.find_action(action) if action is not None else None
        if found is None:
            raise ExpiredAction()
        spec, payload = found
        await self._check(ctx, spec.audience, spec.needs_group)
        return await spec.handler(ctx, payload)

    async def _run_text(self, ctx: Context, text: Text) -> Sequence[Reply]:
        if ctx.person is not None and ctx.flow_may_be_pending:
            pending = await ctx.uow.flows.take(ctx.person.id, chat_key(ctx.chat))
            if pending is not None:
                ctx.chat_flow = None
                flow = self.router.find_flow(pending.flow)
                if flow is not None and pending.expires_at > ctx.now:
                    return await flow.handler(ctx, text.text)
        if text.addressed and self.router.text_fallback is not None:
            return await self.router.text_fallback(ctx, text.text)
        return []

    async def _check(self, ctx: Context, audience: Audience, needs_group: bool) -> None:
        if (needs_group or audience is Audience.FACILITATOR) and ctx.group is None:
            raise GroupRequired()
        if audience is Audience.FACILITATOR and not await ctx.is_facilitator():
            raise NotFacilitator()
        if audience is Audience.MEMBER and ctx.person is None:
            raise ConsentRequired()
        if audience is Audience.MEMBER and needs_group and not ctx.is_member:
            raise ConsentRequired()

    # -- resolving who and where ----------------------------------------------------------

    async def _context(self, uow: UnitOfWork, event: Event, now: datetime, *, register: bool) -> Context:
        found = await _resolve(uow, event)
        person, group, membership = found.person, found.group, found.membership
        if person is not None and register and person.display_name != event.person.display_name:
            await uow.people.rename(person.id, event.person.display_name)
        if event.chat.is_group and register:
            if group is None:
                group = await uow.groups.add(event.chat, self._settings.default_timezone, DEFAULT_LANGUAGE)
                if person is not None:
                    membership = await uow.memberships.get(person.id, group.id)
            elif not group.active or (event.chat.title and group.title != event.chat.title):
                group = replace(group, active=True, title=event.chat.title or group.title)
                await uow.groups.update(group)
        if membership is not None and membership.active and register and event.chat.is_group:
            if _seen_write_due(membership, found.seen_elsewhere, now):
                await uow.memberships.upsert(replace(membership, last_seen_at=now))
            membership = replace(membership, last_seen_at=now)
        ctx = Context(event=event, now=now, uow=uow, group=group, person=person, membership=membership)
        # A weak reference: a closure holding ``ctx`` itself would make every event's Context,
        # unit of work, session and turn a reference cycle, freed only by the cycle collector.
        ctx._facilitator_check = partial(self._is_facilitator_of, weakref.ref(ctx))
        ctx.chat_flow = found.pending_flow
        return ctx

    async def _is_facilitator_of(self, ref: weakref.ref[Context]) -> bool:
        ctx = ref()
        return ctx is not None and await self._is_facilitator(ctx)

    async def _is_facilitator(self, ctx: Context) -> bool:
        who = ctx.event.person
        if (str(who.platform), who.user_id) in self._settings.facilitators:
            return True
        if ctx.group is None:
            return False
        messenger = self._messengers.get(ctx.group.platform)
        if messenger is None or ctx.group.platform != who.platform:
            return False
        return await messenger.is_facilitator(ctx.group.chat, who)

    async def facilitators_of(self, group_id: int) -> list[PersonRef]:
        """Everyone who should hear facilitator alerts for a group, without duplicates."""
        async with self._uow_factory() as uow:
            group = await uow.groups.get(group_id)
            if group is None:
                return []
            people: dict[str, PersonRef] = {}
            messenger = self._messengers.get(group.platform)
            if messenger is not None:
                for ref in await messenger.facilitators(group.chat):
                    people.setdefault(ref.user_id, ref)
            for platform, user_id in sorted(self._settings.facilitators):
                if platform == group.platform:
                    people.setdefault(user_id, PersonRef(group.platform, user_id, user_id))
            for membership in await uow.memberships.of_group(group_id):
                if membership.role is Role.FACILITATOR:
                    stored = await uow.people.get(membership.person_id)
                    if stored is not None:
                        people.setdefault(stored.user_id, stored.ref)
        return list(people.values())

    # -- chat lifecycle -----------------------------------------------------------------

    async def chat_added(self, chat: ChatRef) -> None:
        """The bot was added to a group chat: register it (or wake it up again)."""
        async with self._uow_factory() as uow:
            group = await uow.groups.by_chat(chat.platform, chat.chat_id)
            if group is None:
                await uow.groups.add(chat, self._settings.default_timezone, DEFAULT_LANGUAGE)
            elif not group.active:
                await uow.groups.update(replace(group, active=True))
            await uow.commit()

    async def chat_removed(self, chat: ChatRef) -> None:
        """The bot was removed or blocked: keep the data, stop sending there."""
        async with self._uow_factory() as uow:
            group = await uow.groups.by_chat(chat.platform, chat.chat_id)
            if group is not None and group.active:
                await uow.groups.update(replace(group, active=False))
                await uow.commit()
        log.info("group marked inactive", extra={"platform": str(chat.platform)})

    async def chat_migrated(self, chat: ChatRef, new_chat_id: str) -> None:
        """A Telegram group became a supergroup: same group, new chat id."""
        async with self._uow_factory() as uow:
            group = await uow.groups.by_chat(chat.platform, chat.chat_id)
            if group is not None and await uow.groups.by_chat(chat.platform, new_chat_id) is None:
                await uow.groups.move_chat(group.id, new_chat_id)
                await uow.commit()

    # -- time ---------------------------------------------------------------------------

    async def tick(self) -> int:
        """Run every job's due work; one failing job never stops the others."""
        handled = 0
        now = self.clock.now()
        for job in self._jobs:
            try:
                handled += await job.run_due(now)
            except Exception:
                self.metrics.inc("errors", where="job")
                log.exception("job failed", extra={"job": job.name})
        return handled

    async def next_due(self) -> datetime | None:
        """The earliest moment any job has work (drives the console's virtual clock)."""
        moments = [moment for job in self._jobs if (moment := await job.next_due()) is not None]
        return min(moments, default=None)


async def _resolve(uow: UnitOfWork, event: Event) -> Resolved:
    """The event's person, group, membership and pending flow, in one round trip."""
    return await uow.events.resolve(event.person, event.chat, chat_key(event.chat))


def _seen_write_due(membership: Membership, seen_elsewhere: datetime | None, now: datetime) -> bool:
    """Whether to store ``last_seen_at = now`` for an event in the membership's group.

    ``last_seen_at`` only decides which group a direct message belongs to (the latest seen).
    Writing it on every group event made every event a write, so it is written when it is
    older than :data:`SEEN_PRECISION` (or in the future), or when another membership was seen
    as late or later, so the latest-seen group is the same as if every event had written it.
    """
    age = now - membership.last_seen_at
    if age >= SEEN_PRECISION or age < timedelta(0):
        return True
    return seen_elsewhere is not None and seen_elsewhere >= membership.last_seen_at


def _text_of(event: Event) -> str:
    action = event.action
    if isinstance(action, Text):
        return action.text
    if isinstance(action, Command):
        return action.args
    return action.text or ""


def _privately(replies: Sequence[Reply]) -> list[Reply]:
    return [replace(reply, to=Here(private=True)) if isinstance(reply.to, Here) else reply for reply in replies]


Handler = Callable[[Context, str], Awaitable[Sequence[Reply]]]

__all__ = ["ActionSpec", "CommandSpec", "Core", "CoreSettings", "Handler", "chat_key"]
