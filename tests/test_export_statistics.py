"""党内统计基础数据 (export statistics): every count and its names, read back from the workbook.

The branch below is written out in full; the expected figures are counted by hand from it, not
asked of the code under test. Boundary cases: a 发展对象 admitted on 12-31 (counted), a 党员 who
left on 12-31 (not on the books that day: counted as 转出, not at year end), one who moved in on
12-31 (转入, and on the books), a member admitted on the 十八大's first day, birthdays on 12-31
(30 and 71 on the day), an applicant who moved in and trained (never counted), a status with no
leaving date (named in a note, not counted), an admission dated next year (not counted).
"""

from __future__ import annotations

import datetime as _dt

import pytest
from openpyxl import load_workbook

from dangzhibu_desktop import cli
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports.common import Job
from dangzhibu_desktop.exports.figures import year_figures
from dangzhibu_desktop.exports.xlsxkit import text_width
from dangzhibu_desktop.ledger import open_ledger
from tests.xlsx_support import value

YEAR = 2025
FULL_STEPS = {1: -3, 3: -2, 7: -1}  # years before admission of the earlier steps


def _member(led, name, gender, birth, *, education=None, ethnicity="汉族", admitted=None, full=None,
            decisions=(), status="在册", left_on=None, joined=None, steps=None):
    mid = led.insert("members", {"name": name, "gender": gender, "birth_date": birth, "education": education,
                                 "ethnicity": ethnicity, "status": status, "left_on": left_on,
                                 "joined_branch_on": joined})
    rows = dict(steps or {})
    if admitted:
        a = _dt.date.fromisoformat(admitted)
        for step, years in FULL_STEPS.items():
            rows[step] = a.replace(year=a.year + years).isoformat()
        rows[15] = admitted
    for step, date in rows.items():
        led.insert("development_steps", {"member_id": mid, "step": step, "date": date})
    if full:
        led.insert("development_steps", {"member_id": mid, "step": 23, "date": full})
    for date, outcome in decisions:
        led.insert("development_steps", {"member_id": mid, "step": 23, "date": date, "outcome": outcome})
    return mid


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    path = tmp_path_factory.mktemp("stats") / "台账.sqlite"
    led = open_ledger(path, create=True, auto_backup=False)
    led.save_branch({"name": "城东党支部", "parent_org": "城东公司党委"})
    m = {}
    m["王建国"] = _member(led, "王建国", "男", "1970-05-10", education="研究生", admitted="1995-06-01",
                       full="1996-06-10")
    m["李娜"] = _member(led, "李娜", "女", "1994-12-31", education="大学本科", ethnicity="回族",
                      admitted="2015-03-01", full="2016-03-05")
    m["张伟"] = _member(led, "张伟", "男", "1990-01-01", education="中等专科", admitted="2024-07-01",
                      full=f"{YEAR}-07-05")
    m["刘洋"] = _member(led, "刘洋", "男", "1954-12-31", education="高中", admitted="1975-01-01",
                      full="1976-01-05")
    m["陈静"] = _member(led, "陈静", "女", "1985-06-01", education="大学专科", admitted="2023-05-01",
                      decisions=[("2024-05-10", "延长预备期"), (f"{YEAR}-05-12", "按期转正")])
    m["赵敏"] = _member(led, "赵敏", "女", "1995-12-31", education="大学本科", admitted="2024-09-01",
                      decisions=[(f"{YEAR}-09-05", "延长预备期")])
    m["孙强"] = _member(led, "孙强", "男", "1998-01-01", education="大学本科", admitted="2024-10-01",
                      decisions=[(f"{YEAR}-10-08", "取消预备党员资格")])
    m["周新"] = _member(led, "周新", "男", "2000-02-02", admitted=f"{YEAR}-12-31")  # no 学历 entered
    m["郑来"] = _member(led, "郑来", "女", "1988-08-08", education="研究生", admitted="2012-11-08",
                      full="2013-11-10", joined=f"{YEAR}-12-31")  # moved in on 12-31
    m["吴迁"] = _member(led, "吴迁", "男", "1980-01-01", education="大学本科", admitted="2010-01-01",
                      full="2011-01-05", status="转出", left_on=f"{YEAR}-12-31")
    m["钱逝"] = _member(led, "钱逝", "男", "1940-01-01", admitted="1965-01-01", full="1966-01-05",
                      status="去世", left_on=f"{YEAR}-08-01")
    m["冯出"] = _member(led, "冯出", "男", "1975-03-03", admitted="2000-01-01", full="2001-01-05",
                      status="出党", left_on=f"{YEAR}-06-01")
    m["何停"] = _member(led, "何停", "男", "1978-04-04", admitted="2005-01-01", full="2006-01-05",
                      status="停止党籍", left_on=f"{YEAR}-03-01")
    m["林申"] = _member(led, "林申", "女", "2001-01-01", education="大学本科", joined=f"{YEAR}-02-01",
                      steps={1: f"{YEAR}-03-01"})  # an applicant who moved in
    m["老转"] = _member(led, "老转", "男", "1979-01-01", admitted="2008-01-01", full="2009-01-05",
                      status="转出", left_on=f"{YEAR - 1}-06-01")  # left the year before
    m["马无日"] = _member(led, "马无日", "男", "1950-01-01", admitted="1980-01-01", full="1981-01-05",
                       status="去世")  # no leaving date
    m["钟后"] = _member(led, "钟后", "男", "1996-06-06", education="大学本科",
                      steps={1: "2022-01-01", 3: "2022-07-01", 7: "2024-01-01", 15: f"{YEAR + 1}-01-10"})
    m["田新"] = _member(led, "田新", "女", "1989-01-01", education="硕士", admitted=f"{YEAR}-03-01")  # typed 硕士

    # the 组织关系转接 records the 转入/转出 counts read (林申's is no 党员's; 老转's is of last year)
    for name, direction, day in (("郑来", "转入", f"{YEAR}-12-31"), ("吴迁", "转出", f"{YEAR}-12-31"),
                                 ("林申", "转入", f"{YEAR}-02-01"), ("老转", "转出", f"{YEAR - 1}-06-01")):
        led.insert("transfers", {"member_id": m[name], "direction": direction, "date": day,
                                 "other_org": "城西公司党委"})
    t1 = led.insert("trainings", {"date": f"{YEAR}-04-01", "title": "学习二十届三中全会精神", "hours": 40})
    led.replace_children("training_attendance", t1, [
        {"member_id": m["王建国"], "hours": 40}, {"member_id": m["李娜"], "hours": 40},
        {"member_id": m["林申"], "hours": 40}, {"member_id": m["吴迁"], "hours": 40}])
    t2 = led.insert("trainings", {"date": f"{YEAR}-11-01", "title": "八项规定精神专题辅导", "hours": 25})
    led.replace_children("training_attendance", t2, [
        {"member_id": m["王建国"], "hours": 25}, {"member_id": m["周新"], "hours": 25}])
    for name, rating in (("王建国", "优秀"), ("李娜", "合格"), ("张伟", "合格"), ("赵敏", "基本合格")):
        led.insert("appraisals", {"year": YEAR, "member_id": m[name], "rating": rating})
    led.insert("appraisals", {"year": YEAR - 1, "member_id": m["王建国"], "rating": "合格"})
    yield led, m
    led.close()


