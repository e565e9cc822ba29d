"""Upgrade path: a saved ledger file per schema version (tests/fixtures/ledger_v<N>.db, see
make_fixtures.py) opens with the current code, is migrated if old, and keeps every row."""

import hashlib
import importlib.util
import shutil
from pathlib import Path

import pytest

from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger.backup import REASON_MIGRATION, list_backups
from dangzhibu_desktop.ledger.migrations import SCHEMA_VERSION
from dangzhibu_desktop.ledger.package import export_package, import_package
from dangzhibu_desktop.ledger.schema import TABLES
from dangzhibu_desktop.ledger.verify import verify_ledger

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

VERSIONS = sorted(make_fixtures.ROWS)


def test_a_saved_file_for_every_schema_version():
    assert VERSIONS == list(range(1, SCHEMA_VERSION + 1))
    for v in VERSIONS:
        assert (FIXTURES / f"ledger_v{v}.db").is_file(), f"tests/fixtures/ledger_v{v}.db is missing"


def test_fixture_rows_cover_every_table():
    latest = make_fixtures.ROWS[SCHEMA_VERSION]
    assert set(TABLES) | {"audit_log"} == set(latest)
    for v in VERSIONS:
        assert all(make_fixtures.ROWS[v].values()), "every table has at least one row"


@pytest.mark.parametrize("version", VERSIONS)
def test_saved_file_opens_with_every_row(tmp_path, version):
    saved = FIXTURES / f"ledger_v{version}.db"
    before = hashlib.sha256(saved.read_bytes()).hexdigest()
    path = tmp_path / f"ledger_v{version}.db"
    shutil.copyfile(saved, path)
    with open_ledger(path) as led:
        assert led.migrated_from == (version if version < SCHEMA_VERSION else None)
        assert led.scalar("PRAGMA user_version") == SCHEMA_VERSION
        for table, expected in make_fixtures.ROWS[version].items():
            actual = {r["id"]: r for r in led.query(f"SELECT * FROM {table} ORDER BY id")}
            assert sorted(actual) == [r["id"] for r in expected], table
            for row in expected:
                row = make_fixtures.stamped(table, row)
                got = actual[row["id"]]
                assert {k: got[k] for k in row} == row, (table, row["id"])
        # The API sees the same: the 回收站 row hidden, references intact.
        assert [m["name"] for m in led.rows("members")] == ["王秀英", "张伟", "李娜", "赵强"]
        assert {"党纪学习", "陈晨"} <= {r["title"] for r in led.recycle_bin()}
        assert led.member_category(1) == "正式党员"
        # Every row passes today's validation: export, then import into an empty ledger.
        doc = export_package(led)
    with open_ledger(tmp_path / "copy.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert export_package(dst) == doc
    assert verify_ledger(path) == []
    if version < SCHEMA_VERSION:
        assert [b.reason for b in list_backups(path)] == [REASON_MIGRATION]
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == before


def test_fixture_script_still_describes_the_files(tmp_path):
    """Rebuilding with the script gives the same rows as the committed file."""
    import sqlite3

    for v in VERSIONS:
        rebuilt = make_fixtures.build(v, tmp_path / f"v{v}.db")
        a, b = sqlite3.connect(rebuilt), sqlite3.connect(FIXTURES / f"ledger_v{v}.db")
        try:
            for table in make_fixtures.ROWS[v]:
                sql = f"SELECT * FROM {table} ORDER BY id"
                assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), table
            schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            assert a.execute(schema).fetchall() == b.execute(schema).fetchall()
            assert a.execute("PRAGMA user_version").fetchone() == b.execute("PRAGMA user_version").fetchone()
        finally:
            a.close()
            b.close()


@pytest.mark.parametrize("version", [v for v in VERSIONS if v < SCHEMA_VERSION])
def test_columns_added_since_a_version_hold_their_default(tmp_path, version):
    """A file of ``version`` upgraded: every column a later migration added reads its declared
    default (NULL unless the schema says otherwise) in every old row, and the old columns keep
    their values (test_saved_file_opens_with_every_row)."""
    import sqlite3

    saved = FIXTURES / f"ledger_v{version}.db"
    con = sqlite3.connect(saved)
    try:
        old = {t: {r[1] for r in con.execute(f"PRAGMA table_info({t})")} for t in TABLES}
    finally:
        con.close()
    path = tmp_path / saved.name
    shutil.copyfile(saved, path)
    added = 0
    with open_ledger(path) as led:
        for name, t in TABLES.items():
            if not old[name]:
                continue  # a whole new table: empty in an old file
            for f in t.fields:
                if f.name in old[name]:
                    continue
                added += 1
                values = {r[f.name] for r in led.query(f"SELECT {f.name} FROM {name}")}
                rows = make_fixtures.ROWS[version].get(name, [])
                assert values <= {f.default}, (name, f.name, values)
                assert len(led.query(f"SELECT id FROM {name}")) == len(rows)
    from dangzhibu_desktop.ledger.migrations import MIGRATIONS

    # as many columns as the later migrations add to tables this version has (a migration that
    # only creates a table, such as V2_TRANSFERS, adds none)
    later = sum(sql.upper().count("ADD COLUMN") for sql in MIGRATIONS[version:])
    assert added == later, (added, later)


def test_fixture_rows_follow_the_migrations_by_name(monkeypatch):
    """Versions are numbered by the order of MIGRATIONS alone: each migration after V1 names its
    rows in ADDS, and one appended without them is caught with its name."""
    from dangzhibu_desktop.ledger import migrations

    names = make_fixtures._names()
    assert names[0] == "V1" and len(names) == SCHEMA_VERSION and set(names[1:]) <= set(make_fixtures.ADDS)
    first = names.index("V2_TRANSFERS") + 1  # the first version with the table
    assert all(("transfers" in make_fixtures.ROWS[v]) == (v >= first) for v in VERSIONS)
    monkeypatch.setattr(migrations, "V9_LATER", "CREATE TABLE later (id INTEGER PRIMARY KEY);", raising=False)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (migrations.V9_LATER,))
    with pytest.raises(KeyError, match="V9_LATER"):
        make_fixtures._all_rows()
