"""搜索全部台账: one box over the pages (names, 议题, titles); a hit opens its page with the row
selected (``MainWindow.jump_to``), a person's hit can also open the 党员档案. The hits come from
``views.search``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ...views import search as _search
from ..models import Column
from .person import plain_table
from ..screenfit import fit_to_screen

COLUMNS = [Column("kind", "类别", width=80), Column("title", "名称、议题或姓名", width=360),
           Column("date", "日期", width=100), Column("detail", "说明", width=150)]


class SearchDialog(QDialog):
    """Live hits for the text typed; Enter or a double-click goes to the record.

    Signals:
        chosen(object): the ``views.search.Hit`` to go to.
        file_requested(int): the member whose 档案 to open.
    """

    chosen = Signal(object)
    file_requested = Signal(int)

    def __init__(self, session, text: str = "", parent=None):
        super().__init__(parent)
        self.session = session
        self.hits: list[_search.Hit] = []
        self.setWindowTitle("搜索全部台账")
        fit_to_screen(self, 700, 460)
        lay = QVBoxLayout(self)
        self.box = QLineEdit()
        self.box.setPlaceholderText("输入姓名、会议议题、培训或活动名称…")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self.run)
        self.box.returnPressed.connect(self.go)
        lay.addWidget(self.box)
        self.view, self.model = plain_table(COLUMNS, self)
        self.view.doubleClicked.connect(lambda _i: self.go())
        for key in (Qt.Key_Return, Qt.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.view)
            enter.setContext(Qt.WidgetShortcut)
            enter.activated.connect(self.go)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        row.addWidget(self.count_label, 1)
        self.file_button = QPushButton("查看档案")
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.open_file)
        self.go_button = QPushButton("转到")
        self.go_button.setAutoDefault(False)
        self.go_button.clicked.connect(self.go)
        close = QPushButton("关闭")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for b in (self.file_button, self.go_button, close):
            row.addWidget(b)
        lay.addLayout(row)
        self.box.setText(text)
        self.run(text)

    def run(self, text: str) -> None:
        self.hits = _search.search(self.session.ledger, text)
        self.model.set_rows([{"id": i + 1, "kind": h.kind, "title": h.title, "date": h.date, "detail": h.detail}
                             for i, h in enumerate(self.hits)])
        if self.hits:
            self.view.selectRow(0)
        if not text.strip():
            self.count_label.setText("")
        else:
            self.count_label.setText(f"找到 {len(self.hits)} 条" if self.hits else "没有找到")
        self._update_buttons()

    def current(self) -> _search.Hit | None:
        idx = self.view.currentIndex()
        row = idx.row() if idx.isValid() else (0 if self.hits else -1)
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def _update_buttons(self) -> None:
        hit = self.current()
        self.go_button.setEnabled(hit is not None)
        self.file_button.setEnabled(hit is not None and hit.table == "members")

    def go(self) -> None:
        hit = self.current()
        if hit is None:
            return
        self.accept()
        self.chosen.emit(hit)

    def open_file(self) -> None:
        hit = self.current()
        if hit is None or hit.table != "members":
            return
        self.accept()
        self.file_requested.emit(hit.row_id)
