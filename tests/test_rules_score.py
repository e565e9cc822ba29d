"""Credit per rule (RULES.md "Score and stars"): a rule's credit falls with each miss, so one
member-month of dues or one lapsed 整改 does not sink a whole 基本; a 基本 with a failed 否定
rule shows 否决 whatever its score."""

from types import SimpleNamespace

from dangzhibu_desktop.rules import evaluate, load_rule_set
from dangzhibu_desktop.rules.engine import standing, stars_for
from dangzhibu_desktop.rules.model import FAILED, BasicResult, RuleResult
from tests.rules_support import D, compliant_branch


def _basic(report, code):
    return next(b for b in report.basics if b.code == code)


def test_one_member_month_of_dues_does_not_sink_the_basic(ledger):
    ids = compliant_branch(ledger)
    row = ledger.rows("dues", "member_id = ? AND month = '2025-03'", (ids[2],))[0]
    ledger.update("dues", row["id"], {"amount_paid": 0, "paid_on": None})
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    dues = report.rule("SYS-DUES")
    assert dues.status == "未达标" and dues.measured == "98.3%"  # 59 of 60 member-months
    # SYS-DUES keeps 59/60 of its credit: 基本制度 (dues, lapse veto, 整改 n/a, docs) at 99.2.
    assert _basic(report, "SYS").score == 99.2
    assert report.standard_met and report.stars == 5 and report.score == 99.9


def test_one_lapsed_rectification_of_three(ledger):
    compliant_branch(ledger)
    for i, (deadline, closed) in enumerate((("2025-03-31", "2025-03-20"), ("2025-06-30", "2025-06-01"),
                                            ("2025-09-30", None))):
        ledger.insert("rectifications", {"problem": f"问题{i}", "deadline": deadline,
                                         "status": "已完成" if closed else "整改中", "closed_on": closed})
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    rect = report.rule("SYS-RECTIFY")
    assert rect.status == "未达标" and rect.measured == "2/3"
    sys_basic = _basic(report, "SYS")
    assert sys_basic.score == 88.9  # (1 + 2/3 + 1) / 3, not 66.7
    assert report.standard_met and report.stars == 5 and report.score == 98.1


def test_missed_months_score_their_share(ledger):
    compliant_branch(ledger)
    for month in ("03", "04", "05"):
        ledger.delete("meetings", ledger.rows("meetings", f"kind = '主题党日' AND date LIKE '2025-{month}%'")[0]["id"])
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert report.rule("ACT-THEME-DAY").measured == "9/12"
    # 9 of 12 months: the rule keeps 75 % of its credit.
    act = _basic(report, "ACT")
    scored = [r for r in act.rules if r.kind != "否定" and r.status not in ("不适用", "待到期")]
    assert act.score == round(100 * (len(scored) - 1 + 0.75) / len(scored), 1)


def test_a_checklist_item_unanswered_still_scores_nothing(ledger):
    compliant_branch(ledger, brand=False)
    ledger.delete("checklist", ledger.rows("checklist", "rule_code = 'SUP-FUNDS'")[0]["id"])
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert _basic(report, "SUP").score == 33.3 and not report.standard_met


def test_failed_veto_shows_vetoed_whatever_the_score(ledger):
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    org = _basic(report, "ORG")
    failed = [r.code for r in org.rules if r.kind == "否定" and r.status == "未达标"]
    assert failed and org.vetoed and org.to_dict()["vetoed"] is True
    compliant_branch(ledger)
    clean = evaluate(ledger, 2025, D(2025, 12, 31))
    assert not any(b.vetoed for b in clean.basics)


def test_no_star_below_the_first_stars_minimum():
    # A rule set whose 1★ needs 65 points: 达标 at 64.9 is no star, at 65.0 one; not 达标, none.
    rs = SimpleNamespace(stars=[{"stars": 1, "min_score": 65}, {"stars": 2, "min_score": 80}])
    assert stars_for(rs, True, 64.9, {}) == 0
    assert stars_for(rs, True, 65.0, {}) == 1
    assert stars_for(rs, False, 99.0, {}) == 0


def test_standing_judges_the_one_decimal_score_the_window_shows():
    # One 可控 rule keeping 59.96 % of its credit: the 基本 shows 60.0 and meets basic_min (60);
    # at 59.94 it shows 59.9 and does not.
    rs = load_rule_set(None)
    assert rs.basic_min == 60

    def basics(credit):
        r = RuleResult("X", "x", "可控", FAILED, None, None, "", "", [], 1.0, None, credit)
        return [BasicResult("B", "b", 0.0, [r])]

    met, total, _, scores = standing(rs, basics(0.5996))
    assert met and scores == [60.0] and total == 60.0
    met, _, _, scores = standing(rs, basics(0.5994))
    assert not met and scores == [59.9]
