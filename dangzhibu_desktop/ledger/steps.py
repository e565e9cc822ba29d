"""The 25 steps of 发展党员工作细则 (2014) and the category derived from a person's steps.

A member's category is never typed: it follows from the steps recorded for them, so the
roster, the rules and the exports can never disagree about who is a 预备党员.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass
from typing import Iterable, Mapping

from . import enums


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    stage: str


STAGES = ("入党申请", "入党积极分子", "发展对象", "预备党员接收", "预备党员教育考察和转正")  # names, not the enumeration

_NAMES = {
    1: "递交入党申请书",
    2: "党组织派人谈话",
    3: "推荐和确定入党积极分子",
    4: "上级党委备案",
    5: "指定培养联系人",
    6: "培养教育考察",
    7: "确定发展对象",
    8: "报上级党委备案",
    9: "确定入党介绍人",
    10: "政治审查",
    11: "集中培训",  # the step's name, not the enumeration
    12: "支部委员会审查",
    13: "上级党委预审",
    14: "填写入党志愿书",
    15: "支部大会讨论",
    16: "上级党委派人谈话",
    17: "上级党委审批",
    18: "再上一级党委组织部门备案",
    19: "编入党支部和党小组",
    20: "入党宣誓",
    21: "继续教育考察",
    22: "提出转正申请",
    23: "支部大会讨论转正",
    24: "上级党委审批转正",
    25: "材料归档",
}


def _stage_of(number: int) -> str:
    if number <= 2:
        return STAGES[0]
    if number <= 6:
        return STAGES[1]
    if number <= 11:
        return STAGES[2]
    if number <= 18:
        return STAGES[3]
    return STAGES[4]


CATALOGUE: dict[int, Step] = {n: Step(n, name, _stage_of(n)) for n, name in _NAMES.items()}

# Each stage's heading as 发展党员工作细则 (2014) titles its chapter, as the 纪实表 prints it.
STAGE_TITLES = dict(zip(STAGES, (
    "入党申请", "入党积极分子的确定和培养教育", "发展对象的确定和考察", "预备党员的接收",
    "预备党员的教育考察和转正")))


def stage_steps(stage: str) -> list[Step]:
    """The catalogue's steps of ``stage``, in order."""
    return [s for s in CATALOGUE.values() if s.stage == stage]


# Steps that open a category.
STEP_APPLY = 1
STEP_TALK = 2
STEP_ACTIVIST = 3
STEP_CONTACTS = 5  # 指定培养联系人
STEP_REVIEW = 6
STEP_CANDIDATE = 7
STEP_INTRODUCERS = 9
STEP_TRAINING = 11
STEP_ADMIT = 15  # 入党日期 = the 支部大会 resolution
STEP_HIGHER_TALK = 16  # 上级党委派人谈话
STEP_APPROVE = 17
STEP_FULL_MEETING = 23
STEP_FULL_APPROVE = 24

# What the people named on a step's record (``persons``) are to the applicant.
PERSON_ROLES = {STEP_TALK: "谈话人", STEP_CONTACTS: "培养联系人", STEP_INTRODUCERS: "入党介绍人",
                STEP_HIGHER_TALK: "谈话人"}
PERSON_ROLE_OTHER = "相关人员"

OUTCOME_FULL = enums.ON_TIME_FULL
OUTCOME_EXTEND = enums.PROBATION_EXTENDED
OUTCOME_CANCEL = enums.PROBATION_CANCELLED


def step_label(number: int) -> str:
    """'15 支部大会讨论' style label for lists and exports."""
    step = CATALOGUE.get(number)
    return f"{number} {step.name}" if step else str(number)


@functools.lru_cache(maxsize=8192)
def parse_iso_date(text: str) -> _dt.date | None:
    """'2025-03-12' -> date, None when it is no date. Remembered: a check reads the same few
    thousand dates of a branch many times (each category on each day asked)."""
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def _as_date(value) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return parse_iso_date(value)
    if isinstance(value, _dt.date):
        return value
    return parse_iso_date(str(value))


def _usable(steps: Iterable[Mapping], as_of: _dt.date | None) -> list[tuple[Mapping, _dt.date]]:
    out = []
    for s in steps:
        d = _as_date(s.get("date"))
        if d is not None and (as_of is None or d <= as_of):
            out.append((s, d))
    return out


def full_member_since(steps: Iterable[Mapping], as_of: _dt.date | None = None) -> _dt.date | None:
    """Date of 转正 (step 23, else 24) unless that decision was an extension or a cancellation."""
    found: dict[int, list[_dt.date]] = {STEP_FULL_MEETING: [], STEP_FULL_APPROVE: []}
    for s, d in _usable(steps, as_of):
        if s.get("step") in found and (s.get("outcome") or OUTCOME_FULL) == OUTCOME_FULL:
            found[s.get("step")].append(d)
    dates = found[STEP_FULL_MEETING] or found[STEP_FULL_APPROVE]
    return min(dates) if dates else None


