"""年度工作日历 in the window: opened from 三会一课 → 年度日历…, each cell says what the SQLite file
holds for that month against the rule set's requirement, and a click shows it in full."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui_support import db_rows


def test_the_calendar_shows_held_and_missing_meetings(window, qtbot):
    page = window.show_page("meetings")
    qtbot.mouseClick(page.calendar_button, Qt.LeftButton)
    dlg = page.calendar_dialog
    qtbot.waitUntil(lambda: dlg.calendar is not None)  # computed on a reader in the background
    heads = [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())]
    col = heads.index("主题党日")
    days = db_rows(window.ledger.path, "SELECT date FROM meetings WHERE kind = '主题党日' ORDER BY date")
    assert [d for (d,) in days] == [f"2025-{m:02d}-15" for m in (1, 2, 3, 4)]
    assert [dlg.table.item(m - 1, col).text() for m in (1, 4)] == ["已开 15日", "已开 15日"]
    assert dlg.table.item(4, col).text() == "缺：应开1次"  # May is over on 15 June
    assert dlg.table.item(5, col).text().startswith("待开：应开1次")
    big = heads.index("支部党员大会")
    assert dlg.table.item(2, big).text() == "已开 20日"
    dlg.table.setCurrentCell(2, big)
    assert "2025-03-20 支部党员大会：年度工作部署" in dlg.detail.toPlainText()
    dlg.year_box.setCurrentIndex(dlg.year_box.findData(2024))
    qtbot.waitUntil(lambda: dlg.calendar is not None and dlg.calendar.year == 2024)
    assert dlg.calendar.year == 2024 and dlg.table.item(0, col).text() != "已开 15日"
    dlg.close()


def test_a_missing_month_opens_a_prefilled_meeting_whose_save_fills_it(window, qtbot):
    """May's 主题党日 is 缺: a double-click opens 记一次会议 as 主题党日 on 31 May; saved, the
    meeting is in the file and the cell says 已开."""
    from dangzhibu_desktop.ui.dialogs.common import get_date
    from tests.ui_support import run_modal, type_text

    dlg = window.page("meetings").open_calendar(2025)
    qtbot.waitUntil(lambda: dlg.calendar is not None)
    heads = [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())]
    col = heads.index("主题党日")
    assert dlg.table.item(4, col).text() == "缺：应开1次"
    seen = {}

    def handle(editor):
        seen["kind"] = editor.ui.kindCombo.currentText()
        seen["date"] = get_date(editor.ui.dateEdit)
        type_text(qtbot, editor.ui.topicEdit, "补记五月主题党日")
        editor.ask_incomplete = lambda missing: True  # 主持人/记录人 left empty here
        editor.save()

    rect = dlg.table.visualItemRect(dlg.table.item(4, col))
    qtbot.mouseClick(dlg.table.viewport(), Qt.LeftButton, pos=rect.center())
    run_modal(qtbot, lambda: qtbot.mouseDClick(dlg.table.viewport(), Qt.LeftButton, pos=rect.center()), handle)
    assert seen == {"kind": "主题党日", "date": "2025-05-31"}
    assert db_rows(window.ledger.path, "SELECT kind, date FROM meetings WHERE topic = '补记五月主题党日'") == [
        ("主题党日", "2025-05-31")]
    qtbot.waitUntil(lambda: dlg.calendar is not None)
    assert dlg.table.item(4, col).text() == "已开 31日"
    dlg.close()


def test_no_rule_code_or_english_in_the_calendar(window, qtbot):
    import re

    code = re.compile(r"\b[A-Z]{3,}-[A-Z-]{3,}\b|[a-z]{4,}")
    dlg = window.page("meetings").open_calendar(2025)
    qtbot.waitUntil(lambda: dlg.calendar is not None)
    texts = []
    for r in range(dlg.table.rowCount()):
        for c in range(dlg.table.columnCount()):
            texts.append(dlg.table.item(r, c).text())
            dlg.table.setCurrentCell(r, c)
            texts.append(dlg.detail.toPlainText())
    texts += [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())]
    assert not [t for t in texts if code.search(t)]
    assert any("计划" in t for t in texts)
    dlg.close()


def test_a_meeting_typed_ahead_is_opened_not_duplicated(window, qtbot, monkeypatch):
    from dangzhibu_desktop.ui import editing

    ahead = window.ledger.insert("meetings", {"kind": "主题党日", "date": "2025-06-25", "topic": "六月主题党日（计划）"})
    dlg = window.page("meetings").open_calendar(2025)
    qtbot.waitUntil(lambda: dlg.calendar is not None)
    col = [dlg.table.horizontalHeaderItem(c).text() for c in range(dlg.table.columnCount())].index("主题党日")
    assert dlg.table.item(5, col).text() == "待开：应开1次\n已登记 25日*"
    opened = []
    monkeypatch.setattr(editing, "edit_record", lambda parent, ledger, table, row_id=None, defaults=None:
                        opened.append((table, row_id, defaults)))
    dlg.open_cell(5, col)
    dlg.open_cell(4, col)  # May: nothing typed ahead, 缺 — a new one in May
    assert opened == [("meetings", ahead, None),
                      ("meetings", None, {"kind": "主题党日", "date": "2025-05-31"})]
    dlg.close()
