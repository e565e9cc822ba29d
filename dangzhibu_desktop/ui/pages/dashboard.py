"""工作台: where the branch stands this year — the 三会一课 grid, stars and score, the six 基本,
the reminders of the next 30 days and quick actions.

The rules run in a worker on their own read connection; the page only paints what came back.
"""

from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from ...ledger import enums
from ...rules import as_of_day, plan_lines, projection_text
from ...views.common import years_of
from ...views.dashboard import compute_dashboard
from ...views.fixes import reminder_target
from ...views.onboarding import onboarding_due, onboarding_steps
from ..charts import BasicsBars, MeetingGrid, StarRow, bold
from ..icons import icon
from .base import Page, fill_year_box

REMINDER_ROLE = Qt.UserRole + 11

# Kinds shown in the grid, in this order (三会一课 and 主题党日).
GRID_KINDS = (enums.GENERAL_MEETING, enums.COMMITTEE_MEETING, enums.GROUP_MEETING, enums.PARTY_LECTURE,
              enums.THEME_DAY)

QUICK_ACTIONS = (
    ("meeting", "记一次会议"),
    ("volunteer", "登记志愿服务"),
    ("deed", "登记办实事"),
    ("training", "登记培训"),
    ("member", "新增人员"),
    ("export", "导出述职报告"),
)


