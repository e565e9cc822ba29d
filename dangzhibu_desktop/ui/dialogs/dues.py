"""The monthly dues grid: members × 12 months, paid/unpaid at a glance, base → amount due."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ...ledger import enums
from ...ledger.validate import LedgerError, ValidationError, format_money, parse_money
from ...rules import compute_dues as rules_compute_dues
from ...views.dues import dues_grid
from ..widgets.datefield import DateField
from .common import prepare_table, setup_date, get_date

TEXT = {
    "name": "姓名",
    "class": "缴费类别",
    "base": "计算基数（元）",
    "month": "{m}月",
    "total": "全年已缴",
    "tip_total": "全年已缴 {paid} 元，已登记应缴 {due} 元",
    "paid_on": "缴纳日期",
    "paid_on_missing": "请先填写缴纳日期",
    "mark_paid": "标记已缴",
    "mark_unpaid": "标记未缴",
    "hint": "双击月份格子切换已缴/未缴；在“计算基数”列填写月收入（元），未缴月份的应缴金额随之重算。",
    "summary": "{year}年：应缴 {due} 个月次，已缴 {paid}，未缴 {unpaid}；应缴合计 {due_sum} 元，实缴合计 {paid_sum} 元",
    "need_base": "请先在“计算基数”列填写{name}的月收入",
    "tip_row": "应缴 {due} 元{rate}，实缴 {paid} 元{on}",
    "tip_rate": "（基数 {base} 元 × {pct}）",
    "tip_on": "，缴纳日期 {date}",
    "tip_none": "尚未登记",
    "tip_off": "本月不在应缴范围（未入党、未转入或已离开本支部）",
    "base_label": "{name}的计算基数",
    "lapse": "{words}（连续{lapse}个月不交纳党费按自行脱党处理），请及时联系本人",
    "no_selection": "请先选中要标记的月份格子",
    "legend": ('<span style="color:#43a047">■</span> 已缴　<span style="color:#fb8c00">■</span> 部分缴纳　'
               '<span style="color:#e53935">■</span> 未缴（已到期）　□ 未到期　'
               '<span style="color:#9e9e9e">—</span> 不在应缴范围'),
}

PAID = QColor("#c8e6c9")
PARTIAL = QColor("#ffe0b2")
UNPAID = QColor("#ffcdd2")
FUTURE = QColor("#fafafa")
OFF = QColor("#eeeeee")

FIRST_MONTH_COL = 3


def compute_dues(dues_class: str | None, base_fen: int | None) -> tuple[float | None, int]:
    """(rate, amount_fen) by the rule set's dues brackets (one place declares them: ``rules``)."""
    return rules_compute_dues(dues_class or enums.DUES_EMPLOYED, base_fen)


def today() -> _dt.date:
    """What counts as today for due/not-yet-due months (tests pin it)."""
    return _dt.date.today()


