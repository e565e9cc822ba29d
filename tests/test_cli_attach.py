"""`dangzhibu-desktop attach` (DESIGN.md): the row and the file by hash; exit 2 with one Chinese
line for a missing file, an unknown record or an unreadable image, nothing written."""

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import open_ledger
from tests.attachment_files import write_docx, write_pdf, write_photo


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "支部.sqlite"
    with open_ledger(path, create=True) as led:
        led.insert("meetings", {"kind": "支部党员大会", "date": "2025-03-20", "topic": "发展党员"})
        led.insert("trainings", {"date": "2025-03-01", "title": "党纪学习", "hours": 20})
        mid = led.insert("members", {"name": "王秀英"})
        led.insert("development_steps", {"member_id": mid, "step": 1, "date": "2025-01-05"})
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _rows(db):
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("SELECT * FROM attachments ORDER BY id")]
    finally:
        con.close()


def test_attach_photo_and_signin_sheet(capsys, db, tmp_path):
    photo = write_photo(tmp_path / "现场.jpg", size=(1200, 900), orientation=1, gps=False)
    sheet = write_pdf(tmp_path / "签到.pdf")
    code, out, err = run(capsys, "attach", photo, "--db", db, "--to", "meeting:1")
    assert code == 0, err
    assert "已添加到会议（编号1）：照片1张" in out
    code, out, err = run(capsys, "attach", sheet, "--db", db, "--to", "meeting:1", "--kind", "签到表",
                         "--title", "3月20日签到表")
    assert code == 0, err
    rows = _rows(db)
    assert [(r["owner_table"], r["owner_id"], r["kind"], r["title"]) for r in rows] == [
        ("meetings", 1, "照片", "现场"), ("meetings", 1, "签到表", "3月20日签到表")]
    folder = tmp_path / "支部_附件"
    assert rows[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert (folder / rows[0]["sha256"]).read_bytes() == photo.read_bytes()
    assert (folder / rows[1]["sha256"]).read_bytes() == sheet.read_bytes()


def test_attach_several_files_to_a_step_and_a_training(capsys, db, tmp_path):
    a, b = write_docx(tmp_path / "申请书.docx"), write_pdf(tmp_path / "谈话记录.pdf")
    code, out, err = run(capsys, "attach", a, b, "--db", db, "--to", "step:1")
    assert code == 0, err
    code, _, err = run(capsys, "attach", b, "--db", db, "--to", "training:1")
    assert code == 0, err
    rows = _rows(db)
    assert [(r["owner_table"], r["kind"]) for r in rows] == [
        ("development_steps", "文件"), ("development_steps", "扫描件"), ("trainings", "扫描件")]
    assert len(list((tmp_path / "支部_附件").iterdir())) == 2  # the same PDF stored once


@pytest.mark.parametrize("to, words", [
    ("meeting:9", "找不到编号为9的会议"),
    ("rectification:1", "找不到编号为1的整改事项"),
    ("party:1", "--to 应为 类别:编号"),
    ("meeting:x", "编号应为整数"),
])
def test_unknown_record_exit_2(capsys, db, tmp_path, to, words):
    photo = write_photo(tmp_path / "p.jpg", size=(400, 300))
    code, out, err = run(capsys, "attach", photo, "--db", db, "--to", to)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert _rows(db) == [] and not (tmp_path / "支部_附件").exists()


def test_missing_file_and_unreadable_image_exit_2(capsys, db, tmp_path):
    good = write_photo(tmp_path / "p.jpg", size=(400, 300))
    code, _, err = run(capsys, "attach", good, tmp_path / "没有.jpg", "--db", db, "--to", "meeting:1")
    assert code == 2 and "找不到文件" in err and "没有.jpg" in err
    bad = tmp_path / "坏.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    code, _, err = run(capsys, "attach", good, bad, "--db", db, "--to", "meeting:1")
    assert code == 2 and "无法读取“坏.jpg”" in err
    code, _, err = run(capsys, "attach", good, "--db", db, "--to", "meeting:1", "--kind", "录像")
    assert code == 2 and "无效的选项" in err
    assert _rows(db) == [] and not (tmp_path / "支部_附件").exists()


def test_attach_as_a_process_prints_no_traceback(db, tmp_path):
    bad = tmp_path / "坏.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    proc = subprocess.run([sys.executable, "-m", "dangzhibu_desktop", "attach", str(bad), "--db", str(db),
                           "--to", "meeting:1"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "无法读取" in proc.stderr
