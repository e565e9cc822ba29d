"""党员档案: everything the ledger holds about one person, for one chosen year where a figure is
a year's (组织生活, 学时, 志愿服务, 党费). Qt-free; the dialog only renders what this returns.

Each figure asks the one place that defines it: the category and its changes
(``ledger.steps``), the 25 steps (``steps.CATALOGUE``, ``steps.next_step``), the 学时 target
(``rules.training.member_training``: the rule set's numbers), the months owed and whether they
were paid (``rules.dues``: ``owes_month``, ``dues_ledger``, ``dues_lapses``)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..ledger import enums, steps as _steps
from ..rules.asof import as_of_day
from ..rules.dues import dues_lapses, dues_ledger, owes_month
from ..rules.ruleset import RuleSet, load_rule_set
from ..rules.snapshot import Snapshot, month_end
from ..rules.training import TrainingStanding, member_training

# A month's dues as the 档案 words it.
DUES_PAID = "已交纳"
DUES_UNPAID = "未交纳"
DUES_OPEN = "本月未结束"  # owed, the month not over on the as-of day: not judged yet
DUES_NOT_OWED = "无需交纳"  # not a 党员 on the books that month


@dataclass
class PersonFile:
    """One person's 档案 for ``year`` seen on ``day`` (``as_of_day``).

    ``member``: the members row with ``group_name``; ``category``: on ``day``;
    ``categories``: [(ISO date, category or None)] each change; ``steps``: the 25 catalogue
    steps, each {number, name, stage, dates [ISO], note, outcome, persons, done};
    ``next_step``: {number, name, earliest (ISO or None)} or None; ``meetings``: the year's
    attendance rows (date, kind, topic, status, reason, meeting_id); ``attendance``: {status: n};
    ``training``: the rule's standing; ``trainings``: the year's rows (date, title, kind,
    hours in tenths, counted by the rule); ``volunteer``: (date, title, kind, hours). A meeting,
    training or activity dated after ``day`` (typed ahead) is listed with ``ahead`` and left out
    of every count, as the rules leave it out;
    ``posts``: 先锋岗 rows; ``roles``: 支委 and 党小组组长 rows; ``dues``: one row per month;
    ``talks``: as 谈话对象 or 谈话人; ``appraisals``: every year's rating, newest first;
    ``transfers``: the 组织关系转接 records (``Ledger.transfers_of``), in date order."""

    member: dict
    year: int
    day: _dt.date
    category: str | None
    admitted_on: str | None
    full_since: str | None
    standing_years: int | None
    categories: list[tuple[str, str | None]]
    steps: list[dict]
    next_step: dict | None
    meetings: list[dict]
    attendance: dict[str, int]
    training: TrainingStanding
    trainings: list[dict]
    volunteer: list[dict]
    posts: list[dict]
    roles: list[dict]
    dues: list[dict]
    dues_lapse: str | None
    lapse_months: int
    talks: list[dict]
    appraisals: list[dict]
    transfers: list[dict] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    @property
    def volunteer_hours(self) -> int:
        """The year's 志愿服务 hours, in tenths."""
        return sum(r["hours"] or 0 for r in self.volunteer if not r["ahead"])

    @property
    def dues_paid_months(self) -> list[str]:
        return [r["month"] for r in self.dues if r["state"] == DUES_PAID]

    @property
    def dues_unpaid_months(self) -> list[str]:
        return [r["month"] for r in self.dues if r["state"] == DUES_UNPAID]


def person_years(ledger, member_id: int, extra: int | None = None) -> list[int]:
    """Every year from the person's first record (attendance, 学时, 志愿服务, 党费, 评议, 谈话, a
    step) to the last or ``extra`` (the current year), newest first: a year with nothing recorded
    in between is one to look at too."""
    rows = ledger.query(
        "SELECT substr(t.date, 1, 4) AS y FROM attendance a JOIN meetings t ON t.id = a.meeting_id "
        "WHERE a.member_id = :m AND t.deleted_at IS NULL "
        "UNION SELECT substr(t.date, 1, 4) FROM training_attendance a JOIN trainings t "
        "ON t.id = a.training_id WHERE a.member_id = :m AND t.deleted_at IS NULL "
        "UNION SELECT substr(t.date, 1, 4) FROM volunteer_hours a JOIN volunteer_activities t "
        "ON t.id = a.activity_id WHERE a.member_id = :m AND t.deleted_at IS NULL "
        "UNION SELECT substr(month, 1, 4) FROM dues WHERE member_id = :m AND deleted_at IS NULL "
        "UNION SELECT CAST(year AS TEXT) FROM appraisals WHERE member_id = :m AND deleted_at IS NULL "
        "UNION SELECT substr(date, 1, 4) FROM talks WHERE (member_id = :m OR talker_id = :m) "
        "AND deleted_at IS NULL "
        "UNION SELECT substr(date, 1, 4) FROM development_steps WHERE member_id = :m "
        "AND deleted_at IS NULL", {"m": member_id})
    years = {int(r["y"]) for r in rows if r["y"] and str(r["y"]).isdigit()}
    if extra:
        years.add(extra)
    return list(range(max(years), min(years) - 1, -1)) if years else []


