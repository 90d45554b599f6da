"""/skill, /skills, the feedback buttons and /skills stats, on real databases."""

from __future__ import annotations

from bot.prompts.skills import load_builtin_skills
from tests.harness import Harness

BREATHING_TITLES = {skill.title for skill in load_builtin_skills() if skill.category == "breathing"}


async def test_skill_shows_title_minutes_steps_and_when_it_helps_with_two_buttons(bot: Harness) -> None:
    sent = await bot.say("alice", "/skill")
    assert len(sent) == 1 and sent[0].where == "chat:group-1"
    text = sent[0].text
    assert "min" in text and "1. " in text and "3. " in text and "When it helps:" in text
    labels = [button.label for row in sent[0].reply.buttons for button in row]
    assert labels == ["I tried it", "It helped"]


async def test_skill_with_a_theme_word_gives_a_skill_of_that_theme(bot: Harness) -> None:
    for word in ("breathing", "breath", "Breathe"):
        sent = await bot.say("alice", f"/skill {word}")
        assert any(title in sent[0].text for title in BREATHING_TITLES)


async def test_skill_with_an_unknown_theme_says_so_privately(bot: Harness) -> None:
    sent = await bot.say("alice", "/skill juggling")
    assert 'theme called "juggling"' in sent[0].text
    assert sent[0].where == "dm:alice"


async def test_cold_water_skill_carries_its_caution(bot: Harness) -> None:
    cautioned = [skill for skill in load_builtin_skills() if skill.cautions]
    assert cautioned
    from bot.prompts.messages import skill_text

    text = skill_text(bot.app.catalog, cautioned[0]).plain()
    assert "Take care:" in text and cautioned[0].cautions in text


async def test_skills_lists_every_theme_with_its_label_and_command(bot: Harness) -> None:
    text = (await bot.say("alice", "/skills"))[0].text
    assert "Breathing — /skill breathing" in text
    assert "Getting through a hard moment — /skill distress_tolerance" in text
    assert text.count("/skill ") >= 10


async def test_feedback_needs_consent_and_stores_nothing_before(bot: Harness) -> None:
    skill = (await bot.say("coach", "/skill"))[0]
    refused = await bot.press("alice", skill.button("tried"))
    assert "/join first" in refused[0].text


async def test_i_tried_it_is_recorded_once_per_person_per_sending(bot: Harness) -> None:
    await bot.join("alice")
    skill = (await bot.say("alice", "/skill"))[0]
    first = await bot.press("alice", skill.button("tried"))
    again = await bot.press("alice", skill.button("tried"))
    assert "Thanks for trying" in first[0].text and first[0].where == "dm:alice"
    assert "already told me you tried" in again[0].text
    other = (await bot.say("alice", "/skill"))[0]
    assert "Thanks for trying" in (await bot.press("alice", other.button("tried")))[0].text


async def test_forged_feedback_button_is_refused_as_expired(bot: Harness) -> None:
    await bot.join("alice")
    for action in ("pf:t:999999", "pf:x:1", "pf:t:abc"):
        assert "expired" in (await bot.press("alice", action))[0].text


async def test_skills_stats_is_refused_for_members_and_changes_nothing(bot: Harness) -> None:
    await bot.join("alice")
    refused = await bot.say("alice", "/skills stats")
    assert "only this group's facilitators" in refused[0].text


async def test_skills_stats_counts_people_who_tried_and_found_it_helpful(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    empty = await bot.say("coach", "/skills stats")
    assert "No coping skills have been shared" in empty[0].text
    skill = (await bot.say("coach", "/skill"))[0]
    await bot.press("alice", skill.button("tried"))
    await bot.press("alice", skill.button("helped"))
    await bot.press("bob", skill.button("tried"))
    text = (await bot.say("coach", "/skills stats"))[0].text
    assert "sent 1×, tried by 2, helped 1" in text
    assert "In total: 2 tried, 1 found it helpful." in text


async def test_skills_with_other_words_shows_how_to_use_it(bot: Harness) -> None:
    text = (await bot.say("alice", "/skills banana"))[0].text
    assert "/skills stats" in text
