"""The FAQ feature: ``/faq``, plain questions in direct chats, and facilitators' own entries.

Asking needs no consent and stores nothing about the asker. When no entry fits, the reply
says so honestly and the question is kept for the group's facilitators (``/faq gaps``)
sealed and without an author. A group's own entries are searched together with the built-in
ones in one per-group index, cached until the group's entries change.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from bot.context import Context
from bot.core import chat_key
from bot.domain import Button, Here, Reply
from bot.errors import ExpiredAction, GroupRequired, NotFacilitator, UsageError
from bot.faq.analysis import words_of
from bot.faq.entries import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, FaqEntry
from bot.faq.ports import FaqRepository, GroupEntryText, group_entry_number
from bot.faq.search import Embedder, FaqIndex, FaqResult, Match
from bot.ports import PendingFlow
from bot.rich import Rich, Style, join
from bot.router import ActionSpec, Audience, CommandSpec, FlowSpec, Option, Router
from bot.texts import Catalog

SHOW_ACTION = "faq.show"
FLOW_QUESTION = "faq.add.question"
FLOW_ANSWER = "faq.add.answer"
DRAFT_FLOW = "faq.add.draft"
FLOW_MINUTES = 15
#: at most this much of a question is kept as a gap (the lookup reads no further either)
MAX_GAP_CHARS = 500
MAX_GAPS_SHOWN = 15
GAPS_SCANNED = 500
BUTTON_LABEL_CHARS = 60
#: index caches kept for groups with their own entries (least recently used dropped first)
MAX_CACHED_GROUPS = 256
POPULAR = ("what-is-iop", "how-long", "missing-a-session", "crisis-between-sessions", "what-this-bot-does")
#: entries tagged like this get the "programs differ" note under the answer
VARIES_TAG = "varies"
_SMALL_TALK = frozenset(
    """thanks thank thx ty tysm you u so much very cheers ok okay k kk cool great nice good hi hey
    hello hiya yo bye night goodnight gn morning lol haha sure yes no yep nope alright""".split()  # noqa: SIM905
)
_MENTION = re.compile(r"(?<!\w)@\w+")


class FaqLibrary:
    """The built-in index plus one cached index per group that has its own entries."""

    def __init__(self, entries: Sequence[FaqEntry], embedder: Embedder | None = None) -> None:
        self._entries = tuple(entries)
        self._embedder = embedder
        self.builtin = FaqIndex(self._entries, embedder=embedder)
        self._by_id = {entry.id: entry for entry in self._entries}
        self._groups: OrderedDict[int, tuple[tuple[FaqEntry, ...], FaqIndex]] = OrderedDict()

    def index_for(self, group_id: int | None, own: Sequence[FaqEntry]) -> FaqIndex:
        """The index for a group with entries ``own``; rebuilt only when they changed."""
        if group_id is None or not own:
            self._groups.pop(group_id or 0, None)
            return self.builtin
        key = tuple(own)
        cached = self._groups.get(group_id)
        if cached is not None and cached[0] == key:
            self._groups.move_to_end(group_id)
            return cached[1]
        index = FaqIndex((*self._entries, *key), embedder=self._embedder)
        self._groups[group_id] = (key, index)
        while len(self._groups) > MAX_CACHED_GROUPS:
            self._groups.popitem(last=False)
        return index

    def invalidate(self, group_id: int) -> None:
        self._groups.pop(group_id, None)

    def builtin_entry(self, entry_id: str) -> FaqEntry | None:
        return self._by_id.get(entry_id)

    @property
    def entries(self) -> tuple[FaqEntry, ...]:
        return self._entries


def parse_entry_text(text: str) -> GroupEntryText | None:
    """``Question? | Answer`` with optional ``| phrasing; phrasing``; None if not that shape."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) < 2:
        return None
    question, answer = parts[0], "|".join(parts[1:2]).strip()
    extra = "|".join(parts[2:])
    alternatives = tuple(alt.strip()[:MAX_QUESTION_CHARS] for alt in extra.split(";") if alt.strip())
    return GroupEntryText(question, answer, alternatives[:10])


