"""Nothing lost through the 回收站: editing a meeting while a member is in the 回收站 keeps her
attendance (shown greyed); deleting a member with history says what it is and suggests 转出
(the question is the members page's, Ledger.member_history)."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402
from ui_support import db_rows  # noqa: E402

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.app import wait_until_loaded  # noqa: E402

DAY = "2025-03-05"


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(D.MeetingDialog, "ask_incomplete", lambda self, missing: True)


@pytest.fixture
def eight(ledger):
    """The dialogs' branch with four more 正式党员 (8 due) and one meeting all eight attended."""
    ids = build_branch(ledger)
    with ledger.transaction():
        for name in ("陈静", "杨帆", "黄磊", "周洁"):
            mid = ledger.insert("members", {"name": name, "party_group_id": ids["g1"]})
            ids[name] = mid
            for step, date in ((1, "2010-03-01"), (15, "2012-06-01"), (23, "2013-06-01")):
                ledger.insert("development_steps", {"member_id": mid, "step": step, "date": date})
        meeting = ledger.insert("meetings", {"kind": "支部党员大会", "date": DAY, "topic": "学习党章"})
        people = [m for n, m in ids.items() if n not in ("g1", "g2", "刘洋")]
        ledger.replace_children("attendance", meeting, [
            {"member_id": m, "status": "请假" if m == ids["周洁"] else "出席",
             "reason": "出差" if m == ids["周洁"] else None} for m in people])
    ids["meeting"] = meeting
    return ids


def attendance(path, meeting):
    return db_rows(path, "SELECT member_id, status, reason FROM attendance WHERE meeting_id = ? ORDER BY member_id",
                   (meeting,))


def test_editing_a_meeting_keeps_the_attendance_of_a_member_in_the_recycle_bin(qtbot, ledger, ledger_path, eight):
    before = attendance(ledger_path, eight["meeting"])
    assert len(before) == 8
    ledger.delete("members", eight["周洁"])
    dlg = D.MeetingDialog(ledger, eight["meeting"])
    qtbot.addWidget(dlg)
    dlg.show()
    row = next(i for i, r in enumerate(dlg.model.rows) if r["member_id"] == eight["周洁"])
    assert "回收站" in dlg.model.rows[row]["name"] and dlg.model.rows[row]["status"] == "请假"
    status = dlg.model.index(row, dlg.model.column_index("status"))
    assert not dlg.model.flags(status) & Qt.ItemFlag.ItemIsEditable  # shown greyed, read only
    assert dlg.model.data(status, Qt.ItemDataRole.BackgroundRole) is not None
    dlg.ui.topicEdit.setText("学习党章（修订）")
    dlg.all_present()
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dlg.isVisible(), dlg.ui.errorLabel.text()
    after = attendance(ledger_path, eight["meeting"])
    assert len(after) == 8 and (eight["周洁"], "请假", "出差") in after
    assert db_rows(ledger_path, "SELECT topic FROM meetings") == [("学习党章（修订）",)]

    ledger.restore("members", eight["周洁"])
    again = D.MeetingDialog(ledger, eight["meeting"])
    qtbot.addWidget(again)
    row = next(r for r in again.model.rows if r["member_id"] == eight["周洁"])
    assert row["name"] == "周洁" and row["status"] == "请假" and row["reason"] == "出差" and not row["binned"]


def test_other_lists_keep_a_binned_members_rows_too(ledger, ledger_path, eight):
    tid = ledger.insert("trainings", {"date": DAY, "title": "党课", "hours": 40})
    ledger.replace_children("training_attendance", tid, [{"member_id": eight["张伟"], "hours": 40},
                                                         {"member_id": eight["李娜"], "hours": 40}])
    ledger.delete("members", eight["李娜"])
    ledger.replace_children("training_attendance", tid, [{"member_id": eight["张伟"], "hours": 30}])
    assert db_rows(ledger_path, "SELECT member_id, hours FROM training_attendance ORDER BY member_id") == \
        [(eight["张伟"], 30), (eight["李娜"], 40)]


def test_the_members_page_asks_with_the_history(qtbot, window, monkeypatch):
    page = window.show_page("members")
    assert wait_until_loaded(window, page)
    with_history = window.ledger.query("SELECT DISTINCT member_id FROM attendance LIMIT 1")[0]["member_id"]
    assert page.select_id(with_history)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    page.delete_selected()
    assert asked and "出勤" in asked[0] and "转出" in asked[0]
    assert window.ledger.get("members", with_history) is not None  # 否: nothing deleted
