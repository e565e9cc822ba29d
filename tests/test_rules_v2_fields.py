"""The rules over the schema v2 fields, each ledger stated inline with its verdict at the boundary
and on the lawful side: members exempt under 第二十三条 (TEAM-TRAINING, ACT-ATTENDANCE), the months
of a 延长预备期 (ledger.steps.probation_end: TEAM-PROBATION, the reminders, the timeline) and when a
党小组 existed (ACT-GROUP). The editors and the package: test_exempt, test_probation_extension,
test_group_dates."""

import datetime as dt

import pytest

from dangzhibu_desktop.ledger import steps as S
from dangzhibu_desktop.rules.reminders import reminders
from tests.rules_support import full_member, meeting, person, rule

REASON = "年逾八旬，长期卧床，经支委会研究同意"
EXEMPT = {"exempt_from_activities": 1, "exempt_reason": REASON}
EXTEND = "延长预备期"
ADMIT = "2024-03-10"


def _extended(months, decided="2025-03-12", **extra):
    return [{"step": 15, "date": ADMIT},
            {"step": 23, "date": decided, "outcome": EXTEND, "extension_months": months, **extra}]


# ---- 第二十三条: out of the training and attendance denominators ----------------------------
def _hours(ledger, member_id, tenths):
    """Training hours for one member in 2025, in sessions of at most 24 学时."""
    left, k = tenths, 0
    while left > 0:
        h = min(left, 240)
        t = ledger.insert("trainings", {"date": f"2025-03-{k + 1:02d}", "title": f"集中培训{k}", "hours": h})
        ledger.replace_children("training_attendance", t, [{"member_id": member_id, "hours": h}])
        left, k = left - h, k + 1


def test_training_leaves_an_exempt_member_out(ledger):
    # 甲 has exactly 32 学时 (the boundary, lawful); 乙 has none and is excused under 第二十三条.
    a = full_member(ledger, "甲")
    b = full_member(ledger, "乙", **EXEMPT)
    _hours(ledger, a, 320)
    r = rule(ledger, "TEAM-TRAINING")
    assert r.status == "达标" and r.measured == "1/1"
    assert r.evidence == [f"乙：经支部同意不作硬性要求（{REASON}）"]
    # Without the exemption 乙 counts, and fails the year.
    ledger.update("members", b, {"exempt_from_activities": 0})
    r = rule(ledger, "TEAM-TRAINING")
    assert r.status == "未达标" and r.measured == "1/2" and r.evidence == ["乙：0/32学时"]


def test_training_still_fails_below_the_hours_with_an_exempt_member(ledger):
    a = full_member(ledger, "甲")
    full_member(ledger, "乙", **EXEMPT)
    _hours(ledger, a, 319)  # 31.9 学时: one tenth short
    r = rule(ledger, "TEAM-TRAINING")
    assert r.status == "未达标" and r.measured == "0/1" and r.evidence[0] == "甲：31.9/32学时"


def test_training_with_everyone_exempt_is_not_applicable(ledger):
    full_member(ledger, "乙", **EXEMPT)
    assert rule(ledger, "TEAM-TRAINING").status == "不适用"


def test_attendance_leaves_an_exempt_member_out_of_expected(ledger):
    # 11 党员 on the books; at the meeting the exempt 老王 and 党员0 are away, the other 9 present.
    ids = [full_member(ledger, f"党员{i}") for i in range(10)]
    elder = full_member(ledger, "老王", **EXEMPT)
    attend = {i: "出席" for i in ids[1:]} | {ids[0]: "请假", elder: "请假"}
    meeting(ledger, "支部党员大会", "2025-06-01", attend)
    r = rule(ledger, "ACT-ATTENDANCE")
    # 9 of 10 expected: exactly 90 %, the lawful boundary.
    assert r.status == "达标" and r.measured == "90%"
    assert r.evidence == [f"老王：经支部同意不作硬性要求（{REASON}），不计入应到"]
    ledger.update("members", elder, {"exempt_from_activities": 0})
    r = rule(ledger, "ACT-ATTENDANCE")
    assert r.status == "未达标" and r.measured == "81.8%"
    assert "应到11人，实到9人；党员0（请假）、老王（请假）" in r.evidence[0]


def test_an_exempt_member_who_comes_is_not_counted_either(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(9)]
    elder = full_member(ledger, "老王", **EXEMPT)
    # 8 of the 9 expected present (88.9 %, below 90 %): the exempt member's coming does not lift it.
    meeting(ledger, "支部党员大会", "2025-06-01", {i: "出席" for i in ids[1:]} | {ids[0]: "缺席", elder: "出席"})
    r = rule(ledger, "ACT-ATTENDANCE")
    assert r.status == "未达标" and r.measured == "88.9%"
    assert r.evidence[0].startswith("2025-06-01支部党员大会：应到9人，实到8人；党员0（缺席）")



