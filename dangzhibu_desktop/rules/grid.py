"""Month × meeting-kind status grid for the 工作台 (三会一课 and 主题党日)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..ledger import enums
from .asof import as_of_day
from .checks import period_states
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot, as_date

DONE, MISSING, PENDING_CELL, NA = "done", "missing", "pending", "n/a"

# (rule code, meeting kind shown in the grid) in the order the window shows the rows.
GRID_ROWS = (
    ("ACT-CONGRESS", enums.GENERAL_MEETING),
    ("ACT-COMMITTEE", enums.COMMITTEE_MEETING),
    ("ACT-GROUP", enums.GROUP_MEETING),
    ("ACT-LESSON", enums.PARTY_LECTURE),
    ("ACT-THEME-DAY", enums.THEME_DAY),
)


def _snapshot(ledger, year: int, as_of: _dt.date | None) -> Snapshot:
    return Snapshot(ledger, year, as_of_day(year, as_of=as_of))


def _cells(snap: Snapshot, dates, period: str, min_count: int) -> dict[int, str]:
    """Status per month 1–12. For a quarterly kind the months of a quarter share its state,
    except that a month holding a meeting is 'done' and the other months of a satisfied
    quarter are 'n/a' (nothing was required of them)."""
    out = {}
    states = period_states(snap, dates, period, min_count)
    for m in range(1, 13):
        in_month = any(d and d.month == m for d in dates)
        if period == "month":
            out[m] = states[m - 1][4].replace("n/a", NA)
            continue
        idx = (m - 1) // 3 if period == "quarter" else 0
        state = states[idx][4]
        if in_month:
            out[m] = DONE
        elif state == "done":
            out[m] = NA
        else:
            out[m] = state
    return out


def meeting_grid(ledger, year: int, as_of: _dt.date | None = None,
                 rule_set: RuleSet | str | None = None) -> dict[tuple[str, int], str]:
    """``{(kind, month): 'done' | 'missing' | 'pending' | 'n/a'}`` for the five kinds of GRID_ROWS.

    支部委员会 is 'n/a' without a committee, 党小组会 without groups; 党小组会 is 'done' only
    when every group met that month (see ``group_meeting_grid`` for each group).
    """
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    snap = _snapshot(ledger, year, as_of)
    grid: dict[tuple[str, int], str] = {}
    for code, kind in GRID_ROWS:
        p = rs.params(code)
        period, min_count = p["period"], int(p["min_count"])
        kinds = set(p["meeting_kinds"])
        if code == "ACT-COMMITTEE" and len(snap.committee_ids()) < int(p["min_committee_members"]):
            grid.update({(kind, m): NA for m in range(1, 13)})
            continue
        if code == "ACT-GROUP":
            per_group = group_meeting_grid(ledger, year, as_of, rs, snap)
            for m in range(1, 13):
                cells = [per_group[(gid, m)] for gid in snap.groups]
                if not cells:
                    grid[(kind, m)] = NA
                elif MISSING in cells:
                    grid[(kind, m)] = MISSING
                elif PENDING_CELL in cells:
                    grid[(kind, m)] = PENDING_CELL
                elif all(c == NA for c in cells):
                    grid[(kind, m)] = NA
                else:
                    grid[(kind, m)] = DONE
            continue
        dates = [as_date(x["date"]) for x in snap.meetings if x["kind"] in kinds]
        for m, state in _cells(snap, dates, period, min_count).items():
            grid[(kind, m)] = state
    return grid


def group_meeting_grid(ledger, year: int, as_of: _dt.date | None = None,
                       rule_set: RuleSet | str | None = None, snapshot: Snapshot | None = None
                       ) -> dict[tuple[int, int], str]:
    """``{(party_group_id, month): state}`` for every 党小组 (names: ``ledger.get('party_groups', id)``)."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    snap = snapshot or _snapshot(ledger, year, as_of)
    p = rs.params("ACT-GROUP")
    kinds = set(p["meeting_kinds"])
    out = {}
    for gid in snap.groups:
        dates = [as_date(x["date"]) for x in snap.meetings if x["kind"] in kinds and x.get("party_group_id") == gid]
        for m, state in _cells(snap, dates, p["period"], int(p["min_count"])).items():
            out[(gid, m)] = state
    return out


# Meetings the rule set requires once a year, beside the grid's periodic ones (the calendar).
YEARLY_ROWS = (("ACT-LIFE-MEETING", enums.LIFE_MEETING),)


@dataclass(frozen=True)
class Requirement:
    """A meeting the rule set requires in the year: ``code`` and ``name`` of its rule, the
    meeting ``kind`` (the grid's row), ``kinds`` counted, ``period`` (month / quarter / year),
    ``min_count`` a period, and ``cells`` {month: done / missing / pending / n/a} as the 工作台
    grid paints them (a year's meeting: its state in every month, 'done' where it was held)."""

    code: str
    name: str
    kind: str
    kinds: tuple[str, ...]
    period: str
    min_count: int
    cells: dict[int, str]


def meeting_requirements(ledger, year: int, as_of: _dt.date | None = None,
                         rule_set: RuleSet | str | None = None) -> list[Requirement]:
    """The meetings of ``year`` the rule set requires, in the grid's order then the yearly ones;
    a rule the set leaves out requires nothing (no row)."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    grid = meeting_grid(ledger, year, as_of, rs)
    out = []
    for code, kind in GRID_ROWS:
        spec = rs.spec(code)
        if spec is None:
            continue
        p = spec.params
        out.append(Requirement(code, spec.name, kind, tuple(p["meeting_kinds"]), p["period"], int(p["min_count"]),
                               {m: grid[(kind, m)] for m in range(1, 13)}))
    snap = None
    for code, kind in YEARLY_ROWS:
        spec = rs.spec(code)
        if spec is None:
            continue
        snap = snap or _snapshot(ledger, year, as_of)
        p = spec.params
        kinds = set(p["meeting_kinds"])
        dates = [as_date(x["date"]) for x in snap.meetings if x["kind"] in kinds]
        out.append(Requirement(code, spec.name, kind, tuple(p["meeting_kinds"]), "year", int(p["per_year"]),
                               _cells(snap, dates, "year", int(p["per_year"]))))
    return out
