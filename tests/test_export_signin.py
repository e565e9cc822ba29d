"""签到表 (export signin --meeting ID): exactly the expected people of the meeting, the header
fields, A4; after the meeting the attached scan follows; the 会议记录簿 names those present."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import attachments as att
from dangzhibu_desktop.ledger import open_ledger
from tests.attachment_files import pdf_bytes, write_photo

sys.path.insert(0, str(Path(__file__).parent))
from ui_dialogs_data import build_branch  # noqa: E402


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "支部.sqlite"
    with open_ledger(path, create=True) as led:
        people = build_branch(led)
        led.save_branch({"name": "机关第一党支部"})
        groups = led.rows("party_groups")
        future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
        led.insert("meetings", {"kind": "支部党员大会", "date": future, "start_time": "14:30",
                                "end_time": "16:00", "place": "三楼党员活动室", "host_id": people["张伟"],
                                "recorder_id": people["李娜"], "topic": "讨论发展对象"})
        past = led.insert("meetings", {"kind": "党小组会", "date": "2025-03-05", "party_group_id": groups[0]["id"],
                                       "topic": "学习党章", "host_id": people["张伟"]})
        members = [m for m in led.rows("members") if m.get("party_group_id") == groups[0]["id"]]
        led.replace_children("attendance", past, [
            {"member_id": m["id"], "status": "出席" if i == 0 else "请假", "reason": None if i == 0 else "出差"}
            for i, m in enumerate(members)])
    return path


def _expected_names(db, meeting_id):
    from dangzhibu_desktop.exports.signin import expected_people

    with open_ledger(db, readonly=True) as led:
        return [p["name"] for p in expected_people(led, led.get("meetings", meeting_id))]


def _pdftext(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_before_the_meeting_lists_exactly_the_expected_people(db, tmp_path, capsys):
    out = tmp_path / "签到表.pdf"
    assert main(["export", "signin", "--db", str(db), "--meeting", "1", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    with open_ledger(db, readonly=True) as led:
        expected = sorted(m["name"] for m in led.members_on(led.get("meetings", 1)["date"])
                          if led.member_category(m["id"]) in ("正式党员", "预备党员"))
    assert sorted(_expected_names(db, 1)) == expected
    text = _pdftext(out)
    for word in ("支部党员大会签到表", "三楼党员活动室", "讨论发展对象", "14:30—16:00", "签名", "应到"):
        assert word in text, word
    with open_ledger(db, readonly=True) as led:
        names_in_pdf = [m["name"] for m in led.rows("members") if m["name"] in text]
    assert sorted(names_in_pdf) == expected
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_after_the_meeting_shows_attendance_and_the_attached_scan(db, tmp_path, capsys):
    group_names = _expected_names(db, 2)
    with open_ledger(db) as led:
        att.attach(led, "meetings", 2, [write_photo(tmp_path / "签到.jpg", size=(2480, 3508), orientation=1)],
                   kind="签到表", title="3月5日签到表")
        (tmp_path / "补签.pdf").write_bytes(pdf_bytes(pages=3))
        att.attach(led, "meetings", 2, [tmp_path / "补签.pdf"], kind="签到表")
    out = tmp_path / "s.pdf"
    assert main(["export", "signin", "--db", str(db), "--meeting", "2", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    text = _pdftext(out)
    assert "党小组会签到表" in text and "出勤情况" in text and "请假（出差）" in text
    assert "签到表扫描件：3月5日签到表" in text
    for name in group_names:
        assert name in text
    reader = PdfReader(out)
    assert len(reader.pages) == 1 + 1 + 3  # the sheet, the scan image, the three PDF pages
    assert "scan page 3" in reader.pages[-1].extract_text()
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
    assert len([l for l in images.splitlines()[2:] if l.strip()]) >= 1
    docx_out = tmp_path / "s.docx"
    assert main(["export", "signin", "--db", str(db), "--meeting", "2", "--out", str(docx_out)]) == 0
    d = docx.Document(docx_out)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert all(n in cells for n in group_names) and "签名" in cells
    assert len(d.inline_shapes) == 1
    assert any("补签" in p.text and "共3页" in p.text for p in d.paragraphs)


def test_signin_refusals(db, tmp_path, capsys):
    assert main(["export", "signin", "--db", str(db), "--out", str(tmp_path / "a.pdf")]) == 2
    assert "--meeting" in capsys.readouterr().err
    assert main(["export", "signin", "--db", str(db), "--meeting", "9", "--out", str(tmp_path / "a.pdf")]) == 2
    assert "找不到编号为9的会议" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()


def test_meeting_book_names_those_present(db, tmp_path):
    out = tmp_path / "记录簿.pdf"
    assert main(["export", "ledger", "--db", str(db), "--year", "2025", "--out", str(out)]) == 0
    text = _pdftext(out)
    with open_ledger(db, readonly=True) as led:
        present = [led.get("members", a["member_id"])["name"] for a in led.children("attendance", 2)
                   if a["status"] == "出席"]
    assert "出席人员" in text and all(n in text for n in present)
