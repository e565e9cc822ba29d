"""Defects found by walking through the integrated window as a secretary does; each test reads the
SQLite file (or what is on screen) afterwards."""

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch, valid_id  # noqa: E402

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def db_rows(path, sql, params=()):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_same_id_number_twice_is_refused(qtbot, ledger, ledger_path):
    """Adding a person already on the roll (same 身份证号) again must be refused, not doubled."""
    ids = build_branch(ledger)
    number = valid_id("11010519850312002")
    ledger.update("members", ids["张伟"], {"id_number": number})

    dlg = D.MemberDialog(ledger, None, None)
    qtbot.addWidget(dlg)
    dlg.ui.nameEdit.setText("张伟")
    dlg.ui.idNumberEdit.setText(number.lower())
    dlg.ui.idNumberEdit.textEdited.emit(number.lower())
    assert not dlg.save()
    assert "张伟" in dlg.ui.errorLabel.text() and "重复" in dlg.ui.errorLabel.text()
    assert dlg.ui.idNumberEdit.property("invalid") is True
    assert db_rows(ledger_path, "SELECT count(*) FROM members WHERE id_number = ?", (number,)) == [(1,)]

    # Editing the person who holds the number is not a duplicate of itself.
    own = D.MemberDialog(ledger, ids["张伟"], None)
    qtbot.addWidget(own)
    own.ui.phoneEdit.setText("13800138000")
    assert own.save(), own.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT phone FROM members WHERE id = ?", (ids["张伟"],)) == [("13800138000",)]


def _docx_text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_shuzhi_training_counts_only_party_members(qtbot, ledger, tmp_path):
    """A 集中培训 with an 入党积极分子 among the trainees: the 述职报告 must not call them 参训党员."""
    import datetime as _dt

    from dangzhibu_desktop.exports import export_document

    ids = build_branch(ledger)
    today = _dt.date.today()
    dlg = D.TrainingDialog(ledger, None, None)
    qtbot.addWidget(dlg)
    dlg.ui.titleEdit.setText("党纪学习教育专题培训")
    dlg.ui.dateEdit.set_date(today)
    dlg.ui.hoursEdit.setText("4")
    dlg.ui.hoursEdit.editingFinished.emit()
    dlg.select_all(True)
    assert dlg.save(), dlg.ui.errorLabel.text()
    trainees = {r["member_id"] for r in ledger.query("SELECT member_id FROM training_attendance")}
    assert ids["刘洋"] in trainees and ids["张伟"] in trainees  # the activist was on the course

    out = export_document("shuzhi", ledger, today.year, tmp_path / "述职报告.docx")
    text = _docx_text(out)
    # 张伟、李娜、王强 正式, 赵敏 预备: four 党员; 刘洋 is an 积极分子.
    assert "支部共有党员4名" in text
    assert "参训党员4名" in text, text
    assert "累计16学时" in text and "人均4.0学时" in text


def test_party_groups_listed_in_their_order_not_by_code_point(qtbot, ledger):
    """第一、第二、第三党小组 everywhere in that order (by name 第三 sorted before 第二), as on the 工作台."""
    from dangzhibu_desktop.ui.main_window import MainWindow

    names = ["第一党小组", "第二党小组", "第三党小组"]
    for name in names:
        ledger.insert("party_groups", {"name": name})
    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        branch = win.show_page("branch")
        branch.groups.ensure_fresh()
        assert [r["name"] for r in branch.groups.model.all_rows()] == names
        meetings = win.show_page("meetings")
        box = meetings.filter_boxes["party_group_id"]
        assert [box.itemText(i) for i in range(1, box.count())] == names
        dlg = D.MeetingDialog(ledger, None, None)
        qtbot.addWidget(dlg)
        combo = dlg.ui.partyGroupCombo
        assert [combo.itemText(i) for i in range(1, combo.count())] == names
    finally:
        win.session.runner.pool.waitForDone(10000)


def test_applicant_registered_on_development_page_appears_there(qtbot, ledger, ledger_path, monkeypatch):
    """发展党员 → 登记入党申请人: the person must be listed there afterwards (with step 1 recorded)."""
    from dangzhibu_desktop.ui.main_window import MainWindow

    build_branch(ledger)

    def fill_and_save(parent, led, table, row_id=None, defaults=None):
        dlg = D.dialog_for(parent, led, table, row_id, defaults)
        qtbot.addWidget(dlg)
        dlg.ui.nameEdit.setText("孙悦")
        assert "入党申请人" in dlg.ui.categoryLabel.text()
        assert dlg.save(), dlg.ui.errorLabel.text()
        return dlg.saved_id

    monkeypatch.setattr(D, "edit_record", fill_and_save)
    win = MainWindow(ledger, persist=False)
    qtbot.addWidget(win)
    win.show()
    try:
        page = win.show_page("development")
        before = page.model.total()
        page.new_record()
        assert page.model.total() == before + 1
        assert "孙悦" in [r["name"] for r in page.model.all_rows()]
        assert page.current_id() == ledger.scalar("SELECT id FROM members WHERE name = '孙悦'")
        assert db_rows(ledger_path, "SELECT s.step, s.date FROM development_steps s JOIN members m "
                       "ON m.id = s.member_id WHERE m.name = '孙悦'") == [(1, win.session.today.isoformat())]
    finally:
        win.session.runner.pool.waitForDone(10000)


def test_checklist_shows_an_answer_given_for_the_whole_rule(qtbot, ledger, ledger_path):
    """A checklist row for SYS-DOCS itself (as the demo ledger and older packages hold) is what the
    assessment counts for all five 制度; the 自评清单 must show them ticked, and editing one keeps it ticked."""
    from dangzhibu_desktop.ui.dialogs.checklist import ChecklistWidget

    ledger.insert("checklist", {"rule_code": "SYS-DOCS", "year": 2025, "met": 1, "evidence": "制度汇编已上墙"})
    widget = ChecklistWidget(ledger, 2025)
    qtbot.addWidget(widget)
    model = widget.model
    docs = [i for i, it in enumerate(model.items) if it["rule_code"] == "SYS-DOCS"]
    assert len(docs) == 5
    for i in docs:
        assert model.data(model.index(i, 2), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        assert model.data(model.index(i, 3)) == "制度汇编已上墙"
    assert "已落实 5 项" in widget.summary.text()

    code = model.items[docs[0]]["code"]
    assert widget.set_item(code, evidence="三会一课制度（档案柜第一层）")
    assert db_rows(ledger_path, "SELECT met, evidence FROM checklist WHERE rule_code = ? AND year = 2025",
                   (code,)) == [(1, "三会一课制度（档案柜第一层）")]