class DashboardPage(Page):
    """Signals:
        action_requested(str): a quick action (meeting, volunteer, deed, training, member, export).
        go_requested(object): a double-clicked reminder's ``views.fixes.Target``.
    """

    slug = "dashboard"
    title = "工作台"
    action_requested = Signal(str)
    go_requested = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._loading = False
        self._requested_year = None
        self.data: dict | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 10)
        outer.setSpacing(10)

        head = QHBoxLayout()
        self.branch_label = QLabel()
        self.branch_label.setFont(bold(self.font(), 4))
        head.addWidget(self.branch_label)
        head.addSpacing(16)
        head.addWidget(QLabel("年度："))
        self.year_box = QComboBox()
        self.year_box.currentIndexChanged.connect(self._year_changed)
        head.addWidget(self.year_box)
        self.asof_label = QLabel()
        self.asof_label.setStyleSheet("color:#666")
        head.addWidget(self.asof_label)
        head.addStretch(1)
        # The headline is the year-end projection (DESIGN.md "Projection and plan"); score and
        # 达标 as of today are labelled 截至目前.
        self.stars = StarRow()
        self.stars.setToolTip("按计划完成“争创下一星”中的各项工作，年底可达到的星级")
        head.addWidget(self.stars)
        self.projection_label = QLabel()
        self.projection_label.setFont(bold(self.font(), 2))
        head.addWidget(self.projection_label)
        outer.addLayout(head)
        now = QHBoxLayout()
        now.addStretch(1)
        now.addWidget(QLabel("截至目前："))
        self.met_label = QLabel()
        now.addWidget(self.met_label)
        self.score_label = QLabel()
        self.score_label.setFont(bold(self.font(), 1))
        now.addWidget(self.score_label)
        outer.addLayout(now)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        box = QGroupBox("三会一课和主题党日")
        lay = QVBoxLayout(box)
        self.meeting_grid = MeetingGrid()
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setFrameShape(QFrame.NoFrame)
        self.grid_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.grid_scroll.setWidget(self.meeting_grid)
        lay.addWidget(self.grid_scroll)
        grid.addWidget(box, 0, 0)

        box = QGroupBox("六个基本")
        lay = QVBoxLayout(box)
        self.bars = BasicsBars()
        lay.addWidget(self.bars)
        self.next_star_label = QLabel()
        self.next_star_label.setWordWrap(True)
        self.next_star_label.setStyleSheet("color:#555")
        lay.addWidget(self.next_star_label)
        grid.addWidget(box, 0, 1)

        # On an empty ledger the first steps take the reminders' place (same height: the
        # 工作台 still fits 1366×728).
        self.onboarding = OnboardingBox()
        self.onboarding.go_requested.connect(self.go_requested)
        self.onboarding.hide()
        grid.addWidget(self.onboarding, 1, 0)
        box = QGroupBox("近30天提醒")
        self.reminders_box = box
        lay = QVBoxLayout(box)
        self.reminders = QListWidget()
        self.reminders.setFrameShape(QFrame.NoFrame)
        self.reminders.setWordWrap(True)
        self.reminders.itemActivated.connect(self._reminder_activated)  # double-click or Enter
        lay.addWidget(self.reminders)
        grid.addWidget(box, 1, 0)

        box = QGroupBox("快捷操作")
        lay = QGridLayout(box)
        self.quick_buttons = {}
        for i, (key, label) in enumerate(QUICK_ACTIONS):
            b = QPushButton(label)
            b.setMinimumHeight(34)
            b.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
            self.quick_buttons[key] = b
            lay.addWidget(b, i // 2, i % 2)
        grid.addWidget(box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        outer.addLayout(grid, 1)

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#c62828")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)

    # ---- loading ---------------------------------------------------------------------
    def year(self) -> int:
        return self.year_box.currentData() or self.session.default_year()

    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        super().refresh()
        b = self.ledger.branch() or {}
        self.branch_label.setText(b.get("name") or "党支部")  # not the enumeration
        current = self.year_box.currentData() or self.session.default_year()
        years = years_of(self.ledger, "meetings", "date", self.session.default_year())
        fill_year_box(self.year_box, years, current)
        due = onboarding_due(self.ledger)
        self.onboarding.setVisible(due)
        self.reminders_box.setVisible(not due)
        if due:
            self.onboarding.set_steps(onboarding_steps(self.ledger, self.session.today))
        self._start()

    def _year_changed(self, _i) -> None:
        self._start()

    def set_year(self, year: int) -> None:
        i = self.year_box.findData(year)
        if i >= 0:
            self.year_box.setCurrentIndex(i)

    def _start(self) -> None:
        year = self.year()
        as_of = as_of_day(year, self.session.today)
        self.asof_label.setText(f"截至 {as_of.isoformat()}")
        self._loading = True
        self._requested_year = year
        self.error_label.hide()
        self.session.runner.run(self.session.path, compute_dashboard, year, as_of,
                                on_done=self._loaded, on_failed=self._failed)

    def _loaded(self, data: dict) -> None:
        if data["year"] != self._requested_year:
            return  # an older request finished after a newer one started
        self._loading = False
        self.data = data
        rep = data["report"]
        kinds = []
        for k in GRID_KINDS:
            if any((k, m) in data["grid"] for m in range(1, 13)):
                kinds.append(k)
            if k == enums.GROUP_MEETING:
                kinds.extend(data.get("groups") or [])
        self.meeting_grid.set_grid(data["grid"], kinds, data["counts"])
        self.bars.set_basics([(b["name"], b.get("score")) for b in rep["basics"]])
        proj = rep.get("projection") or {}
        self.stars.set_stars(int((proj.get("with_plan") or {}).get("stars") or 0))
        self.projection_label.setText(projection_text(proj))
        self.score_label.setText(f"{float(rep.get('score') or 0):.1f} 分")
        if rep.get("standard_met"):
            self.met_label.setText("已达标")
            self.met_label.setStyleSheet("color:#2e7d32;font-weight:bold")
        else:
            self.met_label.setText("未达标")
            self.met_label.setStyleSheet("color:#c62828;font-weight:bold")
        ns = rep.get("next_star") or {}
        actions = plan_lines(ns.get("actions") or [])
        vetoed = [b["name"] for b in rep["basics"] if b.get("vetoed")]
        veto_line = f"否决：{'、'.join(vetoed)}有否定指标未达标。" if vetoed else ""
        if actions:
            lines = "；".join(actions[:3]) + ("……" if len(actions) > 3 else "")
            if ns.get("blocked_by"):
                names = {r["code"]: r["name"] for b in rep["basics"] for r in b["rules"]}
                lead = f"否定指标“{'”“'.join(names.get(c, c) for c in ns['blocked_by'])}”已无法补救；仍需按时完成"
            else:
                lead = f"争创{ns.get('target_stars')}星还需"
            self.next_star_label.setText(f"{veto_line}{lead}：{lines}")
        else:
            self.next_star_label.setText(veto_line)
        self.reminders.clear()
        for r in data.get("reminders") or []:
            item = QListWidgetItem(icon("status-pending.svg"), f"{r['date']}  {r['message']}")
            if r.get("action"):
                item.setData(REMINDER_ROLE, r)
                item.setToolTip("双击去办理")
            self.reminders.addItem(item)
        if not data.get("reminders"):
            self.reminders.addItem("近30天没有需要提醒的事项")
        self.status_changed.emit()

    def _reminder_activated(self, item: QListWidgetItem) -> None:
        r = item.data(REMINDER_ROLE)
        if r:
            self.go_requested.emit(reminder_target(self.ledger, r, self.session.today))

    def _failed(self, message: str) -> None:
        self._loading = False
        self.error_label.setText(f"评估未能完成：{message}")
        self.error_label.show()
        self.status_changed.emit()

    def group_of_row(self, label: str) -> int | None:
        """The 党小组 id of a per-group row of the grid (None for a meeting-kind row)."""
        return (self.data or {}).get("group_ids", {}).get(label)

    def status_text(self) -> str:
        if self.data is None:
            return "工作台"
        rep = self.data["report"]
        return f"工作台：{rep['year']}年 {float(rep.get('score') or 0):.1f} 分，{rep.get('stars') or 0} 星"


class OnboardingBox(QGroupBox):
    """开始使用: the five first steps (``views.onboarding``), each done or with a button that
    opens its editor. Shown on the 工作台 until the first meeting is recorded.

    Signals:
        go_requested(object): the ``views.fixes.Target`` of a step's button.
    """

    go_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__("开始使用：按顺序完成这几步，台账就建好了", parent)
        self.setStyleSheet("QGroupBox{font-weight:bold;}")
        self.rows = QGridLayout(self)
        self.rows.setContentsMargins(8, 4, 8, 4)
        self.rows.setHorizontalSpacing(10)
        self.rows.setVerticalSpacing(2)
        self.rows.setColumnStretch(2, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.marks: dict[str, QLabel] = {}

    def set_steps(self, steps) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons, self.marks = {}, {}
        first_open = next((s.key for s in steps if not s.done), None)
        for i, step in enumerate(steps):
            mark = QLabel("✓" if step.done else f"{i + 1}")
            mark.setStyleSheet("color:#2e7d32;font-weight:bold" if step.done else "color:#c8161d;font-weight:bold")
            title = QLabel(step.title)
            title.setStyleSheet("font-weight:bold" if step.key == first_open else "font-weight:normal")
            hint = QLabel(step.hint)
            hint.setStyleSheet("color:#2e7d32;font-weight:normal" if step.done else "color:#555;font-weight:normal")
            hint.setWordWrap(True)
            button = QPushButton("修改…" if step.done else "去填写…")
            button.setStyleSheet("font-weight:normal;padding:1px 10px")
            button.clicked.connect(lambda _c=False, t=step.target: self.go_requested.emit(t))
            if step.key == first_open:
                button.setDefault(True)
            for col, w in enumerate((mark, title, hint, button)):
                self.rows.addWidget(w, i, col)
            self.buttons[step.key] = button
            self.marks[step.key] = mark
