"""Who sees what: "only me" never reaches anyone else, by any command, report or reminder;
facilitators-only never reaches peers; flagged notes are posted behind a content warning."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.context import Context
from bot.domain import Reply
from bot.safety.detector import Detection
from tests.harness import Harness

SECRET = "my very private words"


class FlagEverything:
    """A stand-in safety screen that flags every text as crisis language (and says nothing)."""

    def detect(self, text: str) -> Detection:
        return Detection(crisis=True, category="test", matched=("x",))

    async def respond(self, ctx: Context, text: str, detection: Detection) -> Sequence[Reply]:
        return []


def _seen_by_others(bot: Harness, author: str) -> list[str]:
    return [sent.text for sent in bot.messenger.sent if sent.where != f"dm:{author}"]


async def _everyone_looks(bot: Harness) -> None:
    """Every command and report that could show a check-in, run by everyone else."""
    await bot.say("coach", "/checkins")
    await bot.say("coach", "/report week")
    await bot.dm("coach", "/checkins")
    await bot.say("bob", "/mood")
    await bot.say("coach", "/mood")
    await bot.advance(timedelta(days=1))
    await bot.say("coach", "/report week")


async def test_only_me_checkin_never_reaches_anyone_else(bot: Harness) -> None:
    for name in ("alice", "bob", "coach"):
        await bot.join(name)
    await bot.say("coach", "/questions add sleep 0-10 group How did you sleep?")
    await bot.say("alice", "/settings")
    await bot.press("alice", "ci.set:v:m")
    replies = await bot.say("alice", f"/checkin 1 sleep=2 {SECRET}")
    assert all(sent.where == "dm:alice" for sent in replies)
    await _everyone_looks(bot)
    others = "\n".join(_seen_by_others(bot, "alice"))
    assert SECRET not in others
    assert "Really struggling" not in others
    assert "sleep: 2" not in others and "sleep 2" not in others
    checkins_view = next(sent for sent in bot.messenger.to("dm:coach") if "Check-ins today" in sent.text)
    assert "Shared a check-in: 0 of 2" in checkins_view.text
    assert "🌧 1: 0" in checkins_view.text
    report = next(sent for sent in bot.messenger.to("dm:coach") if "the week of" in sent.text)
    assert "0 of 2 checked in, average" not in report.text
    assert report.reply.image is not None and SECRET not in report.reply.image.alt


async def test_only_me_checkin_is_in_the_authors_own_mood_chart(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/checkin 2")
    await bot.press("alice", bot.messenger.to("dm:alice")[-1].button("Only me"))
    replies = await bot.say("alice", "/mood")
    assert "check-ins: 1" in replies[0].text and replies[0].where == "dm:alice"


async def test_facilitators_only_reaches_facilitators_but_never_the_group(bot: Harness) -> None:
    for name in ("alice", "bob", "coach"):
        await bot.join(name)
    picker = await bot.say("alice", "/checkin")
    await bot.press("alice", picker[0].button("Having a hard time"))
    await bot.say("alice", SECRET)
    await bot.press("alice", "ci.v:f")
    assert not [sent for sent in bot.messenger.to("chat:group-1") if SECRET in sent.text]
    view = await bot.say("coach", "/checkins")
    assert SECRET in view[0].text and "facilitators only" in view[0].text
    assert view[0].where == "dm:coach"


async def test_members_cannot_run_facilitator_views(bot: Harness) -> None:
    await bot.join("alice")
    await bot.join("bob")
    await bot.say("alice", f"/checkin 3 {SECRET}")
    for command in ("/checkins", "/report week", "/questions list"):
        replies = await bot.say("bob", command)
        assert "only this group's facilitators" in replies[0].text
        assert SECRET not in replies[0].text


async def test_answers_never_go_further_than_the_question_allows(bot: Harness) -> None:
    for name in ("alice", "coach"):
        await bot.join(name)
    await bot.say("coach", "/questions add urges 0-5 facilitators Urges today?")
    await bot.say("coach", "/questions add sleep 0-10 group How did you sleep?")
    replies = await bot.say("alice", "/checkin 4 urges=3 sleep=7 fine")
    card = next(sent for sent in replies if sent.where == "chat:group-1")
    assert "sleep: 7/10" in card.text and "urges" not in card.text
    view = await bot.say("coach", "/checkins")
    assert "urges 3/5" in view[0].text and "sleep 7/10" in view[0].text


async def test_flagged_note_shared_with_the_group_is_posted_behind_a_content_warning(bot: Harness) -> None:
    await bot.join("alice")
    bot.core.set_screen(FlagEverything())
    replies = await bot.say("alice", "/checkin 2 heavy words here")
    card = next(sent for sent in replies if sent.where == "chat:group-1")
    assert "Content warning" in card.text
    spoilers = [span.text for span in card.reply.text.spans if span.style == "spoiler"]
    assert spoilers == ["heavy words here"]


async def test_flagged_note_from_the_button_flow_is_also_hidden(bot: Harness) -> None:
    await bot.join("alice")
    picker = await bot.say("alice", "/checkin")
    await bot.press("alice", picker[0].button("Getting by"))
    bot.core.set_screen(FlagEverything())
    await bot.say("alice", "heavy words here")
    done = await bot.press("alice", "ci.v:g")
    card = next(sent for sent in done if sent.where == "chat:group-1")
    assert "Content warning" in card.text


async def test_mood_chart_is_private_even_when_asked_in_the_group(bot: Harness) -> None:
    await bot.join("alice")
    await bot.say("alice", "/checkin 4")
    replies = await bot.say("alice", "/mood")
    assert [sent.where for sent in replies] == ["dm:alice"]
    assert replies[0].reply.image is not None and replies[0].reply.image.png.startswith(b"\x89PNG")
