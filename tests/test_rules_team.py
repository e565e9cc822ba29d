"""基本队伍 rules and the 发展党员 step intervals."""

import copy

from dangzhibu_desktop.rules import evaluate, load_rule_set
from tests.rules_support import D, full_member, meeting, person, rule

DEV_RULES = ("TEAM-DEV-AGE", "TEAM-DEV-TALK", "TEAM-DEV-CULTIVATE", "TEAM-DEV-REVIEW", "TEAM-DEV-TRAIN",
             "TEAM-DEV-INTRODUCERS", "TEAM-DEV-APPROVE", "TEAM-PROBATION")


def test_old_membership_history_is_not_punished(ledger):
    """A 正式党员 whose only steps are 15 and 23 (decades ago) has no development failures."""
    full_member(ledger, "老党员", since="1990-06-01")
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert {c: report.rule(c).status for c in DEV_RULES} == {c: "不适用" for c in DEV_RULES}


def test_reserve_needs_an_activist_or_candidate(ledger):
    person(ledger, "申请人", {1: "2025-03-01", 2: "2025-03-10"})
    r = rule(ledger, "TEAM-RESERVE")
    assert r.status == "未达标" and r.measured == 0
    person(ledger, "积极分子", {1: "2024-01-01", 2: "2024-01-10", 3: "2024-06-01"})
    r = rule(ledger, "TEAM-RESERVE")
    assert r.status == "达标" and r.evidence == ["积极分子（入党积极分子）"]


def test_applicant_under_18_fails(ledger):
    person(ledger, "少年", {1: "2025-05-01"}, birth_date="2007-05-02")
    r = rule(ledger, "TEAM-DEV-AGE")
    assert r.status == "未达标" and "少年" in r.evidence[0]
    assert r.kind == "否定"
    # Lawful side: applying on the 18th birthday; the message counts the applicants judged.
    person(ledger, "成年", {1: "2025-06-01"}, birth_date="2007-06-01")
    ledger.update("members", ledger.rows("members", "name = ?", ("少年",))[0]["id"], {"birth_date": "2007-04-30"})
    r = rule(ledger, "TEAM-DEV-AGE")
    assert r.status == "达标" and r.message == "本年度2名入党申请人均已年满18周岁"


def test_applicant_born_29_february_turns_18_on_28_february(ledger):
    person(ledger, "闰日生", {1: "2026-02-28"}, birth_date="2008-02-29")
    person(ledger, "差一天", {1: "2026-02-27"}, birth_date="2008-02-29")
    r = rule(ledger, "TEAM-DEV-AGE", year=2026, as_of=D(2026, 3, 31))
    assert r.status == "未达标"
    assert len(r.evidence) == 1 and "差一天" in r.evidence[0]
    assert r.measured == "1/2"


def test_applicant_without_birth_date_is_a_warning(ledger):
    person(ledger, "无生日", {1: "2025-05-01"})
    assert rule(ledger, "TEAM-DEV-AGE").status == "预警"


def test_talk_within_one_calendar_month(ledger):
    """RULES.md: within one calendar month — 03-01 → by 04-01 (31 days) is on time; 04-02 is late;
    01-31 → by 02-28."""
    person(ledger, "按时", {1: "2025-03-01", 2: "2025-04-01"})
    person(ledger, "月末", {1: "2025-01-31", 2: "2025-02-28"})
    assert rule(ledger, "TEAM-DEV-TALK").status == "达标"
    person(ledger, "迟了", {1: "2025-03-01", 2: "2025-04-02"})
    r = rule(ledger, "TEAM-DEV-TALK")
    assert r.status == "未达标" and "32天" in r.evidence[0] and "时限2025-04-01" in r.evidence[0]


def test_talk_not_yet_due_is_pending(ledger):
    person(ledger, "新申请", {1: "2025-06-20"})
    r = rule(ledger, "TEAM-DEV-TALK", as_of=D(2025, 7, 1))
    assert r.status == "待到期" and "2025-07-20" in r.evidence[0]
    assert rule(ledger, "TEAM-DEV-TALK", as_of=D(2025, 8, 1)).status == "未达标"


