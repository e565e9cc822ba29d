"""Editing a meeting (or an activity, a training) while a member is in the 回收站 keeps her rows of
it (issue 14: 8 attendance rows became 7, and restoring her did not bring hers back)."""

from __future__ import annotations

from dangzhibu_desktop.ui.dialogs import MeetingDialog

from .ui_support import db_rows

FULL = [(1, "2010-03-01"), (3, "2010-09-01"), (7, "2011-10-01"), (15, "2012-06-01"), (23, "2013-06-10")]


def _branch(ledger):
    ledger.save_branch({"name": "第一党支部"})
    ids = []
    for name in ("王秀英", "李红", "张丽"):
        mid = ledger.insert("members", {"name": name})
        for step, day in FULL:
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
        ids.append(mid)
    meeting = ledger.insert("meetings", {"kind": "支部党员大会", "date": "2026-03-05", "topic": "学习"})
    ledger.replace_children("attendance", meeting, [{"member_id": m, "status": "出席"} for m in ids])
    return ids, meeting


def test_the_ledger_keeps_a_trashed_members_rows(ledger):
    ids, meeting = _branch(ledger)
    ledger.delete("members", ids[2])
    ledger.replace_children("attendance", meeting, [{"member_id": ids[0], "status": "出席"},
                                                    {"member_id": ids[1], "status": "请假", "reason": "出差"}])
    rows = {r["member_id"]: r["status"] for r in ledger.children("attendance", meeting)}
    assert rows == {ids[0]: "出席", ids[1]: "请假", ids[2]: "出席"}
    ledger.restore("members", ids[2])
    assert len(ledger.children("attendance", meeting)) == 3


def test_editing_the_meeting_in_the_window_keeps_her_attendance(qtbot, ledger, ledger_path):
    ids, meeting = _branch(ledger)
    ledger.delete("members", ids[2])
    dlg = MeetingDialog(ledger, meeting)
    qtbot.addWidget(dlg)
    dlg.ask_incomplete = lambda missing: True  # 主持人/记录人 left empty on purpose: save anyway
    assert dlg.counts()["due"] == 2  # shown, kept, but no longer 应到
    dlg.ui.placeEdit.setText("三楼会议室")
    assert dlg.save()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM attendance WHERE meeting_id = ?", (meeting,)) == [(3,)]
    assert db_rows(ledger_path, "SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?",
                   (meeting, ids[2])) == [("出席",)]


def test_someone_removed_on_purpose_is_removed(ledger):
    ids, meeting = _branch(ledger)
    ledger.replace_children("attendance", meeting, [{"member_id": ids[0], "status": "出席"}])
    assert [r["member_id"] for r in ledger.children("attendance", meeting)] == [ids[0]]


def test_deleting_a_member_with_history_says_so_and_suggests_transfer(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    ledger = window.session.ledger
    mid = ledger.scalar("SELECT member_id FROM attendance GROUP BY member_id ORDER BY COUNT(*) DESC LIMIT 1")
    history = ledger.member_history(mid)
    assert history.get("出勤记录", 0) > 0
    page = window.show_page("members")
    assert page.select_id(mid)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.No))
    page.delete_selected()
    assert asked and f"出勤记录{history['出勤记录']}条" in asked[0] and "转出" in asked[0]
    assert ledger.get("members", mid) is not None  # answered 否: nothing deleted
