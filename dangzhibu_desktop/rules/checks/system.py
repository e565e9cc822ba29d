"""The rules of 基本制度 (SYS-*): dues, dues lapse, rectification."""

from __future__ import annotations

import datetime as _dt
import functools

from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Fix, Outcome
from ..snapshot import Snapshot, as_date, month_end, months_label
from .common import _names, _pct, rule


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
        for mid, month, due, got, on in snap.dues:
            if on not in dates:
                dates[on] = as_date(on)
            on = dates[on]
            # Money as stored is int fen; anything odd counts as 0 rather than breaking the check
            # (SQLite gives int, float, str, bytes or None: never a bool to tell apart).
            due = due if type(due) is int else 0
            got = got if type(got) is int else 0
            full = got >= due
            if not due and not got and not on:
                paid[(mid, str(month))] = (True, True)  # recorded as nothing due (e.g. exempted)
            else:
                paid[(mid, str(month))] = (full and (on is None or on <= snap.day), full)
        snap.cache["dues-paid"] = paid
    return snap.cache["dues-paid"]


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
    party = ("正式党员", "预备党员")
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
            owed = [ym for ym, first, end in months
                    if snap.on_books(mem, first) and snap.category(mid, end) in party]
        if owed:
            out.append((mid, owed))
    return out


