"""导出打印 says what the 述职报告 will lack before it is written (issue #15: "before export the
window lists what the ledger lacks for a complete report")."""

from __future__ import annotations

import datetime as dt

from dangzhibu_desktop.views.export import report_gaps

YEAR = 2025
AFTER = dt.date(2026, 3, 1)  # the year is over: judged on its 12-31


def _branch(ledger):
    ledger.save_branch({"name": "第一党支部"})
    wang = ledger.insert("members", {"name": "王建国"})
    for step, day in ((15, "2000-07-01"), (23, "2001-07-05")):
        ledger.insert("development_steps", {"member_id": wang, "step": step, "date": day})
    ledger.insert("committee_roles", {"member_id": wang, "role": "书记", "start_date": "2020-03-01"})
    return wang


def test_each_missing_record_is_named_until_it_is_entered(ledger):
    assert report_gaps(ledger, "shuzhi", YEAR, AFTER) == [
        "在任的支部书记（“支委分工”中登记；报告署名和“本人”部分依据它）", "2025年的会议记录", "2025年召开的组织生活会",
        "2025年度民主评议党员的结果", "2025年党员参加教育培训的记录", "2025年的谈心谈话记录"]
    wang = _branch(ledger)
    gaps = report_gaps(ledger, "shuzhi", YEAR, AFTER)
    assert gaps[0] == "2025年的会议记录" and "书记王建国本年度讲党课的记录" in gaps
    ledger.insert("meetings", {"kind": "组织生活会", "date": "2025-01-20", "topic": "2024年度组织生活会"})
    ledger.insert("meetings", {"kind": "党课", "date": "2025-12-31", "topic": "党课", "lecturer_id": wang})
    ledger.insert("appraisals", {"year": YEAR, "member_id": wang, "rating": "合格"})
    training = ledger.insert("trainings", {"date": "2025-04-01", "title": "专题学习", "hours": 40})
    assert "2025年党员参加教育培训的记录" in report_gaps(ledger, "shuzhi", YEAR, AFTER)  # nobody attended
    ledger.replace_children("training_attendance", training, [{"member_id": wang, "hours": 40}])
    assert report_gaps(ledger, "shuzhi", YEAR, AFTER) == ["2025年的谈心谈话记录"]
    li = ledger.insert("members", {"name": "李红"})
    ledger.insert("talks", {"date": "2025-06-01", "talker_id": wang, "member_id": li, "kind": "谈心谈话",
                            "topic": "思想动态"})
    assert report_gaps(ledger, "shuzhi", YEAR, AFTER) == []
    # another year's records are not this year's; other documents say nothing
    assert "2026年的谈心谈话记录" in report_gaps(ledger, "shuzhi", 2026, AFTER)
    assert report_gaps(ledger, "ledger", 2026, AFTER) == []


def test_a_record_after_the_as_of_day_is_not_yet_there(ledger):
    """In the running year the 述职 reads up to today: a 党课 typed ahead does not count."""
    wang = _branch(ledger)
    ledger.insert("meetings", {"kind": "党课", "date": "2025-12-20", "topic": "党课", "lecturer_id": wang})
    assert "书记王建国本年度讲党课的记录" in report_gaps(ledger, "shuzhi", YEAR, dt.date(2025, 12, 19))
    assert "书记王建国本年度讲党课的记录" not in report_gaps(ledger, "shuzhi", YEAR, dt.date(2025, 12, 20))


def test_the_export_page_shows_them_for_the_shuzhi_only(window, qtbot):
    page = window.show_page("export")
    page.kind_box.setCurrentIndex(page.kind_box.findData("shuzhi"))
    ledger = window.session.ledger
    year = page.year()
    expected = report_gaps(ledger, "shuzhi", year, window.session.today)
    assert expected  # the shell ledger records no 谈心谈话
    text = page.gaps_label.text()
    assert text.startswith("台账中还没有以下记录") and all(g in text for g in expected)
    assert page.gaps_label.isVisible()
    page.kind_box.setCurrentIndex(page.kind_box.findData("roster"))
    assert not page.gaps_label.isVisible() and page.gaps_label.text() == ""
