"""Storage errors reach the person: disk full, read-only, file in use and I/O errors each become
one Chinese sentence (a ``StorageError``), nothing is half-written, the CLI exits 2 with it."""

import errno
import os
import sqlite3

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import backup as bk
from dangzhibu_desktop.ledger import open_ledger, package, safety
from dangzhibu_desktop.ledger.errors import (
    DiskFullError,
    DiskIOError,
    FileInUseError,
    LedgerError,
    ReadOnlyStorageError,
    StorageError,
    storage_error,
    storage_kind,
)
from tests.storage_faults import FaultyConnection, os_failure, sqlite_failure


def filled(path):
    led = open_ledger(path, create=True)
    led.save_branch({"name": "第一党支部"})
    led.insert("members", {"name": "王秀英"})
    return led


def members(path):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM members ORDER BY id")]
    finally:
        conn.close()


# ---- the mapping ----------------------------------------------------------------------
@pytest.mark.parametrize("exc, cls, words", [
    (os_failure("full"), DiskFullError, "磁盘空间已满"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), DiskFullError, "磁盘空间已满"),
    (os_failure("readonly"), ReadOnlyStorageError, "只读"),
    (os_failure("denied"), ReadOnlyStorageError, "只读"),
    (PermissionError(errno.EPERM, "Operation not permitted"), ReadOnlyStorageError, "只读"),
    (os_failure("busy"), FileInUseError, "正被其他程序占用"),
    (os_failure("io"), DiskIOError, "U盘"),
    (sqlite_failure("SQLITE_FULL"), DiskFullError, "磁盘空间已满"),
    (sqlite_failure("SQLITE_READONLY"), ReadOnlyStorageError, "只读"),
    (sqlite_failure("SQLITE_READONLY_DBMOVED", code=1032), ReadOnlyStorageError, "只读"),
    (sqlite_failure("SQLITE_BUSY"), FileInUseError, "正被其他程序占用"),
    (sqlite_failure("SQLITE_BUSY_SNAPSHOT", code=517), FileInUseError, "正被其他程序占用"),
    (sqlite_failure("SQLITE_LOCKED"), FileInUseError, "正被其他程序占用"),
    (sqlite_failure("SQLITE_IOERR_WRITE"), DiskIOError, "网络盘"),
    (sqlite_failure("SQLITE_IOERR_FSYNC", code=1034), DiskIOError, "网络盘"),
])
def test_each_storage_failure_has_its_sentence(exc, cls, words):
    err = storage_error(exc, "/data/台账.sqlite", "保存")
    assert type(err) is cls and isinstance(err, StorageError) and isinstance(err, LedgerError)
    text = str(err)
    assert words in text and "“台账.sqlite”" in text and text.startswith("保存未能完成")
    assert "\n" not in text and not any(
        c.isascii() and c.isalpha() for c in text.replace("sqlite", "").replace("WPS", "").replace("Excel", "").replace("U盘", ""))


def test_windows_sharing_violation_and_disk_full_numbers():
    exc = OSError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    assert storage_kind(exc) == "busy"
    exc = OSError(errno.ENOSPC, "There is not enough space on the disk")
    exc.winerror = 112
    assert storage_kind(exc) == "full"


@pytest.mark.parametrize("exc", [
    sqlite_failure("SQLITE_CORRUPT", code=11), sqlite_failure("SQLITE_ERROR", "no such column: x", code=1),
    sqlite_failure("SQLITE_READONLY_ROLLBACK", code=776), sqlite3.IntegrityError("UNIQUE constraint failed"),
    OSError(errno.ENOENT, "No such file"), ValueError("x"),
])
def test_bugs_and_damage_are_not_storage_errors(exc):
    assert storage_error(exc) is None


def test_no_code_falls_back_to_the_sqlite_text():
    assert storage_kind(sqlite3.OperationalError("database or disk is full")) == "full"
    assert storage_kind(sqlite3.OperationalError("database is locked")) == "busy"
    assert storage_kind(sqlite3.OperationalError("no such table: x")) is None


