"""The 述职报告 in its genre (issue 15): 一、履职情况 in the four fields of work of a real 书记's
述职 (政治建设和理论武装, 组织体系和队伍建设, 作风建设和党风廉政, 党建与业务融合), each built from
the year's records sorted by subject; Chinese typography; an empty year says so."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document

from dangzhibu_desktop.demo import build_demo
from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports import topics
from dangzhibu_desktop.ledger import open_ledger

YEAR = 2025
TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_text(tmp_path_factory):
    path = tmp_path_factory.mktemp("sz") / "示例台账.sqlite"
    build_demo(path, "small", YEAR, today=TODAY)
    with open_ledger(path, readonly=True) as led:
        out = export_document("shuzhi", led, YEAR, path.parent / "述职报告.docx")
    return "\n".join(p.text for p in Document(out).paragraphs)


def test_the_four_fields_of_work_in_order(demo_text):
    leads = ["（一）抓政治建设和理论武装", "（二）抓组织体系和队伍建设", "（三）抓作风建设和党风廉政",
             "（四）抓党建与业务融合"]
    at = [demo_text.find(lead) for lead in leads]
    assert all(i >= 0 for i in at) and at == sorted(at), at
    assert demo_text.find("一、履职情况") < at[0] and at[-1] < demo_text.find("二、存在问题及原因")


def test_what_the_reviewer_grades_is_there(demo_text):
    for word in ("理论学习", "意识形态", "党风廉政", "全面从严治党", "一岗双责", "二十届", "政治建设"):
        assert word in demo_text, word


def test_chinese_typography(demo_text):
    assert "人·月" not in demo_text and "未落实：" not in demo_text
    assert "”、“" not in demo_text  # no 顿号 between quoted titles
    assert "等等" not in demo_text
    # No quotation opened inside another: ‘’ inside “”.
    depth = 0
    for ch in demo_text:
        if ch == "“":
            depth += 1
            assert depth == 1, "nested “ “"
        elif ch == "”":
            depth -= 1
    assert not re.search(r"[A-Za-z]{3,}-[A-Z]{3,}", demo_text)  # no rule codes


def test_no_sentence_opens_with_a_count(demo_text):
    # Dates may open a sentence ("1月召开…"), a count may not ("1名党员…" reads "有1名党员…").
    openings = re.findall(r"(?:^|[。！？；：\n])(\d+(?:\.\d+)?(?:名|个|次|人|项|期|位|家))", demo_text)
    assert not openings, openings
    assert "有1名党员" in demo_text  # the demo year's problems do name counted members


def test_next_steps_are_goals_not_the_line_to_avoid(demo_text):
    steps = demo_text[demo_text.find("三、下一步工作思路"):]
    assert "党费" in steps and "避免连续" not in steps


def test_an_empty_year_is_an_honest_short_report(tmp_path):
    with open_ledger(tmp_path / "空.sqlite", create=True) as led:
        led.save_branch({"name": "第九党支部", "parent_org": "某某党委"})
        out = export_document("shuzhi", led, YEAR, tmp_path / "述职.docx")
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "尚未在台账中登记" in text and "取得了一定成效" not in text
    assert "（一）抓政治建设" not in text


@pytest.mark.parametrize("text, keys", [
    ("意识形态工作专题学习", {topics.IDEOLOGY}),
    ("参观廉政教育基地，开展警示教育", {topics.INTEGRITY}),
    ("3月党员网络学习：党的二十届四中全会精神", {topics.THEORY}),
    ("“安全生产月”党员身边无事故主题活动", {topics.BUSINESS}),
    ("学习保密和意识形态工作有关规定", {topics.SECRECY, topics.IDEOLOGY}),
    ("研究党费收缴情况", set()),
])
def test_topics_sort_records_by_subject(text, keys):
    assert topics.classify(text) == keys


def test_subjects_name_the_clause_about_the_topic_once():
    lines = ["1月党员网络学习：党的二十届四中全会精神", "2月党员网络学习：党的二十届四中全会精神",
             "讨论接收张三同志为中共预备党员；学习党的二十届四中全会精神"]
    assert topics.subjects(lines, key=topics.THEORY) == ["党的二十届四中全会精神"]
    assert topics.listing(["党的二十届四中全会精神", "重温入党誓词", "参观“红色”基地"]) == \
        "党的二十届四中全会精神、“重温入党誓词”“参观‘红色’基地”"


def _report(*rules, year=YEAR):
    """A report in ``Report.to_dict()`` shape with the given (code, status, message, evidence)."""
    basics: dict[str, list] = {}
    for code, status, message, evidence in rules:
        basics.setdefault(code.split("-")[0], []).append(
            {"code": code, "name": code, "status": status, "message": message, "evidence": list(evidence)})
    return {"year": year, "basics": [{"code": b, "name": b, "rules": r} for b, r in basics.items()]}


def _sentences(paras) -> set[str]:
    return {c for _, text in paras for c in re.split("[。；]", text) if c}


# Two branches falling short of the same rules, with their own facts and their own committees.
EAST = _report(("ACT-GROUP", "未达标", "党小组会有1次未按时召开", ["第三党小组（市场营销）7月未召开党小组会"]),
               ("SYS-DUES", "未达标", "党费足额缴纳190/193人·月（98.4%），1名党员有欠缴",
                ["郭俊伟：9月、10月、11月未足额缴纳"]),
               ("SYS-DUES-LAPSE", "预警", "1名党员已连续3个月以上未交纳党费",
                ["郭俊伟已连续3个月未交纳党费（2025-09起）"]),
               ("TEAM-TRAINING", "未达标", "1名党员学时未达标", ["郭俊伟：26.9/32学时"]))
WEST = _report(("ACT-GROUP", "未达标", "党小组会有2次未按时召开",
                ["第一党小组（综合管理）3月未召开党小组会", "第二党小组（生产运行）8月未召开党小组会"]),
               ("SYS-DUES", "未达标", "党费足额缴纳98/100人·月（98.0%），1名党员有欠缴", ["李红：2月、3月未足额缴纳"]),
               ("TEAM-TRAINING", "未达标", "2名党员学时未达标", ["王强：12/32学时", "赵敏：0/32学时"]))
FIXED = {"这些问题，根子上还是本人履行第一责任人职责不够到位，抓基层党建工作的力度还需加大"}


def test_problems_name_the_ledgers_facts_and_what_they_reflect():
    from dangzhibu_desktop.exports.shuzhi import problems

    text = "".join(lead + t for lead, t in problems(EAST, {"组织委员": "韩海艳", "书记": "罗林"}))
    assert "第三党小组（市场营销）7月未召开党小组会，这反映出" in text
    assert "郭俊伟9月、10月、11月未足额缴纳，已连续3个月未交纳党费（9月起）" in text
    assert text.count("郭俊伟已连续") == 0  # the same member's dues are told once
    assert "其中郭俊伟26.9学时" in text
    assert "人·月" not in text and "190/193" not in text.replace("190/193人次", "")
    assert text.index("一是组织生活") < text.index("二是制度执行") < text.index("三是党员队伍建设")  # the 基本 order


def test_two_branches_do_not_share_their_analysis_or_their_targets():
    """The same rules fell short in two branches: sections 二 and 三 share nothing but the genre's
    fixed transitions, because the facts, the members and the owners are each branch's own."""
    from dangzhibu_desktop.exports.shuzhi import plans, problems

    east = {"组织委员": "韩海艳", "宣传委员": "董建阳", "书记": "罗林"}
    west = {"组织委员": "邓鑫", "书记": "张国强"}
    shared = _sentences(problems(EAST, east)) & _sentences(problems(WEST, west))
    assert not shared - FIXED, shared
    assert not _sentences(plans(EAST, east)) & _sentences(plans(WEST, west))


