"""The SQLite-file helpers live in one module that the ledger's file code shares."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import dangzhibu_desktop.ledger as ledger_pkg
from dangzhibu_desktop.ledger import sqlitefile

LEDGER_DIR = Path(ledger_pkg.__file__).parent


def _our_imports(module: str) -> set[str]:
    """Names of the dangzhibu_desktop.ledger modules ``module`` imports (at any depth in the file)."""
    tree = ast.parse((LEDGER_DIR / f"{module}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(a.name for a in node.names)
    return out


def test_header_check(tmp_path):
    db = tmp_path / "a.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    other = tmp_path / "b.sqlite"
    other.write_bytes(b"PK\x03\x04 not a database")
    assert sqlitefile.has_sqlite_header(db)
    assert not sqlitefile.has_sqlite_header(other)


def test_ro_uri_keeps_odd_names_readable(tmp_path):
    db = tmp_path / "党支部 台账?#1.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(sqlitefile.ro_uri(db), uri=True)
    try:
        assert conn.execute("SELECT name FROM sqlite_master").fetchone()[0] == "t"
    finally:
        conn.close()


def test_one_definition_and_no_circle():
    assert "safety" not in _our_imports("backup")
    assert _our_imports("sqlitefile") == set()
    for module in ("backup", "safety", "store", "verify"):
        text = (LEDGER_DIR / f"{module}.py").read_text(encoding="utf-8")
        assert "SQLite format 3" not in text, module
        assert "def wal_sidecars" not in text and "def ro_uri" not in text, module
        assert "sqlitefile" in _our_imports(module), module


def test_open_path_builds_no_sqlite_utils_database():
    text = (LEDGER_DIR / "store.py").read_text(encoding="utf-8")
    assert "sqlite_utils" not in text
