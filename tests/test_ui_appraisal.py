"""民主评议 in the window: 编辑 → 民主评议… opens the year's 评议, a rating picked in the grid is
stored in the SQLite file."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

sys.path.insert(0, str(Path(__file__).parent))

from ui_support import db_rows, run_modal  # noqa: E402


def menu_action(window, menu_title, text):
    for menu_action in window.menuBar().actions():
        if menu_action.text().startswith(menu_title):
            for a in menu_action.menu().actions():
                if a.text() == text:
                    return a
    raise AssertionError(f"no {menu_title} → {text}")


def test_appraisals_open_from_the_menu_and_store_a_rating(qtbot, window, ledger_path):
    action = menu_action(window, "编辑", "民主评议…")
    year = window.session.today.year
    seen = {}

    def rate(dlg):
        seen["title"] = dlg.windowTitle()
        seen["year"] = dlg.ui.yearSpin.value()
        seen["names"] = [r["name"] for r in dlg.model.rows]
        view, model = dlg.ui.ratingsTable, dlg.model
        index = model.index(0, model.column_index("rating"))
        view.setCurrentIndex(index)
        view.edit(index)
        combo = view.findChild(QComboBox)
        combo.setCurrentIndex(combo.findText("优秀"))
        combo.activated.emit(combo.currentIndex())  # the person picks 优秀 in the cell
        view.commitData(combo)
        dlg.fill_qualified()
        seen["summary"] = dlg.ui.summaryLabel.text()
        qtbot.mouseClick(dlg.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    run_modal(qtbot, action.trigger, rate)
    assert seen["year"] == year and seen["names"]
    assert "优秀 1" in seen["summary"]
    rows = db_rows(ledger_path, "SELECT m.name, a.rating FROM appraisals a JOIN members m ON m.id = a.member_id "
                                "WHERE a.year = ? AND a.deleted_at IS NULL ORDER BY a.id", (year,))
    assert rows[0] == (seen["names"][0], "优秀")
    assert [r for _n, r in rows[1:]] == ["合格"] * (len(seen["names"]) - 1)