def test_targets_are_dated_next_year_with_an_owner():
    from dangzhibu_desktop.exports.shuzhi import plans

    text = "".join(lead + t for lead, t in plans(EAST, {"组织委员": "韩海艳", "宣传委员": "董建阳", "书记": "罗林"}))
    assert f"{YEAR + 1}年各党小组每月召开1次党小组会" in text and "第三党小组（市场营销）由党小组组长每月初报送计划" in text
    assert f"郭俊伟欠缴的党费于{YEAR + 1}年1月底前补齐，由组织委员韩海艳同志负责" in text
    assert "确保每名党员全年学时不少于32学时、书记和支委不少于56学时" in text  # the rule set's numbers
    assert "由宣传委员董建阳同志负责" in text
    assert "由书记罗林" not in text  # the 书记 writes the report: her own part has no owner clause
    # A vacant post falls to the 书记, who needs no owner clause.
    vacant = "".join(t for _, t in plans(EAST, {"书记": "罗林"}))
    assert "负责" not in vacant


def test_a_missing_record_is_not_a_problem():
    from dangzhibu_desktop.exports.shuzhi import problems

    report = _report(("TEAM-DEV-INTRODUCERS", "未达标", "1名新党员未填写入党介绍人", ["张三：未填写介绍人"]))
    text = "".join(t for _, t in problems(report))
    assert "介绍人" not in text and "各项指标均已达到要求" in text


