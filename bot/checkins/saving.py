"""Storing a check-in and saying what happened: to the person, and (if shared) to the group.

The one place that decides what reaches the group: a card is posted, edited in place when the
same day's check-in is updated, or withdrawn when an update is no longer shared with the group.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import timedelta

from bot.checkins import cards
from bot.checkins.model import CardRef, CheckIn, NewCheckIn, Visibility, local_day
from bot.checkins.streaks import LOOKBACK_DAYS, streak
from bot.context import Context
from bot.domain import Group, Here, InChat, MessageRef, Reply
from bot.ports import UnitOfWorkFactory
from bot.prompts.skills import Skill, SkillLibrary
from bot.rich import Rich, join
from bot.texts import Catalog

ResourcesText = Callable[[Context], Awaitable[Rich]]

LOW_MOOD = 1
SHORT_SKILL_MINUTES = 3
LOW_MOOD_CATEGORIES = ("grounding", "breathing")


class CheckInWriter:
    """Saves check-ins and builds the replies that follow."""

    def __init__(
        self,
        catalog: Catalog,
        uow_factory: UnitOfWorkFactory,
        skills: SkillLibrary,
        resources: ResourcesText | None = None,
    ) -> None:
        self._t = catalog
        self._uow_factory = uow_factory
        self._skills = skills
        self._resources = resources

    def set_resources(self, resources: ResourcesText) -> None:
        """Let the safety feature supply group-specific crisis resources."""
        self._resources = resources

    async def save(self, ctx: Context, group: Group, checkin: NewCheckIn) -> list[Reply]:
        """Store ``checkin`` as today's, then confirm privately and update the group card."""
        assert ctx.person is not None
        saved = await ctx.uow.checkins.add(checkin)
        stored = saved.checkin
        key = "checkin.updated" if saved.earlier is not None else "checkin.saved"
        confirmation = self._t(
            key,
            name=ctx.person.first_name,
            icon=cards.mood_icon(self._t, stored.mood),
            mood_label=cards.mood_label(self._t, stored.mood),
            visibility=self._t.plain(f"visibility_short.{stored.visibility}"),
        )
        parts = [confirmation, *(await self._streak_lines(ctx, group)), self._t("checkin.change_visibility")]
        replies = [
            Reply(join(parts, "\n\n"), buttons=cards.change_visibility_buttons(self._t, stored), to=Here(private=True))
        ]
        if stored.mood == LOW_MOOD:
            replies.append(Reply(await self._low_mood_text(ctx, stored), to=Here(private=True)))
        replies += await self.sync_card(ctx, group, stored, supports=saved.supports)
        return replies

    async def _streak_lines(self, ctx: Context, group: Group) -> list[Rich]:
        assert ctx.person is not None
        today = local_day(group.timezone, ctx.now)
        days = await ctx.uow.checkins.days(ctx.person.id, group.id, today - timedelta(days=LOOKBACK_DAYS))
        result = streak(days, today)
        if result.days < 2:
            return []
        if result.grace_days:
            grace = result.grace_days[-1].strftime("%A")
            line = self._t("checkin.streak_grace", days=result.days, grace=grace)
        else:
            line = self._t("checkin.streak", days=result.days)
        return [line + Rich.of(" ") + self._t("checkin.streak_private")]

    async def _low_mood_text(self, ctx: Context, checkin: CheckIn) -> Rich:
        parts = [self._t("checkin.low_mood")]
        skill = self._short_skill(checkin)
        if skill is not None:
            steps = "\n".join(f"• {step}" for step in skill.steps)
            parts.append(self._t("checkin.skill", title=skill.title, minutes=skill.minutes, steps=steps))
        parts.append(self._t("checkin.low_mood_people"))
        parts.append(await self._resources(ctx) if self._resources else self._t("resources.default"))
        return join(parts, "\n\n")

    def _short_skill(self, checkin: CheckIn) -> Skill | None:
        """A short grounding or breathing skill, a different one on different days."""
        choices = [
            skill
            for category in LOW_MOOD_CATEGORIES
            for skill in self._skills.by_category(category)
            if skill.minutes <= SHORT_SKILL_MINUTES
        ]
        return choices[checkin.day.toordinal() % len(choices)] if choices else None

    async def sync_card(
        self, ctx: Context, group: Group, checkin: CheckIn, *, supports: int | None = None
    ) -> list[Reply]:
        """Make the group card match the check-in: post, edit in place, or withdraw.

        ``supports`` is the card's support count when the caller knows it (a check-in just
        saved carries over its day's presses), which saves counting.
        """
        assert ctx.person is not None
        if checkin.visibility is Visibility.GROUP:
            if not group.active:
                return []
            if supports is None:
                supports = await ctx.uow.checkin_support.count(checkin.id)
            text = cards.card_text(self._t, checkin, ctx.person.first_name, supports)
            buttons = cards.support_button(self._t, checkin.id)
            if checkin.card is not None:
                return [Reply(text, buttons=buttons, to=InChat(group.chat), edit=_message(group, checkin.card))]
            return [Reply(text, buttons=buttons, to=InChat(group.chat), on_sent=self._remember_card(checkin.id))]
        if checkin.card is None:
            return []
        await ctx.uow.checkins.set_card(checkin.id, None)
        withdrawn = self._t("checkin_card.withdrawn", name=ctx.person.first_name)
        return [Reply(withdrawn, to=InChat(group.chat), edit=_message(group, checkin.card))]

    def _remember_card(self, checkin_id: int) -> Callable[[Sequence[MessageRef]], Awaitable[None]]:
        """After the card is sent (and the event committed), store where it landed."""

        async def remember(refs: Sequence[MessageRef]) -> None:
            async with self._uow_factory() as uow:
                await uow.checkins.set_card(checkin_id, CardRef(refs[0].chat_id, refs[0].message_id))
                await uow.commit()

        return remember

    async def change_visibility(
        self, ctx: Context, group: Group, checkin: CheckIn, visibility: Visibility
    ) -> list[Reply]:
        await ctx.uow.checkins.set_visibility(checkin.id, visibility)
        updated = replace(checkin, visibility=visibility)
        text = self._t("checkin.visibility_changed", visibility=self._t.plain(f"visibility_short.{visibility}"))
        confirmation = Reply(text, buttons=cards.change_visibility_buttons(self._t, updated), to=Here(private=True))
        return [confirmation, *await self.sync_card(ctx, group, updated)]


def _message(group: Group, card: CardRef) -> MessageRef:
    return MessageRef(group.platform, card.chat_id, card.message_id)
