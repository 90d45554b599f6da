"""``iop-bot faq ask``: the same FAQ lookup members get, from the command line.

With ``--group`` the group's own entries (from the database) take part, exactly as in that
group's chat. Nothing is recorded: a lookup from the command line is never a gap.
"""

from __future__ import annotations

import asyncio
import json

from bot.config import Settings
from bot.faq.search import FaqResult, result_to_json

EXIT_OK = 0
EXIT_UNKNOWN_GROUP = 1


def faq_ask(question: str, group_id: int | None, as_json: bool, settings: Settings) -> tuple[int, str]:
    """Exit code and output for one lookup (JSON: the documented fields, nothing more)."""
    found = asyncio.run(_lookup(question, group_id, settings))
    if found is None:
        return EXIT_UNKNOWN_GROUP, f"no group with id {group_id}"
    if as_json:
        return EXIT_OK, json.dumps(result_to_json(found), ensure_ascii=False)
    return EXIT_OK, describe(found)


async def _lookup(question: str, group_id: int | None, settings: Settings) -> FaqResult | None:
    from adapters.bootstrap import build_app
    from bot.faq.service import FaqService

    app = await build_app(settings)
    try:
        service = app.features["faq"]
        assert isinstance(service, FaqService)
        async with app.uow_factory() as uow:
            if group_id is not None and await uow.groups.get(group_id) is None:
                return None
            return await service.lookup(uow.faq, question, group_id)
    finally:
        await app.close()


def describe(result: FaqResult) -> str:
    """A readable verdict: the answer with its score, or the honest "no answer"."""
    lines: list[str] = []
    if result.answered and result.best is not None:
        best = result.best
        lines += [f"{best.entry.id} (score {best.score:.2f}): {best.entry.question}", "", best.entry.answer]
    else:
        lines.append("No confident answer.")
    if result.alternatives:
        lines += ["", "Did you mean:"]
        lines += [f"  {m.entry.id} (score {m.score:.2f}): {m.entry.question}" for m in result.alternatives]
    return "\n".join(lines)
