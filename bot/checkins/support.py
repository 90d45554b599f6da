""" "Send support" on a group card: one press per peer, a live counter, a batched notice.

The card is edited in place with the new count. The author isn't told per press: the first
untold press of a batch enqueues one delivery, due :data:`BATCH_DELAY` later, whose key names
that press, so later presses in the same window land in the same delivery. At send time the
renderer counts what's untold and tells the author once ("3 people sent you support").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Protocol

from bot.checkins import cards
from bot.checkins.model import CardRef, CheckIn, Visibility
from bot.context import Context
from bot.delivery.ports import Delivery, DeliveryRecord
from bot.domain import Here, InChat, MessageRef, Person, Reply, ToPerson
from bot.errors import ExpiredAction
from bot.ports import UnitOfWork
from bot.router import ActionSpec, Audience, Router
from bot.texts import Catalog

BATCH_DELAY = timedelta(minutes=15)
NOTICE_KIND = "checkin-support"


class Enqueue(Protocol):
    """The delivery engine's ``enqueue`` (idempotent on the delivery key)."""

    async def __call__(self, uow: UnitOfWork, delivery: Delivery) -> bool: ...


class SupportButton:
    """Handles presses of "Send support" and renders the batched notices."""

    def __init__(self, catalog: Catalog, enqueue: Enqueue) -> None:
        self._t = catalog
        self._enqueue = enqueue

    def register(self, router: Router) -> None:
        router.action(ActionSpec("ci.sup", self.pressed, Audience.MEMBER, needs_group=True))

    async def pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        assert ctx.person is not None and ctx.group is not None
        shared = await self._shared_checkin(ctx, payload)
        if shared is None:
            return [Reply(self._t("checkin_support.gone"), to=Here(private=True))]
        checkin, author = shared
        if checkin.person_id == ctx.person.id:
            return [Reply(self._t("checkin_support.own"), to=Here(private=True))]
        if not await ctx.uow.checkin_support.add(checkin.id, ctx.person.id, ctx.now):
            return [Reply(self._t("checkin_support.already"), to=Here(private=True))]
        tally = await ctx.uow.checkin_support.tally(checkin.id)
        await self._enqueue(ctx.uow, self._notice(checkin, tally.first_untold))
        return self._card_edit(ctx, checkin, author, tally.count)

    async def _shared_checkin(self, ctx: Context, payload: str) -> tuple[CheckIn, Person] | None:
        """Today's shared version of the card's check-in and its author, if the author is
        still in the group."""
        assert ctx.group is not None
        pressed = await ctx.uow.checkins.get(int(payload)) if payload.isdigit() else None
        if pressed is None:
            raise ExpiredAction()
        checkin: CheckIn | None = pressed
        if not pressed.current:
            checkin = await ctx.uow.checkins.current(pressed.person_id, pressed.group_id, pressed.day)
        if checkin is None or checkin.group_id != ctx.group.id or checkin.visibility is not Visibility.GROUP:
            return None
        author = await ctx.uow.checkins.author(checkin)
        if author is None or not author.active:
            return None
        return checkin, author.person

    def _notice(self, checkin: CheckIn, first_untold: tuple[int, datetime] | None) -> Delivery:
        support_id, pressed_at = first_untold or (0, checkin.created_at)
        return Delivery(
            key=f"support:{checkin.id}:{support_id}",
            kind=NOTICE_KIND,
            due_at=pressed_at + BATCH_DELAY,
            payload={"checkin": checkin.id},
            group_id=checkin.group_id,
            person_id=checkin.person_id,
        )

    def _card_edit(self, ctx: Context, checkin: CheckIn, author: Person, supports: int) -> list[Reply]:
        assert ctx.group is not None
        if checkin.card is None:
            return []
        text = cards.card_text(self._t, checkin, author.first_name, supports)
        return [
            Reply(
                text,
                buttons=cards.support_button(self._t, checkin.id),
                to=InChat(ctx.group.chat),
                edit=_message(ctx, checkin.card),
            )
        ]

    async def render(self, uow: UnitOfWork, delivery: DeliveryRecord) -> Sequence[Reply] | None:
        """The batched notice: everything untold on today's version of the check-in, told once."""
        checkin = await uow.checkins.get(int(delivery.payload.get("checkin", 0)))
        if checkin is not None and not checkin.current:
            checkin = await uow.checkins.current(checkin.person_id, checkin.group_id, checkin.day)
        author = await uow.people.get(checkin.person_id) if checkin else None
        count = await uow.checkin_support.untold(checkin.id) if checkin else 0
        if checkin is None or author is None or count == 0:
            return None
        await uow.checkin_support.mark_told(checkin.id, delivery.due_at)
        key = "checkin_support.notice_one" if count == 1 else "checkin_support.notice"
        return [Reply(self._t(key, count=count), to=ToPerson(author.ref))]


def _message(ctx: Context, card: CardRef) -> MessageRef:
    assert ctx.group is not None
    return MessageRef(ctx.group.platform, card.chat_id, card.message_id)
