"""Where each gap the window shows is fixed: a red 缺 cell of the 工作台, a failing or at-risk
rule of 创星评估, a reminder and a plan action (去办理) each map to the editor that records it,
prefilled (meeting kind, a day in the missing month or the action's period, the 党小组, the 书记
as 授课人, the people expected), or to the page where it is done, filtered to that month.

Qt-free: the window opens what a ``Target`` says and decides nothing itself.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..ledger import enums
from ..ledger.validate import format_hours
from ..rules import load_rule_set
from ..rules.grid import DONE, MISSING, PENDING_CELL

QUARTERLY = (enums.GENERAL_MEETING, enums.PARTY_LECTURE)


@dataclass
class Target:
    """An editor to open (``table``; ``row_id`` None for a new row, prefilled with ``defaults``)
    or, without one, a page to show (``page``) for ``year``, listing only ``month`` when set,
    with its filter boxes set to ``filters``; ``tab`` a tab of that page (创星评估's 自评清单)."""

    table: str | None = None
    row_id: int | None = None
    defaults: dict = field(default_factory=dict)
    page: str | None = None
    year: int | None = None
    month: int | None = None
    filters: dict = field(default_factory=dict)
    tab: str | None = None


def day_in_month(year: int, month: int, today: _dt.date) -> _dt.date:
    """A day to record a missing month's meeting on: today in the current month, else the 15th."""
    if (today.year, today.month) == (year, month):
        return today
    return _dt.date(year, month, 15)


def day_within(start: _dt.date, by: _dt.date, today: _dt.date) -> _dt.date:
    """Today when it lies in [start, by] (deadlines include their day), else the nearer end."""
    return min(max(today, start), by)


def _iso(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))


def meeting_defaults(ledger, kind: str, day: _dt.date, *, party_group_id: int | None = None,
                     lecturer_id: int | None = None, attendees: list[int] | None = None) -> dict:
    """A new meeting of ``kind`` on ``day``: the 党小组 and its 组长 as 主持人 for a 党小组会,
    the 书记 as 主持人 (and 授课人 of a 党课) otherwise. The editor marks 出席 the ``attendees``
    a plan action names, or, without them, whoever is 应到 on the day the meeting ends up on
    (``Ledger.expected_at``, followed when the person changes the date or the group)."""
    out: dict = {"kind": kind, "date": day.isoformat()}
    secretary = ledger.secretary_on(day)
    if kind == enums.GROUP_MEETING:
        out["party_group_id"] = party_group_id
        group = ledger.get("party_groups", party_group_id) if party_group_id else None
        if group and group.get("leader_id"):
            out["host_id"] = group["leader_id"]
    elif secretary:
        out["host_id"] = secretary["member_id"]
    if kind == enums.PARTY_LECTURE:
        lecturer = lecturer_id or (secretary or {}).get("member_id")
        if lecturer:
            out["lecturer_id"] = lecturer
    if attendees is not None:
        out["attendees"] = list(attendees)
    return out


def cell_target(ledger, data: dict, row: str, month: int, today: _dt.date) -> Target:
    """A click on the 工作台 grid (``data`` from ``compute_dashboard``): a 缺 or 待开 cell opens a
    new meeting of that row in that month; a done cell lists that month's meetings of the row;
    any other lists all of that month's meetings."""
    year = data["year"]
    state = data["grid"].get((row, month))
    gid = data.get("group_ids", {}).get(row)
    kind = enums.GROUP_MEETING if gid is not None else row
    if state in (MISSING, PENDING_CELL):
        if kind == enums.GROUP_MEETING and gid is None:
            # The 党小组会 row: the first group still owing its meeting that month.
            gid = next((g for label, g in data.get("group_ids", {}).items()
                        if data["grid"].get((label, month)) in (MISSING, PENDING_CELL)), None)
        return Target("meetings", None, meeting_defaults(ledger, kind, day_in_month(year, month, today),
                                                         party_group_id=gid), year=year, month=month)
    if state == DONE:
        filters = {"kind": kind}
        if gid is not None:
            filters["party_group_id"] = gid
        return Target(page="meetings", year=year, month=month, filters=filters)
    return Target(page="meetings", year=year, month=month)


