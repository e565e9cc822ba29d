"""views.fixes: every gap the window shows maps to the editor that fixes it, prefilled, or to
the page filtered to its month (plain pytest, no Qt)."""

from __future__ import annotations

import datetime as _dt

from dangzhibu_desktop.ledger import steps as S
from dangzhibu_desktop.rules import evaluate, reminders
from dangzhibu_desktop.views.dashboard import GROUP_ROW_PREFIX, compute_dashboard
from dangzhibu_desktop.views.fixes import (
    action_target, cell_target, day_in_month, day_within, list_defaults, reminder_target, rule_target,
)

from . import ui_shell_data as data

TODAY = data.today_in()  # 2025-06-15


def _board(ledger):
    built = data.build(ledger)
    return built, compute_dashboard(ledger, data.YEAR, TODAY)


def test_day_in_the_missing_month():
    assert day_in_month(2025, 3, TODAY) == _dt.date(2025, 3, 15)
    assert day_in_month(2025, 6, TODAY) == TODAY
    assert day_in_month(2025, 6, _dt.date(2025, 6, 3)) == _dt.date(2025, 6, 3)
    assert day_within(_dt.date(2025, 7, 1), _dt.date(2025, 9, 30), TODAY) == _dt.date(2025, 7, 1)
    assert day_within(_dt.date(2025, 4, 1), _dt.date(2025, 6, 30), TODAY) == TODAY
    assert day_within(_dt.date(2025, 4, 1), _dt.date(2025, 6, 10), TODAY) == _dt.date(2025, 6, 10)


def test_missing_theme_day_opens_that_month_prefilled(ledger):
    built, board = _board(ledger)
    ids = built["ids"]
    assert board["grid"][("主题党日", 5)] == "missing"
    t = cell_target(ledger, board, "主题党日", 5, TODAY)
    assert (t.table, t.row_id, t.page) == ("meetings", None, None)
    d = t.defaults
    assert (d["kind"], d["date"], d["host_id"]) == ("主题党日", "2025-05-15", ids["王建国"])
    # Nobody named: the editor marks whoever is 应到 on the day it ends up on.
    assert "attendees" not in d and "party_group_id" not in d and "lecturer_id" not in d
    # The current month: today, not the 15th.
    assert cell_target(ledger, board, "主题党日", 6, TODAY).defaults["date"] == TODAY.isoformat()


def test_group_row_gets_its_group_leader_and_members(ledger):
    built, board = _board(ledger)
    ids, groups = built["ids"], built["groups"]
    label = GROUP_ROW_PREFIX + "第一党小组"
    assert board["grid"][(label, 3)] == "missing"
    d = cell_target(ledger, board, label, 3, TODAY).defaults
    assert (d["kind"], d["party_group_id"], d["host_id"]) == ("党小组会", groups[0], ids["李红梅"])
    # The 党小组会 row itself: the first group still owing that month.
    second = GROUP_ROW_PREFIX + "第二党小组"
    ledger.insert("meetings", {"kind": "党小组会", "date": "2025-03-10", "party_group_id": groups[0]})
    board = compute_dashboard(ledger, data.YEAR, TODAY)
    assert board["grid"][(second, 3)] == "missing"
    d = cell_target(ledger, board, "党小组会", 3, TODAY).defaults
    assert d["party_group_id"] == groups[1] and "host_id" not in d  # the second group has no 组长


def test_lesson_gets_the_secretary_as_lecturer(ledger):
    built, board = _board(ledger)
    assert board["grid"][("党课", 2)] == "missing"
    d = cell_target(ledger, board, "党课", 2, TODAY).defaults
    assert (d["kind"], d["date"], d["lecturer_id"]) == ("党课", "2025-02-15", built["ids"]["王建国"])


def test_done_cell_lists_that_month_not_an_empty_list(ledger):
    _, board = _board(ledger)
    t = cell_target(ledger, board, "主题党日", 3, TODAY)
    assert (t.table, t.page, t.year, t.month, t.filters) == (None, "meetings", data.YEAR, 3, {"kind": "主题党日"})


def test_plan_meeting_action_keeps_its_people_and_period(ledger):
    data.build(ledger)
    rep = evaluate(ledger, data.YEAR, TODAY).to_dict()
    meetings = [a for a in rep["next_star"]["actions"] if a["type"] == "meeting"]
    assert meetings
    for a in meetings:
        t = action_target(ledger, a, TODAY)
        assert t.table == "meetings"
        assert a["from"] <= t.defaults["date"] <= a["by"]
        assert t.defaults["kind"] == a["params"]["meeting_kind"]
        assert t.defaults["attendees"] == a["params"]["attendees"]
        if a["params"].get("party_group_id"):
            assert t.defaults["party_group_id"] == a["params"]["party_group_id"]
    vote = action_target(ledger, {**meetings[0], "params": {**meetings[0]["params"], "needs_vote": True}}, TODAY)
    assert vote.defaults["vote"] == 1


