"""年度工作日历: month by month, the meetings the rule set requires (``rules.grid.
meeting_requirements``: each rule's period, count and the 工作台 grid's state) beside the meetings
held, and what the engine's plan still asks by the end of each month (``evaluate``'s next-star
actions: meetings in their row, the rest — 培训, 发展步骤, 党费 … — in the month's list)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..ledger import enums
from ..rules import evaluate
from ..rules.asof import as_of_day
from ..rules.grid import Requirement, meeting_requirements
from ..rules.ruleset import RuleSet, load_rule_set
from ..rules.snapshot import month_end

PERIOD_WORDS = {"month": "每月", "quarter": "每季度", "year": "全年"}


@dataclass
class CalendarCell:
    """One rule's month: ``state`` (the grid's), ``required`` (words: "应开1次", "本季度应开1次",
    "各党小组应开1次" …),
    ``held`` meetings of the month (id, date, topic, group_name; a date after the as-of day is
    ``ahead``: typed in advance), ``planned``: the plan's lines due by the month's end, and
    ``groups``: the 党小组 (ids) the plan still asks a meeting of."""

    state: str
    required: str
    held: list[dict] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)

    def new_meeting(self, kind: str, year: int, month: int, day: _dt.date) -> dict:
        """Defaults of the meeting that records this cell: the kind, a date in the month (the
        as-of day when it falls in it, else the month's last day) and the first group the plan
        names."""
        last = month_end(year, month)
        date = day if _dt.date(year, month, 1) <= day <= last else last
        out = {"kind": kind, "date": date.isoformat()}
        if self.groups:
            out["party_group_id"] = self.groups[0]
        return out


@dataclass
class AnnualCalendar:
    """``rows``: the rule set's required meetings; ``cells`` {(row kind, month): cell};
    ``other_plan`` {month: the plan's other lines (not a required meeting)}."""

    year: int
    day: _dt.date
    rows: list[Requirement]
    cells: dict[tuple[str, int], CalendarCell]
    other_plan: dict[int, list[str]]

    def held_count(self, kind: str) -> int:
        return sum(len(self.cells[(kind, m)].held) for m in range(1, 13))


def _required(req: Requirement) -> str:
    who = "各党小组" if req.kind == enums.GROUP_MEETING else ""
    if req.period == "month":
        return f"{who}应开{req.min_count}次"
    if req.period == "quarter":
        return f"本季度{who}应开{req.min_count}次"
    return f"全年{who}应开{req.min_count}次"


def annual_calendar(ledger, year: int, today: _dt.date | None = None,
                    rule_set: RuleSet | str | None = None, with_plan: bool = True) -> AnnualCalendar:
    """The calendar of ``year`` on its as-of day (``as_of_day(year, today)``)."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    day = as_of_day(year, today)
    rows = meeting_requirements(ledger, year, day, rs)
    meetings = ledger.query(
        "SELECT t.id, t.date, t.kind, t.topic, g.name AS group_name FROM meetings t "
        "LEFT JOIN party_groups g ON g.id = t.party_group_id "
        "WHERE t.deleted_at IS NULL AND t.date BETWEEN ? AND ? ORDER BY t.date, t.id",
        (f"{year}-01-01", f"{year}-12-31"))
    cells: dict[tuple[str, int], CalendarCell] = {}
    row_of: dict[str, str] = {}  # counted meeting kind → its row
    for req in rows:
        for k in req.kinds:
            row_of.setdefault(k, req.kind)
        for m in range(1, 13):
            cells[(req.kind, m)] = CalendarCell(req.cells[m], _required(req))
    for mt in meetings:
        row = row_of.get(mt["kind"])
        if row is None:
            continue
        month = int(mt["date"][5:7])
        cells[(row, month)].held.append({**mt, "ahead": mt["date"] > day.isoformat()})
    other: dict[int, list[str]] = {}
    if with_plan:
        report = evaluate(ledger, year, day, rs).to_dict()
        for a in (report.get("next_star") or {}).get("actions") or []:
            by = _dt.date.fromisoformat(a["by"])
            if by.year != year:
                continue
            kind = (a.get("params") or {}).get("meeting_kind")
            row = row_of.get(kind) if a.get("type") == "meeting" else None
            target = cells[(row, by.month)].planned if row else other.setdefault(by.month, [])
            if a["text"] not in target:
                target.append(a["text"])
            group = (a.get("params") or {}).get("party_group_id")
            if row and group and group not in cells[(row, by.month)].groups:
                cells[(row, by.month)].groups.append(group)
    return AnnualCalendar(year, day, rows, cells, other)
