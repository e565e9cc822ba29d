"""The one as-of and deadline convention (DESIGN.md "As of D"), asked by rules, reminders,
plan, window and documents alike.

*As of D* means at the end of day D, if nothing more is recorded: a period or deadline that
ends on D is judged (``judged``), and an action still possible on D — today — belongs in the
plan and the reminders (``still_possible``), marked 今天 (``by_words``).
"""

from __future__ import annotations

import datetime as _dt

from ..ledger.validate import LedgerError


def as_of_day(year: int, today: _dt.date | None = None, as_of: _dt.date | None = None) -> _dt.date:
    """The day ``year`` is looked at.

    Without ``as_of``: today while the year runs, 31 December for a past year, 1 January for a
    future year (nothing is recorded yet, every period is still open: the start of its plan).
    An ``as_of`` after the year is cut to 31 December; one before the year is refused.

    Raises:
        LedgerError: ``as_of`` falls before the year (Chinese message).
    """
    today = today or _dt.date.today()
    start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    if as_of is None:
        return min(max(today, start), end)
    if as_of < start:
        raise LedgerError(f"评估日期{as_of}早于{year}年度，请指定{year}年内的日期")
    return min(as_of, end)


def resolve_as_of(year: int, as_of: _dt.date | None, today: _dt.date | None = None) -> _dt.date:
    """``as_of_day`` for a check: a future year without an explicit as-of date is refused
    (the CLI's contract: "尚未开始"), everything else is ``as_of_day``."""
    today = today or _dt.date.today()
    if as_of is None and year > today.year:
        raise LedgerError(f"{year}年度尚未开始，无法评估；如需预先查看，请用 --as-of 指定{year}年内的日期")
    return as_of_day(year, today, as_of)


def judged(deadline: _dt.date, day: _dt.date) -> bool:
    """A period or deadline ending on ``deadline`` is judged as of ``day`` (it ends on or before D)."""
    return deadline <= day


def still_possible(by: _dt.date, day: _dt.date) -> bool:
    """An action due "by ``by``" can still be done as of ``day`` (deadlines include their day)."""
    return by >= day


def by_words(by: _dt.date, day: _dt.date | None = None) -> str:
    """The last date of an action in words: "12月31日前", or "今天" when it is ``day``."""
    if day is not None and by == day:
        return "今天"
    return f"{by.month}月{by.day}日前"
