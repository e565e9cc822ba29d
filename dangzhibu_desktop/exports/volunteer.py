"""志愿服务时长统计 (.xlsx and .pdf): per member and per activity, with totals.

Hours are summed as integer tenths and only turned into decimals for display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..ledger import enums
from .common import Job, cn_date, hours_text, party_members_on
from .pdfkit import PdfWriter
from .xlsxkit import HOURS_FORMAT, write_sheet

KINDS = enums.VOLUNTEER_KINDS


@dataclass
class VolunteerYear:
    activities: list[dict]  # each with 'people' (count) and 'tenths' (total)
    members: list[dict]  # name, category, times, tenths_by_kind, tenths
    details: list[tuple[str, str, str, int]]  # date, activity, member, tenths
    totals: dict = field(default_factory=dict)


def collect(job: Job) -> VolunteerYear:
    led = job.ledger
    acts = led.rows_in_year("volunteer_activities", job.year, order_by="date, id")
    hours = led.children_of_many("volunteer_hours", [a["id"] for a in acts])
    per_member: dict[int, dict] = {}
    details = []
    for a in acts:
        rows = hours.get(a["id"], [])
        a["people"] = len(rows)
        a["tenths"] = sum(r["hours"] for r in rows)
        for r in sorted(rows, key=lambda r: r["member_id"]):
            m = per_member.setdefault(r["member_id"], {"times": 0, "by_kind": dict.fromkeys(KINDS, 0)})
            m["times"] += 1
            m["by_kind"][a["kind"]] = m["by_kind"].get(a["kind"], 0) + r["hours"]
            details.append((cn_date(a["date"]), a["title"], job.name(r["member_id"]), r["hours"]))
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
              "members": len(members), "members_with_hours": sum(1 for m in members if m["tenths"])}
    return VolunteerYear(acts, members, details, totals)


def _h(tenths: int) -> float:
    # openpyxl stores numbers as doubles anyway; the sums were made in exact tenths.
    return tenths / 10


MEMBER_HEAD = ["序号", "姓名", "人员类别", "参加次数", *[f"{k}（小时）" for k in KINDS], "合计（小时）"]
ACT_HEAD = ["序号", "日期", "活动名称", "类别", "地点", "参加人数", "服务时长（小时）"]


def write_xlsx(job: Job, path: Path) -> None:
    data = collect(job)
    branch = job.branch_name()
    t = data.totals
    wb = Workbook()
    ws = wb.active
    ws.title = "按党员统计"
    rows = [[i, m["name"], m["category"], m["times"], *[_h(m["by_kind"].get(k, 0)) for k in KINDS],
             _h(m["tenths"])] for i, m in enumerate(data.members, 1)]
    totals = [["合计", f"{t['members']}人", "", t["person_times"], *[_h(t["by_kind"][k]) for k in KINDS],
               _h(t["tenths"])]]
    n = len(MEMBER_HEAD)
    write_sheet(ws, f"{branch}{job.year}年度党员志愿服务时长统计（按党员）", MEMBER_HEAD, rows,
                [6, 10, 12, 10] + [14] * len(KINDS) + [14], totals=totals,
                formats={c: HOURS_FORMAT for c in range(4, n)}, wide=False)
    job.tick(1, 3)
    ws2 = wb.create_sheet("按活动统计")
    rows = [[i, cn_date(a["date"]), a["title"], a["kind"], a.get("place") or "", a["people"], _h(a["tenths"])]
            for i, a in enumerate(data.activities, 1)]
    totals = [["合计", f"{t['activities']}次", "", "", "", t["person_times"], _h(t["tenths"])]]
    write_sheet(ws2, f"{branch}{job.year}年度志愿服务活动统计（按活动）", ACT_HEAD, rows,
                [6, 16, 30, 10, 18, 10, 16], totals=totals, formats={6: HOURS_FORMAT}, wide=False)
    ws3 = wb.create_sheet("明细")
    rows = [[i, d, title, name, _h(tenths)] for i, (d, title, name, tenths) in enumerate(data.details, 1)]
    write_sheet(ws3, f"{branch}{job.year}年度志愿服务时长明细", ["序号", "日期", "活动名称", "姓名", "时长（小时）"],
                rows, [6, 16, 30, 10, 14], totals=[["合计", "", "", f"{len(rows)}人次", _h(t["tenths"])]],
                formats={4: HOURS_FORMAT}, wide=False)
    job.tick(2, 3)
    wb.save(str(path))


def write_pdf(job: Job, path: Path) -> None:
    data = collect(job)
    branch = job.branch_name()
    t = data.totals
    w = PdfWriter(job, path, f"{branch}{job.year}年度志愿服务时长统计")
    story = [w.p(f"{branch}{job.year}年度志愿服务时长统计", "title"),
             w.p(f"全年开展活动{t['activities']}次，党员参加{t['person_times']}人次，"
                 f"累计服务{hours_text(t['tenths'])}小时；{t['members']}名党员中"
                 f"{t['members_with_hours']}名有服务记录。", "text"),
             Spacer(1, 4 * mm), w.p("一、按党员统计", "h1")]
    head = ["序号", "姓名", "人员类别", "参加次数", *KINDS, "合计"]
    rows = [head] + [[i, m["name"], m["category"], m["times"],
                      *[hours_text(m["by_kind"].get(k, 0)) for k in KINDS], hours_text(m["tenths"])]
                     for i, m in enumerate(data.members, 1)]
    rows.append(["合计", f"{t['members']}人", "", t["person_times"],
                 *[hours_text(t["by_kind"][k]) for k in KINDS], hours_text(t["tenths"])])
    story.append(w.table(rows, [12 * mm, 22 * mm, 24 * mm, 18 * mm] + [20 * mm] * len(KINDS) + [20 * mm],
                         align=["c", "c", "c", "r"] + ["r"] * (len(KINDS) + 1), total_rows=1, small=True))
    story.append(w.p("注：时长单位为小时。", "cell_small"))
    story += [Spacer(1, 6 * mm), *w.heading("二、按活动统计", "h1")]
    head = ["序号", "日期", "活动名称", "类别", "地点", "人数", "时长"]
    rows = [head] + [[i, cn_date(a["date"]), a["title"], a["kind"], a.get("place") or "", a["people"],
                      hours_text(a["tenths"])] for i, a in enumerate(data.activities, 1)]
    rows.append(["合计", f"{t['activities']}次", "", "", "", t["person_times"], hours_text(t["tenths"])])
    story.append(w.table(rows, [12 * mm, 28 * mm, 50 * mm, 16 * mm, 28 * mm, 12 * mm, 16 * mm],
                         align=["c", "c", "l", "c", "l", "r", "r"], total_rows=1, small=True))
    w.build(story)
