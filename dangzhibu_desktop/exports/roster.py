"""党员花名册 (.xlsx and landscape .pdf): the people on the branch's books at the year's end.

Two lists: 党员 (正式党员 and 预备党员) and 入党积极分子等 (申请人, 积极分子, 发展对象), the
category always derived from the development steps. 身份证号 and 手机号 are masked unless asked
otherwise. Dates are date cells in the spreadsheet (they sort), 中文 dates in the PDF; the
spreadsheet's columns fit their content and the long ones (工作岗位, 备注) wrap.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..ledger import census, enums, steps as _steps
from .common import Job, cn_date
from .pdfkit import PdfWriter
from .xlsxkit import write_sheet

CAPS = {"身份证号": 22, "所在党小组": 16, "工作岗位": 20, "备注": 30}  # wider text wraps
PARTY_HEAD = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学历", "人员类别", "入党日期",
              "转正日期", "所在党小组", "工作岗位", "联系电话", "流动党员", "备注"]
PIPELINE_HEAD = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学历", "人员类别",
                 "递交申请日期", "确定积极分子日期", "确定发展对象日期", "所在党小组", "工作岗位", "联系电话"]
UNRECORDED = "未登记入党信息"  # a member without any development step recorded


def collect(job: Job) -> tuple[list[list], list[list]]:
    """(party member rows, pipeline rows) for the year's last day (or today in the running year);
    dates as ``datetime.date`` (None when not recorded)."""
    led = job.ledger
    day = job.as_of
    by_member = led.steps_by_member()
    # A group in the 回收站 is no group (as in the window's lists and the rules); its people keep
    # party_group_id so that restoring the group brings them back.
    groups = {g["id"]: g["name"] for g in led.rows("party_groups")}
    party, pipeline = [], []
    order = {c: i for i, c in enumerate(enums.CATEGORIES)}
    order[UNRECORDED] = len(order)  # listed first, before 正式党员: they need attention
    people = []
    for m in led.members_on(day):
        steps = by_member.get(m["id"], [])
        cat = _steps.derive_category(steps, day)
        if cat is None:
            if steps:
                continue  # 预备党员资格 cancelled: no longer on the roster
            cat = UNRECORDED  # on the books, but no development step entered yet
        people.append((m, steps, cat))
    # 正式党员 first, then 预备党员; within a category by 入党日期 / application date, then name.
    people.sort(key=lambda t: (-order[t[2]], str(_steps.admitted_on(t[1], day) or
                                                 _steps.step_date(t[1], _steps.STEP_APPLY, day) or ""), t[0]["id"]))
    for m, steps, cat in people:
        common = [m["name"], m.get("gender") or "", m.get("ethnicity") or "",
                  census.date_value(m.get("birth_date")) or m.get("birth_date") or None, job.id_text(m.get("id_number")), m.get("education") or "",
                  cat]
        tail = [groups.get(m.get("party_group_id"), ""), m.get("work_post") or "", job.phone_text(m.get("phone"))]
        if cat in (*enums.PARTY_MEMBERS, UNRECORDED):
            admitted = _steps.admitted_on(steps, day)
            full = _steps.full_member_since(steps, day)
            party.append([len(party) + 1, *common, admitted, full, *tail,
                          "是" if m.get("mobile") else "否", m.get("notes") or ""])
        else:
            dates = [_steps.step_date(steps, n, day) for n in
                     (_steps.STEP_APPLY, _steps.STEP_ACTIVIST, _steps.STEP_CANDIDATE)]
            pipeline.append([len(pipeline) + 1, *common, *dates, *tail])
    return party, pipeline


def _summary(party: list[list]) -> str:
    full = sum(1 for r in party if r[7] == enums.FULL_MEMBER)
    prob = sum(1 for r in party if r[7] == enums.PROBATIONARY)
    women = sum(1 for r in party if r[2] == enums.FEMALE)
    text = f"党员{len(party)}名，其中正式党员{full}名、预备党员{prob}名，女党员{women}名"
    unrecorded = len(party) - full - prob
    if unrecorded:
        text += f"；另有{unrecorded}人未登记入党信息，请在发展党员纪实中补录"
    return text


def _caps(head: list[str]) -> dict[int, float]:
    return {head.index(title): width for title, width in CAPS.items() if title in head}


def _printed(row: list) -> list:
    """A row for the PDF: dates written out in Chinese."""
    return [cn_date(v.isoformat()) if isinstance(v, _dt.date) else v for v in row]


def write_xlsx(job: Job, path: Path) -> None:
    party, pipeline = collect(job)
    job.tick(1, 3)
    branch = job.branch_name()
    wb = Workbook()
    ws = wb.active
    ws.title = "党员花名册"
    write_sheet(ws, f"{branch}党员花名册", PARTY_HEAD, party, caps=_caps(PARTY_HEAD),
                subtitle=f"截至{cn_date(job.as_of.isoformat())}　{_summary(party)}")
    ws2 = wb.create_sheet("入党积极分子等")
    write_sheet(ws2, f"{branch}入党申请人、入党积极分子和发展对象名册", PIPELINE_HEAD, pipeline,
                caps=_caps(PIPELINE_HEAD), subtitle=f"截至{cn_date(job.as_of.isoformat())}　共{len(pipeline)}名")
    job.tick(2, 3)
    wb.save(str(path))


def write_pdf(job: Job, path: Path) -> None:
    party, pipeline = collect(job)
    party, pipeline = [_printed(r) for r in party], [_printed(r) for r in pipeline]
    branch = job.branch_name()
    w = PdfWriter(job, path, f"{branch}党员花名册", wide=True)
    day = cn_date(job.as_of.isoformat())
    story = [w.p(f"{branch}党员花名册", "title"),
             w.p(f"截至{day}　{_summary(party)}", "cell_c"), Spacer(1, 3 * mm)]
    # Phone and notes are left to the spreadsheet: the printed roster must fit one line a person.
    cols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]
    widths = [9, 17, 9, 12, 26, 40, 18, 17, 26, 26, 22, 28, 12]
    rows = [[PARTY_HEAD[c] for c in cols]] + [[r[c] for c in cols] for r in party]
    if party:
        story.append(w.table(rows, [x * mm for x in widths], small=True, zebra=True,
                             align=["c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "l", "l", "c"]))
    else:
        story.append(w.p("没有在册党员。", "text"))
    if pipeline:
        story += [Spacer(1, 8 * mm), *w.heading("入党申请人、入党积极分子和发展对象", "h1")]
        cols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        widths = [9, 17, 9, 12, 26, 40, 18, 20, 26, 26, 26, 22, 28]
        rows = [[PIPELINE_HEAD[c] for c in cols]] + [[r[c] for c in cols] for r in pipeline]
        story.append(w.table(rows, [x * mm for x in widths], small=True, zebra=True,
                             align=["c"] * 11 + ["l", "l"]))
    w.build(story)
