"""The plan (``next_star``, DESIGN.md "Projection and plan"): structured actions ordered by
deadline, the last date in words, feasible, and honest when a veto can no longer be fixed."""

import datetime as dt

import pytest

from dangzhibu_desktop.demo import build_demo
from dangzhibu_desktop.ledger.store import open_ledger
from dangzhibu_desktop.rules import ACTION_TYPES, by_words, evaluate, format_report
from tests.rules_support import D, compliant_branch, person

PARAMS = {
    "meeting": {"meeting_kind", "party_group_id", "lecturer_id", "attendees", "needs_vote"},
    "training": {"member_ids", "hours"},
    "volunteer": {"member_ids", "hours", "activities"},
    "dues": {"member_id", "months"},
    "step": {"member_id", "step"},
    "rectification": {"rectification_id"},
    "checklist": {"rule_code"},
    "appraisal": {"member_ids"},
    "post": {"member_ids"},
    "committee": {"role"},
    "other": set(),
}


def check_plan(report):
    """Every action is one of the contract's types with its params, from ≤ by within the
    year, its text led by the last date in words, and the plan ordered by deadline."""
    plan = report.next_star.to_dict()["actions"]
    day = report.as_of
    assert [a["by"] for a in plan] == sorted(a["by"] for a in plan)
    for a in plan:
        assert a["type"] in ACTION_TYPES and PARAMS[a["type"]] <= set(a["params"]), a
        assert a["rule"] and report.rule(a["rule"]) is not None, a
        by = dt.date.fromisoformat(a["by"])
        assert day.isoformat() <= a["from"] <= a["by"] <= f"{day.year}-12-31", a
        if a["type"] != "other":
            assert a["text"].startswith(by_words(by, day)), a
    return plan


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "small.sqlite"
    build_demo(path, "small", 2026, today=D(2026, 12, 2))
    return path


def test_demo_plan_is_structured_and_ordered(small_demo):
    led = open_ledger(small_demo)
    try:
        for day in (D(2026, 1, 1), D(2026, 3, 31), D(2026, 7, 15), D(2026, 10, 1), D(2026, 12, 2)):
            plan = check_plan(evaluate(led, 2026, day))
            assert plan, day
    finally:
        led.close()


def test_today_is_in_words(ledger):
    compliant_branch(ledger)
    ledger.insert("rectifications", {"problem": "阵地建设", "deadline": "2025-11-30", "status": "整改中"})
    report = evaluate(ledger, 2025, D(2025, 11, 30))
    rect = [a for a in report.next_star.actions if a.rule == "SYS-RECTIFY"]
    assert [a.text for a in rect] == ["今天完成整改并销号：阵地建设"]
    check_plan(report)


def test_development_steps_are_step_actions(ledger):
    compliant_branch(ledger)
    applicant = person(ledger, "申请人", {1: "2025-11-25"})
    report = evaluate(ledger, 2025, D(2025, 12, 2))
    talk = [a for a in report.next_star.actions if a.rule == "TEAM-DEV-TALK"]
    assert [(a.type, a.params) for a in talk] == [("step", {"member_id": applicant, "step": 2})]
    assert talk[0].by == D(2025, 12, 25) and talk[0].text == "12月25日前派人与入党申请人申请人谈话并记录"
    check_plan(report)


def test_a_veto_that_cannot_be_fixed_says_which_and_keeps_the_year(ledger):
    compliant_branch(ledger)
    ledger.delete("meetings", ledger.rows("meetings", "kind = '支部党员大会'")[0]["id"])
    report = evaluate(ledger, 2025, D(2025, 11, 1))
    ns = report.next_star
    assert (ns.reachable, ns.blocked_by, ns.stars) == (False, ["ACT-CONGRESS"], 0)
    assert {"ACT-THEME-DAY", "SYS-DUES"} <= {a.rule for a in ns.actions}
    plan = check_plan(report)
    assert plan


def test_plan_lines_collect_the_month_in_one_line(ledger):
    from dangzhibu_desktop.rules import plan_lines

    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 11, 15))
    actions = report.next_star.to_dict()["actions"]
    dues = [a for a in actions if a["type"] == "dues"]
    assert len(dues) == 5  # one structured action per 党员 …
    lines = plan_lines(actions)
    # … one line for the secretary, in the plan's place.
    assert lines.count("12月31日前按月收缴5名党员12月党费并登记") == 1
    assert len(lines) == len(actions) - 4 and not any("党员0" in t and "党费" in t for t in lines)
    assert "12月31日前按月收缴5名党员12月党费并登记" in format_report(report)