def action_target(ledger, action: dict, today: _dt.date) -> Target | None:
    """A plan action or a reminder's action (``Action.to_dict()``): its editor prefilled with a
    day within the action's period, or its page; None for work the ledger does not record."""
    kind, p = action.get("type"), action.get("params") or {}
    by = _iso(action.get("by"))
    day = day_within(_iso(action.get("from") or by), by, today)
    iso = day.isoformat()
    if kind == "meeting":
        defaults = meeting_defaults(ledger, p["meeting_kind"], day, party_group_id=p.get("party_group_id"),
                                    lecturer_id=p.get("lecturer_id"), attendees=p.get("attendees"))
        if p.get("needs_vote"):
            defaults["vote"] = 1
        return Target("meetings", None, defaults)
    tenths = int(round(float(p.get("hours") or 0) * 10))  # hours each, stored in tenths
    if kind == "training":
        return Target("trainings", None, {"date": iso, "title": "集中学习培训", "kind": enums.TRAINING_CLASSROOM,
                                          "hours": tenths, "member_ids": list(p.get("member_ids") or ())})
    if kind == "volunteer":
        defaults = {"date": iso, "kind": p.get("activity_kind") or enums.VOLUNTEER_SERVICE,
                    "member_ids": list(p.get("member_ids") or ())}
        if tenths:
            defaults["default_hours"] = format_hours(tenths)
        return Target("volunteer_activities", None, defaults)
    if kind == "step":
        return Target("development_steps", None, {"member_id": p.get("member_id"), "step": p.get("step"),
                                                  "date": iso})
    if kind == "rectification":
        return Target("rectifications", p.get("rectification_id"), {"status": enums.COMPLETED, "closed_on": iso})
    if kind == "post":
        return Target("pioneer_posts", None, {"kind": enums.PIONEER_POST, "established_on": iso,
                                              "member_ids": list(p.get("member_ids") or ())})
    if kind == "appraisal":
        return Target("appraisals", None, {"year": p.get("year") or by.year})
    if kind == "dues":
        return Target(page="dues", year=by.year)
    if kind == "checklist":
        return Target(page="assessment", year=by.year, tab="checklist")
    if kind == "committee":
        return Target(page="branch")
    return None


# A rule without a plan action today (already 达标, or nothing the ledger records) still leads
# to where its records are kept: code prefix → page.
RULE_PAGES = (
    ("ORG-FORM", "members"), ("ORG-SIZE", "members"), ("ORG-", "branch"),
    ("TEAM-TRAINING", "trainings"), ("TEAM-CONTACT", "dues"), ("TEAM-", "development"),
    ("ACT-", "meetings"), ("ROLE-POST", "posts"), ("ROLE-", "volunteer"),
    ("SYS-DUES", "dues"), ("SYS-RECTIFY", "rectifications"),
)
CHECKLIST_RULES = ("SYS-DOCS", "SUP-")


def rule_target(ledger, report: dict, code: str, today: _dt.date) -> Target | None:
    """A rule of 创星评估 (``report``: ``Report.to_dict()``): the editor of its first plan action
    still due (deadline order), else its page (a meeting rule's list filtered to its kind)."""
    year = report.get("year")
    for a in (report.get("next_star") or {}).get("actions") or []:
        if a.get("rule") == code and (t := action_target(ledger, a, today)) is not None:
            return t
    if code == "TEAM-APPRAISAL":
        return Target("appraisals", None, {"year": year})
    if code.startswith(CHECKLIST_RULES):
        return Target(page="assessment", year=year, tab="checklist")
    page = next((slug for prefix, slug in RULE_PAGES if code.startswith(prefix)), None)
    if page is None:
        return None
    filters = {}
    if page == "meetings":
        spec = load_rule_set().spec(code)
        kinds = (spec.params.get("meeting_kinds") if spec else None) or []
        if len(kinds) == 1:
            filters["kind"] = kinds[0]
    return Target(page=page, year=year, filters=filters)


def reminder_target(ledger, reminder: dict, today: _dt.date) -> Target | None:
    """A reminder of the 工作台 (``{"date", "message", "action"}``, the action as the plan's)."""
    action = reminder.get("action")
    return action_target(ledger, action, today) if action else None


def list_defaults(ledger, kind: str | None, party_group_id: int | None, year: int | None,
                  month: int | None, today: _dt.date) -> dict | None:
    """记一次会议 on the 三会一课 list filtered to a kind, a 党小组 and a month: that meeting,
    prefilled as ``meeting_defaults``; None when the list is not filtered."""
    if not kind and not month:
        return None
    day = day_in_month(year or today.year, month, today) if month else today
    if not kind:
        return {"date": day.isoformat()}
    if party_group_id is not None:
        kind = enums.GROUP_MEETING
    return meeting_defaults(ledger, kind, day, party_group_id=party_group_id)
