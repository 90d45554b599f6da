"""Skill rotation: the whole pool before repeats, and helpful skills back more often."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Mapping

import pytest

from bot.prompts.rotation import choose_skill, required_gap
from bot.prompts.skills import Skill

POOL = tuple(Skill(f"skill-{n}", f"Skill {n}", "breathing", 2, ("a", "b", "c"), "any time", None) for n in range(8))


def run(
    rounds: int,
    helpful: Mapping[str, int] | None = None,
    seed: int = 7,
    pool: tuple[Skill, ...] = POOL,
) -> list[str]:
    rng = random.Random(seed)
    history: list[str] = []
    for _ in range(rounds):
        history.append(choose_skill(pool, history, helpful or {}, rng).id)
    return history


def test_group_gets_the_whole_pool_before_any_repeat() -> None:
    history = run(len(POOL))
    assert sorted(history) == sorted(s.id for s in POOL)


def test_without_votes_every_stretch_of_pool_size_has_no_repeats() -> None:
    history = run(10 * len(POOL))
    for start in range(len(history) - len(POOL) + 1):
        window = history[start : start + len(POOL)]
        assert len(set(window)) == len(POOL), (start, window)


def test_fresh_skills_come_before_repeats_even_when_others_were_helpful() -> None:
    history = ["skill-0", "skill-1"]
    rng = random.Random(3)
    for _ in range(len(POOL) - 2):
        history.append(choose_skill(POOL, history, {"skill-0": 50}, rng).id)
    assert sorted(history) == sorted(s.id for s in POOL)


def test_a_skill_added_to_the_pool_later_comes_up_next() -> None:
    history = run(3 * len(POOL))
    newcomer = Skill("new-one", "New", "breathing", 1, ("a", "b", "c"), "w", None)
    chosen = choose_skill((*POOL, newcomer), history, {}, random.Random(1))
    assert chosen is newcomer


def test_helpful_skills_come_back_more_often_over_a_seeded_run() -> None:
    counts = Counter(run(800, helpful={"skill-3": 2}))
    others = [counts[s.id] for s in POOL if s.id != "skill-3"]
    assert counts["skill-3"] > 1.5 * max(others)


def test_more_votes_bring_a_skill_back_more_often_than_fewer() -> None:
    counts = Counter(run(800, helpful={"skill-1": 1, "skill-2": 4}))
    assert counts["skill-2"] > counts["skill-1"] > max(counts[f"skill-{n}"] for n in range(3, 8))


def test_even_a_favourite_never_comes_twice_in_a_row() -> None:
    history = run(300, helpful={"skill-5": 100})
    assert all(a != b for a, b in itertools.pairwise(history))


def test_skills_without_votes_still_wait_for_the_rest_when_others_are_favourites() -> None:
    history = run(400, helpful={"skill-0": 3})
    plain = [s.id for s in POOL if s.id != "skill-0"]
    for skill_id in plain:
        sends = [i for i, sid in enumerate(history) if sid == skill_id]
        for earlier, later in itertools.pairwise(sends):
            between = set(history[earlier + 1 : later])
            assert {s.id for s in POOL} - {skill_id} <= between


def test_same_seed_same_sequence_and_different_seed_differs() -> None:
    assert run(50, {"skill-2": 1}, seed=11) == run(50, {"skill-2": 1}, seed=11)
    assert run(50, seed=11) != run(50, seed=12)


def test_history_from_other_themes_is_ignored() -> None:
    history = ["grounding-a", "sleep-b", *run(len(POOL) - 1)]
    remaining = {s.id for s in POOL} - set(history)
    assert choose_skill(POOL, history, {}, random.Random(0)).id in remaining


def test_a_pool_of_one_always_gives_that_skill() -> None:
    assert run(3, pool=POOL[:1]) == ["skill-0"] * 3


def test_an_empty_pool_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        choose_skill((), [], {}, random.Random(0))


@pytest.mark.parametrize(("pool_size", "votes", "gap"), [(8, 0, 7), (8, 1, 4), (8, 6, 1), (8, -3, 7), (1, 0, 0)])
def test_required_gap_shrinks_with_votes(pool_size: int, votes: int, gap: int) -> None:
    assert required_gap(pool_size, votes) == gap
