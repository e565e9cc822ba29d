"""The list pages over ledger tables: 党员名册, 发展党员, 三会一课, 教育培训, 志愿服务, 先锋岗,
整改台账, and the small tables of 支部信息 (支委分工, 党小组).

Each page declares its columns once and asks ``views.lists`` for its rows (no SQL here)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...ledger import enums, steps as _steps
from ...ledger.validate import format_hours
from ...views import fixes as _fixes, lists as _lists, meeting_entry as _entry
from .. import editing
from ..models import Column, field_column
from .base import Filter, ListPage, enum_choices, group_choices
from .person import open_person_file

OVERDUE = "#c62828"
DUE_SOON = "#d97706"
MUTED = "#808080"


def add_file_button(page, bar: QHBoxLayout) -> None:
    """查看档案 on a list of people (党员名册, 发展党员)."""
    page.file_button = QPushButton("查看档案")
    page.file_button.setToolTip("所选人员的党员档案：发展历程、组织生活、学时、志愿服务、党费、谈话和评议")
    page.file_button.clicked.connect(lambda: page.show_file())
    bar.addWidget(page.file_button)


class MembersPage(ListPage):
    slug = "members"
    title = "党员名册"
    table = "members"
    new_label = "新增人员"
    columns = [
        field_column("members", "name", width=80),
        field_column("members", "gender", width=45),
        field_column("members", "birth_date", width=95),
        Column("category", "类别", width=95),
        Column("group_name", "党小组", width=150),
        Column("status", "党籍状态", width=80,
               color=lambda r: MUTED if r.get("status") != enums.ACTIVE_STATUS else None),
        Column("admitted_on", "入党日期", width=100),
        Column("full_since", "转正日期", width=100),
        field_column("members", "education", width=80),
        field_column("members", "phone", width=110),
        field_column("members", "work_post", width=170),
        Column("mobile", "流动党员", "bool", width=70),
    ]
    filters = [
        Filter("status", "党籍状态", enum_choices(enums.MEMBER_STATUSES)),
        Filter("category", "类别", enum_choices(enums.CATEGORIES)),
        Filter("party_group_id", "党小组", group_choices),
    ]

    def extra_buttons(self, bar: QHBoxLayout) -> None:
        add_file_button(self, bar)
        self.import_button = QPushButton("导入花名册…")
        self.import_button.clicked.connect(self.import_roster)
        bar.addWidget(self.import_button)
        self.appraisal_button = QPushButton("民主评议结果…")
        self.appraisal_button.setToolTip("登记本年度民主评议党员的评定等次（优秀、合格、基本合格、不合格）")
        self.appraisal_button.clicked.connect(self.edit_appraisals)
        bar.addWidget(self.appraisal_button)
        self.transfer_button = QPushButton("组织关系转接…")
        self.transfer_button.setToolTip("为选中的人员登记组织关系转出（在册时）或转入；"
                                        "转入、离开本支部日期和党籍状态随之更新")
        self.transfer_button.clicked.connect(self.transfer_selected)
        bar.addWidget(self.transfer_button)

    def extra_menu(self, menu) -> None:
        selected = self.current_id() is not None
        menu.addAction("查看档案…", self.show_file).setEnabled(selected)
        menu.addAction("组织关系转接…", self.transfer_selected).setEnabled(selected)

    def show_file(self, member_id: int | None = None):
        """The 党员档案 of the selected person (or ``member_id``)."""
        return open_person_file(self, member_id)

    def delete_warning(self, ids: list[int]) -> str:
        """A person with a history is 转出, not deleted: say what deleting takes out of the counts
        (``Ledger.member_history``)."""
        parts = []
        for mid in ids:
            history = self.ledger.member_history(mid)
            m = self.ledger.get("members", mid)
            if history and m:
                parts.append(f"“{m['name']}”有" + "、".join(f"{label}{n}条" for label, n in history.items()))
        if not parts:
            return ""
        return ("；".join(parts) + "。删除后这些记录不再出现在名册、统计和导出中。"
                "若此人已调离本支部，请改用“组织关系转接…”登记转出（离开本支部日期和党籍状态随之更新），"
                "历史记录会完整保留。")

    def transfer_selected(self) -> int | None:
        """The 组织关系转接 editor for the selected person: a 转出 for someone 在册, else a 转入."""
        mid = self.current_id()
        defaults = {}
        if mid is not None:
            m = self.ledger.get("members", mid)
            if m is not None:
                out = m["status"] == enums.ACTIVE_STATUS
                defaults = {"member_id": mid, "direction": enums.TRANSFERRED_OUT if out else enums.TRANSFER_IN}
        saved = editing.edit_record(self, self.ledger, "transfers", None, defaults)
        if saved is not None:
            self.session.notify_changed("transfers")
            self.ensure_fresh()
            if mid is not None:
                self.select_id(mid)
        return saved

    def edit_appraisals(self) -> int | None:
        """The year's 民主评议 results, one rating per 党员 (TEAM-APPRAISAL and the 述职 read them)."""
        saved = editing.edit_record(self, self.ledger, "appraisals", None, {"year": self.session.today.year})
        if saved is not None:
            self.session.notify_changed("appraisals")
        return saved

    def load_rows(self, year):
        return _lists.members_rows(self.ledger)

    def status_text(self) -> str:
        active = sum(1 for r in self.model.all_rows() if r.get("status") == enums.ACTIVE_STATUS)
        return f"党员名册：共 {self.model.total()} 人，在册 {active} 人"

    def import_roster(self) -> None:
        from .roster import RosterImportDialog

        dlg = RosterImportDialog(self.session, self)
        if dlg.choose_and_preview() and dlg.exec():
            self.session.notify_changed("members")
            self.ensure_fresh()


