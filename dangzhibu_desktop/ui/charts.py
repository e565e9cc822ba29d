"""Charts of the 工作台, painted with QPainter (QtCharts is deprecated and not in Essentials).

- ``MeetingGrid``: month × meeting-kind cells coloured done / missing / pending / n/a.
- ``BasicsBars``: the six 基本 scores as horizontal bars with the 60-point line.
- ``StarRow``: the stars earned.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

STATUS_COLORS = {
    "done": QColor("#4caf50"),
    "missing": QColor("#e53935"),
    "pending": QColor("#cfd8e3"),
    "n/a": QColor("#f1f1f1"),
}
STATUS_TEXT = {"done": "已开", "missing": "缺", "pending": "待到期", "n/a": "不适用"}
MONTHS = tuple(range(1, 13))
ROW_MIN = 20  # px: a row's 缺 stays readable and clickable


class MeetingGrid(QWidget):
    """Kinds (rows) × 12 months (columns).

    Signals:
        cell_clicked(str, int): kind and month of a clicked cell.
    """

    cell_clicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._grid: dict[tuple[str, int], str] = {}
        self._kinds: list[str] = []
        self._counts: dict[tuple[str, int], int] = {}
        self.setMinimumSize(520, 170)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.setMouseTracking(True)

    def set_grid(self, grid: dict, kinds: list[str], counts: dict | None = None) -> None:
        self._grid = dict(grid)
        self._kinds = list(kinds)
        self._counts = dict(counts or {})
        # Rows never thinner than ROW_MIN: with 15 党小组 the grid grows and its scroll area scrolls.
        fm = QFontMetrics(self.font())
        self.setMinimumHeight(max(170, (fm.height() + 8) + ROW_MIN * max(len(self._kinds), 1)
                                  + fm.height() + 12))
        self.updateGeometry()
        self.update()

    def cell_status(self, kind: str, month: int) -> str | None:
        return self._grid.get((kind, month))

    def sizeHint(self) -> QSize:
        return QSize(760, 44 + 30 * max(len(self._kinds), 4) + 28)

    def _geometry(self):
        fm = QFontMetrics(self.font())
        label_w = min(max([fm.horizontalAdvance(k) for k in self._kinds] + [60]), 150) + 16
        top = fm.height() + 8
        legend_h = fm.height() + 12
        rows = max(len(self._kinds), 1)
        cell_w = max((self.width() - label_w - 4) / 12, 18)
        cell_h = min(max((self.height() - top - legend_h) / rows, ROW_MIN), 34)
        return label_w, top, cell_w, cell_h, legend_h

    def _cell_at(self, pos) -> tuple[str, int] | None:
        label_w, top, cell_w, cell_h, _ = self._geometry()
        col = int((pos.x() - label_w) // cell_w)
        row = int((pos.y() - top) // cell_h)
        if 0 <= col < 12 and 0 <= row < len(self._kinds) and pos.x() >= label_w and pos.y() >= top:
            return self._kinds[row], col + 1
        return None

    def mouseMoveEvent(self, event) -> None:
        cell = self._cell_at(event.position())
        if cell is None:
            self.setToolTip("")
            return
        kind, month = cell
        status = self._grid.get(cell, "n/a")
        n = self._counts.get(cell)
        extra = f"，已开 {n} 次" if n else ""
        self.setToolTip(f"{month}月 {kind}：{STATUS_TEXT.get(status, status)}{extra}")

    def mouseReleaseEvent(self, event) -> None:
        cell = self._cell_at(event.position())
        if cell is not None:
            self.cell_clicked.emit(*cell)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        label_w, top, cell_w, cell_h, legend_h = self._geometry()
        fm = QFontMetrics(self.font())
        p.setPen(self.palette().color(self.foregroundRole()))
        for m in MONTHS:
            r = QRectF(label_w + (m - 1) * cell_w, 0, cell_w, top - 2)
            p.drawText(r, Qt.AlignCenter, f"{m}月")
        if not self._kinds:
            p.drawText(QRectF(0, top, self.width(), 40), Qt.AlignCenter, "正在计算…")
        for i, kind in enumerate(self._kinds):
            y = top + i * cell_h
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(QRectF(0, y, label_w - 8, cell_h), Qt.AlignRight | Qt.AlignVCenter,
                       fm.elidedText(kind, Qt.ElideRight, int(label_w - 8)))
            for m in MONTHS:
                status = self._grid.get((kind, m), "n/a")
                rect = QRectF(label_w + (m - 1) * cell_w + 2, y + 2, cell_w - 4, cell_h - 4)
                p.setPen(Qt.NoPen)
                p.setBrush(STATUS_COLORS.get(status, STATUS_COLORS["n/a"]))
                p.drawRoundedRect(rect, 4, 4)
                n = self._counts.get((kind, m))
                if n and status == "done" and cell_h >= 18:
                    p.setPen(QColor("white"))
                    p.drawText(rect, Qt.AlignCenter, str(n))
                elif status == "missing":
                    p.setPen(QColor("white"))
                    p.drawText(rect, Qt.AlignCenter, "缺")
        # legend
        x = label_w
        y = top + max(len(self._kinds), 1) * cell_h + 6
        for status in ("done", "missing", "pending", "n/a"):
            p.setPen(Qt.NoPen)
            p.setBrush(STATUS_COLORS[status])
            p.drawRoundedRect(QRectF(x, y + 2, 14, fm.height() - 4), 3, 3)
            p.setPen(self.palette().color(self.foregroundRole()))
            text = STATUS_TEXT[status]
            p.drawText(QPointF(x + 18, y + fm.ascent()), text)
            x += 18 + fm.horizontalAdvance(text) + 18
        p.end()


class BasicsBars(QWidget):
    """The six 基本 scores (0–100) as bars; the 60-point pass line drawn across."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._basics: list[tuple[str, float | None]] = []
        self.setMinimumSize(300, 180)

    def set_basics(self, basics: list[tuple[str, float | None]]) -> None:
        self._basics = list(basics)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(380, 220)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = QFontMetrics(self.font())
        label_w = fm.horizontalAdvance("基本组织") + 12
        value_w = fm.horizontalAdvance("100.0") + 10
        n = max(len(self._basics), 1)
        row_h = min(self.height() / n, 34)
        bar_w = max(self.width() - label_w - value_w, 40)
        fg = self.palette().color(self.foregroundRole())
        if not self._basics:
            p.setPen(fg)
            p.drawText(self.rect(), Qt.AlignCenter, "正在计算…")
        for i, (name, score) in enumerate(self._basics):
            y = i * row_h
            p.setPen(fg)
            p.drawText(QRectF(0, y, label_w - 8, row_h), Qt.AlignRight | Qt.AlignVCenter, name)
            track = QRectF(label_w, y + row_h * 0.22, bar_w, row_h * 0.56)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor("#eeeeee"))
            p.drawRoundedRect(track, 4, 4)
            if score is not None:
                frac = max(0.0, min(float(score) / 100.0, 1.0))
                color = QColor("#4caf50") if score >= 80 else QColor("#f0a000") if score >= 60 else QColor("#e53935")
                p.setBrush(color)
                p.drawRoundedRect(QRectF(track.x(), track.y(), track.width() * frac, track.height()), 4, 4)
            p.setPen(fg)
            text = "—" if score is None else f"{float(score):.1f}"
            p.drawText(QRectF(label_w + bar_w + 6, y, value_w, row_h), Qt.AlignLeft | Qt.AlignVCenter, text)
        if self._basics:
            x = label_w + bar_w * 0.6
            pen = QPen(QColor("#9e2a2b"))
            pen.setStyle(Qt.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, 0), QPointF(x, n * row_h))
        p.end()