def _steps_rows(steps: list[dict]) -> list[dict]:
    by_number: dict[int, list[dict]] = {}
    for s in steps:
        by_number.setdefault(s["step"], []).append(s)
    out = []
    for number, step in _steps.CATALOGUE.items():
        done = by_number.get(number, [])
        out.append({
            "number": number, "name": step.name, "stage": step.stage,
            "dates": [s["date"] for s in done],
            "note": "；".join(s["note"] for s in done if s.get("note")),
            "outcome": "、".join(s["outcome"] for s in done if s.get("outcome")),
            "persons": "；".join(s["persons"] for s in done if s.get("persons")),
            "done": bool(done),
        })
    return out


def _dated(rows: list[dict], day: _dt.date) -> list[dict]:
    for r in rows:
        r["ahead"] = str(r["date"]) > day.isoformat()
    return rows


def _meetings(ledger, member_id: int, year: int) -> list[dict]:
    return ledger.query(
        "SELECT t.id AS meeting_id, t.date, t.kind, t.topic, a.status, a.reason "
        "FROM attendance a JOIN meetings t ON t.id = a.meeting_id "
        "WHERE a.member_id = ? AND t.deleted_at IS NULL AND t.date BETWEEN ? AND ? "
        "ORDER BY t.date, t.id", (member_id, f"{year}-01-01", f"{year}-12-31"))


def _trainings(ledger, member_id: int, year: int, kinds: tuple[str, ...]) -> list[dict]:
    rows = ledger.query(
        "SELECT t.id AS training_id, t.date, t.title, t.kind, a.hours "
        "FROM training_attendance a JOIN trainings t ON t.id = a.training_id "
        "WHERE a.member_id = ? AND t.deleted_at IS NULL AND t.date BETWEEN ? AND ? "
        "ORDER BY t.date, t.id", (member_id, f"{year}-01-01", f"{year}-12-31"))
    for r in rows:
        r["counted"] = not kinds or r["kind"] in kinds  # and dated by the day: _dated, below
    return rows


def _volunteer(ledger, member_id: int, year: int) -> list[dict]:
    return ledger.query(
        "SELECT t.id AS activity_id, t.date, t.title, t.kind, a.hours "
        "FROM volunteer_hours a JOIN volunteer_activities t ON t.id = a.activity_id "
        "WHERE a.member_id = ? AND t.deleted_at IS NULL AND t.date BETWEEN ? AND ? "
        "ORDER BY t.date, t.id", (member_id, f"{year}-01-01", f"{year}-12-31"))


def _posts(ledger, member_id: int) -> list[dict]:
    return ledger.query(
        "SELECT p.id AS post_id, p.kind, p.name, pm.role, COALESCE(pm.since, p.established_on) AS since, "
        "COALESCE(pm.until, p.ended_on) AS until FROM post_members pm "
        "JOIN pioneer_posts p ON p.id = pm.post_id "
        "WHERE pm.member_id = ? AND p.deleted_at IS NULL ORDER BY since, p.id", (member_id,))


def _roles(ledger, member_id: int) -> list[dict]:
    """支委 posts (start … end) and the 党小组 the person leads (no dates recorded for that)."""
    rows = [{"role": r["role"], "start": r["start_date"], "end": r.get("end_date") or None}
            for r in ledger.rows("committee_roles", "member_id = ?", (member_id,), order_by="start_date, id")]
    rows += [{"role": f"{g['name']}组长", "start": None, "end": None}
             for g in ledger.rows("party_groups", "leader_id = ?", (member_id,), order_by="id")]
    return rows


