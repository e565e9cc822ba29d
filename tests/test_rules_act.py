"""基本活动 rules (三会一课, 主题党日, 组织生活会, attendance, records, quorum) and the meeting grid."""

import copy
import datetime as dt

from dangzhibu_desktop.rules import evaluate, group_meeting_grid, load_rule_set, meeting_grid
from dangzhibu_desktop.rules.model import Action
from tests.rules_support import D, full_member, meeting, person, rule


def test_congress_every_quarter_is_a_veto(ledger):
    for q in (1, 2, 4):
        meeting(ledger, "支部党员大会", f"2025-{3 * q:02d}-15")
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    r = report.rule("ACT-CONGRESS")
    assert r.status == "未达标" and r.evidence == ["第三季度未召开支部党员大会"] and r.measured == "3/4"
    assert not report.standard_met


def test_mid_year_as_of_leaves_future_months_pending(ledger):
    for m in range(1, 7):
        meeting(ledger, "主题党日", f"2025-{m:02d}-08")
    meeting(ledger, "支部党员大会", "2025-02-10")
    meeting(ledger, "支部党员大会", "2025-05-10")
    report = evaluate(ledger, 2025, D(2025, 7, 15))
    theme = report.rule("ACT-THEME-DAY")
    assert theme.status == "待到期" and theme.measured == "6/6"
    # One meeting action per open month, July (from the as-of day) to December, by its last day.
    assert [a.by for a in theme.fix.actions] == [D(2025, m + 1, 1) - dt.timedelta(days=1) for m in range(7, 12)] + [D(2025, 12, 31)]
    assert theme.fix.actions[0].start == D(2025, 7, 15) and theme.fix.texts[0] == "7月31日前开展1次主题党日"
    assert theme.fix.actions[0].params["meeting_kind"] == "主题党日"
    assert report.rule("ACT-CONGRESS").status == "待到期"
    grid = meeting_grid(ledger, 2025, D(2025, 7, 15))
    assert [grid[("主题党日", m)] for m in (6, 7, 8)] == ["done", "pending", "pending"]
    assert grid[("支部党员大会", 3)] == "n/a" and grid[("支部党员大会", 2)] == "done"
    assert grid[("支部党员大会", 9)] == "pending"
    # A missed month that is over is 未达标 even mid-year.
    assert rule(ledger, "ACT-THEME-DAY", as_of=D(2025, 8, 1)).status == "未达标"
    assert meeting_grid(ledger, 2025, D(2025, 8, 1))[("主题党日", 7)] == "missing"


def test_committee_meetings_monthly_where_a_committee_exists(ledger):
    ids = [full_member(ledger, f"委员{i}") for i in range(3)]
    for mid, role in zip(ids, ("书记", "组织委员", "宣传委员")):
        ledger.insert("committee_roles", {"member_id": mid, "role": role, "start_date": "2024-01-01"})
    for m in range(1, 13):
        if m != 8:
            meeting(ledger, "支部委员会", f"2025-{m:02d}-03")
    r = rule(ledger, "ACT-COMMITTEE")
    assert r.status == "未达标" and r.evidence == ["8月未召开支部委员会"]
    assert meeting_grid(ledger, 2025)[("支部委员会", 8)] == "missing"


def test_group_meetings_per_group(ledger):
    g1 = ledger.insert("party_groups", {"name": "第一党小组"})
    g2 = ledger.insert("party_groups", {"name": "第二党小组"})
    for m in range(1, 13):
        meeting(ledger, "党小组会", f"2025-{m:02d}-06", party_group_id=g1)
        if m != 4:
            meeting(ledger, "党小组会", f"2025-{m:02d}-07", party_group_id=g2)
    r = rule(ledger, "ACT-GROUP")
    assert r.status == "未达标" and r.evidence == ["第二党小组4月未召开党小组会"]
    per_group = group_meeting_grid(ledger, 2025)
    assert per_group[(g1, 4)] == "done" and per_group[(g2, 4)] == "missing"
    assert meeting_grid(ledger, 2025)[("党小组会", 4)] == "missing"


def test_no_groups_means_group_meetings_not_applicable(ledger):
    assert rule(ledger, "ACT-GROUP").status == "不适用"
    assert meeting_grid(ledger, 2025)[("党小组会", 1)] == "n/a"