TODAY = _dt.date(YEAR + 1, 3, 1)


@pytest.fixture(scope="module")
def book(branch, tmp_path_factory):
    led, _ = branch
    out = tmp_path_factory.mktemp("out") / "统计.xlsx"
    from dangzhibu_desktop.exports import statistics

    statistics.write_xlsx(Job(led, YEAR, today=TODAY), out)
    return load_workbook(out)


def table(ws, columns: int):
    """{(统计项目, 分类): [cells…]} of a count sheet, the merged 统计项目 carried down."""
    out, item = {}, None
    for r in range(4, ws.max_row + 1):
        if ws.cell(row=r, column=2).value is None:
            break
        item = ws.cell(row=r, column=1).value or item
        out[(item, ws.cell(row=r, column=2).value)] = [
            value(ws, f"{chr(64 + c)}{r}") for c in range(3, columns + 1)]
    return out


def names(text):
    return text.split("、") if text else []


PARTY = {
    ("党员总数", "全体党员"): (9, 6, 3, "王建国、李娜、张伟、刘洋、陈静、郑来、赵敏（预备）、周新（预备）、田新（预备）"),
    ("性别", "男"): (4, 3, 1, "王建国、张伟、刘洋、周新（预备）"),
    ("性别", "女"): (5, 3, 2, "李娜、陈静、郑来、赵敏（预备）、田新（预备）"),
    ("民族", "汉族"): (8, 5, 3, "王建国、张伟、刘洋、陈静、郑来、赵敏（预备）、周新（预备）、田新（预备）"),
    ("民族", "少数民族"): (1, 1, 0, "李娜"),
    ("年龄", "30岁及以下"): (2, 0, 2, "赵敏（预备）、周新（预备）"),  # 赵敏 is 30 on 12-31
    ("年龄", "31至35岁"): (2, 2, 0, "李娜、张伟"),  # 李娜 31 on 12-31, 张伟 35
    ("年龄", "36至40岁"): (3, 2, 1, "陈静、郑来、田新（预备）"),
    ("年龄", "41至45岁"): (0, 0, 0, None),
    ("年龄", "46至50岁"): (0, 0, 0, None),
    ("年龄", "51至55岁"): (1, 1, 0, "王建国"),
    ("年龄", "56至60岁"): (0, 0, 0, None),
    ("年龄", "61至70岁"): (0, 0, 0, None),
    ("年龄", "71岁及以上"): (1, 1, 0, "刘洋"),  # 71 on 12-31
    ("学历", "研究生"): (3, 2, 1, "王建国、郑来、田新（预备）"),  # 硕士 read as 研究生
    ("学历", "大学本科"): (2, 1, 1, "李娜、赵敏（预备）"),
    ("学历", "大学专科"): (1, 1, 0, "陈静"),
    ("学历", "中专"): (1, 1, 0, "张伟"),
    ("学历", "高中"): (1, 1, 0, "刘洋"),
    ("学历", "初中及以下"): (0, 0, 0, None),
    ("学历", "未登记"): (1, 0, 1, "周新（预备）"),
    ("入党时间", "新中国成立前"): (0, 0, 0, None),
    ("入党时间", "新中国成立后至党的十一届三中全会前"): (1, 1, 0, "刘洋"),
    ("入党时间", "党的十一届三中全会后至党的十八大前"): (1, 1, 0, "王建国"),
    ("入党时间", "党的十八大后至党的二十大前"): (2, 2, 0, "李娜、郑来"),  # 郑来 admitted 2012-11-08
    ("入党时间", "党的二十大以来"): (5, 2, 3, "张伟、陈静、赵敏（预备）、周新（预备）、田新（预备）"),
}


