"""``iop-bot doctor``: one line per check, with what to do when it fails.

Checks the configuration, the database (reachable, migrated), the encryption key (present
and able to read existing data), each platform token against the configured API URL, and
the webhook settings. Exit code 0 only when every check passes.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from ipaddress import ip_address
from urllib.parse import urlparse

import httpx

from bot.config import Settings
from storage.crypto import KEY_FILE, KeyMismatch, TextCipher, load_or_create_key
from storage.engine import make_engine
from storage.migrate import current_revision, head_revision
from storage.privacy_probe import first_sealed_value

TIMEOUT = 10.0
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


Check = Callable[[Settings], Awaitable[CheckResult]]


def _client(url: str) -> httpx.AsyncClient:
    """An HTTP client that ignores proxy variables for loopback addresses."""
    host = urlparse(url).hostname or ""
    try:
        loopback = host == "localhost" or ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return httpx.AsyncClient(timeout=TIMEOUT, trust_env=not loopback)


async def check_database(settings: Settings) -> CheckResult:
    engine = make_engine(settings.effective_database_url)
    try:
        current = await current_revision(engine)
    except Exception as error:  # any driver error means "not reachable"
        return CheckResult("database", False, f"can't connect ({type(error).__name__}); check IOPBOT_DATABASE_URL")
    finally:
        await engine.dispose()
    head = head_revision()
    if current != head:
        return CheckResult(
            "database", False, (f"at revision {current or 'none'}, code expects {head}: run 'iop-bot db upgrade'")
        )
    return CheckResult("database", True, f"reachable and migrated (revision {head})")


async def check_encryption_key(settings: Settings) -> CheckResult:
    configured = settings.encryption_key.get_secret_value() if settings.encryption_key else None
    if configured is None and not (settings.data_dir / KEY_FILE).is_file():
        return CheckResult(
            "encryption key",
            False,
            f"none set and no {settings.data_dir / KEY_FILE}; 'iop-bot run' creates one on first start",
        )
    try:
        key, _ = load_or_create_key(configured, settings.data_dir)
        cipher = TextCipher(key)
    except ValueError:
        return CheckResult("encryption key", False, "IOPBOT_ENCRYPTION_KEY is not a valid Fernet key")
    engine = make_engine(settings.effective_database_url)
    try:
        sample = await first_sealed_value(engine)
    except Exception:
        sample = None
    finally:
        await engine.dispose()
    if sample is None:
        return CheckResult("encryption key", True, "present (no encrypted data yet to test it on)")
    try:
        cipher.open(sample)
    except KeyMismatch:
        return CheckResult("encryption key", False, "does NOT match the stored data: restore the key you backed up")
    return CheckResult("encryption key", True, "present and reads the stored data")


async def check_telegram(settings: Settings) -> CheckResult:
    if settings.telegram_token is None:
        return CheckResult("telegram", True, "not configured (no IOPBOT_TELEGRAM_TOKEN)")
    root = settings.telegram_api_url.rstrip("/")
    url = f"{root}/bot{settings.telegram_token.get_secret_value()}/getMe"
    try:
        async with _client(root) as client:
            response = await client.post(url)
    except httpx.HTTPError as error:
        reason = f"can't reach {root} ({type(error).__name__}); check IOPBOT_TELEGRAM_API_URL"
        return CheckResult("telegram", False, reason)
    if response.status_code in {401, 404}:
        return CheckResult("telegram", False, "the token was refused: copy it again from BotFather")
    if response.status_code != 200:
        return CheckResult("telegram", False, f"getMe answered HTTP {response.status_code}")
    username = response.json().get("result", {}).get("username", "?")
    return CheckResult("telegram", True, f"token works: @{username}")


async def check_discord(settings: Settings) -> CheckResult:
    if settings.discord_token is None:
        return CheckResult("discord", True, "not configured (no IOPBOT_DISCORD_TOKEN)")
    base = settings.discord_api_url.rstrip("/")
    headers = {"Authorization": f"Bot {settings.discord_token.get_secret_value()}"}
    try:
        async with _client(base) as client:
            response = await client.get(f"{base}/users/@me", headers=headers)
    except httpx.HTTPError as error:
        reason = f"can't reach {base} ({type(error).__name__}); check IOPBOT_DISCORD_API_URL"
        return CheckResult("discord", False, reason)
    if response.status_code == 401:
        return CheckResult("discord", False, "the token was refused: reset it in the Developer Portal (Bot tab)")
    if response.status_code != 200:
        return CheckResult("discord", False, f"/users/@me answered HTTP {response.status_code}")
    return CheckResult("discord", True, f"token works: {response.json().get('username', '?')}")


async def check_webhook(settings: Settings) -> CheckResult:
    url = settings.telegram_webhook_url
    if not url:
        return CheckResult("webhook", True, "not used (Telegram long polling)")
    problems = []
    if urlparse(url).scheme != "https":
        problems.append("IOPBOT_TELEGRAM_WEBHOOK_URL must be https")
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    if not secret:
        problems.append("set IOPBOT_TELEGRAM_WEBHOOK_SECRET so forged requests are refused")
    elif not _SECRET.match(secret):
        problems.append("IOPBOT_TELEGRAM_WEBHOOK_SECRET may only use A-Z a-z 0-9 _ -")
    if problems:
        return CheckResult("webhook", False, "; ".join(problems))
    listen = f"{settings.telegram_webhook_listen}:{settings.telegram_webhook_port}"
    return CheckResult("webhook", True, f"{url}, listening on {listen}")


CHECKS: tuple[Check, ...] = (check_database, check_encryption_key, check_telegram, check_discord, check_webhook)


async def run_checks(settings: Settings) -> list[CheckResult]:
    """Every check, in order; configuration was already validated by loading ``settings``."""
    results = [CheckResult("configuration", True, "valid")]
    for check in CHECKS:
        results.append(await check(settings))
    return results
