"""The rows of the list pages: one function per page, each a list of dicts keyed by the page's
column keys (the table model reads a row by its columns' keys), 回收站 rows left out."""

from __future__ import annotations

import datetime as _dt

from ..ledger import enums, steps as _steps
from .common import member_names


def _year_range(year: int | None) -> tuple[str, str]:
    if year is None:
        return ("0000-01-01", "9999-12-31")
    return (f"{year}-01-01", f"{year}-12-31")


def _with_people_and_hours(ledger, table: str, child: str, key: str, year: int | None) -> list[dict]:
    """The year's rows of ``table``, newest first, each with ``persons`` and ``total_hours`` summed
    over its ``child`` rows (training_attendance, volunteer_hours) in the same query."""
    start, end = _year_range(year)
    return ledger.query(
        f"SELECT p.*, COUNT(c.id) AS persons, COALESCE(SUM(c.hours), 0) AS total_hours "
        f"FROM {table} p LEFT JOIN {child} c ON c.{key} = p.id "
        f"WHERE p.deleted_at IS NULL AND p.date BETWEEN ? AND ? "
        f"GROUP BY p.id ORDER BY p.date DESC, p.id DESC", (start, end))


def trainings_rows(ledger, year: int | None) -> list[dict]:
    """教育培训: the year's trainings, newest first, with ``persons`` and ``total_hours``."""
    return _with_people_and_hours(ledger, "trainings", "training_attendance", "training_id", year)


def volunteer_rows(ledger, year: int | None) -> list[dict]:
    """志愿服务: the year's activities, newest first, with ``persons`` and ``total_hours``."""
    return _with_people_and_hours(ledger, "volunteer_activities", "volunteer_hours", "activity_id", year)


def _members_with_group(ledger, columns: str = "m.*") -> list[dict]:
    return ledger.query(
        f"SELECT {columns}, g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.party_group_id AND g.deleted_at IS NULL "
        "WHERE m.deleted_at IS NULL ORDER BY m.id")


def members_rows(ledger) -> list[dict]:
    """党员名册: everyone on the roster (by id) with ``group_name``, ``category`` (today's),
    ``admitted_on`` and ``full_since`` (ISO or None)."""
    rows = _members_with_group(ledger)
    by_member = ledger.steps_by_member()
    for r in rows:
        st = by_member.get(r["id"], [])
        r["category"] = _steps.derive_category(st) or ""
        adm = _steps.admitted_on(st)
        full = _steps.full_member_since(st)
        r["admitted_on"] = adm.isoformat() if adm else None
        r["full_since"] = full.isoformat() if full else None
    return rows


def development_rows(ledger, today: _dt.date) -> list[dict]:
    """发展党员: the people 在册 in the pipeline (入党申请人 … 预备党员), with the last step done,
    the next one and the earliest day it can be done (``next_due``: that day has come)."""
    members = _members_with_group(ledger, "m.id, m.name, m.status")
    by_member = ledger.steps_by_member()
    rows = []
    for m in members:
        st = by_member.get(m["id"], [])
        cat = _steps.derive_category(st)
        if cat is None or cat == enums.FULL_MEMBER or m["status"] != enums.ACTIVE_STATUS:
            continue
        last = max(st, key=lambda s: (s["step"], s["date"]))
        nxt = _steps.next_step(st)
        applied = _steps.step_date(st, _steps.STEP_APPLY)
        rows.append({
            "id": m["id"], "name": m["name"], "category": cat, "group_name": m["group_name"],
            "last_step": _steps.step_label(last["step"]), "last_date": last["date"],
            "next_step": _steps.step_label(nxt[0]) if nxt else "",
            "next_date": nxt[1].isoformat() if nxt and nxt[1] else "",
            "next_due": bool(nxt and nxt[1] and nxt[1] <= today),
            "applied_on": applied.isoformat() if applied else None,
        })
    return rows


def meetings_rows(ledger, year: int | None) -> list[dict]:
    """三会一课: the year's meetings, newest first, with host, recorder and group names, ``time``
    ("14:30–16:00"), ``expected`` (attendance rows) and ``present`` (出席)."""
    start, end = _year_range(year)
    rows = ledger.query(
        "SELECT mt.*, h.name AS host_name, rc.name AS recorder_name, g.name AS group_name, "
        "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id) AS expected, "
        "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.status = ?) AS present "
        "FROM meetings mt "
        "LEFT JOIN members h ON h.id = mt.host_id "
        "LEFT JOIN members rc ON rc.id = mt.recorder_id "
        "LEFT JOIN party_groups g ON g.id = mt.party_group_id "
        "WHERE mt.deleted_at IS NULL AND mt.date BETWEEN ? AND ? ORDER BY mt.date DESC, mt.id DESC",
        (enums.PRESENT, start, end))
    for r in rows:
        if r.get("start_time"):
            r["time"] = r["start_time"] + ("–" + r["end_time"] if r.get("end_time") else "")
    return rows


