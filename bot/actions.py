"""Signed button actions: a pressed button must be one the bot made.

Action ids carry ids (a group, a check-in, an alert). Platforms send back whatever the
client says, so a modified client could press ``join.ok:<another group>``. The outbox signs
every action it sends with a short HMAC (``action~signature``) and the core accepts only
presses whose signature checks out; anything else gets the polite "this button has expired".
The key is derived from the encryption key, so buttons keep working across restarts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from bot.domain import MAX_ACTION_BYTES

SEPARATOR = "~"
SIGNATURE_CHARS = 8
#: the room a feature's action may use so that it still fits after signing
MAX_UNSIGNED_BYTES = MAX_ACTION_BYTES - len(SEPARATOR) - SIGNATURE_CHARS


class ActionSigner:
    """Signs and verifies button actions with one secret."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the action secret must be at least 16 bytes")
        self._secret = secret

    @classmethod
    def from_key(cls, key: bytes) -> ActionSigner:
        """Derive the signing secret from the encryption key (never the key itself)."""
        return cls(hashlib.sha256(b"iop-peer-bot button actions\x00" + key).digest())

    def _signature(self, action: str) -> str:
        digest = hmac.new(self._secret, action.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:6]).decode("ascii")[:SIGNATURE_CHARS]

    def sign(self, action: str) -> str:
        if len(action.encode()) > MAX_UNSIGNED_BYTES:
            raise ValueError(f"button action longer than {MAX_UNSIGNED_BYTES} bytes: {action!r}")
        return f"{action}{SEPARATOR}{self._signature(action)}"

    def verify(self, signed: str) -> str | None:
        """The action if the signature is right, else None."""
        action, separator, signature = signed.rpartition(SEPARATOR)
        if not separator or not hmac.compare_digest(signature, self._signature(action)):
            return None
        return action
