"""The year-end projection (DESIGN.md "Projection and plan") on ledgers written inline:
secured, if nothing more is recorded, and with the plan; a rule 达标 today with obligations
still due this year is at risk."""

import json

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.rules import evaluate, format_report, projection_text
from tests.rules_support import D, compliant_branch, person


def _standings(report):
    p = report.projection
    return [(s.standard_met, s.stars) for s in (p.secured, p.if_nothing_more, p.with_plan)]


def test_talk_still_due_is_at_risk_not_safe(ledger):
    compliant_branch(ledger)
    # Applied on 11-25: the talk is due within the month, after the as-of day.
    person(ledger, "申请人", {1: "2025-11-25"})
    report = evaluate(ledger, 2025, D(2025, 12, 2))
    talk = report.rule("TEAM-DEV-TALK")
    assert talk.status == "待到期" and talk.fix is not None
    assert "TEAM-DEV-TALK" in {a.rule for a in report.next_star.actions}
    # Nothing more recorded: on 12-31 the talk is late (a 可控 rule, so 达标 but fewer points).
    end = evaluate(ledger, 2025, D(2025, 12, 31))
    assert end.rule("TEAM-DEV-TALK").status == "未达标"
    assert report.projection.if_nothing_more.score < report.projection.with_plan.score


def test_rectification_due_later_counts_as_missed_if_nothing_more(ledger):
    compliant_branch(ledger)
    ledger.insert("rectifications", {"problem": "阵地建设", "deadline": "2025-12-24", "status": "整改中"})
    report = evaluate(ledger, 2025, D(2025, 12, 2))
    assert report.rule("SYS-RECTIFY").status == "待到期"
    rect = [a for a in report.next_star.actions if a.rule == "SYS-RECTIFY"]
    assert [(a.type, a.by, a.text) for a in rect] == [("rectification", D(2025, 12, 24), "12月24日前完成整改并销号：阵地建设")]
    assert report.projection.with_plan.stars == 5
    assert report.projection.if_nothing_more.stars < 5
    # Closed in time: the same day's projection no longer depends on it.
    ledger.update("rectifications", ledger.rows("rectifications")[0]["id"], {"status": "已完成", "closed_on": "2025-12-01"})
    again = evaluate(ledger, 2025, D(2025, 12, 2))
    assert again.rule("SYS-RECTIFY").status == "达标"
    assert "SYS-RECTIFY" not in {a.rule for a in again.next_star.actions}


def test_january_five_stars_so_far_is_not_the_headline(ledger):
    """15 January after one month of work: the 'so far' score leaves out what is not due yet,
    the projection does not — if nothing more is done the year fails its vetoes."""
    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 1, 15))
    assert report.stars == 5  # so far (截至目前)
    assert _standings(report)[1] == (False, 0)  # if nothing more: no 党员大会 in any quarter
    assert _standings(report)[2] == (True, 5)
    kinds = [a.params.get("meeting_kind") for a in report.next_star.actions if a.type == "meeting"]
    assert kinds.count("支部党员大会") == 4 and kinds.count("主题党日") == 11  # January's was held on 01-05
    assert "按计划可达 ★★★★★ · 若不再行动 未达标 · 已确保 未达标" in format_report(report)


def test_zero_training_hours_on_20_december(ledger):
    ids = compliant_branch(ledger)
    ledger.conn.execute("DELETE FROM training_attendance")
    ledger.conn.commit()
    report = evaluate(ledger, 2025, D(2025, 12, 20))
    assert report.rule("TEAM-TRAINING").status == "待到期"
    # 32 学时 in the 12 days left is not feasible at one 8-学时 session a week: the plan
    # holds the two sessions still possible, says who cannot make it up, and does not count
    # the rule as met.
    training = [a for a in report.next_star.actions if a.rule == "TEAM-TRAINING"]
    assert [(a.type, a.start, a.by, a.params["hours"]) for a in training] == [
        ("training", D(2025, 12, 20), D(2025, 12, 26), 8), ("training", D(2025, 12, 27), D(2025, 12, 31), 8)]
    assert "剩余2周，每周最多8学时" in training[0].text and "年内无法补足" in training[0].text
    assert training[0].params["member_ids"] == ids
    assert report.projection.if_nothing_more.score == report.projection.with_plan.score
    # On 1 November the same gaps fit in the weeks left: a session a week, four for everyone
    # (32 学时) and three more for the 书记 (56 学时).
    early = evaluate(ledger, 2025, D(2025, 11, 1))
    training = [a for a in early.next_star.actions if a.rule == "TEAM-TRAINING"]
    assert [len(a.params["member_ids"]) for a in training] == [5, 5, 5, 5, 1, 1, 1]
    assert training[-1].params["member_ids"] == [ids[0]] and training[-1].by == D(2025, 12, 19)
    assert early.projection.if_nothing_more.score < early.projection.with_plan.score


def test_secured_never_above_nothing_more_never_above_plan(ledger):
    compliant_branch(ledger, brand=False)
    person(ledger, "申请人", {1: "2025-05-10"})
    ledger.insert("rectifications", {"problem": "制度上墙", "deadline": "2025-09-30", "status": "整改中"})
    for day in (D(2025, 1, 1), D(2025, 3, 31), D(2025, 6, 15), D(2025, 9, 30), D(2025, 11, 30), D(2025, 12, 31)):
        p = evaluate(ledger, 2025, day).projection
        assert p.secured.score <= p.if_nothing_more.score <= p.with_plan.score, day
        assert p.secured.stars <= p.if_nothing_more.stars <= p.with_plan.stars, day


def test_year_end_projection_is_the_verdict(ledger):
    """On 31 December nothing is due any more but what can be done today: if nothing more is
    done the year ends at the verdicts of the day."""
    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert _standings(report) == [(True, 5)] * 3
    assert report.next_star.actions == [] and report.next_star.reachable
    assert report.projection.if_nothing_more.score == report.score


def test_projection_headline_words():
    assert projection_text({"with_plan": {"standard_met": True, "stars": 4},
                            "if_nothing_more": {"standard_met": True, "stars": 2},
                            "secured": {"standard_met": True, "stars": 1}}) == "按计划可达 ★★★★ · 若不再行动 ★★ · 已确保 ★"
    assert projection_text({"with_plan": {"standard_met": False, "stars": 0},
                            "if_nothing_more": {"standard_met": False, "stars": 0},
                            "secured": {"standard_met": False, "stars": 0}}) == "按计划可达 未达标 · 若不再行动 未达标 · 已确保 未达标"


def test_check_json_projection(ledger, ledger_path, capsys):
    compliant_branch(ledger)
    ledger.close()
    assert main(["check", "--db", str(ledger_path), "--year", "2025", "--as-of", "2025-06-15", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    proj = doc["projection"]
    assert list(proj) == ["secured", "if_nothing_more", "with_plan"]
    assert all(list(v) == ["standard_met", "score", "stars"] for v in proj.values())
    assert proj["with_plan"] == {"standard_met": True, "score": 100.0, "stars": 5}
    assert proj["if_nothing_more"]["standard_met"] is False
    ns = doc["next_star"]
    assert ns["target_stars"] == 5 and ns["reachable"] is True and ns["blocked_by"] == []
    assert all(list(a) == ["rule", "type", "by", "from", "text", "params"] for a in ns["actions"])
    assert [a["by"] for a in ns["actions"]] == sorted(a["by"] for a in ns["actions"])
    assert all("2025-06-15" <= a["from"] <= a["by"] <= "2025-12-31" for a in ns["actions"])
