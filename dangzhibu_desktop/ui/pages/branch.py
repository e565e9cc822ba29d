"""支部信息: the branch's own row, the committee's 分工 and the 党小组."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from ...ledger import enums, steps as _steps
from ...ledger.schema import TABLES
from .. import editing
from .base import Page
from .lists import CommitteeList, GroupsList

BRANCH_FIELDS = ("name", "parent_org", "org_type", "established_on", "address",
                 "committee_elected_on", "committee_term_years")


class BranchPage(Page):
    slug = "branch"
    title = "支部信息"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)

        top = QHBoxLayout()
        info = QGroupBox("基本信息")
        form = QFormLayout(info)
        form.setLabelAlignment(Qt.AlignRight)
        self.value_labels: dict[str, QLabel] = {}
        t = TABLES["branch"]
        for name in BRANCH_FIELDS:
            lab = QLabel()
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.value_labels[name] = lab
            form.addRow(t.field(name).label + "：", lab)
        self.term_label = QLabel()
        form.addRow("本届任期届满：", self.term_label)
        self.edit_button = QPushButton("编辑支部信息…")
        self.edit_button.clicked.connect(self.edit_branch)
        self.edit_button.setEnabled(editing.editors_available())
        button_row = QHBoxLayout()
        button_row.addWidget(self.edit_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        top.addWidget(info, 3)

        figures = QGroupBox("党员构成")
        self.figures_form = QFormLayout(figures)
        self.figure_labels: dict[str, QLabel] = {}
        for key in ("在册党员", enums.FULL_MEMBER, enums.PROBATIONARY, enums.CANDIDATE, enums.ACTIVIST,
                    enums.APPLICANT, "流动党员"):
            lab = QLabel()
            self.figure_labels[key] = lab
            self.figures_form.addRow(key + "：", lab)
        top.addWidget(figures, 2)
        layout.addLayout(top)

        split = QSplitter(Qt.Horizontal)
        self.committee = CommitteeList(session)
        self.groups = GroupsList(session)
        for title, page in (("支委分工", self.committee), ("党小组", self.groups)):
            box = QGroupBox(title)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(4, 4, 4, 4)
            lay.addWidget(page)
            split.addWidget(box)
        split.setSizes([560, 440])
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        super().refresh()
        b = self.ledger.branch() or {}
        for name, lab in self.value_labels.items():
            v = b.get(name)
            lab.setText("" if v is None else str(v))
        if not b:
            self.value_labels["name"].setText("（尚未填写，请点“编辑支部信息”）")
        self.term_label.setText(self._term_text(b))
        day = self.session.today
        cats = self.ledger.categories(day)
        on_books = self.ledger.members_on(day)  # the people on the books today, as the rules read them
        counts = {k: 0 for k in self.figure_labels}
        for m in on_books:
            cat = cats.get(m["id"])
            if cat:
                counts[cat] = counts.get(cat, 0) + 1
        party = self.ledger.party_members_on(day)
        counts["在册党员"] = len(party)
        counts["流动党员"] = sum(1 for m in party if m.get("mobile"))
        for k, lab in self.figure_labels.items():
            lab.setText(f"{counts.get(k, 0)} 人")
        self.committee.refresh()
        self.groups.refresh()

    def _term_text(self, b: dict) -> str:
        elected = b.get("committee_elected_on")
        if not elected:
            return "未填写本届选举日期"
        end = _steps.add_years(_dt.date.fromisoformat(elected), int(b.get("committee_term_years") or 3))
        days = (end - self.session.today).days
        if days < 0:
            return f"{end.isoformat()}（已届满 {-days} 天，应及时换届）"
        return f"{end.isoformat()}（还有 {days} 天）"

    def edit_branch(self) -> None:
        b = self.ledger.branch()
        saved = editing.edit_record(self, self.ledger, "branch", b["id"] if b else None)
        if saved is not None:
            self.session.notify_changed("branch")
            self.ensure_fresh()

    def can_create(self) -> bool:
        return self.committee.can_create()

    def new_record(self) -> None:
        self.committee.new_record()

    def can_edit(self) -> bool:
        return editing.editors_available()

    def edit_selected(self) -> None:
        focus = self.focusWidget()
        if focus is self.groups.view:
            self.groups.edit_selected()
        elif focus is self.committee.view:
            self.committee.edit_selected()
        else:
            self.edit_branch()

    def delete_selected(self) -> None:
        if self.groups.view.hasFocus():
            self.groups.delete_selected()
        else:
            self.committee.delete_selected()

    def focus_search(self) -> None:
        self.committee.focus_search()

    def status_text(self) -> str:
        return f"支部信息：在册党员 {self.figure_labels['在册党员'].text()}"
