"""打印签到表 in the meeting editor (issue 16): the sheet of a saved meeting, with the expected
people, written where the person chooses; an unsaved meeting asks to be saved first."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from dangzhibu_desktop.ui.dialogs import MeetingDialog

from .pdf_support import needs_poppler, pdftext, squash

FULL = [(1, "2010-03-01"), (3, "2010-09-01"), (7, "2011-10-01"), (15, "2012-06-01"), (23, "2013-06-10")]


def _meeting(ledger):
    ledger.save_branch({"name": "第一党支部"})
    for name in ("王秀英", "李红", "张丽"):
        mid = ledger.insert("members", {"name": name})
        for step, day in FULL:
            ledger.insert("development_steps", {"member_id": mid, "step": step, "date": day})
    return ledger.insert("meetings", {"kind": "支部党员大会", "date": "2026-12-20", "topic": "年度组织生活会",
                                      "place": "三楼会议室"})


@needs_poppler
def test_the_sheet_of_a_saved_meeting(qtbot, ledger, tmp_path, monkeypatch):
    meeting = _meeting(ledger)
    out = tmp_path / "签到表.pdf"
    offered = []

    def ask(parent, title, suggested, filters):
        offered.append(suggested)
        return str(out), ""

    said = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: said.append(text)))
    dlg = MeetingDialog(ledger, meeting)
    qtbot.addWidget(dlg)
    assert dlg.signin_button.isEnabled()
    dlg.signin_button.click()
    assert offered and offered[0].endswith("第一党支部_2026-12-20支部党员大会签到表.pdf")
    assert out.is_file() and said and str(out) in said[0]
    text = squash(pdftext(out))
    assert "签到表" in text and all(n in text for n in ("王秀英", "李红", "张丽")) and "三楼会议室" in text


def test_a_new_or_changed_meeting_is_saved_first(qtbot, ledger, monkeypatch):
    meeting = _meeting(ledger)
    new = MeetingDialog(ledger)
    qtbot.addWidget(new)
    assert not new.signin_button.isEnabled()
    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: said.append(text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (_ for _ in ()).throw(
        AssertionError("no file asked for an unsaved meeting"))))
    dlg = MeetingDialog(ledger, meeting)
    qtbot.addWidget(dlg)
    dlg.ui.placeEdit.setText("五楼会议室")  # a change not saved yet
    dlg.mark_dirty()
    assert dlg.print_signin() is None and "请先保存" in said[0]
