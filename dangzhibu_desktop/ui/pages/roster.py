"""导入花名册: choose a spreadsheet, preview its rows and errors, then write the good rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
)

from ...ledger.schema import TABLES
from ...ledger.validate import LedgerError
from ..models import Column, RecordTableModel
from ..screenfit import fit_to_screen

def _roster_module():
    try:
        from ...ledger import roster as roster_import
    except ModuleNotFoundError:
        return None
    return roster_import


def read_preview(reader, path: str):
    """Worker function: the preview of a roster file, duplicates checked against the ledger."""
    return _roster_module().read_roster(Path(path), ledger=reader)


class RosterImportDialog(QDialog):
    """Preview of a roster file; accepting writes every good row in one transaction."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.preview = None
        self.failed: str | None = None
        self._name = ""
        self.written = 0
        self.setWindowTitle("导入党员花名册")
        fit_to_screen(self, 960, 600)
        lay = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.rows_view = QTableView()
        self.errors_view = QTableView()
        for v in (self.rows_view, self.errors_view):
            v.verticalHeader().setVisible(False)
            v.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
            v.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.rows_view, "可导入的行")
        self.tabs.addTab(self.errors_view, "有问题的行")
        lay.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("导入", QDialogButtonBox.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def choose_and_preview(self) -> bool:
        """Ask for the file and start reading it; the dialog then shows the preview."""
        mod = _roster_module()
        if mod is None:
            QMessageBox.warning(self.parent(), "导入花名册", "花名册导入功能尚未安装")
            return False
        path, _ = QFileDialog.getOpenFileName(self.parent(), "选择花名册文件", "",
                                              "表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)")
        if not path:
            return False
        self.load(path)
        return True

    def load(self, path) -> None:
        """Read the file in the background (nothing is written); ``preview`` is set when done."""
        self.preview = None
        self.failed = None
        self._name = Path(path).name
        self.ok.setEnabled(False)
        self.summary.setText(f"正在读取“{self._name}”…")
        self.session.runner.run(self.session.path, read_preview, str(path),
                                on_done=self._loaded, on_failed=self._failed)

    def _loaded(self, preview) -> None:
        self.preview = preview
        self._show(self._name)

    def _failed(self, message: str) -> None:
        self.failed = message
        self.summary.setText(f"无法读取花名册：{message}")
        if self.isVisible():
            QMessageBox.warning(self, "无法读取花名册", message)

    def _show(self, name: str) -> None:
        p = self.preview
        mod = _roster_module()
        rows = [dict(r) for r in p.rows]
        preview_cols = getattr(mod, "PREVIEW_COLUMNS", None)
        if preview_cols:
            cols = [Column("row", "行号", "int", 50)] + [Column(k, label, width=100) for k, label in preview_cols]
        else:
            fields = TABLES["members"]
            keys = [k for k in (rows[0] if rows else {}) if not isinstance(rows[0][k], (list, dict))]
            cols = [Column(k, fields.field(k).label if k in fields.names else k, width=100) for k in keys]
        self.rows_model = RecordTableModel(cols, self)
        self.rows_model.set_rows([{**r, "id": i + 1} for i, r in enumerate(rows)])
        self.rows_view.setModel(self.rows_model)
        problems = [{"id": i + 1, "row": e[0], "kind": "跳过", "message": e[1]} for i, e in enumerate(p.errors)]
        warnings = list(getattr(p, "warnings", []) or [])
        problems += [{"id": len(problems) + i + 1, "row": w[0], "kind": "提示", "message": w[1]}
                     for i, w in enumerate(warnings)]
        self.errors_model = RecordTableModel([Column("row", "行号", "int", 60), Column("kind", "处理", width=60),
                                              Column("message", "说明", width=600)], self)
        self.errors_model.set_rows(problems)
        self.errors_view.setModel(self.errors_model)
        self.tabs.setTabText(0, f"可导入的行（{len(rows)}）")
        self.tabs.setTabText(1, f"有问题的行（{len(p.errors)}）" + (f"、提示（{len(warnings)}）" if warnings else ""))
        if hasattr(p, "summary"):
            text = p.summary(True)
        else:
            text = f"{len(rows)} 行可以导入，{len(p.errors)} 行有问题将被跳过。"
        self.summary.setText(f"文件“{name}”：{text}\n点“导入”后才会写入台账。")
        self.ok.setEnabled(bool(rows))
        if not rows and problems:
            self.tabs.setCurrentIndex(1)

    def apply(self) -> None:
        mod = _roster_module()
        try:
            self.written = mod.apply_roster(self.session.ledger, self.preview)
        except LedgerError as exc:
            QMessageBox.warning(self, "导入失败", f"{exc}\n台账未作任何改动。")
            return
        self.session.say(f"已从花名册导入 {self.written} 人")
        self.accept()