def test_activist_made_candidate_after_eleven_months_fails(ledger):
    person(ledger, "急于发展", {1: "2024-01-05", 2: "2024-01-20", 3: "2024-03-01", 7: "2025-02-01"})
    r = rule(ledger, "TEAM-DEV-CULTIVATE")
    assert r.status == "未达标"
    assert "11个月" in r.evidence[0]
    person(ledger, "满一年", {3: "2024-03-01", 7: "2025-03-01"})
    r = rule(ledger, "TEAM-DEV-CULTIVATE")
    assert r.status == "未达标" and r.measured == "1/2" and len(r.evidence) == 1


def test_half_year_reviews(ledger):
    mid = person(ledger, "积极分子", {3: "2024-09-01", 6: "2025-02-20"})
    r = rule(ledger, "TEAM-DEV-REVIEW", as_of=D(2025, 6, 30))
    # The first half-year was reviewed, the second (due 2025-09-01) is still ahead: at risk, not safe.
    assert r.status == "待到期" and "应于2025-09-01前后" in r.evidence[0] and r.fix is not None
    assert rule(ledger, "TEAM-DEV-REVIEW", as_of=D(2025, 2, 25)).status == "待到期"
    # The window 2025-03-01 … 2025-09-01 has no review: failed once its grace has passed.
    r = rule(ledger, "TEAM-DEV-REVIEW", as_of=D(2025, 10, 15))
    assert r.status == "未达标" and "2025-03-01至2025-09-01" in r.evidence[0]
    ledger.insert("development_steps", {"member_id": mid, "step": 6, "date": "2025-08-25"})
    assert rule(ledger, "TEAM-DEV-REVIEW", as_of=D(2025, 10, 15)).status == "达标"


def test_half_year_review_ahead_starts_the_day_after_its_window_opens(ledger):
    # 积极分子 since 2024-12-01, seen on 2025-03-01: the review of 2024-12-01 … 2025-06-01 can be
    # done from today; the next window's review only from 2025-06-02 (one on 06-01 counts for
    # the first window, not the second).
    person(ledger, "积极分子", {3: "2024-12-01"})
    r = rule(ledger, "TEAM-DEV-REVIEW", as_of=D(2025, 3, 1))
    assert r.status == "待到期"
    assert [a.start for a in r.fix.actions] == [D(2025, 3, 1), D(2025, 6, 2)]


def test_candidate_training_before_admission(ledger):
    intro = [full_member(ledger, n) for n in ("介绍人甲", "介绍人乙")]
    assert intro
    person(ledger, "未培训", {3: "2023-01-01", 7: "2024-03-01", 15: "2025-04-01"})
    person(ledger, "培训过", [(3, "2023-01-01"), (7, "2024-03-01"), (11, "2025-01-10", {"note": "党校培训3天"}),
                           (15, "2025-04-01")])
    r = rule(ledger, "TEAM-DEV-TRAIN")
    assert r.status == "未达标" and r.measured == "1/2" and "未培训" in r.evidence[0]
    person(ledger, "学时不够", [(11, "2025-01-10", {"note": "集中学习16学时"}), (15, "2025-04-01")])
    assert any("学时不够" in e and "16学时" in e for e in rule(ledger, "TEAM-DEV-TRAIN").evidence)


def test_candidate_training_note_never_reads_a_date(ledger):
    """RULES.md TEAM-DEV-TRAIN: N天 / N学时 from the note, never the 日 of a date."""
    person(ledger, "三天", [(11, "2025-04-20", {"note": "4月20日至22日在区委党校集中培训3天"}), (15, "2025-06-01")])
    person(ledger, "工作日", [(11, "2025-04-20", {"note": "集中培训3个工作日"}), (15, "2025-06-01")])
    r = rule(ledger, "TEAM-DEV-TRAIN")
    assert r.status == "达标" and r.evidence == ["三天：集中培训3天", "工作日：集中培训3天"]
    person(ledger, "日期", [(11, "2025-04-20", {"note": "2025年4月20日参加党校培训"}), (15, "2025-06-01")])
    r = rule(ledger, "TEAM-DEV-TRAIN")
    assert r.status == "预警" and r.evidence == ["日期的集中培训未注明天数或学时"]


