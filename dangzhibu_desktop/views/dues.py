"""The 党费 page and its grid: the years with dues, the year's sums, one row per paying member
and the dues lapses the grid marks (the rule's own, ``rules.dues.lapses_on``)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..rules.dues import DuesLapse, lapses_on, owes_month
from ..rules.snapshot import Snapshot, month_end


@dataclass(frozen=True)
class DuesSums:
    """The dues recorded for a year, in fen: ``due`` (应缴) and ``paid`` (实缴)."""

    year: int
    due: int
    paid: int


@dataclass
class DuesGrid:
    """The 党费 grid of a year: ``rows`` (one dict per member: ``member`` row, ``eligible``
    {month: owes dues that month}, ``dues`` {month: dues row}, ``base``: the last base recorded),
    and the members in a dues lapse on the year's as-of day with the rule set's ``lapse_months``."""

    year: int
    rows: list[dict]
    lapse_months: int
    lapses: dict[int, DuesLapse] = field(default_factory=dict)


def dues_years(ledger, extra: int | None = None) -> list[int]:
    """Years that have dues rows (newest first), plus ``extra`` (the current year)."""
    months = ledger.query("SELECT DISTINCT substr(month, 1, 4) AS y FROM dues WHERE deleted_at IS NULL")
    return sorted({int(r["y"]) for r in months if r["y"]} | ({extra} if extra else set()), reverse=True)


def dues_sums(ledger, year: int) -> DuesSums:
    row = ledger.query(
        "SELECT COALESCE(SUM(amount_due), 0) AS due, COALESCE(SUM(amount_paid), 0) AS paid "
        "FROM dues WHERE deleted_at IS NULL AND month LIKE ?", (f"{year}-%",))[0]
    return DuesSums(year, row["due"], row["paid"])


def grid_rows(ledger, year: int) -> list[dict]:
    """One row per member who owes dues in some month of ``year`` (``rules.dues.owes_month``: on
    the books on its first day, a 正式/预备党员 at its end — the rule's own months) or has dues
    rows in it, by id."""
    snap = Snapshot(ledger, year, _dt.date(year, 12, 31))
    dues = ledger.rows("dues", "month >= ? AND month <= ?", (f"{year}-01", f"{year}-12"),
                       order_by="member_id, month")
    dues_by: dict[int, dict[int, dict]] = {}
    for d in dues:
        dues_by.setdefault(d["member_id"], {})[int(d["month"][5:7])] = d
    rows = []
    for m in ledger.rows("members", order_by="id"):
        eligible = {}
        for month in range(1, 13):
            end = month_end(year, month)
            eligible[month] = owes_month(snap, m, end.replace(day=1), end)
        months = dues_by.get(m["id"], {})
        if not any(eligible.values()) and not months:
            continue
        bases = [d["base_income"] for _, d in sorted(months.items()) if d.get("base_income") is not None]
        rows.append({"member": m, "eligible": eligible, "dues": months,
                     "base": bases[-1] if bases else None})
    return rows


def dues_grid(ledger, year: int, today: _dt.date, rule_set=None) -> DuesGrid:
    """The grid of ``year`` seen on ``today``; ``rule_set`` (None: the bundled one) gives
    ``lapse_months``."""
    lapse_months, lapses = lapses_on(ledger, year, today, rule_set)
    return DuesGrid(year, grid_rows(ledger, year), lapse_months, lapses)
