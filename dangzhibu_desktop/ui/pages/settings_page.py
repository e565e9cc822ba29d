"""设置与备份: backups (make, list, restore), the 回收站, the 操作日志 and the options."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...ledger import backup as _backup, enums
from ...ledger.schema import TABLES
from ...ledger.validate import LedgerError
from .. import opening
from .. import settings as _settings
from ..models import Column, RecordFilterProxy, RecordTableModel
from .base import Page


def safety_module():
    try:
        from ...ledger import safety
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.endswith("ledger.safety"):
            return None
        raise
    return safety


def list_backups(ledger_path, folder=None) -> list[dict]:
    """Backups of the ledger in ``folder`` (default beside it), newest first, as row dicts."""
    lister = getattr(safety_module(), "list_backups", None) or _backup.list_backups
    out = []
    for b in sorted(lister(ledger_path, folder), key=lambda b: str(b.made_at), reverse=True):
        made = b.made_at
        # ISO, shown as 2026年12月7日 23:50:01 by the column (seconds: two backups a minute apart
        # stay apart) and sorted by the stamp, not by the Chinese text
        made = made.isoformat(timespec="seconds") if hasattr(made, "isoformat") else str(made)
        out.append({"path": str(b.path), "made_at": made, "reason": b.reason, "size": b.size})
    for i, r in enumerate(out):
        r["id"] = i + 1
        r["name"] = Path(r["path"]).name
        r["size_kb"] = f"{r['size'] / 1024:.0f} KB"
    return out


def make_backup(ledger) -> Path:
    """A manual backup into the ledger's backup folder, read through the window's own
    connection (consistent, no second lock)."""
    return ledger.backup(_backup.REASON_MANUAL)


def _audit_summary(row: dict) -> str:
    t = TABLES.get(row["table_name"])
    try:
        before = json.loads(row["before"]) if row.get("before") else None
        after = json.loads(row["after"]) if row.get("after") else None
    except ValueError:
        return ""
    if isinstance(before, list) or isinstance(after, list):
        return f"共 {len(after or [])} 条"
    if t is None:
        return ""
    title = t.title_field
    if row["action"] == enums.AUDIT_UPDATE and before and after:
        changed = [t.field(k).label for k in t.names if before.get(k) != after.get(k)]
        name = (after.get(title) if title else None) or ""
        return f"{name}：改了{'、'.join(changed)}" if changed else str(name)
    src = after or before or {}
    text = str(src.get(title) or "") if title else ""
    return _rule_title(text) if row["table_name"] == "checklist" else text


def _rule_title(code: str) -> str:
    """A 自评事项 is keyed by its rule's code (SUP-ROOM): the person reads the rule's name."""
    from ...rules import load_rule_set

    try:
        spec = load_rule_set().spec(code)
    except LedgerError:
        spec = None
    return spec.name if spec is not None else code


class SettingsPage(Page):
    """Signals:
        restore_requested(str): the user chose a backup to restore (the window closes,
            restores and reopens the ledger).
    """

    slug = "settings"
    title = "设置与备份"
    restore_requested = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # backups
        w = QWidget()
        bl = QVBoxLayout(w)
        row = QHBoxLayout()
        b = QPushButton("立即备份")
        b.clicked.connect(self.backup_now)
        row.addWidget(b)
        self.restore_button = QPushButton("恢复所选备份…")
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        self.backup_dir_label = QLabel()
        self.backup_dir_label.setStyleSheet("color:#666")
        self.backup_dir_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.backup_dir_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        # A long folder (a USB stick's deep path) is cut, never widens the window past the screen.
        self.backup_dir_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        row.addWidget(self.backup_dir_label, 1)
        b = QPushButton("更改备份文件夹…")
        b.setToolTip("可以选择U盘或另一块硬盘：自动备份、立即备份和导入前的备份都保存到那里")
        b.clicked.connect(self.choose_backup_dir)
        row.addWidget(b)
        self.default_dir_button = QPushButton("恢复默认位置")
        self.default_dir_button.clicked.connect(lambda: self.set_backup_dir(None))
        row.addWidget(self.default_dir_button)
        bl.addLayout(row)
        self.backups_model = RecordTableModel([
            Column("made_at", "备份时间", "datetime_seconds", width=170), Column("reason", "原因", width=100),
            Column("size_kb", "大小", width=90), Column("name", "文件", width=380)], self)  # not the enumeration
        self.backups_view = self._table(self.backups_model)
        bl.addWidget(self.backups_view, 1)
        self.tabs.addTab(w, "备份与恢复")

        # recycle bin
        w = QWidget()
        rl = QVBoxLayout(w)
        row = QHBoxLayout()
        b = QPushButton("恢复所选")
        b.clicked.connect(self.restore_deleted)
        row.addWidget(b)
        b = QPushButton("清空回收站…")
        b.clicked.connect(self.empty_bin)
        row.addWidget(b)
        row.addStretch(1)
        rl.addLayout(row)
        self.bin_model = RecordTableModel([
            Column("table_label", "类别", width=150), Column("title", "内容", width=360),
            Column("deleted_at", "删除时间", "datetime", width=170)], self)
        self.bin_view = self._table(self.bin_model)
        self.bin_view.doubleClicked.connect(lambda _i: self.restore_deleted())
        rl.addWidget(self.bin_view, 1)
        self.tabs.addTab(w, "回收站")

        # audit log
        w = QWidget()
        al = QVBoxLayout(w)
        self.audit_model = RecordTableModel([
            Column("at", "时间", "datetime", width=160), Column("table_label", "类别", width=140),
            Column("action", "操作", width=70), Column("row_id", "编号", "int", width=60),
            Column("summary", "内容", width=460)], self)
        self.audit_proxy = RecordFilterProxy(self)
        self.audit_proxy.setSourceModel(self.audit_model)
        self.audit_view = self._table(self.audit_proxy)
        self.audit_view.setSortingEnabled(True)
        al.addWidget(self.audit_view, 1)
        self.tabs.addTab(w, "操作日志")

        # options
        w = QWidget()
        ol = QVBoxLayout(w)
        box = QGroupBox("导出")
        bx = QVBoxLayout(box)
        self.show_id_check = QCheckBox(_settings.SHOW_FULL_ID.label)
        self.show_id_check.setChecked(bool(_settings.get(_settings.SHOW_FULL_ID)))
        self.show_id_check.toggled.connect(lambda on: _settings.put(_settings.SHOW_FULL_ID, bool(on)))
        bx.addWidget(self.show_id_check)
        hint = QLabel("不勾选时，导出和打印的花名册只显示身份证号的前6位和后4位。")
        hint.setStyleSheet("color:#666")
        bx.addWidget(hint)
        self.show_phone_check = QCheckBox(_settings.SHOW_FULL_PHONE.label)
        self.show_phone_check.setChecked(bool(_settings.get(_settings.SHOW_FULL_PHONE)))
        self.show_phone_check.toggled.connect(lambda on: _settings.put(_settings.SHOW_FULL_PHONE, bool(on)))
        bx.addWidget(self.show_phone_check)
        hint = QLabel("不勾选时，导出的文档中手机号只显示前3位和后4位（如 138****5678）。")
        hint.setStyleSheet("color:#666")
        bx.addWidget(hint)
        ol.addWidget(box)
        self.settings_file_label = QLabel()
        self.settings_file_label.setStyleSheet("color:#666")
        self.settings_file_label.setWordWrap(True)
        ol.addWidget(self.settings_file_label)
        ol.addStretch(1)
        self.tabs.addTab(w, "选项")

    def _table(self, model) -> QTableView:
        v = QTableView()
        v.setModel(model)
        v.setSelectionBehavior(QAbstractItemView.SelectRows)
        v.setSelectionMode(QAbstractItemView.SingleSelection)
        v.setEditTriggers(QAbstractItemView.NoEditTriggers)
        v.verticalHeader().setVisible(False)
        v.setAlternatingRowColors(True)
        h = v.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)
        src = model.sourceModel() if hasattr(model, "sourceModel") else model
        for i, c in enumerate(src.columns):
            v.setColumnWidth(i, c.width)
        return v

    def refresh(self) -> None:
        super().refresh()
        self.file_label.setText(f"当前台账文件：{self.session.path}")
        folder = self.ledger.backup_dir
        self.backup_dir_label.setText(f"备份文件夹：{folder}")
        self.backup_dir_label.setToolTip(str(folder))
        self.default_dir_button.setEnabled(folder != _backup.default_backup_dir(self.session.path))
        self.settings_file_label.setText(f"设置保存在：{_settings.settings_file()}")
        try:
            self.backups_model.set_rows(list_backups(self.session.path, folder))
        except (OSError, LedgerError) as exc:
            self.backups_model.set_rows([])
            self.session.say(f"无法列出备份：{exc}")
        self.bin_model.set_rows([{**r, "id": i + 1, "row_id": r["id"],
                                  "title": _rule_title(r["title"]) if r["table"] == "checklist" else r["title"]}
                                 for i, r in enumerate(self.ledger.recycle_bin())])
        rows = []
        for r in self.ledger.audit_entries(limit=2000):
            t = TABLES.get(r["table_name"])
            rows.append({"id": r["id"], "at": r["at"], "table_label": t.label if t else r["table_name"],
                         "action": r["action"], "row_id": r["row_id"], "summary": _audit_summary(r)})
        self.audit_model.set_rows(rows)
        self.tabs.setTabText(1, f"回收站（{self.bin_model.total()}）")
        self.status_changed.emit()

    def status_text(self) -> str:
        return f"设置与备份：{self.backups_model.total()} 份备份，回收站 {self.bin_model.total()} 条"

    # ---- backups ---------------------------------------------------------------------
    def backup_now(self) -> Path | None:
        try:
            target = make_backup(self.ledger)
        except LedgerError as exc:
            QMessageBox.warning(self, "备份失败", str(exc))
            return None
        self.refresh()
        self.session.say(f"已备份到：{target}")
        return target

    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择备份文件夹", str(self.ledger.backup_dir.parent))
        if folder:
            self.set_backup_dir(folder)

    def set_backup_dir(self, folder) -> bool:
        """Every later backup of this ledger goes to ``folder`` (None: beside the ledger);
        remembered for the next start. A folder that cannot be written is refused."""
        target = Path(folder) if folder else _backup.default_backup_dir(self.session.path)
        if folder:
            probe = target / ".dangzhibu-write-test"
            try:
                target.mkdir(parents=True, exist_ok=True)
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
                QMessageBox.warning(self, "无法使用这个文件夹",
                                    f"备份文件夹“{target}”无法写入：{exc.strerror or exc}")
                return False
        self.ledger.backup_dir = target
        opening.choose_backup_dir(self.session.path, folder)
        self.refresh()
        self.session.say(f"以后的备份保存到：{target}")
        return True

    def selected_backup(self) -> str | None:
        rows = self.backups_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.backups_model.row(rows[0].row())["path"]

    def restore_selected(self) -> None:
        path = self.selected_backup()
        if path is None:
            QMessageBox.information(self, "恢复备份", "请先在列表中选择一份备份")
            return
        answer = QMessageBox.question(
            self, "恢复备份",
            f"用备份“{Path(path).name}”替换当前台账？\n替换前会先把当前台账另存一份备份。",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            self.restore_requested.emit(path)

    # ---- recycle bin -----------------------------------------------------------------
    def restore_deleted(self) -> None:
        rows = self.bin_view.selectionModel().selectedRows()
        if not rows:
            return
        r = self.bin_model.row(rows[0].row())
        try:
            self.ledger.restore(r["table"], r["row_id"])
        except LedgerError as exc:
            QMessageBox.warning(self, "无法恢复", str(exc))
            return
        self.session.say(f"已恢复：{r['table_label']}“{r['title']}”")
        self.session.notify_changed(r["table"])
        self.ensure_fresh()

    def empty_bin(self) -> None:
        n = self.bin_model.total()
        if not n:
            return
        answer = QMessageBox.question(self, "清空回收站", f"彻底删除回收站中的 {n} 条记录？此操作不能撤销。",
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        try:
            gone = self.ledger.empty_recycle_bin()
        except (LedgerError, sqlite3.Error) as exc:
            QMessageBox.warning(self, "无法清空回收站", str(exc))
            return
        self.session.say(f"已彻底删除 {gone} 条记录")
        self.session.notify_changed("")
        self.ensure_fresh()
