"""The dependency rule: the core imports no platform, no storage, no adapter."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_CORE = {"adapters", "storage", "telegram", "discord", "sqlalchemy", "alembic", "aiohttp", "asyncpg"}
FORBIDDEN_IN_STORAGE = {"adapters", "telegram", "discord"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def _violations(package: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = _imported_roots(path) & forbidden
        if bad:
            found.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    return found


def test_core_imports_no_platform_storage_or_adapter() -> None:
    assert _violations("bot", FORBIDDEN_IN_CORE) == []


def test_storage_knows_no_platform_or_adapter() -> None:
    assert _violations("storage", FORBIDDEN_IN_STORAGE) == []


def test_the_rule_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import telegram\nfrom sqlalchemy import select\nfrom . import sibling\n")
    assert _imported_roots(sample) == {"telegram", "sqlalchemy"}


def test_adapters_never_write_sql() -> None:
    offenders = []
    for path in sorted((ROOT / "adapters").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "sqlalchemy" in _imported_roots(path) and path.name != "bootstrap.py":
            offenders.append(str(path.relative_to(ROOT)))
        if any(keyword in source for keyword in ("SELECT ", "INSERT INTO", "DELETE FROM")):
            offenders.append(f"{path.relative_to(ROOT)} (SQL text)")
    assert offenders == []
