"""Commands that don't need telegram, discord or matplotlib never import them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
import adapters.cli, adapters.bootstrap, adapters.console.app, adapters.runtime
heavy = sorted(name for name in ("telegram", "discord", "matplotlib") if name in sys.modules)
print(",".join(heavy))
"""


def test_cli_console_and_bootstrap_do_not_import_platform_or_chart_libraries() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""


def test_the_probe_would_notice_an_eager_import() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import discord\n" + PROBE], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "discord"
