"""``iop-bot faq ask``: the documented JSON, a group's own entries, and unknown groups."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from adapters.bootstrap import build_app
from bot.config import Settings
from bot.domain import ChatKind, ChatRef, Platform
from bot.faq.ports import GroupEntryText

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"id", "question", "answer", "score", "answered", "alternatives"}


def _ask(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IOPBOT_")}
    env["IOPBOT_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", "faq", "ask", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


async def _group_with_entry(data_dir: Path) -> int:
    app = await build_app(Settings(data_dir=data_dir))
    try:
        async with app.uow_factory() as uow:
            group = await uow.groups.add(ChatRef(Platform.CONSOLE, "g", ChatKind.GROUP, "G"), "UTC", "en")
            text = GroupEntryText("Where do we park?", "Behind the clinic, level 2.", ("parking",))
            await uow.faq.add(group.id, text, app.clock.now())
            await uow.commit()
            return group.id
    finally:
        await app.close()


def test_faq_ask_json_prints_exactly_the_documented_fields(tmp_path: Path) -> None:
    result = _ask(tmp_path, "how many hrs a week is iop", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == FIELDS
    assert payload["answered"] is True and payload["id"] == "hours-per-week"
    assert isinstance(payload["score"], float) and 0 < payload["score"] <= 1
    for item in payload["alternatives"]:
        assert set(item) == {"id", "question", "score"}


def test_faq_ask_json_admits_when_it_has_no_answer(tmp_path: Path) -> None:
    payload = json.loads(_ask(tmp_path, "what's the weather on mars", "--json").stdout)
    assert set(payload) == FIELDS
    assert payload["answered"] is False and payload["id"] is None


def test_faq_ask_with_a_group_uses_that_groups_own_entries(tmp_path: Path) -> None:
    group_id = asyncio.run(_group_with_entry(tmp_path / "data"))
    with_group = json.loads(_ask(tmp_path, "where can I park", "--group", str(group_id), "--json").stdout)
    assert with_group["id"] == "#1" and "level 2" in with_group["answer"]
    without = json.loads(_ask(tmp_path, "where can I park", "--json").stdout)
    assert without["id"] != with_group["id"]


def test_faq_ask_for_an_unknown_group_says_so_on_stderr(tmp_path: Path) -> None:
    result = _ask(tmp_path, "how long is iop", "--group", "999")
    assert result.returncode == 1
    assert "no group with id 999" in result.stderr and result.stdout == ""


def test_faq_ask_without_json_prints_the_answer_readably(tmp_path: Path) -> None:
    result = _ask(tmp_path, "how long does iop last")
    assert result.returncode == 0
    assert result.stdout.startswith("how-long (score ")
    assert "weeks" in result.stdout


def test_faq_ask_with_bad_input_prints_an_honest_no_answer(tmp_path: Path) -> None:
    for question in ("", "🙂🙃", "z" * 5000, "SELECT * FROM faq_entries;"):
        result = _ask(tmp_path, question, "--json")
        assert result.returncode == 0, result.stderr
        payload = json.loads(result.stdout)
        assert payload["answered"] is False and payload["id"] is None, question
