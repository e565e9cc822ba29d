"""The rules of 基本制度 (SYS-*): dues, dues lapse, rectification."""

from __future__ import annotations

import datetime as _dt

from ...ledger import enums
from ..asof import by_words, still_possible
from ..dues import _dues_paid, _ym, dues_lapses, dues_ledger, lapse_since
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Action, Fix, Outcome
from ..snapshot import Snapshot, as_date, month_end, months_label
from .common import _pct, rule


def _months_words(months: list[str], year: int) -> str:
    """'YYYY-MM' months in words: "11月、12月", with the year for months of another year."""
    return "、".join(f"{int(ym[5:])}月" if int(ym[:4]) == year else f"{int(ym[:4])}年{int(ym[5:])}月" for ym in months)


def dues_still_owed(snap: Snapshot) -> dict[int, list[str]]:
    """Months not over on the as-of day, to the end of the year, that each 党员 owes and has not
    paid by then: what the plan must collect. Owed as ``_dues_owed`` judges a month once it is
    over (on the books on its first day, a 党员 at its end, nothing more recorded), so the
    plan collects exactly the months the year end will judge."""
    paid = _paid_dues_set(snap)
    months = [(_ym(snap.year, m), _dt.date(snap.year, m, 1), month_end(snap.year, m))
              for m in range(1, 13) if month_end(snap.year, m) > snap.day]
    out: dict[int, list[str]] = {}
    if not months:
        return out
    party = enums.PARTY_MEMBERS
    for mem in snap.present_between(months[0][1], months[-1][2]):
        mid = mem["id"]
        if mid not in snap.steps:
            continue
        owed = [ym for ym, first, end in months
                if (mid, ym) not in paid and snap.on_books(mem, first) and snap.category(mid, end) in party]
        if owed:
            out[mid] = owed
    return out


def collect_actions(snap: Snapshot, ahead: dict[int, list[str]]) -> list[Action]:
    """One ``dues`` action per 党员 for the months still to collect this year (``dues_still_owed``),
    due by the last one's month end (the same action for SYS-DUES and SYS-DUES-LAPSE)."""
    out = []
    for mid, v in ahead.items():
        last = month_end(int(v[-1][:4]), int(v[-1][5:]))
        each = "（每月月底前缴纳）" if len(v) > 1 else ""
        out.append(Action("dues", last, f"{by_words(last, snap.day)}按月收缴{snap.name(mid)}"
                          f"{months_label(int(x[5:]) for x in v)}党费并登记{each}", {"member_id": mid, "months": v},
                          snap.day))
    return out


def _paid_dues_set(snap: Snapshot) -> set:
    """(member, month) paid in full by the as-of day: a payment dated later (typed ahead) is
    not made yet that day, so the plan still asks for it."""
    return {k for k, (by_day, _) in _dues_paid(snap).items() if by_day}


