"""The printed spreadsheets (花名册, 党费收缴台账, 志愿服务时长统计) read back with openpyxl:
date cells, totals as formulas that work out to the ledger's figures (computed here from the
ledger below, in exact fen and tenths), columns that fit, print set-up, masking, and a name
that looks like a formula kept as text."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.ledger import enums, open_ledger
from tests.export_fixture import make_id
from tests.xlsx_support import assert_prints, value, values

YEAR = 2025
FORMULA_NAME = '=HYPERLINK("http://x.cn","张三")'
LONG_NOTE = "长期在外地项目部工作，组织关系保留在本支部，党费由本人按月网上交纳，学习资料每月寄送。"
ID_WANG = make_id("370102", "1970-04-03", "135")
# member -> {month: (应缴 fen, 实缴 fen, 缴纳日期)}: 10 + 20 fen make 0.30 元 only when summed exactly
DUES = {
    "王建国": {1: (2400, 2400, "2025-01-10"), 2: (2400, 2400, "2025-02-11"), 3: (2400, 1000, "2025-03-12")},
    FORMULA_NAME: {1: (10, 10, "2025-01-20"), 2: (20, 20, "2025-02-20"), 3: (1234, 0, None)},
}
# activity (date, title, kind, place) -> {member: tenths}
VOLUNTEER = {
    ("2025-03-05", "学雷锋社区服务", enums.VOLUNTEER_SERVICE, "幸福里社区"): {"王建国": 15, FORMULA_NAME: 25, "孙申请": 10},
    ("2025-06-18", "为老旧小区加装扶手（办实事项目，涉及三个小区共四十二个单元）", enums.PRACTICAL_DEED, "幸福里社区"):
        {"王建国": 1, "孙申请": 2},
}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xlsx")
    with open_ledger(tmp / "台账.sqlite", create=True) as led:
        led.save_branch({"name": "第一党支部"})
        ids = {}
        ids["王建国"] = led.insert("members", {
            "name": "王建国", "gender": "男", "ethnicity": "汉族", "birth_date": "1970-04-03", "id_number": ID_WANG,
            "phone": "13812345678", "education": "大学本科", "work_post": "生产技术部副主任", "notes": LONG_NOTE})
        ids[FORMULA_NAME] = led.insert("members", {"name": FORMULA_NAME, "gender": "女", "birth_date": "1990-01-02"})
        ids["孙申请"] = led.insert("members", {"name": "孙申请", "gender": "男", "birth_date": "2001-05-06"})
        for name, steps in (("王建国", {1: "1990-03-01", 3: "1990-09-01", 7: "1991-10-01", 15: "1992-06-01",
                                        23: "1993-06-10"}),
                            (FORMULA_NAME, {1: "2019-03-01", 3: "2019-09-01", 7: "2020-10-01", 15: "2021-06-01",
                                            23: "2022-06-10"}),
                            ("孙申请", {1: "2024-11-27"})):
            for step, day in steps.items():
                led.insert("development_steps", {"member_id": ids[name], "step": step, "date": day})
        for name, months in DUES.items():
            for m, (due, paid, on) in months.items():
                led.insert("dues", {"member_id": ids[name], "month": f"{YEAR}-{m:02d}", "amount_due": due,
                                    "amount_paid": paid, "paid_on": on})
        for (day, title, kind, place), people in VOLUNTEER.items():
            act = led.insert("volunteer_activities", {"date": day, "title": title, "kind": kind, "place": place})
            for name, tenths in people.items():
                led.insert("volunteer_hours", {"activity_id": act, "member_id": ids[name], "hours": tenths})
        out = {kind: load_workbook(export_document(kind, led, YEAR, tmp / f"{kind}.xlsx"))
               for kind in ("roster", "dues", "volunteer")}
    return out


def yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def exact(v):
    """A number cell as the decimal written in the file (0.1 stays 0.1, a float sum would not)."""
    return Decimal(str(v)) if isinstance(v, float) else v


def by_name(rows: list[list], head: list[str]) -> dict:
    return {r[head.index("姓名")]: [exact(v) for v in r] for r in rows}


def test_roster_dates_are_date_cells_and_private_numbers_masked(books):
    ws = books["roster"]["党员花名册"]
    head = [c.value for c in ws[3]]
    rows = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    wang = rows["王建国"]
    for title, day in (("出生日期", _dt.datetime(1970, 4, 3)), ("入党日期", _dt.datetime(1992, 6, 1)),
                       ("转正日期", _dt.datetime(1993, 6, 10))):
        cell = ws.cell(wang, head.index(title) + 1)
        assert cell.value == day and cell.is_date and cell.number_format == "yyyy-mm-dd", title
    assert ws.cell(wang, head.index("身份证号") + 1).value == ID_WANG[:6] + "********" + ID_WANG[-4:]
    assert ws.cell(wang, head.index("联系电话") + 1).value == "138****5678"
    assert ws.cell(wang, head.index("备注") + 1).value == LONG_NOTE
    # the name that looks like a formula is text, shown as typed
    cell = ws.cell(rows[FORMULA_NAME], 2)
    assert cell.value == FORMULA_NAME and cell.data_type == "s" and cell.quotePrefix
    ws2 = books["roster"]["入党积极分子等"]
    head2 = [c.value for c in ws2[3]]
    sun = ws2.cell(4, head2.index("递交申请日期") + 1)
    assert ws2.cell(4, 2).value == "孙申请" and sun.value == _dt.datetime(2024, 11, 27) and sun.is_date


def test_roster_prints_landscape_with_the_notes_wrapped(books):
    ws = books["roster"]["党员花名册"]
    assert_prints(ws, 3, "landscape")
    assert_prints(books["roster"]["入党积极分子等"], 3, "landscape")
    head = [c.value for c in ws[3]]
    note = ws.cell(next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "王建国"), head.index("备注") + 1)
    # the long 备注 wraps inside its column, its row as high as its lines (nothing spills over)
    assert note.alignment.wrap_text and ws.row_dimensions[note.row].height >= 15 * 3


def test_dues_amounts_and_totals_are_exact_formulas(books):
    ws = books["dues"]["党费收缴台账"]
    head = [c.value for c in ws[3]]
    names = list(DUES)
    last = 3 + len(names)
    col = {t: get_column_letter(head.index(t) + 1) for t in ("1月", "12月", "应缴合计", "实缴合计", "欠缴")}
    rows = by_name(values(ws, 4), head)
    for i, name in enumerate(names):
        r = 4 + i
        months = DUES[name]
        due, paid = sum(d for d, _, _ in months.values()), sum(p for _, p, _ in months.values())
        assert ws[f"{col['实缴合计']}{r}"].value == f"=SUM({col['1月']}{r}:{col['12月']}{r})"
        assert ws[f"{col['欠缴']}{r}"].value == f"=MAX({col['应缴合计']}{r}-{col['实缴合计']}{r},0)"
        row = rows[name]
        assert [row[head.index(f"{m}月")] for m in months] == [yuan(p) for _, p, _ in months.values()]
        assert row[head.index("应缴合计")] == yuan(due) and row[head.index("实缴合计")] == yuan(paid)
        assert row[head.index("欠缴")] == yuan(due - paid)
        assert ws[f"{col['1月']}{r}"].number_format == "0.00"
    total = last + 1
    assert ws[f"A{total}"].value == "合计" and ws[f"B{total}"].value == f"=COUNTA(B4:B{last})"
    assert value(ws, f"B{total}") == len(names) and ws[f"B{total}"].number_format == '0"人"'
    for t in ("1月", "2月", "3月", "应缴合计", "实缴合计", "欠缴"):
        c = get_column_letter(head.index(t) + 1)
        assert ws[f"{c}{total}"].value == f"=SUM({c}4:{c}{last})", t
    paid_by_month = {m: sum(DUES[n].get(m, (0, 0, None))[1] for n in names) for m in (1, 2, 3)}
    assert [value(ws, f"{get_column_letter(head.index(f'{m}月') + 1)}{total}") for m in (1, 2, 3)] == \
        [yuan(paid_by_month[m]) for m in (1, 2, 3)]
    all_due = sum(d for months in DUES.values() for d, _, _ in months.values())
    all_paid = sum(p for months in DUES.values() for _, p, _ in months.values())
    assert value(ws, f"{col['应缴合计']}{total}") == yuan(all_due) == Decimal("84.64")
    assert value(ws, f"{col['实缴合计']}{total}") == yuan(all_paid) == Decimal("58.30")
    assert value(ws, f"{col['欠缴']}{total}") == yuan(all_due - all_paid)
    assert ws[f"{col['应缴合计']}{total}"].number_format == "0.00"
    assert books["dues"].calculation.fullCalcOnLoad  # no cached values: computed on opening


def test_dues_details_carry_month_and_date_cells(books):
    ws = books["dues"]["缴费明细"]
    head = [c.value for c in ws[2]]
    rows = values(ws, 3)
    body, total = rows[:-1], rows[-1]
    assert len(body) == sum(len(m) for m in DUES.values())
    month, paid_on = ws.cell(3, head.index("月份") + 1), ws.cell(3, head.index("缴纳日期") + 1)
    assert month.value == _dt.datetime(YEAR, 1, 1) and month.is_date and month.number_format == "yyyy-mm"
    assert paid_on.value == _dt.datetime(YEAR, 1, 10) and paid_on.number_format == "yyyy-mm-dd"
    last = 2 + len(body)
    assert ws.cell(last + 1, head.index("实缴（元）") + 1).value == f"=SUM(G3:G{last})"
    assert total[head.index("应缴（元）")] == Decimal("84.64") and total[head.index("实缴（元）")] == Decimal("58.30")


def test_dues_prints(books):
    assert_prints(books["dues"]["党费收缴台账"], 3, "landscape")
    assert_prints(books["dues"]["缴费明细"], 2, "landscape")


def test_volunteer_hours_and_totals_are_formulas_over_tenths(books):
    wb = books["volunteer"]
    ws = wb["按党员统计"]
    head = [c.value for c in ws[2]]
    rows = by_name(values(ws, 3)[:-2], head)
    kinds = enums.VOLUNTEER_KINDS
    k0, k1 = get_column_letter(5), get_column_letter(4 + len(kinds))
    for name in ("王建国", FORMULA_NAME, "孙申请"):
        served = {a[2]: p[name] for a, p in VOLUNTEER.items() if name in p}
        row = rows[name]
        r = 3 + list(rows).index(name)
        assert ws[f"{get_column_letter(len(head))}{r}"].value == f"=SUM({k0}{r}:{k1}{r})"
        assert row[-1] == Decimal(sum(served.values())) / 10
        assert [row[head.index(f"{k}（小时）")] for k in kinds] == [Decimal(served.get(k, 0)) / 10 for k in kinds]
        assert row[head.index("参加次数")] == len(served)
    total_row = ws.max_row - 1  # the 其中党员 line follows: 孙申请 is no 党员
    last = total_row - 1
    assert ws[f"A{total_row}"].value == "合计"
    assert [ws.cell(total_row, c).value for c in (2, 4, len(head))] == [
        f"=COUNTA(B3:B{last})", f"=SUM(D3:D{last})", f"=SUM({get_column_letter(len(head))}3:{get_column_letter(len(head))}{last})"]
    everyone = sum(t for p in VOLUNTEER.values() for t in p.values())
    party = sum(t for p in VOLUNTEER.values() for n, t in p.items() if n != "孙申请")
    total = values(ws, 3)[-2]
    assert total[head.index("参加次数")] == sum(len(p) for p in VOLUNTEER.values()) == 5
    assert total[-1] == Decimal(everyone) / 10 == Decimal("5.3")
    assert values(ws, 3)[-1][:2] == ["其中", "党员"] and exact(values(ws, 3)[-1][-1]) == Decimal(party) / 10
    assert ws.cell(3, head.index("合计（小时）") + 1).number_format == "0.0"

    ws = wb["按活动统计"]
    acts = values(ws, 3)
    assert acts[0][1] == _dt.datetime(2025, 3, 5) and ws["B3"].is_date and ws["B3"].number_format == "yyyy-mm-dd"
    assert ws["F5"].value == "=SUM(F3:F4)" and ws["G5"].value == "=SUM(G3:G4)" and ws["C5"].value == "=COUNTA(C3:C4)"
    assert acts[2][2] == len(VOLUNTEER) and acts[2][6] == Decimal(everyone) / 10
    ws = wb["明细"]
    detail = values(ws, 3)
    assert all(ws.cell(r, 2).is_date for r in range(3, 3 + 5))
    assert detail[-2][0] == "合计" and detail[-2][3] == 5 and detail[-2][5] == Decimal(everyone) / 10


def test_volunteer_prints_portrait_with_long_titles_wrapped(books):
    wb = books["volunteer"]
    for title in ("按党员统计", "按活动统计", "明细"):
        assert_prints(wb[title], 2, "portrait")
    ws = wb["按活动统计"]
    assert ws["C4"].alignment.wrap_text and ws.row_dimensions[4].height >= 30


def test_nothing_but_the_totals_is_a_formula(books):
    for kind, wb in books.items():
        for ws in wb:
            head_row = next(r for r in range(1, 5) if ws.cell(r, 1).value == "序号")
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value == FORMULA_NAME:
                        assert cell.data_type == "s" and cell.quotePrefix, (kind, ws.title, cell.coordinate)
                    elif cell.data_type == "f":
                        column = ws.cell(head_row, cell.column).value
                        assert ws.cell(cell.row, 1).value == "合计" or column in ("实缴合计", "欠缴", "合计（小时）"), \
                            (kind, ws.title, cell.coordinate)


def test_a_long_branch_name_wraps_the_title_inside_the_table(tmp_path):
    branch = "国网山东省电力公司济南供电公司配电运检中心第三配电运维班联合党支部"
    with open_ledger(tmp_path / "台账.sqlite", create=True) as led:
        led.save_branch({"name": branch})
        led.insert("volunteer_activities", {"date": "2025-03-05", "title": "义务植树", "kind": enums.VOLUNTEER_SERVICE})
        wb = load_workbook(export_document("volunteer", led, YEAR, tmp_path / "志愿.xlsx"))
    ws = wb["明细"]
    table = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, 7))
    title = ws["A1"]
    assert title.value.startswith(branch) and "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    # 16 pt: wider than the six columns on one line, so it wraps onto two, in a row high enough
    assert len(title.value) * 2 * 16 / 11 > table
    assert title.alignment.wrap_text and ws.row_dimensions[1].height >= 2 * 22


def test_margins_leave_the_page_to_the_table(books):
    for wb in books.values():
        for ws in wb:
            m = ws.page_margins
            assert (m.left, m.right, m.top, m.bottom) == (0.4, 0.4, 0.6, 0.6) and m.footer < m.bottom, ws.title