def test_candidate_training_counted_from_training_attendance(ledger):
    mid = person(ledger, "参训", [(11, "2025-02-01"), (15, "2025-04-01")])
    t = ledger.insert("trainings", {"date": "2025-02-01", "title": "发展对象培训班", "hours": 240, "kind": "党校培训"})
    ledger.replace_children("training_attendance", t, [{"member_id": mid, "hours": 240}])
    assert rule(ledger, "TEAM-DEV-TRAIN").status == "达标"


def test_introducers_two_full_members(ledger):
    full_member(ledger, "张正式")
    person(ledger, "李预备", {15: "2024-10-01"})
    person(ledger, "新人甲", [(9, "2025-02-01", {"persons": "张正式、王外单位"}), (15, "2025-05-01")])
    assert rule(ledger, "TEAM-DEV-INTRODUCERS").status == "达标"
    person(ledger, "新人乙", [(9, "2025-02-01", {"persons": "张正式、李预备"}), (15, "2025-05-01")])
    r = rule(ledger, "TEAM-DEV-INTRODUCERS")
    assert r.status == "未达标" and "李预备" in r.evidence[0] and "不是正式党员" in r.evidence[0]
    person(ledger, "新人丙", [(9, "2025-02-01", {"persons": "张正式"}), (15, "2025-05-01")])
    assert sum("应为2名" in e for e in rule(ledger, "TEAM-DEV-INTRODUCERS").evidence) == 1


def test_steps_taken_before_transferring_in_are_not_judged(ledger):
    """Admitted elsewhere in March, transferred in in June: this branch did not run that
    admission, so missing training and introducers are not its failures."""
    person(ledger, "转入预备", {15: "2025-03-01"}, joined_branch_on="2025-06-01")
    assert rule(ledger, "TEAM-DEV-TRAIN").status != "未达标"
    assert rule(ledger, "TEAM-DEV-INTRODUCERS").status != "未达标"
    person(ledger, "本支部接收", {15: "2025-07-01"}, joined_branch_on="2025-06-01")
    assert rule(ledger, "TEAM-DEV-TRAIN").status == "未达标"
    assert "转入预备" not in " ".join(rule(ledger, "TEAM-DEV-TRAIN").evidence)


def test_approval_within_three_months(ledger):
    person(ledger, "及时", {15: "2025-02-01", 17: "2025-04-20"})
    assert rule(ledger, "TEAM-DEV-APPROVE").status == "达标"
    person(ledger, "稍晚", {15: "2025-02-01", 17: "2025-06-01"})
    assert rule(ledger, "TEAM-DEV-APPROVE").status == "预警"
    person(ledger, "未批", {15: "2025-03-01"})
    r = rule(ledger, "TEAM-DEV-APPROVE")
    assert r.status == "未达标" and any("未批" in e for e in r.evidence)


def test_approval_boundaries_three_and_six_months(ledger):
    """Approval within 3 months (max 6): waiting exactly 3 months is still 待到期, a day more 预警;
    6 months to the day is 预警, a day more 未达标."""
    person(ledger, "待批", {15: "2025-02-01"})
    assert rule(ledger, "TEAM-DEV-APPROVE", as_of=D(2025, 5, 1)).status == "待到期"
    assert rule(ledger, "TEAM-DEV-APPROVE", as_of=D(2025, 5, 2)).status == "预警"
    assert rule(ledger, "TEAM-DEV-APPROVE", as_of=D(2025, 8, 1)).status == "预警"
    assert rule(ledger, "TEAM-DEV-APPROVE", as_of=D(2025, 8, 2)).status == "未达标"
    plan = rule(ledger, "TEAM-DEV-APPROVE", as_of=D(2025, 4, 1)).fix.actions
    assert [(a.type, a.params["step"], a.by) for a in plan] == [("step", 17, D(2025, 5, 1))]


