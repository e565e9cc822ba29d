"""Search across the pages (views.search) on a temp-file ledger written here: which records a
text finds, on which page and in which year, and what it must not find."""

from __future__ import annotations

from dangzhibu_desktop.views.search import search
from tests.rules_support import full_member, meeting


def _hits(ledger, text):
    return [(h.kind, h.page, h.title, h.year) for h in search(ledger, text)]


def test_finds_names_topics_and_titles_on_their_pages(ledger):
    zhang = full_member(ledger, "张晓红")
    full_member(ledger, "李明")
    meeting(ledger, "支部党员大会", "2025-03-20", {zhang: "出席"}, topic="学习张晓红同志先进事迹")
    meeting(ledger, "党课", "2026-04-02", topic="党纪学习教育")
    ledger.insert("trainings", {"date": "2026-05-10", "title": "党纪学习教育专题培训", "hours": 40})
    act = ledger.insert("volunteer_activities", {"date": "2026-03-05", "title": "学雷锋党纪宣传",
                                                 "kind": "志愿服务"})
    ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "党纪宣传先锋岗"})
    ledger.insert("talks", {"date": "2026-02-01", "member_id": zhang, "topic": "党纪学习体会"})
    ledger.insert("rectifications", {"problem": "党纪学习不够深入", "status": "未开始"})

    assert _hits(ledger, "张晓红") == [("党员", "members", "张晓红", None),
                                     ("会议", "meetings", "支部党员大会：学习张晓红同志先进事迹", 2025)]
    assert [h[:2] for h in _hits(ledger, "党纪")] == [
        ("会议", "meetings"), ("教育培训", "trainings"), ("志愿服务", "volunteer"), ("先锋岗", "posts"),
        ("谈心谈话", "talks"), ("整改事项", "rectifications")]
    person = search(ledger, "张晓红")[0]
    assert (person.table, person.row_id, person.detail) == ("members", zhang, "正式党员 · 在册")
    hit = next(h for h in search(ledger, "雷锋"))
    assert (hit.table, hit.row_id, hit.date) == ("volunteer_activities", act, "2026-03-05")


def test_newest_first_recycle_bin_left_out_and_wildcards_literal(ledger):
    for day in ("2024-05-01", "2026-05-01", "2025-05-01"):
        meeting(ledger, "党课", day, topic=f"{day[:4]}年党课")
    gone = meeting(ledger, "党课", "2026-06-01", topic="删掉的党课")
    ledger.delete("meetings", gone)
    member = full_member(ledger, "王五")
    ledger.delete("members", member)
    assert [h.year for h in search(ledger, "党课")] == [2026, 2025, 2024]
    assert search(ledger, "王五") == []
    assert search(ledger, "%") == [] and search(ledger, "_") == []  # no LIKE wildcards
    meeting(ledger, "党课", "2026-07-01", topic="完成率100%的经验")
    assert [h.title for h in search(ledger, "100%")] == ["党课：完成率100%的经验"]
    assert search(ledger, "  ") == []


def test_letters_in_any_case_and_a_limit_per_kind(ledger):
    ledger.insert("trainings", {"date": "2026-01-10", "title": "AI赋能党建", "hours": 10})
    assert [h.title for h in search(ledger, "ai")] == ["AI赋能党建"]
    for i in range(5):
        ledger.insert("trainings", {"date": f"2026-02-0{i + 1}", "title": f"党建培训{i}", "hours": 10})
    assert len(search(ledger, "党建培训", limit=3)) == 3


def test_two_people_of_one_name_are_told_apart(ledger):
    g = ledger.insert("party_groups", {"name": "第二党小组"})
    full_member(ledger, "王芳", party_group_id=g)
    left = full_member(ledger, "王芳")
    ledger.update("members", left, {"status": "转出", "left_on": "2025-03-01"})
    assert [h.detail for h in search(ledger, "王芳")] == ["正式党员 · 第二党小组 · 在册", "正式党员 · 转出"]
