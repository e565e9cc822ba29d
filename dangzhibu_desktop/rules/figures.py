"""The year's figures for the 述职报告 and the 达标创星 report.

``year_figures(ledger, year)`` returns a plain dict (JSON-ready). Hours are summed in
integer tenths and given as numbers with one decimal; money in integer fen. Keys:

- ``year``, ``as_of`` ('YYYY-MM-DD': 31 December, or today for the current year), ``branch_name``
- ``members``: ``{"party_members", "full", "probationary", "applicants", "activists", "candidates"}``
  (on the books on as_of)
- ``meetings``: ``{kind: count}`` for every meeting kind; ``meetings_total``;
  ``three_one_count`` (支部党员大会 + 支部委员会 + 党小组会 + 党课)
- ``attendance``: ``{"present", "expected", "rate"}`` over 三会一课 (rate 0–1 or None)
- ``lessons``: ``[{"date", "lecturer", "topic"}]``; ``lecturers``: distinct names;
  ``secretary_lessons``: 党课 given by a 书记
- ``theme_days``: 主题党日 count
- ``life_meeting``: ``{"held": bool, "dates": [...]}``; ``appraisal``: ``{"held": bool,
  "ratings": {优秀: n, 合格: n, …}, "rated": n}``
- ``development``: ``{"applications", "activists", "candidates", "admitted", "full_members",
  "admitted_names": [...], "full_member_names": [...], "pipeline": {category: count}}`` — the
  counts are steps 1 / 3 / 7 / 15 / 23 (按期转正) dated in the year
- ``training``: ``{"sessions", "person_times", "hours_total", "hours_per_member"}``
- ``volunteer``: ``{"activities", "person_times", "hours_total", "hours_per_member"}`` (kind 志愿服务)
- ``deeds``: ``{"count", "titles"}`` (kind 办实事)
- ``posts``: ``{"count", "items": [{"kind", "name", "members"}]}`` (active on as_of)
- ``rectifications``: ``{"total", "closed", "closed_on_time", "open", "overdue"}``
- ``dues``: ``{"due_fen", "paid_fen"}`` for the months of the year
"""

from __future__ import annotations

import datetime as _dt

from ..ledger import enums, steps as S
from .snapshot import Snapshot, as_date


def _h(tenths: int) -> float:
    return round(tenths / 10, 1)


