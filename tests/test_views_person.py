"""党员档案 (views.person) on temp-file ledgers written here: each figure is the lower layers'
own answer for one person — the category's changes from the steps, the 25 steps, the year's
组织生活, 学时 against the rule set's target, 志愿服务, posts, dues months, talks, 评议."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dangzhibu_desktop.ledger import steps as S
from dangzhibu_desktop.paths import resource_path
from dangzhibu_desktop.rules import load_rule_set
from dangzhibu_desktop.views import person as P
from tests.rules_support import full_member, meeting, person, rule

TODAY = dt.date(2026, 6, 15)


def _rule_set(tmp_path, **training):
    doc = json.loads(resource_path("rules/default.json").read_text(encoding="utf-8"))
    for basic in doc["basics"]:
        for r in basic["rules"]:
            if r["code"] == "TEAM-TRAINING":
                r["params"].update(training)
    path = tmp_path / "training.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_rule_set(path)


def test_category_over_time_follows_the_steps(ledger):
    """Applicant → 积极分子 → 发展对象 → 预备党员, a probation extended at step 23 (still 预备),
    then 转正: one change per category, on the step's date; steps on the same category add none."""
    mid = person(ledger, "张晓红", [
        (1, "2022-03-01"), (2, "2022-03-20"), (3, "2022-09-01"), (5, "2022-09-05"), (7, "2023-10-10"),
        (15, "2024-01-12"), (23, "2025-01-15", {"outcome": "延长预备期"}),
        (23, "2025-07-20", {"outcome": "按期转正"}), (24, "2025-08-01")])
    f = P.person_file(ledger, mid, 2026, TODAY)
    assert f.categories == [("2022-03-01", "入党申请人"), ("2022-09-01", "入党积极分子"),
                            ("2023-10-10", "发展对象"), ("2024-01-12", "预备党员"), ("2025-07-20", "正式党员")]
    assert f.category == "正式党员" and f.admitted_on == "2024-01-12" and f.full_since == "2025-07-20"
    assert f.standing_years == 0  # 党龄 from 转正: not a whole year on 15 June 2026
    assert len(f.steps) == 25 and [s["number"] for s in f.steps] == list(range(1, 26))
    done = {s["number"]: s for s in f.steps if s["done"]}
    assert sorted(done) == [1, 2, 3, 5, 7, 15, 23, 24]
    assert done[23]["dates"] == ["2025-01-15", "2025-07-20"] and done[23]["outcome"] == "延长预备期、按期转正"
    assert done[15]["name"] == S.CATALOGUE[15].name and done[15]["stage"] == "预备党员接收"
    assert f.next_step["number"] == 25


def test_cancelled_probation_shows_no_category_from_that_day(ledger):
    mid = person(ledger, "李四", [(1, "2020-01-01"), (3, "2020-06-01"), (7, "2021-07-01"), (15, "2022-01-10"),
                                 (23, "2023-01-20", {"outcome": "取消预备党员资格"})])
    f = P.person_file(ledger, mid, 2026, TODAY)
    assert f.categories[-2:] == [("2022-01-10", "预备党员"), ("2023-01-20", None)]
    assert f.category is None and f.next_step is None


def test_meetings_of_the_chosen_year_by_status(ledger):
    me = full_member(ledger, "王芳")
    other = full_member(ledger, "赵强")
    meeting(ledger, "支部党员大会", "2026-01-10", {me: "出席", other: "出席"}, topic="学习党章")
    meeting(ledger, "党课", "2026-03-05", {me: "请假", other: "出席"})
    ledger.update("attendance", ledger.rows("attendance", "status = '请假'")[0]["id"], {"reason": "出差"})
    meeting(ledger, "支部党员大会", "2026-04-10", {me: "缺席", other: "出席"})
    meeting(ledger, "支部党员大会", "2025-12-20", {me: "出席"})  # last year
    gone = meeting(ledger, "党课", "2026-05-05", {me: "出席"})
    ledger.delete("meetings", gone)  # in the 回收站: not counted
    meeting(ledger, "支部委员会", "2026-05-20", {other: "出席"})  # she was not expected

    f = P.person_file(ledger, me, 2026, TODAY)
    assert f.attendance == {"出席": 1, "请假": 1, "缺席": 1}
    assert [(r["date"], r["status"], r["reason"]) for r in f.meetings] == [
        ("2026-01-10", "出席", None), ("2026-03-05", "请假", "出差"), ("2026-04-10", "缺席", None)]
    assert f.meetings[0]["topic"] == "学习党章"
    assert P.person_file(ledger, me, 2025, TODAY).attendance == {"出席": 1, "请假": 0, "缺席": 0}


