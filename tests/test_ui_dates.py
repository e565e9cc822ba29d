"""Typed dates in the editors, typed as a person types (a click, keys, Tab) and read back from the
SQLite file: every written form is stored as the same ISO day, optional dates start and stay empty
until a date is typed, a click alone writes nothing, a wrong date is refused in Chinese."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402
from ui_support import db_rows, run_modal, type_text  # noqa: E402

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.common import set_combo  # noqa: E402

FORMS = ["2026-03-20", "2026年3月20日", "2026/3/20", "20260320", "2026.3.20", "2026-3-20",
         "２０２６－０３－２０"]
WANT = "2026-03-20"


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    """No modal question may hang a test: leftover dirty dialogs are discarded at teardown."""
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


def open_dialog(qtbot, cls, ledger, row_id=None, defaults=None):
    dlg = cls(ledger, row_id, defaults)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=5000)  # a person clicks into the window in front
    return dlg


def click_in(qtbot, field):
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.wait(5)  # the field selects everything after the click, so typing replaces


def click_type_tab(qtbot, field, text):
    click_in(qtbot, field)
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def click_save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def complete_meeting(dlg, branch):
    set_combo(dlg.ui.hostCombo, branch["张伟"])
    set_combo(dlg.ui.recorderCombo, branch["李娜"])
    dlg.ui.topicEdit.setText("学习党章")
    dlg.ui.contentEdit.setPlainText("集中学习")
    dlg.all_present()


# ---- required dates: the meeting's 日期, a step's 日期 ------------------------------------------
@pytest.mark.parametrize("text", FORMS)
def test_a_typed_meeting_date_is_stored_as_typed(qtbot, ledger, ledger_path, branch, text):
    dlg = open_dialog(qtbot, D.MeetingDialog, ledger, defaults={"kind": "支部党员大会"})
    assert dlg.ui.dateEdit.text()  # a required date starts on today
    click_type_tab(qtbot, dlg.ui.dateEdit, text)
    assert dlg.ui.dateEdit.text() == WANT  # shown back as ISO when Tab leaves
    assert QApplication.focusWidget() is not dlg.ui.dateEdit
    click_type_tab(qtbot, dlg.ui.startTimeEdit, "14：30")
    click_type_tab(qtbot, dlg.ui.endTimeEdit, "1600")
    complete_meeting(dlg, branch)
    click_save(qtbot, dlg)
    assert dlg.ui.errorLabel.isHidden(), dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT date, start_time, end_time FROM meetings") == [(WANT, "14:30", "16:00")]
    # The attendance is that day's: everyone on the books on 2026-03-20.
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM attendance")[0][0] == 4


@pytest.mark.parametrize("text", ["2026-03-20", "2026年3月20日", "2026/3/20", "20260320", "2026.3.20"])
def test_a_typed_admission_date_is_stored(qtbot, ledger, ledger_path, branch, text):
    """入党日期 of a member (step 15 接收预备党员) typed in the member editor's step dialog."""
    dlg = open_dialog(qtbot, D.MemberDialog, ledger, branch["刘洋"])

    def fill(step):
        set_combo(step.ui.stepCombo, 15)
        click_type_tab(qtbot, step.ui.dateEdit, text)
        click_save(qtbot, step)

    run_modal(qtbot, dlg.add_step, fill)
    click_save(qtbot, dlg)
    assert db_rows(ledger_path, "SELECT date FROM development_steps WHERE member_id = ? AND step = 15",
                   (branch["刘洋"],)) == [(WANT,)]


# ---- optional dates -------------------------------------------------------------------------------
OPTIONAL = [
    # (dialog, field, table, column)
    ("branch", "establishedEdit", "branch", "established_on"),
    ("branch", "electedEdit", "branch", "committee_elected_on"),
    ("member", "joinedEdit", "members", "joined_branch_on"),
    ("member", "leftEdit", "members", "left_on"),
    ("rect", "deadlineEdit", "rectifications", "deadline"),
    ("group", "establishedEdit", "party_groups", "established_on"),
    ("group", "dissolvedEdit", "party_groups", "dissolved_on"),
]