class DevelopmentPage(ListPage):
    slug = "development"
    title = "发展党员"
    table = "members"
    new_label = "登记入党申请人"
    empty_hint = "暂无在发展中的人员"
    columns = [
        Column("name", "姓名", width=90),
        Column("category", "类别", width=100),
        Column("group_name", "党小组", width=110),
        Column("last_step", "已完成的最近步骤", width=190),
        Column("last_date", "日期", width=100),
        Column("next_step", "下一步", width=190),
        Column("next_date", "最早可办日期", width=110,
               color=lambda r: DUE_SOON if r.get("next_due") else None),
        Column("applied_on", "递交申请日期", width=110),
    ]
    filters = [Filter("category", "类别", enum_choices(enums.CATEGORIES[:4]))]

    def build_header(self) -> QWidget:
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.stage_labels = {}
        for cat in enums.CATEGORIES[:4]:
            lab = QLabel()
            lab.setObjectName("stageChip")
            lab.setStyleSheet("QLabel#stageChip{background:#fbeaea;border:1px solid #e5b3b3;"
                              "border-radius:6px;padding:6px 14px;font-size:13px;}")
            self.stage_labels[cat] = lab
            lay.addWidget(lab)
        lay.addStretch(1)
        return box

    def new_defaults(self):
        # Without step 1 the person has no category and would not appear on this page at all;
        # the date (today) stays editable in the dialog's 发展党员纪实 tab.
        apply = {"step": _steps.STEP_APPLY, "date": self.session.today.isoformat()}
        return {"status": enums.ACTIVE_STATUS, "development_steps": [apply]}

    def extra_buttons(self, bar: QHBoxLayout) -> None:
        add_file_button(self, bar)

    def extra_menu(self, menu) -> None:
        selected = self.current_id() is not None
        menu.addAction("查看档案…", self.show_file).setEnabled(selected)
        menu.addAction("导出发展党员全程纪实表…", self.export_record).setEnabled(selected)

    def show_file(self, member_id: int | None = None):
        """The 党员档案 of the selected person (or ``member_id``)."""
        return open_person_file(self, member_id)

    def load_rows(self, year):
        return _lists.development_rows(self.ledger, self.session.today)

    def export_record(self):
        """The 导出打印 page with the selected person's 发展党员全程纪实表 chosen, ready to export
        (``MainWindow.export_development``, as from the 党员档案)."""
        mid = self.current_id()
        if mid is None:
            self.session.say("请先选择一个人")
            return None
        return self.window().export_development(mid)

    def after_refresh(self, rows):
        for cat, lab in self.stage_labels.items():
            n = sum(1 for r in rows if r["category"] == cat)
            lab.setText(f"{cat}  <b>{n}</b> 人")

    def status_text(self) -> str:
        return f"发展党员：在发展中的 {self.model.total()} 人"


