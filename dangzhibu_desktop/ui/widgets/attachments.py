"""The 佐证材料 panel: one reusable widget for every record that can carry photos, scans and files.

Files come in by 添加…, by dragging them onto the panel, or by pasting (Ctrl+V: a screenshot or
copied files). Each is read and checked at once (a bad file is named in red, nothing kept);
thumbnails show photos, a double click opens the viewer. In an editor (``deferred=True``) the
additions and removals wait for the dialog's 保存 and are written in its transaction
(``commit``); elsewhere (the 自评 checklist) each is written at once.

Signals:
    changed(): the panel's content changed (pending or written).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QStyle, QVBoxLayout,
    QWidget,
)

from ...ledger import attachments as att, enums
from ...ledger.validate import LedgerError
from ..screenfit import fit_to_screen

TEXT = {
    "hint": "把照片、签到表扫描件或文件拖到这里，或点“添加…”，也可以粘贴截图（Ctrl+V）",
    "add": "添加…",
    "paste": "粘贴",
    "view": "查看",
    "remove": "移除",
    "kind_auto": "自动判断类别",
    "keep": "保留原图（不缩小）",
    "pick": "选择佐证材料",
    "filter": "佐证材料 ({patterns});;所有文件 (*)",
    "pasted": "粘贴的图片.png",
    "nothing_to_paste": "剪贴板中没有图片或文件",
    "pending": "（保存后写入）",
    "count": "共 {n} 份：{summary}",
    "empty": "尚无佐证材料",
    "viewer": "查看佐证材料 — {title}",
    "close": "关闭",
    "open_outside": "用其他程序打开",
    "need_saved": "请先保存这条记录，再添加佐证材料",
}

THUMB = 96


def _thumbnail(data: bytes | None, mime: str | None, style) -> QIcon:
    if data and att.is_image(mime):
        image = QImage.fromData(data)
        if not image.isNull():
            return QIcon(QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                        Qt.TransformationMode.SmoothTransformation)))
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class ViewerDialog(QDialog):
    """One attachment, big: a photo or scan fitted to the window; other files open outside."""

    def __init__(self, title: str, data: bytes, mime: str, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(TEXT["viewer"].format(title=title))
        fit_to_screen(self, 900, 700)
        layout = QVBoxLayout(self)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.image_label)
        layout.addWidget(area, 1)
        self._data, self._name = data, name
        image = QImage.fromData(data) if att.is_image(mime) else QImage()
        if not image.isNull():
            self.image_label.setPixmap(QPixmap.fromImage(image.scaled(
                860, 620, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)))
        else:
            self.image_label.setText(name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(TEXT["close"])
        outside = buttons.addButton(TEXT["open_outside"], QDialogButtonBox.ButtonRole.ActionRole)
        outside.clicked.connect(self.open_outside)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_outside(self) -> None:
        open_copy(self._data, self._name)


def open_copy(data: bytes, name: str) -> Path:
    """Open a copy (never the stored file, which must stay as its hash says) with the system."""
    folder = Path(tempfile.mkdtemp(prefix="dangzhibu-"))
    path = folder / name
    path.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


class AttachmentsPanel(QWidget):
    """Attachments of one record (``owner_table``, ``owner_id``; id None while not saved yet)."""

    changed = Signal()

    def __init__(self, ledger, owner_table: str, owner_id: int | None = None, *, deferred: bool = True,
                 parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self.owner_table = owner_table
        self.owner_id = owner_id
        self.deferred = deferred
        self.ensure_owner = None  # immediate mode: called for an id when the record has no row yet
        self.pending: list[att.Prepared] = []
        self.pending_kinds: list[str | None] = []
        self.removed: set[int] = set()
        self.rows: list[dict] = []
        self.setAcceptDrops(True)
        self.setObjectName("attachmentsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.hint = QLabel(TEXT["hint"])
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(THUMB + 56)
        self.list.itemDoubleClicked.connect(lambda _item: self.view_selected())
        layout.addWidget(self.list, 1)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        bar = QHBoxLayout()
        self.add_button = QPushButton(TEXT["add"])
        self.paste_button = QPushButton(TEXT["paste"])
        self.view_button = QPushButton(TEXT["view"])
        self.remove_button = QPushButton(TEXT["remove"])
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(TEXT["kind_auto"], None)
        for kind in enums.ATTACHMENT_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.keep_check = QCheckBox(TEXT["keep"])
        self.summary = QLabel("")
        for w in (self.add_button, self.paste_button, self.view_button, self.remove_button, self.kind_combo,
                  self.keep_check):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout.addLayout(bar)
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button.clicked.connect(self.paste)
        self.view_button.clicked.connect(self.view_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.installEventFilter(self)  # Ctrl+V on the thumbnails pastes
        self.reload()

    # -- what is shown
    def set_owner(self, owner_table: str, owner_id: int | None) -> None:
        self.owner_table, self.owner_id = owner_table, owner_id
        self.pending, self.pending_kinds, self.removed = [], [], set()
        self.reload()

    def reload(self) -> None:
        self.rows = (att.attachments_of(self.ledger, self.owner_table, self.owner_id)
                     if self.owner_id is not None and self.owner_table in _tables() else [])
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        style = self.style()
        for r in self.rows:
            if r["id"] in self.removed:
                continue
            try:
                data = att.read_bytes(self.ledger, r) if att.is_image(r["mime"]) else None
            except LedgerError:
                data = None
            item = QListWidgetItem(_thumbnail(data, r["mime"], style), f"{r['kind']}\n{r['title'] or ''}")
            item.setToolTip(f"{r['original_name'] or ''}  {r['bytes'] // 1024} KB")
            item.setData(Qt.ItemDataRole.UserRole, ("row", r["id"]))
            self.list.addItem(item)
        for i, p in enumerate(self.pending):
            kind = self.pending_kinds[i] or p.kind
            item = QListWidgetItem(_thumbnail(p.data, p.mime, style),
                                   f"{kind}\n{Path(p.original_name).stem}{TEXT['pending']}")
            item.setData(Qt.ItemDataRole.UserRole, ("pending", i))
            self.list.addItem(item)
        kinds = [{"kind": r["kind"]} for r in self.rows if r["id"] not in self.removed]
        kinds += [{"kind": self.pending_kinds[i] or p.kind} for i, p in enumerate(self.pending)]
        self.summary.setText(TEXT["count"].format(n=len(kinds), summary=att.summary_text(kinds))
                             if kinds else TEXT["empty"])

    def count(self) -> int:
        return self.list.count()

    # -- adding
    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in att.ACCEPTED_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self, TEXT["pick"], "", TEXT["filter"].format(patterns=patterns))
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths) -> bool:
        kind = self.kind_combo.currentData()
        keep = self.keep_check.isChecked()
        try:
            prepared = [att.prepare_file(p, kind, keep_original=keep) for p in paths]
        except LedgerError as exc:
            self._error(str(exc))
            return False
        return self._add(prepared, kind)

    def add_bytes(self, data: bytes, name: str) -> bool:
        kind = self.kind_combo.currentData()
        try:
            prepared = att.prepare_bytes(data, name, kind, keep_original=self.keep_check.isChecked())
        except LedgerError as exc:
            self._error(str(exc))
            return False
        return self._add([prepared], kind)

    def _add(self, prepared: list, kind: str | None) -> bool:
        self.message.hide()
        if self.deferred:
            self.pending += prepared
            self.pending_kinds += [kind] * len(prepared)
            self._fill()
            self.changed.emit()
            return True
        if self.owner_id is None and self.ensure_owner is not None:
            self.owner_id = self.ensure_owner()  # e.g. the 自评 item's row, made on its first file
        if self.owner_id is None:
            self._error(TEXT["need_saved"])
            return False
        try:
            att.attach(self.ledger, self.owner_table, self.owner_id, prepared, kind=kind)
        except LedgerError as exc:
            self._error(str(exc))
            return False
        self.reload()
        self.changed.emit()
        return True

    def paste(self) -> bool:
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                return self.add_paths(paths)
        if mime is not None and mime.hasImage():
            image = QApplication.clipboard().image()
            if not image.isNull():
                from PySide6.QtCore import QBuffer, QByteArray, QIODevice

                raw = QByteArray()
                buf = QBuffer(raw)
                buf.open(QIODevice.OpenModeFlag.WriteOnly)
                image.save(buf, "PNG")
                buf.close()
                return self.add_bytes(bytes(raw.data()), TEXT["pasted"])
        self._error(TEXT["nothing_to_paste"])
        return False

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if obj is self.list and event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        super().keyPressEvent(event)

    # -- drag and drop
    def dragEnterEvent(self, event):  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event):  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    # -- viewing and removing
    def _selected(self) -> list[tuple[str, int]]:
        return [tuple(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]

    def view_selected(self) -> ViewerDialog | None:
        picked = self._selected()
        if not picked:
            return None
        where, key = picked[0]
        if where == "pending":
            p = self.pending[key]
            data, mime, title, name = p.data, p.mime, Path(p.original_name).stem, p.original_name
        else:
            r = next(r for r in self.rows if r["id"] == key)
            try:
                data = att.read_bytes(self.ledger, r)
            except LedgerError as exc:
                self._error(str(exc))
                return None
            mime, title, name = r["mime"], r["title"] or "", att.suggested_name(r)
        dialog = ViewerDialog(title, data, mime, name, self)
        if att.is_image(mime):
            dialog.open()
        else:
            open_copy(data, name)
        return dialog

    def remove_selected(self) -> None:
        picked = self._selected()
        if not picked:
            return
        drop_pending = sorted((k for w, k in picked if w == "pending"), reverse=True)
        for k in drop_pending:
            del self.pending[k]
            del self.pending_kinds[k]
        rows = [k for w, k in picked if w == "row"]
        if self.deferred:
            self.removed.update(rows)
        else:
            try:
                with self.ledger.transaction():
                    for k in rows:
                        att.remove(self.ledger, k)
            except LedgerError as exc:
                self._error(str(exc))
            self.reload()
        self._fill()
        self.changed.emit()

    # -- writing (deferred mode: inside the editor's save transaction)
    @property
    def has_changes(self) -> bool:
        return bool(self.pending or self.removed)

    def commit(self, owner_id: int) -> None:
        """Write the pending additions and removals for the record ``owner_id`` (the caller's
        transaction: a refusal raises LedgerError and the dialog keeps everything)."""
        for i, p in enumerate(self.pending):
            att.attach(self.ledger, self.owner_table, owner_id, [p], kind=self.pending_kinds[i])
        for k in sorted(self.removed):
            att.remove(self.ledger, k)

    def saved(self, owner_id: int) -> None:
        """After the transaction committed: show what is now stored."""
        self.owner_id = owner_id
        self.pending, self.pending_kinds, self.removed = [], [], set()
        self.reload()

    def _error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def _tables():
    from ...ledger.schema import TABLES

    return TABLES


def install(dialog, owner_table: str) -> AttachmentsPanel:
    """Put a panel into an editor: a 佐证材料 tab when the form has tabs (``ui.tabs``), else
    above the error line and the buttons. The editor's ``save`` commits it."""
    panel = AttachmentsPanel(dialog.ledger, owner_table, dialog.row_id, deferred=True, parent=dialog)
    tabs = getattr(dialog.ui, "tabs", None)
    if tabs is not None:
        tabs.addTab(panel, "佐证材料")
    else:
        layout = dialog.layout()
        at = layout.indexOf(dialog.ui.errorLabel)
        layout.insertWidget(at if at >= 0 else layout.count(), panel)
    panel.changed.connect(dialog.mark_dirty)
    return panel


__all__ = ["AttachmentsPanel", "ViewerDialog", "install", "open_copy"]
