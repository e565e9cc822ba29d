"""Small read models shared by several pages."""

from __future__ import annotations


def years_of(ledger, table: str, date_field: str = "date", extra: int | None = None) -> list[int]:
    """Years that have rows in ``table`` (newest first, 回收站 rows left out), plus ``extra``
    (the current year)."""
    years = {int(r["y"]) for r in ledger.query(
        f"SELECT DISTINCT substr({date_field}, 1, 4) AS y FROM {table} "
        f"WHERE {date_field} IS NOT NULL AND deleted_at IS NULL")
        if r["y"] and str(r["y"]).isdigit()}
    if extra:
        years.add(extra)
    return sorted(years, reverse=True)


def member_names(ledger) -> dict[int, str]:
    """member id → name for everyone ever recorded (回收站 included: old records keep their names)."""
    return {r["id"]: r["name"] for r in ledger.query("SELECT id, name FROM members")}