def probation_decisions(steps: Iterable[Mapping], as_of: _dt.date | None = None) -> list[tuple[Mapping, _dt.date, str]]:
    """The decisions on a 预备党员's probation, in date order: (step row, date, outcome).

    Read as ``full_member_since`` and ``derive_category`` read them: the 支部大会's (step 23), or
    the 上级党委's approval (step 24) where no step 23 is recorded; no outcome recorded means
    按期转正. The row travels along, so a decision's details (an extension's months) are read
    from it where they are shown.
    """
    usable = _usable(steps, as_of)
    meetings = [(s, d) for s, d in usable if s.get("step") == STEP_FULL_MEETING]
    chosen = meetings or [(s, d) for s, d in usable if s.get("step") == STEP_FULL_APPROVE]
    return sorted(((s, d, s.get("outcome") or OUTCOME_FULL) for s, d in chosen), key=lambda t: t[1])


def admitted_on(steps: Iterable[Mapping], as_of: _dt.date | None = None) -> _dt.date | None:
    """入党日期: the date of the 支部大会 that admitted the person (step 15)."""
    dates = [d for s, d in _usable(steps, as_of) if s.get("step") == STEP_ADMIT]
    return min(dates) if dates else None


def step_date(steps: Iterable[Mapping], number: int, as_of: _dt.date | None = None,
              latest: bool = False) -> _dt.date | None:
    dates = [d for s, d in _usable(steps, as_of) if s.get("step") == number]
    if not dates:
        return None
    return max(dates) if latest else min(dates)


def derive_category(steps: Iterable[Mapping], as_of: _dt.date | None = None) -> str | None:
    """The pipeline category on ``as_of`` (None = all recorded steps), or None without steps.

    Each step is a mapping with ``step``, ``date`` and optionally ``outcome``. A probation
    cancelled at step 23 leaves the person with no category.
    """
    steps = list(steps)
    usable = list(_usable(steps, as_of))
    if not usable:
        return None
    numbers = {s.get("step") for s, _ in usable}
    cancelled = any(
        s.get("step") in (STEP_FULL_MEETING, STEP_FULL_APPROVE) and s.get("outcome") == OUTCOME_CANCEL
        for s, _ in usable
    )
    if cancelled:
        return None
    if full_member_since(steps, as_of) is not None:
        return enums.FULL_MEMBER
    if STEP_ADMIT in numbers or any(n is not None and n > STEP_ADMIT for n in numbers):
        return enums.PROBATIONARY
    if any(n is not None and n >= STEP_CANDIDATE for n in numbers):
        return enums.CANDIDATE
    if any(n is not None and n >= STEP_ACTIVIST for n in numbers):
        return enums.ACTIVIST
    return enums.APPLICANT


def category_changes(steps: Iterable[Mapping]) -> list[tuple[_dt.date, str | None]]:
    """The person's category over time: ``[(date, category)]`` for each step date on which
    ``derive_category`` gives a different answer than the day before (None: a cancelled
    probation), oldest first — the 党员档案's 类别变化, asked of the same one definition."""
    out: list[tuple[_dt.date, str | None]] = []
    steps = list(steps)
    for d in sorted({d for _, d in _usable(steps, None)}):
        cat = derive_category(steps, d)
        if not out or out[-1][1] != cat:
            out.append((d, cat))
    return out


def party_standing_years(steps: Iterable[Mapping], as_of: _dt.date) -> int | None:
    """党龄 in whole years on ``as_of``, counted from 转正."""
    since = full_member_since(steps, as_of)
    if since is None:
        return None
    years = as_of.year - since.year - ((as_of.month, as_of.day) < (since.month, since.day))
    return max(years, 0)


def next_step(steps: Iterable[Mapping]) -> tuple[int, _dt.date | None] | None:
    """The next catalogue step due and its earliest date, for the member editor's timeline.

    Returns None when the pipeline is complete (step 25 recorded) or the person was cancelled.
    """
    steps = list(steps)
    recorded = {s.get("step") for s, _ in _usable(steps, None)}
    if not recorded:
        return (STEP_APPLY, None)
    if derive_category(steps) is None or 25 in recorded:
        return None
    highest = max(n for n in recorded if n is not None)
    nxt = highest + 1
    base = step_date(steps, highest, latest=True)
    earliest = base
    if nxt == STEP_CANDIDATE:
        activist = step_date(steps, STEP_ACTIVIST)
        earliest = add_years(activist, 1) if activist else base
    elif nxt in (22, STEP_FULL_MEETING):
        # 转正 is discussed when the one-year 预备期 ends; the application comes just before.
        admit = admitted_on(steps)
        if admit:
            earliest = add_years(admit, 1) - _dt.timedelta(days=30 if nxt == 22 else 0)
    return (nxt, earliest)


def add_years(d: _dt.date, years: int) -> _dt.date:
    """Same day ``years`` later; 29 February falls on 28 February in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def add_months(d: _dt.date, months: int) -> _dt.date:
    """Same day ``months`` later, clamped to the month's last day."""
    import calendar

    m = d.month - 1 + months
    y = d.year + m // 12
    m = m % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))