@rule("SYS-DUES")
def sys_dues(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    # Months paid late (December's dues paid in January) still count as paid months here;
    # SYS-DUES-LAPSE judges the arrears as they stood on the as-of date.
    book = dues_ledger(snap, paid_by_day=False)
    due = sum(len(v) for v in book.values())
    target = f"按月足额缴纳≥{_pct(least)}"
    if due == 0:
        return Outcome(NOT_APPLICABLE if not snap.over(_dt.date(snap.year, 1, 31)) else NOT_APPLICABLE,
                       None, target, "尚无到期的党费月份")
    paid = sum(1 for v in book.values() for _, ok in v if ok)
    share = paid / due
    evidence = []
    for mid, v in book.items():
        unpaid = [ym for ym, ok in v if not ok]
        if unpaid:
            evidence.append(f"{snap.name(mid)}：{months_label(int(x[5:]) for x in unpaid)}未足额缴纳")
    measured = _pct(share)
    if share + 1e-9 >= least:
        return Outcome(MET, measured, target, f"党费按月足额缴纳（{paid}/{due}人·月）")
    if not snap.dues:
        msg = "本年度未登记党费收缴记录"
    else:
        msg = f"党费足额缴纳{paid}/{due}人·月（{_pct(share)}），{len(evidence)}名党员有欠缴"
    owing_ids = [mid for mid, v in book.items() if any(not ok for _, ok in v)]
    # Back payment normally reaches back at most max_back_months: older arrears stay missed.
    back = int(p["max_back_months"])
    oldest = min(ym for v in book.values() for ym, ok in v if not ok)
    too_old = (snap.day.year * 12 + snap.day.month) - (int(oldest[:4]) * 12 + int(oldest[5:7])) > back
    advice = "按月收缴党费并登记；对未缴的党员及时提醒、了解原因并督促补缴"
    if too_old:
        advice += f"（补缴一般不超过{back}个月，更早的欠缴应查明原因并报上级党委）"
    fix = None if too_old else Fix([f"督促{_names(owing_ids, snap, 6)}补缴欠缴党费并登记"], 1)
    return Outcome(FAILED, measured, target, msg, advice, evidence[:30], fix)


@rule("SYS-DUES-LAPSE")
def sys_dues_lapse(snap: Snapshot, p: dict) -> Outcome:
    lapse, warn = int(p["lapse_months"]), int(p["warn_months"])
    since = max(f"{snap.year - 1}-07", snap.first_dues_month or f"{snap.year}-01")
    if since > f"{snap.year}-12":
        since = f"{snap.year}-01"
    book = dues_ledger(snap, since)
    fails, warns = [], []
    year_first = f"{snap.year}-01"
    for mid, v in book.items():
        run: list[str] = []
        worst: list[str] = []
        prev = None
        for ym, ok in v:
            consecutive = prev is not None and _next_month(prev) == ym
            if not ok:
                run = run + [ym] if (run and consecutive) else [ym]
                if len(run) > len(worst) and run[-1] >= year_first:
                    worst = list(run)
            else:
                run = []
            prev = ym
        if len(worst) >= lapse:
            fails.append(f"{snap.name(mid)}自{worst[0]}至{worst[-1]}连续{len(worst)}个月未交纳党费")
        elif run and len(run) >= warn:
            warns.append(f"{snap.name(mid)}已连续{len(run)}个月未交纳党费（{run[0]}起）")
    target = f"无连续{lapse}个月不交纳党费"
    if fails:
        return Outcome(FAILED, len(fails), target, f"{len(fails)}名党员连续{lapse}个月以上未交纳党费",
                       f"党员没有正当理由连续{lapse}个月不交纳党费的，按自行脱党处理：请立即谈话了解原因，督促补缴，并按程序报告上级党委",
                       fails)
    if warns:
        return Outcome(WARNING, 0, target, f"{len(warns)}名党员已连续{warn}个月以上未交纳党费",
                       f"及时谈话提醒，避免连续{lapse}个月不交纳党费", warns,
                       Fix([f"督促{'、'.join(w.split('已')[0] for w in warns[:6])}补缴党费"], 1))
    return Outcome(MET, 0, target, f"没有连续{warn}个月以上未交纳党费的党员")


@functools.lru_cache(maxsize=256)  # a pure function of its text, called per member and month
def _next_month(ym: str) -> str:
    y, m = int(ym[:4]), int(ym[5:7])
    return _ym(y + 1, 1) if m == 12 else _ym(y, m + 1)


@rule("SYS-RECTIFY")
def sys_rectify(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    target = f"按期完成≥{_pct(least)}"
    ok, late, overdue, pend, undated, actions = [], [], [], [], [], []
    for r in snap.rectifications:
        d, c = as_date(r.get("deadline")), as_date(r.get("closed_on"))
        title = r.get("problem") or "整改事项"
        if c is not None and c > snap.day:
            c = None  # closed after the as-of date: still open that day
        if c is not None:
            if d is not None and c > d:
                late.append(f"{title}：时限{d}，{c}才完成")
            else:
                ok.append(title)
        elif d is None:
            undated.append(f"{title}：未设整改时限")
        elif d < snap.day:
            overdue.append(f"{title}：时限{d}，已逾期{(snap.day - d).days}天（{r.get('status')}）")
        elif d <= snap.end:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
            actions.append(f"{d}前完成整改：{title}")
        else:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
    judged = len(ok) + len(late) + len(overdue)
    measured = f"{len(ok)}/{judged}" if judged else None
    share = len(ok) / judged if judged else 1.0
    evidence = overdue + late + undated + pend
    advice = "对照问题整改台账逐项销号，逾期未完成的要查明原因、明确新的完成时间，并报上级党委"
    if judged and share + 1e-9 < least:
        parts = ([f"{len(overdue)}项整改逾期未完成"] if overdue else []) + ([f"{len(late)}项逾期才完成"] if late else [])
        return Outcome(FAILED, measured, target, "，".join(parts), advice, evidence)
    if undated:
        return Outcome(WARNING, measured, target, f"{len(undated)}项整改未设时限", "为每项整改明确责任人和完成时限",
                       evidence)
    if judged:
        return Outcome(MET, measured, target, f"到期的{judged}项整改均按期完成", "", evidence)
    if actions:
        return Outcome(PENDING, measured, target, f"{len(actions)}项整改时限未到", advice, evidence,
                       Fix(actions, len(actions)))
    if pend:
        return Outcome(PENDING, measured, target, "整改时限均在下一年度", "", evidence)
    return Outcome(NOT_APPLICABLE, measured, target, "本年度没有整改事项")