def test_probation_deadline_day_is_still_due(ledger):
    person(ledger, "预备党员", {15: "2024-05-10", 17: "2024-06-20"})
    on_day = rule(ledger, "TEAM-PROBATION", as_of=D(2025, 5, 10))
    assert on_day.status == "待到期" and on_day.evidence == ["预备党员预备期将于2025-05-10届满"]
    # On the deadline day the plan asks for it by that day (今天), not within the grace.
    assert [a.by for a in on_day.fix.actions] == [D(2025, 5, 10)]
    after = rule(ledger, "TEAM-PROBATION", as_of=D(2025, 5, 11))
    assert after.evidence == ["预备党员预备期已于2025-05-10届满，请尽快讨论转正"]
    assert [a.by for a in after.fix.actions] == [D(2025, 6, 9)]
    # Within the 30 days of grace the discussion is still due; the day after, it failed.
    assert rule(ledger, "TEAM-PROBATION", as_of=D(2025, 6, 9)).status == "待到期"
    assert rule(ledger, "TEAM-PROBATION", as_of=D(2025, 6, 10)).status == "未达标"


def test_probation_past_one_year_without_decision_fails(ledger):
    person(ledger, "预备党员", {15: "2024-05-10", 17: "2024-06-20"})
    assert rule(ledger, "TEAM-PROBATION", as_of=D(2025, 5, 1)).status == "待到期"
    r = rule(ledger, "TEAM-PROBATION", as_of=D(2025, 7, 1))
    assert r.status == "未达标" and "2025-05-10" in r.evidence[0]


def test_probation_decided_on_time_and_extension_once(ledger):
    person(ledger, "按期", [(15, "2024-05-10"), (23, "2025-05-15", {"outcome": "按期转正"})])
    assert rule(ledger, "TEAM-PROBATION").status == "达标"
    person(ledger, "延两次", [(15, "2023-03-01"), (23, "2024-03-01", {"outcome": "延长预备期"}),
                             (23, "2025-03-01", {"outcome": "延长预备期"})])
    r = rule(ledger, "TEAM-PROBATION")
    assert r.status == "未达标" and "延长了2次" in r.evidence[0]


def test_probation_from_29_february(ledger):
    person(ledger, "闰日入党", {15: "2024-02-29", 17: "2024-04-01"})
    r = rule(ledger, "TEAM-PROBATION", as_of=D(2025, 2, 27))
    assert r.status == "待到期" and "2025-02-28" in r.evidence[0]


def test_training_hours_32_and_56_for_committee(ledger):
    a, b = full_member(ledger, "普通党员"), full_member(ledger, "委员")
    ledger.insert("committee_roles", {"member_id": b, "role": "组织委员", "start_date": "2024-01-01"})
    t = ledger.insert("trainings", {"date": "2025-03-01", "title": "集中轮训", "hours": 240})
    ledger.replace_children("training_attendance", t, [{"member_id": a, "hours": 240}, {"member_id": b, "hours": 240}])
    t = ledger.insert("trainings", {"date": "2025-04-01", "title": "专题辅导", "hours": 80, "kind": "专题辅导"})
    ledger.replace_children("training_attendance", t, [{"member_id": a, "hours": 80}, {"member_id": b, "hours": 80}])
    r = rule(ledger, "TEAM-TRAINING")
    assert r.status == "未达标" and r.evidence == ["委员：32/56学时"]
    mid_year = rule(ledger, "TEAM-TRAINING", as_of=D(2025, 6, 30))
    assert mid_year.status == "待到期" and mid_year.fix is not None


def test_a_member_with_no_training_at_all_has_zero_hours(ledger):
    a = full_member(ledger, "普通党员")
    full_member(ledger, "未参训")
    for month in (3, 4):
        t = ledger.insert("trainings", {"date": f"2025-{month:02d}-01", "title": "集中轮训", "hours": 160})
        ledger.replace_children("training_attendance", t, [{"member_id": a, "hours": 160}])
    r = rule(ledger, "TEAM-TRAINING")
    assert r.status == "未达标" and r.measured == "1/2" and r.evidence == ["未参训：0/32学时"]


def test_training_target_pro_rata_for_transfers(ledger):
    mid = full_member(ledger, "转入", joined_branch_on="2025-07-02")
    t = ledger.insert("trainings", {"date": "2025-09-01", "title": "集中轮训", "hours": 170})
    ledger.replace_children("training_attendance", t, [{"member_id": mid, "hours": 170}])
    assert rule(ledger, "TEAM-TRAINING").status == "达标"  # 16.1 学时 needed for half a year


