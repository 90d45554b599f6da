"""Encryption at rest for free text people write (notes, questions, flow data).

Repositories call :meth:`TextCipher.seal` before writing and :meth:`TextCipher.open` after
reading; the database only ever holds Fernet tokens for those columns.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)

KEY_FILE = "encryption.key"


class KeyMismatch(Exception):
    """Stored text can't be decrypted with the configured key."""


class TextCipher:
    """Seals and opens text with one Fernet key."""

    def __init__(self, key: bytes | str) -> None:
        self._fernet = Fernet(key)

    def seal(self, text: str | None) -> str | None:
        if text is None:
            return None
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def open(self, token: str | None) -> str | None:
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise KeyMismatch("stored text can't be decrypted with the configured encryption key") from error


def load_or_create_key(configured: str | None, data_dir: Path) -> tuple[bytes, bool]:
    """The key to use and whether it was just generated.

    A configured key wins. Otherwise the key file in the data directory is used, and on the
    very first run a new key is written there (mode 0600) with a warning to back it up.
    """
    if configured:
        key = configured.encode("ascii")
        Fernet(key)
        return key, False
    path = data_dir / KEY_FILE
    if path.is_file():
        return path.read_bytes().strip(), False
    data_dir.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key + b"\n")
    log.warning(
        "generated a new encryption key; back it up together with the database, without it notes can't be read",
        extra={"path": str(path)},
    )
    return key, True
