"""The window asks ``views`` (and the lower layers) for what it shows: no SQL is written under
``ui/`` (DESIGN.md "Architecture", issue #12). The test reads every module's source, so a page
that grows its own query fails here, not in review."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import dangzhibu_desktop

UI = Path(dangzhibu_desktop.__file__).parent / "ui"
GENERATED = "forms"  # ui/forms/: code generated from the .ui files
SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.I)
CALLS = {"query", "scalar", "execute", "executemany", "executescript"}


def _sources():
    for path in sorted(UI.rglob("*.py")):
        if GENERATED in path.relative_to(UI).parts[:-1]:
            continue
        yield path, path.read_text(encoding="utf-8")


def _offences(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"{node.lineno}: SQL text {node.value[:40]!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS:
            found.append(f"{node.lineno}: .{node.func.attr}(")
    return found


def test_no_sql_under_ui():
    offences = [f"{p.relative_to(UI)}:{o}" for p, src in _sources() for o in _offences(src)]
    assert offences == []


def test_the_check_catches_a_query():
    """The scan is not vacuous: the two ways SQL creeps into a page are both found."""
    assert sorted(_offences('rows = self.ledger.query("SELECT * FROM members")')) == [
        "1: .query(", "1: SQL text 'SELECT * FROM members'"]
    assert _offences('n = ledger.scalar(sql)') == ["1: .scalar("]
    assert _offences('title = "查询党员"') == []
    assert sum(1 for _ in _sources()) > 20  # the ui package was really read
