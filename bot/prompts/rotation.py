"""Which skill a group gets next: fresh ones first, no quick repeats, favourites more often.

The rule, for one pool (a theme's skills, or the whole library):

1. **Fresh first.** While some skill in the pool has never been sent to the group, the next
   one is drawn from those, evenly at random. So a group sees the whole pool before anything
   repeats, and a skill a self-hoster adds later comes up soon.
2. **No repeat until the rest have had a turn.** After that, a skill is *due* again only once
   the group has had every other skill in the pool since its last send.
3. **Helpful skills come back sooner.** A skill with ``v`` "It helped" votes is due again once
   the group has had ``ceil((n - 1) / (1 + v))`` of the other ``n - 1`` skills since, and among
   due skills the draw is weighted ``1 + v``. One vote halves the wait; many votes let a
   favourite come round every other prompt, but never twice in a row (in a pool of two or more).

The least recently sent skill is always due, so there is always a choice. History entries
that aren't in the pool (other themes, removed skills) are ignored. The draw uses only the
``rng`` passed in, so a seeded ``random.Random`` makes the sequence reproducible.

Callers need not pass a group's whole history: the most recent few times the pool size
(say 3x) is enough, since only each skill's last send matters.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

from bot.prompts.skills import Skill


def choose_skill(
    pool: Sequence[Skill],
    history: Sequence[str],
    helpful: Mapping[str, int],
    rng: random.Random,
) -> Skill:
    """The next skill for a group; ``history`` is the ids sent to it, oldest first."""
    if not pool:
        raise ValueError("cannot choose from an empty pool of skills")
    unique = list({skill.id: skill for skill in pool}.values())
    last_sent = _last_sent_positions(unique, history)
    fresh = [skill for skill in unique if skill.id not in last_sent]
    if fresh:
        return rng.choice(fresh)
    others_since = _others_sent_since(last_sent)
    due = [skill for skill in unique if others_since[skill.id] >= required_gap(len(unique), _votes(helpful, skill.id))]
    weights = [1 + _votes(helpful, skill.id) for skill in due]
    return rng.choices(due, weights=weights, k=1)[0]


def required_gap(pool_size: int, votes: int) -> int:
    """How many other skills a group must get before this one is due again."""
    others = max(pool_size - 1, 0)
    return math.ceil(others / (1 + max(votes, 0)))


def _votes(helpful: Mapping[str, int], skill_id: str) -> int:
    return max(helpful.get(skill_id, 0), 0)


def _last_sent_positions(pool: Sequence[Skill], history: Sequence[str]) -> dict[str, int]:
    """Index in ``history`` of the last send of each pool skill that was ever sent."""
    in_pool = {skill.id for skill in pool}
    return {skill_id: index for index, skill_id in enumerate(history) if skill_id in in_pool}


def _others_sent_since(last_sent: Mapping[str, int]) -> dict[str, int]:
    """For each sent skill, how many other pool skills were sent after its last send.

    Ordering skills by their last send answers this directly: the skill sent last has zero
    others after it, the one before it one, and so on.
    """
    by_recency = sorted(last_sent, key=last_sent.__getitem__, reverse=True)
    return {skill_id: rank for rank, skill_id in enumerate(by_recency)}
