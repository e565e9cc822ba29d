"""Score, stars, next star, the rule-set file as data, reminders, figures and the check CLI."""

import datetime as dt
import json
import shutil

import pytest

from dangzhibu_desktop.cli import main
from dangzhibu_desktop.ledger.validate import LedgerError
from dangzhibu_desktop.paths import resource_path
from dangzhibu_desktop.rules import (
    evaluate, format_report, load_rule_set, reminders,
)
from tests.rules_support import D, compliant_branch, full_member, meeting, person


def test_stars_follow_score_and_brand(ledger):
    ids = compliant_branch(ledger, brand=False)
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    sup = next(b for b in report.basics if b.code == "SUP")
    assert sup.score == 66.7 and report.score == 94.4
    assert report.standard_met and report.stars == 4  # ≥ 90 but SUP-BRAND is missing for 5★
    # A failed veto (no 党员大会 in one quarter) blocks 达标 whatever the score.
    congress = [m for m in ledger.rows("meetings", "kind = '支部党员大会'")][0]
    ledger.delete("meetings", congress["id"])
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert report.rule("ACT-CONGRESS").status == "未达标"
    assert (report.standard_met, report.stars) == (False, 0)
    assert ids


def test_basic_below_sixty_blocks_standard(ledger):
    compliant_branch(ledger, brand=False)
    ledger.delete("checklist", ledger.rows("checklist", "rule_code = 'SUP-FUNDS'")[0]["id"])
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert next(b for b in report.basics if b.code == "SUP").score == 33.3
    assert not report.standard_met and report.stars == 0


def test_not_applicable_rules_leave_the_denominator(ledger):
    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    org = next(b for b in report.basics if b.code == "ORG")
    statuses = {r.code: r.status for r in org.rules}
    assert statuses["ORG-GROUPS"] == "不适用" and org.score == 100.0


def test_plan_is_every_action_still_due_by_deadline(ledger):
    """DESIGN.md "Projection and plan": the plan is every obligation still due this year for
    the highest star reachable (not the shortest list), ordered by deadline."""
    compliant_branch(ledger, brand=False)
    report = evaluate(ledger, 2025, D(2025, 10, 15))
    assert report.stars == 4 and report.next_star.stars == 5 and report.next_star.reachable
    plan = report.next_star.actions
    assert [a.by for a in plan] == sorted(a.by for a in plan)
    assert plan[0].text == "11月30日前开展1次主题党日" and plan[0].rule == "ACT-THEME-DAY"
    codes = {a.rule for a in plan}
    assert codes == {"ACT-THEME-DAY", "TEAM-DEV-REVIEW", "ACT-CONGRESS", "ACT-LESSON", "ROLE-DEEDS",
                     "SYS-DUES", "SUP-BRAND"}
    # Every 党员's November and December dues, one action each, by the end of December.
    dues = [a for a in plan if a.rule == "SYS-DUES"]
    assert len(dues) == 5 and all(a.params["months"] == ["2025-11", "2025-12"] for a in dues)
    proj = report.projection
    assert (proj.with_plan.standard_met, proj.with_plan.stars) == (True, 5)
    # Nothing more recorded: no Q4 党员大会 (a veto), so the year would end below 达标.
    assert (proj.if_nothing_more.standard_met, proj.if_nothing_more.stars) == (False, 0)
    assert proj.secured.stars == 0


def test_plan_blocked_by_a_veto_still_keeps_the_year_in_order(ledger):
    compliant_branch(ledger)
    first = ledger.rows("meetings", "kind = '支部党员大会'")[0]
    ledger.delete("meetings", first["id"])
    report = evaluate(ledger, 2025, D(2025, 10, 15))
    ns = report.next_star
    assert report.stars == 0 and not ns.reachable and ns.blocked_by == ["ACT-CONGRESS"] and ns.stars == 0
    # Q1 has no 党员大会 and nothing repairs it; the rest of the year is still listed.
    assert "12月31日前召开1次支部党员大会" in ns.texts and len(ns.actions) > 5
    name = report.rule("ACT-CONGRESS").name
    assert f"否定指标“{name}”已无法在本年度补救" in format_report(report)


