"""党费收缴台账 (.xlsx and landscape .pdf): member × month of the year, with totals.

Amounts are integer fen throughout; months not fully paid are marked. In the spreadsheet each
amount is the exact 元 of its fen (``xlsxkit.yuan``) and every 合计 and 欠缴 is a formula over
the cells it adds up; months and 缴纳日期 are date cells.
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
from openpyxl.utils import get_column_letter

from ..ledger import census
from .xlsxkit import MONEY_FORMAT, MONTH_FORMAT, PEOPLE_FORMAT, WARN_FILL, Formula, column_sum, write_sheet, yuan

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
    # Formulas carry no cached value (nothing here computes them): Excel and WPS compute on opening.
    wb.calculation.fullCalcOnLoad = True
    ws = wb.active
    ws.title = "党费收缴台账"
    head = ["序号", "姓名", *[f"{m}月" for m in MONTHS], "应缴合计", "实缴合计", "欠缴"]
    first, last = 4, 3 + len(data)  # title, subtitle, head
    col = {title: get_column_letter(i) for i, title in enumerate(head, 1)}
    jan, dec, due_c, paid_c = col["1月"], col["12月"], col["应缴合计"], col["实缴合计"]
    body = []
    for i, r in enumerate(data, 1):
        row = first + i - 1
        months = [yuan(r.cells[m].get("amount_paid")) if m in r.cells else None for m in MONTHS]
        body.append([i, r.name, *months, yuan(r.due), Formula(f"=SUM({jan}{row}:{dec}{row})", yuan(r.paid)),
                     Formula(f"=MAX({due_c}{row}-{paid_c}{row},0)", yuan(r.owed))])
    mt = _month_totals(data)
    due, paid = sum(r.due for r in data), sum(r.paid for r in data)
    shown = [len(data), *[yuan(mt[m]) for m in MONTHS], yuan(due), yuan(paid), yuan(sum(r.owed for r in data))]
    totals = [["合计", *(column_sum(get_column_letter(c), first, last, v, "COUNTA" if c == 2 else "SUM")
                       for c, v in enumerate(shown, 2))]]
    formats = {c: MONEY_FORMAT for c in range(2, len(head))}
    head_row = write_sheet(ws, f"{branch}{job.year}年度党费收缴台账", head, body, totals=totals,
                           formats={1: PEOPLE_FORMAT, **formats},
                           subtitle="单位：元；空白为当月无缴费记录，橙色为当月未缴足")
    for i, r in enumerate(data):
        for m in MONTHS:
            if r.short(m):
                ws.cell(row=head_row + 1 + i, column=2 + m).fill = WARN_FILL
    job.tick(1, 3)
    ws2 = wb.create_sheet("缴费明细")
    names = job.names()
    rows = [[i, names.get(d["member_id"], ""), census.date_value(f"{d['month']}-01") or d["month"],
             None if d.get("base_income") is None else yuan(d["base_income"]),
             None if d.get("rate") is None else d["rate"],
             yuan(d["amount_due"]), yuan(d.get("amount_paid")), census.date_value(d.get("paid_on")) or None]
            for i, d in enumerate(details, 1)]
    first, last = 3, 2 + len(rows)  # title, head
    write_sheet(ws2, f"{branch}{job.year}年度党费缴纳明细",
                ["序号", "姓名", "月份", "计算基数（元）", "比例", "应缴（元）", "实缴（元）", "缴纳日期"], rows,
                totals=[["合计", "", "", None, None, column_sum("F", first, last, yuan(due)),
                         column_sum("G", first, last, yuan(paid)), ""]],
                formats={2: MONTH_FORMAT, 3: MONEY_FORMAT, 4: "0.0%", 5: MONEY_FORMAT, 6: MONEY_FORMAT})
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
