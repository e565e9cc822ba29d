"""Shared pieces of the rule functions: the registry, the per-person verdict and the periods.

Every number comes from ``params`` (the rule-set file). A rule never raises on odd data: a
missing date or an unknown person becomes evidence and a 预警, not a traceback. Periods
(months, quarters, the year) that are not over on the as-of date are 待到期, never 未达标.
``Outcome.fix`` says what would still make the rule 达标 by 31 December ("next star").
"""

from __future__ import annotations

import datetime as _dt

from ...ledger import enums
from ..asof import by_words, still_possible
from ..model import FAILED, MET, NOT_APPLICABLE, PENDING, WARNING, Action, Fix, Outcome
from ..snapshot import Snapshot, as_date, quarter_label

RULES: dict = {}


def rule(code):
    def register(fn):
        RULES[code] = fn
        return fn
    return register


def _ratio(value, default: float) -> float:
    """A share from the rule set: a number (0.5) or a fraction string ("1/3")."""
    from fractions import Fraction

    try:
        return float(Fraction(str(value))) if value is not None else default
    except (ValueError, ZeroDivisionError):
        return default


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%".replace(".0%", "%")


def _names(ids_or_rows, snap: Snapshot, limit: int = 8) -> str:
    names = [snap.name(x["id"] if isinstance(x, dict) else x) for x in ids_or_rows]
    text = "、".join(names[:limit])
    return text + (f"等{len(names)}人" if len(names) > limit else "")


def _months_between(a: _dt.date, b: _dt.date) -> int:
    """Whole months from a to b."""
    m = (b.year - a.year) * 12 + b.month - a.month
    if b.day < a.day:
        m -= 1
    return m


def _in_year(snap: Snapshot, d: _dt.date | None) -> bool:
    return d is not None and snap.start <= d <= snap.day


def _judged_here(snap: Snapshot, m: dict, d: _dt.date | None) -> bool:
    """A development step is judged when it falls in the year and was taken in this branch:
    a member who transferred in later went through it elsewhere, under another branch."""
    if not _in_year(snap, d):
        return False
    joined = as_date(m.get("joined_branch_on"))
    return joined is None or d >= joined


def _step_rows(snap: Snapshot, member_id: int, number: int) -> list[dict]:
    """The person's dated rows of step ``number``, in their order (read once per snapshot)."""
    return list(snap.dated_steps(member_id).get(number, ()))


def _step_dates(snap: Snapshot, member_id: int, number: int) -> list[_dt.date]:
    return sorted(as_date(s["date"]) for s in snap.dated_steps(member_id).get(number, ()))


def _highest_step(snap: Snapshot, member_id: int) -> int:
    return max((s.get("step") or 0 for s in snap.member_steps(member_id)), default=0)


def _verdict(fails, warns, oks, pendings, *, fail_msg, warn_msg, ok_msg, pending_msg, none_msg,
             advice, warn_advice="", pending_fix=None, measured=None, target=None) -> Outcome:
    """Combine per-person findings into one outcome (evidence: failures first)."""
    evidence = list(fails) + list(warns) + list(pendings)
    judged = len(fails) + len(warns) + len(oks)
    if measured is None and judged:
        measured = f"{len(oks)}/{judged}"
    if fails:
        return Outcome(FAILED, measured, target, fail_msg, advice, evidence)
    if warns:
        return Outcome(WARNING, measured, target, warn_msg, warn_advice or advice, evidence)
    # Someone still due (a talk, a 考察, a 转正 ahead) keeps the rule open even when everyone
    # judged so far is fine: 达标 today is not safe while obligations remain this year.
    if pendings:
        return Outcome(PENDING, measured, target, pending_msg, advice, evidence + list(oks), pending_fix)
    if oks:
        return Outcome(MET, measured, target, ok_msg, "", evidence + list(oks))
    return Outcome(NOT_APPLICABLE, measured, target, none_msg, "", [])


# ---- periods ------------------------------------------------------------------------
PERIOD_WORDS = {"month": "每月", "quarter": "每季度", "year": "每年"}


