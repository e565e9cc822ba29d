"""创星评估: every rule with its status, measured value against the target, evidence and
advice; the actions for the next star; and the 自评 checklist for what no ledger can count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...rules import as_of_day, plan_items, projection_text, stars_text
from ...views.fixes import action_target, rule_target
from .. import editing
from ..charts import StarRow, bold
from ..icons import status_icon
from ..session import years_of
from .base import Page, fill_year_box

RULE_ROLE = Qt.UserRole + 10


def compute_report(reader, year, as_of) -> dict:
    from ...rules import evaluate

    return evaluate(reader, year, as_of).to_dict()


def show_value(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else str(value)
    if isinstance(value, (list, tuple)):
        return "、".join(show_value(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{k}：{show_value(v)}" for k, v in value.items())
    return str(value)


def _esc(text) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


class AssessmentPage(Page):
    """Signals:
        go_requested(object): where a double-clicked rule or a 去办理 is done (``views.fixes.Target``).
    """

    slug = "assessment"
    title = "创星评估"
    go_requested = Signal(object)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._loading = False
        self._requested_year = None
        self.report: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        head = QHBoxLayout()
        head.addWidget(QLabel("年度："))
        self.year_box = QComboBox()
        self.year_box.currentIndexChanged.connect(self._year_changed)
        head.addWidget(self.year_box)
        self.asof_label = QLabel()
        self.asof_label.setStyleSheet("color:#666")
        head.addWidget(self.asof_label)
        head.addStretch(1)
        # The headline is the year-end projection (DESIGN.md "Projection and plan"); the
        # verdicts as of today are labelled 截至目前.
        self.stars = StarRow()
        self.stars.setToolTip("按计划完成“争创下一星”中的各项工作，年底可达到的星级")
        head.addWidget(self.stars)
        self.projection_label = QLabel()
        self.projection_label.setFont(bold(self.font(), 2))
        head.addWidget(self.projection_label)
        layout.addLayout(head)
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#555")
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        results = QWidget()
        rl = QVBoxLayout(results)
        rl.setContentsMargins(0, 6, 0, 0)
        split = QSplitter(Qt.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["规则", "状态", "实际", "目标", "类型"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        h = self.tree.header()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(False)
        for i, w in enumerate((320, 78, 96, 150, 46)):
            self.tree.setColumnWidth(i, w)
        self.tree.currentItemChanged.connect(self._show_rule)
        self.tree.itemActivated.connect(self._rule_activated)  # double-click or Enter
        split.addWidget(self.tree)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        split.addWidget(self.detail)
        split.setSizes([730, 370])
        rl.addWidget(split, 1)
        self.tabs.addTab(results, "评估结果")

        self.next_star = QTextBrowser()
        self.next_star.setOpenLinks(False)
        self.next_star.anchorClicked.connect(self._do_action)
        self._plan: list[dict] = []
        self.tabs.addTab(self.next_star, "争创下一星")

        cls = editing.widget_class("ChecklistWidget")
        self.checklist_holder = QWidget()
        self.checklist_layout = QVBoxLayout(self.checklist_holder)
        self.checklist_layout.setContentsMargins(0, 6, 0, 0)
        self.checklist = None
        self._checklist_cls = cls
        self._checklist_year = None
        self.tabs.addTab(self.checklist_holder, "自评清单")
        layout.addWidget(self.tabs, 1)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#c62828")
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def year(self) -> int:
        return self.year_box.currentData() or self.session.default_year()

    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        super().refresh()
        current = self.year_box.currentData() or self.session.default_year()
        years = years_of(self.ledger, "meetings", "date", self.session.default_year())
        fill_year_box(self.year_box, years, current)
        self._start()

    def _year_changed(self, _i) -> None:
        self._start()

    def _start(self) -> None:
        year = self.year()
        as_of = as_of_day(year, self.session.today)
        self.asof_label.setText(f"截至 {as_of.isoformat()}")
        self._build_checklist(year)
        self._loading = True
        self._requested_year = year
        self.session.runner.run(self.session.path, compute_report, year, as_of,
                                on_done=self._loaded, on_failed=self._failed)

    def _build_checklist(self, year: int) -> None:
        if self._checklist_year == year and self.checklist is not None:
            return
        if self.checklist is not None:
            self.checklist.setParent(None)
            self.checklist.deleteLater()
        if self._checklist_cls is None:
            self.checklist = QLabel("自评清单组件尚未安装")
            self.checklist.setAlignment(Qt.AlignCenter)
        else:
            self.checklist = self._checklist_cls(self.ledger, year, self.checklist_holder)
            sig = getattr(self.checklist, "changed", None)
            if sig is not None:
                sig.connect(self._checklist_changed)
        self._checklist_year = year
        self.checklist_layout.addWidget(self.checklist)

    def _checklist_changed(self, *args) -> None:
        # re-evaluate here and tell the other pages; keep this page's checklist widget
        self.session.changed.disconnect(self._on_session_changed)
        try:
            self.session.notify_changed("checklist")
        finally:
            self.session.changed.connect(self._on_session_changed)
        self._start()

    def _loaded(self, rep: dict) -> None:
        if rep.get("year") != self._requested_year:
            return
        if getattr(self.ledger, "conn", None) is None:
            return  # the ledger was closed (another one opened) while the report was computed
        self._loading = False
        self.report = rep
        self.error_label.hide()
        proj = rep.get("projection") or {}
        self.stars.set_stars(int((proj.get("with_plan") or {}).get("stars") or 0))
        self.projection_label.setText(projection_text(proj))
        met = "已达标" if rep.get("standard_met") else "未达标"
        self.summary.setText(f"截至目前：{met}，{float(rep.get('score') or 0):.1f} 分，"
                             f"{stars_text(rep.get('stars') or 0)}（尚未到期的工作不计入）")
        self.tree.clear()
        first = None
        for b in rep["basics"]:
            vetoed = bool(b.get("vetoed"))
            # A failed 否定 rule shows 否决 beside the score (RULES.md "Score and stars").
            top = QTreeWidgetItem([b["name"], "否决" if vetoed else "", f"{float(b.get('score') or 0):.1f} 分", "", ""])
            top.setFont(0, bold(self.font()))
            if vetoed:
                top.setForeground(1, QColor("#c62828"))
                top.setToolTip(1, "本项有否定指标未达标，无论得分多少均不能达标")
            self.tree.addTopLevelItem(top)
            for r in b["rules"]:
                item = QTreeWidgetItem([r["name"], r["status"], show_value(r.get("measured")),
                                        show_value(r.get("target")), r.get("kind") or ""])
                item.setIcon(1, status_icon(r["status"]))
                item.setData(0, RULE_ROLE, r)
                item.setToolTip(0, (r.get("message") or "") + "\n双击去办理")  # codes stay in the JSON
                top.addChild(item)
                if first is None and r["status"] in ("未达标", "预警"):
                    first = item
            top.setExpanded(True)
        if first is not None:
            self.tree.setCurrentItem(first)
        ns = rep.get("next_star") or {}
        actions = ns.get("actions") or []
        if actions:
            self._plan = list(actions)
            today = self.session.today
            items = "".join(f"<li>{_esc(t)}" + (f" <a href=\"do:{i}\">去办理</a>"
                                                 if action_target(self.ledger, actions[i], today) else "")
                            + "</li>" for t, i in plan_items(actions))
            if ns.get("blocked_by"):
                names = {r["code"]: r["name"] for b in rep["basics"] for r in b["rules"]}
                lead = (f"否定指标“{_esc('”“'.join(names.get(c, c) for c in ns['blocked_by']))}”已无法在本年度补救，本年度不能达标；"
                        f"以下工作仍应按时完成：")
            elif not ns.get("reachable"):
                lead = "即使完成以下全部工作，本年度也难以达标；仍应按时完成："
            else:
                lead = f"年底{'保持' if (ns.get('target_stars') or 0) <= (rep.get('stars') or 0) else '达到'}" \
                       f"{ns.get('target_stars')}星，需按时完成："
            self.next_star.setHtml(f"<h3>{lead}</h3><ol>{items}</ol>")
        elif (rep.get("stars") or 0) >= 5:
            self.next_star.setHtml("<p>已达到最高星级，本年度工作均已完成。</p>")
        else:
            self.next_star.setHtml("<p>本年度已没有可补做的工作。</p>")
        self.status_changed.emit()

    def _do_action(self, url) -> None:
        """去办理: open the editor the plan action needs, prefilled (kind, a date within its
        period, group, lecturer, the people expected, member, step), or the page or tab where it
        is done (``views.fixes.action_target``)."""
        text = url.toString()
        if text.startswith("do:"):
            self.go_requested.emit(action_target(self.ledger, self._plan[int(text[3:])], self.session.today))

    def _rule_activated(self, item, _column=0) -> None:
        """A double-clicked rule leads to its first plan action still due, else to its page."""
        r = item.data(0, RULE_ROLE) if item is not None else None
        if r and self.report:
            self.go_requested.emit(rule_target(self.ledger, self.report, r["code"], self.session.today))

    def show_checklist(self) -> None:
        self.tabs.setCurrentWidget(self.checklist_holder)

    def _failed(self, message: str) -> None:
        self._loading = False
        self.error_label.setText(f"评估未能完成：{message}")
        self.error_label.show()

    def _show_rule(self, item, _prev=None) -> None:
        r = item.data(0, RULE_ROLE) if item is not None else None
        if not r:
            self.detail.setHtml("<p style='color:#666'>选择左侧的一条规则查看依据和建议。</p>")
            return
        ev = r.get("evidence") or []
        if isinstance(ev, str):
            ev = [ev]
        ev_html = "".join(f"<li>{_esc(show_value(e))}</li>" for e in ev) or "<li>无</li>"
        self.detail.setHtml(
            f"<h3>{_esc(r['name'])}</h3>"
            f"<p><b>状态：</b>{_esc(r['status'])}　<b>类型：</b>{_esc(r.get('kind') or '')}指标</p>"
            f"<p><b>实际：</b>{_esc(show_value(r.get('measured')))}　<b>目标：</b>{_esc(show_value(r.get('target')))}</p>"
            f"<p>{_esc(r.get('message') or '')}</p>"
            f"<p><b>建议：</b>{_esc(r.get('advice') or '无')}</p>"
            f"<p><b>依据：</b></p><ul>{ev_html}</ul>")

    def status_text(self) -> str:
        if not self.report:
            return "创星评估"
        rules = [r for b in self.report["basics"] for r in b["rules"]]
        bad = sum(1 for r in rules if r["status"] == "未达标")
        return f"创星评估：{len(rules)} 条规则，未达标 {bad} 条"
