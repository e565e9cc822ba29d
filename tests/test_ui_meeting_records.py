"""The meeting editor warns before saving a record the 创星评估 counts as incomplete (ACT-RECORDS).

Driven as a person drives it (typing, the 保存 button); the answers to the question are given by
replacing ``QMessageBox.question``; every test reads the SQLite file afterwards.
"""

import datetime as _dt
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.common import set_combo  # noqa: E402

PAST = "2025-03-05"


@pytest.fixture(autouse=True)
def _never_block_on_close(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


@pytest.fixture
def asked(monkeypatch):
    """Answers QMessageBox.question with the queued answers; records (title, text) of each."""
    log = []

    def question(parent, title, text, *args, **kwargs):
        log.append((title, text))
        return log.answers.pop(0) if log.answers else pytest.fail(f"unexpected question: {text}")

    log = type("Asked", (list,), {})()
    log.answers = []
    monkeypatch.setattr(QMessageBox, "question", question)
    return log


def count_meetings(path):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0], \
            conn.execute("SELECT COUNT(*) FROM attendance").fetchone()[0]
    finally:
        conn.close()


def click_save(qtbot, dlg):
    qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def new_meeting(qtbot, ledger, date=PAST):
    dlg = D.MeetingDialog(ledger, None, {"kind": "支部党员大会", "date": date})
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.all_present()
    return dlg


def test_no_keeps_the_dialog_open_and_writes_nothing(qtbot, ledger, ledger_path, branch, asked):
    dlg = new_meeting(qtbot, ledger)
    set_combo(dlg.ui.recorderCombo, branch["李娜"])
    qtbot.keyClicks(dlg.ui.topicEdit, "2025 Q1")
    asked.answers = [QMessageBox.StandardButton.No]
    click_save(qtbot, dlg)
    assert len(asked) == 1
    title, text = asked[0]
    assert title == "会议记录不完整"
    # Names exactly what is missing (主持人 and the record text), not what is there.
    assert "缺少主持人、会议记录。" in text and "记录人、" not in text and "议题" not in text
    assert "创星评估" in text and "会议记录要素齐全" in text and "仍要保存吗" in text
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert count_meetings(ledger_path) == (0, 0)
    assert dlg.ui.errorLabel.text() == "会议记录缺少主持人、会议记录，补全后再保存"
    assert dlg.ui.hostCombo.property("invalid") is True

    # Filled in: saved without another question.
    set_combo(dlg.ui.hostCombo, branch["张伟"])
    dlg.ui.contentEdit.setPlainText("传达学习上级精神。")
    click_save(qtbot, dlg)
    assert len(asked) == 1
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert count_meetings(ledger_path) == (1, 4)


def test_yes_saves_the_incomplete_record(qtbot, ledger, ledger_path, branch, asked):
    dlg = new_meeting(qtbot, ledger)
    asked.answers = [QMessageBox.StandardButton.Yes]
    click_save(qtbot, dlg)
    assert "缺少主持人、记录人、议题、会议记录。" in asked[0][1]
    assert dlg.result() == QDialog.DialogCode.Accepted
    conn = sqlite3.connect(str(ledger_path))
    try:
        row = conn.execute("SELECT host_id, recorder_id, topic, content FROM meetings").fetchone()
    finally:
        conn.close()
    assert row == (None, None, None, None)
    assert count_meetings(ledger_path) == (1, 4)


def test_a_complete_record_is_saved_without_asking(qtbot, ledger, ledger_path, branch, asked):
    dlg = new_meeting(qtbot, ledger)
    set_combo(dlg.ui.hostCombo, branch["张伟"])
    set_combo(dlg.ui.recorderCombo, branch["李娜"])
    qtbot.keyClicks(dlg.ui.topicEdit, "Q1")
    dlg.ui.contentEdit.setPlainText("学习。")
    click_save(qtbot, dlg)
    assert asked == [] and count_meetings(ledger_path) == (1, 4)


def test_a_planned_meeting_is_not_questioned(qtbot, ledger, ledger_path, branch, asked):
    """Dated after today: the assessment does not count it yet, the record comes after the meeting."""
    later = (_dt.date.today() + _dt.timedelta(days=20)).isoformat()
    dlg = new_meeting(qtbot, ledger, later)
    for r in dlg.model.rows:
        r["status"] = ""  # attendance too comes after the meeting
    future = []
    dlg.ask_future = lambda body: future.append(body) or True  # "日期在今天之后，确定吗？" answered 确定
    click_save(qtbot, dlg)
    assert asked == [] and count_meetings(ledger_path) == (1, 0)
    assert len(future) == 1 and later in future[0]


def test_what_cannot_be_saved_is_refused_before_asking(qtbot, ledger, ledger_path, branch, asked):
    dlg = new_meeting(qtbot, ledger)
    dlg.model.setData(dlg.model.index(0, dlg.model.column_index("status")), "")
    click_save(qtbot, dlg)
    assert asked == []
    assert dlg.ui.errorLabel.text().startswith("还有1人未登记出勤情况")
    assert count_meetings(ledger_path) == (0, 0)


def test_closing_with_save_asks_too(qtbot, ledger, ledger_path, branch, asked):
    dlg = new_meeting(qtbot, ledger)
    qtbot.keyClicks(dlg.ui.topicEdit, "Q1")
    dlg.ask_unsaved = lambda: QMessageBox.StandardButton.Save
    asked.answers = [QMessageBox.StandardButton.No]
    dlg.reject()
    assert len(asked) == 1 and dlg.isVisible()
    assert count_meetings(ledger_path) == (0, 0)
    dlg.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # qtbot closes it at teardown
