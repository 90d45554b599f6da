"""Picks the next skill for a group from its history, so rotation is per group and per theme."""

from __future__ import annotations

import random

from bot.ports import UnitOfWork
from bot.prompts.rotation import choose_skill
from bot.prompts.skills import Skill, SkillLibrary

#: Only each skill's last send matters to rotation; three times the library covers every theme.
HISTORY_FACTOR = 3


class SkillPicker:
    """Chooses skills with :func:`choose_skill`; ``rng`` is injectable so tests can seed it."""

    def __init__(self, library: SkillLibrary, rng: random.Random | None = None) -> None:
        self.library = library
        self._rng = rng or random.Random()

    def pool(self, category: str | None) -> tuple[Skill, ...]:
        """The theme's skills, or the whole library when no theme is given."""
        return self.library.by_category(category) if category else tuple(self.library)

    async def pick(self, uow: UnitOfWork, group_id: int | None, category: str | None) -> Skill | None:
        """The next skill for the group (fresh first, helpful ones sooner); None if the pool is empty."""
        pool = self.pool(category)
        if not pool:
            return None
        if group_id is None:
            return self._rng.choice(pool)
        history, helpful = await uow.skill_activity.rotation(group_id, HISTORY_FACTOR * len(self.library))
        return choose_skill(pool, history, helpful, self._rng)
