"""The dues grid and the 自评 checklist widgets, and the grid models under qtmodeltester."""

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

sys.path.insert(0, str(Path(__file__).parent))

from ui_dialogs_data import build_branch  # noqa: E402

from dangzhibu_desktop.ui import dialogs as D  # noqa: E402
from dangzhibu_desktop.ui.dialogs.dues import FIRST_MONTH_COL, PAID, UNPAID  # noqa: E402


@pytest.fixture(autouse=True)
def _pin_today(monkeypatch):
    """The grid colours months by whether they have begun: pin today after the test year."""
    import datetime

    from dangzhibu_desktop.ui.dialogs import dues

    monkeypatch.setattr(dues, "today", lambda: datetime.date(2026, 3, 1))


@pytest.fixture
def branch(ledger):
    return build_branch(ledger)


def db_rows(path, sql, params=()):
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def month_index(grid, row, month):
    return grid.model.index(row, FIRST_MONTH_COL + month - 1)


def test_dues_grid_lists_paying_members(qtbot, ledger, branch):
    grid = D.DuesGridWidget(ledger, 2024)
    qtbot.addWidget(grid)
    names = [r["member"]["name"] for r in grid.model.rows]
    assert names == ["张伟", "李娜", "王强", "赵敏"]  # the activist pays no dues
    zhao = grid.find_row(branch["赵敏"])
    # 预备党员 pay from the month the 支部大会 admitted them (2024-09-01).
    assert [m for m in range(1, 13) if grid.model.rows[zhao]["eligible"][m]] == [9, 10, 11, 12]
    assert grid.model.data(month_index(grid, zhao, 3)) == "—"


def test_dues_grid_base_and_mark_paid(qtbot, ledger, ledger_path, branch):
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    row = grid.find_row(branch["张伟"])
    with qtbot.waitSignal(grid.changed, timeout=1000):
        assert grid.model.setData(grid.model.index(row, 2), "4500")  # typed in the 计算基数 column
    dues = db_rows(ledger_path, "SELECT month, base_income, rate, amount_due, amount_paid FROM dues "
                                "WHERE member_id = ? ORDER BY month", (branch["张伟"],))
    assert len(dues) == 12
    assert dues[0] == {"month": "2025-01", "base_income": 450000, "rate": 0.01, "amount_due": 4500, "amount_paid": 0}
    # Select January and February, mark them paid on a chosen date.
    grid.date_edit.selectAll()  # what focusing the field does (tests/test_ui_datefield.py)
    qtbot.keyClicks(grid.date_edit, "2025/2/10")
    qtbot.keyClick(grid.date_edit, Qt.Key.Key_Tab)
    sel = grid.view.selectionModel()
    for month in (1, 2):
        sel.select(month_index(grid, row, month), QItemSelectionModel.SelectionFlag.Select)
    with qtbot.waitSignal(grid.changed, timeout=1000):
        assert grid.mark_selected(True)
    paid = db_rows(ledger_path, "SELECT month, amount_paid, paid_on FROM dues WHERE member_id = ? "
                                "AND amount_paid > 0 ORDER BY month", (branch["张伟"],))
    assert paid == [{"month": "2025-01", "amount_paid": 4500, "paid_on": "2025-02-10"},
                    {"month": "2025-02", "amount_paid": 4500, "paid_on": "2025-02-10"}]
    assert grid.model.data(month_index(grid, row, 1)) == "45.00✓"
    assert grid.model.data(month_index(grid, row, 1), Qt.ItemDataRole.BackgroundRole).color() == PAID
    assert grid.model.data(month_index(grid, row, 3), Qt.ItemDataRole.BackgroundRole).color() == UNPAID
    assert "实缴合计 90.00 元" in grid.summary.text()
    # A raise: unpaid months follow the new base (2 % above 10000 元), paid ones keep theirs.
    assert grid.set_base(row, "12000")
    due = {d["month"]: d["amount_due"] for d in db_rows(
        ledger_path, "SELECT month, amount_due FROM dues WHERE member_id = ?", (branch["张伟"],))}
    assert due["2025-01"] == 4500 and due["2025-03"] == 24000
    # Double-click toggles a paid month back to unpaid.
    grid._double_clicked(month_index(grid, row, 2))
    assert db_rows(ledger_path, "SELECT amount_paid, paid_on FROM dues WHERE member_id = ? AND month = '2025-02'",
                   (branch["张伟"],)) == [{"amount_paid": 0, "paid_on": None}]