def year_figures(ledger, year: int, as_of: _dt.date | None = None) -> dict:
    today = _dt.date.today()
    day = min(as_of or (today if today.year == year else _dt.date(year, 12, 31)), _dt.date(year, 12, 31))
    snap = Snapshot(ledger, year, day)
    people = snap.party_members()
    n_people = len(people)
    ids = {m["id"] for m in people}
    cats = {c: 0 for c in enums.CATEGORIES}
    for m in snap.members.values():
        if snap.on_books(m, day):
            c = snap.category(m["id"])
            if c in cats:
                cats[c] += 1
    meetings = {k: 0 for k in enums.MEETING_KINDS}
    for m in snap.meetings:
        meetings[m["kind"]] = meetings.get(m["kind"], 0) + 1
    present = expected = 0
    for m in snap.meetings:
        if m["kind"] in enums.THREE_MEETINGS_ONE_LESSON:
            rows = snap.attendance.get(m["id"], [])
            expected += len(rows)
            present += sum(1 for r in rows if r["status"] == "出席")
    secs = snap.secretaries_in_year()
    lessons = [m for m in snap.meetings if m["kind"] == "党课"]
    lecturers = []
    for m in lessons:
        name = snap.name(m["lecturer_id"]) if m.get("lecturer_id") else None
        if name and name not in lecturers:
            lecturers.append(name)
    dev = {"applications": 0, "activists": 0, "candidates": 0, "admitted": 0, "full_members": 0,
           "admitted_names": [], "full_member_names": []}
    for mid, steps in snap.steps.items():
        name = snap.name(mid)
        for s in steps:
            d = as_date(s.get("date"))
            if d is None or not snap.start <= d <= day:
                continue
            n = s.get("step")
            if n == S.STEP_APPLY:
                dev["applications"] += 1
            elif n == S.STEP_ACTIVIST:
                dev["activists"] += 1
            elif n == S.STEP_CANDIDATE:
                dev["candidates"] += 1
            elif n == S.STEP_ADMIT:
                dev["admitted"] += 1
                dev["admitted_names"].append(name)
            elif n == S.STEP_FULL_MEETING and (s.get("outcome") or S.OUTCOME_FULL) == S.OUTCOME_FULL:
                dev["full_members"] += 1
                dev["full_member_names"].append(name)
    dev["pipeline"] = {c: cats[c] for c in ("入党申请人", "入党积极分子", "发展对象", "预备党员")}
    t_hours = sum(a["hours"] or 0 for rows in snap.training_attendance.values() for a in rows if a["member_id"] in ids)
    t_times = sum(1 for rows in snap.training_attendance.values() for a in rows)
    vol = [a for a in snap.activities if a["kind"] == "志愿服务"]
    v_rows = [h for a in vol for h in snap.volunteer_hours.get(a["id"], [])]
    v_hours = sum(h["hours"] or 0 for h in v_rows)
    deeds = [a for a in snap.activities if a["kind"] == "办实事"]
    posts = []
    for p in snap.posts:
        start, end = as_date(p.get("established_on")), as_date(p.get("ended_on"))
        if (start is None or start <= day) and (end is None or end > day):
            posts.append({"kind": p["kind"], "name": p["name"], "members": len(snap.post_members.get(p["id"], []))})
    rect = {"total": 0, "closed": 0, "closed_on_time": 0, "open": 0, "overdue": 0}
    for r in snap.rectifications:
        rect["total"] += 1
        d, c = as_date(r.get("deadline")), as_date(r.get("closed_on"))
        if c is not None and c <= day:
            rect["closed"] += 1
            if d is None or c <= d:
                rect["closed_on_time"] += 1
        else:
            rect["open"] += 1
            if d is not None and d < day:
                rect["overdue"] += 1
    year_dues = [r for r in snap.dues if r["month"].startswith(f"{year}-")]
    ratings = {r: 0 for r in enums.RATINGS}
    for a in snap.appraisals:
        ratings[a["rating"]] = ratings.get(a["rating"], 0) + 1
    life = [m["date"] for m in snap.meetings if m["kind"] == "组织生活会"]
    return {
        "year": year, "as_of": day.isoformat(), "branch_name": snap.branch.get("name", ""),
        "members": {"party_members": n_people, "full": cats["正式党员"], "probationary": cats["预备党员"],
                    "applicants": cats["入党申请人"], "activists": cats["入党积极分子"], "candidates": cats["发展对象"]},
        "meetings": meetings, "meetings_total": len(snap.meetings),
        "three_one_count": sum(meetings.get(k, 0) for k in enums.THREE_MEETINGS_ONE_LESSON),
        "attendance": {"present": present, "expected": expected,
                       "rate": round(present / expected, 4) if expected else None},
        "lessons": [{"date": m["date"], "lecturer": snap.name(m["lecturer_id"]) if m.get("lecturer_id") else "",
                     "topic": m.get("topic") or ""} for m in lessons],
        "lecturers": lecturers,
        "secretary_lessons": sum(1 for m in lessons if m.get("lecturer_id") in secs),
        "theme_days": meetings.get("主题党日", 0),
        "life_meeting": {"held": bool(life), "dates": life},
        "appraisal": {"held": bool(meetings.get("民主评议党员") or snap.appraisals), "ratings": ratings,
                      "rated": len(snap.appraisals)},
        "development": dev,
        "training": {"sessions": len(snap.trainings), "person_times": t_times, "hours_total": _h(t_hours),
                     "hours_per_member": round(t_hours / 10 / n_people, 1) if n_people else 0.0},
        "volunteer": {"activities": len(vol), "person_times": len(v_rows), "hours_total": _h(v_hours),
                      "hours_per_member": round(v_hours / 10 / n_people, 1) if n_people else 0.0},
        "deeds": {"count": len(deeds), "titles": [a["title"] for a in deeds]},
        "posts": {"count": len(posts), "items": posts},
        "rectifications": rect,
        "dues": {"due_fen": sum(r["amount_due"] or 0 for r in year_dues),
                 "paid_fen": sum(r["amount_paid"] or 0 for r in year_dues)},
    }
