"""``iop-bot init``: write a commented config file and an empty data directory.

Asks a few questions when run in a terminal (Enter keeps the suggestion); flags answer them
ahead of time, so it also works in scripts. It never overwrites a config without ``--force``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.timezones import known_timezone


@dataclass
class InitAnswers:
    data_dir: str = "iopbot-data"
    timezone: str = "UTC"
    database_url: str = ""
    telegram_token: str = ""
    discord_token: str = ""
    facilitators: str = ""


QUESTIONS: tuple[tuple[str, str], ...] = (
    ("data_dir", "Data directory (database, encryption key, files)"),
    ("timezone", "Default time zone for new groups (IANA name, e.g. Europe/Berlin)"),
    ("database_url", "Database URL (empty: SQLite in the data directory)"),
    ("telegram_token", "Telegram bot token from BotFather (empty: no Telegram)"),
    ("discord_token", "Discord bot token (empty: no Discord)"),
    ("facilitators", "Extra facilitators as platform:user-id, comma-separated (empty: chat admins only)"),
)


def ask(answers: InitAnswers, prompt: Callable[[str], str]) -> InitAnswers:
    """Fill the answers interactively; an empty reply keeps the current value."""
    for name, question in QUESTIONS:
        current = getattr(answers, name)
        shown = "***" if "token" in name and current else current
        reply = prompt(f"{question} [{shown}]: ").strip()
        if reply:
            setattr(answers, name, reply)
        while name == "timezone" and known_timezone(answers.timezone) is None:
            answers.timezone = prompt(f"'{answers.timezone}' is not a known time zone. {question}: ").strip() or "UTC"
    return answers


def _value(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render_config(answers: InitAnswers) -> str:
    """The config file: every setting with a comment; unset ones are commented out."""

    def line(key: str, value: str, comment: str) -> str:
        prefix = "" if value else "# "
        return f"# {comment}\n{prefix}{key} = {_value(value)}\n"

    facilitators = [item.strip() for item in answers.facilitators.split(",") if item.strip()]
    parts = [
        "# iop-peer-bot configuration. Environment variables (IOPBOT_*) override these values.\n"
        "# Keep this file private: it can hold tokens. Back up the data directory's encryption.key\n"
        "# together with the database; without it, notes can't be read.\n",
        line("data_dir", answers.data_dir, "Where the SQLite database, the encryption key and saved files live."),
        line("database_url", answers.database_url, "SQLAlchemy URL; leave unset for SQLite in data_dir."),
        line("default_timezone", answers.timezone, "IANA time zone for new groups (facilitators can change theirs)."),
        "# Extra facilitators besides chat admins, as platform:user-id.\n"
        + ("" if facilitators else "# ")
        + f"facilitators = {json.dumps(facilitators)}\n",
        line("telegram_token", answers.telegram_token, "Telegram bot token from BotFather."),
        line("telegram_webhook_url", "", "Public HTTPS URL for webhook mode (unset: long polling)."),
        line("telegram_webhook_secret", "", "Secret every webhook request must carry (A-Z a-z 0-9 _ -)."),
        line("discord_token", answers.discord_token, "Discord bot token."),
        "# Use Discord's privileged message-content intent (crisis detection in ordinary messages).\n"
        "# discord_message_content = false\n",
        "# Days before notes and other free text are deleted.\n# retention_days = 90\n",
        '# Log format: "plain" or "json"; level DEBUG, INFO, WARNING or ERROR.\n'
        '# log_format = "plain"\n# log_level = "INFO"\n',
    ]
    return "\n".join(parts)


class ConfigExists(Exception):
    """The config file is there already and --force wasn't given."""


def write_config(path: Path, answers: InitAnswers, *, force: bool) -> Path:
    """Write the config and create the data directory; returns the data directory."""
    if path.exists() and not force:
        raise ConfigExists(f"{path} exists already; use --force to overwrite it")
    if known_timezone(answers.timezone) is None:
        raise ValueError(f"'{answers.timezone}' is not a known time zone (use an IANA name like Europe/Berlin)")
    answers.timezone = known_timezone(answers.timezone) or answers.timezone
    data_dir = Path(answers.data_dir).expanduser()
    if not data_dir.is_absolute():
        data_dir = (path.parent / data_dir).resolve()
    answers.data_dir = str(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_config(answers), encoding="utf-8")
    path.chmod(0o600)
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir
