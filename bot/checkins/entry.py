"""/checkin: two taps (mood, who sees it), or one line (``/checkin 4 slept badly``).

Button steps: mood → each extra question (or Skip) → optional note (or Skip) → visibility.
The mood button carries the group id, so a check-in started in the group can finish in a
direct chat (where private replies land on Telegram) and still belong to the right group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.checkins import cards, drafts
from bot.checkins.drafts import STEP_NOTE, STEP_VISIBILITY, Draft
from bot.checkins.model import MAX_MOOD, MAX_NOTE_CHARS, MIN_MOOD, NewCheckIn, Question, Visibility, local_day
from bot.checkins.saving import CheckInWriter
from bot.context import Context
from bot.domain import Group, Here, Press, Reply
from bot.errors import ExpiredAction, UsageError
from bot.rich import Rich
from bot.router import ActionSpec, Audience, CommandSpec, FlowSpec, Option, Router
from bot.texts import Catalog

_ANSWER = re.compile(r"^([a-z][a-z0-9_]{0,23})=(\d{1,3})$")


class CheckInEntry:
    """The ways into a check-in; saving and the card are :class:`CheckInWriter`'s job."""

    def __init__(self, catalog: Catalog, writer: CheckInWriter) -> None:
        self._t = catalog
        self._writer = writer

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "checkin",
                self.checkin,
                "checkin_commands.checkin",
                "checkin_usage.checkin",
                Audience.MEMBER,
                needs_group=True,
                options=(
                    Option("mood", "1 (really struggling) to 5 (doing well)", kind="integer"),
                    Option("note", "an optional short note"),
                ),
            )
        )
        router.action(ActionSpec("ci.m", self.mood_pressed))
        router.action(ActionSpec("ci.q", self.answer_pressed))
        router.action(ActionSpec("ci.skip", self.skip_pressed))
        router.action(ActionSpec("ci.note", self.note_pressed))
        router.action(ActionSpec("ci.v", self.visibility_pressed))
        router.action(ActionSpec("ci.vis", self.change_visibility))
        router.flow(FlowSpec(drafts.NOTE_FLOW, self.note_written))

    # -- /checkin -------------------------------------------------------------------------

    async def checkin(self, ctx: Context, args: str) -> Sequence[Reply]:
        assert ctx.group is not None and ctx.person is not None
        if not args:
            text = self._t("checkin.ask_mood", name=ctx.person.first_name)
            return [Reply(text, buttons=cards.mood_buttons(self._t, ctx.group.id), to=Here(private=True))]
        mood_text, *rest_words = args.split(maxsplit=1)
        rest = rest_words[0] if rest_words else ""
        mood = _parse_mood(mood_text)
        questions = await ctx.uow.checkin_questions.of_group(ctx.group.id)
        answers, note = _parse_answers(rest, questions)
        if len(note) > MAX_NOTE_CHARS:
            return self._too_long(note)
        prefs = await ctx.uow.checkin_settings.person(ctx.person.id)
        warned = bool(note and ctx.screening is not None and ctx.screening.crisis)
        checkin = NewCheckIn(
            person_id=ctx.person.id,
            group_id=ctx.group.id,
            day=local_day(ctx.group.timezone, ctx.now),
            mood=mood,
            note=note or None,
            visibility=prefs.visibility,
            answers=tuple(answers.items()),
            content_warning=warned,
        )
        return await self._writer.save(ctx, ctx.group, checkin)

    def _too_long(self, note: str) -> list[Reply]:
        """Refuse, and give the text back so nothing the person wrote is lost."""
        intro = self._t("error.too_long", length=len(note), limit=MAX_NOTE_CHARS)
        return [Reply(intro, to=Here(private=True)), Reply(Rich.of(note), to=Here(private=True))]

    # -- buttons --------------------------------------------------------------------------

    async def mood_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        group_text, _, mood_text = payload.partition(":")
        group = await self._member_group(ctx, group_text)
        if not mood_text.isdigit() or not MIN_MOOD <= int(mood_text) <= MAX_MOOD:
            raise ExpiredAction()
        draft = Draft(group.id, int(mood_text), "q0")
        return await self._next_step(ctx, group, draft)

    async def answer_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        draft, group = await self._draft(ctx)
        index_text, _, value_text = payload.partition(":")
        questions = await ctx.uow.checkin_questions.of_group(group.id)
        index = draft.question_index
        if index is None or index_text != str(index) or index >= len(questions) or not value_text.isdigit():
            raise ExpiredAction()
        question = questions[index]
        if int(value_text) > question.scale:
            raise ExpiredAction()
        draft.answers[question.id] = int(value_text)
        draft.step = f"q{index + 1}"
        return await self._next_step(ctx, group, draft)

    async def skip_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        draft, group = await self._draft(ctx)
        index = draft.question_index
        if index is not None:
            draft.step = f"q{index + 1}"
        elif draft.step == STEP_NOTE:
            draft.note, draft.step = None, STEP_VISIBILITY
        return await self._next_step(ctx, group, draft)

    async def note_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        """ "Add a note": platforms with forms (Discord) send the note with the press; on the
        others the person simply writes it as their next message."""
        press = ctx.event.action
        if isinstance(press, Press) and press.text is not None:
            return await self.note_written(ctx, press.text)
        draft, group = await self._draft(ctx)
        if draft.step != STEP_NOTE:
            raise ExpiredAction()
        return await self._ask(ctx, group, draft, self._t("checkin.write_note_now"))

    async def note_written(self, ctx: Context, text: str) -> Sequence[Reply]:
        """The flow step: the person's text is the note."""
        draft, group = await self._draft(ctx)
        note = text.strip()
        if not note:
            return await self._ask(ctx, group, draft, self._t("checkin.note_empty"))
        if len(note) > MAX_NOTE_CHARS:
            await drafts.save(ctx, draft)
            return self._too_long(note)
        draft.note = note
        draft.warned = bool(ctx.screening is not None and ctx.screening.crisis)
        draft.step = STEP_VISIBILITY
        return await self._next_step(ctx, group, draft)

    async def visibility_pressed(self, ctx: Context, payload: str) -> Sequence[Reply]:
        draft, group = await self._draft(ctx, last_step=True)
        visibility = Visibility.from_code(payload)
        if visibility is None or draft.step != STEP_VISIBILITY:
            raise ExpiredAction()
        checkin = NewCheckIn(
            person_id=_person_id(ctx),
            group_id=group.id,
            day=local_day(group.timezone, ctx.now),
            mood=draft.mood,
            note=draft.note,
            visibility=visibility,
            answers=tuple(draft.answers.items()),
            content_warning=draft.warned and draft.note is not None,
        )
        return await self._writer.save(ctx, group, checkin)

    async def change_visibility(self, ctx: Context, payload: str) -> Sequence[Reply]:
        """After saving: move today's check-in to another audience (only its author can)."""
        id_text, _, code = payload.partition(":")
        visibility = Visibility.from_code(code)
        checkin = await ctx.uow.checkins.get(int(id_text)) if id_text.isdigit() else None
        if checkin is None or visibility is None or not checkin.current or checkin.person_id != _person_id(ctx):
            raise ExpiredAction()
        group = await self._member_group(ctx, str(checkin.group_id))
        return await self._writer.change_visibility(ctx, group, checkin, visibility)

    # -- steps ----------------------------------------------------------------------------

    async def _next_step(self, ctx: Context, group: Group, draft: Draft) -> list[Reply]:
        """Ask the draft's step, or the note once the questions are done (read only while
        on a question: the note and visibility steps don't need them)."""
        index = draft.question_index
        if index is None:
            return await self._ask(ctx, group, draft, None)
        questions = await ctx.uow.checkin_questions.of_group(group.id)
        if index >= len(questions):
            draft.step = STEP_NOTE
        return await self._ask(ctx, group, draft, None, questions)

    async def _ask(
        self,
        ctx: Context,
        group: Group,
        draft: Draft,
        intro: Rich | None,
        questions: Sequence[Question] | None = None,
    ) -> list[Reply]:
        await drafts.save(ctx, draft)
        index = draft.question_index
        if index is not None:
            question = (questions or await ctx.uow.checkin_questions.of_group(group.id))[index]
            text = self._t("checkin.ask_question", prompt=question.prompt, scale_label=f"0–{question.scale}")
            buttons = cards.question_buttons(self._t, index, question)
        elif draft.step == STEP_NOTE:
            text, buttons = self._t("checkin.ask_note", limit=MAX_NOTE_CHARS), cards.note_buttons(self._t)
        else:
            prefs = await ctx.uow.checkin_settings.person(_person_id(ctx))
            text = self._t("checkin.ask_visibility")
            buttons = cards.visibility_buttons(self._t, prefs.visibility, "ci.v:")
        if intro is not None:
            text = intro + Rich.of("\n\n") + text
        return [Reply(text, buttons=buttons, to=Here(private=True))]

    async def _draft(self, ctx: Context, *, last_step: bool = False) -> tuple[Draft, Group]:
        """The person's draft and its group; on the ``last_step`` the draft is removed too (a
        refused press rolls that back)."""
        draft = await (drafts.take(ctx) if last_step else drafts.load(ctx))
        if draft is None:
            raise ExpiredAction("checkin.expired")
        return draft, await self._member_group(ctx, str(draft.group_id))

    async def _member_group(self, ctx: Context, group_text: str) -> Group:
        """The group a button refers to, if the person is still an active member of it."""
        if _resolved_for(ctx, group_text):
            assert ctx.group is not None
            return ctx.group  # the core resolved this group and the membership for the event already
        group = await ctx.uow.groups.get(int(group_text)) if group_text.isdigit() else None
        if group is None:
            raise ExpiredAction()
        membership = await ctx.uow.memberships.get(_person_id(ctx), group.id)
        if membership is None or not membership.active:
            raise ExpiredAction()
        return group


def _resolved_for(ctx: Context, group_text: str) -> bool:
    """Whether the event's own group is ``group_text`` and the person is an active member of it."""
    group, membership = ctx.group, ctx.membership
    if group is None or membership is None or group_text != str(group.id):
        return False
    return membership.group_id == group.id and membership.active


def _person_id(ctx: Context) -> int:
    assert ctx.person is not None
    return ctx.person.id


def _parse_mood(text: str) -> int:
    if not text.isdigit() or not MIN_MOOD <= int(text) <= MAX_MOOD:
        raise UsageError("checkin.bad_mood")
    return int(text)


def _parse_answers(rest: str, questions: Sequence[Question]) -> tuple[dict[int, int], str]:
    """Leading ``key=value`` words answer extra questions; the rest is the note."""
    by_key = {question.key: question for question in questions}
    answers: dict[int, int] = {}
    words = rest.split(" ")
    while words and (match := _ANSWER.match(words[0].lower())) and match.group(1) in by_key:
        question = by_key[match.group(1)]
        value = int(match.group(2))
        if value > question.scale:
            raise UsageError("checkin.bad_answer", key=question.key, scale=question.scale)
        answers[question.id] = value
        words.pop(0)
    return answers, " ".join(words).strip()
