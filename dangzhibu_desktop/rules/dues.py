"""党费 amounts by the 2008 brackets (中组发〔2008〕3号), read from the rule set.

Employed members pay a share of the monthly after-tax fixed salary, retired members a share
of the basic pension; the upper bound of a bracket belongs to the lower bracket (exactly
3000.00 元 pays 0.5 %). Students, the unemployed and people on relief pay a fixed 0.20 元;
farmers 0.20–1.00 元. Amounts are rounded to the fen, half up, in Decimal arithmetic.

The dues book of a snapshot (which months each 党员 owed and whether they were paid) and the
dues lapse (``dues_lapses``: ``lapse_months`` consecutive months with none of them paid by the end
of the last, across the year boundary) are answered here once, for SYS-DUES, SYS-DUES-LAPSE,
the reminders and the 党费 grid of the window (``lapses_on``).
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..ledger import enums
from ..ledger.validate import ValidationError
from .asof import as_of_day
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot, as_date, month_end

FEN = Decimal("100")


def _rule(rule_set) -> dict:
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    return rs.dues


def bracket_rate(brackets: list[dict], base_fen: int) -> Decimal:
    """The rate of the first bracket whose ``up_to`` (元, inclusive) covers ``base_fen``."""
    base = Decimal(base_fen) / FEN
    for b in brackets:
        if b.get("up_to") is None or base <= Decimal(str(b["up_to"])):
            return Decimal(str(b["rate"]))
    return Decimal(str(brackets[-1]["rate"]))


def compute_dues(dues_class: str | None, base_fen: int | None = None, rule_set: RuleSet | str | None = None,
                 farmer_fen: int | None = None) -> tuple[float | None, int]:
    """Monthly dues for one member: ``(rate, amount_fen)``.

    Args:
        dues_class: 在职 / 离退休 / 农民 / 学生 / 下岗失业 / 享受低保 (None counts as 在职).
        base_fen: the monthly base in fen (salary after tax, or basic pension); needed for
            在职 and 离退休.
        farmer_fen: for 农民, the amount the branch set (within the rule set's min–max);
            default the rule set's default (0.20 元).

    Returns:
        The rate as a float for the ``dues.rate`` column (None for fixed amounts) and the
        amount in fen.

    Raises:
        ValidationError: unknown class, missing or negative base, farmer amount out of range.
    """
    cfg = _rule(rule_set)
    cls = dues_class or enums.DUES_EMPLOYED
    table = cfg["classes"].get(cls)
    if table:
        if base_fen is None:
            raise ValidationError("请填写党费计算基数（月工资或基本养老金）", "base_income")
        if isinstance(base_fen, bool) or not isinstance(base_fen, int) or base_fen < 0:
            raise ValidationError("计算基数应为不小于0的金额", "base_income")
        rate = bracket_rate(cfg[table], base_fen)
        amount = (Decimal(base_fen) * rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        return float(rate), int(amount)
    fixed = cfg["fixed"]
    if cls in fixed:
        return None, int((Decimal(str(fixed[cls])) * FEN).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    farmer = cfg["farmer"]
    if cls == farmer["class"]:
        lo = int(Decimal(str(farmer["min"])) * FEN)
        hi = int(Decimal(str(farmer["max"])) * FEN)
        amount = int(Decimal(str(farmer["default"])) * FEN) if farmer_fen is None else farmer_fen
        if not lo <= amount <= hi:
            raise ValidationError(f"农民党员每月党费应在{lo / 100:.2f}元至{hi / 100:.2f}元之间", "amount_due")
        return None, amount
    raise ValidationError(f"未知的缴费类别“{cls}”", "dues_class")


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def dues_ledger(snap: Snapshot, since: str | None = None, paid_by_day: bool = True):
    """Per member: [(month 'YYYY-MM', paid: bool)] for every month that is over and in which the
    member owed dues (正式/预备党员 on the books on the 1st), from ``since`` (default: January).

    ``paid_by_day``: a payment counts only when made by the as-of date (arrears as they stood
    that day); otherwise every recorded payment counts, late ones included."""
    key = ("dues", since, paid_by_day)
    if key not in snap.cache:
        snap.cache[key] = _dues_ledger(snap, since, paid_by_day)
    return snap.cache[key]


def _dues_ledger(snap: Snapshot, since: str | None, paid_by_day: bool):
    get = _dues_paid(snap).get
    flag = 0 if paid_by_day else 1
    unpaid = (False, False)
    return {mid: [(ym, get((mid, ym), unpaid)[flag]) for ym in months] for mid, months in _dues_owed(snap, since)}


def _dues_paid(snap: Snapshot) -> dict[tuple[int, str], tuple[bool, bool]]:
    """(member, month) → (paid in full by the as-of date, paid in full at all), read once."""
    if "dues-paid" not in snap.cache:
        paid = {}
        dates: dict = {}  # paid_on values repeat (a whole branch pays on a few days): read each once
        below = snap.dues_below_bracket()
        for mid, month, due, got, on in snap.dues:
            if on not in dates:
                dates[on] = as_date(on)
            on = dates[on]
            # Money as stored is int fen; anything odd counts as 0 rather than breaking the check
            # (SQLite gives int, float, str, bytes or None: never a bool to tell apart).
            due = due if type(due) is int else 0
            got = got if type(got) is int else 0
            full = got >= due and (mid, str(month)) not in below
            if not due and not got and not on:
                paid[(mid, str(month))] = (True, True)  # recorded as nothing due (e.g. exempted)
            else:
                # For the projection (records up to ``until`` judged at year end) payments
                # dated later are not known yet; judged as of a day, late payments count.
                known = on is None or on <= snap.until or snap.until == snap.day
                paid[(mid, str(month))] = (full and (on is None or on <= snap.day) and known, full and known)
        snap.cache["dues-paid"] = paid
    return snap.cache["dues-paid"]


PARTY = enums.PARTY_MEMBERS


def owes_month(snap: Snapshot, member: dict, first: _dt.date, end: _dt.date) -> bool:
    """Whether ``member`` owes the dues of the month ``first`` … ``end``: on the books on its
    first day (someone transferred in mid-month paid that month at the old branch) and a
    正式/预备党员 at its end (预备党员 from the admission month). The one definition SYS-DUES and
    the 党费 grid (``views.dues``) ask."""
    mid = member["id"]
    return mid in snap.steps and snap.on_books(member, first) and snap.category(mid, end) in PARTY


def _dues_owed(snap: Snapshot, since: str | None) -> list[tuple[int, list[str]]]:
    """[(member, months 'YYYY-MM' owed)] for the months over by the as-of date from ``since``."""
    key = ("dues-owed", since)
    if key in snap.cache:
        return snap.cache[key]
    months = []
    y, m = (int(since[:4]), int(since[5:7])) if since else (snap.year, 1)
    while (y, m) <= (snap.year, 12):
        end = month_end(y, m)
        if end > snap.day:
            break
        months.append((_ym(y, m), end.replace(day=1), end))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out: list[tuple[int, list[str]]] = []
    snap.cache[key] = out
    if not months:
        return out
    party = PARTY
    all_months = [ym for ym, _, _ in months]
    for mem in snap.present_between(months[0][1], months[-1][2]):
        mid = mem["id"]
        if mid not in snap.steps:
            continue  # no development steps, no category: never owes dues
        # Owed where the membership was on the first of the month (someone transferred in
        # mid-month paid that month at the old branch); 预备党员 from the admission month.
        if snap.category_fixed(mid, months[0][2], months[-1][2]):
            # Same category at every month end (the usual case): judge it once.
            if snap.category(mid, months[0][2]) not in party:
                continue
            if snap.on_books(mem, months[0][1]) and snap.on_books(mem, months[-1][1]):
                owed = all_months  # on the books throughout (the books are one span)
            else:
                owed = [ym for ym, first, _ in months if snap.on_books(mem, first)]
        else:
            owed = [ym for ym, first, end in months if owes_month(snap, mem, first, end)]
        if owed:
            out.append((mid, owed))
    return out


def _paid_on(snap: Snapshot) -> dict[tuple[int, str], _dt.date | None]:
    """(member, month) → the day it was paid in full (``date.min``: nothing due, or paid with
    no date), absent when unpaid as far as the records go (``until``)."""
    if "dues-paid-on" not in snap.cache:
        out = {}
        for mid, month, due, got, on in snap.dues:
            on = as_date(on)
            due = due if type(due) is int else 0
            got = got if type(got) is int else 0
            if (not due and not got and on is None) or (got >= due and on is None):
                out[(mid, str(month))] = _dt.date.min
            elif got >= due and on <= snap.until:
                out[(mid, str(month))] = on
        snap.cache["dues-paid-on"] = out
    return snap.cache["dues-paid-on"]


@functools.lru_cache(maxsize=256)  # a pure function of its text, called per member and month
def _next_month(ym: str) -> str:
    y, m = int(ym[:4]), int(ym[5:7])
    return _ym(y + 1, 1) if m == 12 else _ym(y, m + 1)


@dataclass(frozen=True)
class DuesLapse:
    """One member's dues lapse: ``months`` ('YYYY-MM', ``lapse_months`` consecutive calendar months
    owed) none of which was paid by the end of the last; ``paid_back``: the days some of them were
    paid later (ISO, sorted; a back payment does not undo the lapse)."""

    member_id: int
    months: tuple[str, ...]
    paid_back: tuple[str, ...] = ()

    def words(self) -> str:
        """"自2025-09至2026-02连续6个月未交纳党费（2026-03-05补缴）" (after the member's name)."""
        text = f"自{self.months[0]}至{self.months[-1]}连续{len(self.months)}个月未交纳党费"
        return text + (f"（{'、'.join(self.paid_back)}补缴）" if self.paid_back else "")


def lapse_since(snap: Snapshot) -> str:
    """The first month a lapse judged in ``snap.year`` may begin: July of the previous year (the
    snapshot reads dues from then), not before the first dues month recorded."""
    since = max(f"{snap.year - 1}-07", snap.first_dues_month or f"{snap.year}-01")
    return f"{snap.year}-01" if since > f"{snap.year}-12" else since


def unpaid_runs(snap: Snapshot) -> dict[int, int]:
    """member → how many owed months in a row, ending with the last month over by the as-of day,
    are unpaid on that day, counted across the year boundary from ``lapse_since`` (the count
    SYS-DUES-LAPSE judges, for the reminders' warning before it fails); members with none left out."""
    out = {}
    for mid, months in dues_ledger(snap, lapse_since(snap)).items():
        run = 0
        for _, ok in reversed(months):
            if ok:
                break
            run += 1
        if run:
            out[mid] = run
    return out


def dues_lapses(snap: Snapshot, lapse_months: int) -> dict[int, DuesLapse]:
    """member → the first dues lapse ending in ``snap.year`` as of ``snap.day`` (SYS-DUES-LAPSE).

    A lapse is ``lapse_months`` consecutive months the member owed (``dues_ledger`` from
    ``lapse_since``: it may begin in the previous year), the last of them in the year and over by
    the as-of day, with no month of them paid in full by the end of the last one: a month is unpaid
    until its ``paid_on``."""
    lapse = int(lapse_months)
    key = ("dues-lapses", lapse)
    if key in snap.cache:
        return snap.cache[key]
    book = dues_ledger(snap, lapse_since(snap))
    paid_on = _paid_on(snap)
    year_first = f"{snap.year}-01"
    out: dict[int, DuesLapse] = {}
    for mid, v in book.items():
        months = [ym for ym, _ in v]
        for j in range(len(months)):
            if j + 1 < lapse or months[j] < year_first:
                continue
            window = months[j - lapse + 1:j + 1]
            if any(_next_month(a) != b for a, b in zip(window, window[1:])):
                continue
            end = month_end(int(months[j][:4]), int(months[j][5:]))
            if all((paid_on.get((mid, ym)) or _dt.date.max) > end for ym in window):
                later = sorted({str(paid_on[(mid, ym)]) for ym in window if paid_on.get((mid, ym))})
                out[mid] = DuesLapse(mid, tuple(window), tuple(later))
                break
    snap.cache[key] = out
    return out


def lapses_on(ledger, year: int, today: _dt.date | None = None,
              rule_set: RuleSet | str | None = None) -> tuple[int, dict[int, DuesLapse]]:
    """``(lapse_months, dues_lapses)`` of ``year`` on its as-of day (``as_of_day(year, today)``),
    with the rule set's ``lapse_months`` (SYS-DUES-LAPSE): what the 党费 grid marks, exactly the
    members the rule fails."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    lapse = int(rs.params("SYS-DUES-LAPSE")["lapse_months"])
    snap = Snapshot(ledger, year, as_of_day(year, today))
    snap.rule_set = rs
    return lapse, dues_lapses(snap, lapse)
