"""A read-only picture of one ledger for one year, built with a few indexed queries.

What the rules need is read here once: the roster (whole rows only for the people on the
books since a year before the evaluated year), their development steps, roles, and the
year's meetings, trainings, activities, dues … through the date indexes. Attendance and hours
are counted in SQL; the few child rows a rule lists by name (absentees, a new member's
training) are read on demand, inside that rule. Nothing is kept between snapshots: each
check sees the ledger as it is.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
from functools import cached_property

from ..ledger import enums
from ..ledger import steps as S
from ..ledger.schema import TABLES
from ..ledger.steps import (
    _as_date as _step_date_value,  # the steps module's own reading of a date
)
from ..ledger.steps import parse_iso_date
from ..ledger.store import in_office, on_books

CN_DIGITS = "〇一二三四五六七八九十"
BRACKETED = (enums.DUES_EMPLOYED, enums.DUES_RETIRED)  # the classes that pay a share of a base
_VARIES = object()  # a category that changes within the window


def as_date(value) -> _dt.date | None:
    """A date from an ISO string or date; None for anything odd (rules report, never raise)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return parse_iso_date(value[:10])
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return parse_iso_date(str(value)[:10])


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


def _tuples(ledger, sql: str, params=()):
    """A cursor yielding plain tuples: building ``sqlite3.Row`` objects and then dicts from them
    was most of the snapshot's time on a large ledger."""
    cur = ledger.conn.cursor()
    cur.row_factory = None
    return cur.execute(sql, params)


def _dicts(ledger, sql: str, params=()) -> list[dict]:
    """Rows as dicts keyed by column name (what ``Ledger.query`` gives, built more cheaply)."""
    cur = _tuples(ledger, sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur]


def _rows(ledger, table: str, where: str = "", params=(), order_by: str = "id") -> list[dict]:
    """``Ledger.rows`` (same SQL: 回收站 rows hidden), built through ``_dicts``."""
    clauses = ["deleted_at IS NULL"] if TABLES[table].soft_delete else []
    if where:
        clauses.append(f"({where})")
    sql = f"SELECT * FROM {table}" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    return _dicts(ledger, sql + f" ORDER BY {order_by}", params)


def _rows_in_year(ledger, table: str, year: int) -> list[dict]:
    """``Ledger.rows_in_year``: rows dated in ``year``, through the date index."""
    return _rows(ledger, table, "date >= ? AND date <= ?", (f"{year}-01-01", f"{year}-12-31"), "date, id")


