"""/export and /forget: a person's own data, as a file or gone for good.

Both answer only the person (a direct message, or an ephemeral reply on Discord), and both
work for someone who never agreed to the consent text: nothing is stored about them, and
they are told so. /forget asks first; its confirm button names the person it belongs to and
expires, so a forwarded or stale button can't erase anyone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.context import Context
from bot.domain import Attachment, Button, ChatKind, ChatRef, Here, InChat, MessageRef, Person, Reply
from bot.errors import ExpiredAction
from bot.privacy.ports import Erasure, PersonData
from bot.router import ActionSpec, Audience, CommandSpec, Router
from bot.texts import Catalog

FORGET_ACTION = "pv.forget"
KEEP_ACTION = "pv.keep"
#: How long the "Delete everything" button stays valid.
CONFIRM_WINDOW = timedelta(minutes=15)


class PrivacyCommands:
    """Registers /export, /forget and the forget buttons."""

    def __init__(self, catalog: Catalog, retention_days: int) -> None:
        self._t = catalog
        self._retention_days = retention_days

    def register(self, router: Router) -> None:
        router.command(
            CommandSpec(
                "export",
                self.export,
                "privacy_commands.export",
                "privacy_usage.export",
                Audience.EVERYONE,
                private=True,
                slow=True,
            )
        )
        router.command(
            CommandSpec(
                "forget",
                self.forget,
                "privacy_commands.forget",
                "privacy_usage.forget",
                Audience.EVERYONE,
                private=True,
            )
        )
        router.action(ActionSpec(FORGET_ACTION, self.confirm, Audience.EVERYONE))
        router.action(ActionSpec(KEEP_ACTION, self.cancel, Audience.EVERYONE))

    # -- /export --------------------------------------------------------------------------

    async def export(self, ctx: Context, args: str) -> Sequence[Reply]:
        person = ctx.person
        if person is None:
            return [self._private("privacy.nothing_stored")]
        data = await ctx.uow.privacy.export(person.id)
        if not data:
            return [self._private("privacy.nothing_stored")]
        file = Attachment(export_document(data, ctx.now, self._retention_days), export_filename(ctx.now))
        rows = sum(len(rows) for rows in data.values())
        text = self._t("privacy.export_ready", rows=rows, tables=len(data))
        return [Reply(text, file=file, to=Here(private=True))]

    # -- /forget --------------------------------------------------------------------------

    async def forget(self, ctx: Context, args: str) -> Sequence[Reply]:
        person = ctx.person
        if person is None:
            return [self._private("privacy.nothing_stored")]
        issued = int(ctx.now.timestamp()) // 60
        buttons = (
            (
                Button(self._t.plain("privacy.forget_button"), f"{FORGET_ACTION}:{person.id}:{issued}"),
                Button(self._t.plain("privacy.keep_button"), f"{KEEP_ACTION}:"),
            ),
        )
        text = self._t("privacy.forget_confirm", minutes=int(CONFIRM_WINDOW.total_seconds()) // 60)
        return [Reply(text, buttons=buttons, to=Here(private=True))]

    async def confirm(self, ctx: Context, payload: str) -> Sequence[Reply]:
        person = ctx.person
        if person is None:
            return [self._private("privacy.nothing_stored")]
        if not _confirmation_valid(payload, person, ctx.now):
            raise ExpiredAction()
        erasure = await ctx.uow.privacy.erase(person.id)
        ctx.person = None
        ctx.membership = None
        done = self._private("privacy.forgotten", cards=len(erasure.messages))
        return [*self._blank_cards(person, erasure), done]

    async def cancel(self, ctx: Context, payload: str) -> Sequence[Reply]:
        return [self._private("privacy.kept")]

    def _blank_cards(self, person: Person, erasure: Erasure) -> list[Reply]:
        """Edit every message posted for the person into a short notice (convention 5)."""
        text = self._t("privacy.card_removed")
        replies = []
        for posted in erasure.messages:
            chat = ChatRef(person.platform, posted.chat_id, ChatKind.GROUP)
            ref = MessageRef(person.platform, posted.chat_id, posted.message_id)
            replies.append(Reply(text, to=InChat(chat), edit=ref))
        return replies

    def _private(self, key: str, /, **params: object) -> Reply:
        return Reply(self._t(key, **params), to=Here(private=True))


def _confirmation_valid(payload: str, person: Person, now: datetime) -> bool:
    """The button belongs to this person and was issued within :data:`CONFIRM_WINDOW`."""
    owner, _, issued = payload.partition(":")
    if not (owner.isdigit() and issued.isdigit()) or int(owner) != person.id:
        return False
    age_minutes = int(now.timestamp()) // 60 - int(issued)
    return 0 <= age_minutes <= CONFIRM_WINDOW.total_seconds() // 60


def export_filename(now: datetime) -> str:
    return f"iop-bot-export-{now.date().isoformat()}.json"


def export_document(data: PersonData, now: datetime, retention_days: int) -> bytes:
    """The export file: what it is, when it was made, then the rows grouped by table."""
    document = {
        "about": (
            "Everything this bot stores about you, grouped by table. Notes and other text you wrote "
            f"appear decrypted. Notes and free text are deleted after {retention_days} days."
        ),
        "exported_at": now.isoformat(),
        "tables": data,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")