# ---- the one probation end --------------------------------------------------------------
@pytest.mark.parametrize("steps, end", [
    ([{"step": 15, "date": ADMIT}], dt.date(2025, 3, 10)),
    (_extended(6), dt.date(2025, 9, 10)),
    (_extended(12), dt.date(2026, 3, 10)),
    (_extended(None), dt.date(2026, 3, 10)),  # an older row without its months: the longest allowed
    # step 24 repeating step 23's extension is one extension, not two
    (_extended(6) + [{"step": 24, "date": "2025-04-20", "outcome": EXTEND, "extension_months": 6}],
     dt.date(2025, 9, 10)),
    # only the 上级党委's decision recorded (old records skip steps): it counts
    ([{"step": 15, "date": ADMIT}, {"step": 24, "date": "2025-04-20", "outcome": EXTEND, "extension_months": 8}],
     dt.date(2025, 11, 10)),
    ([{"step": 1, "date": ADMIT}], None),
])
def test_probation_end(steps, end):
    assert S.probation_end(steps) == end


def test_probation_end_as_of_a_day_before_the_extension():
    assert S.probation_end(_extended(6), dt.date(2025, 3, 11)) == dt.date(2025, 3, 10)


def test_the_timeline_suggests_the_meeting_at_the_extended_end():
    assert S.next_step(_extended(6)) == (24, dt.date(2025, 3, 12))  # step 24 follows the 23 recorded
    steps = [{"step": 15, "date": ADMIT}, {"step": 21, "date": "2024-09-10"}]
    assert S.next_step(steps) == (22, dt.date(2025, 2, 8))


def _probationer(ledger, months, decided_full=None):
    steps = [(15, ADMIT, {}), (23, "2025-03-12", {"outcome": EXTEND, "extension_months": months})]
    if decided_full:
        steps.append((23, decided_full, {"outcome": "按期转正"}))
    full_member(ledger, "正式甲")
    return person(ledger, "预备甲", steps)


def test_a_six_month_extension_ends_after_six_months(ledger):
    # Extended 6 months from 2025-03-10: ends 2025-09-10; nothing decided by 12-31 is a failed veto.
    _probationer(ledger, 6)
    r = rule(ledger, "TEAM-PROBATION")
    assert r.status == "未达标"
    assert r.evidence == ["预备甲于2024-03-10入党，预备期已于2025-09-10届满，至今未讨论转正（已延长预备期）"]


def test_a_twelve_month_extension_is_not_due_this_year(ledger):
    _probationer(ledger, 12)  # ends 2026-03-10: nothing due in 2025
    assert rule(ledger, "TEAM-PROBATION").status != "未达标"


def test_one_lawful_extension_decided_at_its_end_passes(ledger):
    _probationer(ledger, 6, decided_full="2025-09-15")
    assert rule(ledger, "TEAM-PROBATION").status == "达标"


def test_the_decision_long_after_the_extended_end_is_flagged(ledger):
    _probationer(ledger, 6, decided_full="2025-11-20")  # 71 days after 2025-09-10, past the 30-day grace
    r = rule(ledger, "TEAM-PROBATION")
    assert r.status == "预警" and r.evidence == ["预备甲预备期于2025-09-10届满，2025-11-20才讨论转正，延迟71天"]


def test_reminder_names_the_extended_end(ledger):
    _probationer(ledger, 6)
    texts = [r.message for r in reminders(ledger, dt.date(2025, 8, 20), days=30)]
    assert any("预备甲的预备期将于2025-09-10届满" in t for t in texts)
    later = [r.message for r in reminders(ledger, dt.date(2025, 9, 20), days=30)]
    assert any("预备甲的预备期已于2025-09-10届满，尚未讨论转正" in t for t in later)


def test_reminder_waits_for_a_twelve_month_extension(ledger):
    _probationer(ledger, 12)
    assert not any("预备甲的预备期" in r.message for r in reminders(ledger, dt.date(2025, 8, 20), days=30))
    assert any("预备甲的预备期将于2026-03-10届满" in r.message for r in reminders(ledger, dt.date(2026, 2, 20), days=30))



# ---- ACT-GROUP: the months the group existed ----------------------------------------------
def _group(ledger, months, **dates):
    gid = ledger.insert("party_groups", {"name": "第一党小组", **dates})
    for m in months:
        meeting(ledger, "党小组会", f"2025-{m:02d}-20", party_group_id=gid)
    return gid


def test_a_group_set_up_in_april_owes_meetings_from_april(ledger):
    _group(ledger, range(4, 13), established_on="2025-04-15")
    assert rule(ledger, "ACT-GROUP").status == "达标"


def test_a_group_set_up_in_april_owes_april_too(ledger):
    _group(ledger, range(5, 13), established_on="2025-04-15")
    r = rule(ledger, "ACT-GROUP")
    assert r.status == "未达标" and r.evidence == ["第一党小组4月未召开党小组会"]


def test_a_group_dissolved_on_the_last_of_june_owes_nothing_after(ledger):
    _group(ledger, range(1, 7), dissolved_on="2025-06-30")
    assert rule(ledger, "ACT-GROUP").status == "达标"


def test_a_group_dissolved_on_the_first_of_july_owes_july(ledger):
    _group(ledger, range(1, 7), dissolved_on="2025-07-01")  # it existed on 1 July
    r = rule(ledger, "ACT-GROUP")
    assert r.status == "未达标" and r.evidence == ["第一党小组7月未召开党小组会"]


def test_a_group_without_dates_owes_every_month(ledger):
    _group(ledger, range(4, 13))
    r = rule(ledger, "ACT-GROUP")
    assert r.status == "未达标" and r.evidence[0] == "第一党小组1月未召开党小组会"