@rule("SYS-DUES")
def sys_dues(snap: Snapshot, p: dict) -> Outcome:
    least = float(p["min_share"])
    # Months paid late (December's dues paid in January) still count as paid months here;
    # SYS-DUES-LAPSE judges the arrears by the payment dates.
    book = dues_ledger(snap, paid_by_day=False)
    due = sum(len(v) for v in book.values())
    ahead = dues_still_owed(snap)
    target = f"按月足额缴纳≥{_pct(least)}"
    owing = {mid: [ym for ym, ok in v if not ok] for mid, v in book.items()}
    owing = {mid: v for mid, v in owing.items() if v}
    back = int(p["max_back_months"])
    # Back payment normally reaches back at most max_back_months: older arrears stay missed.
    oldest = min((ym for v in owing.values() for ym in v), default=None)
    too_old = oldest is not None and \
        (snap.day.year * 12 + snap.day.month) - (int(oldest[:4]) * 12 + int(oldest[5:7])) > back
    actions = []
    # Arrears now (a lapse must not build up), the months ahead each by its month end.
    for mid, v in ([] if too_old else owing.items()):
        actions.append(Action("dues", snap.day, f"{by_words(snap.day, snap.day)}督促{snap.name(mid)}补缴"
                              f"{_months_words(v, snap.year)}党费并登记", {"member_id": mid, "months": v},
                              snap.day))
    actions += collect_actions(snap, ahead)
    total = due + sum(len(v) for v in ahead.values())
    # Once the plan is done every month is paid but the arrears too old to collect.
    after = (total - (sum(len(v) for v in owing.values()) if too_old else 0)) / total if total else 1.0
    fix = Fix(actions, len(actions), after) if actions else None
    if due == 0:
        if ahead:
            return Outcome(PENDING, None, target, "尚无到期的党费月份", "", [], fix)
        return Outcome(NOT_APPLICABLE, None, target, "尚无到期的党费月份")
    paid = due - sum(len(v) for v in owing.values())
    share = paid / due
    evidence = [f"{snap.name(mid)}：{months_label(int(x[5:]) for x in v)}未足额缴纳" for mid, v in owing.items()]
    below = snap.dues_below_bracket()
    for (mid, ym), (base, amount, due_fen) in sorted(below.items()):
        if ym in owing.get(mid, ()):
            evidence.append(f"{snap.name(mid)}：{ym}按计算基数{base / 100:.2f}元应缴{amount / 100:.2f}元，"
                            f"登记应缴{due_fen / 100:.2f}元")
    measured = _pct(share)
    if share + 1e-9 >= least:
        if ahead:
            return Outcome(PENDING, measured, target,
                           f"到期月份党费均已足额缴纳（{paid}/{due}人·月），本年还有{sum(len(v) for v in ahead.values())}人·月待收缴",
                           "按月收缴党费并登记", [], fix, share)
        return Outcome(MET, measured, target, f"党费按月足额缴纳（{paid}/{due}人·月）", "", [], None, share)
    if not snap.dues:
        msg = "本年度未登记党费收缴记录"
    else:
        msg = f"党费足额缴纳{paid}/{due}人·月（{_pct(share)}），{len(evidence)}名党员有欠缴"
    advice = "按月收缴党费并登记；对未缴的党员及时提醒、了解原因并督促补缴"
    if too_old:
        advice += f"（补缴一般不超过{back}个月，更早的欠缴应查明原因并报上级党委）"
    return Outcome(FAILED, measured, target, msg, advice, evidence[:30], fix, share)


@rule("SYS-DUES-LAPSE")
def sys_dues_lapse(snap: Snapshot, p: dict) -> Outcome:
    """A lapse is judged by the payment dates: a month is unpaid until its ``paid_on``, so a
    back payment after six unpaid months does not undo the lapse (it is shown as evidence)."""
    lapse, warn = int(p["lapse_months"]), int(p["warn_months"])
    lapses = dues_lapses(snap, lapse)
    book = dues_ledger(snap, lapse_since(snap))
    fails, warns, actions = [], [], []
    for mid, v in book.items():
        found = lapses.get(mid)
        if found:
            fails.append(f"{snap.name(mid)}{found.words()}")
            continue
        run = []
        for ym, ok in v:
            run = [] if ok else run + [ym]
        if run and len(run) >= warn:
            warns.append(f"{snap.name(mid)}已连续{len(run)}个月未交纳党费（{run[0]}起）")
            actions.append(Action("dues", snap.day, f"{by_words(snap.day, snap.day)}督促{snap.name(mid)}补缴"
                                  f"{_months_words(run, snap.year)}党费并登记",
                                  {"member_id": mid, "months": run}, snap.day))
    target = f"无连续{lapse}个月不交纳党费"
    # Months still to collect this year: a member whose unpaid run would reach the lapse by
    # 31 December if nothing more were paid is at risk (待到期), with the months to collect.
    ahead = dues_still_owed(snap)
    at_risk = {}
    for mid, later in ahead.items():
        run = 0
        for _, ok in book.get(mid, []):
            run = 0 if ok else run + 1
        if run + len(later) >= lapse:
            at_risk[mid] = later
    if fails:
        return Outcome(FAILED, len(fails), target, f"{len(fails)}名党员连续{lapse}个月以上未交纳党费",
                       f"党员没有正当理由连续{lapse}个月不交纳党费的，按自行脱党处理：请立即谈话了解原因，督促补缴，并按程序报告上级党委",
                       fails)
    if warns:
        return Outcome(WARNING, 0, target, f"{len(warns)}名党员已连续{warn}个月以上未交纳党费",
                       f"及时谈话提醒，避免连续{lapse}个月不交纳党费", warns,
                       Fix(actions + collect_actions(snap, at_risk), len(actions) + len(at_risk)))
    if at_risk:
        return Outcome(PENDING, 0, target,
                       f"目前没有连续{warn}个月以上未交纳党费的党员；本年还需按月收缴{len(at_risk)}名党员的党费",
                       f"按月收缴党费，避免连续{lapse}个月不交纳党费", [],
                       Fix(collect_actions(snap, at_risk), len(at_risk)))
    return Outcome(MET, 0, target, f"没有连续{warn}个月以上未交纳党费的党员")


