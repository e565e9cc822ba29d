"""基本作用, 基本制度 and 基本保障 rules."""

from dangzhibu_desktop.rules import checklist_items, load_rule_set
from tests.attachment_files import add_proof
from tests.rules_support import D, full_member, person, rule


def _dues(ledger, mid, months, paid=True, amount=1000):
    for ym in months:
        values = {"member_id": mid, "month": ym, "amount_due": amount}
        if paid:
            values.update(amount_paid=amount, paid_on=f"{ym}-20")
        ledger.insert("dues", values)


def _months(year, first, last):
    return [f"{year}-{m:02d}" for m in range(first, last + 1)]


def test_posts_active_on_the_day(ledger):
    assert rule(ledger, "ROLE-POSTS").status == "未达标"
    ledger.insert("pioneer_posts", {"kind": "突击队", "name": "抢修突击队", "established_on": "2023-01-01",
                                    "ended_on": "2025-06-30"})
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 6, 1)).status == "达标"
    r = rule(ledger, "ROLE-POSTS")
    # 31 December (the end of the day): a post set up today still counts, so the plan says 今天.
    assert r.status == "未达标" and [(a.type, a.by) for a in r.fix.actions] == [("post", D(2025, 12, 31))]
    assert r.fix.texts[0].startswith("今天设立1个")


def test_post_share_half_of_members(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(4)]
    post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "党员先锋岗"})
    ledger.replace_children("post_members", post, [{"member_id": ids[0]}])
    r = rule(ledger, "ROLE-POST-SHARE")
    assert r.status == "未达标" and r.measured == "25%" and r.kind == "弹性"
    ledger.replace_children("post_members", post, [{"member_id": ids[0]}, {"member_id": ids[1]},
                                                   {"member_id": ids[2], "until": "2025-03-01"}])
    assert rule(ledger, "ROLE-POST-SHARE").measured == "50%"
    assert rule(ledger, "ROLE-POST-SHARE").status == "达标"


def test_volunteer_quarterly_and_hours_per_member(ledger):
    ids = [full_member(ledger, f"党员{i}") for i in range(2)]
    for q in range(4):
        a = ledger.insert("volunteer_activities", {"date": f"2025-{3 * q + 1:02d}-10", "title": f"服务{q}"})
        ledger.replace_children("volunteer_hours", a, [{"member_id": ids[0], "hours": 30}])
    r = rule(ledger, "ROLE-VOLUNTEER")
    assert r.status == "未达标" and "人均6.0小时" in r.measured  # 12 h over 2 members < 8
    mid = rule(ledger, "ROLE-VOLUNTEER", as_of=D(2025, 9, 30))
    assert mid.status == "待到期" and any("小时" in a for a in mid.fix.texts)
    a = ledger.insert("volunteer_activities", {"date": "2025-11-10", "title": "补充服务"})
    ledger.replace_children("volunteer_hours", a, [{"member_id": ids[1], "hours": 40}])
    assert rule(ledger, "ROLE-VOLUNTEER").status == "达标"


def test_volunteer_quarter_missed(ledger):
    full_member(ledger, "党员")
    a = ledger.insert("volunteer_activities", {"date": "2025-01-10", "title": "服务"})
    assert a
    r = rule(ledger, "ROLE-VOLUNTEER", as_of=D(2025, 7, 1))
    assert r.status == "未达标" and r.evidence == ["第二季度未开展志愿服务"]


def test_deeds_four_a_year(ledger):
    for i in range(3):
        ledger.insert("volunteer_activities", {"date": f"2025-0{i + 2}-01", "title": f"实事{i}", "kind": "办实事"})
    assert rule(ledger, "ROLE-DEEDS").status == "未达标"
    r = rule(ledger, "ROLE-DEEDS", as_of=D(2025, 10, 1))
    assert r.status == "待到期" and r.fix.texts == ["12月31日前再办1件“我为群众办实事”项目并登记"]
    ledger.insert("volunteer_activities", {"date": "2025-11-01", "title": "实事3", "kind": "办实事"})
    assert rule(ledger, "ROLE-DEEDS").status == "达标"