def test_five_stars_have_no_next_star(ledger):
    compliant_branch(ledger)
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert report.stars == 5 and report.next_star.actions == []
    assert "已达到最高星级" in format_report(report)


def test_second_rule_set_changes_verdicts_without_code(ledger, tmp_path):
    compliant_branch(ledger, brand=False)
    person(ledger, "十七岁", {1: "2025-03-01", 2: "2025-03-20"}, birth_date="2007-09-01")
    default = evaluate(ledger, 2025, D(2025, 12, 31))
    assert default.rule("TEAM-DEV-AGE").status == "未达标"
    # The shipped alternative (published 五星 scheme): 4★ from 80, 5★ from 90 with the brand.
    published = evaluate(ledger, 2025, D(2025, 12, 31), str(resource_path("rules/five-star-published.json")))
    assert published.rule_set_name.startswith("对照方案")
    # A local standard: applicants from 16, 主题党日 each quarter, stricter training hours.
    doc = json.loads(resource_path("rules/default.json").read_text(encoding="utf-8"))
    for b in doc["basics"]:
        for r in b["rules"]:
            if r["code"] == "TEAM-DEV-AGE":
                r["params"]["min_age"] = 16
            if r["code"] == "ACT-THEME-DAY":
                r["params"]["period"] = "quarter"
            if r["code"] == "TEAM-TRAINING":
                r["params"]["member_hours"] = 80
    local = tmp_path / "local.json"
    local.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ledger.delete("meetings", ledger.rows("meetings", "kind = '主题党日' AND date LIKE '2025-08%'")[0]["id"])
    strict = evaluate(ledger, 2025, D(2025, 12, 31), str(local))
    plain = evaluate(ledger, 2025, D(2025, 12, 31))
    assert strict.rule("TEAM-DEV-AGE").status == "达标"
    assert (plain.rule("ACT-THEME-DAY").status, strict.rule("ACT-THEME-DAY").status) == ("未达标", "达标")
    assert (plain.rule("TEAM-TRAINING").status, strict.rule("TEAM-TRAINING").status) == ("达标", "未达标")
    assert "≥80学时" in strict.rule("TEAM-TRAINING").target


def test_published_scheme_gives_more_stars_for_the_same_ledger(ledger):
    compliant_branch(ledger, brand=False)
    # No 办实事 all year (ROLE-DEEDS 0) and no 党课 in two quarters (ACT-LESSON keeps 2/4).
    for row in ledger.rows("volunteer_activities", "kind = '办实事'"):
        ledger.delete("volunteer_activities", row["id"])
    for row in ledger.rows("meetings", "kind = '党课'")[:2]:
        ledger.delete("meetings", row["id"])
    default = evaluate(ledger, 2025, D(2025, 12, 31))
    published = evaluate(ledger, 2025, D(2025, 12, 31), str(resource_path("rules/five-star-published.json")))
    assert default.score == published.score == 88.2
    assert (default.stars, published.stars) == (3, 4)


def test_bad_rule_set_files_are_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(LedgerError):
        load_rule_set(bad)
    shutil.copy(resource_path("rules/default.json"), tmp_path / "x.json")
    text = (tmp_path / "x.json").read_text(encoding="utf-8").replace('"ORG-SIZE"', '"ORG-UNKNOWN"')
    (tmp_path / "x.json").write_text(text, encoding="utf-8")
    with pytest.raises(LedgerError, match="ORG-UNKNOWN"):
        load_rule_set(tmp_path / "x.json")


def test_every_rule_of_rules_md_is_in_the_default_file():
    codes = [r.code for b in load_rule_set().basics for r in b.rules]
    assert [b.code for b in load_rule_set().basics] == ["ORG", "TEAM", "ACT", "ROLE", "SYS", "SUP"]
    assert len(codes) == 39 and len(set(codes)) == 39


def test_as_of_defaults_and_future_year(ledger):
    today = dt.date.today()
    assert evaluate(ledger, today.year - 1).as_of == D(today.year - 1, 12, 31)
    assert evaluate(ledger, today.year).as_of == today
    assert evaluate(ledger, 2024, D(2025, 3, 1)).as_of == D(2024, 12, 31)
    with pytest.raises(LedgerError, match="尚未开始"):
        evaluate(ledger, today.year + 1)
    with pytest.raises(LedgerError):
        evaluate(ledger, 2025, D(2024, 12, 31))