class StarRow(QWidget):
    """Five stars, the earned ones filled."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stars = 0
        self.setFixedSize(5 * 30 + 4, 30)

    def set_stars(self, n: int) -> None:
        self._stars = int(n)
        self.setToolTip(f"{self._stars} 星")
        self.update()

    def stars(self) -> int:
        return self._stars

    def paintEvent(self, _event) -> None:
        import math

        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        for i in range(5):
            cx, cy, r_out = 15 + i * 30, 15, 13
            path = QPainterPath()
            for k in range(10):
                r = r_out if k % 2 == 0 else r_out * 0.45
                a = -math.pi / 2 + k * math.pi / 5
                pt = QPointF(cx + r * math.cos(a), cy + r * math.sin(a))
                path.moveTo(pt) if k == 0 else path.lineTo(pt)
            path.closeSubpath()
            filled = i < self._stars
            p.setPen(QPen(QColor("#c98a00" if filled else "#bdbdbd"), 1))
            p.setBrush(QColor("#f5b400") if filled else QColor("#f5f5f5"))
            p.drawPath(path)
        p.end()


def bold(font: QFont, size_delta: int = 0) -> QFont:
    f = QFont(font)
    f.setBold(True)
    if size_delta:
        f.setPointSize(max(f.pointSize() + size_delta, 6))
    return f
