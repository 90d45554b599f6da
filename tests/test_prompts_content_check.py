"""``content_check``: counts per category for shipped content, and errors that name the
file, the entry and the field in a self-hoster's files."""

from __future__ import annotations

from pathlib import Path

from adapters.content_check import content_check

GOOD_SKILL = """
[[skill]]
id = "our-walk"
title = "Walk around the block"
category = "behavioural_activation"
minutes = 10
steps = ["Put on shoes.", "Walk once around the block.", "Notice one thing you liked."]
when = "When the day feels stuck."
"""


def test_shipped_content_is_valid_and_counted_per_category() -> None:
    code, text = content_check(None)
    assert code == 0
    assert "Skills: 58 (shipped)" in text
    assert "Breathing (breathing): 5" in text
    assert "FAQ entries:" in text and "All content is valid." in text


def test_own_skills_are_added_to_the_counts(tmp_path: Path) -> None:
    (tmp_path / "skills.toml").write_text(GOOD_SKILL, encoding="utf-8")
    code, text = content_check(tmp_path)
    assert code == 0
    assert f"Skills: 59 (shipped + {tmp_path / 'skills.toml'})" in text


def test_a_bad_skill_field_is_named_with_file_and_entry(tmp_path: Path) -> None:
    (tmp_path / "skills.toml").write_text(GOOD_SKILL.replace("minutes = 10", "minutes = 0"), encoding="utf-8")
    code, text = content_check(tmp_path)
    assert code == 1
    assert "skills.toml: entry 'our-walk', field 'minutes'" in text


def test_a_bad_faq_entry_is_named_with_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "faq.toml").write_text('[[entry]]\nid = "hours"\nquestion = "When?"\n', encoding="utf-8")
    code, text = content_check(tmp_path)
    assert code == 1
    assert "faq: " in text and "faq.toml" in text and "'hours'" in text and "answer" in text


def test_a_missing_content_folder_is_reported(tmp_path: Path) -> None:
    code, text = content_check(tmp_path / "nope")
    assert code == 1 and "content folder does not exist" in text
