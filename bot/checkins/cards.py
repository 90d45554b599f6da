"""How check-ins look: mood labels, button rows and the group card.

The card shows only what the author shared with the group: the mood, their first name, the
note, and answers whose own visibility allows the group. A note that the safety screen
flagged is posted behind a content warning, as a spoiler.
"""

from __future__ import annotations

from bot.checkins.model import MAX_MOOD, MIN_MOOD, CheckIn, Question, Viewer, Visibility, visible_to
from bot.domain import Button
from bot.rich import Rich, join
from bot.texts import Catalog

Rows = tuple[tuple[Button, ...], ...]


def mood_label(t: Catalog, mood: int) -> str:
    return t.plain(f"mood.{mood}")


def mood_icon(t: Catalog, mood: int) -> str:
    return t.plain(f"mood_icon.{mood}")


def mood_buttons(t: Catalog, group_id: int) -> Rows:
    """One mood per row, lowest first, so the long labels stay readable on a phone."""
    return tuple(
        (Button(f"{mood_icon(t, mood)} {mood} · {mood_label(t, mood)}", f"ci.m:{group_id}:{mood}"),)
        for mood in range(MIN_MOOD, MAX_MOOD + 1)
    )


def question_buttons(t: Catalog, index: int, question: Question) -> Rows:
    """0..scale in rows of at most six, then Skip."""
    values = [Button(str(value), f"ci.q:{index}:{value}") for value in range(question.scale + 1)]
    rows = [tuple(values[start : start + 6]) for start in range(0, len(values), 6)]
    rows.append((Button(t.plain("checkin.skip"), "ci.skip:"),))
    return tuple(rows)


def skip_button(t: Catalog) -> Rows:
    return ((Button(t.plain("checkin.skip"), "ci.skip:"),),)


def note_buttons(t: Catalog) -> Rows:
    """ "Add a note" (a form where the platform has one) and Skip."""
    add = Button(t.plain("checkin.add_note"), "ci.note:", asks_text=t.plain("checkin.note_form_title"))
    return ((add, Button(t.plain("checkin.skip"), "ci.skip:")),)


def visibility_buttons(t: Catalog, default: Visibility, action: str) -> Rows:
    """Group / facilitators / only me; the person's default is marked. ``action`` ends with ':'."""
    rows = []
    for visibility in Visibility:
        label = t.plain(f"visibility.{visibility}")
        if visibility is default:
            label = t.plain("checkin.default_marker", label=label)
        rows.append((Button(label, f"{action}{visibility.code}"),))
    return tuple(rows)


def change_visibility_buttons(t: Catalog, checkin: CheckIn) -> Rows:
    """After saving: the other two choices, on one row."""
    return (
        tuple(
            Button(t.plain(f"visibility.{visibility}"), f"ci.vis:{checkin.id}:{visibility.code}")
            for visibility in Visibility
            if visibility is not checkin.visibility
        ),
    )


def support_button(t: Catalog, checkin_id: int) -> Rows:
    return ((Button(t.plain("checkin_card.support_button"), f"ci.sup:{checkin_id}"),),)


def card_text(t: Catalog, checkin: CheckIn, name: str, supports: int) -> Rich:
    """The group card: only what is visible to peers."""
    parts = [
        t("checkin_card.header", icon=mood_icon(t, checkin.mood), name=name, mood_label=mood_label(t, checkin.mood))
    ]
    if checkin.note and visible_to(checkin.visibility, Viewer.PEER):
        if checkin.content_warning:
            parts += [t("checkin_card.content_warning"), t("checkin_card.warned_note", note=checkin.note)]
        else:
            parts.append(t("checkin_card.note", note=checkin.note))
    answers = [
        t.plain("checkin_card.answer", label=answer.question.key, value=answer.value, scale=answer.question.scale)
        for answer in checkin.answers
        if visible_to(answer.visibility_within(checkin.visibility), Viewer.PEER)
    ]
    if answers:
        parts.append(Rich.of(" · ".join(answers)))
    if supports == 1:
        parts.append(t("checkin_card.support_count_one"))
    elif supports > 1:
        parts.append(t("checkin_card.support_count", count=supports))
    return join(parts)
