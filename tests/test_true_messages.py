"""Every message true: another program's database, a ledger of a newer version, a ledger
missing a declared table or column, one that needs crash recovery, each has its own Chinese
sentence, exit 2, and the file is left exactly as it was; a refused import leaves no file."""

import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import migrations, open_ledger, safety
from dangzhibu_desktop.ledger.errors import (
    DamagedLedgerError,
    IncompleteLedgerError,
    NotALedgerError,
    RecoveryNeededError,
    TooNewError,
)
from dangzhibu_desktop.ledger.verify import verify_ledger


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled(path):
    with open_ledger(path, create=True) as led:
        led.save_branch({"name": "第一党支部"})
        led.insert("members", {"name": "王秀英", "phone": "13812345678"})
        led.insert("meetings", {"kind": "支部党员大会", "date": "2026-03-05", "topic": "学习"})
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def foreign(path, version):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO songs (title) VALUES ('x')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def all_commands(path, tmp_path):
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名,性别\n张伟,男\n", encoding="utf-8")
    return [
        ("check", "--db", path, "--year", "2026"),
        ("export", "package", "--db", path, "--out", tmp_path / "p.json"),
        ("export", "roster", "--db", path, "--year", "2026", "--out", tmp_path / "r.xlsx"),
        ("import", "roster", roster, "--db", path),
        ("backup", "--db", path, "--to", tmp_path / "bk"),
        ("verify", "--db", path),
    ]


@pytest.mark.parametrize("version", [0, 7, migrations.SCHEMA_VERSION + 5])
def test_another_programs_database(tmp_path, capsys, version):
    path = foreign(tmp_path / "music.db", version)
    before = sha(path)
    with pytest.raises(NotALedgerError, match="是其他程序的数据库"):
        open_ledger(path)
    for argv in all_commands(path, tmp_path):
        code, _out, err = run(capsys, *argv)
        assert code == 2 and "其他程序的数据库" in err and "更新版本" not in err, (argv, err)
    assert sha(path) == before and not (tmp_path / "p.json").exists()


def test_ledger_of_a_newer_version(tmp_path, capsys):
    path = filled(tmp_path / "台账.sqlite")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(TooNewError, match="更新版本.*请升级本软件"):
        open_ledger(path)
    for argv in all_commands(path, tmp_path):
        code, _out, err = run(capsys, *argv)
        assert code == 2 and "更新版本" in err, (argv, err)
    assert sha(path) == before


def _drop(path, sql):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("sql, words", [
    ("DROP TABLE checklist", "缺少数据表“自评事项”"),
    ("DROP TABLE audit_log", "缺少数据表“操作日志”"),
    ("ALTER TABLE members DROP COLUMN phone", "数据表“党员及入党人员”缺少“联系电话”"),
    ("ALTER TABLE meetings DROP COLUMN deleted_at", "数据表“三会一课及组织生活”缺少“deleted_at”"),
])
def test_missing_table_or_column_is_refused_at_open(tmp_path, capsys, sql, words):
    path = filled(tmp_path / "台账.sqlite")
    _drop(path, sql)
    before = sha(path)
    with pytest.raises(IncompleteLedgerError, match=words) as info:
        open_ledger(path)
    assert isinstance(info.value, DamagedLedgerError) and "备份" in str(info.value)
    with pytest.raises(IncompleteLedgerError):
        open_ledger(path, readonly=True)
    for argv in all_commands(path, tmp_path):
        code, out, err = run(capsys, *argv)
        assert code == 2 and words in err and "意外错误" not in err, (argv, err)
        assert "完好" not in out
    assert sha(path) == before


def test_verify_lists_every_missing_piece(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    _drop(path, "DROP TABLE checklist")
    _drop(path, "ALTER TABLE members DROP COLUMN phone")
    problems = verify_ledger(path)
    assert len(problems) == 2
    assert "自评事项" in problems[0] and "联系电话" in problems[1]


def test_sound_ledger_passes_the_schema_check(tmp_path, capsys):
    path = filled(tmp_path / "台账.sqlite")
    assert verify_ledger(path) == []
    code, out, _err = run(capsys, "verify", "--db", path)
    assert code == 0 and "完好" in out


def test_extra_columns_of_other_work_are_not_missing(tmp_path):
    path = filled(tmp_path / "台账.sqlite")
    _drop(path, "ALTER TABLE members ADD COLUMN wechat TEXT")
    assert verify_ledger(path) == []
    open_ledger(path).close()


HOT_JOURNAL = textwrap.dedent("""
    import os, sys
    from dangzhibu_desktop.ledger import open_ledger, safety
    safety.is_network_path = lambda path: True
    led = open_ledger(sys.argv[1], auto_backup=False)
    led.conn.execute("PRAGMA cache_size = 1")
    with led.transaction():
        for i in range(400):
            led.insert("members", {"name": f"临时{i}", "notes": "备注" * 500})
        os._exit(0)
""")


def test_needs_recovery_is_not_called_damaged(tmp_path, capsys, monkeypatch):
    path = tmp_path / "台账.sqlite"
    monkeypatch.setattr(safety, "is_network_path", lambda p: True)
    filled(path)
    done = subprocess.run([sys.executable, "-c", HOT_JOURNAL, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()
    before = sha(path)
    problems = verify_ledger(path)
    assert len(problems) == 1 and "上次未正常关闭" in problems[0] and "在党支部工作台的窗口中打开它一次" in problems[0]
    assert "损坏" not in problems[0]
    code, out, err = run(capsys, "verify", "--db", path)
    assert code == 2 and "需要恢复" in err and "完好" not in out
    with pytest.raises(RecoveryNeededError, match="需要恢复"):
        open_ledger(path, readonly=True)
    assert sha(path) == before and journal.exists()
    with open_ledger(path) as led:  # what the sentence says to do works
        assert [m["name"] for m in led.rows("members")] == ["王秀英"]
    assert verify_ledger(path) == []


@pytest.mark.parametrize("text", [
    "not json",
    json.dumps({"format": "other"}),
    json.dumps({"format": "dangzhibu-package", "version": 1, "branch": {"name": "x"},
                "members": [{"id": 2 ** 63, "name": "张三"}]}),
    json.dumps({"format": "dangzhibu-package", "version": 1, "branch": {"name": "x"},
                "members": [{"id": 1, "name": "张三", "party_group_id": 2 ** 64}]}),
    '{"format": "dangzhibu-package", "version": 1, "branch": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"format": "dangzhibu-package", "version": 1, "members": [{"id": 1, "name": ' + "[" * 1000 + "]" * 1000 + "}]}",
])
def test_refused_import_leaves_no_file_behind(tmp_path, capsys, text):
    src = tmp_path / "包.json"
    src.write_text(text, encoding="utf-8")
    target = tmp_path / "新台账.sqlite"
    code, _out, err = run(capsys, "import", "package", src, "--db", target)
    assert code == 2 and err.strip() and "意外错误" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["userdata", "包.json"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["包.json"]


def test_refused_import_into_an_existing_ledger_keeps_it(tmp_path, capsys):
    target = tmp_path / "台账.sqlite"
    open_ledger(target, create=True).close()
    src = tmp_path / "包.json"
    src.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    code, _out, _err = run(capsys, "import", "package", src, "--db", target)
    assert code == 2 and target.exists()
