"""年度工作日历: months down, the rule set's required meetings across, each cell what was held
and what is still required; the month's other plan lines in the last column, the chosen cell in
full underneath. Renders ``views.calendar.annual_calendar`` only."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from ...views import calendar as _calendar
from ...views.common import years_of
from .. import editing
from ..screenfit import fit_to_screen

BACKGROUND = {"done": "#e8f5e9", "missing": "#ffebee", "pending": "#f3f6fa", "n/a": "#fafafa"}
FOREGROUND = {"done": "#1b5e20", "missing": "#b71c1c", "pending": "#37474f", "n/a": "#9e9e9e"}
OTHER = "本月其他计划"


def _days(held: list[dict]) -> str:
    """"5日、12日" (a date after the as-of day, typed ahead, marked *)."""
    return "、".join(f"{int(h['date'][8:10])}日" + ("*" if h["ahead"] else "") for h in held)


def cell_text(cell: _calendar.CalendarCell) -> str:
    """What a cell says in two short lines."""
    held = [h for h in cell.held if not h["ahead"]]
    if cell.state == "done":
        return f"已开 {_days(cell.held)}"
    if cell.state == "missing":
        return f"缺：{cell.required}" + (f"\n已开 {_days(held)}" if held else "")
    if cell.state == "pending":
        lines = [f"待开：{cell.required}"]
        if cell.held:
            lines.append(f"已登记 {_days(cell.held)}")
        elif cell.planned:
            lines.append(f"计划 {len(cell.planned)} 项")
        return "\n".join(lines)
    return _days(cell.held) if cell.held else "—"


class CalendarDialog(QDialog):
    """The calendar of a year (default: the session's); not modal."""

    def __init__(self, session, year: int | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.calendar: _calendar.AnnualCalendar | None = None
        self.setWindowTitle("年度工作日历")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15px;font-weight:bold;")
        top.addWidget(self.title, 1)
        top.addWidget(QLabel("年度"))
        self.year_box = QComboBox()
        self.year_box.setMinimumWidth(90)
        top.addWidget(self.year_box)
        lay.addLayout(top)
        legend = QLabel("按评估标准每月、每季度、每年应开的会议与已开会议对照；*为日期在今天之后的预先登记。"
                        "点一格在下方查看详情，双击登记这次会议（已开的打开会议记录）。")
        legend.setStyleSheet("color:#555;")
        lay.addWidget(legend)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)  # twelve months, no scrolling
        self.table.verticalHeader().setMinimumSectionSize(30)
        self.table.currentCellChanged.connect(lambda r, c, *_a: self.show_cell(r, c))
        self.table.cellDoubleClicked.connect(self.open_cell)
        lay.addWidget(self.table, 1)
        self.detail = QTextBrowser()
        self.detail.setMaximumHeight(105)
        lay.addWidget(self.detail)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        fit_to_screen(self, 1100, 700)
        year = year or session.default_year()
        this = session.default_year()
        # Last year too: in January its calendar is what the 述职 is written from.
        for y in sorted(set(years_of(session.ledger, "meetings", extra=this)) | {this - 1}, reverse=True):
            self.year_box.addItem(f"{y}年", y)
        if self.year_box.findData(year) < 0:
            self.year_box.addItem(f"{year}年", year)
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.year_box.currentIndexChanged.connect(lambda _i: self.load(self.year_box.currentData()))
        self.load(year)

    def load(self, year: int | None) -> None:
        """Compute the year's calendar on a reader in the background (the plan evaluates the
        whole year: about a second on a ten-year ledger); ``calendar`` is set when it is shown."""
        if year is None:
            return
        self.calendar = None
        self.title.setText(f"{year}年度工作日历（正在计算…）")
        self.session.runner.run(self.session.path, _calendar.annual_calendar, year, self.session.today,
                                on_done=self._show, on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.title.setText("年度工作日历")
        self.detail.setPlainText(f"无法生成年度工作日历：{message}")

    def _show(self, cal: _calendar.AnnualCalendar) -> None:
        if cal.year != self.year_box.currentData():
            return  # a year chosen since: its own result follows
        self.calendar = cal
        year = cal.year
        self.title.setText(f"{year}年度工作日历（截至{cal.day.month}月{cal.day.day}日）")
        kinds = [r.kind for r in cal.rows]
        self.table.clear()
        self.table.setRowCount(12)
        self.table.setColumnCount(len(kinds) + 1)
        self.table.setHorizontalHeaderLabels(kinds + [OTHER])
        self.table.setVerticalHeaderLabels([f"{m}月" for m in range(1, 13)])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(len(kinds), QHeaderView.Stretch)
        for m in range(1, 13):
            for c, kind in enumerate(kinds):
                cell = cal.cells[(kind, m)]
                item = QTableWidgetItem(cell_text(cell))
                item.setBackground(QBrush(QColor(BACKGROUND.get(cell.state, "#ffffff"))))
                item.setForeground(QBrush(QColor(FOREGROUND.get(cell.state, "#000000"))))
                self.table.setItem(m - 1, c, item)
            other = cal.other_plan.get(m, [])
            self.table.setItem(m - 1, len(kinds), QTableWidgetItem(f"{len(other)} 项" if other else ""))
        self.detail.clear()

    def show_cell(self, row: int, col: int) -> None:
        cal = self.calendar
        if cal is None or row < 0 or col < 0:
            return
        month = row + 1
        kinds = [r.kind for r in cal.rows]
        if col >= len(kinds):
            lines = cal.other_plan.get(month, [])
            self.detail.setPlainText(f"{month}月其他计划：\n" + ("\n".join(lines) if lines else "无"))
            return
        req = cal.rows[col]
        cell = cal.cells[(req.kind, month)]
        state = {"done": "已完成", "missing": "未完成（已过期）", "pending": "尚未到期", "n/a": "本月无要求"}  # not the enumeration
        out = [f"{month}月 · {req.name}（{_calendar.PERIOD_WORDS.get(req.period, '')}"
               f"{req.min_count}次）：{state.get(cell.state, cell.state)}"]
        for h in cell.held:
            out.append(f"  {h['date']} {h['kind']}" + (f" {h['group_name']}" if h.get("group_name") else "")
                       + f"：{h.get('topic') or ''}" + ("（日期在今天之后）" if h["ahead"] else ""))
        if cell.planned:
            out.append("计划：")
            out += [f"  {line}" for line in cell.planned]
        self.detail.setPlainText("\n".join(out))

    def open_cell(self, row: int, col: int) -> int | None:
        """A meeting typed ahead in the cell opens to be completed; else a cell still requiring a
        meeting opens a new one prefilled (kind, a date in the month, the group the plan names),
        one already held opens its record. The saved id or None."""
        cal = self.calendar
        if cal is None or self.session.ledger.readonly or not editing.editors_available():
            return None
        if not 0 <= col < len(cal.rows):
            return None
        req, month = cal.rows[col], row + 1
        cell = cal.cells[(req.kind, month)]
        planned = [h for h in cell.held if h["ahead"]]
        if planned:  # typed ahead: held now? its record is completed, not a second one made
            saved = editing.edit_record(self, self.session.ledger, "meetings", planned[0]["id"])
        elif cell.state in ("missing", "pending"):
            defaults = cell.new_meeting(req.kinds[0], cal.year, month, cal.day)
            saved = editing.edit_record(self, self.session.ledger, "meetings", None, defaults)
        elif cell.held:
            saved = editing.edit_record(self, self.session.ledger, "meetings", cell.held[0]["id"])
        else:
            return None
        if saved is not None:
            self.session.notify_changed("meetings")
            self.load(cal.year)
        return saved
