"""An executor of the plan for tests, written apart from the rules: it does what each action
of ``check --json``'s ``next_star`` says, as a secretary would in the window, on its last day
(``by``), and nothing else.

- ``meeting``: the meeting of its kind (group, lecturer, vote) with host, recorder, topic and
  content, every expected attendee 出席;
- ``training``: a training with each listed member's hours; ``volunteer``: the activities, each
  listed member's hours at each;
- ``dues``: each month paid in full by its month end (by ``from`` for months already due);
- ``step``: the development step (a 转正 discussion: 按期转正); ``rectification``: closed;
- ``checklist``: answered 已落实 with a photo as 佐证; ``appraisal``: each listed member rated 合格;
- ``post``: a 先锋岗 with the listed members; ``committee`` and ``other``: not done (the ledger
  cannot record them, and the plan must not count on them).
"""

from __future__ import annotations

import calendar
import datetime as dt

from tests.attachment_files import add_proof

DONE_TYPES = ("meeting", "training", "volunteer", "dues", "step", "rectification", "checklist",
              "appraisal", "post")


def _month_end(ym: str) -> dt.date:
    y, m = int(ym[:4]), int(ym[5:7])
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _secretary(ledger, day: dt.date):
    row = ledger.query("SELECT member_id FROM committee_roles WHERE role = '书记' AND start_date <= ? "
                       "AND (end_date IS NULL OR end_date = '' OR end_date > ?) ORDER BY start_date DESC LIMIT 1",
                       (day.isoformat(), day.isoformat()))
    return row[0]["member_id"] if row else None


def _dues_amount(ledger, member_id: int) -> int:
    row = ledger.query("SELECT amount_due FROM dues WHERE member_id = ? AND deleted_at IS NULL AND amount_due > 0 "
                       "ORDER BY month DESC LIMIT 1", (member_id,))
    return int(row[0]["amount_due"]) if row else 100


def execute(ledger, actions: list[dict]) -> dict:
    """Apply ``actions`` (dicts of ``check --json``); returns {type: count done}."""
    done: dict[str, int] = {}
    for a in actions:
        kind, p = a["type"], a["params"]
        by, start = dt.date.fromisoformat(a["by"]), dt.date.fromisoformat(a["from"])
        if kind not in DONE_TYPES:
            continue
        with ledger.transaction():
            _do(ledger, kind, p, by, start)
        done[kind] = done.get(kind, 0) + 1
    return done


def _do(ledger, kind: str, p: dict, by: dt.date, start: dt.date) -> None:
    day = by.isoformat()
    if kind == "meeting":
        attendees = list(p.get("attendees") or [])
        host = _secretary(ledger, by) or (attendees[0] if attendees else None)
        recorder = next((m for m in attendees if m != host), host)
        mid = ledger.insert("meetings", {
            "kind": p["meeting_kind"], "date": day, "party_group_id": p.get("party_group_id"),
            "lecturer_id": p.get("lecturer_id"), "host_id": host, "recorder_id": recorder,
            "topic": f"{p['meeting_kind']}（按计划）", "content": "按计划召开，会议记录完整", "vote": 1 if p.get("needs_vote") else 0})
        if attendees:
            ledger.replace_children("attendance", mid, [{"member_id": m, "status": "出席"} for m in attendees])
    elif kind == "training":
        tenths = int(round(float(p["hours"]) * 10))
        tid = ledger.insert("trainings", {"date": day, "title": "集中学习培训（按计划）", "hours": tenths, "kind": "集中培训"})
        ledger.replace_children("training_attendance", tid, [{"member_id": m, "hours": tenths} for m in p["member_ids"]])
    elif kind == "volunteer":
        tenths = int(round(float(p.get("hours") or 0) * 10))
        for i in range(int(p.get("activities") or 1)):
            aid = ledger.insert("volunteer_activities", {"date": day, "title": f"按计划开展的活动{i + 1}",
                                                         "kind": p.get("activity_kind") or "志愿服务"})
            if tenths and p.get("member_ids"):
                ledger.replace_children("volunteer_hours", aid, [{"member_id": m, "hours": tenths} for m in p["member_ids"]])
    elif kind == "dues":
        member = p["member_id"]
        amount = _dues_amount(ledger, member)
        for ym in p["months"]:
            paid_on = max(start, min(_month_end(ym), by)).isoformat()
            row = ledger.query("SELECT id, amount_due FROM dues WHERE member_id = ? AND month = ? AND deleted_at IS NULL",
                               (member, ym))
            if row:
                due = int(row[0]["amount_due"] or 0) or amount
                ledger.update("dues", row[0]["id"], {"amount_due": due, "amount_paid": due, "paid_on": paid_on})
            else:
                ledger.insert("dues", {"member_id": member, "month": ym, "amount_due": amount, "amount_paid": amount,
                                       "paid_on": paid_on})
    elif kind == "step":
        values = {"member_id": p["member_id"], "step": p["step"], "date": day, "note": "按计划办理"}
        if p["step"] in (23, 24):
            values["outcome"] = "按期转正"
        ledger.insert("development_steps", values)
    elif kind == "rectification":
        ledger.update("rectifications", p["rectification_id"], {"status": "已完成", "closed_on": day})
    elif kind == "checklist":
        old = ledger.rows("checklist", "rule_code = ? AND year = ?", (p["rule_code"], by.year))
        if old:
            row = old[0]["id"]
            ledger.update("checklist", row, {"met": 1, "evidence": "按计划落实"})
        else:
            row = ledger.insert("checklist", {"rule_code": p["rule_code"], "year": by.year, "met": 1, "evidence": "按计划落实"})
        add_proof(ledger, "checklist", row)
    elif kind == "appraisal":
        year = int(p.get("year") or by.year)
        for m in p["member_ids"]:
            ledger.insert("appraisals", {"year": year, "member_id": m, "rating": "合格"})
    elif kind == "post":
        for i in range(int(p.get("posts") or 1)):
            post = ledger.insert("pioneer_posts", {"kind": "先锋岗", "name": f"按计划设立的先锋岗{i + 1}",
                                                   "established_on": day})
            ledger.replace_children("post_members", post, [{"member_id": m, "since": day} for m in p["member_ids"]])