def _talks(ledger, member_id: int) -> list[dict]:
    rows = ledger.query(
        "SELECT t.id AS talk_id, t.date, t.kind, t.topic, t.member_id, t.talker_id, "
        "a.name AS talker_name, m.name AS member_name, t.person_name FROM talks t "
        "LEFT JOIN members a ON a.id = t.talker_id LEFT JOIN members m ON m.id = t.member_id "
        "WHERE t.deleted_at IS NULL AND (t.member_id = :m OR t.talker_id = :m) "
        "ORDER BY t.date DESC, t.id DESC", {"m": member_id})
    for r in rows:
        if r["member_id"] == member_id:
            r["role"], r["other"] = "谈话对象", r.get("talker_name") or ""
        else:
            r["role"], r["other"] = "谈话人", r.get("member_name") or r.get("person_name") or ""
    return rows


def _dues(ledger, snap: Snapshot, member: dict, lapse_months: int) -> tuple[list[dict], str | None]:
    year = snap.year
    book = dict(dues_ledger(snap).get(member["id"], []))  # months over by the day: paid?
    rows = {d["month"]: d for d in ledger.rows(
        "dues", "member_id = ? AND month >= ? AND month <= ?",
        (member["id"], f"{year}-01", f"{year}-12"))}
    known = snap.members.get(member["id"], member)
    out = []
    for month in range(1, 13):
        ym = f"{year}-{month:02d}"
        end = month_end(year, month)
        d = rows.get(ym) or {}
        if ym in book:
            state = DUES_PAID if book[ym] else DUES_UNPAID
        elif owes_month(snap, known, end.replace(day=1), end):
            state = DUES_OPEN
        else:
            state = DUES_NOT_OWED
        out.append({"month": ym, "state": state, "due": d.get("amount_due"),
                    "paid": d.get("amount_paid"), "paid_on": d.get("paid_on")})
    lapse = dues_lapses(snap, lapse_months).get(member["id"])
    return out, lapse.words() if lapse else None


def person_file(ledger, member_id: int, year: int, today: _dt.date | None = None,
                rule_set: RuleSet | str | None = None) -> PersonFile:
    """The 档案 of ``member_id`` for ``year`` on its as-of day (``as_of_day(year, today)``).

    Raises:
        KeyError: no such person (or in the 回收站).
    """
    m = ledger.get("members", member_id)
    if m is None:
        raise KeyError(member_id)
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    day = as_of_day(year, today)
    group = ledger.get("party_groups", m["party_group_id"]) if m.get("party_group_id") else None
    member = {**m, "group_name": group["name"] if group else None}
    steps = ledger.member_steps(member_id)
    adm, full = _steps.admitted_on(steps, day), _steps.full_member_since(steps, day)
    nxt = _steps.next_step(steps)
    snap = Snapshot(ledger, year, day)
    snap.rule_set = rs
    training = member_training(ledger, member_id, year, rule_set=rs, snap=snap)
    lapse_months = int(rs.params("SYS-DUES-LAPSE")["lapse_months"])
    dues, lapse = _dues(ledger, snap, member, lapse_months)
    meetings = _dated(_meetings(ledger, member_id, year), day)
    attendance = {s: 0 for s in enums.ATTENDANCE_STATUSES}
    for r in meetings:
        if not r["ahead"]:
            attendance[r["status"]] = attendance.get(r["status"], 0) + 1
    trainings = _dated(_trainings(ledger, member_id, year, training.kinds), day)
    for r in trainings:
        r["counted"] = r["counted"] and not r["ahead"]
    appraisals = ledger.rows("appraisals", "member_id = ?", (member_id,), order_by="year DESC, id")
    return PersonFile(
        member=member, year=year, day=day,
        category=_steps.derive_category(steps, day),
        admitted_on=adm.isoformat() if adm else None,
        full_since=full.isoformat() if full else None,
        standing_years=_steps.party_standing_years(steps, day),
        categories=[(d.isoformat(), c) for d, c in _steps.category_changes(steps)],
        steps=_steps_rows(steps),
        next_step=({"number": nxt[0], "name": _steps.step_label(nxt[0]),
                    "earliest": nxt[1].isoformat() if nxt[1] else None} if nxt else None),
        meetings=meetings, attendance=attendance,
        training=training, trainings=trainings,
        volunteer=_dated(_volunteer(ledger, member_id, year), day),
        posts=_posts(ledger, member_id), roles=_roles(ledger, member_id),
        dues=dues, dues_lapse=lapse, lapse_months=lapse_months,
        talks=_talks(ledger, member_id),
        appraisals=[{"year": a["year"], "rating": a["rating"]} for a in appraisals],
        transfers=[t for t in ledger.transfers_of(None) if t["member_id"] == member_id],
        years=person_years(ledger, member_id, day.year if today is None else today.year),
    )
