"""Dockerfile, docker-compose.yml and the systemd unit agree with the README and the code.

They can't be built on the project's machines (no Docker engine), so this test checks what
can drift: the entry point, the install command, the settings and the data volume.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.config import ENV_PREFIX, Settings

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "docker-compose.yml").read_text()
UNIT = (ROOT / "deploy" / "iop-bot.service").read_text()
README = (ROOT / "README.md").read_text()
SETTINGS = {f"{ENV_PREFIX}{name.upper()}" for name in Settings.model_fields}


def _console_script() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (name,) = pyproject["project"]["scripts"]
    return str(name)


def test_every_deploy_file_runs_the_same_entry_point() -> None:
    script = _console_script()
    assert f'ENTRYPOINT ["/app/.venv/bin/{script}"]' in DOCKERFILE and 'CMD ["run"]' in DOCKERFILE
    assert 'command: ["run"]' in COMPOSE
    assert f"/.venv/bin/{script} --config /etc/iop-bot/iopbot.toml run" in UNIT
    assert f"{script} run" in README


def test_dockerfile_installs_like_the_readme_and_runs_as_non_root() -> None:
    assert "python3 -m venv" in DOCKERFILE and "pip install" in DOCKERFILE and "-e ." in DOCKERFILE
    assert re.search(r"^USER iopbot$", DOCKERFILE, flags=re.MULTILINE)


def test_data_directory_is_the_volume_everywhere() -> None:
    assert "IOPBOT_DATA_DIR=/data" in DOCKERFILE and 'VOLUME ["/data"]' in DOCKERFILE
    assert "IOPBOT_DATA_DIR: /data" in COMPOSE and "botdata:/data" in COMPOSE
    assert "IOPBOT_DATA_DIR=/var/lib/iop-bot" in UNIT and "ReadWritePaths=/var/lib/iop-bot" in UNIT


def test_deploy_files_only_use_real_settings() -> None:
    used = set(re.findall(r"IOPBOT_[A-Z_]+", DOCKERFILE + COMPOSE + UNIT))
    assert used, "the deploy files name no settings"
    assert used <= SETTINGS, f"unknown settings: {sorted(used - SETTINGS)}"
    assert "postgresql+asyncpg://" in COMPOSE
