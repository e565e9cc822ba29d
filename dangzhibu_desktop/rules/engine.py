"""Evaluate a ledger against a rule set: per-rule results, the six 基本 scores, 达标, stars,
the year-end projection and the plan (every action still due this year)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from . import evidence
from .asof import resolve_as_of, still_possible
from .checks import RULES, checklist_rule
from .model import (
    FAILED,
    MET,
    NOT_APPLICABLE,
    PENDING,
    VETO,
    WARNING,
    Action,
    BasicResult,
    NextStar,
    Outcome,
    Projection,
    Report,
    RuleResult,
    Standing,
)
from .ruleset import RuleSet, load_rule_set
from .snapshot import Snapshot


def run_rule(snap: Snapshot, spec, rs: RuleSet | None = None) -> RuleResult:
    """One rule's result on the snapshot (with the rule set's 佐证材料 check when ``rs``)."""
    fn = RULES[spec.code]
    try:
        out = fn(snap, spec.params, spec) if fn is checklist_rule else fn(snap, spec.params)
    except Exception as exc:  # odd data must be reported, never crash the whole check
        out = Outcome(WARNING, None, None, f"计算本项时遇到无法识别的数据：{type(exc).__name__}",
                      "请检查相关台账记录是否完整", [str(exc)[:200]])
    # As of D (the end of day D): what is still possible on D stays in the plan, marked 今天;
    # an action whose last day is before D is no longer possible.
    fix = out.fix if out.status in (FAILED, PENDING, WARNING, NOT_APPLICABLE) else None
    if fix is not None:
        kept = [a for a in fix.actions if not isinstance(a, Action) or still_possible(a.by, snap.day)]
        fix = replace(fix, actions=kept) if kept or fix.after is not None else None
    result = RuleResult(code=spec.code, name=spec.name, kind=spec.kind, status=out.status,
                        measured=out.measured, target=out.target, message=out.message, advice=out.advice,
                        evidence=list(out.evidence), weight=spec.weight, fix=fix,
                        credit=out.credit if out.status == FAILED else None)
    return evidence.check(snap, rs.evidence, spec, result) if rs is not None else result


def rule_credit(status: str, own: float | None, credit: dict) -> float:
    """A rule's credit (RULES.md "Score and stars"): 达标 whole, 预警 as the rule set says (half);
    a 未达标 rule that scores by share (periods or people met, months paid) keeps that share —
    one missed month does not sink a whole 基本 — and one without a share scores nothing."""
    if status == FAILED and own is not None:
        return max(0.0, min(1.0, float(own)))
    return credit.get(status, 0.0)


def basic_score(rules: list[RuleResult], credit: dict, assume: dict | None = None) -> float:
    """Weighted credit (0–100) of the applicable 可控/弹性 rules; 不适用 and 待到期 rules leave
    the denominator. ``assume`` overrides statuses by rule code (a status, or (status, credit))."""
    num = den = 0.0
    for r in rules:
        if r.kind == VETO:
            continue
        status, own = _assumed((assume or {}).get(r.code), r.status, r.credit)
        if status in (NOT_APPLICABLE, PENDING):
            continue
        den += r.weight
        num += r.weight * rule_credit(status, own, credit)
    return 100.0 * num / den if den else 100.0


def _assumed(value, status: str, own: float | None) -> tuple[str, float | None]:
    """(status, own credit) under an assumption: None keeps the result, a status replaces it
    (with no share of its own), a (status, credit) pair sets both."""
    if value is None:
        return status, own
    if isinstance(value, tuple):
        return value
    return value, None


def stars_for(rs: RuleSet, met_standard: bool, score: float, statuses: dict) -> int:
    if not met_standard:
        return 0
    stars = 0
    for s in rs.stars:
        if score + 1e-9 >= float(s.get("min_score", 0)) and all(statuses.get(c) == MET for c in s.get("requires", ())):
            stars = max(stars, int(s["stars"]))
        else:
            break
    return stars


def standing(rs: RuleSet, basics: list[BasicResult], assume: dict | None = None):
    """(达标, total score, stars, per-basic scores) for the results, with ``assume`` applied."""
    return _Standing(rs, basics)(assume)


class _Standing:
    """``standing`` for one set of results under many assumptions (the next-star search tries
    hundreds): the rules are laid out once, and each trial does the same sums in the same
    order as ``basic_score``, so every figure is the same to the last bit."""

    def __init__(self, rs: RuleSet, basics: list[BasicResult]):
        self.rs = rs
        self.basics = [[(r.code, r.weight, r.status, r.credit) for r in b.rules if r.kind != VETO] for b in basics]
        self.vetoes = [(r.code, r.status) for b in basics for r in b.rules if r.kind == VETO]
        # A code's status is its last rule's (what a dict built over all rules keeps).
        self.last = {r.code: r.status for b in basics for r in b.rules}

    def __call__(self, assume: dict | None = None):
        assume = assume or {}
        credit = self.rs.credit
        scores = []
        for rules in self.basics:
            num = den = 0.0
            for code, weight, status, own in rules:
                status, own = _assumed(assume.get(code), status, own)
                if status in (NOT_APPLICABLE, PENDING):
                    continue
                den += weight
                num += weight * rule_credit(status, own, credit)
            scores.append(100.0 * num / den if den else 100.0)
        total = round(sum(scores) / len(scores), 1) if scores else 0.0
        scores = [round(s, 1) for s in scores]
        last = self.last
        vetoes_ok = all(_assumed(assume.get(code), last[code], None)[0] != FAILED for code, _ in self.vetoes)
        met = vetoes_ok and all(s + 1e-9 >= self.rs.basic_min for s in scores)
        statuses = _Statuses(last, assume)
        return met, total, stars_for(self.rs, met, total, statuses), scores


class _Statuses:
    """The {code: status} that ``stars_for`` reads, without building it for every trial."""

    __slots__ = ("last", "assume")

    def __init__(self, last: dict, assume: dict):
        self.last, self.assume = last, assume

    def get(self, code, default=None):
        if code not in self.last:
            return default
        return _assumed(self.assume.get(code), self.last[code], None)[0]


def _plan_actions(basics: list[BasicResult], day: _dt.date) -> list[Action]:
    """Every action still due this year, of every rule, ordered by deadline (then rule order).

    A fix given as a plain sentence (work the ledger does not record in detail) becomes an
    ``other`` action due by 31 December."""
    end = _dt.date(day.year, 12, 31)
    out = []
    n = 0
    for b in basics:
        for r in b.rules:
            if r.fix is None:
                continue
            for a in r.fix.actions:
                if not isinstance(a, Action):
                    a = Action("other", end, str(a), {}, day)
                a.rule = r.code
                out.append((a.by, n, a))
                n += 1
    # Two rules may ask for the same thing (SYS-DUES and SYS-DUES-LAPSE: collect the same
    # arrears): the plan lists it once, under the first rule that asks.
    seen, plan = set(), []
    for _, _, a in sorted(out, key=lambda x: (x[0], x[1])):
        key = (a.type, a.by, repr(sorted(a.params.items()))) if a.type != "other" else (a.type, a.text)
        if key not in seen:
            seen.add(key)
            plan.append(a)
    return plan


def _planned_credit(r: RuleResult, plan: list[Action]) -> float | None:
    """The rule's credit once the whole plan is done (1.0: 达标), or None when the plan cannot
    count on it (no fix, or work the ledger cannot record: ``other``)."""
    fix = r.fix
    if fix is None:
        return None
    if fix.after is not None:
        return fix.after(plan)
    if any(not isinstance(a, Action) or a.type == "other" for a in fix.actions):
        return None
    return fix.credit


def _planned(r: RuleResult, plan: list[Action]) -> bool:
    """Doing the plan makes the rule 达标."""
    credit = _planned_credit(r, plan)
    return credit is not None and credit + 1e-9 >= 1.0


_RANK = {FAILED: 0, WARNING: 1, PENDING: 0, NOT_APPLICABLE: 2, MET: 3}


def project(rs: RuleSet, basics: list[BasicResult], year_end: list[BasicResult],
            day: _dt.date) -> tuple[Projection, NextStar]:
    """The projection and the plan (DESIGN.md "Projection and plan").

    ``year_end`` are the verdicts on 31 December if nothing more is recorded after the as-of
    day (every obligation still due counted as missed): ``if_nothing_more``. ``secured`` counts
    only what is 达标 then (a 预警 is a risk, not certain). ``with_plan``: every rule whose plan
    actions are all done is 达标 (or stays as it ends anyway, when that is better); the plan is
    every action still due this year, and a failed 否定 rule no action repairs blocks it.
    """
    judge = _Standing(rs, year_end)
    nothing = judge()
    secured = judge({r.code: FAILED for b in year_end for r in b.rules if r.status == WARNING})
    today = {r.code: r for b in basics for r in b.rules}
    actions = _plan_actions(basics, day)
    assume = {}
    for b in year_end:
        for r in b.rules:
            now = today.get(r.code)
            if now is None or _RANK.get(r.status, 0) >= _RANK[MET]:
                continue
            credit = _planned_credit(now, actions)
            if credit is None:
                continue
            if credit + 1e-9 >= 1.0:
                assume[r.code] = MET
            elif r.status == FAILED and r.kind != VETO and credit > (r.credit or 0.0):
                assume[r.code] = (FAILED, credit)  # the plan makes up part of it
    plan = judge(assume)
    blocked = [r.code for b in year_end for r in b.rules
               if r.kind == VETO and assume.get(r.code, r.status) == FAILED]
    projection = Projection(secured=Standing(*secured[:3]), if_nothing_more=Standing(*nothing[:3]),
                            with_plan=Standing(*plan[:3]))
    return projection, NextStar(plan[2], actions, reachable=bool(plan[0]), blocked_by=blocked)


def evaluate(ledger, year: int, as_of: _dt.date | None = None, rule_set: RuleSet | str | None = None,
             *, with_reminders: bool = True) -> "Report":
    """Judge ``year`` of ``ledger`` on ``as_of`` (see ``resolve_as_of``) against a rule set."""
    rs = rule_set if isinstance(rule_set, RuleSet) else load_rule_set(rule_set)
    day = resolve_as_of(year, as_of)
    snap = Snapshot(ledger, year, day)
    snap.rule_set = rs
    basics = []
    for b in rs.basics:
        results = [run_rule(snap, spec, rs) for spec in b.rules]
        basics.append(BasicResult(b.code, b.name, round(basic_score(results, rs.credit), 1), results))
    met, total, stars, _ = standing(rs, basics)
    end = _dt.date(year, 12, 31)
    if day < end:
        # The same ledger judged on 31 December with nothing recorded after the as-of day.
        end_snap = Snapshot(ledger, year, end, records_until=day)
        end_snap.rule_set = rs
        year_end = [BasicResult(b.code, b.name, 0.0, [run_rule(end_snap, spec, rs) for spec in b.rules])
                    for b in rs.basics]
    else:
        year_end = basics
    projection, plan = project(rs, basics, year_end, day)
    report = Report(year=year, as_of=day, standard_met=met, score=total, stars=stars, basics=basics,
                    next_star=plan, reminders=[], rule_set_name=rs.name, projection=projection)
    # Reminders look ahead from the as-of day; for a day long past (a closed year) they would
    # only repeat what has happened since, so the report carries none then.
    if with_reminders and day >= _dt.date.today() - _dt.timedelta(days=rs.reminder_days):
        from .reminders import reminders_from_snapshot

        report.reminders = reminders_from_snapshot(ledger, snap, rs, rs.reminder_days)
    return report
