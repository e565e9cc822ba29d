"""The one place that declares every table: its columns, their kind, Chinese label and rules.

The migrations create exactly these columns (a test compares them), the ledger validates
against them, the data package reads and writes them and the window builds its columns
from them.

Units: fields of kind ``money`` are stored as integer fen, ``hours`` as integer tenths of
an hour. Binary floats never enter a sum.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass

from . import enums

# The tables whose records can carry 佐证材料 (an attachment's ``owner_table``): table names,
# which this module owns, not an enumeration a person reads.
ATTACHMENT_OWNER_TABLES = (
    "meetings", "trainings", "volunteer_activities", "pioneer_posts", "rectifications", "checklist",
    "development_steps", "talks",
)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text date time month int year bool hours money rate enum ref id_number phone step
    required: bool = False
    choices: tuple = ()
    ref: str | None = None  # referenced table for kind "ref"
    default: object = None


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    fields: tuple[Field, ...]
    parent: str | None = None  # child table: travels inside this parent in the data package
    parent_key: str | None = None  # column pointing at the parent
    soft_delete: bool = True  # deleted rows go to the 回收站
    title_field: str | None = None  # what names a row in messages and the 回收站

    def field(self, name: str) -> Field:
        return self._by_name[name]  # KeyError for an unknown field, as before

    # Asked for every field of every written row (340 000 times on a large package import):
    # computed once per table.
    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _ref(name, label, table="members", required=False):
    return Field(name, label, "ref", required=required, ref=table)


TABLES: dict[str, Table] = {}


def _table(*args, **kw) -> Table:
    t = Table(*args, **kw)
    TABLES[t.name] = t
    return t


_table("branch", "支部信息", (
    Field("name", "支部名称", required=True),
    Field("parent_org", "上级党委"),
    Field("org_type", "组织类型", "enum", choices=enums.ORG_TYPES, default=enums.ORG_BRANCH),
    Field("established_on", "成立日期", "date"),
    Field("address", "地址"),
    Field("committee_elected_on", "本届选举日期", "date"),
    Field("committee_term_years", "任期（年）", "int", default=3),
), soft_delete=False, title_field="name")

_table("party_groups", "党小组", (
    Field("name", "党小组名称", required=True),
    _ref("leader_id", "党小组组长"),
), title_field="name")

_table("members", "党员及入党人员", (
    Field("name", "姓名", required=True),
    Field("gender", "性别", "enum", choices=enums.GENDERS),
    Field("ethnicity", "民族"),
    Field("birth_date", "出生日期", "date"),
    Field("id_number", "身份证号", "id_number"),
    Field("education", "学历"),
    Field("phone", "联系电话", "phone"),
    Field("work_post", "工作岗位"),
    _ref("party_group_id", "所在党小组", "party_groups"),
    Field("status", "党籍状态", "enum", required=True, choices=enums.MEMBER_STATUSES, default=enums.ACTIVE_STATUS),
    Field("mobile", "流动党员", "bool", default=0),
    Field("dues_class", "缴费类别", "enum", choices=enums.DUES_CLASSES, default=enums.DUES_EMPLOYED),
    Field("joined_branch_on", "转入本支部日期", "date"),
    Field("left_on", "离开本支部日期", "date"),
    Field("notes", "备注"),
), title_field="name")

_table("development_steps", "发展党员纪实", (
    _ref("member_id", "人员", required=True),
    Field("step", "步骤", "step", required=True),
    Field("date", "日期", "date", required=True),
    Field("note", "说明"),
    Field("outcome", "转正结论", "enum", choices=enums.PROBATION_OUTCOMES),
    Field("persons", "相关人员（介绍人、培养联系人）"),
), parent="members", parent_key="member_id")

_table("committee_roles", "支委分工", (
    _ref("member_id", "委员", required=True),
    Field("role", "职务", "enum", required=True, choices=enums.COMMITTEE_ROLES),
    Field("start_date", "任职日期", "date", required=True),
    Field("end_date", "离任日期", "date"),
), parent="members", parent_key="member_id")

_table("meetings", "三会一课及组织生活", (
    Field("kind", "会议类型", "enum", required=True, choices=enums.MEETING_KINDS),
    Field("date", "日期", "date", required=True),
    Field("start_time", "开始时间", "time"),
    Field("end_time", "结束时间", "time"),
    Field("place", "地点"),
    _ref("host_id", "主持人"),
    _ref("recorder_id", "记录人"),
    _ref("party_group_id", "党小组", "party_groups"),
    _ref("lecturer_id", "授课人"),
    Field("topic", "议题"),
    Field("content", "会议记录"),
    Field("resolutions", "决议"),
    Field("guests", "列席人员"),
    Field("vote", "有表决事项", "bool", default=0),
    Field("votes_for", "同意票数", "int"),
    Field("votes_against", "反对票数", "int"),
    Field("votes_abstain", "弃权票数", "int"),
), title_field="topic")

_table("attendance", "出勤", (
    _ref("meeting_id", "会议", "meetings", required=True),
    _ref("member_id", "党员", required=True),
    Field("status", "出勤情况", "enum", required=True, choices=enums.ATTENDANCE_STATUSES),
    Field("reason", "请假或缺席原因"),
), parent="meetings", parent_key="meeting_id", soft_delete=False)

_table("trainings", "教育培训", (
    Field("date", "日期", "date", required=True),
    Field("title", "培训名称", required=True),
    Field("hours", "学时", "hours", required=True),
    Field("kind", "培训形式", "enum", choices=enums.TRAINING_KINDS, default=enums.TRAINING_CLASSROOM),
), title_field="title")

_table("training_attendance", "参训记录", (
    _ref("training_id", "培训", "trainings", required=True),
    _ref("member_id", "党员", required=True),
    Field("hours", "学时", "hours", required=True),
), parent="trainings", parent_key="training_id", soft_delete=False)

_table("volunteer_activities", "志愿服务", (
    Field("date", "日期", "date", required=True),
    Field("title", "活动名称", required=True),
    Field("place", "地点"),
    Field("kind", "类别", "enum", required=True, choices=enums.VOLUNTEER_KINDS, default=enums.VOLUNTEER_SERVICE),
    Field("description", "活动内容"),
), title_field="title")

_table("volunteer_hours", "服务时长", (
    _ref("activity_id", "活动", "volunteer_activities", required=True),
    _ref("member_id", "党员", required=True),
    Field("hours", "时长", "hours", required=True),
), parent="volunteer_activities", parent_key="activity_id", soft_delete=False)

_table("pioneer_posts", "先锋岗", (
    Field("kind", "类别", "enum", required=True, choices=enums.POST_KINDS),
    Field("name", "名称", required=True),
    Field("established_on", "设立日期", "date"),
    Field("ended_on", "撤销日期", "date"),
    Field("commitment", "承诺"),
    Field("achievements", "成效"),
), title_field="name")

_table("post_members", "岗位成员", (
    _ref("post_id", "岗位", "pioneer_posts", required=True),
    _ref("member_id", "党员", required=True),
    Field("role", "岗位角色"),
    Field("since", "起始日期", "date"),
    Field("until", "结束日期", "date"),
), parent="pioneer_posts", parent_key="post_id", soft_delete=False)

_table("dues", "党费", (
    _ref("member_id", "党员", required=True),
    Field("month", "月份", "month", required=True),
    Field("base_income", "计算基数", "money"),
    Field("rate", "比例", "rate"),
    Field("amount_due", "应缴金额", "money", required=True),
    Field("amount_paid", "实缴金额", "money", default=0),
    Field("paid_on", "缴纳日期", "date"),
), title_field="month")

_table("appraisals", "民主评议结果", (
    Field("year", "年度", "year", required=True),
    _ref("member_id", "党员", required=True),
    Field("rating", "评议等次", "enum", required=True, choices=enums.RATINGS),
), title_field="year")

_table("rectifications", "问题整改台账", (
    Field("source", "问题来源"),
    Field("problem", "问题", required=True),
    Field("measure", "整改措施"),
    _ref("owner_id", "责任人"),
    Field("deadline", "整改时限", "date"),
    Field("status", "整改状态", "enum", required=True, choices=enums.RECTIFICATION_STATUSES, default=enums.NOT_STARTED),
    Field("closed_on", "完成日期", "date"),
    Field("evidence", "整改成效及佐证"),
), title_field="problem")

_table("checklist", "自评事项", (
    Field("rule_code", "事项编码", required=True),
    Field("year", "年度", "year", required=True),
    Field("met", "已落实", "bool", default=0),
    Field("evidence", "佐证材料"),
), title_field="rule_code")

_table("talks", "谈心谈话", (
    Field("date", "谈话日期", "date", required=True),
    _ref("talker_id", "谈话人"),
    _ref("member_id", "谈话对象"),
    Field("person_name", "谈话对象（非本支部人员）"),
    Field("kind", "谈话类别", "enum", required=True, choices=enums.TALK_KINDS, default=enums.TALK_HEART),
    Field("topic", "谈话主题"),
    Field("notes", "谈话记录"),
), title_field="topic")

_table("transfers", "组织关系转接", (
    _ref("member_id", "党员", required=True),
    Field("direction", "转接类别", "enum", required=True, choices=enums.TRANSFER_DIRECTIONS),
    Field("date", "转接日期", "date", required=True),
    Field("other_org", "对方党组织"),
    Field("letter_no", "介绍信编号"),
    Field("valid_until", "介绍信有效期至", "date"),
    Field("receipt_on", "回执日期", "date"),
    Field("dues_paid_to", "党费交至", "month"),
    Field("notes", "备注"),
), title_field="date")

_table("attachments", "佐证材料", (
    Field("owner_table", "所属记录类别", "enum", required=True, choices=ATTACHMENT_OWNER_TABLES),
    Field("owner_id", "所属记录编号", "int", required=True),
    Field("kind", "材料类别", "enum", required=True, choices=enums.ATTACHMENT_KINDS,
          default=enums.ATTACHMENT_PHOTO),
    Field("title", "说明"),
    Field("sha256", "文件摘要（SHA-256）", required=True),
    Field("bytes", "文件大小（字节）", "int", required=True),
    Field("mime", "文件类型"),
    Field("original_name", "原文件名"),
    Field("taken_on", "拍摄日期", "date"),
), title_field="title")

# Tables in the order the data package lists them (parents before the rows that point at them).
PACKAGE_TABLES = (
    "party_groups", "members", "meetings", "trainings", "volunteer_activities",
    "pioneer_posts", "dues", "appraisals", "rectifications", "checklist", "talks", "transfers",
)

# Child tables inside their parent in the package, under this key.
PACKAGE_CHILD_KEYS = {
    "development_steps": ("members", "development_steps"),
    "committee_roles": ("members", "committee_roles"),
    "attendance": ("meetings", "attendance"),
    "training_attendance": ("trainings", "attendance"),
    "volunteer_hours": ("volunteer_activities", "hours"),
    "post_members": ("pioneer_posts", "members"),
}


def children_of(table: str) -> list[Table]:
    return [t for t in TABLES.values() if t.parent == table]
