"""Data safety: safe open (damaged files untouched), one writer, read-only opening,
backups and their rotation, restore, 操作日志, and personal data kept out of log files."""

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import LedgerError, open_ledger, store
from dangzhibu_desktop.ledger import backup as bk
from dangzhibu_desktop.ledger import migrations
from dangzhibu_desktop.ledger import safety
from dangzhibu_desktop.ledger.package import export_package, import_package_file

NEXT = migrations.SCHEMA_VERSION + 1  # a schema version one past this release's

ID_A = "11010519491231002X"


def fill(led):
    """A small ledger with a member, a meeting with attendance and dues."""
    led.save_branch({"name": "第一党支部", "parent_org": "集团公司党委"})
    a = led.insert("members", {"name": "王秀英", "gender": "女", "id_number": ID_A, "birth_date": "1949-12-31",
                               "phone": "13812345678"})
    b = led.insert("members", {"name": "张伟"})
    m = led.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-05", "topic": "学习"})
    led.replace_children("attendance", m, [{"member_id": a, "status": "出席"}, {"member_id": b, "status": "缺席"}])
    led.insert("dues", {"member_id": a, "month": "2025-01", "amount_due": 2400})
    return a, b, m


def make_filled(path):
    with open_ledger(path, create=True) as led:
        fill(led)
    return path


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checkpointed(path):
    """Merge the WAL into the main file so byte-level damage lands where it counts."""
    with open_ledger(path, auto_backup=False) as led:
        led.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---- refusing bad files, untouched ----------------------------------------------------
