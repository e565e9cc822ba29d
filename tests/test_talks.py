"""谈心谈话 (talks, schema V2_TALKS): stored with their checks, in the data package, as 佐证 owner,
in the 谈心谈话记录 export read back, counted in the 述职报告."""

from __future__ import annotations

import pytest
from docx import Document

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.ledger import LedgerError, open_ledger
from dangzhibu_desktop.ledger.package import export_package, import_package

from tests.pdf_support import needs_poppler, pdftext, squash


@pytest.fixture
def branch(ledger):
    ledger.save_branch({"name": "第一党支部", "parent_org": "某某党委"})
    sec = ledger.insert("members", {"name": "王书记"})
    red = ledger.insert("members", {"name": "李红"})
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2024-01-01"})
    ledger.insert("talks", {"date": "2026-03-12", "talker_id": sec, "member_id": red, "kind": "谈心谈话",
                            "topic": "思想和工作情况", "notes": "谈了岗位调整后的想法"})
    ledger.insert("talks", {"date": "2026-04-02", "talker_id": sec, "person_name": "刘洋", "kind": "入党谈话",
                            "topic": "收到入党申请书后谈话"})
    ledger.insert("talks", {"date": "2025-12-30", "talker_id": sec, "member_id": red, "topic": "上年"})
    return ledger, sec, red


@pytest.mark.parametrize("row, words", [
    ({"date": "2026-03-01"}, "请选择谈话对象"),
    ({"date": "2026-03-01", "person_name": "  "}, "请选择谈话对象"),
    ({"date": "2026-03-01", "member_id": "SELF", "talker_id": "SELF"}, "不能是同一人"),
    ({"date": "2026-02-30", "person_name": "刘洋"}, "日期"),
    ({"date": "2026-03-01", "person_name": "刘洋", "kind": "闲聊"}, "谈话类别"),
])
def test_bad_talks_are_refused_in_chinese_and_nothing_written(branch, row, words):
    ledger, sec, _ = branch
    row = {k: (sec if v == "SELF" else v) for k, v in row.items()}
    before = ledger.scalar("SELECT COUNT(*) FROM talks")
    with pytest.raises(LedgerError, match=words):
        ledger.insert("talks", row)
    assert ledger.scalar("SELECT COUNT(*) FROM talks") == before


def test_talks_travel_in_the_data_package(branch, tmp_path):
    ledger = branch[0]
    doc = export_package(ledger)
    assert [t["topic"] for t in doc["talks"]] == ["思想和工作情况", "收到入党申请书后谈话", "上年"]
    with open_ledger(tmp_path / "新.sqlite", create=True) as dst:
        import_package(dst, doc)
        assert export_package(dst) == doc


def test_a_photo_of_the_talk_record_attaches_to_the_talk(branch, tmp_path, capsys, ledger_path):
    from PIL import Image

    ledger = branch[0]
    talk = ledger.scalar("SELECT MIN(id) FROM talks")
    ledger.close()
    photo = tmp_path / "谈话记录.png"
    Image.new("RGB", (40, 30), "white").save(photo)
    code = main(["attach", str(photo), "--db", str(ledger_path), "--to", f"talk:{talk}", "--kind", "扫描件"])
    assert code == 0, capsys.readouterr().err
    with open_ledger(ledger_path) as led:
        assert led.scalar("SELECT COUNT(*) FROM attachments WHERE owner_table = 'talks' AND owner_id = ?",
                          (talk,)) == 1


def test_the_register_lists_the_years_talks(branch, tmp_path):
    ledger = branch[0]
    out = export_document("talks", ledger, 2026, tmp_path / "谈心谈话记录.docx")
    doc = Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "第一党支部2026年度谈心谈话记录" in text
    assert "全年开展谈心谈话2次（谈心谈话1次、入党谈话1次），谈话对象2人" in text and "王书记谈话2次" in text
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[0] == ["序号", "日期", "谈话人", "谈话对象", "类别", "谈话主题", "谈话记录"]
    assert rows[1] == ["1", "2026年3月12日", "王书记", "李红", "谈心谈话", "思想和工作情况", "谈了岗位调整后的想法"]
    assert rows[2][3] == "刘洋" and len(rows) == 3  # the one of 2025 is not in 2026's register


@needs_poppler
def test_the_register_as_pdf_and_from_the_command_line(branch, tmp_path, capsys, ledger_path):
    branch[0].close()
    out = tmp_path / "谈心谈话记录.pdf"
    assert main(["export", "talks", "--db", str(ledger_path), "--year", "2026", "--out", str(out)]) == 0
    text = squash(pdftext(out))
    assert "谈心谈话记录" in text and "收到入党申请书后谈话" in text and "上年" not in text


def test_an_empty_year_says_so(ledger, tmp_path):
    ledger.save_branch({"name": "第二党支部"})
    doc = Document(export_document("talks", ledger, 2026, tmp_path / "空.docx"))
    assert "本年度尚无谈心谈话记录。" in "\n".join(p.text for p in doc.paragraphs) and not doc.tables


def test_the_shuzhi_counts_the_talks(branch, tmp_path):
    ledger = branch[0]
    ledger.insert("meetings", {"kind": "支部委员会", "date": "2026-03-05", "topic": "研究工作"})
    doc = Document(export_document("shuzhi", ledger, 2026, tmp_path / "述职.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "全年开展谈心谈话2次，其中本人与党员和入党积极分子谈心谈话2次" in text
