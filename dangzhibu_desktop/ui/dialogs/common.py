"""What every editor shares: the record-dialog base, date/combo helpers and the member grid model.

A dialog holds its compiled Designer form (``self.ui = Ui_X(); self.ui.setupUi(self)``), reads
its values into plain Python on save, and writes them in ONE ledger transaction, so a refused
value (a ``ValidationError`` in Chinese) leaves nothing half-written.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHeaderView,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QStyledItemDelegate, QTableView, QTabWidget,
    QWidget,
)

from ...ledger import enums
from ...ledger.dates import DateTextError
from ...ledger.schema import ATTACHMENT_OWNER_TABLES
from ...ledger.validate import LedgerError, ValidationError
from ..widgets.datefield import DateField, TimeField


TEXT = {
    "save": "保存",
    "cancel": "取消",
    "discard": "不保存",
    "none": "（无）",
    "date_required": "请填写{label}",
    "future_title": "日期在今天之后",
    "future_body": "日期在今天之后，确定吗？\n{items}",
    "future_item": "{label}：{date}",
    "date_label": "日期",
    "unsaved_title": "尚未保存",
    "unsaved_body": "“{title}”有尚未保存的修改，是否保存？",
    "not_found": "{label}中找不到这条记录（可能已被删除）",
}

ERROR_STYLE = "border: 1px solid #c62828;"


# ---- dates ------------------------------------------------------------------------------------
def setup_date(edit: DateField, optional: bool = True, future_ok: bool = False) -> None:
    """Make ``edit`` a typed date field; optional ones start empty, required ones on today.

    ``future_ok``: a date after today is normal here (a deadline), so saving does not ask.
    """
    edit.set_optional(optional)
    edit.future_ok = future_ok
    edit.set_date(None if optional else _dt.date.today())


def get_date(edit: DateField) -> str | None:
    """The field's committed date as ISO text (None when empty)."""
    return edit.iso()


def set_date(edit: DateField, value: str | _dt.date | None) -> None:
    if not value and not edit.optional():
        return
    try:
        edit.set_date(value or None)
    except DateTextError:
        pass  # a stored value is always ISO; nothing else is ever shown as a date


def parse_iso(value) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# ---- combos -----------------------------------------------------------------------------------
def fill_combo(combo: QComboBox, items: Iterable, blank: str | None = None) -> None:
    """``items``: labels (data = label) or (label, data) pairs; ``blank`` adds an empty first item."""
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for item in items:
        if isinstance(item, tuple):
            combo.addItem(str(item[0]), item[1])
        else:
            combo.addItem(str(item), item)
    combo.blockSignals(False)


def combo_value(combo: QComboBox):
    if combo.isEditable():
        text = combo.currentText().strip()
        return text or None
    return combo.currentData()


def set_combo(combo: QComboBox, value) -> None:
    if combo.isEditable():
        combo.setCurrentText("" if value is None else str(value))
        return
    idx = combo.findData(value)
    if idx < 0:
        idx = 0
    combo.setCurrentIndex(idx)


def member_choices(ledger, keep: Iterable[int | None] = ()) -> list[tuple[str, int]]:
    """(label, id) of members on the books today plus any already referenced (kept on edit)."""
    keep_ids = {k for k in keep if k}
    rows = ledger.rows("members", "status = ?", (enums.ACTIVE_STATUS,))
    have = {r["id"] for r in rows}
    for mid in sorted(keep_ids - have):
        row = ledger.get("members", mid)
        if row:
            rows.append(row)
    names = [r["name"] for r in rows]
    out = []
    for r in rows:
        label = r["name"] if names.count(r["name"]) == 1 else f"{r['name']}（编号{r['id']}）"
        out.append((label, r["id"]))
    return out


def party_choices(ledger, keep: Iterable[int | None] = (), day: _dt.date | None = None) -> list[tuple[str, int]]:
    """``member_choices`` for a post only a 党员 may hold (支委, 党小组组长): 正式党员 and 预备党员
    on the books (``Ledger.party_members_on``), plus whoever the record already names."""
    keep_ids = {k for k in keep if k}
    party = {m["id"] for m in ledger.party_members_on(day or _dt.date.today())}
    return [(label, mid) for label, mid in member_choices(ledger, keep_ids) if mid in party or mid in keep_ids]


def group_choices(ledger) -> list[tuple[str, int]]:
    # Creation order, as on the 工作台: by name 第三 sorts before 第二.
    return [(g["name"], g["id"]) for g in ledger.rows("party_groups", order_by="id")]


def plain_text(edit: QPlainTextEdit) -> str | None:
    text = edit.toPlainText().strip()
    return text or None


def line_text(edit: QLineEdit) -> str | None:
    text = edit.text().strip()
    return text or None


