"""A read-only picture of one ledger for one year, built with a few indexed queries.

Everything a rule needs is read here once (members, steps and roles whole — they are the
branch's roster, not its history — and the year's meetings, trainings, activities, dues …
through the date indexes); rules then work on plain Python data and never query.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
from functools import cached_property

from ..ledger import enums, steps as S

CN_DIGITS = "〇一二三四五六七八九十"


def as_date(value) -> _dt.date | None:
    """A date from an ISO string or date; None for anything odd (rules report, never raise)."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_label(q: int) -> str:
    return f"第{CN_DIGITS[q]}季度"


def months_label(months) -> str:
    return "、".join(f"{m}月" for m in months)


def fmt_date(d: _dt.date | None) -> str:
    return d.isoformat() if d else "（未记录）"


def fmt_num(x) -> str:
    """1.0 → '1', 2.5 → '2.5' (for hours and counts in messages)."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    if isinstance(x, float):
        return f"{x:.1f}"
    return str(x)


def _children(ledger, table: str, key: str, parent_ids, cols: tuple[str, ...]) -> dict[int, list[dict]]:
    """Child rows (only ``cols``) of many parents in chunked ``IN`` queries, grouped by parent."""
    ids = list(parent_ids)
    out: dict[int, list[dict]] = {i: [] for i in ids}
    names = (key,) + cols
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        sql = f"SELECT {', '.join(names)} FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))})"
        for row in ledger.conn.execute(sql, chunk):
            out[row[0]].append(dict(zip(names, row)))
    return out


class Snapshot:
    """One ledger seen for ``year`` on ``day`` (the as-of date, at most 31 December).

    Attributes are plain dicts/lists of rows; helpers answer who was on the books, who was
    a 正式党员, who sat on the committee on a given day.
    """

    def __init__(self, ledger, year: int, day: _dt.date):
        self.year = year
        self.day = day
        self.start = _dt.date(year, 1, 1)
        self.end = _dt.date(year, 12, 31)
        self.branch = ledger.branch() or {}
        self.members = {m["id"]: m for m in ledger.rows("members")}
        self._span = {mid: (as_date(m.get("joined_branch_on")), as_date(m.get("left_on")),
                            m.get("status") == enums.ACTIVE_STATUS) for mid, m in self.members.items()}
        # Steps of the people on the books since a year before the evaluated year; those who
        # left long ago cannot affect this year's verdicts.
        relevant = [m["id"] for m in self.present_between(_dt.date(year - 1, 1, 1), day)]
        self.steps: dict[int, list[dict]] = {}
        for start in range(0, len(relevant), 900):
            chunk = relevant[start:start + 900]
            for r in ledger.query(
                    f"SELECT * FROM development_steps WHERE deleted_at IS NULL AND date <= ? "
                    f"AND member_id IN ({','.join('?' * len(chunk))}) ORDER BY date, step, id",
                    [str(day), *chunk]):
                self.steps.setdefault(r["member_id"], []).append(r)
        self.roles = ledger.rows("committee_roles", order_by="start_date, id")
        self.groups = {g["id"]: g for g in ledger.rows("party_groups")}
        # Rows dated after the as-of day (planned meetings, typing ahead) do not count yet.
        self.meetings = [m for m in ledger.rows_in_year("meetings", year) if (as_date(m["date"]) or self.end) <= day]
        self.attendance = _children(ledger, "attendance", "meeting_id", [m["id"] for m in self.meetings],
                                    ("member_id", "status"))
        self.trainings = [t for t in ledger.rows_in_year("trainings", year) if (as_date(t["date"]) or self.end) <= day]
        self.training_attendance = _children(ledger, "training_attendance", "training_id",
                                             [t["id"] for t in self.trainings], ("member_id", "hours"))
        self.activities = [a for a in ledger.rows_in_year("volunteer_activities", year)
                           if (as_date(a["date"]) or self.end) <= day]
        self.volunteer_hours = _children(ledger, "volunteer_hours", "activity_id", [a["id"] for a in self.activities],
                                         ("member_id", "hours"))
        self.posts = ledger.rows("pioneer_posts")
        self.post_members = ledger.children_of_many("post_members", [p["id"] for p in self.posts])
        # Dues from six months before the year: a lapse may begin in the previous year.
        cols = ("member_id", "month", "amount_due", "amount_paid", "paid_on")
        self.dues = [dict(zip(cols, r)) for r in ledger.conn.execute(
            f"SELECT {', '.join(cols)} FROM dues WHERE deleted_at IS NULL AND month >= ? AND month <= ? "
            "ORDER BY member_id, month", (f"{year - 1}-07", f"{year}-12"))]
        self.first_dues_month = ledger.scalar("SELECT MIN(month) FROM dues WHERE deleted_at IS NULL")
        self.appraisals = ledger.rows("appraisals", "year = ?", (year,))
        # 民主评议 for a year is often held in January/February of the next one.
        self.prior_appraisals = ledger.rows("appraisals", "year = ?", (year - 1,))
        self.rectifications = ledger.rows(
            "rectifications",
            "(deadline >= ? AND deadline <= ?) OR (closed_on >= ? AND closed_on <= ?) "
            "OR (status != '已完成' AND (deadline IS NULL OR deadline < ?))",
            (str(self.start), str(self.end), str(self.start), str(self.end), str(self.start)),
            order_by="deadline, id")
        self.checklist = {c["rule_code"]: c for c in ledger.rows("checklist", "year = ?", (year,))}
        self._category_cache: dict[tuple[int, int], str | None] = {}
        self._step_dates: dict[int, list[_dt.date]] = {}
        self.cache: dict = {}  # results shared between rules (e.g. the dues ledger)

    # ---- people ---------------------------------------------------------------------
    def name(self, member_id) -> str:
        m = self.members.get(member_id)
        return m["name"] if m else f"编号{member_id}"

    def on_books(self, member: dict, day: _dt.date) -> bool:
        """On the branch's books that day (same reading as ``Ledger.members_on``)."""
        span = self._span.get(member["id"])
        if span is None:
            span = (as_date(member.get("joined_branch_on")), as_date(member.get("left_on")),
                    member.get("status") == enums.ACTIVE_STATUS)
        joined, left, active = span
        if joined and joined > day:
            return False
        if left is not None:
            return left > day
        return active

    def present_between(self, first: _dt.date, last: _dt.date) -> list[dict]:
        """Members on the books at some time from ``first`` to ``last`` (skips those long gone)."""
        out = []
        for mid, m in self.members.items():
            joined, left, active = self._span[mid]
            if joined and joined > last:
                continue
            if left is not None and left <= first:
                continue
            if left is None and not active:
                continue
            out.append(m)
        return out

    def category(self, member_id: int, day: _dt.date | None = None) -> str | None:
        day = day or self.day
        # The category only changes on step dates: cache by how many steps are dated by then.
        dates = self._step_dates.get(member_id)
        if dates is None:
            dates = self._step_dates[member_id] = sorted(
                d for d in (as_date(x.get("date")) for x in self.steps.get(member_id, [])) if d)
        key = (member_id, bisect.bisect_right(dates, day))
        if key not in self._category_cache:
            self._category_cache[key] = S.derive_category(self.steps.get(member_id, []), day)
        return self._category_cache[key]

    def people(self, day: _dt.date | None = None, categories=("正式党员", "预备党员")) -> list[dict]:
        """People on the books on ``day`` whose derived category is one of ``categories``."""
        day = day or self.day
        key = ("people", day, tuple(categories))
        if key not in self.cache:
            self.cache[key] = [m for m in self.members.values()
                               if self.on_books(m, day) and self.category(m["id"], day) in categories]
        return list(self.cache[key])

    def party_members(self, day=None) -> list[dict]:
        return self.people(day)

    def full_members(self, day=None) -> list[dict]:
        return self.people(day, ("正式党员",))

    def member_steps(self, member_id: int) -> list[dict]:
        return self.steps.get(member_id, [])

    def step_date(self, member_id: int, number: int, latest: bool = False) -> _dt.date | None:
        return S.step_date(self.member_steps(member_id), number, latest=latest)

    # ---- committee ------------------------------------------------------------------
    def roles_on(self, day: _dt.date | None = None) -> list[dict]:
        """Committee roles held on ``day`` by people still on the books."""
        day = day or self.day
        out = []
        for r in self.roles:
            start, end = as_date(r["start_date"]), as_date(r.get("end_date"))
            if start is None or start > day or (end is not None and end <= day):
                continue
            m = self.members.get(r["member_id"])
            if m is None or not self.on_books(m, day):
                continue
            out.append(r)
        return out

    def committee_ids(self, day=None) -> set[int]:
        return {r["member_id"] for r in self.roles_on(day)}

    def secretary_ids(self, day=None) -> list[int]:
        return [r["member_id"] for r in self.roles_on(day) if r["role"] == "书记"]

    def secretaries_in_year(self) -> set[int]:
        """Everyone who held the 书记 post at some time in the year up to the as-of date."""
        out = set()
        for r in self.roles:
            start, end = as_date(r["start_date"]), as_date(r.get("end_date"))
            if r["role"] != "书记" or start is None or start > self.day:
                continue
            if end is not None and end < self.start:
                continue
            out.add(r["member_id"])
        return out

    # ---- periods --------------------------------------------------------------------
    @cached_property
    def established(self) -> _dt.date | None:
        return as_date(self.branch.get("established_on"))

    def over(self, period_end: _dt.date) -> bool:
        """A period is over when the as-of date has reached its last day."""
        return self.day >= period_end

    def months(self) -> list[tuple[int, _dt.date, _dt.date]]:
        return [(m, _dt.date(self.year, m, 1), month_end(self.year, m)) for m in range(1, 13)]

    def quarters(self) -> list[tuple[int, _dt.date, _dt.date]]:
        return [(q, _dt.date(self.year, 3 * q - 2, 1), month_end(self.year, 3 * q)) for q in range(1, 5)]

    def meetings_of(self, kinds) -> list[dict]:
        kinds = set(kinds)
        return [m for m in self.meetings if m["kind"] in kinds]