def test_lessons_quarterly_and_secretary_gives_one(ledger):
    sec = full_member(ledger, "书记")
    other = full_member(ledger, "讲师")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01"})
    for q in range(1, 5):
        meeting(ledger, "党课", f"2025-{3 * q:02d}-20", lecturer_id=other)
    r = rule(ledger, "ACT-LESSON")
    assert r.status == "未达标" and "书记书记本年度未讲党课" in r.message
    mid_year = rule(ledger, "ACT-LESSON", as_of=D(2025, 9, 30))
    assert mid_year.status == "待到期" and any("书记" in a for a in mid_year.fix.texts)
    meeting(ledger, "党课", "2025-11-20", lecturer_id=sec)
    assert rule(ledger, "ACT-LESSON").status == "达标"


def test_secretary_lesson_rides_on_the_quarters_still_open(ledger):
    sec = full_member(ledger, "书记")
    other = full_member(ledger, "讲师")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01"})
    for q in range(1, 3):
        meeting(ledger, "党课", f"2025-{3 * q:02d}-20", lecturer_id=other)
    r = rule(ledger, "ACT-LESSON", as_of=D(2025, 7, 15))
    assert r.status == "待到期" and r.message.endswith("；书记书记尚未讲党课")
    # One of the two lessons still due is given by the 书记: the last one.
    lessons = r.fix.actions
    assert [a.params["lecturer_id"] for a in lessons] == [None, sec]
    assert lessons[-1].text == "12月31日前开展1次党课（由书记书记主讲）"


def test_secretary_who_left_during_the_year(ledger):
    """The 书记 of the spring left the post in June and nobody holds it: the rule says so, and
    does not break."""
    sec = full_member(ledger, "前书记")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01",
                                      "end_date": "2025-06-30"})
    for q in range(1, 3):
        meeting(ledger, "党课", f"2025-{3 * q:02d}-20")
    r = rule(ledger, "ACT-LESSON", as_of=D(2025, 7, 15))
    assert r.status == "待到期" and "书记前书记本年度未讲党课" in r.evidence
    assert all(a.params["lecturer_id"] is None for a in r.fix.actions)


def test_life_meeting_once_a_year(ledger):
    assert rule(ledger, "ACT-LIFE-MEETING", as_of=D(2025, 10, 1)).status == "待到期"
    assert rule(ledger, "ACT-LIFE-MEETING").status == "未达标"
    meeting(ledger, "组织生活会", "2025-02-10")
    assert rule(ledger, "ACT-LIFE-MEETING").status == "达标"


def test_attendance_rate_over_three_meetings_one_lesson(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(10)]
    present = {i: "出席" for i in ids}
    meeting(ledger, "支部党员大会", "2025-03-01", present)
    meeting(ledger, "党课", "2025-04-01", {**present, ids[0]: "请假", ids[1]: "缺席", ids[2]: "缺席"})
    meeting(ledger, "主题党日", "2025-05-01", {i: "缺席" for i in ids})  # not 三会一课
    r = rule(ledger, "ACT-ATTENDANCE")
    assert r.status == "未达标" and r.measured == "85%"
    assert "应到10人，实到7人" in r.evidence[0]
    meeting(ledger, "支部党员大会", "2025-06-01", present)
    assert rule(ledger, "ACT-ATTENDANCE").measured == "90%"
    assert rule(ledger, "ACT-ATTENDANCE").status == "达标"


def test_records_need_host_recorder_topic_content(ledger):
    host = full_member(ledger, "主持人")
    meeting(ledger, "支部党员大会", "2025-03-01", host_id=host, recorder_id=host)
    assert rule(ledger, "ACT-RECORDS").status == "达标"
    meeting(ledger, "主题党日", "2025-04-01", host_id=host, content="")
    r = rule(ledger, "ACT-RECORDS")
    assert r.status == "未达标" and r.measured == "50%"
    assert r.evidence == ["2025-04-01主题党日：缺记录人、会议记录"]