def posts_rows(ledger, today: _dt.date) -> list[dict]:
    """先锋岗: every post, newest first, ``state`` 在岗/已撤销 on ``today`` (an end date on or before
    today: 已撤销), ``persons`` and ``member_names``."""
    day = today.isoformat()
    rows = ledger.rows("pioneer_posts", order_by="established_on DESC, id DESC")
    kids = ledger.children_of_many("post_members", [r["id"] for r in rows])
    names = member_names(ledger)
    for r in rows:
        r["state"] = "已撤销" if r.get("ended_on") and r["ended_on"] <= day else "在岗"
        pm = kids.get(r["id"], [])
        r["persons"] = len(pm)
        r["member_names"] = "、".join(names.get(p["member_id"], "") for p in pm)
    return rows


def rectifications_rows(ledger, today: _dt.date) -> list[dict]:
    """整改台账: open items first by deadline, with ``owner_name`` and ``overdue`` (open and past
    its deadline on ``today``)."""
    day = today.isoformat()
    rows = ledger.query(
        "SELECT r.*, m.name AS owner_name FROM rectifications r "
        "LEFT JOIN members m ON m.id = r.owner_id "
        "WHERE r.deleted_at IS NULL ORDER BY r.status = ?, r.deadline, r.id", (enums.COMPLETED,))
    for r in rows:
        r["overdue"] = bool(r["status"] != enums.COMPLETED and r.get("deadline") and r["deadline"] < day)
    return rows


def committee_rows(ledger, today: _dt.date) -> list[dict]:
    """支委分工: every post with ``member_name`` and ``state`` 在任/离任 by ``Ledger.committee_on``
    (the end date is the last day in office; the holder must be on the books), 在任 first in
    the order of ``enums.COMMITTEE_ROLES``."""
    held = {r["id"] for r in ledger.committee_on(today)}
    rows = ledger.query(
        "SELECT c.*, m.name AS member_name FROM committee_roles c JOIN members m ON m.id = c.member_id "
        "WHERE c.deleted_at IS NULL AND m.deleted_at IS NULL")
    for r in rows:
        r["state"] = "在任" if r["id"] in held else "离任"
    rank = {role: i for i, role in enumerate(enums.COMMITTEE_ROLES)}
    rows.sort(key=lambda r: (r["state"] != "在任", rank.get(r["role"], 99), r["start_date"]))
    return rows


def groups_rows(ledger, today: _dt.date) -> list[dict]:
    """党小组: in creation order (by name 第三 sorts before 第二), with ``leader_name`` and
    ``persons``: the 在册党员 of the group on ``today`` (``Ledger.party_members_on``, not applicants)."""
    rows = ledger.query(
        "SELECT g.*, l.name AS leader_name "
        "FROM party_groups g LEFT JOIN members l ON l.id = g.leader_id "
        "WHERE g.deleted_at IS NULL ORDER BY g.id")
    per_group: dict = {}
    for m in ledger.party_members_on(today):
        per_group[m.get("party_group_id")] = per_group.get(m.get("party_group_id"), 0) + 1
    return [{**r, "persons": per_group.get(r["id"], 0)} for r in rows]


def development_record_people(ledger, year: int, today: _dt.date) -> list[dict]:
    """导出打印's 人员 list for the 发展党员全程纪实表 of ``year``: the people ``export development
    --member all`` covers (``exports.development.subjects`` on the year's as-of day), each with
    ``label`` '张敏（发展对象）'."""
    from ..exports.development import subjects
    from ..rules.asof import as_of_day

    people = subjects(ledger, as_of_day(year, today))
    for p in people:
        p["label"] = f"{p['name']}（{p['category']}）" if p["category"] else p["name"]
    return people


def transfer_people(ledger, keep: int | None = None) -> list[dict]:
    """Whom a 组织关系转接 can be about: everyone on the roster (outside the 回收站), those 在册
    first, then the ones who left (a 转出 member may come back); ``id``, ``name``, ``status``."""
    rows = ledger.query("SELECT id, name, status FROM members WHERE deleted_at IS NULL OR id = ? ORDER BY id",
                        (keep or 0,))
    return sorted(rows, key=lambda r: r["status"] != enums.ACTIVE_STATUS)


def transfers_rows(ledger, year: int | None, today: _dt.date) -> list[dict]:
    """组织关系转接: the year's transfers (``Ledger.transfers_of``), newest first, each with
    ``awaiting``: a 转出 whose letter has expired on ``today`` with no 回执 back (to follow up)."""
    day = today.isoformat()
    rows = ledger.transfers_of(year)
    for r in rows:
        r["awaiting"] = bool(r["direction"] == enums.TRANSFERRED_OUT and not r.get("receipt_on")
                             and r.get("valid_until") and r["valid_until"] < day)
    return rows[::-1]
