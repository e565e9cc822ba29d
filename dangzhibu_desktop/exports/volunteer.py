"""志愿服务时长统计 (.xlsx and .pdf): per member and per activity, with totals.

Everyone who served is listed, 入党积极分子 and 发展对象 too (their service is part of
their 考察), each with their category. The 合计 lines count everyone; the 其中党员 lines count
only who was a 正式/预备党员 on the activity's day, the figure the 述职报告 quotes as
党员…人次 (``figures.year_figures`` uses the same rule). Hours are summed as integer tenths
and only turned into decimals for display (``xlsxkit.hours``: exact). In the spreadsheet the 合计
lines and each member's 合计（小时） are formulas over the cells above or beside them; the 其中党员
lines are the ledger's figures (a person's category on each activity's day is not in a cell).
Dates are date cells.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..ledger import census, enums
from .common import CategoryOnDay, Job, cn_date, hours_text, party_members_on
from .pdfkit import PdfWriter
from .xlsxkit import (COUNT_FORMAT, HOURS_FORMAT, PEOPLE_FORMAT, TIMES_FORMAT, Formula, column_sum, hours,
                      write_sheet)

KINDS = enums.VOLUNTEER_KINDS
PARTY_LINE = ("其中", "党员")  # 序号 column too narrow for 其中党员 on one line
NOT_PARTY = "非党员"  # 当日身份 of someone with no development steps at all


@dataclass
class VolunteerYear:
    activities: list[dict]  # each with 'people'/'tenths' (everyone) and 'party_people'/'party_tenths'
    members: list[dict]  # name, category, times, by_kind, tenths
    details: list[tuple[_dt.date | str, str, str, str, int]]  # date, activity, member, category that day, tenths
    totals: dict = field(default_factory=dict)

    @property
    def others_served(self) -> bool:
        """Someone not a 党员 on the day served: the 其中党员 lines then differ from 合计."""
        return self.totals["person_times"] != self.totals["party_person_times"]


def _day(iso: str):
    """A date cell's value; text a stored date that is not ISO (it is shown, not dropped)."""
    return census.date_value(iso) or iso


def collect(job: Job) -> VolunteerYear:
    led = job.ledger
    acts = led.rows_in_year("volunteer_activities", job.year, order_by="date, id")
    hours = led.children_of_many("volunteer_hours", [a["id"] for a in acts])
    who = CategoryOnDay(job)
    per_member: dict[int, dict] = {}
    details = []
    party_by_kind = dict.fromkeys(KINDS, 0)
    for a in acts:
        rows = hours.get(a["id"], [])
        party_rows = [r for r in rows if who.is_party_member(r["member_id"], a["date"])]
        a["people"], a["tenths"] = len(rows), sum(r["hours"] for r in rows)
        a["party_people"], a["party_tenths"] = len(party_rows), sum(r["hours"] for r in party_rows)
        party_by_kind[a["kind"]] = party_by_kind.get(a["kind"], 0) + a["party_tenths"]
        for r in sorted(rows, key=lambda r: r["member_id"]):
            m = per_member.setdefault(r["member_id"], {"times": 0, "by_kind": dict.fromkeys(KINDS, 0)})
            m["times"] += 1
            m["by_kind"][a["kind"]] = m["by_kind"].get(a["kind"], 0) + r["hours"]
            details.append((_day(a["date"]), a["title"], job.name(r["member_id"]),
                            who.category(r["member_id"], a["date"]) or NOT_PARTY, r["hours"]))
    # Every party member on the books at year end is listed, those without hours too.
    party = party_members_on(job, job.as_of)
    order = [m["id"] for m in party] + sorted(set(per_member) - {m["id"] for m in party})
    cats = {m["id"]: m["category"] for m in party}
    on_books = {m["id"] for m in led.members_on(job.as_of)}
    members = []
    for mid in order:
        entry = per_member.get(mid, {"times": 0, "by_kind": dict.fromkeys(KINDS, 0)})
        category = cats.get(mid) or (led.member_category(mid, job.as_of) or "—" if mid in on_books
                                     else "已离开本支部")
        members.append({"name": job.name(mid), "category": category,
                        "times": entry["times"], "by_kind": entry["by_kind"],
                        "tenths": sum(entry["by_kind"].values())})
    totals = {"activities": len(acts), "person_times": sum(a["people"] for a in acts),
              "tenths": sum(a["tenths"] for a in acts),
              "by_kind": {k: sum(m["by_kind"].get(k, 0) for m in members) for k in KINDS},
              "party_person_times": sum(a["party_people"] for a in acts),
              "party_tenths": sum(a["party_tenths"] for a in acts), "party_by_kind": party_by_kind,
              "members": len(members), "party_members": len(party),
              "party_members_with_hours": sum(1 for m in party if per_member.get(m["id"], {}).get("times"))}
    return VolunteerYear(acts, members, details, totals)


