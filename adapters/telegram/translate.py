"""Telegram updates as core events: who, where, and what they did.

No feature logic here: a message becomes a ``Command`` or ``Text``, a button press a
``Press``; everything else the core doesn't understand (channel posts, stickers, other bots'
commands) is dropped. Privacy mode decides what reaches us in groups; see the module README
section for what that means for crisis screening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

from telegram import Chat, ChatMember, ChatMemberUpdated, MaybeInaccessibleMessage, Message, MessageEntity, User

from bot.domain import Action, ChatKind, ChatRef, Command, Event, MessageRef, PersonRef, Platform, Press, Text

_GROUP_TYPES = frozenset({Chat.GROUP, Chat.SUPERGROUP})
_PRESENT = frozenset({ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED})
_GONE = frozenset({ChatMember.LEFT, ChatMember.BANNED})


@dataclass(frozen=True, slots=True)
class BotIdentity:
    """The bot's own id and @username, learned from getMe at start."""

    user_id: int
    username: str


class Membership(Enum):
    """What a my_chat_member update means for the core."""

    ADDED = "added"
    REMOVED = "removed"
    UNCHANGED = "unchanged"


def chat_ref(chat: Chat) -> ChatRef | None:
    """A group or private chat as the core sees it; channels are not supported."""
    if chat.type == Chat.PRIVATE:
        return ChatRef(Platform.TELEGRAM, str(chat.id), ChatKind.DIRECT, chat.full_name or "")
    if chat.type in _GROUP_TYPES:
        return ChatRef(Platform.TELEGRAM, str(chat.id), ChatKind.GROUP, chat.title or "")
    return None


def person_ref(user: User) -> PersonRef:
    return PersonRef(Platform.TELEGRAM, str(user.id), user.full_name)


def message_event(message: Message, me: BotIdentity) -> Event | None:
    """A person's message as an event, or None when the bot should ignore it."""
    user = message.from_user
    chat = chat_ref(message.chat)
    if user is None or user.is_bot or chat is None:
        return None
    action = _message_action(message, chat, me)
    if action is None:
        return None
    return Event(chat, person_ref(user), action)


def _message_action(message: Message, chat: ChatRef, me: BotIdentity) -> Action | None:
    if message.text is not None:
        command = _command(message, me)
        if command is not None:
            return command if command.name else None
        return _text(message.text, message, chat, me)
    if message.caption is not None:
        return _text(message.caption, message, chat, me)
    return None


def _command(message: Message, me: BotIdentity) -> Command | None:
    """``/name@bot args`` at the start of the text; an empty name means "for another bot"."""
    text = message.text or ""
    entity = next((e for e in message.entities if e.type == MessageEntity.BOT_COMMAND and e.offset == 0), None)
    if entity is None:
        return None
    head = text[1 : entity.length]
    name, _, target = head.partition("@")
    if target and target.lower() != me.username.lower():
        return Command("")
    return Command(name.lower(), text[entity.length :].strip())


def _text(text: str, message: Message, chat: ChatRef, me: BotIdentity) -> Text | None:
    pattern = _mention_pattern(me.username)
    mentioned = pattern.search(text) is not None
    reply_to = message.reply_to_message
    replied = reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == me.user_id
    if mentioned:
        text = pattern.sub(" ", text).strip()
    if not text:
        return None
    return Text(text, addressed=not chat.is_group or mentioned or replied)


@cache
def _mention_pattern(username: str) -> re.Pattern[str]:
    """``@botname`` as a whole word (plus a following comma or colon), any letter case."""
    return re.compile(rf"(?<![\w@])@{re.escape(username)}\b[,:]?", re.IGNORECASE)


def press_event(
    query_data: str | None, message: MaybeInaccessibleMessage | None, user: User, handle: object
) -> Event | None:
    """A button press; the chat is where the button was (the person's DM if unknown)."""
    if query_data is None or user.is_bot:
        return None
    chat = chat_ref(message.chat) if message is not None else None
    if chat is None:
        chat = ChatRef(Platform.TELEGRAM, str(user.id), ChatKind.DIRECT, user.full_name)
    ref = MessageRef(Platform.TELEGRAM, chat.chat_id, str(message.message_id)) if message is not None else None
    return Event(chat, person_ref(user), Press(query_data, ref), handle=handle)


def membership_change(update: ChatMemberUpdated) -> Membership:
    """Whether the bot was just added to or removed from (or blocked in) a chat."""
    old, new = update.old_chat_member.status, update.new_chat_member.status
    if new in _GONE and old not in _GONE:
        return Membership.REMOVED
    if new in _PRESENT and old not in _PRESENT:
        return Membership.ADDED
    return Membership.UNCHANGED
