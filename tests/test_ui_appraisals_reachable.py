"""民主评议结果 can be entered from the window (issue 14): 党员名册 → 民主评议结果… opens the year's
ratings; what is chosen there is in the file and in the rules' TEAM-APPRAISAL."""

from __future__ import annotations

from dangzhibu_desktop.rules import evaluate

from .ui_support import db_rows, run_modal


def test_the_members_page_opens_the_years_ratings(window, qtbot, ledger_path):
    page = window.show_page("members")
    assert page.appraisal_button.isVisible() and page.appraisal_button.text() == "民主评议结果…"
    year = window.session.today.year

    def rate(dlg):
        assert dlg.ui.yearSpin.value() == year
        dlg.fill_qualified()
        assert dlg.save()

    run_modal(qtbot, page.appraisal_button.click, rate)
    n = len(window.session.ledger.party_members_on(window.session.today))
    rows = db_rows(ledger_path, "SELECT rating, COUNT(*) FROM appraisals WHERE year = ? AND deleted_at IS NULL "
                                "GROUP BY rating", (year,))
    assert rows == [("合格", n)]
    report = evaluate(window.session.ledger, year, window.session.today).to_dict()
    rule = next(r for b in report["basics"] for r in b["rules"] if r["code"] == "TEAM-APPRAISAL")
    assert rule["measured"] == f"{n}/{n}"
