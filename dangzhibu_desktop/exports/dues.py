"""党费收缴台账 (.xlsx and landscape .pdf): member × month of the year, with totals.

Amounts are integer fen throughout; months not fully paid are marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from .common import Job, money_text, party_members_on
from .pdfkit import PdfWriter
from .xlsxkit import MONEY_FORMAT, WARN_FILL, write_sheet

MONTHS = range(1, 13)


@dataclass
class DuesRow:
    name: str
    cells: dict[int, dict]  # month -> dues row
    due: int
    paid: int

    @property
    def owed(self) -> int:
        return max(self.due - self.paid, 0)

    def short(self, month: int) -> bool:
        c = self.cells.get(month)
        return c is not None and (c.get("amount_paid") or 0) < c["amount_due"]


def collect(job: Job) -> tuple[list[DuesRow], list[dict]]:
    led = job.ledger
    rows = led.rows("dues", "month >= ? AND month <= ?", (f"{job.year}-01", f"{job.year}-12"),
                    order_by="member_id, month")
    by_member: dict[int, dict[int, dict]] = {}
    for r in rows:
        by_member.setdefault(r["member_id"], {})[int(r["month"][5:7])] = r
    order = [m["id"] for m in party_members_on(job, job.as_of)]
    order += [mid for mid in by_member if mid not in order]
    out = []
    for mid in order:
        cells = by_member.get(mid, {})
        out.append(DuesRow(job.name(mid), cells, sum(c["amount_due"] for c in cells.values()),
                           sum(c.get("amount_paid") or 0 for c in cells.values())))
    return out, rows


def _month_totals(data: list[DuesRow]) -> dict[int, int]:
    return {m: sum((r.cells[m].get("amount_paid") or 0) for r in data if m in r.cells) for m in MONTHS}


def write_xlsx(job: Job, path: Path) -> None:
    data, details = collect(job)
    branch = job.branch_name()
    wb = Workbook()
    ws = wb.active
    ws.title = "党费收缴台账"
    head = ["序号", "姓名", *[f"{m}月" for m in MONTHS], "应缴合计", "实缴合计", "欠缴"]
    body = []
    for i, r in enumerate(data, 1):
        months = [((r.cells[m].get("amount_paid") or 0) / 100) if m in r.cells else None for m in MONTHS]
        body.append([i, r.name, *months, r.due / 100, r.paid / 100, r.owed / 100])
    mt = _month_totals(data)
    due, paid = sum(r.due for r in data), sum(r.paid for r in data)
    totals = [["合计", f"{len(data)}人", *[mt[m] / 100 for m in MONTHS], due / 100, paid / 100,
               sum(r.owed for r in data) / 100]]
    head_row = write_sheet(ws, f"{branch}{job.year}年度党费收缴台账", head, body,
                           [6, 10] + [9] * 12 + [11, 11, 10], totals=totals,
                           formats={c: MONEY_FORMAT for c in range(2, len(head))},
                           subtitle="单位：元；空白为当月无缴费记录，橙色为当月未缴足")
    for i, r in enumerate(data):
        for m in MONTHS:
            if r.short(m):
                ws.cell(row=head_row + 1 + i, column=2 + m).fill = WARN_FILL
    job.tick(1, 3)
    ws2 = wb.create_sheet("缴费明细")
    names = job.names()
    rows = [[i, names.get(d["member_id"], ""), d["month"],
             None if d.get("base_income") is None else d["base_income"] / 100,
             None if d.get("rate") is None else d["rate"],
             d["amount_due"] / 100, (d.get("amount_paid") or 0) / 100, d.get("paid_on") or ""]
            for i, d in enumerate(details, 1)]
    write_sheet(ws2, f"{branch}{job.year}年度党费缴纳明细",
                ["序号", "姓名", "月份", "计算基数（元）", "比例", "应缴（元）", "实缴（元）", "缴纳日期"],
                rows, [6, 10, 10, 14, 8, 12, 12, 14],
                totals=[["合计", "", "", None, None, due / 100, paid / 100, ""]],
                formats={3: MONEY_FORMAT, 4: "0.0%", 5: MONEY_FORMAT, 6: MONEY_FORMAT})
    job.tick(2, 3)
    wb.save(str(path))


def write_pdf(job: Job, path: Path) -> None:
    data, _details = collect(job)
    branch = job.branch_name()
    w = PdfWriter(job, path, f"{branch}{job.year}年度党费收缴台账", wide=True)
    due, paid = sum(r.due for r in data), sum(r.paid for r in data)
    short = sum(1 for r in data for m in MONTHS if r.short(m))
    story = [w.p(f"{branch}{job.year}年度党费收缴台账", "title"),
             w.p(f"全年应缴{money_text(due)}元，实缴{money_text(paid)}元，欠缴{money_text(max(due - paid, 0))}元；"
                 f"未缴足{short}人次·月。单位：元；“—”为当月无缴费记录，“未缴”为当月未缴足。",
                 "cell_c"), Spacer(1, 3 * mm)]
    head = ["序号", "姓名", *[f"{m}月" for m in MONTHS], "应缴", "实缴", "欠缴"]
    rows = [head]
    marks = []
    for i, r in enumerate(data, 1):
        cells = []
        for m in MONTHS:
            c = r.cells.get(m)
            if c is None:
                cells.append("—")
            elif r.short(m):
                cells.append("未缴" if not c.get("amount_paid") else money_text(c["amount_paid"]) + "*")
                marks.append(("BACKGROUND", (1 + m, i), (1 + m, i), colors.Color(0.99, 0.89, 0.84)))
            else:
                cells.append(money_text(c["amount_paid"]))
        rows.append([i, r.name, *cells, money_text(r.due), money_text(r.paid), money_text(r.owed)])
    mt = _month_totals(data)
    rows.append(["合计", f"{len(data)}人", *[money_text(mt[m]) for m in MONTHS], money_text(due),
                 money_text(paid), money_text(sum(r.owed for r in data))])
    widths = [9, 18] + [16] * 12 + [19, 19, 17]
    story.append(w.table(rows, [x * mm for x in widths], small=True, total_rows=1,
                         align=["c", "c"] + ["r"] * 15, extra_style=marks))
    w.build(story)