def test_a_rule_leads_to_its_first_action_or_its_page(ledger):
    data.build(ledger)
    rep = evaluate(ledger, data.YEAR, TODAY).to_dict()
    actions = rep["next_star"]["actions"]
    first = next(a for a in actions if a["rule"] == "ACT-THEME-DAY")
    t = rule_target(ledger, rep, "ACT-THEME-DAY", TODAY)
    assert t.table == "meetings" and t.defaults["kind"] == "主题党日"
    assert first["from"] <= t.defaults["date"] <= first["by"]
    # The 整改 item overdue since February can no longer be closed in time: its list.
    assert not any(a["rule"] == "SYS-RECTIFY" for a in actions)
    assert (rule_target(ledger, rep, "SYS-RECTIFY", TODAY).page, rule_target(ledger, rep, "SYS-RECTIFY", TODAY).table) \
        == ("rectifications", None)
    # A 整改 item still open before its deadline: 去办理 closes it, today.
    rid = ledger.insert("rectifications", {"source": "组织生活会", "problem": "谈心谈话不够经常",
                                           "deadline": f"{data.YEAR}-09-30", "status": "整改中"})
    rep2 = evaluate(ledger, data.YEAR, TODAY).to_dict()
    rect = rule_target(ledger, rep2, "SYS-RECTIFY", TODAY)
    assert (rect.table, rect.row_id, rect.defaults) == ("rectifications", rid,
                                                        {"status": "已完成", "closed_on": TODAY.isoformat()})
    assert rule_target(ledger, rep, "ORG-FORM", TODAY).page == "members"
    assert rule_target(ledger, rep, "TEAM-APPRAISAL", TODAY).table == "appraisals"
    brand = rule_target(ledger, rep, "SUP-BRAND", TODAY)
    assert (brand.page, brand.tab) == ("assessment", "checklist")
    # A meeting rule with nothing left to do lists its kind.
    done = {**rep, "next_star": {**rep["next_star"], "actions": []}}
    t = rule_target(ledger, done, "ACT-CONGRESS", TODAY)
    assert (t.page, t.filters) == ("meetings", {"kind": "支部党员大会"})


def test_reminders_lead_to_their_editors(ledger):
    built = data.build(ledger)
    ids, groups = built["ids"], built["groups"]
    got = {r.message: r for r in reminders(ledger, TODAY)}
    theme = next(r for m, r in got.items() if "主题党日" in m)
    t = reminder_target(ledger, {"action": theme.action.to_dict()}, TODAY)
    assert (t.table, t.defaults["kind"], t.defaults["date"]) == ("meetings", "主题党日", TODAY.isoformat())
    group = next(r for m, r in got.items() if m.startswith("第二党小组") and "党小组会" in m)
    t = reminder_target(ledger, {"action": group.action.to_dict()}, TODAY)
    assert (t.defaults["kind"], t.defaults["party_group_id"]) == ("党小组会", groups[1])
    congress = next(r for m, r in got.items() if "支部党员大会" in m and "本季度" in m)
    assert reminder_target(ledger, {"action": congress.action.to_dict()}, TODAY).defaults["kind"] == "支部党员大会"
    overdue = next(r for m, r in got.items() if "理论学习不够系统" in m)
    t = reminder_target(ledger, {"action": overdue.action.to_dict()}, TODAY)
    rect = ledger.query("SELECT id FROM rectifications WHERE problem = '理论学习不够系统'")[0]["id"]
    assert (t.table, t.row_id, t.defaults) == ("rectifications", rect, {"status": "已完成", "closed_on": "2025-06-15"})
    # 周强 applied on 2025-03-03 and had no talk: the step editor for step 2, for him.
    talk = next(r for m, r in got.items() if "周强" in m)
    t = reminder_target(ledger, {"action": talk.action.to_dict()}, TODAY)
    assert (t.table, t.defaults["member_id"], t.defaults["step"]) == ("development_steps", ids["周强"], S.STEP_TALK)
    assert reminder_target(ledger, {"action": None}, TODAY) is None


def test_dashboard_reminders_carry_their_action(ledger):
    today = _dt.date.today()
    data.build(ledger, today.year)
    board = compute_dashboard(ledger, today.year, today)
    assert board["reminders"], "the shell branch has something to remind of this year"
    assert [(r["date"], r["message"]) for r in board["reminders"]] == \
        [(r["date"], r["message"]) for r in board["report"]["reminders"]]
    meeting = [r for r in board["reminders"] if r["action"] and r["action"]["type"] == "meeting"]
    assert meeting and all(reminder_target(ledger, r, today).table == "meetings" for r in meeting)


def test_filtered_list_records_its_kind_and_month(ledger):
    built = data.build(ledger)
    assert list_defaults(ledger, None, None, data.YEAR, None, TODAY) is None
    assert list_defaults(ledger, None, None, data.YEAR, 3, TODAY) == {"date": "2025-03-15"}
    d = list_defaults(ledger, "党小组会", built["groups"][0], data.YEAR, 5, TODAY)
    assert (d["kind"], d["date"], d["party_group_id"]) == ("党小组会", "2025-05-15", built["groups"][0])
    assert list_defaults(ledger, "党课", None, None, None, TODAY)["date"] == TODAY.isoformat()


def test_actions_name_their_people(ledger):
    built = data.build(ledger)
    ids = built["ids"]
    people = [ids["张伟"], ids["刘洋"]]
    t = action_target(ledger, {"type": "training", "from": "2025-07-01", "by": "2025-09-30",
                               "params": {"member_ids": people, "hours": 2.5}}, TODAY)
    assert (t.table, t.defaults["date"], t.defaults["hours"], t.defaults["member_ids"]) == \
        ("trainings", "2025-07-01", 25, people)
    t = action_target(ledger, {"type": "volunteer", "from": "2025-06-01", "by": "2025-06-30",
                               "params": {"member_ids": people, "hours": 2, "activity_kind": "志愿服务"}}, TODAY)
    assert (t.defaults["date"], t.defaults["default_hours"], t.defaults["member_ids"]) == ("2025-06-15", "2", people)
    t = action_target(ledger, {"type": "post", "from": "2025-06-15", "by": "2025-12-31", "params": {"member_ids": people}}, TODAY)
    assert (t.table, t.defaults["established_on"], t.defaults["member_ids"]) == ("pioneer_posts", "2025-06-15", people)
    assert action_target(ledger, {"type": "other", "by": "2025-12-31", "params": {}}, TODAY) is None