def test_training_hours_against_the_rule_sets_target(ledger, tmp_path):
    """The target is the rule set's (委员: committee_hours), the hours only the rule's kinds; the
    TEAM-TRAINING rule names the same two figures for her; another rule set moves the target."""
    ledger.save_branch({"name": "测试党支部"})
    me = full_member(ledger, "陈静")
    ledger.insert("committee_roles", {"member_id": me, "role": "组织委员", "start_date": "2024-01-01"})
    counted = ledger.insert("trainings", {"date": "2026-03-20", "title": "专题辅导", "hours": 80,
                                          "kind": "专题辅导"})
    ledger.insert("training_attendance", {"training_id": counted, "member_id": me, "hours": 80})
    other_kind = ledger.insert("trainings", {"date": "2026-04-20", "title": "观看纪录片", "hours": 20,
                                             "kind": "其他"})
    ledger.insert("training_attendance", {"training_id": other_kind, "member_id": me, "hours": 20})

    rs = load_rule_set()
    f = P.person_file(ledger, me, 2026, dt.date(2026, 12, 31))
    assert f.training.committee and f.training.need == float(rs.params("TEAM-TRAINING")["committee_hours"])
    assert f.training.have == 80 and f.training.met is False
    assert [(r["title"], r["counted"]) for r in f.trainings] == [("专题辅导", True), ("观看纪录片", False)]
    evidence = rule(ledger, "TEAM-TRAINING", 2026).evidence
    assert f"陈静：8/{f.training.need:g}学时" in evidence

    low = _rule_set(tmp_path, committee_hours=6, training_kinds=[])
    f = P.person_file(ledger, me, 2026, dt.date(2026, 12, 31), rule_set=low)
    assert (f.training.need, f.training.have, f.training.met) == (6.0, 100, True)  # every kind counts


def test_training_target_pro_rata_and_none_for_an_applicant(ledger):
    moved = full_member(ledger, "转入者")
    ledger.update("members", moved, {"joined_branch_on": "2026-07-02"})
    applicant = person(ledger, "申请人", [(1, "2026-02-01")])
    f = P.person_file(ledger, moved, 2026, dt.date(2026, 12, 31))
    base = float(load_rule_set().params("TEAM-TRAINING")["member_hours"])
    assert f.training.pro_rata and f.training.need == round(base * 183 / 365, 1)
    a = P.person_file(ledger, applicant, 2026, dt.date(2026, 12, 31))
    assert a.training.need is None and a.training.met is None


def test_volunteer_hours_posts_and_roles(ledger):
    me = full_member(ledger, "刘洋")
    act = ledger.insert("volunteer_activities", {"date": "2026-03-05", "title": "学雷锋社区服务",
                                                 "kind": "志愿服务"})
    ledger.insert("volunteer_hours", {"activity_id": act, "member_id": me, "hours": 25})
    act2 = ledger.insert("volunteer_activities", {"date": "2026-05-01", "title": "清洁家园", "kind": "志愿服务"})
    ledger.insert("volunteer_hours", {"activity_id": act2, "member_id": me, "hours": 30})
    old = ledger.insert("volunteer_activities", {"date": "2025-05-01", "title": "去年", "kind": "志愿服务"})
    ledger.insert("volunteer_hours", {"activity_id": old, "member_id": me, "hours": 40})
    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "调度先锋岗", "established_on": "2024-03-01"})
    ledger.replace_children("post_members", post, [{"member_id": me, "role": "岗长"}])
    ledger.insert("committee_roles", {"member_id": me, "role": "宣传委员", "start_date": "2021-06-01",
                                      "end_date": "2024-05-31"})
    group = ledger.insert("party_groups", {"name": "第一党小组", "leader_id": me})
    ledger.update("members", me, {"party_group_id": group})

    f = P.person_file(ledger, me, 2026, TODAY)
    assert f.volunteer_hours == 55 and [r["title"] for r in f.volunteer] == ["学雷锋社区服务", "清洁家园"]
    assert [(p["name"], p["role"], p["since"]) for p in f.posts] == [("调度先锋岗", "岗长", "2024-03-01")]
    assert f.roles == [{"role": "宣传委员", "start": "2021-06-01", "end": "2024-05-31"},
                       {"role": "第一党小组组长", "start": None, "end": None}]
    assert f.member["group_name"] == "第一党小组"


def test_dues_months_as_the_rule_reads_them(ledger):
    """Owed from the month after she transferred in, paid or not as of the day, June not over;
    the lapse is the rule's own words."""
    me = full_member(ledger, "周敏")
    ledger.update("members", me, {"joined_branch_on": "2025-08-15"})
    for month in ("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"):
        ledger.insert("dues", {"member_id": me, "month": month, "amount_due": 1000, "amount_paid": 0})
    ledger.insert("dues", {"member_id": me, "month": "2026-04", "amount_due": 1000, "amount_paid": 1000,
                           "paid_on": "2026-04-20"})
    ledger.insert("dues", {"member_id": me, "month": "2026-05", "amount_due": 1000, "amount_paid": 1000,
                           "paid_on": "2026-06-20"})  # paid after the as-of day: unpaid on it
    f = P.person_file(ledger, me, 2026, TODAY)
    states = {r["month"]: r["state"] for r in f.dues}
    assert [states[f"2026-{m:02d}"] for m in range(1, 7)] == [P.DUES_UNPAID] * 3 + [
        P.DUES_PAID, P.DUES_UNPAID, P.DUES_OPEN]
    assert f.dues_paid_months == ["2026-04"]
    assert f.dues_unpaid_months == ["2026-01", "2026-02", "2026-03", "2026-05"]
    assert f.dues[3]["due"] == 1000 and f.dues[3]["paid_on"] == "2026-04-20"
    assert f.lapse_months == 6 and f.dues_lapse == "自2025-09至2026-02连续6个月未交纳党费"
    # Last year: nothing owed before she arrived (August: transferred in mid-month).
    last = {r["month"]: r["state"] for r in P.person_file(ledger, me, 2025, TODAY).dues}
    assert last["2025-08"] == P.DUES_NOT_OWED and last["2025-09"] == P.DUES_UNPAID


