"""Base classes of the pages: ``Page`` (anything in the navigation) and ``ListPage`` (a table
of ledger rows with search, filters, sort, edit on double-click and delete to the 回收站)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...ledger.validate import LedgerError
from .. import editing
from ..models import Column, RecordFilterProxy, RecordTableModel
from ..session import Session, years_of

ALL = "全部"


class Page(QWidget):
    """A page of the main window.

    Signals:
        status_changed(): the text for the status bar changed (counts).
    """

    slug = "page"
    title = "页面"
    status_changed = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.stale = True
        self._year_shared = False
        session.changed.connect(self._on_session_changed)
        session.year_changed.connect(self._on_session_year)

    @property
    def ledger(self):
        return self.session.ledger

    def _on_session_changed(self, _table: str) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def ensure_fresh(self) -> None:
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        box = getattr(self, "year_box", None)
        if box is not None and not self._year_shared:
            # A person's pick (fill_year_box is silent) becomes the session's year.
            self._year_shared = True
            box.currentIndexChanged.connect(self._year_picked)

    def _year_picked(self, _i: int) -> None:
        year = self.year_box.currentData()
        if isinstance(year, int):
            self.session.set_year(year)

    def _on_session_year(self, year: int) -> None:
        """Another page chose ``year``: show it here too (a box not filled yet starts on it)."""
        box = getattr(self, "year_box", None)
        if box is None or box.count() == 0 or box.currentData() == year:
            return
        blocker = QSignalBlocker(box)
        i = box.findData(year)
        if i < 0:
            box.addItem(f"{year}年", year)
            i = box.count() - 1
        box.setCurrentIndex(i)
        del blocker
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_fresh()

    def is_loading(self) -> bool:
        """True while a background task of this page has not delivered its data."""
        return False

    # actions the window's menu and toolbar route to the current page
    def can_create(self) -> bool:
        return False

    def new_record(self) -> None:
        pass

    def can_edit(self) -> bool:
        return False

    def edit_selected(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def can_undo_delete(self) -> bool:
        return False

    def undo_delete(self) -> None:
        pass

    def status_text(self) -> str:
        return ""


def fill_year_box(box: QComboBox, years: list[int], current, all_label: str | None = None) -> None:
    """Refill a year selector (newest first), keeping ``current`` selected when still listed.

    Silent: ``currentIndexChanged`` fires only when a person (or ``set_year``) picks a year,
    never for the refill; the caller reloads its data after refilling.
    """
    blocker = QSignalBlocker(box)
    box.clear()
    for y in years:
        box.addItem(f"{y}年", y)
    if all_label:
        box.addItem(all_label, None)
    i = box.findData(current)
    box.setCurrentIndex(i if i >= 0 else 0)
    del blocker


@dataclass(frozen=True)
class Filter:
    """A combo box over one key of the rows; ``choices`` gives (label, value) pairs."""

    key: str
    label: str
    choices: Callable[[object], list[tuple[str, object]]]


def enum_choices(values) -> Callable[[object], list[tuple[str, object]]]:
    return lambda _ledger: [(v, v) for v in values]


def group_choices(ledger) -> list[tuple[str, object]]:
    return [(r["name"], r["id"]) for r in ledger.rows("party_groups", order_by="id")]  # 第二 before 第三


class ListPage(Page):
    """A table of rows from the ledger.

    Subclasses set ``table`` (the table edited and deleted), ``columns``, optional
    ``filters`` and ``year_field`` (the date column the year selector filters on, in SQL),
    and implement ``load_rows(year)``.
    """

    table = ""
    columns: list[Column] = []
    filters: list[Filter] = []
    year_field: str | None = None
    year_table: str | None = None
    new_label = "新建"
    empty_hint = "暂无记录"

    def __init__(self, session: Session, parent=None):
        super().__init__(session, parent)
        self.model = RecordTableModel(self.columns, self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_boxes: dict[str, QComboBox] = {}
        self.year_box: QComboBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        self.header_widget = self.build_header()
        if self.header_widget is not None:
            layout.addWidget(self.header_widget)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.new_button = QPushButton(self.new_label)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton("编辑")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("删除")  # not the enumeration
        self.delete_button.clicked.connect(self.delete_selected)
        for b in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        if not editing.editors_available():
            for b in (self.new_button, self.edit_button):
                b.setEnabled(False)
                b.setToolTip("编辑窗口尚未安装")
        self.extra_buttons(bar)
        bar.addSpacing(12)
        if self.year_field:
            self.year_box = QComboBox()
            self.year_box.setMinimumWidth(90)
            self.year_box.currentIndexChanged.connect(self._year_changed)
            bar.addWidget(self.year_box)
        for f in self.filters:
            box = QComboBox()
            box.setMinimumWidth(100)
            box.setToolTip(f.label)
            box.currentIndexChanged.connect(lambda _i, key=f.key: self._filter_changed(key))
            self.filter_boxes[f.key] = box
            bar.addWidget(box)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search)
        layout.addLayout(bar)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)  # never resize-to-contents over all rows
        # stretching a right-aligned number column would push it far from its label
        header.setStretchLastSection(bool(self.columns) and self.columns[-1].kind == "text")
        header.setHighlightSections(False)
        for i, c in enumerate(self.columns):
            self.view.setColumnWidth(i, c.width)
        self.view.doubleClicked.connect(lambda _idx: self.edit_selected())
        for key in (Qt.Key_Return, Qt.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.view)
            enter.setContext(Qt.WidgetShortcut)
            enter.activated.connect(self.edit_selected)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.view, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._filling = False
        self._last_deleted: list[int] = []

    # ---- hooks for subclasses -------------------------------------------------------
    def build_header(self) -> QWidget | None:
        return None

    def extra_buttons(self, bar: QHBoxLayout) -> None:
        pass

    def load_rows(self, year: int | None) -> list[dict]:
        raise NotImplementedError

    def new_defaults(self) -> dict | None:
        return None

    def after_refresh(self, rows: list[dict]) -> None:
        pass

    # ---- loading ---------------------------------------------------------------------
    def selected_year(self) -> int | None:
        if self.year_box is None:
            return None
        return self.year_box.currentData()

    def refresh(self) -> None:
        super().refresh()
        self._filling = True
        try:
            self._fill_year_box()
            self._fill_filter_boxes()
        finally:
            self._filling = False
        rows = self.load_rows(self.selected_year())
        self.model.set_rows(rows)
        self.after_refresh(rows)
        self._update_count()

    def _fill_year_box(self) -> None:
        if self.year_box is None:
            return
        current = self.year_box.currentData() if self.year_box.count() else self.session.default_year()
        years = years_of(self.ledger, self.year_table or self.table, self.year_field, self.session.default_year())
        fill_year_box(self.year_box, years, current, "全部年度")

    def _fill_filter_boxes(self) -> None:
        for f in self.filters:
            box = self.filter_boxes[f.key]
            current = box.currentData()
            box.clear()
            box.addItem(f"{ALL}{f.label}", None)
            for label, value in f.choices(self.ledger):
                box.addItem(label, value)
            i = box.findData(current) if current is not None else 0
            box.setCurrentIndex(i if i >= 0 else 0)

    def set_filter(self, key: str, value) -> None:
        """Choose a filter value programmatically (tests, quick links)."""
        box = self.filter_boxes[key]
        i = box.findData(value)
        if i < 0:
            raise KeyError(value)
        box.setCurrentIndex(i)
        self.proxy.set_equals(key, value)

    def set_year(self, year: int | None) -> None:
        if self.year_box is None:
            return
        i = self.year_box.findData(year)
        if i < 0:
            self.year_box.addItem(f"{year}年", year)
            i = self.year_box.count() - 1
        self.year_box.setCurrentIndex(i)

    def _year_changed(self, _i: int) -> None:
        if not self._filling:
            rows = self.load_rows(self.selected_year())
            self.model.set_rows(rows)
            self.after_refresh(rows)
            self._update_count()

    def _filter_changed(self, key: str) -> None:
        if self._filling:
            return
        self.proxy.set_equals(key, self.filter_boxes[key].currentData())

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)

    def _update_count(self, *_args) -> None:
        shown = self.proxy.rowCount()
        total = self.model.total()
        if total == 0:
            text = self.empty_hint
        elif self.proxy.active():
            text = f"共 {total} 条，筛选后 {shown} 条"
        else:
            text = f"共 {total} 条"
        self.count_label.setText(text)
        self.status_changed.emit()

    def status_text(self) -> str:
        return f"{self.title}：{self.count_label.text()}"

    # ---- selection and actions ---------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [rid for rid in (self.proxy.row_id(r) for r in rows) if rid is not None]

    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        if idx.isValid():
            return self.proxy.row_id(idx.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, row_id: int) -> bool:
        self.model.fetch_all()
        for r in range(self.proxy.rowCount()):
            if self.proxy.row_id(r) == row_id:
                self.view.selectRow(r)
                self.view.scrollTo(self.proxy.index(r, 0))
                return True
        return False

    def reveal(self, row_id: int, year: int | None = None) -> bool:
        """Show the row ``row_id`` selected (the search's jump): its year chosen, the filters and
        the search box cleared so nothing hides it. False when the page does not list it."""
        self.ensure_fresh()
        self.search.clear()
        for key, box in self.filter_boxes.items():
            box.setCurrentIndex(0)
            self.proxy.set_equals(key, None)
        if self.year_box is not None and year is not None and year != self.selected_year():
            self.set_year(year)
        found = self.select_id(row_id)
        if found:
            self.view.setFocus(Qt.OtherFocusReason)
        return found

    def can_create(self) -> bool:
        return bool(self.table) and editing.editors_available()

    def can_edit(self) -> bool:
        return self.can_create()

    def new_record(self) -> None:
        if not self.can_create():
            return
        new_id = editing.edit_record(self, self.ledger, self.edit_table(None), None, self.new_defaults())
        if new_id is not None:
            self.session.notify_changed(self.table)
            self.ensure_fresh()
            self.select_id(new_id)

    def edit_table(self, row: dict | None) -> str:
        return self.table

    def edit_id(self, row: dict) -> int:
        return row["id"]

    def edit_selected(self) -> None:
        rid = self.current_id()
        if rid is None or not self.can_edit():
            return
        row = next((r for r in self.model.all_rows() if r.get("id") == rid), {"id": rid})
        saved = editing.edit_record(self, self.ledger, self.edit_table(row), self.edit_id(row))
        if saved is not None:
            self.session.notify_changed(self.table)
            self.ensure_fresh()
            self.select_id(rid)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.table:
            return
        if len(ids) == 1:
            row = next((r for r in self.model.all_rows() if r.get("id") == ids[0]), {})
            name = self.row_title(row)
            question = f"把“{name}”移到回收站？\n以后可以在“设置与备份 → 回收站”中恢复。"
        else:
            question = f"把选中的 {len(ids)} 条记录移到回收站？\n以后可以在“设置与备份 → 回收站”中恢复。"
        warning = self.delete_warning(ids)
        if warning:
            question += "\n\n" + warning
        answer = QMessageBox.question(self, "删除", question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)  # not the enumeration
        if answer != QMessageBox.Yes:
            return
        try:
            with self.ledger.transaction():
                for rid in ids:
                    self.ledger.delete(self.table, rid)
        except LedgerError as exc:
            QMessageBox.warning(self, "无法删除", str(exc))
            return
        self._last_deleted = ids
        self.session.notify_changed(self.table)
        self.ensure_fresh()
        self.session.say(f"已把 {len(ids)} 条记录移到回收站（Ctrl+Z 撤销）")

    def delete_warning(self, ids: list[int]) -> str:
        """What else deleting these rows changes, said in the confirmation ("" = nothing)."""
        return ""

    def can_undo_delete(self) -> bool:
        return bool(self._last_deleted)

    def undo_delete(self) -> None:
        """Bring back what this page last moved to the 回收站."""
        ids, self._last_deleted = self._last_deleted, []
        if not ids:
            return
        try:
            with self.ledger.transaction():
                for rid in ids:
                    self.ledger.restore(self.table, rid)
        except LedgerError as exc:
            QMessageBox.warning(self, "无法撤销", str(exc))
            return
        self.session.notify_changed(self.table)
        self.ensure_fresh()
        if ids:
            self.select_id(ids[0])
        self.session.say(f"已恢复 {len(ids)} 条记录")

    def row_title(self, row: dict) -> str:
        for key in ("name", "title", "topic", "problem"):
            if row.get(key):
                return str(row[key])
        return f"编号{row.get('id')}"

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        a_new = menu.addAction(self.new_label, self.new_record)
        a_new.setEnabled(self.can_create())
        a_edit = menu.addAction("编辑…", self.edit_selected)
        a_edit.setEnabled(self.can_edit() and self.current_id() is not None)
        menu.addSeparator()
        a_del = menu.addAction("删除（移到回收站）", self.delete_selected)
        a_del.setShortcut(QKeySequence.Delete)
        a_del.setEnabled(bool(self.table) and bool(self.selected_ids()))
        a_undo = menu.addAction("撤销删除", self.undo_delete)
        a_undo.setEnabled(self.can_undo_delete())
        menu.addSeparator()
        self.extra_menu(menu)
        copy = QAction("复制单元格", menu)
        copy.triggered.connect(self._copy_cell)
        menu.addAction(copy)
        menu.addAction("刷新", self.refresh)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def extra_menu(self, menu: QMenu) -> None:
        pass

    def _copy_cell(self) -> None:
        from PySide6.QtWidgets import QApplication

        idx = self.view.currentIndex()
        if idx.isValid():
            QApplication.clipboard().setText(str(idx.data() or ""))