class MeetingsPage(ListPage):
    slug = "meetings"
    title = "三会一课"
    table = "meetings"
    new_label = "记一次会议"
    year_field = "date"
    columns = [
        field_column("meetings", "date", width=100),
        field_column("meetings", "kind", width=100),
        Column("time", "时间", width=100),
        field_column("meetings", "place", width=120),
        field_column("meetings", "topic", width=260),
        Column("host_name", "主持人", width=80),
        Column("recorder_name", "记录人", width=80),
        Column("expected", "应到", "count", width=50),
        Column("present", "实到", "count", width=50,
               color=lambda r: OVERDUE if r.get("expected") and r["present"] * 2 <= r["expected"] else None),
        Column("group_name", "党小组", width=100),
    ]
    filters = [
        Filter("kind", "会议类型", enum_choices(enums.MEETING_KINDS)),
        Filter("party_group_id", "党小组", group_choices),
    ]

    def extra_buttons(self, bar: QHBoxLayout) -> None:
        self.calendar_button = QPushButton("年度日历…")
        self.calendar_button.setToolTip("按评估标准逐月对照应开和已开的会议，以及尚待完成的计划")
        self.calendar_button.clicked.connect(lambda: self.open_calendar())
        bar.addWidget(self.calendar_button)
        self.copy_button = QPushButton("复制上次会议")
        self.copy_button.setToolTip("按所选会议（未选时为最近一次会议）新记一次：地点、时间、主持人、记录人、议题和列席人员照抄，"
                                    "日期自己填写，出勤默认应到的人全部出席")
        self.copy_button.clicked.connect(self.copy_meeting)
        bar.addWidget(self.copy_button)

    def open_calendar(self, year: int | None = None):
        """年度工作日历 of the page's year (not modal)."""
        from .calendar import CalendarDialog

        dlg = CalendarDialog(self.session, year or self.selected_year() or self.session.default_year(), self)
        dlg.setAttribute(Qt.WA_DeleteOnClose)
        dlg.show()
        self.calendar_dialog = dlg
        return dlg

    def copy_meeting(self) -> int | None:
        """复制上次会议: a new meeting like the selected one (or the latest), the date to type."""
        source = self.current_id()
        if source is None:
            last = _entry.last_meeting(self.ledger)
            source = last["id"] if last else None
        if source is None or not self.can_create():
            self.session.say("还没有可以复制的会议记录")
            return None
        new_id = editing.edit_record(self, self.ledger, self.table, None, {"copy_of": source})
        if new_id is not None:
            self.session.notify_changed(self.table)
            self.ensure_fresh()
            self.select_id(new_id)
        return new_id

    def load_rows(self, year):
        return _lists.meetings_rows(self.ledger, year)

    def new_defaults(self):
        """记一次会议 from a list filtered to a kind, group or month records that meeting."""
        month = re.fullmatch(r"(\d{4})-(\d{2})-", self.search.text().strip())
        return _fixes.list_defaults(self.ledger, self.filter_boxes["kind"].currentData(),
                                    self.filter_boxes["party_group_id"].currentData(),
                                    int(month[1]) if month else self.selected_year(),
                                    int(month[2]) if month else None, self.session.today)

    def row_title(self, row):
        return f"{row.get('date', '')} {row.get('kind', '')}"

    def status_text(self) -> str:
        rows = self.model.all_rows()
        by_kind = {k: 0 for k in enums.MEETING_KINDS}
        for r in rows:
            by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + 1
        parts = "，".join(f"{k} {n}" for k, n in by_kind.items() if n)
        return f"三会一课：{len(rows)} 次会议" + (f"（{parts}）" if parts else "")


class TrainingsPage(ListPage):
    slug = "trainings"
    title = "教育培训"
    table = "trainings"
    new_label = "登记培训"
    year_field = "date"
    columns = [
        field_column("trainings", "date", width=100),
        field_column("trainings", "title", width=300),
        field_column("trainings", "kind", width=90),
        field_column("trainings", "hours", width=60),
        Column("persons", "参训人数", "count", width=70),
        Column("total_hours", "学时合计", "hours", width=80),
    ]

    filters = [Filter("kind", "培训形式", enum_choices(enums.TRAINING_KINDS))]

    def status_text(self) -> str:
        rows = self.model.all_rows()
        hours = format_hours(sum(r["total_hours"] for r in rows))
        return f"教育培训：{len(rows)} 次培训，参训 {sum(r['persons'] for r in rows)} 人次，合计 {hours} 学时"

    def load_rows(self, year):
        return _lists.trainings_rows(self.ledger, year)