def test_party_members_by_band_with_names_and_subtotals(book):
    got = table(book["党员队伍"], 6)
    bands = {k: v for k, v in got.items() if k[1] != "小计"}
    assert set(bands) == set(PARTY)
    for key, (total, full, prob, who) in PARTY.items():
        assert tuple(bands[key]) == (total, full, prob, who), key
    for section in ("性别", "民族", "年龄", "学历", "入党时间"):
        assert got[(section, "小计")][:3] == [9, 6, 3], section
    # Nobody who was not a 党员 on the books on 12-31 is named anywhere on the sheet.
    text = " ".join(str(c.value) for row in book["党员队伍"].iter_rows() for c in row if c.value)
    for name in ("吴迁", "林申", "孙强", "钱逝", "冯出", "何停", "老转", "钟后"):
        assert name not in text


CHANGES = {
    ("发展党员", "本年发展党员（接收预备党员）"): (2, "田新、周新"),
    ("发展党员", "其中：女"): (1, "田新"),
    ("发展党员", "其中：35岁及以下（入党时）"): (1, "周新"),  # 25 when admitted; 田新 36
    ("发展党员", "其中：大专及以上学历"): (1, "田新"),  # 周新 has no 学历 entered
    ("预备党员转正", "按期转正"): (1, "张伟"),
    ("预备党员转正", "延长预备期后转正"): (1, "陈静"),
    ("预备党员转正", "转正小计"): (2, "张伟、陈静"),
    ("预备党员转正", "延长预备期"): (1, "赵敏"),
    ("预备党员转正", "取消预备党员资格"): (1, "孙强"),
    ("组织关系转接", "转入"): (1, "郑来"),  # moved in on 12-31 (and on the books then); not the applicant 林申
    ("组织关系转接", "转出"): (1, "吴迁"),  # left on 12-31; 老转 left the year before
    ("党员减少", "出党"): (1, "冯出"),
    ("党员减少", "去世"): (1, "钱逝"),  # 马无日 has no date: in the note
    ("党员减少", "停止党籍"): (1, "何停"),
    (f"民主评议党员（{YEAR}年度）", "优秀"): (1, "王建国"),
    (f"民主评议党员（{YEAR}年度）", "合格"): (2, "李娜、张伟"),
    (f"民主评议党员（{YEAR}年度）", "基本合格"): (1, "赵敏"),
    (f"民主评议党员（{YEAR}年度）", "不合格"): (0, None),
    (f"民主评议党员（{YEAR}年度）", "参加评议党员"): (4, "王建国、李娜、张伟、赵敏"),
    # 11 = 王建国 李娜 张伟 刘洋 陈静 赵敏 孙强 吴迁 钱逝 冯出 何停; + 2 + 1 − 1 − 3 − 1 (孙强) = 9.
    ("党员增减", "上年底党员数"): (11, "王建国、李娜、张伟、刘洋、陈静、赵敏、孙强、吴迁、钱逝、冯出、何停"),
    ("党员增减", "按增减推算的党员数"): (9, None),
    ("党员增减", "统计时点党员数"): (9, "见“党员名单”表"),
    ("党员教育培训", "培训期数"): (2, "见“培训期次”表"),
    ("党员教育培训", "参训党员"): (3, "王建国、李娜、周新"),  # not 林申 (applicant), not 吴迁 (gone)
    ("党员教育培训", "参训人次"): (4, "见“培训学时”表"),
    ("党员教育培训", "学时合计"): (pytest.approx(13.0), "见“培训学时”表"),
}


def test_changes_and_activities_with_names(book):
    got = table(book["党员变动及组织生活"], 5)
    assert set(got) == set(CHANGES)
    for key, (n, who) in CHANGES.items():
        assert got[key][1:] == [n, who], key
    ws = book["党员变动及组织生活"]
    sums = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=4).value for r in range(4, ws.max_row + 1)}
    assert sums["转正小计"].startswith("=") and sums["参加评议党员"].startswith("=")


def test_the_figures_are_the_shuzhi_figures(branch, book):
    led, _ = branch
    f = year_figures(Job(led, YEAR, today=TODAY))
    got = table(book["党员变动及组织生活"], 5)
    assert names(got[("发展党员", "本年发展党员（接收预备党员）")][2]) == f.admitted
    assert sorted(names(got[("预备党员转正", "转正小计")][2])) == sorted(f.made_full)
    assert got[("党员教育培训", "学时合计")][1] == pytest.approx(f.training_tenths / 10)
    assert got[("党员教育培训", "参训党员")][1] == f.trained_members
    assert table(book["党员队伍"], 6)[("党员总数", "全体党员")][:3] == [f.members, f.full_members, f.probationary]


def test_name_lists_carry_real_dates(book):
    ws = book["党员名单"]
    head = [c.value for c in ws[3]]
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert list(rows) == ["王建国", "李娜", "张伟", "刘洋", "陈静", "赵敏", "周新", "郑来", "田新"]
    zhou = rows["周新"]
    assert zhou[head.index("入党日期")] == _dt.datetime(YEAR, 12, 31)
    assert zhou[head.index("人员类别")] == "预备党员" and zhou[head.index("转正日期")] is None
    assert rows["刘洋"][head.index("年龄")] == 71 and rows["赵敏"][head.index("年龄段")] == "30岁及以下"
    assert rows["张伟"][head.index("学历")] == "中等专科" and rows["张伟"][head.index("学历类别")] == "中专"
    birth = ws.cell(row=4, column=head.index("出生日期") + 1)
    assert birth.is_date and birth.number_format == "yyyy-mm-dd"

    ws = book["变动名单"]
    events = [r for r in ws.iter_rows(min_row=4, values_only=True)]
    assert [(r[1], r[2], r[4]) for r in events] == [
        ("发展党员", "田新", _dt.datetime(YEAR, 3, 1)),
        ("发展党员", "周新", _dt.datetime(YEAR, 12, 31)),
        ("按期转正", "张伟", _dt.datetime(YEAR, 7, 5)),
        ("延长预备期后转正", "陈静", _dt.datetime(YEAR, 5, 12)),
        ("延长预备期", "赵敏", _dt.datetime(YEAR, 9, 5)),
        ("取消预备党员资格", "孙强", _dt.datetime(YEAR, 10, 8)),
        ("转入", "郑来", _dt.datetime(YEAR, 12, 31)),
        ("转出", "吴迁", _dt.datetime(YEAR, 12, 31)),
        ("出党", "冯出", _dt.datetime(YEAR, 6, 1)),
        ("去世", "钱逝", _dt.datetime(YEAR, 8, 1)),
        ("停止党籍", "何停", _dt.datetime(YEAR, 3, 1)),
    ]
    assert all(ws.cell(row=r, column=5).is_date for r in range(4, 4 + len(events)))


