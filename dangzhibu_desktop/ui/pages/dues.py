"""党费: the monthly dues grid of the editors package, for a chosen year, with the year's sums."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from ...ledger.validate import format_money
from ...views.dues import dues_sums, dues_years
from .. import editing
from .base import Page, fill_year_box


class DuesPage(Page):
    slug = "dues"
    title = "党费"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度："))
        self.year_box = QComboBox()
        self.year_box.currentIndexChanged.connect(self._year_changed)
        bar.addWidget(self.year_box)
        self._sums = ""
        bar.addStretch(1)
        layout.addLayout(bar)
        self.grid_holder = QVBoxLayout()
        layout.addLayout(self.grid_holder, 1)
        self.grid = None
        self._grid_year = None

    def year(self) -> int:
        return self.year_box.currentData() or self.session.default_year()

    def refresh(self) -> None:
        super().refresh()
        current = self.year_box.currentData() or self.session.default_year()
        years = dues_years(self.ledger, self.session.default_year())
        fill_year_box(self.year_box, years, current)
        self._build_grid(force=True)
        self._update_sums()

    def _year_changed(self, _i) -> None:
        self._build_grid()
        self._update_sums()

    def _build_grid(self, force: bool = False) -> None:
        year = self.year()
        if self.grid is not None and year == self._grid_year and not force:
            return
        cls = editing.widget_class("DuesGridWidget")
        if self.grid is not None:
            self.grid.setParent(None)
            self.grid.deleteLater()
            self.grid = None
        if cls is None:
            self.grid = QLabel("党费表格组件尚未安装")
            self.grid.setAlignment(Qt.AlignCenter)
        else:
            self.grid = cls(self.ledger, year, self)
            changed = getattr(self.grid, "changed", None)
            if changed is not None:
                changed.connect(self._grid_changed)
        self._grid_year = year
        self.grid_holder.addWidget(self.grid)

    def _grid_changed(self, *args) -> None:
        self._update_sums()
        # other pages (工作台, 创星评估) depend on dues; this page's grid is already current
        self.session.changed.disconnect(self._on_session_changed)
        try:
            self.session.notify_changed("dues")
        finally:
            self.session.changed.connect(self._on_session_changed)

    def _update_sums(self) -> None:
        y = self.year()
        sums = dues_sums(self.ledger, y)
        self._sums = f"{y}年已记录应缴 {format_money(sums.due)} 元，实缴 {format_money(sums.paid)} 元"
        self.status_changed.emit()

    def status_text(self) -> str:
        return "党费：" + self._sums
