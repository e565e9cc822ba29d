"""Chinese everywhere (issue 14, item 9): on the demo ledger, every page of the window — its
labels, buttons, tabs, lists, trees and tables — shows no rule code (ORG-FORM) and no ISO
timestamp (2026-12-07T…) and no raw None/True; the codes stay in the JSON and the CLI's --json."""

from __future__ import annotations

import datetime as _dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QTreeWidget,
)

from dangzhibu_desktop.ui.app import wait_until_loaded

CODE = re.compile(r"\b[A-Z]{3,}-[A-Z][A-Z0-9-]*\b")
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:")  # also the 2026-12-07 23:50 of a raw stamp
RAW = re.compile(r"\b(None|True|False|null|nan)\b")  # a Python value printed as it is


def _model_texts(model, limit=400):
    out = []
    try:
        cols = model.columnCount()
    except TypeError:  # a list model (QListWidget's): one column
        cols = 1
    for c in range(cols):
        out.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    for r in range(min(model.rowCount(), limit)):
        for c in range(cols):
            ix = model.index(r, c)
            out.append(str(ix.data(Qt.ItemDataRole.DisplayRole) or ""))
            out.append(str(ix.data(Qt.ItemDataRole.ToolTipRole) or ""))
    return out


def _tree_texts(tree: QTreeWidget):
    out = []

    def walk(item):
        out.extend(item.text(c) for c in range(item.columnCount()))
        out.extend(item.toolTip(c) for c in range(item.columnCount()))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out


def visible_texts(page) -> list[str]:
    texts = []
    for w in page.findChildren(QLabel):
        texts += [w.text(), w.toolTip()]
    for w in page.findChildren(QAbstractButton):
        texts += [w.text(), w.toolTip()]
    for w in page.findChildren(QGroupBox):
        texts.append(w.title())
    for w in page.findChildren(QTabBar):
        texts += [w.tabText(i) for i in range(w.count())]
    for w in page.findChildren(QComboBox):
        texts += [w.itemText(i) for i in range(w.count())]
    for w in page.findChildren(QAbstractItemView):
        if isinstance(w, QTreeWidget):
            texts += _tree_texts(w)
        elif w.model() is not None:
            texts += _model_texts(w.model())
    return [t for t in texts if t]


@pytest.fixture
def demo_window(qtbot, tmp_path):
    from dangzhibu_desktop.demo import build_demo
    from dangzhibu_desktop.ledger import open_ledger
    from dangzhibu_desktop.ui.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    build_demo(path, "small", 2026)
    ledger = open_ledger(path)
    win = MainWindow(ledger, persist=False)
    win.session.today = _dt.date(2026, 12, 7)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.session.runner.pool.waitForDone(10000)


def test_no_codes_or_iso_stamps_on_any_page(demo_window):
    window = demo_window
    window.ledger.delete("members", window.ledger.rows("members")[0]["id"])  # a 回收站 row too
    found = {}
    for page in window.pages:
        window.show_page(page.slug)
        page.ensure_fresh()
        assert wait_until_loaded(window, page, 90), page.title
        bad = [t for t in visible_texts(page) if CODE.search(t) or ISO_STAMP.search(t) or RAW.search(t)]
        if bad:
            found[page.title] = bad[:5]
    assert not found, found
