"""创星佐证材料汇编 (export evidence): its text names every rule of the year, its images are there
(pdfimages), attached PDFs' pages are embedded, and the 目录's page numbers point at the parts."""

import re
import subprocess

import pytest
from pypdf import PdfReader

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger import attachments as att
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.rules import load_rule_set
from tests.attachment_files import pdf_bytes, write_docx, write_photo
from tests.rules_support import compliant_branch


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "支部.sqlite"
    with open_ledger(path, create=True) as led:
        compliant_branch(led)
        theme = led.rows("meetings", "kind = '主题党日' AND date LIKE '2025-03%'")[0]["id"]
        photos = [write_photo(tmp_path / f"现场{i}.jpg", size=(1600, 1200), color=(40 * i, 80, 20)) for i in range(5)]
        att.attach(led, "meetings", theme, photos)
        congress = led.rows("meetings", "kind = '支部党员大会' AND date LIKE '2025-%'")[0]["id"]
        att.attach(led, "meetings", congress, [write_photo(tmp_path / "签到.jpg", size=(1240, 1754), orientation=1)],
                   kind="签到表", title="党员大会签到表")
        (tmp_path / "扫描.pdf").write_bytes(pdf_bytes(pages=3))
        att.attach(led, "meetings", congress, [tmp_path / "扫描.pdf"], kind="扫描件", title="会议纪要扫描件")
        rect = led.insert("rectifications", {"problem": "会议记录缺少签到表", "deadline": "2025-06-30",
                                             "status": "已完成", "closed_on": "2025-06-01"})
        att.attach(led, "rectifications", rect, [write_docx(tmp_path / "整改报告.docx")])
    return path


def _pages_text(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def test_binder_names_every_rule_and_carries_the_attachments(db, tmp_path, capsys):
    out = tmp_path / "汇编.pdf"
    assert main(["export", "evidence", "--db", str(db), "--year", "2025", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    pages = _pages_text(out)
    text = "\n".join(pages)
    assert "创星佐证材料汇编" in pages[0] and "测试党支部" in pages[0]
    assert "目" in pages[1] and "录" in pages[1]
    for b in load_rule_set().basics:
        for r in b.rules:
            assert r.code in text, r.code
        assert b.name in text
    for words in ("会议一览", "党员学时统计", "党费收缴情况", "问题整改台账", "党员大会签到表",
                  "扫描件（PDF，3页）", "会议纪要扫描件", "整改报告.docx"):
        assert words in text, words
    # 5 photos: four to a page, then one; the 签到表 full page; the four 自评 items' proofs.
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    per_page = [int(line.split()[0]) for line in images.splitlines()[2:] if line.strip()]
    assert len(per_page) == 5 + 1 + 4
    assert sorted(per_page.count(p) for p in set(per_page)) == [1, 1, 4, 4]
    assert text.count("现场") >= 5
    reader = PdfReader(out)
    embedded = [i for i, p in enumerate(reader.pages) if "scan page" in (p.extract_text() or "")]
    assert len(embedded) == 3 and embedded == list(range(embedded[0], embedded[0] + 3))
    # The 目录: each part's page number is the page (footer "— N —") where its title stands.
    toc = pages[1] + pages[2]
    checked = 0
    for line in toc.splitlines():
        m = re.match(r"\s*(基本\S+（得分[\d.]+）)\s+(\d+)\s*$", line)
        if not m:
            continue
        title, n = m.group(1), int(m.group(2))
        # the printed numbers start after the cover: printed n is the (n + 1)-th page
        assert title in pages[n], (title, n)
        assert re.search(rf"—\s*{n}\s*—", pages[n]), n
        checked += 1
    assert checked == 6


def test_quarter_binder_holds_the_quarters_meetings(db, tmp_path, capsys):
    out = tmp_path / "一季度.pdf"
    assert main(["export", "evidence", "--db", str(db), "--year", "2025", "--quarter", "1",
                 "--out", str(out)]) == 0, capsys.readouterr().err
    text = "\n".join(_pages_text(out))
    assert "“三会一课”季度合订" in text and "2025年第一季度" in text
    assert "ACT-CONGRESS" in text and "ORG-FORM" not in text
    with open_ledger(db, readonly=True) as led:
        q1 = led.rows("meetings", "date >= '2025-01-01' AND date <= '2025-03-31'")
        later = led.rows("meetings", "date >= '2025-04-01' AND date <= '2025-12-31'")
    assert text.count("会议一览") == 1
    assert all(m["topic"] in text for m in q1 if m.get("topic"))
    assert "12月" not in text.split("会议一览")[1].split("佐证材料")[0] or not later
    assert main(["export", "evidence", "--db", str(db), "--year", "2025", "--quarter", "5",
                 "--out", str(out)]) == 2