class DuesModel(QAbstractTableModel):
    """One row per paying member of the year; months as columns (lazy: rows are plain dicts)."""

    def __init__(self, ledger, year: int, parent=None, rule_set=None):
        super().__init__(parent)
        self.ledger = ledger
        self.year = year
        self.rule_set = rule_set  # None: the bundled rule set (its lapse_months marks a lapse)
        self.rows: list[dict] = []
        self.today = today()
        self.lapse_months = 0
        self.lapses: dict = {}
        self.on_base_edited = None  # callback(row_index, text) -> bool
        self.reload()

    def reload(self) -> None:
        self.today = today()
        self.beginResetModel()
        grid = dues_grid(self.ledger, self.year, self.today, self.rule_set)
        self.rows = grid.rows
        # A lapse is SYS-DUES-LAPSE's own (across the year boundary, by the payment dates).
        self.lapse_months, self.lapses = grid.lapse_months, grid.lapses
        self.endResetModel()

    # -- Qt model
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else FIRST_MONTH_COL + 13

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return TEXT["name"]
        if section == 1:
            return TEXT["class"]
        if section == 2:
            return TEXT["base"]
        if section < FIRST_MONTH_COL + 12:
            return TEXT["month"].format(m=section - FIRST_MONTH_COL + 1)
        if section == FIRST_MONTH_COL + 12:
            return TEXT["total"]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def month_state(self, row: dict, month: int) -> str:
        d = row["dues"].get(month)
        started = (self.year, month) <= (self.today.year, self.today.month)
        if d is not None:
            paid = d.get("amount_paid") or 0
            if paid >= d["amount_due"]:
                return "paid"
            if paid > 0:
                return "partial"
            return "unpaid" if started else "future"
        if not row["eligible"][month]:
            return "off"
        return "unpaid" if started else "future"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        col = index.column()
        m = row["member"]
        if col < FIRST_MONTH_COL:
            if col == 0 and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
                lapse = self.lapses.get(m["id"])
                if lapse is not None:
                    return QBrush(QColor("#c62828")) if role == Qt.ItemDataRole.ForegroundRole \
                        else TEXT["lapse"].format(words=lapse.words(), lapse=self.lapse_months)
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return (m["name"], m.get("dues_class") or "", format_money(row["base"]))[col]
            if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if col == FIRST_MONTH_COL + 12:
            paid = sum(d.get("amount_paid") or 0 for d in row["dues"].values())
            due = sum(d["amount_due"] for d in row["dues"].values())
            if role == Qt.ItemDataRole.DisplayRole:
                return format_money(paid)
            if role == Qt.ItemDataRole.ToolTipRole:
                return TEXT["tip_total"].format(paid=format_money(paid), due=format_money(due))
            if role == Qt.ItemDataRole.ForegroundRole and paid < due:
                return QBrush(QColor("#c62828"))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        month = col - FIRST_MONTH_COL + 1
        d = row["dues"].get(month)
        state = self.month_state(row, month)
        if role == Qt.ItemDataRole.DisplayRole:
            if d is not None:
                return format_money(d["amount_due"]) + ("✓" if state == "paid" else "")
            return "—" if state == "off" else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush({"paid": PAID, "partial": PARTIAL, "unpaid": UNPAID, "future": FUTURE, "off": OFF}[state])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if d is None:
                return TEXT["tip_off"] if state == "off" else TEXT["tip_none"]
            rate = ""
            if d.get("rate") and d.get("base_income") is not None:
                pct = f"{Decimal(str(d['rate'])) * 100:g}%"
                rate = TEXT["tip_rate"].format(base=format_money(d["base_income"]), pct=pct)
            on = TEXT["tip_on"].format(date=d["paid_on"]) if d.get("paid_on") else ""
            return TEXT["tip_row"].format(due=format_money(d["amount_due"]), rate=rate,
                                          paid=format_money(d.get("amount_paid") or 0), on=on)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if index.isValid() and index.column() == 2 and role == Qt.ItemDataRole.EditRole and self.on_base_edited:
            return bool(self.on_base_edited(index.row(), str(value)))
        return False


