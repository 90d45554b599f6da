"""How a coping skill looks as a message, and the buttons that record feedback on it.

Shared by ``/skill`` and scheduled prompts so a skill reads the same wherever it comes from.
Button actions are ``pf:t:<send id>`` ("I tried it") and ``pf:h:<send id>`` ("It helped").
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain import Button
from bot.prompts.ports import Feedback
from bot.prompts.skills import Skill
from bot.rich import Rich, join
from bot.texts import Catalog

FEEDBACK_PREFIX = "pf"
_FEEDBACK_CODES = {Feedback.TRIED: "t", Feedback.HELPED: "h"}


def feedback_action(kind: Feedback, send_id: int) -> str:
    return f"{FEEDBACK_PREFIX}:{_FEEDBACK_CODES[kind]}:{send_id}"


def parse_feedback(payload: str) -> tuple[Feedback, int] | None:
    """``t:12`` -> (TRIED, 12); None for anything forged or malformed."""
    code, _, number = payload.partition(":")
    kinds = {value: key for key, value in _FEEDBACK_CODES.items()}
    if code not in kinds or not number.isdigit():
        return None
    return kinds[code], int(number)


def skill_text(t: Catalog, skill: Skill, heading: Rich | None = None) -> Rich:
    """Title and minutes, numbered steps, when it helps, and cautions where they apply."""
    parts = [heading] if heading else []
    parts.append(t("skill.title", title=skill.title, minutes=skill.minutes))
    steps = [t("skill.step", number=number, step=step) for number, step in enumerate(skill.steps, start=1)]
    parts.append(join(steps))
    parts.append(t("skill.when", when=skill.when))
    if skill.cautions:
        parts.append(t("skill.cautions", cautions=skill.cautions))
    return join(parts, "\n\n")


def feedback_buttons(t: Catalog, send_id: int, *, helped: bool = True) -> tuple[tuple[Button, ...], ...]:
    """ "I tried it" and (unless ``helped`` is false) "It helped", for one sending."""
    row = [Button(t.plain("skill.tried"), feedback_action(Feedback.TRIED, send_id))]
    if helped:
        row.append(Button(t.plain("skill.helped"), feedback_action(Feedback.HELPED, send_id)))
    return (tuple(row),)


def local_label(moment: datetime, timezone: str) -> str:
    """A delivery time as the group reads it, e.g. "Mon 24 Nov 09:00"."""
    return moment.astimezone(ZoneInfo(timezone)).strftime("%a %d %b %H:%M")