def test_dues_mark_paid_needs_a_base(qtbot, ledger, ledger_path, branch):
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    row = grid.find_row(branch["李娜"])
    assert grid.mark([(row, 1)], True, "2025-01-20") is False
    assert grid.message.text() == "请先在“计算基数”列填写李娜的月收入"
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM dues")[0]["n"] == 0
    # A student pays a fixed 0.20 元 whatever the base.
    ledger.update("members", branch["李娜"], {"dues_class": "学生"})
    grid.refresh()
    assert grid.mark([(row, 1)], True, "2025-01-20")
    assert db_rows(ledger_path, "SELECT amount_due, amount_paid, paid_on FROM dues WHERE member_id = ?",
                   (branch["李娜"],)) == [{"amount_due": 20, "amount_paid": 20, "paid_on": "2025-01-20"}]


def test_six_unpaid_months_flagged(qtbot, ledger, branch):
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    row = grid.find_row(branch["张伟"])
    grid.set_base(row, "4000")
    for m in range(1, 8):  # January–July, each paid in its month
        assert grid.mark([(row, m)], True, f"2025-{m:02d}-20")
    name = grid.model.index(row, 0)
    assert grid.model.data(name, Qt.ItemDataRole.ToolTipRole) is None  # Aug–Dec: five months
    assert grid.mark([(row, 7)], False)
    assert grid.model.data(name, Qt.ItemDataRole.ToolTipRole) == \
        "自2025-07至2025-12连续6个月未交纳党费（连续6个月不交纳党费按自行脱党处理），请及时联系本人"


def test_bad_base_refused(qtbot, ledger, ledger_path, branch):
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    assert grid.set_base(0, "四千") is False
    assert grid.message.text().startswith("张伟的计算基数应为数字")
    assert db_rows(ledger_path, "SELECT COUNT(*) AS n FROM dues")[0]["n"] == 0


@pytest.mark.parametrize("cls, base, expected", [
    ("在职", "3000", 1500), ("在职", "3000.01", 3000), ("在职", "10000.01", 20000), ("离退休", "5000", 2500),
    ("离退休", "6000", 6000), ("学生", "0", 20),
])
def test_grid_amount_due_follows_the_dues_rules(qtbot, ledger, ledger_path, branch, cls, base, expected):
    # RULES.md: the upper bound of a bracket belongs to the lower one; rounded to the fen.
    ledger.update("members", branch["王强"], {"dues_class": cls})
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    assert grid.set_base(grid.find_row(branch["王强"]), base)
    assert {r["amount_due"] for r in db_rows(ledger_path, "SELECT amount_due FROM dues WHERE member_id = ?",
                                             (branch["王强"],))} == {expected}


def test_checklist_saves(qtbot, ledger, ledger_path, branch):
    widget = D.ChecklistWidget(ledger, 2025)
    qtbot.addWidget(widget)
    items = widget.model.items
    assert items and all(it["code"] for it in items)
    code = items[0]["code"]
    index = widget.model.index(0, 2)
    with qtbot.waitSignal(widget.changed, timeout=1000):
        assert widget.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert widget.model.setData(widget.model.index(0, 3), "制度汇编（档案柜第二层）")
    rows = db_rows(ledger_path, "SELECT rule_code, year, met, evidence FROM checklist")
    assert rows == [{"rule_code": code, "year": 2025, "met": 1, "evidence": "制度汇编（档案柜第二层）"}]
    assert widget.summary.text().endswith("已落实 1 项")
    widget.set_item(code, met=False)
    assert db_rows(ledger_path, "SELECT met FROM checklist")[0]["met"] == 0
    # Another year is a separate list.
    widget.set_year(2024)
    assert widget.model.data(widget.model.index(0, 3)) == ""
    assert widget.set_item(code, met=True)
    assert db_rows(ledger_path, "SELECT year, met FROM checklist ORDER BY year") == \
        [{"year": 2024, "met": 1}, {"year": 2025, "met": 0}]


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, ledger, branch):
    grid = D.DuesGridWidget(ledger, 2025)
    qtbot.addWidget(grid)
    grid.set_base(0, "3000")
    qtmodeltester.check(grid.model)
    checklist = D.ChecklistWidget(ledger, 2025)
    qtbot.addWidget(checklist)
    qtmodeltester.check(checklist.model)
    meeting = D.MeetingDialog(ledger, None, {"kind": "支部党员大会", "date": "2025-03-05"})
    qtbot.addWidget(meeting)
    meeting.all_present()
    qtmodeltester.check(meeting.model)
    volunteer = D.VolunteerDialog(ledger, None, {"date": "2025-03-05"})
    qtbot.addWidget(volunteer)
    qtmodeltester.check(volunteer.model)
