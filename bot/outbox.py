"""Delivers the core's replies through the right platform's Messenger.

Resolves "the facilitators of a group" into direct messages, falls back to a pointer in the
group when a person can't be messaged privately (never the private content itself), marks
chats that removed the bot as inactive, and retries platform limits politely.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from bot.actions import ActionSigner
from bot.domain import ChatRef, Event, Here, InChat, MessageRef, PersonRef, Platform, Reply, ToFacilitators, ToPerson
from bot.errors import CannotDirectMessage, ChatUnavailable, RateLimited, TransientDeliveryError
from bot.metrics import Metrics
from bot.ports import Messenger
from bot.texts import Catalog

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4


class SendGate(Protocol):
    """Paces sends per platform and chat; urgent (crisis, interactive) sends go first."""

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool, interaction: bool = False) -> None:
        """Return when a send may go; ``interaction`` marks an answer through the platform's
        interaction endpoints (Discord), which its overall and per-channel limits don't cover."""
        ...

    def penalize(self, platform: Platform, seconds: float) -> None:
        """The platform said 429: hold every send on it for ``seconds``."""
        ...


class OpenGate:
    """No pacing: for the console and tests of the core."""

    async def wait(self, platform: Platform, chat_key: str, *, urgent: bool, interaction: bool = False) -> None:
        return None

    def penalize(self, platform: Platform, seconds: float) -> None:
        return None


FacilitatorLookup = Callable[[int], Awaitable[Sequence[PersonRef]]]
ChatGone = Callable[[ChatRef], Awaitable[None]]


class Outbox:
    """Sends replies; one instance per process, shared by every feature."""

    def __init__(
        self,
        messengers: Mapping[Platform, Messenger],
        catalog: Catalog,
        gate: SendGate,
        facilitators_of: FacilitatorLookup,
        chat_gone: ChatGone,
        metrics: Metrics | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._metrics = metrics or Metrics()
        self._signer: ActionSigner | None = None
        self._messengers = messengers
        self._catalog = catalog
        self._gate = gate
        self._facilitators_of = facilitators_of
        self._chat_gone = chat_gone
        self._sleep = sleep

    def sign_actions_with(self, signer: ActionSigner) -> None:
        """Sign every button action from now on (the core verifies presses)."""
        self._signer = signer

    def prepare(self, reply: Reply) -> Reply:
        """The reply with every button action signed (when signing is on)."""
        signer = self._signer
        if signer is None or not reply.buttons:
            return reply
        rows = tuple(
            tuple(replace(button, action=signer.sign(button.action)) for button in row) for row in reply.buttons
        )
        return replace(reply, buttons=rows)

    async def deliver(self, replies: Sequence[Reply], origin: Event | None) -> None:
        """Send each reply; a failure of one never stops the others."""
        ordered = sorted(replies, key=lambda reply: not reply.urgent)
        for reply in ordered:
            for resolved in await self._resolve(reply):
                await self._deliver_one(resolved, origin)

    async def _resolve(self, reply: Reply) -> list[Reply]:
        if isinstance(reply.to, ToFacilitators):
            people = await self._facilitators_of(reply.to.group_id)
            return [replace(reply, to=ToPerson(person)) for person in people]
        return [reply]

    async def _deliver_one(self, reply: Reply, origin: Event | None) -> None:
        try:
            refs = await self.send_now(reply, origin)
        except CannotDirectMessage:
            await self._point_to_direct_chat(reply, origin)
            return
        except ChatUnavailable:
            chat = _target_chat(reply, origin)
            if chat is not None and chat.is_group:
                await self._chat_gone(chat)
            log.info("chat unavailable; reply dropped", extra={"platform": _platform(reply, origin)})
            return
        except (RateLimited, TransientDeliveryError):
            log.warning("reply not delivered after retries", extra={"platform": _platform(reply, origin)})
            return
        if reply.on_sent is not None and refs:
            await reply.on_sent(refs)

    async def send_now(self, reply: Reply, origin: Event | None) -> Sequence[MessageRef]:
        """Send one resolved reply, waiting out 429s and retrying outages a few times."""
        platform = _platform(reply, origin)
        messenger = self._messengers.get(platform)
        if messenger is None:
            raise ChatUnavailable(f"no messenger for {platform}")
        chat_key = _chat_key(reply, origin)
        reply = self.prepare(reply)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            await self._gate.wait(
                platform,
                chat_key,
                urgent=reply.urgent or origin is not None,
                interaction=origin is not None and origin.via_interaction and isinstance(reply.to, Here),
            )
            try:
                refs = await messenger.send(reply, origin)
                self._metrics.inc("replies_sent", platform=str(platform))
                return refs
            except RateLimited as limited:
                self._metrics.inc("rate_limited", platform=str(platform))
                self._gate.penalize(platform, limited.retry_after)
                if attempt == MAX_ATTEMPTS:
                    raise
                await self._sleep(limited.retry_after)
            except TransientDeliveryError:
                if attempt == MAX_ATTEMPTS:
                    raise
                await self._sleep(0.5 * 2**attempt)
        raise AssertionError("unreachable")

    async def _point_to_direct_chat(self, reply: Reply, origin: Event | None) -> None:
        """Tell the person, in the group, to open a direct chat; never the private content.

        A crisis reply that can't reach the person privately becomes crisis lines posted for
        everyone, naming nobody: the person sees help at once, and nothing new about them is
        exposed in the group.
        """
        if origin is None or not origin.chat.is_group:
            return
        if not isinstance(reply.to, ToPerson | Here) or (
            isinstance(reply.to, ToPerson) and reply.to.person != origin.person
        ):
            return
        if reply.urgent:
            text = self._catalog("safety.group_fallback")
        else:
            text = self._catalog("dm.start_first", name=origin.person.first_name)
        try:
            await self.send_now(Reply(text, to=InChat(origin.chat), urgent=reply.urgent), None)
        except (ChatUnavailable, CannotDirectMessage, RateLimited, TransientDeliveryError):
            log.warning("could not point a person to the direct chat")


def _target_chat(reply: Reply, origin: Event | None) -> ChatRef | None:
    if isinstance(reply.to, InChat):
        return reply.to.chat
    if isinstance(reply.to, Here) and origin is not None:
        return origin.chat
    return None


def _platform(reply: Reply, origin: Event | None) -> Platform:
    if isinstance(reply.to, InChat):
        return reply.to.chat.platform
    if isinstance(reply.to, ToPerson):
        return reply.to.person.platform
    if reply.edit is not None:
        return reply.edit.platform
    if origin is None:
        raise ValueError("a reply to 'here' needs an origin event")
    return origin.chat.platform


def _chat_key(reply: Reply, origin: Event | None) -> str:
    if isinstance(reply.to, InChat):
        return reply.to.chat.chat_id
    if isinstance(reply.to, ToPerson):
        return f"user:{reply.to.person.user_id}"
    if origin is not None:
        return origin.chat.chat_id
    return "unknown"
