"""Typed errors of the core.

Domain errors are raised by services and turned into friendly replies at one place (the
router), so that no handler needs its own try/except. ``ContentError`` is for shipped or
self-hosted content files (skills, FAQ): it names the file, the entry and the field so a
self-hoster can fix the file without reading code.
"""

from __future__ import annotations


class BotError(Exception):
    """Base of every error the core turns into a reply for the person."""

    #: key in the message catalog used to answer the person
    message_key: str = "error.generic"

    def __init__(self, message_key: str | None = None, **params: object) -> None:
        super().__init__(message_key or self.message_key)
        if message_key is not None:
            self.message_key = message_key
        self.params = params


class UsageError(BotError):
    """A command was called with arguments it can't use; the reply shows the usage."""

    message_key = "error.usage"


class NotFacilitator(BotError):
    """A facilitator-only command was tried by someone who isn't one in this group."""

    message_key = "error.not_facilitator"


class ConsentRequired(BotError):
    """The person hasn't agreed to the consent text yet, so nothing personal may be stored."""

    message_key = "error.consent_required"


class GroupRequired(BotError):
    """The command needs a group, and none could be found for this chat or person."""

    message_key = "error.group_required"


class ExpiredAction(BotError):
    """A button press whose action is unknown, forged or refers to something gone."""

    message_key = "error.expired_button"


class ContentError(Exception):
    """A content file (skills, FAQ, ...) is invalid; names the file, entry and field."""

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        where = file
        if entry:
            where += f": entry '{entry}'"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class DeliveryError(Exception):
    """Base of errors a Messenger raises when a platform refuses or fails a send."""


class ChatUnavailable(DeliveryError):
    """The bot was removed from the chat or blocked by the person: stop sending there."""


class CannotDirectMessage(DeliveryError):
    """The platform won't let the bot open a direct chat with this person (never started it)."""


class RateLimited(DeliveryError):
    """The platform asked us to wait ``retry_after`` seconds before sending again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after}s")
        self.retry_after = retry_after


class TransientDeliveryError(DeliveryError):
    """A 5xx, timeout or network error: retry later with backoff."""