@rule("SYS-RECTIFY")
def sys_rectify(snap: Snapshot, p: dict) -> Outcome:
    """整改 items closed by their deadline. A deadline on the as-of day is judged that day
    (and can still be met today); deadlines later this year keep the rule open."""
    least = float(p["min_share"])
    target = f"按期完成≥{_pct(least)}"
    ok, late, overdue, pend, undated, actions = [], [], [], [], [], []
    for r in snap.rectifications:
        d, c = as_date(r.get("deadline")), as_date(r.get("closed_on"))
        title = r.get("problem") or "整改事项"
        if c is not None and c > snap.until:
            c = None  # closed after the as-of date: still open that day
        if c is not None:
            if d is not None and c > d:
                late.append(f"{title}：时限{d}，{c}才完成")
            else:
                ok.append(title)
        elif d is None:
            undated.append(f"{title}：未设整改时限")
        elif snap.over(d):
            overdue.append(f"{title}：时限{d}，已逾期{(snap.day - d).days}天（{r.get('status')}）"
                           if d < snap.day else f"{title}：时限{d}（今天到期，{r.get('status')}）")
            if still_possible(d, snap.day):
                actions.append(Action("rectification", d, f"{by_words(d, snap.day)}完成整改并销号：{title}",
                                      {"rectification_id": r["id"]}, snap.day))
        elif d <= snap.end:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
            actions.append(Action("rectification", d, f"{by_words(d, snap.day)}完成整改并销号：{title}",
                                  {"rectification_id": r["id"]}, snap.day))
        else:
            pend.append(f"{title}：时限{d}（{r.get('status')}）")
    judged = len(ok) + len(late) + len(overdue)
    this_year = judged + sum(1 for a in actions if a.by > snap.day)
    measured = f"{len(ok)}/{judged}" if judged else None
    share = len(ok) / judged if judged else 1.0
    evidence = overdue + late + undated + pend
    advice = "对照问题整改台账逐项销号，逾期未完成的要查明原因、明确新的完成时间，并报上级党委"
    fix = Fix(actions, len(actions), (len(ok) + len(actions)) / this_year) if actions else None
    if judged and share + 1e-9 < least:
        parts = ([f"{len(overdue)}项整改逾期未完成"] if overdue else []) + ([f"{len(late)}项逾期才完成"] if late else [])
        return Outcome(FAILED, measured, target, "，".join(parts), advice, evidence, fix, share)
    if undated:
        return Outcome(WARNING, measured, target, f"{len(undated)}项整改未设时限", "为每项整改明确责任人和完成时限",
                       evidence, fix)
    if actions:
        return Outcome(PENDING, measured, target, f"{len(actions)}项整改时限未到" + (f"，到期的{judged}项均按期完成" if judged else ""),
                       advice, evidence, fix)
    if judged:
        return Outcome(MET, measured, target, f"到期的{judged}项整改均按期完成", "", evidence, None, share)
    if pend:
        return Outcome(PENDING, measured, target, "整改时限均在下一年度", "", evidence)
    return Outcome(NOT_APPLICABLE, measured, target, "本年度没有整改事项")