MEMBER_HEAD = ["序号", "姓名", "人员类别", "参加次数", *[f"{k}（小时）" for k in KINDS], "合计（小时）"]
ACT_HEAD = ["序号", "日期", "活动名称", "类别", "地点", "参加人数", "服务时长（小时）"]
DETAIL_HEAD = ["序号", "日期", "活动名称", "姓名", "当日身份", "时长（小时）"]


def write_xlsx(job: Job, path: Path) -> None:
    data = collect(job)
    branch = job.branch_name()
    t = data.totals
    wb = Workbook()
    # Formulas carry no cached value (nothing here computes them): Excel and WPS compute on opening.
    wb.calculation.fullCalcOnLoad = True
    ws = wb.active
    ws.title = "按党员统计"
    n = len(MEMBER_HEAD)
    first, last = 3, 2 + len(data.members)  # title, head
    k0, k1, sum_c = get_column_letter(5), get_column_letter(4 + len(KINDS)), get_column_letter(n)
    rows = [[i, m["name"], m["category"], m["times"], *[hours(m["by_kind"].get(k, 0)) for k in KINDS],
             Formula(f"=SUM({k0}{r}:{k1}{r})", hours(m["tenths"]))]
            for i, (r, m) in enumerate(zip(range(first, last + 1), data.members), 1)]
    totals = [["合计", column_sum("B", first, last, t["members"], "COUNTA"), "",
               column_sum("D", first, last, t["person_times"]),
               *[column_sum(get_column_letter(5 + j), first, last, hours(t["by_kind"][k])) for j, k in enumerate(KINDS)],
               column_sum(sum_c, first, last, hours(t["tenths"]))]]
    if data.others_served:
        totals.append([*PARTY_LINE, "按活动当日身份", t["party_person_times"],
                       *[hours(t["party_by_kind"][k]) for k in KINDS], hours(t["party_tenths"])])
    write_sheet(ws, f"{branch}{job.year}年度党员志愿服务时长统计（按党员）", MEMBER_HEAD, rows, totals=totals,
                formats={1: PEOPLE_FORMAT, **{c: HOURS_FORMAT for c in range(4, n)}}, wide=False)
    job.tick(1, 3)
    ws2 = wb.create_sheet("按活动统计")
    last = 2 + len(data.activities)
    rows = [[i, _day(a["date"]), a["title"], a["kind"], a.get("place") or "", a["people"],
             hours(a["tenths"])] for i, a in enumerate(data.activities, 1)]
    totals = [["合计", "", column_sum("C", first, last, t["activities"], "COUNTA"), "", "",
               column_sum("F", first, last, t["person_times"]), column_sum("G", first, last, hours(t["tenths"]))]]
    if data.others_served:
        totals.append([*PARTY_LINE, "按活动当日身份", "", "", t["party_person_times"], hours(t["party_tenths"])])
    write_sheet(ws2, f"{branch}{job.year}年度志愿服务活动统计（按活动）", ACT_HEAD, rows, totals=totals,
                formats={2: COUNT_FORMAT, 6: HOURS_FORMAT}, caps={2: 30, 4: 18}, wide=False)
    ws3 = wb.create_sheet("明细")
    last = 2 + len(data.details)
    rows = [[i, d, title, name, cat, hours(tenths)]
            for i, (d, title, name, cat, tenths) in enumerate(data.details, 1)]
    totals = [["合计", "", "", column_sum("D", first, last, len(rows), "COUNTA"), "",
               column_sum("F", first, last, hours(t["tenths"]))]]
    if data.others_served:
        totals.append([*PARTY_LINE, "", t["party_person_times"], "正式党员、预备党员", hours(t["party_tenths"])])
    write_sheet(ws3, f"{branch}{job.year}年度志愿服务时长明细", DETAIL_HEAD, rows, totals=totals,
                formats={3: TIMES_FORMAT, 5: HOURS_FORMAT}, caps={2: 30}, wide=False)
    job.tick(2, 3)
    wb.save(str(path))