def prepare_table(view: QTableView, stretch_column: int | None = None) -> None:
    """Fixed row heights and no resize-to-contents, so long grids stay fast."""
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(max(26, view.fontMetrics().height() + 10))
    view.horizontalHeader().setHighlightSections(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    if stretch_column is not None:
        view.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


# ---- the member grid (attendance, hours, roles …) --------------------------------------------
@dataclass
class GridColumn:
    key: str
    title: str
    kind: str = "text"  # text (read only) | check | edit | choice
    choices: tuple = ()
    width: int = 100
    tip: str | None = None


class MemberGrid(QAbstractTableModel):
    """Rows of plain dicts (one per person), columns declared once as ``GridColumn``.

    Signals:
        edited(int, str): a person changed a cell (row, column key).
    """

    edited = Signal(int, str)

    def __init__(self, columns: list[GridColumn], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self.colors: Callable[[dict, str], QColor | None] | None = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return col.tip
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if 0 <= index.row() < len(self.rows) and self.rows[index.row()].get("binned"):
            return base  # a person in the 回收站: shown, not editable
        if col.kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if col.kind in ("edit", "choice"):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        value = row.get(col.key)
        if col.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(value) if value else col.tip
        if role == Qt.ItemDataRole.BackgroundRole and self.colors is not None:
            color = self.colors(row, col.key)
            return QBrush(color) if color is not None else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if col.kind == "check" and role == Qt.ItemDataRole.CheckStateRole:
            new = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            row[col.key] = bool(new)
        elif col.kind in ("edit", "choice") and role == Qt.ItemDataRole.EditRole:
            row[col.key] = str(value).strip() if value is not None else ""
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.edited.emit(index.row(), col.key)
        return True

    def set_value(self, row: int, key: str, value) -> None:
        """Programmatic change (buttons such as 全部出席) that views and listeners see."""
        self.rows[row][key] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.edited.emit(row, key)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the ``choice`` columns of a ``MemberGrid``."""

    def __init__(self, choices: tuple, parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItems(list(self.choices))
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        i = editor.findText(value)
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


def attach_grid(view: QTableView, model: MemberGrid) -> None:
    view.setModel(model)
    prepare_table(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    for i, col in enumerate(model.columns):
        view.setColumnWidth(i, col.width)
        if col.kind == "choice":
            view.setItemDelegateForColumn(i, ChoiceDelegate(col.choices, view))
    view.horizontalHeader().setStretchLastSection(True)


def selected_rows(view: QTableView) -> list[int]:
    sel = view.selectionModel()
    if sel is None:
        return []
    return sorted({i.row() for i in sel.selectedIndexes()})


class _WidgetError(Exception):
    def __init__(self, message: str, widget: QWidget):
        super().__init__(message)
        self.message = message
        self.widget = widget


# ---- the record dialog --------------------------------------------------------------------------
class RecordDialog(QDialog):
    """Base of every editor: a compiled form, inline Chinese errors, Ctrl+S, an unsaved-changes guard.

    Subclasses set ``table`` and ``form_class`` and implement ``load(row)`` and ``write()`` (which
    reads the widgets and writes inside the transaction ``save`` opens, returning the row id).
    """

    table: str = ""
    form_class: type | None = None

    def __init__(self, ledger, row_id: int | None = None, defaults: dict | None = None, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.row_id = row_id
        self.defaults = dict(defaults or {})
        self.saved_id: int | None = None
        self._dirty = False
        self._loading = True
        self._future_ok: set = set()
        self.field_widgets: dict[str, QWidget] = {}
        self.ui = self.form_class()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        box = self.ui.buttonBox
        box.button(QDialogButtonBox.StandardButton.Save).setText(TEXT["save"])
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(TEXT["cancel"])
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self._save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self._save_shortcut.activated.connect(self.save)
        self.record: dict = {}
        if row_id is not None:
            found = ledger.get(self.table, row_id)
            if found is None:
                from ...ledger.schema import TABLES

                raise LedgerError(TEXT["not_found"].format(label=TABLES[self.table].label))
            self.record = found
        self.setup()
        self.attachments = None  # the 佐证材料 panel of records that can carry them
        if self.table in ATTACHMENT_OWNER_TABLES:
            from ..widgets.attachments import install

            self.attachments = install(self, self.table)
        # On an existing row ``defaults`` are the change proposed (去办理 closing a 整改 item:
        # 已完成 with its date), shown over the record and saved only if the person saves.
        self.load({**self.record, **self.defaults} if self.record else self.defaults)
        self._watch()
        self._loading = False
        self._dirty = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_fitted", False):  # once: a size the person chose is kept
            self._fitted = True
            from ..screenfit import fit_to_screen

            fit_to_screen(self)

    # -- to implement
    def setup(self) -> None:
        """Fill choices, wire signals (called once before ``load``)."""

    def load(self, row: dict) -> None:
        raise NotImplementedError

    def write(self) -> int:
        raise NotImplementedError

    def save_row(self, values: dict) -> int:
        """Update the edited row, or insert a new one into ``table``; returns its id."""
        if self.row_id:
            self.ledger.update(self.table, self.row_id, values)
            return self.row_id
        return self.ledger.insert(self.table, values)

    # -- state
    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self, *_args) -> None:
        if not self._loading:
            self._dirty = True

    def _watch(self) -> None:
        for w in self.findChildren(QLineEdit):
            w.textEdited.connect(self.mark_dirty)
        for w in self.findChildren(QPlainTextEdit):
            w.textChanged.connect(self.mark_dirty)
        for w in self.findChildren(QComboBox):
            w.currentIndexChanged.connect(self.mark_dirty)
            if w.isEditable():
                w.editTextChanged.connect(self.mark_dirty)
        for w in self.findChildren(DateField) + self.findChildren(TimeField):
            w.invalid.connect(self._typed_wrong)
        for w in self.findChildren(QCheckBox):
            w.toggled.connect(self.mark_dirty)
        for w in self.findChildren(QSpinBox):
            w.valueChanged.connect(self.mark_dirty)

    def watch_model(self, model: QAbstractTableModel) -> None:
        model.dataChanged.connect(self.mark_dirty)

    # -- errors
    def clear_errors(self) -> None:
        self.ui.errorLabel.clear()
        self.ui.errorLabel.hide()
        for w in self.field_widgets.values():
            if w.property("invalid"):
                w.setProperty("invalid", False)
                w.setStyleSheet("")

    def show_error(self, message: str, field: str | None = None) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()
        widget = self.field_widgets.get(field) if field else None
        if widget is not None:
            self._mark(widget)

    def _mark(self, widget: QWidget) -> None:
        widget.setProperty("invalid", True)
        widget.setStyleSheet(ERROR_STYLE)
        self._reveal(widget)
        widget.setFocus()

    def _reveal(self, widget: QWidget) -> None:
        """Switch any tab widget so the offending field is visible."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            if isinstance(parent, QTabWidget):
                for i in range(parent.count()):
                    if parent.widget(i).isAncestorOf(widget) or parent.widget(i) is widget:
                        parent.setCurrentIndex(i)
            parent = parent.parentWidget()

    # -- save / close
    def _typed_wrong(self, message: str) -> None:
        """A date or time typed wrong: say why at once, under the fields (nothing is written)."""
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()

    def field_label(self, widget: QWidget) -> str:
        """The form's label for ``widget`` (its buddy), without the trailing colon."""
        for label in self.findChildren(QLabel):
            if label.buddy() is widget:
                return label.text().replace("&", "").rstrip("：: *")
        return TEXT["date_label"]

    def check_typed(self) -> None:
        """Every typed date and time read; a wrong or missing one refused with its field shown."""
        for w in self.findChildren(DateField) + self.findChildren(TimeField):
            if not w.isEnabled():
                continue
            if not w.commit():
                raise _WidgetError(w.error(), w)
            if isinstance(w, DateField) and not w.optional() and w.date() is None:
                raise _WidgetError(TEXT["date_required"].format(label=self.field_label(w)), w)

    def confirm_future(self) -> bool:
        """Ask once whether dates after today are meant; True to go on saving."""
        today = _dt.date.today()
        ahead = [w for w in self.findChildren(DateField)
                 if w.isEnabled() and not w.future_ok and w.date() is not None and w.date() > today
                 and (id(w), w.date()) not in self._future_ok]
        if not ahead:
            return True
        items = "\n".join(TEXT["future_item"].format(label=self.field_label(w), date=w.iso()) for w in ahead)
        if not self.ask_future(TEXT["future_body"].format(items=items)):
            ahead[0].setFocus()
            return False
        self._future_ok.update((id(w), w.date()) for w in ahead)
        return True

    def ask_future(self, body: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, TEXT["future_title"], body,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText("确定")
        box.button(QMessageBox.StandardButton.No).setText("返回修改")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        """Validate and write everything in one transaction; on refusal show why and keep the dialog."""
        self.clear_errors()
        try:
            self.check_typed()
        except _WidgetError as exc:
            self.show_error(exc.message)
            self._mark(exc.widget)
            return False
        if not self.confirm_future():
            return False
        try:
            self.before_write()
            with self.ledger.transaction():
                row_id = self.write()
                if self.attachments is not None:
                    self.attachments.commit(row_id)
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return False
        except LedgerError as exc:
            self.show_error(str(exc))
            return False
        self.saved_id = row_id
        self.row_id = row_id
        if self.attachments is not None:
            self.attachments.saved(row_id)
        self._dirty = False
        self.accept()
        return True

    def before_write(self) -> None:
        """Checks that need no database (parsing typed text); raise ValidationError to refuse."""

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Question, TEXT["unsaved_title"],
                          TEXT["unsaved_body"].format(title=self.windowTitle()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Save).setText(TEXT["save"])
        box.button(QMessageBox.StandardButton.Discard).setText(TEXT["discard"])
        box.button(QMessageBox.StandardButton.Cancel).setText(TEXT["cancel"])
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def reject(self) -> None:
        if self._dirty:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._dirty = False
        super().reject()


def iso_today() -> str:
    return _dt.date.today().isoformat()