def open_for(qtbot, ledger, branch, which):
    """The editor of an existing record whose optional dates are all empty; (dialog, table id)."""
    if which == "branch":
        bid = ledger.branch()["id"]
        ledger.update("branch", bid, {"committee_elected_on": None, "established_on": None})
        return open_dialog(qtbot, D.BranchDialog, ledger), bid
    if which == "member":
        return open_dialog(qtbot, D.MemberDialog, ledger, branch["王强"]), branch["王强"]
    if which == "group":
        return open_dialog(qtbot, D.PartyGroupDialog, ledger, branch["g1"]), branch["g1"]
    rid = ledger.insert("rectifications", {"source": "组织生活会", "problem": "记录不全", "status": "整改中"})
    return open_dialog(qtbot, D.RectificationDialog, ledger, rid), rid


def stored(ledger_path, table, column, row_id):
    return db_rows(ledger_path, f"SELECT {column} FROM {table} WHERE id = ?", (row_id,))[0][0]


@pytest.mark.parametrize("which,field,table,column", OPTIONAL, ids=[o[1] for o in OPTIONAL])
def test_an_optional_date_starts_empty_fills_and_clears(qtbot, ledger, ledger_path, branch,
                                                          which, field, table, column):
    dlg, row_id = open_for(qtbot, ledger, branch, which)
    edit = getattr(dlg.ui, field)
    assert edit.text() == "" and edit.date() is None
    dlg._reveal(edit)
    click_type_tab(qtbot, edit, "2026年3月20日")
    assert QApplication.focusWidget() is not edit  # Tab leaves
    assert edit.text() == WANT
    click_save(qtbot, dlg)
    assert dlg.ui.errorLabel.isHidden(), dlg.ui.errorLabel.text()
    assert stored(ledger_path, table, column, row_id) == WANT

    # Reopened: shows the stored day; everything deleted and saved stores NULL.
    again, _ = (open_dialog(qtbot, type(dlg), ledger, None if which == "branch" else row_id), None)
    edit = getattr(again.ui, field)
    assert edit.text() == WANT
    again._reveal(edit)
    click_in(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # everything was selected by the click
    assert edit.text() == "" and edit.date() is None
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    click_save(qtbot, again)
    assert again.ui.errorLabel.isHidden(), again.ui.errorLabel.text()
    assert stored(ledger_path, table, column, row_id) is None


@pytest.mark.parametrize("which,field,table,column", OPTIONAL, ids=[o[1] for o in OPTIONAL])
def test_a_click_alone_writes_no_date(qtbot, ledger, ledger_path, branch, which, field, table, column):
    dlg, row_id = open_for(qtbot, ledger, branch, which)
    edit = getattr(dlg.ui, field)
    dlg._reveal(edit)
    click_in(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == ""
    dlg.ui.notesEdit.setPlainText("点过日期框") if which == "member" else None
    click_save(qtbot, dlg)
    assert stored(ledger_path, table, column, row_id) is None


def test_a_stray_click_in_left_on_keeps_the_member_due_at_the_next_meeting(qtbot, ledger, ledger_path, branch):
    dlg = open_dialog(qtbot, D.MemberDialog, ledger, branch["王强"])
    click_in(qtbot, dlg.ui.leftEdit)
    qtbot.keyClick(dlg.ui.leftEdit, Qt.Key.Key_Tab)
    click_save(qtbot, dlg)
    assert db_rows(ledger_path, "SELECT status, left_on FROM members WHERE id = ?",
                   (branch["王强"],)) == [("在册", None)]
    meeting = open_dialog(qtbot, D.MeetingDialog, ledger, defaults={"kind": "支部党员大会"})
    assert branch["王强"] in {r["member_id"] for r in meeting.model.rows}


def test_the_clear_button_empties_an_optional_date(qtbot, ledger, ledger_path, branch):
    ledger.update("members", branch["王强"], {"joined_branch_on": "2019-05-01"})
    dlg = open_dialog(qtbot, D.MemberDialog, ledger, branch["王强"])
    assert dlg.ui.joinedEdit.isClearButtonEnabled()
    dlg.ui.joinedEdit.clear()  # what the ✕ does
    dlg.ui.joinedEdit.textEdited.emit("")
    click_save(qtbot, dlg)
    assert stored(ledger_path, "members", "joined_branch_on", branch["王强"]) is None


# ---- wrong dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,words", [("2026-02-30", "2026年2月没有30日"), ("明天", "不是日期"),
                                        ("2026-13-01", "月份"), ("2026-3", "不是日期")])
