"""The inline compliant branch of tests/rules_support.py meets every rule."""

from dangzhibu_desktop.rules import evaluate
from tests.rules_support import D, compliant_branch


def test_compliant_branch_meets_everything(ledger):
    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert {r.code: r.status for r in report.rules if r.status not in ("达标", "不适用")} == {}
    assert report.standard_met and report.score == 100.0 and report.stars == 5
