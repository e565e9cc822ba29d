"""党员档案: one person's whole record in one window, opened from the 党员名册 (查看档案) and
the search. It renders ``views.person.person_file`` and nothing else; a double-click on a
meeting, training, activity or talk opens that record's editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...ledger import enums
from ...ledger.validate import format_hours, format_money
from ...views import person as _person
from .. import editing
from ..screenfit import fit_to_screen
from ..models import Column, RecordTableModel

MUTED = "#9e9e9e"
BAD = "#c62828"
GOOD = "#2e7d32"
AHEAD = "日期未到"  # typed ahead: listed, not counted

STEP_COLUMNS = [
    Column("stage", "阶段", width=150),
    Column("number", "步骤", "int", width=40),
    Column("name", "内容", width=170, color=lambda r: None if r["done"] else MUTED),
    Column("date_text", "日期", width=140, color=lambda r: None if r["done"] else MUTED),
    Column("detail", "说明", width=150),
]
CATEGORY_COLUMNS = [Column("date", "日期", width=100), Column("category", "类别", width=130)]
MEETING_COLUMNS = [
    Column("date", "日期", width=100), Column("kind", "会议类型", width=110),
    Column("topic", "议题", width=330),
    Column("status_text", "出勤", width=60,
           color=lambda r: MUTED if r["ahead"] else BAD if r["status"] == enums.ABSENT else None),
    Column("reason", "请假或缺席原因", width=200),
]
TRAINING_COLUMNS = [
    Column("date", "日期", width=100), Column("title", "培训名称", width=330), Column("kind", "培训形式", width=100),
    Column("hours", "学时", "hours", width=60),
    Column("counted_text", "计入年度学时", width=110, color=lambda r: None if r["counted"] else MUTED),
]
VOLUNTEER_COLUMNS = [
    Column("date", "日期", width=100), Column("title", "活动名称", width=360), Column("kind", "类别", width=100),
    Column("hours", "时长（小时）", "hours", width=100),
]
POST_COLUMNS = [
    Column("what", "类别", width=100), Column("name", "名称或职务", width=320), Column("role", "岗位角色", width=100),
    Column("since", "起始日期", width=100), Column("until", "结束日期", width=100),
]
DUES_COLUMNS = [
    Column("month", "月份", width=90), Column("due", "应缴金额", "money", width=90),
    Column("paid", "实缴金额", "money", width=90), Column("paid_on", "缴纳日期", width=100),
    Column("state", "状态", width=100, color=lambda r: BAD if r["state"] == _person.DUES_UNPAID
           else MUTED if r["state"] == _person.DUES_NOT_OWED else None),
]
TALK_COLUMNS = [
    Column("date", "谈话日期", width=100), Column("kind", "谈话类别", width=100), Column("role", "本人是", width=80),
    Column("other", "对方", width=110), Column("topic", "谈话主题", width=330),
]
TRANSFER_COLUMNS = [
    Column("date", "转接日期", width=100), Column("direction", "转接类别", width=70),
    Column("other_org", "对方党组织", width=260), Column("letter_no", "介绍信编号", width=110),
    Column("receipt_on", "回执日期", width=100), Column("dues_paid_to", "党费交至", width=90),
]
APPRAISAL_COLUMNS = [Column("year", "年度", "int", width=80), Column("rating", "评议等次", width=120)]


def _numbered(rows: list[dict], key: str | None = None) -> list[dict]:
    """The table model reads a row's ``id``: the record's own id where the row opens an editor."""
    return [{**r, "id": r[key] if key else i + 1} for i, r in enumerate(rows)]


def plain_table(columns: list[Column], parent=None) -> tuple[QTableView, RecordTableModel]:
    view = QTableView(parent)
    model = RecordTableModel(columns, view)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setStretchLastSection(True)
    for i, c in enumerate(columns):
        view.setColumnWidth(i, c.width)
    return view, model


def _card(title: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("fileCard")
    frame.setStyleSheet("QFrame#fileCard{background:#fbf6f6;border:1px solid #ead0d0;border-radius:6px;}")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(10, 6, 10, 6)
    lay.setSpacing(2)
    head = QLabel(title)
    head.setStyleSheet("color:#7a2e2e;font-size:12px;")
    value = QLabel()
    value.setTextFormat(Qt.RichText)
    value.setWordWrap(True)
    lay.addWidget(head)
    lay.addWidget(value)
    return frame, value


class PersonFileDialog(QDialog):
    """The 档案 of ``member_id`` for a year (default: the session's), read-only; the year box
    lists the years in which the person has records."""

    def __init__(self, session, member_id: int, year: int | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.member_id = member_id
        self.file: _person.PersonFile | None = None
        self.setWindowTitle("党员档案")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 10)
        top = QHBoxLayout()
        self.header = QLabel()
        self.header.setTextFormat(Qt.RichText)
        self.header.setWordWrap(True)
        top.addWidget(self.header, 1)
        top.addWidget(QLabel("年度"))
        self.year_box = QComboBox()
        self.year_box.setMinimumWidth(90)
        top.addWidget(self.year_box)
        self.edit_button = QPushButton("编辑党员信息…")
        self.edit_button.clicked.connect(self.edit_member)
        self.edit_button.setEnabled(editing.editors_available() and not session.ledger.readonly)
        top.addWidget(self.edit_button)
        self.export_button = QPushButton("导出发展纪实表…")
        self.export_button.setToolTip("到“导出打印”页导出此人的发展党员全程纪实表（Word 或 PDF）")
        self.export_button.clicked.connect(self.export_record)
        top.addWidget(self.export_button)
        lay.addLayout(top)

        cards = QGridLayout()
        cards.setSpacing(8)
        self.cards: dict[str, QLabel] = {}
        for i, (key, title) in enumerate((("meetings", "组织生活"), ("training", "学习培训学时"),
                                          ("volunteer", "志愿服务"), ("dues", "党费"), ("appraisal", "民主评议"))):  # not the enumeration
            frame, value = _card(title)
            self.cards[key] = value
            cards.addWidget(frame, 0, i)
        lay.addLayout(cards)

        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        history = QWidget()
        hl = QHBoxLayout(history)
        hl.setContentsMargins(0, 6, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel("类别变化"))
        self.categories_view, self.categories_model = plain_table(CATEGORY_COLUMNS)
        self.categories_view.setMaximumWidth(250)
        left.addWidget(self.categories_view, 1)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setMaximumWidth(250)
        left.addWidget(self.next_label)
        hl.addLayout(left)
        self.steps_view, self.steps_model = plain_table(STEP_COLUMNS)
        hl.addWidget(self.steps_view, 1)
        self.tabs.addTab(history, "发展历程（25步）")
        self.views: dict[str, tuple[QTableView, RecordTableModel]] = {}
        for key, title, columns, table in (
                ("meetings", "组织生活", MEETING_COLUMNS, "meetings"),
                ("trainings", "学习培训", TRAINING_COLUMNS, "trainings"),
                ("volunteer", "志愿服务", VOLUNTEER_COLUMNS, "volunteer_activities"),  # not the enumeration
                ("posts", "岗位与职务", POST_COLUMNS, None),
                ("dues", "党费", DUES_COLUMNS, None),
                ("talks", "谈心谈话", TALK_COLUMNS, "talks"),  # not the enumeration
                ("appraisals", "民主评议", APPRAISAL_COLUMNS, None),
                ("transfers", "组织关系转接", TRANSFER_COLUMNS, "transfers")):
            view, model = plain_table(columns)
            if table:
                view.doubleClicked.connect(lambda idx, m=model, t=table: self._open(t, m.row(idx.row())["id"]))
                view.setToolTip("双击打开这条记录")
            self.views[key] = (view, model)
            self.tabs.addTab(view, title)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        self._fit()
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.load(year or session.default_year())
        session.changed.connect(self._ledger_changed)  # an edit in another window shows here too

    def _ledger_changed(self, _table: str) -> None:
        if self.file is None:
            return
        try:
            self.load(self.file.year)
        except KeyError:  # the person went to the 回收站 meanwhile
            self.close()

    def _fit(self) -> None:
        """1000 × 660, never larger than the screen's work area."""
        fit_to_screen(self, 1000, 660)

    def _year_chosen(self, _index: int) -> None:
        year = self.year_box.currentData()
        if year is not None:
            self.load(year)

    # ---- data ---------------------------------------------------------------------------
    def load(self, year: int) -> None:
        f = _person.person_file(self.session.ledger, self.member_id, year, self.session.today)
        self.file = f
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in f.years:
            self.year_box.addItem(f"{y}年", y)
        self.year_box.setCurrentIndex(max(self.year_box.findData(year), 0))
        self.year_box.blockSignals(False)
        m = f.member
        self.setWindowTitle(f"党员档案 — {m['name']}")
        facts = [f.category or "无类别（未登记发展步骤或已取消预备党员资格）"]
        if m.get("group_name"):
            facts.append(m["group_name"])
        facts.append(m.get("status") or "")
        if f.admitted_on:
            facts.append(f"入党日期 {f.admitted_on}")
        if f.full_since:
            facts.append(f"转正日期 {f.full_since}")
        if f.standing_years is not None:
            facts.append(f"党龄 {f.standing_years} 年")
        if m.get("joined_branch_on"):
            facts.append(f"转入本支部 {m['joined_branch_on']}")
        if m.get("left_on"):
            facts.append(f"离开本支部 {m['left_on']}")
        for key, label in (("gender", ""), ("work_post", ""), ("phone", "电话 ")):
            if m.get(key):
                facts.append(f"{label}{m[key]}")
        self.header.setText(f"<span style='font-size:18px;font-weight:bold'>{m['name']}</span>"
                            f"&nbsp;&nbsp;<span style='color:#555'>{' · '.join(x for x in facts if x)}</span>")
        self._fill_cards(f)
        self.export_button.setEnabled(bool(f.categories) and self._main_window() is not None)
        self.categories_model.set_rows(_numbered(
            [{"date": d, "category": c or "已取消预备党员资格"} for d, c in f.categories]))
        self.steps_model.set_rows(_numbered([{
            **s, "date_text": "、".join(s["dates"]) if s["done"] else "未记录",
            "detail": "；".join(x for x in (s["outcome"], s["persons"], s["note"]) if x)} for s in f.steps]))
        nxt = f.next_step
        if f.category == enums.FULL_MEMBER:  # a veteran's unrecorded 24/25 is no "next step" to urge
            self.next_label.setText(f"已于 {f.full_since} 转正")
        elif nxt:
            self.next_label.setText(f"发展流程下一步：{nxt['name']}"
                                    + (f"（最早 {nxt['earliest']}）" if nxt["earliest"] else ""))
        else:
            self.next_label.setText("发展流程已结束")
        self.views["meetings"][1].set_rows(_numbered(
            [{**r, "status_text": f"{r['status']}（{AHEAD}）" if r["ahead"] else r["status"]} for r in f.meetings],
            "meeting_id"))
        self.views["trainings"][1].set_rows(_numbered(
            [{**r, "counted_text": "计入" if r["counted"] else f"不计入（{AHEAD}）" if r["ahead"]
              else "不计入（培训形式不在标准内）"} for r in f.trainings], "training_id"))
        self.views["volunteer"][1].set_rows(_numbered(
            [{**r, "title": f"{r['title']}（{AHEAD}）" if r["ahead"] else r["title"]} for r in f.volunteer],
            "activity_id"))
        posts = [{"what": p["kind"], "name": p["name"], "role": p["role"], "since": p["since"], "until": p["until"]}
                 for p in f.posts]
        posts += [{"what": "职务", "name": r["role"], "role": "", "since": r["start"], "until": r["end"]}
                  for r in f.roles]
        self.views["posts"][1].set_rows(_numbered(posts))
        self.views["dues"][1].set_rows(_numbered(f.dues))
        self.views["talks"][1].set_rows(_numbered(f.talks, "talk_id"))
        self.views["appraisals"][1].set_rows(_numbered(f.appraisals))
        self.views["transfers"][1].set_rows(_numbered(f.transfers, "id"))
        for i, (key, n) in enumerate((("meetings", len(f.meetings)), ("trainings", len(f.trainings)),
                                      ("volunteer", len(f.volunteer)), ("posts", len(posts)),
                                      ("dues", len(f.dues_unpaid_months)), ("talks", len(f.talks)),
                                      ("appraisals", len(f.appraisals)), ("transfers", len(f.transfers))),
                                     start=1):
            title = self.tabs.tabText(i).split("（")[0]
            if key == "dues":
                self.tabs.setTabText(i, f"{title}（未交{n}个月）" if n else title)
            else:
                self.tabs.setTabText(i, f"{title}（{n}）")

    @staticmethod
    def _span(f: _person.PersonFile) -> str:
        """"2025年度", or "截至6月15日" for the year still running."""
        return f"{f.year}年度" if (f.day.month, f.day.day) == (12, 31) else f"截至{f.day.month}月{f.day.day}日"

    def _fill_cards(self, f: _person.PersonFile) -> None:
        a = f.attendance
        self.cards["meetings"].setText(
            f"出席 <b>{a.get(enums.PRESENT, 0)}</b> · 请假 <b>{a.get(enums.ON_LEAVE, 0)}</b> · "
            f"<span style='color:{BAD if a.get(enums.ABSENT) else '#000'}'>缺席 <b>{a.get(enums.ABSENT, 0)}</b></span>"
            f"<br><span style='color:#666'>{self._span(f)}应参加 {sum(a.values())} 次</span>")
        t = f.training
        if t.need is None:
            self.cards["training"].setText(f"<b>{format_hours(t.have) or '0'}</b> 学时<br><span style='color:#666'>"
                                            "不是在册党员，不考核年度学时</span>")
        else:
            colour = GOOD if t.met else BAD
            word = "已达标" if t.met else "未达标"
            who = "书记和委员" if t.committee else "党员"
            extra = "，年内转入按在册时间折算" if t.pro_rata else ""
            self.cards["training"].setText(
                f"<b>{format_hours(t.have) or '0'}</b> / {t.need:g} 学时 "
                f"<span style='color:{colour}'>{word}</span><br><span style='color:#666'>{who}要求{extra}</span>")
        self.cards["volunteer"].setText(
            f"<b>{format_hours(f.volunteer_hours) or '0'}</b> 小时（{len(f.volunteer)} 次活动）")
        paid, unpaid = f.dues_paid_months, f.dues_unpaid_months
        if all(r["state"] == _person.DUES_NOT_OWED for r in f.dues):
            self.cards["dues"].setText(f"{f.year}年度无需交纳党费")
            return self._fill_appraisal(f)
        total = sum(r["paid"] or 0 for r in f.dues)
        text = f"已交 <b>{len(paid)}</b> 个月 · 未交 <b style='color:{BAD if unpaid else '#000'}'>{len(unpaid)}</b> 个月"
        text += f"<br><span style='color:#666'>实缴合计 {format_money(total)} 元</span>"
        if f.dues_lapse:
            text += f"<br><span style='color:{BAD}'>{f.dues_lapse}</span>"
        self.cards["dues"].setText(text)
        self._fill_appraisal(f)

    def _fill_appraisal(self, f: _person.PersonFile) -> None:
        rating = next((r["rating"] for r in f.appraisals if r["year"] == f.year), None)
        last = f.appraisals[0] if f.appraisals else None
        if rating:
            self.cards["appraisal"].setText(f"{f.year}年度：<b>{rating}</b>")
        elif last:
            self.cards["appraisal"].setText(f"{f.year}年度未评议<br><span style='color:#666'>"
                                            f"最近：{last['year']}年度 {last['rating']}</span>")
        else:
            self.cards["appraisal"].setText("尚无评议结果")

    # ---- actions ------------------------------------------------------------------------
    def _open(self, table: str, row_id: int) -> None:
        if self.session.ledger.readonly or not editing.editors_available():
            return
        if editing.edit_record(self, self.session.ledger, table, row_id) is not None:
            self.session.notify_changed(table)  # reloads this file too (_ledger_changed)

    def _main_window(self):
        win = self.parent().window() if self.parent() is not None else None
        return win if hasattr(win, "export_development") else None

    def export_record(self) -> None:
        """The person's 发展党员全程纪实表, on 导出打印 (its path, format and 导出 there)."""
        win = self._main_window()
        if win is not None:
            win.export_development(self.member_id, self.file.year if self.file else None)
            self.close()

    def edit_member(self) -> None:
        if editing.edit_record(self, self.session.ledger, "members", self.member_id) is not None:
            self.session.notify_changed("members")


def open_person_file(page, member_id: int | None = None):
    """The 党员档案 of ``member_id`` (default: the page's selected row) over ``page`` (a list page
    of people: 党员名册, 发展党员), for the session's year; not modal, so the list stays usable
    beside it. The dialog, or None when nobody is selected."""
    mid = member_id or page.current_id()
    if mid is None:
        page.session.say("请先选择一个人")
        return None
    dlg = PersonFileDialog(page.session, mid, page.session.default_year(), page)
    dlg.setAttribute(Qt.WA_DeleteOnClose)
    dlg.show()
    page.file_dialog = dlg
    return dlg