def period_states(snap: Snapshot, dates: list[_dt.date], period: str, min_count: int, applies=None):
    """[(label, start, end, count, state)] with state done / missing / pending / n/a;
    ``applies(start, end)`` False makes a period n/a (no committee, the group not yet set up)."""
    if period == "month":
        periods = [(f"{m}月", a, b) for m, a, b in snap.months()]
    elif period == "quarter":
        periods = [(quarter_label(q), a, b) for q, a, b in snap.quarters()]
    else:
        periods = [("全年", snap.start, snap.end)]
    out = []
    for label, a, b in periods:
        n = sum(1 for d in dates if d and a <= d <= b)
        if (snap.established and snap.established > b) or (applies is not None and not applies(a, b)):
            state = "n/a"
        elif n >= min_count:
            state = "done"
        elif snap.over(b):
            state = "missing"
        else:
            state = "pending"
        out.append((label, a, b, n, state))
    return out


def _periodic(snap: Snapshot, params: dict, what: str, verb: str, dates=None, prefix: str = "", applies=None):
    """Findings for "≥ min_count ``what`` per period": (fails, todo, done, applicable), ``todo``
    [(label, start, end, count still needed)] for the periods still open or ending today."""
    period = params["period"]
    min_count = int(params["min_count"])
    if dates is None:
        dates = [as_date(m["date"]) for m in snap.meetings_of(params["meeting_kinds"])]
    states = period_states(snap, dates, period, min_count, applies)
    fails = [f"{prefix}{label}未{verb}{what}" for label, _, _, _, s in states if s == "missing"]
    todo = [(label, a, b, min_count - n) for label, a, b, n, s in states
            if s == "pending" or (s == "missing" and still_possible(b, snap.day))]
    done = sum(1 for *_, s in states if s == "done")
    applicable = sum(1 for *_, s in states if s != "n/a")
    return fails, todo, done, applicable


def expected_attendees(snap: Snapshot, kind: str, group_id=None) -> list[int]:
    """Who is expected at a meeting of ``kind`` on the as-of day (the roster, not rows typed):
    the committee for 支部委员会, the group's 党员 for 党小组会, every 党员 otherwise;
    members exempt from activities (第二十三条) left out."""
    if kind == enums.COMMITTEE_MEETING:
        ids = sorted(snap.committee_ids())
    else:
        people = snap.party_members()
        if kind == enums.GROUP_MEETING:
            people = [m for m in people if m.get("party_group_id") == group_id]
        ids = [m["id"] for m in people]
    return [i for i in ids if not snap.exempt(i)]


def meeting_actions(snap: Snapshot, todo, kind: str, what: str, verb: str, prefix: str = "",
                    group_id=None, lecturer_id=None) -> list[Action]:
    """One ``meeting`` action per meeting still needed in the open periods of ``todo``."""
    out = []
    attendees = expected_attendees(snap, kind, group_id)
    for _, a, b, k in todo:
        for _ in range(k):
            out.append(Action("meeting", b, f"{by_words(b, snap.day)}{prefix}{verb}1次{what}",
                              {"meeting_kind": kind, "party_group_id": group_id, "lecturer_id": lecturer_id,
                               "attendees": attendees, "needs_vote": False}, max(a, snap.day)))
    return out


def _share(done: int, of: int) -> float | None:
    return done / of if of else None


def _periodic_rule(snap: Snapshot, params: dict, what: str, verb: str, advice: str, applies=None) -> Outcome:
    period = params["period"]
    min_count = int(params["min_count"])
    fails, todo, done, applicable = _periodic(snap, params, what, verb, applies=applies)
    target = f"{PERIOD_WORDS.get(period, '')}≥{min_count}次"
    measured = f"{done}/{done + len(fails)}"
    unit = "个月" if period == "month" else "个季度"
    if applicable == 0:
        return Outcome(NOT_APPLICABLE, measured, target, f"本年度支部成立前无需{verb}{what}", "", [])
    kind = params["meeting_kinds"][0]
    fix = None
    if todo:
        fix = Fix(meeting_actions(snap, todo, kind, what, verb), sum(k for *_, k in todo),
                  (done + len(todo)) / applicable)
    if fails:
        labels = "、".join(f[:-len(f"未{verb}{what}")] for f in fails)
        return Outcome(FAILED, measured, target, f"{len(fails)}{unit}未{verb}{what}：{labels}", advice, fails,
                       fix, _share(done, done + len(fails)))
    if todo:
        return Outcome(PENDING, measured, target,
                       f"已到期的{done}{unit}均已{verb}{what}，{'、'.join(t[0] for t in todo)}尚未到期",
                       advice, [], fix)
    return Outcome(MET, measured, target, f"{PERIOD_WORDS.get(period, '')}均已{verb}{what}（{done}{unit}）", "", [],
                   None, 1.0)
