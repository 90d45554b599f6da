"""The coping-skills and scheduled-prompts feature, assembled from its parts.

The composition root builds one :class:`PromptsFeature` with the skill library and the
delivery engine's ``enqueue`` and ``wake``, registers its commands on the router, and registers
:attr:`producer` and the two renderers with the engine.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from bot.context import Context
from bot.delivery.ports import Renderer
from bot.domain import Reply
from bot.ports import UnitOfWork
from bot.prompts.calendar_commands import CalendarCommands
from bot.prompts.guide import ScheduleGuide
from bot.prompts.picker import SkillPicker
from bot.prompts.ports import Schedule
from bot.prompts.producer import (
    FOLLOWUP_KIND,
    PROMPT_KIND,
    Enqueue,
    FollowupRenderer,
    PromptProducer,
    PromptRenderer,
)
from bot.prompts.schedules import ScheduleCommands
from bot.prompts.skills import SkillLibrary
from bot.prompts.skills_commands import SkillCommands
from bot.router import Router
from bot.texts import Catalog


class PromptsFeature:
    """/skill, /skills, /schedule and friends, /skip, /unskip, /quiet, and their deliveries."""

    def __init__(
        self,
        catalog: Catalog,
        library: SkillLibrary,
        enqueue: Enqueue,
        wake: Callable[[str], None],
        rng: random.Random | None = None,
    ) -> None:
        self._wake = wake
        self.picker = SkillPicker(library, rng)
        self.producer = PromptProducer(enqueue)
        self.renderers: Mapping[str, Renderer] = {
            PROMPT_KIND: PromptRenderer(catalog, self.picker, enqueue),
            FOLLOWUP_KIND: FollowupRenderer(catalog, self.picker),
        }
        self.skills = SkillCommands(catalog, self.picker)
        self.guide = ScheduleGuide(catalog, self._create)
        self.schedules = ScheduleCommands(catalog, self.guide.start, self._started)
        self.calendar = CalendarCommands(catalog)

    def register(self, router: Router) -> None:
        self.skills.register(router)
        self.schedules.register(router)
        self.guide.register(router)
        self.calendar.register(router)

    async def _create(self, ctx: Context, text: str) -> Sequence[Reply]:
        """The guide finishes through the typed form, so both ways parse alike."""
        return await self.schedules.create(ctx, text)

    async def _started(self, uow: UnitOfWork, schedule: Schedule, now: datetime) -> None:
        """Enqueue the first occurrence in the command's own transaction, and make sure the
        producer runs again to hand over the ones after it."""
        await self.producer.materialize(uow, schedule, now)
        self._wake(self.producer.name)
