"""年度党建工作计划 (export plan): the year's obligations as the rules engine plans them from
1 January, grouped by month and by 基本, and last year's shortfalls with their measures — read
back from the .docx and checked against the engine and the ledger."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document

from dangzhibu_desktop.exports import export_document
from dangzhibu_desktop.exports import plan as plan_mod
from dangzhibu_desktop.ledger import open_ledger
from dangzhibu_desktop.rules import evaluate
from tests.export_fixture import YEAR, build
from tests.pdf_support import needs_poppler, pdftext, squash

PLAN_YEAR = YEAR + 1


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "台账.sqlite"
    led = open_ledger(path, create=True)
    build(led)
    yield led, path.parent
    led.close()


@pytest.fixture(scope="module")
def doc(book):
    led, folder = book
    return Document(export_document("plan", led, PLAN_YEAR, folder / "计划.docx"))


def _months(doc) -> dict[int, str]:
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "月份")
    return {int(r.cells[0].text.rstrip("月")): r.cells[1].text for r in table.rows[1:]}


def test_the_sections_of_a_plan(doc):
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == ["一、工作目标", "二、重点工作", "三、整改措施", "四、月度安排", "五、保障措施"]
    title = doc.paragraphs[0].text
    assert title.replace("\n", "") == f"第一党支部{PLAN_YEAR}年党建工作计划" and title.endswith(f"{PLAN_YEAR}年党建工作计划")


def test_every_month_carries_the_engines_obligations_of_that_month(book, doc):
    led, _ = book
    actions = evaluate(led, PLAN_YEAR, dt.date(PLAN_YEAR, 1, 1)).to_dict()["next_star"]["actions"]
    months = _months(doc)
    for m in range(1, 13):
        due = [a for a in actions if dt.date.fromisoformat(a["by"]).month == m and a["by"].startswith(str(PLAN_YEAR))]
        kinds = {(a.get("params") or {}).get("meeting_kind") for a in due if a["type"] == "meeting"}
        cell = months.get(m, "")
        for kind in kinds - {"党小组会", None}:
            assert kind in cell, (m, kind)
        if any(a["rule"] == "SYS-DUES" for a in due):
            assert "收缴当月党费" in cell, m
    # the training sessions the engine asks for, spread over the year rather than packed into January
    trainings = [a for a in actions if a["type"] == "training"]
    listed = re.findall(r"组织第(\d+)期集中学习培训", "\n".join(months.values()))
    assert len(listed) == len(trainings) and trainings
    assert sum("集中学习培训" in months.get(m, "") for m in range(1, 13)) == len(trainings)


def test_dated_work_from_the_ledger(doc):
    months = _months(doc)
    # the open 整改 item of the ledger is due 2025-03-31
    assert "完成整改并销号：党建阵地建设不足" in months[3]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "全年召开支部党员大会4次、支部委员会12次、党小组会12次" in text  # one 党小组, monthly


def test_last_years_shortfalls_have_measures_with_owner_and_date(doc):
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "存在问题")
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    group = rows["党小组组织生活没有做到月月不断线"]
    assert group[3] == "组织委员\n李秀英" and group[4] == "长期坚持"
    dues = rows["党费收缴不够及时足额"]
    assert f"陈𠀾欠缴的党费于{PLAN_YEAR}年1月底前补齐" in dues[2]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"针对{YEAR}年自评和述职中查摆的问题" in text
    assert "组织委员李秀英、宣传委员张伟" in text  # 保障措施 names who holds each post


def test_no_software_words_and_no_rule_codes(doc):
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    for word in ("并登记", "录入", "填写", "今天", "；；", "。。"):
        assert word not in text, word
    assert not re.search(r"[A-Z]{3,}-[A-Z]{3,}", text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # dates in words


@needs_poppler
def test_pdf_and_cli(book, tmp_path):
    from dangzhibu_desktop.cli import main

    led, folder = book
    out = tmp_path / "计划.pdf"
    assert main(["export", "plan", "--db", str(folder / "台账.sqlite"), "--year", str(PLAN_YEAR),
                 "--out", str(out)]) == 0
    text = squash(pdftext(out))
    assert f"{PLAN_YEAR}年党建工作计划" in text and "四、月度安排" in text and "12月" in text
    assert main(["export", "plan", "--db", str(folder / "台账.sqlite"), "--year", str(PLAN_YEAR),
                 "--out", str(tmp_path / "计划.xlsx")]) == 2


def test_a_new_ledger_still_gets_a_plan(tmp_path):
    with open_ledger(tmp_path / "新.sqlite", create=True) as led:
        led.save_branch({"name": "新建党支部"})
        out = export_document("plan", led, 2031, tmp_path / "计划.docx")
        data = plan_mod.collect(plan_mod.Job(led, 2031))
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "2031年党建工作计划" in text and "月度安排" in text
    assert not data.measures  # nothing was judged short in a year without records… or it says so
