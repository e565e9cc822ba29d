"""导出打印: what a document will lack, said before it is written."""

from __future__ import annotations

import datetime as _dt


def report_gaps(ledger, kind: str, year: int, today: _dt.date) -> list[str]:
    """The records the ledger lacks for a complete ``kind`` of ``year`` (the 述职报告 only, for
    now: ``exports.shuzhi.missing_records`` on the year's as-of day); empty for other kinds."""
    if kind != "shuzhi":
        return []
    from ..exports.common import Job
    from ..exports.shuzhi import missing_records

    return missing_records(Job(ledger=ledger, year=year, today=today))