def test_a_met_rule_is_neither_a_problem_nor_a_target():
    from dangzhibu_desktop.exports.shuzhi import plans, problems

    report = _report(("ACT-GROUP", "达标", "各党小组每月均召开党小组会", []),
                     ("SYS-DUES", "未达标", "1名党员有欠缴", ["李红：2月未足额缴纳"]))
    assert "党小组" not in "".join(t for _, t in problems(report))
    assert "党小组" not in "".join(t for _, t in plans(report))


def test_remaining_work_only_while_the_year_runs(demo_text):
    """The plan's 年内剩余工作 is next steps on 12-07 of the year; in a 述职 of a year already over
    (the demo's 2025, written in March 2026) there is nothing left to do "年内"."""
    from dangzhibu_desktop.exports.shuzhi import plans

    assert "年内剩余工作" not in demo_text and "三、下一步工作思路" in demo_text
    report = {"year": YEAR, "as_of": f"{YEAR}-12-07", "basics": [], "next_star": {
        "target_stars": 4, "actions": [{"text": "12月31日前开展1次党课"}]}}
    running = "".join(lead + t for lead, t in plans(report))
    assert "抓紧完成年内剩余工作，对标争创4星级党支部。" in running and "12月31日前开展1次党课" in running
    assert "年内剩余工作" not in "".join(lead + t for lead, t in plans(report, year_over=True))


def test_the_years_remaining_work_reads_as_a_document():
    from dangzhibu_desktop.exports import review

    report = {"year": YEAR, "as_of": f"{YEAR}-12-07", "next_star": {"target_stars": 4, "actions": [
        {"text": "今天督促李红补缴2月党费并登记"}, {"text": "12月31日前召开1次支部党员大会"},
        {"text": f"12月31日前召开支部党员大会讨论赵敏转正（预备期{YEAR}-12-31届满）"},
        {"text": "12月31日前开展1次党课"}]}}
    assert review.year_end_work(report) == [
        "12月7日督促李红补缴2月党费",
        "12月31日前召开1次支部党员大会，召开支部党员大会讨论赵敏转正（预备期12月31日届满），开展1次党课"]
    assert review.plan_texts(report)[0] == "12月7日督促李红补缴2月党费"


def test_an_exempt_member_is_not_among_those_short_of_hours():
    """第二十三条: the rule names an exempt member beside the shortfalls; the 述职 neither lists her
    as short of 学时 nor targets her next year."""
    from dangzhibu_desktop.exports.shuzhi import plans, problems

    report = _report(("TEAM-TRAINING", "未达标", "1名党员学习培训学时不足（人均40.0学时）",
                      ["郭俊伟：26.7/32学时", "苏瑶：经支部同意不作硬性要求（现年63岁，行动不便）"]))
    text = "".join(t for _, t in problems(report))
    assert "郭俊伟26.7学时" in text and "苏瑶" not in text and "等" not in text.split("郭俊伟")[1][:8]
    target = "".join(t for _, t in plans(report))
    assert "郭俊伟等学时不足的党员优先安排" in target and "苏瑶" not in target
