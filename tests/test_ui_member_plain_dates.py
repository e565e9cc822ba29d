"""An existing 党员 entered with a plain 入党日期 and 转正日期 (issue 14, item 11): typed in the
member editor's 基本信息, they are steps 15 and 23 of the timeline in the SQLite file — no
hunting for those steps for a 29-year veteran; editing the date moves the step, not a copy."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402

from ui_support import db_rows, type_text  # noqa: E402


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


def _steps(path, name):
    return db_rows(path, "SELECT s.step, s.date, s.outcome FROM development_steps s JOIN members m "
                         "ON m.id = s.member_id WHERE m.name = ? AND s.deleted_at IS NULL ORDER BY s.step", (name,))


def test_plain_dates_record_steps_15_and_23(qtbot, ledger, ledger_path):
    dlg = D.MemberDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.ui.nameEdit, "老党员")
    qtbot.keyClicks(dlg.admit_edit, "1997-07-01")
    qtbot.keyClicks(dlg.full_edit, "1998/7/1")
    dlg.save()
    assert dlg.result() == D.MemberDialog.DialogCode.Accepted, dlg.ui.errorLabel.text()
    assert _steps(ledger_path, "老党员") == [(15, "1997-07-01", None), (23, "1998-07-01", "按期转正")]
    mid = dlg.saved_id
    assert [m["id"] for m in ledger.party_members_on(_dt.date.today())] == [mid]

    again = D.MemberDialog(ledger, mid)
    qtbot.addWidget(again)
    again.show()
    assert again.admit_edit.iso() == "1997-07-01" and again.full_edit.iso() == "1998-07-01"
    qtbot.keyClick(again.admit_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type over
    qtbot.keyClicks(again.admit_edit, "1997-06-30")
    again.save()
    assert again.result() == D.MemberDialog.DialogCode.Accepted, again.ui.errorLabel.text()
    assert _steps(ledger_path, "老党员") == [(15, "1997-06-30", None), (23, "1998-07-01", "按期转正")]


def test_plain_dates_are_checked(qtbot, ledger, ledger_path):
    dlg = D.MemberDialog(ledger)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.ui.nameEdit, "新同志")
    qtbot.keyClicks(dlg.full_edit, "2020-07-01")
    dlg.save()
    assert dlg.result() != D.MemberDialog.DialogCode.Accepted
    assert dlg.ui.errorLabel.text() == "填写了转正日期，请同时填写入党日期"
    qtbot.keyClicks(dlg.admit_edit, "2021-07-01")
    dlg.save()
    assert dlg.ui.errorLabel.text() == "转正日期不能早于入党日期"
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM members") == [(0,)]


def test_clearing_a_recorded_step_is_sent_to_the_timeline(qtbot, ledger, ledger_path):
    mid = ledger.insert("members", {"name": "张预备"})
    ledger.insert("development_steps", {"member_id": mid, "step": 15, "date": "2025-07-01", "persons": "支部大会"})
    dlg = D.MemberDialog(ledger, mid)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.admit_edit.iso() == "2025-07-01" and dlg.full_edit.iso() is None
    dlg.admit_edit.set_date(None)  # the field's ✕
    dlg.save()
    assert dlg.ui.errorLabel.text() == "要删除第15步（入党），请在“发展纪实”页签中删除该步骤"
    assert _steps(ledger_path, "张预备") == [(15, "2025-07-01", None)]