def test_appraisal_every_member_rated_and_excellent_share(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(3)]
    assert rule(ledger, "TEAM-APPRAISAL").status == "未达标"
    assert rule(ledger, "TEAM-APPRAISAL", as_of=D(2025, 6, 30)).status == "待到期"
    meeting(ledger, "民主评议党员", "2025-12-20")
    ledger.insert("appraisals", {"year": 2025, "member_id": ids[0], "rating": "合格"})
    ledger.insert("appraisals", {"year": 2025, "member_id": ids[1], "rating": "合格"})
    r = rule(ledger, "TEAM-APPRAISAL")
    assert r.status == "未达标" and "党员2" in r.evidence[-1]
    ledger.insert("appraisals", {"year": 2025, "member_id": ids[2], "rating": "优秀"})
    assert rule(ledger, "TEAM-APPRAISAL").status == "达标"  # exactly one third is allowed
    ledger.update("appraisals", ledger.rows("appraisals", "member_id = ?", (ids[0],))[0]["id"], {"rating": "优秀"})
    r = rule(ledger, "TEAM-APPRAISAL")
    assert r.status == "未达标" and "超过" in r.message


def test_excellent_share_unreadable_in_the_rule_set_falls_back_to_one_third(ledger):
    rs = copy.deepcopy(load_rule_set(None))
    spec = next(s for b in rs.basics for s in b.rules if s.code == "TEAM-APPRAISAL")
    spec.params["max_excellent_share"] = "三分之一"
    ids = [full_member(ledger, f"党员{i}") for i in range(3)]
    meeting(ledger, "民主评议党员", "2025-12-20")
    for mid, rating in zip(ids, ("优秀", "合格", "合格")):
        ledger.insert("appraisals", {"year": 2025, "member_id": mid, "rating": rating})
    r = rule(ledger, "TEAM-APPRAISAL", rule_set=rs)
    assert r.status == "达标" and r.target.endswith("优秀≤33.3%")


def test_probationary_member_rated_excellent_is_flagged(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(5)]
    new = person(ledger, "预备", {15: "2025-03-01"})
    meeting(ledger, "民主评议党员", "2025-12-20")
    for mid in ids:
        ledger.insert("appraisals", {"year": 2025, "member_id": mid, "rating": "合格"})
    ledger.insert("appraisals", {"year": 2025, "member_id": new, "rating": "优秀"})
    r = rule(ledger, "TEAM-APPRAISAL")
    assert r.status == "预警" and r.message == "预备党员预备被评为优秀"
    ledger.update("appraisals", ledger.rows("appraisals", "member_id = ?", (new,))[0]["id"], {"rating": "合格"})
    ledger.update("appraisals", ledger.rows("appraisals", "member_id = ?", (ids[0],))[0]["id"], {"rating": "优秀"})
    assert rule(ledger, "TEAM-APPRAISAL").status == "达标"  # a 正式党员 rated 优秀 is fine


def test_appraisal_of_last_year_held_in_january_counts(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(2)]
    meeting(ledger, "民主评议党员", "2025-01-18", topic="2024年度民主评议党员")
    for mid in ids:
        ledger.insert("appraisals", {"year": 2024, "member_id": mid, "rating": "合格"})
    r = rule(ledger, "TEAM-APPRAISAL")
    assert r.status == "达标" and "2024年度" in r.message