def test_dues_months_fully_paid(ledger):
    a, b = full_member(ledger, "甲"), full_member(ledger, "乙")
    _dues(ledger, a, _months(2025, 1, 12))
    _dues(ledger, b, _months(2025, 1, 10))
    ledger.insert("dues", {"member_id": b, "month": "2025-11", "amount_due": 1000, "amount_paid": 500,
                           "paid_on": "2025-11-20"})
    r = rule(ledger, "SYS-DUES")
    assert r.status == "未达标" and r.evidence == ["乙：11月、12月未足额缴纳"]
    assert r.measured == "91.7%"
    # Mid-month, the running month is not yet due: paid so far, but November and December are
    # still to collect from both, so the rule is at risk (待到期), with one dues action each.
    mid = rule(ledger, "SYS-DUES", as_of=D(2025, 11, 15))
    assert mid.status == "待到期" and mid.measured == "100%"
    assert [(a.type, a.params) for a in mid.fix.actions] == [
        ("dues", {"member_id": a, "months": ["2025-11", "2025-12"]}),
        ("dues", {"member_id": b, "months": ["2025-11", "2025-12"]})]
    assert mid.fix.actions[0].by == D(2025, 12, 31)
    # On 31 December December is judged, and can still be paid today.
    last = rule(ledger, "SYS-DUES", as_of=D(2025, 12, 31))
    assert last.status == "未达标" and last.fix.actions[0].by == D(2025, 12, 31)
    assert last.fix.texts == ["今天督促乙补缴11月、12月党费并登记"]


def test_probationary_members_pay_from_admission_month(ledger):
    mid = person(ledger, "新党员", {15: "2025-06-18"})
    _dues(ledger, mid, _months(2025, 6, 12))
    assert rule(ledger, "SYS-DUES").measured == "100%"


def test_six_consecutive_unpaid_months_is_a_veto(ledger):
    mid = full_member(ledger, "欠费者")
    _dues(ledger, mid, _months(2025, 1, 6))
    r = rule(ledger, "SYS-DUES-LAPSE")
    assert r.status == "未达标" and "2025-07至2025-12连续6个月" in r.evidence[0]
    assert rule(ledger, "SYS-DUES-LAPSE", as_of=D(2025, 11, 30)).status == "预警"  # five months so far


def test_lapse_judged_by_payment_dates_back_payment_does_not_undo_it(ledger):
    """RULES.md SYS-DUES-LAPSE: seven months unpaid, then paid back in November — the lapse
    happened (a failed veto for the year), with the back payment in the evidence."""
    mid = full_member(ledger, "补缴者")
    _dues(ledger, mid, _months(2025, 1, 3))
    for ym in _months(2025, 4, 10):
        ledger.insert("dues", {"member_id": mid, "month": ym, "amount_due": 1000, "amount_paid": 1000,
                               "paid_on": "2025-11-05"})
    _dues(ledger, mid, _months(2025, 11, 12))
    r = rule(ledger, "SYS-DUES-LAPSE")
    assert r.status == "未达标" and r.evidence == ["补缴者自2025-04至2025-09连续6个月未交纳党费（2025-11-05补缴）"]
    assert rule(ledger, "SYS-DUES").status == "达标"  # every month paid in the end
    # Five months unpaid and paid back: 预警 while it lasted, no lapse.
    assert rule(ledger, "SYS-DUES-LAPSE", as_of=D(2025, 8, 31)).status == "预警"


def test_scattered_unpaid_months_are_no_lapse(ledger):
    mid = full_member(ledger, "偶尔漏缴")
    _dues(ledger, mid, [ym for ym in _months(2025, 1, 12) if ym not in ("2025-02", "2025-05", "2025-08", "2025-11")])
    assert rule(ledger, "SYS-DUES-LAPSE").status == "达标"
    assert rule(ledger, "SYS-DUES").measured == "66.7%"


def test_lapse_across_the_new_year(ledger):
    mid = full_member(ledger, "跨年欠费")
    _dues(ledger, mid, _months(2024, 1, 9))
    _dues(ledger, mid, _months(2025, 4, 12))
    r = rule(ledger, "SYS-DUES-LAPSE", year=2025)
    assert r.status == "未达标" and "2024-10至2025-03连续6个月" in r.evidence[0]


