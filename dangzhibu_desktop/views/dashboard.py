"""What the 工作台 paints: the year's report, the 三会一课 grid (one extra row per 党小组 under
党小组会) and how many meetings of each kind each month holds. Computed in a worker on its own
read connection; the page only paints what comes back."""

from __future__ import annotations

import datetime as _dt

from ..ledger import enums
from ..rules import evaluate, group_meeting_grid, meeting_grid

GROUP_ROW_PREFIX = "· "  # a 党小组's row label under 党小组会


def meeting_counts(ledger, year: int) -> dict[tuple[str, int], int]:
    """(kind, month) → the meetings of that kind held in that month of ``year``."""
    span = (f"{year}-01-01", f"{year}-12-31")
    return {(r["kind"], r["m"]): r["n"] for r in ledger.query(
        "SELECT kind, CAST(substr(date, 6, 2) AS INTEGER) AS m, COUNT(*) AS n FROM meetings "
        "WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY kind, m", span)}


def group_meeting_counts(ledger, year: int) -> dict[tuple[int | None, int], int]:
    """(party_group_id, month) → the 党小组会 of that group held in that month of ``year``."""
    span = (f"{year}-01-01", f"{year}-12-31")
    return {(r["g"], r["m"]): r["n"] for r in ledger.query(
        "SELECT party_group_id AS g, CAST(substr(date, 6, 2) AS INTEGER) AS m, COUNT(*) AS n "
        "FROM meetings WHERE deleted_at IS NULL AND kind = ? AND date BETWEEN ? AND ? "
        "GROUP BY g, m", (enums.GROUP_MEETING, *span))}


def compute_dashboard(reader, year: int, as_of: _dt.date) -> dict:
    """Worker function: ``{"year", "report" (Report.to_dict()), "grid" {(row, month): state},
    "counts" {(row, month): meetings}, "groups" [group row labels with a state], "group_ids"
    {label: party_group_id}, "reminders" [{"date", "message", "action"}]}``; a group's row label is
    ``GROUP_ROW_PREFIX`` + its name. A reminder's ``action`` is what records it, in the plan's
    terms (``views.fixes.reminder_target``), or None."""
    result = evaluate(reader, year, as_of)
    report = result.to_dict()
    reminders = [{**r.to_dict(), "action": r.action.to_dict() if r.action else None} for r in result.reminders]
    grid = dict(meeting_grid(reader, year, as_of))
    counts = meeting_counts(reader, year)
    names = {r["id"]: GROUP_ROW_PREFIX + r["name"] for r in reader.rows("party_groups", order_by="id")}
    for (gid, month), state in group_meeting_grid(reader, year, as_of).items():
        if gid in names:
            grid[(names[gid], month)] = state
    groups = [n for n in names.values() if any((n, m) in grid for m in range(1, 13))]
    for (gid, month), n in group_meeting_counts(reader, year).items():
        if gid in names:
            counts[(names[gid], month)] = n
    group_ids = {label: gid for gid, label in names.items()}
    return {"year": year, "report": report, "grid": grid, "counts": counts, "groups": groups,
            "group_ids": group_ids, "reminders": reminders}
