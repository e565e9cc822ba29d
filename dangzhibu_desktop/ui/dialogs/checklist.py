"""The 自评 checklist: the items no ledger can count (活动阵地, 经费, 制度上墙 …), met + evidence."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...ledger.validate import LedgerError
from ...rules import checklist_items, load_rule_set
from .common import prepare_table

TEXT = {
    "basic": "所属",
    "item": "自评事项",
    "met": "已落实",
    "evidence": "佐证材料",
    "hint": "勾选已落实的事项，并在“佐证材料”中写明材料名称或存放位置（双击编辑）。修改即时保存。",
    "summary": "{year}年自评事项 {n} 项，已落实 {met} 项",
    "keep": "应留存：{what}",
}

def load_items() -> tuple[list[dict], str | None]:
    """The rule set's checklist items, or ([], why) when the rule-set file cannot be read."""
    try:
        return checklist_items(load_rule_set()), None
    except LedgerError as exc:
        return [], str(exc)


class ChecklistModel(QAbstractTableModel):
    COLUMNS = ("basic", "item", "met", "evidence")

    def __init__(self, ledger, year: int, items: list[dict], parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.year = year
        self.items = items
        self.saved: dict[str, dict] = {}
        self.on_error = None
        self.on_written = None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.saved = {r["rule_code"]: r for r in self.ledger.rows("checklist", "year = ?", (self.year,))}
        self.endResetModel()

    def answer(self, item: dict) -> dict:
        """The item's own row, else a row answering its whole rule (e.g. SYS-DOCS for all five
        制度): the assessment counts that row for every item, so the list must show it too."""
        return self.saved.get(item["code"]) or self.saved.get(item.get("rule_code")) or {}

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return TEXT[self.COLUMNS[section]]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = self.COLUMNS[index.column()]
        if key == "met":
            f |= Qt.ItemFlag.ItemIsUserCheckable
        elif key == "evidence":
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        saved = self.answer(item)
        key = self.COLUMNS[index.column()]
        if key == "met":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if saved.get("met") else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8f5e9" if saved.get("met") else "#ffebee"))
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "basic":
                return item.get("basic") or ""
            if key == "item":
                return item.get("label") or item["code"]
            return saved.get("evidence") or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "evidence":
                lines = [saved.get("evidence") or "", TEXT["keep"].format(what=item["evidence"])
                         if item.get("evidence") else ""]
                return "\n".join(t for t in lines if t) or None
            if key == "item":
                name = item.get("rule_name")
                label = item.get("label") or item["code"]
                return f"{label}\n（{name}）" if name and name != label else label
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        key = self.COLUMNS[index.column()]
        code = self.items[index.row()]["code"]
        if key == "met" and role == Qt.ItemDataRole.CheckStateRole:
            changes = {"met": 1 if Qt.CheckState(value) == Qt.CheckState.Checked else 0}
        elif key == "evidence" and role == Qt.ItemDataRole.EditRole:
            changes = {"evidence": str(value).strip() or None}
        else:
            return False
        if not self.write(code, changes):
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        return True

    def write(self, code: str, changes: dict) -> bool:
        """Upsert the (code, year) row; a refusal goes to ``on_error`` and nothing is written."""
        try:
            current = self.saved.get(code)
            if current is None:
                # An item answered by its rule's row keeps that answer when it gets a row of its own.
                item = next((it for it in self.items if it["code"] == code), {})
                whole = self.saved.get(item.get("rule_code")) or {}
                inherited = {k: whole[k] for k in ("met", "evidence") if whole.get(k) is not None}
                row_id = self.ledger.insert("checklist", {"rule_code": code, "year": self.year,
                                                          **inherited, **changes})
            else:
                row_id = current["id"]
                self.ledger.update("checklist", row_id, changes)
        except LedgerError as exc:
            if self.on_error:
                self.on_error(str(exc))
            return False
        self.saved[code] = self.ledger.get("checklist", row_id)
        if self.on_written:
            self.on_written()
        return True


class ChecklistWidget(QWidget):
    """The year's 自评 checklist; every tick or evidence edit is saved at once.

    Signals:
        changed(): a checklist row was written.
    """

    changed = Signal()

    def __init__(self, ledger, year: int, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.year = year
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(TEXT["hint"])
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        layout.addWidget(self.message)
        self.view = QTableView()
        items, problem = load_items()
        self.model = ChecklistModel(ledger, year, items, self)
        self.model.on_error = self._error
        self.model.on_written = self._written
        self.view.setModel(self.model)
        prepare_table(self.view)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setColumnWidth(0, 90)
        self.view.setColumnWidth(1, 420)
        self.view.setColumnWidth(2, 70)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.summary = QLabel("")
        layout.addWidget(self.summary)
        self._add_attachments(layout)
        self.update_summary()
        if problem:
            self._error(problem)

    def _add_attachments(self, layout) -> None:
        """The 佐证材料 of the selected item, written at once like the rest of the list."""
        from ..widgets.attachments import AttachmentsPanel

        self.attachments = AttachmentsPanel(self.ledger, "checklist", None, deferred=False, parent=self)
        self.attachments.ensure_owner = self._item_row_id
        layout.addWidget(self.attachments)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_attachments())
        self._show_attachments()

    def _current_code(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.items[index.row()]["code"] if index.isValid() and self.model.items else None

    def _item_row_id(self) -> int | None:
        code = self._current_code()
        if code is None:
            return None
        if code not in self.model.saved and not self.model.write(code, {}):
            return None
        return self.model.saved[code]["id"]

    def _show_attachments(self) -> None:
        code = self._current_code()
        row = self.model.saved.get(code) if code else None
        self.attachments.setEnabled(code is not None)
        self.attachments.set_owner("checklist", row["id"] if row else None)

    def set_year(self, year: int) -> None:
        self.year = year
        self.model.year = year
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self.update_summary()
        self._show_attachments()

    def set_item(self, code: str, met: bool | None = None, evidence: str | None = None) -> bool:
        """Programmatic edit (same path as the view's)."""
        row = next(i for i, it in enumerate(self.model.items) if it["code"] == code)
        ok = True
        if met is not None:
            ok = self.model.setData(self.model.index(row, 2),
                                    Qt.CheckState.Checked if met else Qt.CheckState.Unchecked,
                                    Qt.ItemDataRole.CheckStateRole)
        if ok and evidence is not None:
            ok = self.model.setData(self.model.index(row, 3), evidence, Qt.ItemDataRole.EditRole)
        return ok

    def _error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _written(self) -> None:
        self.message.hide()
        self.update_summary()
        self.changed.emit()

    def update_summary(self) -> None:
        met = sum(1 for it in self.model.items if self.model.answer(it).get("met"))
        self.summary.setText(TEXT["summary"].format(year=self.year, n=len(self.model.items), met=met))
