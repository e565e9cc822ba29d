"""Helpers of the window tests: read the SQLite file itself, drive a modal dialog, export from
the 导出打印 page. (Fixtures are in conftest.py; no test module imports another.)"""

from __future__ import annotations

import re
import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from dangzhibu_desktop.ui.app import wait_until_loaded


def db_rows(path, sql, params=()):
    """Read the SQLite file itself, not through the window's connection."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def type_text(qtbot, widget, text):
    """Type as a person does: keys for ASCII, what a Chinese 输入法 commits (年 月 日, full-width
    digits, names) as its commit string — qtbot.keyClicks cannot send non-ASCII keys."""
    for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def run_modal(qtbot, trigger, handle):
    """Trigger something that opens a modal dialog; ``handle(dialog)`` runs while it is open."""
    seen = []

    def poke():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, poke)
            return
        seen.append(dlg)
        handle(dlg)

    QTimer.singleShot(0, poke)
    trigger()
    assert seen, "the editor did not open"
    return seen[0]


def export_from_page(window, kind, ext, out):
    page = window.show_page("export")
    page.ask_open = False
    page.kind_box.setCurrentIndex(page.kind_box.findData(kind))
    i = page.format_box.findData(ext)
    assert i >= 0, (kind, ext)
    page.format_box.setCurrentIndex(i)
    page.out_edit.setText(str(out))
    page.export_button.click()
    assert page.is_loading()
    assert wait_until_loaded(window, page, 60)
    return page
