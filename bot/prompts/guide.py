"""Guided scheduling with buttons, for facilitators who'd rather not type the syntax.

``/schedule`` alone -> how often (every day, weekdays, one-off) -> a time -> a theme, any
skill or own words -> confirm. Every step's choice travels in the button action
(``sg:c:d:0900:breathing``), so nothing is stored until "Create"; the only typed steps
(own words, a one-off's date and text) use a pending flow, whose name carries the choice
(``schedule.words.d.0900``) because a flow handler gets only the text. Each step replaces the previous
message. The finished choice is turned into the same text a facilitator could type and
goes through the same parser, so the two ways can never disagree.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.context import Context
from bot.core import chat_key
from bot.domain import Button, MessageRef, Press, Reply
from bot.errors import ExpiredAction, NotFacilitator
from bot.ports import PendingFlow
from bot.prompts.recurrence import parse_schedule
from bot.prompts.skills import CATEGORIES
from bot.rich import Rich
from bot.router import ActionSpec, Audience, FlowSpec, Router
from bot.texts import Catalog

PREFIX = "sg"
WORDS_FLOW = "schedule.words"  # + ".<kind>.<hhmm>"
ONCE_FLOW = "schedule.once"
FLOW_MINUTES = 15
TIMES = ("0900", "1200", "1800", "1930")
_KINDS = {"d": "daily", "w": "weekdays"}

Create = Callable[[Context, str], Awaitable[Sequence[Reply]]]
Rows = tuple[tuple[Button, ...], ...]


def _head(kind: str, hhmm: str) -> str:
    """``d``, ``0900`` -> ``daily 09:00``."""
    return f"{_KINDS[kind]} {hhmm[:2]}:{hhmm[2:]}"


def _valid_time(hhmm: str) -> bool:
    return len(hhmm) == 4 and hhmm.isdigit() and int(hhmm[:2]) < 24 and int(hhmm[2:]) < 60


def _command_text(kind: str, hhmm: str, theme: str) -> str:
    head = _head(kind, hhmm)
    return head if theme == "any" else f"{head} category={theme}"


class ScheduleGuide:
    """The button steps; ``create`` stores a schedule from typed-form text."""

    def __init__(self, catalog: Catalog, create: Create) -> None:
        self._t = catalog
        self._create = create

    def register(self, router: Router) -> None:
        router.action(ActionSpec(PREFIX, self.press, Audience.FACILITATOR, needs_group=True))
        for kind in _KINDS:
            for hhmm in TIMES:
                router.flow(FlowSpec(f"{WORDS_FLOW}.{kind}.{hhmm}", self._words_handler(_head(kind, hhmm))))
        router.flow(FlowSpec(ONCE_FLOW, self.once_typed))

    def _b(self, key: str, action: str, **params: object) -> Button:
        return Button(self._t.plain(key, **params), f"{PREFIX}:{action}")

    async def start(self, ctx: Context) -> Sequence[Reply]:
        """The first step: how often."""
        row = (
            self._b("schedule.guide_daily", "k:d"),
            self._b("schedule.guide_weekdays", "k:w"),
            self._b("schedule.guide_once", "k:o"),
        )
        return [Reply(self._t("schedule.guide_kind"), buttons=(row,))]

    async def press(self, ctx: Context, payload: str) -> Sequence[Reply]:
        step, _, rest = payload.partition(":")
        parts = rest.split(":") if rest else []
        if step == "k" and parts == ["o"]:
            return await self._ask_once(ctx)
        if step == "k" and len(parts) == 1 and parts[0] in _KINDS:
            return [self._step(ctx, self._times(ctx, parts[0]))]
        if step == "t" and len(parts) == 2 and parts[0] in _KINDS and _valid_time(parts[1]):
            return [self._step(ctx, (self._t("schedule.guide_theme"), self._themes(parts[0], parts[1])))]
        if step == "c" and len(parts) == 3 and self._choice_ok(parts):
            return await self._chosen(ctx, parts[0], parts[1], parts[2])
        if step == "ok" and len(parts) == 3 and self._choice_ok(parts) and parts[2] != "own":
            return await self._finish(ctx, _command_text(*parts))
        if step == "no":
            return [self._step(ctx, (self._t("schedule.guide_cancelled"), ()))]
        raise ExpiredAction()

    @staticmethod
    def _choice_ok(parts: list[str]) -> bool:
        kind, hhmm, theme = parts
        return kind in _KINDS and _valid_time(hhmm) and (theme in CATEGORIES or theme in {"any", "own"})

    def _step(self, ctx: Context, content: tuple[Rich, Rows]) -> Reply:
        """Replace the message whose button was pressed (or send a new one if unknown)."""
        action = ctx.event.action
        edit: MessageRef | None = action.message if isinstance(action, Press) else None
        return Reply(content[0], buttons=content[1], edit=edit)

    def _times(self, ctx: Context, kind: str) -> tuple[Rich, Rows]:
        assert ctx.group is not None
        row = tuple(Button(f"{hhmm[:2]}:{hhmm[2:]}", f"{PREFIX}:t:{kind}:{hhmm}") for hhmm in TIMES)
        text = self._t("schedule.guide_time", timezone=ctx.group.timezone, head=_KINDS[kind])
        return text, (row,)

    def _themes(self, kind: str, hhmm: str) -> Rows:
        base = f"c:{kind}:{hhmm}"
        buttons = [
            self._b("schedule.guide_any", f"{base}:any"),
            *(Button(label, f"{PREFIX}:{base}:{category}") for category, label in CATEGORIES.items()),
        ]
        own = Button(
            self._t.plain("schedule.guide_own"),
            f"{PREFIX}:{base}:own",
            asks_text=self._t.plain("schedule.guide_own_prompt"),
        )
        buttons.append(own)
        return tuple(tuple(buttons[index : index + 3]) for index in range(0, len(buttons), 3))

    async def _chosen(self, ctx: Context, kind: str, hhmm: str, theme: str) -> Sequence[Reply]:
        if theme == "own":
            return await self._ask_words(ctx, kind, hhmm)
        assert ctx.group is not None
        tz = ZoneInfo(ctx.group.timezone)
        summary = parse_schedule(_command_text(kind, hhmm, theme), tz, ctx.now).describe(tz)
        row = (
            self._b("schedule.guide_create", f"ok:{kind}:{hhmm}:{theme}"),
            self._b("schedule.guide_cancel", "no"),
        )
        return [self._step(ctx, (self._t("schedule.guide_confirm", summary=summary), (row,)))]

    async def _finish(self, ctx: Context, text: str) -> Sequence[Reply]:
        replies = list(await self._create(ctx, text))
        if replies and isinstance(ctx.event.action, Press):
            replies[0] = Reply(replies[0].text, edit=ctx.event.action.message)
        return replies

    async def _ask_words(self, ctx: Context, kind: str, hhmm: str) -> Sequence[Reply]:
        head = _head(kind, hhmm)
        action = ctx.event.action
        if isinstance(action, Press) and action.text:
            return await self._finish(ctx, f"{head} {action.text}")
        if ctx.person is None:
            example = f"{head} your message"
            return [self._step(ctx, (self._t("schedule.guide_needs_join", example=example), ()))]
        if hhmm not in TIMES:
            raise ExpiredAction()
        await self._wait_for_text(ctx, f"{WORDS_FLOW}.{kind}.{hhmm}")
        assert ctx.group is not None
        summary = parse_schedule(head, ZoneInfo(ctx.group.timezone), ctx.now).describe().split(" · ")[0]
        return [self._step(ctx, (self._t("schedule.guide_own_ask", summary=summary), ()))]

    async def _ask_once(self, ctx: Context) -> Sequence[Reply]:
        if ctx.person is None:
            example = "once 2026-12-01 17:00 your message"
            return [self._step(ctx, (self._t("schedule.guide_needs_join", example=example), ()))]
        await self._wait_for_text(ctx, ONCE_FLOW)
        return [self._step(ctx, (self._t("schedule.guide_once_ask"), ()))]

    async def _wait_for_text(self, ctx: Context, flow: str) -> None:
        assert ctx.person is not None
        expires = ctx.now + timedelta(minutes=FLOW_MINUTES)
        await ctx.uow.flows.put(PendingFlow(ctx.person.id, chat_key(ctx.chat), flow, {}, expires))

    def _words_handler(self, head: str) -> Create:
        async def words_typed(ctx: Context, text: str) -> Sequence[Reply]:
            """The facilitator's own words for a daily or weekday prompt."""
            await _still_facilitator(ctx)
            return await self._create(ctx, f"{head} {text.strip()}")

        return words_typed

    async def once_typed(self, ctx: Context, text: str) -> Sequence[Reply]:
        """A one-off's date, time and message, typed after pressing "One-off message"."""
        await _still_facilitator(ctx)
        return await self._create(ctx, f"once {text.strip()}")


async def _still_facilitator(ctx: Context) -> None:
    """Flows skip the core's permission check, so check the facilitator here again."""
    if ctx.group is None or not await ctx.is_facilitator():
        raise NotFacilitator()
