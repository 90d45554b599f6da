"""The shipped skill library and self-hosters' skill files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ContentError
from bot.prompts.skills import (
    CATEGORIES,
    Skill,
    SkillLibrary,
    load_builtin_skills,
    load_skills,
    load_skills_file,
    resolve_category,
)

GOOD_ENTRY = """
[[skill]]
id = "{id}"
title = "{title}"
category = "{category}"
minutes = 3
steps = ["One.", "Two.", "Three."]
when = "When it helps."
"""


def write_skills(folder: Path, body: str) -> Path:
    path = folder / "skills.toml"
    path.write_text(body, encoding="utf-8")
    return path


def entry(id: str = "my-skill", title: str = "Mine", category: str = "breathing") -> str:
    return GOOD_ENTRY.format(id=id, title=title, category=category)


def test_library_ships_at_least_forty_skills() -> None:
    assert len(load_builtin_skills()) >= 40


def test_every_category_has_at_least_three_skills() -> None:
    counts = load_skills(None).counts()
    assert list(counts) == list(CATEGORIES)
    assert all(count >= 3 for count in counts.values()), counts


def test_shipped_skills_have_three_to_six_short_steps_and_unique_ids() -> None:
    skills = load_builtin_skills()
    assert len({s.id for s in skills}) == len(skills)
    for skill in skills:
        assert 3 <= len(skill.steps) <= 6, skill.id
        assert skill.when and skill.title and skill.minutes >= 1


def test_cold_water_and_paced_breathing_carry_their_cautions() -> None:
    library = load_skills(None)
    cold = library.get("cool-your-face")
    paced = library.get("longer-out-breath")
    assert cold is not None and cold.cautions is not None
    assert "heart" in cold.cautions and "eating disorder" in cold.cautions
    assert paced is not None and paced.cautions is not None and "dizzy" in paced.cautions


def test_counts_add_up_to_the_library_size() -> None:
    library = load_skills(None)
    assert sum(library.counts().values()) == len(library)


def test_by_category_returns_only_that_category() -> None:
    library = load_skills(None)
    breathing = library.by_category("breathing")
    assert breathing and {s.category for s in breathing} == {"breathing"}
    assert library.by_category("astrology") == ()


def test_categories_lists_only_categories_that_have_skills_in_menu_order() -> None:
    library = SkillLibrary(
        [
            Skill("a", "A", "sleep", 1, ("x", "y", "z"), "w", None),
            Skill("b", "B", "grounding", 1, ("x", "y", "z"), "w", None),
        ]
    )
    assert library.categories() == ("grounding", "sleep")
    assert library.counts()["breathing"] == 0


def test_get_returns_none_for_an_unknown_id() -> None:
    assert load_skills(None).get("no-such-skill") is None


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("breathing", "breathing"),
        ("Breath", "breathing"),
        ("cbt", "thinking"),
        ("distress", "distress_tolerance"),
        ("sleep", "sleep"),
        ("  SLEEP ", "sleep"),
        ("emotions", "emotion_regulation"),
        ("self-soothing", "self_soothing"),
        ("Getting moving", "behavioural_activation"),
        ("behavioral activation", "behavioural_activation"),
        ("relationships", "interpersonal"),
        ("mind", "mindfulness"),
        ("grounding", "grounding"),
    ],
)
def test_resolve_category_accepts_loose_words(typed: str, category: str) -> None:
    assert resolve_category(typed) == category


@pytest.mark.parametrize("typed", ["", "   ", "astrology", "b"])
def test_resolve_category_returns_none_for_words_it_cannot_place(typed: str) -> None:
    assert resolve_category(typed) is None


def test_own_skills_file_adds_new_skills(tmp_path: Path) -> None:
    write_skills(tmp_path, entry(id="our-walk", category="behavioural_activation"))
    library = load_skills(tmp_path)
    assert library.get("our-walk") is not None
    assert len(library) == len(load_builtin_skills()) + 1


def test_own_skills_file_overrides_a_shipped_skill_by_id(tmp_path: Path) -> None:
    write_skills(tmp_path, entry(id="box-breathing", title="Our box breathing"))
    library = load_skills(tmp_path)
    skill = library.get("box-breathing")
    assert skill is not None and skill.title == "Our box breathing"
    assert len(library) == len(load_builtin_skills())


def test_content_folder_without_a_skills_file_gives_the_shipped_library(tmp_path: Path) -> None:
    assert len(load_skills(tmp_path)) == len(load_builtin_skills())


def test_missing_content_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="does not exist"):
        load_skills(tmp_path / "nowhere")


def test_error_names_file_entry_and_field_for_a_wrong_category(tmp_path: Path) -> None:
    path = write_skills(tmp_path, entry(id="odd-one", category="astrology"))
    with pytest.raises(ContentError) as caught:
        load_skills_file(path)
    error = caught.value
    assert (error.file, error.entry, error.field) == (str(path), "odd-one", "category")
    assert "astrology" in str(error) and str(path) in str(error)


@pytest.mark.parametrize(
    ("replace", "by", "field", "problem"),
    [
        ("minutes = 3", "minutes = 0", "minutes", "between 1 and 60"),
        ("minutes = 3", 'minutes = "three"', "minutes", "whole number"),
        ('["One.", "Two.", "Three."]', '["One.", "Two."]', "steps", "3 to 6"),
        ('["One.", "Two.", "Three."]', '["One.", "", "Three."]', "steps", "step 2"),
        ('when = "When it helps."', "", "when", "missing"),
        ('when = "When it helps."', 'when = "  "', "when", "non-empty"),
        ('when = "When it helps."', 'when = "x"\ncaution = "typo"', "caution", "unknown field"),
        ('id = "my-skill"', 'id = "My Skill!"', "id", "lowercase"),
    ],
)
def test_each_invalid_field_is_named(tmp_path: Path, replace: str, by: str, field: str, problem: str) -> None:
    path = write_skills(tmp_path, entry().replace(replace, by))
    with pytest.raises(ContentError) as caught:
        load_skills_file(path)
    assert caught.value.field == field
    assert caught.value.file == str(path)
    assert problem in caught.value.problem


def test_entry_without_an_id_is_named_by_its_position(tmp_path: Path) -> None:
    body = entry(id="first") + entry().replace('id = "my-skill"\n', "")
    path = write_skills(tmp_path, body)
    with pytest.raises(ContentError) as caught:
        load_skills_file(path)
    assert (caught.value.entry, caught.value.field) == ("#2", "id")


def test_duplicate_ids_in_one_file_are_rejected(tmp_path: Path) -> None:
    path = write_skills(tmp_path, entry(id="twice") + entry(id="twice"))
    with pytest.raises(ContentError) as caught:
        load_skills_file(path)
    assert (caught.value.entry, caught.value.field) == ("twice", "id")


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = write_skills(tmp_path, "[[skill]\nid = ")
    with pytest.raises(ContentError) as caught:
        load_skills(tmp_path)
    assert caught.value.file == str(path) and "TOML" in caught.value.problem


def test_unexpected_top_level_key_is_rejected(tmp_path: Path) -> None:
    path = write_skills(tmp_path, "[[skills]]\nid = 'x'\n")
    with pytest.raises(ContentError, match="skills"):
        load_skills_file(path)
