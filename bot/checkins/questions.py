"""/questions: up to three extra check-in questions per group, set by facilitators.

``/questions add sleep 0-10 How did you sleep?`` adds a 0–10 question keyed ``sleep``;
an optional ``group``, ``facilitators`` or ``me`` before the question text sets who sees the
answers by default (facilitators if not given). An answer never goes further than the
check-in it belongs to: "only me" keeps every answer private too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.checkins.model import MAX_QUESTIONS, SCALES, Visibility
from bot.context import Context
from bot.domain import Reply
from bot.errors import UsageError
from bot.rich import join
from bot.router import Audience, CommandSpec, Option, Router
from bot.texts import Catalog

DEFAULT_VISIBILITY = Visibility.FACILITATORS
MAX_PROMPT_CHARS = 200
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
_SCALE = re.compile(r"^0?[-–]?(5|10)$")
_VISIBILITY_WORDS = {
    "group": Visibility.GROUP,
    "facilitators": Visibility.FACILITATORS,
    "facilitator": Visibility.FACILITATORS,
    "me": Visibility.ME,
    "private": Visibility.ME,
}


class QuestionCommands:
    """/questions list | add | remove."""

    def __init__(self, catalog: Catalog) -> None:
        self._t = catalog

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "questions",
                self.questions,
                "checkin_commands.questions",
                "checkin_usage.questions",
                Audience.FACILITATOR,
                private=True,
                options=(
                    Option("action", "list, add or remove", choices=("list", "add", "remove")),
                    Option("details", "for add: KEY 0-5|0-10 [group|facilitators|me] QUESTION; for remove: ID"),
                ),
            )
        )

    async def questions(self, ctx: Context, args: str) -> Sequence[Reply]:
        verb, _, rest = args.strip().partition(" ")
        verb = verb.lower() or "list"
        if verb == "list":
            return [await self._list(ctx)]
        if verb == "add":
            return [await self._add(ctx, rest.strip())]
        if verb in {"remove", "delete"}:
            return [await self._remove(ctx, rest.strip())]
        raise UsageError()

    async def _list(self, ctx: Context) -> Reply:
        assert ctx.group is not None
        questions = await ctx.uow.checkin_questions.of_group(ctx.group.id)
        if not questions:
            return Reply(self._t("checkin_questions.none"))
        lines = [self._t("checkin_questions.list_header", count=len(questions), max=MAX_QUESTIONS)]
        lines += [
            self._t(
                "checkin_questions.line",
                id=q.id,
                key=q.key,
                prompt=q.prompt,
                scale=q.scale,
                visibility=self._t.plain(f"visibility.{q.visibility}").lower(),
            )
            for q in questions
        ]
        return Reply(join(lines))

    async def _add(self, ctx: Context, rest: str) -> Reply:
        assert ctx.group is not None
        words = rest.split()
        scale_match = _SCALE.match(words[1]) if len(words) >= 3 else None
        if scale_match is None or not _KEY.match(words[0].lower()):
            raise UsageError()
        key, scale = words[0].lower(), int(scale_match.group(1))
        visibility = _VISIBILITY_WORDS.get(words[2].lower())
        prompt = " ".join(words[3:] if visibility else words[2:]).strip()
        if not prompt or len(prompt) > MAX_PROMPT_CHARS or scale not in SCALES:
            raise UsageError()
        existing = await ctx.uow.checkin_questions.of_group(ctx.group.id)
        if len(existing) >= MAX_QUESTIONS:
            return Reply(self._t("checkin_questions.too_many", max=MAX_QUESTIONS))
        if any(q.key == key for q in existing):
            return Reply(self._t("checkin_questions.duplicate", key=key))
        added = await ctx.uow.checkin_questions.add(ctx.group.id, key, scale, prompt, visibility or DEFAULT_VISIBILITY)
        return Reply(self._t("checkin_questions.added", id=added.id, key=added.key, scale=added.scale))

    async def _remove(self, ctx: Context, rest: str) -> Reply:
        assert ctx.group is not None
        ident = rest.lstrip("#")
        if not ident.isdigit():
            raise UsageError()
        if not await ctx.uow.checkin_questions.remove(ctx.group.id, int(ident)):
            return Reply(self._t("checkin_questions.not_found", id=int(ident)))
        return Reply(self._t("checkin_questions.removed", id=int(ident)))
