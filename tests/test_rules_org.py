"""基本组织 rules: each test writes its small ledger inline and states the verdict."""

from dangzhibu_desktop.rules import evaluate
from tests.rules_support import D, full_member, person, rule


def _branch(ledger, **kw):
    ledger.save_branch({"name": "测试党支部", **kw})


def test_form_needs_three_full_members(ledger):
    _branch(ledger)
    full_member(ledger, "甲")
    full_member(ledger, "乙")
    person(ledger, "丙", {15: "2025-03-01"})  # 预备党员 does not count
    r = rule(ledger, "ORG-FORM")
    assert (r.status, r.measured) == ("未达标", 2)
    full_member(ledger, "丁")
    assert rule(ledger, "ORG-FORM").status == "达标"


def test_size_warns_above_fifty(ledger):
    _branch(ledger)
    with ledger.transaction():
        for i in range(51):
            full_member(ledger, f"党员{i}")
    r = rule(ledger, "ORG-SIZE")
    assert (r.status, r.measured) == ("预警", 51)


def test_five_member_branch_without_committee_is_not_applicable(ledger):
    _branch(ledger)
    ids = [full_member(ledger, f"党员{i}") for i in range(5)]
    ledger.insert("committee_roles", {"member_id": ids[0], "role": "书记", "start_date": "2024-01-01"})
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert report.rule("ORG-COMMITTEE").status == "不适用"
    assert report.rule("ACT-COMMITTEE").status == "不适用"
    assert report.rule("ORG-SECRETARY").status == "达标"


def test_eight_members_and_only_a_secretary_fails_committee(ledger):
    _branch(ledger)
    ids = [full_member(ledger, f"党员{i}") for i in range(8)]
    ledger.insert("committee_roles", {"member_id": ids[0], "role": "书记", "start_date": "2024-01-01"})
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    r = report.rule("ORG-COMMITTEE")
    assert r.status == "未达标" and r.measured == 1
    assert "应设立支部委员会" in r.message
    assert report.rule("ACT-COMMITTEE").status == "不适用"  # no committee, no monthly 支委会 to count
    assert not report.standard_met


def test_committee_of_three_with_secretary_is_met_and_eight_is_too_many(ledger):
    _branch(ledger)
    ids = [full_member(ledger, f"党员{i}") for i in range(10)]
    for mid, role in zip(ids, ("书记", "组织委员", "宣传委员")):
        ledger.insert("committee_roles", {"member_id": mid, "role": role, "start_date": "2024-01-01"})
    assert rule(ledger, "ORG-COMMITTEE").status == "达标"
    for mid in ids[3:8]:
        ledger.insert("committee_roles", {"member_id": mid, "role": "委员", "start_date": "2024-01-01"})
    assert rule(ledger, "ORG-COMMITTEE").status == "未达标"


def test_secretary_who_became_full_member_eight_months_ago(ledger):
    _branch(ledger)
    sec = person(ledger, "新书记", {15: "2024-04-01", 23: "2025-04-30"})
    for i in range(3):
        full_member(ledger, f"党员{i}")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2025-06-01"})
    r = rule(ledger, "ORG-SECRETARY")
    assert r.status == "未达标"
    assert "新书记" in r.message and "不足1年" in r.message
    assert r.measured == "党龄0年8个月"


def test_secretary_missing_fails_and_old_secretary_met(ledger):
    _branch(ledger)
    sec = full_member(ledger, "老书记", since="2001-07-01")
    assert rule(ledger, "ORG-SECRETARY").status == "未达标"
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2020-01-01"})
    r = rule(ledger, "ORG-SECRETARY")
    assert r.status == "达标" and "党龄24年" in r.message


def test_term_expired_warns_then_fails(ledger):
    _branch(ledger, committee_elected_on="2022-11-15", committee_term_years=3)
    sec = full_member(ledger, "书记")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2022-11-15"})
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 9, 1)).status == "预警"  # 75 days before 2025-11-15
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 6, 1)).status == "达标"
    r = rule(ledger, "ORG-TERM")
    assert r.status == "未达标" and "2025-11-15" in r.message


