"""The generic table model behind every list page, and its search/filter proxy.

A page declares its columns once (``Column``) and hands the model plain row dicts that
its loader read from the ledger in one query. ``data()`` only formats what is already in
memory, so painting never touches SQLite. Rows are exposed to the view in chunks
(``canFetchMore``/``fetchMore``) so a ten-year table opens instantly.
"""

from __future__ import annotations

import datetime as _dt

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ..ledger.schema import TABLES
from ..ledger.validate import format_hours, format_money

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
FETCH_CHUNK = 200

NUMERIC_KINDS = ("int", "money", "hours", "count")


@dataclass(frozen=True)
class Column:
    """One column of a list page.

    Attributes:
        key: key of the row dict.
        label: header text (Chinese).
        kind: text, date, money (fen), hours (tenths), int, count, bool.
        width: initial width in pixels (the view never resizes to contents over all rows).
        color: optional ``row -> colour name`` for the text (e.g. overdue in red).
    """

    key: str
    label: str
    kind: str = "text"
    width: int = 100
    color: Callable[[dict], str | None] | None = None


def field_column(table: str, key: str, label: str | None = None, width: int = 100,
                 color=None) -> Column:
    """A column for a schema field: label and kind come from ``ledger.schema.TABLES``."""
    f = TABLES[table].field(key)
    kind = {"money": "money", "hours": "hours", "bool": "bool", "int": "int", "year": "int"}.get(f.kind, "text")
    if f.kind == "ref":
        kind = "text"
    return Column(key, label or f.label, kind, width, color)


def format_value(kind: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if kind == "money":
        return format_money(value)
    if kind == "hours":
        return format_hours(value)
    if kind == "bool":
        return "是" if value else "否"
    if kind in ("datetime", "datetime_seconds"):
        return datetime_text(str(value), seconds=kind == "datetime_seconds")
    return str(value)


def datetime_text(stamp: str, seconds: bool = False) -> str:
    """2026-12-02T01:29:01 -> 2026年12月2日 01:29 (what the 回收站 and the 操作日志 show), with
    ``seconds`` 2026年12月2日 01:29:01. The model sorts such a column by the ISO stamp."""
    try:
        d = _dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{d.year}年{d.month}月{d.day}日 {d.hour:02d}:{d.minute:02d}" + (f":{d.second:02d}" if seconds else "")


def sort_value(kind: str, value: Any):
    # Keep one type per column so Qt compares the variants natively (no Python lessThan).
    if kind in NUMERIC_KINDS or kind == "bool":
        return int(value) if value not in (None, "") else -1
    return "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows (dicts) × declared columns, read-only, fetched into the view in chunks."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict] = []
        self._shown = 0
        self._search_cache: dict[int, str] = {}

    # ---- data in ---------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(FETCH_CHUNK, len(self._rows))
        self._search_cache = {}
        self.endResetModel()

    def total(self) -> int:
        return len(self._rows)

    def row(self, source_row: int) -> dict:
        return self._rows[source_row]

    def all_rows(self) -> list[dict]:
        return list(self._rows)

    def search_text(self, source_row: int) -> str:
        text = self._search_cache.get(source_row)
        if text is None:
            r = self._rows[source_row]
            text = " ".join(format_value(c.kind, r.get(c.key)) for c in self.columns).lower()
            self._search_cache[source_row] = text
        return text

    # ---- lazy fetch ------------------------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        remaining = len(self._rows) - self._shown
        if remaining <= 0:
            return
        n = min(FETCH_CHUNK, remaining)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
        self._shown += n
        self.endInsertRows()

    def fetch_all(self) -> None:
        if self._shown < len(self._rows):
            self.beginInsertRows(QModelIndex(), self._shown, len(self._rows) - 1)
            self._shown = len(self._rows)
            self.endInsertRows()

    # ---- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemNeverHasChildren

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.DisplayRole:
                return self.columns[section].label
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignLeft | Qt.AlignVCenter)
        elif orientation == Qt.Vertical and role == Qt.DisplayRole and 0 <= section < self._shown:
            return section + 1
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= self._shown or index.column() >= len(self.columns):
            return None
        col = self.columns[index.column()]
        r = self._rows[index.row()]
        value = r.get(col.key)
        if role == Qt.DisplayRole:
            return format_value(col.kind, value)
        if role == Qt.ToolTipRole:
            text = format_value(col.kind, value)
            return text if len(text) > 12 else None
        if role == SORT_ROLE:
            return sort_value(col.kind, value)
        if role == ROW_ROLE:
            return r.get("id")
        if role == Qt.TextAlignmentRole:
            if col.kind in NUMERIC_KINDS:
                return int(Qt.AlignRight | Qt.AlignVCenter)
            return int(Qt.AlignLeft | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and col.color is not None:
            name = col.color(r)
            return QBrush(QColor(name)) if name else None
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Search box + equality filters (kind, status, 党小组 …) over a ``RecordTableModel``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._equals: dict[str, Any] = {}
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self._change(lambda: setattr(self, "_search", text.strip().lower()))

    def set_equals(self, key: str, value: Any) -> None:
        """Keep rows whose ``key`` equals ``value`` (or is in it, for a set); ``None`` removes it."""
        if value is None:
            self._change(lambda: self._equals.pop(key, None))
        else:
            self._change(lambda: self._equals.__setitem__(key, value))

    def active(self) -> bool:
        return bool(self._search or self._equals)

    def _change(self, mutate) -> None:
        self.beginFilterChange()
        mutate()
        src = self.sourceModel()
        # A filter must see every row, not only the chunk fetched so far.
        if self.active() and src is not None:
            src.fetch_all()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        src = self.sourceModel()
        if self._equals:
            r = src.row(source_row)
            for key, value in self._equals.items():
                got = r.get(key)
                if isinstance(value, (set, frozenset, tuple, list)):
                    if got not in value:
                        return False
                elif got != value:
                    return False
        if self._search:
            words = self._search.split()
            text = src.search_text(source_row)
            return all(w in text for w in words)
        return True

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        src = self.sourceModel()
        if src is not None and column >= 0:
            src.fetch_all()  # sorting a partial list would mislead
        super().sort(column, order)

    def row_id(self, proxy_row: int) -> int | None:
        idx = self.mapToSource(self.index(proxy_row, 0))
        if not idx.isValid():
            return None
        return self.sourceModel().row(idx.row()).get("id")

    def row_dict(self, proxy_row: int) -> dict | None:
        idx = self.mapToSource(self.index(proxy_row, 0))
        if not idx.isValid():
            return None
        return self.sourceModel().row(idx.row())
