"""The command line contract: exit codes and one-line Chinese messages, never a traceback."""

import json
import subprocess
import sys

import pytest

from dangzhibu_desktop import __version__
from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import open_ledger
from tests.package_support import fill


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "src.sqlite"
    with open_ledger(path, create=True) as led:
        fill(led)
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out and "党支部工作台" in out


def test_package_round_trip_through_cli(capsys, tmp_path, filled):
    out1 = tmp_path / "a.json"
    code, out, _ = run(capsys, "export", "package", "--db", str(filled), "--out", str(out1))
    assert code == 0 and "已导出数据包" in out
    code, out, _ = run(capsys, "import", "package", str(out1), "--db", str(tmp_path / "new.sqlite"))
    assert code == 0 and "已导入数据包" in out
    out2 = tmp_path / "b.json"
    assert run(capsys, "export", "package", "--db", str(tmp_path / "new.sqlite"), "--out", str(out2))[0] == 0
    assert json.loads(out1.read_text("utf-8")) == json.loads(out2.read_text("utf-8"))


@pytest.mark.parametrize("argv, words", [
    (["check", "--year", "2025"], "缺少参数：--db"),
    (["export", "pdf", "--db", "x", "--out", "y"], "无效的选项"),
    (["export", "package", "--db", "missing.sqlite", "--out", "x.json"], "找不到台账文件"),
    (["check", "--db", "x", "--year", "abc"], "年度应为四位数字"),
    (["check", "--db", "x", "--year", "2025", "--as-of", "2025/01/01"], "YYYY-MM-DD"),
    (["backup", "--db", "nope.sqlite"], "找不到台账文件"),
    (["--bogus"], "无法识别的参数"),
])
def test_bad_input_exit_2_one_line(capsys, tmp_path, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_package_exit_2_and_nothing_written(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "dangzhibu-package", "version": 1, "members": [{"id": 1}]}', "utf-8")
    target = tmp_path / "new.sqlite"
    code, _, err = run(capsys, "import", "package", str(bad), "--db", str(target))
    assert code == 2 and "党员及入党人员第1条（编号1）：请填写姓名" in err
    assert not target.exists()  # a refused import leaves no empty ledger behind


def test_backup_and_verify(capsys, tmp_path, filled):
    code, out, _ = run(capsys, "backup", "--db", str(filled), "--to", str(tmp_path / "bk"))
    assert code == 0
    copies = list((tmp_path / "bk").glob("*.sqlite"))
    assert len(copies) == 1
    with open_ledger(copies[0]) as led:
        assert led.count("members") == 2
    code, out, _ = run(capsys, "verify", "--db", str(copies[0]))
    assert code == 0 and "完好" in out


def test_verify_finds_damage(capsys, tmp_path, filled):
    data = bytearray(filled.read_bytes())
    # Make sure the WAL is merged first so the damage lands in the main file.
    with open_ledger(filled) as led:
        led.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(filled.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):
        data[offset:offset + 50] = b"\xff" * 50
    filled.write_bytes(bytes(data))
    code, _, err = run(capsys, "verify", "--db", str(filled))
    assert code == 2 and err.strip()
    not_ledger = tmp_path / "x.sqlite"
    not_ledger.write_text("plain text")
    code, _, err = run(capsys, "verify", "--db", str(not_ledger))
    assert code == 2 and "不是党支部工作台的台账文件" in err


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "dangzhibu_desktop", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout
