"""Who counts in 党员…人次: the 述职报告 and the 志愿服务时长统计 agree.

The fixture branch plus people whose standing changes during the year: a 积极分子 and an
applicant serving beside the 党员, a 发展对象 admitted in June who served before and after,
and a 党员 who moved away in August after serving in April.
"""

import datetime as _dt
import re
import shutil
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports.common import CategoryOnDay, Job
from dangzhibu_desktop.exports.figures import year_figures
from dangzhibu_desktop.ledger import open_ledger
from tests.export_fixture import YEAR, build, make_id
from tests.xlsx_support import values


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "台账.sqlite"
    led = open_ledger(path, create=True, auto_backup=False)
    ids = build(led)
    ids = {r["name"]: r["id"] for r in led.rows("members")}

    def person(name, birth, seq, steps, **extra):
        mid = led.insert("members", {"name": name, "gender": "男", "birth_date": birth,
                                     "id_number": make_id("110101", birth, seq), **extra})
        for step, date in steps.items():
            led.insert("development_steps", {"member_id": mid, "step": step, "date": date})
        return mid

    ids["吴昊"] = person("吴昊", "1996-01-01", "211",
                       {1: "2021-03-01", 3: "2021-09-01", 7: "2023-03-01", 15: f"{YEAR}-06-01"})
    ids["郑强"] = person("郑强", "1980-01-01", "231",
                       {1: "2000-03-01", 3: "2000-09-01", 7: "2001-10-01", 15: "2002-06-01", 23: "2003-06-10"},
                       status="转出", left_on=f"{YEAR}-08-31")
    a = led.insert("volunteer_activities", {"date": f"{YEAR}-04-10", "title": "义务植树", "kind": "志愿服务"})
    led.replace_children("volunteer_hours", a, [
        {"member_id": ids["王建国"], "hours": 20}, {"member_id": ids["孙磊"], "hours": 30},
        {"member_id": ids["吴昊"], "hours": 10}, {"member_id": ids["郑强"], "hours": 10}])
    b = led.insert("volunteer_activities", {"date": f"{YEAR}-10-15", "title": "敬老院送温暖", "kind": "志愿服务"})
    led.replace_children("volunteer_hours", b, [
        {"member_id": ids["吴昊"], "hours": 20}, {"member_id": ids["孙磊"], "hours": 15},
        {"member_id": ids["周婷"], "hours": 10}])
    yield led, ids
    led.close()


def job(led):
    return Job(led, YEAR, today=_dt.date(YEAR + 1, 3, 1))


def test_category_on_the_day(branch):
    led, ids = branch
    who = CategoryOnDay(job(led))
    assert who.category(ids["吴昊"], f"{YEAR}-04-10") == "发展对象"
    assert not who.is_party_member(ids["吴昊"], f"{YEAR}-04-10")
    assert who.is_party_member(ids["吴昊"], f"{YEAR}-10-15")  # 预备党员 from 6月1日
    assert who.is_party_member(ids["郑强"], f"{YEAR}-04-10")
    assert not who.is_party_member(ids["郑强"], f"{YEAR}-09-01")  # moved away on 8月31日
    assert not who.is_party_member(ids["孙磊"], f"{YEAR}-10-15")


def test_shuzhi_counts_only_party_members_on_the_day(branch, tmp_path):
    led, _ = branch
    f = year_figures(job(led))
    # 学雷锋 (3 党员, 7 h) + 植树 (王建国 2 h, 郑强 1 h) + 敬老院 (吴昊 2 h); 办实事 apart.
    assert f.volunteer_activities == 3
    assert (f.volunteer_person_times, f.volunteer_tenths) == (6, 120)
    assert f.deed_person_times == 2
    out = export_document("shuzhi", led, YEAR, tmp_path / "述职.docx")
    text = "".join(p.text for p in Document(str(out)).paragraphs)
    assert "组织党员志愿服务活动3次，党员参与6人次，累计服务12小时。" in text


def test_volunteer_ledger_lists_everyone_and_gives_the_party_line(branch, tmp_path):
    led, _ = branch
    f = year_figures(job(led))
    wb = load_workbook(export_document("volunteer", led, YEAR, tmp_path / "志愿.xlsx"))
    rows = values(wb["按党员统计"], 2)
    head = rows[0]
    per = {r[1]: r for r in rows[1:]}
    assert per["孙磊"][head.index("人员类别")] == "入党积极分子"
    assert per["孙磊"][head.index("合计（小时）")] == pytest.approx(4.5)
    assert per["吴昊"][head.index("人员类别")] == "预备党员"
    assert per["郑强"][head.index("人员类别")] == "已离开本支部"
    total, party = rows[-2], rows[-1]
    assert total[0] == "合计" and party[:2] == ["其中", "党员"]
    times, vol, deed = head.index("参加次数"), head.index("志愿服务（小时）"), head.index("办实事（小时）")
    assert total[times] == 12 and total[-1] == pytest.approx(24.5)  # everyone who served
    # The 党员 line is the 述职报告's figure: same people, same hours.
    assert party[times] == f.volunteer_person_times + f.deed_person_times == 8
    assert party[vol] == pytest.approx(f.volunteer_tenths / 10) and party[deed] == pytest.approx(6.0)
    assert party[-1] == pytest.approx(18.0)

    acts = values(wb["按活动统计"], 2)
    assert acts[-2][0] == "合计" and acts[-2][5] == 12 and acts[-2][6] == pytest.approx(24.5)
    assert acts[-1][:2] == ["其中", "党员"] and acts[-1][5] == 8 and acts[-1][6] == pytest.approx(18.0)

    detail = values(wb["明细"], 2)
    dhead = detail[0]
    day_cat = {(r[2], r[3]): r[dhead.index("当日身份")] for r in detail[1:-2]}
    assert day_cat[("义务植树", "吴昊")] == "发展对象" and day_cat[("敬老院送温暖", "吴昊")] == "预备党员"
    assert day_cat[("义务植树", "郑强")] == "正式党员" and day_cat[("敬老院送温暖", "周婷")] == "入党申请人"
    # 人次 a number shown with its unit (the cell's format), so it sums and sorts
    assert detail[-1][:2] == ["其中", "党员"] and detail[-1][3] == 8 and detail[-1][-1] == pytest.approx(18.0)
    assert wb["明细"].cell(wb["明细"].max_row, 4).number_format == '0"人次"'


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_volunteer_pdf_says_what_each_total_counts(branch, tmp_path):
    led, _ = branch
    out = export_document("volunteer", led, YEAR, tmp_path / "志愿.pdf")
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"],
                                             capture_output=True, check=True).stdout.decode("utf-8"))
    assert ("全年开展活动4次，党员参加8人次，累计服务18小时；入党积极分子等非党员另参加4人次，服务6.5小时。"
            "7名党员中5名有服务记录。") in text
    assert "其中党员" in text and "按参加活动当日是否为正式党员、预备党员计算，与述职报告一致" in text