def test_term_of_the_branchs_own_length(ledger):
    # Elected 2021-06-01 for a 5-year term (the branch's own setting, not the rule set's 3):
    # in term on 2025-12-31, expired on 2026-06-01 (the end of that day).
    _branch(ledger, committee_elected_on="2021-06-01", committee_term_years=5)
    sec = full_member(ledger, "书记")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2021-06-01"})
    r = rule(ledger, "ORG-TERM")
    assert r.status == "达标" and "2026-06-01届满" in r.message and r.target.startswith("任期5年")
    assert rule(ledger, "ORG-TERM", year=2026, as_of=D(2026, 5, 31)).status == "预警"
    assert rule(ledger, "ORG-TERM", year=2026, as_of=D(2026, 6, 1)).status == "未达标"


def test_probationary_secretary_has_no_party_standing(ledger):
    # A 预备党员 as 书记: 未达标 with 党龄 measured as 0.
    _branch(ledger)
    sec = person(ledger, "预备书记", {15: "2025-03-01"})
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2025-06-01"})
    r = rule(ledger, "ORG-SECRETARY")
    assert r.status == "未达标" and r.measured == 0 and "尚为预备党员" in r.message


def test_groups_required_from_ten_members(ledger):
    _branch(ledger)
    ids = [full_member(ledger, f"党员{i}") for i in range(10)]
    assert rule(ledger, "ORG-GROUPS").status == "未达标"
    g = ledger.insert("party_groups", {"name": "第一党小组"})
    for mid in ids[:9]:
        ledger.update("members", mid, {"party_group_id": g})
    r = rule(ledger, "ORG-GROUPS")
    assert r.status == "未达标" and "党员9" in r.evidence[0]
    ledger.update("members", ids[9], {"party_group_id": g})
    assert rule(ledger, "ORG-GROUPS").status == "达标"
    ledger.delete("members", ids[9])
    assert rule(ledger, "ORG-GROUPS").status == "不适用"


def test_groups_of_people_who_left_later_are_not_judged(ledger):
    _branch(ledger)
    g = ledger.insert("party_groups", {"name": "第一党小组"})
    ids = [full_member(ledger, f"党员{i}", party_group_id=g) for i in range(9)]
    gone = full_member(ledger, "已转出", status="转出", left_on="2025-03-01")  # group cleared at transfer
    assert ids and gone
    assert rule(ledger, "ORG-GROUPS", year=2024).status == "达标"
    full_member(ledger, "未分组")
    assert rule(ledger, "ORG-GROUPS", year=2024).status == "未达标"


def test_a_probationary_member_on_the_committee_fails(ledger):
    """RULES.md ORG-COMMITTEE: every 委员 a 正式党员 (预备党员 have no 被选举权)."""
    _branch(ledger)
    ids = [full_member(ledger, f"党员{i}") for i in range(8)]
    for mid, role in zip(ids, ("书记", "组织委员", "宣传委员")):
        ledger.insert("committee_roles", {"member_id": mid, "role": role, "start_date": "2024-01-01"})
    assert rule(ledger, "ORG-COMMITTEE").status == "达标"
    new = person(ledger, "预备委员", {15: "2025-03-01"})
    ledger.insert("committee_roles", {"member_id": new, "role": "纪检委员", "start_date": "2025-06-01"})
    r = rule(ledger, "ORG-COMMITTEE")
    assert r.status == "未达标" and "预备委员为预备党员" in r.message
    # Once a 正式党员 (转正 2026-03-01), the same committee is lawful in the next year.
    ledger.insert("development_steps", {"member_id": new, "step": 23, "date": "2026-03-01", "outcome": "按期转正"})
    assert rule(ledger, "ORG-COMMITTEE", year=2026).status == "达标"


def test_term_warning_from_exactly_ninety_days(ledger):
    _branch(ledger, committee_elected_on="2022-11-15", committee_term_years=3)
    sec = full_member(ledger, "书记")
    ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": "2022-11-15"})
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 8, 17)).status == "预警"  # 90 days before 2025-11-15
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 8, 16)).status == "达标"  # 91 days
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 11, 14)).status == "预警"
    assert rule(ledger, "ORG-TERM", as_of=D(2025, 11, 15)).status == "未达标"  # the term ends that day
