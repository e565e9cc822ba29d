"""Dates and times as people type them (no Qt): ``2026-3-20``, ``2026年3月20日``, ``１４：３０``.

The window's date and time fields read their text through these two functions, so what a
secretary types is understood the same way everywhere and a wrong value gets one Chinese
sentence instead of a silently different date.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from .validate import MAX_YEAR, MIN_YEAR

# Separators people use between year, month and day: - / . 、 and spaces, or 年 月 (日 at the end).
_DATE_PARTS = re.compile(r"(\d{4})\s*(?:[-/.、\s]|年)\s*(\d{1,2})\s*(?:[-/.、\s]|月)\s*(\d{1,2})\s*日?")
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME_PARTS = re.compile(r"(\d{1,2})\s*(?:[:.]|时|点)\s*(\d{1,2})\s*分?")
_TIME_DIGITS = re.compile(r"(\d{1,2})(\d{2})")

TEXT = {
    "date_format": "“{text}”不是日期，请按 年-月-日 输入，如 2026-03-20、2026/3/20 或 20260320",
    "date_impossible": "“{text}”不是有效的日期（{year}年{month}月没有{day}日）",
    "month_impossible": "“{text}”不是有效的日期（月份应在1至12之间）",
    "year_range": "“{text}”的年份应在{lo}至{hi}之间",
    "time_format": "“{text}”不是时间，请按 时:分 输入，如 14:30 或 1430",
    "time_range": "“{text}”不是有效的时间（时应在0至23之间，分应在0至59之间）",
}


class DateTextError(ValueError):
    """Typed text that is no date or time; ``str(exc)`` is the Chinese sentence to show."""


def _plain(text: str) -> str:
    # NFKC turns full-width digits and punctuation (２０２６／３／２０, １４：３０) into ASCII.
    return unicodedata.normalize("NFKC", str(text)).strip()


def parse_date(text: str) -> _dt.date | None:
    """The date in ``text`` as typed; None for empty text.

    Raises:
        DateTextError: the text is no date, or an impossible one (2026-02-30).
    """
    raw = str(text or "").strip()
    plain = _plain(raw)
    if not plain:
        return None
    m = _DATE_PARTS.fullmatch(plain) or _DATE_DIGITS.fullmatch(plain)
    if not m:
        raise DateTextError(TEXT["date_format"].format(text=raw))
    year, month, day = (int(g) for g in m.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(TEXT["year_range"].format(text=raw, lo=MIN_YEAR, hi=MAX_YEAR))
    if not 1 <= month <= 12:
        raise DateTextError(TEXT["month_impossible"].format(text=raw))
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise DateTextError(TEXT["date_impossible"].format(text=raw, year=year, month=month, day=day)) from None


def parse_time(text: str) -> str | None:
    """``HH:MM`` for a typed time (``14:30``, ``14：30``, ``1430``, ``9:05``, ``14点30``); None when empty.

    Raises:
        DateTextError: the text is no time of day.
    """
    raw = str(text or "").strip()
    plain = _plain(raw)
    if not plain:
        return None
    m = _TIME_PARTS.fullmatch(plain) or _TIME_DIGITS.fullmatch(plain)
    if not m:
        raise DateTextError(TEXT["time_format"].format(text=raw))
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        raise DateTextError(TEXT["time_range"].format(text=raw))
    return f"{hour:02d}:{minute:02d}"