def test_no_lapse_before_the_ledger_has_dues_records(ledger):
    mid = full_member(ledger, "新账")
    _dues(ledger, mid, _months(2025, 1, 12))
    assert rule(ledger, "SYS-DUES-LAPSE").status == "达标"


def test_rectifications_closed_by_deadline(ledger):
    ledger.insert("rectifications", {"problem": "记录不规范", "deadline": "2025-05-31", "status": "已完成",
                                     "closed_on": "2025-05-20"})
    assert rule(ledger, "SYS-RECTIFY").status == "达标"
    ledger.insert("rectifications", {"problem": "党费拖欠", "deadline": "2025-08-31", "status": "整改中"})
    # Met so far, but an item is due later this year: at risk, not safe.
    mid = rule(ledger, "SYS-RECTIFY", as_of=D(2025, 7, 1))
    assert mid.status == "待到期" and mid.fix.actions[0].params == {"rectification_id": 2}
    # The deadline day itself is judged (end of day) and can still be met today.
    today = rule(ledger, "SYS-RECTIFY", as_of=D(2025, 8, 31))
    assert today.status == "未达标" and today.fix.texts == ["今天完成整改并销号：党费拖欠"]
    assert today.evidence[0] == "党费拖欠：时限2025-08-31（今天到期，整改中）"
    assert rule(ledger, "SYS-RECTIFY", as_of=D(2025, 9, 1)).evidence[0] == "党费拖欠：时限2025-08-31，已逾期1天（整改中）"
    assert rule(ledger, "SYS-RECTIFY", as_of=D(2025, 8, 30)).status == "待到期"
    r = rule(ledger, "SYS-RECTIFY")
    assert r.status == "未达标" and r.measured == "1/2" and "党费拖欠" in r.evidence[0]


def test_rectification_pending_alone(ledger):
    ledger.insert("rectifications", {"problem": "阵地建设", "deadline": "2025-11-30", "status": "整改中"})
    r = rule(ledger, "SYS-RECTIFY", as_of=D(2025, 6, 1))
    assert r.status == "待到期" and r.fix.texts == ["11月30日前完成整改并销号：阵地建设"]
    assert rule(ledger, "SYS-RECTIFY", year=2024).status == "不适用"


def test_checklist_items_unanswered_unmet_and_met(ledger):
    r = rule(ledger, "SUP-VENUE")
    assert r.status == "未达标" and "尚未填写自评事项" in r.message
    ledger.insert("checklist", {"rule_code": "SUP-VENUE", "year": 2025, "met": 0})
    r = rule(ledger, "SUP-VENUE")
    assert r.status == "未达标" and r.message.startswith("未落实")
    ledger.update("checklist", ledger.rows("checklist")[0]["id"], {"met": 1, "evidence": "活动室照片"})
    add_proof(ledger, "checklist", ledger.rows("checklist")[0]["id"])
    r = rule(ledger, "SUP-VENUE")
    assert r.status == "达标" and "活动室照片" in r.evidence[0]
    assert rule(ledger, "SUP-VENUE", year=2024).status == "未达标"  # answered per year


def test_docs_checklist_by_item(ledger):
    items = [i for i in checklist_items(load_rule_set()) if i["rule_code"] == "SYS-DOCS"]
    assert len(items) == 5 and {"label", "evidence", "code"} <= set(items[0])
    for item in items[:4]:
        add_proof(ledger, "checklist", ledger.insert("checklist", {"rule_code": item["code"], "year": 2025, "met": 1}))
    r = rule(ledger, "SYS-DOCS")
    assert r.status == "未达标" and r.measured == "4/5" and "谈心谈话制度" in r.message
    add_proof(ledger, "checklist", ledger.insert("checklist", {"rule_code": items[4]["code"], "year": 2025, "met": 1}))
    assert rule(ledger, "SYS-DOCS").status == "达标"


