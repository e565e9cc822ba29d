"""First run (no ledger yet): 新建支部台账, 打开示例台账 or 打开已有台账文件."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from .. import APP_NAME, paths
from ..ledger import enums
from ..ledger.validate import LedgerError, ValidationError
from . import opening
from .icons import app_icon
from .screenfit import fit_to_screen


class FirstRunDialog(QDialog):
    """Ends accepted with ``self.ledger`` open (and remembered), or rejected."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ledger = None
        self.setWindowTitle(f"欢迎使用{APP_NAME}")
        self.setWindowIcon(app_icon())
        fit_to_screen(self, 640, 330)
        lay = QVBoxLayout(self)
        head = QLabel(f"<h2>欢迎使用{APP_NAME}</h2><p>所有数据只保存在这台电脑上的一个台账文件中，不需要联网。"
                      "请选择如何开始：</p>")
        head.setWordWrap(True)
        head.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        lay.addWidget(head)

        box = QGroupBox("新建支部台账")
        form = QFormLayout(box)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如：某某公司第一党支部")
        form.addRow("支部名称：", self.name_edit)
        self.parent_edit = QLineEdit()
        self.parent_edit.setPlaceholderText("如：某某公司党委")
        form.addRow("上级党委：", self.parent_edit)
        self.type_box = QComboBox()
        self.type_box.addItems(enums.ORG_TYPES)
        form.addRow("组织类型：", self.type_box)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(paths.default_ledger_path()))
        row.addWidget(self.path_edit, 1)
        b = QPushButton("浏览…")
        b.clicked.connect(self._browse_new)
        row.addWidget(b)
        form.addRow("台账文件：", row)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#c62828")
        self.create_button = QPushButton("新建支部台账")
        self.create_button.setDefault(True)
        self.create_button.setMinimumWidth(140)
        self.create_button.clicked.connect(self.create)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.error_label, 1)
        form.addRow("", row)
        lay.addWidget(box)

        row = QHBoxLayout()
        self.demo_button = QPushButton("打开示例台账")
        self.demo_button.setToolTip("一个虚构支部两年的数据，用来熟悉软件")
        self.demo_button.clicked.connect(self.open_demo)
        row.addWidget(self.demo_button)
        self.open_button = QPushButton("打开已有台账文件…")
        self.open_button.clicked.connect(self.open_existing)
        row.addWidget(self.open_button)
        row.addStretch(1)
        quit_button = QPushButton("退出")
        quit_button.clicked.connect(self.reject)
        row.addWidget(quit_button)
        lay.addSpacing(8)
        lay.addLayout(row)
        lay.addStretch(1)
        # Enter creates the ledger wherever the cursor is: a focused 浏览… would otherwise become
        # the default button (Qt's autoDefault) and Enter opened the file browser instead.
        for button in self.findChildren(QPushButton):
            if button is not self.create_button:
                button.setAutoDefault(False)

    def _browse_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "新建台账文件", self.path_edit.text(), "台账文件 (*.sqlite)")
        if path:
            self.path_edit.setText(path if path.endswith(".sqlite") else path + ".sqlite")

    def create(self) -> bool:
        name = self.name_edit.text().strip()
        if not name:
            self._error("请填写支部名称", self.name_edit)
            return False
        path = Path(self.path_edit.text().strip())
        if not path.name:
            self._error("请选择台账文件的位置", self.path_edit)
            return False
        values = {"name": name, "parent_org": self.parent_edit.text().strip() or None,
                  "org_type": self.type_box.currentText()}
        try:
            self.ledger = opening.create_ledger(path, values)
        except ValidationError as exc:
            self._error(str(exc), self.name_edit)
            return False
        except LedgerError as exc:
            self._error(str(exc), self.path_edit)
            return False
        opening.remember(path)
        self.accept()
        return True

    def _error(self, text: str, widget) -> None:
        self.error_label.setText(text)
        widget.setFocus(Qt.OtherFocusReason)

    def open_demo(self) -> bool:
        try:
            path = opening.demo_path()
        except (LedgerError, ImportError) as exc:
            QMessageBox.warning(self, "无法生成示例台账", str(exc))
            return False
        return self._open(path)

    def open_existing(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, "打开台账文件", str(paths.user_data_dir()),
                                              "台账文件 (*.sqlite *.db);;所有文件 (*)")
        return self._open(Path(path)) if path else False

    def _open(self, path: Path) -> bool:
        ledger = opening.open_with_recovery(path, self)
        if ledger is None:
            return False
        self.ledger = ledger
        opening.remember(path)
        self.accept()
        return True
