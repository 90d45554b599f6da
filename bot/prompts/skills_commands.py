"""/skill, /skills, /skills stats, and the "I tried it" / "It helped" buttons.

A skill is something to do right now, so ``/skill`` needs no consent; pressing a feedback
button stores something about the person, so it does (the core asks them to /join first).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.context import Context
from bot.domain import Here, Reply
from bot.errors import ExpiredAction, GroupRequired, NotFacilitator
from bot.prompts.messages import FEEDBACK_PREFIX, feedback_buttons, parse_feedback, skill_text
from bot.prompts.picker import SkillPicker
from bot.prompts.ports import Feedback, SkillTally
from bot.prompts.skills import CATEGORIES, resolve_category
from bot.rich import Rich, join
from bot.router import ActionSpec, Audience, CommandSpec, Option, Router
from bot.texts import Catalog

#: How many skills /skills stats lists (most tried first).
STATS_LINES = 15


class SkillCommands:
    """Skills on request and what people said about them."""

    def __init__(self, catalog: Catalog, picker: SkillPicker) -> None:
        self._t = catalog
        self._picker = picker

    def register(self, router: Router) -> None:
        theme = Option("theme", "a theme, e.g. breathing", choices=tuple(CATEGORIES))
        router.command(
            CommandSpec(
                "skill",
                self.skill,
                "prompts_commands.skill",
                "prompts_usage.skill",
                Audience.EVERYONE,
                options=(theme,),
            )
        )
        router.command(
            CommandSpec(
                "skills",
                self.skills,
                "prompts_commands.skills",
                "prompts_usage.skills",
                Audience.EVERYONE,
                options=(Option("stats", "type stats for the group's numbers (facilitators)"),),
            )
        )
        router.action(ActionSpec(FEEDBACK_PREFIX, self.feedback, Audience.MEMBER))

    async def skill(self, ctx: Context, args: str) -> Sequence[Reply]:
        category = None
        if args:
            category = resolve_category(args)
            if category is None:
                return [Reply(self._t("skill.unknown_theme", word=args[:40]), to=Here(private=True))]
        group_id = ctx.group.id if ctx.group is not None else None
        skill = await self._picker.pick(ctx.uow, group_id, category)
        if skill is None:
            return [Reply(self._t("skill.empty_theme"), to=Here(private=True))]
        send = await ctx.uow.skill_activity.record_send(group_id, skill.id, None, ctx.now)
        return [Reply(skill_text(self._t, skill), buttons=feedback_buttons(self._t, send.id))]

    async def skills(self, ctx: Context, args: str) -> Sequence[Reply]:
        if not args:
            return [Reply(self._themes())]
        if args.lower() != "stats":
            return [Reply(self._t("skills_list.stats_usage"), to=Here(private=True))]
        if ctx.group is None:
            raise GroupRequired()
        if not await ctx.is_facilitator():
            raise NotFacilitator()
        tallies = await ctx.uow.skill_activity.tallies(ctx.group.id)
        return [Reply(self._stats(ctx.group.title, tallies))]

    def _themes(self) -> Rich:
        counts = self._picker.library.counts()
        lines = [
            self._t("skills_list.line", label=CATEGORIES[category], word=category, count=counts[category])
            for category in self._picker.library.categories()
        ]
        return join([self._t("skills_list.header"), join(lines), self._t("skills_list.footer")], "\n\n")

    def _stats(self, group_title: str, tallies: Sequence[SkillTally]) -> Rich:
        if not tallies:
            return self._t("skills_list.stats_empty")
        ranked = sorted(tallies, key=lambda tally: (-tally.tried, -tally.helped, -tally.sent, tally.skill_id))
        lines = [
            self._t("skills_list.stats_line", title=self._title(tally.skill_id), **_numbers(tally))
            for tally in ranked[:STATS_LINES]
        ]
        totals = self._t(
            "skills_list.stats_totals",
            tried=sum(tally.tried for tally in tallies),
            helped=sum(tally.helped for tally in tallies),
        )
        return join([self._t("skills_list.stats_header", group=group_title), join(lines), totals], "\n\n")

    def _title(self, skill_id: str) -> str:
        skill = self._picker.library.get(skill_id)
        return skill.title if skill is not None else skill_id

    async def feedback(self, ctx: Context, payload: str) -> Sequence[Reply]:
        parsed = parse_feedback(payload)
        send = await ctx.uow.skill_activity.get_send(parsed[1]) if parsed is not None else None
        if parsed is None or send is None or ctx.person is None:
            raise ExpiredAction()
        kind = parsed[0]
        added = await ctx.uow.skill_activity.add_feedback(send.id, ctx.person.id, kind, ctx.now)
        if kind is Feedback.HELPED:
            await ctx.uow.skill_activity.add_feedback(send.id, ctx.person.id, Feedback.TRIED, ctx.now)
        name = ctx.person.first_name
        if not added:
            key = "skill.already_helped" if kind is Feedback.HELPED else "skill.already_tried"
            return [Reply(self._t(key, name=name), to=Here(private=True))]
        key = "skill.thanks_helped" if kind is Feedback.HELPED else "skill.thanks_tried"
        return [Reply(self._t(key, name=name), to=Here(private=True))]


def _numbers(tally: SkillTally) -> dict[str, int]:
    return {"sent": tally.sent, "tried": tally.tried, "helped": tally.helped}
