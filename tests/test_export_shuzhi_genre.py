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


def test_causes_are_those_of_the_rules_that_fell_short():
    """究其原因 names each failing rule's own cause, so two branches with different shortcomings
    do not share their analysis word for word."""
    from dangzhibu_desktop.exports.shuzhi import CAUSES, RULE_CAUSES, problems

    def report(*codes):
        return {"basics": [{"code": c.split("-")[0], "name": c.split("-")[0], "rules": [
            {"code": c, "name": c, "status": "未达标", "message": f"{c}的情况"}]} for c in codes]}

    one = "".join(t for _, t in problems(report("ACT-GROUP", "SYS-RECTIFY")))
    two = "".join(t for _, t in problems(report("TEAM-TRAINING", "ROLE-DEEDS")))
    assert RULE_CAUSES["ACT-GROUP"] in one and RULE_CAUSES["SYS-RECTIFY"] in one
    assert RULE_CAUSES["TEAM-TRAINING"] in two and RULE_CAUSES["ROLE-DEEDS"] in two
    clauses = lambda text: {c for c in re.split("[。；]", text.split("究其原因，")[1]) if c}  # noqa: E731
    assert not (clauses(one) & clauses(two) - {"归根到底，还是本人履行第一责任人职责不够到位，抓基层党建工作的力度还需加大"})
    # A 基本 without a rule-specific cause still gets its general one.
    three = "".join(t for _, t in problems(report("ORG-SIZE")))
    assert CAUSES["ORG"] in three