def test_talks_both_ways_appraisals_and_years(ledger):
    me = full_member(ledger, "吴刚")
    sec = full_member(ledger, "书记甲")
    ledger.insert("talks", {"date": "2026-03-01", "talker_id": sec, "member_id": me, "topic": "思想汇报"})
    ledger.insert("talks", {"date": "2024-11-01", "talker_id": me, "person_name": "外单位人员", "topic": "入党动机"})
    third = full_member(ledger, "第三人")
    ledger.insert("talks", {"date": "2026-04-01", "talker_id": sec, "member_id": third, "topic": "别人的"})
    ledger.insert("appraisals", {"year": 2024, "member_id": me, "rating": "合格"})
    ledger.insert("appraisals", {"year": 2025, "member_id": me, "rating": "优秀"})
    f = P.person_file(ledger, me, 2026, TODAY)
    assert [(t["date"], t["role"], t["other"]) for t in f.talks] == [
        ("2026-03-01", "谈话对象", "书记甲"), ("2024-11-01", "谈话人", "外单位人员")]
    assert f.appraisals == [{"year": 2025, "rating": "优秀"}, {"year": 2024, "rating": "合格"}]
    assert f.years == list(range(2026, 2008, -1))  # from 2009 (step 15) to this year, none left out


def test_a_person_in_the_recycle_bin_has_no_file(ledger):
    me = full_member(ledger, "已删除")
    ledger.delete("members", me)
    with pytest.raises(KeyError):
        P.person_file(ledger, me, 2026, TODAY)


def test_category_changes_is_derive_category_at_each_step():
    steps = [{"step": 1, "date": "2020-01-01"}, {"step": 2, "date": "2020-02-01"},
             {"step": 3, "date": "2020-06-01"}, {"step": 3, "date": "bad"}]
    assert S.category_changes(steps) == [(dt.date(2020, 1, 1), "入党申请人"), (dt.date(2020, 6, 1), "入党积极分子")]
    assert S.category_changes([]) == []


def test_records_typed_ahead_are_listed_not_counted(ledger):
    """On 15 June a meeting, a training and an activity dated in July are in the file, marked
    ``ahead``, and in no count — the 学时 rule leaves the training out too."""
    me = full_member(ledger, "郑好")
    meeting(ledger, "党课", "2026-05-05", {me: "出席"})
    meeting(ledger, "党课", "2026-07-05", {me: "出席"})
    for day in ("2026-05-20", "2026-07-20"):
        t = ledger.insert("trainings", {"date": day, "title": f"培训{day}", "hours": 40, "kind": "集中培训"})
        ledger.insert("training_attendance", {"training_id": t, "member_id": me, "hours": 40})
        a = ledger.insert("volunteer_activities", {"date": day, "title": f"活动{day}", "kind": "志愿服务"})
        ledger.insert("volunteer_hours", {"activity_id": a, "member_id": me, "hours": 20})
    f = P.person_file(ledger, me, 2026, TODAY)
    assert [r["ahead"] for r in f.meetings] == [False, True] and f.attendance["出席"] == 1
    assert [(r["counted"], r["ahead"]) for r in f.trainings] == [(True, False), (False, True)]
    assert f.training.have == 40
    assert [r["ahead"] for r in f.volunteer] == [False, True] and f.volunteer_hours == 20
    year_end = P.person_file(ledger, me, 2026, dt.date(2027, 1, 5))  # the year over: all of it
    assert year_end.attendance["出席"] == 2 and year_end.training.have == 80 and year_end.volunteer_hours == 40


def test_the_transfers_of_the_person(ledger):
    me = full_member(ledger, "钱进")
    other = full_member(ledger, "孙退")
    ledger.insert("transfers", {"member_id": me, "direction": "转入", "date": "2024-03-01", "other_org": "某厂党支部"})
    ledger.insert("transfers", {"member_id": other, "direction": "转出", "date": "2025-03-01"})
    ledger.insert("transfers", {"member_id": me, "direction": "转出", "date": "2026-05-01", "other_org": "某局机关党支部"})
    f = P.person_file(ledger, me, 2026, TODAY)
    assert [(t["date"], t["direction"], t["other_org"]) for t in f.transfers] == [
        ("2024-03-01", "转入", "某厂党支部"), ("2026-05-01", "转出", "某局机关党支部")]