def test_funds_and_brand_checklist(ledger):
    add_proof(ledger, "checklist", ledger.insert("checklist", {"rule_code": "SUP-FUNDS", "year": 2025, "met": 1,
                                                              "evidence": "预算文件"}))
    assert rule(ledger, "SUP-FUNDS").status == "达标"
    brand = rule(ledger, "SUP-BRAND", as_of=D(2025, 10, 1))
    assert brand.status == "未达标" and brand.kind == "弹性" and brand.fix.cost == 1


def test_back_payment_window(ledger):
    mid = full_member(ledger, "欠费")
    _dues(ledger, mid, _months(2025, 1, 3) + _months(2025, 5, 12))
    assert rule(ledger, "SYS-DUES", as_of=D(2025, 9, 30)).fix is not None  # April can still be paid
    # Six months back (October → April) is still within the window; seven is not.
    six = rule(ledger, "SYS-DUES", as_of=D(2025, 10, 31))
    assert six.fix.actions[0].params["months"] == ["2025-04"] and "不超过6个月" not in six.advice
    r = rule(ledger, "SYS-DUES", as_of=D(2025, 11, 30))
    # April is beyond the back-payment window: only December is still asked for.
    assert r.status == "未达标" and "不超过6个月" in r.advice
    assert [a.params["months"] for a in r.fix.actions] == [["2025-12"]] and r.fix.credit < 1


def test_late_payment_counts_as_paid_month_but_not_against_arrears_that_day(ledger):
    mid = full_member(ledger, "年底补交")
    _dues(ledger, mid, _months(2025, 1, 6))
    for ym in _months(2025, 7, 12):
        ledger.insert("dues", {"member_id": mid, "month": ym, "amount_due": 1000, "amount_paid": 1000,
                               "paid_on": "2026-01-15"})
    assert rule(ledger, "SYS-DUES").status == "达标"  # every month of the year was paid in the end
    assert rule(ledger, "SYS-DUES-LAPSE").status == "未达标"  # but on 12-31 six months were unpaid


def test_dues_amount_checked_against_the_brackets(ledger):
    """RULES.md SYS-DUES: the amount due is checked against the brackets from the base — 5000.00
    元 pays 1 % (the bound belongs to the lower bracket); 5000.01 元 paid at 1 % is not 足额."""
    at_bound, above = full_member(ledger, "五千整"), full_member(ledger, "五千零一分")
    for m in range(1, 13):
        ym = f"2025-{m:02d}"
        ledger.insert("dues", {"member_id": at_bound, "month": ym, "base_income": 500000, "rate": 0.01,
                               "amount_due": 5000, "amount_paid": 5000, "paid_on": f"{ym}-10"})
        ledger.insert("dues", {"member_id": above, "month": ym, "base_income": 500001, "rate": 0.01,
                               "amount_due": 5000, "amount_paid": 5000, "paid_on": f"{ym}-10"})
    r = rule(ledger, "SYS-DUES")
    assert r.status == "未达标" and r.measured == "50%"
    assert r.evidence[0].startswith("五千零一分：1月、2月")
    assert "五千零一分：2025-01按计算基数5000.01元应缴75.00元，登记应缴50.00元" in r.evidence
    assert not any(e.startswith("五千整") for e in r.evidence)


def test_a_post_ending_on_the_day_is_no_longer_active(ledger):
    ledger.insert("pioneer_posts", {"kind": "示范岗", "name": "示范岗", "established_on": "2025-01-01",
                                    "ended_on": "2025-06-30"})
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 6, 29)).status == "达标"
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 6, 30)).status == "未达标"
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 3, 1)).measured == 1


def test_a_post_set_up_on_the_day_is_active(ledger):
    ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "先锋岗", "established_on": "2025-06-01"})
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 5, 31)).status == "未达标"
    assert rule(ledger, "ROLE-POSTS", as_of=D(2025, 6, 1)).status == "达标"


def test_no_lapse_when_the_dues_records_start_in_december(ledger):
    mid = full_member(ledger, "年底建账")
    _dues(ledger, mid, ["2025-12"])
    assert rule(ledger, "SYS-DUES-LAPSE").status == "达标"
