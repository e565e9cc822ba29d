"""A faster month: 复制上次会议 leaves only the date to type, the last meeting of a kind fills
地点/时间/主持人/记录人, the people expected start 出席, and a whole 支部党员大会 with two
people on leave is entered in ≤ 8 clicks + the free text — or from the keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from dangzhibu_desktop.ui import dialogs as D

from . import ui_shell_data as data
from .ui_support import db_rows, run_modal, type_text

FULL = ("王建国", "李红梅", "张伟", "刘洋", "陈晨", "赵磊")
CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    incomplete = []
    monkeypatch.setattr(D.MeetingDialog, "ask_incomplete", lambda self, missing: incomplete.append(missing) or True)
    return incomplete


class Person:
    """Drives the window and counts what a person does: clicks, keystrokes (keys typed into
    fields and shortcut keys) and, apart, the free text only she can write."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.clicks = self.keys = self.free = 0

    def click(self, widget, pos=None, modifier=Qt.KeyboardModifier.NoModifier):
        if pos is None:
            pos = widget.rect().center()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier, pos)
        self.clicks += 1

    def type(self, text: str):
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.keys += len(text)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.keys += 1
        if modifier == ALT:
            self.qtbot.wait(250)  # a button's Alt+letter clicks it after its pressed look (100 ms)

    def write(self, text: str):
        type_text(self.qtbot, QApplication.focusWidget(), text)
        self.free += len(text)


def modal(qtbot, trigger, fill):
    """``run_modal`` that closes the editor when ``fill`` fails, and then fails the test."""
    failed = []

    def guarded(dlg):
        try:
            dlg.activateWindow()  # as the window system does for a dialog that opens
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
            fill(dlg)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            failed.append(exc)
            dlg.done(0)

    run_modal(qtbot, trigger, guarded)
    if failed:
        raise failed[0]


def _last_congress(ledger):
    """Last quarter's 支部党员大会, recorded in full: what this quarter's repeats."""
    mid = ledger.query("SELECT id FROM meetings WHERE kind = '支部党员大会'")[0]["id"]
    ledger.update("meetings", mid, {"place": "三楼会议室", "start_time": "09:00", "end_time": "11:00",
                                    "topic": "3月支部党员大会：传达学习上级精神", "content": "传达学习。"})
    return mid


def _cell(view, row, column):
    return view.visualRect(view.model().index(row, column)).center()


def _saved_meeting(ledger_path, day):
    rows = db_rows(ledger_path, "SELECT id, kind, place, start_time, end_time, host_id, recorder_id, topic, content "
                                "FROM meetings WHERE date = ? AND deleted_at IS NULL", (day,))
    assert len(rows) == 1, rows
    return rows[0]


def test_copy_last_meeting_typing_only_the_date(window, qtbot, ledger, ledger_path, _never_block):
    ids = {r["name"]: r["id"] for r in ledger.rows("members")}
    page = window.show_page("meetings")
    page.set_year(data.YEAR)
    page.view.clearSelection()
    page.view.setCurrentIndex(page.proxy.index(-1, -1))
    person = Person(qtbot)

    def fill(dlg):
        assert QApplication.focusWidget() is dlg.ui.dateEdit  # the one thing left to type
        person.type(f"{data.YEAR}-05-20")
        person.key(Qt.Key.Key_Tab)
        person.key(Qt.Key.Key_S, CTRL)

    # No meeting chosen: the latest one (4月 主题党日) is copied.
    modal(qtbot, lambda: person.click(page.copy_button), fill)
    m = _saved_meeting(ledger_path, f"{data.YEAR}-05-20")
    assert m[1:] == ("主题党日", "党员活动室", "14:30", "16:00", ids["王建国"], ids["李红梅"],
                     "5月主题党日：学习党的二十届三中全会精神", None)
    att = db_rows(ledger_path, "SELECT member_id, status, reason FROM attendance WHERE meeting_id = ?", (m[0],))
    assert sorted(att) == sorted((ids[n], "出席", None) for n in FULL)
    assert _never_block == [["content"]]  # asked once about the 会议记录 still to write
    assert (person.clicks, person.keys) == (1, 12)


