"""Every gap leads to its fix, in the window: a click on a red 缺 cell opens the meeting editor
prefilled and saving it turns the cell green; a double-clicked rule and a reminder open theirs."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from dangzhibu_desktop.ui import dialogs as D
from dangzhibu_desktop.ui.app import wait_until_loaded
from dangzhibu_desktop.ui.dialogs.common import combo_value

from . import ui_shell_data as data
from .ui_support import db_rows, run_modal, type_text

FULL = ("王建国", "李红梅", "张伟", "刘洋", "陈晨", "赵磊")


@pytest.fixture(autouse=True)
def _never_block(monkeypatch):
    monkeypatch.setattr(D.RecordDialog, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(D.MeetingDialog, "ask_incomplete", lambda self, missing: True)


def _double_click(qtbot, view, pos):
    """A person's double-click: press, release, then the double-click (an item view activates
    only the item the press was on)."""
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=pos)


def _cell_center(grid, row: str, month: int) -> QPoint:
    label_w, top, cell_w, cell_h, _ = grid._geometry()
    i = grid._kinds.index(row)
    return QPoint(int(label_w + (month - 0.5) * cell_w), int(top + (i + 0.5) * cell_h))


def test_red_cell_opens_prefilled_meeting_and_saving_turns_it_green(window, qtbot, ledger, ledger_path):
    ids = {r["name"]: r["id"] for r in ledger.rows("members")}
    dash = window.show_page("dashboard")
    dash.set_year(data.YEAR)
    assert wait_until_loaded(window, dash, 30)
    grid = dash.meeting_grid
    assert grid.cell_status("主题党日", 5) == "missing"

    def fill(dlg):
        ui = dlg.ui
        assert type(dlg).__name__ == "MeetingDialog"
        assert combo_value(ui.kindCombo) == "主题党日"
        assert ui.dateEdit.iso() == f"{data.YEAR}-05-15"
        assert combo_value(ui.hostCombo) == ids["王建国"]  # the 书记
        marked = {r["member_id"]: r["status"] for r in dlg.model.rows}
        assert marked == {ids[n]: "出席" for n in FULL}  # the people expected, 出席
        ui.topicEdit.setFocus()
        type_text(qtbot, ui.topicEdit, "五月主题党日：志愿服务进社区")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()

    run_modal(qtbot, lambda: qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=_cell_center(grid, "主题党日", 5)),
              fill)
    rows = db_rows(ledger_path, "SELECT id, date, topic, host_id FROM meetings WHERE kind = '主题党日' "
                                "AND date LIKE ? AND deleted_at IS NULL", (f"{data.YEAR}-05-%",))
    assert [r[1:] for r in rows] == [(f"{data.YEAR}-05-15", "五月主题党日：志愿服务进社区", ids["王建国"])]
    att = db_rows(ledger_path, "SELECT member_id, status FROM attendance WHERE meeting_id = ?", (rows[0][0],))
    assert sorted(att) == sorted((ids[n], "出席") for n in FULL)
    assert wait_until_loaded(window, dash, 30)
    assert grid.cell_status("主题党日", 5) == "done"
    assert window.current_page() is dash


def test_double_clicked_rule_opens_its_fix(window, qtbot):
    page = window.show_page("assessment")
    i = page.year_box.findData(data.YEAR)
    page.year_box.setCurrentIndex(i)
    assert wait_until_loaded(window, page, 60)
    item = next(page.tree.topLevelItem(t).child(c) for t in range(page.tree.topLevelItemCount())
                for c in range(page.tree.topLevelItem(t).childCount())
                if page.tree.topLevelItem(t).child(c).data(0, Qt.UserRole + 10)["code"] == "ACT-THEME-DAY")
    assert item.data(0, Qt.UserRole + 10)["status"] in ("未达标", "预警", "待到期")
    page.tree.scrollToItem(item)
    rect = page.tree.visualItemRect(item)

    def check(dlg):
        assert type(dlg).__name__ == "MeetingDialog"
        assert combo_value(dlg.ui.kindCombo) == "主题党日"
        dlg.reject()

    run_modal(qtbot, lambda: _double_click(qtbot, page.tree.viewport(), rect.center()),
              check)
    # a rule the ledger cannot fix with a record leads to the 自评清单 tab
    brand = next(page.tree.topLevelItem(t).child(c) for t in range(page.tree.topLevelItemCount())
                 for c in range(page.tree.topLevelItem(t).childCount())
                 if page.tree.topLevelItem(t).child(c).data(0, Qt.UserRole + 10)["code"] == "SUP-BRAND")
    page._rule_activated(brand)
    assert window.current_page() is page and page.tabs.currentWidget() is page.checklist_holder


def test_double_clicked_reminder_opens_its_meeting(qtbot, ledger):
    """Reminders are made for the coming days: a branch of this year, judged today."""
    from dangzhibu_desktop.ui.main_window import MainWindow

    today = _dt.date.today()
    data.build(ledger, today.year)
    win = MainWindow(ledger, persist=False)
    win.session.today = today
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    dash = win.show_page("dashboard")
    dash.set_year(today.year)
    assert wait_until_loaded(win, dash, 60)
    items = [dash.reminders.item(i) for i in range(dash.reminders.count())]
    theme = next(it for it in items if "主题党日" in it.text())
    dash.reminders.scrollToItem(theme)
    rect = dash.reminders.visualItemRect(theme)

    def check(dlg):
        assert combo_value(dlg.ui.kindCombo) == "主题党日"
        assert dlg.ui.dateEdit.iso() == today.isoformat()
        dlg.reject()

    run_modal(qtbot, lambda: _double_click(qtbot, dash.reminders.viewport(), rect.center()), check)
    win.session.runner.pool.waitForDone(10000)


def test_read_only_ledger_opens_no_editor(qtbot, tmp_path):
    """A 缺 cell of a ledger opened read-only says why nothing can be recorded."""
    from dangzhibu_desktop.ledger import open_ledger
    from dangzhibu_desktop.ui.main_window import MainWindow

    path = tmp_path / "只读.sqlite"
    with open_ledger(path, create=True) as led:
        data.build(led)
    ledger = open_ledger(path, readonly=True)
    win = MainWindow(ledger, persist=False)
    win.session.today = data.today_in()
    qtbot.addWidget(win)
    win.show()
    dash = win.show_page("dashboard")
    dash.set_year(data.YEAR)
    assert wait_until_loaded(win, dash, 30)
    assert dash.meeting_grid.cell_status("主题党日", 5) == "missing"
    opened = []

    def close_any():  # an editor that opened anyway would block the test: close it and fail
        dlg = QApplication.activeModalWidget()
        if dlg is not None:
            opened.append(dlg)
            dlg.done(0)

    QTimer.singleShot(300, close_any)
    assert win.show_meetings_of("主题党日", 5) is None
    qtbot.wait(400)
    assert not opened
    assert "只读" in win.statusBar().currentMessage()
    win.session.runner.pool.waitForDone(10000)


def test_group_cell_and_group_list_mark_the_group_present(qtbot, ledger):
    """The editor a group's 缺 cell opens marks that group's 党员 出席 (孙丽, an 积极分子 of the
    group, is not 应到); from the list filtered to 党小组会 the group is chosen afterwards."""
    from dangzhibu_desktop.ui.dialogs.common import set_combo
    from dangzhibu_desktop.views.dashboard import compute_dashboard
    from dangzhibu_desktop.views.fixes import cell_target, list_defaults

    built = data.build(ledger)
    ids, groups = built["ids"], built["groups"]
    board = compute_dashboard(ledger, data.YEAR, data.today_in())
    t = cell_target(ledger, board, "· 第一党小组", 3, data.today_in())
    dlg = D.dialog_for(None, ledger, t.table, t.row_id, t.defaults)
    qtbot.addWidget(dlg)
    assert {r["member_id"]: r["status"] for r in dlg.model.rows} == \
        {ids[n]: "出席" for n in ("王建国", "李红梅", "陈晨")}
    dlg = D.dialog_for(None, ledger, "meetings", None,
                       list_defaults(ledger, "党小组会", None, data.YEAR, 4, data.today_in()))
    qtbot.addWidget(dlg)
    assert dlg.model.rows == []
    set_combo(dlg.ui.partyGroupCombo, groups[1])
    assert {r["member_id"]: r["status"] for r in dlg.model.rows} == \
        {ids[n]: "出席" for n in ("张伟", "刘洋", "赵磊")}