def _damaged_variants(tmp_path):
    good = checkpointed(make_filled(tmp_path / "good.sqlite"))
    data = good.read_bytes()
    page = 4096
    out = {}

    def put(name, content):
        p = tmp_path / f"{name}.sqlite"
        p.write_bytes(content)
        out[name] = p

    put("truncated", data[: len(data) // 2])
    mangled = bytearray(data)
    for offset in range(page, len(mangled), page):  # every b-tree page header
        mangled[offset:offset + 12] = b"\xff" * 12
    put("mangled_pages", bytes(mangled))
    zeroed = bytearray(data)
    zeroed[2 * page:6 * page] = b"\x00" * (4 * page)
    put("zeroed_pages", bytes(zeroed))
    put("header_only", data[:100])
    put("text", "姓名,身份证号\n王秀英,11010519491231002X\n".encode("utf-8"))
    put("zip", b"PK\x03\x04" + os.urandom(2000))
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(data)
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    con.close()
    out["newer"] = newer
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (a TEXT)")
    con.execute("INSERT INTO notes VALUES ('x')")
    con.commit()
    con.close()
    out["foreign"] = foreign
    dangling = tmp_path / "dangling.sqlite"
    dangling.write_bytes(data)
    con = sqlite3.connect(dangling)
    con.execute("INSERT INTO attendance (meeting_id, member_id, status, created_at, updated_at) "
                "VALUES (1, 999, '出席', 'x', 'x')")
    con.commit()
    con.close()
    out["dangling"] = dangling
    return out


EXPECTED_WORDS = {
    "truncated": "已损坏", "mangled_pages": "已损坏", "zeroed_pages": "已损坏", "header_only": "已损坏",
    "text": "不是党支部工作台的台账文件", "zip": "不是党支部工作台的台账文件", "newer": "更新版本",
    "foreign": "其他程序的数据库", "dangling": "引用了不存在的记录",
}


# Damage that only the full check (integrity_check + foreign_key_check) finds: it runs on the
# day's first writable open, on backups, imports and package exports, not on read-only opens.
FOUND_BY_FULL_CHECK = {"dangling"}


def test_bad_files_refused_with_chinese_message_and_left_untouched(tmp_path, capsys):
    variants = _damaged_variants(tmp_path)
    assert set(variants) == set(EXPECTED_WORDS)
    for name, path in variants.items():
        before = sha(path)
        siblings = set(os.listdir(tmp_path))
        for kwargs in ({}, {"readonly": True}, {"create": True}):
            if name in FOUND_BY_FULL_CHECK and kwargs.get("readonly"):
                with open_ledger(path, **kwargs):  # a read-only open runs the quick check only
                    pass
                continue
            with pytest.raises(LedgerError) as info:
                open_ledger(path, **kwargs)
            assert EXPECTED_WORDS[name] in str(info.value), (name, str(info.value))
        for argv in (["export", "package", "--db", path, "--out", tmp_path / "o.json"],
                     ["backup", "--db", path],
                     ["import", "package", tmp_path / "nothing.json", "--db", path]):
            if argv[0] == "import":
                (tmp_path / "nothing.json").write_text('{"format": "dangzhibu-package", "version": 1}', "utf-8")
            code, _, err = run(capsys, *argv)
            assert code == 2, (name, argv, err)
            assert err.count("\n") == 1 and "Traceback" not in err
        assert sha(path) == before, name
        # No lock file, backup folder or journal left behind beside the refused file.
        new = set(os.listdir(tmp_path)) - siblings - {"nothing.json"}
        assert not new, (name, new)
    assert not (tmp_path / "o.json").exists()


def test_refused_file_offers_the_latest_good_backup(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    with open_ledger(path) as led:
        older = led.backup()
    with open_ledger(path) as led:
        led.insert("members", {"name": "李四"})
        newest = led.backup()
    # A damaged newer copy must be skipped in favour of a good one.
    newest.write_bytes(newest.read_bytes()[:3000])
    checkpointed(path)
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(LedgerError, match="已损坏"):
        open_ledger(path)
    good = safety.latest_good_backup(path)
    assert good is not None and good != newest
    assert good in {b.path for b in safety.list_backups(path)}
    damaged_bytes = path.read_bytes()
    assert safety.restore_backup(good, path) == path
    with open_ledger(path) as led:
        assert {m["name"] for m in led.rows("members")} == {"王秀英", "张伟"}
    # The damaged file was kept byte for byte as a 恢复前 copy.
    kept = [b for b in safety.list_backups(path) if b.reason == bk.REASON_RESTORE]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged_bytes
    assert older.exists()


def test_older_version_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = make_filled(tmp_path / "台账.sqlite")
    checkpointed(path)
    v1_bytes = path.read_bytes()
    v2 = "ALTER TABLE members ADD COLUMN wechat TEXT;\nCREATE TABLE notes_v2 (id INTEGER PRIMARY KEY, t TEXT);"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + (v2,))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(store, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(safety, "SCHEMA_VERSION", NEXT)
    with pytest.raises(LedgerError, match="需要先升级"):
        open_ledger(path, readonly=True)
    with open_ledger(path) as led:
        assert led.migrated_from == migrations.SCHEMA_VERSION - 1
        assert led.scalar("PRAGMA user_version") == NEXT
        assert "wechat" in {r["name"] for r in led.query("PRAGMA table_info(members)")}
        assert led.count("members") == 2
    backups = safety.list_backups(path)
    assert [b.reason for b in backups] == [bk.REASON_MIGRATION]
    con = sqlite3.connect(backups[0].path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION - 1
    assert con.execute("SELECT name FROM members ORDER BY id").fetchall() == [("王秀英",), ("张伟",)]
    con.close()
    assert len(v1_bytes) > 0


def test_migration_is_refused_when_its_backup_fails(tmp_path, monkeypatch):
    path = checkpointed(make_filled(tmp_path / "台账.sqlite"))
    before = sha(path)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + ("CREATE TABLE x2 (a);",))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(store, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(safety, "SCHEMA_VERSION", NEXT)
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the backup folder should go")
    with pytest.raises(LedgerError, match="无法创建备份文件夹"):
        open_ledger(path, backup_dir=blocker / "sub")
    assert sha(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == NEXT - 1
    con.close()


# ---- one writer -----------------------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sys, time
    from dangzhibu_desktop.ledger import open_ledger
    led = open_ledger(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    led.insert("members", {"name": "后来者"})
    print("wrote", flush=True)
    time.sleep(60)
""")


def test_second_writer_refused_in_process(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    with open_ledger(path) as led:
        with pytest.raises(LedgerError, match="台账“台账.sqlite”已在另一个窗口中打开"):
            open_ledger(path)
        with pytest.raises(safety.LedgerLockedError):
            open_ledger(tmp_path / "." / "台账.sqlite")
        with pytest.raises(LedgerError, match="已在另一个窗口中打开"):
            safety.restore_backup(led.backup(), path)
        # Read-only opening works beside the writer and sees what it commits.
        with open_ledger(path, readonly=True) as ro:
            led.insert("members", {"name": "李四"})
            assert ro.count("members") == 3
            with pytest.raises(sqlite3.OperationalError):
                ro.conn.execute("DELETE FROM members")
        assert safety.lock_path_for(path).exists()
    assert not safety.lock_path_for(path).exists()
    with open_ledger(path) as led:  # released on close
        assert led.count("members") == 3


def test_lock_dropped_when_ledger_is_forgotten(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    led = open_ledger(path)
    del led  # no close(): the garbage-collected lock file handle releases the OS lock
    import gc

    gc.collect()
    open_ledger(path).close()


def test_other_process_holds_the_lock_until_it_dies(tmp_path, capsys):
    path = make_filled(tmp_path / "台账.sqlite")
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "open"
        with pytest.raises(safety.LedgerLockedError) as info:
            open_ledger(path)
        assert f"进程{proc.pid}" in str(info.value)
        (tmp_path / "x.json").write_text('{"format": "dangzhibu-package", "version": 1}', "utf-8")
        code, _, err = run(capsys, "import", "package", tmp_path / "x.json", "--db", path)
        assert code == 2 and "已在另一个窗口中打开" in err and f"进程{proc.pid}" in err
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "wrote"
        # Read-only commands still work while the other process has it open.
        code, out, err = run(capsys, "export", "package", "--db", path, "--out", tmp_path / "p.json")
        assert code == 0, err
        names = {m["name"] for m in json.loads((tmp_path / "p.json").read_text("utf-8"))["members"]}
        assert "后来者" in names
        code, out, err = run(capsys, "backup", "--db", path, "--to", tmp_path / "bk")
        assert code == 0, err
        assert run(capsys, "verify", "--db", path)[0] == 0
    finally:
        proc.kill()
        proc.wait()
    # The holder crashed: its lock file is still there but no longer blocks.
    assert safety.lock_path_for(path).exists()
    with open_ledger(path) as led:
        assert led.count("members") == 3


# ---- backups --------------------------------------------------------------------------
def test_automatic_backup_at_most_once_a_day(tmp_path):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        pass
    with open_ledger(path):  # empty ledger: nothing to protect yet
        pass
    assert safety.list_backups(path) == []
    make_filled(path)
    for _ in range(3):
        with open_ledger(path) as led:
            led.insert("members", {"name": "李四"})
    backups = safety.list_backups(path)
    assert [b.reason for b in backups] == [bk.REASON_DAILY]
    assert backups[0].path.parent == tmp_path / "台账_备份"
    assert backups[0].made_at.date() == dt.date.today() and backups[0].size > 0
    # The day's backup holds the data as it was at the first open of the day.
    con = sqlite3.connect(backups[0].path)
    assert con.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 2
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    # A folder chosen in settings.
    chosen = tmp_path / "elsewhere"
    with open_ledger(path, backup_dir=chosen):
        pass
    assert [b.reason for b in safety.list_backups(path, chosen)] == [bk.REASON_DAILY]


def test_backup_failure_is_a_warning_not_a_refusal(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with open_ledger(path, backup_dir=blocker / "sub") as led:
        assert any("自动备份未能完成" in w for w in led.warnings)
        led.insert("members", {"name": "李四"})


def _fake_backup(folder, stem, when, reason="自动"):
    p = folder / f"{stem}_{when:%Y%m%d-%H%M%S}_{reason}.sqlite"
    p.write_bytes(b"x")
    return p


def test_rotation_keeps_last_ten_and_one_per_month_for_a_year(tmp_path):
    folder = tmp_path / "台账_备份"
    folder.mkdir()
    today = dt.date(2026, 6, 15)
    made = []
    # Daily backups for 500 days back, several a day in the last week.
    for days in range(500):
        when = dt.datetime(2026, 6, 15, 9) - dt.timedelta(days=days)
        made.append(_fake_backup(folder, "台账", when))
    for hour in (10, 11, 12):
        made.append(_fake_backup(folder, "台账", dt.datetime(2026, 6, 15, hour), "导入前"))
    unrelated = _fake_backup(folder, "其他台账", dt.datetime(2020, 1, 1))
    (folder / "说明.txt").write_text("用户自己的文件")
    gone = bk.rotate_backups(tmp_path / "台账.sqlite", folder, today=today)
    left = safety.list_backups(tmp_path / "台账.sqlite", folder)
    assert len(gone) + len(left) == len(made)
    newest_ten = sorted(made, key=lambda p: p.name.split("_")[1])[-10:]
    assert set(newest_ten) <= {b.path for b in left}
    months = {(b.made_at.year, b.made_at.month) for b in left}
    expected_months = {((2026 * 12 + 5 - k) // 12, (2026 * 12 + 5 - k) % 12 + 1) for k in range(12)}
    assert months == expected_months
    # Exactly one per month outside the newest ten, and it is that month's newest.
    older = [b for b in left if b.path not in set(newest_ten)]
    assert len(older) == len({(b.made_at.year, b.made_at.month) for b in older}) == 11
    for b in older:
        same_month = [p for p in made if p.name.split("_")[1].startswith(b.made_at.strftime("%Y%m"))]
        assert b.path == max(same_month, key=lambda p: p.name.split("_")[1])
    assert unrelated.exists() and (folder / "说明.txt").exists()
    assert len(left) == 21


def test_backup_now_rotates_and_cli_backup(tmp_path, capsys):
    path = make_filled(tmp_path / "台账.sqlite")
    folder = tmp_path / "台账_备份"
    folder.mkdir()
    for k in range(15):
        _fake_backup(folder, "台账", dt.datetime.now() - dt.timedelta(minutes=10 + k))
    code, out, err = run(capsys, "backup", "--db", path)
    assert code == 0 and "已备份到" in out
    backups = safety.list_backups(path)
    assert len(backups) == 10 and backups[0].reason == bk.REASON_MANUAL
    con = sqlite3.connect(backups[0].path)
    assert con.execute("SELECT name FROM members ORDER BY id").fetchall() == [("王秀英",), ("张伟",)]
    con.close()


def test_backup_refuses_a_damaged_source(tmp_path):
    path = checkpointed(make_filled(tmp_path / "台账.sqlite"))
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 5] = b"\x00" * (4096 * 3)
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerError, match="备份失败|已损坏"):
        bk.backup_ledger(path)
    assert safety.list_backups(path) == []
    assert not list((tmp_path / "台账_备份").glob("*.tmp"))


def _add_dangling_reference(path):
    con = sqlite3.connect(path)
    con.execute("INSERT INTO attendance (meeting_id, member_id, status, created_at, updated_at) "
                "VALUES (1, 999, '出席', 'x', 'x')")
    con.commit()
    con.close()


def test_full_check_once_a_day_then_before_backup_import_and_package(tmp_path, capsys):
    """Opening checks pages only (quick_check) once the day's first writable open has checked
    everything; a reference broken later is still found by every step that copies the data."""
    path = make_filled(tmp_path / "台账.sqlite")
    with open_ledger(path):  # the day's first open: full check, then the day's backup
        pass
    assert len(safety.list_backups(path)) == 1
    _add_dangling_reference(path)
    with open_ledger(path) as led:  # later that day: quick check only
        assert led.scalar("SELECT COUNT(*) FROM members") == 2
    with open_ledger(path, readonly=True):
        pass
    with pytest.raises(LedgerError, match="备份失败.*1处引用了不存在的记录"):
        bk.backup_ledger(path)
    (tmp_path / "p.json").write_text('{"format": "dangzhibu-package", "version": 1}', "utf-8")
    for argv in (["export", "package", "--db", path, "--out", tmp_path / "o.json"],
                 ["export", "package", "--db", path, "--out", tmp_path / "o.zip"],
                 ["import", "package", tmp_path / "p.json", "--db", path],
                 ["verify", "--db", path]):
        code, _, err = run(capsys, *argv)
        assert code != 0 and "引用了不存在的记录" in err, (argv, err)
    assert not (tmp_path / "o.json").exists() and not (tmp_path / "o.zip").exists()
    # The next day's first open finds it and refuses, before anything is written.
    for b in safety.list_backups(path):
        b.path.unlink()
    before = sha(path)
    with pytest.raises(LedgerError, match="1处引用了不存在的记录"):
        open_ledger(path)
    assert sha(path) == before


def test_restore_backs_up_current_file_first(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    with open_ledger(path) as led:
        snapshot = led.backup()
        led.insert("members", {"name": "赵六"})
        assert led.count("members") == 3
    safety.restore_backup(snapshot, path)
    with open_ledger(path) as led:
        assert led.count("members") == 2
    kept = [b for b in safety.list_backups(path) if b.reason == bk.REASON_RESTORE]
    assert len(kept) == 1
    con = sqlite3.connect(kept[0].path)
    assert con.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 3  # the undo is possible
    con.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_text("不是备份")
    with pytest.raises(LedgerError, match="不能用于恢复"):
        safety.restore_backup(bad, path)


# ---- crash safety settings ------------------------------------------------------------
def test_wal_and_full_sync_locally_delete_journal_on_network(tmp_path, monkeypatch):
    path = tmp_path / "台账.sqlite"
    with open_ledger(path, create=True) as led:
        assert led.scalar("PRAGMA journal_mode") == "wal"
        assert led.scalar("PRAGMA synchronous") == 2  # FULL
        assert led.scalar("PRAGMA foreign_keys") == 1
        assert led.warnings == []
    monkeypatch.setattr(safety, "is_network_path", lambda p: True)
    with open_ledger(path) as led:
        assert led.scalar("PRAGMA journal_mode") == "delete"
        assert led.scalar("PRAGMA synchronous") == 2
        assert any("网络" in w for w in led.warnings)


def test_network_path_detection():
    assert safety.is_network_path(__import__("pathlib").Path("//server/share/台账.sqlite"))
    assert safety.is_network_path(__import__("pathlib").PureWindowsPath(r"\\server\share\台账.sqlite"))
    mounts = textwrap.dedent("""\
        /dev/sda1 / ext4 rw 0 0
        //nas/党建 /mnt/nas cifs rw 0 0
        srv:/export /home/me/nfs nfs4 rw 0 0
        /dev/sdb1 /mnt/nas/local ext4 rw 0 0
        """)
    assert safety.mount_fstype("/mnt/nas/台账.sqlite", mounts) == "cifs"
    assert safety.mount_fstype("/mnt/nas/local/台账.sqlite", mounts) == "ext4"
    assert safety.mount_fstype("/mnt/nasty/x", mounts) == "ext4"
    assert safety.mount_fstype("/home/me/nfs/a/b.sqlite", mounts) == "nfs4"


# ---- 操作日志 --------------------------------------------------------------------------
def test_every_change_is_in_the_audit_log(ledger, tmp_path):
    a, b, m = fill(ledger)
    ledger.update("members", b, {"work_post": "调度员"})
    ledger.delete("members", b)
    ledger.restore("members", b)
    ledger.delete("dues", ledger.rows("dues")[0]["id"])
    ledger.empty_recycle_bin()
    entries = ledger.audit_entries()
    seen = {(e["table_name"], e["action"]) for e in entries}
    assert {("branch", "新增"), ("members", "新增"), ("meetings", "新增"), ("attendance", "修改"),
            ("dues", "新增"), ("members", "修改"), ("members", "删除"), ("members", "恢复"),
            ("dues", "删除"), ("dues", "彻底删除")} <= seen
    upd = next(e for e in entries if e["table_name"] == "members" and e["action"] == "修改")
    assert json.loads(upd["before"])["work_post"] is None and json.loads(upd["after"])["work_post"] == "调度员"
    # A refused write leaves no audit entry behind.
    n = ledger.scalar("SELECT COUNT(*) FROM audit_log")
    with pytest.raises(LedgerError):
        ledger.insert("members", {"name": "坏", "id_number": "110105194912310021"})
    assert ledger.scalar("SELECT COUNT(*) FROM audit_log") == n
    # A package import is one audit entry, in the same transaction as its rows.
    pkg = tmp_path / "p.json"
    pkg.write_text(json.dumps(export_package(ledger), ensure_ascii=False), "utf-8")
    with open_ledger(tmp_path / "new.sqlite", create=True) as dst:
        counts = import_package_file(dst, pkg)
        log = dst.audit_entries()
        assert len(log) == 1 and log[0]["table_name"] == "package"
        assert json.loads(log[0]["after"])["导入数据包"] == counts


# ---- personal data out of log files ---------------------------------------------------
def test_log_masking_keeps_id_numbers_and_phones_out_of_files(tmp_path):
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logger = logging.getLogger("dangzhibu_test_masking")
    logger.addHandler(handler)
    logger.propagate = False
    safety.install_log_masking(logger)
    safety.install_log_masking(logger)  # idempotent
    assert sum(isinstance(f, safety.PersonalDataFilter) for f in handler.filters) == 1
    try:
        logger.warning("导入 %s 身份证号%s 电话 %s", "王秀英", ID_A, "138-1234-5678")
        logger.warning("旧号码 110105491231002 与 +86 139 0000 1111，编号 12345 金额 40.00")
        try:
            raise ValueError(f"身份证号{ID_A}校验位错误，手机13912345678")
        except ValueError:
            logger.exception("导入失败")
    finally:
        handler.close()
        logger.removeHandler(handler)
    text = log_file.read_text("utf-8")
    assert ID_A not in text and "110105491231002" not in text
    assert "13812345678" not in text.replace("-", "") and "13912345678" not in text
    assert "13900001111" not in text.replace(" ", "")
    assert "**************002X" in text and "138****5678" in text
    assert "王秀英" in text and "编号 12345" in text and "40.00" in text and "导入失败" in text
    assert "ValueError" in text


def test_mask_personal_data_leaves_other_numbers():
    assert safety.mask_personal_data("2025-03-05 共12人 第20250305号") == "2025-03-05 共12人 第20250305号"
    assert safety.mask_personal_data("卡号6222021234567890123") == "卡号6222021234567890123"
    assert safety.mask_personal_data("手机：15800001234。") == "手机：158****1234。"


def test_lock_follows_symlinks(tmp_path):
    path = make_filled(tmp_path / "台账.sqlite")
    link = tmp_path / "link.sqlite"
    try:
        link.symlink_to(path)
    except OSError:
        pytest.skip("no symlinks here")
    with open_ledger(path):
        with pytest.raises(safety.LedgerLockedError):
            safety.LedgerLock(link).acquire()
        assert safety.LedgerLock(link).path == safety.lock_path_for(path)


@pytest.mark.parametrize("code, words", [
    ("SQLITE_BUSY", "正被其他程序占用"), ("SQLITE_CANTOPEN", "无法读取"), ("SQLITE_IOERR_SHORT_READ", "磁盘出错"),
    ("SQLITE_CORRUPT", "已损坏"), ("SQLITE_NOTADB", "已损坏"),
])
def test_read_failures_are_not_all_called_damage(tmp_path, code, words):
    class Failing:
        def execute(self, sql):
            exc = sqlite3.OperationalError("simulated")
            exc.sqlite_errorname = code
            raise exc

    with pytest.raises(LedgerError, match=words):
        safety.check_contents(Failing(), tmp_path / "台账.sqlite")