class FaqService:
    """Registers ``/faq``, the "Did you mean" buttons, the add flow and the text fallback."""

    def __init__(
        self,
        catalog: Catalog,
        entries: Sequence[FaqEntry],
        retention_days: int,
        embedder: Embedder | None = None,
    ) -> None:
        """``embedder`` is the optional semantic extra (``bot.faq.semantic.load_embedder()``)."""
        self._t = catalog
        self.library = FaqLibrary(entries, embedder)
        self._retention = timedelta(days=retention_days)

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "faq",
                self.faq,
                "faq_commands.faq",
                "faq_usage.faq",
                Audience.EVERYONE,
                options=(Option("question", "your question, or list / add / edit / remove / gaps"),),
            )
        )
        router.action(ActionSpec(SHOW_ACTION, self.show, Audience.EVERYONE))
        router.flow(FlowSpec(FLOW_QUESTION, self._flow_question))
        router.flow(FlowSpec(FLOW_ANSWER, self._flow_answer))
        router.text_fallback = self.fallback

    # -- lookups -------------------------------------------------------------------------

    async def lookup(self, faq: FaqRepository, question: str, group_id: int | None) -> FaqResult:
        """Search built-in entries and, with a group, that group's own entries."""
        own = await faq.entries(group_id) if group_id is not None else ()
        return self.library.index_for(group_id, own).search(question, limit=3, group_id=group_id)

    async def faq(self, ctx: Context, args: str) -> Sequence[Reply]:
        """``/faq`` alone, ``/faq list``, facilitator sub-commands, or a question."""
        word, rest = _first_word(args)
        word = word.lower()
        if not args.strip():
            return [self._usage_reply()]
        if word == "list" and not rest:
            return await self.list_entries(ctx)
        if word == "gaps" and not rest:
            return await self.gaps(ctx)
        if word == "add" and (not rest or "|" in rest):
            return await self.add(ctx, rest)
        if word == "edit" and group_entry_number(_first_word(rest)[0]) is not None:
            return await self.edit(ctx, rest)
        if word in {"remove", "delete"} and rest and group_entry_number(rest) is not None:
            return await self.remove(ctx, rest)
        return await self.answer(ctx, args, record_gap=True)

    async def fallback(self, ctx: Context, text: str) -> Sequence[Reply]:
        """Addressed plain text (a direct chat, or the bot mentioned): treat it as a question."""
        if ctx.screening is not None and ctx.screening.crisis:
            return []
        if _is_small_talk(text):
            return [Reply(self._t("faq.small_talk"))]
        return await self.answer(ctx, text, record_gap=True)

    async def answer(self, ctx: Context, text: str, *, record_gap: bool) -> Sequence[Reply]:
        question = _MENTION.sub(" ", text).strip()
        if not words_of(question[:MAX_GAP_CHARS]):
            return [Reply(self._t("faq.no_words"))]
        group_id = ctx.group.id if ctx.group is not None else None
        result = await self.lookup(ctx.uow.faq, question, group_id)
        if result.answered and result.best is not None:
            return [self._answer_reply(result.best.entry, result.alternatives)]
        crisis = ctx.screening is not None and ctx.screening.crisis
        noted = record_gap and group_id is not None and not crisis
        if noted and group_id is not None:
            await ctx.uow.faq.record_gap(group_id, question[:MAX_GAP_CHARS], ctx.now)
            await ctx.uow.faq.forget_gaps_before(ctx.now - self._retention)
        return [self._no_answer_reply(result.alternatives, noted=noted)]

    async def show(self, ctx: Context, payload: str) -> Sequence[Reply]:
        """A "Did you mean" or topic button: show that entry (a group's only to its group)."""
        entry = await self._entry(ctx, payload)
        if entry is None:
            raise ExpiredAction()
        return [self._answer_reply(entry, ())]

    async def _entry(self, ctx: Context, entry_id: str) -> FaqEntry | None:
        number = group_entry_number(entry_id) if entry_id.startswith("#") else None
        if number is None:
            return self.library.builtin_entry(entry_id)
        if ctx.group is None:
            return None
        own = await ctx.uow.faq.entries(ctx.group.id)
        return next((entry for entry in own if entry.id == entry_id), None)

    def _answer_reply(self, entry: FaqEntry, alternatives: Sequence[Match]) -> Reply:
        parts = [self._t("faq.answer", question=entry.question, answer=entry.answer)]
        if entry.group_id is not None:
            parts.append(self._t("faq.from_group"))
        elif VARIES_TAG in entry.tags:
            parts.append(self._t("faq.varies"))
        buttons = _buttons([match.entry for match in alternatives])
        if buttons:
            parts.append(self._t("faq.did_you_mean"))
        return Reply(join(parts, "\n\n"), buttons=buttons)

    def _no_answer_reply(self, hints: Sequence[Match], *, noted: bool) -> Reply:
        parts = [self._t("faq.no_answer")]
        if noted:
            parts.append(self._t("faq.no_answer_noted"))
        buttons = _buttons([match.entry for match in hints])
        if buttons:
            parts.append(self._t("faq.did_you_mean"))
        return Reply(join(parts, "\n\n"), buttons=buttons)

    def _usage_reply(self) -> Reply:
        popular = [entry for entry_id in POPULAR if (entry := self.library.builtin_entry(entry_id))]
        return Reply(self._t("faq.usage"), buttons=_buttons(popular, per_row=1))

    # -- listing -------------------------------------------------------------------------

    async def list_entries(self, ctx: Context) -> Sequence[Reply]:
        """Every topic, grouped under its first tag; the group's own entries first, numbered."""
        parts: list[Rich] = [self._t("faq.list_header")]
        if ctx.group is not None:
            own = await ctx.uow.faq.entries(ctx.group.id)
            if own:
                lines = [self._group_line(entry) for entry in own]
                parts.append(join([self._t("faq.list_group_header"), *lines]))
        sections: dict[str, list[Rich]] = {}
        for entry in self.library.entries:
            heading = self._heading(entry.tags[0] if entry.tags else "other")
            sections.setdefault(heading, []).append(self._t("faq.list_line", question=entry.question))
        for heading, lines in sections.items():
            parts.append(join([Rich.of(heading, Style.BOLD), *lines]))
        parts.append(self._t("faq.list_footer"))
        return [Reply(join(parts, "\n\n"))]

    def _group_line(self, entry: FaqEntry) -> Rich:
        return self._t("faq.list_group_line", number=entry.id.removeprefix("#"), question=entry.question)

    def _heading(self, tag: str) -> str:
        key = f"faq_tags.{tag}"
        return self._t.plain(key) if self._t.has(key) else tag.replace("-", " ").capitalize()

    # -- facilitators ----------------------------------------------------------------------

    async def _facilitator_group(self, ctx: Context) -> int:
        if ctx.group is None:
            raise GroupRequired()
        if not await ctx.is_facilitator():
            raise NotFacilitator()
        return ctx.group.id

    async def add(self, ctx: Context, rest: str) -> Sequence[Reply]:
        group_id = await self._facilitator_group(ctx)
        if not rest:
            return await self._start_add_flow(ctx, group_id)
        text = parse_entry_text(rest)
        if text is None:
            raise UsageError()
        return await self._save(ctx, group_id, None, text)

    async def edit(self, ctx: Context, rest: str) -> Sequence[Reply]:
        group_id = await self._facilitator_group(ctx)
        number_text, body = _first_word(rest)
        number = group_entry_number(number_text)
        text = parse_entry_text(body)
        if number is None or text is None:
            raise UsageError()
        return await self._save(ctx, group_id, number, text)

    async def remove(self, ctx: Context, rest: str) -> Sequence[Reply]:
        group_id = await self._facilitator_group(ctx)
        number = group_entry_number(rest)
        if number is None:
            raise UsageError()
        if not await ctx.uow.faq.remove(group_id, number):
            return [_private(self._t("faq_manage.not_found", number=number))]
        self.library.invalidate(group_id)
        return [_private(self._t("faq_manage.removed", number=number))]

    async def _save(self, ctx: Context, group_id: int, number: int | None, text: GroupEntryText) -> Sequence[Reply]:
        problem = self._invalid(text)
        if problem is not None:
            return [_private(problem)]
        if number is None:
            entry = await ctx.uow.faq.add(group_id, text, ctx.now)
            key = "faq_manage.added"
        else:
            updated = await ctx.uow.faq.update(group_id, number, text, ctx.now)
            if updated is None:
                return [_private(self._t("faq_manage.not_found", number=number))]
            entry, key = updated, "faq_manage.updated"
        self.library.invalidate(group_id)
        shown = entry.id.removeprefix("#")
        return [_private(self._t(key, number=shown, question=entry.question))]

    def _invalid(self, text: GroupEntryText) -> Rich | None:
        if not words_of(text.question) or not words_of(text.answer):
            return self._t("faq_manage.empty")
        if len(text.question) > MAX_QUESTION_CHARS:
            return self._t("faq_manage.question_too_long", limit=MAX_QUESTION_CHARS, length=len(text.question))
        if len(text.answer) > MAX_ANSWER_CHARS:
            return self._t("faq_manage.answer_too_long", limit=MAX_ANSWER_CHARS, length=len(text.answer))
        return None

    async def _start_add_flow(self, ctx: Context, group_id: int) -> Sequence[Reply]:
        if ctx.person is None:
            return [_private(self._t("faq_manage.start_needs_join"))]
        await self._put_flow(ctx, FLOW_QUESTION, {"group_id": group_id})
        return [_private(self._t("faq_manage.ask_question"))]

    async def _put_flow(self, ctx: Context, flow: str, draft: dict[str, Any]) -> None:
        """Route the next text to ``flow``; the draft waits under its own key, sealed."""
        assert ctx.person is not None
        expires = ctx.now + timedelta(minutes=FLOW_MINUTES)
        person_id, key = ctx.person.id, chat_key(ctx.chat)
        await ctx.uow.flows.put(PendingFlow(person_id, _draft_key(key), DRAFT_FLOW, draft, expires))
        await ctx.uow.flows.put(PendingFlow(person_id, key, flow, {}, expires))

    async def _take_draft(self, ctx: Context) -> dict[str, Any]:
        """The add flow's draft (removed), after checking again that this is a facilitator."""
        if ctx.person is None:
            raise ExpiredAction()
        key = _draft_key(chat_key(ctx.chat))
        pending = await ctx.uow.flows.take(ctx.person.id, key)
        group_id = await self._facilitator_group(ctx)
        if pending is None or pending.expires_at <= ctx.now or pending.data.get("group_id") != group_id:
            raise ExpiredAction()
        return pending.data

    async def _flow_question(self, ctx: Context, text: str) -> Sequence[Reply]:
        draft = await self._take_draft(ctx)
        question = text.strip()
        if len(question) > MAX_QUESTION_CHARS:
            return [_private(self._t("faq_manage.question_too_long", limit=MAX_QUESTION_CHARS, length=len(question)))]
        if not words_of(question):
            return [_private(self._t("faq_manage.empty"))]
        await self._put_flow(ctx, FLOW_ANSWER, {**draft, "question": question})
        return [_private(self._t("faq_manage.ask_answer", question=question))]

    async def _flow_answer(self, ctx: Context, text: str) -> Sequence[Reply]:
        draft = await self._take_draft(ctx)
        question = draft.get("question")
        if not isinstance(question, str):
            raise ExpiredAction()
        return await self._save(ctx, int(draft["group_id"]), None, GroupEntryText(question, text.strip()))

    async def gaps(self, ctx: Context) -> Sequence[Reply]:
        """Recent unanswered questions of this group, most asked first, with counts."""
        group_id = await self._facilitator_group(ctx)
        days = self._retention.days
        found = await ctx.uow.faq.gaps(group_id, ctx.now - self._retention, GAPS_SCANNED)
        if not found:
            return [_private(self._t("faq_manage.gaps_none", days=days))]
        counts: Counter[str] = Counter()
        shown: dict[str, str] = {}
        for gap in found:
            key = " ".join(words_of(gap.question)) or gap.question
            counts[key] += 1
            shown.setdefault(key, gap.question)
        lines = [
            self._t("faq_manage.gaps_line", question=_clip(shown[key], 120), count=count)
            for key, count in counts.most_common(MAX_GAPS_SHOWN)
        ]
        parts = [self._t("faq_manage.gaps_header", days=days), join(lines), self._t("faq_manage.gaps_footer")]
        return [_private(join(parts, "\n\n"))]


def _buttons(entries: Sequence[FaqEntry], per_row: int = 1) -> tuple[tuple[Button, ...], ...]:
    buttons = [
        Button(_clip(entry.question, BUTTON_LABEL_CHARS), f"{SHOW_ACTION}:{entry.id}")
        for entry in entries
        if len(f"{SHOW_ACTION}:{entry.id}".encode()) <= 64
    ]
    return tuple(tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row))


def _first_word(text: str) -> tuple[str, str]:
    """The first word and the rest, split at any whitespace.

    Chat apps let people put a line break where a space would go ("/faq add" then the entry
    on the next line), so a space-only split would read "add\nWhen" as one word.
    """
    parts = text.strip().split(maxsplit=1)
    return (parts[0], parts[1].strip()) if len(parts) == 2 else (parts[0] if parts else "", "")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _draft_key(key: str) -> str:
    return f"faq-draft:{key}"


def _private(text: Rich) -> Reply:
    return Reply(text, to=Here(private=True))


def _is_small_talk(text: str) -> bool:
    """Thanks and greetings in a direct chat deserve a kind word, not "I don't know"."""
    words = words_of(text)
    return 0 < len(words) <= 4 and all(word in _SMALL_TALK for word in words)