def summary_text(data: VolunteerYear) -> str:
    """The opening sentence: the 党员 figures first (as the 述职报告 quotes them), then the rest."""
    t = data.totals
    text = (f"全年开展活动{t['activities']}次，党员参加{t['party_person_times']}人次，"
            f"累计服务{hours_text(t['party_tenths'])}小时")
    if data.others_served:
        text += (f"；入党积极分子等非党员另参加{t['person_times'] - t['party_person_times']}人次，"
                 f"服务{hours_text(t['tenths'] - t['party_tenths'])}小时")
    return text + (f"。{t['party_members']}名党员中{t['party_members_with_hours']}名有服务记录。"
                   if t["party_members"] else "。")


def write_pdf(job: Job, path: Path) -> None:
    data = collect(job)
    branch = job.branch_name()
    t = data.totals
    w = PdfWriter(job, path, f"{branch}{job.year}年度志愿服务时长统计")
    story = [w.p(f"{branch}{job.year}年度志愿服务时长统计", "title"),
             w.p(summary_text(data), "text"),
             Spacer(1, 4 * mm), w.p("一、按党员统计", "h1")]
    head = ["序号", "姓名", "人员类别", "参加次数", *KINDS, "合计"]
    rows = [head] + [[i, m["name"], m["category"], m["times"],
                      *[hours_text(m["by_kind"].get(k, 0)) for k in KINDS], hours_text(m["tenths"])]
                     for i, m in enumerate(data.members, 1)]
    rows.append(["合计", f"{t['members']}人", "", t["person_times"],
                 *[hours_text(t["by_kind"][k]) for k in KINDS], hours_text(t["tenths"])])
    if data.others_served:
        rows.append([*PARTY_LINE, "按当日身份", t["party_person_times"],
                     *[hours_text(t["party_by_kind"][k]) for k in KINDS], hours_text(t["party_tenths"])])
    story.append(w.table(rows, [12 * mm, 22 * mm, 24 * mm, 18 * mm] + [20 * mm] * len(KINDS) + [20 * mm],
                         align=["c", "c", "c", "r"] + ["r"] * (len(KINDS) + 1),
                         total_rows=1 + data.others_served, small=True))
    note = "注：时长单位为小时。"
    if data.others_served:
        note += "“其中党员”按参加活动当日是否为正式党员、预备党员计算，与述职报告一致。"
    story.append(w.p(note, "cell_small"))
    story += [Spacer(1, 6 * mm), *w.heading("二、按活动统计", "h1")]
    head = ["序号", "日期", "活动名称", "类别", "地点", "人数", "时长"]
    rows = [head] + [[i, cn_date(a["date"]), a["title"], a["kind"], a.get("place") or "", a["people"],
                      hours_text(a["tenths"])] for i, a in enumerate(data.activities, 1)]
    rows.append(["合计", f"{t['activities']}次", "", "", "", t["person_times"], hours_text(t["tenths"])])
    if data.others_served:
        rows.append([*PARTY_LINE, "按活动当日身份", "", "", t["party_person_times"], hours_text(t["party_tenths"])])
    story.append(w.table(rows, [12 * mm, 28 * mm, 50 * mm, 16 * mm, 28 * mm, 12 * mm, 16 * mm],
                         align=["c", "c", "l", "c", "l", "r", "r"], total_rows=1 + data.others_served,
                         small=True))
    w.build(story)