class DuesGridWidget(QWidget):
    """The 党费 grid of one year: each change is written at once, in one transaction.

    Signals:
        changed(): dues rows were written (the page refreshes counts and the assessment).
    """

    changed = Signal()

    def __init__(self, ledger, year: int, parent=None, rule_set=None):
        super().__init__(parent)
        self.ledger = ledger
        self.year = year
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.date_label = QLabel(TEXT["paid_on"])
        self.date_edit = DateField()
        setup_date(self.date_edit, optional=False)
        self.date_label.setBuddy(self.date_edit)
        self.paid_button = QPushButton(TEXT["mark_paid"])
        self.unpaid_button = QPushButton(TEXT["mark_unpaid"])
        for w in (self.date_label, self.date_edit, self.paid_button, self.unpaid_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.legend = QLabel(TEXT["legend"])
        bar.addWidget(self.legend)
        layout.addLayout(bar)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.view = QTableView()
        self.model = DuesModel(ledger, year, self, rule_set)
        self.model.on_base_edited = self.set_base
        self.view.setModel(self.model)
        prepare_table(self.view)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        for col, width in ((0, 72), (1, 58), (2, 86)):
            self.view.setColumnWidth(col, width)
        for col in range(FIRST_MONTH_COL, FIRST_MONTH_COL + 12):
            self.view.setColumnWidth(col, 68)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.hint = QLabel(TEXT["hint"])
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.summary = QLabel("")
        layout.addWidget(self.summary)
        self.paid_button.clicked.connect(lambda: self.mark_selected(True))
        self.unpaid_button.clicked.connect(lambda: self.mark_selected(False))
        self.view.doubleClicked.connect(self._double_clicked)
        self.update_summary()

    # -- public
    def set_year(self, year: int) -> None:
        self.year = year
        self.model.year = year
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self.update_summary()

    def find_row(self, member_id: int) -> int:
        return next(i for i, r in enumerate(self.model.rows) if r["member"]["id"] == member_id)

    def set_base(self, row: int, text: str) -> bool:
        """A new base (元) for the year: every month of the year not yet paid is recomputed."""
        r = self.model.rows[row]
        m = r["member"]
        try:
            base = parse_money(text, TEXT["base_label"].format(name=m["name"]), "base_income")
            rate, amount = compute_dues(m.get("dues_class"), base)
            with self.ledger.transaction():
                for month in range(1, 13):
                    d = r["dues"].get(month)
                    values = {"base_income": base, "rate": rate, "amount_due": amount}
                    if d is not None:
                        if not d.get("amount_paid"):
                            self.ledger.update("dues", d["id"], values)
                    elif r["eligible"][month]:
                        self.ledger.insert("dues", {"member_id": m["id"], "month": f"{self.year}-{month:02d}",
                                                    **values, "amount_paid": 0})
        except LedgerError as exc:
            self.show_message(str(exc))
            return False
        self._written()
        return True

    def mark(self, cells: list[tuple[int, int]], paid: bool, paid_on: str | None = None) -> bool:
        """Mark (row, month) cells paid (amount due, on ``paid_on``) or unpaid, in one transaction."""
        if paid_on is None and not self.date_edit.commit():
            self.show_message(self.date_edit.error())
            return False
        paid_on = paid_on or get_date(self.date_edit)
        if not paid_on:
            self.show_message(TEXT["paid_on_missing"])
            return False
        try:
            with self.ledger.transaction():
                for row, month in cells:
                    r = self.model.rows[row]
                    m = r["member"]
                    d = r["dues"].get(month)
                    if d is None:
                        if not paid or not r["eligible"][month]:
                            continue
                        base = r["base"]
                        if base is None and (m.get("dues_class") or enums.DUES_EMPLOYED) \
                                in (enums.DUES_EMPLOYED, enums.DUES_RETIRED):
                            raise ValidationError(TEXT["need_base"].format(name=m["name"]), "base_income")
                        rate, amount = compute_dues(m.get("dues_class"), base)
                        self.ledger.insert("dues", {"member_id": m["id"], "month": f"{self.year}-{month:02d}",
                                                    "base_income": base, "rate": rate, "amount_due": amount,
                                                    "amount_paid": amount, "paid_on": paid_on})
                    elif paid:
                        self.ledger.update("dues", d["id"], {"amount_paid": d["amount_due"], "paid_on": paid_on})
                    else:
                        self.ledger.update("dues", d["id"], {"amount_paid": 0, "paid_on": None})
        except LedgerError as exc:
            self.show_message(str(exc))
            return False
        self._written()
        return True

    def mark_selected(self, paid: bool) -> bool:
        cells = sorted({(i.row(), i.column() - FIRST_MONTH_COL + 1) for i in self.view.selectedIndexes()
                        if FIRST_MONTH_COL <= i.column() < FIRST_MONTH_COL + 12})
        if not cells:
            self.show_message(TEXT["no_selection"])
            return False
        return self.mark(cells, paid)

    # -- internals
    def _double_clicked(self, index) -> None:
        col = index.column()
        if FIRST_MONTH_COL <= col < FIRST_MONTH_COL + 12:
            month = col - FIRST_MONTH_COL + 1
            state = self.model.month_state(self.model.rows[index.row()], month)
            if state != "off":
                self.mark([(index.row(), month)], state != "paid")

    def _written(self) -> None:
        self.message.hide()
        selection = [(i.row(), i.column()) for i in self.view.selectedIndexes()]
        self.model.reload()
        sel = self.view.selectionModel()
        for r, c in selection:
            sel.select(self.model.index(r, c), sel.SelectionFlag.Select)
        self.update_summary()
        self.changed.emit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def update_summary(self) -> None:
        due = paid = unpaid = due_sum = paid_sum = 0
        for r in self.model.rows:
            for month in range(1, 13):
                state = self.model.month_state(r, month)
                if state in ("paid", "partial", "unpaid"):
                    due += 1
                    paid += state == "paid"
                    unpaid += state != "paid"
            for d in r["dues"].values():
                due_sum += d["amount_due"]
                paid_sum += d.get("amount_paid") or 0
        self.summary.setText(TEXT["summary"].format(year=self.year, due=due, paid=paid, unpaid=unpaid,
                                                    due_sum=format_money(due_sum), paid_sum=format_money(paid_sum)))
