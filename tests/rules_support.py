"""Helpers that write small ledgers inline for the rules tests (imported by test_rules_*.py)."""

import datetime as dt

from dangzhibu_desktop.rules import evaluate
from tests.attachment_files import add_proof

D = dt.date


def person(ledger, name, steps=None, **fields):
    """Insert a person with development steps: {step: date} or [(step, date, extra dict)]."""
    mid = ledger.insert("members", {"name": name, **fields})
    items = steps.items() if isinstance(steps, dict) else (steps or [])
    for item in items:
        step, date, extra = (item + ({},))[:3] if len(item) == 2 else item
        ledger.insert("development_steps", {"member_id": mid, "step": step, "date": date, **extra})
    return mid


def full_member(ledger, name, since="2010-03-01", **fields):
    """A 正式党员 admitted a year before ``since`` (only steps 15 and 23, as old records are)."""
    admitted = f"{int(since[:4]) - 1}{since[4:]}"
    return person(ledger, name, [(15, admitted, {}), (23, since, {"outcome": "按期转正"})], **fields)


def meeting(ledger, kind, date, attend=None, **fields):
    """A meeting with a complete record; ``attend``: {member_id: status}."""
    values = {"kind": kind, "date": date, "topic": fields.pop("topic", f"{kind}议题"),
              "content": fields.pop("content", "会议内容"), **fields}
    mid = ledger.insert("meetings", values)
    if attend:
        ledger.replace_children("attendance", mid, [{"member_id": k, "status": v} for k, v in attend.items()])
    return mid


def rule(ledger, code, year=2025, as_of=None, rule_set=None):
    return evaluate(ledger, year, as_of or D(year, 12, 31), rule_set).rule(code)


def compliant_branch(ledger, year=2025, n=5, brand=True):
    """A small branch that meets every rule of the default set in ``year``: n 正式党员 (no
    committee needed), the 书记 among them, every meeting, training, volunteer hour, dues
    month and checklist item in place. Returns the member ids (the 书记 first)."""
    with ledger.transaction():
        ledger.save_branch({"name": "测试党支部", "committee_elected_on": f"{year - 1}-06-01"})
        ids = [full_member(ledger, f"党员{i}", since=f"{2000 + i}-05-01") for i in range(n)]
        sec = ids[0]
        ledger.insert("committee_roles", {"member_id": sec, "role": "书记", "start_date": f"{year - 1}-06-01"})
        everyone = {i: "出席" for i in ids}
        host = {"host_id": sec, "recorder_id": ids[1]}
        for q in range(4):
            meeting(ledger, "支部党员大会", f"{year}-{3 * q + 2:02d}-10", everyone, **host)
            meeting(ledger, "党课", f"{year}-{3 * q + 2:02d}-20", everyone, lecturer_id=sec, **host)
        for m in range(1, 13):
            meeting(ledger, "主题党日", f"{year}-{m:02d}-05", everyone, **host)
        meeting(ledger, "组织生活会", f"{year}-01-15", everyone, **host)
        meeting(ledger, "民主评议党员", f"{year}-01-16", everyone, **host)
        for i, mid in enumerate(ids):
            ledger.insert("appraisals", {"year": year - 1, "member_id": mid, "rating": "优秀" if i == 0 else "合格"})
        for k in range(3):
            t = ledger.insert("trainings", {"date": f"{year}-0{3 * k + 3}-01", "title": f"集中培训{k}", "hours": 200})
            ledger.replace_children("training_attendance", t, [{"member_id": i, "hours": 200} for i in ids])
        for q in range(4):
            a = ledger.insert("volunteer_activities", {"date": f"{year}-{3 * q + 1:02d}-12", "title": f"志愿服务{q}",
                                                       "kind": "志愿服务"})
            ledger.replace_children("volunteer_hours", a, [{"member_id": i, "hours": 30} for i in ids])
            ledger.insert("volunteer_activities", {"date": f"{year}-{3 * q + 2:02d}-12", "title": f"办实事{q}",
                                                   "kind": "办实事"})
        post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": "党员先锋岗", "established_on": f"{year - 1}-01-01"})
        ledger.replace_children("post_members", post, [{"member_id": i} for i in ids])
        for mid in ids:
            for m in range(1, 13):
                ledger.insert("dues", {"member_id": mid, "month": f"{year}-{m:02d}", "amount_due": 1000,
                                       "amount_paid": 1000, "paid_on": f"{year}-{m:02d}-10"})
        person(ledger, "积极分子甲", {1: f"{year - 1}-01-10", 2: f"{year - 1}-01-20", 3: f"{year - 1}-06-01"})
        activist = ledger.rows("members", "name = '积极分子甲'")[0]["id"]
        for d in (f"{year - 1}-11-25", f"{year}-05-25", f"{year}-11-25"):
            ledger.insert("development_steps", {"member_id": activist, "step": 6, "date": d})
        for code in ("SYS-DOCS", "SUP-VENUE", "SUP-FUNDS") + (("SUP-BRAND",) if brand else ()):
            row = ledger.insert("checklist", {"rule_code": code, "year": year, "met": 1, "evidence": "已落实"})
            add_proof(ledger, "checklist", row)  # the default rule set asks for 佐证材料
    return ids