class VolunteerPage(ListPage):
    slug = "volunteer"
    title = "志愿服务"  # not the enumeration
    table = "volunteer_activities"
    new_label = "登记志愿服务"
    year_field = "date"
    columns = [
        field_column("volunteer_activities", "date", width=100),
        field_column("volunteer_activities", "title", width=280),
        field_column("volunteer_activities", "kind", width=80),
        field_column("volunteer_activities", "place", width=140),
        Column("persons", "参与人次", "count", width=70),
        Column("total_hours", "服务时长", "hours", width=80),
        field_column("volunteer_activities", "description", width=300),
    ]
    filters = [Filter("kind", "类别", enum_choices(enums.VOLUNTEER_KINDS))]

    def extra_buttons(self, bar):
        self.deed_button = QPushButton("登记办实事")
        self.deed_button.clicked.connect(self.new_deed)
        self.deed_button.setEnabled(self.new_button.isEnabled())
        bar.addWidget(self.deed_button)

    def new_deed(self):
        self._defaults = {"kind": enums.PRACTICAL_DEED}
        try:
            self.new_record()
        finally:
            self._defaults = None

    def new_defaults(self):
        return getattr(self, "_defaults", None)

    def status_text(self) -> str:
        rows = self.model.all_rows()
        deeds = sum(1 for r in rows if r["kind"] == enums.PRACTICAL_DEED)
        persons = sum(r["persons"] for r in rows)
        hours = format_hours(sum(r["total_hours"] for r in rows))
        return f"志愿服务：{len(rows)} 次活动（其中办实事 {deeds} 项），参与 {persons} 人次，服务 {hours} 小时"

    def load_rows(self, year):
        return _lists.volunteer_rows(self.ledger, year)


class PostsPage(ListPage):
    slug = "posts"
    title = "先锋岗"  # not the enumeration
    table = "pioneer_posts"
    new_label = "设立岗位"
    columns = [
        field_column("pioneer_posts", "kind", width=80),
        field_column("pioneer_posts", "name", width=200),
        Column("state", "状态", width=70, color=lambda r: MUTED if r.get("state") != "在岗" else None),
        field_column("pioneer_posts", "established_on", width=100),
        field_column("pioneer_posts", "ended_on", width=100),
        Column("persons", "成员", "count", width=50),
        Column("member_names", "成员名单", width=200),
        field_column("pioneer_posts", "commitment", width=240),
    ]
    filters = [
        Filter("kind", "类别", enum_choices(enums.POST_KINDS)),
        Filter("state", "状态", enum_choices(("在岗", "已撤销"))),
    ]

    def load_rows(self, year):
        return _lists.posts_rows(self.ledger, self.session.today)

class RectificationsPage(ListPage):
    slug = "rectifications"
    title = "整改台账"
    table = "rectifications"
    new_label = "新增整改事项"
    columns = [
        field_column("rectifications", "source", width=160),
        field_column("rectifications", "problem", width=300),
        field_column("rectifications", "measure", width=280),
        Column("owner_name", "责任人", width=70),
        field_column("rectifications", "deadline", width=100,
                     color=lambda r: OVERDUE if r.get("overdue") else None),
        field_column("rectifications", "status", width=80,
                     color=lambda r: OVERDUE if r.get("overdue") else None),
        field_column("rectifications", "closed_on", width=100),
    ]
    filters = [Filter("status", "整改状态", enum_choices(enums.RECTIFICATION_STATUSES))]

    def load_rows(self, year):
        return _lists.rectifications_rows(self.ledger, self.session.today)

    def status_text(self) -> str:
        rows = self.model.all_rows()
        open_n = sum(1 for r in rows if r["status"] != enums.COMPLETED)
        late = sum(1 for r in rows if r["overdue"])
        return f"整改台账：共 {len(rows)} 项，未完成 {open_n} 项，逾期 {late} 项"


