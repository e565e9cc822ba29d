"""Read-only commands leave the ledger's folder as they found it.

SQLite makes ``-wal``/``-shm`` files for any reader of a WAL-mode file; a ``mode=ro``
connection cannot remove them at close. These tests list the folder before and after.
"""

import hashlib
import shutil
import sqlite3
import subprocess
import sys

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.ledger.safety import inspect_file
from tests.export_fixture import YEAR, build


@pytest.fixture
def closed(tmp_path):
    """A filled ledger, closed, alone in its folder (as after the window was shut)."""
    folder = tmp_path / "台账"
    folder.mkdir()
    path = folder / "支部台账.sqlite"
    with open_ledger(path, create=True, auto_backup=False) as led:
        build(led)
    assert sorted(p.name for p in folder.iterdir()) == ["支部台账.sqlite"]
    return path


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(capsys, *argv):
    code = main([str(a) for a in argv])
    capsys.readouterr()
    return code


@pytest.mark.parametrize("argv", [
    "check --db {db} --year 2024",
    "check --db {db} --year 2024 --json",
    "export shuzhi --db {db} --year 2024 --out {out}/述职.docx",
    "export volunteer --db {db} --year 2024 --out {out}/志愿.xlsx",
    "export roster --db {db} --year 2024 --out {out}/名册.xlsx",
    "export package --db {db} --out {out}/包.json",
    "verify --db {db}",
    "backup --db {db} --to {out}/备份",
], ids=lambda a: " ".join(a.split()[:2]))
def test_read_only_commands_leave_exactly_the_files_that_were_there(capsys, tmp_path, closed, argv):
    out = tmp_path / "输出"
    out.mkdir()
    before, content = listing(closed.parent), digest(closed)
    assert cli(capsys, *argv.format(db=closed, out=out).split()) == 0
    assert listing(closed.parent) == before  # no -wal, no -shm left behind
    assert digest(closed) == content  # and the ledger itself untouched
    assert argv.startswith(("check", "verify")) or any(out.iterdir())  # it did write its output


def test_inspecting_a_closed_file_leaves_no_sidecars(closed):
    assert inspect_file(closed) >= 1
    assert listing(closed.parent) == ["支部台账.sqlite"]


def test_a_window_keeps_its_files_while_a_check_runs_beside_it(capsys, closed):
    """The writer's -wal holds committed rows not yet in the main file: they must survive."""
    with open_ledger(closed, auto_backup=False) as window:
        window.insert("party_groups", {"name": "第九党小组"})
        wal = closed.with_name(closed.name + "-wal")
        assert wal.stat().st_size > 0
        wal_before = digest(wal)
        assert cli(capsys, "check", "--db", closed, "--year", YEAR) == 0
        assert cli(capsys, "export", "roster", "--db", closed, "--year", YEAR,
                   "--out", closed.parent / "名册.xlsx") == 0
        assert wal.exists() and closed.with_name(closed.name + "-shm").exists()
        assert digest(wal) == wal_before
        window.insert("party_groups", {"name": "第十党小组"})  # the window goes on writing
    with open_ledger(closed, readonly=True) as led:
        assert {"第九党小组", "第十党小组"} <= {g["name"] for g in led.rows("party_groups")}
    assert listing(closed.parent) == ["名册.xlsx", "支部台账.sqlite"]


def test_a_check_in_another_process_leaves_the_windows_files(closed):
    with open_ledger(closed, auto_backup=False) as window:
        window.insert("party_groups", {"name": "第九党小组"})
        run = subprocess.run([sys.executable, "-m", "dangzhibu_desktop", "check", "--db", str(closed),
                              "--year", str(YEAR)], capture_output=True, timeout=60)
        assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
        assert closed.with_name(closed.name + "-wal").stat().st_size > 0
        assert closed.with_name(closed.name + "-shm").exists()
        window.insert("party_groups", {"name": "第十党小组"})
    with open_ledger(closed, readonly=True) as led:
        assert {"第九党小组", "第十党小组"} <= {g["name"] for g in led.rows("party_groups")}


def test_a_wal_with_content_left_by_a_crash_is_never_touched(capsys, tmp_path, closed):
    """A copy taken while a writer had rows only in its -wal: the -wal is a writer's, keep it."""
    crashed = tmp_path / "崩溃" / closed.name
    crashed.parent.mkdir()
    with open_ledger(closed, auto_backup=False) as window:
        window.insert("party_groups", {"name": "第九党小组"})
        shutil.copy(closed, crashed)
        shutil.copy(closed.with_name(closed.name + "-wal"), crashed.with_name(crashed.name + "-wal"))
    wal = crashed.with_name(crashed.name + "-wal")
    wal_before = digest(wal)
    assert cli(capsys, "check", "--db", crashed, "--year", YEAR) == 0
    assert cli(capsys, "export", "package", "--db", crashed, "--out", tmp_path / "包.json") == 0
    assert wal.exists() and digest(wal) == wal_before
    assert "第九党小组" in (tmp_path / "包.json").read_text("utf-8")  # read through the -wal
    # The next writable open takes the rows in for good.
    with open_ledger(crashed, auto_backup=False) as led:
        assert "第九党小组" in {g["name"] for g in led.rows("party_groups")}
    conn = sqlite3.connect(str(crashed))
    try:
        assert conn.execute("SELECT COUNT(*) FROM party_groups WHERE name = '第九党小组'").fetchone()[0] == 1
    finally:
        conn.close()