def test_records_plan_credit_at_exactly_the_minimum_share(ledger):
    # min_share is 1.0: no meeting yet (不适用), the plan's meetings recorded in full reach
    # exactly 100 % — 达标, not a hair short; an empty plan holds nothing to count.
    r = rule(ledger, "ACT-RECORDS", as_of=D(2025, 1, 10))
    assert r.status == "不适用"
    plan = [Action("meeting", D(2025, 3, 31), "召开支部党员大会", {"meeting_kind": "支部党员大会"})]
    assert r.fix.after(plan) == 1.0 and r.fix.after([]) == 0.0
    # One of two meetings lacks its 记录人: two more meetings in full make 3/4, still short.
    host = full_member(ledger, "主持人")
    meeting(ledger, "支部党员大会", "2025-01-05", host_id=host, recorder_id=host)
    meeting(ledger, "党课", "2025-01-08", host_id=host)
    r = rule(ledger, "ACT-RECORDS", as_of=D(2025, 1, 10))
    assert r.status == "未达标" and r.fix.after(plan * 2) == 0.0
    # Under a rule set asking for 50 %: both meetings incomplete, two more in full make 2/4.
    rs = copy.deepcopy(load_rule_set(None))
    next(s for b in rs.basics for s in b.rules if s.code == "ACT-RECORDS").params["min_share"] = 0.5
    ledger.update("meetings", ledger.rows("meetings", "kind = ?", ("支部党员大会",))[0]["id"], {"recorder_id": None})
    r = rule(ledger, "ACT-RECORDS", as_of=D(2025, 1, 10), rule_set=rs)
    assert r.status == "未达标" and r.fix.after(plan * 2) == 1.0 and r.fix.after(plan) == 0.0


def test_quorum_counts_full_members_only(ledger):
    full = [full_member(ledger, f"正式{i}") for i in range(4)]
    prob = [person(ledger, f"预备{i}", {15: "2025-01-05"}) for i in range(3)]
    # 2 of 4 voting members present (the 预备党员 do not vote): not more than half.
    meeting(ledger, "支部党员大会", "2025-06-01", {full[0]: "出席", full[1]: "出席", full[2]: "缺席",
                                                 full[3]: "请假", **{p: "出席" for p in prob}}, vote=1)
    r = rule(ledger, "ACT-QUORUM")
    assert r.status == "未达标" and "有表决权的正式党员4名，到会2名" in r.evidence[0]
    meeting(ledger, "支部党员大会", "2025-09-01", {f: "出席" for f in full[:3]}, vote=1)
    assert rule(ledger, "ACT-QUORUM").measured == "1/2"


def test_quorum_without_votes_not_applicable(ledger):
    meeting(ledger, "支部党员大会", "2025-06-01")
    assert rule(ledger, "ACT-QUORUM").status == "不适用"


def test_a_meeting_at_exactly_ninety_percent_is_not_listed_as_low(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(10)]
    meeting(ledger, "支部党员大会", "2025-03-01", {**{i: "出席" for i in ids}, ids[9]: "缺席"})
    meeting(ledger, "党课", "2025-04-01", {**{i: "出席" for i in ids}, ids[8]: "缺席", ids[9]: "缺席"})
    r = rule(ledger, "ACT-ATTENDANCE")
    assert r.measured == "85%" and len(r.evidence) == 1 and r.evidence[0].startswith("2025-04-01党课：应到10人，实到8人")


def test_a_vote_without_attendance_names_its_topic(ledger):
    full_member(ledger, "正式")
    meeting(ledger, "支部党员大会", "2025-06-01", vote=1, topic="讨论接收预备党员")
    r = rule(ledger, "ACT-QUORUM")
    assert r.status == "预警" and r.evidence == ["2025-06-01讨论接收预备党员：有表决事项但未登记出勤"]


def test_a_meeting_everyone_missed_is_recorded_not_unrecorded(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(4)]
    meeting(ledger, "支部党员大会", "2025-03-01", {i: "缺席" for i in ids})
    r = rule(ledger, "ACT-ATTENDANCE")
    assert r.measured == "0%" and not any("未登记出勤" in e for e in r.evidence)


def test_secretary_who_left_without_a_lesson_fails_at_year_end(ledger):
    sec = full_member(ledger, "前书记")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01",
                                      "end_date": "2025-06-30"})
    for q in range(1, 5):
        meeting(ledger, "党课", f"2025-{3 * q:02d}-20")
    r = rule(ledger, "ACT-LESSON")
    assert r.status == "未达标" and r.message == "书记前书记本年度未讲党课" and r.fix is None