# ---- real failures of a real ledger ---------------------------------------------------
def test_real_disk_full_rolls_back_and_says_so(tmp_path):
    path = tmp_path / "台账.sqlite"
    led = filled(path)
    try:
        pages = led.scalar("PRAGMA page_count")
        led.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
        with pytest.raises(DiskFullError, match="磁盘空间已满") as info:
            with led.transaction():
                led.insert("members", {"name": "张伟"})
                led.insert("meetings", {"kind": "支部党员大会", "date": "2026-03-05", "content": "记" * 40000})
        assert "台账.sqlite" in str(info.value)
        assert not led.conn.in_transaction
        assert [r["name"] for r in led.rows("members")] == ["王秀英"]  # 张伟 rolled back with the rest
        assert led.count("meetings") == 0
        led.conn.execute("PRAGMA max_page_count = 1073741823")
        led.insert("members", {"name": "张伟"})  # space again: the ledger goes on working
    finally:
        led.close()
    assert members(path) == ["王秀英", "张伟"]


def test_real_read_only_connection(tmp_path):
    led = filled(tmp_path / "台账.sqlite")
    try:
        led.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(ReadOnlyStorageError, match="只读"):
            led.insert("members", {"name": "张伟"})
        led.conn.execute("PRAGMA query_only = OFF")
        assert led.count("members") == 1
    finally:
        led.close()