def test_probationary_member_half_year_review(ledger):
    """TEAM-PROBATION-REVIEW: one 考察 (step 21) per six months of the 预备期; the last half-year
    is concluded by the 转正 discussion."""
    mid = person(ledger, "预备党员", {15: "2025-01-10"})
    early = rule(ledger, "TEAM-PROBATION-REVIEW", as_of=D(2025, 7, 15))
    assert early.status == "待到期"
    assert [(a.type, a.params, a.by) for a in early.fix.actions] == [
        ("step", {"member_id": mid, "step": 21}, D(2025, 8, 10))]
    # The window plus its 31 days of grace ends on 08-10: judged at the end of that day.
    assert rule(ledger, "TEAM-PROBATION-REVIEW", as_of=D(2025, 8, 9)).status == "待到期"
    late = rule(ledger, "TEAM-PROBATION-REVIEW", as_of=D(2025, 8, 10))
    assert late.status == "未达标" and "2025-01-10至2025-07-10无预备党员考察记录" in late.evidence[0]
    ledger.insert("development_steps", {"member_id": mid, "step": 21, "date": "2025-07-05"})
    assert rule(ledger, "TEAM-PROBATION-REVIEW").status == "达标"
    # The year of 转正: the half-year ending on the day the probation ends is not asked for.
    assert rule(ledger, "TEAM-PROBATION-REVIEW", year=2026).status == "不适用"


def test_contact_lost_after_six_months_without_meetings_or_dues(ledger):
    """TEAM-CONTACT: neither attendance nor dues for 6 months is 失联 (未达标), from 3 months 预警."""
    a, b = full_member(ledger, "常来"), full_member(ledger, "失联")
    meeting(ledger, "支部党员大会", "2025-01-10", {a: "出席", b: "出席"})
    meeting(ledger, "支部党员大会", "2025-09-10", {a: "出席", b: "缺席"})
    for m in range(1, 13):
        ym = f"2025-{m:02d}"
        ledger.insert("dues", {"member_id": a, "month": ym, "amount_due": 100, "amount_paid": 100, "paid_on": f"{ym}-15"})
    assert rule(ledger, "TEAM-CONTACT", as_of=D(2025, 4, 9)).status == "待到期"
    warned = rule(ledger, "TEAM-CONTACT", as_of=D(2025, 4, 10))  # 3 months to the day
    assert warned.status == "预警" and warned.evidence == ["失联：最后一次参加组织生活或交纳党费为2025-01-10"]
    assert rule(ledger, "TEAM-CONTACT", as_of=D(2025, 7, 9)).status == "预警"
    lost = rule(ledger, "TEAM-CONTACT", as_of=D(2025, 7, 10))  # 6 months to the day
    assert lost.status == "未达标" and lost.measured == "1/2" and lost.kind == "可控"
    # A payment is contact: paid on 07-09, he is in touch on 07-10 and 预警 again from 10-09.
    ledger.insert("dues", {"member_id": b, "month": "2025-07", "amount_due": 100, "amount_paid": 100,
                           "paid_on": "2025-07-09"})
    assert rule(ledger, "TEAM-CONTACT", as_of=D(2025, 7, 10)).status == "待到期"
    assert rule(ledger, "TEAM-CONTACT", as_of=D(2025, 12, 31)).status == "预警"


def test_introducers_recorded_on_the_admission_day_count(ledger):
    full_member(ledger, "介绍人甲")
    full_member(ledger, "介绍人乙")
    person(ledger, "当天", [(9, "2025-05-01", {"persons": "介绍人甲、介绍人乙"}), (15, "2025-05-01")])
    assert rule(ledger, "TEAM-DEV-INTRODUCERS").status == "达标"
    person(ledger, "事后", [(9, "2025-05-02", {"persons": "介绍人甲、介绍人乙"}), (15, "2025-05-01")])
    r = rule(ledger, "TEAM-DEV-INTRODUCERS")
    assert r.status == "未达标" and r.evidence == ["事后于2025-05-01被接收为预备党员，未记录确定入党介绍人（第9步）"]


def test_training_sessions_list_only_who_still_needs_them(ledger):
    a, b = full_member(ledger, "差八学时"), full_member(ledger, "差九学时")
    t = ledger.insert("trainings", {"date": "2025-03-01", "title": "集中培训", "hours": 240})
    ledger.replace_children("training_attendance", t, [{"member_id": a, "hours": 240}, {"member_id": b, "hours": 230}])
    r = rule(ledger, "TEAM-TRAINING", as_of=D(2025, 11, 1))
    # 8 学时 short is one session; 9 short needs a second one.
    assert [x.params["member_ids"] for x in r.fix.actions] == [[a, b], [b]]