class TalksPage(ListPage):
    slug = "talks"
    title = "谈心谈话"  # not the enumeration
    table = "talks"
    new_label = "登记谈心谈话"
    year_field = "date"
    columns = [
        field_column("talks", "date", width=100),
        field_column("talks", "kind", width=90),
        Column("talker_name", "谈话人", width=90),
        Column("whom", "谈话对象", width=110),
        field_column("talks", "topic", width=300),
    ]
    filters = [Filter("kind", "谈话类别", enum_choices(enums.TALK_KINDS))]

    def load_rows(self, year):
        return self.ledger.talks_in(year)

    def status_text(self) -> str:
        rows = self.model.all_rows()
        return f"谈心谈话：{len(rows)} 次，谈话对象 {len({r['whom'] for r in rows})} 人"


class TransfersPage(ListPage):
    slug = "transfers"
    title = "组织关系转接"
    table = "transfers"
    new_label = "登记转接"
    year_field = "date"
    columns = [
        field_column("transfers", "date", width=100),
        field_column("transfers", "direction", width=70),
        Column("member_name", "党员", width=90),
        field_column("transfers", "other_org", width=220),
        field_column("transfers", "letter_no", width=190),
        field_column("transfers", "valid_until", width=110),
        field_column("transfers", "receipt_on", width=100,
                     color=lambda r: OVERDUE if r.get("awaiting") else None),
        field_column("transfers", "dues_paid_to", width=80),
        field_column("transfers", "notes", width=200),
    ]
    filters = [Filter("direction", "转接类别", enum_choices(enums.TRANSFER_DIRECTIONS))]

    def load_rows(self, year):
        return _lists.transfers_rows(self.ledger, year, self.session.today)

    def row_title(self, row):
        return f"{row.get('date', '')} {row.get('member_name', '')}{row.get('direction', '')}"

    def status_text(self) -> str:
        rows = self.model.all_rows()
        n_in = sum(1 for r in rows if r["direction"] == enums.TRANSFER_IN)
        waiting = sum(1 for r in rows if r["awaiting"])
        text = f"组织关系转接：转入 {n_in} 人次，转出 {len(rows) - n_in} 人次"
        return text + (f"，{waiting} 份介绍信已过有效期仍未收到回执" if waiting else "")


class CommitteeList(ListPage):
    slug = "committee"
    title = "支委分工"
    table = "committee_roles"
    new_label = "新增分工"
    columns = [
        Column("member_name", "姓名", width=90),
        field_column("committee_roles", "role", width=90),
        field_column("committee_roles", "start_date", width=100),
        field_column("committee_roles", "end_date", width=100),
        Column("state", "状态", width=60, color=lambda r: MUTED if r.get("state") != "在任" else None),
    ]
    filters = [Filter("state", "状态", enum_choices(("在任", "离任")))]

    def load_rows(self, year):
        # 在任 is Ledger.committee_on: the end date is the last day in office, and the holder
        # must still be on the books (the rules and the 述职 read it so too).
        return _lists.committee_rows(self.ledger, self.session.today)

    def row_title(self, row):
        return f"{row.get('member_name', '')} {row.get('role', '')}"


class GroupsList(ListPage):
    slug = "groups"
    title = "党小组"
    table = "party_groups"
    new_label = "新增党小组"
    columns = [
        field_column("party_groups", "name", width=140),
        Column("leader_name", "组长", width=90),
        Column("persons", "在册党员", "count", width=80),
        field_column("party_groups", "established_on", width=100),
        field_column("party_groups", "dissolved_on", width=100),
    ]

    def load_rows(self, year):
        return _lists.groups_rows(self.ledger, self.session.today)  # 在册党员, not applicants

    def delete_warning(self, ids):
        # The ledger keeps members.party_group_id on a soft delete, but every list, rule and
        # export reads only groups outside the 回收站: the people are then in no group until
        # the group is restored (or for good once the 回收站 is emptied: ON DELETE SET NULL).
        day = self.session.today
        people = self.ledger.members_on(day)
        cats = self.ledger.categories(day)
        parts = []
        for gid in ids:
            group = self.ledger.get("party_groups", gid)
            here = [m for m in people if m.get("party_group_id") == gid]
            if group is None or not here:
                continue
            party = sum(1 for m in here if cats.get(m["id"]) in enums.PARTY_MEMBERS)
            counts = [f"党员{party}名"] if party else []
            if len(here) > party:
                counts.append(f"入党申请人、积极分子等{len(here) - party}名")
            parts.append(f"{group['name']}现有{'、'.join(counts)}")
        if not parts:
            return ""
        return "；".join(parts) + "，删除后他们将不属于任何党小组（从回收站恢复该党小组可恢复原分组）。"