def test_odd_data_is_reported_not_raised(ledger):
    mid = full_member(ledger, "怪数据")
    meeting(ledger, "支部党员大会", "2025-03-01", {mid: "出席"}, vote=1)
    ledger.conn.execute("UPDATE meetings SET date = '2025-13-45' WHERE id = 1")
    ledger.conn.execute("UPDATE branch SET committee_elected_on = 'someday'") if ledger.branch() else None
    ledger.conn.execute("INSERT INTO dues (member_id, month, amount_due, amount_paid, created_at, updated_at) "
                        "VALUES (?, '2025-02', 'abc', NULL, 'x', 'x')", (mid,))
    report = evaluate(ledger, 2025, D(2025, 12, 31))
    assert len(report.rules) == 39 and all(r.status for r in report.rules)
    assert report.rule("SYS-DUES").status == "未达标"  # 'abc' is not a payment
    assert format_report(report) and reminders(ledger, D(2025, 12, 1)) is not None


def test_reminders_for_the_coming_thirty_days(ledger):
    ledger.save_branch({"name": "测试党支部", "committee_elected_on": "2023-01-10"})
    old = full_member(ledger, "老党员")
    person(ledger, "预备甲", {15: "2025-01-10", 17: "2025-02-20"})
    person(ledger, "积极分子乙", {1: "2024-10-01", 2: "2024-10-15", 3: "2025-01-05"})
    person(ledger, "政治生日丙", [(15, "2000-12-25"), (23, "2001-12-25", {"outcome": "按期转正"})])
    ledger.insert("rectifications", {"problem": "制度上墙", "deadline": "2025-12-28", "status": "整改中"})
    for m in range(1, 12):
        paid = {} if m == 10 else {"amount_paid": 1000, "paid_on": f"2025-{m:02d}-15"}
        ledger.insert("dues", {"member_id": old, "month": f"2025-{m:02d}", "amount_due": 1000, **paid})
    ledger.insert("committee_roles", {"member_id": old, "role": "书记", "start_date": "2023-01-10"})
    got = reminders(ledger, D(2025, 12, 20))
    texts = [(r.date.isoformat(), r.message) for r in got]
    assert ("2026-01-10", "预备甲的预备期将于2026-01-10届满，请督促其提交转正申请并召开支部党员大会讨论转正") in texts
    assert any(d == "2026-01-05" and "积极分子乙" in m and "将满一年" in m for d, m in texts)
    assert any(d == "2025-12-25" and "政治生日丙的政治生日" in m and "25周年" in m for d, m in texts)
    assert any(d == "2025-12-28" and "制度上墙" in m for d, m in texts)
    assert any(d == "2026-01-10" and "任期届满" in m for d, m in texts)
    assert ("2025-12-20", "1名党员有未缴党费：老党员（1个月）") in texts
    assert any(d == "2025-12-31" and "主题党日" in m for d, m in texts)
    assert any(d == "2025-12-31" and "组织生活会" in m for d, m in texts)
    assert [r.date for r in got] == sorted(r.date for r in got)
    assert not any(r.date > D(2026, 1, 19) for r in got)
    assert not any("积极分子乙" in r.message for r in reminders(ledger, D(2025, 12, 20), days=10))


def test_reminders_around_29_february(ledger):
    person(ledger, "闰日入党", {15: "2024-02-29", 17: "2024-04-10"})
    texts = [(r.date.isoformat(), r.message) for r in reminders(ledger, D(2025, 2, 15))]
    assert any(d == "2025-02-28" and "预备期将于2025-02-28届满" in m for d, m in texts)
    assert any(d == "2025-02-28" and "政治生日" in m and "1周年" in m for d, m in texts)