def test_a_wrong_meeting_date_is_refused_in_chinese(qtbot, ledger, ledger_path, branch, text, words):
    dlg = open_dialog(qtbot, D.MeetingDialog, ledger, defaults={"kind": "支部党员大会"})
    click_type_tab(qtbot, dlg.ui.dateEdit, text)
    assert words in dlg.ui.errorLabel.text() and not dlg.ui.errorLabel.isHidden()  # said at Tab
    assert dlg.ui.dateEdit.text() == text  # kept as typed, never turned into another day
    complete_meeting(dlg, branch)
    click_save(qtbot, dlg)
    assert dlg.isVisible() and words in dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM meetings") == [(0,)]
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM attendance") == [(0,)]


@pytest.mark.parametrize("text,words", [("2026-02-30", "2026年2月没有30日"), ("明天", "不是日期")])
def test_a_wrong_optional_date_writes_nothing(qtbot, ledger, ledger_path, branch, text, words):
    dlg = open_dialog(qtbot, D.MemberDialog, ledger, branch["王强"])
    click_type_tab(qtbot, dlg.ui.phoneEdit, "13800138000")
    click_type_tab(qtbot, dlg.ui.leftEdit, text)
    click_save(qtbot, dlg)
    assert dlg.isVisible() and words in dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT phone, left_on FROM members WHERE id = ?",
                   (branch["王强"],)) == [(None, None)]


def test_a_wrong_time_is_refused(qtbot, ledger, ledger_path, branch):
    dlg = open_dialog(qtbot, D.MeetingDialog, ledger, defaults={"kind": "支部党员大会", "date": "2026-03-20"})
    click_type_tab(qtbot, dlg.ui.startTimeEdit, "25:00")
    complete_meeting(dlg, branch)
    click_save(qtbot, dlg)
    assert "不是有效的时间" in dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT COUNT(*) FROM meetings") == [(0,)]


# ---- 整改 已完成 needs its 完成日期 -------------------------------------------------------------
def test_done_without_a_closing_date_asks_for_it(qtbot, ledger, ledger_path, branch):
    rid = ledger.insert("rectifications", {"source": "组织生活会", "problem": "记录不全", "status": "整改中",
                                           "deadline": "2026-06-30"})
    dlg = open_dialog(qtbot, D.RectificationDialog, ledger, rid)
    set_combo(dlg.ui.statusCombo, "已完成")
    assert dlg.ui.closedEdit.text() == ""  # today is never assumed
    click_save(qtbot, dlg)
    assert dlg.isVisible() and "完成日期" in dlg.ui.errorLabel.text()
    assert db_rows(ledger_path, "SELECT status, closed_on FROM rectifications") == [("整改中", None)]
    click_type_tab(qtbot, dlg.ui.closedEdit, "2026.6.15")
    click_save(qtbot, dlg)
    assert not dlg.isVisible()
    assert db_rows(ledger_path, "SELECT status, closed_on FROM rectifications") == [("已完成", "2026-06-15")]