def test_training_sheet_sums_by_formula(book):
    ws = book["培训学时"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [(r[1], r[2], r[3], r[4]) for r in rows[:-1]] == [
        ("王建国", "正式党员", 2, pytest.approx(6.5)), ("李娜", "正式党员", 1, pytest.approx(4.0)),
        ("周新", "预备党员", 1, pytest.approx(2.5))]
    last = 3 + len(rows)
    assert ws[f"D{last}"].value == "=SUM(D4:D6)" and ws[f"E{last}"].value == "=SUM(E4:E6)"
    assert value(ws, f"D{last}") == 4 and value(ws, f"E{last}") == pytest.approx(13.0)
    assert ws[f"E{last}"].number_format == "0.0"

    ws = book["培训期次"]
    assert list(ws.iter_rows(min_row=4, values_only=True)) == [
        (1, _dt.datetime(YEAR, 4, 1), "学习二十届三中全会精神", "集中培训", 4),
        (2, _dt.datetime(YEAR, 11, 1), "八项规定精神专题辅导", "集中培训", 2.5)]
    assert ws["B4"].is_date


def test_note_names_a_status_without_a_date(book):
    notes = [c.value for c in book["党员变动及组织生活"]["A"] if isinstance(c.value, str) and c.value.startswith("另有")]
    assert notes == ["另有1人党籍状态为去世但未登记离开本支部日期，未计入本表：马无日。请在党员名册中补录日期。"]


def test_every_sheet_prints(book):
    assert book.calculation.fullCalcOnLoad
    for ws in book:
        assert ws.print_title_rows == "$3:$3", ws.title
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        merged = {c for rng in ws.merged_cells.ranges for row in ws[rng.coord] for c in [x.coordinate for x in row]}
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if cell.value is None or cell.coordinate in merged or str(cell.value).startswith("="):
                    continue
                width = ws.column_dimensions[cell.column_letter].width
                shown = 10 if cell.is_date else text_width(cell.value)
                if cell.alignment.wrap_text:
                    # a wrapped cell's row is as high as its lines
                    lines = -(-shown // int(width - 2))
                    assert lines == 1 or (ws.row_dimensions[cell.row].height or 0) >= 15 * lines, cell.coordinate
                else:
                    assert shown <= width, (ws.title, cell.coordinate, cell.value, width)
    assert book["党员名单"].page_setup.orientation == "landscape"
    assert book["党员队伍"].page_setup.orientation == "portrait"


def test_cli_writes_it_and_the_kinds_row_lists_xlsx_only(branch, tmp_path):
    led, _ = branch
    out = tmp_path / "统计.xlsx"
    assert cli.main(["export", "statistics", "--db", str(led.path), "--year", str(YEAR), "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames == ["党员队伍", "党员变动及组织生活", "党员名单", "变动名单", "培训学时",
                                                    "培训期次"]
    from dangzhibu_desktop.ledger import LedgerError

    with pytest.raises(LedgerError, match="党内统计基础数据只能导出为"):
        export_document("statistics", led, YEAR, tmp_path / "统计.pdf")


def test_an_empty_ledger_gives_zeros_and_empty_lists(tmp_path):
    led = open_ledger(tmp_path / "空.sqlite", create=True, auto_backup=False)
    try:
        out = export_document("statistics", led, YEAR, tmp_path / "空.xlsx")
        wb = load_workbook(out)
        got = table(wb["党员队伍"], 6)
        assert got[("党员总数", "全体党员")] == [0, 0, 0, None]
        assert all(v[:3] == [0, 0, 0] for v in got.values())
        rows = list(wb["培训学时"].iter_rows(min_row=4, values_only=True))
        assert rows == [("合计", "0名", None, 0, 0)]
    finally:
        led.close()



def test_bands_at_their_edges():
    from dangzhibu_desktop.ledger import census

    day = _dt.date(YEAR, 12, 31)
    assert census.age_band("1995-12-31", day) == "30岁及以下" and census.age_band("1994-12-31", day) == "31至35岁"
    assert census.age_band("1954-12-31", day) == "71岁及以上" and census.age_band("1955-01-01", day) == "61至70岁"
    assert census.age_band(None, day) == census.age_band("1990-02-30", day) == "未登记"
    assert census.joined_band("1949-09-30") == "新中国成立前"
    assert census.joined_band("1949-10-01") == "新中国成立后至党的十一届三中全会前"
    assert census.joined_band("2012-11-07") == "党的十一届三中全会后至党的十八大前"
    assert census.joined_band("2022-10-16") == "党的二十大以来"
    assert census.education_band("大专") == "大学专科" and census.education_band("中等专科") == "中专"
    assert census.education_band("扫盲班") == "其他学历" and census.education_band(" ") == "未登记"
    assert census.ethnicity_band("蒙古族") == "少数民族" and census.ethnicity_band("汉族") == "汉族"


def test_probation_decisions_read_as_the_category_reads_them():
    from dangzhibu_desktop.ledger import steps

    only_approval = [{"step": 15, "date": "2024-01-01"}, {"step": 24, "date": "2025-02-01", "outcome": "取消预备党员资格"}]
    assert [(d.isoformat(), o) for d, o, _ in steps.probation_decisions(only_approval)] == [
        ("2025-02-01", "取消预备党员资格")]
    assert steps.derive_category(only_approval) is None
    both = [{"step": 23, "date": "2025-01-05"}, {"step": 24, "date": "2025-02-01", "outcome": "延长预备期"}]
    # The 支部大会's decision is the one; no outcome recorded is 按期转正.
    assert [o for _, o, _ in steps.probation_decisions(both)] == ["按期转正"]
    assert steps.probation_decisions(both, _dt.date(2025, 1, 4)) == []
    from dangzhibu_desktop.exports.statistics import _extension_note

    # Once the months of an extension are recorded (schema v2), the 变动名单 says them.
    assert _extension_note({"step": 23, "extension_months": 6}) == "延长预备期6个月"
    assert _extension_note({"step": 23}) == ""


def test_a_change_the_books_do_not_explain_is_named(tmp_path):
    led = open_ledger(tmp_path / "差.sqlite", create=True, auto_backup=False)
    try:
        _member(led, "甲", "男", "1980-01-01", admitted="2005-01-01", full="2006-01-05")
        # Off the books from May, but still 在册: no 转出, 出党 … explains it.
        _member(led, "乙", "女", "1982-01-01", admitted="2006-01-01", full="2007-01-05", left_on=f"{YEAR}-05-01")
        out = export_document("statistics", led, YEAR, tmp_path / "差.xlsx")
        ws = load_workbook(out)["党员变动及组织生活"]
        got = table(ws, 5)
        assert got[("党员增减", "上年底党员数")][1] == 2
        assert got[("党员增减", "按增减推算的党员数")][1] == 2 and got[("党员增减", "统计时点党员数")][1] == 1
        notes = [c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("上年底")]
        assert len(notes) == 1 and notes[0].endswith("：乙。")
    finally:
        led.close()