def test_check_cli_json_shape(ledger, ledger_path, capsys):
    compliant_branch(ledger, brand=False)
    ledger.close()
    assert main(["check", "--db", str(ledger_path), "--year", "2025", "--as-of", "2025-12-31", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["year", "as_of", "standard_met", "score", "stars", "basics", "projection", "next_star",
                         "reminders"]
    assert set(doc["projection"]) == {"secured", "if_nothing_more", "with_plan"}
    # 31 December: the year ends as it stands unless the brand is answered today.
    assert doc["projection"]["if_nothing_more"] == {"standard_met": True, "score": 94.4, "stars": 4}
    assert doc["projection"]["with_plan"] == {"standard_met": True, "score": 100.0, "stars": 5}
    assert (doc["year"], doc["as_of"], doc["standard_met"], doc["stars"]) == (2025, "2025-12-31", True, 4)
    assert [b["code"] for b in doc["basics"]] == ["ORG", "TEAM", "ACT", "ROLE", "SYS", "SUP"]
    assert doc["basics"][0]["name"] == "基本组织"
    first = doc["basics"][0]["rules"][0]
    assert list(first) == ["code", "name", "kind", "status", "measured", "target", "message", "advice", "evidence"]
    assert first["code"] == "ORG-FORM" and first["status"] == "达标"
    assert set(doc["next_star"]) == {"target_stars", "reachable", "actions", "blocked_by"}
    # On 31 December the brand can still be answered today: the plan says so.
    assert [a["rule"] for a in doc["next_star"]["actions"]] == ["SUP-BRAND"]
    assert all(set(r) == {"date", "message"} for r in doc["reminders"])
    assert main(["check", "--db", str(ledger_path), "--year", "2025", "--as-of", "2025-12-31"]) == 0
    text = capsys.readouterr().out
    assert "截至目前：达标" in text and "★★★★☆" in text and "六、基本保障" in text
    assert "年底预计：按计划可达 ★★★★★ · 若不再行动 ★★★★ · 已确保 ★★★★" in text


def test_check_cli_refuses_a_future_year(ledger, ledger_path, capsys):
    ledger.close()
    assert main(["check", "--db", str(ledger_path), "--year", str(dt.date.today().year + 1)]) == 2
    assert "尚未开始" in capsys.readouterr().err


def test_snapshot_reads_only_the_year(ledger):
    """The year's tables are read through date/month/year ranges, never whole."""
    compliant_branch(ledger, year=2024)
    compliant_branch(ledger, year=2025)
    statements = []
    ledger.conn.set_trace_callback(statements.append)
    try:
        evaluate(ledger, 2025, D(2025, 12, 31))
    finally:
        ledger.conn.set_trace_callback(None)
    yearly = ("meetings", "trainings", "volunteer_activities", "dues", "appraisals", "attendance",
              "training_attendance", "volunteer_hours", "checklist")
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    for sql in reads:
        table = sql.split(" FROM ", 1)[1].split()[0] if " FROM " in sql else ""
        if table in yearly:
            assert any(k in sql for k in ("date >=", "month >=", "year =", " IN (", "MIN(month)")), sql
    assert len(reads) < 30


def test_report_reminders_only_for_a_recent_as_of(ledger):
    today = dt.date.today()
    admitted = today + dt.timedelta(days=10)
    admitted = admitted.replace(year=admitted.year - 1) if not (admitted.month, admitted.day) == (2, 29) \
        else admitted.replace(year=admitted.year - 1, day=28)
    person(ledger, "临近转正", {15: admitted.isoformat()})
    now = evaluate(ledger, today.year)
    assert any("临近转正的预备期将于" in r.message for r in now.reminders)
    assert evaluate(ledger, today.year - 1).reminders == []


def test_one_as_of_convention():
    from dangzhibu_desktop.rules import as_of_day, by_words, judged, resolve_as_of, still_possible
    today = D(2026, 6, 15)
    assert as_of_day(2026, today) == today
    assert as_of_day(2025, today) == D(2025, 12, 31)
    assert as_of_day(2027, today) == D(2027, 1, 1)
    assert as_of_day(2026, today, D(2027, 3, 1)) == D(2026, 12, 31)
    with pytest.raises(LedgerError):
        as_of_day(2026, today, D(2025, 12, 31))
    with pytest.raises(LedgerError, match="尚未开始"):
        resolve_as_of(2027, None, today)
    assert resolve_as_of(2027, D(2027, 2, 1), today) == D(2027, 2, 1)
    # A deadline ending on D is judged on D, and still possible on D (today).
    assert judged(D(2026, 6, 15), today) and not judged(D(2026, 6, 16), today)
    assert still_possible(D(2026, 6, 15), today) and not still_possible(D(2026, 6, 14), today)
    assert by_words(D(2026, 12, 31), today) == "12月31日前" and by_words(today, today) == "今天"


def test_window_exports_and_grid_share_the_as_of_day(ledger):
    from dangzhibu_desktop.exports.common import Job
    from dangzhibu_desktop.rules import as_of_day
    today = D(2026, 6, 15)
    for year in (2025, 2026, 2027):
        assert Job(ledger, year, today=today).as_of == as_of_day(year, today)


def test_rule_numbers_come_from_the_rule_set_file_once(tmp_path, ledger):
    """A rule set that leaves a number out gets the bundled default, merged once by the loader;
    a number it states wins; and the checks hold no second default of their own."""
    import json
    import re
    from pathlib import Path

    import dangzhibu_desktop.rules as rules_pkg

    doc = {"format": "dangzhibu-rules", "name": "局部", "basics": [
        {"code": "ORG", "name": "基本组织", "rules": [
            {"code": "ORG-SIZE", "name": "规模", "kind": "可控", "params": {}},
            {"code": "ORG-FORM", "name": "成立", "kind": "否定", "params": {"min_full_members": 5}}]}]}
    path = tmp_path / "local.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    rs = load_rule_set(path)
    assert rs.params("ORG-SIZE") == {"max_members": 50}
    assert rs.params("ORG-FORM") == {"min_full_members": 5}
    assert rs.params("ACT-GROUP")["meeting_kinds"] == ["党小组会"]  # left out: the default's
    assert rs.basic_min == 60 and rs.credit["预警"] == 0.5 and rs.dues["farmer"]["class"] == "农民"
    assert evaluate(ledger, 2025, D(2025, 12, 31), path).rule("ORG-FORM").target == "≥5名正式党员"
    folder = Path(rules_pkg.__file__).parent
    for f in folder.glob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"\b(p|params)\.get\(", text), f.name
        assert not re.search(r"\.params\([^)]*\)\.get\(", text), f.name


def test_as_of_boundaries_year_end_future_year_today():
    """DESIGN.md "As of D": the running year is seen on today (1 January and 31 December
    included), a past year on its 31 December, a future year on its 1 January."""
    from dangzhibu_desktop.rules import as_of_day
    for today in (D(2026, 1, 1), D(2026, 6, 15), D(2026, 12, 31)):
        assert as_of_day(2026, today) == today
        assert as_of_day(2025, today) == D(2025, 12, 31)
        assert as_of_day(2027, today) == D(2027, 1, 1)
    # New Year's Day: the year just ended is judged on its last day, the new one on its first.
    assert as_of_day(2025, D(2026, 1, 1)) == D(2025, 12, 31)
    assert as_of_day(2026, D(2025, 12, 31)) == D(2026, 1, 1)
    assert as_of_day(2026, D(2026, 6, 15), D(2026, 12, 31)) == D(2026, 12, 31)


def test_no_copy_of_the_as_of_day_outside_rules():
    """The window's pages, the appraisal dialog and the export Job ask rules.as_of_day; no
    module keeps its own copy of the past/current/future-year rule."""
    import re
    from pathlib import Path

    import dangzhibu_desktop
    from dangzhibu_desktop.ui.pages import assessment, dashboard

    root = Path(dangzhibu_desktop.__file__).parent
    assert not hasattr(dashboard, "as_of_for") and not hasattr(assessment, "as_of_for")
    for name in ("ui/pages/dashboard.py", "ui/pages/assessment.py", "ui/dialogs/misc.py", "exports/common.py",
                 "rules/grid.py"):
        text = (root / name).read_text(encoding="utf-8")
        assert "as_of_day(" in text, name
        assert not re.search(r"date\(year, 12, 31\)|date\(year, 1, 1\)", text), name
    engine = (root / "rules/engine.py").read_text(encoding="utf-8")
    assert "resolve_as_of(" in engine


def test_reminders_speak_like_the_plan(ledger):
    """Reminders use the plan's wording for deadlines (今天 on the last day), warn of 换届 from
    the rule's 90 days, remind of this month's dues and say a lapse that happened in the past tense."""
    a = full_member(ledger, "按月交")
    b = full_member(ledger, "久未交")
    ledger.save_branch({"name": "测试党支部", "committee_elected_on": "2023-02-15"})
    for m in range(1, 12):
        ledger.insert("dues", {"member_id": a, "month": f"2025-{m:02d}", "amount_due": 100, "amount_paid": 100,
                               "paid_on": f"2025-{m:02d}-10"})
    for m in range(1, 5):
        ledger.insert("dues", {"member_id": b, "month": f"2025-{m:02d}", "amount_due": 100, "amount_paid": 100,
                               "paid_on": f"2025-{m:02d}-10"})
    on_last_day = [(r.date, r.message) for r in reminders(ledger, D(2025, 11, 30))]
    assert (D(2025, 11, 30), "本月（11月）尚未开展主题党日，请今天开展") in on_last_day
    before = [(r.date, r.message) for r in reminders(ledger, D(2025, 11, 20))]
    assert (D(2025, 11, 30), "本月（11月）尚未开展主题党日，请在11月30日前开展") in before
    # Term ends 2026-02-15: 87 days ahead on 11-20 is inside ORG-TERM's 90 days (beyond the 30).
    assert any(d == D(2026, 2, 15) and "还有87天" in m for d, m in before)
    assert (D(2025, 11, 30), "本月（11月）还有1名党员的党费尚未收缴，请在11月30日前收缴并登记") in before
    # 久未交: May–October unpaid, six months: the lapse happened.
    assert any("久未交已连续6个月未交纳党费（2025年5月至2025年10月），已达到连续6个月不交纳党费的情形" in m
               for _, m in before)


def test_reminders_count_the_unpaid_run_across_the_year_boundary(ledger):
    """Unpaid 2025-09 … 2026-02: on 2026-03-10 the rule has failed (SYS-DUES-LAPSE) and the
    reminder says so, though only two of the months are in 2026; 2025-10 … 2026-02 (five) warns."""
    from dangzhibu_desktop.rules import evaluate

    def book(unpaid_from):
        mid = full_member(ledger, f"欠{unpaid_from}")
        for y, m in [(2025, m) for m in range(7, 13)] + [(2026, 1), (2026, 2)]:
            ym = f"{y}-{m:02d}"
            paid = ym < unpaid_from
            ledger.insert("dues", {"member_id": mid, "month": ym, "amount_due": 100,
                                   "amount_paid": 100 if paid else 0, **({"paid_on": f"{ym}-10"} if paid else {})})
        return mid

    book("2025-09")
    book("2025-10")
    day = D(2026, 3, 10)
    said = [r.message for r in reminders(ledger, day)]
    assert any(m.startswith("欠2025-09已连续6个月未交纳党费（2025年9月至2026年2月），已达到") for m in said)
    assert any(m.startswith("欠2025-10已连续5个月未交纳党费（连续6个月将按自行脱党处理）") for m in said)
    rule = next(r for b in evaluate(ledger, 2026, day).to_dict()["basics"] for r in b["rules"]
                if r["code"] == "SYS-DUES-LAPSE")
    assert rule["status"] == "未达标"


def test_reminders_of_the_half_year_reviews(ledger):
    """The half-year 考察 of 积极分子 and 预备党员 are reminded, by the rules' own last day."""
    person(ledger, "积极分子", {1: "2024-05-01", 2: "2024-05-10", 3: "2025-06-10"})
    person(ledger, "预备党员", {15: "2025-05-20"})
    early = [m for _, m in (((r.date, r.message) for r in reminders(ledger, D(2025, 11, 10))))]
    assert not any("半年考察" in m for m in early)  # both due beyond the 30 days
    texts = [(r.date, r.message) for r in reminders(ledger, D(2025, 12, 5))]
    assert (D(2025, 12, 21), "12月21日前对预备党员预备党员进行半年考察并记录") in texts
    assert (D(2025, 12, 31), "12月31日前对入党积极分子积极分子进行半年考察并记录") in texts
