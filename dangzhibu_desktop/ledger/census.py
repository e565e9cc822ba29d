"""The bands of the 党内统计年报 a 党员 falls in on a day: age, 学历, 民族 and 入党时间.

One place declares each classification (its labels and bounds, in the form's order), so a
change of the 上级党委's form is a change here. The people sorted are ``Ledger.party_members_on``'s;
the counts and their name lists are ``exports.statistics``'.
"""

from __future__ import annotations

import datetime as _dt

from . import enums
from .roster import EDUCATION_ALIASES

UNRECORDED = "未登记"  # a band for a field left empty (or not read as a date)

# 年龄 (full years on the day): the bands of the 党内统计 tables — the 公报 sums the last two as
# 61岁及以上. (label, lowest age, highest age), None = open.
AGE_BANDS = (
    ("30岁及以下", None, 30), ("31至35岁", 31, 35), ("36至40岁", 36, 40), ("41至45岁", 41, 45),
    ("46至50岁", 46, 50), ("51至55岁", 51, 55), ("56至60岁", 56, 60), ("61至70岁", 61, 70),
    ("71岁及以上", 71, None),
)

# 学历: the form's columns and the ledger's 学历 labels (``enums.EDUCATIONS``) each one counts.
EDUCATION_BANDS = (
    (enums.EDU_POSTGRADUATE, (enums.EDU_POSTGRADUATE,)),
    (enums.EDU_BACHELOR, (enums.EDU_BACHELOR,)),
    (enums.EDU_COLLEGE, (enums.EDU_COLLEGE,)),
    ("中专", (enums.EDU_VOCATIONAL,)),  # the form's word for 中等专科
    (enums.EDU_HIGH_SCHOOL, (enums.EDU_HIGH_SCHOOL,)),
    (enums.EDU_JUNIOR, (enums.EDU_JUNIOR,)),
)
OTHER_EDUCATION = "其他学历"  # a 学历 typed that is none of the ledger's labels
# 大专及以上学历: what the 公报 quotes of the 党员 and of those admitted.
COLLEGE_AND_ABOVE = (enums.EDU_POSTGRADUATE, enums.EDU_BACHELOR, enums.EDU_COLLEGE)
# 35岁及以下: the 公报's line for those admitted in the year (their age on the day admitted).
YOUNG_AGE = 35

MINORITY = "少数民族"
ETHNICITY_BANDS = (enums.ETHNICITY_HAN, MINORITY)

# 入党时间 (the 支部大会 that admitted, step 15): the 公报's periods, the last one split at the
# 二十大 since most of a branch joined in it. (label, first day), in order.
JOINED_BANDS = (
    ("新中国成立前", None),
    ("新中国成立后至党的十一届三中全会前", _dt.date(1949, 10, 1)),
    ("党的十一届三中全会后至党的十八大前", _dt.date(1978, 12, 22)),
    ("党的十八大后至党的二十大前", _dt.date(2012, 11, 8)),
    ("党的二十大以来", _dt.date(2022, 10, 16)),
)


def date_value(value) -> _dt.date | None:
    """A date from a date or ISO text; None for anything else."""
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def age_on(birth, day: _dt.date) -> int | None:
    """Full years on ``day`` (a birthday on ``day`` counts); None without a readable birth date."""
    b = date_value(birth)
    if b is None:
        return None
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def age_band(birth, day: _dt.date) -> str:
    """The 年龄 band on ``day`` (``AGE_BANDS``), ``UNRECORDED`` without a birth date."""
    age = age_on(birth, day)
    if age is None:
        return UNRECORDED
    for label, low, high in AGE_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return label
    raise AssertionError(age)  # the bands cover every age


def education_band(education: str | None) -> str:
    """The 学历 band (``EDUCATION_BANDS``), typed words read as the roster import reads them
    (硕士 → 研究生, 大专 → 大学专科); ``UNRECORDED`` when empty, ``OTHER_EDUCATION`` otherwise."""
    text = (education or "").strip()
    if not text:
        return UNRECORDED
    text = EDUCATION_ALIASES.get(text, text)
    for label, labels in EDUCATION_BANDS:
        if text in labels:
            return label
    return OTHER_EDUCATION


def ethnicity_band(ethnicity: str | None) -> str:
    """汉族 or 少数民族; ``UNRECORDED`` when empty."""
    text = (ethnicity or "").strip()
    if not text:
        return UNRECORDED
    return enums.ETHNICITY_HAN if text == enums.ETHNICITY_HAN else MINORITY


def joined_band(admitted) -> str:
    """The 入党时间 band of the admission date (``JOINED_BANDS``), ``UNRECORDED`` without one."""
    d = date_value(admitted)
    if d is None:
        return UNRECORDED
    label = JOINED_BANDS[0][0]
    for name, first in JOINED_BANDS[1:]:
        if d >= first:
            label = name
    return label