def test_real_lock_held_by_another_program(tmp_path):
    path = tmp_path / "台账.sqlite"
    led = filled(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        led.conn.execute("PRAGMA busy_timeout = 50")
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(FileInUseError, match="正被其他程序占用"):
            led.insert("members", {"name": "张伟"})
        other.execute("ROLLBACK")
        assert led.count("members") == 1
        led.insert("members", {"name": "张伟"})
    finally:
        other.close()
        led.close()


@pytest.mark.parametrize("name, cls", [("SQLITE_IOERR_WRITE", DiskIOError), ("SQLITE_FULL", DiskFullError)])
def test_sqlite_rolled_back_itself_keeps_the_first_error(tmp_path, name, cls):
    """After a disk-full or I/O error SQLite may roll the transaction back on its own: the
    person reads that error, not "cannot rollback - no transaction is active"."""
    led = filled(tmp_path / "台账.sqlite")
    real = led.conn
    try:
        led.conn = FaultyConnection(real, "INSERT INTO meetings", sqlite_failure(name), rollback_first=True)
        with pytest.raises(cls):
            with led.transaction():
                led.insert("members", {"name": "张伟"})
                led.insert("meetings", {"kind": "支部党员大会", "date": "2026-03-05"})
        led.conn = real
        assert not real.in_transaction and led.count("members") == 1
    finally:
        led.conn = real
        led.close()


def test_failed_commit_is_a_storage_error(tmp_path):
    led = filled(tmp_path / "台账.sqlite")
    real = led.conn
    try:
        led.conn = FaultyConnection(real, "COMMIT", sqlite_failure("SQLITE_IOERR_FSYNC", "disk I/O error", 1034))
        with pytest.raises(DiskIOError, match="U盘"):
            led.insert("members", {"name": "张伟"})
        led.conn = real
        assert not real.in_transaction and led.count("members") == 1
    finally:
        led.conn = real
        led.close()


# ---- backup, package, lock, CLI -------------------------------------------------------
def test_backup_onto_a_full_drive_is_not_called_damage(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    where = tmp_path / "U盘"

    def full(*a, **k):
        raise sqlite_failure("SQLITE_FULL")

    monkeypatch.setattr(bk, "_check_copy", full)
    with pytest.raises(DiskFullError) as info:
        bk.backup_ledger(path, where)
    assert str(info.value).startswith("备份未能完成") and "已损坏" not in str(info.value)
    assert not where.exists()  # no temporary copy, nor the folder it made, left behind


def test_backup_rename_fails_on_a_read_only_stick(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    where = tmp_path / "U盘"

    def refuse(src, dst):
        raise os_failure("readonly", str(dst))

    monkeypatch.setattr(bk.os, "replace", refuse)
    with pytest.raises(ReadOnlyStorageError, match="备份未能完成.*只读"):
        bk.backup_ledger(path, where)
    assert not where.exists()  # neither the copy nor the folder made for it stays


def test_cli_backup_on_full_disk_exits_2_with_the_sentence(tmp_path, monkeypatch, capsys):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    monkeypatch.setattr(bk, "_check_copy", lambda *a: (_ for _ in ()).throw(sqlite_failure("SQLITE_FULL")))
    code = main(["backup", "--db", str(path), "--to", str(tmp_path / "bk")])
    err = capsys.readouterr().err
    assert code == 2 and "磁盘空间已满" in err and "已损坏" not in err and "Traceback" not in err


class _FullFile:
    """A text file that fails with ENOSPC after ``room`` characters."""

    def __init__(self, real, room):
        self._real, self._room = real, room

    def write(self, text):
        self._room -= len(text)
        if self._room < 0:
            raise os_failure("full")
        return self._real.write(text)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._real.close()


def test_export_package_on_full_disk_leaves_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    out = tmp_path / "out" / "数据包.json"
    out.parent.mkdir()
    real_open = open
    monkeypatch.setattr(package, "open", lambda p, *a, **k: _FullFile(real_open(p, *a, **k), 200), raising=False)
    code = main(["export", "package", "--db", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("导出数据包未能完成") and "磁盘空间已满" in err
    assert list(out.parent.iterdir()) == []


def test_package_on_a_pulled_usb_stick(tmp_path, monkeypatch):
    src = tmp_path / "数据包.json"
    with filled(tmp_path / "a.sqlite") as led:
        package.write_package(led, src)
    monkeypatch.setattr(package.Path, "read_bytes", lambda self: (_ for _ in ()).throw(os_failure("io")))
    with open_ledger(tmp_path / "b.sqlite", create=True) as led, pytest.raises(DiskIOError, match="读取数据包未能完成"):
        package.import_package_file(led, src)


def test_cli_import_package_on_full_disk(tmp_path, monkeypatch, capsys):
    src = tmp_path / "数据包.json"
    with filled(tmp_path / "a.sqlite") as led:
        package.write_package(led, src)
    target = tmp_path / "b.sqlite"
    open_ledger(target, create=True).close()
    real_insert = package.Ledger.insert_raw

    def insert_raw(self, table, values):
        if table == "members":
            raise sqlite_failure("SQLITE_FULL")
        return real_insert(self, table, values)

    monkeypatch.setattr(package.Ledger, "insert_raw", insert_raw)
    code = main(["import", "package", str(src), "--db", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("导入数据包未能完成") and "磁盘空间已满" in err
    assert "rollback" not in err
    assert members(target) == []
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT COUNT(*) FROM branch").fetchone()[0] == 0  # nothing half-written
    conn.close()


def test_lock_file_in_a_read_only_folder(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    real_open = os.open

    def refuse(p, flags, *a):
        if str(p).endswith(".lock"):
            raise os_failure("readonly", str(p))
        return real_open(p, flags, *a)

    monkeypatch.setattr(safety.os, "open", refuse)
    with pytest.raises(ReadOnlyStorageError, match="不允许写入.*只读方式查看"):
        open_ledger(path)
    with open_ledger(path, readonly=True) as led:  # reading still works
        assert led.count("members") == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes through chmod")
def test_really_read_only_folder(tmp_path):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StorageError):
            open_ledger(path)
    finally:
        tmp_path.chmod(0o755)


def test_opening_on_a_full_disk_is_a_sentence(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    filled(path).close()
    from dangzhibu_desktop.ledger import store

    def full(conn, path, warnings=None):
        raise sqlite_failure("SQLITE_FULL")

    monkeypatch.setattr(store, "_set_journal", full)
    with pytest.raises(DiskFullError, match="打开台账未能完成"):
        open_ledger(path, auto_backup=False)
    assert not safety.lock_path_for(path).exists()  # the lock was let go
    assert members(path) == ["王秀英"]
