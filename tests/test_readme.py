"""The README stays true: its commands are the ones CI runs, its settings the real ones."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = next(block.strip() for block in _shell_blocks() if "pytest" in block)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_run_command_installs_and_runs_the_bot() -> None:
    run_command = _shell_blocks()[0].strip()
    assert "pip install" in run_command and run_command.endswith("iop-bot run")


def test_every_setting_is_documented_and_every_documented_setting_exists() -> None:
    real = {f"{ENV_PREFIX}{name.upper()}" for name in Settings.model_fields}
    documented = set(re.findall(r"\| `(IOPBOT_[A-Z_]+)` \|", README))
    assert real - documented == set(), "settings missing from the README table"
    assert documented - real == set(), "README documents settings that don't exist"
