"""The ``iop-bot`` command.

Sub-commands import what they need only when they run, so ``iop-bot --help`` and the
console never pay for telegram, discord or matplotlib.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

EXIT_CONFIG = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iop-bot",
        description="Peer-support bot for IOP groups: check-ins, coping skills, FAQ; Telegram, Discord, console.",
    )
    parser.add_argument("--config", type=Path, help="TOML config file (keys as the IOPBOT_ settings, lower-case)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start every adapter with a token (the console if none)")
    run.add_argument("--role", choices=["all", "updates", "delivery"], default="all", help="what this process does")
    run.set_defaults(handler=_run)

    console = commands.add_parser("console", help="chat with the bot in the terminal")
    console.set_defaults(handler=_console)

    config = commands.add_parser("config", help="print the effective configuration, secrets redacted")
    config.set_defaults(handler=_config)

    db = commands.add_parser("db", help="database tasks")
    db_commands = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)
    db_upgrade = db_commands.add_parser("upgrade", help="apply migrations")
    db_upgrade.set_defaults(handler=_db_upgrade)
    db_copy = db_commands.add_parser("copy", help="copy every row into another, empty database")
    db_copy.add_argument("--to", required=True, metavar="URL", help="target SQLAlchemy URL")
    db_copy.set_defaults(handler=_db_copy)

    init = commands.add_parser("init", help="write a commented config file and an empty data directory")
    init.add_argument("--path", type=Path, default=Path("iopbot.toml"), help="config file to write")
    init.add_argument("--data-dir", help="data directory")
    init.add_argument("--timezone", help="default time zone for new groups")
    init.add_argument("--database-url", help="database URL (default: SQLite in the data directory)")
    init.add_argument("--telegram-token", help="Telegram bot token")
    init.add_argument("--discord-token", help="Discord bot token")
    init.add_argument("--facilitators", help="platform:user-id list")
    init.add_argument("--force", action="store_true", help="overwrite an existing config file")
    init.add_argument("--yes", action="store_true", help="don't ask; use flags and defaults")
    init.set_defaults(handler=_init, needs_settings=False)

    doctor = commands.add_parser("doctor", help="check configuration, database, key, tokens and webhook")
    doctor.set_defaults(handler=_doctor)

    backup = commands.add_parser("backup", help="consistent copy of a live SQLite database")
    backup.add_argument("path", type=Path, help="where to write the copy")
    backup.set_defaults(handler=_backup)

    safety = commands.add_parser("safety", help="crisis-language detector")
    safety_commands = safety.add_subparsers(dest="safety_command", metavar="SAFETY_COMMAND", required=True)
    safety_check = safety_commands.add_parser("check", help="run the crisis detector on TEXT")
    safety_check.add_argument("text", help="the message to check")
    safety_check.add_argument("--json", action="store_true", help='print {"crisis", "category", "matched"}')
    safety_check.set_defaults(handler=_safety_check, needs_settings=False)

    content = commands.add_parser("content", help="skills and FAQ content files")
    content_commands = content.add_subparsers(dest="content_command", metavar="CONTENT_COMMAND", required=True)
    content_check = content_commands.add_parser("check", help="validate skills.toml and faq.toml, count per category")
    content_check.set_defaults(handler=_content_check)

    faq = commands.add_parser("faq", help="FAQ tasks")
    faq_commands = faq.add_subparsers(dest="faq_command", metavar="FAQ_COMMAND", required=True)
    faq_ask = faq_commands.add_parser("ask", help="look a question up as the bot would")
    faq_ask.add_argument("question", help="the question, in quotes")
    faq_ask.add_argument("--group", type=int, default=None, help="include this group's own entries (group id)")
    faq_ask.add_argument("--json", action="store_true", help="print one JSON object")
    faq_ask.set_defaults(handler=_faq_ask)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, Settings], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    if not getattr(args, "needs_settings", True):
        return handler(args, None)  # type: ignore[arg-type]
    settings = _settings_or_exit(args.config)
    from adapters.logs import configure_logging

    configure_logging(settings)
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130


def _settings_or_exit(config_file: Path | None) -> Settings:
    from pydantic import ValidationError

    from bot.config import describe_error, load_settings

    try:
        return load_settings(config_file)
    except ValidationError as error:
        print(describe_error(error), file=sys.stderr)
    except (FileNotFoundError, ValueError) as error:
        print(f"configuration error: {error}", file=sys.stderr)
    raise SystemExit(EXIT_CONFIG)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.runtime import run_bot

    return asyncio.run(run_bot(settings, role=args.role))


def _console(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.console.app import run_console

    return asyncio.run(run_console(settings))


def _config(args: argparse.Namespace, settings: Settings) -> int:
    from bot.config import redacted

    for name, value in redacted(settings).items():
        print(f"{name}={value}")
    return 0


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from storage.engine import make_engine
    from storage.migrate import current_revision, upgrade

    async def go() -> str | None:
        engine = make_engine(settings.effective_database_url)
        try:
            await upgrade(engine)
            return await current_revision(engine)
        finally:
            await engine.dispose()

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    print(f"database is at revision {asyncio.run(go())}")
    return 0


def _db_copy(args: argparse.Namespace, settings: Settings) -> int:
    from storage.copy import CopyError, copy_database
    from storage.engine import make_engine

    async def go() -> dict[str, int]:
        source, target = make_engine(settings.effective_database_url), make_engine(args.to)
        try:
            return await copy_database(source, target, lambda table, rows: print(f"  {table}: {rows} rows"))
        finally:
            await source.dispose()
            await target.dispose()

    try:
        counts = asyncio.run(go())
    except CopyError as error:
        print(f"db copy failed: {error}", file=sys.stderr)
        return 1
    print(f"copied {sum(counts.values())} rows in {len(counts)} tables; row counts match")
    return 0


def _init(args: argparse.Namespace, _settings: Settings) -> int:
    from adapters.ops.init import ConfigExists, InitAnswers, ask, write_config

    answers = InitAnswers()
    for name in ("data_dir", "timezone", "database_url", "telegram_token", "discord_token", "facilitators"):
        value = getattr(args, name)
        if value is not None:
            setattr(answers, name, value)
    if not args.yes and sys.stdin.isatty():
        answers = ask(answers, input)
    try:
        data_dir = write_config(args.path, answers, force=args.force)
    except (ConfigExists, ValueError) as error:
        print(f"init: {error}", file=sys.stderr)
        return EXIT_CONFIG
    from pydantic import ValidationError

    from bot.config import describe_error, load_settings

    try:
        settings = load_settings(args.path)
    except ValidationError as error:
        print(f"init: {describe_error(error)}", file=sys.stderr)
        return EXIT_CONFIG
    from storage.crypto import load_or_create_key

    load_or_create_key(settings.encryption_key.get_secret_value() if settings.encryption_key else None, data_dir)
    _db_upgrade(args, settings)
    print(f"wrote {args.path}, created {data_dir} with a new encryption key (back it up with the database)")
    print(f"next: iop-bot --config {args.path} doctor, then iop-bot --config {args.path} run")
    return 0


def _doctor(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.ops.doctor import run_checks

    results = asyncio.run(run_checks(settings))
    for result in results:
        print(result.line())
    return 0 if all(result.ok for result in results) else 1


def _backup(args: argparse.Namespace, settings: Settings) -> int:
    from storage.backup import POSTGRES_HOWTO, BackupError, backup_sqlite, sqlite_path

    source = sqlite_path(settings.effective_database_url)
    if source is None:
        print(POSTGRES_HOWTO)
        return 0
    try:
        size = backup_sqlite(source, args.path)
    except BackupError as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    print(f"backed up {source} to {args.path} ({size} bytes); keep {settings.data_dir / 'encryption.key'} with it")
    return 0


def _safety_check(args: argparse.Namespace, _settings: Settings) -> int:
    from bot.safety.detector import detect, to_json

    detection = detect(args.text)
    if args.json:
        print_json(to_json(detection))
    elif detection.crisis:
        print(f"crisis: yes ({detection.category}); matched: {', '.join(detection.matched)}")
    else:
        print("crisis: no")
    return 0


def _content_check(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.content_check import content_check

    code, output = content_check(settings.content_dir)
    print(output, file=sys.stdout if code == 0 else sys.stderr)
    return code


def _faq_ask(args: argparse.Namespace, settings: Settings) -> int:
    from adapters.faq_cli import faq_ask

    code, output = faq_ask(args.question, args.group, args.json, settings)
    print(output, file=sys.stdout if code == 0 else sys.stderr)
    return code


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False))


if __name__ == "__main__":
    raise SystemExit(main())
