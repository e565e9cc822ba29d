"""年度工作日历 (views.calendar) on temp-file ledgers written here: the rows are the rule set's
required meetings, each cell the 工作台 grid's state with the meetings held that month and the
plan's lines due by its end."""

from __future__ import annotations

import datetime as dt
import json

from dangzhibu_desktop.paths import resource_path
from dangzhibu_desktop.rules import load_rule_set
from dangzhibu_desktop.rules.grid import meeting_grid
from dangzhibu_desktop.views.calendar import annual_calendar
from tests.rules_support import compliant_branch, full_member, meeting

DAY = dt.date(2026, 5, 10)


def _rule_set(tmp_path, edit):
    doc = json.loads(resource_path("rules/default.json").read_text(encoding="utf-8"))
    for basic in doc["basics"]:
        basic["rules"] = [r for r in basic["rules"] if edit(r) is not False]
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_rule_set(path)


def _branch(ledger):
    ledger.save_branch({"name": "测试党支部"})
    a, b = full_member(ledger, "甲"), full_member(ledger, "乙")
    return {a: "出席", b: "出席"}


def test_rows_and_states_are_the_rule_sets_and_the_grids(ledger):
    everyone = _branch(ledger)
    meeting(ledger, "支部党员大会", "2026-02-10", everyone)
    meeting(ledger, "主题党日", "2026-01-05", everyone)
    meeting(ledger, "主题党日", "2026-03-05", everyone)
    meeting(ledger, "组织生活会", "2026-02-20", everyone)
    meeting(ledger, "专题学习", "2026-03-06", everyone)  # no rule requires it: no row, not listed
    cal = annual_calendar(ledger, 2026, DAY)
    assert [r.kind for r in cal.rows] == ["支部党员大会", "支部委员会", "党小组会", "党课", "主题党日", "组织生活会"]
    grid = meeting_grid(ledger, 2026, DAY)
    for r in cal.rows[:5]:
        assert {m: cal.cells[(r.kind, m)].state for m in range(1, 13)} == {m: grid[(r.kind, m)] for m in range(1, 13)}
    theme = [cal.cells[("主题党日", m)].state for m in range(1, 7)]
    assert theme == ["done", "missing", "done", "missing", "pending", "pending"]
    assert [cal.cells[("组织生活会", m)].state for m in (1, 2, 3)] == ["n/a", "done", "n/a"]
    assert cal.cells[("支部党员大会", 4)].required == "本季度应开1次"
    assert cal.cells[("主题党日", 4)].required == "应开1次"
    assert all(h["kind"] != "专题学习" for c in cal.cells.values() for h in c.held)
    assert cal.held_count("主题党日") == 2


def test_held_meetings_typed_ahead_and_the_plan_by_month(ledger):
    everyone = _branch(ledger)
    meeting(ledger, "主题党日", "2026-05-05", everyone, topic="五月主题党日")
    meeting(ledger, "主题党日", "2026-06-05", everyone, topic="预先登记的六月主题党日")
    cal = annual_calendar(ledger, 2026, DAY)
    may, june = cal.cells[("主题党日", 5)], cal.cells[("主题党日", 6)]
    assert [(h["topic"], h["ahead"]) for h in may.held] == [("五月主题党日", False)]
    assert [(h["topic"], h["ahead"]) for h in june.held] == [("预先登记的六月主题党日", True)]
    assert may.state == "done" and may.planned == []
    assert june.state == "pending" and june.planned == ["6月30日前开展1次主题党日"]  # not held as of the day
    assert any("党课" in line for line in cal.cells[("党课", 6)].planned)  # Q2's lesson by 30 June
    assert not any("党课" in line for m in range(1, 13) for line in cal.other_plan.get(m, []))


def test_a_rule_set_without_a_rule_requires_no_such_meeting(ledger, tmp_path):
    _branch(ledger)

    def edit(r):
        if r["code"] == "ACT-LESSON":
            return False
        if r["code"] == "ACT-THEME-DAY":
            r["params"].update(period="quarter", min_count=2)
        return None

    cal = annual_calendar(ledger, 2026, DAY, _rule_set(tmp_path, edit), with_plan=False)
    assert "党课" not in [r.kind for r in cal.rows]
    assert cal.cells[("主题党日", 4)].required == "本季度应开2次"
    assert cal.other_plan == {} and all(not c.planned for c in cal.cells.values())


def test_a_compliant_year_is_done_or_nothing_required_every_month(ledger):
    compliant_branch(ledger, 2025)
    cal = annual_calendar(ledger, 2025, dt.date(2026, 3, 1))
    assert cal.day == dt.date(2025, 12, 31)
    states = {c.state for c in cal.cells.values()}
    assert states <= {"done", "n/a"}
    assert all(not c.planned for c in cal.cells.values())


def test_a_cells_new_meeting_is_in_its_month_with_the_plans_group(ledger):
    everyone = _branch(ledger)
    g1 = ledger.insert("party_groups", {"name": "第一党小组"})
    g2 = ledger.insert("party_groups", {"name": "第二党小组"})
    for mid in everyone:
        ledger.update("members", mid, {"party_group_id": g2 if mid == max(everyone) else g1})
    meeting(ledger, "党小组会", "2026-05-06", everyone, party_group_id=g1)
    cal = annual_calendar(ledger, 2026, DAY)
    may = cal.cells[("党小组会", 5)]
    assert may.state == "pending" and may.groups == [g2]  # the first group met in May
    assert may.new_meeting("党小组会", 2026, 5, DAY) == {"kind": "党小组会", "date": "2026-05-10",
                                                     "party_group_id": g2}
    april = cal.cells[("主题党日", 4)]
    assert april.new_meeting("主题党日", 2026, 4, DAY) == {"kind": "主题党日", "date": "2026-04-30"}