def _chunks(ids: list, size: int = 900):
    """Slices of ``ids`` that stay under SQLite's limit of bound variables."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _children(ledger, table: str, key: str, parent_ids, cols: tuple[str, ...]) -> dict[int, list[dict]]:
    """Child rows (only ``cols``) of many parents in chunked ``IN`` queries, grouped by parent
    (rows of one parent in index order: by member)."""
    ids = list(parent_ids)
    out: dict[int, list[dict]] = {i: [] for i in ids}
    names = (key,) + cols
    for chunk in _chunks(ids):
        sql = (f"SELECT {', '.join(names)} FROM {table} WHERE {key} IN ({','.join('?' * len(chunk))}) "
               f"ORDER BY {key}, member_id")
        for row in _tuples(ledger, sql, chunk):
            out[row[0]].append(dict(zip(names, row)))
    return out


# How a rule's evidence names a member exempt under 第二十三条 (a note beside the shortfalls,
# never one of them: documents leave such lines out of who fell short).
EXEMPT_NOTE = "经支部同意不作硬性要求"


class Snapshot:
    """One ledger seen for ``year`` on ``day`` (the as-of date, at most 31 December).

    Attributes are plain dicts/lists of rows; helpers answer who was on the books, who was
    a 正式党员, who sat on the committee on a given day.
    """

    def __init__(self, ledger, year: int, day: _dt.date, records_until: _dt.date | None = None):
        self.year = year
        self.day = day
        # Records dated after ``until`` are left out: the year judged on ``day`` (31 December)
        # "if nothing more is recorded" after the as-of day (the projection).
        self.until = until = min(records_until or day, day)
        self.start = _dt.date(year, 1, 1)
        self.end = _dt.date(year, 12, 31)
        self.branch = ledger.branch() or {}
        self._ledger = ledger  # for the few child rows a rule asks for in detail (see attendance_rows)
        # The whole roster by its dates first; whole rows only for the people on the books at some
        # time since a year before the evaluated year. Those who left long ago are kept by name
        # (evidence, 入党介绍人 look-ups): no rule can judge them — they hold no category then.
        roster = _tuples(ledger, "SELECT id, name, joined_branch_on, left_on, status FROM members "
                                 "WHERE deleted_at IS NULL ORDER BY id").fetchall()
        self._span = {mid: (as_date(joined), as_date(left), status == enums.ACTIVE_STATUS)
                      for mid, _, joined, left, status in roster}
        self._window = (_dt.date(year - 1, 1, 1), day)
        relevant = [r[0] for r in roster if self._present(r[0], *self._window)]
        full: dict[int, dict] = {}
        for chunk in _chunks(relevant):
            for m in _dicts(ledger, f"SELECT * FROM members WHERE deleted_at IS NULL "
                                    f"AND id IN ({','.join('?' * len(chunk))})", chunk):
                full[m["id"]] = m
        self.members = {}
        for mid, name, joined, left, status in roster:
            self.members[mid] = full.get(mid) or {"id": mid, "name": name, "joined_branch_on": joined,
                                                  "left_on": left, "status": status}
        present = [self.members[mid] for mid in relevant]
        # Steps of the people on the books in that window.
        self.steps: dict[int, list[dict]] = {}
        for chunk in _chunks(relevant):
            for r in _dicts(
                    ledger,
                    # The columns the rules read (not the bookkeeping ones): fewer values to build.
                    f"SELECT member_id, step, date, note, outcome, persons, extension_months FROM development_steps "
                    f"WHERE deleted_at IS NULL AND date <= ? "
                    f"AND member_id IN ({','.join('?' * len(chunk))}) ORDER BY date, step, id",
                    [str(until), *chunk]):
                self.steps.setdefault(r["member_id"], []).append(r)
        # Everyone who can hold a category in the window (on the books then, with steps), in
        # roster order: the per-person rules and people() walk these, not the whole roster.
        self._stepped = [m for m in present if m["id"] in self.steps]
        self.roles = _rows(ledger, "committee_roles", order_by="start_date, id")
        self.groups = {g["id"]: g for g in _rows(ledger, "party_groups")}
        # Rows dated after the as-of day (planned meetings, typing ahead) do not count yet.
        self.meetings = [m for m in _rows_in_year(ledger, "meetings", year) if (as_date(m["date"]) or self.end) <= until]
        # Attendance is counted in SQL (rows and 出席 per meeting); the rows themselves are read
        # only for the meetings a rule lists in detail (attendance_rows).
        self.attendance_counts: dict[int, tuple[int, int]] = {}
        ids = [m["id"] for m in self.meetings]
        for chunk in _chunks(ids):
            for mid, n, here in _tuples(
                    ledger,
                    f"SELECT meeting_id, COUNT(*), SUM(status = '出席') FROM attendance "
                    f"WHERE meeting_id IN ({','.join('?' * len(chunk))}) GROUP BY meeting_id", chunk):
                self.attendance_counts[mid] = (n, here or 0)
        self._attendance_rows: dict[int, list[dict]] = {}
        self.trainings = [t for t in _rows_in_year(ledger, "trainings", year) if (as_date(t["date"]) or self.end) <= until]
        self.activities = [a for a in _rows_in_year(ledger, "volunteer_activities", year)
                           if (as_date(a["date"]) or self.end) <= until]
        self.posts = _rows(ledger, "pioneer_posts")
        self._post_members: dict[int, list[dict]] | None = None
        # Dues from six months before the year: a lapse may begin in the previous year. Kept as
        # tuples (member_id, month, amount_due, amount_paid, paid_on) and looked up by (member,
        # month), which the ledger keeps unique: no order needed (checks.system._dues_paid).
        self.dues = _tuples(
            ledger, "SELECT member_id, month, amount_due, amount_paid, paid_on FROM dues "
            "WHERE deleted_at IS NULL AND month >= ? AND month <= ?",
            (f"{year - 1}-07", f"{year}-12")).fetchall()
        self.first_dues_month = ledger.scalar("SELECT MIN(month) FROM dues WHERE deleted_at IS NULL")
        self.appraisals = _rows(ledger, "appraisals", "year = ?", (year,))
        # 民主评议 for a year is often held in January/February of the next one.
        self.prior_appraisals = _rows(ledger, "appraisals", "year = ?", (year - 1,))
        self.rectifications = _rows(
            ledger, "rectifications",
            "(deadline >= ? AND deadline <= ?) OR (closed_on >= ? AND closed_on <= ?) "
            "OR (status != '已完成' AND (deadline IS NULL OR deadline < ?))",
            (str(self.start), str(self.end), str(self.start), str(self.end), str(self.start)),
            order_by="deadline, id")
        self.checklist = {c["rule_code"]: c for c in _rows(ledger, "checklist", "year = ?", (year,))}
        self._category_cache: dict[tuple[int, int], str | None] = {}
        self._step_dates: dict[int, list[_dt.date]] = {}
        self._step_index: dict[int, dict] = {}
        self._steady: dict[int, str | None] | None = None
        self._dated: dict[int, dict[int, list[dict]]] = {}
        self.cache: dict = {}  # results shared between rules (e.g. the dues ledger)
        self.rule_set = None  # the rule set judging (the engine sets it): the dues brackets

    # ---- child rows read on demand ----------------------------------------------------
    # These run inside the rules (not while the snapshot is built), so odd data in them is
    # reported by the rule that met it, as before.
    def attendance_rows(self, meeting_ids) -> dict[int, list[dict]]:
        """Attendance rows (member_id, status; by member) of the given meetings, read once each."""
        missing = [i for i in dict.fromkeys(meeting_ids) if i not in self._attendance_rows]
        if missing:
            self._attendance_rows.update(_children(self._ledger, "attendance", "meeting_id", missing,
                                                   ("member_id", "status")))
        return {i: self._attendance_rows[i] for i in meeting_ids}

    def attendees(self, meeting_ids) -> dict[int, list[int]]:
        """The people marked 出席 at each of the given meetings (by member)."""
        ids = list(dict.fromkeys(meeting_ids))
        out: dict[int, list[int]] = {i: [] for i in ids}
        for chunk in _chunks(ids):
            sql = (f"SELECT meeting_id, member_id FROM attendance WHERE meeting_id IN ({','.join('?' * len(chunk))}) "
                   f"AND status = '出席' ORDER BY meeting_id, member_id")
            for mid, member in _tuples(self._ledger, sql, chunk):
                out[mid].append(member)
        return out

    def member_hours(self, table: str, key: str, parent_ids) -> dict[int, int] | None:
        """Total ``hours`` per member over the child rows of ``parent_ids`` (training_attendance
        by training_id, volunteer_hours by activity_id), summed in SQL — or None when a row
        holds something other than a whole number, so the caller adds the rows itself as before
        (``hours_rows``) and odd data is met exactly where it was. SQLite's SUM() is an integer
        exactly when every non-NULL input is one, which is the test."""
        out: dict[int, int] = {}
        for chunk in _chunks(list(parent_ids)):
            sql = (f"SELECT member_id, SUM(hours) FROM {table} "
                   f"WHERE {key} IN ({','.join('?' * len(chunk))}) GROUP BY member_id")
            for mid, total in _tuples(self._ledger, sql, chunk):
                if total is not None and type(total) is not int:
                    return None
                out[mid] = out.get(mid, 0) + (total or 0)
        return out

    def hours_rows(self, table: str, key: str, parent_ids) -> dict[int, list[dict]]:
        """The child rows (member_id, hours) of ``parent_ids``, grouped by parent."""
        cache_key = ("hours_rows", table, tuple(parent_ids))
        if cache_key not in self.cache:
            self.cache[cache_key] = _children(self._ledger, table, key, list(parent_ids), ("member_id", "hours"))
        return self.cache[cache_key]

    def training_rows(self, training_ids, member_ids) -> dict[tuple[int, int], list[dict]]:
        """Training attendance (hours) of a few people at the given trainings, by (member, training)."""
        out: dict[tuple[int, int], list[dict]] = {}
        tids, who = list(training_ids), list(dict.fromkeys(member_ids))
        if not tids or not who:
            return out
        for people in _chunks(who, 400):
            for chunk in _chunks(tids, 400):
                sql = (f"SELECT member_id, training_id, hours FROM training_attendance "
                       f"WHERE training_id IN ({','.join('?' * len(chunk))}) "
                       f"AND member_id IN ({','.join('?' * len(people))})")
                for mid, tid, hours in _tuples(self._ledger, sql, [*chunk, *people]):
                    out.setdefault((mid, tid), []).append({"hours": hours})
        return out

    def dues_below_bracket(self) -> dict[tuple[int, str], tuple[int, int, int]]:
        """(member, month) → (base, amount due by the brackets, amount recorded due) for the
        dues rows whose recorded amount is below what the 2008 brackets give for their base
        (RULES.md "Dues"): such a month is not 足额 however much of the recorded amount was paid.
        Only rows with a base and a bracketed class (在职, 离退休) are judged."""
        if "dues-below" not in self.cache:
            from .dues import compute_dues
            from ..ledger.validate import ValidationError

            out = {}
            sql = ("SELECT member_id, month, base_income, amount_due FROM dues WHERE deleted_at IS NULL "
                   "AND base_income IS NOT NULL AND month >= ? AND month <= ?")
            for mid, month, base, due in _tuples(self._ledger, sql, (f"{self.year - 1}-07", f"{self.year}-12")):
                cls = (self.members.get(mid) or {}).get("dues_class")
                if type(base) is not int or type(due) is not int or cls not in (None, "", *BRACKETED):
                    continue
                try:
                    _, amount = compute_dues(cls or None, base, self.rule_set)
                except ValidationError:
                    continue
                if due < amount:
                    out[(mid, str(month))] = (base, amount, due)
            self.cache["dues-below"] = out
        return self.cache["dues-below"]

    def last_contact(self) -> dict[int, _dt.date]:
        """member → the last day (up to ``until``, since July of the previous year) the member
        attended a meeting (出席) or paid dues: what 失联 is judged by."""
        if "last-contact" not in self.cache:
            out: dict[int, _dt.date] = {}
            since, until = f"{self.year - 1}-07-01", self.until.isoformat()
            sql = ("SELECT a.member_id, MAX(m.date) FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
                   "WHERE m.deleted_at IS NULL AND a.status = '出席' AND m.date >= ? AND m.date <= ? GROUP BY a.member_id")
            for mid, d in _tuples(self._ledger, sql, (since, until)):
                d = as_date(d)
                if d:
                    out[mid] = max(out.get(mid, d), d)
            for mid, _month, _due, got, on in self.dues:
                d = as_date(on)
                if d and got and d <= self.until:
                    out[mid] = max(out.get(mid, d), d)
            self.cache["last-contact"] = out
        return self.cache["last-contact"]

    @property
    def post_members(self) -> dict[int, list[dict]]:
        """Members of the posts open on the as-of day (the only posts a rule looks at)."""
        if self._post_members is None:
            ids = []
            for post in self.posts:
                start, end = as_date(post.get("established_on")), as_date(post.get("ended_on"))
                if (start is None or start <= self.day) and (end is None or end > self.day):
                    ids.append(post["id"])
            self._post_members = {i: [] for i in ids}
            for chunk in _chunks(ids):
                for pm in _dicts(self._ledger, f"SELECT post_id, member_id, since, until FROM post_members "
                                               f"WHERE post_id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk):
                    self._post_members[pm["post_id"]].append(pm)
        return self._post_members

    # ---- people ---------------------------------------------------------------------
    def exempt(self, member_id) -> bool:
        """Exempt from activities under 第二十三条 (年老体弱、行动不便, agreed by the branch):
        left out of the attendance and training denominators."""
        return bool((self.members.get(member_id) or {}).get("exempt_from_activities"))

    def exempt_note(self, member_id) -> str:
        """How the evidence names an exemption: '经支部同意不作硬性要求（年老体弱）'."""
        reason = (self.members.get(member_id) or {}).get("exempt_reason")
        return EXEMPT_NOTE + (f"（{reason}）" if reason else "")

    def name(self, member_id) -> str:
        m = self.members.get(member_id)
        return m["name"] if m else f"编号{member_id}"

    def on_books(self, member: dict, day: _dt.date) -> bool:
        """On the branch's books that day (same reading as ``Ledger.members_on``)."""
        span = self._span.get(member["id"])
        if span is None:
            span = (as_date(member.get("joined_branch_on")), as_date(member.get("left_on")),
                    member.get("status") == enums.ACTIVE_STATUS)
        return on_books(*span, day)

    def _present(self, member_id: int, first: _dt.date, last: _dt.date) -> bool:
        joined, left, active = self._span[member_id]
        if joined and joined > last:
            return False
        if left is not None and left <= first:
            return False
        return left is not None or active

    def present_between(self, first: _dt.date, last: _dt.date) -> list[dict]:
        """Members on the books at some time from ``first`` to ``last`` (skips those long gone)."""
        return [m for mid, m in self.members.items() if self._present(mid, first, last)]

    def category(self, member_id: int, day: _dt.date | None = None) -> str | None:
        day = day or self.day
        # The category only changes on step dates: cache by how many steps are dated by then.
        key = (member_id, bisect.bisect_right(self._dates(member_id), day))
        if key not in self._category_cache:
            self._category_cache[key] = S.derive_category(self.steps.get(member_id, []), day)
        return self._category_cache[key]

    def _steady_categories(self) -> dict[int, str | None]:
        """{member: category} for the people whose category is the same on every day of the
        window whose steps were read (no step dated inside it): most of a branch."""
        if self._steady is None:
            first, last = self._window
            self._steady = {m["id"]: self.category(m["id"], last) for m in self._stepped
                            if self.category_fixed(m["id"], first, last)}
        return self._steady

    def _dates(self, member_id: int) -> list[_dt.date]:
        """The person's step dates, sorted."""
        dates = self._step_dates.get(member_id)
        if dates is None:
            dates = self._step_dates[member_id] = sorted(
                d for d in (as_date(x.get("date")) for x in self.steps.get(member_id, [])) if d)
        return dates

    def category_fixed(self, member_id: int, first: _dt.date, last: _dt.date) -> bool:
        """True when ``category`` is bound to give the same answer on every day from ``first``
        to ``last`` (no step dated in between)."""
        dates = self._dates(member_id)
        return bisect.bisect_right(dates, first) == bisect.bisect_right(dates, last)

    def people(self, day: _dt.date | None = None, categories=enums.PARTY_MEMBERS) -> list[dict]:
        """People on the books on ``day`` whose derived category is one of ``categories``."""
        day = day or self.day
        key = ("people", day, tuple(categories))
        if key not in self.cache:
            # Within the window whose steps were read, only people on the books then with steps
            # can qualify (a category needs steps); outside it, the whole roster is walked.
            if self._window[0] <= day <= self._window[1]:
                # on_books inlined over the spans, and the category read once for everyone whose
                # category cannot change in the window: this runs for every vote meeting's date.
                span, steady, out = self._span, self._steady_categories(), []
                for m in self._stepped:
                    mid = m["id"]
                    joined, left, active = span[mid]
                    if joined and joined > day:
                        continue
                    if not (left > day if left is not None else active):
                        continue
                    cat = steady.get(mid, _VARIES)
                    if (self.category(mid, day) if cat is _VARIES else cat) in categories:
                        out.append(m)
                self.cache[key] = out
            else:
                self.cache[key] = [m for m in self.members.values()
                                   if self.on_books(m, day) and self.category(m["id"], day) in categories]
        return list(self.cache[key])

    def party_members(self, day=None) -> list[dict]:
        return self.people(day)

    def full_members(self, day=None) -> list[dict]:
        return self.people(day, (enums.FULL_MEMBER,))

    def member_steps(self, member_id: int) -> list[dict]:
        return self.steps.get(member_id, [])

    def step_date(self, member_id: int, number: int, latest: bool = False) -> _dt.date | None:
        """Earliest (``latest``: last) date of step ``number``, as ``steps.step_date`` gives it,
        from each person's steps read once into {step: [dates]}."""
        index = self._step_index.get(member_id)
        if index is None:
            index = self._step_index[member_id] = {}
            for s in self.steps.get(member_id, ()):
                d = _step_date_value(s.get("date"))
                if d is not None:
                    index.setdefault(s.get("step"), []).append(d)
        dates = index.get(number)
        if not dates:
            return None
        return max(dates) if latest else min(dates)

    def dated_steps(self, member_id: int) -> dict[int, list[dict]]:
        """{step: [rows]} of the person's steps whose date reads (as ``as_date`` reads it), in
        their order. Shared: callers copy before changing a list."""
        index = self._dated.get(member_id)
        if index is None:
            index = self._dated[member_id] = {}
            for s in self.steps.get(member_id, ()):
                if as_date(s.get("date")):
                    index.setdefault(s.get("step"), []).append(s)
        return index

    def admitted(self, member_id: int) -> _dt.date | None:
        """入党日期 (step 15), as ``steps.admitted_on`` gives it."""
        return self.step_date(member_id, S.STEP_ADMIT)

    def stepped(self) -> list[tuple[int, dict]]:
        """(id, member) of everyone with development steps in the window, in roster order: the
        only people a per-person development rule can say anything about."""
        return [(m["id"], m) for m in self._stepped]

    # ---- committee ------------------------------------------------------------------
    def roles_on(self, day: _dt.date | None = None) -> list[dict]:
        """Committee roles held on ``day`` by people still on the books."""
        day = day or self.day
        out = []
        for r in self.roles:
            if not in_office(as_date(r["start_date"]), as_date(r.get("end_date")), day):
                continue
            m = self.members.get(r["member_id"])
            if m is None or not self.on_books(m, day):
                continue
            out.append(r)
        return out

    def committee_ids(self, day=None) -> set[int]:
        return {r["member_id"] for r in self.roles_on(day)}

    def secretary_ids(self, day=None) -> list[int]:
        return [r["member_id"] for r in self.roles_on(day) if r["role"] == enums.SECRETARY]

    def secretaries_in_year(self) -> set[int]:
        """Everyone who held the 书记 post at some time in the year up to the as-of date."""
        out = set()
        for r in self.roles:
            start, end = as_date(r["start_date"]), as_date(r.get("end_date"))
            if r["role"] != enums.SECRETARY or start is None or start > self.day:
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