def test_whole_congress_in_eight_clicks(window, qtbot, ledger, ledger_path):
    ids = {r["name"]: r["id"] for r in ledger.rows("members")}
    _last_congress(ledger)
    page = window.show_page("meetings")
    page.refresh()
    person = Person(qtbot)
    day = f"{data.YEAR}-06-10"

    def fill(dlg):
        ui = dlg.ui
        # Before anything: the last 大会's 地点, 时间, 主持人 and 记录人; everyone expected 出席.
        assert (ui.placeEdit.text(), ui.startTimeEdit.text(), ui.endTimeEdit.text()) == ("三楼会议室", "09:00", "11:00")
        assert [r["status"] for r in dlg.model.rows] == ["出席"] * len(FULL)
        person.click(dlg.copy_button)  # the 议题 pattern
        person.type(day)
        person.key(Qt.Key.Key_Tab)
        assert ui.topicEdit.text() == "6月支部党员大会：传达学习上级精神"
        view = ui.attendanceTable
        names = [r["name"] for r in dlg.model.rows]
        a, b = names.index("张伟"), names.index("陈晨")
        person.click(view.viewport(), _cell(view, a, 0))
        person.click(view.viewport(), _cell(view, b, 0), CTRL)
        person.click(ui.leaveButton)  # both 请假; 张伟's reason opens for typing
        person.write("出差")
        person.key(Qt.Key.Key_Return)
        person.click(view.viewport(), _cell(view, b, dlg.model.column_index("reason")))
        person.write("病假")
        person.key(Qt.Key.Key_Return)
        person.click(ui.tabs.tabBar(), ui.tabs.tabBar().tabRect(1).center())  # 会议记录
        assert QApplication.focusWidget() is ui.contentEdit
        person.write("会议传达学习了上级精神，讨论了二季度工作。")
        person.click(ui.buttonBox.button(ui.buttonBox.StandardButton.Save))

    modal(qtbot, lambda: person.click(page.new_button), fill)
    m = _saved_meeting(ledger_path, day)
    assert m[1:] == ("支部党员大会", "三楼会议室", "09:00", "11:00", ids["王建国"], ids["李红梅"],
                     "6月支部党员大会：传达学习上级精神", "会议传达学习了上级精神，讨论了二季度工作。")
    att = dict((r[0], r[1:]) for r in db_rows(
        ledger_path, "SELECT member_id, status, reason FROM attendance WHERE meeting_id = ?", (m[0],)))
    assert att == {**{ids[n]: ("出席", None) for n in FULL}, ids["张伟"]: ("请假", "出差"), ids["陈晨"]: ("请假", "病假")}
    assert person.clicks <= 8, person.clicks
    assert (person.clicks, person.keys) == (8, 13)


def test_whole_congress_from_the_keyboard(window, qtbot, ledger, ledger_path):
    ids = {r["name"]: r["id"] for r in ledger.rows("members")}
    _last_congress(ledger)
    page = window.show_page("meetings")
    page.refresh()
    page.view.setFocus()
    person = Person(qtbot)
    day = f"{data.YEAR}-06-10"

    def fill(dlg):
        ui = dlg.ui
        person.key(Qt.Key.Key_C, ALT)  # 复制上次会议
        assert QApplication.focusWidget() is ui.dateEdit
        person.type(day)
        person.key(Qt.Key.Key_Tab)
        person.key(Qt.Key.Key_A, ALT)  # 出勤: the grid, on the first name
        assert QApplication.focusWidget() is ui.attendanceTable
        names = [r["name"] for r in dlg.model.rows]
        a = names.index("张伟")
        for _ in range(a):
            person.key(Qt.Key.Key_Down)
        person.key(Qt.Key.Key_Down, CTRL)  # the next one (刘洋) too
        person.key(Qt.Key.Key_Space, CTRL)
        person.key(Qt.Key.Key_L, ALT)  # 设为请假: 张伟's reason opens
        person.write("出差")
        person.key(Qt.Key.Key_Return)
        person.key(Qt.Key.Key_Down)  # 刘洋's reason
        person.write("病假")
        person.key(Qt.Key.Key_Return)
        person.key(Qt.Key.Key_J, ALT)  # 会议记录
        assert QApplication.focusWidget() is ui.contentEdit
        person.write("会议传达学习了上级精神。")
        person.key(Qt.Key.Key_S, CTRL)

    modal(qtbot, lambda: person.key(Qt.Key.Key_N, CTRL), fill)
    m = _saved_meeting(ledger_path, day)
    assert m[1:] == ("支部党员大会", "三楼会议室", "09:00", "11:00", ids["王建国"], ids["李红梅"],
                     "6月支部党员大会：传达学习上级精神", "会议传达学习了上级精神。")
    att = dict((r[0], r[1:]) for r in db_rows(
        ledger_path, "SELECT member_id, status, reason FROM attendance WHERE meeting_id = ?", (m[0],)))
    assert att == {**{ids[n]: ("出席", None) for n in FULL}, ids["张伟"]: ("请假", "出差"), ids["刘洋"]: ("请假", "病假")}
    assert (person.clicks, person.keys) == (0, 24)
